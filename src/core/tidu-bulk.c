/* tidu-bulk.c: suspend the search-index triggers during a bulk load, rebuild once at the end.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-bulk.h"
#include "tidu-error.h"
#include "tidu-record-private.h"

struct _TiduBulk
{
  TiduDatabase *db;
  GPtrArray    *trigger_names;   /* dropped triggers … */
  GPtrArray    *trigger_sql;     /* … and the SQL that created them, same order */
  GPtrArray    *fts_tables;      /* search indexes to rebuild at the end */
  GPtrArray    *index_names;     /* dropped secondary indexes … */
  GPtrArray    *index_sql;       /* … and their SQL */
  gboolean      ended;
};

/* The triggers the search indexes need: <table>_fts_insert, <table>_chars_update, … */
static gboolean
is_index_trigger (const char *name)
{
  static const char * const suffixes[] = {
    "_fts_insert", "_fts_delete", "_fts_update",
    "_chars_insert", "_chars_delete", "_chars_update",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name, suffixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
table_wanted (const char * const *tables,
              const char         *table)
{
  return tables == NULL || g_strv_contains (tables, table);
}

static char *
quote_identifier (const char *name)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

/* The external-content table an FTS5 declaration names: content = 'firms' → firms. */
static char *
fts_content_table (const char *sql)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  regex = g_regex_new ("\\bcontent\\s*=\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)", G_REGEX_CASELESS, 0, NULL);
  if (regex == NULL || !g_regex_match (regex, sql, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

void
tidu_bulk_free (TiduBulk *state)
{
  if (state == NULL)
    return;
  g_clear_object (&state->db);
  g_ptr_array_unref (state->trigger_names);
  g_ptr_array_unref (state->trigger_sql);
  g_ptr_array_unref (state->fts_tables);
  g_ptr_array_unref (state->index_names);
  g_ptr_array_unref (state->index_sql);
  g_free (state);
}

guint
tidu_bulk_get_n_triggers (TiduBulk *state)
{
  g_return_val_if_fail (state != NULL, 0);
  return state->trigger_names->len;
}

guint
tidu_bulk_get_n_indexes (TiduBulk *state)
{
  g_return_val_if_fail (state != NULL, 0);
  return state->index_names->len;
}

static gboolean
triggers_mention (GPtrArray  *trigger_sql,
                  const char *name)
{
  for (guint i = 0; i < trigger_sql->len; i++)
    if (strstr (g_ptr_array_index (trigger_sql, i), name) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
drop_all (sqlite3    *handle,
          const char *what,
          GPtrArray  *names,
          GError    **error)
{
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (names, i));
      g_autofree char *sql = g_strdup_printf ("DROP %s %s", what, quoted);
      int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return tidu_database_set_error (handle, rc, NULL, error);
    }
  return TRUE;
}

static gboolean
exec_all (sqlite3    *handle,
          GPtrArray  *statements,
          GError    **error)
{
  for (guint i = 0; i < statements->len; i++)
    {
      gint64 started = g_get_monotonic_time ();
      int rc = sqlite3_exec (handle, g_ptr_array_index (statements, i), NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return tidu_database_set_error (handle, rc, NULL, error);
      if (g_get_monotonic_time () - started > 10000)
        g_debug ("bulk: %.2f s for %.60s", (g_get_monotonic_time () - started) / 1e6,
                 (const char *) g_ptr_array_index (statements, i));
    }
  return TRUE;
}

/**
 * tidu_bulk_begin_tables:
 * @db: a database inside a transaction (tidu_database_begin)
 * @tables: (nullable): base tables about to be loaded, %NULL-terminated; %NULL for all
 * @flags: whether to drop secondary indexes too
 * @state: (out) (transfer full): what tidu_bulk_end() needs
 *
 * Drops the search-index triggers of @tables (and with %TIDU_BULK_DROP_INDEXES their
 * non-unique indexes), remembering their SQL.
 */
gboolean
tidu_bulk_begin_tables (TiduDatabase        *db,
                        const char * const  *tables,
                        TiduBulkFlags        flags,
                        TiduBulk           **state,
                        GError             **error)
{
  g_autoptr(TiduBulk) bulk = NULL;
  g_autoptr(GPtrArray) content_tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  handle = tidu_database_get_handle (db);
  if (sqlite3_get_autocommit (handle))
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_FAILED,
                           _("A bulk load must run inside a transaction."));
      return FALSE;
    }

  bulk = g_new0 (TiduBulk, 1);
  bulk->db = g_object_ref (db);
  bulk->trigger_names = g_ptr_array_new_with_free_func (g_free);
  bulk->trigger_sql = g_ptr_array_new_with_free_func (g_free);
  bulk->fts_tables = g_ptr_array_new_with_free_func (g_free);
  bulk->index_names = g_ptr_array_new_with_free_func (g_free);
  bulk->index_sql = g_ptr_array_new_with_free_func (g_free);

  /* Read everything first: the schema must not change under a running SELECT. */
  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name, tbl_name, sql FROM sqlite_schema "
                           "WHERE type = 'trigger' AND sql IS NOT NULL ORDER BY name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *table = (const char *) sqlite3_column_text (stmt, 1);

      if (is_index_trigger (name) && table_wanted (tables, table))
        {
          g_ptr_array_add (bulk->trigger_names, g_strdup (name));
          g_ptr_array_add (bulk->trigger_sql, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (handle, rc, NULL, error);

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
                           "AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%USING fts5%' "
                           "ORDER BY name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *content = fts_content_table ((const char *) sqlite3_column_text (stmt, 1));

      /* Only external-content indexes can be rebuilt from their table. The content is often a
       * view (firms_live_text over firms), so an index also counts as the table's when one of
       * the triggers suspended above keeps it. */
      if (content != NULL &&
          (table_wanted (tables, content) ||
           triggers_mention (bulk->trigger_sql, (const char *) sqlite3_column_text (stmt, 0))))
        g_ptr_array_add (bulk->fts_tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (handle, rc, NULL, error);

  if (flags & TIDU_BULK_DROP_INDEXES)
    {
      /* Indexes the table declares itself (sql IS NULL: PRIMARY KEY, UNIQUE columns) stay. */
      rc = sqlite3_prepare_v2 (handle,
                               "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' "
                               "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' "
                               "AND tbl_name NOT LIKE 'sqlite%' ORDER BY name",
                               -1, &stmt, NULL);
      while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (table_wanted (tables, (const char *) sqlite3_column_text (stmt, 1)))
            {
              g_ptr_array_add (bulk->index_names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
              g_ptr_array_add (bulk->index_sql, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
            }
          rc = SQLITE_OK;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return tidu_database_set_error (handle, rc, NULL, error);
    }

  if (!drop_all (handle, "TRIGGER", bulk->trigger_names, error) ||
      !drop_all (handle, "INDEX", bulk->index_names, error))
    return FALSE;

  *state = g_steal_pointer (&bulk);
  return TRUE;
}

/**
 * tidu_bulk_begin:
 *
 * tidu_bulk_begin_tables() for every table with a search index.
 */
gboolean
tidu_bulk_begin (TiduDatabase  *db,
                 TiduBulk     **state,
                 GError       **error)
{
  return tidu_bulk_begin_tables (db, NULL, TIDU_BULK_DEFAULT, state, error);
}

/**
 * tidu_bulk_end:
 *
 * Creates the dropped triggers again and rebuilds the search indexes, still inside the
 * caller's transaction.
 */
gboolean
tidu_bulk_end (TiduBulk  *state,
               GError   **error)
{
  sqlite3 *handle;
  int rc;

  g_return_val_if_fail (state != NULL, FALSE);
  g_return_val_if_fail (!state->ended, FALSE);

  handle = tidu_database_get_handle (state->db);
  if (sqlite3_get_autocommit (handle))
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_FAILED,
                           _("A bulk load must run inside a transaction."));
      return FALSE;
    }

  if (!exec_all (handle, state->index_sql, error) || !exec_all (handle, state->trigger_sql, error))
    return FALSE;

  for (guint i = 0; i < state->fts_tables->len; i++)
    {
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (state->fts_tables, i));
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')", quoted, quoted);
      gint64 started = g_get_monotonic_time ();

      rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return tidu_database_set_error (handle, rc, NULL, error);
      if (g_get_monotonic_time () - started > 10000)
        g_debug ("bulk: %.2f s for %s", (g_get_monotonic_time () - started) / 1e6, sql);
    }

  state->ended = TRUE;
  return TRUE;
}
