/* tidu-policy.c: loading and validating policy files; built-in and imported policies.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-money.h"
#include "tidu-policy-private.h"
#include "tidu-record-private.h"
#include "tidu-core-resources.h"

#define POLICIES_PATH "/io/github/tidu/Tidu/core/policies"

G_DEFINE_BOXED_TYPE (TiduPolicy, tidu_policy, tidu_policy_ref, tidu_policy_unref)

static const struct
{
  TiduRuleKind  kind;
  const char   *name;
  const char   *label;
} kinds[] = {
  { TIDU_RULE_KIND_FIXED_BY_LEVEL, "fixed_by_level", N_("Fixed amount by level") },
  { TIDU_RULE_KIND_TOP_UP, "top_up", N_("Top-up to the highest level") },
  { TIDU_RULE_KIND_PERCENT_WITH_CAP, "percent_with_cap", N_("Percentage with a cap") },
  { TIDU_RULE_KIND_THRESHOLD_GATED, "threshold_gated", N_("Threshold, then a rule") },
  { TIDU_RULE_KIND_PER_UNIT_WITH_CAP, "per_unit_with_cap", N_("Amount per unit with a cap") },
  { TIDU_RULE_KIND_MULTI_YEAR_SCHEDULE, "multi_year_schedule", N_("Multi-year schedule") },
  { TIDU_RULE_KIND_GROWTH_CONDITIONED_INCREMENT, "growth_conditioned_increment", N_("Share of growth") },
  { TIDU_RULE_KIND_RANK_OR_GRADE_TABLE, "rank_or_grade_table", N_("Rank or grade table") },
  { TIDU_RULE_KIND_COUNT_TIER_TABLE, "count_tier_table", N_("Count tiers") },
  { TIDU_RULE_KIND_RANGE, "range", N_("Range decided by the officer") },
  { TIDU_RULE_KIND_CASE_BY_CASE, "case_by_case", N_("Case-by-case") },
  { TIDU_RULE_KIND_COMBINED_LEVEL_CAP, "combined_level_cap", N_("Cap shared by all levels") },
  { TIDU_RULE_KIND_LIFETIME_CAP, "lifetime_cap", N_("Lifetime cap") },
  { TIDU_RULE_KIND_ONCE_ONLY, "once_only", N_("Once only") },
  { TIDU_RULE_KIND_RANK_SHARE, "rank_share", N_("Share by payee order") },
};

static const TiduPolicySource sources[] = {
  { "carrier.kind", "carrier" },
  { "carrier.level", "carrier" },
  { "carrier.level_recognized", "carrier" },
  { "carrier.grade", "carrier" },
  { "carrier.grade_level", "carrier" },
  { "carrier.incubated_firms", "carrier" },
  { "carrier.area_m2", "carrier" },
  { "carrier.first_hnte", "carrier" },
  { "carrier.graduated", "carrier" },
  { "carrier.first_hnte_or_graduated", "carrier" },
  { "firm.hnte_certification", "firm" },
  { "firm.gazelle_level", "firm" },
  { "firm.revenue", "firm" },
  { "firm.previous_revenue", "firm" },
  { "firm.rd_expense", "firm" },
  { "ledger.paid", "ledger" },
};

const TiduPolicySource *
tidu_policy_sources (guint *n_sources)
{
  *n_sources = G_N_ELEMENTS (sources);
  return sources;
}

const TiduPolicySource *
tidu_policy_find_source (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    if (g_strcmp0 (sources[i].name, name) == 0)
      return &sources[i];
  return NULL;
}

const char *
tidu_rule_kind_to_string (TiduRuleKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].name;
  return NULL;
}

gboolean
tidu_rule_kind_from_string (const char   *text,
                            TiduRuleKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, text) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
tidu_rule_kind_get_label (TiduRuleKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return _(kinds[i].label);
  return NULL;
}

const char *
tidu_input_type_to_string (TiduInputType type)
{
  switch (type)
    {
    case TIDU_INPUT_MONEY: return "money";
    case TIDU_INPUT_INTEGER: return "integer";
    case TIDU_INPUT_DECIMAL: return "decimal";
    case TIDU_INPUT_CHOICE: return "choice";
    default: return NULL;
    }
}

const char *
tidu_rounding_to_string (TiduRounding rounding)
{
  switch (rounding)
    {
    case TIDU_ROUNDING_HALF_UP: return "half_up";
    case TIDU_ROUNDING_DOWN: return "down";
    case TIDU_ROUNDING_UP: return "up";
    default: return NULL;
    }
}

static gboolean
rounding_from_string (const char   *text,
                      TiduRounding *rounding)
{
  for (int r = TIDU_ROUNDING_HALF_UP; r <= TIDU_ROUNDING_UP; r++)
    if (g_strcmp0 (tidu_rounding_to_string (r), text) == 0)
      {
        *rounding = r;
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------------ rates */

char *
tidu_rate_format (const TiduRate *rate)
{
  /* As a percentage when it has at most four decimals, else as a fraction. */
  gint64 scaled;

  if (rate->num <= G_MAXINT64 / 1000000 && (rate->num * 1000000) % rate->den == 0)
    {
      GString *out = g_string_new (NULL);
      gint64 whole, frac;
      char digits[8];
      int end;

      scaled = rate->num * 1000000 / rate->den; /* percent × 10,000 */
      whole = scaled / 10000;
      frac = scaled % 10000;
      g_string_append_printf (out, "%" G_GINT64_FORMAT, whole);
      if (frac != 0)
        {
          g_snprintf (digits, sizeof digits, "%04" G_GINT64_FORMAT, frac);
          end = 4;
          while (end > 0 && digits[end - 1] == '0')
            end--;
          digits[end] = '\0';
          g_string_append_printf (out, ".%s", digits);
        }
      g_string_append_c (out, '%');
      return g_string_free (out, FALSE);
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, rate->num, rate->den);
}

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/* "20%", "12.5%", "0.2", "1/3": exact; negative rates and binary numbers are refused by the
 * caller with the reason set here. */
static gboolean
rate_parse_text (const char  *text,
                 TiduRate    *rate,
                 const char **reason)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  gsize len = strlen (s);
  gboolean percent = FALSE;
  gint64 num = 0, den = 1;
  const char *p;
  const char *slash;
  int decimals = 0;
  gboolean seen_dot = FALSE, seen_digit = FALSE;

  if (len > 0 && s[0] == '-')
    {
      *reason = _("a rate must not be negative");
      return FALSE;
    }
  if (len > 0 && s[len - 1] == '%')
    {
      percent = TRUE;
      s[--len] = '\0';
    }
  slash = strchr (s, '/');
  if (slash != NULL && !percent)
    {
      guint64 a, b;
      g_autofree char *left = g_strndup (s, slash - s);

      if (!g_ascii_string_to_unsigned (left, 10, 0, G_MAXINT32, &a, NULL) ||
          !g_ascii_string_to_unsigned (slash + 1, 10, 1, G_MAXINT32, &b, NULL))
        {
          *reason = _("write a rate such as “20%”, “0.2” or “1/3”");
          return FALSE;
        }
      num = (gint64) a;
      den = (gint64) b;
    }
  else
    {
      for (p = s; *p != '\0'; p++)
        {
          if (*p == '.' && !seen_dot)
            seen_dot = TRUE;
          else if (g_ascii_isdigit (*p))
            {
              if (num > G_MAXINT32 || decimals >= 6)
                {
                  *reason = _("a rate may have at most six decimals");
                  return FALSE;
                }
              num = num * 10 + (*p - '0');
              seen_digit = TRUE;
              if (seen_dot)
                {
                  decimals++;
                  den *= 10;
                }
            }
          else
            {
              *reason = _("write a rate such as “20%”, “0.2” or “1/3”");
              return FALSE;
            }
        }
      if (!seen_digit)
        {
          *reason = _("write a rate such as “20%”, “0.2” or “1/3”");
          return FALSE;
        }
      if (percent)
        den *= 100;
    }
  if (num != 0)
    {
      gint64 g = gcd64 (num, den);
      num /= g;
      den /= g;
    }
  else
    den = 1;
  rate->num = num;
  rate->den = den;
  return TRUE;
}

/* ------------------------------------------------------------------ errors */

typedef struct
{
  const char *rule_id;
  GError    **error;
} Ctx;

static gboolean
fail (Ctx        *ctx,
      const char *field,
      const char *reason)
{
  if (ctx->error != NULL && *ctx->error != NULL)
    return FALSE;
  if (ctx->rule_id != NULL)
    g_set_error (ctx->error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                 /* Translators: a problem in a policy file: the rule id, the field, the reason */
                 _("Rule “%s”, field “%s”: %s"), ctx->rule_id, field, reason);
  else
    g_set_error (ctx->error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                 /* Translators: a problem in a policy file: the field, then the reason */
                 _("Policy field “%s”: %s"), field, reason);
  return FALSE;
}

static char *
field_path (const char *prefix,
            const char *name)
{
  return prefix != NULL && *prefix != '\0' ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);
}

/* ------------------------------------------------------------------ JSON readers */

static gboolean
read_string (Ctx         *ctx,
             JsonObject  *object,
             const char  *prefix,
             const char  *name,
             gboolean     required,
             char       **out)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = field_path (prefix, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return fail (ctx, field, _("it is missing"));
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, field, _("it must be text"));
  if (required)
    {
      g_autofree char *copy = g_strstrip (g_strdup (json_node_get_string (node)));
      if (*copy == '\0')
        return fail (ctx, field, _("it is empty"));
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
money_from_node (Ctx        *ctx,
                 JsonNode   *node,
                 const char *field,
                 gint64     *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    *out = json_node_get_int (node);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autoptr(GError) local = NULL;

      if (!tidu_money_parse (json_node_get_string (node), TIDU_MONEY_UNIT_YUAN, out, &local))
        return fail (ctx, field, local->message);
    }
  else
    return fail (ctx, field, _("write amounts as whole yuan, or as text such as “200万”"));
  if (*out < 0)
    return fail (ctx, field, _("an amount must not be below zero"));
  if (*out > TIDU_MONEY_MAX)
    return fail (ctx, field, _("the amount is too large"));
  return TRUE;
}

static gboolean
read_money (Ctx        *ctx,
            JsonObject *object,
            const char *prefix,
            const char *name,
            gboolean    required,
            gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = field_path (prefix, name);

  *out = TIDU_UNSET;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail (ctx, field, _("it is missing")) : TRUE;
  return money_from_node (ctx, node, field, out);
}

static gboolean
rate_from_node (Ctx        *ctx,
                JsonNode   *node,
                const char *field,
                TiduRate   *rate)
{
  const char *reason = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (!rate_parse_text (json_node_get_string (node), rate, &reason))
        return fail (ctx, field, reason);
      return TRUE;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *pm = json_object_get_member (json_node_get_object (node), "per_mille");

      if (pm != NULL && JSON_NODE_HOLDS_VALUE (pm) && json_node_get_value_type (pm) == G_TYPE_INT64)
        {
          gint64 v = json_node_get_int (pm);
          gint64 g;

          if (v < 0)
            return fail (ctx, field, _("a rate must not be negative"));
          if (v > G_MAXINT32)
            return fail (ctx, field, _("the rate is too large"));
          g = v == 0 ? 1000 : gcd64 (v, 1000);
          rate->num = v / g;
          rate->den = 1000 / g;
          return TRUE;
        }
    }
  if (JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64))
    {
      if ((json_node_get_value_type (node) == G_TYPE_DOUBLE && json_node_get_double (node) < 0) ||
          (json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) < 0))
        return fail (ctx, field, _("a rate must not be negative"));
    }
  return fail (ctx, field, _("write a rate as text such as “20%” or as {\"per_mille\": 200}, never as a binary number"));
}

static gboolean
read_rate (Ctx        *ctx,
           JsonObject *object,
           const char *prefix,
           const char *name,
           gboolean    required,
           gboolean   *present,
           TiduRate   *rate)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = field_path (prefix, name);

  if (present != NULL)
    *present = FALSE;
  rate->num = 0;
  rate->den = 1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail (ctx, field, _("it is missing")) : TRUE;
  if (present != NULL)
    *present = TRUE;
  return rate_from_node (ctx, node, field, rate);
}

static gboolean
read_integer (Ctx        *ctx,
              JsonObject *object,
              const char *prefix,
              const char *name,
              gboolean    required,
              gint64      min,
              gint64     *out)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = field_path (prefix, name);

  *out = TIDU_UNSET;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail (ctx, field, _("it is missing")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (ctx, field, _("it must be a whole number"));
  *out = json_node_get_int (node);
  if (*out < min)
    return fail (ctx, field, _("it must not be below zero"));
  return TRUE;
}

static gboolean
read_bool (Ctx        *ctx,
           JsonObject *object,
           const char *prefix,
           const char *name,
           gboolean    fallback,
           gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = field_path (prefix, name);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (ctx, field, _("it must be true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_strv (Ctx        *ctx,
           JsonObject *object,
           const char *prefix,
           const char *name,
           gboolean    required,
           GStrv      *out)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = field_path (prefix, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail (ctx, field, _("it is missing")) : TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, field, _("it must be a list of text"));
  array = json_node_get_array (node);
  if (required && json_array_get_length (array) == 0)
    return fail (ctx, field, _("it is empty"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return fail (ctx, field, _("it must be a list of text"));
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* ------------------------------------------------------------------ rule specs */

static void
rule_spec_free (TiduRuleSpec *spec)
{
  if (spec == NULL)
    return;
  g_free (spec->path);
  g_free (spec->input);
  g_free (spec->base);
  g_free (spec->previous);
  g_free (spec->paid_input);
  g_free (spec->rate_by);
  g_free (spec->amount_input);
  g_strfreev (spec->keys);
  g_clear_pointer (&spec->amounts, g_hash_table_unref);
  g_clear_pointer (&spec->rates, g_hash_table_unref);
  g_clear_pointer (&spec->schedule, g_array_unref);
  g_clear_pointer (&spec->tiers, g_array_unref);
  g_clear_pointer (&spec->shares, g_array_unref);
  g_strfreev (spec->rules);
  rule_spec_free (spec->inner);
  g_free (spec);
}

static const TiduPolicyInput *
find_input (GPtrArray  *inputs,
            const char *name)
{
  for (guint i = 0; i < inputs->len; i++)
    {
      const TiduPolicyInput *input = g_ptr_array_index (inputs, i);
      if (g_strcmp0 (input->name, name) == 0)
        return input;
    }
  return NULL;
}

/* A parameter naming an input: it must be declared, of one of the allowed types. */
static gboolean
read_input_ref (Ctx         *ctx,
                JsonObject  *params,
                const char  *prefix,
                const char  *name,
                gboolean     required,
                const char  *fallback,
                GPtrArray   *inputs,
                guint        types, /* bit mask of 1 << TiduInputType */
                char       **out)
{
  g_autofree char *field = field_path (prefix, name);
  const TiduPolicyInput *input;

  if (!read_string (ctx, params, prefix, name, FALSE, out))
    return FALSE;
  if (*out == NULL && fallback != NULL && find_input (inputs, fallback) != NULL)
    *out = g_strdup (fallback);
  if (*out == NULL)
    return required ? fail (ctx, field, _("it is missing")) : TRUE;
  input = find_input (inputs, *out);
  if (input == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("the rule declares no input “%s”"), *out);
      return fail (ctx, field, reason);
    }
  if ((types & (1u << input->type)) == 0)
    {
      g_autofree char *reason = g_strdup_printf (_("input “%s” has the wrong type (%s)"), *out,
                                                 tidu_input_type_to_string (input->type));
      return fail (ctx, field, reason);
    }
  return TRUE;
}

#define NUMERIC ((1u << TIDU_INPUT_MONEY) | (1u << TIDU_INPUT_INTEGER) | (1u << TIDU_INPUT_DECIMAL))
#define MONEY (1u << TIDU_INPUT_MONEY)
#define INTEGER (1u << TIDU_INPUT_INTEGER)
#define COUNT ((1u << TIDU_INPUT_INTEGER) | (1u << TIDU_INPUT_DECIMAL))
#define CHOICE (1u << TIDU_INPUT_CHOICE)
#define ANY 0xFu

static gboolean
read_amount_table (Ctx         *ctx,
                   JsonObject  *params,
                   const char  *prefix,
                   const char  *name,
                   GHashTable **out)
{
  JsonNode *node = json_object_get_member (params, name);
  g_autofree char *field = field_path (prefix, name);
  g_autoptr(GList) members = NULL;

  *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fail (ctx, field, _("it is missing"));
  if (!JSON_NODE_HOLDS_OBJECT (node) || json_object_get_size (json_node_get_object (node)) == 0)
    return fail (ctx, field, _("it must map values to amounts, such as {\"national\": 400000}"));
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *item_field = field_path (field, l->data);
      gint64 amount;

      if (!money_from_node (ctx, json_object_get_member (json_node_get_object (node), l->data),
                            item_field, &amount))
        return FALSE;
      g_hash_table_insert (*out, g_strdup (l->data), g_memdup2 (&amount, sizeof amount));
    }
  return TRUE;
}

static gboolean
check_table_keys (Ctx          *ctx,
                  GHashTable   *table,
                  GStrv         keys,
                  GPtrArray    *inputs,
                  const char   *field)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, "/", -1);

      if (g_strv_length (parts) != g_strv_length (keys))
        {
          g_autofree char *reason = g_strdup_printf (_("key “%s” must have %u parts separated by “/”"),
                                                     (char *) key, g_strv_length (keys));
          return fail (ctx, field, reason);
        }
      for (guint i = 0; parts[i] != NULL; i++)
        {
          const TiduPolicyInput *input = find_input (inputs, keys[i]);
          gboolean found = FALSE;

          if (input->type != TIDU_INPUT_CHOICE)
            continue;
          for (guint c = 0; c < input->choices->len && !found; c++)
            found = g_strcmp0 (((TiduInputChoice *) g_ptr_array_index (input->choices, c))->value, parts[i]) == 0;
          if (!found)
            {
              g_autofree char *reason = g_strdup_printf (_("“%s” in key “%s” is not a value of input “%s”"),
                                                         parts[i], (char *) key, keys[i]);
              return fail (ctx, field, reason);
            }
        }
    }
  return TRUE;
}

static gboolean
read_keys (Ctx         *ctx,
           JsonObject  *params,
           const char  *prefix,
           GPtrArray   *inputs,
           GStrv       *keys)
{
  g_autofree char *field = field_path (prefix, "keys");

  if (!read_strv (ctx, params, prefix, "keys", TRUE, keys))
    return FALSE;
  for (guint i = 0; (*keys)[i] != NULL; i++)
    {
      const TiduPolicyInput *input = find_input (inputs, (*keys)[i]);

      if (input == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("the rule declares no input “%s”"), (*keys)[i]);
          return fail (ctx, field, reason);
        }
      if (input->type != TIDU_INPUT_CHOICE && input->type != TIDU_INPUT_INTEGER)
        {
          g_autofree char *reason = g_strdup_printf (_("input “%s” has the wrong type (%s)"), (*keys)[i],
                                                     tidu_input_type_to_string (input->type));
          return fail (ctx, field, reason);
        }
    }
  return TRUE;
}

static gboolean
read_rule_ids (Ctx         *ctx,
               JsonObject  *params,
               const char  *prefix,
               const char  *self_id,
               GStrv       *rules)
{
  if (!read_strv (ctx, params, prefix, "rules", FALSE, rules))
    return FALSE;
  if (*rules == NULL)
    {
      const char *self[] = { self_id, NULL };
      *rules = g_strdupv ((char **) self);
    }
  return TRUE;
}

static TiduRuleSpec *parse_spec (Ctx *ctx, JsonNode *node, const char *prefix, const char *self_id,
                                 GPtrArray *inputs, gboolean inner);

static gboolean
parse_inner (Ctx          *ctx,
             JsonObject   *params,
             const char   *prefix,
             const char   *self_id,
             GPtrArray    *inputs,
             TiduRuleSpec *spec)
{
  JsonNode *node = json_object_get_member (params, "rule");
  g_autofree char *field = field_path (prefix, "rule");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fail (ctx, field, _("it is missing"));
  spec->inner = parse_spec (ctx, node, field, self_id, inputs, TRUE);
  return spec->inner != NULL;
}

static TiduRuleSpec *
parse_spec (Ctx        *ctx,
            JsonNode   *node,
            const char *prefix,          /* "" for the rule itself, "parameters.rule" inside */
            const char *self_id,
            GPtrArray  *inputs,
            gboolean    inner)
{
  TiduRuleSpec *spec = g_new0 (TiduRuleSpec, 1);
  g_autofree char *kind_text = NULL;
  g_autofree char *kind_field = field_path (prefix, "kind");
  g_autofree char *params_field = field_path (prefix, "parameters");
  JsonObject *object;
  JsonObject *params;
  JsonNode *params_node;
  const char *p;
  gboolean ok = TRUE;

  spec->cap = TIDU_UNSET;
  spec->min = TIDU_UNSET;
  spec->max = TIDU_UNSET;
  spec->unit_amount = TIDU_UNSET;
  spec->path = g_strdup (params_field);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, prefix[0] != '\0' ? prefix : "rule", _("it must be an object"));
      goto error;
    }
  object = json_node_get_object (node);
  if (!read_string (ctx, object, prefix, "kind", TRUE, &kind_text))
    goto error;
  if (!tidu_rule_kind_from_string (kind_text, &spec->kind))
    {
      g_autofree char *reason = g_strdup_printf (_("unknown kind “%s”"), kind_text);
      fail (ctx, kind_field, reason);
      goto error;
    }
  (void) inner;
  params_node = json_object_get_member (object, "parameters");
  if (params_node == NULL || !JSON_NODE_HOLDS_OBJECT (params_node))
    {
      fail (ctx, params_field, params_node == NULL ? _("it is missing") : _("it must be an object"));
      goto error;
    }
  params = json_node_get_object (params_node);
  p = params_field;

  switch (spec->kind)
    {
    case TIDU_RULE_KIND_FIXED_BY_LEVEL:
      ok = read_input_ref (ctx, params, p, "input", TRUE, "level", inputs, CHOICE, &spec->input) &&
           read_amount_table (ctx, params, p, "amounts", &spec->amounts);
      if (ok)
        {
          char *keys[] = { spec->input, NULL };
          g_autofree char *field = field_path (p, "amounts");
          ok = check_table_keys (ctx, spec->amounts, keys, inputs, field);
        }
      break;

    case TIDU_RULE_KIND_TOP_UP:
      ok = read_input_ref (ctx, params, p, "input", TRUE, "level", inputs, CHOICE, &spec->input) &&
           read_amount_table (ctx, params, p, "amounts", &spec->amounts) &&
           read_input_ref (ctx, params, p, "paid_input", FALSE, "previously_paid", inputs, MONEY, &spec->paid_input) &&
           read_rule_ids (ctx, params, p, self_id, &spec->rules);
      if (ok)
        {
          char *keys[] = { spec->input, NULL };
          g_autofree char *field = field_path (p, "amounts");
          ok = check_table_keys (ctx, spec->amounts, keys, inputs, field);
        }
      break;

    case TIDU_RULE_KIND_PERCENT_WITH_CAP:
      ok = read_input_ref (ctx, params, p, "base", TRUE, NULL, inputs, MONEY, &spec->base) &&
           read_money (ctx, params, p, "cap", FALSE, &spec->cap);
      if (ok && json_object_has_member (params, "rates"))
        {
          JsonNode *rates = json_object_get_member (params, "rates");
          g_autofree char *field = field_path (p, "rates");
          g_autoptr(GList) members = NULL;

          ok = read_input_ref (ctx, params, p, "rate_by", TRUE, NULL, inputs, CHOICE, &spec->rate_by);
          if (ok && (!JSON_NODE_HOLDS_OBJECT (rates) || json_object_get_size (json_node_get_object (rates)) == 0))
            ok = fail (ctx, field, _("it must map values to rates, such as {\"incubator\": \"20%\"}"));
          if (ok)
            {
              spec->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              members = json_object_get_members (json_node_get_object (rates));
              for (GList *l = members; l != NULL && ok; l = l->next)
                {
                  g_autofree char *item_field = field_path (field, l->data);
                  TiduRate rate;

                  ok = rate_from_node (ctx, json_object_get_member (json_node_get_object (rates), l->data),
                                       item_field, &rate);
                  if (ok)
                    g_hash_table_insert (spec->rates, g_strdup (l->data), g_memdup2 (&rate, sizeof rate));
                }
              if (ok)
                {
                  char *keys[] = { spec->rate_by, NULL };
                  ok = check_table_keys (ctx, spec->rates, keys, inputs, field);
                }
            }
        }
      else if (ok)
        ok = read_rate (ctx, params, p, "rate", TRUE, NULL, &spec->rate);
      break;

    case TIDU_RULE_KIND_THRESHOLD_GATED:
      ok = read_input_ref (ctx, params, p, "input", TRUE, NULL, inputs, NUMERIC, &spec->input) &&
           read_money (ctx, params, p, "min", TRUE, &spec->min) &&
           read_bool (ctx, params, p, "inclusive", TRUE, &spec->inclusive) &&
           parse_inner (ctx, params, p, self_id, inputs, spec);
      break;

    case TIDU_RULE_KIND_PER_UNIT_WITH_CAP:
      ok = read_input_ref (ctx, params, p, "count", TRUE, NULL, inputs, COUNT, &spec->input) &&
           read_money (ctx, params, p, "unit_amount", TRUE, &spec->unit_amount) &&
           read_money (ctx, params, p, "cap", FALSE, &spec->cap);
      break;

    case TIDU_RULE_KIND_MULTI_YEAR_SCHEDULE:
      ok = read_input_ref (ctx, params, p, "year_input", TRUE, "year_index", inputs, INTEGER, &spec->input) &&
           read_input_ref (ctx, params, p, "base", FALSE, NULL, inputs, MONEY, &spec->base) &&
           read_money (ctx, params, p, "cap_per_year", FALSE, &spec->cap);
      if (ok)
        {
          JsonNode *node_s = json_object_get_member (params, "schedule");
          g_autofree char *field = field_path (p, "schedule");
          JsonArray *array;

          if (node_s == NULL || !JSON_NODE_HOLDS_ARRAY (node_s) || json_array_get_length (json_node_get_array (node_s)) == 0)
            {
              ok = fail (ctx, field, node_s == NULL ? _("it is missing") : _("it must be a list of years"));
              break;
            }
          array = json_node_get_array (node_s);
          spec->schedule = g_array_new (FALSE, TRUE, sizeof (TiduScheduleEntry));
          for (guint i = 0; i < json_array_get_length (array) && ok; i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i);
              TiduScheduleEntry entry = { FALSE, { 0, 1 }, TIDU_UNSET };

              if (!JSON_NODE_HOLDS_OBJECT (item))
                {
                  ok = fail (ctx, item_field, _("each year must be {\"rate\": …} or {\"amount\": …}"));
                  break;
                }
              if (json_object_has_member (json_node_get_object (item), "rate"))
                {
                  ok = read_rate (ctx, json_node_get_object (item), item_field, "rate", TRUE, NULL, &entry.rate);
                  entry.has_rate = TRUE;
                  if (ok && spec->base == NULL)
                    {
                      g_autofree char *base_field = field_path (p, "base");
                      ok = fail (ctx, base_field, _("a rate in the schedule needs a base input"));
                    }
                }
              else if (json_object_has_member (json_node_get_object (item), "amount"))
                ok = read_money (ctx, json_node_get_object (item), item_field, "amount", TRUE, &entry.amount);
              else
                ok = fail (ctx, item_field, _("each year must be {\"rate\": …} or {\"amount\": …}"));
              g_array_append_val (spec->schedule, entry);
            }
        }
      break;

    case TIDU_RULE_KIND_GROWTH_CONDITIONED_INCREMENT:
      ok = read_input_ref (ctx, params, p, "value", TRUE, NULL, inputs, MONEY, &spec->input) &&
           read_input_ref (ctx, params, p, "previous", TRUE, NULL, inputs, MONEY, &spec->previous) &&
           read_money (ctx, params, p, "min_value", FALSE, &spec->min) &&
           read_bool (ctx, params, p, "min_value_inclusive", FALSE, &spec->inclusive) &&
           read_rate (ctx, params, p, "min_growth", TRUE, NULL, &spec->min_growth) &&
           read_rate (ctx, params, p, "rate", TRUE, NULL, &spec->rate) &&
           read_money (ctx, params, p, "cap", FALSE, &spec->cap);
      break;

    case TIDU_RULE_KIND_RANK_OR_GRADE_TABLE:
      ok = read_keys (ctx, params, p, inputs, &spec->keys) &&
           read_amount_table (ctx, params, p, "amounts", &spec->amounts);
      if (ok)
        {
          g_autofree char *field = field_path (p, "amounts");
          ok = check_table_keys (ctx, spec->amounts, spec->keys, inputs, field);
        }
      break;

    case TIDU_RULE_KIND_COUNT_TIER_TABLE:
      ok = read_input_ref (ctx, params, p, "count", TRUE, NULL, inputs, INTEGER, &spec->input);
      if (ok)
        {
          JsonNode *node_t = json_object_get_member (params, "tiers");
          g_autofree char *field = field_path (p, "tiers");
          JsonArray *array;

          if (node_t == NULL || !JSON_NODE_HOLDS_ARRAY (node_t) || json_array_get_length (json_node_get_array (node_t)) == 0)
            {
              ok = fail (ctx, field, node_t == NULL ? _("it is missing") : _("it must be a list of {\"min\": …, \"amount\": …}"));
              break;
            }
          array = json_node_get_array (node_t);
          spec->tiers = g_array_new (FALSE, TRUE, sizeof (TiduCountTier));
          for (guint i = 0; i < json_array_get_length (array) && ok; i++)
            {
              JsonNode *item = json_array_get_element (array, i);
              g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i);
              TiduCountTier tier;

              if (!JSON_NODE_HOLDS_OBJECT (item))
                {
                  ok = fail (ctx, item_field, _("it must be a list of {\"min\": …, \"amount\": …}"));
                  break;
                }
              ok = read_integer (ctx, json_node_get_object (item), item_field, "min", TRUE, 1, &tier.min) &&
                   read_money (ctx, json_node_get_object (item), item_field, "amount", TRUE, &tier.amount);
              for (guint j = 0; ok && j < spec->tiers->len; j++)
                if (g_array_index (spec->tiers, TiduCountTier, j).min == tier.min)
                  ok = fail (ctx, item_field, _("two tiers have the same minimum"));
              if (ok)
                g_array_append_val (spec->tiers, tier);
            }
          if (ok)
            {
              /* Highest minimum first: the first tier reached pays. */
              for (guint i = 1; i < spec->tiers->len; i++)
                for (guint j = i; j > 0 && g_array_index (spec->tiers, TiduCountTier, j - 1).min <
                                           g_array_index (spec->tiers, TiduCountTier, j).min; j--)
                  {
                    TiduCountTier t = g_array_index (spec->tiers, TiduCountTier, j);
                    g_array_index (spec->tiers, TiduCountTier, j) = g_array_index (spec->tiers, TiduCountTier, j - 1);
                    g_array_index (spec->tiers, TiduCountTier, j - 1) = t;
                  }
            }
        }
      break;

    case TIDU_RULE_KIND_RANGE:
    case TIDU_RULE_KIND_CASE_BY_CASE:
      ok = read_input_ref (ctx, params, p, "amount_input", FALSE, "amount", inputs, MONEY, &spec->amount_input);
      if (ok && spec->kind == TIDU_RULE_KIND_RANGE)
        ok = read_money (ctx, params, p, "min", TRUE, &spec->min);
      else
        spec->min = 0;
      if (ok)
        ok = read_money (ctx, params, p, "max", spec->kind == TIDU_RULE_KIND_RANGE, &spec->max);
      if (ok && TIDU_IS_SET (spec->max) && spec->max < spec->min)
        {
          g_autofree char *field = field_path (p, "max");
          ok = fail (ctx, field, _("the maximum is below the minimum"));
        }
      break;

    case TIDU_RULE_KIND_COMBINED_LEVEL_CAP:
      ok = read_keys (ctx, params, p, inputs, &spec->keys) &&
           read_amount_table (ctx, params, p, "caps", &spec->amounts) &&
           read_input_ref (ctx, params, p, "paid_input", TRUE, "other_paid", inputs, MONEY, &spec->paid_input);
      if (ok)
        {
          g_autofree char *field = field_path (p, "caps");
          ok = check_table_keys (ctx, spec->amounts, spec->keys, inputs, field);
        }
      break;

    case TIDU_RULE_KIND_LIFETIME_CAP:
      ok = read_money (ctx, params, p, "cap", TRUE, &spec->cap) &&
           read_rule_ids (ctx, params, p, self_id, &spec->rules) &&
           parse_inner (ctx, params, p, self_id, inputs, spec);
      break;

    case TIDU_RULE_KIND_ONCE_ONLY:
      ok = read_rule_ids (ctx, params, p, self_id, &spec->rules) &&
           parse_inner (ctx, params, p, self_id, inputs, spec);
      break;

    case TIDU_RULE_KIND_RANK_SHARE:
      ok = read_input_ref (ctx, params, p, "position_input", TRUE, "position", inputs, INTEGER, &spec->input);
      if (ok)
        {
          JsonNode *node_s = json_object_get_member (params, "shares");
          g_autofree char *field = field_path (p, "shares");
          JsonArray *array;

          if (node_s == NULL || !JSON_NODE_HOLDS_ARRAY (node_s) || json_array_get_length (json_node_get_array (node_s)) == 0)
            {
              ok = fail (ctx, field, node_s == NULL ? _("it is missing") : _("it must be a list of rates"));
              break;
            }
          array = json_node_get_array (node_s);
          spec->shares = g_array_new (FALSE, TRUE, sizeof (TiduRate));
          for (guint i = 0; i < json_array_get_length (array) && ok; i++)
            {
              g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i);
              TiduRate rate;

              ok = rate_from_node (ctx, json_array_get_element (array, i), item_field, &rate);
              g_array_append_val (spec->shares, rate);
            }
        }
      if (ok)
        ok = parse_inner (ctx, params, p, self_id, inputs, spec);
      break;

    case TIDU_N_RULE_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (ok)
    return spec;
error:
  rule_spec_free (spec);
  return NULL;
}

/* ------------------------------------------------------------------ inputs */

static void
input_choice_free (TiduInputChoice *choice)
{
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}

static void
policy_input_free (TiduPolicyInput *input)
{
  g_free (input->name);
  g_free (input->label);
  g_free (input->help);
  g_free (input->unit);
  g_ptr_array_unref (input->choices);
  g_free (input->source);
  g_free (input);
}

static gboolean
valid_name (const char *name,
            gboolean    dashes)
{
  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *c = name; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '_' && !(dashes && *c == '-'))
      return FALSE;
  return TRUE;
}

static TiduPolicyInput *
parse_input (Ctx        *ctx,
             JsonNode   *node,
             guint       index,
             GPtrArray  *inputs)
{
  g_autofree char *prefix = g_strdup_printf ("inputs[%u]", index);
  g_autoptr(GPtrArray) unused = NULL;
  TiduPolicyInput *input = g_new0 (TiduPolicyInput, 1);
  g_autofree char *type = NULL;
  JsonObject *object;
  JsonNode *choices;

  input->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) input_choice_free);
  input->min = TIDU_UNSET;
  input->max = TIDU_UNSET;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, prefix, _("it must be an object"));
      goto error;
    }
  object = json_node_get_object (node);
  if (!read_string (ctx, object, prefix, "name", TRUE, &input->name))
    goto error;
  {
    g_autofree char *field = field_path (prefix, "name");

    if (!valid_name (input->name, FALSE))
      {
        fail (ctx, field, _("use lower-case letters, digits and “_”, starting with a letter"));
        goto error;
      }
    if (find_input (inputs, input->name) != NULL)
      {
        g_autofree char *reason = g_strdup_printf (_("input “%s” is declared twice"), input->name);
        fail (ctx, field, reason);
        goto error;
      }
  }
  g_free (prefix);
  prefix = g_strdup_printf ("inputs.%s", input->name);
  if (!read_string (ctx, object, prefix, "label", TRUE, &input->label) ||
      !read_string (ctx, object, prefix, "help", FALSE, &input->help) ||
      !read_string (ctx, object, prefix, "unit", FALSE, &input->unit) ||
      !read_string (ctx, object, prefix, "type", TRUE, &type) ||
      !read_bool (ctx, object, prefix, "optional", FALSE, &input->optional) ||
      !read_string (ctx, object, prefix, "source", FALSE, &input->source))
    goto error;

  if (g_strcmp0 (type, "money") == 0)
    input->type = TIDU_INPUT_MONEY;
  else if (g_strcmp0 (type, "integer") == 0)
    input->type = TIDU_INPUT_INTEGER;
  else if (g_strcmp0 (type, "decimal") == 0)
    input->type = TIDU_INPUT_DECIMAL;
  else if (g_strcmp0 (type, "choice") == 0)
    input->type = TIDU_INPUT_CHOICE;
  else
    {
      g_autofree char *field = field_path (prefix, "type");
      g_autofree char *reason = g_strdup_printf (_("unknown type “%s” (money, integer, decimal or choice)"), type);
      fail (ctx, field, reason);
      goto error;
    }

  if (input->source != NULL && tidu_policy_find_source (input->source) == NULL)
    {
      g_autofree char *field = field_path (prefix, "source");
      g_autofree char *reason = g_strdup_printf (_("unknown source “%s”"), input->source);
      fail (ctx, field, reason);
      goto error;
    }

  choices = json_object_get_member (object, "choices");
  if (input->type == TIDU_INPUT_CHOICE)
    {
      g_autofree char *field = field_path (prefix, "choices");
      JsonArray *array;

      if (choices == NULL || !JSON_NODE_HOLDS_ARRAY (choices) || json_array_get_length (json_node_get_array (choices)) == 0)
        {
          fail (ctx, field, _("a choice input needs a list of allowed values"));
          goto error;
        }
      array = json_node_get_array (choices);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i);
          TiduInputChoice *choice = g_new0 (TiduInputChoice, 1);

          g_ptr_array_add (input->choices, choice);
          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            {
              choice->value = g_strdup (json_node_get_string (item));
              choice->label = g_strdup (choice->value);
            }
          else if (JSON_NODE_HOLDS_OBJECT (item))
            {
              if (!read_string (ctx, json_node_get_object (item), item_field, "value", TRUE, &choice->value) ||
                  !read_string (ctx, json_node_get_object (item), item_field, "label", FALSE, &choice->label))
                goto error;
              if (choice->label == NULL)
                choice->label = g_strdup (choice->value);
            }
          else
            {
              fail (ctx, item_field, _("a choice is text or {\"value\": …, \"label\": …}"));
              goto error;
            }
          if (*choice->value == '\0' || strchr (choice->value, '/') != NULL)
            {
              fail (ctx, item_field, _("a value must not be empty or contain “/”"));
              goto error;
            }
          for (guint j = 0; j + 1 < input->choices->len; j++)
            if (g_strcmp0 (((TiduInputChoice *) g_ptr_array_index (input->choices, j))->value, choice->value) == 0)
              {
                g_autofree char *reason = g_strdup_printf (_("value “%s” is listed twice"), choice->value);
                fail (ctx, item_field, reason);
                goto error;
              }
        }
    }
  else if (choices != NULL)
    {
      g_autofree char *field = field_path (prefix, "choices");
      fail (ctx, field, _("only a choice input has allowed values"));
      goto error;
    }

  if (input->type == TIDU_INPUT_CHOICE &&
      (json_object_has_member (object, "min") || json_object_has_member (object, "max")))
    {
      g_autofree char *field = field_path (prefix, "min");
      fail (ctx, field, _("a choice input has no bounds"));
      goto error;
    }
  if (input->type == TIDU_INPUT_MONEY)
    {
      if (!read_money (ctx, object, prefix, "min", FALSE, &input->min) ||
          !read_money (ctx, object, prefix, "max", FALSE, &input->max))
        goto error;
    }
  else if (input->type != TIDU_INPUT_CHOICE)
    {
      if (!read_integer (ctx, object, prefix, "min", FALSE, 0, &input->min) ||
          !read_integer (ctx, object, prefix, "max", FALSE, 0, &input->max))
        goto error;
    }
  if (TIDU_IS_SET (input->min) && TIDU_IS_SET (input->max) && input->max < input->min)
    {
      g_autofree char *field = field_path (prefix, "max");
      fail (ctx, field, _("the maximum is below the minimum"));
      goto error;
    }
  return input;

error:
  policy_input_free (input);
  return NULL;
}

/* ------------------------------------------------------------------ rules and policies */

static void
policy_rule_free (TiduPolicyRule *rule)
{
  g_free (rule->id);
  g_free (rule->article);
  g_free (rule->title);
  g_free (rule->summary);
  g_strfreev (rule->applies_to);
  g_ptr_array_unref (rule->inputs);
  rule_spec_free (rule->priv);
  g_free (rule);
}

const TiduRuleSpec *
tidu_policy_rule_spec (const TiduPolicyRule *rule)
{
  return rule->priv;
}

static const char *const entity_words[] = { "carrier", "firm", "talent", "agency", "platform", "payee", NULL };

static TiduPolicyRule *
parse_rule (Ctx        *ctx,
            JsonNode   *node,
            guint       index,
            TiduPolicy *policy)
{
  TiduPolicyRule *rule = g_new0 (TiduPolicyRule, 1);
  g_autofree char *where = g_strdup_printf ("rules[%u]", index);
  g_autofree char *rounding = NULL;
  JsonObject *object;
  JsonNode *inputs;

  rule->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) policy_input_free);
  rule->rounding = policy->rounding;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (ctx, where, _("a rule must be an object"));
      goto error;
    }
  object = json_node_get_object (node);
  if (!read_string (ctx, object, where, "id", TRUE, &rule->id))
    goto error;
  if (!valid_name (rule->id, TRUE))
    {
      g_autofree char *field = field_path (where, "id");
      fail (ctx, field, _("use lower-case letters, digits, “-” and “_”, starting with a letter"));
      goto error;
    }
  if (tidu_policy_get_rule (policy, rule->id) != NULL)
    {
      ctx->rule_id = rule->id;
      fail (ctx, "id", _("another rule has the same id"));
      goto error;
    }
  ctx->rule_id = rule->id;
  if (!read_string (ctx, object, NULL, "article", TRUE, &rule->article) ||
      !read_string (ctx, object, NULL, "title", TRUE, &rule->title) ||
      !read_string (ctx, object, NULL, "summary", FALSE, &rule->summary) ||
      !read_strv (ctx, object, NULL, "applies_to", TRUE, &rule->applies_to) ||
      !read_string (ctx, object, NULL, "rounding", FALSE, &rounding))
    goto error;
  if (rounding != NULL && !rounding_from_string (rounding, &rule->rounding))
    {
      fail (ctx, "rounding", _("use “half_up”, “down” or “up”"));
      goto error;
    }
  for (guint i = 0; rule->applies_to[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rule->applies_to[i], ":", 2);

      if (!g_strv_contains (entity_words, parts[0]) ||
          (parts[1] != NULL && (g_strcmp0 (parts[0], "carrier") != 0 || *parts[1] == '\0')))
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not one of carrier, carrier:KIND, firm, talent, agency, platform, payee"),
                                                     rule->applies_to[i]);
          fail (ctx, "applies_to", reason);
          goto error;
        }
    }

  inputs = json_object_get_member (object, "inputs");
  if (inputs != NULL && !JSON_NODE_HOLDS_ARRAY (inputs))
    {
      fail (ctx, "inputs", _("it must be a list of inputs"));
      goto error;
    }
  if (inputs != NULL)
    {
      JsonArray *array = json_node_get_array (inputs);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          TiduPolicyInput *input = parse_input (ctx, json_array_get_element (array, i), i, rule->inputs);

          if (input == NULL)
            goto error;
          g_ptr_array_add (rule->inputs, input);
        }
    }

  rule->priv = parse_spec (ctx, node, "", rule->id, rule->inputs, FALSE);
  if (rule->priv == NULL)
    goto error;
  rule->kind = ((TiduRuleSpec *) rule->priv)->kind;
  ctx->rule_id = NULL;
  return rule;

error:
  policy_rule_free (rule);
  return NULL;
}

/* Rule ids named by top-up, lifetime caps and once-only rules must exist in the policy. */
static gboolean
check_rule_refs (Ctx                *ctx,
                 TiduPolicy         *policy,
                 const TiduRuleSpec *spec)
{
  for (; spec != NULL; spec = spec->inner)
    for (guint i = 0; spec->rules != NULL && spec->rules[i] != NULL; i++)
      if (tidu_policy_get_rule (policy, spec->rules[i]) == NULL)
        {
          g_autofree char *field = field_path (spec->path, "rules");
          g_autofree char *reason = g_strdup_printf (_("the policy has no rule “%s”"), spec->rules[i]);
          return fail (ctx, field, reason);
        }
  return TRUE;
}

static gboolean
read_date (Ctx        *ctx,
           JsonObject *object,
           const char *name,
           GDate      *date)
{
  g_autofree char *text = NULL;

  g_date_clear (date, 1);
  if (!read_string (ctx, object, NULL, name, FALSE, &text))
    return FALSE;
  if (text != NULL && !tidu_date_from_iso (text, date))
    return fail (ctx, name, _("write the date as YYYY-MM-DD"));
  return TRUE;
}

TiduPolicy *
tidu_policy_load_from_data (const char  *data,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(TiduPolicy) policy = NULL;
  g_autofree char *rounding = NULL;
  Ctx ctx = { NULL, error };
  JsonNode *root;
  JsonObject *object;
  JsonNode *rules;
  gint64 format;

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT, _("The policy file is not UTF-8 text."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   _("The policy file is not valid JSON: %s"), local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   _("The policy file must hold one JSON object."));
      return NULL;
    }
  object = json_node_get_object (root);

  policy = g_new0 (TiduPolicy, 1);
  policy->ref_count = 1;
  policy->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) policy_rule_free);
  policy->body = g_strndup (data, length);
  policy->rounding = TIDU_ROUNDING_HALF_UP;

  if (!read_integer (&ctx, object, NULL, "format", TRUE, 1, &format))
    return NULL;
  if (format != 1)
    {
      fail (&ctx, "format", _("this version of Tidu reads format 1"));
      return NULL;
    }
  if (!read_string (&ctx, object, NULL, "code", TRUE, &policy->code) ||
      !read_string (&ctx, object, NULL, "title", TRUE, &policy->title) ||
      !read_string (&ctx, object, NULL, "doc_number", FALSE, &policy->doc_number) ||
      !read_string (&ctx, object, NULL, "issuer", FALSE, &policy->issuer) ||
      !read_string (&ctx, object, NULL, "region", FALSE, &policy->region_name) ||
      !read_date (&ctx, object, "effective_from", &policy->effective_from) ||
      !read_date (&ctx, object, "effective_to", &policy->effective_to) ||
      !read_string (&ctx, object, NULL, "rounding", FALSE, &rounding))
    return NULL;
  if (!valid_name (policy->code, TRUE))
    {
      fail (&ctx, "code", _("use lower-case letters, digits, “-” and “_”, starting with a letter"));
      return NULL;
    }
  {
    JsonNode *version = json_object_get_member (object, "version");

    if (version == NULL)
      policy->version = g_strdup ("1");
    else if (JSON_NODE_HOLDS_VALUE (version) && json_node_get_value_type (version) == G_TYPE_INT64)
      policy->version = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));
    else if (JSON_NODE_HOLDS_VALUE (version) && json_node_get_value_type (version) == G_TYPE_STRING &&
             *json_node_get_string (version) != '\0' && strchr (json_node_get_string (version), '@') == NULL)
      policy->version = g_strdup (json_node_get_string (version));
    else
      {
        fail (&ctx, "version", _("write the version as text such as “1” or “2024.1”"));
        return NULL;
      }
  }
  if (rounding != NULL && !rounding_from_string (rounding, &policy->rounding))
    {
      fail (&ctx, "rounding", _("use “half_up”, “down” or “up”"));
      return NULL;
    }
  if (g_date_valid (&policy->effective_from) && g_date_valid (&policy->effective_to) &&
      g_date_compare (&policy->effective_to, &policy->effective_from) < 0)
    {
      fail (&ctx, "effective_to", _("the policy ends before it starts"));
      return NULL;
    }

  rules = json_object_get_member (object, "rules");
  if (rules == NULL || !JSON_NODE_HOLDS_ARRAY (rules) || json_array_get_length (json_node_get_array (rules)) == 0)
    {
      fail (&ctx, "rules", rules == NULL ? _("it is missing") : _("it must be a non-empty list of rules"));
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (rules)); i++)
    {
      TiduPolicyRule *rule = parse_rule (&ctx, json_array_get_element (json_node_get_array (rules), i), i, policy);

      if (rule == NULL)
        return NULL;
      g_ptr_array_add (policy->rules, rule);
    }
  for (guint i = 0; i < policy->rules->len; i++)
    {
      TiduPolicyRule *rule = g_ptr_array_index (policy->rules, i);

      ctx.rule_id = rule->id;
      if (!check_rule_refs (&ctx, policy, rule->priv))
        return NULL;
    }
  return g_steal_pointer (&policy);
}

TiduPolicy *
tidu_policy_load_from_file (const char  *path,
                            GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) local = NULL;

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not read %s: %s"), display, local->message);
      return NULL;
    }
  return tidu_policy_load_from_data (contents, length, error);
}

TiduPolicy *
tidu_policy_ref (TiduPolicy *policy)
{
  g_return_val_if_fail (policy != NULL, NULL);
  g_atomic_int_inc (&policy->ref_count);
  return policy;
}

void
tidu_policy_unref (TiduPolicy *policy)
{
  if (policy == NULL || !g_atomic_int_dec_and_test (&policy->ref_count))
    return;
  g_free (policy->id);
  g_free (policy->code);
  g_free (policy->version);
  g_free (policy->title);
  g_free (policy->doc_number);
  g_free (policy->issuer);
  g_free (policy->region_name);
  g_ptr_array_unref (policy->rules);
  g_free (policy->body);
  g_free (policy);
}

const TiduPolicyRule *
tidu_policy_get_rule (const TiduPolicy *policy,
                      const char       *rule_id)
{
  for (guint i = 0; i < policy->rules->len; i++)
    {
      const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, i);
      if (g_strcmp0 (rule->id, rule_id) == 0)
        return rule;
    }
  return NULL;
}

const TiduPolicyInput *
tidu_policy_rule_get_input (const TiduPolicyRule *rule,
                            const char           *name)
{
  return find_input (rule->inputs, name);
}

gboolean
tidu_policy_rule_applies_to (const TiduPolicyRule *rule,
                             const char           *entity_kind,
                             const char           *carrier_kind)
{
  for (guint i = 0; rule->applies_to[i] != NULL; i++)
    {
      const char *item = rule->applies_to[i];
      const char *colon = strchr (item, ':');

      if (colon == NULL)
        {
          if (g_strcmp0 (item, entity_kind) == 0)
            return TRUE;
        }
      else if (strncmp (item, entity_kind, colon - item) == 0 && entity_kind[colon - item] == '\0' &&
               (carrier_kind == NULL || g_strcmp0 (colon + 1, carrier_kind) == 0 || g_strcmp0 (colon + 1, "*") == 0))
        return TRUE;
    }
  return FALSE;
}

/* The entity kind the batch pre-fills the rule for: "carrier", "firm", or NULL (agencies,
 * platforms, talents: the records hold nothing the sources could read). */
const char *
tidu_policy_rule_entity (const TiduPolicyRule *rule)
{
  if (tidu_policy_rule_applies_to (rule, "carrier", NULL))
    return "carrier";
  if (tidu_policy_rule_applies_to (rule, "firm", NULL))
    return "firm";
  return NULL;
}

/* ------------------------------------------------------------------ built-in and stored */

static GPtrArray *builtin_cache;

static int
compare_policies (gconstpointer a,
                  gconstpointer b)
{
  const TiduPolicy *pa = *(TiduPolicy * const *) a;
  const TiduPolicy *pb = *(TiduPolicy * const *) b;
  int c = g_strcmp0 (pa->code, pb->code);

  return c != 0 ? c : g_strcmp0 (pa->version, pb->version);
}

GPtrArray *
tidu_policy_list_builtin (void)
{
  GPtrArray *out;

  if (g_once_init_enter (&builtin_cache))
    {
      GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_policy_unref);
      g_auto(GStrv) names = g_resource_enumerate_children (tidu_core_get_resource (), POLICIES_PATH, 0, NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (POLICIES_PATH "/", names[i], NULL);
          g_autoptr(GBytes) bytes = g_resource_lookup_data (tidu_core_get_resource (), path, 0, NULL);
          g_autoptr(GError) error = NULL;
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);
          TiduPolicy *policy = tidu_policy_load_from_data (data, size, &error);

          if (policy == NULL)
            g_error ("built-in policy %s: %s", names[i], error->message);
          policy->builtin = TRUE;
          policy->id = g_strdup_printf ("%s@%s", policy->code, policy->version);
          g_ptr_array_add (list, policy);
        }
      g_ptr_array_sort (list, compare_policies);
      g_once_init_leave (&builtin_cache, list);
    }

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_policy_unref);
  for (guint i = 0; i < builtin_cache->len; i++)
    g_ptr_array_add (out, tidu_policy_ref (g_ptr_array_index (builtin_cache, i)));
  return out;
}

static TiduPolicy *
find_builtin (const char *code,
              const char *version)
{
  g_autoptr(GPtrArray) builtin = tidu_policy_list_builtin ();
  TiduPolicy *found = NULL;

  for (guint i = 0; i < builtin->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (builtin, i);

      if (g_strcmp0 (policy->code, code) == 0 && (version == NULL || g_strcmp0 (policy->version, version) == 0))
        found = policy; /* sorted by version: the last is the latest */
    }
  return found != NULL ? tidu_policy_ref (found) : NULL;
}

static TiduPolicy *
policy_from_row (sqlite3_stmt *stmt,
                 GError      **error)
{
  g_autofree char *id = tidu_column_text (stmt, 0);
  g_autofree char *body = tidu_column_text (stmt, 1);
  gboolean builtin = sqlite3_column_int (stmt, 2) != 0;
  g_autoptr(GError) local = NULL;
  TiduPolicy *policy;

  if (builtin)
    {
      g_autofree char *code = tidu_column_text (stmt, 3);
      g_autofree char *version = tidu_column_text (stmt, 4);

      policy = find_builtin (code, version);
      if (policy != NULL)
        return policy;
    }
  policy = tidu_policy_load_from_data (body, -1, &local);
  if (policy == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CORRUPT, _("Stored policy %s cannot be read: %s"), id, local->message);
      return NULL;
    }
  policy->id = g_steal_pointer (&id);
  policy->builtin = builtin;
  return policy;
}

GPtrArray *
tidu_policy_list (TiduDatabase  *db,
                  GError       **error)
{
  g_autoptr(GPtrArray) list = tidu_policy_list_builtin ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = tidu_database_prepare (db,
                                "SELECT id, body, builtin, code, version FROM policies "
                                "WHERE deleted_at IS NULL AND builtin = 0 ORDER BY code, version",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduPolicy *policy = policy_from_row (stmt, error);

      if (policy == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (list, policy);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the policies"), error);
      return NULL;
    }
  g_ptr_array_sort (list, compare_policies);
  return g_steal_pointer (&list);
}

TiduPolicy *
tidu_policy_lookup (TiduDatabase  *db,
                    const char    *key,
                    GError       **error)
{
  g_autoptr(GPtrArray) list = NULL;
  const char *at;
  TiduPolicy *found = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  list = tidu_policy_list (db, error);
  if (list == NULL)
    return NULL;
  at = strchr (key, '@');
  for (guint i = 0; i < list->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (list, i);

      if (g_strcmp0 (policy->id, key) == 0)
        return tidu_policy_ref (policy);
      if (at != NULL)
        {
          if (strncmp (policy->code, key, at - key) == 0 && policy->code[at - key] == '\0' &&
              g_strcmp0 (policy->version, at + 1) == 0)
            return tidu_policy_ref (policy);
        }
      else if (g_strcmp0 (policy->code, key) == 0)
        found = policy; /* sorted by version: the last one wins */
    }
  if (found != NULL)
    return tidu_policy_ref (found);

  /* A stored policy in the trash or a built-in row whose file is gone: by row id. */
  {
    sqlite3_stmt *stmt = tidu_database_prepare (db, "SELECT id, body, builtin, code, version FROM policies WHERE id = ?1", error);
    TiduPolicy *policy = NULL;

    if (stmt == NULL)
      return NULL;
    tidu_bind_text (stmt, 1, key);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      policy = policy_from_row (stmt, error);
    sqlite3_reset (stmt);
    if (policy != NULL)
      return policy;
  }
  if (error != NULL && *error == NULL)
    g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no policy “%s”."), key);
  return NULL;
}

static gboolean
insert_policy (TiduDatabase  *db,
               TiduPolicy    *policy,
               GError       **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *from = g_date_valid (&policy->effective_from) ? tidu_date_to_iso (&policy->effective_from) : NULL;
  g_autofree char *to = g_date_valid (&policy->effective_to) ? tidu_date_to_iso (&policy->effective_to) : NULL;

  stmt = tidu_database_prepare (db,
                                "INSERT INTO policies (id, code, version, title, doc_number, issuer, region_name, "
                                "effective_from, effective_to, builtin, body) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, policy->id);
  tidu_bind_text (stmt, 2, policy->code);
  tidu_bind_text (stmt, 3, policy->version);
  tidu_bind_text (stmt, 4, policy->title);
  tidu_bind_text (stmt, 5, policy->doc_number);
  tidu_bind_text (stmt, 6, policy->issuer);
  tidu_bind_text (stmt, 7, policy->region_name);
  tidu_bind_text (stmt, 8, from);
  tidu_bind_text (stmt, 9, to);
  sqlite3_bind_int (stmt, 10, policy->builtin ? 1 : 0);
  tidu_bind_text (stmt, 11, policy->body);
  return tidu_database_step_done (db, stmt, error);
}

static gboolean
code_taken (TiduDatabase  *db,
            const char    *code,
            const char    *version,
            gboolean      *taken,
            GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db,
                                              "SELECT 1 FROM policies WHERE deleted_at IS NULL AND code = ?1 "
                                              "AND (?2 IS NULL OR version = ?2)",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, code);
  tidu_bind_text (stmt, 2, version);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the policies"), error);
  *taken = rc == SQLITE_ROW;
  return TRUE;
}

static TiduPolicy *
store_user_policy (TiduDatabase  *db,
                   TiduPolicy    *policy,
                   GError       **error)
{
  g_autoptr(TiduPolicy) builtin = find_builtin (policy->code, NULL);
  gboolean taken = FALSE;

  if (builtin != NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE,
                   _("“%s” is a built-in policy: it cannot be replaced. Copy it under another code to change it."),
                   policy->code);
      return NULL;
    }
  if (!tidu_database_begin (db, error))
    return NULL;
  if (!code_taken (db, policy->code, policy->version, &taken, error))
    goto error;
  if (taken)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE,
                   _("Policy “%s” version %s is already imported; give the file another version."),
                   policy->code, policy->version);
      goto error;
    }
  policy->id = tidu_record_new_id ();
  policy->builtin = FALSE;
  if (!insert_policy (db, policy, error) || !tidu_database_commit (db, error))
    goto error;
  return tidu_policy_ref (policy);

error:
  tidu_database_rollback (db);
  g_clear_pointer (&policy->id, g_free);
  return NULL;
}

TiduPolicy *
tidu_policy_import (TiduDatabase  *db,
                    const char    *data,
                    gssize         length,
                    GError       **error)
{
  g_autoptr(TiduPolicy) policy = tidu_policy_load_from_data (data, length, error);

  if (policy == NULL)
    return NULL;
  return store_user_policy (db, policy, error);
}

TiduPolicy *
tidu_policy_copy (TiduDatabase      *db,
                  const TiduPolicy  *policy,
                  const char        *new_code,
                  const char        *new_title,
                  GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(TiduPolicy) copy = NULL;
  g_autofree char *body = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, policy->body, -1, error))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (object, "code", new_code);
  if (new_title != NULL)
    json_object_set_string_member (object, "title", new_title);
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  body = json_generator_to_data (generator, NULL);
  copy = tidu_policy_load_from_data (body, -1, error);
  if (copy == NULL)
    return NULL;
  return store_user_policy (db, copy, error);
}

gboolean
tidu_policy_delete (TiduDatabase  *db,
                    const char    *id,
                    GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db, "SELECT builtin FROM policies WHERE id = ?1 AND deleted_at IS NULL", error);
  int rc;
  gboolean builtin;

  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  builtin = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (builtin || (rc == SQLITE_DONE && strchr (id, '@') != NULL))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, _("Built-in policies cannot be deleted."));
      return FALSE;
    }
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no policy “%s”."), id);
      return FALSE;
    }
  return tidu_record_set_deleted_in_transaction (db, "policies", id, TRUE, error);
}

gboolean
tidu_policy_ensure_stored (TiduDatabase  *db,
                           TiduPolicy    *policy,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (policy->id != NULL, FALSE);
  stmt = tidu_database_prepare (db, "SELECT 1 FROM policies WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, policy->id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the policies"), error);
  if (!policy->builtin)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no policy “%s”."), policy->id);
      return FALSE;
    }
  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!insert_policy (db, policy, error) || !tidu_database_commit (db, error))
    {
      tidu_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}
