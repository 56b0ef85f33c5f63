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

static void
replace (char **member,
         char  *value)
{
  g_free (*member);
  *member = value;
}

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

  TiduTalentForm  form;
  AdwEntryRow    *name_row;
  AdwComboRow    *level_row;
  AdwEntryRow    *issuer_row;
  AdwEntryRow    *region_name_row;
  AdwComboRow    *region_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *source_row;

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

  replace (&plan->name, tidu_form_get_text (self->name_row));
  replace (&plan->level, g_strdup (tidu_form_get_combo_value (self->level_row, self->level_values)));
  replace (&plan->issuer, tidu_form_get_text (self->issuer_row));
  replace (&plan->region_name, tidu_form_get_text (self->region_name_row));
  replace (&plan->region_id, g_strdup (tidu_form_get_combo_value (self->region_row, self->region_values)));
  replace (&plan->description, tidu_form_get_text (self->description_row));
  replace (&plan->source, tidu_form_get_text (self->source_row));
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
tidu_plan_editor_class_init (TiduPlanEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tidu_plan_editor_dispose;
  object_class->finalize = tidu_plan_editor_finalize;

  /**
   * TiduPlanEditor::saved:
   * @plan_id: the id of the plan saved
   */
  plan_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tidu_plan_editor_init (TiduPlanEditor *self)
{
  TiduTalentForm *form = &self->form;
  GtkWidget *group;

  _tidu_talent_form_init (form, GTK_WINDOW (self), G_CALLBACK (plan_save_cb), 600, 640);

  group = _tidu_talent_form_group (form, _("Talent Plan"), NULL);
  self->name_row = _tidu_talent_form_entry (form, group, _("_Name"), "name");
  self->level_row = _tidu_talent_form_combo (form, group, _("_Level"), "level");
  self->issuer_row = _tidu_talent_form_entry (form, group, _("_Issued by"), "issuer");

  group = _tidu_talent_form_group (form, _("Where It Applies"), NULL);
  self->region_name_row = _tidu_talent_form_entry (form, group, _("Region _name as the plan writes it"), "region_name");
  self->region_row = _tidu_talent_form_combo (form, group, _("_Region in this database"), "region_id");

  group = _tidu_talent_form_group (form, _("About"), NULL);
  self->description_row = _tidu_talent_form_entry (form, group, _("_Description"), "description");
  self->source_row = _tidu_talent_form_entry (form, group, _("_Source document"), "source");
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
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = g_object_new (TIDU_TYPE_PLAN_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->database = g_object_ref (database);
  self->level_values = tidu_form_fill_vocabulary (self->level_row, database, TIDU_VOCABULARY_LEVEL, _("None"));
  regions = _tidu_region_choices (database);
  self->region_values = tidu_form_fill_combo (self->region_row, regions, _("None"));

  if (plan_id == NULL)
    {
      self->plan = tidu_talent_plan_new ();
      adw_window_title_set_title (self->form.title, _("New Talent Plan"));
    }
  else if ((self->plan = tidu_talent_plan_load (database, plan_id, &error)) == NULL)
    {
      self->plan = tidu_talent_plan_new ();
      self->load_failed = TRUE;
      _tidu_talent_form_show_error (&self->form, error->message);
    }
  else
    {
      adw_window_title_set_title (self->form.title, _("Edit Talent Plan"));
      adw_window_title_set_subtitle (self->form.title, self->plan->name);
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

  TiduTalentForm    form;
  AdwEntryRow      *name_row;
  GtkSwitch        *team_switch;
  AdwEntryRow      *min_row;
  AdwEntryRow      *max_row;
  AdwEntryRow      *years_row;
  AdwEntryRow      *note_row;

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

  replace (&category->name, tidu_form_get_text (self->name_row));
  category->is_team = gtk_switch_get_active (self->team_switch);
  category->amount_min = _tidu_form_get_money (self->min_row, "amount_min", validation);
  category->amount_max = _tidu_form_get_money (self->max_row, "amount_max", validation);
  category->payout_years = _tidu_form_get_int (self->years_row, "payout_years", validation);
  replace (&category->payout_note, tidu_form_get_text (self->note_row));
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
tidu_category_editor_class_init (TiduCategoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tidu_category_editor_dispose;
  object_class->finalize = tidu_category_editor_finalize;

  /**
   * TiduCategoryEditor::saved:
   * @category_id: the id of the category saved
   */
  category_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tidu_category_editor_init (TiduCategoryEditor *self)
{
  TiduTalentForm *form = &self->form;
  GtkWidget *group;
  g_autofree char *funding = NULL;

  _tidu_talent_form_init (form, GTK_WINDOW (self), G_CALLBACK (category_save_cb), 560, 560);

  group = _tidu_talent_form_group (form, _("Category"), NULL);
  self->name_row = _tidu_talent_form_entry (form, group, _("_Name"), "name");
  self->team_switch = _tidu_talent_form_switch (form, group, _("_Team category"), "is_team");

  /* Translators: the description of the funding group: amounts are in 10k yuan, say */
  funding = g_strdup_printf (_("Amounts in %s; “50万” and “500,000” work too."),
                             tidu_money_unit_label (_tidu_display_unit ()));
  group = _tidu_talent_form_group (form, _("Funding Standard"), funding);
  self->min_row = _tidu_talent_form_entry (form, group, _("_Lowest amount"), "amount_min");
  self->max_row = _tidu_talent_form_entry (form, group, _("_Highest amount"), "amount_max");
  self->years_row = _tidu_talent_form_entry (form, group, _("_Paid out over years"), "payout_years");
  self->note_row = _tidu_talent_form_entry (form, group, _("Payout _note"), "payout_note");
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

  self = g_object_new (TIDU_TYPE_CATEGORY_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->database = g_object_ref (database);

  if (category_id == NULL)
    {
      self->category = tidu_plan_category_new ();
      self->category->plan_id = g_strdup (plan_id);
      adw_window_title_set_title (self->form.title, _("New Category"));
    }
  else if ((self->category = tidu_plan_category_load (database, category_id, &error)) == NULL)
    {
      self->category = tidu_plan_category_new ();
      self->load_failed = TRUE;
      _tidu_talent_form_show_error (&self->form, error->message);
    }
  else
    {
      adw_window_title_set_title (self->form.title, _("Edit Category"));
      adw_window_title_set_subtitle (self->form.title, self->category->name);
      tidu_form_set_text (self->name_row, self->category->name);
      gtk_switch_set_active (self->team_switch, self->category->is_team);
      _tidu_form_set_money (self->min_row, self->category->amount_min);
      _tidu_form_set_money (self->max_row, self->category->amount_max);
      _tidu_form_set_int (self->years_row, self->category->payout_years);
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

  TiduTalentForm  form;
  AdwEntryRow    *year_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *announced_row;

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

  batch->year = _tidu_form_get_int (self->year_row, "year", validation);
  replace (&batch->name, tidu_form_get_text (self->name_row));
  _tidu_form_read_date (self->announced_row, "announced_on", &batch->announced_on, validation);
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
tidu_batch_editor_class_init (TiduBatchEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tidu_batch_editor_dispose;
  object_class->finalize = tidu_batch_editor_finalize;

  /**
   * TiduBatchEditor::saved:
   * @batch_id: the id of the batch saved
   */
  batch_signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tidu_batch_editor_init (TiduBatchEditor *self)
{
  TiduTalentForm *form = &self->form;
  GtkWidget *group;

  _tidu_talent_form_init (form, GTK_WINDOW (self), G_CALLBACK (batch_save_cb), 520, 420);

  group = _tidu_talent_form_group (form, _("Batch"),
                                   _("Name the batch when the plan has several in a year, such as 第十八批."));
  self->year_row = _tidu_talent_form_entry (form, group, _("_Year"), "year");
  self->name_row = _tidu_talent_form_entry (form, group, _("_Name"), "name");
  self->announced_row = _tidu_talent_form_entry (form, group, _("_Announced on"), "announced_on");
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

  self = g_object_new (TIDU_TYPE_BATCH_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->database = g_object_ref (database);

  if (batch_id == NULL)
    {
      self->batch = tidu_plan_batch_new ();
      self->batch->plan_id = g_strdup (plan_id);
      adw_window_title_set_title (self->form.title, _("New Batch"));
    }
  else if ((self->batch = tidu_plan_batch_load (database, batch_id, &error)) == NULL)
    {
      self->batch = tidu_plan_batch_new ();
      self->load_failed = TRUE;
      _tidu_talent_form_show_error (&self->form, error->message);
    }
  else
    {
      adw_window_title_set_title (self->form.title, _("Edit Batch"));
      _tidu_form_set_int (self->year_row, self->batch->year);
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
