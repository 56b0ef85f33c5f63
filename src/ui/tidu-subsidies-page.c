/* tidu-subsidies-page.c: the Subsidies place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-subsidies-page.h"
#include "tidu-ui-util.h"

struct _TiduSubsidiesPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  AdwStatusPage *summary_page;

  /* Owned references */
  TiduDatabase  *database;
};

G_DEFINE_FINAL_TYPE (TiduSubsidiesPage, tidu_subsidies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_POLICY };

static void
refresh (TiduSubsidiesPage *self)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gint64 count;

  count = tidu_ui_count_rows (self->database, counted, G_N_ELEMENTS (counted));
  if (count == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  number = tidu_ui_format_count (count);
  /* Translators: %s is a number such as 1,234 */
  title = g_strdup_printf (ngettext ("%s subsidy policy", "%s subsidy policies", (gulong) count), number);
  description = tidu_ui_stored_in_markup (self->database);

  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
tidu_subsidies_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TiduSubsidiesPage *self = TIDU_SUBSIDIES_PAGE (object);

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
tidu_subsidies_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TiduSubsidiesPage *self = TIDU_SUBSIDIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_subsidies_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_subsidies_page_dispose (GObject *object)
{
  TiduSubsidiesPage *self = TIDU_SUBSIDIES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_SUBSIDIES_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_subsidies_page_parent_class)->dispose (object);
}

static void
tidu_subsidies_page_class_init (TiduSubsidiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_subsidies_page_get_property;
  object_class->set_property = tidu_subsidies_page_set_property;
  object_class->dispose = tidu_subsidies_page_dispose;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-subsidies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidiesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidiesPage, summary_page);
}

static void
tidu_subsidies_page_init (TiduSubsidiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

GtkWidget *
tidu_subsidies_page_new (void)
{
  return g_object_new (TIDU_TYPE_SUBSIDIES_PAGE, NULL);
}

TiduDatabase *
tidu_subsidies_page_get_database (TiduSubsidiesPage *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDIES_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_subsidies_page_set_database:
 * @self: a #TiduSubsidiesPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page.
 */
void
tidu_subsidies_page_set_database (TiduSubsidiesPage *self,
                                  TiduDatabase      *database)
{
  g_return_if_fail (TIDU_IS_SUBSIDIES_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  refresh (self);
}

/**
 * tidu_subsidies_page_get_visible_state:
 * @self: a #TiduSubsidiesPage
 *
 * Returns: "empty" or "summary"
 */
const char *
tidu_subsidies_page_get_visible_state (TiduSubsidiesPage *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDIES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
