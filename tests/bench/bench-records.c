/* bench-records.c: search and list-model timings on one database, against in-process floors.
 *
 * Not part of `meson test`; tests/bench/bench-records.sh runs it on an empty database and on a
 * 100,000-firm sample and prints them side by side (PERFORMANCE.md §4 targets 3 and 6).
 *
 *   bench-records [--runs N] [--explain] DATABASE
 *
 * Each line is "measure name key=value …"; times are in milliseconds, one warm-up run, then N
 * timed runs (21 unless set), median and p95 (nearest rank):
 *
 *   floor page       SELECT count(*) FROM firms + the first 50 live (rowid, name, uscc) by name:
 *                    what any list's first screen costs, the reference of "page"
 *   floor ids        every live firm's rowid by name into an array: the reference of "rowids"
 *                    and "model-fill"
 *   keystroke TEXT   what the list model's worker does per keystroke (docs/adr/0008): check that
 *                    its base order is current (PRAGMA data_version), read each term's rowid
 *                    set from the FTS indexes, intersect them and keep the base order's rows in
 *                    the set, giving the ordered result, its count and the first page's rowids
 *                    — target 3: ≤ 2 ms p95. A new base each run: no term is kept from before.
 *   keystroke-typed TEXT  the same right after the search without its last term (typing on:
 *                    the base kept the other terms' rowids)
 *   base             tidu_list_base_new: the base order a keystroke filters (the firm list
 *                    without search), read once per sort, filter or data change
 *   page TEXT        the old path, for comparison: one SQL statement counting the matches
 *                    (tidu_search_build_count_sql) and one for the first 50 rows by name
 *                    (tidu_search_build_sql's condition, ORDER BY name LIMIT 50), then their
 *                    cells (tidu_list_fetch_rows)
 *   rowids TEXT      tidu_list_query_run: the full sorted rowid array the list model keeps
 *   like TEXT        the naive alternative, count(*) with LIKE '%TEXT%' on name (reference only)
 *   page-fetch 100   tidu_list_fetch_rows on 100 rowids, a page of the list model, pages
 *                    taken across the list, each row's tier looked up: what a page read on
 *                    the main thread costs before the tier prefetch below has come (for about
 *                    its own time after a long list is shown or refreshed)
 *   tier-prefetch    tidu_list_prefetch_new: every firm's current tier at once, which the
 *                    list model reads on a worker as soon as a list longer than its first
 *                    pages is shown, and again after each refresh
 *   page-fetch-prefetched 100  the same pages with those tiers: what the model's pages read on
 *                    the main thread cost — target 6: ≤ 1 ms
 *   start …          a new connection, tidu_database_count of the firms (the Firms place's
 *                    empty check) and the first page of 100 rows: the app's own main-thread
 *                    work before its first frame — target 7: ≤ 50 ms
 *   model-fill all   a new TiduListModel on the database until items-changed has delivered the
 *                    rows (both steps of a list growing from none, tidu-list-model.c) and the
 *                    first page of items is fetched, iterating the main context (what the
 *                    Firms place does at startup) — target 6: ≤ 50 ms
 *   model-fill TEXT  the same model searching TEXT (a keystroke: the worker connection is reused)
 *   rss              peak RSS of this process (getrusage)
 *
 * --explain adds the EXPLAIN QUERY PLAN of the statements whose p95 misses its target.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "tidu-core.h"
#include "tidu-database-private.h"
#include "tidu-list.h"
#include "tidu-list-model.h"
#include "tidu-record-private.h"
#include "tidu-search.h"

#define PAGE_ROWS 50
#define SEARCH_TARGET_MS 2.0
#define FILL_TARGET_MS 50.0

/* 1, 2 (common and rare), 3 and 6 characters, two terms, a credit-code fragment. */
static const char *queries[] = {
  "华", "智能", "华泰", "智能科", "镇江市京口区", "镇江市 智能", "MA2C8",
};

static guint runs = 21;
static gboolean explain;

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

typedef struct
{
  double median;
  double p95;
  double first;   /* the warm-up run */
} Stats;

static Stats
stats_of (double *times,
          guint   n,
          double  first)
{
  Stats stats = { 0, 0, first };

  qsort (times, n, sizeof (double), compare_doubles);
  stats.median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  stats.p95 = times[MIN (n - 1, (guint) ((95 * n + 99) / 100) - 1)];
  return stats;
}

typedef double (*RunFunc) (gpointer data);

/* One warm-up run, then @runs timed ones. */
static Stats
measure (RunFunc  func,
         gpointer data)
{
  g_autofree double *times = g_new (double, runs);
  double first = func (data);

  for (guint i = 0; i < runs; i++)
    times[i] = func (data);
  return stats_of (times, runs, first);
}

static sqlite3_stmt *
prepare (TiduDatabase *db,
         const char   *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (tidu_database_get_handle (db), sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    g_error ("Could not prepare %s: %s", sql, sqlite3_errmsg (tidu_database_get_handle (db)));
  return stmt;
}

static void
bind_texts (sqlite3_stmt *stmt,
            GPtrArray    *values)
{
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (values, i), -1, SQLITE_STATIC);
}

/* ---------------------------------------------------------------- page + count */

typedef struct
{
  TiduDatabase  *db;
  TiduListQuery *query;
  GPtrArray     *values;
  sqlite3_stmt  *count;
  sqlite3_stmt  *page;
  gint64         hits;
  double         count_ms;
  double         page_ms;
} PageRun;

static double
run_page (gpointer user_data)
{
  PageRun *run = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rowids[PAGE_ROWS];
  guint n = 0;
  double start = now_ms ();
  double counted;

  bind_texts (run->count, run->values);
  if (sqlite3_step (run->count) != SQLITE_ROW)
    g_error ("count: %s", sqlite3_errmsg (tidu_database_get_handle (run->db)));
  run->hits = sqlite3_column_int64 (run->count, 0);
  sqlite3_reset (run->count);
  counted = now_ms ();

  bind_texts (run->page, run->values);
  while (sqlite3_step (run->page) == SQLITE_ROW)
    rowids[n++] = sqlite3_column_int64 (run->page, 0);
  sqlite3_reset (run->page);
  rows = tidu_list_fetch_rows (run->db, run->query, rowids, n, &error);
  if (rows == NULL)
    g_error ("fetch: %s", error->message);

  run->count_ms = counted - start;
  run->page_ms = now_ms () - counted;
  return now_ms () - start;
}

/* The floor: the same two statements with no search at all, on a bare column. */
static double
run_floor_page (gpointer user_data)
{
  PageRun *run = user_data;
  double start = now_ms ();
  gint64 total = 0;

  sqlite3_step (run->count);
  run->hits = sqlite3_column_int64 (run->count, 0);
  sqlite3_reset (run->count);
  while (sqlite3_step (run->page) == SQLITE_ROW)
    total += sqlite3_column_bytes (run->page, 1) + sqlite3_column_bytes (run->page, 2);
  sqlite3_reset (run->page);
  return now_ms () - start + 0 * total;
}

static void
bench_page (TiduDatabase *db,
            const char   *text)
{
  g_autoptr(TiduSearch) search = tidu_search_new (text);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autofree char *count_sql = tidu_search_build_count_sql (search, TIDU_SEARCH_FIRMS, FALSE, values);
  g_autofree char *condition = tidu_search_build_sql (search, TIDU_SEARCH_FIRMS, "x", values);
  g_autofree char *page_sql = NULL;
  PageRun run = { db, query, values, NULL, NULL, 0, 0, 0 };
  g_autofree double *count_times = g_new (double, runs);
  g_autofree double *page_times = g_new (double, runs);
  g_autofree double *times = g_new (double, runs);
  Stats stats, count_stats, page_stats;

  page_sql = g_strdup_printf ("SELECT x.rowid FROM firms x WHERE x.deleted_at IS NULL AND %s"
                              " ORDER BY x.name, x.rowid LIMIT %d", condition, PAGE_ROWS);
  run.count = prepare (db, count_sql);
  run.page = prepare (db, page_sql);

  run_page (&run);
  for (guint i = 0; i < runs; i++)
    {
      times[i] = run_page (&run);
      count_times[i] = run.count_ms;
      page_times[i] = run.page_ms;
    }
  stats = stats_of (times, runs, 0);
  count_stats = stats_of (count_times, runs, 0);
  page_stats = stats_of (page_times, runs, 0);

  printf ("page %s hits=%" G_GINT64_FORMAT " median_ms=%.3f p95_ms=%.3f count_median_ms=%.3f"
           " rows_median_ms=%.3f\n", text, run.hits, stats.median, stats.p95,
           count_stats.median, page_stats.median);
  /* The old path is a reference now: its plans (a temporary b-tree sorting the matches by
   * name) are in docs/adr/0008-list-search-in-memory.md. */

  sqlite3_finalize (run.count);
  sqlite3_finalize (run.page);
}

/* ---------------------------------------------------------------- keystrokes */

typedef struct
{
  TiduDatabase  *db;
  TiduListQuery *query;
  TiduListQuery *prefix;     /* nullable: searched on the same base just before, untimed */
  guint          hits;
  gint64         first_page[TIDU_LIST_MODEL_PAGE_SIZE];
} KeystrokeRun;

/* A new base order each run (untimed), so that no term's rowids are kept from an earlier
 * run: the timed search reads every term from the indexes, unless @prefix searched it. */
static double
run_keystroke (gpointer user_data)
{
  KeystrokeRun *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(TiduListBase) base = tidu_list_base_new (run->db, run->query, &error);
  double start;
  double elapsed;

  if (base == NULL)
    g_error ("keystroke: %s", error->message);
  if (run->prefix != NULL)
    g_array_unref (tidu_list_base_search (base, run->db, run->prefix, NULL));
  start = now_ms ();

  if (!tidu_list_base_is_current (base, run->db, run->query))
    g_error ("keystroke: the base order went stale");
  rowids = tidu_list_base_search (base, run->db, run->query, &error);
  if (rowids == NULL)
    g_error ("keystroke: %s", error->message);
  run->hits = rowids->len;
  memcpy (run->first_page, rowids->data, MIN (rowids->len, TIDU_LIST_MODEL_PAGE_SIZE) * sizeof (gint64));
  elapsed = now_ms () - start;
  return elapsed;
}

static void
bench_keystroke (TiduDatabase *db,
                 const char   *text)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(TiduListQuery) prefix = NULL;
  g_autoptr(TiduSearch) search = tidu_search_new (text);
  KeystrokeRun run = { db, query, NULL, 0, { 0 } };
  const char * const *terms;
  guint n_terms;
  Stats stats;

  tidu_list_query_set_search (query, text);
  stats = measure (run_keystroke, &run);
  printf ("keystroke %s hits=%u median_ms=%.3f p95_ms=%.3f\n", text, run.hits, stats.median, stats.p95);

  /* Typed: the same text right after the search without its last term (the base keeps the
   * rowids of the terms it has read). */
  terms = tidu_search_get_terms (search, &n_terms);
  if (n_terms < 2)
    return;
  prefix = tidu_list_query_copy (query);
  {
    g_autofree char *text_before = g_strjoinv (" ", (char **) (const char *const[]) { terms[0], NULL });

    for (guint i = 1; i + 1 < n_terms; i++)
      {
        char *longer = g_strconcat (text_before, " ", terms[i], NULL);

        g_free (text_before);
        text_before = longer;
      }
    tidu_list_query_set_search (prefix, text_before);
  }
  run.prefix = prefix;
  stats = measure (run_keystroke, &run);
  printf ("keystroke-typed %s hits=%u median_ms=%.3f p95_ms=%.3f\n", text, run.hits, stats.median, stats.p95);
}

/* A list query on a database, and how many rows it gave (run_base, run_rowids). */
typedef struct
{
  TiduDatabase  *db;
  TiduListQuery *query;
  guint          n;
} ListRun;

static double
run_base (gpointer user_data)
{
  ListRun *run = user_data;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  TiduListBase *base = tidu_list_base_new (run->db, run->query, &error);
  double elapsed = now_ms () - start;

  if (base == NULL)
    g_error ("base: %s", error->message);
  run->n = tidu_list_base_get_rowids (base)->len;
  tidu_list_base_unref (base);
  return elapsed;
}

/* ---------------------------------------------------------------- rowid arrays */

static double
run_rowids (gpointer user_data)
{
  ListRun *run = user_data;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  GArray *rowids = tidu_list_query_run (run->db, run->query, &error);
  double elapsed = now_ms () - start;

  if (rowids == NULL)
    g_error ("list: %s", error->message);
  run->n = rowids->len;
  g_array_unref (rowids);
  return elapsed;
}

static void
bench_rowids (TiduDatabase *db,
              const char   *text)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  ListRun run = { db, query, 0 };
  Stats stats;

  tidu_list_query_set_search (query, text);
  stats = measure (run_rowids, &run);
  printf ("rowids %s hits=%u median_ms=%.3f p95_ms=%.3f\n", text != NULL ? text : "all",
           run.n, stats.median, stats.p95);
  if (explain && stats.p95 > FILL_TARGET_MS)
    {
      g_autofree char *plan = tidu_list_query_explain (db, query, NULL);

      printf ("  plan of tidu_list_query_run (%s)\n%s", text != NULL ? text : "all", plan);
    }
}

typedef struct
{
  sqlite3_stmt *stmt;
  guint         n;
} StmtRun;

static double
run_ids_floor (gpointer user_data)
{
  StmtRun *run = user_data;
  g_autoptr(GArray) rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 256);
  double start = now_ms ();

  while (sqlite3_step (run->stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (run->stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (run->stmt);
  run->n = rowids->len;
  return now_ms () - start;
}

static double
run_like (gpointer user_data)
{
  StmtRun *run = user_data;
  double start = now_ms ();

  sqlite3_step (run->stmt);
  run->n = sqlite3_column_int (run->stmt, 0);
  sqlite3_reset (run->stmt);
  return now_ms () - start;
}

/* ---------------------------------------------------------------- the list model */

typedef struct
{
  TiduDatabase  *db;
  TiduListModel *model;    /* reused for searches */
  const char    *search;
  guint          n;
} ModelRun;

static void
wait_for_rows (TiduListModel *model)
{
  while (!tidu_list_model_get_loaded (model) || tidu_list_model_get_busy (model))
    g_main_context_iteration (NULL, TRUE);

  /* The view asks for the first items right away: that fetches the first page. */
  if (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
}

/* A new model, as the Firms place has at startup: it opens its worker connection too. */
static double
run_model_new (gpointer user_data)
{
  ModelRun *run = user_data;
  g_autoptr(TiduListModel) model = tidu_list_model_new (TIDU_LIST_FIRMS, NULL);
  double start = now_ms ();
  double elapsed;

  tidu_list_model_set_database (model, run->db);
  wait_for_rows (model);
  elapsed = now_ms () - start;
  run->n = tidu_list_model_get_n_rows (model);
  return elapsed;
}

/* A keystroke: the search goes back and forth between nothing and @search, every other run
 * being timed (the worker connection is reused). */
static double
run_model_search (gpointer user_data)
{
  ModelRun *run = user_data;
  double start;
  double elapsed;

  tidu_list_model_set_search (run->model, NULL);
  wait_for_rows (run->model);

  start = now_ms ();
  tidu_list_model_set_search (run->model, run->search);
  wait_for_rows (run->model);
  elapsed = now_ms () - start;
  run->n = tidu_list_model_get_n_rows (run->model);
  return elapsed;
}

/* ---------------------------------------------------------------- app start */

typedef struct
{
  const char *path;
  gint64      count;
  guint       n;
} StartRun;

/* What the app does on the main thread before the list's first frame: open the file on a new
 * connection, count the live firms (the Firms place's empty check), fetch the first page of
 * 100 rows in name order. */
static double
run_start (gpointer user_data)
{
  StartRun *run = user_data;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rowids[TIDU_LIST_MODEL_PAGE_SIZE];
  sqlite3_stmt *stmt;
  double start = now_ms ();

  db = tidu_database_open (run->path, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL || !tidu_database_count (db, TIDU_ENTITY_FIRM, &run->count, &error))
    g_error ("start: %s", error->message);
  stmt = prepare (db, "SELECT rowid FROM firms INDEXED BY firms_live_name WHERE deleted_at IS NULL"
                      " ORDER BY name, rowid LIMIT 100");
  run->n = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    rowids[run->n++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  rows = tidu_list_fetch_rows (db, query, rowids, run->n, &error);
  return now_ms () - start;
}

typedef struct
{
  TiduDatabase     *db;
  TiduListQuery    *query;
  GArray           *rowids;
  guint             page;
  TiduListPrefetch *prefetch;   /* nullable */
} FetchRun;

/* One page of the list model: the cells of 100 rows by rowid, pages taken in turn across the
 * list so that each run reads rows the cache has not just seen. */
static double
run_fetch (gpointer user_data)
{
  FetchRun *run = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = MAX (1, run->rowids->len / TIDU_LIST_MODEL_PAGE_SIZE);
  guint first = (run->page++ * 7919 % n_pages) * TIDU_LIST_MODEL_PAGE_SIZE;
  guint n = MIN (TIDU_LIST_MODEL_PAGE_SIZE, run->rowids->len - MIN (first, run->rowids->len));
  double start = now_ms ();

  rows = tidu_list_fetch_rows_with (run->db, run->query, run->prefetch,
                                    n > 0 ? &g_array_index (run->rowids, gint64, first) : NULL, n, &error);
  if (rows == NULL)
    g_error ("fetch: %s", error->message);
  return now_ms () - start;
}

typedef struct
{
  TiduDatabase  *db;
  TiduListQuery *query;
} PrefetchRun;

static double
run_prefetch (gpointer user_data)
{
  PrefetchRun *run = user_data;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  TiduListPrefetch *prefetch = tidu_list_prefetch_new (run->db, run->query, &error);
  double elapsed = now_ms () - start;

  if (prefetch == NULL)
    g_error ("prefetch: %s", error->message);
  tidu_list_prefetch_free (prefetch);
  return elapsed;
}

/* ---------------------------------------------------------------- main */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  int n_runs = 21;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Timed runs per measure (21)", "N" },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain, "Print the plans of slow statements", NULL },
    { NULL }
  };
  struct rusage usage;
  gint64 firms = 0;
  Stats stats;

  context = g_option_context_new ("DATABASE");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_runs < 1)
    {
      g_printerr ("Usage: bench-records [--runs N] [--explain] DATABASE\n");
      return 2;
    }
  runs = n_runs;

  db = tidu_database_open (argv[1], TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    {
      g_printerr ("bench-records: %s\n", error->message);
      return 1;
    }
  tidu_database_count (db, TIDU_ENTITY_FIRM, &firms, NULL);
  printf ("database %s firms=%" G_GINT64_FORMAT " sqlite=%s runs=%u\n",
           argv[1], firms, sqlite3_libversion (), runs);

  /* Floors. */
  {
    PageRun run = { db, NULL, NULL, NULL, NULL, 0, 0, 0 };

    run.count = prepare (db, "SELECT count(*) FROM firms");
    run.page = prepare (db, "SELECT rowid, name, uscc FROM firms WHERE deleted_at IS NULL ORDER BY name LIMIT 50");
    stats = measure (run_floor_page, &run);
    printf ("floor page hits=%" G_GINT64_FORMAT " median_ms=%.3f p95_ms=%.3f\n",
             run.hits, stats.median, stats.p95);
    sqlite3_finalize (run.count);
    sqlite3_finalize (run.page);
  }
  {
    /* INDEXED BY as tidu-list.c (schemas 1–4 had a full firms_name index SQLite 3.40 preferred). */
    StmtRun run = { prepare (db, "SELECT rowid FROM firms INDEXED BY firms_live_name"
                                 " WHERE deleted_at IS NULL ORDER BY name, rowid"), 0 };

    stats = measure (run_ids_floor, &run);
    printf ("floor ids hits=%u median_ms=%.3f p95_ms=%.3f\n", run.n, stats.median, stats.p95);
    sqlite3_finalize (run.stmt);
  }

  /* (a) A keystroke on the base order (what the app does), the base order itself, the old
   * path's SQL (count + first page), then the full rowid array of the list query. */
  {
    g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
    ListRun run = { db, query, 0 };

    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      bench_keystroke (db, queries[i]);
    stats = measure (run_base, &run);
    printf ("base all hits=%u median_ms=%.3f p95_ms=%.3f\n", run.n, stats.median, stats.p95);
  }
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    bench_page (db, queries[i]);
  bench_rowids (db, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    bench_rowids (db, queries[i]);
  {
    StmtRun run = { prepare (db, "SELECT count(*) FROM firms WHERE name LIKE '%智能%'"), 0 };

    stats = measure (run_like, &run);
    printf ("like 智能 hits=%u median_ms=%.3f p95_ms=%.3f\n", run.n, stats.median, stats.p95);
    sqlite3_finalize (run.stmt);
  }

  /* Pages and the app's start. */
  {
    g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
    FetchRun run = { db, query, tidu_list_query_run (db, query, NULL), 0, NULL };
    PrefetchRun prefetch_run = { db, query };

    stats = measure (run_fetch, &run);
    printf ("page-fetch 100 rows=%u median_ms=%.3f p95_ms=%.3f\n",
            MIN (run.rowids->len, TIDU_LIST_MODEL_PAGE_SIZE), stats.median, stats.p95);

    /* What the list model does from its second page the main thread reads on: every firm's
     * tier read once on a worker, then pages without a tier look-up per row (other pages
     * than the line above, equally new to the cache). */
    stats = measure (run_prefetch, &prefetch_run);
    printf ("tier-prefetch all median_ms=%.3f p95_ms=%.3f\n", stats.median, stats.p95);
    run.prefetch = tidu_list_prefetch_new (db, query, NULL);
    stats = measure (run_fetch, &run);
    printf ("page-fetch-prefetched 100 rows=%u median_ms=%.3f p95_ms=%.3f\n",
            MIN (run.rowids->len, TIDU_LIST_MODEL_PAGE_SIZE), stats.median, stats.p95);
    tidu_list_prefetch_free (run.prefetch);
    g_array_unref (run.rowids);
  }
  {
    StartRun run = { argv[1], 0, 0 };

    stats = measure (run_start, &run);
    printf ("start open+count+page count=%" G_GINT64_FORMAT " rows=%u first_ms=%.3f median_ms=%.3f p95_ms=%.3f\n",
            run.count, run.n, stats.first, stats.median, stats.p95);
  }

  /* (b) The firm list model. */
  {
    ModelRun run = { db, NULL, NULL, 0 };

    stats = measure (run_model_new, &run);
    printf ("model-fill all items=%u first_ms=%.3f median_ms=%.3f p95_ms=%.3f\n",
             run.n, stats.first, stats.median, stats.p95);

    run.model = tidu_list_model_new (TIDU_LIST_FIRMS, db);
    wait_for_rows (run.model);
    for (const char *const *text = (const char *const[]) { "智能", "华泰", NULL }; *text != NULL; text++)
      {
        run.search = *text;
        stats = measure (run_model_search, &run);
        printf ("model-fill %s items=%u median_ms=%.3f p95_ms=%.3f\n",
                 run.search, run.n, stats.median, stats.p95);
      }
    g_clear_object (&run.model);
  }

  /* (c) Peak RSS. */
  getrusage (RUSAGE_SELF, &usage);
  printf ("rss maxrss_kb=%ld\n", usage.ru_maxrss);

  return 0;
}
