/* test-export.c: lists to CSV and XLSX: BOM and CRLF, quoting, typed cells read back from the
 * sheet XML, formula injection neutralised, filter and sort kept, round trip through the
 * import, cancellation, and tidu-cli export.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"

static char *
uscc (guint serial)
{
  g_autofree char *first17 = g_strdup_printf ("91321100MA%07u", serial);

  return g_strdup_printf ("%s%c", first17, tidu_uscc_check_character (first17));
}

static void
add_firm (TiduDatabase *db,
          const char   *name,
          guint         serial,
          const char   *region_id,
          const char   *founded,
          const char   *notes)
{
  g_autoptr (TiduFirm) firm = tidu_firm_new ();
  g_autoptr (GError) error = NULL;

  firm->name = g_strdup (name);
  firm->uscc = serial > 0 ? uscc (serial) : NULL;
  firm->region_id = g_strdup (region_id);
  firm->industry = g_strdup ("软件");
  firm->tech_field = g_strdup ("electronic_information");
  if (founded != NULL)
    firm->founded_on = tidu_test_date (founded);
  firm->notes = g_strdup (notes);
  g_assert_true (tidu_firm_save (db, firm, &error));
  g_assert_no_error (error);
}

static void
fill (TiduDatabase *db)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *region = tidu_region_find_or_create (db, NULL, "京口区", "district", &error);

  g_assert_no_error (error);
  add_firm (db, "镇江甲,乙科技有限公司", 1, region, "2021-03-05", "第一行\n第二行");
  add_firm (db, "=cmd|' /C calc'!A0", 2, region, NULL, "+1+2");
  add_firm (db, "@SUM(A1)", 3, NULL, "2020-01-02", "-10");
  add_firm (db, "制表符开头", 4, NULL, NULL, "他说\"好\"");
  /* Saving strips surrounding blanks; a colleague's file or an older version may not have. */
  tidu_test_exec (db, "UPDATE firms SET name = char (9) || name WHERE name = '制表符开头'");
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
export (TiduDatabase         *db,
        const TiduListQuery  *query,
        const char           *path,
        guint64              *n_rows,
        GCancellable         *cancellable,
        GError              **error)
{
  TiduExportFormat format;

  g_assert_true (tidu_export_format_for_path (path, &format));
  return tidu_export_list (db, query, path, format, NULL, NULL, cancellable, n_rows, error);
}

static void
test_neutralize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "=1+1", "'=1+1" }, { "+86 139", "'+86 139" }, { "-x", "'-x" }, { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" }, { "\rx", "'\rx" }, { "镇江", "镇江" }, { "", "" }, { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = tidu_export_neutralize (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  g_assert_null (tidu_export_neutralize (NULL));
}

static void
test_csv (TiduTestFixture *f,
          gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, "firms.csv", NULL);
  g_autoptr (TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint64 n_rows = 0;

  fill (f->db);
  g_assert_true (export (f->db, query, path, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 4);

  text = read_text (path);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "Name,Credit code,Region,"));
  lines = g_strsplit (text, "\r\n", -1);
  /* Header, four rows (one with a line break inside quotes), and the empty rest. */
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_nonnull (strstr (text, "\"镇江甲,乙科技有限公司\""));
  g_assert_nonnull (strstr (text, "\"第一行\n第二行\""));
  g_assert_nonnull (strstr (text, "\"他说\"\"好\"\"\""));
  /* Formula injection: every dangerous cell starts with an apostrophe. */
  g_assert_nonnull (strstr (text, "\r\n'=cmd|' /C calc'!A0,"));
  g_assert_nonnull (strstr (text, ",'+1+2\r\n"));
  g_assert_nonnull (strstr (text, "'@SUM(A1),"));
  g_assert_nonnull (strstr (text, ",'-10\r\n"));
  g_assert_nonnull (strstr (text, "'\t制表符开头"));
  g_assert_null (strstr (text, "\r\n=cmd"));
  g_assert_null (strstr (text, ",=cmd"));
  g_assert_null (strstr (text, ",+1+2"));
  g_assert_null (strstr (text, "\r\n@SUM"));
}

/* The worksheet XML of an XLSX file, by unpacking it with unzip. */
static char *
sheet_xml (const char *path)
{
  const char *argv[] = { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_xlsx (TiduTestFixture *f,
           gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, "firms.xlsx", NULL);
  g_autoptr (TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  guint64 n_rows = 0;

  if (!g_find_program_in_path ("unzip"))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  fill (f->db);
  g_assert_true (export (f->db, query, path, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 4);

  xml = sheet_xml (path);
  /* Header row, frozen, and column widths. */
  g_assert_nonnull (strstr (xml, "<t>Name</t>"));
  g_assert_nonnull (strstr (xml, "<t>Founded on</t>"));
  g_assert_nonnull (strstr (xml, "<pane ySplit=\"1\""));
  g_assert_nonnull (strstr (xml, "<col min=\"1\" max=\"1\" width="));
  g_assert_nonnull (strstr (xml, "<row r=\"5\""));
  g_assert_null (strstr (xml, "<row r=\"6\""));
  /* Text as text, line breaks kept; no formula anywhere. */
  g_assert_nonnull (strstr (xml, "镇江甲,乙科技有限公司"));
  g_assert_nonnull (strstr (xml, "第一行\n第二行"));
  g_assert_null (strstr (xml, "<f>"));
  g_assert_nonnull (strstr (xml, "<t>'=cmd|' /C calc'!A0</t>"));
  g_assert_nonnull (strstr (xml, "<t>'@SUM(A1)</t>"));
  g_assert_nonnull (strstr (xml, "<t>'+1+2</t>"));
  g_assert_nonnull (strstr (xml, "<t>'-10</t>"));
  g_assert_nonnull (strstr (xml, "'\t制表符开头"));
  g_assert_null (strstr (xml, "<t>=cmd"));
  /* Dates are numbers with a date format: 2021-03-05 is day 44260 and 2020-01-02 day 43832. */
  g_assert_nonnull (strstr (xml, "<v>44260</v>"));
  g_assert_nonnull (strstr (xml, "<v>43832</v>"));
}

static void
test_numbers_typed (TiduTestFixture *f,
                    gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, "carriers.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "carriers.csv", NULL);
  g_autoptr (TiduListQuery) query = tidu_list_query_new (TIDU_LIST_CARRIERS);
  g_autoptr (TiduCarrier) carrier = tidu_carrier_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *text = NULL;

  if (!g_find_program_in_path ("unzip"))
    {
      g_test_skip ("unzip is not installed");
      return;
    }
  carrier->name = g_strdup ("京口科技企业孵化器");
  carrier->kind = g_strdup ("incubator");
  carrier->area_m2 = 12000.5;
  g_assert_true (tidu_carrier_save (f->db, carrier, &error));

  g_assert_true (export (f->db, query, path, NULL, NULL, &error));
  xml = sheet_xml (path);
  /* The area is a number cell (no t="inlineStr"), not text. */
  g_assert_nonnull (strstr (xml, "<v>12000.5</v>"));
  g_assert_true (export (f->db, query, csv_path, NULL, NULL, &error));
  text = read_text (csv_path);
  g_assert_nonnull (strstr (text, ",12000.5,"));
}

static void
test_filter_and_sort (TiduTestFixture *f,
                      gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, "sorted.csv", NULL);
  g_autoptr (TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint64 n_rows = 0;

  add_firm (f->db, "甲数据科技有限公司", 11, NULL, NULL, NULL);
  add_firm (f->db, "乙数据科技有限公司", 12, NULL, NULL, NULL);
  add_firm (f->db, "丙生物有限公司", 13, NULL, NULL, NULL);
  tidu_list_query_set_search (query, "数据");
  tidu_list_query_set_sort (query, "uscc", TRUE);

  g_assert_true (export (f->db, query, path, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
  text = read_text (path);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[1], "乙数据科技有限公司,"));
  g_assert_true (g_str_has_prefix (lines[2], "甲数据科技有限公司,"));
  g_assert_null (strstr (text, "丙生物"));
}

/* An exported list of firms imports into an empty database as it was. */
static void
test_round_trip (TiduTestFixture *f,
                 gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, "firms.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.sqlite3", NULL);
  g_autoptr (TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr (TiduDatabase) other = NULL;
  g_autoptr (TiduImport) import = NULL;
  g_autoptr (TiduImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  const char *columns = "SELECT group_concat (x, ';') FROM (SELECT f.name || '|' || ifnull (f.uscc, '') || '|' || "
                        "ifnull (r.name, '') || '|' || ifnull (f.founded_on, '') || '|' || ifnull (f.tech_field, '') || '|' || "
                        "ifnull (f.notes, '') AS x FROM firms f LEFT JOIN regions r ON r.id = f.region_id ORDER BY f.uscc)";
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  add_firm (f->db, "镇江甲,乙科技有限公司", 1, NULL, "2021-03-05", "第一行\n第二行");
  add_firm (f->db, "镇江丙科技有限公司", 2, NULL, NULL, NULL);
  {
    g_autofree char *region = tidu_region_find_or_create (f->db, NULL, "京口区", "district", &error);

    add_firm (f->db, "镇江丁科技有限公司", 3, region, "2019-12-31", "他说\"好\"");
  }
  expected = tidu_test_query_text (f->db, columns);

  g_assert_true (export (f->db, query, path, NULL, NULL, &error));
  g_assert_no_error (error);
  other = tidu_database_open (other_path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  import = tidu_import_new (TIDU_IMPORT_FIRMS, path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);
  report = tidu_import_run (import, other, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_assert_cmpuint (report->n_bad, ==, 0);
  actual = tidu_test_query_text (other, columns);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_cancel_keeps_file (TiduTestFixture *f,
                        gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, "firms.xlsx", NULL);
  g_autoptr (TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *text = NULL;
  guint n_files = 0;

  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *name = g_strdup_printf ("镇江第%u科技有限公司", i);

      add_firm (f->db, name, 100 + i, NULL, NULL, NULL);
    }
  g_file_set_contents (path, "old", -1, &error);
  g_cancellable_cancel (cancellable);
  g_assert_false (export (f->db, query, path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");
  /* No temporary file is left behind. */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 4);   /* database, its -wal and -shm, the old file */
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint64 *n_rows = user_data;
  g_autoptr (GError) error = NULL;

  g_assert_true (tidu_export_list_finish (result, n_rows, &error));
  g_assert_no_error (error);
}

static void
test_async (TiduTestFixture *f,
            gconstpointer    data)
{
  g_autofree char *path = g_build_filename (f->dir, "firms.xlsx", NULL);
  g_autoptr (TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  guint64 n_rows = 0;

  fill (f->db);
  tidu_list_query_set_search (query, "镇江");
  tidu_export_list_async (tidu_database_get_path (f->db), query, path, TIDU_EXPORT_XLSX,
                          NULL, NULL, NULL, export_done, &n_rows);
  /* The query was copied: changing it now does not change the export. */
  tidu_list_query_set_search (query, NULL);
  while (n_rows == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_cli (TiduTestFixture *f,
          gconstpointer    data)
{
  g_autofree char *database = g_strdup (tidu_database_get_path (f->db));
  g_autofree char *csv = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "out.xlsx", NULL);
  g_autofree char *txt = g_build_filename (f->dir, "out.txt", NULL);
  const char *cli = g_getenv ("TIDU_CLI");
  struct { const char *argv[9]; int status; } cases[] = {
    { { cli, "--database", database, "export", "firms", csv, "--search", "镇江", NULL }, 0 },
    { { cli, "--database", database, "export", "firms", xlsx, NULL }, 0 },
    { { cli, "--database", database, "export", "firms", txt, NULL }, 2 },
    { { cli, "--database", database, "export", "rockets", csv, NULL }, 2 },
    { { cli, "--database", database, "export", "firms", NULL }, 2 },
    { { cli, "--database", database, "export", "firms", csv, "--sort", "nope", NULL }, 2 },
  };

  fill (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) cases[i].argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, cases[i].status);
      if (cases[i].status == 2)
        g_assert_true (g_str_has_prefix (err, "tidu-cli: "));
    }
  {
    g_autofree char *text = read_text (csv);

    g_assert_nonnull (strstr (text, "镇江甲,乙科技有限公司"));
    g_assert_null (strstr (text, "@SUM"));
  }
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/neutralize", test_neutralize);
#define ADD(path, func) \
  g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/export/csv", test_csv);
  ADD ("/export/xlsx", test_xlsx);
  ADD ("/export/numbers-typed", test_numbers_typed);
  ADD ("/export/filter-and-sort", test_filter_and_sort);
  ADD ("/export/round-trip", test_round_trip);
  ADD ("/export/cancel-keeps-file", test_cancel_keeps_file);
  ADD ("/export/async", test_async);
  ADD ("/export/cli", test_cli);
#undef ADD

  return g_test_run ();
}
