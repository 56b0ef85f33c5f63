/* tidu-progress-window.c: a small modal window with a progress bar and Cancel
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-progress-window.h"

struct _TiduProgressWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *heading_label;
  GtkLabel       *detail_label;
  GtkProgressBar *progress_bar;
  GtkWidget      *cancel_button;

  /* Owned references */
  GCancellable   *cancellable;

  gboolean        finished;
  gboolean        can_cancel;
};

G_DEFINE_FINAL_TYPE (TiduProgressWindow, tidu_progress_window, ADW_TYPE_WINDOW)

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduProgressWindow *self = TIDU_PROGRESS_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  gtk_label_set_text (self->detail_label, _("Cancelling…"));
  gtk_widget_action_set_enabled (widget, "progress.cancel", FALSE);
}

/* Closing the window cancels the work; the window goes once the worker has stopped. */
static gboolean
tidu_progress_window_close_request (GtkWindow *window)
{
  TiduProgressWindow *self = TIDU_PROGRESS_WINDOW (window);

  if (self->finished)
    return GTK_WINDOW_CLASS (tidu_progress_window_parent_class)->close_request (window);

  if (self->can_cancel && !g_cancellable_is_cancelled (self->cancellable))
    cancel_activated (GTK_WIDGET (self), "progress.cancel", NULL);

  return TRUE;
}

static void
tidu_progress_window_dispose (GObject *object)
{
  TiduProgressWindow *self = TIDU_PROGRESS_WINDOW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tidu_progress_window_parent_class)->dispose (object);
}

static void
tidu_progress_window_class_init (TiduProgressWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tidu_progress_window_dispose;
  window_class->close_request = tidu_progress_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-progress-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduProgressWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TiduProgressWindow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, TiduProgressWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TiduProgressWindow, cancel_button);

  gtk_widget_class_install_action (widget_class, "progress.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "progress.cancel", NULL);
}

static void
tidu_progress_window_init (TiduProgressWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->can_cancel = TRUE;
}

TiduProgressWindow *
tidu_progress_window_new (GtkWindow  *parent,
                          const char *heading,
                          const char *detail)
{
  TiduProgressWindow *self = g_object_new (TIDU_TYPE_PROGRESS_WINDOW,
                                           "transient-for", parent,
                                           "title", heading,
                                           NULL);

  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);

  return self;
}

GCancellable *
tidu_progress_window_get_cancellable (TiduProgressWindow *self)
{
  g_return_val_if_fail (TIDU_IS_PROGRESS_WINDOW (self), NULL);

  return self->cancellable;
}

TiduProgressRelay *
tidu_progress_window_new_relay (TiduProgressWindow *self)
{
  g_return_val_if_fail (TIDU_IS_PROGRESS_WINDOW (self), NULL);

  return tidu_progress_relay_new (self->progress_bar);
}

void
tidu_progress_window_finish (TiduProgressWindow *self)
{
  g_return_if_fail (TIDU_IS_PROGRESS_WINDOW (self));

  self->finished = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
tidu_progress_window_get_can_cancel (TiduProgressWindow *self)
{
  g_return_val_if_fail (TIDU_IS_PROGRESS_WINDOW (self), FALSE);

  return self->can_cancel;
}

/**
 * tidu_progress_window_set_can_cancel:
 *
 * Work that cannot stop half-way (the merge's single transaction once it commits) hides the
 * Cancel button.
 */
void
tidu_progress_window_set_can_cancel (TiduProgressWindow *self,
                                     gboolean            can_cancel)
{
  g_return_if_fail (TIDU_IS_PROGRESS_WINDOW (self));

  self->can_cancel = can_cancel;
  gtk_widget_set_visible (self->cancel_button, can_cancel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "progress.cancel", can_cancel);
}
