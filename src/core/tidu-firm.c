/* tidu-firm.c: firms, certifications, yearly indicators and stays in carriers.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-carrier.h"
#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-firm.h"
#include "tidu-record-private.h"
#include "tidu-region.h"
#include "tidu-tier-private.h"
#include "tidu-uscc.h"
#include "tidu-vocabulary.h"

/* ------------------------------------------------------------------ helpers */

static void
check_date_order (TiduValidation *validation,
                  const GDate    *earlier,
                  const GDate    *later,
                  const char     *field,
                  const char     *message)
{
  if (tidu_date_is_set (earlier) && tidu_date_is_set (later) && g_date_compare (later, earlier) < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, field, NULL, "%s", message);
}

/* ------------------------------------------------------------------ firms */

#define FIRM_COLUMNS \
  "id, name, uscc, uscc_override, region_id, industry, tech_field, founded_on, address, legal_person, " \
  "contact_name, contact_phone, contact_email, notes, attraction_channel, attraction_stage, lead_on, " \
  "signed_on, landed_on, officer, created_at, updated_at, deleted_at"

TiduFirm *
tidu_firm_new (void)
{
  TiduFirm *firm = g_new0 (TiduFirm, 1);

  g_date_clear (&firm->founded_on, 1);
  g_date_clear (&firm->lead_on, 1);
  g_date_clear (&firm->signed_on, 1);
  g_date_clear (&firm->landed_on, 1);
  return firm;
}

static void
firm_clear (TiduFirm *firm)
{
  g_free (firm->id);
  g_free (firm->name);
  g_free (firm->uscc);
  g_free (firm->region_id);
  g_free (firm->industry);
  g_free (firm->tech_field);
  g_free (firm->address);
  g_free (firm->legal_person);
  g_free (firm->contact_name);
  g_free (firm->contact_phone);
  g_free (firm->contact_email);
  g_free (firm->notes);
  g_free (firm->attraction_channel);
  g_free (firm->attraction_stage);
  g_free (firm->officer);
  g_free (firm->created_at);
  g_free (firm->updated_at);
  g_free (firm->deleted_at);
}

void
tidu_firm_free (TiduFirm *firm)
{
  if (firm == NULL)
    return;
  firm_clear (firm);
  g_free (firm);
}

TiduFirm *
tidu_firm_copy (const TiduFirm *firm)
{
  TiduFirm *copy;

  g_return_val_if_fail (firm != NULL, NULL);

  copy = g_new (TiduFirm, 1);
  *copy = *firm;
  copy->id = g_strdup (firm->id);
  copy->name = g_strdup (firm->name);
  copy->uscc = g_strdup (firm->uscc);
  copy->region_id = g_strdup (firm->region_id);
  copy->industry = g_strdup (firm->industry);
  copy->tech_field = g_strdup (firm->tech_field);
  copy->address = g_strdup (firm->address);
  copy->legal_person = g_strdup (firm->legal_person);
  copy->contact_name = g_strdup (firm->contact_name);
  copy->contact_phone = g_strdup (firm->contact_phone);
  copy->contact_email = g_strdup (firm->contact_email);
  copy->notes = g_strdup (firm->notes);
  copy->attraction_channel = g_strdup (firm->attraction_channel);
  copy->attraction_stage = g_strdup (firm->attraction_stage);
  copy->officer = g_strdup (firm->officer);
  copy->created_at = g_strdup (firm->created_at);
  copy->updated_at = g_strdup (firm->updated_at);
  copy->deleted_at = g_strdup (firm->deleted_at);
  return copy;
}

static gpointer
firm_from_row (sqlite3_stmt *stmt)
{
  TiduFirm *firm = tidu_firm_new ();

  firm->id = tidu_column_text (stmt, 0);
  firm->name = tidu_column_text (stmt, 1);
  firm->uscc = tidu_column_text (stmt, 2);
  firm->uscc_override = sqlite3_column_int (stmt, 3) != 0;
  firm->region_id = tidu_column_text (stmt, 4);
  firm->industry = tidu_column_text (stmt, 5);
  firm->tech_field = tidu_column_text (stmt, 6);
  tidu_column_date (stmt, 7, &firm->founded_on);
  firm->address = tidu_column_text (stmt, 8);
  firm->legal_person = tidu_column_text (stmt, 9);
  firm->contact_name = tidu_column_text (stmt, 10);
  firm->contact_phone = tidu_column_text (stmt, 11);
  firm->contact_email = tidu_column_text (stmt, 12);
  firm->notes = tidu_column_text (stmt, 13);
  firm->attraction_channel = tidu_column_text (stmt, 14);
  firm->attraction_stage = tidu_column_text (stmt, 15);
  tidu_column_date (stmt, 16, &firm->lead_on);
  tidu_column_date (stmt, 17, &firm->signed_on);
  tidu_column_date (stmt, 18, &firm->landed_on);
  firm->officer = tidu_column_text (stmt, 19);
  firm->created_at = tidu_column_text (stmt, 20);
  firm->updated_at = tidu_column_text (stmt, 21);
  firm->deleted_at = tidu_column_text (stmt, 22);
  return firm;
}

/**
 * tidu_firm_check_reference:
 * @firm_id: (nullable): the firm a record points at
 * @field: the field of that record, for the issue
 *
 * Adds an error to @validation when @firm_id is set but names no live firm.
 *
 * Returns: %TRUE when no issue was added.
 */
gboolean
tidu_firm_check_reference (TiduDatabase   *db,
                           const char     *firm_id,
                           const char     *field,
                           TiduValidation *validation)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (firm_id))
    return TRUE;
  return tidu_record_check_live (db, validation, "firms", firm_id, field,
                                 _("The firm does not exist."),
                                 _("The firm is in the trash. Restore it first."));
}

/* The firm other than @self_id holding @uscc, trash included. */
static gboolean
find_uscc_holder (TiduDatabase  *db,
                  const char    *uscc,
                  const char    *self_id,
                  char         **other_id,
                  char         **other_name,
                  gboolean      *other_trashed,
                  GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *other_id = NULL;
  stmt = tidu_database_prepare (db,
                                "SELECT id, name, deleted_at IS NOT NULL FROM firms "
                                "WHERE uscc = ?1 AND (?2 IS NULL OR id <> ?2) LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, uscc);
  tidu_bind_text (stmt, 2, self_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *other_id = tidu_column_text (stmt, 0);
      *other_name = tidu_column_text (stmt, 1);
      *other_trashed = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/**
 * tidu_firm_validate:
 * @validation: receives one issue per problem, under the field's name
 *
 * Rules: a name; a 统一社会信用代码, when given, that is well formed (a check-character mismatch
 * is a warning, silenced by uscc_override) and not used by another firm, the trash included
 * (%TIDU_ERROR_DUPLICATE with other_id); an existing region; known tech field and attraction
 * stage; lead_on ≤ signed_on ≤ landed_on.
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_firm_validate (TiduDatabase   *db,
                    const TiduFirm *firm,
                    TiduValidation *validation)
{
  g_autofree char *name = NULL;
  g_autofree char *uscc = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (firm != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  name = tidu_text_stripped (firm->name);
  if (tidu_text_is_empty (name))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "name", NULL,
                         _("Enter the name of the firm."));

  tidu_record_check_uscc (validation, "uscc", firm->uscc, firm->uscc_override, &uscc);
  if (uscc != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *other_id = NULL;
      g_autofree char *other_name = NULL;
      gboolean other_trashed = FALSE;

      if (!find_uscc_holder (db, uscc, firm->id, &other_id, &other_name, &other_trashed, &error))
        tidu_record_add_database_issue (validation, error);
      else if (other_id != NULL && other_trashed)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "uscc", other_id,
                             _("The firm “%s”, which is in the trash, already has this unified social credit code. Restore it instead of entering the firm again."),
                             other_name);
      else if (other_id != NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "uscc", other_id,
                             _("The firm “%s” already has this unified social credit code."),
                             other_name);
    }

  tidu_region_check_reference (db, firm->region_id, "region_id", validation);
  if (!tidu_record_code_known (db, validation, "tech_fields", firm->tech_field))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "tech_field", NULL,
                         _("“%s” is not one of the high-tech fields."), firm->tech_field);
  if (!tidu_record_code_known (db, validation, "attraction_stages", firm->attraction_stage))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "attraction_stage", NULL,
                         _("“%s” is not a known attraction stage."), firm->attraction_stage);
  check_date_order (validation, &firm->lead_on, &firm->signed_on, "signed_on",
                    _("The signing date cannot be before the date the lead came in."));
  check_date_order (validation, &firm->signed_on, &firm->landed_on, "landed_on",
                    _("The landing date cannot be before the signing date."));
  if (!tidu_date_is_set (&firm->signed_on))
    check_date_order (validation, &firm->lead_on, &firm->landed_on, "landed_on",
                      _("The landing date cannot be before the date the lead came in."));

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_firm (TiduDatabase  *db,
            gpointer       data,
            GError       **error)
{
  TiduFirm *firm = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  TiduUsccResult uscc;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&firm->name);
  tidu_text_tidy (&firm->uscc);
  tidu_text_tidy (&firm->region_id);
  tidu_text_tidy (&firm->industry);
  tidu_text_tidy (&firm->tech_field);
  tidu_text_tidy (&firm->address);
  tidu_text_tidy (&firm->legal_person);
  tidu_text_tidy (&firm->contact_name);
  tidu_text_tidy (&firm->contact_phone);
  tidu_text_tidy (&firm->contact_email);
  tidu_text_tidy (&firm->notes);
  tidu_text_tidy (&firm->attraction_channel);
  tidu_text_tidy (&firm->attraction_stage);
  tidu_text_tidy (&firm->officer);
  if (!tidu_firm_validate (db, firm, validation))
    return tidu_validation_to_error (validation, error);

  /* Store the code as the register writes it; an override only means something on a mismatch. */
  if (firm->uscc != NULL)
    {
      if (tidu_uscc_validate (firm->uscc, &uscc) != TIDU_USCC_CHECK_MISMATCH)
        firm->uscc_override = FALSE;
      tidu_text_replace (&firm->uscc, g_strdup (uscc.normalized));
    }
  else
    firm->uscc_override = FALSE;

  if (firm->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO firms (" FIRM_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                    "?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE firms SET name = ?2, uscc = ?3, uscc_override = ?4, region_id = ?5, industry = ?6, "
                                  "tech_field = ?7, founded_on = ?8, address = ?9, legal_person = ?10, contact_name = ?11, "
                                  "contact_phone = ?12, contact_email = ?13, notes = ?14, attraction_channel = ?15, "
                                  "attraction_stage = ?16, lead_on = ?17, signed_on = ?18, landed_on = ?19, officer = ?20, "
                                  "updated_at = ?21 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, firm->id != NULL ? firm->id : new_id);
  tidu_bind_text (stmt, 2, firm->name);
  tidu_bind_text (stmt, 3, firm->uscc);
  tidu_bind_int (stmt, 4, firm->uscc_override ? 1 : 0);
  tidu_bind_text (stmt, 5, firm->region_id);
  tidu_bind_text (stmt, 6, firm->industry);
  tidu_bind_text (stmt, 7, firm->tech_field);
  tidu_bind_date (stmt, 8, &firm->founded_on);
  tidu_bind_text (stmt, 9, firm->address);
  tidu_bind_text (stmt, 10, firm->legal_person);
  tidu_bind_text (stmt, 11, firm->contact_name);
  tidu_bind_text (stmt, 12, firm->contact_phone);
  tidu_bind_text (stmt, 13, firm->contact_email);
  tidu_bind_text (stmt, 14, firm->notes);
  tidu_bind_text (stmt, 15, firm->attraction_channel);
  tidu_bind_text (stmt, 16, firm->attraction_stage);
  tidu_bind_date (stmt, 17, &firm->lead_on);
  tidu_bind_date (stmt, 18, &firm->signed_on);
  tidu_bind_date (stmt, 19, &firm->landed_on);
  tidu_bind_text (stmt, 20, firm->officer);
  tidu_bind_text (stmt, 21, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (firm->id != NULL && !tidu_record_check_changed (db, _("The firm was not found, or it is in the trash."), error))
    return FALSE;
  tidu_record_stamp (&firm->id, &firm->created_at, &firm->updated_at, new_id, now);
  return TRUE;
}

/**
 * tidu_firm_save:
 * @firm: a new firm (id %NULL) or a loaded one
 *
 * Validates and inserts or updates @firm in one transaction, storing the 统一社会信用代码 in
 * its normalized form. On success @firm holds what was stored, with id and timestamps; on
 * failure nothing changes and @error holds the first blocking issue.
 */
gboolean
tidu_firm_save (TiduDatabase  *db,
                TiduFirm      *firm,
                GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (firm != NULL, FALSE);

  return tidu_record_save_copy (db, firm, sizeof *firm, (TiduCopyFunc) tidu_firm_copy,
                                (GDestroyNotify) tidu_firm_free, (GDestroyNotify) firm_clear,
                                write_firm, error);
}

/**
 * tidu_firm_load:
 *
 * Returns: (transfer full): the firm, also when it is in the trash (deleted_at set), or %NULL
 * with %TIDU_ERROR_NOT_FOUND.
 */
TiduFirm *
tidu_firm_load (TiduDatabase  *db,
                const char    *id,
                GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  return tidu_record_load_row (db, "SELECT " FIRM_COLUMNS " FROM firms WHERE id = ?1", id, firm_from_row,
                               _("The firm was not found."), error);
}

/**
 * tidu_firm_find_by_uscc:
 * @uscc: a code as typed (spaces, lower case and full-width characters are accepted)
 *
 * Returns: (transfer full) (nullable): the firm holding the code, also when it is in the trash;
 * %NULL without an error when none does. A code that is not well formed gives %NULL and
 * %TIDU_ERROR_INVALID_INPUT.
 */
TiduFirm *
tidu_firm_find_by_uscc (TiduDatabase  *db,
                        const char    *uscc,
                        GError       **error)
{
  TiduUsccResult result;
  TiduUsccStatus status;
  TiduFirm *firm = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  status = tidu_uscc_validate (uscc, &result);
  if (status == TIDU_USCC_EMPTY)
    return NULL;
  if (tidu_uscc_is_format_error (status))
    {
      g_autofree char *message = tidu_uscc_describe (&result);

      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT, message);
      return NULL;
    }
  stmt = tidu_database_prepare (db, "SELECT " FIRM_COLUMNS " FROM firms WHERE uscc = ?1", error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, result.normalized);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    firm = firm_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    tidu_database_step_error (db, rc, error);
  return firm;
}

/* Moves a firm to the trash; its certifications, years and stays stay with it. */
gboolean
tidu_firm_delete (TiduDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "firms", id, TRUE, error);
}

gboolean
tidu_firm_restore (TiduDatabase  *db,
                   const char    *id,
                   GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "firms", id, FALSE, error);
}

/**
 * tidu_firm_purge:
 *
 * Removes a firm that is in the trash for good, with its certifications, yearly indicators and
 * stays. Refused with %TIDU_ERROR_CONFLICT while other records (talents, awards, subsidies)
 * still point at it, and with %TIDU_ERROR_NOT_FOUND when the firm is not in the trash.
 */
gboolean
tidu_firm_purge (TiduDatabase  *db,
                 const char    *id,
                 GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_purge_unless_used (db, "firms", id, NULL,
                                        _("Talents, awards or subsidies, some perhaps in the trash, still refer to this firm. It cannot be removed for good."),
                                        error);
}

/* ------------------------------------------------------------------ certifications */

#define CERTIFICATION_COLUMNS \
  "id, firm_id, tier, level, certified_on, expires_on, valid_until, certificate_no, status, revoked_on, " \
  "notes, created_at, updated_at, deleted_at"

/* The ladder condition: not deleted, started, not expired, not revoked on or before ?2. */
#define VALID_ON_DATE "ft.firm_id = ?1 AND " TIDU_TIER_HELD_ON ("ft", "?2")

TiduCertification *
tidu_certification_new (void)
{
  TiduCertification *certification = g_new0 (TiduCertification, 1);

  g_date_clear (&certification->certified_on, 1);
  g_date_clear (&certification->expires_on, 1);
  g_date_clear (&certification->valid_until, 1);
  g_date_clear (&certification->revoked_on, 1);
  certification->status = g_strdup (TIDU_CERTIFICATION_ACTIVE);
  return certification;
}

static void
certification_clear (TiduCertification *certification)
{
  g_free (certification->id);
  g_free (certification->firm_id);
  g_free (certification->tier);
  g_free (certification->level);
  g_free (certification->certificate_no);
  g_free (certification->status);
  g_free (certification->notes);
  g_free (certification->created_at);
  g_free (certification->updated_at);
  g_free (certification->deleted_at);
}

void
tidu_certification_free (TiduCertification *certification)
{
  if (certification == NULL)
    return;
  certification_clear (certification);
  g_free (certification);
}

TiduCertification *
tidu_certification_copy (const TiduCertification *certification)
{
  TiduCertification *copy;

  g_return_val_if_fail (certification != NULL, NULL);

  copy = g_new (TiduCertification, 1);
  *copy = *certification;
  copy->id = g_strdup (certification->id);
  copy->firm_id = g_strdup (certification->firm_id);
  copy->tier = g_strdup (certification->tier);
  copy->level = g_strdup (certification->level);
  copy->certificate_no = g_strdup (certification->certificate_no);
  copy->status = g_strdup (certification->status);
  copy->notes = g_strdup (certification->notes);
  copy->created_at = g_strdup (certification->created_at);
  copy->updated_at = g_strdup (certification->updated_at);
  copy->deleted_at = g_strdup (certification->deleted_at);
  return copy;
}

static gpointer
certification_from_row (sqlite3_stmt *stmt)
{
  TiduCertification *certification = tidu_certification_new ();

  certification->id = tidu_column_text (stmt, 0);
  certification->firm_id = tidu_column_text (stmt, 1);
  certification->tier = tidu_column_text (stmt, 2);
  certification->level = tidu_column_text (stmt, 3);
  tidu_column_date (stmt, 4, &certification->certified_on);
  tidu_column_date (stmt, 5, &certification->expires_on);
  tidu_column_date (stmt, 6, &certification->valid_until);
  certification->certificate_no = tidu_column_text (stmt, 7);
  tidu_text_replace (&certification->status, tidu_column_text (stmt, 8));
  tidu_column_date (stmt, 9, &certification->revoked_on);
  certification->notes = tidu_column_text (stmt, 10);
  certification->created_at = tidu_column_text (stmt, 11);
  certification->updated_at = tidu_column_text (stmt, 12);
  certification->deleted_at = tidu_column_text (stmt, 13);
  return certification;
}

/* The tier's validity rule; %NULL without an error when the code is unknown. */
static TiduVocabItem *
load_tier (TiduDatabase  *db,
           const char    *code,
           GError       **error)
{
  TiduVocabItem *tier = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tidu_database_prepare (db,
                                "SELECT code, name_zh, name_en, rank, validity, validity_years FROM tiers WHERE code = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      tier = g_new0 (TiduVocabItem, 1);
      tier->code = tidu_column_text (stmt, 0);
      tier->name_zh = tidu_column_text (stmt, 1);
      tier->name_en = tidu_column_text (stmt, 2);
      tier->rank = sqlite3_column_int (stmt, 3);
      if (!tidu_validity_from_string ((const char *) sqlite3_column_text (stmt, 4), &tier->validity))
        tier->validity = TIDU_VALIDITY_EXPIRY_DATE;
      tier->validity_years = sqlite3_column_int (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    tidu_database_step_error (db, rc, error);
  return tier;
}

/* DOMAIN.md §2: "GR" + 4-digit year + 2-digit province + 6-digit serial. */
static void
check_hnte_number (TiduValidation          *validation,
                   const TiduCertification *certification)
{
  g_autofree char *number = tidu_text_stripped (certification->certificate_no);
  gboolean well_formed;

  if (tidu_text_is_empty (number))
    return;
  well_formed = strlen (number) == 14 && g_ascii_toupper (number[0]) == 'G' && g_ascii_toupper (number[1]) == 'R';
  for (int i = 2; well_formed && i < 14; i++)
    well_formed = g_ascii_isdigit (number[i]);
  if (!well_formed)
    {
      tidu_validation_add (validation, TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID, "certificate_no", NULL,
                           _("A high-tech enterprise certificate number is usually “GR”, the year, two digits for the province and a six-digit serial, such as GR202232008672."));
      return;
    }
  if (tidu_date_is_set (&certification->certified_on))
    {
      int year = (number[2] - '0') * 1000 + (number[3] - '0') * 100 + (number[4] - '0') * 10 + (number[5] - '0');

      if (year != g_date_get_year (&certification->certified_on))
        tidu_validation_add (validation, TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID, "certificate_no", NULL,
                             _("The certificate number gives the year %d, but the certificate is dated %d."),
                             year, (int) g_date_get_year (&certification->certified_on));
    }
}

/**
 * tidu_certification_validate:
 *
 * Rules: a live firm; a known tier and, when given, level; a certificate date; an expiry after
 * it; a status of active or revoked, with a revocation date exactly when revoked, not before the
 * certificate date. For 高企 a certificate number not shaped like GR202232008672, or whose year
 * differs from the certificate date's, is a warning.
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_certification_validate (TiduDatabase            *db,
                             const TiduCertification *certification,
                             TiduValidation          *validation)
{
  const char *status;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (certification != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (certification->firm_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "firm_id", NULL,
                         _("Choose the firm the certification belongs to."));
  else
    tidu_firm_check_reference (db, certification->firm_id, "firm_id", validation);

  if (tidu_text_is_empty (certification->tier))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "tier", NULL,
                         _("Choose the tier of the certification."));
  else if (!tidu_record_code_known (db, validation, "tiers", certification->tier))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "tier", NULL,
                         _("“%s” is not a known tier."), certification->tier);
  if (!tidu_record_code_known (db, validation, "levels", certification->level))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "level", NULL,
                         _("“%s” is not a known level."), certification->level);

  if (!tidu_date_is_set (&certification->certified_on))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "certified_on", NULL,
                         _("Enter the date of the certificate."));
  else if (tidu_date_is_set (&certification->expires_on)
           && g_date_compare (&certification->expires_on, &certification->certified_on) <= 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "expires_on", NULL,
                         _("The expiry date must be after the date of the certificate."));

  status = tidu_text_is_empty (certification->status) ? TIDU_CERTIFICATION_ACTIVE : certification->status;
  if (g_str_equal (status, TIDU_CERTIFICATION_REVOKED))
    {
      if (!tidu_date_is_set (&certification->revoked_on))
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "revoked_on", NULL,
                             _("Enter the date the certification was revoked."));
    }
  else if (g_str_equal (status, TIDU_CERTIFICATION_ACTIVE))
    {
      if (tidu_date_is_set (&certification->revoked_on))
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "status", NULL,
                             _("A certification with a revocation date must be marked as revoked."));
    }
  else
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "status", NULL,
                         _("“%s” is not a status of a certification."), status);
  if (tidu_date_is_set (&certification->certified_on) && tidu_date_is_set (&certification->revoked_on)
      && g_date_compare (&certification->revoked_on, &certification->certified_on) < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "revoked_on", NULL,
                         _("The revocation date cannot be before the date of the certificate."));

  if (g_strcmp0 (certification->tier, "hnte") == 0)
    check_hnte_number (validation, certification);

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_certification (TiduDatabase  *db,
                     gpointer       data,
                     GError       **error)
{
  TiduCertification *certification = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  TiduVocabItem *tier;
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&certification->firm_id);
  tidu_text_tidy (&certification->tier);
  tidu_text_tidy (&certification->level);
  tidu_text_tidy (&certification->certificate_no);
  tidu_text_tidy (&certification->status);
  tidu_text_tidy (&certification->notes);
  if (certification->status == NULL)
    certification->status = g_strdup (TIDU_CERTIFICATION_ACTIVE);
  if (!tidu_certification_validate (db, certification, validation))
    return tidu_validation_to_error (validation, error);

  tier = load_tier (db, certification->tier, error);
  if (tier == NULL)
    return FALSE;
  if (!tidu_vocab_item_valid_until (tier, &certification->certified_on, &certification->expires_on,
                                    &certification->valid_until))
    g_date_clear (&certification->valid_until, 1);
  tidu_vocab_item_free (tier);

  if (certification->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO firm_tiers (" CERTIFICATION_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                    "?8, ?9, ?10, ?11, ?12, ?12, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE firm_tiers SET firm_id = ?2, tier = ?3, level = ?4, certified_on = ?5, "
                                  "expires_on = ?6, valid_until = ?7, certificate_no = ?8, status = ?9, revoked_on = ?10, "
                                  "notes = ?11, updated_at = ?12 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, certification->id != NULL ? certification->id : new_id);
  tidu_bind_text (stmt, 2, certification->firm_id);
  tidu_bind_text (stmt, 3, certification->tier);
  tidu_bind_text (stmt, 4, certification->level);
  tidu_bind_date (stmt, 5, &certification->certified_on);
  tidu_bind_date (stmt, 6, &certification->expires_on);
  tidu_bind_date (stmt, 7, &certification->valid_until);
  tidu_bind_text (stmt, 8, certification->certificate_no);
  tidu_bind_text (stmt, 9, certification->status);
  tidu_bind_date (stmt, 10, &certification->revoked_on);
  tidu_bind_text (stmt, 11, certification->notes);
  tidu_bind_text (stmt, 12, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (certification->id != NULL
      && !tidu_record_check_changed (db, _("The certification was not found, or it is in the trash."), error))
    return FALSE;
  tidu_record_stamp (&certification->id, &certification->created_at, &certification->updated_at, new_id, now);
  return TRUE;
}

/**
 * tidu_certification_save:
 *
 * Validates and inserts or updates @certification in one transaction and computes valid_until:
 * the expiry printed on the certificate when there is one, otherwise the tier's rule
 * (tidu_vocab_item_valid_until ()); cleared when the certification does not expire by itself.
 */
gboolean
tidu_certification_save (TiduDatabase       *db,
                         TiduCertification  *certification,
                         GError            **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (certification != NULL, FALSE);

  return tidu_record_save_copy (db, certification, sizeof *certification, (TiduCopyFunc) tidu_certification_copy,
                                (GDestroyNotify) tidu_certification_free, (GDestroyNotify) certification_clear,
                                write_certification, error);
}

TiduCertification *
tidu_certification_load (TiduDatabase  *db,
                         const char    *id,
                         GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  return tidu_record_load_row (db, "SELECT " CERTIFICATION_COLUMNS " FROM firm_tiers WHERE id = ?1", id,
                               certification_from_row, _("The certification was not found."), error);
}

gboolean
tidu_certification_delete (TiduDatabase  *db,
                           const char    *id,
                           GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "firm_tiers", id, TRUE, error);
}

gboolean
tidu_certification_restore (TiduDatabase  *db,
                            const char    *id,
                            GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "firm_tiers", id, FALSE, error);
}

/**
 * tidu_firm_list_certifications:
 *
 * Returns: (transfer full) (element-type TiduCertification): the firm's live certifications by
 * certificate date, revoked ones included.
 */
GPtrArray *
tidu_firm_list_certifications (TiduDatabase  *db,
                               const char    *firm_id,
                               GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (firm_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " CERTIFICATION_COLUMNS " FROM firm_tiers "
                                "WHERE firm_id = ?1 AND deleted_at IS NULL ORDER BY certified_on, created_at",
                                firm_id, NULL, certification_from_row, (GDestroyNotify) tidu_certification_free, error);
}

/**
 * tidu_firm_tier_on:
 * @date: the day asked about
 * @tier_code: (out) (transfer full) (nullable): the tier, or %NULL when the firm holds none
 *
 * The firm's tier on @date: the highest-ranked tier of the main ladder (科小 → 高企 → 瞪羚 →
 * 独角兽 → 上市) among its certifications valid that day, that is not in the trash, dated on
 * or before @date, not expired (valid_until on or after @date) and not revoked on or before @date.
 */
gboolean
tidu_firm_tier_on (TiduDatabase  *db,
                   const char    *firm_id,
                   const GDate   *date,
                   char         **tier_code,
                   GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (firm_id != NULL, FALSE);
  g_return_val_if_fail (tidu_date_is_set (date), FALSE);
  g_return_val_if_fail (tier_code != NULL, FALSE);

  *tier_code = NULL;
  stmt = tidu_database_prepare (db,
                                "SELECT ft.tier FROM firm_tiers AS ft JOIN tiers AS t ON t.code = ft.tier "
                                "WHERE " VALID_ON_DATE " AND t.line = 'ladder' ORDER BY t.rank DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, firm_id);
  tidu_bind_date (stmt, 2, date);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *tier_code = tidu_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/**
 * tidu_firm_tiers_on:
 *
 * Returns: (transfer full): every tier the firm holds on @date, by the rules of
 * tidu_firm_tier_on (), from both lines: the main ladder first, highest first, then the
 * 专精特新 line, highest first. Empty when none; %NULL with @error set on failure.
 */
GStrv
tidu_firm_tiers_on (TiduDatabase  *db,
                    const char    *firm_id,
                    const GDate   *date,
                    GError       **error)
{
  g_autoptr(GPtrArray) tiers = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (firm_id != NULL, NULL);
  g_return_val_if_fail (tidu_date_is_set (date), NULL);

  stmt = tidu_database_prepare (db,
                                "SELECT ft.tier FROM firm_tiers AS ft JOIN tiers AS t ON t.code = ft.tier "
                                "WHERE " VALID_ON_DATE " GROUP BY ft.tier "
                                "ORDER BY max (t.line = 'specialised'), max (t.rank) DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, firm_id);
  tidu_bind_date (stmt, 2, date);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (tiers, tidu_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, error);
      return NULL;
    }
  g_ptr_array_add (tiers, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&tiers), FALSE);
}

void
tidu_tier_span_free (TiduTierSpan *span)
{
  if (span == NULL)
    return;
  g_free (span->tier);
  g_free (span->level);
  g_free (span);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const TiduTierSpan *x = *(const TiduTierSpan * const *) a;
  const TiduTierSpan *y = *(const TiduTierSpan * const *) b;

  return g_date_compare (&x->from, &y->from);
}

/**
 * tidu_firm_tier_timeline:
 *
 * The firm's tiers over time for its detail page: one span per stretch in which it held a tier
 * (at one level), renewed certificates that follow on without a gap joined into one span. A
 * revocation ends a span the day before it. Spans come by start date; spans starting the same
 * day in ladder order.
 *
 * Returns: (transfer full) (element-type TiduTierSpan): the spans, or %NULL with @error set.
 */
GPtrArray *
tidu_firm_tier_timeline (TiduDatabase  *db,
                         const char    *firm_id,
                         GError       **error)
{
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_tier_span_free);
  TiduTierSpan *current = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (firm_id != NULL, NULL);

  stmt = tidu_database_prepare (db,
                                "SELECT ft.tier, ft.level, ft.certified_on, ft.valid_until, ft.revoked_on "
                                "FROM firm_tiers AS ft JOIN tiers AS t ON t.code = ft.tier "
                                "WHERE ft.firm_id = ?1 AND ft.deleted_at IS NULL "
                                "ORDER BY t.line = 'specialised', t.rank, ifnull (ft.level, ''), ft.certified_on",
                                error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, firm_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *tier = tidu_column_text (stmt, 0);
      g_autofree char *level = tidu_column_text (stmt, 1);
      GDate from, until, revoked, day_after;

      tidu_column_date (stmt, 2, &from);
      tidu_column_date (stmt, 3, &until);
      tidu_column_date (stmt, 4, &revoked);
      if (!tidu_date_is_set (&from))
        continue;
      if (tidu_date_is_set (&revoked))
        {
          /* Held through the day before the revocation. */
          if (g_date_compare (&revoked, &from) <= 0)
            continue;
          g_date_subtract_days (&revoked, 1);
          if (!tidu_date_is_set (&until) || g_date_compare (&revoked, &until) < 0)
            until = revoked;
        }

      if (current != NULL && g_strcmp0 (current->tier, tier) == 0 && g_strcmp0 (current->level, level) == 0)
        {
          if (!tidu_date_is_set (&current->until))
            continue;
          day_after = current->until;
          g_date_add_days (&day_after, 1);
          if (g_date_compare (&from, &day_after) <= 0)
            {
              if (!tidu_date_is_set (&until) || g_date_compare (&until, &current->until) > 0)
                current->until = until;
              continue;
            }
        }
      current = g_new0 (TiduTierSpan, 1);
      current->tier = g_steal_pointer (&tier);
      current->level = g_steal_pointer (&level);
      current->from = from;
      current->until = until;
      g_ptr_array_add (spans, current);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, error);
      return NULL;
    }
  /* Stable: spans starting the same day keep ladder order. */
  g_ptr_array_sort (spans, compare_spans);
  return g_steal_pointer (&spans);
}

/* ------------------------------------------------------------------ yearly indicators */

#define FIRM_YEAR_COLUMNS \
  "id, firm_id, year, revenue, rd_expense, staff, tech_staff, ip_class1, ip_class2, valuation, financing, " \
  "notes, created_at, updated_at, deleted_at"


TiduFirmYear *
tidu_firm_year_new (void)
{
  TiduFirmYear *year = g_new0 (TiduFirmYear, 1);

  year->revenue = TIDU_UNSET;
  year->rd_expense = TIDU_UNSET;
  year->staff = TIDU_UNSET;
  year->tech_staff = TIDU_UNSET;
  year->ip_class1 = TIDU_UNSET;
  year->ip_class2 = TIDU_UNSET;
  year->valuation = TIDU_UNSET;
  year->financing = TIDU_UNSET;
  return year;
}

static void
firm_year_clear (TiduFirmYear *year)
{
  g_free (year->id);
  g_free (year->firm_id);
  g_free (year->notes);
  g_free (year->created_at);
  g_free (year->updated_at);
  g_free (year->deleted_at);
}

void
tidu_firm_year_free (TiduFirmYear *year)
{
  if (year == NULL)
    return;
  firm_year_clear (year);
  g_free (year);
}

TiduFirmYear *
tidu_firm_year_copy (const TiduFirmYear *year)
{
  TiduFirmYear *copy;

  g_return_val_if_fail (year != NULL, NULL);

  copy = g_new (TiduFirmYear, 1);
  *copy = *year;
  copy->id = g_strdup (year->id);
  copy->firm_id = g_strdup (year->firm_id);
  copy->notes = g_strdup (year->notes);
  copy->created_at = g_strdup (year->created_at);
  copy->updated_at = g_strdup (year->updated_at);
  copy->deleted_at = g_strdup (year->deleted_at);
  return copy;
}

static gpointer
firm_year_from_row (sqlite3_stmt *stmt)
{
  TiduFirmYear *year = tidu_firm_year_new ();

  year->id = tidu_column_text (stmt, 0);
  year->firm_id = tidu_column_text (stmt, 1);
  year->year = sqlite3_column_int (stmt, 2);
  year->revenue = tidu_column_int (stmt, 3);
  year->rd_expense = tidu_column_int (stmt, 4);
  year->staff = tidu_column_int (stmt, 5);
  year->tech_staff = tidu_column_int (stmt, 6);
  year->ip_class1 = tidu_column_int (stmt, 7);
  year->ip_class2 = tidu_column_int (stmt, 8);
  year->valuation = tidu_column_int (stmt, 9);
  year->financing = tidu_column_int (stmt, 10);
  year->notes = tidu_column_text (stmt, 11);
  year->created_at = tidu_column_text (stmt, 12);
  year->updated_at = tidu_column_text (stmt, 13);
  year->deleted_at = tidu_column_text (stmt, 14);
  return year;
}

static const struct
{
  const char *field;
  gsize       offset;
  gboolean    money;
} firm_year_numbers[] = {
  { "revenue", G_STRUCT_OFFSET (TiduFirmYear, revenue), TRUE },
  { "rd_expense", G_STRUCT_OFFSET (TiduFirmYear, rd_expense), TRUE },
  { "staff", G_STRUCT_OFFSET (TiduFirmYear, staff), FALSE },
  { "tech_staff", G_STRUCT_OFFSET (TiduFirmYear, tech_staff), FALSE },
  { "ip_class1", G_STRUCT_OFFSET (TiduFirmYear, ip_class1), FALSE },
  { "ip_class2", G_STRUCT_OFFSET (TiduFirmYear, ip_class2), FALSE },
  { "valuation", G_STRUCT_OFFSET (TiduFirmYear, valuation), TRUE },
  { "financing", G_STRUCT_OFFSET (TiduFirmYear, financing), TRUE },
};

/* The live row of the firm for the year, other than @self_id. */
static gboolean
find_firm_year (TiduDatabase  *db,
                const char    *firm_id,
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
                                "SELECT id, created_at FROM firm_years WHERE firm_id = ?1 AND year = ?2 "
                                "AND deleted_at IS NULL AND (?3 IS NULL OR id <> ?3) LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, firm_id);
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
 * tidu_firm_year_validate:
 *
 * Rules: a live firm; a year from 1980 to 2100; amounts and counts not negative; no more tech
 * staff than staff. A saved row moved onto a year the firm already has is a duplicate (a new
 * record for such a year is not: saving it updates that year).
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_firm_year_validate (TiduDatabase       *db,
                         const TiduFirmYear *year,
                         TiduValidation     *validation)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (year->firm_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "firm_id", NULL,
                         _("Choose the firm the figures belong to."));
  else
    tidu_firm_check_reference (db, year->firm_id, "firm_id", validation);

  if (year->year < TIDU_YEAR_MIN || year->year > TIDU_YEAR_MAX)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "year", NULL,
                         _("Enter a year from %d to %d."), TIDU_YEAR_MIN, TIDU_YEAR_MAX);

  for (guint i = 0; i < G_N_ELEMENTS (firm_year_numbers); i++)
    {
      gint64 value = G_STRUCT_MEMBER (gint64, year, firm_year_numbers[i].offset);

      if (TIDU_IS_SET (value) && value < 0)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, firm_year_numbers[i].field, NULL,
                             "%s", firm_year_numbers[i].money ? _("An amount cannot be negative.")
                                                              : _("A count cannot be negative."));
    }
  if (TIDU_IS_SET (year->staff) && TIDU_IS_SET (year->tech_staff) && year->tech_staff > year->staff)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "tech_staff", NULL,
                         _("There cannot be more tech staff than staff."));

  if (year->id != NULL && !tidu_text_is_empty (year->firm_id))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *other_id = NULL;

      if (!find_firm_year (db, year->firm_id, year->year, year->id, &other_id, NULL, &error))
        tidu_record_add_database_issue (validation, error);
      else if (other_id != NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "year", other_id,
                             _("The firm already has figures for %d."), year->year);
    }

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_firm_year (TiduDatabase  *db,
                 gpointer       data,
                 GError       **error)
{
  TiduFirmYear *year = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&year->firm_id);
  tidu_text_tidy (&year->notes);
  if (!tidu_firm_year_validate (db, year, validation))
    return tidu_validation_to_error (validation, error);

  /* One row per firm and year: a new record for a year already there updates that row. */
  if (year->id == NULL)
    {
      g_autofree char *existing_id = NULL;
      g_autofree char *existing_created_at = NULL;

      if (!find_firm_year (db, year->firm_id, year->year, NULL, &existing_id, &existing_created_at, error))
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
                                    "INSERT INTO firm_years (" FIRM_YEAR_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                    "?8, ?9, ?10, ?11, ?12, ?13, ?13, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE firm_years SET firm_id = ?2, year = ?3, revenue = ?4, rd_expense = ?5, "
                                  "staff = ?6, tech_staff = ?7, ip_class1 = ?8, ip_class2 = ?9, valuation = ?10, "
                                  "financing = ?11, notes = ?12, updated_at = ?13 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, year->id != NULL ? year->id : new_id);
  tidu_bind_text (stmt, 2, year->firm_id);
  tidu_bind_int (stmt, 3, year->year);
  tidu_bind_int (stmt, 4, year->revenue);
  tidu_bind_int (stmt, 5, year->rd_expense);
  tidu_bind_int (stmt, 6, year->staff);
  tidu_bind_int (stmt, 7, year->tech_staff);
  tidu_bind_int (stmt, 8, year->ip_class1);
  tidu_bind_int (stmt, 9, year->ip_class2);
  tidu_bind_int (stmt, 10, year->valuation);
  tidu_bind_int (stmt, 11, year->financing);
  tidu_bind_text (stmt, 12, year->notes);
  tidu_bind_text (stmt, 13, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (year->id != NULL && !tidu_record_check_changed (db, _("The yearly figures were not found, or they are in the trash."), error))
    return FALSE;
  tidu_record_stamp (&year->id, &year->created_at, &year->updated_at, new_id, now);
  return TRUE;
}

/**
 * tidu_firm_year_save:
 *
 * Validates and stores the figures of a firm for a year in one transaction. There is one row
 * per firm and year: saving a new record (id %NULL) for a year the firm already has updates
 * that row, and @year gets its id.
 */
gboolean
tidu_firm_year_save (TiduDatabase  *db,
                     TiduFirmYear  *year,
                     GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (year != NULL, FALSE);

  return tidu_record_save_copy (db, year, sizeof *year, (TiduCopyFunc) tidu_firm_year_copy,
                                (GDestroyNotify) tidu_firm_year_free, (GDestroyNotify) firm_year_clear,
                                write_firm_year, error);
}

gboolean
tidu_firm_year_delete (TiduDatabase  *db,
                       const char    *id,
                       GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "firm_years", id, TRUE, error);
}

/* Refused with %TIDU_ERROR_DUPLICATE when figures for the same year were entered meanwhile. */
gboolean
tidu_firm_year_restore (TiduDatabase  *db,
                        const char    *id,
                        GError       **error)
{
  g_autoptr(TiduFirmYear) year = NULL;
  g_autofree char *other_id = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  year = tidu_record_load_row (db, "SELECT " FIRM_YEAR_COLUMNS " FROM firm_years WHERE id = ?1", id, firm_year_from_row,
                               _("The yearly figures were not found."), error);
  if (year == NULL)
    goto fail;
  if (!find_firm_year (db, year->firm_id, year->year, year->id, &other_id, NULL, error))
    goto fail;
  if (other_id != NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE,
                   _("The firm already has figures for %d."), year->year);
      goto fail;
    }
  if (!tidu_record_set_deleted (db, "firm_years", id, FALSE, error))
    goto fail;
  return tidu_database_commit (db, error);

fail:
  tidu_database_rollback (db);
  return FALSE;
}

/**
 * tidu_firm_list_years:
 *
 * Returns: (transfer full) (element-type TiduFirmYear): the firm's live yearly figures by year.
 */
GPtrArray *
tidu_firm_list_years (TiduDatabase  *db,
                      const char    *firm_id,
                      GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (firm_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " FIRM_YEAR_COLUMNS " FROM firm_years WHERE firm_id = ?1 AND deleted_at IS NULL ORDER BY year",
                                firm_id, NULL, firm_year_from_row, (GDestroyNotify) tidu_firm_year_free, error);
}

/* ------------------------------------------------------------------ stays */

#define STAY_COLUMNS \
  "id, firm_id, carrier_id, entered_on, left_on, outcome, notes, created_at, updated_at, deleted_at"

TiduStay *
tidu_stay_new (void)
{
  TiduStay *stay = g_new0 (TiduStay, 1);

  g_date_clear (&stay->entered_on, 1);
  g_date_clear (&stay->left_on, 1);
  return stay;
}

static void
stay_clear (TiduStay *stay)
{
  g_free (stay->id);
  g_free (stay->firm_id);
  g_free (stay->carrier_id);
  g_free (stay->outcome);
  g_free (stay->notes);
  g_free (stay->created_at);
  g_free (stay->updated_at);
  g_free (stay->deleted_at);
}

void
tidu_stay_free (TiduStay *stay)
{
  if (stay == NULL)
    return;
  stay_clear (stay);
  g_free (stay);
}

TiduStay *
tidu_stay_copy (const TiduStay *stay)
{
  TiduStay *copy;

  g_return_val_if_fail (stay != NULL, NULL);

  copy = g_new (TiduStay, 1);
  *copy = *stay;
  copy->id = g_strdup (stay->id);
  copy->firm_id = g_strdup (stay->firm_id);
  copy->carrier_id = g_strdup (stay->carrier_id);
  copy->outcome = g_strdup (stay->outcome);
  copy->notes = g_strdup (stay->notes);
  copy->created_at = g_strdup (stay->created_at);
  copy->updated_at = g_strdup (stay->updated_at);
  copy->deleted_at = g_strdup (stay->deleted_at);
  return copy;
}

static gpointer
stay_from_row (sqlite3_stmt *stmt)
{
  TiduStay *stay = tidu_stay_new ();

  stay->id = tidu_column_text (stmt, 0);
  stay->firm_id = tidu_column_text (stmt, 1);
  stay->carrier_id = tidu_column_text (stmt, 2);
  tidu_column_date (stmt, 3, &stay->entered_on);
  tidu_column_date (stmt, 4, &stay->left_on);
  stay->outcome = tidu_column_text (stmt, 5);
  stay->notes = tidu_column_text (stmt, 6);
  stay->created_at = tidu_column_text (stmt, 7);
  stay->updated_at = tidu_column_text (stmt, 8);
  stay->deleted_at = tidu_column_text (stmt, 9);
  return stay;
}

/* A firm is in one carrier at a time. Stays run from entered_on up to, not including, left_on
 * (an open stay for ever), so leaving one carrier and entering the next on the same day is fine. */
static void
check_overlap (TiduDatabase   *db,
               const TiduStay *stay,
               TiduValidation *validation)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = tidu_database_prepare (db,
                                "SELECT s.id, c.name, s.entered_on, s.left_on FROM firm_stays AS s "
                                "JOIN carriers AS c ON c.id = s.carrier_id "
                                "WHERE s.firm_id = ?1 AND s.deleted_at IS NULL AND (?2 IS NULL OR s.id <> ?2) "
                                "AND (?4 IS NULL OR s.entered_on < ?4) AND (s.left_on IS NULL OR s.left_on > ?3) "
                                "ORDER BY s.entered_on LIMIT 1",
                                &error);
  if (stmt == NULL)
    {
      tidu_record_add_database_issue (validation, error);
      return;
    }
  tidu_bind_text (stmt, 1, stay->firm_id);
  tidu_bind_text (stmt, 2, stay->id);
  tidu_bind_date (stmt, 3, &stay->entered_on);
  tidu_bind_date (stmt, 4, &stay->left_on);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *other_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *carrier = (const char *) sqlite3_column_text (stmt, 1);
      const char *entered = (const char *) sqlite3_column_text (stmt, 2);
      const char *left = (const char *) sqlite3_column_text (stmt, 3);

      if (left == NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_CONFLICT, "entered_on", other_id,
                             _("The firm has been in “%s” since %s. A firm is in one carrier at a time."),
                             carrier, entered);
      else
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_CONFLICT, "entered_on", other_id,
                             _("The firm was in “%s” from %s to %s. A firm is in one carrier at a time."),
                             carrier, entered, left);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      tidu_database_step_error (db, rc, &error);
      tidu_record_add_database_issue (validation, error);
    }
}

/**
 * tidu_stay_validate:
 *
 * Rules: a live firm and a live carrier; an entry date; a leaving date not before it; an outcome
 * (graduated or left) exactly when there is a leaving date; no overlap with the firm's other
 * stays (%TIDU_ERROR_CONFLICT, naming the other carrier and its dates).
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_stay_validate (TiduDatabase   *db,
                    const TiduStay *stay,
                    TiduValidation *validation)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stay != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (stay->firm_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "firm_id", NULL,
                         _("Choose the firm."));
  else
    tidu_firm_check_reference (db, stay->firm_id, "firm_id", validation);
  if (tidu_text_is_empty (stay->carrier_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "carrier_id", NULL,
                         _("Choose the carrier."));
  else
    tidu_carrier_check_reference (db, stay->carrier_id, "carrier_id", validation);

  if (!tidu_date_is_set (&stay->entered_on))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "entered_on", NULL,
                         _("Enter the date the firm moved in."));
  check_date_order (validation, &stay->entered_on, &stay->left_on, "left_on",
                    _("The firm cannot leave before it moved in."));

  if (tidu_date_is_set (&stay->left_on) && tidu_text_is_empty (stay->outcome))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "outcome", NULL,
                         _("Say whether the firm graduated or left."));
  else if (!tidu_date_is_set (&stay->left_on) && !tidu_text_is_empty (stay->outcome))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "left_on", NULL,
                         _("Enter the date the firm graduated or left."));
  if (!tidu_record_code_known (db, validation, "stay_outcomes", stay->outcome))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "outcome", NULL,
                         _("“%s” is not a known outcome of a stay."), stay->outcome);

  if (!tidu_text_is_empty (stay->firm_id) && tidu_date_is_set (&stay->entered_on))
    check_overlap (db, stay, validation);

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_stay (TiduDatabase  *db,
            gpointer       data,
            GError       **error)
{
  TiduStay *stay = data;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  tidu_text_tidy (&stay->firm_id);
  tidu_text_tidy (&stay->carrier_id);
  tidu_text_tidy (&stay->outcome);
  tidu_text_tidy (&stay->notes);
  if (!tidu_stay_validate (db, stay, validation))
    return tidu_validation_to_error (validation, error);

  if (stay->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO firm_stays (" STAY_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, NULL)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE firm_stays SET firm_id = ?2, carrier_id = ?3, entered_on = ?4, left_on = ?5, "
                                  "outcome = ?6, notes = ?7, updated_at = ?8 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, stay->id != NULL ? stay->id : new_id);
  tidu_bind_text (stmt, 2, stay->firm_id);
  tidu_bind_text (stmt, 3, stay->carrier_id);
  tidu_bind_date (stmt, 4, &stay->entered_on);
  tidu_bind_date (stmt, 5, &stay->left_on);
  tidu_bind_text (stmt, 6, stay->outcome);
  tidu_bind_text (stmt, 7, stay->notes);
  tidu_bind_text (stmt, 8, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (stay->id != NULL && !tidu_record_check_changed (db, _("The stay was not found, or it is in the trash."), error))
    return FALSE;
  tidu_record_stamp (&stay->id, &stay->created_at, &stay->updated_at, new_id, now);
  return TRUE;
}

gboolean
tidu_stay_save (TiduDatabase  *db,
                TiduStay      *stay,
                GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stay != NULL, FALSE);

  return tidu_record_save_copy (db, stay, sizeof *stay, (TiduCopyFunc) tidu_stay_copy,
                                (GDestroyNotify) tidu_stay_free, (GDestroyNotify) stay_clear,
                                write_stay, error);
}

TiduStay *
tidu_stay_load (TiduDatabase  *db,
                const char    *id,
                GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  return tidu_record_load_row (db, "SELECT " STAY_COLUMNS " FROM firm_stays WHERE id = ?1", id, stay_from_row,
                               _("The stay was not found."), error);
}

gboolean
tidu_stay_delete (TiduDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted_in_transaction (db, "firm_stays", id, TRUE, error);
}

/* Refused with %TIDU_ERROR_CONFLICT when the stay now overlaps another one of the firm. */
gboolean
tidu_stay_restore (TiduDatabase  *db,
                   const char    *id,
                   GError       **error)
{
  g_autoptr(TiduStay) stay = NULL;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  stay = tidu_stay_load (db, id, error);
  if (stay == NULL)
    goto fail;
  if (stay->deleted_at != NULL)
    {
      check_overlap (db, stay, validation);
      if (!tidu_validation_to_error (validation, error))
        goto fail;
    }
  if (!tidu_record_set_deleted (db, "firm_stays", id, FALSE, error))
    goto fail;
  return tidu_database_commit (db, error);

fail:
  tidu_database_rollback (db);
  return FALSE;
}

/**
 * tidu_firm_list_stays:
 *
 * Returns: (transfer full) (element-type TiduStay): the firm's live stays by entry date.
 */
GPtrArray *
tidu_firm_list_stays (TiduDatabase  *db,
                      const char    *firm_id,
                      GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (firm_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " STAY_COLUMNS " FROM firm_stays WHERE firm_id = ?1 AND deleted_at IS NULL "
                                "ORDER BY entered_on, created_at",
                                firm_id, NULL, stay_from_row, (GDestroyNotify) tidu_stay_free, error);
}

/**
 * tidu_carrier_list_stays:
 * @current_only: only the firms still there (stays without a leaving date)
 *
 * Returns: (transfer full) (element-type TiduStay): the carrier's live stays by entry date.
 */
GPtrArray *
tidu_carrier_list_stays (TiduDatabase  *db,
                         const char    *carrier_id,
                         gboolean       current_only,
                         GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (carrier_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                current_only
                                ? "SELECT " STAY_COLUMNS " FROM firm_stays WHERE carrier_id = ?1 AND deleted_at IS NULL "
                                  "AND left_on IS NULL ORDER BY entered_on, created_at"
                                : "SELECT " STAY_COLUMNS " FROM firm_stays WHERE carrier_id = ?1 AND deleted_at IS NULL "
                                  "ORDER BY entered_on, created_at",
                                carrier_id, NULL, stay_from_row, (GDestroyNotify) tidu_stay_free, error);
}

static TiduStay *
load_open_stay (TiduDatabase  *db,
                const char    *firm_id,
                GError       **error)
{
  sqlite3_stmt *stmt;
  TiduStay *stay = NULL;
  int rc;

  stmt = tidu_database_prepare (db,
                                "SELECT " STAY_COLUMNS " FROM firm_stays WHERE firm_id = ?1 AND deleted_at IS NULL "
                                "AND left_on IS NULL ORDER BY entered_on DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, firm_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    stay = stay_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    tidu_database_step_error (db, rc, error);
  return stay;
}

/**
 * tidu_firm_current_carrier:
 *
 * Returns: (transfer full) (nullable): the carrier of the firm's open stay; %NULL without an
 * error when the firm is in no carrier.
 */
char *
tidu_firm_current_carrier (TiduDatabase  *db,
                           const char    *firm_id,
                           GError       **error)
{
  g_autoptr(TiduStay) stay = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (firm_id != NULL, NULL);

  stay = load_open_stay (db, firm_id, error);
  return stay != NULL ? g_steal_pointer (&stay->carrier_id) : NULL;
}

/**
 * tidu_firm_move_to_carrier:
 * @date: the day of the move
 *
 * In one transaction: closes the firm's open stay on @date with the outcome "left" and opens a
 * stay in @carrier_id from @date. Refused (%TIDU_ERROR_INVALID) when the firm is already in
 * that carrier or @date is before the open stay began; nothing changes on failure.
 */
gboolean
tidu_firm_move_to_carrier (TiduDatabase  *db,
                           const char    *firm_id,
                           const char    *carrier_id,
                           const GDate   *date,
                           GError       **error)
{
  g_autoptr(TiduStay) open = NULL;
  g_autoptr(TiduStay) next = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (firm_id != NULL, FALSE);
  g_return_val_if_fail (carrier_id != NULL, FALSE);

  if (!tidu_date_is_set (date))
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("Enter the date of the move."));
      return FALSE;
    }
  if (!tidu_database_begin (db, error))
    return FALSE;

  open = load_open_stay (db, firm_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      goto fail;
    }
  if (open != NULL)
    {
      g_autofree char *entered = tidu_date_to_iso (&open->entered_on);

      if (g_strcmp0 (open->carrier_id, carrier_id) == 0)
        {
          g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("The firm is already in this carrier."));
          goto fail;
        }
      if (g_date_compare (date, &open->entered_on) < 0)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                       _("The firm moved into its current carrier on %s; it cannot move out before that."),
                       entered);
          goto fail;
        }
      open->left_on = *date;
      tidu_text_replace (&open->outcome, g_strdup (TIDU_STAY_LEFT));
      if (!write_stay (db, open, error))
        goto fail;
    }

  next = tidu_stay_new ();
  next->firm_id = g_strdup (firm_id);
  next->carrier_id = g_strdup (carrier_id);
  next->entered_on = *date;
  if (!write_stay (db, next, error))
    goto fail;
  return tidu_database_commit (db, error);

fail:
  tidu_database_rollback (db);
  return FALSE;
}
