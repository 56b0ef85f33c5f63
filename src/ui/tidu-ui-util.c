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

/* ------------------------------------------------------------------ places */

/* Whether @database is a received snapshot opened for browsing; %FALSE without one. */
gboolean
tidu_ui_is_read_only (TiduDatabase *database)
{
  return database != NULL && !tidu_ui_can_write (database);
}

gboolean
tidu_ui_stack_shows (GtkStack   *stack,
                     const char *name)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) == 0;
}

/**
 * tidu_ui_set_subtitle:
 * @subtitle: (inout): the place's field
 * @value: (nullable): the new subtitle
 * @pspec: the place's "subtitle" property, notified when it changes
 */
void
tidu_ui_set_subtitle (GObject     *place,
                      char       **subtitle,
                      const char  *value,
                      GParamSpec  *pspec)
{
  if (g_strcmp0 (value, *subtitle) == 0)
    return;

  g_free (*subtitle);
  *subtitle = g_strdup (value);
  g_object_notify_by_pspec (place, pspec);
}

/**
 * tidu_ui_install_place_properties:
 * @properties: the place's property array, indexed by property id
 * @prop_database: the id of "database", the database the place shows
 * @prop_read_only: the id of "read-only", %TRUE for a received snapshot opened for browsing:
 *   nothing can be added, edited or deleted
 * @prop_subtitle: the id of "subtitle", or 0 for none: what the window's header shows under
 *   the place title: the open record's name, the trash's title in the trash, or nothing
 *
 * Installs the properties every place has; the place installs its own besides.
 */
void
tidu_ui_install_place_properties (GObjectClass  *object_class,
                                  GParamSpec   **properties,
                                  guint          prop_database,
                                  guint          prop_read_only,
                                  guint          prop_subtitle)
{
  properties[prop_database] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, prop_database, properties[prop_database]);
  properties[prop_read_only] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, prop_read_only, properties[prop_read_only]);
  if (prop_subtitle == 0)
    return;
  properties[prop_subtitle] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, prop_subtitle, properties[prop_subtitle]);
}

void
tidu_ui_add_shortcut (GtkEventController *controller,
                      guint               keyval,
                      GdkModifierType     modifiers,
                      const char         *action_name)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                          gtk_named_action_new (action_name)));
}

/* A shortcut that works wherever the focus is, the sidebar included, while @place shows (a
 * managed controller runs only while its widget is mapped). */
void
tidu_ui_add_place_shortcut (GtkWidget       *place,
                            guint            keyval,
                            GdkModifierType  modifiers,
                            const char      *action_name)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  tidu_ui_add_shortcut (controller, keyval, modifiers, action_name);
  gtk_widget_add_controller (place, controller);
}

/**
 * tidu_ui_class_add_list_actions:
 * @prefix: the place's action group, such as "carriers"
 *
 * Installs PREFIX.new (Ctrl+N), PREFIX.delete (Delete, and Delete on the keypad) and
 * PREFIX.undo (Ctrl+Z) on a place with a list.
 */
void
tidu_ui_class_add_list_actions (GtkWidgetClass              *widget_class,
                                const char                  *prefix,
                                GtkWidgetActionActivateFunc  new_activated,
                                GtkWidgetActionActivateFunc  delete_activated,
                                GtkWidgetActionActivateFunc  undo_activated)
{
  g_autofree char *new = g_strconcat (prefix, ".new", NULL);
  g_autofree char *delete = g_strconcat (prefix, ".delete", NULL);
  g_autofree char *undo = g_strconcat (prefix, ".undo", NULL);

  gtk_widget_class_install_action (widget_class, new, NULL, new_activated);
  gtk_widget_class_install_action (widget_class, delete, NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, undo, NULL, undo_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, new, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, delete, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, delete, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo, NULL);
}

/**
 * tidu_ui_remember_focus:
 * @focus: (inout): a weak pointer
 *
 * Before a place opens a record's page over its list: keeps what has the focus (the
 * activated row most of the time), for tidu_ui_return_focus().
 */
void
tidu_ui_remember_focus (GtkWidget  *place,
                        GtkWidget **focus)
{
  GtkRoot *root = gtk_widget_get_root (place);

  g_set_weak_pointer (focus, root != NULL ? gtk_root_get_focus (root) : NULL);
}

/**
 * tidu_ui_return_focus:
 * @focus: (nullable): what tidu_ui_remember_focus() kept
 * @list: the list it must be in
 *
 * Returns: %TRUE when the focus went back to @focus
 */
gboolean
tidu_ui_return_focus (GtkWidget *focus,
                      GtkWidget *list)
{
  return focus != NULL && gtk_widget_is_ancestor (focus, list)
         && gtk_widget_is_drawable (focus) && gtk_widget_grab_focus (focus);
}
