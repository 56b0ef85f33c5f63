/* test-util.c: fixtures and raw SQL helpers shared by the unit tests of the core records.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"

void
tidu_test_fixture_set_up (TiduTestFixture *f,
                          gconstpointer    data)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "test");
  g_autofree char *template = g_strdup_printf ("tidu-%s-XXXXXX", program);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "tidu.sqlite3", NULL);
  f->db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

void
tidu_test_remove_tree (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        tidu_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

void
tidu_test_fixture_tear_down (TiduTestFixture *f,
                             gconstpointer    data)
{
  g_clear_object (&f->db);
  tidu_test_remove_tree (f->dir);
  g_free (f->dir);
}

char *
tidu_test_snapshot_tables (TiduDatabase  *db,
                           const char   **tables,
                           guint          n_tables)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) || ':' || ifnull (group_concat (id || '|' || updated_at || '|' "
                                              "|| ifnull (deleted_at, ''), ';'), '') FROM (SELECT * FROM %s ORDER BY id)",
                                              tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (text, "%s=%s\n", tables[i], (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  return g_string_free (text, FALSE);
}

gint64
tidu_test_db_int (TiduDatabase *db,
                  const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
tidu_test_query_text (TiduDatabase *db,
                      const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

void
tidu_test_exec (TiduDatabase *db,
                const char   *sql)
{
  char *message = NULL;

  if (sqlite3_exec (tidu_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
tidu_test_count_live (TiduDatabase *db,
                      TiduEntity    entity)
{
  g_autoptr(GError) error = NULL;
  gint64 count = -1;

  g_assert_true (tidu_database_count (db, entity, &count, &error));
  g_assert_no_error (error);
  return count;
}

GDate
tidu_test_date (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (tidu_date_from_iso (iso, &date));
  return date;
}

void
tidu_test_assert_rejected (TiduDatabase          *db,
                           TiduTestSnapshotFunc   snapshot,
                           TiduTestValidateFunc   validate,
                           TiduTestSaveFunc       save,
                           gpointer               record,
                           const char            *field,
                           TiduError              code,
                           TiduValidation       **validation_out)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (db);
  g_autofree char *after = NULL;
  const TiduIssue *issue;

  g_assert_false (validate (db, record, validation));
  issue = tidu_validation_find (validation, field);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, TIDU_SEVERITY_ERROR);
  g_assert_cmpint (issue->code, ==, code);
  g_assert_nonnull (issue->message);

  g_assert_false (save (db, record, &error));
  g_assert_error (error, TIDU_ERROR, (gint) code);
  after = snapshot (db);
  g_assert_cmpstr (before, ==, after);
  if (validation_out != NULL)
    *validation_out = g_steal_pointer (&validation);
}
