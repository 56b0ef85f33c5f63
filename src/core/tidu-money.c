/* tidu-money.c: exact parsing and display of amounts in 元, 千元 and 万元.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-money.h"

gint64
tidu_money_unit_factor (TiduMoneyUnit unit)
{
  switch (unit)
    {
    case TIDU_MONEY_UNIT_YUAN:
      return 1;
    case TIDU_MONEY_UNIT_THOUSAND_YUAN:
      return 1000;
    case TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN:
      return 10000;
    default:
      g_return_val_if_reached (1);
    }
}

/* The unit as shown after a number: "元", "千元", "万元" in Chinese. */
const char *
tidu_money_unit_label (TiduMoneyUnit unit)
{
  switch (unit)
    {
    case TIDU_MONEY_UNIT_YUAN:
      return _("yuan");
    case TIDU_MONEY_UNIT_THOUSAND_YUAN:
      return _("1k yuan");
    case TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN:
      return _("10k yuan");
    default:
      g_return_val_if_reached ("");
    }
}

/* Stable names, the same as the GSettings enum nicks. */
const char *
tidu_money_unit_to_string (TiduMoneyUnit unit)
{
  switch (unit)
    {
    case TIDU_MONEY_UNIT_YUAN:
      return "yuan";
    case TIDU_MONEY_UNIT_THOUSAND_YUAN:
      return "thousand-yuan";
    case TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN:
      return "ten-thousand-yuan";
    default:
      g_return_val_if_reached ("yuan");
    }
}

gboolean
tidu_money_unit_from_string (const char    *text,
                             TiduMoneyUnit *unit)
{
  static const struct { const char *name; TiduMoneyUnit unit; } names[] = {
    { "yuan", TIDU_MONEY_UNIT_YUAN },
    { "thousand-yuan", TIDU_MONEY_UNIT_THOUSAND_YUAN },
    { "ten-thousand-yuan", TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (text, names[i].name) == 0)
        {
          *unit = names[i].unit;
          return TRUE;
        }
    }
  return FALSE;
}

/* Suffixes a user may type after the number, longest first so "万元" wins over "元". */
static const struct
{
  const char    *suffix;
  TiduMoneyUnit  unit;
} suffixes[] = {
  { "万元", TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN },
  { "千元", TIDU_MONEY_UNIT_THOUSAND_YUAN },
  { "万", TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN },
  { "千", TIDU_MONEY_UNIT_THOUSAND_YUAN },
  { "元", TIDU_MONEY_UNIT_YUAN },
  { "¥", TIDU_MONEY_UNIT_YUAN },
  { "￥", TIDU_MONEY_UNIT_YUAN },
};

static gboolean
invalid (GError     **error,
         const char  *text,
         const char  *why)
{
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
               /* Translators: the first %s is what the user typed, the second why it is wrong */
               _("“%s” is not an amount: %s"), text, why);
  return FALSE;
}

static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  /* Full-width digits, commas and dots come from Chinese input methods. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0C || c == 0x3001)   /* ， 、 */
        g_string_append_c (out, ',');
      else if (c == 0xFF0E || c == 0x3002)   /* ． 。 */
        g_string_append_c (out, '.');
      else if (c == 0xFF0D)
        g_string_append_c (out, '-');
      else if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * tidu_money_parse:
 * @text: what the user typed: "12.5万", "1,250,000", "3.2 万元", "800千元", "¥1,000"
 * @default_unit: the unit of a bare number
 * @yuan: (out): the amount in whole yuan
 *
 * Parses exactly, in integer arithmetic: "12.5万" is 125000 元. A result with fractions of a
 * yuan, a misplaced thousands separator or a value beyond %TIDU_MONEY_MAX is refused.
 */
gboolean
tidu_money_parse (const char     *text,
                  TiduMoneyUnit   default_unit,
                  gint64         *yuan,
                  GError        **error)
{
  g_autofree char *s = NULL;
  TiduMoneyUnit unit = default_unit;
  gboolean negative = FALSE;
  gboolean seen_digit = FALSE;
  gboolean seen_dot = FALSE;
  guint64 integer = 0;
  guint64 fraction = 0;
  guint fraction_digits = 0;
  int group_digits = -1;     /* digits since the last comma, -1 before any comma */
  gint64 factor;
  guint64 scale = 1;
  gsize len;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (yuan != NULL, FALSE);

  s = normalize (text);
  len = strlen (s);

  if (len == 0)
    return invalid (error, text, _("it is empty"));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize sl = strlen (suffixes[i].suffix);

      if (len >= sl && strcmp (s + len - sl, suffixes[i].suffix) == 0)
        {
          unit = suffixes[i].unit;
          s[len - sl] = '\0';
          len -= sl;
          break;
        }
    }
  /* "¥" may also stand in front. */
  if (g_str_has_prefix (s, "¥") || g_str_has_prefix (s, "￥"))
    {
      const char *after = g_utf8_next_char (s);
      memmove (s, after, strlen (after) + 1);
    }

  p = s;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (*p == '+')
    p++;

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          guint d = (guint) (*p - '0');

          seen_digit = TRUE;
          if (seen_dot)
            {
              if (fraction_digits >= 4)
                {
                  if (d != 0)
                    return invalid (error, text, _("too many decimal places"));
                  continue;
                }
              fraction = fraction * 10 + d;
              fraction_digits++;
            }
          else
            {
              if (integer > (guint64) TIDU_MONEY_MAX)
                return invalid (error, text, _("the number is too large"));
              integer = integer * 10 + d;
              if (group_digits >= 0)
                group_digits++;
            }
        }
      else if (*p == ',' && !seen_dot)
        {
          /* Thousands separators must stand every three digits: "1,250,000". */
          if (!seen_digit || (group_digits >= 0 && group_digits != 3) ||
              (group_digits < 0 && integer > 999))
            return invalid (error, text, _("a thousands separator is misplaced"));
          group_digits = 0;
        }
      else if (*p == '.' && !seen_dot)
        {
          if (group_digits >= 0 && group_digits != 3)
            return invalid (error, text, _("a thousands separator is misplaced"));
          seen_dot = TRUE;
        }
      else
        {
          return invalid (error, text, _("it contains characters that are not part of a number"));
        }
    }

  if (!seen_digit)
    return invalid (error, text, _("it has no digits"));
  if (!seen_dot && group_digits >= 0 && group_digits != 3)
    return invalid (error, text, _("a thousands separator is misplaced"));

  factor = tidu_money_unit_factor (unit);
  for (guint i = 0; i < fraction_digits; i++)
    scale *= 10;

  /* The fraction must come out as whole yuan: 12.5万 is fine, 1.5元 is not. */
  if ((fraction * (guint64) factor) % scale != 0)
    return invalid (error, text, _("amounts are kept in whole yuan"));

  if (integer > (guint64) (TIDU_MONEY_MAX / factor))
    return invalid (error, text, _("the number is too large"));

  {
    guint64 total = integer * (guint64) factor + (fraction * (guint64) factor) / scale;

    if (total > (guint64) TIDU_MONEY_MAX)
      return invalid (error, text, _("the number is too large"));

    *yuan = negative ? -(gint64) total : (gint64) total;
  }
  return TRUE;
}

static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[32];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);

  for (int i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

/**
 * tidu_money_format:
 * @yuan: an amount in yuan
 * @unit: the display unit
 *
 * Formats @yuan in @unit with thousands separators and only the decimals needed to be exact:
 * 125000 in 万元 is "12.5", 1250000 in 元 is "1,250,000", 1234 in 千元 is "1.234".
 */
char *
tidu_money_format (gint64        yuan,
                   TiduMoneyUnit unit)
{
  GString *out = g_string_new (NULL);
  guint64 factor = (guint64) tidu_money_unit_factor (unit);
  guint64 magnitude = yuan < 0 ? (guint64) (-(yuan + 1)) + 1 : (guint64) yuan;
  guint64 whole = magnitude / factor;
  guint64 rest = magnitude % factor;

  if (yuan < 0)
    g_string_append_c (out, '-');
  append_grouped (out, whole);

  if (rest != 0)
    {
      char frac[8];
      int width = unit == TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN ? 4 : 3;
      int end;

      g_snprintf (frac, sizeof frac, "%0*" G_GUINT64_FORMAT, width, rest);
      end = width;
      while (end > 0 && frac[end - 1] == '0')
        end--;
      frac[end] = '\0';
      g_string_append_c (out, '.');
      g_string_append (out, frac);
    }

  return g_string_free (out, FALSE);
}

char *
tidu_money_format_with_unit (gint64        yuan,
                             TiduMoneyUnit unit)
{
  g_autofree char *number = tidu_money_format (yuan, unit);

  /* Translators: an amount and its unit, e.g. "12.5 10k yuan"; in Chinese "12.5万元" */
  return g_strdup_printf (C_("money", "%s %s"), number, tidu_money_unit_label (unit));
}
