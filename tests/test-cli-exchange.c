/* test-cli-exchange.c: tidu-cli snapshot export/inspect and tidu-cli merge, end to end.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static int
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("TIDU_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "TIDU_DATABASE");

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  return g_spawn_check_wait_status (run->status, NULL) ? 0 :
         (WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
count_firms (const char *path)
{
  g_autoptr(TiduDatabase) db = tidu_database_open (path, TIDU_DATABASE_OPEN_NO_CREATE, NULL);

  g_assert_nonnull (db);
  return tidu_test_db_int (db, "SELECT count(*) FROM firms");
}

static void
test_export_inspect_merge_undo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-cli-exchange-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.sqlite3", NULL);
  g_autofree char *b = g_build_filename (dir, "b.sqlite3", NULL);
  g_autofree char *snapshot = g_build_filename (dir, "from-a.tidu", NULL);
  g_autofree char *database_id = NULL;

  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", a, "sample", "--firms", "40", "--quiet", NULL), ==, 0);
    g_assert_cmpint (run_cli (&run, "--database", b, "init", NULL), ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_assert_cmpint (run_cli (&run, "--database", a, "snapshot", "export", snapshot, "--officer", "王科长", "--json", "--quiet", NULL), ==, 0);
    root = parse_object (parser, run.out);
    g_assert_cmpstr (json_object_get_string_member (root, "officer"), ==, "王科长");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "counts"), "firms"), ==, 40);
    database_id = g_strdup (json_object_get_string_member (root, "database_id"));
    g_assert_true (g_file_test (snapshot, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root;

    g_assert_cmpint (run_cli (&run, "snapshot", "inspect", snapshot, "--json", NULL), ==, 0);
    root = parse_object (parser, run.out);
    g_assert_cmpstr (json_object_get_string_member (root, "database_id"), ==, database_id);
    g_assert_false (json_object_get_boolean_member (root, "redacted"));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "snapshot", "inspect", snapshot, NULL), ==, 0);
    g_assert_nonnull (strstr (run.out, "王科长"));
  }

  /* Dry run: the plan, nothing written. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *counts;

    g_assert_cmpint (run_cli (&run, "--database", b, "merge", snapshot, "--dry-run", "--json", NULL), ==, 0);
    counts = json_object_get_object_member (parse_object (parser, run.out), "counts");
    g_assert_cmpint (json_object_get_int_member (counts, "new"), >, 40);
    g_assert_cmpint (json_object_get_int_member (counts, "conflicts"), ==, 0);
    g_assert_cmpint (count_firms (b), ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", b, "merge", snapshot, "--quiet", NULL), ==, 0);
    g_assert_nonnull (strstr (run.out, "--undo"));
    g_assert_cmpint (count_firms (b), ==, 40);
  }
  /* Again: nothing new. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *counts;

    g_assert_cmpint (run_cli (&run, "--database", b, "merge", snapshot, "--json", NULL), ==, 0);
    counts = json_object_get_object_member (parse_object (parser, run.out), "counts");
    g_assert_cmpint (json_object_get_int_member (counts, "new"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (counts, "changed"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (counts, "deleted"), ==, 0);
    g_assert_cmpint (count_firms (b), ==, 40);
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", b, "merge", "--history", NULL), ==, 0);
    g_assert_nonnull (strstr (run.out, "from-a.tidu"));
  }
  /* Undo both merges, newest first; then there is nothing left to undo. */
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", b, "merge", "--undo", NULL), ==, 0);
    g_assert_cmpint (count_firms (b), ==, 40);
    g_assert_cmpint (run_cli (&run, "--database", b, "merge", "--undo", NULL), ==, 0);
    g_assert_cmpint (count_firms (b), ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", b, "merge", "--undo", NULL), ==, 1);
    g_assert_nonnull (strstr (run.err, "no merge to undo"));
  }

  tidu_test_remove_tree (dir);
}

static void
test_refusals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-cli-exchange-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.sqlite3", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.tidu", NULL);
  g_autofree char *out = g_build_filename (dir, "x.tidu", NULL);

  g_assert_true (g_file_set_contents (junk, "这不是数据库 — just text, long enough to have a header of a hundred bytes or more, "
                                            "so that the refusal is about the content and not the size.", -1, NULL));
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "snapshot", "inspect", junk, NULL), ==, 1);
    g_assert_nonnull (strstr (run.err, "not a database file"));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", a, "sample", "--firms", "10", "--quiet", NULL), ==, 0);
    g_assert_cmpint (run_cli (&run, "--database", a, "merge", junk, NULL), ==, 1);
    g_assert_nonnull (strstr (run.err, "not a database file"));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", a, "snapshot", "export", out, "--region", "没有这个区", NULL), ==, 1);
    g_assert_nonnull (strstr (run.err, "没有这个区"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_cmpint (run_cli (&run, "--database", a, "merge", junk, "--prefer", "both", NULL), ==, 2);
    g_assert_cmpint (run_cli (&run, "--database", a, "snapshot", "export", NULL), ==, 2);
    g_assert_cmpint (run_cli (&run, "--database", a, "snapshot", NULL), ==, 2);
  }
  tidu_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/exchange/export-inspect-merge-undo", test_export_inspect_merge_undo);
  g_test_add_func ("/cli/exchange/refusals", test_refusals);

  return g_test_run ();
}
