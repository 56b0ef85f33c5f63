/* tidu-date.h: dates are ISO YYYY-MM-DD text in SQLite and GDate in C.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  tidu_date_parse   (const char  *text,
                             GDate       *date,
                             GError     **error);
char     *tidu_date_to_iso  (const GDate *date);
gboolean  tidu_date_from_iso (const char *iso,
                              GDate      *date);

G_END_DECLS
