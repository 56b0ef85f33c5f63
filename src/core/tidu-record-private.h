/* tidu-record-private.h: helpers for the record code inside src/core.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database-private.h"
#include "tidu-record.h"
#include "tidu-validation.h"

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

/* Soft delete or restore in a transaction of its own (a savepoint inside the caller's). */
gboolean      tidu_record_set_deleted_in_transaction (TiduDatabase  *db,
                                                      const char    *table,
                                                      const char    *id,
                                                      gboolean       deleted,
                                                      GError       **error);
/* Soft delete (or purge) in a transaction, refused with TIDU_ERROR_CONFLICT and @message while
 * @in_use_sql (?1 = @id) returns a row. For the purge, a NULL @in_use_sql means "while any row
 * of another table points at @id through a foreign key that would neither cascade nor be set
 * to NULL" (see tidu_record_count_references()). */
gboolean      tidu_record_delete_unless_used (TiduDatabase  *db,
                                              const char    *table,
                                              const char    *id,
                                              const char    *in_use_sql,
                                              const char    *message,
                                              GError       **error);
gboolean      tidu_record_purge_unless_used  (TiduDatabase  *db,
                                              const char    *table,
                                              const char    *id,
                                              const char    *in_use_sql,
                                              const char    *message,
                                              GError       **error);

/* ---------------------------------------------------------------- text and dates */

/* The years a yearly record (indicators, statistics, batches, awards) may be for. */
#define TIDU_YEAR_MIN 1980
#define TIDU_YEAR_MAX 2100

/* NULL or "". */
gboolean      tidu_text_is_empty       (const char    *text);
/* NULL, "" or ASCII white space only. */
gboolean      tidu_text_is_blank       (const char    *text);
/* A copy without surrounding white space (NULL stays NULL). */
char         *tidu_text_stripped       (const char    *text);
/* Strips *@text in place; an empty text becomes NULL. */
void          tidu_text_tidy           (char         **text);
/* Frees *@field and takes @value in its place. */
void          tidu_text_replace        (char         **field,
                                        char          *value);
gboolean      tidu_date_is_set         (const GDate   *date);

/* ---------------------------------------------------------------- reading rows */

/* Sets @error from a failed sqlite3_step () (@rc) on @db. Returns FALSE. */
gboolean      tidu_database_step_error (TiduDatabase  *db,
                                        int            rc,
                                        GError       **error);

typedef enum
{
  TIDU_ROW_MISSING,
  TIDU_ROW_LIVE,
  TIDU_ROW_TRASHED,
  TIDU_ROW_ERROR
} TiduRowState;

/* Whether @id is a row of @table, live or in the trash; TIDU_ROW_ERROR sets @error. */
TiduRowState  tidu_record_row_state    (TiduDatabase  *db,
                                        const char    *table,
                                        const char    *id,
                                        GError       **error);
/* Rows of other tables that still point at @id and would not go with it. */
gboolean      tidu_record_count_references (TiduDatabase  *db,
                                            const char    *table,
                                            const char    *id,
                                            gint64        *count,
                                            GError       **error);
/* Whether @sql, with @id bound to ?1, returns a row. */
gboolean      tidu_record_row_exists   (TiduDatabase  *db,
                                        const char    *sql,
                                        const char    *id,
                                        gboolean      *exists,
                                        GError       **error);

typedef gpointer (*TiduRowFunc) (sqlite3_stmt *stmt);

/* Runs a list query with up to two text parameters (as many as @sql has) and turns each row
 * into a record with @from_row. */
GPtrArray    *tidu_record_list_rows    (TiduDatabase   *db,
                                        const char     *sql,
                                        const char     *p1,
                                        const char     *p2,
                                        TiduRowFunc     from_row,
                                        GDestroyNotify  free_func,
                                        GError        **error);
/* Loads one record by id (?1 of @sql); no id or no row gives TIDU_ERROR_NOT_FOUND and
 * @not_found. */
gpointer      tidu_record_load_row     (TiduDatabase  *db,
                                        const char    *sql,
                                        const char    *id,
                                        TiduRowFunc    from_row,
                                        const char    *not_found,
                                        GError       **error);

/* ---------------------------------------------------------------- checks */

/* A failure to read the database while checking a record: the check cannot vouch for it. */
void          tidu_record_add_database_issue (TiduValidation *validation,
                                              const GError   *error);
/* Whether @code is empty or in the vocabulary @table; a failure to read adds its own issue. */
gboolean      tidu_record_code_known   (TiduDatabase   *db,
                                        TiduValidation *validation,
                                        const char     *table,
                                        const char     *code);
/* Whether @id names a live row of @table; adds a TIDU_ERROR_INVALID error on @field with
 * @missing, or with @trashed (and @id as the other record), otherwise. */
gboolean      tidu_record_check_live   (TiduDatabase   *db,
                                        TiduValidation *validation,
                                        const char     *table,
                                        const char     *id,
                                        const char     *field,
                                        const char     *missing,
                                        const char     *trashed);
/* Adds a TIDU_ERROR_NOT_FOUND error on @field with @message when @sql (?1 = @id) returns no
 * row. Returns FALSE, with @error set, only when the database could not be read. */
gboolean      tidu_record_check_exists (TiduDatabase    *db,
                                        TiduValidation  *validation,
                                        const char      *sql,
                                        const char      *id,
                                        const char      *field,
                                        const char      *message,
                                        GError         **error);
/* A 统一社会信用代码 on @field: malformed is an error; a wrong check character is a warning
 * unless @override. *@normalized (when asked) gets the normalized code, or NULL. */
void          tidu_record_check_uscc   (TiduValidation *validation,
                                        const char     *field,
                                        const char     *text,
                                        gboolean        override,
                                        char          **normalized);

/* ---------------------------------------------------------------- writing rows */

typedef gboolean (*TiduWriteFunc) (TiduDatabase  *db,
                                   gpointer       work,
                                   GError       **error);

/* Runs @write in one transaction, rolled back when it fails. Saves write a copy of the record,
 * so a failure leaves the caller's record as it was. */
gboolean      tidu_record_run_write    (TiduDatabase  *db,
                                        TiduWriteFunc  write,
                                        gpointer       work,
                                        GError       **error);
typedef gpointer (*TiduCopyFunc) (gconstpointer record);

/* Saves @record (a struct of @size bytes) through a copy made with @copy: @write runs on the
 * copy with tidu_record_run_write (). On success the copy's contents take the place of
 * @record's (cleared with @clear); on failure the copy goes (with @free_func) and @record is
 * as it was. */
gboolean      tidu_record_save_copy    (TiduDatabase    *db,
                                        gpointer         record,
                                        gsize            size,
                                        TiduCopyFunc     copy,
                                        GDestroyNotify   free_func,
                                        GDestroyNotify   clear,
                                        TiduWriteFunc    write,
                                        GError         **error);
/* After a write: a new record (@new_id set) takes its id and created_at; every one updated_at. */
void          tidu_record_stamp        (char         **id,
                                        char         **created_at,
                                        char         **updated_at,
                                        const char    *new_id,
                                        const char    *now);
/* After an UPDATE … WHERE id = ? AND deleted_at IS NULL: no row changed means the record is
 * gone; TIDU_ERROR_NOT_FOUND with @message. */
gboolean      tidu_record_check_changed (TiduDatabase  *db,
                                         const char    *message,
                                         GError       **error);

G_END_DECLS
