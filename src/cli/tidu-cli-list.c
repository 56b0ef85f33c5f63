/* tidu-cli-list.c: tidu-cli list firms|carriers|talents|plans — the records lists, headless.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "tidu-cli.h"
#include "tidu-core.h"

/* Rows fetched per statement: a page as the UI would ask for it. */
#define PAGE_SIZE 200

static int
usage_error (const char *message)
{
  g_printerr ("tidu-cli: %s\n", message);
  return 2;
}

static char *
describe_kinds (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint k = 0; k < TIDU_N_LISTS; k++)
    g_string_append_printf (text, "%s%s", k > 0 ? ", " : "", tidu_list_kind_to_string (k));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_filters (TiduListKind kind)
{
  g_autofree const char **fields = tidu_list_get_filter_fields (kind);

  return g_strjoinv (", ", (char **) fields);
}

static char *
describe_columns (TiduListKind kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const TiduListColumn *columns;
  guint n_columns;

  columns = tidu_list_get_columns (kind, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", columns[i].id);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Tabs and line breaks would break the table's shape. */
static void
print_cell (const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
add_json_cell (JsonBuilder          *builder,
               const TiduListColumn *column,
               const char           *text)
{
  gint64 number;

  json_builder_set_member_name (builder, column->id);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else if (column->numeric && g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
    json_builder_add_int_value (builder, number);
  else
    json_builder_add_string_value (builder, text);
}

int
tidu_cli_list (const char  *database,
               int          argc,
               char       **argv)
{
  g_autofree char *search = NULL;
  g_auto(GStrv) filters = NULL;
  g_autofree char *sort = NULL;
  g_auto(GStrv) remaining = NULL;
  gboolean trash = FALSE;
  gboolean json = FALSE;
  int limit = -1;
  GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("Show only records matching the text"), N_("TEXT") },
    { "filter", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &filters, N_("Show only records whose field has the value (repeatable)"), N_("FIELD=VALUE") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_("Sort by a column, descending with “:desc”"), N_("COLUMN[:desc]") },
    { "trash", 0, 0, G_OPTION_ARG_NONE, &trash, N_("List the records in the trash"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Print at most N rows (the count is of all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the list as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, N_("firms|carriers|talents|plans") },
    { NULL }
  };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduListQuery) query = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GError) error = NULL;
  const TiduListColumn *columns;
  TiduListKind kind;
  guint n_columns;
  guint shown;
  g_autoptr(JsonBuilder) builder = NULL;

  if (!tidu_cli_parse_command_options ("list", entries, &argc, &argv, &error))
    return usage_error (error->message);

  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL ||
      !tidu_list_kind_from_string (remaining[0], &kind))
    {
      g_autofree char *known = describe_kinds ();
      g_autofree char *message = NULL;

      if (remaining == NULL || remaining[0] == NULL)
        /* Translators: the list of kinds follows, e.g. "firms, carriers, talents, plans" */
        message = g_strdup_printf (_("Say what to list: %s"), known);
      else if (remaining[1] != NULL)
        message = g_strdup_printf (_("Unexpected argument “%s”"), remaining[1]);
      else
        message = g_strdup_printf (_("Unknown list “%s”; choose one of %s"), remaining[0], known);
      return usage_error (message);
    }

  query = tidu_list_query_new (kind);
  tidu_list_query_set_search (query, search);
  tidu_list_query_set_trash (query, trash);

  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    {
      const char *equals = strchr (filters[i], '=');
      g_autofree char *field = NULL;

      if (equals == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a filter: write FIELD=VALUE"), filters[i]);

          return usage_error (message);
        }
      field = g_strndup (filters[i], equals - filters[i]);
      if (!tidu_list_has_filter (kind, field))
        {
          g_autofree char *known = describe_filters (kind);
          g_autofree char *message = g_strdup_printf (_("Unknown filter “%s” for %s; choose one of %s"),
                                                      field, tidu_list_kind_to_string (kind), known);

          return usage_error (message);
        }
      tidu_list_query_set_filter (query, field, equals + 1);
    }

  if (sort != NULL)
    {
      g_autofree char *column = g_strdup (sort);
      char *colon = strchr (column, ':');
      gboolean descending = FALSE;

      if (colon != NULL)
        {
          *colon = '\0';
          if (g_ascii_strcasecmp (colon + 1, "desc") == 0)
            descending = TRUE;
          else if (g_ascii_strcasecmp (colon + 1, "asc") != 0)
            {
              g_autofree char *message = g_strdup_printf (_("Unknown sort order “%s”; use asc or desc"), colon + 1);

              return usage_error (message);
            }
        }
      if (!tidu_list_has_column (kind, column))
        {
          g_autofree char *known = describe_columns (kind);
          g_autofree char *message = g_strdup_printf (_("Unknown column “%s” for %s; choose one of %s"),
                                                      column, tidu_list_kind_to_string (kind), known);

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

  rowids = tidu_list_query_run (db, query, &error);
  if (rowids == NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return g_error_matches (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT) ? 2 : 1;
    }

  columns = tidu_list_get_columns (kind, &n_columns);
  shown = (limit >= 0 && (guint) limit < rowids->len) ? (guint) limit : rowids->len;

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, tidu_list_kind_to_string (kind));
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, rowids->len);
      json_builder_set_member_name (builder, "rows");
      json_builder_begin_array (builder);
    }
  else
    {
      g_print ("%s", _("ID"));
      for (guint c = 0; c < n_columns; c++)
        g_print ("\t%s", columns[c].title);
      g_print ("\n");
    }

  for (guint start = 0; start < shown; start += PAGE_SIZE)
    {
      guint n = MIN (PAGE_SIZE, shown - start);
      g_autoptr(GPtrArray) rows = tidu_list_fetch_rows (db, query, &g_array_index (rowids, gint64, start), n, &error);

      if (rows == NULL)
        {
          g_printerr ("tidu-cli: %s\n", error->message);
          return 1;
        }
      for (guint r = 0; r < rows->len; r++)
        {
          const TiduListRow *row = g_ptr_array_index (rows, r);

          if (row->id == NULL)
            continue;
          if (json)
            {
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_string_value (builder, row->id);
              for (guint c = 0; c < n_columns; c++)
                add_json_cell (builder, &columns[c], row->cells[c]);
              json_builder_end_object (builder);
            }
          else
            {
              print_cell (row->id);
              for (guint c = 0; c < n_columns; c++)
                {
                  putchar ('\t');
                  print_cell (row->cells[c]);
                }
              putchar ('\n');
            }
        }
    }

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      tidu_cli_print_json (text);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", rowids->len);

      fflush (stdout);
      /* Translators: the number of records the list holds, shown or not */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s record\n", "%s records\n", rowids->len), count);
    }
  return 0;
}
