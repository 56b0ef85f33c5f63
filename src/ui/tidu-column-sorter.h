/* tidu-column-sorter.h: tells which column header the user sorted by
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TIDU_TYPE_COLUMN_SORTER (tidu_column_sorter_get_type ())
G_DECLARE_FINAL_TYPE (TiduColumnSorter, tidu_column_sorter, TIDU, COLUMN_SORTER, GtkSorter)

GtkSorter  *tidu_column_sorter_new           (const char  *column_id);
const char *tidu_column_sorter_get_column_id (TiduColumnSorter *self);
const char *tidu_column_sorter_probe         (GtkSorter   *view_sorter,
                                              gboolean    *descending);

G_END_DECLS
