/* tidu-chart-report.h: charts, headings, text and tables flowed onto A4 PDF pages.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-chart.h"

G_BEGIN_DECLS

typedef struct _TiduChartReport TiduChartReport;

TiduChartReport *tidu_chart_report_new            (const char           *path,
                                                   const TiduChartStyle *style,
                                                   GError              **error);
TiduChartReport *tidu_chart_report_new_recording  (const TiduChartStyle *style);
GPtrArray       *tidu_chart_report_get_pages      (TiduChartReport      *report);
void             tidu_chart_report_set_footer     (TiduChartReport      *report,
                                                   const char           *footer);
void             tidu_chart_report_add_heading    (TiduChartReport      *report,
                                                   const char           *text);
void             tidu_chart_report_add_text       (TiduChartReport      *report,
                                                   const char           *text);
void             tidu_chart_report_add_chart      (TiduChartReport      *report,
                                                   const TiduChartData  *data,
                                                   double                height);
void             tidu_chart_report_add_table      (TiduChartReport      *report,
                                                   const char * const   *columns,
                                                   GPtrArray            *rows);
void             tidu_chart_report_add_data_table (TiduChartReport      *report,
                                                   const TiduChartData  *data);
void             tidu_chart_report_new_page       (TiduChartReport      *report);
guint            tidu_chart_report_get_n_pages    (TiduChartReport      *report);
gboolean         tidu_chart_report_finish         (TiduChartReport      *report,
                                                   GError              **error);
void             tidu_chart_report_free           (TiduChartReport      *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduChartReport, tidu_chart_report_free)

G_END_DECLS
