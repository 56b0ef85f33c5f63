/* tidu-ledger-undo.h: taking ledger changes back, for the Subsidies place's Undo: recording a
 * whole batch (its awards leave the ledger again) and approving, paying or cancelling one award
 * (its earlier state comes back).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-ledger.h"

G_BEGIN_DECLS

/**
 * tidu_ledger_record_batch_ids:
 * @award_ids: (out) (transfer full): the ids of the awards recorded
 *
 * tidu_ledger_record_batch() in one transaction, telling which awards it added.
 */
gboolean tidu_ledger_record_batch_ids (TiduDatabase      *db,
                                       TiduSubsidyBatch  *batch,
                                       GStrv             *award_ids,
                                       GError           **error);
/**
 * tidu_ledger_withdraw:
 * @ids: (array zero-terminated=1): awards still "recorded"
 *
 * Takes recorded awards out of the ledger again (into the trash, where they count nowhere), in
 * one transaction. An award approved, paid or cancelled meanwhile fails the whole call with
 * TIDU_ERROR_CONFLICT and nothing changes.
 */
gboolean tidu_ledger_withdraw         (TiduDatabase         *db,
                                       const char * const   *ids,
                                       GError              **error);
/**
 * tidu_ledger_revert:
 * @before: the award as tidu_ledger_load() returned it before the change
 *
 * Puts back the status, approval and payment of @before (an Undo of approve, pay or cancel).
 */
gboolean tidu_ledger_revert           (TiduDatabase           *db,
                                       const TiduSubsidyAward *before,
                                       GError                **error);

G_END_DECLS
