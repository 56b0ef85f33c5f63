/* tidu-chart-card.c: a chart view on a card, with its Export button, sized for a dashboard
 *
 * A chart asks for a wide natural size; on a dashboard two cards share a line as soon as each
 * can have 400 pixels, so the card asks for that and lets the chart fill what it gets.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-chart-card.h"

#define NATURAL_WIDTH 400

struct _TiduChartCard
{
  GtkWidget      parent_instance;

  GtkWidget     *overlay;
  TiduChartView *view;
};

G_DEFINE_FINAL_TYPE (TiduChartCard, tidu_chart_card, GTK_TYPE_WIDGET)

static void
tidu_chart_card_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  TiduChartCard *self = TIDU_CHART_CARD (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = MAX (*minimum, NATURAL_WIDTH);
}

static void
tidu_chart_card_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  gtk_widget_allocate (TIDU_CHART_CARD (widget)->overlay, width, height, baseline, NULL);
}

static void
tidu_chart_card_dispose (GObject *object)
{
  TiduChartCard *self = TIDU_CHART_CARD (object);

  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  self->view = NULL;
  G_OBJECT_CLASS (tidu_chart_card_parent_class)->dispose (object);
}

static void
tidu_chart_card_class_init (TiduChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_chart_card_dispose;
  widget_class->measure = tidu_chart_card_measure;
  widget_class->size_allocate = tidu_chart_card_size_allocate;
}

static void
tidu_chart_card_init (TiduChartCard *self)
{
  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  gtk_widget_add_css_class (self->overlay, "card");
  gtk_widget_set_overflow (self->overlay, GTK_OVERFLOW_HIDDEN);

  self->view = TIDU_CHART_VIEW (tidu_chart_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->view));
}

GtkWidget *
tidu_chart_card_new (const char *export_action,
                     int         height)
{
  TiduChartCard *self = g_object_new (TIDU_TYPE_CHART_CARD, NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("document-save-as-symbolic");

  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, height);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_set_tooltip_text (button, _("Export Chart…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export Chart…"), -1);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), export_action);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), button);
  return GTK_WIDGET (self);
}

TiduChartView *
tidu_chart_card_get_view (TiduChartCard *self)
{
  g_return_val_if_fail (TIDU_IS_CHART_CARD (self), NULL);

  return self->view;
}
