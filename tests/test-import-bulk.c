/* test-import-bulk.c: the bulk path of a big firm import (search triggers and secondary
 * indexes suspended, rebuilt once): into an empty table, where the codes are not looked up in
 * the database; into a table that already has firms, whose search indexes must come out exact;
 * and cancelled half-way, which must leave the database file as it was.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"
#include "tidu-bulk.h"
#include "tidu-record-private.h"

/* Rows enough, and long enough, for the bulk path (more than 1 MiB and 500 writes). */
#define N_ROWS 9000

/* How many search indexes tidu_bulk_end () took from the indexer instead of rebuilding them,
 * counted from its debug messages. */
static guint n_built_beside;

static GLogWriterOutput
count_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "built beside the load") != NULL)
      n_built_beside++;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

/* A valid 统一社会信用代码 for @serial. */
static char *
uscc (guint serial)
{
  g_autofree char *first17 = g_strdup_printf ("91321100MA%07u", serial);

  return g_strdup_printf ("%s%c", first17, tidu_uscc_check_character (first17));
}

/* N_ROWS firms named 镇江<prefix>第<i>精密机械有限公司 with codes from @first_serial, then
 * @extra (whole lines) at the end. */
static char *
write_firms (const char *dir,
             const char *file,
             const char *prefix,
             guint       first_serial,
             const char *extra)
{
  g_autoptr (GString) text = g_string_new ("名称,信用代码,所属区域,地址\n");
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *code = uscc (first_serial + i);

      g_string_append_printf (text, "镇江%s第%u精密机械有限公司,%s,京口区,镇江市京口区学府路%u号科技园%u幢%u楼东侧办公区\n",
                              prefix, i, code, i, i % 40, i % 9);
    }
  if (extra != NULL)
    g_string_append (text, extra);
  g_assert_cmpuint (text->len, >, 1024 * 1024);
  g_file_set_contents (path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static TiduImportReport *
run_import (TiduDatabase   *db,
            const char     *path,
            TiduImportMode  mode)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduImport) import = tidu_import_new (TIDU_IMPORT_FIRMS, path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  TiduImportReport *report;

  g_assert_no_error (error);
  tidu_import_set_mode (import, mode);
  report = tidu_import_run (import, db, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
matches (TiduDatabase *db,
         const char   *table,
         const char   *query)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s MATCH '%s'", table, table, query);

  return tidu_test_db_int (db, sql);
}

/* FTS5's own check of an external-content index against its content (every live firm). */
static void
assert_index_exact (TiduDatabase *db,
                    const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)", table, table);

  tidu_test_exec (db, sql);
}

/* Into an empty table the codes are not looked up in the database: a code the file repeats is
 * still caught, by the file's own keys, and a second import of the file matches every firm. */
static void
test_empty_table (TiduTestFixture *f,
                  gconstpointer    data)
{
  g_autofree char *repeated = uscc (30000 + 17);
  g_autofree char *extra = g_strdup_printf ("镇江重复精密机械有限公司,%s,润州区,\n", repeated);
  g_autofree char *path = write_firms (f->dir, "firms.csv", "", 30000, extra);
  g_autofree char *sql = NULL;
  g_autoptr (TiduImportReport) report = NULL;

  report = run_import (f->db, path, TIDU_IMPORT_ALL_OR_NOTHING);
  g_assert_false (report->committed);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms"), ==, 0);
  tidu_import_report_free (g_steal_pointer (&report));

  n_built_beside = 0;
  report = run_import (f->db, path, TIDU_IMPORT_SKIP_BAD_ROWS);
  g_assert_true (report->committed);
  /* Both search indexes of the firms were built beside the load, none rebuilt. */
  g_assert_cmpuint (n_built_beside, ==, 2);
  assert_index_exact (f->db, "firms_fts");
  assert_index_exact (f->db, "firms_chars");
  g_assert_cmpint (matches (f->db, "firms_fts", "\"镇江第8999精密\""), ==, 1);
  /* Schema 4: the per-character index holds characters and pairs, rowids only (no phrases). */
  g_assert_cmpint (matches (f->db, "firms_chars", "\"精密\""), ==, N_ROWS);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms_fts"), ==, N_ROWS);
  g_assert_cmpuint (report->n_created, ==, N_ROWS);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_cmpuint (report->n_bad, ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM firms WHERE uscc = '%s'", repeated);
  g_assert_cmpint (tidu_test_db_int (f->db, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT name FROM firms WHERE uscc = '%s'", repeated);
  g_assert_cmpstr (tidu_test_query_text (f->db, sql), ==, "镇江第17精密机械有限公司");
  tidu_import_report_free (g_steal_pointer (&report));

  /* Now the table has firms: each row is matched by its code, nothing is added. */
  n_built_beside = 0;
  report = run_import (f->db, path, TIDU_IMPORT_SKIP_BAD_ROWS);
  g_assert_true (report->committed);
  g_assert_cmpuint (n_built_beside, ==, 0);
  g_assert_cmpuint (report->n_created, ==, 0);
  g_assert_cmpuint (report->n_unchanged, ==, N_ROWS);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms"), ==, N_ROWS);
  assert_index_exact (f->db, "firms_fts");
  assert_index_exact (f->db, "firms_chars");
}

/* A big import into a table that has firms already: the rebuilt search indexes hold the old
 * firms and the new ones, the changed and the trashed ones as they are now. */
static void
test_non_empty_table (TiduTestFixture *f,
                      gconstpointer    data)
{
  g_autofree char *old_path = write_firms (f->dir, "old.csv", "旧", 40000, NULL);
  g_autofree char *renamed = uscc (40000 + 5);
  g_autofree char *extra = g_strdup_printf ("镇江改名精密机械有限公司,%s,京口区,\n", renamed);
  g_autofree char *new_path = write_firms (f->dir, "new.csv", "新", 50000, extra);
  g_autoptr (TiduImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *trashed = NULL;

  n_built_beside = 0;
  report = run_import (f->db, old_path, TIDU_IMPORT_ALL_OR_NOTHING);
  g_assert_true (report->committed);
  g_assert_cmpuint (n_built_beside, ==, 2);
  tidu_import_report_free (g_steal_pointer (&report));
  trashed = tidu_test_query_text (f->db, "SELECT id FROM firms WHERE name = '镇江旧第7精密机械有限公司'");
  g_assert_true (tidu_firm_delete (f->db, trashed, &error));
  g_assert_no_error (error);

  /* The table has firms: the indexes are rebuilt, not built beside the load. */
  n_built_beside = 0;
  report = run_import (f->db, new_path, TIDU_IMPORT_ALL_OR_NOTHING);
  g_assert_true (report->committed);
  g_assert_cmpuint (n_built_beside, ==, 0);
  g_assert_cmpuint (report->n_created, ==, N_ROWS);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms WHERE deleted_at IS NULL"), ==, 2 * N_ROWS - 1);

  for (guint t = 0; t < 2; t++)
    {
      const char *table = t == 0 ? "firms_fts" : "firms_chars";

      assert_index_exact (f->db, table);
      g_assert_cmpint (tidu_test_db_int (f->db, t == 0 ? "SELECT count(*) FROM firms_fts"
                                                       : "SELECT count(*) FROM firms_chars"), ==, 2 * N_ROWS - 1);
      if (t == 1)
        {
          /* Pairs only (schema 4): the renamed firm under its new name; every live name. */
          g_assert_cmpint (matches (f->db, table, "\"改名\""), ==, 1);
          g_assert_cmpint (matches (f->db, table, "\"精密\""), ==, 2 * N_ROWS - 1);
          continue;
        }
      /* An old firm, a new one, the renamed one under its new name only, not the trashed one. */
      g_assert_cmpint (matches (f->db, table, "\"镇江旧第8999精密\""), ==, 1);
      g_assert_cmpint (matches (f->db, table, "\"镇江新第8999精密\""), ==, 1);
      g_assert_cmpint (matches (f->db, table, "\"改名精密\""), ==, 1);
      g_assert_cmpint (matches (f->db, table, "\"镇江旧第5精密\""), ==, 0);
      g_assert_cmpint (matches (f->db, table, "\"镇江旧第7精密\""), ==, 0);
      g_assert_cmpint (matches (f->db, table, "\"镇江旧第\""), ==, N_ROWS - 2);
      g_assert_cmpint (matches (f->db, table, "\"镇江新第\""), ==, N_ROWS);
    }
  /* The per-character index finds one character too (the trigram one needs three). */
  g_assert_cmpint (matches (f->db, "firms_chars", "\"改\""), ==, 1);

  /* The triggers are back: a firm saved now is found at once. */
  tidu_test_exec (f->db, "UPDATE firms SET name = '镇江后改精密机械有限公司' WHERE name = '镇江新第3精密机械有限公司'");
  g_assert_cmpint (matches (f->db, "firms_fts", "\"后改精密\""), ==, 1);
  g_assert_cmpint (matches (f->db, "firms_chars", "\"后改\""), ==, 1);
  assert_index_exact (f->db, "firms_fts");
  assert_index_exact (f->db, "firms_chars");
}

static char *
read_bytes (const char *path,
            gsize      *len)
{
  g_autoptr (GError) error = NULL;
  char *bytes = NULL;

  g_file_get_contents (path, &bytes, len, &error);
  g_assert_no_error (error);
  return bytes;
}

static void
cancel_later (double   fraction,
              gpointer user_data)
{
  /* The progress comes every 1,000 rows: cancel well inside the bulk path. */
  if (fraction > 0.5)
    g_cancellable_cancel (user_data);
}

/* Cancelled half-way through a bulk load into a table with firms: the database file is the
 * same, byte for byte, before and after checkpointing what the WAL holds. */
static void
test_cancel_mid_import (TiduTestFixture *f,
                        gconstpointer    data)
{
  g_autofree char *old_path = write_firms (f->dir, "old.csv", "旧", 60000, NULL);
  g_autofree char *new_path = write_firms (f->dir, "new.csv", "新", 70000, NULL);
  g_autofree char *db_path = g_strdup (tidu_database_get_path (f->db));
  g_autoptr (TiduImportReport) report = NULL;
  g_autoptr (TiduImport) import = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *checkpointed = NULL;
  gsize before_len, after_len, checkpointed_len;
  const char *schema_sql = "SELECT group_concat (name || ':' || ifnull (sql, ''), ';') FROM "
                           "(SELECT name, sql FROM sqlite_schema ORDER BY name)";

  /* Into the empty table first, where a thread builds the search indexes beside the load:
   * cancelled, it is stopped and nothing is left. */
  tidu_test_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  before = read_bytes (db_path, &before_len);
  import = tidu_import_new (TIDU_IMPORT_FIRMS, new_path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (tidu_import_run (import, f->db, FALSE, cancel_later, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  tidu_test_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  after = read_bytes (db_path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&import, tidu_import_free);

  report = run_import (f->db, old_path, TIDU_IMPORT_ALL_OR_NOTHING);
  g_assert_true (report->committed);
  tidu_test_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  before = read_bytes (db_path, &before_len);
  schema_before = tidu_test_query_text (f->db, schema_sql);

  import = tidu_import_new (TIDU_IMPORT_FIRMS, new_path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (tidu_import_run (import, f->db, FALSE, cancel_later, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = read_bytes (db_path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  /* The triggers and indexes the bulk path dropped are back, and nothing was committed. */
  schema_after = tidu_test_query_text (f->db, schema_sql);
  g_assert_cmpstr (schema_after, ==, schema_before);
  tidu_test_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  checkpointed = read_bytes (db_path, &checkpointed_len);
  g_assert_cmpmem (before, before_len, checkpointed, checkpointed_len);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms"), ==, N_ROWS);
  assert_index_exact (f->db, "firms_fts");
  assert_index_exact (f->db, "firms_chars");
}

/* The indexer is handed fewer rows than the table ends up with: tidu_bulk_end () notices and
 * rebuilds, and the indexes are exact. */
static void
test_indexer_mismatch (TiduTestFixture *f,
                       gconstpointer    data)
{
  static const char * const tables[] = { "firms", NULL };
  static const char * const columns[] = { "name", "uscc", "notes", NULL };
  g_autoptr (TiduBulkIndexer) indexer = NULL;
  g_autoptr (TiduBulk) bulk = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *handle = tidu_database_get_handle (f->db);

  /* Over other columns, or another content: nothing to build beside. */
  {
    static const char * const fewer[] = { "name", "uscc", NULL };

    g_assert_null (tidu_bulk_indexer_new (f->db, "firms_live_text", fewer));
    g_assert_null (tidu_bulk_indexer_new (f->db, "no_such_view", columns));
  }

  g_assert_true (tidu_database_begin (f->db, &error));
  g_assert_true (tidu_bulk_begin_tables (f->db, tables, TIDU_BULK_DROP_INDEXES, &bulk, &error));
  g_assert_no_error (error);
  indexer = tidu_bulk_indexer_new (f->db, "firms_live_text", columns);
  g_assert_nonnull (indexer);
  tidu_bulk_set_indexer (bulk, indexer);
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("镇江第%u号测试有限公司", i);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO firms (id, name) VALUES ('id-%u', '%s')", i, name);
      const char *values[] = { name, NULL, NULL };

      tidu_test_exec (f->db, sql);
      /* The third row is never handed over. */
      if (i < 3)
        tidu_bulk_indexer_add (indexer, sqlite3_last_insert_rowid (handle), values);
    }
  n_built_beside = 0;
  g_assert_true (tidu_bulk_end (bulk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_built_beside, ==, 0);
  g_assert_true (tidu_database_commit (f->db, &error));
  assert_index_exact (f->db, "firms_fts");
  assert_index_exact (f->db, "firms_chars");
  g_assert_cmpint (matches (f->db, "firms_fts", "\"第3号测试\""), ==, 1);
  g_assert_cmpint (matches (f->db, "firms_chars", "\"测试\""), ==, 3);
}

/* The same rows handed over as saved: taken as built, exact, and the triggers keep them up to
 * date afterwards. */
static void
test_indexer_direct (TiduTestFixture *f,
                     gconstpointer    data)
{
  static const char * const tables[] = { "firms", NULL };
  static const char * const columns[] = { "name", "uscc", "notes", NULL };
  g_autoptr (TiduBulkIndexer) indexer = NULL;
  g_autoptr (TiduBulk) bulk = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *handle = tidu_database_get_handle (f->db);

  g_assert_true (tidu_database_begin (f->db, &error));
  indexer = tidu_bulk_indexer_new (f->db, "firms_live_text", columns);
  g_assert_nonnull (indexer);
  /* Rows saved before the triggers are suspended count too: the indexer replaces the index. */
  for (guint i = 1; i <= 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("镇江第%u号直达有限公司", i);
      g_autofree char *code = uscc (90000 + i);
      g_autofree char *notes = i % 3 == 0 ? g_strdup_printf ("备注%u", i) : NULL;
      g_autofree char *sql = g_strdup_printf ("INSERT INTO firms (id, name, uscc, notes) VALUES ('id-%u', '%s', '%s', %s%s%s)",
                                              i, name, code, notes ? "'" : "", notes ? notes : "NULL", notes ? "'" : "");
      const char *values[] = { name, code, notes };

      tidu_test_exec (f->db, sql);
      tidu_bulk_indexer_add (indexer, sqlite3_last_insert_rowid (handle), values);
      if (i == 100)
        {
          g_assert_true (tidu_bulk_begin_tables (f->db, tables, TIDU_BULK_DROP_INDEXES, &bulk, &error));
          g_assert_no_error (error);
          tidu_bulk_set_indexer (bulk, indexer);
        }
    }
  n_built_beside = 0;
  g_assert_true (tidu_bulk_end (bulk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_built_beside, ==, 2);
  /* Still in the transaction: the indexes read as built. */
  g_assert_cmpint (matches (f->db, "firms_fts", "\"第1999号直达\""), ==, 1);
  tidu_test_exec (f->db, "UPDATE firms SET name = '镇江改过名字有限公司' WHERE id = 'id-7'");
  g_assert_true (tidu_database_commit (f->db, &error));
  g_assert_no_error (error);

  assert_index_exact (f->db, "firms_fts");
  assert_index_exact (f->db, "firms_chars");
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms_chars"), ==, 2000);
  g_assert_cmpint (matches (f->db, "firms_fts", "\"直达有限\""), ==, 1999);
  g_assert_cmpint (matches (f->db, "firms_fts", "\"改过名字\""), ==, 1);
  g_assert_cmpint (matches (f->db, "firms_chars", "\"备注\""), ==, 666);
  g_assert_cmpint (matches (f->db, "firms_fts", "\"第7号\""), ==, 0);
  {
    g_autofree char *code = uscc (90000 + 1234);
    g_autofree char *query = g_strdup_printf ("\"%s\"", code + 8);

    g_assert_cmpint (matches (f->db, "firms_fts", query), ==, 1);
  }

  /* Later saves and deletes go through the triggers into the installed indexes. */
  tidu_test_exec (f->db, "INSERT INTO firms (id, name) VALUES ('id-late', '镇江后来加入有限公司')");
  tidu_test_exec (f->db, "UPDATE firms SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = 'id-8'");
  assert_index_exact (f->db, "firms_fts");
  assert_index_exact (f->db, "firms_chars");
  g_assert_cmpint (matches (f->db, "firms_chars", "\"后来\""), ==, 1);
  g_assert_cmpint (matches (f->db, "firms_fts", "\"第8号直达\""), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_log_set_writer_func (count_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/import-bulk/empty-table", test_empty_table);
  ADD ("/import-bulk/non-empty-table", test_non_empty_table);
  ADD ("/import-bulk/cancel-mid-import", test_cancel_mid_import);
  ADD ("/import-bulk/indexer-direct", test_indexer_direct);
  ADD ("/import-bulk/indexer-mismatch", test_indexer_mismatch);
#undef ADD

  return g_test_run ();
}
