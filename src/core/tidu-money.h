/* tidu-money.h: money is gint64 yuan (元) everywhere; never a float.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TIDU_MONEY_UNIT_YUAN,          /* 元 */
  TIDU_MONEY_UNIT_THOUSAND_YUAN, /* 千元, used by national statistics forms */
  TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN /* 万元 */
} TiduMoneyUnit;

/* Largest amount accepted: keeps every product with a 10,000 factor inside gint64. */
#define TIDU_MONEY_MAX G_GINT64_CONSTANT (900000000000000)

gint64       tidu_money_unit_factor     (TiduMoneyUnit  unit);
const char  *tidu_money_unit_label      (TiduMoneyUnit  unit);
const char  *tidu_money_unit_to_string  (TiduMoneyUnit  unit);
gboolean     tidu_money_unit_from_string (const char    *text,
                                          TiduMoneyUnit *unit);

gboolean     tidu_money_parse           (const char    *text,
                                         TiduMoneyUnit  default_unit,
                                         gint64        *yuan,
                                         GError       **error);
char        *tidu_money_format          (gint64         yuan,
                                         TiduMoneyUnit  unit);
char        *tidu_money_format_with_unit (gint64        yuan,
                                          TiduMoneyUnit unit);

G_END_DECLS
