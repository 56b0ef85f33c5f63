/* test-list-search.c: searching a list in memory (TiduListBase) against the list's own SQL.
 *
 * A base order filtered by the FTS sets must give exactly the rows tidu_list_query_run gives
 * for the same query with its search, for every sort, filter and search; and a base must turn
 * stale when another connection writes, or the query (search aside) or the day changes.
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

typedef struct
{
  char         *dir;
  char         *path;
  TiduDatabase *db;
} Fixture;

static void
exec_sql (TiduDatabase *db,
          const char   *sql)
{
  char *message = NULL;

  if (sqlite3_exec (tidu_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TiduSampleOptions options = { 400, 7 };

  fixture->dir = g_dir_make_tmp ("tidu-list-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "list.sqlite3", NULL);
  fixture->db = tidu_database_open (fixture->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_sample_generate (fixture->db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Texts the sample does not have: punctuation inside names, notes, a firm in the trash. */
  exec_sql (fixture->db,
            "UPDATE firms SET notes = '智·能 制造示范' WHERE rowid % 7 = 0;"
            "UPDATE firms SET notes = 'Smart-Tech AB 100%' WHERE rowid % 11 = 0;"
            "UPDATE firms SET deleted_at = '2025-01-01T00:00:00Z' WHERE rowid % 13 = 0;");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_clear_object (&fixture->db);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static const char *searches[] = {
  NULL, "华", "智", "9", "a", "智能", "科技", "有限", "91", "ab", "智能科", "有限公司", "镇江市",
  "镇江市 智能", "智能 科技 有限", "华 镇江", "智·能", "智 能", "100%", "%", "_", "-", "a-", "smart-tech",
  "没有这家", "镇江 没有",
};

/* The base search and the plain statement give the same rowids in the same order. */
static void
assert_same (TiduDatabase  *db,
             TiduListQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduListBase) base = tidu_list_base_new (db, query, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) found = NULL;

      tidu_list_query_set_search (query, searches[i]);
      g_assert_true (tidu_list_base_is_current (base, db, query));
      expected = tidu_list_query_run (db, query, &error);
      g_assert_no_error (error);
      found = tidu_list_base_search (base, db, query, &error);
      g_assert_no_error (error);
      g_test_message ("“%s”: %u rows (SQL: %u)", searches[i] != NULL ? searches[i] : "", found->len, expected->len);
      g_assert_cmpmem (found->data, found->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
    }
  tidu_list_query_set_search (query, NULL);
}

static void
test_same_as_sql (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *sorts[] = { "name", "uscc", "region", "tier", "carrier", "industry", "stage" };
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autofree char *industry = NULL;
  g_autofree char *region = NULL;
  sqlite3_stmt *stmt;

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (int descending = 0; descending < 2; descending++)
      {
        tidu_list_query_set_sort (query, sorts[s], descending);
        assert_same (fixture->db, query);
      }

  /* Filters, one at a time and together. */
  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (fixture->db),
                                       "SELECT industry, region_id FROM firms WHERE industry IS NOT NULL"
                                       " AND region_id IS NOT NULL ORDER BY rowid LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  industry = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  region = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  tidu_list_query_set_sort (query, "name", FALSE);
  tidu_list_query_set_filter (query, "industry", industry);
  assert_same (fixture->db, query);
  tidu_list_query_set_filter (query, "region_id", region);
  assert_same (fixture->db, query);
  tidu_list_query_set_filter (query, "industry", NULL);
  tidu_list_query_set_filter (query, "region_id", NULL);
  tidu_list_query_set_filter (query, "tier", "hnte");
  tidu_list_query_set_sort (query, "tier", TRUE);
  assert_same (fixture->db, query);
  tidu_list_query_set_filter (query, "tier", "none");
  assert_same (fixture->db, query);
  tidu_list_query_set_filter (query, "tier", NULL);
  tidu_list_query_set_filter (query, "expiring_days", "365");
  assert_same (fixture->db, query);
}

static void
test_carriers_and_talents (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(TiduListQuery) carriers = tidu_list_query_new (TIDU_LIST_CARRIERS);
  g_autoptr(TiduListQuery) talents = tidu_list_query_new (TIDU_LIST_TALENTS);
  g_autoptr(TiduListQuery) plans = tidu_list_query_new (TIDU_LIST_TALENT_PLANS);
  g_autoptr(TiduListQuery) trash = tidu_list_query_new (TIDU_LIST_FIRMS);

  assert_same (fixture->db, carriers);
  tidu_list_query_set_sort (carriers, "kind", TRUE);
  assert_same (fixture->db, carriers);
  assert_same (fixture->db, talents);

  /* The talent plans have no FTS indexes and the trash is not in them: their query runs. */
  g_assert_false (tidu_list_query_can_use_base (plans));
  tidu_list_query_set_trash (trash, TRUE);
  g_assert_false (tidu_list_query_can_use_base (trash));
  g_assert_true (tidu_list_query_can_use_base (carriers));
}

static gboolean
contains (const GArray *rowids,
          gint64        rowid)
{
  for (guint i = 0; i < rowids->len; i++)
    if (g_array_index (rowids, gint64, i) == rowid)
      return TRUE;
  return FALSE;
}

static gint64
query_int (TiduDatabase *db,
           const char   *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A write on another connection (the app writes on its main connection, the list reads on a
 * worker's) makes the base stale; a base read again sees the new, renamed and deleted firms. */
static void
test_stale_after_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) worker = tidu_database_open_again (fixture->db, &error);
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListBase) base = NULL;
  g_autoptr(GArray) found = NULL;
  gint64 renamed, deleted, added;

  g_assert_no_error (error);
  base = tidu_list_base_new (worker, query, &error);
  g_assert_no_error (error);

  /* Reading changes nothing; nor does another search. */
  tidu_list_query_set_search (query, "智能");
  g_assert_true (tidu_list_base_is_current (base, worker, query));
  g_assert_false (tidu_list_base_is_current (base, fixture->db, query));   /* another connection */

  renamed = query_int (fixture->db, "SELECT rowid FROM firms WHERE deleted_at IS NULL ORDER BY rowid LIMIT 1");
  exec_sql (fixture->db, "BEGIN;"
                         "INSERT INTO firms (id, name) VALUES ('new-firm', '江心洲智能仪表有限公司');");
  added = sqlite3_last_insert_rowid (tidu_database_get_handle (fixture->db));
  exec_sql (fixture->db, "UPDATE firms SET name = '改名智能有限公司' WHERE rowid = (SELECT min(rowid) FROM firms WHERE deleted_at IS NULL);");
  exec_sql (fixture->db, "UPDATE firms SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = (SELECT id FROM firms"
                         " WHERE deleted_at IS NULL AND name LIKE '%智能%' ORDER BY rowid LIMIT 1 OFFSET 1);");
  exec_sql (fixture->db, "COMMIT");
  deleted = query_int (fixture->db, "SELECT rowid FROM firms WHERE deleted_at = '2026-01-01T00:00:00Z'");

  g_assert_false (tidu_list_base_is_current (base, worker, query));
  g_clear_pointer (&base, tidu_list_base_unref);
  base = tidu_list_base_new (worker, query, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_list_base_is_current (base, worker, query));
  found = tidu_list_base_search (base, worker, query, &error);
  g_assert_no_error (error);
  g_assert_true (contains (found, added));
  g_assert_true (contains (found, renamed));
  g_assert_false (contains (found, deleted));
  assert_same (worker, query);
}

/* Sort, filter, trash and the day belong to the base; the search does not. */
static void
test_stale_after_query_change (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListQuery) other = NULL;
  g_autoptr(TiduListBase) base = tidu_list_base_new (fixture->db, query, &error);
  GDate day;

  g_assert_no_error (error);
  g_assert_cmpuint (tidu_list_base_get_rowids (base)->len, ==,
                    query_int (fixture->db, "SELECT count(*) FROM firms WHERE deleted_at IS NULL"));

  other = tidu_list_query_copy (query);
  tidu_list_query_set_search (other, "镇江 智能");
  g_assert_true (tidu_list_base_is_current (base, fixture->db, other));

  tidu_list_query_set_sort (other, "name", TRUE);
  g_assert_false (tidu_list_base_is_current (base, fixture->db, other));
  tidu_list_query_set_sort (other, "name", FALSE);
  g_assert_true (tidu_list_base_is_current (base, fixture->db, other));

  tidu_list_query_set_filter (other, "tier", "tsme");
  g_assert_false (tidu_list_base_is_current (base, fixture->db, other));
  tidu_list_query_set_filter (other, "tier", NULL);
  g_assert_true (tidu_list_base_is_current (base, fixture->db, other));

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 1, 2020);
  tidu_list_query_set_today (other, &day);
  g_assert_false (tidu_list_base_is_current (base, fixture->db, other));

  g_clear_pointer (&other, tidu_list_query_free);
  other = tidu_list_query_copy (query);
  tidu_list_query_set_trash (other, TRUE);
  g_assert_false (tidu_list_base_is_current (base, fixture->db, other));
}

/* The stamp moves with a commit on the connection itself or on any other one. */
static void
test_stamp (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) other = tidu_database_open_again (fixture->db, &error);
  TiduListStamp before, after, again;

  g_assert_no_error (error);
  g_assert_true (tidu_list_database_stamp (fixture->db, &before, &error));
  g_assert_true (tidu_list_database_stamp (fixture->db, &again, &error));
  g_assert_true (before.data_version == again.data_version && before.changes == again.changes);

  exec_sql (fixture->db, "UPDATE firms SET notes = 'own write' WHERE rowid = (SELECT min(rowid) FROM firms)");
  g_assert_true (tidu_list_database_stamp (fixture->db, &after, &error));
  g_assert_cmpint (after.changes, !=, before.changes);

  exec_sql (other, "UPDATE firms SET notes = 'other write' WHERE rowid = (SELECT min(rowid) FROM firms)");
  g_assert_true (tidu_list_database_stamp (fixture->db, &again, &error));
  g_assert_cmpint (again.data_version, !=, after.data_version);
  g_assert_no_error (error);

  /* No stamp inside a transaction: its changes may commit after. */
  exec_sql (fixture->db, "BEGIN");
  g_assert_false (tidu_list_database_stamp (fixture->db, &again, &error));
  g_assert_no_error (error);
  exec_sql (fixture->db, "COMMIT");
  g_assert_true (tidu_list_database_stamp (fixture->db, &again, &error));
}

/* A prefetch gives the cells tidu_list_fetch_rows gives, and is ignored for another day or
 * another kind of list. */
static void
test_prefetch_day (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListQuery) long_ago = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListPrefetch) prefetch = NULL;
  g_autoptr(GArray) rowids = NULL;
  GDate day;

  g_assert_true (tidu_list_kind_has_prefetch (TIDU_LIST_FIRMS));
  g_assert_false (tidu_list_kind_has_prefetch (TIDU_LIST_TALENT_PLANS));

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, 1, 1990);   /* no firm had a tier yet */
  tidu_list_query_set_today (long_ago, &day);
  prefetch = tidu_list_prefetch_new (fixture->db, long_ago, &error);
  g_assert_no_error (error);
  rowids = tidu_list_query_run (fixture->db, query, &error);
  g_assert_no_error (error);

  for (int i = 0; i < 2; i++)
    {
      TiduListQuery *for_rows = i == 0 ? query : long_ago;
      g_autoptr(GPtrArray) plain = tidu_list_fetch_rows (fixture->db, for_rows, (const gint64 *) rowids->data,
                                                         rowids->len, &error);
      g_autoptr(GPtrArray) with = tidu_list_fetch_rows_with (fixture->db, for_rows, prefetch,
                                                             (const gint64 *) rowids->data, rowids->len, &error);
      guint n_columns, tiers = 0;

      g_assert_no_error (error);
      tidu_list_get_columns (TIDU_LIST_FIRMS, &n_columns);
      g_assert_cmpuint (plain->len, ==, with->len);
      for (guint r = 0; r < plain->len; r++)
        for (guint c = 0; c < n_columns; c++)
          {
            const TiduListRow *a = g_ptr_array_index (plain, r);
            const TiduListRow *b = g_ptr_array_index (with, r);

            g_assert_cmpstr (a->cells[c], ==, b->cells[c]);
            if (c == 3 && a->cells[c] != NULL)
              tiers++;
          }
      /* Today some firms have a tier; in 1990 none had. */
      if (i == 0)
        g_assert_cmpuint (tiers, >, 0);
      else
        g_assert_cmpuint (tiers, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/list-search/same-as-sql", Fixture, NULL, fixture_set_up, test_same_as_sql, fixture_tear_down);
  g_test_add ("/list-search/carriers-and-talents", Fixture, NULL, fixture_set_up, test_carriers_and_talents, fixture_tear_down);
  g_test_add ("/list-search/stale-after-write", Fixture, NULL, fixture_set_up, test_stale_after_write, fixture_tear_down);
  g_test_add ("/list-search/stamp", Fixture, NULL, fixture_set_up, test_stamp, fixture_tear_down);
  g_test_add ("/list-search/prefetch-day", Fixture, NULL, fixture_set_up, test_prefetch_day, fixture_tear_down);
  g_test_add ("/list-search/stale-after-query-change", Fixture, NULL, fixture_set_up, test_stale_after_query_change, fixture_tear_down);

  return g_test_run ();
}
