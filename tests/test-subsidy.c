/* test-subsidy.c: the engine: every rule kind at, just below and just above its thresholds and
 * caps, the 江都 examples of DOMAIN.md §0.2, and what the ledger context changes.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tidu-core.h"

static TiduPolicy *
builtin (const char *code)
{
  g_autoptr(GPtrArray) list = tidu_policy_list_builtin ();

  for (guint i = 0; i < list->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (list, i);
      if (g_strcmp0 (policy->code, code) == 0)
        return tidu_policy_ref (policy);
    }
  g_assert_not_reached ();
}

/* Inputs as "name=value" pairs, NULL-terminated. */
static GHashTable *
inputs_v (va_list args)
{
  GHashTable *inputs = tidu_subsidy_inputs_new ();
  const char *pair;

  while ((pair = va_arg (args, const char *)) != NULL)
    {
      const char *eq = strchr (pair, '=');
      g_assert_nonnull (eq);
      g_hash_table_insert (inputs, g_strndup (pair, eq - pair), g_strdup (eq + 1));
    }
  return inputs;
}

static TiduSubsidyResult *
calc_ctx (const TiduPolicy         *policy,
          const char               *rule,
          const TiduSubsidyContext *context,
          ...)
{
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(GError) error = NULL;
  TiduSubsidyResult *result;
  va_list args;

  va_start (args, context);
  inputs = inputs_v (args);
  va_end (args);
  result = tidu_subsidy_calculate (policy, rule, inputs, context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  for (guint i = 0; i < result->steps->len; i++)
    g_test_message ("%s: %s", rule, (char *) g_ptr_array_index (result->steps, i));
  return result;
}

#define calc(policy, rule, ...) calc_ctx (policy, rule, NULL, __VA_ARGS__)

static void
assert_amount (TiduSubsidyResult *result,
               gint64             amount)
{
  if (amount == 0)
    {
      g_assert_false (result->eligible);
      g_assert_cmpint (result->amount, ==, 0);
    }
  else
    {
      g_assert_true (result->eligible);
      g_assert_false (result->decided_by_officer);
      g_assert_cmpint (result->amount, ==, amount);
      g_assert_cmpint (result->min, ==, amount);
      g_assert_cmpint (result->max, ==, amount);
    }
  g_assert_cmpuint (result->steps->len, >, 0);
  tidu_subsidy_result_free (result);
}

static gboolean
has_step (const TiduSubsidyResult *result,
          const char              *text)
{
  for (guint i = 0; i < result->steps->len; i++)
    if (strstr (g_ptr_array_index (result->steps, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_bad_input (const TiduPolicy *policy,
                  const char       *rule,
                  const char       *needle,
                  ...)
{
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSubsidyResult) result = NULL;
  va_list args;

  va_start (args, needle);
  inputs = inputs_v (args);
  va_end (args);
  result = tidu_subsidy_calculate (policy, rule, inputs, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
}

/* ------------------------------------------------------------------ 江都 (DOMAIN.md §0.2) */

static void
test_jiangdu_examples (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  g_autoptr(TiduSubsidyResult) r = NULL;
  g_autoptr(TiduSubsidyContext) context = tidu_subsidy_context_new ();

  /* renovation of an incubator costing 8,500,000 → 1,700,000, the step as the issue writes it */
  r = calc (jd, "carrier-renovation", "kind=incubator", "cost=8500000", NULL);
  g_assert_cmpint (r->amount, ==, 1700000);
  g_assert_true (has_step (r, "20% × 8,500,000 = 1,700,000 (三(一)1)"));
  g_clear_pointer (&r, tidu_subsidy_result_free);
  /* 万元 input */
  assert_amount (calc (jd, "carrier-renovation", "kind=incubator", "cost=850万", NULL), 1700000);

  /* a maker space recognised provincially (100,000 paid) and later nationally → 200,000 top-up,
   * once as an input and once from the ledger context */
  assert_amount (calc (jd, "maker-space-recognition", "level=national", "previously_paid=100000", NULL), 200000);
  context->entity_kind = TIDU_SUBSIDY_ENTITY_CARRIER;
  context->entity_id = g_strdup ("c1");
  tidu_subsidy_context_add_prior (context, "maker-space-recognition", 2023, 100000);
  assert_amount (calc_ctx (jd, "maker-space-recognition", context, "level=national", NULL), 200000);
  /* the input wins over the ledger: never both */
  assert_amount (calc_ctx (jd, "maker-space-recognition", context, "level=national", "previously_paid=0", NULL), 300000);
  /* after the national award nothing more for a provincial recognition */
  tidu_subsidy_context_add_prior (context, "maker-space-recognition", 2024, 200000);
  assert_amount (calc_ctx (jd, "maker-space-recognition", context, "level=provincial", NULL), 0);
  assert_amount (calc_ctx (jd, "maker-space-recognition", context, "level=national", NULL), 0);

  /* offshore rent of 2,000,000 in year 2 → 400,000 */
  assert_amount (calc (jd, "offshore-rent", "year_index=2", "rent=2000000", NULL), 400000);
  /* a service agency invoicing 1,200,000 after 1,000,000 → 4,000 */
  assert_amount (calc (jd, "service-revenue-growth", "revenue=1200000", "previous_revenue=1000000", NULL), 4000);

  assert_amount (calc (jd, "incubator-recognition", "level=national", NULL), 400000);
  assert_amount (calc (jd, "incubator-recognition", "level=provincial", NULL), 200000);
  assert_amount (calc (jd, "incubator-grade-award", "evaluation=national", "grade=A", NULL), 100000);
  assert_amount (calc (jd, "incubator-grade-award", "evaluation=provincial", "grade=A", NULL), 50000);
  assert_amount (calc (jd, "incubator-grade-award", "evaluation=national", "grade=B", NULL), 0);
  assert_amount (calc (jd, "startup-contest", "contest=provincial", "place=1", NULL), 200000);
  assert_amount (calc (jd, "startup-contest", "contest=provincial", "place=3", NULL), 100000);
  assert_amount (calc (jd, "startup-contest", "contest=municipal", "place=2", NULL), 80000);
  assert_amount (calc (jd, "startup-contest", "contest=municipal", "place=3", NULL), 0);
  assert_amount (calc (jd, "major-platform", "amount=30000000", NULL), 30000000);
}

/* ------------------------------------------------------------------ each kind at its edges */

static void
test_percent_with_cap (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");

  /* cap 2,000,000 reached at a cost of 10,000,000 (20%) and 20,000,000 (10%) */
  assert_amount (calc (jd, "carrier-renovation", "kind=incubator", "cost=9999995", NULL), 1999999);
  assert_amount (calc (jd, "carrier-renovation", "kind=incubator", "cost=10000000", NULL), 2000000);
  assert_amount (calc (jd, "carrier-renovation", "kind=accelerator", "cost=10000005", NULL), 2000000);
  assert_amount (calc (jd, "carrier-renovation", "kind=maker_space", "cost=19999990", NULL), 1999999);
  assert_amount (calc (jd, "carrier-renovation", "kind=maker_space", "cost=20000000", NULL), 2000000);
  assert_amount (calc (jd, "carrier-renovation", "kind=maker_space", "cost=20000010", NULL), 2000000);
  /* rounding half up to the yuan: 10% of 5 = 0.5 → 1; 10% of 4 = 0.4 → 0 */
  assert_amount (calc (jd, "carrier-renovation", "kind=maker_space", "cost=5", NULL), 1);
  assert_amount (calc (jd, "carrier-renovation", "kind=maker_space", "cost=4", NULL), 0);
  assert_amount (calc (jd, "carrier-renovation", "kind=maker_space", "cost=0", NULL), 0);
}

static void
test_threshold_gated (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  TiduSubsidyResult *r;

  r = calc (jd, "platform-equipment", "equipment_total=2999999", NULL);
  g_assert_true (has_step (r, "below 3,000,000"));
  assert_amount (r, 0);
  assert_amount (calc (jd, "platform-equipment", "equipment_total=3000000", NULL), 600000);
  assert_amount (calc (jd, "platform-equipment", "equipment_total=3000001", NULL), 600000);
  assert_amount (calc (jd, "platform-equipment", "equipment_total=9999995", NULL), 1999999);
  assert_amount (calc (jd, "platform-equipment", "equipment_total=10000000", NULL), 2000000);
  assert_amount (calc (jd, "platform-equipment", "equipment_total=10000005", NULL), 2000000);
}

static void
test_per_unit_with_cap (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  TiduSubsidyResult *r;

  assert_amount (calc (jd, "first-hnte-or-graduate", "count=0", NULL), 0);
  assert_amount (calc (jd, "first-hnte-or-graduate", "count=1", NULL), 30000);
  assert_amount (calc (jd, "first-hnte-or-graduate", "count=3", NULL), 90000);
  r = calc (jd, "first-hnte-or-graduate", "count=4", NULL);
  g_assert_true (has_step (r, "30,000 × 4 = 120,000"));
  g_assert_true (has_step (r, "Capped at 100,000"));
  assert_amount (r, 100000);
  assert_bad_input (jd, "first-hnte-or-graduate", "count", "count=-1", NULL);
  assert_bad_input (jd, "first-hnte-or-graduate", "count", "count=two", NULL);
}

static void
test_multi_year_schedule (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  g_autoptr(TiduPolicy) zj = builtin ("zhenjiang-2021-carriers");

  assert_amount (calc (jd, "offshore-rent", "year_index=1", "rent=3333333", NULL), 1000000);
  assert_amount (calc (jd, "offshore-rent", "year_index=1", "rent=3333330", NULL), 999999);
  assert_amount (calc (jd, "offshore-rent", "year_index=1", "rent=3333340", NULL), 1000000);
  assert_amount (calc (jd, "offshore-rent", "year_index=2", "rent=5000000", NULL), 1000000);
  assert_amount (calc (jd, "offshore-rent", "year_index=3", "rent=2000000", NULL), 200000);
  assert_amount (calc (jd, "offshore-rent", "year_index=4", "rent=2000000", NULL), 0);
  assert_bad_input (jd, "offshore-rent", "year_index", "year_index=0", "rent=1", NULL);
  /* amounts per year, at most two years */
  assert_amount (calc (zj, "incubator-operating", "year_index=2", NULL), 200000);
  assert_amount (calc (zj, "incubator-operating", "year_index=3", NULL), 0);
  assert_amount (calc (zj, "maker-space-operating", "year_index=1", NULL), 100000);
  assert_amount (calc (zj, "key-carrier-construction", "spending=10000001", NULL), 2000000);
}

static void
test_growth (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");

  /* 超过 100万: 1,000,000 exactly is not enough */
  assert_amount (calc (jd, "service-revenue-growth", "revenue=1000000", "previous_revenue=800000", NULL), 0);
  assert_amount (calc (jd, "service-revenue-growth", "revenue=1000001", "previous_revenue=800000", NULL), 4000);
  /* growth ≥ 15%: 1,150,000 after 1,000,000 is exactly 15% */
  assert_amount (calc (jd, "service-revenue-growth", "revenue=1150000", "previous_revenue=1000000", NULL), 3000);
  assert_amount (calc (jd, "service-revenue-growth", "revenue=1149999", "previous_revenue=1000000", NULL), 0);
  assert_amount (calc (jd, "service-revenue-growth", "revenue=1150001", "previous_revenue=1000000", NULL), 3000);
  /* cap 100,000 at an increase of 5,000,000 */
  assert_amount (calc (jd, "service-revenue-growth", "revenue=10000000", "previous_revenue=5000050", NULL), 99999);
  assert_amount (calc (jd, "service-revenue-growth", "revenue=10000000", "previous_revenue=5000000", NULL), 100000);
  assert_amount (calc (jd, "service-revenue-growth", "revenue=20000000", "previous_revenue=5000000", NULL), 100000);
  /* no previous revenue, or a fall */
  assert_amount (calc (jd, "service-revenue-growth", "revenue=2000000", "previous_revenue=0", NULL), 0);
  assert_amount (calc (jd, "service-revenue-growth", "revenue=2000000", "previous_revenue=3000000", NULL), 0);
}

static void
test_tables (void)
{
  g_autoptr(TiduPolicy) dg = builtin ("dongguan-shipai-carriers");
  g_autoptr(TiduPolicy) px = builtin ("pingxiang-shangli-firms");

  /* count tiers ≥ 5 / ≥ 10 / ≥ 30 */
  assert_amount (calc (dg, "new-hnte-tiers", "count=4", NULL), 0);
  assert_amount (calc (dg, "new-hnte-tiers", "count=5", NULL), 100000);
  assert_amount (calc (dg, "new-hnte-tiers", "count=9", NULL), 100000);
  assert_amount (calc (dg, "new-hnte-tiers", "count=10", NULL), 300000);
  assert_amount (calc (dg, "new-hnte-tiers", "count=29", NULL), 300000);
  assert_amount (calc (dg, "new-hnte-tiers", "count=30", NULL), 500000);
  assert_amount (calc (dg, "new-hnte-tiers", "count=31", NULL), 500000);
  /* fixed by level inside a lifetime cap */
  assert_amount (calc (dg, "national-incubator", "level=national", NULL), 1500000);
  /* grade table; labels accepted as well as values */
  assert_amount (calc (px, "hnte-recognition", "certification=first", NULL), 200000);
  assert_amount (calc (px, "hnte-recognition", "certification=重新认定", NULL), 100000);
  assert_amount (calc (dg, "incubator-grade", "grade=C", NULL), 300000);
}

static void
test_range_and_case_by_case (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  g_autoptr(TiduSubsidyResult) r = NULL;

  r = calc (jd, "platform-startup", NULL);
  g_assert_true (r->eligible);
  g_assert_true (r->decided_by_officer);
  g_assert_false (TIDU_IS_SET (r->amount));
  g_assert_cmpint (r->min, ==, 500000);
  g_assert_cmpint (r->max, ==, 1000000);
  assert_amount (calc (jd, "platform-startup", "amount=500000", NULL), 500000);
  assert_amount (calc (jd, "platform-startup", "amount=1000000", NULL), 1000000);
  assert_amount (calc (jd, "platform-startup", "amount=80万", NULL), 800000);
  assert_bad_input (jd, "platform-startup", "amount", "amount=499999", NULL);
  assert_bad_input (jd, "platform-startup", "amount", "amount=1000001", NULL);

  assert_amount (calc (jd, "major-platform", "amount=50000000", NULL), 50000000);
  assert_bad_input (jd, "major-platform", "amount", "amount=50000001", NULL);
  assert_bad_input (jd, "major-platform", "(amount) is missing", NULL);
}

static void
test_combined_level_cap (void)
{
  g_autoptr(TiduPolicy) nj = builtin ("nanjing-2020-performance");
  TiduSubsidyResult *r;

  assert_amount (calc (nj, "carrier-performance", "level=national", "grade=A", NULL), 1000000);
  r = calc (nj, "carrier-performance", "level=provincial", "grade=A", "other_paid=500000", NULL);
  g_assert_true (has_step (r, "800,000 − 500,000 = 300,000"));
  assert_amount (r, 300000);
  assert_amount (calc (nj, "carrier-performance", "level=provincial", "grade=B", "other_paid=599999", NULL), 1);
  assert_amount (calc (nj, "carrier-performance", "level=provincial", "grade=B", "other_paid=600000", NULL), 0);
  assert_amount (calc (nj, "carrier-performance", "level=provincial", "grade=B", "other_paid=600001", NULL), 0);
  assert_amount (calc (nj, "carrier-performance", "level=municipal", "grade=C", NULL), 0);
}

static void
test_lifetime_cap_and_once_only (void)
{
  g_autoptr(TiduPolicy) dg = builtin ("dongguan-shipai-carriers");
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  g_autoptr(TiduSubsidyContext) context = tidu_subsidy_context_new ();
  TiduSubsidyResult *r;

  context->entity_kind = TIDU_SUBSIDY_ENTITY_CARRIER;
  context->entity_id = g_strdup ("c1");
  /* 800,000 (A) then 1,500,000 (national): 2,300,000 > 2,000,000 → 1,200,000 */
  tidu_subsidy_context_add_prior (context, "incubator-grade", 2022, 800000);
  r = calc_ctx (dg, "national-incubator", context, "level=national", NULL);
  g_assert_true (has_step (r, "Limited to the remaining 1,200,000"));
  assert_amount (r, 1200000);
  /* just below, at and above the cap */
  tidu_subsidy_context_add_prior (context, "national-incubator", 2023, 1199999);
  assert_amount (calc_ctx (dg, "incubator-grade", context, "grade=A", NULL), 1);
  tidu_subsidy_context_add_prior (context, "incubator-grade", 2024, 1);
  assert_amount (calc_ctx (dg, "incubator-grade", context, "grade=A", NULL), 0);
  /* awards under other rules do not count */
  {
    g_autoptr(TiduSubsidyContext) other = tidu_subsidy_context_new ();

    other->entity_kind = TIDU_SUBSIDY_ENTITY_CARRIER;
    other->entity_id = g_strdup ("c2");
    tidu_subsidy_context_add_prior (other, "new-hnte-tiers", 2022, 1900000);
    assert_amount (calc_ctx (dg, "incubator-grade", other, "grade=A", NULL), 800000);
    tidu_subsidy_context_add_prior (other, "incubator-grade", 2022, 1200000);
    assert_amount (calc_ctx (dg, "incubator-grade", other, "grade=A", NULL), 800000);
    tidu_subsidy_context_add_prior (other, "incubator-grade", 2023, 1);
    assert_amount (calc_ctx (dg, "incubator-grade", other, "grade=A", NULL), 799999);
  }

  /* once only: up to 200,000 the first time, nothing after */
  {
    g_autoptr(TiduSubsidyContext) agency = tidu_subsidy_context_new ();

    agency->entity_kind = TIDU_SUBSIDY_ENTITY_PAYEE;
    agency->entity_id = g_strdup ("某科技服务机构");
    assert_amount (calc_ctx (jd, "service-platform-title", agency, "amount=200000", NULL), 200000);
    tidu_subsidy_context_add_prior (agency, "service-platform-title", 2023, 150000);
    r = calc_ctx (jd, "service-platform-title", agency, "amount=200000", NULL);
    g_assert_true (has_step (r, "only once"));
    assert_amount (r, 0);
  }
}

static void
test_rank_share (void)
{
  g_autoptr(TiduPolicy) nb = builtin ("ningbo-science-award");
  TiduSubsidyResult *r;

  assert_amount (calc (nb, "progress-award-share", "award=200000", "position=1", NULL), 200000);
  r = calc (nb, "progress-award-share", "award=200000", "position=2", NULL);
  g_assert_true (has_step (r, "50% × 200,000 = 100,000"));
  assert_amount (r, 100000);
  assert_amount (calc (nb, "progress-award-share", "award=200005", "position=3", NULL), 20001); /* 20,000.5 → half up */
  assert_amount (calc (nb, "progress-award-share", "award=200000", "position=4", NULL), 0);
}

static void
test_effective_period (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  g_autoptr(TiduSubsidyContext) context = tidu_subsidy_context_new ();

  context->year = 2025;
  assert_amount (calc_ctx (jd, "incubator-recognition", context, "level=national", NULL), 400000);
  context->year = 2026;
  assert_amount (calc_ctx (jd, "incubator-recognition", context, "level=national", NULL), 0);
  context->year = 2022;
  assert_amount (calc_ctx (jd, "incubator-recognition", context, "level=national", NULL), 0);
}

static void
test_bad_inputs (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSubsidyResult) r = NULL;

  assert_bad_input (jd, "carrier-renovation", "kind", "kind=park", "cost=1", NULL);
  assert_bad_input (jd, "carrier-renovation", "cost", "kind=incubator", NULL);
  assert_bad_input (jd, "carrier-renovation", "cost", "kind=incubator", "cost=lots", NULL);
  assert_bad_input (jd, "carrier-renovation", "cost", "kind=incubator", "cost=-5", NULL);
  assert_bad_input (jd, "carrier-renovation", "colour", "kind=incubator", "cost=5", "colour=red", NULL);
  r = tidu_subsidy_calculate (jd, "no-such-rule", NULL, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
test_overflow (void)
{
  g_autoptr(TiduPolicy) policy = NULL;
  g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSubsidyResult) r = NULL;
  const char *json =
    "{\"format\":1,\"code\":\"big\",\"title\":\"t\",\"rules\":[{\"id\":\"r\",\"article\":\"1\",\"title\":\"t\","
    "\"applies_to\":[\"firm\"],\"inputs\":[{\"name\":\"base\",\"label\":\"B\",\"type\":\"money\"}],"
    "\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"base\",\"rate\":\"123456.789%\"}}]}";

  policy = tidu_policy_load_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_hash_table_insert (inputs, g_strdup ("base"), g_strdup ("900000000000000"));
  r = tidu_subsidy_calculate (policy, "r", inputs, NULL, &error);
  g_assert_null (r);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
}

static void
test_json_shape (void)
{
  g_autoptr(TiduPolicy) jd = builtin ("jiangdu-2023-2025");
  g_autoptr(TiduSubsidyResult) r = calc (jd, "platform-startup", NULL);
  g_autofree char *json = tidu_subsidy_result_to_json (r);

  g_assert_nonnull (strstr (json, "\"amount\" : null"));
  g_assert_nonnull (strstr (json, "\"min\" : 500000"));
  g_assert_nonnull (strstr (json, "\"max\" : 1000000"));
  g_assert_nonnull (strstr (json, "\"eligible\" : true"));
  g_assert_nonnull (strstr (json, "\"policy\" : \"jiangdu-2023-2025\""));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/subsidy/jiangdu-examples", test_jiangdu_examples);
  g_test_add_func ("/subsidy/percent-with-cap", test_percent_with_cap);
  g_test_add_func ("/subsidy/threshold-gated", test_threshold_gated);
  g_test_add_func ("/subsidy/per-unit-with-cap", test_per_unit_with_cap);
  g_test_add_func ("/subsidy/multi-year-schedule", test_multi_year_schedule);
  g_test_add_func ("/subsidy/growth", test_growth);
  g_test_add_func ("/subsidy/tables", test_tables);
  g_test_add_func ("/subsidy/range-and-case-by-case", test_range_and_case_by_case);
  g_test_add_func ("/subsidy/combined-level-cap", test_combined_level_cap);
  g_test_add_func ("/subsidy/lifetime-cap-and-once-only", test_lifetime_cap_and_once_only);
  g_test_add_func ("/subsidy/rank-share", test_rank_share);
  g_test_add_func ("/subsidy/effective-period", test_effective_period);
  g_test_add_func ("/subsidy/bad-inputs", test_bad_inputs);
  g_test_add_func ("/subsidy/overflow", test_overflow);
  g_test_add_func ("/subsidy/json-shape", test_json_shape);

  return g_test_run ();
}
