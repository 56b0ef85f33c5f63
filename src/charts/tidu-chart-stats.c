/* tidu-chart-stats.c: chart data from the statistics of core.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tidu-carrier.h"
#include "tidu-chart-stats.h"
#include "tidu-region.h"

#define NO_TIER "none"

static const char *
tier_code (GPtrArray *tiers,
           guint      index)
{
  return index < tiers->len ? ((TiduVocabItem *) g_ptr_array_index (tiers, index))->code : NO_TIER;
}

static const char *
tier_label (GPtrArray *tiers,
            guint      index)
{
  return tidu_vocab_item_get_label (g_ptr_array_index (tiers, index));
}

/* Counts read "1,234 家" in Chinese and "1,234 firms" in English. */
static void
count_firms (TiduChartData *data)
{
  /* Translators: a number of firms on a chart; %s is the number with its separators */
  tidu_chart_data_set_value_format (data, _("%s firms"), 0);
}

/**
 * tidu_chart_data_from_ladder:
 * @subtitle: (nullable): e.g. tidu_chart_stats_describe_filter ()
 *
 * Returns: (transfer full): a ladder chart, one bar per tier in its tier colour
 */
TiduChartData *
tidu_chart_data_from_ladder (const TiduLadder *ladder,
                             const char       *subtitle)
{
  TiduChartData *data = tidu_chart_data_new (TIDU_CHART_LADDER, _("Firms per tier"));

  tidu_chart_data_set_subtitle (data, subtitle);
  count_firms (data);
  tidu_chart_data_set_empty_message (data, _("No firm holds a tier on this day with these filters"));
  tidu_chart_data_add_series (data, NULL, _("Firms"), TIDU_CHART_COLOR_NONE);
  for (guint t = 0; t < ladder->tiers->len; t++)
    {
      guint c = tidu_chart_data_add_category (data, tier_code (ladder->tiers, t), tier_label (ladder->tiers, t),
                                              TIDU_CHART_COLOR_TIER + (int) t);

      tidu_chart_data_set_value (data, 0, c, (double) ladder->counts[t]);
    }
  return data;
}

/* Firms holding each tier at each year end, stacked per year. */
TiduChartData *
tidu_chart_data_from_progression (const TiduProgression *progression,
                                  const char            *subtitle)
{
  TiduChartData *data = tidu_chart_data_new (TIDU_CHART_PROGRESSION, _("Firms per tier by year end"));
  guint n = progression->tiers->len;

  tidu_chart_data_set_subtitle (data, subtitle);
  count_firms (data);
  tidu_chart_data_set_empty_message (data, _("No firm held a tier in these years with these filters"));
  for (guint y = 0; y < progression->n_years; y++)
    {
      g_autofree char *year = g_strdup_printf ("%d", progression->from_year + (int) y);

      tidu_chart_data_add_category (data, year, year, TIDU_CHART_COLOR_NONE);
    }
  for (guint t = 0; t < n; t++)
    {
      guint s = tidu_chart_data_add_series (data, tier_code (progression->tiers, t),
                                            tier_label (progression->tiers, t), TIDU_CHART_COLOR_TIER + (int) t);

      for (guint y = 0; y < progression->n_years; y++)
        tidu_chart_data_set_value (data, s, y, (double) progression->held[y * n + t]);
    }
  return data;
}

/* The tier × tier matrix between two year ends, with "new" as the last row and "gone" as the
 * last column. */
TiduChartData *
tidu_chart_data_from_transitions (const TiduTransitions *transitions,
                                  const char            *subtitle)
{
  g_autofree char *title = g_strdup_printf (_("Tier changes %d → %d"), transitions->from_year, transitions->to_year);
  g_autofree char *rows = g_strdup_printf (C_("chart", "End of %d"), transitions->from_year);
  g_autofree char *columns = g_strdup_printf (C_("chart", "End of %d"), transitions->to_year);
  TiduChartData *data = tidu_chart_data_new (TIDU_CHART_TRANSITIONS, title);
  guint n = transitions->tiers->len;

  tidu_chart_data_set_subtitle (data, subtitle);
  count_firms (data);
  tidu_chart_data_set_axis_titles (data, rows, columns);
  tidu_chart_data_set_empty_message (data, _("No firm held a tier at either year end with these filters"));
  for (guint r = 0; r <= n; r++)
    tidu_chart_data_add_category (data, tier_code (transitions->tiers, r),
                                  /* Translators: the row of firms that held no tier in the first year */
                                  r < n ? tier_label (transitions->tiers, r) : _("No tier (new)"),
                                  r < n ? TIDU_CHART_COLOR_TIER + (int) r : TIDU_CHART_COLOR_NONE);
  for (guint c = 0; c <= n; c++)
    tidu_chart_data_add_series (data, tier_code (transitions->tiers, c),
                                /* Translators: the column of firms that hold no tier in the second year */
                                c < n ? tier_label (transitions->tiers, c) : _("No tier (gone)"),
                                c < n ? TIDU_CHART_COLOR_TIER + (int) c : TIDU_CHART_COLOR_NONE);
  for (guint r = 0; r <= n; r++)
    for (guint c = 0; c <= n; c++)
      tidu_chart_data_set_value (data, c, r, (double) transitions->matrix[r * (n + 1) + c]);
  return data;
}

/**
 * tidu_chart_data_from_carriers:
 * @title: (nullable): the carrier's name for one carrier, else a generic title is used
 *
 * Per year: firms in incubation at the year end, graduated and became 高企 during it; one
 * carrier's grade of the year goes under the year.
 */
TiduChartData *
tidu_chart_data_from_carriers (const TiduCarrierPerformance *performance,
                               const char                   *title,
                               const char                   *subtitle)
{
  TiduChartData *data = tidu_chart_data_new (TIDU_CHART_CARRIER, title != NULL ? title : _("Carrier performance"));

  tidu_chart_data_set_subtitle (data, subtitle);
  count_firms (data);
  tidu_chart_data_set_empty_message (data, _("No firm was in these carriers in these years"));
  tidu_chart_data_add_series (data, "incubated", C_("chart", "In incubation"), 0);
  tidu_chart_data_add_series (data, "graduated", C_("chart", "Graduated"), 1);
  tidu_chart_data_add_series (data, "became_hnte", C_("chart", "Became 高企"), 3);
  for (guint y = 0; y < performance->n_years; y++)
    {
      const TiduCarrierYearFigures *figures = &performance->years[y];
      g_autofree char *year = g_strdup_printf ("%d", figures->year);
      guint c = tidu_chart_data_add_category (data, year, year, TIDU_CHART_COLOR_NONE);

      if (figures->grade != NULL)
        for (guint g = 0; g < performance->grades->len; g++)
          {
            const TiduVocabItem *grade = g_ptr_array_index (performance->grades, g);

            if (g_strcmp0 (grade->code, figures->grade) == 0)
              tidu_chart_data_set_category_note (data, c, tidu_vocab_item_get_label (grade));
          }
      tidu_chart_data_set_value (data, 0, c, (double) figures->incubated);
      tidu_chart_data_set_value (data, 1, c, (double) figures->graduated);
      tidu_chart_data_set_value (data, 2, c, (double) figures->became_hnte);
    }
  return data;
}

/**
 * tidu_chart_data_from_targets:
 * @progress: (element-type TiduTargetProgress): from tidu_target_progress_list ()
 *
 * A bullet per target: the actual figure, the goal for @year and last year's figure.
 */
TiduChartData *
tidu_chart_data_from_targets (GPtrArray  *progress,
                              int         year,
                              const char *subtitle)
{
  g_autofree char *title = g_strdup_printf (_("Targets for %d"), year);
  TiduChartData *data = tidu_chart_data_new (TIDU_CHART_TARGETS, title);

  tidu_chart_data_set_subtitle (data, subtitle);
  tidu_chart_data_set_empty_message (data, _("No target is set for this year and region"));
  tidu_chart_data_add_series (data, "actual", C_("chart", "Actual"), 0);
  tidu_chart_data_add_series (data, "target", C_("chart", "Target"), TIDU_CHART_COLOR_NONE);
  tidu_chart_data_add_series (data, "last_year", C_("chart", "Last year"), TIDU_CHART_COLOR_NONE);
  for (guint i = 0; i < progress->len; i++)
    {
      const TiduTargetProgress *item = g_ptr_array_index (progress, i);
      TiduIndicator indicator;
      const char *label = item->title;
      guint c;

      if ((label == NULL || *label == '\0') && tidu_indicator_from_string (item->indicator, &indicator))
        label = tidu_indicator_get_label (indicator);
      c = tidu_chart_data_add_category (data, item->target_id, label != NULL ? label : item->indicator,
                                        TIDU_CHART_COLOR_NONE);
      tidu_chart_data_set_value (data, 0, c, (double) item->actual);
      tidu_chart_data_set_value (data, 1, c, item->target == TIDU_UNSET ? NAN : (double) item->target);
      tidu_chart_data_set_value (data, 2, c, item->last_year == TIDU_UNSET ? NAN : (double) item->last_year);
    }
  return data;
}

/**
 * tidu_chart_data_from_certifications:
 * @tiers: (element-type TiduVocabItem): the tiers as tidu_vocabulary_list () gives them: the
 *   main ladder by rank, then the parallel 专精特新 line by rank
 * @certifications: (element-type TiduCertification): the firm's live certifications
 * @end: (nullable): where the time axis ends, e.g. today; open-ended certificates run to it
 *
 * A lane for each tier the firm has held, a bar per certificate from its date to its last
 * valid day (the day before a revocation).
 */
TiduChartData *
tidu_chart_data_from_certifications (GPtrArray   *tiers,
                                     GPtrArray   *certifications,
                                     const char  *firm_name,
                                     const GDate *end)
{
  g_autofree char *title = firm_name != NULL
                           /* Translators: a firm's tier timeline; %s is the firm's name */
                           ? g_strdup_printf (_("%s: tier timeline"), firm_name)
                           : g_strdup (_("Tier timeline"));
  TiduChartData *data = tidu_chart_data_new (TIDU_CHART_TIMELINE, title);
  g_autofree int *lanes = g_new0 (int, tiers->len + 1);
  guint ladder_end = tiers->len;
  guint step_lanes = 0;

  tidu_chart_data_set_empty_message (data, _("This firm has no certification yet"));
  tidu_chart_data_set_range (data, NULL, end);

  /* The vocabulary lists the main ladder by rank, then the parallel line by rank: where the
   * rank falls, the parallel line starts. */
  for (guint t = 1; t < tiers->len && ladder_end == tiers->len; t++)
    if (((TiduVocabItem *) g_ptr_array_index (tiers, t))->rank
        <= ((TiduVocabItem *) g_ptr_array_index (tiers, t - 1))->rank)
      ladder_end = t;

  for (guint t = 0; t < tiers->len; t++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (tiers, t);

      if (t == ladder_end)
        step_lanes = tidu_chart_data_get_n_categories (data);
      lanes[t] = -1;
      for (guint i = 0; i < certifications->len; i++)
        {
          const TiduCertification *certification = g_ptr_array_index (certifications, i);

          if (certification->deleted_at == NULL && g_strcmp0 (certification->tier, tier->code) == 0)
            {
              lanes[t] = (int) tidu_chart_data_add_category (data, tier->code, tidu_vocab_item_get_label (tier),
                                                             TIDU_CHART_COLOR_TIER + (int) t);
              break;
            }
        }
    }

  tidu_chart_data_set_step_lanes (data, step_lanes);

  for (guint i = 0; i < certifications->len; i++)
    {
      const TiduCertification *certification = g_ptr_array_index (certifications, i);
      g_autofree char *from = NULL;
      g_autofree char *until = NULL;
      g_autofree char *text = NULL;
      GString *name;
      GDate last;
      guint t;

      if (certification->deleted_at != NULL || !g_date_valid (&certification->certified_on))
        continue;
      for (t = 0; t < tiers->len; t++)
        if (g_strcmp0 (((TiduVocabItem *) g_ptr_array_index (tiers, t))->code, certification->tier) == 0)
          break;
      if (t == tiers->len || lanes[t] < 0)
        continue;

      g_date_clear (&last, 1);
      if (g_date_valid (&certification->revoked_on))
        {
          last = certification->revoked_on;
          g_date_subtract_days (&last, 1);
        }
      if (g_date_valid (&certification->valid_until)
          && (!g_date_valid (&last) || g_date_compare (&certification->valid_until, &last) < 0))
        last = certification->valid_until;
      if (g_date_valid (&last) && g_date_compare (&last, &certification->certified_on) < 0)
        last = certification->certified_on;

      name = g_string_new (tier_label (tiers, t));
      if (certification->certificate_no != NULL && *certification->certificate_no != '\0')
        g_string_append_printf (name, " %s", certification->certificate_no);
      from = tidu_date_to_iso (&certification->certified_on);
      if (g_date_valid (&last))
        {
          until = tidu_date_to_iso (&last);
          /* Translators: a certificate, its first and last valid day */
          text = g_strdup_printf (C_("chart", "%s, %s to %s"), name->str, from, until);
        }
      else
        /* Translators: a certificate without an end, and its first day */
        text = g_strdup_printf (C_("chart", "%s, from %s"), name->str, from);
      if (g_date_valid (&certification->revoked_on))
        {
          g_autofree char *revoked = g_strdup_printf (C_("chart", "%s (revoked)"), text);

          g_free (text);
          text = g_steal_pointer (&revoked);
        }
      g_string_free (name, TRUE);
      tidu_chart_data_add_interval (data, (guint) lanes[t], &certification->certified_on,
                                    g_date_valid (&last) ? &last : NULL, certification->id, text);
    }
  return data;
}

/**
 * tidu_chart_stats_describe_filter:
 *
 * Returns: (transfer full) (nullable): the subtitle saying what a chart counts, e.g.
 *   "As of 2025-12-31 · 京口区 · 电子信息", or "2021–2025 · 京口区"; NULL for nothing
 */
char *
tidu_chart_stats_describe_filter (TiduDatabase          *db,
                                  const TiduStatsFilter *filter,
                                  TiduChartKind          kind)
{
  GString *text = g_string_new (NULL);
  GDate date;
  int from_year, to_year;

  tidu_stats_filter_resolve (filter, &date, &from_year, &to_year);
  if (kind == TIDU_CHART_LADDER || kind == TIDU_CHART_TARGETS)
    {
      g_autofree char *day = tidu_date_to_iso (&date);

      /* Translators: the day a chart's figures are taken on */
      g_string_append_printf (text, C_("chart", "As of %s"), day);
    }
  else if (kind == TIDU_CHART_TRANSITIONS)
    /* The years are in the title. */;
  else
    g_string_append_printf (text, "%d–%d", from_year, to_year);

  if (filter->region_id != NULL)
    {
      g_autoptr(TiduRegion) region = tidu_region_load (db, filter->region_id, NULL);

      if (region != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", region->name);
    }
  /* One carrier's performance chart has the carrier's name as its title already. */
  if (filter->carrier_id != NULL && kind != TIDU_CHART_CARRIER)
    {
      g_autoptr(TiduCarrier) carrier = tidu_carrier_load (db, filter->carrier_id, NULL);

      if (carrier != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", carrier->name);
    }
  if (filter->industry != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", filter->industry);
  if (filter->tech_field != NULL)
    {
      g_autoptr(GPtrArray) fields = tidu_vocabulary_list (db, TIDU_VOCABULARY_TECH_FIELD, NULL);

      for (guint i = 0; fields != NULL && i < fields->len; i++)
        {
          const TiduVocabItem *field = g_ptr_array_index (fields, i);

          if (g_strcmp0 (field->code, filter->tech_field) == 0)
            g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", tidu_vocab_item_get_label (field));
        }
    }
  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

/**
 * tidu_chart_stats_key_to_cell:
 * @kind: the chart the key came from: ladder, progression, transitions or carrier
 * @cell: (out): the number's description for tidu_stats_firm_ids ()
 * @storage: (out): owns the strings @cell points to; free it after @cell
 *
 * Returns: whether @key is a key of that chart kind
 */
gboolean
tidu_chart_stats_key_to_cell (TiduChartKind   kind,
                              const char     *key,
                              TiduStatsCell  *cell,
                              GStrv          *storage)
{
  g_auto(GStrv) parts = key != NULL ? g_strsplit (key, "|", 3) : NULL;
  guint n = parts != NULL ? g_strv_length (parts) : 0;
  gint64 year = 0;

  *cell = (TiduStatsCell) { 0 };
  *storage = NULL;

  switch (kind)
    {
    case TIDU_CHART_LADDER:
      if (n != 1 || *parts[0] == '\0')
        return FALSE;
      cell->measure = TIDU_STATS_LADDER;
      cell->tier = parts[0];
      break;
    case TIDU_CHART_PROGRESSION:
      if (n != 2 || !g_ascii_string_to_signed (parts[0], 10, 1980, 2100, &year, NULL))
        return FALSE;
      cell->measure = TIDU_STATS_HELD;
      cell->year = (int) year;
      cell->tier = parts[1];
      break;
    case TIDU_CHART_TRANSITIONS:
      if (n != 2)
        return FALSE;
      cell->measure = TIDU_STATS_TRANSITION;
      cell->tier = g_strcmp0 (parts[0], NO_TIER) == 0 ? NULL : parts[0];
      cell->to_tier = g_strcmp0 (parts[1], NO_TIER) == 0 ? NULL : parts[1];
      if (cell->tier == NULL && cell->to_tier == NULL)
        return FALSE;
      break;
    case TIDU_CHART_CARRIER:
      if (n != 2 || !g_ascii_string_to_signed (parts[0], 10, 1980, 2100, &year, NULL))
        return FALSE;
      cell->year = (int) year;
      if (strcmp (parts[1], "incubated") == 0)
        cell->measure = TIDU_STATS_INCUBATED;
      else if (strcmp (parts[1], "graduated") == 0)
        cell->measure = TIDU_STATS_GRADUATED;
      else if (strcmp (parts[1], "became_hnte") == 0)
        cell->measure = TIDU_STATS_BECAME_HNTE;
      else
        return FALSE;
      break;
    case TIDU_CHART_TIMELINE:
    case TIDU_CHART_TARGETS:
    case TIDU_N_CHART_KINDS:
    default:
      return FALSE;
    }
  *storage = g_steal_pointer (&parts);
  return TRUE;
}
