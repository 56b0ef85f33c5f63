/* tidu-subsidy.h: the subsidy engine: exact amounts with an explanation citing the article of
 * every step, pre-filled inputs from the records, and the batch for a policy and a year.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tidu-database.h"
#include "tidu-policy.h"

G_BEGIN_DECLS

/**
 * TiduSubsidyEntityKind:
 *
 * Who an award goes to: the subsidy_awards columns carrier_id, firm_id, talent_id, payee.
 * Strings: "carrier", "firm", "talent", "payee".
 */
typedef enum
{
  TIDU_SUBSIDY_ENTITY_NONE,
  TIDU_SUBSIDY_ENTITY_CARRIER,
  TIDU_SUBSIDY_ENTITY_FIRM,
  TIDU_SUBSIDY_ENTITY_TALENT,
  TIDU_SUBSIDY_ENTITY_PAYEE
} TiduSubsidyEntityKind;

const char *tidu_subsidy_entity_kind_to_string   (TiduSubsidyEntityKind  kind);
gboolean    tidu_subsidy_entity_kind_from_string (const char            *text,
                                                  TiduSubsidyEntityKind *kind);

/**
 * TiduPriorAward:
 *
 * An award the ledger already holds for the entity (cancelled ones never appear). @amount is
 * what counts against caps: paid if paid, else approved, else computed (or the range's maximum
 * when no amount was chosen yet).
 */
typedef struct
{
  char   *award_id;   /* NULL for awards added by hand or pending in a batch */
  char   *rule_id;
  int     year;       /* 0 when unknown */
  gint64  amount;
} TiduPriorAward;

/**
 * TiduSubsidyContext:
 *
 * What the engine may read beyond the inputs: the entity, the award year and the awards the
 * ledger holds for that entity under the same policy. Top-up, lifetime caps and once-only
 * rules count @prior; each award counts once.
 */
typedef struct
{
  TiduSubsidyEntityKind  entity_kind;
  char                  *entity_id;   /* NULL: no entity (nothing prior) */
  int                    year;        /* the award year; 0 when not given */
  GPtrArray             *prior;       /* TiduPriorAward* */
} TiduSubsidyContext;

TiduSubsidyContext *tidu_subsidy_context_new       (void);
void                tidu_subsidy_context_free      (TiduSubsidyContext       *context);
void                tidu_subsidy_context_add_prior (TiduSubsidyContext       *context,
                                                    const char               *rule_id,
                                                    int                       year,
                                                    gint64                    amount);
/* Sum of the prior awards under any of @rule_ids (NULL-terminated). */
gint64              tidu_subsidy_context_prior_total (const TiduSubsidyContext *context,
                                                      const char * const       *rule_ids,
                                                      guint                    *n_awards);
/**
 * tidu_subsidy_context_load:
 * @exclude_award_id: (nullable): an award not to count (the one being recalculated)
 *
 * A context for @entity_id with every live, not cancelled award of @policy for that entity.
 */
TiduSubsidyContext *tidu_subsidy_context_load      (TiduDatabase             *db,
                                                    const TiduPolicy         *policy,
                                                    TiduSubsidyEntityKind     entity_kind,
                                                    const char               *entity_id,
                                                    int                       year,
                                                    const char               *exclude_award_id,
                                                    GError                  **error);

/* Inputs are name → text as typed ("8500000", "850万", "national"); the engine parses them by
 * the rule's declarations. A GHashTable of g_strdup'ed strings. */
GHashTable         *tidu_subsidy_inputs_new        (void);
char               *tidu_subsidy_inputs_to_json    (GHashTable               *inputs);
GHashTable         *tidu_subsidy_inputs_from_json  (const char               *json,
                                                    GError                  **error);

/**
 * TiduSubsidyResult:
 *
 * The outcome of one rule for one case. When @eligible is FALSE, @amount, @min and @max are 0
 * and @steps say why. When the rule leaves the figure to the officer (range, case by case) and
 * no amount was entered, @decided_by_officer is TRUE, @amount is TIDU_UNSET and @min…@max is
 * the allowed range; otherwise @min == @max == @amount.
 */
typedef struct
{
  char       *policy_id;
  char       *policy_code;
  char       *rule_id;
  char       *article;
  gboolean    eligible;
  gboolean    decided_by_officer;
  gint64      amount;
  gint64      min;
  gint64      max;
  GPtrArray  *steps;        /* char*: translated sentences with the numbers and the article */
  char       *level;        /* the level the award is for, when an input says it; else NULL */
  char       *inputs_json;  /* the inputs as used, normalised (money in 元) */
} TiduSubsidyResult;

void                tidu_subsidy_result_free        (TiduSubsidyResult        *result);
/* The steps, one a line: what the ledger stores as the explanation. */
char               *tidu_subsidy_result_explanation (const TiduSubsidyResult  *result);
/* {"policy":…, "rule":…, "eligible":bool, "amount":int or null, "min":int, "max":int,
 *  "steps":[…]}: the CLI contract's shape. */
char               *tidu_subsidy_result_to_json     (const TiduSubsidyResult  *result);

/**
 * tidu_subsidy_calculate:
 * @context: (nullable): the entity and what the ledger holds for it
 * @error: TIDU_ERROR_NOT_FOUND for an unknown rule; TIDU_ERROR_INVALID_INPUT for an input
 *   that is missing, unreadable, not one of the declared values, out of bounds or undeclared
 *   (the message names the input)
 *
 * Exact integer arithmetic (rates are rational, overflow is an error), rounding as the policy
 * states (default half up to the yuan).
 */
TiduSubsidyResult  *tidu_subsidy_calculate          (const TiduPolicy         *policy,
                                                     const char               *rule_id,
                                                     GHashTable               *inputs,
                                                     const TiduSubsidyContext *context,
                                                     GError                  **error);

/**
 * tidu_subsidy_prefill:
 *
 * The inputs of @rule_id the records know for the entity in @year (each input with a source:
 * carrier level recognised, kind, grade of the year, counts of firms first becoming 高企 or
 * graduating in the year, revenue, prior payments from the ledger, …).
 * Returns: (transfer full): name → text, only the inputs found.
 */
GHashTable         *tidu_subsidy_prefill            (TiduDatabase             *db,
                                                     const TiduPolicy         *policy,
                                                     const char               *rule_id,
                                                     TiduSubsidyEntityKind     entity_kind,
                                                     const char               *entity_id,
                                                     int                       year,
                                                     GError                  **error);

/* ------------------------------------------------------------------ batch */

/**
 * TiduSubsidyBatchRow:
 *
 * One entity under one rule. The officer may set @excluded, or @chosen_amount inside
 * [result->min, result->max] (tidu_subsidy_batch_set_amount checks it).
 */
typedef struct
{
  char                  *rule_id;
  TiduSubsidyEntityKind  entity_kind;
  char                  *entity_id;
  char                  *entity_name;
  GHashTable            *inputs;
  TiduSubsidyResult     *result;
  gboolean               excluded;
  gint64                 chosen_amount;  /* TIDU_UNSET: the computed amount */
} TiduSubsidyBatchRow;

typedef struct
{
  char  *rule_id;
  char  *reason;     /* translated: why the records cannot drive this rule */
} TiduSubsidyBatchSkip;

typedef struct
{
  TiduPolicy  *policy;
  int          year;
  GPtrArray   *rows;     /* TiduSubsidyBatchRow*, eligible only, in rule order then by name */
  GPtrArray   *skipped;  /* TiduSubsidyBatchSkip*: rules needing inputs no record holds */
} TiduSubsidyBatch;

/**
 * tidu_subsidy_batch_run:
 *
 * Every entity the records make eligible under @policy in @year: for each rule whose inputs
 * all come from sources, the entities it applies to are pre-filled in bulk (a few queries per
 * rule, not per entity) and calculated with what the ledger holds; amounts of earlier rows of
 * the same entity count against its caps, so nothing is counted twice.
 */
TiduSubsidyBatch   *tidu_subsidy_batch_run          (TiduDatabase             *db,
                                                     TiduPolicy               *policy,
                                                     int                       year,
                                                     GCancellable             *cancellable,
                                                     GError                  **error);
void                tidu_subsidy_batch_free         (TiduSubsidyBatch         *batch);
/* Sets the officer's amount of a row; fails with TIDU_ERROR_INVALID_INPUT outside its range. */
gboolean            tidu_subsidy_batch_set_amount   (TiduSubsidyBatch         *batch,
                                                     guint                     row,
                                                     gint64                    amount,
                                                     GError                  **error);
/* The amount a row would record: the chosen one, else the computed one; TIDU_UNSET for a
 * range with nothing chosen. */
gint64              tidu_subsidy_batch_row_amount   (const TiduSubsidyBatchRow *row);
/**
 * tidu_subsidy_batch_totals:
 * @rule_id: (nullable): one rule, or NULL for the whole batch
 *
 * Totals of the rows not excluded: @min and @max differ while ranges have no chosen amount.
 */
void                tidu_subsidy_batch_totals       (const TiduSubsidyBatch   *batch,
                                                     const char               *rule_id,
                                                     guint                    *n_rows,
                                                     gint64                   *min,
                                                     gint64                   *max);
char               *tidu_subsidy_batch_to_json      (const TiduSubsidyBatch   *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduSubsidyContext, tidu_subsidy_context_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduSubsidyResult, tidu_subsidy_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduSubsidyBatch, tidu_subsidy_batch_free)

G_END_DECLS
