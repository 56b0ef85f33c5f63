/* test-import.c: CSV import of firms, carriers, talents, certifications and indicators:
 * encodings, header mapping, value forms, bad rows, duplicates, modes, re-import, dry run,
 * cancellation and tidu-cli import.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"

static const char *snapshot_tables[] = {
  "regions", "carriers", "firms", "firm_stays", "firm_tiers", "firm_years", "talents",
};

static char *
snapshot (TiduDatabase *db)
{
  return tidu_test_snapshot_tables (db, snapshot_tables, G_N_ELEMENTS (snapshot_tables));
}

/* A valid 统一社会信用代码 for @serial. */
static char *
uscc (guint serial)
{
  g_autofree char *first17 = g_strdup_printf ("91321100MA%07u", serial);

  return g_strdup_printf ("%s%c", first17, tidu_uscc_check_character (first17));
}

/* Writes @utf8 to @name in @dir, converted to GB18030 when asked, with a BOM when asked. */
static char *
write_file (const char *dir,
            const char *name,
            const char *utf8,
            gboolean    gb18030,
            gboolean    bom)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *bytes = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;

  if (gb18030)
    {
      bytes = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
    }
  else
    {
      bytes = g_strconcat (bom ? "\xEF\xBB\xBF" : "", utf8, NULL);
      len = strlen (bytes);
    }
  g_file_set_contents (path, bytes, (gssize) len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static TiduImportReport *
run_import (TiduDatabase    *db,
            TiduImportKind   kind,
            const char      *path,
            TiduImportMode   mode,
            gboolean         dry_run)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduImport) import = tidu_import_new (kind, path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  TiduImportReport *report;

  g_assert_no_error (error);
  tidu_import_set_mode (import, mode);
  report = tidu_import_run (import, db, dry_run, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* The issue on @row (and @column when given), or NULL. */
static const TiduImportIssue *
find_issue (const TiduImportReport *report,
            guint64                 row,
            const char             *column)
{
  for (guint i = 0; i < report->issues->len; i++)
    {
      const TiduImportIssue *issue = g_ptr_array_index (report->issues, i);

      if (issue->row == row && (column == NULL || g_strcmp0 (issue->column, column) == 0))
        return issue;
    }
  return NULL;
}

static gboolean
created_name (const TiduImportReport *report,
              const char             *what,
              const char             *name)
{
  for (guint i = 0; i < report->created_names->len; i++)
    {
      const TiduImportCreatedName *created = g_ptr_array_index (report->created_names, i);

      if (g_str_equal (created->what, what) && g_str_equal (created->name, name))
        return TRUE;
    }
  return FALSE;
}

/* Firms with quoted commas and line breaks, full-width spaces, the date forms and a 万元
 * capital column, into an empty database. */
static char *
firms_text (void)
{
  g_autofree char *a = uscc (1);
  g_autofree char *b = uscc (2);
  g_autofree char *c = uscc (3);
  g_autofree char *d = uscc (4);

  return g_strdup_printf ("企业名称,统一社会信用代码,所属区域,成立日期,注册资本(万元),行业,技术领域,所在载体,联系人,联系电话,地址\r\n"
                          "\"镇江甲,乙科技有限公司\",%s,京口区,2021-03-05,500,软件,电子信息,京口科技企业孵化器,张三,0511-88886666,\"京口区\r\n学府路1号\"\r\n"
                          "\u3000润州智能装备有限公司\u3000,%s,\u3000润州区\u3000,2020/1/2,\"1,200.5\",装备,先进制造与自动化,,李四,13800000000,\r\n"
                          "丹徒生物医药有限公司,%s,丹徒区,2019年7月8日,,医药,Biology and new medicine,京口科技企业孵化器,,,\r\n"
                          "新区新材料有限公司,%s,镇江新区,20180910,,材料,new_materials,,,,\r\n",
                          a, b, c, d);
}

static void
assert_firms_imported (TiduDatabase           *db,
                       const TiduImportReport *report)
{
  g_autofree char *a = uscc (1);
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  g_autofree char *founded = NULL;

  g_assert_true (report->committed);
  g_assert_cmpuint (report->n_rows, ==, 4);
  g_assert_cmpuint (report->n_created, ==, 4);
  g_assert_cmpuint (report->n_bad, ==, 0);
  g_assert_cmpint (tidu_test_count_live (db, TIDU_ENTITY_FIRM), ==, 4);

  sql = g_strdup_printf ("SELECT name FROM firms WHERE uscc = '%s'", a);
  name = tidu_test_query_text (db, sql);
  g_assert_cmpstr (name, ==, "镇江甲,乙科技有限公司");
  g_assert_cmpstr (tidu_test_query_text (db, "SELECT address FROM firms WHERE name = '镇江甲,乙科技有限公司'"),
                   ==, "京口区\n学府路1号");
  /* Full-width spaces around values are gone. */
  founded = tidu_test_query_text (db, "SELECT founded_on FROM firms WHERE name = '润州智能装备有限公司'");
  g_assert_cmpstr (founded, ==, "2020-01-02");
  g_assert_cmpstr (tidu_test_query_text (db, "SELECT founded_on FROM firms WHERE name = '丹徒生物医药有限公司'"),
                   ==, "2019-07-08");
  g_assert_cmpstr (tidu_test_query_text (db, "SELECT founded_on FROM firms WHERE name = '新区新材料有限公司'"),
                   ==, "2018-09-10");
  g_assert_cmpstr (tidu_test_query_text (db, "SELECT tech_field FROM firms WHERE name = '丹徒生物医药有限公司'"),
                   ==, "biomedicine");
  g_assert_cmpstr (tidu_test_query_text (db, "SELECT r.name FROM firms f JOIN regions r ON r.id = f.region_id "
                                             "WHERE f.name = '润州智能装备有限公司'"), ==, "润州区");
  /* Regions and the carrier did not exist: created, and listed. */
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM regions WHERE deleted_at IS NULL"), ==, 4);
  g_assert_true (created_name (report, "region", "京口区"));
  g_assert_true (created_name (report, "region", "镇江新区"));
  g_assert_true (created_name (report, "carrier", "京口科技企业孵化器"));
  g_assert_true (created_name (report, "industry", "软件"));
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM carriers"), ==, 1);
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM firm_stays WHERE left_on IS NULL"), ==, 2);
  /* The capital column is checked but said to be left out, once. */
  g_assert_nonnull (find_issue (report, 0, "注册资本(万元)"));
  g_assert_true (find_issue (report, 0, "注册资本(万元)")->warning);
  /* The search indexes know the new firms. */
  g_assert_cmpint (tidu_test_db_int (db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '润州智能'"), >=, 1);
}

static void
test_firms_utf8 (TiduTestFixture *f,
                 gconstpointer    data)
{
  g_autofree char *text = firms_text ();
  g_autofree char *path = write_file (f->dir, "firms.csv", text, FALSE, FALSE);
  g_autoptr (TiduImportReport) report = run_import (f->db, TIDU_IMPORT_FIRMS, path,
                                                    TIDU_IMPORT_ALL_OR_NOTHING, FALSE);

  g_assert_cmpint (report->encoding, ==, TIDU_CSV_ENCODING_UTF8);
  assert_firms_imported (f->db, report);
}

static void
test_firms_utf8_bom (TiduTestFixture *f,
                     gconstpointer    data)
{
  g_autofree char *text = firms_text ();
  g_autofree char *path = write_file (f->dir, "firms.csv", text, FALSE, TRUE);
  g_autoptr (TiduImportReport) report = run_import (f->db, TIDU_IMPORT_FIRMS, path,
                                                    TIDU_IMPORT_ALL_OR_NOTHING, FALSE);

  g_assert_cmpint (report->encoding, ==, TIDU_CSV_ENCODING_UTF8_BOM);
  assert_firms_imported (f->db, report);
}

static void
test_firms_gb18030 (TiduTestFixture *f,
                    gconstpointer    data)
{
  g_autofree char *text = firms_text ();
  g_autofree char *path = write_file (f->dir, "firms.csv", text, TRUE, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduImport) import = tidu_import_new (TIDU_IMPORT_FIRMS, path, TIDU_CSV_ENCODING_AUTO, 0,
                                                   NULL, &error);
  g_autoptr (TiduImportReport) report = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tidu_import_get_encoding (import), ==, TIDU_CSV_ENCODING_GB18030);
  /* The preview shows the Chinese as it is. */
  g_assert_cmpstr (tidu_import_get_header (import, 0), ==, "企业名称");
  g_assert_cmpuint (tidu_import_get_n_preview_rows (import), ==, 4);
  g_assert_cmpstr (tidu_import_get_preview_cell (import, 0, 0), ==, "镇江甲,乙科技有限公司");
  g_assert_cmpuint (tidu_import_get_preview_row_number (import, 1), ==, 3);

  report = run_import (f->db, TIDU_IMPORT_FIRMS, path, TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  g_assert_cmpint (report->encoding, ==, TIDU_CSV_ENCODING_GB18030);
  assert_firms_imported (f->db, report);
}

static void
test_header_mapping (TiduTestFixture *f,
                     gconstpointer    data)
{
  static const struct { TiduImportKind kind; const char *header; const char *field; } cases[] = {
    { TIDU_IMPORT_FIRMS, "企业名称", "name" },
    { TIDU_IMPORT_FIRMS, "名称", "name" },
    { TIDU_IMPORT_FIRMS, "Name", "name" },
    { TIDU_IMPORT_FIRMS, "统一社会信用代码", "uscc" },
    { TIDU_IMPORT_FIRMS, "信用代码", "uscc" },
    { TIDU_IMPORT_FIRMS, "Credit code", "uscc" },
    { TIDU_IMPORT_FIRMS, "所属区域", "region" },
    { TIDU_IMPORT_FIRMS, "区县", "region" },
    { TIDU_IMPORT_FIRMS, " 成立日期 ", "founded_on" },
    { TIDU_IMPORT_FIRMS, "所在载体", "carrier" },
    { TIDU_IMPORT_FIRMS, "行业", "industry" },
    { TIDU_IMPORT_FIRMS, "技术领域", "tech_field" },
    { TIDU_IMPORT_FIRMS, "注册资本（万元）", "registered_capital" },
    { TIDU_IMPORT_FIRMS, "*联系人", "contact_name" },
    { TIDU_IMPORT_FIRMS, "联系电话", "contact_phone" },
    { TIDU_IMPORT_CARRIERS, "载体名称", "name" },
    { TIDU_IMPORT_CARRIERS, "载体类型", "kind" },
    { TIDU_IMPORT_CARRIERS, "面积(平方米)", "area_m2" },
    { TIDU_IMPORT_TALENTS, "姓名", "name" },
    { TIDU_IMPORT_TALENTS, "性别", "gender" },
    { TIDU_IMPORT_TALENTS, "工作单位", "firm" },
    { TIDU_IMPORT_CERTIFICATIONS, "认定日期", "certified_on" },
    { TIDU_IMPORT_CERTIFICATIONS, "证书编号", "certificate_no" },
    { TIDU_IMPORT_INDICATORS, "营业收入(万元)", "revenue" },
    { TIDU_IMPORT_INDICATORS, "年度", "year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TiduImportField *field = tidu_import_guess_field (cases[i].kind, cases[i].header);

      g_assert_nonnull (field);
      g_assert_cmpstr (field->id, ==, cases[i].field);
    }
  g_assert_null (tidu_import_guess_field (TIDU_IMPORT_FIRMS, "序号"));

  /* An unknown header is left out until the user maps it. */
  {
    g_autofree char *path = write_file (f->dir, "odd.csv", "单位全名,序号\n镇江甲科技有限公司,1\n", FALSE, FALSE);
    g_autoptr (GError) error = NULL;
    g_autoptr (TiduImport) import = tidu_import_new (TIDU_IMPORT_FIRMS, path, TIDU_CSV_ENCODING_AUTO, 0,
                                                     NULL, &error);
    g_autoptr (TiduImportReport) report = NULL;

    g_assert_no_error (error);
    g_assert_null (tidu_import_get_mapping (import, 0));
    g_assert_false (tidu_import_check_mapping (import, &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_assert_null (tidu_import_run (import, f->db, FALSE, NULL, NULL, NULL, &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
    g_clear_error (&error);

    g_assert_false (tidu_import_set_mapping (import, 0, "no_such_field", &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_assert_true (tidu_import_set_mapping (import, 0, "name", &error));
    g_assert_cmpstr (tidu_import_get_mapping (import, 0), ==, "name");
    /* A field takes one column. */
    g_assert_true (tidu_import_set_mapping (import, 1, "name", &error));
    g_assert_null (tidu_import_get_mapping (import, 0));
    g_assert_true (tidu_import_set_mapping (import, 0, "name", &error));
    g_assert_null (tidu_import_get_mapping (import, 1));

    report = tidu_import_run (import, f->db, FALSE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->n_created, ==, 1);
    g_assert_cmpstr (tidu_test_query_text (f->db, "SELECT name FROM firms"), ==, "镇江甲科技有限公司");
  }
}

/* Row 2 good; 3 bad date; 4 bad code; 5 no name; 6 repeats row 2's code; 7 good; 8 unknown
 * high-tech field. */
static char *
bad_rows_text (void)
{
  g_autofree char *a = uscc (11);
  g_autofree char *b = uscc (12);
  g_autofree char *c = uscc (13);
  g_autofree char *bad = g_strdup (a);

  bad[17] = bad[17] == '0' ? '1' : '0';
  return g_strdup_printf ("名称,信用代码,成立日期,技术领域\n"
                          "甲科技有限公司,%s,2021-01-01,\n"
                          "乙科技有限公司,%s,2021-13-01,\n"
                          "丙科技有限公司,%s,,\n"
                          ",%s,,\n"
                          "甲科技（重复）有限公司,%s,,\n"
                          "丁科技有限公司,,2020-02-29,\n"
                          "戊科技有限公司,,,量子计算\n",
                          a, b, bad, c, a);
}

static void
assert_bad_rows (const TiduImportReport *report)
{
  const TiduImportIssue *issue;

  g_assert_cmpuint (report->n_rows, ==, 7);
  g_assert_cmpuint (report->n_bad, ==, 5);
  g_assert_cmpuint (report->n_duplicates, ==, 1);

  issue = find_issue (report, 3, "成立日期");
  g_assert_nonnull (issue);
  g_assert_cmpstr (issue->field, ==, "founded_on");
  g_assert_cmpstr (issue->value, ==, "2021-13-01");
  g_assert_false (issue->warning);
  g_assert_nonnull (find_issue (report, 4, "信用代码"));
  g_assert_nonnull (find_issue (report, 5, "名称"));
  issue = find_issue (report, 6, "信用代码");
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (issue->message, "row 2"));
  g_assert_nonnull (find_issue (report, 8, "技术领域"));
  g_assert_null (find_issue (report, 2, NULL));
  g_assert_null (find_issue (report, 7, NULL));
}

static void
test_all_or_nothing (TiduTestFixture *f,
                     gconstpointer    data)
{
  g_autofree char *text = bad_rows_text ();
  g_autofree char *path = write_file (f->dir, "bad.csv", text, FALSE, FALSE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (TiduImportReport) report = NULL;
  g_autoptr (TiduFirm) firm = tidu_firm_new ();
  g_autoptr (GError) error = NULL;

  firm->name = g_strdup ("已有企业");
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  before = snapshot (f->db);

  report = run_import (f->db, TIDU_IMPORT_FIRMS, path, TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  assert_bad_rows (report);
  g_assert_false (report->committed);
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 1);
}

static void
test_skip_bad_rows (TiduTestFixture *f,
                    gconstpointer    data)
{
  g_autofree char *text = bad_rows_text ();
  g_autofree char *path = write_file (f->dir, "bad.csv", text, FALSE, FALSE);
  g_autoptr (TiduImportReport) report = run_import (f->db, TIDU_IMPORT_FIRMS, path,
                                                    TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);

  assert_bad_rows (report);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 2);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms WHERE name IN ('甲科技有限公司', '丁科技有限公司')"), ==, 2);
}

static void
test_invalid_bytes (TiduTestFixture *f,
                    gconstpointer    data)
{
  g_autofree char *path = write_file (f->dir, "bytes.csv",
                                      "名称,行业\n甲科技有限公司,软件\n乙\xE9科技有限公司,软件\n丙科技有限公司,软件\n",
                                      FALSE, FALSE);
  g_autoptr (TiduImportReport) strict = run_import (f->db, TIDU_IMPORT_FIRMS, path,
                                                    TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  g_autoptr (TiduImportReport) report = NULL;
  const TiduImportIssue *issue;

  g_assert_false (strict->committed);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 0);

  report = run_import (f->db, TIDU_IMPORT_FIRMS, path, TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);
  issue = find_issue (report, 3, NULL);
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (issue->message, "E9"));
  g_assert_cmpuint (report->n_bad, ==, 1);
  g_assert_cmpuint (report->n_created, ==, 2);
  /* Nothing was guessed: no name with a replacement character. */
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms WHERE name LIKE '%乙%'"), ==, 0);
}

static void
test_reimport_updates (TiduTestFixture *f,
                       gconstpointer    data)
{
  g_autofree char *text = firms_text ();
  g_autofree char *path = write_file (f->dir, "firms.csv", text, FALSE, FALSE);
  g_autoptr (TiduImportReport) first = run_import (f->db, TIDU_IMPORT_FIRMS, path,
                                                   TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  g_autoptr (TiduImportReport) second = NULL;
  g_autoptr (TiduImportReport) third = NULL;
  g_autofree char *b = uscc (2);
  g_autofree char *changed = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *before = snapshot (f->db);
  g_autofree char *after = NULL;

  /* The same file again changes nothing. */
  second = run_import (f->db, TIDU_IMPORT_FIRMS, path, TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  g_assert_cmpuint (second->n_created, ==, 0);
  g_assert_cmpuint (second->n_unchanged, ==, 4);
  g_assert_cmpuint (second->created_names->len, ==, 0);
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);

  /* A new phone for one firm, matched by its code though the name is written differently. */
  changed = g_strdup_printf ("统一社会信用代码,企业名称,联系电话\n%s,润州智能装备有限公司,0511-12345678\n", b);
  path2 = write_file (f->dir, "phones.csv", changed, FALSE, FALSE);
  third = run_import (f->db, TIDU_IMPORT_FIRMS, path2, TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  g_assert_cmpuint (third->n_updated, ==, 1);
  g_assert_cmpuint (third->n_created, ==, 0);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 4);
  g_assert_cmpstr (tidu_test_query_text (f->db, "SELECT contact_phone FROM firms WHERE name = '润州智能装备有限公司'"),
                   ==, "0511-12345678");
  /* Columns not in the file keep their values. */
  g_assert_cmpstr (tidu_test_query_text (f->db, "SELECT contact_name FROM firms WHERE name = '润州智能装备有限公司'"),
                   ==, "李四");
}

static void
test_trashed_firm_restored (TiduTestFixture *f,
                            gconstpointer    data)
{
  g_autoptr (TiduFirm) firm = tidu_firm_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *code = uscc (21);
  g_autofree char *text = g_strdup_printf ("名称,信用代码\n回收站企业,%s\n", code);
  g_autofree char *path = write_file (f->dir, "trash.csv", text, FALSE, FALSE);
  g_autoptr (TiduImportReport) report = NULL;

  firm->name = g_strdup ("回收站企业");
  firm->uscc = g_strdup (code);
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_true (tidu_firm_delete (f->db, firm->id, &error));

  report = run_import (f->db, TIDU_IMPORT_FIRMS, path, TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms"), ==, 1);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 1);
}

static void
test_dry_run (TiduTestFixture *f,
              gconstpointer    data)
{
  g_autofree char *text = firms_text ();
  g_autofree char *path = write_file (f->dir, "firms.csv", text, FALSE, FALSE);
  g_autofree char *before = snapshot (f->db);
  g_autofree char *after = NULL;
  g_autoptr (TiduImportReport) report = run_import (f->db, TIDU_IMPORT_FIRMS, path,
                                                    TIDU_IMPORT_ALL_OR_NOTHING, TRUE);

  g_assert_true (report->dry_run);
  g_assert_false (report->committed);
  g_assert_cmpuint (report->n_created, ==, 4);
  g_assert_true (created_name (report, "region", "京口区"));
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
count_progress (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_progress_and_cancel (TiduTestFixture *f,
                          gconstpointer    data)
{
  g_autoptr (GString) text = g_string_new ("名称,信用代码,所属区域\n");
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduImport) import = NULL;
  g_autoptr (TiduImportReport) report = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  double last = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *code = uscc (1000 + i);

      g_string_append_printf (text, "镇江第%u科技有限公司,%s,京口区\n", i, code);
    }
  path = write_file (f->dir, "many.csv", text->str, FALSE, FALSE);
  import = tidu_import_new (TIDU_IMPORT_FIRMS, path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);

  before = snapshot (f->db);
  g_cancellable_cancel (cancellable);
  g_assert_null (tidu_import_run (import, f->db, FALSE, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);

  report = tidu_import_run (import, f->db, FALSE, count_progress, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (report->n_created, ==, 3000);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 3000);
}

/* A file big enough for the bulk path: search triggers and secondary indexes suspended, then
 * rebuilt; firms without a code matched by name within the file. */
static void
test_large_file (TiduTestFixture *f,
                 gconstpointer    data)
{
  g_autoptr (GString) text = g_string_new ("名称,信用代码,所属区域,地址\n");
  g_autofree char *path = NULL;
  g_autofree char *indexes_before = NULL;
  g_autofree char *indexes_after = NULL;
  g_autoptr (TiduImportReport) report = NULL;
  const char *schema_sql = "SELECT group_concat (name, ' ') FROM (SELECT name FROM sqlite_schema "
                           "WHERE type IN ('index', 'trigger') ORDER BY name)";

  for (guint i = 0; i < 9000; i++)
    {
      g_autofree char *code = uscc (20000 + i);

      g_string_append_printf (text, "镇江第%u精密机械科技有限公司,%s,京口区,镇江市京口区学府路%u号科技园%u幢%u楼东侧办公区\n",
                              i, code, i, i % 40, i % 9);
    }
  g_string_append (text, "无代码甲公司,,润州区,\n无代码乙公司,,润州区,\n无代码甲公司,,润州区,新地址\n");
  g_assert_cmpuint (text->len, >, 1024 * 1024);
  path = write_file (f->dir, "large.csv", text->str, FALSE, FALSE);
  indexes_before = tidu_test_query_text (f->db, schema_sql);

  report = run_import (f->db, TIDU_IMPORT_FIRMS, path, TIDU_IMPORT_ALL_OR_NOTHING, FALSE);
  g_assert_false (report->committed);
  /* The third nameless row repeats the first: reported, nothing saved. */
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_nonnull (find_issue (report, 9004, "名称"));
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 0);
  indexes_after = tidu_test_query_text (f->db, schema_sql);
  g_assert_cmpstr (indexes_after, ==, indexes_before);
  tidu_import_report_free (g_steal_pointer (&report));

  report = run_import (f->db, TIDU_IMPORT_FIRMS, path, TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->n_created, ==, 9002);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 9002);
  g_free (indexes_after);
  indexes_after = tidu_test_query_text (f->db, schema_sql);
  g_assert_cmpstr (indexes_after, ==, indexes_before);
  /* The search indexes were rebuilt with every firm. */
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '镇江第8999精密'"), ==, 1);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firms_fts"), ==, 9002);
}

typedef struct
{
  GMainLoop        *loop;
  GThread          *main_thread;
  guint             n_progress;
  double            last;
  TiduImportReport *report;
  GError           *error;
} AsyncState;

static void
async_progress (double   fraction,
                gpointer user_data)
{
  AsyncState *state = user_data;

  /* Delivered on the caller's thread, never on the worker. */
  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpfloat (fraction, >=, state->last);
  state->last = fraction;
  state->n_progress++;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;
  TiduImport *import = g_object_get_data (G_OBJECT (result), "tidu-import");

  g_assert_true (g_thread_self () == state->main_thread);
  state->report = tidu_import_run_finish (import, result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (TiduTestFixture *f,
            gconstpointer    data)
{
  g_autoptr (GString) text = g_string_new ("名称,信用代码\n");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiduImport) import = NULL;
  AsyncState state = { 0 };

  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *code = uscc (5000 + i);

      g_string_append_printf (text, "镇江第%u科技有限公司,%s\n", i, code);
    }
  path = write_file (f->dir, "many.csv", text->str, FALSE, FALSE);
  import = tidu_import_new (TIDU_IMPORT_FIRMS, path, TIDU_CSV_ENCODING_AUTO, 0, NULL, &error);
  g_assert_no_error (error);

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  tidu_import_run_async (import, tidu_database_get_path (f->db), FALSE, async_progress, &state,
                         NULL, async_done, &state);
  g_main_loop_run (state.loop);
  g_main_loop_unref (state.loop);

  g_assert_no_error (state.error);
  g_assert_nonnull (state.report);
  g_assert_true (state.report->committed);
  g_assert_cmpuint (state.report->n_created, ==, 2500);
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 2500);
  tidu_import_report_free (state.report);
}

static void
test_carriers (TiduTestFixture *f,
               gconstpointer    data)
{
  g_autofree char *path = write_file (f->dir, "carriers.csv",
                                      "载体名称,载体类型,级别,所属区域,运营主体,面积(平方米),成立日期\n"
                                      "京口科技企业孵化器,科技企业孵化器,省级,京口区,镇江京口科创公司,\"12,000\",2015-06-01\n"
                                      "润州众创空间,众创空间,National,润州区,,800.5,\n"
                                      "坏类型载体,咖啡馆,,京口区,,,\n",
                                      FALSE, FALSE);
  g_autoptr (TiduImportReport) report = run_import (f->db, TIDU_IMPORT_CARRIERS, path,
                                                    TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);
  const TiduImportIssue *issue;

  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_bad, ==, 1);
  issue = find_issue (report, 4, "载体类型");
  g_assert_nonnull (issue);
  g_assert_nonnull (strstr (issue->message, "咖啡馆"));
  g_assert_cmpstr (tidu_test_query_text (f->db, "SELECT kind || ' ' || level || ' ' || area_m2 FROM carriers WHERE name = '京口科技企业孵化器'"),
                   ==, "incubator provincial 12000.0");
  g_assert_cmpstr (tidu_test_query_text (f->db, "SELECT level FROM carriers WHERE name = '润州众创空间'"), ==, "national");
}

static void
test_talents (TiduTestFixture *f,
              gconstpointer    data)
{
  g_autoptr (TiduFirm) firm = tidu_firm_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *code = uscc (31);
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr (TiduImportReport) report = NULL;

  firm->name = g_strdup ("镇江甲科技有限公司");
  firm->uscc = g_strdup (code);
  g_assert_true (tidu_firm_save (f->db, firm, &error));

  text = g_strdup_printf ("姓名,性别,出生年月,学历,所在企业,企业信用代码,所属区域\n"
                          "王五,男,1985年3月,博士,,%s,京口区\n"
                          "赵六,女,1990,硕士,镇江甲科技有限公司,,\n"
                          "钱七,未知,1990,,,,\n"
                          "孙八,男,1988,,不存在的公司,,\n",
                          code);
  path = write_file (f->dir, "talents.csv", text, FALSE, FALSE);
  report = run_import (f->db, TIDU_IMPORT_TALENTS, path, TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_bad, ==, 2);
  g_assert_nonnull (find_issue (report, 4, "性别"));
  g_assert_nonnull (find_issue (report, 5, "所在企业"));
  g_assert_cmpstr (tidu_test_query_text (f->db, "SELECT gender || ' ' || birth_year FROM talents WHERE name = '王五'"),
                   ==, "male 1985");
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM talents WHERE firm_id IS NOT NULL"), ==, 2);
}

static void
test_certifications_and_indicators (TiduTestFixture *f,
                                    gconstpointer    data)
{
  g_autoptr (TiduFirm) firm = tidu_firm_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *code = uscc (41);
  g_autofree char *certs = NULL;
  g_autofree char *years = NULL;
  g_autofree char *path = NULL;
  g_autoptr (TiduImportReport) report = NULL;
  g_autoptr (TiduImportReport) again = NULL;
  g_autoptr (TiduImportReport) indicators = NULL;

  firm->name = g_strdup ("镇江甲科技有限公司");
  firm->uscc = g_strdup (code);
  g_assert_true (tidu_firm_save (f->db, firm, &error));

  certs = g_strdup_printf ("统一社会信用代码,企业名称,认定类型,认定日期,证书编号\n"
                           "%s,,高新技术企业,2022-12-12,GR202232001234\n"
                           ",镇江甲科技有限公司,科技型中小企业,2024年3月1日,\n"
                           ",镇江甲科技有限公司,科技型中小企业,2024年3月1日,\n"
                           ",没有这家公司,科技型中小企业,2024-03-01,\n",
                           code);
  path = write_file (f->dir, "certs.csv", certs, FALSE, FALSE);
  report = run_import (f->db, TIDU_IMPORT_CERTIFICATIONS, path, TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  g_assert_nonnull (find_issue (report, 5, "企业名称"));
  g_assert_cmpstr (tidu_test_query_text (f->db, "SELECT valid_until FROM firm_tiers WHERE tier = 'hnte'"),
                   ==, "2025-12-12");
  again = run_import (f->db, TIDU_IMPORT_CERTIFICATIONS, path, TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);
  g_assert_cmpuint (again->n_created, ==, 0);
  g_assert_cmpuint (again->n_unchanged, ==, 2);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firm_tiers"), ==, 2);

  years = g_strdup_printf ("统一社会信用代码,年度,营业收入(万元),研发费用(元),职工人数,科技人员\n"
                           "%s,2023,\"1,234.56\",800000,120,30\n"
                           "%s,2024,2000,,130,140\n",
                           code, code);
  g_free (path);
  path = write_file (f->dir, "years.csv", years, FALSE, FALSE);
  indicators = run_import (f->db, TIDU_IMPORT_INDICATORS, path, TIDU_IMPORT_SKIP_BAD_ROWS, FALSE);
  g_assert_cmpuint (indicators->n_created, ==, 1);
  g_assert_cmpuint (indicators->n_bad, ==, 1);
  /* More tech staff than staff: the record's own rule, on the column that breaks it. */
  g_assert_nonnull (find_issue (indicators, 3, "科技人员"));
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT revenue FROM firm_years WHERE year = 2023"), ==, 12345600);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT rd_expense FROM firm_years WHERE year = 2023"), ==, 800000);
}

static void
test_report_json (TiduTestFixture *f,
                  gconstpointer    data)
{
  g_autofree char *text = bad_rows_text ();
  g_autofree char *path = write_file (f->dir, "bad.csv", text, FALSE, FALSE);
  g_autoptr (TiduImportReport) report = run_import (f->db, TIDU_IMPORT_FIRMS, path,
                                                    TIDU_IMPORT_SKIP_BAD_ROWS, TRUE);
  g_autofree char *json = tidu_import_report_to_json (report);

  g_assert_nonnull (strstr (json, "\"bad\" : 5"));
  g_assert_nonnull (strstr (json, "\"column\" : \"成立日期\""));
  g_assert_nonnull (strstr (json, "\"row\" : 3"));
}

static int
run_cli (const char  *database,
         char       **out,
         const char  *first,
         ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  va_list ap;
  int status = 0;

  g_ptr_array_add (args, (gpointer) g_getenv ("TIDU_CLI"));
  g_ptr_array_add (args, (gpointer) "--database");
  g_ptr_array_add (args, (gpointer) database);
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (TiduTestFixture *f,
          gconstpointer    data)
{
  g_autofree char *database = g_strdup (tidu_database_get_path (f->db));
  g_autofree char *text = firms_text ();
  g_autofree char *good = write_file (f->dir, "firms.csv", text, TRUE, FALSE);
  g_autofree char *bad_text = bad_rows_text ();
  g_autofree char *bad = write_file (f->dir, "bad.csv", bad_text, FALSE, FALSE);
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);
  char *out = NULL;

  g_assert_cmpint (run_cli (database, &out, "import", "firms", good, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "GB18030"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 0);

  g_assert_cmpint (run_cli (database, &out, "import", "firms", good, "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"created\" : 4"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 4);

  /* Bad rows stop an all-or-nothing import; with --skip-bad-rows the rest goes in. */
  g_assert_cmpint (run_cli (database, &out, "import", "firms", bad, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 4);
  g_assert_cmpint (run_cli (database, &out, "import", "firms", bad, "--skip-bad-rows", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "row 3"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 6);

  /* Bad input: exit 2. */
  g_assert_cmpint (run_cli (database, &out, "import", "firms", missing, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (database, &out, "import", "rockets", good, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (database, &out, "import", "firms", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (database, &out, "import", "firms", good, "--map", "nope=name", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (database, &out, "import", "firms", good, "--map", "企业名称=-", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, TiduTestFixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/import/firms-utf8", test_firms_utf8);
  ADD ("/import/firms-utf8-bom", test_firms_utf8_bom);
  ADD ("/import/firms-gb18030", test_firms_gb18030);
  ADD ("/import/header-mapping", test_header_mapping);
  ADD ("/import/all-or-nothing", test_all_or_nothing);
  ADD ("/import/skip-bad-rows", test_skip_bad_rows);
  ADD ("/import/invalid-bytes", test_invalid_bytes);
  ADD ("/import/reimport-updates", test_reimport_updates);
  ADD ("/import/trashed-firm-restored", test_trashed_firm_restored);
  ADD ("/import/dry-run", test_dry_run);
  ADD ("/import/progress-and-cancel", test_progress_and_cancel);
  ADD ("/import/large-file", test_large_file);
  ADD ("/import/async", test_async);
  ADD ("/import/carriers", test_carriers);
  ADD ("/import/talents", test_talents);
  ADD ("/import/certifications-and-indicators", test_certifications_and_indicators);
  ADD ("/import/report-json", test_report_json);
  ADD ("/import/cli", test_cli);
#undef ADD

  return g_test_run ();
}
