/* tidu-stats-charts.c: chart data from the statistics, and the firms behind a clicked part
 *
 * Keys: the ladder's categories are tier codes; the progression's parts are "YEAR|TIER"; the
 * transition matrix's cells "FROM|TO" with "none" for no tier (new firms, gone firms); the
 * carrier chart's "YEAR|MEASURE"; target bullets carry the target's id.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tidu-stats-charts.h"

#define NO_TIER "none"

const char *
tidu_stats_tier_label (GPtrArray  *tiers,
                       const char *code)
{
  for (guint i = 0; tiers != NULL && code != NULL && i < tiers->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (tiers, i);

      if (g_strcmp0 (item->code, code) == 0)
        return tidu_vocab_item_get_label (item);
    }
  return code;
}

static int
tier_index (GPtrArray  *tiers,
            const char *code)
{
  for (guint i = 0; tiers != NULL && code != NULL && i < tiers->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (tiers, i);

      if (g_strcmp0 (item->code, code) == 0)
        return (int) i;
    }
  return -1;
}

static char *
format_date (const GDate *date)
{
  return g_date_valid (date) ? tidu_date_to_iso (date) : g_strdup ("");
}

/* ------------------------------------------------------------------ charts */

TiduChartData *
tidu_stats_chart_ladder (const TiduLadder *ladder)
{
  g_autofree char *date = format_date (&ladder->date);
  g_autofree char *subtitle = NULL;
  TiduChartData *data;

  data = tidu_chart_data_new (TIDU_CHART_LADDER, _("Firms per Tier"));
  /* Translators: %s is a date such as 2026-11-23 */
  subtitle = g_strdup_printf (_("Highest valid certification on %s"), date);
  tidu_chart_data_set_subtitle (data, subtitle);
  /* Translators: a number of firms in a chart, %s is the number */
  tidu_chart_data_set_value_format (data, _("%s firms"), 0);
  tidu_chart_data_set_empty_message (data, _("No firm holds a tier on this day."));
  for (guint i = 0; i < ladder->tiers->len; i++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (ladder->tiers, i);

      tidu_chart_data_add_category (data, tier->code, tidu_vocab_item_get_label (tier),
                                    TIDU_CHART_COLOR_TIER + (int) i);
    }
  tidu_chart_data_add_series (data, NULL, _("Firms"), TIDU_CHART_COLOR_NONE);
  for (guint i = 0; i < ladder->tiers->len; i++)
    tidu_chart_data_set_value (data, 0, i, (double) ladder->counts[i]);
  if (ladder->total == 0)
    tidu_chart_data_set_value (data, 0, 0, NAN);
  return data;
}

TiduChartData *
tidu_stats_chart_progression (const TiduProgression *progression)
{
  TiduChartData *data;
  gboolean any = FALSE;
  guint n = progression->tiers->len;

  data = tidu_chart_data_new (TIDU_CHART_PROGRESSION, _("Tier Progression"));
  tidu_chart_data_set_subtitle (data, _("Firms holding each tier at the year end"));
  tidu_chart_data_set_value_format (data, _("%s firms"), 0);
  tidu_chart_data_set_empty_message (data, _("No firm held a tier in these years."));
  for (guint y = 0; y < progression->n_years; y++)
    {
      g_autofree char *year = g_strdup_printf ("%d", progression->from_year + (int) y);

      tidu_chart_data_add_category (data, year, year, TIDU_CHART_COLOR_NONE);
    }
  for (guint t = 0; t < n; t++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (progression->tiers, t);
      guint s = tidu_chart_data_add_series (data, tier->code, tidu_vocab_item_get_label (tier),
                                            TIDU_CHART_COLOR_TIER + (int) t);

      for (guint y = 0; y < progression->n_years; y++)
        {
          gint64 held = progression->held[y * n + t];

          tidu_chart_data_set_value (data, s, y, (double) held);
          any = any || held > 0;
        }
    }
  if (!any)
    {
      for (guint s = 0; s < n; s++)
        for (guint y = 0; y < progression->n_years; y++)
          tidu_chart_data_set_value (data, s, y, NAN);
    }
  return data;
}

TiduChartData *
tidu_stats_chart_transitions (const TiduTransitions *transitions)
{
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  TiduChartData *data;
  guint n = transitions->tiers->len;
  gboolean any = FALSE;

  /* Translators: the transitions chart, e.g. "Tier Changes 2022 → 2026" */
  title = g_strdup_printf (_("Tier Changes %d → %d"), transitions->from_year, transitions->to_year);
  data = tidu_chart_data_new (TIDU_CHART_TRANSITIONS, title);
  /* Translators: an axis title, %d is a year */
  from = g_strdup_printf (_("Tier at the end of %d"), transitions->from_year);
  to = g_strdup_printf (_("Tier at the end of %d"), transitions->to_year);
  tidu_chart_data_set_axis_titles (data, from, to);
  tidu_chart_data_set_value_format (data, _("%s firms"), 0);
  tidu_chart_data_set_empty_message (data, _("No firm held a tier at either year end."));

  /* Rows: no tier (new firms) first, then the ladder; columns: the ladder, then gone. */
  tidu_chart_data_add_category (data, NO_TIER, C_("transitions", "New"), TIDU_CHART_COLOR_NONE);
  for (guint t = 0; t < n; t++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (transitions->tiers, t);

      tidu_chart_data_add_category (data, tier->code, tidu_vocab_item_get_label (tier),
                                    TIDU_CHART_COLOR_TIER + (int) t);
      tidu_chart_data_add_series (data, tier->code, tidu_vocab_item_get_label (tier),
                                  TIDU_CHART_COLOR_TIER + (int) t);
    }
  tidu_chart_data_add_series (data, NO_TIER, C_("transitions", "Gone"), TIDU_CHART_COLOR_NONE);

  for (guint row = 0; row <= n; row++)
    {
      /* Matrix row n is "no tier", shown first. */
      guint category = row == n ? 0 : row + 1;

      for (guint column = 0; column <= n; column++)
        {
          gint64 value = transitions->matrix[row * (n + 1) + column];

          if (row == n && column == n)
            tidu_chart_data_set_value (data, column, category, NAN);
          else
            tidu_chart_data_set_value (data, column, category, (double) value);
          any = any || value > 0;
        }
    }
  if (!any)
    for (guint c = 0; c <= n; c++)
      for (guint s = 0; s <= n; s++)
        tidu_chart_data_set_value (data, s, c, NAN);
  return data;
}

TiduChartData *
tidu_stats_chart_targets (GPtrArray *targets,
                          int        year)
{
  g_autofree char *title = NULL;
  TiduChartData *data;

  /* Translators: %d is a year */
  title = g_strdup_printf (_("Targets %d"), year);
  data = tidu_chart_data_new (TIDU_CHART_TARGETS, title);
  tidu_chart_data_set_subtitle (data, _("Actual against the goal and the year before"));
  tidu_chart_data_set_value_format (data, "%s", 0);
  tidu_chart_data_set_empty_message (data, _("No target covers this year. Add targets with the Targets button."));
  tidu_chart_data_add_series (data, "actual", _("Actual"), 0);
  tidu_chart_data_add_series (data, "target", _("Goal"), TIDU_CHART_COLOR_NONE);
  tidu_chart_data_add_series (data, "previous", _("Last year"), TIDU_CHART_COLOR_NONE);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const TiduTargetProgress *progress = g_ptr_array_index (targets, i);
      const char *label = progress->title;
      guint c;
      TiduIndicator indicator;

      if (label == NULL || *label == '\0')
        label = tidu_indicator_from_string (progress->indicator, &indicator)
                ? tidu_indicator_get_label (indicator) : progress->indicator;
      c = tidu_chart_data_add_category (data, progress->target_id, label, TIDU_CHART_COLOR_NONE);
      tidu_chart_data_set_value (data, 0, c, (double) progress->actual);
      tidu_chart_data_set_value (data, 1, c, progress->target == TIDU_UNSET ? NAN : (double) progress->target);
      tidu_chart_data_set_value (data, 2, c, progress->last_year == TIDU_UNSET ? NAN : (double) progress->last_year);
    }
  return data;
}

TiduChartData *
tidu_stats_chart_carrier (const TiduCarrierPerformance *performance,
                          const char                   *title)
{
  g_autofree char *full_title = NULL;
  TiduChartData *data;
  gboolean any = FALSE;

  if (title != NULL)
    /* Translators: %s is a carrier's name */
    full_title = g_strdup_printf (_("%s: Performance"), title);
  data = tidu_chart_data_new (TIDU_CHART_CARRIER,
                              full_title != NULL ? full_title : _("Carrier Performance"));
  if (title == NULL)
    {
      g_autofree char *subtitle = NULL;
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, performance->n_carriers);

      /* Translators: %s is a number of carriers */
      subtitle = g_strdup_printf (_("Firms in %s carriers"), count);
      tidu_chart_data_set_subtitle (data, subtitle);
    }
  tidu_chart_data_set_value_format (data, _("%s firms"), 0);
  tidu_chart_data_set_empty_message (data, _("No firm stayed in a carrier in these years."));
  tidu_chart_data_add_series (data, "incubated", _("In incubation"), 0);
  tidu_chart_data_add_series (data, "graduated", _("Graduated"), 1);
  tidu_chart_data_add_series (data, "became_hnte", _("Became high-tech enterprise while incubated"), 3);

  for (guint y = 0; y < performance->n_years; y++)
    {
      const TiduCarrierYearFigures *figures = &performance->years[y];
      g_autofree char *year = g_strdup_printf ("%d", figures->year);
      guint c = tidu_chart_data_add_category (data, year, year, TIDU_CHART_COLOR_NONE);

      if (figures->grade != NULL)
        tidu_chart_data_set_category_note (data, c, tidu_stats_tier_label (performance->grades, figures->grade));
      tidu_chart_data_set_value (data, 0, c, (double) figures->incubated);
      tidu_chart_data_set_value (data, 1, c, (double) figures->graduated);
      tidu_chart_data_set_value (data, 2, c, (double) figures->became_hnte);
      any = any || figures->incubated > 0 || figures->graduated > 0 || figures->became_hnte > 0;
    }
  if (!any)
    for (guint c = 0; c < performance->n_years; c++)
      for (guint s = 0; s < 3; s++)
        tidu_chart_data_set_value (data, s, c, NAN);
  return data;
}

TiduChartData *
tidu_stats_chart_timeline (const char  *firm_name,
                           GPtrArray   *certifications,
                           GPtrArray   *tiers,
                           const GDate *today)
{
  g_autofree char *title = NULL;
  TiduChartData *data;

  /* Translators: %s is a firm's name */
  title = g_strdup_printf (_("%s: Tier Timeline"), firm_name != NULL ? firm_name : "");
  data = tidu_chart_data_new (TIDU_CHART_TIMELINE, title);
  tidu_chart_data_set_empty_message (data, _("This firm holds no certification yet."));
  for (guint i = 0; tiers != NULL && i < tiers->len; i++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (tiers, i);

      tidu_chart_data_add_category (data, tier->code, tidu_vocab_item_get_label (tier),
                                    TIDU_CHART_COLOR_TIER + (int) i);
    }

  for (guint i = 0; certifications != NULL && i < certifications->len; i++)
    {
      const TiduCertification *certification = g_ptr_array_index (certifications, i);
      int lane = tier_index (tiers, certification->tier);
      g_autofree char *from = format_date (&certification->certified_on);
      g_autofree char *text = NULL;
      GDate end;

      if (lane < 0 || certification->deleted_at != NULL)
        continue;

      /* The last day held: the day before a revocation, else the validity's end. */
      g_date_clear (&end, 1);
      if (g_date_valid (&certification->revoked_on))
        {
          end = certification->revoked_on;
          g_date_subtract_days (&end, 1);
        }
      else if (g_date_valid (&certification->valid_until))
        end = certification->valid_until;

      if (g_date_valid (&end))
        {
          g_autofree char *until = format_date (&end);

          /* Translators: a certification in the timeline: tier, certificate number, dates */
          text = g_strdup_printf (_("%s %s, %s – %s"), tidu_stats_tier_label (tiers, certification->tier),
                                  certification->certificate_no != NULL ? certification->certificate_no : "",
                                  from, until);
        }
      else
        /* Translators: an open-ended certification: tier, certificate number, first day */
        text = g_strdup_printf (_("%s %s, from %s"), tidu_stats_tier_label (tiers, certification->tier),
                                certification->certificate_no != NULL ? certification->certificate_no : "",
                                from);

      tidu_chart_data_add_interval (data, (guint) lane, &certification->certified_on,
                                    g_date_valid (&end) ? &end : NULL, certification->id, text);
    }
  if (today != NULL && g_date_valid (today))
    tidu_chart_data_set_range (data, NULL, today);
  return data;
}

/* ------------------------------------------------------------------ clicks */

void
tidu_stats_selection_free (TiduStatsSelection *selection)
{
  if (selection == NULL)
    return;
  g_free (selection->tier);
  g_free (selection->to_tier);
  g_free (selection->description);
  g_free (selection);
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1000, 9999, &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

static TiduStatsSelection *
selection_new (TiduStatsMeasure  measure,
               int               year,
               const char       *tier,
               const char       *to_tier)
{
  TiduStatsSelection *selection = g_new0 (TiduStatsSelection, 1);

  selection->tier = g_strcmp0 (tier, NO_TIER) == 0 ? NULL : g_strdup (tier);
  selection->to_tier = g_strcmp0 (to_tier, NO_TIER) == 0 ? NULL : g_strdup (to_tier);
  selection->cell.measure = measure;
  selection->cell.year = year;
  selection->cell.tier = selection->tier;
  selection->cell.to_tier = selection->to_tier;
  return selection;
}

TiduStatsSelection *
tidu_stats_selection_from_key (const TiduDashboard *dashboard,
                               TiduChartKind        kind,
                               const char          *key)
{
  g_auto(GStrv) parts = NULL;
  TiduStatsSelection *selection = NULL;
  int year = 0;

  g_return_val_if_fail (dashboard != NULL, NULL);

  if (key == NULL || *key == '\0')
    return NULL;
  parts = g_strsplit (key, "|", 2);

  switch (kind)
    {
    case TIDU_CHART_LADDER:
      {
        g_autofree char *date = format_date (&dashboard->ladder->date);

        if (tier_index (dashboard->ladder->tiers, parts[0]) < 0)
          return NULL;
        selection = selection_new (TIDU_STATS_LADDER, 0, parts[0], NULL);
        /* Translators: which firms a list shows: a tier, then a date */
        selection->description = g_strdup_printf (_("%s on %s"),
                                                  tidu_stats_tier_label (dashboard->ladder->tiers, parts[0]),
                                                  date);
      }
      break;

    case TIDU_CHART_PROGRESSION:
      if (parts[1] == NULL || !parse_year (parts[0], &year)
          || tier_index (dashboard->progression->tiers, parts[1]) < 0)
        return NULL;
      selection = selection_new (TIDU_STATS_HELD, year, parts[1], NULL);
      /* Translators: which firms a list shows: a tier, then a year */
      selection->description = g_strdup_printf (_("%s at the end of %d"),
                                                tidu_stats_tier_label (dashboard->progression->tiers, parts[1]),
                                                year);
      break;

    case TIDU_CHART_TRANSITIONS:
      {
        GPtrArray *tiers = dashboard->transitions->tiers;
        const char *from_label;
        const char *to_label;

        if (parts[1] == NULL
            || (g_strcmp0 (parts[0], NO_TIER) != 0 && tier_index (tiers, parts[0]) < 0)
            || (g_strcmp0 (parts[1], NO_TIER) != 0 && tier_index (tiers, parts[1]) < 0)
            || (g_str_equal (parts[0], NO_TIER) && g_str_equal (parts[1], NO_TIER)))
          return NULL;
        selection = selection_new (TIDU_STATS_TRANSITION, 0, parts[0], parts[1]);
        from_label = g_str_equal (parts[0], NO_TIER) ? _("no tier") : tidu_stats_tier_label (tiers, parts[0]);
        to_label = g_str_equal (parts[1], NO_TIER) ? _("no tier") : tidu_stats_tier_label (tiers, parts[1]);
        /* Translators: which firms a list shows: tier at the end of one year → tier at the
         * end of another, e.g. "科技型中小企业 (2022) → 高新技术企业 (2026)" */
        selection->description = g_strdup_printf (_("%s (%d) → %s (%d)"),
                                                  from_label, dashboard->transitions->from_year,
                                                  to_label, dashboard->transitions->to_year);
      }
      break;

    case TIDU_CHART_CARRIER:
      if (parts[1] == NULL || !parse_year (parts[0], &year))
        return NULL;
      if (g_str_equal (parts[1], "incubated"))
        {
          selection = selection_new (TIDU_STATS_INCUBATED, year, NULL, NULL);
          /* Translators: which firms a list shows, %d is a year */
          selection->description = g_strdup_printf (_("In incubation at the end of %d"), year);
        }
      else if (g_str_equal (parts[1], "graduated"))
        {
          selection = selection_new (TIDU_STATS_GRADUATED, year, NULL, NULL);
          /* Translators: which firms a list shows, %d is a year */
          selection->description = g_strdup_printf (_("Graduated in %d"), year);
        }
      else if (g_str_equal (parts[1], "became_hnte"))
        {
          selection = selection_new (TIDU_STATS_BECAME_HNTE, year, NULL, NULL);
          /* Translators: which firms a list shows, %d is a year */
          selection->description = g_strdup_printf (_("Became high-tech enterprises while incubated in %d"), year);
        }
      break;

    case TIDU_CHART_TARGETS:
    case TIDU_CHART_TIMELINE:
    case TIDU_N_CHART_KINDS:
    default:
      break;
    }

  return selection;
}
