/* tidu-talent.c: talents (人才).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-talent.h"

#define TALENT_COLUMNS \
  "id, name, gender, birth_year, degree, title, field, firm_id, region_id, contact_phone, " \
  "contact_email, notes, created_at, updated_at, deleted_at"

TiduTalent *
tidu_talent_new (void)
{
  TiduTalent *talent = g_new0 (TiduTalent, 1);

  talent->birth_year = TIDU_UNSET;
  return talent;
}

void
tidu_talent_free (TiduTalent *talent)
{
  if (talent == NULL)
    return;
  g_free (talent->id);
  g_free (talent->name);
  g_free (talent->gender);
  g_free (talent->degree);
  g_free (talent->title);
  g_free (talent->field);
  g_free (talent->firm_id);
  g_free (talent->region_id);
  g_free (talent->contact_phone);
  g_free (talent->contact_email);
  g_free (talent->notes);
  g_free (talent->created_at);
  g_free (talent->updated_at);
  g_free (talent->deleted_at);
  g_free (talent);
}

TiduTalent *
tidu_talent_copy (const TiduTalent *talent)
{
  TiduTalent *copy;

  g_return_val_if_fail (talent != NULL, NULL);

  copy = tidu_talent_new ();
  copy->id = g_strdup (talent->id);
  copy->name = g_strdup (talent->name);
  copy->gender = g_strdup (talent->gender);
  copy->birth_year = talent->birth_year;
  copy->degree = g_strdup (talent->degree);
  copy->title = g_strdup (talent->title);
  copy->field = g_strdup (talent->field);
  copy->firm_id = g_strdup (talent->firm_id);
  copy->region_id = g_strdup (talent->region_id);
  copy->contact_phone = g_strdup (talent->contact_phone);
  copy->contact_email = g_strdup (talent->contact_email);
  copy->notes = g_strdup (talent->notes);
  copy->created_at = g_strdup (talent->created_at);
  copy->updated_at = g_strdup (talent->updated_at);
  copy->deleted_at = g_strdup (talent->deleted_at);
  return copy;
}

/**
 * tidu_talent_validate:
 *
 * Returns: (transfer full) (nullable): the issues of @talent, or %NULL when the database
 * could not be read.
 */
TiduValidation *
tidu_talent_validate (TiduDatabase      *db,
                      const TiduTalent  *talent,
                      GError           **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (talent != NULL, NULL);

  if (tidu_text_is_blank (talent->name))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "name", NULL,
                         _("Enter the name of the talent."));

  if (talent->gender != NULL
      && g_strcmp0 (talent->gender, "female") != 0
      && g_strcmp0 (talent->gender, "male") != 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "gender", NULL,
                         _("The gender must be female, male or left empty."));

  if (TIDU_IS_SET (talent->birth_year)
      && (talent->birth_year < 1900 || talent->birth_year > g_date_time_get_year (now)))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "birth_year", NULL,
                         _("The year of birth must be between 1900 and %d."),
                         g_date_time_get_year (now));

  if (!tidu_text_is_blank (talent->firm_id)
      && !tidu_record_check_exists (db, validation, "SELECT 1 FROM firms WHERE id = ?1 AND deleted_at IS NULL",
                                    talent->firm_id, "firm_id",
                                    _("The firm was not found; it may have been deleted."), error))
    return NULL;

  if (!tidu_text_is_blank (talent->region_id)
      && !tidu_record_check_exists (db, validation, "SELECT 1 FROM regions WHERE id = ?1 AND deleted_at IS NULL",
                                    talent->region_id, "region_id",
                                    _("The region was not found; it may have been deleted."), error))
    return NULL;

  return g_steal_pointer (&validation);
}

static gboolean
write_talent (TiduDatabase  *db,
              TiduTalent    *talent,
              GError       **error)
{
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;
  gboolean insert = (talent->id == NULL);

  if (insert)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO talents (" TALENT_COLUMNS ") VALUES "
                                    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE talents SET name = ?2, gender = ?3, birth_year = ?4, "
                                  "degree = ?5, title = ?6, field = ?7, firm_id = ?8, region_id = ?9, "
                                  "contact_phone = ?10, contact_email = ?11, notes = ?12, updated_at = ?13 "
                                  "WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;

  tidu_bind_text (stmt, 1, insert ? new_id : talent->id);
  tidu_bind_text (stmt, 2, talent->name);
  tidu_bind_text (stmt, 3, talent->gender);
  tidu_bind_int (stmt, 4, talent->birth_year);
  tidu_bind_text (stmt, 5, talent->degree);
  tidu_bind_text (stmt, 6, talent->title);
  tidu_bind_text (stmt, 7, talent->field);
  tidu_bind_text (stmt, 8, talent->firm_id);
  tidu_bind_text (stmt, 9, talent->region_id);
  tidu_bind_text (stmt, 10, talent->contact_phone);
  tidu_bind_text (stmt, 11, talent->contact_email);
  tidu_bind_text (stmt, 12, talent->notes);
  tidu_bind_text (stmt, 13, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;

  if (!insert && sqlite3_changes (tidu_database_get_handle (db)) == 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                   _("The talent was not found; it may have been deleted."));
      return FALSE;
    }

  if (insert)
    {
      talent->id = g_steal_pointer (&new_id);
      g_free (talent->created_at);
      talent->created_at = g_strdup (now);
    }
  g_free (talent->updated_at);
  talent->updated_at = g_steal_pointer (&now);
  return TRUE;
}

/**
 * tidu_talent_save:
 *
 * Validates @talent and inserts it (setting id and created_at) or updates it, stamping
 * updated_at, in one transaction. On failure nothing changes, @talent included.
 */
gboolean
tidu_talent_save (TiduDatabase  *db,
                  TiduTalent    *talent,
                  GError       **error)
{
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(TiduTalent) work = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (talent != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  validation = tidu_talent_validate (db, talent, error);
  if (validation == NULL || !tidu_validation_to_error (validation, error))
    goto fail;
  work = tidu_talent_copy (talent);
  if (!write_talent (db, work, error) || !tidu_database_commit (db, error))
    goto fail;

  g_free (talent->id);
  talent->id = g_strdup (work->id);
  g_free (talent->created_at);
  talent->created_at = g_strdup (work->created_at);
  g_free (talent->updated_at);
  talent->updated_at = g_strdup (work->updated_at);
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

static gpointer
talent_from_row (sqlite3_stmt *stmt)
{
  TiduTalent *talent = tidu_talent_new ();

  talent->id = tidu_column_text (stmt, 0);
  talent->name = tidu_column_text (stmt, 1);
  talent->gender = tidu_column_text (stmt, 2);
  talent->birth_year = tidu_column_int (stmt, 3);
  talent->degree = tidu_column_text (stmt, 4);
  talent->title = tidu_column_text (stmt, 5);
  talent->field = tidu_column_text (stmt, 6);
  talent->firm_id = tidu_column_text (stmt, 7);
  talent->region_id = tidu_column_text (stmt, 8);
  talent->contact_phone = tidu_column_text (stmt, 9);
  talent->contact_email = tidu_column_text (stmt, 10);
  talent->notes = tidu_column_text (stmt, 11);
  talent->created_at = tidu_column_text (stmt, 12);
  talent->updated_at = tidu_column_text (stmt, 13);
  talent->deleted_at = tidu_column_text (stmt, 14);
  return talent;
}

/**
 * tidu_talent_load:
 *
 * Returns: (transfer full): the live talent @id, or %NULL with TIDU_ERROR_NOT_FOUND.
 */
TiduTalent *
tidu_talent_load (TiduDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return tidu_record_load_row (db, "SELECT " TALENT_COLUMNS " FROM talents WHERE id = ?1 AND deleted_at IS NULL",
                               id, talent_from_row, _("The talent was not found; it may have been deleted."), error);
}

gboolean
tidu_talent_delete (TiduDatabase  *db,
                    const char    *id,
                    GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_delete_unless_used (db, "talents", id,
                                         "SELECT 1 FROM talent_awards WHERE talent_id = ?1 AND deleted_at IS NULL "
                                         "UNION ALL "
                                         "SELECT 1 FROM talent_award_members AS m JOIN talent_awards AS a ON a.id = m.award_id "
                                         "WHERE m.talent_id = ?1 AND m.deleted_at IS NULL AND a.deleted_at IS NULL",
                                         _("The talent holds talent plan awards. Delete the awards first."),
                                         error);
}

gboolean
tidu_talent_restore (TiduDatabase  *db,
                     const char    *id,
                     GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted (db, "talents", id, FALSE, error);
}

gboolean
tidu_talent_purge (TiduDatabase  *db,
                   const char    *id,
                   GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_purge_unless_used (db, "talents", id,
                                        "SELECT 1 FROM talent_awards WHERE talent_id = ?1 "
                                        "UNION ALL SELECT 1 FROM talent_award_members WHERE talent_id = ?1 "
                                        "UNION ALL SELECT 1 FROM subsidy_awards WHERE talent_id = ?1",
                                        _("Awards or subsidies, some of them perhaps in the trash, still name the talent, "
                                          "so it cannot be removed for good."),
                                        error);
}
