/* tidu-chart-view.h: a chart on screen, drawn by the same renderer that writes chart files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-chart.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CHART_VIEW (tidu_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (TiduChartView, tidu_chart_view, TIDU, CHART_VIEW, GtkWidget)

GtkWidget             *tidu_chart_view_new          (void);
void                   tidu_chart_view_set_data     (TiduChartView        *self,
                                                     TiduChartData        *data);
TiduChartData         *tidu_chart_view_get_data     (TiduChartView        *self);
/* The palette the view draws with now: libadwaita's light or dark one. */
void                   tidu_chart_view_get_style    (TiduChartView        *self,
                                                     TiduChartStyle       *style);
/* The hit regions of the last drawing, NULL before the first. */
const TiduChartResult *tidu_chart_view_get_result   (TiduChartView        *self);
/* The element under the pointer or the keyboard, -1 for none. */
int                    tidu_chart_view_get_selected (TiduChartView        *self);
gboolean               tidu_chart_view_write        (TiduChartView        *self,
                                                     const char           *path,
                                                     int                   width,
                                                     int                   height,
                                                     GError              **error);

G_END_DECLS
