/* tidu-list-exporter.h: a record list, as it is filtered and sorted, to a CSV or XLSX file
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

/* Asks for a file (CSV or XLSX) and exports the rows of @query there. */
void tidu_list_exporter_choose   (GtkWidget           *parent,
                                  TiduDatabase        *database,
                                  const TiduListQuery *query);
/* Exports the rows of @query to @path on a worker, with a progress window and Cancel; the
 * result is a toast on @parent's window (with "Show in Files") or an error dialog. */
void tidu_list_exporter_export   (GtkWidget           *parent,
                                  TiduDatabase        *database,
                                  const TiduListQuery *query,
                                  const char          *path,
                                  TiduExportFormat     format);

G_END_DECLS
