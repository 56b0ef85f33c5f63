/* test-subsidy-sheet.c: the budget sheet of a batch: rows left in and totals, CSV with a BOM,
 * XLSX that unpacks, formula injection neutralised, and a clear error where nothing can be written
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tidu-core.h"
#include "test-util.h"

static TiduSubsidyBatch *
sample_batch (TiduTestFixture *f)
{
  TiduSampleOptions options = { 300, 7 };
  g_autoptr(TiduPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_sample_generate (f->db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  policy = tidu_policy_lookup (f->db, "jiangdu-2023-2025", &error);
  g_assert_no_error (error);
  for (int year = 2025; year >= 2018; year--)
    {
      TiduSubsidyBatch *batch = tidu_subsidy_batch_run (f->db, policy, year, NULL, &error);

      g_assert_no_error (error);
      if (batch->rows->len >= 2)
        return batch;
      tidu_subsidy_batch_free (batch);
    }
  g_error ("The sample data gives no batch");
  return NULL;
}

static void
test_rows_and_totals (TiduTestFixture *f,
                      gconstpointer    data)
{
  g_autoptr(TiduSubsidyBatch) batch = sample_batch (f);
  g_autoptr(TiduSubsidySheet) sheet = NULL;
  TiduSubsidyBatchRow *first = g_ptr_array_index (batch->rows, 0);
  TiduSheetRow *last;
  gint64 sum = 0;
  guint n = 0;

  first->excluded = TRUE;
  for (guint i = 1; i < batch->rows->len; i++)
    {
      sum += tidu_subsidy_batch_row_amount (g_ptr_array_index (batch->rows, i));
      n++;
    }

  sheet = tidu_subsidy_sheet_new (batch);
  g_assert_cmpuint (sheet->n_entries, ==, n);
  g_assert_cmpint (sheet->total_min, ==, sum);
  g_assert_cmpint (sheet->total_max, ==, sum);
  g_assert_nonnull (strstr (sheet->title, "江都"));
  last = g_ptr_array_index (sheet->rows, sheet->rows->len - 1);
  g_assert_true (last->total);
  g_assert_cmpint (g_ascii_strtoll (last->cells[TIDU_SHEET_COLUMN_AMOUNT], NULL, 10), ==, sum);
  for (guint i = 0; i < sheet->n_entries; i++)
    {
      TiduSheetRow *row = g_ptr_array_index (sheet->rows, i);

      g_assert_false (row->total);
      g_assert_true (row->cells[TIDU_SHEET_COLUMN_EXPLANATION] != NULL);
    }
}

static char *
unzip_member (const char *path,
              const char *member)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_formula_injection (TiduTestFixture *f,
                        gconstpointer    data)
{
  g_autoptr(TiduSubsidyBatch) batch = sample_batch (f);
  g_autoptr(TiduSubsidySheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "sheet.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (f->dir, "sheet.xlsx", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *xml = NULL;
  TiduSubsidyBatchRow *first = g_ptr_array_index (batch->rows, 0);

  g_free (first->entity_name);
  first->entity_name = g_strdup ("=HYPERLINK(\"http://x\",\"点我\")");
  sheet = tidu_subsidy_sheet_new (batch);

  g_assert_true (tidu_subsidy_sheet_write (sheet, csv_path, TIDU_EXPORT_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  /* Quoted because of the comma and quotes, with the apostrophe in front. */
  g_assert_nonnull (strstr (csv, "\r\n\"'=HYPERLINK("));
  g_assert_null (strstr (csv, "\r\n=HYPERLINK("));

  g_assert_true (tidu_subsidy_sheet_write (sheet, xlsx_path, TIDU_EXPORT_XLSX, &error));
  g_assert_no_error (error);
  xml = unzip_member (xlsx_path, "xl/worksheets/sheet1.xml");
  g_assert_null (strstr (xml, "<f>"));
  g_assert_nonnull (strstr (xml, "'=HYPERLINK("));
}

static void
test_unwritable (TiduTestFixture *f,
                               gconstpointer    data)
{
  g_autoptr(TiduSubsidyBatch) batch = sample_batch (f);
  g_autoptr(TiduSubsidySheet) sheet = tidu_subsidy_sheet_new (batch);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "missing-folder", "sheet.xlsx", NULL);

  g_assert_false (tidu_subsidy_sheet_write (sheet, path, TIDU_EXPORT_XLSX, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_IO);
  g_clear_error (&error);
  g_assert_false (tidu_subsidy_sheet_write (sheet, path, TIDU_EXPORT_CSV, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)

  ADD ("/subsidy-sheet/rows-and-totals", test_rows_and_totals);
  ADD ("/subsidy-sheet/formula-injection", test_formula_injection);
  ADD ("/subsidy-sheet/unwritable", test_unwritable);

#undef ADD

  return g_test_run ();
}
