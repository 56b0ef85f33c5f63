/* test-overview-page.c: the Overview on sample data: the figures the statistics give, a click
 * on a ladder bar listing exactly its firms, filters, the PDF report and printed pages, and the
 * targets editor (add with a yearly breakdown, edit, delete with Undo)
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "tidu-carrier-chart.h"
#include "tidu-firms-page.h"
#include "tidu-overview-page.h"
#include "tidu-targets-window.h"
#include "tidu-undo.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

static TiduApplication *app;

typedef struct
{
  char             *dir;
  TiduDatabase     *database;
  TiduWindow       *window;
  TiduOverviewPage *page;
} Fixture;

/* With TIDU_TEST_SHOTS=DIR, saves what @widget shows as DIR/NAME.png, for looking at windows
 * that need clicks to reach. */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("TIDU_TEST_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  gint64 end;

  if (dir == NULL)
    return;
  end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  /* Past the stacks' and revealers' transitions. */
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  tidu_test_settle ();
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static gboolean
page_ready (TiduOverviewPage *page)
{
  return !tidu_overview_page_get_loading (page) && tidu_overview_page_get_dashboard (page) != NULL;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = tidu_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  tidu_window_set_database (fixture->window, fixture->database);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.place", "s", "overview");
  fixture->page = TIDU_OVERVIEW_PAGE (tidu_test_find_widget (GTK_WIDGET (fixture->window), TIDU_TYPE_OVERVIEW_PAGE));
  g_assert_nonnull (fixture->page);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TiduSampleOptions options = { .n_firms = GPOINTER_TO_UINT (data), .seed = 7 };

  fixture->dir = tidu_test_make_dir ();
  path = g_build_filename (fixture->dir, "tidu.db", NULL);
  fixture->database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (options.n_firms > 0)
    {
      g_assert_true (tidu_sample_generate (fixture->database, &options, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  open_window (fixture);
  if (options.n_firms > 0)
    TIDU_TEST_WAIT_FOR (page_ready (fixture->page));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tidu_test_destroy_toplevels ();
  g_clear_object (&fixture->database);
  tidu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The filter the page uses with nothing chosen: today, the last five years. */
static TiduStatsFilter *
default_filter (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  TiduStatsFilter *filter = tidu_stats_filter_new ();

  filter->to_year = g_date_time_get_year (now);
  filter->from_year = filter->to_year - 4;
  return filter;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpstr (tidu_overview_page_get_visible_state (fixture->page), ==, "empty");
  g_assert_null (tidu_overview_page_get_dashboard (fixture->page));
}

/* The key numbers and the ladder chart are the statistics' own figures. */
static void
test_dashboard (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TiduStatsFilter) filter = default_filter ();
  g_autoptr(TiduLadder) expected = NULL;
  g_autoptr(GError) error = NULL;
  const TiduDashboard *dashboard;
  TiduChartView *view;
  TiduChartData *chart;
  gint64 total = 0;

  g_assert_cmpstr (tidu_overview_page_get_visible_state (fixture->page), ==, "dashboard");
  dashboard = tidu_overview_page_get_dashboard (fixture->page);
  expected = tidu_stats_ladder (fixture->database, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dashboard->progression->from_year, ==, filter->from_year);
  g_assert_cmpint (dashboard->progression->to_year, ==, filter->to_year);
  g_assert_cmpuint (dashboard->ladder->tiers->len, ==, expected->tiers->len);

  view = tidu_overview_page_get_chart_view (fixture->page, TIDU_CHART_LADDER);
  chart = tidu_chart_view_get_data (view);
  g_assert_nonnull (chart);
  g_assert_cmpint (chart->kind, ==, TIDU_CHART_LADDER);
  for (guint i = 0; i < expected->tiers->len; i++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (expected->tiers, i);
      g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, expected->counts[i]);

      g_assert_cmpint (dashboard->ladder->counts[i], ==, expected->counts[i]);
      g_assert_cmpstr (tidu_overview_page_get_tier_number (fixture->page, tier->code), ==, number);
      g_assert_cmpfloat (tidu_chart_data_get_value (chart, 0, i), ==, (double) expected->counts[i]);
      total += expected->counts[i];
    }
  /* The sample holds certified firms: the test is about real numbers, not zeros. */
  g_assert_cmpint (total, >, 0);
  g_assert_cmpint (dashboard->ladder->total, ==, total);

  for (guint k = 0; k < TIDU_N_CHART_KINDS; k++)
    if (k != TIDU_CHART_TIMELINE)
      g_assert_nonnull (tidu_chart_view_get_data (tidu_overview_page_get_chart_view (fixture->page, k)));
}

/* A click on a ladder bar opens the Firms place listing exactly the firms of that bar. */
static void
test_ladder_click (Fixture       *fixture,
                   gconstpointer  data)
{
  const TiduDashboard *dashboard = tidu_overview_page_get_dashboard (fixture->page);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  TiduFirmsPage *firms;
  TiduListModel *model;
  const TiduVocabItem *tier = NULL;
  gint64 count = 0;
  TiduStatsCell cell = { .measure = TIDU_STATS_LADDER };

  for (guint i = 0; i < dashboard->ladder->tiers->len; i++)
    if (dashboard->ladder->counts[i] > count)
      {
        count = dashboard->ladder->counts[i];
        tier = g_ptr_array_index (dashboard->ladder->tiers, i);
      }
  g_assert_nonnull (tier);
  cell.tier = tier->code;
  ids = tidu_stats_firm_ids (fixture->database, dashboard->filter, &cell, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (ids), ==, count);

  g_signal_emit_by_name (tidu_overview_page_get_chart_view (fixture->page, TIDU_CHART_LADDER), "activated", tier->code);
  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_window_get_place (fixture->window), "firms") == 0);
  firms = TIDU_FIRMS_PAGE (tidu_test_find_widget (GTK_WIDGET (fixture->window), TIDU_TYPE_FIRMS_PAGE));
  model = tidu_record_list_get_model (tidu_firms_page_get_record_list (firms));
  TIDU_TEST_WAIT_FOR (tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model)
                      && tidu_list_query_get_filter (tidu_list_model_get_query (model), "ids") != NULL);
  tidu_test_settle ();

  g_assert_cmpstr (tidu_firms_page_get_visible_state (firms), ==, "list");
  g_assert_nonnull (tidu_firms_page_get_selection_description (firms));
  g_assert_nonnull (strstr (tidu_firms_page_get_selection_description (firms), tidu_vocab_item_get_label (tier)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, count);
  save_shot (GTK_WIDGET (fixture->window), "firms-from-overview");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (g_strv_contains ((const char * const *) ids, tidu_list_item_get_id (item)));
    }

  /* Show All brings every firm back. */
  gtk_widget_activate_action (GTK_WIDGET (firms), "firms.show-all", NULL);
  TIDU_TEST_WAIT_FOR (tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model)
                      && tidu_list_query_get_filter (tidu_list_model_get_query (model), "ids") == NULL);
  g_assert_null (tidu_firms_page_get_selection_description (firms));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, GPOINTER_TO_UINT (data));
}

/* Changing the years counts again for the new years; the figures match the statistics. */
static void
test_years (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TiduStatsFilter) filter = default_filter ();
  g_autoptr(TiduLadder) expected = NULL;
  g_autoptr(GError) error = NULL;
  const TiduDashboard *dashboard;
  int last = filter->to_year - 1;

  /* Two changes in a row: only the last one's figures show. */
  tidu_overview_page_set_years (fixture->page, last - 1, last);
  tidu_overview_page_set_years (fixture->page, last - 2, last);
  g_assert_true (tidu_overview_page_get_loading (fixture->page));
  TIDU_TEST_WAIT_FOR (page_ready (fixture->page));

  save_shot (GTK_WIDGET (fixture->window), "overview-last-year");
  dashboard = tidu_overview_page_get_dashboard (fixture->page);
  g_assert_cmpint (dashboard->progression->from_year, ==, last - 2);
  g_assert_cmpint (dashboard->progression->to_year, ==, last);
  g_assert_cmpint (g_date_get_year (&dashboard->ladder->date), ==, last);
  g_assert_cmpint (g_date_get_month (&dashboard->ladder->date), ==, 12);
  g_assert_cmpint (g_date_get_day (&dashboard->ladder->date), ==, 31);

  g_date_set_dmy (&filter->date, 31, G_DATE_DECEMBER, last);
  filter->from_year = last - 2;
  filter->to_year = last;
  expected = tidu_stats_ladder (fixture->database, filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < expected->tiers->len; i++)
    g_assert_cmpint (dashboard->ladder->counts[i], ==, expected->counts[i]);
}

/* A region counts its own firms and those of the regions below it, as the statistics do. */
static void
test_region (Fixture       *fixture,
             gconstpointer  data)
{
  GtkDropDown *regions = GTK_DROP_DOWN (tidu_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN));
  g_autoptr(TiduStatsFilter) filter = default_filter ();
  g_autoptr(TiduLadder) expected = NULL;
  g_autoptr(TiduLadder) all = NULL;
  g_autoptr(GError) error = NULL;
  const TiduDashboard *dashboard;

  all = tidu_stats_ladder (fixture->database, filter, &error);
  g_assert_no_error (error);

  /* The first entry is "Any", the second the top of the region tree. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (regions)), >, 2);
  gtk_drop_down_set_selected (regions, 2);
  g_assert_true (tidu_overview_page_get_loading (fixture->page));
  TIDU_TEST_WAIT_FOR (page_ready (fixture->page)
                      && tidu_overview_page_get_dashboard (fixture->page)->filter->region_id != NULL);
  dashboard = tidu_overview_page_get_dashboard (fixture->page);

  filter->region_id = g_strdup (dashboard->filter->region_id);
  expected = tidu_stats_ladder (fixture->database, filter, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dashboard->ladder->total, ==, expected->total);
  g_assert_cmpint (dashboard->ladder->total, <, all->total);
  for (guint i = 0; i < expected->tiers->len; i++)
    g_assert_cmpint (dashboard->ladder->counts[i], ==, expected->counts[i]);

  /* Back to every region. */
  gtk_drop_down_set_selected (regions, 0);
  TIDU_TEST_WAIT_FOR (page_ready (fixture->page)
                      && tidu_overview_page_get_dashboard (fixture->page)->filter->region_id == NULL);
  g_assert_cmpint (tidu_overview_page_get_dashboard (fixture->page)->ladder->total, ==, all->total);
}

static char *
squeeze (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (squeezed, *p);
  return g_string_free (squeezed, FALSE);
}

/* The text of a PDF, without white space (pdftotext breaks lines where the layout wrapped). */
static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-enc", "UTF-8", path, "-", NULL };
  int status;

  if (program == NULL)
    g_error ("pdftotext (poppler-utils) is missing: run build-aux/bootstrap");
  argv[0] = program;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return squeeze (out);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "overview.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(TiduChartReport) pages = NULL;
  gsize length = 0;

  tidu_overview_page_export_report (fixture->page, path);
  TIDU_TEST_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS)
                      && !tidu_overview_page_get_writing_report (fixture->page));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  if (g_getenv ("TIDU_TEST_SHOTS") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("TIDU_TEST_SHOTS"), "overview.pdf", NULL);

      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }

  /* The report names the filters and holds the key numbers as a table. */
  {
    const TiduDashboard *dashboard = tidu_overview_page_get_dashboard (fixture->page);
    g_autofree char *text = pdf_text (path);
    g_autofree char *date = tidu_date_to_iso (&dashboard->ladder->date);

    g_assert_nonnull (strstr (text, "TieredCultivationOverview"));
    g_assert_nonnull (strstr (text, "Region:Allregions"));
    g_assert_nonnull (strstr (text, date));
    g_assert_nonnull (strstr (text, "KeyNumbers"));
    g_assert_nonnull (strstr (text, "Firmswithatier"));
    for (guint i = 0; i < dashboard->ladder->tiers->len; i++)
      {
        const TiduVocabItem *tier = g_ptr_array_index (dashboard->ladder->tiers, i);
        g_autofree char *label = squeeze (tidu_vocab_item_get_label (tier));

        g_assert_nonnull (strstr (text, label));
      }
  }

  /* Printing draws the same pages, recorded. */
  pages = tidu_overview_page_record_pages (fixture->page);
  g_assert_nonnull (pages);
  g_assert_nonnull (tidu_chart_report_get_pages (pages));
  g_assert_cmpuint (tidu_chart_report_get_pages (pages)->len, >=, 2);
  g_assert_cmpuint (tidu_chart_report_get_pages (pages)->len, ==, tidu_chart_report_get_n_pages (pages));
}

/* ------------------------------------------------------------------ targets */

static gboolean
targets_loaded (TiduTargetsWindow *window)
{
  return !tidu_targets_window_get_loading (window);
}

static GPtrArray *
live_targets (TiduDatabase *database)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *targets = tidu_target_list (database, NULL, 0, FALSE, &error);

  g_assert_no_error (error);
  return targets;
}

static guint
find_target (TiduTargetsWindow *window,
             const char        *id)
{
  for (guint i = 0; i < tidu_targets_window_get_n_targets (window); i++)
    if (g_strcmp0 (tidu_targets_window_get_target_id (window, i), id) == 0)
      return i;
  return G_MAXUINT;
}

static gboolean
dashboard_has_target (TiduOverviewPage *page,
                      const char       *id)
{
  const TiduDashboard *dashboard = tidu_overview_page_get_dashboard (page);

  for (guint i = 0; dashboard != NULL && i < dashboard->targets->len; i++)
    if (g_strcmp0 (((TiduTargetProgress *) g_ptr_array_index (dashboard->targets, i))->target_id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(TiduTarget) target = tidu_target_new ();
  g_autoptr(TiduTarget) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  TiduTargetsWindow *window;
  TiduTargetEditor *editor;
  guint n, index;
  int year = g_date_get_year (&tidu_overview_page_get_dashboard (fixture->page)->ladder->date);

  /* Ctrl+T's action opens the editor window. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "overview.targets", NULL);
  window = TIDU_TARGETS_WINDOW (tidu_test_find_toplevel (TIDU_TYPE_TARGETS_WINDOW));
  g_assert_nonnull (window);
  /* Asked again, the same window comes forward. */
  g_assert_true (tidu_overview_page_open_targets (fixture->page) == GTK_WINDOW (window));
  TIDU_TEST_WAIT_FOR (targets_loaded (window));
  targets = live_targets (fixture->database);
  n = targets->len;
  g_clear_pointer (&targets, g_ptr_array_unref);
  g_assert_cmpuint (tidu_targets_window_get_n_targets (window), ==, n);

  /* Add: a goal without a number is refused, and nothing is saved. */
  editor = tidu_targets_window_edit (window, NULL);
  target->indicator = g_strdup ("firms_per_tier");
  target->parameter = g_strdup ("hnte");
  target->title = g_strdup ("有效高新技术企业达300家");
  target->start_year = year - 1;
  target->end_year = year + 1;
  target->value = TIDU_UNSET;
  tidu_target_editor_set_target (editor, target);
  g_assert_false (tidu_target_editor_save (editor));
  targets = live_targets (fixture->database);
  g_assert_cmpuint (targets->len, ==, n);
  g_clear_pointer (&targets, g_ptr_array_unref);

  /* A yearly breakdown that is no number is refused too. */
  target->value = 300;
  tidu_target_editor_set_target (editor, target);
  g_assert_cmpstr (tidu_target_editor_get_year_text (editor, year), ==, "");
  g_assert_null (tidu_target_editor_get_year_text (editor, year + 2));
  tidu_target_editor_set_year_text (editor, year, "二百");
  g_assert_false (tidu_target_editor_save (editor));
  tidu_target_editor_set_year_text (editor, year - 1, "200");
  tidu_target_editor_set_year_text (editor, year, "250");
  g_assert_true (tidu_target_editor_save (editor));
  TIDU_TEST_WAIT_FOR (targets_loaded (window) && tidu_targets_window_get_n_targets (window) == n + 1);

  targets = live_targets (fixture->database);
  g_assert_cmpuint (targets->len, ==, n + 1);
  for (guint i = 0; i < targets->len; i++)
    {
      const TiduTarget *candidate = g_ptr_array_index (targets, i);

      if (g_strcmp0 (candidate->title, "有效高新技术企业达300家") == 0)
        saved = tidu_target_copy (candidate);
    }
  g_clear_pointer (&targets, g_ptr_array_unref);
  g_assert_nonnull (saved);
  id = g_strdup (saved->id);
  index = find_target (window, id);
  g_assert_cmpstr (saved->title, ==, "有效高新技术企业达300家");
  g_assert_cmpint (saved->value, ==, 300);
  g_assert_cmpint (tidu_target_get_year (saved, year - 1), ==, 200);
  g_assert_cmpint (tidu_target_get_year (saved, year), ==, 250);
  g_assert_cmpint (tidu_target_get_year (saved, year + 1), ==, 300);
  /* The row shows the goal of the year: 250. */
  g_assert_nonnull (strstr (tidu_targets_window_get_progress_text (window, index), "250"));

  save_shot (GTK_WIDGET (window), "targets-window");

  /* Edit: the form shows the saved breakdown; a change is saved on the same record. */
  editor = tidu_targets_window_edit (window, id);
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  save_shot (GTK_WIDGET (editor), "target-editor");
  g_assert_cmpstr (tidu_target_editor_get_year_text (editor, year), ==, "250");
  tidu_target_editor_set_year_text (editor, year, "260");
  g_assert_true (tidu_target_editor_save (editor));
  TIDU_TEST_WAIT_FOR (targets_loaded (window) && tidu_targets_window_get_n_targets (window) == n + 1);
  g_clear_pointer (&saved, tidu_target_free);
  saved = tidu_target_load (fixture->database, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tidu_target_get_year (saved, year), ==, 260);
  g_assert_cmpint (tidu_target_get_year (saved, year - 1), ==, 200);

  /* The Overview counts the target once it changed. */
  TIDU_TEST_WAIT_FOR (page_ready (fixture->page) && dashboard_has_target (fixture->page, id));

  /* Delete, then Undo. */
  tidu_targets_window_delete (window, id);
  TIDU_TEST_WAIT_FOR (targets_loaded (window) && tidu_targets_window_get_n_targets (window) == n);
  g_assert_cmpuint (find_target (window, id), ==, G_MAXUINT);
  targets = live_targets (fixture->database);
  g_assert_cmpuint (targets->len, ==, n);
  g_clear_pointer (&targets, g_ptr_array_unref);
  g_assert_true (tidu_undo_can_undo (GTK_WIDGET (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "targets.undo", NULL);
  TIDU_TEST_WAIT_FOR (targets_loaded (window) && tidu_targets_window_get_n_targets (window) == n + 1);
  g_assert_cmpuint (find_target (window, id), !=, G_MAXUINT);
  targets = live_targets (fixture->database);
  g_assert_cmpuint (targets->len, ==, n + 1);
}

/* The firm page shows its certifications as a timeline chart, above the same history in words. */
static void
test_firm_timeline (Fixture       *fixture,
                    gconstpointer  data)
{
  const TiduDashboard *dashboard = tidu_overview_page_get_dashboard (fixture->page);
  TiduStatsCell cell = { .measure = TIDU_STATS_LADDER };
  g_autoptr(GPtrArray) certifications = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  TiduFirmsPage *firms;
  TiduChartView *view;
  TiduChartData *chart;

  ids = tidu_stats_firm_ids (fixture->database, dashboard->filter, &cell, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ids[0]);
  certifications = tidu_firm_list_certifications (fixture->database, ids[0], &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.place", "s", "firms");
  firms = TIDU_FIRMS_PAGE (tidu_test_find_widget (GTK_WIDGET (fixture->window), TIDU_TYPE_FIRMS_PAGE));
  tidu_firms_page_open_firm (firms, ids[0]);
  view = TIDU_CHART_VIEW (tidu_test_find_widget (GTK_WIDGET (tidu_firms_page_get_detail (firms)), TIDU_TYPE_CHART_VIEW));
  g_assert_nonnull (view);
  chart = tidu_chart_view_get_data (view);
  g_assert_nonnull (chart);
  save_shot (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (view))), "firm-timeline");
  g_assert_cmpint (chart->kind, ==, TIDU_CHART_TIMELINE);
  g_assert_cmpuint (chart->intervals->len, ==, certifications->len);
}

/* The carrier page's performance chart holds the statistics of that carrier. */
static void
test_carrier_chart (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) carriers = NULL;
  g_autoptr(TiduStatsFilter) filter = default_filter ();
  g_autoptr(TiduCarrierPerformance) expected = NULL;
  g_autoptr(GError) error = NULL;
  const TiduListChoice *carrier;
  TiduCarrierChart *chart = TIDU_CARRIER_CHART (g_object_ref_sink (tidu_carrier_chart_new ()));
  TiduChartData *drawn;

  carriers = tidu_list_filter_choices (fixture->database, TIDU_LIST_FIRMS, "carrier_id", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carriers->len, >, 0);
  carrier = g_ptr_array_index (carriers, 0);
  filter->carrier_id = g_strdup (carrier->value);
  expected = tidu_stats_carrier_performance (fixture->database, filter, &error);
  g_assert_no_error (error);

  tidu_carrier_chart_set_carrier (chart, fixture->database, carrier->value, carrier->label);
  g_assert_true (tidu_carrier_chart_get_loading (chart));
  TIDU_TEST_WAIT_FOR (!tidu_carrier_chart_get_loading (chart));
  drawn = tidu_chart_view_get_data (tidu_carrier_chart_get_view (chart));
  g_assert_nonnull (drawn);
  g_assert_cmpint (drawn->kind, ==, TIDU_CHART_CARRIER);
  g_assert_cmpuint (tidu_chart_data_get_n_categories (drawn), ==, expected->n_years);
  for (guint y = 0; y < expected->n_years; y++)
    g_assert_cmpfloat (tidu_chart_data_get_value (drawn, 0, y), ==, (double) expected->years[y].incubated);
  g_object_unref (chart);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tidu_test_init (&argc, &argv);
  /* Screenshots in the locale's language: TIDU_LOCALEDIR names the compiled catalogs. */
  if (g_getenv ("TIDU_TEST_SHOTS") != NULL && g_getenv ("TIDU_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TIDU_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  app = tidu_test_application_new ();

  g_test_add ("/overview-page/empty", Fixture, GUINT_TO_POINTER (0), fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/overview-page/dashboard", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_dashboard, fixture_tear_down);
  g_test_add ("/overview-page/ladder-click", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_ladder_click, fixture_tear_down);
  g_test_add ("/overview-page/years", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_years, fixture_tear_down);
  g_test_add ("/overview-page/region", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_region, fixture_tear_down);
  g_test_add ("/overview-page/report", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/overview-page/firm-timeline", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_firm_timeline, fixture_tear_down);
  g_test_add ("/overview-page/carrier-chart", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_carrier_chart, fixture_tear_down);
  g_test_add ("/overview-page/targets", Fixture, GUINT_TO_POINTER (300), fixture_set_up, test_targets, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
