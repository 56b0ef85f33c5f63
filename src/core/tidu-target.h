/* tidu-target.h: targets (指标任务) with their yearly breakdown (年度分解), and progress
 * against them.
 *
 * A target is an indicator (with its parameter, e.g. the tier) for a region over years, with a
 * goal for its last year and, optionally, a goal for each year. A plain record as in
 * tidu-record.h, kept in the targets and target_years tables; deleting moves it to the trash.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-record.h"
#include "tidu-stats.h"
#include "tidu-validation.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ indicators */

/* The built-in indicators, by the code stored in targets.indicator. "Stock" indicators are
 * taken on the year end (tidu_stats_year_end ()), "flow" ones count what happened during the
 * year up to it. Regions count with the regions below them. */
typedef enum
{
  TIDU_INDICATOR_FIRMS_PER_TIER,      /* "firms_per_tier", stock. Parameter: a ladder tier code
                                       * (required). Firms holding the tier (firms holding two
                                       * tiers count in each, as in the progression). */
  TIDU_INDICATOR_NEW_CERTIFICATIONS,  /* "new_certifications", flow. Parameter: a tier code
                                       * (required). Firms with a certification of the tier
                                       * dated in the year. */
  TIDU_INDICATOR_FIRMS_ATTRACTED,     /* "firms_attracted", flow. Parameter: "signed" (签约,
                                       * default) or "landed" (落地). Firms whose attraction
                                       * stage reached it, by its date (signed_on, landed_on)
                                       * in the year; a landed firm counts as signed too. */
  TIDU_INDICATOR_PROMOTION_EVENTS,    /* "promotion_events", flow. No parameter. Promotion
                                       * events (招商活动) held in the year. */
  TIDU_INDICATOR_CARRIERS,            /* "carriers", stock. Parameter: "KIND", "KIND:LEVEL",
                                       * ":LEVEL" or none. Carriers founded by the day (or
                                       * with no founding date), of that kind, holding that
                                       * level that day (carrier_levels; the carrier's level
                                       * when it has no level history). */
  TIDU_INDICATOR_CARRIER_AREA,        /* "carrier_area_m2", stock, m². Parameter: a carrier kind
                                       * or none. The area of those carriers, rounded. */
  TIDU_INDICATOR_TALENTS_AWARDED,     /* "talents_awarded", flow. Parameter: a talent plan id
                                       * or none (every plan). Talents awarded (not revoked)
                                       * for the year, team leaders and members alike. */
  TIDU_N_INDICATORS
} TiduIndicator;

const char *tidu_indicator_to_string   (TiduIndicator  indicator);
gboolean    tidu_indicator_from_string (const char    *text,
                                        TiduIndicator *indicator);
/* Translated name, e.g. "Firms per tier at year end". */
const char *tidu_indicator_get_label   (TiduIndicator  indicator);
/* Whether the indicator is taken on the year end (stock) rather than summed over the year. */
gboolean    tidu_indicator_is_stock    (TiduIndicator  indicator);
/* Whether it needs a parameter (a tier code). */
gboolean    tidu_indicator_needs_parameter (TiduIndicator indicator);

/* ------------------------------------------------------------------ targets */

typedef struct
{
  int     year;
  gint64  value;       /* ≥ 0 */
} TiduTargetYear;

typedef struct
{
  char    *id;            /* NULL until saved */
  char    *indicator;     /* a TiduIndicator code, required */
  char    *parameter;     /* per indicator, see above */
  char    *region_id;     /* a live region, or NULL: every firm */
  char    *title;         /* e.g. 有效高新技术企业达300家 */
  int      start_year;    /* 1980 … 2100, required */
  int      end_year;      /* start_year … 2100, required */
  gint64   value;         /* the goal at end_year, ≥ 0, required */
  char    *source;        /* the document setting it */
  char    *notes;
  GArray  *years;         /* (element-type TiduTargetYear): the yearly breakdown, each year in
                           * start_year … end_year at most once; saved in year order */
  char    *created_at;
  char    *updated_at;
  char    *deleted_at;
} TiduTarget;

TiduTarget *tidu_target_new       (void);
void        tidu_target_free      (TiduTarget        *target);
TiduTarget *tidu_target_copy      (const TiduTarget  *target);
/* Adds (or replaces) the goal for @year in the breakdown. */
void        tidu_target_set_year  (TiduTarget        *target,
                                   int                year,
                                   gint64             value);
/* The goal for @year: the breakdown's, else the target's value when @year is end_year;
 * TIDU_UNSET otherwise. */
gint64      tidu_target_get_year  (const TiduTarget  *target,
                                   int                year);

/* Issues on fields "indicator", "parameter", "region_id", "start_year", "end_year", "value"
 * and "years" (translated, naming what is wrong). */
gboolean    tidu_target_validate  (TiduDatabase      *db,
                                   const TiduTarget  *target,
                                   TiduValidation    *validation);
/* Validates, then inserts or updates the target and replaces its breakdown, in one
 * transaction; a failure leaves @target and the database as they were. */
gboolean    tidu_target_save      (TiduDatabase      *db,
                                   TiduTarget        *target,
                                   GError           **error);
/* Loads a target, live or in the trash, with its live breakdown. */
TiduTarget *tidu_target_load      (TiduDatabase      *db,
                                   const char        *id,
                                   GError           **error);
gboolean    tidu_target_delete    (TiduDatabase      *db,
                                   const char        *id,
                                   GError           **error);
gboolean    tidu_target_restore   (TiduDatabase      *db,
                                   const char        *id,
                                   GError           **error);
/* Live targets (or the trashed ones with @trash), by indicator, parameter, end year. With
 * @region_id, only that region's; with @year (not 0), only those whose years include it.
 * (element-type TiduTarget) */
GPtrArray  *tidu_target_list      (TiduDatabase      *db,
                                   const char        *region_id,
                                   int                year,
                                   gboolean           trash,
                                   GError           **error);

/* ------------------------------------------------------------------ progress */

struct _TiduTargetProgress
{
  char    *target_id;
  char    *indicator;
  char    *parameter;
  char    *region_id;
  char    *title;
  int      year;
  gint64   target;         /* the goal for the year (tidu_target_get_year ()); TIDU_UNSET
                            * when the target sets none for it */
  gint64   actual;         /* the indicator's figure (m² for the carrier area); TIDU_UNSET for
                            * an indicator this version does not know (listed by
                            * tidu_target_progress_list () all the same) */
  GDate    as_of;          /* the day of the figure: the year end, or the as-of day in it */
  double   ratio;          /* actual / target; NAN without a goal, or when it is 0 */
  gint64   last_year;      /* the figure a year earlier (at the previous year end), or TIDU_UNSET */
};

/* The indicator's figure for @region_id (NULL: all, sub-regions included) in @year, taken as
 * the stock on tidu_stats_year_end (@year, @date) or the flow up to it. */
gboolean            tidu_indicator_actual      (TiduDatabase      *db,
                                                TiduIndicator      indicator,
                                                const char        *parameter,
                                                const char        *region_id,
                                                int                year,
                                                const GDate       *date,
                                                gint64            *actual,
                                                GError           **error);
/* Progress of @target in @year, as of @date (NULL: today). */
TiduTargetProgress *tidu_target_progress       (TiduDatabase      *db,
                                                const TiduTarget  *target,
                                                int                year,
                                                const GDate       *date,
                                                GError           **error);
/* Progress of every live target (of @region_id only, when given) covering @year.
 * (element-type TiduTargetProgress) */
GPtrArray          *tidu_target_progress_list  (TiduDatabase      *db,
                                                const char        *region_id,
                                                int                year,
                                                const GDate       *date,
                                                GError           **error);
void                tidu_target_progress_free  (TiduTargetProgress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduTarget, tidu_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduTargetProgress, tidu_target_progress_free)

G_END_DECLS
