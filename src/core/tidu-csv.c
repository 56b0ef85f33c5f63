/* tidu-csv.c: a streaming CSV reader for what Excel and WPS write (see tidu-csv.h).
 *
 * The lexer works on bytes: in UTF-8 and in GB18030 the bytes of the quote, comma, tab,
 * semicolon, CR and LF never occur inside a multi-byte character (GB18030 trail bytes are
 * 0x30–0x39 and 0x40–0xFE), so a record is split into fields first and converted to UTF-8
 * afterwards, in one conversion per record. Only the full-width comma delimiter needs the
 * character boundaries, which the lexer tracks for it.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-csv.h"
#include "tidu-error.h"

#define BLOCK_SIZE (64 * 1024)
/* No spreadsheet row is this long; a file that makes one has a quote that is never closed,
 * and reading on would hold the rest of the file in memory. */
#define MAX_RECORD (16 * 1024 * 1024)

struct _TiduCsvReader
{
  GInputStream      *stream;
  TiduCsvEncoding    encoding;
  gunichar           delimiter;
  guint8             delimiter_byte;     /* the ASCII delimiter, or 0 for the full-width comma */
  TiduCsvLineEnding  line_ending;
  gboolean           line_ending_seen;

  guint8            *buf;
  gsize              len;
  gsize              pos;
  gboolean           eof;
  goffset            offset;             /* bytes of the stream before buf[0] */

  GString           *raw;                /* the record's bytes, fields ended by NUL */
  GArray            *ends;               /* offset in raw of each field's NUL */
  gboolean           raw_nul;            /* a NUL byte inside a field */
  gboolean           raw_high;           /* a byte >= 0x80 in the record */
  char              *utf8;               /* the converted record (GB18030) */
  GPtrArray         *fields;             /* pointers into raw->str or utf8, NULL-terminated */
  GIConv             conv;
  guint64            row;
  gboolean           stopped;            /* a record too long: nothing more is read */
};

const char *
tidu_csv_encoding_to_string (TiduCsvEncoding encoding)
{
  switch (encoding)
    {
    case TIDU_CSV_ENCODING_UTF8:
      return "UTF-8";
    case TIDU_CSV_ENCODING_UTF8_BOM:
      return "UTF-8 (BOM)";
    case TIDU_CSV_ENCODING_GB18030:
      return "GB18030";
    case TIDU_CSV_ENCODING_AUTO:
    default:
      return "auto";
    }
}

gboolean
tidu_csv_encoding_from_string (const char      *text,
                               TiduCsvEncoding *encoding)
{
  static const struct { const char *name; TiduCsvEncoding encoding; } names[] = {
    { "auto", TIDU_CSV_ENCODING_AUTO },
    { "utf-8", TIDU_CSV_ENCODING_UTF8 },
    { "utf8", TIDU_CSV_ENCODING_UTF8 },
    { "utf-8 (bom)", TIDU_CSV_ENCODING_UTF8_BOM },
    { "utf-8-bom", TIDU_CSV_ENCODING_UTF8_BOM },
    { "utf-8-sig", TIDU_CSV_ENCODING_UTF8_BOM },
    { "gb18030", TIDU_CSV_ENCODING_GB18030 },
    { "gbk", TIDU_CSV_ENCODING_GB18030 },
    { "gb2312", TIDU_CSV_ENCODING_GB18030 },
    { "cp936", TIDU_CSV_ENCODING_GB18030 },
  };

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        *encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

/* Makes at least @n bytes available at pos unless the stream ends first. */
static gboolean
ensure (TiduCsvReader *self,
        gsize          n,
        GCancellable  *cancellable,
        GError       **error)
{
  while (self->len - self->pos < n && !self->eof)
    {
      gssize got;

      if (self->pos > 0)
        {
          memmove (self->buf, self->buf + self->pos, self->len - self->pos);
          self->len -= self->pos;
          self->offset += (goffset) self->pos;
          self->pos = 0;
        }
      got = g_input_stream_read (self->stream, self->buf + self->len, BLOCK_SIZE - self->len,
                                 cancellable, error);
      if (got < 0)
        return FALSE;
      if (got == 0)
        self->eof = TRUE;
      self->len += (gsize) got;
    }
  return TRUE;
}

static void
detect_encoding (TiduCsvReader *self)
{
  const guint8 *p = self->buf + self->pos;
  const guint8 *end = self->buf + self->len;
  guint valid = 0;
  guint invalid = 0;

  while (p < end)
    {
      gunichar c;

      if (*p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *) p, end - p);
      if (c == (gunichar) -2)
        break;                          /* cut by the end of the block */
      if (c == (gunichar) -1)
        {
          invalid++;
          p++;
          continue;
        }
      valid++;
      p = (const guint8 *) g_utf8_next_char (p);
    }
  /* GBK text hardly ever forms valid UTF-8 sequences; a UTF-8 file with a damaged byte or two
   * stays UTF-8, so the damage is reported rather than read as other characters. */
  if (invalid == 0 || valid > 8 * invalid)
    self->encoding = TIDU_CSV_ENCODING_UTF8;
  else
    self->encoding = TIDU_CSV_ENCODING_GB18030;
}

/* The length of the character at p in the file's encoding (1 for ASCII). */
static inline gsize
char_length (TiduCsvReader *self,
             const guint8  *p,
             gsize          avail)
{
  if (*p < 0x80)
    return 1;
  if (self->encoding == TIDU_CSV_ENCODING_GB18030)
    {
      if (*p >= 0x81 && avail >= 2 && p[1] >= 0x30 && p[1] <= 0x39)
        return MIN (avail, 4);
      return MIN (avail, 2);
    }
  if (*p >= 0xF0)
    return MIN (avail, 4);
  if (*p >= 0xE0)
    return MIN (avail, 3);
  if (*p >= 0xC0)
    return MIN (avail, 2);
  return 1;
}

static gboolean
is_fullwidth_comma (TiduCsvReader *self,
                    const guint8  *p,
                    gsize          n)
{
  if (self->encoding == TIDU_CSV_ENCODING_GB18030)
    return n == 2 && p[0] == 0xA3 && p[1] == 0xAC;
  return n == 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C;
}

/* Counts the candidate delimiters outside quotes in the first record of the block. */
static void
detect_delimiter (TiduCsvReader *self)
{
  const guint8 *p = self->buf + self->pos;
  const guint8 *end = self->buf + self->len;
  guint comma = 0, tab = 0, semicolon = 0, fullwidth = 0;
  gboolean quoted = FALSE;

  while (p < end)
    {
      gsize n;

      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        comma++;
      else if (!quoted && *p == '\t')
        tab++;
      else if (!quoted && *p == ';')
        semicolon++;
      n = char_length (self, p, end - p);
      if (!quoted && n > 1 && is_fullwidth_comma (self, p, n))
        fullwidth++;
      p += n;
    }

  /* The full-width comma only when no ASCII delimiter occurs at all: it is common inside
   * Chinese text, and a file split on it by mistake would be worse than one column. */
  if (tab > comma && tab >= semicolon)
    self->delimiter = '\t';
  else if (semicolon > comma)
    self->delimiter = ';';
  else if (comma == 0 && tab == 0 && semicolon == 0 && fullwidth > 0)
    self->delimiter = TIDU_CSV_FULLWIDTH_COMMA;
  else
    self->delimiter = ',';
}

TiduCsvReader *
tidu_csv_reader_new (GInputStream    *stream,
                     TiduCsvEncoding  encoding,
                     gunichar         delimiter,
                     GCancellable    *cancellable,
                     GError         **error)
{
  g_autoptr (TiduCsvReader) self = g_new0 (TiduCsvReader, 1);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter == 0 || delimiter == ',' || delimiter == '\t' ||
                        delimiter == ';' || delimiter == '|' ||
                        delimiter == TIDU_CSV_FULLWIDTH_COMMA, NULL);

  self->stream = g_object_ref (stream);
  self->buf = g_malloc (BLOCK_SIZE);
  self->raw = g_string_sized_new (1024);
  self->ends = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->conv = (GIConv) -1;

  if (!ensure (self, BLOCK_SIZE, cancellable, error))
    return NULL;

  if (self->len >= 2 && ((self->buf[0] == 0xFF && self->buf[1] == 0xFE) ||
                         (self->buf[0] == 0xFE && self->buf[1] == 0xFF)))
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                           _("The file is in UTF-16 (“Unicode text”). Save it as “CSV UTF-8” "
                             "or as CSV and import that."));
      return NULL;
    }
  if (memchr (self->buf, 0, self->len) != NULL)
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                           _("The file is not a CSV text file (it holds NUL bytes). Save the "
                             "sheet as “CSV UTF-8” and import that."));
      return NULL;
    }

  if (self->len >= 3 && self->buf[0] == 0xEF && self->buf[1] == 0xBB && self->buf[2] == 0xBF)
    {
      self->pos = 3;
      if (encoding == TIDU_CSV_ENCODING_AUTO)
        encoding = TIDU_CSV_ENCODING_UTF8_BOM;
    }
  if (encoding == TIDU_CSV_ENCODING_AUTO)
    detect_encoding (self);
  else
    self->encoding = encoding;

  if (self->encoding == TIDU_CSV_ENCODING_GB18030)
    {
      self->conv = g_iconv_open ("UTF-8", "GB18030");
      if (self->conv == (GIConv) -1)
        {
          g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_FAILED,
                               _("This system cannot convert GB18030 text."));
          return NULL;
        }
    }

  if (delimiter == 0)
    detect_delimiter (self);
  else
    self->delimiter = delimiter;
  self->delimiter_byte = self->delimiter < 0x80 ? (guint8) self->delimiter : 0;

  return g_steal_pointer (&self);
}

TiduCsvReader *
tidu_csv_reader_new_for_path (const char      *path,
                              TiduCsvEncoding  encoding,
                              gunichar         delimiter,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GError) local_error = NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not read “%s”: %s"),
                     path, local_error->message);
      return NULL;
    }
  return tidu_csv_reader_new (G_INPUT_STREAM (stream), encoding, delimiter, cancellable, error);
}

void
tidu_csv_reader_free (TiduCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_free (self->buf);
  g_string_free (self->raw, TRUE);
  g_array_unref (self->ends);
  g_ptr_array_unref (self->fields);
  g_free (self->utf8);
  if (self->conv != (GIConv) -1)
    g_iconv_close (self->conv);
  g_free (self);
}

TiduCsvEncoding
tidu_csv_reader_get_encoding (TiduCsvReader *self)
{
  return self->encoding;
}

gunichar
tidu_csv_reader_get_delimiter (TiduCsvReader *self)
{
  return self->delimiter;
}

TiduCsvLineEnding
tidu_csv_reader_get_line_ending (TiduCsvReader *self)
{
  return self->line_ending;
}

guint64
tidu_csv_reader_get_row (TiduCsvReader *self)
{
  return self->row;
}

goffset
tidu_csv_reader_get_offset (TiduCsvReader *self)
{
  return self->offset + (goffset) self->pos;
}

static inline void
append_bytes (TiduCsvReader *self,
              const guint8  *p,
              gsize          n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (p[i] == 0)
        self->raw_nul = TRUE;
      else if (p[i] >= 0x80)
        self->raw_high = TRUE;
    }
  g_string_append_len (self->raw, (const char *) p, n);
}

static void
end_field (TiduCsvReader *self)
{
  gsize end = self->raw->len;

  g_array_append_val (self->ends, end);
  g_string_append_c (self->raw, '\0');
}

static void
note_line_ending (TiduCsvReader     *self,
                  TiduCsvLineEnding  ending)
{
  if (!self->line_ending_seen)
    {
      self->line_ending = ending;
      self->line_ending_seen = TRUE;
    }
}

typedef enum
{
  LEX_RECORD,          /* a record was read */
  LEX_END,             /* no more records */
  LEX_UNTERMINATED,    /* a quote never closed */
  LEX_TOO_LONG,        /* a record longer than MAX_RECORD */
  LEX_ERROR            /* reading failed */
} LexResult;

/* Splits the next record into raw, fields ended by NUL. */
static LexResult
lex_record (TiduCsvReader *self,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean quoted = FALSE;
  gboolean field_start = TRUE;
  gboolean any = FALSE;

  g_string_truncate (self->raw, 0);
  g_array_set_size (self->ends, 0);
  self->raw_nul = FALSE;
  self->raw_high = FALSE;

  for (;;)
    {
      const guint8 *p;
      gsize avail;
      guint8 c;

      if (self->len - self->pos < 4 && !ensure (self, 4, cancellable, error))
        return LEX_ERROR;
      if (self->raw->len > MAX_RECORD)
        return LEX_TOO_LONG;
      avail = self->len - self->pos;
      if (avail == 0)
        {
          if (quoted)
            return LEX_UNTERMINATED;
          if (!any)
            return LEX_END;
          end_field (self);
          return LEX_RECORD;
        }
      p = self->buf + self->pos;
      c = *p;
      any = TRUE;

      if (quoted)
        {
          if (c == '"')
            {
              if (avail >= 2 && p[1] == '"')
                {
                  g_string_append_c (self->raw, '"');
                  self->pos += 2;
                }
              else
                {
                  quoted = FALSE;
                  self->pos++;
                }
            }
          else if (c == '\r')
            {
              g_string_append_c (self->raw, '\n');
              self->pos += (avail >= 2 && p[1] == '\n') ? 2 : 1;
            }
          else
            {
              /* Copy the run up to the next quote or CR at once. */
              gsize n = 1;

              while (n < avail && p[n] != '"' && p[n] != '\r')
                n++;
              append_bytes (self, p, n);
              self->pos += n;
            }
          continue;
        }

      if (c == '"' && field_start)
        {
          quoted = TRUE;
          field_start = FALSE;
          self->pos++;
          continue;
        }
      if (c == '\n' || c == '\r')
        {
          if (c == '\n')
            {
              note_line_ending (self, TIDU_CSV_LINE_ENDING_LF);
              self->pos++;
            }
          else if (avail >= 2 && p[1] == '\n')
            {
              note_line_ending (self, TIDU_CSV_LINE_ENDING_CRLF);
              self->pos += 2;
            }
          else
            {
              note_line_ending (self, TIDU_CSV_LINE_ENDING_CR);
              self->pos++;
            }
          end_field (self);
          return LEX_RECORD;
        }
      if (self->delimiter_byte != 0 && c == self->delimiter_byte)
        {
          end_field (self);
          field_start = TRUE;
          self->pos++;
          continue;
        }
      if (c >= 0x80 && self->delimiter_byte == 0)
        {
          gsize n = char_length (self, p, avail);

          field_start = is_fullwidth_comma (self, p, n);
          if (field_start)
            end_field (self);
          else
            append_bytes (self, p, n);
          self->pos += n;
          continue;
        }
      if (c != 0)
        {
          /* A run of plain text, up to the next delimiter, line end or NUL, copied at once
           * (one character at a time was a tenth of a 100,000-firm import). A quote inside
           * an unquoted field is plain text, as below. Only whole characters: a GB18030
           * character's second byte can be an ASCII delimiter such as '|', and the last
           * bytes of the buffer wait for ensure(). */
          gsize n = 0;

          while (avail - n >= 4)
            {
              guint8 b = p[n];

              if (b < 0x80)
                {
                  if (b == '\n' || b == '\r' || b == 0 || b == self->delimiter_byte)
                    break;
                  n++;
                }
              else if (self->delimiter_byte == 0)
                break;   /* perhaps the full-width comma that delimits: above */
              else
                {
                  self->raw_high = TRUE;
                  n += char_length (self, p + n, avail - n);
                }
            }
          if (n > 0)
            {
              /* No NUL among them, and raw_high is set if one is not ASCII. */
              g_string_append_len (self->raw, (const char *) p, (gssize) n);
              field_start = FALSE;
              self->pos += n;
              continue;
            }
          if (c >= 0x80)
            {
              n = char_length (self, p, avail);
              append_bytes (self, p, n);
              field_start = FALSE;
              self->pos += n;
              continue;
            }
        }
      /* A quote inside an unquoted field, or text after a closing quote, is kept as it is,
       * as Excel does. */
      if (c == 0)
        self->raw_nul = TRUE;
      g_string_append_c (self->raw, (char) c);
      field_start = FALSE;
      self->pos++;
    }
}

static void
set_invalid_error (TiduCsvReader *self,
                   guint          field,
                   const guint8  *bad,
                   gsize          n_bad,
                   GError       **error)
{
  g_autoptr (GString) hex = g_string_new (NULL);
  g_autofree char *row = g_strdup_printf ("%" G_GUINT64_FORMAT, self->row);

  for (gsize i = 0; i < MIN (n_bad, 4); i++)
    g_string_append_printf (hex, "%s%02X", i > 0 ? " " : "", bad[i]);

  g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
               _("Row %s, column %u: the bytes %s are not valid %s text. Fix that cell, or "
                 "save the file again as “CSV UTF-8”."),
               row, field + 1, hex->str,
               self->encoding == TIDU_CSV_ENCODING_GB18030 ? "GB18030" : "UTF-8");
}

static guint
field_of_offset (TiduCsvReader *self,
                 gsize          offset)
{
  for (guint i = 0; i < self->ends->len; i++)
    if (offset <= g_array_index (self->ends, gsize, i))
      return i;
  return self->ends->len > 0 ? self->ends->len - 1 : 0;
}

/* Checks or converts raw into UTF-8 fields. */
static gboolean
convert_record (TiduCsvReader *self,
                GError       **error)
{
  const char *base = self->raw->str;
  gsize start = 0;

  g_ptr_array_set_size (self->fields, 0);

  if (self->raw_nul)
    {
      const char *nul = NULL;

      /* The first NUL that is not a field end. */
      for (guint i = 0; i < self->ends->len && nul == NULL; i++)
        {
          gsize end = g_array_index (self->ends, gsize, i);

          nul = memchr (base + start, 0, end - start);
          start = end + 1;
        }
      g_assert (nul != NULL);
      set_invalid_error (self, field_of_offset (self, nul - base), (const guint8 *) nul, 1, error);
      return FALSE;
    }

  if (self->encoding == TIDU_CSV_ENCODING_GB18030 && self->raw_high)
    {
      g_autoptr (GError) local_error = NULL;
      gsize bytes_read = 0;
      gsize written = 0;
      char *p;

      g_clear_pointer (&self->utf8, g_free);
      self->utf8 = g_convert_with_iconv (base, self->raw->len, self->conv, &bytes_read, &written,
                                         &local_error);
      if (self->utf8 == NULL)
        {
          /* Reset the converter's state after the failure. */
          g_iconv (self->conv, NULL, NULL, NULL, NULL);
          set_invalid_error (self, field_of_offset (self, bytes_read),
                             (const guint8 *) base + bytes_read,
                             self->raw->len - bytes_read, error);
          return FALSE;
        }
      p = self->utf8;
      for (guint i = 0; i < self->ends->len; i++)
        {
          g_ptr_array_add (self->fields, p);
          p += strlen (p) + 1;
        }
    }
  else
    {
      for (guint i = 0; i < self->ends->len; i++)
        {
          gsize end = g_array_index (self->ends, gsize, i);
          const char *bad = NULL;

          if (!g_utf8_validate_len (base + start, end - start, &bad))
            {
              set_invalid_error (self, i, (const guint8 *) bad, base + end - bad, error);
              return FALSE;
            }
          g_ptr_array_add (self->fields, (gpointer) (base + start));
          start = end + 1;
        }
    }
  g_ptr_array_add (self->fields, NULL);
  return TRUE;
}

gboolean
tidu_csv_reader_next (TiduCsvReader        *self,
                      const char * const  **fields,
                      guint                *n_fields,
                      GCancellable         *cancellable,
                      GError              **error)
{
  for (;;)
    {
      LexResult result;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (self->stopped)
        return FALSE;

      result = lex_record (self, cancellable, error);
      if (result == LEX_ERROR)
        return FALSE;
      if (result == LEX_END)
        return FALSE;
      self->row++;
      if (result == LEX_UNTERMINATED)
        {
          g_autofree char *row = g_strdup_printf ("%" G_GUINT64_FORMAT, self->row);

          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("Row %s: a quote (\") opens a cell that is never closed, so the rest "
                         "of the file would be one cell. Close the quote or remove it."),
                       row);
          return FALSE;
        }
      if (result == LEX_TOO_LONG)
        {
          g_autofree char *row = g_strdup_printf ("%" G_GUINT64_FORMAT, self->row);

          self->stopped = TRUE;
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("Row %s is longer than 16 MB, so a quote (\") in it is probably never "
                         "closed. Close the quote or remove it; nothing after this row is read."),
                       row);
          return FALSE;
        }
      /* A blank line: a row in the spreadsheet, but no record. */
      if (self->ends->len == 1 && self->raw->len == 1)
        continue;
      if (!convert_record (self, error))
        return FALSE;
      *fields = (const char * const *) self->fields->pdata;
      if (n_fields != NULL)
        *n_fields = self->ends->len;
      return TRUE;
    }
}
