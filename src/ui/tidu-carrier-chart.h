/* tidu-carrier-chart.h: a carrier's performance by year as a chart, for its detail page
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-chart-view.h"
#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CARRIER_CHART (tidu_carrier_chart_get_type ())
G_DECLARE_FINAL_TYPE (TiduCarrierChart, tidu_carrier_chart, TIDU, CARRIER_CHART, GtkWidget)

GtkWidget     *tidu_carrier_chart_new          (void);
/* Counts the last five years of @carrier_id on a worker; NULL clears the chart. */
void           tidu_carrier_chart_set_carrier  (TiduCarrierChart *self,
                                                TiduDatabase     *database,
                                                const char       *carrier_id,
                                                const char       *carrier_name);
gboolean       tidu_carrier_chart_get_loading  (TiduCarrierChart *self);
TiduChartView *tidu_carrier_chart_get_view     (TiduCarrierChart *self);

G_END_DECLS
