/* tidu-subsidies-page.h: the Subsidies place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-subsidy-batch-view.h"
#include "tidu-subsidy-calculator.h"
#include "tidu-subsidy-ledger-view.h"

G_BEGIN_DECLS

#define TIDU_TYPE_SUBSIDIES_PAGE (tidu_subsidies_page_get_type ())
G_DECLARE_FINAL_TYPE (TiduSubsidiesPage, tidu_subsidies_page, TIDU, SUBSIDIES_PAGE, GtkWidget)

GtkWidget    *tidu_subsidies_page_new               (void);
TiduDatabase *tidu_subsidies_page_get_database      (TiduSubsidiesPage *self);
void          tidu_subsidies_page_set_database      (TiduSubsidiesPage *self,
                                                     TiduDatabase      *database);
const char   *tidu_subsidies_page_get_visible_state (TiduSubsidiesPage *self);
void          tidu_subsidies_page_set_tool          (TiduSubsidiesPage *self,
                                                     const char        *tool);
TiduSubsidyCalculator *tidu_subsidies_page_get_calculator  (TiduSubsidiesPage *self);
TiduSubsidyBatchView  *tidu_subsidies_page_get_batch_view  (TiduSubsidiesPage *self);
TiduSubsidyLedgerView *tidu_subsidies_page_get_ledger_view (TiduSubsidiesPage *self);

G_END_DECLS
