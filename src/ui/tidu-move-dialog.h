/* tidu-move-dialog.h: the window that moves a firm into a carrier (入孵, or a change of carrier)
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_MOVE_DIALOG (tidu_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TiduMoveDialog, tidu_move_dialog, TIDU, MOVE_DIALOG, AdwWindow)

TiduMoveDialog *tidu_move_dialog_new          (GtkWindow      *parent,
                                               TiduDatabase   *database,
                                               const char     *firm_id);
void            tidu_move_dialog_set_carrier  (TiduMoveDialog *self,
                                               const char     *carrier_id);
gboolean        tidu_move_dialog_get_can_move (TiduMoveDialog *self);
void            tidu_move_dialog_validate     (TiduMoveDialog *self);

G_END_DECLS
