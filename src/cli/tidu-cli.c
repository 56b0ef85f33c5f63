/* tidu-cli.c: headless commands over libtidu-core, for scripts, benchmarks and tests.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "tidu-cli.h"
#include "tidu-core.h"

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (const char *database, int argc, char **argv);
} Command;

static int
fail (const GError *error)
{
  g_printerr ("tidu-cli: %s\n", error->message);
  return 1;
}

void
tidu_cli_print_json (const char *text)
{
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

gboolean
tidu_cli_parse_command_options (const char    *name,
                                GOptionEntry  *entries,
                                int           *argc,
                                char        ***argv,
                                GError       **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *program = g_strdup_printf ("tidu-cli %s", name);

  /* --help then reads "tidu-cli list [OPTION…] KIND", not "tidu-cli [OPTION…] KIND list". */
  g_set_prgname (program);
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unexpected argument “%s”"), (*argv)[1]);
      return FALSE;
    }
  return TRUE;
}

static int
run_init (const char  *database,
          int          argc,
          char       **argv)
{
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;

  if (!tidu_cli_parse_command_options ("init", NULL, &argc, &argv, &error))
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 2;
    }

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    return fail (error);

  display = g_filename_display_name (database);
  if (tidu_database_get_created (db))
    g_print (_("Created %s (database version %d)\n"), display, tidu_database_get_schema_version (db));
  else
    g_print (_("%s is ready (database version %d)\n"), display, tidu_database_get_schema_version (db));
  if (tidu_database_get_backup_path (db) != NULL)
    {
      g_autofree char *backup = g_filename_display_name (tidu_database_get_backup_path (db));

      g_print (_("A backup of the previous version was saved as %s\n"), backup);
    }
  return 0;
}

static int
run_check (const char  *database,
           int          argc,
           char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { NULL }
  };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!tidu_cli_parse_command_options ("check", entries, &argc, &argv, &error))
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 2;
    }

  /* Checking never creates a database that is not there. */
  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    return fail (error);

  report = tidu_database_check (db, &error);
  if (report == NULL)
    return fail (error);

  ok = report->integrity_ok && report->foreign_keys_ok;

  if (json)
    {
      g_autofree char *text = tidu_check_report_to_json (report);

      tidu_cli_print_json (text);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (report->path);
      g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, report->size_bytes);

      g_print (_("Database: %s\n"), display);
      g_print (_("Database version: %d\n"), report->schema_version);
      g_print (_("SQLite: %s\n"), report->sqlite_version);
      g_print (_("Size: %s bytes\n"), size);
      g_print (_("Integrity: %s\n"), report->integrity_ok ? _("ok") : report->integrity_message);
      g_print (_("Foreign keys: %s\n"), report->foreign_keys_ok ? _("ok") : _("broken references found"));
      for (guint e = 0; e < TIDU_N_ENTITIES; e++)
        {
          g_autofree char *live = g_strdup_printf ("%" G_GINT64_FORMAT, report->counts[e]);
          g_autofree char *trash = g_strdup_printf ("%" G_GINT64_FORMAT, report->deleted[e]);

          /* Translators: an entity, its live rows and the rows in the trash */
          g_print (_("%s: %s (%s in the trash)\n"), tidu_entity_get_label (e), live, trash);
        }
    }
  return ok ? 0 : 1;
}

static const Command commands[] = {
  { "init", N_("Create the database, or upgrade it to this version"), run_init },
  { "check", N_("Check the database’s integrity and count its records"), run_check },
  { "list", N_("List firms, carriers, talents or talent plans"), tidu_cli_list },
  { "sample", N_("Fill the database with a realistic sample data set"), tidu_cli_sample },
  { "chart", N_("Draw a chart of the statistics as a PNG, SVG or PDF file"), tidu_cli_chart },
  { "stats", N_("Tier ladder, progression, transitions, carriers and targets"), tidu_cli_stats },
  { "subsidy", N_("Subsidy policies, calculations, batches and the ledger"), tidu_cli_subsidy },
  { "import", N_("Import firms, carriers, talents, certifications or indicators from CSV"), tidu_cli_import },
  { "export", N_("Export a list to CSV or XLSX"), tidu_cli_export },
  { "snapshot", N_("Export a snapshot for a colleague, or inspect a received one"), tidu_cli_snapshot },
  { "merge", N_("Merge a colleague’s snapshot into the database"), tidu_cli_merge },
  { "import", N_("Import firms, carriers, talents, certifications or indicators from CSV"), tidu_cli_import },
  { "export", N_("Export a list to CSV or XLSX"), tidu_cli_export },
  { "subsidy", N_("Subsidy policies, calculations, batches and the ledger"), tidu_cli_subsidy },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-8s %s", commands[i].name, _(commands[i].summary));
  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database_option = NULL;
  g_autofree char *database = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  const char *localedir;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_option,
      N_("Database file (default: $TIDU_DATABASE, else the user data folder)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  localedir = g_getenv ("TIDU_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to it. */
  g_option_context_set_strict_posix (context, TRUE);
  description = describe_commands ();
  g_option_context_set_description (context, description);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 2;
    }

  if (version)
    {
      g_print ("tidu-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  database = tidu_database_resolve_path (database_option);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        return commands[i].run (database, argc - 1, argv + 1);
    }

  g_printerr (_("tidu-cli: unknown command “%s”\n"), argv[1]);
  g_printerr ("%s\n", description);
  return 2;
}
