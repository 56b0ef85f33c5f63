/* tidu-carriers-page.h: the Carriers place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-carrier-detail.h"
#include "tidu-core.h"
#include "tidu-record-list.h"

G_BEGIN_DECLS

#define TIDU_TYPE_CARRIERS_PAGE (tidu_carriers_page_get_type ())
G_DECLARE_FINAL_TYPE (TiduCarriersPage, tidu_carriers_page, TIDU, CARRIERS_PAGE, GtkWidget)

GtkWidget         *tidu_carriers_page_new               (void);
TiduDatabase      *tidu_carriers_page_get_database      (TiduCarriersPage *self);
void               tidu_carriers_page_set_database      (TiduCarriersPage *self,
                                                         TiduDatabase     *database);
void               tidu_carriers_page_reload            (TiduCarriersPage *self);
TiduRecordList    *tidu_carriers_page_get_record_list   (TiduCarriersPage *self);
TiduCarrierDetail *tidu_carriers_page_get_detail        (TiduCarriersPage *self);
const char        *tidu_carriers_page_get_visible_state (TiduCarriersPage *self);
void               tidu_carriers_page_open_carrier      (TiduCarriersPage *self,
                                                         const char       *carrier_id);
const char        *tidu_carriers_page_get_subtitle      (TiduCarriersPage *self);

G_END_DECLS
