/* tidu-database.c: opening, creating and migrating a Tidu database file.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tidu-core-resources.h"
#include "tidu-database-private.h"
#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-tokenizer.h"

#define MIGRATIONS_PATH "/io/github/tidu/Tidu/core/sql/"
#define SQLITE_HEADER "SQLite format 3"

struct _TiduDatabase
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  char     *backup_path;
  int       schema_version;
  gboolean  created;
  gboolean  read_only;
  char     *remove_on_close;     /* a private copy (snapshot browsing) deleted on finalize */

  GHashTable *statements;         /* SQL text → cached sqlite3_stmt */
  guint       transaction_depth;
};

G_DEFINE_FINAL_TYPE (TiduDatabase, tidu_database, G_TYPE_OBJECT)

static const struct
{
  const char *table;
  const char *label;
} entities[TIDU_N_ENTITIES] = {
  [TIDU_ENTITY_REGION] = { "regions", N_("Regions") },
  [TIDU_ENTITY_CARRIER] = { "carriers", N_("Innovation carriers") },
  [TIDU_ENTITY_FIRM] = { "firms", N_("Firms") },
  [TIDU_ENTITY_FIRM_TIER] = { "firm_tiers", N_("Certifications") },
  [TIDU_ENTITY_TALENT] = { "talents", N_("Talents") },
  [TIDU_ENTITY_TALENT_PLAN] = { "talent_plans", N_("Talent plans") },
  [TIDU_ENTITY_TALENT_AWARD] = { "talent_awards", N_("Talent awards") },
  [TIDU_ENTITY_POLICY] = { "policies", N_("Policies") },
  [TIDU_ENTITY_SUBSIDY_AWARD] = { "subsidy_awards", N_("Subsidy ledger entries") },
  [TIDU_ENTITY_TARGET] = { "targets", N_("Targets") },
  [TIDU_ENTITY_PROMOTION_EVENT] = { "promotion_events", N_("Promotion events") },
};

const char *
tidu_entity_to_string (TiduEntity entity)
{
  g_return_val_if_fail (entity < TIDU_N_ENTITIES, NULL);
  return entities[entity].table;
}

const char *
tidu_entity_get_label (TiduEntity entity)
{
  g_return_val_if_fail (entity < TIDU_N_ENTITIES, NULL);
  return _(entities[entity].label);
}

/* Turns an SQLite failure into a TIDU_ERROR the user can act on; SQLite's own text is kept
 * only as detail after the translated sentence. */
gboolean
tidu_database_set_error (sqlite3     *db,
                         int          rc,
                         const char  *what,
                         GError     **error)
{
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  TiduError code;
  const char *message;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = TIDU_ERROR_NOT_SQLITE;
      message = _("The file is not a database.");
      break;
    case SQLITE_CORRUPT:
      code = TIDU_ERROR_CORRUPT;
      message = _("The database file is damaged.");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = TIDU_ERROR_BUSY;
      message = _("Another program is using the database. Close it and try again.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = TIDU_ERROR_READ_ONLY;
      message = _("The database cannot be written: check the permissions of the file and its folder.");
      break;
    case SQLITE_CANTOPEN:
      code = TIDU_ERROR_IO;
      message = _("The database file cannot be opened.");
      break;
    case SQLITE_FULL:
      code = TIDU_ERROR_DISK_FULL;
      message = _("The disk is full. Free some space and try again; nothing was changed.");
      break;
    case SQLITE_IOERR:
      code = TIDU_ERROR_IO;
      message = _("The database file could not be read or written.");
      break;
    default:
      code = TIDU_ERROR_DATABASE;
      message = _("The database reported an error.");
      break;
    }

  if (what != NULL)
    g_set_error (error, TIDU_ERROR, code, "%s %s (%s)", what, message, detail);
  else
    g_set_error (error, TIDU_ERROR, code, "%s (%s)", message, detail);
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return tidu_database_set_error (db, rc, NULL, error);
  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return tidu_database_set_error (db, rc, NULL, error);
  return TRUE;
}

static void
tidu_database_finalize (GObject *object)
{
  TiduDatabase *self = (TiduDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Keeps the planner's statistics fresh for the next session. A table with an index that
       * has no statistics (a partial index that matches no row, such as firms_deleted) is
       * analysed again at every close: analysis_limit keeps that to a sample of rows per index,
       * as the SQLite ANALYZE page recommends (SQLite 3.46 does it by itself), instead of a full
       * scan of 100,000 firms (0.2 s) after each command. */
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA analysis_limit = 1000; PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  if (self->remove_on_close != NULL)
    g_unlink (self->remove_on_close);
  g_clear_pointer (&self->remove_on_close, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (tidu_database_parent_class)->finalize (object);
}

static void
tidu_database_class_init (TiduDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tidu_database_finalize;
  /* SQLite counts the memory it uses under one process-wide mutex, taken on every allocation:
   * two threads writing at once (a big import and its search indexes, tidu-bulk.c) spent a
   * third of their time waiting on it. Tidu reads none of those counts. Before any connection
   * opens only; later it fails harmlessly (SQLITE_MISUSE) and changes nothing. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
tidu_database_init (TiduDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
}

/**
 * tidu_database_default_path:
 *
 * Returns: `$XDG_DATA_HOME/tidu/tidu.sqlite3`; inside the Flatpak sandbox that is the app's
 * own data folder.
 */
char *
tidu_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tidu", "tidu.sqlite3", NULL);
}

/**
 * tidu_database_resolve_path:
 * @option_path: (nullable): the `--database` option
 *
 * Returns: the database to open: the option, else `$TIDU_DATABASE`, else the default.
 */
char *
tidu_database_resolve_path (const char *option_path)
{
  const char *env;

  if (option_path != NULL && *option_path != '\0')
    return g_canonicalize_filename (option_path, NULL);
  env = g_getenv ("TIDU_DATABASE");
  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);
  return tidu_database_default_path ();
}

typedef enum
{
  FILE_MISSING,    /* no file, or an empty one: create */
  FILE_SQLITE,     /* an SQLite file, header read into the fields below */
} FileKind;

static guint32
read_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file without SQLite, so that a file we refuse is not touched at all:
 * no -wal or -shm file appears next to a colleague's spreadsheet. */
static gboolean
inspect_file (const char  *path,
              FileKind    *kind,
              guint32     *application_id,
              guint32     *user_version,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guchar header[100];
  GStatBuf st;
  FILE *f;
  gsize n;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        {
          *kind = FILE_MISSING;
          return TRUE;
        }
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO,
                   _("Cannot read “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO,
                   _("“%s” is not a file."), display);
      return FALSE;
    }
  if (st.st_size == 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      GStatBuf wal_st;

      /* An empty file is new, unless its content still waits in a WAL file: then SQLite
       * has to be asked. */
      *kind = g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0 ? FILE_SQLITE : FILE_MISSING;
      *application_id = 0;
      *user_version = 0;
      return TRUE;
    }

  f = g_fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;

      g_set_error (error, TIDU_ERROR, saved == EACCES ? TIDU_ERROR_READ_ONLY : TIDU_ERROR_IO,
                   _("Cannot read “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, f);
  fclose (f);

  if (n < sizeof header || memcmp (header, SQLITE_HEADER, sizeof SQLITE_HEADER) != 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_SQLITE,
                   _("“%s” is not a Tidu database: it is not an SQLite file at all. It was left unchanged."),
                   display);
      return FALSE;
    }

  *kind = FILE_SQLITE;
  *user_version = read_be32 (header + 60);
  *application_id = read_be32 (header + 68);
  return TRUE;
}

static gboolean
apply_pragmas (sqlite3  *db,
               GError  **error)
{
  /* WAL lets readers on worker threads run beside the writer; NORMAL is durable in WAL mode
   * except for the last transactions before a power cut. The 32 MiB cache suits databases of
   * 100,000 firms (PERFORMANCE.md §1.5). */
  return exec (db,
               "PRAGMA foreign_keys = ON;"
               "PRAGMA journal_mode = WAL;"
               "PRAGMA synchronous = NORMAL;"
               "PRAGMA cache_size = -32768;"
               "PRAGMA temp_store = MEMORY;",
               error);
}

/**
 * tidu_database_vacuum_into:
 * @db: the connection to copy
 * @path: the new file
 *
 * `VACUUM INTO @path`, with SQLite's default page cache (2 MiB) for its duration. With the
 * 32 MiB cache of our connections it took 1.7 s instead of 0.9 s for a 480 MB database of
 * 100,000 firms with 16 KiB pages (bench-exchange.sh): the copy's pages pile up in the cache
 * and are written in one burst at its end, instead of while the source is still read.
 *
 * Returns: the SQLite result code of the VACUUM
 */
int
tidu_database_vacuum_into (sqlite3    *db,
                           const char *path)
{
  sqlite3_stmt *stmt = NULL;
  gint64 cache_size = 0;
  g_autofree char *restore = NULL;
  char *sql;
  int rc;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    cache_size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (cache_size != 0)
    {
      restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
      sqlite3_exec (db, "PRAGMA cache_size = -2000", NULL, NULL, NULL);
    }

  sql = sqlite3_mprintf ("VACUUM INTO %Q", path);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_free (sql);

  if (restore != NULL)
    sqlite3_exec (db, restore, NULL, NULL, NULL);
  return rc;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Migration resources are named NNNN-what.sql; NNNN is the user_version they produce. */
static GPtrArray *
list_migrations (GError **error)
{
  g_auto(GStrv) names = g_resource_enumerate_children (tidu_core_get_resource (), MIGRATIONS_PATH, 0, error);
  GPtrArray *found;

  if (names == NULL)
    return NULL;

  found = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (found, g_strdup (names[i]));
  g_ptr_array_sort (found, compare_strings);
  return found;
}

static gboolean
run_migration (sqlite3     *db,
               const char  *name,
               int          version,
               GError     **error)
{
  g_autofree char *resource = g_strconcat (MIGRATIONS_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(GError) local_error = NULL;
  int rc;

  bytes = g_resource_lookup_data (tidu_core_get_resource (), resource, 0, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return tidu_database_set_error (db, rc, _("The database could not be upgraded."), error);

  stamp = g_strdup_printf ("PRAGMA application_id = %d;"
                           "PRAGMA user_version = %d;"
                           "INSERT OR REPLACE INTO tidu_meta (key, value) VALUES ('schema_version', '%d');"
                           "INSERT OR REPLACE INTO tidu_meta (key, value) VALUES ('migrated_by', 'Tidu %s');",
                           TIDU_APPLICATION_ID, version, version, PACKAGE_VERSION);

  if (!exec (db, sql, &local_error) || !exec (db, stamp, &local_error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, TIDU_ERROR,
                   local_error->code == TIDU_ERROR_DISK_FULL ? TIDU_ERROR_DISK_FULL : TIDU_ERROR_MIGRATION,
                   /* Translators: %d is a schema version, the last %s the reason */
                   _("Upgrading the database to version %d failed and was undone; the file is as it was. %s"),
                   version, local_error->message);
      return FALSE;
    }

  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return tidu_database_set_error (db, rc, _("The database could not be upgraded."), error);
    }
  return TRUE;
}

/* A copy of the file as it was, next to it, before any migration touches it. */
static char *
backup_before_migration (sqlite3     *db,
                         const char  *path,
                         int          from_version,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = NULL;
  g_autofree char *sql = NULL;
  int rc;

  for (int attempt = 0; ; attempt++)
    {
      g_free (backup);
      if (attempt == 0)
        backup = g_strdup_printf ("%s.backup-v%d-%s", path, from_version, stamp);
      else
        backup = g_strdup_printf ("%s.backup-v%d-%s-%d", path, from_version, stamp, attempt);
      if (!g_file_test (backup, G_FILE_TEST_EXISTS))
        break;
    }

  rc = tidu_database_vacuum_into (db, backup);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display = g_filename_display_name (backup);
      g_autoptr(GError) local_error = NULL;

      tidu_database_set_error (db, rc, NULL, &local_error);
      g_unlink (backup);
      g_set_error (error, TIDU_ERROR,
                   local_error->code == TIDU_ERROR_DISK_FULL ? TIDU_ERROR_DISK_FULL : TIDU_ERROR_BACKUP,
                   _("The database needs an upgrade, but the backup copy “%s” could not be written, so nothing was changed. %s"),
                   display, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&backup);
}

/* Builds the schema of @version on an empty connection (the tokenizer registered): what a
 * received snapshot's sqlite_schema is compared with (tidu-snapshot.c). */
gboolean
tidu_database_create_schema (sqlite3     *db,
                             int          version,
                             GError     **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations (error);

  if (migrations == NULL)
    return FALSE;
  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int v = atoi (name);

      if (v > version)
        break;
      if (!run_migration (db, name, v, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (TiduDatabase  *self,
         GError       **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations (error);

  if (migrations == NULL)
    return FALSE;

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int version = atoi (name);

      if (version <= self->schema_version)
        continue;
      if (version > TIDU_SCHEMA_VERSION)
        break;

      if (!self->created && self->backup_path == NULL)
        {
          self->backup_path = backup_before_migration (self->db, self->path, self->schema_version, error);
          if (self->backup_path == NULL)
            return FALSE;
        }

      if (!run_migration (self->db, name, version, error))
        return FALSE;
      self->schema_version = version;
    }

  if (self->schema_version != TIDU_SCHEMA_VERSION)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_MIGRATION,
                   _("This build of Tidu lacks the upgrade to database version %d."),
                   TIDU_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, TIDU_ERROR, saved == EACCES || saved == EROFS ? TIDU_ERROR_READ_ONLY : TIDU_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
set_foreign_error (const char  *display,
                   GError     **error)
{
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_FOREIGN,
               _("“%s” belongs to another program: it is an SQLite database, but not a Tidu one. It was left unchanged."),
               display);
}

/* Refuses another program's file, or one written by a newer Tidu. */
static gboolean
check_identity (const char  *display,
                guint32      application_id,
                guint32      user_version,
                GError     **error)
{
  if (application_id != 0 && application_id != TIDU_APPLICATION_ID)
    {
      set_foreign_error (display, error);
      return FALSE;
    }
  if (application_id == TIDU_APPLICATION_ID && user_version > TIDU_SCHEMA_VERSION)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tidu (database version %u; this version reads up to %d). Update Tidu to open it. The file was left unchanged."),
                   display, user_version, TIDU_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/**
 * tidu_database_open:
 * @path: the database file
 * @flags: whether a missing file may be created
 *
 * Opens @path, creating it or upgrading its schema as needed. A file that is not SQLite, an
 * SQLite file of another program, or a file of a newer Tidu is refused without being touched.
 * Before upgrading an existing file a backup copy is written next to it.
 *
 * The returned object owns its own connection; it may be opened on a worker thread and then
 * used from another one.
 */
TiduDatabase *
tidu_database_open (const char             *path,
                    TiduDatabaseOpenFlags   flags,
                    GError                **error)
{
  g_autoptr(TiduDatabase) self = NULL;
  g_autofree char *display = NULL;
  FileKind kind;
  guint32 application_id = 0;
  guint32 user_version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);

  if (!inspect_file (path, &kind, &application_id, &user_version, error))
    return NULL;

  if (kind == FILE_MISSING && (flags & TIDU_DATABASE_OPEN_NO_CREATE))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO,
                   _("The database “%s” does not exist."), display);
      return NULL;
    }

  if (kind == FILE_SQLITE && !check_identity (display, application_id, user_version, error))
    return NULL;
  if (kind == FILE_MISSING && !ensure_folder (path, error))
    return NULL;

  self = g_object_new (TIDU_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Cannot open “%s”."), display);

      tidu_database_set_error (self->db, rc, what, error);
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  if (!tidu_tokenizer_register (self->db, error))
    return NULL;

  if (kind == FILE_SQLITE)
    {
      gint64 id = 0;
      gint64 version = 0;
      gint64 objects = 0;

      /* The header lags behind a WAL file that was never checkpointed (Tidu was killed, or
       * the file is open elsewhere): SQLite's own answer is the truth. Nothing is written
       * before the file is known to be ours. */
      if (!query_int (self->db, "PRAGMA application_id", &id, error) ||
          !query_int (self->db, "PRAGMA user_version", &version, error) ||
          !query_int (self->db, "SELECT count(*) FROM sqlite_schema", &objects, error))
        return NULL;
      if (!check_identity (display, (guint32) id, (guint32) version, error))
        return NULL;

      /* An SQLite file without our id is ours only if it is empty. */
      if (id == 0 && objects > 0)
        {
          set_foreign_error (display, error);
          return NULL;
        }
      if (id == 0)
        kind = FILE_MISSING;
      user_version = (guint32) version;
    }

  self->created = kind == FILE_MISSING;
  self->schema_version = self->created ? 0 : (int) user_version;

  /* A new file gets 16 KiB pages (SQLite's default is 4 KiB), before WAL mode fixes the size.
   * Every commit copies its pages from the WAL into the database one system call each: a
   * 100,000-firm import commits about 100 MB, 0.6 s with 4 KiB pages and 0.35 s with 16 KiB
   * (docs/adr/0010-fewer-firm-indexes.md). Existing files keep their page size. */
  if (self->created && !exec (self->db, "PRAGMA page_size = " G_STRINGIFY (TIDU_PAGE_SIZE), error))
    return NULL;
  if (!apply_pragmas (self->db, error))
    return NULL;

  if (self->schema_version < TIDU_SCHEMA_VERSION && !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Opens a validated private copy of a received snapshot (tidu-snapshot.c) read-only: no
 * journal, no locks, defensive, untrusted schema, lowered limits. The copy goes with the
 * object. Views stay enabled: the copy's schema was proven identical to ours, and the search
 * indexes read the *_live_text views. */
TiduDatabase *
tidu_database_open_private_copy (const char  *copy_path,
                                 const char  *shown_path,
                                 GError     **error)
{
  g_autoptr(TiduDatabase) self = g_object_new (TIDU_TYPE_DATABASE, NULL);
  g_autofree char *uri = NULL;
  char *escaped;
  gint64 version = 0;
  int rc;

  escaped = g_uri_escape_string (copy_path, "/", FALSE);
  uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  g_free (escaped);

  self->path = g_strdup (shown_path);
  self->read_only = TRUE;
  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      tidu_database_set_error (self->db, rc, NULL, error);
      g_unlink (copy_path);
      return NULL;
    }
  self->remove_on_close = g_strdup (copy_path);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_limit (self->db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
  sqlite3_limit (self->db, SQLITE_LIMIT_SQL_LENGTH, 1024 * 1024);
  if (!tidu_tokenizer_register (self->db, error) ||
      !exec (self->db, "PRAGMA query_only = ON; PRAGMA mmap_size = 0; PRAGMA cache_size = -32768;", error) ||
      !query_int (self->db, "PRAGMA user_version", &version, error))
    return NULL;
  self->schema_version = (int) version;
  return g_steal_pointer (&self);
}

const char *
tidu_database_get_path (TiduDatabase *self)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (self), NULL);
  return self->path;
}

int
tidu_database_get_schema_version (TiduDatabase *self)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (self), 0);
  return self->schema_version;
}

/* TRUE when this open created the file. */
gboolean
tidu_database_get_created (TiduDatabase *self)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (self), FALSE);
  return self->created;
}

/**
 * tidu_database_get_backup_path:
 *
 * Returns: (nullable): the backup this open wrote before upgrading the file, if it did.
 */
const char *
tidu_database_get_backup_path (TiduDatabase *self)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (self), NULL);
  return self->backup_path;
}

gboolean
tidu_database_get_read_only (TiduDatabase *self)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (self), FALSE);
  return self->read_only;
}

sqlite3 *
tidu_database_get_handle (TiduDatabase *self)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (self), NULL);
  return self->db;
}

sqlite3_stmt *
tidu_database_prepare (TiduDatabase  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      /* A statement the core wrote that does not prepare is a bug; say which one. */
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      tidu_database_set_error (self->db, rc, NULL, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
tidu_database_step_done (TiduDatabase  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* Core validates before writing, so a constraint reaching here is a rule the form did
       * not check; the message still must not be raw SQLite alone. */
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, "%s (%s)",
                   _("The change breaks a rule of the database and was not saved."),
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  return tidu_database_set_error (self->db, rc, NULL, error);
}

/* Savepoints open and close once per record saved inside a bigger transaction (an import
 * of 100,000 rows): a cached statement saves parsing them every time. */
static int
exec_savepoint (TiduDatabase *self,
                const char   *sql)
{
  sqlite3_stmt *stmt = tidu_database_prepare (self, sql, NULL);

  if (stmt == NULL)
    return sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  sqlite3_step (stmt);
  return sqlite3_reset (stmt);
}

gboolean
tidu_database_begin (TiduDatabase  *self,
                     GError       **error)
{
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (self), FALSE);

  rc = self->transaction_depth == 0 ? sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)
                                    : exec_savepoint (self, "SAVEPOINT tidu");
  if (rc != SQLITE_OK)
    return tidu_database_set_error (self->db, rc, NULL, error);
  self->transaction_depth++;
  return TRUE;
}

gboolean
tidu_database_commit (TiduDatabase  *self,
                      GError       **error)
{
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  rc = self->transaction_depth == 1 ? sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL)
                                    : exec_savepoint (self, "RELEASE tidu");
  if (rc != SQLITE_OK)
    {
      tidu_database_set_error (self->db, rc, NULL, error);
      tidu_database_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

void
tidu_database_rollback (TiduDatabase *self)
{
  g_return_if_fail (TIDU_IS_DATABASE (self));

  /* A failed commit has rolled back already; the caller's own rollback after it is a no-op
   * (inside a nested transaction it rolls back the enclosing level, which fails anyway). */
  if (self->transaction_depth == 0)
    return;

  if (self->transaction_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    sqlite3_exec (self->db, "ROLLBACK TO tidu; RELEASE tidu", NULL, NULL, NULL);
  self->transaction_depth--;
}

static gboolean
count_rows (TiduDatabase  *self,
            TiduEntity     entity,
            gboolean       deleted,
            gint64        *count,
            GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted_at IS %s",
                                          entities[entity].table, deleted ? "NOT NULL" : "NULL");

  return query_int (self->db, sql, count, error);
}

/**
 * tidu_database_count:
 * @count: (out): the number of live (not soft-deleted) rows of @entity
 */
gboolean
tidu_database_count (TiduDatabase  *self,
                     TiduEntity     entity,
                     gint64        *count,
                     GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (entity < TIDU_N_ENTITIES, FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  return count_rows (self, entity, FALSE, count, error);
}

/**
 * tidu_database_has_rows:
 * @has_rows: (out): whether @entity has at least one live row
 *
 * What an empty state needs to know, without counting 100,000 rows on the UI thread.
 */
gboolean
tidu_database_has_rows (TiduDatabase  *self,
                        TiduEntity     entity,
                        gboolean      *has_rows,
                        GError       **error)
{
  g_autofree char *sql = NULL;
  gint64 value = 0;

  g_return_val_if_fail (TIDU_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (entity < TIDU_N_ENTITIES, FALSE);

  sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s WHERE deleted_at IS NULL)", entities[entity].table);
  if (!query_int (self->db, sql, &value, error))
    return FALSE;
  *has_rows = value != 0;
  return TRUE;
}

/**
 * tidu_database_check:
 *
 * Runs SQLite's integrity and foreign-key checks and counts the rows of every entity.
 * Reads only: safe on any database this object opened.
 */
TiduCheckReport *
tidu_database_check (TiduDatabase  *self,
                     GError       **error)
{
  g_autoptr(TiduCheckReport) report = g_new0 (TiduCheckReport, 1);
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (self), NULL);

  report->path = g_strdup (self->path);
  report->sqlite_version = g_strdup (sqlite3_libversion ());
  report->schema_version = self->schema_version;

  if (!query_int (self->db, "PRAGMA application_id", &value, error))
    return NULL;
  report->application_id = (guint32) value;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check(20)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (problems->len > 0)
        g_string_append_c (problems, '\n');
      g_string_append (problems, line ? line : "?");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (self->db, rc, _("The integrity check could not run."), error);
      return NULL;
    }
  report->integrity_ok = problems->len == 0;
  report->integrity_message = g_strdup (problems->len == 0 ? "ok" : problems->str);

  stmt = NULL;
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tidu_database_set_error (self->db, rc, _("The integrity check could not run."), error);
      return NULL;
    }
  report->foreign_keys_ok = rc == SQLITE_DONE;

  for (guint e = 0; e < TIDU_N_ENTITIES; e++)
    {
      if (!count_rows (self, e, FALSE, &report->counts[e], error) ||
          !count_rows (self, e, TRUE, &report->deleted[e], error))
        return NULL;
    }

  if (g_stat (self->path, &st) == 0)
    report->size_bytes = (gint64) st.st_size;

  return g_steal_pointer (&report);
}

void
tidu_check_report_free (TiduCheckReport *report)
{
  if (report == NULL)
    return;
  g_free (report->path);
  g_free (report->sqlite_version);
  g_free (report->integrity_message);
  g_free (report);
}

char *
tidu_check_report_to_json (const TiduCheckReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, report->path);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, report->integrity_ok && report->foreign_keys_ok &&
                                  report->application_id == TIDU_APPLICATION_ID &&
                                  report->schema_version == TIDU_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, report->schema_version);
  json_builder_set_member_name (builder, "application_id");
  json_builder_add_int_value (builder, report->application_id);
  json_builder_set_member_name (builder, "integrity");
  json_builder_add_string_value (builder, report->integrity_message);
  json_builder_set_member_name (builder, "foreign_keys_ok");
  json_builder_add_boolean_value (builder, report->foreign_keys_ok);
  json_builder_set_member_name (builder, "size_bytes");
  json_builder_add_int_value (builder, report->size_bytes);
  json_builder_set_member_name (builder, "sqlite_version");
  json_builder_add_string_value (builder, report->sqlite_version);

  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  for (guint e = 0; e < TIDU_N_ENTITIES; e++)
    {
      json_builder_set_member_name (builder, entities[e].table);
      json_builder_add_int_value (builder, report->counts[e]);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "deleted");
  json_builder_begin_object (builder);
  for (guint e = 0; e < TIDU_N_ENTITIES; e++)
    {
      json_builder_set_member_name (builder, entities[e].table);
      json_builder_add_int_value (builder, report->deleted[e]);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

TiduDatabase *
tidu_database_open_again (TiduDatabase  *self,
                          GError       **error)
{
  TiduDatabase *again;

  g_return_val_if_fail (TIDU_IS_DATABASE (self), NULL);

  if (!self->read_only || self->remove_on_close == NULL)
    return tidu_database_open (self->path, TIDU_DATABASE_OPEN_NO_CREATE, error);

  /* The copy belongs to @self: this connection must neither remove it on close nor, when
   * it fails, on error; so open a second name for the same file. */
  {
    g_autofree char *uuid = g_uuid_string_random ();
    g_autofree char *link_path = g_strconcat (self->remove_on_close, "-", uuid, NULL);

    if (link (self->remove_on_close, link_path) != 0)
      {
        int saved = errno;

        g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not read the snapshot: %s"),
                     g_strerror (saved));
        return NULL;
      }
    again = tidu_database_open_private_copy (link_path, self->path, error);
  }

  return again;
}
