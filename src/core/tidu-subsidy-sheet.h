/* tidu-subsidy-sheet.h: a subsidy batch as a budget sheet (rows, totals per rule and overall),
 * written as CSV (UTF-8 with BOM) or XLSX; the UI draws the same sheet into a PDF.
 *
 * Text cells go through tidu_export_neutralize(), so a name or an explanation starting with
 * = + - @ never becomes a formula. The file is written under a temporary name beside @path and
 * renamed at the end: a failed export leaves an existing file as it was.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-export.h"
#include "tidu-subsidy.h"

G_BEGIN_DECLS

/* Columns of every sheet row, in order. */
typedef enum
{
  TIDU_SHEET_COLUMN_ENTITY,
  TIDU_SHEET_COLUMN_ENTITY_KIND,
  TIDU_SHEET_COLUMN_ARTICLE,
  TIDU_SHEET_COLUMN_RULE,
  TIDU_SHEET_COLUMN_AMOUNT,     /* 元; empty for a range with nothing chosen */
  TIDU_SHEET_COLUMN_MIN,
  TIDU_SHEET_COLUMN_MAX,
  TIDU_SHEET_COLUMN_EXPLANATION,
  TIDU_SHEET_N_COLUMNS
} TiduSheetColumn;

typedef struct
{
  char     *cells[TIDU_SHEET_N_COLUMNS];  /* text; money columns hold plain digits or NULL */
  gboolean  total;                        /* a totals line */
} TiduSheetRow;

typedef struct
{
  char      *title;        /* the policy title */
  char      *subtitle;     /* document number, year, rows, overall total: one line */
  char      *headers[TIDU_SHEET_N_COLUMNS];
  GPtrArray *rows;         /* TiduSheetRow*: the rows not excluded, then the totals */
  guint      n_entries;    /* rows that are not totals */
  gint64     total_min;    /* overall totals of the rows written */
  gint64     total_max;
} TiduSubsidySheet;

/* The sheet of @batch: every row not excluded, with its chosen or computed amount, then one
 * totals line per rule and an overall one. */
TiduSubsidySheet *tidu_subsidy_sheet_new   (const TiduSubsidyBatch *batch);
void              tidu_subsidy_sheet_free  (TiduSubsidySheet       *sheet);
/* TRUE for the money columns (amount, minimum, maximum). */
gboolean          tidu_subsidy_sheet_column_is_money (TiduSheetColumn column);

gboolean          tidu_subsidy_sheet_write (const TiduSubsidySheet *sheet,
                                            const char             *path,
                                            TiduExportFormat        format,
                                            GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduSubsidySheet, tidu_subsidy_sheet_free)

G_END_DECLS
