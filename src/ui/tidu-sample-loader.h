/* tidu-sample-loader.h: the "Load Sample Data" button of empty places, with its progress
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_SAMPLE_LOADER (tidu_sample_loader_get_type ())
G_DECLARE_FINAL_TYPE (TiduSampleLoader, tidu_sample_loader, TIDU, SAMPLE_LOADER, GtkWidget)

TiduDatabase *tidu_sample_loader_get_database (TiduSampleLoader *self);
void          tidu_sample_loader_set_database (TiduSampleLoader *self,
                                               TiduDatabase     *database);
gboolean      tidu_sample_loader_get_running  (TiduSampleLoader *self);
void          tidu_sample_loader_start        (TiduSampleLoader *self);
void          tidu_sample_loader_cancel       (TiduSampleLoader *self);

G_END_DECLS
