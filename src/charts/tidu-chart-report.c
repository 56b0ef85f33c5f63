/* tidu-chart-report.c: charts, headings, text and tables flowed onto A4 PDF pages.
 *
 * Content goes down the page in the order it is added; what does not fit starts a new page,
 * and a table that runs over repeats its header row. The file is written beside the target
 * and renamed into place only when it is complete, so a failed export never leaves half a PDF
 * where the officer expects the report.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "tidu-chart-private.h"
#include "tidu-chart-report.h"

#define A4_WIDTH 595.28
#define A4_HEIGHT 841.89
#define MARGIN 48.0

struct _TiduChartReport
{
  char                 *path;
  char                 *partial;
  TiduChartStyle        style;
  cairo_surface_t      *surface;
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *heading;
  PangoFontDescription *body;
  PangoFontDescription *bold;
  char                 *footer;
  double                y;
  guint                 n_pages;
  gboolean              page_used;
  gboolean              finished;
  GPtrArray            *pages;     /* recording mode: a recording surface per finished page */
};

static PangoLayout *
make_layout (TiduChartReport            *report,
             const char                 *text,
             const PangoFontDescription *font,
             double                      width)
{
  PangoLayout *layout = pango_layout_new (report->pango);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_width (layout, (int) (MAX (1, width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static void
show (TiduChartReport      *report,
      PangoLayout          *layout,
      double                x,
      double                y,
      const TiduChartColor *color)
{
  cairo_set_source_rgba (report->cr, color->red, color->green, color->blue, color->alpha);
  cairo_move_to (report->cr, x, y);
  pango_cairo_show_layout (report->cr, layout);
}

static void
draw_footer (TiduChartReport *report)
{
  g_autofree char *number = g_strdup_printf (C_("chart", "Page %u"), report->n_pages + 1);
  g_autoptr(PangoLayout) page = make_layout (report, number, report->body, A4_WIDTH - 2 * MARGIN);

  pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
  show (report, page, MARGIN, A4_HEIGHT - MARGIN + 12, &report->style.dim);
  if (report->footer != NULL)
    {
      g_autoptr(PangoLayout) footer = make_layout (report, report->footer, report->body, A4_WIDTH - 2 * MARGIN - 80);

      pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_END);
      show (report, footer, MARGIN, A4_HEIGHT - MARGIN + 12, &report->style.dim);
    }
}

static void
begin_page_if_needed (TiduChartReport *report)
{
  if (report->page_used)
    return;
  cairo_set_source_rgba (report->cr, report->style.background.red, report->style.background.green,
                         report->style.background.blue, 1.0);
  cairo_paint (report->cr);
  report->page_used = TRUE;
  report->y = MARGIN;
}

static void init_fonts (TiduChartReport *report);

static cairo_surface_t *
new_recording_page (void)
{
  cairo_rectangle_t extents = { 0, 0, A4_WIDTH, A4_HEIGHT };

  return cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
}

/* Ends the page: shown in the PDF, or kept as a recording for printing. */
static void
show_page (TiduChartReport *report)
{
  if (report->pages == NULL)
    {
      cairo_show_page (report->cr);
      return;
    }
  g_clear_pointer (&report->cr, cairo_destroy);
  g_ptr_array_add (report->pages, report->surface);
  report->surface = new_recording_page ();
  report->cr = cairo_create (report->surface);
}

/**
 * tidu_chart_report_new_page:
 *
 * Ends the current page (if anything is on it); what comes next starts at the top of a page.
 */
void
tidu_chart_report_new_page (TiduChartReport *report)
{
  if (!report->page_used)
    return;
  draw_footer (report);
  show_page (report);
  report->n_pages++;
  report->page_used = FALSE;
  report->y = MARGIN;
}

/* Starts a new page unless @height fits below what is there. */
static void
reserve (TiduChartReport *report,
         double           height)
{
  begin_page_if_needed (report);
  if (report->y > MARGIN && report->y + height > A4_HEIGHT - MARGIN)
    {
      tidu_chart_report_new_page (report);
      begin_page_if_needed (report);
    }
}

/**
 * tidu_chart_report_new:
 * @path: the PDF to write; it appears only when tidu_chart_report_finish() succeeds
 * @style: the palette, normally tidu_chart_style_init_light() for paper
 *
 * Returns: (transfer full) (nullable): a report on A4 portrait pages, or %NULL with @error set
 */
TiduChartReport *
tidu_chart_report_new (const char           *path,
                       const TiduChartStyle *style,
                       GError              **error)
{
  g_autoptr(TiduChartReport) report = g_new0 (TiduChartReport, 1);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  cairo_status_t status;

  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” does not end in .pdf: reports are PDF files."), display);
      return NULL;
    }

  report->path = g_strdup (path);
  report->partial = g_strconcat (path, ".part", NULL);
  report->style = *style;
  report->surface = cairo_pdf_surface_create (report->partial, A4_WIDTH, A4_HEIGHT);
  status = cairo_surface_status (report->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The chart could not be written to “%s”: %s"), display,
                   cairo_status_to_string (status));
      return NULL;
    }
  report->cr = cairo_create (report->surface);
  init_fonts (report);
  return g_steal_pointer (&report);
}

/**
 * tidu_chart_report_new_recording:
 * @style: the palette
 *
 * Returns: (transfer full): a report whose pages are recorded rather than written, for
 *   printing the same pages as the PDF (tidu_chart_report_get_pages())
 */
TiduChartReport *
tidu_chart_report_new_recording (const TiduChartStyle *style)
{
  TiduChartReport *report = g_new0 (TiduChartReport, 1);

  report->style = *style;
  report->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  report->surface = new_recording_page ();
  report->cr = cairo_create (report->surface);
  init_fonts (report);
  return report;
}

/**
 * tidu_chart_report_get_pages:
 *
 * Returns: (transfer none) (element-type cairo_surface_t) (nullable): after
 *   tidu_chart_report_finish() on a recording report, its pages as recording surfaces of
 *   595.28 × 841.89 points (A4); %NULL for a PDF report
 */
GPtrArray *
tidu_chart_report_get_pages (TiduChartReport *report)
{
  return report->pages;
}

static void
init_fonts (TiduChartReport *report)
{
  report->pango = pango_cairo_create_context (report->cr);
  report->body = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (report->body, 10 * PANGO_SCALE);
  report->bold = pango_font_description_copy (report->body);
  pango_font_description_set_weight (report->bold, PANGO_WEIGHT_BOLD);
  report->heading = pango_font_description_copy (report->bold);
  pango_font_description_set_absolute_size (report->heading, 16 * PANGO_SCALE);
  report->y = MARGIN;
}

/* A line at the bottom of every page, e.g. "科创梯度报告 · 京口区 · 2025-12-31". */
void
tidu_chart_report_set_footer (TiduChartReport *report,
                              const char      *footer)
{
  g_free (report->footer);
  report->footer = g_strdup (footer);
}

void
tidu_chart_report_add_heading (TiduChartReport *report,
                               const char      *text)
{
  g_autoptr(PangoLayout) layout = make_layout (report, text, report->heading, A4_WIDTH - 2 * MARGIN);
  double h = layout_height (layout);

  /* A heading keeps at least a little of what follows on its page. */
  reserve (report, h + 80);
  if (report->y > MARGIN)
    report->y += 8;
  show (report, layout, MARGIN, report->y, &report->style.foreground);
  report->y += h + 8;
}

void
tidu_chart_report_add_text (TiduChartReport *report,
                            const char      *text)
{
  g_autoptr(PangoLayout) layout = make_layout (report, text, report->body, A4_WIDTH - 2 * MARGIN);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  /* Line by line, so a long paragraph continues on the next page. */
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int baseline = pango_layout_iter_get_baseline (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      reserve (report, (double) logical.height / PANGO_SCALE);
      cairo_set_source_rgba (report->cr, report->style.foreground.red, report->style.foreground.green,
                             report->style.foreground.blue, report->style.foreground.alpha);
      cairo_move_to (report->cr, MARGIN + (double) logical.x / PANGO_SCALE,
                     report->y + (double) (baseline - logical.y) / PANGO_SCALE);
      pango_cairo_show_layout_line (report->cr, line);
      report->y += (double) logical.height / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  report->y += 6;
}

/**
 * tidu_chart_report_add_chart:
 * @height: the chart's height in points; it takes the full text width
 *
 * Draws the chart with the same renderer as the screen and the single-chart files.
 */
void
tidu_chart_report_add_chart (TiduChartReport     *report,
                             const TiduChartData *data,
                             double               height)
{
  double width = A4_WIDTH - 2 * MARGIN;

  height = CLAMP (height, 80, A4_HEIGHT - 2 * MARGIN);
  reserve (report, height);
  cairo_save (report->cr);
  cairo_translate (report->cr, MARGIN, report->y);
  tidu_chart_result_free (tidu_chart_render (report->cr, &report->style, data, width, height));
  cairo_restore (report->cr);
  report->y += height + 12;
}

static double
draw_row (TiduChartReport *report,
          const char     **cells,
          guint            n_columns,
          const double    *widths,
          gboolean         header,
          gboolean         measure_only)
{
  double x = MARGIN, height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (report, cells[i], header ? report->bold : report->body, widths[i] - 8);
      double h = layout_height (layout);

      pango_layout_set_alignment (layout, i > 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      if (!measure_only)
        show (report, layout, x + 4, report->y + 3, &report->style.foreground);
      height = MAX (height, h + 6);
      x += widths[i];
    }
  return height;
}

static void
rule (TiduChartReport *report,
      double           width,
      gboolean         strong)
{
  const TiduChartColor *color = strong ? &report->style.dim : &report->style.grid;

  cairo_set_source_rgba (report->cr, color->red, color->green, color->blue, color->alpha);
  cairo_set_line_width (report->cr, strong ? 1 : 0.5);
  cairo_move_to (report->cr, MARGIN, report->y);
  cairo_line_to (report->cr, MARGIN + width, report->y);
  cairo_stroke (report->cr);
}

/**
 * tidu_chart_report_add_table:
 * @columns: (array zero-terminated=1): the header cells
 * @rows: (element-type GStrv): each row's cells, as many as @columns
 *
 * The first column is the row label (left-aligned), the others figures (right-aligned). Column
 * widths follow their widest cell; cells wrap; the header repeats on each page.
 */
void
tidu_chart_report_add_table (TiduChartReport    *report,
                             const char * const *columns,
                             GPtrArray          *rows)
{
  guint n_columns = g_strv_length ((char **) columns);
  g_autofree double *widths = g_new0 (double, n_columns);
  double total = 0, width = A4_WIDTH - 2 * MARGIN, header_h;

  if (n_columns == 0)
    return;

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (report, columns[i], report->bold, width);
      int w, h;

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      widths[i] = w + 12;
    }
  for (guint r = 0; r < rows->len; r++)
    {
      const char **cells = g_ptr_array_index (rows, r);

      for (guint i = 0; i < n_columns && cells[i] != NULL; i++)
        {
          g_autoptr(PangoLayout) layout = make_layout (report, cells[i], report->body, width);
          int w, h;

          pango_layout_set_width (layout, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          widths[i] = MAX (widths[i], w + 12);
        }
    }
  for (guint i = 0; i < n_columns; i++)
    total += widths[i];
  /* Too wide: columns shrink in proportion and their text wraps. */
  if (total > width)
    for (guint i = 0; i < n_columns; i++)
      widths[i] *= width / total;
  total = MIN (total, width);

  header_h = draw_row (report, (const char **) columns, n_columns, widths, TRUE, TRUE);
  reserve (report, header_h * 3);
  draw_row (report, (const char **) columns, n_columns, widths, TRUE, FALSE);
  report->y += header_h;
  rule (report, total, TRUE);

  for (guint r = 0; r < rows->len; r++)
    {
      const char **cells = g_ptr_array_index (rows, r);
      double h = draw_row (report, cells, n_columns, widths, FALSE, TRUE);

      if (report->y + h > A4_HEIGHT - MARGIN)
        {
          tidu_chart_report_new_page (report);
          begin_page_if_needed (report);
          draw_row (report, (const char **) columns, n_columns, widths, TRUE, FALSE);
          report->y += header_h;
          rule (report, total, TRUE);
        }
      draw_row (report, cells, n_columns, widths, FALSE, FALSE);
      report->y += h;
      rule (report, total, FALSE);
    }
  report->y += 12;
}

/* The chart's numbers as a table: a row per category, a column per series. */
void
tidu_chart_report_add_data_table (TiduChartReport     *report,
                                  const TiduChartData *data)
{
  guint ns = data->series->len;
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  g_auto(GStrv) columns = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  /* A timeline's numbers are its certificates: the tier, then the certificate's dates. */
  if (data->kind == TIDU_CHART_TIMELINE)
    {
      const char *timeline_columns[] = { data->category_title != NULL ? data->category_title : "", "", NULL };

      for (guint i = 0; i < data->intervals->len; i++)
        {
          const TiduChartInterval *interval = &g_array_index (data->intervals, TiduChartInterval, i);
          char **row = g_new0 (char *, 3);

          row[0] = g_strdup (tidu_chart_data_get_category (data, interval->lane)->label);
          row[1] = g_strdup (interval->text != NULL ? interval->text : "");
          g_ptr_array_add (rows, row);
        }
      tidu_chart_report_add_table (report, timeline_columns, rows);
      return;
    }

  g_strv_builder_add (header, data->category_title != NULL ? data->category_title : "");
  for (guint s = 0; s < ns; s++)
    g_strv_builder_add (header, tidu_chart_data_get_series (data, s)->label);
  columns = g_strv_builder_end (header);

  for (guint c = 0; c < data->categories->len; c++)
    {
      const TiduChartCategory *category = tidu_chart_data_get_category (data, c);
      char **row = g_new0 (char *, ns + 2);

      if (category->note != NULL)
        row[0] = g_strdup_printf ("%s (%s)", category->label, category->note);
      else
        row[0] = g_strdup (category->label);
      for (guint s = 0; s < ns; s++)
        row[s + 1] = tidu_chart_data_format_number (data, tidu_chart_data_get_value (data, s, c));
      g_ptr_array_add (rows, row);
    }
  tidu_chart_report_add_table (report, (const char * const *) columns, rows);
}

guint
tidu_chart_report_get_n_pages (TiduChartReport *report)
{
  return report->n_pages + (report->page_used ? 1 : 0);
}

/**
 * tidu_chart_report_finish:
 *
 * Ends the last page, completes the PDF and moves it to the report's path.
 */
gboolean
tidu_chart_report_finish (TiduChartReport  *report,
                          GError          **error)
{
  g_autofree char *display = NULL;
  cairo_status_t status;
  int saved;

  g_return_val_if_fail (!report->finished, FALSE);
  report->finished = TRUE;

  begin_page_if_needed (report);
  draw_footer (report);
  show_page (report);
  report->n_pages++;
  report->page_used = FALSE;
  g_clear_pointer (&report->cr, cairo_destroy);
  if (report->pages != NULL)
    {
      /* The blank page show_page() started after the last one. */
      g_clear_pointer (&report->surface, cairo_surface_destroy);
      return TRUE;
    }
  cairo_surface_finish (report->surface);
  status = cairo_surface_status (report->surface);
  g_clear_pointer (&report->surface, cairo_surface_destroy);

  if (status == CAIRO_STATUS_SUCCESS && g_rename (report->partial, report->path) == 0)
    return TRUE;
  saved = errno;
  display = g_filename_display_name (report->path);
  g_unlink (report->partial);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The chart could not be written to “%s”: %s"), display,
               status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved));
  return FALSE;
}

void
tidu_chart_report_free (TiduChartReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->cr, cairo_destroy);
  if (report->surface != NULL && report->pages != NULL)
    g_clear_pointer (&report->surface, cairo_surface_destroy);
  g_clear_pointer (&report->pages, g_ptr_array_unref);
  if (report->surface != NULL)
    {
      /* Abandoned before finishing: nothing reaches the target path. */
      cairo_surface_finish (report->surface);
      cairo_surface_destroy (report->surface);
      g_unlink (report->partial);
    }
  g_clear_object (&report->pango);
  g_clear_pointer (&report->heading, pango_font_description_free);
  g_clear_pointer (&report->body, pango_font_description_free);
  g_clear_pointer (&report->bold, pango_font_description_free);
  g_free (report->footer);
  g_free (report->path);
  g_free (report->partial);
  g_free (report);
}
