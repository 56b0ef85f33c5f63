/* tidu-stats-selection.h: the firms behind a clicked part of a statistics chart
 *
 * A chart drawn by tidu-chart-stats.h reports the key of the bar or cell clicked; this turns
 * it into the TiduStatsCell whose firms tidu_stats_firm_ids () lists, with a sentence saying
 * which firms they are for the Firms place's banner.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-chart-stats.h"

G_BEGIN_DECLS

typedef struct
{
  TiduStatsCell  cell;         /* points into storage */
  GStrv          storage;
  char          *description;  /* translated, e.g. "High-tech enterprise on 2026-11-23" */
} TiduStatsSelection;

/* The selection for @key of a chart of @kind drawn from @dashboard's results; NULL when the
 * key names no set of firms (a target bullet, an empty key). */
TiduStatsSelection *tidu_stats_selection_from_key (const TiduDashboard *dashboard,
                                                   TiduChartKind        kind,
                                                   const char          *key);
void                tidu_stats_selection_free     (TiduStatsSelection  *selection);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduStatsSelection, tidu_stats_selection_free)

G_END_DECLS
