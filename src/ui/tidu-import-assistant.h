/* tidu-import-assistant.h: importing records from a CSV file, step by step
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_IMPORT_ASSISTANT (tidu_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (TiduImportAssistant, tidu_import_assistant, TIDU, IMPORT_ASSISTANT, AdwWindow)

TiduImportAssistant    *tidu_import_assistant_new          (GtkWindow           *parent,
                                                            TiduDatabase        *database);
/* Reads @path as @kind (what choosing a file does): detection, preview and mapping follow. */
void                    tidu_import_assistant_open_file    (TiduImportAssistant *self,
                                                            TiduImportKind       kind,
                                                            const char          *path);
/* "choose", "loading", "preview", "mapping", "check", "progress" or "done". */
const char             *tidu_import_assistant_get_step     (TiduImportAssistant *self);
/* The text the preview shows for a cell (@row 0 is the header row), or NULL. */
const char             *tidu_import_assistant_get_preview_text (TiduImportAssistant *self,
                                                                guint                row,
                                                                guint                column);
/* The import being set up (detected encoding, mapping), or NULL before a file is read. */
TiduImport             *tidu_import_assistant_get_import   (TiduImportAssistant *self);
/* The report of the last check or import, or NULL. */
const TiduImportReport *tidu_import_assistant_get_report   (TiduImportAssistant *self);

G_END_DECLS
