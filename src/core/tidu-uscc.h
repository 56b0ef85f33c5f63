/* tidu-uscc.h: 统一社会信用代码 (GB 32100-2015) validation.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TIDU_USCC_VALID,
  TIDU_USCC_EMPTY,
  TIDU_USCC_BAD_LENGTH,        /* not 18 characters */
  TIDU_USCC_BAD_CHARACTER,     /* a character outside the GB 32100 alphabet (I, O, S, V, Z, …) */
  TIDU_USCC_BAD_FORMAT,        /* positions 3–8 are not digits */
  TIDU_USCC_CHECK_MISMATCH     /* well formed, but the check character differs: a warning */
} TiduUsccStatus;

typedef struct
{
  TiduUsccStatus status;
  char           normalized[19];   /* upper-cased, spaces removed; empty when unusable */
  char           expected_check;   /* the check character the first 17 give, or 0 */
  int            bad_position;     /* 1-based position of the first bad character, or 0 */
} TiduUsccResult;

TiduUsccStatus  tidu_uscc_validate       (const char     *text,
                                          TiduUsccResult *result);
char            tidu_uscc_check_character (const char    *first17);
gboolean        tidu_uscc_is_format_error (TiduUsccStatus status);
char           *tidu_uscc_describe       (const TiduUsccResult *result);

G_END_DECLS
