/* tidu-list-exporter.c: a record list, as it is filtered and sorted, to a CSV or XLSX file
 *
 * The query is copied when the export starts, so the rows written are those the list showed
 * then, in its order. The core writes beside the target and renames at the end: a cancelled
 * or failed export leaves an existing file as it was.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-exchange-util.h"
#include "tidu-form-util.h"
#include "tidu-list-exporter.h"
#include "tidu-progress-window.h"

typedef struct
{
  TiduDatabase       *database;
  TiduListQuery      *query;
  char               *path;
  TiduExportFormat    format;
  TiduProgressRelay  *relay;
  TiduProgressWindow *progress;  /* owned: closed when the work is over */
  GtkWidget          *parent;    /* owned */
  guint64             n_rows;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->database);
  g_clear_pointer (&data->query, tidu_list_query_free);
  g_clear_pointer (&data->path, g_free);
  g_clear_pointer (&data->relay, tidu_progress_relay_unref);
  g_clear_object (&data->progress);
  g_clear_object (&data->parent);
  g_free (data);
}

static const char *
kind_file_name (TiduListKind kind)
{
  switch (kind)
    {
    case TIDU_LIST_FIRMS:
      /* Translators: a file name, without the extension */
      return _("Firms");
    case TIDU_LIST_CARRIERS:
      /* Translators: a file name, without the extension */
      return _("Carriers");
    case TIDU_LIST_TALENTS:
      /* Translators: a file name, without the extension */
      return _("Talents");
    case TIDU_LIST_TALENT_PLANS:
      /* Translators: a file name, without the extension */
      return _("Talent Plans");
    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tidu_exchange_open_worker_database (data->database, &error);
  if (db == NULL ||
      !tidu_export_list (db, data->query, data->path, data->format,
                         tidu_progress_relay_report, data->relay,
                         cancellable, &data->n_rows, &error))
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

  tidu_progress_window_finish (data->progress);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tidu_exchange_show_error (data->parent, _("Could Not Export the List"), error);
      return;
    }

  {
    g_autofree char *basename = g_path_get_basename (data->path);
    g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, data->n_rows);
    g_autofree char *text = NULL;

    /* Translators: %s is a number of rows, then a file name */
    text = g_strdup_printf (ngettext ("Exported %s row to “%s”", "Exported %s rows to “%s”",
                                      data->n_rows > G_MAXULONG ? G_MAXULONG : (gulong) data->n_rows),
                            count, basename);
    tidu_form_show_toast (data->parent, tidu_exchange_file_toast_new (text, data->path));
  }
}

void
tidu_list_exporter_export (GtkWidget           *parent,
                           TiduDatabase        *database,
                           const TiduListQuery *query,
                           const char          *path,
                           TiduExportFormat     format)
{
  g_autoptr(GTask) task = NULL;
  GtkRoot *root;
  ExportData *data;
  g_autofree char *basename = g_path_get_basename (path);

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (TIDU_IS_DATABASE (database));
  g_return_if_fail (query != NULL);
  g_return_if_fail (path != NULL);

  root = gtk_widget_get_root (parent);

  data = g_new0 (ExportData, 1);
  data->database = g_object_ref (database);
  data->query = tidu_list_query_copy (query);
  data->path = g_strdup (path);
  data->format = format;
  data->parent = g_object_ref (parent);
  data->progress = g_object_ref_sink (tidu_progress_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                _("Exporting the List"), basename));
  data->relay = tidu_progress_window_new_relay (data->progress);
  gtk_window_present (GTK_WINDOW (data->progress));

  task = g_task_new (NULL, tidu_progress_window_get_cancellable (data->progress), export_done_cb, NULL);
  g_task_set_source_tag (task, tidu_list_exporter_export);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

typedef struct
{
  GtkWidget     *parent;
  TiduDatabase  *database;
  TiduListQuery *query;
  GtkFileFilter *csv;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->database);
  g_clear_pointer (&data->query, tidu_list_query_free);
  g_clear_object (&data->csv);
  g_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     ChooseData      *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      TiduExportFormat format;

      if (path != NULL)
        {
          /* A name without .csv or .xlsx gets the one of the chosen file type. */
          if (!tidu_export_format_for_path (path, &format))
            {
              GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));
              char *with_suffix;

              format = filter == data->csv ? TIDU_EXPORT_CSV : TIDU_EXPORT_XLSX;
              with_suffix = g_strconcat (path, format == TIDU_EXPORT_CSV ? ".csv" : ".xlsx", NULL);
              g_free (path);
              path = with_suffix;
            }
          tidu_list_exporter_export (data->parent, data->database, data->query, path, format);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  choose_data_free (data);
}

void
tidu_list_exporter_choose (GtkWidget           *parent,
                           TiduDatabase        *database,
                           const TiduListQuery *query)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  ChooseData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (TIDU_IS_DATABASE (database));

  data = g_new0 (ChooseData, 1);
  data->parent = g_object_ref (parent);
  data->database = g_object_ref (database);
  data->query = tidu_list_query_copy (query);
  data->csv = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Export List"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (data->csv, _("CSV (Excel, WPS)"));
  gtk_file_filter_add_pattern (data->csv, "*.csv");
  gtk_file_filter_add_pattern (data->csv, "*.CSV");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), data->csv);

  gtk_file_filter_set_name (xlsx, _("Excel workbook (XLSX)"));
  gtk_file_filter_add_pattern (xlsx, "*.xlsx");
  gtk_file_filter_add_pattern (xlsx, "*.XLSX");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), xlsx);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), data->csv);
  name = g_strconcat (kind_file_name (tidu_list_query_get_kind (query)), ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
