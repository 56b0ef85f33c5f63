/* test-search.c: the search builder against a plain LIKE scan of the base table.
 *
 * PERFORMANCE.md §4 item 4: 1- and 2-character Chinese queries return the same rows as LIKE, and
 * mixed-length queries have no false positives (SQLite 3.40's trigram index drops short terms).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tidu-core.h"
#include "tidu-database-private.h"

typedef struct
{
  char         *dir;
  TiduDatabase *db;
} Fixture;

static const char *places[] = { "镇江", "丹阳市", "镇江市京口区", "句容市", "扬中市", "镇江市润州区", "丹徒区", "常州" };
static const char *words[] = { "华泰", "瑞丰", "恒通", "天力", "金鼎", "博远", "中科", "上东", "鑫源", "华能", "智达", "江南", "能华" };
static const char *trades[] = { "智能科技", "新材料", "生物医药", "电子信息", "环保科技", "机械制造", "智能装备", "新能源", "软件技术", "光电科技" };
static const char *forms[] = { "有限公司", "股份有限公司", "有限责任公司" };
static const char *notes[] = { NULL, "智·能 制造示范", "Smart-Tech AB Co.", "高企培育 100%", "扶持_对象", "智 能 仓储", NULL, "ab-12 项目" };
static const char *alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static void
exec_sql (TiduDatabase *db,
          const char   *sql)
{
  char *message = NULL;

  if (sqlite3_exec (tidu_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  sqlite3 *handle;
  sqlite3_stmt *stmt;
  GRand *rand = g_rand_new_with_seed (2026);

  fixture->dir = g_dir_make_tmp ("tidu-search-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "search.sqlite3", NULL);
  fixture->db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  handle = tidu_database_get_handle (fixture->db);

  exec_sql (fixture->db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO firms (id, name, uscc, notes, deleted_at) VALUES (?, ?, ?, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *id = g_strdup_printf ("firm-%u", i);
      g_autofree char *name = g_strdup_printf ("%s%s%s%s", places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))],
                                               words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                               trades[g_rand_int_range (rand, 0, G_N_ELEMENTS (trades))],
                                               forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (forms))]);
      char uscc[19];

      for (guint k = 0; k < 18; k++)
        uscc[k] = alphabet[g_rand_int_range (rand, 0, 31)];
      uscc[18] = '\0';
      uscc[0] = '9';
      uscc[1] = (i % 3 == 0) ? '2' : '1';
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      if (i % 5 != 4)
        sqlite3_bind_text (stmt, 3, uscc, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, notes[i % G_N_ELEMENTS (notes)], -1, SQLITE_STATIC);
      if (i % 17 == 0)
        sqlite3_bind_text (stmt, 5, "2025-01-01T00:00:00Z", -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  sqlite3_finalize (stmt);

  exec_sql (fixture->db,
            "INSERT INTO carriers (id, name, kind, operator, notes) VALUES"
            " ('c1', '镇江智能制造产业园', 'tech_park', '镇江华泰运营有限公司', NULL),"
            " ('c2', '丹阳新材料孵化器', 'incubator', NULL, '国家级 孵化'),"
            " ('c3', '华能众创空间', 'maker_space', 'Huaneng Ops', NULL);"
            "INSERT INTO talents (id, name, field, notes) VALUES"
            " ('t1', '王智能', '人工智能', NULL), ('t2', '李华', '新材料', '博士'), ('t3', '买买提·艾力', '生物医药', NULL);");
  exec_sql (fixture->db, "COMMIT");
  g_rand_free (rand);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (tidu_database_get_path (fixture->db));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&fixture->db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The oracle: a LIKE scan of the base table, per term over the searched columns, ANDed. */
static GArray *
like_scan (TiduDatabase *db,
           const char   *table,
           const char   *columns[3],
           const char   *text,
           gboolean      trash)
{
  g_autoptr(TiduSearch) search = tidu_search_new (text);
  g_autoptr(GString) sql = g_string_new (NULL);
  GArray *rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char * const *terms;
  guint n_terms;
  sqlite3_stmt *stmt;

  terms = tidu_search_get_terms (search, &n_terms);
  g_string_printf (sql, "SELECT rowid FROM %s WHERE deleted_at IS %s", table, trash ? "NOT NULL" : "NULL");
  for (guint i = 0; i < n_terms; i++)
    g_string_append_printf (sql, " AND (%s LIKE ?%u ESCAPE '\\' OR %s LIKE ?%u ESCAPE '\\' OR %s LIKE ?%u ESCAPE '\\')",
                            columns[0], i + 1, columns[1], i + 1, columns[2], i + 1);
  g_string_append (sql, " ORDER BY rowid");
  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_terms; i++)
    {
      g_autoptr(GString) pattern = g_string_new ("%");

      for (const char *p = terms[i]; *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      sqlite3_bind_text (stmt, i + 1, pattern->str, -1, SQLITE_TRANSIENT);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_finalize (stmt);
  return rowids;
}

static void
assert_same_as_like (TiduDatabase     *db,
                     TiduSearchTarget  target,
                     const char       *table,
                     const char       *columns[3],
                     const char       *text,
                     gboolean          trash)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = tidu_search_run (db, target, text, trash, &error);
  g_autoptr(GArray) expected = like_scan (db, table, columns, text, trash);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_test_message ("“%s”: %u rows (LIKE: %u)", text, found->len, expected->len);
  g_assert_cmpmem (found->data, found->len * sizeof (gint64), expected->data, expected->len * sizeof (gint64));
}

static const char *firm_queries[] = {
  /* one character */
  "华", "智", "能", "镇", "司", "泰", "9", "a", "A", "x",
  /* two characters */
  "智能", "华泰", "新材", "京口", "丹阳", "能华", "华能", "上东", "科技", "材料", "ab", "AB", "Ab", "92", "91",
  /* three and more */
  "智能科", "新材料", "镇江市京口区", "有限公司", "丹阳市瑞丰", "股份有限公司", "smart-tech", "SMART", "ab-12",
  /* mixed lengths */
  "镇江市 智能", "智能 新材料", "华 镇江", "新材料 华", "江 司", "镇江市京口区 华泰 智能",
  "京口　智能", "智能，新材料", "华泰、科技", "丹阳市 能", "92 有限", "Smart AB",
  /* punctuation inside terms, separated characters, LIKE wildcards */
  "智·能", "智 能", "100%", "%", "_", "扶持_对象", "-", "a-", "ab-1", "\\",
  /* nothing matches */
  "没有这家", "ZZZZZZ", "镇江 没有",
};

static const char *firm_columns[3] = { "name", "uscc", "notes" };

static void
test_firms_like (Fixture       *fixture,
                 gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (firm_queries); i++)
    assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, firm_queries[i], FALSE);
}

static void
test_firms_like_trash (Fixture       *fixture,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (firm_queries); i++)
    assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, firm_queries[i], TRUE);
}

static gint64
count_of (TiduDatabase *db,
          const char   *text,
          gboolean      trash)
{
  g_autoptr(TiduSearch) search = tidu_search_new (text);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = tidu_search_build_count_sql (search, TIDU_SEARCH_FIRMS, trash, values);
  sqlite3_stmt *stmt;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (values, i), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

/* The count statement (the indexes alone when they decide every term) is LIKE's count. */
static void
test_firms_count (Fixture       *fixture,
                  gconstpointer  data)
{
  for (guint t = 0; t < 2; t++)
    for (guint i = 0; i < G_N_ELEMENTS (firm_queries); i++)
      {
        g_autoptr(GArray) expected = like_scan (fixture->db, "firms", firm_columns, firm_queries[i], t);

        g_assert_cmpint (count_of (fixture->db, firm_queries[i], t), ==, expected->len);
      }

  {
    g_autoptr(TiduSearch) search = tidu_search_new ("镇江市 华");
    g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *sql = tidu_search_build_count_sql (search, TIDU_SEARCH_FIRMS, FALSE, values);

    /* Exact terms only: the base table is not read. */
    g_assert_null (strstr (sql, "FROM firms "));
  }
}

/* The indexes hold the live rows only: moving to the trash takes a row out, restoring puts it
 * back, renaming in the trash leaves them alone, and a rebuild gives the same indexes. */
static void
test_trash_keeps_indexes_live (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char *queries[] = { "华", "智能", "镇江市", "镇江市 智能", "新材料 华", "有限公司", "没有这家" };

  exec_sql (fixture->db, "UPDATE firms SET deleted_at = '2026-01-02T00:00:00Z' WHERE rowid % 7 = 1");
  exec_sql (fixture->db, "UPDATE firms SET name = '已删除没有这家公司' WHERE rowid % 14 = 1");
  exec_sql (fixture->db, "UPDATE firms SET deleted_at = NULL WHERE rowid % 21 = 1");
  exec_sql (fixture->db, "UPDATE firms SET name = name || '新' WHERE rowid % 5 = 2");
  exec_sql (fixture->db, "DELETE FROM firms WHERE rowid % 11 = 3");
  for (guint t = 0; t < 2; t++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GArray) expected = like_scan (fixture->db, "firms", firm_columns, queries[i], t);

        assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, queries[i], t);
        g_assert_cmpint (count_of (fixture->db, queries[i], t), ==, expected->len);
      }
  exec_sql (fixture->db, "INSERT INTO firms_fts (firms_fts) VALUES ('integrity-check')");
  exec_sql (fixture->db, "INSERT INTO firms_chars (firms_chars) VALUES ('integrity-check')");

  exec_sql (fixture->db, "INSERT INTO firms_fts (firms_fts) VALUES ('rebuild');"
                         "INSERT INTO firms_chars (firms_chars) VALUES ('rebuild')");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, queries[i], FALSE);
}

/* Codes and fragments of the firms' own codes, both cases. */
static void
test_codes (Fixture       *fixture,
            gconstpointer  data)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (fixture->db),
                                       "SELECT uscc FROM firms WHERE uscc IS NOT NULL ORDER BY rowid LIMIT 12",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uscc = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *whole = g_strdup (uscc);
      g_autofree char *lower = g_ascii_strdown (uscc, -1);
      g_autofree char *two = g_strndup (uscc + 5 + n % 10, 2);
      g_autofree char *three = g_strndup (uscc + 3 + n % 12, 3);
      g_autofree char *six = g_ascii_strdown (uscc + 8, 6);

      assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, whole, FALSE);
      assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, lower, FALSE);
      assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, two, FALSE);
      assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, three, FALSE);
      assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, six, FALSE);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 12);
}

/* The trap of PERFORMANCE.md §1.3: a short term next to a long one still narrows the result. */
static void
test_mixed_no_false_positives (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) long_only = tidu_search_run (fixture->db, TIDU_SEARCH_FIRMS, "镇江市", FALSE, &error);
  g_autoptr(GArray) mixed = tidu_search_run (fixture->db, TIDU_SEARCH_FIRMS, "镇江市 智能", FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mixed->len, >, 0);
  g_assert_cmpuint (mixed->len, <, long_only->len);
}

static void
test_syntax_is_safe (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *queries[] = {
    "\"", "\"\"", "AND", "OR", "NOT", "*", "华*", "^华", "NEAR(华 泰)", "name:华", "{name uscc}:智能",
    "\"智能\" OR \"华\"", "a\"b", "(", ")", "-", "+", "'", "%", "_", "\\", "AND OR NOT", "智能 AND",
    "* 新材料", "NEAR", "华泰 -科技", "col:", ":", "\t", "　", "", "   ", "\xff\xfe 华",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) found = tidu_search_run (fixture->db, TIDU_SEARCH_FIRMS, queries[i], FALSE, &error);

      g_assert_no_error (error);
      g_assert_nonnull (found);
    }

  /* The ones without separators in them are still exactly LIKE. */
  assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, "AND", FALSE);
  assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, "*", FALSE);
  assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, "华*", FALSE);
  assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, "^华", FALSE);
  assert_same_as_like (fixture->db, TIDU_SEARCH_FIRMS, "firms", firm_columns, "+", FALSE);
}

static void
test_terms (void)
{
  g_autoptr(TiduSearch) search = tidu_search_new ("  镇江市　智能，新材料、华泰 (集团) ab-12 镇江市 ");
  g_autoptr(TiduSearch) empty = tidu_search_new (" ，　");
  const char * const *terms;
  guint n_terms;

  terms = tidu_search_get_terms (search, &n_terms);
  g_assert_cmpuint (n_terms, ==, 6);
  g_assert_cmpstr (terms[0], ==, "镇江市");
  g_assert_cmpstr (terms[1], ==, "智能");
  g_assert_cmpstr (terms[2], ==, "新材料");
  g_assert_cmpstr (terms[3], ==, "华泰");
  g_assert_cmpstr (terms[4], ==, "集团");
  g_assert_cmpstr (terms[5], ==, "ab-12");
  g_assert_null (terms[6]);
  g_assert_true (tidu_search_is_empty (empty));
  g_assert_false (tidu_search_is_empty (search));
}

/* Long terms go to the trigram index, short ones to the per-character one; never LIKE on FTS. */
static void
test_sql_shape (void)
{
  g_autoptr(TiduSearch) search = tidu_search_new ("镇江市 智能 华");
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = tidu_search_build_sql (search, TIDU_SEARCH_FIRMS, "f", values);

  g_assert_nonnull (strstr (sql, "firms_fts MATCH ?1"));
  g_assert_nonnull (strstr (sql, "firms_chars MATCH ?2"));
  g_assert_null (strstr (sql, "firms_fts WHERE name LIKE"));
  g_assert_cmpstr (g_ptr_array_index (values, 0), ==, "\"镇江市\"");
  g_assert_cmpstr (g_ptr_array_index (values, 1), ==, "\"智能\" \"华\"");
}

static void
test_plan_uses_fts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_FIRMS);
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  tidu_list_query_set_search (query, "镇江市 智能");
  plan = tidu_list_query_explain (fixture->db, query, &error);
  g_assert_no_error (error);
  g_test_message ("%s", plan);
  g_assert_nonnull (strstr (plan, "SEARCH x USING INTEGER PRIMARY KEY"));
  g_assert_nonnull (strstr (plan, "firms_fts VIRTUAL TABLE"));
  g_assert_nonnull (strstr (plan, "firms_chars VIRTUAL TABLE"));
  g_assert_null (strstr (plan, "SCAN x\n"));
}

static void
test_carriers_talents_plans (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char *carrier_columns[3] = { "name", "operator", "notes" };
  static const char *talent_columns[3] = { "name", "field", "notes" };
  static const char *plan_columns[3] = { "name", "issuer", "region_name" };
  static const char *queries[] = {
    "智能", "华", "华能", "孵化", "国家级", "huaneng", "OPS", "镇江 华泰", "新材料", "能", "博士",
    "买买提·艾力", "艾力", "人工智能", "计划", "江苏", "常州市", "英才", "州", "海州 计划", "“", "没有",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      assert_same_as_like (fixture->db, TIDU_SEARCH_CARRIERS, "carriers", carrier_columns, queries[i], FALSE);
      assert_same_as_like (fixture->db, TIDU_SEARCH_TALENTS, "talents", talent_columns, queries[i], FALSE);
      assert_same_as_like (fixture->db, TIDU_SEARCH_TALENT_PLANS, "talent_plans", plan_columns, queries[i], FALSE);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/terms", test_terms);
  g_test_add_func ("/search/sql-shape", test_sql_shape);
  g_test_add ("/search/firms-like", Fixture, NULL, fixture_set_up, test_firms_like, fixture_tear_down);
  g_test_add ("/search/firms-like-trash", Fixture, NULL, fixture_set_up, test_firms_like_trash, fixture_tear_down);
  g_test_add ("/search/firms-count", Fixture, NULL, fixture_set_up, test_firms_count, fixture_tear_down);
  g_test_add ("/search/trash-keeps-indexes-live", Fixture, NULL, fixture_set_up, test_trash_keeps_indexes_live, fixture_tear_down);
  g_test_add ("/search/codes", Fixture, NULL, fixture_set_up, test_codes, fixture_tear_down);
  g_test_add ("/search/mixed-no-false-positives", Fixture, NULL, fixture_set_up, test_mixed_no_false_positives, fixture_tear_down);
  g_test_add ("/search/syntax-is-safe", Fixture, NULL, fixture_set_up, test_syntax_is_safe, fixture_tear_down);
  g_test_add ("/search/plan-uses-fts", Fixture, NULL, fixture_set_up, test_plan_uses_fts, fixture_tear_down);
  g_test_add ("/search/carriers-talents-plans", Fixture, NULL, fixture_set_up, test_carriers_talents_plans, fixture_tear_down);

  return g_test_run ();
}
