/* test-application.c: the application's actions and its way of opening databases
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-preferences-window.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

static TiduApplication *shared_app;

/* Registered on first use, so that the subprocess tests can register their own. */
static TiduApplication *
get_app (void)
{
  if (shared_app == NULL)
    shared_app = tidu_test_application_new ();

  return shared_app;
}

static TiduWindow *
active_window (TiduApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (TIDU_IS_WINDOW (window));
  return TIDU_WINDOW (window);
}

/* Starts the application the way the desktop does and waits for its window to show @path. */
static TiduWindow *
activate_with (const char *path,
               const char *expected_state)
{
  TiduApplication *app = get_app ();
  TiduWindow *window;

  tidu_application_set_database_path (app, path);
  g_application_activate (G_APPLICATION (app));
  window = active_window (app);
  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_window_get_visible_state (window), expected_state) == 0);

  return window;
}

static char *
write_hello (const char *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "hello.sqlite3", NULL);

  g_file_set_contents (path, "hello", -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
run_checks_cb (gpointer user_data)
{
  GApplication *app = user_data;
  const char *path = g_object_get_data (G_OBJECT (app), "expected-path");
  TiduWindow *window = active_window (TIDU_APPLICATION (app));

  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_window_get_visible_state (window), "places") == 0);
  g_assert_cmpstr (tidu_application_get_database_path (TIDU_APPLICATION (app)), ==, path);
  g_assert_cmpstr (tidu_database_get_path (tidu_window_get_database (window)), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_application_quit (app);
}

static void
activated_cb (GApplication *app)
{
  g_idle_add_once (run_checks_cb, app);
}

static void
test_run_database (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = tidu_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "from-option.sqlite3", NULL);
      g_autoptr(TiduApplication) app = tidu_application_new ();
      char *args[] = { (char *) "tidu", (char *) "--database", path, NULL };

      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_object_set_data (G_OBJECT (app), "expected-path", path);
      g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, args), ==, 0);

      tidu_test_remove_dir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The database given on the command line opens while GTK starts, so the window has it (or its
 * error) when it is first shown: no loading page for a frame, and the lists start reading
 * before the window is mapped. Checked right after "activate", before any main-loop turn. */
static void
startup_open_checks (GApplication *app)
{
  const char *expected_state = g_object_get_data (G_OBJECT (app), "expected-state");
  TiduWindow *window = active_window (TIDU_APPLICATION (app));

  g_assert_cmpstr (tidu_window_get_visible_state (window), ==, expected_state);
  if (g_str_equal (expected_state, "places"))
    g_assert_cmpstr (tidu_database_get_path (tidu_window_get_database (window)), ==,
                     g_object_get_data (G_OBJECT (app), "expected-path"));
  else
    g_assert_null (tidu_window_get_database (window));

  g_application_quit (app);
}

static void
run_startup_open (const char *path,
                  const char *expected_state)
{
  g_autoptr(TiduApplication) app = tidu_application_new ();
  char *args[] = { (char *) "tidu", (char *) "--database", (char *) path, NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (app), "expected-path", (gpointer) path);
  g_object_set_data (G_OBJECT (app), "expected-state", (gpointer) expected_state);
  g_signal_connect_after (app, "activate", G_CALLBACK (startup_open_checks), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, args), ==, 0);
}

static void
test_startup_open (gconstpointer data)
{
  gboolean good_file = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      g_autofree char *dir = tidu_test_make_dir ();
      g_autofree char *good = g_build_filename (dir, "good.sqlite3", NULL);
      g_autofree char *hello = write_hello (dir);

      if (good_file)
        run_startup_open (good, "places");
      else
        run_startup_open (hello, "error");

      tidu_test_remove_dir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_version (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TiduApplication) app = tidu_application_new ();
      char *args[] = { (char *) "tidu", (char *) "--version", NULL };

      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, args), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("tidu " PACKAGE_VERSION "\n");
}

static void
test_about (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "about.sqlite3", NULL);
  TiduWindow *window = activate_with (path, "places");
  GtkWindow *about;

  g_assert_null (tidu_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (get_app ()), "about", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW) != NULL);

  about = tidu_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Tidu");
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "preferences.sqlite3", NULL);
  GtkWindow *preferences;
  AdwComboRow *unit_row;
  AdwEntryRow *region_row;
  g_autofree char *unit = NULL;

  activate_with (path, "places");
  g_settings_set_string (settings, "display-unit", "thousand-yuan");
  g_settings_set_string (settings, "default-region", "武进区");

  g_action_group_activate_action (G_ACTION_GROUP (get_app ()), "preferences", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_PREFERENCES_WINDOW) != NULL);
  preferences = tidu_test_find_toplevel (TIDU_TYPE_PREFERENCES_WINDOW);

  unit_row = ADW_COMBO_ROW (tidu_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  region_row = ADW_ENTRY_ROW (tidu_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (unit_row), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (region_row)), ==, "武进区");

  /* The rows write back to the settings. */
  adw_combo_row_set_selected (unit_row, 2);
  unit = g_settings_get_string (settings, "display-unit");
  g_assert_cmpstr (unit, ==, "ten-thousand-yuan");
  g_settings_set_string (settings, "display-unit", "yuan");
  g_assert_cmpuint (adw_combo_row_get_selected (unit_row), ==, 0);

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

static void
test_open_error_keeps_database (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *first = g_build_filename (dir, "first.sqlite3", NULL);
  g_autofree char *second = g_build_filename (dir, "second.sqlite3", NULL);
  g_autofree char *hello = write_hello (dir);
  TiduWindow *window = activate_with (first, "places");
  TiduDatabase *database = tidu_window_get_database (window);
  GtkWindow *dialog;

  g_assert_nonnull (database);
  g_assert_cmpstr (tidu_database_get_path (database), ==, first);

  /* What app.open-database does once a file is chosen. */
  tidu_application_open_database (get_app (), hello);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);

  dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), hello));
  g_assert_true (tidu_window_get_database (window) == database);
  g_assert_cmpstr (tidu_window_get_visible_state (window), ==, "places");
  gtk_window_destroy (dialog);

  /* A good file replaces the current one. */
  tidu_application_open_database (get_app (), second);
  TIDU_TEST_WAIT_FOR (tidu_window_get_database (window) != database);
  g_assert_cmpstr (tidu_database_get_path (tidu_window_get_database (window)), ==, second);
  g_assert_cmpstr (tidu_window_get_visible_state (window), ==, "places");

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

static void
test_error_page (void)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *hello = write_hello (dir);
  g_autofree char *good = g_build_filename (dir, "good.sqlite3", NULL);
  TiduWindow *window = activate_with (hello, "error");
  AdwStatusPage *error_page = NULL;
  GtkWidget *stack = tidu_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK);

  g_assert_null (tidu_window_get_database (window));
  error_page = ADW_STATUS_PAGE (tidu_test_find_widget (gtk_stack_get_child_by_name (GTK_STACK (stack), "error"),
                                                       ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_icon_name (error_page), ==, "dialog-error-symbolic");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), hello));
  g_assert_null (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* "Open Another Database…" leads through the same path and recovers. */
  tidu_application_open_database (get_app (), good);
  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_window_get_visible_state (window), "places") == 0);
  g_assert_cmpstr (tidu_database_get_path (tidu_window_get_database (window)), ==, good);

  tidu_test_destroy_toplevels ();
  tidu_test_remove_dir (dir);
}

static void
test_help_accels (void)
{
  const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.help", "F1" },
    { "app.open-database", "<Control>o" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (get_app ()), expected[i].action);

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
      g_assert_true (g_action_group_has_action (G_ACTION_GROUP (get_app ()), expected[i].action + 4));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tidu_test_init (&argc, &argv);

  g_test_add_func ("/application/run-database", test_run_database);
  g_test_add_data_func ("/application/startup-open/good", GINT_TO_POINTER (TRUE), test_startup_open);
  g_test_add_data_func ("/application/startup-open/damaged", GINT_TO_POINTER (FALSE), test_startup_open);
  g_test_add_func ("/application/version", test_version);
  g_test_add_func ("/application/accels", test_help_accels);
  g_test_add_func ("/application/about", test_about);
  g_test_add_func ("/application/preferences", test_preferences);
  g_test_add_func ("/application/open-error-keeps-database", test_open_error_keeps_database);
  g_test_add_func ("/application/error-page", test_error_page);

  status = g_test_run ();
  g_clear_object (&shared_app);
  return status;
}
