/* test-csv.c: the streaming CSV reader: encodings, delimiters, line endings, quoting,
 * invalid bytes reported with their row.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tidu-core.h"

static TiduCsvReader *
reader_for (const char      *bytes,
            gssize           len,
            TiduCsvEncoding  encoding,
            GError         **error)
{
  g_autoptr (GInputStream) stream = NULL;

  if (len < 0)
    len = (gssize) strlen (bytes);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (bytes, (gsize) len), len, g_free);
  return tidu_csv_reader_new (stream, encoding, 0, NULL, error);
}

static char *
to_gb18030 (const char *utf8)
{
  g_autoptr (GError) error = NULL;
  char *gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, NULL, &error);

  g_assert_no_error (error);
  return gb;
}

/* Reads every record; joins each record's fields with "|" and records with "\n". */
static char *
read_all (TiduCsvReader *reader)
{
  GString *out = g_string_new (NULL);
  const char * const *fields;
  guint n = 0;
  g_autoptr (GError) error = NULL;

  while (tidu_csv_reader_next (reader, &fields, &n, NULL, &error))
    {
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", fields[i]);
      g_string_append_c (out, '\n');
      g_assert_null (fields[n]);
    }
  g_assert_no_error (error);
  return g_string_free (out, FALSE);
}

static const char *sample_text =
  "名称,地址,备注\r\n"
  "\"镇江甲,乙科技有限公司\",\"京口区\r\n学府路1号\",\"他说\"\"好\"\"\"\r\n"
  "润州电子,润州区,\r\n";
static const char *sample_expected =
  "名称|地址|备注\n"
  "镇江甲,乙科技有限公司|京口区\n学府路1号|他说\"好\"\n"
  "润州电子|润州区|\n";

static void
test_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) reader = reader_for (sample_text, -1, TIDU_CSV_ENCODING_AUTO, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tidu_csv_reader_get_encoding (reader), ==, TIDU_CSV_ENCODING_UTF8);
  g_assert_cmpuint (tidu_csv_reader_get_delimiter (reader), ==, ',');
  text = read_all (reader);
  g_assert_cmpstr (text, ==, sample_expected);
  g_assert_cmpint (tidu_csv_reader_get_line_ending (reader), ==, TIDU_CSV_LINE_ENDING_CRLF);
  /* The quoted line break does not make a row of its own. */
  g_assert_cmpuint (tidu_csv_reader_get_row (reader), ==, 3);
}

static void
test_utf8_bom (void)
{
  g_autofree char *bytes = g_strconcat ("\xEF\xBB\xBF", sample_text, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) reader = reader_for (bytes, -1, TIDU_CSV_ENCODING_AUTO, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tidu_csv_reader_get_encoding (reader), ==, TIDU_CSV_ENCODING_UTF8_BOM);
  text = read_all (reader);
  /* The mark is not part of the first header. */
  g_assert_cmpstr (text, ==, sample_expected);
}

static void
test_gb18030 (void)
{
  g_autofree char *bytes = to_gb18030 (sample_text);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) reader = reader_for (bytes, -1, TIDU_CSV_ENCODING_AUTO, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tidu_csv_reader_get_encoding (reader), ==, TIDU_CSV_ENCODING_GB18030);
  text = read_all (reader);
  g_assert_cmpstr (text, ==, sample_expected);
}

static void
test_line_endings (void)
{
  static const struct { const char *bytes; TiduCsvLineEnding ending; } cases[] = {
    { "a,b\nc,d\n", TIDU_CSV_LINE_ENDING_LF },
    { "a,b\r\nc,d\r\n", TIDU_CSV_LINE_ENDING_CRLF },
    { "a,b\rc,d\r", TIDU_CSV_LINE_ENDING_CR },
    { "a,b\rc,d", TIDU_CSV_LINE_ENDING_CR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (TiduCsvReader) reader = reader_for (cases[i].bytes, -1, TIDU_CSV_ENCODING_AUTO, &error);
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = read_all (reader);
      g_assert_cmpstr (text, ==, "a|b\nc|d\n");
      g_assert_cmpint (tidu_csv_reader_get_line_ending (reader), ==, cases[i].ending);
    }
}

static void
test_delimiters (void)
{
  static const struct { const char *bytes; gunichar delimiter; const char *expected; } cases[] = {
    { "名称\t地址\n甲\t乙,丙\n", '\t', "名称|地址\n甲|乙,丙\n" },
    { "名称;地址\n甲;\"乙;丙\"\n", ';', "名称|地址\n甲|乙;丙\n" },
    { "名称，地址\n甲，乙\n", TIDU_CSV_FULLWIDTH_COMMA, "名称|地址\n甲|乙\n" },
    /* A full-width comma inside text does not split a comma-separated file. */
    { "名称,备注\n甲,好，很好\n", ',', "名称|备注\n甲|好，很好\n" },
    { "名称\n甲\n", ',', "名称\n甲\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint gb = 0; gb < 2; gb++)
      {
        g_autofree char *bytes = gb ? to_gb18030 (cases[i].bytes) : g_strdup (cases[i].bytes);
        g_autoptr (GError) error = NULL;
        g_autoptr (TiduCsvReader) reader = reader_for (bytes, -1, gb ? TIDU_CSV_ENCODING_GB18030
                                                                     : TIDU_CSV_ENCODING_AUTO, &error);
        g_autofree char *text = NULL;

        g_assert_no_error (error);
        g_assert_cmpuint (tidu_csv_reader_get_delimiter (reader), ==, cases[i].delimiter);
        text = read_all (reader);
        g_assert_cmpstr (text, ==, cases[i].expected);
      }
}

/* Reads records and returns the message of the failure, checking it is on @bad_row and that
 * reading goes on afterwards. */
static void
assert_invalid_row (const char *bytes,
                    guint64     bad_row,
                    const char *after)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) reader = reader_for (bytes, -1, TIDU_CSV_ENCODING_AUTO, &error);
  g_autofree char *row_text = g_strdup_printf ("Row %" G_GUINT64_FORMAT, bad_row);
  const char * const *fields;
  guint n;

  g_assert_no_error (error);
  for (guint64 row = 1; row < bad_row; row++)
    {
      g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_false (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_cmpuint (tidu_csv_reader_get_row (reader), ==, bad_row);
  g_assert_nonnull (strstr (error->message, row_text));
  g_clear_error (&error);
  /* Nothing was replaced: the next record reads as it is. */
  g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fields[0], ==, after);
}

static void
test_invalid_bytes (void)
{
  /* UTF-8 with a stray Latin-1 byte on row 3. */
  assert_invalid_row ("名称,地址\n镇江甲,京口区\n镇江\xE9乙,润州区\n镇江丙,丹徒区\n", 3, "镇江丙");

  /* GB18030 with a lead byte followed by a space on row 2. */
  {
    g_autofree char *head = to_gb18030 ("名称,地址\n");
    g_autofree char *tail = to_gb18030 ("镇江丙,丹徒区\n");
    g_autofree char *bytes = g_strconcat (head, "\xC3\xFB\xB3\xC6\x81 ,x\n", tail, NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (TiduCsvReader) reader = reader_for (bytes, -1, TIDU_CSV_ENCODING_GB18030, &error);
    const char * const *fields;
    guint n;

    g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
    g_assert_false (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "Row 2"));
    g_assert_nonnull (strstr (error->message, "GB18030"));
    g_clear_error (&error);
    g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
    g_assert_cmpstr (fields[0], ==, "镇江丙");
  }
}

static void
test_unterminated_quote (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) reader = reader_for ("a,b\n1,2\n\"3,4\n5,6\n", -1, TIDU_CSV_ENCODING_AUTO, &error);
  const char * const *fields;
  guint n;

  g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_false (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Row 3"));
}

static void
test_too_long (void)
{
  gsize len = 17 * 1024 * 1024;
  g_autofree char *bytes = g_malloc (len + 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) reader = NULL;
  const char * const *fields;
  guint n;

  memcpy (bytes, "a,b\n1,\"", 7);
  memset (bytes + 7, 'x', len - 7);
  bytes[len] = '\0';
  reader = reader_for (bytes, (gssize) len, TIDU_CSV_ENCODING_AUTO, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_false (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Row 2"));
  g_clear_error (&error);
  g_assert_false (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_no_error (error);
}

static void
test_not_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) utf16 = reader_for ("\xFF\xFEn\0a\0", 6, TIDU_CSV_ENCODING_AUTO, &error);

  g_assert_null (utf16);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  {
    g_autoptr (TiduCsvReader) binary = reader_for ("PK\3\4\0\0\0", 7, TIDU_CSV_ENCODING_AUTO, &error);

    g_assert_null (binary);
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  }
}

static void
test_blank_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduCsvReader) reader = reader_for ("a,b\n\n1,2\n", -1, TIDU_CSV_ENCODING_AUTO, &error);
  const char * const *fields;
  guint n;

  g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_cmpstr (fields[0], ==, "1");
  /* The blank line is a row in the spreadsheet. */
  g_assert_cmpuint (tidu_csv_reader_get_row (reader), ==, 3);
  g_assert_false (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
  g_assert_no_error (error);
}

/* Records that cross the reader's blocks, in both encodings, come out whole. */
static void
test_streaming (void)
{
  for (guint gb = 0; gb < 2; gb++)
    {
      g_autoptr (GString) text = g_string_new ("序号,名称,地址\r\n");
      g_autofree char *bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (TiduCsvReader) reader = NULL;
      const char * const *fields;
      guint n;
      guint count = 0;

      for (guint i = 0; i < 20000; i++)
        g_string_append_printf (text, "%u,\"镇江第%u科技有限公司\",\"京口区\r\n学府路%u号，二楼\"\r\n", i, i, i);
      bytes = gb ? to_gb18030 (text->str) : g_strdup (text->str);
      reader = reader_for (bytes, -1, TIDU_CSV_ENCODING_AUTO, &error);
      g_assert_no_error (error);
      g_assert_cmpint (tidu_csv_reader_get_encoding (reader), ==,
                       gb ? TIDU_CSV_ENCODING_GB18030 : TIDU_CSV_ENCODING_UTF8);
      g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
      while (tidu_csv_reader_next (reader, &fields, &n, NULL, &error))
        {
          g_autofree char *name = g_strdup_printf ("镇江第%u科技有限公司", count);
          g_autofree char *address = g_strdup_printf ("京口区\n学府路%u号，二楼", count);

          g_assert_cmpuint (n, ==, 3);
          g_assert_cmpstr (fields[1], ==, name);
          g_assert_cmpstr (fields[2], ==, address);
          count++;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (count, ==, 20000);
      g_assert_cmpuint (tidu_csv_reader_get_row (reader), ==, 20001);
    }
}

/* Unquoted fields are copied a run at a time: across the reader's blocks, in both encodings,
 * with ASCII before and after Chinese text, a quote inside a field, a full-width comma inside
 * a comma-separated field, and files delimited by the full-width comma after ASCII text. */
static void
test_unquoted_runs (void)
{
  for (guint fullwidth = 0; fullwidth < 2; fullwidth++)
    for (guint gb = 0; gb < 2; gb++)
      {
        const char *sep = fullwidth ? "，" : ",";
        g_autoptr (GString) text = g_string_new (NULL);
        g_autofree char *bytes = NULL;
        g_autoptr (GError) error = NULL;
        g_autoptr (TiduCsvReader) reader = NULL;
        const char * const *fields;
        guint n;
        guint count = 0;

        g_string_append_printf (text, "序号%sname%s地址%snote\n", sep, sep, sep);
        for (guint i = 0; i < 20000; i++)
          g_string_append_printf (text, "%u%sAB镇江第%u科技Co%s京口区 学府路%u号%s%s\n", i, sep, i, sep, i, sep,
                                  fullwidth ? "say \"hi\" 好" : "好，很好 say \"hi\"");
        bytes = gb ? to_gb18030 (text->str) : g_strdup (text->str);
        reader = reader_for (bytes, -1, TIDU_CSV_ENCODING_AUTO, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (tidu_csv_reader_get_delimiter (reader), ==, fullwidth ? TIDU_CSV_FULLWIDTH_COMMA : ',');
        g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
        g_assert_cmpuint (n, ==, 4);
        g_assert_cmpstr (fields[1], ==, "name");
        while (tidu_csv_reader_next (reader, &fields, &n, NULL, &error))
          {
            g_autofree char *number = g_strdup_printf ("%u", count);
            g_autofree char *name = g_strdup_printf ("AB镇江第%u科技Co", count);
            g_autofree char *address = g_strdup_printf ("京口区 学府路%u号", count);

            g_assert_cmpuint (n, ==, 4);
            g_assert_cmpstr (fields[0], ==, number);
            g_assert_cmpstr (fields[1], ==, name);
            g_assert_cmpstr (fields[2], ==, address);
            g_assert_cmpstr (fields[3], ==, fullwidth ? "say \"hi\" 好" : "好，很好 say \"hi\"");
            count++;
          }
        g_assert_no_error (error);
        g_assert_cmpuint (count, ==, 20000);
      }

  /* A NUL inside a run of text (after the first block, which would make the file binary) is
   * still found, in its column. */
  {
    g_autoptr (GString) text = g_string_new ("a,b\n");
    g_autoptr (GError) error = NULL;
    g_autoptr (TiduCsvReader) reader = NULL;
    const char * const *fields;
    guint n;
    guint count = 0;

    for (guint i = 0; i < 10000; i++)
      g_string_append_printf (text, "%u,镇江\n", i);
    g_string_append_len (text, "1,xyz\0uvw\n2,ok\n", 16);
    reader = reader_for (text->str, (gssize) text->len, TIDU_CSV_ENCODING_UTF8, &error);
    g_assert_no_error (error);
    while (tidu_csv_reader_next (reader, &fields, &n, NULL, &error))
      count++;
    g_assert_cmpuint (count, ==, 10001);
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "column 2"));
    g_clear_error (&error);
    g_assert_true (tidu_csv_reader_next (reader, &fields, &n, NULL, &error));
    g_assert_cmpstr (fields[1], ==, "ok");
  }
}

static void
test_encoding_names (void)
{
  TiduCsvEncoding encoding;

  g_assert_true (tidu_csv_encoding_from_string ("GBK", &encoding));
  g_assert_cmpint (encoding, ==, TIDU_CSV_ENCODING_GB18030);
  g_assert_true (tidu_csv_encoding_from_string ("utf-8", &encoding));
  g_assert_cmpint (encoding, ==, TIDU_CSV_ENCODING_UTF8);
  g_assert_false (tidu_csv_encoding_from_string ("latin1", &encoding));
  g_assert_cmpstr (tidu_csv_encoding_to_string (TIDU_CSV_ENCODING_GB18030), ==, "GB18030");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/utf8", test_utf8);
  g_test_add_func ("/csv/utf8-bom", test_utf8_bom);
  g_test_add_func ("/csv/gb18030", test_gb18030);
  g_test_add_func ("/csv/line-endings", test_line_endings);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/invalid-bytes", test_invalid_bytes);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/too-long", test_too_long);
  g_test_add_func ("/csv/not-text", test_not_text);
  g_test_add_func ("/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/streaming", test_streaming);
  g_test_add_func ("/csv/unquoted-runs", test_unquoted_runs);
  g_test_add_func ("/csv/encoding-names", test_encoding_names);

  return g_test_run ();
}
