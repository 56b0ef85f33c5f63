/* tidu-export.h: a record list, with its search, filters and sort, to CSV or XLSX.
 *
 * The rows are those tidu_list_query_run() returns for the query, in that order. The columns
 * are the list's own (tidu_list_get_columns) followed by the record's other fields, so that an
 * exported file of firms, carriers or talents imports again (tidu-import.h) unchanged. Headers
 * are the translated titles.
 *
 * CSV: UTF-8 with a byte-order mark and CRLF line endings, every field quoted where RFC 4180
 * needs it, so Excel and WPS open it with the Chinese intact. XLSX: libxlsxwriter in
 * constant-memory mode (memory stays flat whatever the row count), a bold frozen header row,
 * numbers as numbers, dates as dates (yyyy-mm-dd), column widths from the header and the first
 * rows.
 *
 * Formula injection: a text cell starting with = + - @, a tab or a carriage return gets a
 * leading apostrophe in CSV (Excel and WPS then show it as text) and is written as a string
 * cell in XLSX (never as a formula) with the same apostrophe, so a copy back into a CSV stays
 * harmless. Real numbers (negative amounts) are numbers, not text, and are not touched.
 *
 * The file is written beside @path under a temporary name and renamed at the end: a failed
 * or cancelled export leaves no half-written file and an existing file untouched.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-list.h"
#include "tidu-sample.h"

G_BEGIN_DECLS

typedef enum
{
  TIDU_EXPORT_CSV,
  TIDU_EXPORT_XLSX
} TiduExportFormat;

/* The format a file name's extension asks for (.csv or .xlsx, any case); FALSE for others. */
gboolean  tidu_export_format_for_path (const char          *path,
                                       TiduExportFormat    *format);

/* Writes the rows of @query to @path. @n_rows (optional) receives the rows written. Fails
 * with G_IO_ERROR_CANCELLED when cancelled and TIDU_ERROR_IO when the file cannot be written;
 * @progress is called on the calling thread now and then. Blocks: run it in a GTask with a
 * TiduDatabase opened for the worker thread. */
gboolean  tidu_export_list            (TiduDatabase        *db,
                                       const TiduListQuery *query,
                                       const char          *path,
                                       TiduExportFormat     format,
                                       TiduProgressFunc     progress,
                                       gpointer             progress_data,
                                       GCancellable        *cancellable,
                                       guint64             *n_rows,
                                       GError             **error);

/* tidu_export_list() on a worker thread with its own connection to the database file at
 * @database_path, over a copy of @query. @progress and @callback run on the caller's
 * thread-default main context. */
void      tidu_export_list_async      (const char          *database_path,
                                       const TiduListQuery *query,
                                       const char          *path,
                                       TiduExportFormat     format,
                                       TiduProgressFunc     progress,
                                       gpointer             progress_data,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
/* @n_rows (optional): the rows written. */
gboolean  tidu_export_list_finish     (GAsyncResult        *result,
                                       guint64             *n_rows,
                                       GError             **error);

/* @text made safe for a spreadsheet cell: a copy, with an apostrophe in front when it starts
 * with = + - @, a tab or a carriage return. */
char     *tidu_export_neutralize      (const char          *text);

G_END_DECLS
