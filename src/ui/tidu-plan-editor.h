/* tidu-plan-editor.h: the windows that add or edit a talent plan, one of its categories and
 * one of its batches
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_PLAN_EDITOR (tidu_plan_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduPlanEditor, tidu_plan_editor, TIDU, PLAN_EDITOR, AdwWindow)

TiduPlanEditor *tidu_plan_editor_new          (GtkWindow      *parent,
                                               TiduDatabase   *database,
                                               const char     *plan_id);
gboolean        tidu_plan_editor_get_can_save (TiduPlanEditor *self);
void            tidu_plan_editor_validate     (TiduPlanEditor *self);

#define TIDU_TYPE_CATEGORY_EDITOR (tidu_category_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduCategoryEditor, tidu_category_editor, TIDU, CATEGORY_EDITOR, AdwWindow)

/* @category_id NULL adds a category to @plan_id. */
TiduCategoryEditor *tidu_category_editor_new          (GtkWindow          *parent,
                                                       TiduDatabase       *database,
                                                       const char         *plan_id,
                                                       const char         *category_id);
gboolean            tidu_category_editor_get_can_save (TiduCategoryEditor *self);
void                tidu_category_editor_validate     (TiduCategoryEditor *self);

#define TIDU_TYPE_BATCH_EDITOR (tidu_batch_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduBatchEditor, tidu_batch_editor, TIDU, BATCH_EDITOR, AdwWindow)

/* @batch_id NULL adds a batch to @plan_id. */
TiduBatchEditor *tidu_batch_editor_new          (GtkWindow       *parent,
                                                 TiduDatabase    *database,
                                                 const char      *plan_id,
                                                 const char      *batch_id);
gboolean         tidu_batch_editor_get_can_save (TiduBatchEditor *self);
void             tidu_batch_editor_validate     (TiduBatchEditor *self);

G_END_DECLS
