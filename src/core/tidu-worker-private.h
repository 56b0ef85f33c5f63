/* tidu-worker-private.h: progress from a worker thread, delivered on the caller's main context.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tidu-sample.h"

G_BEGIN_DECLS

typedef struct _TiduMainProgress TiduMainProgress;

/* Captures the thread-default main context of the calling thread. */
TiduMainProgress *tidu_main_progress_new    (TiduProgressFunc  func,
                                             gpointer          data);
TiduMainProgress *tidu_main_progress_ref    (TiduMainProgress *self);
void              tidu_main_progress_unref  (TiduMainProgress *self);
/* A TiduProgressFunc for the worker (@self as its data): the latest fraction reaches the
 * main context, once per main-loop iteration at most. */
void              tidu_main_progress_report (double            fraction,
                                             gpointer          self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduMainProgress, tidu_main_progress_unref)

G_END_DECLS
