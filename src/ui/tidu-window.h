/* tidu-window.h: the main window, a sidebar of places beside the current place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-application.h"

G_BEGIN_DECLS

#define TIDU_TYPE_WINDOW (tidu_window_get_type ())
G_DECLARE_FINAL_TYPE (TiduWindow, tidu_window, TIDU, WINDOW, AdwApplicationWindow)

TiduWindow   *tidu_window_new               (TiduApplication *application);
TiduDatabase *tidu_window_get_database      (TiduWindow      *self);
void          tidu_window_set_database      (TiduWindow      *self,
                                             TiduDatabase    *database);
void          tidu_window_show_loading      (TiduWindow      *self,
                                             const char      *path);
void          tidu_window_show_error        (TiduWindow      *self,
                                             const GError    *error);
void          tidu_window_add_toast         (TiduWindow      *self,
                                             AdwToast        *toast);
const char   *tidu_window_get_place         (TiduWindow      *self);
void          tidu_window_set_place         (TiduWindow      *self,
                                             const char      *place);
const char   *tidu_window_get_visible_state (TiduWindow      *self);
void          tidu_window_show_firms        (TiduWindow         *self,
                                             const char * const *ids,
                                             const char         *description);
gboolean      tidu_window_get_read_only     (TiduWindow      *self);
void          tidu_window_set_snapshot      (TiduWindow      *self,
                                             TiduDatabase    *database,
                                             TiduSnapshotInfo *info);
const TiduSnapshotInfo *tidu_window_get_snapshot (TiduWindow *self);
void          tidu_window_reload            (TiduWindow      *self);

G_END_DECLS
