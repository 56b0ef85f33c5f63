/* tidu-firms-page.c: the Firms place
 *
 * An empty state while the database holds no firms, otherwise the list of them.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-firms-page.h"
#include "tidu-sample-loader.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

struct _TiduFirmsPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  TiduRecordList   *record_list;
  TiduSampleLoader *sample_loader;

  /* Owned references */
  TiduDatabase     *database;
};

G_DEFINE_FINAL_TYPE (TiduFirmsPage, tidu_firms_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_FIRM };

static void
refresh (TiduFirmsPage *self)
{
  gint64 count = tidu_ui_count_rows (self->database, counted, G_N_ELEMENTS (counted));

  tidu_sample_loader_set_database (self->sample_loader, self->database);
  if (count == 0)
    {
      tidu_record_list_set_database (self->record_list, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Setting the same database again runs the list's query again. */
  tidu_record_list_set_database (self->record_list, self->database);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Inside a window the loader has refreshed every place already. */
static void
sample_finished_cb (TiduSampleLoader *loader,
                    TiduFirmsPage    *self)
{
  if (!TIDU_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    refresh (self);
}

static void
tidu_firms_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (object);

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
tidu_firms_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_firms_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_firms_page_dispose (GObject *object)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_FIRMS_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_firms_page_parent_class)->dispose (object);
}

static void
tidu_firms_page_class_init (TiduFirmsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_firms_page_get_property;
  object_class->set_property = tidu_firms_page_set_property;
  object_class->dispose = tidu_firms_page_dispose;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TIDU_TYPE_RECORD_LIST);
  g_type_ensure (TIDU_TYPE_SAMPLE_LOADER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-firms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, sample_loader);
  gtk_widget_class_bind_template_callback (widget_class, sample_finished_cb);
}

static void
tidu_firms_page_init (TiduFirmsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
tidu_firms_page_new (void)
{
  return g_object_new (TIDU_TYPE_FIRMS_PAGE, NULL);
}

TiduDatabase *
tidu_firms_page_get_database (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_firms_page_set_database:
 * @self: a #TiduFirmsPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page.
 */
void
tidu_firms_page_set_database (TiduFirmsPage *self,
                             TiduDatabase  *database)
{
  g_return_if_fail (TIDU_IS_FIRMS_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  refresh (self);
}

/**
 * tidu_firms_page_reload:
 * @self: a #TiduFirmsPage
 *
 * Reads the database again after its records changed: the count that picks the empty
 * state or the list, and the list's rows.
 */
void
tidu_firms_page_reload (TiduFirmsPage *self)
{
  g_return_if_fail (TIDU_IS_FIRMS_PAGE (self));

  refresh (self);
}

/**
 * tidu_firms_page_get_record_list:
 * @self: a #TiduFirmsPage
 *
 * Returns: (transfer none): the list the page shows when the database holds records
 */
TiduRecordList *
tidu_firms_page_get_record_list (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return self->record_list;
}

/**
 * tidu_firms_page_get_visible_state:
 * @self: a #TiduFirmsPage
 *
 * Returns: "empty" or "list"
 */
const char *
tidu_firms_page_get_visible_state (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
