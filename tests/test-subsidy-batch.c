/* test-subsidy-batch.c: the yearly batch reads the records set by set (one query per fact, the
 * ledger once); every row it proposes must be what the calculator gives for that entity alone,
 * pre-filled from the records and with the ledger read for that entity. Its JSON is written by
 * hand: it must be the text JsonGenerator would write.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "tidu-core.h"
#include "test-util.h"

static void
generate (TiduTestFixture *f)
{
  TiduSampleOptions options = { 400, 11 };
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_sample_generate (f->db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static int
rule_index (const TiduPolicy *policy,
            const char       *rule_id)
{
  for (guint r = 0; r < policy->rules->len; r++)
    if (g_str_equal (((TiduPolicyRule *) g_ptr_array_index (policy->rules, r))->id, rule_id))
      return (int) r;
  g_assert_not_reached ();
  return -1;
}

static char *
steps_text (const TiduSubsidyResult *result)
{
  return tidu_subsidy_result_explanation (result);
}

/* Every row of @batch against the per-entity path: tidu_subsidy_prefill, tidu_subsidy_context_load
 * plus the rows the batch proposed for the same entity under earlier rules (the batch counts them
 * as awarded), tidu_subsidy_calculate. Returns the number of rows checked. */
static guint
check_rows_per_entity (TiduDatabase     *db,
                       TiduSubsidyBatch *batch)
{
  TiduPolicy *policy = batch->policy;

  for (guint i = 0; i < batch->rows->len; i++)
    {
      const TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) inputs = NULL;
      g_autoptr(TiduSubsidyContext) context = NULL;
      g_autoptr(TiduSubsidyResult) alone = NULL;
      g_autofree char *batch_steps = NULL;
      g_autofree char *alone_steps = NULL;
      int index = rule_index (policy, row->rule_id);
      GHashTableIter iter;
      gpointer key, value;

      inputs = tidu_subsidy_prefill (db, policy, row->rule_id, row->entity_kind, row->entity_id, batch->year, &error);
      g_assert_no_error (error);
      /* the batch's inputs are the pre-filled ones (the ledger's own are read from the context) */
      g_hash_table_iter_init (&iter, row->inputs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpstr (g_hash_table_lookup (inputs, key), ==, value);

      context = tidu_subsidy_context_load (db, policy, row->entity_kind, row->entity_id, batch->year, NULL, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < batch->rows->len; j++)
        {
          const TiduSubsidyBatchRow *other = g_ptr_array_index (batch->rows, j);

          if (other->entity_kind == row->entity_kind && g_str_equal (other->entity_id, row->entity_id) &&
              rule_index (policy, other->rule_id) < index)
            tidu_subsidy_context_add_prior (context, other->rule_id, batch->year,
                                            TIDU_IS_SET (other->result->amount) ? other->result->amount
                                                                                : other->result->max);
        }
      alone = tidu_subsidy_calculate (policy, row->rule_id, inputs, context, &error);
      g_assert_no_error (error);
      g_assert_nonnull (alone);

      g_assert_true (alone->eligible);
      g_assert_true (row->result->eligible);
      g_assert_cmpint (alone->amount, ==, row->result->amount);
      g_assert_cmpint (alone->min, ==, row->result->min);
      g_assert_cmpint (alone->max, ==, row->result->max);
      g_assert_cmpstr (alone->level, ==, row->result->level);
      g_assert_cmpstr (alone->inputs_json, ==, row->result->inputs_json);
      batch_steps = steps_text (row->result);
      alone_steps = steps_text (alone);
      g_assert_cmpstr (alone_steps, ==, batch_steps);
    }
  return batch->rows->len;
}

static void
test_batch_equals_per_entity (TiduTestFixture *f,
                              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) policies = NULL;
  guint checked = 0;

  (void) data;
  generate (f);

  /* Put a year of awards in the ledger first, so prior awards, top-ups and "not twice in a
   * year" are read from it too. */
  {
    g_autoptr(TiduPolicy) jiangdu = tidu_policy_lookup (f->db, "jiangdu-2023-2025", &error);
    g_autoptr(TiduSubsidyBatch) first = NULL;
    guint recorded = 0;

    g_assert_no_error (error);
    first = tidu_subsidy_batch_run (f->db, jiangdu, 2023, NULL, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < first->rows->len; i++)
      {
        TiduSubsidyBatchRow *row = g_ptr_array_index (first->rows, i);
        /* half of them, and never a range the officer has not decided */
        row->excluded = (i % 2 == 1) || !TIDU_IS_SET (tidu_subsidy_batch_row_amount (row));
      }
    g_assert_true (tidu_ledger_record_batch (f->db, first, &recorded, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (recorded, >, 0);
  }

  policies = tidu_policy_list (f->db, &error);
  g_assert_no_error (error);
  for (guint p = 0; p < policies->len; p++)
    {
      TiduPolicy *listed = g_ptr_array_index (policies, p);
      g_autoptr(TiduPolicy) policy = tidu_policy_lookup (f->db, listed->code, &error);

      g_assert_no_error (error);
      for (int year = 2022; year <= 2025; year++)
        {
          g_autoptr(TiduSubsidyBatch) batch = tidu_subsidy_batch_run (f->db, policy, year, NULL, &error);

          g_assert_no_error (error);
          checked += check_rows_per_entity (f->db, batch);
          /* each rule's rows together, in the policy's order, then by name */
          for (guint i = 1; i < batch->rows->len; i++)
            {
              const TiduSubsidyBatchRow *a = g_ptr_array_index (batch->rows, i - 1);
              const TiduSubsidyBatchRow *b = g_ptr_array_index (batch->rows, i);
              int ra = rule_index (policy, a->rule_id), rb = rule_index (policy, b->rule_id);

              g_assert_cmpint (ra, <=, rb);
              if (ra == rb)
                g_assert_cmpint (strcmp (a->entity_name, b->entity_name) < 0 ||
                                 (strcmp (a->entity_name, b->entity_name) == 0 &&
                                  strcmp (a->entity_id, b->entity_id) < 0), ==, TRUE);
            }
        }
    }
  g_test_message ("%u batch rows checked against the per-entity calculation", checked);
  /* the sample drives firm and carrier rules: a test over no rows proves nothing */
  g_assert_cmpuint (checked, >=, 50);
}

/* The text @json would be if json-glib parsed and wrote it again. */
static char *
regenerate (const char *json,
            gboolean    pretty)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}

static void
test_batch_json_text (TiduTestFixture *f,
                      gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) policy = NULL;
  g_autoptr(TiduSubsidyBatch) batch = NULL;
  g_autoptr(TiduSubsidyBatch) empty = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *empty_text = NULL;
  g_autofree char *empty_again = NULL;
  g_autofree char *name = NULL;
  gboolean found = FALSE;

  (void) data;
  generate (f);
  /* A firm whose name needs every escape JSON has (U+001F aside, which JsonGenerator 1.6
   * leaves raw). */
  tidu_test_exec (f->db,
                  "UPDATE firms SET name = '引号\"反斜杠\\斜杠/' || char (8, 12, 10, 13, 9, 1, 127) || 'é中文' "
                  "WHERE id = (SELECT t.firm_id FROM firm_tiers t WHERE t.tier = 'hnte' AND t.deleted_at IS NULL "
                  "AND t.certified_on BETWEEN '2024-01-01' AND '2024-12-31' ORDER BY t.firm_id LIMIT 1)");
  name = tidu_test_query_text (f->db,
                               "SELECT name FROM firms WHERE name LIKE '引号%'");
  g_assert_nonnull (name);

  policy = tidu_policy_lookup (f->db, "pingxiang-shangli-firms", &error);
  g_assert_no_error (error);
  batch = tidu_subsidy_batch_run (f->db, policy, 2024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->rows->len, >, 0);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      g_autofree char *inputs = NULL;

      found |= g_str_equal (row->entity_name, name);
      /* the normalised inputs, compact, as the ledger stores them */
      inputs = regenerate (row->result->inputs_json, FALSE);
      g_assert_cmpstr (row->result->inputs_json, ==, inputs);
    }
  g_assert_true (found);
  /* an excluded row, so both false and true appear */
  ((TiduSubsidyBatchRow *) g_ptr_array_index (batch->rows, 0))->excluded = TRUE;

  text = tidu_subsidy_batch_to_json (batch);
  again = regenerate (text, TRUE);
  g_assert_cmpstr (text, ==, again);
  g_assert_nonnull (strstr (text, "\\\"反斜杠\\\\斜杠/\\b\\f\\n\\r\\t\\u0001\\u007fé中文"));

  /* no rows: empty arrays */
  empty = tidu_subsidy_batch_run (f->db, policy, 1990, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->rows->len, ==, 0);
  empty_text = tidu_subsidy_batch_to_json (empty);
  empty_again = regenerate (empty_text, TRUE);
  g_assert_cmpstr (empty_text, ==, empty_again);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/subsidy-batch/equals-per-entity", test_batch_equals_per_entity);
  ADD ("/subsidy-batch/json-text", test_batch_json_text);
  return g_test_run ();
}
