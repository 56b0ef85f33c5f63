/* tidu-ledger.h: the subsidy ledger (subsidy_awards): who got what under which rule, computed
 * vs approved vs paid.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-policy.h"
#include "tidu-subsidy.h"

G_BEGIN_DECLS

#define TIDU_AWARD_RECORDED  "recorded"
#define TIDU_AWARD_APPROVED  "approved"
#define TIDU_AWARD_PAID      "paid"
#define TIDU_AWARD_CANCELLED "cancelled"

/**
 * TiduSubsidyAward:
 *
 * A row of subsidy_awards. Exactly one of carrier_id, firm_id, talent_id, payee is set.
 * @policy_code and @entity_name are filled when loading (read-only).
 */
typedef struct
{
  char    *id;                /* NULL until recorded */
  char    *policy_id;
  char    *policy_code;
  char    *rule_id;
  char    *carrier_id;
  char    *firm_id;
  char    *talent_id;
  char    *payee;
  char    *entity_name;
  int      year;              /* 0 when not given */
  char    *level;
  char    *inputs;            /* JSON */
  char    *explanation;       /* the steps, one a line */
  gint64   computed_amount;   /* TIDU_UNSET for a range with nothing chosen */
  gint64   computed_min;
  gint64   computed_max;
  gint64   approved_amount;   /* TIDU_UNSET until approved */
  char    *approved_reason;
  GDate    approved_on;
  gint64   paid_amount;       /* TIDU_UNSET until paid */
  GDate    paid_on;
  char    *status;            /* TIDU_AWARD_* */
  char    *created_at;
  char    *updated_at;
  char    *deleted_at;
} TiduSubsidyAward;

TiduSubsidyAward *tidu_subsidy_award_new          (void);
void              tidu_subsidy_award_free         (TiduSubsidyAward        *award);
TiduSubsidyAward *tidu_subsidy_award_copy         (const TiduSubsidyAward  *award);
/* An award to record from a calculated, eligible result; @amount overrides the computed one
 * (for ranges; TIDU_UNSET keeps it). */
TiduSubsidyAward *tidu_subsidy_award_new_from_result (const TiduSubsidyResult *result,
                                                      TiduSubsidyEntityKind    entity_kind,
                                                      const char              *entity_id,
                                                      int                      year,
                                                      gint64                   amount);
/* What counts against caps and budgets: paid, else approved, else computed, else the range's
 * maximum; 0 for cancelled awards. */
gint64            tidu_subsidy_award_effective_amount (const TiduSubsidyAward *award);
TiduSubsidyEntityKind tidu_subsidy_award_get_entity (const TiduSubsidyAward *award,
                                                     const char            **entity_id);

/**
 * tidu_ledger_record:
 *
 * Validates (policy exists, rule in the policy, one entity that exists, amounts ≥ 0 and inside
 * the range) and inserts the award as "recorded" in one transaction; sets award->id.
 */
gboolean          tidu_ledger_record              (TiduDatabase       *db,
                                                   TiduSubsidyAward   *award,
                                                   GError            **error);
/**
 * tidu_ledger_approve:
 * @amount: the approved amount; TIDU_UNSET approves the computed one
 * @reason: (nullable): required (translated error otherwise) when @amount differs from the
 *   computed amount, or for a range recorded without an amount, falls outside the range
 * @on: (nullable): the approval date, today when NULL
 *
 * Only a recorded award can be approved (TIDU_ERROR_CONFLICT otherwise).
 */
gboolean          tidu_ledger_approve             (TiduDatabase       *db,
                                                   const char         *id,
                                                   gint64              amount,
                                                   const char         *reason,
                                                   const GDate        *on,
                                                   GError            **error);
/* Marks an approved award paid (@amount TIDU_UNSET: the approved amount; never more). */
gboolean          tidu_ledger_pay                 (TiduDatabase       *db,
                                                   const char         *id,
                                                   gint64              amount,
                                                   const GDate        *on,
                                                   GError            **error);
/* Cancels a recorded or approved award (a paid one is refused); it then counts nowhere. */
gboolean          tidu_ledger_cancel              (TiduDatabase       *db,
                                                   const char         *id,
                                                   const char         *reason,
                                                   GError            **error);
TiduSubsidyAward *tidu_ledger_load                (TiduDatabase       *db,
                                                   const char         *id,
                                                   GError            **error);

/**
 * TiduLedgerFilter:
 *
 * Every field optional (NULL / 0 / TIDU_SUBSIDY_ENTITY_NONE): the awards matching all given.
 * @policy is a code, "CODE@VERSION" or a policies id. Cancelled awards are listed only when
 * @status asks for them, and never counted in totals.
 */
typedef struct
{
  const char            *policy;
  const char            *rule_id;
  int                    year;
  TiduSubsidyEntityKind  entity_kind;
  const char            *entity_id;
  const char            *status;
} TiduLedgerFilter;

typedef struct
{
  guint   n_awards;
  gint64  computed;   /* sum of computed amounts (range maximum when nothing chosen) */
  gint64  approved;
  gint64  paid;
  gint64  effective;  /* sum of tidu_subsidy_award_effective_amount */
} TiduLedgerTotals;

/* Newest first. Returns: (element-type TiduSubsidyAward) */
GPtrArray        *tidu_ledger_list                (TiduDatabase            *db,
                                                   const TiduLedgerFilter  *filter,
                                                   GError                 **error);
gboolean          tidu_ledger_totals              (TiduDatabase            *db,
                                                   const TiduLedgerFilter  *filter,
                                                   TiduLedgerTotals        *totals,
                                                   GError                 **error);

/**
 * tidu_ledger_record_batch:
 *
 * Records every row of @batch not excluded, with its chosen amount, in one transaction; a
 * range row without a chosen amount fails the whole batch (nothing recorded) with a message
 * naming the entity and rule. Returns the number recorded through @n_recorded.
 */
gboolean          tidu_ledger_record_batch        (TiduDatabase            *db,
                                                   TiduSubsidyBatch        *batch,
                                                   guint                   *n_recorded,
                                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduSubsidyAward, tidu_subsidy_award_free)

G_END_DECLS
