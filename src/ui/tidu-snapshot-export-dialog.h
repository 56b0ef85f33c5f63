/* tidu-snapshot-export-dialog.h: the options of a snapshot, then the export itself
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_SNAPSHOT_EXPORT_DIALOG (tidu_snapshot_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TiduSnapshotExportDialog, tidu_snapshot_export_dialog, TIDU, SNAPSHOT_EXPORT_DIALOG, AdwWindow)

TiduSnapshotExportDialog *tidu_snapshot_export_dialog_new       (GtkWindow                *parent,
                                                                 TiduDatabase             *database);
/* 0 whole database, 1 one region, 2 one carrier; the region or carrier by id. */
void                      tidu_snapshot_export_dialog_set_scope (TiduSnapshotExportDialog *self,
                                                                 guint                     scope,
                                                                 const char               *id);
void                      tidu_snapshot_export_dialog_set_redact (TiduSnapshotExportDialog *self,
                                                                  gboolean                  redact);
/* Exports to @path with the options shown (what choosing a file does), on a worker with a
 * progress window; the dialog closes and the parent window shows the result. */
void                      tidu_snapshot_export_dialog_export_to (TiduSnapshotExportDialog *self,
                                                                 const char               *path);

G_END_DECLS
