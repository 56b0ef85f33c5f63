/* tidu-preferences-window.c: the Preferences window
 *
 * Besides the display settings it manages the region tree of the open database: regions are
 * few (a city, its districts, their towns and parks) and rarely change, so they live here
 * rather than on a page of the main window.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-core.h"
#include "tidu-form-util.h"
#include "tidu-region-editor.h"
#include "tidu-undo.h"

#include "tidu-preferences-window.h"

struct _TiduPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *unit_row;
  AdwComboRow          *default_region_row;
  AdwEntryRow          *region_row;
  AdwEntryRow          *officer_row;
  GtkListBox           *regions_list;

  /* Owned references */
  GSettings            *settings;
  TiduDatabase         *database;
  GPtrArray            *regions;             /* the live regions, in tree order */
  GHashTable           *kind_labels;         /* region kind code → label */
  GStrv                 default_region_names; /* per entry of default_region_row, "" for none */

  gboolean              filling_default_region;
};

G_DEFINE_FINAL_TYPE (TiduPreferencesWindow, tidu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The display-unit nicks of the schema, in the order of TiduMoneyUnit and of the combo row. */
static const char * const unit_nicks[] = {
  [TIDU_MONEY_UNIT_YUAN] = "yuan",
  [TIDU_MONEY_UNIT_THOUSAND_YUAN] = "thousand-yuan",
  [TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN] = "ten-thousand-yuan",
};

static gboolean
unit_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (unit_nicks); i++)
    {
      if (g_str_equal (nick, unit_nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
unit_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (unit_nicks))
    return NULL;

  return g_variant_new_string (unit_nicks[selected]);
}


/* ------------------------------------------------------------------ regions */

static const TiduRegion *
find_region (TiduPreferencesWindow *self,
             const char            *id)
{
  for (guint i = 0; id != NULL && self->regions != NULL && i < self->regions->len; i++)
    {
      const TiduRegion *region = g_ptr_array_index (self->regions, i);

      if (g_str_equal (region->id, id))
        return region;
    }
  return NULL;
}

static void
load_kind_labels (TiduPreferencesWindow *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->kind_labels, g_hash_table_unref);
  self->kind_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (self->database == NULL)
    return;
  items = tidu_vocabulary_list (self->database, TIDU_VOCABULARY_REGION_KIND, &error);
  if (items == NULL)
    g_warning ("Could not list the kinds of region: %s", error->message);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (self->kind_labels, g_strdup (item->code),
                           g_strdup (tidu_vocab_item_get_label (item)));
    }
}

static GtkWidget *
new_placeholder_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
new_row_button (const char *icon_name,
                const char *tooltip,
                const char *action_name,
                const char *region_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", region_id);
  return button;
}

static GtkWidget *
new_region_row (TiduPreferencesWindow *self,
                const TiduRegion      *region)
{
  GtkWidget *row = adw_action_row_new ();
  const char *kind = g_hash_table_lookup (self->kind_labels, region->kind);
  g_autofree char *subtitle = NULL;

  if (kind == NULL)
    kind = region->kind;
  if (region->code != NULL && region->code[0] != '\0')
    /* Translators: the kind of a region and its GB/T 2260 code, such as “District · 321012” */
    subtitle = g_strdup_printf (_("%s · %s"), kind, region->code);
  else
    subtitle = g_strdup (kind);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), region->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  /* Subregions sit indented under their parent, one step per level. */
  if (region->depth > 0)
    {
      GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (indent, (int) region->depth * 24, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_row_button ("document-edit-symbolic", _("Edit"), "regions.edit", region->id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_row_button ("user-trash-symbolic", _("Delete"), "regions.delete", region->id));
  g_object_set_data_full (G_OBJECT (row), "tidu-region-id", g_strdup (region->id), g_free);
  return row;
}

static void
fill_region_list (TiduPreferencesWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->regions_list))) != NULL)
    gtk_list_box_remove (self->regions_list, child);

  if (self->database == NULL)
    {
      gtk_list_box_append (self->regions_list, new_placeholder_row (_("No database is open. Open one to manage its regions.")));
      return;
    }
  if (self->regions == NULL || self->regions->len == 0)
    {
      gtk_list_box_append (self->regions_list, new_placeholder_row (_("No regions yet. Add the city first, then its districts.")));
      return;
    }
  for (guint i = 0; i < self->regions->len; i++)
    gtk_list_box_append (self->regions_list, new_region_row (self, g_ptr_array_index (self->regions, i)));
}

/* The default region is kept by name, so that it still means something in another database. */
static void
fill_default_region (TiduPreferencesWindow *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *current = g_settings_get_string (self->settings, "default-region");
  guint selected = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->default_region_row), self->database != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->region_row), self->database == NULL);
  if (self->database == NULL)
    return;

  /* Translators: no default region */
  gtk_string_list_append (labels, _("None"));
  g_strv_builder_add (names, "");
  for (guint i = 0; self->regions != NULL && i < self->regions->len; i++)
    {
      const TiduRegion *region = g_ptr_array_index (self->regions, i);
      g_autofree char *indent = g_strnfill (region->depth * 2, ' ');
      g_autofree char *label = g_strconcat (indent, region->name, NULL);

      if (selected == 0 && g_str_equal (region->name, current))
        selected = g_list_model_get_n_items (G_LIST_MODEL (labels));
      gtk_string_list_append (labels, label);
      g_strv_builder_add (names, region->name);
    }
  if (current[0] != '\0' && selected == 0)
    {
      /* Translators: the default region, kept from another database, is not in this one */
      g_autofree char *label = g_strdup_printf (_("%s (not in this database)"), current);

      selected = g_list_model_get_n_items (G_LIST_MODEL (labels));
      gtk_string_list_append (labels, label);
      g_strv_builder_add (names, current);
    }

  self->filling_default_region = TRUE;
  g_clear_pointer (&self->default_region_names, g_strfreev);
  self->default_region_names = g_strv_builder_end (names);
  adw_combo_row_set_model (self->default_region_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->default_region_row, selected);
  self->filling_default_region = FALSE;
}

static void
reload_regions (TiduPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->regions, g_ptr_array_unref);
  if (self->database != NULL)
    {
      self->regions = tidu_region_list (self->database, &error);
      if (self->regions == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The regions could not be read. %s"), error->message);

          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), tidu_form_toast_new (message));
        }
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "regions.add", self->database != NULL);
  fill_region_list (self);
  fill_default_region (self);
}

static void
default_region_selected_cb (TiduPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->default_region_row);

  if (self->filling_default_region || self->default_region_names == NULL
      || selected >= g_strv_length (self->default_region_names))
    return;
  g_settings_set_string (self->settings, "default-region", self->default_region_names[selected]);
}

static void
region_saved_cb (TiduRegionEditor      *editor,
                 const char            *region_id,
                 TiduPreferencesWindow *self)
{
  const TiduRegion *before = find_region (self, region_id);
  g_autofree char *old_name = before != NULL ? g_strdup (before->name) : NULL;
  g_autofree char *current = g_settings_get_string (self->settings, "default-region");
  const TiduRegion *after;

  reload_regions (self);

  /* Renaming the default region keeps it the default. */
  after = find_region (self, region_id);
  if (old_name != NULL && after != NULL && g_str_equal (old_name, current)
      && !g_str_equal (old_name, after->name))
    {
      g_settings_set_string (self->settings, "default-region", after->name);
      fill_default_region (self);
    }
}

static void
open_editor (TiduPreferencesWindow *self,
             const char            *region_id)
{
  TiduRegionEditor *editor;

  g_return_if_fail (self->database != NULL);

  editor = tidu_region_editor_new (GTK_WINDOW (self), self->database, region_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (region_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (TIDU_PREFERENCES_WINDOW (widget), NULL);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_editor (TIDU_PREFERENCES_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static GtkWidget *
find_region_row (TiduPreferencesWindow *self,
                 const char            *region_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->regions_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "tidu-region-id"), region_id) == 0)
        return child;
    }
  return NULL;
}

static void
regions_undone (GObject *object)
{
  reload_regions (TIDU_PREFERENCES_WINDOW (object));
}

static char *
many_regions (guint n)
{
  return g_strdup_printf (ngettext ("%u region deleted", "%u regions deleted", n), n);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduPreferencesWindow *self = TIDU_PREFERENCES_WINDOW (widget);
  const char *region_id = g_variant_get_string (parameter, NULL);
  const TiduRegion *region = find_region (self, region_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (self->database != NULL);
  if (region == NULL)
    return;

  if (!tidu_region_delete (self->database, region_id, &error))
    {
      GtkWidget *row = find_region_row (self, region_id);
      g_autofree char *message = g_strdup_printf (_("“%s” was not deleted. %s"), region->name, error->message);

      /* Shown under the row, where the officer is looking, until the list next changes. */
      if (row != NULL)
        tidu_form_show_message (row, TIDU_FORM_MESSAGE_ERROR, message);
      else
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), tidu_form_toast_new (message));
      return;
    }

  /* Translators: a toast after deleting a region; the name is in quotes */
  title = g_strdup_printf (_("“%s” deleted"), region->name);
  reload_regions (self);
  tidu_undo_offer_restore (GTK_WIDGET (self), self->database, title, many_regions, tidu_region_restore,
                           region_id, G_OBJECT (self), regions_undone);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tidu_undo_run (widget);
}

/* ------------------------------------------------------------------ overrides */

static void
tidu_preferences_window_dispose (GObject *object)
{
  TiduPreferencesWindow *self = TIDU_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_preferences_window_parent_class)->dispose (object);
}

static void
tidu_preferences_window_finalize (GObject *object)
{
  TiduPreferencesWindow *self = TIDU_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->kind_labels, g_hash_table_unref);
  g_clear_pointer (&self->default_region_names, g_strfreev);

  G_OBJECT_CLASS (tidu_preferences_window_parent_class)->finalize (object);
}

static void
tidu_preferences_window_class_init (TiduPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_preferences_window_dispose;
  object_class->finalize = tidu_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduPreferencesWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPreferencesWindow, default_region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPreferencesWindow, officer_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPreferencesWindow, regions_list);
  gtk_widget_class_bind_template_callback (widget_class, default_region_selected_cb);

  gtk_widget_class_install_action (widget_class, "regions.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "regions.edit", "s", edit_activated);
  gtk_widget_class_install_action (widget_class, "regions.delete", "s", delete_activated);
  gtk_widget_class_install_action (widget_class, "regions.undo", NULL, undo_activated);
}

static void
tidu_preferences_window_init (TiduPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);

  g_settings_bind_with_mapping (self->settings, "display-unit",
                                self->unit_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                unit_get_mapping, unit_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "default-region",
                   self->region_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "officer-name",
                   self->officer_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  load_kind_labels (self);
  reload_regions (self);
}

TiduPreferencesWindow *
tidu_preferences_window_new (void)
{
  return g_object_new (TIDU_TYPE_PREFERENCES_WINDOW, NULL);
}

/**
 * tidu_preferences_window_get_database:
 *
 * Returns: (transfer none) (nullable): the database whose regions are shown
 */
TiduDatabase *
tidu_preferences_window_get_database (TiduPreferencesWindow *self)
{
  g_return_val_if_fail (TIDU_IS_PREFERENCES_WINDOW (self), NULL);
  return self->database;
}

/**
 * tidu_preferences_window_set_database:
 * @database: (nullable): the open database, or %NULL when none is open
 *
 * Shows the regions of @database, and offers them as the default region.
 */
void
tidu_preferences_window_set_database (TiduPreferencesWindow *self,
                                      TiduDatabase          *database)
{
  g_return_if_fail (TIDU_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  load_kind_labels (self);
  reload_regions (self);
}
