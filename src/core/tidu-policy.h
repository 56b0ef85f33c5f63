/* tidu-policy.h: subsidy policies as data (docs/policy-format.md): loading, validating,
 * the built-in policies shipped in the core's resources, and the user's own in the policies
 * table.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tidu-database.h"

G_BEGIN_DECLS

/**
 * TiduRuleKind:
 * @TIDU_RULE_KIND_FIXED_BY_LEVEL: an amount per level (孵化器 国40/省20万)
 * @TIDU_RULE_KIND_TOP_UP: 补差: the level's amount less what was already paid
 * @TIDU_RULE_KIND_PERCENT_WITH_CAP: a rate of a base amount, capped
 * @TIDU_RULE_KIND_THRESHOLD_GATED: a condition on an input, then an inner rule
 * @TIDU_RULE_KIND_PER_UNIT_WITH_CAP: an amount per unit (firm, m²) × count, capped
 * @TIDU_RULE_KIND_MULTI_YEAR_SCHEDULE: a rate or amount per year index, capped each year
 * @TIDU_RULE_KIND_GROWTH_CONDITIONED_INCREMENT: a rate of the increase when the value and its
 *   growth pass minimums, capped
 * @TIDU_RULE_KIND_RANK_OR_GRADE_TABLE: an amount per rank or grade (or a combination of choices)
 * @TIDU_RULE_KIND_COUNT_TIER_TABLE: the amount of the highest count threshold reached
 * @TIDU_RULE_KIND_RANGE: the officer decides an amount between a minimum and a maximum
 * @TIDU_RULE_KIND_CASE_BY_CASE: 一事一议: the officer decides an amount up to a ceiling
 * @TIDU_RULE_KIND_COMBINED_LEVEL_CAP: a cap on what all levels pay together; this level pays
 *   the remainder
 * @TIDU_RULE_KIND_LIFETIME_CAP: an inner rule, limited by a cumulative cap per entity
 * @TIDU_RULE_KIND_ONCE_ONLY: an inner rule, paid at most once per entity
 * @TIDU_RULE_KIND_RANK_SHARE: an inner rule's amount shared by payee order (100%/50%/10%)
 *
 * The kinds of DOMAIN.md §6. Their JSON names are the lower-case enum names
 * ("fixed_by_level", "top_up", …).
 */
typedef enum
{
  TIDU_RULE_KIND_FIXED_BY_LEVEL,
  TIDU_RULE_KIND_TOP_UP,
  TIDU_RULE_KIND_PERCENT_WITH_CAP,
  TIDU_RULE_KIND_THRESHOLD_GATED,
  TIDU_RULE_KIND_PER_UNIT_WITH_CAP,
  TIDU_RULE_KIND_MULTI_YEAR_SCHEDULE,
  TIDU_RULE_KIND_GROWTH_CONDITIONED_INCREMENT,
  TIDU_RULE_KIND_RANK_OR_GRADE_TABLE,
  TIDU_RULE_KIND_COUNT_TIER_TABLE,
  TIDU_RULE_KIND_RANGE,
  TIDU_RULE_KIND_CASE_BY_CASE,
  TIDU_RULE_KIND_COMBINED_LEVEL_CAP,
  TIDU_RULE_KIND_LIFETIME_CAP,
  TIDU_RULE_KIND_ONCE_ONLY,
  TIDU_RULE_KIND_RANK_SHARE,
  TIDU_N_RULE_KINDS
} TiduRuleKind;

/**
 * TiduInputType:
 * @TIDU_INPUT_MONEY: an amount in 元 (the parser also reads 万元 and 千元 forms)
 * @TIDU_INPUT_INTEGER: a whole number (a count, a year index, a place)
 * @TIDU_INPUT_DECIMAL: an exact decimal such as an area in m² (at most 4 decimals)
 * @TIDU_INPUT_CHOICE: one of the declared values
 */
typedef enum
{
  TIDU_INPUT_MONEY,
  TIDU_INPUT_INTEGER,
  TIDU_INPUT_DECIMAL,
  TIDU_INPUT_CHOICE
} TiduInputType;

/**
 * TiduRounding:
 * @TIDU_ROUNDING_HALF_UP: to the nearest yuan, halves up (the default)
 * @TIDU_ROUNDING_DOWN: towards zero
 * @TIDU_ROUNDING_UP: away from zero
 */
typedef enum
{
  TIDU_ROUNDING_HALF_UP,
  TIDU_ROUNDING_DOWN,
  TIDU_ROUNDING_UP
} TiduRounding;

typedef struct
{
  char *value;    /* what the engine and the CLI use: "national", "A", "1" */
  char *label;    /* what the form shows: "国家级" */
} TiduInputChoice;

/**
 * TiduPolicyInput:
 *
 * An input a rule declares. @source names the database fact that "Calculate for…" and the
 * batch pre-fill it from (see docs/policy-format.md, e.g. "carrier.level_recognized",
 * "carrier.first_hnte_or_graduated", "ledger.paid"); NULL when only the officer knows it.
 */
typedef struct
{
  char          *name;       /* [a-z0-9_]+, unique in its rule */
  char          *label;
  char          *help;       /* optional */
  TiduInputType  type;
  char          *unit;       /* optional display unit: "元", "m²", "家" */
  GPtrArray     *choices;    /* TiduInputChoice*, for TIDU_INPUT_CHOICE; else empty */
  gint64         min;        /* bounds for money and integer inputs; TIDU_UNSET when open */
  gint64         max;
  gboolean       optional;
  char          *source;     /* optional database fact */
} TiduPolicyInput;

/**
 * TiduPolicyRule:
 *
 * One rule of a policy. Owned by its #TiduPolicy; read-only. The kind's parameters stay
 * inside the policy (the engine reads them); @summary says them in words.
 */
typedef struct
{
  char          *id;
  char          *article;     /* 三(一)1 */
  char          *title;
  char          *summary;     /* the rule in one sentence, from the file */
  GStrv          applies_to;  /* "carrier:incubator", "carrier:*", "firm", "talent", "agency",
                               * "platform" */
  TiduRuleKind   kind;
  TiduRounding   rounding;
  GPtrArray     *inputs;      /* TiduPolicyInput* */
  gpointer       priv;        /* the parsed parameters; engine-only */
} TiduPolicyRule;

/**
 * TiduPolicy:
 *
 * A loaded, validated policy. Reference counted (a boxed type); every field is read-only.
 * @id is the policies row id: "CODE@VERSION" for the built-in ones, a UUID for imported ones.
 */
typedef struct
{
  /*< private >*/
  gint           ref_count;
  /*< public >*/
  char          *id;
  char          *code;
  char          *version;
  char          *title;
  char          *doc_number;
  char          *issuer;
  char          *region_name;
  GDate          effective_from;
  GDate          effective_to;
  gboolean       builtin;
  TiduRounding   rounding;
  GPtrArray     *rules;       /* TiduPolicyRule*, in file order */
  char          *body;        /* the JSON text as stored */
} TiduPolicy;

#define TIDU_TYPE_POLICY (tidu_policy_get_type ())
GType                  tidu_policy_get_type        (void) G_GNUC_CONST;

const char            *tidu_rule_kind_to_string    (TiduRuleKind   kind);
gboolean               tidu_rule_kind_from_string  (const char    *text,
                                                    TiduRuleKind  *kind);
const char            *tidu_rule_kind_get_label    (TiduRuleKind   kind);
const char            *tidu_input_type_to_string   (TiduInputType  type);
const char            *tidu_rounding_to_string     (TiduRounding   rounding);

/**
 * tidu_policy_load_from_data:
 * @data: the policy file's text (UTF-8 JSON)
 * @length: its length, or -1 when NUL-terminated
 * @error: TIDU_ERROR_INVALID_INPUT with a translated message naming the rule and the field
 *   (bad JSON, unknown kind, missing parameter, negative rate, cap below zero, duplicate rule
 *   id, bad input declaration, …)
 *
 * Parses and validates a policy; the result is not stored anywhere (id is NULL).
 */
TiduPolicy            *tidu_policy_load_from_data  (const char    *data,
                                                    gssize         length,
                                                    GError       **error);
TiduPolicy            *tidu_policy_load_from_file  (const char    *path,
                                                    GError       **error);
TiduPolicy            *tidu_policy_ref             (TiduPolicy    *policy);
void                   tidu_policy_unref           (TiduPolicy    *policy);

const TiduPolicyRule  *tidu_policy_get_rule        (const TiduPolicy     *policy,
                                                    const char           *rule_id);
const TiduPolicyInput *tidu_policy_rule_get_input  (const TiduPolicyRule *rule,
                                                    const char           *name);
/* TRUE when the rule applies to @entity_kind ("carrier", "firm", …) and, for carriers, to
 * @carrier_kind (may be NULL: any kind). */
gboolean               tidu_policy_rule_applies_to (const TiduPolicyRule *rule,
                                                    const char           *entity_kind,
                                                    const char           *carrier_kind);

/**
 * tidu_policy_list_builtin:
 *
 * The built-in policies compiled into the core (data/policies/ *.json), sorted by code.
 * Returns: (transfer container) (element-type TiduPolicy): a GPtrArray freeing with unref.
 */
GPtrArray             *tidu_policy_list_builtin    (void);

/**
 * tidu_policy_list:
 * @db: the database
 *
 * Every policy: the built-in ones and those imported into @db (live rows), sorted by code then
 * version. Reading never writes: a built-in policy gets its row when an award first needs it.
 * Returns: (transfer container) (element-type TiduPolicy)
 */
GPtrArray             *tidu_policy_list            (TiduDatabase  *db,
                                                    GError       **error);
/**
 * tidu_policy_lookup:
 * @key: a policy code (its latest version), "CODE@VERSION", or a policies row id
 *
 * Returns: (transfer full): the policy, or NULL with TIDU_ERROR_NOT_FOUND.
 */
TiduPolicy            *tidu_policy_lookup          (TiduDatabase  *db,
                                                    const char    *key,
                                                    GError       **error);
/**
 * tidu_policy_import:
 *
 * Validates the file and stores it as a user policy in one transaction. Fails with
 * TIDU_ERROR_DUPLICATE when its code is a built-in policy's (built-in policies cannot be
 * overwritten, only copied) or when the code and version are already imported.
 */
TiduPolicy            *tidu_policy_import          (TiduDatabase  *db,
                                                    const char    *data,
                                                    gssize         length,
                                                    GError       **error);
/**
 * tidu_policy_copy:
 * @new_code: the copy's code (not a built-in one, not used yet)
 * @new_title: (nullable): its title; NULL keeps the original's
 *
 * Stores a user-owned copy of any policy (typically a built-in one to adapt).
 */
TiduPolicy            *tidu_policy_copy            (TiduDatabase      *db,
                                                    const TiduPolicy  *policy,
                                                    const char        *new_code,
                                                    const char        *new_title,
                                                    GError           **error);
/* Moves a user policy to the trash; built-in ones are refused (TIDU_ERROR_CONFLICT). */
gboolean               tidu_policy_delete          (TiduDatabase  *db,
                                                    const char    *id,
                                                    GError       **error);
/* Makes sure the policy has its row in @db (built-in ones are inserted on first use). */
gboolean               tidu_policy_ensure_stored   (TiduDatabase  *db,
                                                    TiduPolicy    *policy,
                                                    GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduPolicy, tidu_policy_unref)

G_END_DECLS
