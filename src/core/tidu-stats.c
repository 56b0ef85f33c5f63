/* tidu-stats.c: statistics of the tier ladder and of carriers.
 *
 * The ladder is one GROUP BY over the certifications held on the day (the firm_tiers_tier
 * index). The progression, the transitions and their firms come from one pass over the
 * certifications in firm order (the covering firm_tiers_current index): per firm and tier, a
 * bit per year end says whether the firm held the tier then, so the counts of a year are bit
 * tests. Carrier figures come from one pass over the stays of the chosen carriers (a few
 * thousand rows). Filters become IN (…) subqueries on the firm id, which SQLite evaluates once.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-firm.h"
#include "tidu-record-private.h"
#include "tidu-stats-private.h"
#include "tidu-target.h"
#include "tidu-tier-private.h"

/* Year ends in one pass: the years asked for plus the one before; bits of a guint64. */
#define MAX_YEARS 60

/* ------------------------------------------------------------------ filters */

TiduStatsFilter *
tidu_stats_filter_new (void)
{
  TiduStatsFilter *filter = g_new0 (TiduStatsFilter, 1);

  g_date_clear (&filter->date, 1);
  return filter;
}

void
tidu_stats_filter_free (TiduStatsFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->region_id);
  g_free (filter->carrier_id);
  g_free (filter->industry);
  g_free (filter->tech_field);
  g_free (filter);
}

TiduStatsFilter *
tidu_stats_filter_copy (const TiduStatsFilter *filter)
{
  TiduStatsFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_memdup2 (filter, sizeof *filter);
  copy->region_id = g_strdup (filter->region_id);
  copy->carrier_id = g_strdup (filter->carrier_id);
  copy->industry = g_strdup (filter->industry);
  copy->tech_field = g_strdup (filter->tech_field);
  return copy;
}

void
tidu_stats_filter_resolve (const TiduStatsFilter *filter,
                           GDate                 *date,
                           int                   *from_year,
                           int                   *to_year)
{
  GDate day;
  int to, from;

  g_date_clear (&day, 1);
  if (filter != NULL && g_date_valid (&filter->date))
    day = filter->date;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  to = filter != NULL && filter->to_year != 0 ? filter->to_year : g_date_get_year (&day);
  from = filter != NULL && filter->from_year != 0 ? filter->from_year : to - 4;
  if (date != NULL)
    *date = day;
  if (from_year != NULL)
    *from_year = from;
  if (to_year != NULL)
    *to_year = to;
}

void
tidu_stats_year_end (int          year,
                     const GDate *date,
                     GDate       *end)
{
  g_return_if_fail (end != NULL);
  g_return_if_fail (year >= 1 && year <= 9999);

  g_date_clear (end, 1);
  if (date != NULL && g_date_valid (date) && g_date_get_year (date) == year)
    *end = *date;
  else
    g_date_set_dmy (end, 31, G_DATE_DECEMBER, year);
}

static gboolean
filter_fail (GError    **error,
             const char *message)
{
  g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID, message);
  return FALSE;
}

gboolean
tidu_stats_filter_check (TiduDatabase           *db,
                         const TiduStatsFilter  *filter,
                         GError                **error)
{
  GError *local = NULL;
  int from, to;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  tidu_stats_filter_resolve (filter, NULL, &from, &to);
  if (from < TIDU_YEAR_MIN || from > TIDU_YEAR_MAX)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                   _("The first year, %d, is not between %d and %d."), from, TIDU_YEAR_MIN, TIDU_YEAR_MAX);
      return FALSE;
    }
  if (to < TIDU_YEAR_MIN || to > TIDU_YEAR_MAX)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                   _("The last year, %d, is not between %d and %d."), to, TIDU_YEAR_MIN, TIDU_YEAR_MAX);
      return FALSE;
    }
  if (from > to)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                   _("The first year, %d, is after the last year, %d."), from, to);
      return FALSE;
    }
  if (to - from + 1 > MAX_YEARS)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                   _("The years span %d years; statistics cover at most %d at a time."),
                   to - from + 1, MAX_YEARS);
      return FALSE;
    }

  if (!tidu_text_is_empty (filter->region_id))
    {
      TiduRowState state = tidu_record_row_state (db, "regions", filter->region_id, &local);

      if (state == TIDU_ROW_ERROR)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (state != TIDU_ROW_LIVE)
        return filter_fail (error, state == TIDU_ROW_TRASHED
                                   ? _("The region of the filter is in the trash.")
                                   : _("The region of the filter does not exist."));
    }
  if (!tidu_text_is_empty (filter->carrier_id))
    {
      TiduRowState state = tidu_record_row_state (db, "carriers", filter->carrier_id, &local);

      if (state == TIDU_ROW_ERROR)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      if (state != TIDU_ROW_LIVE)
        return filter_fail (error, state == TIDU_ROW_TRASHED
                                   ? _("The carrier of the filter is in the trash.")
                                   : _("The carrier of the filter does not exist."));
    }
  if (!tidu_text_is_empty (filter->tech_field))
    {
      gboolean exists = FALSE;

      if (!tidu_record_row_exists (db, "SELECT 1 FROM tech_fields WHERE code = ?1",
                                   filter->tech_field, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                       _("“%s” is not one of the 高新技术领域 (tech field of the filter)."), filter->tech_field);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tidu_stats_filter_set_by_name (TiduDatabase     *db,
                               TiduStatsFilter  *filter,
                               TiduStatsField    field,
                               const char       *text,
                               GError          **error)
{
  static const char *sql[] = {
    [TIDU_STATS_FIELD_REGION] = "SELECT id FROM regions WHERE deleted_at IS NULL AND (id = ?1 OR name = ?1) LIMIT 2",
    [TIDU_STATS_FIELD_CARRIER] = "SELECT id FROM carriers WHERE deleted_at IS NULL AND (id = ?1 OR name = ?1) LIMIT 2",
    [TIDU_STATS_FIELD_TECH_FIELD] = "SELECT code FROM tech_fields WHERE code = ?1 OR name_zh = ?1 OR name_en = ?1 LIMIT 2",
  };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (field <= TIDU_STATS_FIELD_TECH_FIELD, FALSE);

  stripped = tidu_text_stripped (text != NULL ? text : "");
  stmt = tidu_database_prepare (db, sql[field], error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, stripped);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, tidu_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);

  if (found->len != 1)
    {
      switch (field)
        {
        case TIDU_STATS_FIELD_REGION:
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       found->len == 0 ? _("Region: no region is called “%s”.")
                                       : _("Region: several regions are called “%s”; give the region’s id."),
                       stripped);
          break;
        case TIDU_STATS_FIELD_CARRIER:
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       found->len == 0 ? _("Carrier: no carrier is called “%s”.")
                                       : _("Carrier: several carriers are called “%s”; give the carrier’s id."),
                       stripped);
          break;
        case TIDU_STATS_FIELD_TECH_FIELD:
        default:
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("Tech field: “%s” is not one of the 高新技术领域."), stripped);
          break;
        }
      return FALSE;
    }

  switch (field)
    {
    case TIDU_STATS_FIELD_REGION:
      tidu_text_replace (&filter->region_id, g_strdup (g_ptr_array_index (found, 0)));
      break;
    case TIDU_STATS_FIELD_CARRIER:
      tidu_text_replace (&filter->carrier_id, g_strdup (g_ptr_array_index (found, 0)));
      break;
    case TIDU_STATS_FIELD_TECH_FIELD:
    default:
      tidu_text_replace (&filter->tech_field, g_strdup (g_ptr_array_index (found, 0)));
      break;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ SQL pieces */

static gboolean
has_firm_conditions (const TiduStatsFilter *f)
{
  return !tidu_text_is_empty (f->region_id) || !tidu_text_is_empty (f->carrier_id)
         || !tidu_text_is_empty (f->industry) || !tidu_text_is_empty (f->tech_field);
}

/* The regions of the filter: its region and every live region below it. */
void
tidu_stats_append_region_tree (GString               *sql,
                               const TiduStatsFilter *f)
{
  if (tidu_text_is_empty (f->region_id))
    return;
  g_string_append (sql,
                   "WITH RECURSIVE region_tree (id) AS ("
                   "SELECT id FROM regions WHERE id = :region AND deleted_at IS NULL "
                   "UNION SELECT r.id FROM regions AS r JOIN region_tree AS t ON r.parent_id = t.id "
                   "WHERE r.deleted_at IS NULL) ");
}

/* Conditions on the firms row @alias (after its "deleted_at IS NULL"). */
static void
append_firm_conditions (GString               *sql,
                        const TiduStatsFilter *f,
                        const char            *alias)
{
  if (!tidu_text_is_empty (f->region_id))
    g_string_append_printf (sql, " AND %s.region_id IN (SELECT id FROM region_tree)", alias);
  if (!tidu_text_is_empty (f->industry))
    g_string_append_printf (sql, " AND %s.industry = :industry", alias);
  if (!tidu_text_is_empty (f->tech_field))
    g_string_append_printf (sql, " AND %s.tech_field = :tech_field", alias);
  if (!tidu_text_is_empty (f->carrier_id))
    g_string_append_printf (sql, " AND %s.id IN (SELECT s.firm_id FROM firm_stays AS s "
                            "WHERE s.carrier_id = :carrier AND s.deleted_at IS NULL)", alias);
}

/* " AND @column is a live firm the filter selects". */
void
tidu_stats_append_firm_filter (GString               *sql,
                               const TiduStatsFilter *f,
                               const char            *column)
{
  if (has_firm_conditions (f))
    {
      /* A region's live firms from the covering firms_live_region_id. */
      g_string_append_printf (sql, " AND %s IN (SELECT f.id FROM firms AS f%s WHERE f.deleted_at IS NULL", column,
                              tidu_text_is_empty (f->region_id) ? "" : " INDEXED BY firms_live_region_id");
      append_firm_conditions (sql, f, "f");
      g_string_append (sql, ")");
    }
  else
    g_string_append_printf (sql, " AND %s NOT IN (SELECT id FROM firms WHERE deleted_at IS NOT NULL)", column);
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    tidu_bind_text (stmt, index, value);
}

void
tidu_stats_bind_filter (sqlite3_stmt          *stmt,
                        const TiduStatsFilter *f)
{
  bind_named_text (stmt, ":region", f->region_id);
  bind_named_text (stmt, ":carrier", f->carrier_id);
  bind_named_text (stmt, ":industry", f->industry);
  bind_named_text (stmt, ":tech_field", f->tech_field);
}

void
tidu_stats_bind_date (sqlite3_stmt *stmt,
                      const char   *name,
                      const GDate  *date)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    tidu_bind_date (stmt, index, date);
}

static void
date_to_text (const GDate *date,
              char         text[11])
{
  g_snprintf (text, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date), (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

/* The ladder's tiers, lowest first. */
GPtrArray *
tidu_stats_ladder_tiers (TiduDatabase  *db,
                         GError       **error)
{
  return tidu_record_list_rows (db,
                                "SELECT code, name_zh, name_en, rank, validity, validity_years FROM tiers "
                                "WHERE line = 'ladder' ORDER BY rank",
                                NULL, NULL, (TiduRowFunc) tidu_stats_tier_from_row,
                                (GDestroyNotify) tidu_vocab_item_free, error);
}

gpointer
tidu_stats_tier_from_row (sqlite3_stmt *stmt)
{
  TiduVocabItem *item = g_new0 (TiduVocabItem, 1);
  g_autofree char *validity = NULL;

  item->code = tidu_column_text (stmt, 0);
  item->name_zh = tidu_column_text (stmt, 1);
  item->name_en = tidu_column_text (stmt, 2);
  item->rank = sqlite3_column_int (stmt, 3);
  validity = tidu_column_text (stmt, 4);
  if (!tidu_validity_from_string (validity, &item->validity))
    item->validity = TIDU_VALIDITY_UNTIL_REVOKED;
  item->validity_years = sqlite3_column_int (stmt, 5);
  return item;
}

static int
tier_index (GPtrArray  *tiers,
            const char *code)
{
  if (code == NULL)
    return -1;
  for (guint i = 0; i < tiers->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (tiers, i);

      if (strcmp (item->code, code) == 0)
        return (int) i;
    }
  return -1;
}

/* Reads are consistent over several statements: a savepoint outside any transaction is a
 * deferred (read) transaction; inside the caller's it nests. */
gboolean
tidu_stats_begin_read (TiduDatabase  *db,
                       GError       **error)
{
  sqlite3 *handle = tidu_database_get_handle (db);
  int rc = sqlite3_exec (handle, "SAVEPOINT tidu_stats", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return tidu_database_set_error (handle, rc, NULL, error);
  return TRUE;
}

void
tidu_stats_end_read (TiduDatabase *db)
{
  sqlite3_exec (tidu_database_get_handle (db), "RELEASE tidu_stats", NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ the ladder */

void
tidu_ladder_free (TiduLadder *ladder)
{
  if (ladder == NULL)
    return;
  g_clear_pointer (&ladder->tiers, g_ptr_array_unref);
  g_free (ladder->counts);
  g_free (ladder);
}

gint64
tidu_ladder_get_count (const TiduLadder *ladder,
                       const char       *tier_code)
{
  int i;

  g_return_val_if_fail (ladder != NULL, 0);

  i = tier_index (ladder->tiers, tier_code);
  return i < 0 ? 0 : ladder->counts[i];
}

/* Firms by their highest ladder tier held on @date: firm id → 1 + the tier's index in @tiers.
 * The certifications held that day are read from the covering firm_tiers_held index as two
 * ranges, those valid on or after the day and the open-ended ones: together the rule of
 * TIDU_TIER_HELD_ON, without reading the certifications that ended before (a fifth of them are
 * left); the highest tier per firm is kept in a hash table rather than sorted by SQLite. */
static GHashTable *
ladder_highest (TiduDatabase           *db,
                const TiduStatsFilter  *f,
                GPtrArray              *tiers,
                const GDate            *date,
                GError                **error)
{
  g_autoptr(GHashTable) highest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  tidu_stats_append_region_tree (sql, f);
  g_string_append (sql,
                   "SELECT ft.firm_id, ft.tier FROM firm_tiers AS ft INDEXED BY firm_tiers_held "
                   "WHERE ft.deleted_at IS NULL AND ft.valid_until >= :date AND ft.certified_on <= :date "
                   "AND (ft.revoked_on IS NULL OR ft.revoked_on > :date)");
  tidu_stats_append_firm_filter (sql, f, "ft.firm_id");
  g_string_append (sql,
                   " UNION ALL "
                   "SELECT ft.firm_id, ft.tier FROM firm_tiers AS ft INDEXED BY firm_tiers_held "
                   "WHERE ft.deleted_at IS NULL AND ft.valid_until IS NULL AND ft.certified_on <= :date "
                   "AND (ft.revoked_on IS NULL OR ft.revoked_on > :date)");
  tidu_stats_append_firm_filter (sql, f, "ft.firm_id");
  stmt = tidu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  tidu_stats_bind_filter (stmt, f);
  tidu_stats_bind_date (stmt, ":date", date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *firm_id = (const char *) sqlite3_column_text (stmt, 0);
      int t = tier_index (tiers, (const char *) sqlite3_column_text (stmt, 1));
      gpointer key, value;

      if (firm_id == NULL || t < 0)
        continue;   /* not a tier of the ladder */
      if (!g_hash_table_lookup_extended (highest, firm_id, &key, &value))
        g_hash_table_insert (highest, g_strdup (firm_id), GINT_TO_POINTER (t + 1));
      else if (GPOINTER_TO_INT (value) < t + 1)
        g_hash_table_insert (highest, g_strdup (firm_id), GINT_TO_POINTER (t + 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&highest);
}

static gboolean
count_firms (TiduDatabase           *db,
             const TiduStatsFilter  *f,
             gint64                 *count,
             GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  tidu_stats_append_region_tree (sql, f);
  /* Every live firm: counted in the smallest index that holds them (the table is 6 times its
   * size); a region's from firms_live_region_id. */
  if (!tidu_text_is_empty (f->region_id))
    g_string_append (sql, "SELECT count(*) FROM firms AS f INDEXED BY firms_live_region_id WHERE f.deleted_at IS NULL");
  else if (has_firm_conditions (f))
    g_string_append (sql, "SELECT count(*) FROM firms AS f WHERE f.deleted_at IS NULL");
  else
    g_string_append (sql, "SELECT count(*) FROM firms AS f INDEXED BY firms_live_name WHERE f.deleted_at IS NULL");
  append_firm_conditions (sql, f, "f");
  stmt = tidu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_filter (stmt, f);
  rc = sqlite3_step (stmt);
  *count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

TiduLadder *
tidu_stats_ladder_compute (TiduDatabase           *db,
                           const TiduStatsFilter  *filter,
                           GError                **error)
{
  g_autoptr(TiduLadder) ladder = g_new0 (TiduLadder, 1);
  g_autoptr(GHashTable) highest = NULL;
  GHashTableIter iter;
  gpointer value;

  tidu_stats_filter_resolve (filter, &ladder->date, NULL, NULL);
  ladder->tiers = tidu_stats_ladder_tiers (db, error);
  if (ladder->tiers == NULL)
    return NULL;
  ladder->counts = g_new0 (gint64, ladder->tiers->len);
  if (!count_firms (db, filter, &ladder->firms, error))
    return NULL;

  highest = ladder_highest (db, filter, ladder->tiers, &ladder->date, error);
  if (highest == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, highest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ladder->counts[GPOINTER_TO_INT (value) - 1]++;
      ladder->total++;
    }
  return g_steal_pointer (&ladder);
}

/**
 * tidu_stats_ladder:
 *
 * Firms per tier on the filter's date, each firm once, by its highest tier held that day.
 *
 * Returns: (transfer full): the ladder, or %NULL with @error set.
 */
TiduLadder *
tidu_stats_ladder (TiduDatabase           *db,
                   const TiduStatsFilter  *filter,
                   GError                **error)
{
  TiduLadder *ladder;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!tidu_stats_filter_check (db, filter, error) || !tidu_stats_begin_read (db, error))
    return NULL;
  ladder = tidu_stats_ladder_compute (db, filter, error);
  tidu_stats_end_read (db);
  return ladder;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
ladder_firm_ids (TiduDatabase           *db,
                 const TiduStatsFilter  *filter,
                 const char             *tier_code,
                 GError                **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GHashTable) highest = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GDate date;
  int wanted = 0;   /* 1 + the tier's index; 0: any */

  tiers = tidu_stats_ladder_tiers (db, error);
  if (tiers == NULL)
    return NULL;
  if (tier_code != NULL)
    {
      int i = tier_index (tiers, tier_code);

      if (i < 0)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("“%s” is not a tier of the ladder."), tier_code);
          return NULL;
        }
      wanted = i + 1;
    }
  tidu_stats_filter_resolve (filter, &date, NULL, NULL);
  highest = ladder_highest (db, filter, tiers, &date, error);
  if (highest == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, highest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (wanted == 0 || GPOINTER_TO_INT (value) == wanted)
      g_ptr_array_add (ids, g_strdup (key));
  /* In id order, as SQLite's ORDER BY firm_id gave them. */
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* ------------------------------------------------------------------ the pass over certifications */

/* An ISO day "yyyy-mm-dd" as the number yyyymmdd, which orders as the text does. FALSE for
 * anything else (the pass then compares that row's texts). */
static inline gboolean
iso_day (const char *text,
         int        *day)
{
  const unsigned char *s = (const unsigned char *) text;

  if (s == NULL || !g_ascii_isdigit (s[0]) || !g_ascii_isdigit (s[1]) || !g_ascii_isdigit (s[2])
      || !g_ascii_isdigit (s[3]) || s[4] != '-' || !g_ascii_isdigit (s[5]) || !g_ascii_isdigit (s[6])
      || s[7] != '-' || !g_ascii_isdigit (s[8]) || !g_ascii_isdigit (s[9]) || s[10] != '\0')
    return FALSE;
  *day = (s[0] - '0') * 10000000 + (s[1] - '0') * 1000000 + (s[2] - '0') * 100000 + (s[3] - '0') * 10000
         + (s[5] - '0') * 1000 + (s[6] - '0') * 100 + (s[8] - '0') * 10 + (s[9] - '0');
  return TRUE;
}

typedef struct
{
  /* Set up by pass_init () */
  GPtrArray *tiers;
  guint      n_tiers;
  int        from_year;             /* the first year counted; bit 0 is the year before */
  guint      n_years;
  char       ends[MAX_YEARS + 1][11];
  int        end_days[MAX_YEARS + 1];   /* ends as yyyymmdd: compared as numbers in the pass */
  GDate      end_dates[MAX_YEARS + 1];

  /* Outputs, n_years × n_tiers */
  gint64    *held, *gained, *lost, *expired, *revoked, *new_certifications;
  /* Transitions between bit 1 and bit n_years */
  gint64    *matrix;                /* (n + 1)² */
  GArray   **climbs;                /* n², day counts (double) */

  /* The ladder on the as-of day (the dashboard), when ladder_counts is set */
  char       asof[11];
  int        asof_day;
  gint64    *ladder_counts;

  /* Tier figures of targets (TiduStatsTierQuery) */
  GPtrArray   *queries;
  GHashTable **query_firms;     /* per query: the ids of the live firms of its region, NULL
                                 * when that is every firm the pass sees (borrowed from sets) */
  GPtrArray   *sets;            /* the sets, one per region */
  int         *query_tiers;     /* per query: its tier's index, -1 when not on the ladder */

  /* The firms behind one number, when asked */
  const TiduStatsCell *cell;
  int        cell_tier, cell_to_tier, cell_bit;
  GPtrArray *ids;

  /* Only the certifications still valid at the end of the year before the first (bit 0 on):
   * enough for the held and new figures, not for the climbs (first dates) nor the revocations
   * of certificates that had already expired; the targets' tier figures need no more. */
  gboolean   recent_only;

  /* Per firm */
  guint64    held_bits[16];
  guint64    new_bits[16];
  guint64    revoked_bits[16];
  char       first[16][11];
  guint32    asof_bits;
} Pass;

static void
pass_clear (Pass *pass)
{
  g_clear_pointer (&pass->tiers, g_ptr_array_unref);
  g_free (pass->held);
  g_free (pass->gained);
  g_free (pass->lost);
  g_free (pass->expired);
  g_free (pass->revoked);
  g_free (pass->new_certifications);
  g_free (pass->matrix);
  if (pass->climbs != NULL)
    for (guint i = 0; i < pass->n_tiers * pass->n_tiers; i++)
      g_array_unref (pass->climbs[i]);
  g_free (pass->climbs);
  g_free (pass->ladder_counts);
  g_free (pass->query_firms);
  g_free (pass->query_tiers);
  g_clear_pointer (&pass->sets, g_ptr_array_unref);
}

static gboolean
pass_init (TiduDatabase           *db,
           Pass                   *pass,
           const TiduStatsFilter  *filter,
           GError                **error)
{
  GDate date;
  int to_year;
  guint n;

  memset (pass, 0, sizeof *pass);
  pass->cell_tier = pass->cell_to_tier = pass->cell_bit = -1;
  pass->tiers = tidu_stats_ladder_tiers (db, error);
  if (pass->tiers == NULL)
    return FALSE;
  if (pass->tiers->len > G_N_ELEMENTS (pass->held_bits))
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_FAILED, "too many ladder tiers");
      return FALSE;
    }
  pass->n_tiers = n = pass->tiers->len;
  tidu_stats_filter_resolve (filter, &date, &pass->from_year, &to_year);
  pass->n_years = (guint) (to_year - pass->from_year + 1);
  for (guint k = 0; k <= pass->n_years; k++)
    {
      tidu_stats_year_end (pass->from_year - 1 + (int) k, &date, &pass->end_dates[k]);
      date_to_text (&pass->end_dates[k], pass->ends[k]);
      iso_day (pass->ends[k], &pass->end_days[k]);
    }
  pass->held = g_new0 (gint64, pass->n_years * n);
  pass->gained = g_new0 (gint64, pass->n_years * n);
  pass->lost = g_new0 (gint64, pass->n_years * n);
  pass->expired = g_new0 (gint64, pass->n_years * n);
  pass->revoked = g_new0 (gint64, pass->n_years * n);
  pass->new_certifications = g_new0 (gint64, pass->n_years * n);
  pass->matrix = g_new0 (gint64, (n + 1) * (n + 1));
  pass->climbs = g_new0 (GArray *, n * n);
  for (guint i = 0; i < n * n; i++)
    pass->climbs[i] = g_array_new (FALSE, FALSE, sizeof (double));
  return TRUE;
}

static void
pass_reset_firm (Pass *pass)
{
  /* The ladder's tiers only (n_tiers ≤ 16): this runs once per firm. */
  for (guint t = 0; t < pass->n_tiers; t++)
    {
      pass->held_bits[t] = pass->new_bits[t] = pass->revoked_bits[t] = 0;
      pass->first[t][0] = '\0';
    }
  pass->asof_bits = 0;
}

static void
pass_add_certification (Pass       *pass,
                        int         t,
                        const char *certified_on,
                        const char *valid_until,
                        const char *revoked_on)
{
  int c, v = G_MAXINT, r = G_MAXINT;

  if (iso_day (certified_on, &c) && (valid_until == NULL || iso_day (valid_until, &v))
      && (revoked_on == NULL || iso_day (revoked_on, &r)))
    {
      /* The same tests as below on numbers: the rule of tidu_tier_held_on (). */
      guint64 held = 0, new_bits = 0, revoked = 0;

      for (guint k = 0; k <= pass->n_years; k++)
        {
          int end = pass->end_days[k];

          if (c <= end && v >= end && r > end)
            held |= G_GUINT64_CONSTANT (1) << k;
          if (k > 0 && c <= end && c / 10000 == end / 10000)
            new_bits |= G_GUINT64_CONSTANT (1) << k;
          if (k > 0 && r != G_MAXINT && r > pass->end_days[k - 1] && r <= end)
            revoked |= G_GUINT64_CONSTANT (1) << k;
        }
      pass->held_bits[t] |= held;
      pass->new_bits[t] |= new_bits;
      pass->revoked_bits[t] |= revoked;
      if (pass->ladder_counts != NULL && c <= pass->asof_day && v >= pass->asof_day && r > pass->asof_day)
        pass->asof_bits |= 1u << t;
    }
  else
    {
      for (guint k = 0; k <= pass->n_years; k++)
        {
          const char *end = pass->ends[k];
          const char *start = k > 0 ? pass->ends[k - 1] : NULL;

          if (tidu_tier_held_on (certified_on, valid_until, revoked_on, end))
            pass->held_bits[t] |= G_GUINT64_CONSTANT (1) << k;
          /* Dated within the year, up to its end. */
          if (k > 0 && strcmp (certified_on, end) <= 0 && strncmp (certified_on, end, 4) == 0)
            pass->new_bits[t] |= G_GUINT64_CONSTANT (1) << k;
          if (k > 0 && revoked_on != NULL && strcmp (revoked_on, start) > 0 && strcmp (revoked_on, end) <= 0)
            pass->revoked_bits[t] |= G_GUINT64_CONSTANT (1) << k;
        }
      if (pass->ladder_counts != NULL && tidu_tier_held_on (certified_on, valid_until, revoked_on, pass->asof))
        pass->asof_bits |= 1u << t;
    }
  /* Rows come in date order within a firm: the first of a tier is its earliest. */
  if (pass->first[t][0] == '\0')
    g_strlcpy (pass->first[t], certified_on, sizeof pass->first[t]);
}

static int
highest_at (Pass  *pass,
            guint  k)
{
  for (int t = (int) pass->n_tiers - 1; t >= 0; t--)
    if (pass->held_bits[t] & (G_GUINT64_CONSTANT (1) << k))
      return t;
  return -1;
}

static double
days_between (const char *from,
              const char *to)
{
  GDate a, b;

  if (!tidu_date_from_iso (from, &a) || !tidu_date_from_iso (to, &b))
    return NAN;
  return (double) g_date_days_between (&a, &b);
}

/* Is the firm behind the pass's cell? */
static gboolean
pass_firm_in_cell (Pass *pass,
                   int   from,
                   int   to)
{
  const TiduStatsCell *cell = pass->cell;
  int t = pass->cell_tier;
  guint64 bit, before;
  gboolean held, held_before, lost;

  switch (cell->measure)
    {
    case TIDU_STATS_TRANSITION:
      return from == pass->cell_tier && to == pass->cell_to_tier && (from >= 0 || to >= 0);
    case TIDU_STATS_CLIMB:
      {
        const char *a = pass->first[pass->cell_tier], *b = pass->first[pass->cell_to_tier];

        return a[0] != '\0' && b[0] != '\0' && strcmp (a, b) < 0
               && strcmp (b, pass->ends[1]) > 0 && strcmp (b, pass->ends[pass->n_years]) <= 0;
      }
    case TIDU_STATS_HELD:
    case TIDU_STATS_GAINED:
    case TIDU_STATS_LOST:
    case TIDU_STATS_EXPIRED:
    case TIDU_STATS_REVOKED:
    case TIDU_STATS_NEW_CERTIFICATIONS:
      bit = G_GUINT64_CONSTANT (1) << pass->cell_bit;
      before = bit >> 1;
      held = (pass->held_bits[t] & bit) != 0;
      held_before = (pass->held_bits[t] & before) != 0;
      lost = held_before && !held;
      if (cell->measure == TIDU_STATS_HELD)
        return held;
      if (cell->measure == TIDU_STATS_GAINED)
        return held && !held_before;
      if (cell->measure == TIDU_STATS_LOST)
        return lost;
      if (cell->measure == TIDU_STATS_EXPIRED)
        return lost && (pass->revoked_bits[t] & bit) == 0;
      if (cell->measure == TIDU_STATS_REVOKED)
        return lost && (pass->revoked_bits[t] & bit) != 0;
      return (pass->new_bits[t] & bit) != 0;
    case TIDU_STATS_LADDER:
    case TIDU_STATS_INCUBATED:
    case TIDU_STATS_ENTERED:
    case TIDU_STATS_GRADUATED:
    case TIDU_STATS_LEFT:
    case TIDU_STATS_BECAME_HNTE:
    default:
      return FALSE;
    }
}

/* Adds the firm to the tier figures of the targets whose region it is in. */
static void
pass_attribute (Pass       *pass,
                const char *firm_id)
{
  for (guint q = 0; q < pass->queries->len; q++)
    {
      TiduStatsTierQuery *query = g_ptr_array_index (pass->queries, q);
      int t = pass->query_tiers[q];
      guint k = (guint) (query->year - pass->from_year + 1);
      guint64 bits, now, before;

      if (t < 0 || k < 2 || k > pass->n_years)
        continue;
      bits = query->new_certifications ? pass->new_bits[t] : pass->held_bits[t];
      now = bits & (G_GUINT64_CONSTANT (1) << k);
      before = bits & (G_GUINT64_CONSTANT (1) << (k - 1));
      if ((now == 0 && before == 0)
          || (pass->query_firms[q] != NULL && !g_hash_table_contains (pass->query_firms[q], firm_id)))
        continue;
      if (now)
        query->actual++;
      if (before)
        query->last_year++;
    }
}

static void
pass_end_firm (Pass       *pass,
               const char *firm_id)
{
  guint n = pass->n_tiers;
  int from = highest_at (pass, 1);
  int to = highest_at (pass, pass->n_years);

  if (pass->cell != NULL)
    {
      if (pass_firm_in_cell (pass, from, to))
        g_ptr_array_add (pass->ids, g_strdup (firm_id));
      return;
    }

  if (pass->ladder_counts != NULL)
    for (int t = (int) n - 1; t >= 0; t--)
      if (pass->asof_bits & (1u << t))
        {
          pass->ladder_counts[t]++;
          break;
        }

  if (pass->queries != NULL)
    pass_attribute (pass, firm_id);

  for (guint t = 0; t < n; t++)
    {
      guint64 held = pass->held_bits[t];

      if (held == 0 && pass->new_bits[t] == 0)
        continue;   /* nothing to count for this tier */
      for (guint k = 1; k <= pass->n_years; k++)
        {
          guint64 bit = G_GUINT64_CONSTANT (1) << k, before = bit >> 1;
          gsize i = (k - 1) * n + t;

          if (held & bit)
            {
              pass->held[i]++;
              if (!(held & before))
                pass->gained[i]++;
            }
          else if (held & before)
            {
              pass->lost[i]++;
              if (pass->revoked_bits[t] & bit)
                pass->revoked[i]++;
              else
                pass->expired[i]++;
            }
          if (pass->new_bits[t] & bit)
            pass->new_certifications[i]++;
        }
    }

  if (from >= 0 || to >= 0)
    pass->matrix[(from < 0 ? n : (guint) from) * (n + 1) + (to < 0 ? n : (guint) to)]++;

  for (guint i = 0; i < n; i++)
    {
      if (pass->first[i][0] == '\0')
        continue;
      for (guint j = i + 1; j < n; j++)
        {
          const char *b = pass->first[j];

          if (b[0] != '\0' && strcmp (pass->first[i], b) < 0
              && strcmp (b, pass->ends[1]) > 0 && strcmp (b, pass->ends[pass->n_years]) <= 0)
            {
              double days = days_between (pass->first[i], b);

              if (!isnan (days))
                g_array_append_val (pass->climbs[i * n + j], days);
            }
        }
    }
}

/* The ids of the firms in the trash (usually none), for the pass to skip without asking SQLite
 * about every certification. */
static GHashTable *
trashed_firms (TiduDatabase  *db,
               GError       **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = tidu_database_prepare (db, "SELECT id FROM firms WHERE deleted_at IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, tidu_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
pass_run (TiduDatabase           *db,
          Pass                   *pass,
          const TiduStatsFilter  *filter,
          GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GHashTable) trashed = NULL;
  char current[64] = "";
  int current_len = -1;
  gboolean any = FALSE, skip = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  tidu_stats_append_region_tree (sql, filter);
  /* Ordered by firm and date through the covering firm_tiers_current index, so a firm's first
   * certification of a tier comes first. (Read from firm_tiers_held and sorted, the recent ones
   * alone cost more.) */
  g_string_append (sql,
                   "SELECT ft.firm_id, ft.tier, ft.certified_on, ft.valid_until, ft.revoked_on "
                   "FROM firm_tiers AS ft INDEXED BY firm_tiers_current "
                   "WHERE ft.deleted_at IS NULL AND ft.certified_on <= :last");
  if (pass->recent_only)
    g_string_append (sql, " AND (ft.valid_until IS NULL OR ft.valid_until >= :first_end)");
  if (has_firm_conditions (filter))
    tidu_stats_append_firm_filter (sql, filter, "ft.firm_id");
  else
    {
      /* Every live firm: the trashed ones are skipped here rather than looked up per row. */
      trashed = trashed_firms (db, error);
      if (trashed == NULL)
        return FALSE;
    }
  g_string_append (sql, " ORDER BY ft.firm_id, ft.certified_on");
  stmt = tidu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_filter (stmt, filter);
  {
    GDate last = pass->end_dates[pass->n_years];

    if (pass->ladder_counts != NULL)
      {
        GDate asof;

        tidu_date_from_iso (pass->asof, &asof);
        if (g_date_compare (&asof, &last) > 0)
          last = asof;
      }
    tidu_stats_bind_date (stmt, ":last", &last);
    tidu_stats_bind_date (stmt, ":first_end", &pass->end_dates[0]);
  }

  pass_reset_firm (pass);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *firm_id = (const char *) sqlite3_column_text (stmt, 0);
      int firm_len = sqlite3_column_bytes (stmt, 0);
      const char *tier;
      int t;

      if (firm_id == NULL)
        continue;
      if (!any || firm_len != current_len || memcmp (firm_id, current, (gsize) firm_len) != 0)
        {
          if (any && !skip)
            pass_end_firm (pass, current);
          pass_reset_firm (pass);
          g_strlcpy (current, firm_id, sizeof current);
          current_len = (int) strlen (current);
          skip = trashed != NULL && g_hash_table_size (trashed) > 0 && g_hash_table_contains (trashed, current);
          any = TRUE;
        }
      if (skip)
        continue;
      tier = (const char *) sqlite3_column_text (stmt, 1);
      t = tier_index (pass->tiers, tier);
      if (t < 0)
        continue;   /* the 专精特新 line */
      pass_add_certification (pass, t, (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  if (any && !skip)
    pass_end_firm (pass, current);
  return TRUE;
}

/* The targets' tier figures (pass->queries, pass->recent_only): only the held and new bits
 * count, and only the certifications still valid at the first year end can set them. Those
 * are two ranges of the covering firm_tiers_held index (valid then or later, open-ended), a
 * third of the certifications, read in index order; each firm's bits are kept packed in a hash
 * table (tiers × year ends ≤ 64 bits) instead of asking SQLite to sort the rows by firm. */
static gboolean
pass_run_recent (TiduDatabase  *db,
                 Pass          *pass,
                 GError       **error)
{
  typedef struct { guint64 held, new_bits; } Packed;
  g_autoptr(GHashTable) firms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) packed = g_array_new (FALSE, TRUE, sizeof (Packed));
  g_autoptr(GHashTable) trashed = trashed_firms (db, error);
  guint w = pass->n_years + 1;
  guint64 mask = (G_GUINT64_CONSTANT (1) << w) - 1;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  if (trashed == NULL)
    return FALSE;
  stmt = tidu_database_prepare (db,
                                "SELECT ft.firm_id, ft.tier, ft.certified_on, ft.valid_until, ft.revoked_on "
                                "FROM firm_tiers AS ft INDEXED BY firm_tiers_held "
                                "WHERE ft.deleted_at IS NULL AND ft.valid_until >= :first_end AND ft.certified_on <= :last "
                                "UNION ALL "
                                "SELECT ft.firm_id, ft.tier, ft.certified_on, ft.valid_until, ft.revoked_on "
                                "FROM firm_tiers AS ft INDEXED BY firm_tiers_held "
                                "WHERE ft.deleted_at IS NULL AND ft.valid_until IS NULL AND ft.certified_on <= :last",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_date (stmt, ":last", &pass->end_dates[pass->n_years]);
  tidu_stats_bind_date (stmt, ":first_end", &pass->end_dates[0]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *firm_id = (const char *) sqlite3_column_text (stmt, 0);
      int t = tier_index (pass->tiers, (const char *) sqlite3_column_text (stmt, 1));
      guint shift;
      Packed *entry;
      gpointer found;

      if (firm_id == NULL || t < 0)
        continue;   /* the 专精特新 line */
      if (g_hash_table_lookup_extended (firms, firm_id, NULL, &found))
        entry = &g_array_index (packed, Packed, GPOINTER_TO_UINT (found) - 1);
      else
        {
          g_array_set_size (packed, packed->len + 1);
          g_hash_table_insert (firms, g_strdup (firm_id), GUINT_TO_POINTER (packed->len));
          entry = &g_array_index (packed, Packed, packed->len - 1);
        }
      shift = (guint) t * w;
      pass->held_bits[t] = (entry->held >> shift) & mask;
      pass->new_bits[t] = (entry->new_bits >> shift) & mask;
      pass_add_certification (pass, t, (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4));
      entry->held = (entry->held & ~(mask << shift)) | ((pass->held_bits[t] & mask) << shift);
      entry->new_bits = (entry->new_bits & ~(mask << shift)) | ((pass->new_bits[t] & mask) << shift);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);

  g_hash_table_iter_init (&iter, firms);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const Packed *entry = &g_array_index (packed, Packed, GPOINTER_TO_UINT (value) - 1);

      if (g_hash_table_size (trashed) > 0 && g_hash_table_contains (trashed, key))
        continue;
      pass_reset_firm (pass);
      for (guint t = 0; t < pass->n_tiers; t++)
        {
          pass->held_bits[t] = (entry->held >> (t * w)) & mask;
          pass->new_bits[t] = (entry->new_bits >> (t * w)) & mask;
        }
      pass_attribute (pass, key);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ progression */

void
tidu_progression_free (TiduProgression *progression)
{
  if (progression == NULL)
    return;
  g_clear_pointer (&progression->tiers, g_ptr_array_unref);
  g_free (progression->year_ends);
  g_free (progression->held);
  g_free (progression->gained);
  g_free (progression->lost);
  g_free (progression->expired);
  g_free (progression->revoked);
  g_free (progression->new_certifications);
  g_free (progression);
}

gint64
tidu_progression_get (const TiduProgression *progression,
                      const gint64          *values,
                      int                    year,
                      const char            *tier_code)
{
  int t;

  g_return_val_if_fail (progression != NULL, 0);
  g_return_val_if_fail (values != NULL, 0);

  t = tier_index (progression->tiers, tier_code);
  if (t < 0 || year < progression->from_year || year > progression->to_year)
    return 0;
  return values[(gsize) (year - progression->from_year) * progression->tiers->len + (guint) t];
}

static TiduProgression *
progression_from_pass (Pass *pass)
{
  TiduProgression *progression = g_new0 (TiduProgression, 1);

  progression->from_year = pass->from_year;
  progression->to_year = pass->from_year + (int) pass->n_years - 1;
  progression->n_years = pass->n_years;
  progression->tiers = g_ptr_array_ref (pass->tiers);
  progression->year_ends = g_new (GDate, pass->n_years);
  for (guint k = 1; k <= pass->n_years; k++)
    progression->year_ends[k - 1] = pass->end_dates[k];
  progression->held = g_steal_pointer (&pass->held);
  progression->gained = g_steal_pointer (&pass->gained);
  progression->lost = g_steal_pointer (&pass->lost);
  progression->expired = g_steal_pointer (&pass->expired);
  progression->revoked = g_steal_pointer (&pass->revoked);
  progression->new_certifications = g_steal_pointer (&pass->new_certifications);
  return progression;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static TiduTransitions *
transitions_from_pass (Pass *pass)
{
  TiduTransitions *transitions = g_new0 (TiduTransitions, 1);
  guint n = pass->n_tiers;

  transitions->from_year = pass->from_year;
  transitions->to_year = pass->from_year + (int) pass->n_years - 1;
  transitions->from_date = pass->end_dates[1];
  transitions->to_date = pass->end_dates[pass->n_years];
  transitions->tiers = g_ptr_array_ref (pass->tiers);
  transitions->matrix = g_steal_pointer (&pass->matrix);
  for (guint r = 0; r <= n; r++)
    for (guint c = 0; c <= n; c++)
      {
        gint64 v = transitions->matrix[r * (n + 1) + c];

        if (r == n)
          transitions->new_firms += v;
        else if (c == n)
          transitions->gone += v;
        else if (c > r)
          transitions->moved_up += v;
        else if (c == r)
          transitions->stayed += v;
        else
          transitions->dropped += v;
      }
  transitions->median_years = g_new (double, n * n);
  transitions->medians_n = g_new0 (gint64, n * n);
  for (guint i = 0; i < n * n; i++)
    {
      GArray *days = pass->climbs[i];

      transitions->median_years[i] = NAN;
      transitions->medians_n[i] = days->len;
      if (days->len == 0)
        continue;
      g_array_sort (days, compare_doubles);
      if (days->len % 2 == 1)
        transitions->median_years[i] = g_array_index (days, double, days->len / 2) / 365.25;
      else
        transitions->median_years[i] = (g_array_index (days, double, days->len / 2 - 1)
                                        + g_array_index (days, double, days->len / 2)) / 2.0 / 365.25;
    }
  return transitions;
}

/* The progression and the transitions of the filter's years in one pass. */
gboolean
tidu_stats_progression_compute (TiduDatabase           *db,
                                const TiduStatsFilter  *filter,
                                TiduProgression       **progression,
                                TiduTransitions       **transitions,
                                GError                **error)
{
  Pass pass;
  gboolean ok;

  ok = pass_init (db, &pass, filter, error) && pass_run (db, &pass, filter, error);
  if (ok)
    {
      if (transitions != NULL)
        *transitions = transitions_from_pass (&pass);
      if (progression != NULL)
        *progression = progression_from_pass (&pass);
    }
  pass_clear (&pass);
  return ok;
}

/**
 * tidu_stats_progression:
 *
 * Per year of the filter and per tier: firms holding the tier at the year end, gained, lost
 * (expired or revoked) since the year end before, and with a certification dated in the year.
 *
 * Returns: (transfer full): the progression, or %NULL with @error set.
 */
TiduProgression *
tidu_stats_progression (TiduDatabase           *db,
                        const TiduStatsFilter  *filter,
                        GError                **error)
{
  TiduProgression *progression = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!tidu_stats_filter_check (db, filter, error) || !tidu_stats_begin_read (db, error))
    return NULL;
  tidu_stats_progression_compute (db, filter, &progression, NULL, error);
  tidu_stats_end_read (db);
  return progression;
}

/* ------------------------------------------------------------------ transitions */

void
tidu_transitions_free (TiduTransitions *transitions)
{
  if (transitions == NULL)
    return;
  g_clear_pointer (&transitions->tiers, g_ptr_array_unref);
  g_free (transitions->matrix);
  g_free (transitions->median_years);
  g_free (transitions->medians_n);
  g_free (transitions);
}

gint64
tidu_transitions_get (const TiduTransitions *transitions,
                      const char            *from_tier,
                      const char            *to_tier)
{
  guint n;
  int r, c;

  g_return_val_if_fail (transitions != NULL, 0);

  n = transitions->tiers->len;
  r = from_tier == NULL ? (int) n : tier_index (transitions->tiers, from_tier);
  c = to_tier == NULL ? (int) n : tier_index (transitions->tiers, to_tier);
  if (r < 0 || c < 0)
    return 0;
  return transitions->matrix[(guint) r * (n + 1) + (guint) c];
}

double
tidu_transitions_median_to_next (const TiduTransitions *transitions,
                                 const char            *from_tier)
{
  guint n;
  int i;

  g_return_val_if_fail (transitions != NULL, NAN);

  n = transitions->tiers->len;
  i = tier_index (transitions->tiers, from_tier);
  if (i < 0 || (guint) i + 1 >= n)
    return NAN;
  return transitions->median_years[(guint) i * n + (guint) i + 1];
}

/**
 * tidu_stats_transitions:
 *
 * Firms by their tier at the end of the filter's first year and at the end of its last year,
 * and the median years of the climbs between tiers completed in between.
 *
 * Returns: (transfer full): the transitions, or %NULL with @error set.
 */
TiduTransitions *
tidu_stats_transitions (TiduDatabase           *db,
                        const TiduStatsFilter  *filter,
                        GError                **error)
{
  TiduTransitions *transitions = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!tidu_stats_filter_check (db, filter, error) || !tidu_stats_begin_read (db, error))
    return NULL;
  tidu_stats_progression_compute (db, filter, NULL, &transitions, error);
  tidu_stats_end_read (db);
  return transitions;
}

static GStrv
pass_firm_ids (TiduDatabase           *db,
               const TiduStatsFilter  *filter,
               const TiduStatsCell    *cell,
               GError                **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Pass pass;
  gboolean ok = FALSE;
  gboolean needs_year = cell->measure != TIDU_STATS_TRANSITION && cell->measure != TIDU_STATS_CLIMB;

  if (!pass_init (db, &pass, filter, error))
    goto out;
  pass.cell = cell;
  pass.ids = ids;
  pass.cell_tier = tier_index (pass.tiers, cell->tier);
  pass.cell_to_tier = tier_index (pass.tiers, cell->to_tier);
  if ((cell->tier != NULL && pass.cell_tier < 0) || (cell->to_tier != NULL && pass.cell_to_tier < 0))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("“%s” is not a tier of the ladder."),
                   cell->tier != NULL && pass.cell_tier < 0 ? cell->tier : cell->to_tier);
      goto out;
    }
  if ((needs_year || cell->measure == TIDU_STATS_CLIMB) && cell->tier == NULL)
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("Choose a tier."));
      goto out;
    }
  if (cell->measure == TIDU_STATS_CLIMB && (cell->to_tier == NULL || pass.cell_to_tier <= pass.cell_tier))
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("Choose a higher tier to climb to."));
      goto out;
    }
  if (needs_year)
    {
      if (cell->year < pass.from_year || cell->year >= pass.from_year + (int) pass.n_years)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                       _("The year %d is outside the years of the filter."), cell->year);
          goto out;
        }
      pass.cell_bit = cell->year - pass.from_year + 1;
    }
  ok = pass_run (db, &pass, filter, error);
out:
  pass_clear (&pass);
  if (!ok)
    return NULL;
  g_ptr_array_sort (ids, (GCompareFunc) g_ascii_strcasecmp);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* ------------------------------------------------------------------ carrier performance */

void
tidu_carrier_performance_free (TiduCarrierPerformance *performance)
{
  if (performance == NULL)
    return;
  for (guint i = 0; i < performance->n_years; i++)
    {
      g_free (performance->years[i].grade_counts);
      g_free (performance->years[i].grade);
    }
  g_free (performance->years);
  g_clear_pointer (&performance->grades, g_ptr_array_unref);
  g_free (performance);
}

typedef struct
{
  char *entered_on;
  char *left_on;
  char *outcome;
} Stay;

static void
stay_clear (gpointer data)
{
  Stay *stay = data;

  g_free (stay->entered_on);
  g_free (stay->left_on);
  g_free (stay->outcome);
}

typedef struct
{
  char   *firm_id;
  GArray *stays;     /* Stay */
  GArray *hnte;      /* Stay, reused: certified_on, valid_until, revoked_on */
} FirmStays;

static void
firm_stays_free (gpointer data)
{
  FirmStays *firm = data;

  g_free (firm->firm_id);
  g_array_unref (firm->stays);
  g_array_unref (firm->hnte);
  g_free (firm);
}

/* The carriers the filter selects: its carrier, or every live one of its region. */
static void
append_carrier_selection (GString               *sql,
                          const TiduStatsFilter *f,
                          const char            *column)
{
  if (!tidu_text_is_empty (f->carrier_id))
    g_string_append_printf (sql, " AND %s = :carrier", column);
  else
    {
      g_string_append_printf (sql, " AND %s IN (SELECT c.id FROM carriers AS c WHERE c.deleted_at IS NULL", column);
      if (!tidu_text_is_empty (f->region_id))
        g_string_append (sql, " AND c.region_id IN (SELECT id FROM region_tree)");
      g_string_append (sql, ")");
    }
}

/* Firms of the stays: live, of the filter's industry and tech field. */
static void
append_stay_firm_filter (GString               *sql,
                         const TiduStatsFilter *f,
                         const char            *column)
{
  if (tidu_text_is_empty (f->industry) && tidu_text_is_empty (f->tech_field))
    {
      g_string_append_printf (sql, " AND %s NOT IN (SELECT id FROM firms WHERE deleted_at IS NOT NULL)", column);
      return;
    }
  g_string_append_printf (sql, " AND %s IN (SELECT f.id FROM firms AS f WHERE f.deleted_at IS NULL", column);
  if (!tidu_text_is_empty (f->industry))
    g_string_append (sql, " AND f.industry = :industry");
  if (!tidu_text_is_empty (f->tech_field))
    g_string_append (sql, " AND f.tech_field = :tech_field");
  g_string_append (sql, ")");
}

typedef struct
{
  int         from_year;
  guint       n_years;
  char        ends[MAX_YEARS + 1][11];    /* [0]: the end of the year before */
  GDate       end_dates[MAX_YEARS + 1];
  GHashTable *firms;                      /* firm id → FirmStays */
  GPtrArray  *order;                      /* FirmStays in firm order */
} CarrierPass;

static void
carrier_pass_clear (CarrierPass *pass)
{
  g_clear_pointer (&pass->firms, g_hash_table_unref);
  g_clear_pointer (&pass->order, g_ptr_array_unref);
}

static gboolean
carrier_pass_load (TiduDatabase           *db,
                   CarrierPass            *pass,
                   const TiduStatsFilter  *filter,
                   GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) hnte_sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  GDate date;
  int to_year, rc;

  memset (pass, 0, sizeof *pass);
  tidu_stats_filter_resolve (filter, &date, &pass->from_year, &to_year);
  pass->n_years = (guint) (to_year - pass->from_year + 1);
  for (guint k = 0; k <= pass->n_years; k++)
    {
      tidu_stats_year_end (pass->from_year - 1 + (int) k, &date, &pass->end_dates[k]);
      date_to_text (&pass->end_dates[k], pass->ends[k]);
    }
  pass->firms = g_hash_table_new (g_str_hash, g_str_equal);
  pass->order = g_ptr_array_new_with_free_func (firm_stays_free);

  tidu_stats_append_region_tree (sql, filter);
  /* In firm order from firm_stays_firm (no sort) unless one carrier's stays are asked for. */
  g_string_append (sql, tidu_text_is_empty (filter->carrier_id)
                        ? "SELECT s.firm_id, s.entered_on, s.left_on, s.outcome FROM firm_stays AS s "
                          "INDEXED BY firm_stays_firm WHERE s.deleted_at IS NULL AND s.entered_on <= :last"
                        : "SELECT s.firm_id, s.entered_on, s.left_on, s.outcome FROM firm_stays AS s "
                          "WHERE s.deleted_at IS NULL AND s.entered_on <= :last");
  append_carrier_selection (sql, filter, "s.carrier_id");
  append_stay_firm_filter (sql, filter, "s.firm_id");
  g_string_append (sql, " ORDER BY s.firm_id");
  stmt = tidu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_filter (stmt, filter);
  tidu_stats_bind_date (stmt, ":last", &pass->end_dates[pass->n_years]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *firm_id = (const char *) sqlite3_column_text (stmt, 0);
      FirmStays *firm = pass->order->len > 0 ? g_ptr_array_index (pass->order, pass->order->len - 1) : NULL;
      Stay stay;

      if (firm == NULL || strcmp (firm->firm_id, firm_id) != 0)
        {
          firm = g_new0 (FirmStays, 1);
          firm->firm_id = g_strdup (firm_id);
          firm->stays = g_array_new (FALSE, FALSE, sizeof (Stay));
          g_array_set_clear_func (firm->stays, stay_clear);
          firm->hnte = g_array_new (FALSE, FALSE, sizeof (Stay));
          g_array_set_clear_func (firm->hnte, stay_clear);
          g_ptr_array_add (pass->order, firm);
          g_hash_table_insert (pass->firms, firm->firm_id, firm);
        }
      stay.entered_on = tidu_column_text (stmt, 1);
      stay.left_on = tidu_column_text (stmt, 2);
      stay.outcome = tidu_column_text (stmt, 3);
      g_array_append_val (firm->stays, stay);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);

  /* The 高企 certifications of those firms. */
  tidu_stats_append_region_tree (hnte_sql, filter);
  g_string_append (hnte_sql,
                   "SELECT ft.firm_id, ft.certified_on, ft.valid_until, ft.revoked_on FROM firm_tiers AS ft "
                   "INDEXED BY firm_tiers_current WHERE ft.tier = 'hnte' AND ft.deleted_at IS NULL AND ft.certified_on <= :last "
                   "AND ft.firm_id IN (SELECT s.firm_id FROM firm_stays AS s WHERE s.deleted_at IS NULL");
  append_carrier_selection (hnte_sql, filter, "s.carrier_id");
  g_string_append (hnte_sql, ")");
  stmt = tidu_database_prepare (db, hnte_sql->str, error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_filter (stmt, filter);
  tidu_stats_bind_date (stmt, ":last", &pass->end_dates[pass->n_years]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FirmStays *firm = g_hash_table_lookup (pass->firms, sqlite3_column_text (stmt, 0));
      Stay cert;

      if (firm == NULL)
        continue;
      cert.entered_on = tidu_column_text (stmt, 1);
      cert.left_on = tidu_column_text (stmt, 2);
      cert.outcome = tidu_column_text (stmt, 3);
      g_array_append_val (firm->hnte, cert);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

static gboolean
in_year (const char *day,
         const char *start,
         const char *end)
{
  return day != NULL && strcmp (day, start) > 0 && strcmp (day, end) <= 0;
}

/* Whether @firm counts for @measure in year bit @k. */
static gboolean
carrier_firm_counts (CarrierPass      *pass,
                     FirmStays        *firm,
                     TiduStatsMeasure  measure,
                     guint             k)
{
  const char *start = pass->ends[k - 1], *end = pass->ends[k];

  if (measure == TIDU_STATS_BECAME_HNTE)
    {
      for (guint c = 0; c < firm->hnte->len; c++)
        {
          const Stay *cert = &g_array_index (firm->hnte, Stay, c);
          GDate day;
          char before[11];
          gboolean held_before = FALSE, incubated = FALSE;

          if (!in_year (cert->entered_on, start, end) || !tidu_date_from_iso (cert->entered_on, &day))
            continue;
          g_date_subtract_days (&day, 1);
          date_to_text (&day, before);
          for (guint o = 0; o < firm->hnte->len && !held_before; o++)
            {
              const Stay *other = &g_array_index (firm->hnte, Stay, o);

              held_before = tidu_tier_held_on (other->entered_on, other->left_on, other->outcome, before);
            }
          for (guint s = 0; s < firm->stays->len && !incubated; s++)
            {
              const Stay *stay = &g_array_index (firm->stays, Stay, s);

              incubated = strcmp (stay->entered_on, cert->entered_on) <= 0
                          && (stay->left_on == NULL || strcmp (stay->left_on, cert->entered_on) >= 0);
            }
          if (!held_before && incubated)
            return TRUE;
        }
      return FALSE;
    }

  for (guint s = 0; s < firm->stays->len; s++)
    {
      const Stay *stay = &g_array_index (firm->stays, Stay, s);

      if (measure == TIDU_STATS_INCUBATED)
        {
          if (strcmp (stay->entered_on, end) <= 0 && (stay->left_on == NULL || strcmp (stay->left_on, end) > 0))
            return TRUE;
        }
      else if (measure == TIDU_STATS_ENTERED)
        {
          if (in_year (stay->entered_on, start, end))
            return TRUE;
        }
      else if (measure == TIDU_STATS_GRADUATED || measure == TIDU_STATS_LEFT)
        {
          if (in_year (stay->left_on, start, end)
              && g_strcmp0 (stay->outcome, measure == TIDU_STATS_GRADUATED ? TIDU_STAY_GRADUATED : TIDU_STAY_LEFT) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
carrier_reports (TiduDatabase           *db,
                 const TiduStatsFilter  *filter,
                 TiduCarrierPerformance *performance,
                 GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  tidu_stats_append_region_tree (sql, filter);
  g_string_append (sql, "SELECT count(*) FROM carriers AS c WHERE c.deleted_at IS NULL");
  if (!tidu_text_is_empty (filter->carrier_id))
    g_string_append (sql, " AND c.id = :carrier");
  else if (!tidu_text_is_empty (filter->region_id))
    g_string_append (sql, " AND c.region_id IN (SELECT id FROM region_tree)");
  stmt = tidu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_filter (stmt, filter);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    performance->n_carriers = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_step_error (db, rc, error);

  g_string_truncate (sql, 0);
  tidu_stats_append_region_tree (sql, filter);
  g_string_append (sql, "SELECT cy.year, cy.incubated_firms, cy.graduated_this_year, cy.grade FROM carrier_years AS cy "
                        "WHERE cy.deleted_at IS NULL AND cy.year BETWEEN :from AND :to");
  append_carrier_selection (sql, filter, "cy.carrier_id");
  stmt = tidu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_filter (stmt, filter);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":from"), performance->from_year);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":to"), performance->to_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduCarrierYearFigures *figures = &performance->years[sqlite3_column_int (stmt, 0) - performance->from_year];
      const char *grade = (const char *) sqlite3_column_text (stmt, 3);

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        figures->reported_incubated = (TIDU_IS_SET (figures->reported_incubated) ? figures->reported_incubated : 0)
                                      + sqlite3_column_int64 (stmt, 1);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        figures->reported_graduated = (TIDU_IS_SET (figures->reported_graduated) ? figures->reported_graduated : 0)
                                      + sqlite3_column_int64 (stmt, 2);
      if (grade != NULL)
        {
          int g = tier_index (performance->grades, grade);

          if (g >= 0)
            figures->grade_counts[g]++;
          if (!tidu_text_is_empty (filter->carrier_id))
            tidu_text_replace (&figures->grade, g_strdup (grade));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/* Best first: the vocabulary lists grades from A down. */
static GPtrArray *
list_grades (TiduDatabase  *db,
             GError       **error)
{
  return tidu_vocabulary_list (db, TIDU_VOCABULARY_GRADE, error);
}

TiduCarrierPerformance *
tidu_stats_carrier_performance_compute (TiduDatabase           *db,
                                        const TiduStatsFilter  *filter,
                                        GError                **error)
{
  g_autoptr(TiduCarrierPerformance) performance = g_new0 (TiduCarrierPerformance, 1);
  static const TiduStatsMeasure measures[] = {
    TIDU_STATS_INCUBATED, TIDU_STATS_ENTERED, TIDU_STATS_GRADUATED, TIDU_STATS_LEFT, TIDU_STATS_BECAME_HNTE
  };
  CarrierPass pass;
  GDate date;
  gboolean ok;

  tidu_stats_filter_resolve (filter, &date, &performance->from_year, &performance->to_year);
  performance->grades = list_grades (db, error);
  if (performance->grades == NULL)
    return NULL;
  performance->n_years = (guint) (performance->to_year - performance->from_year + 1);
  performance->years = g_new0 (TiduCarrierYearFigures, performance->n_years);
  for (guint i = 0; i < performance->n_years; i++)
    {
      TiduCarrierYearFigures *figures = &performance->years[i];

      figures->year = performance->from_year + (int) i;
      tidu_stats_year_end (figures->year, &date, &figures->year_end);
      figures->reported_incubated = TIDU_UNSET;
      figures->reported_graduated = TIDU_UNSET;
      figures->grade_counts = g_new0 (gint64, performance->grades->len);
    }
  if (!carrier_reports (db, filter, performance, error))
    return NULL;

  ok = carrier_pass_load (db, &pass, filter, error);
  if (ok)
    for (guint f = 0; f < pass.order->len; f++)
      {
        FirmStays *firm = g_ptr_array_index (pass.order, f);

        for (guint k = 1; k <= pass.n_years; k++)
          {
            TiduCarrierYearFigures *figures = &performance->years[k - 1];
            gint64 *counts[] = {
              &figures->incubated, &figures->entered, &figures->graduated, &figures->left, &figures->became_hnte
            };

            for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
              if (carrier_firm_counts (&pass, firm, measures[m], k))
                (*counts[m])++;
          }
      }
  carrier_pass_clear (&pass);
  if (!ok)
    return NULL;
  return g_steal_pointer (&performance);
}

/**
 * tidu_stats_carrier_performance:
 *
 * Per year of the filter: firms in the chosen carriers at the year end, entering, graduating,
 * leaving and becoming 高企 while there, with the carriers' reported figures and grades.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set.
 */
TiduCarrierPerformance *
tidu_stats_carrier_performance (TiduDatabase           *db,
                                const TiduStatsFilter  *filter,
                                GError                **error)
{
  TiduCarrierPerformance *performance;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!tidu_stats_filter_check (db, filter, error) || !tidu_stats_begin_read (db, error))
    return NULL;
  performance = tidu_stats_carrier_performance_compute (db, filter, error);
  tidu_stats_end_read (db);
  return performance;
}

static GStrv
carrier_firm_ids (TiduDatabase           *db,
                  const TiduStatsFilter  *filter,
                  const TiduStatsCell    *cell,
                  GError                **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  CarrierPass pass;
  gboolean ok;

  ok = carrier_pass_load (db, &pass, filter, error);
  if (ok && (cell->year < pass.from_year || cell->year >= pass.from_year + (int) pass.n_years))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                   _("The year %d is outside the years of the filter."), cell->year);
      ok = FALSE;
    }
  if (ok)
    for (guint f = 0; f < pass.order->len; f++)
      {
        FirmStays *firm = g_ptr_array_index (pass.order, f);

        if (carrier_firm_counts (&pass, firm, cell->measure, (guint) (cell->year - pass.from_year + 1)))
          g_ptr_array_add (ids, g_strdup (firm->firm_id));
      }
  carrier_pass_clear (&pass);
  if (!ok)
    return NULL;
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* ------------------------------------------------------------------ firm ids */

/**
 * tidu_stats_firm_ids:
 *
 * Returns: (transfer full): the ids of the firms behind @cell, or %NULL with @error set.
 */
GStrv
tidu_stats_firm_ids (TiduDatabase           *db,
                     const TiduStatsFilter  *filter,
                     const TiduStatsCell    *cell,
                     GError                **error)
{
  GStrv ids = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (cell != NULL, NULL);

  if (!tidu_stats_filter_check (db, filter, error) || !tidu_stats_begin_read (db, error))
    return NULL;
  switch (cell->measure)
    {
    case TIDU_STATS_LADDER:
      ids = ladder_firm_ids (db, filter, cell->tier, error);
      break;
    case TIDU_STATS_HELD:
    case TIDU_STATS_GAINED:
    case TIDU_STATS_LOST:
    case TIDU_STATS_EXPIRED:
    case TIDU_STATS_REVOKED:
    case TIDU_STATS_NEW_CERTIFICATIONS:
    case TIDU_STATS_TRANSITION:
    case TIDU_STATS_CLIMB:
      ids = pass_firm_ids (db, filter, cell, error);
      break;
    case TIDU_STATS_INCUBATED:
    case TIDU_STATS_ENTERED:
    case TIDU_STATS_GRADUATED:
    case TIDU_STATS_LEFT:
    case TIDU_STATS_BECAME_HNTE:
      ids = carrier_firm_ids (db, filter, cell, error);
      break;
    default:
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("Unknown statistic."));
      break;
    }
  tidu_stats_end_read (db);
  return ids;
}

/* ------------------------------------------------------------------ the dashboard */

void
tidu_dashboard_free (TiduDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  tidu_stats_filter_free (dashboard->filter);
  tidu_ladder_free (dashboard->ladder);
  tidu_progression_free (dashboard->progression);
  tidu_transitions_free (dashboard->transitions);
  tidu_carrier_performance_free (dashboard->carriers);
  g_clear_pointer (&dashboard->targets, g_ptr_array_unref);
  g_free (dashboard);
}

/* Sets the pass up to fill @queries: per query, the live firms of its region and the regions
 * below it; none needed when that is the region the pass is limited to (@pass_region), or when
 * the pass sees every firm and no live firm is outside the query's region (two counts in
 * indexes). The region's firms come from the covering firms_live_region_id index. */
static gboolean
pass_set_queries (TiduDatabase  *db,
                  Pass          *pass,
                  GPtrArray     *queries,
                  const char    *pass_region,
                  GError       **error)
{
  g_autoptr(GHashTable) by_region = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) everyone = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 all_firms = -1;
  sqlite3_stmt *stmt;
  int rc;

  pass->queries = queries;
  pass->query_firms = g_new0 (GHashTable *, MAX (queries->len, 1));
  pass->query_tiers = g_new0 (int, MAX (queries->len, 1));
  for (guint q = 0; q < queries->len; q++)
    pass->query_tiers[q] = tier_index (pass->tiers, ((TiduStatsTierQuery *) g_ptr_array_index (queries, q))->tier);
  pass->sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  for (guint q = 0; q < queries->len; q++)
    {
      TiduStatsTierQuery *query = g_ptr_array_index (queries, q);
      g_autoptr(TiduStatsFilter) filter = NULL;
      g_autoptr(GString) sql = NULL;
      GHashTable *firms;

      if (tidu_text_is_empty (query->region_id) || g_strcmp0 (query->region_id, pass_region) == 0
          || g_hash_table_contains (everyone, query->region_id))
        continue;
      firms = g_hash_table_lookup (by_region, query->region_id);
      if (firms != NULL)
        {
          pass->query_firms[q] = firms;
          continue;
        }

      filter = tidu_stats_filter_new ();
      filter->region_id = g_strdup (query->region_id);
      sql = g_string_new (NULL);
      if (pass_region == NULL)
        {
          gint64 in_region = 0;
          gboolean outside;

          /* Is any live firm outside this region? Its live firms (firms_live_region_id)
           * against all of them (firms_live_name, counted once). */
          if (all_firms < 0)
            {
              g_autoptr(TiduStatsFilter) everything = tidu_stats_filter_new ();

              if (!count_firms (db, everything, &all_firms, error))
                return FALSE;
            }
          if (!count_firms (db, filter, &in_region, error))
            return FALSE;
          outside = in_region != all_firms;
          if (!outside)
            {
              g_hash_table_add (everyone, (gpointer) query->region_id);
              continue;
            }
          g_string_truncate (sql, 0);
        }

      tidu_stats_append_region_tree (sql, filter);
      g_string_append (sql, "SELECT f.id FROM firms AS f INDEXED BY firms_live_region_id "
                            "WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree)");
      stmt = tidu_database_prepare (db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      tidu_stats_bind_filter (stmt, filter);
      firms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (pass->sets, firms);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (firms, tidu_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return tidu_database_step_error (db, rc, error);
      g_hash_table_insert (by_region, (gpointer) query->region_id, firms);
      pass->query_firms[q] = firms;
    }
  return TRUE;
}

gboolean
tidu_stats_tier_queries (TiduDatabase  *db,
                         GPtrArray     *queries,
                         const GDate   *date,
                         GError       **error)
{
  g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
  int from = G_MAXINT, to = G_MININT;
  gboolean ok;
  Pass pass;

  if (queries->len == 0)
    return TRUE;
  for (guint q = 0; q < queries->len; q++)
    {
      TiduStatsTierQuery *query = g_ptr_array_index (queries, q);

      query->actual = query->last_year = 0;
      from = MIN (from, query->year - 1);
      to = MAX (to, query->year);
    }
  if (date != NULL && g_date_valid (date))
    filter->date = *date;
  filter->from_year = from;
  filter->to_year = to;
  ok = pass_init (db, &pass, filter, error);
  pass.recent_only = TRUE;
  ok = ok && pass_set_queries (db, &pass, queries, NULL, error)
       && (pass.n_tiers * (pass.n_years + 1) <= 64 ? pass_run_recent (db, &pass, error)
                                                    : pass_run (db, &pass, filter, error));
  pass_clear (&pass);
  return ok;
}

/**
 * tidu_stats_dashboard:
 *
 * Everything the Overview shows, in one read transaction. The ladder, the progression, the
 * transitions and the targets' tier figures come from one pass over the certifications when the
 * filter selects firms by region only and its years cover the as-of year and the one before.
 *
 * Returns: (transfer full): the dashboard, or %NULL with @error set.
 */
TiduDashboard *
tidu_stats_dashboard (TiduDatabase           *db,
                      const TiduStatsFilter  *filter,
                      GError                **error)
{
  g_autoptr(TiduDashboard) dashboard = g_new0 (TiduDashboard, 1);
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  gboolean ok, shared;
  GDate date;
  int from, to, year;
  Pass pass;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!tidu_stats_filter_check (db, filter, error) || !tidu_stats_begin_read (db, error))
    return NULL;
  dashboard->filter = tidu_stats_filter_copy (filter);
  tidu_stats_filter_resolve (filter, &date, &from, &to);
  year = g_date_get_year (&date);

  dashboard->targets = tidu_target_progress_collect (db, filter->region_id, year, &date, queries, error);
  ok = dashboard->targets != NULL;
  /* Targets count every firm of their region: the pass can serve them when the filter selects by
   * region only. */
  shared = tidu_text_is_empty (filter->carrier_id) && tidu_text_is_empty (filter->industry)
           && tidu_text_is_empty (filter->tech_field) && year - 1 >= from && year <= to;
  if (ok && !shared)
    ok = tidu_stats_tier_queries (db, queries, &date, error);

  if (ok)
    {
      ok = pass_init (db, &pass, filter, error);
      if (ok)
        {
          date_to_text (&date, pass.asof);
          iso_day (pass.asof, &pass.asof_day);
          pass.ladder_counts = g_new0 (gint64, pass.n_tiers);
          if (shared && queries->len > 0)
            ok = pass_set_queries (db, &pass, queries, filter->region_id, error);
          ok = ok && pass_run (db, &pass, filter, error);
        }
      if (ok)
        {
          TiduLadder *ladder = g_new0 (TiduLadder, 1);

          ladder->date = date;
          ladder->tiers = g_ptr_array_ref (pass.tiers);
          ladder->counts = g_steal_pointer (&pass.ladder_counts);
          for (guint t = 0; t < ladder->tiers->len; t++)
            ladder->total += ladder->counts[t];
          dashboard->ladder = ladder;
          ok = count_firms (db, filter, &ladder->firms, error);
          dashboard->transitions = transitions_from_pass (&pass);
          dashboard->progression = progression_from_pass (&pass);
        }
      pass_clear (&pass);
    }
  if (ok)
    tidu_target_progress_finish (queries);
  ok = ok && (dashboard->carriers = tidu_stats_carrier_performance_compute (db, filter, error)) != NULL;
  tidu_stats_end_read (db);
  if (!ok)
    return NULL;
  return g_steal_pointer (&dashboard);
}
