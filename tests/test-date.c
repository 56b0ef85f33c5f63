/* test-date.c
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tidu-core.h"

static void
assert_date (const char *text,
             const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GDate date;

  g_test_message ("parsing “%s”", text);
  g_assert_true (tidu_date_parse (text, &date, &error));
  g_assert_no_error (error);
  out = tidu_date_to_iso (&date);
  g_assert_cmpstr (out, ==, iso);
}

static void
assert_bad (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_test_message ("refusing “%s”", text);
  g_assert_false (tidu_date_parse (text, &date, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  if (*text != '\0')
    g_assert_nonnull (strstr (error->message, text));
}

static void
test_formats (void)
{
  assert_date ("2021-03-05", "2021-03-05");
  assert_date ("2021/3/5", "2021-03-05");
  assert_date ("2021.3.5", "2021-03-05");
  assert_date ("2021年3月5日", "2021-03-05");
  assert_date ("2021年03月05日", "2021-03-05");
  assert_date ("2021年3月5号", "2021-03-05");
  assert_date ("20210305", "2021-03-05");
  assert_date (" 2022-11-18 ", "2022-11-18");
  assert_date ("２０２１／３／５", "2021-03-05");
  assert_date ("2024-02-29", "2024-02-29");
}

static void
test_bad (void)
{
  assert_bad ("");
  assert_bad ("2021-3");
  assert_bad ("2021-13-01");
  assert_bad ("2023-02-29");
  assert_bad ("20211305");
  assert_bad ("2021-03/05");
  assert_bad ("2021年3-5");
  assert_bad ("21-03-05");
  assert_bad ("2021-03-05x");
  assert_bad ("05/03/2021");
  assert_bad ("2021-003-05");
  assert_bad ("tomorrow");
  assert_bad ("1850-01-01");
}

static void
test_iso (void)
{
  GDate date;

  g_assert_true (tidu_date_from_iso ("2025-11-17", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2025);
  g_assert_cmpint (g_date_get_month (&date), ==, 11);
  g_assert_cmpint (g_date_get_day (&date), ==, 17);
  g_assert_false (tidu_date_from_iso ("2025-11-31", &date));
  g_assert_false (tidu_date_from_iso ("2025/11/17", &date));
  g_assert_false (tidu_date_from_iso ("2025-1-17", &date));
  g_assert_false (tidu_date_from_iso (NULL, &date));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/formats", test_formats);
  g_test_add_func ("/date/bad", test_bad);
  g_test_add_func ("/date/iso", test_iso);

  return g_test_run ();
}
