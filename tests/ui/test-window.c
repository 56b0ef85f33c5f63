/* test-window.c: the main window on real databases in temporary folders
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-database-private.h"

#include "tidu-carriers-page.h"
#include "tidu-firms-page.h"
#include "tidu-overview-page.h"
#include "tidu-subsidies-page.h"
#include "tidu-talents-page.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

typedef const char *(*StateGetter) (gpointer page);

static TiduApplication *app;

static const char * const place_ids[] = { "overview", "firms", "carriers", "talents", "subsidies" };

static const char *
place_state (TiduWindow *window,
             const char *place)
{
  GType type = G_TYPE_INVALID;
  StateGetter get_state = NULL;
  GtkWidget *page;

  if (g_str_equal (place, "overview"))
    {
      type = TIDU_TYPE_OVERVIEW_PAGE;
      get_state = (StateGetter) tidu_overview_page_get_visible_state;
    }
  else if (g_str_equal (place, "firms"))
    {
      type = TIDU_TYPE_FIRMS_PAGE;
      get_state = (StateGetter) tidu_firms_page_get_visible_state;
    }
  else if (g_str_equal (place, "carriers"))
    {
      type = TIDU_TYPE_CARRIERS_PAGE;
      get_state = (StateGetter) tidu_carriers_page_get_visible_state;
    }
  else if (g_str_equal (place, "talents"))
    {
      type = TIDU_TYPE_TALENTS_PAGE;
      get_state = (StateGetter) tidu_talents_page_get_visible_state;
    }
  else if (g_str_equal (place, "subsidies"))
    {
      type = TIDU_TYPE_SUBSIDIES_PAGE;
      get_state = (StateGetter) tidu_subsidies_page_get_visible_state;
    }
  else
    {
      g_assert_not_reached ();
    }

  /* A place's page is made when the place is first shown. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", place);
  page = tidu_test_find_widget (GTK_WIDGET (window), type);
  g_assert_nonnull (page);
  return get_state (page);
}

static TiduDatabase *
open_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  TiduDatabase *database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (TIDU_IS_DATABASE (database));
  return database;
}

/* The places sidebar; the places themselves hold list boxes too (a firm's detail page). */
static GtkWidget *
find_sidebar (GtkWidget *root)
{
  if (GTK_IS_LIST_BOX (root) && gtk_widget_has_css_class (root, "navigation-sidebar"))
    return root;
  /* The Subsidies calculator has a sidebar of rules of its own. */
  if (TIDU_IS_SUBSIDIES_PAGE (root))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static TiduWindow *
show_window (TiduDatabase *database)
{
  TiduWindow *window = tidu_window_new (app);

  tidu_window_set_database (window, database);
  gtk_window_present (GTK_WINDOW (window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

/* Through the app's own connection: the search-index triggers need its tokenizer. */
static void
insert_firm (const char *path,
             const char *name)
{
  g_autoptr(TiduDatabase) database = open_database (path);
  sqlite3 *db = tidu_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO firms (id, name) VALUES (?1, ?2)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_places_empty (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "fresh.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  TiduWindow *window = show_window (database);

  g_assert_cmpstr (tidu_window_get_visible_state (window), ==, "places");
  g_assert_true (tidu_window_get_database (window) == database);

  for (guint i = 0; i < G_N_ELEMENTS (place_ids); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", place_ids[i]));
      tidu_test_settle ();

      g_assert_cmpstr (tidu_window_get_place (window), ==, place_ids[i]);
      /* Subsidies always has the built-in policies to show. */
      g_assert_cmpstr (place_state (window, place_ids[i]), ==,
                       g_str_equal (place_ids[i], "subsidies") ? "summary" : "empty");
    }

  /* An unknown place leaves the current one alone. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "nowhere");
  g_assert_cmpstr (tidu_window_get_place (window), ==, "subsidies");

  /* The sidebar moves with the action, and choosing a row in it changes the place. */
  {
    GtkListBox *sidebar = GTK_LIST_BOX (find_sidebar (GTK_WIDGET (window)));

    g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 4);
    gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 1));
    g_assert_cmpstr (tidu_window_get_place (window), ==, "firms");
  }

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static void
test_place_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "fresh.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  TiduWindow *window = show_window (database);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "talents");
  gtk_window_close (GTK_WINDOW (window));
  tidu_test_settle ();

  g_assert_cmpstr (g_settings_get_string (settings, "last-place"), ==, "talents");

  window = show_window (database);
  g_assert_cmpstr (tidu_window_get_place (window), ==, "talents");

  tidu_test_destroy_toplevels ();
  g_clear_object (&database);
  tidu_test_remove_dir (dir);
}

static void
test_summary (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "one-firm.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  g_autoptr(TiduDatabase) reopened = NULL;
  TiduWindow *window = show_window (database);

  g_assert_cmpstr (place_state (window, "firms"), ==, "empty");

  /* Close the file everywhere first, so that its WAL is checkpointed. */
  tidu_window_set_database (window, NULL);
  g_clear_object (&database);

  insert_firm (path, "常州示范科技有限公司");
  reopened = open_database (path);
  tidu_window_set_database (window, reopened);

  g_assert_cmpstr (place_state (window, "firms"), ==, "list");
  g_assert_cmpstr (place_state (window, "overview"), ==, "dashboard");
  g_assert_cmpstr (place_state (window, "carriers"), ==, "empty");
  g_assert_cmpstr (place_state (window, "talents"), ==, "empty");
  /* The built-in policies are always there: with any database the Subsidies tools show. */
  g_assert_cmpstr (place_state (window, "subsidies"), ==, "summary");

  {
    TiduFirmsPage *page = TIDU_FIRMS_PAGE (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_FIRMS_PAGE));
    TiduRecordList *list = tidu_firms_page_get_record_list (page);
    TiduListModel *model = tidu_record_list_get_model (list);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "firms");
    TIDU_TEST_WAIT_FOR (tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    g_assert_cmpstr (tidu_record_list_get_count_text (list), ==, "1 firm");
  }

  /* Taking the database away empties the places again. */
  tidu_window_set_database (window, NULL);
  g_assert_cmpstr (place_state (window, "firms"), ==, "empty");
  g_assert_cmpstr (tidu_window_get_visible_state (window), ==, "loading");

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

static void
test_folded (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "narrow.sqlite3", NULL);
  g_autoptr(TiduDatabase) database = open_database (path);
  TiduWindow *window = tidu_window_new (app);
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;

  tidu_window_set_database (window, database);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));
  leaflet = ADW_LEAFLET (tidu_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)) && adw_leaflet_get_folded (leaflet));

  /* A narrow window starts on the sidebar and a shortcut goes straight to the place. */
  sidebar = adw_leaflet_get_visible_child (leaflet);
  g_assert_true (gtk_widget_is_ancestor (find_sidebar (GTK_WIDGET (window)), sidebar));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.place", "s", "carriers");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != sidebar);
  g_assert_true (gtk_widget_is_ancestor (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_CARRIERS_PAGE),
                                         adw_leaflet_get_visible_child (leaflet)));

  g_assert_true (adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == sidebar);

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

  g_test_add_func ("/window/places-empty", test_places_empty);
  g_test_add_func ("/window/place-restored", test_place_restored);
  g_test_add_func ("/window/summary", test_summary);
  g_test_add_func ("/window/folded", test_folded);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
