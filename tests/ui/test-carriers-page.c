/* test-carriers-page.c: the Carriers place: the carrier editor, the yearly statistics and
 * recognition editors, the detail page, Delete with Undo and row activation, driven as an
 * officer would, through the main window over a real database in a temporary folder
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-carrier-detail.h"
#include "tidu-carrier-editor.h"
#include "tidu-carrier-level-editor.h"
#include "tidu-carrier-year-editor.h"
#include "tidu-carriers-page.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

#define HUAWEI "914403001922038216"
#define HUAWEI_BAD_CHECK "914403001922038217"

static TiduApplication *app;

typedef struct
{
  char              *dir;
  TiduDatabase      *database;
  char              *region_id;
  char              *other_region_id;
  TiduWindow        *window;
  TiduCarriersPage  *page;
  TiduCarrierDetail *detail;
  TiduListModel     *model;
} Fixture;

static char *
insert_carrier (TiduDatabase *database,
                const char   *name,
                const char   *region_id)
{
  g_autoptr(TiduCarrier) carrier = tidu_carrier_new ();
  g_autoptr(GError) error = NULL;

  carrier->name = g_strdup (name);
  carrier->kind = g_strdup ("incubator");
  carrier->region_id = g_strdup (region_id);
  tidu_carrier_save (database, carrier, &error);
  g_assert_no_error (error);
  return g_strdup (carrier->id);
}

static gboolean
model_idle (TiduListModel *model)
{
  return tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model);
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
  fixture->region_id = tidu_region_find_or_create (fixture->database, NULL, "江都区", "district", &error);
  g_assert_no_error (error);
  fixture->other_region_id = tidu_region_find_or_create (fixture->database, NULL, "邗江区", "district", &error);
  g_assert_no_error (error);

  fixture->window = tidu_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  tidu_window_set_database (fixture->window, fixture->database);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.place", "s", "carriers");

  fixture->page = TIDU_CARRIERS_PAGE (tidu_test_find_widget (GTK_WIDGET (fixture->window), TIDU_TYPE_CARRIERS_PAGE));
  fixture->detail = tidu_carriers_page_get_detail (fixture->page);
  fixture->model = tidu_record_list_get_model (tidu_carriers_page_get_record_list (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tidu_test_destroy_toplevels ();
  g_clear_object (&fixture->database);
  tidu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->region_id);
  g_free (fixture->other_region_id);
}

/* The first row at or below @root whose title is @title (English: tests run in the C locale). */
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

static GtkWidget *
get_row (GtkWidget  *root,
         const char *title)
{
  GtkWidget *row = find_row (root, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  return row;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

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
  gtk_editable_set_text (GTK_EDITABLE (get_row (root, title)), text);
}

/* Picks the entry of a combo row whose label is @label (leading spaces of the region tree
 * left out). */
static void
choose (GtkWidget  *root,
        const char *title,
        const char *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_row (root, title));
  GListModel *labels = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (labels), i);

      if (g_str_equal (text + strspn (text, " "), label))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("No entry “%s” in “%s”", label, title);
}

/* The message shown under a row, or NULL when none is visible. */
static const char *
row_message (GtkWidget *row)
{
  GtkWidget *message = g_object_get_data (G_OBJECT (row), "tidu-form-message");

  if (message == NULL || !gtk_widget_get_visible (message))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message));
}

static void
store_id_cb (GObject    *emitter,
             const char *id,
             char      **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_add_carrier (Fixture       *fixture,
                  gconstpointer  data)
{
  TiduCarrierEditor *editor;
  GtkWidget *root;
  g_autofree char *saved_id = NULL;
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "empty");
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->page), "_Add Carrier"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "carriers.new", NULL));
  editor = TIDU_CARRIER_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_EDITOR));
  g_assert_nonnull (editor);
  root = GTK_WIDGET (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (store_id_cb), &saved_id);

  /* A fresh form blocks saving without shouting at the officer. */
  tidu_carrier_editor_validate (editor);
  g_assert_false (tidu_carrier_editor_get_can_save (editor));
  g_assert_false (gtk_widget_has_css_class (get_row (root, "_Name"), "error"));

  set_row_text (root, "_Name", " 江都科技创业园 ");
  choose (root, "_Kind", "Incubator");
  choose (root, "_Region", "江都区");
  set_row_text (root, "_Operator", "扬州江都科创发展有限公司");
  set_row_text (root, "Operator’s unified social credit _code", "9144 0300 1922 0382 16");
  set_row_text (root, "Ar_ea (m²)", "1.2万");
  set_row_text (root, "_Founded", "2016年5月1日");
  set_row_text (root, "_Phone", "0514-86881234");
  /* Validation runs by itself a moment after typing. */
  TIDU_TEST_WAIT_FOR (tidu_carrier_editor_get_can_save (editor));

  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (saved_id);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_EDITOR) == NULL);

  carrier = tidu_carrier_load (fixture->database, saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (carrier->name, ==, "江都科技创业园");
  g_assert_cmpstr (carrier->kind, ==, "incubator");
  g_assert_cmpstr (carrier->region_id, ==, fixture->region_id);
  g_assert_cmpstr (carrier->operator_uscc, ==, HUAWEI);
  g_assert_cmpfloat (carrier->area_m2, ==, 12000);
  g_assert_cmpint (g_date_get_year (&carrier->founded_on), ==, 2016);

  /* The new carrier opens at once. */
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "detail");
  g_assert_cmpstr (tidu_carrier_detail_get_carrier_id (fixture->detail), ==, saved_id);
  g_assert_cmpstr (tidu_carriers_page_get_subtitle (fixture->page), ==, "江都科技创业园");
}

static void
test_bad_operator_code (Fixture       *fixture,
                        gconstpointer  data)
{
  TiduCarrierEditor *editor = tidu_carrier_editor_new (GTK_WINDOW (fixture->window), fixture->database, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *code = get_row (root, "Operator’s unified social credit _code");

  gtk_window_present (GTK_WINDOW (editor));
  set_row_text (root, "_Name", "江都科技创业园");
  choose (root, "_Kind", "Maker space");
  set_row_text (root, "Operator’s unified social credit _code", "91440300192203821");
  tidu_carrier_editor_validate (editor);

  g_assert_true (gtk_widget_has_css_class (code, "error"));
  g_assert_nonnull (strstr (row_message (code), "18"));
  g_assert_false (tidu_carrier_editor_get_can_save (editor));
  g_assert_false (gtk_widget_get_sensitive (find_button (root, "_Save")));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_EDITOR));

  /* A wrong check character only warns, naming the expected one. */
  set_row_text (root, "Operator’s unified social credit _code", HUAWEI_BAD_CHECK);
  tidu_carrier_editor_validate (editor);
  g_assert_false (gtk_widget_has_css_class (code, "error"));
  g_assert_true (gtk_widget_has_css_class (code, "warning"));
  g_assert_nonnull (strstr (row_message (code), "“6”"));
  g_assert_true (tidu_carrier_editor_get_can_save (editor));

  /* An area that is not a number is refused. */
  set_row_text (root, "Ar_ea (m²)", "about 300");
  tidu_carrier_editor_validate (editor);
  g_assert_true (gtk_widget_has_css_class (get_row (root, "Ar_ea (m²)"), "error"));
  g_assert_false (tidu_carrier_editor_get_can_save (editor));
}

static void
test_duplicate_name (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *existing = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  TiduCarrierEditor *editor = tidu_carrier_editor_new (GTK_WINDOW (fixture->window), fixture->database, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *name = get_row (root, "_Name");
  g_autofree char *opened = NULL;
  GtkWidget *button;

  g_signal_connect (editor, "open-carrier", G_CALLBACK (store_id_cb), &opened);
  gtk_window_present (GTK_WINDOW (editor));
  set_row_text (root, "_Name", "江都科技创业园");
  choose (root, "_Kind", "Incubator");
  choose (root, "_Region", "江都区");
  tidu_carrier_editor_validate (editor);

  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_nonnull (strstr (row_message (name), "already a carrier named"));
  g_assert_false (tidu_carrier_editor_get_can_save (editor));
  button = find_button (g_object_get_data (G_OBJECT (name), "tidu-form-message"), "_Open Existing Carrier");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  /* The same name in another region is another carrier. */
  choose (root, "_Region", "邗江区");
  tidu_carrier_editor_validate (editor);
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (tidu_carrier_editor_get_can_save (editor));

  choose (root, "_Region", "江都区");
  tidu_carrier_editor_validate (editor);
  gtk_widget_activate_action (root, "editor.open-other", NULL);
  g_assert_cmpstr (opened, ==, existing);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_EDITOR) == NULL);
}

static void
test_yearly_statistics (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  TiduCarrierYearEditor *editor;
  GtkWidget *root;
  GtkWidget *graduated;
  GtkWidget *funded;
  g_autoptr(GPtrArray) years = NULL;
  const TiduCarrierYear *year;

  tidu_carriers_page_open_carrier (fixture->page, id);
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "detail");
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->detail), "No yearly statistics recorded."));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "carrier.add-year", NULL));
  editor = TIDU_CARRIER_YEAR_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_YEAR_EDITOR));
  g_assert_nonnull (editor);
  root = GTK_WIDGET (editor);
  graduated = get_row (root, "_Graduated this year");
  funded = get_row (root, "Firms with _investment");

  set_row_text (root, "_Year", "2024");
  set_row_text (root, "_Incubated firms", "36");
  set_row_text (root, "_Graduated this year", "5");
  set_row_text (root, "Graduated in _total", "3");
  set_row_text (root, "Firms with _investment", "40");
  tidu_carrier_year_editor_validate (editor);
  g_assert_true (gtk_widget_has_css_class (graduated, "error"));
  g_assert_nonnull (row_message (graduated));
  g_assert_true (gtk_widget_has_css_class (funded, "error"));
  g_assert_false (tidu_carrier_year_editor_get_can_save (editor));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_YEAR_EDITOR));

  /* Counts are whole numbers, not negative. */
  set_row_text (root, "_Staff", "-2");
  set_row_text (root, "_Mentors", "3.5");
  tidu_carrier_year_editor_validate (editor);
  g_assert_true (gtk_widget_has_css_class (get_row (root, "_Staff"), "error"));
  g_assert_true (gtk_widget_has_css_class (get_row (root, "_Mentors"), "error"));

  set_row_text (root, "Graduated in _total", "21");
  set_row_text (root, "Firms with _investment", "8");
  set_row_text (root, "_Staff", "12");
  set_row_text (root, "_Mentors", "6");
  set_row_text (root, "Incubation _area (m²)", "15,000");
  set_row_text (root, "Incubation _fund (10k yuan)", "500");
  choose (root, "_Grade", "Excellent (A)");
  choose (root, "Graded _by", "Provincial");
  TIDU_TEST_WAIT_FOR (tidu_carrier_year_editor_get_can_save (editor));
  g_assert_false (gtk_widget_has_css_class (graduated, "error"));
  gtk_widget_activate_action (root, "editor.save", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_YEAR_EDITOR) == NULL);

  years = tidu_carrier_list_years (fixture->database, id, NULL);
  g_assert_cmpuint (years->len, ==, 1);
  year = g_ptr_array_index (years, 0);
  g_assert_cmpint (year->year, ==, 2024);
  g_assert_cmpint (year->graduated_this_year, ==, 5);
  g_assert_cmpint (year->graduated_total, ==, 21);
  g_assert_cmpint (year->fund_yuan, ==, 5000000);
  g_assert_cmpfloat (year->incubation_area_m2, ==, 15000);
  g_assert_cmpstr (year->grade, ==, "A");

  /* The detail's table shows the row. */
  tidu_test_settle ();
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->detail), "2024"));
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->detail), "36"));
  {
    /* Grouped the way the locale groups digits. */
    g_autofree char *area = tidu_ui_format_count (15000);

    g_assert_nonnull (find_label (GTK_WIDGET (fixture->detail), area));
  }
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->detail), "A (Provincial)"));
  g_assert_null (find_label (GTK_WIDGET (fixture->detail), "No yearly statistics recorded."));

  /* A new row for a recorded year warns that it replaces it. */
  editor = tidu_carrier_year_editor_new (GTK_WINDOW (fixture->window), fixture->database, id, NULL);
  root = GTK_WIDGET (editor);
  set_row_text (root, "_Year", "2024");
  tidu_carrier_year_editor_validate (editor);
  g_assert_true (gtk_widget_has_css_class (get_row (root, "_Year"), "warning"));
  g_assert_true (tidu_carrier_year_editor_get_can_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_recognition (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  TiduCarrierLevelEditor *editor;
  GtkWidget *root;
  g_autoptr(TiduCarrier) carrier = NULL;

  tidu_carriers_page_open_carrier (fixture->page, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "carrier.add-level", NULL));
  editor = TIDU_CARRIER_LEVEL_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_LEVEL_EDITOR));
  g_assert_nonnull (editor);
  root = GTK_WIDGET (editor);

  choose (root, "_Level", "Provincial");
  set_row_text (root, "Recognised _on", "2021-05-01");
  set_row_text (root, "_Revoked on", "2020-01-01");
  tidu_carrier_level_editor_validate (editor);
  g_assert_true (gtk_widget_has_css_class (get_row (root, "_Revoked on"), "error"));
  g_assert_false (tidu_carrier_level_editor_get_can_save (editor));

  set_row_text (root, "_Revoked on", "");
  set_row_text (root, "_Document", "苏科高发〔2021〕120号");
  TIDU_TEST_WAIT_FOR (tidu_carrier_level_editor_get_can_save (editor));
  gtk_widget_activate_action (root, "editor.save", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_CARRIER_LEVEL_EDITOR) == NULL);

  carrier = tidu_carrier_load (fixture->database, id, NULL);
  g_assert_cmpstr (carrier->level, ==, "provincial");
  tidu_test_settle ();
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->detail), "Provincial"));

  /* The national recognition raises the level again. */
  editor = tidu_carrier_level_editor_new (GTK_WINDOW (fixture->window), fixture->database, id, NULL);
  root = GTK_WIDGET (editor);
  g_signal_connect_swapped (editor, "saved", G_CALLBACK (tidu_carrier_detail_reload), fixture->detail);
  choose (root, "_Level", "National");
  set_row_text (root, "Recognised _on", "2024/3/1");
  tidu_carrier_level_editor_validate (editor);
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_clear_pointer (&carrier, tidu_carrier_free);
  carrier = tidu_carrier_load (fixture->database, id, NULL);
  g_assert_cmpstr (carrier->level, ==, "national");
}

static gboolean
in_trash (TiduDatabase *database,
          const char   *id)
{
  g_autoptr(TiduCarrier) carrier = tidu_carrier_load (database, id, NULL);

  g_assert_nonnull (carrier);
  return carrier->deleted_at != NULL;
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *first = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  g_autofree char *second = insert_carrier (fixture->database, "邗江众创空间", fixture->other_region_id);
  g_autoptr(TiduCarrier) carrier = NULL;

  tidu_carriers_page_reload (fixture->page);
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 2);
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "list");

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  {
    g_autofree char *selected = tidu_record_list_dup_selected_id (tidu_carriers_page_get_record_list (fixture->page));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "carriers.delete", NULL));
    carrier = tidu_carrier_load (fixture->database, selected, NULL);
    g_assert_nonnull (carrier->deleted_at);
    g_assert_true (tidu_carrier_detail_can_undo (fixture->detail));
    TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);

    /* Ctrl+Z while the toast shows. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "carriers.undo", NULL));
    g_clear_pointer (&carrier, tidu_carrier_free);
    carrier = tidu_carrier_load (fixture->database, selected, NULL);
    g_assert_null (carrier->deleted_at);
    g_assert_false (tidu_carrier_detail_can_undo (fixture->detail));
    TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 2);
  }

  /* From the detail page: back to the list, and Undo brings it back. */
  tidu_carriers_page_open_carrier (fixture->page, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "carrier.delete", NULL));
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "list");
  g_clear_pointer (&carrier, tidu_carrier_free);
  carrier = tidu_carrier_load (fixture->database, second, NULL);
  g_assert_nonnull (carrier->deleted_at);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "carrier.undo-delete", NULL));
  g_clear_pointer (&carrier, tidu_carrier_free);
  carrier = tidu_carrier_load (fixture->database, second, NULL);
  g_assert_null (carrier->deleted_at);

  /* Two deletes in a row gather in one toast, and one Undo takes both back, as everywhere. */
  tidu_carriers_page_open_carrier (fixture->page, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "carrier.delete", NULL));
  tidu_carriers_page_open_carrier (fixture->page, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "carrier.delete", NULL));
  g_assert_true (in_trash (fixture->database, first) && in_trash (fixture->database, second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "carriers.undo", NULL));
  g_assert_false (in_trash (fixture->database, first) || in_trash (fixture->database, second));
  g_assert_false (tidu_carrier_detail_can_undo (fixture->detail));
}

static void
test_activate_row (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *first = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  g_autofree char *second = insert_carrier (fixture->database, "邗江众创空间", fixture->other_region_id);
  TiduRecordList *list = tidu_carriers_page_get_record_list (fixture->page);
  GtkWidget *view;
  GtkWidget *search;
  g_autoptr(TiduListItem) item = NULL;

  tidu_carriers_page_reload (fixture->page);
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 2);

  /* Search narrows the list; the search survives a visit to the detail. */
  search = tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "邗江");
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);
  item = g_list_model_get_item (G_LIST_MODEL (fixture->model), 0);
  g_assert_cmpstr (tidu_list_item_get_id (item), ==, second);

  view = tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW);
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "detail");
  g_assert_cmpstr (tidu_carrier_detail_get_carrier_id (fixture->detail), ==, second);
  g_assert_nonnull (find_label (GTK_WIDGET (fixture->detail), "邗江众创空间"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->detail), "carrier.back", NULL));
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "邗江");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 1);
  g_assert_null (tidu_carriers_page_get_subtitle (fixture->page));
  g_assert_nonnull (first);
}

/* A label at or below @root whose text starts with @prefix. */
static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
carrier_in_trash (TiduDatabase *database,
                  const char   *id)
{
  g_autoptr(TiduCarrier) carrier = tidu_carrier_load (database, id, NULL);

  g_assert_nonnull (carrier);
  return carrier->deleted_at != NULL;
}

static void
respond_to_dialog (const char *response)
{
  GtkWindow *dialog;

  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

/* The trash: delete, find it there, restore it (the Restore button and Enter), a refused
 * restore told with the core's reason, and Delete Permanently… after a confirmation. */
static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *first = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  g_autofree char *second = insert_carrier (fixture->database, "邗江众创空间", fixture->other_region_id);
  TiduRecordList *list = tidu_carriers_page_get_record_list (fixture->page);
  GtkWidget *view = tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *revealer = tidu_test_find_widget (GTK_WIDGET (list), GTK_TYPE_REVEALER);
  g_autofree char *selected = NULL;

  tidu_carriers_page_reload (fixture->page);
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 2);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* Delete moves the selected carrier to the trash. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  selected = tidu_record_list_dup_selected_id (list);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "carriers.delete", NULL));
  g_assert_true (carrier_in_trash (fixture->database, selected));
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);

  /* The trash toggle of the list shows it, under a banner. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.show-trash", NULL));
  g_assert_true (tidu_record_list_get_trash (list));
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);
  g_assert_cmpstr (tidu_record_list_get_count_text (list), ==, "1 deleted carrier");
  g_assert_cmpstr (tidu_carriers_page_get_subtitle (fixture->page), ==, "Deleted Carriers");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (find_label (revealer, "Deleted Carriers"));

  /* Restore */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.restore", NULL));
  g_assert_false (carrier_in_trash (fixture->database, selected));
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 0);
  g_assert_cmpstr (tidu_record_list_get_visible_state (list), ==, "empty-trash");
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (fixture->window), "“"));

  /* Back in the live list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.show-trash", NULL));
  g_assert_false (tidu_record_list_get_trash (list));
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 2);
  g_assert_null (tidu_carriers_page_get_subtitle (fixture->page));

  /* A restore the core refuses (a live carrier took the name meanwhile) is told in a toast. */
  g_assert_true (tidu_carrier_delete (fixture->database, first, NULL));
  g_clear_pointer (&selected, g_free);
  selected = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  tidu_carriers_page_reload (fixture->page);
  tidu_record_list_set_trash (list, TRUE);
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_true (carrier_in_trash (fixture->database, first));
  TIDU_TEST_WAIT_FOR (find_label_prefix (GTK_WIDGET (fixture->window), "The carrier was not restored.") != NULL);
  g_assert_true (tidu_carrier_delete (fixture->database, selected, NULL));
  g_assert_true (tidu_carrier_purge (fixture->database, selected, NULL));

  /* Enter on a row restores it. */
  tidu_record_list_refresh (list);
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_false (carrier_in_trash (fixture->database, first));
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 0);

  /* Delete Permanently… asks; Cancel keeps the carrier, Delete Permanently removes it. */
  g_assert_true (tidu_carrier_delete (fixture->database, second, NULL));
  tidu_carriers_page_reload (fixture->page);
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.purge", NULL));
  respond_to_dialog ("cancel");
  g_assert_true (carrier_in_trash (fixture->database, second));

  /* The Delete key in the trash asks too. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "carriers.delete", NULL));
  respond_to_dialog ("delete");
  g_assert_null (tidu_carrier_load (fixture->database, second, NULL));
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 0);
  g_assert_cmpstr (tidu_record_list_get_count_text (list), ==, "0 deleted carriers");
}

/* With every carrier in the trash the empty state leads to it. */
static void
test_trash_from_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = insert_carrier (fixture->database, "江都科技创业园", fixture->region_id);
  TiduRecordList *list = tidu_carriers_page_get_record_list (fixture->page);
  GtkWidget *button;

  g_assert_true (tidu_carrier_delete (fixture->database, id, NULL));
  tidu_carriers_page_reload (fixture->page);
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "empty");
  button = find_button (GTK_WIDGET (fixture->page), "Show _Deleted Carriers");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "carriers.show-trash", NULL));
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "list");
  g_assert_true (tidu_record_list_get_trash (list));
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);

  /* Restoring the only one; leaving the trash shows the list. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (fixture->model), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.restore", NULL));
  tidu_record_list_set_trash (list, FALSE);
  g_assert_cmpstr (tidu_carriers_page_get_visible_state (fixture->page), ==, "list");
  TIDU_TEST_WAIT_FOR (model_idle (fixture->model) && g_list_model_get_n_items (G_LIST_MODEL (fixture->model)) == 1);
  g_assert_false (gtk_widget_get_visible (button));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/carriers/add", test_add_carrier);
  ADD ("/carriers/bad-operator-code", test_bad_operator_code);
  ADD ("/carriers/duplicate-name", test_duplicate_name);
  ADD ("/carriers/yearly-statistics", test_yearly_statistics);
  ADD ("/carriers/recognition", test_recognition);
  ADD ("/carriers/delete-undo", test_delete_undo);
  ADD ("/carriers/activate-row", test_activate_row);
  ADD ("/carriers/trash", test_trash);
  ADD ("/carriers/trash-from-empty", test_trash_from_empty);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
