/* tidu-region-editor.c: the window that adds or edits a region of the region tree
 *
 * A region is a city (市), a district (区) under a city, or a town (镇) or park (园区) under a
 * district. Firms, carriers and talents belong to one, chosen in their own editors.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"

#include "tidu-region-editor.h"

struct _TiduRegionEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *parent_row;
  AdwEntryRow    *code_row;

  /* Owned references */
  TiduDatabase   *database;
  TiduRegion     *region;        /* as loaded, or a new one */
  GPtrArray      *regions;       /* the live regions, in tree order */
  GStrv           kind_values;
  GStrv           parent_values;
  GHashTable     *touched;

  guint           validate_source;
  gboolean        can_save;
  gboolean        load_failed;
  gboolean        suggesting;    /* the kind changes by suggest_kind (), not by the officer */
};

G_DEFINE_FINAL_TYPE (TiduRegionEditor, tidu_region_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows that show the issues of a field, by the core's field names. */
#define FIELD(name, member) TIDU_FORM_FIELD (TiduRegionEditor, name, member)

static const TiduFormField field_rows[] = {
  FIELD ("name", name_row),
  FIELD ("kind", kind_row),
  FIELD ("parent_id", parent_row),
  FIELD ("code", code_row),
};

static const TiduRegion *
find_region (TiduRegionEditor *self,
             const char       *id)
{
  for (guint i = 0; id != NULL && self->regions != NULL && i < self->regions->len; i++)
    {
      const TiduRegion *region = g_ptr_array_index (self->regions, i);

      if (g_str_equal (region->id, id))
        return region;
    }
  return NULL;
}

static TiduRegion *
build_region (TiduRegionEditor *self)
{
  TiduRegion *region = tidu_region_copy (self->region);

  g_free (region->name);
  region->name = tidu_form_get_text (self->name_row);
  g_free (region->kind);
  region->kind = g_strdup (tidu_form_get_combo_value (self->kind_row, self->kind_values));
  g_free (region->parent_id);
  region->parent_id = g_strdup (tidu_form_get_combo_value (self->parent_row, self->parent_values));
  g_free (region->code);
  region->code = tidu_form_get_text (self->code_row);
  return region;
}

static void
show_issues (TiduRegionEditor *self,
             TiduValidation   *validation)
{
  tidu_form_show_field_issues (self, field_rows, G_N_ELEMENTS (field_rows), self->touched, validation,
                               self->error_label, self->error_box);
}

/**
 * tidu_region_editor_validate:
 *
 * Checks the form now instead of after the short pause that follows typing.
 */
void
tidu_region_editor_validate (TiduRegionEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduRegion) region = NULL;

  g_return_if_fail (TIDU_IS_REGION_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->load_failed)
    {
      tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, FALSE);
      return;
    }

  region = build_region (self);
  tidu_region_validate (self->database, region, validation);
  show_issues (self, validation);

  tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, !tidu_validation_has_errors (validation));
}

/* A new region takes the kind that usually sits under its parent until the kind is chosen. */
static void
suggest_kind (TiduRegionEditor *self)
{
  const char *parent_id = tidu_form_get_combo_value (self->parent_row, self->parent_values);
  const TiduRegion *parent = find_region (self, parent_id);
  const char *kind = NULL;

  if (self->region->id != NULL || g_hash_table_contains (self->touched, "kind"))
    return;

  if (parent == NULL)
    kind = "city";
  else if (g_strcmp0 (parent->kind, "city") == 0)
    kind = "district";
  else if (g_strcmp0 (parent->kind, "district") == 0)
    kind = "town";
  if (kind != NULL)
    {
      self->suggesting = TRUE;
      tidu_form_set_combo_value (self->kind_row, self->kind_values, kind);
      self->suggesting = FALSE;
    }
}

static void
field_changed_cb (GObject    *row,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TiduRegionEditor *self = user_data;
  const char *field = g_object_get_data (row, "tidu-field");

  if (field != NULL && !self->suggesting)
    g_hash_table_add (self->touched, (gpointer) field);
  if (row == G_OBJECT (self->parent_row))
    suggest_kind (self);
  tidu_form_schedule_validate (&self->validate_source, (TiduFormValidateFunc) tidu_region_editor_validate,
                               self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduRegionEditor *self = TIDU_REGION_EDITOR (widget);
  g_autoptr(TiduRegion) region = NULL;
  g_autoptr(GError) error = NULL;

  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
  tidu_region_editor_validate (self);
  if (!self->can_save)
    return;

  region = build_region (self);
  if (!tidu_region_save (self->database, region, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The region was not saved. %s"), error->message);

      tidu_form_show_error_box (self->error_label, self->error_box, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, region->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Every live region but @self_id and the regions under it, which cannot hold it. */
static void
fill_parents (TiduRegionEditor *self,
              const char       *self_id)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);
  g_autoptr(GError) error = NULL;
  guint skip_depth = 0;
  gboolean skipping = FALSE;

  self->regions = tidu_region_list (self->database, &error);
  if (self->regions == NULL)
    g_warning ("Could not list the regions: %s", error->message);
  for (guint i = 0; self->regions != NULL && i < self->regions->len; i++)
    {
      const TiduRegion *region = g_ptr_array_index (self->regions, i);
      TiduListChoice *choice;
      g_autofree char *indent = NULL;

      /* Tree order puts a region's subregions right after it, deeper than it. */
      if (skipping && region->depth > skip_depth)
        continue;
      skipping = FALSE;
      if (self_id != NULL && g_str_equal (region->id, self_id))
        {
          skipping = TRUE;
          skip_depth = region->depth;
          continue;
        }

      indent = g_strnfill (region->depth * 2, ' ');
      choice = g_new0 (TiduListChoice, 1);
      choice->value = g_strdup (region->id);
      choice->label = g_strconcat (indent, region->name, NULL);
      g_ptr_array_add (choices, choice);
    }
  /* Translators: the parent of a region at the top of the tree */
  self->parent_values = tidu_form_fill_combo (self->parent_row, choices, _("None"));
}

static void
load (TiduRegionEditor *self,
      const char       *region_id)
{
  g_autoptr(GError) error = NULL;

  /* Translators: the kind of region before one is chosen */
  self->kind_values = tidu_form_fill_vocabulary (self->kind_row, self->database,
                                                 TIDU_VOCABULARY_REGION_KIND, _("Not chosen"));
  fill_parents (self, region_id);

  if (region_id == NULL)
    {
      self->region = tidu_region_new ();
      adw_window_title_set_title (self->window_title, _("New Region"));
      suggest_kind (self);
      return;
    }

  adw_window_title_set_title (self->window_title, _("Edit Region"));
  self->region = tidu_region_load (self->database, region_id, &error);
  if (self->region == NULL || self->region->deleted_at != NULL)
    {
      g_clear_pointer (&self->region, tidu_region_free);
      self->region = tidu_region_new ();
      self->load_failed = TRUE;
      gtk_label_set_text (self->error_label,
                          error != NULL ? error->message : _("The region was not found, or it was deleted."));
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  adw_window_title_set_subtitle (self->window_title, self->region->name);
  tidu_form_set_text (self->name_row, self->region->name);
  tidu_form_set_combo_value (self->kind_row, self->kind_values, self->region->kind);
  tidu_form_set_combo_value (self->parent_row, self->parent_values, self->region->parent_id);
  tidu_form_set_text (self->code_row, self->region->code);
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
}

static void
connect_rows (TiduRegionEditor *self)
{
  tidu_form_connect_fields (self, field_rows, G_N_ELEMENTS (field_rows), field_changed_cb);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    {
      GtkWidget *row = tidu_form_field_widget (self, &field_rows[i]);

      if (ADW_IS_ENTRY_ROW (row))
        tidu_form_save_on_activate (row, GTK_WIDGET (self));
    }
}

static void
tidu_region_editor_dispose (GObject *object)
{
  TiduRegionEditor *self = TIDU_REGION_EDITOR (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_REGION_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_region_editor_parent_class)->dispose (object);
}

static void
tidu_region_editor_finalize (GObject *object)
{
  TiduRegionEditor *self = TIDU_REGION_EDITOR (object);

  g_clear_pointer (&self->region, tidu_region_free);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->kind_values, g_strfreev);
  g_clear_pointer (&self->parent_values, g_strfreev);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (tidu_region_editor_parent_class)->finalize (object);
}

static void
tidu_region_editor_class_init (TiduRegionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_region_editor_dispose;
  object_class->finalize = tidu_region_editor_finalize;

  /**
   * TiduRegionEditor::saved:
   * @region_id: the id of the region saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-region-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduRegionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduRegionEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduRegionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduRegionEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduRegionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TiduRegionEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, TiduRegionEditor, code_row);

  tidu_form_class_add_save_action (widget_class, save_activated);
}

static void
tidu_region_editor_init (TiduRegionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * tidu_region_editor_new:
 * @region_id: (nullable): the region to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduRegionEditor *
tidu_region_editor_new (GtkWindow    *parent,
                        TiduDatabase *database,
                        const char   *region_id)
{
  TiduRegionEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = tidu_form_new_window (TIDU_TYPE_REGION_EDITOR, parent);
  self->database = g_object_ref (database);
  load (self, region_id);
  connect_rows (self);
  tidu_region_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

gboolean
tidu_region_editor_get_can_save (TiduRegionEditor *self)
{
  g_return_val_if_fail (TIDU_IS_REGION_EDITOR (self), FALSE);
  return self->can_save;
}
