/* test-exchange.c: the exchange UI — import assistant, list export, snapshot windows, merge
 *
 * With TIDU_TEST_SHOTS=DIR set, each test also saves PNGs of the windows it shows there (and
 * TIDU_TEST_DARK=1 renders them dark), to look at the dialogs in English and Chinese.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tidu-firms-page.h"
#include "tidu-certification-editor.h"
#include "tidu-firm-detail.h"
#include "tidu-firm-editor.h"
#include "tidu-import-assistant.h"
#include "tidu-list-exporter.h"
#include "tidu-merge-dialog.h"
#include "tidu-progress-window.h"
#include "tidu-record-list.h"
#include "tidu-snapshot-export-dialog.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

static TiduApplication *app;

/* ------------------------------------------------------------------ helpers */

static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("TIDU_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* Let the window lay out and draw once. */
  for (int i = 0; i < 20; i++)
    {
      g_usleep (10000);
      tidu_test_settle ();
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static TiduDatabase *
open_database (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TiduDatabase *db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

static void
load_sample (TiduDatabase *db,
             gint64        firms)
{
  TiduSampleOptions options = { firms, 7 };
  g_autoptr(GError) error = NULL;

  tidu_sample_generate (db, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static TiduWindow *
show_window (TiduDatabase *db)
{
  TiduWindow *window = tidu_window_new (app);

  tidu_window_set_database (window, db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  tidu_test_settle ();

  return window;
}

static gint64
count_firms (TiduDatabase *db)
{
  gint64 n = 0;
  g_autoptr(GError) error = NULL;

  tidu_database_count (db, TIDU_ENTITY_FIRM, &n, &error);
  g_assert_no_error (error);
  return n;
}

static TiduFirm *
find_firm (TiduDatabase *db,
           const char   *name)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  tidu_list_query_set_search (query, name);
  rowids = tidu_list_query_run (db, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rowids->len, >=, 1);
  rows = tidu_list_fetch_rows (db, query, (const gint64 *) rowids->data, rowids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TiduListRow *row = g_ptr_array_index (rows, i);
      TiduFirm *firm = tidu_firm_load (db, row->id, NULL);

      if (firm != NULL && g_str_equal (firm->name, name))
        return firm;
      g_clear_pointer (&firm, tidu_firm_free);
    }
  g_assert_not_reached ();
}

/* ------------------------------------------------------------------ import */

/* A GB18030 file, as Chinese Excel and WPS save "CSV": the preview shows the Chinese as it
 * is, and the import creates the firms and the region it names. */
static void
test_import_gb18030 (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_database (dir, "tidu.sqlite3");
  g_autofree char *csv_path = g_build_filename (dir, "企业名单.csv", NULL);
  const char *utf8 = "企业名称,所属区域,成立日期,行业\r\n"
                     "星河智能科技有限公司,高新区,2019-03-15,软件和信息技术服务业\r\n"
                     "\"东湖光电（武汉）有限公司\",高新区,2020年5月8日,\"光电子器件制造，激光\"\r\n";
  g_autofree char *gb = NULL;
  gsize gb_len = 0;
  g_autoptr(GError) error = NULL;
  TiduImportAssistant *assistant;
  const TiduImportReport *report;
  TiduWindow *window = show_window (db);

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &gb_len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, gb_len, NULL));
  g_file_set_contents (csv_path, gb, gb_len, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  assistant = TIDU_IMPORT_ASSISTANT (tidu_test_find_toplevel (TIDU_TYPE_IMPORT_ASSISTANT));
  g_assert_nonnull (assistant);
  g_assert_cmpstr (tidu_import_assistant_get_step (assistant), ==, "choose");
  save_shot (GTK_WIDGET (assistant), "import-1-choose");

  tidu_import_assistant_open_file (assistant, TIDU_IMPORT_FIRMS, csv_path);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "preview"));
  g_assert_cmpint (tidu_import_get_encoding (tidu_import_assistant_get_import (assistant)), ==, TIDU_CSV_ENCODING_GB18030);
  g_assert_cmpstr (tidu_import_assistant_get_preview_text (assistant, 0, 0), ==, "企业名称");
  g_assert_cmpstr (tidu_import_assistant_get_preview_text (assistant, 1, 0), ==, "星河智能科技有限公司");
  g_assert_cmpstr (tidu_import_assistant_get_preview_text (assistant, 2, 0), ==, "东湖光电（武汉）有限公司");
  g_assert_cmpstr (tidu_import_assistant_get_preview_text (assistant, 2, 3), ==, "光电子器件制造，激光");
  save_shot (GTK_WIDGET (assistant), "import-2-preview");

  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  g_assert_cmpstr (tidu_import_assistant_get_step (assistant), ==, "mapping");
  g_assert_cmpstr (tidu_import_get_mapping (tidu_import_assistant_get_import (assistant), 0), ==, "name");
  save_shot (GTK_WIDGET (assistant), "import-3-mapping");

  /* The check is a dry run: nothing is saved yet. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "check"));
  report = tidu_import_assistant_get_report (assistant);
  g_assert_nonnull (report);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->n_rows, ==, 2);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_bad, ==, 0);
  g_assert_cmpint (count_firms (db), ==, 0);
  save_shot (GTK_WIDGET (assistant), "import-4-check");

  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "done"));
  report = tidu_import_assistant_get_report (assistant);
  g_assert_true (report->committed);
  g_assert_cmpint (count_firms (db), ==, 2);
  save_shot (GTK_WIDGET (assistant), "import-5-done");

  {
    g_autoptr(TiduFirm) firm = find_firm (db, "东湖光电（武汉）有限公司");
    GDate expected;

    g_date_clear (&expected, 1);
    g_date_set_dmy (&expected, 8, G_DATE_MAY, 2020);
    g_assert_cmpint (g_date_compare (&firm->founded_on, &expected), ==, 0);
    g_assert_cmpstr (firm->industry, ==, "光电子器件制造，激光");
  }

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

/* A row with a bad date: the check names its row and column, "all or nothing" saves nothing
 * and "skip bad rows" imports the good one. */
static void
test_import_bad_rows (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_database (dir, "tidu.sqlite3");
  g_autofree char *csv_path = g_build_filename (dir, "firms.csv", NULL);
  const char *text = "Name,Founded on\nGood Co,2021-01-02\nBad Co,2021-13-45\n";
  g_autoptr(GError) error = NULL;
  TiduImportAssistant *assistant;
  const TiduImportReport *report;
  TiduImportIssue *issue = NULL;
  TiduWindow *window = show_window (db);

  g_file_set_contents (csv_path, text, -1, &error);
  g_assert_no_error (error);

  assistant = tidu_import_assistant_new (GTK_WINDOW (window), db);
  gtk_window_present (GTK_WINDOW (assistant));
  tidu_import_assistant_open_file (assistant, TIDU_IMPORT_FIRMS, csv_path);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "preview"));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "check"));
  report = tidu_import_assistant_get_report (assistant);
  g_assert_cmpuint (report->n_bad, ==, 1);
  for (guint i = 0; i < report->issues->len; i++)
    if (!((TiduImportIssue *) g_ptr_array_index (report->issues, i))->warning)
      issue = g_ptr_array_index (report->issues, i);
  g_assert_nonnull (issue);
  g_assert_cmpuint (issue->row, ==, 3);
  g_assert_cmpstr (issue->column, ==, "Founded on");
  save_shot (GTK_WIDGET (assistant), "import-6-bad-rows");

  /* All or nothing (the default): nothing is saved. */
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "done"));
  g_assert_false (tidu_import_assistant_get_report (assistant)->committed);
  g_assert_cmpint (count_firms (db), ==, 0);
  save_shot (GTK_WIDGET (assistant), "import-7-nothing");
  gtk_window_destroy (GTK_WINDOW (assistant));

  /* Skip bad rows: the good row is imported. */
  assistant = tidu_import_assistant_new (GTK_WINDOW (window), db);
  gtk_window_present (GTK_WINDOW (assistant));
  tidu_import_assistant_open_file (assistant, TIDU_IMPORT_FIRMS, csv_path);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "preview"));
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "check"));
  {
    GtkWidget *skip = NULL;
    GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (tidu_test_find_widget (GTK_WIDGET (assistant), GTK_TYPE_STACK)), "check");

    skip = tidu_test_find_widget (page, GTK_TYPE_CHECK_BUTTON);
    g_assert_nonnull (skip);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (skip), TRUE);
  }
  gtk_widget_activate_action (GTK_WIDGET (assistant), "import.next", NULL);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_import_assistant_get_step (assistant), "done"));
  g_assert_true (tidu_import_assistant_get_report (assistant)->committed);
  g_assert_cmpint (count_firms (db), ==, 1);

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

/* ------------------------------------------------------------------ list export */

/* The CSV holds exactly the rows the filtered, sorted list shows, in its order. */
static void
test_list_export (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_database (dir, "tidu.sqlite3");
  g_autofree char *csv_path = g_build_filename (dir, "firms.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  TiduListChoice *region;
  TiduRecordList *list;
  TiduListModel *model;
  const TiduListQuery *query;
  TiduWindow *window;
  guint n_lines = 0;

  load_sample (db, 120);
  window = show_window (db);
  tidu_window_set_place (window, "firms");
  tidu_test_settle ();

  list = TIDU_RECORD_LIST (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_RECORD_LIST));
  g_assert_nonnull (list);
  g_assert_cmpint (tidu_record_list_get_kind (list), ==, TIDU_LIST_FIRMS);
  model = tidu_record_list_get_model (list);
  regions = tidu_list_filter_choices (db, TIDU_LIST_FIRMS, "region_id", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, >, 1);
  region = g_ptr_array_index (regions, 0);
  tidu_list_model_set_filter (model, "region_id", region->value);
  tidu_list_model_set_sort (model, "name", TRUE);
  query = tidu_list_model_get_query (model);

  rowids = tidu_list_query_run (db, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rowids->len, >, 0);
  g_assert_cmpint (rowids->len, <, count_firms (db));
  rows = tidu_list_fetch_rows (db, query, (const gint64 *) rowids->data, rowids->len, &error);
  g_assert_no_error (error);

  tidu_list_exporter_export (GTK_WIDGET (list), db, query, csv_path, TIDU_EXPORT_CSV);
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_PROGRESS_WINDOW));
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_PROGRESS_WINDOW) == NULL);

  /* For looking at it: the progress window as it shows during a longer export. */
  if (g_getenv ("TIDU_TEST_SHOTS") != NULL)
    {
      TiduProgressWindow *progress = tidu_progress_window_new (GTK_WINDOW (window), _("Exporting the List"), "firms.csv");

      gtk_window_present (GTK_WINDOW (progress));
      save_shot (GTK_WIDGET (progress), "list-export-progress");
      tidu_progress_window_finish (progress);
    }

  g_file_get_contents (csv_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      TiduListRow *row = g_ptr_array_index (rows, i - 1);
      g_autofree char *quoted = g_strdup_printf ("\"%s\",", row->cells[0]);

      /* The first column is the name, as the list shows it. */
      g_assert_true (g_str_has_prefix (lines[i], row->cells[0]) || g_str_has_prefix (lines[i], quoted));
      n_lines++;
    }
  g_assert_cmpuint (n_lines, ==, rowids->len);

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

/* ------------------------------------------------------------------ snapshots */

static char *
export_snapshot (TiduDatabase *db,
                 const char   *path,
                 const char   *officer)
{
  TiduSnapshotOptions options = { 0 };
  g_autoptr(GError) error = NULL;

  options.officer = officer;
  tidu_snapshot_export (db, path, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_strdup (path);
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static TiduWindow *
find_snapshot_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (TIDU_IS_WINDOW (l->data) && tidu_window_get_snapshot (l->data) != NULL)
      return l->data;

  return NULL;
}

/* A received snapshot opens read-only: the banner names the sender, every place browses it,
 * and nothing that edits is offered or works. */
static void
test_snapshot_read_only (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_database (dir, "colleague.sqlite3");
  g_autofree char *snapshot_path = g_build_filename (dir, "张三.tidu", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  TiduWindow *main_window;
  TiduWindow *window;
  TiduFirmsPage *firms_page;
  GtkWidget *new_button;
  gboolean read_only = FALSE;

  load_sample (db, 60);
  g_free (export_snapshot (db, snapshot_path, "张三"));
  g_file_get_contents (snapshot_path, &before, &before_len, NULL);

  main_window = show_window (db);
  tidu_application_open_snapshot (app, snapshot_path);
  TIDU_TEST_WAIT_FOR (find_snapshot_window () != NULL);
  window = find_snapshot_window ();
  g_assert_true (window != main_window);
  g_assert_true (tidu_window_get_read_only (window));
  g_object_get (window, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  g_assert_false (tidu_window_get_read_only (main_window));
  g_assert_cmpstr (tidu_window_get_snapshot (window)->officer, ==, "张三");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);

  /* The banner names who exported it. */
  {
    GtkWidget *label = find_label_containing (GTK_WIDGET (window), "张三");
    GtkWidget *revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);

    g_assert_nonnull (label);
    g_assert_nonnull (revealer);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
    g_assert_null (find_label_containing (GTK_WIDGET (main_window), "张三"));
  }

  tidu_window_set_place (window, "firms");
  tidu_test_settle ();
  firms_page = TIDU_FIRMS_PAGE (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_FIRMS_PAGE));
  g_object_get (firms_page, "read-only", &read_only, NULL);
  g_assert_true (read_only);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_record_list_get_visible_state (tidu_firms_page_get_record_list (firms_page)), "list"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tidu_record_list_get_model (tidu_firms_page_get_record_list (firms_page)))), ==, 60);
  save_shot (GTK_WIDGET (window), "snapshot-window");

  /* Nothing that edits is shown, and Ctrl+N, Delete and the menu's Import do nothing. */
  new_button = tidu_test_find_widget (GTK_WIDGET (tidu_firms_page_get_record_list (firms_page)), GTK_TYPE_BUTTON);
  g_assert_nonnull (new_button);
  g_assert_false (gtk_widget_get_visible (new_button) && gtk_widget_is_sensitive (new_button));
  gtk_widget_activate_action (GTK_WIDGET (firms_page), "firms.new", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-snapshot", NULL);
  tidu_test_settle ();
  g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR));
  g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_IMPORT_ASSISTANT));
  g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_SNAPSHOT_EXPORT_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (firms_page), "firms.delete", NULL);
  tidu_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tidu_record_list_get_model (tidu_firms_page_get_record_list (firms_page)))), ==, 60);

  /* A firm's page browses, and its Edit, Move and Delete do nothing. */
  {
    TiduRecordList *list = tidu_firms_page_get_record_list (firms_page);
    g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
    g_autoptr(GArray) rowids = tidu_list_query_run (tidu_window_get_database (window), query, NULL);
    g_autoptr(GPtrArray) rows = tidu_list_fetch_rows (tidu_window_get_database (window), query,
                                                      (const gint64 *) rowids->data, 1, NULL);
    TiduFirmDetail *detail = tidu_firms_page_get_detail (firms_page);

    g_signal_emit_by_name (list, "record-activated", ((TiduListRow *) g_ptr_array_index (rows, 0))->id);
    tidu_test_settle ();
    g_assert_cmpstr (tidu_firms_page_get_visible_state (firms_page), ==, "detail");
    g_assert_cmpstr (tidu_firm_detail_get_firm_id (detail), ==, ((TiduListRow *) g_ptr_array_index (rows, 0))->id);
    save_shot (GTK_WIDGET (window), "snapshot-firm");
    gtk_widget_activate_action (GTK_WIDGET (detail), "firm.edit", NULL);
    gtk_widget_activate_action (GTK_WIDGET (detail), "firm.delete", NULL);
    gtk_widget_activate_action (GTK_WIDGET (detail), "firm.add-certification", NULL);
    tidu_test_settle ();
    g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR));
    g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_CERTIFICATION_EDITOR));
    g_assert_cmpint (count_firms (tidu_window_get_database (window)), ==, 60);
  }

  /* The main window still edits. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window), "win.import", NULL));
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_IMPORT_ASSISTANT));

  tidu_test_destroy_toplevels ();

  /* Browsing changed nothing in the received file. */
  g_file_get_contents (snapshot_path, &after, &after_len, NULL);
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_true (memcmp (before, after, before_len) == 0);

  tidu_test_remove_dir (dir);
}

/* Double-clicking a .tidu file, or `tidu FILE.tidu`: the application's open handler shows the
 * snapshot read-only beside the officer's own database. */
static void
test_open_handler (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *own_path = g_build_filename (dir, "own.sqlite3", NULL);
  g_autofree char *snapshot_path = g_build_filename (dir, "received.tidu", NULL);
  g_autoptr(TiduDatabase) db = open_database (dir, "colleague.sqlite3");
  g_autoptr(TiduApplication) opener = tidu_application_new ();
  g_autoptr(GFile) file = g_file_new_for_path (snapshot_path);
  g_autoptr(GError) error = NULL;
  TiduWindow *window;

  g_assert_true (g_application_get_flags (G_APPLICATION (opener)) & G_APPLICATION_HANDLES_OPEN);
  load_sample (db, 20);
  g_free (export_snapshot (db, snapshot_path, "张三"));

  g_setenv ("TIDU_DATABASE", own_path, TRUE);
  /* A bus path of its own: the tests' application is registered in this process already. */
  g_application_set_application_id (G_APPLICATION (opener), "io.github.tidu.Tidu.TestOpener");
  g_application_set_flags (G_APPLICATION (opener), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (opener), NULL, &error);
  g_assert_no_error (error);
  g_application_open (G_APPLICATION (opener), &file, 1, "");

  TIDU_TEST_WAIT_FOR (find_snapshot_window () != NULL);
  window = find_snapshot_window ();
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (opener));
  g_assert_true (tidu_window_get_read_only (window));
  g_assert_nonnull (tidu_application_get_main_window (opener));
  g_assert_true (tidu_application_get_main_window (opener) != GTK_WINDOW (window));
  g_assert_cmpstr (tidu_application_get_database_path (opener), ==, own_path);

  tidu_test_destroy_toplevels ();
  g_unsetenv ("TIDU_DATABASE");
  tidu_test_remove_dir (dir);
}

/* A file that is not a snapshot is refused with the core's own reason, and no window opens. */
static void
test_snapshot_refused (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_database (dir, "tidu.sqlite3");
  g_autofree char *path = g_build_filename (dir, "notes.tidu", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  AdwMessageDialog *dialog;

  g_file_set_contents (path, "这不是数据库 — just some text\n", -1, &error);
  g_assert_no_error (error);
  g_assert_null (tidu_snapshot_inspect (path, NULL, &expected));
  g_assert_nonnull (expected);

  show_window (db);
  tidu_application_open_snapshot (app, path);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = ADW_MESSAGE_DIALOG (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), expected->message) != NULL);
  g_assert_null (find_snapshot_window ());
  save_shot (GTK_WIDGET (dialog), "snapshot-refused");

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

/* The export dialog writes a snapshot with the officer's name from Preferences. */
static void
test_snapshot_export_dialog (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) db = open_database (dir, "tidu.sqlite3");
  g_autofree char *path = g_build_filename (dir, "out.tidu", NULL);
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autoptr(TiduSnapshotInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  TiduSnapshotExportDialog *dialog;
  TiduWindow *window;

  load_sample (db, 30);
  g_settings_set_string (settings, "officer-name", "李四");
  window = show_window (db);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-snapshot", NULL);
  dialog = TIDU_SNAPSHOT_EXPORT_DIALOG (tidu_test_find_toplevel (TIDU_TYPE_SNAPSHOT_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  tidu_snapshot_export_dialog_set_redact (dialog, TRUE);
  save_shot (GTK_WIDGET (dialog), "snapshot-export");
  tidu_snapshot_export_dialog_export_to (dialog, path);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_PROGRESS_WINDOW) == NULL);
  save_shot (GTK_WIDGET (window), "snapshot-exported-toast");

  info = tidu_snapshot_inspect (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->officer, ==, "李四");
  g_assert_true (info->redacted);

  g_settings_reset (settings, "officer-name");
  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

/* ------------------------------------------------------------------ merge */

static void
set_industry (TiduDatabase *db,
              const char   *name,
              const char   *industry)
{
  g_autoptr(TiduFirm) firm = find_firm (db, name);
  g_autoptr(GError) error = NULL;

  g_free (firm->industry);
  firm->industry = g_strdup (industry);
  tidu_firm_save (db, firm, &error);
  g_assert_no_error (error);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
industry_is (TiduDatabase *db,
             const char   *name,
             const char   *industry)
{
  g_autoptr(TiduFirm) firm = find_firm (db, name);

  return g_strcmp0 (firm->industry, industry) == 0;
}

static void
merge_file (TiduDatabase *db,
            const char   *path)
{
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = tidu_merge_plan_new (db, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  tidu_merge_plan_apply (plan, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Both offices changed the same field since they last exchanged files: the dialog shows the
 * conflict with both values, and the side chosen is what the merge writes; Undo Merge takes
 * it back. */
static void
test_merge_conflict (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autoptr(TiduDatabase) mine = open_database (dir, "mine.sqlite3");
  g_autoptr(TiduDatabase) theirs = open_database (dir, "theirs.sqlite3");
  g_autofree char *first = g_build_filename (dir, "first.tidu", NULL);
  g_autofree char *second = g_build_filename (dir, "second.tidu", NULL);
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GError) error = NULL;
  TiduMergeDialog *dialog;
  TiduMergePlan *plan;
  TiduWindow *window;
  GtkWidget *button;
  guint conflict = G_MAXUINT;

  firm->name = g_strdup ("星河智能科技有限公司");
  firm->industry = g_strdup ("软件");
  tidu_firm_save (mine, firm, &error);
  g_assert_no_error (error);

  /* They take my database, then both of us change the industry. */
  g_free (export_snapshot (mine, first, "王五"));
  merge_file (theirs, first);
  g_usleep (20000);
  set_industry (mine, "星河智能科技有限公司", "人工智能");
  set_industry (theirs, "星河智能科技有限公司", "集成电路");
  g_free (export_snapshot (theirs, second, "赵六"));

  window = show_window (mine);
  dialog = tidu_merge_dialog_start (GTK_WINDOW (window), window, second);
  TIDU_TEST_WAIT_FOR (g_str_equal (tidu_merge_dialog_get_step (dialog), "plan"));
  plan = tidu_merge_dialog_get_plan (dialog);
  for (guint i = 0; i < tidu_merge_plan_get_n_records (plan); i++)
    if (tidu_merge_plan_get_kind (plan, i) == TIDU_MERGE_CONFLICT)
      conflict = i;
  g_assert_cmpuint (conflict, !=, G_MAXUINT);
  g_assert_cmpstr (tidu_merge_plan_get_mine (plan, conflict, "industry"), ==, "人工智能");
  g_assert_cmpstr (tidu_merge_plan_get_theirs (plan, conflict, "industry"), ==, "集成电路");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 760, 640);
  save_shot (GTK_WIDGET (dialog), "merge-plan");

  /* Undecided: no merge yet. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL);
  tidu_test_settle ();
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_MERGE_DIALOG));

  /* Their value for that field, chosen with its button. */
  button = tidu_merge_dialog_get_choice_button (dialog, conflict, "industry", TIDU_MERGE_SIDE_THEIRS);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (button) || gtk_widget_get_visible (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_cmpint (tidu_merge_plan_get_resolution (plan, conflict, "industry"), ==, TIDU_MERGE_SIDE_THEIRS);
  g_assert_cmpuint (tidu_merge_plan_count_unresolved (plan), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (tidu_merge_dialog_get_choice_button (dialog, conflict, NULL, TIDU_MERGE_SIDE_THEIRS))));
  save_shot (GTK_WIDGET (dialog), "merge-plan-decided");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_MERGE_DIALOG) == NULL &&
                      tidu_test_find_toplevel (TIDU_TYPE_PROGRESS_WINDOW) == NULL);
  {
    g_autoptr(TiduFirm) merged = find_firm (mine, "星河智能科技有限公司");

    g_assert_cmpstr (merged->industry, ==, "集成电路");
  }
  save_shot (GTK_WIDGET (window), "merge-done-toast");

  /* Undo Merge, the toast's button, restores my side on a worker. */
  {
    GtkWidget *undo = find_button (GTK_WIDGET (window), "_Undo Merge");

    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    TIDU_TEST_WAIT_FOR (industry_is (mine, "星河智能科技有限公司", "人工智能"));
  }

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* TIDU_LOCALEDIR: translations from the build tree, for the Chinese screenshots. */
  if (g_getenv ("TIDU_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TIDU_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  tidu_test_init (&argc, &argv);
  if (g_getenv ("TIDU_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  app = tidu_test_application_new ();

  g_test_add_func ("/exchange/import-gb18030", test_import_gb18030);
  g_test_add_func ("/exchange/import-bad-rows", test_import_bad_rows);
  g_test_add_func ("/exchange/list-export", test_list_export);
  g_test_add_func ("/exchange/snapshot-read-only", test_snapshot_read_only);
  g_test_add_func ("/exchange/snapshot-refused", test_snapshot_refused);
  g_test_add_func ("/exchange/open-handler", test_open_handler);
  g_test_add_func ("/exchange/snapshot-export-dialog", test_snapshot_export_dialog);
  g_test_add_func ("/exchange/merge-conflict", test_merge_conflict);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
