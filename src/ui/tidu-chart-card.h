/* tidu-chart-card.h: a chart view on a card, with its Export button, sized for a dashboard
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-chart-view.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CHART_CARD (tidu_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (TiduChartCard, tidu_chart_card, TIDU, CHART_CARD, GtkWidget)

/* @export_action: the detailed action of the Export button, e.g. "overview.export-chart('ladder')" */
GtkWidget     *tidu_chart_card_new      (const char    *export_action,
                                         int            height);
TiduChartView *tidu_chart_card_get_view (TiduChartCard *self);

G_END_DECLS
