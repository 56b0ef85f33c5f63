/* tidu-stats-private.h: the SQL pieces the statistics and the targets share, for src/core only.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database-private.h"
#include "tidu-stats.h"
#include "tidu-target.h"

G_BEGIN_DECLS

/* "WITH RECURSIVE region_tree (id) AS (…) " for the filter's region and the live regions below
 * it (parameter :region); nothing without a region. Put it first in the statement. */
void        tidu_stats_append_region_tree  (GString               *sql,
                                            const TiduStatsFilter *filter);
/* " AND @column IN (the live firms the filter selects)" (parameters :region, :carrier,
 * :industry, :tech_field); without conditions " AND @column NOT IN (the firms in the trash)". */
void        tidu_stats_append_firm_filter  (GString               *sql,
                                            const TiduStatsFilter *filter,
                                            const char            *column);
/* Binds the filter's parameters the statement has. */
void        tidu_stats_bind_filter         (sqlite3_stmt          *stmt,
                                            const TiduStatsFilter *filter);
void        tidu_stats_bind_date           (sqlite3_stmt          *stmt,
                                            const char            *name,
                                            const GDate           *date);
/* The ladder tiers, lowest first (element-type TiduVocabItem). */
GPtrArray  *tidu_stats_ladder_tiers        (TiduDatabase          *db,
                                            GError               **error);
gpointer    tidu_stats_tier_from_row       (sqlite3_stmt          *stmt);

/* A read transaction over several statements (a savepoint; nests in the caller's). */
gboolean    tidu_stats_begin_read          (TiduDatabase          *db,
                                            GError               **error);
void        tidu_stats_end_read            (TiduDatabase          *db);

/* A tier figure of a target for one pass over the certifications: firms holding @tier at the
 * end of @year and of the year before (or with a certification of it dated in those years),
 * among the live firms of @region_id and the regions below it (NULL: all). */
typedef struct
{
  const char         *tier;               /* a ladder tier */
  gboolean            new_certifications;
  const char         *region_id;
  int                 year;
  gint64              actual;             /* out */
  gint64              last_year;          /* out */
  TiduTargetProgress *progress;           /* the caller's, filled by tidu_target_progress_finish () */
} TiduStatsTierQuery;

/* Fills the queries (element-type TiduStatsTierQuery) in one pass; years up to @date's. */
gboolean    tidu_stats_tier_queries        (TiduDatabase          *db,
                                            GPtrArray             *queries,
                                            const GDate           *date,
                                            GError               **error);

/* The progress of the live targets covering @year (of @region_id when given): figures that
 * come from tier counts are left to @queries (element-type TiduStatsTierQuery, added to),
 * the others are computed now. tidu_target_progress_finish () completes them after the pass. */
GPtrArray  *tidu_target_progress_collect   (TiduDatabase          *db,
                                            const char            *region_id,
                                            int                    year,
                                            const GDate           *date,
                                            GPtrArray             *queries,
                                            GError               **error);
void        tidu_target_progress_finish    (GPtrArray             *queries);

/* The statistics without the filter check and the read transaction. */
TiduLadder             *tidu_stats_ladder_compute              (TiduDatabase           *db,
                                                                const TiduStatsFilter  *filter,
                                                                GError                **error);
gboolean                tidu_stats_progression_compute         (TiduDatabase           *db,
                                                                const TiduStatsFilter  *filter,
                                                                TiduProgression       **progression,
                                                                TiduTransitions       **transitions,
                                                                GError                **error);
TiduCarrierPerformance *tidu_stats_carrier_performance_compute (TiduDatabase           *db,
                                                                const TiduStatsFilter  *filter,
                                                                GError                **error);

G_END_DECLS
