/* test-charts.c: the chart renderers write valid PNG, SVG and PDF files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tidu-chart-empty.h"

static char *
write_chart (const char *dir,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  TiduChartStyle style;
  char *path = g_build_filename (dir, name, NULL);

  tidu_chart_style_init_light (&style);
  g_assert_true (tidu_chart_write_empty (path, &style, 480, 320, "各梯度企业数",
                                         "No firms match these filters", &error));
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static void
test_formats (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-charts-XXXXXX", NULL);
  g_autofree char *png = write_chart (dir, "empty.png");
  g_autofree char *svg = write_chart (dir, "empty.SVG");
  g_autofree char *pdf = write_chart (dir, "empty.pdf");
  g_autofree char *png_data = NULL;
  g_autofree char *svg_data = NULL;
  g_autofree char *pdf_data = NULL;
  gsize length;

  png_data = read_file (png, &length);
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (png_data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* The PNG header holds the size asked for: 480 × 320. */
  g_assert_cmpuint (((guchar) png_data[18] << 8) | (guchar) png_data[19], ==, 480);
  g_assert_cmpuint (((guchar) png_data[22] << 8) | (guchar) png_data[23], ==, 320);

  svg_data = read_file (svg, &length);
  g_assert_nonnull (strstr (svg_data, "<svg"));
  g_assert_nonnull (strstr (svg_data, "width=\"480"));

  pdf_data = read_file (pdf, &length);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_bad_extension (void)
{
  g_autoptr(GError) error = NULL;
  TiduChartStyle style;

  tidu_chart_style_init_dark (&style);
  g_assert_false (tidu_chart_write_empty ("/tmp/chart.bmp", &style, 10, 10, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test ("/tmp/chart.bmp", G_FILE_TEST_EXISTS));
}

static void
test_draws_something (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 120);
  cairo_t *cr = cairo_create (surface);
  TiduChartStyle style;
  const guchar *data;
  int stride;
  guint differing = 0;
  guint32 first;

  tidu_chart_style_init_dark (&style);
  tidu_chart_draw_empty (cr, &style, 200, 120, "Tier ladder", "Nothing to show");
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* The background is the dark window colour, and the glyph and text mark other pixels. */
  first = *(const guint32 *) data;
  g_assert_cmpuint (first & 0xffffff, ==, 0x242424);
  for (int y = 0; y < 120; y++)
    for (int x = 0; x < 200; x++)
      if (*(const guint32 *) (data + y * stride + x * 4) != first)
        differing++;
  g_assert_cmpuint (differing, >, 200);

  /* Tiny sizes draw without clipping errors or crashes. */
  tidu_chart_draw_empty (cr, &style, 12, 8, "标题", "没有数据");
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/empty/formats", test_formats);
  g_test_add_func ("/charts/empty/bad-extension", test_bad_extension);
  g_test_add_func ("/charts/empty/draws", test_draws_something);

  return g_test_run ();
}
