/* tidu-ui-util.h: small helpers shared by the place pages
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tidu-core.h"

G_BEGIN_DECLS

gint64  tidu_ui_count_rows        (TiduDatabase     *database,
                                   const TiduEntity *entities,
                                   gsize             n_entities);
gboolean tidu_ui_can_write        (TiduDatabase     *database);
gboolean tidu_ui_has_rows         (TiduDatabase     *database,
                                   const TiduEntity *entities,
                                   gsize             n_entities);
char   *tidu_ui_format_count      (gint64            count);
char   *tidu_ui_stored_in_markup  (TiduDatabase     *database);
GtkWindow *tidu_ui_get_window     (GtkWidget        *widget);
void    tidu_ui_today             (GDate            *date);

G_END_DECLS
