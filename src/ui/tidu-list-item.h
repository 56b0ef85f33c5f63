/* tidu-list-item.h: one row of a record list, as the list shows it
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TIDU_TYPE_LIST_ITEM (tidu_list_item_get_type ())
G_DECLARE_FINAL_TYPE (TiduListItem, tidu_list_item, TIDU, LIST_ITEM, GObject)

TiduListItem       *tidu_list_item_new          (gint64        rowid,
                                                 const char   *id,
                                                 char        **cells);
/* Gives the item another row's content (takes @cells) and emits "changed": the model keeps
 * one item per position on screen and refills it, see tidu-list-model.c. */
void                tidu_list_item_update       (TiduListItem *self,
                                                 gint64        rowid,
                                                 const char   *id,
                                                 char        **cells);
gint64              tidu_list_item_get_rowid    (TiduListItem *self);
const char         *tidu_list_item_get_id       (TiduListItem *self);
const char * const *tidu_list_item_get_cells    (TiduListItem *self);
const char         *tidu_list_item_get_cell     (TiduListItem *self,
                                                 guint         column);

G_END_DECLS
