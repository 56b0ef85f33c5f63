/* tidu-stats-selection.c: the firms behind a clicked part of a statistics chart
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-stats-selection.h"

static const char *
tier_label (GPtrArray  *tiers,
            const char *code)
{
  if (code == NULL)
    return _("no tier");
  for (guint i = 0; tiers != NULL && i < tiers->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (tiers, i);

      if (g_strcmp0 (item->code, code) == 0)
        return tidu_vocab_item_get_label (item);
    }
  return code;
}

static gboolean
has_tier (GPtrArray  *tiers,
          const char *code)
{
  return code == NULL || tier_label (tiers, code) != code;
}

void
tidu_stats_selection_free (TiduStatsSelection *selection)
{
  if (selection == NULL)
    return;
  g_strfreev (selection->storage);
  g_free (selection->description);
  g_free (selection);
}

TiduStatsSelection *
tidu_stats_selection_from_key (const TiduDashboard *dashboard,
                               TiduChartKind        kind,
                               const char          *key)
{
  g_autoptr(TiduStatsSelection) selection = g_new0 (TiduStatsSelection, 1);
  const TiduStatsCell *cell = &selection->cell;

  g_return_val_if_fail (dashboard != NULL, NULL);

  if (!tidu_chart_stats_key_to_cell (kind, key, &selection->cell, &selection->storage))
    return NULL;

  switch (cell->measure)
    {
    case TIDU_STATS_LADDER:
      {
        g_autofree char *date = tidu_date_to_iso (&dashboard->ladder->date);

        if (!has_tier (dashboard->ladder->tiers, cell->tier))
          return NULL;
        /* Translators: which firms a list shows: a tier, then a date */
        selection->description = g_strdup_printf (_("%s on %s"), tier_label (dashboard->ladder->tiers, cell->tier), date);
      }
      break;

    case TIDU_STATS_HELD:
      if (!has_tier (dashboard->progression->tiers, cell->tier))
        return NULL;
      /* Translators: which firms a list shows: a tier, then a year */
      selection->description = g_strdup_printf (_("%s at the end of %d"),
                                                tier_label (dashboard->progression->tiers, cell->tier), cell->year);
      break;

    case TIDU_STATS_TRANSITION:
      if (!has_tier (dashboard->transitions->tiers, cell->tier)
          || !has_tier (dashboard->transitions->tiers, cell->to_tier))
        return NULL;
      /* Translators: which firms a list shows: the tier at the end of one year → the tier at
       * the end of another, e.g. "Tech-based SME (2022) → High-tech enterprise (2026)" */
      selection->description = g_strdup_printf (_("%s (%d) → %s (%d)"),
                                                tier_label (dashboard->transitions->tiers, cell->tier),
                                                dashboard->transitions->from_year,
                                                tier_label (dashboard->transitions->tiers, cell->to_tier),
                                                dashboard->transitions->to_year);
      break;

    case TIDU_STATS_INCUBATED:
      /* Translators: which firms a list shows, %d is a year */
      selection->description = g_strdup_printf (_("In incubation at the end of %d"), cell->year);
      break;

    case TIDU_STATS_GRADUATED:
      /* Translators: which firms a list shows, %d is a year */
      selection->description = g_strdup_printf (_("Graduated in %d"), cell->year);
      break;

    case TIDU_STATS_BECAME_HNTE:
      /* Translators: which firms a list shows, %d is a year */
      selection->description = g_strdup_printf (_("Became high-tech enterprises while incubated in %d"), cell->year);
      break;

    case TIDU_STATS_GAINED:
    case TIDU_STATS_LOST:
    case TIDU_STATS_EXPIRED:
    case TIDU_STATS_REVOKED:
    case TIDU_STATS_NEW_CERTIFICATIONS:
    case TIDU_STATS_CLIMB:
    case TIDU_STATS_ENTERED:
    case TIDU_STATS_LEFT:
    default:
      return NULL;
    }
  return g_steal_pointer (&selection);
}
