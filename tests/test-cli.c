/* test-cli.c: tidu-cli init and check, run as a user would.
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
#include "tidu-database.h"
#include "tidu-firm.h"

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

static void
run_cli (Run                *run,
         const char * const *env_extra,
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
  va_start (args, env_extra);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "TIDU_DATABASE");
  for (guint i = 0; env_extra && env_extra[i]; i += 2)
    envp = g_environ_setenv (envp, env_extra[i], env_extra[i + 1], TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
}

static int
exit_status (const Run *run)
{
  return g_spawn_check_wait_status (run->status, NULL) ? 0 :
         (WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, "--version", NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_cmpstr (run.out, ==, "tidu-cli " PACKAGE_VERSION "\n");
}

static void
test_init_and_check (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "office.sqlite3", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *counts;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--database", path, "init", NULL);
    g_assert_cmpint (exit_status (&run), ==, 0);
    g_assert_nonnull (strstr (run.out, "office.sqlite3"));
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--database", path, "check", "--json", NULL);
    g_assert_cmpint (exit_status (&run), ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_true (json_object_get_boolean_member (root, "ok"));
    g_assert_cmpint (json_object_get_int_member (root, "schema_version"), ==, TIDU_SCHEMA_VERSION);
    g_assert_cmpint (json_object_get_int_member (root, "application_id"), ==, 0x54494455);
    g_assert_cmpstr (json_object_get_string_member (root, "integrity"), ==, "ok");
    counts = json_object_get_object_member (root, "counts");
    g_assert_cmpint (json_object_get_int_member (counts, "firms"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (counts, "talent_plans"), ==, 4);
  }
  {
    /* TIDU_DATABASE stands in for --database, and the text report names the counts. */
    const char *env[] = { "TIDU_DATABASE", path, NULL };
    g_auto(Run) run = { 0 };

    run_cli (&run, env, "check", NULL);
    g_assert_cmpint (exit_status (&run), ==, 0);
    g_assert_nonnull (strstr (run.out, "Integrity: ok"));
    g_assert_nonnull (strstr (run.out, "Talent plans: 4"));
  }
}

static void
test_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.sqlite3", NULL);
  g_autofree char *csv = g_build_filename (dir, "firms.csv", NULL);

  {
    /* check never creates a database. */
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--database", missing, "check", NULL);
    g_assert_cmpint (exit_status (&run), ==, 1);
    g_assert_nonnull (strstr (run.err, "does not exist"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (csv, "名称\n华泰\n", -1, NULL));
    run_cli (&run, NULL, "--database", csv, "init", NULL);
    g_assert_cmpint (exit_status (&run), ==, 1);
    g_assert_nonnull (strstr (run.err, "not an SQLite file"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "frobnicate", NULL);
    g_assert_cmpint (exit_status (&run), ==, 2);
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, NULL, "--database", missing, "check", "--bogus", NULL);
    g_assert_cmpint (exit_status (&run), ==, 2);
  }
  g_unlink (csv);
  g_rmdir (dir);
}

/* JSON is UTF-8 whatever the locale: scripts and cron often run with LC_ALL=C, where g_print
 * turned every Chinese character into "?". */
static void
test_json_utf8_in_c_locale (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tidu-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tidu.sqlite3", NULL);
  const char * const c_locale[] = { "LC_ALL", "C", "LANG", "C", NULL };

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TiduDatabase) db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
    g_autoptr(TiduFirm) firm = tidu_firm_new ();

    g_assert_no_error (error);
    firm->name = g_strdup ("镇江京口智能科技有限公司");
    g_assert_true (tidu_firm_save (db, firm, &error));
    g_assert_no_error (error);
  }

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, c_locale, "--database", path, "list", "firms", "--json", NULL);
    g_assert_cmpint (exit_status (&run), ==, 0);
    g_assert_nonnull (strstr (run.out, "镇江京口智能科技有限公司"));
    g_assert_null (strchr (run.out, '?'));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, c_locale, "--database", path, "stats", "ladder", "--json", NULL);
    g_assert_cmpint (exit_status (&run), ==, 0);
    g_assert_null (strchr (run.out, '?'));
  }

  tidu_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/init-and-check", test_init_and_check);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/json-utf8-in-c-locale", test_json_utf8_in_c_locale);

  return g_test_run ();
}
