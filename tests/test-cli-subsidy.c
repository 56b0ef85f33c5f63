/* test-cli-subsidy.c: tidu-cli subsidy, run as a script would: the JSON shapes and exit codes
 * of the CLI contract (issue 5).
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
exit_status (const Run *run)
{
  return g_spawn_check_wait_status (run->status, NULL) ? 0 :
         (WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1);
}

/* Runs tidu-cli --database @db subsidy …; returns the exit status. */
static int
subsidy (Run        *run,
         const char *db,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("TIDU_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  run_clear (run);
  memset (run, 0, sizeof *run);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "subsidy");
  va_start (args, db);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "TIDU_DATABASE");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  return exit_status (run);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* The calc JSON: exactly the contract's members with their types. */
static JsonObject *
assert_calc_shape (JsonNode   *root,
                   const char *rule)
{
  JsonObject *object;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "policy"), ==, "jiangdu-2023-2025");
  g_assert_cmpstr (json_object_get_string_member (object, "rule"), ==, rule);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "eligible")) == G_TYPE_BOOLEAN);
  g_assert_true (json_object_has_member (object, "amount"));
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "min")) == G_TYPE_INT64);
  g_assert_true (json_node_get_value_type (json_object_get_member (object, "max")) == G_TYPE_INT64);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "steps")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "steps")), >, 0);
  return object;
}

static void
assert_calc (const char *db,
             const char *rule,
             gint64      amount,
             const char *step,
             ...)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  JsonObject *object;
  const char *input;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("TIDU_CLI"));
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) db);
  g_ptr_array_add (argv, (char *) "subsidy");
  g_ptr_array_add (argv, (char *) "calc");
  g_ptr_array_add (argv, (char *) "--policy");
  g_ptr_array_add (argv, (char *) "jiangdu-2023-2025");
  g_ptr_array_add (argv, (char *) "--rule");
  g_ptr_array_add (argv, (char *) rule);
  g_ptr_array_add (argv, (char *) "--json");
  va_start (args, step);
  while ((input = va_arg (args, const char *)) != NULL)
    {
      g_ptr_array_add (argv, (char *) "--input");
      g_ptr_array_add (argv, (char *) input);
    }
  va_end (args);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "TIDU_DATABASE");
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run.out, &run.err, &run.status, &error));
  g_test_message ("stdout: %s\nstderr: %s", run.out, run.err);
  g_assert_cmpint (exit_status (&run), ==, 0);
  root = parse (run.out);
  object = assert_calc_shape (root, rule);
  g_assert_true (json_object_get_boolean_member (object, "eligible") == (amount > 0));
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, amount);
  g_assert_cmpint (json_object_get_int_member (object, "min"), ==, amount);
  g_assert_cmpint (json_object_get_int_member (object, "max"), ==, amount);
  if (step != NULL)
    {
      JsonArray *steps = json_object_get_array_member (object, "steps");
      gboolean found = FALSE;

      for (guint i = 0; i < json_array_get_length (steps); i++)
        found |= strstr (json_array_get_string_element (steps, i), step) != NULL;
      g_assert_true (found);
    }
}

static void
test_calc_examples (TiduTestFixture *f,
                    gconstpointer    data)
{
  const char *db = tidu_database_get_path (f->db);

  (void) data;
  assert_calc (db, "carrier-renovation", 1700000, "20% × 8,500,000 = 1,700,000 (三(一)1)", "kind=incubator", "cost=8500000", NULL);
  assert_calc (db, "carrier-renovation", 1700000, NULL, "kind=incubator", "cost=850万", NULL);
  assert_calc (db, "carrier-renovation", 1700000, NULL, "kind=incubator", "cost=850万元", NULL);
  assert_calc (db, "carrier-renovation", 2000000, "2,000,000", "kind=accelerator", "cost=20000000", NULL);
  assert_calc (db, "maker-space-recognition", 200000, "300,000 − 100,000 = 200,000", "level=national", "previously_paid=100000", NULL);
  assert_calc (db, "offshore-rent", 400000, NULL, "year_index=2", "rent=2000000", NULL);
  assert_calc (db, "service-revenue-growth", 4000, NULL, "revenue=1200000", "previous_revenue=1000000", NULL);
  assert_calc (db, "first-hnte-or-graduate", 100000, NULL, "count=5", NULL);
  assert_calc (db, "startup-contest", 150000, NULL, "contest=provincial", "place=2", NULL);
  assert_calc (db, "incubator-grade-award", 50000, NULL, "evaluation=provincial", "grade=A", NULL);
  assert_calc (db, "platform-equipment", 0, "below 3,000,000", "equipment_total=2999999", NULL);
  /* not eligible is a result too: exit 0, eligible false */
  assert_calc (db, "offshore-rent", 0, NULL, "year_index=4", "rent=2000000", NULL);
  assert_calc (db, "incubator-grade-award", 0, NULL, "evaluation=national", "grade=B", NULL);
  assert_calc (db, "platform-startup", 600000, NULL, "amount=60万", NULL);
}

static void
test_calc_range (TiduTestFixture *f,
                 gconstpointer    data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  (void) data;
  g_assert_cmpint (subsidy (&run, tidu_database_get_path (f->db), "calc", "--policy", "jiangdu-2023-2025",
                            "--rule", "platform-startup", "--json", NULL), ==, 0);
  root = parse (run.out);
  object = assert_calc_shape (root, "platform-startup");
  g_assert_true (json_object_get_boolean_member (object, "eligible"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, "amount")));
  g_assert_cmpint (json_object_get_int_member (object, "min"), ==, 500000);
  g_assert_cmpint (json_object_get_int_member (object, "max"), ==, 1000000);

  /* text output */
  g_assert_cmpint (subsidy (&run, tidu_database_get_path (f->db), "calc", "--policy", "jiangdu-2023-2025",
                            "--rule", "carrier-renovation", "--input", "kind=incubator", "--input", "cost=8500000", NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, "20% × 8,500,000 = 1,700,000 (三(一)1)"));
  g_assert_nonnull (strstr (run.out, "1,700,000"));
}

static void
test_exit_codes (TiduTestFixture *f,
                 gconstpointer    data)
{
  g_auto(Run) run = { 0 };
  const char *db = tidu_database_get_path (f->db);

  (void) data;
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "nowhere-2020", "--rule", "x", "--json", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "nowhere-2020"));
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "free-lunch", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "free-lunch"));
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "carrier-renovation",
                            "--input", "kind=castle", "--input", "cost=1", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "kind"));
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "carrier-renovation",
                            "--input", "kind=incubator", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "cost"));
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "carrier-renovation",
                            "--input", "kind=incubator", "--input", "cost=很多", NULL), ==, 2);
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "carrier-renovation",
                            "--input", "kind", NULL), ==, 2);
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "carrier-renovation",
                            "--input", "kind=incubator", "--input", "cost=1", "--input", "bonus=1", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "bonus"));
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "platform-startup",
                            "--input", "amount=2000000", NULL), ==, 2);
  g_assert_cmpint (subsidy (&run, db, "calc", "--rule", "x", NULL), ==, 2);
  g_assert_cmpint (subsidy (&run, db, "rules", "nowhere-2020", NULL), ==, 2);
  g_assert_cmpint (subsidy (&run, db, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "incubator-recognition",
                            "--input", "level=national", "--entity", "no-such-carrier", NULL), ==, 2);
}

static void
test_policies_and_rules (TiduTestFixture *f,
                         gconstpointer    data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) policies = NULL;
  g_autoptr(JsonNode) rules = NULL;
  const char *db = tidu_database_get_path (f->db);
  g_autofree char *file = g_build_filename (f->dir, "mine.json", NULL);
  gboolean found = FALSE;
  JsonArray *array;

  (void) data;
  g_assert_cmpint (subsidy (&run, db, "policies", "--json", NULL), ==, 0);
  policies = parse (run.out);
  array = json_node_get_array (policies);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *policy = json_array_get_object_element (array, i);
      if (g_str_equal (json_object_get_string_member (policy, "code"), "jiangdu-2023-2025"))
        {
          found = TRUE;
          g_assert_true (json_object_get_boolean_member (policy, "builtin"));
          g_assert_cmpint (json_object_get_int_member (policy, "rules"), ==, 12);
          g_assert_cmpstr (json_object_get_string_member (policy, "effective_to"), ==, "2025-12-31");
        }
    }
  g_assert_true (found);

  g_assert_cmpint (subsidy (&run, db, "rules", "jiangdu-2023-2025", "--json", NULL), ==, 0);
  rules = parse (run.out);
  array = json_node_get_array (rules);
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  {
    JsonObject *rule = json_array_get_object_element (array, 0);
    JsonArray *inputs = json_object_get_array_member (rule, "inputs");

    g_assert_cmpstr (json_object_get_string_member (rule, "id"), ==, "carrier-renovation");
    g_assert_cmpstr (json_object_get_string_member (rule, "article"), ==, "三(一)1");
    g_assert_cmpstr (json_object_get_string_member (rule, "kind"), ==, "percent_with_cap");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (inputs, 0), "name"), ==, "kind");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (inputs, 1), "name"), ==, "cost");
  }

  /* import a user policy; importing over a built-in one fails with 2 */
  g_assert_true (g_file_set_contents (file,
    "{\"format\":1,\"code\":\"mine\",\"title\":\"M\",\"rules\":[{\"id\":\"r\",\"article\":\"1\",\"title\":\"T\","
    "\"applies_to\":[\"firm\"],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}}]}", -1, NULL));
  g_assert_cmpint (subsidy (&run, db, "import", file, NULL), ==, 0);
  g_assert_cmpint (subsidy (&run, db, "rules", "mine", NULL), ==, 0);
  g_assert_true (g_file_set_contents (file,
    "{\"format\":1,\"code\":\"jiangdu-2023-2025\",\"version\":\"9\",\"title\":\"M\",\"rules\":[{\"id\":\"r\",\"article\":\"1\",\"title\":\"T\","
    "\"applies_to\":[\"firm\"],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}}]}", -1, NULL));
  g_assert_cmpint (subsidy (&run, db, "import", file, NULL), ==, 1);
  g_assert_true (g_file_set_contents (file, "{\"format\":1,\"code\":\"bad\",\"title\":\"B\",\"rules\":[{\"id\":\"r\",\"article\":\"1\","
                                      "\"title\":\"T\",\"applies_to\":[\"firm\"],\"kind\":\"lottery\",\"parameters\":{}}]}", -1, NULL));
  g_assert_cmpint (subsidy (&run, db, "import", file, NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "lottery"));
}

static void
test_entity_ledger_and_batch (TiduTestFixture *f,
                              gconstpointer    data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(TiduCarrier) carrier = tidu_carrier_new ();
  g_autoptr(TiduCarrierLevel) level = tidu_carrier_level_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *award_id = NULL;
  const char *db = tidu_database_get_path (f->db);
  JsonObject *object;

  (void) data;
  carrier->name = g_strdup ("江都众创空间");
  carrier->kind = g_strdup ("maker_space");
  g_assert_true (tidu_carrier_save (f->db, carrier, &error));
  g_assert_no_error (error);
  level->carrier_id = g_strdup (carrier->id);
  level->level = g_strdup ("provincial");
  level->recognized_on = tidu_test_date ("2023-04-01");
  g_assert_true (tidu_carrier_level_save (f->db, level, &error));
  g_assert_no_error (error);
  g_clear_pointer (&level, tidu_carrier_level_free);
  level = tidu_carrier_level_new ();
  level->carrier_id = g_strdup (carrier->id);
  level->level = g_strdup ("national");
  level->recognized_on = tidu_test_date ("2025-04-01");
  g_assert_true (tidu_carrier_level_save (f->db, level, &error));
  g_assert_no_error (error);

  /* 2023: provincial, pre-filled from the records, recorded */
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "maker-space-recognition",
                            "--entity", carrier->id, "--year", "2023", "--record", "--json", NULL), ==, 0);
  root = parse (run.out);
  object = assert_calc_shape (root, "maker-space-recognition");
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, 100000);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (subsidy (&run, db, "ledger", "--json", NULL), ==, 0);
  root = parse (run.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "awards")), ==, 1);
  award_id = g_strdup (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object, "awards"), 0), "id"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "totals"), "computed"), ==, 100000);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (subsidy (&run, db, "approve", award_id, NULL), ==, 0);
  g_assert_cmpint (subsidy (&run, db, "pay", award_id, "--amount", "10万", NULL), ==, 0);
  g_assert_cmpint (subsidy (&run, db, "cancel", award_id, NULL), ==, 1);

  /* 2025: national; the ledger's 100,000 is deducted → 200,000 top-up */
  g_assert_cmpint (subsidy (&run, db, "calc", "--policy", "jiangdu-2023-2025", "--rule", "maker-space-recognition",
                            "--entity", carrier->id, "--year", "2025", "--json", NULL), ==, 0);
  root = parse (run.out);
  object = assert_calc_shape (root, "maker-space-recognition");
  g_assert_cmpint (json_object_get_int_member (object, "amount"), ==, 200000);
  g_clear_pointer (&root, json_node_unref);

  /* the batch for 2025 proposes the same top-up */
  g_assert_cmpint (subsidy (&run, db, "batch", "--policy", "jiangdu-2023-2025", "--year", "2025", "--json", NULL), ==, 0);
  root = parse (run.out);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "rows")), ==, 1);
  {
    JsonObject *row = json_array_get_object_element (json_object_get_array_member (object, "rows"), 0);

    g_assert_cmpstr (json_object_get_string_member (row, "rule"), ==, "maker-space-recognition");
    g_assert_cmpstr (json_object_get_string_member (row, "entity_id"), ==, carrier->id);
    g_assert_cmpint (json_object_get_int_member (row, "amount"), ==, 200000);
  }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "total"), "min"), ==, 200000);
  g_clear_pointer (&root, json_node_unref);

  g_assert_cmpint (subsidy (&run, db, "batch", "--policy", "jiangdu-2023-2025", "--year", "2025", "--record", NULL), ==, 0);
  g_assert_cmpint (subsidy (&run, db, "ledger", "--year", "2025", "--json", NULL), ==, 0);
  root = parse (run.out);
  object = json_node_get_object (root);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "totals"), "awards"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "totals"), "computed"), ==, 200000);
  g_clear_pointer (&root, json_node_unref);
  g_assert_cmpint (subsidy (&run, db, "batch", "--policy", "nowhere", "--year", "2025", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/cli-subsidy/calc-examples", test_calc_examples);
  ADD ("/cli-subsidy/calc-range", test_calc_range);
  ADD ("/cli-subsidy/exit-codes", test_exit_codes);
  ADD ("/cli-subsidy/policies-and-rules", test_policies_and_rules);
  ADD ("/cli-subsidy/entity-ledger-batch", test_entity_ledger_and_batch);

  return g_test_run ();
}
