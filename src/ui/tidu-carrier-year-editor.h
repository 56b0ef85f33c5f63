/* tidu-carrier-year-editor.h: the window that adds or edits a carrier's yearly statistics
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CARRIER_YEAR_EDITOR (tidu_carrier_year_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduCarrierYearEditor, tidu_carrier_year_editor, TIDU, CARRIER_YEAR_EDITOR, AdwWindow)

TiduCarrierYearEditor *tidu_carrier_year_editor_new          (GtkWindow             *parent,
                                                              TiduDatabase          *database,
                                                              const char            *carrier_id,
                                                              const char            *year_id);
gboolean               tidu_carrier_year_editor_get_can_save (TiduCarrierYearEditor *self);
void                   tidu_carrier_year_editor_validate     (TiduCarrierYearEditor *self);

G_END_DECLS
