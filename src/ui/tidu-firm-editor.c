/* tidu-firm-editor.c: the window that adds or edits a firm
 *
 * The form validates as the officer types, a moment after the last key, by building a
 * TiduFirm from the rows and asking the core: errors mark their row and block saving, a
 * check-character mismatch asks the officer to confirm the code against the business licence,
 * and a code another firm holds offers to open (or restore) that firm instead.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"

#include "tidu-firm-editor.h"

struct _TiduFirmEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *uscc_row;
  AdwActionRow   *uscc_override_row;
  GtkSwitch      *uscc_override_switch;
  AdwComboRow    *region_row;
  AdwEntryRow    *industry_row;
  AdwComboRow    *tech_field_row;
  AdwEntryRow    *founded_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *legal_person_row;
  AdwEntryRow    *contact_name_row;
  AdwEntryRow    *contact_phone_row;
  AdwEntryRow    *contact_email_row;
  AdwEntryRow    *channel_row;
  AdwComboRow    *stage_row;
  AdwEntryRow    *lead_row;
  AdwEntryRow    *signed_row;
  AdwEntryRow    *landed_row;
  AdwEntryRow    *officer_row;
  GtkTextView    *notes_view;

  /* Owned references */
  TiduDatabase   *database;
  TiduFirm       *firm;          /* as loaded, or an empty new firm */
  GStrv           region_values;
  GStrv           tech_field_values;
  GStrv           stage_values;
  GHashTable     *touched;       /* fields the officer has changed */
  char           *other_id;      /* the firm that holds the typed code */

  /* Borrowed: lives in the message row under the code */
  GtkButton      *other_button;

  guint           validate_source;
  gboolean        other_trashed;
  gboolean        can_save;
  gboolean        load_failed;
};

G_DEFINE_FINAL_TYPE (TiduFirmEditor, tidu_firm_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  OPEN_FIRM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows that show the issues of a field, by the core's field names. */
#define FIELD(name, member) TIDU_FORM_FIELD (TiduFirmEditor, name, member)

static const TiduFormField field_rows[] = {
  FIELD ("name", name_row),
  FIELD ("uscc", uscc_row),
  FIELD ("region_id", region_row),
  FIELD ("industry", industry_row),
  FIELD ("tech_field", tech_field_row),
  FIELD ("founded_on", founded_row),
  FIELD ("address", address_row),
  FIELD ("legal_person", legal_person_row),
  FIELD ("contact_name", contact_name_row),
  FIELD ("contact_phone", contact_phone_row),
  FIELD ("contact_email", contact_email_row),
  FIELD ("attraction_channel", channel_row),
  FIELD ("attraction_stage", stage_row),
  FIELD ("lead_on", lead_row),
  FIELD ("signed_on", signed_row),
  FIELD ("landed_on", landed_row),
  FIELD ("officer", officer_row),
};

static gboolean
uscc_mismatch (TiduFirmEditor *self)
{
  TiduUsccResult result;

  return tidu_uscc_validate (gtk_editable_get_text (GTK_EDITABLE (self->uscc_row)), &result)
         == TIDU_USCC_CHECK_MISMATCH;
}

/* The firm the rows describe; dates that cannot be read become issues in @validation. */
static TiduFirm *
build_firm (TiduFirmEditor *self,
            TiduValidation *validation)
{
  TiduFirm *firm = tidu_firm_copy (self->firm);

  tidu_form_replace (&firm->name, tidu_form_get_text (self->name_row));
  tidu_form_replace (&firm->uscc, tidu_form_get_text (self->uscc_row));
  firm->uscc_override = gtk_switch_get_active (self->uscc_override_switch) && uscc_mismatch (self);
  tidu_form_replace (&firm->region_id, g_strdup (tidu_form_get_combo_value (self->region_row, self->region_values)));
  tidu_form_replace (&firm->industry, tidu_form_get_text (self->industry_row));
  tidu_form_replace (&firm->tech_field, g_strdup (tidu_form_get_combo_value (self->tech_field_row, self->tech_field_values)));
  tidu_form_read_date (self->founded_row, "founded_on", &firm->founded_on, validation);
  tidu_form_replace (&firm->address, tidu_form_get_text (self->address_row));
  tidu_form_replace (&firm->legal_person, tidu_form_get_text (self->legal_person_row));
  tidu_form_replace (&firm->contact_name, tidu_form_get_text (self->contact_name_row));
  tidu_form_replace (&firm->contact_phone, tidu_form_get_text (self->contact_phone_row));
  tidu_form_replace (&firm->contact_email, tidu_form_get_text (self->contact_email_row));
  tidu_form_replace (&firm->attraction_channel, tidu_form_get_text (self->channel_row));
  tidu_form_replace (&firm->attraction_stage, g_strdup (tidu_form_get_combo_value (self->stage_row, self->stage_values)));
  tidu_form_read_date (self->lead_row, "lead_on", &firm->lead_on, validation);
  tidu_form_read_date (self->signed_row, "signed_on", &firm->signed_on, validation);
  tidu_form_read_date (self->landed_row, "landed_on", &firm->landed_on, validation);
  tidu_form_replace (&firm->officer, tidu_form_get_text (self->officer_row));
  tidu_form_replace (&firm->notes, tidu_form_get_view_text (self->notes_view));
  return firm;
}

static void
ensure_other_button (TiduFirmEditor *self,
                     AdwActionRow   *message_row)
{
  if (self->other_button != NULL)
    return;
  self->other_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_use_underline (self->other_button, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->other_button), GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->other_button), "editor.open-other");
  adw_action_row_add_suffix (message_row, GTK_WIDGET (self->other_button));
}

static void
show_uscc (TiduFirmEditor  *self,
           const TiduIssue *issue,
           gboolean         mismatch)
{
  AdwActionRow *message_row;
  gboolean duplicate = issue != NULL && issue->code == TIDU_ERROR_DUPLICATE && issue->other_id != NULL;

  g_clear_pointer (&self->other_id, g_free);
  self->other_trashed = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->uscc_override_row), mismatch && !duplicate);

  if (issue == NULL && mismatch)
    {
      TiduUsccResult result;
      g_autofree char *message = NULL;

      /* Overridden: the core is silent, but the officer still sees what the code should be. */
      tidu_uscc_validate (gtk_editable_get_text (GTK_EDITABLE (self->uscc_row)), &result);
      message = tidu_uscc_describe (&result);
      message_row = tidu_form_show_message (GTK_WIDGET (self->uscc_row), TIDU_FORM_MESSAGE_WARNING, message);
    }
  else if (issue == NULL)
    message_row = tidu_form_show_message (GTK_WIDGET (self->uscc_row), TIDU_FORM_MESSAGE_NONE, NULL);
  else
    message_row = tidu_form_show_message (GTK_WIDGET (self->uscc_row),
                                          issue->severity == TIDU_SEVERITY_ERROR
                                          ? TIDU_FORM_MESSAGE_ERROR : TIDU_FORM_MESSAGE_WARNING,
                                          issue->message);

  if (duplicate)
    {
      g_autoptr(TiduFirm) other = tidu_firm_load (self->database, issue->other_id, NULL);

      self->other_id = g_strdup (issue->other_id);
      self->other_trashed = other != NULL && other->deleted_at != NULL;
      ensure_other_button (self, message_row);
      gtk_button_set_label (self->other_button,
                            self->other_trashed ? _("_Restore Firm") : _("_Open Existing Firm"));
    }
  if (self->other_button != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->other_button), duplicate);
}

static void
show_issues (TiduFirmEditor *self,
             TiduValidation *validation)
{
  gboolean touched = g_hash_table_contains (self->touched, "uscc");

  tidu_form_show_field_issues (self, field_rows, G_N_ELEMENTS (field_rows), self->touched, validation,
                               self->error_label, self->error_box);
  /* The code's row says more: what the check character should be, and where the firm that
   * has the code already is. */
  show_uscc (self, touched ? tidu_validation_find (validation, "uscc") : NULL, touched && uscc_mismatch (self));
}

/**
 * tidu_firm_editor_validate:
 *
 * Checks the form now instead of after the short pause that follows typing.
 */
void
tidu_firm_editor_validate (TiduFirmEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduFirm) firm = NULL;
  gboolean mismatch;

  g_return_if_fail (TIDU_IS_FIRM_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->database == NULL || self->load_failed)
    {
      tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, FALSE);
      return;
    }

  firm = build_firm (self, validation);
  tidu_firm_validate (self->database, firm, validation);
  show_issues (self, validation);

  /* A mismatching check character blocks saving until the officer confirms the code. */
  mismatch = uscc_mismatch (self);
  tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save,
                          !tidu_validation_has_errors (validation)
                          && !(mismatch && !gtk_switch_get_active (self->uscc_override_switch)));
}

static void
field_changed_cb (GObject    *row,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TiduFirmEditor *self = user_data;

  tidu_form_field_changed (row, self->touched, &self->validate_source,
                           (TiduFormValidateFunc) tidu_firm_editor_validate, self);
}

static void
override_changed_cb (TiduFirmEditor *self)
{
  tidu_firm_editor_validate (self);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduFirmEditor *self = TIDU_FIRM_EDITOR (widget);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduFirm) firm = NULL;
  g_autoptr(GError) error = NULL;

  /* Saving shows every remaining problem, also in fields not touched yet. */
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
  tidu_firm_editor_validate (self);
  if (!self->can_save)
    return;

  firm = build_firm (self, validation);
  if (!tidu_firm_save (self->database, firm, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The firm was not saved. %s"), error->message);

      /* Keep the form open with everything typed, so the officer can retry. */
      tidu_form_show_error_box (self->error_label, self->error_box, message);
      return;
    }

  gtk_widget_set_visible (self->error_box, FALSE);
  g_signal_emit (self, signals[SAVED], 0, firm->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_other_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TiduFirmEditor *self = TIDU_FIRM_EDITOR (widget);
  g_autofree char *other_id = g_strdup (self->other_id);
  g_autoptr(GError) error = NULL;

  if (other_id == NULL)
    return;
  if (self->other_trashed && !tidu_firm_restore (self->database, other_id, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }
  g_signal_emit (self, signals[OPEN_FIRM], 0, other_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_regions (TiduFirmEditor *self)
{
  g_strfreev (self->region_values);
  self->region_values = tidu_form_fill_regions (self->region_row, self->database, _("None"));
}

static void
select_default_region (TiduFirmEditor *self)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *name = g_settings_get_string (settings, "default-region");
  GListModel *labels = adw_combo_row_get_model (self->region_row);

  if (name[0] == '\0')
    return;
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (labels), i);

      if (g_str_equal (label + strspn (label, " "), name))
        {
          adw_combo_row_set_selected (self->region_row, i);
          return;
        }
    }
}

static void
fill_rows (TiduFirmEditor *self)
{
  const TiduFirm *firm = self->firm;

  tidu_form_set_text (self->name_row, firm->name);
  tidu_form_set_text (self->uscc_row, firm->uscc);
  gtk_switch_set_active (self->uscc_override_switch, firm->uscc_override);
  tidu_form_set_combo_value (self->region_row, self->region_values, firm->region_id);
  tidu_form_set_text (self->industry_row, firm->industry);
  tidu_form_set_combo_value (self->tech_field_row, self->tech_field_values, firm->tech_field);
  tidu_form_set_date (self->founded_row, &firm->founded_on);
  tidu_form_set_text (self->address_row, firm->address);
  tidu_form_set_text (self->legal_person_row, firm->legal_person);
  tidu_form_set_text (self->contact_name_row, firm->contact_name);
  tidu_form_set_text (self->contact_phone_row, firm->contact_phone);
  tidu_form_set_text (self->contact_email_row, firm->contact_email);
  tidu_form_set_text (self->channel_row, firm->attraction_channel);
  tidu_form_set_combo_value (self->stage_row, self->stage_values, firm->attraction_stage);
  tidu_form_set_date (self->lead_row, &firm->lead_on);
  tidu_form_set_date (self->signed_row, &firm->signed_on);
  tidu_form_set_date (self->landed_row, &firm->landed_on);
  tidu_form_set_text (self->officer_row, firm->officer);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            firm->notes != NULL ? firm->notes : "", -1);
}

static void
load (TiduFirmEditor *self,
      const char     *firm_id)
{
  g_autoptr(GError) error = NULL;

  self->tech_field_values = tidu_form_fill_vocabulary (self->tech_field_row, self->database,
                                                       TIDU_VOCABULARY_TECH_FIELD, _("None"));
  self->stage_values = tidu_form_fill_vocabulary (self->stage_row, self->database,
                                                  TIDU_VOCABULARY_ATTRACTION_STAGE, _("None"));
  fill_regions (self);

  if (firm_id == NULL)
    {
      self->firm = tidu_firm_new ();
      adw_window_title_set_title (self->window_title, _("New Firm"));
      select_default_region (self);
      return;
    }

  self->firm = tidu_firm_load (self->database, firm_id, &error);
  if (self->firm == NULL)
    {
      self->firm = tidu_firm_new ();
      self->load_failed = TRUE;
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  adw_window_title_set_title (self->window_title, _("Edit Firm"));
  adw_window_title_set_subtitle (self->window_title, self->firm->name);
  fill_rows (self);

  /* An existing record shows its problems at once. */
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
}

static void
connect_rows (TiduFirmEditor *self)
{
  tidu_form_connect_fields (self, field_rows, G_N_ELEMENTS (field_rows), field_changed_cb);
  g_signal_connect_swapped (self->uscc_override_switch, "notify::active",
                            G_CALLBACK (override_changed_cb), self);
  tidu_form_save_on_activate (GTK_WIDGET (self->officer_row), GTK_WIDGET (self));
}

static void
tidu_firm_editor_dispose (GObject *object)
{
  TiduFirmEditor *self = TIDU_FIRM_EDITOR (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_FIRM_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_firm_editor_parent_class)->dispose (object);
}

static void
tidu_firm_editor_finalize (GObject *object)
{
  TiduFirmEditor *self = TIDU_FIRM_EDITOR (object);

  g_clear_pointer (&self->firm, tidu_firm_free);
  g_clear_pointer (&self->region_values, g_strfreev);
  g_clear_pointer (&self->tech_field_values, g_strfreev);
  g_clear_pointer (&self->stage_values, g_strfreev);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->other_id, g_free);

  G_OBJECT_CLASS (tidu_firm_editor_parent_class)->finalize (object);
}

static void
tidu_firm_editor_class_init (TiduFirmEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_firm_editor_dispose;
  object_class->finalize = tidu_firm_editor_finalize;

  /**
   * TiduFirmEditor::saved:
   * @firm_id: the id of the firm saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TiduFirmEditor::open-firm:
   * @firm_id: the firm that already holds the code typed (restored first if it was in the trash)
   */
  signals[OPEN_FIRM] = g_signal_new ("open-firm", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-firm-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, uscc_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, uscc_override_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, uscc_override_switch);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, industry_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, tech_field_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, founded_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, legal_person_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, signed_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, landed_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, officer_row);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmEditor, notes_view);

  tidu_form_class_add_save_action (widget_class, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.open-other", NULL, open_other_activated);
}

static void
tidu_firm_editor_init (TiduFirmEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * tidu_firm_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @firm_id: (nullable): the firm to edit, or %NULL for a new firm
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduFirmEditor *
tidu_firm_editor_new (GtkWindow    *parent,
                      TiduDatabase *database,
                      const char   *firm_id)
{
  TiduFirmEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = tidu_form_new_window (TIDU_TYPE_FIRM_EDITOR, parent);
  self->database = g_object_ref (database);
  load (self, firm_id);
  connect_rows (self);
  tidu_firm_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/**
 * tidu_firm_editor_get_firm_id:
 *
 * Returns: (nullable): the id of the firm edited, %NULL for a new firm not saved yet
 */
const char *
tidu_firm_editor_get_firm_id (TiduFirmEditor *self)
{
  g_return_val_if_fail (TIDU_IS_FIRM_EDITOR (self), NULL);
  return self->firm->id;
}

gboolean
tidu_firm_editor_get_can_save (TiduFirmEditor *self)
{
  g_return_val_if_fail (TIDU_IS_FIRM_EDITOR (self), FALSE);
  return self->can_save;
}
