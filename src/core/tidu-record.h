/* tidu-record.h: conventions shared by every record type of the core.
 *
 * Records are plain structs owned by the caller (tidu_firm_new/free/copy, …). A new record has
 * id == NULL; saving gives it a random UUID and stamps created_at/updated_at. Optional values:
 * text is NULL, dates are cleared GDates (g_date_valid() is FALSE), integers and money are
 * TIDU_UNSET, measures (areas in m²) are NaN.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <math.h>

G_BEGIN_DECLS

#define TIDU_UNSET G_MININT64
#define TIDU_IS_SET(value) ((value) != TIDU_UNSET)

G_END_DECLS
