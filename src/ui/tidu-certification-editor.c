/* tidu-certification-editor.c: the window that adds or edits a certification of a firm
 *
 * As the officer types, the form shows how long the certification is valid, computed the way
 * the core computes it when saving, and checks the certification a moment after the last key.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"

#include "tidu-certification-editor.h"

struct _TiduCertificationEditor
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *error_box;
  GtkLabel          *error_label;
  AdwComboRow       *tier_row;
  AdwComboRow       *level_row;
  AdwEntryRow       *certified_row;
  AdwEntryRow       *expires_row;
  AdwActionRow      *valid_until_row;
  AdwEntryRow       *number_row;
  AdwComboRow       *status_row;
  AdwEntryRow       *revoked_row;
  AdwEntryRow       *notes_row;

  /* Owned references */
  TiduDatabase      *database;
  TiduCertification *certification;   /* as loaded, or a new one of the firm */
  GPtrArray         *tiers;           /* TiduVocabItem, in the order of tier_row */
  GStrv              tier_values;
  GStrv              level_values;
  GHashTable        *touched;

  guint              validate_source;
  gboolean           can_save;
  gboolean           load_failed;
};

G_DEFINE_FINAL_TYPE (TiduCertificationEditor, tidu_certification_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of status_row. */
static const char * const status_values[] = {
  TIDU_CERTIFICATION_ACTIVE,
  TIDU_CERTIFICATION_REVOKED,
  NULL
};

/* The rows that show the issues of a field, by the core's field names. */
#define FIELD(name, member) TIDU_FORM_FIELD (TiduCertificationEditor, name, member)

static const TiduFormField field_rows[] = {
  FIELD ("tier", tier_row),
  FIELD ("level", level_row),
  FIELD ("certified_on", certified_row),
  FIELD ("expires_on", expires_row),
  FIELD ("certificate_no", number_row),
  FIELD ("status", status_row),
  FIELD ("revoked_on", revoked_row),
  FIELD ("notes", notes_row),
};

static const char *
get_status (TiduCertificationEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  return selected < g_strv_length ((GStrv) status_values) ? status_values[selected] : TIDU_CERTIFICATION_ACTIVE;
}

static TiduCertification *
build_certification (TiduCertificationEditor *self,
                     TiduValidation          *validation)
{
  TiduCertification *certification = tidu_certification_copy (self->certification);

  tidu_form_replace (&certification->tier, g_strdup (tidu_form_get_combo_value (self->tier_row, self->tier_values)));
  tidu_form_replace (&certification->level, g_strdup (tidu_form_get_combo_value (self->level_row, self->level_values)));
  tidu_form_read_date (self->certified_row, "certified_on", &certification->certified_on, validation);
  tidu_form_read_date (self->expires_row, "expires_on", &certification->expires_on, validation);
  tidu_form_replace (&certification->certificate_no, tidu_form_get_text (self->number_row));
  tidu_form_replace (&certification->status, g_strdup (get_status (self)));
  tidu_form_read_date (self->revoked_row, "revoked_on", &certification->revoked_on, validation);
  tidu_form_replace (&certification->notes, tidu_form_get_text (self->notes_row));
  return certification;
}

static const TiduVocabItem *
find_tier (TiduCertificationEditor *self,
           const char              *code)
{
  for (guint i = 0; code != NULL && self->tiers != NULL && i < self->tiers->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (self->tiers, i);

      if (g_str_equal (item->code, code))
        return item;
    }
  return NULL;
}

static void
show_validity (TiduCertificationEditor *self,
               const TiduCertification *certification)
{
  const TiduVocabItem *tier = find_tier (self, certification->tier);
  g_autofree char *text = NULL;
  GDate until;

  if (tier == NULL || !g_date_valid (&certification->certified_on))
    text = g_strdup (_("Choose the tier and enter the certificate date to see how long it is valid."));
  else if (!tidu_vocab_item_valid_until (tier, &certification->certified_on,
                                         &certification->expires_on, &until))
    text = g_strdup (_("Valid until revoked"));
  else
    {
      g_autofree char *iso = tidu_date_to_iso (&until);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      if (g_date_compare (&until, &today) < 0)
        text = g_strdup_printf (_("Valid until %s (expired)"), iso);
      else
        text = g_strdup_printf (_("Valid until %s"), iso);
    }
  adw_action_row_set_subtitle (self->valid_until_row, text);
}

static void
show_issues (TiduCertificationEditor *self,
             TiduValidation          *validation)
{
  tidu_form_show_field_issues (self, field_rows, G_N_ELEMENTS (field_rows), self->touched, validation,
                               self->error_label, self->error_box);
}

/**
 * tidu_certification_editor_validate:
 *
 * Checks the form now instead of after the short pause that follows typing.
 */
void
tidu_certification_editor_validate (TiduCertificationEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCertification) certification = NULL;
  gboolean revoked;

  g_return_if_fail (TIDU_IS_CERTIFICATION_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  revoked = g_str_equal (get_status (self), TIDU_CERTIFICATION_REVOKED);
  gtk_widget_set_sensitive (GTK_WIDGET (self->revoked_row),
                            revoked || gtk_editable_get_text (GTK_EDITABLE (self->revoked_row))[0] != '\0');
  if (self->load_failed)
    {
      tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, FALSE);
      return;
    }

  certification = build_certification (self, validation);
  tidu_certification_validate (self->database, certification, validation);
  show_validity (self, certification);
  show_issues (self, validation);

  tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, !tidu_validation_has_errors (validation));
}

static void
field_changed_cb (GObject    *row,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TiduCertificationEditor *self = user_data;

  tidu_form_field_changed (row, self->touched, &self->validate_source,
                           (TiduFormValidateFunc) tidu_certification_editor_validate, self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduCertificationEditor *self = TIDU_CERTIFICATION_EDITOR (widget);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCertification) certification = NULL;
  g_autoptr(GError) error = NULL;

  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
  tidu_certification_editor_validate (self);
  if (!self->can_save)
    return;

  certification = build_certification (self, validation);
  if (!tidu_certification_save (self->database, certification, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The certification was not saved. %s"), error->message);

      tidu_form_show_error_box (self->error_label, self->error_box, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, certification->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load (TiduCertificationEditor *self,
      const char              *firm_id,
      const char              *certification_id)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduFirm) firm = NULL;
  const TiduCertification *certification;

  self->tiers = tidu_vocabulary_list (self->database, TIDU_VOCABULARY_TIER, &error);
  if (self->tiers == NULL)
    {
      g_warning ("Could not list the tiers: %s", error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; self->tiers != NULL && i < self->tiers->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (self->tiers, i);
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      choice->value = item->code;
      choice->label = (char *) tidu_vocab_item_get_label (item);
      g_ptr_array_add (choices, choice);
    }
  self->tier_values = tidu_form_fill_combo (self->tier_row, choices, NULL);
  self->level_values = tidu_form_fill_vocabulary (self->level_row, self->database,
                                                  TIDU_VOCABULARY_LEVEL, _("None"));

  if (certification_id != NULL)
    {
      self->certification = tidu_certification_load (self->database, certification_id, &error);
      adw_window_title_set_title (self->window_title, _("Edit Certification"));
    }
  else
    {
      self->certification = tidu_certification_new ();
      self->certification->firm_id = g_strdup (firm_id);
      self->certification->status = g_strdup (TIDU_CERTIFICATION_ACTIVE);
      adw_window_title_set_title (self->window_title, _("New Certification"));
    }
  if (self->certification == NULL)
    {
      self->certification = tidu_certification_new ();
      self->load_failed = TRUE;
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  firm = tidu_firm_load (self->database, self->certification->firm_id, NULL);
  if (firm != NULL)
    adw_window_title_set_subtitle (self->window_title, firm->name);

  certification = self->certification;
  if (certification_id == NULL)
    return;

  tidu_form_set_combo_value (self->tier_row, self->tier_values, certification->tier);
  tidu_form_set_combo_value (self->level_row, self->level_values, certification->level);
  tidu_form_set_date (self->certified_row, &certification->certified_on);
  tidu_form_set_date (self->expires_row, &certification->expires_on);
  tidu_form_set_text (self->number_row, certification->certificate_no);
  adw_combo_row_set_selected (self->status_row,
                              g_strcmp0 (certification->status, TIDU_CERTIFICATION_REVOKED) == 0 ? 1 : 0);
  tidu_form_set_date (self->revoked_row, &certification->revoked_on);
  tidu_form_set_text (self->notes_row, certification->notes);
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
}

static void
connect_rows (TiduCertificationEditor *self)
{
  tidu_form_connect_fields (self, field_rows, G_N_ELEMENTS (field_rows), field_changed_cb);
  tidu_form_save_on_activate (GTK_WIDGET (self->notes_row), GTK_WIDGET (self));
}

static void
tidu_certification_editor_dispose (GObject *object)
{
  TiduCertificationEditor *self = TIDU_CERTIFICATION_EDITOR (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_CERTIFICATION_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_certification_editor_parent_class)->dispose (object);
}

static void
tidu_certification_editor_finalize (GObject *object)
{
  TiduCertificationEditor *self = TIDU_CERTIFICATION_EDITOR (object);

  g_clear_pointer (&self->certification, tidu_certification_free);
  g_clear_pointer (&self->tier_values, g_strfreev);
  g_clear_pointer (&self->level_values, g_strfreev);
  g_clear_pointer (&self->tiers, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (tidu_certification_editor_parent_class)->finalize (object);
}

static void
tidu_certification_editor_class_init (TiduCertificationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_certification_editor_dispose;
  object_class->finalize = tidu_certification_editor_finalize;

  /**
   * TiduCertificationEditor::saved:
   * @certification_id: the id of the certification saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-certification-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, tier_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, certified_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, expires_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, valid_until_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, revoked_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCertificationEditor, notes_row);

  tidu_form_class_add_save_action (widget_class, save_activated);
}

static void
tidu_certification_editor_init (TiduCertificationEditor *self)
{
  g_autoptr(GtkStringList) statuses = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  statuses = gtk_string_list_new ((const char * const[]) {
    C_("certification", "Active"),
    C_("certification", "Revoked"),
    NULL
  });
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * tidu_certification_editor_new:
 * @firm_id: the firm a new certification belongs to
 * @certification_id: (nullable): the certification to edit, or %NULL for a new one
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduCertificationEditor *
tidu_certification_editor_new (GtkWindow    *parent,
                               TiduDatabase *database,
                               const char   *firm_id,
                               const char   *certification_id)
{
  TiduCertificationEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (firm_id != NULL || certification_id != NULL, NULL);

  self = tidu_form_new_window (TIDU_TYPE_CERTIFICATION_EDITOR, parent);
  self->database = g_object_ref (database);
  load (self, firm_id, certification_id);
  connect_rows (self);
  tidu_certification_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tier_row));
  return self;
}

gboolean
tidu_certification_editor_get_can_save (TiduCertificationEditor *self)
{
  g_return_val_if_fail (TIDU_IS_CERTIFICATION_EDITOR (self), FALSE);
  return self->can_save;
}
