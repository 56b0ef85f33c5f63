/* tidu-database-private.h: for code inside src/core only. The UI never sees sqlite3.h.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tidu-database.h"

G_BEGIN_DECLS

sqlite3  *tidu_database_get_handle (TiduDatabase *self);
gboolean  tidu_database_set_error  (sqlite3      *db,
                                    int           rc,
                                    const char   *what,
                                    GError      **error);

TiduDatabase *tidu_database_open_private_copy (const char  *copy_path,
                                               const char  *shown_path,
                                               GError     **error);
gboolean      tidu_database_create_schema     (sqlite3     *db,
                                               int          version,
                                               GError     **error);
int           tidu_database_vacuum_into       (sqlite3     *db,
                                               const char  *path);

G_END_DECLS
