/* tidu-chart-kinds.c: the six chart kinds, each a layout over the framework's pieces.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tidu-chart-private.h"

#define GAP 8.0

static double
value_or_zero (const TiduChartData *data,
               guint                series,
               guint                category)
{
  double value = tidu_chart_data_get_value (data, series, category);

  return isnan (value) ? 0 : value;
}

static const TiduChartColor *
cell_color (TiduChartCtx *ctx,
            guint         series,
            guint         category)
{
  const TiduChartCategory *c = tidu_chart_data_get_category (ctx->data, category);
  const TiduChartSeries *s = tidu_chart_data_get_series (ctx->data, series);

  if (c->color != TIDU_CHART_COLOR_NONE)
    return tidu_chart_style_get_color (ctx->style, c->color);
  return tidu_chart_style_get_color (ctx->style, s->color != TIDU_CHART_COLOR_NONE ? s->color : (int) series);
}

static const char **
category_labels (const TiduChartData *data)
{
  const char **labels = g_new0 (const char *, data->categories->len + 1);

  for (guint i = 0; i < data->categories->len; i++)
    labels[i] = tidu_chart_data_get_category (data, i)->label;
  return labels;
}

static void
series_legend (TiduChartCtx *ctx)
{
  const TiduChartData *data = ctx->data;
  g_autofree TiduChartLegendItem *items = g_new0 (TiduChartLegendItem, data->series->len);

  for (guint s = 0; s < data->series->len; s++)
    {
      const TiduChartSeries *series = tidu_chart_data_get_series (data, s);

      items[s].label = series->label;
      items[s].color = tidu_chart_style_get_color (ctx->style,
                                                   series->color != TIDU_CHART_COLOR_NONE ? series->color : (int) s);
    }
  tidu_chart_ctx_legend (ctx, items, data->series->len);
}

/* Draws @text centred in or beside a bar when it fits in @room; returns whether it did. */
static gboolean
show_fitting (TiduChartCtx         *ctx,
              const char           *text,
              double                x,
              double                y,
              double                room_width,
              double                room_height,
              const TiduChartColor *color,
              gboolean              centre)
{
  g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, text, ctx->small, 0, 1);
  double w, h;

  tidu_chart_ctx_size (layout, &w, &h);
  if (w > room_width || h > room_height)
    return FALSE;
  if (centre)
    tidu_chart_ctx_show (ctx, layout, x + (room_width - w) / 2, y + (room_height - h) / 2, color);
  else
    tidu_chart_ctx_show (ctx, layout, x, y + (room_height - h) / 2, color);
  return TRUE;
}

/* Ladder: a horizontal bar per tier, in ladder order from the top, each in its tier's colour;
 * more series (e.g. a year earlier) sit beside it in lighter shades. */
void
tidu_chart_draw_ladder (TiduChartCtx *ctx)
{
  const TiduChartData *data = ctx->data;
  guint n = data->categories->len, ns = data->series->len;
  g_autofree const char **labels = category_labels (data);
  double label_w, value_w = 0, max_value = 0, pitch, slice;
  TiduChartTicks ticks;
  TiduChartRect plot;

  if (ns > 1)
    {
      g_autofree TiduChartLegendItem *items = g_new0 (TiduChartLegendItem, ns);
      g_autofree TiduChartColor *shades = g_new0 (TiduChartColor, ns);

      for (guint s = 0; s < ns; s++)
        {
          shades[s] = ctx->style->foreground;
          shades[s].alpha *= 1.0 - 0.55 * s / (ns - 1);
          items[s].label = tidu_chart_data_get_series (data, s)->label;
          items[s].color = &shades[s];
        }
      tidu_chart_ctx_legend (ctx, items, ns);
    }

  for (guint s = 0; s < ns; s++)
    for (guint c = 0; c < n; c++)
      {
        double value = value_or_zero (data, s, c);
        g_autofree char *text = tidu_chart_data_format_value (data, value);

        max_value = MAX (max_value, value);
        value_w = MAX (value_w, tidu_chart_ctx_text_width (ctx, text, ctx->small));
      }
  value_w = MIN (ceil (value_w), ctx->area.width / 4);
  /* Rows thinner than a line of text show no values, and need no room for them. */
  if ((ctx->area.height - ctx->line) / n * 0.76 / ns + 1 < ctx->line * 0.9)
    value_w = 0;

  label_w = tidu_chart_ctx_row_labels_width (ctx, labels, n);
  plot.x = ctx->area.x + label_w + GAP;
  plot.y = ctx->area.y;
  plot.width = MAX (10, ctx->area.width - label_w - GAP - value_w - GAP);
  plot.height = MAX (10, ctx->area.height - ctx->line - 4);
  tidu_chart_ctx_ticks (ctx, max_value, plot.width, TRUE, &ticks);
  tidu_chart_ctx_draw_value_axis (ctx, &ticks, &plot, TRUE);

  pitch = plot.height / n;
  slice = pitch * 0.76 / ns;
  for (guint c = 0; c < n; c++)
    for (guint s = 0; s < ns; s++)
      {
        double value = value_or_zero (data, s, c);
        double w = ticks.top > 0 ? value / ticks.top * plot.width : 0;
        double y = plot.y + pitch * c + pitch * 0.12 + slice * s;
        const TiduChartColor *color = cell_color (ctx, s, c);
        g_autofree char *text = tidu_chart_data_format_value (data, value);

        tidu_chart_ctx_set_color (ctx, color, 1.0 - 0.55 * s / MAX (1, ns - 1));
        cairo_rectangle (ctx->cr, plot.x, y, MAX (w, value > 0 ? 1 : 0), slice - (ns > 1 ? 1 : 0));
        cairo_fill (ctx->cr);
        show_fitting (ctx, text, plot.x + w + 4, y, value_w + GAP - 4, slice + 1,
                      &ctx->style->foreground, FALSE);
        /* The whole row slice answers, so a short bar is as easy to hover as a long one. */
        tidu_chart_ctx_add_cell_hit (ctx, plot.x, ns > 1 ? y : plot.y + pitch * c,
                                     plot.width + value_w + GAP, ns > 1 ? slice : pitch, s, c);
      }

  tidu_chart_ctx_row_labels (ctx, labels, n, ctx->area.x, label_w, plot.y, pitch);
}

/* Columns per category, stacked (progression) or side by side (carrier performance). */
static void
draw_columns (TiduChartCtx *ctx,
              gboolean      stacked)
{
  const TiduChartData *data = ctx->data;
  guint n = data->categories->len, ns = data->series->len;
  g_autofree const char **labels = category_labels (data);
  g_autofree const char **notes = g_new0 (const char *, n + 1);
  double max_value = 0, tick_w, label_h, pitch, headroom;
  gboolean values_fit = TRUE;
  TiduChartTicks ticks;
  TiduChartRect plot;

  series_legend (ctx);

  for (guint c = 0; c < n; c++)
    {
      double total = 0;

      notes[c] = tidu_chart_data_get_category (data, c)->note;
      for (guint s = 0; s < ns; s++)
        {
          double value = MAX (0, value_or_zero (data, s, c));

          total = stacked ? total + value : MAX (total, value);
        }
      max_value = MAX (max_value, total);
    }

  /* Tick labels set the plot's left edge, which sets the column pitch, which sets how tall the
   * category labels are, which sets the plot's height and so the ticks: two passes settle it. */
  headroom = ctx->line + 2;
  tidu_chart_ctx_ticks (ctx, max_value, ctx->area.height * 0.7, FALSE, &ticks);
  tick_w = tidu_chart_ctx_ticks_label_width (ctx, &ticks);
  for (int pass = 0; pass < 2; pass++)
    {
      plot.x = ctx->area.x + tick_w + 6;
      plot.width = MAX (10, ctx->area.x + ctx->area.width - plot.x);
      pitch = plot.width / n;
      label_h = tidu_chart_ctx_column_labels (ctx, labels, notes, n, plot.x, pitch, 0, 2, FALSE, TRUE);
      plot.y = ctx->area.y + headroom;
      plot.height = MAX (10, ctx->area.height - headroom - label_h - 6);
      tidu_chart_ctx_ticks (ctx, max_value, plot.height, FALSE, &ticks);
      tick_w = tidu_chart_ctx_ticks_label_width (ctx, &ticks);
    }
  tidu_chart_ctx_draw_value_axis (ctx, &ticks, &plot, FALSE);

  /* Side-by-side bars show their values only when every one fits above its bar: a chart with
   * labels on some bars and not on others reads as if the others had none. */
  if (!stacked)
    for (guint c = 0; c < n && values_fit; c++)
      for (guint s = 0; s < ns && values_fit; s++)
        {
          g_autofree char *text = tidu_chart_data_format_number (data, value_or_zero (data, s, c));

          values_fit = tidu_chart_ctx_text_width (ctx, text, ctx->small) <= pitch * 0.84 / ns;
        }

  for (guint c = 0; c < n; c++)
    {
      double slot = plot.x + pitch * c;
      double base = plot.y + plot.height;
      double total = 0;

      if (stacked)
        {
          double bar_w = MAX (2, pitch * 0.62);
          double x = slot + (pitch - bar_w) / 2;

          for (guint s = 0; s < ns; s++)
            {
              double value = MAX (0, value_or_zero (data, s, c));
              double h = ticks.top > 0 ? value / ticks.top * plot.height : 0;
              const TiduChartColor *color = cell_color (ctx, s, c);
              g_autofree char *text = NULL;

              total += value;
              if (value <= 0)
                continue;
              tidu_chart_ctx_set_color (ctx, color, 1.0);
              cairo_rectangle (ctx->cr, x, base - h, bar_w, h);
              cairo_fill (ctx->cr);
              text = tidu_chart_data_format_number (data, value);
              show_fitting (ctx, text, x + 1, base - h, bar_w - 2, h, tidu_chart_ctx_text_on (ctx, color), TRUE);
              tidu_chart_ctx_add_cell_hit (ctx, x, base - h, bar_w, h, s, c);
              base -= h;
            }
          if (total > 0)
            {
              g_autofree char *text = tidu_chart_data_format_number (data, total);

              show_fitting (ctx, text, slot + 1, base - headroom, pitch - 2, headroom,
                            &ctx->style->foreground, TRUE);
            }
        }
      else
        {
          double group = pitch * 0.84;
          double bar_w = group / ns;

          for (guint s = 0; s < ns; s++)
            {
              double value = MAX (0, value_or_zero (data, s, c));
              double h = ticks.top > 0 ? value / ticks.top * plot.height : 0;
              double x = slot + (pitch - group) / 2 + bar_w * s;
              const TiduChartColor *color = cell_color (ctx, s, c);
              g_autofree char *text = tidu_chart_data_format_number (data, value);

              tidu_chart_ctx_set_color (ctx, color, 1.0);
              cairo_rectangle (ctx->cr, x + 0.5, base - h, MAX (1, bar_w - 1), h);
              cairo_fill (ctx->cr);
              /* A zero is a figure too: "0" over an empty bar, nothing where there is no figure. */
              if (values_fit && !isnan (tidu_chart_data_get_value (data, s, c)))
                show_fitting (ctx, text, x, base - h - headroom, bar_w, headroom, &ctx->style->foreground, TRUE);
              /* The bar's whole column answers, even when the bar is short or zero. */
              tidu_chart_ctx_add_cell_hit (ctx, x, plot.y, bar_w, plot.height, s, c);
            }
        }
    }

  tidu_chart_ctx_column_labels (ctx, labels, notes, n, plot.x, pitch, plot.y + plot.height + 6, 2, FALSE, FALSE);
}

void
tidu_chart_draw_progression (TiduChartCtx *ctx)
{
  draw_columns (ctx, TRUE);
}

void
tidu_chart_draw_carrier (TiduChartCtx *ctx)
{
  draw_columns (ctx, FALSE);
}

/* Transitions: rows are the tier in the first year, columns the tier in the second; a cell's
 * shade grows with its count. A scale under the matrix reads the shades. */
void
tidu_chart_draw_transitions (TiduChartCtx *ctx)
{
  const TiduChartData *data = ctx->data;
  guint n = data->categories->len, m = data->series->len;
  g_autofree const char **rows = category_labels (data);
  g_autofree const char **columns = g_new0 (const char *, m + 1);
  double max_value = 0, row_w, pitch_x, pitch_y, header_h = 0, title_h = 0;
  int max_lines;
  TiduChartRect grid;

  for (guint s = 0; s < m; s++)
    {
      columns[s] = tidu_chart_data_get_series (data, s)->label;
      for (guint c = 0; c < n; c++)
        max_value = MAX (max_value, value_or_zero (data, s, c));
    }

  /* The scale: "0 ▭▭▭▭ max" at the bottom. */
  {
    g_autofree char *top_text = tidu_chart_data_format_value (data, max_value);
    g_autoptr(PangoLayout) zero = tidu_chart_ctx_layout (ctx, "0", ctx->small, 0, 1);
    g_autoptr(PangoLayout) top = tidu_chart_ctx_layout (ctx, top_text, ctx->small, 0, 1);
    double zw, tw, h, ramp = MIN (160, ctx->area.width / 3), y, x;

    tidu_chart_ctx_size (zero, &zw, &h);
    tidu_chart_ctx_size (top, &tw, NULL);
    y = ctx->area.y + ctx->area.height - h;
    x = ctx->area.x + ctx->area.width - tw - 4 - ramp - 4 - zw;
    if (x >= ctx->area.x)
      {
        cairo_pattern_t *gradient = cairo_pattern_create_linear (x + zw + 4, 0, x + zw + 4 + ramp, 0);
        const TiduChartColor *a = &ctx->style->accent;

        tidu_chart_ctx_show (ctx, zero, x, y, &ctx->style->dim);
        cairo_pattern_add_color_stop_rgba (gradient, 0, a->red, a->green, a->blue, 0.06);
        cairo_pattern_add_color_stop_rgba (gradient, 1, a->red, a->green, a->blue, 0.96);
        cairo_set_source (ctx->cr, gradient);
        cairo_rectangle (ctx->cr, x + zw + 4, y + h * 0.2, ramp, h * 0.6);
        cairo_fill (ctx->cr);
        cairo_pattern_destroy (gradient);
        tidu_chart_ctx_show (ctx, top, x + zw + 4 + ramp + 4, y, &ctx->style->dim);
        ctx->area.height -= h + ctx->pad / 2;
      }
  }

  row_w = tidu_chart_ctx_row_labels_width (ctx, rows, n);
  if (data->category_title != NULL)
    row_w = MAX (row_w, MIN (ctx->area.width / 3, ceil (tidu_chart_ctx_text_width (ctx, data->category_title, ctx->small))));
  grid.x = ctx->area.x + row_w + GAP;
  grid.width = MAX (10, ctx->area.x + ctx->area.width - grid.x);
  pitch_x = grid.width / m;

  /* Axis titles on one line above the column labels: the first year over the row labels, the
   * second over the columns. */
  if (data->category_title != NULL || data->series_title != NULL)
    {
      if (data->category_title != NULL)
        {
          g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, data->category_title, ctx->small, row_w, 1);
          double w, h;

          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          tidu_chart_ctx_size (layout, &w, &h);
          tidu_chart_ctx_show (ctx, layout, ctx->area.x + row_w - w, ctx->area.y, &ctx->style->dim);
          title_h = MAX (title_h, h);
        }
      if (data->series_title != NULL)
        {
          g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, data->series_title, ctx->small, grid.width, 1);
          double w, h;

          tidu_chart_ctx_size (layout, &w, &h);
          tidu_chart_ctx_show (ctx, layout, grid.x + (grid.width - w) / 2, ctx->area.y, &ctx->style->dim);
          title_h = MAX (title_h, h);
        }
      title_h += 2;
    }
  /* Column labels may take three lines, but not the room every row needs for its label. */
  for (max_lines = 3; max_lines > 1; max_lines--)
    {
      header_h = tidu_chart_ctx_column_labels (ctx, columns, NULL, m, grid.x, pitch_x, 0, max_lines, TRUE, TRUE);
      if ((ctx->area.height - title_h - header_h - 4) / n >= ctx->line)
        break;
    }
  header_h = tidu_chart_ctx_column_labels (ctx, columns, NULL, m, grid.x, pitch_x, 0, max_lines, TRUE, TRUE);
  tidu_chart_ctx_column_labels (ctx, columns, NULL, m, grid.x, pitch_x, ctx->area.y + title_h, max_lines, TRUE, FALSE);
  grid.y = ctx->area.y + title_h + header_h + 4;
  grid.height = MAX (10, ctx->area.y + ctx->area.height - grid.y);
  pitch_y = grid.height / n;

  for (guint c = 0; c < n; c++)
    for (guint s = 0; s < m; s++)
      {
        double value = value_or_zero (data, s, c);
        double x = grid.x + pitch_x * s, y = grid.y + pitch_y * c;
        TiduChartColor fill = ctx->style->accent;
        g_autofree char *text = tidu_chart_data_format_number (data, value);

        fill.alpha = max_value > 0 ? 0.06 + 0.9 * value / max_value : 0.06;
        tidu_chart_ctx_set_color (ctx, &fill, 1.0);
        cairo_rectangle (ctx->cr, x + 1, y + 1, pitch_x - 2, pitch_y - 2);
        cairo_fill (ctx->cr);
        show_fitting (ctx, text, x + 2, y + 1, pitch_x - 4, pitch_y - 2, tidu_chart_ctx_text_on (ctx, &fill), TRUE);
        tidu_chart_ctx_add_cell_hit (ctx, x, y, pitch_x, pitch_y, s, c);
      }

  tidu_chart_ctx_row_labels (ctx, rows, n, ctx->area.x, row_w, grid.y, pitch_y);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/* A firm's tier timeline: a lane per tier, lowest at the bottom, a bar per certification over
 * the years it was valid, and a step line along the highest tier held. */
void
tidu_chart_draw_timeline (TiduChartCtx *ctx)
{
  const TiduChartData *data = ctx->data;
  guint n = data->categories->len;
  g_autofree const char **lanes = g_new0 (const char *, n + 1);
  guint32 first = G_MAXUINT32, last = 0, span;
  GDate from, to;
  double row_w, pitch, year_w = 0, bar_h;
  int year0, year1, every = 1;
  TiduChartRect plot;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint step_lanes = data->step_lanes > 0 ? MIN (data->step_lanes, n) : n;

  for (guint i = 0; i < data->intervals->len; i++)
    {
      const TiduChartInterval *interval = &g_array_index (data->intervals, TiduChartInterval, i);

      first = MIN (first, g_date_get_julian (&interval->start));
      last = MAX (last, g_date_valid (&interval->end) ? g_date_get_julian (&interval->end)
                                                      : g_date_get_julian (&interval->start) + 365);
    }
  if (g_date_valid (&data->start))
    first = g_date_get_julian (&data->start);
  if (g_date_valid (&data->end))
    last = MAX (last, g_date_get_julian (&data->end));
  if (last < first)
    last = first;

  /* Whole calendar years, so the axis labels sit in their year. */
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_julian (&from, first);
  g_date_set_julian (&to, last);
  year0 = g_date_get_year (&from);
  year1 = g_date_get_year (&to);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, year0);
  g_date_set_dmy (&to, 1, G_DATE_JANUARY, year1 + 1);
  first = g_date_get_julian (&from);
  span = g_date_get_julian (&to) - first;

  for (guint i = 0; i < n; i++)
    lanes[i] = tidu_chart_data_get_category (data, n - 1 - i)->label;
  row_w = tidu_chart_ctx_row_labels_width (ctx, lanes, n);
  plot.x = ctx->area.x + row_w + GAP;
  plot.y = ctx->area.y;
  plot.width = MAX (10, ctx->area.x + ctx->area.width - plot.x);
  plot.height = MAX (10, ctx->area.height - ctx->line - 4);
  pitch = plot.height / n;
  bar_h = MIN (pitch * 0.6, 26);

  /* Year bands and labels, every k-th year when they would crowd. */
  {
    g_autofree char *probe = g_strdup_printf ("%d", year1);

    year_w = tidu_chart_ctx_text_width (ctx, probe, ctx->small) + 8;
  }
  {
    double per_year = plot.width / (year1 - year0 + 1);

    while (per_year * every < year_w)
      every++;
  }
  cairo_set_line_width (ctx->cr, 1);
  for (int year = year0; year <= year1 + 1; year++)
    {
      GDate jan1;
      double x;

      g_date_clear (&jan1, 1);
      g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, year);
      x = round (plot.x + (double) (g_date_get_julian (&jan1) - first) / span * plot.width) + 0.5;
      tidu_chart_ctx_set_color (ctx, year == year0 ? &ctx->style->dim : &ctx->style->grid, 1.0);
      cairo_move_to (ctx->cr, x, plot.y);
      cairo_line_to (ctx->cr, x, plot.y + plot.height);
      cairo_stroke (ctx->cr);
      if (year <= year1 && (year - year0) % every == 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", year);
          double band = plot.width / (year1 - year0 + 1);

          show_fitting (ctx, text, x, plot.y + plot.height + 4, MIN (band * every, plot.x + plot.width - x),
                        ctx->line, &ctx->style->dim, every == 1);
        }
    }

  for (guint i = 0; i < data->intervals->len; i++)
    {
      const TiduChartInterval *interval = &g_array_index (data->intervals, TiduChartInterval, i);
      guint32 a = g_date_get_julian (&interval->start);
      guint32 b = g_date_valid (&interval->end) ? g_date_get_julian (&interval->end) + 1 : first + span;
      double x0 = plot.x + (double) (MAX (a, first) - first) / span * plot.width;
      double x1 = plot.x + (double) (MIN (b, first + span) - first) / span * plot.width;
      double y = plot.y + pitch * (n - 1 - interval->lane) + (pitch - bar_h) / 2;
      const TiduChartCategory *lane = tidu_chart_data_get_category (data, interval->lane);
      const TiduChartColor *color = tidu_chart_style_get_color (ctx->style,
                                                                lane->color != TIDU_CHART_COLOR_NONE ? lane->color : (int) interval->lane);

      x1 = MAX (x1, x0 + 3);
      tidu_chart_ctx_set_color (ctx, color, g_date_valid (&interval->end) ? 1.0 : 0.85);
      cairo_rectangle (ctx->cr, x0, y, x1 - x0, bar_h);
      cairo_fill (ctx->cr);
      tidu_chart_ctx_add_hit (ctx, x0, y, x1 - x0, bar_h, -1, (int) interval->lane,
                              g_strdup (interval->key), g_strdup (lane->label),
                              g_strdup (interval->text));
      g_array_append_val (changes, a);
      g_array_append_val (changes, b);
    }

  /* A rule between the main ladder's lanes and the parallel line's. */
  if (step_lanes < n)
    {
      double y = round (plot.y + pitch * (n - step_lanes)) + 0.5;
      const double dash[] = { 4, 3 };

      tidu_chart_ctx_set_color (ctx, &ctx->style->dim, 1.0);
      cairo_set_line_width (ctx->cr, 1);
      cairo_set_dash (ctx->cr, dash, 2, 0);
      cairo_move_to (ctx->cr, ctx->area.x, y);
      cairo_line_to (ctx->cr, plot.x + plot.width, y);
      cairo_stroke (ctx->cr);
      cairo_set_dash (ctx->cr, NULL, 0, 0);
    }

  /* The step line: at each date where a certification starts or ends, the highest lane held. */
  {
    gboolean drawing = FALSE;
    double last_y = 0;

    g_array_sort (changes, compare_days);

    tidu_chart_ctx_set_color (ctx, &ctx->style->foreground, 0.7);
    cairo_set_line_width (ctx->cr, 1.5);
    for (guint i = 0; i < changes->len; i++)
      {
        guint32 day = g_array_index (changes, guint32, i);
        double x = plot.x + (double) (CLAMP (day, first, first + span) - first) / span * plot.width;
        int top = -1;

        for (guint k = 0; k < data->intervals->len; k++)
          {
            const TiduChartInterval *interval = &g_array_index (data->intervals, TiduChartInterval, k);
            guint32 a = g_date_get_julian (&interval->start);
            guint32 b = g_date_valid (&interval->end) ? g_date_get_julian (&interval->end) + 1 : G_MAXUINT32;

            if (a <= day && day < b && interval->lane < step_lanes)
              top = MAX (top, (int) interval->lane);
          }
        if (drawing)
          cairo_line_to (ctx->cr, x, last_y);
        if (top < 0)
          {
            if (drawing)
              cairo_stroke (ctx->cr);
            drawing = FALSE;
            continue;
          }
        last_y = plot.y + pitch * (n - 1 - top) + pitch / 2;
        if (drawing)
          cairo_line_to (ctx->cr, x, last_y);
        else
          cairo_move_to (ctx->cr, x, last_y);
        drawing = TRUE;
      }
    if (drawing)
      {
        cairo_line_to (ctx->cr, plot.x + plot.width, last_y);
        cairo_stroke (ctx->cr);
      }
  }

  tidu_chart_ctx_row_labels (ctx, lanes, n, ctx->area.x, row_w, plot.y, pitch);
}

/* Target bullets: per indicator, a track up to the target, the actual figure as a bar, the
 * target as a rule and last year's figure as a dim rule; each row on its own scale. */
void
tidu_chart_draw_targets (TiduChartCtx *ctx)
{
  const TiduChartData *data = ctx->data;
  guint n = data->categories->len, ns = data->series->len;
  g_autofree const char **labels = category_labels (data);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  TiduChartLegendItem items[3];
  const TiduChartColor *actual_color = tidu_chart_style_get_color (ctx->style,
                                                                   ns > 0 && tidu_chart_data_get_series (data, 0)->color != TIDU_CHART_COLOR_NONE
                                                                   ? tidu_chart_data_get_series (data, 0)->color : 0);
  double row_w, value_w = 0, pitch, bar_h;
  TiduChartRect plot;

  for (guint s = 0; s < MIN (ns, 3); s++)
    {
      items[s].label = tidu_chart_data_get_series (data, s)->label;
      items[s].color = s == 0 ? actual_color : s == 1 ? &ctx->style->foreground : &ctx->style->dim;
      items[s].line = s > 0;
    }
  tidu_chart_ctx_legend (ctx, items, MIN (ns, 3));

  for (guint c = 0; c < n; c++)
    {
      double actual = ns > 0 ? tidu_chart_data_get_value (data, 0, c) : NAN;
      double target = ns > 1 ? tidu_chart_data_get_value (data, 1, c) : NAN;
      g_autofree char *a = tidu_chart_data_format_number (data, actual);
      g_autofree char *t = tidu_chart_data_format_number (data, target);
      char *text;

      if (!isnan (target) && target > 0 && !isnan (actual))
        {
          g_autofree char *percent = g_strdup_printf ("%.0f%%", floor (actual / target * 100));

          /* Translators: a target bullet's figures: actual / target · percent reached */
          text = g_strdup_printf (C_("chart", "%s / %s · %s"), a, t, percent);
        }
      else
        text = g_strdup_printf ("%s / %s", a, t);
      g_ptr_array_add (texts, text);
      value_w = MAX (value_w, tidu_chart_ctx_text_width (ctx, text, ctx->small));
    }
  value_w = MIN (ceil (value_w), ctx->area.width * 0.3);

  row_w = tidu_chart_ctx_row_labels_width (ctx, labels, n);
  pitch = MIN (ctx->area.height / n, ctx->line * 3);
  plot.x = ctx->area.x + row_w + GAP;
  plot.y = ctx->area.y;
  plot.width = MAX (10, ctx->area.width - row_w - GAP - value_w - GAP);
  plot.height = pitch * n;
  bar_h = MIN (pitch * 0.7, 28);

  for (guint c = 0; c < n; c++)
    {
      double actual = ns > 0 ? value_or_zero (data, 0, c) : 0;
      double target = ns > 1 ? value_or_zero (data, 1, c) : 0;
      double previous = ns > 2 ? tidu_chart_data_get_value (data, 2, c) : NAN;
      double scale = MAX (MAX (actual, target), isnan (previous) ? 0 : previous) * 1.08;
      double y = plot.y + pitch * c + (pitch - bar_h) / 2;
      GString *value_text = g_string_new (NULL);
      g_autofree char *a = tidu_chart_data_format_value (data, actual);
      g_autofree char *t = tidu_chart_data_format_value (data, target);
      g_autoptr(PangoLayout) layout = NULL;
      double w, h;

      if (scale <= 0)
        scale = 1;

      tidu_chart_ctx_set_color (ctx, &ctx->style->grid, 1.0);
      cairo_rectangle (ctx->cr, plot.x, y, plot.width, bar_h);
      cairo_fill (ctx->cr);
      tidu_chart_ctx_set_color (ctx, actual_color, 0.22);
      cairo_rectangle (ctx->cr, plot.x, y, target / scale * plot.width, bar_h);
      cairo_fill (ctx->cr);
      tidu_chart_ctx_set_color (ctx, actual_color, 1.0);
      cairo_rectangle (ctx->cr, plot.x, y + bar_h * 0.3, actual / scale * plot.width, bar_h * 0.4);
      cairo_fill (ctx->cr);
      if (target > 0)
        {
          tidu_chart_ctx_set_color (ctx, &ctx->style->foreground, 1.0);
          cairo_rectangle (ctx->cr, plot.x + target / scale * plot.width - 1, y + bar_h * 0.1, 2, bar_h * 0.8);
          cairo_fill (ctx->cr);
        }
      if (!isnan (previous))
        {
          tidu_chart_ctx_set_color (ctx, &ctx->style->dim, 1.0);
          cairo_rectangle (ctx->cr, plot.x + previous / scale * plot.width - 1, y + bar_h * 0.2, 2, bar_h * 0.6);
          cairo_fill (ctx->cr);
        }

      layout = tidu_chart_ctx_layout (ctx, g_ptr_array_index (texts, c), ctx->small, value_w, 1);
      tidu_chart_ctx_size (layout, &w, &h);
      if (h <= pitch)
        tidu_chart_ctx_show (ctx, layout, plot.x + plot.width + GAP, plot.y + pitch * c + (pitch - h) / 2,
                             &ctx->style->foreground);

      /* Translators: a target bullet's tooltip: the actual figure, then the target */
      g_string_append_printf (value_text, C_("chart", "%s of %s"), a, t);
      if (target > 0)
        g_string_append_printf (value_text, " (%.1f%%)", actual / target * 100);
      if (!isnan (previous))
        {
          g_autofree char *p = tidu_chart_data_format_value (data, previous);

          g_string_append (value_text, "; ");
          /* Translators: in a target bullet's tooltip, last year's figure */
          g_string_append_printf (value_text, C_("chart", "last year %s"), p);
        }
      tidu_chart_ctx_add_hit (ctx, plot.x, plot.y + pitch * c, plot.width + GAP + value_w, pitch, 0, (int) c,
                              g_strdup (tidu_chart_data_get_category (data, c)->key),
                              g_strdup (labels[c]), g_string_free (value_text, FALSE));
    }

  tidu_chart_ctx_row_labels (ctx, labels, n, ctx->area.x, row_w, plot.y, pitch);
}
