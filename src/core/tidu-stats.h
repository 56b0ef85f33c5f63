/* tidu-stats.h: statistics of the tier ladder and of carriers, for the Overview, the charts and
 * `tidu-cli stats`.
 *
 * Every statistic is one plain call on a TiduDatabase and keeps no state between calls: the UI
 * runs them on a worker thread with its own connection (a TiduDatabase is used by one thread at
 * a time). Rows in the trash are left out everywhere: firms, certifications, stays, carriers,
 * carrier years and regions.
 *
 * Tiers are the main ladder (科技型中小企业 → 高新技术企业 → 瞪羚企业 → 潜在独角兽企业 →
 * 独角兽企业 → 上市企业), lowest first, as the `tiers` table ranks them. A certification holds its
 * tier on a day exactly as tidu_firm_tier_on () says: dated on or before the day, valid_until
 * (docs/adr/0003-certificate-validity.md) empty or on or after the day, not revoked on or
 * before the day. A firm's tier on a day is its highest tier held that day.
 *
 * Each result can give the firms behind any of its numbers: describe the number with a
 * TiduStatsCell and call tidu_stats_firm_ids () with the same filter.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-vocabulary.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ filters */

/* Which firms (and carriers) a statistic counts. Every field is optional. */
typedef struct
{
  GDate  date;         /* the as-of day of the ladder and of targets' figures; cleared: today
                        * (local time). Also caps the current year's "year end" (see below). */
  int    from_year;    /* the years of progressions, transitions and carrier figures; 0: */
  int    to_year;      /* to_year is the as-of day's year, from_year four years before it */
  char  *region_id;    /* firms (carriers) of this region or any region below it */
  char  *carrier_id;   /* firms with a stay (入孵, any time) in this carrier; for carrier
                        * performance: this carrier only */
  char  *industry;     /* firms whose industry is exactly this text */
  char  *tech_field;   /* tech_fields code: one of the eight 高新技术领域 */
} TiduStatsFilter;

TiduStatsFilter *tidu_stats_filter_new   (void);
void             tidu_stats_filter_free  (TiduStatsFilter        *filter);
TiduStatsFilter *tidu_stats_filter_copy  (const TiduStatsFilter  *filter);
/* Checks the filter against the database: the years (1980 to 2100, from_year ≤ to_year), the
 * region, carrier and tech field exist and are not in the trash. Fails with TIDU_ERROR_INVALID
 * and a translated message naming the field. Every statistic calls it. */
gboolean         tidu_stats_filter_check (TiduDatabase           *db,
                                          const TiduStatsFilter  *filter,
                                          GError                **error);
typedef enum
{
  TIDU_STATS_FIELD_REGION,       /* region_id: by id or exact name */
  TIDU_STATS_FIELD_CARRIER,      /* carrier_id: by id or exact name */
  TIDU_STATS_FIELD_TECH_FIELD    /* tech_field: by code, Chinese or English name */
} TiduStatsField;

/* Sets a field of the filter from what a user typed (the CLI's --region 海州区). Live rows
 * only. No match, or several (two regions of one name), fails with TIDU_ERROR_INVALID_INPUT and
 * a translated message naming the field; the filter is then unchanged. */
gboolean         tidu_stats_filter_set_by_name (TiduDatabase     *db,
                                                TiduStatsFilter  *filter,
                                                TiduStatsField    field,
                                                const char       *text,
                                                GError          **error);
/* The filter's as-of day (today when unset) and years (defaults applied), for showing them. */
void             tidu_stats_filter_resolve (const TiduStatsFilter *filter,
                                            GDate                 *date,
                                            int                   *from_year,
                                            int                   *to_year);

/* The day a year's figures are taken on: 31 December of @year, or @date when it falls inside
 * that year (the current year is counted up to the as-of day, never past it). */
void             tidu_stats_year_end       (int                    year,
                                            const GDate           *date,
                                            GDate                 *end);

/* ------------------------------------------------------------------ the ladder on a day */

typedef struct
{
  GDate      date;       /* the day counted */
  GPtrArray *tiers;      /* (element-type TiduVocabItem): the ladder, lowest tier first */
  gint64    *counts;     /* tiers->len numbers: firms whose highest tier that day is tiers[i] */
  gint64     total;      /* firms holding any tier that day (the sum of counts) */
  gint64     firms;      /* live firms the filter selects, with or without a tier */
} TiduLadder;

TiduLadder *tidu_stats_ladder      (TiduDatabase           *db,
                                    const TiduStatsFilter  *filter,
                                    GError                **error);
void        tidu_ladder_free       (TiduLadder             *ladder);
/* The count of @tier_code, 0 when it is not a ladder tier. */
gint64      tidu_ladder_get_count  (const TiduLadder       *ladder,
                                    const char             *tier_code);

/* ------------------------------------------------------------------ progression by year */

/* Per year and tier; each array has n_years × tiers->len numbers, index
 * (year - from_year) * tiers->len + tier. A firm holding two tiers at once counts in each. */
typedef struct
{
  int        from_year;
  int        to_year;
  guint      n_years;
  GPtrArray *tiers;        /* (element-type TiduVocabItem): the ladder, lowest tier first */
  GDate     *year_ends;    /* n_years days: when each year's stock was taken (tidu_stats_year_end) */
  gint64    *held;         /* firms holding the tier at the year end */
  gint64    *gained;       /* firms holding it at this year end but not at the one before */
  gint64    *lost;         /* firms holding it at the year end before but not at this one */
  gint64    *expired;      /* of lost: those whose certificate ran out (no revocation that year) */
  gint64    *revoked;      /* of lost: those whose certificate was revoked during the year */
  gint64    *new_certifications; /* firms with a certification of the tier dated in the year
                                  * (up to the year end): 新认定 and renewals (复审) alike */
} TiduProgression;

TiduProgression *tidu_stats_progression (TiduDatabase           *db,
                                         const TiduStatsFilter  *filter,
                                         GError                **error);
void             tidu_progression_free  (TiduProgression        *progression);
/* One number of the progression: @values is one of its arrays (held, gained, …). Returns 0 for
 * a year or tier outside it. */
gint64           tidu_progression_get   (const TiduProgression  *progression,
                                         const gint64           *values,
                                         int                     year,
                                         const char             *tier_code);

/* ------------------------------------------------------------------ transitions between two years */

/* Firms by their tier at the end of from_year (row) and at the end of to_year (column), each
 * firm in one cell by its highest tier. Index n = tiers->len is "no tier": row n holds the new
 * firms (no tier then, a tier now), column n the gone ones. Cell [n][n] is always 0: firms with
 * no tier at either end are not counted. The matrix has (n + 1) × (n + 1) numbers, index
 * row * (n + 1) + column. */
typedef struct
{
  int        from_year;
  int        to_year;
  GDate      from_date;    /* tidu_stats_year_end (from_year) */
  GDate      to_date;      /* tidu_stats_year_end (to_year) */
  GPtrArray *tiers;        /* (element-type TiduVocabItem): the ladder, lowest tier first */
  gint64    *matrix;
  gint64     moved_up;     /* firms in a higher tier at the end than at the start */
  gint64     stayed;
  gint64     dropped;      /* in a lower tier, not gone */
  gint64     new_firms;    /* row n */
  gint64     gone;         /* column n */
  /* Median years from first holding tiers[i] to first holding tiers[j] (j > i), over the firms
   * that first reached tiers[j] after from_date and on or before to_date, having first held
   * tiers[i] earlier: n × n numbers, index i * n + j, NAN where no firm made that climb.
   * medians_n holds how many firms each median is over. Years are days / 365.25. */
  double    *median_years;
  gint64    *medians_n;
} TiduTransitions;

TiduTransitions *tidu_stats_transitions     (TiduDatabase           *db,
                                             const TiduStatsFilter  *filter,
                                             GError                **error);
void             tidu_transitions_free      (TiduTransitions        *transitions);
/* A cell by tier codes; NULL is "no tier". */
gint64           tidu_transitions_get       (const TiduTransitions  *transitions,
                                             const char             *from_tier,
                                             const char             *to_tier);
/* The median years from @from_tier to the next tier up the ladder (the one a firm climbs to),
 * NAN when no firm made that climb. */
double           tidu_transitions_median_to_next (const TiduTransitions *transitions,
                                                  const char            *from_tier);

/* ------------------------------------------------------------------ carrier performance by year */

typedef struct
{
  int     year;
  GDate   year_end;         /* tidu_stats_year_end (year) */
  gint64  incubated;        /* firms in a carrier at the year end (stay entered on or before it,
                             * not left on or before it) */
  gint64  entered;          /* firms entering (入孵) during the year */
  gint64  graduated;        /* stays ending 毕业 during the year */
  gint64  left;             /* stays ending 退出 during the year */
  gint64  became_hnte;      /* firms with a 高新技术企业 certification dated in the year while
                             * in the carrier, that held no 高企 the day before */
  gint64  reported_incubated; /* carrier_years.incubated_firms summed (火炬统计); TIDU_UNSET when
                               * no carrier reported it */
  gint64  reported_graduated; /* carrier_years.graduated_this_year summed; TIDU_UNSET as above */
  gint64 *grade_counts;     /* grades->len numbers: carriers graded grades[i] for the year */
  char   *grade;            /* for one carrier (filter carrier_id): its grade code, or NULL */
} TiduCarrierYearFigures;

typedef struct
{
  int                     from_year;
  int                     to_year;
  guint                   n_years;
  gint64                  n_carriers;  /* live carriers counted: the filter's one, or all of
                                        * its region */
  GPtrArray              *grades;      /* (element-type TiduVocabItem): best grade first */
  TiduCarrierYearFigures *years;       /* n_years, from_year first */
} TiduCarrierPerformance;

/* Firms are counted by their stays in the carriers the filter selects (its carrier, or every
 * live carrier in its region); the industry and tech field filters apply to the firms. */
TiduCarrierPerformance *tidu_stats_carrier_performance (TiduDatabase           *db,
                                                        const TiduStatsFilter  *filter,
                                                        GError                **error);
void                    tidu_carrier_performance_free  (TiduCarrierPerformance *performance);

/* ------------------------------------------------------------------ the firms behind a number */

typedef enum
{
  TIDU_STATS_LADDER,              /* tier: highest tier on the filter's date (NULL: any tier) */
  TIDU_STATS_HELD,                /* year, tier */
  TIDU_STATS_GAINED,              /* year, tier */
  TIDU_STATS_LOST,                /* year, tier */
  TIDU_STATS_EXPIRED,             /* year, tier */
  TIDU_STATS_REVOKED,             /* year, tier */
  TIDU_STATS_NEW_CERTIFICATIONS,  /* year, tier */
  TIDU_STATS_TRANSITION,          /* tier → to_tier between the filter's years; NULL: no tier */
  TIDU_STATS_CLIMB,               /* tier → to_tier: the firms behind a median */
  TIDU_STATS_INCUBATED,           /* year */
  TIDU_STATS_ENTERED,             /* year */
  TIDU_STATS_GRADUATED,           /* year */
  TIDU_STATS_LEFT,                /* year */
  TIDU_STATS_BECAME_HNTE          /* year */
} TiduStatsMeasure;

/* One number of a result: which measure, and its year and tiers where it has them. */
typedef struct
{
  TiduStatsMeasure  measure;
  int               year;
  const char       *tier;
  const char       *to_tier;
} TiduStatsCell;

/* The ids of the live firms behind @cell, computed with @filter as the statistic was, sorted;
 * as many as the number shows. A NULL-terminated array, empty when none; NULL with @error set
 * on failure (a year or tier the filter does not cover is TIDU_ERROR_INVALID). */
GStrv tidu_stats_firm_ids (TiduDatabase           *db,
                           const TiduStatsFilter  *filter,
                           const TiduStatsCell    *cell,
                           GError                **error);

/* ------------------------------------------------------------------ everything the Overview shows */

typedef struct _TiduTargetProgress TiduTargetProgress;

/* The Overview's numbers in one call (one read transaction, so they agree with each other):
 * the ladder on the filter's date, the progression and transitions over its years, carrier
 * performance, and the progress of the live targets for the as-of day's year (targets:
 * element-type TiduTargetProgress, see tidu-target.h): the targets of the filter's region, or
 * every target when the filter has no region. Targets always count every firm of their own
 * region: the filter's carrier, industry and tech field do not apply to them. The numbers are
 * the same as the separate calls give (test-stats checks it); the dashboard is faster because
 * one pass over the certifications serves the ladder, progression, transitions and the
 * targets' tier figures. */
typedef struct
{
  TiduStatsFilter        *filter;
  TiduLadder             *ladder;
  TiduProgression        *progression;
  TiduTransitions        *transitions;
  TiduCarrierPerformance *carriers;
  GPtrArray              *targets;
} TiduDashboard;

TiduDashboard *tidu_stats_dashboard  (TiduDatabase           *db,
                                      const TiduStatsFilter  *filter,
                                      GError                **error);
void           tidu_dashboard_free   (TiduDashboard          *dashboard);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduStatsFilter, tidu_stats_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduLadder, tidu_ladder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduProgression, tidu_progression_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduTransitions, tidu_transitions_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduCarrierPerformance, tidu_carrier_performance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduDashboard, tidu_dashboard_free)

G_END_DECLS
