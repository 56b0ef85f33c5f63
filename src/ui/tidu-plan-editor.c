/* tidu-plan-editor.c: the windows that add or edit a talent plan, a category of a plan (its
 * funding standard) and a batch of a plan
 *
 * Officers add their own district's plan here (红韵海州英才计划 and the like). Each form asks
 * the core as the officer types and shows its issues under the rows, like the firm editor.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-talent-editor.h"

#include "tidu-plan-editor.h"

enum {
  SAVED,
  N_SIGNALS
};

static guint plan_signals[N_SIGNALS];
static guint category_signals[N_SIGNALS];
static guint batch_signals[N_SIGNALS];

/* ------------------------------------------------------------------ plan */

struct _TiduPlanEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *level_row;
  AdwEntryRow    *issuer_row;
  AdwEntryRow    *region_name_row;
  AdwComboRow    *region_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *source_row;

  TiduTalentForm    form;
  TiduDatabase   *database;
  TiduTalentPlan *plan;
  GStrv           level_values;
  GStrv           region_values;
  gboolean        can_save;
  gboolean        load_failed;
};

G_DEFINE_FINAL_TYPE (TiduPlanEditor, tidu_plan_editor, ADW_TYPE_WINDOW)

static TiduTalentPlan *
build_plan (TiduPlanEditor *self)
{
  TiduTalentPlan *plan = tidu_talent_plan_copy (self->plan);

  tidu_form_replace (&plan->name, tidu_form_get_text (self->name_row));
  tidu_form_replace (&plan->level, g_strdup (tidu_form_get_combo_value (self->level_row, self->level_values)));
  tidu_form_replace (&plan->issuer, tidu_form_get_text (self->issuer_row));
  tidu_form_replace (&plan->region_name, tidu_form_get_text (self->region_name_row));
  tidu_form_replace (&plan->region_id, g_strdup (tidu_form_get_combo_value (self->region_row, self->region_values)));
  tidu_form_replace (&plan->description, tidu_form_get_text (self->description_row));
  tidu_form_replace (&plan->source, tidu_form_get_text (self->source_row));
  return plan;
}

void
tidu_plan_editor_validate (TiduPlanEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduValidation) core = NULL;
  g_autoptr(TiduTalentPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TIDU_IS_PLAN_EDITOR (self));

  if (!self->load_failed)
    {
      plan = build_plan (self);
      core = tidu_talent_plan_validate (self->database, plan, &error);
      _tidu_validation_merge (validation, core, error);
      _tidu_talent_form_show_issues (&self->form, validation);
    }
  self->can_save = !self->load_failed && !tidu_validation_has_errors (validation);
  _tidu_talent_form_set_can_save (&self->form, self->can_save);
}

static void
plan_changed_cb (gpointer user_data)
{
  tidu_plan_editor_validate (TIDU_PLAN_EDITOR (user_data));
}

static void
plan_save_cb (GtkWindow *window)
{
  TiduPlanEditor *self = TIDU_PLAN_EDITOR (window);
  g_autoptr(TiduTalentPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  _tidu_talent_form_touch_all (&self->form);
  tidu_plan_editor_validate (self);
  if (!self->can_save)
    return;

  plan = build_plan (self);
  if (!tidu_talent_plan_save (self->database, plan, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The talent plan was not saved. %s"), error->message);

      _tidu_talent_form_show_error (&self->form, message);
      return;
    }
  g_signal_emit (self, plan_signals[SAVED], 0, plan->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tidu_plan_editor_dispose (GObject *object)
{
  g_clear_object (&TIDU_PLAN_EDITOR (object)->database);
  G_OBJECT_CLASS (tidu_plan_editor_parent_class)->dispose (object);
}

static void
tidu_plan_editor_finalize (GObject *object)
{
  TiduPlanEditor *self = TIDU_PLAN_EDITOR (object);

  _tidu_talent_form_clear (&self->form);
  g_clear_pointer (&self->plan, tidu_talent_plan_free);
  g_clear_pointer (&self->level_values, g_strfreev);
  g_clear_pointer (&self->region_values, g_strfreev);
  G_OBJECT_CLASS (tidu_plan_editor_parent_class)->finalize (object);
}

static void
plan_editor_save_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  plan_save_cb (GTK_WINDOW (widget));
}

static void
tidu_plan_editor_class_init (TiduPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_plan_editor_dispose;
  object_class->finalize = tidu_plan_editor_finalize;

  /**
   * TiduPlanEditor::saved:
   * @plan_id: the id of the plan saved
   */
  plan_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-plan-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, region_name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanEditor, source_row);

  tidu_form_class_add_save_action (widget_class, plan_editor_save_activated);
}

static void
tidu_plan_editor_init (TiduPlanEditor *self)
{
  static const struct
  {
    const char *field;
    gsize       offset;
  } field_rows[] = {
    { "name", G_STRUCT_OFFSET (TiduPlanEditor, name_row) },
    { "level", G_STRUCT_OFFSET (TiduPlanEditor, level_row) },
    { "issuer", G_STRUCT_OFFSET (TiduPlanEditor, issuer_row) },
    { "region_name", G_STRUCT_OFFSET (TiduPlanEditor, region_name_row) },
    { "region_id", G_STRUCT_OFFSET (TiduPlanEditor, region_row) },
    { "description", G_STRUCT_OFFSET (TiduPlanEditor, description_row) },
    { "source", G_STRUCT_OFFSET (TiduPlanEditor, source_row) },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  _tidu_talent_form_bind (&self->form, GTK_WIDGET (self), self->window_title, self->error_box, self->error_label);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    _tidu_talent_form_add_field (&self->form, G_STRUCT_MEMBER (GtkWidget *, self, field_rows[i].offset),
                                 field_rows[i].field);
}

/**
 * tidu_plan_editor_new:
 * @plan_id: (nullable): the plan to edit, or %NULL for a new plan
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduPlanEditor *
tidu_plan_editor_new (GtkWindow    *parent,
                      TiduDatabase *database,
                      const char   *plan_id)
{
  TiduPlanEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = tidu_form_new_window (TIDU_TYPE_PLAN_EDITOR, parent);
  self->database = g_object_ref (database);
  self->level_values = tidu_form_fill_vocabulary (self->level_row, database, TIDU_VOCABULARY_LEVEL, _("None"));
  self->region_values = tidu_form_fill_regions (self->region_row, database, _("None"));

  if (plan_id == NULL)
    {
      self->plan = tidu_talent_plan_new ();
      adw_window_title_set_title (self->window_title, _("New Talent Plan"));
    }
  else if ((self->plan = tidu_talent_plan_load (database, plan_id, &error)) == NULL)
    {
      self->plan = tidu_talent_plan_new ();
      self->load_failed = TRUE;
      _tidu_talent_form_show_error (&self->form, error->message);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Talent Plan"));
      adw_window_title_set_subtitle (self->window_title, self->plan->name);
      tidu_form_set_text (self->name_row, self->plan->name);
      tidu_form_set_combo_value (self->level_row, self->level_values, self->plan->level);
      tidu_form_set_text (self->issuer_row, self->plan->issuer);
      tidu_form_set_text (self->region_name_row, self->plan->region_name);
      tidu_form_set_combo_value (self->region_row, self->region_values, self->plan->region_id);
      tidu_form_set_text (self->description_row, self->plan->description);
      tidu_form_set_text (self->source_row, self->plan->source);
      _tidu_talent_form_touch_all (&self->form);
    }

  _tidu_talent_form_connect (&self->form, G_CALLBACK (plan_changed_cb), self);
  g_signal_connect_swapped (self->source_row, "entry-activated", G_CALLBACK (plan_save_cb), self);
  tidu_plan_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

gboolean
tidu_plan_editor_get_can_save (TiduPlanEditor *self)
{
  g_return_val_if_fail (TIDU_IS_PLAN_EDITOR (self), FALSE);
  return self->can_save;
}

/* ------------------------------------------------------------------ category */

struct _TiduCategoryEditor
{
  AdwWindow         parent_instance;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkWidget        *error_box;
  GtkLabel         *error_label;
  AdwEntryRow      *name_row;
  AdwActionRow     *team_row;
  GtkSwitch        *team_switch;
  GtkWidget        *funding_group;
  AdwEntryRow      *min_row;
  AdwEntryRow      *max_row;
  AdwEntryRow      *years_row;
  AdwEntryRow      *note_row;

  TiduTalentForm    form;
  TiduDatabase     *database;
  TiduPlanCategory *category;
  gboolean          can_save;
  gboolean          load_failed;
};

G_DEFINE_FINAL_TYPE (TiduCategoryEditor, tidu_category_editor, ADW_TYPE_WINDOW)

static TiduPlanCategory *
build_category (TiduCategoryEditor *self,
                TiduValidation     *validation)
{
  TiduPlanCategory *category = tidu_plan_category_copy (self->category);

  tidu_form_replace (&category->name, tidu_form_get_text (self->name_row));
  category->is_team = gtk_switch_get_active (self->team_switch);
  category->amount_min = tidu_form_get_money (self->min_row, _tidu_display_unit (), "amount_min", validation);
  category->amount_max = tidu_form_get_money (self->max_row, _tidu_display_unit (), "amount_max", validation);
  category->payout_years = tidu_form_get_int (self->years_row, "payout_years", validation);
  tidu_form_replace (&category->payout_note, tidu_form_get_text (self->note_row));
  return category;
}

void
tidu_category_editor_validate (TiduCategoryEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduValidation) core = NULL;
  g_autoptr(TiduPlanCategory) category = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TIDU_IS_CATEGORY_EDITOR (self));

  if (!self->load_failed)
    {
      category = build_category (self, validation);
      core = tidu_plan_category_validate (self->database, category, &error);
      _tidu_validation_merge (validation, core, error);
      _tidu_talent_form_show_issues (&self->form, validation);
    }
  self->can_save = !self->load_failed && !tidu_validation_has_errors (validation);
  _tidu_talent_form_set_can_save (&self->form, self->can_save);
}

static void
category_changed_cb (gpointer user_data)
{
  tidu_category_editor_validate (TIDU_CATEGORY_EDITOR (user_data));
}

static void
category_save_cb (GtkWindow *window)
{
  TiduCategoryEditor *self = TIDU_CATEGORY_EDITOR (window);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduPlanCategory) category = NULL;
  g_autoptr(GError) error = NULL;

  _tidu_talent_form_touch_all (&self->form);
  tidu_category_editor_validate (self);
  if (!self->can_save)
    return;

  category = build_category (self, validation);
  if (!tidu_plan_category_save (self->database, category, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The category was not saved. %s"), error->message);

      _tidu_talent_form_show_error (&self->form, message);
      return;
    }
  g_signal_emit (self, category_signals[SAVED], 0, category->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tidu_category_editor_dispose (GObject *object)
{
  g_clear_object (&TIDU_CATEGORY_EDITOR (object)->database);
  G_OBJECT_CLASS (tidu_category_editor_parent_class)->dispose (object);
}

static void
tidu_category_editor_finalize (GObject *object)
{
  TiduCategoryEditor *self = TIDU_CATEGORY_EDITOR (object);

  _tidu_talent_form_clear (&self->form);
  g_clear_pointer (&self->category, tidu_plan_category_free);
  G_OBJECT_CLASS (tidu_category_editor_parent_class)->finalize (object);
}

static void
category_editor_save_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  category_save_cb (GTK_WINDOW (widget));
}

static void
tidu_category_editor_class_init (TiduCategoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_category_editor_dispose;
  object_class->finalize = tidu_category_editor_finalize;

  /**
   * TiduCategoryEditor::saved:
   * @category_id: the id of the category saved
   */
  category_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-category-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, team_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, min_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, max_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, years_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, team_switch);
  gtk_widget_class_bind_template_child (widget_class, TiduCategoryEditor, funding_group);

  tidu_form_class_add_save_action (widget_class, category_editor_save_activated);
}

static void
tidu_category_editor_init (TiduCategoryEditor *self)
{
  static const struct
  {
    const char *field;
    gsize       offset;
  } field_rows[] = {
    { "name", G_STRUCT_OFFSET (TiduCategoryEditor, name_row) },
    { "is_team", G_STRUCT_OFFSET (TiduCategoryEditor, team_row) },
    { "amount_min", G_STRUCT_OFFSET (TiduCategoryEditor, min_row) },
    { "amount_max", G_STRUCT_OFFSET (TiduCategoryEditor, max_row) },
    { "payout_years", G_STRUCT_OFFSET (TiduCategoryEditor, years_row) },
    { "payout_note", G_STRUCT_OFFSET (TiduCategoryEditor, note_row) },
  };
  g_autofree char *funding = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  _tidu_talent_form_bind (&self->form, GTK_WIDGET (self), self->window_title, self->error_box, self->error_label);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    _tidu_talent_form_add_field (&self->form, G_STRUCT_MEMBER (GtkWidget *, self, field_rows[i].offset),
                                 field_rows[i].field);

  /* Translators: the description of the funding group: amounts are in 10k yuan, say */
  funding = g_strdup_printf (_("Amounts in %s; “50万” and “500,000” work too."),
                             tidu_money_unit_label (_tidu_display_unit ()));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->funding_group), funding);
}

TiduCategoryEditor *
tidu_category_editor_new (GtkWindow    *parent,
                          TiduDatabase *database,
                          const char   *plan_id,
                          const char   *category_id)
{
  TiduCategoryEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (plan_id != NULL || category_id != NULL, NULL);

  self = tidu_form_new_window (TIDU_TYPE_CATEGORY_EDITOR, parent);
  self->database = g_object_ref (database);

  if (category_id == NULL)
    {
      self->category = tidu_plan_category_new ();
      self->category->plan_id = g_strdup (plan_id);
      adw_window_title_set_title (self->window_title, _("New Category"));
    }
  else if ((self->category = tidu_plan_category_load (database, category_id, &error)) == NULL)
    {
      self->category = tidu_plan_category_new ();
      self->load_failed = TRUE;
      _tidu_talent_form_show_error (&self->form, error->message);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Category"));
      adw_window_title_set_subtitle (self->window_title, self->category->name);
      tidu_form_set_text (self->name_row, self->category->name);
      gtk_switch_set_active (self->team_switch, self->category->is_team);
      tidu_form_set_money (self->min_row, _tidu_display_unit (), self->category->amount_min);
      tidu_form_set_money (self->max_row, _tidu_display_unit (), self->category->amount_max);
      tidu_form_set_int (self->years_row, self->category->payout_years);
      tidu_form_set_text (self->note_row, self->category->payout_note);
      _tidu_talent_form_touch_all (&self->form);
    }

  _tidu_talent_form_connect (&self->form, G_CALLBACK (category_changed_cb), self);
  g_signal_connect_swapped (self->note_row, "entry-activated", G_CALLBACK (category_save_cb), self);
  tidu_category_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

gboolean
tidu_category_editor_get_can_save (TiduCategoryEditor *self)
{
  g_return_val_if_fail (TIDU_IS_CATEGORY_EDITOR (self), FALSE);
  return self->can_save;
}

/* ------------------------------------------------------------------ batch */

struct _TiduBatchEditor
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwEntryRow    *year_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *announced_row;

  TiduTalentForm    form;
  TiduDatabase   *database;
  TiduPlanBatch  *batch;
  gboolean        can_save;
  gboolean        load_failed;
};

G_DEFINE_FINAL_TYPE (TiduBatchEditor, tidu_batch_editor, ADW_TYPE_WINDOW)

static TiduPlanBatch *
build_batch (TiduBatchEditor *self,
             TiduValidation  *validation)
{
  TiduPlanBatch *batch = tidu_plan_batch_copy (self->batch);

  batch->year = tidu_form_get_int (self->year_row, "year", validation);
  tidu_form_replace (&batch->name, tidu_form_get_text (self->name_row));
  tidu_form_read_date (self->announced_row, "announced_on", &batch->announced_on, validation);
  return batch;
}

void
tidu_batch_editor_validate (TiduBatchEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduValidation) core = NULL;
  g_autoptr(TiduPlanBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TIDU_IS_BATCH_EDITOR (self));

  if (!self->load_failed)
    {
      batch = build_batch (self, validation);
      core = tidu_plan_batch_validate (self->database, batch, &error);
      _tidu_validation_merge (validation, core, error);
      _tidu_talent_form_show_issues (&self->form, validation);
    }
  self->can_save = !self->load_failed && !tidu_validation_has_errors (validation);
  _tidu_talent_form_set_can_save (&self->form, self->can_save);
}

static void
batch_changed_cb (gpointer user_data)
{
  tidu_batch_editor_validate (TIDU_BATCH_EDITOR (user_data));
}

static void
batch_save_cb (GtkWindow *window)
{
  TiduBatchEditor *self = TIDU_BATCH_EDITOR (window);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduPlanBatch) batch = NULL;
  g_autoptr(GError) error = NULL;

  _tidu_talent_form_touch_all (&self->form);
  tidu_batch_editor_validate (self);
  if (!self->can_save)
    return;

  batch = build_batch (self, validation);
  if (!tidu_plan_batch_save (self->database, batch, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The batch was not saved. %s"), error->message);

      _tidu_talent_form_show_error (&self->form, message);
      return;
    }
  g_signal_emit (self, batch_signals[SAVED], 0, batch->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tidu_batch_editor_dispose (GObject *object)
{
  g_clear_object (&TIDU_BATCH_EDITOR (object)->database);
  G_OBJECT_CLASS (tidu_batch_editor_parent_class)->dispose (object);
}

static void
tidu_batch_editor_finalize (GObject *object)
{
  TiduBatchEditor *self = TIDU_BATCH_EDITOR (object);

  _tidu_talent_form_clear (&self->form);
  g_clear_pointer (&self->batch, tidu_plan_batch_free);
  G_OBJECT_CLASS (tidu_batch_editor_parent_class)->finalize (object);
}

static void
batch_editor_save_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  batch_save_cb (GTK_WINDOW (widget));
}

static void
tidu_batch_editor_class_init (TiduBatchEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_batch_editor_dispose;
  object_class->finalize = tidu_batch_editor_finalize;

  /**
   * TiduBatchEditor::saved:
   * @batch_id: the id of the batch saved
   */
  batch_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-batch-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduBatchEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduBatchEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduBatchEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduBatchEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, TiduBatchEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiduBatchEditor, announced_row);

  tidu_form_class_add_save_action (widget_class, batch_editor_save_activated);
}

static void
tidu_batch_editor_init (TiduBatchEditor *self)
{
  static const struct
  {
    const char *field;
    gsize       offset;
  } field_rows[] = {
    { "year", G_STRUCT_OFFSET (TiduBatchEditor, year_row) },
    { "name", G_STRUCT_OFFSET (TiduBatchEditor, name_row) },
    { "announced_on", G_STRUCT_OFFSET (TiduBatchEditor, announced_row) },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  _tidu_talent_form_bind (&self->form, GTK_WIDGET (self), self->window_title, self->error_box, self->error_label);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    _tidu_talent_form_add_field (&self->form, G_STRUCT_MEMBER (GtkWidget *, self, field_rows[i].offset),
                                 field_rows[i].field);
}

TiduBatchEditor *
tidu_batch_editor_new (GtkWindow    *parent,
                       TiduDatabase *database,
                       const char   *plan_id,
                       const char   *batch_id)
{
  TiduBatchEditor *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (plan_id != NULL || batch_id != NULL, NULL);

  self = tidu_form_new_window (TIDU_TYPE_BATCH_EDITOR, parent);
  self->database = g_object_ref (database);

  if (batch_id == NULL)
    {
      self->batch = tidu_plan_batch_new ();
      self->batch->plan_id = g_strdup (plan_id);
      adw_window_title_set_title (self->window_title, _("New Batch"));
    }
  else if ((self->batch = tidu_plan_batch_load (database, batch_id, &error)) == NULL)
    {
      self->batch = tidu_plan_batch_new ();
      self->load_failed = TRUE;
      _tidu_talent_form_show_error (&self->form, error->message);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Edit Batch"));
      tidu_form_set_int (self->year_row, self->batch->year);
      tidu_form_set_text (self->name_row, self->batch->name);
      tidu_form_set_date (self->announced_row, &self->batch->announced_on);
      _tidu_talent_form_touch_all (&self->form);
    }

  _tidu_talent_form_connect (&self->form, G_CALLBACK (batch_changed_cb), self);
  g_signal_connect_swapped (self->announced_row, "entry-activated", G_CALLBACK (batch_save_cb), self);
  tidu_batch_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->year_row));
  return self;
}

gboolean
tidu_batch_editor_get_can_save (TiduBatchEditor *self)
{
  g_return_val_if_fail (TIDU_IS_BATCH_EDITOR (self), FALSE);
  return self->can_save;
}
