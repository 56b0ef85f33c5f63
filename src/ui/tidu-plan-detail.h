/* tidu-plan-detail.h: the page of one talent plan: funding by batch, categories, batches and
 * awards
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_PLAN_DETAIL (tidu_plan_detail_get_type ())
G_DECLARE_FINAL_TYPE (TiduPlanDetail, tidu_plan_detail, TIDU, PLAN_DETAIL, GtkWidget)

GtkWidget    *tidu_plan_detail_new          (void);
TiduDatabase *tidu_plan_detail_get_database (TiduPlanDetail *self);
void          tidu_plan_detail_set_database (TiduPlanDetail *self,
                                             TiduDatabase   *database);
const char   *tidu_plan_detail_get_plan_id  (TiduPlanDetail *self);
void          tidu_plan_detail_set_plan_id  (TiduPlanDetail *self,
                                             const char     *plan_id);
void          tidu_plan_detail_reload       (TiduPlanDetail *self);
gboolean      tidu_plan_detail_delete_plan  (TiduPlanDetail *self,
                                             const char     *plan_id);
/* The message shown on the page after a refused change, or NULL. */
const char   *tidu_plan_detail_get_error    (TiduPlanDetail *self);
/* The text of a cell of the funding table: row 0 is the heading, the last row the totals;
 * columns are batch, talents, awards, granted, paid, firms. NULL outside the table. */
const char   *tidu_plan_detail_get_summary_cell (TiduPlanDetail *self,
                                                 int             row,
                                                 int             column);
int           tidu_plan_detail_get_summary_rows (TiduPlanDetail *self);

G_END_DECLS
