/* tidu-cli-chart.c: tidu-cli chart KIND --output FILE — a chart of the statistics as a PNG,
 * SVG or PDF file, drawn by the same renderer as the app.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tidu-chart.h"
#include "tidu-chart-stats.h"
#include "tidu-cli.h"
#include "tidu-core.h"

#define KINDS "ladder|progression|transitions|timeline|targets|carrier"

static int
usage_error (const char *message)
{
  g_printerr ("tidu-cli: %s\n", message);
  return 2;
}

static int
fail (const GError *error)
{
  g_printerr ("tidu-cli: %s\n", error->message);
  return g_error_matches (error, TIDU_ERROR, TIDU_ERROR_INVALID)
         || g_error_matches (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT) ? 2 : 1;
}

static gboolean
parse_int (const char  *text,
           const char  *option,
           gint64       min,
           gint64       max,
           int         *value,
           GError     **error)
{
  gint64 parsed;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, max, &parsed, NULL))
    {
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   /* Translators: an option, what was given, and the range it must be in */
                   _("%s: “%s” is not a whole number from %s to %s"), option, text, low, high);
      return FALSE;
    }
  *value = (int) parsed;
  return TRUE;
}

/* The firm by id or by 统一社会信用代码. */
static TiduFirm *
find_firm (TiduDatabase  *db,
           const char    *text,
           GError       **error)
{
  g_autoptr(GError) local = NULL;
  TiduFirm *firm = tidu_firm_load (db, text, &local);

  if (firm != NULL && firm->deleted_at == NULL)
    return firm;
  g_clear_pointer (&firm, tidu_firm_free);
  firm = tidu_firm_find_by_uscc (db, text, NULL);
  if (firm != NULL && firm->deleted_at == NULL)
    return firm;
  g_clear_pointer (&firm, tidu_firm_free);
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
               _("--firm: no firm has the id or credit code “%s”"), text);
  return NULL;
}

static TiduChartData *
timeline_data (TiduDatabase  *db,
               const char    *firm_text,
               const GDate   *end,
               GError       **error)
{
  g_autoptr(TiduFirm) firm = find_firm (db, firm_text, error);
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GPtrArray) certifications = NULL;

  if (firm == NULL)
    return NULL;
  tiers = tidu_vocabulary_list (db, TIDU_VOCABULARY_TIER, error);
  if (tiers == NULL)
    return NULL;
  certifications = tidu_firm_list_certifications (db, firm->id, error);
  if (certifications == NULL)
    return NULL;
  return tidu_chart_data_from_certifications (tiers, certifications, firm->name, end);
}

static TiduChartData *
statistics_data (TiduDatabase           *db,
                 TiduChartKind           kind,
                 const TiduStatsFilter  *filter,
                 GError                **error)
{
  g_autofree char *subtitle = tidu_chart_stats_describe_filter (db, filter, kind);

  switch (kind)
    {
    case TIDU_CHART_LADDER:
      {
        g_autoptr(TiduLadder) ladder = tidu_stats_ladder (db, filter, error);

        return ladder != NULL ? tidu_chart_data_from_ladder (ladder, subtitle) : NULL;
      }
    case TIDU_CHART_PROGRESSION:
      {
        g_autoptr(TiduProgression) progression = tidu_stats_progression (db, filter, error);

        return progression != NULL ? tidu_chart_data_from_progression (progression, subtitle) : NULL;
      }
    case TIDU_CHART_TRANSITIONS:
      {
        g_autoptr(TiduTransitions) transitions = tidu_stats_transitions (db, filter, error);

        return transitions != NULL ? tidu_chart_data_from_transitions (transitions, subtitle) : NULL;
      }
    case TIDU_CHART_CARRIER:
      {
        g_autoptr(TiduCarrierPerformance) performance = tidu_stats_carrier_performance (db, filter, error);
        g_autoptr(TiduCarrier) carrier = NULL;

        if (performance == NULL)
          return NULL;
        if (filter->carrier_id != NULL)
          carrier = tidu_carrier_load (db, filter->carrier_id, NULL);
        return tidu_chart_data_from_carriers (performance, carrier != NULL ? carrier->name : NULL, subtitle);
      }
    case TIDU_CHART_TARGETS:
      {
        g_autoptr(GPtrArray) progress = NULL;
        GDate day;
        int to_year;

        tidu_stats_filter_resolve (filter, &day, NULL, &to_year);
        if (filter->to_year == 0)
          to_year = g_date_get_year (&day);
        progress = tidu_target_progress_list (db, filter->region_id, to_year, &day, error);
        return progress != NULL ? tidu_chart_data_from_targets (progress, to_year, subtitle) : NULL;
      }
    case TIDU_CHART_TIMELINE:
    case TIDU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

int
tidu_cli_chart (const char  *database,
                int          argc,
                char       **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *region = NULL;
  g_autofree char *carrier = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *tech_field = NULL;
  g_autofree char *firm = NULL;
  g_autofree char *width_text = NULL;
  g_autofree char *height_text = NULL;
  g_auto(GStrv) remaining = NULL;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write; .png, .svg or .pdf picks the format"), N_("CHART_FILE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Draw the figures as of this day (default: today)"), N_("YYYY-MM-DD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First year of the chart (default: four years before the last)"), N_("YYYY") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last year of the chart (default: the year of the date)"), N_("YYYY") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("Chart only this region and the regions in it, by name or id"), N_("NAME_OR_ID") },
    { "carrier", 'c', 0, G_OPTION_ARG_STRING, &carrier, N_("Chart only firms that have been in this carrier (the carrier chart: only this carrier), by name or id"), N_("NAME_OR_ID") },
    { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, N_("Chart only firms of this industry"), N_("TEXT") },
    { "tech-field", 0, 0, G_OPTION_ARG_STRING, &tech_field, N_("Chart only firms of this 高新技术领域, by code or name"), N_("NAME_OR_CODE") },
    { "firm", 'f', 0, G_OPTION_ARG_STRING, &firm, N_("The firm of a timeline, by id or credit code"), N_("ID_OR_CODE") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_text, N_("Width in pixels (points for SVG and PDF; default 960)"), N_("PIXELS") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height_text, N_("Height in pixels (points for SVG and PDF; default 540)"), N_("PIXELS") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark palette"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, N_(KINDS) },
    { NULL }
  };
  g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduChartData) data = NULL;
  g_autoptr(GError) error = NULL;
  TiduChartKind kind = TIDU_N_CHART_KINDS;
  TiduChartStyle style;
  int width = 960, height = 540;

  if (!tidu_cli_parse_command_options ("chart", entries, &argc, &argv, &error))
    return usage_error (error->message);
  if (remaining != NULL && remaining[0] != NULL)
    {
      /* "carriers" as in `tidu-cli stats carriers`. */
      if (!tidu_chart_kind_from_string (remaining[0], &kind) && strcmp (remaining[0], "carriers") == 0)
        kind = TIDU_CHART_CARRIER;
    }
  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL || kind == TIDU_N_CHART_KINDS)
    {
      g_autofree char *message = NULL;

      if (remaining == NULL || remaining[0] == NULL)
        /* Translators: the list of charts follows */
        message = g_strdup_printf (_("Say which chart to draw: %s"), KINDS);
      else if (remaining[1] != NULL)
        message = g_strdup_printf (_("Unexpected argument “%s”"), remaining[1]);
      else
        message = g_strdup_printf (_("Unknown chart “%s”; choose one of %s"), remaining[0], KINDS);
      return usage_error (message);
    }
  if (output == NULL)
    return usage_error (_("Say where to write the chart with --output FILE.png, .svg or .pdf"));
  {
    g_autofree char *lower = g_ascii_strdown (output, -1);

    if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".pdf"))
      {
        g_autofree char *display = g_filename_display_name (output);
        g_autofree char *message = g_strdup_printf (_("--output: “%s” does not end in .png, .svg or .pdf"), display);

        return usage_error (message);
      }
  }
  if (kind == TIDU_CHART_TIMELINE && firm == NULL)
    return usage_error (_("A timeline is of one firm: say which with --firm ID"));
  if (kind != TIDU_CHART_TIMELINE && firm != NULL)
    return usage_error (_("--firm is for the timeline chart only"));

  if (date != NULL && !tidu_date_parse (date, &filter->date, &error))
    {
      g_autofree char *message = g_strdup_printf ("--date: %s", error->message);

      return usage_error (message);
    }
  if (!parse_int (from, "--from", 1, 9999, &filter->from_year, &error)
      || !parse_int (to, "--to", 1, 9999, &filter->to_year, &error)
      || !parse_int (width_text, "--width", 120, 8000, &width, &error)
      || !parse_int (height_text, "--height", 90, 8000, &height, &error))
    return usage_error (error->message);
  if (from != NULL && to == NULL && !g_date_valid (&filter->date))
    tidu_stats_filter_resolve (filter, NULL, NULL, &filter->to_year);
  filter->industry = g_strdup (industry);

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 1;
    }

  if (kind == TIDU_CHART_TIMELINE)
    {
      GDate end;

      tidu_stats_filter_resolve (filter, &end, NULL, NULL);
      data = timeline_data (db, firm, &end, &error);
    }
  else
    {
      if ((region != NULL && !tidu_stats_filter_set_by_name (db, filter, TIDU_STATS_FIELD_REGION, region, &error))
          || (carrier != NULL && !tidu_stats_filter_set_by_name (db, filter, TIDU_STATS_FIELD_CARRIER, carrier, &error))
          || (tech_field != NULL && !tidu_stats_filter_set_by_name (db, filter, TIDU_STATS_FIELD_TECH_FIELD, tech_field, &error)))
        return fail (error);
      if (!tidu_stats_filter_check (db, filter, &error))
        return fail (error);
      data = statistics_data (db, kind, filter, &error);
    }
  if (data == NULL)
    return fail (error);

  if (dark)
    tidu_chart_style_init_dark (&style);
  else
    tidu_chart_style_init_light (&style);
  if (!tidu_chart_write (output, &style, data, width, height, &error))
    return fail (error);
  return 0;
}
