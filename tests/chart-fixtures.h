/* chart-fixtures.h: chart data with Chinese labels for the renderer tests, the chart view
 * test and the chart bench.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-chart-data.h"

G_BEGIN_DECLS

/* A realistic chart of @kind (district figures, six tiers, ten years); @dense packs many long
 * labels into it, to push label layout. */
TiduChartData *tidu_test_chart_fixture (TiduChartKind kind,
                                        gboolean      dense);

G_END_DECLS
