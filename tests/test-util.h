/* test-util.h: fixtures and raw SQL helpers shared by the unit tests of the core records.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-core.h"
#include "tidu-database-private.h"

G_BEGIN_DECLS

/* A fresh database file in a temporary folder of its own, for g_test_add (). */
typedef struct
{
  char         *dir;
  TiduDatabase *db;
} TiduTestFixture;

void      tidu_test_fixture_set_up    (TiduTestFixture *f,
                                       gconstpointer    data);
void      tidu_test_fixture_tear_down (TiduTestFixture *f,
                                       gconstpointer    data);
/* Removes @dir with everything in it. */
void      tidu_test_remove_tree       (const char      *dir);

/* Every row (id, updated_at, deleted_at) of @tables, so a test can say "nothing changed". */
char     *tidu_test_snapshot_tables   (TiduDatabase    *db,
                                       const char     **tables,
                                       guint            n_tables);
/* The first column of the one row @sql returns. */
gint64    tidu_test_db_int            (TiduDatabase    *db,
                                       const char      *sql);
/* The first column of the first row @sql returns, or NULL when there is none. */
char     *tidu_test_query_text        (TiduDatabase    *db,
                                       const char      *sql);
/* Runs @sql on the connection, bypassing the record code; a failure ends the test. */
void      tidu_test_exec              (TiduDatabase    *db,
                                       const char      *sql);
/* tidu_database_count () of @entity, asserting that it succeeds. */
gint64    tidu_test_count_live        (TiduDatabase    *db,
                                       TiduEntity       entity);
/* @iso ("2024-05-01") as a date; asserts that it parses. */
GDate     tidu_test_date              (const char      *iso);

typedef gboolean (*TiduTestValidateFunc) (TiduDatabase *db, gconstpointer record, TiduValidation *validation);
typedef gboolean (*TiduTestSaveFunc)     (TiduDatabase *db, gpointer record, GError **error);
typedef char    *(*TiduTestSnapshotFunc) (TiduDatabase *db);

/* The rule shows as an error on @field, the save fails with @code and @snapshot of the
 * database is unchanged. Returns the validation through @validation_out when asked. */
void      tidu_test_assert_rejected   (TiduDatabase          *db,
                                       TiduTestSnapshotFunc   snapshot,
                                       TiduTestValidateFunc   validate,
                                       TiduTestSaveFunc       save,
                                       gpointer               record,
                                       const char            *field,
                                       TiduError              code,
                                       TiduValidation       **validation_out);

G_END_DECLS
