/* tidu-subsidy-batch-view.c: the budget for a year: a policy's batch over the records
 *
 * The batch runs on a worker thread with its own connection (a pulsing bar and Stop while it
 * runs). Each row is one recipient under one rule with its amount and explanation; the officer
 * can leave rows out and set amounts inside a range, and the totals per rule and overall follow.
 * Record All puts every row into the ledger in one transaction (Undo takes them out again), and
 * Export writes the sheet as XLSX, CSV or PDF.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-db-task.h"
#include "tidu-form-util.h"
#include "tidu-subsidy-batch-view.h"
#include "tidu-subsidy-pdf.h"
#include "tidu-undo.h"

/* ------------------------------------------------------------------ row items */

#define TIDU_TYPE_BATCH_ITEM (tidu_batch_item_get_type ())
G_DECLARE_FINAL_TYPE (TiduBatchItem, tidu_batch_item, TIDU, BATCH_ITEM, GObject)

struct _TiduBatchItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (TiduBatchItem, tidu_batch_item, G_TYPE_OBJECT)

static void
tidu_batch_item_class_init (TiduBatchItemClass *klass)
{
}

static void
tidu_batch_item_init (TiduBatchItem *self)
{
}

static TiduBatchItem *
tidu_batch_item_new (guint index)
{
  TiduBatchItem *item = g_object_new (TIDU_TYPE_BATCH_ITEM, NULL);

  item->index = index;
  return item;
}

/* ------------------------------------------------------------------ the view */

struct _TiduSubsidyBatchView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkDropDown      *policy_drop;
  GtkSpinButton    *year_spin;
  GtkStack         *stack;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *none_page;
  GtkColumnView    *column_view;
  GtkExpander      *skipped_expander;
  GtkLabel         *skipped_label;
  GtkGrid          *totals_grid;
  GtkLabel         *total_label;
  GtkWidget        *record_button;
  GtkWidget        *export_button;

  /* Owned references */
  TiduDatabase     *database;
  GPtrArray        *policies;       /* TiduPolicy*, in the drop-down's order */
  TiduSubsidyBatch *batch;
  GListStore       *items;
  GCancellable     *cancellable;
  GStrv             recorded_ids;   /* the awards Record All added, while they can be undone */
  guint             pulse_id;
  gboolean          running;
  gboolean          recording;
  gboolean          exporting;
};

G_DEFINE_FINAL_TYPE (TiduSubsidyBatchView, tidu_subsidy_batch_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LEDGER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWindow *
get_window (TiduSubsidyBatchView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error_dialog (TiduSubsidyBatchView *self,
                   const char           *heading,
                   const char           *message)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_range (gint64 min,
              gint64 max)
{
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  if (min == max)
    return tidu_money_format_with_unit (min, TIDU_MONEY_UNIT_YUAN);
  min_text = tidu_money_format_with_unit (min, TIDU_MONEY_UNIT_YUAN);
  max_text = tidu_money_format_with_unit (max, TIDU_MONEY_UNIT_YUAN);
  /* Translators: a range of amounts, e.g. "500,000 yuan – 1,000,000 yuan" */
  return g_strdup_printf (_("%s – %s"), min_text, max_text);
}

static TiduPolicy *
selected_policy (TiduSubsidyBatchView *self)
{
  guint position = gtk_drop_down_get_selected (self->policy_drop);

  if (self->policies == NULL || position >= self->policies->len)
    return NULL;
  return g_ptr_array_index (self->policies, position);
}

static TiduSubsidyBatchRow *
get_row (TiduSubsidyBatchView *self,
         guint                 index)
{
  return self->batch != NULL && index < self->batch->rows->len ? g_ptr_array_index (self->batch->rows, index) : NULL;
}

static void
update_actions (TiduSubsidyBatchView *self)
{
  guint n = 0;
  gboolean idle = !self->running && !self->recording;

  if (self->batch != NULL)
    tidu_subsidy_batch_totals (self->batch, NULL, &n, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.run",
                                 self->database != NULL && selected_policy (self) != NULL && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.cancel", self->running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.record",
                                 self->batch != NULL && n > 0 && idle && self->recorded_ids == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "batch.export",
                                 self->batch != NULL && idle && !self->exporting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->column_view), idle && self->recorded_ids == NULL);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
grid_label (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
update_totals (TiduSubsidyBatchView *self)
{
  g_autofree char *total = NULL;
  g_autofree char *range = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint n = 0;
  gint64 min = 0, max = 0;
  int line = 0;

  clear_grid (self->totals_grid);
  if (self->batch == NULL)
    return;

  for (guint i = 0; i < self->batch->rows->len; i++)
    {
      TiduSubsidyBatchRow *row = g_ptr_array_index (self->batch->rows, i);
      const TiduPolicyRule *rule;
      g_autofree char *rule_text = NULL;
      g_autofree char *rule_count = NULL;
      g_autofree char *rule_range = NULL;
      guint rule_n = 0;
      gint64 rule_min = 0, rule_max = 0;

      if (g_ptr_array_find_with_equal_func (seen, row->rule_id, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, row->rule_id);
      rule = tidu_policy_get_rule (self->batch->policy, row->rule_id);
      tidu_subsidy_batch_totals (self->batch, row->rule_id, &rule_n, &rule_min, &rule_max);
      rule_text = g_strdup_printf (_("%s %s"), rule != NULL ? rule->article : "", rule != NULL ? rule->title : row->rule_id);
      /* Translators: how many rows a rule has in the batch */
      rule_count = g_strdup_printf (ngettext ("%u row", "%u rows", rule_n), rule_n);
      rule_range = format_range (rule_min, rule_max);
      grid_label (self->totals_grid, rule_text, 0, line, FALSE);
      grid_label (self->totals_grid, rule_count, 1, line, TRUE);
      grid_label (self->totals_grid, rule_range, 2, line, TRUE);
      line++;
    }

  tidu_subsidy_batch_totals (self->batch, NULL, &n, &min, &max);
  range = format_range (min, max);
  count = g_strdup_printf ("%u", n);
  /* Translators: the batch's overall total; the first %s is a number of rows, the second an amount */
  total = g_strdup_printf (ngettext ("Total: %s row, %s", "Total: %s rows, %s", n), count, range);
  gtk_label_set_text (self->total_label, total);
  update_actions (self);
}

/* ------------------------------------------------------------------ cells */

static void
include_toggled_cb (GtkCheckButton       *check,
                    TiduSubsidyBatchView *self)
{
  TiduBatchItem *item = g_object_get_data (G_OBJECT (check), "item");
  TiduSubsidyBatchRow *row = item != NULL ? get_row (self, item->index) : NULL;

  if (row == NULL)
    return;
  row->excluded = !gtk_check_button_get_active (check);
  update_totals (self);
}

static void
setup_include_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  TiduSubsidyBatchView     *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Include this row in the budget and the ledger"));
  g_signal_connect_object (check, "toggled", G_CALLBACK (include_toggled_cb), self, 0);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_include_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TiduSubsidyBatchView     *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  TiduBatchItem *item = gtk_list_item_get_item (list_item);
  TiduSubsidyBatchRow *row = get_row (self, item->index);

  g_object_set_data (G_OBJECT (check), "item", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), row != NULL && !row->excluded);
  g_object_set_data (G_OBJECT (check), "item", item);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_entity_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TiduSubsidyBatchView     *self)
{
  TiduBatchItem *item = gtk_list_item_get_item (list_item);
  TiduSubsidyBatchRow *row = get_row (self, item->index);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), row != NULL ? row->entity_name : "");
  gtk_widget_set_tooltip_text (label, row != NULL ? row->entity_name : NULL);
}

static void
bind_rule_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TiduSubsidyBatchView     *self)
{
  TiduBatchItem *item = gtk_list_item_get_item (list_item);
  TiduSubsidyBatchRow *row = get_row (self, item->index);
  const TiduPolicyRule *rule = row != NULL ? tidu_policy_get_rule (self->batch->policy, row->rule_id) : NULL;
  g_autofree char *text = NULL;

  if (rule != NULL)
    text = g_strdup_printf (_("%s %s"), rule->article, rule->title);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), rule != NULL ? rule->summary : NULL);
}

static void
bind_explanation_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     TiduSubsidyBatchView     *self)
{
  TiduBatchItem *item = gtk_list_item_get_item (list_item);
  TiduSubsidyBatchRow *row = get_row (self, item->index);
  g_autofree char *full = row != NULL ? tidu_subsidy_result_explanation (row->result) : NULL;
  g_autofree char *line = NULL;

  if (full != NULL)
    {
      g_auto(GStrv) steps = g_strsplit (full, "\n", -1);

      line = g_strjoinv (" · ", steps);
    }
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), line != NULL ? line : "");
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), full);
}

static void
amount_commit (GtkEntry             *entry,
               TiduSubsidyBatchView *self)
{
  TiduBatchItem *item = g_object_get_data (G_OBJECT (entry), "item");
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  if (!tidu_subsidy_batch_view_set_amount (self, item->index, gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), _("Type the amount the officer decides, inside the range"));
}

static void
amount_changed_cb (GtkEntry             *entry,
                   TiduSubsidyBatchView *self)
{
  if (g_object_get_data (G_OBJECT (entry), "item") != NULL)
    amount_commit (entry, self);
}

static void
setup_amount_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TiduSubsidyBatchView     *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_object (entry, "changed", G_CALLBACK (amount_changed_cb), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_amount_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TiduSubsidyBatchView     *self)
{
  TiduBatchItem *item = gtk_list_item_get_item (list_item);
  TiduSubsidyBatchRow *row = get_row (self, item->index);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *entry = gtk_widget_get_last_child (box);
  gboolean range = row != NULL && row->result->min != row->result->max;

  gtk_widget_set_visible (label, !range);
  gtk_widget_set_visible (entry, range);
  g_object_set_data (G_OBJECT (entry), "item", NULL);
  if (row == NULL)
    return;
  if (range)
    {
      g_autofree char *placeholder = format_range (row->result->min, row->result->max);
      g_autofree char *text = NULL;

      if (TIDU_IS_SET (row->chosen_amount))
        text = tidu_money_format (row->chosen_amount, TIDU_MONEY_UNIT_YUAN);
      gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
      gtk_widget_remove_css_class (entry, "error");
      gtk_widget_set_tooltip_text (entry, _("Type the amount the officer decides, inside the range"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, row->entity_name, -1);
      g_object_set_data (G_OBJECT (entry), "item", item);
    }
  else
    {
      g_autofree char *text = tidu_money_format (tidu_subsidy_batch_row_amount (row), TIDU_MONEY_UNIT_YUAN);

      gtk_label_set_text (GTK_LABEL (label), text);
    }
}

static void
unbind_amount_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  TiduSubsidyBatchView     *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (gtk_widget_get_last_child (box)), "item", NULL);
}

static void
unbind_include_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   TiduSubsidyBatchView     *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "item", NULL);
}

static void
add_column (TiduSubsidyBatchView *self,
            const char           *title,
            GCallback             setup,
            GCallback             bind,
            GCallback             unbind,
            gboolean              expand,
            int                   width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect_object (factory, "setup", setup, self, 0);
  g_signal_connect_object (factory, "bind", bind, self, 0);
  if (unbind != NULL)
    g_signal_connect_object (factory, "unbind", unbind, self, 0);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* ------------------------------------------------------------------ running */

static void
show_batch (TiduSubsidyBatchView *self)
{
  g_autoptr(GString) skipped = g_string_new (NULL);

  g_list_store_remove_all (self->items);
  if (self->batch == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "start");
      update_actions (self);
      return;
    }

  for (guint i = 0; i < self->batch->skipped->len; i++)
    {
      TiduSubsidyBatchSkip *skip = g_ptr_array_index (self->batch->skipped, i);
      const TiduPolicyRule *rule = tidu_policy_get_rule (self->batch->policy, skip->rule_id);

      if (skipped->len > 0)
        g_string_append_c (skipped, '\n');
      /* Translators: a rule the batch left out and why, e.g. "三(三)8 创业大赛奖励 — …" */
      g_string_append_printf (skipped, _("%s %s — %s"), rule != NULL ? rule->article : "",
                              rule != NULL ? rule->title : skip->rule_id, skip->reason);
    }
  gtk_label_set_text (self->skipped_label, skipped->str);
  if (self->batch->skipped->len > 0)
    {
      g_autofree char *title = NULL;
      guint n = self->batch->skipped->len;

      /* Translators: the title of the list of rules the records cannot drive */
      title = g_strdup_printf (ngettext ("_%u rule is not in the batch: the records cannot say what it pays",
                                         "_%u rules are not in the batch: the records cannot say what they pay", n), n);
      gtk_expander_set_label (self->skipped_expander, title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_expander), self->batch->skipped->len > 0);

  if (self->batch->rows->len == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %d is a year */
      description = g_strdup_printf (_("The records make nobody eligible under this policy in %d."), self->batch->year);
      if (skipped->len > 0)
        {
          g_autofree char *both = g_strdup_printf ("%s\n\n%s", description, skipped->str);

          adw_status_page_set_description (self->none_page, both);
        }
      else
        adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->stack, "none");
      update_actions (self);
      return;
    }

  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->batch->rows->len; i++)
      g_ptr_array_add (items, tidu_batch_item_new (i));
    g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  }
  gtk_stack_set_visible_child_name (self->stack, "rows");
  update_totals (self);
}

static gboolean
pulse_cb (gpointer data)
{
  TiduSubsidyBatchView *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (TiduSubsidyBatchView *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

typedef struct
{
  TiduPolicy *policy;
  int         year;
} RunWork;

static void
run_work_free (RunWork *work)
{
  tidu_policy_unref (work->policy);
  g_free (work);
}

static void
run_thread (TiduDatabase *db,
            gpointer      data,
            GTask        *task,
            GCancellable *cancellable)
{
  RunWork *work = data;
  GError *error = NULL;
  TiduSubsidyBatch *batch = tidu_subsidy_batch_run (db, work->policy, work->year, cancellable, &error);

  if (batch == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, batch, (GDestroyNotify) tidu_subsidy_batch_free);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (source);
  g_autoptr(GError) error = NULL;
  TiduSubsidyBatch *batch = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    {
      g_clear_pointer (&batch, tidu_subsidy_batch_free);
      return;
    }
  self->running = FALSE;
  g_clear_object (&self->cancellable);
  stop_pulse (self);
  if (batch == NULL)
    {
      show_batch (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error_dialog (self, _("Could Not Calculate the Batch"), error->message);
      return;
    }
  g_clear_pointer (&self->batch, tidu_subsidy_batch_free);
  self->batch = batch;
  show_batch (self);
}

static void
start_run (TiduSubsidyBatchView *self)
{
  TiduPolicy *policy = selected_policy (self);
  RunWork *work;

  if (self->database == NULL || policy == NULL || self->running || self->recording)
    return;

  g_clear_pointer (&self->recorded_ids, g_strfreev);
  g_clear_pointer (&self->batch, tidu_subsidy_batch_free);
  g_list_store_remove_all (self->items);
  work = g_new0 (RunWork, 1);
  work->policy = tidu_policy_ref (policy);
  work->year = gtk_spin_button_get_value_as_int (self->year_spin);
  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "running");
  self->pulse_id = g_timeout_add (100, pulse_cb, self);
  update_actions (self);
  tidu_db_task_run (self, self->database, run_thread, work, (GDestroyNotify) run_work_free, self->cancellable,
                    run_done_cb, NULL);
}

static void
run_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_run (TIDU_SUBSIDY_BATCH_VIEW (widget));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (widget);

  g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------ recording */

static gboolean
withdraw_batch (TiduDatabase  *database,
                gpointer       data,
                GError       **error)
{
  return tidu_ledger_withdraw (database, (const char * const *) data, error);
}

static void
batch_withdrawn (GObject *object)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (object);

  g_clear_pointer (&self->recorded_ids, g_strfreev);
  update_actions (self);
  g_signal_emit (self, signals[SIGNAL_LEDGER_CHANGED], 0);
}

typedef struct
{
  TiduSubsidyBatch *batch;   /* borrowed: the view keeps it, unchanged while recording */
} RecordWork;

static void
record_thread (TiduDatabase *db,
               gpointer      data,
               GTask        *task,
               GCancellable *cancellable)
{
  RecordWork *work = data;
  GError *error = NULL;
  GStrv ids = NULL;

  if (!tidu_ledger_record_batch_ids (db, work->batch, &ids, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_strfreev);
}

static void
record_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (source);
  g_autoptr(GError) error = NULL;
  GStrv ids = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  guint n;

  self->recording = FALSE;
  if (ids == NULL)
    {
      update_actions (self);
      show_error_dialog (self, _("Could Not Record the Batch"), error->message);
      return;
    }
  self->recorded_ids = ids;
  n = g_strv_length (ids);
  count = g_strdup_printf ("%u", n);
  /* Translators: a toast; %s is a number of awards */
  title = g_strdup_printf (ngettext ("%s award recorded in the ledger", "%s awards recorded in the ledger", n), count);
  tidu_undo_offer (GTK_WIDGET (self), self->database, title, NULL, withdraw_batch, g_strdupv (ids),
                   (GDestroyNotify) g_strfreev, G_OBJECT (self), batch_withdrawn);
  update_actions (self);
  g_signal_emit (self, signals[SIGNAL_LEDGER_CHANGED], 0);
}

static void
start_record (TiduSubsidyBatchView *self)
{
  RecordWork *work = g_new0 (RecordWork, 1);

  work->batch = self->batch;
  self->recording = TRUE;
  update_actions (self);
  tidu_db_task_run (self, self->database, record_thread, work, g_free, NULL, record_done_cb, NULL);
}

static void
record_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    TiduSubsidyBatchView *self)
{
  if (g_strcmp0 (response, "record") == 0 && self->batch != NULL && self->recorded_ids == NULL)
    start_record (self);
}

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (widget);
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *range = NULL;
  g_autofree char *count = NULL;
  guint n = 0;
  gint64 min = 0, max = 0;

  if (self->batch == NULL)
    return;
  tidu_subsidy_batch_totals (self->batch, NULL, &n, &min, &max);
  range = format_range (min, max);
  count = g_strdup_printf ("%u", n);
  /* Translators: a dialog heading; %s is a number of awards */
  heading = g_strdup_printf (ngettext ("Record %s Award?", "Record %s Awards?", n), count);
  /* Translators: %s is an amount, e.g. "4,300,000 yuan" */
  body = g_strdup_printf (_("The rows left in, %s in all, go into the ledger as recorded awards in one step. Undo takes them out again while nothing else changed them."),
                          range);
  dialog = adw_message_dialog_new (get_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "record");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (record_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ export */

typedef struct
{
  TiduSubsidySheet *sheet;
  char             *path;
  char             *format;
} ExportWork;

static void
export_work_free (ExportWork *work)
{
  tidu_subsidy_sheet_free (work->sheet);
  g_free (work->path);
  g_free (work->format);
  g_free (work);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportWork *work = task_data;
  GError *error = NULL;
  gboolean ok;

  if (g_str_equal (work->format, "pdf"))
    ok = tidu_subsidy_pdf_write (work->sheet, work->path, &error);
  else
    ok = tidu_subsidy_sheet_write (work->sheet, work->path,
                                   g_str_equal (work->format, "csv") ? TIDU_EXPORT_CSV : TIDU_EXPORT_XLSX, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (source);
  ExportWork *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (work->path);
  g_autofree char *text = NULL;

  self->exporting = FALSE;
  update_actions (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error_dialog (self, _("Could Not Export the Sheet"), error->message);
      return;
    }
  /* Translators: a toast; %s is a file name */
  text = g_strdup_printf (_("Sheet saved as “%s”"), name);
  tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (text));
}

/**
 * tidu_subsidy_batch_view_export:
 * @format: "xlsx", "csv" or "pdf"
 *
 * Writes the sheet of the rows left in to @path on a worker thread; a toast or an error
 * dialog says how it went.
 */
void
tidu_subsidy_batch_view_export (TiduSubsidyBatchView *self,
                                const char           *path,
                                const char           *format)
{
  g_autoptr(GTask) task = NULL;
  ExportWork *work;

  g_return_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self));
  g_return_if_fail (self->batch != NULL && !self->exporting);

  work = g_new0 (ExportWork, 1);
  work->sheet = tidu_subsidy_sheet_new (self->batch);
  work->path = g_strdup (path);
  work->format = g_strdup (format);
  self->exporting = TRUE;
  update_actions (self);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, work, (GDestroyNotify) export_work_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog      *native,
                    int                   response,
                    TiduSubsidyBatchView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *format = g_object_get_data (G_OBJECT (native), "format");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL && self->batch != NULL && !self->exporting)
    {
      g_autofree char *suffix = g_strconcat (".", format, NULL);
      g_autofree char *lower = g_ascii_strdown (path, -1);

      if (!g_str_has_suffix (lower, suffix))
        {
          char *with = g_strconcat (path, suffix, NULL);

          g_free (path);
          path = with;
        }
      tidu_subsidy_batch_view_export (self, path, format);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", format);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (self->batch == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Export Budget Sheet"), get_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  if (g_str_equal (format, "csv"))
    gtk_file_filter_set_name (filter, _("CSV files (UTF-8)"));
  else if (g_str_equal (format, "pdf"))
    gtk_file_filter_set_name (filter, _("PDF documents"));
  else
    gtk_file_filter_set_name (filter, _("Excel workbooks (XLSX)"));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  name = g_strdup_printf ("%s-%d.%s", self->batch->policy->code, self->batch->year, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data_full (G_OBJECT (native), "format", g_strdup (format), g_free);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------ GObject */

static void
policy_changed_cb (TiduSubsidyBatchView *self)
{
  if (selected_policy (self) != NULL)
    tidu_subsidy_clamp_year (self->year_spin, selected_policy (self));
  update_actions (self);
}

static void
tidu_subsidy_batch_view_dispose (GObject *object)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  stop_pulse (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_SUBSIDY_BATCH_VIEW);
  /* The template's root box has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->items);
  g_clear_pointer (&self->policies, g_ptr_array_unref);
  g_clear_pointer (&self->recorded_ids, g_strfreev);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_subsidy_batch_view_parent_class)->dispose (object);
}

static void
tidu_subsidy_batch_view_finalize (GObject *object)
{
  TiduSubsidyBatchView *self = TIDU_SUBSIDY_BATCH_VIEW (object);

  /* A recording worker borrows the batch and holds a reference on the view until it is done,
   * so the batch goes last. */
  g_clear_pointer (&self->batch, tidu_subsidy_batch_free);

  G_OBJECT_CLASS (tidu_subsidy_batch_view_parent_class)->finalize (object);
}

static void
tidu_subsidy_batch_view_class_init (TiduSubsidyBatchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_subsidy_batch_view_dispose;
  object_class->finalize = tidu_subsidy_batch_view_finalize;

  signals[SIGNAL_LEDGER_CHANGED] =
    g_signal_new ("ledger-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-subsidy-batch-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, policy_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, none_page);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, skipped_expander);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, skipped_label);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, totals_grid);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, total_label);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, record_button);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyBatchView, export_button);

  gtk_widget_class_install_action (widget_class, "batch.run", NULL, run_activated);
  gtk_widget_class_install_action (widget_class, "batch.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "batch.record", NULL, record_activated);
  gtk_widget_class_install_action (widget_class, "batch.export", "s", export_activated);
}

static void
tidu_subsidy_batch_view_init (TiduSubsidyBatchView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (TIDU_TYPE_BATCH_ITEM);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, _("In"), G_CALLBACK (setup_include_cb), G_CALLBACK (bind_include_cb),
              G_CALLBACK (unbind_include_cb), FALSE, 48);
  add_column (self, _("Recipient"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_entity_cb), NULL, FALSE, 240);
  add_column (self, _("Rule"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_rule_cb), NULL, FALSE, 220);
  add_column (self, _("Amount (yuan)"), G_CALLBACK (setup_amount_cb), G_CALLBACK (bind_amount_cb),
              G_CALLBACK (unbind_amount_cb), FALSE, 150);
  add_column (self, _("Explanation"), G_CALLBACK (setup_label_cb), G_CALLBACK (bind_explanation_cb), NULL, TRUE, -1);

  /* The year whose budget is planned is usually the coming one, but awards are paid for the
   * year just ended: start from the current year. */
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_year (now));
  tidu_form_ellipsize_drop_down (self->policy_drop, 40);
  g_signal_connect_object (self->policy_drop, "notify::selected", G_CALLBACK (policy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->skipped_expander), FALSE);
  update_actions (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_subsidy_batch_view_new (void)
{
  return g_object_new (TIDU_TYPE_SUBSIDY_BATCH_VIEW, NULL);
}

void
tidu_subsidy_batch_view_set_database (TiduSubsidyBatchView *self,
                                      TiduDatabase         *database)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  guint select = 0;

  g_return_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self));

  if (selected_policy (self) != NULL)
    previous = g_strdup (selected_policy (self)->id);
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->database, database);
  g_clear_pointer (&self->policies, g_ptr_array_unref);
  if (database != NULL)
    self->policies = tidu_policy_list (database, &error);
  if (error != NULL)
    g_warning ("Could not list the subsidy policies: %s", error->message);
  for (guint i = 0; self->policies != NULL && i < self->policies->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (self->policies, i);

      gtk_string_list_append (titles, policy->title);
      if (g_strcmp0 (policy->id, previous) == 0)
        select = i;
    }
  gtk_drop_down_set_model (self->policy_drop, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->policy_drop, select);
  policy_changed_cb (self);
}

/* Runs the batch of @policy_key (a code or id) for @year, as Calculate does. */
gboolean
tidu_subsidy_batch_view_run (TiduSubsidyBatchView *self,
                             const char           *policy_key,
                             int                   year)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self), FALSE);

  for (guint i = 0; self->policies != NULL && i < self->policies->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (self->policies, i);

      if (g_strcmp0 (policy->code, policy_key) == 0 || g_strcmp0 (policy->id, policy_key) == 0)
        {
          gtk_drop_down_set_selected (self->policy_drop, i);
          gtk_spin_button_set_value (self->year_spin, year);
          start_run (self);
          return TRUE;
        }
    }
  return FALSE;
}

/* Records every row left in, without the confirmation Record All asks for. */
void
tidu_subsidy_batch_view_record (TiduSubsidyBatchView *self)
{
  g_return_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self));
  g_return_if_fail (self->batch != NULL && !self->recording && self->recorded_ids == NULL);

  start_record (self);
}

gboolean
tidu_subsidy_batch_view_get_busy (TiduSubsidyBatchView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self), FALSE);

  return self->running || self->recording || self->exporting;
}

TiduSubsidyBatch *
tidu_subsidy_batch_view_get_batch (TiduSubsidyBatchView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self), NULL);

  return self->batch;
}

/* Leaves a row out (or back in), as its check box does. */
void
tidu_subsidy_batch_view_set_excluded (TiduSubsidyBatchView *self,
                                      guint                 index,
                                      gboolean              excluded)
{
  TiduSubsidyBatchRow *row;

  g_return_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self));

  row = get_row (self, index);
  g_return_if_fail (row != NULL);
  row->excluded = excluded;
  g_list_model_items_changed (G_LIST_MODEL (self->items), index, 1, 1);
  update_totals (self);
}

/* The ids the last Record All added, while Undo can take them back; NULL otherwise. */
const char * const *
tidu_subsidy_batch_view_get_recorded_ids (TiduSubsidyBatchView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self), NULL);

  return (const char * const *) self->recorded_ids;
}

const char *
tidu_subsidy_batch_view_get_total_text (TiduSubsidyBatchView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self), NULL);

  return gtk_label_get_text (self->total_label);
}

const char *
tidu_subsidy_batch_view_get_state (TiduSubsidyBatchView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tidu_subsidy_batch_view_set_amount:
 * @text: the amount as typed ("15万", "150,000"); empty clears the choice
 *
 * Sets the officer's amount of a range row, as typing in its cell does; the totals follow.
 * Returns: %FALSE with a message when the text is not an amount or is outside the range
 */
gboolean
tidu_subsidy_batch_view_set_amount (TiduSubsidyBatchView  *self,
                                    guint                  index,
                                    const char            *text,
                                    GError               **error)
{
  TiduSubsidyBatchRow *row;
  g_autofree char *stripped = NULL;
  gint64 yuan;

  g_return_val_if_fail (TIDU_IS_SUBSIDY_BATCH_VIEW (self), FALSE);

  row = get_row (self, index);
  g_return_val_if_fail (row != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    row->chosen_amount = TIDU_UNSET;
  else if (!tidu_money_parse (stripped, TIDU_MONEY_UNIT_YUAN, &yuan, error)
           || !tidu_subsidy_batch_set_amount (self->batch, index, yuan, error))
    return FALSE;
  update_totals (self);
  return TRUE;
}
