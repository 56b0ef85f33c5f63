/* tidu-exchange-util.c: what the exchange dialogs share
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-exchange-util.h"
#include "tidu-form-util.h"

struct _TiduProgressRelay
{
  GWeakRef bar;
  gint     permille;
  gint     idle_queued;
};

static void
relay_clear (TiduProgressRelay *relay)
{
  g_weak_ref_clear (&relay->bar);
}

TiduProgressRelay *
tidu_progress_relay_new (GtkProgressBar *bar)
{
  TiduProgressRelay *relay = g_atomic_rc_box_new0 (TiduProgressRelay);

  g_weak_ref_init (&relay->bar, bar);

  return relay;
}

TiduProgressRelay *
tidu_progress_relay_ref (TiduProgressRelay *relay)
{
  return g_atomic_rc_box_acquire (relay);
}

void
tidu_progress_relay_unref (TiduProgressRelay *relay)
{
  g_atomic_rc_box_release_full (relay, (GDestroyNotify) relay_clear);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  TiduProgressRelay *relay = user_data;
  g_autoptr(GtkProgressBar) bar = g_weak_ref_get (&relay->bar);

  g_atomic_int_set (&relay->idle_queued, FALSE);
  if (bar != NULL)
    gtk_progress_bar_set_fraction (bar, g_atomic_int_get (&relay->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

void
tidu_progress_relay_report (double   fraction,
                            gpointer user_data)
{
  TiduProgressRelay *relay = user_data;

  g_atomic_int_set (&relay->permille, (gint) CLAMP (fraction * 1000.0, 0.0, 1000.0));
  if (g_atomic_int_compare_and_exchange (&relay->idle_queued, FALSE, TRUE))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_progress_cb,
                     tidu_progress_relay_ref (relay), (GDestroyNotify) tidu_progress_relay_unref);
}

TiduDatabase *
tidu_exchange_open_worker_database (TiduDatabase  *database,
                                    GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  return tidu_database_open_again (database, error);
}

void
tidu_exchange_show_error (GtkWidget    *parent,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
folder_launched_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_debug ("Could not open the folder: %s", error->message);
}

void
tidu_exchange_show_in_files (GtkWidget  *widget,
                             const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (folder);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (widget != NULL ? gtk_widget_get_display (widget)
                                                               : gdk_display_get_default ());
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           folder_launched_cb, NULL);
}

static void
show_in_files_clicked_cb (AdwToast *toast,
                          gpointer  user_data)
{
  tidu_exchange_show_in_files (NULL, g_object_get_data (G_OBJECT (toast), "tidu-path"));
}

AdwToast *
tidu_exchange_file_toast_new (const char *text,
                              const char *path)
{
  AdwToast *toast = tidu_form_toast_new (text);

  g_object_set_data_full (G_OBJECT (toast), "tidu-path", g_strdup (path), g_free);
  adw_toast_set_button_label (toast, _("Show in _Files"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (show_in_files_clicked_cb), NULL);

  return toast;
}
