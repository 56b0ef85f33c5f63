/* tidu-list.h: the queries behind the record lists (firms, carriers, talents, talent plans).
 *
 * A list is one SQL query that returns the rowids of the matching records in display order
 * (search, filters and sort all run in SQL); the UI's list model keeps that array and fetches
 * the cells of the rows the view shows, a page at a time (DESIGN.md §4). The list model runs a
 * search of the live records on its base order instead (TiduListBase below).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"

G_BEGIN_DECLS

typedef enum
{
  TIDU_LIST_FIRMS,
  TIDU_LIST_CARRIERS,
  TIDU_LIST_TALENTS,
  TIDU_LIST_TALENT_PLANS,
  TIDU_N_LISTS
} TiduListKind;

typedef struct
{
  const char *id;         /* stable: "name", "uscc", "region", "tier", … */
  const char *title;      /* translated column title */
  gboolean    numeric;    /* right-aligned, sorts as a number */
  gboolean    sortable;
} TiduListColumn;

/* What a list shows: one search text, filters by field, a sort, the live rows or the trash. */
typedef struct _TiduListQuery TiduListQuery;

/* One row as the list shows it: the record's id and one display string per column
 * (NULL where the record has no value). */
typedef struct
{
  gint64   rowid;
  char    *id;
  char   **cells;       /* tidu_list_get_columns (kind) entries, in order */
} TiduListRow;

const TiduListColumn *tidu_list_get_columns     (TiduListKind          kind,
                                                 guint                *n_columns);
const char           *tidu_list_kind_to_string  (TiduListKind          kind);
gboolean              tidu_list_kind_from_string (const char          *text,
                                                  TiduListKind        *kind);
/* Whether the kind has that column (for sorting) or that filter field; the filter fields, a
 * NULL-terminated array of static strings to free with g_free. */
gboolean              tidu_list_has_column      (TiduListKind          kind,
                                                 const char           *column_id);
gboolean              tidu_list_has_filter      (TiduListKind          kind,
                                                 const char           *field);
const char          **tidu_list_get_filter_fields (TiduListKind        kind);

TiduListQuery *tidu_list_query_new        (TiduListKind          kind);
TiduListQuery *tidu_list_query_copy       (const TiduListQuery  *query);
void           tidu_list_query_free       (TiduListQuery        *query);
TiduListKind   tidu_list_query_get_kind   (const TiduListQuery  *query);
void           tidu_list_query_set_search (TiduListQuery        *query,
                                           const char           *text);
const char    *tidu_list_query_get_search (const TiduListQuery  *query);
/* Filters by field; a NULL or empty value removes the filter. Fields per kind:
 *   firms:    region_id, tier (current tier code, or "none"), carrier_id (current stay),
 *             industry, tech_field, stage (attraction stage), expiring_days (a certification
 *             whose validity ends within that many days from today), ids (exactly these
 *             firms: a JSON array of their ids, see tidu_list_ids_to_filter ())
 *   carriers: kind, level, region_id, grade (latest grade)
 *   talents:  plan_id, year (award year), region_id
 *   plans:    level, region_id
 * An unknown field is a programmer error. */
void           tidu_list_query_set_filter (TiduListQuery        *query,
                                           const char           *field,
                                           const char           *value);
const char    *tidu_list_query_get_filter (const TiduListQuery  *query,
                                           const char           *field);
void           tidu_list_query_set_sort   (TiduListQuery        *query,
                                           const char           *column_id,
                                           gboolean              descending);
/* The column sorted on ("name" unless set). */
const char    *tidu_list_query_get_sort   (const TiduListQuery  *query,
                                           gboolean             *descending);
void           tidu_list_query_set_trash  (TiduListQuery        *query,
                                           gboolean              trash);
gboolean       tidu_list_query_get_trash  (const TiduListQuery  *query);
/* The date "current tier" and "expiring" are computed on; today unless set (tests set it). */
void           tidu_list_query_set_today  (TiduListQuery        *query,
                                           const GDate          *today);

/* The value of the "ids" filter for @ids (NULL-terminated; NULL: none). */
char          *tidu_list_ids_to_filter    (const char * const   *ids);

GArray        *tidu_list_query_run        (TiduDatabase         *db,
                                           const TiduListQuery  *query,
                                           GError              **error);
/* The EXPLAIN QUERY PLAN of tidu_list_query_run's statement, one step a line (for tests and
 * benchmarks). */
char          *tidu_list_query_explain    (TiduDatabase         *db,
                                           const TiduListQuery  *query,
                                           GError              **error);
/* Searching a list in memory (docs/adr/0008-list-search-in-memory.md). A list's base order is
 * the rowids of its query without the search, read once (on a worker: about as long as the
 * list with no search). A search then reads from the FTS indexes only the set of rowids
 * matching each term and keeps the base rows in all the sets, in their order: the same rows,
 * in the same order, as tidu_list_query_run () gives for the query with its search, at the cost
 * of the index reads. Only the live rows of the kinds with FTS indexes (firms, carriers,
 * talents) go this way (tidu_list_query_can_use_base ()); the trash and the talent plans run
 * their query.
 *
 * A base never changes once read and may move between threads. It keeps the connection it was
 * read on and that connection's PRAGMA data_version: a commit by any other connection since,
 * another day, or another query (search aside) makes it stale (tidu_list_base_is_current ()). */
typedef struct _TiduListBase TiduListBase;

gboolean       tidu_list_query_can_use_base (const TiduListQuery *query);
TiduListBase  *tidu_list_base_new         (TiduDatabase         *db,
                                           const TiduListQuery  *query,
                                           GError              **error);
TiduListBase  *tidu_list_base_ref         (TiduListBase         *base);
void           tidu_list_base_unref       (TiduListBase         *base);
/* The base order (do not change it). */
GArray        *tidu_list_base_get_rowids  (TiduListBase         *base);
/* Whether @base still is @query's base order on @db: same query but for the search, same day,
 * read on @db, and no commit by another connection since. */
gboolean       tidu_list_base_is_current  (TiduListBase         *base,
                                           TiduDatabase         *db,
                                           const TiduListQuery  *query);
/* @query's rowids in display order (@base must be current for it, and @db the connection it was
 * read on or one of the same file). The rowids of each term read on the base's connection are
 * kept with the base for the next searches (up to 400,000 rows). */
GArray        *tidu_list_base_search      (TiduListBase         *base,
                                           TiduDatabase         *db,
                                           const TiduListQuery  *query,
                                           GError              **error);

/* The cells of @rowids in that order (a page: up to a few hundred). A rowid whose record is
 * gone, or no longer in the list's live rows or trash, gives a row with id and cells NULL. */
GPtrArray     *tidu_list_fetch_rows       (TiduDatabase         *db,
                                           const TiduListQuery  *query,
                                           const gint64         *rowids,
                                           guint                 n_rowids,
                                           GError              **error);
void           tidu_list_row_free         (TiduListRow          *row);

/* For reading a whole list (exports): the cells that cost a look-up per row in other tables
 * (a firm's current tier), computed once for every record in one pass over those tables.
 * tidu_list_fetch_rows_with() then takes them from here instead of asking per row; the rows
 * are the same as tidu_list_fetch_rows() gives. */
typedef struct _TiduListPrefetch TiduListPrefetch;

TiduListPrefetch *tidu_list_prefetch_new   (TiduDatabase         *db,
                                            const TiduListQuery  *query,
                                            GError              **error);
void              tidu_list_prefetch_free  (TiduListPrefetch     *prefetch);
GPtrArray        *tidu_list_fetch_rows_with (TiduDatabase        *db,
                                            const TiduListQuery  *query,
                                            TiduListPrefetch     *prefetch,
                                            const gint64         *rowids,
                                            guint                 n_rowids,
                                            GError              **error);
/* Whether the kind has such cells (firms: the current tier); a prefetch read for another kind
 * or another day is ignored. */
gboolean          tidu_list_kind_has_prefetch (TiduListKind       kind);

/* What @db has seen: it changes with every commit, by @db (sqlite3_total_changes64) or by any
 * other connection (PRAGMA data_version). A prefetch read on another connection still holds
 * on @db while @db's stamp is the one taken before it was read. FALSE without @error while
 * @db is inside a transaction: what it will have seen is not settled. */
typedef struct
{
  gint64 data_version;
  gint64 changes;
} TiduListStamp;

gboolean          tidu_list_database_stamp (TiduDatabase        *db,
                                            TiduListStamp       *stamp,
                                            GError             **error);

/* The choices a filter offers, for the UI's drop-downs and the CLI: value and display label
 * pairs (regions by id with their names, carriers by id, distinct industries, plan ids, award
 * years, and vocabulary codes with their labels), sorted for display. */
typedef struct
{
  char *value;
  char *label;
} TiduListChoice;

GPtrArray     *tidu_list_filter_choices   (TiduDatabase         *db,
                                           TiduListKind          kind,
                                           const char           *field,
                                           GError              **error);
void           tidu_list_choice_free      (TiduListChoice       *choice);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduListQuery, tidu_list_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduListPrefetch, tidu_list_prefetch_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduListBase, tidu_list_base_unref)

G_END_DECLS
