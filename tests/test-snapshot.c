/* test-snapshot.c: snapshot export (round trip, redaction, subsets, cancel), hostile files
 * refused without any change, and the upgrade of a version 1 database.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"
#include "tidu-exchange-private.h"
#include "tidu-tokenizer.h"

/* Every row of @table, rowid and all columns, in id order: "every table equal". */
static char *
dump_table (sqlite3    *db,
            const char *table,
            gboolean    with_rowid)
{
  g_autoptr(GString) expr = g_string_new (with_rowid ? "rowid" : "''");
  g_autofree char *info = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (expr, " || ',' || quote (\"%s\")", (const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sql = g_strdup_printf ("SELECT count(*) || ':' || ifnull (group_concat (line, char (10)), '') FROM"
                         " (SELECT %s AS line FROM \"%s\" ORDER BY 1)", expr->str, table);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

static char *
dump_all (TiduDatabase *db)
{
  static const char *extra[] = { "tiers", "carrier_kinds", "levels", "tidu_meta", "tidu_changes", "tidu_tombstones" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < tidu_exchange_n_tables; i++)
    {
      g_autofree char *t = dump_table (tidu_database_get_handle (db), tidu_exchange_tables[i], TRUE);

      g_string_append_printf (text, "%s=%s\n", tidu_exchange_tables[i], t);
    }
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    {
      g_autofree char *t = dump_table (tidu_database_get_handle (db), extra[i], FALSE);

      g_string_append_printf (text, "%s=%s\n", extra[i], t);
    }
  return g_string_free (text, FALSE);
}

static void
fill_sample (TiduDatabase *db,
             guint         firms)
{
  TiduSampleOptions options = { firms, 7 };
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_sample_generate (db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
export_to (TiduTestFixture           *f,
           const char                *name,
           const TiduSnapshotOptions *options)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSnapshotInfo) info = NULL;

  g_assert_true (tidu_snapshot_export (f->db, path, options, NULL, NULL, NULL, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (info->path, ==, path);
  return g_steal_pointer (&path);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined: nothing appears beside a refused file. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (d);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* ---------------------------------------------------------------- round trip */

static void
test_round_trip (TiduTestFixture *f,
                 gconstpointer    data)
{
  TiduSnapshotOptions options = { FALSE, NULL, NULL, "王科长" };
  g_autofree char *path = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *firm_id = NULL;
  g_autofree char *name = NULL;
  g_autoptr(TiduSnapshotInfo) info = NULL;
  g_autoptr(TiduDatabase) snap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fts = NULL;

  fill_sample (f->db, 120);
  /* A firm in the trash, and a gap in the rowids. */
  firm_id = tidu_test_query_text (f->db, "SELECT id FROM firms ORDER BY rowid LIMIT 1 OFFSET 3");
  g_assert_true (tidu_firm_delete (f->db, firm_id, &error));
  g_assert_no_error (error);
  tidu_test_exec (f->db, "DELETE FROM firm_tiers WHERE firm_id = (SELECT id FROM firms ORDER BY rowid LIMIT 1 OFFSET 5)");
  tidu_test_exec (f->db, "DELETE FROM firm_years WHERE firm_id = (SELECT id FROM firms ORDER BY rowid LIMIT 1 OFFSET 5)");
  tidu_test_exec (f->db, "DELETE FROM firm_stays WHERE firm_id = (SELECT id FROM firms ORDER BY rowid LIMIT 1 OFFSET 5)");
  tidu_test_exec (f->db, "UPDATE talents SET firm_id = NULL WHERE firm_id = (SELECT id FROM firms ORDER BY rowid LIMIT 1 OFFSET 5)");
  tidu_test_exec (f->db, "UPDATE talent_awards SET firm_id = NULL WHERE firm_id = (SELECT id FROM firms ORDER BY rowid LIMIT 1 OFFSET 5)");
  tidu_test_exec (f->db, "DELETE FROM firms WHERE rowid = (SELECT rowid FROM firms ORDER BY rowid LIMIT 1 OFFSET 5)");

  path = export_to (f, "round.tidu", &options);
  mine = dump_all (f->db);
  /* The export copies with a small page cache (tidu_database_vacuum_into) and gives the
   * connection its own back. */
  g_assert_cmpint (tidu_test_db_int (f->db, "PRAGMA cache_size"), ==, -32768);

  snap = tidu_snapshot_open (path, NULL, &info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snap);
  g_assert_true (tidu_database_get_read_only (snap));
  theirs = dump_all (snap);
  g_assert_cmpstr (theirs, ==, mine);

  g_assert_cmpstr (info->officer, ==, "王科长");
  g_assert_false (info->redacted);
  g_assert_cmpint (info->schema_version, ==, TIDU_SCHEMA_VERSION);
  g_assert_cmpint (tidu_snapshot_info_get_count (info, "firms"), ==, tidu_test_db_int (f->db, "SELECT count(*) FROM firms"));
  {
    g_autofree char *id = tidu_database_dup_id (f->db, &error);

    g_assert_cmpstr (info->database_id, ==, id);
  }

  /* Search works in the snapshot: the indexes still point at the right rows. */
  name = tidu_test_query_text (f->db, "SELECT name FROM firms WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT 1");
  fts = g_strdup_printf ("SELECT count(*) FROM firms_fts f JOIN firms ON firms.rowid = f.rowid"
                         " WHERE firms_fts MATCH '\"%s\"' AND firms.name = '%s'", name, name);
  g_assert_cmpint (tidu_test_db_int (snap, fts), >=, 1);

  /* Nothing can be saved in it. */
  {
    g_autoptr(TiduFirm) firm = tidu_firm_new ();

    firm->name = g_strdup ("新企业");
    g_assert_false (tidu_firm_save (snap, firm, &error));
    g_assert_nonnull (error);
  }
}

/* ---------------------------------------------------------------- redaction */

static void
test_redaction (TiduTestFixture *f,
                gconstpointer    data)
{
  static const char *secrets[] = { "13912345678", "secret.person@example.cn", "0511-87654321",
                                   "talent.mail@example.cn", "18600001111", "0511-55550000" };
  TiduSnapshotOptions redact = { TRUE, NULL, NULL, NULL };
  TiduSnapshotOptions plain = { FALSE, NULL, NULL, NULL };
  g_autofree char *redacted = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) control = NULL;

  fill_sample (f->db, 60);
  tidu_test_exec (f->db, "UPDATE firms SET contact_phone = '13912345678', contact_email = 'secret.person@example.cn'"
                         " WHERE rowid = (SELECT min (rowid) FROM firms)");
  tidu_test_exec (f->db, "UPDATE carriers SET contact_phone = '0511-87654321' WHERE rowid = (SELECT min (rowid) FROM carriers)");
  tidu_test_exec (f->db, "UPDATE talents SET contact_phone = '18600001111', contact_email = 'talent.mail@example.cn'"
                         " WHERE rowid = (SELECT min (rowid) FROM talents)");
  /* A value changed twice: the old one sits in a free page or the WAL. */
  tidu_test_exec (f->db, "UPDATE firms SET contact_phone = '0511-55550000' WHERE rowid = (SELECT max (rowid) FROM firms)");
  tidu_test_exec (f->db, "UPDATE firms SET contact_phone = '0511-55550001' WHERE rowid = (SELECT max (rowid) FROM firms)");

  full = export_to (f, "full.tidu", &plain);
  control = read_bytes (full);
  g_assert_true (bytes_contain (control, "13912345678"));
  g_assert_true (bytes_contain (control, "talent.mail@example.cn"));

  redacted = export_to (f, "redacted.tidu", &redact);
  bytes = read_bytes (redacted);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_assert_false (bytes_contain (bytes, secrets[i]));
  g_assert_false (bytes_contain (bytes, "0511-55550001"));
  /* The rest is there. */
  {
    g_autofree char *name = tidu_test_query_text (f->db, "SELECT name FROM firms WHERE rowid = (SELECT min (rowid) FROM firms)");

    g_assert_true (bytes_contain (bytes, name));
  }
  {
    g_autoptr(TiduSnapshotInfo) info = tidu_snapshot_inspect (redacted, NULL, NULL);

    g_assert_nonnull (info);
    g_assert_true (info->redacted);
  }
}

/* ---------------------------------------------------------------- subsets */

static void
test_subset_region (TiduTestFixture *f,
                    gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *region_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TiduDatabase) snap = NULL;
  g_autoptr(TiduSnapshotInfo) info = NULL;
  TiduSnapshotOptions options = { FALSE, NULL, NULL, NULL };
  gint64 expected;

  fill_sample (f->db, 150);
  /* The city with the most firms in its sub-regions. */
  region_id = tidu_test_query_text (f->db,
    "SELECT r.id FROM regions r WHERE r.kind = 'city' AND r.parent_id IS NOT NULL ORDER BY"
    " (SELECT count(*) FROM firms WHERE region_id IN (SELECT id FROM regions WHERE id = r.id OR parent_id = r.id)) DESC LIMIT 1");
  g_assert_nonnull (region_id);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM firms WHERE region_id IN"
                                            " (WITH RECURSIVE s (id) AS (SELECT '%s' UNION SELECT r.id FROM regions r JOIN s ON r.parent_id = s.id)"
                                            " SELECT id FROM s)", region_id);

    expected = tidu_test_db_int (f->db, sql);
  }
  g_assert_cmpint (expected, >, 0);
  g_assert_cmpint (expected, <, 150);

  options.region_id = region_id;
  path = export_to (f, "region.tidu", &options);
  snap = tidu_snapshot_open (path, NULL, &info, &error);
  g_assert_no_error (error);
  /* Its own firms, and only referenced others (a talent's employer). */
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM firms"), >=, expected);
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM firms"), <, 150);
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM firms f JOIN firm_years y ON y.firm_id = f.id"), ==,
                   tidu_test_db_int (snap, "SELECT count(*) FROM firm_years"));
  /* Everything referenced is inside. */
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpstr (info->region_id, ==, region_id);
  /* The search index holds only the rows of the file. */
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM firms_chars_docsize"), ==,
                   tidu_test_db_int (snap, "SELECT count(*) FROM firms WHERE deleted_at IS NULL"));
}

static void
test_subset_carrier (TiduTestFixture *f,
                     gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *carrier_id = NULL;
  g_autofree char *carrier_name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *found = NULL;
  g_autoptr(TiduDatabase) snap = NULL;
  TiduSnapshotOptions options = { TRUE, NULL, NULL, NULL };
  g_autofree char *sql = NULL;

  fill_sample (f->db, 150);
  carrier_id = tidu_test_query_text (f->db, "SELECT carrier_id FROM firm_stays GROUP BY carrier_id ORDER BY count(*) DESC LIMIT 1");
  carrier_name = tidu_test_query_text (f->db, "SELECT name FROM carriers WHERE id = (SELECT carrier_id FROM firm_stays GROUP BY carrier_id ORDER BY count(*) DESC LIMIT 1)");
  found = tidu_snapshot_find_carrier (f->db, carrier_name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, carrier_id);

  options.carrier_id = carrier_id;
  path = export_to (f, "carrier.tidu", &options);
  snap = tidu_snapshot_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(DISTINCT firm_id) FROM firm_stays WHERE carrier_id = '%s'", carrier_id);
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM firms"), ==, tidu_test_db_int (f->db, sql));
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (tidu_test_db_int (snap, "SELECT count(*) FROM firms WHERE contact_phone IS NOT NULL"), ==, 0);

  g_assert_null (tidu_snapshot_find_carrier (f->db, "没有这个载体", &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (TiduTestFixture *f,
             gconstpointer    data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "cancelled.tidu", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  fill_sample (f->db, 50);
  before = list_dir (f->dir);
  g_assert_false (tidu_snapshot_export (f->db, path, NULL, cancellable, cancel_on_progress, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = list_dir (f->dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* ---------------------------------------------------------------- hostile files */

typedef void (*HostileFunc) (const char *valid, const char *path);

static void
write_file (const char *path,
            const void *data,
            gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, size, &error));
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);

  write_file (to, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
raw_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (tidu_tokenizer_register (db, NULL));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
patch_be32 (const char *path,
            gsize       offset,
            guint32     value)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  gsize size = g_bytes_get_size (bytes);
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  data[offset] = value >> 24;
  data[offset + 1] = value >> 16;
  data[offset + 2] = value >> 8;
  data[offset + 3] = value;
  write_file (path, data, size);
  g_free (data);
}

static void
hostile_random (const char *valid, const char *path)
{
  guchar data[8192];

  for (guint i = 0; i < sizeof data; i++)
    data[i] = g_random_int_range (0, 256);
  write_file (path, data, sizeof data);
}

static void
hostile_other_app (const char *valid, const char *path)
{
  raw_sql (path, "PRAGMA journal_mode = DELETE; CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi');");
}

static void
hostile_newer (const char *valid, const char *path)
{
  copy_file (valid, path);
  patch_be32 (path, 60, 99);
}

static void
hostile_truncated (const char *valid, const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (valid);

  write_file (path, g_bytes_get_data (bytes, NULL), (g_bytes_get_size (bytes) / 2) & ~(gsize) 4095);
}

static void
hostile_corrupted (const char *valid, const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (valid);
  gsize size = g_bytes_get_size (bytes);
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  /* Garbage over everything but the first pages (the header and the schema). */
  for (gsize i = 16 * 4096; i < size; i++)
    data[i] = (guchar) (i * 7 + 3);
  write_file (path, data, size);
  g_free (data);
}

static void
hostile_damaged_rows (const char *valid, const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (valid);
  gsize size = g_bytes_get_size (bytes);
  guchar *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  /* The schema stays readable; one page of rows in the middle is garbage. */
  for (gsize i = (size / 2) & ~(gsize) 4095; i < ((size / 2) & ~(gsize) 4095) + 4096; i++)
    data[i] = (guchar) (i * 13 + 5);
  write_file (path, data, size);
  g_free (data);
}

static void
hostile_extra_table (const char *valid, const char *path)
{
  copy_file (valid, path);
  raw_sql (path, "CREATE TABLE evil (x)");
}

static void
hostile_altered_table (const char *valid, const char *path)
{
  copy_file (valid, path);
  raw_sql (path, "ALTER TABLE firms ADD COLUMN evil TEXT");
}

static void
hostile_trigger (const char *valid, const char *path)
{
  copy_file (valid, path);
  raw_sql (path, "CREATE TRIGGER evil AFTER INSERT ON regions BEGIN DELETE FROM firms; END");
}

static void
hostile_view (const char *valid, const char *path)
{
  copy_file (valid, path);
  raw_sql (path, "CREATE VIEW evil AS SELECT * FROM firms");
}

static void
hostile_huge (const char *valid, const char *path)
{
  copy_file (valid, path);
  patch_be32 (path, 28, 0x7fffffff);
}

static void
hostile_no_manifest (const char *valid, const char *path)
{
  copy_file (valid, path);
  raw_sql (path, "DELETE FROM tidu_manifest");
}

static const struct
{
  const char  *name;
  HostileFunc  make;
  TiduError    code;
  const char  *words;   /* part of the message that says what is wrong */
} hostile[] = {
  { "random", hostile_random, TIDU_ERROR_NOT_SQLITE, "not a database file" },
  { "other-app", hostile_other_app, TIDU_ERROR_FOREIGN, "another program" },
  { "newer", hostile_newer, TIDU_ERROR_TOO_NEW, "newer version of Tidu" },
  { "truncated", hostile_truncated, TIDU_ERROR_CORRUPT, "incomplete" },
  { "corrupted", hostile_corrupted, TIDU_ERROR_CORRUPT, "damaged" },
  { "damaged-rows", hostile_damaged_rows, TIDU_ERROR_CORRUPT, "integrity check" },
  { "extra-table", hostile_extra_table, TIDU_ERROR_SCHEMA_MISMATCH, "table “evil”" },
  { "altered-table", hostile_altered_table, TIDU_ERROR_SCHEMA_MISMATCH, "table “firms” was altered" },
  { "trigger", hostile_trigger, TIDU_ERROR_SCHEMA_MISMATCH, "trigger “evil”" },
  { "view", hostile_view, TIDU_ERROR_SCHEMA_MISMATCH, "view “evil”" },
  { "huge", hostile_huge, TIDU_ERROR_TOO_LARGE, "absurd size" },
  { "no-manifest", hostile_no_manifest, TIDU_ERROR_FOREIGN, "no manifest" },
};

static void
test_hostile (TiduTestFixture *f,
              gconstpointer    data)
{
  g_autofree char *valid = NULL;
  g_autofree char *db_path = g_strdup (tidu_database_get_path (f->db));
  g_autofree char *dump_before = NULL;
  g_autofree char *incoming = g_build_filename (f->dir, "incoming", NULL);
  GHashTable *messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  fill_sample (f->db, 30);
  valid = export_to (f, "valid.tidu", NULL);
  g_assert_cmpint (g_mkdir (incoming, 0700), ==, 0);
  /* The local file as bytes: checkpointed, so the comparison covers everything. */
  tidu_test_exec (f->db, "PRAGMA wal_checkpoint(TRUNCATE)");
  dump_before = dump_all (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.tidu", incoming, hostile[i].name);
      g_autoptr(GBytes) file_before = NULL;
      g_autoptr(GBytes) file_after = NULL;
      g_autoptr(GBytes) db_before = read_bytes (db_path);
      g_autoptr(GBytes) db_after = NULL;
      g_autofree char *listing = NULL;
      g_autofree char *dump_after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) merge_error = NULL;
      g_autoptr(GError) open_error = NULL;
      g_autoptr(TiduSnapshotInfo) info = NULL;
      g_autoptr(TiduMergePlan) plan = NULL;
      g_autoptr(TiduDatabase) snap = NULL;
      g_autofree char *expected_listing = g_strdup_printf ("%s.tidu", hostile[i].name);
      g_autofree char *display = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *generic = NULL;

      g_test_message ("hostile file: %s", hostile[i].name);
      hostile[i].make (valid, path);
      file_before = read_bytes (path);

      info = tidu_snapshot_inspect (path, NULL, &error);
      g_assert_null (info);
      g_assert_error (error, TIDU_ERROR, hostile[i].code);
      g_test_message ("message: %s", error->message);
      g_assert_nonnull (strstr (error->message, hostile[i].words));
      g_assert_nonnull (strstr (error->message, "tidu"));   /* names the file */
      /* Each refusal has its own message, the file's name aside. */
      display = g_filename_display_name (path);
      parts = g_strsplit (error->message, display, -1);
      generic = g_strjoinv ("FILE", parts);
      g_assert_false (g_hash_table_contains (messages, generic));
      g_hash_table_add (messages, g_steal_pointer (&generic));

      snap = tidu_snapshot_open (path, NULL, NULL, &open_error);
      g_assert_null (snap);
      g_assert_error (open_error, TIDU_ERROR, hostile[i].code);

      plan = tidu_merge_plan_new (f->db, path, NULL, NULL, NULL, &merge_error);
      g_assert_null (plan);
      g_assert_error (merge_error, TIDU_ERROR, hostile[i].code);

      /* Nothing changed anywhere: the file, its folder, the local database. */
      file_after = read_bytes (path);
      g_assert_true (g_bytes_equal (file_before, file_after));
      listing = list_dir (incoming);
      g_assert_cmpstr (listing, ==, expected_listing);
      g_unlink (path);
      db_after = read_bytes (db_path);
      g_assert_true (g_bytes_equal (db_before, db_after));
      dump_after = dump_all (f->db);
      g_assert_cmpstr (dump_after, ==, dump_before);
    }
  g_hash_table_unref (messages);
}

/* ---------------------------------------------------------------- upgrade */

static void
test_upgrade_v1 (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-upgrade-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.sqlite3", NULL);
  g_autofree char *other_path = g_build_filename (dir, "new.sqlite3", NULL);
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other_id = NULL;
  sqlite3 *raw = NULL;

  /* A file exactly as Tidu 1 made it, with a firm. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_true (tidu_tokenizer_register (raw, NULL));
  g_assert_true (tidu_database_create_schema (raw, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO firms (id, name, uscc) VALUES ('f1', '旧数据科技有限公司', '91320100MA1XXXXX0A')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tidu_database_get_schema_version (db), ==, TIDU_SCHEMA_VERSION);
  g_assert_nonnull (tidu_database_get_backup_path (db));
  g_assert_true (strstr (tidu_database_get_backup_path (db), ".backup-v1-") != NULL);
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM firms WHERE name = '旧数据科技有限公司'"), ==, 1);
  id = tidu_database_dup_id (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (strlen (id), ==, 36);
  g_assert_cmpint (id[14], ==, '4');

  /* Edits are logged per field from now on; the search index still works. */
  tidu_test_exec (db, "UPDATE firms SET address = '新地址', notes = '备注' WHERE id = 'f1'");
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM tidu_changes WHERE tbl = 'firms' AND row_id = 'f1'"), ==, 2);
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '旧数据'"), ==, 1);

  /* A new database gets its own id. */
  other = tidu_database_open (other_path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  other_id = tidu_database_dup_id (other, &error);
  g_assert_cmpstr (other_id, !=, id);
  g_assert_cmpint (tidu_test_db_int (other, "SELECT count(*) FROM tidu_merges"), ==, 0);

  g_clear_object (&db);
  g_clear_object (&other);
  tidu_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/snapshot/round-trip", test_round_trip);
  ADD ("/snapshot/redaction", test_redaction);
  ADD ("/snapshot/subset/region", test_subset_region);
  ADD ("/snapshot/subset/carrier", test_subset_carrier);
  ADD ("/snapshot/cancel", test_cancel);
  ADD ("/snapshot/hostile", test_hostile);
  g_test_add_func ("/snapshot/upgrade-v1", test_upgrade_v1);
#undef ADD

  return g_test_run ();
}
