/* tidu-firm-detail.h: everything known about one firm, with its tier history
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_FIRM_DETAIL (tidu_firm_detail_get_type ())
G_DECLARE_FINAL_TYPE (TiduFirmDetail, tidu_firm_detail, TIDU, FIRM_DETAIL, GtkWidget)

GtkWidget    *tidu_firm_detail_new          (GSettings      *settings);
TiduDatabase *tidu_firm_detail_get_database (TiduFirmDetail *self);
void          tidu_firm_detail_set_database (TiduFirmDetail *self,
                                             TiduDatabase   *database);
const char   *tidu_firm_detail_get_firm_id  (TiduFirmDetail *self);
void          tidu_firm_detail_set_firm_id  (TiduFirmDetail *self,
                                             const char     *firm_id);
void          tidu_firm_detail_reload       (TiduFirmDetail *self);
gboolean      tidu_firm_detail_delete_firm  (TiduFirmDetail *self,
                                             const char     *firm_id);

G_END_DECLS
