/* tidu-application.h: the Tidu GUI application
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TIDU_TYPE_APPLICATION (tidu_application_get_type ())
G_DECLARE_FINAL_TYPE (TiduApplication, tidu_application, TIDU, APPLICATION, AdwApplication)

TiduApplication *tidu_application_new               (void);
GSettings       *tidu_application_get_settings      (TiduApplication *self);
const char      *tidu_application_get_database_path (TiduApplication *self);
void             tidu_application_set_database_path (TiduApplication *self,
                                                     const char      *path);
void             tidu_application_open_database     (TiduApplication *self,
                                                     const char      *path);
void             tidu_application_open_snapshot     (TiduApplication *self,
                                                     const char      *path);
GtkWindow       *tidu_application_get_main_window   (TiduApplication *self);

G_END_DECLS
