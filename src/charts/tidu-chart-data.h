/* tidu-chart-data.h: the plain data a chart draws, independent of the database.
 *
 * A chart is a table: categories (tiers, years, indicators) down one side, series (tiers, years,
 * measures) across the other, one number per cell. Timelines add dated intervals. Whoever
 * computes the numbers (the statistics in core, a test fixture) fills one of these and hands it
 * to tidu_chart_render(); nothing here knows about SQLite or GTK.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TIDU_CHART_LADDER,       /* horizontal bars, categories = tiers in ladder order */
  TIDU_CHART_PROGRESSION,  /* stacked bars: categories = years, series = tiers */
  TIDU_CHART_TRANSITIONS,  /* heat matrix: categories = tier in the first year, series = tier in the second */
  TIDU_CHART_TIMELINE,     /* one firm: lanes = tiers (categories), intervals on a time axis */
  TIDU_CHART_TARGETS,      /* bullets: categories = indicators, series 0 actual, 1 target, 2 last year */
  TIDU_CHART_CARRIER,      /* grouped bars: categories = years (note = grade), series = measures */
  TIDU_N_CHART_KINDS
} TiduChartKind;

/* Palette slots; tiers use TIDU_CHART_COLOR_TIER + ladder position so a tier keeps its colour
 * in every chart. */
enum
{
  TIDU_CHART_COLOR_NONE = -1,
  TIDU_CHART_COLOR_TIER = 0,
  TIDU_CHART_N_COLORS = 9,
};

typedef struct
{
  char *key;    /* identifies the category to whoever handles a click; may be NULL */
  char *label;  /* shown on the axis */
  char *note;   /* optional second line under the label, e.g. a carrier's grade; may be NULL */
  int   color;  /* palette slot, or TIDU_CHART_COLOR_NONE to use the series colour */
} TiduChartCategory;

typedef struct
{
  char   *key;
  char   *label;
  int     color;
  GArray *values;  /* double per category; NAN where there is no figure */
} TiduChartSeries;

typedef struct
{
  guint  lane;        /* category index */
  GDate  start;
  GDate  end;         /* invalid (cleared): still valid at the chart's end date */
  char  *key;
  char  *text;        /* the tooltip, e.g. "高新技术企业 GR202332001234, 2023-11-06 – 2026-11-05" */
} TiduChartInterval;

typedef struct _TiduChartData TiduChartData;

struct _TiduChartData
{
  /*< private >*/
  gatomicrefcount    ref_count;
  /*< public, read-only >*/
  TiduChartKind      kind;
  char              *title;
  char              *subtitle;
  char              *value_format;   /* printf format with one %s for the number, e.g. "%s 家" */
  char              *category_title; /* axis title for the categories, may be NULL */
  char              *series_title;   /* axis title for the series (matrix columns), may be NULL */
  char              *empty_message;
  int                decimals;
  GPtrArray         *categories;     /* TiduChartCategory */
  GPtrArray         *series;         /* TiduChartSeries */
  GArray            *intervals;      /* TiduChartInterval */
  GDate              start;          /* timeline range; invalid: from the intervals */
  GDate              end;
  guint              step_lanes;     /* timeline: the step line follows lanes below this; 0: all */
};

GType          tidu_chart_data_get_type           (void) G_GNUC_CONST;
#define TIDU_TYPE_CHART_DATA (tidu_chart_data_get_type ())

TiduChartData *tidu_chart_data_new                (TiduChartKind        kind,
                                                   const char          *title);
TiduChartData *tidu_chart_data_ref                (TiduChartData       *data);
void           tidu_chart_data_unref              (TiduChartData       *data);

void           tidu_chart_data_set_subtitle       (TiduChartData       *data,
                                                   const char          *subtitle);
void           tidu_chart_data_set_value_format   (TiduChartData       *data,
                                                   const char          *format,
                                                   int                  decimals);
void           tidu_chart_data_set_axis_titles    (TiduChartData       *data,
                                                   const char          *category_title,
                                                   const char          *series_title);
void           tidu_chart_data_set_empty_message  (TiduChartData       *data,
                                                   const char          *message);
void           tidu_chart_data_set_range          (TiduChartData       *data,
                                                   const GDate         *start,
                                                   const GDate         *end);

void           tidu_chart_data_set_step_lanes     (TiduChartData       *data,
                                                   guint                n_lanes);
guint          tidu_chart_data_add_category       (TiduChartData       *data,
                                                   const char          *key,
                                                   const char          *label,
                                                   int                  color);
void           tidu_chart_data_set_category_note  (TiduChartData       *data,
                                                   guint                category,
                                                   const char          *note);
guint          tidu_chart_data_add_series         (TiduChartData       *data,
                                                   const char          *key,
                                                   const char          *label,
                                                   int                  color);
void           tidu_chart_data_set_value          (TiduChartData       *data,
                                                   guint                series,
                                                   guint                category,
                                                   double               value);
double         tidu_chart_data_get_value          (const TiduChartData *data,
                                                   guint                series,
                                                   guint                category);
void           tidu_chart_data_add_interval       (TiduChartData       *data,
                                                   guint                lane,
                                                   const GDate         *start,
                                                   const GDate         *end,
                                                   const char          *key,
                                                   const char          *text);

guint          tidu_chart_data_get_n_categories   (const TiduChartData *data);
guint          tidu_chart_data_get_n_series       (const TiduChartData *data);
const TiduChartCategory *tidu_chart_data_get_category (const TiduChartData *data,
                                                       guint                category);
const TiduChartSeries   *tidu_chart_data_get_series   (const TiduChartData *data,
                                                       guint                series);
gboolean       tidu_chart_data_is_empty           (const TiduChartData *data);

char          *tidu_chart_data_format_number      (const TiduChartData *data,
                                                   double               value);
char          *tidu_chart_data_format_value       (const TiduChartData *data,
                                                   double               value);
char          *tidu_chart_data_make_key           (const TiduChartData *data,
                                                   guint                series,
                                                   guint                category);

const char    *tidu_chart_kind_to_string          (TiduChartKind        kind);
gboolean       tidu_chart_kind_from_string        (const char          *text,
                                                   TiduChartKind       *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduChartData, tidu_chart_data_unref)

G_END_DECLS
