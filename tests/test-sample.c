/* test-sample.c: the sample data set and the bulk-load helpers, on real files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tidu-core.h"
#include "tidu-record-private.h"

#define N_FIRMS 300

typedef struct
{
  char         *dir;
  TiduDatabase *db;
} Fixture;

static TiduDatabase *
open_db (Fixture    *f,
         const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  TiduDatabase *db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("tidu-sample-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = open_db (f, "tidu.sqlite3");
}

static void
remove_tree (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (d);
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  remove_tree (f->dir);
  g_free (f->dir);
}

static void
generate (TiduDatabase     *db,
          guint             n_firms,
          guint32           seed,
          TiduSampleCounts *counts)
{
  g_autoptr(GError) error = NULL;
  TiduSampleOptions options = { n_firms, seed };

  g_assert_true (tidu_sample_generate (db, &options, NULL, NULL, NULL, counts, &error));
  g_assert_no_error (error);
}

static gint64
query_int (TiduDatabase *db,
           const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (TiduDatabase *db,
            const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
exec (TiduDatabase *db,
      const char   *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (tidu_database_get_handle (db), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* SHA-256 of every base table's rows in key order, created_at and updated_at left out (they
 * hold the time of generation). */
static char *
checksum (TiduDatabase *db)
{
  sqlite3 *handle = tidu_database_get_handle (db);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                                       "AND name NOT GLOB '*_fts_*' AND name NOT GLOB '*_chars_*' "
                                       "AND name <> 'tidu_meta' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 20);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *info = g_strdup_printf ("PRAGMA table_info (%s)", table);
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autofree char *select = NULL;
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, info, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *column = (const char *) sqlite3_column_text (stmt, 1);

          if (g_str_equal (column, "created_at") || g_str_equal (column, "updated_at"))
            continue;
          g_string_append_printf (columns, "%s%s", columns->len > 0 ? ", " : "", column);
        }
      sqlite3_finalize (stmt);

      select = g_strdup_printf ("SELECT %s FROM %s ORDER BY 1", columns->str, table);
      g_checksum_update (sum, (const guchar *) select, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, select, -1, &stmt, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < n_columns; c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (sum, text != NULL ? text : (const guchar *) "\x01NULL", -1);
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static gint64
count_index_triggers (TiduDatabase *db)
{
  return query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                        "AND (name GLOB '*_fts_*' OR name GLOB '*_chars_*')");
}

/* ---------------------------------------------------------------- tests */

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  TiduSampleCounts counts;

  generate (f->db, N_FIRMS, 1, &counts);

  g_assert_cmpint (counts.firms, ==, N_FIRMS);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms"), ==, counts.firms);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carriers"), ==, counts.carriers);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM regions"), ==, counts.regions);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_tiers"), ==, counts.certifications);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_years"), ==, counts.firm_years);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_stays"), ==, counts.stays);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM talents"), ==, counts.talents);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM talent_awards"), ==, counts.talent_awards);
  g_assert_cmpint (counts.certifications + counts.firm_years, >=, 5 * N_FIRMS);
  g_assert_cmpint (counts.talents, ==, N_FIRMS / 20);
  g_assert_cmpint (counts.stays, >, 0);
  g_assert_cmpint (counts.talent_awards, >, 0);

  /* Every kind at every level; every tier of the main ladder below 独角兽 at 300 firms. */
  g_assert_cmpint (query_int (f->db, "SELECT count(DISTINCT kind || level) FROM carriers"), ==, 40);
  g_assert_cmpint (query_int (f->db, "SELECT count(DISTINCT tier) FROM firm_tiers "
                                     "WHERE tier IN ('tsme', 'hnte', 'gazelle')"), ==, 3);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carrier_levels"), >=, counts.carriers);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carrier_years WHERE grade IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms WHERE attraction_stage IS NOT NULL"), >, N_FIRMS / 10);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM talent_plan_batches"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM targets"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM target_years"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM promotion_events"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM regions WHERE kind = 'town'"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM regions WHERE kind = 'park'"), >, 0);

  /* Names unique; founded 1995–2024; tech fields only on tech firms' codes. */
  g_assert_cmpint (query_int (f->db, "SELECT count(DISTINCT name) FROM firms"), ==, N_FIRMS);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms WHERE founded_on < '1995-01-01' "
                                     "OR founded_on > '2024-12-31'"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(DISTINCT industry) FROM firms"), >=, 15);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_years WHERE tech_staff > staff "
                                     "OR rd_expense > revenue"), ==, 0);
}

static void
test_determinism (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TiduDatabase) same = open_db (f, "same.sqlite3");
  g_autoptr(TiduDatabase) other = open_db (f, "other.sqlite3");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  generate (f->db, N_FIRMS, 42, NULL);
  generate (same, N_FIRMS, 42, NULL);
  generate (other, N_FIRMS, 43, NULL);
  a = checksum (f->db);
  b = checksum (same);
  c = checksum (other);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_codes (Fixture       *f,
            gconstpointer  data)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  generate (f->db, N_FIRMS, 3, NULL);
  g_assert_cmpint (query_int (f->db, "SELECT count(DISTINCT uscc) FROM firms"), ==, N_FIRMS);

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (f->db),
                                       "SELECT uscc FROM firms UNION ALL "
                                       "SELECT operator_uscc FROM carriers WHERE operator_uscc IS NOT NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      TiduUsccResult result;

      if (tidu_uscc_validate (code, &result) != TIDU_USCC_VALID)
        g_error ("%s is not a valid credit code", code);
      /* Jiangsu, 镇江: 3211xx. */
      g_assert_true (g_str_has_prefix (code + 2, "3211"));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, N_FIRMS);

  /* 高企 certificates: GR + year of the certificate + 32 + six digits, all different. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_tiers WHERE tier = 'hnte'"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_tiers WHERE tier = 'hnte' AND NOT ("
                                     "certificate_no GLOB 'GR[0-9][0-9][0-9][0-9]32[0-9][0-9][0-9][0-9][0-9][0-9]' "
                                     "AND substr (certificate_no, 3, 4) = substr (certified_on, 1, 4))"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(certificate_no) - count(DISTINCT certificate_no) "
                                     "FROM firm_tiers"), ==, 0);
}

static void
test_integrity (Fixture       *f,
                gconstpointer  data)
{
  static const char * const fts[] = {
    "firms_fts", "firms_chars", "carriers_fts", "carriers_chars", "talents_fts", "talents_chars",
  };
  g_autofree char *integrity = NULL;
  sqlite3_stmt *stmt = NULL;

  generate (f->db, N_FIRMS, 4, NULL);

  integrity = query_text (f->db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (f->db), "PRAGMA foreign_key_check",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (fts); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')", fts[i], fts[i]);

      exec (f->db, sql);
    }

  /* The rebuilt indexes find what a scan finds. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"有限公司\"'"), ==,
                   query_int (f->db, "SELECT count(*) FROM firms WHERE name LIKE '%有限公司%'"));
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"镇江\"'"), ==,
                   query_int (f->db, "SELECT count(*) FROM firms WHERE name LIKE '%镇江%' OR notes LIKE '%镇江%'"));
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carriers_chars WHERE carriers_chars MATCH '\"孵化\"'"), ==,
                   query_int (f->db, "SELECT count(*) FROM carriers WHERE name LIKE '%孵化%' OR operator LIKE '%孵化%'"));
  g_assert_cmpint (count_index_triggers (f->db), ==, 18);
}

static void
test_valid_until (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tiers = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  generate (f->db, N_FIRMS, 5, NULL);
  tiers = tidu_vocabulary_list (f->db, TIDU_VOCABULARY_TIER, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (f->db),
                                       "SELECT tier, certified_on, expires_on, valid_until FROM firm_tiers",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      const TiduVocabItem *tier = NULL;
      GDate certified, expiry, until;
      gboolean has_expiry = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      g_autofree char *expected = NULL;

      for (guint i = 0; i < tiers->len; i++)
        if (g_str_equal (((TiduVocabItem *) g_ptr_array_index (tiers, i))->code, code))
          tier = g_ptr_array_index (tiers, i);
      g_assert_nonnull (tier);
      g_assert_true (tidu_date_from_iso ((const char *) sqlite3_column_text (stmt, 1), &certified));
      if (has_expiry)
        g_assert_true (tidu_date_from_iso ((const char *) sqlite3_column_text (stmt, 2), &expiry));
      if (tidu_vocab_item_valid_until (tier, &certified, has_expiry ? &expiry : NULL, &until))
        expected = tidu_date_to_iso (&until);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, expected);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, N_FIRMS);

  /* 科技型中小企业: at most one 入库 per firm and year, valid to 31 December. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM (SELECT firm_id, substr (certified_on, 1, 4) y "
                                     "FROM firm_tiers WHERE tier = 'tsme' GROUP BY 1, 2 HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_tiers t JOIN firms f ON f.id = t.firm_id "
                                     "WHERE t.certified_on < f.founded_on"), ==, 0);
  /* 上市 open-ended. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_tiers WHERE tier = 'listed' "
                                     "AND valid_until IS NOT NULL"), ==, 0);
}

static void
test_stays (Fixture       *f,
            gconstpointer  data)
{
  generate (f->db, N_FIRMS, 6, NULL);

  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_stays"), >, 0);
  g_assert_cmpint (query_int (f->db,
                              "SELECT count(*) FROM firm_stays a JOIN firm_stays b "
                              "ON a.firm_id = b.firm_id AND a.id < b.id "
                              "AND a.entered_on <= ifnull (b.left_on, '9999-12-31') "
                              "AND b.entered_on <= ifnull (a.left_on, '9999-12-31')"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM (SELECT firm_id FROM firm_stays "
                                     "WHERE left_on IS NULL GROUP BY 1 HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_stays s JOIN firms f ON f.id = s.firm_id "
                                     "WHERE s.entered_on < f.founded_on"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_stays s JOIN carriers c ON c.id = s.carrier_id "
                                     "WHERE c.kind NOT IN ('maker_space', 'incubator', 'accelerator') "
                                     "OR s.entered_on < c.founded_on"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firm_stays WHERE outcome = 'graduated'"), >, 0);
}

static void
test_carrier_statistics (Fixture       *f,
                         gconstpointer  data)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *previous = NULL;
  gint64 total = 0;
  guint n = 0;

  generate (f->db, N_FIRMS, 7, NULL);
  g_assert_cmpint (sqlite3_prepare_v2 (tidu_database_get_handle (f->db),
                                       "SELECT carrier_id, year, incubated_firms, graduated_this_year, "
                                       "graduated_total, funded_firms, incubation_area_m2, c.area_m2 "
                                       "FROM carrier_years y JOIN carriers c ON c.id = y.carrier_id "
                                       "ORDER BY carrier_id, year",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *carrier = (const char *) sqlite3_column_text (stmt, 0);
      int year = sqlite3_column_int (stmt, 1);
      gint64 graduated = sqlite3_column_int64 (stmt, 3);
      gint64 graduated_total = sqlite3_column_int64 (stmt, 4);

      g_assert_cmpint (year, >=, 2016);
      g_assert_cmpint (year, <=, 2025);
      if (g_strcmp0 (previous, carrier) == 0)
        g_assert_cmpint (graduated_total, ==, total + graduated);
      else
        g_assert_cmpint (graduated_total, >=, graduated);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 5), <=, sqlite3_column_int64 (stmt, 2));
      g_assert_cmpfloat (sqlite3_column_double (stmt, 6), <=, sqlite3_column_double (stmt, 7));
      total = graduated_total;
      g_free (previous);
      previous = g_strdup (carrier);
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, >, 0);

  /* Grades only for incubators and maker spaces, given by a level. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carrier_years y JOIN carriers c ON c.id = y.carrier_id "
                                     "WHERE y.grade IS NOT NULL AND (c.kind NOT IN ('incubator', 'maker_space') "
                                     "OR y.grade_level IS NULL)"), ==, 0);
  /* Each carrier's current level is its last recognition. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carriers c WHERE c.level <> ("
                                     "SELECT l.level FROM carrier_levels l WHERE l.carrier_id = c.id "
                                     "ORDER BY l.recognized_on DESC LIMIT 1)"), ==, 0);
  /* Instalments add up to the grant; nothing paid beyond the plan. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM talent_awards a WHERE granted_amount <> ("
                                     "SELECT sum(planned_amount) FROM talent_award_instalments i WHERE i.award_id = a.id)"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM talent_award_instalments WHERE paid_amount > planned_amount"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM talent_awards a WHERE status = 'completed' AND EXISTS ("
                                     "SELECT 1 FROM talent_award_instalments i WHERE i.award_id = a.id AND paid_on IS NULL)"), ==, 0);
  /* Attraction dates in order. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms WHERE signed_on < lead_on OR landed_on < signed_on"), ==, 0);
}

static void
test_refuse_non_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TiduSampleOptions options = { 50, 9 };

  generate (f->db, 50, 8, NULL);
  before = checksum (f->db);
  g_assert_false (tidu_sample_generate (f->db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  after = checksum (f->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_index_triggers (f->db), ==, 18);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
} ProgressData;

static void
cancel_midway (double   fraction,
               gpointer user_data)
{
  ProgressData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  data->last = fraction;
  data->calls++;
  if (fraction > 0.3)
    g_cancellable_cancel (data->cancellable);
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  ProgressData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  data->last = fraction;
  data->calls++;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  TiduSampleOptions options = { N_FIRMS, 10 };
  ProgressData progress = { cancellable, 0.0, 0 };
  ProgressData full = { NULL, 0.0, 0 };
  gint64 schema = query_int (f->db, "SELECT count(*) FROM sqlite_schema");

  g_assert_false (tidu_sample_generate (f->db, &options, cancellable, cancel_midway, &progress, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, >, 2);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM regions"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carriers"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM sqlite_schema"), ==, schema);
  g_assert_cmpint (count_index_triggers (f->db), ==, 18);

  /* Afterwards the same database takes the sample; progress ends at 1 in steps of about 1%. */
  g_clear_error (&error);
  g_assert_true (tidu_sample_generate (f->db, &options, NULL, record_progress, &full, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (full.last, ==, 1.0);
  g_assert_cmpuint (full.calls, >=, 50);
  g_assert_cmpuint (full.calls, <=, 102);
}

static void
test_bulk (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduBulk) bulk = NULL;
  gint64 schema = query_int (f->db, "SELECT count(*) FROM sqlite_schema");
  g_autofree char *schema_sql = query_text (f->db, "SELECT group_concat (sql, ';') FROM "
                                                   "(SELECT sql FROM sqlite_schema ORDER BY name)");
  g_autofree char *after_sql = NULL;

  g_assert_cmpint (count_index_triggers (f->db), ==, 18);

  /* Outside a transaction: refused. */
  g_assert_false (tidu_bulk_begin (f->db, &bulk, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_FAILED);
  g_clear_error (&error);

  /* Begin, load, end: the triggers are back and the indexes know the rows. */
  g_assert_true (tidu_database_begin (f->db, &error));
  g_assert_true (tidu_bulk_begin (f->db, &bulk, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tidu_bulk_get_n_triggers (bulk), ==, 18);
  g_assert_cmpint (count_index_triggers (f->db), ==, 0);
  exec (f->db, "INSERT INTO firms (id, name) VALUES ('00000000-0000-4000-8000-000000000001', '镇江华瑞智能科技有限公司')");
  exec (f->db, "INSERT INTO carriers (id, name, kind) VALUES ('00000000-0000-4000-8000-000000000002', '京口科技企业孵化器', 'incubator')");
  g_assert_true (tidu_bulk_end (bulk, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_database_commit (f->db, &error));
  g_clear_pointer (&bulk, tidu_bulk_free);
  g_assert_cmpint (count_index_triggers (f->db), ==, 18);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM sqlite_schema"), ==, schema);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"智能科技\"'"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms_chars WHERE firms_chars MATCH '\"华\"'"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM carriers_chars WHERE carriers_chars MATCH '\"京口\"'"), ==, 1);
  exec (f->db, "INSERT INTO firms_fts (firms_fts) VALUES ('integrity-check')");
  exec (f->db, "INSERT INTO firms_chars (firms_chars) VALUES ('integrity-check')");
  /* The triggers work again: a rename reaches the index. */
  exec (f->db, "UPDATE firms SET name = '镇江恒泰新材料科技有限公司' WHERE id = '00000000-0000-4000-8000-000000000001'");
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"新材料\"'"), ==, 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms_fts WHERE firms_fts MATCH '\"智能科技\"'"), ==, 0);

  /* Only the firms table, indexes too, then a rollback: everything is back as it was. */
  {
    const char * const tables[] = { "firms", NULL };

    g_assert_true (tidu_database_begin (f->db, &error));
    tidu_bulk_begin_tables (f->db, tables, TIDU_BULK_DROP_INDEXES, &bulk, &error);
    g_assert_no_error (error);
    g_assert_nonnull (bulk);
    g_assert_cmpuint (tidu_bulk_get_n_triggers (bulk), ==, 6);
    g_assert_cmpuint (tidu_bulk_get_n_indexes (bulk), >, 0);
    g_assert_cmpint (count_index_triggers (f->db), ==, 12);
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'firms_live_name'"), ==, 0);
    /* UNIQUE indexes stay: natural keys are still checked. */
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM sqlite_schema WHERE name = 'firms_uscc'"), ==, 1);
    exec (f->db, "INSERT INTO firms (id, name) VALUES ('00000000-0000-4000-8000-000000000003', '镇江临时科技有限公司')");
    tidu_database_rollback (f->db);
    g_clear_pointer (&bulk, tidu_bulk_free);
  }
  g_assert_cmpint (count_index_triggers (f->db), ==, 18);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM sqlite_schema"), ==, schema);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM firms"), ==, 1);
  after_sql = query_text (f->db, "SELECT group_concat (sql, ';') FROM (SELECT sql FROM sqlite_schema ORDER BY name)");
  g_assert_cmpstr (after_sql, ==, schema_sql);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sample/counts", test_counts);
  ADD ("/sample/determinism", test_determinism);
  ADD ("/sample/codes", test_codes);
  ADD ("/sample/integrity", test_integrity);
  ADD ("/sample/valid-until", test_valid_until);
  ADD ("/sample/stays", test_stays);
  ADD ("/sample/carrier-statistics", test_carrier_statistics);
  ADD ("/sample/refuse-non-empty", test_refuse_non_empty);
  ADD ("/sample/cancel", test_cancel);
  ADD ("/sample/bulk", test_bulk);

  return g_test_run ();
}
