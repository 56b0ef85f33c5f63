/* tidu-chart.h: draw a chart on any cairo context, or write it to PNG, SVG or PDF.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tidu-chart-data.h"
#include "tidu-chart-empty.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} TiduChartRect;

/* Something under the pointer: a bar, a stacked segment, a matrix cell, an interval, a bullet. */
typedef struct
{
  TiduChartRect  rect;
  int            category;    /* index, or -1 */
  int            series;      /* index, or -1 */
  char          *key;         /* tidu_chart_data_make_key() or the interval's key; may be NULL */
  char          *label;       /* what it is, e.g. "2024 · 高新技术企业" */
  char          *value_text;  /* the exact figure, e.g. "1,234 家" */
} TiduChartHit;

typedef struct
{
  GPtrArray *hits;    /* TiduChartHit, in reading order (keyboard focus follows it) */
  GArray    *labels;  /* TiduChartRect of every piece of text drawn, for layout tests */
  char      *summary; /* one sentence for screen readers, e.g. "Tier ladder: 科技型中小企业 1,234 家, …" */
} TiduChartResult;

TiduChartResult *tidu_chart_render            (cairo_t              *cr,
                                               const TiduChartStyle *style,
                                               const TiduChartData  *data,
                                               double                width,
                                               double                height);
void             tidu_chart_result_free       (TiduChartResult      *result);
const TiduChartHit *tidu_chart_result_hit_at  (const TiduChartResult *result,
                                               double                x,
                                               double                y,
                                               guint                *index);
char            *tidu_chart_hit_get_tooltip   (const TiduChartHit   *hit);

gboolean         tidu_chart_write             (const char           *path,
                                               const TiduChartStyle *style,
                                               const TiduChartData  *data,
                                               int                   width,
                                               int                   height,
                                               GError              **error);

/* "Nice" axis ticks: multiples of 1, 2 or 5 × 10ⁿ from 0 (or below @min) to at least @max. */
guint            tidu_chart_nice_ticks        (double                min,
                                               double                max,
                                               guint                 max_ticks,
                                               double               *first,
                                               double               *step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduChartResult, tidu_chart_result_free)

G_END_DECLS
