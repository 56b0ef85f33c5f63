/* tidu-import.h: importing firms, carriers, talents, certifications and yearly indicators from
 * CSV files.
 *
 * The steps follow the import assistant:
 *   1. tidu_import_new() opens the file, detects encoding, delimiter and line endings (the
 *      caller may force an encoding or delimiter and open again), reads the header row and
 *      the first rows for a preview, and maps each column to a field by its header, knowing
 *      the usual Chinese and English titles (企业名称/名称/Name, 统一社会信用代码/信用代码,
 *      所属区域/区县, 成立日期, 注册资本(万元), …).
 *   2. The mapping is editable: tidu_import_set_mapping() and, for money columns, the unit
 *      (元, 千元 or 万元, guessed from the header: "营业收入(万元)").
 *   3. tidu_import_run() with @dry_run TRUE checks every row and reports what would happen;
 *      with FALSE it imports. Either way the whole file is one transaction (a dry run rolls it
 *      back), so the report of a dry run is exactly what the import will do.
 *   4. The TiduImportReport lists rows created, updated, skipped, per-row issues with row,
 *      column and reason, duplicates within the file, and the regions, carriers and industries
 *      that did not exist and were created.
 *
 * Matching: firms by 统一社会信用代码 (an existing firm is updated, never entered twice; a firm
 * in the trash is restored), else by exact name among firms without a code; carriers by name
 * and region; talents by name and firm; certifications by firm, tier and date; indicators by
 * firm and year. Certification and indicator rows name their firm by credit code or name; the
 * firm must exist. Region, carrier and industry names are matched case- and space-insensitively
 * to existing ones, else created (regions as districts at the top level, carriers as
 * 科技企业孵化器): an import into a new, empty database works.
 *
 * Values go through the core's parsers (tidu-date.h, tidu-money.h, tidu-uscc.h) and record
 * validation; spaces, full-width spaces and non-breaking spaces around values are trimmed.
 * Vocabulary columns (技术领域, 载体类型, 级别, 梯度, 招引阶段, 性别) accept the Chinese or English
 * label or the code.
 *
 * Threads: a TiduImport is used by one thread at a time. tidu_import_run() blocks and calls
 * @progress on its own thread; tidu_import_run_async() runs it on a worker thread with its own
 * connection and reports progress and the result on the caller's main context.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-csv.h"
#include "tidu-database.h"
#include "tidu-money.h"
#include "tidu-sample.h"

G_BEGIN_DECLS

typedef enum
{
  TIDU_IMPORT_FIRMS,
  TIDU_IMPORT_CARRIERS,
  TIDU_IMPORT_TALENTS,
  TIDU_IMPORT_CERTIFICATIONS,
  TIDU_IMPORT_INDICATORS,       /* yearly indicators (firm_years) */
  TIDU_N_IMPORT_KINDS
} TiduImportKind;

typedef enum
{
  TIDU_IMPORT_ALL_OR_NOTHING,   /* any bad row: nothing is imported (the default) */
  TIDU_IMPORT_SKIP_BAD_ROWS     /* bad rows are reported and left out, the rest imported */
} TiduImportMode;

/* The rows of the preview tidu_import_new() reads. */
#define TIDU_IMPORT_PREVIEW_ROWS 50

/* "firms", "carriers", "talents", "certifications", "indicators". */
const char *tidu_import_kind_to_string   (TiduImportKind   kind);
gboolean    tidu_import_kind_from_string (const char      *text,
                                          TiduImportKind  *kind);
/* Translated: "Firms", … */
const char *tidu_import_kind_get_label   (TiduImportKind   kind);

typedef struct
{
  const char *id;         /* stable: "name", "uscc", "region", "founded_on", … */
  const char *title;      /* translated, for the mapping drop-down */
  gboolean    required;   /* a file without this column cannot be imported */
  gboolean    money;      /* an amount: the column has a unit */
} TiduImportField;

/* The fields rows of @kind can fill, in display order. A few are accepted but not kept
 * (firms' "registered_capital": Tidu has no such field); their values are checked and the
 * report says they were left out. */
const TiduImportField *tidu_import_get_fields  (TiduImportKind  kind,
                                                guint          *n_fields);
/* The field whose id is @field_id, or NULL. */
const TiduImportField *tidu_import_find_field  (TiduImportKind  kind,
                                                const char     *field_id);
/* The field a header names ("企业名称", "Credit code", "注册资本（万元）", …), or NULL. */
const TiduImportField *tidu_import_guess_field (TiduImportKind  kind,
                                                const char     *header);

typedef struct _TiduImport TiduImport;

/* Opens @path and reads its header and preview. @encoding and @delimiter as for
 * tidu_csv_reader_new() (AUTO and 0 detect). Fails with TIDU_ERROR_INVALID_INPUT for an empty
 * file or one that is not text, TIDU_ERROR_IO when it cannot be read. */
TiduImport        *tidu_import_new               (TiduImportKind   kind,
                                                  const char      *path,
                                                  TiduCsvEncoding  encoding,
                                                  gunichar         delimiter,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void               tidu_import_free              (TiduImport      *self);

TiduImportKind     tidu_import_get_kind          (TiduImport      *self);
const char        *tidu_import_get_path          (TiduImport      *self);
TiduCsvEncoding    tidu_import_get_encoding      (TiduImport      *self);
gunichar           tidu_import_get_delimiter     (TiduImport      *self);
TiduCsvLineEnding  tidu_import_get_line_ending   (TiduImport      *self);

/* The header row. */
guint              tidu_import_get_n_columns     (TiduImport      *self);
const char        *tidu_import_get_header        (TiduImport      *self,
                                                  guint            column);
/* Up to TIDU_IMPORT_PREVIEW_ROWS rows after the header. A cell is NULL where the row is
 * shorter than the header. A row whose bytes are invalid has no cells, and an error message
 * naming its row. */
guint              tidu_import_get_n_preview_rows (TiduImport     *self);
guint64            tidu_import_get_preview_row_number (TiduImport *self,
                                                       guint       row);
const char        *tidu_import_get_preview_cell  (TiduImport      *self,
                                                  guint            row,
                                                  guint            column);
const char        *tidu_import_get_preview_error (TiduImport      *self,
                                                  guint            row);

/* The field id a column is imported into, or NULL for a column left out. */
const char        *tidu_import_get_mapping       (TiduImport      *self,
                                                  guint            column);
/* Maps @column to @field_id (NULL: leave the column out). A field takes one column: mapping
 * it here unmaps it from any other column. Fails with TIDU_ERROR_INVALID_INPUT for a field
 * the kind does not have. */
gboolean           tidu_import_set_mapping       (TiduImport      *self,
                                                  guint            column,
                                                  const char      *field_id,
                                                  GError         **error);
/* The unit of a money column (guessed from its header; 万元 for indicators when the header
 * says nothing, 元 otherwise). */
TiduMoneyUnit      tidu_import_get_unit          (TiduImport      *self,
                                                  guint            column);
void               tidu_import_set_unit          (TiduImport      *self,
                                                  guint            column,
                                                  TiduMoneyUnit    unit);
/* TRUE when every required field is mapped; else FALSE with TIDU_ERROR_INVALID_INPUT naming
 * the missing fields. */
gboolean           tidu_import_check_mapping     (TiduImport      *self,
                                                  GError         **error);

void               tidu_import_set_mode          (TiduImport      *self,
                                                  TiduImportMode   mode);
TiduImportMode     tidu_import_get_mode          (TiduImport      *self);

typedef struct
{
  guint64  row;        /* spreadsheet row in the file (the header is row 1), 0 for the file */
  char    *column;     /* the column's header as in the file, or NULL for the whole row */
  char    *field;      /* the field id, or NULL */
  char    *value;      /* the offending text, or NULL */
  char    *message;    /* translated, complete sentence */
  gboolean warning;    /* TRUE: the row is still imported (e.g. a column left out) */
} TiduImportIssue;

typedef struct
{
  char *what;          /* "region", "carrier", "industry" */
  char *name;
} TiduImportCreatedName;

typedef struct
{
  TiduImportKind   kind;
  TiduImportMode   mode;
  TiduCsvEncoding  encoding;
  gboolean         dry_run;
  gboolean         committed;    /* FALSE for a dry run, or all-or-nothing with bad rows */
  guint64          n_rows;       /* data rows read (header excluded) */
  guint64          n_created;    /* records added (or, in a dry run, that would be) */
  guint64          n_updated;    /* existing records changed */
  guint64          n_unchanged;  /* rows equal to what is already saved */
  guint64          n_bad;        /* rows with errors (skipped, or blocking the import) */
  guint64          n_duplicates; /* rows repeating an earlier row's key (counted in n_bad) */
  GPtrArray       *issues;       /* TiduImportIssue, in row order */
  GPtrArray       *created_names;/* TiduImportCreatedName: regions, carriers, industries new */
} TiduImportReport;

/* Imports (or with @dry_run, checks) every row in one transaction. Returns a report, also
 * when rows are bad (then, in all-or-nothing mode, nothing is saved and committed is FALSE).
 * Returns NULL with an error when the mapping lacks a required field
 * (TIDU_ERROR_INVALID_INPUT), when @cancellable is cancelled (G_IO_ERROR_CANCELLED, nothing
 * saved), or when the file or the database fails; then nothing is saved. */
TiduImportReport  *tidu_import_run               (TiduImport        *self,
                                                  TiduDatabase      *db,
                                                  gboolean           dry_run,
                                                  TiduProgressFunc   progress,
                                                  gpointer           progress_data,
                                                  GCancellable      *cancellable,
                                                  GError           **error);

/* tidu_import_run() on a worker thread with its own connection to the database file at
 * @database_path (the UI's TiduDatabase stays on the main thread). @progress is called on the
 * thread-default main context of the caller, at most once per main-loop iteration; @callback
 * likewise. The TiduImport must not be used until the callback has run. */
void               tidu_import_run_async         (TiduImport          *self,
                                                  const char          *database_path,
                                                  gboolean             dry_run,
                                                  TiduProgressFunc     progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
TiduImportReport  *tidu_import_run_finish        (TiduImport          *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

void               tidu_import_report_free       (TiduImportReport  *report);
/* The report as a JSON object (counts, "issues", and "new_names": the regions, carriers and industries created), for `tidu-cli import --json`. */
char              *tidu_import_report_to_json    (const TiduImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduImport, tidu_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduImportReport, tidu_import_report_free)

G_END_DECLS
