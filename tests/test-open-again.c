/* test-open-again.c: a worker's own connection to the data a TiduDatabase shows
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"

static gint64
count_firms (TiduDatabase *db)
{
  gint64 n = -1;
  g_autoptr(GError) error = NULL;

  tidu_database_count (db, TIDU_ENTITY_FIRM, &n, &error);
  g_assert_no_error (error);
  return n;
}

/* A working database: the same file again, writable. */
static void
test_working (TiduTestFixture *f,
              gconstpointer    data)
{
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(TiduDatabase) again = NULL;
  g_autoptr(GError) error = NULL;

  again = tidu_database_open_again (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tidu_database_get_path (again), ==, tidu_database_get_path (f->db));
  g_assert_false (tidu_database_get_read_only (again));

  firm->name = g_strdup ("星河科技");
  tidu_firm_save (again, firm, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_firms (f->db), ==, 1);
}

/* A snapshot opened for browsing: the validated private copy again, read-only, never the
 * received file; the copy outlives the second connection and goes with the first. */
static void
test_snapshot (TiduTestFixture *f,
               gconstpointer    data)
{
  TiduSampleOptions options = { 40, 3 };
  TiduSnapshotOptions snapshot_options = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "received.tidu", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len = 0, after_len = 0;
  g_autoptr(TiduDatabase) snapshot = NULL;
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GError) error = NULL;
  TiduDatabase *again;

  tidu_sample_generate (f->db, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  tidu_snapshot_export (f->db, path, &snapshot_options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &before, &before_len, &error);
  g_assert_no_error (error);

  snapshot = tidu_snapshot_open (path, NULL, NULL, &error);
  g_assert_no_error (error);

  again = tidu_database_open_again (snapshot, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_database_get_read_only (again));
  g_assert_cmpint (count_firms (again), ==, 40);

  firm->name = g_strdup ("不应写入");
  g_assert_false (tidu_firm_save (again, firm, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Closing the second connection leaves the first one's copy in place. */
  g_object_unref (again);
  g_assert_cmpint (count_firms (snapshot), ==, 40);
  again = tidu_database_open_again (snapshot, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_firms (again), ==, 40);
  g_object_unref (again);

  /* The second connections' names for the copy are gone with them. */
  {
    g_autofree char *copy_dir = g_build_filename (g_get_user_cache_dir (), "tidu", "received", NULL);
    g_autoptr(GDir) dir = g_dir_open (copy_dir, 0, NULL);
    const char *name;
    guint n = 0;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
  g_clear_object (&snapshot);

  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_true (memcmp (before, after, before_len) == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/open-again/working", TiduTestFixture, NULL,
              tidu_test_fixture_set_up, test_working, tidu_test_fixture_tear_down);
  g_test_add ("/open-again/snapshot", TiduTestFixture, NULL,
              tidu_test_fixture_set_up, test_snapshot, tidu_test_fixture_tear_down);

  return g_test_run ();
}
