/* tidu-subsidy-pdf.c: a budget sheet as a plain table on A4 pages
 *
 * A4 landscape, the policy title and the line with the year and total on top of the first
 * page, the column headers on every page, cells wrapped in their column, totals in bold, and
 * "Page N of M" at the foot. The file is written beside @path and renamed at the end.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "tidu-subsidy-pdf.h"

#define PAGE_WIDTH  841.89
#define PAGE_HEIGHT 595.28
#define MARGIN      36.0
#define PADDING     3.0

typedef enum
{
  COL_ENTITY,
  COL_ARTICLE,
  COL_RULE,
  COL_AMOUNT,
  COL_EXPLANATION,
  N_COLS
} Col;

static const double col_widths[N_COLS] = { 170, 56, 150, 110, 0 /* the rest */ };

static double
col_width (Col col)
{
  double used = 0;

  if (col != COL_EXPLANATION)
    return col_widths[col];
  for (int i = 0; i < COL_EXPLANATION; i++)
    used += col_widths[i];
  return PAGE_WIDTH - 2 * MARGIN - used;
}

static char *
amount_text (const TiduSheetRow *row)
{
  const char *amount = row->cells[TIDU_SHEET_COLUMN_AMOUNT];
  const char *min = row->cells[TIDU_SHEET_COLUMN_MIN];
  const char *max = row->cells[TIDU_SHEET_COLUMN_MAX];

  if (amount != NULL)
    return tidu_money_format (g_ascii_strtoll (amount, NULL, 10), TIDU_MONEY_UNIT_YUAN);
  if (min != NULL && max != NULL)
    {
      g_autofree char *a = tidu_money_format (g_ascii_strtoll (min, NULL, 10), TIDU_MONEY_UNIT_YUAN);
      g_autofree char *b = tidu_money_format (g_ascii_strtoll (max, NULL, 10), TIDU_MONEY_UNIT_YUAN);

      return g_strdup_printf ("%s – %s", a, b);
    }
  return g_strdup ("");
}

static void
row_cells (const TiduSheetRow *row,
           char               *cells[N_COLS])
{
  cells[COL_ENTITY] = g_strdup (row->cells[TIDU_SHEET_COLUMN_ENTITY]);
  cells[COL_ARTICLE] = g_strdup (row->cells[TIDU_SHEET_COLUMN_ARTICLE]);
  cells[COL_RULE] = g_strdup (row->cells[TIDU_SHEET_COLUMN_RULE]);
  cells[COL_AMOUNT] = amount_text (row);
  cells[COL_EXPLANATION] = g_strdup (row->cells[TIDU_SHEET_COLUMN_EXPLANATION]);
}

static PangoLayout *
cell_layout (cairo_t    *cr,
             const char *text,
             double      width,
             gboolean    bold,
             gboolean    right)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (bold ? "Sans Bold 7.5" : "Sans 7.5");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((width - 2 * PADDING) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Draws one table row at @y (or only measures it when @draw is FALSE); returns its height. */
static double
table_row (cairo_t  *cr,
           char     *cells[N_COLS],
           double    y,
           gboolean  bold,
           gboolean  shaded,
           gboolean  draw)
{
  PangoLayout *layouts[N_COLS];
  double height = 0;
  double x = MARGIN;

  for (int c = 0; c < N_COLS; c++)
    {
      int w, h;

      layouts[c] = cell_layout (cr, cells[c], col_width (c), bold, c == COL_AMOUNT);
      pango_layout_get_size (layouts[c], &w, &h);
      height = MAX (height, (double) h / PANGO_SCALE + 2 * PADDING);
    }
  if (draw)
    {
      if (shaded)
        {
          cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
          cairo_rectangle (cr, MARGIN, y, PAGE_WIDTH - 2 * MARGIN, height);
          cairo_fill (cr);
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (int c = 0; c < N_COLS; c++)
        {
          cairo_move_to (cr, x + PADDING, y + PADDING);
          pango_cairo_show_layout (cr, layouts[c]);
          x += col_width (c);
        }
      cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, MARGIN, y + height);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN, y + height);
      cairo_stroke (cr);
    }
  for (int c = 0; c < N_COLS; c++)
    g_object_unref (layouts[c]);
  return height;
}

static double
text_block (cairo_t    *cr,
            const char *text,
            const char *font_name,
            double      y,
            gboolean    draw)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (font_name);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (draw)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, &w, &h);
  g_object_unref (layout);
  return (double) h / PANGO_SCALE;
}

static void
footer (cairo_t *cr,
        int      page,
        int      n_pages)
{
  g_autofree char *text = NULL;

  /* Translators: at the foot of a PDF page */
  text = g_strdup_printf (_("Page %d of %d"), page, n_pages);
  text_block (cr, text, "Sans 7", PAGE_HEIGHT - MARGIN + 8, TRUE);
}

/* Lays out the pages; draws them when @draw. Returns the number of pages. */
static int
render (cairo_t                *cr,
        const TiduSubsidySheet *sheet,
        gboolean                draw,
        int                     n_pages)
{
  char *headers[N_COLS] = {
    sheet->headers[TIDU_SHEET_COLUMN_ENTITY], sheet->headers[TIDU_SHEET_COLUMN_ARTICLE],
    sheet->headers[TIDU_SHEET_COLUMN_RULE], sheet->headers[TIDU_SHEET_COLUMN_AMOUNT],
    sheet->headers[TIDU_SHEET_COLUMN_EXPLANATION]
  };
  double bottom = PAGE_HEIGHT - MARGIN;
  double y = MARGIN;
  int page = 1;

  y += text_block (cr, sheet->title, "Sans Bold 13", y, draw) + 4;
  y += text_block (cr, sheet->subtitle, "Sans 9", y, draw) + 10;
  y += table_row (cr, headers, y, TRUE, TRUE, draw);

  for (guint i = 0; i < sheet->rows->len; i++)
    {
      const TiduSheetRow *row = g_ptr_array_index (sheet->rows, i);
      char *cells[N_COLS];
      double height;

      row_cells (row, cells);
      height = table_row (cr, cells, y, row->total, FALSE, FALSE);
      if (y + height > bottom)
        {
          if (draw)
            {
              footer (cr, page, n_pages);
              cairo_show_page (cr);
            }
          page++;
          y = MARGIN;
          y += table_row (cr, headers, y, TRUE, TRUE, draw);
        }
      table_row (cr, cells, y, row->total, FALSE, draw);
      y += height;
      for (int c = 0; c < N_COLS; c++)
        g_free (cells[c]);
    }
  if (draw)
    {
      footer (cr, page, n_pages);
      cairo_show_page (cr);
    }
  return page;
}

gboolean
tidu_subsidy_pdf_write (const TiduSubsidySheet  *sheet,
                        const char              *path,
                        GError                 **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.%u.tmp", path, g_random_int ());
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int n_pages;

  g_return_val_if_fail (sheet != NULL, FALSE);

  surface = cairo_pdf_surface_create (tmp_path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sheet->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tidu");
  cr = cairo_create (surface);
  n_pages = render (cr, sheet, FALSE, 0);
  render (cr, sheet, TRUE, n_pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

void
tidu_subsidy_clamp_year (GtkSpinButton    *spin,
                         const TiduPolicy *policy)
{
  int year = gtk_spin_button_get_value_as_int (spin);

  if (g_date_valid (&policy->effective_to) && year > g_date_get_year (&policy->effective_to))
    gtk_spin_button_set_value (spin, g_date_get_year (&policy->effective_to));
  else if (g_date_valid (&policy->effective_from) && year < g_date_get_year (&policy->effective_from))
    gtk_spin_button_set_value (spin, g_date_get_year (&policy->effective_from));
}
