/* tidu-ui-util.c: small helpers shared by the place pages
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-ui-util.h"

/**
 * tidu_ui_count_rows:
 * @database: (nullable): the database to count in
 * @entities: the entities to add up
 * @n_entities: the number of @entities
 *
 * Returns: the live rows of @entities together; 0 without a database or when counting fails
 */
gint64
tidu_ui_count_rows (TiduDatabase     *database,
                    const TiduEntity *entities,
                    gsize             n_entities)
{
  gint64 total = 0;

  if (database == NULL)
    return 0;

  for (gsize i = 0; i < n_entities; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 count = 0;

      if (!tidu_database_count (database, entities[i], &count, &error))
        {
          g_warning ("Could not count %s: %s", tidu_entity_to_string (entities[i]), error->message);
          continue;
        }
      total += count;
    }

  return total;
}

/**
 * tidu_ui_has_rows:
 * @database: (nullable): the database to look in
 * @entities: the entities to look at
 *
 * Returns: whether any of @entities has a live row; %FALSE without a database or on failure
 */
gboolean
tidu_ui_has_rows (TiduDatabase     *database,
                  const TiduEntity *entities,
                  gsize             n_entities)
{
  if (database == NULL)
    return FALSE;

  for (gsize i = 0; i < n_entities; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean has = FALSE;

      if (!tidu_database_has_rows (database, entities[i], &has, &error))
        {
          g_warning ("Could not look for %s: %s", tidu_entity_to_string (entities[i]), error->message);
          continue;
        }
      if (has)
        return TRUE;
    }
  return FALSE;
}

/**
 * tidu_ui_format_count:
 * @count: a number of rows
 *
 * Returns: (transfer full): @count with the locale's thousands separators
 */
char *
tidu_ui_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

/**
 * tidu_ui_stored_in_markup:
 * @database: an open database
 *
 * Returns: (transfer full): Pango markup saying which file holds @database
 */
char *
tidu_ui_stored_in_markup (TiduDatabase *database)
{
  g_autofree char *path = g_markup_escape_text (tidu_database_get_path (database), -1);

  /* Translators: %s is the path of the database file */
  return g_strdup_printf (_("Stored in %s"), path);
}

/**
 * tidu_ui_can_write:
 * @database: (nullable): the database a page shows
 *
 * Returns: %TRUE when records can be added, edited or deleted in @database: there is one, and
 *   it is not a received snapshot opened for browsing (read-only)
 */
gboolean
tidu_ui_can_write (TiduDatabase *database)
{
  return database != NULL && !tidu_database_get_read_only (database);
}

/**
 * tidu_ui_get_window:
 *
 * Returns: (nullable) (transfer none): the window @widget is in, the parent for the editors
 *   and dialogs it opens; %NULL while it is in none
 */
GtkWindow *
tidu_ui_get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Sets @date to today, local time. */
void
tidu_ui_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
