/* tidu-targets-window.h: the targets (指标任务) with their progress, to add, edit and delete
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-target-editor.h"

G_BEGIN_DECLS

#define TIDU_TYPE_TARGETS_WINDOW (tidu_targets_window_get_type ())
G_DECLARE_FINAL_TYPE (TiduTargetsWindow, tidu_targets_window, TIDU, TARGETS_WINDOW, AdwWindow)

/* @region_id and @year: what a new target starts with; progress is shown for @year. */
GtkWidget        *tidu_targets_window_new         (GtkWindow         *parent,
                                                   TiduDatabase      *database,
                                                   const char        *region_id,
                                                   int                year);
void              tidu_targets_window_reload      (TiduTargetsWindow *self);
gboolean          tidu_targets_window_get_loading (TiduTargetsWindow *self);
/* The targets listed, in order: ids, and the progress text of a row. */
guint             tidu_targets_window_get_n_targets (TiduTargetsWindow *self);
const char       *tidu_targets_window_get_target_id (TiduTargetsWindow *self,
                                                     guint              index);
const char       *tidu_targets_window_get_progress_text (TiduTargetsWindow *self,
                                                         guint              index);
void              tidu_targets_window_select      (TiduTargetsWindow *self,
                                                   const char        *target_id);
/* Opens the editor on @target_id, or on a new target when NULL. */
TiduTargetEditor *tidu_targets_window_edit        (TiduTargetsWindow *self,
                                                   const char        *target_id);
/* Moves the target to the trash, offering Undo. */
void              tidu_targets_window_delete      (TiduTargetsWindow *self,
                                                   const char        *target_id);

G_END_DECLS
