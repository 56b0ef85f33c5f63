/* test-firm-indexes.c: schema 5 drops the firms' duplicate indexes (firms_name, firms_region)
 * and makes firms_live_region_id cover every row (docs/adr/0010-fewer-firm-indexes.md). A
 * schema-4 file with firms upgrades and every query that used the dropped indexes gives the
 * same rows through the ones left; and a bulk import, which drops the secondary indexes and
 * builds them again at its end, leaves the same indexes as a new database, used by the same
 * queries.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"
#include "tidu-database-private.h"
#include "tidu-tokenizer.h"

#define REGION_A "r-a"     /* 京口区, with 学府街道 (REGION_A1) below it */
#define REGION_A1 "r-a1"
#define REGION_B "r-b"     /* 润州区 */
#define REGION_C "r-c"     /* 丹徒区: only trashed firms */
#define REGION_D "r-d"     /* 句容市: no firm */

static void
exec_handle (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Every row of @sql, columns joined by '|', rows by '\n'. */
static char *
rows_of (sqlite3    *db,
         const char *sql)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (text, "%s%s", c > 0 ? "|" : "", value != NULL ? value : "NULL");
        }
      g_string_append_c (text, '\n');
    }
  g_assert_cmpint (sqlite3_finalize (stmt), ==, SQLITE_OK);
  return g_string_free (text, FALSE);
}

/* The plan of @sql, its details joined by '\n'. */
static char *
plan_of (sqlite3    *db,
         const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

static void
assert_plan_uses (sqlite3    *db,
                  const char *sql,
                  const char *detail)
{
  g_autofree char *plan = plan_of (db, sql);

  g_test_message ("%s\n%s", sql, plan);
  if (strstr (plan, detail) == NULL)
    g_error ("the plan of “%s” has no “%s”:\n%s", sql, detail, plan);
}

#define REGION_TREE(id) \
  "WITH RECURSIVE region_tree (id) AS (SELECT id FROM regions WHERE id = '" id "' AND deleted_at IS NULL " \
  "UNION SELECT r.id FROM regions AS r JOIN region_tree AS t ON r.parent_id = t.id WHERE r.deleted_at IS NULL) "

/* The queries that may have used firms_name or firms_region, as the app writes them
 * (tidu-list.c, tidu-stats.c, tidu-record.c, tidu-snapshot.c, tidu-target.c, tidu-import.c). */
static const char * const queries[] = {
  /* The live list by name, the trash by name, a region's live firms by name. */
  "SELECT x.rowid, x.name FROM firms x INDEXED BY firms_live_name WHERE x.deleted_at IS NULL ORDER BY x.name, x.rowid",
  "SELECT x.rowid, x.name FROM firms x WHERE x.deleted_at IS NOT NULL ORDER BY x.name, x.rowid",
  REGION_TREE (REGION_A) "SELECT x.rowid FROM firms x WHERE x.deleted_at IS NULL"
  " AND x.region_id IN (SELECT id FROM region_tree) ORDER BY x.name, x.rowid",
  "SELECT x.rowid FROM firms x WHERE x.deleted_at IS NOT NULL AND x.region_id = '" REGION_C "' ORDER BY x.name, x.rowid",
  /* The statistics: a region's live firms, counted and listed. */
  REGION_TREE (REGION_A) "SELECT count(*) FROM firms AS f INDEXED BY firms_live_region_id"
  " WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree)",
  REGION_TREE (REGION_A) "SELECT f.id FROM firms AS f INDEXED BY firms_live_region_id"
  " WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree) ORDER BY f.id",
  REGION_TREE (REGION_B) "SELECT count(*) FROM firms AS f INDEXED BY firms_live_region_id"
  " WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree) AND f.industry = '智能制造'",
  /* Is a region used, live or trashed (purging it); a snapshot's firms of some regions. */
  "SELECT count(*) FROM \"firms\" WHERE \"region_id\" = '" REGION_C "'",
  "SELECT count(*) FROM \"firms\" WHERE \"region_id\" = '" REGION_D "'",
  "SELECT id FROM firms WHERE region_id IN ('" REGION_A "', '" REGION_C "') ORDER BY id",
  REGION_TREE (REGION_A) "SELECT f.id FROM firms AS f WHERE f.region_id IN (SELECT id FROM region_tree) ORDER BY f.id",
  /* The import's look-ups by name. */
  "SELECT id FROM firms WHERE name = '镇江第7号精密机械有限公司' AND deleted_at IS NULL ORDER BY rowid",
  "SELECT id FROM firms WHERE name = '镇江第8号精密机械有限公司' AND uscc IS NULL AND deleted_at IS NULL",
};

static void
fill (sqlite3 *db)
{
  exec_handle (db, "INSERT INTO regions (id, parent_id, name, kind) VALUES"
                   " ('" REGION_A "', NULL, '京口区', (SELECT code FROM region_kinds LIMIT 1)),"
                   " ('" REGION_A1 "', '" REGION_A "', '学府街道', (SELECT code FROM region_kinds LIMIT 1)),"
                   " ('" REGION_B "', NULL, '润州区', (SELECT code FROM region_kinds LIMIT 1)),"
                   " ('" REGION_C "', NULL, '丹徒区', (SELECT code FROM region_kinds LIMIT 1)),"
                   " ('" REGION_D "', NULL, '句容市', (SELECT code FROM region_kinds LIMIT 1))");
  for (guint i = 0; i < 300; i++)
    {
      static const char * const regions[] = { REGION_A, REGION_A1, REGION_B, NULL };
      const char *region = i % 50 == 0 ? REGION_C : regions[i % 4];
      gboolean trashed = i % 7 == 0 || i % 50 == 0;
      /* Names repeat, some in the trash, so the orders by name meet ties. */
      char *sql = sqlite3_mprintf ("INSERT INTO firms (id, name, region_id, industry, deleted_at) VALUES"
                                   " ('f%03u', '镇江第%u号精密机械有限公司', %Q, %Q, %s)",
                                   i, i % 120, region, i % 3 == 0 ? "智能制造" : "新材料",
                                   trashed ? "'2026-01-01T00:00:00Z'" : "NULL");

      exec_handle (db, sql);
      sqlite3_free (sql);
    }
}

static void
test_upgrade_from_4 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tidu-firm-indexes-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v4.sqlite3", NULL);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TiduDatabase) db = NULL;
  sqlite3 *raw = NULL;
  sqlite3 *handle;

  g_assert_no_error (error);

  /* A schema-4 file with firms in regions, some trashed, and its statistics. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (tidu_tokenizer_register (raw, &error));
  g_assert_true (tidu_database_create_schema (raw, 4, &error));
  g_assert_no_error (error);
  fill (raw);
  exec_handle (raw, "ANALYZE");
  g_assert_cmpstr (rows_of (raw, "SELECT group_concat (name) FROM (SELECT name FROM sqlite_schema"
                                 " WHERE name IN ('firms_name', 'firms_region', 'firms_live_region_id') ORDER BY name)"),
                   ==, "firms_live_region_id,firms_name,firms_region\n");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_add (before, rows_of (raw, queries[i]));
  sqlite3_close (raw);

  /* Opening it upgrades it. */
  db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tidu_database_get_schema_version (db), ==, 5);
  handle = tidu_database_get_handle (db);
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('firms_name', 'firms_region')"), ==, 0);
  /* firms_live_region_id covers every row now, deleted_at second. */
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM pragma_index_list ('firms')"
                                         " WHERE name = 'firms_live_region_id' AND partial = 0"), ==, 1);
  g_assert_cmpstr (rows_of (handle, "SELECT group_concat (name) FROM (SELECT name FROM pragma_index_info ('firms_live_region_id') ORDER BY seqno)"),
                   ==, "region_id,deleted_at,id\n");
  g_assert_cmpstr (rows_of (handle, "PRAGMA integrity_check"), ==, "ok\n");

  /* The same rows from every query, with and without fresh statistics. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
        {
          g_autofree char *after = rows_of (handle, queries[i]);

          g_test_message ("%s", queries[i]);
          g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
        }
      exec_handle (handle, "ANALYZE");
    }

  /* The plans: an index led by region_id over every row serves the look-ups that do not ask for
   * live firms only (the foreign key of firms.region_id among them); the live ones take the
   * partial indexes or one range of it. */
  assert_plan_uses (handle, "SELECT count(*) FROM \"firms\" WHERE \"region_id\" = ?1",
                    "COVERING INDEX firms_live_region_id (region_id=?)");
  assert_plan_uses (handle, "SELECT id FROM firms WHERE region_id IN (SELECT id FROM regions)",
                    "COVERING INDEX firms_live_region_id (region_id=?)");
  assert_plan_uses (handle, REGION_TREE (REGION_A) "SELECT count(*) FROM firms AS f INDEXED BY firms_live_region_id"
                    " WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree)",
                    "COVERING INDEX firms_live_region_id (region_id=? AND deleted_at=?)");
  assert_plan_uses (handle, "SELECT x.rowid FROM firms x WHERE x.deleted_at IS NULL AND x.region_id = ?1 ORDER BY x.name",
                    "firms_live_region (region_id=?)");
  assert_plan_uses (handle, "SELECT x.rowid FROM firms x WHERE x.deleted_at IS NOT NULL ORDER BY x.name",
                    "firms_deleted");
  assert_plan_uses (handle, "SELECT id FROM firms WHERE name = ?1 AND deleted_at IS NULL",
                    "firms_live_name (name=?)");

  /* A region used only by trashed firms is still in use; one no firm names can go, and the
   * foreign key still refuses a region in use. */
  exec_handle (handle, "UPDATE regions SET deleted_at = '2026-02-01T00:00:00Z' WHERE id IN ('" REGION_C "', '" REGION_D "')");
  g_assert_false (tidu_region_purge (db, REGION_C, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (tidu_region_purge (db, REGION_D, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM regions WHERE id = '" REGION_C "'", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);

  g_clear_object (&db);
  tidu_test_remove_tree (dir);
}

/* A database created at schema 5 has the same firms' indexes as one upgraded from 4. */
static void
test_new_equals_upgraded (TiduTestFixture *f,
                          gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v4.sqlite3", NULL);
  g_autoptr(TiduDatabase) upgraded = NULL;
  g_autofree char *fresh_sql = NULL;
  g_autofree char *upgraded_sql = NULL;
  sqlite3 *raw = NULL;
  const char *sql = "SELECT group_concat (name || ': ' || sql, '\n') FROM"
                    " (SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'firms' ORDER BY name)";

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (tidu_tokenizer_register (raw, &error));
  g_assert_true (tidu_database_create_schema (raw, 4, &error));
  g_assert_no_error (error);
  sqlite3_close (raw);
  upgraded = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fresh_sql = tidu_test_query_text (f->db, sql);
  upgraded_sql = tidu_test_query_text (upgraded, sql);
  g_assert_cmpstr (fresh_sql, ==, upgraded_sql);
  g_assert_null (strstr (fresh_sql, "firms_name:"));
  g_assert_null (strstr (fresh_sql, "firms_region:"));
  g_assert_nonnull (strstr (fresh_sql, "firms_live_region_id: CREATE INDEX firms_live_region_id ON firms (region_id, deleted_at, id)"));
}

/* A valid 统一社会信用代码 for @serial. */
static char *
uscc (guint serial)
{
  g_autofree char *first17 = g_strdup_printf ("91321100MA%07u", serial);

  return g_strdup_printf ("%s%c", first17, tidu_uscc_check_character (first17));
}

/* A big import (the bulk path: secondary indexes dropped, built again at the end) leaves the
 * indexes a new database has, consistent with the table, and the queries use them. */
static void
test_bulk_import_indexes (TiduTestFixture *f,
                          gconstpointer    data)
{
  static const char * const districts[] = { "京口区", "润州区", "丹徒区", "句容市" };
  const char *sql = "SELECT group_concat (name || ': ' || sql, '\n') FROM"
                    " (SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'firms' ORDER BY name)";
  g_autoptr(GString) text = g_string_new ("名称,信用代码,所属区域,所属行业,地址\n");
  g_autofree char *path = g_build_filename (f->dir, "firms.csv", NULL);
  g_autofree char *indexes_before = tidu_test_query_text (f->db, sql);
  g_autofree char *indexes_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduImport) import = NULL;
  g_autoptr(TiduImportReport) report = NULL;
  sqlite3 *handle = tidu_database_get_handle (f->db);

  for (guint i = 0; i < 9000; i++)
    {
      g_autofree char *code = uscc (50000 + i);

      g_string_append_printf (text, "镇江第%u号精密机械有限公司,%s,%s,%s,镇江市学府路%u号科技园%u幢%u楼东侧办公区\n",
                              i, code, districts[i % 4], i % 3 == 0 ? "智能制造" : "新材料", i, i % 40, i % 9);
    }
  g_assert_cmpuint (text->len, >, 1024 * 1024);
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);

  import = tidu_import_new (TIDU_IMPORT_FIRMS, path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);
  report = tidu_import_run (import, f->db, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->n_created, ==, 9000);

  indexes_after = tidu_test_query_text (f->db, sql);
  g_assert_cmpstr (indexes_after, ==, indexes_before);
  g_assert_cmpstr (rows_of (handle, "PRAGMA integrity_check"), ==, "ok\n");
  exec_handle (handle, "ANALYZE");

  /* Each index holds every row it should: counted through it, against the table. */
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms INDEXED BY firms_live_name WHERE deleted_at IS NULL"), ==, 9000);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms INDEXED BY firms_live_region_id"
                                            " WHERE region_id IN (SELECT id FROM regions WHERE name = '润州区')"), ==, 2250);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms INDEXED BY firms_live_industry"
                                            " WHERE deleted_at IS NULL AND industry = '智能制造'"), ==, 3000);
  assert_plan_uses (handle, "SELECT x.rowid FROM firms x WHERE x.deleted_at IS NULL ORDER BY x.name",
                    "firms_live_name");
  assert_plan_uses (handle, "SELECT count(*) FROM \"firms\" WHERE \"region_id\" = ?1",
                    "COVERING INDEX firms_live_region_id (region_id=?)");
  assert_plan_uses (handle, "SELECT x.rowid FROM firms x WHERE x.deleted_at IS NULL AND x.region_id = ?1 ORDER BY x.name",
                    "firms_live_region (region_id=?)");
  assert_plan_uses (handle, "SELECT x.rowid FROM firms x WHERE x.deleted_at IS NULL AND x.industry = ?1 ORDER BY x.name",
                    "firms_live_industry (industry=?)");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/firm-indexes/upgrade-from-4", test_upgrade_from_4);
#define ADD(path, func) \
  g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/firm-indexes/new-equals-upgraded", test_new_equals_upgraded);
  ADD ("/firm-indexes/bulk-import", test_bulk_import_indexes);
#undef ADD

  return g_test_run ();
}
