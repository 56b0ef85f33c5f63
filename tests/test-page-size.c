/* test-page-size.c: files Tidu creates have 16 KiB pages (TIDU_PAGE_SIZE), which halve the
 * cost of committing a big import; files made before keep their page size when opened and
 * upgraded, and both kinds work alike.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "test-util.h"
#include "tidu-database-private.h"
#include "tidu-tokenizer.h"

static void
insert_firms (TiduDatabase *db)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO firms (id, name, notes) VALUES ('f%u',"
                                              " '镇江第%u号智能装备有限公司', '%s')",
                                              i, i, i % 2 ? "高新技术企业" : "科技型中小企业");

      tidu_test_exec (db, sql);
    }
}

static void
assert_works (TiduDatabase *db)
{
  g_autofree char *check = tidu_test_query_text (db, "PRAGMA integrity_check");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM firms"), ==, 2000);
  found = tidu_search_run (db, TIDU_SEARCH_FIRMS, "第1999号", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  tidu_test_exec (db, "INSERT INTO firms_fts (firms_fts, rank) VALUES ('integrity-check', 1)");
  tidu_test_exec (db, "INSERT INTO firms_chars (firms_chars, rank) VALUES ('integrity-check', 1)");
}

static void
test_new_file (TiduTestFixture *f,
               gconstpointer    data)
{
  g_autofree char *mode = tidu_test_query_text (f->db, "PRAGMA journal_mode");

  g_assert_cmpint (TIDU_PAGE_SIZE, ==, 16384);
  g_assert_cmpint (tidu_test_db_int (f->db, "PRAGMA page_size"), ==, TIDU_PAGE_SIZE);
  g_assert_cmpstr (mode, ==, "wal");
  insert_firms (f->db);
  assert_works (f->db);
}

static void
test_old_file_keeps_its_pages (TiduTestFixture *f,
                               gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.sqlite3", NULL);
  g_autoptr(TiduDatabase) db = NULL;
  sqlite3 *raw = NULL;

  /* A schema-4 file as earlier versions made it: SQLite's default 4 KiB pages. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (tidu_tokenizer_register (raw, &error));
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (tidu_database_create_schema (raw, 4, &error));
  g_assert_no_error (error);
  sqlite3_close (raw);

  db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tidu_database_get_schema_version (db), ==, TIDU_SCHEMA_VERSION);
  g_assert_cmpint (tidu_test_db_int (db, "PRAGMA page_size"), ==, 4096);
  insert_firms (db);
  assert_works (db);
  g_clear_object (&db);

  /* Opened again: still 4 KiB. */
  db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_db_int (db, "PRAGMA page_size"), ==, 4096);
  assert_works (db);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/page-size/new-file", test_new_file);
  ADD ("/page-size/old-file-keeps-its-pages", test_old_file_keeps_its_pages);
#undef ADD

  return g_test_run ();
}
