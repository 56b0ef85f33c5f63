/* tidu-date.c: reading the date formats officers type and spreadsheets export.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-date.h"
#include "tidu-error.h"

static gboolean
read_number (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;
  guint v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;
  *value = v;
  return TRUE;
}

/* One separator between year, month and day; the same one both times. */
static gboolean
read_separator (const char **p,
                const char **sep)
{
  static const char *separators[] = { "-", "/", ".", "年", "月" };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      gsize len = strlen (separators[i]);

      if (strncmp (*p, separators[i], len) == 0)
        {
          *sep = separators[i];
          *p += len;
          return TRUE;
        }
    }
  return FALSE;
}

static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)   /* full-width digits */
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0F)
        g_string_append_c (out, '/');
      else if (c == 0xFF0D)
        g_string_append_c (out, '-');
      else if (c == 0xFF0E)
        g_string_append_c (out, '.');
      else if (g_unichar_isspace (c) || c == 0x3000)
        continue;
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * tidu_date_parse:
 * @text: "2021-03-05", "2021/3/5", "2021.3.5", "2021年3月5日" or "20210305"
 * @date: (out): the date
 *
 * Returns: %TRUE on success; otherwise @error says what is wrong, in the user's language.
 */
gboolean
tidu_date_parse (const char  *text,
                 GDate       *date,
                 GError     **error)
{
  g_autofree char *s = NULL;
  const char *p;
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  s = normalize (text);
  p = s;

  if (*s == '\0')
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT, _("The date is empty."));
      return FALSE;
    }

  if (strlen (s) == 8 && strspn (s, "0123456789") == 8)
    {
      year = (guint) ((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'));
      month = (guint) ((s[4] - '0') * 10 + (s[5] - '0'));
      day = (guint) ((s[6] - '0') * 10 + (s[7] - '0'));
    }
  else
    {
      const char *sep1 = NULL, *sep2 = NULL;
      gboolean chinese;

      if (!read_number (&p, 4, 4, &year) || !read_separator (&p, &sep1) ||
          !read_number (&p, 1, 2, &month) || !read_separator (&p, &sep2) ||
          !read_number (&p, 1, 2, &day))
        goto bad_format;

      chinese = strcmp (sep1, "年") == 0;
      if (chinese != (strcmp (sep2, "月") == 0) || (!chinese && strcmp (sep1, sep2) != 0))
        goto bad_format;
      if (chinese && strcmp (p, "日") != 0 && strcmp (p, "号") != 0 && *p != '\0')
        goto bad_format;
      if (!chinese && *p != '\0')
        goto bad_format;
    }

  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   /* Translators: %s is the date the user typed */
                   _("“%s” is not a date in the calendar."), text);
      return FALSE;
    }

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;

bad_format:
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
               /* Translators: %s is what the user typed; keep the example formats */
               _("“%s” is not a date. Write it like 2021-03-05, 2021/3/5, 2021年3月5日 or 20210305."),
               text);
  return FALSE;
}

char *
tidu_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* Strict reading of the ISO form stored in the database. */
gboolean
tidu_date_from_iso (const char *iso,
                    GDate      *date)
{
  guint y, m, d;
  const char *p = iso;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  if (!read_number (&p, 4, 4, &y) || *p++ != '-' ||
      !read_number (&p, 2, 2, &m) || *p++ != '-' ||
      !read_number (&p, 2, 2, &d) || *p != '\0')
    return FALSE;
  if (m < 1 || m > 12 || d < 1 || y < 1 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}
