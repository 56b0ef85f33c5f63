/* tidu-record-picker.h: choose one record by typing part of its name
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-list.h"

G_BEGIN_DECLS

/* How many matches the picker offers at most. */
#define TIDU_RECORD_PICKER_MAX_MATCHES 50

#define TIDU_TYPE_RECORD_PICKER (tidu_record_picker_get_type ())
G_DECLARE_FINAL_TYPE (TiduRecordPicker, tidu_record_picker, TIDU, RECORD_PICKER, GtkWidget)

GtkWidget    *tidu_record_picker_new            (TiduListKind      kind);
TiduListKind  tidu_record_picker_get_kind       (TiduRecordPicker *self);
TiduDatabase *tidu_record_picker_get_database   (TiduRecordPicker *self);
void          tidu_record_picker_set_database   (TiduRecordPicker *self,
                                                 TiduDatabase     *database);
const char   *tidu_record_picker_get_value      (TiduRecordPicker *self);
void          tidu_record_picker_set_value      (TiduRecordPicker *self,
                                                 const char       *id);
GtkEditable  *tidu_record_picker_get_entry      (TiduRecordPicker *self);
GListModel   *tidu_record_picker_get_matches    (TiduRecordPicker *self);
gboolean      tidu_record_picker_get_popup_shown (TiduRecordPicker *self);
void          tidu_record_picker_pick           (TiduRecordPicker *self,
                                                 guint             position);

G_END_DECLS
