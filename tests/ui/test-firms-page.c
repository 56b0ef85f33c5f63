/* test-firms-page.c: the Firms place wired together: the list, the detail page, the editor,
 * Delete with Undo, and the trash, driven through the main window over a real database
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-firm-detail.h"
#include "tidu-firm-editor.h"
#include "tidu-firms-page.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

#define HUAWEI "914403001922038216"

static TiduApplication *app;

static const char * const firm_names[] = {
  "常州新材科技有限公司",
  "南京生物医药有限公司",
  "苏州电子科技有限公司",
  "无锡智能科技有限公司",
  "镇江光伏能源有限公司",
};

typedef struct
{
  char           *dir;
  TiduDatabase   *database;
  TiduWindow     *window;
  TiduFirmsPage  *page;
  TiduRecordList *list;
  TiduListModel  *model;
  GtkWidget      *view;
  char           *ids[G_N_ELEMENTS (firm_names)];
} Fixture;

static gboolean
model_idle (TiduListModel *model)
{
  return tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
}

static char *
row_id (Fixture *fixture,
        guint    position)
{
  g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->model), position);

  return g_strdup (tidu_list_item_get_id (item));
}

static guint
find_position (Fixture    *fixture,
               const char *id)
{
  for (guint i = 0; i < n_rows (fixture); i++)
    {
      g_autofree char *candidate = row_id (fixture, i);

      if (g_strcmp0 (candidate, id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
wait_for_list (Fixture *fixture)
{
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model));
  tidu_test_settle ();
}

static char *
insert_firm (TiduDatabase *database,
             const char   *name,
             const char   *uscc)
{
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GError) error = NULL;

  firm->name = g_strdup (name);
  firm->uscc = g_strdup (uscc);
  tidu_firm_save (database, firm, &error);
  g_assert_no_error (error);
  return g_strdup (firm->id);
}

static gboolean
in_trash (TiduDatabase *database,
          const char   *id)
{
  g_autoptr(TiduFirm) firm = tidu_firm_load (database, id, NULL);

  g_assert_nonnull (firm);
  return firm->deleted_at != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = tidu_test_make_dir ();
  path = g_build_filename (fixture->dir, "tidu.db", NULL);
  fixture->database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (firm_names); i++)
    fixture->ids[i] = insert_firm (fixture->database, firm_names[i], NULL);

  fixture->window = tidu_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  tidu_window_set_database (fixture->window, fixture->database);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.place", "s", "firms");

  fixture->page = TIDU_FIRMS_PAGE (tidu_test_find_widget (GTK_WIDGET (fixture->window), TIDU_TYPE_FIRMS_PAGE));
  fixture->list = tidu_firms_page_get_record_list (fixture->page);
  fixture->model = tidu_record_list_get_model (fixture->list);
  fixture->view = tidu_test_find_widget (GTK_WIDGET (fixture->list), GTK_TYPE_COLUMN_VIEW);
  wait_for_list (fixture);
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "list");
  g_assert_cmpuint (n_rows (fixture), ==, G_N_ELEMENTS (firm_names));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tidu_test_destroy_toplevels ();
  g_clear_object (&fixture->database);
  tidu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->ids); i++)
    g_free (fixture->ids[i]);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_row (root, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_open_and_back (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *entry = tidu_test_find_widget (GTK_WIDGET (fixture->list), GTK_TYPE_SEARCH_ENTRY);
  TiduFirmDetail *detail = tidu_firms_page_get_detail (fixture->page);
  g_autofree char *id = NULL;

  gtk_editable_set_text (GTK_EDITABLE (entry), "科技");
  TIDU_TEST_WAIT_FOR (n_rows (fixture) == 3 && model_idle (fixture->model));
  tidu_test_settle ();

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 1, TRUE);
  id = row_id (fixture, 1);

  /* Enter or a double click on the row. */
  g_signal_emit_by_name (fixture->view, "activate", 1);
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "detail");
  g_assert_cmpstr (tidu_firm_detail_get_firm_id (detail), ==, id);
  g_assert_nonnull (tidu_firms_page_get_subtitle (fixture->page));
  g_assert_true (g_str_has_suffix (tidu_firms_page_get_subtitle (fixture->page), "科技有限公司"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (detail)));

  /* Back (Alt+Left, Escape or the button): the list is as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "firm.back", NULL));
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "list");
  g_assert_null (tidu_firms_page_get_subtitle (fixture->page));
  g_assert_cmpstr (tidu_record_list_get_search_text (fixture->list), ==, "科技");
  g_assert_cmpuint (n_rows (fixture), ==, 3);
  g_assert_cmpuint (tidu_list_model_get_selected (fixture->model), ==, 1);
}

static void
saved_cb (TiduFirmEditor *editor,
          const char     *id,
          char          **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_new_firm (Fixture       *fixture,
               gconstpointer  data)
{
  TiduFirmDetail *detail = tidu_firms_page_get_detail (fixture->page);
  g_autofree char *saved = NULL;
  TiduFirmEditor *editor;

  /* Ctrl+N */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.new", NULL));
  editor = TIDU_FIRM_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->window));
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &saved);

  set_row_text (GTK_WIDGET (editor), "_Name", "扬州精密机械有限公司");
  TIDU_TEST_WAIT_FOR (tidu_firm_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (saved);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR) == NULL);

  /* The new firm's detail opens, and the list behind it has one more row. */
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "detail");
  g_assert_cmpstr (tidu_firm_detail_get_firm_id (detail), ==, saved);
  g_assert_cmpstr (tidu_firms_page_get_subtitle (fixture->page), ==, "扬州精密机械有限公司");
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, G_N_ELEMENTS (firm_names) + 1);
  g_assert_cmpstr (tidu_record_list_get_count_text (fixture->list), ==, "6 firms");

  gtk_widget_activate_action (GTK_WIDGET (detail), "firm.back", NULL);
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "list");
  g_assert_cmpuint (find_position (fixture, saved), !=, GTK_INVALID_LIST_POSITION);
}

/* A credit code that a firm in the trash already has: the editor restores that firm and the
 * page opens it. */
static void
test_new_firm_duplicate (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *existing = insert_firm (fixture->database, "华为技术有限公司", HUAWEI);
  TiduFirmEditor *editor;

  g_assert_true (tidu_firm_delete (fixture->database, existing, NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.new", NULL);
  editor = TIDU_FIRM_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR));
  g_assert_nonnull (editor);
  set_row_text (GTK_WIDGET (editor), "_Name", "华为");
  set_row_text (GTK_WIDGET (editor), "Unified social credit _code", HUAWEI);
  tidu_firm_editor_validate (editor);
  g_assert_false (tidu_firm_editor_get_can_save (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-other", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR) == NULL);
  g_assert_false (in_trash (fixture->database, existing));
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "detail");
  g_assert_cmpstr (tidu_firm_detail_get_firm_id (tidu_firms_page_get_detail (fixture->page)), ==, existing);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, G_N_ELEMENTS (firm_names) + 1);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *next = NULL;
  g_autofree char *selected = NULL;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 2, TRUE);
  id = row_id (fixture, 2);
  next = row_id (fixture, 3);

  /* The Delete key */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.delete", NULL));
  g_assert_true (in_trash (fixture->database, id));
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "list");
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, G_N_ELEMENTS (firm_names) - 1);
  g_assert_cmpuint (find_position (fixture, id), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (tidu_record_list_get_count_text (fixture->list), ==, "4 firms");
  /* The row that took its place is selected, ready for the next Delete. */
  selected = tidu_record_list_dup_selected_id (fixture->list);
  g_assert_cmpstr (selected, ==, next);

  /* Ctrl+Z while the toast shows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.undo", NULL));
  g_assert_false (in_trash (fixture->database, id));
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, G_N_ELEMENTS (firm_names));
  g_assert_cmpuint (find_position (fixture, id), !=, GTK_INVALID_LIST_POSITION);

  /* Only once */
  g_assert_true (tidu_firm_delete (fixture->database, id, NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.undo", NULL);
  g_assert_true (in_trash (fixture->database, id));
}

static void
test_delete_all (Fixture       *fixture,
                 gconstpointer  data)
{
  /* Deleting the last live firm shows the empty state, which leads to the trash. */
  for (guint i = 0; i < G_N_ELEMENTS (firm_names); i++)
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.delete", NULL));
      /* Deletes in quick succession, as when Delete is held down. Replacing the toast each
       * time aborted in libadwaita 1.2, and crashed when the window closed right after; the
       * deletes now gather in one toast. */
      wait_for_list (fixture);
    }
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "empty");

  /* One Undo takes back the whole run of deletes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.undo", NULL));
  wait_for_list (fixture);
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "list");
  g_assert_cmpuint (n_rows (fixture), ==, G_N_ELEMENTS (firm_names));
}

static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  const char *first = fixture->ids[0];
  const char *second = fixture->ids[1];
  GtkWindow *dialog;
  guint position;

  g_assert_true (tidu_firm_delete (fixture->database, first, NULL));
  g_assert_true (tidu_firm_delete (fixture->database, second, NULL));
  tidu_firms_page_reload (fixture->page);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 3);

  /* The Trash toggle */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.show-trash", NULL));
  g_assert_true (tidu_record_list_get_trash (fixture->list));
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  g_assert_cmpstr (tidu_record_list_get_count_text (fixture->list), ==, "2 deleted firms");
  g_assert_cmpstr (tidu_firms_page_get_subtitle (fixture->page), ==, "Deleted Firms");
  g_assert_cmpuint (find_position (fixture, first), !=, GTK_INVALID_LIST_POSITION);

  /* Restore */
  position = find_position (fixture, first);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), position, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.restore", NULL));
  g_assert_false (in_trash (fixture->database, first));
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  g_assert_cmpstr (tidu_record_list_get_count_text (fixture->list), ==, "1 deleted firm");

  /* The live list has it back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.show-trash", NULL);
  g_assert_false (tidu_record_list_get_trash (fixture->list));
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 4);
  g_assert_cmpuint (find_position (fixture, first), !=, GTK_INVALID_LIST_POSITION);
  g_assert_null (tidu_firms_page_get_subtitle (fixture->page));

  /* Delete Permanently… asks first; Cancel keeps the firm. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.show-trash", NULL);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.purge", NULL));
  dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (dialog);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_true (in_trash (fixture->database, second));

  /* The Delete key in the trash also asks; confirming removes it for good. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.delete", NULL));
  dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  gtk_window_destroy (dialog);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
  g_assert_null (tidu_firm_load (fixture->database, second, NULL));
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
  g_assert_cmpstr (tidu_record_list_get_visible_state (fixture->list), ==, "empty-trash");
  g_assert_cmpstr (tidu_record_list_get_count_text (fixture->list), ==, "0 deleted firms");
}

/* Enter on a row in the trash restores it; a firm that went meanwhile (purged in another
 * window, say) is told in a toast and the list catches up. */
static void
test_trash_enter (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *first = fixture->ids[0];
  const char *second = fixture->ids[1];
  g_autofree char *top = NULL;
  g_autofree char *other = NULL;

  g_assert_true (tidu_firm_delete (fixture->database, first, NULL));
  g_assert_true (tidu_firm_delete (fixture->database, second, NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "firms.show-trash", NULL);
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 2);
  top = row_id (fixture, 0);
  other = row_id (fixture, 1);

  g_signal_emit_by_name (fixture->view, "activate", 0);
  g_assert_false (in_trash (fixture->database, top));
  g_assert_cmpstr (tidu_firms_page_get_visible_state (fixture->page), ==, "list");
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 1);

  g_assert_true (tidu_firm_purge (fixture->database, other, NULL));
  g_signal_emit_by_name (fixture->view, "activate", 0);
  g_assert_null (tidu_firm_load (fixture->database, other, NULL));
  wait_for_list (fixture);
  g_assert_cmpuint (n_rows (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

  g_test_add ("/firms-page/open-back", Fixture, NULL, fixture_set_up, test_open_and_back, fixture_tear_down);
  g_test_add ("/firms-page/new", Fixture, NULL, fixture_set_up, test_new_firm, fixture_tear_down);
  g_test_add ("/firms-page/new-duplicate", Fixture, NULL, fixture_set_up, test_new_firm_duplicate, fixture_tear_down);
  g_test_add ("/firms-page/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/firms-page/delete-all", Fixture, NULL, fixture_set_up, test_delete_all, fixture_tear_down);
  g_test_add ("/firms-page/trash", Fixture, NULL, fixture_set_up, test_trash, fixture_tear_down);
  g_test_add ("/firms-page/trash-enter", Fixture, NULL, fixture_set_up, test_trash_enter, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
