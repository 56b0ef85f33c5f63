/* tidu-record-private.h: helpers for the record code inside src/core.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database-private.h"
#include "tidu-record.h"

G_BEGIN_DECLS

char         *tidu_record_new_id       (void);
char         *tidu_record_timestamp    (void);

/* Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT, inner ones are savepoints. */
gboolean      tidu_database_begin      (TiduDatabase  *self,
                                        GError       **error);
gboolean      tidu_database_commit     (TiduDatabase  *self,
                                        GError       **error);
void          tidu_database_rollback   (TiduDatabase  *self);

/* A prepared statement cached on the connection, reset and with bindings cleared. Owned by
 * the database: never finalize it. A TiduDatabase is used by one thread at a time. */
sqlite3_stmt *tidu_database_prepare    (TiduDatabase  *self,
                                        const char    *sql,
                                        GError       **error);
/* Steps a statement that returns no rows; maps constraint failures to TIDU_ERROR codes. */
gboolean      tidu_database_step_done  (TiduDatabase  *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);

void          tidu_bind_text           (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);
void          tidu_bind_date           (sqlite3_stmt  *stmt,
                                        int            index,
                                        const GDate   *date);
void          tidu_bind_int            (sqlite3_stmt  *stmt,
                                        int            index,
                                        gint64         value);
void          tidu_bind_double         (sqlite3_stmt  *stmt,
                                        int            index,
                                        double         value);
char         *tidu_column_text         (sqlite3_stmt  *stmt,
                                        int            column);
void          tidu_column_date         (sqlite3_stmt  *stmt,
                                        int            column,
                                        GDate         *date);
gint64        tidu_column_int          (sqlite3_stmt  *stmt,
                                        int            column);
double        tidu_column_double       (sqlite3_stmt  *stmt,
                                        int            column);

/* Soft delete, restore and purge by id for any entity table (table names come from core code,
 * never from users). Purge only removes a row that is already in the trash. */
gboolean      tidu_record_set_deleted  (TiduDatabase  *db,
                                        const char    *table,
                                        const char    *id,
                                        gboolean       deleted,
                                        GError       **error);
gboolean      tidu_record_purge        (TiduDatabase  *db,
                                        const char    *table,
                                        const char    *id,
                                        GError       **error);

G_END_DECLS
