/* tidu-uscc.c: 统一社会信用代码 (GB 32100-2015), see DOMAIN.md §7.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-uscc.h"

/* 31 characters; I, O, S, V and Z are never used. A character's value is its index. */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/* 3^(i-1) mod 31 for positions 1–17. */
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

static int
char_value (char c)
{
  const char *hit;

  if (c == '\0')
    return -1;
  hit = strchr (alphabet, c);
  return hit ? (int) (hit - alphabet) : -1;
}

/**
 * tidu_uscc_check_character:
 * @first17: the first 17 characters of a code, upper case
 *
 * Returns: the check character those 17 characters require, or 0 if one is outside the alphabet.
 */
char
tidu_uscc_check_character (const char *first17)
{
  int sum = 0;
  int check;

  g_return_val_if_fail (first17 != NULL, 0);

  for (int i = 0; i < 17; i++)
    {
      int v = char_value (first17[i]);

      if (v < 0)
        return 0;
      sum += v * weights[i];
    }
  check = 31 - sum % 31;
  if (check == 31)
    check = 0;
  return alphabet[check];
}

gboolean
tidu_uscc_is_format_error (TiduUsccStatus status)
{
  return status != TIDU_USCC_VALID && status != TIDU_USCC_CHECK_MISMATCH;
}

/**
 * tidu_uscc_validate:
 * @text: a code as typed: spaces are ignored and letters may be lower case
 * @result: (out) (optional): details for the message shown to the user
 *
 * Format errors (length, alphabet, the region digits) make a code unusable. A check-character
 * mismatch is only a warning: real registers hold such codes, so the user may override it.
 */
TiduUsccStatus
tidu_uscc_validate (const char     *text,
                    TiduUsccResult *result)
{
  TiduUsccResult local = { 0 };
  GString *clean = g_string_new (NULL);
  glong n_chars;

  if (result == NULL)
    result = &local;
  memset (result, 0, sizeof *result);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == '-')
        continue;
      if (c >= 0xFF01 && c <= 0xFF5E)   /* full-width ASCII from Chinese input methods */
        c -= 0xFEE0;
      g_string_append_unichar (clean, g_unichar_toupper (c));
    }

  n_chars = g_utf8_strlen (clean->str, -1);
  if (n_chars == 0)
    result->status = TIDU_USCC_EMPTY;
  else if (n_chars != 18)
    result->status = TIDU_USCC_BAD_LENGTH;
  else
    {
      result->status = TIDU_USCC_VALID;
      for (int i = 0; i < 18; i++)
        {
          char c = clean->str[i];

          if ((guchar) c >= 0x80 || char_value (c) < 0)
            {
              result->status = TIDU_USCC_BAD_CHARACTER;
              result->bad_position = i + 1;
              break;
            }
          /* Positions 3–8 are the GB/T 2260 region code. */
          if (i >= 2 && i < 8 && !g_ascii_isdigit (c))
            {
              result->status = TIDU_USCC_BAD_FORMAT;
              result->bad_position = i + 1;
              break;
            }
        }

      if (result->status == TIDU_USCC_VALID)
        {
          memcpy (result->normalized, clean->str, 18);
          result->normalized[18] = '\0';
          result->expected_check = tidu_uscc_check_character (clean->str);
          if (result->expected_check != clean->str[17])
            result->status = TIDU_USCC_CHECK_MISMATCH;
        }
    }

  g_string_free (clean, TRUE);
  return result->status;
}

/**
 * tidu_uscc_describe:
 * @result: a validation result
 *
 * Returns: (nullable): a translated sentence saying what is wrong, or %NULL for a valid code.
 */
char *
tidu_uscc_describe (const TiduUsccResult *result)
{
  switch (result->status)
    {
    case TIDU_USCC_VALID:
      return NULL;
    case TIDU_USCC_EMPTY:
      return g_strdup (_("The unified social credit code is empty."));
    case TIDU_USCC_BAD_LENGTH:
      return g_strdup (_("A unified social credit code has 18 characters."));
    case TIDU_USCC_BAD_CHARACTER:
      return g_strdup_printf (_("Character %d is not allowed in a unified social credit code (it uses digits and capital letters except I, O, S, V and Z)."),
                              result->bad_position);
    case TIDU_USCC_BAD_FORMAT:
      return g_strdup_printf (_("Character %d must be a digit: characters 3 to 8 are the region code."),
                              result->bad_position);
    case TIDU_USCC_CHECK_MISMATCH:
      return g_strdup_printf (_("The check character should be “%c”, not “%c”. Check the code against the business licence; keep it only if the licence really shows it."),
                              result->expected_check, result->normalized[17]);
    default:
      g_return_val_if_reached (NULL);
    }
}
