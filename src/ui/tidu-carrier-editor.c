/* tidu-carrier-editor.c: the window that adds or edits an innovation carrier
 *
 * The form validates as the officer types, a moment after the last key, by building a
 * TiduCarrier from the rows and asking the core: errors mark their row and block saving, an
 * operator code whose check character does not match gets a warning that names the expected
 * character, and a name another carrier of the same region holds offers to open that carrier.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "tidu-form-util.h"

#include "tidu-carrier-editor.h"

struct _TiduCarrierEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwComboRow    *level_row;
  AdwComboRow    *region_row;
  AdwEntryRow    *operator_row;
  AdwEntryRow    *operator_uscc_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *area_row;
  AdwEntryRow    *founded_row;
  AdwEntryRow    *contact_name_row;
  AdwEntryRow    *contact_phone_row;
  GtkTextView    *notes_view;

  /* Owned references */
  TiduDatabase   *database;
  TiduCarrier    *carrier;       /* as loaded, or an empty new carrier */
  GStrv           kind_values;
  GStrv           level_values;
  GStrv           region_values;
  GHashTable     *touched;       /* fields the officer has changed */
  char           *other_id;      /* the carrier that holds the typed name */

  /* Borrowed: lives in the message row under the name */
  GtkButton      *other_button;

  guint           validate_source;
  gboolean        can_save;
  gboolean        load_failed;
};

G_DEFINE_FINAL_TYPE (TiduCarrierEditor, tidu_carrier_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  OPEN_CARRIER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows that show the issues of a field, by the core's field names. */
#define FIELD(name, member) TIDU_FORM_FIELD (TiduCarrierEditor, name, member)

static const TiduFormField field_rows[] = {
  FIELD ("name", name_row),
  FIELD ("kind", kind_row),
  FIELD ("level", level_row),
  FIELD ("region_id", region_row),
  FIELD ("operator", operator_row),
  FIELD ("operator_uscc", operator_uscc_row),
  FIELD ("address", address_row),
  FIELD ("area_m2", area_row),
  FIELD ("founded_on", founded_row),
  FIELD ("contact_name", contact_name_row),
  FIELD ("contact_phone", contact_phone_row),
};

/**
 * tidu_carrier_editor_parse_area:
 * @area: (out): the area in square metres, NaN when @text is empty
 *
 * Reads an area as officers type it: "12000", "12,000", "1.2万", "3500 m²", "3500平方米".
 *
 * Returns: %FALSE when @text is not an area
 */
gboolean
tidu_carrier_editor_parse_area (const char *text,
            double     *area)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  double factor = 1;
  char *end = NULL;

  *area = NAN;
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (clean, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E || c == 0x3002)
        g_string_append_c (clean, '.');
      else if (c == ',' || c == 0xFF0C || g_unichar_isspace (c) || c == 0x3000)
        continue;
      else
        g_string_append_unichar (clean, c);
    }
  if (clean->len == 0)
    return TRUE;
  for (const char * const *suffix = (const char * const[]) { "平方米", "m²", "m2", "㎡", NULL }; *suffix; suffix++)
    if (g_str_has_suffix (clean->str, *suffix))
      g_string_truncate (clean, clean->len - strlen (*suffix));
  if (g_str_has_suffix (clean->str, "万"))
    {
      g_string_truncate (clean, clean->len - strlen ("万"));
      factor = 10000;
    }
  if (clean->len == 0 || !g_ascii_isdigit (clean->str[0]))
    return FALSE;
  *area = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (*area))
    {
      *area = NAN;
      return FALSE;
    }
  *area *= factor;
  return TRUE;
}

/**
 * tidu_carrier_editor_format_area:
 *
 * Returns: (nullable): @area as the editors show it, %NULL for NaN
 */
char *
tidu_carrier_editor_format_area (double area)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (area))
    return NULL;
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", area));
}

/* The carrier the rows describe; text that cannot be read becomes issues in @validation. */
static TiduCarrier *
build_carrier (TiduCarrierEditor *self,
               TiduValidation    *validation)
{
  TiduCarrier *carrier = tidu_carrier_copy (self->carrier);

  tidu_form_replace (&carrier->name, tidu_form_get_text (self->name_row));
  tidu_form_replace (&carrier->kind, g_strdup (tidu_form_get_combo_value (self->kind_row, self->kind_values)));
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->level_row)))
    tidu_form_replace (&carrier->level, g_strdup (tidu_form_get_combo_value (self->level_row, self->level_values)));
  tidu_form_replace (&carrier->region_id, g_strdup (tidu_form_get_combo_value (self->region_row, self->region_values)));
  tidu_form_replace (&carrier->operator, tidu_form_get_text (self->operator_row));
  tidu_form_replace (&carrier->operator_uscc, tidu_form_get_text (self->operator_uscc_row));
  tidu_form_replace (&carrier->address, tidu_form_get_text (self->address_row));
  if (!tidu_carrier_editor_parse_area (gtk_editable_get_text (GTK_EDITABLE (self->area_row)), &carrier->area_m2))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, "area_m2", NULL,
                         "%s", _("Enter the area in square metres, such as 12000."));
  tidu_form_read_date (self->founded_row, "founded_on", &carrier->founded_on, validation);
  tidu_form_replace (&carrier->contact_name, tidu_form_get_text (self->contact_name_row));
  tidu_form_replace (&carrier->contact_phone, tidu_form_get_text (self->contact_phone_row));
  tidu_form_replace (&carrier->notes, tidu_form_get_view_text (self->notes_view));
  return carrier;
}

static void
show_name (TiduCarrierEditor *self,
           const TiduIssue   *issue)
{
  AdwActionRow *message_row;
  gboolean duplicate = issue != NULL && issue->code == TIDU_ERROR_DUPLICATE && issue->other_id != NULL;

  g_clear_pointer (&self->other_id, g_free);
  if (issue == NULL)
    message_row = tidu_form_show_message (GTK_WIDGET (self->name_row), TIDU_FORM_MESSAGE_NONE, NULL);
  else
    message_row = tidu_form_show_message (GTK_WIDGET (self->name_row),
                                          issue->severity == TIDU_SEVERITY_ERROR
                                          ? TIDU_FORM_MESSAGE_ERROR : TIDU_FORM_MESSAGE_WARNING,
                                          issue->message);
  if (duplicate)
    {
      self->other_id = g_strdup (issue->other_id);
      if (self->other_button == NULL)
        {
          self->other_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Open Existing Carrier")));
          gtk_widget_set_valign (GTK_WIDGET (self->other_button), GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->other_button), "editor.open-other");
          adw_action_row_add_suffix (message_row, GTK_WIDGET (self->other_button));
        }
    }
  if (self->other_button != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->other_button), duplicate);
}

static void
show_issues (TiduCarrierEditor *self,
             TiduValidation    *validation)
{
  tidu_form_show_field_issues (self, field_rows, G_N_ELEMENTS (field_rows), self->touched, validation,
                               self->error_label, self->error_box);
  /* The name's row also offers the carrier that has the name already. */
  show_name (self, g_hash_table_contains (self->touched, "name") ? tidu_validation_find (validation, "name") : NULL);
}

/**
 * tidu_carrier_editor_validate:
 *
 * Checks the form now instead of after the short pause that follows typing.
 */
void
tidu_carrier_editor_validate (TiduCarrierEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCarrier) carrier = NULL;

  g_return_if_fail (TIDU_IS_CARRIER_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->database == NULL || self->load_failed)
    {
      tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, FALSE);
      return;
    }

  carrier = build_carrier (self, validation);
  tidu_carrier_validate (self->database, carrier, validation);
  show_issues (self, validation);

  tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, !tidu_validation_has_errors (validation));
}

static void
field_changed_cb (GObject    *row,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TiduCarrierEditor *self = user_data;
  const char *field = tidu_form_field_changed (row, self->touched, &self->validate_source,
                                               (TiduFormValidateFunc) tidu_carrier_editor_validate, self);

  /* The name is unique per region: a new region asks again about the name. */
  if (g_strcmp0 (field, "region_id") == 0)
    g_hash_table_add (self->touched, (gpointer) "name");
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduCarrierEditor *self = TIDU_CARRIER_EDITOR (widget);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autoptr(GError) error = NULL;

  /* Saving shows every remaining problem, also in fields not touched yet. */
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
  tidu_carrier_editor_validate (self);
  if (!self->can_save)
    return;

  carrier = build_carrier (self, validation);
  if (!tidu_carrier_save (self->database, carrier, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The carrier was not saved. %s"), error->message);

      /* Keep the form open with everything typed, so the officer can retry. */
      tidu_form_show_error_box (self->error_label, self->error_box, message);
      return;
    }

  gtk_widget_set_visible (self->error_box, FALSE);
  g_signal_emit (self, signals[SAVED], 0, carrier->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
open_other_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TiduCarrierEditor *self = TIDU_CARRIER_EDITOR (widget);
  g_autofree char *other_id = g_strdup (self->other_id);

  if (other_id == NULL)
    return;
  g_signal_emit (self, signals[OPEN_CARRIER], 0, other_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fill_regions (TiduCarrierEditor *self)
{
  g_strfreev (self->region_values);
  self->region_values = tidu_form_fill_regions (self->region_row, self->database, _("None"));
}

static void
select_default_region (TiduCarrierEditor *self)
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
fill_rows (TiduCarrierEditor *self)
{
  const TiduCarrier *carrier = self->carrier;
  g_autofree char *area = tidu_carrier_editor_format_area (carrier->area_m2);

  tidu_form_set_text (self->name_row, carrier->name);
  tidu_form_set_combo_value (self->kind_row, self->kind_values, carrier->kind);
  tidu_form_set_combo_value (self->level_row, self->level_values, carrier->level);
  tidu_form_set_combo_value (self->region_row, self->region_values, carrier->region_id);
  tidu_form_set_text (self->operator_row, carrier->operator);
  tidu_form_set_text (self->operator_uscc_row, carrier->operator_uscc);
  tidu_form_set_text (self->address_row, carrier->address);
  tidu_form_set_text (self->area_row, area);
  tidu_form_set_date (self->founded_row, &carrier->founded_on);
  tidu_form_set_text (self->contact_name_row, carrier->contact_name);
  tidu_form_set_text (self->contact_phone_row, carrier->contact_phone);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            carrier->notes != NULL ? carrier->notes : "", -1);
}

static void
load (TiduCarrierEditor *self,
      const char        *carrier_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) levels = NULL;

  /* Translators: the kind of carrier before one is chosen */
  self->kind_values = tidu_form_fill_vocabulary (self->kind_row, self->database,
                                                 TIDU_VOCABULARY_CARRIER_KIND, _("Not chosen"));
  self->level_values = tidu_form_fill_vocabulary (self->level_row, self->database,
                                                  TIDU_VOCABULARY_LEVEL, _("None"));
  fill_regions (self);

  if (carrier_id == NULL)
    {
      self->carrier = tidu_carrier_new ();
      adw_window_title_set_title (self->window_title, _("New Carrier"));
      select_default_region (self);
      return;
    }

  self->carrier = tidu_carrier_load (self->database, carrier_id, &error);
  if (self->carrier == NULL)
    {
      self->carrier = tidu_carrier_new ();
      self->load_failed = TRUE;
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  adw_window_title_set_title (self->window_title, _("Edit Carrier"));
  adw_window_title_set_subtitle (self->window_title, self->carrier->name);
  fill_rows (self);

  /* With a level history the level follows the recognitions, not this row. */
  levels = tidu_carrier_list_levels (self->database, carrier_id, NULL);
  if (levels != NULL && levels->len > 0)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->level_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->level_row),
                                   _("Follows the level history; add or edit a recognition to change it."));
    }

  /* An existing record shows its problems at once. */
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
}

static void
connect_rows (TiduCarrierEditor *self)
{
  tidu_form_connect_fields (self, field_rows, G_N_ELEMENTS (field_rows), field_changed_cb);
  tidu_form_save_on_activate (GTK_WIDGET (self->contact_phone_row), GTK_WIDGET (self));
}

static void
tidu_carrier_editor_dispose (GObject *object)
{
  TiduCarrierEditor *self = TIDU_CARRIER_EDITOR (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_CARRIER_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_carrier_editor_parent_class)->dispose (object);
}

static void
tidu_carrier_editor_finalize (GObject *object)
{
  TiduCarrierEditor *self = TIDU_CARRIER_EDITOR (object);

  g_clear_pointer (&self->carrier, tidu_carrier_free);
  g_clear_pointer (&self->kind_values, g_strfreev);
  g_clear_pointer (&self->level_values, g_strfreev);
  g_clear_pointer (&self->region_values, g_strfreev);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->other_id, g_free);

  G_OBJECT_CLASS (tidu_carrier_editor_parent_class)->finalize (object);
}

static void
tidu_carrier_editor_class_init (TiduCarrierEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_carrier_editor_dispose;
  object_class->finalize = tidu_carrier_editor_finalize;

  /**
   * TiduCarrierEditor::saved:
   * @carrier_id: the id of the carrier saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * TiduCarrierEditor::open-carrier:
   * @carrier_id: the carrier of the same region that already has the name typed
   */
  signals[OPEN_CARRIER] = g_signal_new ("open-carrier", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-carrier-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, operator_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, operator_uscc_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, founded_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierEditor, notes_view);

  tidu_form_class_add_save_action (widget_class, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.open-other", NULL, open_other_activated);
}

static void
tidu_carrier_editor_init (TiduCarrierEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * tidu_carrier_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @carrier_id: (nullable): the carrier to edit, or %NULL for a new carrier
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduCarrierEditor *
tidu_carrier_editor_new (GtkWindow    *parent,
                         TiduDatabase *database,
                         const char   *carrier_id)
{
  TiduCarrierEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = tidu_form_new_window (TIDU_TYPE_CARRIER_EDITOR, parent);
  self->database = g_object_ref (database);
  load (self, carrier_id);
  connect_rows (self);
  tidu_carrier_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

/**
 * tidu_carrier_editor_get_carrier_id:
 *
 * Returns: (nullable): the id of the carrier edited, %NULL for a new carrier not saved yet
 */
const char *
tidu_carrier_editor_get_carrier_id (TiduCarrierEditor *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_EDITOR (self), NULL);
  return self->carrier->id;
}

gboolean
tidu_carrier_editor_get_can_save (TiduCarrierEditor *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_EDITOR (self), FALSE);
  return self->carrier != NULL && self->can_save;
}
