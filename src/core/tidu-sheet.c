/* tidu-sheet.c: what every sheet Tidu writes shares (tidu-sheet-private.h)
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-export.h"
#include "tidu-sheet-private.h"

/**
 * _tidu_sheet_append_csv_text:
 * @line: the CSV line being written
 * @text: a text cell, as the officer typed it
 *
 * Appends @text neutralised against formula injection (tidu_export_neutralize()), quoted when
 * it holds a comma, a quote, a line break or spaces at either end (RFC 4180; Excel and WPS
 * drop unquoted edge spaces).
 */
void
_tidu_sheet_append_csv_text (GString    *line,
                             const char *text)
{
  g_autofree char *safe = NULL;
  gboolean quote;

  if (text == NULL)
    return;
  safe = tidu_export_neutralize (text);
  quote = strpbrk (safe, ",\"\n\r") != NULL
          || safe[0] == ' ' || (safe[0] != '\0' && safe[strlen (safe) - 1] == ' ');
  if (!quote)
    {
      g_string_append (line, safe);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/**
 * _tidu_sheet_text_width:
 *
 * Returns: the display width of @text in Excel's character units: CJK characters count double
 */
double
_tidu_sheet_text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2.1 : 1.1;
  return width;
}

/**
 * _tidu_sheet_xlsx_failed:
 *
 * Returns: %TRUE, with @error set naming @path, when libxlsxwriter reported @rc
 */
gboolean
_tidu_sheet_xlsx_failed (lxw_error    rc,
                         const char  *path,
                         GError     **error)
{
  if (rc == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path,
               lxw_strerror (rc));
  return TRUE;
}
