/* tidu-policy-private.h: the parsed parameters of a rule, shared by the loader and the engine.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-policy.h"

G_BEGIN_DECLS

/* An exact non-negative rate num/den (den > 0). */
typedef struct
{
  gint64 num;
  gint64 den;
} TiduRate;

typedef struct
{
  gboolean has_rate;
  TiduRate rate;
  gint64   amount;
} TiduScheduleEntry;

typedef struct
{
  gint64 min;
  gint64 amount;
} TiduCountTier;

typedef struct _TiduRuleSpec TiduRuleSpec;
struct _TiduRuleSpec
{
  TiduRuleKind  kind;
  char         *path;          /* "parameters" or "parameters.rule.parameters" for messages */
  char         *input;         /* the choice, count, gated value, year index or position input */
  char         *base;          /* the money input a rate applies to */
  char         *previous;      /* growth: the previous value */
  char         *paid_input;    /* top-up: already paid; combined cap: paid by other levels */
  char         *rate_by;       /* percent: the choice input selecting the rate */
  char         *amount_input;  /* range, case by case: the officer's amount */
  GStrv         keys;          /* rank table, combined cap: inputs joined with "/" */
  GHashTable   *amounts;       /* key → gint64* */
  GHashTable   *rates;         /* key → TiduRate* */
  TiduRate      rate;
  TiduRate      min_growth;
  gint64        unit_amount;
  gint64        cap;           /* TIDU_UNSET: none */
  gint64        min;           /* range min, threshold, growth minimum value */
  gint64        max;           /* range max, case by case ceiling */
  gboolean      inclusive;
  GArray       *schedule;      /* TiduScheduleEntry */
  GArray       *tiers;         /* TiduCountTier, highest min first */
  GArray       *shares;        /* TiduRate */
  GStrv         rules;         /* rule ids whose awards count (top-up, lifetime, once only) */
  TiduRuleSpec *inner;
};

/* The database facts an input's source may name, and the entity kind each belongs to. */
typedef struct
{
  const char *name;
  const char *entity;   /* "carrier", "firm" or "ledger" */
} TiduPolicySource;

const TiduPolicySource *tidu_policy_sources        (guint              *n_sources);
const TiduPolicySource *tidu_policy_find_source    (const char         *name);
const TiduRuleSpec     *tidu_policy_rule_spec      (const TiduPolicyRule *rule);
char                   *tidu_rate_format           (const TiduRate     *rate);
const char             *tidu_policy_rule_entity    (const TiduPolicyRule *rule);

/* What an award counts for against caps and budgets (see tidu_subsidy_award_effective_amount). */
#define TIDU_AWARD_EFFECTIVE_SQL \
  "CASE status WHEN 'cancelled' THEN 0 WHEN 'paid' THEN paid_amount WHEN 'approved' THEN approved_amount " \
  "ELSE coalesce (computed_amount, computed_max, 0) END"

G_END_DECLS
