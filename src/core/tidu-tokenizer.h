/* tidu-tokenizer.h: the "tidu_chars" FTS5 tokenizer, one token per letter or digit.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean tidu_tokenizer_register (sqlite3  *db,
                                  GError  **error);

G_END_DECLS
