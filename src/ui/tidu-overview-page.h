/* tidu-overview-page.h: the Overview place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_OVERVIEW_PAGE (tidu_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (TiduOverviewPage, tidu_overview_page, TIDU, OVERVIEW_PAGE, GtkWidget)

GtkWidget    *tidu_overview_page_new               (void);
TiduDatabase *tidu_overview_page_get_database      (TiduOverviewPage *self);
void          tidu_overview_page_set_database      (TiduOverviewPage *self,
                                                    TiduDatabase     *database);
const char   *tidu_overview_page_get_visible_state (TiduOverviewPage *self);

G_END_DECLS
