/* tidu-record-list.h: a searchable, filterable, sortable list of records
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-list.h"
#include "tidu-list-model.h"

G_BEGIN_DECLS

#define TIDU_TYPE_RECORD_LIST (tidu_record_list_get_type ())
G_DECLARE_FINAL_TYPE (TiduRecordList, tidu_record_list, TIDU, RECORD_LIST, GtkWidget)

GtkWidget     *tidu_record_list_new          (TiduListKind    kind);
TiduListKind   tidu_record_list_get_kind     (TiduRecordList *self);
TiduDatabase  *tidu_record_list_get_database (TiduRecordList *self);
void           tidu_record_list_set_database (TiduRecordList *self,
                                              TiduDatabase   *database);
TiduListModel *tidu_record_list_get_model    (TiduRecordList *self);
void           tidu_record_list_refresh      (TiduRecordList *self);
void           tidu_record_list_focus_search (TiduRecordList *self);
const char    *tidu_record_list_get_count_text (TiduRecordList *self);
const char    *tidu_record_list_get_visible_state (TiduRecordList *self);
gboolean       tidu_record_list_get_trash    (TiduRecordList *self);
void           tidu_record_list_set_trash    (TiduRecordList *self,
                                              gboolean        trash);
char          *tidu_record_list_dup_selected_id (TiduRecordList *self);
const char    *tidu_record_list_get_search_text (TiduRecordList *self);
void           tidu_record_list_focus_view   (TiduRecordList *self);
void           tidu_record_list_reset_criteria (TiduRecordList *self);
void           tidu_record_list_add_toolbar_widget (TiduRecordList *self,
                                                    GtkWidget      *widget,
                                                    gboolean        at_end);
const char    *tidu_record_list_get_trash_title (TiduRecordList *self);
gboolean       tidu_record_list_has_deleted  (TiduRecordList *self);
gboolean       tidu_record_list_restore      (TiduRecordList *self,
                                              const char     *id);
void           tidu_record_list_purge        (TiduRecordList *self,
                                              const char     *id);
void           tidu_record_list_purge_selected (TiduRecordList *self);

G_END_DECLS
