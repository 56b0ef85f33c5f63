/* tidu-detail-util.c: what the record detail pages share
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-detail-util.h"

/* ------------------------------------------------------------------ rows */

void
tidu_detail_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
tidu_detail_clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/**
 * tidu_detail_add_row:
 * @subtitle: (nullable): the row's second line
 *
 * Appends a plain, not activatable row; titles are text, never markup.
 *
 * Returns: (transfer none): the row, an #AdwActionRow
 */
GtkWidget *
tidu_detail_add_row (GtkListBox *list,
                     const char *title,
                     const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
  return row;
}

/**
 * tidu_detail_add_value_row:
 * @value: (nullable): the value, or %NULL for a dimmed dash
 *
 * Appends a row with a field's name on the left and its value, selectable, on the right.
 */
void
tidu_detail_add_value_row (GtkListBox *list,
                           const char *title,
                           const char *value)
{
  GtkWidget *row = tidu_detail_add_row (list, title, NULL);
  GtkWidget *label = gtk_label_new (value != NULL ? value : "—");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), value != NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  if (value == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

/* Like tidu_detail_add_value_row(), but no row at all for an unset value. */
void
tidu_detail_add_value_row_if_set (GtkListBox *list,
                                  const char *title,
                                  const char *value)
{
  if (value != NULL)
    tidu_detail_add_value_row (list, title, value);
}

/**
 * tidu_detail_new_button:
 * @target: the string the action gets
 *
 * Returns: (transfer floating): a flat icon button for @action_name, whose tooltip is also
 *   its accessible label
 */
GtkWidget *
tidu_detail_new_button (const char *icon_name,
                        const char *tooltip,
                        const char *action_name,
                        const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

/* A tidu_detail_new_button() at the end of @row, an #AdwActionRow. */
GtkWidget *
tidu_detail_add_row_button (GtkWidget  *row,
                            const char *icon_name,
                            const char *tooltip,
                            const char *action_name,
                            const char *target)
{
  GtkWidget *button = tidu_detail_new_button (icon_name, tooltip, action_name, target);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

/**
 * tidu_detail_attach_cell:
 * @text: (nullable): the cell's text, or %NULL for a dimmed dash
 * @heading: whether the cell is a column heading
 *
 * Attaches a cell of a page's table of figures: the first column on the left, the others
 * right-aligned and numeric.
 *
 * Returns: (transfer none): the cell's label, for a page's own touches
 */
GtkWidget *
tidu_detail_attach_cell (GtkGrid    *grid,
                         const char *text,
                         int         column,
                         int         row,
                         gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0 : 1.0);
  if (heading)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), column == 0 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
    }
  else
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_selectable (GTK_LABEL (label), text != NULL);
    }
  if (text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (label, column > 0);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

/* ------------------------------------------------------------------ vocabularies */

/**
 * tidu_vocab_cache_label:
 * @code: (nullable): a vocabulary code
 *
 * Returns: (nullable): the label of @code, @code itself when the vocabulary does not know
 *   it, %NULL for %NULL; owned by @cache until it is cleared
 */
const char *
tidu_vocab_cache_label (TiduVocabCache *cache,
                        TiduDatabase   *database,
                        TiduVocabulary  vocabulary,
                        const char     *code)
{
  GPtrArray *items;

  if (code == NULL)
    return NULL;
  if (cache->lists[vocabulary] == NULL && database != NULL)
    cache->lists[vocabulary] = tidu_vocabulary_list (database, vocabulary, NULL);
  items = cache->lists[vocabulary];
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->code, code))
        return tidu_vocab_item_get_label (item);
    }
  return code;
}

void
tidu_vocab_cache_clear (TiduVocabCache *cache)
{
  for (guint i = 0; i < TIDU_N_VOCABULARIES; i++)
    g_clear_pointer (&cache->lists[i], g_ptr_array_unref);
}

/* ------------------------------------------------------------------ page plumbing */

/**
 * tidu_detail_class_setup:
 * @resource: the page's template
 * @signals: (out caller-allocates): where the page's signal ids go
 *
 * Gives a detail page class its template, a vertical box layout and its signals:
 *
 * - "back-requested": the officer asked to go back to the list (the Back button, Alt+Left,
 *   Escape);
 * - "changed": the record or one of its parts was saved, deleted or restored: lists should
 *   refresh;
 * - "deleted" (a string, the record's id): the record was moved to the trash.
 */
void
tidu_detail_class_setup (GtkWidgetClass *widget_class,
                         const char     *resource,
                         guint           signals[TIDU_DETAIL_N_SIGNALS])
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  signals[TIDU_DETAIL_BACK_REQUESTED] = g_signal_new ("back-requested", type, G_SIGNAL_RUN_LAST,
                                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TIDU_DETAIL_CHANGED] = g_signal_new ("changed", type, G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[TIDU_DETAIL_DELETED] = g_signal_new ("deleted", type, G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "back-requested");
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tidu_undo_run (widget);
}

/**
 * tidu_detail_class_add_actions:
 * @prefix: the page's action group, such as "carrier"
 * @undo_name: the name of its undo action, such as "undo-delete"
 *
 * Installs PREFIX.back, PREFIX.edit, PREFIX.delete and PREFIX.UNDO_NAME with their
 * shortcuts: Alt+Left and Escape go back, Ctrl+E edits, Delete deletes, Ctrl+Z undoes.
 */
void
tidu_detail_class_add_actions (GtkWidgetClass              *widget_class,
                               const char                  *prefix,
                               const char                  *undo_name,
                               GtkWidgetActionActivateFunc  edit_activated,
                               GtkWidgetActionActivateFunc  delete_activated)
{
  g_autofree char *back = g_strconcat (prefix, ".back", NULL);
  g_autofree char *edit = g_strconcat (prefix, ".edit", NULL);
  g_autofree char *delete = g_strconcat (prefix, ".delete", NULL);
  g_autofree char *undo = g_strconcat (prefix, ".", undo_name, NULL);

  gtk_widget_class_install_action (widget_class, back, NULL, back_activated);
  gtk_widget_class_install_action (widget_class, edit, NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, delete, NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, undo, NULL, undo_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, back, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, edit, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, delete, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, undo, NULL);
}

/* For a page's init: builds the template and lays its children out top to bottom. */
void
tidu_detail_init (GtkWidget *page)
{
  gtk_widget_init_template (page);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (page)),
                                  GTK_ORIENTATION_VERTICAL);
}

/* For a page's dispose: drops the template, and its unnamed top-level children (top bar,
 * scrolled body), which are the page's own to drop. */
void
tidu_detail_dispose (GtkWidget *page,
                     GType      type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (page, type);
  while ((child = gtk_widget_get_first_child (page)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * tidu_detail_set_actions_enabled:
 * @first_action: the first of the actions, then the others, then %NULL
 *
 * Enables or disables the actions that change the record: a record in the trash, or one of
 * a received snapshot, is only browsed.
 */
void
tidu_detail_set_actions_enabled (GtkWidget  *page,
                                 gboolean    enabled,
                                 const char *first_action,
                                 ...)
{
  va_list args;

  va_start (args, first_action);
  for (const char *action = first_action; action != NULL; action = va_arg (args, const char *))
    gtk_widget_action_set_enabled (page, action, enabled);
  va_end (args);
}

/**
 * tidu_detail_action_target:
 * @parameter: (nullable): what a page's action got
 *
 * For one callback behind an "add-…" action (no target) and its "edit-…" twin (the id).
 *
 * Returns: (nullable): the id of the part to edit, %NULL to add one
 */
const char *
tidu_detail_action_target (GVariant *parameter)
{
  return parameter != NULL ? g_variant_get_string (parameter, NULL) : NULL;
}

/**
 * tidu_detail_present:
 * @window: (transfer none): an editor or dialog with a "saved" signal
 * @saved_cb: called, swapped with @page, when @window saved
 *
 * Shows an editor opened from @page, which learns when it saved for as long as both live.
 */
void
tidu_detail_present (GtkWidget *page,
                     gpointer   window,
                     GCallback  saved_cb)
{
  g_signal_connect_object (window, "saved", saved_cb, page, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * tidu_detail_trashed:
 * @id: the record just moved to the trash
 * @name: its name, for the toast
 * @undone: (scope forever): runs on @page after an Undo restored the record
 *
 * After a page moved a record to the trash: offers Undo in a toast, then emits "deleted" and
 * "changed".
 */
void
tidu_detail_trashed (GtkWidget        *page,
                     TiduDatabase     *database,
                     const char       *id,
                     const char       *name,
                     TiduUndoManyFunc  many,
                     gboolean        (*restore) (TiduDatabase *database,
                                                 const char   *id,
                                                 GError      **error),
                     TiduUndoneFunc    undone)
{
  g_autofree char *owned_id = g_strdup (id);
  /* Translators: a toast after deleting a record; the name is in quotes */
  g_autofree char *title = g_strdup_printf (_("“%s” moved to the trash"), name);

  tidu_undo_offer_restore (page, database, title, many, restore, owned_id, G_OBJECT (page), undone);
  g_signal_emit_by_name (page, "deleted", owned_id);
  g_signal_emit_by_name (page, "changed");
}
