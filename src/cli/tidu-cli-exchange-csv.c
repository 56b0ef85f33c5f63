/* tidu-cli-exchange-csv.c: tidu-cli import and tidu-cli export: CSV in, CSV or XLSX out.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tidu-cli.h"
#include "tidu-core.h"

static int
usage_error (const char *message)
{
  g_printerr ("tidu-cli: %s\n", message);
  return 2;
}

static void
show_progress (double   fraction,
               gpointer user_data)
{
  g_printerr ("\r%3d %%", (int) (fraction * 100.0 + 0.5));
  if (fraction >= 1.0)
    g_printerr ("\r      \r");
}

static char *
describe_import_kinds (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < TIDU_N_IMPORT_KINDS; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", tidu_import_kind_to_string (i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
delimiter_name (gunichar delimiter)
{
  switch (delimiter)
    {
    case '\t':
      return _("tab");
    case ';':
      return _("semicolon");
    case TIDU_CSV_FULLWIDTH_COMMA:
      return _("full-width comma");
    case ',':
    default:
      return _("comma");
    }
}

static gboolean
parse_delimiter (const char *text,
                 gunichar   *delimiter)
{
  if (g_strcmp0 (text, "comma") == 0 || g_strcmp0 (text, ",") == 0)
    *delimiter = ',';
  else if (g_strcmp0 (text, "tab") == 0 || g_strcmp0 (text, "\t") == 0)
    *delimiter = '\t';
  else if (g_strcmp0 (text, "semicolon") == 0 || g_strcmp0 (text, ";") == 0)
    *delimiter = ';';
  else if (g_strcmp0 (text, "fullwidth") == 0 || g_strcmp0 (text, "，") == 0)
    *delimiter = TIDU_CSV_FULLWIDTH_COMMA;
  else
    return FALSE;
  return TRUE;
}

/* --map COLUMN=FIELD: COLUMN is the header as in the file or its 1-based number; FIELD a
 * field id or "-" to leave the column out. */
static gboolean
apply_mapping (TiduImport  *import,
               const char  *spec,
               GError     **error)
{
  const char *eq = strrchr (spec, '=');
  g_autofree char *column_text = NULL;
  const char *field;
  guint64 number = 0;
  int column = -1;

  if (eq == NULL || eq == spec)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--map takes COLUMN=FIELD, not “%s”"), spec);
      return FALSE;
    }
  column_text = g_strndup (spec, eq - spec);
  field = eq + 1;
  for (guint c = 0; c < tidu_import_get_n_columns (import) && column < 0; c++)
    if (g_strcmp0 (tidu_import_get_header (import, c), column_text) == 0)
      column = (int) c;
  if (column < 0 && g_ascii_string_to_unsigned (column_text, 10, 1,
                                                  tidu_import_get_n_columns (import), &number,
                                                  NULL))
    column = (int) number - 1;
  if (column < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("The file has no column “%s”"), column_text);
      return FALSE;
    }
  return tidu_import_set_mapping (import, (guint) column,
                                  g_strcmp0 (field, "-") == 0 || *field == '\0' ? NULL : field,
                                  error);
}

static void
print_report (TiduImport             *import,
              const TiduImportReport *report)
{
  g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_rows);
  g_autofree char *created = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_created);
  g_autofree char *updated = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_updated);
  g_autofree char *unchanged = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_unchanged);
  g_autofree char *bad = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_bad);
  g_autofree char *duplicates = g_strdup_printf ("%" G_GUINT64_FORMAT, report->n_duplicates);

  /* Translators: the encoding (UTF-8, GB18030) and the delimiter's name */
  g_print (_("Encoding: %s; delimiter: %s\n"), tidu_csv_encoding_to_string (report->encoding),
           delimiter_name (tidu_import_get_delimiter (import)));
  for (guint c = 0; c < tidu_import_get_n_columns (import); c++)
    {
      const char *field_id = tidu_import_get_mapping (import, c);
      const TiduImportField *field = field_id != NULL
                                     ? tidu_import_find_field (tidu_import_get_kind (import), field_id)
                                     : NULL;

      /* Translators: a column's header in the file, and the field it goes into */
      g_print (_("  “%s” → %s\n"), tidu_import_get_header (import, c),
               field != NULL ? field->title : _("(left out)"));
    }

  for (guint i = 0; i < report->issues->len; i++)
    {
      const TiduImportIssue *issue = g_ptr_array_index (report->issues, i);
      g_autofree char *row = g_strdup_printf ("%" G_GUINT64_FORMAT, issue->row);
      const char *severity = issue->warning ? _("warning") : _("error");

      if (issue->row == 0)
        g_print ("%s: %s\n", severity, issue->message);
      else if (issue->column != NULL)
        /* Translators: severity, row number, column header, message */
        g_print (_("%s: row %s, column “%s”: %s\n"), severity, row, issue->column, issue->message);
      else
        /* Translators: severity, row number, message */
        g_print (_("%s: row %s: %s\n"), severity, row, issue->message);
    }

  for (guint i = 0; i < report->created_names->len; i++)
    {
      const TiduImportCreatedName *name = g_ptr_array_index (report->created_names, i);
      const char *what = g_str_equal (name->what, "region") ? _("region")
                         : g_str_equal (name->what, "carrier") ? _("carrier") : _("industry");

      /* Translators: "new region: 京口区" */
      g_print (_("new %s: %s\n"), what, name->name);
    }

  /* Translators: counts of rows read, created, updated, unchanged, bad and repeated */
  g_print (_("Rows: %s; created: %s; updated: %s; unchanged: %s; bad: %s (repeated: %s)\n"),
           rows, created, updated, unchanged, bad, duplicates);
  if (report->dry_run)
    g_print (_("Dry run: nothing was saved.\n"));
  else if (!report->committed)
    g_print (_("Nothing was imported, because some rows are bad. Fix them, or import with "
               "--skip-bad-rows to leave them out.\n"));
  else if (report->n_bad > 0)
    g_print (_("Imported; the bad rows were left out.\n"));
  else
    g_print (_("Imported.\n"));
}

int
tidu_cli_import (const char  *database,
                 int          argc,
                 char       **argv)
{
  gboolean dry_run = FALSE;
  gboolean skip_bad_rows = FALSE;
  gboolean json = FALSE;
  gboolean quiet = FALSE;
  g_autofree char *encoding_text = NULL;
  g_autofree char *delimiter_text = NULL;
  g_auto(GStrv) maps = NULL;
  g_auto(GStrv) remaining = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check every row and report, but save nothing"), NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows, N_("Import the good rows and report the bad ones (default: all or nothing)"), NULL },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding_text, N_("The file’s encoding instead of detecting it: utf-8, gb18030"), N_("ENCODING") },
    { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &delimiter_text, N_("The delimiter instead of detecting it: comma, tab, semicolon, fullwidth"), N_("NAME") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_("Import a column into a field, or leave it out with “-” (repeatable)"), N_("COLUMN=FIELD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not show progress"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, N_("KIND FILE") },
    { NULL }
  };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduImport) import = NULL;
  g_autoptr(TiduImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  TiduCsvEncoding encoding = TIDU_CSV_ENCODING_AUTO;
  gunichar delimiter = 0;
  TiduImportKind kind;
  gboolean show = FALSE;

  if (!tidu_cli_parse_command_options ("import", entries, &argc, &argv, &error))
    return usage_error (error->message);

  if (remaining == NULL || remaining[0] == NULL || remaining[1] == NULL)
    {
      g_autofree char *known = describe_import_kinds ();
      g_autofree char *message = g_strdup_printf (_("Say what to import and from which file: "
                                                    "tidu-cli import KIND FILE, KIND one of %s"),
                                                  known);
      return usage_error (message);
    }
  if (remaining[2] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), remaining[2]);
      return usage_error (message);
    }
  if (!tidu_import_kind_from_string (remaining[0], &kind))
    {
      g_autofree char *known = describe_import_kinds ();
      g_autofree char *message = g_strdup_printf (_("Unknown kind “%s”; choose one of %s"),
                                                  remaining[0], known);
      return usage_error (message);
    }
  if (encoding_text != NULL && !tidu_csv_encoding_from_string (encoding_text, &encoding))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown encoding “%s”; choose utf-8 or gb18030"),
                                                  encoding_text);
      return usage_error (message);
    }
  if (delimiter_text != NULL && !parse_delimiter (delimiter_text, &delimiter))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown delimiter “%s”; choose comma, tab, semicolon or fullwidth"),
                                                  delimiter_text);
      return usage_error (message);
    }

  import = tidu_import_new (kind, remaining[1], encoding, delimiter, NULL, &error);
  if (import == NULL)
    return usage_error (error->message);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!apply_mapping (import, maps[i], &error))
      return usage_error (error->message);
  if (!tidu_import_check_mapping (import, &error))
    return usage_error (error->message);
  tidu_import_set_mode (import, skip_bad_rows ? TIDU_IMPORT_SKIP_BAD_ROWS : TIDU_IMPORT_ALL_OR_NOTHING);

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 1;
    }

  show = !quiet && !json && isatty (STDERR_FILENO);
  report = tidu_import_run (import, db, dry_run, show ? show_progress : NULL, NULL, NULL, &error);
  if (show)
    g_printerr ("\r      \r");
  if (report == NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return g_error_matches (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT) ? 2 : 1;
    }

  if (json)
    {
      g_autofree char *text = tidu_import_report_to_json (report);

      tidu_cli_print_json (text);
    }
  else
    print_report (import, report);

  /* Bad rows that stopped the import, or that a dry run found, are a failure. */
  if (report->n_bad > 0 && (dry_run || !report->committed))
    return 1;
  return 0;
}

int
tidu_cli_export (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autofree char *search = NULL;
  g_auto(GStrv) filters = NULL;
  g_autofree char *sort = NULL;
  g_auto(GStrv) remaining = NULL;
  gboolean trash = FALSE;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Export only records matching the text"), N_("TEXT") },
    { "filter", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &filters, N_("Export only records whose field has the value (repeatable)"), N_("FIELD=VALUE") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_("Sort by a column, descending with “:desc”"), N_("COLUMN[:desc]") },
    { "trash", 0, 0, G_OPTION_ARG_NONE, &trash, N_("Export the records in the trash"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not show progress"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, N_("KIND FILE.csv|FILE.xlsx") },
    { NULL }
  };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduListQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  TiduExportFormat format;
  TiduListKind kind;
  guint64 n_rows = 0;
  gboolean show;

  if (!tidu_cli_parse_command_options ("export", entries, &argc, &argv, &error))
    return usage_error (error->message);
  if (remaining == NULL || remaining[0] == NULL || remaining[1] == NULL)
    return usage_error (_("Say what to export and to which file: "
                          "tidu-cli export firms|carriers|talents|plans FILE.csv|FILE.xlsx"));
  if (remaining[2] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), remaining[2]);
      return usage_error (message);
    }
  if (!tidu_list_kind_from_string (remaining[0], &kind))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown list “%s”; choose one of %s"),
                                                  remaining[0], "firms, carriers, talents, plans");
      return usage_error (message);
    }
  if (!tidu_export_format_for_path (remaining[1], &format))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” does not end in .csv or .xlsx"),
                                                  remaining[1]);
      return usage_error (message);
    }

  query = tidu_list_query_new (kind);
  tidu_list_query_set_search (query, search);
  tidu_list_query_set_trash (query, trash);
  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    {
      const char *eq = strchr (filters[i], '=');
      g_autofree char *field = eq != NULL ? g_strndup (filters[i], eq - filters[i]) : NULL;

      if (field == NULL || !tidu_list_has_filter (kind, field))
        {
          g_autofree char *message = g_strdup_printf (_("Unknown filter “%s” for %s"),
                                                      filters[i], remaining[0]);
          return usage_error (message);
        }
      tidu_list_query_set_filter (query, field, eq + 1);
    }
  if (sort != NULL)
    {
      gboolean descending = g_str_has_suffix (sort, ":desc");
      g_autofree char *column = descending ? g_strndup (sort, strlen (sort) - 5) : g_strdup (sort);

      if (!tidu_list_has_column (kind, column))
        {
          g_autofree char *message = g_strdup_printf (_("Cannot sort %s by “%s”"), remaining[0], column);
          return usage_error (message);
        }
      tidu_list_query_set_sort (query, column, descending);
    }

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 1;
    }
  show = !quiet && isatty (STDERR_FILENO);
  if (!tidu_export_list (db, query, remaining[1], format, show ? show_progress : NULL, NULL,
                         NULL, &n_rows, &error))
    {
      if (show)
        g_printerr ("\r      \r");
      g_printerr ("tidu-cli: %s\n", error->message);
      return 1;
    }
  {
    g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, n_rows);
    g_autofree char *display = g_filename_display_name (remaining[1]);

    /* Translators: a number of rows, then the file name */
    g_print (_("Exported %s rows to %s\n"), count, display);
  }
  return 0;
}
