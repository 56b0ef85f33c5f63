/* tidu-exchange-private.h: shared by tidu-snapshot.c and tidu-merge.c.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database-private.h"
#include "tidu-snapshot.h"

G_BEGIN_DECLS

/* The entity tables a snapshot carries and a merge reconciles, parents before children. */
extern const char *const tidu_exchange_tables[];
extern const guint tidu_exchange_n_tables;

/* Validates a received file (see tidu_snapshot_inspect ()) and leaves the validated private
 * copy at *@copy_path (the caller removes it). */
gboolean tidu_snapshot_validate (const char         *path,
                                 GCancellable       *cancellable,
                                 char              **copy_path,
                                 TiduSnapshotInfo  **info,
                                 GError            **error);

G_END_DECLS
