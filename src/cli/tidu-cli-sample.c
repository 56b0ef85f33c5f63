/* tidu-cli-sample.c: tidu-cli sample: fill an empty database with the sample data set.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "tidu-cli.h"
#include "tidu-core.h"

#define MAX_FIRMS 2000000

static void
show_progress (double   fraction,
               gpointer user_data)
{
  g_printerr ("\r%3d %%", (int) (fraction * 100.0 + 0.5));
  if (fraction >= 1.0)
    g_printerr ("\r      \r");
}

static gboolean
parse_number (const char  *text,
              guint64      min,
              guint64      max,
              const char  *option,
              guint64     *value,
              GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, value, &local))
    {
      g_autofree char *low = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      /* Translators: an option, the text given, the lowest and the highest number it takes */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s takes a whole number from %s to %s, not “%s”"), option, low, high, text);
      return FALSE;
    }
  return TRUE;
}

static void
print_count (const char *label,
             gint64      count)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, count);

  /* Translators: what was created and how many, e.g. "Firms: 2000" */
  g_print (_("%s: %s\n"), label, number);
}

int
tidu_cli_sample (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autofree char *firms_text = NULL;
  g_autofree char *seed_text = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "firms", 'n', 0, G_OPTION_ARG_STRING, &firms_text, N_("Number of firms (default: 2000)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text, N_("Random seed: the same seed gives the same data (default: 1)"), N_("SEED") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not show progress"), NULL },
    { NULL }
  };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  TiduSampleOptions options = { 2000, 1 };
  TiduSampleCounts counts;
  gint64 start;
  double seconds;
  guint64 value;
  gint64 rows;

  if (!tidu_cli_parse_command_options ("sample", entries, &argc, &argv, &error))
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 2;
    }
  if (firms_text != NULL)
    {
      if (!parse_number (firms_text, 1, MAX_FIRMS, "--firms", &value, &error))
        {
          g_printerr ("tidu-cli: %s\n", error->message);
          return 2;
        }
      options.n_firms = (guint) value;
    }
  if (seed_text != NULL)
    {
      if (!parse_number (seed_text, 0, G_MAXUINT32, "--seed", &value, &error))
        {
          g_printerr ("tidu-cli: %s\n", error->message);
          return 2;
        }
      options.seed = (guint32) value;
    }

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  if (!tidu_sample_generate (db, &options, NULL,
                             !quiet && isatty (STDERR_FILENO) ? show_progress : NULL, NULL,
                             &counts, &error))
    {
      if (!quiet && isatty (STDERR_FILENO))
        g_printerr ("\r      \r");
      g_printerr ("tidu-cli: %s\n", error->message);
      return 1;
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;

  display = g_filename_display_name (database);
  g_print (_("Sample data written to %s\n"), display);
  print_count (_("Regions"), counts.regions);
  print_count (_("Innovation carriers"), counts.carriers);
  print_count (_("Firms"), counts.firms);
  print_count (_("Certifications"), counts.certifications);
  print_count (_("Yearly indicators"), counts.firm_years);
  print_count (_("Stays in carriers"), counts.stays);
  print_count (_("Talents"), counts.talents);
  print_count (_("Talent awards"), counts.talent_awards);
  rows = counts.firms + counts.certifications + counts.firm_years;
  {
    g_autofree char *time_text = g_strdup_printf ("%.2f", seconds);
    g_autofree char *rate = g_strdup_printf ("%.0f", seconds > 0 ? rows / seconds : 0.0);

    /* Translators: seconds, then firm, certification and indicator rows per second */
    g_print (_("Time: %s s (%s firm, certification and indicator rows per second)\n"), time_text, rate);
  }
  return 0;
}
