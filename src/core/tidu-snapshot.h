/* tidu-snapshot.h: snapshots (.tidu files) to hand to a colleague, and opening a received one
 * safely. See docs/adr/0005-snapshots-and-merge.md.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tidu-database.h"
#include "tidu-sample.h"   /* TiduProgressFunc */

G_BEGIN_DECLS

#define TIDU_SNAPSHOT_MIME_TYPE "application/x-tidu-snapshot"
#define TIDU_SNAPSHOT_SUFFIX    ".tidu"

typedef struct
{
  gboolean    redact;      /* leave out personal contact data (see tidu_snapshot_redacted_columns) */
  const char *region_id;   /* only this region and its sub-regions, and what they reference; or NULL */
  const char *carrier_id;  /* only this carrier, its firms, and what they reference; or NULL */
  const char *officer;     /* the exporting officer's name (Preferences), or NULL */
} TiduSnapshotOptions;

/* One table's row count in the manifest (rows in the trash included). */
typedef struct
{
  char   *table;
  gint64  rows;
} TiduSnapshotCount;

/* What a snapshot's manifest says about it, plus what inspecting it found. */
typedef struct
{
  char      *path;
  guint32    application_id;
  int        schema_version;
  char      *exported_at;      /* UTC, ISO 8601 */
  char      *officer;          /* may be NULL */
  char      *database_id;      /* the exporting database's stable id */
  char      *tidu_version;     /* the Tidu that wrote it */
  gboolean   redacted;
  char      *region_id;        /* subset, or NULL */
  char      *region_name;
  char      *carrier_id;
  char      *carrier_name;
  GPtrArray *counts;           /* of TiduSnapshotCount, in schema order */
  gint64     size_bytes;
} TiduSnapshotInfo;

void              tidu_snapshot_info_free        (TiduSnapshotInfo           *info);
char             *tidu_snapshot_info_to_json     (const TiduSnapshotInfo     *info);
/* Rows of @table in the manifest, or -1 when it does not list it. */
gint64            tidu_snapshot_info_get_count   (const TiduSnapshotInfo     *info,
                                                  const char                 *table);

/* "table.column" names that redaction empties, NULL-terminated. */
const char *const *tidu_snapshot_redacted_columns (void);

/* The database's stable id (tidu_meta 'database_id'), written when the file was created or
 * upgraded to version 2. */
char             *tidu_database_dup_id           (TiduDatabase               *db,
                                                  GError                    **error);

/* Region or carrier ids by exact name (live rows), for --region/--carrier; an unknown or
 * ambiguous name is TIDU_ERROR_NOT_FOUND / TIDU_ERROR_CONFLICT with a translated message. */
char             *tidu_snapshot_find_region      (TiduDatabase               *db,
                                                  const char                 *name,
                                                  GError                    **error);
char             *tidu_snapshot_find_carrier     (TiduDatabase               *db,
                                                  const char                 *name,
                                                  GError                    **error);

/* Writes a snapshot of @db to @path: VACUUM INTO a temporary file beside @path, redaction and
 * subset applied there, manifest, integrity check, fsync, then rename over @path. On failure or
 * cancellation (G_IO_ERROR_CANCELLED) nothing is left at @path (an existing file there is kept
 * as it was) and no temporary file remains. @progress is called on the calling thread.
 * @info_out (optional) gets the manifest written. Blocking: run it on a worker thread. */
gboolean          tidu_snapshot_export           (TiduDatabase               *db,
                                                  const char                 *path,
                                                  const TiduSnapshotOptions  *options,
                                                  GCancellable               *cancellable,
                                                  TiduProgressFunc            progress,
                                                  gpointer                    progress_data,
                                                  TiduSnapshotInfo          **info_out,
                                                  GError                    **error);

/* Validates a received file as hostile (PEERS.md §4) without changing it or anything else:
 * a private copy is checked with defensive settings, triggers and views off, lowered limits,
 * integrity check and a comparison with the expected schema. Refusals are TIDU_ERROR_NOT_SQLITE,
 * _FOREIGN, _TOO_NEW, _CORRUPT, _SCHEMA_MISMATCH or _TOO_LARGE with a translated message. */
TiduSnapshotInfo *tidu_snapshot_inspect          (const char                 *path,
                                                  GCancellable               *cancellable,
                                                  GError                    **error);

/* Validates @path like tidu_snapshot_inspect () and opens the validated private copy read-only
 * for browsing (lists, search, records all work; every write fails with TIDU_ERROR_READ_ONLY,
 * and tidu_database_get_read_only () is TRUE). The copy is removed when the object goes.
 * @info_out (optional) gets the manifest (for the "exported by … on …" banner). */
TiduDatabase     *tidu_snapshot_open             (const char                 *path,
                                                  GCancellable               *cancellable,
                                                  TiduSnapshotInfo          **info_out,
                                                  GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduSnapshotInfo, tidu_snapshot_info_free)

G_END_DECLS
