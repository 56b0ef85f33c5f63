/* tidu-search.h: turning what the user typed into a search over the FTS indexes.
 *
 * The text is split into terms (white space, the full-width space and common punctuation
 * separate them; ASCII letters match either case). Terms of three or more characters are phrases
 * on the trigram index (*_fts), shorter ones phrases on the per-character index (*_chars); all
 * terms must match (AND). SQLite 3.40's trigram index cannot see one- and two-character terms
 * and LIKE against it finds nothing in Chinese, so neither is ever asked to
 * (PERFORMANCE.md §1.3, docs/adr/0002-search-indexes.md). The result equals a plain
 * LIKE '%term%' over the searched columns of the base table, ANDed over the terms.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"

G_BEGIN_DECLS

/* What is searched:
 *   firms:        name, uscc, notes            (firms_fts, firms_chars)
 *   carriers:     name, operator, notes        (carriers_fts, carriers_chars)
 *   talents:      name, field, notes           (talents_fts, talents_chars)
 *   talent plans: name, issuer, region_name    (a small table: LIKE on the base table) */
typedef enum
{
  TIDU_SEARCH_FIRMS,
  TIDU_SEARCH_CARRIERS,
  TIDU_SEARCH_TALENTS,
  TIDU_SEARCH_TALENT_PLANS,
  TIDU_N_SEARCH_TARGETS
} TiduSearchTarget;

typedef struct _TiduSearch TiduSearch;

TiduSearch         *tidu_search_new        (const char         *text);
void                tidu_search_free       (TiduSearch         *search);
gboolean            tidu_search_is_empty   (const TiduSearch   *search);
/* The terms, in the order typed (NULL-terminated). */
const char * const *tidu_search_get_terms  (const TiduSearch   *search,
                                            guint              *n_terms);

/* An SQL condition on the target's base table, known in the statement as @alias, that holds for
 * the matching live rows ("1" for an empty search). Its parameters are numbered ?N, counting on from
 * the @values already there; their text values (owned strings) are appended to @values, so
 * binding values->pdata[i] as parameter i + 1 runs it. Any input is safe: FTS query syntax
 * (quotes, AND, *, NEAR, column filters) is quoted. */
char               *tidu_search_build_sql  (const TiduSearch   *search,
                                            TiduSearchTarget    target,
                                            const char         *alias,
                                            GPtrArray          *values);

/* The same for the live rows (@trash FALSE) or the rows in the trash. The FTS indexes hold the
 * live rows only, so the trash is searched with LIKE; either way the statement must also keep
 * to those rows (deleted_at), since a term the indexes cannot decide is checked with LIKE. */
char               *tidu_search_build_sql_full (const TiduSearch *search,
                                                TiduSearchTarget  target,
                                                const char       *alias,
                                                gboolean          trash,
                                                GPtrArray        *values);
/* A whole statement counting the matching live (or trashed) rows, parameters as above. When
 * the indexes decide every term it reads them alone, never the base table. */
char               *tidu_search_build_count_sql (const TiduSearch *search,
                                                 TiduSearchTarget  target,
                                                 gboolean          trash,
                                                 GPtrArray        *values);

/* The rowids of the live (or, with @trash, the deleted) rows matching @text, ascending. When
 * the indexes decide every term, only they are read. */
GArray             *tidu_search_run        (TiduDatabase       *db,
                                            TiduSearchTarget    target,
                                            const char         *text,
                                            gboolean            trash,
                                            GError            **error);

/* Whether the target has FTS indexes (every target but the talent plans). */
gboolean            tidu_search_target_has_index (TiduSearchTarget target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduSearch, tidu_search_free)

G_END_DECLS
