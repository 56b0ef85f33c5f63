/* bench-stats.c: in-process timings of the statistics (tidu-stats.h, tidu-target.h) on one
 * database. Not part of `meson test`; tests/bench/bench-stats.sh runs it on the 100,000-firm
 * sample and prints it beside the same query shapes run by the sqlite3 shell (the floor).
 *
 *   bench-stats [--runs N] [--region NAME] [--only NAME] [--trace] DATABASE DATE FROM TO
 *
 * Each line is "NAME median_ms=… p95_ms=… cpu_ms=… value=…": one warm-up, then N timed runs (11
 * unless set), median and p95 (nearest rank) of the wall time, median of this process's CPU time
 * (user + system: close to the wall time of a quiet machine, whatever the load). value is a figure of the result, so a run that counts
 * nothing shows. Each run opens nothing: the connection is the one a worker thread would keep.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tidu-core.h"
#include "tidu-database-private.h"

static guint runs = 11;
static const char *only;   /* --only NAME: that figure alone (profiling) */

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of this process: what the statistic costs whatever else the machine runs. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
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

/* --trace: each statement's time (SQLITE_TRACE_PROFILE), to see where a figure's time goes. */
static int
trace_profile (unsigned  type,
               void     *data,
               void     *p,
               void     *x)
{
  sqlite3_stmt *stmt = p;
  char *sql = sqlite3_expanded_sql (stmt);

  fprintf (stderr, "%8.2f ms  %.300s\n", *(sqlite3_int64 *) x / 1e6, sql != NULL ? sql : "");
  sqlite3_free (sql);
  return 0;
}

typedef gint64 (*Measure) (TiduDatabase *db, const TiduStatsFilter *filter);

static void
die (GError *error)
{
  g_printerr ("bench-stats: %s\n", error->message);
  exit (1);
}

static gint64
run_ladder (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduLadder) ladder = tidu_stats_ladder (db, filter, &error);

  if (ladder == NULL)
    die (error);
  return ladder->total;
}

static gint64
run_progression (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduProgression) progression = tidu_stats_progression (db, filter, &error);
  gint64 sum = 0;

  if (progression == NULL)
    die (error);
  for (guint i = 0; i < progression->n_years * progression->tiers->len; i++)
    sum += progression->held[i];
  return sum;
}

static gint64
run_transitions (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduTransitions) transitions = tidu_stats_transitions (db, filter, &error);

  if (transitions == NULL)
    die (error);
  return transitions->moved_up;
}

static gint64
run_carriers (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduCarrierPerformance) performance = tidu_stats_carrier_performance (db, filter, &error);

  if (performance == NULL)
    die (error);
  return performance->years[performance->n_years - 1].incubated;
}

static gint64
run_targets (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = tidu_target_progress_list (db, filter->region_id, g_date_get_year (&filter->date),
                                                         &filter->date, &error);

  if (list == NULL)
    die (error);
  return list->len;
}

static gint64
run_dashboard (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDashboard) dashboard = tidu_stats_dashboard (db, filter, &error);

  if (dashboard == NULL)
    die (error);
  return dashboard->ladder->total;
}

static gint64
run_ladder_ids (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  TiduStatsCell cell = { TIDU_STATS_LADDER, 0, "hnte", NULL };
  g_auto(GStrv) ids = tidu_stats_firm_ids (db, filter, &cell, &error);

  if (ids == NULL)
    die (error);
  return g_strv_length (ids);
}

static gint64
run_held_ids (TiduDatabase *db, const TiduStatsFilter *filter)
{
  g_autoptr(GError) error = NULL;
  TiduStatsCell cell = { TIDU_STATS_HELD, filter->to_year, "hnte", NULL };
  g_auto(GStrv) ids = tidu_stats_firm_ids (db, filter, &cell, &error);

  if (ids == NULL)
    die (error);
  return g_strv_length (ids);
}

static void
bench (const char            *name,
       TiduDatabase          *db,
       const TiduStatsFilter *filter,
       Measure                measure)
{
  g_autofree double *times = NULL;
  g_autofree double *cpu = NULL;
  gint64 value;

  if (only != NULL && strcmp (only, name) != 0)
    return;
  times = g_new (double, runs);
  cpu = g_new (double, runs);
  value = measure (db, filter);

  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms ();
      double cpu_start = cpu_ms ();

      measure (db, filter);
      times[i] = now_ms () - start;
      cpu[i] = cpu_ms () - cpu_start;
    }
  qsort (times, runs, sizeof *times, compare_doubles);
  qsort (cpu, runs, sizeof *cpu, compare_doubles);
  printf ("%s median_ms=%.2f p95_ms=%.2f cpu_ms=%.2f value=%" G_GINT64_FORMAT "\n", name, times[runs / 2],
          times[MIN (runs - 1, (guint) (runs * 0.95 + 0.5))], cpu[runs / 2], value);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
  g_autoptr(TiduStatsFilter) regional = NULL;
  g_autofree char *region = NULL;
  gboolean trace = FALSE;
  int arg = 1;

  while (arg < argc && g_str_has_prefix (argv[arg], "--"))
    {
      if (strcmp (argv[arg], "--runs") == 0 && arg + 1 < argc)
        {
          int n = atoi (argv[++arg]);

          runs = (guint) MAX (1, n);
        }
      else if (strcmp (argv[arg], "--region") == 0 && arg + 1 < argc)
        region = g_strdup (argv[++arg]);
      else if (strcmp (argv[arg], "--only") == 0 && arg + 1 < argc)
        only = argv[++arg];
      else if (strcmp (argv[arg], "--trace") == 0)
        trace = TRUE;
      arg++;
    }
  if (argc - arg != 4)
    {
      g_printerr ("usage: bench-stats [--runs N] [--region NAME] [--only NAME] [--trace] DATABASE DATE FROM TO\n");
      return 2;
    }
  db = tidu_database_open (argv[arg], TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    die (error);
  if (trace)
    sqlite3_trace_v2 (tidu_database_get_handle (db), SQLITE_TRACE_PROFILE, trace_profile, NULL);
  if (!tidu_date_parse (argv[arg + 1], &filter->date, &error))
    die (error);
  filter->from_year = atoi (argv[arg + 2]);
  filter->to_year = atoi (argv[arg + 3]);

  bench ("ladder", db, filter, run_ladder);
  bench ("progression", db, filter, run_progression);
  bench ("transitions", db, filter, run_transitions);
  bench ("carriers", db, filter, run_carriers);
  bench ("targets", db, filter, run_targets);
  bench ("firm-ids-ladder", db, filter, run_ladder_ids);
  bench ("firm-ids-held", db, filter, run_held_ids);
  bench ("dashboard", db, filter, run_dashboard);
  if (region != NULL)
    {
      regional = tidu_stats_filter_copy (filter);
      if (!tidu_stats_filter_set_by_name (db, regional, TIDU_STATS_FIELD_REGION, region, &error))
        die (error);
      bench ("region-ladder", db, regional, run_ladder);
      bench ("region-progression", db, regional, run_progression);
      bench ("region-dashboard", db, regional, run_dashboard);
    }
  return 0;
}
