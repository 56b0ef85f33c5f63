/* tidu-chart-empty.c: the empty-data state every chart shows when it has nothing to plot.
 *
 * The same function paints a widget (through a cairo context from a GtkSnapshot) and writes
 * PNG, SVG and PDF files, so what a report prints is what the screen shows.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tidu-chart-private.h"

static void
set_color (cairo_t              *cr,
           const TiduChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

#define HEX(rgb) { ((rgb) >> 16) / 255.0, (((rgb) >> 8) & 0xff) / 255.0, ((rgb) & 0xff) / 255.0, 1.0 }

/* libadwaita 1.2's window background and foreground, light style. The palette takes the
 * libadwaita (GNOME HIG) named colours dark enough to read on the light background, in tier
 * order: blue, green, yellow, orange, purple, red, brown, then grey and two spares. */
void
tidu_chart_style_init_light (TiduChartStyle *style)
{
  *style = (TiduChartStyle) {
    .background = HEX (0xfafafa),
    .foreground = { 0, 0, 0, 0.8 },
    .dim = { 0, 0, 0, 0.55 },
    .grid = { 0, 0, 0, 0.1 },
    .accent = HEX (0x1c71d8),       /* accent_bg_color */
    .palette = {
      HEX (0x3584e4),  /* blue_3 */
      HEX (0x26a269),  /* green_5 */
      HEX (0xe5a50a),  /* yellow_5 */
      HEX (0xe66100),  /* orange_4 */
      HEX (0x9141ac),  /* purple_3 */
      HEX (0xc01c28),  /* red_4 */
      HEX (0x865e3c),  /* brown_4 */
      HEX (0x77767b),  /* dark_1 */
      HEX (0x1a5fb4),  /* blue_5 */
    },
    .dark = FALSE,
  };
}

/* libadwaita 1.2's window background and foreground, dark style, with the lighter shades of
 * the same named colours. */
void
tidu_chart_style_init_dark (TiduChartStyle *style)
{
  *style = (TiduChartStyle) {
    .background = HEX (0x242424),
    .foreground = { 1, 1, 1, 1.0 },
    .dim = { 1, 1, 1, 0.55 },
    .grid = { 1, 1, 1, 0.12 },
    .accent = HEX (0x78aeed),       /* accent_color, dark */
    .palette = {
      HEX (0x62a0ea),  /* blue_2 */
      HEX (0x33d17a),  /* green_3 */
      HEX (0xf6d32d),  /* yellow_3 */
      HEX (0xffa348),  /* orange_2 */
      HEX (0xc061cb),  /* purple_2 */
      HEX (0xf66151),  /* red_1 */
      HEX (0xb5835a),  /* brown_2 */
      HEX (0x9a9996),  /* light_5 */
      HEX (0x99c1f1),  /* blue_1 */
    },
    .dark = TRUE,
  };
}

/* A palette slot; out-of-range slots wrap, so any number of series gets a colour. */
const TiduChartColor *
tidu_chart_style_get_color (const TiduChartStyle *style,
                            int                   slot)
{
  guint n = G_N_ELEMENTS (style->palette);

  return &style->palette[((guint) MAX (slot, 0)) % n];
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      width,
             double      points,
             gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (points * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * tidu_chart_draw_empty:
 * @title: (nullable): the chart's title, kept so an empty chart still says what it is
 * @message: (nullable): why there is nothing, e.g. "No firms match these filters"
 *
 * Draws a framed area with the title at the top and an empty-axes glyph with @message in the
 * middle. Text wraps to the width and shrinks so it never clips.
 */
void
tidu_chart_draw_empty (cairo_t              *cr,
                       const TiduChartStyle *style,
                       double                width,
                       double                height,
                       const char           *title,
                       const char           *message)
{
  double margin = MAX (8.0, MIN (width, height) * 0.04);
  double text_width = MAX (1.0, width - 2 * margin);
  double y = margin;
  double glyph, gx, gy;
  int tw, th;

  g_return_if_fail (cr != NULL && style != NULL);

  cairo_save (cr);

  set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  if (title != NULL && *title != '\0')
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, title, text_width, 13, TRUE);

      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &tw, &th);
      set_color (cr, &style->foreground);
      cairo_move_to (cr, margin, y);
      pango_cairo_show_layout (cr, layout);
      y += th + margin;
    }

  /* An empty pair of axes with three faint bars: "a chart, with nothing in it". */
  glyph = MIN (MIN (width, height - y) * 0.3, 96.0);
  if (glyph >= 16)
    {
      gx = (width - glyph) / 2;
      gy = y + (height - y - glyph) / 2 - (message ? 18 : 0);
      gy = MAX (gy, y);

      set_color (cr, &style->dim);
      cairo_set_line_width (cr, MAX (1.5, glyph / 32));
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, gx, gy);
      cairo_line_to (cr, gx, gy + glyph);
      cairo_line_to (cr, gx + glyph, gy + glyph);
      cairo_stroke (cr);

      cairo_save (cr);
      cairo_set_source_rgba (cr, style->dim.red, style->dim.green, style->dim.blue, style->dim.alpha * 0.35);
      for (int i = 0; i < 3; i++)
        {
          double bw = glyph / 6;
          double bh = glyph * (0.3 + 0.2 * i);

          cairo_rectangle (cr, gx + bw * (1 + 1.5 * i), gy + glyph - bh, bw, bh - 1.5);
        }
      cairo_fill (cr);
      cairo_restore (cr);
      y = gy + glyph + margin;
    }

  if (message != NULL && *message != '\0')
    {
      g_autoptr(PangoLayout) layout = NULL;
      double points = 11;

      /* Shrink rather than clip when the space is tight. */
      do
        {
          g_clear_object (&layout);
          layout = make_layout (cr, message, text_width, points, FALSE);
          pango_layout_get_pixel_size (layout, &tw, &th);
          points -= 1;
        }
      while (y + th > height - margin / 2 && points >= 6);

      set_color (cr, &style->dim);
      cairo_move_to (cr, margin, MIN (y, MAX (0, height - th - margin / 2)));
      pango_cairo_show_layout (cr, layout);
    }

  cairo_restore (cr);
}

typedef struct
{
  const TiduChartStyle *style;
  const char           *title;
  const char           *message;
} PaintEmpty;

static void
paint_empty (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  PaintEmpty *paint = user_data;

  tidu_chart_draw_empty (cr, paint->style, width, height, paint->title, paint->message);
}

/**
 * tidu_chart_write_empty:
 * @path: a file ending in .png, .svg or .pdf; the ending picks the format
 *
 * Writes the empty state to a file, through the writer every chart export uses.
 */
gboolean
tidu_chart_write_empty (const char           *path,
                        const TiduChartStyle *style,
                        int                   width,
                        int                   height,
                        const char           *title,
                        const char           *message,
                        GError              **error)
{
  PaintEmpty paint = { style, title, message };

  return tidu_chart_write_surface (path, width, height, paint_empty, &paint, error);
}
