/* tidu-talent-plan.c: talent plans, categories, batches, awards, team members, instalments and
 * the figures of the plan page.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-talent.h"
#include "tidu-money.h"
#include "tidu-talent-plan.h"

/* ------------------------------------------------------------------ helpers */

static void
set_text (char       **field,
          const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* Runs @sql with up to five text parameters (as many as the statement has) and reads the
 * first row: *found tells whether there is one, *text and *number take its first column. */
static gboolean
query_row (TiduDatabase  *db,
           const char    *sql,
           const char    *p1,
           const char    *p2,
           const char    *p3,
           const char    *p4,
           const char    *p5,
           gboolean      *found,
           char         **text,
           gint64        *number,
           GError       **error)
{
  const char *params[] = { p1, p2, p3, p4, p5 };
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  int n;
  int rc;

  if (stmt == NULL)
    return FALSE;
  n = MIN (sqlite3_bind_parameter_count (stmt), (int) G_N_ELEMENTS (params));
  for (int i = 0; i < n; i++)
    tidu_bind_text (stmt, i + 1, params[i]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (text != NULL)
        *text = tidu_column_text (stmt, 0);
      if (number != NULL)
        *number = tidu_column_int (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  if (found != NULL)
    *found = (rc == SQLITE_ROW);
  return TRUE;
}

#define PLAN_LIVE_SQL "SELECT 1 FROM talent_plans WHERE id = ?1 AND deleted_at IS NULL"
#define TALENT_LIVE_SQL "SELECT 1 FROM talents WHERE id = ?1 AND deleted_at IS NULL"
#define FIRM_LIVE_SQL "SELECT 1 FROM firms WHERE id = ?1 AND deleted_at IS NULL"
#define REGION_LIVE_SQL "SELECT 1 FROM regions WHERE id = ?1 AND deleted_at IS NULL"

/* ------------------------------------------------------------------ plans */

#define PLAN_COLUMNS \
  "id, name, level, issuer, region_name, region_id, description, source, created_at, updated_at, deleted_at"

TiduTalentPlan *
tidu_talent_plan_new (void)
{
  return g_new0 (TiduTalentPlan, 1);
}

void
tidu_talent_plan_free (TiduTalentPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->id);
  g_free (plan->name);
  g_free (plan->level);
  g_free (plan->issuer);
  g_free (plan->region_name);
  g_free (plan->region_id);
  g_free (plan->description);
  g_free (plan->source);
  g_free (plan->created_at);
  g_free (plan->updated_at);
  g_free (plan->deleted_at);
  g_free (plan);
}

TiduTalentPlan *
tidu_talent_plan_copy (const TiduTalentPlan *plan)
{
  TiduTalentPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = tidu_talent_plan_new ();
  copy->id = g_strdup (plan->id);
  copy->name = g_strdup (plan->name);
  copy->level = g_strdup (plan->level);
  copy->issuer = g_strdup (plan->issuer);
  copy->region_name = g_strdup (plan->region_name);
  copy->region_id = g_strdup (plan->region_id);
  copy->description = g_strdup (plan->description);
  copy->source = g_strdup (plan->source);
  copy->created_at = g_strdup (plan->created_at);
  copy->updated_at = g_strdup (plan->updated_at);
  copy->deleted_at = g_strdup (plan->deleted_at);
  return copy;
}

static gpointer
plan_from_row (sqlite3_stmt *stmt)
{
  TiduTalentPlan *plan = tidu_talent_plan_new ();

  plan->id = tidu_column_text (stmt, 0);
  plan->name = tidu_column_text (stmt, 1);
  plan->level = tidu_column_text (stmt, 2);
  plan->issuer = tidu_column_text (stmt, 3);
  plan->region_name = tidu_column_text (stmt, 4);
  plan->region_id = tidu_column_text (stmt, 5);
  plan->description = tidu_column_text (stmt, 6);
  plan->source = tidu_column_text (stmt, 7);
  plan->created_at = tidu_column_text (stmt, 8);
  plan->updated_at = tidu_column_text (stmt, 9);
  plan->deleted_at = tidu_column_text (stmt, 10);
  return plan;
}

/* The plan @id, in the trash or not; NULL without error when there is none. */
static gboolean
plan_fetch (TiduDatabase     *db,
            const char       *id,
            TiduTalentPlan  **plan,
            GError          **error)
{
  g_autoptr(GPtrArray) rows = tidu_record_list_rows (db, "SELECT " PLAN_COLUMNS " FROM talent_plans WHERE id = ?1",
                                                     id, NULL, plan_from_row,
                                                     (GDestroyNotify) tidu_talent_plan_free, error);

  if (rows == NULL)
    return FALSE;
  *plan = rows->len > 0 ? g_ptr_array_steal_index (rows, 0) : NULL;
  return TRUE;
}

static gboolean
check_plan_name (TiduDatabase          *db,
                 TiduValidation        *validation,
                 const TiduTalentPlan  *plan,
                 GError               **error)
{
  g_autofree char *other_id = NULL;
  gboolean found;

  if (!query_row (db,
                  "SELECT id FROM talent_plans WHERE trim (name) = trim (?1) "
                  "AND ifnull (region_name, '') = ifnull (?2, '') AND deleted_at IS NULL "
                  "AND id IS NOT ?3",
                  plan->name, plan->region_name, plan->id, NULL, NULL,
                  &found, &other_id, NULL, error))
    return FALSE;
  if (found)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "name", other_id,
                         _("A talent plan with this name already exists for the same region."));
  return TRUE;
}

/**
 * tidu_talent_plan_validate:
 *
 * Returns: (transfer full) (nullable): the issues of @plan, or %NULL when the database could
 * not be read.
 */
TiduValidation *
tidu_talent_plan_validate (TiduDatabase          *db,
                           const TiduTalentPlan  *plan,
                           GError               **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (tidu_text_is_blank (plan->name))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "name", NULL,
                         _("Enter the name of the talent plan."));
  else if (!check_plan_name (db, validation, plan, error))
    return NULL;

  if (!tidu_text_is_blank (plan->level))
    {
      gboolean known;

      if (!tidu_record_row_exists (db, "SELECT 1 FROM levels WHERE code = ?1", plan->level, &known, error))
        return NULL;
      if (!known)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "level", NULL,
                             _("The level is not one of the known levels."));
    }

  if (!tidu_text_is_blank (plan->region_id)
      && !tidu_record_check_exists (db, validation, REGION_LIVE_SQL, plan->region_id, "region_id",
                                    _("The region was not found; it may have been deleted."), error))
    return NULL;

  return g_steal_pointer (&validation);
}

static gboolean
write_plan (TiduDatabase    *db,
            TiduTalentPlan  *plan,
            GError         **error)
{
  g_autofree char *now = tidu_record_timestamp ();
  gboolean insert = (plan->id == NULL);
  sqlite3_stmt *stmt;

  if (insert)
    stmt = tidu_database_prepare (db,
                                  "INSERT INTO talent_plans (" PLAN_COLUMNS ") VALUES "
                                  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, NULL)",
                                  error);
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE talent_plans SET name = ?2, level = ?3, issuer = ?4, "
                                  "region_name = ?5, region_id = ?6, description = ?7, source = ?8, "
                                  "updated_at = ?9 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  if (insert)
    plan->id = tidu_record_new_id ();
  tidu_bind_text (stmt, 1, plan->id);
  tidu_bind_text (stmt, 2, plan->name);
  tidu_bind_text (stmt, 3, plan->level);
  tidu_bind_text (stmt, 4, plan->issuer);
  tidu_bind_text (stmt, 5, plan->region_name);
  tidu_bind_text (stmt, 6, plan->region_id);
  tidu_bind_text (stmt, 7, plan->description);
  tidu_bind_text (stmt, 8, plan->source);
  tidu_bind_text (stmt, 9, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (!insert && !tidu_record_check_changed (db, _("The talent plan was not found; it may have been deleted."), error))
    return FALSE;
  if (insert)
    set_text (&plan->created_at, now);
  set_text (&plan->updated_at, now);
  return TRUE;
}

/**
 * tidu_talent_plan_save:
 *
 * Validates @plan, then inserts (setting id and created_at) or updates it, stamping
 * updated_at, in one transaction. On failure nothing changes, @plan included.
 */
gboolean
tidu_talent_plan_save (TiduDatabase    *db,
                       TiduTalentPlan  *plan,
                       GError         **error)
{
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(TiduTalentPlan) work = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  validation = tidu_talent_plan_validate (db, plan, error);
  if (validation == NULL || !tidu_validation_to_error (validation, error))
    goto fail;
  work = tidu_talent_plan_copy (plan);
  if (!write_plan (db, work, error) || !tidu_database_commit (db, error))
    goto fail;
  set_text (&plan->id, work->id);
  set_text (&plan->created_at, work->created_at);
  set_text (&plan->updated_at, work->updated_at);
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

TiduTalentPlan *
tidu_talent_plan_load (TiduDatabase  *db,
                       const char    *id,
                       GError       **error)
{
  g_autoptr(TiduTalentPlan) plan = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!plan_fetch (db, id, &plan, error))
    return NULL;
  if (plan == NULL || plan->deleted_at != NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                   _("The talent plan was not found; it may have been deleted."));
      return NULL;
    }
  return g_steal_pointer (&plan);
}

GPtrArray *
tidu_talent_plan_list (TiduDatabase  *db,
                       GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  return tidu_record_list_rows (db,
                                "SELECT " PLAN_COLUMNS " FROM talent_plans WHERE deleted_at IS NULL "
                                "ORDER BY name, region_name",
                                NULL, NULL, plan_from_row, (GDestroyNotify) tidu_talent_plan_free, error);
}

gboolean
tidu_talent_plan_delete (TiduDatabase  *db,
                         const char    *id,
                         GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_delete_unless_used (db, "talent_plans", id,
                                         "SELECT 1 FROM talent_awards WHERE plan_id = ?1 AND deleted_at IS NULL",
                                         _("Awards of this talent plan exist. Delete the awards first."),
                                         error);
}

gboolean
tidu_talent_plan_restore (TiduDatabase  *db,
                          const char    *id,
                          GError       **error)
{
  g_autoptr(TiduTalentPlan) plan = NULL;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!plan_fetch (db, id, &plan, error))
    goto fail;
  if (plan != NULL && plan->deleted_at != NULL)
    {
      if (!check_plan_name (db, validation, plan, error) || !tidu_validation_to_error (validation, error))
        goto fail;
    }
  if (!tidu_record_set_deleted (db, "talent_plans", id, FALSE, error) || !tidu_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

gboolean
tidu_talent_plan_purge (TiduDatabase  *db,
                        const char    *id,
                        GError       **error)
{
  gboolean in_trash;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!tidu_record_row_exists (db, "SELECT 1 FROM talent_plans WHERE id = ?1 AND deleted_at IS NOT NULL",
                               id, &in_trash, error))
    goto fail;
  if (in_trash)
    {
      /* A plan goes to the trash only without live awards, so what is left of them is trash
       * too; their members and instalments follow by cascade. */
      stmt = tidu_database_prepare (db, "DELETE FROM talent_awards WHERE plan_id = ?1 AND deleted_at IS NOT NULL",
                                    error);
      if (stmt == NULL)
        goto fail;
      tidu_bind_text (stmt, 1, id);
      if (!tidu_database_step_done (db, stmt, error))
        goto fail;
    }
  if (!tidu_record_purge (db, "talent_plans", id, error) || !tidu_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------ categories */

#define CATEGORY_COLUMNS \
  "id, plan_id, name, is_team, amount_min, amount_max, payout_years, payout_note, rank"

TiduPlanCategory *
tidu_plan_category_new (void)
{
  TiduPlanCategory *category = g_new0 (TiduPlanCategory, 1);

  category->amount_min = TIDU_UNSET;
  category->amount_max = TIDU_UNSET;
  category->payout_years = TIDU_UNSET;
  return category;
}

void
tidu_plan_category_free (TiduPlanCategory *category)
{
  if (category == NULL)
    return;
  g_free (category->id);
  g_free (category->plan_id);
  g_free (category->name);
  g_free (category->payout_note);
  g_free (category);
}

TiduPlanCategory *
tidu_plan_category_copy (const TiduPlanCategory *category)
{
  TiduPlanCategory *copy;

  g_return_val_if_fail (category != NULL, NULL);

  copy = g_memdup2 (category, sizeof *category);
  copy->id = g_strdup (category->id);
  copy->plan_id = g_strdup (category->plan_id);
  copy->name = g_strdup (category->name);
  copy->payout_note = g_strdup (category->payout_note);
  return copy;
}

static gpointer
category_from_row (sqlite3_stmt *stmt)
{
  TiduPlanCategory *category = tidu_plan_category_new ();

  category->id = tidu_column_text (stmt, 0);
  category->plan_id = tidu_column_text (stmt, 1);
  category->name = tidu_column_text (stmt, 2);
  category->is_team = sqlite3_column_int (stmt, 3) != 0;
  category->amount_min = tidu_column_int (stmt, 4);
  category->amount_max = tidu_column_int (stmt, 5);
  category->payout_years = tidu_column_int (stmt, 6);
  category->payout_note = tidu_column_text (stmt, 7);
  category->rank = sqlite3_column_int64 (stmt, 8);
  return category;
}

/* The live category @id, or NULL without error. */
static gboolean
category_fetch (TiduDatabase       *db,
                const char         *id,
                TiduPlanCategory  **category,
                GError            **error)
{
  g_autoptr(GPtrArray) rows = tidu_record_list_rows (db,
                                                     "SELECT " CATEGORY_COLUMNS " FROM talent_plan_categories "
                                                     "WHERE id = ?1 AND deleted_at IS NULL",
                                                     id, NULL, category_from_row,
                                                     (GDestroyNotify) tidu_plan_category_free, error);

  if (rows == NULL)
    return FALSE;
  *category = rows->len > 0 ? g_ptr_array_steal_index (rows, 0) : NULL;
  return TRUE;
}

TiduValidation *
tidu_plan_category_validate (TiduDatabase            *db,
                             const TiduPlanCategory  *category,
                             GError                 **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (category != NULL, NULL);

  if (tidu_text_is_blank (category->plan_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "plan_id", NULL,
                         _("Choose the talent plan of the category."));
  else if (!tidu_record_check_exists (db, validation, PLAN_LIVE_SQL, category->plan_id, "plan_id",
                                      _("The talent plan was not found; it may have been deleted."), error))
    return NULL;

  if (tidu_text_is_blank (category->name))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "name", NULL,
                         _("Enter the name of the category."));
  else if (!tidu_text_is_blank (category->plan_id))
    {
      g_autofree char *other_id = NULL;
      gboolean found;

      if (!query_row (db,
                      "SELECT id FROM talent_plan_categories WHERE plan_id = ?1 AND trim (name) = trim (?2) "
                      "AND deleted_at IS NULL AND id IS NOT ?3",
                      category->plan_id, category->name, category->id, NULL, NULL,
                      &found, &other_id, NULL, error))
        return NULL;
      if (found)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "name", other_id,
                             _("The talent plan already has a category with this name."));
    }

  if (TIDU_IS_SET (category->amount_min) && category->amount_min < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "amount_min", NULL,
                         _("The lowest amount cannot be negative."));
  if (TIDU_IS_SET (category->amount_max) && category->amount_max < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "amount_max", NULL,
                         _("The highest amount cannot be negative."));
  else if (TIDU_IS_SET (category->amount_min) && TIDU_IS_SET (category->amount_max)
           && category->amount_min >= 0 && category->amount_max < category->amount_min)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "amount_max", NULL,
                         _("The highest amount cannot be less than the lowest amount."));
  if (TIDU_IS_SET (category->payout_years) && category->payout_years < 1)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "payout_years", NULL,
                         _("The funding is paid out over at least one year."));

  return g_steal_pointer (&validation);
}

gboolean
tidu_plan_category_save (TiduDatabase      *db,
                         TiduPlanCategory  *category,
                         GError           **error)
{
  g_autoptr(TiduValidation) validation = NULL;
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  validation = tidu_plan_category_validate (db, category, error);
  if (validation == NULL || !tidu_validation_to_error (validation, error))
    goto fail;

  if (category->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO talent_plan_categories (" CATEGORY_COLUMNS ", created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE talent_plan_categories SET plan_id = ?2, name = ?3, is_team = ?4, "
                                  "amount_min = ?5, amount_max = ?6, payout_years = ?7, payout_note = ?8, "
                                  "rank = ?9, updated_at = ?10 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    goto fail;
  tidu_bind_text (stmt, 1, new_id != NULL ? new_id : category->id);
  tidu_bind_text (stmt, 2, category->plan_id);
  tidu_bind_text (stmt, 3, category->name);
  tidu_bind_int (stmt, 4, category->is_team ? 1 : 0);
  tidu_bind_int (stmt, 5, category->amount_min);
  tidu_bind_int (stmt, 6, category->amount_max);
  tidu_bind_int (stmt, 7, category->payout_years);
  tidu_bind_text (stmt, 8, category->payout_note);
  sqlite3_bind_int64 (stmt, 9, TIDU_IS_SET (category->rank) ? category->rank : 0);
  tidu_bind_text (stmt, 10, now);
  if (!tidu_database_step_done (db, stmt, error))
    goto fail;
  if (new_id == NULL && !tidu_record_check_changed (db, _("The category was not found; it may have been deleted."), error))
    goto fail;
  if (!tidu_database_commit (db, error))
    goto fail;
  if (new_id != NULL)
    category->id = g_steal_pointer (&new_id);
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

TiduPlanCategory *
tidu_plan_category_load (TiduDatabase  *db,
                         const char    *id,
                         GError       **error)
{
  TiduPlanCategory *category = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!category_fetch (db, id, &category, error))
    return NULL;
  if (category == NULL)
    g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                 _("The category was not found; it may have been deleted."));
  return category;
}

GPtrArray *
tidu_plan_category_list (TiduDatabase  *db,
                         const char    *plan_id,
                         GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " CATEGORY_COLUMNS " FROM talent_plan_categories "
                                "WHERE plan_id = ?1 AND deleted_at IS NULL ORDER BY rank, name",
                                plan_id, NULL, category_from_row, (GDestroyNotify) tidu_plan_category_free, error);
}

gboolean
tidu_plan_category_delete (TiduDatabase  *db,
                           const char    *id,
                           GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_delete_unless_used (db, "talent_plan_categories", id,
                                         "SELECT 1 FROM talent_awards WHERE category_id = ?1 AND deleted_at IS NULL",
                                         _("Awards use this category. Move or delete the awards first."),
                                         error);
}

/* ------------------------------------------------------------------ batches */

#define BATCH_COLUMNS "id, plan_id, year, name, announced_on"

TiduPlanBatch *
tidu_plan_batch_new (void)
{
  TiduPlanBatch *batch = g_new0 (TiduPlanBatch, 1);

  batch->year = TIDU_UNSET;
  g_date_clear (&batch->announced_on, 1);
  return batch;
}

void
tidu_plan_batch_free (TiduPlanBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->id);
  g_free (batch->plan_id);
  g_free (batch->name);
  g_free (batch);
}

TiduPlanBatch *
tidu_plan_batch_copy (const TiduPlanBatch *batch)
{
  TiduPlanBatch *copy;

  g_return_val_if_fail (batch != NULL, NULL);

  copy = g_memdup2 (batch, sizeof *batch);
  copy->id = g_strdup (batch->id);
  copy->plan_id = g_strdup (batch->plan_id);
  copy->name = g_strdup (batch->name);
  return copy;
}

static gpointer
batch_from_row (sqlite3_stmt *stmt)
{
  TiduPlanBatch *batch = tidu_plan_batch_new ();

  batch->id = tidu_column_text (stmt, 0);
  batch->plan_id = tidu_column_text (stmt, 1);
  batch->year = tidu_column_int (stmt, 2);
  batch->name = tidu_column_text (stmt, 3);
  tidu_column_date (stmt, 4, &batch->announced_on);
  return batch;
}

static gboolean
batch_fetch (TiduDatabase    *db,
             const char      *id,
             TiduPlanBatch  **batch,
             GError         **error)
{
  g_autoptr(GPtrArray) rows = tidu_record_list_rows (db,
                                                     "SELECT " BATCH_COLUMNS " FROM talent_plan_batches "
                                                     "WHERE id = ?1 AND deleted_at IS NULL",
                                                     id, NULL, batch_from_row,
                                                     (GDestroyNotify) tidu_plan_batch_free, error);

  if (rows == NULL)
    return FALSE;
  *batch = rows->len > 0 ? g_ptr_array_steal_index (rows, 0) : NULL;
  return TRUE;
}

TiduValidation *
tidu_plan_batch_validate (TiduDatabase         *db,
                          const TiduPlanBatch  *batch,
                          GError              **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *other_id = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (batch != NULL, NULL);

  if (tidu_text_is_blank (batch->plan_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "plan_id", NULL,
                         _("Choose the talent plan of the batch."));
  else if (!tidu_record_check_exists (db, validation, PLAN_LIVE_SQL, batch->plan_id, "plan_id",
                                      _("The talent plan was not found; it may have been deleted."), error))
    return NULL;

  if (!TIDU_IS_SET (batch->year))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "year", NULL,
                         _("Enter the year of the batch."));
  else if (batch->year < TIDU_YEAR_MIN || batch->year > TIDU_YEAR_MAX)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "year", NULL,
                         _("The year must be between %d and %d."), TIDU_YEAR_MIN, TIDU_YEAR_MAX);
  else if (!tidu_text_is_blank (batch->plan_id) && tidu_text_is_blank (batch->name))
    {
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, batch->year);

      if (!query_row (db,
                      "SELECT id FROM talent_plan_batches WHERE plan_id = ?1 AND year = CAST (?2 AS INTEGER) "
                      "AND name IS NULL AND deleted_at IS NULL AND id IS NOT ?3",
                      batch->plan_id, year, batch->id, NULL, NULL, &found, &other_id, NULL, error))
        return NULL;
      if (found)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "year", other_id,
                             _("The talent plan already has a batch of this year. Give the batches names to tell them apart."));
    }

  if (!tidu_text_is_blank (batch->plan_id) && !tidu_text_is_blank (batch->name))
    {
      if (!query_row (db,
                      "SELECT id FROM talent_plan_batches WHERE plan_id = ?1 AND trim (name) = trim (?2) "
                      "AND deleted_at IS NULL AND id IS NOT ?3",
                      batch->plan_id, batch->name, batch->id, NULL, NULL, &found, &other_id, NULL, error))
        return NULL;
      if (found)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "name", other_id,
                             _("The talent plan already has a batch with this name."));
    }

  return g_steal_pointer (&validation);
}

gboolean
tidu_plan_batch_save (TiduDatabase   *db,
                      TiduPlanBatch  *batch,
                      GError        **error)
{
  g_autoptr(TiduValidation) validation = NULL;
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  validation = tidu_plan_batch_validate (db, batch, error);
  if (validation == NULL || !tidu_validation_to_error (validation, error))
    goto fail;

  if (batch->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO talent_plan_batches (" BATCH_COLUMNS ", created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE talent_plan_batches SET plan_id = ?2, year = ?3, name = ?4, "
                                  "announced_on = ?5, updated_at = ?6 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    goto fail;
  tidu_bind_text (stmt, 1, new_id != NULL ? new_id : batch->id);
  tidu_bind_text (stmt, 2, batch->plan_id);
  tidu_bind_int (stmt, 3, batch->year);
  tidu_bind_text (stmt, 4, tidu_text_is_blank (batch->name) ? NULL : batch->name);
  tidu_bind_date (stmt, 5, &batch->announced_on);
  tidu_bind_text (stmt, 6, now);
  if (!tidu_database_step_done (db, stmt, error))
    goto fail;
  if (new_id == NULL && !tidu_record_check_changed (db, _("The batch was not found; it may have been deleted."), error))
    goto fail;
  if (!tidu_database_commit (db, error))
    goto fail;
  if (new_id != NULL)
    batch->id = g_steal_pointer (&new_id);
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

TiduPlanBatch *
tidu_plan_batch_load (TiduDatabase  *db,
                      const char    *id,
                      GError       **error)
{
  TiduPlanBatch *batch = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!batch_fetch (db, id, &batch, error))
    return NULL;
  if (batch == NULL)
    g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                 _("The batch was not found; it may have been deleted."));
  return batch;
}

GPtrArray *
tidu_plan_batch_list (TiduDatabase  *db,
                      const char    *plan_id,
                      GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " BATCH_COLUMNS " FROM talent_plan_batches "
                                "WHERE plan_id = ?1 AND deleted_at IS NULL ORDER BY year, name",
                                plan_id, NULL, batch_from_row, (GDestroyNotify) tidu_plan_batch_free, error);
}

gboolean
tidu_plan_batch_delete (TiduDatabase  *db,
                        const char    *id,
                        GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_delete_unless_used (db, "talent_plan_batches", id,
                                         "SELECT 1 FROM talent_awards WHERE batch_id = ?1 AND deleted_at IS NULL",
                                         _("Awards belong to this batch. Move or delete the awards first."),
                                         error);
}

/* ------------------------------------------------------------------ awards */

const char *
tidu_award_status_to_string (TiduAwardStatus status)
{
  switch (status)
    {
    case TIDU_AWARD_ACTIVE:
      return "active";
    case TIDU_AWARD_COMPLETED:
      return "completed";
    case TIDU_AWARD_REVOKED:
      return "revoked";
    default:
      g_return_val_if_reached ("active");
    }
}

gboolean
tidu_award_status_from_string (const char      *text,
                               TiduAwardStatus *status)
{
  static const TiduAwardStatus all[] = { TIDU_AWARD_ACTIVE, TIDU_AWARD_COMPLETED, TIDU_AWARD_REVOKED };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (text, tidu_award_status_to_string (all[i])) == 0)
      {
        *status = all[i];
        return TRUE;
      }
  return FALSE;
}

const char *
tidu_award_status_get_label (TiduAwardStatus status)
{
  switch (status)
    {
    case TIDU_AWARD_ACTIVE:
      return _("Active");
    case TIDU_AWARD_COMPLETED:
      return _("Completed");
    case TIDU_AWARD_REVOKED:
      return _("Revoked");
    default:
      g_return_val_if_reached (NULL);
    }
}

#define AWARD_SELECT \
  "SELECT a.id, a.plan_id, a.category_id, a.batch_id, a.talent_id, a.firm_id, a.team_name, a.year, " \
  "a.granted_amount, a.status, a.notes, a.created_at, a.updated_at, a.deleted_at, " \
  "t.name, f.name, c.name, ifnull (b.name, CAST (b.year AS TEXT)) " \
  "FROM talent_awards AS a " \
  "LEFT JOIN talents AS t ON t.id = a.talent_id " \
  "LEFT JOIN firms AS f ON f.id = a.firm_id " \
  "LEFT JOIN talent_plan_categories AS c ON c.id = a.category_id " \
  "LEFT JOIN talent_plan_batches AS b ON b.id = a.batch_id "
#define AWARD_ORDER " ORDER BY a.year, b.year, b.name, t.name, a.created_at"

TiduTalentAward *
tidu_talent_award_new (void)
{
  TiduTalentAward *award = g_new0 (TiduTalentAward, 1);

  award->year = TIDU_UNSET;
  award->granted_amount = TIDU_UNSET;
  award->status = TIDU_AWARD_ACTIVE;
  return award;
}

void
tidu_talent_award_free (TiduTalentAward *award)
{
  if (award == NULL)
    return;
  g_free (award->id);
  g_free (award->plan_id);
  g_free (award->category_id);
  g_free (award->batch_id);
  g_free (award->talent_id);
  g_free (award->firm_id);
  g_free (award->team_name);
  g_free (award->notes);
  g_free (award->created_at);
  g_free (award->updated_at);
  g_free (award->deleted_at);
  g_free (award->talent_name);
  g_free (award->firm_name);
  g_free (award->category_name);
  g_free (award->batch_name);
  g_free (award);
}

TiduTalentAward *
tidu_talent_award_copy (const TiduTalentAward *award)
{
  TiduTalentAward *copy;

  g_return_val_if_fail (award != NULL, NULL);

  copy = g_memdup2 (award, sizeof *award);
  copy->id = g_strdup (award->id);
  copy->plan_id = g_strdup (award->plan_id);
  copy->category_id = g_strdup (award->category_id);
  copy->batch_id = g_strdup (award->batch_id);
  copy->talent_id = g_strdup (award->talent_id);
  copy->firm_id = g_strdup (award->firm_id);
  copy->team_name = g_strdup (award->team_name);
  copy->notes = g_strdup (award->notes);
  copy->created_at = g_strdup (award->created_at);
  copy->updated_at = g_strdup (award->updated_at);
  copy->deleted_at = g_strdup (award->deleted_at);
  copy->talent_name = g_strdup (award->talent_name);
  copy->firm_name = g_strdup (award->firm_name);
  copy->category_name = g_strdup (award->category_name);
  copy->batch_name = g_strdup (award->batch_name);
  return copy;
}

static gpointer
award_from_row (sqlite3_stmt *stmt)
{
  TiduTalentAward *award = tidu_talent_award_new ();

  award->id = tidu_column_text (stmt, 0);
  award->plan_id = tidu_column_text (stmt, 1);
  award->category_id = tidu_column_text (stmt, 2);
  award->batch_id = tidu_column_text (stmt, 3);
  award->talent_id = tidu_column_text (stmt, 4);
  award->firm_id = tidu_column_text (stmt, 5);
  award->team_name = tidu_column_text (stmt, 6);
  award->year = tidu_column_int (stmt, 7);
  award->granted_amount = tidu_column_int (stmt, 8);
  if (!tidu_award_status_from_string ((const char *) sqlite3_column_text (stmt, 9), &award->status))
    award->status = TIDU_AWARD_ACTIVE;
  award->notes = tidu_column_text (stmt, 10);
  award->created_at = tidu_column_text (stmt, 11);
  award->updated_at = tidu_column_text (stmt, 12);
  award->deleted_at = tidu_column_text (stmt, 13);
  award->talent_name = tidu_column_text (stmt, 14);
  award->firm_name = tidu_column_text (stmt, 15);
  award->category_name = tidu_column_text (stmt, 16);
  award->batch_name = tidu_column_text (stmt, 17);
  return award;
}

/* The award @id, in the trash or not; NULL without error when there is none. */
static gboolean
award_fetch (TiduDatabase      *db,
             const char        *id,
             TiduTalentAward  **award,
             GError           **error)
{
  g_autoptr(GPtrArray) rows = tidu_record_list_rows (db, AWARD_SELECT "WHERE a.id = ?1", id, NULL, award_from_row,
                                                     (GDestroyNotify) tidu_talent_award_free, error);

  if (rows == NULL)
    return FALSE;
  *award = rows->len > 0 ? g_ptr_array_steal_index (rows, 0) : NULL;
  return TRUE;
}

static gboolean
award_has_unpaid (TiduDatabase  *db,
                  const char    *award_id,
                  gboolean      *unpaid,
                  GError       **error)
{
  return tidu_record_row_exists (db,
                                 "SELECT 1 FROM talent_award_instalments WHERE award_id = ?1 "
                                 "AND deleted_at IS NULL AND paid_on IS NULL",
                                 award_id, unpaid, error);
}

TiduValidation *
tidu_talent_award_validate (TiduDatabase           *db,
                            const TiduTalentAward  *award,
                            GError                **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduPlanCategory) category = NULL;
  g_autoptr(TiduPlanBatch) batch = NULL;
  gboolean has_plan;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (award != NULL, NULL);

  has_plan = !tidu_text_is_blank (award->plan_id);

  if (!has_plan)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "plan_id", NULL,
                         _("Choose the talent plan of the award."));
  else if (!tidu_record_check_exists (db, validation, PLAN_LIVE_SQL, award->plan_id, "plan_id",
                                      _("The talent plan was not found; it may have been deleted."), error))
    return NULL;

  if (tidu_text_is_blank (award->talent_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "talent_id", NULL,
                         _("Choose the talent who receives the award."));
  else if (!tidu_record_check_exists (db, validation, TALENT_LIVE_SQL, award->talent_id, "talent_id",
                                      _("The talent was not found; it may have been deleted."), error))
    return NULL;

  if (!tidu_text_is_blank (award->category_id))
    {
      if (!category_fetch (db, award->category_id, &category, error))
        return NULL;
      if (category == NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_NOT_FOUND, "category_id", NULL,
                             _("The category was not found; it may have been deleted."));
      else if (has_plan && g_strcmp0 (category->plan_id, award->plan_id) != 0)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "category_id", NULL,
                             _("The category belongs to another talent plan."));
    }

  if (!tidu_text_is_blank (award->batch_id))
    {
      if (!batch_fetch (db, award->batch_id, &batch, error))
        return NULL;
      if (batch == NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_NOT_FOUND, "batch_id", NULL,
                             _("The batch was not found; it may have been deleted."));
      else if (has_plan && g_strcmp0 (batch->plan_id, award->plan_id) != 0)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "batch_id", NULL,
                             _("The batch belongs to another talent plan."));
    }

  if (!tidu_text_is_blank (award->firm_id)
      && !tidu_record_check_exists (db, validation, FIRM_LIVE_SQL, award->firm_id, "firm_id",
                                    _("The firm was not found; it may have been deleted."), error))
    return NULL;

  if (category != NULL && category->is_team && tidu_text_is_blank (award->team_name))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "team_name", NULL,
                         _("The category is for teams: enter the name of the team."));

  if (TIDU_IS_SET (award->year) && (award->year < TIDU_YEAR_MIN || award->year > TIDU_YEAR_MAX))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "year", NULL,
                         _("The year must be between %d and %d."), TIDU_YEAR_MIN, TIDU_YEAR_MAX);

  if (TIDU_IS_SET (award->granted_amount))
    {
      if (award->granted_amount < 0)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "granted_amount", NULL,
                             _("The granted amount cannot be negative."));
      else if (category != NULL && TIDU_IS_SET (category->amount_max)
               && award->granted_amount > category->amount_max)
        {
          g_autofree char *standard = tidu_money_format (category->amount_max, TIDU_MONEY_UNIT_YUAN);

          tidu_validation_add (validation, TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID, "granted_amount", NULL,
                               _("The granted amount is above the standard of the category (%s yuan); check that the award was decided case by case."),
                               standard);
        }
    }

  if (has_plan && !tidu_text_is_blank (award->talent_id))
    {
      g_autofree char *other_id = NULL;
      gboolean found;

      if (!query_row (db,
                      "SELECT id FROM talent_awards WHERE plan_id = ?1 AND talent_id = ?2 "
                      "AND ifnull (firm_id, '') = ifnull (?3, '') AND ifnull (batch_id, '') = ifnull (?4, '') "
                      "AND deleted_at IS NULL AND id IS NOT ?5",
                      award->plan_id, award->talent_id,
                      tidu_text_is_blank (award->firm_id) ? NULL : award->firm_id,
                      tidu_text_is_blank (award->batch_id) ? NULL : award->batch_id,
                      award->id, &found, &other_id, NULL, error))
        return NULL;
      if (found)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "talent_id", other_id,
                             _("The talent already has this award of the plan, for the same firm and batch."));
    }

  if (award->status == TIDU_AWARD_COMPLETED && award->id != NULL)
    {
      gboolean unpaid;

      if (!award_has_unpaid (db, award->id, &unpaid, error))
        return NULL;
      if (unpaid)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "status", NULL,
                             _("The award cannot be completed while instalments remain unpaid."));
    }

  return g_steal_pointer (&validation);
}

static gboolean
write_award (TiduDatabase     *db,
             TiduTalentAward  *award,
             GError          **error)
{
  g_autofree char *now = tidu_record_timestamp ();
  gboolean insert = (award->id == NULL);
  sqlite3_stmt *stmt;

  if (!TIDU_IS_SET (award->year) && !tidu_text_is_blank (award->batch_id)
      && !query_row (db, "SELECT year FROM talent_plan_batches WHERE id = ?1", award->batch_id,
                     NULL, NULL, NULL, NULL, NULL, NULL, &award->year, error))
    return FALSE;

  if (insert)
    stmt = tidu_database_prepare (db,
                                  "INSERT INTO talent_awards (id, plan_id, category_id, batch_id, talent_id, "
                                  "firm_id, team_name, year, granted_amount, status, notes, created_at, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
                                  error);
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE talent_awards SET plan_id = ?2, category_id = ?3, batch_id = ?4, "
                                  "talent_id = ?5, firm_id = ?6, team_name = ?7, year = ?8, granted_amount = ?9, "
                                  "status = ?10, notes = ?11, updated_at = ?12 WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  if (insert)
    award->id = tidu_record_new_id ();
  tidu_bind_text (stmt, 1, award->id);
  tidu_bind_text (stmt, 2, award->plan_id);
  tidu_bind_text (stmt, 3, award->category_id);
  tidu_bind_text (stmt, 4, award->batch_id);
  tidu_bind_text (stmt, 5, award->talent_id);
  tidu_bind_text (stmt, 6, award->firm_id);
  tidu_bind_text (stmt, 7, award->team_name);
  tidu_bind_int (stmt, 8, award->year);
  tidu_bind_int (stmt, 9, award->granted_amount);
  tidu_bind_text (stmt, 10, tidu_award_status_to_string (award->status));
  tidu_bind_text (stmt, 11, award->notes);
  tidu_bind_text (stmt, 12, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (!insert && !tidu_record_check_changed (db, _("The award was not found; it may have been deleted."), error))
    return FALSE;
  if (insert)
    set_text (&award->created_at, now);
  set_text (&award->updated_at, now);
  return TRUE;
}

/**
 * tidu_talent_award_save:
 *
 * Validates @award, fills in the batch's year when the year is unset, and inserts or updates
 * it in one transaction. On failure nothing changes, @award included.
 */
gboolean
tidu_talent_award_save (TiduDatabase     *db,
                        TiduTalentAward  *award,
                        GError          **error)
{
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(TiduTalentAward) work = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (award != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  validation = tidu_talent_award_validate (db, award, error);
  if (validation == NULL || !tidu_validation_to_error (validation, error))
    goto fail;
  work = tidu_talent_award_copy (award);
  if (!write_award (db, work, error) || !tidu_database_commit (db, error))
    goto fail;
  set_text (&award->id, work->id);
  set_text (&award->created_at, work->created_at);
  set_text (&award->updated_at, work->updated_at);
  award->year = work->year;
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

TiduTalentAward *
tidu_talent_award_load (TiduDatabase  *db,
                        const char    *id,
                        GError       **error)
{
  g_autoptr(TiduTalentAward) award = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!award_fetch (db, id, &award, error))
    return NULL;
  if (award == NULL || award->deleted_at != NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                   _("The award was not found; it may have been deleted."));
      return NULL;
    }
  return g_steal_pointer (&award);
}

gboolean
tidu_talent_award_delete (TiduDatabase  *db,
                          const char    *id,
                          GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* Members and instalments stay with the award, in the trash with it. */
  return tidu_record_set_deleted (db, "talent_awards", id, TRUE, error);
}

gboolean
tidu_talent_award_restore (TiduDatabase  *db,
                           const char    *id,
                           GError       **error)
{
  g_autoptr(TiduTalentAward) award = NULL;
  g_autoptr(TiduValidation) validation = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!award_fetch (db, id, &award, error))
    goto fail;
  if (award != NULL && award->deleted_at != NULL)
    {
      validation = tidu_talent_award_validate (db, award, error);
      if (validation == NULL || !tidu_validation_to_error (validation, error))
        goto fail;
    }
  if (!tidu_record_set_deleted (db, "talent_awards", id, FALSE, error) || !tidu_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

gboolean
tidu_talent_award_set_status (TiduDatabase     *db,
                              const char       *id,
                              TiduAwardStatus   status,
                              GError          **error)
{
  g_autoptr(TiduTalentAward) award = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  award = tidu_talent_award_load (db, id, error);
  if (award == NULL)
    goto fail;
  award->status = status;
  if (!tidu_talent_award_save (db, award, error) || !tidu_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

/* ------------------------------------------------------------------ team members */

TiduAwardMember *
tidu_award_member_new (void)
{
  return g_new0 (TiduAwardMember, 1);
}

void
tidu_award_member_free (TiduAwardMember *member)
{
  if (member == NULL)
    return;
  g_free (member->award_id);
  g_free (member->talent_id);
  g_free (member->role);
  g_free (member->talent_name);
  g_free (member);
}

TiduAwardMember *
tidu_award_member_copy (const TiduAwardMember *member)
{
  TiduAwardMember *copy;

  g_return_val_if_fail (member != NULL, NULL);

  copy = tidu_award_member_new ();
  copy->award_id = g_strdup (member->award_id);
  copy->talent_id = g_strdup (member->talent_id);
  copy->role = g_strdup (member->role);
  copy->talent_name = g_strdup (member->talent_name);
  return copy;
}

static gpointer
member_from_row (sqlite3_stmt *stmt)
{
  TiduAwardMember *member = tidu_award_member_new ();

  member->award_id = tidu_column_text (stmt, 0);
  member->talent_id = tidu_column_text (stmt, 1);
  member->role = tidu_column_text (stmt, 2);
  member->talent_name = tidu_column_text (stmt, 3);
  return member;
}

TiduValidation *
tidu_award_member_validate (TiduDatabase           *db,
                            const TiduAwardMember  *member,
                            GError                **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduTalentAward) award = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  if (tidu_text_is_blank (member->award_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "award_id", NULL,
                         _("Choose the award of the team."));
  else
    {
      if (!award_fetch (db, member->award_id, &award, error))
        return NULL;
      if (award != NULL && award->deleted_at != NULL)
        g_clear_pointer (&award, tidu_talent_award_free);
      if (award == NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_NOT_FOUND, "award_id", NULL,
                             _("The award was not found; it may have been deleted."));
      else
        {
          gboolean team = !tidu_text_is_blank (award->team_name);

          if (!team && !tidu_text_is_blank (award->category_id)
              && !tidu_record_row_exists (db, "SELECT 1 FROM talent_plan_categories WHERE id = ?1 AND is_team = 1",
                                          award->category_id, &team, error))
            return NULL;
          if (!team)
            tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "award_id", NULL,
                                 _("Only team awards have members."));
        }
    }

  if (tidu_text_is_blank (member->talent_id))
    {
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "talent_id", NULL,
                           _("Choose the talent who joins the team."));
      return g_steal_pointer (&validation);
    }
  if (!tidu_record_check_exists (db, validation, TALENT_LIVE_SQL, member->talent_id, "talent_id",
                                 _("The talent was not found; it may have been deleted."), error))
    return NULL;

  if (award != NULL)
    {
      g_autofree char *other_id = NULL;
      gboolean found;

      if (g_strcmp0 (award->talent_id, member->talent_id) == 0)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "talent_id", award->id,
                             _("The talent leads the team already."));
      else if (!query_row (db,
                           "SELECT id FROM talent_award_members WHERE award_id = ?1 AND talent_id = ?2 "
                           "AND deleted_at IS NULL",
                           member->award_id, member->talent_id, NULL, NULL, NULL,
                           &found, &other_id, NULL, error))
        return NULL;
      else if (found)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "talent_id", other_id,
                             _("The talent is a member of the team already."));
    }

  return g_steal_pointer (&validation);
}

gboolean
tidu_talent_award_add_member (TiduDatabase           *db,
                              const TiduAwardMember  *member,
                              GError                **error)
{
  g_autoptr(TiduValidation) validation = NULL;
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *id = tidu_record_new_id ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  validation = tidu_award_member_validate (db, member, error);
  if (validation == NULL || !tidu_validation_to_error (validation, error))
    goto fail;
  stmt = tidu_database_prepare (db,
                                "INSERT INTO talent_award_members (id, award_id, talent_id, role, created_at, updated_at) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                                error);
  if (stmt == NULL)
    goto fail;
  tidu_bind_text (stmt, 1, id);
  tidu_bind_text (stmt, 2, member->award_id);
  tidu_bind_text (stmt, 3, member->talent_id);
  tidu_bind_text (stmt, 4, member->role);
  tidu_bind_text (stmt, 5, now);
  if (!tidu_database_step_done (db, stmt, error) || !tidu_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

gboolean
tidu_talent_award_remove_member (TiduDatabase  *db,
                                 const char    *award_id,
                                 const char    *talent_id,
                                 GError       **error)
{
  g_autofree char *now = tidu_record_timestamp ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (award_id != NULL, FALSE);
  g_return_val_if_fail (talent_id != NULL, FALSE);

  /* A soft delete, so that the removal travels in a merge. */
  stmt = tidu_database_prepare (db,
                                "UPDATE talent_award_members SET deleted_at = ?3, updated_at = ?3 "
                                "WHERE award_id = ?1 AND talent_id = ?2 AND deleted_at IS NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, award_id);
  tidu_bind_text (stmt, 2, talent_id);
  tidu_bind_text (stmt, 3, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  return tidu_record_check_changed (db, _("The talent is not a member of the team."), error);
}

GPtrArray *
tidu_talent_award_list_members (TiduDatabase  *db,
                                const char    *award_id,
                                GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (award_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT m.award_id, m.talent_id, m.role, t.name FROM talent_award_members AS m "
                                "JOIN talents AS t ON t.id = m.talent_id "
                                "WHERE m.award_id = ?1 AND m.deleted_at IS NULL ORDER BY t.name, m.created_at",
                                award_id, NULL, member_from_row, (GDestroyNotify) tidu_award_member_free, error);
}

/* ------------------------------------------------------------------ instalments */

#define INSTALMENT_COLUMNS "id, award_id, due_on, planned_amount, paid_on, paid_amount"

TiduInstalment *
tidu_instalment_new (void)
{
  TiduInstalment *instalment = g_new0 (TiduInstalment, 1);

  g_date_clear (&instalment->due_on, 1);
  g_date_clear (&instalment->paid_on, 1);
  instalment->planned_amount = TIDU_UNSET;
  instalment->paid_amount = TIDU_UNSET;
  return instalment;
}

void
tidu_instalment_free (TiduInstalment *instalment)
{
  if (instalment == NULL)
    return;
  g_free (instalment->id);
  g_free (instalment->award_id);
  g_free (instalment);
}

TiduInstalment *
tidu_instalment_copy (const TiduInstalment *instalment)
{
  TiduInstalment *copy;

  g_return_val_if_fail (instalment != NULL, NULL);

  copy = g_memdup2 (instalment, sizeof *instalment);
  copy->id = g_strdup (instalment->id);
  copy->award_id = g_strdup (instalment->award_id);
  return copy;
}

static gpointer
instalment_from_row (sqlite3_stmt *stmt)
{
  TiduInstalment *instalment = tidu_instalment_new ();

  instalment->id = tidu_column_text (stmt, 0);
  instalment->award_id = tidu_column_text (stmt, 1);
  tidu_column_date (stmt, 2, &instalment->due_on);
  instalment->planned_amount = tidu_column_int (stmt, 3);
  tidu_column_date (stmt, 4, &instalment->paid_on);
  instalment->paid_amount = tidu_column_int (stmt, 5);
  return instalment;
}

TiduValidation *
tidu_instalment_validate (TiduDatabase          *db,
                          const TiduInstalment  *instalment,
                          GError               **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduTalentAward) award = NULL;
  gboolean paid_on_set;
  gboolean paid_amount_set;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (instalment != NULL, NULL);

  paid_on_set = g_date_valid (&instalment->paid_on);
  paid_amount_set = TIDU_IS_SET (instalment->paid_amount);

  if (tidu_text_is_blank (instalment->award_id))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "award_id", NULL,
                         _("Choose the award the instalment belongs to."));
  else
    {
      if (!award_fetch (db, instalment->award_id, &award, error))
        return NULL;
      if (award != NULL && award->deleted_at != NULL)
        g_clear_pointer (&award, tidu_talent_award_free);
      if (award == NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_NOT_FOUND, "award_id", NULL,
                             _("The award was not found; it may have been deleted."));
    }

  if (!TIDU_IS_SET (instalment->planned_amount))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "planned_amount", NULL,
                         _("Enter the planned amount of the instalment."));
  else if (instalment->planned_amount < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "planned_amount", NULL,
                         _("The planned amount cannot be negative."));
  else if (award != NULL && TIDU_IS_SET (award->granted_amount))
    {
      gint64 others = 0;

      if (!query_row (db,
                      "SELECT ifnull (sum (planned_amount), 0) FROM talent_award_instalments "
                      "WHERE award_id = ?1 AND deleted_at IS NULL AND id IS NOT ?2",
                      instalment->award_id, instalment->id, NULL, NULL, NULL,
                      NULL, NULL, &others, error))
        return NULL;
      if (others + instalment->planned_amount > award->granted_amount)
        {
          g_autofree char *planned = tidu_money_format (others + instalment->planned_amount, TIDU_MONEY_UNIT_YUAN);
          g_autofree char *granted = tidu_money_format (award->granted_amount, TIDU_MONEY_UNIT_YUAN);

          tidu_validation_add (validation, TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID, "planned_amount", NULL,
                               _("The planned instalments add up to %s yuan, more than the granted amount of %s yuan."),
                               planned, granted);
        }
    }

  if (paid_amount_set && instalment->paid_amount < 0)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "paid_amount", NULL,
                         _("The paid amount cannot be negative."));
  if (paid_on_set && !paid_amount_set)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "paid_amount", NULL,
                         _("Enter the amount paid on the payment date."));
  else if (paid_amount_set && !paid_on_set)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "paid_on", NULL,
                         _("Enter the date the amount was paid."));

  if (award != NULL && award->status == TIDU_AWARD_COMPLETED && !paid_on_set && !paid_amount_set)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "paid_on", NULL,
                         _("The award is completed, so its instalments must be paid."));

  return g_steal_pointer (&validation);
}

gboolean
tidu_instalment_save (TiduDatabase    *db,
                      TiduInstalment  *instalment,
                      GError         **error)
{
  g_autoptr(TiduValidation) validation = NULL;
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (instalment != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  validation = tidu_instalment_validate (db, instalment, error);
  if (validation == NULL || !tidu_validation_to_error (validation, error))
    goto fail;

  if (instalment->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO talent_award_instalments (" INSTALMENT_COLUMNS ", created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE talent_award_instalments SET award_id = ?2, due_on = ?3, "
                                  "planned_amount = ?4, paid_on = ?5, paid_amount = ?6, updated_at = ?7 "
                                  "WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    goto fail;
  tidu_bind_text (stmt, 1, new_id != NULL ? new_id : instalment->id);
  tidu_bind_text (stmt, 2, instalment->award_id);
  tidu_bind_date (stmt, 3, &instalment->due_on);
  tidu_bind_int (stmt, 4, instalment->planned_amount);
  tidu_bind_date (stmt, 5, &instalment->paid_on);
  tidu_bind_int (stmt, 6, instalment->paid_amount);
  tidu_bind_text (stmt, 7, now);
  if (!tidu_database_step_done (db, stmt, error))
    goto fail;
  if (new_id == NULL && !tidu_record_check_changed (db, _("The instalment was not found; it may have been deleted."), error))
    goto fail;
  if (!tidu_database_commit (db, error))
    goto fail;
  if (new_id != NULL)
    instalment->id = g_steal_pointer (&new_id);
  return TRUE;

fail:
  tidu_database_rollback (db);
  return FALSE;
}

GPtrArray *
tidu_instalment_list (TiduDatabase  *db,
                      const char    *award_id,
                      GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (award_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                "SELECT " INSTALMENT_COLUMNS " FROM talent_award_instalments "
                                "WHERE award_id = ?1 AND deleted_at IS NULL "
                                "ORDER BY due_on IS NULL, due_on, created_at",
                                award_id, NULL, instalment_from_row, (GDestroyNotify) tidu_instalment_free, error);
}

gboolean
tidu_instalment_delete (TiduDatabase  *db,
                        const char    *id,
                        GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_set_deleted (db, "talent_award_instalments", id, TRUE, error);
}

/* ------------------------------------------------------------------ award lists */

GPtrArray *
tidu_talent_plan_list_awards (TiduDatabase  *db,
                              const char    *plan_id,
                              const char    *batch_id,
                              GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                AWARD_SELECT "WHERE a.plan_id = ?1 AND (?2 IS NULL OR a.batch_id = ?2) "
                                "AND a.deleted_at IS NULL" AWARD_ORDER,
                                plan_id, batch_id, award_from_row, (GDestroyNotify) tidu_talent_award_free, error);
}

/* Declared in tidu-talent.h; it lives here beside the other award queries. */
GPtrArray *
tidu_talent_list_awards (TiduDatabase  *db,
                         const char    *talent_id,
                         GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (talent_id != NULL, NULL);

  return tidu_record_list_rows (db,
                                AWARD_SELECT "WHERE a.deleted_at IS NULL AND (a.talent_id = ?1 OR a.id IN "
                                "(SELECT award_id FROM talent_award_members WHERE talent_id = ?1 AND deleted_at IS NULL))"
                                AWARD_ORDER,
                                talent_id, NULL, award_from_row, (GDestroyNotify) tidu_talent_award_free, error);
}

/* ------------------------------------------------------------------ plan summary */

typedef enum
{
  FIGURE_AWARDS,    /* key, n_awards, granted_total, n_firms */
  FIGURE_TALENTS,   /* key, n_talents */
  FIGURE_PAID       /* key, paid_total */
} Figure;

static TiduPlanBatchSummary *
batch_summary_new (void)
{
  TiduPlanBatchSummary *row = g_new0 (TiduPlanBatchSummary, 1);

  row->year = TIDU_UNSET;
  return row;
}

static void
batch_summary_clear (TiduPlanBatchSummary *row)
{
  g_clear_pointer (&row->batch_id, g_free);
  g_clear_pointer (&row->batch_name, g_free);
}

static void
batch_summary_free (TiduPlanBatchSummary *row)
{
  batch_summary_clear (row);
  g_free (row);
}

void
tidu_plan_summary_free (TiduPlanSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->plan_id);
  g_clear_pointer (&summary->batches, g_ptr_array_unref);
  batch_summary_clear (&summary->totals);
  g_free (summary);
}

/* Reads one figure: per batch when @rows (batch id → row, "" for no batch) is given, for the
 * whole plan otherwise. */
static gboolean
collect_figure (TiduDatabase     *db,
                const char       *sql,
                const char       *plan_id,
                Figure            figure,
                GHashTable       *rows,
                TiduPlanSummary  *summary,
                GError          **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduPlanBatchSummary *row = &summary->totals;

      if (rows != NULL)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);

          row = g_hash_table_lookup (rows, key);
          if (row == NULL)
            row = g_hash_table_lookup (rows, "");
          if (row == NULL)
            {
              row = batch_summary_new ();
              g_ptr_array_add (summary->batches, row);
              g_hash_table_insert (rows, (gpointer) "", row);
            }
        }

      switch (figure)
        {
        case FIGURE_AWARDS:
          row->n_awards += sqlite3_column_int64 (stmt, 1);
          row->granted_total += sqlite3_column_int64 (stmt, 2);
          row->n_firms += sqlite3_column_int64 (stmt, 3);
          break;
        case FIGURE_TALENTS:
          row->n_talents += sqlite3_column_int64 (stmt, 1);
          break;
        case FIGURE_PAID:
          row->paid_total += sqlite3_column_int64 (stmt, 1);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/* The awards that count: live and not revoked. */
#define COUNTED_AWARDS "FROM talent_awards AS a WHERE a.plan_id = ?1 AND a.deleted_at IS NULL AND a.status <> 'revoked'"
#define AWARD_TALENTS \
  "SELECT ifnull (a.batch_id, '') AS k, a.talent_id AS talent " COUNTED_AWARDS " " \
  "UNION SELECT ifnull (a.batch_id, ''), m.talent_id FROM talent_award_members AS m " \
  "JOIN talent_awards AS a ON a.id = m.award_id WHERE a.plan_id = ?1 AND a.deleted_at IS NULL " \
  "AND a.status <> 'revoked' AND m.deleted_at IS NULL"
#define PAID_INSTALMENTS \
  "FROM talent_award_instalments AS i JOIN talent_awards AS a ON a.id = i.award_id " \
  "WHERE a.plan_id = ?1 AND a.deleted_at IS NULL AND i.deleted_at IS NULL"

/**
 * tidu_talent_plan_summary:
 *
 * Returns: (transfer full): the figures of the plan page, per batch and for the plan.
 */
TiduPlanSummary *
tidu_talent_plan_summary (TiduDatabase  *db,
                          const char    *plan_id,
                          GError       **error)
{
  g_autoptr(TiduPlanSummary) summary = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GHashTable) rows = NULL;
  gboolean exists;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  if (!tidu_record_row_exists (db, PLAN_LIVE_SQL, plan_id, &exists, error))
    return NULL;
  if (!exists)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                   _("The talent plan was not found; it may have been deleted."));
      return NULL;
    }

  batches = tidu_plan_batch_list (db, plan_id, error);
  if (batches == NULL)
    return NULL;

  summary = g_new0 (TiduPlanSummary, 1);
  summary->plan_id = g_strdup (plan_id);
  summary->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_summary_free);
  summary->totals.year = TIDU_UNSET;
  rows = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < batches->len; i++)
    {
      const TiduPlanBatch *batch = g_ptr_array_index (batches, i);
      TiduPlanBatchSummary *row = batch_summary_new ();

      row->batch_id = g_strdup (batch->id);
      row->batch_name = g_strdup (batch->name);
      row->year = batch->year;
      g_ptr_array_add (summary->batches, row);
      g_hash_table_insert (rows, row->batch_id, row);
    }

  if (!collect_figure (db,
                       "SELECT ifnull (a.batch_id, ''), count (*), ifnull (sum (a.granted_amount), 0), "
                       "count (DISTINCT a.firm_id) " COUNTED_AWARDS " GROUP BY 1",
                       plan_id, FIGURE_AWARDS, rows, summary, error)
      || !collect_figure (db, "SELECT k, count (DISTINCT talent) FROM (" AWARD_TALENTS ") GROUP BY k",
                          plan_id, FIGURE_TALENTS, rows, summary, error)
      || !collect_figure (db,
                          "SELECT ifnull (a.batch_id, ''), ifnull (sum (i.paid_amount), 0) " PAID_INSTALMENTS
                          " GROUP BY 1",
                          plan_id, FIGURE_PAID, rows, summary, error)
      || !collect_figure (db,
                          "SELECT '', count (*), ifnull (sum (a.granted_amount), 0), "
                          "count (DISTINCT a.firm_id) " COUNTED_AWARDS,
                          plan_id, FIGURE_AWARDS, NULL, summary, error)
      || !collect_figure (db, "SELECT '', count (DISTINCT talent) FROM (" AWARD_TALENTS ")",
                          plan_id, FIGURE_TALENTS, NULL, summary, error)
      || !collect_figure (db, "SELECT '', ifnull (sum (i.paid_amount), 0) " PAID_INSTALMENTS,
                          plan_id, FIGURE_PAID, NULL, summary, error))
    return NULL;

  return g_steal_pointer (&summary);
}

/**
 * tidu_plan_batch_get_label:
 *
 * Returns: how a batch is named in lists: its name, with the year after it unless the name
 * already says it ("2018年度" rather than "2018年度 (2018)"), or the year alone.
 */
char *
tidu_plan_batch_get_label (const TiduPlanBatch *batch)
{
  g_autofree char *year = NULL;

  g_return_val_if_fail (batch != NULL, NULL);

  year = g_strdup_printf ("%d", (int) batch->year);
  if (tidu_text_is_blank (batch->name))
    return g_steal_pointer (&year);
  if (strstr (batch->name, year) != NULL)
    return g_strdup (batch->name);
  /* Translators: a named batch of a talent plan and its year, e.g. "第十八批 (2024)" */
  return g_strdup_printf (_("%s (%s)"), batch->name, year);
}
