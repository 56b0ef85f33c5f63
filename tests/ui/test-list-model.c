/* test-list-model.c: the list model's search of its base order (docs/adr/0008): after a write,
 * a sort or a filter change, a search shows exactly what the list's SQL gives; and how the
 * views see a list grow (docs/adr/0009).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-database-private.h"
#include "tidu-list-model.h"
#include "ui-test-utils.h"

static void
exec_sql (TiduDatabase *db,
          const char   *sql)
{
  char *message = NULL;

  if (sqlite3_exec (tidu_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static TiduDatabase *
open_sample (const char *dir,
             guint       n_firms)
{
  g_autofree char *path = g_build_filename (dir, "model.sqlite3", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  TiduSampleOptions options = { n_firms, 3 };

  g_assert_no_error (error);
  g_assert_true (tidu_sample_generate (db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static gboolean
model_idle (TiduListModel *model)
{
  return tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model);
}

/* The model's rows are the rows of its query run as one statement (the old path). */
static void
assert_rows_as_sql (TiduListModel *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  guint n;

  TIDU_TEST_WAIT_FOR (model_idle (model));
  expected = tidu_list_query_run (tidu_list_model_get_database (model), tidu_list_model_get_query (model), &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_test_message ("“%s”: %u rows", tidu_list_query_get_search (tidu_list_model_get_query (model)), n);
  g_assert_cmpuint (n, ==, expected->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (tidu_list_item_get_rowid (item), ==, g_array_index (expected, gint64, i));
      g_assert_nonnull (tidu_list_item_get_id (item));
    }
}

static gboolean
shows_name (TiduListModel *model,
            const char    *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strcmp0 (tidu_list_item_get_cell (item, 0), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Set the search and wait for its rows. */
static void
search (TiduListModel *model,
        const char    *text)
{
  tidu_list_model_set_search (model, text);
  TIDU_TEST_WAIT_FOR (model_idle (model));
}

static void
test_writes (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_sample (dir, 300);
  g_autoptr(TiduListModel) model = tidu_list_model_new (TIDU_LIST_FIRMS, db);

  TIDU_TEST_WAIT_FOR (model_idle (model));
  search (model, "智能");
  assert_rows_as_sql (model);
  g_assert_false (shows_name (model, "江心洲智能仪表有限公司"));

  /* Insert, then the page's refresh (what the Firms page does after a save). */
  exec_sql (db, "INSERT INTO firms (id, name) VALUES ('new-firm', '江心洲智能仪表有限公司')");
  tidu_list_model_refresh (model);
  assert_rows_as_sql (model);
  g_assert_true (shows_name (model, "江心洲智能仪表有限公司"));

  /* Rename: no refresh at all, the next keystroke still sees it (another connection wrote). */
  exec_sql (db, "UPDATE firms SET name = '江心洲智能传感有限公司' WHERE id = 'new-firm'");
  search (model, "智能 江心洲");
  assert_rows_as_sql (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_true (shows_name (model, "江心洲智能传感有限公司"));

  /* Delete (into the trash), then a keystroke. */
  exec_sql (db, "UPDATE firms SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = 'new-firm'");
  search (model, "智能");
  assert_rows_as_sql (model);
  g_assert_false (shows_name (model, "江心洲智能传感有限公司"));

  /* The trash has its own path, and the search still narrows it. */
  tidu_list_model_set_trash (model, TRUE);
  assert_rows_as_sql (model);
  g_assert_true (shows_name (model, "江心洲智能传感有限公司"));
  tidu_list_model_set_trash (model, FALSE);
  assert_rows_as_sql (model);

  g_clear_object (&model);
  g_clear_object (&db);
  tidu_test_remove_dir (dir);
}

static void
test_sort_and_filter (void)
{
  static const char *texts[] = { "华", "智能", "有限公司", "镇江 智能", "没有这家", NULL };
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_sample (dir, 300);
  g_autoptr(TiduListModel) model = tidu_list_model_new (TIDU_LIST_FIRMS, db);

  TIDU_TEST_WAIT_FOR (model_idle (model));
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      search (model, texts[t]);
      assert_rows_as_sql (model);

      tidu_list_model_set_sort (model, "tier", TRUE);
      assert_rows_as_sql (model);
      tidu_list_model_set_filter (model, "tier", "none");
      assert_rows_as_sql (model);
      tidu_list_model_set_sort (model, "region", FALSE);
      assert_rows_as_sql (model);
      tidu_list_model_set_filter (model, "tier", NULL);
      assert_rows_as_sql (model);
      tidu_list_model_set_sort (model, NULL, FALSE);
      assert_rows_as_sql (model);
    }

  /* Carriers and talents go the same way. */
  g_clear_object (&model);
  model = tidu_list_model_new (TIDU_LIST_CARRIERS, db);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  search (model, "孵化");
  assert_rows_as_sql (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);

  g_clear_object (&model);
  g_clear_object (&db);
  tidu_test_remove_dir (dir);
}

/* The cells of the model's page @index are the ones tidu_list_fetch_rows gives for its rows. */
static void
assert_page_cells (TiduListModel *model,
                   guint          index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_columns;
  guint start = index * TIDU_LIST_MODEL_PAGE_SIZE;
  guint end = MIN (start + TIDU_LIST_MODEL_PAGE_SIZE, g_list_model_get_n_items (G_LIST_MODEL (model)));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  tidu_list_get_columns (TIDU_LIST_FIRMS, &n_columns);
  for (guint i = start; i < end; i++)
    {
      TiduListItem *item = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 rowid = tidu_list_item_get_rowid (item);

      g_ptr_array_add (items, item);
      g_array_append_val (rowids, rowid);
    }
  expected = tidu_list_fetch_rows (tidu_list_model_get_database (model), tidu_list_model_get_query (model),
                                   (const gint64 *) rowids->data, rowids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const TiduListRow *row = g_ptr_array_index (expected, i);

      g_assert_cmpstr (tidu_list_item_get_id (g_ptr_array_index (items, i)), ==, row->id);
      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpstr (tidu_list_item_get_cell (g_ptr_array_index (items, i), c), ==,
                         row->cells[c] != NULL ? row->cells[c] : "");
    }
}

/* Pages the main thread fetches take the tiers from one read of them all on a worker, and stop
 * as soon as anything is written, on any connection. */
static void
test_prefetched_tiers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_sample (dir, 700);
  g_autoptr(TiduListModel) model = tidu_list_model_new (TIDU_LIST_FIRMS, db);
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(GArray) order = NULL;
  g_autoptr(GPtrArray) row = NULL;
  g_autofree char *sql = NULL;

  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 6 * TIDU_LIST_MODEL_PAGE_SIZE);
  g_assert_false (tidu_list_model_has_prefetched_cells (model));

  /* The first page the main thread reads itself asks for them; the next ones use them. */
  assert_page_cells (model, 5);
  TIDU_TEST_WAIT_FOR (tidu_list_model_has_prefetched_cells (model));
  assert_page_cells (model, 6);
  g_assert_true (tidu_list_model_has_prefetched_cells (model));

  /* A certification written on the main connection, no refresh: page 4 (not read yet) shows
   * the new tier of its firm, from SQL again. */
  order = tidu_list_query_run (db, query, &error);
  g_assert_no_error (error);
  row = tidu_list_fetch_rows (db, query, &g_array_index (order, gint64, 4 * TIDU_LIST_MODEL_PAGE_SIZE + 20), 1, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO firm_tiers (id, firm_id, tier, certified_on, valid_until, status)"
                         " VALUES ('new-listing', '%s', 'listed', '2020-01-01', NULL, 'active')",
                         ((TiduListRow *) g_ptr_array_index (row, 0))->id);
  exec_sql (db, sql);
  assert_page_cells (model, 4);
  g_assert_false (tidu_list_model_has_prefetched_cells (model));

  /* Asked again, they come back with the new tier. */
  TIDU_TEST_WAIT_FOR (tidu_list_model_has_prefetched_cells (model));
  assert_page_cells (model, 3);
  g_assert_true (tidu_list_model_has_prefetched_cells (model));

  /* A refresh drops them too. */
  tidu_list_model_refresh (model);
  g_assert_false (tidu_list_model_has_prefetched_cells (model));
  TIDU_TEST_WAIT_FOR (model_idle (model));

  g_clear_object (&model);
  g_clear_object (&db);
  tidu_test_remove_dir (dir);
}

typedef struct
{
  guint    position, removed, added;
  guint    n_items, n_rows;
  gboolean busy;
} Change;

static void
record_change_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  TiduListModel *model = TIDU_LIST_MODEL (list);
  Change change = { position, removed, added, g_list_model_get_n_items (list),
                    tidu_list_model_get_n_rows (model), tidu_list_model_get_busy (model) };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray  *changes,
               guint    index,
               guint    position,
               guint    removed,
               guint    added,
               guint    n_rows,
               gboolean busy)
{
  Change *change;

  g_assert_cmpuint (index, <, changes->len);
  change = &g_array_index (changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  g_assert_cmpuint (change->n_items, ==, position + added);
  g_assert_cmpuint (change->n_rows, ==, n_rows);
  g_assert_cmpint (change->busy, ==, busy);
}

/* A list that grows from a few rows (the first fill, a search cleared) shows its first 64
 * rows first and the rest right after: GTK 4.8 makes a row widget for ~200 positions before
 * it draws any (docs/adr/0009). The count is the whole one from the start; shrinking and
 * growing lists that already show 64 rows change at once. */
static void
test_growth (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_sample (dir, 300);
  g_autoptr(TiduListModel) model = tidu_list_model_new (TIDU_LIST_FIRMS, NULL);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(TiduListItem) item = NULL;
  g_autofree char *name = NULL;
  guint n, found;

  g_signal_connect (model, "items-changed", G_CALLBACK (record_change_cb), changes);
  tidu_list_model_set_database (model, db);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  n = tidu_list_model_get_n_rows (model);
  g_assert_cmpuint (n, >, 200);
  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, 0, 0, 64, n, TRUE);
  assert_change (changes, 1, 64, 0, n - 64, n, FALSE);
  assert_rows_as_sql (model);

  /* One firm found, then the search cleared. */
  item = g_list_model_get_item (G_LIST_MODEL (model), 10);
  name = g_strdup (tidu_list_item_get_cell (item, 0));
  g_array_set_size (changes, 0);
  tidu_list_model_set_search (model, name);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, 1, n - 1, 0, 1, FALSE);
  tidu_list_model_set_search (model, NULL);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 1, 1, 0, 63, n, TRUE);
  assert_change (changes, 2, 64, 0, n - 64, n, FALSE);
  assert_rows_as_sql (model);

  /* From 64 rows or more, one change. */
  g_array_set_size (changes, 0);
  tidu_list_model_set_search (model, "科技");
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (tidu_list_model_get_n_rows (model), >=, 64);
  g_assert_false (g_array_index (changes, Change, 0).busy);
  tidu_list_model_set_search (model, NULL);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (changes->len, ==, 2);
  found = g_array_index (changes, Change, 0).n_items;
  assert_change (changes, 1, found, 0, n - found, n, FALSE);

  /* A new search while the rest is still to come: the rows end as the query gives them. */
  tidu_list_model_set_search (model, name);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_array_set_size (changes, 0);
  tidu_list_model_set_search (model, NULL);
  TIDU_TEST_WAIT_FOR (changes->len == 1);
  g_assert_true (tidu_list_model_get_busy (model));
  tidu_list_model_set_search (model, "公司");
  assert_rows_as_sql (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, tidu_list_model_get_n_rows (model));

  g_clear_object (&model);
  g_clear_object (&db);
  tidu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  tidu_test_init (&argc, &argv);

  g_test_add_func ("/list-model/writes", test_writes);
  g_test_add_func ("/list-model/sort-and-filter", test_sort_and_filter);
  g_test_add_func ("/list-model/prefetched-tiers", test_prefetched_tiers);
  g_test_add_func ("/list-model/growth", test_growth);

  return g_test_run ();
}
