/* tidu-sheet-private.h: what every sheet Tidu writes shares, the exported lists
 * (tidu-export.c) and the subsidy budget (tidu-subsidy-sheet.c): CSV text cells neutralised
 * against formula injection and quoted, XLSX column widths and errors.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

void     _tidu_sheet_append_csv_text (GString     *line,
                                      const char  *text);
double   _tidu_sheet_text_width      (const char  *text);
gboolean _tidu_sheet_xlsx_failed     (lxw_error    rc,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
