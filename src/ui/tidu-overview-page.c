/* tidu-overview-page.c: the Overview place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-overview-page.h"
#include "tidu-sample-loader.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

struct _TiduOverviewPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  AdwStatusPage    *summary_page;
  TiduSampleLoader *sample_loader;

  /* Owned references */
  TiduDatabase     *database;
  GCancellable     *count_cancellable;

  /* The count waits until the page is shown. */
  gboolean          count_pending;
};

G_DEFINE_FINAL_TYPE (TiduOverviewPage, tidu_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_FIRM, TIDU_ENTITY_CARRIER, TIDU_ENTITY_TALENT };

static void
show_count (TiduOverviewPage *self,
            gint64            count)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;

  if (count == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  number = tidu_ui_format_count (count);
  /* Translators: %s is a number such as 1,234 */
  title = g_strdup_printf (ngettext ("%s record", "%s records", (gulong) count), number);
  adw_status_page_set_title (self->summary_page, title);
}

/* count(*) reads every row of 100,000 firms: on a worker with its own connection. */
static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(TiduDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = tidu_database_open_again (task_data, &error);
  if (database == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, tidu_ui_count_rows (database, counted, G_N_ELEMENTS (counted)));
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);
  g_autoptr(GError) error = NULL;
  gssize count;

  count = g_task_propagate_int (G_TASK (result), &error);
  /* A newer refresh, or the page went away. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  /* A file the worker cannot open: count here instead. */
  if (error != NULL)
    count = tidu_ui_count_rows (self->database, counted, G_N_ELEMENTS (counted));
  show_count (self, count);
}

static void
start_count (TiduOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;

  self->count_pending = FALSE;
  if (self->database == NULL)
    return;

  self->count_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->count_cancellable, count_done_cb, NULL);
  g_task_set_source_tag (task, start_count);
  g_task_set_task_data (task, g_object_ref (self->database), g_object_unref);
  g_task_run_in_thread (task, count_thread);
}

static void
map_cb (TiduOverviewPage *self)
{
  if (self->count_pending)
    start_count (self);
}

/* Whether the database holds records decides the state at once (an O(1) query); the number
 * follows from a worker, once the page is shown (DESIGN.md §4). */
static void
refresh (TiduOverviewPage *self)
{
  g_autofree char *description = NULL;

  tidu_sample_loader_set_database (self->sample_loader, self->database);

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_pending = FALSE;

  if (!tidu_ui_has_rows (self->database, counted, G_N_ELEMENTS (counted)))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  description = tidu_ui_stored_in_markup (self->database);
  adw_status_page_set_title (self->summary_page, "");
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_count (self);
  else
    self->count_pending = TRUE;
}

/* Inside a window the loader has refreshed every place already. */
static void
sample_finished_cb (TiduSampleLoader *loader,
                    TiduOverviewPage *self)
{
  if (!TIDU_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    refresh (self);
}

static void
tidu_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_overview_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_overview_page_dispose (GObject *object)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_overview_page_parent_class)->dispose (object);
}

static void
tidu_overview_page_class_init (TiduOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_overview_page_get_property;
  object_class->set_property = tidu_overview_page_set_property;
  object_class->dispose = tidu_overview_page_dispose;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TIDU_TYPE_SAMPLE_LOADER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, summary_page);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, sample_loader);
  gtk_widget_class_bind_template_callback (widget_class, sample_finished_cb);
}

static void
tidu_overview_page_init (TiduOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  refresh (self);
}

GtkWidget *
tidu_overview_page_new (void)
{
  return g_object_new (TIDU_TYPE_OVERVIEW_PAGE, NULL);
}

TiduDatabase *
tidu_overview_page_get_database (TiduOverviewPage *self)
{
  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_overview_page_set_database:
 * @self: a #TiduOverviewPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page.
 */
void
tidu_overview_page_set_database (TiduOverviewPage *self,
                                 TiduDatabase     *database)
{
  g_return_if_fail (TIDU_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  refresh (self);
}

/**
 * tidu_overview_page_get_visible_state:
 * @self: a #TiduOverviewPage
 *
 * Returns: "empty" or "summary"
 */
const char *
tidu_overview_page_get_visible_state (TiduOverviewPage *self)
{
  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
