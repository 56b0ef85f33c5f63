/* test-database.c: open, create, migrate, back up and refuse, on real files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tidu-core.h"
#include "tidu-database-private.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("tidu-test-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "tidu.sqlite3", NULL);
}

static void
remove_tree (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Runs SQL on a file through plain SQLite, as another program would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
handle_int (TiduDatabase *db,
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

static int
handle_exec (TiduDatabase *db,
             const char   *sql)
{
  /* The primary result code: the connection reports extended ones. */
  return sqlite3_exec (tidu_database_get_handle (db), sql, NULL, NULL, NULL) & 0xff;
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static void
assert_untouched (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = file_bytes (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

static guint
count_backups (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".backup-") != NULL)
      n++;
  g_dir_close (d);
  return n;
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "tidu.sqlite3", NULL);
  sqlite3_stmt *stmt = NULL;

  /* The folder is created too, as for the default path on a first run. */
  db = tidu_database_open (nested, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (tidu_database_get_created (db));
  g_assert_null (tidu_database_get_backup_path (db));
  g_assert_cmpint (tidu_database_get_schema_version (db), ==, TIDU_SCHEMA_VERSION);
  g_assert_cmpstr (tidu_database_get_path (db), ==, nested);

  g_assert_cmpint (handle_int (db, "PRAGMA application_id"), ==, TIDU_APPLICATION_ID);
  g_assert_cmpint (handle_int (db, "PRAGMA user_version"), ==, TIDU_SCHEMA_VERSION);
  g_assert_cmpint (handle_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (handle_int (db, "PRAGMA synchronous"), ==, 1);   /* NORMAL */
  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  /* Every entity of DESIGN.md §4 has its table, with the columns every entity needs. */
  for (guint e = 0; e < TIDU_N_ENTITIES; e++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') "
                                              "WHERE name IN ('id', 'created_at', 'updated_at', 'deleted_at')",
                                              tidu_entity_to_string (e));
      g_test_message ("%s", tidu_entity_to_string (e));
      g_assert_cmpint (handle_int (db, sql), ==, 4);
    }
  {
    const char *tables[] = { "carrier_years", "carrier_levels", "firm_years", "firm_stays",
                             "talent_plan_categories", "talent_plan_batches", "talent_award_members",
                             "talent_award_instalments", "target_years", "firms_fts", "carriers_fts",
                             "talents_fts" };

    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE name = '%s'", tables[i]);
        g_assert_cmpint (handle_int (db, sql), ==, 1);
      }
  }
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TiduDatabase *db;

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (handle_exec (db, "INSERT INTO firms (id, name) VALUES ('f1', '镇江华泰智能科技有限公司')"), ==, SQLITE_OK);
  g_object_unref (db);

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_false (tidu_database_get_created (db));
  g_assert_null (tidu_database_get_backup_path (db));
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms"), ==, 1);
  g_object_unref (db);
  g_assert_cmpuint (count_backups (f->dir), ==, 0);
}

static void
test_refuse_not_sqlite (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  const char *texts[] = {
    "名称,统一社会信用代码\n华泰,914403001922038216\n",
    "SQLite format 2\n",   /* too short and wrong */
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_clear_error (&error);
      g_clear_pointer (&before, g_bytes_unref);
      g_assert_true (g_file_set_contents (f->path, texts[i], -1, NULL));
      before = file_bytes (f->path);

      g_assert_null (tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error));
      g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_SQLITE);
      g_assert_nonnull (strstr (error->message, "tidu.sqlite3"));
      assert_untouched (f->path, before);
    }
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  /* Another program's SQLite file with tables of its own. */
  raw_exec (f->path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  before = file_bytes (f->path);
  g_assert_null (tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_FOREIGN);
  assert_untouched (f->path, before);

  /* A different application_id, even without tables. */
  g_unlink (f->path);
  g_clear_error (&error);
  g_clear_pointer (&before, g_bytes_unref);
  raw_exec (f->path, "PRAGMA application_id = 305419896; CREATE TABLE t (x); DROP TABLE t;");
  before = file_bytes (f->path);
  g_assert_null (tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_FOREIGN);
  assert_untouched (f->path, before);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  TiduDatabase *db;

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_object_unref (db);
  raw_exec (f->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  before = file_bytes (f->path);

  g_assert_null (tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  assert_untouched (f->path, before);
  g_assert_cmpuint (count_backups (f->dir), ==, 0);
}

static void
test_adopt_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;

  /* An empty file (e.g. made by `touch`) becomes a new database. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_database_get_created (db));
  g_assert_cmpint (handle_int (db, "PRAGMA user_version"), ==, TIDU_SCHEMA_VERSION);
}

static void
test_no_create (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (tidu_database_open (f->path, TIDU_DATABASE_OPEN_NO_CREATE, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_IO);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

/* An existing Tidu file of version 0 holding data stands for any older schema. */
static void
make_old_tidu_file (const char *path,
                    const char *extra_sql)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 0; "
                                          "CREATE TABLE legacy (note TEXT); "
                                          "INSERT INTO legacy VALUES ('老数据'); %s",
                                          TIDU_APPLICATION_ID, extra_sql);
  raw_exec (path, sql);
}

static char *
find_backup (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (d)) != NULL)
    if (strstr (name, ".backup-v0-") != NULL)
      found = g_build_filename (dir, name, NULL);
  g_dir_close (d);
  return found;
}

static void
test_backup_before_migration (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autofree char *backup = NULL;

  make_old_tidu_file (f->path, "");

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (tidu_database_get_created (db));
  g_assert_cmpint (tidu_database_get_schema_version (db), ==, TIDU_SCHEMA_VERSION);
  g_assert_nonnull (tidu_database_get_backup_path (db));

  backup = find_backup (f->dir);
  g_assert_cmpstr (backup, ==, tidu_database_get_backup_path (db));
  /* The backup is the file as it was: version 0, the old data, none of the new tables. */
  g_assert_cmpint (raw_int (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM legacy WHERE note = '老数据'"), ==, 1);
  g_assert_cmpint (raw_int (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'firms'"), ==, 0);
  /* The upgraded file keeps the old data as well. */
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM legacy"), ==, 1);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM tiers"), ==, 9);
}

static void
test_failed_migration_rolls_back (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  /* A table in the way makes the migration fail half-way through. */
  make_old_tidu_file (f->path, "CREATE TABLE promotion_events (x); INSERT INTO promotion_events VALUES (1);");

  g_assert_null (tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_MIGRATION);
  g_test_message ("%s", error->message);

  /* Nothing half-changed: still version 0, the early tables of the migration are gone again. */
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('tiers', 'firms')"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM promotion_events"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM legacy"), ==, 1);
  backup = find_backup (f->dir);
  g_assert_nonnull (backup);
}

static void
test_count_and_soft_delete (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduCheckReport) report = NULL;
  g_autofree char *json = NULL;
  gint64 count = -1;

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_true (tidu_database_count (db, TIDU_ENTITY_FIRM, &count, &error));
  g_assert_cmpint (count, ==, 0);
  g_assert_cmpint (handle_exec (db,
                                "INSERT INTO firms (id, name) VALUES ('f1', '甲'), ('f2', '乙');"
                                "UPDATE firms SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = 'f2';"), ==, SQLITE_OK);
  g_assert_true (tidu_database_count (db, TIDU_ENTITY_FIRM, &count, &error));
  g_assert_cmpint (count, ==, 1);

  report = tidu_database_check (db, &error);
  g_assert_no_error (error);
  g_assert_true (report->integrity_ok);
  g_assert_true (report->foreign_keys_ok);
  g_assert_cmpint (report->counts[TIDU_ENTITY_FIRM], ==, 1);
  g_assert_cmpint (report->deleted[TIDU_ENTITY_FIRM], ==, 1);
  g_assert_cmpint (report->counts[TIDU_ENTITY_TALENT_PLAN], ==, 4);
  g_assert_cmpuint (report->application_id, ==, TIDU_APPLICATION_ID);

  json = tidu_check_report_to_json (report);
  g_assert_nonnull (strstr (json, "\"firms\" : 1"));
  g_assert_nonnull (strstr (json, "\"ok\" : true"));
}

static void
test_invariants (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (handle_exec (db,
                                "INSERT INTO firms (id, name, uscc) VALUES ('f1', '甲', '914403001922038216');"
                                "INSERT INTO carriers (id, name, kind) VALUES ('c1', '孵化器一', 'incubator'), ('c2', '孵化器二', 'incubator');"
                                "INSERT INTO firm_stays (id, firm_id, carrier_id, entered_on) VALUES ('s1', 'f1', 'c1', '2022-01-01');"),
                   ==, SQLITE_OK);

  /* One firm per credit code, trash included. */
  g_assert_cmpint (handle_exec (db, "INSERT INTO firms (id, name, uscc) VALUES ('f2', '乙', '914403001922038216')"), ==, SQLITE_CONSTRAINT);
  /* At most one carrier at a time. */
  g_assert_cmpint (handle_exec (db, "INSERT INTO firm_stays (id, firm_id, carrier_id, entered_on) VALUES ('s2', 'f1', 'c2', '2023-01-01')"), ==, SQLITE_CONSTRAINT);
  /* A stay ends after it starts, and says how it ended. */
  g_assert_cmpint (handle_exec (db, "UPDATE firm_stays SET left_on = '2021-12-31', outcome = 'graduated' WHERE id = 's1'"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (handle_exec (db, "UPDATE firm_stays SET left_on = '2024-06-30', outcome = 'graduated' WHERE id = 's1'"), ==, SQLITE_OK);
  /* A certificate expires after its date, and names a known tier. */
  g_assert_cmpint (handle_exec (db, "INSERT INTO firm_tiers (id, firm_id, tier, certified_on, expires_on) VALUES ('t1', 'f1', 'hnte', '2022-11-18', '2022-11-18')"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (handle_exec (db, "INSERT INTO firm_tiers (id, firm_id, tier, certified_on) VALUES ('t1', 'f1', 'platinum', '2022-11-18')"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (handle_exec (db, "INSERT INTO firm_tiers (id, firm_id, tier, certified_on, certificate_no) VALUES ('t1', 'f1', 'hnte', '2022-11-18', 'GR202232008672')"), ==, SQLITE_OK);
  /* Amounts are never negative. */
  g_assert_cmpint (handle_exec (db, "INSERT INTO firm_years (id, firm_id, year, revenue) VALUES ('y1', 'f1', 2024, -1)"), ==, SQLITE_CONSTRAINT);
  /* Foreign keys are enforced. */
  g_assert_cmpint (handle_exec (db, "INSERT INTO firm_years (id, firm_id, year, revenue) VALUES ('y1', 'nobody', 2024, 1)"), ==, SQLITE_CONSTRAINT);
}

static void
test_search_index (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (handle_exec (db,
                                "INSERT INTO firms (id, name, uscc) VALUES "
                                "('f1', '镇江华泰智能科技有限公司', '914403001922038216'),"
                                "('f2', '丹阳市瑞丰新材料有限公司', NULL);"), ==, SQLITE_OK);

  /* The triggers keep the trigram index in step with inserts, renames and deletes. */
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"智能科\"'"), ==, 1);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"1922038\"'"), ==, 1);
  /* The per-character index finds one- and two-character terms the trigram index cannot. */
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"智能\"'"), ==, 0);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"智能\"'"), ==, 1);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"瑞\"'"), ==, 1);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"能智\"'"), ==, 0);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"有限\"'"), ==, 2);
  g_assert_cmpint (handle_exec (db, "UPDATE firms SET name = '镇江华泰机器人有限公司' WHERE id = 'f1'"), ==, SQLITE_OK);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"智能\"'"), ==, 0);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"器人\"'"), ==, 1);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"智能科\"'"), ==, 0);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"机器人\"'"), ==, 1);
  g_assert_cmpint (handle_exec (db, "DELETE FROM firms WHERE id = 'f2'"), ==, SQLITE_OK);
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"新材料\"'"), ==, 0);
  g_assert_cmpint (handle_exec (db, "INSERT INTO firms_fts (firms_fts) VALUES ('integrity-check')"), ==, SQLITE_OK);
  g_assert_cmpint (handle_exec (db, "INSERT INTO firms_chars (firms_chars) VALUES ('integrity-check')"), ==, SQLITE_OK);
}

/* Tidu killed right after creating or writing a file leaves the change in the WAL file and
 * the main file's header at application_id 0: the next start must still open it as ours. */
static void
test_reopen_after_kill (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      TiduDatabase *child = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, NULL);

      if (child == NULL || handle_exec (child, "INSERT INTO firms (id, name) VALUES ('f1', '甲')") != SQLITE_OK)
        _exit (1);
      _exit (0);   /* no close, no checkpoint */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (tidu_database_get_created (db));
  g_assert_null (tidu_database_get_backup_path (db));
  g_assert_cmpint (handle_int (db, "SELECT count(*) FROM firms"), ==, 1);
}

static void
test_resolve_path (void)
{
  g_autofree char *def = tidu_database_default_path ();
  g_autofree char *from_option = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_assert_true (g_str_has_suffix (def, "/tidu/tidu.sqlite3"));
  g_assert_true (g_str_has_prefix (def, g_get_user_data_dir ()));

  g_setenv ("TIDU_DATABASE", "/tmp/from-env.sqlite3", TRUE);
  from_option = tidu_database_resolve_path ("/tmp/from-option.sqlite3");
  from_env = tidu_database_resolve_path (NULL);
  g_assert_cmpstr (from_option, ==, "/tmp/from-option.sqlite3");
  g_assert_cmpstr (from_env, ==, "/tmp/from-env.sqlite3");
  g_unsetenv ("TIDU_DATABASE");
  fallback = tidu_database_resolve_path ("");
  g_assert_cmpstr (fallback, ==, def);
}

/* An officer's own database on a local disk is read through a memory map; on any other file
 * system (a network share, a USB stick) it is not, since an I/O error there would be a signal
 * (tidu-database.c). The test folder is on a local disk on every machine the suite runs on. */
static void
test_memory_map (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr(TiduDatabase) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_db_int (db, "PRAGMA mmap_size"), ==, 1073741824);
  again = tidu_database_open_again (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_db_int (again, "PRAGMA mmap_size"), ==, 1073741824);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/database/create", test_create);
  ADD ("/database/reopen", test_reopen);
  ADD ("/database/reopen-after-kill", test_reopen_after_kill);
  ADD ("/database/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/database/refuse/foreign", test_refuse_foreign);
  ADD ("/database/refuse/newer", test_refuse_newer);
  ADD ("/database/adopt-empty-file", test_adopt_empty);
  ADD ("/database/no-create", test_no_create);
  ADD ("/database/migrate/backup", test_backup_before_migration);
  ADD ("/database/migrate/rollback", test_failed_migration_rolls_back);
  ADD ("/database/count-and-soft-delete", test_count_and_soft_delete);
  ADD ("/database/invariants", test_invariants);
  ADD ("/database/search-index", test_search_index);
  ADD ("/database/memory-map", test_memory_map);
#undef ADD
  g_test_add_func ("/database/resolve-path", test_resolve_path);

  return g_test_run ();
}
