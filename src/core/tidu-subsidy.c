/* tidu-subsidy.c: the subsidy engine: exact integer arithmetic, an explanation citing the
 * article for every step, pre-fill from the records and the yearly batch.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-money.h"
#include "tidu-policy-private.h"
#include "tidu-record-private.h"
#include "tidu-subsidy.h"

/* ------------------------------------------------------------------ entity kinds */

static const char *const entity_names[] = { "", "carrier", "firm", "talent", "payee" };

const char *
tidu_subsidy_entity_kind_to_string (TiduSubsidyEntityKind kind)
{
  if ((guint) kind < G_N_ELEMENTS (entity_names) && kind != TIDU_SUBSIDY_ENTITY_NONE)
    return entity_names[kind];
  return NULL;
}

gboolean
tidu_subsidy_entity_kind_from_string (const char            *text,
                                      TiduSubsidyEntityKind *kind)
{
  for (guint i = 1; i < G_N_ELEMENTS (entity_names); i++)
    if (g_strcmp0 (entity_names[i], text) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* The subsidy_awards column of an entity kind (names from this file only). */
static const char *
entity_column (TiduSubsidyEntityKind kind)
{
  switch (kind)
    {
    case TIDU_SUBSIDY_ENTITY_CARRIER: return "carrier_id";
    case TIDU_SUBSIDY_ENTITY_FIRM: return "firm_id";
    case TIDU_SUBSIDY_ENTITY_TALENT: return "talent_id";
    case TIDU_SUBSIDY_ENTITY_PAYEE: return "payee";
    case TIDU_SUBSIDY_ENTITY_NONE:
    default: return NULL;
    }
}

/* ------------------------------------------------------------------ context */

static void
prior_award_free (TiduPriorAward *prior)
{
  g_free (prior->award_id);
  g_free (prior->rule_id);
  g_free (prior);
}

TiduSubsidyContext *
tidu_subsidy_context_new (void)
{
  TiduSubsidyContext *context = g_new0 (TiduSubsidyContext, 1);

  context->prior = g_ptr_array_new_with_free_func ((GDestroyNotify) prior_award_free);
  return context;
}

void
tidu_subsidy_context_free (TiduSubsidyContext *context)
{
  if (context == NULL)
    return;
  g_free (context->entity_id);
  g_ptr_array_unref (context->prior);
  g_free (context);
}

static void
context_add (TiduSubsidyContext *context,
             const char         *award_id,
             const char         *rule_id,
             int                 year,
             gint64              amount)
{
  TiduPriorAward *prior = g_new0 (TiduPriorAward, 1);

  prior->award_id = g_strdup (award_id);
  prior->rule_id = g_strdup (rule_id);
  prior->year = year;
  prior->amount = amount;
  g_ptr_array_add (context->prior, prior);
}

void
tidu_subsidy_context_add_prior (TiduSubsidyContext *context,
                                const char         *rule_id,
                                int                 year,
                                gint64              amount)
{
  g_return_if_fail (context != NULL && rule_id != NULL && amount >= 0);
  context_add (context, NULL, rule_id, year, amount);
}

gint64
tidu_subsidy_context_prior_total (const TiduSubsidyContext *context,
                                  const char * const       *rule_ids,
                                  guint                    *n_awards)
{
  gint64 total = 0;
  guint n = 0;

  for (guint i = 0; context != NULL && i < context->prior->len; i++)
    {
      const TiduPriorAward *prior = g_ptr_array_index (context->prior, i);

      if (rule_ids == NULL || g_strv_contains (rule_ids, prior->rule_id))
        {
          total += prior->amount;
          n++;
        }
    }
  if (n_awards != NULL)
    *n_awards = n;
  return total;
}

TiduSubsidyContext *
tidu_subsidy_context_load (TiduDatabase          *db,
                           const TiduPolicy      *policy,
                           TiduSubsidyEntityKind  entity_kind,
                           const char            *entity_id,
                           int                    year,
                           const char            *exclude_award_id,
                           GError               **error)
{
  g_autoptr(TiduSubsidyContext) context = tidu_subsidy_context_new ();
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  const char *column = entity_column (entity_kind);
  int rc;

  g_return_val_if_fail (column != NULL && entity_id != NULL, NULL);

  context->entity_kind = entity_kind;
  context->entity_id = g_strdup (entity_id);
  context->year = year;
  if (policy->id == NULL)
    return g_steal_pointer (&context);

  sql = g_strdup_printf ("SELECT id, rule_id, ifnull (year, 0), " TIDU_AWARD_EFFECTIVE_SQL " FROM subsidy_awards "
                         "WHERE policy_id = ?1 AND %s = ?2 AND status <> 'cancelled' AND deleted_at IS NULL "
                         "AND (?3 IS NULL OR id <> ?3) ORDER BY created_at", column);
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, policy->id);
  tidu_bind_text (stmt, 2, entity_id);
  tidu_bind_text (stmt, 3, exclude_award_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    context_add (context, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                 sqlite3_column_int (stmt, 2), sqlite3_column_int64 (stmt, 3));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the subsidy ledger"), error);
      return NULL;
    }
  return g_steal_pointer (&context);
}

/* ------------------------------------------------------------------ inputs */

GHashTable *
tidu_subsidy_inputs_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

char *
tidu_subsidy_inputs_to_json (GHashTable *inputs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) keys = g_hash_table_get_keys (inputs);

  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  json_builder_begin_object (builder);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (inputs, l->data));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

GHashTable *
tidu_subsidy_inputs_from_json (const char  *json,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT, _("The inputs must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      char *text;

      if (!JSON_NODE_HOLDS_VALUE (node))
        continue;
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        text = g_strdup (json_node_get_string (node));
      else
        continue;
      g_hash_table_insert (inputs, g_strdup (l->data), text);
    }
  return g_steal_pointer (&inputs);
}

/* ------------------------------------------------------------------ JSON text */

/* The batch writes thousands of rows: a JsonBuilder tree, then a JsonGenerator pass, cost more
 * than all of the calculation. This writer appends straight to a GString, in the exact layout
 * JsonGenerator gives (pretty: two-space indent, "name" : value, [] and {  } when empty; compact:
 * no spaces) and with its escapes, so files, tests and scripts see the same text. The one
 * difference: U+001F is escaped (JsonGenerator 1.6 leaves it raw, which is not valid JSON). */

typedef struct
{
  GString  *out;
  gboolean  pretty;
  guint     depth;
  gboolean  after_name;   /* the next value follows a member name */
  guint     count[16];    /* elements so far in each open container */
} JsonText;

static void
json_text_init (JsonText *json,
                gboolean  pretty,
                gsize     reserve)
{
  memset (json, 0, sizeof *json);
  json->out = g_string_sized_new (reserve);
  json->pretty = pretty;
}

static void
json_text_indent (JsonText *json)
{
  g_string_append_c (json->out, '\n');
  for (guint i = 0; i < json->depth; i++)
    g_string_append (json->out, "  ");
}

/* Before a value or a member name: the comma and the line of the element. */
static void
json_text_element (JsonText *json)
{
  if (json->after_name)
    {
      json->after_name = FALSE;
      return;
    }
  if (json->depth == 0)
    return;
  if (json->count[json->depth - 1]++ > 0)
    g_string_append_c (json->out, ',');
  if (json->pretty)
    json_text_indent (json);
}

static void
json_text_escape (GString    *out,
                  const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *run = (const guchar *) (text != NULL ? text : "");
  const guchar *p = run;

  g_string_append_c (out, '"');
  for (;; p++)
    {
      const char *escape;
      char code[7];

      if (*p >= 0x20 && *p != '"' && *p != '\\' && *p != 0x7f)
        continue;
      /* Characters that need no escape are copied a run at a time. */
      g_string_append_len (out, (const char *) run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '\0': g_string_append_c (out, '"'); return;
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          memcpy (code, "\\u00", 4);
          code[4] = hex[*p >> 4];
          code[5] = hex[*p & 0xf];
          code[6] = '\0';
          escape = code;
        }
      g_string_append (out, escape);
    }
}

static void
json_text_begin (JsonText *json,
                 char      open)
{
  json_text_element (json);
  g_string_append_c (json->out, open);
  g_assert (json->depth < G_N_ELEMENTS (json->count));
  json->count[json->depth++] = 0;
}

static void
json_text_end (JsonText *json,
               char      close)
{
  guint n = json->count[--json->depth];

  if (n == 0)
    {
      if (json->pretty && close == '}')
        g_string_append (json->out, "  ");
    }
  else if (json->pretty)
    json_text_indent (json);
  g_string_append_c (json->out, close);
}

static void
json_text_name (JsonText   *json,
                const char *name)
{
  json_text_element (json);
  json_text_escape (json->out, name);
  g_string_append (json->out, json->pretty ? " : " : ":");
  json->after_name = TRUE;
}

static void
json_text_string (JsonText   *json,
                  const char *value)
{
  json_text_element (json);
  json_text_escape (json->out, value);
}

static void
json_text_int (JsonText *json,
               gint64    value)
{
  json_text_element (json);
  g_string_append_printf (json->out, "%" G_GINT64_FORMAT, value);
}

static void
json_text_bool (JsonText *json,
                gboolean  value)
{
  json_text_element (json);
  g_string_append (json->out, value ? "true" : "false");
}

static void
json_text_null (JsonText *json)
{
  json_text_element (json);
  g_string_append (json->out, "null");
}

static char *
json_text_free (JsonText *json)
{
  return g_string_free (g_steal_pointer (&json->out), FALSE);
}

/* ------------------------------------------------------------------ results */

void
tidu_subsidy_result_free (TiduSubsidyResult *result)
{
  if (result == NULL)
    return;
  g_free (result->policy_id);
  g_free (result->policy_code);
  g_free (result->rule_id);
  g_free (result->article);
  g_ptr_array_unref (result->steps);
  g_free (result->level);
  g_free (result->inputs_json);
  g_free (result);
}

char *
tidu_subsidy_result_explanation (const TiduSubsidyResult *result)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < result->steps->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, g_ptr_array_index (result->steps, i));
    }
  return g_string_free (out, FALSE);
}

static void
build_result (JsonBuilder             *builder,
              const TiduSubsidyResult *result)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "policy");
  json_builder_add_string_value (builder, result->policy_code);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, result->rule_id);
  json_builder_set_member_name (builder, "article");
  json_builder_add_string_value (builder, result->article);
  json_builder_set_member_name (builder, "eligible");
  json_builder_add_boolean_value (builder, result->eligible);
  json_builder_set_member_name (builder, "amount");
  if (TIDU_IS_SET (result->amount))
    json_builder_add_int_value (builder, result->amount);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "min");
  json_builder_add_int_value (builder, result->min);
  json_builder_set_member_name (builder, "max");
  json_builder_add_int_value (builder, result->max);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->steps->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->steps, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static char *
builder_to_text (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

char *
tidu_subsidy_result_to_json (const TiduSubsidyResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_result (builder, result);
  return builder_to_text (builder);
}

/* ------------------------------------------------------------------ exact arithmetic */

static gboolean
overflow (GError **error)
{
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
               _("The amount is too large to compute exactly."));
  return FALSE;
}

/* a × num / den, rounded, all non-negative. */
static gboolean
mul_div (gint64        a,
         gint64        num,
         gint64        den,
         TiduRounding  rounding,
         gint64       *out,
         GError      **error)
{
  gint64 product, q, r;

  g_assert (a >= 0 && num >= 0 && den > 0);
  if (__builtin_mul_overflow (a, num, &product))
    return overflow (error);
  q = product / den;
  r = product % den;
  switch (rounding)
    {
    case TIDU_ROUNDING_HALF_UP:
      if (r >= den - r)
        q++;
      break;
    case TIDU_ROUNDING_UP:
      if (r != 0)
        q++;
      break;
    case TIDU_ROUNDING_DOWN:
    default:
      break;
    }
  if (q > TIDU_MONEY_MAX)
    return overflow (error);
  *out = q;
  return TRUE;
}

/* ------------------------------------------------------------------ the calculation */

typedef struct
{
  gboolean present;
  gint64   num;      /* money in 元, integers, decimals × den */
  gint64   den;
  const char *choice; /* the declared value */
  const char *label;  /* the choice's label */
} Value;

typedef struct
{
  const TiduPolicy         *policy;
  const TiduPolicyRule     *rule;
  const TiduSubsidyContext *context;
  GHashTable               *values;   /* name → Value* */
  GPtrArray                *steps;
  GPtrArray                *garbage;
  GError                  **error;
} Calc;

typedef struct
{
  gboolean eligible;
  gboolean officer;  /* decided by the officer in [min, max] */
  gint64   amount;
  gint64   min;
  gint64   max;
} Outcome;

static const char *
M (Calc   *calc,
   gint64  yuan)
{
  char *text = tidu_money_format (yuan, TIDU_MONEY_UNIT_YUAN);

  g_ptr_array_add (calc->garbage, text);
  return text;
}

static const char *
R (Calc           *calc,
   const TiduRate *rate)
{
  char *text = tidu_rate_format (rate);

  g_ptr_array_add (calc->garbage, text);
  return text;
}

static const char *
N (Calc       *calc,
   const Value *value)
{
  char *text;

  if (value->den == 1)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, value->num);
  else
    {
      int decimals = 0;
      gint64 d = value->den;

      while (d > 1)
        {
          d /= 10;
          decimals++;
        }
      text = g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, value->num / value->den, decimals,
                              value->num % value->den);
    }
  g_ptr_array_add (calc->garbage, text);
  return text;
}

static void step (Calc *calc, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
step (Calc       *calc,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *sentence = NULL;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: an explanation step, then the article of the policy it applies */
  g_ptr_array_add (calc->steps, g_strdup_printf (_("%s (%s)"), sentence, calc->rule->article));
}

static const TiduPolicyInput *
input_decl (Calc       *calc,
            const char *name)
{
  return tidu_policy_rule_get_input (calc->rule, name);
}

static const Value *
value_of (Calc       *calc,
          const char *name)
{
  const Value *value = name != NULL ? g_hash_table_lookup (calc->values, name) : NULL;
  static const Value absent = { FALSE, 0, 1, NULL, NULL };

  return value != NULL ? value : &absent;
}

static const char *
label_of (Calc       *calc,
          const char *name)
{
  const TiduPolicyInput *input = input_decl (calc, name);

  return input != NULL ? input->label : name;
}

static void
nothing (Outcome *outcome)
{
  outcome->eligible = FALSE;
  outcome->officer = FALSE;
  outcome->amount = 0;
  outcome->min = 0;
  outcome->max = 0;
}

static void
fixed (Outcome *outcome,
       gint64   amount)
{
  outcome->eligible = amount > 0;
  outcome->officer = FALSE;
  outcome->amount = amount;
  outcome->min = amount;
  outcome->max = amount;
}

/* "省级, 一等奖" and "provincial/1" for the table keys. */
static void
table_key (Calc       *calc,
           GStrv       keys,
           char      **key,
           char      **labels)
{
  GString *k = g_string_new (NULL);
  GString *l = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const Value *value = value_of (calc, keys[i]);

      if (i > 0)
        {
          g_string_append_c (k, '/');
          /* Translators: separates the choices naming a row of a table: "省级, 一等奖" */
          g_string_append (l, _(", "));
        }
      if (value->choice != NULL)
        {
          g_string_append (k, value->choice);
          g_string_append (l, value->label);
        }
      else
        {
          g_string_append_printf (k, "%" G_GINT64_FORMAT, value->num);
          g_string_append_printf (l, "%s %" G_GINT64_FORMAT, label_of (calc, keys[i]), value->num);
        }
    }
  *key = g_string_free (k, FALSE);
  *labels = g_string_free (l, FALSE);
}

static gboolean
apply_cap (Calc    *calc,
           gint64   cap,
           gboolean per_year,
           gint64  *amount)
{
  if (TIDU_IS_SET (cap) && *amount > cap)
    {
      *amount = cap;
      if (per_year)
        step (calc, _("Capped at %s a year"), M (calc, cap));
      else
        step (calc, _("Capped at %s"), M (calc, cap));
    }
  return TRUE;
}

static gboolean
require (Calc        *calc,
         const char  *name)
{
  if (value_of (calc, name)->present)
    return TRUE;
  g_set_error (calc->error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
               /* Translators: an input's label, then its name */
               _("%s (%s) is missing."), label_of (calc, name), name);
  return FALSE;
}

static gboolean eval (Calc *calc, const TiduRuleSpec *spec, Outcome *outcome);

static gboolean
eval_officer (Calc               *calc,
              const TiduRuleSpec *spec,
              Outcome            *outcome)
{
  const Value *amount = value_of (calc, spec->amount_input);
  gboolean range = spec->kind == TIDU_RULE_KIND_RANGE;

  if (amount->present)
    {
      if (amount->num < spec->min || (TIDU_IS_SET (spec->max) && amount->num > spec->max))
        {
          g_set_error (calc->error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("%s (%s) must be between %s and %s."), label_of (calc, spec->amount_input),
                       spec->amount_input, M (calc, spec->min), M (calc, spec->max));
          return FALSE;
        }
      if (range)
        step (calc, _("Amount decided by the officer: %s, within %s–%s"), M (calc, amount->num),
              M (calc, spec->min), M (calc, spec->max));
      else if (TIDU_IS_SET (spec->max))
        step (calc, _("Amount decided case by case: %s, within the ceiling of %s"), M (calc, amount->num),
              M (calc, spec->max));
      else
        step (calc, _("Amount decided case by case: %s"), M (calc, amount->num));
      fixed (outcome, amount->num);
      return TRUE;
    }
  if (!TIDU_IS_SET (spec->max))
    return require (calc, spec->amount_input);
  if (range)
    step (calc, _("The officer decides the amount between %s and %s"), M (calc, spec->min), M (calc, spec->max));
  else
    step (calc, _("Decided case by case, up to %s"), M (calc, spec->max));
  outcome->eligible = spec->max > 0;
  outcome->officer = TRUE;
  outcome->amount = TIDU_UNSET;
  outcome->min = spec->min;
  outcome->max = spec->max;
  return TRUE;
}

/* Applies f (monotone) to an outcome's amount or to both ends of its range. */
typedef gboolean (*Transform) (Calc *calc, gpointer data, gint64 in, gint64 *out);

static gboolean
transform (Calc      *calc,
           Outcome   *outcome,
           Transform  f,
           gpointer   data)
{
  if (!outcome->eligible)
    return TRUE;
  if (outcome->officer)
    {
      if (!f (calc, data, outcome->min, &outcome->min) || !f (calc, data, outcome->max, &outcome->max))
        return FALSE;
      outcome->eligible = outcome->max > 0;
      return TRUE;
    }
  if (!f (calc, data, outcome->amount, &outcome->amount))
    return FALSE;
  outcome->min = outcome->max = outcome->amount;
  outcome->eligible = outcome->amount > 0;
  return TRUE;
}

static gboolean
limit_to (Calc    *calc,
          gpointer data,
          gint64   in,
          gint64  *out)
{
  gint64 limit = *(gint64 *) data;

  (void) calc;
  *out = MIN (in, limit);
  return TRUE;
}

typedef struct
{
  TiduRate     rate;
  TiduRounding rounding;
} Share;

static gboolean
share_of (Calc    *calc,
          gpointer data,
          gint64   in,
          gint64  *out)
{
  Share *share = data;

  return mul_div (in, share->rate.num, share->rate.den, share->rounding, out, calc->error);
}

static gboolean
eval (Calc               *calc,
      const TiduRuleSpec *spec,
      Outcome            *outcome)
{
  TiduRounding rounding = calc->rule->rounding;

  nothing (outcome);
  switch (spec->kind)
    {
    case TIDU_RULE_KIND_FIXED_BY_LEVEL:
    case TIDU_RULE_KIND_TOP_UP:
      {
        const Value *level;
        gint64 *amount;
        gint64 paid = 0;

        if (!require (calc, spec->input))
          return FALSE;
        level = value_of (calc, spec->input);
        amount = g_hash_table_lookup (spec->amounts, level->choice);
        if (amount == NULL)
          {
            step (calc, _("No amount is set for %s: nothing is due"), level->label);
            return TRUE;
          }
        step (calc, _("Amount for %s: %s"), level->label, M (calc, *amount));
        if (spec->kind == TIDU_RULE_KIND_FIXED_BY_LEVEL)
          {
            fixed (outcome, *amount);
            return TRUE;
          }
        if (value_of (calc, spec->paid_input)->present)
          {
            paid = value_of (calc, spec->paid_input)->num;
            step (calc, _("Already paid (%s): %s"), label_of (calc, spec->paid_input), M (calc, paid));
          }
        else if (calc->context != NULL && calc->context->entity_id != NULL)
          {
            guint n;

            paid = tidu_subsidy_context_prior_total (calc->context, (const char * const *) spec->rules, &n);
            step (calc, _("Already paid under this rule according to the ledger: %s"), M (calc, paid));
          }
        if (paid >= *amount)
          {
            step (calc, _("Already paid %s, which reaches %s: nothing more is due"), M (calc, paid), M (calc, *amount));
            return TRUE;
          }
        if (paid > 0)
          step (calc, _("Top-up: %s − %s = %s"), M (calc, *amount), M (calc, paid), M (calc, *amount - paid));
        fixed (outcome, *amount - paid);
        return TRUE;
      }

    case TIDU_RULE_KIND_PERCENT_WITH_CAP:
      {
        const Value *base;
        TiduRate rate = spec->rate;
        gint64 amount;

        if (!require (calc, spec->base))
          return FALSE;
        base = value_of (calc, spec->base);
        if (spec->rate_by != NULL)
          {
            const Value *by;
            TiduRate *found;

            if (!require (calc, spec->rate_by))
              return FALSE;
            by = value_of (calc, spec->rate_by);
            found = g_hash_table_lookup (spec->rates, by->choice);
            if (found == NULL)
              {
                step (calc, _("No rate is set for %s: nothing is due"), by->label);
                return TRUE;
              }
            rate = *found;
          }
        if (!mul_div (base->num, rate.num, rate.den, rounding, &amount, calc->error))
          return FALSE;
        step (calc, _("%s × %s = %s"), R (calc, &rate), M (calc, base->num), M (calc, amount));
        apply_cap (calc, spec->cap, FALSE, &amount);
        fixed (outcome, amount);
        return TRUE;
      }

    case TIDU_RULE_KIND_THRESHOLD_GATED:
      {
        const Value *value;
        gboolean pass;

        if (!require (calc, spec->input))
          return FALSE;
        value = value_of (calc, spec->input);
        /* value->num / value->den against the threshold, exactly. */
        {
          gint64 threshold;

          if (__builtin_mul_overflow (spec->min, value->den, &threshold))
            return overflow (calc->error);
          pass = spec->inclusive ? value->num >= threshold : value->num > threshold;
        }
        {
          const char *shown = input_decl (calc, spec->input)->type == TIDU_INPUT_MONEY ? M (calc, value->num) : N (calc, value);

          if (pass && spec->inclusive)
            step (calc, _("%s %s is at least %s: the rule applies"), label_of (calc, spec->input), shown, M (calc, spec->min));
          else if (pass)
            step (calc, _("%s %s is more than %s: the rule applies"), label_of (calc, spec->input), shown, M (calc, spec->min));
          else if (spec->inclusive)
            step (calc, _("%s %s is below %s: nothing is due"), label_of (calc, spec->input), shown, M (calc, spec->min));
          else
            step (calc, _("%s %s is not more than %s: nothing is due"), label_of (calc, spec->input), shown, M (calc, spec->min));
        }
        if (!pass)
          return TRUE;
        return eval (calc, spec->inner, outcome);
      }

    case TIDU_RULE_KIND_PER_UNIT_WITH_CAP:
      {
        const Value *count;
        gint64 amount;

        if (!require (calc, spec->input))
          return FALSE;
        count = value_of (calc, spec->input);
        if (!mul_div (spec->unit_amount, count->num, count->den, rounding, &amount, calc->error))
          return FALSE;
        step (calc, _("%s × %s = %s"), M (calc, spec->unit_amount), N (calc, count), M (calc, amount));
        apply_cap (calc, spec->cap, FALSE, &amount);
        fixed (outcome, amount);
        if (amount == 0)
          step (calc, _("Nothing is due"));
        return TRUE;
      }

    case TIDU_RULE_KIND_MULTI_YEAR_SCHEDULE:
      {
        const Value *year;
        const TiduScheduleEntry *entry;
        gint64 amount;
        g_autofree char *index = NULL;

        if (!require (calc, spec->input))
          return FALSE;
        year = value_of (calc, spec->input);
        index = g_strdup_printf ("%" G_GINT64_FORMAT, year->num);
        if (year->num < 1 || year->num > spec->schedule->len)
          {
            g_autofree char *length = g_strdup_printf ("%u", spec->schedule->len);
            step (calc, _("Year %s is outside the %s-year schedule: nothing is due"), index, length);
            return TRUE;
          }
        entry = &g_array_index (spec->schedule, TiduScheduleEntry, year->num - 1);
        if (entry->has_rate)
          {
            const Value *base;

            if (!require (calc, spec->base))
              return FALSE;
            base = value_of (calc, spec->base);
            if (!mul_div (base->num, entry->rate.num, entry->rate.den, rounding, &amount, calc->error))
              return FALSE;
            step (calc, _("Year %s of the schedule: %s × %s = %s"), index, R (calc, &entry->rate),
                  M (calc, base->num), M (calc, amount));
          }
        else
          {
            amount = entry->amount;
            step (calc, _("Year %s of the schedule: %s"), index, M (calc, amount));
          }
        apply_cap (calc, spec->cap, TRUE, &amount);
        fixed (outcome, amount);
        if (amount == 0)
          step (calc, _("Nothing is due"));
        return TRUE;
      }

    case TIDU_RULE_KIND_GROWTH_CONDITIONED_INCREMENT:
      {
        const Value *value, *previous;
        gint64 increase, lhs, rhs, amount;

        if (!require (calc, spec->input) || !require (calc, spec->previous))
          return FALSE;
        value = value_of (calc, spec->input);
        previous = value_of (calc, spec->previous);
        if (TIDU_IS_SET (spec->min))
          {
            gboolean pass = spec->inclusive ? value->num >= spec->min : value->num > spec->min;

            if (pass && spec->inclusive)
              step (calc, _("%s %s is at least %s"), label_of (calc, spec->input), M (calc, value->num), M (calc, spec->min));
            else if (pass)
              step (calc, _("%s %s is more than %s"), label_of (calc, spec->input), M (calc, value->num), M (calc, spec->min));
            else if (spec->inclusive)
              step (calc, _("%s %s is below %s: nothing is due"), label_of (calc, spec->input), M (calc, value->num), M (calc, spec->min));
            else
              step (calc, _("%s %s is not more than %s: nothing is due"), label_of (calc, spec->input), M (calc, value->num), M (calc, spec->min));
            if (!pass)
              return TRUE;
          }
        if (previous->num <= 0)
          {
            step (calc, _("There is no previous value to measure growth against: nothing is due"));
            return TRUE;
          }
        increase = value->num - previous->num;
        /* growth = increase / previous, compared exactly: increase × den ≥ num × previous */
        if (__builtin_mul_overflow (increase > 0 ? increase : 0, spec->min_growth.den, &lhs) ||
            __builtin_mul_overflow (spec->min_growth.num, previous->num, &rhs))
          return overflow (calc->error);
        {
          g_autofree char *shown = NULL;
          gint64 per_mille_x10;

          /* The growth shown to one decimal of a percent (display only; the test above is exact). */
          if (increase > 0)
            {
              if (!mul_div (increase, 1000, previous->num, TIDU_ROUNDING_HALF_UP, &per_mille_x10, calc->error))
                return FALSE;
              shown = g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "%%", per_mille_x10 / 10, per_mille_x10 % 10);
            }
          else
            shown = g_strdup_printf ("%s%%", increase < 0 ? "−" : "0");
          if (increase <= 0 || lhs < rhs)
            {
              step (calc, _("Growth (%s − %s) ÷ %s = %s, below %s: nothing is due"), M (calc, value->num),
                    M (calc, previous->num), M (calc, previous->num), shown, R (calc, &spec->min_growth));
              return TRUE;
            }
          step (calc, _("Growth (%s − %s) ÷ %s = %s, at least %s"), M (calc, value->num), M (calc, previous->num),
                M (calc, previous->num), shown, R (calc, &spec->min_growth));
        }
        if (!mul_div (increase, spec->rate.num, spec->rate.den, rounding, &amount, calc->error))
          return FALSE;
        step (calc, _("%s × %s = %s"), R (calc, &spec->rate), M (calc, increase), M (calc, amount));
        apply_cap (calc, spec->cap, FALSE, &amount);
        fixed (outcome, amount);
        return TRUE;
      }

    case TIDU_RULE_KIND_RANK_OR_GRADE_TABLE:
    case TIDU_RULE_KIND_COMBINED_LEVEL_CAP:
      {
        g_autofree char *key = NULL;
        g_autofree char *labels = NULL;
        gint64 *amount;
        gint64 paid;

        for (guint i = 0; spec->keys[i] != NULL; i++)
          if (!require (calc, spec->keys[i]))
            return FALSE;
        table_key (calc, spec->keys, &key, &labels);
        amount = g_hash_table_lookup (spec->amounts, key);
        if (amount == NULL)
          {
            step (calc, _("No amount is set for %s: nothing is due"), labels);
            return TRUE;
          }
        if (spec->kind == TIDU_RULE_KIND_RANK_OR_GRADE_TABLE)
          {
            step (calc, _("Amount for %s: %s"), labels, M (calc, *amount));
            fixed (outcome, *amount);
            return TRUE;
          }
        step (calc, _("Cap for %s shared by all levels: %s"), labels, M (calc, *amount));
        paid = value_of (calc, spec->paid_input)->present ? value_of (calc, spec->paid_input)->num : 0;
        step (calc, _("Paid by other levels: %s"), M (calc, paid));
        if (paid >= *amount)
          {
            step (calc, _("Other levels already paid %s, which reaches the shared cap of %s: nothing is due"),
                  M (calc, paid), M (calc, *amount));
            return TRUE;
          }
        step (calc, _("This level pays %s − %s = %s"), M (calc, *amount), M (calc, paid), M (calc, *amount - paid));
        fixed (outcome, *amount - paid);
        return TRUE;
      }

    case TIDU_RULE_KIND_COUNT_TIER_TABLE:
      {
        const Value *count;
        g_autofree char *lowest = NULL;

        if (!require (calc, spec->input))
          return FALSE;
        count = value_of (calc, spec->input);
        for (guint i = 0; i < spec->tiers->len; i++)
          {
            const TiduCountTier *tier = &g_array_index (spec->tiers, TiduCountTier, i);

            if (count->num >= tier->min)
              {
                g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, tier->min);

                step (calc, _("%s: %s, at least %s: %s"), label_of (calc, spec->input), N (calc, count), min,
                      M (calc, tier->amount));
                fixed (outcome, tier->amount);
                return TRUE;
              }
          }
        lowest = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (spec->tiers, TiduCountTier, spec->tiers->len - 1).min);
        step (calc, _("%s: %s, below the lowest tier of %s: nothing is due"), label_of (calc, spec->input),
              N (calc, count), lowest);
        return TRUE;
      }

    case TIDU_RULE_KIND_RANGE:
    case TIDU_RULE_KIND_CASE_BY_CASE:
      return eval_officer (calc, spec, outcome);

    case TIDU_RULE_KIND_LIFETIME_CAP:
      {
        guint n = 0;
        gint64 prior = tidu_subsidy_context_prior_total (calc->context, (const char * const *) spec->rules, &n);
        gint64 remaining = prior >= spec->cap ? 0 : spec->cap - prior;
        gint64 before;

        if (!eval (calc, spec->inner, outcome))
          return FALSE;
        if (!outcome->eligible)
          return TRUE;
        if (n > 0)
          {
            g_autofree char *count = g_strdup_printf ("%u", n);
            step (calc, _("Awarded earlier under this cap: %s in %s awards; %s of the lifetime cap of %s remains"),
                  M (calc, prior), count, M (calc, remaining), M (calc, spec->cap));
          }
        else
          step (calc, _("Nothing awarded earlier under the lifetime cap of %s"), M (calc, spec->cap));
        before = outcome->officer ? outcome->max : outcome->amount;
        if (!transform (calc, outcome, limit_to, &remaining))
          return FALSE;
        if (remaining == 0)
          step (calc, _("The lifetime cap of %s is used up: nothing is due"), M (calc, spec->cap));
        else if (before > remaining)
          step (calc, _("Limited to the remaining %s"), M (calc, remaining));
        return TRUE;
      }

    case TIDU_RULE_KIND_ONCE_ONLY:
      {
        guint n = 0;

        tidu_subsidy_context_prior_total (calc->context, (const char * const *) spec->rules, &n);
        if (n > 0)
          {
            step (calc, _("Already awarded before: paid only once, nothing is due"));
            return TRUE;
          }
        if (calc->context != NULL && calc->context->entity_id != NULL)
          step (calc, _("Not awarded before according to the ledger: paid once"));
        else
          step (calc, _("Paid only once per recipient"));
        return eval (calc, spec->inner, outcome);
      }

    case TIDU_RULE_KIND_RANK_SHARE:
      {
        const Value *position;
        Share share;
        g_autofree char *index = NULL;
        gint64 before;

        if (!require (calc, spec->input))
          return FALSE;
        position = value_of (calc, spec->input);
        index = g_strdup_printf ("%" G_GINT64_FORMAT, position->num);
        if (position->num < 1 || position->num > spec->shares->len)
          {
            g_autofree char *length = g_strdup_printf ("%u", spec->shares->len);
            step (calc, _("Position %s receives no share (only the first %s do): nothing is due"), index, length);
            return TRUE;
          }
        if (!eval (calc, spec->inner, outcome))
          return FALSE;
        if (!outcome->eligible)
          return TRUE;
        share.rate = g_array_index (spec->shares, TiduRate, position->num - 1);
        share.rounding = rounding;
        before = outcome->officer ? outcome->max : outcome->amount;
        if (!transform (calc, outcome, share_of, &share))
          return FALSE;
        step (calc, _("Payee in position %s receives %s × %s = %s"), index, R (calc, &share.rate), M (calc, before),
              M (calc, outcome->officer ? outcome->max : outcome->amount));
        return TRUE;
      }

    case TIDU_N_RULE_KINDS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
parse_decimal (const char *text,
               gint64     *num,
               gint64     *den)
{
  gint64 n = 0, d = 1;
  gboolean dot = FALSE, digit = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.' && !dot)
        dot = TRUE;
      else if (g_ascii_isdigit (*p))
        {
          if (n > G_MAXINT64 / 100 || (dot && d >= 10000))
            return FALSE;
          n = n * 10 + (*p - '0');
          digit = TRUE;
          if (dot)
            d *= 10;
        }
      else if (*p != ',')
        return FALSE;
    }
  *num = n;
  *den = d;
  return digit;
}

static gboolean
parse_value (const TiduPolicyRule  *rule,
             const TiduPolicyInput *input,
             const char            *raw,
             Value                 *value,
             GError               **error)
{
  g_autofree char *text = g_strstrip (g_strdup (raw));
  g_autoptr(GError) local = NULL;

  (void) rule;
  value->present = TRUE;
  value->den = 1;
  switch (input->type)
    {
    case TIDU_INPUT_MONEY:
      if (!tidu_money_parse (text, TIDU_MONEY_UNIT_YUAN, &value->num, &local))
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       /* Translators: an input's label, its name, then what is wrong */
                       _("%s (%s): %s"), input->label, input->name, local->message);
          return FALSE;
        }
      break;
    case TIDU_INPUT_INTEGER:
      {
        gint64 v;

        if (!g_ascii_string_to_signed (text, 10, -TIDU_MONEY_MAX, TIDU_MONEY_MAX, &v, NULL))
          {
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                         _("%s (%s) must be a whole number, not “%s”."), input->label, input->name, raw);
            return FALSE;
          }
        value->num = v;
      }
      break;
    case TIDU_INPUT_DECIMAL:
      if (!parse_decimal (text, &value->num, &value->den))
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("%s (%s) must be a number such as 1234.5, not “%s”."), input->label, input->name, raw);
          return FALSE;
        }
      break;
    case TIDU_INPUT_CHOICE:
      {
        GString *allowed = g_string_new (NULL);

        for (guint i = 0; i < input->choices->len; i++)
          {
            const TiduInputChoice *choice = g_ptr_array_index (input->choices, i);

            if (g_strcmp0 (choice->value, text) == 0 || g_strcmp0 (choice->label, text) == 0)
              {
                value->choice = choice->value;
                value->label = choice->label;
                g_string_free (allowed, TRUE);
                return TRUE;
              }
            if (i > 0)
              g_string_append (allowed, ", ");
            g_string_append (allowed, choice->value);
          }
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                     _("%s (%s) must be one of %s, not “%s”."), input->label, input->name, allowed->str, raw);
        g_string_free (allowed, TRUE);
        return FALSE;
      }
    default:
      g_assert_not_reached ();
    }

  {
    gint64 min_scaled = input->min, max_scaled = input->max;

    if (TIDU_IS_SET (min_scaled) && __builtin_mul_overflow (input->min, value->den, &min_scaled))
      min_scaled = G_MAXINT64;
    if (TIDU_IS_SET (max_scaled) && __builtin_mul_overflow (input->max, value->den, &max_scaled))
      max_scaled = G_MAXINT64;
    if ((TIDU_IS_SET (input->min) && value->num < min_scaled) || (!TIDU_IS_SET (input->min) && value->num < 0))
      {
        g_autofree char *bound = input->type == TIDU_INPUT_MONEY ? tidu_money_format (TIDU_IS_SET (input->min) ? input->min : 0, TIDU_MONEY_UNIT_YUAN)
                                                                 : g_strdup_printf ("%" G_GINT64_FORMAT, TIDU_IS_SET (input->min) ? input->min : 0);
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                     _("%s (%s) must be at least %s."), input->label, input->name, bound);
        return FALSE;
      }
    if (TIDU_IS_SET (input->max) && value->num > max_scaled)
      {
        g_autofree char *bound = input->type == TIDU_INPUT_MONEY ? tidu_money_format (input->max, TIDU_MONEY_UNIT_YUAN)
                                                                 : g_strdup_printf ("%" G_GINT64_FORMAT, input->max);
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                     _("%s (%s) must be at most %s."), input->label, input->name, bound);
        return FALSE;
      }
  }
  return TRUE;
}

static char *
normalised_inputs (const TiduPolicyRule *rule,
                   GHashTable           *values)
{
  JsonText json;

  json_text_init (&json, FALSE, 64);
  json_text_begin (&json, '{');
  for (guint i = 0; i < rule->inputs->len; i++)
    {
      const TiduPolicyInput *input = g_ptr_array_index (rule->inputs, i);
      const Value *value = g_hash_table_lookup (values, input->name);

      if (value == NULL || !value->present)
        continue;
      json_text_name (&json, input->name);
      if (input->type == TIDU_INPUT_CHOICE)
        json_text_string (&json, value->choice);
      else if (value->den == 1)
        json_text_int (&json, value->num);
      else
        {
          int decimals = 0;
          g_autofree char *text = NULL;

          for (gint64 d = value->den; d > 1; d /= 10)
            decimals++;
          text = g_strdup_printf ("%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT, value->num / value->den, decimals,
                                  value->num % value->den);
          json_text_string (&json, text);
        }
    }
  json_text_end (&json, '}');
  return json_text_free (&json);
}

static const char *const level_codes[] = { "national", "provincial", "municipal", "district", NULL };

TiduSubsidyResult *
tidu_subsidy_calculate (const TiduPolicy         *policy,
                        const char               *rule_id,
                        GHashTable               *inputs,
                        const TiduSubsidyContext *context,
                        GError                  **error)
{
  const TiduPolicyRule *rule;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) garbage = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TiduSubsidyResult) result = NULL;
  Outcome outcome;
  Calc calc;

  g_return_val_if_fail (policy != NULL && rule_id != NULL, NULL);

  rule = tidu_policy_get_rule (policy, rule_id);
  if (rule == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("Policy “%s” has no rule “%s”."), policy->code, rule_id);
      return NULL;
    }

  if (inputs != NULL)
    {
      GHashTableIter iter;
      gpointer key, raw;

      g_hash_table_iter_init (&iter, inputs);
      while (g_hash_table_iter_next (&iter, &key, &raw))
        {
          const TiduPolicyInput *input = tidu_policy_rule_get_input (rule, key);
          Value *value;
          g_autofree char *stripped = g_strstrip (g_strdup (raw != NULL ? raw : ""));

          if (input == NULL)
            {
              GString *names = g_string_new (NULL);

              for (guint i = 0; i < rule->inputs->len; i++)
                g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", ((TiduPolicyInput *) g_ptr_array_index (rule->inputs, i))->name);
              g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                           _("Rule “%s” has no input “%s”; its inputs are: %s."), rule->id, (char *) key,
                           names->len > 0 ? names->str : "—");
              g_string_free (names, TRUE);
              return NULL;
            }
          if (*stripped == '\0')
            continue;
          value = g_new0 (Value, 1);
          if (!parse_value (rule, input, stripped, value, error))
            {
              g_free (value);
              return NULL;
            }
          g_hash_table_insert (values, input->name, value);
        }
    }
  for (guint i = 0; i < rule->inputs->len; i++)
    {
      const TiduPolicyInput *input = g_ptr_array_index (rule->inputs, i);

      if (!input->optional && !g_hash_table_contains (values, input->name))
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("%s (%s) is missing."), input->label, input->name);
          return NULL;
        }
    }

  result = g_new0 (TiduSubsidyResult, 1);
  result->policy_id = g_strdup (policy->id);
  result->policy_code = g_strdup (policy->code);
  result->rule_id = g_strdup (rule->id);
  result->article = g_strdup (rule->article);
  result->steps = g_ptr_array_new_with_free_func (g_free);
  result->inputs_json = normalised_inputs (rule, values);
  {
    const Value *level = g_hash_table_lookup (values, "level");

    if (level != NULL && level->choice != NULL && g_strv_contains (level_codes, level->choice))
      result->level = g_strdup (level->choice);
  }

  calc.policy = policy;
  calc.rule = rule;
  calc.context = context;
  calc.values = values;
  calc.steps = result->steps;
  calc.garbage = garbage;
  calc.error = error;

  if (context != NULL && context->year > 0 &&
      ((g_date_valid (&policy->effective_from) && context->year < g_date_get_year (&policy->effective_from)) ||
       (g_date_valid (&policy->effective_to) && context->year > g_date_get_year (&policy->effective_to))))
    {
      g_autofree char *year = g_strdup_printf ("%d", context->year);
      g_autofree char *from = g_date_valid (&policy->effective_from) ? g_strdup_printf ("%d", g_date_get_year (&policy->effective_from)) : g_strdup ("…");
      g_autofree char *to = g_date_valid (&policy->effective_to) ? g_strdup_printf ("%d", g_date_get_year (&policy->effective_to)) : g_strdup ("…");

      step (&calc, _("Year %s is outside the policy’s period %s–%s: nothing is due"), year, from, to);
      nothing (&outcome);
    }
  else if (!eval (&calc, rule->priv, &outcome))
    return NULL;

  result->eligible = outcome.eligible;
  if (!outcome.eligible)
    {
      result->amount = result->min = result->max = 0;
      if (result->steps->len == 0)
        step (&calc, _("Nothing is due"));
    }
  else if (outcome.officer)
    {
      result->decided_by_officer = TRUE;
      result->amount = TIDU_UNSET;
      result->min = outcome.min;
      result->max = outcome.max;
    }
  else
    {
      result->amount = result->min = result->max = outcome.amount;
      step (&calc, _("Amount due: %s"), M (&calc, outcome.amount));
    }
  return g_steal_pointer (&result);
}

/* ------------------------------------------------------------------ facts from the records */

typedef struct
{
  const char *name;
  const char *sql;  /* ?1 year, ?2 entity id or NULL, ?3 first day, ?4 last day of the year */
} Fact;

#define FIRST_HNTE \
  "SELECT s.carrier_id AS carrier_id, s.firm_id AS firm_id FROM " \
  "(SELECT firm_id, min (certified_on) AS first_on FROM firm_tiers WHERE tier = 'hnte' AND deleted_at IS NULL " \
  " GROUP BY firm_id HAVING min (certified_on) BETWEEN ?3 AND ?4) h " \
  "JOIN firm_stays s ON s.firm_id = h.firm_id AND s.deleted_at IS NULL AND s.entered_on <= h.first_on " \
  " AND (s.left_on IS NULL OR s.left_on >= h.first_on) " \
  "JOIN firms f ON f.id = h.firm_id AND f.deleted_at IS NULL"
#define GRADUATED \
  "SELECT s.carrier_id AS carrier_id, s.firm_id AS firm_id FROM firm_stays s " \
  "JOIN firms f ON f.id = s.firm_id AND f.deleted_at IS NULL " \
  "WHERE s.outcome = 'graduated' AND s.deleted_at IS NULL AND s.left_on BETWEEN ?3 AND ?4"

static const Fact facts[] = {
  { "carrier.kind",
    "SELECT id, kind FROM carriers WHERE deleted_at IS NULL AND (?2 IS NULL OR id = ?2)" },
  { "carrier.level",
    "SELECT id, level FROM carriers WHERE deleted_at IS NULL AND level IS NOT NULL AND (?2 IS NULL OR id = ?2)" },
  { "carrier.level_recognized",
    "SELECT cl.carrier_id, cl.level FROM carrier_levels cl JOIN levels l ON l.code = cl.level "
    "JOIN carriers c ON c.id = cl.carrier_id AND c.deleted_at IS NULL "
    "WHERE cl.deleted_at IS NULL AND cl.recognized_on BETWEEN ?3 AND ?4 AND (?2 IS NULL OR cl.carrier_id = ?2) "
    "ORDER BY l.rank" },
  { "carrier.grade",
    "SELECT y.carrier_id, y.grade FROM carrier_years y JOIN carriers c ON c.id = y.carrier_id AND c.deleted_at IS NULL "
    "WHERE y.year = ?1 AND y.deleted_at IS NULL AND y.grade IS NOT NULL AND (?2 IS NULL OR y.carrier_id = ?2)" },
  { "carrier.grade_level",
    "SELECT y.carrier_id, y.grade_level FROM carrier_years y JOIN carriers c ON c.id = y.carrier_id AND c.deleted_at IS NULL "
    "WHERE y.year = ?1 AND y.deleted_at IS NULL AND y.grade_level IS NOT NULL AND (?2 IS NULL OR y.carrier_id = ?2)" },
  { "carrier.incubated_firms",
    "SELECT y.carrier_id, y.incubated_firms FROM carrier_years y JOIN carriers c ON c.id = y.carrier_id AND c.deleted_at IS NULL "
    "WHERE y.year = ?1 AND y.deleted_at IS NULL AND y.incubated_firms IS NOT NULL AND (?2 IS NULL OR y.carrier_id = ?2)" },
  { "carrier.area_m2",
    "SELECT id, rtrim (rtrim (printf ('%.4f', area_m2), '0'), '.') FROM carriers "
    "WHERE deleted_at IS NULL AND area_m2 IS NOT NULL AND (?2 IS NULL OR id = ?2)" },
  { "carrier.first_hnte",
    "SELECT carrier_id, count (DISTINCT firm_id) FROM (" FIRST_HNTE ") "
    "WHERE (?2 IS NULL OR carrier_id = ?2) AND carrier_id IN (SELECT id FROM carriers WHERE deleted_at IS NULL) "
    "GROUP BY carrier_id" },
  { "carrier.graduated",
    "SELECT carrier_id, count (DISTINCT firm_id) FROM (" GRADUATED ") "
    "WHERE (?2 IS NULL OR carrier_id = ?2) AND carrier_id IN (SELECT id FROM carriers WHERE deleted_at IS NULL) "
    "GROUP BY carrier_id" },
  { "carrier.first_hnte_or_graduated",
    "SELECT carrier_id, count (DISTINCT firm_id) FROM (" FIRST_HNTE " UNION " GRADUATED ") "
    "WHERE (?2 IS NULL OR carrier_id = ?2) AND carrier_id IN (SELECT id FROM carriers WHERE deleted_at IS NULL) "
    "GROUP BY carrier_id" },
  /* +p.tier: the firm's own certificates (firm_id index), also before ANALYZE has run; without
   * it a fresh database walks every earlier 高企 certificate for each row (quadratic). */
  { "firm.hnte_certification",
    "SELECT t.firm_id, CASE WHEN EXISTS (SELECT 1 FROM firm_tiers p WHERE p.firm_id = t.firm_id AND +p.tier = 'hnte' "
    "  AND p.deleted_at IS NULL AND p.certified_on < t.certified_on) THEN 'renewal' ELSE 'first' END "
    "FROM firm_tiers t JOIN firms f ON f.id = t.firm_id AND f.deleted_at IS NULL "
    "WHERE t.tier = 'hnte' AND t.deleted_at IS NULL AND t.certified_on BETWEEN ?3 AND ?4 "
    "AND (?2 IS NULL OR t.firm_id = ?2) ORDER BY t.certified_on" },
  { "firm.gazelle_level",
    "SELECT t.firm_id, t.level FROM firm_tiers t JOIN firms f ON f.id = t.firm_id AND f.deleted_at IS NULL "
    "WHERE t.tier = 'gazelle' AND t.deleted_at IS NULL AND t.level IS NOT NULL AND t.certified_on BETWEEN ?3 AND ?4 "
    "AND (?2 IS NULL OR t.firm_id = ?2) ORDER BY t.certified_on" },
  { "firm.revenue",
    "SELECT y.firm_id, y.revenue FROM firm_years y JOIN firms f ON f.id = y.firm_id AND f.deleted_at IS NULL "
    "WHERE y.year = ?1 AND y.deleted_at IS NULL AND y.revenue IS NOT NULL AND (?2 IS NULL OR y.firm_id = ?2)" },
  { "firm.previous_revenue",
    "SELECT y.firm_id, y.revenue FROM firm_years y JOIN firms f ON f.id = y.firm_id AND f.deleted_at IS NULL "
    "WHERE y.year = ?1 - 1 AND y.deleted_at IS NULL AND y.revenue IS NOT NULL AND (?2 IS NULL OR y.firm_id = ?2)" },
  { "firm.rd_expense",
    "SELECT y.firm_id, y.rd_expense FROM firm_years y JOIN firms f ON f.id = y.firm_id AND f.deleted_at IS NULL "
    "WHERE y.year = ?1 AND y.deleted_at IS NULL AND y.rd_expense IS NOT NULL AND (?2 IS NULL OR y.firm_id = ?2)" },
};

/* id → value text of @source in @year (for one entity, or all when @entity_id is NULL). */
static GHashTable *
fact_values (TiduDatabase  *db,
             const char    *source,
             int            year,
             const char    *entity_id,
             GError       **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *first = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *last = g_strdup_printf ("%04d-12-31", year);
  const Fact *fact = NULL;
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    if (g_strcmp0 (facts[i].name, source) == 0)
      fact = &facts[i];
  g_return_val_if_fail (fact != NULL, NULL);

  stmt = tidu_database_prepare (db, fact->sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  tidu_bind_text (stmt, 2, entity_id);
  tidu_bind_text (stmt, 3, first);
  tidu_bind_text (stmt, 4, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
      g_hash_table_insert (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the records"), error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

static TiduSubsidyEntityKind
rule_entity_kind (const TiduPolicyRule *rule)
{
  const char *entity = tidu_policy_rule_entity (rule);

  if (g_strcmp0 (entity, "carrier") == 0)
    return TIDU_SUBSIDY_ENTITY_CARRIER;
  if (g_strcmp0 (entity, "firm") == 0)
    return TIDU_SUBSIDY_ENTITY_FIRM;
  return TIDU_SUBSIDY_ENTITY_NONE;
}

static const char *const *
counted_rules (const TiduPolicyRule *rule)
{
  for (const TiduRuleSpec *spec = tidu_policy_rule_spec (rule); spec != NULL; spec = spec->inner)
    if (spec->rules != NULL)
      return (const char * const *) spec->rules;
  return NULL;
}

GHashTable *
tidu_subsidy_prefill (TiduDatabase          *db,
                      const TiduPolicy      *policy,
                      const char            *rule_id,
                      TiduSubsidyEntityKind  entity_kind,
                      const char            *entity_id,
                      int                    year,
                      GError               **error)
{
  const TiduPolicyRule *rule = tidu_policy_get_rule (policy, rule_id);
  g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
  const char *entity = tidu_subsidy_entity_kind_to_string (entity_kind);

  if (rule == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("Policy “%s” has no rule “%s”."), policy->code, rule_id);
      return NULL;
    }
  g_return_val_if_fail (entity != NULL && entity_id != NULL, NULL);

  for (guint i = 0; i < rule->inputs->len; i++)
    {
      const TiduPolicyInput *input = g_ptr_array_index (rule->inputs, i);
      const TiduPolicySource *source = input->source != NULL ? tidu_policy_find_source (input->source) : NULL;

      if (source == NULL)
        continue;
      if (g_strcmp0 (source->entity, "ledger") == 0)
        {
          g_autoptr(TiduSubsidyContext) context = NULL;
          gint64 paid;
          guint n;

          context = tidu_subsidy_context_load (db, policy, entity_kind, entity_id, year, NULL, error);
          if (context == NULL)
            return NULL;
          paid = tidu_subsidy_context_prior_total (context, counted_rules (rule), &n);
          if (n > 0)
            g_hash_table_insert (inputs, g_strdup (input->name), g_strdup_printf ("%" G_GINT64_FORMAT, paid));
        }
      else if (g_strcmp0 (source->entity, entity) == 0)
        {
          g_autoptr(GHashTable) values = fact_values (db, input->source, year, entity_id, error);
          const char *value;

          if (values == NULL)
            return NULL;
          value = g_hash_table_lookup (values, entity_id);
          if (value != NULL)
            g_hash_table_insert (inputs, g_strdup (input->name), g_strdup (value));
        }
    }
  return g_steal_pointer (&inputs);
}

/* ------------------------------------------------------------------ batch */

static void
batch_row_free (TiduSubsidyBatchRow *row)
{
  g_free (row->rule_id);
  g_free (row->entity_id);
  g_free (row->entity_name);
  g_clear_pointer (&row->inputs, g_hash_table_unref);
  tidu_subsidy_result_free (row->result);
  g_free (row);
}

static void
batch_skip_free (TiduSubsidyBatchSkip *skip)
{
  g_free (skip->rule_id);
  g_free (skip->reason);
  g_free (skip);
}

void
tidu_subsidy_batch_free (TiduSubsidyBatch *batch)
{
  if (batch == NULL)
    return;
  g_clear_pointer (&batch->policy, tidu_policy_unref);
  g_ptr_array_unref (batch->rows);
  g_ptr_array_unref (batch->skipped);
  g_free (batch);
}

static void
add_skip (TiduSubsidyBatch *batch,
          const char       *rule_id,
          char             *reason)
{
  TiduSubsidyBatchSkip *skip = g_new0 (TiduSubsidyBatchSkip, 1);

  skip->rule_id = g_strdup (rule_id);
  skip->reason = reason;
  g_ptr_array_add (batch->skipped, skip);
}

/* Rows of one rule: by entity name, then id. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const TiduSubsidyBatchRow *ra = *(TiduSubsidyBatchRow * const *) a;
  const TiduSubsidyBatchRow *rb = *(TiduSubsidyBatchRow * const *) b;
  int c = g_strcmp0 (ra->entity_name, rb->entity_name);

  return c != 0 ? c : g_strcmp0 (ra->entity_id, rb->entity_id);
}

/* Every live award of @policy: entity id → TiduSubsidyContext with its prior awards. */
static gboolean
load_ledger (TiduDatabase      *db,
             TiduPolicy        *policy,
             int                year,
             GHashTable        *contexts,
             GHashTable        *same_year,
             GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (policy->id == NULL)
    return TRUE;
  stmt = tidu_database_prepare (db,
                                "SELECT coalesce (carrier_id, firm_id, talent_id, payee), CASE WHEN carrier_id IS NOT NULL THEN 1 "
                                "WHEN firm_id IS NOT NULL THEN 2 WHEN talent_id IS NOT NULL THEN 3 ELSE 4 END, "
                                "id, rule_id, ifnull (year, 0), " TIDU_AWARD_EFFECTIVE_SQL " FROM subsidy_awards "
                                "WHERE policy_id = ?1 AND status <> 'cancelled' AND deleted_at IS NULL ORDER BY created_at",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, policy->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *entity_id = (const char *) sqlite3_column_text (stmt, 0);
      TiduSubsidyEntityKind kind = sqlite3_column_int (stmt, 1);
      g_autofree char *key = g_strdup_printf ("%d:%s", kind, entity_id);
      TiduSubsidyContext *context = g_hash_table_lookup (contexts, key);
      const char *rule_id = (const char *) sqlite3_column_text (stmt, 3);

      if (context == NULL)
        {
          context = tidu_subsidy_context_new ();
          context->entity_kind = kind;
          context->entity_id = g_strdup (entity_id);
          context->year = year;
          g_hash_table_insert (contexts, g_strdup (key), context);
        }
      context_add (context, (const char *) sqlite3_column_text (stmt, 2), rule_id, sqlite3_column_int (stmt, 4),
                   sqlite3_column_int64 (stmt, 5));
      if (sqlite3_column_int (stmt, 4) == year)
        g_hash_table_add (same_year, g_strdup_printf ("%s|%s", key, rule_id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the subsidy ledger"), error);
  return TRUE;
}

/* Every row's entity name, one query per entity kind over the rows' ids (the id itself when the
 * record is gone). */
static gboolean
fill_entity_names (TiduDatabase      *db,
                   TiduSubsidyBatch  *batch,
                   GError           **error)
{
  static const TiduSubsidyEntityKind kinds[] = { TIDU_SUBSIDY_ENTITY_CARRIER, TIDU_SUBSIDY_ENTITY_FIRM };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GString) ids = g_string_new ("[");
      sqlite3_stmt *stmt;
      int rc;

      for (guint i = 0; i < batch->rows->len; i++)
        {
          const TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);

          if (row->entity_kind != kinds[k])
            continue;
          if (ids->len > 1)
            g_string_append_c (ids, ',');
          json_text_escape (ids, row->entity_id);
        }
      if (ids->len == 1)
        continue;
      g_string_append_c (ids, ']');
      stmt = tidu_database_prepare (db,
                                    kinds[k] == TIDU_SUBSIDY_ENTITY_CARRIER
                                      ? "SELECT x.id, x.name FROM json_each (?1) j JOIN carriers x ON x.id = j.value"
                                      : "SELECT x.id, x.name FROM json_each (?1) j JOIN firms x ON x.id = j.value",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_replace (names, tidu_column_text (stmt, 0), tidu_column_text (stmt, 1));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        return tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the records"), error);
      for (guint i = 0; i < batch->rows->len; i++)
        {
          TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
          const char *name;

          if (row->entity_kind != kinds[k])
            continue;
          name = g_hash_table_lookup (names, row->entity_id);
          row->entity_name = g_strdup (name != NULL ? name : row->entity_id);
        }
    }
  return TRUE;
}

/* The rows of @policy in @year, each rule's rows together in the policy's order (@starts[r]: the
 * first row of rule r, @starts[n_rules] the end). */
static TiduSubsidyBatch *
batch_collect (TiduDatabase  *db,
               TiduPolicy    *policy,
               int            year,
               guint         *starts,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(TiduSubsidyBatch) batch = g_new0 (TiduSubsidyBatch, 1);
  g_autoptr(GHashTable) contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) tidu_subsidy_context_free);
  g_autoptr(GHashTable) same_year = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) fact_cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_hash_table_unref);

  batch->policy = tidu_policy_ref (policy);
  batch->year = year;
  batch->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_row_free);
  batch->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_skip_free);

  if (!load_ledger (db, policy, year, contexts, same_year, error))
    return NULL;

  for (guint r = 0; r < policy->rules->len; r++)
    {
      const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, r);
      TiduSubsidyEntityKind kind = rule_entity_kind (rule);
      const char *entity = tidu_subsidy_entity_kind_to_string (kind);
      g_autoptr(GPtrArray) needed = g_ptr_array_new ();  /* TiduPolicyInput* with a record source */
      g_autoptr(GString) missing = g_string_new (NULL);
      GHashTable *driver = NULL;
      GHashTable *kinds = NULL;
      GHashTableIter iter;
      gpointer id;

      starts[r] = starts[r + 1] = batch->rows->len;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (kind == TIDU_SUBSIDY_ENTITY_NONE)
        {
          add_skip (batch, rule->id, g_strdup (_("It applies to agencies, platforms or others the records do not hold.")));
          continue;
        }
      for (guint i = 0; i < rule->inputs->len; i++)
        {
          const TiduPolicyInput *input = g_ptr_array_index (rule->inputs, i);
          const TiduPolicySource *source = input->source != NULL ? tidu_policy_find_source (input->source) : NULL;

          if (source != NULL && g_strcmp0 (source->entity, entity) == 0)
            g_ptr_array_add (needed, (gpointer) input);
          else if (source == NULL && !input->optional)
            g_string_append_printf (missing, "%s%s", missing->len > 0 ? _(", ") : "", input->label);
        }
      if (missing->len > 0)
        {
          add_skip (batch, rule->id, g_strdup_printf (_("It needs %s, which no record holds."), missing->str));
          continue;
        }
      if (needed->len == 0)
        {
          add_skip (batch, rule->id, g_strdup (_("None of its inputs comes from the records.")));
          continue;
        }
      for (guint i = 0; i < needed->len; i++)
        {
          const TiduPolicyInput *input = g_ptr_array_index (needed, i);
          GHashTable *values = g_hash_table_lookup (fact_cache, input->source);

          if (values == NULL)
            {
              values = fact_values (db, input->source, year, NULL, error);
              if (values == NULL)
                return NULL;
              g_hash_table_insert (fact_cache, input->source, values);
            }
          if (!input->optional && (driver == NULL || g_hash_table_size (values) < g_hash_table_size (driver)))
            driver = values;
        }
      if (driver == NULL)
        driver = g_hash_table_lookup (fact_cache, ((TiduPolicyInput *) g_ptr_array_index (needed, 0))->source);
      if (kind == TIDU_SUBSIDY_ENTITY_CARRIER)
        {
          kinds = g_hash_table_lookup (fact_cache, "carrier.kind");
          if (kinds == NULL)
            {
              kinds = fact_values (db, "carrier.kind", year, NULL, error);
              if (kinds == NULL)
                return NULL;
              g_hash_table_insert (fact_cache, (gpointer) "carrier.kind", kinds);
            }
        }

      g_hash_table_iter_init (&iter, driver);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        {
          g_autoptr(GHashTable) inputs = NULL;
          g_autoptr(GError) local = NULL;
          g_autofree char *key = g_strdup_printf ("%d:%s", kind, (char *) id);
          g_autofree char *done = g_strdup_printf ("%s|%s", key, rule->id);
          TiduSubsidyContext *context;
          TiduSubsidyResult *result;
          TiduSubsidyBatchRow *row;
          gboolean complete = TRUE;

          if (kinds != NULL && !tidu_policy_rule_applies_to (rule, "carrier", g_hash_table_lookup (kinds, id)))
            continue;
          if (g_hash_table_contains (same_year, done))
            continue; /* already in the ledger for this year: never twice */
          inputs = tidu_subsidy_inputs_new ();
          for (guint i = 0; i < needed->len && complete; i++)
            {
              const TiduPolicyInput *input = g_ptr_array_index (needed, i);
              const char *value = g_hash_table_lookup (g_hash_table_lookup (fact_cache, input->source), id);

              if (value != NULL)
                g_hash_table_insert (inputs, g_strdup (input->name), g_strdup (value));
              else if (!input->optional)
                complete = FALSE;
            }
          if (!complete)
            continue;
          context = g_hash_table_lookup (contexts, key);
          if (context == NULL)
            {
              context = tidu_subsidy_context_new ();
              context->entity_kind = kind;
              context->entity_id = g_strdup (id);
              context->year = year;
              g_hash_table_insert (contexts, g_strdup (key), context);
            }
          result = tidu_subsidy_calculate (policy, rule->id, inputs, context, &local);
          if (result == NULL)
            continue; /* a value the rule does not list (a municipal level where only national counts) */
          if (!result->eligible)
            {
              tidu_subsidy_result_free (result);
              continue;
            }
          row = g_new0 (TiduSubsidyBatchRow, 1);
          row->rule_id = g_strdup (rule->id);
          row->entity_kind = kind;
          row->entity_id = g_strdup (id);
          row->inputs = g_steal_pointer (&inputs);
          row->result = result;
          row->chosen_amount = TIDU_UNSET;
          g_ptr_array_add (batch->rows, row);
          /* Later rules of the same policy see this row as already awarded. */
          context_add (context, NULL, rule->id, year, TIDU_IS_SET (result->amount) ? result->amount : result->max);
        }
      starts[r + 1] = batch->rows->len;
    }

  if (!fill_entity_names (db, batch, error))
    return NULL;
  /* Rows were made rule by rule, so sorting each rule's rows by name sorts the batch. */
  for (guint r = 0; r < policy->rules->len; r++)
    g_qsort_with_data (batch->rows->pdata + starts[r], starts[r + 1] - starts[r], sizeof (gpointer),
                       compare_rows, NULL);
  return g_steal_pointer (&batch);
}

/* The batch reads each page of the certificates, firms and stays about once: a small page cache
 * that keeps recycling the same buffers costs less than the connection's 32 MiB one, whose
 * every new buffer is a page fault (0.1 s of system time over 100,000 firms). */
#define BATCH_CACHE_KIB 2048

static int
cache_size (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  int value = 0;

  if (sqlite3_prepare_v2 (handle, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
set_cache_size (sqlite3 *handle,
                int      kib_or_pages)
{
  /* negative: KiB; positive: pages (PRAGMA cache_size reads back what was set) */
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", kib_or_pages);

  sqlite3_exec (handle, sql, NULL, NULL, NULL);
}

TiduSubsidyBatch *
tidu_subsidy_batch_run (TiduDatabase  *db,
                        TiduPolicy    *policy,
                        int            year,
                        GCancellable  *cancellable,
                        GError       **error)
{
  sqlite3 *handle = tidu_database_get_handle (db);
  g_autofree guint *starts = g_new0 (guint, policy->rules->len + 1);
  TiduSubsidyBatch *batch;
  gboolean own_transaction = FALSE;
  int cache;

  /* One read transaction: every rule sees the same snapshot of the records and the ledger, and
   * SQLite takes its locks once instead of for every statement. */
  if (sqlite3_get_autocommit (handle))
    {
      int rc = sqlite3_exec (handle, "BEGIN DEFERRED", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        {
          tidu_database_set_error (handle, rc, _("Could not read the records"), error);
          return NULL;
        }
      own_transaction = TRUE;
    }
  cache = cache_size (handle);
  if (cache != 0)
    set_cache_size (handle, -BATCH_CACHE_KIB);
  batch = batch_collect (db, policy, year, starts, cancellable, error);
  if (cache != 0)
    set_cache_size (handle, cache);
  if (own_transaction)
    sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
  return batch;
}

gboolean
tidu_subsidy_batch_set_amount (TiduSubsidyBatch  *batch,
                               guint              index,
                               gint64             amount,
                               GError           **error)
{
  TiduSubsidyBatchRow *row;

  g_return_val_if_fail (index < batch->rows->len, FALSE);
  row = g_ptr_array_index (batch->rows, index);
  if (!TIDU_IS_SET (amount))
    {
      row->chosen_amount = TIDU_UNSET;
      return TRUE;
    }
  if (amount < row->result->min || amount > row->result->max)
    {
      g_autofree char *min = tidu_money_format (row->result->min, TIDU_MONEY_UNIT_YUAN);
      g_autofree char *max = tidu_money_format (row->result->max, TIDU_MONEY_UNIT_YUAN);

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   _("The amount for %s under rule “%s” must be between %s and %s."),
                   row->entity_name, row->rule_id, min, max);
      return FALSE;
    }
  row->chosen_amount = amount;
  return TRUE;
}

gint64
tidu_subsidy_batch_row_amount (const TiduSubsidyBatchRow *row)
{
  if (TIDU_IS_SET (row->chosen_amount))
    return row->chosen_amount;
  return row->result->amount;
}

void
tidu_subsidy_batch_totals (const TiduSubsidyBatch *batch,
                           const char             *rule_id,
                           guint                  *n_rows,
                           gint64                 *min,
                           gint64                 *max)
{
  guint n = 0;
  gint64 lo = 0, hi = 0;

  for (guint i = 0; i < batch->rows->len; i++)
    {
      const TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      gint64 amount;

      if (row->excluded || (rule_id != NULL && g_strcmp0 (rule_id, row->rule_id) != 0))
        continue;
      n++;
      amount = tidu_subsidy_batch_row_amount (row);
      if (TIDU_IS_SET (amount))
        {
          lo += amount;
          hi += amount;
        }
      else
        {
          lo += row->result->min;
          hi += row->result->max;
        }
    }
  if (n_rows != NULL)
    *n_rows = n;
  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;
}

char *
tidu_subsidy_batch_to_json (const TiduSubsidyBatch *batch)
{
  JsonText json;
  guint n;
  gint64 lo, hi;

  json_text_init (&json, TRUE, 512 + 400 * (gsize) batch->rows->len);
  json_text_begin (&json, '{');
  json_text_name (&json, "policy");
  json_text_string (&json, batch->policy->code);
  json_text_name (&json, "year");
  json_text_int (&json, batch->year);
  json_text_name (&json, "rows");
  json_text_begin (&json, '[');
  for (guint i = 0; i < batch->rows->len; i++)
    {
      const TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      gint64 amount = tidu_subsidy_batch_row_amount (row);

      json_text_begin (&json, '{');
      json_text_name (&json, "rule");
      json_text_string (&json, row->rule_id);
      json_text_name (&json, "entity_kind");
      json_text_string (&json, tidu_subsidy_entity_kind_to_string (row->entity_kind));
      json_text_name (&json, "entity_id");
      json_text_string (&json, row->entity_id);
      json_text_name (&json, "entity_name");
      json_text_string (&json, row->entity_name);
      json_text_name (&json, "excluded");
      json_text_bool (&json, row->excluded);
      json_text_name (&json, "amount");
      if (TIDU_IS_SET (amount))
        json_text_int (&json, amount);
      else
        json_text_null (&json);
      json_text_name (&json, "min");
      json_text_int (&json, row->result->min);
      json_text_name (&json, "max");
      json_text_int (&json, row->result->max);
      json_text_name (&json, "steps");
      json_text_begin (&json, '[');
      for (guint s = 0; s < row->result->steps->len; s++)
        json_text_string (&json, g_ptr_array_index (row->result->steps, s));
      json_text_end (&json, ']');
      json_text_end (&json, '}');
    }
  json_text_end (&json, ']');

  json_text_name (&json, "totals");
  json_text_begin (&json, '[');
  for (guint r = 0; r < batch->policy->rules->len; r++)
    {
      const TiduPolicyRule *rule = g_ptr_array_index (batch->policy->rules, r);

      tidu_subsidy_batch_totals (batch, rule->id, &n, &lo, &hi);
      if (n == 0)
        continue;
      json_text_begin (&json, '{');
      json_text_name (&json, "rule");
      json_text_string (&json, rule->id);
      json_text_name (&json, "rows");
      json_text_int (&json, n);
      json_text_name (&json, "min");
      json_text_int (&json, lo);
      json_text_name (&json, "max");
      json_text_int (&json, hi);
      json_text_end (&json, '}');
    }
  json_text_end (&json, ']');

  tidu_subsidy_batch_totals (batch, NULL, &n, &lo, &hi);
  json_text_name (&json, "total");
  json_text_begin (&json, '{');
  json_text_name (&json, "rows");
  json_text_int (&json, n);
  json_text_name (&json, "min");
  json_text_int (&json, lo);
  json_text_name (&json, "max");
  json_text_int (&json, hi);
  json_text_end (&json, '}');

  json_text_name (&json, "skipped");
  json_text_begin (&json, '[');
  for (guint i = 0; i < batch->skipped->len; i++)
    {
      const TiduSubsidyBatchSkip *skip = g_ptr_array_index (batch->skipped, i);

      json_text_begin (&json, '{');
      json_text_name (&json, "rule");
      json_text_string (&json, skip->rule_id);
      json_text_name (&json, "reason");
      json_text_string (&json, skip->reason);
      json_text_end (&json, '}');
    }
  json_text_end (&json, ']');
  json_text_end (&json, '}');
  return json_text_free (&json);
}
