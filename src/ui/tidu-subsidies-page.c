/* tidu-subsidies-page.c: the Subsidies place
 *
 * Three tools under one switcher: the Calculator (one rule, one case, with its explanation),
 * the Budget (a policy's batch for a year, recorded and exported in one step) and the Ledger
 * (what was recorded, approved and paid). Without a database the place says how to open one.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-subsidies-page.h"
#include "tidu-subsidy-batch-view.h"
#include "tidu-subsidy-calculator.h"
#include "tidu-subsidy-ledger-view.h"

struct _TiduSubsidiesPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkStack              *stack;
  AdwViewStack          *view_stack;
  TiduSubsidyCalculator *calculator;
  TiduSubsidyBatchView  *batch_view;
  TiduSubsidyLedgerView *ledger_view;

  /* Owned references */
  TiduDatabase  *database;

  /* The tools read the database when the page is first shown, not at start-up. */
  gboolean       tools_pending;
};

G_DEFINE_FINAL_TYPE (TiduSubsidiesPage, tidu_subsidies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tools list the policies and read the ledger: done when the page is first shown (or a
 * tool is asked for), not for every database opened at start-up. */
static void
ensure_tools (TiduSubsidiesPage *self)
{
  if (!self->tools_pending)
    return;
  self->tools_pending = FALSE;
  tidu_subsidy_calculator_set_database (self->calculator, self->database);
  tidu_subsidy_batch_view_set_database (self->batch_view, self->database);
  tidu_subsidy_ledger_view_set_database (self->ledger_view, self->database);
}

static void
refresh (TiduSubsidiesPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->database != NULL ? "summary" : "empty");
  self->tools_pending = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_tools (self);
}

static void
map_cb (TiduSubsidiesPage *self)
{
  ensure_tools (self);
}

/* A policy was imported or copied: the budget and the ledger offer it too. */
static void
policies_changed_cb (TiduSubsidiesPage *self)
{
  tidu_subsidy_batch_view_set_database (self->batch_view, self->database);
  tidu_subsidy_ledger_view_set_database (self->ledger_view, self->database);
}

/* An award was recorded or taken back in one tool: the ledger shows it at once. */
static void
ledger_changed_cb (TiduSubsidiesPage *self)
{
  tidu_subsidy_ledger_view_reload (self->ledger_view);
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

  g_type_ensure (TIDU_TYPE_SUBSIDY_CALCULATOR);
  g_type_ensure (TIDU_TYPE_SUBSIDY_BATCH_VIEW);
  g_type_ensure (TIDU_TYPE_SUBSIDY_LEDGER_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-subsidies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidiesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidiesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidiesPage, calculator);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidiesPage, batch_view);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidiesPage, ledger_view);
  gtk_widget_class_bind_template_callback (widget_class, ledger_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, policies_changed_cb);
}

static void
tidu_subsidies_page_init (TiduSubsidiesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
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
 * Returns: "empty" without a database, else "summary" (the three tools)
 */
const char *
tidu_subsidies_page_get_visible_state (TiduSubsidiesPage *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDIES_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* The tool shown: "calculator", "batch" or "ledger". */
void
tidu_subsidies_page_set_tool (TiduSubsidiesPage *self,
                              const char        *tool)
{
  g_return_if_fail (TIDU_IS_SUBSIDIES_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, tool);
}

TiduSubsidyCalculator *
tidu_subsidies_page_get_calculator (TiduSubsidiesPage *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDIES_PAGE (self), NULL);

  ensure_tools (self);
  return self->calculator;
}

TiduSubsidyBatchView *
tidu_subsidies_page_get_batch_view (TiduSubsidiesPage *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDIES_PAGE (self), NULL);

  ensure_tools (self);
  return self->batch_view;
}

TiduSubsidyLedgerView *
tidu_subsidies_page_get_ledger_view (TiduSubsidiesPage *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDIES_PAGE (self), NULL);

  ensure_tools (self);
  return self->ledger_view;
}
