/* tidu-carriers-page.c: the Carriers place
 *
 * An empty state while the database holds no carriers, otherwise the list of them.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-carriers-page.h"
#include "tidu-ui-util.h"

struct _TiduCarriersPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  TiduRecordList   *record_list;

  /* Owned references */
  TiduDatabase     *database;
};

G_DEFINE_FINAL_TYPE (TiduCarriersPage, tidu_carriers_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_CARRIER };

static void
refresh (TiduCarriersPage *self)
{
  gint64 count = tidu_ui_count_rows (self->database, counted, G_N_ELEMENTS (counted));

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

static void
tidu_carriers_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (object);

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
tidu_carriers_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_carriers_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_carriers_page_dispose (GObject *object)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_CARRIERS_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_carriers_page_parent_class)->dispose (object);
}

static void
tidu_carriers_page_class_init (TiduCarriersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_carriers_page_get_property;
  object_class->set_property = tidu_carriers_page_set_property;
  object_class->dispose = tidu_carriers_page_dispose;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TIDU_TYPE_RECORD_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-carriers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduCarriersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduCarriersPage, record_list);
}

static void
tidu_carriers_page_init (TiduCarriersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
tidu_carriers_page_new (void)
{
  return g_object_new (TIDU_TYPE_CARRIERS_PAGE, NULL);
}

TiduDatabase *
tidu_carriers_page_get_database (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_carriers_page_set_database:
 * @self: a #TiduCarriersPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page.
 */
void
tidu_carriers_page_set_database (TiduCarriersPage *self,
                                TiduDatabase  *database)
{
  g_return_if_fail (TIDU_IS_CARRIERS_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  refresh (self);
}

/**
 * tidu_carriers_page_reload:
 * @self: a #TiduCarriersPage
 *
 * Reads the database again after its records changed: the count that picks the empty
 * state or the list, and the list's rows.
 */
void
tidu_carriers_page_reload (TiduCarriersPage *self)
{
  g_return_if_fail (TIDU_IS_CARRIERS_PAGE (self));

  refresh (self);
}

/**
 * tidu_carriers_page_get_record_list:
 * @self: a #TiduCarriersPage
 *
 * Returns: (transfer none): the list the page shows when the database holds records
 */
TiduRecordList *
tidu_carriers_page_get_record_list (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return self->record_list;
}

/**
 * tidu_carriers_page_get_visible_state:
 * @self: a #TiduCarriersPage
 *
 * Returns: "empty" or "list"
 */
const char *
tidu_carriers_page_get_visible_state (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
