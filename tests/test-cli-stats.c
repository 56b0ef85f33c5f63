/* test-cli-stats.c: tidu-cli stats on a small database — figures, JSON, and exit status 2 with
 * a clear message for a bad date, year or region.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "test-util.h"
#include "tidu-core.h"

typedef TiduTestFixture Fixture;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static int
run_stats (Fixture    *f,
           Run        *run,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "TIDU_DATABASE");
  const char *cli = g_getenv ("TIDU_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) tidu_database_get_path (f->db));
  g_ptr_array_add (argv, (char *) "stats");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  return g_spawn_check_wait_status (run->status, NULL) ? 0 : WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static char *
add_region (Fixture    *f,
            const char *parent_id,
            const char *name)
{
  g_autoptr(TiduRegion) region = tidu_region_new ();
  g_autoptr(GError) error = NULL;

  region->parent_id = g_strdup (parent_id);
  region->name = g_strdup (name);
  region->kind = g_strdup (parent_id == NULL ? "city" : "district");
  g_assert_true (tidu_region_save (f->db, region, &error));
  g_assert_no_error (error);
  return g_strdup (region->id);
}

static void
add_firm_with_tier (Fixture    *f,
                    const char *region_id,
                    const char *tier,
                    const char *certified_on)
{
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(TiduCertification) cert = tidu_certification_new ();
  g_autoptr(GError) error = NULL;
  static int n;
  g_autofree char *name = g_strdup_printf ("企业%d", ++n);

  firm->name = g_strdup (name);
  firm->region_id = g_strdup (region_id);
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);
  cert->firm_id = g_strdup (firm->id);
  cert->tier = g_strdup (tier);
  cert->certified_on = tidu_test_date (certified_on);
  g_assert_true (tidu_certification_save (f->db, cert, &error));
  g_assert_no_error (error);
}

/* C市 ─ D区 (two 高企 of 2024) and E区 (one 科小 of 2025); two regions called 新区. */
static void
build (Fixture *f)
{
  g_autofree char *c = add_region (f, NULL, "C市");
  g_autofree char *d = add_region (f, c, "D区");
  g_autofree char *e = add_region (f, c, "E区");
  g_autofree char *n1 = add_region (f, d, "新区");
  g_autofree char *n2 = add_region (f, e, "新区");

  add_firm_with_tier (f, d, "hnte", "2024-03-01");
  add_firm_with_tier (f, d, "hnte", "2024-04-01");
  add_firm_with_tier (f, e, "tsme", "2025-02-01");
}

static void
test_ladder_json (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *counts;

  build (f);
  g_assert_cmpint (run_stats (f, &run, "ladder", "--date", "2025-06-30", "--region", "D区", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "statistic"), ==, "ladder");
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2025-06-30");
  counts = json_object_get_object_member (root, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "hnte"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "tsme"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (root, "firms"), ==, 2);
  run_clear (&run);
  memset (&run, 0, sizeof run);

  /* The whole city, as text. */
  g_assert_cmpint (run_stats (f, &run, "ladder", "--date", "2025/6/30", "--region", "C市", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "2025-06-30"));
  g_assert_nonnull (strstr (run.out, "\t2\n"));
  g_assert_nonnull (strstr (run.out, "\t3\n"));
}

static void
test_progression_and_transitions (Fixture       *f,
                                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *held;

  build (f);
  g_assert_cmpint (run_stats (f, &run, "progression", "--from", "2024", "--to", "2025", "--date", "2025-12-31", "--json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  held = json_object_get_array_member (root, "held");
  g_assert_cmpuint (json_array_get_length (held), ==, 2);
  /* 2025: one 科小, two 高企. */
  g_assert_cmpint (json_array_get_int_element (json_array_get_array_element (held, 1), 0), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_array_get_array_element (held, 1), 1), ==, 2);
  run_clear (&run);
  memset (&run, 0, sizeof run);

  g_assert_cmpint (run_stats (f, &run, "transitions", "--from", "2023", "--to", "2025", "--date", "2025-12-31", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "2023"));
  run_clear (&run);
  memset (&run, 0, sizeof run);
  g_assert_cmpint (run_stats (f, &run, "carriers", "--date", "2025-12-31", NULL), ==, 0);
  run_clear (&run);
  memset (&run, 0, sizeof run);
  g_assert_cmpint (run_stats (f, &run, "targets", "--date", "2025-12-31", "--json", NULL), ==, 0);
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  struct {
    const char *args[6];
    const char *says;
  } cases[] = {
    { { "ladder", "--date", "2025-13-45", NULL }, "--date" },
    { { "ladder", "--date", "yesterday", NULL }, "--date" },
    { { "progression", "--from", "twenty", NULL }, "--from" },
    { { "progression", "--from", "2025", "--to", "2021", NULL }, "2021" },
    { { "progression", "--from", "1900", "--to", "2021", NULL }, "1900" },
    { { "ladder", "--region", "Z区", NULL }, "Z区" },
    { { "ladder", "--region", "新区", NULL }, "新区" },
    { { "ladder", "--tech-field", "cooking", NULL }, "cooking" },
    { { "histogram", NULL }, "histogram" },
    { { NULL }, "ladder" },
  };

  build (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      g_test_message ("case %u", i);
      g_assert_cmpint (run_stats (f, &run, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
                                  cases[i].args[4], NULL), ==, 2);
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_cmpstr (run.out, ==, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-stats/ladder-json", Fixture, NULL, tidu_test_fixture_set_up, test_ladder_json, tidu_test_fixture_tear_down);
  g_test_add ("/cli-stats/progression-and-transitions", Fixture, NULL, tidu_test_fixture_set_up, test_progression_and_transitions, tidu_test_fixture_tear_down);
  g_test_add ("/cli-stats/usage-errors", Fixture, NULL, tidu_test_fixture_set_up, test_usage_errors, tidu_test_fixture_tear_down);

  return g_test_run ();
}
