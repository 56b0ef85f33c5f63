/* tidu-error.c
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-error.h"

G_DEFINE_QUARK (tidu-error-quark, tidu_error)
