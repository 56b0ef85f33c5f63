/* tidu-chart-stats.h: chart data from the statistics of core (tidu-stats.h, tidu-target.h).
 *
 * The one bridge between the numbers and the pictures, used by `tidu-cli chart` and by the
 * Overview, firm and carrier pages. It lives in its own small library (libtidu-chart-stats)
 * beside libtidu-charts, so the renderers stay free of core and SQLite while the CLI and the UI
 * share one adapter and one meaning of the keys a click reports.
 *
 * Keys: ladder "TIER"; progression "YEAR|TIER"; transitions "FROM|TO" with "none" for no tier;
 * carrier performance "YEAR|incubated", "YEAR|graduated", "YEAR|became_hnte"; targets the
 * target's id; timeline the certification's id. tidu_chart_stats_key_to_cell () turns the
 * statistics' keys back into the TiduStatsCell whose firms tidu_stats_firm_ids () lists.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-core.h"
#include "tidu-chart-data.h"
#include "tidu-firm.h"
#include "tidu-stats.h"
#include "tidu-target.h"

G_BEGIN_DECLS

TiduChartData *tidu_chart_data_from_ladder       (const TiduLadder             *ladder,
                                                  const char                   *subtitle);
TiduChartData *tidu_chart_data_from_progression  (const TiduProgression        *progression,
                                                  const char                   *subtitle);
TiduChartData *tidu_chart_data_from_transitions  (const TiduTransitions        *transitions,
                                                  const char                   *subtitle);
TiduChartData *tidu_chart_data_from_carriers     (const TiduCarrierPerformance *performance,
                                                  const char                   *title,
                                                  const char                   *subtitle);
TiduChartData *tidu_chart_data_from_targets      (GPtrArray                    *progress,
                                                  int                           year,
                                                  const char                   *subtitle);
TiduChartData *tidu_chart_data_from_certifications (GPtrArray                  *tiers,
                                                    GPtrArray                  *certifications,
                                                    const char                 *firm_name,
                                                    const GDate                *end);

char          *tidu_chart_stats_describe_filter  (TiduDatabase                 *db,
                                                  const TiduStatsFilter        *filter,
                                                  TiduChartKind                 kind);
gboolean       tidu_chart_stats_key_to_cell      (TiduChartKind                 kind,
                                                  const char                   *key,
                                                  TiduStatsCell                *cell,
                                                  GStrv                        *storage);

G_END_DECLS
