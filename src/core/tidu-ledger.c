/* tidu-ledger.c: the subsidy ledger on subsidy_awards.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-ledger.h"
#include "tidu-money.h"
#include "tidu-policy-private.h"
#include "tidu-record-private.h"

TiduSubsidyAward *
tidu_subsidy_award_new (void)
{
  TiduSubsidyAward *award = g_new0 (TiduSubsidyAward, 1);

  award->computed_amount = TIDU_UNSET;
  award->computed_min = TIDU_UNSET;
  award->computed_max = TIDU_UNSET;
  award->approved_amount = TIDU_UNSET;
  award->paid_amount = TIDU_UNSET;
  g_date_clear (&award->approved_on, 1);
  g_date_clear (&award->paid_on, 1);
  award->status = g_strdup (TIDU_AWARD_RECORDED);
  return award;
}

void
tidu_subsidy_award_free (TiduSubsidyAward *award)
{
  if (award == NULL)
    return;
  g_free (award->id);
  g_free (award->policy_id);
  g_free (award->policy_code);
  g_free (award->rule_id);
  g_free (award->carrier_id);
  g_free (award->firm_id);
  g_free (award->talent_id);
  g_free (award->payee);
  g_free (award->entity_name);
  g_free (award->level);
  g_free (award->inputs);
  g_free (award->explanation);
  g_free (award->approved_reason);
  g_free (award->status);
  g_free (award->created_at);
  g_free (award->updated_at);
  g_free (award->deleted_at);
  g_free (award);
}

TiduSubsidyAward *
tidu_subsidy_award_copy (const TiduSubsidyAward *award)
{
  TiduSubsidyAward *copy = g_memdup2 (award, sizeof *award);

  copy->id = g_strdup (award->id);
  copy->policy_id = g_strdup (award->policy_id);
  copy->policy_code = g_strdup (award->policy_code);
  copy->rule_id = g_strdup (award->rule_id);
  copy->carrier_id = g_strdup (award->carrier_id);
  copy->firm_id = g_strdup (award->firm_id);
  copy->talent_id = g_strdup (award->talent_id);
  copy->payee = g_strdup (award->payee);
  copy->entity_name = g_strdup (award->entity_name);
  copy->level = g_strdup (award->level);
  copy->inputs = g_strdup (award->inputs);
  copy->explanation = g_strdup (award->explanation);
  copy->approved_reason = g_strdup (award->approved_reason);
  copy->status = g_strdup (award->status);
  copy->created_at = g_strdup (award->created_at);
  copy->updated_at = g_strdup (award->updated_at);
  copy->deleted_at = g_strdup (award->deleted_at);
  return copy;
}

static char **
entity_slot (TiduSubsidyAward      *award,
             TiduSubsidyEntityKind  kind)
{
  switch (kind)
    {
    case TIDU_SUBSIDY_ENTITY_CARRIER: return &award->carrier_id;
    case TIDU_SUBSIDY_ENTITY_FIRM: return &award->firm_id;
    case TIDU_SUBSIDY_ENTITY_TALENT: return &award->talent_id;
    case TIDU_SUBSIDY_ENTITY_PAYEE: return &award->payee;
    case TIDU_SUBSIDY_ENTITY_NONE:
    default: return NULL;
    }
}

TiduSubsidyAward *
tidu_subsidy_award_new_from_result (const TiduSubsidyResult *result,
                                    TiduSubsidyEntityKind    entity_kind,
                                    const char              *entity_id,
                                    int                      year,
                                    gint64                   amount)
{
  TiduSubsidyAward *award = tidu_subsidy_award_new ();
  char **slot = entity_slot (award, entity_kind);

  award->policy_id = g_strdup (result->policy_id);
  award->policy_code = g_strdup (result->policy_code);
  award->rule_id = g_strdup (result->rule_id);
  if (slot != NULL)
    *slot = g_strdup (entity_id);
  award->year = year;
  award->level = g_strdup (result->level);
  award->inputs = g_strdup (result->inputs_json);
  award->explanation = tidu_subsidy_result_explanation (result);
  award->computed_min = result->min;
  award->computed_max = result->max;
  award->computed_amount = TIDU_IS_SET (amount) ? amount : result->amount;
  return award;
}

gint64
tidu_subsidy_award_effective_amount (const TiduSubsidyAward *award)
{
  if (g_strcmp0 (award->status, TIDU_AWARD_CANCELLED) == 0)
    return 0;
  if (g_strcmp0 (award->status, TIDU_AWARD_PAID) == 0 && TIDU_IS_SET (award->paid_amount))
    return award->paid_amount;
  if (g_strcmp0 (award->status, TIDU_AWARD_APPROVED) == 0 && TIDU_IS_SET (award->approved_amount))
    return award->approved_amount;
  if (TIDU_IS_SET (award->computed_amount))
    return award->computed_amount;
  return TIDU_IS_SET (award->computed_max) ? award->computed_max : 0;
}

TiduSubsidyEntityKind
tidu_subsidy_award_get_entity (const TiduSubsidyAward  *award,
                               const char             **entity_id)
{
  const char *id = NULL;
  TiduSubsidyEntityKind kind = TIDU_SUBSIDY_ENTITY_NONE;

  if (award->carrier_id != NULL)
    kind = TIDU_SUBSIDY_ENTITY_CARRIER, id = award->carrier_id;
  else if (award->firm_id != NULL)
    kind = TIDU_SUBSIDY_ENTITY_FIRM, id = award->firm_id;
  else if (award->talent_id != NULL)
    kind = TIDU_SUBSIDY_ENTITY_TALENT, id = award->talent_id;
  else if (award->payee != NULL)
    kind = TIDU_SUBSIDY_ENTITY_PAYEE, id = award->payee;
  if (entity_id != NULL)
    *entity_id = id;
  return kind;
}

/* ------------------------------------------------------------------ reading */

#define AWARD_COLUMNS \
  "a.id, a.policy_id, p.code, a.rule_id, a.carrier_id, a.firm_id, a.talent_id, a.payee, " \
  "coalesce (c.name, f.name, t.name, a.payee), a.year, a.level, a.inputs, a.explanation, " \
  "a.computed_amount, a.computed_min, a.computed_max, a.approved_amount, a.approved_reason, a.approved_on, " \
  "a.paid_amount, a.paid_on, a.status, a.created_at, a.updated_at, a.deleted_at"
#define AWARD_FROM \
  " FROM subsidy_awards a JOIN policies p ON p.id = a.policy_id " \
  "LEFT JOIN carriers c ON c.id = a.carrier_id LEFT JOIN firms f ON f.id = a.firm_id " \
  "LEFT JOIN talents t ON t.id = a.talent_id "

static TiduSubsidyAward *
award_from_row (sqlite3_stmt *stmt)
{
  TiduSubsidyAward *award = tidu_subsidy_award_new ();

  g_free (award->status);
  award->id = tidu_column_text (stmt, 0);
  award->policy_id = tidu_column_text (stmt, 1);
  award->policy_code = tidu_column_text (stmt, 2);
  award->rule_id = tidu_column_text (stmt, 3);
  award->carrier_id = tidu_column_text (stmt, 4);
  award->firm_id = tidu_column_text (stmt, 5);
  award->talent_id = tidu_column_text (stmt, 6);
  award->payee = tidu_column_text (stmt, 7);
  award->entity_name = tidu_column_text (stmt, 8);
  award->year = sqlite3_column_int (stmt, 9);
  award->level = tidu_column_text (stmt, 10);
  award->inputs = tidu_column_text (stmt, 11);
  award->explanation = tidu_column_text (stmt, 12);
  award->computed_amount = tidu_column_int (stmt, 13);
  award->computed_min = tidu_column_int (stmt, 14);
  award->computed_max = tidu_column_int (stmt, 15);
  award->approved_amount = tidu_column_int (stmt, 16);
  award->approved_reason = tidu_column_text (stmt, 17);
  tidu_column_date (stmt, 18, &award->approved_on);
  award->paid_amount = tidu_column_int (stmt, 19);
  tidu_column_date (stmt, 20, &award->paid_on);
  award->status = tidu_column_text (stmt, 21);
  award->created_at = tidu_column_text (stmt, 22);
  award->updated_at = tidu_column_text (stmt, 23);
  award->deleted_at = tidu_column_text (stmt, 24);
  return award;
}

TiduSubsidyAward *
tidu_ledger_load (TiduDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db, "SELECT " AWARD_COLUMNS AWARD_FROM "WHERE a.id = ?1", error);
  TiduSubsidyAward *award = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    award = award_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no award “%s” in the ledger."), id);
  else if (rc != SQLITE_ROW)
    tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the subsidy ledger"), error);
  return award;
}

/* The WHERE clause of a filter; binds in the order the clause names them. */
static char *
filter_sql (const TiduLedgerFilter *filter,
            gboolean                counting)
{
  GString *sql = g_string_new ("WHERE a.deleted_at IS NULL");

  if (filter != NULL && filter->policy != NULL)
    g_string_append (sql, " AND (p.id = ?1 OR (p.code = ?1 AND NOT EXISTS (SELECT 1 FROM policies q "
                          "WHERE q.code = p.code AND q.deleted_at IS NULL AND q.version > p.version)) "
                          "OR p.code || '@' || p.version = ?1)");
  if (filter != NULL && filter->rule_id != NULL)
    g_string_append (sql, " AND a.rule_id = ?2");
  if (filter != NULL && filter->year != 0)
    g_string_append (sql, " AND a.year = ?3");
  if (filter != NULL && filter->entity_id != NULL)
    switch (filter->entity_kind)
      {
      case TIDU_SUBSIDY_ENTITY_CARRIER: g_string_append (sql, " AND a.carrier_id = ?4"); break;
      case TIDU_SUBSIDY_ENTITY_FIRM: g_string_append (sql, " AND a.firm_id = ?4"); break;
      case TIDU_SUBSIDY_ENTITY_TALENT: g_string_append (sql, " AND a.talent_id = ?4"); break;
      case TIDU_SUBSIDY_ENTITY_PAYEE: g_string_append (sql, " AND a.payee = ?4"); break;
      case TIDU_SUBSIDY_ENTITY_NONE:
      default: g_string_append (sql, " AND ?4 IN (a.carrier_id, a.firm_id, a.talent_id, a.payee)"); break;
      }
  else if (filter != NULL && filter->entity_kind != TIDU_SUBSIDY_ENTITY_NONE)
    switch (filter->entity_kind)
      {
      case TIDU_SUBSIDY_ENTITY_CARRIER: g_string_append (sql, " AND a.carrier_id IS NOT NULL"); break;
      case TIDU_SUBSIDY_ENTITY_FIRM: g_string_append (sql, " AND a.firm_id IS NOT NULL"); break;
      case TIDU_SUBSIDY_ENTITY_TALENT: g_string_append (sql, " AND a.talent_id IS NOT NULL"); break;
      case TIDU_SUBSIDY_ENTITY_PAYEE:
      case TIDU_SUBSIDY_ENTITY_NONE:
      default: g_string_append (sql, " AND a.payee IS NOT NULL"); break;
      }
  if (filter != NULL && filter->status != NULL)
    g_string_append (sql, " AND a.status = ?5");
  if (counting || filter == NULL || filter->status == NULL)
    g_string_append (sql, " AND a.status <> 'cancelled'");
  return g_string_free (sql, FALSE);
}

static void
bind_filter (sqlite3_stmt           *stmt,
             const TiduLedgerFilter *filter)
{
  if (filter == NULL)
    return;
  tidu_bind_text (stmt, 1, filter->policy);
  tidu_bind_text (stmt, 2, filter->rule_id);
  sqlite3_bind_int (stmt, 3, filter->year);
  tidu_bind_text (stmt, 4, filter->entity_id);
  tidu_bind_text (stmt, 5, filter->status);
}

GPtrArray *
tidu_ledger_list (TiduDatabase            *db,
                  const TiduLedgerFilter  *filter,
                  GError                 **error)
{
  g_autoptr(GPtrArray) awards = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_subsidy_award_free);
  g_autofree char *where = filter_sql (filter, FALSE);
  g_autofree char *sql = g_strdup_printf ("SELECT " AWARD_COLUMNS AWARD_FROM "%s ORDER BY a.created_at DESC, a.id", where);
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (awards, award_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the subsidy ledger"), error);
      return NULL;
    }
  return g_steal_pointer (&awards);
}

gboolean
tidu_ledger_totals (TiduDatabase            *db,
                    const TiduLedgerFilter  *filter,
                    TiduLedgerTotals        *totals,
                    GError                 **error)
{
  g_autofree char *where = filter_sql (filter, TRUE);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*), total (coalesce (a.computed_amount, a.computed_max, 0)), "
                                          "total (a.approved_amount), total (a.paid_amount), "
                                          "total (CASE a.status WHEN 'paid' THEN a.paid_amount WHEN 'approved' THEN a.approved_amount "
                                          "ELSE coalesce (a.computed_amount, a.computed_max, 0) END) "
                                          "FROM subsidy_awards a JOIN policies p ON p.id = a.policy_id %s", where);
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* total () is a double: exact for sums below 2^53 yuan, far above TIDU_MONEY_MAX's use. */
      totals->n_awards = sqlite3_column_int (stmt, 0);
      totals->computed = (gint64) sqlite3_column_double (stmt, 1);
      totals->approved = (gint64) sqlite3_column_double (stmt, 2);
      totals->paid = (gint64) sqlite3_column_double (stmt, 3);
      totals->effective = (gint64) sqlite3_column_double (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the subsidy ledger"), error);
  return TRUE;
}

/* ------------------------------------------------------------------ writing */

static gboolean
invalid (GError    **error,
         const char *message)
{
  g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
entity_exists (TiduDatabase          *db,
               TiduSubsidyEntityKind  kind,
               const char            *id,
               GError               **error)
{
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  switch (kind)
    {
    case TIDU_SUBSIDY_ENTITY_CARRIER: sql = "SELECT 1 FROM carriers WHERE id = ?1 AND deleted_at IS NULL"; break;
    case TIDU_SUBSIDY_ENTITY_FIRM: sql = "SELECT 1 FROM firms WHERE id = ?1 AND deleted_at IS NULL"; break;
    case TIDU_SUBSIDY_ENTITY_TALENT: sql = "SELECT 1 FROM talents WHERE id = ?1 AND deleted_at IS NULL"; break;
    case TIDU_SUBSIDY_ENTITY_PAYEE:
    case TIDU_SUBSIDY_ENTITY_NONE:
    default: return TRUE;
    }
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no %s “%s” to award."),
                   tidu_subsidy_entity_kind_to_string (kind), id);
      return FALSE;
    }
  return tidu_database_set_error (tidu_database_get_handle (db), rc, _("Could not read the records"), error);
}

static gboolean
insert_award (TiduDatabase      *db,
              TiduSubsidyAward  *award,
              GError           **error)
{
  g_autoptr(TiduPolicy) policy = NULL;
  const TiduPolicyRule *rule;
  const char *entity_id;
  TiduSubsidyEntityKind kind = tidu_subsidy_award_get_entity (award, &entity_id);
  int n_entities = (award->carrier_id != NULL) + (award->firm_id != NULL) + (award->talent_id != NULL) + (award->payee != NULL);
  sqlite3_stmt *stmt;
  g_autofree char *id = NULL;

  if (award->policy_id == NULL)
    return invalid (error, _("The award names no policy."));
  policy = tidu_policy_lookup (db, award->policy_id, error);
  if (policy == NULL)
    return FALSE;
  rule = tidu_policy_get_rule (policy, award->rule_id != NULL ? award->rule_id : "");
  if (rule == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("Policy “%s” has no rule “%s”."), policy->code,
                   award->rule_id != NULL ? award->rule_id : "");
      return FALSE;
    }
  if (n_entities != 1)
    return invalid (error, _("An award goes to exactly one carrier, firm, talent or payee."));
  if (!entity_exists (db, kind, entity_id, error))
    return FALSE;
  if (award->year != 0 && (award->year < 1980 || award->year > 2100))
    return invalid (error, _("The award year must be between 1980 and 2100."));
  if ((TIDU_IS_SET (award->computed_amount) && award->computed_amount < 0) ||
      (TIDU_IS_SET (award->computed_min) && award->computed_min < 0) ||
      (TIDU_IS_SET (award->computed_max) && award->computed_max < 0))
    return invalid (error, _("An award amount must not be negative."));
  if (!TIDU_IS_SET (award->computed_amount) && !TIDU_IS_SET (award->computed_max))
    return invalid (error, _("The award has no amount."));
  if ((TIDU_IS_SET (award->computed_amount) ? award->computed_amount : award->computed_max) == 0)
    return invalid (error, _("Nothing is due under this rule: there is nothing to record."));
  if (TIDU_IS_SET (award->computed_min) && TIDU_IS_SET (award->computed_max) && award->computed_max < award->computed_min)
    return invalid (error, _("The award’s maximum is below its minimum."));
  if (TIDU_IS_SET (award->computed_amount) && TIDU_IS_SET (award->computed_min) && TIDU_IS_SET (award->computed_max) &&
      (award->computed_amount < award->computed_min || award->computed_amount > award->computed_max))
    {
      g_autofree char *min = tidu_money_format (award->computed_min, TIDU_MONEY_UNIT_YUAN);
      g_autofree char *max = tidu_money_format (award->computed_max, TIDU_MONEY_UNIT_YUAN);

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("The amount must be between %s and %s."), min, max);
      return FALSE;
    }
  if (!tidu_policy_ensure_stored (db, policy, error))
    return FALSE;

  id = tidu_record_new_id ();
  stmt = tidu_database_prepare (db,
                                "INSERT INTO subsidy_awards (id, policy_id, rule_id, carrier_id, firm_id, talent_id, payee, "
                                "year, level, inputs, explanation, computed_amount, computed_min, computed_max, status) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 'recorded')",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, id);
  tidu_bind_text (stmt, 2, policy->id);
  tidu_bind_text (stmt, 3, award->rule_id);
  tidu_bind_text (stmt, 4, award->carrier_id);
  tidu_bind_text (stmt, 5, award->firm_id);
  tidu_bind_text (stmt, 6, award->talent_id);
  tidu_bind_text (stmt, 7, award->payee);
  if (award->year != 0)
    sqlite3_bind_int (stmt, 8, award->year);
  tidu_bind_text (stmt, 9, award->level);
  tidu_bind_text (stmt, 10, award->inputs);
  tidu_bind_text (stmt, 11, award->explanation);
  tidu_bind_int (stmt, 12, award->computed_amount);
  tidu_bind_int (stmt, 13, award->computed_min);
  tidu_bind_int (stmt, 14, award->computed_max);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  g_free (award->id);
  award->id = g_steal_pointer (&id);
  g_free (award->policy_id);
  award->policy_id = g_strdup (policy->id);
  g_free (award->status);
  award->status = g_strdup (TIDU_AWARD_RECORDED);
  return TRUE;
}

gboolean
tidu_ledger_record (TiduDatabase      *db,
                    TiduSubsidyAward  *award,
                    GError           **error)
{
  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!insert_award (db, award, error) || !tidu_database_commit (db, error))
    {
      tidu_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_status (TiduDatabase  *db,
            const char    *id,
            const char    *sql,
            gint64         amount,
            const char    *text,
            const GDate   *on,
            GError       **error)
{
  g_autofree char *stamp = tidu_record_timestamp ();
  sqlite3_stmt *stmt;
  GDate today;

  if (on == NULL)
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      on = &today;
    }
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, id);
  tidu_bind_int (stmt, 2, amount);
  tidu_bind_text (stmt, 3, text);
  tidu_bind_date (stmt, 4, on);
  tidu_bind_text (stmt, 5, stamp);
  return tidu_database_step_done (db, stmt, error);
}

static TiduSubsidyAward *
load_live (TiduDatabase  *db,
           const char    *id,
           GError       **error)
{
  TiduSubsidyAward *award = tidu_ledger_load (db, id, error);

  if (award != NULL && award->deleted_at != NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND, _("There is no award “%s” in the ledger."), id);
      g_clear_pointer (&award, tidu_subsidy_award_free);
    }
  return award;
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, TIDU_AWARD_RECORDED) == 0)
    return _("recorded");
  if (g_strcmp0 (status, TIDU_AWARD_APPROVED) == 0)
    return _("approved");
  if (g_strcmp0 (status, TIDU_AWARD_PAID) == 0)
    return _("paid");
  return _("cancelled");
}

gboolean
tidu_ledger_approve (TiduDatabase  *db,
                     const char    *id,
                     gint64         amount,
                     const char    *reason,
                     const GDate   *on,
                     GError       **error)
{
  g_autoptr(TiduSubsidyAward) award = NULL;
  g_autofree char *why = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;

  if (!tidu_database_begin (db, error))
    return FALSE;
  award = load_live (db, id, error);
  if (award == NULL)
    goto error;
  if (g_strcmp0 (award->status, TIDU_AWARD_RECORDED) != 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, _("Only a recorded award can be approved; this one is %s."),
                   status_label (award->status));
      goto error;
    }
  if (!TIDU_IS_SET (amount))
    amount = award->computed_amount;
  if (!TIDU_IS_SET (amount))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("Enter the approved amount: the policy leaves it to the officer."));
      goto error;
    }
  if (amount < 0 || amount > TIDU_MONEY_MAX)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("The approved amount must not be negative."));
      goto error;
    }
  /* A range left to the officer is approved inside it without more; any other change says why. */
  if ((TIDU_IS_SET (award->computed_amount) ? amount != award->computed_amount
                                            : (amount < award->computed_min || amount > award->computed_max)) &&
      (why == NULL || *why == '\0'))
    {
      g_autofree char *computed = TIDU_IS_SET (award->computed_amount) ? tidu_money_format (award->computed_amount, TIDU_MONEY_UNIT_YUAN) : g_strdup ("—");
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID,
                   _("Give a reason for approving an amount other than the computed %s."), computed);
      goto error;
    }
  if (!set_status (db, id,
                   "UPDATE subsidy_awards SET status = 'approved', approved_amount = ?2, approved_reason = ?3, "
                   "approved_on = ?4, updated_at = ?5 WHERE id = ?1",
                   amount, why != NULL && *why != '\0' ? why : NULL, on, error) ||
      !tidu_database_commit (db, error))
    goto error;
  return TRUE;

error:
  tidu_database_rollback (db);
  return FALSE;
}

gboolean
tidu_ledger_pay (TiduDatabase  *db,
                 const char    *id,
                 gint64         amount,
                 const GDate   *on,
                 GError       **error)
{
  g_autoptr(TiduSubsidyAward) award = NULL;

  if (!tidu_database_begin (db, error))
    return FALSE;
  award = load_live (db, id, error);
  if (award == NULL)
    goto error;
  if (g_strcmp0 (award->status, TIDU_AWARD_APPROVED) != 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, _("Only an approved award can be paid; this one is %s."),
                   status_label (award->status));
      goto error;
    }
  if (!TIDU_IS_SET (amount))
    amount = award->approved_amount;
  if (amount < 0 || amount > award->approved_amount)
    {
      g_autofree char *approved = tidu_money_format (award->approved_amount, TIDU_MONEY_UNIT_YUAN);
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID, _("The amount paid must be between 0 and the approved %s."), approved);
      goto error;
    }
  if (!set_status (db, id,
                   "UPDATE subsidy_awards SET status = 'paid', paid_amount = ?2, paid_on = ?4, updated_at = ?5 "
                   "WHERE id = ?1",
                   amount, NULL, on, error) ||
      !tidu_database_commit (db, error))
    goto error;
  return TRUE;

error:
  tidu_database_rollback (db);
  return FALSE;
}

gboolean
tidu_ledger_cancel (TiduDatabase  *db,
                    const char    *id,
                    const char    *reason,
                    GError       **error)
{
  g_autoptr(TiduSubsidyAward) award = NULL;
  g_autofree char *why = reason != NULL ? g_strstrip (g_strdup (reason)) : NULL;

  if (!tidu_database_begin (db, error))
    return FALSE;
  award = load_live (db, id, error);
  if (award == NULL)
    goto error;
  if (g_strcmp0 (award->status, TIDU_AWARD_PAID) == 0 || g_strcmp0 (award->status, TIDU_AWARD_CANCELLED) == 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT, _("A %s award cannot be cancelled."), status_label (award->status));
      goto error;
    }
  /* The reason goes beside the approval's, so the ledger keeps why the award stopped counting. */
  if (!set_status (db, id,
                   "UPDATE subsidy_awards SET status = 'cancelled', approved_reason = "
                   "CASE WHEN ?3 IS NULL THEN approved_reason WHEN approved_reason IS NULL THEN ?3 "
                   "ELSE approved_reason || char (10) || ?3 END, updated_at = ?5 WHERE id = ?1",
                   TIDU_UNSET, why != NULL && *why != '\0' ? why : NULL, NULL, error) ||
      !tidu_database_commit (db, error))
    goto error;
  return TRUE;

error:
  tidu_database_rollback (db);
  return FALSE;
}

gboolean
tidu_ledger_record_batch (TiduDatabase      *db,
                          TiduSubsidyBatch  *batch,
                          guint             *n_recorded,
                          GError           **error)
{
  guint n = 0;

  if (!tidu_policy_ensure_stored (db, batch->policy, error))
    return FALSE;
  if (!tidu_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < batch->rows->len; i++)
    {
      TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);
      g_autoptr(TiduSubsidyAward) award = NULL;
      gint64 amount;

      if (row->excluded)
        continue;
      amount = tidu_subsidy_batch_row_amount (row);
      if (!TIDU_IS_SET (amount))
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("Choose the amount for %s under rule “%s” before recording."), row->entity_name, row->rule_id);
          goto error;
        }
      award = tidu_subsidy_award_new_from_result (row->result, row->entity_kind, row->entity_id, batch->year, amount);
      if (!insert_award (db, award, error))
        goto error;
      n++;
    }
  if (!tidu_database_commit (db, error))
    goto error;
  if (n_recorded != NULL)
    *n_recorded = n;
  return TRUE;

error:
  tidu_database_rollback (db);
  return FALSE;
}
