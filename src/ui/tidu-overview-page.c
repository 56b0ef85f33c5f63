/* tidu-overview-page.c: the Overview place
 *
 * A dashboard of the tier ladder today (with the change since the last year end), the
 * progression and transitions over the chosen years, the targets' progress and the carriers'
 * performance, filtered by region (sub-regions included), carrier, industry and years. Every
 * figure comes from one tidu_stats_dashboard () call on a worker with its own connection; a
 * change of filter cancels the refresh under way. Hovering a chart shows the exact value;
 * clicking a bar or cell (or Enter on it) lists exactly the firms behind it in the Firms place.
 * Each chart exports to PNG, SVG or PDF; the whole dashboard goes to an A4 PDF report (on a
 * worker, with progress) or to the printer, both drawn from the same pages. The sample-data
 * empty state shows while the database holds no firms.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tidu-chart-card.h"
#include "tidu-chart-view.h"
#include "tidu-overview-page.h"
#include "tidu-overview-report.h"
#include "tidu-form-util.h"
#include "tidu-sample-loader.h"
#include "tidu-stats-selection.h"
#include "tidu-targets-window.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

/* The charts in the order the dashboard and the report show them. */
static const TiduChartKind chart_kinds[] = {
  TIDU_CHART_LADDER,
  TIDU_CHART_PROGRESSION,
  TIDU_CHART_TRANSITIONS,
  TIDU_CHART_TARGETS,
  TIDU_CHART_CARRIER,
};
#define N_CHARTS G_N_ELEMENTS (chart_kinds)

/* Filters apply this long after the last change, so spinning through years counts once. */
#define REFRESH_DELAY_MS 200

struct _TiduOverviewPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  TiduSampleLoader *sample_loader;
  GtkDropDown      *region_drop;
  GtkDropDown      *carrier_drop;
  GtkDropDown      *industry_drop;
  GtkSpinButton    *from_spin;
  GtkSpinButton    *to_spin;
  GtkSpinner       *spinner;
  GtkRevealer      *progress_revealer;
  GtkLabel         *progress_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *as_of_label;
  GtkLabel         *error_label;
  GtkFlowBox       *numbers_box;
  GtkFlowBox       *charts_box;

  /* Borrowed references */
  TiduChartView    *views[N_CHARTS];
  GHashTable       *tier_numbers;   /* tier code → GtkLabel of its count */

  /* Owned references */
  TiduDatabase     *database;
  GCancellable     *refresh_cancellable;
  GCancellable     *ids_cancellable;
  GCancellable     *report_cancellable;
  TiduDashboard    *dashboard;      /* the figures on screen */
  TiduLadder       *previous;       /* the ladder at the last year end */
  char             *filter_text;    /* the filter of those figures, in words */
  GStrv             region_values;
  GStrv             carrier_values;
  GStrv             industry_values;
  GtkWidget        *targets_window;  /* weak */

  guint             refresh_source;
  gboolean          refresh_pending;  /* waits until the page is shown */
  gboolean          choices_loaded;
  gboolean          setting_filters;
};

G_DEFINE_FINAL_TYPE (TiduOverviewPage, tidu_overview_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sample data needs a database without any of these; with one of them there is something
 * to count (carriers without firms still have their performance). */
static const TiduEntity counted[] = { TIDU_ENTITY_FIRM, TIDU_ENTITY_CARRIER, TIDU_ENTITY_TALENT };

static void start_refresh (TiduOverviewPage *self);

/* ------------------------------------------------------------------ helpers */

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static char *
format_count (gint64 count)
{
  return tidu_ui_format_count (count);
}

static int
chart_index (TiduChartKind kind)
{
  for (guint i = 0; i < N_CHARTS; i++)
    if (chart_kinds[i] == kind)
      return (int) i;
  return -1;
}

static TiduWindow *
get_window (TiduOverviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return TIDU_IS_WINDOW (root) ? TIDU_WINDOW (root) : NULL;
}

static void
show_error_toast (TiduOverviewPage *self,
                  const char       *message)
{
  if (tidu_form_find_toast_overlay (GTK_WIDGET (self)) != NULL)
    tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (message));
  else
    g_warning ("%s", message);
}

/* The filter the widgets show. The as-of day is today in the current year, else the last
 * year's 31 December. */
static TiduStatsFilter *
read_filter (TiduOverviewPage *self)
{
  TiduStatsFilter *filter = tidu_stats_filter_new ();
  int from = gtk_spin_button_get_value_as_int (self->from_spin);
  int to = gtk_spin_button_get_value_as_int (self->to_spin);
  const char *value;

  filter->from_year = MIN (from, to);
  filter->to_year = MAX (from, to);
  if (filter->to_year != current_year ())
    g_date_set_dmy (&filter->date, 31, G_DATE_DECEMBER, filter->to_year);

  value = tidu_form_get_drop_down_value (self->region_drop, self->region_values);
  filter->region_id = g_strdup (value);
  value = tidu_form_get_drop_down_value (self->carrier_drop, self->carrier_values);
  filter->carrier_id = g_strdup (value);
  value = tidu_form_get_drop_down_value (self->industry_drop, self->industry_values);
  filter->industry = g_strdup (value);
  return filter;
}

static void
set_loading (TiduOverviewPage *self,
             gboolean          loading)
{
  if (loading == gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
setup_drop_down (GtkDropDown *drop_down)
{
  gtk_drop_down_set_expression (drop_down,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (drop_down, TRUE);
}

/* Runs @thread on a worker for @self; returns the new task's cancellable. */
static GCancellable *
run_task (TiduOverviewPage    *self,
          gpointer             source_tag,
          gpointer             task_data,
          GDestroyNotify       task_data_free,
          GTaskThreadFunc      thread,
          GAsyncReadyCallback  done)
{
  GCancellable *cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (self, cancellable, done, NULL);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, task_data, task_data_free);
  g_task_run_in_thread (task, thread);
  return cancellable;
}

/* The file a save dialog chose, ending in @ending unless it ends in one of @endings already;
 * NULL when cancelled. Frees the dialog. */
static char *
dup_chosen_path (GtkNativeDialog    *dialog,
                 int                 response,
                 const char * const *endings)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);
  g_object_unref (dialog);
  if (path == NULL)
    return NULL;

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; endings[i] != NULL; i++)
    if (g_str_has_suffix (lower, endings[i]))
      return g_steal_pointer (&path);
  return g_strconcat (path, endings[0], NULL);
}

/* ------------------------------------------------------------------ the worker */

typedef struct
{
  TiduDatabase    *source;   /* the worker opens its own connection to the same data */
  TiduStatsFilter *filter;
  gboolean         load_choices;
} RefreshData;

typedef struct
{
  TiduDashboard *dashboard;
  TiduLadder    *previous;
  char          *subtitles[TIDU_N_CHART_KINDS];  /* what the filter selects, per chart */
  char          *filter_text;
  GPtrArray     *regions;     /* (element-type TiduListChoice), when asked */
  GPtrArray     *carriers;
  GPtrArray     *industries;
} RefreshResult;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_object (&data->source);
  tidu_stats_filter_free (data->filter);
  g_free (data);
}

static void
refresh_result_free (RefreshResult *result)
{
  g_clear_pointer (&result->dashboard, tidu_dashboard_free);
  g_clear_pointer (&result->previous, tidu_ladder_free);
  g_clear_pointer (&result->regions, g_ptr_array_unref);
  g_clear_pointer (&result->carriers, g_ptr_array_unref);
  g_clear_pointer (&result->industries, g_ptr_array_unref);
  for (guint i = 0; i < TIDU_N_CHART_KINDS; i++)
    g_free (result->subtitles[i]);
  g_free (result->filter_text);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RefreshResult, refresh_result_free)

/* The filter in words for the report, one line each, with the names the database gives. */
static char *
describe_filter (TiduDatabase          *database,
                 const TiduStatsFilter *filter)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(TiduRegion) region = NULL;
  g_autoptr(TiduCarrier) carrier = NULL;
  int from_year, to_year;

  if (filter->region_id != NULL)
    region = tidu_region_load (database, filter->region_id, NULL);
  if (filter->carrier_id != NULL)
    carrier = tidu_carrier_load (database, filter->carrier_id, NULL);
  tidu_stats_filter_resolve (filter, NULL, &from_year, &to_year);

  /* Translators: a line of the report: the region filter */
  g_string_append_printf (text, _("Region: %s"), region != NULL ? region->name : _("All regions"));
  g_string_append_c (text, '\n');
  /* Translators: a line of the report: the carrier filter */
  g_string_append_printf (text, _("Carrier: %s"), carrier != NULL ? carrier->name : _("Any"));
  g_string_append_c (text, '\n');
  /* Translators: a line of the report: the industry filter */
  g_string_append_printf (text, _("Industry: %s"), filter->industry != NULL ? filter->industry : _("Any"));
  g_string_append_c (text, '\n');
  /* Translators: a line of the report: the years */
  g_string_append_printf (text, _("Years: %d–%d"), from_year, to_year);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RefreshData *data = task_data;
  g_autoptr(TiduDatabase) database = NULL;
  g_autoptr(TiduStatsFilter) previous = NULL;
  g_autoptr(RefreshResult) result = g_new0 (RefreshResult, 1);
  g_autoptr(GError) error = NULL;
  GDate date;

  database = tidu_database_open_again (data->source, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->load_choices)
    {
      /* In tree order: a region counts with those below it. */
      result->regions = tidu_form_region_choices (database, &error);
      if (result->regions != NULL)
        result->carriers = tidu_list_filter_choices (database, TIDU_LIST_FIRMS, "carrier_id", &error);
      if (result->carriers != NULL)
        result->industries = tidu_list_filter_choices (database, TIDU_LIST_FIRMS, "industry", &error);
      if (result->industries == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  result->dashboard = tidu_stats_dashboard (database, data->filter, &error);
  if (result->dashboard == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  /* The change since the last year end: the same ladder on 31 December a year before. */
  tidu_stats_filter_resolve (data->filter, &date, NULL, NULL);
  previous = tidu_stats_filter_copy (data->filter);
  g_date_clear (&previous->date, 1);
  g_date_set_dmy (&previous->date, 31, G_DATE_DECEMBER, g_date_get_year (&date) - 1);
  previous->from_year = previous->to_year = 0;
  result->previous = tidu_stats_ladder (database, previous, &error);
  if (result->previous == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < TIDU_N_CHART_KINDS; i++)
    result->subtitles[i] = tidu_chart_stats_describe_filter (database, data->filter, (TiduChartKind) i);
  result->filter_text = describe_filter (database, data->filter);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) refresh_result_free);
}

/* ------------------------------------------------------------------ showing the figures */

static GtkWidget *
number_card (const char  *title,
             const char  *number,
             const char  *note,
             GtkLabel   **number_label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  gtk_widget_add_css_class (box, "card");
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (number);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "title-1");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_box_append (GTK_BOX (box), label);
  if (number_label != NULL)
    *number_label = GTK_LABEL (label);

  label = gtk_label_new (note);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_box_append (GTK_BOX (box), label);

  /* One sentence for screen readers: "高新技术企业: 1,234, +12 since 2025-12-31". */
  {
    g_autofree char *sentence = g_strdup_printf ("%s: %s, %s", title, number, note);

    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
  }
  return box;
}

static void
add_number_card (TiduOverviewPage *self,
                 GtkWidget        *card)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_append (self->numbers_box, child);
}

static char *
change_note (gint64       now,
             gint64       before,
             const GDate *since)
{
  g_autofree char *date = tidu_date_to_iso (since);
  g_autofree char *difference = NULL;

  if (now == before)
    /* Translators: %s is a date */
    return g_strdup_printf (_("No change since %s"), date);
  difference = g_strdup_printf ("%+'" G_GINT64_FORMAT, now - before);
  /* Translators: a change of a count, e.g. "+12 since 2025-12-31" */
  return g_strdup_printf (_("%s since %s"), difference, date);
}

static void
show_numbers (TiduOverviewPage *self)
{
  const TiduLadder *ladder = self->dashboard->ladder;
  GtkWidget *child;
  g_autofree char *total = NULL;
  g_autofree char *total_note = NULL;
  guint met = 0;
  guint with_goal = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->numbers_box))) != NULL)
    gtk_flow_box_remove (self->numbers_box, child);
  g_hash_table_remove_all (self->tier_numbers);

  for (guint i = 0; i < ladder->tiers->len; i++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (ladder->tiers, i);
      gint64 before = tidu_ladder_get_count (self->previous, tier->code);
      g_autofree char *number = format_count (ladder->counts[i]);
      g_autofree char *note = change_note (ladder->counts[i], before, &self->previous->date);
      GtkLabel *label = NULL;

      add_number_card (self, number_card (tidu_vocab_item_get_label (tier), number, note, &label));
      g_hash_table_insert (self->tier_numbers, g_strdup (tier->code), label);
    }

  total = format_count (ladder->total);
  total_note = change_note (ladder->total, self->previous->total, &self->previous->date);
  add_number_card (self, number_card (_("Firms with a tier"), total, total_note, NULL));

  for (guint i = 0; i < self->dashboard->targets->len; i++)
    {
      const TiduTargetProgress *progress = g_ptr_array_index (self->dashboard->targets, i);

      if (progress->target == TIDU_UNSET)
        continue;
      with_goal++;
      if (progress->actual >= progress->target)
        met++;
    }
  if (with_goal > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u / %u", met, with_goal);
      g_autofree char *date = tidu_date_to_iso (&ladder->date);
      /* Translators: %s is a date */
      g_autofree char *note = g_strdup_printf (_("Goals reached as of %s"), date);

      add_number_card (self, number_card (_("Targets"), number, note, NULL));
    }
}

static void
show_dashboard (TiduOverviewPage  *self,
                char             **subtitles)
{
  TiduChartData *charts[N_CHARTS] = { NULL };
  g_autofree char *date = tidu_date_to_iso (&self->dashboard->ladder->date);
  g_autofree char *as_of = NULL;
  int year = g_date_get_year (&self->dashboard->ladder->date);

  /* Translators: the first %s is a date, then the years of the progression */
  as_of = g_strdup_printf (_("Figures as of %s; years %d–%d. Hover a bar for its exact value, click it to list its firms."),
                           date, self->dashboard->progression->from_year, self->dashboard->progression->to_year);
  gtk_label_set_text (self->as_of_label, as_of);

  show_numbers (self);

  charts[chart_index (TIDU_CHART_LADDER)] =
    tidu_chart_data_from_ladder (self->dashboard->ladder, subtitles[TIDU_CHART_LADDER]);
  charts[chart_index (TIDU_CHART_PROGRESSION)] =
    tidu_chart_data_from_progression (self->dashboard->progression, subtitles[TIDU_CHART_PROGRESSION]);
  charts[chart_index (TIDU_CHART_TRANSITIONS)] =
    tidu_chart_data_from_transitions (self->dashboard->transitions, subtitles[TIDU_CHART_TRANSITIONS]);
  charts[chart_index (TIDU_CHART_TARGETS)] =
    tidu_chart_data_from_targets (self->dashboard->targets, year, subtitles[TIDU_CHART_TARGETS]);
  charts[chart_index (TIDU_CHART_CARRIER)] =
    tidu_chart_data_from_carriers (self->dashboard->carriers, NULL, subtitles[TIDU_CHART_CARRIER]);
  for (guint i = 0; i < N_CHARTS; i++)
    {
      tidu_chart_view_set_data (self->views[i], charts[i]);
      tidu_chart_data_unref (charts[i]);
    }
}

static void
fill_choices (TiduOverviewPage  *self,
              GtkDropDown       *drop_down,
              GStrv             *values,
              GPtrArray         *choices)
{
  g_autofree char *current = g_strdup (tidu_form_get_drop_down_value (drop_down, *values));

  g_strfreev (*values);
  *values = tidu_form_fill_drop_down (drop_down, choices, C_("filter", "Any"));
  tidu_form_set_drop_down_value (drop_down, *values, current);
}

static void
refresh_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);
  g_autoptr(RefreshResult) figures = NULL;
  g_autoptr(GError) error = NULL;

  figures = g_task_propagate_pointer (G_TASK (result), &error);
  /* A newer refresh, or the page went away. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->refresh_cancellable);
  set_loading (self, FALSE);

  if (figures == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (figures->regions != NULL)
    {
      self->setting_filters = TRUE;
      fill_choices (self, self->region_drop, &self->region_values, figures->regions);
      fill_choices (self, self->carrier_drop, &self->carrier_values, figures->carriers);
      fill_choices (self, self->industry_drop, &self->industry_values, figures->industries);
      self->setting_filters = FALSE;
      self->choices_loaded = TRUE;
    }

  g_clear_pointer (&self->dashboard, tidu_dashboard_free);
  g_clear_pointer (&self->previous, tidu_ladder_free);
  self->dashboard = g_steal_pointer (&figures->dashboard);
  self->previous = g_steal_pointer (&figures->previous);
  g_free (self->filter_text);
  self->filter_text = g_steal_pointer (&figures->filter_text);
  show_dashboard (self, figures->subtitles);
}

static void
start_refresh (TiduOverviewPage *self)
{
  RefreshData *data;

  self->refresh_pending = FALSE;
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  if (self->database == NULL)
    return;

  data = g_new0 (RefreshData, 1);
  data->source = g_object_ref (self->database);
  data->filter = read_filter (self);
  data->load_choices = !self->choices_loaded;

  self->refresh_cancellable = run_task (self, start_refresh, data, (GDestroyNotify) refresh_data_free,
                                        refresh_thread, refresh_done_cb);
  set_loading (self, TRUE);
}

static gboolean
refresh_timeout_cb (gpointer user_data)
{
  TiduOverviewPage *self = user_data;

  self->refresh_source = 0;
  start_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
filters_changed_cb (TiduOverviewPage *self)
{
  if (self->setting_filters || self->database == NULL)
    return;

  /* The figures on screen no longer match: cancel now, count once the changes settle. */
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  set_loading (self, TRUE);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout_cb, self);
}

/* Records may have changed in the other places since the last count: count again whenever
 * the page is shown, keeping the figures on screen until the new ones arrive. */
static void
map_cb (TiduOverviewPage *self)
{
  if (self->refresh_pending
      || (self->dashboard != NULL && self->refresh_cancellable == NULL && self->refresh_source == 0))
    start_refresh (self);
}

/* Whether the database holds firms decides the state at once (an O(1) query); the figures
 * follow from a worker, once the page is shown (DESIGN.md §4). */
static void
refresh (TiduOverviewPage *self)
{
  tidu_sample_loader_set_database (self->sample_loader, self->database);

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_pending = FALSE;
  set_loading (self, FALSE);

  if (!tidu_ui_has_rows (self->database, counted, G_N_ELEMENTS (counted)))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "dashboard");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_refresh (self);
  else
    self->refresh_pending = TRUE;
}

/* Inside a window the loader has refreshed every place already. */
static void
sample_finished_cb (TiduSampleLoader *loader,
                    TiduOverviewPage *self)
{
  if (!TIDU_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    refresh (self);
}

/* ------------------------------------------------------------------ the firms behind a number */

typedef struct
{
  TiduDatabase       *source;
  TiduStatsFilter    *filter;
  TiduStatsSelection *selection;
} IdsData;

static void
ids_data_free (IdsData *data)
{
  g_clear_object (&data->source);
  tidu_stats_filter_free (data->filter);
  tidu_stats_selection_free (data->selection);
  g_free (data);
}

static void
ids_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  IdsData *data = task_data;
  g_autoptr(TiduDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  GStrv ids;

  database = tidu_database_open_again (data->source, &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ids = tidu_stats_firm_ids (database, data->filter, &data->selection->cell, &error);
  if (ids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_strfreev);
}

static void
ids_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);
  IdsData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  TiduWindow *window;

  ids = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->ids_cancellable);
  if (ids == NULL)
    {
      show_error_toast (self, error->message);
      return;
    }

  window = get_window (self);
  if (window != NULL)
    tidu_window_show_firms (window, (const char * const *) ids, data->selection->description);
}

static void
chart_activated_cb (TiduChartView    *view,
                    const char       *key,
                    TiduOverviewPage *self)
{
  TiduStatsSelection *selection;
  TiduChartData *data = tidu_chart_view_get_data (view);
  IdsData *ids_data;

  if (self->dashboard == NULL || data == NULL || self->database == NULL)
    return;

  if (data->kind == TIDU_CHART_TARGETS)
    {
      GtkWindow *targets = tidu_overview_page_open_targets (self);

      if (targets != NULL && key != NULL)
        tidu_targets_window_select (TIDU_TARGETS_WINDOW (targets), key);
      return;
    }

  selection = tidu_stats_selection_from_key (self->dashboard, data->kind, key);
  if (selection == NULL)
    return;

  ids_data = g_new0 (IdsData, 1);
  ids_data->source = g_object_ref (self->database);
  ids_data->filter = tidu_stats_filter_copy (self->dashboard->filter);
  ids_data->selection = selection;

  g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  self->ids_cancellable = run_task (self, chart_activated_cb, ids_data, (GDestroyNotify) ids_data_free,
                                    ids_thread, ids_done_cb);
}

/* ------------------------------------------------------------------ exporting a chart */

static void
export_chart_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          TiduChartView   *view)
{
  /* Without one of these endings the PNG filter's format is meant. */
  static const char * const endings[] = { ".png", ".svg", ".pdf", NULL };
  g_autofree char *path = dup_chosen_path (dialog, response, endings);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    return;

  if (tidu_chart_view_write (view, path, 1200, 800, &error))
    {
      g_autofree char *name = g_path_get_basename (path);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Chart saved as “%s”"), name);

      tidu_form_show_toast (GTK_WIDGET (view), tidu_form_toast_new (title));
    }
  else
    {
      tidu_form_show_toast (GTK_WIDGET (view), tidu_form_toast_new (error->message));
    }
}

static void
add_file_filter (GtkFileChooser *chooser,
                 const char     *name,
                 const char     *pattern,
                 const char     *mime_type)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_chart (TiduOverviewPage *self,
              TiduChartView    *view)
{
  GtkFileChooserNative *dialog;
  TiduChartData *data = tidu_chart_view_get_data (view);
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (data == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_file_filter (GTK_FILE_CHOOSER (dialog), _("PNG image"), "*.png", "image/png");
  add_file_filter (GTK_FILE_CHOOSER (dialog), _("SVG drawing"), "*.svg", "image/svg+xml");
  add_file_filter (GTK_FILE_CHOOSER (dialog), _("PDF document"), "*.pdf", "application/pdf");
  name = g_strdup_printf ("%s.png", data->title);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_chart_response_cb), view);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_chart_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (widget);
  TiduChartKind kind;
  int index;

  if (!tidu_chart_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  index = chart_index (kind);
  if (index >= 0)
    export_chart (self, self->views[index]);
}

/* ------------------------------------------------------------------ the report */

static TiduOverviewReport *
build_report (TiduOverviewPage *self)
{
  const TiduLadder *ladder = self->dashboard->ladder;
  g_autofree char *date = tidu_date_to_iso (&ladder->date);
  g_autofree char *before = tidu_date_to_iso (&self->previous->date);
  g_autofree char *as_of = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) target_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *columns[4] = { _("Tier"), NULL, NULL, NULL };
  const char *target_columns[] = { _("Target"), _("Actual"), _("Goal"), _("Progress"), _("Last year"), NULL };
  TiduOverviewReport *report;

  /* Translators: the footer of each report page, %s is a date */
  footer = g_strdup_printf (_("Tidu overview · %s"), date);
  report = tidu_overview_report_new (_("Tiered Cultivation Overview"), footer);
  /* Translators: a line of the report, %s is a date */
  as_of = g_strdup_printf (_("Figures as of %s"), date);
  tidu_overview_report_add_text (report, as_of);
  tidu_overview_report_add_text (report, self->filter_text);

  tidu_overview_report_add_heading (report, _("Key Numbers"));
  columns[1] = date;
  columns[2] = before;
  for (guint i = 0; i <= ladder->tiers->len; i++)
    {
      gboolean total = i == ladder->tiers->len;
      const TiduVocabItem *tier = total ? NULL : g_ptr_array_index (ladder->tiers, i);
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (total ? _("Firms with a tier") : tidu_vocab_item_get_label (tier));
      row[1] = format_count (total ? ladder->total : ladder->counts[i]);
      row[2] = format_count (total ? self->previous->total : tidu_ladder_get_count (self->previous, tier->code));
      g_ptr_array_add (rows, row);
    }
  tidu_overview_report_add_table (report, columns, g_steal_pointer (&rows));

  for (guint i = 0; i < self->dashboard->targets->len; i++)
    {
      const TiduTargetProgress *progress = g_ptr_array_index (self->dashboard->targets, i);
      char **row = g_new0 (char *, 6);
      TiduIndicator indicator;

      row[0] = g_strdup (progress->title != NULL && *progress->title != '\0' ? progress->title
                         : tidu_indicator_from_string (progress->indicator, &indicator)
                         ? tidu_indicator_get_label (indicator) : progress->indicator);
      row[1] = format_count (progress->actual);
      row[2] = progress->target == TIDU_UNSET ? g_strdup ("—") : format_count (progress->target);
      row[3] = isnan (progress->ratio) ? g_strdup ("—") : g_strdup_printf ("%.0f%%", progress->ratio * 100);
      row[4] = progress->last_year == TIDU_UNSET ? g_strdup ("—") : format_count (progress->last_year);
      g_ptr_array_add (target_rows, row);
    }
  if (target_rows->len > 0)
    {
      tidu_overview_report_add_heading (report, _("Targets"));
      tidu_overview_report_add_table (report, target_columns, g_steal_pointer (&target_rows));
    }

  tidu_overview_report_add_heading (report, _("Charts"));
  for (guint i = 0; i < N_CHARTS; i++)
    {
      TiduChartData *data = tidu_chart_view_get_data (self->views[i]);

      if (data != NULL)
        tidu_overview_report_add_chart (report, data);
    }
  return report;
}

typedef struct
{
  TiduOverviewReport *report;
  char               *path;
} ReportData;

static void
report_data_free (ReportData *data)
{
  tidu_overview_report_unref (data->report);
  g_free (data->path);
  g_free (data);
}

typedef struct
{
  GWeakRef  page;
  double    fraction;
} ProgressUpdate;

static gboolean
progress_update_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  g_autoptr(TiduOverviewPage) self = g_weak_ref_get (&update->page);

  if (self != NULL && self->report_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, update->fraction);
  g_weak_ref_clear (&update->page);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
report_progress (double   fraction,
                 gpointer user_data)
{
  GTask *task = user_data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  g_weak_ref_init (&update->page, g_task_get_source_object (task));
  update->fraction = fraction;
  g_main_context_invoke (g_task_get_context (task), progress_update_cb, update);
}

static void
report_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ReportData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (tidu_overview_report_write_pdf (data->report, data->path, report_progress, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
report_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);
  ReportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->report_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.export-report", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.cancel-report", FALSE);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_path_get_basename (data->path);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Report saved as “%s”"), name);

      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (title));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (error->message));
    }
}

/**
 * tidu_overview_page_export_report:
 * @self: a #TiduOverviewPage
 * @path: a file ending in .pdf
 *
 * Writes the dashboard on screen as an A4 PDF report on a worker, showing its progress with
 * a Cancel button; a toast says when it is done. Does nothing before the first figures.
 */
void
tidu_overview_page_export_report (TiduOverviewPage *self,
                                  const char       *path)
{
  ReportData *data;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (TIDU_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (path != NULL);

  if (self->dashboard == NULL)
    return;

  g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);

  data = g_new0 (ReportData, 1);
  data->report = build_report (self);
  data->path = g_strdup (path);

  name = g_path_get_basename (path);
  /* Translators: %s is a file name */
  label = g_strdup_printf (_("Writing “%s”…"), name);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.export-report", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.cancel-report", TRUE);

  self->report_cancellable = run_task (self, tidu_overview_page_export_report, data,
                                       (GDestroyNotify) report_data_free, report_thread, report_done_cb);
}

static void
export_report_response_cb (GtkNativeDialog  *dialog,
                           int               response,
                           TiduOverviewPage *self)
{
  static const char * const endings[] = { ".pdf", NULL };
  g_autofree char *path = dup_chosen_path (dialog, response, endings);

  if (path == NULL)
    return;
  tidu_overview_page_export_report (self, path);
}

static void
export_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (widget);
  GtkFileChooserNative *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;

  if (self->dashboard == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_file_filter (GTK_FILE_CHOOSER (dialog), _("PDF document"), "*.pdf", "application/pdf");
  date = tidu_date_to_iso (&self->dashboard->ladder->date);
  /* Translators: the suggested file name of the report, %s is a date */
  name = g_strdup_printf (_("Overview %s.pdf"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_report_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (widget);

  g_cancellable_cancel (self->report_cancellable);
}

/* ------------------------------------------------------------------ printing */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                TiduChartReport   *pages)
{
  GPtrArray *recorded = tidu_chart_report_get_pages (pages);

  gtk_print_operation_set_n_pages (operation, recorded != NULL ? (int) recorded->len : 0);
}

/* Each page as recorded for the PDF, scaled onto the paper. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              TiduChartReport   *pages)
{
  GPtrArray *recorded = tidu_chart_report_get_pages (pages);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double scale;

  if (recorded == NULL || page_nr < 0 || (guint) page_nr >= recorded->len)
    return;
  scale = MIN (gtk_print_context_get_width (context) / 595.28,
               gtk_print_context_get_height (context) / 841.89);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, g_ptr_array_index (recorded, page_nr), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * tidu_overview_page_record_pages:
 * @self: a #TiduOverviewPage
 *
 * Returns: (transfer full) (nullable): the report's pages as printing draws them, %NULL
 *   before the first figures
 */
TiduChartReport *
tidu_overview_page_record_pages (TiduOverviewPage *self)
{
  g_autoptr(TiduOverviewReport) report = NULL;
  g_autoptr(TiduChartReport) pages = NULL;
  TiduChartStyle style;

  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  if (self->dashboard == NULL)
    return NULL;
  report = build_report (self);
  tidu_chart_style_init_light (&style);
  pages = tidu_chart_report_new_recording (&style);
  if (!tidu_overview_report_draw (report, pages, NULL, NULL, NULL, NULL)
      || !tidu_chart_report_finish (pages, NULL))
    return NULL;
  return g_steal_pointer (&pages);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  g_autoptr(GError) error = NULL;
  TiduChartReport *pages;
  GtkRoot *root = gtk_widget_get_root (widget);

  pages = tidu_overview_page_record_pages (self);
  if (pages == NULL)
    return;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Tiered Cultivation Overview"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pages);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pages);
  g_object_set_data_full (G_OBJECT (operation), "tidu-pages", pages, (GDestroyNotify) tidu_chart_report_free);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error_toast (self, error->message);
}

/* ------------------------------------------------------------------ targets */

static void
targets_changed_cb (TiduOverviewPage *self)
{
  if (self->database != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "dashboard") == 0)
    start_refresh (self);
}

/**
 * tidu_overview_page_open_targets:
 * @self: a #TiduOverviewPage
 *
 * Shows the targets editor; the dashboard counts again when targets change.
 *
 * Returns: (transfer none) (nullable): the editor's window
 */
GtkWindow *
tidu_overview_page_open_targets (TiduOverviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;
  const char *region_id = NULL;

  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  if (self->database == NULL)
    return NULL;

  if (self->targets_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->targets_window));
      return GTK_WINDOW (self->targets_window);
    }

  if (self->dashboard != NULL)
    region_id = self->dashboard->filter->region_id;
  window = tidu_targets_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
                                    region_id, gtk_spin_button_get_value_as_int (self->to_spin));
  g_signal_connect_object (window, "changed", G_CALLBACK (targets_changed_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->targets_window, window);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
targets_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tidu_overview_page_open_targets (TIDU_OVERVIEW_PAGE (widget));
}

/* ------------------------------------------------------------------ building the charts */

static void
add_chart_card (TiduOverviewPage *self,
                guint             index)
{
  g_autofree char *action = g_strdup_printf ("overview.export-chart('%s')",
                                             tidu_chart_kind_to_string (chart_kinds[index]));
  GtkWidget *card = tidu_chart_card_new (action, chart_kinds[index] == TIDU_CHART_TRANSITIONS ? 360 : 320);
  GtkWidget *child = gtk_flow_box_child_new ();

  self->views[index] = tidu_chart_card_get_view (TIDU_CHART_CARD (card));
  g_signal_connect_object (self->views[index], "activated", G_CALLBACK (chart_activated_cb), self, 0);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_append (self->charts_box, child);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_overview_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, tidu_overview_page_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_overview_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_overview_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_overview_page_dispose (GObject *object)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_cancellable_cancel (self->ids_cancellable);
  g_clear_object (&self->ids_cancellable);
  g_cancellable_cancel (self->report_cancellable);
  g_clear_object (&self->report_cancellable);
  g_clear_weak_pointer (&self->targets_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_overview_page_parent_class)->dispose (object);
}

static void
tidu_overview_page_finalize (GObject *object)
{
  TiduOverviewPage *self = TIDU_OVERVIEW_PAGE (object);

  g_clear_pointer (&self->dashboard, tidu_dashboard_free);
  g_clear_pointer (&self->previous, tidu_ladder_free);
  g_clear_pointer (&self->filter_text, g_free);
  g_clear_pointer (&self->region_values, g_strfreev);
  g_clear_pointer (&self->carrier_values, g_strfreev);
  g_clear_pointer (&self->industry_values, g_strfreev);
  g_clear_pointer (&self->tier_numbers, g_hash_table_unref);

  G_OBJECT_CLASS (tidu_overview_page_parent_class)->finalize (object);
}

static void
tidu_overview_page_class_init (TiduOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_overview_page_get_property;
  object_class->set_property = tidu_overview_page_set_property;
  object_class->dispose = tidu_overview_page_dispose;
  object_class->finalize = tidu_overview_page_finalize;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether a refresh of the figures is under way. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TIDU_TYPE_SAMPLE_LOADER);
  g_type_ensure (TIDU_TYPE_CHART_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, sample_loader);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, region_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, carrier_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, industry_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, from_spin);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, to_spin);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, numbers_box);
  gtk_widget_class_bind_template_child (widget_class, TiduOverviewPage, charts_box);
  gtk_widget_class_bind_template_callback (widget_class, sample_finished_cb);

  gtk_widget_class_install_action (widget_class, "overview.targets", NULL, targets_activated);
  gtk_widget_class_install_action (widget_class, "overview.export-chart", "s", export_chart_activated);
  gtk_widget_class_install_action (widget_class, "overview.export-report", NULL, export_report_activated);
  gtk_widget_class_install_action (widget_class, "overview.cancel-report", NULL, cancel_report_activated);
  gtk_widget_class_install_action (widget_class, "overview.print", NULL, print_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "overview.targets", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "overview.print", NULL);
}

static void
tidu_overview_page_init (TiduOverviewPage *self)
{
  int year = current_year ();
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tier_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < N_CHARTS; i++)
    add_chart_card (self, i);

  setup_drop_down (self->region_drop);
  setup_drop_down (self->carrier_drop);
  setup_drop_down (self->industry_drop);
  self->region_values = tidu_form_fill_drop_down (self->region_drop, NULL, C_("filter", "Any"));
  self->carrier_values = tidu_form_fill_drop_down (self->carrier_drop, NULL, C_("filter", "Any"));
  self->industry_values = tidu_form_fill_drop_down (self->industry_drop, NULL, C_("filter", "Any"));
  gtk_spin_button_set_value (self->to_spin, year);
  gtk_spin_button_set_value (self->from_spin, year - 4);

  g_signal_connect_object (self->region_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->carrier_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->industry_drop, "notify::selected", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_spin, "value-changed", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_spin, "value-changed", G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.cancel-report", FALSE);

  /* Ctrl+T also works while the focus is in the sidebar, as long as this place shows. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("overview.targets")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  refresh (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_overview_page_new (void)
{
  return g_object_new (TIDU_TYPE_OVERVIEW_PAGE, NULL);
}

TiduDatabase *
tidu_overview_page_get_database (TiduOverviewPage *self)
{
  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_overview_page_set_database:
 * @self: a #TiduOverviewPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again counts again.
 */
void
tidu_overview_page_set_database (TiduOverviewPage *self,
                                 TiduDatabase     *database)
{
  g_return_if_fail (TIDU_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    {
      /* Another file: its regions, carriers and industries, and its own targets. */
      if (self->targets_window != NULL)
        gtk_window_destroy (GTK_WINDOW (self->targets_window));
      self->choices_loaded = FALSE;
      self->setting_filters = TRUE;
      gtk_drop_down_set_selected (self->region_drop, 0);
      gtk_drop_down_set_selected (self->carrier_drop, 0);
      gtk_drop_down_set_selected (self->industry_drop, 0);
      self->setting_filters = FALSE;
      g_clear_pointer (&self->dashboard, tidu_dashboard_free);
      g_clear_pointer (&self->previous, tidu_ladder_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }

  refresh (self);
}

/**
 * tidu_overview_page_get_visible_state:
 * @self: a #TiduOverviewPage
 *
 * Returns: "empty" or "dashboard"
 */
const char *
tidu_overview_page_get_visible_state (TiduOverviewPage *self)
{
  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
tidu_overview_page_get_loading (TiduOverviewPage *self)
{
  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->spinner)) || self->refresh_pending;
}

/**
 * tidu_overview_page_get_dashboard:
 * @self: a #TiduOverviewPage
 *
 * Returns: (transfer none) (nullable): the figures on screen
 */
const TiduDashboard *
tidu_overview_page_get_dashboard (TiduOverviewPage *self)
{
  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  return self->dashboard;
}

/**
 * tidu_overview_page_get_chart_view:
 * @self: a #TiduOverviewPage
 * @kind: the ladder, progression, transitions, targets or carrier chart
 *
 * Returns: (transfer none) (nullable): the view that shows that chart
 */
TiduChartView *
tidu_overview_page_get_chart_view (TiduOverviewPage *self,
                                   TiduChartKind     kind)
{
  int index;

  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  index = chart_index (kind);
  return index >= 0 ? self->views[index] : NULL;
}

/**
 * tidu_overview_page_get_tier_number:
 * @self: a #TiduOverviewPage
 * @tier: a tier code
 *
 * Returns: (nullable): the count its key-number card shows
 */
const char *
tidu_overview_page_get_tier_number (TiduOverviewPage *self,
                                    const char       *tier)
{
  GtkLabel *label;

  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), NULL);

  label = g_hash_table_lookup (self->tier_numbers, tier);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/**
 * tidu_overview_page_set_years:
 * @self: a #TiduOverviewPage
 * @from_year: the first year
 * @to_year: the last year; its end (today in the current year) is the as-of day
 *
 * Sets the years filter as the spin buttons do, counting again shortly after.
 */
void
tidu_overview_page_set_years (TiduOverviewPage *self,
                              int               from_year,
                              int               to_year)
{
  g_return_if_fail (TIDU_IS_OVERVIEW_PAGE (self));

  gtk_spin_button_set_value (self->from_spin, from_year);
  gtk_spin_button_set_value (self->to_spin, to_year);
}

/**
 * tidu_overview_page_get_writing_report:
 * @self: a #TiduOverviewPage
 *
 * Returns: whether a PDF report is being written
 */
gboolean
tidu_overview_page_get_writing_report (TiduOverviewPage *self)
{
  g_return_val_if_fail (TIDU_IS_OVERVIEW_PAGE (self), FALSE);

  return self->report_cancellable != NULL;
}
