/* tidu-list-model.h: a record list as a GListModel over an array of rowids
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tidu-core.h"
#include "tidu-list.h"
#include "tidu-list-item.h"

G_BEGIN_DECLS

/* Rows fetched from SQLite at a time, and pages of items kept around. */
#define TIDU_LIST_MODEL_PAGE_SIZE 100
#define TIDU_LIST_MODEL_MAX_PAGES 5

#define TIDU_TYPE_LIST_MODEL (tidu_list_model_get_type ())
G_DECLARE_FINAL_TYPE (TiduListModel, tidu_list_model, TIDU, LIST_MODEL, GObject)

TiduListModel       *tidu_list_model_new              (TiduListKind   kind,
                                                       TiduDatabase  *database);
TiduListKind         tidu_list_model_get_kind         (TiduListModel *self);
TiduDatabase        *tidu_list_model_get_database     (TiduListModel *self);
void                 tidu_list_model_set_database     (TiduListModel *self,
                                                       TiduDatabase  *database);
const TiduListQuery *tidu_list_model_get_query        (TiduListModel *self);
void                 tidu_list_model_set_search       (TiduListModel *self,
                                                       const char    *text);
void                 tidu_list_model_set_filter       (TiduListModel *self,
                                                       const char    *field,
                                                       const char    *value);
void                 tidu_list_model_set_sort         (TiduListModel *self,
                                                       const char    *column_id,
                                                       gboolean       descending);
void                 tidu_list_model_set_trash        (TiduListModel *self,
                                                       gboolean       trash);
void                 tidu_list_model_refresh          (TiduListModel *self);
gboolean             tidu_list_model_get_loading      (TiduListModel *self);
/* The rows found. The views may see fewer for a moment while the list grows (see
 * tidu-list-model.c): counts shown to the user come from here. */
guint                tidu_list_model_get_n_rows       (TiduListModel *self);
/* TRUE while loading, and while the views do not yet see every row found. */
gboolean             tidu_list_model_get_busy         (TiduListModel *self);
gboolean             tidu_list_model_get_loaded       (TiduListModel *self);
void                 tidu_list_model_set_deferred     (TiduListModel *self,
                                                       gboolean       deferred);
guint                tidu_list_model_get_selected     (TiduListModel *self);
guint                tidu_list_model_get_n_cached_items (TiduListModel *self);
gboolean             tidu_list_model_has_prefetched_cells (TiduListModel *self);
guint                tidu_list_model_get_n_page_reads   (TiduListModel *self);

G_END_DECLS
