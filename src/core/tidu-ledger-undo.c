/* tidu-ledger-undo.c: taking ledger changes back
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tidu-error.h"
#include "tidu-ledger-undo.h"
#include "tidu-record-private.h"

static GHashTable *
live_award_ids (TiduDatabase  *db,
                const char    *policy_id,
                GError       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tidu_database_prepare (db, "SELECT id FROM subsidy_awards WHERE policy_id = ?1 AND deleted_at IS NULL",
                                error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, policy_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, tidu_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the ledger"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

typedef struct
{
  TiduSubsidyBatch *batch;
  GStrv             ids;
} RecordWork;

static gboolean
record_write (TiduDatabase  *db,
              gpointer       data,
              GError       **error)
{
  RecordWork *work = data;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer id;

  /* The policy's row exists once an award needs it; before that no award can be under it. */
  if (!tidu_policy_ensure_stored (db, work->batch->policy, error))
    return FALSE;
  before = live_award_ids (db, work->batch->policy->id, error);
  if (before == NULL || !tidu_ledger_record_batch (db, work->batch, NULL, error))
    return FALSE;
  after = live_award_ids (db, work->batch->policy->id, error);
  if (after == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (before, id))
      g_strv_builder_add (builder, id);
  work->ids = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
tidu_ledger_record_batch_ids (TiduDatabase      *db,
                              TiduSubsidyBatch  *batch,
                              GStrv             *award_ids,
                              GError           **error)
{
  RecordWork work = { batch, NULL };

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (!tidu_record_run_write (db, record_write, &work, error))
    {
      g_strfreev (work.ids);
      return FALSE;
    }
  if (award_ids != NULL)
    *award_ids = work.ids;
  else
    g_strfreev (work.ids);
  return TRUE;
}

static gboolean
withdraw_write (TiduDatabase  *db,
                gpointer       data,
                GError       **error)
{
  const char * const *ids = data;
  g_autofree char *now = tidu_record_timestamp ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = tidu_database_prepare (db,
                                                  "UPDATE subsidy_awards SET deleted_at = ?1, updated_at = ?1 "
                                                  "WHERE id = ?2 AND status = 'recorded' AND deleted_at IS NULL",
                                                  error);

      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, now);
      tidu_bind_text (stmt, 2, ids[i]);
      if (!tidu_database_step_done (db, stmt, error))
        return FALSE;
      if (sqlite3_changes (tidu_database_get_handle (db)) == 0)
        {
          g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                               _("An award of the batch was approved, paid or cancelled since it was recorded, so the batch stays in the ledger."));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tidu_ledger_withdraw (TiduDatabase        *db,
                      const char * const  *ids,
                      GError             **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return tidu_record_run_write (db, withdraw_write, (gpointer) ids, error);
}

static gboolean
revert_write (TiduDatabase  *db,
              gpointer       data,
              GError       **error)
{
  const TiduSubsidyAward *before = data;
  g_autofree char *now = tidu_record_timestamp ();
  sqlite3_stmt *stmt;

  stmt = tidu_database_prepare (db,
                                "UPDATE subsidy_awards SET status = ?1, approved_amount = ?2, approved_reason = ?3, "
                                "approved_on = ?4, paid_amount = ?5, paid_on = ?6, explanation = ?7, updated_at = ?8 "
                                "WHERE id = ?9 AND deleted_at IS NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, before->status);
  tidu_bind_int (stmt, 2, before->approved_amount);
  tidu_bind_text (stmt, 3, before->approved_reason);
  tidu_bind_date (stmt, 4, &before->approved_on);
  tidu_bind_int (stmt, 5, before->paid_amount);
  tidu_bind_date (stmt, 6, &before->paid_on);
  tidu_bind_text (stmt, 7, before->explanation);
  tidu_bind_text (stmt, 8, now);
  tidu_bind_text (stmt, 9, before->id);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  return tidu_record_check_changed (db, _("The award is no longer in the ledger."), error);
}

gboolean
tidu_ledger_revert (TiduDatabase            *db,
                    const TiduSubsidyAward  *before,
                    GError                 **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (before != NULL && before->id != NULL && before->status != NULL, FALSE);

  return tidu_record_run_write (db, revert_write, (gpointer) before, error);
}
