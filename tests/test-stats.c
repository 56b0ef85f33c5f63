/* test-stats.c: the statistics of tidu-stats.h on a small hand-built database whose expected
 * numbers are worked out in the comments.
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

/* The world of these tests.
 *
 *   regions: 市 C ─┬─ 区 D ── 镇 T
 *                  └─ 区 E
 *   F1 (T)  科小 2022-03-01 (→ 2022-12-31); 高企 2022-11-18 (→ 2025-11-18, ADR 0003)
 *   F2 (D)  高企 2021-06-01 (→ 2024-06-01); 瞪羚 2023-05-01 expiring 2026-04-30: two tiers at
 *           once from 2023-05-01 to 2024-06-01. Industry 软件, tech field 电子信息.
 *   F3 (E)  科小 2024-04-01 (→ 2024-12-31) and 2025-04-01 (→ 2025-12-31)
 *   F4 (E)  高企 2023-01-01, the firm is in the trash
 *   F5 (D)  高企 2020-12-01 revoked 2022-07-01; 上市 2021-01-01 whose certification is in the trash
 *   F6 (-)  上市 2019-05-05, no region
 *   carriers K1 (D), K2 (E); stays: F1 in K1 2021-03-01 … 2023-06-30 毕业, F2 in K1 2022-01-10 …
 *   2022-12-31 退出, F3 in K2 from 2024-02-01, F4 in K1 from 2022-01-01 (the firm is trashed).
 *   K1 2022: grade A, 10 incubated reported; K2 2022: grade B.
 */
typedef struct
{
  char *c, *d, *t, *e;
  char *f1, *f2, *f3, *f4, *f5, *f6;
  char *k1, *k2;
} World;

static void
world_clear (World *w)
{
  g_free (w->c); g_free (w->d); g_free (w->t); g_free (w->e);
  g_free (w->f1); g_free (w->f2); g_free (w->f3); g_free (w->f4); g_free (w->f5); g_free (w->f6);
  g_free (w->k1); g_free (w->k2);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (World, world_clear)

static char *
add_region (Fixture    *f,
            const char *parent_id,
            const char *name,
            const char *kind)
{
  g_autoptr(TiduRegion) region = tidu_region_new ();
  g_autoptr(GError) error = NULL;

  region->parent_id = g_strdup (parent_id);
  region->name = g_strdup (name);
  region->kind = g_strdup (kind);
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

static char *
add_cert (Fixture    *f,
          const char *firm_id,
          const char *tier,
          const char *certified_on,
          const char *expires_on,
          const char *revoked_on)
{
  g_autoptr(TiduCertification) cert = tidu_certification_new ();
  g_autoptr(GError) error = NULL;

  cert->firm_id = g_strdup (firm_id);
  cert->tier = g_strdup (tier);
  cert->certified_on = tidu_test_date (certified_on);
  if (expires_on != NULL)
    cert->expires_on = tidu_test_date (expires_on);
  if (revoked_on != NULL)
    {
      g_free (cert->status);
      cert->status = g_strdup (TIDU_CERTIFICATION_REVOKED);
      cert->revoked_on = tidu_test_date (revoked_on);
    }
  g_assert_true (tidu_certification_save (f->db, cert, &error));
  g_assert_no_error (error);
  return g_strdup (cert->id);
}

static char *
add_carrier (Fixture    *f,
             const char *name,
             const char *region_id)
{
  g_autoptr(TiduCarrier) carrier = tidu_carrier_new ();
  g_autoptr(GError) error = NULL;

  carrier->name = g_strdup (name);
  carrier->kind = g_strdup ("incubator");
  carrier->region_id = g_strdup (region_id);
  g_assert_true (tidu_carrier_save (f->db, carrier, &error));
  g_assert_no_error (error);
  return g_strdup (carrier->id);
}

static void
add_stay (Fixture    *f,
          const char *firm_id,
          const char *carrier_id,
          const char *entered_on,
          const char *left_on,
          const char *outcome)
{
  g_autoptr(TiduStay) stay = tidu_stay_new ();
  g_autoptr(GError) error = NULL;

  stay->firm_id = g_strdup (firm_id);
  stay->carrier_id = g_strdup (carrier_id);
  stay->entered_on = tidu_test_date (entered_on);
  if (left_on != NULL)
    stay->left_on = tidu_test_date (left_on);
  stay->outcome = g_strdup (outcome);
  g_assert_true (tidu_stay_save (f->db, stay, &error));
  g_assert_no_error (error);
}

static void
add_carrier_year (Fixture    *f,
                  const char *carrier_id,
                  int         year,
                  const char *grade,
                  gint64      incubated)
{
  g_autoptr(TiduCarrierYear) figures = tidu_carrier_year_new ();
  g_autoptr(GError) error = NULL;

  figures->carrier_id = g_strdup (carrier_id);
  figures->year = year;
  figures->grade = g_strdup (grade);
  figures->incubated_firms = incubated;
  g_assert_true (tidu_carrier_year_save (f->db, figures, &error));
  g_assert_no_error (error);
}

static void
build_world (Fixture *f,
             World   *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted_cert = NULL;
  g_autoptr(TiduFirm) f2 = NULL;

  w->c = add_region (f, NULL, "C市", "city");
  w->d = add_region (f, w->c, "D区", "district");
  w->t = add_region (f, w->d, "T镇", "town");
  w->e = add_region (f, w->c, "E区", "district");

  w->f1 = add_firm (f, "甲科技", w->t);
  w->f2 = add_firm (f, "乙软件", w->d);
  w->f3 = add_firm (f, "丙材料", w->e);
  w->f4 = add_firm (f, "丁生物", w->e);
  w->f5 = add_firm (f, "戊能源", w->d);
  w->f6 = add_firm (f, "己集团", NULL);

  f2 = tidu_firm_load (f->db, w->f2, &error);
  g_assert_no_error (error);
  f2->industry = g_strdup ("软件");
  f2->tech_field = g_strdup ("electronic_information");
  g_assert_true (tidu_firm_save (f->db, f2, &error));
  g_assert_no_error (error);

  g_free (add_cert (f, w->f1, "tsme", "2022-03-01", NULL, NULL));
  g_free (add_cert (f, w->f1, "hnte", "2022-11-18", NULL, NULL));
  g_free (add_cert (f, w->f2, "hnte", "2021-06-01", NULL, NULL));
  g_free (add_cert (f, w->f2, "gazelle", "2023-05-01", "2026-04-30", NULL));
  g_free (add_cert (f, w->f3, "tsme", "2024-04-01", NULL, NULL));
  g_free (add_cert (f, w->f3, "tsme", "2025-04-01", NULL, NULL));
  g_free (add_cert (f, w->f4, "hnte", "2023-01-01", NULL, NULL));
  g_free (add_cert (f, w->f5, "hnte", "2020-12-01", NULL, "2022-07-01"));
  deleted_cert = add_cert (f, w->f5, "listed", "2021-01-01", NULL, NULL);
  g_free (add_cert (f, w->f6, "listed", "2019-05-05", NULL, NULL));

  w->k1 = add_carrier (f, "K1孵化器", w->d);
  w->k2 = add_carrier (f, "K2孵化器", w->e);
  add_stay (f, w->f1, w->k1, "2021-03-01", "2023-06-30", TIDU_STAY_GRADUATED);
  add_stay (f, w->f2, w->k1, "2022-01-10", "2022-12-31", TIDU_STAY_LEFT);
  add_stay (f, w->f3, w->k2, "2024-02-01", NULL, NULL);
  add_stay (f, w->f4, w->k1, "2022-01-01", NULL, NULL);
  add_carrier_year (f, w->k1, 2022, "A", 10);
  add_carrier_year (f, w->k2, 2022, "B", TIDU_UNSET);

  g_assert_true (tidu_certification_delete (f->db, deleted_cert, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_firm_delete (f->db, w->f4, &error));
  g_assert_no_error (error);
}

static TiduStatsFilter *
filter_on (const char *date,
           int         from_year,
           int         to_year)
{
  TiduStatsFilter *filter = tidu_stats_filter_new ();

  if (date != NULL)
    filter->date = tidu_test_date (date);
  filter->from_year = from_year;
  filter->to_year = to_year;
  return filter;
}

static TiduLadder *
ladder (Fixture               *f,
        const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  TiduLadder *result = tidu_stats_ladder (f->db, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The ids behind @cell, as one sorted, comma-separated text of firm names' keys in @w. */
static char *
cell_firms (Fixture               *f,
            World                 *w,
            const TiduStatsFilter *filter,
            TiduStatsMeasure       measure,
            int                    year,
            const char            *tier,
            const char            *to_tier)
{
  TiduStatsCell cell = { measure, year, tier, to_tier };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = tidu_stats_firm_ids (f->db, filter, &cell, &error);
  const char *names[] = { "F1", "F2", "F3", "F4", "F5", "F6" };
  const char *keys[] = { w->f1, w->f2, w->f3, w->f4, w->f5, w->f6 };
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    if (g_strv_contains ((const char * const *) ids, keys[k]))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "," : "", names[k]);
  /* Every id is one of the world's firms, once. */
  g_assert_cmpuint (g_strv_length (ids), ==, text->len == 0 ? 0 : (text->len + 1) / 3);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------ the ladder */

static void
test_ladder (Fixture       *f,
             gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) boundary = filter_on ("2025-11-18", 0, 0);
  g_autoptr(TiduStatsFilter) after = filter_on ("2025-11-19", 0, 0);
  g_autoptr(TiduLadder) on = NULL;
  g_autoptr(TiduLadder) next = NULL;
  g_autofree char *ids = NULL;

  build_world (f, &w);

  /* 2025-11-18, the last day of F1's 高企 (issued 2022-11-18, ADR 0003): F1 高企, F2 瞪羚 (its
   * 高企 ran out in 2024), F3 科小, F6 上市; F5 revoked, F4 trashed. */
  on = ladder (f, boundary);
  g_assert_cmpuint (on->tiers->len, ==, 6);
  g_assert_cmpstr (((TiduVocabItem *) g_ptr_array_index (on->tiers, 0))->code, ==, "tsme");
  g_assert_cmpint (tidu_ladder_get_count (on, "tsme"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (on, "hnte"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (on, "gazelle"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (on, "potential_unicorn"), ==, 0);
  g_assert_cmpint (tidu_ladder_get_count (on, "listed"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (on, "little_giant"), ==, 0);
  g_assert_cmpint (on->total, ==, 4);
  g_assert_cmpint (on->firms, ==, 5);

  /* The day after, F1's certificate has expired. */
  next = ladder (f, after);
  g_assert_cmpint (tidu_ladder_get_count (next, "hnte"), ==, 0);
  g_assert_cmpint (next->total, ==, 3);

  ids = cell_firms (f, &w, boundary, TIDU_STATS_LADDER, 0, "hnte", NULL);
  g_assert_cmpstr (ids, ==, "F1");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, boundary, TIDU_STATS_LADDER, 0, NULL, NULL);
  g_assert_cmpstr (ids, ==, "F1,F2,F3,F6");
}

/* Two tiers at once: F2 held 高企 and 瞪羚 on 2023-12-31 and counts once, as 瞪羚. */
static void
test_ladder_two_tiers (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) filter = filter_on ("2023-12-31", 0, 0);
  g_autoptr(TiduLadder) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tiers = NULL;

  build_world (f, &w);
  tiers = tidu_firm_tiers_on (f->db, w.f2, &filter->date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tiers), ==, 2);

  /* F1 高企 (and its 科小 of 2022 expired), F2 瞪羚, F5 revoked, F6 上市. */
  result = ladder (f, filter);
  g_assert_cmpint (tidu_ladder_get_count (result, "hnte"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (result, "gazelle"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (result, "listed"), ==, 1);
  g_assert_cmpint (result->total, ==, 3);
}

/* The ladder agrees with tidu_firm_tier_on () for every firm on every first of the month. */
static void
test_ladder_matches_tier_on (Fixture       *f,
                             gconstpointer  data)
{
  g_auto(World) w = { 0 };
  const char *firms[6];
  GDate day;

  build_world (f, &w);
  firms[0] = w.f1; firms[1] = w.f2; firms[2] = w.f3; firms[3] = w.f4; firms[4] = w.f5; firms[5] = w.f6;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2019);
  for (int month = 0; month < 90; month++)
    {
      g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
      g_autoptr(GError) error = NULL;
      TiduStatsCell cell = { TIDU_STATS_LADDER, 0, NULL, NULL };
      g_auto(GStrv) ids = NULL;

      /* The 18th: F1's boundary day falls on it. */
      g_date_set_day (&day, 18);
      filter->date = day;
      ids = tidu_stats_firm_ids (f->db, filter, &cell, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (firms); i++)
        {
          g_autofree char *tier = NULL;
          gboolean live = i != 3;

          g_assert_true (tidu_firm_tier_on (f->db, firms[i], &day, &tier, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_strv_contains ((const char * const *) ids, firms[i]), ==, live && tier != NULL);
          if (live && tier != NULL)
            {
              TiduStatsCell by_tier = { TIDU_STATS_LADDER, 0, tier, NULL };
              g_auto(GStrv) tier_ids = tidu_stats_firm_ids (f->db, filter, &by_tier, &error);

              g_assert_no_error (error);
              g_assert_true (g_strv_contains ((const char * const *) tier_ids, firms[i]));
            }
        }
      g_date_set_day (&day, 1);
      g_date_add_months (&day, 1);
    }
}

static void
test_ladder_filters (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) filter = filter_on ("2025-11-18", 0, 0);
  g_autoptr(TiduLadder) result = NULL;
  g_autoptr(GError) error = NULL;

  build_world (f, &w);

  /* C with everything below it: F1 (T), F2 (D), F3 (E), F5 (D); F6 has no region. */
  filter->region_id = g_strdup (w.c);
  result = ladder (f, filter);
  g_assert_cmpint (tidu_ladder_get_count (result, "tsme"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (result, "hnte"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (result, "gazelle"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (result, "listed"), ==, 0);
  g_assert_cmpint (result->firms, ==, 4);
  g_clear_pointer (&result, tidu_ladder_free);

  /* D: F1 through its town, F2, F5. */
  g_free (filter->region_id);
  filter->region_id = g_strdup (w.d);
  result = ladder (f, filter);
  g_assert_cmpint (result->total, ==, 2);
  g_assert_cmpint (tidu_ladder_get_count (result, "hnte"), ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (result, "gazelle"), ==, 1);
  g_assert_cmpint (result->firms, ==, 3);
  g_clear_pointer (&result, tidu_ladder_free);

  /* By name, as the CLI gives it. */
  g_clear_pointer (&filter->region_id, g_free);
  g_assert_true (tidu_stats_filter_set_by_name (f->db, filter, TIDU_STATS_FIELD_REGION, "D区", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (filter->region_id, ==, w.d);
  g_assert_false (tidu_stats_filter_set_by_name (f->db, filter, TIDU_STATS_FIELD_REGION, "Z区", &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_cmpstr (filter->region_id, ==, w.d);
  g_clear_error (&error);

  /* Industry and tech field: F2 only. */
  g_clear_pointer (&filter->region_id, g_free);
  filter->tech_field = g_strdup ("electronic_information");
  result = ladder (f, filter);
  g_assert_cmpint (result->total, ==, 1);
  g_assert_cmpint (tidu_ladder_get_count (result, "gazelle"), ==, 1);
  g_clear_pointer (&result, tidu_ladder_free);
  g_clear_pointer (&filter->tech_field, g_free);
  filter->industry = g_strdup ("软件");
  result = ladder (f, filter);
  g_assert_cmpint (result->total, ==, 1);
  g_clear_pointer (&result, tidu_ladder_free);
  g_clear_pointer (&filter->industry, g_free);

  /* Carrier: firms that have been in K1, F1 and F2 (F4 is trashed). */
  filter->carrier_id = g_strdup (w.k1);
  result = ladder (f, filter);
  g_assert_cmpint (result->firms, ==, 2);
  g_assert_cmpint (result->total, ==, 2);
}

static void
test_filter_errors (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) filter = filter_on ("2025-11-18", 2025, 2021);
  g_autoptr(GError) error = NULL;
  TiduLadder *result;

  build_world (f, &w);
  result = tidu_stats_ladder (f->db, filter, &error);
  g_assert_null (result);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2021"));
  g_clear_error (&error);

  filter->from_year = 1970;
  filter->to_year = 2021;
  g_assert_false (tidu_stats_filter_check (f->db, filter, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);

  filter->from_year = 2021;
  filter->region_id = g_strdup ("no-such-region");
  g_assert_false (tidu_stats_filter_check (f->db, filter, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);

  g_free (filter->region_id);
  filter->region_id = add_region (f, w.c, "Z区", "district");
  g_assert_true (tidu_region_delete (f->db, filter->region_id, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_stats_filter_check (f->db, filter, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "trash"));
  g_clear_error (&error);
  g_clear_pointer (&filter->region_id, g_free);

  filter->tech_field = g_strdup ("cooking");
  g_assert_false (tidu_stats_filter_check (f->db, filter, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
}

/* ------------------------------------------------------------------ progression */

#define ROW(array, year) (&(p)->array[((year) - (p)->from_year) * 6])

static void
assert_row (const gint64 *row,
            gint64 tsme, gint64 hnte, gint64 gazelle, gint64 listed)
{
  g_assert_cmpint (row[0], ==, tsme);
  g_assert_cmpint (row[1], ==, hnte);
  g_assert_cmpint (row[2], ==, gazelle);
  g_assert_cmpint (row[3], ==, 0);
  g_assert_cmpint (row[4], ==, 0);
  g_assert_cmpint (row[5], ==, listed);
}

static void
test_progression (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) filter = filter_on ("2025-12-31", 2021, 2025);
  g_autoptr(TiduProgression) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *end = NULL;

  build_world (f, &w);
  p = tidu_stats_progression (f->db, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->n_years, ==, 5);
  end = tidu_date_to_iso (&p->year_ends[0]);
  g_assert_cmpstr (end, ==, "2021-12-31");

  /* Year ends: 2021 F2 and F5 高企; 2022 F1 科小 and 高企, F2 高企 (F5 revoked in July);
   * 2023 F1 and F2 高企 (both tiers for F2), F2 瞪羚; 2024 F3 科小, F1 高企, F2 瞪羚;
   * 2025 F3 科小, F2 瞪羚 (F1's 高企 ended 2025-11-18). F6 上市 throughout; the trashed 上市 of
   * F5 and the trashed firm F4 nowhere. */
  assert_row (ROW (held, 2021), 0, 2, 0, 1);
  assert_row (ROW (held, 2022), 1, 2, 0, 1);
  assert_row (ROW (held, 2023), 0, 2, 1, 1);
  assert_row (ROW (held, 2024), 1, 1, 1, 1);
  assert_row (ROW (held, 2025), 1, 0, 1, 1);
  g_assert_cmpint (tidu_progression_get (p, p->held, 2023, "gazelle"), ==, 1);

  assert_row (ROW (gained, 2021), 0, 1, 0, 0);
  assert_row (ROW (gained, 2022), 1, 1, 0, 0);
  assert_row (ROW (gained, 2023), 0, 0, 1, 0);
  assert_row (ROW (gained, 2024), 1, 0, 0, 0);
  assert_row (ROW (gained, 2025), 0, 0, 0, 0);

  assert_row (ROW (lost, 2021), 0, 0, 0, 0);
  assert_row (ROW (lost, 2022), 0, 1, 0, 0);
  assert_row (ROW (lost, 2023), 1, 0, 0, 0);
  assert_row (ROW (lost, 2024), 0, 1, 0, 0);
  assert_row (ROW (lost, 2025), 0, 1, 0, 0);

  assert_row (ROW (revoked, 2022), 0, 1, 0, 0);
  assert_row (ROW (expired, 2022), 0, 0, 0, 0);
  assert_row (ROW (expired, 2023), 1, 0, 0, 0);
  assert_row (ROW (expired, 2024), 0, 1, 0, 0);
  assert_row (ROW (expired, 2025), 0, 1, 0, 0);

  assert_row (ROW (new_certifications, 2021), 0, 1, 0, 0);
  assert_row (ROW (new_certifications, 2022), 1, 1, 0, 0);
  assert_row (ROW (new_certifications, 2023), 0, 0, 1, 0);
  assert_row (ROW (new_certifications, 2024), 1, 0, 0, 0);
  assert_row (ROW (new_certifications, 2025), 1, 0, 0, 0);

  ids = cell_firms (f, &w, filter, TIDU_STATS_HELD, 2023, "hnte", NULL);
  g_assert_cmpstr (ids, ==, "F1,F2");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, filter, TIDU_STATS_REVOKED, 2022, "hnte", NULL);
  g_assert_cmpstr (ids, ==, "F5");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, filter, TIDU_STATS_EXPIRED, 2025, "hnte", NULL);
  g_assert_cmpstr (ids, ==, "F1");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, filter, TIDU_STATS_NEW_CERTIFICATIONS, 2022, "tsme", NULL);
  g_assert_cmpstr (ids, ==, "F1");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, filter, TIDU_STATS_GAINED, 2023, "gazelle", NULL);
  g_assert_cmpstr (ids, ==, "F2");
}

/* The current year is counted up to the as-of day: on 2025-11-18 F1 still holds 高企. */
static void
test_progression_current_year (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) filter = filter_on ("2025-11-18", 2024, 2025);
  g_autoptr(TiduStatsFilter) region = filter_on ("2025-12-31", 2021, 2025);
  g_autoptr(TiduProgression) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *end = NULL;

  build_world (f, &w);
  p = tidu_stats_progression (f->db, filter, &error);
  g_assert_no_error (error);
  end = tidu_date_to_iso (&p->year_ends[1]);
  g_assert_cmpstr (end, ==, "2025-11-18");
  assert_row (ROW (held, 2025), 1, 1, 1, 1);
  assert_row (ROW (lost, 2025), 0, 0, 0, 0);
  g_clear_pointer (&p, tidu_progression_free);

  /* Region E: F3 only (F4 trashed). */
  region->region_id = g_strdup (w.e);
  p = tidu_stats_progression (f->db, region, &error);
  g_assert_no_error (error);
  assert_row (ROW (held, 2023), 0, 0, 0, 0);
  assert_row (ROW (held, 2024), 1, 0, 0, 0);
  assert_row (ROW (held, 2025), 1, 0, 0, 0);
}

/* ------------------------------------------------------------------ transitions */

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) filter = filter_on ("2025-12-31", 2021, 2025);
  g_autoptr(TiduTransitions) t = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  guint n;

  build_world (f, &w);
  t = tidu_stats_transitions (f->db, filter, &error);
  g_assert_no_error (error);
  n = t->tiers->len;

  /* End of 2021 → end of 2025: F2 高企 → 瞪羚 (up), F5 高企 → none (gone), F6 上市 → 上市
   * (stayed), F3 none → 科小 (new); F1 none at both ends is not counted. */
  g_assert_cmpint (tidu_transitions_get (t, "hnte", "gazelle"), ==, 1);
  g_assert_cmpint (tidu_transitions_get (t, "hnte", NULL), ==, 1);
  g_assert_cmpint (tidu_transitions_get (t, "listed", "listed"), ==, 1);
  g_assert_cmpint (tidu_transitions_get (t, NULL, "tsme"), ==, 1);
  g_assert_cmpint (tidu_transitions_get (t, NULL, NULL), ==, 0);
  {
    gint64 sum = 0;

    for (guint i = 0; i < (n + 1) * (n + 1); i++)
      sum += t->matrix[i];
    g_assert_cmpint (sum, ==, 4);
  }
  g_assert_cmpint (t->moved_up, ==, 1);
  g_assert_cmpint (t->stayed, ==, 1);
  g_assert_cmpint (t->dropped, ==, 0);
  g_assert_cmpint (t->new_firms, ==, 1);
  g_assert_cmpint (t->gone, ==, 1);

  /* Climbs finished in 2022–2025: F1 科小 2022-03-01 → 高企 2022-11-18 (262 days), F2 高企
   * 2021-06-01 → 瞪羚 2023-05-01 (699 days). */
  g_assert_cmpfloat_with_epsilon (tidu_transitions_median_to_next (t, "tsme"), 262 / 365.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (tidu_transitions_median_to_next (t, "hnte"), 699 / 365.25, 1e-9);
  g_assert_cmpint (t->medians_n[0 * n + 1], ==, 1);
  g_assert_true (isnan (tidu_transitions_median_to_next (t, "gazelle")));
  g_assert_true (isnan (tidu_transitions_median_to_next (t, "listed")));

  ids = cell_firms (f, &w, filter, TIDU_STATS_TRANSITION, 0, "hnte", NULL);
  g_assert_cmpstr (ids, ==, "F5");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, filter, TIDU_STATS_TRANSITION, 0, NULL, "tsme");
  g_assert_cmpstr (ids, ==, "F3");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, filter, TIDU_STATS_CLIMB, 0, "tsme", "hnte");
  g_assert_cmpstr (ids, ==, "F1");
}

/* ------------------------------------------------------------------ carriers */

static void
test_carrier_performance (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(TiduStatsFilter) filter = filter_on ("2025-12-31", 2021, 2025);
  g_autoptr(TiduCarrierPerformance) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  build_world (f, &w);
  p = tidu_stats_carrier_performance (f->db, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->n_carriers, ==, 2);
  g_assert_cmpuint (p->n_years, ==, 5);

  /* In a carrier at the year end: 2021 F1; 2022 F1 (F2 left on 2022-12-31); 2023 none (F1
   * graduated in June); 2024 and 2025 F3. F4's stay goes with its trashed firm. */
  g_assert_cmpint (p->years[0].incubated, ==, 1);
  g_assert_cmpint (p->years[1].incubated, ==, 1);
  g_assert_cmpint (p->years[2].incubated, ==, 0);
  g_assert_cmpint (p->years[3].incubated, ==, 1);
  g_assert_cmpint (p->years[4].incubated, ==, 1);
  g_assert_cmpint (p->years[0].entered, ==, 1);
  g_assert_cmpint (p->years[1].entered, ==, 1);
  g_assert_cmpint (p->years[3].entered, ==, 1);
  g_assert_cmpint (p->years[2].graduated, ==, 1);
  g_assert_cmpint (p->years[1].left, ==, 1);
  g_assert_cmpint (p->years[1].graduated, ==, 0);
  /* F1 became 高企 on 2022-11-18 while in K1; F2's 高企 of 2021 was before its stay. */
  g_assert_cmpint (p->years[1].became_hnte, ==, 1);
  g_assert_cmpint (p->years[0].became_hnte, ==, 0);
  /* Grades and reported figures of 2022. */
  g_assert_cmpstr (((TiduVocabItem *) g_ptr_array_index (p->grades, 0))->code, ==, "A");
  g_assert_cmpint (p->years[1].grade_counts[0], ==, 1);
  g_assert_cmpint (p->years[1].grade_counts[1], ==, 1);
  g_assert_cmpint (p->years[1].reported_incubated, ==, 10);
  g_assert_cmpint (p->years[0].reported_incubated, ==, TIDU_UNSET);
  g_assert_null (p->years[1].grade);

  ids = cell_firms (f, &w, filter, TIDU_STATS_BECAME_HNTE, 2022, NULL, NULL);
  g_assert_cmpstr (ids, ==, "F1");
  g_clear_pointer (&ids, g_free);
  ids = cell_firms (f, &w, filter, TIDU_STATS_INCUBATED, 2024, NULL, NULL);
  g_assert_cmpstr (ids, ==, "F3");
  g_clear_pointer (&ids, g_free);
  g_clear_pointer (&p, tidu_carrier_performance_free);

  /* One carrier: K1, with its grade. */
  filter->carrier_id = g_strdup (w.k1);
  p = tidu_stats_carrier_performance (f->db, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->n_carriers, ==, 1);
  g_assert_cmpstr (p->years[1].grade, ==, "A");
  g_assert_cmpint (p->years[3].incubated, ==, 0);
  g_clear_pointer (&p, tidu_carrier_performance_free);

  /* By region: E holds K2 only. */
  g_clear_pointer (&filter->carrier_id, g_free);
  filter->region_id = g_strdup (w.e);
  p = tidu_stats_carrier_performance (f->db, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->n_carriers, ==, 1);
  g_assert_cmpint (p->years[0].incubated, ==, 0);
  g_assert_cmpint (p->years[4].incubated, ==, 1);
  g_assert_cmpint (p->years[1].grade_counts[1], ==, 1);
}

/* ------------------------------------------------------------------ the dashboard */

static void
test_dashboard_agrees (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(World) w = { 0 };
  g_autoptr(GError) error = NULL;
  const char *regions[] = { NULL, NULL, NULL };

  build_world (f, &w);
  regions[1] = w.c;
  regions[2] = w.d;
  for (guint r = 0; r < G_N_ELEMENTS (regions); r++)
    {
      g_autoptr(TiduStatsFilter) filter = filter_on ("2025-11-18", 2021, 2025);
      g_autoptr(TiduDashboard) dashboard = NULL;
      g_autoptr(TiduLadder) alone = NULL;
      g_autoptr(TiduProgression) progression = NULL;
      g_autoptr(TiduTransitions) transitions = NULL;
      guint n;

      filter->region_id = g_strdup (regions[r]);
      dashboard = tidu_stats_dashboard (f->db, filter, &error);
      g_assert_no_error (error);
      alone = ladder (f, filter);
      progression = tidu_stats_progression (f->db, filter, &error);
      g_assert_no_error (error);
      transitions = tidu_stats_transitions (f->db, filter, &error);
      g_assert_no_error (error);
      n = alone->tiers->len;

      g_assert_cmpmem (dashboard->ladder->counts, n * sizeof (gint64), alone->counts, n * sizeof (gint64));
      g_assert_cmpint (dashboard->ladder->firms, ==, alone->firms);
      g_assert_cmpmem (dashboard->progression->held, 5 * n * sizeof (gint64), progression->held, 5 * n * sizeof (gint64));
      g_assert_cmpmem (dashboard->progression->lost, 5 * n * sizeof (gint64), progression->lost, 5 * n * sizeof (gint64));
      g_assert_cmpmem (dashboard->transitions->matrix, (n + 1) * (n + 1) * sizeof (gint64),
                       transitions->matrix, (n + 1) * (n + 1) * sizeof (gint64));
      g_assert_nonnull (dashboard->carriers);
      g_assert_nonnull (dashboard->targets);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/stats/ladder", Fixture, NULL, tidu_test_fixture_set_up, test_ladder, tidu_test_fixture_tear_down);
  g_test_add ("/stats/ladder-two-tiers", Fixture, NULL, tidu_test_fixture_set_up, test_ladder_two_tiers, tidu_test_fixture_tear_down);
  g_test_add ("/stats/ladder-matches-tier-on", Fixture, NULL, tidu_test_fixture_set_up, test_ladder_matches_tier_on, tidu_test_fixture_tear_down);
  g_test_add ("/stats/ladder-filters", Fixture, NULL, tidu_test_fixture_set_up, test_ladder_filters, tidu_test_fixture_tear_down);
  g_test_add ("/stats/filter-errors", Fixture, NULL, tidu_test_fixture_set_up, test_filter_errors, tidu_test_fixture_tear_down);
  g_test_add ("/stats/progression", Fixture, NULL, tidu_test_fixture_set_up, test_progression, tidu_test_fixture_tear_down);
  g_test_add ("/stats/progression-current-year", Fixture, NULL, tidu_test_fixture_set_up, test_progression_current_year, tidu_test_fixture_tear_down);
  g_test_add ("/stats/transitions", Fixture, NULL, tidu_test_fixture_set_up, test_transitions, tidu_test_fixture_tear_down);
  g_test_add ("/stats/carrier-performance", Fixture, NULL, tidu_test_fixture_set_up, test_carrier_performance, tidu_test_fixture_tear_down);
  g_test_add ("/stats/dashboard-agrees", Fixture, NULL, tidu_test_fixture_set_up, test_dashboard_agrees, tidu_test_fixture_tear_down);

  return g_test_run ();
}
