/* test-targets.c: targets (指标任务) with their yearly breakdown, their rules, and progress
 * against each built-in indicator on a small hand-built database.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-util.h"
#include "tidu-core.h"

typedef TiduTestFixture Fixture;

#define PLAN "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01"   /* 江苏省“双创计划”, seeded */

static char *
add_region (Fixture    *f,
            const char *parent_id,
            const char *name)
{
  g_autoptr(TiduRegion) region = tidu_region_new ();
  g_autoptr(GError) error = NULL;

  region->parent_id = g_strdup (parent_id);
  region->name = g_strdup (name);
  region->kind = g_strdup (parent_id == NULL ? "city" : "district");
  g_assert_true (tidu_region_save (f->db, region, &error));
  g_assert_no_error (error);
  return g_strdup (region->id);
}

static char *
add_firm (Fixture    *f,
          const char *name,
          const char *region_id)
{
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GError) error = NULL;

  firm->name = g_strdup (name);
  firm->region_id = g_strdup (region_id);
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);
  return g_strdup (firm->id);
}

static void
add_cert (Fixture    *f,
          const char *firm_id,
          const char *tier,
          const char *certified_on)
{
  g_autoptr(TiduCertification) cert = tidu_certification_new ();
  g_autoptr(GError) error = NULL;

  cert->firm_id = g_strdup (firm_id);
  cert->tier = g_strdup (tier);
  cert->certified_on = tidu_test_date (certified_on);
  g_assert_true (tidu_certification_save (f->db, cert, &error));
  g_assert_no_error (error);
}

static TiduTarget *
make_target (const char *indicator,
             const char *parameter,
             const char *region_id,
             int         start_year,
             int         end_year,
             gint64      value)
{
  TiduTarget *target = tidu_target_new ();

  target->indicator = g_strdup (indicator);
  target->parameter = g_strdup (parameter);
  target->region_id = g_strdup (region_id);
  target->start_year = start_year;
  target->end_year = end_year;
  target->value = value;
  return target;
}

static char *
snapshot (TiduDatabase *db)
{
  const char *tables[] = { "targets", "target_years" };

  return tidu_test_snapshot_tables (db, tables, G_N_ELEMENTS (tables));
}

/* ------------------------------------------------------------------ records */

static void
test_crud (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *c = add_region (f, NULL, "C市");
  g_autoptr(TiduTarget) target = make_target ("firms_per_tier", "hnte", c, 2023, 2025, 30);
  g_autoptr(TiduTarget) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  TiduTargetYear *years;

  target->title = g_strdup ("  有效高新技术企业达30家 ");
  target->source = g_strdup ("区科技局2023年工作要点");
  tidu_target_set_year (target, 2024, 20);
  tidu_target_set_year (target, 2023, 10);
  g_assert_true (tidu_target_save (f->db, target, &error));
  g_assert_no_error (error);
  g_assert_nonnull (target->id);
  g_assert_nonnull (target->created_at);

  loaded = tidu_target_load (f->db, target->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->indicator, ==, "firms_per_tier");
  g_assert_cmpstr (loaded->parameter, ==, "hnte");
  g_assert_cmpstr (loaded->region_id, ==, c);
  g_assert_cmpstr (loaded->title, ==, "有效高新技术企业达30家");
  g_assert_cmpint (loaded->start_year, ==, 2023);
  g_assert_cmpint (loaded->end_year, ==, 2025);
  g_assert_cmpint (loaded->value, ==, 30);
  g_assert_cmpuint (loaded->years->len, ==, 2);
  years = (TiduTargetYear *) loaded->years->data;
  g_assert_cmpint (years[0].year, ==, 2023);
  g_assert_cmpint (years[0].value, ==, 10);
  g_assert_cmpint (years[1].year, ==, 2024);
  g_assert_cmpint (years[1].value, ==, 20);
  /* The goal of a year: its breakdown, else the target's value in its last year. */
  g_assert_cmpint (tidu_target_get_year (loaded, 2023), ==, 10);
  g_assert_cmpint (tidu_target_get_year (loaded, 2025), ==, 30);
  g_assert_cmpint (tidu_target_get_year (loaded, 2022), ==, TIDU_UNSET);

  /* A new breakdown: 2023 goes (to the trash), 2024 changes, 2025 comes. */
  g_array_set_size (loaded->years, 0);
  tidu_target_set_year (loaded, 2025, 30);
  tidu_target_set_year (loaded, 2024, 15);
  loaded->value = 32;
  g_assert_true (tidu_target_save (f->db, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, tidu_target_free);
  loaded = tidu_target_load (f->db, target->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->value, ==, 32);
  g_assert_cmpuint (loaded->years->len, ==, 2);
  years = (TiduTargetYear *) loaded->years->data;
  g_assert_cmpint (years[0].year, ==, 2024);
  g_assert_cmpint (years[0].value, ==, 15);
  g_assert_cmpint (years[1].year, ==, 2025);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM target_years WHERE deleted_at IS NOT NULL AND year = 2023"), ==, 1);

  /* Lists: by region, by year. */
  list = tidu_target_list (f->db, c, 2024, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((TiduTarget *) g_ptr_array_index (list, 0))->years->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tidu_target_list (f->db, c, 2026, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Soft delete and restore. */
  g_assert_true (tidu_target_delete (f->db, target->id, &error));
  g_assert_no_error (error);
  list = tidu_target_list (f->db, NULL, 0, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tidu_target_list (f->db, NULL, 0, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_clear_pointer (&loaded, tidu_target_free);
  loaded = tidu_target_load (f->db, target->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded->deleted_at);
  /* A target in the trash is not changed by a save. */
  g_assert_false (tidu_target_save (f->db, loaded, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (tidu_target_restore (f->db, target->id, &error));
  g_assert_no_error (error);
  list = tidu_target_list (f->db, NULL, 2025, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *c = add_region (f, NULL, "C市");
  g_autofree char *gone = add_region (f, c, "旧区");
  g_autoptr(TiduTarget) saved = make_target ("firms_attracted", "signed", c, 2024, 2025, 500);
  g_autoptr(GError) error = NULL;
  struct {
    const char *indicator, *parameter;
    int start, end;
    gint64 value;
    int extra_year;
    gboolean twice;
    const char *field;
    TiduError code;
  } cases[] = {
    { NULL, NULL, 2024, 2025, 1, 0, FALSE, "indicator", TIDU_ERROR_INVALID },
    { "firms_per_year", NULL, 2024, 2025, 1, 0, FALSE, "indicator", TIDU_ERROR_INVALID },
    { "firms_per_tier", NULL, 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "firms_per_tier", "little_giant", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "new_certifications", "platinum", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "firms_attracted", "maybe", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "promotion_events", "x", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "carriers", "castle", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "carriers", "incubator:galactic", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "carrier_area_m2", "incubator:national", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "talents_awarded", "no-such-plan", 2024, 2025, 1, 0, FALSE, "parameter", TIDU_ERROR_INVALID },
    { "promotion_events", NULL, 1970, 2025, 1, 0, FALSE, "start_year", TIDU_ERROR_INVALID },
    { "promotion_events", NULL, 2024, 2200, 1, 0, FALSE, "end_year", TIDU_ERROR_INVALID },
    { "promotion_events", NULL, 2025, 2024, 1, 0, FALSE, "end_year", TIDU_ERROR_INVALID },
    { "promotion_events", NULL, 2024, 2025, TIDU_UNSET, 0, FALSE, "value", TIDU_ERROR_INVALID },
    { "promotion_events", NULL, 2024, 2025, -3, 0, FALSE, "value", TIDU_ERROR_INVALID },
    { "promotion_events", NULL, 2024, 2025, 5, 2030, FALSE, "years", TIDU_ERROR_INVALID },
    { "promotion_events", NULL, 2024, 2025, 5, 2024, TRUE, "years", TIDU_ERROR_DUPLICATE },
  };

  g_assert_true (tidu_target_save (f->db, saved, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TiduTarget) target = make_target (cases[i].indicator, cases[i].parameter, c,
                                                  cases[i].start, cases[i].end, cases[i].value);
      g_autoptr(TiduValidation) validation = NULL;
      const TiduIssue *issue;

      if (cases[i].extra_year != 0)
        {
          TiduTargetYear entry = { cases[i].extra_year, 1 };

          g_array_append_val (target->years, entry);
          if (cases[i].twice)
            g_array_append_val (target->years, entry);
        }
      g_test_message ("case %u: %s", i, cases[i].field);
      tidu_test_assert_rejected (f->db, snapshot, (TiduTestValidateFunc) tidu_target_validate,
                                 (TiduTestSaveFunc) tidu_target_save, target, cases[i].field, cases[i].code,
                                 &validation);
      issue = tidu_validation_find (validation, cases[i].field);
      g_assert_nonnull (issue);
      g_assert_true (issue->message != NULL && issue->message[0] != '\0');
    }

  /* A negative goal in the breakdown names its year. */
  {
    g_autoptr(TiduTarget) target = make_target ("promotion_events", NULL, c, 2024, 2025, 5);
    g_autoptr(TiduValidation) validation = tidu_validation_new ();

    tidu_target_set_year (target, 2024, -1);
    g_assert_false (tidu_target_validate (f->db, target, validation));
    g_assert_nonnull (strstr (tidu_validation_find (validation, "years")->message, "2024"));
  }

  /* A region in the trash. */
  {
    g_autoptr(TiduTarget) target = make_target ("promotion_events", NULL, gone, 2024, 2025, 5);

    g_assert_true (tidu_region_delete (f->db, gone, &error));
    g_assert_no_error (error);
    tidu_test_assert_rejected (f->db, snapshot, (TiduTestValidateFunc) tidu_target_validate,
                               (TiduTestSaveFunc) tidu_target_save, target, "region_id", TIDU_ERROR_INVALID, NULL);
  }

  /* A failed update leaves the record as it was, in memory and on disk. */
  {
    g_autoptr(TiduTarget) loaded = NULL;

    g_free (saved->parameter);
    saved->parameter = g_strdup ("someday");
    saved->value = 1;
    g_assert_false (tidu_target_save (f->db, saved, &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (saved->value, ==, 1);
    loaded = tidu_target_load (f->db, saved->id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (loaded->parameter, ==, "signed");
    g_assert_cmpint (loaded->value, ==, 500);
  }
}

/* ------------------------------------------------------------------ progress */

typedef struct
{
  char *c, *d, *e;
} Regions;

static void
regions_clear (Regions *r)
{
  g_free (r->c);
  g_free (r->d);
  g_free (r->e);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Regions, regions_clear)

/* C市 ─┬─ D区
 *      └─ E区
 * 高企: A (D) 2023-03-01, B (E) 2021-02-01 (valid through 2024-02-01), C0 (D) 2024-05-10,
 * X (E, firm in the trash) 2024-01-01, G (no region) 2024-01-01. */
static void
build_progress_world (Fixture *f,
                      Regions *r)
{
  g_autofree char *a = NULL, *b = NULL, *c0 = NULL, *x = NULL, *g = NULL;
  g_autoptr(GError) error = NULL;

  r->c = add_region (f, NULL, "C市");
  r->d = add_region (f, r->c, "D区");
  r->e = add_region (f, r->c, "E区");
  a = add_firm (f, "甲", r->d);
  b = add_firm (f, "乙", r->e);
  c0 = add_firm (f, "丙", r->d);
  x = add_firm (f, "丁", r->e);
  g = add_firm (f, "戊", NULL);
  add_cert (f, a, "hnte", "2023-03-01");
  add_cert (f, b, "hnte", "2021-02-01");
  add_cert (f, c0, "hnte", "2024-05-10");
  add_cert (f, x, "hnte", "2024-01-01");
  add_cert (f, g, "hnte", "2024-01-01");
  g_assert_true (tidu_firm_delete (f->db, x, &error));
  g_assert_no_error (error);
}

static TiduTargetProgress *
progress_of (Fixture          *f,
             const TiduTarget *target,
             int               year,
             const char       *date)
{
  g_autoptr(GError) error = NULL;
  GDate day = tidu_test_date (date);
  TiduTargetProgress *progress = tidu_target_progress (f->db, target, year, &day, &error);

  g_assert_no_error (error);
  g_assert_nonnull (progress);
  return progress;
}

static void
test_progress_tiers (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Regions) r = { 0 };
  g_autoptr(TiduTarget) target = NULL;
  g_autoptr(TiduTarget) fresh = NULL;
  g_autoptr(TiduTargetProgress) p = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = NULL;
  GDate day;

  build_progress_world (f, &r);
  target = make_target ("firms_per_tier", "hnte", r.c, 2023, 2025, 4);
  tidu_target_set_year (target, 2024, 3);
  g_assert_true (tidu_target_save (f->db, target, &error));
  g_assert_no_error (error);

  /* End of 2024: A and C0 (B expired 2024-02-01; X trashed; G outside C). A year earlier: A, B. */
  p = progress_of (f, target, 2024, "2024-12-31");
  g_assert_cmpint (p->target, ==, 3);
  g_assert_cmpint (p->actual, ==, 2);
  g_assert_cmpint (p->last_year, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->ratio, 2.0 / 3.0, 1e-12);
  as_of = tidu_date_to_iso (&p->as_of);
  g_assert_cmpstr (as_of, ==, "2024-12-31");
  g_clear_pointer (&p, tidu_target_progress_free);
  g_clear_pointer (&as_of, g_free);

  /* On B's last day it still counts; the next month it does not, and C0 is not there yet. */
  p = progress_of (f, target, 2024, "2024-02-01");
  g_assert_cmpint (p->actual, ==, 2);
  g_clear_pointer (&p, tidu_target_progress_free);
  p = progress_of (f, target, 2024, "2024-03-01");
  g_assert_cmpint (p->actual, ==, 1);
  as_of = tidu_date_to_iso (&p->as_of);
  g_assert_cmpstr (as_of, ==, "2024-03-01");
  g_clear_pointer (&p, tidu_target_progress_free);

  /* 2025: the target's own value; A and C0 still valid. */
  p = progress_of (f, target, 2025, "2025-12-31");
  g_assert_cmpint (p->target, ==, 4);
  g_assert_cmpint (p->actual, ==, 2);
  g_assert_cmpfloat_with_epsilon (p->ratio, 0.5, 1e-12);
  g_clear_pointer (&p, tidu_target_progress_free);

  /* New certifications of 高企 in D in 2024: C0. */
  fresh = make_target ("new_certifications", "hnte", r.d, 2024, 2024, 2);
  g_assert_true (tidu_target_save (f->db, fresh, &error));
  g_assert_no_error (error);
  p = progress_of (f, fresh, 2024, "2024-12-31");
  g_assert_cmpint (p->actual, ==, 1);
  g_assert_cmpint (p->last_year, ==, 1);
  g_assert_cmpfloat_with_epsilon (p->ratio, 0.5, 1e-12);
  g_clear_pointer (&p, tidu_target_progress_free);

  /* The list computes the same figures in one pass over the certifications. */
  day = tidu_test_date ("2024-12-31");
  list = tidu_target_progress_list (f->db, NULL, 2024, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      TiduTargetProgress *from_list = g_ptr_array_index (list, i);
      g_autoptr(TiduTarget) loaded = tidu_target_load (f->db, from_list->target_id, &error);
      g_autoptr(TiduTargetProgress) single = NULL;

      g_assert_no_error (error);
      single = progress_of (f, loaded, 2024, "2024-12-31");
      g_assert_cmpint (from_list->actual, ==, single->actual);
      g_assert_cmpint (from_list->last_year, ==, single->last_year);
      g_assert_cmpint (from_list->target, ==, single->target);
    }
  g_clear_pointer (&list, g_ptr_array_unref);

  /* With the firm outside every region in the trash, C holds every live firm: the list counts
   * all the firms it sees for C's target, and still not the trashed ones. */
  tidu_test_exec (f->db, "UPDATE firms SET deleted_at = '2025-01-01T00:00:00Z' WHERE name = '戊'");
  list = tidu_target_progress_list (f->db, NULL, 2024, &day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      TiduTargetProgress *from_list = g_ptr_array_index (list, i);

      if (g_strcmp0 (from_list->target_id, target->id) == 0)
        {
          g_assert_cmpint (from_list->actual, ==, 2);
          g_assert_cmpint (from_list->last_year, ==, 2);
        }
    }
  g_clear_pointer (&list, g_ptr_array_unref);
  /* Of one region only. */
  list = tidu_target_progress_list (f->db, r.d, 2024, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((TiduTargetProgress *) g_ptr_array_index (list, 0))->actual, ==, 1);
}

static gint64
actual (Fixture       *f,
        TiduIndicator  indicator,
        const char    *parameter,
        const char    *region_id,
        int            year)
{
  g_autoptr(GError) error = NULL;
  GDate day = tidu_test_date ("2025-06-30");
  gint64 value = -1;

  g_assert_true (tidu_indicator_actual (f->db, indicator, parameter, region_id, year, &day, &value, &error));
  g_assert_no_error (error);
  return value;
}

static void
test_progress_other_indicators (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(Regions) r = { 0 };
  g_autofree char *sql = NULL;

  build_progress_world (f, &r);

  /* 招引: P1 (D) signed 2024-04-01; P2 (E) landed 2024-02-01 after signing 2023-12-01; P3 (D)
   * negotiating; P4 (D) landed 2024-06-01 with no signing date; P5 (D) signed 2024, trashed. */
  sql = g_strdup_printf ("INSERT INTO firms (id, name, region_id, attraction_stage, signed_on, landed_on, deleted_at) VALUES "
                         "('p1', 'P1', '%1$s', 'signed', '2024-04-01', NULL, NULL), "
                         "('p2', 'P2', '%2$s', 'landed', '2023-12-01', '2024-02-01', NULL), "
                         "('p3', 'P3', '%1$s', 'negotiating', NULL, NULL, NULL), "
                         "('p4', 'P4', '%1$s', 'landed', NULL, '2024-06-01', NULL), "
                         "('p5', 'P5', '%1$s', 'signed', '2024-05-01', NULL, '2024-06-01T00:00:00Z')",
                         r.d, r.e);
  tidu_test_exec (f->db, sql);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_FIRMS_ATTRACTED, NULL, r.c, 2024), ==, 2);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_FIRMS_ATTRACTED, "signed", r.c, 2023), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_FIRMS_ATTRACTED, "landed", r.c, 2024), ==, 2);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_FIRMS_ATTRACTED, "signed", r.d, 2024), ==, 2);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_FIRMS_ATTRACTED, "landed", r.e, 2024), ==, 1);
  g_clear_pointer (&sql, g_free);

  /* 招商活动: two in 2024 in C (one in D, one in E), one in 2023, one trashed. */
  sql = g_strdup_printf ("INSERT INTO promotion_events (id, name, held_on, region_id, deleted_at) VALUES "
                         "('e1', 'E1', '2024-03-03', '%1$s', NULL), ('e2', 'E2', '2024-07-07', '%2$s', NULL), "
                         "('e3', 'E3', '2023-05-05', '%1$s', NULL), ('e4', 'E4', '2024-09-09', '%1$s', '2024-10-01T00:00:00Z')",
                         r.d, r.e);
  tidu_test_exec (f->db, sql);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_PROMOTION_EVENTS, NULL, r.c, 2024), ==, 2);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_PROMOTION_EVENTS, NULL, r.d, 2024), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_PROMOTION_EVENTS, NULL, NULL, 2023), ==, 1);
  g_clear_pointer (&sql, g_free);

  /* Carriers: K1 incubator (D) founded 2020, 市级 from 2020-06-01, 省级 from 2023-06-01,
   * 1000.5 m²; K2 incubator (E) founded 2024-05-01, 市级 with no history, 500.4 m²; K3 maker
   * space (D), no founding date, 300 m²; K4 incubator (D) in the trash. */
  sql = g_strdup_printf ("INSERT INTO carriers (id, name, kind, level, region_id, area_m2, founded_on, deleted_at) VALUES "
                         "('k1', 'K1', 'incubator', 'provincial', '%1$s', 1000.5, '2020-01-01', NULL), "
                         "('k2', 'K2', 'incubator', 'municipal', '%2$s', 500.4, '2024-05-01', NULL), "
                         "('k3', 'K3', 'maker_space', NULL, '%1$s', 300, NULL, NULL), "
                         "('k4', 'K4', 'incubator', NULL, '%1$s', 9999, '2019-01-01', '2024-01-01T00:00:00Z'); "
                         "INSERT INTO carrier_levels (id, carrier_id, level, recognized_on) VALUES "
                         "('l1', 'k1', 'municipal', '2020-06-01'), ('l2', 'k1', 'provincial', '2023-06-01')",
                         r.d, r.e);
  tidu_test_exec (f->db, sql);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIERS, "incubator", r.c, 2024), ==, 2);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIERS, "incubator", r.c, 2023), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIERS, "incubator:provincial", NULL, 2024), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIERS, "incubator:provincial", NULL, 2022), ==, 0);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIERS, ":municipal", NULL, 2022), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIERS, ":municipal", NULL, 2024), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIERS, "maker_space", r.d, 2024), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIER_AREA, NULL, r.c, 2024), ==, 1801);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIER_AREA, "incubator", r.c, 2024), ==, 1501);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_CARRIER_AREA, "incubator", r.e, 2023), ==, 0);
  g_clear_pointer (&sql, g_free);

  /* Talents: T1 (D) leads award A1 of 2024 with T2 (E) as a member; A2 of 2024 to T2 is
   * revoked; A3 to T1 is of the 2023 batch (no year of its own); A4 to T3 (D) is of a trashed talent. */
  sql = g_strdup_printf ("INSERT INTO talents (id, name, region_id, deleted_at) VALUES "
                         "('t1', 'T1', '%1$s', NULL), ('t2', 'T2', '%2$s', NULL), ('t3', 'T3', '%1$s', '2024-01-01T00:00:00Z'); "
                         "INSERT INTO talent_plan_batches (id, plan_id, year, name) VALUES ('b23', '" PLAN "', 2023, '2023年批'); "
                         "INSERT INTO talent_awards (id, plan_id, batch_id, talent_id, year, status) VALUES "
                         "('a1', '" PLAN "', NULL, 't1', 2024, 'active'), ('a2', '" PLAN "', NULL, 't2', 2024, 'revoked'), "
                         "('a3', '" PLAN "', 'b23', 't1', NULL, 'completed'), ('a4', '" PLAN "', NULL, 't3', 2024, 'active'); "
                         "INSERT INTO talent_award_members (id, award_id, talent_id) VALUES ('m1', 'a1', 't2')",
                         r.d, r.e);
  tidu_test_exec (f->db, sql);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_TALENTS_AWARDED, PLAN, r.c, 2024), ==, 2);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_TALENTS_AWARDED, NULL, r.c, 2024), ==, 2);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_TALENTS_AWARDED, PLAN, r.d, 2024), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_TALENTS_AWARDED, PLAN, NULL, 2023), ==, 1);
  g_assert_cmpint (actual (f, TIDU_INDICATOR_TALENTS_AWARDED, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02", NULL, 2024), ==, 0);

  /* A year after the as-of day has no figure yet. */
  g_assert_cmpint (actual (f, TIDU_INDICATOR_PROMOTION_EVENTS, NULL, NULL, 2026), ==, 0);
}

/* A target of an indicator this version does not know is listed without a figure. */
static void
test_progress_unknown_indicator (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate day = tidu_test_date ("2025-06-30");
  TiduTargetProgress *p;

  tidu_test_exec (f->db, "INSERT INTO targets (id, indicator, start_year, end_year, value) "
                         "VALUES ('x', 'patents_granted', 2025, 2025, 10)");
  list = tidu_target_progress_list (f->db, NULL, 2025, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  p = g_ptr_array_index (list, 0);
  g_assert_cmpint (p->actual, ==, TIDU_UNSET);
  g_assert_cmpint (p->target, ==, 10);
  g_assert_true (isnan (p->ratio));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/targets/crud", Fixture, NULL, tidu_test_fixture_set_up, test_crud, tidu_test_fixture_tear_down);
  g_test_add ("/targets/rules", Fixture, NULL, tidu_test_fixture_set_up, test_rules, tidu_test_fixture_tear_down);
  g_test_add ("/targets/progress-tiers", Fixture, NULL, tidu_test_fixture_set_up, test_progress_tiers, tidu_test_fixture_tear_down);
  g_test_add ("/targets/progress-other-indicators", Fixture, NULL, tidu_test_fixture_set_up, test_progress_other_indicators, tidu_test_fixture_tear_down);
  g_test_add ("/targets/progress-unknown-indicator", Fixture, NULL, tidu_test_fixture_set_up, test_progress_unknown_indicator, tidu_test_fixture_tear_down);

  return g_test_run ();
}
