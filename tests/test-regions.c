/* test-regions.c: the region tree on real database files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tidu-core.h"
#include "tidu-database-private.h"
#include "test-util.h"

typedef TiduTestFixture Fixture;

/* Every row of the table, so a test can say "nothing changed". */
static char *
snapshot (TiduDatabase *db)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db),
                                       "SELECT count(*) || ':' || ifnull (group_concat (id || '|' || name || '|' || ifnull (parent_id, '') "
                                       "|| '|' || updated_at || '|' || ifnull (deleted_at, ''), ';'), '') "
                                       "FROM (SELECT * FROM regions ORDER BY id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static TiduRegion *
make_region (const char *parent_id,
             const char *name,
             const char *kind)
{
  TiduRegion *region = tidu_region_new ();

  region->parent_id = g_strdup (parent_id);
  region->name = g_strdup (name);
  region->kind = g_strdup (kind);
  return region;
}

static char *
save_new (Fixture    *f,
          const char *parent_id,
          const char *name,
          const char *kind)
{
  g_autoptr(TiduRegion) region = make_region (parent_id, name, kind);
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_region_save (f->db, region, &error));
  g_assert_no_error (error);
  return g_strdup (region->id);
}

/* The rule shows as an error on @field in validation, the save fails with @code, and the
 * database is unchanged. */
static void
assert_rejected (Fixture    *f,
                 TiduRegion *region,
                 const char *field,
                 TiduError   code)
{
  g_autofree char *id_before = g_strdup (region->id);

  tidu_test_assert_rejected (f->db, snapshot, (TiduTestValidateFunc) tidu_region_validate,
                             (TiduTestSaveFunc) tidu_region_save, region, field, code, NULL);
  g_assert_cmpstr (region->id, ==, id_before);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TiduRegion) city = make_region (NULL, "  常州市 ", "city");
  g_autoptr(TiduRegion) loaded = NULL;
  g_autoptr(TiduRegion) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created_at = NULL;

  city->code = g_strdup ("320400");
  g_assert_true (tidu_region_save (f->db, city, &error));
  g_assert_no_error (error);
  g_assert_nonnull (city->id);
  g_assert_nonnull (city->created_at);
  g_assert_cmpstr (city->created_at, ==, city->updated_at);
  g_assert_cmpstr (city->name, ==, "常州市");

  loaded = tidu_region_load (f->db, city->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->id, ==, city->id);
  g_assert_null (loaded->parent_id);
  g_assert_cmpstr (loaded->name, ==, "常州市");
  g_assert_cmpstr (loaded->kind, ==, "city");
  g_assert_cmpstr (loaded->code, ==, "320400");
  g_assert_null (loaded->deleted_at);

  created_at = g_strdup (loaded->created_at);
  g_free (loaded->name);
  loaded->name = g_strdup ("常州");
  g_usleep (2000);
  g_assert_true (tidu_region_save (f->db, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->created_at, ==, created_at);
  g_assert_cmpstr (loaded->updated_at, >, created_at);

  copy = tidu_region_copy (loaded);
  g_clear_pointer (&loaded, tidu_region_free);
  loaded = tidu_region_load (f->db, copy->id, &error);
  g_assert_cmpstr (loaded->name, ==, "常州");
  g_assert_cmpstr (loaded->updated_at, ==, copy->updated_at);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_REGION), ==, 1);

  g_clear_pointer (&loaded, tidu_region_free);
  loaded = tidu_region_load (f->db, "no-such-id", &error);
  g_assert_null (loaded);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
test_tree_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *b = save_new (f, NULL, "B市", "city");
  g_autofree char *a = save_new (f, NULL, "A市", "city");
  g_autofree char *b_a = save_new (f, b, "A区", "district");
  g_autofree char *a_z = save_new (f, a, "Z区", "district");
  g_autofree char *a_b = save_new (f, a, "B区", "district");
  g_autofree char *a_b_park = save_new (f, a_b, "高新园", "park");
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "A市", "B区", "高新园", "Z区", "B市", "A区" };
  const guint depths[] = { 0, 1, 2, 1, 0, 1 };

  regions = tidu_region_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < regions->len; i++)
    {
      const TiduRegion *region = g_ptr_array_index (regions, i);

      g_assert_cmpstr (region->name, ==, expected[i]);
      g_assert_cmpuint (region->depth, ==, depths[i]);
    }
  g_assert_cmpstr (((TiduRegion *) g_ptr_array_index (regions, 2))->parent_id, ==, a_b);
  g_assert_cmpstr (((TiduRegion *) g_ptr_array_index (regions, 5))->id, ==, b_a);
  g_assert_cmpstr (((TiduRegion *) g_ptr_array_index (regions, 3))->id, ==, a_z);
  g_assert_cmpstr (((TiduRegion *) g_ptr_array_index (regions, 2))->id, ==, a_b_park);
}

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *city = save_new (f, NULL, "镇江市", "city");
  g_autofree char *district = save_new (f, city, "京口区", "district");
  g_autofree char *town = save_new (f, district, "象山街道", "town");
  g_autofree char *gone = save_new (f, NULL, "扬州市", "city");
  g_autoptr(TiduRegion) region = NULL;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(GError) error = NULL;
  const TiduIssue *issue;

  g_assert_true (tidu_region_delete (f->db, gone, &error));
  g_assert_no_error (error);

  /* name required */
  region = make_region (city, "   ", "district");
  assert_rejected (f, region, "name", TIDU_ERROR_INVALID);
  g_clear_pointer (&region, tidu_region_free);

  /* kind required and known */
  region = make_region (city, "润州区", NULL);
  assert_rejected (f, region, "kind", TIDU_ERROR_INVALID);
  g_clear_pointer (&region, tidu_region_free);
  region = make_region (city, "润州区", "province");
  assert_rejected (f, region, "kind", TIDU_ERROR_INVALID);
  g_clear_pointer (&region, tidu_region_free);

  /* the parent exists and is live */
  region = make_region ("no-such-region", "润州区", "district");
  assert_rejected (f, region, "parent_id", TIDU_ERROR_INVALID);
  g_clear_pointer (&region, tidu_region_free);
  region = make_region (gone, "江都区", "district");
  assert_rejected (f, region, "parent_id", TIDU_ERROR_INVALID);
  g_clear_pointer (&region, tidu_region_free);

  /* no cycles: not under itself, not under its own descendant */
  region = tidu_region_load (f->db, city, &error);
  g_assert_no_error (error);
  region->parent_id = g_strdup (town);
  assert_rejected (f, region, "parent_id", TIDU_ERROR_INVALID);
  g_free (region->parent_id);
  region->parent_id = g_strdup (city);
  assert_rejected (f, region, "parent_id", TIDU_ERROR_INVALID);
  g_clear_pointer (&region, tidu_region_free);

  /* unique among siblings, with the other id */
  region = make_region (city, " 京口区", "district");
  assert_rejected (f, region, "name", TIDU_ERROR_DUPLICATE);
  g_assert_true (tidu_region_validate (f->db, region, validation) == FALSE);
  issue = tidu_validation_find (validation, "name");
  g_assert_cmpstr (issue->other_id, ==, district);
  g_clear_pointer (&region, tidu_region_free);
  /* top-level duplicates too */
  region = make_region (NULL, "镇江市", "city");
  assert_rejected (f, region, "name", TIDU_ERROR_DUPLICATE);
  g_clear_pointer (&region, tidu_region_free);

  /* the same name under another parent, or the name of a trashed region, is fine */
  region = make_region (district, "京口区", "town");
  g_assert_true (tidu_region_save (f->db, region, &error));
  g_assert_no_error (error);
  g_clear_pointer (&region, tidu_region_free);
  region = make_region (NULL, "扬州市", "city");
  g_assert_true (tidu_region_save (f->db, region, &error));
  g_assert_no_error (error);
  g_clear_pointer (&region, tidu_region_free);

  /* a code that is not six digits only warns */
  region = make_region (city, "丹徒区", "district");
  region->code = g_strdup ("3211");
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_validation_new ();
  g_assert_true (tidu_region_validate (f->db, region, validation));
  issue = tidu_validation_find (validation, "code");
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, TIDU_SEVERITY_WARNING);
  g_assert_true (tidu_region_save (f->db, region, &error));
  g_assert_no_error (error);
}

static void
test_delete_restore_purge (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *city = save_new (f, NULL, "连云港市", "city");
  g_autofree char *district = save_new (f, city, "海州区", "district");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TiduRegion) loaded = NULL;
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_REGION), ==, 2);

  /* live children block the delete */
  before = snapshot (f->db);
  g_assert_false (tidu_region_delete (f->db, city, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);

  /* purge only from the trash */
  g_assert_false (tidu_region_purge (f->db, district, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tidu_region_delete (f->db, district, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_region_delete (f->db, city, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_REGION), ==, 0);
  regions = tidu_region_list (f->db, &error);
  g_assert_cmpuint (regions->len, ==, 0);
  g_clear_pointer (&regions, g_ptr_array_unref);

  /* deleting twice is not found; the trashed one still loads */
  g_assert_false (tidu_region_delete (f->db, city, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  loaded = tidu_region_load (f->db, city, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded->deleted_at);

  /* a child comes back only after its parent */
  g_assert_false (tidu_region_restore (f->db, district, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (tidu_region_restore (f->db, city, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_region_restore (f->db, district, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_REGION), ==, 2);
  regions = tidu_region_list (f->db, &error);
  g_assert_cmpuint (regions->len, ==, 2);

  /* a region someone refers to stays, even in the trash */
  firm->name = g_strdup ("海州科技有限公司");
  firm->region_id = g_strdup (district);
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_region_delete (f->db, district, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_region_purge (f->db, district, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);

  /* a trashed child blocks its parent's purge */
  g_assert_true (tidu_region_delete (f->db, city, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_region_purge (f->db, city, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (tidu_firm_delete (f->db, firm->id, &error));
  g_assert_true (tidu_firm_purge (f->db, firm->id, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_region_purge (f->db, district, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_region_purge (f->db, city, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, tidu_region_free);
  loaded = tidu_region_load (f->db, city, &error);
  g_assert_null (loaded);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
test_restore_duplicate (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *first = save_new (f, NULL, "南京市", "city");
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_region_delete (f->db, first, &error));
  second = save_new (f, NULL, "南京市", "city");
  g_assert_false (tidu_region_restore (f->db, first, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
}

static void
test_find_or_create (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *city = NULL;
  g_autofree char *again = NULL;
  g_autofree char *district = NULL;
  g_autofree char *district_again = NULL;
  g_autofree char *other = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(TiduRegion) loaded = NULL;
  g_autoptr(GError) error = NULL;

  city = tidu_region_find_or_create (f->db, NULL, "扬州市", "city", &error);
  g_assert_no_error (error);
  g_assert_nonnull (city);
  again = tidu_region_find_or_create (f->db, NULL, " 扬州市 ", "district", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, city);

  district = tidu_region_find_or_create (f->db, city, "江都区", "district", &error);
  g_assert_no_error (error);
  district_again = tidu_region_find_or_create (f->db, city, "江都区", "district", &error);
  g_assert_cmpstr (district, ==, district_again);
  other = tidu_region_find_or_create (f->db, NULL, "江都区", "district", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other, !=, district);

  loaded = tidu_region_load (f->db, district, &error);
  g_assert_cmpstr (loaded->parent_id, ==, city);
  g_assert_cmpstr (loaded->kind, ==, "district");
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_REGION), ==, 3);

  bad = tidu_region_find_or_create (f->db, city, "邗江区", "county", &error);
  g_assert_null (bad);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_REGION), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/regions/round-trip", Fixture, NULL, tidu_test_fixture_set_up, test_round_trip, tidu_test_fixture_tear_down);
  g_test_add ("/regions/tree-order", Fixture, NULL, tidu_test_fixture_set_up, test_tree_order, tidu_test_fixture_tear_down);
  g_test_add ("/regions/rules", Fixture, NULL, tidu_test_fixture_set_up, test_rules, tidu_test_fixture_tear_down);
  g_test_add ("/regions/delete-restore-purge", Fixture, NULL, tidu_test_fixture_set_up, test_delete_restore_purge, tidu_test_fixture_tear_down);
  g_test_add ("/regions/restore-duplicate", Fixture, NULL, tidu_test_fixture_set_up, test_restore_duplicate, tidu_test_fixture_tear_down);
  g_test_add ("/regions/find-or-create", Fixture, NULL, tidu_test_fixture_set_up, test_find_or_create, tidu_test_fixture_tear_down);

  return g_test_run ();
}
