/* tidu-cli-stats.c: tidu-cli stats ladder|progression|transitions|carriers|targets — the
 * Overview's numbers, headless.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tidu-cli.h"
#include "tidu-core.h"

#define KINDS "ladder|progression|transitions|carriers|targets"

static int
usage_error (const char *message)
{
  g_printerr ("tidu-cli: %s\n", message);
  return 2;
}

static gboolean
parse_year (const char  *text,
            const char  *option,
            int         *year,
            GError     **error)
{
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, 1, 9999, &value, NULL))
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   /* Translators: the option (--from, --to) and what was given */
                   _("%s: “%s” is not a year such as 2024"), option, text);
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

static const char *
tier_label (const TiduVocabItem *tier)
{
  return tidu_vocab_item_get_label (tier);
}

static char *
format_ratio (double ratio)
{
  if (isnan (ratio))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f%%", ratio * 100.0);
}

static char *
format_years (double years)
{
  if (isnan (years))
    return g_strdup ("–");
  return g_strdup_printf ("%.1f", years);
}

static char *
date_text (const GDate *date)
{
  return tidu_date_to_iso (date);
}

/* ------------------------------------------------------------------ printing */

static void
json_add_date (JsonBuilder *builder,
               const char  *name,
               const GDate *date)
{
  g_autofree char *text = date_text (date);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
json_add_tiers (JsonBuilder *builder,
                GPtrArray   *tiers)
{
  json_builder_set_member_name (builder, "tiers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tiers->len; i++)
    json_builder_add_string_value (builder, ((TiduVocabItem *) g_ptr_array_index (tiers, i))->code);
  json_builder_end_array (builder);
}

static void
print_ladder (const TiduLadder *ladder,
              JsonBuilder      *builder)
{
  if (builder != NULL)
    {
      json_add_date (builder, "date", &ladder->date);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_object (builder);
      for (guint i = 0; i < ladder->tiers->len; i++)
        {
          json_builder_set_member_name (builder, ((TiduVocabItem *) g_ptr_array_index (ladder->tiers, i))->code);
          json_builder_add_int_value (builder, ladder->counts[i]);
        }
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, ladder->total);
      json_builder_set_member_name (builder, "firms");
      json_builder_add_int_value (builder, ladder->firms);
      return;
    }
  {
    g_autofree char *day = date_text (&ladder->date);

    /* Translators: a title; %s is a date */
    g_print (_("Firms by highest tier on %s\n"), day);
  }
  g_print ("%s\t%s\n", _("Tier"), _("Firms"));
  for (guint i = 0; i < ladder->tiers->len; i++)
    g_print ("%s\t%" G_GINT64_FORMAT "\n", tier_label (g_ptr_array_index (ladder->tiers, i)), ladder->counts[i]);
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Any tier"), ladder->total);
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("All firms"), ladder->firms);
}

static void
print_year_table (const TiduProgression *progression,
                  const char            *title,
                  const char            *key,
                  const gint64          *values,
                  JsonBuilder           *builder)
{
  guint n = progression->tiers->len;

  if (builder != NULL)
    {
      json_builder_set_member_name (builder, key);
      json_builder_begin_array (builder);
      for (guint y = 0; y < progression->n_years; y++)
        {
          json_builder_begin_array (builder);
          for (guint t = 0; t < n; t++)
            json_builder_add_int_value (builder, values[y * n + t]);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      return;
    }
  g_print ("\n%s\n%s", title, _("Year"));
  for (guint t = 0; t < n; t++)
    g_print ("\t%s", tier_label (g_ptr_array_index (progression->tiers, t)));
  g_print ("\n");
  for (guint y = 0; y < progression->n_years; y++)
    {
      g_print ("%d", progression->from_year + (int) y);
      for (guint t = 0; t < n; t++)
        g_print ("\t%" G_GINT64_FORMAT, values[y * n + t]);
      g_print ("\n");
    }
}

static void
print_progression (const TiduProgression *progression,
                   JsonBuilder           *builder)
{
  if (builder != NULL)
    {
      json_builder_set_member_name (builder, "from_year");
      json_builder_add_int_value (builder, progression->from_year);
      json_builder_set_member_name (builder, "to_year");
      json_builder_add_int_value (builder, progression->to_year);
      json_add_tiers (builder, progression->tiers);
      json_builder_set_member_name (builder, "year_ends");
      json_builder_begin_array (builder);
      for (guint y = 0; y < progression->n_years; y++)
        {
          g_autofree char *day = date_text (&progression->year_ends[y]);

          json_builder_add_string_value (builder, day);
        }
      json_builder_end_array (builder);
    }
  else
    /* Translators: a title; the years follow */
    g_print (_("Tiers by year, %d to %d (each year at its end)\n"), progression->from_year, progression->to_year);
  print_year_table (progression, _("Firms holding the tier"), "held", progression->held, builder);
  print_year_table (progression, _("Gained since the year before"), "gained", progression->gained, builder);
  print_year_table (progression, _("Lost since the year before"), "lost", progression->lost, builder);
  print_year_table (progression, _("Lost by expiry"), "expired", progression->expired, builder);
  print_year_table (progression, _("Lost by revocation"), "revoked", progression->revoked, builder);
  print_year_table (progression, _("New certifications"), "new_certifications", progression->new_certifications, builder);
}

static void
print_transitions (const TiduTransitions *transitions,
                   JsonBuilder           *builder)
{
  guint n = transitions->tiers->len;

  if (builder != NULL)
    {
      json_builder_set_member_name (builder, "from_year");
      json_builder_add_int_value (builder, transitions->from_year);
      json_builder_set_member_name (builder, "to_year");
      json_builder_add_int_value (builder, transitions->to_year);
      json_add_date (builder, "from_date", &transitions->from_date);
      json_add_date (builder, "to_date", &transitions->to_date);
      json_add_tiers (builder, transitions->tiers);
      json_builder_set_member_name (builder, "matrix");
      json_builder_begin_array (builder);
      for (guint r = 0; r <= n; r++)
        {
          json_builder_begin_array (builder);
          for (guint c = 0; c <= n; c++)
            json_builder_add_int_value (builder, transitions->matrix[r * (n + 1) + c]);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "moved_up");
      json_builder_add_int_value (builder, transitions->moved_up);
      json_builder_set_member_name (builder, "stayed");
      json_builder_add_int_value (builder, transitions->stayed);
      json_builder_set_member_name (builder, "dropped");
      json_builder_add_int_value (builder, transitions->dropped);
      json_builder_set_member_name (builder, "new");
      json_builder_add_int_value (builder, transitions->new_firms);
      json_builder_set_member_name (builder, "gone");
      json_builder_add_int_value (builder, transitions->gone);
      json_builder_set_member_name (builder, "median_years_to_next");
      json_builder_begin_object (builder);
      for (guint i = 0; i + 1 < n; i++)
        {
          double years = transitions->median_years[i * n + i + 1];

          json_builder_set_member_name (builder, ((TiduVocabItem *) g_ptr_array_index (transitions->tiers, i))->code);
          if (isnan (years))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, round (years * 100.0) / 100.0);
        }
      json_builder_end_object (builder);
      return;
    }

  /* Translators: a title; the years follow */
  g_print (_("Tiers at the end of %d (rows) and of %d (columns)\n"), transitions->from_year, transitions->to_year);
  g_print ("%s", _("From \\ to"));
  for (guint c = 0; c < n; c++)
    g_print ("\t%s", tier_label (g_ptr_array_index (transitions->tiers, c)));
  g_print ("\t%s\n", _("No tier"));
  for (guint r = 0; r <= n; r++)
    {
      g_print ("%s", r < n ? tier_label (g_ptr_array_index (transitions->tiers, r)) : _("No tier"));
      for (guint c = 0; c <= n; c++)
        g_print ("\t%" G_GINT64_FORMAT, transitions->matrix[r * (n + 1) + c]);
      g_print ("\n");
    }
  g_print ("\n%s\t%" G_GINT64_FORMAT "\n", _("Moved up"), transitions->moved_up);
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Stayed"), transitions->stayed);
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Dropped"), transitions->dropped);
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("New"), transitions->new_firms);
  g_print ("%s\t%" G_GINT64_FORMAT "\n", _("Gone"), transitions->gone);
  g_print ("\n%s\n", _("Median years to the next tier"));
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *years = format_years (transitions->median_years[i * n + i + 1]);

      g_print ("%s → %s\t%s\t%" G_GINT64_FORMAT "\n", tier_label (g_ptr_array_index (transitions->tiers, i)),
               tier_label (g_ptr_array_index (transitions->tiers, i + 1)), years,
               transitions->medians_n[i * n + i + 1]);
    }
}

static void
print_carriers (const TiduCarrierPerformance *performance,
                JsonBuilder                  *builder)
{
  if (builder != NULL)
    {
      json_builder_set_member_name (builder, "carriers");
      json_builder_add_int_value (builder, performance->n_carriers);
      json_builder_set_member_name (builder, "years");
      json_builder_begin_array (builder);
      for (guint y = 0; y < performance->n_years; y++)
        {
          const TiduCarrierYearFigures *f = &performance->years[y];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, f->year);
          json_add_date (builder, "year_end", &f->year_end);
          json_builder_set_member_name (builder, "incubated");
          json_builder_add_int_value (builder, f->incubated);
          json_builder_set_member_name (builder, "entered");
          json_builder_add_int_value (builder, f->entered);
          json_builder_set_member_name (builder, "graduated");
          json_builder_add_int_value (builder, f->graduated);
          json_builder_set_member_name (builder, "left");
          json_builder_add_int_value (builder, f->left);
          json_builder_set_member_name (builder, "became_hnte");
          json_builder_add_int_value (builder, f->became_hnte);
          json_builder_set_member_name (builder, "reported_incubated");
          if (TIDU_IS_SET (f->reported_incubated))
            json_builder_add_int_value (builder, f->reported_incubated);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "reported_graduated");
          if (TIDU_IS_SET (f->reported_graduated))
            json_builder_add_int_value (builder, f->reported_graduated);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "grades");
          json_builder_begin_object (builder);
          for (guint g = 0; g < performance->grades->len; g++)
            {
              json_builder_set_member_name (builder, ((TiduVocabItem *) g_ptr_array_index (performance->grades, g))->code);
              json_builder_add_int_value (builder, f->grade_counts[g]);
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return;
    }

  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, performance->n_carriers);

    /* Translators: a title; %s is the number of carriers counted */
    g_print (_("Carrier performance (%s carriers)\n"), count);
  }
  g_print ("%s\t%s\t%s\t%s\t%s\t%s", _("Year"), _("Incubated"), _("Entered"), _("Graduated"), _("Left"),
           _("Became 高企"));
  for (guint g = 0; g < performance->grades->len; g++)
    g_print ("\t%s", tidu_vocab_item_get_label (g_ptr_array_index (performance->grades, g)));
  g_print ("\n");
  for (guint y = 0; y < performance->n_years; y++)
    {
      const TiduCarrierYearFigures *f = &performance->years[y];

      g_print ("%d\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
               "\t%" G_GINT64_FORMAT, f->year, f->incubated, f->entered, f->graduated, f->left, f->became_hnte);
      for (guint g = 0; g < performance->grades->len; g++)
        g_print ("\t%" G_GINT64_FORMAT, f->grade_counts[g]);
      g_print ("\n");
    }
}

static void
print_targets (GPtrArray   *list,
               int          year,
               JsonBuilder *builder)
{
  if (builder != NULL)
    {
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, year);
      json_builder_set_member_name (builder, "targets");
      json_builder_begin_array (builder);
    }
  else
    {
      /* Translators: a title; %d is a year */
      g_print (_("Targets for %d\n"), year);
      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("Target"), _("Indicator"), _("Parameter"), _("Goal"),
               _("Actual"), _("Progress"), _("As of"), _("A year earlier"));
    }
  for (guint i = 0; i < list->len; i++)
    {
      const TiduTargetProgress *p = g_ptr_array_index (list, i);
      TiduIndicator indicator;
      const char *label = tidu_indicator_from_string (p->indicator, &indicator)
                          ? tidu_indicator_get_label (indicator) : p->indicator;
      g_autofree char *as_of = date_text (&p->as_of);
      g_autofree char *ratio = format_ratio (p->ratio);
      g_autofree char *goal = TIDU_IS_SET (p->target) ? g_strdup_printf ("%" G_GINT64_FORMAT, p->target) : g_strdup ("–");

      if (builder != NULL)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, p->target_id);
          json_builder_set_member_name (builder, "title");
          if (p->title != NULL)
            json_builder_add_string_value (builder, p->title);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "indicator");
          json_builder_add_string_value (builder, p->indicator);
          json_builder_set_member_name (builder, "parameter");
          if (p->parameter != NULL)
            json_builder_add_string_value (builder, p->parameter);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "region_id");
          if (p->region_id != NULL)
            json_builder_add_string_value (builder, p->region_id);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "target");
          if (TIDU_IS_SET (p->target))
            json_builder_add_int_value (builder, p->target);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "actual");
          if (TIDU_IS_SET (p->actual))
            json_builder_add_int_value (builder, p->actual);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "ratio");
          if (isnan (p->ratio))
            json_builder_add_null_value (builder);
          else
            json_builder_add_double_value (builder, round (p->ratio * 10000.0) / 10000.0);
          json_add_date (builder, "as_of", &p->as_of);
          json_builder_set_member_name (builder, "last_year");
          if (TIDU_IS_SET (p->last_year))
            json_builder_add_int_value (builder, p->last_year);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *figure = TIDU_IS_SET (p->actual) ? g_strdup_printf ("%" G_GINT64_FORMAT, p->actual) : g_strdup ("–");
          g_autofree char *before = TIDU_IS_SET (p->last_year) ? g_strdup_printf ("%" G_GINT64_FORMAT, p->last_year) : g_strdup ("–");

          g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", p->title != NULL ? p->title : "", label,
                   p->parameter != NULL ? p->parameter : "", goal, figure, ratio, as_of, before);
        }
    }
  if (builder != NULL)
    json_builder_end_array (builder);
}

/* ------------------------------------------------------------------ the command */

static int
fail (GError *error)
{
  g_printerr ("tidu-cli: %s\n", error->message);
  return g_error_matches (error, TIDU_ERROR, TIDU_ERROR_INVALID)
         || g_error_matches (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT) ? 2 : 1;
}

int
tidu_cli_stats (const char  *database,
                int          argc,
                char       **argv)
{
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *region = NULL;
  g_autofree char *carrier = NULL;
  g_autofree char *industry = NULL;
  g_autofree char *tech_field = NULL;
  g_auto(GStrv) remaining = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Count as of this day (default: today)"), N_("DATE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First year (default: four years before the last)"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last year (default: the year of the date)"), N_("YEAR") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("Only this region and the regions in it, by name or id"), N_("REGION") },
    { "carrier", 'c', 0, G_OPTION_ARG_STRING, &carrier, N_("Only firms that have been in this carrier, by name or id"), N_("CARRIER") },
    { "industry", 0, 0, G_OPTION_ARG_STRING, &industry, N_("Only firms of this industry"), N_("TEXT") },
    { "tech-field", 0, 0, G_OPTION_ARG_STRING, &tech_field, N_("Only firms of this 高新技术领域, by code or name"), N_("FIELD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the figures as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &remaining, NULL, N_(KINDS) },
    { NULL }
  };
  static const char *kinds[] = { "ladder", "progression", "transitions", "carriers", "targets" };
  g_autoptr(TiduStatsFilter) filter = tidu_stats_filter_new ();
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  guint kind = G_N_ELEMENTS (kinds);

  if (!tidu_cli_parse_command_options ("stats", entries, &argc, &argv, &error))
    return usage_error (error->message);
  for (guint k = 0; remaining != NULL && remaining[0] != NULL && k < G_N_ELEMENTS (kinds); k++)
    if (strcmp (remaining[0], kinds[k]) == 0)
      kind = k;
  if (remaining == NULL || remaining[0] == NULL || remaining[1] != NULL || kind == G_N_ELEMENTS (kinds))
    {
      g_autofree char *message = NULL;

      if (remaining == NULL || remaining[0] == NULL)
        /* Translators: the list of statistics follows */
        message = g_strdup_printf (_("Say which statistic to show: %s"), KINDS);
      else if (remaining[1] != NULL)
        message = g_strdup_printf (_("Unexpected argument “%s”"), remaining[1]);
      else
        message = g_strdup_printf (_("Unknown statistic “%s”; choose one of %s"), remaining[0], KINDS);
      return usage_error (message);
    }

  if (date != NULL && !tidu_date_parse (date, &filter->date, &error))
    {
      g_autofree char *message = g_strdup_printf ("--date: %s", error->message);

      return usage_error (message);
    }
  if (!parse_year (from, "--from", &filter->from_year, &error) || !parse_year (to, "--to", &filter->to_year, &error))
    return usage_error (error->message);
  if (from != NULL && to == NULL && !g_date_valid (&filter->date))
    {
      /* --from alone: up to this year. */
      tidu_stats_filter_resolve (filter, NULL, NULL, &filter->to_year);
    }
  filter->industry = g_strdup (industry);

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 1;
    }
  if ((region != NULL && !tidu_stats_filter_set_by_name (db, filter, TIDU_STATS_FIELD_REGION, region, &error))
      || (carrier != NULL && !tidu_stats_filter_set_by_name (db, filter, TIDU_STATS_FIELD_CARRIER, carrier, &error))
      || (tech_field != NULL && !tidu_stats_filter_set_by_name (db, filter, TIDU_STATS_FIELD_TECH_FIELD, tech_field, &error)))
    return fail (error);
  if (!tidu_stats_filter_check (db, filter, &error))
    return fail (error);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "statistic");
      json_builder_add_string_value (builder, kinds[kind]);
    }

  switch (kind)
    {
    case 0:
      {
        g_autoptr(TiduLadder) ladder = tidu_stats_ladder (db, filter, &error);

        if (ladder == NULL)
          return fail (error);
        print_ladder (ladder, builder);
        break;
      }
    case 1:
      {
        g_autoptr(TiduProgression) progression = tidu_stats_progression (db, filter, &error);

        if (progression == NULL)
          return fail (error);
        print_progression (progression, builder);
        break;
      }
    case 2:
      {
        g_autoptr(TiduTransitions) transitions = tidu_stats_transitions (db, filter, &error);

        if (transitions == NULL)
          return fail (error);
        print_transitions (transitions, builder);
        break;
      }
    case 3:
      {
        g_autoptr(TiduCarrierPerformance) performance = tidu_stats_carrier_performance (db, filter, &error);

        if (performance == NULL)
          return fail (error);
        print_carriers (performance, builder);
        break;
      }
    default:
      {
        g_autoptr(GPtrArray) list = NULL;
        GDate day;

        tidu_stats_filter_resolve (filter, &day, NULL, NULL);
        list = tidu_target_progress_list (db, filter->region_id, filter->to_year != 0 ? filter->to_year : g_date_get_year (&day),
                                          &day, &error);
        if (list == NULL)
          return fail (error);
        print_targets (list, filter->to_year != 0 ? filter->to_year : g_date_get_year (&day), builder);
        break;
      }
    }

  if (builder != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      tidu_cli_print_json (text);
    }
  return 0;
}
