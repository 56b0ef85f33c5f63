/* tidu-stats-charts.h: chart data from the statistics, and the firms behind a clicked part
 *
 * The Overview, the firm and carrier pages, the PDF report and printing all draw the same
 * TiduChartData built here from the results of tidu-stats.h. A chart's keys say which number
 * a bar or cell is; tidu_stats_selection_from_key () turns a click back into the
 * TiduStatsCell whose firms tidu_stats_firm_ids () lists.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-chart.h"
#include "tidu-core.h"
#include "tidu-stats.h"
#include "tidu-target.h"

G_BEGIN_DECLS

TiduChartData *tidu_stats_chart_ladder       (const TiduLadder             *ladder);
TiduChartData *tidu_stats_chart_progression  (const TiduProgression        *progression);
TiduChartData *tidu_stats_chart_transitions  (const TiduTransitions        *transitions);
/* @targets: (element-type TiduTargetProgress) */
TiduChartData *tidu_stats_chart_targets      (GPtrArray                    *targets,
                                              int                           year);
/* @title: the carrier's name, or NULL for the carriers of the filter */
TiduChartData *tidu_stats_chart_carrier      (const TiduCarrierPerformance *performance,
                                              const char                   *title);
/* @certifications: (element-type TiduCertification), @tiers: (element-type TiduVocabItem)
 * the ladder, lowest first */
TiduChartData *tidu_stats_chart_timeline     (const char                   *firm_name,
                                              GPtrArray                    *certifications,
                                              GPtrArray                    *tiers,
                                              const GDate                  *today);

/* The number a click on a chart's part stands for. */
typedef struct
{
  TiduStatsCell  cell;         /* points into tier and to_tier */
  char          *tier;
  char          *to_tier;
  char          *description;  /* translated, e.g. "高新技术企业 on 2026-11-23" */
} TiduStatsSelection;

/* The selection for @key of a chart of @kind drawn from @dashboard's results; NULL when the
 * key names no set of firms (a target bullet, an empty key). */
TiduStatsSelection *tidu_stats_selection_from_key (const TiduDashboard *dashboard,
                                                   TiduChartKind        kind,
                                                   const char          *key);
void                tidu_stats_selection_free     (TiduStatsSelection  *selection);

/* The label of a tier code in @tiers (element-type TiduVocabItem); @code when not found. */
const char         *tidu_stats_tier_label         (GPtrArray           *tiers,
                                                   const char          *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduStatsSelection, tidu_stats_selection_free)

G_END_DECLS
