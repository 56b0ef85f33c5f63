/* tidu-snapshot.c: exporting snapshots, and validating received ones as hostile.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "tidu-error.h"
#include "tidu-exchange-private.h"
#include "tidu-record-private.h"
#include "tidu-tokenizer.h"

/* Larger than anything Tidu writes for a district (100,000 firms take about 0.5 GB). */
#define MAX_SNAPSHOT_BYTES (G_GINT64_CONSTANT (16) << 30)

const char *const tidu_exchange_tables[] = {
  "regions",
  "carriers",
  "carrier_levels",
  "carrier_years",
  "firms",
  "firm_tiers",
  "firm_years",
  "firm_stays",
  "talents",
  "talent_plans",
  "talent_plan_categories",
  "talent_plan_batches",
  "talent_awards",
  "talent_award_members",
  "talent_award_instalments",
  "policies",
  "subsidy_awards",
  "targets",
  "target_years",
  "promotion_events",
};
const guint tidu_exchange_n_tables = G_N_ELEMENTS (tidu_exchange_tables);

static const char *const redacted_columns[] = {
  "talents.contact_phone",
  "talents.contact_email",
  "firms.contact_phone",
  "firms.contact_email",
  "carriers.contact_phone",
  NULL
};

const char *const *
tidu_snapshot_redacted_columns (void)
{
  return redacted_columns;
}

/* ---------------------------------------------------------------- info */

static void
count_free (gpointer data)
{
  TiduSnapshotCount *count = data;

  g_free (count->table);
  g_free (count);
}

void
tidu_snapshot_info_free (TiduSnapshotInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->exported_at);
  g_free (info->officer);
  g_free (info->database_id);
  g_free (info->tidu_version);
  g_free (info->region_id);
  g_free (info->region_name);
  g_free (info->carrier_id);
  g_free (info->carrier_name);
  g_clear_pointer (&info->counts, g_ptr_array_unref);
  g_free (info);
}

gint64
tidu_snapshot_info_get_count (const TiduSnapshotInfo *info,
                              const char             *table)
{
  g_return_val_if_fail (info != NULL, -1);
  for (guint i = 0; info->counts != NULL && i < info->counts->len; i++)
    {
      TiduSnapshotCount *count = g_ptr_array_index (info->counts, i);

      if (g_strcmp0 (count->table, table) == 0)
        return count->rows;
    }
  return -1;
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
tidu_snapshot_info_to_json (const TiduSnapshotInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "path", info->path);
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_int_value (builder, info->application_id);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, info->schema_version);
  add_string_member (builder, "exported_at", info->exported_at);
  add_string_member (builder, "officer", info->officer);
  add_string_member (builder, "database_id", info->database_id);
  add_string_member (builder, "tidu_version", info->tidu_version);
  json_builder_set_member_name (builder, "redacted");
  json_builder_add_boolean_value (builder, info->redacted);
  add_string_member (builder, "region_id", info->region_id);
  add_string_member (builder, "region_name", info->region_name);
  add_string_member (builder, "carrier_id", info->carrier_id);
  add_string_member (builder, "carrier_name", info->carrier_name);
  json_builder_set_member_name (builder, "size_bytes");
  json_builder_add_int_value (builder, info->size_bytes);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint i = 0; info->counts != NULL && i < info->counts->len; i++)
    {
      TiduSnapshotCount *count = g_ptr_array_index (info->counts, i);

      json_builder_set_member_name (builder, count->table);
      json_builder_add_int_value (builder, count->rows);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* ---------------------------------------------------------------- small SQL helpers */

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return tidu_database_set_error (db, rc, NULL, error);
  return TRUE;
}

/* The text of the first column of the first row, or NULL; *@ok FALSE on failure. */
static char *
query_text (sqlite3     *db,
            const char  *sql,
            const char  *param,
            GError     **error,
            gboolean    *ok)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      if (param != NULL)
        sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          result = g_strdup (text);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  *ok = rc == SQLITE_OK;
  if (!*ok)
    tidu_database_set_error (db, rc, NULL, error);
  return result;
}

char *
tidu_database_dup_id (TiduDatabase  *db,
                      GError       **error)
{
  gboolean ok;
  char *id;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  id = query_text (tidu_database_get_handle (db),
                   "SELECT value FROM tidu_meta WHERE key = 'database_id'", NULL, error, &ok);
  if (ok && id == NULL)
    g_set_error (error, TIDU_ERROR, TIDU_ERROR_FAILED, _("The database has no id."));
  return id;
}

static char *
find_by_name (TiduDatabase  *db,
              const char    *sql,
              const char    *name,
              gboolean       region,
              GError       **error)
{
  sqlite3 *handle = tidu_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;
  char *id = NULL;
  guint found = 0;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          if (found++ == 0)
            id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_free (id);
      tidu_database_set_error (handle, rc, NULL, error);
      return NULL;
    }
  if (found == 0)
    {
      if (region)
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no region named “%s”."), name);
      else
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no carrier named “%s”."), name);
      return NULL;
    }
  if (found > 1)
    {
      g_free (id);
      if (region)
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, _("Several regions are named “%s”; rename one of them first."), name);
      else
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, _("Several carriers are named “%s”; rename one of them first."), name);
      return NULL;
    }
  return id;
}

char *
tidu_snapshot_find_region (TiduDatabase  *db,
                           const char    *name,
                           GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  return find_by_name (db, "SELECT id FROM regions WHERE name = ?1 AND deleted_at IS NULL", name, TRUE, error);
}

char *
tidu_snapshot_find_carrier (TiduDatabase  *db,
                            const char    *name,
                            GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  return find_by_name (db, "SELECT id FROM carriers WHERE name = ?1 AND deleted_at IS NULL", name, FALSE, error);
}

/* ---------------------------------------------------------------- export */

typedef struct
{
  GCancellable     *cancellable;
  TiduProgressFunc  progress;
  gpointer          progress_data;
  const char       *watch_path;   /* the file VACUUM INTO is writing */
  gint64            expected;     /* its final size, about */
  double            from;
  double            to;
  guint             calls;
} Progress;

static int
progress_handler (void *data)
{
  Progress *p = data;

  if (g_cancellable_is_cancelled (p->cancellable))
    return 1;
  if (p->progress != NULL && p->watch_path != NULL && (++p->calls % 64) == 0)
    {
      GStatBuf st;

      if (g_stat (p->watch_path, &st) == 0 && p->expected > 0)
        p->progress (p->from + (p->to - p->from) * MIN (1.0, (double) st.st_size / (double) p->expected),
                     p->progress_data);
    }
  return 0;
}

static void
report (Progress *p,
        double    fraction)
{
  if (p->progress != NULL)
    p->progress (fraction, p->progress_data);
}

static gboolean
check_cancelled (sqlite3      *db,
                 int           rc,
                 GCancellable *cancellable,
                 GError      **error)
{
  if ((rc == SQLITE_INTERRUPT || g_cancellable_is_cancelled (cancellable)) &&
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return tidu_database_set_error (db, rc, NULL, error);
}

/* Keeps the rows of one region (with its sub-regions) or one carrier, and everything they
 * reference; policies and talent plans (reference data) stay whole. */
static gboolean
apply_subset (sqlite3                    *db,
              const TiduSnapshotOptions  *options,
              GError                    **error)
{
  static const char *common =
    "CREATE TEMP TABLE k_awards (id TEXT PRIMARY KEY);"
    "INSERT OR IGNORE INTO k_awards SELECT id FROM talent_awards WHERE talent_id IN k_talents OR firm_id IN k_firms;"
    "INSERT OR IGNORE INTO k_talents SELECT talent_id FROM talent_awards WHERE id IN k_awards;"
    "INSERT OR IGNORE INTO k_talents SELECT talent_id FROM talent_award_members WHERE award_id IN k_awards;"
    "INSERT OR IGNORE INTO k_firms SELECT firm_id FROM talents WHERE id IN k_talents AND firm_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_firms SELECT firm_id FROM talent_awards WHERE id IN k_awards AND firm_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_carriers SELECT carrier_id FROM firm_stays WHERE firm_id IN k_firms;"
    "CREATE TEMP TABLE k_subsidies (id TEXT PRIMARY KEY);"
    "INSERT INTO k_subsidies SELECT id FROM subsidy_awards WHERE carrier_id IN k_carriers"
    "  OR firm_id IN k_firms OR talent_id IN k_talents;"
    "INSERT OR IGNORE INTO k_regions SELECT region_id FROM carriers WHERE id IN k_carriers AND region_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_regions SELECT region_id FROM firms WHERE id IN k_firms AND region_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_regions SELECT region_id FROM talents WHERE id IN k_talents AND region_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_regions SELECT region_id FROM targets WHERE id IN k_targets AND region_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_regions SELECT region_id FROM promotion_events WHERE id IN k_events AND region_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_regions SELECT region_id FROM talent_plans WHERE region_id IS NOT NULL;"
    "INSERT OR IGNORE INTO k_regions WITH RECURSIVE up (id) AS (SELECT id FROM k_regions"
    "  UNION SELECT r.parent_id FROM regions r JOIN up ON r.id = up.id WHERE r.parent_id IS NOT NULL)"
    "  SELECT id FROM up;"
    "DELETE FROM talent_award_instalments WHERE award_id NOT IN k_awards;"
    "DELETE FROM talent_award_members WHERE award_id NOT IN k_awards;"
    "DELETE FROM talent_awards WHERE id NOT IN k_awards;"
    "DELETE FROM subsidy_awards WHERE id NOT IN k_subsidies;"
    "DELETE FROM firm_stays WHERE firm_id NOT IN k_firms;"
    "DELETE FROM firm_years WHERE firm_id NOT IN k_firms;"
    "DELETE FROM firm_tiers WHERE firm_id NOT IN k_firms;"
    "DELETE FROM talents WHERE id NOT IN k_talents;"
    "DELETE FROM firms WHERE id NOT IN k_firms;"
    "DELETE FROM carrier_levels WHERE carrier_id NOT IN k_carriers;"
    "DELETE FROM carrier_years WHERE carrier_id NOT IN k_carriers;"
    "DELETE FROM carriers WHERE id NOT IN k_carriers;"
    "DELETE FROM target_years WHERE target_id NOT IN k_targets;"
    "DELETE FROM targets WHERE id NOT IN k_targets;"
    "DELETE FROM promotion_events WHERE id NOT IN k_events;"
    "UPDATE talent_plans SET region_id = NULL WHERE region_id NOT IN k_regions;"
    "DELETE FROM regions WHERE id NOT IN k_regions;";
  g_autofree char *seed = NULL;

  if (options->region_id != NULL)
    {
      char *sql = sqlite3_mprintf (
        "CREATE TEMP TABLE k_regions (id TEXT PRIMARY KEY);"
        "INSERT INTO k_regions WITH RECURSIVE sub (id) AS (SELECT id FROM regions WHERE id = %Q"
        "  UNION SELECT r.id FROM regions r JOIN sub ON r.parent_id = sub.id) SELECT id FROM sub;"
        "CREATE TEMP TABLE k_firms (id TEXT PRIMARY KEY);"
        "INSERT INTO k_firms SELECT id FROM firms WHERE region_id IN k_regions;"
        "CREATE TEMP TABLE k_carriers (id TEXT PRIMARY KEY);"
        "INSERT INTO k_carriers SELECT id FROM carriers WHERE region_id IN k_regions;"
        "CREATE TEMP TABLE k_talents (id TEXT PRIMARY KEY);"
        "INSERT INTO k_talents SELECT id FROM talents WHERE region_id IN k_regions OR firm_id IN k_firms;"
        "CREATE TEMP TABLE k_targets (id TEXT PRIMARY KEY);"
        "INSERT INTO k_targets SELECT id FROM targets WHERE region_id IN k_regions;"
        "CREATE TEMP TABLE k_events (id TEXT PRIMARY KEY);"
        "INSERT INTO k_events SELECT id FROM promotion_events WHERE region_id IN k_regions;",
        options->region_id);
      seed = g_strdup (sql);
      sqlite3_free (sql);
    }
  else
    {
      char *sql = sqlite3_mprintf (
        "CREATE TEMP TABLE k_regions (id TEXT PRIMARY KEY);"
        "CREATE TEMP TABLE k_carriers (id TEXT PRIMARY KEY);"
        "INSERT INTO k_carriers SELECT id FROM carriers WHERE id = %Q;"
        "CREATE TEMP TABLE k_firms (id TEXT PRIMARY KEY);"
        "INSERT INTO k_firms SELECT DISTINCT firm_id FROM firm_stays WHERE carrier_id IN k_carriers;"
        "CREATE TEMP TABLE k_talents (id TEXT PRIMARY KEY);"
        "INSERT INTO k_talents SELECT id FROM talents WHERE firm_id IN k_firms;"
        "CREATE TEMP TABLE k_targets (id TEXT PRIMARY KEY);"
        "CREATE TEMP TABLE k_events (id TEXT PRIMARY KEY);",
        options->carrier_id);
      seed = g_strdup (sql);
      sqlite3_free (sql);
    }

  if (!exec_sql (db, seed, error) || !exec_sql (db, common, error))
    return FALSE;

  /* The change log and the tombstones of rows that are not in the file. */
  for (guint i = 0; i < tidu_exchange_n_tables; i++)
    {
      char *sql = sqlite3_mprintf ("DELETE FROM tidu_changes WHERE tbl = %Q AND row_id NOT IN (SELECT id FROM \"%w\")",
                                   tidu_exchange_tables[i], tidu_exchange_tables[i]);
      gboolean ok = exec_sql (db, sql, error);

      sqlite3_free (sql);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_manifest (sqlite3                    *db,
                const TiduSnapshotOptions  *options,
                const char                 *database_id,
                const char                 *region_name,
                const char                 *carrier_name,
                TiduSnapshotInfo           *info,
                GError                    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *app = g_strdup_printf ("%d", TIDU_APPLICATION_ID);
  g_autofree char *version = g_strdup_printf ("%d", TIDU_SCHEMA_VERSION);
  sqlite3_stmt *stmt = NULL;
  const char *pairs[][2] = {
    { "application_id", app },
    { "schema_version", version },
    { "exported_at", now },
    { "officer", options->officer },
    { "database_id", database_id },
    { "tidu_version", PACKAGE_VERSION },
    { "redacted", options->redact ? "1" : "0" },
    { "region_id", options->region_id },
    { "region_name", region_name },
    { "carrier_id", options->carrier_id },
    { "carrier_name", carrier_name },
    { "counts", NULL },
  };
  int rc;

  info->counts = g_ptr_array_new_with_free_func (count_free);
  json_builder_begin_object (builder);
  for (guint i = 0; i < tidu_exchange_n_tables; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", tidu_exchange_tables[i]);
      TiduSnapshotCount *count = g_new0 (TiduSnapshotCount, 1);
      sqlite3_stmt *q = NULL;

      rc = sqlite3_prepare_v2 (db, sql, -1, &q, NULL);
      if (rc == SQLITE_OK && (rc = sqlite3_step (q)) == SQLITE_ROW)
        {
          count->rows = sqlite3_column_int64 (q, 0);
          rc = SQLITE_OK;
        }
      sqlite3_finalize (q);
      count->table = g_strdup (tidu_exchange_tables[i]);
      g_ptr_array_add (info->counts, count);
      if (rc != SQLITE_OK)
        return tidu_database_set_error (db, rc, NULL, error);
      json_builder_set_member_name (builder, count->table);
      json_builder_add_int_value (builder, count->rows);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  counts = json_generator_to_data (generator, NULL);
  pairs[G_N_ELEMENTS (pairs) - 1][1] = counts;

  if (!exec_sql (db, "DELETE FROM tidu_manifest", error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "INSERT INTO tidu_manifest (key, value) VALUES (?1, ?2)", -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (pairs); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, pairs[i][0], -1, SQLITE_STATIC);
      if (pairs[i][1] != NULL)
        sqlite3_bind_text (stmt, 2, pairs[i][1], -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 2);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return tidu_database_set_error (db, rc, NULL, error);

  info->application_id = TIDU_APPLICATION_ID;
  info->schema_version = TIDU_SCHEMA_VERSION;
  info->exported_at = g_steal_pointer (&now);
  info->officer = g_strdup (options->officer);
  info->database_id = g_strdup (database_id);
  info->tidu_version = g_strdup (PACKAGE_VERSION);
  info->redacted = options->redact;
  info->region_id = g_strdup (options->region_id);
  info->region_name = g_strdup (region_name);
  info->carrier_id = g_strdup (options->carrier_id);
  info->carrier_name = g_strdup (carrier_name);
  return TRUE;
}

static gboolean check_header (const char  *path,
                              const char  *display,
                              gint64      *size,
                              GError     **error);

static gboolean
quick_check (sqlite3      *db,
             GCancellable *cancellable,
             gboolean     *ok,
             GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);

  *ok = FALSE;
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        return TRUE;
      return check_cancelled (db, rc, cancellable, error);
    }
  return TRUE;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      if (fd >= 0)
        close (fd);
      if (directory)
        return TRUE;   /* some file systems cannot sync a folder; the file itself is synced */
      g_set_error (error, TIDU_ERROR, saved == ENOSPC ? TIDU_ERROR_DISK_FULL : TIDU_ERROR_IO,
                   _("Cannot write “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
remove_temporary (const char *tmp)
{
  g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);

  g_unlink (tmp);
  g_unlink (journal);
}

/**
 * tidu_snapshot_export:
 *
 * See tidu-snapshot.h.
 */
gboolean
tidu_snapshot_export (TiduDatabase               *db,
                      const char                 *path,
                      const TiduSnapshotOptions  *options,
                      GCancellable               *cancellable,
                      TiduProgressFunc            progress,
                      gpointer                    progress_data,
                      TiduSnapshotInfo          **info_out,
                      GError                    **error)
{
  static const TiduSnapshotOptions defaults = { FALSE, NULL, NULL, NULL };
  sqlite3 *handle;
  sqlite3 *out = NULL;
  g_autoptr(TiduSnapshotInfo) info = g_new0 (TiduSnapshotInfo, 1);
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  g_autofree char *database_id = NULL;
  g_autofree char *region_name = NULL;
  g_autofree char *carrier_name = NULL;
  g_autoptr(GError) local_error = NULL;
  Progress p = { cancellable, progress, progress_data, NULL, 0, 0.0, 0.7, 0 };
  gint64 page_count = 0;
  gint64 page_size = 0;
  gboolean subset;
  gboolean ok = FALSE;
  gint64 started = g_get_monotonic_time ();
  GStatBuf st;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  subset = options->region_id != NULL || options->carrier_id != NULL;
  handle = tidu_database_get_handle (db);
  display = g_filename_display_name (path);

  if (options->region_id != NULL && options->carrier_id != NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   _("A snapshot is limited to one region or one carrier, not both."));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  database_id = tidu_database_dup_id (db, error);
  if (database_id == NULL)
    return FALSE;
  if (options->region_id != NULL)
    {
      region_name = query_text (handle, "SELECT name FROM regions WHERE id = ?1 AND deleted_at IS NULL",
                                options->region_id, error, &ok);
      if (!ok)
        return FALSE;
      if (region_name == NULL)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("The region to export does not exist."));
          return FALSE;
        }
    }
  if (options->carrier_id != NULL)
    {
      carrier_name = query_text (handle, "SELECT name FROM carriers WHERE id = ?1 AND deleted_at IS NULL",
                                 options->carrier_id, error, &ok);
      if (!ok)
        return FALSE;
      if (carrier_name == NULL)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("The carrier to export does not exist."));
          return FALSE;
        }
    }

  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *suffix = g_strdup_printf (".part-%08x", g_random_int ());

      g_free (tmp);
      tmp = g_strconcat (path, suffix, NULL);
      if (!g_file_test (tmp, G_FILE_TEST_EXISTS))
        break;
      if (attempt > 100)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot write “%s”."), display);
          return FALSE;
        }
    }

  {
    gboolean okc;
    g_autofree char *pc = query_text (handle, "PRAGMA page_count", NULL, error, &okc);
    g_autofree char *ps = NULL;

    if (!okc)
      return FALSE;
    ps = query_text (handle, "PRAGMA page_size", NULL, error, &okc);
    if (!okc)
      return FALSE;
    page_count = g_ascii_strtoll (pc, NULL, 10);
    page_size = g_ascii_strtoll (ps, NULL, 10);
  }
  ok = FALSE;
  p.watch_path = tmp;
  p.expected = page_count * page_size;
  report (&p, 0.0);

  /* 1. A consistent copy, deleted rows purged, WAL content included. */
  sqlite3_progress_handler (handle, 1000, progress_handler, &p);
  rc = tidu_database_vacuum_into (handle, tmp);
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("The snapshot “%s” could not be written."), display);

      if (rc == SQLITE_INTERRUPT && g_cancellable_set_error_if_cancelled (cancellable, error))
        ;
      else
        tidu_database_set_error (handle, rc, what, error);
      remove_temporary (tmp);
      return FALSE;
    }
  g_debug ("snapshot: VACUUM INTO after %.2f s", (g_get_monotonic_time () - started) / 1e6);
  p.watch_path = NULL;
  p.from = 0.7;
  p.to = 0.95;
  report (&p, 0.7);

  /* 2. Redaction, subset and manifest, in the copy only. Triggers are off there: the change
   * log must not record them, and the search indexes are rebuilt when rows go. */
  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      tidu_database_set_error (out, rc, NULL, &local_error);
      goto out;
    }
  sqlite3_extended_result_codes (out, 1);
  sqlite3_db_config (out, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_progress_handler (out, 1000, progress_handler, &p);
  if (!tidu_tokenizer_register (out, &local_error) ||
      !exec_sql (out,
                 "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF;"
                 "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;"
                 /* Our own file: mapped, the check reads it without copying every page. */
                 "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -65536;", &local_error) ||
      !exec_sql (out, "BEGIN", &local_error))
    goto out;

  /* Undo data of merges holds whole rows as they were: of no use to the colleague, and it may
   * carry contact data. */
  if (!exec_sql (out, "DELETE FROM tidu_merge_undo;"
                      "UPDATE tidu_merges SET backup_path = NULL;"
                      "DELETE FROM tidu_meta WHERE key = 'changes_paused';", &local_error))
    goto rollback;

  if (subset && !apply_subset (out, options, &local_error))
    goto rollback;

  if (options->redact &&
      !exec_sql (out,
                 "UPDATE talents SET contact_phone = NULL, contact_email = NULL"
                 "  WHERE contact_phone IS NOT NULL OR contact_email IS NOT NULL;"
                 "UPDATE firms SET contact_phone = NULL, contact_email = NULL"
                 "  WHERE contact_phone IS NOT NULL OR contact_email IS NOT NULL;"
                 "UPDATE carriers SET contact_phone = NULL WHERE contact_phone IS NOT NULL;",
                 &local_error))
    goto rollback;

  if (subset)
    {
      static const char *fts[] = {
        "firms_fts", "firms_chars", "carriers_fts", "carriers_chars", "talents_fts", "talents_chars"
      };

      for (guint i = 0; i < G_N_ELEMENTS (fts); i++)
        {
          g_autofree char *rebuild = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')", fts[i], fts[i]);

          if (!exec_sql (out, rebuild, &local_error))
            goto rollback;
        }
    }

  if (!write_manifest (out, options, database_id, region_name, carrier_name, info, &local_error) ||
      !exec_sql (out, "COMMIT", &local_error))
    goto rollback;

  /* Rewritten whole, so no free page keeps what was removed. */
  if ((subset || options->redact) && !exec_sql (out, "VACUUM", &local_error))
    goto out;
  report (&p, 0.8);
  g_debug ("snapshot: manifest written after %.2f s", (g_get_monotonic_time () - started) / 1e6);

  /* The copy is checked the way a colleague's Tidu first looks at it: its header, sizes and
   * versions, read from the file once the connection is closed. A quick_check of every page
   * would only read back through the page cache what SQLite wrote a moment ago from a database
   * that was checked when opened; it cost 40 % of a plain VACUUM INTO at 100,000 firms, and the
   * receiver runs it anyway on its private copy (ADR 0007, "Export"). */
  sqlite3_progress_handler (out, 0, NULL, NULL);
  sqlite3_close_v2 (g_steal_pointer (&out));
  {
    gint64 written = 0;

    if (!check_header (tmp, display, &written, &local_error))
      goto out;
  }
  g_debug ("snapshot: checked after %.2f s", (g_get_monotonic_time () - started) / 1e6);
  ok = TRUE;
  goto out;

rollback:
  sqlite3_exec (out, "ROLLBACK", NULL, NULL, NULL);
out:
  if (out != NULL)
    sqlite3_close_v2 (out);
  if (!ok)
    {
      remove_temporary (tmp);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_set_error (error, TIDU_ERROR, local_error->code,
                   _("The snapshot “%s” could not be written. %s"), display, local_error->message);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      remove_temporary (tmp);
      return FALSE;
    }

  /* 3. Durable, then in place in one step. */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (!fsync_path (tmp, FALSE, error))
      {
        remove_temporary (tmp);
        return FALSE;
      }
    if (g_rename (tmp, path) != 0)
      {
        int saved = errno;

        remove_temporary (tmp);
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot write “%s”: %s"), display, g_strerror (saved));
        return FALSE;
      }
    fsync_path (dir, TRUE, NULL);
    g_debug ("snapshot: synced and renamed after %.2f s", (g_get_monotonic_time () - started) / 1e6);
  }

  info->path = g_strdup (path);
  if (g_stat (path, &st) == 0)
    info->size_bytes = st.st_size;
  report (&p, 1.0);
  if (info_out != NULL)
    *info_out = g_steal_pointer (&info);
  return TRUE;
}

/* ---------------------------------------------------------------- validation */

static guint32
be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Checks the 100-byte header without SQLite: what kind of file it is, and whether its sizes
 * are sane. */
static gboolean
check_header (const char  *path,
              const char  *display,
              gint64      *size,
              GError     **error)
{
  guchar header[100];
  GStatBuf st;
  guint32 page_size;
  guint32 pages;
  guint32 version;
  FILE *f;
  gsize n = 0;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot read “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("“%s” is not a file."), display);
      return FALSE;
    }
  *size = st.st_size;
  if (st.st_size > MAX_SNAPSHOT_BYTES)
    {
      g_autofree char *bytes = g_format_size (st.st_size);

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_TOO_LARGE,
                   _("“%s” is too large to be a Tidu snapshot (%s). It was not opened."), display, bytes);
      return FALSE;
    }

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot read “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_SQLITE,
                   _("“%s” is not a Tidu snapshot: it is not a database file at all."), display);
      return FALSE;
    }
  if (be32 (header + 68) != TIDU_APPLICATION_ID)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_FOREIGN,
                   _("“%s” is not a Tidu snapshot: it is a database of another program."), display);
      return FALSE;
    }
  version = be32 (header + 60);
  if (version > TIDU_SCHEMA_VERSION)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Tidu (database version %u; this version reads up to %d). Update Tidu to open it."),
                   display, version, TIDU_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < 2)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_FOREIGN,
                   _("“%s” is a database of an older Tidu, not a snapshot. Ask for a snapshot exported with “Export Snapshot…”."),
                   display);
      return FALSE;
    }

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0 || st.st_size % page_size != 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CORRUPT,
                   _("“%s” is damaged: its size does not fit its page size. Ask for the file again."), display);
      return FALSE;
    }
  pages = be32 (header + 28);
  /* The page count in the header counts when the file says it is current. */
  if (be32 (header + 24) == be32 (header + 92) && pages != 0)
    {
      gint64 claimed = (gint64) pages * page_size;

      if (claimed > MAX_SNAPSHOT_BYTES)
        {
          g_autofree char *bytes = g_format_size (claimed);

          g_set_error (error, TIDU_ERROR, TIDU_ERROR_TOO_LARGE,
                       _("“%s” claims an absurd size (%s). It was not opened."), display, bytes);
          return FALSE;
        }
      if (claimed != st.st_size)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_CORRUPT,
                       _("“%s” is damaged or incomplete: it is not as long as it says. Ask for the file again."), display);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
private_copy_path (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "tidu", "received", NULL);
  g_autofree char *name = NULL;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot create the folder “%s”: %s"), display, g_strerror (saved));
      return NULL;
    }
  /* Copies left behind by a crash go after a week (a snapshot window open that long keeps its
   * file open, so on Linux it still reads it). */
  {
    GDir *d = g_dir_open (dir, 0, NULL);
    const char *entry;
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;

    while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *stale = g_build_filename (dir, entry, NULL);
        GStatBuf st;

        if ((g_str_has_prefix (entry, "snapshot-") || g_str_has_prefix (entry, ".goutputstream-")) &&
            g_stat (stale, &st) == 0 && now - (gint64) st.st_mtime > 7 * 24 * 3600)
          g_unlink (stale);
      }
    if (d != NULL)
      g_dir_close (d);
  }
  name = g_build_filename (dir, "snapshot-XXXXXX.sqlite3", NULL);
  fd = g_mkstemp_full (name, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot create a temporary file: %s"), g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&name);
}

/* The copy is ours: a WAL flag in its header would make SQLite look for a -wal file that a
 * received file never has, so it is set back to a rollback journal. */
static gboolean
fix_journal_flag (const char  *copy,
                  GError     **error)
{
  guchar bytes[2];
  int fd = g_open (copy, O_RDWR | O_CLOEXEC, 0);
  gboolean ok = FALSE;

  if (fd >= 0 && pread (fd, bytes, 2, 18) == 2)
    {
      if (bytes[0] != 2 && bytes[1] != 2)
        ok = TRUE;
      else
        {
          bytes[0] = bytes[1] = 1;
          ok = pwrite (fd, bytes, 2, 18) == 2;
        }
    }
  if (fd >= 0)
    close (fd);
  if (!ok)
    g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot create a temporary file: %s"), g_strerror (errno));
  return ok;
}

static sqlite3 *
open_hostile (const char  *copy,
              GError     **error)
{
  g_autofree char *escaped = g_uri_escape_string (copy, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      tidu_database_set_error (db, rc, NULL, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit (db, SQLITE_LIMIT_COLUMN, 100);
  sqlite3_limit (db, SQLITE_LIMIT_EXPR_DEPTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_COMPOUND_SELECT, 64);
  sqlite3_limit (db, SQLITE_LIMIT_VDBE_OP, 100000000);
  sqlite3_limit (db, SQLITE_LIMIT_FUNCTION_ARG, 8);
  sqlite3_limit (db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
  sqlite3_limit (db, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
  sqlite3_exec (db, "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0;", NULL, NULL, NULL);
  return db;
}

typedef struct
{
  char *type;
  char *tbl_name;
  char *sql;
} SchemaRow;

static void
schema_row_free (gpointer data)
{
  SchemaRow *row = data;

  g_free (row->type);
  g_free (row->tbl_name);
  g_free (row->sql);
  g_free (row);
}

static GHashTable *
read_schema (sqlite3  *db,
             int      *rc_out)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, schema_row_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaRow *row = g_new0 (SchemaRow, 1);

      row->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->tbl_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_replace (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 1)), row);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  *rc_out = rc == SQLITE_DONE ? SQLITE_OK : rc;
  if (*rc_out != SQLITE_OK)
    g_clear_pointer (&rows, g_hash_table_unref);
  return rows;
}

static GHashTable *
expected_schema (int       version,
                 GError  **error)
{
  sqlite3 *db = NULL;
  GHashTable *rows = NULL;
  int rc = sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  if (rc != SQLITE_OK)
    tidu_database_set_error (db, rc, NULL, error);
  else if (tidu_tokenizer_register (db, error) && tidu_database_create_schema (db, version, error))
    {
      rows = read_schema (db, &rc);
      if (rows == NULL)
        tidu_database_set_error (db, rc, NULL, error);
    }
  sqlite3_close_v2 (db);
  return rows;
}

static const char *
type_label (const char *type,
            const char *name)
{
  if (g_str_has_prefix (name, "sqlite_"))
    return "internal";
  return type;
}

/* Compares a received schema with ours; the first difference found is the message. */
static gboolean
compare_schema (GHashTable  *actual,
                GHashTable  *expected,
                const char  *display,
                GError     **error)
{
  static const struct { const char *name; const char *sql; } allowed[] = {
    { "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)" },
    { "sqlite_stat4", "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)" },
  };
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      SchemaRow *row = value;
      SchemaRow *want = g_hash_table_lookup (expected, name);
      gboolean stat = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
        if (g_strcmp0 (name, allowed[i].name) == 0 && g_strcmp0 (row->sql, allowed[i].sql) == 0)
          stat = TRUE;
      if (stat)
        continue;

      if (want == NULL)
        {
          const char *type = type_label (row->type, name);

          if (g_strcmp0 (type, "trigger") == 0)
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: it contains a trigger “%s” that Tidu does not create. A trigger can run code when the file is used."),
                         display, name);
          else if (g_strcmp0 (type, "view") == 0)
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: it contains a view “%s” that Tidu does not create."), display, name);
          else if (g_strcmp0 (type, "index") == 0)
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: it contains an index “%s” that Tidu does not create."), display, name);
          else
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: it contains a table “%s” that Tidu does not create."), display, name);
          return FALSE;
        }
      if (g_strcmp0 (row->type, want->type) != 0 || g_strcmp0 (row->tbl_name, want->tbl_name) != 0 ||
          g_strcmp0 (row->sql, want->sql) != 0)
        {
          if (g_strcmp0 (want->type, "trigger") == 0)
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: its trigger “%s” was altered."), display, name);
          else if (g_strcmp0 (want->type, "view") == 0)
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: its view “%s” was altered."), display, name);
          else if (g_strcmp0 (want->type, "index") == 0)
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: its index “%s” was altered."), display, name);
          else
            g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                         _("“%s” was refused: its table “%s” was altered."), display, name);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (actual, key))
      {
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_SCHEMA_MISMATCH,
                     _("“%s” was refused: its part “%s” is missing."), display, (const char *) key);
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_manifest (sqlite3           *db,
               const char        *display,
               TiduSnapshotInfo  *info,
               GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  guint found = 0;
  int rc = sqlite3_prepare_v2 (db, "SELECT key, value FROM tidu_manifest", -1, &stmt, NULL);

  info->counts = g_ptr_array_new_with_free_func (count_free);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      rc = SQLITE_OK;
      found++;
      if (g_strcmp0 (key, "application_id") == 0 && value != NULL)
        info->application_id = (guint32) g_ascii_strtoll (value, NULL, 10);
      else if (g_strcmp0 (key, "schema_version") == 0 && value != NULL)
        info->schema_version = (int) g_ascii_strtoll (value, NULL, 10);
      else if (g_strcmp0 (key, "exported_at") == 0)
        info->exported_at = g_strdup (value);
      else if (g_strcmp0 (key, "officer") == 0)
        info->officer = g_strdup (value);
      else if (g_strcmp0 (key, "database_id") == 0)
        info->database_id = g_strdup (value);
      else if (g_strcmp0 (key, "tidu_version") == 0)
        info->tidu_version = g_strdup (value);
      else if (g_strcmp0 (key, "redacted") == 0)
        info->redacted = g_strcmp0 (value, "1") == 0;
      else if (g_strcmp0 (key, "region_id") == 0)
        info->region_id = g_strdup (value);
      else if (g_strcmp0 (key, "region_name") == 0)
        info->region_name = g_strdup (value);
      else if (g_strcmp0 (key, "carrier_id") == 0)
        info->carrier_id = g_strdup (value);
      else if (g_strcmp0 (key, "carrier_name") == 0)
        info->carrier_name = g_strdup (value);
      else if (g_strcmp0 (key, "counts") == 0 && value != NULL)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();

          if (json_parser_load_from_data (parser, value, -1, NULL) &&
              JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
            {
              JsonObject *object = json_node_get_object (json_parser_get_root (parser));

              for (guint i = 0; i < tidu_exchange_n_tables; i++)
                if (json_object_has_member (object, tidu_exchange_tables[i]))
                  {
                    TiduSnapshotCount *count = g_new0 (TiduSnapshotCount, 1);

                    count->table = g_strdup (tidu_exchange_tables[i]);
                    count->rows = json_object_get_int_member (object, tidu_exchange_tables[i]);
                    g_ptr_array_add (info->counts, count);
                  }
            }
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (db, rc, NULL, error);
  if (found == 0 || info->exported_at == NULL || info->database_id == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_FOREIGN,
                   _("“%s” is a Tidu database, but not a snapshot: it has no manifest. Ask for a snapshot exported with “Export Snapshot…”."),
                   display);
      return FALSE;
    }
  if (info->application_id != TIDU_APPLICATION_ID || info->schema_version > TIDU_SCHEMA_VERSION)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CORRUPT,
                   _("“%s” is damaged: its manifest contradicts the file."), display);
      return FALSE;
    }
  return TRUE;
}

gboolean
tidu_snapshot_validate (const char         *path,
                        GCancellable       *cancellable,
                        char              **copy_path,
                        TiduSnapshotInfo  **info_out,
                        GError            **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *copy = NULL;
  g_autoptr(TiduSnapshotInfo) info = g_new0 (TiduSnapshotInfo, 1);
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db = NULL;
  gint64 size = 0;
  gint64 version = 0;
  gboolean good = FALSE;
  int rc;

  if (!check_header (path, display, &size, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* A private copy: the received file is never opened by SQLite, and cannot change while
   * it is checked and read. */
  copy = private_copy_path (error);
  if (copy == NULL)
    return FALSE;
  source = g_file_new_for_path (path);
  target = g_file_new_for_path (copy);
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, &local_error))
    {
      g_unlink (copy);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Cannot read “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  /* The copy must be the file that was checked. */
  if (!check_header (copy, display, &size, error) || !fix_journal_flag (copy, error))
    goto fail;

  db = open_hostile (copy, error);
  if (db == NULL)
    goto fail;

  {
    Progress p = { cancellable, NULL, NULL, NULL, 0, 0, 0, 0 };

    sqlite3_progress_handler (db, 1000, progress_handler, &p);
    actual = read_schema (db, &rc);
    if (actual == NULL)
      {
        if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_CORRUPT,
                       _("“%s” is damaged: its list of tables cannot be read. Ask for the file again."), display);
        else
          check_cancelled (db, rc, cancellable, error);
        goto fail;
      }
    {
      gboolean ok;
      g_autofree char *v = query_text (db, "PRAGMA user_version", NULL, error, &ok);

      if (!ok)
        goto fail;
      version = g_ascii_strtoll (v, NULL, 10);
    }
    expected = expected_schema ((int) version, error);
    if (expected == NULL || !compare_schema (actual, expected, display, error))
      goto fail;

    if (!quick_check (db, cancellable, &good, error))
      goto fail;
    if (!good)
      {
        g_set_error (error, TIDU_ERROR, TIDU_ERROR_CORRUPT,
                     _("“%s” is damaged: it failed the integrity check. Ask for the file again."), display);
        goto fail;
      }
    if (!read_manifest (db, display, info, error))
      goto fail;
    sqlite3_progress_handler (db, 0, NULL, NULL);
  }
  sqlite3_close_v2 (db);
  info->path = g_strdup (path);
  info->size_bytes = size;
  *copy_path = g_steal_pointer (&copy);
  if (info_out != NULL)
    *info_out = g_steal_pointer (&info);
  return TRUE;

fail:
  if (db != NULL)
    sqlite3_close_v2 (db);
  g_unlink (copy);
  return FALSE;
}

TiduSnapshotInfo *
tidu_snapshot_inspect (const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *copy = NULL;
  TiduSnapshotInfo *info = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!tidu_snapshot_validate (path, cancellable, &copy, &info, error))
    return NULL;
  g_unlink (copy);
  return info;
}

TiduDatabase *
tidu_snapshot_open (const char         *path,
                    GCancellable       *cancellable,
                    TiduSnapshotInfo  **info_out,
                    GError            **error)
{
  g_autofree char *copy = NULL;
  g_autoptr(TiduSnapshotInfo) info = NULL;
  TiduDatabase *db;

  g_return_val_if_fail (path != NULL, NULL);

  if (!tidu_snapshot_validate (path, cancellable, &copy, &info, error))
    return NULL;
  db = tidu_database_open_private_copy (copy, path, error);
  if (db == NULL)
    return NULL;
  if (info_out != NULL)
    *info_out = g_steal_pointer (&info);
  return db;
}
