/* tidu-carrier.c: innovation carriers, their level history and yearly statistics.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tidu-carrier.h"
#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-region.h"
#include "tidu-uscc.h"

/* ------------------------------------------------------------------ helpers */

static gboolean
bad_measure (double value)
{
  return !isnan (value) && (value < 0 || isinf (value));
}

static void
today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

/* ------------------------------------------------------------------ carriers */

#define CARRIER_COLUMNS \
  "id, name, kind, level, region_id, operator, operator_uscc, address, area_m2, founded_on, " \
  "contact_name, contact_phone, notes, created_at, updated_at, deleted_at"

TiduCarrier *
tidu_carrier_new (void)
{
  TiduCarrier *carrier = g_new0 (TiduCarrier, 1);

  carrier->area_m2 = NAN;
  g_date_clear (&carrier->founded_on, 1);
  return carrier;
}

static void
carrier_clear (TiduCarrier *carrier)
{
  g_free (carrier->id);
  g_free (carrier->name);
  g_free (carrier->kind);
  g_free (carrier->level);
  g_free (carrier->region_id);
  g_free (carrier->operator);
  g_free (carrier->operator_uscc);
  g_free (carrier->address);
  g_free (carrier->contact_name);
  g_free (carrier->contact_phone);
  g_free (carrier->notes);
  g_free (carrier->created_at);
  g_free (carrier->updated_at);
  g_free (carrier->deleted_at);
}

void
tidu_carrier_free (TiduCarrier *carrier)
{
  if (carrier == NULL)
    return;
  carrier_clear (carrier);
  g_free (carrier);
}

TiduCarrier *
tidu_carrier_copy (const TiduCarrier *carrier)
{
  TiduCarrier *copy;

  g_return_val_if_fail (carrier != NULL, NULL);

  copy = g_new (TiduCarrier, 1);
  *copy = *carrier;
  copy->id = g_strdup (carrier->id);
  copy->name = g_strdup (carrier->name);
  copy->kind = g_strdup (carrier->kind);
  copy->level = g_strdup (carrier->level);
  copy->region_id = g_strdup (carrier->region_id);
  copy->operator = g_strdup (carrier->operator);
  copy->operator_uscc = g_strdup (carrier->operator_uscc);
  copy->address = g_strdup (carrier->address);
  copy->contact_name = g_strdup (carrier->contact_name);
  copy->contact_phone = g_strdup (carrier->contact_phone);
  copy->notes = g_strdup (carrier->notes);
  copy->created_at = g_strdup (carrier->created_at);
  copy->updated_at = g_strdup (carrier->updated_at);
  copy->deleted_at = g_strdup (carrier->deleted_at);
  return copy;
}

static gpointer
carrier_from_row (sqlite3_stmt *stmt)
{
  TiduCarrier *carrier = tidu_carrier_new ();

  carrier->id = tidu_column_text (stmt, 0);
  carrier->name = tidu_column_text (stmt, 1);
  carrier->kind = tidu_column_text (stmt, 2);
  carrier->level = tidu_column_text (stmt, 3);
  carrier->region_id = tidu_column_text (stmt, 4);
  carrier->operator = tidu_column_text (stmt, 5);
  carrier->operator_uscc = tidu_column_text (stmt, 6);
  carrier->address = tidu_column_text (stmt, 7);
  carrier->area_m2 = tidu_column_double (stmt, 8);
  tidu_column_date (stmt, 9, &carrier->founded_on);
  carrier->contact_name = tidu_column_text (stmt, 10);
  carrier->contact_phone = tidu_column_text (stmt, 11);
  carrier->notes = tidu_column_text (stmt, 12);
  carrier->created_at = tidu_column_text (stmt, 13);
  carrier->updated_at = tidu_column_text (stmt, 14);
  carrier->deleted_at = tidu_column_text (stmt, 15);
  return carrier;
}

/**
 * tidu_carrier_check_reference:
 * @carrier_id: (nullable): the carrier a record points at
 * @field: the field of that record, for the issue
 *
 * Adds an error to @validation when @carrier_id is set but names no live carrier.
 *
 * Returns: %TRUE when no issue was added.
 */
gboolean
tidu_carrier_check_reference (TiduDatabase   *db,
                              const char     *carrier_id,
                              const char     *field,
                              TiduValidation *validation)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (carrier_id))
    return TRUE;
  return tidu_record_check_live (db, validation, "carriers", carrier_id, field,
                                 _("The carrier does not exist."),
                                 _("The carrier is in the trash. Restore it first."));
}

/* The live carrier other than @self_id with @name in @region_id. */
static gboolean
find_namesake (TiduDatabase  *db,
               const char    *name,
               const char    *region_id,
               const char    *self_id,
               char         **other_id,
               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *other_id = NULL;
  stmt = tidu_database_prepare (db,
                                "SELECT id FROM carriers WHERE name = ?1 AND ifnull (region_id, '') = ifnull (?2, '') "
                                "AND deleted_at IS NULL AND (?3 IS NULL OR id <> ?3) LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, name);
  tidu_bind_text (stmt, 2, region_id);
  tidu_bind_text (stmt, 3, self_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *other_id = tidu_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/**
 * tidu_carrier_validate:
 *
 * Rules: a name not used by another live carrier of the same region (%TIDU_ERROR_DUPLICATE
 * with other_id); a known kind and, when given, level; an existing region; an operator code that
 * is well formed (a check-character mismatch is a warning); an area not negative.
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_carrier_validate (TiduDatabase      *db,
                       const TiduCarrier *carrier,
                       TiduValidation    *validation)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (carrier != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  name = tidu_text_stripped (carrier->name);
  if (tidu_text_is_empty (name))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "name", NULL,
                         _("Enter the name of the carrier."));
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *other_id = NULL;
      g_autofree char *region_id = tidu_text_stripped (carrier->region_id);

      if (!find_namesake (db, name, tidu_text_is_empty (region_id) ? NULL : region_id, carrier->id, &other_id, &error))
        tidu_record_add_database_issue (validation, error);
      else if (other_id != NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "name", other_id,
                             _("There is already a carrier named “%s” in this region."), name);
    }

  if (tidu_text_is_empty (carrier->kind))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "kind", NULL,
                         _("Choose the kind of carrier."));
  else if (!tidu_record_code_known (db, validation, "carrier_kinds", carrier->kind))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "kind", NULL,
                         _("“%s” is not a known kind of carrier."), carrier->kind);
  if (!tidu_record_code_known (db, validation, "levels", carrier->level))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "level", NULL,
                         _("“%s” is not a known level."), carrier->level);

  tidu_region_check_reference (db, carrier->region_id, "region_id", validation);
  tidu_record_check_uscc (validation, "operator_uscc", carrier->operator_uscc, FALSE, NULL);
  if (bad_measure (carrier->area_m2))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "area_m2", NULL,
                         _("The area cannot be negative."));

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_carrier (TiduDatabase  *db,
               gpointer       data,
               GError       **error)
{
  TiduCarrier *carrier = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&carrier->name);
  tidu_text_tidy (&carrier->kind);
  tidu_text_tidy (&carrier->level);
  tidu_text_tidy (&carrier->region_id);
  tidu_text_tidy (&carrier->operator);
  tidu_text_tidy (&carrier->operator_uscc);
  tidu_text_tidy (&carrier->address);
  tidu_text_tidy (&carrier->contact_name);
  tidu_text_tidy (&carrier->contact_phone);
  tidu_text_tidy (&carrier->notes);
  if (!tidu_carrier_validate (db, carrier, validation))
    return tidu_validation_to_error (validation, error);
  if (carrier->operator_uscc != NULL)
    {
      TiduUsccResult uscc;

      tidu_uscc_validate (carrier->operator_uscc, &uscc);
      tidu_text_replace (&carrier->operator_uscc, g_strdup (uscc.normalized));
    }

  if (carrier->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO carriers (" CARRIER_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                    "?9, ?10, ?11, ?12, ?13, ?14, ?14, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE carriers SET name = ?2, kind = ?3, level = ?4, region_id = ?5, operator = ?6, "
                                  "operator_uscc = ?7, address = ?8, area_m2 = ?9, founded_on = ?10, contact_name = ?11, "
                                  "contact_phone = ?12, notes = ?13, updated_at = ?14 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, carrier->id != NULL ? carrier->id : new_id);
  tidu_bind_text (stmt, 2, carrier->name);
  tidu_bind_text (stmt, 3, carrier->kind);
  tidu_bind_text (stmt, 4, carrier->level);
  tidu_bind_text (stmt, 5, carrier->region_id);
  tidu_bind_text (stmt, 6, carrier->operator);
  tidu_bind_text (stmt, 7, carrier->operator_uscc);
  tidu_bind_text (stmt, 8, carrier->address);
  tidu_bind_double (stmt, 9, carrier->area_m2);
  tidu_bind_date (stmt, 10, &carrier->founded_on);
  tidu_bind_text (stmt, 11, carrier->contact_name);
  tidu_bind_text (stmt, 12, carrier->contact_phone);
  tidu_bind_text (stmt, 13, carrier->notes);
  tidu_bind_text (stmt, 14, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (carrier->id != NULL && !tidu_record_check_changed (db, _("The carrier was not found, or it is in the trash."), error))
    return FALSE;
  tidu_record_stamp (&carrier->id, &carrier->created_at, &carrier->updated_at, new_id, now);
  return TRUE;
}

/**
 * tidu_carrier_save:
 * @carrier: a new carrier (id %NULL) or a loaded one
 *
 * Validates and inserts or updates @carrier in one transaction, storing the operator's code in
 * its normalized form. On failure nothing changes and @error holds the first blocking issue.
 */
gboolean
tidu_carrier_save (TiduDatabase  *db,
                   TiduCarrier   *carrier,
                   GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (carrier != NULL, FALSE);

  return tidu_record_save_copy (db, carrier, sizeof *carrier, (TiduCopyFunc) tidu_carrier_copy,
                                (GDestroyNotify) tidu_carrier_free, (GDestroyNotify) carrier_clear,
                                write_carrier, error);
}

/**
 * tidu_carrier_load:
 *
 * Returns: (transfer full): the carrier, also when it is in the trash (deleted_at set), or
 * %NULL with %TIDU_ERROR_NOT_FOUND.
 */
TiduCarrier *
tidu_carrier_load (TiduDatabase  *db,
                   const char    *id,
                   GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  return tidu_record_load_row (db, "SELECT " CARRIER_COLUMNS " FROM carriers WHERE id = ?1", id, carrier_from_row,
                               _("The carrier was not found."), error);
}

/* Moves a carrier to the trash; its history, statistics and stays stay with it. */
gboolean
tidu_carrier_delete (TiduDatabase  *db,
                     const char    *id,
                     GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "carriers", id, TRUE, error);
}

/* Refused with %TIDU_ERROR_DUPLICATE when a live carrier of the same region took its name. */
gboolean
tidu_carrier_restore (TiduDatabase  *db,
                      const char    *id,
                      GError       **error)
{
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autofree char *other_id = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  carrier = tidu_carrier_load (db, id, error);
  if (carrier == NULL)
    goto fail;
  if (carrier->deleted_at != NULL)
    {
      if (!find_namesake (db, carrier->name, carrier->region_id, carrier->id, &other_id, error))
        goto fail;
      if (other_id != NULL)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE,
                       _("Another carrier named “%s” has taken its place in the region. Rename one of them first."),
                       carrier->name);
          goto fail;
        }
    }
  if (!tidu_record_set_deleted (db, "carriers", id, FALSE, error))
    goto fail;
  return tidu_database_commit (db, error);

fail:
  tidu_database_rollback (db);
  return FALSE;
}

/**
 * tidu_carrier_purge:
 *
 * Removes a carrier that is in the trash for good, with its level history and statistics.
 * Refused with %TIDU_ERROR_CONFLICT while stays of firms or subsidy records still point at it.
 */
gboolean
tidu_carrier_purge (TiduDatabase  *db,
                    const char    *id,
                    GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_purge_unless_used (db, "carriers", id, NULL,
                                        _("Stays of firms or subsidy records, some perhaps in the trash, still refer to this carrier. It cannot be removed for good."),
                                        error);
}

/* ------------------------------------------------------------------ level history */

#define CARRIER_LEVEL_COLUMNS \
  "id, carrier_id, level, recognized_on, document, revoked_on, created_at, updated_at, deleted_at"

TiduCarrierLevel *
tidu_carrier_level_new (void)
{
  TiduCarrierLevel *level = g_new0 (TiduCarrierLevel, 1);

  g_date_clear (&level->recognized_on, 1);
  g_date_clear (&level->revoked_on, 1);
  return level;
}

static void
carrier_level_clear (TiduCarrierLevel *level)
{
  g_free (level->id);
  g_free (level->carrier_id);
  g_free (level->level);
  g_free (level->document);
  g_free (level->created_at);
  g_free (level->updated_at);
  g_free (level->deleted_at);
}

void
tidu_carrier_level_free (TiduCarrierLevel *level)
{
  if (level == NULL)
    return;
  carrier_level_clear (level);
  g_free (level);
}

TiduCarrierLevel *
tidu_carrier_level_copy (const TiduCarrierLevel *level)
{
  TiduCarrierLevel *copy;

  g_return_val_if_fail (level != NULL, NULL);

  copy = g_new (TiduCarrierLevel, 1);
  *copy = *level;
  copy->id = g_strdup (level->id);
  copy->carrier_id = g_strdup (level->carrier_id);
  copy->level = g_strdup (level->level);
  copy->document = g_strdup (level->document);
  copy->created_at = g_strdup (level->created_at);
  copy->updated_at = g_strdup (level->updated_at);
  copy->deleted_at = g_strdup (level->deleted_at);
  return copy;
}

static gpointer
carrier_level_from_row (sqlite3_stmt *stmt)
{
  TiduCarrierLevel *level = tidu_carrier_level_new ();

  level->id = tidu_column_text (stmt, 0);
  level->carrier_id = tidu_column_text (stmt, 1);
  level->level = tidu_column_text (stmt, 2);
  tidu_column_date (stmt, 3, &level->recognized_on);
  level->document = tidu_column_text (stmt, 4);
  tidu_column_date (stmt, 5, &level->revoked_on);
  level->created_at = tidu_column_text (stmt, 6);
  level->updated_at = tidu_column_text (stmt, 7);
  level->deleted_at = tidu_column_text (stmt, 8);
  return level;
}

/* carriers.level := the highest-ranked level the carrier holds today. */
static gboolean
update_current_level (TiduDatabase  *db,
                      const char    *carrier_id,
                      GError       **error)
{
  g_autofree char *now = tidu_record_timestamp ();
  sqlite3_stmt *stmt;
  GDate date;

  today (&date);
  stmt = tidu_database_prepare (db,
                                "UPDATE carriers SET level = ("
                                "  SELECT cl.level FROM carrier_levels AS cl JOIN levels AS l ON l.code = cl.level"
                                "  WHERE cl.carrier_id = ?1 AND cl.deleted_at IS NULL AND cl.recognized_on <= ?2"
                                "  AND (cl.revoked_on IS NULL OR cl.revoked_on > ?2) ORDER BY l.rank DESC LIMIT 1"
                                "), updated_at = ?3 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, carrier_id);
  tidu_bind_date (stmt, 2, &date);
  tidu_bind_text (stmt, 3, now);
  return tidu_database_step_done (db, stmt, error);
}

/**
 * tidu_carrier_level_validate:
 *
 * Rules: a live carrier; a known level; a recognition date; a revocation date, when given, not
 * before it.
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_carrier_level_validate (TiduDatabase           *db,
                             const TiduCarrierLevel *level,
                             TiduValidation         *validation)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (level != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (level->carrier_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "carrier_id", NULL,
                         _("Choose the carrier."));
  else
    tidu_carrier_check_reference (db, level->carrier_id, "carrier_id", validation);
  if (tidu_text_is_empty (level->level))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "level", NULL,
                         _("Choose the level of the recognition."));
  else if (!tidu_record_code_known (db, validation, "levels", level->level))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "level", NULL,
                         _("“%s” is not a known level."), level->level);
  if (!tidu_date_is_set (&level->recognized_on))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "recognized_on", NULL,
                         _("Enter the date of the recognition."));
  else if (tidu_date_is_set (&level->revoked_on) && g_date_compare (&level->revoked_on, &level->recognized_on) < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "revoked_on", NULL,
                         _("The revocation date cannot be before the recognition date."));

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_carrier_level (TiduDatabase  *db,
                     gpointer       data,
                     GError       **error)
{
  TiduCarrierLevel *level = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  g_autofree char *old_carrier_id = NULL;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&level->carrier_id);
  tidu_text_tidy (&level->level);
  tidu_text_tidy (&level->document);
  if (!tidu_carrier_level_validate (db, level, validation))
    return tidu_validation_to_error (validation, error);

  if (level->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO carrier_levels (" CARRIER_LEVEL_COLUMNS ") "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, NULL)",
                                    error);
    }
  else
    {
      /* An entry moved to another carrier changes the level of both. */
      stmt = tidu_database_prepare (db, "SELECT carrier_id FROM carrier_levels WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, level->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        old_carrier_id = tidu_column_text (stmt, 0);
      sqlite3_reset (stmt);
      stmt = tidu_database_prepare (db,
                                    "UPDATE carrier_levels SET carrier_id = ?2, level = ?3, recognized_on = ?4, "
                                    "document = ?5, revoked_on = ?6, updated_at = ?7 WHERE id = ?1 AND deleted_at IS NULL",
                                    error);
    }
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, level->id != NULL ? level->id : new_id);
  tidu_bind_text (stmt, 2, level->carrier_id);
  tidu_bind_text (stmt, 3, level->level);
  tidu_bind_date (stmt, 4, &level->recognized_on);
  tidu_bind_text (stmt, 5, level->document);
  tidu_bind_date (stmt, 6, &level->revoked_on);
  tidu_bind_text (stmt, 7, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (level->id != NULL && !tidu_record_check_changed (db, _("The recognition was not found, or it is in the trash."), error))
    return FALSE;
  if (!update_current_level (db, level->carrier_id, error))
    return FALSE;
  if (old_carrier_id != NULL && g_strcmp0 (old_carrier_id, level->carrier_id) != 0
      && !update_current_level (db, old_carrier_id, error))
    return FALSE;
  tidu_record_stamp (&level->id, &level->created_at, &level->updated_at, new_id, now);
  return TRUE;
}

/**
 * tidu_carrier_level_save:
 *
 * Validates and stores a recognition in one transaction, then sets carriers.level to the
 * highest-ranked level the carrier holds today.
 */
gboolean
tidu_carrier_level_save (TiduDatabase      *db,
                         TiduCarrierLevel  *level,
                         GError           **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (level != NULL, FALSE);

  return tidu_record_save_copy (db, level, sizeof *level, (TiduCopyFunc) tidu_carrier_level_copy,
                                (GDestroyNotify) tidu_carrier_level_free, (GDestroyNotify) carrier_level_clear,
                                write_carrier_level, error);
}

/* Moves a recognition to the trash and sets carriers.level from what remains. */
gboolean
tidu_carrier_level_delete (TiduDatabase  *db,
                           const char    *id,
                           GError       **error)
{
  g_autoptr(TiduCarrierLevel) level = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  level = tidu_record_load_row (db, "SELECT " CARRIER_LEVEL_COLUMNS " FROM carrier_levels WHERE id = ?1", id,
                                carrier_level_from_row, _("The recognition was not found."), error);
  if (level == NULL
      || !tidu_record_set_deleted (db, "carrier_levels", id, TRUE, error)
      || !update_current_level (db, level->carrier_id, error))
    {
      tidu_database_rollback (db);
      return FALSE;
    }
  return tidu_database_commit (db, error);
}

/**
 * tidu_carrier_list_levels:
 *
 * Returns: (transfer full) (element-type TiduCarrierLevel): the carrier's live recognitions by
 * date.
 */
GPtrArray *
tidu_carrier_list_levels (TiduDatabase  *db,
                          const char    *carrier_id,
                          GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (carrier_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " CARRIER_LEVEL_COLUMNS " FROM carrier_levels WHERE carrier_id = ?1 "
                                "AND deleted_at IS NULL ORDER BY recognized_on, created_at",
                                carrier_id, NULL, carrier_level_from_row, (GDestroyNotify) tidu_carrier_level_free, error);
}

/* ------------------------------------------------------------------ yearly statistics */

#define CARRIER_YEAR_COLUMNS \
  "id, carrier_id, year, incubated_firms, graduated_this_year, graduated_total, incubation_area_m2, " \
  "funded_firms, staff, mentors, fund_yuan, grade, grade_level, notes, created_at, updated_at, deleted_at"

TiduCarrierYear *
tidu_carrier_year_new (void)
{
  TiduCarrierYear *year = g_new0 (TiduCarrierYear, 1);

  year->incubated_firms = TIDU_UNSET;
  year->graduated_this_year = TIDU_UNSET;
  year->graduated_total = TIDU_UNSET;
  year->incubation_area_m2 = NAN;
  year->funded_firms = TIDU_UNSET;
  year->staff = TIDU_UNSET;
  year->mentors = TIDU_UNSET;
  year->fund_yuan = TIDU_UNSET;
  return year;
}

static void
carrier_year_clear (TiduCarrierYear *year)
{
  g_free (year->id);
  g_free (year->carrier_id);
  g_free (year->grade);
  g_free (year->grade_level);
  g_free (year->notes);
  g_free (year->created_at);
  g_free (year->updated_at);
  g_free (year->deleted_at);
}

void
tidu_carrier_year_free (TiduCarrierYear *year)
{
  if (year == NULL)
    return;
  carrier_year_clear (year);
  g_free (year);
}

TiduCarrierYear *
tidu_carrier_year_copy (const TiduCarrierYear *year)
{
  TiduCarrierYear *copy;

  g_return_val_if_fail (year != NULL, NULL);

  copy = g_new (TiduCarrierYear, 1);
  *copy = *year;
  copy->id = g_strdup (year->id);
  copy->carrier_id = g_strdup (year->carrier_id);
  copy->grade = g_strdup (year->grade);
  copy->grade_level = g_strdup (year->grade_level);
  copy->notes = g_strdup (year->notes);
  copy->created_at = g_strdup (year->created_at);
  copy->updated_at = g_strdup (year->updated_at);
  copy->deleted_at = g_strdup (year->deleted_at);
  return copy;
}

static gpointer
carrier_year_from_row (sqlite3_stmt *stmt)
{
  TiduCarrierYear *year = tidu_carrier_year_new ();

  year->id = tidu_column_text (stmt, 0);
  year->carrier_id = tidu_column_text (stmt, 1);
  year->year = sqlite3_column_int (stmt, 2);
  year->incubated_firms = tidu_column_int (stmt, 3);
  year->graduated_this_year = tidu_column_int (stmt, 4);
  year->graduated_total = tidu_column_int (stmt, 5);
  year->incubation_area_m2 = tidu_column_double (stmt, 6);
  year->funded_firms = tidu_column_int (stmt, 7);
  year->staff = tidu_column_int (stmt, 8);
  year->mentors = tidu_column_int (stmt, 9);
  year->fund_yuan = tidu_column_int (stmt, 10);
  year->grade = tidu_column_text (stmt, 11);
  year->grade_level = tidu_column_text (stmt, 12);
  year->notes = tidu_column_text (stmt, 13);
  year->created_at = tidu_column_text (stmt, 14);
  year->updated_at = tidu_column_text (stmt, 15);
  year->deleted_at = tidu_column_text (stmt, 16);
  return year;
}

static const struct
{
  const char *field;
  gsize       offset;
  gboolean    money;
} carrier_year_numbers[] = {
  { "incubated_firms", G_STRUCT_OFFSET (TiduCarrierYear, incubated_firms), FALSE },
  { "graduated_this_year", G_STRUCT_OFFSET (TiduCarrierYear, graduated_this_year), FALSE },
  { "graduated_total", G_STRUCT_OFFSET (TiduCarrierYear, graduated_total), FALSE },
  { "funded_firms", G_STRUCT_OFFSET (TiduCarrierYear, funded_firms), FALSE },
  { "staff", G_STRUCT_OFFSET (TiduCarrierYear, staff), FALSE },
  { "mentors", G_STRUCT_OFFSET (TiduCarrierYear, mentors), FALSE },
  { "fund_yuan", G_STRUCT_OFFSET (TiduCarrierYear, fund_yuan), TRUE },
};

static gboolean
find_carrier_year (TiduDatabase  *db,
                   const char    *carrier_id,
                   int            year,
                   const char    *self_id,
                   char         **other_id,
                   char         **other_created_at,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *other_id = NULL;
  stmt = tidu_database_prepare (db,
                                "SELECT id, created_at FROM carrier_years WHERE carrier_id = ?1 AND year = ?2 "
                                "AND deleted_at IS NULL AND (?3 IS NULL OR id <> ?3) LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, carrier_id);
  tidu_bind_int (stmt, 2, year);
  tidu_bind_text (stmt, 3, self_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *other_id = tidu_column_text (stmt, 0);
      if (other_created_at != NULL)
        *other_created_at = tidu_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/**
 * tidu_carrier_year_validate:
 *
 * Rules: a live carrier; a year from 1980 to 2100; counts, amounts and the area not negative;
 * no more graduates this year than in total; no more funded firms than incubated ones; a known
 * grade and grading level. A saved row moved onto a year the carrier already has is a duplicate.
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_carrier_year_validate (TiduDatabase          *db,
                            const TiduCarrierYear *year,
                            TiduValidation        *validation)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (year->carrier_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "carrier_id", NULL,
                         _("Choose the carrier."));
  else
    tidu_carrier_check_reference (db, year->carrier_id, "carrier_id", validation);

  if (year->year < TIDU_YEAR_MIN || year->year > TIDU_YEAR_MAX)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "year", NULL,
                         _("Enter a year from %d to %d."), TIDU_YEAR_MIN, TIDU_YEAR_MAX);

  for (guint i = 0; i < G_N_ELEMENTS (carrier_year_numbers); i++)
    {
      gint64 value = G_STRUCT_MEMBER (gint64, year, carrier_year_numbers[i].offset);

      if (TIDU_IS_SET (value) && value < 0)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, carrier_year_numbers[i].field, NULL,
                             "%s", carrier_year_numbers[i].money ? _("An amount cannot be negative.")
                                                                 : _("A count cannot be negative."));
    }
  if (bad_measure (year->incubation_area_m2))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "incubation_area_m2", NULL,
                         _("The area cannot be negative."));
  if (TIDU_IS_SET (year->graduated_this_year) && TIDU_IS_SET (year->graduated_total)
      && year->graduated_this_year > year->graduated_total)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "graduated_this_year", NULL,
                         _("More firms cannot graduate this year than have graduated in total."));
  if (TIDU_IS_SET (year->funded_firms) && TIDU_IS_SET (year->incubated_firms)
      && year->funded_firms > year->incubated_firms)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "funded_firms", NULL,
                         _("There cannot be more funded firms than incubated firms."));
  if (!tidu_record_code_known (db, validation, "grades", year->grade))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "grade", NULL,
                         _("“%s” is not a known performance grade."), year->grade);
  if (!tidu_record_code_known (db, validation, "levels", year->grade_level))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "grade_level", NULL,
                         _("“%s” is not a known level."), year->grade_level);

  if (year->id != NULL && !tidu_text_is_empty (year->carrier_id))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *other_id = NULL;

      if (!find_carrier_year (db, year->carrier_id, year->year, year->id, &other_id, NULL, &error))
        tidu_record_add_database_issue (validation, error);
      else if (other_id != NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "year", other_id,
                             _("The carrier already has statistics for %d."), year->year);
    }

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_carrier_year (TiduDatabase  *db,
                    gpointer       data,
                    GError       **error)
{
  TiduCarrierYear *year = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&year->carrier_id);
  tidu_text_tidy (&year->grade);
  tidu_text_tidy (&year->grade_level);
  tidu_text_tidy (&year->notes);
  if (!tidu_carrier_year_validate (db, year, validation))
    return tidu_validation_to_error (validation, error);

  /* One row per carrier and year: a new record for a year already there updates that row. */
  if (year->id == NULL)
    {
      g_autofree char *existing_id = NULL;
      g_autofree char *existing_created_at = NULL;

      if (!find_carrier_year (db, year->carrier_id, year->year, NULL, &existing_id, &existing_created_at, error))
        return FALSE;
      if (existing_id != NULL)
        {
          year->id = g_steal_pointer (&existing_id);
          tidu_text_replace (&year->created_at, g_steal_pointer (&existing_created_at));
        }
    }

  if (year->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO carrier_years (" CARRIER_YEAR_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE carrier_years SET carrier_id = ?2, year = ?3, incubated_firms = ?4, "
                                  "graduated_this_year = ?5, graduated_total = ?6, incubation_area_m2 = ?7, "
                                  "funded_firms = ?8, staff = ?9, mentors = ?10, fund_yuan = ?11, grade = ?12, "
                                  "grade_level = ?13, notes = ?14, updated_at = ?15 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, year->id != NULL ? year->id : new_id);
  tidu_bind_text (stmt, 2, year->carrier_id);
  tidu_bind_int (stmt, 3, year->year);
  tidu_bind_int (stmt, 4, year->incubated_firms);
  tidu_bind_int (stmt, 5, year->graduated_this_year);
  tidu_bind_int (stmt, 6, year->graduated_total);
  tidu_bind_double (stmt, 7, year->incubation_area_m2);
  tidu_bind_int (stmt, 8, year->funded_firms);
  tidu_bind_int (stmt, 9, year->staff);
  tidu_bind_int (stmt, 10, year->mentors);
  tidu_bind_int (stmt, 11, year->fund_yuan);
  tidu_bind_text (stmt, 12, year->grade);
  tidu_bind_text (stmt, 13, year->grade_level);
  tidu_bind_text (stmt, 14, year->notes);
  tidu_bind_text (stmt, 15, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (year->id != NULL && !tidu_record_check_changed (db, _("The yearly statistics were not found, or they are in the trash."), error))
    return FALSE;
  tidu_record_stamp (&year->id, &year->created_at, &year->updated_at, new_id, now);
  return TRUE;
}

/**
 * tidu_carrier_year_save:
 *
 * Validates and stores a carrier's statistics for a year in one transaction. There is one row
 * per carrier and year: saving a new record (id %NULL) for a year already there updates it.
 */
gboolean
tidu_carrier_year_save (TiduDatabase     *db,
                        TiduCarrierYear  *year,
                        GError          **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  return tidu_record_save_copy (db, year, sizeof *year, (TiduCopyFunc) tidu_carrier_year_copy,
                                (GDestroyNotify) tidu_carrier_year_free, (GDestroyNotify) carrier_year_clear,
                                write_carrier_year, error);
}

gboolean
tidu_carrier_year_delete (TiduDatabase  *db,
                          const char    *id,
                          GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!tidu_record_set_deleted (db, "carrier_years", id, TRUE, error))
    {
      tidu_database_rollback (db);
      return FALSE;
    }
  return tidu_database_commit (db, error);
}

/**
 * tidu_carrier_list_years:
 *
 * Returns: (transfer full) (element-type TiduCarrierYear): the carrier's live statistics by year.
 */
GPtrArray *
tidu_carrier_list_years (TiduDatabase  *db,
                         const char    *carrier_id,
                         GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (carrier_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " CARRIER_YEAR_COLUMNS " FROM carrier_years WHERE carrier_id = ?1 "
                                "AND deleted_at IS NULL ORDER BY year",
                                carrier_id, NULL, carrier_year_from_row, (GDestroyNotify) tidu_carrier_year_free, error);
}
