/* tidu-carrier-detail.h: everything known about one innovation carrier
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CARRIER_DETAIL (tidu_carrier_detail_get_type ())
G_DECLARE_FINAL_TYPE (TiduCarrierDetail, tidu_carrier_detail, TIDU, CARRIER_DETAIL, GtkWidget)

GtkWidget    *tidu_carrier_detail_new            (GSettings         *settings);
TiduDatabase *tidu_carrier_detail_get_database   (TiduCarrierDetail *self);
void          tidu_carrier_detail_set_database   (TiduCarrierDetail *self,
                                                  TiduDatabase      *database);
const char   *tidu_carrier_detail_get_carrier_id (TiduCarrierDetail *self);
void          tidu_carrier_detail_set_carrier_id (TiduCarrierDetail *self,
                                                  const char        *carrier_id);
void          tidu_carrier_detail_reload         (TiduCarrierDetail *self);
gboolean      tidu_carrier_detail_delete_carrier (TiduCarrierDetail *self,
                                                  const char        *carrier_id);
gboolean      tidu_carrier_detail_can_undo       (TiduCarrierDetail *self);

G_END_DECLS
