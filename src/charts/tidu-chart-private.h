/* tidu-chart-private.h: the drawing framework every chart kind is built from.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "tidu-chart.h"

G_BEGIN_DECLS

typedef struct
{
  cairo_t               *cr;
  const TiduChartStyle  *style;
  const TiduChartData   *data;
  double                 width, height;
  TiduChartResult       *result;
  PangoContext          *pango;
  PangoFontDescription  *font;       /* axis and value labels */
  PangoFontDescription  *small;      /* notes, legend */
  PangoFontDescription  *title;
  double                 pad;
  double                 line;       /* height of one line of `font` */
  TiduChartRect          area;       /* what is left for the plot after title and legend */
} TiduChartCtx;

typedef struct
{
  const char           *label;
  const TiduChartColor *color;
  gboolean              line;    /* a rule rather than a box (bullet targets) */
} TiduChartLegendItem;

/* Text */
PangoLayout *tidu_chart_ctx_layout      (TiduChartCtx               *ctx,
                                         const char                 *text,
                                         const PangoFontDescription *font,
                                         double                      max_width,
                                         int                         max_lines);
void         tidu_chart_ctx_size        (PangoLayout                *layout,
                                         double                     *width,
                                         double                     *height);
void         tidu_chart_ctx_show        (TiduChartCtx               *ctx,
                                         PangoLayout                *layout,
                                         double                      x,
                                         double                      y,
                                         const TiduChartColor       *color);
double       tidu_chart_ctx_text_width  (TiduChartCtx               *ctx,
                                         const char                 *text,
                                         const PangoFontDescription *font);
const TiduChartColor *tidu_chart_ctx_text_on (TiduChartCtx          *ctx,
                                              const TiduChartColor  *fill);

/* Pieces */
void         tidu_chart_ctx_set_color   (TiduChartCtx               *ctx,
                                         const TiduChartColor       *color,
                                         double                      alpha);
void         tidu_chart_ctx_legend      (TiduChartCtx               *ctx,
                                         const TiduChartLegendItem  *items,
                                         guint                       n_items);
double       tidu_chart_ctx_row_labels_width (TiduChartCtx          *ctx,
                                              const char           **labels,
                                              guint                  n);
void         tidu_chart_ctx_row_labels  (TiduChartCtx               *ctx,
                                         const char                **labels,
                                         guint                       n,
                                         double                      x,
                                         double                      width,
                                         double                      top,
                                         double                      pitch);
double       tidu_chart_ctx_column_labels (TiduChartCtx             *ctx,
                                           const char              **labels,
                                           const char              **notes,
                                           guint                     n,
                                           double                    left,
                                           double                    pitch,
                                           double                    top,
                                           int                       max_lines,
                                           gboolean                  small,
                                           gboolean                  measure_only);
void         tidu_chart_ctx_add_hit     (TiduChartCtx               *ctx,
                                         double                      x,
                                         double                      y,
                                         double                      width,
                                         double                      height,
                                         int                         series,
                                         int                         category,
                                         char                       *key,
                                         char                       *label,
                                         char                       *value_text);
void         tidu_chart_ctx_add_cell_hit (TiduChartCtx              *ctx,
                                          double                     x,
                                          double                     y,
                                          double                     width,
                                          double                     height,
                                          guint                      series,
                                          guint                      category);
char        *tidu_chart_ctx_cell_label  (TiduChartCtx               *ctx,
                                         guint                       series,
                                         guint                       category);

/* Value axes: ticks, grid and labels; return the scale's top value. */
typedef struct
{
  double first, step, top;
  guint  n;
} TiduChartTicks;

void         tidu_chart_ctx_ticks       (TiduChartCtx               *ctx,
                                         double                      max_value,
                                         double                      length,
                                         gboolean                    horizontal,
                                         TiduChartTicks             *ticks);
double       tidu_chart_ctx_ticks_label_width (TiduChartCtx         *ctx,
                                               const TiduChartTicks *ticks);
void         tidu_chart_ctx_draw_value_axis (TiduChartCtx           *ctx,
                                             const TiduChartTicks   *ticks,
                                             const TiduChartRect    *plot,
                                             gboolean                horizontal);

/* The kinds */
void tidu_chart_draw_ladder      (TiduChartCtx *ctx);
void tidu_chart_draw_progression (TiduChartCtx *ctx);
void tidu_chart_draw_transitions (TiduChartCtx *ctx);
void tidu_chart_draw_timeline    (TiduChartCtx *ctx);
void tidu_chart_draw_targets     (TiduChartCtx *ctx);
void tidu_chart_draw_carrier     (TiduChartCtx *ctx);

/* Files: the one writer for every chart, the empty state and report pages. */
typedef void (*TiduChartPaintFunc) (cairo_t *cr, double width, double height, gpointer user_data);

gboolean     tidu_chart_write_surface   (const char                 *path,
                                         int                         width,
                                         int                         height,
                                         TiduChartPaintFunc          paint,
                                         gpointer                    user_data,
                                         GError                    **error);

G_END_DECLS
