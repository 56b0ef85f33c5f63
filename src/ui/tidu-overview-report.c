/* tidu-overview-report.c: the Overview as A4 pages (the PDF report and printing)
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "tidu-overview-report.h"

/* A chart takes a third of an A4 page, so a chart and its table usually share one. */
#define CHART_HEIGHT 300.0

typedef enum
{
  PART_HEADING,
  PART_TEXT,
  PART_TABLE,
  PART_CHART,
} PartKind;

typedef struct
{
  PartKind       kind;
  char          *text;
  GStrv          columns;
  GPtrArray     *rows;
  TiduChartData *data;
} Part;

struct _TiduOverviewReport
{
  gatomicrefcount  ref_count;
  char            *title;
  char            *footer;
  GArray          *parts;  /* of Part */
};

static void
part_clear (Part *part)
{
  g_clear_pointer (&part->text, g_free);
  g_clear_pointer (&part->columns, g_strfreev);
  g_clear_pointer (&part->rows, g_ptr_array_unref);
  g_clear_pointer (&part->data, tidu_chart_data_unref);
}

TiduOverviewReport *
tidu_overview_report_new (const char *title,
                          const char *footer)
{
  TiduOverviewReport *report = g_new0 (TiduOverviewReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->title = g_strdup (title);
  report->footer = g_strdup (footer);
  report->parts = g_array_new (FALSE, TRUE, sizeof (Part));
  g_array_set_clear_func (report->parts, (GDestroyNotify) part_clear);
  return report;
}

TiduOverviewReport *
tidu_overview_report_ref (TiduOverviewReport *report)
{
  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
tidu_overview_report_unref (TiduOverviewReport *report)
{
  if (report == NULL || !g_atomic_ref_count_dec (&report->ref_count))
    return;
  g_array_unref (report->parts);
  g_free (report->title);
  g_free (report->footer);
  g_free (report);
}

void
tidu_overview_report_add_heading (TiduOverviewReport *report,
                                  const char         *text)
{
  Part part = { .kind = PART_HEADING, .text = g_strdup (text) };

  g_array_append_val (report->parts, part);
}

void
tidu_overview_report_add_text (TiduOverviewReport *report,
                               const char         *text)
{
  Part part = { .kind = PART_TEXT, .text = g_strdup (text) };

  g_array_append_val (report->parts, part);
}

void
tidu_overview_report_add_table (TiduOverviewReport *report,
                                const char * const *columns,
                                GPtrArray          *rows)
{
  Part part = { .kind = PART_TABLE, .columns = g_strdupv ((char **) columns), .rows = rows };

  g_array_append_val (report->parts, part);
}

void
tidu_overview_report_add_chart (TiduOverviewReport *report,
                                TiduChartData      *data)
{
  Part part = { .kind = PART_CHART, .data = tidu_chart_data_ref (data) };

  g_array_append_val (report->parts, part);
}

gboolean
tidu_overview_report_draw (TiduOverviewReport          *report,
                           TiduChartReport             *pages,
                           TiduOverviewReportProgress   progress,
                           gpointer                     user_data,
                           GCancellable                *cancellable,
                           GError                     **error)
{
  tidu_chart_report_set_footer (pages, report->footer);
  tidu_chart_report_add_heading (pages, report->title);

  for (guint i = 0; i < report->parts->len; i++)
    {
      const Part *part = &g_array_index (report->parts, Part, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      switch (part->kind)
        {
        case PART_HEADING:
          tidu_chart_report_add_heading (pages, part->text);
          break;
        case PART_TEXT:
          tidu_chart_report_add_text (pages, part->text);
          break;
        case PART_TABLE:
          tidu_chart_report_add_table (pages, (const char * const *) part->columns, part->rows);
          break;
        case PART_CHART:
          tidu_chart_report_add_chart (pages, part->data, CHART_HEIGHT);
          if (!tidu_chart_data_is_empty (part->data))
            tidu_chart_report_add_data_table (pages, part->data);
          break;
        default:
          g_assert_not_reached ();
        }

      if (progress != NULL)
        progress ((double) (i + 1) / (report->parts->len + 1), user_data);
    }
  return TRUE;
}

gboolean
tidu_overview_report_write_pdf (TiduOverviewReport          *report,
                                const char                  *path,
                                TiduOverviewReportProgress   progress,
                                gpointer                     user_data,
                                GCancellable                *cancellable,
                                GError                     **error)
{
  g_autoptr(TiduChartReport) pages = NULL;
  TiduChartStyle style;

  /* Paper is white whatever the screen shows. */
  tidu_chart_style_init_light (&style);
  pages = tidu_chart_report_new (path, &style, error);
  if (pages == NULL)
    return FALSE;
  if (!tidu_overview_report_draw (report, pages, progress, user_data, cancellable, error))
    return FALSE;
  if (!tidu_chart_report_finish (pages, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
