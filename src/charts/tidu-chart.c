/* tidu-chart.c: the chart framework: text that is measured before it is placed, value axes
 * with nice ticks, legends, hit regions, and the one writer for PNG, SVG and PDF.
 *
 * Every piece of text is laid out with pango at its final size first and then placed where it
 * fits: labels wrap, thin out or end in an ellipsis rather than overlap or leave the chart.
 * The rectangle of each drawn text goes into the result so tests can check that promise.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "tidu-chart-private.h"

#define TICK_GAP 6.0

/* Nice ticks -------------------------------------------------------------------------------- */

static double
nice_step (double raw)
{
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5 * magnitude;
  return 10 * magnitude;
}

/**
 * tidu_chart_nice_ticks:
 * @max_ticks: at most this many ticks (at least 2)
 * @first: (out): the first tick, a multiple of @step at or below min(@min, 0)
 * @step: (out): 1, 2 or 5 × 10ⁿ
 *
 * Returns: the number of ticks; the last one, @first + (n − 1) × @step, is at or above @max.
 */
guint
tidu_chart_nice_ticks (double  min,
                       double  max,
                       guint   max_ticks,
                       double *first,
                       double *step)
{
  double lo = MIN (min, 0), hi = MAX (max, 0);
  double s;
  guint n;

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (lo) || !isfinite (hi))
    lo = hi = 0;
  if (hi - lo <= 0)
    hi = lo + 1;

  s = nice_step ((hi - lo) / (max_ticks - 1));
  for (;;)
    {
      double a = floor (lo / s + 1e-9) * s;
      double b = ceil (hi / s - 1e-9) * s;

      n = (guint) llround ((b - a) / s) + 1;
      if (n <= max_ticks)
        {
          *first = a;
          *step = s;
          return n;
        }
      s = nice_step (s * 1.01);
    }
}

/* Text -------------------------------------------------------------------------------------- */

/* A layout of @text; with @max_width > 0 it wraps at characters (Chinese has no spaces) to at
 * most @max_lines lines and ends in an ellipsis when that is not enough. */
PangoLayout *
tidu_chart_ctx_layout (TiduChartCtx               *ctx,
                       const char                 *text,
                       const PangoFontDescription *font,
                       double                      max_width,
                       int                         max_lines)
{
  PangoLayout *layout = pango_layout_new (ctx->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (1, max_width) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (1, max_lines));
    }
  return layout;
}

/* The logical size in user units; with a width set, only what the text takes. */
void
tidu_chart_ctx_size (PangoLayout *layout,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

double
tidu_chart_ctx_text_width (TiduChartCtx               *ctx,
                           const char                 *text,
                           const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, text, font, 0, 1);
  double width;

  tidu_chart_ctx_size (layout, &width, NULL);
  return width;
}

void
tidu_chart_ctx_set_color (TiduChartCtx         *ctx,
                          const TiduChartColor *color,
                          double                alpha)
{
  cairo_set_source_rgba (ctx->cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Draws @layout with the top left of its logical rectangle at @x, @y and records the box. */
void
tidu_chart_ctx_show (TiduChartCtx         *ctx,
                     PangoLayout          *layout,
                     double                x,
                     double                y,
                     const TiduChartColor *color)
{
  PangoRectangle logical;
  TiduChartRect box;

  pango_layout_get_extents (layout, NULL, &logical);
  box = (TiduChartRect) {
    x, y, (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE
  };
  if (box.width <= 0 || box.height <= 0)
    return;
  tidu_chart_ctx_set_color (ctx, color, 1.0);
  cairo_move_to (ctx->cr, x - (double) logical.x / PANGO_SCALE, y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (ctx->cr, layout);
  g_array_append_val (ctx->result->labels, box);
}

/* Near-black or white, whichever reads on @fill drawn over the background. */
const TiduChartColor *
tidu_chart_ctx_text_on (TiduChartCtx         *ctx,
                        const TiduChartColor *fill)
{
  static const TiduChartColor black = { 0, 0, 0, 0.87 };
  static const TiduChartColor white = { 1, 1, 1, 1 };
  const TiduChartColor *bg = &ctx->style->background;
  double a = fill->alpha;
  double r = fill->red * a + bg->red * (1 - a);
  double g = fill->green * a + bg->green * (1 - a);
  double b = fill->blue * a + bg->blue * (1 - a);
  double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;

  return luminance > 0.5 ? &black : &white;
}

/* Hits -------------------------------------------------------------------------------------- */

static void
hit_free (gpointer item)
{
  TiduChartHit *hit = item;

  g_free (hit->key);
  g_free (hit->label);
  g_free (hit->value_text);
  g_free (hit);
}

/* Takes @key, @label and @value_text. */
void
tidu_chart_ctx_add_hit (TiduChartCtx *ctx,
                        double        x,
                        double        y,
                        double        width,
                        double        height,
                        int           series,
                        int           category,
                        char         *key,
                        char         *label,
                        char         *value_text)
{
  TiduChartHit *hit = g_new0 (TiduChartHit, 1);

  hit->rect = (TiduChartRect) { x, y, MAX (width, 0), MAX (height, 0) };
  hit->series = series;
  hit->category = category;
  hit->key = key;
  hit->label = label;
  hit->value_text = value_text;
  g_ptr_array_add (ctx->result->hits, hit);
}

/* "2024 · 高新技术企业", or just the category when there is one series. */
char *
tidu_chart_ctx_cell_label (TiduChartCtx *ctx,
                           guint         series,
                           guint         category)
{
  const TiduChartData *data = ctx->data;
  const TiduChartCategory *c = tidu_chart_data_get_category (data, category);

  if (data->series->len > 1 && series < data->series->len)
    return g_strdup_printf ("%s · %s", c->label, tidu_chart_data_get_series (data, series)->label);
  return g_strdup (c->label);
}

void
tidu_chart_ctx_add_cell_hit (TiduChartCtx *ctx,
                             double        x,
                             double        y,
                             double        width,
                             double        height,
                             guint         series,
                             guint         category)
{
  double value = tidu_chart_data_get_value (ctx->data, series, category);

  tidu_chart_ctx_add_hit (ctx, x, y, width, height, series, category,
                          tidu_chart_data_make_key (ctx->data, series, category),
                          tidu_chart_ctx_cell_label (ctx, series, category),
                          tidu_chart_data_format_value (ctx->data, isnan (value) ? 0 : value));
}

/* Legend ------------------------------------------------------------------------------------ */

/* Lays the items out in lines at the bottom of the area, each swatch beside its label, and
 * takes their height off the area. */
void
tidu_chart_ctx_legend (TiduChartCtx              *ctx,
                       const TiduChartLegendItem *items,
                       guint                      n_items)
{
  double swatch = 10, gap = 4, spacing = 16;
  double max_text = MAX (1, ctx->area.width - swatch - gap);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree double *widths = g_new0 (double, n_items + 1);
  g_autofree guint *rows = g_new0 (guint, n_items + 1);
  double row_height = 0, x = 0, top;
  guint n_rows = 1;

  if (n_items == 0)
    return;

  for (guint i = 0; i < n_items; i++)
    {
      PangoLayout *layout = tidu_chart_ctx_layout (ctx, items[i].label, ctx->small, max_text, 1);
      double w, h;

      tidu_chart_ctx_size (layout, &w, &h);
      g_ptr_array_add (layouts, layout);
      widths[i] = swatch + gap + w;
      row_height = MAX (row_height, h);
      if (x > 0 && x + widths[i] > ctx->area.width)
        {
          n_rows++;
          x = 0;
        }
      rows[i] = n_rows - 1;
      x += widths[i] + spacing;
    }

  row_height += 4;
  top = ctx->area.y + ctx->area.height - n_rows * row_height;
  x = ctx->area.x;
  for (guint i = 0; i < n_items; i++)
    {
      double y = top + rows[i] * row_height;
      double h;

      if (i > 0 && rows[i] != rows[i - 1])
        x = ctx->area.x;
      tidu_chart_ctx_size (g_ptr_array_index (layouts, i), NULL, &h);
      tidu_chart_ctx_set_color (ctx, items[i].color, 1.0);
      if (items[i].line)
        cairo_rectangle (ctx->cr, x + swatch / 2 - 1, y + (h - swatch) / 2 - 1, 2, swatch + 2);
      else
        cairo_rectangle (ctx->cr, x, y + (h - swatch) / 2, swatch, swatch);
      cairo_fill (ctx->cr);
      tidu_chart_ctx_show (ctx, g_ptr_array_index (layouts, i), x + swatch + gap, y,
                           &ctx->style->foreground);
      x += widths[i] + spacing;
    }
  ctx->area.height = MAX (0, top - ctx->pad / 2 - ctx->area.y);
}

/* Category labels --------------------------------------------------------------------------- */

/* The width of a left label column: the widest label, but never more than a third of the area. */
double
tidu_chart_ctx_row_labels_width (TiduChartCtx  *ctx,
                                 const char   **labels,
                                 guint          n)
{
  double widest = 0;

  for (guint i = 0; i < n; i++)
    widest = MAX (widest, tidu_chart_ctx_text_width (ctx, labels[i], ctx->font));
  return ceil (MIN (widest, ctx->area.width / 3));
}

/* Labels at the left of rows @pitch apart, right-aligned in @width: each wraps to the lines its
 * row has room for; when rows are thinner than a line, every k-th row gets its label. */
void
tidu_chart_ctx_row_labels (TiduChartCtx  *ctx,
                           const char   **labels,
                           guint          n,
                           double         x,
                           double         width,
                           double         top,
                           double         pitch)
{
  guint every = 1;
  int lines;

  if (n == 0 || width < 4)
    return;
  while (every < n && pitch * every < ctx->line)
    every++;
  lines = MAX (1, (int) floor (pitch * every / ctx->line));
  lines = MIN (lines, 3);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double w, h, y;

      if (i % every != 0)
        continue;
      layout = tidu_chart_ctx_layout (ctx, labels[i], ctx->font, width, lines);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      tidu_chart_ctx_size (layout, &w, &h);
      y = top + pitch * i + pitch / 2 - h / 2;
      /* A thinned label reaching over the first or last row's edge would crowd the axis: skip it. */
      if (y < top - 0.5 || y + h > top + pitch * n + 0.5)
        continue;
      tidu_chart_ctx_show (ctx, layout, x + width - w, y, &ctx->style->foreground);
    }
}

/* Labels under columns @pitch apart (in the small font with @small), with an optional dim note
 * line each; wraps to up to @max_lines lines, thins out to every k-th column when even that does not fit. Returns the
 * height used. */
double
tidu_chart_ctx_column_labels (TiduChartCtx  *ctx,
                              const char   **labels,
                              const char   **notes,
                              guint          n,
                              double         left,
                              double         pitch,
                              double         top,
                              int            max_lines,
                              gboolean       small,
                              gboolean       measure_only)
{
  const PangoFontDescription *font = small ? ctx->small : ctx->font;
  double widest = 0, height = 0, slot;
  guint every = 1, start = 0;
  int lines = 1;

  if (n == 0)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      widest = MAX (widest, tidu_chart_ctx_text_width (ctx, labels[i], font));
      if (notes != NULL && notes[i] != NULL)
        widest = MAX (widest, tidu_chart_ctx_text_width (ctx, notes[i], ctx->small));
    }
  if (widest > pitch - 4)
    {
      /* Two or three lines are enough when every label wraps into them whole; otherwise show
       * fewer labels. */
      for (int tried = 2; tried <= max_lines && lines == 1; tried++)
        {
          gboolean fits = pitch - 4 >= ctx->line;

          for (guint i = 0; i < n && fits; i++)
            {
              g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, labels[i], font, pitch - 4, tried);

              fits = !pango_layout_is_ellipsized (layout);
            }
          if (fits)
            lines = tried;
        }
      if (lines == 1)
        while (every < n && widest > pitch * every - 4)
          every++;
    }

  /* Thinned labels are as wide as the widest, centred on their column; the first is the first
   * that stays inside the plot's width, then every k-th while they do. */
  slot = every > 1 ? MIN (widest, pitch * n) : pitch - 4;
  while (start < n && pitch * start + pitch / 2 - slot / 2 < -0.5)
    start++;

  for (guint i = start; i < n; i += every)
    {
      double centre = left + pitch * i + pitch / 2;
      g_autoptr(PangoLayout) layout = NULL;
      double w, h, y = top;

      if (centre + slot / 2 > left + pitch * n + 0.5)
        break;
      layout = tidu_chart_ctx_layout (ctx, labels[i], font, slot, lines);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      tidu_chart_ctx_size (layout, &w, &h);
      if (!measure_only)
        tidu_chart_ctx_show (ctx, layout, centre - w / 2, y, &ctx->style->foreground);
      y += h;
      if (notes != NULL && notes[i] != NULL && *notes[i] != '\0')
        {
          g_autoptr(PangoLayout) note = tidu_chart_ctx_layout (ctx, notes[i], ctx->small, slot, 1);

          tidu_chart_ctx_size (note, &w, &h);
          if (!measure_only)
            tidu_chart_ctx_show (ctx, note, centre - w / 2, y, &ctx->style->dim);
          y += h;
        }
      height = MAX (height, y - top);
    }
  return height;
}

/* Value axes -------------------------------------------------------------------------------- */

static char *
tick_text (TiduChartCtx *ctx,
           double        value)
{
  TiduChartData copy = *ctx->data;

  /* Ticks show whole numbers when the step is whole, whatever the value decimals. */
  copy.decimals = 0;
  return tidu_chart_data_format_number (&copy, value);
}

static char *
tick_text_step (TiduChartCtx         *ctx,
                const TiduChartTicks *ticks,
                double                value)
{
  TiduChartData copy = *ctx->data;

  copy.decimals = ticks->step >= 1 ? 0 : (int) MIN (6, ceil (-log10 (ticks->step)));
  if (copy.decimals == 0)
    return tick_text (ctx, value);
  return tidu_chart_data_format_number (&copy, value);
}

/* Ticks for 0 … @max_value along @length: as many as fit with their labels apart, and whole
 * steps for counts. */
void
tidu_chart_ctx_ticks (TiduChartCtx   *ctx,
                      double          max_value,
                      double          length,
                      gboolean        horizontal,
                      TiduChartTicks *ticks)
{
  guint max_ticks = 8;

  for (int attempt = 0; attempt < 4; attempt++)
    {
      double spacing;

      ticks->n = tidu_chart_nice_ticks (0, max_value, max_ticks, &ticks->first, &ticks->step);
      if (ctx->data->decimals == 0 && ticks->step < 1)
        {
          ticks->step = 1;
          ticks->n = (guint) ceil (MAX (max_value, 1)) + 1;
          ticks->first = 0;
        }
      ticks->top = ticks->first + (ticks->n - 1) * ticks->step;
      if (horizontal)
        spacing = tidu_chart_ctx_ticks_label_width (ctx, ticks) + 2 * TICK_GAP;
      else
        spacing = ctx->line * 1.6;
      if (ticks->n <= 2 || length / (ticks->n - 1) >= spacing)
        return;
      max_ticks = MAX (2, (guint) floor (length / spacing) + 1);
    }
  /* Still too many: keep only the ends. */
  ticks->step = ticks->top - ticks->first;
  ticks->n = 2;
}

double
tidu_chart_ctx_ticks_label_width (TiduChartCtx         *ctx,
                                  const TiduChartTicks *ticks)
{
  double widest = 0;

  for (guint i = 0; i < ticks->n; i++)
    {
      g_autofree char *text = tick_text_step (ctx, ticks, ticks->first + i * ticks->step);

      widest = MAX (widest, tidu_chart_ctx_text_width (ctx, text, ctx->small));
    }
  return ceil (widest);
}

/* Grid lines across @plot and tick labels outside it: below for a horizontal value axis, at
 * the left for a vertical one. Labels stay within the plot's extent on their axis. */
void
tidu_chart_ctx_draw_value_axis (TiduChartCtx         *ctx,
                                const TiduChartTicks *ticks,
                                const TiduChartRect  *plot,
                                gboolean              horizontal)
{
  double span = ticks->top - ticks->first;
  double last_right = -G_MAXDOUBLE;

  cairo_set_line_width (ctx->cr, 1);
  for (guint i = 0; i < ticks->n; i++)
    {
      double value = ticks->first + i * ticks->step;
      double f = span > 0 ? (value - ticks->first) / span : 0;
      g_autofree char *text = tick_text_step (ctx, ticks, value);
      g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, text, ctx->small, 0, 1);
      double w, h;

      tidu_chart_ctx_size (layout, &w, &h);
      tidu_chart_ctx_set_color (ctx, i == 0 ? &ctx->style->dim : &ctx->style->grid, 1.0);
      if (horizontal)
        {
          double x = round (plot->x + f * plot->width) + 0.5;
          double lx = CLAMP (x - w / 2, ctx->area.x, ctx->area.x + ctx->area.width - w);

          cairo_move_to (ctx->cr, x, plot->y);
          cairo_line_to (ctx->cr, x, plot->y + plot->height);
          cairo_stroke (ctx->cr);

          /* Pushed in from the chart's edge, a label could meet its neighbour: drop it then. */
          if (lx >= last_right + TICK_GAP)
            {
              tidu_chart_ctx_show (ctx, layout, lx, plot->y + plot->height + TICK_GAP / 2, &ctx->style->dim);
              last_right = lx + w;
            }
        }
      else
        {
          double y = round (plot->y + plot->height - f * plot->height) + 0.5;

          cairo_move_to (ctx->cr, plot->x, y);
          cairo_line_to (ctx->cr, plot->x + plot->width, y);
          cairo_stroke (ctx->cr);
          tidu_chart_ctx_show (ctx, layout, plot->x - TICK_GAP - w,
                               MAX (y - h / 2, plot->y - h / 2),
                               &ctx->style->dim);
        }
    }
}

/* Render ------------------------------------------------------------------------------------ */

static void
append_summary (TiduChartCtx *ctx)
{
  const TiduChartData *data = ctx->data;
  GString *text = g_string_new (data->title != NULL ? data->title : "");
  guint shown = 0;

  if (data->subtitle != NULL)
    g_string_append_printf (text, " (%s)", data->subtitle);
  for (guint i = 0; i < ctx->result->hits->len && shown < 24; i++, shown++)
    {
      TiduChartHit *hit = g_ptr_array_index (ctx->result->hits, i);

      g_string_append (text, i == 0 ? ": " : "; ");
      g_string_append_printf (text, "%s %s", hit->label, hit->value_text != NULL ? hit->value_text : "");
    }
  if (ctx->result->hits->len > shown)
    g_string_append (text, "; …");
  ctx->result->summary = g_string_free (text, FALSE);
}

static void
draw_header (TiduChartCtx *ctx)
{
  const TiduChartData *data = ctx->data;
  double y = ctx->area.y;

  if (data->title != NULL && *data->title != '\0')
    {
      g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, data->title, ctx->title, ctx->area.width, 1);
      double h;

      tidu_chart_ctx_size (layout, NULL, &h);
      tidu_chart_ctx_show (ctx, layout, ctx->area.x, y, &ctx->style->foreground);
      y += h + 2;
    }
  if (data->subtitle != NULL && *data->subtitle != '\0')
    {
      g_autoptr(PangoLayout) layout = tidu_chart_ctx_layout (ctx, data->subtitle, ctx->small, ctx->area.width, 2);
      double h;

      tidu_chart_ctx_size (layout, NULL, &h);
      tidu_chart_ctx_show (ctx, layout, ctx->area.x, y, &ctx->style->dim);
      y += h;
    }
  if (y > ctx->area.y)
    y += ctx->pad;
  ctx->area.height -= y - ctx->area.y;
  ctx->area.y = y;
}

/**
 * tidu_chart_render:
 * @cr: where to draw; the chart fills (0, 0, @width, @height) of the user space
 *
 * Draws @data as its kind says, or the empty state when it has nothing to plot.
 *
 * Returns: (transfer full): the hit regions, in user space, and the drawn text boxes.
 */
TiduChartResult *
tidu_chart_render (cairo_t              *cr,
                   const TiduChartStyle *style,
                   const TiduChartData  *data,
                   double                width,
                   double                height)
{
  TiduChartResult *result = g_new0 (TiduChartResult, 1);
  TiduChartCtx ctx = { 0 };

  g_return_val_if_fail (cr != NULL && style != NULL && data != NULL, NULL);

  result->hits = g_ptr_array_new_with_free_func (hit_free);
  result->labels = g_array_new (FALSE, FALSE, sizeof (TiduChartRect));

  if (tidu_chart_data_is_empty (data) || width < 60 || height < 60)
    {
      tidu_chart_draw_empty (cr, style, width, height, data->title,
                             data->empty_message != NULL ? data->empty_message
                                                         : _("Nothing to show for these filters"));
      result->summary = g_strdup_printf ("%s: %s", data->title != NULL ? data->title : "",
                                         data->empty_message != NULL ? data->empty_message
                                                                     : _("Nothing to show for these filters"));
      return result;
    }

  cairo_save (cr);
  ctx.cr = cr;
  ctx.style = style;
  ctx.data = data;
  ctx.width = width;
  ctx.height = height;
  ctx.result = result;
  ctx.pango = pango_cairo_create_context (cr);
  ctx.font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (ctx.font, 12.5 * PANGO_SCALE);
  ctx.small = pango_font_description_copy (ctx.font);
  pango_font_description_set_absolute_size (ctx.small, 11 * PANGO_SCALE);
  ctx.title = pango_font_description_copy (ctx.font);
  pango_font_description_set_absolute_size (ctx.title, 15 * PANGO_SCALE);
  pango_font_description_set_weight (ctx.title, PANGO_WEIGHT_BOLD);
  ctx.pad = MAX (8.0, MIN (16.0, MIN (width, height) * 0.03));
  {
    g_autoptr(PangoLayout) probe = tidu_chart_ctx_layout (&ctx, "国Ag", ctx.font, 0, 1);

    tidu_chart_ctx_size (probe, NULL, &ctx.line);
  }
  ctx.area = (TiduChartRect) { ctx.pad, ctx.pad, width - 2 * ctx.pad, height - 2 * ctx.pad };

  tidu_chart_ctx_set_color (&ctx, &style->background, 1.0);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  draw_header (&ctx);

  switch (data->kind)
    {
    case TIDU_CHART_LADDER:
      tidu_chart_draw_ladder (&ctx);
      break;
    case TIDU_CHART_PROGRESSION:
      tidu_chart_draw_progression (&ctx);
      break;
    case TIDU_CHART_TRANSITIONS:
      tidu_chart_draw_transitions (&ctx);
      break;
    case TIDU_CHART_TIMELINE:
      tidu_chart_draw_timeline (&ctx);
      break;
    case TIDU_CHART_TARGETS:
      tidu_chart_draw_targets (&ctx);
      break;
    case TIDU_CHART_CARRIER:
      tidu_chart_draw_carrier (&ctx);
      break;
    case TIDU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }

  append_summary (&ctx);
  g_object_unref (ctx.pango);
  pango_font_description_free (ctx.font);
  pango_font_description_free (ctx.small);
  pango_font_description_free (ctx.title);
  cairo_restore (cr);
  return result;
}

void
tidu_chart_result_free (TiduChartResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->hits);
  g_array_unref (result->labels);
  g_free (result->summary);
  g_free (result);
}

/**
 * tidu_chart_result_hit_at:
 * @index: (out) (optional): the hit's index in @result->hits
 *
 * Returns: (nullable): the hit region under (@x, @y), the last drawn when several overlap.
 */
const TiduChartHit *
tidu_chart_result_hit_at (const TiduChartResult *result,
                          double                 x,
                          double                 y,
                          guint                 *index)
{
  if (result == NULL)
    return NULL;
  for (guint i = result->hits->len; i > 0; i--)
    {
      const TiduChartHit *hit = g_ptr_array_index (result->hits, i - 1);

      if (x >= hit->rect.x && x < hit->rect.x + hit->rect.width
          && y >= hit->rect.y && y < hit->rect.y + hit->rect.height)
        {
          if (index != NULL)
            *index = i - 1;
          return hit;
        }
    }
  return NULL;
}

/* "2024 · 高新技术企业: 1,234 家" */
char *
tidu_chart_hit_get_tooltip (const TiduChartHit *hit)
{
  g_return_val_if_fail (hit != NULL, NULL);
  if (hit->value_text == NULL)
    return g_strdup (hit->label);
  /* Translators: a chart tooltip: what the bar is, then its exact value */
  return g_strdup_printf (C_("chart", "%s: %s"), hit->label, hit->value_text);
}

/* Files ------------------------------------------------------------------------------------- */

/**
 * tidu_chart_write_surface:
 * @path: a file ending in .png, .svg or .pdf (any case); the ending picks the format
 *
 * Creates the surface, lets @paint draw on it and writes the file, or says why not.
 */
gboolean
tidu_chart_write_surface (const char          *path,
                          int                  width,
                          int                  height,
                          TiduChartPaintFunc   paint,
                          gpointer             user_data,
                          GError             **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png = FALSE;

  if (width <= 0 || height <= 0 || width > 20000 || height > 20000)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A chart must be between 1 and 20000 pixels wide and high, not %d × %d."),
                   width, height);
      return FALSE;
    }

  if (g_str_has_suffix (lower, ".png"))
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      png = TRUE;
    }
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (path, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (path, width, height);
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in .png, .svg or .pdf."), display);
      return FALSE;
    }

  cr = cairo_create (surface);
  paint (cr, width, height, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    {
      if (png)
        status = cairo_surface_write_to_png (surface, path);
      else
        {
          cairo_surface_finish (surface);
          status = cairo_surface_status (surface);
        }
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be written to “%s”: %s"), display,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const TiduChartStyle *style;
  const TiduChartData  *data;
} PaintChart;

static void
paint_chart (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  PaintChart *paint = user_data;

  tidu_chart_result_free (tidu_chart_render (cr, paint->style, paint->data, width, height));
}

/**
 * tidu_chart_write:
 * @path: a file ending in .png, .svg or .pdf; the ending picks the format
 *
 * Writes the chart exactly as the widget draws it, at @width × @height pixels (points in
 * SVG and PDF).
 */
gboolean
tidu_chart_write (const char           *path,
                  const TiduChartStyle *style,
                  const TiduChartData  *data,
                  int                   width,
                  int                   height,
                  GError              **error)
{
  PaintChart paint = { style, data };

  g_return_val_if_fail (path != NULL && style != NULL && data != NULL, FALSE);
  return tidu_chart_write_surface (path, width, height, paint_chart, &paint, error);
}
