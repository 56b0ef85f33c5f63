/* tidu-validation.h: what is wrong with a record, field by field, for forms and imports.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-error.h"

G_BEGIN_DECLS

typedef enum
{
  TIDU_SEVERITY_WARNING,  /* may be overridden by the user (a check-character mismatch) */
  TIDU_SEVERITY_ERROR     /* blocks saving */
} TiduSeverity;

typedef struct
{
  char         *field;     /* the record's field name, e.g. "uscc" */
  TiduSeverity  severity;
  TiduError     code;      /* TIDU_ERROR_INVALID, TIDU_ERROR_DUPLICATE, … */
  char         *message;   /* translated, complete sentence */
  char         *other_id;  /* for duplicates: the id of the record that holds the key */
} TiduIssue;

typedef struct _TiduValidation TiduValidation;

TiduValidation  *tidu_validation_new          (void);
void             tidu_validation_free         (TiduValidation  *validation);
void             tidu_validation_add          (TiduValidation  *validation,
                                               TiduSeverity     severity,
                                               int              code,
                                               const char      *field,
                                               const char      *other_id,
                                               const char      *format,
                                               ...) G_GNUC_PRINTF (6, 7);
guint            tidu_validation_get_n_issues (TiduValidation  *validation);
const TiduIssue *tidu_validation_get_issue    (TiduValidation  *validation,
                                               guint            index);
const TiduIssue *tidu_validation_find         (TiduValidation  *validation,
                                               const char      *field);
gboolean         tidu_validation_has_errors   (TiduValidation  *validation);
gboolean         tidu_validation_to_error     (TiduValidation  *validation,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduValidation, tidu_validation_free)

G_END_DECLS
