/* tidu-carrier-level-editor.c: the window that adds or edits a recognition of a carrier
 *
 * A recognition is a level (省级, 国家级, …) granted on a date by a document, perhaps revoked
 * later. Saving one makes the core set the carrier's level to the highest it holds today.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"

#include "tidu-carrier-level-editor.h"

struct _TiduCarrierLevelEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *error_box;
  GtkLabel         *error_label;
  AdwComboRow      *level_row;
  AdwEntryRow      *recognized_row;
  AdwEntryRow      *document_row;
  AdwEntryRow      *revoked_row;

  /* Owned references */
  TiduDatabase     *database;
  TiduCarrierLevel *level;     /* as loaded, or a new one of the carrier */
  GStrv             level_values;
  GHashTable       *touched;

  guint             validate_source;
  gboolean          can_save;
  gboolean          load_failed;
};

G_DEFINE_FINAL_TYPE (TiduCarrierLevelEditor, tidu_carrier_level_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows that show the issues of a field, by the core's field names. */
#define FIELD(name, member) TIDU_FORM_FIELD (TiduCarrierLevelEditor, name, member)

static const TiduFormField field_rows[] = {
  FIELD ("level", level_row),
  FIELD ("recognized_on", recognized_row),
  FIELD ("document", document_row),
  FIELD ("revoked_on", revoked_row),
};

static TiduCarrierLevel *
build_level (TiduCarrierLevelEditor *self,
             TiduValidation         *validation)
{
  TiduCarrierLevel *level = tidu_carrier_level_copy (self->level);

  g_free (level->level);
  level->level = g_strdup (tidu_form_get_combo_value (self->level_row, self->level_values));
  tidu_form_read_date (self->recognized_row, "recognized_on", &level->recognized_on, validation);
  g_free (level->document);
  level->document = tidu_form_get_text (self->document_row);
  tidu_form_read_date (self->revoked_row, "revoked_on", &level->revoked_on, validation);
  return level;
}

static void
show_issues (TiduCarrierLevelEditor *self,
             TiduValidation         *validation)
{
  tidu_form_show_field_issues (self, field_rows, G_N_ELEMENTS (field_rows), self->touched, validation,
                               self->error_label, self->error_box);
}

/**
 * tidu_carrier_level_editor_validate:
 *
 * Checks the form now instead of after the short pause that follows typing.
 */
void
tidu_carrier_level_editor_validate (TiduCarrierLevelEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCarrierLevel) level = NULL;

  g_return_if_fail (TIDU_IS_CARRIER_LEVEL_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->load_failed)
    {
      tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, FALSE);
      return;
    }

  level = build_level (self, validation);
  tidu_carrier_level_validate (self->database, level, validation);
  show_issues (self, validation);

  tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, !tidu_validation_has_errors (validation));
}

static void
field_changed_cb (GObject    *row,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TiduCarrierLevelEditor *self = user_data;

  tidu_form_field_changed (row, self->touched, &self->validate_source,
                           (TiduFormValidateFunc) tidu_carrier_level_editor_validate, self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduCarrierLevelEditor *self = TIDU_CARRIER_LEVEL_EDITOR (widget);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCarrierLevel) level = NULL;
  g_autoptr(GError) error = NULL;

  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
  tidu_carrier_level_editor_validate (self);
  if (!self->can_save)
    return;

  level = build_level (self, validation);
  if (!tidu_carrier_level_save (self->database, level, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The recognition was not saved. %s"), error->message);

      tidu_form_show_error_box (self->error_label, self->error_box, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, level->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load (TiduCarrierLevelEditor *self,
      const char             *carrier_id,
      const char             *level_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autoptr(GPtrArray) levels = NULL;

  self->level_values = tidu_form_fill_vocabulary (self->level_row, self->database,
                                                  TIDU_VOCABULARY_LEVEL, _("Not chosen"));
  carrier = tidu_carrier_load (self->database, carrier_id, &error);
  if (carrier != NULL)
    adw_window_title_set_subtitle (self->window_title, carrier->name);

  if (level_id == NULL)
    {
      self->level = tidu_carrier_level_new ();
      self->level->carrier_id = g_strdup (carrier_id);
      adw_window_title_set_title (self->window_title, _("New Recognition"));
      return;
    }

  adw_window_title_set_title (self->window_title, _("Edit Recognition"));
  levels = tidu_carrier_list_levels (self->database, carrier_id, &error);
  for (guint i = 0; levels != NULL && i < levels->len && self->level == NULL; i++)
    {
      const TiduCarrierLevel *level = g_ptr_array_index (levels, i);

      if (g_str_equal (level->id, level_id))
        self->level = tidu_carrier_level_copy (level);
    }
  if (self->level == NULL)
    {
      self->level = tidu_carrier_level_new ();
      self->load_failed = TRUE;
      gtk_label_set_text (self->error_label,
                          error != NULL ? error->message : _("The recognition was not found, or it was deleted."));
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  tidu_form_set_combo_value (self->level_row, self->level_values, self->level->level);
  tidu_form_set_date (self->recognized_row, &self->level->recognized_on);
  tidu_form_set_text (self->document_row, self->level->document);
  tidu_form_set_date (self->revoked_row, &self->level->revoked_on);
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
}

static void
connect_rows (TiduCarrierLevelEditor *self)
{
  tidu_form_connect_fields (self, field_rows, G_N_ELEMENTS (field_rows), field_changed_cb);
  tidu_form_save_on_activate (GTK_WIDGET (self->revoked_row), GTK_WIDGET (self));
}

static void
tidu_carrier_level_editor_dispose (GObject *object)
{
  TiduCarrierLevelEditor *self = TIDU_CARRIER_LEVEL_EDITOR (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_CARRIER_LEVEL_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_carrier_level_editor_parent_class)->dispose (object);
}

static void
tidu_carrier_level_editor_finalize (GObject *object)
{
  TiduCarrierLevelEditor *self = TIDU_CARRIER_LEVEL_EDITOR (object);

  g_clear_pointer (&self->level, tidu_carrier_level_free);
  g_clear_pointer (&self->level_values, g_strfreev);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (tidu_carrier_level_editor_parent_class)->finalize (object);
}

static void
tidu_carrier_level_editor_class_init (TiduCarrierLevelEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_carrier_level_editor_dispose;
  object_class->finalize = tidu_carrier_level_editor_finalize;

  /**
   * TiduCarrierLevelEditor::saved:
   * @level_id: the id of the recognition saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-carrier-level-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierLevelEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierLevelEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierLevelEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierLevelEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierLevelEditor, recognized_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierLevelEditor, document_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierLevelEditor, revoked_row);

  tidu_form_class_add_save_action (widget_class, save_activated);
}

static void
tidu_carrier_level_editor_init (TiduCarrierLevelEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * tidu_carrier_level_editor_new:
 * @carrier_id: the carrier recognised
 * @level_id: (nullable): the recognition to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduCarrierLevelEditor *
tidu_carrier_level_editor_new (GtkWindow    *parent,
                               TiduDatabase *database,
                               const char   *carrier_id,
                               const char   *level_id)
{
  TiduCarrierLevelEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (carrier_id != NULL, NULL);

  self = tidu_form_new_window (TIDU_TYPE_CARRIER_LEVEL_EDITOR, parent);
  self->database = g_object_ref (database);
  load (self, carrier_id, level_id);
  connect_rows (self);
  tidu_carrier_level_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->level_row));
  return self;
}

gboolean
tidu_carrier_level_editor_get_can_save (TiduCarrierLevelEditor *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_LEVEL_EDITOR (self), FALSE);
  return self->can_save;
}
