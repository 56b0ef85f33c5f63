/* test-search-migration.c: schema 4 builds the per-character indexes again with pairs of
 * characters (tidu_bigrams, detail=none); a schema-3 file with records upgrades and its search
 * still equals a LIKE scan, and writes after the upgrade keep the new indexes in step.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tidu-core.h"
#include "tidu-database-private.h"
#include "tidu-tokenizer.h"

static void
exec_handle (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static gint64
handle_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static const char *names[] = {
  "镇江智能科技有限公司", "丹阳市华泰新材料有限公司", "句容智·能装备有限公司", "扬中 智 能 仓储有限公司",
  "镇江市京口区华能电子有限公司", "Smart-Tech AB 镇江有限公司", "能华智能仪表股份有限公司", "华",
  "科技智能", "ab-12 镇江项目有限公司",
};

/* The rowids of the live firms whose name, code or notes contain @term (LIKE, ASCII case folded). */
static GArray *
like_rows (sqlite3    *db,
           const char *term)
{
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", term);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM firms WHERE deleted_at IS NULL AND"
                                           " (name LIKE ?1 OR uscc LIKE ?1 OR notes LIKE ?1) ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&rowids);
}

static void
assert_search_is_like (TiduDatabase *db)
{
  static const char *terms[] = {
    "华", "智", "能", "a", "A", "-", "智能", "华泰", "能华", "华能", "科技", "ab", "AB", "b-", "a-",
    "智能科", "有限公司", "镇江", "仓储", "扬中",
  };

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) found = tidu_search_run (db, TIDU_SEARCH_FIRMS, terms[i], FALSE, &error);
      g_autoptr(GArray) expected = like_rows (tidu_database_get_handle (db), terms[i]);

      g_assert_no_error (error);
      g_test_message ("“%s”: %u rows (LIKE: %u)", terms[i], found->len, expected->len);
      g_assert_cmpmem (found->data, found->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
    }
}

static void
test_upgrade_from_3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tidu-search-migration-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "v3.sqlite3", NULL);
  g_autoptr(TiduDatabase) db = NULL;
  sqlite3 *raw = NULL;
  sqlite3 *handle;
  const char *name;
  GDir *listing;

  g_assert_no_error (error);

  /* A schema-3 file with firms in it, written through its own (tidu_chars) triggers. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (tidu_tokenizer_register (raw, &error));
  g_assert_true (tidu_database_create_schema (raw, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (handle_int (raw, "PRAGMA user_version"), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      char *sql = sqlite3_mprintf ("INSERT INTO firms (id, name, notes, deleted_at) VALUES"
                                              " ('f%u', %Q, %Q, %s)", i, names[i],
                                              i % 3 == 0 ? "智能制造" : NULL,
                                              i == 4 ? "'2025-01-01T00:00:00Z'" : "NULL");

      exec_handle (raw, sql);
      sqlite3_free (sql);
    }
  exec_handle (raw, "INSERT INTO carriers (id, name, kind) VALUES ('c1', '华能众创空间', 'maker_space');"
                    "INSERT INTO talents (id, name) VALUES ('t1', '王智能');");
  g_assert_cmpint (handle_int (raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'firms_chars'"
                                    " AND sql LIKE '%tidu_chars%'"), ==, 1);
  sqlite3_close (raw);

  /* Opening it upgrades it, after a backup. */
  db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tidu_database_get_schema_version (db), ==, TIDU_SCHEMA_VERSION);
  g_assert_nonnull (tidu_database_get_backup_path (db));
  handle = tidu_database_get_handle (db);
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                       " ('firms_chars', 'carriers_chars', 'talents_chars')"
                                       " AND sql LIKE '%tidu_bigrams%' AND sql LIKE '%detail = none%'"), ==, 3);
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%tidu_chars%'"), ==, 0);
  /* The triggers survived, and the rebuilt indexes hold the live rows only. */
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
                                       " AND name LIKE '%_chars_%'"), ==, 9);
  exec_handle (handle, "INSERT INTO firms_chars (firms_chars) VALUES ('integrity-check')");
  assert_search_is_like (db);
  {
    g_autoptr(GArray) carriers = tidu_search_run (db, TIDU_SEARCH_CARRIERS, "华能", FALSE, &error);
    g_autoptr(GArray) talents = tidu_search_run (db, TIDU_SEARCH_TALENTS, "智能", FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (carriers->len, ==, 1);
    g_assert_cmpuint (talents->len, ==, 1);
  }

  /* Writes after the upgrade: insert, rename, trash, restore. */
  exec_handle (handle, "INSERT INTO firms (id, name) VALUES ('n1', '新区能华科技有限公司');"
                       "UPDATE firms SET name = '镇江华泰机械有限公司' WHERE id = 'f0';"
                       "UPDATE firms SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = 'f1';"
                       "UPDATE firms SET deleted_at = NULL WHERE id = 'f4';");
  exec_handle (handle, "INSERT INTO firms_chars (firms_chars) VALUES ('integrity-check')");
  assert_search_is_like (db);

  g_clear_object (&db);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_dir_close (listing);
  g_rmdir (dir);
}

/* The tokenizer itself, through the index: pairs only where two letters or digits touch. */
static void
test_pairs_need_adjacency (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tidu-search-migration-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "new.sqlite3", NULL);
  g_autoptr(TiduDatabase) db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  sqlite3 *handle;

  g_assert_no_error (error);
  handle = tidu_database_get_handle (db);
  exec_handle (handle, "INSERT INTO firms (id, name) VALUES ('a', '智·能'), ('b', '智 能'), ('c', '智能'),"
                       " ('d', '能智'), ('e', 'Xy'), ('f', 'x y')");
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"智能\"'"), ==, 1);
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"智\"'"), ==, 4);
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"xY\"'"), ==, 1);
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"y\"'"), ==, 2);
  g_assert_cmpint (handle_int (handle, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"能\" \"智\"'"), ==, 4);
  assert_search_is_like (db);

  g_clear_object (&db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-migration/upgrade-from-3", test_upgrade_from_3);
  g_test_add_func ("/search-migration/pairs-need-adjacency", test_pairs_need_adjacency);

  return g_test_run ();
}
