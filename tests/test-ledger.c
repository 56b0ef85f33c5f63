/* test-ledger.c: the subsidy ledger: record, approve, pay, cancel, filters and totals; top-up
 * and lifetime caps reading earlier awards; pre-fill from the records; the yearly batch and
 * recording it in one transaction.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-util.h"

static const char *tables[] = { "policies", "subsidy_awards" };

static char *
snapshot (TiduDatabase *db)
{
  return tidu_test_snapshot_tables (db, tables, G_N_ELEMENTS (tables));
}

/* Two incubators, a maker space and three firms, with the facts the 江都 rules read for 2024. */
static void
seed (TiduDatabase *db)
{
  tidu_test_exec (db,
    "INSERT INTO carriers (id, name, kind, level) VALUES "
    " ('inc-a', '甲孵化器', 'incubator', 'national'),"
    " ('inc-b', '乙孵化器', 'incubator', 'provincial'),"
    " ('ms-c', '丙众创空间', 'maker_space', 'national'),"
    " ('acc-d', '丁加速器', 'accelerator', NULL);"
    "INSERT INTO carrier_levels (id, carrier_id, level, recognized_on) VALUES "
    " ('l1', 'inc-a', 'provincial', '2021-05-01'),"
    " ('l2', 'inc-a', 'national', '2024-06-01'),"
    " ('l3', 'inc-b', 'provincial', '2024-03-01'),"
    " ('l4', 'ms-c', 'provincial', '2022-03-01'),"
    " ('l5', 'ms-c', 'national', '2024-09-01');"
    "INSERT INTO carrier_years (id, carrier_id, year, grade, grade_level) VALUES "
    " ('y1', 'inc-a', 2024, 'A', 'national'),"
    " ('y2', 'inc-b', 2024, 'B', 'provincial'),"
    " ('y3', 'inc-b', 2023, 'A', 'provincial');"
    "INSERT INTO firms (id, name) VALUES ('f1', '一号科技'), ('f2', '二号科技'), ('f3', '三号科技'), ('f4', '四号科技'),"
    " ('f5', '五号科技'), ('f6', '六号科技');"
    /* f1, f2 first become 高企 in 2024 while in inc-a; f3 renews (first in 2021); f4 graduates
     * from inc-a in 2024 and f1 also graduates: counted once; f5 first 高企 in 2024 but elsewhere */
    "INSERT INTO firm_tiers (id, firm_id, tier, certified_on) VALUES "
    " ('t1', 'f1', 'hnte', '2024-11-01'), ('t2', 'f2', 'hnte', '2024-12-01'),"
    " ('t3', 'f3', 'hnte', '2021-11-01'), ('t4', 'f3', 'hnte', '2024-11-01'),"
    " ('t5', 'f5', 'hnte', '2024-10-01');"
    "INSERT INTO firm_stays (id, firm_id, carrier_id, entered_on, left_on, outcome) VALUES "
    " ('s1', 'f1', 'inc-a', '2022-01-01', '2024-12-15', 'graduated'),"
    " ('s2', 'f2', 'inc-a', '2023-01-01', NULL, NULL),"
    " ('s3', 'f3', 'inc-a', '2020-01-01', NULL, NULL),"
    " ('s4', 'f4', 'inc-a', '2020-01-01', '2024-05-01', 'graduated'),"
    " ('s5', 'f6', 'inc-b', '2020-01-01', '2024-05-01', 'left');");
}

static TiduPolicy *
jiangdu (TiduDatabase *db)
{
  g_autoptr(GError) error = NULL;
  TiduPolicy *policy = tidu_policy_lookup (db, "jiangdu-2023-2025", &error);

  g_assert_no_error (error);
  return policy;
}

static char *
record (TiduDatabase          *db,
        TiduPolicy            *policy,
        const char            *rule,
        TiduSubsidyEntityKind  kind,
        const char            *entity,
        int                    year,
        const char            *name,
        const char            *value)
{
  g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
  g_autoptr(TiduSubsidyContext) context = NULL;
  g_autoptr(TiduSubsidyResult) result = NULL;
  g_autoptr(TiduSubsidyAward) award = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (inputs, g_strdup (name), g_strdup (value));
  context = tidu_subsidy_context_load (db, policy, kind, entity, year, NULL, &error);
  g_assert_no_error (error);
  result = tidu_subsidy_calculate (policy, rule, inputs, context, &error);
  g_assert_no_error (error);
  award = tidu_subsidy_award_new_from_result (result, kind, entity, year, TIDU_UNSET);
  g_assert_true (tidu_ledger_record (db, award, &error));
  g_assert_no_error (error);
  return g_strdup (award->id);
}

static void
test_lifecycle (TiduTestFixture *f,
                gconstpointer    data)
{
  g_autoptr(TiduPolicy) policy = jiangdu (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSubsidyAward) award = NULL;
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate on = tidu_test_date ("2024-12-20");

  (void) data;
  seed (f->db);
  {
    g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
    g_autoptr(TiduSubsidyResult) result = NULL;

    g_hash_table_insert (inputs, g_strdup ("evaluation"), g_strdup ("national"));
    g_hash_table_insert (inputs, g_strdup ("grade"), g_strdup ("A"));
    result = tidu_subsidy_calculate (policy, "incubator-grade-award", inputs, NULL, &error);
    g_assert_no_error (error);
    award = tidu_subsidy_award_new_from_result (result, TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2024, TIDU_UNSET);
    g_assert_true (tidu_ledger_record (f->db, award, &error));
    g_assert_no_error (error);
    id = g_strdup (award->id);
    g_clear_pointer (&award, tidu_subsidy_award_free);
  }
  /* the built-in policy got its row on first use, under its fixed id */
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count (*) FROM policies WHERE id = 'jiangdu-2023-2025@1' AND builtin = 1"), ==, 1);

  award = tidu_ledger_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (award->status, ==, TIDU_AWARD_RECORDED);
  g_assert_cmpint (award->computed_amount, ==, 100000);
  g_assert_cmpstr (award->carrier_id, ==, "inc-a");
  g_assert_cmpstr (award->entity_name, ==, "甲孵化器");
  g_assert_cmpstr (award->policy_code, ==, "jiangdu-2023-2025");
  g_assert_nonnull (strstr (award->explanation, "100,000 (三(三)8)"));
  g_assert_nonnull (strstr (award->inputs, "\"grade\""));
  g_clear_pointer (&award, tidu_subsidy_award_free);

  /* paying before approval, or approving another amount without a reason, changes nothing */
  before = snapshot (f->db);
  g_assert_false (tidu_ledger_pay (f->db, id, TIDU_UNSET, &on, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (tidu_ledger_approve (f->db, id, 90000, NULL, &on, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tidu_ledger_approve (f->db, id, 90000, "   ", &on, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (tidu_ledger_approve (f->db, id, 90000, "评审核减", &on, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_ledger_approve (f->db, id, TIDU_UNSET, NULL, &on, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (tidu_ledger_pay (f->db, id, 90001, &on, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tidu_ledger_pay (f->db, id, TIDU_UNSET, &on, &error));
  g_assert_no_error (error);
  award = tidu_ledger_load (f->db, id, &error);
  g_assert_cmpstr (award->status, ==, TIDU_AWARD_PAID);
  g_assert_cmpint (award->approved_amount, ==, 90000);
  g_assert_cmpstr (award->approved_reason, ==, "评审核减");
  g_assert_cmpint (award->paid_amount, ==, 90000);
  g_assert_cmpint (g_date_get_year (&award->paid_on), ==, 2024);
  g_assert_cmpint (tidu_subsidy_award_effective_amount (award), ==, 90000);
  /* a paid award cannot be cancelled */
  g_assert_false (tidu_ledger_cancel (f->db, id, "错发", &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);

  /* unknown entity, unknown rule */
  {
    g_autoptr(TiduSubsidyAward) bad = tidu_subsidy_award_copy (award);

    g_free (bad->carrier_id);
    bad->carrier_id = g_strdup ("nobody");
    g_assert_false (tidu_ledger_record (f->db, bad, &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_free (bad->carrier_id);
    bad->carrier_id = g_strdup ("inc-a");
    g_free (bad->rule_id);
    bad->rule_id = g_strdup ("no-such-rule");
    g_assert_false (tidu_ledger_record (f->db, bad, &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
}

static void
test_top_up_via_ledger (TiduTestFixture *f,
                        gconstpointer    data)
{
  g_autoptr(TiduPolicy) policy = jiangdu (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSubsidyContext) context = NULL;
  g_autoptr(TiduSubsidyResult) result = NULL;
  g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
  g_autoptr(GHashTable) prefilled = NULL;
  g_autofree char *first = NULL;
  g_autofree char *cancelled = NULL;

  (void) data;
  seed (f->db);
  /* provincial recognition in 2023: 100,000, approved and paid */
  first = record (f->db, policy, "maker-space-recognition", TIDU_SUBSIDY_ENTITY_CARRIER, "ms-c", 2023, "level", "provincial");
  g_assert_true (tidu_ledger_approve (f->db, first, TIDU_UNSET, NULL, NULL, &error));
  g_assert_true (tidu_ledger_pay (f->db, first, TIDU_UNSET, NULL, &error));
  g_assert_no_error (error);
  /* a wrong award, cancelled: never counted */
  cancelled = record (f->db, policy, "maker-space-recognition", TIDU_SUBSIDY_ENTITY_CARRIER, "ms-c", 2024, "level", "national");
  g_assert_true (tidu_ledger_cancel (f->db, cancelled, "重复录入", &error));
  g_assert_no_error (error);

  /* national in 2024: the ledger's 100,000 is deducted once → 200,000 */
  context = tidu_subsidy_context_load (f->db, policy, TIDU_SUBSIDY_ENTITY_CARRIER, "ms-c", 2024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (context->prior->len, ==, 1);
  g_hash_table_insert (inputs, g_strdup ("level"), g_strdup ("national"));
  result = tidu_subsidy_calculate (policy, "maker-space-recognition", inputs, context, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->amount, ==, 200000);

  /* the pre-fill reads the level recognised in 2024 and what was paid */
  prefilled = tidu_subsidy_prefill (f->db, policy, "maker-space-recognition", TIDU_SUBSIDY_ENTITY_CARRIER, "ms-c", 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (prefilled, "level"), ==, "national");
  g_assert_cmpstr (g_hash_table_lookup (prefilled, "previously_paid"), ==, "100000");
  g_clear_pointer (&result, tidu_subsidy_result_free);
  /* pre-filled input and ledger context together still deduct it once */
  result = tidu_subsidy_calculate (policy, "maker-space-recognition", prefilled, context, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->amount, ==, 200000);
}

static void
test_lifetime_cap_via_ledger (TiduTestFixture *f,
                              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) policy = tidu_policy_lookup (f->db, "dongguan-shipai-carriers", &error);
  g_autoptr(TiduSubsidyContext) context = NULL;
  g_autoptr(TiduSubsidyResult) result = NULL;
  g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  (void) data;
  g_assert_no_error (error);
  seed (f->db);
  /* A (800,000) in 2021, B (500,000) in 2022: 1,300,000 of 2,000,000 */
  a = record (f->db, policy, "incubator-grade", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2021, "grade", "A");
  b = record (f->db, policy, "incubator-grade", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2022, "grade", "B");
  /* A again in 2023: only 700,000 remains */
  context = tidu_subsidy_context_load (f->db, policy, TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2023, NULL, &error);
  g_hash_table_insert (inputs, g_strdup ("grade"), g_strdup ("A"));
  result = tidu_subsidy_calculate (policy, "incubator-grade", inputs, context, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->amount, ==, 700000);
  g_clear_pointer (&result, tidu_subsidy_result_free);
  g_clear_pointer (&context, tidu_subsidy_context_free);
  c = record (f->db, policy, "incubator-grade", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2023, "grade", "A");
  /* national recognition after that: the cap is used up */
  g_hash_table_remove_all (inputs);
  g_hash_table_insert (inputs, g_strdup ("level"), g_strdup ("national"));
  context = tidu_subsidy_context_load (f->db, policy, TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2024, NULL, &error);
  result = tidu_subsidy_calculate (policy, "national-incubator", inputs, context, &error);
  g_assert_no_error (error);
  g_assert_false (result->eligible);
  g_clear_pointer (&result, tidu_subsidy_result_free);
  g_clear_pointer (&context, tidu_subsidy_context_free);
  /* approving the 2022 award lower frees room: 1,300,000 + 700,000 → 1,000,000 + 700,000 */
  g_assert_true (tidu_ledger_approve (f->db, b, 200000, "核减", NULL, &error));
  g_assert_no_error (error);
  context = tidu_subsidy_context_load (f->db, policy, TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2024, NULL, &error);
  result = tidu_subsidy_calculate (policy, "national-incubator", inputs, context, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->amount, ==, 300000);
  g_clear_pointer (&result, tidu_subsidy_result_free);
  g_clear_pointer (&context, tidu_subsidy_context_free);
  /* recalculating award c itself does not count c */
  g_hash_table_remove_all (inputs);
  g_hash_table_insert (inputs, g_strdup ("grade"), g_strdup ("A"));
  context = tidu_subsidy_context_load (f->db, policy, TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2023, c, &error);
  result = tidu_subsidy_calculate (policy, "incubator-grade", inputs, context, &error);
  g_assert_cmpint (result->amount, ==, 800000);
}

static void
test_filters_and_totals (TiduTestFixture *f,
                         gconstpointer    data)
{
  g_autoptr(TiduPolicy) policy = jiangdu (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;
  TiduLedgerFilter filter = { 0 };
  TiduLedgerTotals totals;

  (void) data;
  seed (f->db);
  a = record (f->db, policy, "incubator-recognition", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2024, "level", "national");
  b = record (f->db, policy, "incubator-recognition", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-b", 2024, "level", "provincial");
  c = record (f->db, policy, "first-hnte-or-graduate", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2023, "count", "2");
  d = record (f->db, policy, "first-hnte-or-graduate", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-b", 2024, "count", "5");
  g_assert_true (tidu_ledger_approve (f->db, a, TIDU_UNSET, NULL, NULL, &error));
  g_assert_true (tidu_ledger_pay (f->db, a, 350000, NULL, &error));
  g_assert_true (tidu_ledger_cancel (f->db, d, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (tidu_ledger_totals (f->db, NULL, &totals, &error));
  g_assert_cmpuint (totals.n_awards, ==, 3);
  g_assert_cmpint (totals.computed, ==, 400000 + 200000 + 60000);
  g_assert_cmpint (totals.approved, ==, 400000);
  g_assert_cmpint (totals.paid, ==, 350000);
  g_assert_cmpint (totals.effective, ==, 350000 + 200000 + 60000);

  filter.year = 2024;
  list = tidu_ledger_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.year = 0;
  filter.rule_id = "first-hnte-or-graduate";
  g_assert_true (tidu_ledger_totals (f->db, &filter, &totals, &error));
  g_assert_cmpuint (totals.n_awards, ==, 1);
  g_assert_cmpint (totals.computed, ==, 60000);
  filter.status = TIDU_AWARD_CANCELLED;
  list = tidu_ledger_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TiduSubsidyAward *) g_ptr_array_index (list, 0))->id, ==, d);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.status = NULL;
  filter.rule_id = NULL;
  filter.entity_kind = TIDU_SUBSIDY_ENTITY_CARRIER;
  filter.entity_id = "inc-a";
  filter.policy = "jiangdu-2023-2025";
  list = tidu_ledger_list (f->db, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  filter.policy = "dongguan-shipai-carriers";
  list = tidu_ledger_list (f->db, &filter, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_prefill_counts (TiduTestFixture *f,
                     gconstpointer    data)
{
  g_autoptr(TiduPolicy) policy = jiangdu (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) inputs = NULL;

  (void) data;
  seed (f->db);
  /* inc-a in 2024: f1 and f2 first became 高企 there, f4 and f1 graduated: 3 firms, f1 once */
  inputs = tidu_subsidy_prefill (f->db, policy, "first-hnte-or-graduate", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (inputs, "count"), ==, "3");
  g_clear_pointer (&inputs, g_hash_table_unref);
  inputs = tidu_subsidy_prefill (f->db, policy, "incubator-grade-award", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2024, &error);
  g_assert_cmpstr (g_hash_table_lookup (inputs, "grade"), ==, "A");
  g_assert_cmpstr (g_hash_table_lookup (inputs, "evaluation"), ==, "national");
  g_clear_pointer (&inputs, g_hash_table_unref);
  inputs = tidu_subsidy_prefill (f->db, policy, "carrier-renovation", TIDU_SUBSIDY_ENTITY_CARRIER, "acc-d", 2024, &error);
  g_assert_cmpstr (g_hash_table_lookup (inputs, "kind"), ==, "accelerator");
  g_assert_false (g_hash_table_contains (inputs, "cost"));
  g_clear_pointer (&inputs, g_hash_table_unref);
  /* a year with nothing */
  inputs = tidu_subsidy_prefill (f->db, policy, "first-hnte-or-graduate", TIDU_SUBSIDY_ENTITY_CARRIER, "inc-a", 2019, &error);
  g_assert_cmpuint (g_hash_table_size (inputs), ==, 0);
}

static void
test_batch (TiduTestFixture *f,
            gconstpointer    data)
{
  g_autoptr(TiduPolicy) policy = jiangdu (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSubsidyBatch) batch = NULL;
  g_autoptr(TiduSubsidyBatch) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TiduLedgerTotals totals;
  guint n, recorded = 0;
  gint64 lo, hi, sum = 0;

  (void) data;
  seed (f->db);
  batch = tidu_subsidy_batch_run (f->db, policy, 2024, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      g_test_message ("%s %s %" G_GINT64_FORMAT, row->rule_id, row->entity_name, row->result->amount);
      sum += row->result->amount;
    }
  /* inc-a: national recognition 400,000 (provincial in 2021 had no award in the ledger), grade
   * A national 100,000, 3 firms → 90,000; inc-b: provincial recognition 200,000; ms-c: national
   * maker space 300,000. inc-b's B grade pays nothing. */
  g_assert_cmpuint (batch->rows->len, ==, 5);
  tidu_subsidy_batch_totals (batch, NULL, &n, &lo, &hi);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (lo, ==, 400000 + 100000 + 90000 + 200000 + 300000);
  g_assert_cmpint (lo, ==, sum);
  g_assert_cmpint (hi, ==, lo);
  tidu_subsidy_batch_totals (batch, "incubator-recognition", &n, &lo, &hi);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (lo, ==, 600000);
  /* rules the records cannot drive are listed, not guessed */
  g_assert_cmpuint (batch->skipped->len, ==, 8);

  /* the officer excludes inc-b's recognition; a row without a range refuses another amount */
  for (guint i = 0; i < batch->rows->len; i++)
    {
      TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);

      if (g_str_equal (row->entity_id, "inc-b"))
        row->excluded = TRUE;
      if (g_str_equal (row->rule_id, "first-hnte-or-graduate"))
        {
          g_assert_false (tidu_subsidy_batch_set_amount (batch, i, 1, &error));
          g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
          g_clear_error (&error);
        }
    }
  tidu_subsidy_batch_totals (batch, NULL, &n, &lo, NULL);
  g_assert_cmpuint (n, ==, 4);
  g_assert_true (tidu_ledger_record_batch (f->db, batch, &recorded, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recorded, ==, 4);
  g_assert_true (tidu_ledger_totals (f->db, NULL, &totals, &error));
  g_assert_cmpint (totals.computed, ==, lo);
  g_assert_cmpuint (totals.n_awards, ==, 4);

  /* running it again: what is recorded for 2024 is not proposed twice; inc-b still is */
  again = tidu_subsidy_batch_run (f->db, policy, 2024, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->rows->len, ==, 1);
  g_assert_cmpstr (((TiduSubsidyBatchRow *) g_ptr_array_index (again->rows, 0))->entity_id, ==, "inc-b");

  /* a failing batch records nothing: break a row's entity */
  before = snapshot (f->db);
  {
    TiduSubsidyBatchRow *row = g_ptr_array_index (again->rows, 0);
    g_free (row->entity_id);
    row->entity_id = g_strdup ("gone");
  }
  {
    TiduSubsidyBatchRow *row = g_new0 (TiduSubsidyBatchRow, 1);
    TiduSubsidyBatchRow *first = g_ptr_array_index (again->rows, 0);

    /* a valid row before the broken one, so the rollback is what keeps it out */
    row->rule_id = g_strdup (first->rule_id);
    row->entity_kind = TIDU_SUBSIDY_ENTITY_CARRIER;
    row->entity_id = g_strdup ("inc-b");
    row->entity_name = g_strdup ("乙孵化器");
    row->result = g_new0 (TiduSubsidyResult, 1);
    row->result->policy_id = g_strdup (first->result->policy_id);
    row->result->policy_code = g_strdup (first->result->policy_code);
    row->result->rule_id = g_strdup (first->rule_id);
    row->result->steps = g_ptr_array_new_with_free_func (g_free);
    row->result->eligible = TRUE;
    row->result->amount = row->result->min = row->result->max = 200000;
    row->chosen_amount = TIDU_UNSET;
    g_ptr_array_insert (again->rows, 0, row);
  }
  g_assert_false (tidu_ledger_record_batch (f->db, again, &recorded, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_batch_firms_and_ranges (TiduTestFixture *f,
                             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) px = tidu_policy_lookup (f->db, "pingxiang-shangli-firms", &error);
  g_autoptr(TiduSubsidyBatch) batch = NULL;
  gint64 lo;

  (void) data;
  seed (f->db);
  batch = tidu_subsidy_batch_run (f->db, px, 2024, NULL, &error);
  g_assert_no_error (error);
  /* f1, f2, f5 first (200,000 each), f3 renewal (100,000) */
  g_assert_cmpuint (batch->rows->len, ==, 4);
  tidu_subsidy_batch_totals (batch, NULL, NULL, &lo, NULL);
  g_assert_cmpint (lo, ==, 700000);
  for (guint i = 0; i < batch->rows->len; i++)
    {
      TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      if (g_str_equal (row->entity_id, "f3"))
        g_assert_cmpint (row->result->amount, ==, 100000);
    }
}

static void
test_range_award (TiduTestFixture *f,
                  gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) policy = jiangdu (f->db);
  g_autoptr(TiduSubsidyResult) result = NULL;
  g_autoptr(TiduSubsidyAward) award = NULL;
  g_autoptr(TiduSubsidyAward) loaded = NULL;

  (void) data;
  /* a platform's start-up money, recorded before the officer decides: counts its maximum */
  result = tidu_subsidy_calculate (policy, "platform-startup", NULL, NULL, &error);
  g_assert_no_error (error);
  award = tidu_subsidy_award_new_from_result (result, TIDU_SUBSIDY_ENTITY_PAYEE, "某大学研究院", 2024, TIDU_UNSET);
  g_assert_false (TIDU_IS_SET (award->computed_amount));
  g_assert_true (tidu_ledger_record (f->db, award, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_subsidy_award_effective_amount (award), ==, 1000000);
  /* approving inside the range needs no reason; outside it does */
  g_assert_false (tidu_ledger_approve (f->db, award->id, 1200000, NULL, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (tidu_ledger_approve (f->db, award->id, TIDU_UNSET, NULL, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (tidu_ledger_approve (f->db, award->id, 800000, NULL, NULL, &error));
  g_assert_no_error (error);
  loaded = tidu_ledger_load (f->db, award->id, &error);
  g_assert_cmpint (loaded->approved_amount, ==, 800000);
  g_assert_cmpint (tidu_subsidy_award_effective_amount (loaded), ==, 800000);
  g_assert_cmpstr (loaded->payee, ==, "某大学研究院");
  g_assert_cmpstr (loaded->entity_name, ==, "某大学研究院");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/ledger/lifecycle", test_lifecycle);
  ADD ("/ledger/top-up", test_top_up_via_ledger);
  ADD ("/ledger/lifetime-cap", test_lifetime_cap_via_ledger);
  ADD ("/ledger/filters-and-totals", test_filters_and_totals);
  ADD ("/ledger/prefill", test_prefill_counts);
  ADD ("/ledger/batch", test_batch);
  ADD ("/ledger/batch-firms", test_batch_firms_and_ranges);
  ADD ("/ledger/range-award", test_range_award);

  return g_test_run ();
}
