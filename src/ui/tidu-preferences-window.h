/* tidu-preferences-window.h: the Preferences window
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_PREFERENCES_WINDOW (tidu_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TiduPreferencesWindow, tidu_preferences_window, TIDU, PREFERENCES_WINDOW, AdwPreferencesWindow)

TiduPreferencesWindow *tidu_preferences_window_new          (void);
TiduDatabase          *tidu_preferences_window_get_database (TiduPreferencesWindow *self);
void                   tidu_preferences_window_set_database (TiduPreferencesWindow *self,
                                                             TiduDatabase          *database);

G_END_DECLS
