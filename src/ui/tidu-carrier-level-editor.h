/* tidu-carrier-level-editor.h: the window that adds or edits a recognition of a carrier
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CARRIER_LEVEL_EDITOR (tidu_carrier_level_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduCarrierLevelEditor, tidu_carrier_level_editor, TIDU, CARRIER_LEVEL_EDITOR, AdwWindow)

TiduCarrierLevelEditor *tidu_carrier_level_editor_new          (GtkWindow              *parent,
                                                                TiduDatabase           *database,
                                                                const char             *carrier_id,
                                                                const char             *level_id);
gboolean                tidu_carrier_level_editor_get_can_save (TiduCarrierLevelEditor *self);
void                    tidu_carrier_level_editor_validate     (TiduCarrierLevelEditor *self);

G_END_DECLS
