/* tidu-subsidy-ledger-view.h: the ledger: who got what under which rule
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_SUBSIDY_LEDGER_VIEW (tidu_subsidy_ledger_view_get_type ())
G_DECLARE_FINAL_TYPE (TiduSubsidyLedgerView, tidu_subsidy_ledger_view, TIDU, SUBSIDY_LEDGER_VIEW, GtkWidget)

GtkWidget              *tidu_subsidy_ledger_view_new             (void);
void                    tidu_subsidy_ledger_view_set_database    (TiduSubsidyLedgerView *self,
                                                                  TiduDatabase          *database);
void                    tidu_subsidy_ledger_view_reload          (TiduSubsidyLedgerView *self);
void                    tidu_subsidy_ledger_view_set_year        (TiduSubsidyLedgerView *self,
                                                                  int                    year);
gboolean                tidu_subsidy_ledger_view_get_busy        (TiduSubsidyLedgerView *self);
GListModel             *tidu_subsidy_ledger_view_get_model       (TiduSubsidyLedgerView *self);
const TiduSubsidyAward *tidu_subsidy_ledger_view_get_award       (TiduSubsidyLedgerView *self,
                                                                  guint                  position);
const TiduLedgerTotals *tidu_subsidy_ledger_view_get_totals      (TiduSubsidyLedgerView *self);
const char             *tidu_subsidy_ledger_view_get_totals_text (TiduSubsidyLedgerView *self);
void                    tidu_subsidy_ledger_view_select          (TiduSubsidyLedgerView *self,
                                                                  guint                  position);

G_END_DECLS
