/* tidu-firm-editor.h: the window that adds or edits a firm
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_FIRM_EDITOR (tidu_firm_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduFirmEditor, tidu_firm_editor, TIDU, FIRM_EDITOR, AdwWindow)

TiduFirmEditor *tidu_firm_editor_new          (GtkWindow      *parent,
                                               TiduDatabase   *database,
                                               const char     *firm_id);
const char     *tidu_firm_editor_get_firm_id  (TiduFirmEditor *self);
gboolean        tidu_firm_editor_get_can_save (TiduFirmEditor *self);
void            tidu_firm_editor_validate     (TiduFirmEditor *self);

G_END_DECLS
