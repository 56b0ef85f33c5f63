/* tidu-certification-editor.h: the window that adds or edits a certification of a firm
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CERTIFICATION_EDITOR (tidu_certification_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduCertificationEditor, tidu_certification_editor, TIDU, CERTIFICATION_EDITOR, AdwWindow)

TiduCertificationEditor *tidu_certification_editor_new          (GtkWindow               *parent,
                                                                 TiduDatabase            *database,
                                                                 const char              *firm_id,
                                                                 const char              *certification_id);
gboolean                 tidu_certification_editor_get_can_save (TiduCertificationEditor *self);
void                     tidu_certification_editor_validate     (TiduCertificationEditor *self);

G_END_DECLS
