/* tidu-firms-page.h: the Firms place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-firm-detail.h"
#include "tidu-record-list.h"

G_BEGIN_DECLS

#define TIDU_TYPE_FIRMS_PAGE (tidu_firms_page_get_type ())
G_DECLARE_FINAL_TYPE (TiduFirmsPage, tidu_firms_page, TIDU, FIRMS_PAGE, GtkWidget)

GtkWidget      *tidu_firms_page_new               (void);
TiduDatabase   *tidu_firms_page_get_database      (TiduFirmsPage *self);
void            tidu_firms_page_set_database      (TiduFirmsPage *self,
                                                   TiduDatabase  *database);
void            tidu_firms_page_reload            (TiduFirmsPage *self);
TiduRecordList *tidu_firms_page_get_record_list   (TiduFirmsPage *self);
TiduFirmDetail *tidu_firms_page_get_detail        (TiduFirmsPage *self);
const char     *tidu_firms_page_get_visible_state (TiduFirmsPage *self);
void            tidu_firms_page_open_firm         (TiduFirmsPage *self,
                                                   const char    *firm_id);
const char     *tidu_firms_page_get_subtitle      (TiduFirmsPage *self);
void            tidu_firms_page_show_firms        (TiduFirmsPage      *self,
                                                   const char * const *ids,
                                                   const char         *description);
const char     *tidu_firms_page_get_selection_description (TiduFirmsPage *self);

G_END_DECLS
