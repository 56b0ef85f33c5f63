/* tidu-carrier-year-editor.c: the window that adds or edits a carrier's yearly statistics
 *
 * The fields of the torch statistics (火炬统计) a district keeps per carrier and year, with the
 * performance grade of that year. The fund is typed and shown in the money display unit of the
 * preferences; "12.5万" or "800千元" are understood whatever that unit is. There is one row per
 * carrier and year, so a new row for a year already recorded replaces it, which the form says.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-carrier-editor.h"
#include "tidu-form-util.h"

#include "tidu-carrier-year-editor.h"

struct _TiduCarrierYearEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *error_box;
  GtkLabel        *error_label;
  AdwEntryRow     *year_row;
  AdwEntryRow     *incubated_row;
  AdwEntryRow     *graduated_year_row;
  AdwEntryRow     *graduated_total_row;
  AdwEntryRow     *funded_row;
  AdwEntryRow     *area_row;
  AdwEntryRow     *fund_row;
  AdwEntryRow     *staff_row;
  AdwEntryRow     *mentors_row;
  AdwComboRow     *grade_row;
  AdwComboRow     *grade_level_row;
  AdwEntryRow     *notes_row;

  /* Owned references */
  TiduDatabase    *database;
  TiduCarrierYear *year;      /* as loaded, or a new one of the carrier */
  GPtrArray       *years;     /* the carrier's recorded years */
  GStrv            grade_values;
  GStrv            level_values;
  GHashTable      *touched;
  TiduMoneyUnit    unit;

  guint            validate_source;
  gboolean         can_save;
  gboolean         load_failed;
};

G_DEFINE_FINAL_TYPE (TiduCarrierYearEditor, tidu_carrier_year_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows that show the issues of a field, by the core's field names. */
#define FIELD(name, member) TIDU_FORM_FIELD (TiduCarrierYearEditor, name, member)

static const TiduFormField field_rows[] = {
  FIELD ("year", year_row),
  FIELD ("incubated_firms", incubated_row),
  FIELD ("graduated_this_year", graduated_year_row),
  FIELD ("graduated_total", graduated_total_row),
  FIELD ("funded_firms", funded_row),
  FIELD ("incubation_area_m2", area_row),
  FIELD ("fund_yuan", fund_row),
  FIELD ("staff", staff_row),
  FIELD ("mentors", mentors_row),
  FIELD ("grade", grade_row),
  FIELD ("grade_level", grade_level_row),
  FIELD ("notes", notes_row),
};

/* The rows of counts, with the gint64 of TiduCarrierYear each fills. */
typedef struct
{
  TiduFormField row;
  gsize         count_offset;
} CountRow;

#define COUNT(name, member, year_member) { FIELD (name, member), G_STRUCT_OFFSET (TiduCarrierYear, year_member) }

static const CountRow count_rows[] = {
  COUNT ("incubated_firms", incubated_row, incubated_firms),
  COUNT ("graduated_this_year", graduated_year_row, graduated_this_year),
  COUNT ("graduated_total", graduated_total_row, graduated_total),
  COUNT ("funded_firms", funded_row, funded_firms),
  COUNT ("staff", staff_row, staff),
  COUNT ("mentors", mentors_row, mentors),
};

/* A whole number, TIDU_UNSET when the row is empty. Negative numbers pass, for the core
 * to explain why they are wrong. */
static gboolean
read_count (AdwEntryRow *row,
            gint64      *value)
{
  g_autofree char *text = tidu_form_get_text (row);
  g_autoptr(GString) clean = g_string_new (NULL);

  *value = TIDU_UNSET;
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)
        g_string_append_c (clean, (char) ('0' + (c - 0xFF10)));
      else if (c != ',' && c != 0xFF0C && !g_unichar_isspace (c))
        g_string_append_unichar (clean, c);
    }
  return g_ascii_string_to_signed (clean->str, 10, -G_MAXINT32, G_MAXINT32, value, NULL);
}

static TiduCarrierYear *
build_year (TiduCarrierYearEditor *self,
            TiduValidation        *validation)
{
  TiduCarrierYear *year = tidu_carrier_year_copy (self->year);
  g_autofree char *fund = NULL;
  gint64 number;

  if (!read_count (self->year_row, &number))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, "year", NULL,
                         "%s", _("Enter the year as a number, such as 2024."));
  year->year = TIDU_IS_SET (number) ? (int) number : 0;

  for (guint i = 0; i < G_N_ELEMENTS (count_rows); i++)
    if (!read_count (ADW_ENTRY_ROW (tidu_form_field_widget (self, &count_rows[i].row)),
                     &G_STRUCT_MEMBER (gint64, year, count_rows[i].count_offset)))
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, count_rows[i].row.field, NULL,
                           "%s", _("Enter a whole number."));

  if (!tidu_carrier_editor_parse_area (gtk_editable_get_text (GTK_EDITABLE (self->area_row)),
                                       &year->incubation_area_m2))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, "incubation_area_m2", NULL,
                         "%s", _("Enter the area in square metres, such as 12000."));

  year->fund_yuan = TIDU_UNSET;
  fund = tidu_form_get_text (self->fund_row);
  if (fund != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!tidu_money_parse (fund, self->unit, &year->fund_yuan, &error))
        {
          year->fund_yuan = TIDU_UNSET;
          tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, "fund_yuan", NULL,
                               "%s", error->message);
        }
    }

  g_free (year->grade);
  year->grade = g_strdup (tidu_form_get_combo_value (self->grade_row, self->grade_values));
  g_free (year->grade_level);
  year->grade_level = g_strdup (tidu_form_get_combo_value (self->grade_level_row, self->level_values));
  g_free (year->notes);
  year->notes = tidu_form_get_text (self->notes_row);
  return year;
}

/* A new row for a year already recorded replaces that year's statistics. */
static void
check_replaced (TiduCarrierYearEditor *self,
                const TiduCarrierYear *year,
                TiduValidation        *validation)
{
  if (year->id != NULL || tidu_validation_find (validation, "year") != NULL)
    return;
  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    {
      const TiduCarrierYear *other = g_ptr_array_index (self->years, i);

      if (other->year == year->year)
        {
          tidu_validation_add (validation, TIDU_SEVERITY_WARNING, TIDU_ERROR_DUPLICATE, "year", other->id,
                               _("Statistics for %d are already recorded. Saving replaces them."), year->year);
          return;
        }
    }
}

static void
show_issues (TiduCarrierYearEditor *self,
             TiduValidation        *validation)
{
  tidu_form_show_field_issues (self, field_rows, G_N_ELEMENTS (field_rows), self->touched, validation,
                               self->error_label, self->error_box);
}

/**
 * tidu_carrier_year_editor_validate:
 *
 * Checks the form now instead of after the short pause that follows typing.
 */
void
tidu_carrier_year_editor_validate (TiduCarrierYearEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCarrierYear) year = NULL;

  g_return_if_fail (TIDU_IS_CARRIER_YEAR_EDITOR (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);
  if (self->load_failed)
    {
      tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, FALSE);
      return;
    }

  year = build_year (self, validation);
  tidu_carrier_year_validate (self->database, year, validation);
  check_replaced (self, year, validation);
  show_issues (self, validation);

  tidu_form_set_can_save (GTK_WIDGET (self), &self->can_save, !tidu_validation_has_errors (validation));
}

static void
field_changed_cb (GObject    *row,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TiduCarrierYearEditor *self = user_data;
  const char *field = tidu_form_field_changed (row, self->touched, &self->validate_source,
                                               (TiduFormValidateFunc) tidu_carrier_year_editor_validate, self);

  /* The rules that join two counts show on the row that names the smaller one. */
  if (g_strcmp0 (field, "graduated_total") == 0)
    g_hash_table_add (self->touched, (gpointer) "graduated_this_year");
  if (g_strcmp0 (field, "incubated_firms") == 0)
    g_hash_table_add (self->touched, (gpointer) "funded_firms");
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduCarrierYearEditor *self = TIDU_CARRIER_YEAR_EDITOR (widget);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduCarrierYear) year = NULL;
  g_autoptr(GError) error = NULL;

  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
  tidu_carrier_year_editor_validate (self);
  if (!self->can_save)
    return;

  year = build_year (self, validation);
  if (!tidu_carrier_year_save (self->database, year, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The statistics were not saved. %s"), error->message);

      tidu_form_show_error_box (self->error_label, self->error_box, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, year->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
set_count (AdwEntryRow *row,
           gint64       value)
{
  g_autofree char *text = TIDU_IS_SET (value) ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  tidu_form_set_text (row, text);
}

static int
default_year (TiduCarrierYearEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = g_date_time_get_year (now);
  int latest = 0;

  for (guint i = 0; self->years != NULL && i < self->years->len; i++)
    latest = MAX (latest, ((const TiduCarrierYear *) g_ptr_array_index (self->years, i))->year);
  /* Statistics are reported for the year just ended. */
  if (latest > 0 && latest + 1 <= this_year)
    return latest + 1;
  return this_year - 1;
}

static void
fill_rows (TiduCarrierYearEditor *self)
{
  const TiduCarrierYear *year = self->year;
  g_autofree char *area = tidu_carrier_editor_format_area (year->incubation_area_m2);
  g_autofree char *fund = TIDU_IS_SET (year->fund_yuan) ? tidu_money_format (year->fund_yuan, self->unit) : NULL;

  set_count (self->year_row, year->year);
  for (guint i = 0; i < G_N_ELEMENTS (count_rows); i++)
    set_count (ADW_ENTRY_ROW (tidu_form_field_widget (self, &count_rows[i].row)),
               G_STRUCT_MEMBER (gint64, year, count_rows[i].count_offset));
  tidu_form_set_text (self->area_row, area);
  tidu_form_set_text (self->fund_row, fund);
  tidu_form_set_combo_value (self->grade_row, self->grade_values, year->grade);
  tidu_form_set_combo_value (self->grade_level_row, self->level_values, year->grade_level);
  tidu_form_set_text (self->notes_row, year->notes);
}

static void
load (TiduCarrierYearEditor *self,
      const char            *carrier_id,
      const char            *year_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *fund_title = NULL;

  self->unit = (TiduMoneyUnit) g_settings_get_enum (settings, "display-unit");
  /* Translators: the fund row of the yearly statistics, with the money unit such as "10k yuan" */
  fund_title = g_strdup_printf (_("Incubation _fund (%s)"), tidu_money_unit_label (self->unit));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fund_row), fund_title);

  self->grade_values = tidu_form_fill_vocabulary (self->grade_row, self->database,
                                                  TIDU_VOCABULARY_GRADE, _("None"));
  self->level_values = tidu_form_fill_vocabulary (self->grade_level_row, self->database,
                                                  TIDU_VOCABULARY_LEVEL, _("None"));
  carrier = tidu_carrier_load (self->database, carrier_id, NULL);
  if (carrier != NULL)
    adw_window_title_set_subtitle (self->window_title, carrier->name);

  self->years = tidu_carrier_list_years (self->database, carrier_id, &error);
  if (year_id == NULL)
    {
      self->year = tidu_carrier_year_new ();
      self->year->carrier_id = g_strdup (carrier_id);
      self->year->year = default_year (self);
      adw_window_title_set_title (self->window_title, _("New Yearly Statistics"));
      set_count (self->year_row, self->year->year);
      return;
    }

  adw_window_title_set_title (self->window_title, _("Edit Yearly Statistics"));
  for (guint i = 0; self->years != NULL && i < self->years->len && self->year == NULL; i++)
    {
      const TiduCarrierYear *year = g_ptr_array_index (self->years, i);

      if (g_str_equal (year->id, year_id))
        self->year = tidu_carrier_year_copy (year);
    }
  if (self->year == NULL)
    {
      self->year = tidu_carrier_year_new ();
      self->load_failed = TRUE;
      gtk_label_set_text (self->error_label,
                          error != NULL ? error->message : _("The yearly statistics were not found, or they were deleted."));
      gtk_widget_set_visible (self->error_box, TRUE);
      return;
    }

  fill_rows (self);
  tidu_form_touch_fields (self->touched, field_rows, G_N_ELEMENTS (field_rows));
}

static void
connect_rows (TiduCarrierYearEditor *self)
{
  tidu_form_connect_fields (self, field_rows, G_N_ELEMENTS (field_rows), field_changed_cb);
  tidu_form_save_on_activate (GTK_WIDGET (self->notes_row), GTK_WIDGET (self));
}

static void
tidu_carrier_year_editor_dispose (GObject *object)
{
  TiduCarrierYearEditor *self = TIDU_CARRIER_YEAR_EDITOR (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_CARRIER_YEAR_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_carrier_year_editor_parent_class)->dispose (object);
}

static void
tidu_carrier_year_editor_finalize (GObject *object)
{
  TiduCarrierYearEditor *self = TIDU_CARRIER_YEAR_EDITOR (object);

  g_clear_pointer (&self->year, tidu_carrier_year_free);
  g_clear_pointer (&self->years, g_ptr_array_unref);
  g_clear_pointer (&self->grade_values, g_strfreev);
  g_clear_pointer (&self->level_values, g_strfreev);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (tidu_carrier_year_editor_parent_class)->finalize (object);
}

static void
tidu_carrier_year_editor_class_init (TiduCarrierYearEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_carrier_year_editor_dispose;
  object_class->finalize = tidu_carrier_year_editor_finalize;

  /**
   * TiduCarrierYearEditor::saved:
   * @year_id: the id of the yearly statistics saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-carrier-year-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, incubated_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, graduated_year_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, graduated_total_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, funded_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, area_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, fund_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, staff_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, mentors_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, grade_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, grade_level_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierYearEditor, notes_row);

  tidu_form_class_add_save_action (widget_class, save_activated);
}

static void
tidu_carrier_year_editor_init (TiduCarrierYearEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->touched = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
}

/**
 * tidu_carrier_year_editor_new:
 * @carrier_id: the carrier the statistics belong to
 * @year_id: (nullable): the statistics to edit, or %NULL for a new year
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduCarrierYearEditor *
tidu_carrier_year_editor_new (GtkWindow    *parent,
                              TiduDatabase *database,
                              const char   *carrier_id,
                              const char   *year_id)
{
  TiduCarrierYearEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (carrier_id != NULL, NULL);

  self = tidu_form_new_window (TIDU_TYPE_CARRIER_YEAR_EDITOR, parent);
  self->database = g_object_ref (database);
  load (self, carrier_id, year_id);
  connect_rows (self);
  tidu_carrier_year_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->year_row));
  return self;
}

gboolean
tidu_carrier_year_editor_get_can_save (TiduCarrierYearEditor *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_YEAR_EDITOR (self), FALSE);
  return self->can_save;
}
