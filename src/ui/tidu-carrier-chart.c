/* tidu-carrier-chart.c: a carrier's performance by year as a chart, for its detail page
 *
 * Firms in incubation at each year end, graduated and become 高企 during the year, over the
 * last five years, with the carrier's grade under each year. The figures are counted on a
 * worker with its own connection; a click on a bar lists its firms in the Firms place.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-carrier-chart.h"
#include "tidu-chart-stats.h"
#include "tidu-db-task.h"
#include "tidu-form-util.h"
#include "tidu-stats-selection.h"
#include "tidu-window.h"

struct _TiduCarrierChart
{
  GtkWidget               parent_instance;

  TiduChartView          *view;

  /* Owned references */
  TiduDatabase           *database;
  TiduStatsFilter        *filter;
  TiduCarrierPerformance *performance;
  GCancellable           *cancellable;
  char                   *carrier_name;
};

G_DEFINE_FINAL_TYPE (TiduCarrierChart, tidu_carrier_chart, GTK_TYPE_WIDGET)

/* On a worker, with its own connection (tidu-db-task.h). */
static void
load_work (TiduDatabase *database,
           gpointer      data,
           GTask        *task,
           GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  TiduCarrierPerformance *performance = tidu_stats_carrier_performance (database, data, &error);

  if (performance == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, performance, (GDestroyNotify) tidu_carrier_performance_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TiduCarrierChart *self = TIDU_CARRIER_CHART (object);
  g_autoptr(TiduCarrierPerformance) performance = NULL;
  g_autoptr(TiduChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  int from_year, to_year;

  performance = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->cancellable);

  if (performance == NULL)
    {
      data = tidu_chart_data_new (TIDU_CHART_CARRIER, _("Performance"));
      tidu_chart_data_set_empty_message (data, error->message);
      tidu_chart_view_set_data (self->view, data);
      return;
    }

  tidu_stats_filter_resolve (self->filter, NULL, &from_year, &to_year);
  subtitle = g_strdup_printf ("%d–%d", from_year, to_year);
  data = tidu_chart_data_from_carriers (performance, self->carrier_name, subtitle);
  tidu_chart_view_set_data (self->view, data);
  g_clear_pointer (&self->performance, tidu_carrier_performance_free);
  self->performance = g_steal_pointer (&performance);
}

/* One carrier's stays are a few rows: its firms are looked up at once. */
static void
activated_cb (TiduChartView    *view,
              const char       *key,
              TiduCarrierChart *self)
{
  g_autoptr(TiduStatsSelection) selection = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  TiduDashboard dashboard = { .filter = self->filter, .carriers = self->performance };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *description = NULL;

  if (self->database == NULL || self->performance == NULL || !TIDU_IS_WINDOW (root))
    return;
  selection = tidu_stats_selection_from_key (&dashboard, TIDU_CHART_CARRIER, key);
  if (selection == NULL)
    return;
  ids = tidu_stats_firm_ids (self->database, self->filter, &selection->cell, &error);
  if (ids == NULL)
    {
      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (error->message));
      return;
    }
  description = g_strdup_printf ("%s · %s", self->carrier_name != NULL ? self->carrier_name : "",
                                 selection->description);
  tidu_window_show_firms (TIDU_WINDOW (root), (const char * const *) ids, description);
}

static void
tidu_carrier_chart_dispose (GObject *object)
{
  TiduCarrierChart *self = TIDU_CARRIER_CHART (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer ((GtkWidget **) &self->view, gtk_widget_unparent);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (tidu_carrier_chart_parent_class)->dispose (object);
}

static void
tidu_carrier_chart_finalize (GObject *object)
{
  TiduCarrierChart *self = TIDU_CARRIER_CHART (object);

  g_clear_pointer (&self->filter, tidu_stats_filter_free);
  g_clear_pointer (&self->performance, tidu_carrier_performance_free);
  g_free (self->carrier_name);
  G_OBJECT_CLASS (tidu_carrier_chart_parent_class)->finalize (object);
}

static void
tidu_carrier_chart_class_init (TiduCarrierChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_carrier_chart_dispose;
  object_class->finalize = tidu_carrier_chart_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tidu_carrier_chart_init (TiduCarrierChart *self)
{
  self->view = TIDU_CHART_VIEW (tidu_chart_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->view), -1, 280);
  gtk_widget_set_parent (GTK_WIDGET (self->view), GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (self->view, "activated", G_CALLBACK (activated_cb), self, 0);
}

GtkWidget *
tidu_carrier_chart_new (void)
{
  return g_object_new (TIDU_TYPE_CARRIER_CHART, NULL);
}

void
tidu_carrier_chart_set_carrier (TiduCarrierChart *self,
                                TiduDatabase     *database,
                                const char       *carrier_id,
                                const char       *carrier_name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (TIDU_IS_CARRIER_CHART (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->database, database);
  g_clear_pointer (&self->performance, tidu_carrier_performance_free);
  g_clear_pointer (&self->filter, tidu_stats_filter_free);
  g_free (self->carrier_name);
  self->carrier_name = g_strdup (carrier_name);
  tidu_chart_view_set_data (self->view, NULL);
  if (database == NULL || carrier_id == NULL)
    return;

  self->filter = tidu_stats_filter_new ();
  self->filter->carrier_id = g_strdup (carrier_id);
  self->filter->to_year = g_date_time_get_year (now);
  self->filter->from_year = self->filter->to_year - 4;

  self->cancellable = g_cancellable_new ();
  tidu_db_task_run (self, database, load_work, tidu_stats_filter_copy (self->filter),
                    (GDestroyNotify) tidu_stats_filter_free, self->cancellable, load_done_cb, NULL);
}

gboolean
tidu_carrier_chart_get_loading (TiduCarrierChart *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_CHART (self), FALSE);

  return self->cancellable != NULL;
}

TiduChartView *
tidu_carrier_chart_get_view (TiduCarrierChart *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_CHART (self), NULL);

  return self->view;
}
