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
refresh (TiduOverviewPage *self)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gint64 count;

  tidu_sample_loader_set_database (self->sample_loader, self->database);

  count = tidu_ui_count_rows (self->database, counted, G_N_ELEMENTS (counted));
  if (count == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  number = tidu_ui_format_count (count);
  /* Translators: %s is a number such as 1,234 */
  title = g_strdup_printf (ngettext ("%s record", "%s records", (gulong) count), number);
  description = tidu_ui_stored_in_markup (self->database);

  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
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
