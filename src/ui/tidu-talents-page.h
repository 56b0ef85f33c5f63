/* tidu-talents-page.h: the Talents place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-plan-detail.h"
#include "tidu-record-list.h"
#include "tidu-talent-detail.h"

G_BEGIN_DECLS

#define TIDU_TYPE_TALENTS_PAGE (tidu_talents_page_get_type ())
G_DECLARE_FINAL_TYPE (TiduTalentsPage, tidu_talents_page, TIDU, TALENTS_PAGE, GtkWidget)

GtkWidget      *tidu_talents_page_new               (void);
TiduDatabase   *tidu_talents_page_get_database      (TiduTalentsPage *self);
void            tidu_talents_page_set_database      (TiduTalentsPage *self,
                                                     TiduDatabase  *database);
void            tidu_talents_page_reload            (TiduTalentsPage *self);
TiduRecordList *tidu_talents_page_get_record_list   (TiduTalentsPage *self);
const char     *tidu_talents_page_get_visible_state (TiduTalentsPage *self);
TiduRecordList *tidu_talents_page_get_plan_list     (TiduTalentsPage *self);
const char     *tidu_talents_page_get_view          (TiduTalentsPage *self);
void            tidu_talents_page_set_view          (TiduTalentsPage *self,
                                                     const char      *view);
const char     *tidu_talents_page_get_visible_page  (TiduTalentsPage *self);
void            tidu_talents_page_open_talent       (TiduTalentsPage *self,
                                                     const char      *talent_id);
void            tidu_talents_page_open_plan         (TiduTalentsPage *self,
                                                     const char      *plan_id);
TiduTalentDetail *tidu_talents_page_get_talent_detail (TiduTalentsPage *self);
TiduPlanDetail   *tidu_talents_page_get_plan_detail   (TiduTalentsPage *self);

G_END_DECLS
