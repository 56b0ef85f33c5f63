/* tidu-snapshot-export-dialog.c: the options of a snapshot, then the export itself
 *
 * The officer picks what goes in (everything, one region or one carrier), whether personal
 * contact data stays out, and sees the name the file will carry (Preferences). The export runs
 * on a worker with its own connection and a progress window with Cancel; the core writes
 * beside the target and renames at the end, so a cancelled export leaves nothing behind.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-exchange-util.h"
#include "tidu-form-util.h"
#include "tidu-progress-window.h"
#include "tidu-snapshot-export-dialog.h"

enum {
  SCOPE_ALL,
  SCOPE_REGION,
  SCOPE_CARRIER,
};

struct _TiduSnapshotExportDialog
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwComboRow  *scope_row;
  AdwComboRow  *region_row;
  AdwComboRow  *carrier_row;
  GtkSwitch    *redact_switch;
  AdwActionRow *officer_row;

  /* Owned references */
  TiduDatabase *database;
  GSettings    *settings;
  GStrv         region_ids;
  GStrv         carrier_ids;
};

G_DEFINE_FINAL_TYPE (TiduSnapshotExportDialog, tidu_snapshot_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  TiduDatabase       *database;
  char               *path;
  char               *region_id;
  char               *carrier_id;
  char               *officer;
  gboolean            redact;
  TiduProgressRelay  *relay;
  TiduProgressWindow *progress;
  GtkWindow          *parent;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->database);
  g_free (data->path);
  g_free (data->region_id);
  g_free (data->carrier_id);
  g_free (data->officer);
  g_clear_pointer (&data->relay, tidu_progress_relay_unref);
  g_clear_object (&data->progress);
  g_clear_object (&data->parent);
  g_free (data);
}

static void
update_rows (TiduSnapshotExportDialog *self)
{
  guint scope = adw_combo_row_get_selected (self->scope_row);
  g_autofree char *officer = g_settings_get_string (self->settings, "officer-name");

  gtk_widget_set_visible (GTK_WIDGET (self->region_row), scope == SCOPE_REGION);
  gtk_widget_set_visible (GTK_WIDGET (self->carrier_row), scope == SCOPE_CARRIER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshot.export",
                                 (scope == SCOPE_ALL) ||
                                 (scope == SCOPE_REGION && self->region_ids != NULL && self->region_ids[0] != NULL) ||
                                 (scope == SCOPE_CARRIER && self->carrier_ids != NULL && self->carrier_ids[0] != NULL));

  g_strstrip (officer);
  adw_action_row_set_subtitle (self->officer_row,
                               *officer != '\0' ? officer : _("No name yet: add yours in Preferences so colleagues know who sent the file"));
}

static const char *
selected_id (AdwComboRow *row,
             GStrv        ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected >= g_strv_length (ids))
    return NULL;

  return ids[selected];
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  TiduSnapshotOptions options = { 0 };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  options.redact = data->redact;
  options.region_id = data->region_id;
  options.carrier_id = data->carrier_id;
  options.officer = data->officer;

  db = tidu_exchange_open_worker_database (data->database, &error);
  if (db == NULL ||
      !tidu_snapshot_export (db, data->path, &options, cancellable,
                             tidu_progress_relay_report, data->relay, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (data->path);

  tidu_progress_window_finish (data->progress);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tidu_exchange_show_error (GTK_WIDGET (data->parent), _("Could Not Export the Snapshot"), error);
      return;
    }

  {
    g_autofree char *text = g_strdup_printf (_("Snapshot saved as “%s”"), basename);

    tidu_form_show_toast (GTK_WIDGET (data->parent), tidu_exchange_file_toast_new (text, data->path));
  }
}

void
tidu_snapshot_export_dialog_export_to (TiduSnapshotExportDialog *self,
                                       const char               *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *officer = NULL;
  GtkWindow *parent;
  guint scope;
  ExportData *data;

  g_return_if_fail (TIDU_IS_SNAPSHOT_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  scope = adw_combo_row_get_selected (self->scope_row);
  officer = g_strstrip (g_settings_get_string (self->settings, "officer-name"));
  basename = g_path_get_basename (path);

  data = g_new0 (ExportData, 1);
  data->database = g_object_ref (self->database);
  data->path = g_strdup (path);
  data->redact = gtk_switch_get_active (self->redact_switch);
  data->officer = *officer != '\0' ? g_strdup (officer) : NULL;
  if (scope == SCOPE_REGION)
    data->region_id = g_strdup (selected_id (self->region_row, self->region_ids));
  else if (scope == SCOPE_CARRIER)
    data->carrier_id = g_strdup (selected_id (self->carrier_row, self->carrier_ids));
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->progress = g_object_ref_sink (tidu_progress_window_new (parent, _("Exporting the Snapshot"), basename));
  data->relay = tidu_progress_window_new_relay (data->progress);

  gtk_window_close (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (data->progress));

  task = g_task_new (NULL, tidu_progress_window_get_cancellable (data->progress), export_done_cb, NULL);
  g_task_set_source_tag (task, tidu_snapshot_export_dialog_export_to);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog          *native,
                     int                       response,
                     TiduSnapshotExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && !g_str_has_suffix (path, TIDU_SNAPSHOT_SUFFIX))
        {
          char *with_suffix = g_strconcat (path, TIDU_SNAPSHOT_SUFFIX, NULL);

          g_free (path);
          path = with_suffix;
        }
      if (path != NULL)
        tidu_snapshot_export_dialog_export_to (self, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduSnapshotExportDialog *self = TIDU_SNAPSHOT_EXPORT_DIALOG (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) snapshots = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *officer = g_strstrip (g_settings_get_string (self->settings, "officer-name"));
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Export Snapshot"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (snapshots, _("Tidu snapshots"));
  gtk_file_filter_add_pattern (snapshots, "*" TIDU_SNAPSHOT_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), snapshots);

  if (*officer != '\0')
    {
      g_autofree char *who_when = g_strdup_printf ("%s-%s", officer, date);

      /* Translators: the suggested file name of a snapshot; %s is a name and a date */
      name = g_strdup_printf (_("Tidu-%s.tidu"), who_when);
    }
  else
    /* Translators: the suggested file name of a snapshot; %s is a date */
    name = g_strdup_printf (_("Tidu-%s.tidu"), date);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The dialog belongs to no application itself: ask the window's for Preferences. */
static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  GtkApplication *application = parent != NULL ? gtk_window_get_application (parent) : NULL;

  if (application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
}

static void
tidu_snapshot_export_dialog_finalize (GObject *object)
{
  TiduSnapshotExportDialog *self = TIDU_SNAPSHOT_EXPORT_DIALOG (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->region_ids, g_strfreev);
  g_clear_pointer (&self->carrier_ids, g_strfreev);

  G_OBJECT_CLASS (tidu_snapshot_export_dialog_parent_class)->finalize (object);
}

static void
tidu_snapshot_export_dialog_class_init (TiduSnapshotExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tidu_snapshot_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-snapshot-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduSnapshotExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, TiduSnapshotExportDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduSnapshotExportDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, TiduSnapshotExportDialog, redact_switch);
  gtk_widget_class_bind_template_child (widget_class, TiduSnapshotExportDialog, officer_row);

  gtk_widget_class_install_action (widget_class, "snapshot.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "snapshot.preferences", NULL, preferences_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tidu_snapshot_export_dialog_init (TiduSnapshotExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::officer-name", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->scope_row, "notify::selected", G_CALLBACK (update_rows), self);
}

TiduSnapshotExportDialog *
tidu_snapshot_export_dialog_new (GtkWindow    *parent,
                                 TiduDatabase *database)
{
  TiduSnapshotExportDialog *self;
  g_autoptr(GPtrArray) carriers = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = g_object_new (TIDU_TYPE_SNAPSHOT_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);

  self->region_ids = tidu_form_fill_regions (self->region_row, database, NULL);
  carriers = tidu_list_filter_choices (database, TIDU_LIST_FIRMS, "carrier_id", NULL);
  if (carriers != NULL)
    self->carrier_ids = tidu_form_fill_combo (self->carrier_row, carriers, NULL);
  update_rows (self);

  return self;
}

static gboolean
select_id (AdwComboRow *row,
           GStrv        ids,
           const char  *id)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }

  return FALSE;
}

void
tidu_snapshot_export_dialog_set_scope (TiduSnapshotExportDialog *self,
                                       guint                     scope,
                                       const char               *id)
{
  g_return_if_fail (TIDU_IS_SNAPSHOT_EXPORT_DIALOG (self));
  g_return_if_fail (scope <= SCOPE_CARRIER);

  adw_combo_row_set_selected (self->scope_row, scope);
  if (scope == SCOPE_REGION)
    select_id (self->region_row, self->region_ids, id);
  else if (scope == SCOPE_CARRIER)
    select_id (self->carrier_row, self->carrier_ids, id);
  update_rows (self);
}

void
tidu_snapshot_export_dialog_set_redact (TiduSnapshotExportDialog *self,
                                        gboolean                  redact)
{
  g_return_if_fail (TIDU_IS_SNAPSHOT_EXPORT_DIALOG (self));

  gtk_switch_set_active (self->redact_switch, redact);
}
