/* test-chart-renderers.c: every chart kind draws its data, writes PNG/SVG/PDF files that hold
 * its labels, reports exact hit regions, and never lets two labels overlap.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tidu-chart.h"
#include "tidu-chart-report.h"

#include "chart-fixtures.h"

/* Helpers ----------------------------------------------------------------------------------- */

static char *
read_all (const char *path,
          gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* The text of a PDF as pdftotext reads it (poppler-utils, installed by build-aux/bootstrap). */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };

  if (program == NULL)
    g_error ("pdftotext (poppler-utils) is missing: run build-aux/bootstrap");
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext may break a label where the chart wrapped it: compare without white space. */
static gboolean
text_contains (const char *text,
               const char *label)
{
  g_autoptr(GString) squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, *p);
  return strstr (squeezed->str, label) != NULL;
}

static gboolean
rects_overlap (const TiduChartRect *a,
               const TiduChartRect *b)
{
  const double e = 0.5;

  return a->x + e < b->x + b->width && b->x + e < a->x + a->width
         && a->y + e < b->y + b->height && b->y + e < a->y + a->height;
}

static TiduChartResult *
render (const TiduChartStyle *style,
        const TiduChartData  *data,
        int                   width,
        int                   height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  TiduChartResult *result = tidu_chart_render (cr, style, data, width, height);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return result;
}

/* Ticks ------------------------------------------------------------------------------------- */

static void
test_nice_ticks (void)
{
  double first, step;
  guint n;

  n = tidu_chart_nice_ticks (0, 10234, 8, &first, &step);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpfloat (step, ==, 2000);
  g_assert_cmpuint (n, ==, 7);            /* 0 … 12,000 */

  n = tidu_chart_nice_ticks (0, 97, 6, &first, &step);
  g_assert_cmpfloat (step, ==, 20);
  g_assert_cmpuint (n, ==, 6);            /* 0 … 100 */

  n = tidu_chart_nice_ticks (-35, 120, 8, &first, &step);
  g_assert_cmpfloat (step, ==, 50);       /* 20 would need 9 ticks */
  g_assert_cmpfloat (first, ==, -50);
  g_assert_cmpuint (n, ==, 5);            /* −50 … 150 */

  n = tidu_chart_nice_ticks (0, 1, 5, &first, &step);
  g_assert_cmpfloat (step, ==, 0.5);
  g_assert_cmpuint (n, ==, 3);

  /* Nothing to show still gives a usable axis. */
  n = tidu_chart_nice_ticks (0, 0, 5, &first, &step);
  g_assert_cmpfloat (first, ==, 0);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpfloat (first + (n - 1) * step, >, 0);

  /* Every range: the ticks cover it, stay within the count and step by 1, 2 or 5 × 10ⁿ. */
  for (double max = 0.3; max < 5e7; max *= 1.37)
    for (guint max_ticks = 2; max_ticks <= 10; max_ticks++)
      {
        double mantissa;

        n = tidu_chart_nice_ticks (0, max, max_ticks, &first, &step);
        g_assert_cmpuint (n, <=, max_ticks);
        g_assert_cmpuint (n, >=, 2);
        g_assert_cmpfloat (first, <=, 0);
        g_assert_cmpfloat (first + (n - 1) * step, >=, max * (1 - 1e-12));
        mantissa = step / pow (10, floor (log10 (step) + 1e-9));
        g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6 || fabs (mantissa - 5) < 1e-6);
      }
}

static void
test_format (void)
{
  g_autoptr(TiduChartData) data = tidu_chart_data_new (TIDU_CHART_LADDER, NULL);
  g_autofree char *a = tidu_chart_data_format_number (data, 1234567);
  g_autofree char *b = tidu_chart_data_format_number (data, 999);
  g_autofree char *c = tidu_chart_data_format_number (data, NAN);
  g_autofree char *d = tidu_chart_data_format_number (data, -4321);
  g_autofree char *e = NULL;
  g_autofree char *f = NULL;
  g_autofree char *g = NULL;
  TiduChartKind kind;

  g_assert_cmpstr (a, ==, "1,234,567");
  g_assert_cmpstr (b, ==, "999");
  g_assert_cmpstr (c, ==, "—");
  g_assert_cmpstr (d, ==, "−4,321");

  tidu_chart_data_set_value_format (data, "%s 平方米", 1);
  e = tidu_chart_data_format_number (data, 12345.67);
  f = tidu_chart_data_format_value (data, 12345.67);
  g = tidu_chart_data_format_number (data, -0.01);
  g_assert_cmpstr (e, ==, "12,345.7");
  g_assert_cmpstr (f, ==, "12,345.7 平方米");
  g_assert_cmpstr (g, ==, "0.0");

  for (guint k = 0; k < TIDU_N_CHART_KINDS; k++)
    {
      g_assert_true (tidu_chart_kind_from_string (tidu_chart_kind_to_string (k), &kind));
      g_assert_cmpuint (kind, ==, k);
    }
  g_assert_false (tidu_chart_kind_from_string ("pie", &kind));
}

/* Files ------------------------------------------------------------------------------------- */

/* Labels each kind's fixture must show, in its PDF text. */
static const char *expected_labels[TIDU_N_CHART_KINDS][4] = {
  [TIDU_CHART_LADDER] = { "各梯度企业数", "科技型中小企业", "10,234家", "上市企业" },
  [TIDU_CHART_PROGRESSION] = { "梯度企业年度变化", "2016", "高新技术企业", "3,883" },
  [TIDU_CHART_TRANSITIONS] = { "2023年末", "新增", "退出", "750" },
  [TIDU_CHART_TIMELINE] = { "梯度历程", "瞪羚企业", "2016", "2025" },
  [TIDU_CHART_TARGETS] = { "有效高新技术企业", "287/300·95%", "上年同期", "龙城英才计划入选人才" },
  [TIDU_CHART_CARRIER] = { "运营绩效", "优秀", "在孵期间成为高企", "2025" },
};

static void
test_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-chart-renderers-XXXXXX", NULL);
  TiduChartStyle style;

  tidu_chart_style_init_light (&style);
  for (guint k = 0; k < TIDU_N_CHART_KINDS; k++)
    {
      g_autoptr(TiduChartData) data = tidu_test_chart_fixture (k, FALSE);
      const char *name = tidu_chart_kind_to_string (k);
      g_autofree char *png = g_strdup_printf ("%s/%s.png", dir, name);
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", dir, name);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", dir, name);
      g_autofree char *svg_data = NULL;
      g_autofree char *pdf_data = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *image;
      gsize length;

      g_test_message ("chart %s", name);
      g_assert_true (tidu_chart_write (png, &style, data, 720, 400, &error));
      g_assert_no_error (error);
      g_assert_true (tidu_chart_write (svg, &style, data, 720, 400, &error));
      g_assert_true (tidu_chart_write (pdf, &style, data, 720, 400, &error));

      /* PNG: cairo reads it back at the size asked for, and it is not one flat colour. */
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 720);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
      {
        const guchar *pixels = cairo_image_surface_get_data (image);
        int stride = cairo_image_surface_get_stride (image);
        guint32 corner = *(const guint32 *) pixels;
        guint differing = 0;

        g_assert_cmphex (corner & 0xffffff, ==, 0xfafafa);
        for (int y = 0; y < 400; y += 2)
          for (int x = 0; x < 720; x += 2)
            differing += *(const guint32 *) (pixels + y * stride + x * 4) != corner;
        g_assert_cmpuint (differing, >, 2000);
      }
      cairo_surface_destroy (image);

      svg_data = read_all (svg, &length);
      g_assert_true (g_str_has_prefix (svg_data, "<?xml"));
      g_assert_nonnull (strstr (svg_data, "<svg"));
      g_assert_nonnull (strstr (svg_data, "width=\"720"));
      /* cairo writes text as glyph outlines: at least one per label character. */
      g_assert_nonnull (strstr (svg_data, "glyph"));

      pdf_data = read_all (pdf, &length);
      g_assert_true (g_str_has_prefix (pdf_data, "%PDF-"));
      text = pdf_text (pdf);
      for (guint i = 0; i < G_N_ELEMENTS (expected_labels[k]); i++)
        if (!text_contains (text, expected_labels[k][i]))
          g_error ("%s.pdf lacks “%s”; its text:\n%s", name, expected_labels[k][i], text);

      g_unlink (png);
      g_unlink (svg);
      g_unlink (pdf);
    }
  g_rmdir (dir);
}

static void
test_bad_path (void)
{
  g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_LADDER, FALSE);
  g_autoptr(GError) error = NULL;
  TiduChartStyle style;

  tidu_chart_style_init_light (&style);
  g_assert_false (tidu_chart_write ("/tmp/tidu-chart.jpeg", &style, data, 100, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (tidu_chart_write ("/nonexistent-folder/chart.png", &style, data, 100, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/chart.png"));
  g_clear_error (&error);
  g_assert_false (tidu_chart_write ("/tmp/tidu-chart.png", &style, data, 0, 100, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* Hits -------------------------------------------------------------------------------------- */

static const TiduChartHit *
find_hit (const TiduChartResult *result,
          const char            *key)
{
  for (guint i = 0; i < result->hits->len; i++)
    {
      const TiduChartHit *hit = g_ptr_array_index (result->hits, i);

      if (g_strcmp0 (hit->key, key) == 0)
        return hit;
    }
  g_error ("No hit with key “%s”", key);
  return NULL;
}

/* The hit found at a point inside a hit's rectangle is that hit. */
static void
assert_hit_at_centre (const TiduChartResult *result,
                      const TiduChartHit    *hit)
{
  guint index;
  const TiduChartHit *found = tidu_chart_result_hit_at (result, hit->rect.x + hit->rect.width / 2,
                                                        hit->rect.y + hit->rect.height / 2, &index);

  g_assert_true (found == hit);
  g_assert_true (g_ptr_array_index (result->hits, index) == hit);
}

static void
test_hits (void)
{
  TiduChartStyle style;

  tidu_chart_style_init_light (&style);

  {
    g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_LADDER, FALSE);
    g_autoptr(TiduChartResult) result = render (&style, data, 640, 360);
    const TiduChartHit *hit = find_hit (result, "tsme");
    g_autofree char *tooltip = tidu_chart_hit_get_tooltip (hit);

    g_assert_cmpuint (result->hits->len, ==, 6);
    g_assert_cmpstr (hit->value_text, ==, "10,234 家");
    g_assert_cmpstr (tooltip, ==, "科技型中小企业: 10,234 家");
    assert_hit_at_centre (result, hit);
    g_assert_cmpstr (find_hit (result, "unicorn")->value_text, ==, "4 家");
    g_assert_null (tidu_chart_result_hit_at (result, 1, 1, NULL));
    g_assert_nonnull (strstr (result->summary, "各梯度企业数"));
    g_assert_nonnull (strstr (result->summary, "高新技术企业 1,987 家"));
  }
  {
    g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_PROGRESSION, FALSE);
    g_autoptr(TiduChartResult) result = render (&style, data, 640, 360);
    const TiduChartHit *hit = find_hit (result, "2025|hnte");

    g_assert_cmpstr (hit->label, ==, "2025 · 高新技术企业");
    g_assert_cmpstr (hit->value_text, ==, "1,987 家");
    g_assert_cmpint (hit->series, ==, 1);
    g_assert_cmpint (hit->category, ==, 9);
    assert_hit_at_centre (result, hit);
  }
  {
    g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_TRANSITIONS, FALSE);
    g_autoptr(TiduChartResult) result = render (&style, data, 640, 360);
    const TiduChartHit *hit = find_hit (result, "tsme|tsme");

    /* Every cell answers, zeros too: 7 rows × 7 columns. */
    g_assert_cmpuint (result->hits->len, ==, 49);
    g_assert_cmpstr (hit->value_text, ==, "750 家");
    g_assert_cmpstr (find_hit (result, "new|gone")->value_text, ==, "6 家");
    assert_hit_at_centre (result, hit);
  }
  {
    g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_TIMELINE, FALSE);
    g_autoptr(TiduChartResult) result = render (&style, data, 640, 360);
    const TiduChartHit *hit = find_hit (result, "cert-hnte-2");
    const TiduChartHit *early = find_hit (result, "cert-hnte-1");
    const TiduChartHit *open = find_hit (result, "cert-pu");

    g_assert_cmpstr (hit->label, ==, "高新技术企业");
    g_assert_cmpstr (hit->value_text, ==, "高新技术企业 GR202132005678，2021-12-20 至 2024-12-19");
    /* Same lane, later in time; the open-ended one runs to the chart's end. */
    g_assert_cmpfloat (early->rect.y, ==, hit->rect.y);
    g_assert_cmpfloat (early->rect.x + early->rect.width, <, hit->rect.x);
    g_assert_cmpfloat (open->rect.y, <, hit->rect.y);
    g_assert_cmpfloat (open->rect.x + open->rect.width, >, hit->rect.x + hit->rect.width);
    assert_hit_at_centre (result, hit);
  }
  {
    g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_TARGETS, FALSE);
    g_autoptr(TiduChartResult) result = render (&style, data, 640, 360);
    const TiduChartHit *hit = find_hit (result, "firms_per_tier:hnte");

    g_assert_cmpstr (hit->label, ==, "有效高新技术企业");
    g_assert_cmpstr (hit->value_text, ==, "287 of 300 (95.7%); last year 251");
    assert_hit_at_centre (result, hit);
  }
  {
    g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_CARRIER, FALSE);
    g_autoptr(TiduChartResult) result = render (&style, data, 640, 360);
    const TiduChartHit *hit = find_hit (result, "2019|graduated");

    g_assert_cmpuint (result->hits->len, ==, 30);
    g_assert_cmpstr (hit->label, ==, "2019 · 毕业企业");
    g_assert_cmpstr (hit->value_text, ==, "11 家");
    assert_hit_at_centre (result, hit);
  }
}

/* Layout ------------------------------------------------------------------------------------ */

static void
check_layout (TiduChartKind  kind,
              gboolean       dense,
              gboolean       dark,
              int            width,
              int            height)
{
  g_autoptr(TiduChartData) data = tidu_test_chart_fixture (kind, dense);
  g_autoptr(TiduChartResult) result = NULL;
  TiduChartStyle style;

  if (dark)
    tidu_chart_style_init_dark (&style);
  else
    tidu_chart_style_init_light (&style);
  result = render (&style, data, width, height);

  g_assert_cmpuint (result->labels->len, >, 3);
  for (guint i = 0; i < result->labels->len; i++)
    {
      const TiduChartRect *a = &g_array_index (result->labels, TiduChartRect, i);

      /* Nothing is clipped at the chart's edges. */
      if (a->x < -0.5 || a->y < -0.5 || a->x + a->width > width + 0.5 || a->y + a->height > height + 0.5)
        g_error ("%s%s %d×%d: label %u (%.1f, %.1f, %.1f × %.1f) leaves the chart",
                 tidu_chart_kind_to_string (kind), dense ? " dense" : "", width, height,
                 i, a->x, a->y, a->width, a->height);
      for (guint j = i + 1; j < result->labels->len; j++)
        {
          const TiduChartRect *b = &g_array_index (result->labels, TiduChartRect, j);

          if (rects_overlap (a, b))
            g_error ("%s%s %d×%d: labels %u (%.1f, %.1f, %.1f × %.1f) and %u (%.1f, %.1f, %.1f × %.1f) overlap",
                     tidu_chart_kind_to_string (kind), dense ? " dense" : "", width, height,
                     i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
        }
    }
  for (guint i = 0; i < result->hits->len; i++)
    {
      const TiduChartHit *a = g_ptr_array_index (result->hits, i);

      g_assert_nonnull (a->label);
      g_assert_nonnull (a->value_text);
      g_assert_cmpfloat (a->rect.x, >=, 0);
      g_assert_cmpfloat (a->rect.x + a->rect.width, <=, width + 0.5);
      for (guint j = i + 1; j < result->hits->len; j++)
        {
          const TiduChartHit *b = g_ptr_array_index (result->hits, j);

          if (rects_overlap (&a->rect, &b->rect))
            g_error ("%s%s %d×%d: hits “%s” and “%s” overlap", tidu_chart_kind_to_string (kind),
                     dense ? " dense" : "", width, height, a->label, b->label);
        }
    }
}

static void
test_no_overlap (void)
{
  static const int sizes[][2] = {
    { 320, 200 }, { 480, 300 }, { 640, 360 }, { 900, 420 }, { 1280, 720 }, { 300, 600 },
  };

  for (guint k = 0; k < TIDU_N_CHART_KINDS; k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (guint dense = 0; dense < 2; dense++)
        check_layout (k, dense, s % 2 == 1, sizes[s][0], sizes[s][1]);
}

/* A dense ladder still names some tiers, and shows fewer labels rather than squeezing them. */
static void
test_thinning (void)
{
  g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_PROGRESSION, TRUE);
  g_autoptr(TiduChartResult) narrow = NULL;
  g_autoptr(TiduChartResult) wide = NULL;
  TiduChartStyle style;

  tidu_chart_style_init_light (&style);
  narrow = render (&style, data, 400, 300);
  wide = render (&style, data, 2400, 300);
  g_assert_cmpuint (narrow->labels->len, <, wide->labels->len);
}

/* Empty ------------------------------------------------------------------------------------- */

static void
test_empty (void)
{
  g_autoptr(TiduChartData) data = tidu_chart_data_new (TIDU_CHART_PROGRESSION, "梯度企业年度变化");
  g_autoptr(TiduChartData) timeline = tidu_chart_data_new (TIDU_CHART_TIMELINE, "梯度历程");
  g_autofree char *dir = g_dir_make_tmp ("tidu-chart-renderers-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(TiduChartResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TiduChartStyle style;

  tidu_chart_style_init_dark (&style);
  tidu_chart_data_add_category (data, "2024", "2024", TIDU_CHART_COLOR_NONE);
  tidu_chart_data_add_series (data, "hnte", "高新技术企业", 1);
  tidu_chart_data_set_value (data, 0, 0, 0);
  g_assert_true (tidu_chart_data_is_empty (data));
  tidu_chart_data_set_empty_message (data, "所选地区没有企业");

  result = render (&style, data, 480, 300);
  g_assert_cmpuint (result->hits->len, ==, 0);
  g_assert_nonnull (strstr (result->summary, "所选地区没有企业"));

  g_assert_true (tidu_chart_write (pdf, &style, data, 480, 300, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_true (text_contains (text, "梯度企业年度变化"));
  g_assert_true (text_contains (text, "所选地区没有企业"));

  /* A timeline with lanes but no certification is empty too. */
  tidu_chart_data_add_category (timeline, "tsme", "科技型中小企业", 0);
  g_assert_true (tidu_chart_data_is_empty (timeline));
  g_clear_pointer (&result, tidu_chart_result_free);
  result = render (&style, timeline, 480, 300);
  g_assert_cmpuint (result->hits->len, ==, 0);

  /* One figure is enough to draw. */
  tidu_chart_data_set_value (data, 0, 0, 3);
  g_assert_false (tidu_chart_data_is_empty (data));
  g_clear_pointer (&result, tidu_chart_result_free);
  result = render (&style, data, 480, 300);
  g_assert_cmpuint (result->hits->len, ==, 1);

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_palettes (void)
{
  g_autoptr(TiduChartData) data = tidu_test_chart_fixture (TIDU_CHART_LADDER, FALSE);
  TiduChartStyle light, dark;

  tidu_chart_style_init_light (&light);
  tidu_chart_style_init_dark (&dark);
  for (int pass = 0; pass < 2; pass++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(TiduChartResult) result = tidu_chart_render (cr, pass ? &dark : &light, data, 400, 300);
      const TiduChartHit *hit = find_hit (result, "tsme");
      const guchar *pixels;
      int stride;
      guint32 corner, bar;

      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      corner = *(const guint32 *) pixels & 0xffffff;
      /* The long bar's middle, in the tier's colour: blue_3 light, blue_2 dark. */
      bar = *(const guint32 *) (pixels + (int) (hit->rect.y + hit->rect.height / 2) * stride
                                + (int) (hit->rect.x + 20) * 4) & 0xffffff;
      g_assert_cmphex (corner, ==, pass ? 0x242424 : 0xfafafa);
      g_assert_cmphex (bar, ==, pass ? 0x62a0ea : 0x3584e4);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Report pages ------------------------------------------------------------------------------ */

static void
test_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-chart-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "报告.pdf", NULL);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autofree char *text = NULL;
  g_autoptr(TiduChartReport) report = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "企业", "营业收入", "研发费用", NULL };
  TiduChartStyle style;

  tidu_chart_style_init_light (&style);
  g_assert_null (tidu_chart_report_new ("/tmp/report.png", &style, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  report = tidu_chart_report_new (path, &style, &error);
  g_assert_no_error (error);
  tidu_chart_report_set_footer (report, "科创梯度报告 · 京口区 · 2025-12-31");
  tidu_chart_report_add_heading (report, "科创梯度报告");
  tidu_chart_report_add_text (report, "地区：京口区；截至 2025-12-31；筛选：全部行业。");
  for (guint k = 0; k < TIDU_N_CHART_KINDS; k++)
    {
      g_autoptr(TiduChartData) data = tidu_test_chart_fixture (k, FALSE);

      tidu_chart_report_add_chart (report, data, 260);
      if (k == TIDU_CHART_LADDER)
        tidu_chart_report_add_data_table (report, data);
    }
  for (guint i = 0; i < 120; i++)
    {
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup_printf ("常州第%u科技有限公司", i + 1);
      row[1] = g_strdup_printf ("%u", 1000 + i);
      row[2] = g_strdup_printf ("%u", 100 + i);
      g_ptr_array_add (rows, row);
    }
  tidu_chart_report_add_table (report, columns, rows);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (tidu_chart_report_finish (report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  /* Six charts of 260 points and a 120-row table need more than five A4 pages. */
  g_assert_cmpuint (tidu_chart_report_get_n_pages (report), >=, 5);

  text = pdf_text (path);
  g_assert_true (text_contains (text, "科创梯度报告"));
  g_assert_true (text_contains (text, "运营绩效"));
  g_assert_true (text_contains (text, "常州第120科技有限公司"));
  g_assert_true (text_contains (text, "Page5"));
  /* The table's header repeats on the page it runs onto. */
  {
    const char *first = strstr (text, "营业收入");

    g_assert_nonnull (first);
    g_assert_nonnull (strstr (first + 1, "营业收入"));
  }
  /* The ladder's numbers as a table. */
  g_assert_true (text_contains (text, "10,234"));

  /* A report given up before it is finished leaves nothing behind. */
  g_clear_pointer (&report, tidu_chart_report_free);
  g_unlink (path);
  report = tidu_chart_report_new (path, &style, &error);
  tidu_chart_report_add_heading (report, "未完成");
  g_clear_pointer (&report, tidu_chart_report_free);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/ticks", test_nice_ticks);
  g_test_add_func ("/charts/format", test_format);
  g_test_add_func ("/charts/files", test_files);
  g_test_add_func ("/charts/bad-path", test_bad_path);
  g_test_add_func ("/charts/hits", test_hits);
  g_test_add_func ("/charts/no-overlap", test_no_overlap);
  g_test_add_func ("/charts/thinning", test_thinning);
  g_test_add_func ("/charts/empty", test_empty);
  g_test_add_func ("/charts/palettes", test_palettes);
  g_test_add_func ("/charts/report", test_report);

  return g_test_run ();
}
