/* tidu-region-editor.h: the window that adds or edits a region of the region tree
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_REGION_EDITOR (tidu_region_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduRegionEditor, tidu_region_editor, TIDU, REGION_EDITOR, AdwWindow)

TiduRegionEditor *tidu_region_editor_new          (GtkWindow        *parent,
                                                   TiduDatabase     *database,
                                                   const char       *region_id);
gboolean          tidu_region_editor_get_can_save (TiduRegionEditor *self);
void              tidu_region_editor_validate     (TiduRegionEditor *self);

G_END_DECLS
