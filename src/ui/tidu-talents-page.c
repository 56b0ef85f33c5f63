/* tidu-talents-page.c: the Talents place
 *
 * An empty state while the database holds no talents, otherwise the list of them.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-talents-page.h"
#include "tidu-ui-util.h"

struct _TiduTalentsPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  TiduRecordList   *record_list;

  /* Owned references */
  TiduDatabase     *database;
};

G_DEFINE_FINAL_TYPE (TiduTalentsPage, tidu_talents_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_TALENT };

static void
refresh (TiduTalentsPage *self)
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
tidu_talents_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (object);

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
tidu_talents_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_talents_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_talents_page_dispose (GObject *object)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_TALENTS_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_talents_page_parent_class)->dispose (object);
}

static void
tidu_talents_page_class_init (TiduTalentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_talents_page_get_property;
  object_class->set_property = tidu_talents_page_set_property;
  object_class->dispose = tidu_talents_page_dispose;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TIDU_TYPE_RECORD_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-talents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, record_list);
}

static void
tidu_talents_page_init (TiduTalentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
tidu_talents_page_new (void)
{
  return g_object_new (TIDU_TYPE_TALENTS_PAGE, NULL);
}

TiduDatabase *
tidu_talents_page_get_database (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_talents_page_set_database:
 * @self: a #TiduTalentsPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page.
 */
void
tidu_talents_page_set_database (TiduTalentsPage *self,
                               TiduDatabase  *database)
{
  g_return_if_fail (TIDU_IS_TALENTS_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  refresh (self);
}

/**
 * tidu_talents_page_reload:
 * @self: a #TiduTalentsPage
 *
 * Reads the database again after its records changed: the count that picks the empty
 * state or the list, and the list's rows.
 */
void
tidu_talents_page_reload (TiduTalentsPage *self)
{
  g_return_if_fail (TIDU_IS_TALENTS_PAGE (self));

  refresh (self);
}

/**
 * tidu_talents_page_get_record_list:
 * @self: a #TiduTalentsPage
 *
 * Returns: (transfer none): the list the page shows when the database holds records
 */
TiduRecordList *
tidu_talents_page_get_record_list (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return self->record_list;
}

/**
 * tidu_talents_page_get_visible_state:
 * @self: a #TiduTalentsPage
 *
 * Returns: "empty" or "list"
 */
const char *
tidu_talents_page_get_visible_state (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
