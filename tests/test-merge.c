/* test-merge.c: merging colleagues' snapshots: new records on each side, the same field
 * changed on both sides, delete against edit, the same firm entered in two offices, a second
 * merge of the same file, undo, purges travelling, and the history.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "test-util.h"
#include "tidu-exchange-private.h"

typedef struct
{
  TiduTestFixture  base;      /* office A: base.db */
  TiduDatabase    *b;         /* office B */
  guint            files;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  tidu_test_fixture_set_up (&f->base, data);
  path = g_build_filename (f->base.dir, "office-b.sqlite3", NULL);
  f->b = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->b);
  tidu_test_fixture_tear_down (&f->base, data);
}

/* Every row of the exchanged tables, all columns, without rowids (two databases number
 * their rows differently) unless @rowids. */
static char *
dump (TiduDatabase *db,
      gboolean      rowids)
{
  GString *text = g_string_new (NULL);
  sqlite3 *handle = tidu_database_get_handle (db);

  for (guint i = 0; i < tidu_exchange_n_tables; i++)
    {
      g_autoptr(GString) expr = g_string_new (rowids ? "rowid" : "''");
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info (\"%s\")", tidu_exchange_tables[i]);
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, info, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 1);

          /* Seeded rows carry each database's own creation time. */
          if (!rowids && (strcmp (column, "created_at") == 0 || strcmp (column, "updated_at") == 0))
            continue;
          g_string_append_printf (expr, " || ',' || quote (\"%s\")", column);
        }
      sqlite3_finalize (stmt);
      sql = g_strdup_printf ("SELECT count(*) || ':' || ifnull (group_concat (line, char (10)), '') FROM"
                             " (SELECT %s AS line FROM \"%s\" ORDER BY id)", expr->str, tidu_exchange_tables[i]);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (text, "%s=%s\n", tidu_exchange_tables[i], (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  if (rowids)
    {
      g_autofree char *log = tidu_test_query_text (db, "SELECT count(*) || ifnull (group_concat (tbl || row_id || field || changed_at), '') FROM tidu_changes");

      g_string_append (text, log);
    }
  return g_string_free (text, FALSE);
}

/* Equal dumps; on a difference, the first differing lines only. */
static void
assert_same (const char *a,
             const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);

  for (guint i = 0; la[i] != NULL || lb[i] != NULL; i++)
    {
      g_assert_nonnull (la[i]);
      g_assert_nonnull (lb[i]);
      if (strcmp (la[i], lb[i]) != 0)
        g_assert_cmpstr (la[i], ==, lb[i]);
    }
}

/* The search indexes agree with the tables. */
static void
assert_search_consistent (TiduDatabase *db)
{
  static const char *indexes[] = { "firms_fts", "firms_chars", "carriers_fts", "carriers_chars", "talents_fts", "talents_chars" };

  for (guint i = 0; i < G_N_ELEMENTS (indexes); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')", indexes[i], indexes[i]);

      tidu_test_exec (db, sql);
    }
}

static char *
export (Fixture      *f,
        TiduDatabase *from)
{
  g_autofree char *name = g_strdup_printf ("exchange-%u.tidu", ++f->files);
  g_autofree char *path = g_build_filename (f->base.dir, name, NULL);
  TiduSnapshotOptions options = { FALSE, NULL, NULL, "测试员" };
  g_autoptr(GError) error = NULL;

  /* Edits and exports a millisecond apart, as people make them. */
  g_usleep (3000);
  g_assert_true (tidu_snapshot_export (from, path, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_usleep (3000);
  return g_steal_pointer (&path);
}

static TiduMergePlan *
plan_for (TiduDatabase *to,
          const char   *path)
{
  g_autoptr(GError) error = NULL;
  TiduMergePlan *plan = tidu_merge_plan_new (to, path, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static void
apply (TiduMergePlan *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_merge_plan_apply (plan, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Exports @from, merges into @to with every conflict resolved to @side, returns the counts. */
static TiduMergeCounts
exchange (Fixture       *f,
          TiduDatabase  *from,
          TiduDatabase  *to,
          TiduMergeSide  side)
{
  g_autofree char *path = export (f, from);
  g_autoptr(TiduMergePlan) plan = plan_for (to, path);
  TiduMergeCounts counts;

  tidu_merge_plan_get_counts (plan, &counts);
  if (side != TIDU_MERGE_SIDE_UNRESOLVED)
    tidu_merge_plan_resolve_all (plan, side, TRUE);
  apply (plan);
  return counts;
}

static guint
find_record (TiduMergePlan *plan,
             const char    *table,
             const char    *id)
{
  for (guint i = 0; i < tidu_merge_plan_get_n_records (plan); i++)
    if (g_strcmp0 (tidu_merge_plan_get_table (plan, i), table) == 0 &&
        (g_strcmp0 (tidu_merge_plan_get_id (plan, i), id) == 0 || g_strcmp0 (tidu_merge_plan_get_their_id (plan, i), id) == 0))
      return i;
  g_assert_not_reached ();
  return 0;
}

static void
set_field (TiduDatabase *db,
           const char   *id,
           const char   *column,
           const char   *value)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE firms SET %s = '%s', updated_at = strftime ('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') WHERE id = '%s'",
                                          column, value, id);

  tidu_test_exec (db, sql);
}

static char *
firm_field (TiduDatabase *db,
            const char   *id,
            const char   *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM firms WHERE id = '%s'", column, id);

  return tidu_test_query_text (db, sql);
}

static char *
add_firm (TiduDatabase *db,
          const char   *name,
          const char   *uscc)
{
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GError) error = NULL;

  firm->name = g_strdup (name);
  /* The first 17 characters given, the check character computed. */
  firm->uscc = g_strdup_printf ("%.17s%c", uscc, tidu_uscc_check_character (uscc));
  g_assert_true (tidu_firm_save (db, firm, &error));
  g_assert_no_error (error);
  return g_strdup (firm->id);
}

/* A fills its database; B, empty, takes A's snapshot: both hold the same records. */
static void
start_shared (Fixture *f,
              guint    firms)
{
  TiduSampleOptions options = { firms, 3 };
  g_autoptr(GError) error = NULL;
  TiduMergeCounts counts;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (tidu_sample_generate (f->base.db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  counts = exchange (f, f->base.db, f->b, TIDU_MERGE_SIDE_UNRESOLVED);
  g_assert_cmpint (counts.conflicts, ==, 0);
  g_assert_cmpint (counts.added, >, firms);
  a = dump (f->base.db, FALSE);
  b = dump (f->b, FALSE);
  assert_same (a, b);
  assert_search_consistent (f->b);
}

/* ---------------------------------------------------------------- tests */

static void
test_new_on_each_side (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  TiduMergeCounts counts;

  start_shared (f, 40);
  x = add_firm (f->base.db, "甲方新企业科技有限公司", "91320100MA1AAAAA0A");
  y = add_firm (f->b, "乙方新企业科技有限公司", "91320100MA1BBBBB0B");

  counts = exchange (f, f->b, f->base.db, TIDU_MERGE_SIDE_UNRESOLVED);
  g_assert_cmpint (counts.added, ==, 1);
  g_assert_cmpint (counts.changed, ==, 0);
  g_assert_cmpint (counts.conflicts, ==, 0);
  g_assert_cmpint (counts.deleted, ==, 0);

  counts = exchange (f, f->base.db, f->b, TIDU_MERGE_SIDE_UNRESOLVED);
  g_assert_cmpint (counts.added, ==, 1);
  g_assert_cmpint (counts.conflicts, ==, 0);

  a = dump (f->base.db, FALSE);
  b = dump (f->b, FALSE);
  assert_same (a, b);
  g_assert_cmpint (tidu_test_db_int (f->base.db, "SELECT count(*) FROM firms WHERE name IN ('甲方新企业科技有限公司', '乙方新企业科技有限公司')"), ==, 2);
  /* Found by search on both sides. */
  g_assert_cmpint (tidu_test_db_int (f->base.db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '乙方新企业'"), ==, 1);
  g_assert_cmpint (tidu_test_db_int (f->b, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '甲方'"), >=, 1);
  assert_search_consistent (f->base.db);
  assert_search_consistent (f->b);
}

static void
test_same_field_both_sides (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *address = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *other_address = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  TiduMergeCounts counts;
  guint index;

  start_shared (f, 30);
  id = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1");
  other = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1 OFFSET 1");
  g_usleep (3000);
  set_field (f->base.db, id, "address", "甲方写的地址");
  set_field (f->b, id, "address", "乙方写的地址");
  set_field (f->b, id, "notes", "乙方备注");
  set_field (f->b, other, "address", "只有乙方改了");

  path = export (f, f->b);
  plan = plan_for (f->base.db, path);
  tidu_merge_plan_get_counts (plan, &counts);
  g_assert_cmpint (counts.conflicts, ==, 1);
  g_assert_cmpint (counts.changed, ==, 1);

  index = find_record (plan, "firms", id);
  g_assert_cmpint (tidu_merge_plan_get_kind (plan, index), ==, TIDU_MERGE_CONFLICT);
  g_assert_cmpint (tidu_merge_plan_get_conflict (plan, index), ==, TIDU_MERGE_CONFLICT_FIELDS);
  fields = tidu_merge_plan_get_fields (plan, index);
  g_assert_true (g_strv_contains (fields, "address"));
  g_assert_true (g_strv_contains (fields, "notes"));
  g_assert_true (tidu_merge_plan_field_conflicts (plan, index, "address"));
  g_assert_false (tidu_merge_plan_field_conflicts (plan, index, "notes"));
  g_assert_cmpstr (tidu_merge_plan_get_mine (plan, index, "address"), ==, "甲方写的地址");
  g_assert_cmpstr (tidu_merge_plan_get_theirs (plan, index, "address"), ==, "乙方写的地址");
  g_assert_cmpuint (tidu_merge_plan_count_unresolved (plan), ==, 1);

  /* Unresolved: refused, nothing written. */
  before = dump (f->base.db, TRUE);
  g_assert_false (tidu_merge_plan_apply (plan, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  after = dump (f->base.db, TRUE);
  assert_same (after, before);

  /* Per field: theirs. */
  g_assert_false (tidu_merge_plan_resolve_field (plan, index, "notes", TIDU_MERGE_SIDE_MINE));
  g_assert_true (tidu_merge_plan_resolve_field (plan, index, "address", TIDU_MERGE_SIDE_THEIRS));
  g_assert_cmpint (tidu_merge_plan_get_resolution (plan, index, NULL), ==, TIDU_MERGE_SIDE_THEIRS);
  g_assert_cmpuint (tidu_merge_plan_count_unresolved (plan), ==, 0);
  apply (plan);

  address = firm_field (f->base.db, id, "address");
  notes = firm_field (f->base.db, id, "notes");
  other_address = firm_field (f->base.db, other, "address");
  g_assert_cmpstr (address, ==, "乙方写的地址");
  g_assert_cmpstr (notes, ==, "乙方备注");
  g_assert_cmpstr (other_address, ==, "只有乙方改了");
  assert_search_consistent (f->base.db);
}

static void
test_prefer_mine (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *address = NULL;
  g_autofree char *notes = NULL;
  TiduMergeCounts counts;

  start_shared (f, 20);
  id = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1");
  g_usleep (3000);
  set_field (f->base.db, id, "address", "甲方写的地址");
  set_field (f->b, id, "address", "乙方写的地址");
  set_field (f->b, id, "notes", "乙方备注");

  counts = exchange (f, f->b, f->base.db, TIDU_MERGE_SIDE_MINE);
  g_assert_cmpint (counts.conflicts, ==, 1);
  address = firm_field (f->base.db, id, "address");
  notes = firm_field (f->base.db, id, "notes");
  g_assert_cmpstr (address, ==, "甲方写的地址");
  /* The field only they changed still comes over. */
  g_assert_cmpstr (notes, ==, "乙方备注");

  /* And back: A's decision travels; B, which saw no new edit since, takes it without a
   * second conflict, and both offices hold the same record. */
  counts = exchange (f, f->base.db, f->b, TIDU_MERGE_SIDE_UNRESOLVED);
  g_assert_cmpint (counts.conflicts, ==, 0);
  g_assert_cmpint (counts.changed, ==, 1);
  g_free (address);
  address = firm_field (f->b, id, "address");
  g_assert_cmpstr (address, ==, "甲方写的地址");
}

static void
test_delete_against_edit (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *deleted_here = NULL;
  g_autofree char *edited_here = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *path = NULL;
  g_autofree char *value = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  TiduMergeCounts counts;
  guint i1, i2, i3;

  start_shared (f, 20);
  deleted_here = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1");
  edited_here = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1 OFFSET 1");
  plain = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1 OFFSET 2");
  g_usleep (3000);

  /* A deletes, B edits. */
  g_assert_true (tidu_firm_delete (f->base.db, deleted_here, &error));
  set_field (f->b, deleted_here, "address", "乙方改的");
  /* A edits, B deletes. */
  set_field (f->base.db, edited_here, "address", "甲方改的");
  g_assert_true (tidu_firm_delete (f->b, edited_here, &error));
  /* B deletes, A leaves it alone. */
  g_assert_true (tidu_firm_delete (f->b, plain, &error));
  g_assert_no_error (error);

  path = export (f, f->b);
  plan = plan_for (f->base.db, path);
  tidu_merge_plan_get_counts (plan, &counts);
  g_assert_cmpint (counts.conflicts, ==, 2);
  g_assert_cmpint (counts.deleted, ==, 1);
  i1 = find_record (plan, "firms", deleted_here);
  i2 = find_record (plan, "firms", edited_here);
  i3 = find_record (plan, "firms", plain);
  g_assert_cmpint (tidu_merge_plan_get_conflict (plan, i1), ==, TIDU_MERGE_CONFLICT_DELETE_EDIT);
  g_assert_cmpint (tidu_merge_plan_get_conflict (plan, i2), ==, TIDU_MERGE_CONFLICT_EDIT_DELETE);
  g_assert_cmpint (tidu_merge_plan_get_kind (plan, i3), ==, TIDU_MERGE_DELETED);

  /* Per record: their edit wins over my delete; my edit wins over their delete. */
  tidu_merge_plan_resolve_record (plan, i1, TIDU_MERGE_SIDE_THEIRS);
  tidu_merge_plan_resolve_record (plan, i2, TIDU_MERGE_SIDE_MINE);
  apply (plan);

  g_assert_null (firm_field (f->base.db, deleted_here, "deleted_at"));
  value = firm_field (f->base.db, deleted_here, "address");
  g_assert_cmpstr (value, ==, "乙方改的");
  g_assert_null (firm_field (f->base.db, edited_here, "deleted_at"));
  g_free (value);
  value = firm_field (f->base.db, plain, "deleted_at");
  g_assert_nonnull (value);   /* in the trash, not gone */
  assert_search_consistent (f->base.db);
}

static void
test_same_firm_created_twice (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *path = NULL;
  g_autofree char *year_firm = NULL;
  g_autofree char *name = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  TiduMergeCounts counts;
  guint index;

  /* Two offices, nothing exchanged yet, the same firm typed in by each. */
  mine = add_firm (f->base.db, "常州示例科技有限公司", "91320400MA1WWWWW0X");
  theirs = add_firm (f->b, "常州示例科技股份有限公司", "91320400MA1WWWWW0X");
  g_assert_cmpstr (mine, !=, theirs);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO firm_years (id, firm_id, year, revenue) VALUES ('y-b-2024', '%s', 2024, 1200000)", theirs);

    tidu_test_exec (f->b, sql);
  }

  path = export (f, f->b);
  plan = plan_for (f->base.db, path);
  tidu_merge_plan_get_counts (plan, &counts);
  index = find_record (plan, "firms", mine);
  g_assert_cmpstr (tidu_merge_plan_get_their_id (plan, index), ==, theirs);
  g_assert_cmpint (tidu_merge_plan_get_kind (plan, index), ==, TIDU_MERGE_CONFLICT);
  g_assert_true (tidu_merge_plan_field_conflicts (plan, index, "name"));
  tidu_merge_plan_resolve_record (plan, index, TIDU_MERGE_SIDE_THEIRS);
  apply (plan);

  /* One firm, with their name and their yearly figures under my id. */
  g_assert_cmpint (tidu_test_db_int (f->base.db, "SELECT count(*) FROM firms"), ==, 1);
  name = firm_field (f->base.db, mine, "name");
  g_assert_cmpstr (name, ==, "常州示例科技股份有限公司");
  year_firm = tidu_test_query_text (f->base.db, "SELECT firm_id FROM firm_years WHERE id = 'y-b-2024'");
  g_assert_cmpstr (year_firm, ==, mine);
  g_assert_cmpint (tidu_test_db_int (f->base.db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* Again: nothing left to do. */
  g_clear_object (&plan);
  g_free (path);
  path = export (f, f->b);
  plan = plan_for (f->base.db, path);
  tidu_merge_plan_get_counts (plan, &counts);
  g_assert_cmpint (counts.added, ==, 0);
  g_assert_cmpint (counts.conflicts, ==, 0);
  g_assert_cmpint (counts.changed, ==, 0);
  assert_search_consistent (f->base.db);
}

static void
test_second_merge_changes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *after_second = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(TiduMergePlan) again = NULL;
  TiduMergeCounts counts;

  start_shared (f, 25);
  id = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1");
  g_usleep (3000);
  set_field (f->base.db, id, "address", "甲");
  set_field (f->b, id, "address", "乙");
  g_free (add_firm (f->b, "乙方又一家有限公司", "91320100MA1CCCCC0C"));
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *gone = tidu_test_query_text (f->b, "SELECT id FROM firms ORDER BY id LIMIT 1 OFFSET 4");

    g_assert_true (tidu_firm_delete (f->b, gone, &error));
  }

  path = export (f, f->b);
  plan = plan_for (f->base.db, path);
  tidu_merge_plan_resolve_all (plan, TIDU_MERGE_SIDE_MINE, FALSE);
  apply (plan);
  after_first = dump (f->base.db, TRUE);

  again = plan_for (f->base.db, path);
  tidu_merge_plan_get_counts (again, &counts);
  g_assert_cmpint (counts.added, ==, 0);
  g_assert_cmpint (counts.changed, ==, 0);
  g_assert_cmpint (counts.deleted, ==, 0);
  g_assert_cmpint (counts.conflicts, ==, 0);
  g_assert_cmpuint (tidu_merge_plan_count_unresolved (again), ==, 0);
  apply (again);
  after_second = dump (f->base.db, TRUE);
  assert_same (after_second, after_first);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *merge_id = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  TiduMergeHistoryEntry *entry;

  start_shared (f, 30);
  id = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1");
  g_usleep (3000);
  set_field (f->b, id, "address", "乙方地址");
  set_field (f->b, id, "name", "乙方改名科技有限公司");
  g_free (add_firm (f->b, "乙方新加企业有限公司", "91320100MA1DDDDD0D"));
  tidu_test_exec (f->b, "UPDATE carriers SET notes = '乙方载体备注', updated_at = strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
                        " WHERE rowid = (SELECT min (rowid) FROM carriers)");
  {
    g_autofree char *gone = tidu_test_query_text (f->b, "SELECT id FROM firms ORDER BY id LIMIT 1 OFFSET 3");

    g_assert_true (tidu_firm_delete (f->b, gone, &error));
  }

  before = dump (f->base.db, TRUE);
  path = export (f, f->b);
  plan = plan_for (f->base.db, path);
  g_assert_true (tidu_merge_plan_apply (plan, NULL, NULL, NULL, &merge_id, &error));
  g_assert_no_error (error);
  merged = dump (f->base.db, TRUE);
  g_assert_cmpstr (merged, !=, before);

  history = tidu_merge_list_history (f->base.db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->id, ==, merge_id);
  g_assert_cmpstr (entry->file, ==, path);
  g_assert_cmpstr (entry->officer, ==, "测试员");
  g_assert_cmpint (entry->counts.added, ==, 1);
  g_assert_cmpint (entry->counts.deleted, ==, 1);
  g_assert_nonnull (entry->backup_path);
  g_assert_true (g_file_test (entry->backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_null (entry->undone_at);

  g_assert_true (tidu_merge_undo (f->base.db, merge_id, &error));
  g_assert_no_error (error);
  undone = dump (f->base.db, TRUE);
  assert_same (undone, before);
  assert_search_consistent (f->base.db);
  g_assert_cmpint (tidu_test_db_int (f->base.db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '乙方改名'"), ==, 0);

  g_clear_pointer (&history, g_ptr_array_unref);
  history = tidu_merge_list_history (f->base.db, &error);
  entry = g_ptr_array_index (history, 0);
  g_assert_nonnull (entry->undone_at);
  g_assert_false (tidu_merge_undo (f->base.db, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
test_undo_refused_after_edit (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  start_shared (f, 15);
  id = tidu_test_query_text (f->base.db, "SELECT id FROM firms ORDER BY id LIMIT 1");
  g_usleep (3000);
  set_field (f->b, id, "address", "乙方地址");
  path = export (f, f->b);
  plan = plan_for (f->base.db, path);
  apply (plan);
  g_usleep (2000);
  set_field (f->base.db, id, "address", "合并后又改");
  edited = dump (f->base.db, TRUE);

  g_assert_false (tidu_merge_undo (f->base.db, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  after = dump (f->base.db, TRUE);
  assert_same (after, edited);
}

static void
test_purge_travels (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *deleted_at = NULL;
  g_autoptr(GError) error = NULL;
  TiduMergeCounts counts;

  start_shared (f, 15);
  id = tidu_test_query_text (f->b, "SELECT f.id FROM firms f WHERE NOT EXISTS (SELECT 1 FROM talents t WHERE t.firm_id = f.id)"
                                   " AND NOT EXISTS (SELECT 1 FROM talent_awards a WHERE a.firm_id = f.id) ORDER BY id LIMIT 1");
  g_usleep (3000);
  g_assert_true (tidu_firm_delete (f->b, id, &error));
  g_assert_true (tidu_firm_purge (f->b, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_db_int (f->b, "SELECT count(*) FROM tidu_tombstones WHERE tbl = 'firms'"), ==, 1);

  counts = exchange (f, f->b, f->base.db, TIDU_MERGE_SIDE_UNRESOLVED);
  g_assert_cmpint (counts.deleted, >=, 1);
  g_assert_cmpint (counts.conflicts, ==, 0);
  /* Here it goes to the trash: nothing is lost without a trace. */
  deleted_at = firm_field (f->base.db, id, "deleted_at");
  g_assert_nonnull (deleted_at);

  counts = exchange (f, f->b, f->base.db, TIDU_MERGE_SIDE_UNRESOLVED);
  g_assert_cmpint (counts.deleted, ==, 0);
}

static void
test_read_only_snapshot_refuses_merge (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(TiduDatabase) snap = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_free (add_firm (f->base.db, "只读测试有限公司", "91320100MA1EEEEE0E"));
  path = export (f, f->base.db);
  snap = tidu_snapshot_open (path, NULL, NULL, &error);
  g_assert_no_error (error);
  plan = tidu_merge_plan_new (snap, path, NULL, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/merge/new-on-each-side", test_new_on_each_side);
  ADD ("/merge/same-field-both-sides", test_same_field_both_sides);
  ADD ("/merge/prefer-mine", test_prefer_mine);
  ADD ("/merge/delete-against-edit", test_delete_against_edit);
  ADD ("/merge/same-firm-created-twice", test_same_firm_created_twice);
  ADD ("/merge/second-merge-changes-nothing", test_second_merge_changes_nothing);
  ADD ("/merge/undo", test_undo);
  ADD ("/merge/undo-refused-after-edit", test_undo_refused_after_edit);
  ADD ("/merge/purge-travels", test_purge_travels);
  ADD ("/merge/read-only-snapshot", test_read_only_snapshot_refuses_merge);
#undef ADD

  return g_test_run ();
}
