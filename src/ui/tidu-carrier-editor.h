/* tidu-carrier-editor.h: the window that adds or edits an innovation carrier
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CARRIER_EDITOR (tidu_carrier_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduCarrierEditor, tidu_carrier_editor, TIDU, CARRIER_EDITOR, AdwWindow)

TiduCarrierEditor *tidu_carrier_editor_new            (GtkWindow         *parent,
                                                       TiduDatabase      *database,
                                                       const char        *carrier_id);
const char        *tidu_carrier_editor_get_carrier_id (TiduCarrierEditor *self);
gboolean           tidu_carrier_editor_get_can_save   (TiduCarrierEditor *self);
void               tidu_carrier_editor_validate       (TiduCarrierEditor *self);

gboolean           tidu_carrier_editor_parse_area     (const char        *text,
                                                       double            *area);
char              *tidu_carrier_editor_format_area    (double             area);

G_END_DECLS
