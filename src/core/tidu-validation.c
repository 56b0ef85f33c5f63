/* tidu-validation.c
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-validation.h"

struct _TiduValidation
{
  GPtrArray *issues;
};

static void
issue_free (TiduIssue *issue)
{
  g_free (issue->field);
  g_free (issue->message);
  g_free (issue->other_id);
  g_free (issue);
}

TiduValidation *
tidu_validation_new (void)
{
  TiduValidation *validation = g_new0 (TiduValidation, 1);

  validation->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  return validation;
}

void
tidu_validation_free (TiduValidation *validation)
{
  if (validation == NULL)
    return;
  g_ptr_array_unref (validation->issues);
  g_free (validation);
}

/**
 * tidu_validation_add:
 * @code: a #TiduError code
 * @field: the field the issue belongs to
 * @other_id: (nullable): the record a duplicate collides with
 *
 * Adds an issue; errors keep their order of discovery, which is the order a form shows them.
 */
void
tidu_validation_add (TiduValidation *validation,
                     TiduSeverity    severity,
                     int             code,
                     const char     *field,
                     const char     *other_id,
                     const char     *format,
                     ...)
{
  TiduIssue *issue = g_new0 (TiduIssue, 1);
  va_list args;

  g_return_if_fail (validation != NULL);

  issue->severity = severity;
  issue->code = (TiduError) code;
  issue->field = g_strdup (field);
  issue->other_id = g_strdup (other_id);
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (validation->issues, issue);
}

guint
tidu_validation_get_n_issues (TiduValidation *validation)
{
  return validation->issues->len;
}

const TiduIssue *
tidu_validation_get_issue (TiduValidation *validation,
                           guint           index)
{
  g_return_val_if_fail (index < validation->issues->len, NULL);
  return g_ptr_array_index (validation->issues, index);
}

/* The first issue of @field: errors before warnings. */
const TiduIssue *
tidu_validation_find (TiduValidation *validation,
                      const char     *field)
{
  const TiduIssue *warning = NULL;

  for (guint i = 0; i < validation->issues->len; i++)
    {
      const TiduIssue *issue = g_ptr_array_index (validation->issues, i);

      if (g_strcmp0 (issue->field, field) != 0)
        continue;
      if (issue->severity == TIDU_SEVERITY_ERROR)
        return issue;
      if (warning == NULL)
        warning = issue;
    }
  return warning;
}

gboolean
tidu_validation_has_errors (TiduValidation *validation)
{
  for (guint i = 0; i < validation->issues->len; i++)
    if (((const TiduIssue *) g_ptr_array_index (validation->issues, i))->severity == TIDU_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

/**
 * tidu_validation_to_error:
 *
 * Returns: %FALSE and sets @error from the first error when there is one; %TRUE otherwise.
 * Warnings never fail.
 */
gboolean
tidu_validation_to_error (TiduValidation  *validation,
                          GError         **error)
{
  for (guint i = 0; i < validation->issues->len; i++)
    {
      const TiduIssue *issue = g_ptr_array_index (validation->issues, i);

      if (issue->severity == TIDU_SEVERITY_ERROR)
        {
          g_set_error_literal (error, TIDU_ERROR, issue->code, issue->message);
          return FALSE;
        }
    }
  return TRUE;
}
