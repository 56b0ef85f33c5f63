/* tidu-merge.h: merging a colleague's snapshot into the local database.
 *
 * A plan is computed first (nothing written): every record of the snapshot is matched by id,
 * then by natural key (统一社会信用代码; carrier name + region; talent + plan + firm + batch, …),
 * and classified. Conflicts (both sides changed the same field since they last exchanged files;
 * a delete on one side and an edit on the other) must be resolved, per field, per record or all
 * at once, before tidu_merge_plan_apply () writes everything in one transaction, after an
 * automatic backup, with a history entry that tidu_merge_undo () can take back.
 * See docs/adr/0005-snapshots-and-merge.md.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tidu-database.h"
#include "tidu-snapshot.h"

G_BEGIN_DECLS

typedef enum
{
  TIDU_MERGE_IDENTICAL,   /* same on both sides: nothing to do */
  TIDU_MERGE_NEW,         /* only in the snapshot: will be added */
  TIDU_MERGE_CHANGED,     /* the colleague changed it, I did not: their fields are taken */
  TIDU_MERGE_KEPT,        /* I changed it, the colleague did not: mine stays */
  TIDU_MERGE_DELETED,     /* the colleague deleted it (trash or purged), I did not edit it */
  TIDU_MERGE_CONFLICT     /* needs a decision */
} TiduMergeKind;

typedef enum
{
  TIDU_MERGE_CONFLICT_NONE,
  TIDU_MERGE_CONFLICT_FIELDS,       /* both changed the same field(s) */
  TIDU_MERGE_CONFLICT_DELETE_EDIT,  /* I deleted it, the colleague edited it */
  TIDU_MERGE_CONFLICT_EDIT_DELETE   /* I edited it, the colleague deleted it */
} TiduMergeConflictKind;

typedef enum
{
  TIDU_MERGE_SIDE_UNRESOLVED,
  TIDU_MERGE_SIDE_MINE,
  TIDU_MERGE_SIDE_THEIRS
} TiduMergeSide;

typedef struct
{
  gint64 added;       /* TIDU_MERGE_NEW */
  gint64 changed;
  gint64 identical;
  gint64 kept;
  gint64 deleted;
  gint64 conflicts;
} TiduMergeCounts;

#define TIDU_TYPE_MERGE_PLAN (tidu_merge_plan_get_type ())
G_DECLARE_FINAL_TYPE (TiduMergePlan, tidu_merge_plan, TIDU, MERGE_PLAN, GObject)

/* Validates @snapshot_path like tidu_snapshot_inspect () and computes the plan. Reads only.
 * Blocking: run it on a worker thread; the plan may then be used from another thread. */
TiduMergePlan          *tidu_merge_plan_new               (TiduDatabase      *db,
                                                           const char        *snapshot_path,
                                                           GCancellable      *cancellable,
                                                           TiduProgressFunc   progress,
                                                           gpointer           progress_data,
                                                           GError           **error);

const TiduSnapshotInfo *tidu_merge_plan_get_snapshot_info (TiduMergePlan     *plan);
void                    tidu_merge_plan_get_counts        (TiduMergePlan     *plan,
                                                           TiduMergeCounts   *counts);

/* The records that are not identical (new, changed, kept, deleted, conflicts), in table order;
 * indexes below refer to this list. */
guint                   tidu_merge_plan_get_n_records     (TiduMergePlan     *plan);
const char             *tidu_merge_plan_get_table         (TiduMergePlan     *plan,
                                                           guint              index);
/* The local id (NULL for a new record) and the snapshot's id (NULL when only mine has it). */
const char             *tidu_merge_plan_get_id            (TiduMergePlan     *plan,
                                                           guint              index);
const char             *tidu_merge_plan_get_their_id      (TiduMergePlan     *plan,
                                                           guint              index);
/* What the officer recognises: the firm's name, "carrier · 2024", … */
const char             *tidu_merge_plan_get_title         (TiduMergePlan     *plan,
                                                           guint              index);
TiduMergeKind           tidu_merge_plan_get_kind          (TiduMergePlan     *plan,
                                                           guint              index);
TiduMergeConflictKind   tidu_merge_plan_get_conflict      (TiduMergePlan     *plan,
                                                           guint              index);
/* Column names that differ between mine and theirs (NULL-terminated, owned by the plan). */
const char * const     *tidu_merge_plan_get_fields        (TiduMergePlan     *plan,
                                                           guint              index);
/* Values as text (NULL when empty) of @field on each side. */
const char             *tidu_merge_plan_get_mine          (TiduMergePlan     *plan,
                                                           guint              index,
                                                           const char        *field);
const char             *tidu_merge_plan_get_theirs        (TiduMergePlan     *plan,
                                                           guint              index,
                                                           const char        *field);
/* Whether @field is one both sides changed. */
gboolean                tidu_merge_plan_field_conflicts   (TiduMergePlan     *plan,
                                                           guint              index,
                                                           const char        *field);
/* The side chosen for a conflicting @field (or, for @field NULL, the whole record). */
TiduMergeSide           tidu_merge_plan_get_resolution    (TiduMergePlan     *plan,
                                                           guint              index,
                                                           const char        *field);

/* Resolutions: per record (every conflicting field, or the delete/edit), per field, or all
 * conflicts not yet resolved (@only_unresolved) or all of them. */
void                    tidu_merge_plan_resolve_record    (TiduMergePlan     *plan,
                                                           guint              index,
                                                           TiduMergeSide      side);
gboolean                tidu_merge_plan_resolve_field     (TiduMergePlan     *plan,
                                                           guint              index,
                                                           const char        *field,
                                                           TiduMergeSide      side);
void                    tidu_merge_plan_resolve_all       (TiduMergePlan     *plan,
                                                           TiduMergeSide      side,
                                                           gboolean           only_unresolved);
guint                   tidu_merge_plan_count_unresolved  (TiduMergePlan     *plan);

char                   *tidu_merge_plan_to_json           (TiduMergePlan     *plan);

/* Writes the plan: refused with TIDU_ERROR_CONFLICT while conflicts are unresolved. Backup
 * (a copy beside the database, named in the history), then one transaction with the history entry and what
 * undo needs; search indexes follow. @merge_id_out (optional) gets the history entry's id.
 * The plan can be applied once; the database must not have changed since it was computed
 * (TIDU_ERROR_CONFLICT otherwise: compute it again). */
gboolean                tidu_merge_plan_apply             (TiduMergePlan     *plan,
                                                           GCancellable      *cancellable,
                                                           TiduProgressFunc   progress,
                                                           gpointer           progress_data,
                                                           char             **merge_id_out,
                                                           GError           **error);

/* ---------------------------------------------------------------- history and undo */

typedef struct
{
  char            *id;
  char            *file;               /* the snapshot's path when merged */
  char            *source_database_id;
  char            *officer;            /* who exported it (manifest) */
  char            *exported_at;
  char            *merged_at;
  char            *backup_path;
  TiduMergeCounts  counts;
  char            *undone_at;          /* NULL unless undone */
} TiduMergeHistoryEntry;

void                    tidu_merge_history_entry_free     (TiduMergeHistoryEntry *entry);

/* Newest first. */
GPtrArray              *tidu_merge_list_history           (TiduDatabase      *db,
                                                           GError           **error);
/* Takes back @merge_id (NULL: the latest merge not undone), restoring every row it touched
 * exactly as it was, in one transaction. Only the latest merge can be undone, and only while
 * the rows it wrote were not changed since (TIDU_ERROR_CONFLICT otherwise, nothing changed). */
gboolean                tidu_merge_undo                   (TiduDatabase      *db,
                                                           const char        *merge_id,
                                                           GError           **error);

/* Translated names for the plan's tables and fields ("Firms", "Contact phone"). */
const char             *tidu_merge_table_get_label        (const char        *table);
const char             *tidu_merge_field_get_label        (const char        *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduMergeHistoryEntry, tidu_merge_history_entry_free)

G_END_DECLS
