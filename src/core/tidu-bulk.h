/* tidu-bulk.h: bulk loads without the per-row upkeep of the search indexes.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"

G_BEGIN_DECLS

/* Inside the caller's transaction, tidu_bulk_begin() drops the triggers that keep the search
 * indexes (*_fts, *_chars) in step with their tables; tidu_bulk_end() creates them again from
 * the SQL they were created with and rebuilds each index once (PERFORMANCE.md §1.2,
 * docs/adr/0002-search-indexes.md). The triggers are schema, so rolling the transaction back
 * brings them back too: after a rollback only tidu_bulk_free() is needed. */
typedef struct _TiduBulk TiduBulk;

typedef enum
{
  TIDU_BULK_DEFAULT      = 0,       /* suspend the search-index triggers only */
  /* Also drop the tables' secondary indexes that are not UNIQUE and build them again at the
   * end: sorting once is far cheaper than a million inserts at random places (PERFORMANCE.md
   * §1.2). UNIQUE indexes stay, so natural keys are still checked row by row. */
  TIDU_BULK_DROP_INDEXES = 1 << 0,
} TiduBulkFlags;

/* @tables: (nullable) (array zero-terminated=1): the base tables about to be loaded (e.g.
 * "firms"), or %NULL for every table. */
gboolean   tidu_bulk_begin_tables (TiduDatabase        *db,
                                   const char * const  *tables,
                                   TiduBulkFlags        flags,
                                   TiduBulk           **state,
                                   GError             **error);
gboolean   tidu_bulk_begin        (TiduDatabase        *db,
                                   TiduBulk           **state,
                                   GError             **error);
/* Recreates the triggers (and indexes) and rebuilds the indexes of the tables begin suspended. Call it before
 * the caller commits; it does not free @state. */
gboolean   tidu_bulk_end          (TiduBulk            *state,
                                   GError             **error);
/* The number of triggers and of indexes begin dropped. */
guint      tidu_bulk_get_n_triggers (TiduBulk          *state);
guint      tidu_bulk_get_n_indexes  (TiduBulk          *state);
void       tidu_bulk_free         (TiduBulk            *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduBulk, tidu_bulk_free)

/* Builds the search indexes of a load into an empty table on a thread of its own, from the
 * rows the loader hands it, in a private in-memory database; tidu_bulk_end() copies them in
 * instead of rebuilding (PERFORMANCE.md §4: the second core does the search indexes). */
typedef struct _TiduBulkIndexer TiduBulkIndexer;

TiduBulkIndexer *tidu_bulk_indexer_new   (TiduDatabase        *db,
                                          const char          *content,
                                          const char * const  *columns);
void             tidu_bulk_indexer_add   (TiduBulkIndexer     *indexer,
                                          gint64               rowid,
                                          const char * const  *values);
void             tidu_bulk_indexer_spoil (TiduBulkIndexer     *indexer);
void             tidu_bulk_indexer_free  (TiduBulkIndexer     *indexer);
void             tidu_bulk_set_indexer   (TiduBulk            *state,
                                          TiduBulkIndexer     *indexer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduBulkIndexer, tidu_bulk_indexer_free)

G_END_DECLS
