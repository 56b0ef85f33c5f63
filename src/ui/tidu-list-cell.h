/* tidu-list-cell.h: one line of text in a cell of a record list
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TIDU_TYPE_LIST_CELL (tidu_list_cell_get_type ())
G_DECLARE_FINAL_TYPE (TiduListCell, tidu_list_cell, TIDU, LIST_CELL, GtkWidget)

/* @numeric: right-aligned, with tabular figures (the style class "numeric"). */
GtkWidget  *tidu_list_cell_new            (gboolean      numeric);
void        tidu_list_cell_set_text       (TiduListCell *self,
                                           const char   *text);
const char *tidu_list_cell_get_text       (TiduListCell *self);
/* Whether the text did not fit when the cell was last drawn (its tooltip then shows all of
 * it). FALSE before the cell is drawn. */
gboolean    tidu_list_cell_is_ellipsized  (TiduListCell *self);

G_END_DECLS
