/* tidu-target-editor.c: the window that adds or edits a target (指标任务) and its yearly
 * breakdown (年度分解)
 *
 * The indicator picks what the "Of" row offers (a tier, 签约 or 落地, a carrier kind and level,
 * a talent plan). The breakdown has a row per year from the first to the last; a blank row is
 * a year without a goal of its own. The core validates as the officer types and the issues
 * show under their rows; Save (Ctrl+S) writes the target and its breakdown in one transaction.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"
#include "tidu-target-editor.h"

/* More years than this make no breakdown anyone types by hand. */
#define MAX_BREAKDOWN_YEARS 30

struct _TiduTargetEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkLabel             *error_label;
  AdwEntryRow          *title_row;
  AdwComboRow          *indicator_row;
  AdwComboRow          *parameter_row;
  AdwComboRow          *region_row;
  AdwActionRow         *start_row;
  AdwActionRow         *end_row;
  GtkSpinButton        *start_spin;
  GtkSpinButton        *end_spin;
  AdwEntryRow          *value_row;
  AdwPreferencesGroup  *years_group;
  AdwEntryRow          *source_row;
  AdwEntryRow          *notes_row;

  /* Owned references */
  TiduDatabase   *database;
  TiduTarget     *target;         /* as loaded, or a new one */
  GStrv           region_values;
  GStrv           parameter_values;
  GHashTable     *year_rows;      /* year (GINT_TO_POINTER) → AdwEntryRow */
  GHashTable     *year_texts;     /* year → typed text, kept while the range changes */

  gboolean        loading;
  gboolean        touched;        /* issues show once the officer has typed or saved */
};

G_DEFINE_FINAL_TYPE (TiduTargetEditor, tidu_target_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ parameter choices */

static void
add_choice (GPtrArray  *choices,
            const char *value,
            const char *label)
{
  TiduListChoice *choice = g_new0 (TiduListChoice, 1);

  choice->value = g_strdup (value);
  choice->label = g_strdup (label);
  g_ptr_array_add (choices, choice);
}

static gboolean
add_vocabulary (GPtrArray       *choices,
                TiduDatabase    *database,
                TiduVocabulary   vocabulary,
                const char      *prefix,
                GError         **error)
{
  g_autoptr(GPtrArray) items = tidu_vocabulary_list (database, vocabulary, error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (items, i);
      g_autofree char *value = g_strconcat (prefix, item->code, NULL);

      add_choice (choices, value, tidu_vocab_item_get_label (item));
    }
  return TRUE;
}

/**
 * tidu_target_parameter_choices:
 *
 * Returns: (transfer full) (element-type TiduListChoice) (nullable): the parameters
 *   @indicator takes, the first being the default; %NULL with @error when the database
 *   cannot be read
 */
GPtrArray *
tidu_target_parameter_choices (TiduDatabase   *database,
                               TiduIndicator   indicator,
                               GError        **error)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);

  switch (indicator)
    {
    case TIDU_INDICATOR_FIRMS_PER_TIER:
      {
        g_autoptr(GPtrArray) tiers = tidu_list_filter_choices (database, TIDU_LIST_FIRMS, "tier", error);

        if (tiers == NULL)
          return NULL;
        for (guint i = 0; i < tiers->len; i++)
          {
            const TiduListChoice *tier = g_ptr_array_index (tiers, i);

            if (!g_str_equal (tier->value, "none"))
              add_choice (choices, tier->value, tier->label);
          }
      }
      break;

    case TIDU_INDICATOR_NEW_CERTIFICATIONS:
      if (!add_vocabulary (choices, database, TIDU_VOCABULARY_TIER, "", error))
        return NULL;
      break;

    case TIDU_INDICATOR_FIRMS_ATTRACTED:
      add_choice (choices, "signed", _("Signed"));
      add_choice (choices, "landed", _("Landed"));
      break;

    case TIDU_INDICATOR_CARRIERS:
      {
        g_autoptr(GPtrArray) kinds = tidu_vocabulary_list (database, TIDU_VOCABULARY_CARRIER_KIND, error);
        g_autoptr(GPtrArray) levels = NULL;

        if (kinds == NULL)
          return NULL;
        levels = tidu_vocabulary_list (database, TIDU_VOCABULARY_LEVEL, error);
        if (levels == NULL)
          return NULL;
        add_choice (choices, "", _("Every kind and level"));
        for (guint k = 0; k < kinds->len; k++)
          {
            const TiduVocabItem *kind = g_ptr_array_index (kinds, k);

            add_choice (choices, kind->code, tidu_vocab_item_get_label (kind));
          }
        for (guint l = 0; l < levels->len; l++)
          {
            const TiduVocabItem *level = g_ptr_array_index (levels, l);
            g_autofree char *value = g_strconcat (":", level->code, NULL);
            /* Translators: a carrier level alone as a target's parameter, e.g. "省级 (any kind)" */
            g_autofree char *label = g_strdup_printf (_("%s (any kind)"), tidu_vocab_item_get_label (level));

            add_choice (choices, value, label);
          }
        for (guint k = 0; k < kinds->len; k++)
          for (guint l = 0; l < levels->len; l++)
            {
              const TiduVocabItem *kind = g_ptr_array_index (kinds, k);
              const TiduVocabItem *level = g_ptr_array_index (levels, l);
              g_autofree char *value = g_strconcat (kind->code, ":", level->code, NULL);
              g_autofree char *label = g_strconcat (tidu_vocab_item_get_label (level),
                                                    tidu_vocab_item_get_label (kind), NULL);

              add_choice (choices, value, label);
            }
      }
      break;

    case TIDU_INDICATOR_CARRIER_AREA:
      add_choice (choices, "", _("Every kind"));
      if (!add_vocabulary (choices, database, TIDU_VOCABULARY_CARRIER_KIND, "", error))
        return NULL;
      break;

    case TIDU_INDICATOR_TALENTS_AWARDED:
      {
        g_autoptr(GPtrArray) plans = tidu_list_filter_choices (database, TIDU_LIST_TALENTS, "plan_id", error);

        if (plans == NULL)
          return NULL;
        add_choice (choices, "", _("Every plan"));
        for (guint i = 0; i < plans->len; i++)
          {
            const TiduListChoice *plan = g_ptr_array_index (plans, i);

            add_choice (choices, plan->value, plan->label);
          }
      }
      break;

    case TIDU_INDICATOR_PROMOTION_EVENTS:
    case TIDU_N_INDICATORS:
    default:
      break;
    }
  return g_steal_pointer (&choices);
}

/* ------------------------------------------------------------------ the form */

static TiduIndicator
selected_indicator (TiduTargetEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->indicator_row);

  return selected < TIDU_N_INDICATORS ? (TiduIndicator) selected : TIDU_INDICATOR_FIRMS_PER_TIER;
}

static void
fill_parameters (TiduTargetEditor *self,
                 const char       *current)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  choices = tidu_target_parameter_choices (self->database, selected_indicator (self), &error);
  if (choices == NULL)
    g_warning ("Could not list the parameters: %s", error->message);
  g_strfreev (self->parameter_values);
  self->parameter_values = tidu_form_fill_combo (self->parameter_row, choices, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->parameter_row), choices != NULL && choices->len > 0);
  tidu_form_set_combo_value (self->parameter_row, self->parameter_values, current);
}

static void
remember_year_texts (TiduTargetEditor *self)
{
  GHashTableIter iter;
  gpointer key, row;

  g_hash_table_iter_init (&iter, self->year_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    g_hash_table_insert (self->year_texts, key,
                         g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void validate (TiduTargetEditor *self);

static void
year_changed_cb (TiduTargetEditor *self)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  validate (self);
}

static void
clear_year_rows (TiduTargetEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->year_rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    adw_preferences_group_remove (self->years_group, row);
  g_hash_table_remove_all (self->year_rows);
}

/* A row per year of the range; what was typed for a year stays when the range moves. */
static void
build_year_rows (TiduTargetEditor *self)
{
  int start = gtk_spin_button_get_value_as_int (self->start_spin);
  int end = gtk_spin_button_get_value_as_int (self->end_spin);

  remember_year_texts (self);
  clear_year_rows (self);

  if (end < start || end - start >= MAX_BREAKDOWN_YEARS)
    return;

  for (int year = start; year <= end; year++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      g_autofree char *title = g_strdup_printf ("%d", year);
      const char *text = g_hash_table_lookup (self->year_texts, GINT_TO_POINTER (year));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
      gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
      g_signal_connect_object (entry, "changed", G_CALLBACK (year_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->years_group, entry);
      g_hash_table_insert (self->year_rows, GINT_TO_POINTER (year), entry);
    }
}

/* The target as the form says, and the issues of what cannot be read. */
static TiduTarget *
build_target (TiduTargetEditor *self,
              TiduValidation   *validation)
{
  TiduTarget *target = tidu_target_copy (self->target);
  const char *parameter = NULL;
  GHashTableIter iter;
  gpointer key, row;

  g_free (target->indicator);
  target->indicator = g_strdup (tidu_indicator_to_string (selected_indicator (self)));
  if (gtk_widget_get_visible (GTK_WIDGET (self->parameter_row)))
    parameter = tidu_form_get_combo_value (self->parameter_row, self->parameter_values);
  g_free (target->parameter);
  target->parameter = g_strdup (parameter);
  g_free (target->region_id);
  target->region_id = g_strdup (tidu_form_get_combo_value (self->region_row, self->region_values));
  g_free (target->title);
  target->title = tidu_form_get_text (self->title_row);
  target->start_year = gtk_spin_button_get_value_as_int (self->start_spin);
  target->end_year = gtk_spin_button_get_value_as_int (self->end_spin);
  target->value = tidu_form_get_int (self->value_row, "value", validation);
  if (!TIDU_IS_SET (target->value) && tidu_validation_find (validation, "value") == NULL)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, "value", NULL,
                         "%s", _("Enter the goal of the last year."));
  g_free (target->source);
  target->source = tidu_form_get_text (self->source_row);
  g_free (target->notes);
  target->notes = tidu_form_get_text (self->notes_row);

  g_array_set_size (target->years, 0);
  g_hash_table_iter_init (&iter, self->year_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      g_autofree char *field = g_strdup_printf ("year-%d", GPOINTER_TO_INT (key));
      gint64 value = tidu_form_get_int (ADW_ENTRY_ROW (row), field, validation);

      if (TIDU_IS_SET (value))
        tidu_target_set_year (target, GPOINTER_TO_INT (key), value);
    }
  if (g_hash_table_size (self->year_rows) == 0 && target->end_year - target->start_year >= MAX_BREAKDOWN_YEARS)
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, "end_year", NULL,
                         _("A target runs over at most %d years."), MAX_BREAKDOWN_YEARS);
  return target;
}

static void
show_issues (TiduTargetEditor *self,
             TiduValidation   *validation)
{
  static const struct { const char *field; gsize offset; } rows[] = {
    { "indicator", G_STRUCT_OFFSET (TiduTargetEditor, indicator_row) },
    { "parameter", G_STRUCT_OFFSET (TiduTargetEditor, parameter_row) },
    { "region_id", G_STRUCT_OFFSET (TiduTargetEditor, region_row) },
    { "start_year", G_STRUCT_OFFSET (TiduTargetEditor, start_row) },
    { "end_year", G_STRUCT_OFFSET (TiduTargetEditor, end_row) },
    { "value", G_STRUCT_OFFSET (TiduTargetEditor, value_row) },
  };
  GHashTableIter iter;
  gpointer key, row;
  const TiduIssue *years;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    tidu_form_show_issue (G_STRUCT_MEMBER (GtkWidget *, self, rows[i].offset), validation, rows[i].field);

  g_hash_table_iter_init (&iter, self->year_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      g_autofree char *field = g_strdup_printf ("year-%d", GPOINTER_TO_INT (key));

      tidu_form_show_issue (row, validation, field);
    }

  /* An issue of the breakdown as a whole goes above the form. */
  years = validation != NULL ? tidu_validation_find (validation, "years") : NULL;
  tidu_form_set_error_label (self->error_label,
                             years != NULL && years->severity == TIDU_SEVERITY_ERROR ? years->message : NULL);
}

static gboolean
check (TiduTargetEditor  *self,
       TiduTarget       **out)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduTarget) target = build_target (self, validation);
  gboolean ok;

  tidu_target_validate (self->database, target, validation);
  ok = !tidu_validation_has_errors (validation);
  show_issues (self, self->touched ? validation : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", TRUE);
  if (out != NULL)
    *out = g_steal_pointer (&target);
  return ok;
}

static void
validate (TiduTargetEditor *self)
{
  check (self, NULL);
}

static void
field_changed_cb (TiduTargetEditor *self)
{
  if (self->loading)
    return;
  self->touched = TRUE;
  validate (self);
}

static void
indicator_changed_cb (TiduTargetEditor *self)
{
  g_autofree char *current = NULL;

  if (self->loading)
    return;
  current = g_strdup (tidu_form_get_combo_value (self->parameter_row, self->parameter_values));
  fill_parameters (self, current);
  field_changed_cb (self);
}

static void
years_changed_cb (TiduTargetEditor *self)
{
  if (self->loading)
    return;
  build_year_rows (self);
  field_changed_cb (self);
}

/* ------------------------------------------------------------------ saving */

gboolean
tidu_target_editor_save (TiduTargetEditor *self)
{
  g_autoptr(TiduTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TIDU_IS_TARGET_EDITOR (self), FALSE);

  self->touched = TRUE;
  if (!check (self, &target))
    return FALSE;

  if (!tidu_target_save (self->database, target, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The target was not saved. %s"), error->message);

      tidu_form_set_error_label (self->error_label, message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, target->id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tidu_target_editor_save (TIDU_TARGET_EDITOR (widget));
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_target_editor_dispose (GObject *object)
{
  g_clear_object (&TIDU_TARGET_EDITOR (object)->database);
  G_OBJECT_CLASS (tidu_target_editor_parent_class)->dispose (object);
}

static void
tidu_target_editor_finalize (GObject *object)
{
  TiduTargetEditor *self = TIDU_TARGET_EDITOR (object);

  g_clear_pointer (&self->target, tidu_target_free);
  g_clear_pointer (&self->region_values, g_strfreev);
  g_clear_pointer (&self->parameter_values, g_strfreev);
  g_clear_pointer (&self->year_rows, g_hash_table_unref);
  g_clear_pointer (&self->year_texts, g_hash_table_unref);
  G_OBJECT_CLASS (tidu_target_editor_parent_class)->finalize (object);
}

static void
tidu_target_editor_class_init (TiduTargetEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_target_editor_dispose;
  object_class->finalize = tidu_target_editor_finalize;

  /**
   * TiduTargetEditor::saved:
   * @target_id: the id of the target saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-target-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, parameter_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, start_spin);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, end_spin);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, years_group);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetEditor, notes_row);

  tidu_form_class_add_save_action (widget_class, save_activated);
}

static void
tidu_target_editor_init (TiduTargetEditor *self)
{
  g_autoptr(GtkStringList) indicators = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Until tidu_target_editor_set_target () fills the form. */
  self->loading = TRUE;
  self->year_rows = g_hash_table_new (NULL, NULL);
  self->year_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < TIDU_N_INDICATORS; i++)
    gtk_string_list_append (indicators, tidu_indicator_get_label ((TiduIndicator) i));
  adw_combo_row_set_model (self->indicator_row, G_LIST_MODEL (indicators));

  g_signal_connect_object (self->indicator_row, "notify::selected", G_CALLBACK (indicator_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->parameter_row, "notify::selected", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_row, "notify::selected", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->value_row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_spin, "value-changed", G_CALLBACK (years_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->end_spin, "value-changed", G_CALLBACK (years_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * tidu_target_editor_set_target:
 * @self: a #TiduTargetEditor
 * @target: the values to show
 *
 * Fills the form from @target; saving then updates @target's record when it has an id.
 */
void
tidu_target_editor_set_target (TiduTargetEditor *self,
                               const TiduTarget *target)
{
  TiduIndicator indicator = TIDU_INDICATOR_FIRMS_PER_TIER;

  g_return_if_fail (TIDU_IS_TARGET_EDITOR (self));
  g_return_if_fail (target != NULL);

  self->loading = TRUE;
  g_clear_pointer (&self->target, tidu_target_free);
  self->target = tidu_target_copy (target);

  tidu_indicator_from_string (target->indicator, &indicator);
  adw_combo_row_set_selected (self->indicator_row, indicator);
  fill_parameters (self, target->parameter);
  tidu_form_set_combo_value (self->region_row, self->region_values, target->region_id);
  tidu_form_set_text (self->title_row, target->title);
  gtk_spin_button_set_value (self->start_spin, target->start_year);
  gtk_spin_button_set_value (self->end_spin, target->end_year);
  tidu_form_set_int (self->value_row, target->value);
  tidu_form_set_text (self->source_row, target->source);
  tidu_form_set_text (self->notes_row, target->notes);

  clear_year_rows (self);
  g_hash_table_remove_all (self->year_texts);
  for (guint i = 0; target->years != NULL && i < target->years->len; i++)
    {
      const TiduTargetYear *year = &g_array_index (target->years, TiduTargetYear, i);

      g_hash_table_insert (self->year_texts, GINT_TO_POINTER (year->year),
                           g_strdup_printf ("%" G_GINT64_FORMAT, year->value));
    }
  build_year_rows (self);
  self->loading = FALSE;
  validate (self);
}

/**
 * tidu_target_editor_new:
 * @parent: (nullable): the window it belongs to
 * @target_id: (nullable): the target to edit, %NULL for a new one
 * @region_id: (nullable): a new target's region
 * @year: a new target's last year
 *
 * Returns: (transfer none): the editor, owned by GTK until it closes
 */
TiduTargetEditor *
tidu_target_editor_new (GtkWindow    *parent,
                        TiduDatabase *database,
                        const char   *target_id,
                        const char   *region_id,
                        int           year)
{
  TiduTargetEditor *self;
  g_autoptr(TiduTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = g_object_new (TIDU_TYPE_TARGET_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->region_values = tidu_form_fill_regions (self->region_row, database, _("All regions"));

  if (target_id != NULL)
    {
      target = tidu_target_load (database, target_id, &error);
      if (target == NULL)
        tidu_form_set_error_label (self->error_label, error->message);
    }
  if (target == NULL)
    {
      target = tidu_target_new ();
      target->indicator = g_strdup (tidu_indicator_to_string (TIDU_INDICATOR_FIRMS_PER_TIER));
      target->parameter = g_strdup ("hnte");
      target->region_id = g_strdup (region_id);
      target->start_year = year;
      target->end_year = year;
      target->value = TIDU_UNSET;
    }

  adw_window_title_set_title (self->window_title, target->id != NULL ? _("Edit Target") : _("New Target"));
  gtk_window_set_title (GTK_WINDOW (self), target->id != NULL ? _("Edit Target") : _("New Target"));
  tidu_target_editor_set_target (self, target);
  return self;
}

const char *
tidu_target_editor_get_year_text (TiduTargetEditor *self,
                                  int               year)
{
  GtkEditable *row;

  g_return_val_if_fail (TIDU_IS_TARGET_EDITOR (self), NULL);

  row = g_hash_table_lookup (self->year_rows, GINT_TO_POINTER (year));
  return row != NULL ? gtk_editable_get_text (row) : NULL;
}

void
tidu_target_editor_set_year_text (TiduTargetEditor *self,
                                  int               year,
                                  const char       *text)
{
  GtkEditable *row;

  g_return_if_fail (TIDU_IS_TARGET_EDITOR (self));

  row = g_hash_table_lookup (self->year_rows, GINT_TO_POINTER (year));
  g_return_if_fail (row != NULL);
  gtk_editable_set_text (row, text != NULL ? text : "");
}

/**
 * tidu_target_editor_get_error:
 *
 * Returns: (nullable): the message above the form, if one shows
 */
const char *
tidu_target_editor_get_error (TiduTargetEditor *self)
{
  g_return_val_if_fail (TIDU_IS_TARGET_EDITOR (self), NULL);

  return tidu_form_get_error_label (self->error_label);
}
