/* tidu-application.c: the Tidu GUI application
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-core.h"

#include "tidu-application.h"
#include "tidu-preferences-window.h"
#include "tidu-window.h"

struct _TiduApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* The database opened by the first window: --database, else $TIDU_DATABASE, else the default. */
  char           *database_path;
  /* The opening of database_path started with the application, before GTK (see startup). */
  GTask          *startup_open;
};

G_DEFINE_FINAL_TYPE (TiduApplication, tidu_application, ADW_TYPE_APPLICATION)

typedef struct
{
  TiduWindow   *window;     /* main thread only; NULL until the window exists */
  char         *path;
  /* The worker's result, kept here so that the main thread can take it at once
   * (take_startup_open) instead of a main-loop turn later. */
  GMutex        mutex;
  GCond         cond;
  gboolean      done;
  gboolean      taken;
  TiduDatabase *database;
  GError       *error;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->window);
  g_clear_pointer (&data->path, g_free);
  g_clear_object (&data->database);
  g_clear_error (&data->error);
  g_mutex_clear (&data->mutex);
  g_cond_clear (&data->cond);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

/* The window of the officer's own database; windows over received snapshots do not count. */
static TiduWindow *
get_window (TiduApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TIDU_IS_WINDOW (window) && tidu_window_get_snapshot (TIDU_WINDOW (window)) == NULL)
    return TIDU_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (TIDU_IS_WINDOW (l->data) && tidu_window_get_snapshot (TIDU_WINDOW (l->data)) == NULL)
        return TIDU_WINDOW (l->data);
    }

  return NULL;
}

static void take_startup_open (TiduApplication *self,
                               TiduWindow      *window);

static TiduWindow *
ensure_window (TiduApplication *self)
{
  TiduWindow *window = get_window (self);

  if (window == NULL)
    {
      /* Activation over D-Bus skips the command line: use $TIDU_DATABASE or the default. */
      if (self->database_path == NULL)
        tidu_application_set_database_path (self, NULL);

      window = tidu_window_new (self);
      if (self->startup_open != NULL)
        take_startup_open (self, window);
      else
        tidu_application_open_database (self, self->database_path);
    }

  return window;
}

static void
open_database_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  TiduDatabase *database;

  database = tidu_database_open (data->path, TIDU_DATABASE_OPEN_DEFAULT, &error);

  /* The result lives in @data only: the main thread reads it either at once
   * (take_startup_open) or in open_database_cb. */
  g_mutex_lock (&data->mutex);
  data->done = TRUE;
  data->database = database;
  data->error = g_steal_pointer (&error);
  g_cond_broadcast (&data->cond);
  g_mutex_unlock (&data->mutex);

  g_task_return_boolean (task, TRUE);
}

static void
show_open_error_dialog (TiduWindow   *window,
                        const GError *error,
                        const char   *path)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Could Not Open the Database"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message, path);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows the outcome of opening @data->path in @data->window. */
static void
show_opened (OpenData     *data,
             TiduDatabase *database,
             const GError *error)
{
  const char *backup_path;

  /* The window was closed while the file was opening. */
  if (data->window == NULL || gtk_window_get_application (GTK_WINDOW (data->window)) == NULL)
    return;

  if (database == NULL)
    {
      /* Keep the database the window already shows; only a window without one shows the error page. */
      if (tidu_window_get_database (data->window) != NULL)
        show_open_error_dialog (data->window, error, data->path);
      else
        tidu_window_show_error (data->window, error);
      return;
    }

  tidu_window_set_database (data->window, database);

  backup_path = tidu_database_get_backup_path (database);
  if (backup_path != NULL)
    {
      g_autofree char *basename = g_path_get_basename (backup_path);
      g_autofree char *title = NULL;
      AdwToast *toast;

      title = g_strdup_printf (_("Database updated to the new format; the old file was saved as “%s”"),
                               basename);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 10);
      tidu_window_add_toast (data->window, toast);
    }
}

static void
open_database_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  OpenData *data = g_task_get_task_data (G_TASK (result));

  g_task_propagate_boolean (G_TASK (result), NULL);

  /* The window already took the result (ensure_window). */
  if (data->taken)
    return;

  show_opened (data, data->database, data->error);
}

static GTask *
open_database_start (TiduApplication *self,
                     const char      *path)
{
  GTask *task;
  OpenData *data;

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  g_mutex_init (&data->mutex);
  g_cond_init (&data->cond);

  task = g_task_new (self, NULL, open_database_cb, NULL);
  g_task_set_source_tag (task, tidu_application_open_database);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_database_thread);

  return task;
}

/* The first window takes the database opened since start-up. The worker began before GTK
 * started and usually finished long ago, so the window gets its database before it is first
 * shown and its lists start reading at once, instead of showing the loading page for a frame
 * and getting the database a main-loop turn after being mapped (PERFORMANCE.md §4.7). If the
 * file is still opening (a migration, a slow disk), the window shows the loading page after a
 * short wait and the result comes the usual way. */
#define STARTUP_OPEN_WAIT_US (100 * G_TIME_SPAN_MILLISECOND)

static void
take_startup_open (TiduApplication *self,
                   TiduWindow      *window)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->startup_open);
  OpenData *data = g_task_get_task_data (task);
  gint64 end_time = g_get_monotonic_time () + STARTUP_OPEN_WAIT_US;
  gboolean done;

  g_set_object (&data->window, window);

  g_mutex_lock (&data->mutex);
  while (!data->done)
    {
      if (!g_cond_wait_until (&data->cond, &data->mutex, end_time))
        break;
    }
  done = data->done;
  g_mutex_unlock (&data->mutex);

  if (!done)
    {
      tidu_window_show_loading (window, data->path);
      return;
    }

  data->taken = TRUE;
  show_opened (data, data->database, data->error);
}

/**
 * tidu_application_open_database:
 * @self: a #TiduApplication
 * @path: the file to open or create
 *
 * Opens @path on a worker thread and shows it in the application's window. A window
 * that has no database yet shows a loading page and, on failure, an error page; a
 * window that already shows a database keeps it and reports a failure in a dialog.
 */
void
tidu_application_open_database (TiduApplication *self,
                                const char      *path)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;
  TiduWindow *window;

  g_return_if_fail (TIDU_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  /* A .tidu file is a colleague's snapshot: never open it as a working database. */
  if (g_str_has_suffix (path, TIDU_SNAPSHOT_SUFFIX))
    {
      window = get_window (self);
      tidu_application_open_snapshot (self, path);
      if (window == NULL || tidu_window_get_database (window) != NULL)
        return;

      /* --database named a snapshot: the main window shows the usual database. */
      tidu_application_set_database_path (self, NULL);
      path = self->database_path;
    }

  window = get_window (self);
  g_return_if_fail (window != NULL);

  if (tidu_window_get_database (window) == NULL)
    tidu_window_show_loading (window, path);

  task = open_database_start (self, path);
  data = g_task_get_task_data (task);
  data->window = g_object_ref (window);
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          TiduApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        tidu_application_open_database (self, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
tidu_application_open_database_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  TiduApplication *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  TiduWindow *window = ensure_window (self);

  native = gtk_file_chooser_native_new (_("Open Database"),
                                        GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (databases, _("Tidu databases"));
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), databases);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), databases);

  /* The chooser is owned by this handler until it answers. */
  g_signal_connect_object (native, "response", G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct
{
  char             *path;
  TiduSnapshotInfo *info;
} SnapshotData;

static void
snapshot_data_free (SnapshotData *data)
{
  g_free (data->path);
  g_clear_pointer (&data->info, tidu_snapshot_info_free);
  g_free (data);
}

/* Validating a received file reads all of it (integrity check, schema comparison). */
static void
open_snapshot_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SnapshotData *data = task_data;
  g_autoptr(GError) error = NULL;
  TiduDatabase *database;

  database = tidu_snapshot_open (data->path, cancellable, &data->info, &error);
  if (database == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, database, g_object_unref);
}

static void
open_snapshot_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TiduApplication *self = TIDU_APPLICATION (object);
  SnapshotData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(TiduDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  TiduWindow *window;

  database = g_task_propagate_pointer (G_TASK (result), &error);
  if (database == NULL)
    {
      TiduWindow *main_window = ensure_window (self);
      AdwMessageDialog *dialog;

      gtk_window_present (GTK_WINDOW (main_window));
      /* The core's message names the file and says what is wrong with it. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (main_window),
                                                           _("Could Not Open the Snapshot"), NULL));
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = tidu_window_new (self);
  tidu_window_set_snapshot (window, database, g_steal_pointer (&data->info));
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * tidu_application_open_snapshot:
 * @self: a #TiduApplication
 * @path: a .tidu file received from a colleague
 *
 * Validates @path on a worker thread as hostile and shows it in a read-only window of its
 * own, with a banner naming who exported it; a refused file is reported in a dialog with the
 * core's reason, and nothing changes anywhere.
 */
void
tidu_application_open_snapshot (TiduApplication *self,
                                const char      *path)
{
  g_autoptr(GTask) task = NULL;
  SnapshotData *data;

  g_return_if_fail (TIDU_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  /* The snapshot window's Merge needs the officer's own database open. */
  ensure_window (self);

  data = g_new0 (SnapshotData, 1);
  data->path = g_strdup (path);

  task = g_task_new (self, NULL, open_snapshot_cb, NULL);
  g_task_set_source_tag (task, tidu_application_open_snapshot);
  g_task_set_task_data (task, data, (GDestroyNotify) snapshot_data_free);
  g_task_run_in_thread (task, open_snapshot_thread);
}

static void
snapshot_chooser_response_cb (GtkNativeDialog *native,
                              int              response,
                              TiduApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        tidu_application_open_snapshot (self, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
tidu_application_open_snapshot_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  TiduApplication *self = user_data;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) snapshots = gtk_file_filter_new ();
  TiduWindow *window = ensure_window (self);

  native = gtk_file_chooser_native_new (_("Open Snapshot"),
                                        GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (snapshots, _("Tidu snapshots"));
  gtk_file_filter_add_mime_type (snapshots, TIDU_SNAPSHOT_MIME_TYPE);
  gtk_file_filter_add_pattern (snapshots, "*" TIDU_SNAPSHOT_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), snapshots);

  g_signal_connect_object (native, "response", G_CALLBACK (snapshot_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
tidu_application_quit_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  TiduApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows lets them save their size and place first. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
tidu_application_preferences_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  TiduApplication *self = user_data;
  TiduPreferencesWindow *preferences = tidu_preferences_window_new ();
  TiduWindow *window = ensure_window (self);

  tidu_preferences_window_set_database (preferences, tidu_window_get_database (window));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
tidu_application_about_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  TiduApplication *self = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", ensure_window (self),
                        "application-name", _("Tidu"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Tidu authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/tidu/tidu",
                        "issue-url", "https://github.com/tidu/tidu/issues",
                        "comments", _("Innovation carriers, tiered firms and talent plans in one local database"),
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The Tidu authors"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_launched_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TiduWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_debug ("Could not open the help: %s", error->message);
      if (gtk_window_get_application (GTK_WINDOW (window)) != NULL)
        tidu_window_add_toast (window, adw_toast_new (_("Could not open the help")));
    }
}

static void
tidu_application_help_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  TiduApplication *self = user_data;
  TiduWindow *window = ensure_window (self);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  /* gtk_show_uri() in GTK 4.8 cannot report a failure, so launch it ourselves. */
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (window)));
  g_app_info_launch_default_for_uri_async ("help:tidu",
                                           G_APP_LAUNCH_CONTEXT (context),
                                           NULL,
                                           help_launched_cb,
                                           g_object_ref (window));
}

static const GActionEntry app_actions[] = {
  { "quit", tidu_application_quit_action },
  { "preferences", tidu_application_preferences_action },
  { "about", tidu_application_about_action },
  { "help", tidu_application_help_action },
  { "open-database", tidu_application_open_database_action },
  { "open-snapshot", tidu_application_open_snapshot_action },
};

static int
tidu_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  TiduApplication *self = TIDU_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tidu %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* The path only matters in the primary instance. When Tidu already runs, the second
   * instance just activates it and the running window keeps its database, even when
   * --database names another file: use Open Database… there to switch files. */
  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && *database != '\0')
    {
      g_autofree char *absolute = g_canonicalize_filename (database, NULL);

      tidu_application_set_database_path (self, absolute);
    }
  else
    {
      tidu_application_set_database_path (self, NULL);
    }

  return -1;
}

static void
tidu_application_startup (GApplication *application)
{
  TiduApplication *self = TIDU_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  /* Open the database on a worker while GTK and the window start (about half a second here):
   * by the time the window exists, the file is open (take_startup_open). A snapshot given as
   * --database goes the usual way (tidu_application_open_database). */
  if (self->database_path != NULL && !g_str_has_suffix (self->database_path, TIDU_SNAPSHOT_SUFFIX))
    self->startup_open = open_database_start (self, self->database_path);

  G_APPLICATION_CLASS (tidu_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open-database", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
tidu_application_activate (GApplication *application)
{
  TiduApplication *self = TIDU_APPLICATION (application);

  gtk_window_present (GTK_WINDOW (ensure_window (self)));
}

/* Double-clicking a .tidu file, or `tidu snapshot.tidu`: each opens read-only beside the
 * officer's own database. */
static void
tidu_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  TiduApplication *self = TIDU_APPLICATION (application);

  gtk_window_present (GTK_WINDOW (ensure_window (self)));
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        tidu_application_open_snapshot (self, path);
    }
}

static void
tidu_application_dispose (GObject *object)
{
  TiduApplication *self = TIDU_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->startup_open);

  G_OBJECT_CLASS (tidu_application_parent_class)->dispose (object);
}

static void
tidu_application_finalize (GObject *object)
{
  TiduApplication *self = TIDU_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (tidu_application_parent_class)->finalize (object);
}

static void
tidu_application_class_init (TiduApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tidu_application_dispose;
  object_class->finalize = tidu_application_finalize;

  app_class->handle_local_options = tidu_application_handle_local_options;
  app_class->startup = tidu_application_startup;
  app_class->activate = tidu_application_activate;
  app_class->open = tidu_application_open;
}

static void
tidu_application_init (TiduApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database in FILE instead of the default one"), N_("FILE") },
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

TiduApplication *
tidu_application_new (void)
{
  return g_object_new (TIDU_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       /* The development id shares the resources of the normal one. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
tidu_application_get_settings (TiduApplication *self)
{
  g_return_val_if_fail (TIDU_IS_APPLICATION (self), NULL);

  /* Created on first use so that --version works without the schema installed.
   * The schema id stays the same in the development profile. */
  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_ID);

  return self->settings;
}

const char *
tidu_application_get_database_path (TiduApplication *self)
{
  g_return_val_if_fail (TIDU_IS_APPLICATION (self), NULL);

  return self->database_path;
}

/**
 * tidu_application_set_database_path:
 * @self: a #TiduApplication
 * @path: (nullable): the file given on the command line, or %NULL
 *
 * Sets the database the first window opens, resolved against $TIDU_DATABASE and the
 * default location when @path is %NULL.
 */
void
tidu_application_set_database_path (TiduApplication *self,
                                    const char      *path)
{
  g_return_if_fail (TIDU_IS_APPLICATION (self));

  g_free (self->database_path);
  self->database_path = tidu_database_resolve_path (path);
}

/**
 * tidu_application_get_main_window:
 * @self: a #TiduApplication
 *
 * Returns: (transfer none) (nullable): the window of the officer's own database (a
 *   #TiduWindow), not one over a received snapshot
 */
GtkWindow *
tidu_application_get_main_window (TiduApplication *self)
{
  g_return_val_if_fail (TIDU_IS_APPLICATION (self), NULL);

  return (GtkWindow *) get_window (self);
}
