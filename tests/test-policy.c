/* test-policy.c: loading policy files: every malformed file fails with a message naming the
 * rule and the field; built-in policies load, use every rule kind, and cannot be overwritten.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "test-util.h"

/* A valid policy with one rule; %s is replaced by the rule's kind, parameters and inputs. */
#define HEAD "{\"format\":1,\"code\":\"test\",\"title\":\"Test\",\"rules\":["
#define RULE(body) "{\"id\":\"r1\",\"article\":\"一(1)\",\"title\":\"T\",\"applies_to\":[\"carrier:incubator\"]," body "}"
#define TAIL "]}"
#define MONEY_INPUT "{\"name\":\"cost\",\"label\":\"Cost\",\"type\":\"money\"}"
#define LEVEL_INPUT "{\"name\":\"level\",\"label\":\"Level\",\"type\":\"choice\",\"choices\":[\"national\",\"provincial\"]}"

static void
assert_malformed (const char *json,
                  const char *rule,
                  const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) policy = tidu_policy_load_from_data (json, -1, &error);

  g_assert_null (policy);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  if (rule != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", rule);
      g_assert_nonnull (strstr (error->message, quoted));
    }
  if (field != NULL)
    g_assert_nonnull (strstr (error->message, field));
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) policy = tidu_policy_load_from_data (
    HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\","
               "\"parameters\":{\"base\":\"cost\",\"rate\":{\"per_mille\":125},\"cap\":\"200万\"}") TAIL, -1, &error);
  const TiduPolicyRule *rule;

  g_assert_no_error (error);
  g_assert_cmpstr (policy->code, ==, "test");
  g_assert_cmpstr (policy->version, ==, "1");
  g_assert_cmpint (policy->rounding, ==, TIDU_ROUNDING_HALF_UP);
  rule = tidu_policy_get_rule (policy, "r1");
  g_assert_nonnull (rule);
  g_assert_cmpint (rule->kind, ==, TIDU_RULE_KIND_PERCENT_WITH_CAP);
  g_assert_true (tidu_policy_rule_applies_to (rule, "carrier", "incubator"));
  g_assert_false (tidu_policy_rule_applies_to (rule, "carrier", "maker_space"));
  g_assert_false (tidu_policy_rule_applies_to (rule, "firm", NULL));
  g_assert_nonnull (tidu_policy_rule_get_input (rule, "cost"));
}

static void
test_malformed (void)
{
  /* bad JSON */
  assert_malformed ("{\"format\":1,", NULL, "JSON");
  assert_malformed ("[1, 2]", NULL, "JSON object");
  /* policy fields */
  assert_malformed ("{\"format\":1,\"title\":\"T\",\"rules\":[]}", NULL, "“code”");
  assert_malformed ("{\"format\":2,\"code\":\"x\",\"title\":\"T\",\"rules\":[]}", NULL, "“format”");
  assert_malformed ("{\"format\":1,\"code\":\"x\",\"title\":\"T\",\"rules\":[]}", NULL, "“rules”");
  assert_malformed ("{\"format\":1,\"code\":\"x\",\"title\":\"T\",\"rounding\":\"banker\",\"rules\":[]}", NULL, "“rounding”");
  assert_malformed ("{\"format\":1,\"code\":\"x\",\"title\":\"T\",\"effective_from\":\"2025-01-01\","
                    "\"effective_to\":\"2024-12-31\",\"rules\":[" RULE ("\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") "]}",
                    NULL, "“effective_to”");
  /* unknown kind */
  assert_malformed (HEAD RULE ("\"kind\":\"lottery\",\"parameters\":{}") TAIL, "r1", "“kind”");
  /* missing kind, missing parameters */
  assert_malformed (HEAD RULE ("\"parameters\":{}") TAIL, "r1", "“kind”");
  assert_malformed (HEAD RULE ("\"kind\":\"range\"") TAIL, "r1", "“parameters”");
  /* missing parameter */
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\"}") TAIL,
                    "r1", "“parameters.rate”");
  assert_malformed (HEAD RULE ("\"kind\":\"range\",\"parameters\":{\"min\":1}") TAIL, "r1", "“parameters.max”");
  /* negative rate, a binary number as a rate */
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":\"-20%\"}") TAIL,
                    "r1", "“parameters.rate”");
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":-0.2}") TAIL,
                    "r1", "negative");
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":0.2}") TAIL,
                    "r1", "binary");
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":{\"per_mille\":-1}}") TAIL,
                    "r1", "negative");
  /* cap below zero, and amounts that are not whole yuan */
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":\"20%\",\"cap\":-1}") TAIL,
                    "r1", "“parameters.cap”");
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":\"20%\",\"cap\":1.5}") TAIL,
                    "r1", "“parameters.cap”");
  assert_malformed (HEAD RULE ("\"inputs\":[" LEVEL_INPUT "],\"kind\":\"fixed_by_level\",\"parameters\":{\"amounts\":{\"national\":-400000}}") TAIL,
                    "r1", "“parameters.amounts.national”");
  /* duplicate rule id */
  assert_malformed (HEAD RULE ("\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") ","
                         RULE ("\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“id”");
  /* a range upside down */
  assert_malformed (HEAD RULE ("\"kind\":\"range\",\"parameters\":{\"min\":3,\"max\":2}") TAIL, "r1", "“parameters.max”");
  /* bad input declarations */
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"Cost\",\"label\":\"C\",\"type\":\"money\"}],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs[0].name”");
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"cost\",\"type\":\"money\"}],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs.cost.label”");
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"cost\",\"label\":\"C\",\"type\":\"float\"}],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs.cost.type”");
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"level\",\"label\":\"L\",\"type\":\"choice\"}],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs.level.choices”");
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"level\",\"label\":\"L\",\"type\":\"choice\",\"choices\":[\"a\",\"a\"]}],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs.level.choices[1]”");
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "," MONEY_INPUT "],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs[1].name”");
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"cost\",\"label\":\"C\",\"type\":\"money\",\"min\":5,\"max\":4}],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs.cost.max”");
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"cost\",\"label\":\"C\",\"type\":\"money\",\"source\":\"carrier.colour\"}],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}") TAIL,
                    "r1", "“inputs.cost.source”");
  /* parameters naming inputs that are not declared or of the wrong type */
  assert_malformed (HEAD RULE ("\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":\"20%\"}") TAIL,
                    "r1", "“parameters.base”");
  assert_malformed (HEAD RULE ("\"inputs\":[" LEVEL_INPUT "],\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"level\",\"rate\":\"20%\"}") TAIL,
                    "r1", "“parameters.base”");
  /* a table key that is not a declared value */
  assert_malformed (HEAD RULE ("\"inputs\":[" LEVEL_INPUT "],\"kind\":\"fixed_by_level\",\"parameters\":{\"amounts\":{\"galactic\":1}}") TAIL,
                    "r1", "“parameters.amounts”");
  /* an inner rule's error names its path */
  assert_malformed (HEAD RULE ("\"inputs\":[" MONEY_INPUT "],\"kind\":\"threshold_gated\",\"parameters\":{\"input\":\"cost\",\"min\":10,"
                               "\"rule\":{\"kind\":\"percent_with_cap\",\"parameters\":{\"base\":\"cost\",\"rate\":\"20%\",\"cap\":-3}}}") TAIL,
                    "r1", "“parameters.rule.parameters.cap”");
  /* rule ids counted by a lifetime cap must exist */
  assert_malformed (HEAD RULE ("\"inputs\":[" LEVEL_INPUT "],\"kind\":\"lifetime_cap\",\"parameters\":{\"cap\":10,\"rules\":[\"r9\"],"
                               "\"rule\":{\"kind\":\"fixed_by_level\",\"parameters\":{\"amounts\":{\"national\":1}}}}") TAIL,
                    "r1", "“parameters.rules”");
  /* count tiers with the same minimum */
  assert_malformed (HEAD RULE ("\"inputs\":[{\"name\":\"n\",\"label\":\"N\",\"type\":\"integer\"}],\"kind\":\"count_tier_table\",\"parameters\":{\"count\":\"n\","
                               "\"tiers\":[{\"min\":5,\"amount\":1},{\"min\":5,\"amount\":2}]}") TAIL,
                    "r1", "“parameters.tiers[1]”");
  /* applies_to */
  assert_malformed (HEAD "{\"id\":\"r1\",\"article\":\"1\",\"title\":\"T\",\"applies_to\":[\"martian\"],\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}}" TAIL,
                    "r1", "“applies_to”");
}

static void
test_builtin (void)
{
  g_autoptr(GPtrArray) list = tidu_policy_list_builtin ();
  gboolean used[TIDU_N_RULE_KINDS] = { FALSE };
  const char *jiangdu_rules[] = {
    "carrier-renovation", "incubator-recognition", "maker-space-recognition", "platform-startup",
    "platform-equipment", "major-platform", "offshore-rent", "service-revenue-growth",
    "service-platform-title", "incubator-grade-award", "first-hnte-or-graduate", "startup-contest",
  };
  TiduPolicy *jiangdu = NULL;

  g_assert_cmpuint (list->len, >=, 3);
  for (guint i = 0; i < list->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (list, i);

      g_autofree char *id = g_strdup_printf ("%s@%s", policy->code, policy->version);

      g_assert_true (policy->builtin);
      g_assert_cmpstr (policy->id, ==, id);
      if (g_str_equal (policy->code, "jiangdu-2023-2025"))
        jiangdu = policy;
      for (guint r = 0; r < policy->rules->len; r++)
        {
          const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, r);

          used[rule->kind] = TRUE;
          g_assert_nonnull (rule->summary);
        }
    }
  /* Every kind (inner rules count: walk them through the bodies) */
  for (guint i = 0; i < list->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (list, i);

      for (int k = 0; k < TIDU_N_RULE_KINDS; k++)
        {
          g_autofree char *needle = g_strdup_printf ("\"kind\": \"%s\"", tidu_rule_kind_to_string (k));
          if (strstr (policy->body, needle) != NULL)
            used[k] = TRUE;
        }
    }
  for (int k = 0; k < TIDU_N_RULE_KINDS; k++)
    {
      g_test_message ("kind %s", tidu_rule_kind_to_string (k));
      g_assert_true (used[k]);
    }

  g_assert_nonnull (jiangdu);
  g_assert_cmpuint (jiangdu->rules->len, ==, G_N_ELEMENTS (jiangdu_rules));
  for (guint i = 0; i < G_N_ELEMENTS (jiangdu_rules); i++)
    g_assert_cmpstr (((TiduPolicyRule *) g_ptr_array_index (jiangdu->rules, i))->id, ==, jiangdu_rules[i]);
  g_assert_cmpint (g_date_get_year (&jiangdu->effective_from), ==, 2023);
  g_assert_cmpint (g_date_get_year (&jiangdu->effective_to), ==, 2025);
}

static const char *user_policy =
  "{\"format\":1,\"code\":\"my-district\",\"version\":\"2026\",\"title\":\"我的区\",\"rules\":["
  "{\"id\":\"r1\",\"article\":\"一\",\"title\":\"T\",\"applies_to\":[\"firm\"],"
  "\"kind\":\"range\",\"parameters\":{\"min\":1,\"max\":2}}]}";

static void
test_import (TiduTestFixture *f,
             gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) imported = NULL;
  g_autoptr(TiduPolicy) again = NULL;
  g_autoptr(TiduPolicy) found = NULL;
  g_autoptr(TiduPolicy) copy = NULL;
  g_autoptr(TiduPolicy) jiangdu = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *overwrite = NULL;
  gint64 before;

  (void) data;
  imported = tidu_policy_import (f->db, user_policy, -1, &error);
  g_assert_no_error (error);
  g_assert_false (imported->builtin);
  g_assert_nonnull (imported->id);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count (*) FROM policies"), ==, 1);

  /* the same code and version again is refused */
  again = tidu_policy_import (f->db, user_policy, -1, &error);
  g_assert_null (again);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);

  found = tidu_policy_lookup (f->db, "my-district", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->id, ==, imported->id);
  list = tidu_policy_list (f->db, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) builtin = tidu_policy_list_builtin ();
    g_assert_cmpuint (list->len, ==, builtin->len + 1);
  }

  /* built-in policies cannot be overwritten, even with another version */
  jiangdu = tidu_policy_lookup (f->db, "jiangdu-2023-2025", &error);
  g_assert_no_error (error);
  g_assert_true (jiangdu->builtin);
  overwrite = g_strdup (jiangdu->body);
  before = tidu_test_db_int (f->db, "SELECT count (*) FROM policies");
  g_assert_null (tidu_policy_import (f->db, overwrite, -1, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "jiangdu-2023-2025"));
  g_clear_error (&error);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count (*) FROM policies"), ==, before);
  g_assert_false (tidu_policy_delete (f->db, jiangdu->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);

  /* … only copied */
  copy = tidu_policy_copy (f->db, jiangdu, "jiangdu-local", "江都（本地调整）", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->code, ==, "jiangdu-local");
  g_assert_false (copy->builtin);
  g_assert_cmpuint (copy->rules->len, ==, jiangdu->rules->len);
  g_assert_null (tidu_policy_copy (f->db, jiangdu, "nanjing-2020-performance", NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* user policies can be deleted */
  g_assert_true (tidu_policy_delete (f->db, copy->id, &error));
  g_assert_no_error (error);
  g_assert_null (tidu_policy_lookup (f->db, "jiangdu-local", &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a malformed import stores nothing */
  before = tidu_test_db_int (f->db, "SELECT count (*) FROM policies");
  g_assert_null (tidu_policy_import (f->db, "{\"format\":1", -1, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count (*) FROM policies"), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/policy/valid", test_valid);
  g_test_add_func ("/policy/malformed", test_malformed);
  g_test_add_func ("/policy/builtin", test_builtin);
  g_test_add ("/policy/import", TiduTestFixture, NULL, tidu_test_fixture_set_up, test_import,
              tidu_test_fixture_tear_down);

  return g_test_run ();
}
