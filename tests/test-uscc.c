/* test-uscc.c: the vectors of DOMAIN.md §7.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "tidu-core.h"

static void
test_valid (void)
{
  const char *codes[] = {
    "914403001922038216",   /* 华为技术有限公司 */
    "91110108551385082Q",   /* 小米科技有限责任公司 */
    "91440300708461136T",
    "91310110666007217T",
    "91350100M000100Y43",
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      TiduUsccResult result;

      g_test_message ("%s", codes[i]);
      g_assert_cmpint (tidu_uscc_validate (codes[i], &result), ==, TIDU_USCC_VALID);
      g_assert_cmpstr (result.normalized, ==, codes[i]);
      g_assert_cmpint (result.expected_check, ==, codes[i][17]);
      g_assert_null (tidu_uscc_describe (&result));
    }
}

static void
test_check_character (void)
{
  g_assert_cmpint (tidu_uscc_check_character ("91440300192203821"), ==, '6');
  g_assert_cmpint (tidu_uscc_check_character ("91110108551385082"), ==, 'Q');
  g_assert_cmpint (tidu_uscc_check_character ("91350203M0001QAY9"), ==, '9');
  g_assert_cmpint (tidu_uscc_check_character ("9144030019220382I"), ==, 0);
}

static void
test_mismatch_is_a_warning (void)
{
  TiduUsccResult result;
  g_autofree char *message = NULL;

  g_assert_cmpint (tidu_uscc_validate ("914403001922038217", &result), ==, TIDU_USCC_CHECK_MISMATCH);
  g_assert_false (tidu_uscc_is_format_error (result.status));
  g_assert_cmpint (result.expected_check, ==, '6');
  g_assert_cmpstr (result.normalized, ==, "914403001922038217");
  message = tidu_uscc_describe (&result);
  g_assert_nonnull (strstr (message, "6"));

  /* The code a public validator special-cases: a real record failing its checksum. */
  g_assert_cmpint (tidu_uscc_validate ("91350203M0001QAY9B", &result), ==, TIDU_USCC_CHECK_MISMATCH);
  g_assert_cmpint (result.expected_check, ==, '9');
}

static void
test_format_errors (void)
{
  TiduUsccResult result;

  g_assert_cmpint (tidu_uscc_validate ("", &result), ==, TIDU_USCC_EMPTY);
  g_assert_cmpint (tidu_uscc_validate (NULL, &result), ==, TIDU_USCC_EMPTY);
  g_assert_cmpint (tidu_uscc_validate ("91440300192203821", &result), ==, TIDU_USCC_BAD_LENGTH);
  g_assert_cmpint (tidu_uscc_validate ("9144030019220382166", &result), ==, TIDU_USCC_BAD_LENGTH);
  g_assert_true (tidu_uscc_is_format_error (result.status));

  /* I, O, S, V and Z are not in the alphabet. */
  g_assert_cmpint (tidu_uscc_validate ("91440300192203821I", &result), ==, TIDU_USCC_BAD_CHARACTER);
  g_assert_cmpint (result.bad_position, ==, 18);
  g_assert_cmpint (tidu_uscc_validate ("9O4403001922038216", &result), ==, TIDU_USCC_BAD_CHARACTER);
  g_assert_cmpint (result.bad_position, ==, 2);
  g_assert_cmpint (tidu_uscc_validate ("91440300192203821中", &result), ==, TIDU_USCC_BAD_CHARACTER);

  /* Positions 3–8 are the region code: digits only. */
  g_assert_cmpint (tidu_uscc_validate ("9144A3001922038216", &result), ==, TIDU_USCC_BAD_FORMAT);
  g_assert_cmpint (result.bad_position, ==, 5);
  g_assert_true (tidu_uscc_is_format_error (result.status));
  g_assert_nonnull (tidu_uscc_describe (&result));
}

static void
test_normalization (void)
{
  TiduUsccResult result;

  /* Lower case, spaces and full-width characters from input methods are accepted. */
  g_assert_cmpint (tidu_uscc_validate ("91110108551385082q", &result), ==, TIDU_USCC_VALID);
  g_assert_cmpstr (result.normalized, ==, "91110108551385082Q");
  g_assert_cmpint (tidu_uscc_validate (" 9144 0300 1922 0382 16 ", &result), ==, TIDU_USCC_VALID);
  g_assert_cmpint (tidu_uscc_validate ("９１１１０１０８５５１３８５０８２Ｑ", &result), ==, TIDU_USCC_VALID);
  g_assert_cmpstr (result.normalized, ==, "91110108551385082Q");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uscc/valid", test_valid);
  g_test_add_func ("/uscc/check-character", test_check_character);
  g_test_add_func ("/uscc/mismatch-is-a-warning", test_mismatch_is_a_warning);
  g_test_add_func ("/uscc/format-errors", test_format_errors);
  g_test_add_func ("/uscc/normalization", test_normalization);

  return g_test_run ();
}
