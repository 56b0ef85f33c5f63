/* bench-charts.c: how long each chart kind takes to draw. Not part of `meson test`.
 *
 *   meson compile -C build bench-charts && build/tests/bench/bench-charts [--runs N]
 *
 * Each kind draws its realistic fixture (tests/chart-fixtures.c: six tiers, ten years, a 7 × 7
 * transition matrix, a firm's sixteen certificates, six targets, ten carrier years) onto a
 * 960 × 540 image surface, as the widget does on every change of data, size or style. One
 * warm-up, then N timed runs (41 unless set): median and p95 in ms, the ratio of the median to
 * the 10 ms target (PERFORMANCE.md, issue 4: "rendering each chart ≤ 10 ms"), and the ratio to
 * the floor measured in the same run: the empty state (a title, a glyph and one message), the
 * least any chart costs. The dense fixtures (36 long labels, thirty years) are printed as a
 * stress figure, without a target. A CPU calibration loop comes first, so slow-phase runs of
 * this VM can be told apart.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidu-chart.h"

#include "chart-fixtures.h"

#define WIDTH 960
#define HEIGHT 540
#define TARGET_MS 10.0

static guint runs = 41;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
draw_chart (cairo_t             *cr,
            const TiduChartData *data)
{
  TiduChartStyle style;

  tidu_chart_style_init_light (&style);
  tidu_chart_result_free (tidu_chart_render (cr, &style, data, WIDTH, HEIGHT));
}

static void
draw_empty (cairo_t             *cr,
            const TiduChartData *data)
{
  TiduChartStyle style;

  tidu_chart_style_init_light (&style);
  tidu_chart_draw_empty (cr, &style, WIDTH, HEIGHT, "各梯度企业数", "所选地区没有企业");
}

/* Median and p95 (nearest rank) of @runs draws. */
static void
measure (void          (*draw) (cairo_t *, const TiduChartData *),
         const TiduChartData *data,
         double              *median,
         double              *p95)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree double *times = g_new0 (double, runs);

  draw (cr, data);
  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms ();

      draw (cr, data);
      cairo_surface_flush (surface);
      times[i] = now_ms () - start;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  *median = times[runs / 2];
  *p95 = times[MIN (runs - 1, (guint) (runs * 0.95))];
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  double floor_median, floor_p95, start;
  volatile double sink = 0;
  gboolean all_met = TRUE;

  setlocale (LC_ALL, "");
  if (argc == 3 && strcmp (argv[1], "--runs") == 0)
    runs = (guint) MAX (1, atoi (argv[2]));

  start = now_ms ();
  for (guint i = 0; i < 50000000; i++)
    sink += i * 0.5;
  printf ("CPU calibration (50M multiply-adds): %.0f ms\n", now_ms () - start);

  measure (draw_empty, NULL, &floor_median, &floor_p95);
  printf ("%-12s %-9s %9s %9s %9s %12s %11s  %s\n", "chart", "fixture", "median", "p95", "target",
          "÷ target", "÷ floor", "result");
  printf ("%-12s %-9s %6.2f ms %6.2f ms %9s %12s %11s\n", "empty state", "floor", floor_median, floor_p95,
          "", "", "1.00");

  for (guint dense = 0; dense < 2; dense++)
    for (guint k = 0; k < TIDU_N_CHART_KINDS; k++)
      {
        g_autoptr(TiduChartData) data = tidu_test_chart_fixture (k, dense);
        double median, p95;
        gboolean met;

        measure (draw_chart, data, &median, &p95);
        met = median <= TARGET_MS;
        if (!dense)
          all_met &= met;
        printf ("%-12s %-9s %6.2f ms %6.2f ms %6.0f ms %12.2f %11.2f  %s\n",
                tidu_chart_kind_to_string (k), dense ? "dense" : "realistic", median, p95, TARGET_MS,
                median / TARGET_MS, median / floor_median,
                dense ? "(stress, no target)" : met ? "ok" : "OVER TARGET");
      }
  printf ("%d runs each, %d × %d px image surface, light palette\n", runs, WIDTH, HEIGHT);
  return all_met ? 0 : 1;
}
