/* tidu-csv.h: a streaming reader of the CSV files Excel, WPS and other programs write.
 *
 * The reader detects the encoding (UTF-8 with or without a byte-order mark, else GB18030, the
 * superset of GBK and GB2312 that Chinese Excel and WPS save as "CSV"), the delimiter (comma,
 * tab, semicolon, or the full-width comma "，" some hand-made files use) and accepts LF, CRLF
 * and CR line endings, mixed if need be. Quoting follows RFC 4180: a quoted field may hold
 * delimiters, doubled quotes and line breaks (a CRLF or CR inside quotes becomes "\n").
 *
 * It reads the stream in blocks and keeps one record in memory at a time, so files of any
 * size can be read. Bytes that are not valid in the detected encoding are never replaced:
 * tidu_csv_reader_next() fails for that record with TIDU_ERROR_INVALID_INPUT and a message
 * naming the row, and the caller may go on to the next record.
 *
 * Rows are numbered as a spreadsheet numbers them: the first record (usually the header) is
 * row 1, whatever line breaks quoted fields hold.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  TIDU_CSV_ENCODING_AUTO,      /* detect (only as an argument) */
  TIDU_CSV_ENCODING_UTF8,
  TIDU_CSV_ENCODING_UTF8_BOM,  /* UTF-8 starting with EF BB BF (Excel's "CSV UTF-8") */
  TIDU_CSV_ENCODING_GB18030    /* also reads GBK and GB2312 files */
} TiduCsvEncoding;

typedef enum
{
  TIDU_CSV_LINE_ENDING_LF,
  TIDU_CSV_LINE_ENDING_CRLF,
  TIDU_CSV_LINE_ENDING_CR
} TiduCsvLineEnding;

/* The delimiters the reader detects; 0 as an argument means detect. */
#define TIDU_CSV_FULLWIDTH_COMMA 0xFF0C   /* "，" */

/* "UTF-8", "UTF-8 (BOM)", "GB18030"; and the other way round (also "gbk", "gb2312", "utf8"). */
const char       *tidu_csv_encoding_to_string   (TiduCsvEncoding     encoding);
gboolean          tidu_csv_encoding_from_string (const char         *text,
                                                 TiduCsvEncoding    *encoding);

typedef struct _TiduCsvReader TiduCsvReader;

/* Reads the first block of @stream to detect what is set to automatic (@encoding
 * TIDU_CSV_ENCODING_AUTO, @delimiter 0). Fails with TIDU_ERROR_INVALID_INPUT for a file that
 * is not text (UTF-16, NUL bytes: "save it as CSV UTF-8") and TIDU_ERROR_IO when it cannot
 * be read. The reader takes a reference on @stream. */
TiduCsvReader    *tidu_csv_reader_new           (GInputStream       *stream,
                                                 TiduCsvEncoding     encoding,
                                                 gunichar            delimiter,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
TiduCsvReader    *tidu_csv_reader_new_for_path  (const char         *path,
                                                 TiduCsvEncoding     encoding,
                                                 gunichar            delimiter,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
void              tidu_csv_reader_free          (TiduCsvReader      *reader);

TiduCsvEncoding   tidu_csv_reader_get_encoding  (TiduCsvReader      *reader);
gunichar          tidu_csv_reader_get_delimiter (TiduCsvReader      *reader);
/* The line ending of the first record (LF until one is seen). */
TiduCsvLineEnding tidu_csv_reader_get_line_ending (TiduCsvReader    *reader);

/* The next record, as UTF-8 fields owned by the reader and valid until the next call.
 * Returns FALSE with @error unset at the end of the file. Returns FALSE with
 * TIDU_ERROR_INVALID_INPUT for a record with bytes invalid in the encoding, or a quote never
 * closed (then the rest of the file is that record); after an invalid-bytes error the next
 * call reads the following record. @fields is NULL-terminated. Blank lines are skipped. */
gboolean          tidu_csv_reader_next          (TiduCsvReader      *reader,
                                                 const char * const **fields,
                                                 guint              *n_fields,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
/* The spreadsheet row of the record tidu_csv_reader_next() last returned or failed on. */
guint64           tidu_csv_reader_get_row       (TiduCsvReader      *reader);
/* Bytes consumed so far, for progress against the file size. */
goffset           tidu_csv_reader_get_offset    (TiduCsvReader      *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduCsvReader, tidu_csv_reader_free)

G_END_DECLS
