/* tidu-cli-subsidy.c: tidu-cli subsidy policies|rules|calc|batch|ledger|import|approve|pay|cancel.
 * The output of --json and the exit codes are a contract scripts depend on (issue 5):
 * 0 for a result (eligible or not), 2 for an unknown policy or rule or a bad input, 1 for other
 * failures.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "tidu-cli.h"
#include "tidu-core.h"

static int
report (const GError *error)
{
  g_printerr ("tidu-cli: %s\n", error->message);
  if (error->domain == G_OPTION_ERROR ||
      (error->domain == TIDU_ERROR &&
       (error->code == TIDU_ERROR_NOT_FOUND || error->code == TIDU_ERROR_INVALID_INPUT ||
        error->code == TIDU_ERROR_INVALID)))
    return 2;
  return 1;
}

static int
usage (const char *message)
{
  g_printerr ("tidu-cli: %s\n", message);
  return 2;
}

/* The database when it exists; NULL (and no error) when there is none yet: built-in policies
 * still work. */
static TiduDatabase *
open_database (const char  *database,
               gboolean     create,
               GError     **error)
{
  if (!create && !g_file_test (database, G_FILE_TEST_EXISTS))
    return NULL;
  return tidu_database_open (database, create ? TIDU_DATABASE_OPEN_DEFAULT : TIDU_DATABASE_OPEN_NO_CREATE, error);
}

static TiduPolicy *
find_policy (TiduDatabase  *db,
             const char    *key,
             GError       **error)
{
  g_autoptr(GPtrArray) builtin = NULL;
  TiduPolicy *found = NULL;

  if (db != NULL)
    return tidu_policy_lookup (db, key, error);
  builtin = tidu_policy_list_builtin ();
  for (guint i = 0; i < builtin->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (builtin, i);

      if (g_strcmp0 (policy->code, key) == 0 || g_strcmp0 (policy->id, key) == 0)
        found = policy;
    }
  if (found != NULL)
    return tidu_policy_ref (found);
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no policy “%s”."), key);
  return NULL;
}

/* JSON is UTF-8 whatever the locale: g_print would convert it to the locale's charset, which
 * under LC_ALL=C (cron, CI, scripts) turns every Chinese name into "?" and, on a 5,000-row
 * batch, costs more than the batch itself. */
static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  tidu_cli_print_json (text);
}

static char *
money (gint64 yuan)
{
  return tidu_money_format (yuan, TIDU_MONEY_UNIT_YUAN);
}

/* ------------------------------------------------------------------ policies, rules */

static int
run_policies (const char  *database,
              int          argc,
              char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GPtrArray) policies = NULL;

  if (!tidu_cli_parse_command_options ("subsidy policies", entries, &argc, &argv, &error))
    return usage (error->message);
  db = open_database (database, FALSE, &error);
  if (error != NULL)
    return report (error);
  policies = db != NULL ? tidu_policy_list (db, &error) : tidu_policy_list_builtin ();
  if (policies == NULL)
    return report (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < policies->len; i++)
        {
          TiduPolicy *policy = g_ptr_array_index (policies, i);
          g_autofree char *from = g_date_valid (&policy->effective_from) ? tidu_date_to_iso (&policy->effective_from) : NULL;
          g_autofree char *to = g_date_valid (&policy->effective_to) ? tidu_date_to_iso (&policy->effective_to) : NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, policy->id);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, policy->code);
          json_builder_set_member_name (builder, "version");
          json_builder_add_string_value (builder, policy->version);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, policy->title);
          json_builder_set_member_name (builder, "doc_number");
          json_builder_add_string_value (builder, policy->doc_number);
          json_builder_set_member_name (builder, "issuer");
          json_builder_add_string_value (builder, policy->issuer);
          json_builder_set_member_name (builder, "region");
          json_builder_add_string_value (builder, policy->region_name);
          json_builder_set_member_name (builder, "effective_from");
          json_builder_add_string_value (builder, from);
          json_builder_set_member_name (builder, "effective_to");
          json_builder_add_string_value (builder, to);
          json_builder_set_member_name (builder, "builtin");
          json_builder_add_boolean_value (builder, policy->builtin);
          json_builder_set_member_name (builder, "rules");
          json_builder_add_int_value (builder, policy->rules->len);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return 0;
    }

  for (guint i = 0; i < policies->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (policies, i);

      g_print ("%s\t%s\t%s%s\n", policy->code, policy->version, policy->title,
               policy->builtin ? _(" (built-in)") : "");
    }
  return 0;
}

static void
build_input (JsonBuilder           *builder,
             const TiduPolicyInput *input)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, input->name);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, input->label);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, tidu_input_type_to_string (input->type));
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, input->unit);
  json_builder_set_member_name (builder, "optional");
  json_builder_add_boolean_value (builder, input->optional);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, input->source);
  if (TIDU_IS_SET (input->min))
    {
      json_builder_set_member_name (builder, "min");
      json_builder_add_int_value (builder, input->min);
    }
  if (TIDU_IS_SET (input->max))
    {
      json_builder_set_member_name (builder, "max");
      json_builder_add_int_value (builder, input->max);
    }
  if (input->choices->len > 0)
    {
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint c = 0; c < input->choices->len; c++)
        {
          const TiduInputChoice *choice = g_ptr_array_index (input->choices, c);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, choice->value);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, choice->label);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static int
run_rules (const char  *database,
           int          argc,
           char       **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) remaining = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, N_("POLICY") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduPolicy) policy = NULL;

  if (!tidu_cli_parse_command_options ("subsidy rules", entries, &argc, &argv, &error))
    return usage (error->message);
  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
    return usage (_("Name one policy, e.g. “tidu-cli subsidy rules jiangdu-2023-2025”."));
  db = open_database (database, FALSE, &error);
  if (error != NULL)
    return report (error);
  policy = find_policy (db, remaining[0], &error);
  if (policy == NULL)
    return report (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < policy->rules->len; i++)
        {
          const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, rule->id);
          json_builder_set_member_name (builder, "article");
          json_builder_add_string_value (builder, rule->article);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, rule->title);
          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, rule->summary);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, tidu_rule_kind_to_string (rule->kind));
          json_builder_set_member_name (builder, "applies_to");
          json_builder_begin_array (builder);
          for (guint a = 0; rule->applies_to[a] != NULL; a++)
            json_builder_add_string_value (builder, rule->applies_to[a]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "inputs");
          json_builder_begin_array (builder);
          for (guint n = 0; n < rule->inputs->len; n++)
            build_input (builder, g_ptr_array_index (rule->inputs, n));
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      print_json (builder);
      return 0;
    }

  for (guint i = 0; i < policy->rules->len; i++)
    {
      const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, i);
      g_autoptr(GString) inputs = g_string_new (NULL);

      for (guint n = 0; n < rule->inputs->len; n++)
        {
          const TiduPolicyInput *input = g_ptr_array_index (rule->inputs, n);

          g_string_append_printf (inputs, "%s%s%s", n > 0 ? " " : "", input->name, input->optional ? "?" : "");
        }
      g_print ("%s\t%s\t%s\t%s\t%s\n", rule->id, rule->article, tidu_rule_kind_to_string (rule->kind),
               rule->title, inputs->str);
    }
  return 0;
}

/* ------------------------------------------------------------------ calc */

static gboolean
find_entity (TiduDatabase           *db,
             const char             *id,
             TiduSubsidyEntityKind  *kind,
             GError                **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(TiduFirm) firm = NULL;

  {
    g_autoptr(TiduCarrier) carrier = tidu_carrier_load (db, id, &local);

    if (carrier != NULL)
      {
        *kind = TIDU_SUBSIDY_ENTITY_CARRIER;
        return TRUE;
      }
  }
  g_clear_error (&local);
  firm = tidu_firm_load (db, id, &local);
  if (firm != NULL)
    {
      *kind = TIDU_SUBSIDY_ENTITY_FIRM;
      return TRUE;
    }
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no carrier or firm “%s”."), id);
  return FALSE;
}

static void
print_result (const TiduSubsidyResult *result,
              const TiduPolicyRule    *rule)
{
  g_print ("%s (%s) %s\n", rule->id, rule->article, rule->title);
  for (guint i = 0; i < result->steps->len; i++)
    g_print ("  %s\n", (char *) g_ptr_array_index (result->steps, i));
  if (!result->eligible)
    g_print ("%s\n", _("Not eligible: nothing is due."));
  else if (result->decided_by_officer)
    {
      g_autofree char *min = money (result->min);
      g_autofree char *max = money (result->max);
      g_print (_("Amount: decided by the officer between %s and %s\n"), min, max);
    }
  else
    {
      g_autofree char *amount = money (result->amount);
      g_print (_("Amount: %s\n"), amount);
    }
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static int
run_calc (const char  *database,
          int          argc,
          char       **argv)
{
  g_autofree char *policy_key = NULL;
  g_autofree char *rule_id = NULL;
  g_autofree char *entity = NULL;
  g_auto(GStrv) input_args = NULL;
  gboolean json = FALSE;
  gboolean record = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "policy", 'p', 0, G_OPTION_ARG_STRING, &policy_key, N_("The policy (its code)"), N_("POLICY") },
    { "rule", 'r', 0, G_OPTION_ARG_STRING, &rule_id, N_("The rule (its id)"), N_("RULE") },
    { "input", 'i', 0, G_OPTION_ARG_STRING_ARRAY, &input_args, N_("An input of the rule (repeatable); money in 元 or 万元"), N_("NAME=VALUE") },
    { "entity", 'e', 0, G_OPTION_ARG_STRING, &entity, N_("The carrier or firm: inputs the records hold and the ledger’s earlier awards are used"), N_("ID") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The award year (default: this year)"), N_("YEAR") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record, N_("Record the result in the ledger (needs --entity)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduPolicy) policy = NULL;
  g_autoptr(GHashTable) inputs = NULL;
  g_autoptr(TiduSubsidyContext) context = NULL;
  g_autoptr(TiduSubsidyResult) result = NULL;
  TiduSubsidyEntityKind kind = TIDU_SUBSIDY_ENTITY_NONE;

  if (!tidu_cli_parse_command_options ("subsidy calc", entries, &argc, &argv, &error))
    return usage (error->message);
  if (policy_key == NULL || rule_id == NULL)
    return usage (_("Give --policy and --rule."));
  if (record && entity == NULL)
    return usage (_("--record needs --entity."));
  if (year != 0 && (year < 1980 || year > 2100))
    return usage (_("The year must be between 1980 and 2100."));

  db = open_database (database, entity != NULL, &error);
  if (error != NULL)
    return report (error);
  policy = find_policy (db, policy_key, &error);
  if (policy == NULL)
    return report (error);
  if (tidu_policy_get_rule (policy, rule_id) == NULL)
    {
      g_set_error (&error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("Policy “%s” has no rule “%s”."), policy->code, rule_id);
      return report (error);
    }

  if (entity != NULL)
    {
      /* The award year: what the records are read for and what the policy's period is checked
       * against. */
      if (year == 0)
        year = current_year ();
      if (!find_entity (db, entity, &kind, &error))
        return report (error);
      inputs = tidu_subsidy_prefill (db, policy, rule_id, kind, entity, year, &error);
      if (inputs == NULL)
        return report (error);
      context = tidu_subsidy_context_load (db, policy, kind, entity, year, NULL, &error);
      if (context == NULL)
        return report (error);
    }
  else
    {
      inputs = tidu_subsidy_inputs_new ();
      if (year != 0)
        {
          context = tidu_subsidy_context_new ();
          context->year = year;
        }
    }
  for (guint i = 0; input_args != NULL && input_args[i] != NULL; i++)
    {
      const char *eq = strchr (input_args[i], '=');

      if (eq == NULL || eq == input_args[i])
        {
          g_autofree char *message = g_strdup_printf (_("Write inputs as NAME=VALUE, not “%s”."), input_args[i]);
          return usage (message);
        }
      g_hash_table_insert (inputs, g_strndup (input_args[i], eq - input_args[i]), g_strdup (eq + 1));
    }

  result = tidu_subsidy_calculate (policy, rule_id, inputs, context, &error);
  if (result == NULL)
    return report (error);

  if (record)
    {
      g_autoptr(TiduSubsidyAward) award = NULL;

      if (!result->eligible)
        return usage (_("Nothing is due: there is nothing to record."));
      award = tidu_subsidy_award_new_from_result (result, kind, entity, year, TIDU_UNSET);
      if (!tidu_ledger_record (db, award, &error))
        return report (error);
      if (!json)
        g_print (_("Recorded as award %s\n"), award->id);
    }

  if (json)
    {
      g_autofree char *text = tidu_subsidy_result_to_json (result);
      tidu_cli_print_json (text);
    }
  else
    print_result (result, tidu_policy_get_rule (policy, rule_id));
  return 0;
}

/* ------------------------------------------------------------------ batch */

static int
run_batch (const char  *database,
           int          argc,
           char       **argv)
{
  g_autofree char *policy_key = NULL;
  gboolean json = FALSE;
  gboolean record = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "policy", 'p', 0, G_OPTION_ARG_STRING, &policy_key, N_("The policy (its code)"), N_("POLICY") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The award year"), N_("YEAR") },
    { "record", 0, 0, G_OPTION_ARG_NONE, &record, N_("Record every row with a fixed amount in the ledger, in one transaction"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduPolicy) policy = NULL;
  g_autoptr(TiduSubsidyBatch) batch = NULL;
  guint n;
  gint64 lo, hi;

  if (!tidu_cli_parse_command_options ("subsidy batch", entries, &argc, &argv, &error))
    return usage (error->message);
  if (policy_key == NULL || year == 0)
    return usage (_("Give --policy and --year."));
  if (year < 1980 || year > 2100)
    return usage (_("The year must be between 1980 and 2100."));
  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    return report (error);
  policy = tidu_policy_lookup (db, policy_key, &error);
  if (policy == NULL)
    return report (error);
  batch = tidu_subsidy_batch_run (db, policy, year, NULL, &error);
  if (batch == NULL)
    return report (error);
  if (record)
    {
      guint recorded = 0;

      /* Ranges need the officer's amount: the CLI leaves them out. */
      for (guint i = 0; i < batch->rows->len; i++)
        {
          TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
          if (!TIDU_IS_SET (tidu_subsidy_batch_row_amount (row)))
            row->excluded = TRUE;
        }
      if (!tidu_ledger_record_batch (db, batch, &recorded, &error))
        return report (error);
      if (!json)
        g_print (_("Recorded %u awards\n"), recorded);
    }

  if (json)
    {
      g_autofree char *text = tidu_subsidy_batch_to_json (batch);
      tidu_cli_print_json (text);
      return 0;
    }

  for (guint i = 0; i < batch->rows->len; i++)
    {
      const TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      gint64 amount = tidu_subsidy_batch_row_amount (row);
      g_autofree char *shown = NULL;

      if (TIDU_IS_SET (amount))
        shown = money (amount);
      else
        {
          g_autofree char *min = money (row->result->min);
          g_autofree char *max = money (row->result->max);
          shown = g_strdup_printf ("%s–%s", min, max);
        }
      g_print ("%s\t%s\t%s\n", row->rule_id, row->entity_name, shown);
    }
  for (guint r = 0; r < policy->rules->len; r++)
    {
      const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, r);
      g_autofree char *min = NULL, *max = NULL;

      tidu_subsidy_batch_totals (batch, rule->id, &n, &lo, &hi);
      if (n == 0)
        continue;
      min = money (lo);
      max = money (hi);
      if (lo == hi)
        g_print (_("Total %s: %u rows, %s\n"), rule->id, n, min);
      else
        g_print (_("Total %s: %u rows, %s–%s\n"), rule->id, n, min, max);
    }
  tidu_subsidy_batch_totals (batch, NULL, &n, &lo, &hi);
  {
    g_autofree char *min = money (lo);
    g_autofree char *max = money (hi);

    if (lo == hi)
      g_print (_("Total: %u rows, %s\n"), n, min);
    else
      g_print (_("Total: %u rows, %s–%s\n"), n, min, max);
  }
  for (guint i = 0; i < batch->skipped->len; i++)
    {
      const TiduSubsidyBatchSkip *skip = g_ptr_array_index (batch->skipped, i);
      g_print (_("Not in the batch: %s: %s\n"), skip->rule_id, skip->reason);
    }
  return 0;
}

/* ------------------------------------------------------------------ ledger */

static void
build_award (JsonBuilder            *builder,
             const TiduSubsidyAward *award)
{
  const char *entity_id;
  TiduSubsidyEntityKind kind = tidu_subsidy_award_get_entity (award, &entity_id);
  struct { const char *name; gint64 value; } amounts[] = {
    { "computed_amount", award->computed_amount },
    { "computed_min", award->computed_min },
    { "computed_max", award->computed_max },
    { "approved_amount", award->approved_amount },
    { "paid_amount", award->paid_amount },
  };
  g_autofree char *approved_on = g_date_valid (&award->approved_on) ? tidu_date_to_iso (&award->approved_on) : NULL;
  g_autofree char *paid_on = g_date_valid (&award->paid_on) ? tidu_date_to_iso (&award->paid_on) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, award->id);
  json_builder_set_member_name (builder, "policy");
  json_builder_add_string_value (builder, award->policy_code);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, award->rule_id);
  json_builder_set_member_name (builder, "entity_kind");
  json_builder_add_string_value (builder, tidu_subsidy_entity_kind_to_string (kind));
  json_builder_set_member_name (builder, "entity_id");
  json_builder_add_string_value (builder, entity_id);
  json_builder_set_member_name (builder, "entity_name");
  json_builder_add_string_value (builder, award->entity_name);
  json_builder_set_member_name (builder, "year");
  if (award->year != 0)
    json_builder_add_int_value (builder, award->year);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, award->status);
  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      json_builder_set_member_name (builder, amounts[i].name);
      if (TIDU_IS_SET (amounts[i].value))
        json_builder_add_int_value (builder, amounts[i].value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_set_member_name (builder, "approved_reason");
  json_builder_add_string_value (builder, award->approved_reason);
  json_builder_set_member_name (builder, "approved_on");
  json_builder_add_string_value (builder, approved_on);
  json_builder_set_member_name (builder, "paid_on");
  json_builder_add_string_value (builder, paid_on);
  json_builder_set_member_name (builder, "explanation");
  json_builder_add_string_value (builder, award->explanation);
  json_builder_end_object (builder);
}

static int
run_ledger (const char  *database,
            int          argc,
            char       **argv)
{
  g_autofree char *policy = NULL;
  g_autofree char *rule = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *status = NULL;
  gboolean json = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "policy", 'p', 0, G_OPTION_ARG_STRING, &policy, N_("Only awards under this policy"), N_("POLICY") },
    { "rule", 'r', 0, G_OPTION_ARG_STRING, &rule, N_("Only awards under this rule"), N_("RULE") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("Only awards of this year"), N_("YEAR") },
    { "entity", 'e', 0, G_OPTION_ARG_STRING, &entity, N_("Only awards to this carrier, firm, talent or payee"), N_("ID") },
    { "status", 's', 0, G_OPTION_ARG_STRING, &status, N_("Only awards with this status: recorded, approved, paid, cancelled"), N_("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  const char *const statuses[] = { TIDU_AWARD_RECORDED, TIDU_AWARD_APPROVED, TIDU_AWARD_PAID, TIDU_AWARD_CANCELLED, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  TiduLedgerFilter filter = { 0 };
  TiduLedgerTotals totals = { 0 };

  if (!tidu_cli_parse_command_options ("subsidy ledger", entries, &argc, &argv, &error))
    return usage (error->message);
  if (status != NULL && !g_strv_contains (statuses, status))
    return usage (_("The status is one of recorded, approved, paid, cancelled."));
  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    return report (error);
  filter.policy = policy;
  filter.rule_id = rule;
  filter.year = year;
  filter.entity_id = entity;
  filter.status = status;
  awards = tidu_ledger_list (db, &filter, &error);
  if (awards == NULL || !tidu_ledger_totals (db, &filter, &totals, &error))
    return report (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "awards");
      json_builder_begin_array (builder);
      for (guint i = 0; i < awards->len; i++)
        build_award (builder, g_ptr_array_index (awards, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "totals");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "awards");
      json_builder_add_int_value (builder, totals.n_awards);
      json_builder_set_member_name (builder, "computed");
      json_builder_add_int_value (builder, totals.computed);
      json_builder_set_member_name (builder, "approved");
      json_builder_add_int_value (builder, totals.approved);
      json_builder_set_member_name (builder, "paid");
      json_builder_add_int_value (builder, totals.paid);
      json_builder_set_member_name (builder, "effective");
      json_builder_add_int_value (builder, totals.effective);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      print_json (builder);
      return 0;
    }

  for (guint i = 0; i < awards->len; i++)
    {
      const TiduSubsidyAward *award = g_ptr_array_index (awards, i);
      g_autofree char *amount = money (tidu_subsidy_award_effective_amount (award));

      g_print ("%s\t%s\t%s\t%s\t%d\t%s\t%s\n", award->id, award->policy_code, award->rule_id,
               award->entity_name != NULL ? award->entity_name : "", award->year, award->status, amount);
    }
  {
    g_autofree char *computed = money (totals.computed);
    g_autofree char *approved = money (totals.approved);
    g_autofree char *paid = money (totals.paid);

    g_print (_("Total: %u awards, computed %s, approved %s, paid %s\n"), totals.n_awards, computed, approved, paid);
  }
  return 0;
}

/* ------------------------------------------------------------------ import, approve, pay, cancel */

static int
run_import (const char  *database,
            int          argc,
            char       **argv)
{
  g_auto(GStrv) remaining = NULL;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduPolicy) policy = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!tidu_cli_parse_command_options ("subsidy import", entries, &argc, &argv, &error))
    return usage (error->message);
  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
    return usage (_("Name one policy file."));
  if (!g_file_get_contents (remaining[0], &contents, &length, &error))
    return report (error);
  db = tidu_database_open (database, TIDU_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    return report (error);
  policy = tidu_policy_import (db, contents, length, &error);
  if (policy == NULL)
    return report (error);
  g_print (_("Imported policy %s version %s (%u rules)\n"), policy->code, policy->version, policy->rules->len);
  return 0;
}

static int
run_change (const char  *database,
            const char  *name,
            int          argc,
            char       **argv)
{
  g_autofree char *amount_text = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *date_text = NULL;
  g_auto(GStrv) remaining = NULL;
  GOptionEntry entries[] = {
    { "amount", 'a', 0, G_OPTION_ARG_STRING, &amount_text, N_("The amount (default: the computed or approved one)"), N_("AMOUNT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (needed when approving another amount)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The date (default: today)"), N_("DATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, N_("AWARD") },
    { NULL }
  };
  g_autofree char *command = g_strdup_printf ("subsidy %s", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduDatabase) db = NULL;
  gint64 amount = TIDU_UNSET;
  GDate date;
  gboolean ok;

  g_date_clear (&date, 1);
  if (!tidu_cli_parse_command_options (command, entries, &argc, &argv, &error))
    return usage (error->message);
  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL)
    return usage (_("Name one award (its id from “tidu-cli subsidy ledger”)."));
  if (amount_text != NULL && !tidu_money_parse (amount_text, TIDU_MONEY_UNIT_YUAN, &amount, &error))
    return report (error);
  if (date_text != NULL && !tidu_date_parse (date_text, &date, &error))
    return report (error);
  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    return report (error);
  if (g_str_equal (name, "approve"))
    ok = tidu_ledger_approve (db, remaining[0], amount, reason, date_text != NULL ? &date : NULL, &error);
  else if (g_str_equal (name, "pay"))
    ok = tidu_ledger_pay (db, remaining[0], amount, date_text != NULL ? &date : NULL, &error);
  else
    ok = tidu_ledger_cancel (db, remaining[0], reason, &error);
  if (!ok)
    return report (error);
  return 0;
}

static int
run_approve (const char *database, int argc, char **argv)
{
  return run_change (database, "approve", argc, argv);
}

static int
run_pay (const char *database, int argc, char **argv)
{
  return run_change (database, "pay", argc, argv);
}

static int
run_cancel (const char *database, int argc, char **argv)
{
  return run_change (database, "cancel", argc, argv);
}

static const struct
{
  const char *name;
  const char *summary;
  int       (*run) (const char *database, int argc, char **argv);
} subcommands[] = {
  { "policies", N_("List the policies"), run_policies },
  { "rules", N_("List the rules of a policy"), run_rules },
  { "calc", N_("Calculate one rule, with the explanation"), run_calc },
  { "batch", N_("Every award the records make due under a policy in a year"), run_batch },
  { "ledger", N_("List the awards in the ledger, with totals"), run_ledger },
  { "import", N_("Import a policy file"), run_import },
  { "approve", N_("Approve a recorded award"), run_approve },
  { "pay", N_("Mark an approved award paid"), run_pay },
  { "cancel", N_("Cancel a recorded or approved award"), run_cancel },
};

int
tidu_cli_subsidy (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GString) help = g_string_new (_("Usage: tidu-cli subsidy COMMAND [OPTION…]\nCommands:"));

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_string_append_printf (help, "\n  %-9s %s", subcommands[i].name, _(subcommands[i].summary));

  if (argc >= 2)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (g_strcmp0 (argv[1], subcommands[i].name) == 0)
        return subcommands[i].run (database, argc - 1, argv + 1);

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", help->str);
      return 0;
    }
  if (argc >= 2)
    g_printerr (_("tidu-cli: unknown subsidy command “%s”\n"), argv[1]);
  g_printerr ("%s\n", help->str);
  return 2;
}
