/* tidu-region.c: the region tree.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-region.h"

#define REGION_COLUMNS "id, parent_id, name, kind, code, created_at, updated_at, deleted_at"

TiduRegion *
tidu_region_new (void)
{
  return g_new0 (TiduRegion, 1);
}

void
tidu_region_free (TiduRegion *region)
{
  if (region == NULL)
    return;
  g_free (region->id);
  g_free (region->parent_id);
  g_free (region->name);
  g_free (region->kind);
  g_free (region->code);
  g_free (region->created_at);
  g_free (region->updated_at);
  g_free (region->deleted_at);
  g_free (region);
}

TiduRegion *
tidu_region_copy (const TiduRegion *region)
{
  TiduRegion *copy;

  g_return_val_if_fail (region != NULL, NULL);

  copy = tidu_region_new ();
  copy->id = g_strdup (region->id);
  copy->parent_id = g_strdup (region->parent_id);
  copy->name = g_strdup (region->name);
  copy->kind = g_strdup (region->kind);
  copy->code = g_strdup (region->code);
  copy->created_at = g_strdup (region->created_at);
  copy->updated_at = g_strdup (region->updated_at);
  copy->deleted_at = g_strdup (region->deleted_at);
  copy->depth = region->depth;
  return copy;
}

static gpointer
region_from_row (sqlite3_stmt *stmt)
{
  TiduRegion *region = tidu_region_new ();

  region->id = tidu_column_text (stmt, 0);
  region->parent_id = tidu_column_text (stmt, 1);
  region->name = tidu_column_text (stmt, 2);
  region->kind = tidu_column_text (stmt, 3);
  region->code = tidu_column_text (stmt, 4);
  region->created_at = tidu_column_text (stmt, 5);
  region->updated_at = tidu_column_text (stmt, 6);
  region->deleted_at = tidu_column_text (stmt, 7);
  return region;
}

/* The live sibling of @parent_id named @name, other than @self_id. */
static gboolean
find_sibling (TiduDatabase  *db,
              const char    *parent_id,
              const char    *name,
              const char    *self_id,
              char         **other_id,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *other_id = NULL;
  stmt = tidu_database_prepare (db,
                                "SELECT id FROM regions WHERE ifnull (parent_id, '') = ifnull (?1, '') AND name = ?2 "
                                "AND deleted_at IS NULL AND (?3 IS NULL OR id <> ?3) LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, parent_id);
  tidu_bind_text (stmt, 2, name);
  tidu_bind_text (stmt, 3, self_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *other_id = tidu_column_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/* Whether @ancestor_id is @region_id itself or one of its ancestors. */
static gboolean
is_ancestor_or_self (TiduDatabase  *db,
                     const char    *region_id,
                     const char    *ancestor_id,
                     gboolean      *result,
                     GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* UNION, not UNION ALL: a cycle already in the data (from a merge) still ends the walk. */
  stmt = tidu_database_prepare (db,
                                "WITH RECURSIVE up (id) AS ("
                                "  SELECT ?1 UNION SELECT r.parent_id FROM regions AS r JOIN up ON r.id = up.id"
                                "  WHERE r.parent_id IS NOT NULL"
                                ") SELECT count(*) FROM up WHERE id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, region_id);
  tidu_bind_text (stmt, 2, ancestor_id);
  rc = sqlite3_step (stmt);
  *result = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/**
 * tidu_region_check_reference:
 * @region_id: (nullable): the region a record points at
 * @field: the field of that record, for the issue
 *
 * Adds an error to @validation when @region_id is set but names no live region. For the
 * records of other tables that sit in a region (firms, carriers, talents, targets).
 *
 * Returns: %TRUE when no issue was added.
 */
gboolean
tidu_region_check_reference (TiduDatabase   *db,
                             const char     *region_id,
                             const char     *field,
                             TiduValidation *validation)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  if (tidu_text_is_empty (region_id))
    return TRUE;

  return tidu_record_check_live (db, validation, "regions", region_id, field,
                                 _("The region does not exist."),
                                 _("The region is in the trash. Restore it or choose another region."));
}

static gboolean
kind_known (TiduDatabase  *db,
            const char    *kind,
            gboolean      *known,
            GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db, "SELECT 1 FROM region_kinds WHERE code = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, kind);
  rc = sqlite3_step (stmt);
  *known = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

static gboolean
is_gb2260_code (const char *code)
{
  if (strlen (code) != 6)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

/**
 * tidu_region_validate:
 * @validation: receives one issue per problem, under the field's name
 *
 * Rules: a name; a known kind; a parent, when given, that exists, is not in the trash and is not
 * the region itself or one of its subregions; a name not used by a live sibling. A GB/T 2260
 * code other than six digits is a warning.
 *
 * Returns: %TRUE when nothing blocks saving.
 */
gboolean
tidu_region_validate (TiduDatabase     *db,
                      const TiduRegion *region,
                      TiduValidation   *validation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);
  g_return_val_if_fail (validation != NULL, FALSE);

  name = tidu_text_stripped (region->name);
  code = tidu_text_stripped (region->code);

  if (tidu_text_is_empty (name))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "name", NULL,
                         _("Enter the name of the region."));

  if (tidu_text_is_empty (region->kind))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "kind", NULL,
                         _("Choose the kind of region."));
  else
    {
      gboolean known = FALSE;

      if (!kind_known (db, region->kind, &known, &error))
        tidu_record_add_database_issue (validation, error);
      else if (!known)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "kind", NULL,
                             _("“%s” is not a known kind of region."), region->kind);
      g_clear_error (&error);
    }

  if (!tidu_text_is_empty (region->parent_id))
    {
      switch (tidu_record_row_state (db, "regions", region->parent_id, &error))
        {
        case TIDU_ROW_LIVE:
          if (region->id != NULL)
            {
              gboolean cycle = FALSE;

              if (!is_ancestor_or_self (db, region->parent_id, region->id, &cycle, &error))
                tidu_record_add_database_issue (validation, error);
              else if (cycle)
                tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parent_id", NULL,
                                     _("A region cannot be placed under itself or under one of its own subregions."));
            }
          break;
        case TIDU_ROW_MISSING:
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parent_id", NULL,
                               _("The parent region does not exist."));
          break;
        case TIDU_ROW_TRASHED:
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "parent_id",
                               region->parent_id,
                               _("The parent region is in the trash. Restore it or choose another parent."));
          break;
        case TIDU_ROW_ERROR:
          tidu_record_add_database_issue (validation, error);
          break;
        default:
          g_assert_not_reached ();
        }
      g_clear_error (&error);
    }

  if (!tidu_text_is_empty (code) && !is_gb2260_code (code))
    tidu_validation_add (validation, TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID, "code", NULL,
                         _("A GB/T 2260 region code has six digits."));

  if (!tidu_text_is_empty (name))
    {
      g_autofree char *other_id = NULL;

      if (!find_sibling (db, region->parent_id, name, region->id, &other_id, &error))
        tidu_record_add_database_issue (validation, error);
      else if (other_id != NULL)
        tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE, "name", other_id,
                             region->parent_id != NULL
                             ? _("The parent region already has a subregion named “%s”.")
                             : _("There is already a top-level region named “%s”."),
                             name);
    }

  return !tidu_validation_has_errors (validation);
}

static gboolean
write_region (TiduDatabase  *db,
              TiduRegion    *region,
              GError       **error)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autofree char *name = tidu_text_stripped (region->name);
  g_autofree char *code = tidu_text_stripped (region->code);
  g_autofree char *now = tidu_record_timestamp ();
  g_autofree char *new_id = NULL;
  sqlite3_stmt *stmt;

  if (!tidu_region_validate (db, region, validation))
    return tidu_validation_to_error (validation, error);

  if (region->id == NULL)
    {
      new_id = tidu_record_new_id ();
      stmt = tidu_database_prepare (db,
                                    "INSERT INTO regions (id, parent_id, name, kind, code, created_at, updated_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                                    error);
    }
  else
    stmt = tidu_database_prepare (db,
                                  "UPDATE regions SET parent_id = ?2, name = ?3, kind = ?4, code = ?5, updated_at = ?6 "
                                  "WHERE id = ?1 AND deleted_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, region->id != NULL ? region->id : new_id);
  tidu_bind_text (stmt, 2, region->parent_id);
  tidu_bind_text (stmt, 3, name);
  tidu_bind_text (stmt, 4, region->kind);
  tidu_bind_text (stmt, 5, code);
  tidu_bind_text (stmt, 6, now);
  if (!tidu_database_step_done (db, stmt, error))
    return FALSE;
  if (region->id != NULL && sqlite3_changes (tidu_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND,
                           _("The region was not found, or it is in the trash."));
      return FALSE;
    }

  if (new_id != NULL)
    {
      region->id = g_steal_pointer (&new_id);
      g_free (region->created_at);
      region->created_at = g_strdup (now);
    }
  g_free (region->updated_at);
  region->updated_at = g_steal_pointer (&now);
  g_free (region->name);
  region->name = g_steal_pointer (&name);
  g_free (region->code);
  region->code = g_steal_pointer (&code);
  return TRUE;
}

/**
 * tidu_region_save:
 * @region: a new region (id %NULL) or a loaded one
 *
 * Validates and inserts or updates @region in one transaction. On success @region gets its id,
 * created_at and updated_at; the name is stored without surrounding spaces. On failure nothing
 * changes and @error holds the first blocking issue.
 */
gboolean
tidu_region_save (TiduDatabase  *db,
                  TiduRegion    *region,
                  GError       **error)
{
  g_autoptr(TiduRegion) work = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  /* Work on a copy so that a failed save leaves the caller's record as it was. */
  work = tidu_region_copy (region);
  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!write_region (db, work, error))
    {
      tidu_database_rollback (db);
      return FALSE;
    }
  if (!tidu_database_commit (db, error))
    return FALSE;

  g_free (region->id);
  region->id = g_steal_pointer (&work->id);
  g_free (region->created_at);
  region->created_at = g_steal_pointer (&work->created_at);
  g_free (region->updated_at);
  region->updated_at = g_steal_pointer (&work->updated_at);
  g_free (region->name);
  region->name = g_steal_pointer (&work->name);
  g_free (region->code);
  region->code = g_steal_pointer (&work->code);
  return TRUE;
}

/**
 * tidu_region_load:
 *
 * Returns: (transfer full): the region, also when it is in the trash (deleted_at set), or
 * %NULL with %TIDU_ERROR_NOT_FOUND.
 */
TiduRegion *
tidu_region_load (TiduDatabase  *db,
                  const char    *id,
                  GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  return tidu_record_load_row (db, "SELECT " REGION_COLUMNS " FROM regions WHERE id = ?1", id, region_from_row,
                               _("The region was not found."), error);
}

static gboolean
count_live_children (TiduDatabase  *db,
                     const char    *id,
                     gint64        *count,
                     GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db,
                                              "SELECT count(*) FROM regions WHERE parent_id = ?1 AND deleted_at IS NULL",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_step_error (db, rc, error);
  return TRUE;
}

/**
 * tidu_region_delete:
 *
 * Moves a region to the trash. A region with live subregions is refused with
 * %TIDU_ERROR_CONFLICT: move or delete them first.
 */
gboolean
tidu_region_delete (TiduDatabase  *db,
                    const char    *id,
                    GError       **error)
{
  gint64 children = 0;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  if (!count_live_children (db, id, &children, error))
    goto fail;
  if (children > 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The region has %d subregion. Move or delete it first.",
                                "The region has %d subregions. Move or delete them first.",
                                (gulong) children),
                   (int) children);
      goto fail;
    }
  if (!tidu_record_set_deleted (db, "regions", id, TRUE, error))
    goto fail;
  return tidu_database_commit (db, error);

fail:
  tidu_database_rollback (db);
  return FALSE;
}

/**
 * tidu_region_restore:
 *
 * Takes a region out of the trash. Refused with %TIDU_ERROR_CONFLICT while its parent is in the
 * trash, and with %TIDU_ERROR_DUPLICATE when a live sibling took its name meanwhile.
 */
gboolean
tidu_region_restore (TiduDatabase  *db,
                     const char    *id,
                     GError       **error)
{
  g_autoptr(TiduRegion) region = NULL;
  g_autofree char *other_id = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!tidu_database_begin (db, error))
    return FALSE;
  region = tidu_region_load (db, id, error);
  if (region == NULL)
    goto fail;
  if (region->deleted_at != NULL && region->parent_id != NULL)
    {
      TiduRowState parent = tidu_record_row_state (db, "regions", region->parent_id, error);

      if (parent == TIDU_ROW_ERROR)
        goto fail;
      if (parent != TIDU_ROW_LIVE)
        {
          g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                               _("The parent region is in the trash. Restore it first."));
          goto fail;
        }
    }
  if (region->deleted_at != NULL)
    {
      if (!find_sibling (db, region->parent_id, region->name, region->id, &other_id, error))
        goto fail;
      if (other_id != NULL)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE,
                       _("Another region named “%s” has taken its place. Rename one of them first."),
                       region->name);
          goto fail;
        }
    }
  if (!tidu_record_set_deleted (db, "regions", id, FALSE, error))
    goto fail;
  return tidu_database_commit (db, error);

fail:
  tidu_database_rollback (db);
  return FALSE;
}

/**
 * tidu_region_purge:
 *
 * Removes a region in the trash for good. Refused with %TIDU_ERROR_CONFLICT while any record
 * (a subregion, a carrier, a firm, a target, …), live or in the trash, still points at it.
 */
gboolean
tidu_region_purge (TiduDatabase  *db,
                   const char    *id,
                   GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return tidu_record_purge_unless_used (db, "regions", id, NULL,
                                        _("Other records, some perhaps in the trash, still belong to this region. It cannot be removed for good."),
                                        error);
}

/**
 * tidu_region_list:
 *
 * Returns: (transfer full) (element-type TiduRegion): the live regions in tree order: each
 * parent before its children, siblings by name, with depth set.
 */
GPtrArray *
tidu_region_list (TiduDatabase  *db,
                  GError       **error)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_region_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  /* Paths joined by U+0001 sort a parent right before its children, whatever the names. */
  stmt = tidu_database_prepare (db,
                                "WITH RECURSIVE tree (id, depth, path) AS ("
                                "  SELECT id, 0, name FROM regions WHERE parent_id IS NULL AND deleted_at IS NULL"
                                "  UNION ALL"
                                "  SELECT r.id, tree.depth + 1, tree.path || char (1) || r.name"
                                "  FROM regions AS r JOIN tree ON r.parent_id = tree.id WHERE r.deleted_at IS NULL"
                                ") SELECT r.id, r.parent_id, r.name, r.kind, r.code, r.created_at, r.updated_at,"
                                "  r.deleted_at, tree.depth FROM tree JOIN regions AS r ON r.id = tree.id"
                                " ORDER BY tree.path, r.id",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduRegion *region = region_from_row (stmt);

      region->depth = (guint) sqlite3_column_int (stmt, 8);
      g_ptr_array_add (regions, region);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("The regions could not be read."), error);
      return NULL;
    }
  return g_steal_pointer (&regions);
}

/**
 * tidu_region_find_or_create:
 * @parent_id: (nullable): the parent region, %NULL for a top-level one
 * @name: the region's name; surrounding spaces are ignored
 * @kind: the kind for a region that has to be created
 *
 * For imports and the sample generator: the live region named @name under @parent_id, created
 * when there is none. An existing region is returned whatever its kind.
 *
 * Returns: (transfer full): the region's id, or %NULL with @error set.
 */
char *
tidu_region_find_or_create (TiduDatabase  *db,
                            const char    *parent_id,
                            const char    *name,
                            const char    *kind,
                            GError       **error)
{
  g_autoptr(TiduRegion) region = NULL;
  g_autofree char *clean = tidu_text_stripped (name);
  char *id = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  if (!tidu_database_begin (db, error))
    return NULL;
  if (!tidu_text_is_empty (clean) && !find_sibling (db, parent_id, clean, NULL, &id, error))
    goto fail;
  if (id == NULL)
    {
      region = tidu_region_new ();
      region->parent_id = g_strdup (parent_id);
      region->name = g_strdup (clean);
      region->kind = g_strdup (kind);
      if (!write_region (db, region, error))
        goto fail;
      id = g_steal_pointer (&region->id);
    }
  if (!tidu_database_commit (db, error))
    {
      g_free (id);
      return NULL;
    }
  return id;

fail:
  tidu_database_rollback (db);
  return NULL;
}
