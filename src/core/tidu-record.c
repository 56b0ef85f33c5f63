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
