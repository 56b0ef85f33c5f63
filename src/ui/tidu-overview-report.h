/* tidu-overview-report.h: the Overview as A4 pages (the PDF report and printing)
 *
 * The page gathers what it shows into a TiduOverviewReport on the main thread (texts, tables
 * and chart data, no database); the pages are then drawn from it on a worker into a PDF, or
 * into recorded pages that GtkPrintOperation replays, so the file and the paper match.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-chart-report.h"

G_BEGIN_DECLS

typedef struct _TiduOverviewReport TiduOverviewReport;

/* Called after each part is drawn, with the fraction done (0 to 1); from the drawing thread. */
typedef void (*TiduOverviewReportProgress) (double   fraction,
                                            gpointer user_data);

TiduOverviewReport *tidu_overview_report_new        (const char          *title,
                                                     const char          *footer);
TiduOverviewReport *tidu_overview_report_ref        (TiduOverviewReport  *report);
void                tidu_overview_report_unref      (TiduOverviewReport  *report);
void                tidu_overview_report_add_heading (TiduOverviewReport *report,
                                                      const char         *text);
void                tidu_overview_report_add_text   (TiduOverviewReport  *report,
                                                     const char          *text);
/* @rows: (element-type GStrv) (transfer full) */
void                tidu_overview_report_add_table  (TiduOverviewReport  *report,
                                                     const char * const  *columns,
                                                     GPtrArray           *rows);
/* The chart, then its numbers as a table. */
void                tidu_overview_report_add_chart  (TiduOverviewReport  *report,
                                                     TiduChartData       *data);

/* Draws every part into @pages; FALSE with @error when cancelled. */
gboolean            tidu_overview_report_draw       (TiduOverviewReport         *report,
                                                     TiduChartReport            *pages,
                                                     TiduOverviewReportProgress  progress,
                                                     gpointer                    user_data,
                                                     GCancellable               *cancellable,
                                                     GError                    **error);
/* The whole PDF at @path (written beside it and renamed when complete). */
gboolean            tidu_overview_report_write_pdf  (TiduOverviewReport         *report,
                                                     const char                 *path,
                                                     TiduOverviewReportProgress  progress,
                                                     gpointer                    user_data,
                                                     GCancellable               *cancellable,
                                                     GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduOverviewReport, tidu_overview_report_unref)

G_END_DECLS
