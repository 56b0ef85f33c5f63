/* tidu-progress-window.h: a small modal window with a progress bar and Cancel, for long work
 * on a worker thread (list export, snapshot export, merge)
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-exchange-util.h"

G_BEGIN_DECLS

#define TIDU_TYPE_PROGRESS_WINDOW (tidu_progress_window_get_type ())
G_DECLARE_FINAL_TYPE (TiduProgressWindow, tidu_progress_window, TIDU, PROGRESS_WINDOW, AdwWindow)

TiduProgressWindow *tidu_progress_window_new          (GtkWindow          *parent,
                                                       const char         *heading,
                                                       const char         *detail);
/* Cancelled by the Cancel button, Escape, or closing the window. */
GCancellable       *tidu_progress_window_get_cancellable (TiduProgressWindow *self);
/* A relay for the worker's TiduProgressFunc (transfer full). */
TiduProgressRelay  *tidu_progress_window_new_relay    (TiduProgressWindow *self);
/* Closes the window once the work is over (the cancellable is left alone). */
void                tidu_progress_window_finish       (TiduProgressWindow *self);
gboolean            tidu_progress_window_get_can_cancel (TiduProgressWindow *self);
void                tidu_progress_window_set_can_cancel (TiduProgressWindow *self,
                                                         gboolean            can_cancel);

G_END_DECLS
