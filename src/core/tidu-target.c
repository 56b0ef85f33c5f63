/* tidu-target.c: targets (指标任务), their yearly breakdown and progress against them.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-region.h"
#include "tidu-stats-private.h"
#include "tidu-target.h"
#include "tidu-tier-private.h"

/* ------------------------------------------------------------------ indicators */

static const struct
{
  const char *code;
  const char *label;
  gboolean    stock;
  gboolean    needs_parameter;
} indicators[TIDU_N_INDICATORS] = {
  [TIDU_INDICATOR_FIRMS_PER_TIER] = { "firms_per_tier", N_("Firms per tier at year end"), TRUE, TRUE },
  [TIDU_INDICATOR_NEW_CERTIFICATIONS] = { "new_certifications", N_("New certifications per tier"), FALSE, TRUE },
  [TIDU_INDICATOR_FIRMS_ATTRACTED] = { "firms_attracted", N_("Firms attracted"), FALSE, FALSE },
  [TIDU_INDICATOR_PROMOTION_EVENTS] = { "promotion_events", N_("Promotion events held"), FALSE, FALSE },
  [TIDU_INDICATOR_CARRIERS] = { "carriers", N_("Carriers by kind and level"), TRUE, FALSE },
  [TIDU_INDICATOR_CARRIER_AREA] = { "carrier_area_m2", N_("Carrier area (m²)"), TRUE, FALSE },
  [TIDU_INDICATOR_TALENTS_AWARDED] = { "talents_awarded", N_("Talents awarded per plan"), FALSE, FALSE },
};

const char *
tidu_indicator_to_string (TiduIndicator indicator)
{
  g_return_val_if_fail (indicator < TIDU_N_INDICATORS, NULL);
  return indicators[indicator].code;
}

gboolean
tidu_indicator_from_string (const char    *text,
                            TiduIndicator *indicator)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < TIDU_N_INDICATORS; i++)
    if (strcmp (indicators[i].code, text) == 0)
      {
        if (indicator != NULL)
          *indicator = (TiduIndicator) i;
        return TRUE;
      }
  return FALSE;
}

const char *
tidu_indicator_get_label (TiduIndicator indicator)
{
  g_return_val_if_fail (indicator < TIDU_N_INDICATORS, NULL);
  return _(indicators[indicator].label);
}

gboolean
tidu_indicator_is_stock (TiduIndicator indicator)
{
  g_return_val_if_fail (indicator < TIDU_N_INDICATORS, FALSE);
  return indicators[indicator].stock;
}

gboolean
tidu_indicator_needs_parameter (TiduIndicator indicator)
{
  g_return_val_if_fail (indicator < TIDU_N_INDICATORS, FALSE);
  return indicators[indicator].needs_parameter;
}

/* ------------------------------------------------------------------ records */

#define TARGET_COLUMNS \
  "id, indicator, parameter, region_id, title, start_year, end_year, value, source, notes, " \
  "created_at, updated_at, deleted_at"

TiduTarget *
tidu_target_new (void)
{
  TiduTarget *target = g_new0 (TiduTarget, 1);

  target->value = TIDU_UNSET;
  target->years = g_array_new (FALSE, FALSE, sizeof (TiduTargetYear));
  return target;
}

static void
target_clear (TiduTarget *target)
{
  g_free (target->id);
  g_free (target->indicator);
  g_free (target->parameter);
  g_free (target->region_id);
  g_free (target->title);
  g_free (target->source);
  g_free (target->notes);
  g_clear_pointer (&target->years, g_array_unref);
  g_free (target->created_at);
  g_free (target->updated_at);
  g_free (target->deleted_at);
}

void
tidu_target_free (TiduTarget *target)
{
  if (target == NULL)
    return;
  target_clear (target);
  g_free (target);
}

TiduTarget *
tidu_target_copy (const TiduTarget *target)
{
  TiduTarget *copy;

  g_return_val_if_fail (target != NULL, NULL);

  copy = g_new (TiduTarget, 1);
  *copy = *target;
  copy->id = g_strdup (target->id);
  copy->indicator = g_strdup (target->indicator);
  copy->parameter = g_strdup (target->parameter);
  copy->region_id = g_strdup (target->region_id);
  copy->title = g_strdup (target->title);
  copy->source = g_strdup (target->source);
  copy->notes = g_strdup (target->notes);
  copy->years = g_array_new (FALSE, FALSE, sizeof (TiduTargetYear));
  if (target->years != NULL)
    g_array_append_vals (copy->years, target->years->data, target->years->len);
  copy->created_at = g_strdup (target->created_at);
  copy->updated_at = g_strdup (target->updated_at);
  copy->deleted_at = g_strdup (target->deleted_at);
  return copy;
}

void
tidu_target_set_year (TiduTarget *target,
                      int         year,
                      gint64      value)
{
  TiduTargetYear entry = { year, value };

  g_return_if_fail (target != NULL);

  if (target->years == NULL)
    target->years = g_array_new (FALSE, FALSE, sizeof (TiduTargetYear));
  for (guint i = 0; i < target->years->len; i++)
    if (g_array_index (target->years, TiduTargetYear, i).year == year)
      {
        g_array_index (target->years, TiduTargetYear, i).value = value;
        return;
      }
  g_array_append_val (target->years, entry);
}

gint64
tidu_target_get_year (const TiduTarget *target,
                      int               year)
{
  g_return_val_if_fail (target != NULL, TIDU_UNSET);

  if (target->years != NULL)
    for (guint i = 0; i < target->years->len; i++)
      if (g_array_index (target->years, TiduTargetYear, i).year == year)
        return g_array_index (target->years, TiduTargetYear, i).value;
  return year == target->end_year ? target->value : TIDU_UNSET;
}

static gpointer
target_from_row (sqlite3_stmt *stmt)
{
  TiduTarget *target = tidu_target_new ();

  target->id = tidu_column_text (stmt, 0);
  target->indicator = tidu_column_text (stmt, 1);
  target->parameter = tidu_column_text (stmt, 2);
  target->region_id = tidu_column_text (stmt, 3);
  target->title = tidu_column_text (stmt, 4);
  target->start_year = sqlite3_column_int (stmt, 5);
  target->end_year = sqlite3_column_int (stmt, 6);
  target->value = tidu_column_int (stmt, 7);
  target->source = tidu_column_text (stmt, 8);
  target->notes = tidu_column_text (stmt, 9);
  target->created_at = tidu_column_text (stmt, 10);
  target->updated_at = tidu_column_text (stmt, 11);
  target->deleted_at = tidu_column_text (stmt, 12);
  return target;
}

static gboolean
load_years (TiduDatabase  *db,
            TiduTarget    *target,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = tidu_database_prepare (db,
                                "SELECT year, value FROM target_years WHERE target_id = ?1 AND deleted_at IS NULL "
                                "ORDER BY year",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, target->id);
  g_array_set_size (target->years, 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduTargetYear entry = { sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (target->years, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/* ------------------------------------------------------------------ validation */

static gboolean
parameter_known (TiduDatabase   *db,
                 TiduValidation *validation,
                 const char     *sql,
                 const char     *value)
{
  g_autoptr(GError) error = NULL;
  gboolean exists = FALSE;

  if (!tidu_record_row_exists (db, sql, value, &exists, &error))
    {
      tidu_record_add_database_issue (validation, error);
      return TRUE;
    }
  return exists;
}

static void
check_parameter (TiduDatabase     *db,
                 const TiduTarget *target,
                 TiduIndicator     indicator,
                 TiduValidation   *validation)
{
  const char *parameter = target->parameter;
  gboolean empty = tidu_text_is_blank (parameter);

  if (empty)
    {
      if (indicator == TIDU_INDICATOR_FIRMS_PER_TIER || indicator == TIDU_INDICATOR_NEW_CERTIFICATIONS)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                             _("Choose the tier this target counts."));
      return;
    }

  switch (indicator)
    {
    case TIDU_INDICATOR_FIRMS_PER_TIER:
      if (!parameter_known (db, validation, "SELECT 1 FROM tiers WHERE code = ?1 AND line = 'ladder'", parameter))
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                             _("“%s” is not a tier of the ladder."), parameter);
      break;
    case TIDU_INDICATOR_NEW_CERTIFICATIONS:
      if (!parameter_known (db, validation, "SELECT 1 FROM tiers WHERE code = ?1", parameter))
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                             _("“%s” is not a known tier."), parameter);
      break;
    case TIDU_INDICATOR_FIRMS_ATTRACTED:
      if (strcmp (parameter, "signed") != 0 && strcmp (parameter, "landed") != 0)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                             _("Firms attracted count by the stage “signed” (签约) or “landed” (落地), not “%s”."),
                             parameter);
      break;
    case TIDU_INDICATOR_PROMOTION_EVENTS:
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                           _("Promotion events take no parameter."));
      break;
    case TIDU_INDICATOR_CARRIERS:
    case TIDU_INDICATOR_CARRIER_AREA:
      {
        g_auto(GStrv) parts = g_strsplit (parameter, ":", 2);
        const char *kind = parts[0];
        const char *level = parts[1];

        if (level != NULL && indicator == TIDU_INDICATOR_CARRIER_AREA)
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                               _("The carrier area counts by kind only, not by level."));
        if (kind[0] != '\0' && !parameter_known (db, validation, "SELECT 1 FROM carrier_kinds WHERE code = ?1", kind))
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                               _("“%s” is not a known kind of carrier."), kind);
        if (level != NULL && !parameter_known (db, validation, "SELECT 1 FROM levels WHERE code = ?1", level))
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                               _("“%s” is not a known level."), level);
        if (kind[0] == '\0' && (level == NULL || level[0] == '\0'))
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                               _("Give a kind of carrier, a level, or both as KIND:LEVEL."));
        break;
      }
    case TIDU_INDICATOR_TALENTS_AWARDED:
      if (!parameter_known (db, validation, "SELECT 1 FROM talent_plans WHERE id = ?1 AND deleted_at IS NULL", parameter))
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parameter", NULL,
                             _("The talent plan does not exist or is in the trash."));
      break;
    case TIDU_N_INDICATORS:
    default:
      break;
    }
}

/**
 * tidu_target_validate:
 *
 * Rules: a known indicator with a parameter it accepts; a live region or none; years from
 * 1980 to 2100, the last not before the first; a goal of 0 or more; each year of the breakdown
 * inside the target's years, once, with a goal of 0 or more.
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_target_validate (TiduDatabase     *db,
                      const TiduTarget *target,
                      TiduValidation   *validation)
{
  TiduIndicator indicator;
  gboolean years_ok = TRUE;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_blank (target->indicator))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "indicator", NULL,
                         _("Choose the indicator of the target."));
  else if (!tidu_indicator_from_string (target->indicator, &indicator))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "indicator", NULL,
                         _("“%s” is not a known indicator."), target->indicator);
  else
    check_parameter (db, target, indicator, validation);

  if (!tidu_text_is_empty (target->region_id))
    tidu_region_check_reference (db, target->region_id, "region_id", validation);

  if (target->start_year < TIDU_YEAR_MIN || target->start_year > TIDU_YEAR_MAX)
    {
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "start_year", NULL,
                           _("Enter a year from %d to %d."), TIDU_YEAR_MIN, TIDU_YEAR_MAX);
      years_ok = FALSE;
    }
  if (target->end_year < TIDU_YEAR_MIN || target->end_year > TIDU_YEAR_MAX)
    {
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "end_year", NULL,
                           _("Enter a year from %d to %d."), TIDU_YEAR_MIN, TIDU_YEAR_MAX);
      years_ok = FALSE;
    }
  else if (years_ok && target->end_year < target->start_year)
    {
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "end_year", NULL,
                           _("The last year of the target cannot be before its first year."));
      years_ok = FALSE;
    }

  if (!TIDU_IS_SET (target->value))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "value", NULL,
                         _("Enter the goal of the target."));
  else if (target->value < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "value", NULL,
                         _("The goal cannot be negative."));

  if (target->years != NULL)
    for (guint i = 0; i < target->years->len; i++)
      {
        const TiduTargetYear *entry = &g_array_index (target->years, TiduTargetYear, i);
        gboolean twice = FALSE;

        for (guint j = 0; j < i; j++)
          twice = twice || g_array_index (target->years, TiduTargetYear, j).year == entry->year;
        if (twice)
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "years", NULL,
                               _("The yearly breakdown has %d more than once."), entry->year);
        else if (years_ok && (entry->year < target->start_year || entry->year > target->end_year))
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "years", NULL,
                               _("The yearly breakdown has %d, outside the target’s years %d to %d."),
                               entry->year, target->start_year, target->end_year);
        if (entry->value < 0)
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "years", NULL,
                               _("The goal for %d cannot be negative."), entry->year);
      }

  return !tidu_validation_has_errors (validation);
}

/* ------------------------------------------------------------------ writing */

static int
compare_years (gconstpointer a,
               gconstpointer b)
{
  return ((const TiduTargetYear *) a)->year - ((const TiduTargetYear *) b)->year;
}

static gboolean
write_years (TiduDatabase  *db,
             TiduTarget    *target,
             const char    *now,
             GError       **error)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_array_sort (target->years, compare_years);
  for (guint i = 0; i < target->years->len; i++)
    {
      const TiduTargetYear *entry = &g_array_index (target->years, TiduTargetYear, i);

      stmt = tidu_database_prepare (db,
                                    "UPDATE target_years SET value = ?3, updated_at = ?4 "
                                    "WHERE target_id = ?1 AND year = ?2 AND deleted_at IS NULL AND value IS NOT ?3",
                                    error);
      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, target->id);
      tidu_bind_int (stmt, 2, entry->year);
      tidu_bind_int (stmt, 3, entry->value);
      tidu_bind_text (stmt, 4, now);
      if (!tidu_database_step_done (db, stmt, error))
        return FALSE;

      stmt = tidu_database_prepare (db,
                                    "INSERT INTO target_years (id, target_id, year, value, created_at, updated_at) "
                                    "SELECT ?1, ?2, ?3, ?4, ?5, ?5 WHERE NOT EXISTS (SELECT 1 FROM target_years "
                                    "WHERE target_id = ?2 AND year = ?3 AND deleted_at IS NULL)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      {
        g_autofree char *id = tidu_record_new_id ();

        tidu_bind_text (stmt, 1, id);
      }
      tidu_bind_text (stmt, 2, target->id);
      tidu_bind_int (stmt, 3, entry->year);
      tidu_bind_int (stmt, 4, entry->value);
      tidu_bind_text (stmt, 5, now);
      if (!tidu_database_step_done (db, stmt, error))
        return FALSE;
      g_string_append_printf (kept, "%s%d", kept->len > 0 ? "," : "", entry->year);
    }

  /* Years taken out of the breakdown go to the trash with the time, like any deletion. */
  stmt = tidu_database_prepare (db,
                                "UPDATE target_years SET deleted_at = ?2, updated_at = ?2 "
                                "WHERE target_id = ?1 AND deleted_at IS NULL "
                                "AND year NOT IN (SELECT value FROM json_each ('[' || ?3 || ']'))",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, target->id);
  tidu_bind_text (stmt, 2, now);
  tidu_bind_text (stmt, 3, kept->str);
  return tidu_database_step_done (db, stmt, error);
}

static gboolean
write_target (TiduDatabase  *db,
              gpointer       data,
              GError       **error)
{
  TiduTarget *target = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&target->indicator);
  tidu_text_tidy (&target->parameter);
  tidu_text_tidy (&target->region_id);
  tidu_text_tidy (&target->title);
  tidu_text_tidy (&target->source);
  tidu_text_tidy (&target->notes);
  if (!tidu_target_validate (db, target, validation))
    return tidu_validation_to_error (validation, error);

  if (target->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO targets (" TARGET_COLUMNS ") VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE targets SET indicator = ?2, parameter = ?3, region_id = ?4, title = ?5, "
                                  "start_year = ?6, end_year = ?7, value = ?8, source = ?9, notes = ?10, updated_at = ?11 "
                                  "WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, target->id != NULL ? target->id : new_id);
  tidu_bind_text (stmt, 2, target->indicator);
  tidu_bind_text (stmt, 3, target->parameter);
  tidu_bind_text (stmt, 4, target->region_id);
  tidu_bind_text (stmt, 5, target->title);
  tidu_bind_int (stmt, 6, target->start_year);
  tidu_bind_int (stmt, 7, target->end_year);
  tidu_bind_int (stmt, 8, target->value);
  tidu_bind_text (stmt, 9, target->source);
  tidu_bind_text (stmt, 10, target->notes);
  tidu_bind_text (stmt, 11, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (target->id != NULL && !tidu_record_check_changed (db, _("The target was not found, or it is in the trash."), error))
    return FALSE;
  tidu_record_stamp (&target->id, &target->created_at, &target->updated_at, new_id, now);
  return write_years (db, target, now, error);
}

/**
 * tidu_target_save:
 *
 * Validates and stores @target with its yearly breakdown in one transaction.
 */
gboolean
tidu_target_save (TiduDatabase  *db,
                  TiduTarget    *target,
                  GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  return tidu_record_save_copy (db, target, sizeof *target, (TiduCopyFunc) tidu_target_copy,
                                (GDestroyNotify) tidu_target_free, (GDestroyNotify) target_clear,
                                write_target, error);
}

TiduTarget *
tidu_target_load (TiduDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  g_autoptr(TiduTarget) target = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  target = tidu_record_load_row (db, "SELECT " TARGET_COLUMNS " FROM targets WHERE id = ?1", id,
                                 target_from_row, _("The target was not found."), error);
  if (target == NULL || !load_years (db, target, error))
    return NULL;
  return g_steal_pointer (&target);
}

gboolean
tidu_target_delete (TiduDatabase  *db,
                    const char    *id,
                    GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "targets", id, TRUE, error);
}

gboolean
tidu_target_restore (TiduDatabase  *db,
                     const char    *id,
                     GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "targets", id, FALSE, error);
}

GPtrArray *
tidu_target_list (TiduDatabase  *db,
                  const char    *region_id,
                  int            year,
                  gboolean       trash,
                  GError       **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_target_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  stmt = tidu_database_prepare (db,
                                "SELECT " TARGET_COLUMNS " FROM targets "
                                "WHERE (deleted_at IS NOT NULL) = ?1 AND (?2 IS NULL OR region_id = ?2) "
                                "AND (?3 = 0 OR ?3 BETWEEN start_year AND end_year) "
                                "ORDER BY indicator, ifnull (parameter, ''), end_year, created_at",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, trash ? 1 : 0);
  tidu_bind_text (stmt, 2, tidu_text_is_empty (region_id) ? NULL : region_id);
  sqlite3_bind_int (stmt, 3, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (targets, target_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, error);
      return NULL;
    }
  for (guint i = 0; i < targets->len; i++)
    if (!load_years (db, g_ptr_array_index (targets, i), error))
      return NULL;
  return g_steal_pointer (&targets);
}

/* ------------------------------------------------------------------ actual figures */

/* The level a carrier (c) holds on :end: its highest recognition then; its current level when
 * it has no level history. */
#define CARRIER_LEVEL_ON \
  "ifnull ((SELECT cl.level FROM carrier_levels AS cl JOIN levels AS l ON l.code = cl.level " \
  "WHERE cl.carrier_id = c.id AND cl.deleted_at IS NULL AND cl.recognized_on <= :end " \
  "AND (cl.revoked_on IS NULL OR cl.revoked_on > :end) ORDER BY l.rank DESC LIMIT 1), " \
  "CASE WHEN NOT EXISTS (SELECT 1 FROM carrier_levels AS h WHERE h.carrier_id = c.id AND h.deleted_at IS NULL) " \
  "THEN c.level END)"

static char *
actual_sql (TiduIndicator          indicator,
            const TiduStatsFilter *filter,
            const char            *parameter)
{
  GString *sql = g_string_new (NULL);
  gboolean region = !tidu_text_is_empty (filter->region_id);

  tidu_stats_append_region_tree (sql, filter);
  switch (indicator)
    {
    case TIDU_INDICATOR_FIRMS_PER_TIER:
      g_string_append (sql, "SELECT count (DISTINCT ft.firm_id) FROM firm_tiers AS ft "
                            "WHERE ft.tier = :parameter AND " TIDU_TIER_HELD_ON ("ft", ":end"));
      tidu_stats_append_firm_filter (sql, filter, "ft.firm_id");
      break;
    case TIDU_INDICATOR_NEW_CERTIFICATIONS:
      g_string_append (sql, "SELECT count (DISTINCT ft.firm_id) FROM firm_tiers AS ft "
                            "WHERE ft.tier = :parameter AND ft.deleted_at IS NULL "
                            "AND ft.certified_on >= :start AND ft.certified_on <= :end");
      tidu_stats_append_firm_filter (sql, filter, "ft.firm_id");
      break;
    case TIDU_INDICATOR_FIRMS_ATTRACTED:
      {
        /* Through the firms_stage index: (stage, signed_on) ranges, then the few rows. */
        const char *region_condition = region ? " AND f.region_id IN (SELECT id FROM region_tree)" : "";

        if (g_strcmp0 (parameter, "landed") == 0)
          g_string_append_printf (sql, "SELECT count(*) FROM firms AS f WHERE f.attraction_stage = 'landed' "
                                  "AND (f.signed_on IS NULL OR f.signed_on <= :end) "
                                  "AND f.landed_on >= :start AND f.landed_on <= :end AND f.deleted_at IS NULL%s",
                                  region_condition);
        else
          g_string_append_printf (sql, "SELECT (SELECT count(*) FROM firms AS f WHERE f.attraction_stage IN ('signed', 'landed') "
                                  "AND f.signed_on >= :start AND f.signed_on <= :end AND f.deleted_at IS NULL%s) "
                                  "+ (SELECT count(*) FROM firms AS f WHERE f.attraction_stage IN ('signed', 'landed') "
                                  "AND f.signed_on IS NULL AND f.landed_on >= :start AND f.landed_on <= :end "
                                  "AND f.deleted_at IS NULL%s)",
                                  region_condition, region_condition);
        break;
      }
    case TIDU_INDICATOR_PROMOTION_EVENTS:
      g_string_append (sql, "SELECT count(*) FROM promotion_events AS e WHERE e.deleted_at IS NULL "
                            "AND e.held_on >= :start AND e.held_on <= :end");
      if (region)
        g_string_append (sql, " AND e.region_id IN (SELECT id FROM region_tree)");
      break;
    case TIDU_INDICATOR_CARRIERS:
    case TIDU_INDICATOR_CARRIER_AREA:
      {
        g_auto(GStrv) parts = g_strsplit (parameter != NULL ? parameter : "", ":", 2);

        g_string_append (sql, indicator == TIDU_INDICATOR_CARRIERS
                              ? "SELECT count(*) FROM carriers AS c"
                              : "SELECT CAST (round (total (c.area_m2)) AS INTEGER) FROM carriers AS c");
        g_string_append (sql, " WHERE c.deleted_at IS NULL AND (c.founded_on IS NULL OR c.founded_on <= :end)");
        if (parts[0] != NULL && parts[0][0] != '\0')
          g_string_append (sql, " AND c.kind = :kind");
        if (parts[0] != NULL && parts[1] != NULL && parts[1][0] != '\0')
          g_string_append (sql, " AND " CARRIER_LEVEL_ON " = :level");
        if (region)
          g_string_append (sql, " AND c.region_id IN (SELECT id FROM region_tree)");
        break;
      }
    case TIDU_INDICATOR_TALENTS_AWARDED:
      {
        const char *award_filter =
          "a.deleted_at IS NULL AND a.status <> 'revoked' "
          "AND ifnull (a.year, (SELECT b.year FROM talent_plan_batches AS b WHERE b.id = a.batch_id)) = :year "
          "AND (:parameter IS NULL OR a.plan_id = :parameter) "
          "AND a.plan_id IN (SELECT p.id FROM talent_plans AS p WHERE p.deleted_at IS NULL)";
        const char *region_filter = region
          ? " AND (t.region_id IN (SELECT id FROM region_tree) "
            "OR a.firm_id IN (SELECT f.id FROM firms AS f WHERE f.region_id IN (SELECT id FROM region_tree)))"
          : "";

        g_string_append_printf (sql,
                                "SELECT count(*) FROM ("
                                "SELECT a.talent_id FROM talent_awards AS a JOIN talents AS t ON t.id = a.talent_id "
                                "WHERE t.deleted_at IS NULL AND %s%s "
                                "UNION SELECT m.talent_id FROM talent_award_members AS m "
                                "JOIN talent_awards AS a ON a.id = m.award_id JOIN talents AS t ON t.id = m.talent_id "
                                "WHERE m.deleted_at IS NULL AND t.deleted_at IS NULL AND %s%s)",
                                award_filter, region_filter, award_filter, region_filter);
        break;
      }
    case TIDU_N_INDICATORS:
    default:
      g_assert_not_reached ();
    }
  return g_string_free (sql, FALSE);
}

/**
 * tidu_indicator_actual:
 * @date: (nullable): the as-of day; %NULL: today
 *
 * The indicator's figure for the region in @year (see TiduIndicator).
 */
gboolean
tidu_indicator_actual (TiduDatabase   *db,
                       TiduIndicator   indicator,
                       const char     *parameter,
                       const char     *region_id,
                       int             year,
                       const GDate    *date,
                       gint64         *actual,
                       GError        **error)
{
  g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
  g_autofree char *sql = NULL;
  g_auto(GStrv) parts = NULL;
  sqlite3_stmt *stmt;
  GDate day, start, end;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (indicator < TIDU_N_INDICATORS, FALSE);
  g_return_val_if_fail (actual != NULL, FALSE);

  *actual = 0;
  if (year < TIDU_YEAR_MIN || year > TIDU_YEAR_MAX)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("Enter a year from %d to %d."), TIDU_YEAR_MIN, TIDU_YEAR_MAX);
      return FALSE;
    }
  if (date != NULL && g_date_valid (date))
    filter->date = *date;
  tidu_stats_filter_resolve (filter, &day, NULL, NULL);
  /* A year that has not begun on the as-of day has no figure yet. */
  if (year > g_date_get_year (&day))
    return TRUE;
  filter->region_id = tidu_text_is_empty (region_id) ? NULL : g_strdup (region_id);
  tidu_stats_year_end (year, &day, &end);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);

  sql = actual_sql (indicator, filter, parameter);
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  tidu_stats_bind_filter (stmt, filter);
  tidu_stats_bind_date (stmt, ":start", &start);
  tidu_stats_bind_date (stmt, ":end", &end);
  if (sqlite3_bind_parameter_index (stmt, ":year") > 0)
    sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":year"), year);
  if (sqlite3_bind_parameter_index (stmt, ":parameter") > 0)
    tidu_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":parameter"),
                    tidu_text_is_empty (parameter) ? NULL : parameter);
  parts = g_strsplit (parameter != NULL ? parameter : "", ":", 2);
  if (sqlite3_bind_parameter_index (stmt, ":kind") > 0)
    tidu_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":kind"), parts[0]);
  if (sqlite3_bind_parameter_index (stmt, ":level") > 0 && parts[0] != NULL)
    tidu_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":level"), parts[1]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *actual = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

static void
progress_set_ratio (TiduTargetProgress *progress)
{
  progress->ratio = TIDU_IS_SET (progress->target) && progress->target > 0 && TIDU_IS_SET (progress->actual)
                    ? (double) progress->actual / (double) progress->target : NAN;
}

void
tidu_target_progress_free (TiduTargetProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->target_id);
  g_free (progress->indicator);
  g_free (progress->parameter);
  g_free (progress->region_id);
  g_free (progress->title);
  g_free (progress);
}

/**
 * tidu_target_progress:
 * @date: (nullable): the as-of day; %NULL: today
 *
 * Returns: (transfer full): the goal, the figure and their ratio, or %NULL with @error set.
 */
TiduTargetProgress *
tidu_target_progress (TiduDatabase      *db,
                      const TiduTarget  *target,
                      int                year,
                      const GDate       *date,
                      GError           **error)
{
  g_autoptr(TiduTargetProgress) progress = g_new0 (TiduTargetProgress, 1);
  g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
  TiduIndicator indicator;
  GDate day;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  if (!tidu_indicator_from_string (target->indicator, &indicator))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("“%s” is not a known indicator."),
                   target->indicator != NULL ? target->indicator : "");
      return NULL;
    }
  if (date != NULL && g_date_valid (date))
    filter->date = *date;
  tidu_stats_filter_resolve (filter, &day, NULL, NULL);

  progress->target_id = g_strdup (target->id);
  progress->indicator = g_strdup (target->indicator);
  progress->parameter = g_strdup (target->parameter);
  progress->region_id = g_strdup (target->region_id);
  progress->title = g_strdup (target->title);
  progress->year = year;
  progress->target = tidu_target_get_year (target, year);
  tidu_stats_year_end (year, &day, &progress->as_of);
  if (!tidu_indicator_actual (db, indicator, target->parameter, target->region_id, year, &day,
                              &progress->actual, error)
      || !tidu_indicator_actual (db, indicator, target->parameter, target->region_id, year - 1, &day,
                                 &progress->last_year, error))
    return NULL;
  progress_set_ratio (progress);
  return g_steal_pointer (&progress);
}

static gboolean
tier_indicator (TiduDatabase     *db,
                const TiduTarget *target,
                TiduIndicator     indicator,
                gboolean         *ladder_tier,
                GError          **error)
{
  gboolean exists = FALSE;

  *ladder_tier = FALSE;
  if ((indicator != TIDU_INDICATOR_FIRMS_PER_TIER && indicator != TIDU_INDICATOR_NEW_CERTIFICATIONS)
      || tidu_text_is_empty (target->parameter))
    return TRUE;
  if (!tidu_record_row_exists (db, "SELECT 1 FROM tiers WHERE code = ?1 AND line = 'ladder'", target->parameter,
                               &exists, error))
    return FALSE;
  *ladder_tier = exists;
  return TRUE;
}

GPtrArray *
tidu_target_progress_collect (TiduDatabase  *db,
                              const char    *region_id,
                              int            year,
                              const GDate   *date,
                              GPtrArray     *queries,
                              GError       **error)
{
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_target_progress_free);
  g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
  GDate day;

  if (date != NULL && g_date_valid (date))
    filter->date = *date;
  tidu_stats_filter_resolve (filter, &day, NULL, NULL);
  targets = tidu_target_list (db, region_id, year, FALSE, error);
  if (targets == NULL)
    return NULL;
  for (guint i = 0; i < targets->len; i++)
    {
      TiduTarget *target = g_ptr_array_index (targets, i);
      TiduTargetProgress *progress;
      TiduIndicator indicator;
      gboolean ladder_tier;

      if (!tidu_indicator_from_string (target->indicator, &indicator))
        {
          /* A target of an indicator this version does not know (a newer colleague's file):
           * listed, without a figure. */
          progress = g_new0 (TiduTargetProgress, 1);
          progress->target_id = g_strdup (target->id);
          progress->indicator = g_strdup (target->indicator);
          progress->parameter = g_strdup (target->parameter);
          progress->region_id = g_strdup (target->region_id);
          progress->title = g_strdup (target->title);
          progress->year = year;
          progress->target = tidu_target_get_year (target, year);
          tidu_stats_year_end (year, &day, &progress->as_of);
          progress->actual = TIDU_UNSET;
          progress->last_year = TIDU_UNSET;
          progress->ratio = NAN;
          g_ptr_array_add (list, progress);
          continue;
        }
      if (!tier_indicator (db, target, indicator, &ladder_tier, error))
        return NULL;
      if (ladder_tier && year <= g_date_get_year (&day))
        {
          TiduStatsTierQuery *query = g_new0 (TiduStatsTierQuery, 1);

          progress = g_new0 (TiduTargetProgress, 1);
          progress->target_id = g_strdup (target->id);
          progress->indicator = g_strdup (target->indicator);
          progress->parameter = g_strdup (target->parameter);
          progress->region_id = g_strdup (target->region_id);
          progress->title = g_strdup (target->title);
          progress->year = year;
          progress->target = tidu_target_get_year (target, year);
          tidu_stats_year_end (year, &day, &progress->as_of);
          query->tier = progress->parameter;
          query->new_certifications = indicator == TIDU_INDICATOR_NEW_CERTIFICATIONS;
          query->region_id = progress->region_id;
          query->year = year;
          query->progress = progress;
          g_ptr_array_add (queries, query);
        }
      else
        {
          progress = tidu_target_progress (db, target, year, &day, error);
          if (progress == NULL)
            return NULL;
        }
      g_ptr_array_add (list, progress);
    }
  return g_steal_pointer (&list);
}

void
tidu_target_progress_finish (GPtrArray *queries)
{
  for (guint q = 0; q < queries->len; q++)
    {
      TiduStatsTierQuery *query = g_ptr_array_index (queries, q);

      query->progress->actual = query->actual;
      query->progress->last_year = query->last_year;
      progress_set_ratio (query->progress);
    }
}

/**
 * tidu_target_progress_list:
 * @date: (nullable): the as-of day; %NULL: today
 *
 * The tier figures of all the targets come from one pass over the certifications.
 *
 * Returns: (transfer full) (element-type TiduTargetProgress): the progress of the live targets
 * covering @year, or %NULL with @error set.
 */
GPtrArray *
tidu_target_progress_list (TiduDatabase  *db,
                           const char    *region_id,
                           int            year,
                           const GDate   *date,
                           GError       **error)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) list = NULL;
  gboolean ok;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  if (!tidu_stats_begin_read (db, error))
    return NULL;
  list = tidu_target_progress_collect (db, region_id, year, date, queries, error);
  ok = list != NULL && tidu_stats_tier_queries (db, queries, date, error);
  tidu_stats_end_read (db);
  if (!ok)
    return NULL;
  tidu_target_progress_finish (queries);
  return g_steal_pointer (&list);
}
