/* tidu-talent-detail.h: one talent with its awards under talent plans
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_TALENT_DETAIL (tidu_talent_detail_get_type ())
G_DECLARE_FINAL_TYPE (TiduTalentDetail, tidu_talent_detail, TIDU, TALENT_DETAIL, GtkWidget)

GtkWidget    *tidu_talent_detail_new            (void);
TiduDatabase *tidu_talent_detail_get_database   (TiduTalentDetail *self);
void          tidu_talent_detail_set_database   (TiduTalentDetail *self,
                                                 TiduDatabase     *database);
const char   *tidu_talent_detail_get_talent_id  (TiduTalentDetail *self);
void          tidu_talent_detail_set_talent_id  (TiduTalentDetail *self,
                                                 const char       *talent_id);
void          tidu_talent_detail_reload         (TiduTalentDetail *self);
gboolean      tidu_talent_detail_delete_talent  (TiduTalentDetail *self,
                                                 const char       *talent_id);
/* The message shown on the page after a refused change, or NULL. */
const char   *tidu_talent_detail_get_error      (TiduTalentDetail *self);

G_END_DECLS
