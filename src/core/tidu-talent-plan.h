/* tidu-talent-plan.h: talent plans (人才计划), their categories and batches, and the awards
 * that link a talent (or a team the talent leads) to a plan, with members and instalments.
 *
 * Records follow tidu-record.h: plain structs owned by the caller, id NULL until saved,
 * optional text NULL, optional dates cleared, optional integers and money TIDU_UNSET.
 * Each *_validate reports every issue by field (the struct's field name); each save validates
 * first and fails with the first error, changing nothing. Loads and lists only see live rows
 * (not in the trash) unless said otherwise.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-record.h"
#include "tidu-validation.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ plans */

typedef struct
{
  char *id;
  char *name;          /* required, e.g. 红韵海州英才计划; unique per region_name among live plans */
  char *level;         /* a code of the levels vocabulary (national, provincial, …) or NULL */
  char *issuer;
  char *region_name;   /* where the plan applies, as the plan writes it: 连云港市海州区 */
  char *region_id;     /* a live region or NULL */
  char *description;
  char *source;        /* the document or notice it was taken from */
  char *created_at;
  char *updated_at;
  char *deleted_at;
} TiduTalentPlan;

TiduTalentPlan *tidu_talent_plan_new      (void);
void            tidu_talent_plan_free     (TiduTalentPlan        *plan);
TiduTalentPlan *tidu_talent_plan_copy     (const TiduTalentPlan  *plan);
TiduValidation *tidu_talent_plan_validate (TiduDatabase          *db,
                                           const TiduTalentPlan  *plan,
                                           GError               **error);
gboolean        tidu_talent_plan_save     (TiduDatabase          *db,
                                           TiduTalentPlan        *plan,
                                           GError               **error);
TiduTalentPlan *tidu_talent_plan_load     (TiduDatabase          *db,
                                           const char            *id,
                                           GError               **error);
/* Live plans by name. */
GPtrArray      *tidu_talent_plan_list     (TiduDatabase          *db,
                                           GError               **error);
/* Refuses with TIDU_ERROR_CONFLICT while live awards reference the plan. */
gboolean        tidu_talent_plan_delete   (TiduDatabase          *db,
                                           const char            *id,
                                           GError               **error);
/* Refuses with TIDU_ERROR_DUPLICATE when a live plan took the name meanwhile. */
gboolean        tidu_talent_plan_restore  (TiduDatabase          *db,
                                           const char            *id,
                                           GError               **error);
/* Removes a plan in the trash for good, with its categories, batches and trashed awards. */
gboolean        tidu_talent_plan_purge    (TiduDatabase          *db,
                                           const char            *id,
                                           GError               **error);

/* ------------------------------------------------------------------ categories */

/* A category and its funding standard, e.g. 双创人才 500,000 over three years. */
typedef struct
{
  char     *id;
  char     *plan_id;
  char     *name;          /* required, unique in the plan */
  gboolean  is_team;       /* awards of a team category need a team name and may have members */
  gint64    amount_min;    /* yuan ≥ 0, or TIDU_UNSET */
  gint64    amount_max;    /* yuan ≥ amount_min, or TIDU_UNSET; awards above it get a warning */
  gint64    payout_years;  /* ≥ 1, or TIDU_UNSET */
  char     *payout_note;
  gint64    rank;          /* display order */
} TiduPlanCategory;

TiduPlanCategory *tidu_plan_category_new      (void);
void              tidu_plan_category_free     (TiduPlanCategory        *category);
TiduPlanCategory *tidu_plan_category_copy     (const TiduPlanCategory  *category);
TiduValidation   *tidu_plan_category_validate (TiduDatabase            *db,
                                               const TiduPlanCategory  *category,
                                               GError                 **error);
gboolean          tidu_plan_category_save     (TiduDatabase            *db,
                                               TiduPlanCategory        *category,
                                               GError                 **error);
TiduPlanCategory *tidu_plan_category_load     (TiduDatabase            *db,
                                               const char              *id,
                                               GError                 **error);
/* Live categories of a plan by rank, then name. */
GPtrArray        *tidu_plan_category_list     (TiduDatabase            *db,
                                               const char              *plan_id,
                                               GError                 **error);
/* Soft delete; TIDU_ERROR_CONFLICT while live awards use the category. */
gboolean          tidu_plan_category_delete   (TiduDatabase            *db,
                                               const char              *id,
                                               GError                 **error);

/* ------------------------------------------------------------------ batches */

/* One round of a plan (第十八批, or just a year). */
typedef struct
{
  char   *id;
  char   *plan_id;
  gint64  year;          /* required, 1980–2100; unique in the plan among unnamed batches */
  char   *name;          /* NULL, or unique in the plan */
  GDate   announced_on;
} TiduPlanBatch;

TiduPlanBatch  *tidu_plan_batch_new      (void);
void            tidu_plan_batch_free     (TiduPlanBatch        *batch);
TiduPlanBatch  *tidu_plan_batch_copy     (const TiduPlanBatch  *batch);
TiduValidation *tidu_plan_batch_validate (TiduDatabase         *db,
                                          const TiduPlanBatch  *batch,
                                          GError              **error);
gboolean        tidu_plan_batch_save     (TiduDatabase         *db,
                                          TiduPlanBatch        *batch,
                                          GError              **error);
TiduPlanBatch  *tidu_plan_batch_load     (TiduDatabase         *db,
                                          const char           *id,
                                          GError              **error);
/* Live batches of a plan by year, then name. */
GPtrArray      *tidu_plan_batch_list     (TiduDatabase         *db,
                                          const char           *plan_id,
                                          GError              **error);
/* Soft delete; TIDU_ERROR_CONFLICT while live awards belong to the batch. */
gboolean        tidu_plan_batch_delete   (TiduDatabase         *db,
                                          const char           *id,
                                          GError              **error);
char              *tidu_plan_batch_get_label      (const TiduPlanBatch     *batch);

/* ------------------------------------------------------------------ awards */

typedef enum
{
  TIDU_AWARD_ACTIVE,
  TIDU_AWARD_COMPLETED,   /* every instalment paid */
  TIDU_AWARD_REVOKED
} TiduAwardStatus;

const char *tidu_award_status_to_string   (TiduAwardStatus  status);
gboolean    tidu_award_status_from_string (const char      *text,
                                           TiduAwardStatus *status);
const char *tidu_award_status_get_label   (TiduAwardStatus  status);

typedef struct
{
  char            *id;
  char            *plan_id;         /* required, a live plan */
  char            *category_id;     /* NULL or a live category of the same plan */
  char            *batch_id;        /* NULL or a live batch of the same plan */
  char            *talent_id;       /* required: the talent, or the leader of a team */
  char            *firm_id;         /* NULL or a live firm */
  char            *team_name;       /* required when the category is a team category */
  gint64           year;            /* 1980–2100 or TIDU_UNSET; save fills in the batch's year */
  gint64           granted_amount;  /* yuan ≥ 0 or TIDU_UNSET; above the category's
                                     * amount_max is a warning (一事一议) */
  TiduAwardStatus  status;
  char            *notes;
  char            *created_at;
  char            *updated_at;
  char            *deleted_at;
  /* Filled by load and the lists for display; ignored by save. */
  char            *talent_name;
  char            *firm_name;
  char            *category_name;
  char            *batch_name;
} TiduTalentAward;

TiduTalentAward *tidu_talent_award_new        (void);
void             tidu_talent_award_free       (TiduTalentAward        *award);
TiduTalentAward *tidu_talent_award_copy       (const TiduTalentAward  *award);
TiduValidation  *tidu_talent_award_validate   (TiduDatabase           *db,
                                               const TiduTalentAward  *award,
                                               GError                **error);
gboolean         tidu_talent_award_save       (TiduDatabase           *db,
                                               TiduTalentAward        *award,
                                               GError                **error);
TiduTalentAward *tidu_talent_award_load       (TiduDatabase           *db,
                                               const char             *id,
                                               GError                **error);
gboolean         tidu_talent_award_delete     (TiduDatabase           *db,
                                               const char             *id,
                                               GError                **error);
/* Validates the award again first: its plan, talent and natural key must still be free. */
gboolean         tidu_talent_award_restore    (TiduDatabase           *db,
                                               const char             *id,
                                               GError                **error);
/* Marking an award completed while unpaid instalments remain is TIDU_ERROR_INVALID. */
gboolean         tidu_talent_award_set_status (TiduDatabase           *db,
                                               const char             *id,
                                               TiduAwardStatus         status,
                                               GError                **error);

/* ------------------------------------------------------------------ team members */

typedef struct
{
  char *award_id;
  char *talent_id;
  char *role;          /* e.g. 核心成员 */
  char *talent_name;   /* filled by the list for display; ignored when adding */
} TiduAwardMember;

TiduAwardMember *tidu_award_member_new      (void);
void             tidu_award_member_free     (TiduAwardMember        *member);
TiduAwardMember *tidu_award_member_copy     (const TiduAwardMember  *member);
/* The award must be a live team award (team category or team name), the talent live, not its
 * leader and not a member yet. */
TiduValidation  *tidu_award_member_validate (TiduDatabase           *db,
                                             const TiduAwardMember  *member,
                                             GError                **error);
gboolean         tidu_talent_award_add_member    (TiduDatabase           *db,
                                                  const TiduAwardMember  *member,
                                                  GError                **error);
gboolean         tidu_talent_award_remove_member (TiduDatabase           *db,
                                                  const char             *award_id,
                                                  const char             *talent_id,
                                                  GError                **error);
/* Members by name. */
GPtrArray       *tidu_talent_award_list_members  (TiduDatabase           *db,
                                                  const char             *award_id,
                                                  GError                **error);

/* ------------------------------------------------------------------ instalments */

typedef struct
{
  char   *id;
  char   *award_id;
  GDate   due_on;
  gint64  planned_amount;  /* required, yuan ≥ 0; planned instalments above the award's
                            * granted_amount in sum are a warning */
  GDate   paid_on;         /* paid_on and paid_amount are set together */
  gint64  paid_amount;     /* yuan ≥ 0 or TIDU_UNSET */
} TiduInstalment;

TiduInstalment *tidu_instalment_new      (void);
void            tidu_instalment_free     (TiduInstalment        *instalment);
TiduInstalment *tidu_instalment_copy     (const TiduInstalment  *instalment);
TiduValidation *tidu_instalment_validate (TiduDatabase          *db,
                                          const TiduInstalment  *instalment,
                                          GError               **error);
gboolean        tidu_instalment_save     (TiduDatabase          *db,
                                          TiduInstalment        *instalment,
                                          GError               **error);
/* Live instalments of an award by due date (undated last). */
GPtrArray      *tidu_instalment_list     (TiduDatabase          *db,
                                          const char            *award_id,
                                          GError               **error);
gboolean        tidu_instalment_delete   (TiduDatabase          *db,
                                          const char            *id,
                                          GError               **error);

/* ------------------------------------------------------------------ plan page */

/* Live awards of a plan, of one batch when @batch_id is not NULL, by year, batch and talent. */
GPtrArray *tidu_talent_plan_list_awards (TiduDatabase  *db,
                                         const char    *plan_id,
                                         const char    *batch_id,
                                         GError       **error);

/* Figures of one batch of a plan. Revoked awards count in no figure but paid_total (money
 * that went out stays paid). */
typedef struct
{
  char   *batch_id;       /* NULL for awards without a batch, and in the totals */
  char   *batch_name;
  gint64  year;           /* TIDU_UNSET for awards without a batch and in the totals */
  gint64  n_awards;
  gint64  n_talents;      /* distinct talents: leaders and team members, each once */
  gint64  granted_total;  /* yuan */
  gint64  paid_total;     /* yuan, from paid instalments */
  gint64  n_firms;        /* distinct firms supported */
} TiduPlanBatchSummary;

typedef struct
{
  char                 *plan_id;
  GPtrArray            *batches;  /* TiduPlanBatchSummary: live batches in year order (also
                                   * those without awards), then one row for awards without a
                                   * batch when there are any */
  TiduPlanBatchSummary  totals;   /* the whole plan; a talent or firm in two batches counts once */
} TiduPlanSummary;

TiduPlanSummary *tidu_talent_plan_summary (TiduDatabase  *db,
                                           const char    *plan_id,
                                           GError       **error);
void             tidu_plan_summary_free   (TiduPlanSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduTalentPlan, tidu_talent_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduPlanCategory, tidu_plan_category_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduPlanBatch, tidu_plan_batch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduTalentAward, tidu_talent_award_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduAwardMember, tidu_award_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduInstalment, tidu_instalment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduPlanSummary, tidu_plan_summary_free)

G_END_DECLS
