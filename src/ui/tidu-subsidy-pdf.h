/* tidu-subsidy-pdf.h: a budget sheet as a plain table on A4 pages
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-core.h"

G_BEGIN_DECLS

/* Writes @sheet to @path as a PDF: A4 landscape pages with the policy title, the year and the
 * totals; safe to call from a worker thread. */
gboolean tidu_subsidy_pdf_write (const TiduSubsidySheet  *sheet,
                                 const char              *path,
                                 GError                 **error);

G_END_DECLS
