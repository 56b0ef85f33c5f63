/* tidu-bench-hook.c: the first-frame measurement of tests/bench/bench-records.sh.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "tidu-bench-hook.h"
#include "tidu-record-list.h"
#include "tidu-window.h"

/* TIDU_BENCH_FIRST_FRAME=1: a hidden hook for tests/bench/bench-records.sh, in the spirit of
 * GNOME Text Editor's hidden --exit-after-startup. Off unless the variable is set. At the first
 * frame painted (GdkFrameClock::after-paint) with the database open and every list on screen
 * filled (its query applied, not loading), it prints one line and exits at once:
 *   first_frame_ms  since $START_NS (CLOCK_REALTIME nanoseconds set by the launcher just
 *                   before exec, as in PERFORMANCE.md §3.1), or -1 without it;
 *   since_main_ms   since the top of main(), g_get_monotonic_time ();
 *   maxrss_kb       peak RSS (getrusage);
 *   place, rows     the place shown and the rows of the lists on screen, to check the run.
 *
 * TIDU_BENCH_SEARCH=A|B|…: after that first frame, types each search into the list on screen in
 * turn (the model's search, as the search entry sets it after its delay; one search starts
 * no sooner than that delay, 150 ms, after the one before, as typing cannot set them faster)
 * and prints, for each,
 *   search_ms        from setting the search to the end of the frame that shows its rows;
 *   result_ms        of which until the worker's result reached the main thread;
 *   shown_ms         and from then to the end of that frame: the main thread's own work
 *                    (the model taking the rows, the view rebinding its rows, layout, paint);
 *   rows             the rows found.
 * An empty term clears the search. Then it exits. */
static gint64 bench_main_us;

typedef struct
{
  TiduListModel *model;
  char         **terms;
  guint          next;
  guint          delay_ms;   /* the search entry's: the shortest time between two searches */
  gint64         started_us;
  gint64         result_us;
  gboolean       waiting;
} BenchSearch;

static BenchSearch bench_search;


/* Whether every mapped TiduRecordList under @widget has its rows; adds their counts to @rows. */
static gboolean
bench_lists_filled (GtkWidget *widget,
                    guint     *rows)
{
  if (!gtk_widget_get_mapped (widget))
    return TRUE;

  if (TIDU_IS_RECORD_LIST (widget))
    {
      TiduListModel *model = tidu_record_list_get_model (TIDU_RECORD_LIST (widget));

      if (tidu_list_model_get_database (model) == NULL)
        return TRUE;
      if (!tidu_list_model_get_loaded (model) || tidu_list_model_get_loading (model))
        return FALSE;
      *rows += tidu_list_model_get_n_rows (model);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!bench_lists_filled (child, rows))
        return FALSE;
    }
  return TRUE;
}

/* The first mapped widget of @type under @widget (which is one too when mapped). */
static GtkWidget *
bench_find (GtkWidget *widget,
            GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bench_find (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The model stops loading just before it takes the worker's rows. */
static void
bench_loading_cb (TiduListModel *model)
{
  if (bench_search.waiting && !tidu_list_model_get_loading (model))
    bench_search.result_us = g_get_monotonic_time ();
}

/* Starts the next search, or exits after the last. */
static void
bench_search_next (void)
{
  const char *term = bench_search.terms[bench_search.next];
  const char *current = tidu_list_query_get_search (tidu_list_model_get_query (bench_search.model));

  /* The same search again changes nothing: no frame would end it. */
  while (term != NULL && g_strcmp0 (current != NULL ? current : "", term) == 0)
    term = bench_search.terms[++bench_search.next];

  if (term == NULL)
    {
      fflush (stdout);
      _exit (0);
    }

  bench_search.result_us = 0;
  bench_search.waiting = TRUE;
  bench_search.started_us = g_get_monotonic_time ();
  tidu_list_model_set_search (bench_search.model, term);
}

static gboolean
bench_search_next_cb (gpointer user_data)
{
  bench_search_next ();
  return G_SOURCE_REMOVE;
}

/* The frame that shows a search's rows ends its measurement. */
static void
bench_search_after_paint (void)
{
  const char *term = bench_search.terms[bench_search.next];
  const TiduListQuery *query = tidu_list_model_get_query (bench_search.model);
  gint64 now, delay_us;

  if (!bench_search.waiting
      || tidu_list_model_get_loading (bench_search.model)
      || g_strcmp0 (tidu_list_query_get_search (query) ? tidu_list_query_get_search (query) : "", term) != 0)
    return;

  now = g_get_monotonic_time ();
  g_print ("search term=%s search_ms=%.2f result_ms=%.2f shown_ms=%.2f rows=%u\n", *term ? term : "(none)",
           (now - bench_search.started_us) / 1e3,
           (bench_search.result_us - bench_search.started_us) / 1e3,
           (now - bench_search.result_us) / 1e3,
           tidu_list_model_get_n_rows (bench_search.model));
  bench_search.waiting = FALSE;
  bench_search.next++;

  /* The search entry sets a search only when no key came for its delay, so searches follow
   * each other no faster than that: the next one starts a delay after this one did. */
  delay_us = (gint64) bench_search.delay_ms * 1000 - (now - bench_search.started_us);
  if (delay_us > 0)
    g_timeout_add ((guint) (delay_us / 1000) + 1, bench_search_next_cb, NULL);
  else
    bench_search_next ();
}

/* A list's rows arrive between frames, so the frame after they do is the one that shows them. */
static void
bench_after_paint_cb (GdkFrameClock *clock,
                      TiduWindow    *window)
{
  const char *start_ns = g_getenv ("START_NS");
  double first_frame_ms = -1;
  struct rusage usage;
  guint rows = 0;

  if (bench_search.model != NULL)
    {
      bench_search_after_paint ();
      return;
    }

  if (tidu_window_get_database (window) == NULL
      || g_strcmp0 (tidu_window_get_visible_state (window), "places") != 0
      || !bench_lists_filled (GTK_WIDGET (window), &rows))
    return;

  if (start_ns != NULL && *start_ns != '\0')
    {
      struct timespec now;

      clock_gettime (CLOCK_REALTIME, &now);
      first_frame_ms = (now.tv_sec * 1e9 + now.tv_nsec - g_ascii_strtod (start_ns, NULL)) / 1e6;
    }
  getrusage (RUSAGE_SELF, &usage);
  g_print ("first_frame_ms=%.1f since_main_ms=%.1f maxrss_kb=%ld place=%s rows=%u\n",
           first_frame_ms, (g_get_monotonic_time () - bench_main_us) / 1e3, usage.ru_maxrss,
           tidu_window_get_place (window), rows);
  fflush (stdout);

  if (g_getenv ("TIDU_BENCH_SEARCH") != NULL)
    {
      GtkWidget *list = bench_find (GTK_WIDGET (window), TIDU_TYPE_RECORD_LIST);

      if (list != NULL)
        {
          GtkWidget *entry = bench_find (list, GTK_TYPE_SEARCH_ENTRY);

          bench_search.model = tidu_record_list_get_model (TIDU_RECORD_LIST (list));
          bench_search.terms = g_strsplit (g_getenv ("TIDU_BENCH_SEARCH"), "|", -1);
          if (entry != NULL)
            g_object_get (entry, "search-delay", &bench_search.delay_ms, NULL);
          g_signal_connect (bench_search.model, "notify::loading", G_CALLBACK (bench_loading_cb), NULL);
          bench_search_next ();
          return;
        }
    }
  _exit (0);
}

static void
bench_window_map_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), window);
}

static void
bench_window_added_cb (GtkApplication *application,
                       GtkWindow      *window)
{
  if (TIDU_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (bench_window_map_cb), NULL);
}

static gboolean
bench_timeout_cb (gpointer user_data)
{
  g_printerr ("TIDU_BENCH_FIRST_FRAME: no filled list after 60 s\n");
  _exit (1);
}

void
tidu_bench_hook_mark_start (void)
{
  bench_main_us = g_get_monotonic_time ();
}

void
tidu_bench_hook_install (GtkApplication *application)
{
  g_signal_connect (application, "window-added", G_CALLBACK (bench_window_added_cb), NULL);
  g_timeout_add_seconds (60, bench_timeout_cb, NULL);
}
