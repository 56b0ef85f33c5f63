/* test-list.c: list queries (order, filters, trash, cells, choices) and tidu-cli list.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
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

/* Names in ASCII order A…E; E is in the trash. As of 2025-06-01 the current tiers are
 * A: hnte (tsme too, lower), B: tsme, C: none, D: gazelle (listed was revoked on 2025-03-01). */
static const char *fixture_sql =
  "INSERT INTO regions (id, parent_id, name, kind) VALUES"
  " ('R0', NULL, '镇江市', 'city'), ('R1', 'R0', '京口区', 'district'), ('R2', 'R0', '润州区', 'district'),"
  " ('R3', 'R1', '象山街道', 'town');"
  "INSERT INTO carriers (id, name, kind, level, region_id) VALUES"
  " ('C1', '京口孵化器', 'incubator', 'provincial', 'R1'), ('C2', '润州众创空间', 'maker_space', 'municipal', 'R2');"
  "INSERT INTO carrier_years (id, carrier_id, year, incubated_firms, grade) VALUES"
  " ('Y1', 'C1', 2023, 30, 'A'), ('Y2', 'C1', 2024, 42, 'B'), ('Y3', 'C2', 2024, 7, NULL), ('Y4', 'C2', 2023, 5, 'C');"
  "INSERT INTO firms (id, name, uscc, region_id, industry, tech_field, attraction_stage) VALUES"
  " ('FA', 'Alpha 科技', '91321100MA1AAAAA1X', 'R1', '软件', 'electronic_information', 'landed'),"
  " ('FB', 'Bravo 智能', '91321100MA1BBBBB2X', 'R2', '装备', 'advanced_manufacturing', 'signed'),"
  " ('FC', 'Charlie 新材料', NULL, 'R0', '材料', 'new_materials', NULL),"
  " ('FD', 'Delta 生物', '91321100MA1DDDDD4X', 'R3', '医药', 'biomedicine', 'landed');"
  "INSERT INTO firms (id, name, region_id, deleted_at) VALUES ('FE', 'Echo 电子', 'R1', '2025-01-01T00:00:00Z');"
  "INSERT INTO firm_tiers (id, firm_id, tier, certified_on, valid_until, status, revoked_on) VALUES"
  " ('T1', 'FA', 'hnte', '2023-01-10', '2026-01-09', 'active', NULL),"
  " ('T2', 'FA', 'tsme', '2025-03-01', '2025-12-31', 'active', NULL),"
  " ('T3', 'FB', 'tsme', '2025-03-01', '2025-12-31', 'active', NULL),"
  " ('T4', 'FD', 'gazelle', '2024-05-01', '2025-06-30', 'active', NULL),"
  " ('T5', 'FD', 'listed', '2020-01-01', NULL, 'revoked', '2025-03-01');"
  "INSERT INTO firm_tiers (id, firm_id, tier, certified_on, valid_until, deleted_at) VALUES"
  " ('T6', 'FC', 'unicorn', '2025-01-01', '2025-12-31', '2025-02-01T00:00:00Z');"
  "INSERT INTO firm_stays (id, firm_id, carrier_id, entered_on, left_on, outcome) VALUES"
  " ('S1', 'FB', 'C1', '2024-01-01', NULL, NULL), ('S2', 'FC', 'C2', '2022-01-01', '2023-12-31', 'graduated'),"
  " ('S3', 'FA', 'C2', '2021-01-01', '2022-12-31', 'left');"
  "INSERT INTO talents (id, name, firm_id, region_id) VALUES"
  " ('PA', 'Anna 王', 'FA', 'R1'), ('PB', 'Bo 李', 'FB', 'R2'), ('PC', 'Cai 张', NULL, 'R3');"
  "INSERT INTO talent_awards (id, plan_id, talent_id, firm_id, year) VALUES"
  " ('W1', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', 'PA', 'FA', 2023),"
  " ('W2', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02', 'PA', 'FA', 2024),"
  " ('W3', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02', 'PB', 'FB', 2024);"
  "INSERT INTO talent_awards (id, plan_id, talent_id, year, deleted_at) VALUES"
  " ('W4', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e04', 'PC', 2022, '2025-01-01T00:00:00Z');"
  "UPDATE talent_plans SET region_id = 'R1' WHERE id = '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e03';";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tidu-list-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "list.sqlite3", NULL);
  fixture->db = tidu_database_open (fixture->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  exec_sql (fixture->db, fixture_sql);
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

static void
set_today (TiduListQuery *query,
           const char    *iso)
{
  GDate date;
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  tidu_list_query_set_today (query, &date);
}

/* The ids of the list, in order, joined by spaces. */
static char *
run_ids (TiduDatabase  *db,
         TiduListQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = tidu_list_query_run (db, query, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  rows = tidu_list_fetch_rows (db, query, (const gint64 *) rowids->data, rowids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, rowids->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const TiduListRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpint (row->rowid, ==, g_array_index (rowids, gint64, i));
      g_assert_nonnull (row->id);
      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", row->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_ids(db, query, expected) \
  G_STMT_START { \
    g_autofree char *ids__ = run_ids ((db), (query)); \
    g_assert_cmpstr (ids__, ==, (expected)); \
  } G_STMT_END

static void
test_kinds_and_columns (void)
{
  const TiduListColumn *columns;
  TiduListKind kind;
  guint n;

  columns = tidu_list_get_columns (TIDU_LIST_FIRMS, &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpstr (columns[0].id, ==, "name");
  g_assert_cmpstr (columns[1].title, ==, "Credit code");
  g_assert_cmpstr (columns[3].id, ==, "tier");
  columns = tidu_list_get_columns (TIDU_LIST_CARRIERS, &n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_true (columns[5].numeric);
  g_assert_true (tidu_list_kind_from_string ("plans", &kind));
  g_assert_cmpint (kind, ==, TIDU_LIST_TALENT_PLANS);
  g_assert_false (tidu_list_kind_from_string ("cats", &kind));
  g_assert_cmpstr (tidu_list_kind_to_string (TIDU_LIST_TALENTS), ==, "talents");
  g_assert_true (tidu_list_has_filter (TIDU_LIST_FIRMS, "expiring_days"));
  g_assert_false (tidu_list_has_filter (TIDU_LIST_FIRMS, "grade"));
  g_assert_true (tidu_list_has_column (TIDU_LIST_TALENTS, "plans"));
}

static void
test_firm_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListQuery) copy = NULL;

  set_today (query, "2025-06-01");
  assert_ids (fixture->db, query, "FA FB FC FD");
  tidu_list_query_set_sort (query, "name", TRUE);
  assert_ids (fixture->db, query, "FD FC FB FA");
  tidu_list_query_set_sort (query, "tier", FALSE);
  assert_ids (fixture->db, query, "FB FA FD FC");
  tidu_list_query_set_sort (query, "tier", TRUE);
  assert_ids (fixture->db, query, "FD FA FB FC");
  tidu_list_query_set_sort (query, "carrier", FALSE);
  assert_ids (fixture->db, query, "FB FA FC FD");
  tidu_list_query_set_sort (query, "uscc", TRUE);
  assert_ids (fixture->db, query, "FD FB FA FC");
  tidu_list_query_set_sort (query, "region", FALSE);
  /* 京口区 (FA), 润州区 (FB), 象山街道 (FD), 镇江市 (FC) by code point */
  assert_ids (fixture->db, query, "FA FB FD FC");
  tidu_list_query_set_sort (query, "stage", TRUE);
  assert_ids (fixture->db, query, "FA FD FB FC");

  copy = tidu_list_query_copy (query);
  tidu_list_query_set_filter (copy, "industry", "医药");
  assert_ids (fixture->db, copy, "FD");
  assert_ids (fixture->db, query, "FA FD FB FC");
}

static void
test_firm_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);

  set_today (query, "2025-06-01");
  tidu_list_query_set_filter (query, "region_id", "R0");
  assert_ids (fixture->db, query, "FA FB FC FD");
  tidu_list_query_set_filter (query, "region_id", "R1");
  assert_ids (fixture->db, query, "FA FD");
  tidu_list_query_set_filter (query, "region_id", "R3");
  assert_ids (fixture->db, query, "FD");
  tidu_list_query_set_filter (query, "region_id", NULL);

  tidu_list_query_set_filter (query, "tier", "hnte");
  assert_ids (fixture->db, query, "FA");
  tidu_list_query_set_filter (query, "tier", "tsme");
  assert_ids (fixture->db, query, "FB");
  tidu_list_query_set_filter (query, "tier", "gazelle");
  assert_ids (fixture->db, query, "FD");
  tidu_list_query_set_filter (query, "tier", "none");
  assert_ids (fixture->db, query, "FC");
  tidu_list_query_set_filter (query, "tier", "listed");
  assert_ids (fixture->db, query, "");

  /* Revoked on 2025-03-01: listed the day before, not that day. */
  set_today (query, "2025-02-28");
  assert_ids (fixture->db, query, "FD");
  set_today (query, "2025-03-01");
  assert_ids (fixture->db, query, "");
  tidu_list_query_set_filter (query, "tier", "gazelle");
  assert_ids (fixture->db, query, "FD");

  /* The 高企 certificate's last day is 2026-01-09. */
  tidu_list_query_set_filter (query, "tier", "hnte");
  set_today (query, "2026-01-09");
  assert_ids (fixture->db, query, "FA");
  set_today (query, "2026-01-10");
  assert_ids (fixture->db, query, "");
  tidu_list_query_set_filter (query, "tier", "none");
  assert_ids (fixture->db, query, "FA FB FC FD");
  set_today (query, "2025-12-31");
  assert_ids (fixture->db, query, "FC FD");
  tidu_list_query_set_filter (query, "tier", NULL);

  set_today (query, "2025-06-01");
  tidu_list_query_set_filter (query, "expiring_days", "29");
  assert_ids (fixture->db, query, "FD");
  tidu_list_query_set_filter (query, "expiring_days", "28");
  assert_ids (fixture->db, query, "");
  tidu_list_query_set_filter (query, "expiring_days", "213");
  assert_ids (fixture->db, query, "FA FB FD");
  tidu_list_query_set_filter (query, "expiring_days", NULL);

  tidu_list_query_set_filter (query, "carrier_id", "C1");
  assert_ids (fixture->db, query, "FB");
  tidu_list_query_set_filter (query, "carrier_id", "C2");
  assert_ids (fixture->db, query, "");
  tidu_list_query_set_filter (query, "carrier_id", NULL);

  tidu_list_query_set_filter (query, "tech_field", "new_materials");
  assert_ids (fixture->db, query, "FC");
  tidu_list_query_set_filter (query, "tech_field", NULL);
  tidu_list_query_set_filter (query, "stage", "landed");
  assert_ids (fixture->db, query, "FA FD");
  tidu_list_query_set_search (query, "生物");
  assert_ids (fixture->db, query, "FD");
  tidu_list_query_set_search (query, "91321100MA1A");
  assert_ids (fixture->db, query, "FA");
  tidu_list_query_set_search (query, "alpha 科");
  assert_ids (fixture->db, query, "FA");
}

static void
test_bad_filter_values (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListQuery) talents = tidu_list_query_new (TIDU_LIST_TALENTS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;

  tidu_list_query_set_filter (query, "expiring_days", "soon");
  rowids = tidu_list_query_run (fixture->db, query, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_null (rowids);
  g_clear_error (&error);
  tidu_list_query_set_filter (talents, "year", "20x4");
  rowids = tidu_list_query_run (fixture->db, talents, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
}

/* The "ids" filter keeps exactly the listed live firms, in the list's order, with the other
 * filters still applying; a malformed value is refused. */
static void
test_ids_filter (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char * const ids[] = { "FD", "FA", "FE", "nobody", NULL };
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autofree char *value = tidu_list_ids_to_filter (ids);
  g_autofree char *empty = tidu_list_ids_to_filter (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;

  g_assert_true (tidu_list_has_filter (TIDU_LIST_FIRMS, "ids"));
  g_assert_cmpstr (value, ==, "[\"FD\",\"FA\",\"FE\",\"nobody\"]");
  tidu_list_query_set_filter (query, "ids", value);
  assert_ids (fixture->db, query, "FA FD");
  tidu_list_query_set_filter (query, "region_id", "R3");
  assert_ids (fixture->db, query, "FD");
  tidu_list_query_set_filter (query, "region_id", NULL);
  tidu_list_query_set_filter (query, "ids", empty);
  assert_ids (fixture->db, query, "");

  tidu_list_query_set_filter (query, "ids", "FA,FD");
  rowids = tidu_list_query_run (fixture->db, query, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_null (rowids);
  g_clear_error (&error);
  tidu_list_query_set_filter (query, "ids", "[\"FA\", 3]");
  rowids = tidu_list_query_run (fixture->db, query, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_null (rowids);
}

static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListQuery) talents = tidu_list_query_new (TIDU_LIST_TALENTS);

  tidu_list_query_set_trash (query, TRUE);
  assert_ids (fixture->db, query, "FE");
  tidu_list_query_set_search (query, "Echo");
  assert_ids (fixture->db, query, "FE");
  tidu_list_query_set_search (query, "Alpha");
  assert_ids (fixture->db, query, "");
  tidu_list_query_set_trash (talents, TRUE);
  assert_ids (fixture->db, talents, "");
}

static void
test_fetch_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 page[4];
  const TiduListRow *row;
  sqlite3_stmt *stmt;

  set_today (query, "2025-06-01");
  rowids = tidu_list_query_run (fixture->db, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rowids->len, ==, 4);

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (fixture->db),
                                       "SELECT rowid FROM firms WHERE id = 'FE'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* Asked in a different order, with a trashed and a missing row among them. */
  page[0] = g_array_index (rowids, gint64, 1);
  page[1] = sqlite3_column_int64 (stmt, 0);
  page[2] = 999999;
  page[3] = g_array_index (rowids, gint64, 0);
  sqlite3_finalize (stmt);

  rows = tidu_list_fetch_rows (fixture->db, query, page, G_N_ELEMENTS (page), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->id, ==, "FB");
  g_assert_cmpstr (row->cells[0], ==, "Bravo 智能");
  g_assert_cmpstr (row->cells[1], ==, "91321100MA1BBBBB2X");
  g_assert_cmpstr (row->cells[2], ==, "润州区");
  g_assert_cmpstr (row->cells[3], ==, "Tech-based SME");
  g_assert_cmpstr (row->cells[4], ==, "京口孵化器");
  g_assert_cmpstr (row->cells[5], ==, "装备");
  g_assert_cmpstr (row->cells[6], ==, "Signed");

  row = g_ptr_array_index (rows, 1);
  g_assert_cmpint (row->rowid, ==, page[1]);
  g_assert_null (row->id);
  g_assert_null (row->cells[0]);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->rowid, ==, 999999);
  g_assert_null (row->id);

  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (row->id, ==, "FA");
  g_assert_cmpstr (row->cells[3], ==, "High-tech enterprise");
  g_assert_null (row->cells[4]);   /* the stay in C2 ended */

  /* An empty page is no query at all. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = tidu_list_fetch_rows (fixture->db, query, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
}

/* tidu_list_fetch_rows_with () and a prefetch (the whole-list read of exports) give exactly
 * the rows tidu_list_fetch_rows () gives: on dates where the current tiers differ (a revoked
 * listing, expired certificates, none yet), for every kind, live rows and the trash, with
 * vanished rowids among them. */
static void
test_prefetch_same_rows (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const dates[] = { "2019-06-01", "2023-06-01", "2025-06-01", "2026-06-01" };
  guint tiers_seen = 0;

  for (TiduListKind kind = 0; kind < TIDU_N_LISTS; kind++)
    for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
      for (int trash = 0; trash < 2; trash++)
        {
          g_autoptr(TiduListQuery) query = tidu_list_query_new (kind);
          g_autoptr(TiduListPrefetch) prefetch = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GArray) rowids = NULL;
          g_autoptr(GPtrArray) plain = NULL;
          g_autoptr(GPtrArray) fast = NULL;
          guint n_columns = 0;
          gint64 missing = 999999;

          tidu_list_get_columns (kind, &n_columns);
          set_today (query, dates[d]);
          tidu_list_query_set_trash (query, trash);
          rowids = tidu_list_query_run (fixture->db, query, &error);
          g_assert_no_error (error);
          g_array_append_val (rowids, missing);
          prefetch = tidu_list_prefetch_new (fixture->db, query, &error);
          g_assert_no_error (error);
          plain = tidu_list_fetch_rows (fixture->db, query, (const gint64 *) rowids->data, rowids->len, &error);
          g_assert_no_error (error);
          fast = tidu_list_fetch_rows_with (fixture->db, query, prefetch, (const gint64 *) rowids->data,
                                            rowids->len, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (fast->len, ==, plain->len);
          for (guint r = 0; r < plain->len; r++)
            {
              const TiduListRow *a = g_ptr_array_index (plain, r);
              const TiduListRow *b = g_ptr_array_index (fast, r);

              g_assert_cmpint (a->rowid, ==, b->rowid);
              g_assert_cmpstr (a->id, ==, b->id);
              for (guint c = 0; a->id != NULL && c < n_columns; c++)
                {
                  g_assert_cmpstr (a->cells[c], ==, b->cells[c]);
                  if (kind == TIDU_LIST_FIRMS && c == 3 && a->cells[c] != NULL)
                    tiers_seen++;
                }
            }
        }
  /* The comparison covered firms with a current tier, not only empty cells. */
  g_assert_cmpuint (tiers_seen, >=, 4);
}

static const char *
cell_of (GPtrArray  *rows,
         const char *id,
         guint       column)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const TiduListRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->id, id) == 0)
        return row->cells[column];
    }
  g_assert_not_reached ();
  return NULL;
}

static GPtrArray *
fetch_all (TiduDatabase  *db,
           TiduListQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = tidu_list_query_run (db, query, &error);
  GPtrArray *rows;

  g_assert_no_error (error);
  rows = tidu_list_fetch_rows (db, query, (const gint64 *) rowids->data, rowids->len, &error);
  g_assert_no_error (error);
  return rows;
}

static void
test_carriers (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_CARRIERS);
  g_autoptr(GPtrArray) rows = NULL;

  assert_ids (fixture->db, query, "C1 C2");
  rows = fetch_all (fixture->db, query);
  g_assert_cmpstr (cell_of (rows, "C1", 1), ==, "Incubator");
  g_assert_cmpstr (cell_of (rows, "C1", 2), ==, "Provincial");
  g_assert_cmpstr (cell_of (rows, "C1", 3), ==, "京口区");
  g_assert_cmpstr (cell_of (rows, "C1", 4), ==, "Good (B) (2024)");
  g_assert_cmpstr (cell_of (rows, "C1", 5), ==, "42");
  g_assert_cmpstr (cell_of (rows, "C2", 4), ==, "Pass (C) (2023)");
  g_assert_cmpstr (cell_of (rows, "C2", 5), ==, "7");

  tidu_list_query_set_sort (query, "in_incubation", FALSE);
  assert_ids (fixture->db, query, "C2 C1");
  tidu_list_query_set_sort (query, "level", TRUE);
  assert_ids (fixture->db, query, "C1 C2");
  tidu_list_query_set_sort (query, "grade", FALSE);
  assert_ids (fixture->db, query, "C2 C1");

  tidu_list_query_set_filter (query, "grade", "B");
  assert_ids (fixture->db, query, "C1");
  tidu_list_query_set_filter (query, "grade", "A");
  assert_ids (fixture->db, query, "");
  tidu_list_query_set_filter (query, "grade", NULL);
  tidu_list_query_set_filter (query, "kind", "maker_space");
  assert_ids (fixture->db, query, "C2");
  tidu_list_query_set_filter (query, "kind", NULL);
  tidu_list_query_set_filter (query, "level", "provincial");
  assert_ids (fixture->db, query, "C1");
  tidu_list_query_set_filter (query, "level", NULL);
  tidu_list_query_set_filter (query, "region_id", "R2");
  assert_ids (fixture->db, query, "C2");
  tidu_list_query_set_search (query, "众创");
  assert_ids (fixture->db, query, "C2");
}

static void
test_talents_and_plans (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TiduListQuery) talents = tidu_list_query_new (TIDU_LIST_TALENTS);
  g_autoptr(TiduListQuery) plans = tidu_list_query_new (TIDU_LIST_TALENT_PLANS);
  g_autoptr(GPtrArray) rows = NULL;

  assert_ids (fixture->db, talents, "PA PB PC");
  rows = fetch_all (fixture->db, talents);
  g_assert_cmpstr (cell_of (rows, "PA", 1), ==, "Alpha 科技");
  g_assert_cmpstr (cell_of (rows, "PA", 2), ==, "京口区");
  g_assert_cmpstr (cell_of (rows, "PA", 3), ==, "江苏省“双创计划”, 龙城英才计划");
  g_assert_cmpstr (cell_of (rows, "PA", 4), ==, "2024");
  g_assert_null (cell_of (rows, "PC", 3));   /* its only award is in the trash */

  tidu_list_query_set_sort (talents, "year", TRUE);
  assert_ids (fixture->db, talents, "PA PB PC");
  tidu_list_query_set_filter (talents, "plan_id", "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02");
  assert_ids (fixture->db, talents, "PA PB");
  tidu_list_query_set_filter (talents, "year", "2023");
  assert_ids (fixture->db, talents, "PA");
  tidu_list_query_set_filter (talents, "plan_id", NULL);
  tidu_list_query_set_filter (talents, "year", NULL);
  tidu_list_query_set_filter (talents, "region_id", "R1");
  assert_ids (fixture->db, talents, "PA PC");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = fetch_all (fixture->db, plans);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpstr (cell_of (rows, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02", 1), ==, "Municipal");
  g_assert_cmpstr (cell_of (rows, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02", 2), ==, "常州市");
  g_assert_cmpstr (cell_of (rows, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02", 3), ==, "2");
  g_assert_cmpstr (cell_of (rows, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e04", 3), ==, "0");
  tidu_list_query_set_sort (plans, "awards", TRUE);
  assert_ids (fixture->db, plans, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02 5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01 "
                                  "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e03 5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e04");
  tidu_list_query_set_filter (plans, "level", "municipal");
  tidu_list_query_set_sort (plans, "name", FALSE);
  assert_ids (fixture->db, plans, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e04 5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02");
  tidu_list_query_set_filter (plans, "level", NULL);
  tidu_list_query_set_filter (plans, "region_id", "R0");
  assert_ids (fixture->db, plans, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e03");
  tidu_list_query_set_filter (plans, "region_id", NULL);
  tidu_list_query_set_search (plans, "常州");
  assert_ids (fixture->db, plans, "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02");
}

static char *
choices_to_string (TiduDatabase *db,
                   TiduListKind  kind,
                   const char   *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = tidu_list_filter_choices (db, kind, field, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < choices->len; i++)
    {
      const TiduListChoice *choice = g_ptr_array_index (choices, i);

      g_string_append_printf (text, "%s%s=%s", i > 0 ? "; " : "", choice->value, choice->label);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_choices(db, kind, field, expected) \
  G_STMT_START { \
    g_autofree char *text__ = choices_to_string ((db), (kind), (field)); \
    g_assert_cmpstr (text__, ==, (expected)); \
  } G_STMT_END

static void
test_filter_choices (Fixture       *fixture,
                     gconstpointer  data)
{
  exec_sql (fixture->db, "UPDATE carriers SET deleted_at = '2025-01-01' WHERE id = 'C2'");

  assert_choices (fixture->db, TIDU_LIST_FIRMS, "region_id", "R1=京口区; R2=润州区; R3=象山街道; R0=镇江市");
  assert_choices (fixture->db, TIDU_LIST_FIRMS, "carrier_id", "C1=京口孵化器");
  assert_choices (fixture->db, TIDU_LIST_FIRMS, "industry", "医药=医药; 材料=材料; 装备=装备; 软件=软件");
  assert_choices (fixture->db, TIDU_LIST_FIRMS, "tier",
                  "tsme=Tech-based SME; hnte=High-tech enterprise; gazelle=Gazelle enterprise; "
                  "potential_unicorn=Potential unicorn; unicorn=Unicorn enterprise; listed=Listed company; none=No tier");
  assert_choices (fixture->db, TIDU_LIST_FIRMS, "stage", "lead=Lead; negotiating=Negotiating; signed=Signed; landed=Landed");
  assert_choices (fixture->db, TIDU_LIST_FIRMS, "expiring_days",
                  "30=Within 30 days; 60=Within 60 days; 90=Within 90 days; 180=Within 180 days; 365=Within 365 days");
  assert_choices (fixture->db, TIDU_LIST_CARRIERS, "grade", "A=Excellent (A); B=Good (B); C=Pass (C); D=Fail (D)");
  assert_choices (fixture->db, TIDU_LIST_TALENTS, "year", "2024=2024; 2023=2023");
  assert_choices (fixture->db, TIDU_LIST_TALENT_PLANS, "level",
                  "national=National; provincial=Provincial; municipal=Municipal; district=District");

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) choices = NULL;

    choices = tidu_list_filter_choices (fixture->db, TIDU_LIST_FIRMS, "tech_field", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (choices->len, ==, 8);
    g_clear_pointer (&choices, g_ptr_array_unref);
    choices = tidu_list_filter_choices (fixture->db, TIDU_LIST_CARRIERS, "kind", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (choices->len, ==, 10);
    g_clear_pointer (&choices, g_ptr_array_unref);
    choices = tidu_list_filter_choices (fixture->db, TIDU_LIST_TALENTS, "plan_id", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (choices->len, ==, 4);
  }
}

static void
test_plans_use_indexes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  exec_sql (fixture->db, "ANALYZE");
  plan = tidu_list_query_explain (fixture->db, query, &error);
  g_assert_no_error (error);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "firms_live_name"));
  g_clear_pointer (&plan, g_free);

  tidu_list_query_set_filter (query, "tier", "hnte");
  plan = tidu_list_query_explain (fixture->db, query, &error);
  g_assert_no_error (error);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "firm_tiers_tier"));
  g_clear_pointer (&plan, g_free);

  tidu_list_query_set_filter (query, "tier", NULL);
  tidu_list_query_set_filter (query, "expiring_days", "30");
  plan = tidu_list_query_explain (fixture->db, query, &error);
  g_assert_no_error (error);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "firm_tiers_valid_until"));
}

/* ---------------------------------------------------------------- tidu-cli list */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *database,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("TIDU_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) database);
  g_ptr_array_add (argv, (char *) "list");
  va_start (args, database);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "TIDU_DATABASE");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
}

static int
exit_status (const Run *run)
{
  return g_spawn_check_wait_status (run->status, NULL) ? 0 :
         (WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1);
}

static void
test_cli_text (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) limited = { 0 };

  g_clear_object (&fixture->db);   /* the CLI opens the file itself */
  run_cli (&run, fixture->path, "firms", "--filter", "region_id=R1", NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "ID\tName\tCredit code\tRegion\tTier\tCarrier\tIndustry\tStage\n"));
  g_assert_nonnull (strstr (run.out, "\nFA\tAlpha 科技\t91321100MA1AAAAA1X\t京口区\t"));
  g_assert_nonnull (strstr (run.out, "\nFD\tDelta 生物\t"));
  g_assert_null (strstr (run.out, "FB\t"));
  g_assert_true (g_str_has_suffix (run.out, "\n2 records\n"));

  run_cli (&limited, fixture->path, "--sort", "name:desc", "--limit", "1", "firms", NULL);
  g_assert_cmpint (exit_status (&limited), ==, 0);
  g_assert_nonnull (strstr (limited.out, "\nFD\tDelta 生物\t"));
  g_assert_null (strstr (limited.out, "FA\t"));
  g_assert_true (g_str_has_suffix (limited.out, "\n4 records\n"));
}

static void
test_cli_json (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *rows;
  JsonObject *row;

  g_clear_object (&fixture->db);
  run_cli (&run, fixture->path, "carriers", "--json", "--sort", "in_incubation", NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "count"), ==, 2);
  rows = json_object_get_array_member (root, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, "C2");
  g_assert_cmpint (json_object_get_int_member (row, "in_incubation"), ==, 7);
  g_assert_true (json_object_get_null_member (row, "grade") == FALSE);
  row = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "京口孵化器");
  g_assert_cmpstr (json_object_get_string_member (row, "grade"), ==, "Good (B) (2024)");
}

static void
test_cli_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) kind = { 0 };
  g_auto(Run) filter = { 0 };
  g_auto(Run) column = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) value = { 0 };

  g_clear_object (&fixture->db);
  run_cli (&kind, fixture->path, "cats", NULL);
  g_assert_cmpint (exit_status (&kind), ==, 2);
  g_assert_nonnull (strstr (kind.err, "cats"));
  run_cli (&filter, fixture->path, "firms", "--filter", "colour=red", NULL);
  g_assert_cmpint (exit_status (&filter), ==, 2);
  g_assert_nonnull (strstr (filter.err, "colour"));
  run_cli (&column, fixture->path, "talents", "--sort", "salary", NULL);
  g_assert_cmpint (exit_status (&column), ==, 2);
  g_assert_nonnull (strstr (column.err, "salary"));
  run_cli (&missing, fixture->path, NULL);
  g_assert_cmpint (exit_status (&missing), ==, 2);
  run_cli (&value, fixture->path, "firms", "--filter", "expiring_days=soon", NULL);
  g_assert_cmpint (exit_status (&value), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* English labels and titles whatever the machine's language. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list/kinds-and-columns", test_kinds_and_columns);
  g_test_add ("/list/firm-order", Fixture, NULL, fixture_set_up, test_firm_order, fixture_tear_down);
  g_test_add ("/list/firm-filters", Fixture, NULL, fixture_set_up, test_firm_filters, fixture_tear_down);
  g_test_add ("/list/bad-filter-values", Fixture, NULL, fixture_set_up, test_bad_filter_values, fixture_tear_down);
  g_test_add ("/list/ids-filter", Fixture, NULL, fixture_set_up, test_ids_filter, fixture_tear_down);
  g_test_add ("/list/trash", Fixture, NULL, fixture_set_up, test_trash, fixture_tear_down);
  g_test_add ("/list/prefetch-same-rows", Fixture, NULL, fixture_set_up, test_prefetch_same_rows, fixture_tear_down);
  g_test_add ("/list/fetch-rows", Fixture, NULL, fixture_set_up, test_fetch_rows, fixture_tear_down);
  g_test_add ("/list/carriers", Fixture, NULL, fixture_set_up, test_carriers, fixture_tear_down);
  g_test_add ("/list/talents-and-plans", Fixture, NULL, fixture_set_up, test_talents_and_plans, fixture_tear_down);
  g_test_add ("/list/filter-choices", Fixture, NULL, fixture_set_up, test_filter_choices, fixture_tear_down);
  g_test_add ("/list/plans-use-indexes", Fixture, NULL, fixture_set_up, test_plans_use_indexes, fixture_tear_down);
  g_test_add ("/list/cli-text", Fixture, NULL, fixture_set_up, test_cli_text, fixture_tear_down);
  g_test_add ("/list/cli-json", Fixture, NULL, fixture_set_up, test_cli_json, fixture_tear_down);
  g_test_add ("/list/cli-errors", Fixture, NULL, fixture_set_up, test_cli_errors, fixture_tear_down);

  return g_test_run ();
}
