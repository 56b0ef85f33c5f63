/* tidu-subsidy-sheet.c: a subsidy batch as a budget sheet, written as CSV or XLSX
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "tidu-error.h"
#include "tidu-money.h"
#include "tidu-record.h"
#include "tidu-sheet-private.h"
#include "tidu-subsidy-sheet.h"

static const char *
entity_kind_label (TiduSubsidyEntityKind kind)
{
  switch (kind)
    {
    case TIDU_SUBSIDY_ENTITY_CARRIER:
      return _("Carrier");
    case TIDU_SUBSIDY_ENTITY_FIRM:
      return _("Firm");
    case TIDU_SUBSIDY_ENTITY_TALENT:
      return _("Talent");
    case TIDU_SUBSIDY_ENTITY_PAYEE:
      return _("Payee");
    case TIDU_SUBSIDY_ENTITY_NONE:
    default:
      return "";
    }
}

static char *
digits (gint64 value)
{
  return value == TIDU_UNSET ? NULL : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static void
sheet_row_free (TiduSheetRow *row)
{
  for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
    g_free (row->cells[c]);
  g_free (row);
}

gboolean
tidu_subsidy_sheet_column_is_money (TiduSheetColumn column)
{
  return column == TIDU_SHEET_COLUMN_AMOUNT || column == TIDU_SHEET_COLUMN_MIN
    || column == TIDU_SHEET_COLUMN_MAX;
}

static TiduSheetRow *
totals_row (const char *label,
            const char *article,
            const char *rule,
            guint       n_rows,
            gint64      min,
            gint64      max)
{
  TiduSheetRow *row = g_new0 (TiduSheetRow, 1);
  g_autofree char *count = g_strdup_printf ("%u", n_rows);

  row->total = TRUE;
  row->cells[TIDU_SHEET_COLUMN_ENTITY] = g_strdup (label);
  row->cells[TIDU_SHEET_COLUMN_ARTICLE] = g_strdup (article);
  row->cells[TIDU_SHEET_COLUMN_RULE] = g_strdup (rule);
  row->cells[TIDU_SHEET_COLUMN_AMOUNT] = min == max ? digits (min) : NULL;
  row->cells[TIDU_SHEET_COLUMN_MIN] = digits (min);
  row->cells[TIDU_SHEET_COLUMN_MAX] = digits (max);
  /* Translators: the explanation cell of a totals line; %s is a number of rows */
  row->cells[TIDU_SHEET_COLUMN_EXPLANATION] = g_strdup_printf (ngettext ("%s row", "%s rows", n_rows), count);
  return row;
}

TiduSubsidySheet *
tidu_subsidy_sheet_new (const TiduSubsidyBatch *batch)
{
  TiduSubsidySheet *sheet;
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  g_autofree char *year = NULL;
  g_autofree char *total_text = NULL;
  guint n_all;

  g_return_val_if_fail (batch != NULL && batch->policy != NULL, NULL);

  sheet = g_new0 (TiduSubsidySheet, 1);
  sheet->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_row_free);
  sheet->title = g_strdup (batch->policy->title);
  sheet->headers[TIDU_SHEET_COLUMN_ENTITY] = g_strdup (_("Recipient"));
  sheet->headers[TIDU_SHEET_COLUMN_ENTITY_KIND] = g_strdup (_("Kind"));
  sheet->headers[TIDU_SHEET_COLUMN_ARTICLE] = g_strdup (_("Article"));
  sheet->headers[TIDU_SHEET_COLUMN_RULE] = g_strdup (_("Rule"));
  sheet->headers[TIDU_SHEET_COLUMN_AMOUNT] = g_strdup (_("Amount (yuan)"));
  sheet->headers[TIDU_SHEET_COLUMN_MIN] = g_strdup (_("Minimum (yuan)"));
  sheet->headers[TIDU_SHEET_COLUMN_MAX] = g_strdup (_("Maximum (yuan)"));
  sheet->headers[TIDU_SHEET_COLUMN_EXPLANATION] = g_strdup (_("Explanation"));

  for (guint i = 0; i < batch->rows->len; i++)
    {
      const TiduSubsidyBatchRow *entry = g_ptr_array_index (batch->rows, i);
      const TiduPolicyRule *rule = tidu_policy_get_rule (batch->policy, entry->rule_id);
      gint64 amount = tidu_subsidy_batch_row_amount (entry);
      TiduSheetRow *row;

      if (entry->excluded)
        continue;
      if (rule != NULL && !g_ptr_array_find (rules, rule, NULL))
        g_ptr_array_add (rules, (gpointer) rule);

      row = g_new0 (TiduSheetRow, 1);
      row->cells[TIDU_SHEET_COLUMN_ENTITY] = g_strdup (entry->entity_name);
      row->cells[TIDU_SHEET_COLUMN_ENTITY_KIND] = g_strdup (entity_kind_label (entry->entity_kind));
      row->cells[TIDU_SHEET_COLUMN_ARTICLE] = g_strdup (rule != NULL ? rule->article : "");
      row->cells[TIDU_SHEET_COLUMN_RULE] = g_strdup (rule != NULL ? rule->title : entry->rule_id);
      row->cells[TIDU_SHEET_COLUMN_AMOUNT] = digits (amount);
      row->cells[TIDU_SHEET_COLUMN_MIN] = digits (amount != TIDU_UNSET ? amount : entry->result->min);
      row->cells[TIDU_SHEET_COLUMN_MAX] = digits (amount != TIDU_UNSET ? amount : entry->result->max);
      row->cells[TIDU_SHEET_COLUMN_EXPLANATION] = tidu_subsidy_result_explanation (entry->result);
      g_ptr_array_add (sheet->rows, row);
      sheet->n_entries++;
    }

  for (guint i = 0; i < rules->len; i++)
    {
      const TiduPolicyRule *rule = g_ptr_array_index (rules, i);
      g_autofree char *label = NULL;
      guint n = 0;
      gint64 min = 0, max = 0;

      tidu_subsidy_batch_totals (batch, rule->id, &n, &min, &max);
      /* Translators: the first cell of a rule's totals line in a budget sheet */
      label = g_strdup (_("Total for the rule"));
      g_ptr_array_add (sheet->rows, totals_row (label, rule->article, rule->title, n, min, max));
    }
  tidu_subsidy_batch_totals (batch, NULL, &n_all, &sheet->total_min, &sheet->total_max);
  g_ptr_array_add (sheet->rows, totals_row (_("Total"), "", "", n_all, sheet->total_min, sheet->total_max));

  year = g_strdup_printf ("%d", batch->year);
  if (sheet->total_min == sheet->total_max)
    total_text = tidu_money_format_with_unit (sheet->total_max, TIDU_MONEY_UNIT_YUAN);
  else
    {
      g_autofree char *min = tidu_money_format_with_unit (sheet->total_min, TIDU_MONEY_UNIT_YUAN);
      g_autofree char *max = tidu_money_format_with_unit (sheet->total_max, TIDU_MONEY_UNIT_YUAN);

      /* Translators: a range of amounts, e.g. "500,000 yuan – 1,000,000 yuan" */
      total_text = g_strdup_printf (_("%s – %s"), min, max);
    }
  /* Translators: the line under a budget sheet's title: document number, year, total */
  sheet->subtitle = g_strdup_printf (_("%s · Year %s · Total %s"),
                                     batch->policy->doc_number != NULL ? batch->policy->doc_number : batch->policy->code,
                                     year, total_text);
  return sheet;
}

void
tidu_subsidy_sheet_free (TiduSubsidySheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->title);
  g_free (sheet->subtitle);
  for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
    g_free (sheet->headers[c]);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet);
}

/* ------------------------------------------------------------------ CSV */

static void
csv_field (GString    *line,
           const char *text,
           gboolean    number)
{
  if (text != NULL && number)
    g_string_append (line, text);
  else
    _tidu_sheet_append_csv_text (line, text);
}

static void
csv_line (GString           *out,
          const char * const cells[TIDU_SHEET_N_COLUMNS],
          gboolean           money)
{
  for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      csv_field (out, cells[c], money && tidu_subsidy_sheet_column_is_money (c));
    }
  g_string_append (out, "\r\n");
}

static GString *
sheet_to_csv (const TiduSubsidySheet *sheet)
{
  GString *out = g_string_new ("\xEF\xBB\xBF");
  const char *title[TIDU_SHEET_N_COLUMNS] = { sheet->title };
  const char *subtitle[TIDU_SHEET_N_COLUMNS] = { sheet->subtitle };

  csv_line (out, title, FALSE);
  csv_line (out, subtitle, FALSE);
  csv_line (out, (const char * const *) sheet->headers, FALSE);
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      TiduSheetRow *row = g_ptr_array_index (sheet->rows, i);

      csv_line (out, (const char * const *) row->cells, TRUE);
    }
  return out;
}

/* ------------------------------------------------------------------ XLSX */

static gboolean
xlsx_cell (lxw_worksheet *ws,
           lxw_row_t      r,
           lxw_col_t      c,
           const char    *text,
           gboolean       money,
           lxw_format    *format,
           lxw_format    *money_format,
           const char    *path,
           GError       **error)
{
  g_autofree char *safe = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (money)
    return !_tidu_sheet_xlsx_failed (worksheet_write_number (ws, r, c, (double) g_ascii_strtoll (text, NULL, 10),
                                                 money_format), path, error);
  safe = tidu_export_neutralize (text);
  return !_tidu_sheet_xlsx_failed (worksheet_write_string (ws, r, c, safe, format), path, error);
}

static gboolean
sheet_to_xlsx (const TiduSubsidySheet *sheet,
               const char             *tmp_path,
               const char             *path,
               GError                **error)
{
  g_autofree char *tmpdir = g_path_get_dirname (tmp_path);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir };
  lxw_workbook *workbook = workbook_new_opt (tmp_path, &options);
  lxw_worksheet *ws;
  lxw_format *bold, *money, *bold_money, *title_format;
  double widths[TIDU_SHEET_N_COLUMNS];
  gboolean ok = FALSE;
  lxw_row_t r = 0;
  lxw_error rc;

  if (workbook == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }
  ws = workbook_add_worksheet (workbook, _("Budget"));
  title_format = workbook_add_format (workbook);
  format_set_bold (title_format);
  format_set_font_size (title_format, 14);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  money = workbook_add_format (workbook);
  format_set_num_format (money, "#,##0");
  bold_money = workbook_add_format (workbook);
  format_set_bold (bold_money);
  format_set_num_format (bold_money, "#,##0");

  for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
    widths[c] = _tidu_sheet_text_width (sheet->headers[c]) + 2;
  for (guint i = 0; i < sheet->rows->len && i < 200; i++)
    {
      TiduSheetRow *row = g_ptr_array_index (sheet->rows, i);

      for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
        widths[c] = MAX (widths[c], _tidu_sheet_text_width (row->cells[c]) + 1);
    }
  for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
    if (_tidu_sheet_xlsx_failed (worksheet_set_column (ws, c, c, MIN (widths[c], c == TIDU_SHEET_COLUMN_EXPLANATION ? 80 : 40), NULL),
                     path, error))
      goto out;
  worksheet_freeze_panes (ws, 3, 0);

  if (!xlsx_cell (ws, r++, 0, sheet->title, FALSE, title_format, NULL, path, error)
      || !xlsx_cell (ws, r++, 0, sheet->subtitle, FALSE, NULL, NULL, path, error))
    goto out;
  for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
    if (!xlsx_cell (ws, r, c, sheet->headers[c], FALSE, bold, NULL, path, error))
      goto out;
  r++;
  for (guint i = 0; i < sheet->rows->len; i++, r++)
    {
      TiduSheetRow *row = g_ptr_array_index (sheet->rows, i);

      if (r >= LXW_ROW_MAX)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("The sheet has more rows than an XLSX sheet can hold; export it as CSV."));
          goto out;
        }
      for (guint c = 0; c < TIDU_SHEET_N_COLUMNS; c++)
        if (!xlsx_cell (ws, r, c, row->cells[c], tidu_subsidy_sheet_column_is_money (c),
                        row->total ? bold : NULL, row->total ? bold_money : money, path, error))
          goto out;
    }
  ok = TRUE;

out:
  rc = workbook_close (workbook);
  if (ok && _tidu_sheet_xlsx_failed (rc, path, error))
    ok = FALSE;
  return ok;
}

/* ------------------------------------------------------------------ entry point */

gboolean
tidu_subsidy_sheet_write (const TiduSubsidySheet *sheet,
                          const char             *path,
                          TiduExportFormat        format,
                          GError                **error)
{
  g_autofree char *tmp_path = NULL;
  gboolean ok;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == TIDU_EXPORT_CSV)
    {
      g_autoptr(GString) text = sheet_to_csv (sheet);
      g_autoptr(GError) local_error = NULL;

      /* g_file_set_contents writes a temporary file and renames it. */
      if (!g_file_set_contents (path, text->str, (gssize) text->len, &local_error))
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path,
                       local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  tmp_path = g_strdup_printf ("%s.%u.tmp", path, g_random_int ());
  ok = sheet_to_xlsx (sheet, tmp_path, path, error);
  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp_path);
  return ok;
}
