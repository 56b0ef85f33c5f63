/* tidu-chart-empty.h: the empty-data state every chart shows when it has nothing to plot.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Colours come from the libadwaita palette of the current style (light or dark). */
typedef struct
{
  double red, green, blue, alpha;
} TiduChartColor;

typedef struct
{
  TiduChartColor background;
  TiduChartColor foreground;  /* text */
  TiduChartColor dim;         /* axes, frames, secondary text */
  TiduChartColor grid;        /* value grid lines */
  TiduChartColor accent;      /* heat matrix cells, keyboard focus */
  TiduChartColor palette[9];  /* series and tiers: TIDU_CHART_N_COLORS slots of tidu-chart-data.h */
  gboolean       dark;
} TiduChartStyle;

void     tidu_chart_style_init_light (TiduChartStyle *style);
void     tidu_chart_style_init_dark  (TiduChartStyle *style);
const TiduChartColor *tidu_chart_style_get_color (const TiduChartStyle *style,
                                                  int                   slot);

void     tidu_chart_draw_empty       (cairo_t              *cr,
                                      const TiduChartStyle *style,
                                      double                width,
                                      double                height,
                                      const char           *title,
                                      const char           *message);

gboolean tidu_chart_write_empty      (const char           *path,
                                      const TiduChartStyle *style,
                                      int                   width,
                                      int                   height,
                                      const char           *title,
                                      const char           *message,
                                      GError              **error);

G_END_DECLS
