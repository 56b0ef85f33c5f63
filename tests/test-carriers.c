/* test-carriers.c: carriers, their level history and yearly statistics, on real database files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tidu-core.h"
#include "tidu-database-private.h"
#include "test-util.h"

typedef TiduTestFixture Fixture;

static char *
snapshot (TiduDatabase *db)
{
  static const char *tables[] = { "carriers", "carrier_levels", "carrier_years" };

  return tidu_test_snapshot_tables (db, tables, G_N_ELEMENTS (tables));
}

/* A date relative to today, for the level held "today". */
static GDate
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return date;
}

#define assert_rejected_full(f, validate, save, record, field, code, validation_out) \
  tidu_test_assert_rejected ((f)->db, snapshot, validate, save, record, field, code, validation_out)

#define assert_rejected(f, kind, record, field, code) \
  assert_rejected_full (f, (TiduTestValidateFunc) tidu_##kind##_validate, (TiduTestSaveFunc) tidu_##kind##_save, \
                        record, field, code, NULL)

static TiduCarrier *
make_carrier (const char *name,
              const char *kind,
              const char *region_id)
{
  TiduCarrier *carrier = tidu_carrier_new ();

  carrier->name = g_strdup (name);
  carrier->kind = g_strdup (kind);
  carrier->region_id = g_strdup (region_id);
  return carrier;
}

static char *
save_carrier (Fixture    *f,
              const char *name,
              const char *region_id)
{
  g_autoptr(TiduCarrier) carrier = make_carrier (name, "incubator", region_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_carrier_save (f->db, carrier, &error));
  g_assert_no_error (error);
  return g_strdup (carrier->id);
}

static char *
current_level (Fixture    *f,
               const char *carrier_id)
{
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autoptr(GError) error = NULL;

  carrier = tidu_carrier_load (f->db, carrier_id, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&carrier->level);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *region = tidu_region_find_or_create (f->db, NULL, "江都区", "district", &error);
  g_autoptr(TiduCarrier) carrier = make_carrier ("江都科创园孵化器", "incubator", region);
  g_autoptr(TiduCarrier) loaded = NULL;
  g_autoptr(TiduCarrier) copy = NULL;

  carrier->level = g_strdup ("provincial");
  carrier->operator = g_strdup ("江都科创发展有限公司");
  carrier->operator_uscc = g_strdup ("91110108551385082q");
  carrier->address = g_strdup ("文昌东路");
  carrier->area_m2 = 12500.5;
  carrier->founded_on = tidu_test_date ("2019-05-20");
  carrier->contact_name = g_strdup ("王五");
  carrier->contact_phone = g_strdup ("0514-86000000");
  carrier->notes = g_strdup ("省级孵化器");
  g_assert_true (tidu_carrier_save (f->db, carrier, &error));
  g_assert_no_error (error);
  g_assert_nonnull (carrier->id);
  g_assert_cmpstr (carrier->operator_uscc, ==, "91110108551385082Q");

  loaded = tidu_carrier_load (f->db, carrier->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "江都科创园孵化器");
  g_assert_cmpstr (loaded->kind, ==, "incubator");
  g_assert_cmpstr (loaded->level, ==, "provincial");
  g_assert_cmpstr (loaded->region_id, ==, region);
  g_assert_cmpstr (loaded->operator, ==, "江都科创发展有限公司");
  g_assert_cmpstr (loaded->operator_uscc, ==, "91110108551385082Q");
  g_assert_cmpstr (loaded->address, ==, "文昌东路");
  g_assert_cmpfloat (loaded->area_m2, ==, 12500.5);
  g_assert_true (g_date_valid (&loaded->founded_on));
  g_assert_cmpint (g_date_get_year (&loaded->founded_on), ==, 2019);
  g_assert_cmpstr (loaded->contact_name, ==, "王五");
  g_assert_cmpstr (loaded->contact_phone, ==, "0514-86000000");
  g_assert_cmpstr (loaded->notes, ==, "省级孵化器");
  g_assert_cmpstr (loaded->created_at, ==, carrier->created_at);
  g_assert_null (loaded->deleted_at);

  /* the area can be cleared */
  loaded->area_m2 = NAN;
  g_assert_true (tidu_carrier_save (f->db, loaded, &error));
  g_assert_no_error (error);
  copy = tidu_carrier_load (f->db, carrier->id, &error);
  g_assert_true (isnan (copy->area_m2));
  g_clear_pointer (&copy, tidu_carrier_free);
  copy = tidu_carrier_copy (loaded);
  g_assert_cmpstr (copy->name, ==, loaded->name);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_CARRIER), ==, 1);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *region = tidu_region_find_or_create (f->db, NULL, "天宁区", "district", &error);
  g_autofree char *other_region = tidu_region_find_or_create (f->db, NULL, "钟楼区", "district", &error);
  g_autofree char *existing = save_carrier (f, "天宁孵化器", region);
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autoptr(TiduValidation) validation = NULL;
  const TiduIssue *issue;

  carrier = make_carrier (" ", "incubator", region);
  assert_rejected (f, carrier, carrier, "name", TIDU_ERROR_INVALID);
  g_free (carrier->name);
  carrier->name = g_strdup ("新孵化器");

  g_clear_pointer (&carrier->kind, g_free);
  assert_rejected (f, carrier, carrier, "kind", TIDU_ERROR_INVALID);
  carrier->kind = g_strdup ("garage");
  assert_rejected (f, carrier, carrier, "kind", TIDU_ERROR_INVALID);
  g_free (carrier->kind);
  carrier->kind = g_strdup ("maker_space");

  carrier->level = g_strdup ("world");
  assert_rejected (f, carrier, carrier, "level", TIDU_ERROR_INVALID);
  g_clear_pointer (&carrier->level, g_free);

  g_free (carrier->region_id);
  carrier->region_id = g_strdup ("no-such-region");
  assert_rejected (f, carrier, carrier, "region_id", TIDU_ERROR_INVALID);
  g_free (carrier->region_id);
  carrier->region_id = g_strdup (region);

  /* the operator's code: format errors block, a mismatch warns */
  carrier->operator_uscc = g_strdup ("9111010855138508");
  assert_rejected (f, carrier, carrier, "operator_uscc", TIDU_ERROR_INVALID);
  g_free (carrier->operator_uscc);
  carrier->operator_uscc = g_strdup ("91110108551385082S");
  assert_rejected (f, carrier, carrier, "operator_uscc", TIDU_ERROR_INVALID);
  g_free (carrier->operator_uscc);
  carrier->operator_uscc = g_strdup ("91110108551385082R");
  validation = tidu_validation_new ();
  g_assert_true (tidu_carrier_validate (f->db, carrier, validation));
  issue = tidu_validation_find (validation, "operator_uscc");
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, TIDU_SEVERITY_WARNING);
  g_assert_nonnull (strstr (issue->message, "“Q”"));
  g_clear_pointer (&validation, tidu_validation_free);

  carrier->area_m2 = -1;
  assert_rejected (f, carrier, carrier, "area_m2", TIDU_ERROR_INVALID);
  carrier->area_m2 = INFINITY;
  assert_rejected (f, carrier, carrier, "area_m2", TIDU_ERROR_INVALID);
  carrier->area_m2 = 0;
  g_assert_true (tidu_carrier_save (f->db, carrier, &error));
  g_assert_no_error (error);
  g_clear_pointer (&carrier, tidu_carrier_free);

  /* the name is unique in its region among live carriers */
  carrier = make_carrier ("天宁孵化器 ", "maker_space", region);
  assert_rejected_full (f, (TiduTestValidateFunc) tidu_carrier_validate, (TiduTestSaveFunc) tidu_carrier_save, carrier,
                        "name", TIDU_ERROR_DUPLICATE, &validation);
  issue = tidu_validation_find (validation, "name");
  g_assert_cmpstr (issue->other_id, ==, existing);
  g_free (carrier->region_id);
  carrier->region_id = g_strdup (other_region);
  g_assert_true (tidu_carrier_save (f->db, carrier, &error));
  g_assert_no_error (error);
  /* moving it into the first region collides */
  g_free (carrier->region_id);
  carrier->region_id = g_strdup (region);
  assert_rejected (f, carrier, carrier, "name", TIDU_ERROR_DUPLICATE);
}

static void
test_delete_restore_purge (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *carrier = save_carrier (f, "武进众创空间", NULL);
  g_autofree char *used = save_carrier (f, "有企业的孵化器", NULL);
  g_autofree char *again = NULL;
  g_autoptr(TiduCarrierLevel) level = tidu_carrier_level_new ();
  g_autoptr(TiduCarrierYear) year = tidu_carrier_year_new ();
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(TiduCarrier) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GDate entered = tidu_test_date ("2024-01-01");

  level->carrier_id = g_strdup (carrier);
  level->level = g_strdup ("municipal");
  level->recognized_on = tidu_test_date ("2020-01-01");
  g_assert_true (tidu_carrier_level_save (f->db, level, &error));
  year->carrier_id = g_strdup (carrier);
  year->year = 2024;
  g_assert_true (tidu_carrier_year_save (f->db, year, &error));
  g_assert_no_error (error);

  g_assert_false (tidu_carrier_purge (f->db, carrier, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tidu_carrier_delete (f->db, carrier, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_CARRIER), ==, 1);
  loaded = tidu_carrier_load (f->db, carrier, &error);
  g_assert_nonnull (loaded->deleted_at);
  g_clear_pointer (&loaded, tidu_carrier_free);

  /* a live carrier may take the name; restoring the old one then collides */
  again = save_carrier (f, "武进众创空间", NULL);
  g_assert_false (tidu_carrier_restore (f->db, carrier, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (tidu_carrier_delete (f->db, again, &error));
  g_assert_true (tidu_carrier_restore (f->db, carrier, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_CARRIER), ==, 2);

  g_assert_true (tidu_carrier_delete (f->db, carrier, &error));
  g_assert_true (tidu_carrier_purge (f->db, carrier, &error));
  g_assert_no_error (error);
  loaded = tidu_carrier_load (f->db, carrier, &error);
  g_assert_null (loaded);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM carrier_levels"), ==, 0);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM carrier_years"), ==, 0);

  /* stays of firms keep a carrier from being purged */
  firm->name = g_strdup ("在孵企业");
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_true (tidu_firm_move_to_carrier (f->db, firm->id, used, &entered, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_carrier_delete (f->db, used, &error));
  g_assert_false (tidu_carrier_purge (f->db, used, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
}

static TiduCarrierLevel *
make_level (const char  *carrier_id,
            const char  *level,
            const GDate *recognized_on)
{
  TiduCarrierLevel *entry = tidu_carrier_level_new ();

  entry->carrier_id = g_strdup (carrier_id);
  entry->level = g_strdup (level);
  if (recognized_on != NULL)
    entry->recognized_on = *recognized_on;
  return entry;
}

static void
test_level_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *carrier = save_carrier (f, "梯度孵化器", NULL);
  g_autofree char *level = NULL;
  g_autoptr(TiduCarrierLevel) provincial = NULL;
  g_autoptr(TiduCarrierLevel) national = NULL;
  g_autoptr(TiduCarrierLevel) future = NULL;
  g_autoptr(TiduCarrierLevel) entry = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  level = current_level (f, carrier);
  g_assert_null (level);

  date = tidu_test_date ("2021-06-01");
  provincial = make_level (carrier, "provincial", &date);
  provincial->document = g_strdup ("苏科高发〔2021〕100号");
  g_assert_true (tidu_carrier_level_save (f->db, provincial, &error));
  g_assert_no_error (error);
  level = current_level (f, carrier);
  g_assert_cmpstr (level, ==, "provincial");
  g_clear_pointer (&level, g_free);

  date = tidu_test_date ("2024-03-01");
  national = make_level (carrier, "national", &date);
  g_assert_true (tidu_carrier_level_save (f->db, national, &error));
  level = current_level (f, carrier);
  g_assert_cmpstr (level, ==, "national");
  g_clear_pointer (&level, g_free);

  /* a recognition that starts tomorrow is not held today */
  date = days_from_today (1);
  future = make_level (carrier, "municipal", &date);
  g_assert_true (tidu_carrier_level_save (f->db, future, &error));
  level = current_level (f, carrier);
  g_assert_cmpstr (level, ==, "national");
  g_clear_pointer (&level, g_free);

  /* revoked today: no longer held */
  national->revoked_on = days_from_today (0);
  g_assert_true (tidu_carrier_level_save (f->db, national, &error));
  g_assert_no_error (error);
  level = current_level (f, carrier);
  g_assert_cmpstr (level, ==, "provincial");
  g_clear_pointer (&level, g_free);
  g_date_clear (&national->revoked_on, 1);
  g_assert_true (tidu_carrier_level_save (f->db, national, &error));
  level = current_level (f, carrier);
  g_assert_cmpstr (level, ==, "national");
  g_clear_pointer (&level, g_free);

  levels = tidu_carrier_list_levels (f->db, carrier, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (levels->len, ==, 3);
  g_assert_cmpstr (((TiduCarrierLevel *) g_ptr_array_index (levels, 0))->level, ==, "provincial");
  g_assert_cmpstr (((TiduCarrierLevel *) g_ptr_array_index (levels, 0))->document, ==, "苏科高发〔2021〕100号");
  g_assert_cmpstr (((TiduCarrierLevel *) g_ptr_array_index (levels, 1))->level, ==, "national");
  g_clear_pointer (&levels, g_ptr_array_unref);

  /* deleting the national recognition falls back to the provincial one, then to none */
  g_assert_true (tidu_carrier_level_delete (f->db, national->id, &error));
  g_assert_no_error (error);
  level = current_level (f, carrier);
  g_assert_cmpstr (level, ==, "provincial");
  g_clear_pointer (&level, g_free);
  g_assert_true (tidu_carrier_level_delete (f->db, provincial->id, &error));
  level = current_level (f, carrier);
  g_assert_null (level);
  levels = tidu_carrier_list_levels (f->db, carrier, &error);
  g_assert_cmpuint (levels->len, ==, 1);

  /* rules */
  date = tidu_test_date ("2022-01-01");
  entry = make_level (NULL, "provincial", &date);
  assert_rejected (f, carrier_level, entry, "carrier_id", TIDU_ERROR_INVALID);
  g_free (entry->carrier_id);
  entry->carrier_id = g_strdup ("no-such-carrier");
  assert_rejected (f, carrier_level, entry, "carrier_id", TIDU_ERROR_INVALID);
  g_free (entry->carrier_id);
  entry->carrier_id = g_strdup (carrier);
  g_clear_pointer (&entry->level, g_free);
  assert_rejected (f, carrier_level, entry, "level", TIDU_ERROR_INVALID);
  entry->level = g_strdup ("galactic");
  assert_rejected (f, carrier_level, entry, "level", TIDU_ERROR_INVALID);
  g_free (entry->level);
  entry->level = g_strdup ("provincial");
  g_date_clear (&entry->recognized_on, 1);
  assert_rejected (f, carrier_level, entry, "recognized_on", TIDU_ERROR_INVALID);
  entry->recognized_on = tidu_test_date ("2022-01-01");
  entry->revoked_on = tidu_test_date ("2021-12-31");
  assert_rejected (f, carrier_level, entry, "revoked_on", TIDU_ERROR_INVALID);
  entry->revoked_on = tidu_test_date ("2022-01-01");
  g_assert_true (tidu_carrier_level_save (f->db, entry, &error));
  g_assert_no_error (error);
}

static void
test_years (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *carrier = save_carrier (f, "统计孵化器", NULL);
  g_autoptr(TiduCarrierYear) year = tidu_carrier_year_new ();
  g_autoptr(TiduCarrierYear) again = tidu_carrier_year_new ();
  g_autoptr(TiduCarrierYear) earlier = tidu_carrier_year_new ();
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GError) error = NULL;
  const TiduCarrierYear *row;

  year->carrier_id = g_strdup (carrier);
  year->year = 2024;
  year->incubated_firms = 56;
  year->graduated_this_year = 4;
  year->graduated_total = 23;
  year->incubation_area_m2 = 10800;
  year->funded_firms = 7;
  year->staff = 12;
  year->mentors = 8;
  year->fund_yuan = 5000000;
  year->grade = g_strdup ("A");
  year->grade_level = g_strdup ("provincial");
  g_assert_true (tidu_carrier_year_save (f->db, year, &error));
  g_assert_no_error (error);

  /* a second save for the same year updates the same row */
  again->carrier_id = g_strdup (carrier);
  again->year = 2024;
  again->incubated_firms = 60;
  again->grade = g_strdup ("B");
  g_assert_true (tidu_carrier_year_save (f->db, again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, year->id);

  earlier->carrier_id = g_strdup (carrier);
  earlier->year = 2023;
  g_assert_true (tidu_carrier_year_save (f->db, earlier, &error));

  years = tidu_carrier_list_years (f->db, carrier, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  row = g_ptr_array_index (years, 0);
  g_assert_cmpint (row->year, ==, 2023);
  g_assert_true (isnan (row->incubation_area_m2));
  row = g_ptr_array_index (years, 1);
  g_assert_cmpint (row->year, ==, 2024);
  g_assert_cmpint (row->incubated_firms, ==, 60);
  g_assert_cmpint (row->graduated_total, ==, TIDU_UNSET);
  g_assert_cmpstr (row->grade, ==, "B");
  g_clear_pointer (&years, g_ptr_array_unref);

  /* rules */
  year->year = 1900;
  assert_rejected (f, carrier_year, year, "year", TIDU_ERROR_INVALID);
  year->year = 2024;
  year->mentors = -1;
  assert_rejected (f, carrier_year, year, "mentors", TIDU_ERROR_INVALID);
  year->mentors = 8;
  year->fund_yuan = -1;
  assert_rejected (f, carrier_year, year, "fund_yuan", TIDU_ERROR_INVALID);
  year->fund_yuan = TIDU_UNSET;
  year->incubation_area_m2 = -10;
  assert_rejected (f, carrier_year, year, "incubation_area_m2", TIDU_ERROR_INVALID);
  year->incubation_area_m2 = NAN;
  year->graduated_this_year = 24;
  assert_rejected (f, carrier_year, year, "graduated_this_year", TIDU_ERROR_INVALID);
  year->graduated_this_year = 23;
  year->funded_firms = 57;
  assert_rejected (f, carrier_year, year, "funded_firms", TIDU_ERROR_INVALID);
  year->funded_firms = 56;
  g_free (year->grade);
  year->grade = g_strdup ("E");
  assert_rejected (f, carrier_year, year, "grade", TIDU_ERROR_INVALID);
  g_free (year->grade);
  year->grade = g_strdup ("A");
  g_free (year->grade_level);
  year->grade_level = g_strdup ("global");
  assert_rejected (f, carrier_year, year, "grade_level", TIDU_ERROR_INVALID);
  g_free (year->grade_level);
  year->grade_level = g_strdup ("national");
  g_free (year->carrier_id);
  year->carrier_id = g_strdup ("no-such-carrier");
  assert_rejected (f, carrier_year, year, "carrier_id", TIDU_ERROR_INVALID);
  g_free (year->carrier_id);
  year->carrier_id = g_strdup (carrier);
  year->year = 2023;
  assert_rejected (f, carrier_year, year, "year", TIDU_ERROR_DUPLICATE);
  year->year = 2024;
  g_assert_true (tidu_carrier_year_save (f->db, year, &error));
  g_assert_no_error (error);

  g_assert_true (tidu_carrier_year_delete (f->db, earlier->id, &error));
  years = tidu_carrier_list_years (f->db, carrier, &error);
  g_assert_cmpuint (years->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/carriers/round-trip", Fixture, NULL, tidu_test_fixture_set_up, test_round_trip, tidu_test_fixture_tear_down);
  g_test_add ("/carriers/rules", Fixture, NULL, tidu_test_fixture_set_up, test_rules, tidu_test_fixture_tear_down);
  g_test_add ("/carriers/delete-restore-purge", Fixture, NULL, tidu_test_fixture_set_up, test_delete_restore_purge, tidu_test_fixture_tear_down);
  g_test_add ("/carriers/level-history", Fixture, NULL, tidu_test_fixture_set_up, test_level_history, tidu_test_fixture_tear_down);
  g_test_add ("/carriers/years", Fixture, NULL, tidu_test_fixture_set_up, test_years, tidu_test_fixture_tear_down);

  return g_test_run ();
}
