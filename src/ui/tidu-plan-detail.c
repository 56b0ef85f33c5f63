/* tidu-plan-detail.c: the page of one talent plan
 *
 * What officers look at when asked "how much did this plan grant, how much is paid, which
 * firms did it support": a table per batch from tidu_talent_plan_summary() with the plan's
 * totals, then the categories with their funding standards, the batches and the awards, each
 * editable. Deleting the plan goes to the trash with Undo; the core refuses while awards
 * exist, and the page shows its reason.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-award-editor.h"
#include "tidu-detail-util.h"
#include "tidu-form-util.h"
#include "tidu-plan-editor.h"
#include "tidu-talent-editor.h"
#include "tidu-undo.h"

#include "tidu-plan-detail.h"
#include "tidu-ui-util.h"

#define N_SUMMARY_COLUMNS 6

struct _TiduPlanDetail
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  GtkLabel       *error_label;
  GtkWidget      *summary_group;
  GtkGrid        *summary_grid;
  GtkListBox     *about_list;
  GtkWidget      *categories_group;
  GtkListBox     *categories_list;
  GtkWidget      *batches_group;
  GtkListBox     *batches_list;
  GtkWidget      *awards_group;
  GtkListBox     *awards_list;

  TiduDatabase   *database;
  char           *plan_id;
  TiduTalentPlan *plan;
  int             summary_rows;
  TiduVocabCache  vocabs;
};

G_DEFINE_FINAL_TYPE (TiduPlanDetail, tidu_plan_detail, GTK_TYPE_WIDGET)

static guint signals[TIDU_DETAIL_N_SIGNALS];

static void
show_error (TiduPlanDetail *self,
            const char     *message)
{
  tidu_form_set_error_label (self->error_label, message);
}

static const char *
level_label (TiduPlanDetail *self,
             const char     *code)
{
  return tidu_vocab_cache_label (&self->vocabs, self->database, TIDU_VOCABULARY_LEVEL, code);
}

/* ------------------------------------------------------------------ sections */

/* The shared cell; the batch names of the first column wrap, the totals row stands out. */
static void
attach_cell (TiduPlanDetail *self,
             const char     *text,
             int             column,
             int             row,
             gboolean        heading,
             gboolean        total)
{
  GtkWidget *label = tidu_detail_attach_cell (self->summary_grid, text, column, row, heading);

  if (!heading && column == 0)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (total)
    gtk_widget_add_css_class (label, "heading");
}

static void
attach_figures (TiduPlanDetail             *self,
                const TiduPlanBatchSummary *figures,
                const char                 *label,
                int                         row,
                gboolean                    total)
{
  g_autofree char *talents = g_strdup_printf ("%" G_GINT64_FORMAT, figures->n_talents);
  g_autofree char *awards = g_strdup_printf ("%" G_GINT64_FORMAT, figures->n_awards);
  g_autofree char *granted = tidu_money_format (figures->granted_total, _tidu_display_unit ());
  g_autofree char *paid = tidu_money_format (figures->paid_total, _tidu_display_unit ());
  g_autofree char *firms = g_strdup_printf ("%" G_GINT64_FORMAT, figures->n_firms);

  attach_cell (self, label, 0, row, FALSE, total);
  attach_cell (self, talents, 1, row, FALSE, total);
  attach_cell (self, awards, 2, row, FALSE, total);
  attach_cell (self, granted, 3, row, FALSE, total);
  attach_cell (self, paid, 4, row, FALSE, total);
  attach_cell (self, firms, 5, row, FALSE, total);
}

static void
fill_summary (TiduPlanDetail *self)
{
  g_autoptr(TiduPlanSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int row = 1;

  tidu_detail_clear_grid (self->summary_grid);
  self->summary_rows = 0;

  summary = tidu_talent_plan_summary (self->database, self->plan->id, &error);
  if (summary == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Translators: the money unit of the funding table, such as "Amounts in 10k yuan" */
  description = g_strdup_printf (_("Amounts in %s. Revoked awards only count in the amount paid."),
                                 tidu_money_unit_label (_tidu_display_unit ()));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->summary_group), description);
  attach_cell (self, _("Batch"), 0, 0, TRUE, FALSE);
  attach_cell (self, _("Talents"), 1, 0, TRUE, FALSE);
  attach_cell (self, _("Awards"), 2, 0, TRUE, FALSE);
  attach_cell (self, _("Granted"), 3, 0, TRUE, FALSE);
  attach_cell (self, _("Paid"), 4, 0, TRUE, FALSE);
  attach_cell (self, _("Firms supported"), 5, 0, TRUE, FALSE);
  for (guint i = 0; i < summary->batches->len; i++)
    {
      const TiduPlanBatchSummary *batch = g_ptr_array_index (summary->batches, i);
      g_autofree char *label = NULL;

      if (batch->batch_id == NULL)
        label = g_strdup (_("No batch"));
      else if (batch->batch_name != NULL && batch->batch_name[0] != '\0')
        label = g_strdup (batch->batch_name);  /* names carry their year: 2016年度, 第十八批 */
      else
        label = g_strdup_printf ("%" G_GINT64_FORMAT, batch->year);
      attach_figures (self, batch, label, row++, FALSE);
    }
  attach_figures (self, &summary->totals, _("Total"), row++, TRUE);
  self->summary_rows = row;
}

static void
fill_about (TiduPlanDetail *self)
{
  const TiduTalentPlan *plan = self->plan;
  g_autoptr(TiduRegion) region = NULL;

  if (plan->region_id != NULL)
    region = tidu_region_load (self->database, plan->region_id, NULL);
  tidu_detail_add_value_row (self->about_list, _("Level"), level_label (self, plan->level));
  tidu_detail_add_value_row (self->about_list, _("Issued by"), plan->issuer);
  tidu_detail_add_value_row (self->about_list, _("Applies in"), plan->region_name);
  if (region != NULL)
    tidu_detail_add_value_row (self->about_list, _("Region in this database"), region->name);
  tidu_detail_add_value_row (self->about_list, _("Description"), plan->description);
  tidu_detail_add_value_row (self->about_list, _("Source document"), plan->source);
}

static void
fill_categories (TiduPlanDetail *self)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = tidu_plan_category_list (self->database, self->plan->id, &error);
  if (categories == NULL)
    show_error (self, error->message);
  for (guint i = 0; categories != NULL && i < categories->len; i++)
    {
      const TiduPlanCategory *category = g_ptr_array_index (categories, i);
      g_autofree char *min = _tidu_format_money (category->amount_min);
      g_autofree char *max = _tidu_format_money (category->amount_max);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (min != NULL && max != NULL && category->amount_min != category->amount_max)
        /* Translators: a range of amounts, such as "50 to 100 10k yuan" */
        g_string_append_printf (subtitle, _("%s to %s"), min, max);
      else if (max != NULL)
        /* Translators: the highest amount of a category */
        g_string_append_printf (subtitle, _("up to %s"), max);
      else if (min != NULL)
        g_string_append_printf (subtitle, _("from %s"), min);
      if (TIDU_IS_SET (category->payout_years))
        {
          g_autofree char *years =
            g_strdup_printf (ngettext ("paid out over %d year", "paid out over %d years",
                                       (gulong) category->payout_years),
                             (int) category->payout_years);

          g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", years);
        }
      if (category->payout_note != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", category->payout_note);
      if (category->is_team)
        /* Translators: a category of a talent plan for teams, such as "双创团队 (team)" */
        title = g_strdup_printf (_("%s (team)"), category->name);
      else
        title = g_strdup (category->name);
      row = tidu_detail_add_row (self->categories_list, title, subtitle->len > 0 ? subtitle->str : NULL);
      tidu_detail_add_row_button (row, "document-edit-symbolic", _("Edit Category"), "plan.edit-category", category->id);
      tidu_detail_add_row_button (row, "user-trash-symbolic", _("Delete Category"), "plan.delete-category", category->id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->categories_list), categories != NULL && categories->len > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->categories_group),
                                         categories != NULL && categories->len > 0
                                         ? NULL : _("No categories yet. Add the plan’s categories with their funding standards."));
}

static void
fill_batches (TiduPlanDetail *self)
{
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GError) error = NULL;

  batches = tidu_plan_batch_list (self->database, self->plan->id, &error);
  if (batches == NULL)
    show_error (self, error->message);
  for (guint i = 0; batches != NULL && i < batches->len; i++)
    {
      const TiduPlanBatch *batch = g_ptr_array_index (batches, i);
      g_autofree char *title = tidu_plan_batch_get_label (batch);
      g_autofree char *announced = tidu_form_format_date (&batch->announced_on);
      g_autofree char *subtitle = announced != NULL ? g_strdup_printf (_("Announced %s"), announced) : NULL;
      GtkWidget *row = tidu_detail_add_row (self->batches_list, title, subtitle);

      tidu_detail_add_row_button (row, "document-edit-symbolic", _("Edit Batch"), "plan.edit-batch", batch->id);
      tidu_detail_add_row_button (row, "user-trash-symbolic", _("Delete Batch"), "plan.delete-batch", batch->id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->batches_list), batches != NULL && batches->len > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->batches_group),
                                         batches != NULL && batches->len > 0 ? NULL : _("No batches yet."));
}

static void
fill_awards (TiduPlanDetail *self)
{
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(GError) error = NULL;

  awards = tidu_talent_plan_list_awards (self->database, self->plan->id, NULL, &error);
  if (awards == NULL)
    show_error (self, error->message);
  for (guint i = 0; awards != NULL && i < awards->len; i++)
    {
      const TiduTalentAward *award = g_ptr_array_index (awards, i);
      g_autofree char *subtitle = _tidu_award_describe (self->database, award, TRUE);
      g_autoptr(GString) title = g_string_new (award->talent_name);
      GtkWidget *row;

      if (award->team_name != NULL)
        g_string_append_printf (title, " · %s", award->team_name);
      if (award->category_name != NULL)
        g_string_append_printf (title, " · %s", award->category_name);
      row = tidu_detail_add_row (self->awards_list, title->str, subtitle);
      tidu_detail_add_row_button (row, "document-edit-symbolic", _("Edit Award"), "plan.edit-award", award->id);
      tidu_detail_add_row_button (row, "user-trash-symbolic", _("Delete Award"), "plan.delete-award", award->id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->awards_list), awards != NULL && awards->len > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->awards_group),
                                         awards != NULL && awards->len > 0 ? NULL : _("No awards recorded."));
}

void
tidu_plan_detail_reload (TiduPlanDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *level;
  gboolean live;

  g_return_if_fail (TIDU_IS_PLAN_DETAIL (self));

  g_clear_pointer (&self->plan, tidu_talent_plan_free);
  show_error (self, NULL);
  if (self->database != NULL && self->plan_id != NULL)
    self->plan = tidu_talent_plan_load (self->database, self->plan_id, &error);

  /* A received snapshot is only browsed. */
  live = self->plan != NULL && self->plan->deleted_at == NULL && tidu_ui_can_write (self->database);
  tidu_detail_set_actions_enabled (GTK_WIDGET (self), live, "plan.edit", "plan.add-category", "plan.add-batch",
                                   "plan.add-award", "plan.delete", NULL);
  /* The edit and delete buttons of categories, batches and awards. */
  tidu_detail_set_actions_enabled (GTK_WIDGET (self), tidu_ui_can_write (self->database),
                                   "plan.edit-category", "plan.delete-category", "plan.edit-batch",
                                   "plan.delete-batch", "plan.edit-award", "plan.delete-award", NULL);

  tidu_detail_clear_list (self->about_list);
  tidu_detail_clear_list (self->categories_list);
  tidu_detail_clear_list (self->batches_list);
  tidu_detail_clear_list (self->awards_list);
  if (self->plan == NULL)
    {
      tidu_detail_clear_grid (self->summary_grid);
      self->summary_rows = 0;
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->summary_label, "");
      if (error != NULL)
        show_error (self, error->message);
      return;
    }

  gtk_label_set_text (self->title_label, self->plan->name);
  gtk_label_set_text (self->name_label, self->plan->name);
  fill_summary (self);
  fill_about (self);
  fill_categories (self);
  fill_batches (self);
  fill_awards (self);

  level = level_label (self, self->plan->level);
  if (level != NULL)
    g_string_append (summary, level);
  if (self->plan->region_name != NULL)
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", self->plan->region_name);
  if (self->plan->deleted_at != NULL)
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", _("In the trash"));
  gtk_label_set_text (self->summary_label, summary->str);
}

static void
changed (TiduPlanDetail *self)
{
  tidu_plan_detail_reload (self);
  g_signal_emit (self, signals[TIDU_DETAIL_CHANGED], 0);
}

static void
undone (GObject *object)
{
  changed (TIDU_PLAN_DETAIL (object));
}

static char *
many_plans (guint n)
{
  return g_strdup_printf (ngettext ("%u talent plan moved to the trash", "%u talent plans moved to the trash", n), n);
}

static char *
many_awards (guint n)
{
  return g_strdup_printf (ngettext ("%u award deleted", "%u awards deleted", n), n);
}

/**
 * tidu_plan_detail_delete_plan:
 * @plan_id: the plan to move to the trash; need not be the one shown
 *
 * Returns: %TRUE when the plan went to the trash; the core refuses while awards exist, and
 *   the page then shows its reason
 */
gboolean
tidu_plan_detail_delete_plan (TiduPlanDetail *self,
                              const char     *plan_id)
{
  g_autoptr(TiduTalentPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (plan_id);

  g_return_val_if_fail (TIDU_IS_PLAN_DETAIL (self), FALSE);
  g_return_val_if_fail (plan_id != NULL, FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  plan = tidu_talent_plan_load (self->database, id, &error);
  if (plan == NULL || !tidu_talent_plan_delete (self->database, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The talent plan was not moved to the trash. %s"), error->message);

      show_error (self, message);
      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (message));
      return FALSE;
    }

  /* The Talents place goes back to the list on "deleted"; the page keeps showing the record
   * until then, and Undo reloads it. */
  tidu_detail_trashed (GTK_WIDGET (self), self->database, id, plan->name, many_plans, tidu_talent_plan_restore, undone);
  return TRUE;
}

/* ------------------------------------------------------------------ actions */

static void
saved_cb (TiduPlanDetail *self,
          const char     *id)
{
  changed (self);
}

static void
present (TiduPlanDetail *self,
         gpointer        editor)
{
  tidu_detail_present (GTK_WIDGET (self), editor, G_CALLBACK (saved_cb));
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (widget);

  if (self->plan != NULL)
    present (self, tidu_plan_editor_new (tidu_ui_get_window (widget), self->database, self->plan->id));
}

static void
category_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (widget);
  const char *id = tidu_detail_action_target (parameter);

  if (self->plan != NULL)
    present (self, tidu_category_editor_new (tidu_ui_get_window (widget), self->database, self->plan->id, id));
}

static void
batch_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (widget);
  const char *id = tidu_detail_action_target (parameter);

  if (self->plan != NULL)
    present (self, tidu_batch_editor_new (tidu_ui_get_window (widget), self->database, self->plan->id, id));
}

static void
award_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (widget);
  const char *id = tidu_detail_action_target (parameter);

  if (self->plan != NULL)
    present (self, tidu_award_editor_new (tidu_ui_get_window (widget), self->database, id, self->plan->id, NULL));
}

/* Categories and batches have no trash: a part in use is refused by the core, an unused one
 * is removed after the officer confirms. */
static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TiduPlanDetail   *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "tidu-id");
  gboolean is_category = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "tidu-category"));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  ok = is_category ? tidu_plan_category_delete (self->database, id, &error)
                   : tidu_plan_batch_delete (self->database, id, &error);
  changed (self);
  if (!ok)
    show_error (self, error->message);
}

static void
confirm_delete (TiduPlanDetail *self,
                const char     *id,
                gboolean        is_category,
                const char     *heading)
{
  GtkWidget *dialog = adw_message_dialog_new (tidu_ui_get_window (GTK_WIDGET (self)), heading,
                                              _("This cannot be undone. Parts that awards use are kept."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tidu-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (dialog), "tidu-category", GINT_TO_POINTER (is_category));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_category_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  confirm_delete (TIDU_PLAN_DETAIL (widget), g_variant_get_string (parameter, NULL), TRUE,
                  _("Delete the Category?"));
}

static void
delete_batch_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  confirm_delete (TIDU_PLAN_DETAIL (widget), g_variant_get_string (parameter, NULL), FALSE,
                  _("Delete the Batch?"));
}

static void
delete_award_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(TiduTalentAward) award = tidu_talent_award_load (self->database, id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (award == NULL || !tidu_talent_award_delete (self->database, id, &error))
    {
      show_error (self, error != NULL ? error->message : NULL);
      return;
    }
  /* Translators: a toast after deleting the award of a talent, whose name is in quotes */
  title = g_strdup_printf (_("Award of “%s” deleted"), award->talent_name);
  tidu_undo_offer_restore (GTK_WIDGET (self), self->database, title, many_awards, tidu_talent_award_restore, id,
                           G_OBJECT (self), undone);
  changed (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (widget);

  if (self->plan_id != NULL)
    tidu_plan_detail_delete_plan (self, self->plan_id);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_plan_detail_dispose (GObject *object)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (object);

  tidu_detail_dispose (GTK_WIDGET (self), TIDU_TYPE_PLAN_DETAIL);
  g_clear_object (&self->database);
  tidu_vocab_cache_clear (&self->vocabs);

  G_OBJECT_CLASS (tidu_plan_detail_parent_class)->dispose (object);
}

static void
tidu_plan_detail_finalize (GObject *object)
{
  TiduPlanDetail *self = TIDU_PLAN_DETAIL (object);

  g_clear_pointer (&self->plan_id, g_free);
  g_clear_pointer (&self->plan, tidu_talent_plan_free);

  G_OBJECT_CLASS (tidu_plan_detail_parent_class)->finalize (object);
}

static void
tidu_plan_detail_class_init (TiduPlanDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_plan_detail_dispose;
  object_class->finalize = tidu_plan_detail_finalize;

  tidu_detail_class_setup (widget_class, RESOURCE_BASE "/ui/tidu-plan-detail.ui", signals);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, summary_group);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, about_list);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, categories_group);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, categories_list);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, batches_group);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, batches_list);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, awards_group);
  gtk_widget_class_bind_template_child (widget_class, TiduPlanDetail, awards_list);

  tidu_detail_class_add_actions (widget_class, "plan", "undo", edit_activated, delete_activated);
  gtk_widget_class_install_action (widget_class, "plan.add-category", NULL, category_activated);
  gtk_widget_class_install_action (widget_class, "plan.edit-category", "s", category_activated);
  gtk_widget_class_install_action (widget_class, "plan.delete-category", "s", delete_category_activated);
  gtk_widget_class_install_action (widget_class, "plan.add-batch", NULL, batch_activated);
  gtk_widget_class_install_action (widget_class, "plan.edit-batch", "s", batch_activated);
  gtk_widget_class_install_action (widget_class, "plan.delete-batch", "s", delete_batch_activated);
  gtk_widget_class_install_action (widget_class, "plan.add-award", NULL, award_activated);
  gtk_widget_class_install_action (widget_class, "plan.edit-award", "s", award_activated);
  gtk_widget_class_install_action (widget_class, "plan.delete-award", "s", delete_award_activated);
}

static void
tidu_plan_detail_init (TiduPlanDetail *self)
{
  tidu_detail_init (GTK_WIDGET (self));
  tidu_plan_detail_reload (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_plan_detail_new (void)
{
  return g_object_new (TIDU_TYPE_PLAN_DETAIL, NULL);
}

TiduDatabase *
tidu_plan_detail_get_database (TiduPlanDetail *self)
{
  g_return_val_if_fail (TIDU_IS_PLAN_DETAIL (self), NULL);
  return self->database;
}

void
tidu_plan_detail_set_database (TiduPlanDetail *self,
                               TiduDatabase   *database)
{
  g_return_if_fail (TIDU_IS_PLAN_DETAIL (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  tidu_vocab_cache_clear (&self->vocabs);
  g_clear_pointer (&self->plan_id, g_free);
  tidu_plan_detail_reload (self);
}

const char *
tidu_plan_detail_get_plan_id (TiduPlanDetail *self)
{
  g_return_val_if_fail (TIDU_IS_PLAN_DETAIL (self), NULL);
  return self->plan_id;
}

void
tidu_plan_detail_set_plan_id (TiduPlanDetail *self,
                              const char     *plan_id)
{
  g_return_if_fail (TIDU_IS_PLAN_DETAIL (self));

  if (plan_id != self->plan_id)
    {
      g_free (self->plan_id);
      self->plan_id = g_strdup (plan_id);
    }
  tidu_plan_detail_reload (self);
}

const char *
tidu_plan_detail_get_error (TiduPlanDetail *self)
{
  g_return_val_if_fail (TIDU_IS_PLAN_DETAIL (self), NULL);
  return tidu_form_get_error_label (self->error_label);
}

int
tidu_plan_detail_get_summary_rows (TiduPlanDetail *self)
{
  g_return_val_if_fail (TIDU_IS_PLAN_DETAIL (self), 0);
  return self->summary_rows;
}

const char *
tidu_plan_detail_get_summary_cell (TiduPlanDetail *self,
                                   int             row,
                                   int             column)
{
  GtkWidget *label;

  g_return_val_if_fail (TIDU_IS_PLAN_DETAIL (self), NULL);

  if (row < 0 || row >= self->summary_rows || column < 0 || column >= N_SUMMARY_COLUMNS)
    return NULL;
  label = gtk_grid_get_child_at (self->summary_grid, column, row);
  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}
