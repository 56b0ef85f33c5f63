/* tidu-overview-page.h: the Overview place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-chart-report.h"
#include "tidu-chart-view.h"
#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_OVERVIEW_PAGE (tidu_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (TiduOverviewPage, tidu_overview_page, TIDU, OVERVIEW_PAGE, GtkWidget)

GtkWidget           *tidu_overview_page_new               (void);
TiduDatabase        *tidu_overview_page_get_database      (TiduOverviewPage *self);
void                 tidu_overview_page_set_database      (TiduOverviewPage *self,
                                                           TiduDatabase     *database);
const char          *tidu_overview_page_get_visible_state (TiduOverviewPage *self);
gboolean             tidu_overview_page_get_loading       (TiduOverviewPage *self);
const TiduDashboard *tidu_overview_page_get_dashboard     (TiduOverviewPage *self);
TiduChartView       *tidu_overview_page_get_chart_view    (TiduOverviewPage *self,
                                                           TiduChartKind     kind);
const char          *tidu_overview_page_get_tier_number   (TiduOverviewPage *self,
                                                           const char       *tier);
void                 tidu_overview_page_set_years         (TiduOverviewPage *self,
                                                           int               from_year,
                                                           int               to_year);
GtkWindow           *tidu_overview_page_open_targets      (TiduOverviewPage *self);
void                 tidu_overview_page_export_report     (TiduOverviewPage *self,
                                                           const char       *path);
gboolean             tidu_overview_page_get_writing_report (TiduOverviewPage *self);
TiduChartReport     *tidu_overview_page_record_pages      (TiduOverviewPage *self);

G_END_DECLS
