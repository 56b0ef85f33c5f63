/* tidu-record.c: helpers shared by the record code of the core.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-uscc.h"

char *
tidu_record_new_id (void)
{
  return g_uuid_string_random ();
}

/* UTC, millisecond precision, the same form as the schema's defaults. */
char *
tidu_record_timestamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

void
tidu_bind_text (sqlite3_stmt *stmt,
                int           index,
                const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
tidu_bind_date (sqlite3_stmt *stmt,
                int           index,
                const GDate  *date)
{
  if (date == NULL || !g_date_valid (date))
    sqlite3_bind_null (stmt, index);
  else
    {
      g_autofree char *iso = tidu_date_to_iso (date);

      sqlite3_bind_text (stmt, index, iso, -1, SQLITE_TRANSIENT);
    }
}

void
tidu_bind_int (sqlite3_stmt *stmt,
               int           index,
               gint64        value)
{
  if (value == TIDU_UNSET)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

void
tidu_bind_double (sqlite3_stmt *stmt,
                  int           index,
                  double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

char *
tidu_column_text (sqlite3_stmt *stmt,
                  int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
tidu_column_date (sqlite3_stmt *stmt,
                  int           column,
                  GDate        *date)
{
  g_date_clear (date, 1);
  if (sqlite3_column_type (stmt, column) != SQLITE_NULL)
    tidu_date_from_iso ((const char *) sqlite3_column_text (stmt, column), date);
}

gint64
tidu_column_int (sqlite3_stmt *stmt,
                 int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return TIDU_UNSET;
  return sqlite3_column_int64 (stmt, column);
}

double
tidu_column_double (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NAN;
  return sqlite3_column_double (stmt, column);
}

gboolean
tidu_record_set_deleted (TiduDatabase  *db,
                         const char    *table,
                         const char    *id,
                         gboolean       deleted,
                         GError       **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *now = tidu_record_timestamp ();
  sqlite3_stmt *stmt;

  sql = g_strdup_printf (deleted
                         ? "UPDATE %s SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"
                         : "UPDATE %s SET deleted_at = NULL, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NOT NULL",
                         table);
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, now);
  tidu_bind_text (stmt, 2, id);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (tidu_database_get_handle (db)) == 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                   deleted ? _("The record was not found; it may have been deleted already.")
                           : _("The record is not in the trash."));
      return FALSE;
    }
  return TRUE;
}

gboolean
tidu_record_purge (TiduDatabase  *db,
                   const char    *table,
                   const char    *id,
                   GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1 AND deleted_at IS NOT NULL", table);
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, id);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (tidu_database_get_handle (db)) == 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                   _("Only records in the trash can be removed for good."));
      return FALSE;
    }
  return TRUE;
}

gboolean
tidu_record_set_deleted_in_transaction (TiduDatabase  *db,
                                        const char    *table,
                                        const char    *id,
                                        gboolean       deleted,
                                        GError       **error)
{
  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!tidu_record_set_deleted (db, table, id, deleted, error))
    {
      tidu_database_rollback (db);
      return FALSE;
    }
  return tidu_database_commit (db, error);
}

/* The body of tidu_record_delete_unless_used() and tidu_record_purge_unless_used(). */
static gboolean
remove_unless_used (TiduDatabase  *db,
                    const char    *table,
                    const char    *id,
                    gboolean       purge,
                    const char    *in_use_sql,
                    const char    *message,
                    GError       **error)
{
  gboolean used;

  if (!tidu_database_begin (db, error))
    return FALSE;
  if (in_use_sql != NULL)
    {
      if (!tidu_record_row_exists (db, in_use_sql, id, &used, error))
        goto fail;
    }
  else
    {
      gint64 references = 0;

      if (!tidu_record_count_references (db, table, id, &references, error))
        goto fail;
      used = references > 0;
    }
  if (used)
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, message);
      goto fail;
    }
  if (purge ? !tidu_record_purge (db, table, id, error)
            : !tidu_record_set_deleted (db, table, id, TRUE, error))
    goto fail;
  /* A failed commit rolls back by itself. */
  return tidu_database_commit (db, error);

fail:
  tidu_database_rollback (db);
  return FALSE;
}

gboolean
tidu_record_delete_unless_used (TiduDatabase  *db,
                                const char    *table,
                                const char    *id,
                                const char    *in_use_sql,
                                const char    *message,
                                GError       **error)
{
  g_return_val_if_fail (in_use_sql != NULL, FALSE);

  return remove_unless_used (db, table, id, FALSE, in_use_sql, message, error);
}

gboolean
tidu_record_purge_unless_used (TiduDatabase  *db,
                               const char    *table,
                               const char    *id,
                               const char    *in_use_sql,
                               const char    *message,
                               GError       **error)
{
  return remove_unless_used (db, table, id, TRUE, in_use_sql, message, error);
}

/* ------------------------------------------------------------------ text and dates */

gboolean
tidu_text_is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

gboolean
tidu_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

char *
tidu_text_stripped (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

void
tidu_text_tidy (char **text)
{
  if (*text == NULL)
    return;
  g_strstrip (*text);
  if (**text == '\0')
    g_clear_pointer (text, g_free);
}

void
tidu_text_replace (char **field,
                   char  *value)
{
  g_free (*field);
  *field = value;
}

gboolean
tidu_date_is_set (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

/* ------------------------------------------------------------------ reading rows */

gboolean
tidu_database_step_error (TiduDatabase  *db,
                          int            rc,
                          GError       **error)
{
  return tidu_database_set_error (tidu_database_get_handle (db), rc, NULL, error);
}

TiduRowState
tidu_record_row_state (TiduDatabase  *db,
                       const char    *table,
                       const char    *id,
                       GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT deleted_at IS NOT NULL FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  TiduRowState state;
  int rc;

  if (stmt == NULL)
    return TIDU_ROW_ERROR;
  tidu_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    state = sqlite3_column_int (stmt, 0) ? TIDU_ROW_TRASHED : TIDU_ROW_LIVE;
  else if (rc == SQLITE_DONE)
    state = TIDU_ROW_MISSING;
  else
    {
      tidu_database_step_error (db, rc, error);
      state = TIDU_ROW_ERROR;
    }
  sqlite3_reset (stmt);
  return state;
}

gboolean
tidu_record_count_references (TiduDatabase  *db,
                              const char    *table,
                              const char    *id,
                              gint64        *count,
                              GError       **error)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  *count = 0;
  stmt = tidu_database_prepare (db,
                                "SELECT m.name, f.\"from\" FROM sqlite_schema AS m, pragma_foreign_key_list (m.name) AS f "
                                "WHERE m.type = 'table' AND f.\"table\" = ?1 AND f.on_delete NOT IN ('CASCADE', 'SET NULL')",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, table);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (queries, g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE \"%s\" = ?1",
                                               (const char *) sqlite3_column_text (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);

  for (guint i = 0; i < queries->len; i++)
    {
      stmt = tidu_database_prepare (db, g_ptr_array_index (queries, i), error);
      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *count += sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        return tidu_database_step_error (db, rc, error);
    }
  return TRUE;
}

gboolean
tidu_record_row_exists (TiduDatabase  *db,
                        const char    *sql,
                        const char    *id,
                        gboolean      *exists,
                        GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  *exists = (rc == SQLITE_ROW);
  return TRUE;
}

GPtrArray *
tidu_record_list_rows (TiduDatabase   *db,
                       const char     *sql,
                       const char     *p1,
                       const char     *p2,
                       TiduRowFunc     from_row,
                       GDestroyNotify  free_func,
                       GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) >= 1)
    tidu_bind_text (stmt, 1, p1);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    tidu_bind_text (stmt, 2, p2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gpointer
tidu_record_load_row (TiduDatabase  *db,
                      const char    *sql,
                      const char    *id,
                      TiduRowFunc    from_row,
                      const char    *not_found,
                      GError       **error)
{
  gpointer record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (tidu_text_is_empty (id))
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, not_found);
      return NULL;
    }
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, not_found);
  else if (rc != SQLITE_ROW)
    tidu_database_step_error (db, rc, error);
  return record;
}

/* ------------------------------------------------------------------ checks */

void
tidu_record_add_database_issue (TiduValidation *validation,
                                const GError   *error)
{
  tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DATABASE, NULL, NULL,
                       "%s", error->message);
}

gboolean
tidu_record_code_known (TiduDatabase   *db,
                        TiduValidation *validation,
                        const char     *table,
                        const char     *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (tidu_text_is_empty (code))
    return TRUE;
  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE code = ?1", table);
  stmt = tidu_database_prepare (db, sql, &error);
  if (stmt == NULL)
    {
      tidu_record_add_database_issue (validation, error);
      return TRUE;
    }
  tidu_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, &error);
      tidu_record_add_database_issue (validation, error);
    }
  return rc != SQLITE_DONE;
}

gboolean
tidu_record_check_live (TiduDatabase   *db,
                        TiduValidation *validation,
                        const char     *table,
                        const char     *id,
                        const char     *field,
                        const char     *missing,
                        const char     *trashed)
{
  g_autoptr(GError) error = NULL;

  switch (tidu_record_row_state (db, table, id, &error))
    {
    case TIDU_ROW_LIVE:
      return TRUE;
    case TIDU_ROW_MISSING:
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, field, NULL, "%s", missing);
      return FALSE;
    case TIDU_ROW_TRASHED:
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, field, id, "%s", trashed);
      return FALSE;
    case TIDU_ROW_ERROR:
      tidu_record_add_database_issue (validation, error);
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
tidu_record_check_exists (TiduDatabase    *db,
                          TiduValidation  *validation,
                          const char      *sql,
                          const char      *id,
                          const char      *field,
                          const char      *message,
                          GError         **error)
{
  gboolean exists;

  if (!tidu_record_row_exists (db, sql, id, &exists, error))
    return FALSE;
  if (!exists)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_NOT_FOUND, field, NULL,
                         "%s", message);
  return TRUE;
}

void
tidu_record_check_uscc (TiduValidation *validation,
                        const char     *field,
                        const char     *text,
                        gboolean        override,
                        char          **normalized)
{
  TiduUsccResult result;
  TiduUsccStatus status = tidu_uscc_validate (text, &result);
  g_autofree char *message = NULL;

  if (normalized != NULL)
    *normalized = result.normalized[0] != '\0' ? g_strdup (result.normalized) : NULL;
  if (status == TIDU_USCC_VALID || status == TIDU_USCC_EMPTY)
    return;
  message = tidu_uscc_describe (&result);
  if (tidu_uscc_is_format_error (status))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, field, NULL, "%s", message);
  else if (!override)
    tidu_validation_add (validation, TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID, field, NULL, "%s", message);
}

/* ------------------------------------------------------------------ writing rows */

gboolean
tidu_record_run_write (TiduDatabase  *db,
                       TiduWriteFunc  write,
                       gpointer       work,
                       GError       **error)
{
  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!write (db, work, error))
    {
      tidu_database_rollback (db);
      return FALSE;
    }
  return tidu_database_commit (db, error);
}

gboolean
tidu_record_save_copy (TiduDatabase    *db,
                       gpointer         record,
                       gsize            size,
                       TiduCopyFunc     copy,
                       GDestroyNotify   free_func,
                       GDestroyNotify   clear,
                       TiduWriteFunc    write,
                       GError         **error)
{
  gpointer work = copy (record);

  if (!tidu_record_run_write (db, write, work, error))
    {
      free_func (work);
      return FALSE;
    }
  clear (record);
  memcpy (record, work, size);
  g_free (work);
  return TRUE;
}

void
tidu_record_stamp (char       **id,
                   char       **created_at,
                   char       **updated_at,
                   const char  *new_id,
                   const char  *now)
{
  if (new_id != NULL)
    {
      tidu_text_replace (id, g_strdup (new_id));
      tidu_text_replace (created_at, g_strdup (now));
    }
  tidu_text_replace (updated_at, g_strdup (now));
}

gboolean
tidu_record_check_changed (TiduDatabase  *db,
                           const char    *message,
                           GError       **error)
{
  if (sqlite3_changes (tidu_database_get_handle (db)) > 0)
    return TRUE;
  g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, message);
  return FALSE;
}
