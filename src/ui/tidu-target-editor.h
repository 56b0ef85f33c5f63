/* tidu-target-editor.h: the window that adds or edits a target (指标任务) and its yearly
 * breakdown (年度分解)
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_TARGET_EDITOR (tidu_target_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduTargetEditor, tidu_target_editor, TIDU, TARGET_EDITOR, AdwWindow)

/* @target_id: NULL for a new target, which starts in @region_id and @year */
TiduTargetEditor *tidu_target_editor_new          (GtkWindow        *parent,
                                                   TiduDatabase     *database,
                                                   const char       *target_id,
                                                   const char       *region_id,
                                                   int               year);
/* Fills the form from @target, as if typed (for tests and duplicating). */
void              tidu_target_editor_set_target   (TiduTargetEditor *self,
                                                   const TiduTarget *target);
/* The goal typed for @year in the breakdown ("" when blank), NULL when the form has no such
 * year. */
const char       *tidu_target_editor_get_year_text (TiduTargetEditor *self,
                                                    int               year);
void              tidu_target_editor_set_year_text (TiduTargetEditor *self,
                                                    int               year,
                                                    const char       *text);
/* Saves as the Save button does; FALSE when the form has errors (shown under the rows). */
gboolean          tidu_target_editor_save         (TiduTargetEditor *self);
const char       *tidu_target_editor_get_error    (TiduTargetEditor *self);

/* What a target's parameter may be for @indicator: value and label pairs
 * (element-type TiduListChoice); empty when it takes none. */
GPtrArray        *tidu_target_parameter_choices   (TiduDatabase     *database,
                                                   TiduIndicator     indicator,
                                                   GError          **error);

G_END_DECLS
