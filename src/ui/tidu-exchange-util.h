/* tidu-exchange-util.h: what the exchange dialogs share: progress from a worker thread to a
 * bar, an error dialog, a worker's own connection, and "Show in Files"
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

/* Carries a worker's progress to a GtkProgressBar on the main thread: at most one idle is
 * queued at a time, and a bar that is gone is simply not updated. */
typedef struct _TiduProgressRelay TiduProgressRelay;

TiduProgressRelay *tidu_progress_relay_new    (GtkProgressBar    *bar);
TiduProgressRelay *tidu_progress_relay_ref    (TiduProgressRelay *relay);
void               tidu_progress_relay_unref  (TiduProgressRelay *relay);
/* A TiduProgressFunc: call it on the worker with the relay as data. */
void               tidu_progress_relay_report (double             fraction,
                                               gpointer           relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduProgressRelay, tidu_progress_relay_unref)

/* A connection of its own for a worker thread, to the same data as @database: the file again,
 * or the validated private copy of a snapshot opened for browsing (never the received file). */
TiduDatabase *tidu_exchange_open_worker_database (TiduDatabase  *database,
                                                  GError       **error);

/* A dialog with @heading and the error's message (the core's translated, specific text). */
void          tidu_exchange_show_error   (GtkWidget          *parent,
                                          const char         *heading,
                                          const GError       *error);

/* Opens the folder that holds @path in the file manager. */
void          tidu_exchange_show_in_files (GtkWidget         *widget,
                                           const char        *path);

/* A toast naming @path with a "Show in Files" button. */
AdwToast     *tidu_exchange_file_toast_new (const char       *text,
                                            const char       *path);

G_END_DECLS
