/* test-record-list.c: the record lists over real databases in temporary folders
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-database-private.h"

#include "tidu-firms-page.h"
#include "tidu-list-cell.h"
#include "tidu-list-model.h"
#include "tidu-record-list.h"
#include "tidu-sample-loader.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

static TiduApplication *app;

static const char * const cities[] = { "常州", "无锡", "苏州", "南京", "镇江" };
static const char * const fields[] = { "智能", "新材", "生物", "电子", "光伏", "医药" };
static const char * const industries[] = { "软件和信息技术服务业", "医药制造业", "专用设备制造业" };

static TiduDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  TiduDatabase *database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (TIDU_IS_DATABASE (database));
  return database;
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Inserts through the app's own connection, whose search-index triggers need its tokenizer.
 * Names are unique, and every city and field fragment turns up among them. */
static void
insert_firms (TiduDatabase *database,
              guint         n_firms)
{
  sqlite3 *db = tidu_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;

  exec_sql (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO firms (id, name, industry) VALUES (?1, ?2, ?3)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_firms; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("%s%s%04u科技有限公司",
                                               cities[i % G_N_ELEMENTS (cities)],
                                               fields[(i / 7) % G_N_ELEMENTS (fields)],
                                               i);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, industries[i % G_N_ELEMENTS (industries)], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");
}

static gint64
count_sql (TiduDatabase *database,
           const char   *sql,
           const char   *parameter)
{
  sqlite3 *db = tidu_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (parameter != NULL)
    sqlite3_bind_text (stmt, 1, parameter, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

static gboolean
model_idle (TiduListModel *model)
{
  return tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model);
}

static TiduRecordList *
show_list (TiduDatabase *database)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = tidu_record_list_new (TIDU_LIST_FIRMS);
  TiduListModel *model = tidu_record_list_get_model (TIDU_RECORD_LIST (list));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), list);
  tidu_record_list_set_database (TIDU_RECORD_LIST (list), database);
  gtk_window_present (GTK_WINDOW (window));

  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (list) && model_idle (model));

  return TIDU_RECORD_LIST (list);
}

static char *
item_cell (TiduListModel *model,
           guint          position,
           guint          column)
{
  g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  return g_strdup (tidu_list_item_get_cell (item, column));
}

static void
search (TiduRecordList *list,
        const char     *text)
{
  TiduListModel *model = tidu_record_list_get_model (list);
  GtkEditable *entry = GTK_EDITABLE (tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY));

  gtk_editable_set_text (entry, text);
  /* The entry reports the change after its own short delay, then the worker runs. */
  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_list_query_get_search (tidu_list_model_get_query (model)),
                                 *text != '\0' ? text : NULL) == 0 &&
                      model_idle (model));
}

static void
test_count (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  TiduRecordList *list;
  TiduListModel *model;

  insert_firms (database, 300);
  list = show_list (database);
  model = tidu_record_list_get_model (list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);
  g_assert_cmpstr (tidu_record_list_get_count_text (list), ==, "300 firms");
  g_assert_cmpstr (tidu_record_list_get_visible_state (list), ==, "list");
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == TIDU_TYPE_LIST_ITEM);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 300));

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static void
test_search (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  const char * const queries[] = { "智能", "常州", "州生", "0042" };
  TiduRecordList *list;
  TiduListModel *model;

  insert_firms (database, 300);
  list = show_list (database);
  model = tidu_record_list_get_model (list);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      gint64 expected = count_sql (database,
                                   "SELECT count(*) FROM firms WHERE deleted_at IS NULL AND name LIKE '%' || ?1 || '%'",
                                   queries[q]);
      guint n_items;

      search (list, queries[q]);
      n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

      g_assert_cmpint (n_items, ==, expected);
      for (guint i = 0; i < n_items; i++)
        {
          g_autofree char *name = item_cell (model, i, 0);

          g_assert_nonnull (strstr (name, queries[q]));
        }
    }

  /* A search that matches nothing shows the placeholder; clearing it brings the rows back. */
  search (list, "没有这家");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpstr (tidu_record_list_get_visible_state (list), ==, "no-results");
  g_assert_cmpstr (tidu_record_list_get_count_text (list), ==, "0 firms");

  search (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);
  g_assert_cmpstr (tidu_record_list_get_visible_state (list), ==, "list");

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static GtkColumnViewColumn *
view_column (GtkColumnView *view,
             guint          index)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), index);

  return column;
}

static void
test_sort (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  g_autoptr(GPtrArray) ascending = g_ptr_array_new_with_free_func (g_free);
  TiduRecordList *list;
  TiduListModel *model;
  GtkColumnView *view;
  guint n_items;

  insert_firms (database, 120);
  list = show_list (database);
  model = tidu_record_list_get_model (list);
  view = GTK_COLUMN_VIEW (tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_items, ==, 120);

  /* What a click on the Name header does. */
  gtk_column_view_sort_by_column (view, view_column (view, 0), GTK_SORT_ASCENDING);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (ascending, item_cell (model, i, 0));

  /* A second click reverses the order. */
  gtk_column_view_sort_by_column (view, view_column (view, 0), GTK_SORT_DESCENDING);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *name = item_cell (model, i, 0);

      g_assert_cmpstr (name, ==, g_ptr_array_index (ascending, n_items - 1 - i));
    }

  /* Sorting by another column keeps the rows, with equal values side by side. */
  gtk_column_view_sort_by_column (view, view_column (view, 5), GTK_SORT_ASCENDING);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_items);
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *current = NULL;

    for (guint i = 0; i < n_items; i++)
      {
        g_autofree char *industry = item_cell (model, i, 5);

        if (g_strcmp0 (industry, current) == 0)
          continue;
        g_assert_false (g_hash_table_contains (seen, industry));
        g_hash_table_add (seen, g_strdup (industry));
        g_free (current);
        current = g_steal_pointer (&industry);
      }
    g_assert_cmpuint (g_hash_table_size (seen), ==, G_N_ELEMENTS (industries));
  }

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static void
test_filter (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  TiduRecordList *list;
  TiduListModel *model;
  GtkMenuButton *button;
  GtkGrid *grid;
  GtkDropDown *industry = NULL;
  GListModel *choices;
  gint64 expected;
  guint found = GTK_INVALID_LIST_POSITION;

  insert_firms (database, 300);
  list = show_list (database);
  model = tidu_record_list_get_model (list);
  expected = count_sql (database, "SELECT count(*) FROM firms WHERE industry = ?1", "医药制造业");
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (expected, <, 300);

  /* The choices are read when the popover first opens. */
  button = GTK_MENU_BUTTON (tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (button);
  tidu_test_settle ();
  grid = GTK_GRID (tidu_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_GRID));
  g_assert_nonnull (grid);

  for (int row = 0; industry == NULL; row++)
    {
      GtkWidget *label = gtk_grid_get_child_at (grid, 0, row);

      g_assert_nonnull (label);
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (label)), "Industry"))
        industry = GTK_DROP_DOWN (gtk_grid_get_child_at (grid, 1, row));
    }

  choices = gtk_drop_down_get_model (industry);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "Any");
  for (guint i = 1; i < g_list_model_get_n_items (choices); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "医药制造业"))
        found = i;
    }
  g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);

  gtk_drop_down_set_selected (industry, found);
  TIDU_TEST_WAIT_FOR (tidu_list_query_get_filter (tidu_list_model_get_query (model), "industry") != NULL &&
                      model_idle (model));
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Filters (1)");

  /* Filters and search combine. */
  search (list, "智能");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                   count_sql (database, "SELECT count(*) FROM firms WHERE industry = '医药制造业' AND name LIKE '%' || ?1 || '%'", "智能"));

  /* "Any" removes the filter again. */
  gtk_drop_down_set_selected (industry, 0);
  search (list, "");
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 300);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Filters");

  /* GTK 4.8 trips over a window destroyed under an open popover. */
  gtk_menu_button_popdown (button);
  tidu_test_settle ();

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

/* The row of the filter titled @title in the open Filters popover. */
static GtkDropDown *
filter_drop_down (GtkMenuButton *button,
                  const char    *title)
{
  GtkGrid *grid = GTK_GRID (tidu_test_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_GRID));

  g_assert_nonnull (grid);
  for (int row = 0; ; row++)
    {
      GtkWidget *label = gtk_grid_get_child_at (grid, 0, row);

      g_assert_nonnull (label);
      if (g_str_equal (gtk_label_get_text (GTK_LABEL (label)), title))
        return GTK_DROP_DOWN (gtk_grid_get_child_at (grid, 1, row));
    }
}

static guint
choice_position (GtkDropDown *drop_down,
                 const char  *label)
{
  GListModel *choices = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), label))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* A region added after the Filters popover first opened (in Preferences, say) is offered
 * the next time it opens, and the filter chosen before stays chosen. */
static void
test_filter_choices_fresh (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  g_autofree char *first_region = NULL;
  g_autofree char *second_region = NULL;
  g_autoptr(GError) error = NULL;
  TiduRecordList *list;
  TiduListModel *model;
  GtkMenuButton *button;
  GtkDropDown *region;
  guint position;

  first_region = tidu_region_find_or_create (database, NULL, "江都区", "district", &error);
  g_assert_no_error (error);
  insert_firms (database, 20);
  list = show_list (database);
  model = tidu_record_list_get_model (list);

  button = GTK_MENU_BUTTON (tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (button);
  tidu_test_settle ();
  region = filter_drop_down (button, "Region");
  position = choice_position (region, "江都区");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (choice_position (region, "邗江区"), ==, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (region, position);
  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_list_query_get_filter (tidu_list_model_get_query (model), "region_id"),
                                 first_region) == 0 && model_idle (model));
  gtk_menu_button_popdown (button);
  tidu_test_settle ();

  /* Added meanwhile, without the list being told. */
  second_region = tidu_region_find_or_create (database, NULL, "邗江区", "district", &error);
  g_assert_no_error (error);

  gtk_menu_button_popup (button);
  tidu_test_settle ();
  region = filter_drop_down (button, "Region");
  g_assert_cmpuint (choice_position (region, "邗江区"), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (gtk_drop_down_get_selected (region), ==, choice_position (region, "江都区"));
  g_assert_cmpstr (tidu_list_query_get_filter (tidu_list_model_get_query (model), "region_id"), ==, first_region);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "_Filters (1)");

  /* GTK 4.8 trips over a window destroyed under an open popover. */
  gtk_menu_button_popdown (button);
  tidu_test_settle ();

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static void
test_cache (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  const guint max_items = TIDU_LIST_MODEL_MAX_PAGES * TIDU_LIST_MODEL_PAGE_SIZE;
  TiduRecordList *list;
  TiduListModel *model;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;

  insert_firms (database, 5000);
  list = show_list (database);
  model = tidu_record_list_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5000);
  g_assert_cmpuint (tidu_list_model_get_n_cached_items (model), >, 0);
  g_assert_cmpuint (tidu_list_model_get_n_cached_items (model), <=, max_items);

  /* Scroll through the whole list in steps, as a scrollbar drag would. */
  /* The column view's own scrolled window (menus in the toolbar hold others). */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW)));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  TIDU_TEST_WAIT_FOR (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  for (guint step = 0; step <= 20; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * step / 20.0);
      tidu_test_settle ();
      g_usleep (5000);
      tidu_test_settle ();
      g_assert_cmpuint (tidu_list_model_get_n_cached_items (model), <=, max_items);
    }

  /* Random access from anywhere keeps the bound too, and items come back right. */
  for (guint i = 0; i < 5000; i += 97)
    {
      g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_nonnull (item);
      g_assert_nonnull (tidu_list_item_get_id (item));
      g_assert_cmpuint (tidu_list_model_get_n_cached_items (model), <=, max_items);
    }

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

/* The texts of the cells the list view shows (not its headers). */
static void
collect_cell_texts (GtkWidget *widget,
                    GPtrArray *texts)
{
  if (TIDU_IS_LIST_CELL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, (gpointer) tidu_list_cell_get_text (TIDU_LIST_CELL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cell_texts (child, texts);
}

/* A search, then clearing it, over a list longer than the view: the rows on screen show the
 * new rows (the model refills the items the view keeps), and the main thread reads no page
 * the worker did not bring. GTK 4.8's list view used to ask for every added item when the
 * rows it showed were replaced: 30 pages here, the whole table with 100,000 firms. */
static void
test_search_keeps_rows (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  TiduRecordList *list;
  TiduListModel *model;
  GtkWidget *view;
  GtkAdjustment *adjustment;
  guint reads, n_names = 0;

  insert_firms (database, 3000);
  list = show_list (database);
  model = tidu_record_list_get_model (list);
  view = tidu_test_find_widget (tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW), GTK_TYPE_LIST_VIEW);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  tidu_test_settle ();
  TIDU_TEST_WAIT_FOR (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment));
  reads = tidu_list_model_get_n_page_reads (model);

  /* A new search shows its first rows, wherever the list was scrolled to. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  tidu_test_settle ();
  reads = tidu_list_model_get_n_page_reads (model);
  tidu_list_model_set_search (model, "智能");
  TIDU_TEST_WAIT_FOR (model_idle (model));
  tidu_test_settle ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  /* At most the pages of the rows the view kept there (about 205: up to 4 pages), refilled
   * before the view moved. */
  g_assert_cmpuint (tidu_list_model_get_n_page_reads (model) - reads, <=, 4);
  reads = tidu_list_model_get_n_page_reads (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    count_sql (database, "SELECT count(*) FROM firms WHERE name LIKE ?1", "%智能%"));
  collect_cell_texts (view, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_str_has_suffix (text, "科技有限公司"))
        {
          g_assert_nonnull (strstr (text, "智能"));
          n_names++;
        }
    }
  g_assert_cmpuint (n_names, >, 10);

  tidu_list_model_set_search (model, "");
  TIDU_TEST_WAIT_FOR (model_idle (model));
  tidu_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  g_assert_cmpuint (tidu_list_model_get_n_page_reads (model) - reads, <=, 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* The first row on screen is the first firm again. */
  g_ptr_array_set_size (texts, 0);
  collect_cell_texts (view, texts);
  {
    g_autofree char *first = item_cell (model, 0, 0);
    gboolean shown = FALSE;

    for (guint i = 0; i < texts->len && !shown; i++)
      shown = g_str_equal (g_ptr_array_index (texts, i), first);
    g_assert_true (shown);
  }

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

/* The worker fetches the first pages with the rowids: the view's first rows need no SQL on
 * the main thread, and they are the same rows a fetch on the main connection gives. */
static void
test_prefetch (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  g_autoptr(TiduListModel) model = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 rowids[3];

  insert_firms (database, 450);
  model = tidu_list_model_new (TIDU_LIST_FIRMS, database);
  TIDU_TEST_WAIT_FOR (tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 450);
  g_assert_cmpuint (tidu_list_model_get_n_cached_items (model), ==, 3 * TIDU_LIST_MODEL_PAGE_SIZE);

  for (guint i = 0; i < G_N_ELEMENTS (rowids); i++)
    {
      guint position = (guint[]) { 0, 150, 199 }[i];
      g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

      rowids[i] = tidu_list_item_get_rowid (item);
    }
  rows = tidu_list_fetch_rows (database, tidu_list_model_get_query (model), rowids, 3, NULL);
  g_assert_nonnull (rows);
  for (guint i = 0; i < G_N_ELEMENTS (rowids); i++)
    {
      guint position = (guint[]) { 0, 150, 199 }[i];
      g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);
      TiduListRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (tidu_list_item_get_id (item), ==, row->id);
      g_assert_cmpstr (tidu_list_item_get_cell (item, 0), ==, row->cells[0]);
    }
  /* Still only the prefetched pages. */
  g_assert_cmpuint (tidu_list_model_get_n_cached_items (model), ==, 3 * TIDU_LIST_MODEL_PAGE_SIZE);

  g_clear_object (&model);
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static void
record_activated_cb (TiduRecordList  *list,
                     const char      *id,
                     char           **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_activate (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "firms.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  g_autofree char *activated = NULL;
  TiduRecordList *list;
  TiduListModel *model;
  GtkColumnView *view;
  GtkWidget *entry;

  insert_firms (database, 30);
  list = show_list (database);
  model = tidu_record_list_get_model (list);
  view = GTK_COLUMN_VIEW (tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
  g_signal_connect (list, "record-activated", G_CALLBACK (record_activated_cb), &activated);

  g_signal_emit_by_name (view, "activate", 3);
  {
    g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), 3);

    g_assert_cmpstr (activated, ==, tidu_list_item_get_id (item));
  }

  /* Ctrl+F's action focuses the search entry. */
  entry = tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "list.search", NULL));
  tidu_test_settle ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (entry)), entry) ||
                 gtk_root_get_focus (gtk_widget_get_root (entry)) == entry);

  /* The model is its own single selection, and a new result clears it. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), 5, TRUE);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (model), 5));
  g_assert_cmpuint (tidu_list_model_get_selected (model), ==, 5);
  tidu_list_model_refresh (model);
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (tidu_list_model_get_selected (model), ==, GTK_INVALID_LIST_POSITION);

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static void
test_load_sample (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  TiduWindow *window = tidu_window_new (app);
  TiduFirmsPage *page;
  TiduSampleLoader *loader;
  TiduListModel *model;
  gint64 firms = 0;

  tidu_window_set_database (window, database);
  gtk_window_present (GTK_WINDOW (window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "firms");

  page = TIDU_FIRMS_PAGE (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_FIRMS_PAGE));
  g_assert_cmpstr (tidu_firms_page_get_visible_state (page), ==, "empty");
  loader = TIDU_SAMPLE_LOADER (tidu_test_find_widget (GTK_WIDGET (page), TIDU_TYPE_SAMPLE_LOADER));
  g_assert_nonnull (loader);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (loader), "sample.load", NULL));
  g_assert_true (tidu_sample_loader_get_running (loader));
  TIDU_TEST_WAIT_FOR (!tidu_sample_loader_get_running (loader));

  g_assert_cmpstr (tidu_firms_page_get_visible_state (page), ==, "list");
  g_assert_true (tidu_database_count (database, TIDU_ENTITY_FIRM, &firms, NULL));
  g_assert_cmpint (firms, ==, 2000);

  model = tidu_record_list_get_model (tidu_firms_page_get_record_list (page));
  TIDU_TEST_WAIT_FOR (model_idle (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, firms);

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

  g_test_add_func ("/record-list/count", test_count);
  g_test_add_func ("/record-list/search", test_search);
  g_test_add_func ("/record-list/sort", test_sort);
  g_test_add_func ("/record-list/filter", test_filter);
  g_test_add_func ("/record-list/filter-choices-fresh", test_filter_choices_fresh);
  g_test_add_func ("/record-list/cache", test_cache);
  g_test_add_func ("/record-list/prefetch", test_prefetch);
  g_test_add_func ("/record-list/search-keeps-rows", test_search_keeps_rows);
  g_test_add_func ("/record-list/activate", test_activate);
  g_test_add_func ("/record-list/load-sample", test_load_sample);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
