/* tidu-error.h
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TIDU_ERROR (tidu_error_quark ())

/* Everything a user can cause gets its own code; messages are translated. */
typedef enum
{
  TIDU_ERROR_FAILED,
  TIDU_ERROR_NOT_SQLITE,   /* the file is not an SQLite database */
  TIDU_ERROR_FOREIGN,      /* an SQLite database, but not one of ours */
  TIDU_ERROR_TOO_NEW,      /* written by a newer Tidu: we cannot read its schema */
  TIDU_ERROR_CORRUPT,      /* integrity check failed */
  TIDU_ERROR_MIGRATION,    /* a schema migration failed and was rolled back */
  TIDU_ERROR_BACKUP,       /* the backup before a migration could not be written */
  TIDU_ERROR_IO,           /* a folder or file could not be created or read */
  TIDU_ERROR_BUSY,         /* another program holds the database */
  TIDU_ERROR_READ_ONLY,    /* the file or its folder cannot be written */
  TIDU_ERROR_DISK_FULL,
  TIDU_ERROR_DATABASE,     /* any other SQLite failure */
  TIDU_ERROR_INVALID_INPUT, /* text the user typed could not be understood */
  TIDU_ERROR_INVALID,      /* a record breaks a rule: a required field is empty, a date is
                            * before another, an amount is negative, … */
  TIDU_ERROR_NOT_FOUND,    /* no record with that id (or it is in the trash) */
  TIDU_ERROR_DUPLICATE,    /* the natural key is taken: a 统一社会信用代码 already used, … */
  TIDU_ERROR_CONFLICT,     /* the change contradicts other records: a firm already in a carrier */
  TIDU_ERROR_SCHEMA_MISMATCH, /* a received file's tables, triggers or views are not ours */
  TIDU_ERROR_TOO_LARGE     /* a received file is larger than anything Tidu writes */
} TiduError;

GQuark tidu_error_quark (void);

G_END_DECLS
