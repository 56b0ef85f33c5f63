/* tidu-subsidy-pdf.h: a budget sheet as a plain table on A4 pages, and small helpers the
 * Subsidies views share
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tidu-core.h"

G_BEGIN_DECLS

/* Writes @sheet to @path as a PDF: A4 landscape pages with the policy title, the year and the
 * totals; safe to call from a worker thread. */
gboolean tidu_subsidy_pdf_write (const TiduSubsidySheet  *sheet,
                                 const char              *path,
                                 GError                 **error);

/* Moves @spin's year into @policy's effective period when it is outside: a policy that ended
 * in 2025 is calculated for 2025, not for an empty 2026. */
void     tidu_subsidy_clamp_year (GtkSpinButton           *spin,
                                  const TiduPolicy        *policy);

G_END_DECLS
