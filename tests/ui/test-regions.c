/* test-regions.c: the region tree in Preferences and the region editor, driven as an officer
 * would, starting from an empty database
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-preferences-window.h"
#include "tidu-region-editor.h"

#include "ui-test-utils.h"

typedef struct
{
  char                  *dir;
  TiduDatabase          *database;
  TiduPreferencesWindow *preferences;
  GSettings             *settings;
} Fixture;

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
  fixture->settings = g_settings_new (BASE_ID);
  g_settings_reset (fixture->settings, "default-region");
  fixture->preferences = tidu_preferences_window_new ();
  tidu_preferences_window_set_database (fixture->preferences, fixture->database);
  gtk_window_present (GTK_WINDOW (fixture->preferences));
  tidu_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tidu_test_destroy_toplevels ();
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->database);
  tidu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The first row at or below @root whose title is @title (English: tests run in the C locale). */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && gtk_widget_get_visible (root)
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

/* The message shown under a row, or NULL when none is visible. */
static const char *
row_message (GtkWidget *row)
{
  GtkWidget *message = g_object_get_data (G_OBJECT (row), "tidu-form-message");

  if (message == NULL || !gtk_widget_get_visible (message))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message));
}

/* The titles of the region rows of the preferences window, top to bottom. */
static char *
region_titles (TiduPreferencesWindow *preferences)
{
  GtkWidget *list = gtk_widget_get_parent (get_row (GTK_WIDGET (preferences), "扬州市"));
  g_autoptr(GString) titles = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "tidu-region-id") == NULL || !gtk_widget_get_visible (child))
        continue;
      if (titles->len > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
assert_default_region (Fixture    *fixture,
                       const char *expected)
{
  g_autofree char *name = g_settings_get_string (fixture->settings, "default-region");

  g_assert_cmpstr (name, ==, expected);
}

static TiduRegionEditor *
open_editor (Fixture    *fixture,
             const char *region_id)
{
  TiduRegionEditor *editor;

  if (region_id == NULL)
    gtk_widget_activate_action (GTK_WIDGET (fixture->preferences), "regions.add", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (fixture->preferences), "regions.edit", "s", region_id);
  editor = TIDU_REGION_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_REGION_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->preferences));
  return editor;
}

/* The entry of a combo row whose label, without the indent, is @label. */
static void
select_label (GtkWidget  *row,
              const char *label)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      const char *text = gtk_string_list_get_string (GTK_STRING_LIST (labels), i);

      if (g_str_equal (text + strspn (text, " "), label))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }
  g_error ("No entry “%s”", label);
}

static const char *
selected_label (GtkWidget *row)
{
  GListModel *labels = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  return gtk_string_list_get_string (GTK_STRING_LIST (labels), adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
}

static char *
region_id (TiduDatabase *database,
           const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = tidu_region_list (database, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < regions->len; i++)
    {
      const TiduRegion *region = g_ptr_array_index (regions, i);

      if (g_str_equal (region->name, name))
        return g_strdup (region->id);
    }
  return NULL;
}

static void
save (TiduRegionEditor *editor)
{
  tidu_region_editor_validate (editor);
  g_assert_true (tidu_region_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_REGION_EDITOR));
  tidu_test_settle ();
}

static void
add_city_and_district (Fixture *fixture)
{
  TiduRegionEditor *editor;
  GtkWidget *code_row;

  editor = open_editor (fixture, NULL);
  gtk_editable_set_text (GTK_EDITABLE (get_row (GTK_WIDGET (editor), "_Name")), "扬州市");
  /* A region without a parent is a city until the officer says otherwise. */
  g_assert_cmpstr (selected_label (get_row (GTK_WIDGET (editor), "_Kind")), ==, "City");
  g_assert_cmpstr (selected_label (get_row (GTK_WIDGET (editor), "_Parent region")), ==, "None");
  gtk_editable_set_text (GTK_EDITABLE (get_row (GTK_WIDGET (editor), "GB/T 2260 _code")), "321000");
  save (editor);

  editor = open_editor (fixture, NULL);
  gtk_editable_set_text (GTK_EDITABLE (get_row (GTK_WIDGET (editor), "_Name")), "江都区");
  select_label (get_row (GTK_WIDGET (editor), "_Parent region"), "扬州市");
  g_assert_cmpstr (selected_label (get_row (GTK_WIDGET (editor), "_Kind")), ==, "District");
  code_row = get_row (GTK_WIDGET (editor), "GB/T 2260 _code");
  gtk_editable_set_text (GTK_EDITABLE (code_row), "32101");
  tidu_region_editor_validate (editor);
  /* A code that is not six digits is a warning: it does not block saving. */
  g_assert_cmpstr (row_message (code_row), ==, "A GB/T 2260 region code has six digits.");
  g_assert_true (gtk_widget_has_css_class (code_row, "warning"));
  g_assert_true (tidu_region_editor_get_can_save (editor));
  gtk_editable_set_text (GTK_EDITABLE (code_row), "321012");
  tidu_region_editor_validate (editor);
  g_assert_null (row_message (code_row));
  save (editor);
}

static void
test_no_database (void)
{
  TiduPreferencesWindow *preferences = tidu_preferences_window_new ();
  GtkWidget *root = GTK_WIDGET (preferences);

  gtk_window_present (GTK_WINDOW (preferences));
  tidu_test_settle ();
  g_assert_nonnull (find_row (root, "No database is open. Open one to manage its regions."));
  g_assert_null (find_row (root, "No regions yet. Add the city first, then its districts."));
  /* Without regions to choose from, the default region is typed. */
  g_assert_true (ADW_IS_ENTRY_ROW (get_row (root, "_Default region")));
  gtk_widget_activate_action (root, "regions.add", NULL);
  g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_REGION_EDITOR));
  tidu_test_destroy_toplevels ();
}

static void
test_add_regions (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->preferences);
  g_autofree char *titles = NULL;

  g_assert_nonnull (find_row (root, "No regions yet. Add the city first, then its districts."));
  add_city_and_district (fixture);
  g_assert_null (find_row (root, "No regions yet. Add the city first, then its districts."));

  /* Tree order, whatever the order of the names. */
  titles = region_titles (fixture->preferences);
  g_assert_cmpstr (titles, ==, "扬州市|江都区");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_row (root, "扬州市"))), ==, "City · 321000");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_row (root, "江都区"))), ==, "District · 321012");
}

static void
test_duplicate_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  TiduRegionEditor *editor;
  GtkWidget *name_row;
  g_autofree char *titles = NULL;

  add_city_and_district (fixture);

  editor = open_editor (fixture, NULL);
  name_row = get_row (GTK_WIDGET (editor), "_Name");
  select_label (get_row (GTK_WIDGET (editor), "_Parent region"), "扬州市");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "江都区");
  tidu_region_editor_validate (editor);
  g_assert_cmpstr (row_message (name_row), ==, "The parent region already has a subregion named “江都区”.");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (tidu_region_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_REGION_EDITOR));

  /* The same name under no parent is fine. */
  select_label (get_row (GTK_WIDGET (editor), "_Parent region"), "None");
  tidu_region_editor_validate (editor);
  g_assert_null (row_message (name_row));
  g_assert_true (tidu_region_editor_get_can_save (editor));
  gtk_window_close (GTK_WINDOW (editor));
  tidu_test_settle ();
  g_assert_null (tidu_test_find_toplevel (TIDU_TYPE_REGION_EDITOR));

  titles = region_titles (fixture->preferences);
  g_assert_cmpstr (titles, ==, "扬州市|江都区");
}

static void
test_edit_parent_choices (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *city_id = NULL;
  g_autofree char *district_id = NULL;
  TiduRegionEditor *editor;
  GListModel *parents;

  add_city_and_district (fixture);
  city_id = region_id (fixture->database, "扬州市");
  district_id = region_id (fixture->database, "江都区");

  /* A city cannot go under itself or its own district. */
  editor = open_editor (fixture, city_id);
  parents = adw_combo_row_get_model (ADW_COMBO_ROW (get_row (GTK_WIDGET (editor), "_Parent region")));
  g_assert_cmpuint (g_list_model_get_n_items (parents), ==, 1);
  gtk_window_close (GTK_WINDOW (editor));
  tidu_test_settle ();

  /* Renaming the district, which is the default region, keeps it the default. */
  g_settings_set_string (fixture->settings, "default-region", "江都区");
  editor = open_editor (fixture, district_id);
  g_assert_cmpstr (selected_label (get_row (GTK_WIDGET (editor), "_Parent region")), ==, "扬州市");
  gtk_editable_set_text (GTK_EDITABLE (get_row (GTK_WIDGET (editor), "_Name")), "江都区（新）");
  save (editor);
  g_assert_nonnull (find_row (GTK_WIDGET (fixture->preferences), "江都区（新）"));
  assert_default_region (fixture, "江都区（新）");
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->preferences);
  g_autofree char *city_id = NULL;
  g_autofree char *district_id = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(TiduRegion) district = NULL;
  g_autoptr(GError) error = NULL;

  add_city_and_district (fixture);
  city_id = region_id (fixture->database, "扬州市");
  district_id = region_id (fixture->database, "江都区");

  /* The city still has its district: the core refuses, and the row says why. */
  gtk_widget_activate_action (root, "regions.delete", "s", city_id);
  tidu_test_settle ();
  g_assert_cmpstr (row_message (get_row (root, "扬州市")), ==,
                   "“扬州市” was not deleted. The region has 1 subregion. Move or delete it first.");
  titles = region_titles (fixture->preferences);
  g_assert_cmpstr (titles, ==, "扬州市|江都区");
  g_clear_pointer (&titles, g_free);

  gtk_widget_activate_action (root, "regions.delete", "s", district_id);
  tidu_test_settle ();
  g_assert_null (find_row (root, "江都区"));
  district = tidu_region_load (fixture->database, district_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (district->deleted_at);
  g_clear_pointer (&district, tidu_region_free);
  titles = region_titles (fixture->preferences);
  g_assert_cmpstr (titles, ==, "扬州市");
  g_clear_pointer (&titles, g_free);

  /* The toast's Undo button runs regions.undo. */
  g_assert_true (gtk_widget_activate_action (root, "regions.undo", NULL));
  tidu_test_settle ();
  titles = region_titles (fixture->preferences);
  g_assert_cmpstr (titles, ==, "扬州市|江都区");
  district = tidu_region_load (fixture->database, district_id, &error);
  g_assert_no_error (error);
  g_assert_null (district->deleted_at);

  /* Now the city can go once its district has gone. */
  gtk_widget_activate_action (root, "regions.delete", "s", district_id);
  gtk_widget_activate_action (root, "regions.delete", "s", city_id);
  tidu_test_settle ();
  g_assert_nonnull (find_row (root, "No regions yet. Add the city first, then its districts."));
}

static void
test_default_region (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->preferences);
  GtkWidget *combo;
  GListModel *labels;

  add_city_and_district (fixture);

  combo = get_row (root, "_Default region");
  g_assert_true (ADW_IS_COMBO_ROW (combo));
  g_assert_true (gtk_widget_get_visible (combo));
  labels = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, "None");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 1), ==, "扬州市");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 2), ==, "  江都区");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);

  /* The name goes to GSettings, so the default still means something in another database. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 2);
  assert_default_region (fixture, "江都区");
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  assert_default_region (fixture, "");

  /* A default from another database is kept and shown as such, not overwritten. */
  g_settings_set_string (fixture->settings, "default-region", "仪征市");
  tidu_preferences_window_set_database (fixture->preferences, NULL);
  g_assert_false (gtk_widget_get_visible (combo));
  tidu_preferences_window_set_database (fixture->preferences, fixture->database);
  combo = get_row (root, "_Default region");
  g_assert_true (ADW_IS_COMBO_ROW (combo));
  g_assert_cmpstr (selected_label (combo), ==, "仪征市 (not in this database)");
  assert_default_region (fixture, "仪征市");
}

int
main (int   argc,
      char *argv[])
{
  tidu_test_init (&argc, &argv);

  g_test_add_func ("/regions/no-database", test_no_database);
  g_test_add ("/regions/add", Fixture, NULL, fixture_set_up, test_add_regions, fixture_tear_down);
  g_test_add ("/regions/duplicate-refused", Fixture, NULL, fixture_set_up, test_duplicate_refused, fixture_tear_down);
  g_test_add ("/regions/edit-parent-choices", Fixture, NULL, fixture_set_up, test_edit_parent_choices, fixture_tear_down);
  g_test_add ("/regions/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/regions/default-region", Fixture, NULL, fixture_set_up, test_default_region, fixture_tear_down);

  return g_test_run ();
}
