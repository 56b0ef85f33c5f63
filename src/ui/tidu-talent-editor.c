/* tidu-talent-editor.c: the window that adds or edits a talent, and the form kit of the
 * Talents place
 *
 * The form asks the core as the officer types: errors mark their row and block saving,
 * warnings only mark it. Issues show on the rows the officer has touched; Save shows them all.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-talent-editor.h"
#include "tidu-record-picker.h"

/* ------------------------------------------------------------------ form kit */

void
_tidu_talent_form_bind (TiduTalentForm *form,
                        GtkWidget      *window,
                        AdwWindowTitle *title,
                        GtkWidget      *error_box,
                        GtkLabel       *error_label)
{
  form->window = window;
  form->title = title;
  form->error_box = error_box;
  form->error_label = error_label;
  form->rows = g_ptr_array_new ();
  form->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_tidu_talent_form_add_field (TiduTalentForm *form,
                             GtkWidget      *row,
                             const char     *field)
{
  if (ADW_IS_ACTION_ROW (row) && !ADW_IS_COMBO_ROW (row))
    {
      GtkWidget *widget = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (GTK_IS_DROP_DOWN (widget))
        g_object_set_data (G_OBJECT (row), "tidu-dropdown", widget);
      else if (TIDU_IS_RECORD_PICKER (widget))
        g_object_set_data (G_OBJECT (row), "tidu-picker", widget);
      else if (GTK_IS_SWITCH (widget))
        g_object_set_data (G_OBJECT (row), "tidu-switch", widget);
    }
  g_object_set_data (G_OBJECT (row), "tidu-field", (gpointer) g_intern_string (field));
  g_ptr_array_add (form->rows, row);
}

void
_tidu_talent_form_clear (TiduTalentForm *form)
{
  g_clear_pointer (&form->rows, g_ptr_array_unref);
  g_clear_pointer (&form->touched, g_hash_table_unref);
}

static void
row_changed (GObject *row)
{
  TiduTalentForm *form = g_object_get_data (row, "tidu-form");
  const char *field = g_object_get_data (row, "tidu-field");

  if (form == NULL)
    return;
  if (field != NULL)
    g_hash_table_add (form->touched, g_strdup (field));
  if (form->changed_cb != NULL)
    ((void (*) (gpointer)) form->changed_cb) (form->changed_data);
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     row)
{
  row_changed (row);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    row)
{
  row_changed (row);
}

/**
 * _tidu_talent_form_connect:
 * @changed_cb: a `void (*) (gpointer user_data)` run after any row changed
 */
void
_tidu_talent_form_connect (TiduTalentForm *form,
                           GCallback       changed_cb,
                           gpointer        user_data)
{
  form->changed_cb = changed_cb;
  form->changed_data = user_data;
  for (guint i = 0; i < form->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (form->rows, i);
      GObject *toggle = g_object_get_data (row, "tidu-switch");
      GObject *drop_down = g_object_get_data (row, "tidu-dropdown");
      GObject *picker = g_object_get_data (row, "tidu-picker");

      g_object_set_data (row, "tidu-form", form);
      if (ADW_IS_ENTRY_ROW (row))
        g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), row);
      else if (ADW_IS_COMBO_ROW (row))
        g_signal_connect (row, "notify::selected", G_CALLBACK (notify_cb), row);
      else if (toggle != NULL)
        g_signal_connect (toggle, "notify::active", G_CALLBACK (notify_cb), row);
      else if (drop_down != NULL)
        g_signal_connect (drop_down, "notify::selected", G_CALLBACK (notify_cb), row);
      else if (picker != NULL)
        g_signal_connect (picker, "notify::value", G_CALLBACK (notify_cb), row);
    }
}

void
_tidu_talent_form_touch_all (TiduTalentForm *form)
{
  for (guint i = 0; i < form->rows->len; i++)
    g_hash_table_add (form->touched,
                      g_strdup (g_object_get_data (g_ptr_array_index (form->rows, i), "tidu-field")));
}

void
_tidu_talent_form_show_issues (TiduTalentForm *form,
                               TiduValidation *validation)
{
  const TiduIssue *loose = NULL;

  for (guint i = 0; i < form->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (form->rows, i);
      const char *field = g_object_get_data (G_OBJECT (row), "tidu-field");
      gboolean shown = g_hash_table_contains (form->touched, field) && gtk_widget_get_visible (row);

      tidu_form_show_issue (row, shown ? validation : NULL, field);
    }

  /* Errors without a row of their own (the database could not be asked, …) go on top. */
  for (guint i = 0; i < tidu_validation_get_n_issues (validation) && loose == NULL; i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (validation, i);
      gboolean has_row = FALSE;

      for (guint j = 0; j < form->rows->len && !has_row; j++)
        has_row = g_strcmp0 (issue->field, g_object_get_data (g_ptr_array_index (form->rows, j), "tidu-field")) == 0
                  && gtk_widget_get_visible (g_ptr_array_index (form->rows, j));
      if (!has_row && issue->severity == TIDU_SEVERITY_ERROR)
        loose = issue;
    }
  _tidu_talent_form_show_error (form, loose != NULL ? loose->message : NULL);
}

void
_tidu_validation_merge (TiduValidation *into,
                        TiduValidation *core,
                        const GError   *error)
{
  if (core == NULL)
    {
      tidu_validation_add (into, TIDU_SEVERITY_ERROR, TIDU_ERROR_DATABASE, NULL, NULL, "%s",
                           error != NULL ? error->message : _("The database could not be read."));
      return;
    }
  for (guint i = 0; i < tidu_validation_get_n_issues (core); i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (core, i);

      tidu_validation_add (into, issue->severity, issue->code, issue->field, issue->other_id,
                           "%s", issue->message);
    }
}

void
_tidu_talent_form_show_error (TiduTalentForm *form,
                              const char     *message)
{
  gtk_label_set_text (form->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (form->error_box, message != NULL);
}

void
_tidu_talent_form_set_can_save (TiduTalentForm *form,
                                gboolean        can_save)
{
  gtk_widget_action_set_enabled (form->window, "editor.save", can_save);
}

TiduMoneyUnit
_tidu_display_unit (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (BASE_ID);
  return (TiduMoneyUnit) g_settings_get_enum (settings, "display-unit");
}

/* An amount in the display unit with the unit, or NULL when unset. */
char *
_tidu_format_money (gint64 yuan)
{
  if (!TIDU_IS_SET (yuan))
    return NULL;
  return tidu_money_format_with_unit (yuan, _tidu_display_unit ());
}

char *
_tidu_award_describe (TiduDatabase          *database,
                      const TiduTalentAward *award,
                      gboolean               with_firm)
{
  g_autoptr(GPtrArray) instalments = tidu_instalment_list (database, award->id, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *granted = NULL;
  g_autofree char *paid_text = NULL;
  gint64 paid = 0;

  for (guint i = 0; instalments != NULL && i < instalments->len; i++)
    {
      const TiduInstalment *instalment = g_ptr_array_index (instalments, i);

      if (TIDU_IS_SET (instalment->paid_amount))
        paid += instalment->paid_amount;
    }
  if (award->batch_name != NULL)
    g_string_append (text, award->batch_name);
  else if (TIDU_IS_SET (award->year))
    g_string_append_printf (text, "%" G_GINT64_FORMAT, award->year);
  if (with_firm && award->firm_name != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", award->firm_name);
  granted = TIDU_IS_SET (award->granted_amount) ? _tidu_format_money (award->granted_amount) : g_strdup ("—");
  paid_text = _tidu_format_money (paid);
  if (text->len > 0)
    g_string_append (text, " · ");
  /* Translators: an award's amount granted and paid so far */
  g_string_append_printf (text, _("granted %s, paid %s"), granted, paid_text);
  g_string_append_printf (text, " · %s", tidu_award_status_get_label (award->status));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------ the talent editor */

struct _TiduTalentEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *gender_row;
  AdwEntryRow    *birth_year_row;
  AdwEntryRow    *degree_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *field_row;
  AdwActionRow   *firm_row;
  TiduRecordPicker *firm_picker;
  AdwComboRow    *region_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *notes_row;

  TiduTalentForm  form;
  TiduDatabase   *database;
  TiduTalent     *talent;
  GStrv           region_values;
  gboolean        can_save;
  gboolean        load_failed;
};

G_DEFINE_FINAL_TYPE (TiduTalentEditor, tidu_talent_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *gender_values[] = { "", "female", "male", NULL };

static TiduTalent *
build_talent (TiduTalentEditor *self,
              TiduValidation   *validation)
{
  TiduTalent *talent = tidu_talent_copy (self->talent);

  tidu_form_replace (&talent->name, tidu_form_get_text (self->name_row));
  tidu_form_replace (&talent->gender, g_strdup (tidu_form_get_combo_value (self->gender_row, (GStrv) gender_values)));
  talent->birth_year = tidu_form_get_int (self->birth_year_row, "birth_year", validation);
  tidu_form_replace (&talent->degree, tidu_form_get_text (self->degree_row));
  tidu_form_replace (&talent->title, tidu_form_get_text (self->title_row));
  tidu_form_replace (&talent->field, tidu_form_get_text (self->field_row));
  tidu_form_replace (&talent->firm_id, g_strdup (tidu_record_picker_get_value (self->firm_picker)));
  tidu_form_replace (&talent->region_id, g_strdup (tidu_form_get_combo_value (self->region_row, self->region_values)));
  tidu_form_replace (&talent->contact_phone, tidu_form_get_text (self->phone_row));
  tidu_form_replace (&talent->contact_email, tidu_form_get_text (self->email_row));
  tidu_form_replace (&talent->notes, tidu_form_get_text (self->notes_row));
  return talent;
}

void
tidu_talent_editor_validate (TiduTalentEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduValidation) core = NULL;
  g_autoptr(TiduTalent) talent = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TIDU_IS_TALENT_EDITOR (self));

  if (self->load_failed)
    {
      self->can_save = FALSE;
      return;
    }
  talent = build_talent (self, validation);
  core = tidu_talent_validate (self->database, talent, &error);
  _tidu_validation_merge (validation, core, error);
  _tidu_talent_form_show_issues (&self->form, validation);
  self->can_save = !tidu_validation_has_errors (validation);
  _tidu_talent_form_set_can_save (&self->form, self->can_save);
}

static void
changed_cb (gpointer user_data)
{
  tidu_talent_editor_validate (TIDU_TALENT_EDITOR (user_data));
}

static void
save_cb (GtkWindow *window)
{
  TiduTalentEditor *self = TIDU_TALENT_EDITOR (window);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduTalent) talent = NULL;
  g_autoptr(GError) error = NULL;

  _tidu_talent_form_touch_all (&self->form);
  tidu_talent_editor_validate (self);
  if (!self->can_save)
    return;

  talent = build_talent (self, validation);
  if (!tidu_talent_save (self->database, talent, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The talent was not saved. %s"), error->message);

      _tidu_talent_form_show_error (&self->form, message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, talent->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tidu_talent_editor_dispose (GObject *object)
{
  TiduTalentEditor *self = TIDU_TALENT_EDITOR (object);

  g_clear_object (&self->database);
  G_OBJECT_CLASS (tidu_talent_editor_parent_class)->dispose (object);
}

static void
tidu_talent_editor_finalize (GObject *object)
{
  TiduTalentEditor *self = TIDU_TALENT_EDITOR (object);

  _tidu_talent_form_clear (&self->form);
  g_clear_pointer (&self->talent, tidu_talent_free);
  g_clear_pointer (&self->region_values, g_strfreev);
  G_OBJECT_CLASS (tidu_talent_editor_parent_class)->finalize (object);
}

static void
talent_editor_save_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  save_cb (GTK_WINDOW (widget));
}

static void
tidu_talent_editor_class_init (TiduTalentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_talent_editor_dispose;
  object_class->finalize = tidu_talent_editor_finalize;

  /**
   * TiduTalentEditor::saved:
   * @talent_id: the id of the talent saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TIDU_TYPE_RECORD_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-talent-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, gender_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, birth_year_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, degree_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, field_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, firm_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, firm_picker);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentEditor, firm_row);

  tidu_form_class_add_save_action (widget_class, talent_editor_save_activated);
}

static void
tidu_talent_editor_init (TiduTalentEditor *self)
{
  static const struct
  {
    const char *field;
    gsize       offset;
  } field_rows[] = {
    { "name", G_STRUCT_OFFSET (TiduTalentEditor, name_row) },
    { "gender", G_STRUCT_OFFSET (TiduTalentEditor, gender_row) },
    { "birth_year", G_STRUCT_OFFSET (TiduTalentEditor, birth_year_row) },
    { "degree", G_STRUCT_OFFSET (TiduTalentEditor, degree_row) },
    { "title", G_STRUCT_OFFSET (TiduTalentEditor, title_row) },
    { "field", G_STRUCT_OFFSET (TiduTalentEditor, field_row) },
    { "firm_id", G_STRUCT_OFFSET (TiduTalentEditor, firm_row) },
    { "region_id", G_STRUCT_OFFSET (TiduTalentEditor, region_row) },
    { "contact_phone", G_STRUCT_OFFSET (TiduTalentEditor, phone_row) },
    { "contact_email", G_STRUCT_OFFSET (TiduTalentEditor, email_row) },
    { "notes", G_STRUCT_OFFSET (TiduTalentEditor, notes_row) },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  _tidu_talent_form_bind (&self->form, GTK_WIDGET (self), self->window_title, self->error_box, self->error_label);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    _tidu_talent_form_add_field (&self->form, G_STRUCT_MEMBER (GtkWidget *, self, field_rows[i].offset),
                                 field_rows[i].field);
}

/**
 * tidu_talent_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @talent_id: (nullable): the talent to edit, or %NULL for a new talent
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduTalentEditor *
tidu_talent_editor_new (GtkWindow    *parent,
                        TiduDatabase *database,
                        const char   *talent_id)
{
  TiduTalentEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = tidu_form_new_window (TIDU_TYPE_TALENT_EDITOR, parent);
  self->database = g_object_ref (database);
  tidu_record_picker_set_database (self->firm_picker, database);
  self->region_values = tidu_form_fill_regions (self->region_row, database, _("None"));

  if (talent_id == NULL)
    {
      self->talent = tidu_talent_new ();
      adw_window_title_set_title (self->window_title, _("New Talent"));
    }
  else
    {
      self->talent = tidu_talent_load (database, talent_id, &error);
      if (self->talent == NULL)
        {
          self->talent = tidu_talent_new ();
          self->load_failed = TRUE;
          _tidu_talent_form_show_error (&self->form, error->message);
        }
      else
        {
          const TiduTalent *talent = self->talent;

          adw_window_title_set_title (self->window_title, _("Edit Talent"));
          adw_window_title_set_subtitle (self->window_title, talent->name);
          tidu_form_set_text (self->name_row, talent->name);
          tidu_form_set_combo_value (self->gender_row, (GStrv) gender_values, talent->gender);
          tidu_form_set_int (self->birth_year_row, talent->birth_year);
          tidu_form_set_text (self->degree_row, talent->degree);
          tidu_form_set_text (self->title_row, talent->title);
          tidu_form_set_text (self->field_row, talent->field);
          tidu_record_picker_set_value (self->firm_picker, talent->firm_id);
          tidu_form_set_combo_value (self->region_row, self->region_values, talent->region_id);
          tidu_form_set_text (self->phone_row, talent->contact_phone);
          tidu_form_set_text (self->email_row, talent->contact_email);
          tidu_form_set_text (self->notes_row, talent->notes);
          _tidu_talent_form_touch_all (&self->form);
        }
    }

  _tidu_talent_form_connect (&self->form, G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->notes_row, "entry-activated", G_CALLBACK (save_cb), self);
  tidu_talent_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

const char *
tidu_talent_editor_get_talent_id (TiduTalentEditor *self)
{
  g_return_val_if_fail (TIDU_IS_TALENT_EDITOR (self), NULL);
  return self->talent->id;
}

gboolean
tidu_talent_editor_get_can_save (TiduTalentEditor *self)
{
  g_return_val_if_fail (TIDU_IS_TALENT_EDITOR (self), FALSE);
  return self->can_save;
}
