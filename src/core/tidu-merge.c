/* tidu-merge.c: merging a colleague's snapshot into the local database.
 *
 * Three-way without a stored base: each database logs when each field of each record was last
 * edited (tidu_changes, 0002-exchange.sql), and each remembers the snapshots it merged
 * (tidu_merges, with the colleague's export time). "Mine changed f since we diverged" is: my log
 * has f after the export time of my latest snapshot the colleague merged (found in the
 * colleague's own history, carried in the snapshot). "Theirs changed f" is: their log has f
 * after the export time of their latest snapshot I merged. Each time is compared only with
 * times of the same clock. Merges do not log (tidu_meta 'changes_paused'), so what one office
 * takes from the other is never mistaken for an edit. See docs/adr/0005-snapshots-and-merge.md.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-exchange-private.h"
#include "tidu-merge.h"
#include "tidu-record-private.h"

/* ---------------------------------------------------------------- tables */

typedef struct
{
  const char *table;
  const char *key[5];        /* natural key columns (after mapping references), or none */
  const char *required;      /* a key column that must not be NULL for a natural match */
  gboolean    with_trash;    /* the natural key is unique across the trash too */
  const char *title;         /* SQL for the title on the row aliased r; @S stands for the schema */
} TableInfo;

static const TableInfo table_info[] = {
  { "regions", { "parent_id", "name" }, NULL, FALSE, "r.name" },
  { "carriers", { "name", "region_id" }, NULL, FALSE, "r.name" },
  { "carrier_levels", { "carrier_id", "level", "recognized_on" }, NULL, FALSE,
    "(SELECT name FROM @S.carriers WHERE id = r.carrier_id) || ' · ' || r.level || ' ' || r.recognized_on" },
  { "carrier_years", { "carrier_id", "year" }, NULL, FALSE,
    "(SELECT name FROM @S.carriers WHERE id = r.carrier_id) || ' · ' || r.year" },
  { "firms", { "uscc" }, "uscc", TRUE, "r.name" },
  { "firm_tiers", { "firm_id", "tier", "certified_on" }, NULL, FALSE,
    "(SELECT name FROM @S.firms WHERE id = r.firm_id) || ' · ' || r.tier || ' ' || r.certified_on" },
  { "firm_years", { "firm_id", "year" }, NULL, FALSE,
    "(SELECT name FROM @S.firms WHERE id = r.firm_id) || ' · ' || r.year" },
  { "firm_stays", { "firm_id", "carrier_id", "entered_on" }, NULL, FALSE,
    "(SELECT name FROM @S.firms WHERE id = r.firm_id) || ' · ' || (SELECT name FROM @S.carriers WHERE id = r.carrier_id)" },
  { "talents", { "name", "firm_id" }, "firm_id", FALSE, "r.name" },
  { "talent_plans", { "name", "region_name" }, NULL, FALSE, "r.name" },
  { "talent_plan_categories", { "plan_id", "name" }, NULL, FALSE, "r.name" },
  { "talent_plan_batches", { "plan_id", "name", "year" }, NULL, FALSE,
    "(SELECT name FROM @S.talent_plans WHERE id = r.plan_id) || ' · ' || ifnull (r.name, r.year)" },
  { "talent_awards", { "plan_id", "talent_id", "firm_id", "batch_id" }, NULL, FALSE,
    "(SELECT name FROM @S.talents WHERE id = r.talent_id) || ' · ' || (SELECT name FROM @S.talent_plans WHERE id = r.plan_id)" },
  { "talent_award_members", { "award_id", "talent_id" }, NULL, FALSE,
    "(SELECT name FROM @S.talents WHERE id = r.talent_id)" },
  { "talent_award_instalments", { "award_id", "due_on" }, NULL, FALSE, "r.due_on || ' · ' || r.planned_amount" },
  { "policies", { "code", "version" }, NULL, FALSE, "r.title" },
  { "subsidy_awards", { NULL }, NULL, FALSE,
    "ifnull ((SELECT name FROM @S.firms WHERE id = r.firm_id), ifnull ((SELECT name FROM @S.carriers WHERE id = r.carrier_id),"
    " ifnull ((SELECT name FROM @S.talents WHERE id = r.talent_id), r.payee))) || ' · ' || r.rule_id" },
  { "targets", { "indicator", "parameter", "region_id", "start_year", "end_year" }, NULL, FALSE,
    "ifnull (r.title, r.indicator) || ' ' || r.start_year || '–' || r.end_year" },
  { "target_years", { "target_id", "year" }, NULL, FALSE,
    "(SELECT ifnull (title, indicator) FROM @S.targets WHERE id = r.target_id) || ' · ' || r.year" },
  { "promotion_events", { "name", "held_on" }, NULL, FALSE, "r.name || ' ' || r.held_on" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_info) == 20);

typedef struct
{
  const TableInfo *info;
  GPtrArray       *columns;    /* all columns, in table order */
  GHashTable      *references; /* column → referenced exchange table */
  GHashTable      *map;        /* their id → my id, for rows matched by natural key */
} Table;

static void
table_clear (Table *t)
{
  g_clear_pointer (&t->columns, g_ptr_array_unref);
  g_clear_pointer (&t->references, g_hash_table_unref);
  g_clear_pointer (&t->map, g_hash_table_unref);
}

static gboolean
is_meta_column (const char *column)
{
  return strcmp (column, "id") == 0 || strcmp (column, "created_at") == 0 || strcmp (column, "updated_at") == 0;
}

/* ---------------------------------------------------------------- records */

typedef struct
{
  guint                  table;        /* index into tidu_exchange_tables */
  char                  *id;
  char                  *their_id;
  char                  *title;
  TiduMergeKind          kind;
  TiduMergeConflictKind  conflict;
  gboolean               purged_mine;   /* I purged it; theirs exists */
  gboolean               theirs_gone;   /* they purged it */
  GPtrArray             *fields;        /* differing columns, NULL-terminated */
  GHashTable            *mine;          /* column → display text (absent: NULL) */
  GHashTable            *theirs;
  GHashTable            *conflicting;   /* set of columns */
  GHashTable            *take;          /* set of columns taken from theirs without asking */
  GHashTable            *resolution;    /* column → TiduMergeSide */
  TiduMergeSide          record_side;   /* for delete/edit conflicts */
} Record;

static void
record_free (gpointer data)
{
  Record *r = data;

  g_free (r->id);
  g_free (r->their_id);
  g_free (r->title);
  g_clear_pointer (&r->fields, g_ptr_array_unref);
  g_clear_pointer (&r->mine, g_hash_table_unref);
  g_clear_pointer (&r->theirs, g_hash_table_unref);
  g_clear_pointer (&r->conflicting, g_hash_table_unref);
  g_clear_pointer (&r->take, g_hash_table_unref);
  g_clear_pointer (&r->resolution, g_hash_table_unref);
  g_free (r);
}

static Record *
record_new (guint table)
{
  Record *r = g_new0 (Record, 1);

  r->table = table;
  r->fields = g_ptr_array_new_with_free_func (g_free);
  r->mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->theirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->conflicting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->take = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->resolution = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return r;
}

/* ---------------------------------------------------------------- the plan */

struct _TiduMergePlan
{
  GObject           parent_instance;

  TiduDatabase     *db;
  char             *copy;          /* the validated private copy of the snapshot */
  TiduSnapshotInfo *info;
  char             *my_id;
  char             *d_mine;        /* my clock: my latest snapshot they merged, or "" */
  char             *d_theirs;      /* their clock: their latest snapshot I merged, or "" */
  Table             tables[G_N_ELEMENTS (table_info)];
  GPtrArray        *records;
  TiduMergeCounts   counts;
  gint64            data_version;
  gint64            total_changes;
  gboolean          applied;
};

G_DEFINE_FINAL_TYPE (TiduMergePlan, tidu_merge_plan, G_TYPE_OBJECT)

static void
tidu_merge_plan_finalize (GObject *object)
{
  TiduMergePlan *self = (TiduMergePlan *) object;

  if (self->copy != NULL)
    g_unlink (self->copy);
  g_free (self->copy);
  g_clear_pointer (&self->info, tidu_snapshot_info_free);
  g_free (self->my_id);
  g_free (self->d_mine);
  g_free (self->d_theirs);
  for (guint i = 0; i < G_N_ELEMENTS (self->tables); i++)
    table_clear (&self->tables[i]);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (tidu_merge_plan_parent_class)->finalize (object);
}

static void
tidu_merge_plan_class_init (TiduMergePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tidu_merge_plan_finalize;
}

static void
tidu_merge_plan_init (TiduMergePlan *self)
{
  self->records = g_ptr_array_new_with_free_func (record_free);
}

/* ---------------------------------------------------------------- SQL helpers */

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

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      tidu_database_set_error (db, rc, NULL, error);
      return NULL;
    }
  return stmt;
}

static char *
text_or_null (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static char *
query_one (sqlite3     *db,
           const char  *sql,
           const char  *p1,
           gboolean    *ok,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare (db, sql, error);
  char *result = NULL;
  int rc;

  *ok = FALSE;
  if (stmt == NULL)
    return NULL;
  if (p1 != NULL)
    sqlite3_bind_text (stmt, 1, p1, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = text_or_null (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tidu_database_set_error (db, rc, NULL, error);
      return NULL;
    }
  *ok = TRUE;
  return result;
}

/* While a plan is computed, the statements run once per record are kept prepared (per
 * thread: the cache belongs to the plan being computed on it). */
static GPrivate statement_cache = G_PRIVATE_INIT (NULL);

static sqlite3_stmt *
prepare_cached (sqlite3     *db,
                const char  *sql,
                GError     **error)
{
  GHashTable *cache = g_private_get (&statement_cache);
  sqlite3_stmt *stmt = cache != NULL ? g_hash_table_lookup (cache, sql) : NULL;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = prepare (db, sql, error);
  if (stmt != NULL && cache != NULL)
    g_hash_table_insert (cache, g_strdup (sql), stmt);
  return stmt;
}

static void
release (sqlite3_stmt *stmt)
{
  if (g_private_get (&statement_cache) != NULL)
    sqlite3_reset (stmt);
  else
    sqlite3_finalize (stmt);
}

static gboolean
attach_copy (sqlite3     *db,
             const char  *copy,
             GError     **error)
{
  char *sql = sqlite3_mprintf ("ATTACH DATABASE %Q AS theirs", copy);
  gboolean ok = exec_sql (db, sql, error);

  sqlite3_free (sql);
  return ok;
}

static void
detach_copy (sqlite3 *db)
{
  sqlite3_exec (db, "DETACH DATABASE theirs", NULL, NULL, NULL);
}

static gboolean
load_tables (TiduMergePlan  *self,
             sqlite3        *db,
             GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_info); i++)
    {
      Table *t = &self->tables[i];
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt;

      g_assert (strcmp (table_info[i].table, tidu_exchange_tables[i]) == 0);
      t->info = &table_info[i];
      t->columns = g_ptr_array_new_with_free_func (g_free);
      t->references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      t->map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

      sql = g_strdup_printf ("PRAGMA main.table_info (\"%s\")", t->info->table);
      stmt = prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (t->columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);

      g_free (sql);
      sql = g_strdup_printf ("PRAGMA main.foreign_key_list (\"%s\")", t->info->table);
      stmt = prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *target = (const char *) sqlite3_column_text (stmt, 2);
          const char *from = (const char *) sqlite3_column_text (stmt, 3);

          for (guint j = 0; j < G_N_ELEMENTS (table_info); j++)
            if (g_strcmp0 (target, table_info[j].table) == 0)
              g_hash_table_insert (t->references, g_strdup (from), GUINT_TO_POINTER (j + 1));
        }
      sqlite3_finalize (stmt);
    }
  return TRUE;
}

/* Their value of a reference column, mapped to my id when the row it names was matched by
 * natural key. Returns the (possibly new) id, or @value. */
static const char *
map_reference (TiduMergePlan *self,
               Table         *t,
               const char    *column,
               const char    *value)
{
  guint target = GPOINTER_TO_UINT (g_hash_table_lookup (t->references, column));
  const char *mapped;

  if (target == 0 || value == NULL)
    return value;
  mapped = g_hash_table_lookup (self->tables[target - 1].map, value);
  return mapped != NULL ? mapped : value;
}

/* Loads one row as quoted values (exact, typed) and display text, by id, from @schema. */
static gboolean
load_row (sqlite3      *db,
          Table        *t,
          const char   *schema,
          const char   *id,
          GHashTable   *quoted,
          GHashTable   *display,
          gboolean     *found,
          GError      **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *stmt;
  guint n = t->columns->len;
  int rc;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%squote (\"%s\"), \"%s\"", i ? ", " : "",
                            (const char *) g_ptr_array_index (t->columns, i),
                            (const char *) g_ptr_array_index (t->columns, i));
  g_string_append_printf (sql, " FROM %s.\"%s\" WHERE id = ?1", schema, t->info->table);
  stmt = prepare_cached (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    for (guint i = 0; i < n; i++)
      {
        const char *column = g_ptr_array_index (t->columns, i);

        g_hash_table_insert (quoted, g_strdup (column), text_or_null (stmt, 2 * i));
        if (display != NULL)
          g_hash_table_insert (display, g_strdup (column), text_or_null (stmt, 2 * i + 1));
      }
  release (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_set_error (db, rc, NULL, error);
  return TRUE;
}

static GHashTable *
load_log (sqlite3     *db,
          const char  *schema,
          const char  *table,
          const char  *id,
          GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT field, changed_at FROM %s.tidu_changes WHERE tbl = ?1 AND row_id = ?2", schema);
  GHashTable *log = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = prepare_cached (db, sql, error);
  int rc;

  if (stmt == NULL)
    {
      g_hash_table_unref (log);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (log, text_or_null (stmt, 0), text_or_null (stmt, 1));
  release (stmt);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_unref (log);
      tidu_database_set_error (db, rc, NULL, error);
      return NULL;
    }
  return log;
}

static char *
load_title (sqlite3     *db,
            Table       *t,
            const char  *schema,
            const char  *id)
{
  g_auto(GStrv) parts = g_strsplit (t->info->title, "@S", -1);
  g_autofree char *expr = g_strjoinv (schema, parts);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s.\"%s\" AS r WHERE r.id = ?1", expr, schema, t->info->table);
  sqlite3_stmt *stmt = prepare_cached (db, sql, NULL);
  char *title = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        title = text_or_null (stmt, 0);
      release (stmt);
    }
  return title != NULL ? title : g_strdup (id);
}

static gboolean
changed_since (GHashTable *log,
               const char *field,
               const char *since)
{
  const char *at = g_hash_table_lookup (log, field);

  return at != NULL && strcmp (at, since) > 0;
}

static gboolean
any_changed_since (GHashTable *log,
                   const char *since,
                   const char *except)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, log);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (key, except) != 0 && strcmp (value, since) > 0)
      return TRUE;
  return FALSE;
}

static void
add_record (TiduMergePlan *self,
            Record        *r)
{
  switch (r->kind)
    {
    case TIDU_MERGE_IDENTICAL: self->counts.identical++; record_free (r); return;
    case TIDU_MERGE_NEW: self->counts.added++; break;
    case TIDU_MERGE_CHANGED: self->counts.changed++; break;
    case TIDU_MERGE_KEPT: self->counts.kept++; break;
    case TIDU_MERGE_DELETED: self->counts.deleted++; break;
    case TIDU_MERGE_CONFLICT: self->counts.conflicts++; break;
    default: g_assert_not_reached ();
    }
  g_ptr_array_add (r->fields, NULL);
  g_ptr_array_add (self->records, r);
}

/* Compares my row @my_id with their row @their_id, field by field. */
static gboolean
analyze_pair (TiduMergePlan  *self,
              sqlite3        *db,
              guint           ti,
              const char     *my_id,
              const char     *their_id,
              gboolean        natural,
              GError        **error)
{
  Table *t = &self->tables[ti];
  g_autoptr(GHashTable) mq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) tq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) mine_log = NULL;
  g_autoptr(GHashTable) their_log = NULL;
  Record *r = record_new (ti);
  gboolean found_m, found_t;
  gboolean mine_deleted, their_deleted;
  gboolean mine_new, their_new;
  gboolean take_delete = FALSE;

  r->id = g_strdup (my_id);
  r->their_id = g_strdup (their_id);
  if (!load_row (db, t, "main", my_id, mq, r->mine, &found_m, error) ||
      !load_row (db, t, "theirs", their_id, tq, r->theirs, &found_t, error))
    {
      record_free (r);
      return FALSE;
    }
  g_assert (found_m && found_t);

  /* References in their row name my rows where those were matched by natural key. */
  for (guint i = 0; i < t->columns->len; i++)
    {
      const char *column = g_ptr_array_index (t->columns, i);
      const char *value = g_hash_table_lookup (r->theirs, column);
      const char *mapped = map_reference (self, t, column, value);

      if (mapped != value)
        {
          g_hash_table_insert (tq, g_strdup (column), g_strdup_printf ("'%s'", mapped));
          g_hash_table_insert (r->theirs, g_strdup (column), g_strdup (mapped));
        }
    }

  mine_log = load_log (db, "main", t->info->table, my_id, error);
  their_log = mine_log ? load_log (db, "theirs", t->info->table, their_id, error) : NULL;
  if (their_log == NULL)
    {
      record_free (r);
      return FALSE;
    }

  /* Rows created independently (matched by natural key) are new on the side that made them
   * since the exchange. */
  mine_new = natural && g_strcmp0 (g_hash_table_lookup (r->mine, "created_at"), self->d_mine) > 0;
  their_new = natural && g_strcmp0 (g_hash_table_lookup (r->theirs, "created_at"), self->d_theirs) > 0;
  mine_deleted = g_hash_table_lookup (r->mine, "deleted_at") != NULL;
  their_deleted = g_hash_table_lookup (r->theirs, "deleted_at") != NULL;

  for (guint i = 0; i < t->columns->len; i++)
    {
      const char *column = g_ptr_array_index (t->columns, i);
      gboolean m, th;

      if (is_meta_column (column))
        continue;
      if (strcmp (column, "deleted_at") == 0)
        {
          if (mine_deleted == their_deleted)
            continue;
        }
      else if (g_strcmp0 (g_hash_table_lookup (mq, column), g_hash_table_lookup (tq, column)) == 0)
        continue;

      g_ptr_array_add (r->fields, g_strdup (column));
      m = mine_new || changed_since (mine_log, column, self->d_mine);
      th = their_new || changed_since (their_log, column, self->d_theirs);
      if (th && !m)
        {
          g_hash_table_add (r->take, g_strdup (column));
          if (strcmp (column, "deleted_at") == 0 && their_deleted)
            take_delete = TRUE;
        }
      else if (th && m)
        g_hash_table_add (r->conflicting, g_strdup (column));
      /* Only mine changed, or neither did (the value came to one side from elsewhere, or a
       * redacted snapshot left it out): mine stays, listed as kept. */
    }

  if (r->fields->len == 0)
    r->kind = TIDU_MERGE_IDENTICAL;
  else if (their_deleted && !mine_deleted && (take_delete || g_hash_table_contains (r->conflicting, "deleted_at")) &&
           any_changed_since (mine_log, self->d_mine, "deleted_at"))
    {
      /* They deleted it, I edited it since. */
      r->kind = TIDU_MERGE_CONFLICT;
      r->conflict = TIDU_MERGE_CONFLICT_EDIT_DELETE;
      g_hash_table_remove_all (r->take);
      g_hash_table_remove_all (r->conflicting);
    }
  else if (mine_deleted && !their_deleted && changed_since (mine_log, "deleted_at", self->d_mine) &&
           any_changed_since (their_log, self->d_theirs, "deleted_at"))
    {
      /* I deleted it, they edited it since. */
      r->kind = TIDU_MERGE_CONFLICT;
      r->conflict = TIDU_MERGE_CONFLICT_DELETE_EDIT;
      g_hash_table_remove_all (r->take);
      g_hash_table_remove_all (r->conflicting);
    }
  else if (g_hash_table_size (r->conflicting) > 0)
    {
      r->kind = TIDU_MERGE_CONFLICT;
      r->conflict = TIDU_MERGE_CONFLICT_FIELDS;
    }
  else if (take_delete)
    r->kind = TIDU_MERGE_DELETED;
  else if (g_hash_table_size (r->take) > 0)
    r->kind = TIDU_MERGE_CHANGED;
  else
    r->kind = TIDU_MERGE_KEPT;

  if (r->kind != TIDU_MERGE_IDENTICAL)
    r->title = load_title (db, t, "main", my_id);
  add_record (self, r);
  return TRUE;
}

/* Their row without a row of mine with the same id. */
static gboolean
analyze_theirs_only (TiduMergePlan  *self,
                     sqlite3        *db,
                     guint           ti,
                     const char     *their_id,
                     GError        **error)
{
  Table *t = &self->tables[ti];
  g_autoptr(GHashTable) tq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) tv = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *purged = NULL;
  g_autofree char *match = NULL;
  gboolean found;
  Record *r;

  if (!load_row (db, t, "theirs", their_id, tq, tv, &found, error))
    return FALSE;

  {
    sqlite3_stmt *stmt = prepare_cached (db, "SELECT purged_at FROM main.tidu_tombstones WHERE tbl = ?1 AND row_id = ?2", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, t->info->table, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, their_id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      purged = text_or_null (stmt, 0);
    release (stmt);
  }

  if (purged != NULL)
    {
      g_autoptr(GHashTable) their_log = load_log (db, "theirs", t->info->table, their_id, error);

      if (their_log == NULL)
        return FALSE;
      if (!any_changed_since (their_log, self->d_theirs, NULL))
        {
          self->counts.identical++;   /* gone here, and they did not touch it */
          return TRUE;
        }
      r = record_new (ti);
      r->their_id = g_strdup (their_id);
      r->purged_mine = TRUE;
      r->kind = TIDU_MERGE_CONFLICT;
      r->conflict = TIDU_MERGE_CONFLICT_DELETE_EDIT;
      r->title = load_title (db, t, "theirs", their_id);
      g_hash_table_unref (r->theirs);
      r->theirs = g_steal_pointer (&tv);
      add_record (self, r);
      return TRUE;
    }

  /* Natural key, with their references mapped to my rows. */
  if (t->info->key[0] != NULL &&
      (t->info->required == NULL || g_hash_table_lookup (tv, t->info->required) != NULL) &&
      (t->info->with_trash || g_hash_table_lookup (tv, "deleted_at") == NULL))
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      sqlite3_stmt *stmt;
      guint k;

      g_string_printf (sql, "SELECT id FROM main.\"%s\" AS m WHERE ", t->info->table);
      for (k = 0; k < G_N_ELEMENTS (t->info->key) && t->info->key[k] != NULL; k++)
        g_string_append_printf (sql, "m.\"%s\" IS ?%u AND ", t->info->key[k], k + 1);
      if (!t->info->with_trash)
        g_string_append (sql, "m.deleted_at IS NULL AND ");
      g_string_append_printf (sql, "NOT EXISTS (SELECT 1 FROM theirs.\"%s\" AS x WHERE x.id = m.id) LIMIT 1",
                              t->info->table);
      stmt = prepare_cached (db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (k = 0; k < G_N_ELEMENTS (t->info->key) && t->info->key[k] != NULL; k++)
        {
          const char *column = t->info->key[k];
          const char *quoted = g_hash_table_lookup (tq, column);
          const char *value = map_reference (self, t, column, g_hash_table_lookup (tv, column));

          /* Typed like the column: numbers stay numbers. */
          if (value == NULL)
            sqlite3_bind_null (stmt, k + 1);
          else if (quoted != NULL && quoted[0] != '\'' && quoted[0] != 'X')
            sqlite3_bind_int64 (stmt, k + 1, g_ascii_strtoll (value, NULL, 10));
          else
            sqlite3_bind_text (stmt, k + 1, value, -1, SQLITE_TRANSIENT);
        }
      if (sqlite3_step (stmt) == SQLITE_ROW)
        match = text_or_null (stmt, 0);
      release (stmt);
    }

  if (match != NULL)
    {
      g_hash_table_insert (t->map, g_strdup (their_id), g_strdup (match));
      return analyze_pair (self, db, ti, match, their_id, TRUE, error);
    }

  r = record_new (ti);
  r->their_id = g_strdup (their_id);
  r->kind = TIDU_MERGE_NEW;
  r->title = load_title (db, t, "theirs", their_id);
  g_hash_table_unref (r->theirs);
  r->theirs = g_steal_pointer (&tv);
  add_record (self, r);
  return TRUE;
}

/* My row that they purged. */
static gboolean
analyze_theirs_purged (TiduMergePlan  *self,
                       sqlite3        *db,
                       guint           ti,
                       const char     *my_id,
                       gboolean        mine_deleted,
                       GError        **error)
{
  Table *t = &self->tables[ti];
  g_autoptr(GHashTable) mine_log = NULL;
  g_autoptr(GHashTable) mq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean found;
  Record *r;

  if (mine_deleted)
    {
      self->counts.identical++;
      return TRUE;
    }
  mine_log = load_log (db, "main", t->info->table, my_id, error);
  if (mine_log == NULL)
    return FALSE;
  r = record_new (ti);
  r->id = g_strdup (my_id);
  r->theirs_gone = TRUE;
  if (!load_row (db, t, "main", my_id, mq, r->mine, &found, error))
    {
      record_free (r);
      return FALSE;
    }
  g_ptr_array_add (r->fields, g_strdup ("deleted_at"));
  if (any_changed_since (mine_log, self->d_mine, NULL))
    {
      r->kind = TIDU_MERGE_CONFLICT;
      r->conflict = TIDU_MERGE_CONFLICT_EDIT_DELETE;
    }
  else
    {
      r->kind = TIDU_MERGE_DELETED;
      g_hash_table_add (r->take, g_strdup ("deleted_at"));
    }
  r->title = load_title (db, t, "main", my_id);
  add_record (self, r);
  return TRUE;
}

static GPtrArray *
query_ids (sqlite3     *db,
           const char  *sql,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare (db, sql, error);
  GPtrArray *ids;
  int rc;

  if (stmt == NULL)
    return NULL;
  ids = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, text_or_null (stmt, 0));
      g_ptr_array_add (ids, sqlite3_column_int (stmt, 1) ? g_strdup ("1") : NULL);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (ids);
      tidu_database_set_error (db, rc, NULL, error);
      return NULL;
    }
  return ids;
}

static gboolean
analyze_table (TiduMergePlan  *self,
               sqlite3        *db,
               guint           ti,
               GCancellable   *cancellable,
               GError        **error)
{
  Table *t = &self->tables[ti];
  const char *name = t->info->table;
  g_autoptr(GString) differ = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *sql = NULL;
  gboolean first = TRUE;
  gint64 pairs;

  /* 1. Same id on both sides, some field different. */
  g_string_printf (differ, "SELECT t.id, 0 FROM theirs.\"%s\" AS t JOIN main.\"%s\" AS m ON m.id = t.id WHERE NOT (",
                   name, name);
  for (guint i = 0; i < t->columns->len; i++)
    {
      const char *column = g_ptr_array_index (t->columns, i);

      if (is_meta_column (column))
        continue;
      if (!first)
        g_string_append (differ, " AND ");
      first = FALSE;
      if (strcmp (column, "deleted_at") == 0)
        g_string_append (differ, "(t.deleted_at IS NULL) = (m.deleted_at IS NULL)");
      else
        g_string_append_printf (differ, "t.\"%s\" IS m.\"%s\"", column, column);
    }
  g_string_append (differ, ")");
  ids = query_ids (db, differ->str, error);
  if (ids == NULL)
    return FALSE;
  pairs = ids->len / 2;
  for (guint i = 0; i < ids->len; i += 2)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !analyze_pair (self, db, ti, id, id, FALSE, error))
        return FALSE;
    }
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* 2. Only theirs has the id: new, matched by natural key, or purged here. Regions parents
   * first, so their children's parent_id is mapped. */
  if (strcmp (name, "regions") == 0)
    sql = g_strdup ("WITH RECURSIVE d (id, depth) AS ("
                    " SELECT id, 0 FROM theirs.regions WHERE parent_id IS NULL"
                    " UNION ALL SELECT r.id, d.depth + 1 FROM theirs.regions r JOIN d ON r.parent_id = d.id WHERE d.depth < 64)"
                    " SELECT t.id, 0 FROM theirs.regions t LEFT JOIN d ON d.id = t.id"
                    " WHERE NOT EXISTS (SELECT 1 FROM main.regions m WHERE m.id = t.id)"
                    " ORDER BY ifnull (d.depth, 1000)");
  else
    sql = g_strdup_printf ("SELECT t.id, 0 FROM theirs.\"%s\" AS t WHERE NOT EXISTS (SELECT 1 FROM main.\"%s\" AS m WHERE m.id = t.id)",
                           name, name);
  ids = query_ids (db, sql, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i += 2)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !analyze_theirs_only (self, db, ti, g_ptr_array_index (ids, i), error))
        return FALSE;
    }
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* 3. Mine, purged on their side. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT m.id, m.deleted_at IS NOT NULL FROM main.\"%s\" AS m JOIN theirs.tidu_tombstones AS tb"
                         " ON tb.tbl = '%s' AND tb.row_id = m.id", name, name);
  ids = query_ids (db, sql, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i += 2)
    if (!analyze_theirs_purged (self, db, ti, g_ptr_array_index (ids, i), g_ptr_array_index (ids, i + 1) != NULL, error))
      return FALSE;

  /* Rows the same on both sides by id. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM theirs.\"%s\" AS t JOIN main.\"%s\" AS m ON m.id = t.id", name, name);
  {
    gboolean ok;
    g_autofree char *n = query_one (db, sql, NULL, &ok, error);

    if (!ok)
      return FALSE;
    /* The pairs analysed above were counted there. */
    self->counts.identical += g_ascii_strtoll (n, NULL, 10) - pairs;
  }
  return TRUE;
}

TiduMergePlan *
tidu_merge_plan_new (TiduDatabase      *db,
                     const char        *snapshot_path,
                     GCancellable      *cancellable,
                     TiduProgressFunc   progress,
                     gpointer           progress_data,
                     GError           **error)
{
  g_autoptr(TiduMergePlan) self = NULL;
  sqlite3 *handle;
  gboolean ok = FALSE;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (snapshot_path != NULL, NULL);

  if (tidu_database_get_read_only (db))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_READ_ONLY, _("A snapshot opened for browsing cannot take a merge."));
      return NULL;
    }

  self = g_object_new (TIDU_TYPE_MERGE_PLAN, NULL);
  self->db = g_object_ref (db);
  handle = tidu_database_get_handle (db);

  if (progress != NULL)
    progress (0.0, progress_data);
  if (!tidu_snapshot_validate (snapshot_path, cancellable, &self->copy, &self->info, error))
    return NULL;
  g_debug ("merge: snapshot validated after %.2f s", (g_get_monotonic_time () - started) / 1e6);
  if (self->info->schema_version != TIDU_SCHEMA_VERSION)
    {
      g_autofree char *display = g_filename_display_name (snapshot_path);

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_TOO_NEW,
                   _("“%s” has database version %d; merging needs version %d. Ask for a snapshot made with this version of Tidu."),
                   display, self->info->schema_version, TIDU_SCHEMA_VERSION);
      return NULL;
    }
  self->my_id = tidu_database_dup_id (db, error);
  if (self->my_id == NULL)
    return NULL;
  if (progress != NULL)
    progress (0.2, progress_data);

  if (!attach_copy (handle, self->copy, error))
    return NULL;
  g_private_set (&statement_cache, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize));

  if (!load_tables (self, handle, error))
    goto out;

  self->d_mine = query_one (handle, "SELECT max (exported_at) FROM theirs.tidu_merges WHERE source_database_id = ?1 AND undone_at IS NULL",
                            self->my_id, &ok, error);
  if (!ok)
    goto out;
  self->d_theirs = query_one (handle, "SELECT max (exported_at) FROM main.tidu_merges WHERE source_database_id = ?1 AND undone_at IS NULL",
                              self->info->database_id, &ok, error);
  if (!ok)
    goto out;
  if (self->d_mine == NULL)
    self->d_mine = g_strdup ("");
  if (self->d_theirs == NULL)
    self->d_theirs = g_strdup ("");
  ok = FALSE;

  if (!exec_sql (handle, "BEGIN", error))
    goto out;
  for (guint ti = 0; ti < G_N_ELEMENTS (table_info); ti++)
    {
      if (!analyze_table (self, handle, ti, cancellable, error))
        {
          sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
          goto out;
        }
      if (progress != NULL)
        progress (0.2 + 0.8 * (ti + 1) / G_N_ELEMENTS (table_info), progress_data);
    }
  {
    gboolean okv;
    g_autofree char *v = query_one (handle, "PRAGMA main.data_version", NULL, &okv, error);

    sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
    if (!okv)
      goto out;
    self->data_version = g_ascii_strtoll (v, NULL, 10);
    self->total_changes = sqlite3_total_changes64 (handle);
  }
  ok = TRUE;
  g_debug ("merge: plan computed after %.2f s", (g_get_monotonic_time () - started) / 1e6);

out:
  {
    GHashTable *cache = g_private_get (&statement_cache);

    /* Statements on the snapshot go before it is detached. */
    g_private_set (&statement_cache, NULL);
    g_hash_table_unref (cache);
  }
  detach_copy (handle);
  if (!ok)
    return NULL;
  return g_steal_pointer (&self);
}

/* ---------------------------------------------------------------- accessors */

static Record *
get_record (TiduMergePlan *plan,
            guint          index)
{
  g_return_val_if_fail (TIDU_IS_MERGE_PLAN (plan), NULL);
  g_return_val_if_fail (index < plan->records->len, NULL);
  return g_ptr_array_index (plan->records, index);
}

const TiduSnapshotInfo *
tidu_merge_plan_get_snapshot_info (TiduMergePlan *plan)
{
  g_return_val_if_fail (TIDU_IS_MERGE_PLAN (plan), NULL);
  return plan->info;
}

void
tidu_merge_plan_get_counts (TiduMergePlan   *plan,
                            TiduMergeCounts *counts)
{
  g_return_if_fail (TIDU_IS_MERGE_PLAN (plan));
  *counts = plan->counts;
}

guint
tidu_merge_plan_get_n_records (TiduMergePlan *plan)
{
  g_return_val_if_fail (TIDU_IS_MERGE_PLAN (plan), 0);
  return plan->records->len;
}

const char *
tidu_merge_plan_get_table (TiduMergePlan *plan,
                           guint          index)
{
  Record *r = get_record (plan, index);

  return r ? tidu_exchange_tables[r->table] : NULL;
}

const char *
tidu_merge_plan_get_id (TiduMergePlan *plan,
                        guint          index)
{
  Record *r = get_record (plan, index);

  return r ? r->id : NULL;
}

const char *
tidu_merge_plan_get_their_id (TiduMergePlan *plan,
                              guint          index)
{
  Record *r = get_record (plan, index);

  return r ? r->their_id : NULL;
}

const char *
tidu_merge_plan_get_title (TiduMergePlan *plan,
                           guint          index)
{
  Record *r = get_record (plan, index);

  return r ? r->title : NULL;
}

TiduMergeKind
tidu_merge_plan_get_kind (TiduMergePlan *plan,
                          guint          index)
{
  Record *r = get_record (plan, index);

  return r ? r->kind : TIDU_MERGE_IDENTICAL;
}

TiduMergeConflictKind
tidu_merge_plan_get_conflict (TiduMergePlan *plan,
                              guint          index)
{
  Record *r = get_record (plan, index);

  return r ? r->conflict : TIDU_MERGE_CONFLICT_NONE;
}

const char * const *
tidu_merge_plan_get_fields (TiduMergePlan *plan,
                            guint          index)
{
  Record *r = get_record (plan, index);

  return r ? (const char * const *) r->fields->pdata : NULL;
}

const char *
tidu_merge_plan_get_mine (TiduMergePlan *plan,
                          guint          index,
                          const char    *field)
{
  Record *r = get_record (plan, index);

  return r ? g_hash_table_lookup (r->mine, field) : NULL;
}

const char *
tidu_merge_plan_get_theirs (TiduMergePlan *plan,
                            guint          index,
                            const char    *field)
{
  Record *r = get_record (plan, index);

  return r ? g_hash_table_lookup (r->theirs, field) : NULL;
}

gboolean
tidu_merge_plan_field_conflicts (TiduMergePlan *plan,
                                 guint          index,
                                 const char    *field)
{
  Record *r = get_record (plan, index);

  return r != NULL && g_hash_table_contains (r->conflicting, field);
}

static TiduMergeSide
record_resolution (Record *r)
{
  GHashTableIter iter;
  gpointer key;
  TiduMergeSide side = TIDU_MERGE_SIDE_UNRESOLVED;
  gboolean first = TRUE;

  if (r->kind != TIDU_MERGE_CONFLICT)
    return TIDU_MERGE_SIDE_UNRESOLVED;
  if (r->conflict != TIDU_MERGE_CONFLICT_FIELDS)
    return r->record_side;
  g_hash_table_iter_init (&iter, r->conflicting);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TiduMergeSide s = GPOINTER_TO_INT (g_hash_table_lookup (r->resolution, key));

      if (first)
        side = s;
      else if (s != side)
        return TIDU_MERGE_SIDE_UNRESOLVED;
      first = FALSE;
    }
  return side;
}

TiduMergeSide
tidu_merge_plan_get_resolution (TiduMergePlan *plan,
                                guint          index,
                                const char    *field)
{
  Record *r = get_record (plan, index);

  if (r == NULL)
    return TIDU_MERGE_SIDE_UNRESOLVED;
  if (field == NULL)
    return record_resolution (r);
  return GPOINTER_TO_INT (g_hash_table_lookup (r->resolution, field));
}

void
tidu_merge_plan_resolve_record (TiduMergePlan *plan,
                                guint          index,
                                TiduMergeSide  side)
{
  Record *r = get_record (plan, index);
  GHashTableIter iter;
  gpointer key;

  if (r == NULL || r->kind != TIDU_MERGE_CONFLICT)
    return;
  r->record_side = side;
  g_hash_table_iter_init (&iter, r->conflicting);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_insert (r->resolution, g_strdup (key), GINT_TO_POINTER (side));
}

gboolean
tidu_merge_plan_resolve_field (TiduMergePlan *plan,
                               guint          index,
                               const char    *field,
                               TiduMergeSide  side)
{
  Record *r = get_record (plan, index);

  if (r == NULL || !g_hash_table_contains (r->conflicting, field))
    return FALSE;
  g_hash_table_insert (r->resolution, g_strdup (field), GINT_TO_POINTER (side));
  return TRUE;
}

void
tidu_merge_plan_resolve_all (TiduMergePlan *plan,
                             TiduMergeSide  side,
                             gboolean       only_unresolved)
{
  g_return_if_fail (TIDU_IS_MERGE_PLAN (plan));

  for (guint i = 0; i < plan->records->len; i++)
    {
      Record *r = g_ptr_array_index (plan->records, i);
      GHashTableIter iter;
      gpointer key;

      if (r->kind != TIDU_MERGE_CONFLICT)
        continue;
      if (r->conflict != TIDU_MERGE_CONFLICT_FIELDS)
        {
          if (!only_unresolved || r->record_side == TIDU_MERGE_SIDE_UNRESOLVED)
            r->record_side = side;
          continue;
        }
      g_hash_table_iter_init (&iter, r->conflicting);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!only_unresolved || !g_hash_table_lookup (r->resolution, key))
          g_hash_table_insert (r->resolution, g_strdup (key), GINT_TO_POINTER (side));
    }
}

static gboolean
record_unresolved (Record *r)
{
  GHashTableIter iter;
  gpointer key;

  if (r->kind != TIDU_MERGE_CONFLICT)
    return FALSE;
  if (r->conflict != TIDU_MERGE_CONFLICT_FIELDS)
    return r->record_side == TIDU_MERGE_SIDE_UNRESOLVED;
  g_hash_table_iter_init (&iter, r->conflicting);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_lookup (r->resolution, key))
      return TRUE;
  return FALSE;
}

guint
tidu_merge_plan_count_unresolved (TiduMergePlan *plan)
{
  guint n = 0;

  g_return_val_if_fail (TIDU_IS_MERGE_PLAN (plan), 0);
  for (guint i = 0; i < plan->records->len; i++)
    if (record_unresolved (g_ptr_array_index (plan->records, i)))
      n++;
  return n;
}

static const char *
kind_to_string (TiduMergeKind kind)
{
  static const char *names[] = { "identical", "new", "changed", "kept", "deleted", "conflict" };

  return names[kind];
}

static const char *
conflict_to_string (TiduMergeConflictKind kind)
{
  static const char *names[] = { NULL, "fields", "delete_edit", "edit_delete" };

  return names[kind];
}

static const char *
side_to_string (TiduMergeSide side)
{
  static const char *names[] = { NULL, "mine", "theirs" };

  return names[side];
}

static void
add_nullable (JsonBuilder *b,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_counts (JsonBuilder           *b,
            const TiduMergeCounts *c)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "new");
  json_builder_add_int_value (b, c->added);
  json_builder_set_member_name (b, "changed");
  json_builder_add_int_value (b, c->changed);
  json_builder_set_member_name (b, "identical");
  json_builder_add_int_value (b, c->identical);
  json_builder_set_member_name (b, "kept");
  json_builder_add_int_value (b, c->kept);
  json_builder_set_member_name (b, "deleted");
  json_builder_add_int_value (b, c->deleted);
  json_builder_set_member_name (b, "conflicts");
  json_builder_add_int_value (b, c->conflicts);
  json_builder_end_object (b);
}

char *
tidu_merge_plan_to_json (TiduMergePlan *plan)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (TIDU_IS_MERGE_PLAN (plan), NULL);

  json_builder_begin_object (b);
  add_nullable (b, "file", plan->info->path);
  add_nullable (b, "source_database_id", plan->info->database_id);
  add_nullable (b, "officer", plan->info->officer);
  add_nullable (b, "exported_at", plan->info->exported_at);
  json_builder_set_member_name (b, "counts");
  add_counts (b, &plan->counts);
  json_builder_set_member_name (b, "unresolved");
  json_builder_add_int_value (b, tidu_merge_plan_count_unresolved (plan));
  json_builder_set_member_name (b, "records");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->records->len; i++)
    {
      Record *r = g_ptr_array_index (plan->records, i);

      json_builder_begin_object (b);
      add_nullable (b, "table", tidu_exchange_tables[r->table]);
      add_nullable (b, "id", r->id);
      add_nullable (b, "their_id", r->their_id);
      add_nullable (b, "title", r->title);
      add_nullable (b, "kind", kind_to_string (r->kind));
      add_nullable (b, "conflict", conflict_to_string (r->conflict));
      add_nullable (b, "resolution", side_to_string (record_resolution (r)));
      json_builder_set_member_name (b, "fields");
      json_builder_begin_array (b);
      for (guint f = 0; f + 1 < r->fields->len; f++)
        {
          const char *field = g_ptr_array_index (r->fields, f);

          json_builder_begin_object (b);
          add_nullable (b, "name", field);
          add_nullable (b, "mine", g_hash_table_lookup (r->mine, field));
          add_nullable (b, "theirs", g_hash_table_lookup (r->theirs, field));
          json_builder_set_member_name (b, "conflict");
          json_builder_add_boolean_value (b, g_hash_table_contains (r->conflicting, field));
          add_nullable (b, "resolution", side_to_string (GPOINTER_TO_INT (g_hash_table_lookup (r->resolution, field))));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* ---------------------------------------------------------------- apply */

typedef struct
{
  sqlite3    *db;
  const char *merge_id;
  gint64      seq;
} Undo;

static char *
row_image_sql (Table      *t,
               const char *schema)
{
  GString *sql = g_string_new ("SELECT json_array (");

  for (guint i = 0; i < t->columns->len; i++)
    g_string_append_printf (sql, "%squote (\"%s\")", i ? ", " : "", (const char *) g_ptr_array_index (t->columns, i));
  g_string_append_printf (sql, ") FROM %s.\"%s\" WHERE id = ?1", schema, t->info->table);
  return g_string_free (sql, FALSE);
}

/* Remembers the row as it is (NULL when @inserted) before the merge writes it. */
static gboolean
undo_before (Undo        *u,
             Table       *t,
             const char  *id,
             gboolean     inserted,
             GError     **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (!inserted)
    {
      g_autofree char *sql = row_image_sql (t, "main");
      gboolean ok;

      before = query_one (u->db, sql, id, &ok, error);
      if (!ok)
        return FALSE;
    }
  stmt = prepare (u->db, "INSERT INTO main.tidu_merge_undo (merge_id, seq, tbl, row_id, before) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, u->merge_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, ++u->seq);
  sqlite3_bind_text (stmt, 3, t->info->table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, id, -1, SQLITE_TRANSIENT);
  if (before != NULL)
    sqlite3_bind_text (stmt, 5, before, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (u->db, rc, NULL, error);
  return TRUE;
}

static gboolean
run (sqlite3      *db,
     const char   *sql,
     const char   *p1,
     const char   *p2,
     const char   *p3,
     GError      **error)
{
  sqlite3_stmt *stmt = prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (p1 != NULL)
    sqlite3_bind_text (stmt, 1, p1, -1, SQLITE_TRANSIENT);
  if (p2 != NULL)
    sqlite3_bind_text (stmt, 2, p2, -1, SQLITE_TRANSIENT);
  if (p3 != NULL)
    sqlite3_bind_text (stmt, 3, p3, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, "%s (%s)",
                       _("A record of the snapshot clashes with a record of this database."), sqlite3_errmsg (db));
          return FALSE;
        }
      return tidu_database_set_error (db, rc, NULL, error);
    }
  return TRUE;
}

/* Writes their mapped references into my row @my_id. */
static gboolean
fix_references (TiduMergePlan *self,
                sqlite3       *db,
                Table         *t,
                const char    *my_id,
                const char    *their_id,
                GHashTable    *only,
                GError       **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, t->references);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *column = key;
      g_autofree char *sql = NULL;
      g_autofree char *value = NULL;
      const char *mapped;
      gboolean ok;

      if (only != NULL && !g_hash_table_contains (only, column))
        continue;
      /* Nothing of the referenced table was matched by natural key: nothing to map. */
      if (g_hash_table_size (self->tables[GPOINTER_TO_UINT (g_hash_table_lookup (t->references, column)) - 1].map) == 0)
        continue;
      sql = g_strdup_printf ("SELECT \"%s\" FROM theirs.\"%s\" WHERE id = ?1", column, t->info->table);
      value = query_one (db, sql, their_id, &ok, error);
      if (!ok)
        return FALSE;
      mapped = map_reference (self, t, column, value);
      if (mapped != value)
        {
          g_free (sql);
          sql = g_strdup_printf ("UPDATE main.\"%s\" SET \"%s\" = ?1 WHERE id = ?2", t->info->table, column);
          if (!run (db, sql, mapped, my_id, NULL, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_theirs (TiduMergePlan *self,
               sqlite3       *db,
               Undo          *u,
               Table         *t,
               const char    *their_id,
               gboolean       purged_here,
               GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO main.\"%s\" SELECT * FROM theirs.\"%s\" WHERE id = ?1",
                                          t->info->table, t->info->table);

  return undo_before (u, t, their_id, TRUE, error) &&
         run (db, sql, their_id, NULL, NULL, error) &&
         (!purged_here ||
          run (db, "DELETE FROM main.tidu_tombstones WHERE tbl = ?1 AND row_id = ?2", t->info->table, their_id, NULL, error)) &&
         fix_references (self, db, t, their_id, their_id, NULL, error);
}

static gboolean
take_fields (TiduMergePlan *self,
             sqlite3       *db,
             Undo          *u,
             Table         *t,
             Record        *r,
             GHashTable    *fields,
             GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean first = TRUE;

  if (g_hash_table_size (fields) == 0)
    return TRUE;
  if (!undo_before (u, t, r->id, FALSE, error))
    return FALSE;

  if (r->their_id == NULL)
    {
      /* They purged it: to the trash here. */
      g_autofree char *now = tidu_record_timestamp ();
      g_autofree char *update = g_strdup_printf ("UPDATE main.\"%s\" SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
                                                 t->info->table);

      return run (db, update, now, r->id, NULL, error);
    }

  g_string_printf (sql, "UPDATE main.\"%s\" SET (", t->info->table);
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_string_append_printf (sql, "%s\"%s\"", first ? "" : ", ", (const char *) key);
      first = FALSE;
    }
  g_string_append (sql, ", updated_at) = (SELECT ");
  first = TRUE;
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_string_append_printf (sql, "%s\"%s\"", first ? "" : ", ", (const char *) key);
      first = FALSE;
    }
  g_string_append_printf (sql, ", max (t.updated_at, (SELECT updated_at FROM main.\"%s\" WHERE id = ?1)) FROM theirs.\"%s\" AS t WHERE t.id = ?2) WHERE id = ?1",
                          t->info->table, t->info->table);
  return run (db, sql->str, r->id, r->their_id, NULL, error) &&
         fix_references (self, db, t, r->id, r->their_id, fields, error);
}

static gboolean
apply_record (TiduMergePlan *self,
              sqlite3       *db,
              Undo          *u,
              Record        *r,
              GError       **error)
{
  Table *t = &self->tables[r->table];
  g_autoptr(GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  switch (r->kind)
    {
    case TIDU_MERGE_IDENTICAL:
    case TIDU_MERGE_KEPT:
      return TRUE;
    case TIDU_MERGE_NEW:
      return insert_theirs (self, db, u, t, r->their_id, r->purged_mine, error);
    case TIDU_MERGE_CHANGED:
    case TIDU_MERGE_DELETED:
      g_hash_table_iter_init (&iter, r->take);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (fields, key);
      return take_fields (self, db, u, t, r, fields, error);
    case TIDU_MERGE_CONFLICT:
      break;
    default:
      g_assert_not_reached ();
    }

  switch (r->conflict)
    {
    case TIDU_MERGE_CONFLICT_FIELDS:
      g_hash_table_iter_init (&iter, r->take);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (fields, key);
      g_hash_table_iter_init (&iter, r->resolution);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_INT (value) == TIDU_MERGE_SIDE_THEIRS)
          g_hash_table_add (fields, key);
      return take_fields (self, db, u, t, r, fields, error);

    case TIDU_MERGE_CONFLICT_DELETE_EDIT:
      if (r->record_side != TIDU_MERGE_SIDE_THEIRS)
        return TRUE;
      if (r->purged_mine)
        return insert_theirs (self, db, u, t, r->their_id, r->purged_mine, error);
      /* Their edited record comes back whole. */
      for (guint i = 0; i < t->columns->len; i++)
        if (!is_meta_column (g_ptr_array_index (t->columns, i)))
          g_hash_table_add (fields, g_ptr_array_index (t->columns, i));
      return take_fields (self, db, u, t, r, fields, error);

    case TIDU_MERGE_CONFLICT_EDIT_DELETE:
      if (r->record_side != TIDU_MERGE_SIDE_THEIRS)
        return TRUE;
      g_hash_table_add (fields, (gpointer) "deleted_at");
      return take_fields (self, db, u, t, r, fields, error);

    case TIDU_MERGE_CONFLICT_NONE:
    default:
      return TRUE;
    }
}

/* A copy of the database as it is, next to it. The online backup API copies pages as they are
 * (several times faster than VACUUM INTO on 100,000 firms); free pages do not matter for a
 * local backup that never leaves the machine. */
static char *
write_backup (sqlite3     *db,
              const char  *path,
              GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *backup = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *copy;
  int rc;

  for (int attempt = 0; ; attempt++)
    {
      g_free (backup);
      backup = attempt == 0 ? g_strdup_printf ("%s.backup-merge-%s", path, stamp)
                            : g_strdup_printf ("%s.backup-merge-%s-%d", path, stamp, attempt);
      if (!g_file_test (backup, G_FILE_TEST_EXISTS))
        break;
    }

  rc = sqlite3_open_v2 (backup, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      copy = sqlite3_backup_init (target, "main", db, "main");
      if (copy == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          rc = sqlite3_backup_step (copy, -1);
          sqlite3_backup_finish (copy);
          if (rc == SQLITE_DONE)
            rc = sqlite3_errcode (target);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (target, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *display = g_filename_display_name (backup);
      g_autofree char *journal = g_strconcat (backup, "-journal", NULL);
      g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
      g_autofree char *shm = g_strconcat (backup, "-shm", NULL);

      tidu_database_set_error (target, rc, NULL, &local_error);
      sqlite3_close_v2 (target);
      g_unlink (backup);
      g_unlink (journal);
      g_unlink (wal);
      g_unlink (shm);
      g_set_error (error, TIDU_ERROR, local_error->code == TIDU_ERROR_DISK_FULL ? TIDU_ERROR_DISK_FULL : TIDU_ERROR_BACKUP,
                   _("The backup copy “%s” could not be written, so nothing was merged. %s"), display, local_error->message);
      return NULL;
    }
  sqlite3_close_v2 (target);
  return g_steal_pointer (&backup);
}

gboolean
tidu_merge_plan_apply (TiduMergePlan     *plan,
                       GCancellable      *cancellable,
                       TiduProgressFunc   progress,
                       gpointer           progress_data,
                       char             **merge_id_out,
                       GError           **error)
{
  sqlite3 *db;
  g_autofree char *backup = NULL;
  g_autofree char *merge_id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *v = NULL;
  gboolean ok;
  Undo u = { 0 };
  sqlite3_stmt *stmt;
  gint64 started = g_get_monotonic_time ();
  int rc;

  g_return_val_if_fail (TIDU_IS_MERGE_PLAN (plan), FALSE);

  db = tidu_database_get_handle (plan->db);
  if (plan->applied)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, _("This merge was already applied."));
      return FALSE;
    }
  if (tidu_merge_plan_count_unresolved (plan) > 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE, "%u conflict is not resolved yet: choose mine or theirs for it. Nothing was merged.",
                                "%u conflicts are not resolved yet: choose mine or theirs for each. Nothing was merged.",
                                tidu_merge_plan_count_unresolved (plan)),
                   tidu_merge_plan_count_unresolved (plan));
      return FALSE;
    }
  v = query_one (db, "PRAGMA main.data_version", NULL, &ok, error);
  if (!ok)
    return FALSE;
  if (g_ascii_strtoll (v, NULL, 10) != plan->data_version || sqlite3_total_changes64 (db) != plan->total_changes)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                   _("The database changed after the merge was prepared. Prepare it again; nothing was merged."));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (progress != NULL)
    progress (0.0, progress_data);
  backup = write_backup (db, tidu_database_get_path (plan->db), error);
  if (backup == NULL)
    return FALSE;
  g_debug ("merge: backup written after %.2f s", (g_get_monotonic_time () - started) / 1e6);
  if (progress != NULL)
    progress (0.3, progress_data);

  if (!attach_copy (db, plan->copy, error))
    return FALSE;
  if (!tidu_database_begin (plan->db, error))
    {
      detach_copy (db);
      return FALSE;
    }

  merge_id = tidu_record_new_id ();
  now = tidu_record_timestamp ();
  u.db = db;
  u.merge_id = merge_id;

  if (!exec_sql (db, "PRAGMA defer_foreign_keys = ON;"
                     "INSERT OR REPLACE INTO main.tidu_meta (key, value) VALUES ('changes_paused', '1')", error))
    goto fail;

  stmt = prepare (db, "INSERT INTO main.tidu_merges (id, file, source_database_id, officer, exported_at, merged_at, backup_path,"
                      " added, changed, identical, kept, deleted, conflicts) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, merge_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, plan->info->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plan->info->database_id, -1, SQLITE_STATIC);
  if (plan->info->officer != NULL)
    sqlite3_bind_text (stmt, 4, plan->info->officer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, plan->info->exported_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, backup, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, plan->counts.added);
  sqlite3_bind_int64 (stmt, 9, plan->counts.changed);
  sqlite3_bind_int64 (stmt, 10, plan->counts.identical);
  sqlite3_bind_int64 (stmt, 11, plan->counts.kept);
  sqlite3_bind_int64 (stmt, 12, plan->counts.deleted);
  sqlite3_bind_int64 (stmt, 13, plan->counts.conflicts);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (db, rc, NULL, error);
      goto fail;
    }

  for (guint i = 0; i < plan->records->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !apply_record (plan, db, &u, g_ptr_array_index (plan->records, i), error))
        goto fail;
      if (progress != NULL && (i % 256) == 0)
        progress (0.3 + 0.65 * i / plan->records->len, progress_data);
    }

  /* What undo checks: the rows as the merge left them. */
  if (!exec_sql (db, "DELETE FROM main.tidu_meta WHERE key = 'changes_paused'", error))
    goto fail;
  for (guint ti = 0; ti < G_N_ELEMENTS (table_info); ti++)
    {
      char *sql = sqlite3_mprintf ("UPDATE main.tidu_merge_undo SET after_updated_at ="
                                   " (SELECT updated_at FROM main.\"%w\" AS r WHERE r.id = row_id)"
                                   " WHERE merge_id = %Q AND tbl = %Q", table_info[ti].table, merge_id, table_info[ti].table);

      ok = exec_sql (db, sql, error);
      sqlite3_free (sql);
      if (!ok)
        goto fail;
    }

  if (!tidu_database_commit (plan->db, error))
    {
      detach_copy (db);
      return FALSE;
    }
  detach_copy (db);
  g_debug ("merge: applied after %.2f s", (g_get_monotonic_time () - started) / 1e6);
  plan->applied = TRUE;
  if (progress != NULL)
    progress (1.0, progress_data);
  if (merge_id_out != NULL)
    *merge_id_out = g_steal_pointer (&merge_id);
  return TRUE;

fail:
  tidu_database_rollback (plan->db);
  detach_copy (db);
  return FALSE;
}

/* ---------------------------------------------------------------- history and undo */

void
tidu_merge_history_entry_free (TiduMergeHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->file);
  g_free (entry->source_database_id);
  g_free (entry->officer);
  g_free (entry->exported_at);
  g_free (entry->merged_at);
  g_free (entry->backup_path);
  g_free (entry->undone_at);
  g_free (entry);
}

GPtrArray *
tidu_merge_list_history (TiduDatabase  *db,
                         GError       **error)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt;
  GPtrArray *entries;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  handle = tidu_database_get_handle (db);
  stmt = prepare (handle, "SELECT id, file, source_database_id, officer, exported_at, merged_at, backup_path,"
                          " added, changed, identical, kept, deleted, conflicts, undone_at"
                          " FROM tidu_merges ORDER BY merged_at DESC, rowid DESC", error);
  if (stmt == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_merge_history_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduMergeHistoryEntry *e = g_new0 (TiduMergeHistoryEntry, 1);

      e->id = text_or_null (stmt, 0);
      e->file = text_or_null (stmt, 1);
      e->source_database_id = text_or_null (stmt, 2);
      e->officer = text_or_null (stmt, 3);
      e->exported_at = text_or_null (stmt, 4);
      e->merged_at = text_or_null (stmt, 5);
      e->backup_path = text_or_null (stmt, 6);
      e->counts.added = sqlite3_column_int64 (stmt, 7);
      e->counts.changed = sqlite3_column_int64 (stmt, 8);
      e->counts.identical = sqlite3_column_int64 (stmt, 9);
      e->counts.kept = sqlite3_column_int64 (stmt, 10);
      e->counts.deleted = sqlite3_column_int64 (stmt, 11);
      e->counts.conflicts = sqlite3_column_int64 (stmt, 12);
      e->undone_at = text_or_null (stmt, 13);
      g_ptr_array_add (entries, e);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (entries);
      tidu_database_set_error (handle, rc, NULL, error);
      return NULL;
    }
  return entries;
}

static GPtrArray *
columns_of (GHashTable *cache,
            sqlite3    *db,
            const char *table)
{
  GPtrArray *columns = g_hash_table_lookup (cache, table);

  if (columns == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA main.table_info (\"%s\")", table);
      sqlite3_stmt *stmt = prepare (db, sql, NULL);

      columns = g_ptr_array_new_with_free_func (g_free);
      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
      g_hash_table_insert (cache, g_strdup (table), columns);
    }
  return columns;
}

static gboolean
known_table (const char *table)
{
  for (guint i = 0; i < tidu_exchange_n_tables; i++)
    if (g_strcmp0 (table, tidu_exchange_tables[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
tidu_merge_undo (TiduDatabase  *db,
                 const char    *merge_id,
                 GError       **error)
{
  sqlite3 *handle;
  g_autofree char *latest = NULL;
  g_autoptr(GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autofree char *now = tidu_record_timestamp ();
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  handle = tidu_database_get_handle (db);

  latest = query_one (handle, "SELECT id FROM tidu_merges WHERE undone_at IS NULL ORDER BY merged_at DESC, rowid DESC LIMIT 1",
                      NULL, &ok, error);
  if (!ok)
    return FALSE;
  if (latest == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no merge to undo."));
      return FALSE;
    }
  if (merge_id != NULL && g_strcmp0 (merge_id, latest) != 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                   _("Only the latest merge can be undone; undo the later ones first."));
      return FALSE;
    }

  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!exec_sql (handle, "INSERT OR REPLACE INTO tidu_meta (key, value) VALUES ('changes_paused', '1')", error))
    goto fail;

  stmt = prepare (handle, "SELECT tbl, row_id, before, after_updated_at FROM tidu_merge_undo WHERE merge_id = ?1 ORDER BY seq DESC", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, latest, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      const char *row_id = (const char *) sqlite3_column_text (stmt, 1);
      const char *before = (const char *) sqlite3_column_text (stmt, 2);
      const char *after = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *current = NULL;
      g_autofree char *sql = NULL;

      if (!known_table (table))
        continue;
      sql = g_strdup_printf ("SELECT updated_at FROM \"%s\" WHERE id = ?1", table);
      current = query_one (handle, sql, row_id, &ok, error);
      if (!ok)
        goto fail;
      if (g_strcmp0 (current, after) != 0)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                       _("The merge cannot be undone: records it wrote were changed since. Nothing was changed."));
          goto fail;
        }
      g_clear_pointer (&sql, g_free);
      if (before == NULL)
        {
          sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE id = ?1", table);
          if (!run (handle, sql, row_id, NULL, NULL, error))
            goto fail;
        }
      else
        {
          GPtrArray *columns = columns_of (cache, handle, table);
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GString) update = g_string_new (NULL);
          JsonArray *values;

          if (!json_parser_load_from_data (parser, before, -1, error))
            goto fail;
          values = json_node_get_array (json_parser_get_root (parser));
          if (json_array_get_length (values) != columns->len)
            {
              g_set_error (error, TIDU_ERROR, TIDU_ERROR_FAILED, _("The merge cannot be undone: its undo data does not fit the table."));
              goto fail;
            }
          /* The values were written by quote (): SQL literals of our own database. */
          g_string_printf (update, "UPDATE \"%s\" SET ", table);
          for (guint i = 0; i < columns->len; i++)
            g_string_append_printf (update, "%s\"%s\" = %s", i ? ", " : "",
                                    (const char *) g_ptr_array_index (columns, i),
                                    json_array_get_string_element (values, i));
          g_string_append (update, " WHERE id = ?1");
          if (!run (handle, update->str, row_id, NULL, NULL, error))
            goto fail;
        }
    }
  sqlite3_finalize (g_steal_pointer (&stmt));
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (handle, rc, NULL, error);
      goto fail;
    }

  if (!run (handle, "UPDATE tidu_merges SET undone_at = ?1 WHERE id = ?2", now, latest, NULL, error) ||
      !run (handle, "DELETE FROM tidu_merge_undo WHERE merge_id = ?1", latest, NULL, NULL, error) ||
      !exec_sql (handle, "DELETE FROM tidu_meta WHERE key = 'changes_paused'", error))
    goto fail;
  return tidu_database_commit (db, error);

fail:
  sqlite3_finalize (stmt);
  tidu_database_rollback (db);
  return FALSE;
}

/* ---------------------------------------------------------------- labels */

const char *
tidu_merge_table_get_label (const char *table)
{
  static const struct { const char *table; const char *label; } labels[] = {
    { "regions", N_("Regions") },
    { "carriers", N_("Innovation carriers") },
    { "carrier_levels", N_("Carrier recognitions") },
    { "carrier_years", N_("Carrier yearly statistics") },
    { "firms", N_("Firms") },
    { "firm_tiers", N_("Certifications") },
    { "firm_years", N_("Yearly indicators") },
    { "firm_stays", N_("Stays in carriers") },
    { "talents", N_("Talents") },
    { "talent_plans", N_("Talent plans") },
    { "talent_plan_categories", N_("Talent plan categories") },
    { "talent_plan_batches", N_("Talent plan batches") },
    { "talent_awards", N_("Talent awards") },
    { "talent_award_members", N_("Team members") },
    { "talent_award_instalments", N_("Instalments") },
    { "policies", N_("Policies") },
    { "subsidy_awards", N_("Subsidy ledger entries") },
    { "targets", N_("Targets") },
    { "target_years", N_("Yearly targets") },
    { "promotion_events", N_("Promotion events") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (table, labels[i].table) == 0)
      return _(labels[i].label);
  return table;
}

const char *
tidu_merge_field_get_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "name", N_("Name") },
    { "uscc", N_("Unified social credit code") },
    { "region_id", N_("Region") },
    { "industry", N_("Industry") },
    { "tech_field", N_("Technology field") },
    { "founded_on", N_("Founded") },
    { "address", N_("Address") },
    { "legal_person", N_("Legal representative") },
    { "contact_name", N_("Contact person") },
    { "contact_phone", N_("Contact phone") },
    { "contact_email", N_("Contact e-mail") },
    { "notes", N_("Notes") },
    { "deleted_at", N_("Deleted") },
    { "kind", N_("Kind") },
    { "level", N_("Level") },
    { "operator", N_("Operator") },
    { "year", N_("Year") },
    { "firm_id", N_("Firm") },
    { "carrier_id", N_("Carrier") },
    { "talent_id", N_("Talent") },
    { "plan_id", N_("Talent plan") },
    { "status", N_("Status") },
    { "title", N_("Title") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i].field) == 0)
      return _(labels[i].label);
  return field;
}
