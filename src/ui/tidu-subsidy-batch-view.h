/* tidu-subsidy-batch-view.h: the budget for a year: a policy's batch over the records
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_SUBSIDY_BATCH_VIEW (tidu_subsidy_batch_view_get_type ())
G_DECLARE_FINAL_TYPE (TiduSubsidyBatchView, tidu_subsidy_batch_view, TIDU, SUBSIDY_BATCH_VIEW, GtkWidget)

GtkWidget          *tidu_subsidy_batch_view_new              (void);
void                tidu_subsidy_batch_view_set_database     (TiduSubsidyBatchView *self,
                                                              TiduDatabase         *database);
gboolean            tidu_subsidy_batch_view_run              (TiduSubsidyBatchView *self,
                                                              const char           *policy_key,
                                                              int                   year);
void                tidu_subsidy_batch_view_record           (TiduSubsidyBatchView *self);
void                tidu_subsidy_batch_view_export           (TiduSubsidyBatchView *self,
                                                              const char           *path,
                                                              const char           *format);
gboolean            tidu_subsidy_batch_view_get_busy         (TiduSubsidyBatchView *self);
TiduSubsidyBatch   *tidu_subsidy_batch_view_get_batch        (TiduSubsidyBatchView *self);
gboolean            tidu_subsidy_batch_view_set_amount       (TiduSubsidyBatchView *self,
                                                              guint                 index,
                                                              const char           *text,
                                                              GError              **error);
void                tidu_subsidy_batch_view_set_excluded     (TiduSubsidyBatchView *self,
                                                              guint                 index,
                                                              gboolean              excluded);
const char * const *tidu_subsidy_batch_view_get_recorded_ids (TiduSubsidyBatchView *self);
const char         *tidu_subsidy_batch_view_get_total_text   (TiduSubsidyBatchView *self);
const char         *tidu_subsidy_batch_view_get_state        (TiduSubsidyBatchView *self);

G_END_DECLS
