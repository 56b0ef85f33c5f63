/* tidu-merge-dialog.h: merging a colleague's snapshot, with the plan shown first
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_MERGE_DIALOG (tidu_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TiduMergeDialog, tidu_merge_dialog, TIDU, MERGE_DIALOG, AdwWindow)

/* Asks for a .tidu file, then starts a merge into @main_window's database. */
void             tidu_merge_dialog_choose            (GtkWindow       *main_window);
/* Computes the plan of merging @snapshot_path into @target's database (a TiduWindow) on a
 * worker, and shows it in a dialog transient for @parent (transfer none). */
TiduMergeDialog *tidu_merge_dialog_start             (GtkWindow       *parent,
                                                      gpointer         target,
                                                      const char      *snapshot_path);
/* "computing" or "plan". */
const char      *tidu_merge_dialog_get_step          (TiduMergeDialog *self);
TiduMergePlan   *tidu_merge_dialog_get_plan          (TiduMergeDialog *self);
/* The button that chooses @side for plan record @index (@field NULL: the whole record). */
GtkWidget       *tidu_merge_dialog_get_choice_button (TiduMergeDialog *self,
                                                      guint            index,
                                                      const char      *field,
                                                      TiduMergeSide    side);

G_END_DECLS
