/* tidu-bulk.c: suspend the search-index triggers during a bulk load, rebuild once at the end,
 * or build the search indexes of a load into an empty table on a thread of their own.
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
#include "tidu-tokenizer.h"

/* Rows handed to the indexer's thread at a time. */
#define INDEXER_BATCH 512

/* The values of a batch live in one buffer: the thread frees it, and freeing memory another
 * thread allocated takes that thread's malloc arena lock, so one free per batch rather than
 * one per value keeps the two threads from waiting on each other. */
typedef struct
{
  guint    n;                    /* rows in this batch; 0 with end: no more rows */
  gboolean end;
  gint64   rowids[INDEXER_BATCH];
  gint32  *offsets;              /* n × n_columns offsets into text, -1 for an empty value */
  GString *text;                 /* the values, each ending in a NUL */
} IndexerBatch;

struct _TiduBulkIndexer
{
  char         *content;         /* the content table or view the indexes read, firms_live_text */
  guint         n_columns;
  GPtrArray    *tables;          /* the search indexes built here, named as in the database */
  sqlite3      *work;            /* a private in-memory database holding the same indexes */
  GThread      *thread;
  GAsyncQueue  *queue;           /* IndexerBatch */
  IndexerBatch *batch;           /* being filled */
  gint64        n_rows;          /* rows handed over … */
  gint64        rowid_sum;       /* … and the sum of their rowids, to check against the content */
  gint          failed;          /* atomic: the thread met an error */
  gboolean      spoiled;         /* the rows handed over no longer say what the content holds */
  gboolean      joined;
};

struct _TiduBulk
{
  TiduDatabase    *db;
  TiduBulkIndexer *indexer;      /* borrowed: builds some of fts_tables instead of a rebuild */
  GPtrArray       *trigger_names; /* dropped triggers … */
  GPtrArray       *trigger_sql;   /* … and the SQL that created them, same order */
  GPtrArray       *fts_tables;    /* search indexes to rebuild at the end */
  GPtrArray       *index_names;   /* dropped secondary indexes … */
  GPtrArray       *index_sql;     /* … and their SQL */
  gboolean         ended;
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

/* ------------------------------------------------------------ the indexer */

static void
batch_free (IndexerBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->offsets);
  g_string_free (batch->text, TRUE);
  g_free (batch);
}

static IndexerBatch *
batch_new (guint n_columns)
{
  IndexerBatch *batch = g_new0 (IndexerBatch, 1);

  batch->offsets = g_new (gint32, INDEXER_BATCH * n_columns);
  batch->text = g_string_sized_new (INDEXER_BATCH * 128);
  return batch;
}

typedef struct
{
  TiduBulkIndexer *indexer;
  GPtrArray       *inserts;     /* one INSERT per index, on the private database */
} IndexerThread;

static gpointer
indexer_thread (gpointer data)
{
  IndexerThread *thread = data;
  TiduBulkIndexer *indexer = thread->indexer;

  for (;;)
    {
      IndexerBatch *batch = g_async_queue_pop (indexer->queue);
      gboolean end = batch->end;

      for (guint r = 0; r < batch->n && !g_atomic_int_get (&indexer->failed); r++)
        for (guint t = 0; t < thread->inserts->len; t++)
          {
            sqlite3_stmt *stmt = g_ptr_array_index (thread->inserts, t);

            sqlite3_bind_int64 (stmt, 1, batch->rowids[r]);
            for (guint c = 0; c < indexer->n_columns; c++)
              {
                gint32 offset = batch->offsets[r * indexer->n_columns + c];

                tidu_bind_text (stmt, (int) c + 2, offset < 0 ? NULL : batch->text->str + offset);
              }
            if (sqlite3_step (stmt) != SQLITE_DONE)
              {
                g_debug ("bulk: the indexer stopped: %s", sqlite3_errmsg (indexer->work));
                g_atomic_int_set (&indexer->failed, TRUE);
              }
            sqlite3_reset (stmt);
          }
      batch_free (batch);
      if (end)
        break;
    }

  /* The commit writes out the terms FTS5 still holds in memory: here, beside the caller's
   * secondary indexes (tidu_bulk_end() sends the last batch before it builds them). */
  if (!g_atomic_int_get (&indexer->failed) &&
      sqlite3_exec (indexer->work, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_debug ("bulk: the indexer stopped: %s", sqlite3_errmsg (indexer->work));
      g_atomic_int_set (&indexer->failed, TRUE);
    }
  g_ptr_array_unref (thread->inserts);
  g_free (thread);
  return NULL;
}

static char *
fts_content_rowid (const char *sql)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  regex = g_regex_new ("\\bcontent_rowid\\s*=\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)", G_REGEX_CASELESS, 0, NULL);
  if (regex == NULL || !g_regex_match (regex, sql, 0, &match))
    return g_strdup ("rowid");
  return g_match_info_fetch (match, 1);
}

/* Whether the columns of the search index @table are @columns, in that order. */
static gboolean
index_columns_are (sqlite3            *handle,
                   const char         *table,
                   const char * const *columns)
{
  g_autofree char *quoted = quote_identifier (table);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", quoted);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;
  gboolean same = TRUE;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (columns[n] == NULL || g_strcmp0 (columns[n], (const char *) sqlite3_column_text (stmt, 1)) != 0)
        same = FALSE;
      if (columns[n] != NULL)
        n++;
    }
  sqlite3_finalize (stmt);
  return same && columns[n] == NULL;
}

/**
 * tidu_bulk_indexer_new:
 * @db: the database about to be loaded
 * @content: the content table or view of the search indexes to build (firms_live_text)
 * @columns: (array zero-terminated=1): the columns those indexes have, in order
 *
 * Starts a thread that builds every search index over @content in a private in-memory
 * database, from the rows tidu_bulk_indexer_add() hands it, while the load goes on.
 * tidu_bulk_end() then copies what it built into @db instead of rebuilding those indexes:
 * the second core does the search indexes. Only right when @content was empty before the load
 * and every row it holds at the end was handed over (tidu_bulk_end() checks the count and
 * rebuilds if not).
 *
 * Returns: (nullable): the indexer, or %NULL when it cannot help (no such index, or one whose
 * columns are not @columns): then tidu_bulk_end() rebuilds as usual.
 */
TiduBulkIndexer *
tidu_bulk_indexer_new (TiduDatabase       *db,
                       const char         *content,
                       const char * const *columns)
{
  g_autoptr(TiduBulkIndexer) indexer = NULL;
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) inserts = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_finalize);
  g_autoptr(GString) create = g_string_new (NULL);
  g_autoptr(GRegex) content_option = NULL;
  g_autofree char *rowid = NULL;
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  IndexerThread *thread;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  handle = tidu_database_get_handle (db);
  indexer = g_new0 (TiduBulkIndexer, 1);
  indexer->content = g_strdup (content);
  indexer->n_columns = g_strv_length ((char **) columns);
  indexer->tables = g_ptr_array_new_with_free_func (g_free);
  indexer->joined = TRUE;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT name, sql FROM sqlite_schema WHERE type = 'table' "
                           "AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%USING fts5%' ORDER BY name",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *table_content = fts_content_table (sql);

      if (g_strcmp0 (table_content, content) != 0)
        continue;
      g_ptr_array_add (indexer->tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (sqls, g_strdup (sql));
    }
  sqlite3_finalize (stmt);
  if (indexer->tables->len == 0)
    return NULL;
  for (guint i = 0; i < indexer->tables->len; i++)
    if (!index_columns_are (handle, g_ptr_array_index (indexer->tables, i), columns))
      {
        g_debug ("bulk: %s is not over the columns given; it will be rebuilt",
                 (const char *) g_ptr_array_index (indexer->tables, i));
        return NULL;
      }

  /* The same declarations, over an empty table of the same shape: the indexes it builds are
   * the ones the database would, page for page in the same format. */
  rowid = fts_content_rowid (g_ptr_array_index (sqls, 0));
  rc = sqlite3_open_v2 (":memory:", &indexer->work,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK || !tidu_tokenizer_register (indexer->work, NULL))
    return NULL;
  g_string_append_printf (create, "CREATE TABLE tidu_bulk_content (%s INTEGER PRIMARY KEY", rowid);
  for (guint c = 0; c < indexer->n_columns; c++)
    {
      g_autofree char *quoted = quote_identifier (columns[c]);

      g_string_append_printf (create, ", %s", quoted);
    }
  g_string_append (create, ")");
  if (sqlite3_exec (indexer->work, create->str, NULL, NULL, NULL) != SQLITE_OK)
    return NULL;
  content_option = g_regex_new ("\\bcontent\\s*=\\s*['\"]?[A-Za-z_][A-Za-z0-9_]*['\"]?", G_REGEX_CASELESS, 0, NULL);
  for (guint i = 0; i < sqls->len; i++)
    {
      g_autofree char *sql = g_regex_replace_literal (content_option, g_ptr_array_index (sqls, i), -1, 0,
                                                      "content = 'tidu_bulk_content'", 0, NULL);
      g_autofree char *quoted = quote_identifier (g_ptr_array_index (indexer->tables, i));
      g_autoptr(GString) insert = g_string_new (NULL);

      if (sql == NULL || sqlite3_exec (indexer->work, sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_debug ("bulk: cannot build %s beside the load: %s", quoted, sqlite3_errmsg (indexer->work));
          return NULL;
        }
      g_string_append_printf (insert, "INSERT INTO %s (rowid", quoted);
      for (guint c = 0; c < indexer->n_columns; c++)
        {
          g_autofree char *column = quote_identifier (columns[c]);

          g_string_append_printf (insert, ", %s", column);
        }
      g_string_append (insert, ") VALUES (?1");
      for (guint c = 0; c < indexer->n_columns; c++)
        g_string_append_printf (insert, ", ?%u", c + 2);
      g_string_append (insert, ")");
      if (sqlite3_prepare_v2 (indexer->work, insert->str, -1, &stmt, NULL) != SQLITE_OK)
        return NULL;
      g_ptr_array_add (inserts, stmt);
    }
  /* One transaction: FTS5 keeps the terms in memory until then, as a rebuild does. */
  if (sqlite3_exec (indexer->work, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return NULL;

  indexer->queue = g_async_queue_new ();
  indexer->batch = batch_new (indexer->n_columns);
  thread = g_new0 (IndexerThread, 1);
  thread->indexer = indexer;
  thread->inserts = g_steal_pointer (&inserts);
  indexer->thread = g_thread_new ("tidu-bulk-indexer", indexer_thread, thread);
  indexer->joined = FALSE;
  return g_steal_pointer (&indexer);
}

/**
 * tidu_bulk_indexer_add:
 * @rowid: the row's rowid in the content (content_rowid)
 * @values: the row's values of the indexed columns, in order; %NULL or "" for none
 *
 * Hands over a row as it is now saved. Call it only for rows that stay (after the row's own
 * savepoint, if any, was released).
 */
void
tidu_bulk_indexer_add (TiduBulkIndexer    *indexer,
                       gint64              rowid,
                       const char * const *values)
{
  IndexerBatch *batch;

  g_return_if_fail (indexer != NULL);
  g_return_if_fail (!indexer->joined && indexer->batch != NULL);

  batch = indexer->batch;
  batch->rowids[batch->n] = rowid;
  for (guint c = 0; c < indexer->n_columns; c++)
    {
      gint32 *offset = &batch->offsets[batch->n * indexer->n_columns + c];

      if (values[c] == NULL || values[c][0] == '\0')
        *offset = -1;
      else
        {
          *offset = (gint32) batch->text->len;
          g_string_append_len (batch->text, values[c], (gssize) strlen (values[c]) + 1);
        }
    }
  batch->n++;
  indexer->n_rows++;
  indexer->rowid_sum += rowid;
  if (batch->n == INDEXER_BATCH)
    {
      g_async_queue_push (indexer->queue, batch);
      indexer->batch = batch_new (indexer->n_columns);
    }
}

/**
 * tidu_bulk_indexer_spoil:
 *
 * Says that the rows handed over no longer describe the content (a row was changed or removed
 * after it was handed over): tidu_bulk_end() rebuilds instead.
 */
void
tidu_bulk_indexer_spoil (TiduBulkIndexer *indexer)
{
  g_return_if_fail (indexer != NULL);
  indexer->spoiled = TRUE;
}

/* Hands the thread the last rows: it indexes them and commits, while the caller goes on. */
static void
indexer_send_end (TiduBulkIndexer *indexer)
{
  IndexerBatch *last = g_steal_pointer (&indexer->batch);

  if (last == NULL)
    return;
  last->end = TRUE;
  g_async_queue_push (indexer->queue, last);
}

/* Waits for the thread; TRUE when it built everything it was handed. */
static gboolean
indexer_join (TiduBulkIndexer *indexer)
{
  if (!indexer->joined)
    {
      indexer_send_end (indexer);
      g_thread_join (g_steal_pointer (&indexer->thread));
      indexer->joined = TRUE;
    }
  return !g_atomic_int_get (&indexer->failed);
}

void
tidu_bulk_indexer_free (TiduBulkIndexer *indexer)
{
  if (indexer == NULL)
    return;
  if (indexer->thread != NULL)
    {
      g_atomic_int_set (&indexer->failed, TRUE);  /* no more work: just drain the queue */
      indexer_join (indexer);
    }
  batch_free (indexer->batch);
  g_clear_pointer (&indexer->queue, g_async_queue_unref);
  if (indexer->work != NULL)
    sqlite3_close_v2 (indexer->work);
  g_ptr_array_unref (indexer->tables);
  g_free (indexer->content);
  g_free (indexer);
}

static gboolean
indexer_covers (TiduBulkIndexer *indexer,
                const char      *table)
{
  for (guint i = 0; i < indexer->tables->len; i++)
    if (g_strcmp0 (g_ptr_array_index (indexer->tables, i), table) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the content holds exactly the rows handed over: as many, with the same rowids (the
 * rows handed over are all in it, each once). */
static gboolean
indexer_matches_content (TiduBulkIndexer *indexer,
                         sqlite3         *handle)
{
  g_autofree char *quoted = quote_identifier (indexer->content);
  g_autofree char *rowid = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean same = FALSE;

  {
    g_autofree char *declaration = NULL;
    sqlite3_stmt *s = NULL;

    if (sqlite3_prepare_v2 (handle, "SELECT sql FROM sqlite_schema WHERE name = ?1", -1, &s, NULL) == SQLITE_OK)
      {
        sqlite3_bind_text (s, 1, g_ptr_array_index (indexer->tables, 0), -1, SQLITE_STATIC);
        if (sqlite3_step (s) == SQLITE_ROW)
          declaration = g_strdup ((const char *) sqlite3_column_text (s, 0));
      }
    sqlite3_finalize (s);
    if (declaration == NULL)
      return FALSE;
    rowid = fts_content_rowid (declaration);
  }
  sql = g_strdup_printf ("SELECT count(*), sum(%s) FROM %s", rowid, quoted);
  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    same = sqlite3_column_int64 (stmt, 0) == indexer->n_rows &&
           (indexer->n_rows == 0 || sqlite3_column_int64 (stmt, 1) == indexer->rowid_sum);
  sqlite3_finalize (stmt);
  if (!same)
    g_debug ("bulk: %s does not hold the %" G_GINT64_FORMAT " rows handed to the indexer",
             indexer->content, indexer->n_rows);
  return same;
}

static gboolean
copy_rows (sqlite3     *from,
           sqlite3     *to,
           const char  *table,
           GError     **error)
{
  g_autofree char *quoted = quote_identifier (table);
  g_autofree char *select = g_strdup_printf ("SELECT * FROM %s", quoted);
  g_autoptr(GString) insert = g_string_new (NULL);
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  int n_columns;
  int rc;

  rc = sqlite3_prepare_v2 (from, select, -1, &read, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (read);
      return tidu_database_set_error (from, rc, NULL, error);
    }
  n_columns = sqlite3_column_count (read);
  g_string_append_printf (insert, "INSERT INTO %s VALUES (?", quoted);
  for (int c = 1; c < n_columns; c++)
    g_string_append (insert, ", ?");
  g_string_append (insert, ")");
  rc = sqlite3_prepare_v2 (to, insert->str, -1, &write, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      for (int c = 0; c < n_columns; c++)
        sqlite3_bind_value (write, c + 1, sqlite3_column_value (read, c));
      rc = sqlite3_step (write);
      if (rc == SQLITE_DONE)
        rc = sqlite3_reset (write);
    }
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    return tidu_database_set_error (to, rc, NULL, error);
  return TRUE;
}

/* Puts what the indexer built for @table into @db's index of that name. FALSE with @error
 * unset: the indexer cannot help (rebuild); with @error: the database failed. */
static gboolean
indexer_install (TiduBulkIndexer  *indexer,
                 TiduDatabase     *db,
                 const char       *table,
                 GError          **error)
{
  static const char * const shadows[] = { "data", "idx", "docsize" };
  sqlite3 *handle = tidu_database_get_handle (db);
  g_autofree char *quoted = quote_identifier (table);
  g_autofree char *clear = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('delete-all')", quoted, quoted);
  int rc;

  if (indexer->spoiled || !indexer_join (indexer) || !indexer_matches_content (indexer, handle))
    {
      indexer->spoiled = TRUE;
      return FALSE;
    }

  /* 'delete-all' also makes FTS5 forget the structure it holds in memory for this connection,
   * so the next read of the index finds the one copied in below. */
  rc = sqlite3_exec (handle, clear, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return tidu_database_set_error (handle, rc, NULL, error);
  for (guint s = 0; s < G_N_ELEMENTS (shadows); s++)
    {
      g_autofree char *shadow = g_strdup_printf ("%s_%s", table, shadows[s]);
      g_autofree char *quoted_shadow = quote_identifier (shadow);
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", quoted_shadow);

      /* docsize is missing with columnsize = 0: in both databases, as they share declarations. */
      if (sqlite3_table_column_metadata (indexer->work, NULL, shadow, NULL, NULL, NULL, NULL, NULL, NULL) != SQLITE_OK)
        continue;
      rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return tidu_database_set_error (handle, rc, NULL, error);
      if (!copy_rows (indexer->work, handle, shadow, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * tidu_bulk_set_indexer:
 * @indexer: (transfer none): built beside the load; must outlive tidu_bulk_end()
 *
 * Makes tidu_bulk_end() take the search indexes @indexer built instead of rebuilding them.
 */
void
tidu_bulk_set_indexer (TiduBulk        *state,
                       TiduBulkIndexer *indexer)
{
  g_return_if_fail (state != NULL);
  state->indexer = indexer;
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

  /* The indexer finishes its search indexes on its thread while the secondary indexes are
   * built here: no row is added after this. */
  if (state->indexer != NULL && !state->indexer->joined)
    indexer_send_end (state->indexer);
  if (!exec_all (handle, state->index_sql, error) || !exec_all (handle, state->trigger_sql, error))
    return FALSE;

  for (guint i = 0; i < state->fts_tables->len; i++)
    {
      const char *table = g_ptr_array_index (state->fts_tables, i);
      g_autofree char *quoted = quote_identifier (table);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')", quoted, quoted);
      gint64 started = g_get_monotonic_time ();

      if (state->indexer != NULL && indexer_covers (state->indexer, table))
        {
          if (indexer_install (state->indexer, state->db, table, error))
            {
              g_debug ("bulk: %.2f s for %s, built beside the load", (g_get_monotonic_time () - started) / 1e6, table);
              continue;
            }
          /* An error in the caller's database stops here; anything else rebuilds. */
          if (error != NULL && *error != NULL)
            return FALSE;
        }
      rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        return tidu_database_set_error (handle, rc, NULL, error);
      if (g_get_monotonic_time () - started > 10000)
        g_debug ("bulk: %.2f s for %s", (g_get_monotonic_time () - started) / 1e6, sql);
    }

  state->ended = TRUE;
  return TRUE;
}
