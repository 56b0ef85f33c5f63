/* tidu-sample-loader.c: the "Load Sample Data" button of empty places, with its progress
 *
 * Generating the sample takes seconds, so it runs on a worker thread with its own
 * connection to the same file (WAL lets the main connection keep reading), reports its
 * progress to a bar here, and can be cancelled; the core then leaves nothing behind.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"
#include "tidu-sample.h"
#include "tidu-sample-loader.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

#define SAMPLE_FIRMS 2000
#define SAMPLE_SEED  1

/* Shared between the worker, which writes the fraction, and the idle that shows it. */
typedef struct
{
  GWeakRef loader;
  char    *path;
  gint     permille;
  gint     idle_queued;
} Progress;

struct _TiduSampleLoader
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  GtkProgressBar *progress_bar;

  /* Owned references */
  TiduDatabase   *database;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (TiduSampleLoader, tidu_sample_loader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
progress_clear (Progress *progress)
{
  g_weak_ref_clear (&progress->loader);
  g_free (progress->path);
}

static void
progress_unref (Progress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  g_autoptr(TiduSampleLoader) self = g_weak_ref_get (&progress->loader);

  g_atomic_int_set (&progress->idle_queued, FALSE);
  if (self != NULL && self->cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&progress->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

/* Called on the worker thread: at most one idle is queued at a time. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_atomic_int_set (&progress->permille, (gint) CLAMP (fraction * 1000.0, 0.0, 1000.0));
  if (g_atomic_int_compare_and_exchange (&progress->idle_queued, FALSE, TRUE))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_progress_cb,
                     g_atomic_rc_box_acquire (progress), (GDestroyNotify) progress_unref);
}

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Progress *progress = task_data;
  TiduSampleOptions options = { SAMPLE_FIRMS, SAMPLE_SEED };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tidu_database_open (progress->path, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL ||
      !tidu_sample_generate (db, &options, cancellable, progress_cb, progress, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
set_running (TiduSampleLoader *self,
             GCancellable     *cancellable)
{
  g_set_object (&self->cancellable, cancellable);

  gtk_stack_set_visible_child_name (self->stack, cancellable != NULL ? "progress" : "buttons");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sample.load", cancellable == NULL && tidu_ui_can_write (self->database));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sample.cancel", cancellable != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
generate_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TiduSampleLoader *self = TIDU_SAMPLE_LOADER (object);
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  /* The widget was destroyed meanwhile. */
  if (self->stack == NULL)
    return;

  set_running (self, NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Could not load the sample data: %s", error->message);
      if (TIDU_IS_WINDOW (root))
        {
          g_autofree char *title = g_strdup_printf (_("Could not load the sample data: %s"), error->message);

          tidu_window_add_toast (TIDU_WINDOW (root), tidu_form_toast_new (title));
        }
      return;
    }

  /* Setting the window's database again refreshes every place. */
  if (TIDU_IS_WINDOW (root) && tidu_window_get_database (TIDU_WINDOW (root)) == self->database)
    tidu_window_set_database (TIDU_WINDOW (root), self->database);

  g_signal_emit (self, signals[FINISHED], 0);
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tidu_sample_loader_start (TIDU_SAMPLE_LOADER (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tidu_sample_loader_cancel (TIDU_SAMPLE_LOADER (widget));
}

static void
tidu_sample_loader_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiduSampleLoader *self = TIDU_SAMPLE_LOADER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_sample_loader_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiduSampleLoader *self = TIDU_SAMPLE_LOADER (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_sample_loader_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_sample_loader_dispose (GObject *object)
{
  TiduSampleLoader *self = TIDU_SAMPLE_LOADER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_SAMPLE_LOADER);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_sample_loader_parent_class)->dispose (object);
}

static void
tidu_sample_loader_class_init (TiduSampleLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_sample_loader_get_property;
  object_class->set_property = tidu_sample_loader_set_property;
  object_class->dispose = tidu_sample_loader_dispose;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiduSampleLoader::finished:
   *
   * The sample data is in the database. Inside a TiduWindow every place has been
   * refreshed already.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "sample.load", NULL, load_action);
  gtk_widget_class_install_action (widget_class, "sample.cancel", NULL, cancel_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-sample-loader.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduSampleLoader, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSampleLoader, progress_bar);
}

static void
tidu_sample_loader_init (TiduSampleLoader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_running (self, NULL);
}

TiduDatabase *
tidu_sample_loader_get_database (TiduSampleLoader *self)
{
  g_return_val_if_fail (TIDU_IS_SAMPLE_LOADER (self), NULL);

  return self->database;
}

/**
 * tidu_sample_loader_set_database:
 * @self: a #TiduSampleLoader
 * @database: (nullable): the database to fill; without one the button is disabled
 */
void
tidu_sample_loader_set_database (TiduSampleLoader *self,
                                 TiduDatabase     *database)
{
  g_return_if_fail (TIDU_IS_SAMPLE_LOADER (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sample.load", self->cancellable == NULL && tidu_ui_can_write (database));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

gboolean
tidu_sample_loader_get_running (TiduSampleLoader *self)
{
  g_return_val_if_fail (TIDU_IS_SAMPLE_LOADER (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * tidu_sample_loader_start:
 * @self: a #TiduSampleLoader
 *
 * Starts filling the database with the sample on a worker thread.
 */
void
tidu_sample_loader_start (TiduSampleLoader *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  Progress *progress;

  g_return_if_fail (TIDU_IS_SAMPLE_LOADER (self));

  if (self->database == NULL || self->cancellable != NULL)
    return;

  progress = g_atomic_rc_box_new0 (Progress);
  g_weak_ref_init (&progress->loader, self);
  progress->path = g_strdup (tidu_database_get_path (self->database));

  cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_running (self, cancellable);

  task = g_task_new (self, cancellable, generate_done_cb, NULL);
  g_task_set_source_tag (task, tidu_sample_loader_start);
  g_task_set_task_data (task, progress, (GDestroyNotify) progress_unref);
  g_task_run_in_thread (task, generate_thread);
}

void
tidu_sample_loader_cancel (TiduSampleLoader *self)
{
  g_return_if_fail (TIDU_IS_SAMPLE_LOADER (self));

  g_cancellable_cancel (self->cancellable);
}
