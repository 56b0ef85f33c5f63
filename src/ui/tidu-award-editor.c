/* tidu-award-editor.c: the window that records or edits a talent plan award
 *
 * An award links a talent (or a team the talent leads) to a plan, one of its categories and
 * batches, and a firm, with the amount granted and the instalments planned and paid. The
 * category and batch rows only offer those of the chosen plan, so an award cannot name a
 * category of another plan. Instalments and members are edited in the window and written when
 * the award is saved: the award first, then its members and instalments, then "completed" when
 * asked for, which the core refuses while instalments remain unpaid.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-talent-editor.h"

#include "tidu-award-editor.h"
#include "tidu-record-picker.h"

struct _TiduAwardEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *error_box;
  GtkLabel        *error_label;
  AdwComboRow     *plan_row;
  AdwComboRow     *category_row;
  AdwComboRow     *batch_row;
  AdwEntryRow     *year_row;
  AdwActionRow    *talent_row;
  TiduRecordPicker *talent_picker;
  AdwActionRow    *firm_row;
  TiduRecordPicker *firm_picker;
  AdwEntryRow     *team_row;
  GtkWidget       *members_group;
  TiduRecordPicker *member_picker;
  AdwEntryRow     *role_row;
  GtkWidget       *funding_group;
  AdwEntryRow     *granted_row;
  AdwComboRow     *status_row;
  AdwEntryRow     *notes_row;
  GtkWidget       *instalments_group;
  AdwActionRow    *totals_row;
  GtkWidget       *instalment_group;
  AdwEntryRow     *due_row;
  AdwEntryRow     *planned_row;
  AdwEntryRow     *paid_on_row;
  AdwEntryRow     *paid_row;
  GtkButton       *instalment_button;
  GtkButton       *instalment_cancel;

  TiduTalentForm   form;            /* the rows above that show a field's issues */
  TiduDatabase    *database;
  TiduTalentAward *award;
  GStrv            plan_values;
  GStrv            category_values;
  GStrv            batch_values;
  GPtrArray       *categories;      /* TiduPlanCategory of the chosen plan */
  GPtrArray       *instalments;     /* TiduInstalment, as edited */
  GPtrArray       *instalment_rows;
  GPtrArray       *old_instalments; /* ids as loaded */
  GPtrArray       *members;         /* TiduAwardMember, as edited */
  GPtrArray       *member_rows;
  GPtrArray       *old_members;     /* talent ids as loaded */
  int              editing;         /* index of the instalment in the sub-form, or -1 */
  gboolean         plan_fixed;
  gboolean         can_save;
  gboolean         load_failed;
};

G_DEFINE_FINAL_TYPE (TiduAwardEditor, tidu_award_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *status_values[] = { "active", "completed", "revoked", NULL };

/* The rows that show the issues of a field, by the core's field names. */
static const struct
{
  const char *field;
  gsize       offset;
} field_rows[] = {
  { "plan_id", G_STRUCT_OFFSET (TiduAwardEditor, plan_row) },
  { "category_id", G_STRUCT_OFFSET (TiduAwardEditor, category_row) },
  { "batch_id", G_STRUCT_OFFSET (TiduAwardEditor, batch_row) },
  { "year", G_STRUCT_OFFSET (TiduAwardEditor, year_row) },
  { "talent_id", G_STRUCT_OFFSET (TiduAwardEditor, talent_row) },
  { "firm_id", G_STRUCT_OFFSET (TiduAwardEditor, firm_row) },
  { "team_name", G_STRUCT_OFFSET (TiduAwardEditor, team_row) },
  { "granted_amount", G_STRUCT_OFFSET (TiduAwardEditor, granted_row) },
  { "status", G_STRUCT_OFFSET (TiduAwardEditor, status_row) },
  { "notes", G_STRUCT_OFFSET (TiduAwardEditor, notes_row) },
};

static GtkWindow *
as_window (TiduAwardEditor *self)
{
  return GTK_WINDOW (self);
}

static const TiduPlanCategory *
chosen_category (TiduAwardEditor *self)
{
  const char *id = tidu_form_get_combo_value (self->category_row, self->category_values);

  for (guint i = 0; id != NULL && self->categories != NULL && i < self->categories->len; i++)
    {
      const TiduPlanCategory *category = g_ptr_array_index (self->categories, i);

      if (g_str_equal (category->id, id))
        return category;
    }
  return NULL;
}

/* ------------------------------------------------------------------ choices */

static void
fill_plan_parts (TiduAwardEditor *self)
{
  const char *plan_id = tidu_form_get_combo_value (self->plan_row, self->plan_values);
  g_autoptr(GPtrArray) category_choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);
  g_autoptr(GPtrArray) batch_choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);
  g_autoptr(GPtrArray) batches = NULL;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  if (plan_id != NULL)
    {
      self->categories = tidu_plan_category_list (self->database, plan_id, NULL);
      batches = tidu_plan_batch_list (self->database, plan_id, NULL);
    }
  for (guint i = 0; self->categories != NULL && i < self->categories->len; i++)
    {
      const TiduPlanCategory *category = g_ptr_array_index (self->categories, i);
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      choice->value = g_strdup (category->id);
      choice->label = g_strdup (category->name);
      g_ptr_array_add (category_choices, choice);
    }
  for (guint i = 0; batches != NULL && i < batches->len; i++)
    {
      const TiduPlanBatch *batch = g_ptr_array_index (batches, i);
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      choice->value = g_strdup (batch->id);
      choice->label = tidu_plan_batch_get_label (batch);
      g_ptr_array_add (batch_choices, choice);
    }
  g_strfreev (self->category_values);
  self->category_values = tidu_form_fill_combo (self->category_row, category_choices, _("None"));
  g_strfreev (self->batch_values);
  self->batch_values = tidu_form_fill_combo (self->batch_row, batch_choices, _("None"));
}

/* ------------------------------------------------------------------ members */

static void
remove_member_clicked_cb (GtkButton       *button,
                          TiduAwardEditor *self);

static void
show_members (TiduAwardEditor *self)
{
  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->members_group),
                                  g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);

  for (guint i = 0; i < self->members->len; i++)
    {
      const TiduAwardMember *member = g_ptr_array_index (self->members, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->talent_name);
      if (member->role != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), member->role);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove from the team"));
      g_object_set_data (G_OBJECT (button), "tidu-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (remove_member_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->members_group), row);
      g_ptr_array_add (self->member_rows, row);
    }
}

static void
remove_member_clicked_cb (GtkButton       *button,
                          TiduAwardEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tidu-index"));

  if (index < self->members->len)
    g_ptr_array_remove_index (self->members, index);
  show_members (self);
}

static void
add_member_clicked_cb (TiduAwardEditor *self)
{
  const char *talent_id = tidu_record_picker_get_value (self->member_picker);
  const char *leader_id = tidu_record_picker_get_value (self->talent_picker);
  const char *label = gtk_editable_get_text (tidu_record_picker_get_entry (self->member_picker));
  TiduAwardMember *member;

  if (talent_id == NULL)
    return;
  if (g_strcmp0 (talent_id, leader_id) == 0)
    {
      tidu_form_show_message (GTK_WIDGET (self->role_row), TIDU_FORM_MESSAGE_ERROR,
                              _("The talent leads the team already."));
      return;
    }
  for (guint i = 0; i < self->members->len; i++)
    if (g_str_equal (((TiduAwardMember *) g_ptr_array_index (self->members, i))->talent_id, talent_id))
      {
        tidu_form_show_message (GTK_WIDGET (self->role_row), TIDU_FORM_MESSAGE_ERROR,
                                _("The talent is a member of the team already."));
        return;
      }
  tidu_form_show_message (GTK_WIDGET (self->role_row), TIDU_FORM_MESSAGE_NONE, NULL);
  member = tidu_award_member_new ();
  member->talent_id = g_strdup (talent_id);
  member->talent_name = g_strdup (label);
  member->role = tidu_form_get_text (self->role_row);
  g_ptr_array_add (self->members, member);
  tidu_record_picker_set_value (self->member_picker, NULL);
  tidu_form_set_text (self->role_row, NULL);
  show_members (self);
}

/* ------------------------------------------------------------------ instalments */

static void
edit_instalment_clicked_cb (GtkButton       *button,
                            TiduAwardEditor *self);
static void
delete_instalment_clicked_cb (GtkButton       *button,
                              TiduAwardEditor *self);

static GtkWidget *
add_icon_button (GtkWidget       *row,
                 const char      *icon_name,
                 const char      *tooltip,
                 guint            index,
                 GCallback        callback,
                 TiduAwardEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data (G_OBJECT (button), "tidu-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static void
show_instalments (TiduAwardEditor *self)
{
  for (guint i = 0; i < self->instalment_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->instalments_group),
                                  g_ptr_array_index (self->instalment_rows, i));
  g_ptr_array_set_size (self->instalment_rows, 0);

  /* The totals row and its message stay on top, the instalments follow. */
  for (guint i = 0; i < self->instalments->len; i++)
    {
      const TiduInstalment *instalment = g_ptr_array_index (self->instalments, i);
      g_autofree char *planned = _tidu_format_money (instalment->planned_amount);
      g_autofree char *due = tidu_form_format_date (&instalment->due_on);
      g_autofree char *paid = _tidu_format_money (instalment->paid_amount);
      g_autofree char *paid_on = tidu_form_format_date (&instalment->paid_on);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (due != NULL)
        /* Translators: an instalment of an award: the amount planned and its due date */
        title = g_strdup_printf (_("%s due %s"), planned, due);
      else
        /* Translators: an instalment of an award without a due date */
        title = g_strdup_printf (_("%s, no due date"), planned);
      if (paid != NULL)
        /* Translators: the amount paid of an instalment and the day it was paid */
        subtitle = g_strdup_printf (_("Paid %s on %s"), paid, paid_on);
      else
        subtitle = g_strdup (_("Not paid yet"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_icon_button (row, "document-edit-symbolic", _("Edit Instalment"), i,
                       G_CALLBACK (edit_instalment_clicked_cb), self);
      add_icon_button (row, "user-trash-symbolic", _("Delete Instalment"), i,
                       G_CALLBACK (delete_instalment_clicked_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->instalments_group), row);
      g_ptr_array_add (self->instalment_rows, row);
    }
  if (self->instalments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No instalments yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->instalments_group), row);
      g_ptr_array_add (self->instalment_rows, row);
    }
  tidu_award_editor_validate (self);
}

static void
clear_instalment_form (TiduAwardEditor *self)
{
  self->editing = -1;
  tidu_form_set_text (self->due_row, NULL);
  tidu_form_set_text (self->planned_row, NULL);
  tidu_form_set_text (self->paid_on_row, NULL);
  tidu_form_set_text (self->paid_row, NULL);
  tidu_form_show_message (GTK_WIDGET (self->due_row), TIDU_FORM_MESSAGE_NONE, NULL);
  tidu_form_show_message (GTK_WIDGET (self->planned_row), TIDU_FORM_MESSAGE_NONE, NULL);
  tidu_form_show_message (GTK_WIDGET (self->paid_on_row), TIDU_FORM_MESSAGE_NONE, NULL);
  tidu_form_show_message (GTK_WIDGET (self->paid_row), TIDU_FORM_MESSAGE_NONE, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->instalment_group), _("Add an Instalment"));
  gtk_button_set_label (self->instalment_button, _("_Add Instalment"));
  gtk_widget_set_visible (GTK_WIDGET (self->instalment_cancel), FALSE);
}

static void
edit_instalment_clicked_cb (GtkButton       *button,
                            TiduAwardEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tidu-index"));
  const TiduInstalment *instalment;

  if (index >= self->instalments->len)
    return;
  clear_instalment_form (self);
  instalment = g_ptr_array_index (self->instalments, index);
  self->editing = index;
  tidu_form_set_date (self->due_row, &instalment->due_on);
  tidu_form_set_money (self->planned_row, _tidu_display_unit (), instalment->planned_amount);
  tidu_form_set_date (self->paid_on_row, &instalment->paid_on);
  tidu_form_set_money (self->paid_row, _tidu_display_unit (), instalment->paid_amount);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->instalment_group), _("Edit the Instalment"));
  gtk_button_set_label (self->instalment_button, _("_Update Instalment"));
  gtk_widget_set_visible (GTK_WIDGET (self->instalment_cancel), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
}

static void
delete_instalment_clicked_cb (GtkButton       *button,
                              TiduAwardEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tidu-index"));

  if (index >= self->instalments->len)
    return;
  g_ptr_array_remove_index (self->instalments, index);
  clear_instalment_form (self);
  show_instalments (self);
}

static void
instalment_clicked_cb (TiduAwardEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduValidation) core = NULL;
  g_autoptr(TiduValidation) shown = tidu_validation_new ();
  g_autoptr(TiduInstalment) instalment = NULL;
  g_autoptr(GError) error = NULL;

  if (self->editing >= 0)
    instalment = tidu_instalment_copy (g_ptr_array_index (self->instalments, self->editing));
  else
    instalment = tidu_instalment_new ();
  tidu_form_read_date (self->due_row, "due_on", &instalment->due_on, validation);
  instalment->planned_amount = tidu_form_get_money (self->planned_row, _tidu_display_unit (),
                                                    "planned_amount", validation);
  tidu_form_read_date (self->paid_on_row, "paid_on", &instalment->paid_on, validation);
  instalment->paid_amount = tidu_form_get_money (self->paid_row, _tidu_display_unit (),
                                                 "paid_amount", validation);

  /* The award may not be saved yet: its checks run on the award's own rows. */
  core = tidu_instalment_validate (self->database, instalment, &error);
  _tidu_validation_merge (validation, core, error);
  for (guint i = 0; i < tidu_validation_get_n_issues (validation); i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (validation, i);

      if (g_strcmp0 (issue->field, "award_id") != 0)
        tidu_validation_add (shown, issue->severity, issue->code, issue->field, NULL, "%s", issue->message);
    }
  tidu_form_show_issue (GTK_WIDGET (self->due_row), shown, "due_on");
  tidu_form_show_issue (GTK_WIDGET (self->planned_row), shown, "planned_amount");
  tidu_form_show_issue (GTK_WIDGET (self->paid_on_row), shown, "paid_on");
  tidu_form_show_issue (GTK_WIDGET (self->paid_row), shown, "paid_amount");
  if (tidu_validation_has_errors (shown))
    return;

  if (self->editing >= 0)
    {
      tidu_instalment_free (g_ptr_array_index (self->instalments, self->editing));
      g_ptr_array_index (self->instalments, self->editing) = g_steal_pointer (&instalment);
    }
  else
    g_ptr_array_add (self->instalments, g_steal_pointer (&instalment));
  clear_instalment_form (self);
  show_instalments (self);
}

/* ------------------------------------------------------------------ the award */

static TiduTalentAward *
build_award (TiduAwardEditor *self,
             TiduValidation  *validation)
{
  TiduTalentAward *award = tidu_talent_award_copy (self->award);
  const char *status = tidu_form_get_combo_value (self->status_row, (GStrv) status_values);

  tidu_form_replace (&award->plan_id, g_strdup (tidu_form_get_combo_value (self->plan_row, self->plan_values)));
  tidu_form_replace (&award->category_id, g_strdup (tidu_form_get_combo_value (self->category_row, self->category_values)));
  tidu_form_replace (&award->batch_id, g_strdup (tidu_form_get_combo_value (self->batch_row, self->batch_values)));
  award->year = tidu_form_get_int (self->year_row, "year", validation);
  tidu_form_replace (&award->talent_id, g_strdup (tidu_record_picker_get_value (self->talent_picker)));
  tidu_form_replace (&award->firm_id, g_strdup (tidu_record_picker_get_value (self->firm_picker)));
  tidu_form_replace (&award->team_name, tidu_form_get_text (self->team_row));
  award->granted_amount = tidu_form_get_money (self->granted_row, _tidu_display_unit (),
                                               "granted_amount", validation);
  if (status == NULL || !tidu_award_status_from_string (status, &award->status))
    award->status = TIDU_AWARD_ACTIVE;
  tidu_form_replace (&award->notes, tidu_form_get_text (self->notes_row));
  return award;
}

static void
update_totals (TiduAwardEditor *self,
               gint64           granted)
{
  gint64 planned = 0;
  gint64 paid = 0;
  g_autofree char *planned_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *granted_text = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->instalments->len; i++)
    {
      const TiduInstalment *instalment = g_ptr_array_index (self->instalments, i);

      if (TIDU_IS_SET (instalment->planned_amount))
        planned += instalment->planned_amount;
      if (TIDU_IS_SET (instalment->paid_amount))
        paid += instalment->paid_amount;
    }
  planned_text = _tidu_format_money (planned);
  paid_text = _tidu_format_money (paid);
  granted_text = TIDU_IS_SET (granted) ? _tidu_format_money (granted) : g_strdup ("—");
  /* Translators: the totals of an award's instalments against the amount granted */
  subtitle = g_strdup_printf (_("Planned %s · paid %s · granted %s"), planned_text, paid_text, granted_text);
  adw_action_row_set_subtitle (self->totals_row, subtitle);

  if (TIDU_IS_SET (granted) && planned > granted)
    {
      g_autofree char *message =
        /* Translators: a warning under the instalment totals of an award */
        g_strdup_printf (_("The planned instalments add up to %s, more than the granted amount of %s."),
                         planned_text, granted_text);

      tidu_form_show_message (GTK_WIDGET (self->totals_row), TIDU_FORM_MESSAGE_WARNING, message);
    }
  else if (TIDU_IS_SET (granted) && paid > granted)
    {
      g_autofree char *message =
        g_strdup_printf (_("The instalments paid add up to %s, more than the granted amount of %s."),
                         paid_text, granted_text);

      tidu_form_show_message (GTK_WIDGET (self->totals_row), TIDU_FORM_MESSAGE_WARNING, message);
    }
  else
    tidu_form_show_message (GTK_WIDGET (self->totals_row), TIDU_FORM_MESSAGE_NONE, NULL);
}

static gboolean
has_unpaid (TiduAwardEditor *self)
{
  for (guint i = 0; i < self->instalments->len; i++)
    if (!TIDU_IS_SET (((TiduInstalment *) g_ptr_array_index (self->instalments, i))->paid_amount))
      return TRUE;
  return FALSE;
}

void
tidu_award_editor_validate (TiduAwardEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduValidation) core = NULL;
  g_autoptr(TiduTalentAward) award = NULL;
  g_autoptr(GError) error = NULL;
  const TiduPlanCategory *category;
  gboolean completed;
  gboolean team;

  g_return_if_fail (TIDU_IS_AWARD_EDITOR (self));

  if (self->load_failed)
    {
      self->can_save = FALSE;
      _tidu_talent_form_set_can_save (&self->form, FALSE);
      return;
    }

  category = chosen_category (self);
  award = build_award (self, validation);
  team = (category != NULL && category->is_team) || award->team_name != NULL || self->members->len > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->team_row), team);
  gtk_widget_set_visible (self->members_group, team);

  /* Completion is checked against the instalments in this window, not those saved. */
  completed = award->status == TIDU_AWARD_COMPLETED;
  if (completed)
    award->status = TIDU_AWARD_ACTIVE;
  core = tidu_talent_award_validate (self->database, award, &error);
  _tidu_validation_merge (validation, core, error);
  if (completed && has_unpaid (self))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID, "status", NULL, "%s",
                         _("The award cannot be completed while instalments remain unpaid."));

  _tidu_talent_form_show_issues (&self->form, validation);
  update_totals (self, award->granted_amount);
  self->can_save = !tidu_validation_has_errors (validation);
  _tidu_talent_form_set_can_save (&self->form, self->can_save);
}

static void
changed_cb (gpointer user_data)
{
  tidu_award_editor_validate (TIDU_AWARD_EDITOR (user_data));
}

static void
plan_changed_cb (TiduAwardEditor *self)
{
  fill_plan_parts (self);
}

static void
save_members (TiduAwardEditor  *self,
              const char       *award_id,
              GError          **error)
{
  for (guint i = 0; i < self->old_members->len; i++)
    {
      const char *old_id = g_ptr_array_index (self->old_members, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < self->members->len && !kept; j++)
        kept = g_str_equal (((TiduAwardMember *) g_ptr_array_index (self->members, j))->talent_id, old_id);
      if (!kept && !tidu_talent_award_remove_member (self->database, award_id, old_id, error))
        return;
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      TiduAwardMember *member = g_ptr_array_index (self->members, i);

      if (g_ptr_array_find_with_equal_func (self->old_members, member->talent_id, g_str_equal, NULL))
        continue;
      tidu_form_replace (&member->award_id, g_strdup (award_id));
      if (!tidu_talent_award_add_member (self->database, member, error))
        return;
      g_ptr_array_add (self->old_members, g_strdup (member->talent_id));
    }
}

static void
save_instalments (TiduAwardEditor  *self,
                  const char       *award_id,
                  GError          **error)
{
  for (guint i = 0; i < self->old_instalments->len; i++)
    {
      const char *old_id = g_ptr_array_index (self->old_instalments, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < self->instalments->len && !kept; j++)
        kept = g_strcmp0 (((TiduInstalment *) g_ptr_array_index (self->instalments, j))->id, old_id) == 0;
      if (!kept)
        {
          if (!tidu_instalment_delete (self->database, old_id, error))
            return;
          g_ptr_array_remove_index (self->old_instalments, i--);
        }
    }
  for (guint i = 0; i < self->instalments->len; i++)
    {
      TiduInstalment *instalment = g_ptr_array_index (self->instalments, i);
      gboolean is_new = instalment->id == NULL;

      tidu_form_replace (&instalment->award_id, g_strdup (award_id));
      if (!tidu_instalment_save (self->database, instalment, error))
        return;
      if (is_new)
        g_ptr_array_add (self->old_instalments, g_strdup (instalment->id));
    }
}

static void
save_cb (GtkWindow *window)
{
  TiduAwardEditor *self = TIDU_AWARD_EDITOR (window);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduTalentAward) award = NULL;
  g_autoptr(GError) error = NULL;
  gboolean completed;

  _tidu_talent_form_touch_all (&self->form);
  tidu_award_editor_validate (self);
  if (!self->can_save)
    return;

  award = build_award (self, validation);
  completed = award->status == TIDU_AWARD_COMPLETED;
  if (completed)
    award->status = TIDU_AWARD_ACTIVE;
  if (tidu_talent_award_save (self->database, award, &error))
    {
      /* Saved: a retry after a later failure updates this award. */
      tidu_form_replace (&self->award->id, g_strdup (award->id));
      save_members (self, award->id, &error);
    }
  if (error == NULL)
    save_instalments (self, award->id, &error);
  if (error == NULL && completed)
    tidu_talent_award_set_status (self->database, award->id, TIDU_AWARD_COMPLETED, &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The award was not saved. %s"), error->message);

      _tidu_talent_form_show_error (&self->form, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, award->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
new_talent_saved_cb (TiduAwardEditor *self,
                     const char      *talent_id)
{
  tidu_record_picker_set_value (self->talent_picker, talent_id);
}

static void
new_talent_clicked_cb (TiduAwardEditor *self)
{
  TiduTalentEditor *editor = tidu_talent_editor_new (as_window (self), self->database, NULL);

  g_signal_connect_object (editor, "saved", G_CALLBACK (new_talent_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_award_editor_dispose (GObject *object)
{
  g_clear_object (&TIDU_AWARD_EDITOR (object)->database);
  G_OBJECT_CLASS (tidu_award_editor_parent_class)->dispose (object);
}

static void
tidu_award_editor_finalize (GObject *object)
{
  TiduAwardEditor *self = TIDU_AWARD_EDITOR (object);

  _tidu_talent_form_clear (&self->form);
  g_clear_pointer (&self->award, tidu_talent_award_free);
  g_clear_pointer (&self->plan_values, g_strfreev);
  g_clear_pointer (&self->category_values, g_strfreev);
  g_clear_pointer (&self->batch_values, g_strfreev);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->instalments, g_ptr_array_unref);
  g_clear_pointer (&self->instalment_rows, g_ptr_array_unref);
  g_clear_pointer (&self->old_instalments, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->old_members, g_ptr_array_unref);
  G_OBJECT_CLASS (tidu_award_editor_parent_class)->finalize (object);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_cb (GTK_WINDOW (widget));
}

static void
tidu_award_editor_class_init (TiduAwardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_award_editor_dispose;
  object_class->finalize = tidu_award_editor_finalize;

  /**
   * TiduAwardEditor::saved:
   * @award_id: the id of the award saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (TIDU_TYPE_RECORD_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-award-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, plan_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, batch_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, year_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, talent_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, talent_picker);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, firm_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, firm_picker);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, team_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, members_group);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, member_picker);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, funding_group);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, granted_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, instalments_group);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, totals_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, instalment_group);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, planned_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, paid_on_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, paid_row);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, instalment_button);
  gtk_widget_class_bind_template_child (widget_class, TiduAwardEditor, instalment_cancel);
  gtk_widget_class_bind_template_callback (widget_class, new_talent_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_member_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, instalment_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_instalment_form);

  tidu_form_class_add_save_action (widget_class, save_activated);
}

static void
tidu_award_editor_init (TiduAwardEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *amounts = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->instalments = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_instalment_free);
  self->instalment_rows = g_ptr_array_new ();
  self->old_instalments = g_ptr_array_new_with_free_func (g_free);
  self->members = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_award_member_free);
  self->member_rows = g_ptr_array_new ();
  self->old_members = g_ptr_array_new_with_free_func (g_free);
  self->editing = -1;

  _tidu_talent_form_bind (&self->form, GTK_WIDGET (self), self->window_title, self->error_box, self->error_label);
  for (guint i = 0; i < G_N_ELEMENTS (field_rows); i++)
    _tidu_talent_form_add_field (&self->form, G_STRUCT_MEMBER (GtkWidget *, self, field_rows[i].offset),
                                 field_rows[i].field);

  for (guint i = 0; status_values[i] != NULL; i++)
    {
      TiduAwardStatus status;

      tidu_award_status_from_string (status_values[i], &status);
      gtk_string_list_append (statuses, tidu_award_status_get_label (status));
    }
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  /* Translators: the description of the instalments group: amounts are in 10k yuan, say */
  amounts = g_strdup_printf (_("Amounts in %s; “50万” and “500,000” work too."),
                             tidu_money_unit_label (_tidu_display_unit ()));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->funding_group), amounts);
}

static void
fill_choices (TiduAwardEditor *self)
{
  g_autoptr(GPtrArray) plans = tidu_talent_plan_list (self->database, NULL);
  g_autoptr(GPtrArray) plan_choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      const TiduTalentPlan *plan = g_ptr_array_index (plans, i);
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      choice->value = g_strdup (plan->id);
      choice->label = g_strdup (plan->name);
      g_ptr_array_add (plan_choices, choice);
    }
  self->plan_values = tidu_form_fill_combo (self->plan_row, plan_choices, _("Choose a talent plan"));
  tidu_record_picker_set_database (self->firm_picker, self->database);
  tidu_record_picker_set_database (self->talent_picker, self->database);
  tidu_record_picker_set_database (self->member_picker, self->database);
}

static void
load_award (TiduAwardEditor *self,
            const char      *award_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) instalments = NULL;
  g_autoptr(GPtrArray) members = NULL;
  const TiduTalentAward *award;

  self->award = tidu_talent_award_load (self->database, award_id, &error);
  if (self->award == NULL)
    {
      self->award = tidu_talent_award_new ();
      self->load_failed = TRUE;
      _tidu_talent_form_show_error (&self->form, error->message);
      return;
    }
  award = self->award;
  adw_window_title_set_title (self->window_title, _("Edit Award"));
  adw_window_title_set_subtitle (self->window_title, award->talent_name);
  tidu_form_set_combo_value (self->plan_row, self->plan_values, award->plan_id);
  fill_plan_parts (self);
  tidu_form_set_combo_value (self->category_row, self->category_values, award->category_id);
  tidu_form_set_combo_value (self->batch_row, self->batch_values, award->batch_id);
  tidu_form_set_int (self->year_row, award->year);
  tidu_record_picker_set_value (self->talent_picker, award->talent_id);
  tidu_record_picker_set_value (self->firm_picker, award->firm_id);
  tidu_form_set_text (self->team_row, award->team_name);
  tidu_form_set_money (self->granted_row, _tidu_display_unit (), award->granted_amount);
  tidu_form_set_combo_value (self->status_row, (GStrv) status_values, tidu_award_status_to_string (award->status));
  tidu_form_set_text (self->notes_row, award->notes);

  instalments = tidu_instalment_list (self->database, award->id, NULL);
  for (guint i = 0; instalments != NULL && i < instalments->len; i++)
    {
      TiduInstalment *instalment = g_ptr_array_index (instalments, i);

      g_ptr_array_add (self->old_instalments, g_strdup (instalment->id));
      g_ptr_array_add (self->instalments, tidu_instalment_copy (instalment));
    }
  members = tidu_talent_award_list_members (self->database, award->id, NULL);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      TiduAwardMember *member = g_ptr_array_index (members, i);

      g_ptr_array_add (self->old_members, g_strdup (member->talent_id));
      g_ptr_array_add (self->members, tidu_award_member_copy (member));
    }
  _tidu_talent_form_touch_all (&self->form);
}

/**
 * tidu_award_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @award_id: (nullable): the award to edit, or %NULL for a new one
 * @plan_id: (nullable): the plan of a new award, which then cannot be changed
 * @talent_id: (nullable): the talent of a new award
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduAwardEditor *
tidu_award_editor_new (GtkWindow    *parent,
                       TiduDatabase *database,
                       const char   *award_id,
                       const char   *plan_id,
                       const char   *talent_id)
{
  TiduAwardEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = tidu_form_new_window (TIDU_TYPE_AWARD_EDITOR, parent);
  self->database = g_object_ref (database);
  fill_choices (self);

  if (award_id != NULL)
    {
      load_award (self, award_id);
      self->plan_fixed = TRUE;
    }
  else
    {
      self->award = tidu_talent_award_new ();
      adw_window_title_set_title (self->window_title, _("New Award"));
      tidu_form_set_combo_value (self->plan_row, self->plan_values, plan_id);
      fill_plan_parts (self);
      tidu_record_picker_set_value (self->talent_picker, talent_id);
      self->plan_fixed = plan_id != NULL;
    }
  /* An award stays in its plan: its category and batch belong to it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_row), !self->plan_fixed);

  _tidu_talent_form_connect (&self->form, G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->plan_row, "notify::selected", G_CALLBACK (plan_changed_cb), self);
  clear_instalment_form (self);
  show_members (self);
  show_instalments (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->plan_fixed ? (GtkWidget *) self->category_row
                                                      : (GtkWidget *) self->plan_row));
  return self;
}

gboolean
tidu_award_editor_get_can_save (TiduAwardEditor *self)
{
  g_return_val_if_fail (TIDU_IS_AWARD_EDITOR (self), FALSE);
  return self->can_save;
}

const char * const *
tidu_award_editor_get_category_values (TiduAwardEditor *self)
{
  g_return_val_if_fail (TIDU_IS_AWARD_EDITOR (self), NULL);
  return (const char * const *) self->category_values;
}
