/* tidu-award-editor.h: the window that records or edits a talent plan award, with its team
 * members and instalments
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_AWARD_EDITOR (tidu_award_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduAwardEditor, tidu_award_editor, TIDU, AWARD_EDITOR, AdwWindow)

/* @award_id NULL records a new award: of @plan_id when given (the plan is then fixed), for
 * @talent_id when given. */
TiduAwardEditor *tidu_award_editor_new          (GtkWindow       *parent,
                                                 TiduDatabase    *database,
                                                 const char      *award_id,
                                                 const char      *plan_id,
                                                 const char      *talent_id);
gboolean         tidu_award_editor_get_can_save (TiduAwardEditor *self);
void             tidu_award_editor_validate     (TiduAwardEditor *self);
/* The category values the Category row offers (plan categories' ids, "" for none). */
const char * const *tidu_award_editor_get_category_values (TiduAwardEditor *self);

G_END_DECLS
