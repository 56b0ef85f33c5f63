/* test-money.c
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tidu-core.h"

static void
assert_parses (const char    *text,
               TiduMoneyUnit  unit,
               gint64         expected)
{
  g_autoptr(GError) error = NULL;
  gint64 yuan = -1;

  g_test_message ("parsing “%s”", text);
  g_assert_true (tidu_money_parse (text, unit, &yuan, &error));
  g_assert_no_error (error);
  g_assert_cmpint (yuan, ==, expected);
}

static void
assert_refused (const char    *text,
                TiduMoneyUnit  unit)
{
  g_autoptr(GError) error = NULL;
  gint64 yuan = 42;

  g_test_message ("refusing “%s”", text);
  g_assert_false (tidu_money_parse (text, unit, &yuan, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, text));
  g_assert_cmpint (yuan, ==, 42);
}

static void
test_parse_units (void)
{
  assert_parses ("12.5万", TIDU_MONEY_UNIT_YUAN, 125000);
  assert_parses ("12.5 万元", TIDU_MONEY_UNIT_YUAN, 125000);
  assert_parses ("1,250,000", TIDU_MONEY_UNIT_YUAN, 1250000);
  assert_parses ("1,250,000元", TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, 1250000);
  assert_parses ("200", TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, 2000000);
  assert_parses ("0.0001", TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, 1);
  assert_parses ("800千元", TIDU_MONEY_UNIT_YUAN, 800000);
  assert_parses ("1.234", TIDU_MONEY_UNIT_THOUSAND_YUAN, 1234);
  assert_parses ("¥1,000", TIDU_MONEY_UNIT_YUAN, 1000);
  assert_parses ("￥ 3,000.00", TIDU_MONEY_UNIT_YUAN, 3000);
  assert_parses ("１２．５万", TIDU_MONEY_UNIT_YUAN, 125000);   /* full-width input */
  assert_parses ("1，250，000", TIDU_MONEY_UNIT_YUAN, 1250000);
  assert_parses ("0", TIDU_MONEY_UNIT_YUAN, 0);
  assert_parses ("-4,000", TIDU_MONEY_UNIT_YUAN, -4000);
  assert_parses ("5000万", TIDU_MONEY_UNIT_YUAN, 50000000);
  /* Exactness: no binary floating point on the way. */
  assert_parses ("0.07万", TIDU_MONEY_UNIT_YUAN, 700);
  assert_parses ("1234567.89万", TIDU_MONEY_UNIT_YUAN, 12345678900);
}

static void
test_parse_bad (void)
{
  assert_refused ("", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("abc", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("12.5", TIDU_MONEY_UNIT_YUAN);          /* fractions of a yuan */
  assert_refused ("0.00001万", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("1,25,000", TIDU_MONEY_UNIT_YUAN);      /* misplaced separators */
  assert_refused ("1250,000", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("1,2500", TIDU_MONEY_UNIT_YUAN);
  assert_refused (",100", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("1.2.3", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("12万5", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("万", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("99999999999999999999", TIDU_MONEY_UNIT_YUAN);
  assert_refused ("900000000000万", TIDU_MONEY_UNIT_YUAN);
}

static void
test_format (void)
{
  struct { gint64 yuan; TiduMoneyUnit unit; const char *text; } cases[] = {
    { 125000, TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, "12.5" },
    { 1250000, TIDU_MONEY_UNIT_YUAN, "1,250,000" },
    { 1234, TIDU_MONEY_UNIT_THOUSAND_YUAN, "1.234" },
    { 1000, TIDU_MONEY_UNIT_THOUSAND_YUAN, "1" },
    { 1, TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, "0.0001" },
    { 0, TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, "0" },
    { -4000, TIDU_MONEY_UNIT_YUAN, "-4,000" },
    { -125000, TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, "-12.5" },
    { 50000000000, TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN, "5,000,000" },
    { G_MININT64, TIDU_MONEY_UNIT_YUAN, "-9,223,372,036,854,775,808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tidu_money_format (cases[i].yuan, cases[i].unit);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_round_trip (void)
{
  /* What is displayed parses back to the same amount in every unit. */
  gint64 amounts[] = { 0, 1, 999, 1000, 12345, 125000, 1700000, 2000000, 987654321 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    for (TiduMoneyUnit unit = TIDU_MONEY_UNIT_YUAN; unit <= TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN; unit++)
      {
        g_autofree char *text = tidu_money_format (amounts[i], unit);
        gint64 back = -1;

        g_assert_true (tidu_money_parse (text, unit, &back, NULL));
        g_assert_cmpint (back, ==, amounts[i]);
      }
}

static void
test_unit_names (void)
{
  TiduMoneyUnit unit;

  for (TiduMoneyUnit u = TIDU_MONEY_UNIT_YUAN; u <= TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN; u++)
    {
      g_assert_true (tidu_money_unit_from_string (tidu_money_unit_to_string (u), &unit));
      g_assert_cmpint (unit, ==, u);
    }
  g_assert_false (tidu_money_unit_from_string ("dollar", &unit));
  g_assert_cmpint (tidu_money_unit_factor (TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN), ==, 10000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse/units", test_parse_units);
  g_test_add_func ("/money/parse/bad", test_parse_bad);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/unit-names", test_unit_names);

  return g_test_run ();
}
