/* tidu-subsidy-ledger-view.c: the ledger: who got what under which rule
 *
 * Filters by policy, rule, year, status and recipient; the totals of what matches (computed,
 * approved, paid). The list and its totals load on a worker thread. The selected award can be
 * approved (at another amount with a reason), marked paid or cancelled, each through a dialog
 * that says what will happen, and each with Undo, which puts the award's earlier state back.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-db-task.h"
#include "tidu-form-util.h"
#include "tidu-record-picker.h"
#include "tidu-subsidy-ledger-view.h"
#include "tidu-undo.h"

/* ------------------------------------------------------------------ row items */

#define TIDU_TYPE_AWARD_ITEM (tidu_award_item_get_type ())
G_DECLARE_FINAL_TYPE (TiduAwardItem, tidu_award_item, TIDU, AWARD_ITEM, GObject)

struct _TiduAwardItem
{
  GObject           parent_instance;
  TiduSubsidyAward *award;
  char             *rule_text;
};

G_DEFINE_FINAL_TYPE (TiduAwardItem, tidu_award_item, G_TYPE_OBJECT)

static void
tidu_award_item_finalize (GObject *object)
{
  TiduAwardItem *self = TIDU_AWARD_ITEM (object);

  tidu_subsidy_award_free (self->award);
  g_free (self->rule_text);
  G_OBJECT_CLASS (tidu_award_item_parent_class)->finalize (object);
}

static void
tidu_award_item_class_init (TiduAwardItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tidu_award_item_finalize;
}

static void
tidu_award_item_init (TiduAwardItem *self)
{
}

/* ------------------------------------------------------------------ the view */

enum {
  STATUS_LIVE,
  STATUS_RECORDED,
  STATUS_APPROVED,
  STATUS_PAID,
  STATUS_CANCELLED
};

static const char *status_codes[] = { NULL, TIDU_AWARD_RECORDED, TIDU_AWARD_APPROVED, TIDU_AWARD_PAID, TIDU_AWARD_CANCELLED };

#define N_YEARS 12

struct _TiduSubsidyLedgerView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkDropDown       *policy_drop;
  GtkDropDown       *rule_drop;
  GtkDropDown       *year_drop;
  GtkDropDown       *status_drop;
  GtkDropDown       *entity_drop;
  GtkBox            *entity_box;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkColumnView     *column_view;
  GtkLabel          *explanation_label;
  GtkLabel          *totals_label;

  /* Widgets made here */
  TiduRecordPicker  *pickers[3];  /* carrier, firm, talent */

  /* Owned references */
  TiduDatabase      *database;
  GPtrArray         *policies;
  GListStore        *items;
  GtkSingleSelection *selection;
  GCancellable      *cancellable;
  TiduLedgerTotals   totals;
  int                first_year;  /* the year of position 1 in the year drop-down */
  gboolean           loading;
  gboolean           filling;     /* setting up the drop-downs: no reload */
};

G_DEFINE_FINAL_TYPE (TiduSubsidyLedgerView, tidu_subsidy_ledger_view, GTK_TYPE_WIDGET)

static const TiduListKind picker_kinds[] = { TIDU_LIST_CARRIERS, TIDU_LIST_FIRMS, TIDU_LIST_TALENTS };
static const TiduSubsidyEntityKind entity_kinds[] = { TIDU_SUBSIDY_ENTITY_NONE, TIDU_SUBSIDY_ENTITY_CARRIER,
                                                      TIDU_SUBSIDY_ENTITY_FIRM, TIDU_SUBSIDY_ENTITY_TALENT };

static GtkWindow *
get_window (TiduSubsidyLedgerView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error_dialog (TiduSubsidyLedgerView *self,
                   const char            *heading,
                   const char            *message)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_amount (gint64 yuan)
{
  return TIDU_IS_SET (yuan) ? tidu_money_format (yuan, TIDU_MONEY_UNIT_YUAN) : g_strdup ("");
}

static char *
format_computed (const TiduSubsidyAward *award)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (TIDU_IS_SET (award->computed_amount))
    return tidu_money_format (award->computed_amount, TIDU_MONEY_UNIT_YUAN);
  min = format_amount (award->computed_min);
  max = format_amount (award->computed_max);
  return g_strdup_printf (_("%s – %s"), min, max);
}

static const char *
status_label (const char *status)
{
  if (g_strcmp0 (status, TIDU_AWARD_RECORDED) == 0)
    return _("Recorded");
  if (g_strcmp0 (status, TIDU_AWARD_APPROVED) == 0)
    return _("Approved");
  if (g_strcmp0 (status, TIDU_AWARD_PAID) == 0)
    return _("Paid");
  if (g_strcmp0 (status, TIDU_AWARD_CANCELLED) == 0)
    return _("Cancelled");
  return status != NULL ? status : "";
}

static TiduPolicy *
selected_policy (TiduSubsidyLedgerView *self)
{
  guint position = gtk_drop_down_get_selected (self->policy_drop);

  if (self->policies == NULL || position == 0 || position > self->policies->len)
    return NULL;
  return g_ptr_array_index (self->policies, position - 1);
}

static const char *
selected_rule_id (TiduSubsidyLedgerView *self)
{
  TiduPolicy *policy = selected_policy (self);
  guint position = gtk_drop_down_get_selected (self->rule_drop);
  const TiduPolicyRule *rule;

  if (policy == NULL || position == 0 || position > policy->rules->len)
    return NULL;
  rule = g_ptr_array_index (policy->rules, position - 1);
  return rule->id;
}

static TiduSubsidyAward *
selected_award (TiduSubsidyLedgerView *self)
{
  TiduAwardItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? item->award : NULL;
}

static TiduRecordPicker *
current_picker (TiduSubsidyLedgerView *self)
{
  guint position = gtk_drop_down_get_selected (self->entity_drop);

  return position >= 1 && position <= G_N_ELEMENTS (self->pickers) ? self->pickers[position - 1] : NULL;
}

static void
update_actions (TiduSubsidyLedgerView *self)
{
  TiduSubsidyAward *award = selected_award (self);
  const char *status = award != NULL ? award->status : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.approve", g_strcmp0 (status, TIDU_AWARD_RECORDED) == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.pay", g_strcmp0 (status, TIDU_AWARD_APPROVED) == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledger.cancel",
                                 g_strcmp0 (status, TIDU_AWARD_RECORDED) == 0 || g_strcmp0 (status, TIDU_AWARD_APPROVED) == 0);
}

static void
update_explanation (TiduSubsidyLedgerView *self)
{
  TiduSubsidyAward *award = selected_award (self);
  g_autoptr(GString) text = g_string_new (NULL);

  if (award != NULL)
    {
      if (award->explanation != NULL)
        g_string_append (text, award->explanation);
      if (award->approved_reason != NULL)
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: before the reason an officer gave when approving */
          g_string_append_printf (text, _("Reason: %s"), award->approved_reason);
        }
    }
  gtk_label_set_text (self->explanation_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), text->len > 0);
  update_actions (self);
}

static void
update_totals_label (TiduSubsidyLedgerView *self)
{
  g_autofree char *count = g_strdup_printf ("%u", self->totals.n_awards);
  g_autofree char *computed = tidu_money_format_with_unit (self->totals.computed, TIDU_MONEY_UNIT_YUAN);
  g_autofree char *approved = tidu_money_format_with_unit (self->totals.approved, TIDU_MONEY_UNIT_YUAN);
  g_autofree char *paid = tidu_money_format_with_unit (self->totals.paid, TIDU_MONEY_UNIT_YUAN);
  g_autofree char *text = NULL;

  /* Translators: the ledger's totals; %s are a number of awards and three amounts */
  text = g_strdup_printf (ngettext ("%s award · computed %s · approved %s · paid %s",
                                    "%s awards · computed %s · approved %s · paid %s", self->totals.n_awards),
                          count, computed, approved, paid);
  gtk_label_set_text (self->totals_label, text);
}

/* ------------------------------------------------------------------ loading */

typedef struct
{
  TiduLedgerFilter filter;
} LoadWork;

typedef struct
{
  GPtrArray        *awards;
  TiduLedgerTotals  totals;
} LoadResult;

static void
load_work_free (LoadWork *work)
{
  g_free ((char *) work->filter.policy);
  g_free ((char *) work->filter.rule_id);
  g_free ((char *) work->filter.entity_id);
  g_free ((char *) work->filter.status);
  g_free (work);
}

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->awards, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (TiduDatabase *db,
             gpointer      data,
             GTask        *task,
             GCancellable *cancellable)
{
  LoadWork *work = data;
  LoadResult *result = g_new0 (LoadResult, 1);
  GError *error = NULL;

  result->awards = tidu_ledger_list (db, &work->filter, &error);
  if (result->awards != NULL)
    tidu_ledger_totals (db, &work->filter, &result->totals, &error);
  if (error != NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static char *
rule_text (TiduSubsidyLedgerView  *self,
           const TiduSubsidyAward *award)
{
  for (guint i = 0; self->policies != NULL && i < self->policies->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (self->policies, i);
      const TiduPolicyRule *rule;

      if (g_strcmp0 (policy->id, award->policy_id) != 0)
        continue;
      rule = tidu_policy_get_rule (policy, award->rule_id);
      if (rule != NULL)
        return g_strdup_printf (_("%s %s"), rule->article, rule->title);
    }
  return g_strdup_printf ("%s / %s", award->policy_code != NULL ? award->policy_code : "", award->rule_id);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  TiduSubsidyLedgerView *self = TIDU_SUBSIDY_LEDGER_VIEW (source);
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *selected_id = NULL;
  guint select = GTK_INVALID_LIST_POSITION;

  if (g_task_get_cancellable (G_TASK (res)) != self->cancellable)
    {
      g_clear_pointer (&result, load_result_free);
      return;
    }
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  if (result == NULL)
    {
      show_error_dialog (self, _("Could Not Read the Ledger"), error->message);
      return;
    }

  if (selected_award (self) != NULL)
    selected_id = g_strdup (selected_award (self)->id);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  /* The items take the awards over. */
  g_ptr_array_set_free_func (result->awards, NULL);
  for (guint i = 0; i < result->awards->len; i++)
    {
      TiduAwardItem *item = g_object_new (TIDU_TYPE_AWARD_ITEM, NULL);

      item->award = g_ptr_array_index (result->awards, i);
      item->rule_text = rule_text (self, item->award);
      if (g_strcmp0 (item->award->id, selected_id) == 0)
        select = i;
      g_ptr_array_add (items, item);
    }
  self->totals = result->totals;
  load_result_free (result);

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, select != GTK_INVALID_LIST_POSITION ? select : 0);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  update_totals_label (self);
  update_explanation (self);
}

/**
 * tidu_subsidy_ledger_view_reload:
 *
 * Reads the awards matching the filters again, on a worker thread.
 */
void
tidu_subsidy_ledger_view_reload (TiduSubsidyLedgerView *self)
{
  LoadWork *work;
  TiduPolicy *policy;
  TiduRecordPicker *picker;
  guint year = gtk_drop_down_get_selected (self->year_drop);
  guint status = gtk_drop_down_get_selected (self->status_drop);

  g_return_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL || self->filling)
    return;

  work = g_new0 (LoadWork, 1);
  policy = selected_policy (self);
  work->filter.policy = policy != NULL ? g_strdup (policy->id) : NULL;
  work->filter.rule_id = g_strdup (selected_rule_id (self));
  work->filter.year = year > 0 && year < N_YEARS + 1 ? self->first_year - (int) (year - 1) : 0;
  work->filter.status = status < G_N_ELEMENTS (status_codes) ? g_strdup (status_codes[status]) : NULL;
  picker = current_picker (self);
  if (picker != NULL && tidu_record_picker_get_value (picker) != NULL)
    {
      work->filter.entity_kind = entity_kinds[gtk_drop_down_get_selected (self->entity_drop)];
      work->filter.entity_id = g_strdup (tidu_record_picker_get_value (picker));
    }

  self->loading = TRUE;
  self->cancellable = g_cancellable_new ();
  tidu_db_task_run (self, self->database, load_thread, work, (GDestroyNotify) load_work_free, self->cancellable,
                    load_done_cb, NULL);
}

static void
filter_changed_cb (TiduSubsidyLedgerView *self)
{
  tidu_subsidy_ledger_view_reload (self);
}

static void
fill_rules (TiduSubsidyLedgerView *self)
{
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);
  TiduPolicy *policy = selected_policy (self);

  gtk_string_list_append (rules, _("All rules"));
  for (guint i = 0; policy != NULL && i < policy->rules->len; i++)
    {
      const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, i);
      g_autofree char *text = g_strdup_printf (_("%s %s"), rule->article, rule->title);

      gtk_string_list_append (rules, text);
    }
  gtk_drop_down_set_model (self->rule_drop, G_LIST_MODEL (rules));
  gtk_drop_down_set_selected (self->rule_drop, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rule_drop), policy != NULL);
}

static void
policy_changed_cb (TiduSubsidyLedgerView *self)
{
  gboolean filling = self->filling;

  self->filling = TRUE;
  fill_rules (self);
  self->filling = filling;
  tidu_subsidy_ledger_view_reload (self);
}

static void
entity_kind_changed_cb (TiduSubsidyLedgerView *self)
{
  TiduRecordPicker *picker = current_picker (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->pickers); i++)
    gtk_widget_set_visible (GTK_WIDGET (self->pickers[i]), self->pickers[i] == picker);
  tidu_subsidy_ledger_view_reload (self);
}

static void
selection_changed_cb (TiduSubsidyLedgerView *self)
{
  update_explanation (self);
}

/* ------------------------------------------------------------------ cells */

typedef enum
{
  COLUMN_YEAR,
  COLUMN_RECIPIENT,
  COLUMN_RULE,
  COLUMN_COMPUTED,
  COLUMN_APPROVED,
  COLUMN_PAID,
  COLUMN_STATUS
} Column;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);
  gboolean numeric = column == COLUMN_YEAR || column == COLUMN_COMPUTED || column == COLUMN_APPROVED
    || column == COLUMN_PAID;

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  TiduAwardItem *item = gtk_list_item_get_item (list_item);
  const TiduSubsidyAward *award = item->award;
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_YEAR:
      text = award->year > 0 ? g_strdup_printf ("%d", award->year) : g_strdup ("");
      break;
    case COLUMN_RECIPIENT:
      text = g_strdup (award->entity_name != NULL ? award->entity_name : award->payee);
      break;
    case COLUMN_RULE:
      text = g_strdup (item->rule_text);
      break;
    case COLUMN_COMPUTED:
      text = format_computed (award);
      break;
    case COLUMN_APPROVED:
      text = format_amount (award->approved_amount);
      break;
    case COLUMN_PAID:
      text = format_amount (award->paid_amount);
      break;
    case COLUMN_STATUS:
    default:
      text = g_strdup (status_label (award->status));
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, column == COLUMN_RECIPIENT || column == COLUMN_RULE ? text : NULL);
}

static void
add_column (TiduSubsidyLedgerView *self,
            Column                 id,
            const char            *title,
            gboolean               expand,
            int                    width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (id));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* ------------------------------------------------------------------ changing awards */

static gboolean
revert_award (TiduDatabase  *database,
              gpointer       data,
              GError       **error)
{
  return tidu_ledger_revert (database, data, error);
}

static void
award_reverted (GObject *object)
{
  tidu_subsidy_ledger_view_reload (TIDU_SUBSIDY_LEDGER_VIEW (object));
}

static void
changed (TiduSubsidyLedgerView  *self,
         TiduSubsidyAward       *before,
         const char             *title)
{
  tidu_undo_offer (GTK_WIDGET (self), self->database, title, NULL, revert_award, before,
                   (GDestroyNotify) tidu_subsidy_award_free, G_OBJECT (self), award_reverted);
  tidu_subsidy_ledger_view_reload (self);
}

typedef enum
{
  CHANGE_APPROVE,
  CHANGE_PAY,
  CHANGE_CANCEL
} ChangeKind;

typedef struct
{
  TiduSubsidyLedgerView *self;
  ChangeKind             kind;
  TiduSubsidyAward      *award;
  AdwEntryRow           *amount_row;
  AdwEntryRow           *text_row;   /* reason, or the payment date */
  GtkLabel              *error_label;
} ChangeDialog;

static void
change_dialog_free (ChangeDialog *change)
{
  tidu_subsidy_award_free (change->award);
  g_free (change);
}

/* Checks the dialog's fields; returns the amount (TIDU_UNSET: none typed) or FALSE with the
 * message shown. */
static gboolean
change_check (ChangeDialog *change,
              gint64       *amount,
              GDate        *date)
{
  g_autofree char *text = change->amount_row != NULL ? tidu_form_get_text (change->amount_row) : NULL;
  g_autofree char *other = change->text_row != NULL ? tidu_form_get_text (change->text_row) : NULL;
  g_autoptr(GError) error = NULL;
  const TiduSubsidyAward *award = change->award;

  *amount = TIDU_UNSET;
  if (text != NULL && *text != '\0' && !tidu_money_parse (text, TIDU_MONEY_UNIT_YUAN, amount, &error))
    {
      tidu_form_set_error_label (change->error_label, error->message);
      return FALSE;
    }
  if (change->kind == CHANGE_APPROVE)
    {
      gboolean differs = TIDU_IS_SET (*amount) && *amount != award->computed_amount;

      if (!TIDU_IS_SET (*amount) && !TIDU_IS_SET (award->computed_amount))
        {
          tidu_form_set_error_label (change->error_label, _("Type the amount approved: the rule left it to the officer."));
          return FALSE;
        }
      if ((differs || !TIDU_IS_SET (award->computed_amount)) && (other == NULL || *other == '\0'))
        {
          tidu_form_set_error_label (change->error_label,
                                     _("Give a reason: the amount approved differs from the one calculated."));
          return FALSE;
        }
    }
  if (change->kind == CHANGE_PAY)
    {
      if (TIDU_IS_SET (*amount) && TIDU_IS_SET (award->approved_amount) && *amount > award->approved_amount)
        {
          g_autofree char *approved = tidu_money_format_with_unit (award->approved_amount, TIDU_MONEY_UNIT_YUAN);
          g_autofree char *message = g_strdup_printf (_("At most the approved %s."), approved);

          tidu_form_set_error_label (change->error_label, message);
          return FALSE;
        }
      if (other != NULL && *other != '\0' && !tidu_form_get_date (change->text_row, date, &error))
        {
          tidu_form_set_error_label (change->error_label, error->message);
          return FALSE;
        }
    }
  tidu_form_set_error_label (change->error_label, NULL);
  return TRUE;
}

static void
change_fields_changed_cb (GtkEditable      *editable,
                          AdwMessageDialog *dialog)
{
  ChangeDialog *change = g_object_get_data (G_OBJECT (dialog), "change");
  gint64 amount;
  GDate date;

  g_date_clear (&date, 1);
  adw_message_dialog_set_response_enabled (dialog, "apply", change_check (change, &amount, &date));
}

static void
change_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ChangeDialog     *change)
{
  TiduSubsidyLedgerView *self = change->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *title = NULL;
  TiduSubsidyAward *before;
  gint64 amount;
  GDate date;
  gboolean ok = FALSE;

  if (g_strcmp0 (response, "apply") != 0)
    return;
  g_date_clear (&date, 1);
  if (!change_check (change, &amount, &date))
    return;

  /* The state to come back to on Undo, read fresh rather than from the list. */
  before = tidu_ledger_load (self->database, change->award->id, &error);
  if (before == NULL)
    {
      show_error_dialog (self, _("Could Not Change the Award"), error->message);
      return;
    }
  switch (change->kind)
    {
    case CHANGE_APPROVE:
      reason = tidu_form_get_text (change->text_row);
      ok = tidu_ledger_approve (self->database, before->id, amount, reason != NULL && *reason != '\0' ? reason : NULL,
                                NULL, &error);
      title = g_strdup (_("Award approved"));
      break;
    case CHANGE_PAY:
      ok = tidu_ledger_pay (self->database, before->id, amount, g_date_valid (&date) ? &date : NULL, &error);
      title = g_strdup (_("Award marked paid"));
      break;
    case CHANGE_CANCEL:
    default:
      reason = tidu_form_get_text (change->text_row);
      ok = tidu_ledger_cancel (self->database, before->id, reason != NULL && *reason != '\0' ? reason : NULL, &error);
      title = g_strdup (_("Award cancelled"));
      break;
    }
  if (!ok)
    {
      tidu_subsidy_award_free (before);
      show_error_dialog (self, _("Could Not Change the Award"), error->message);
      tidu_subsidy_ledger_view_reload (self);
      return;
    }
  changed (self, before, title);
}

static AdwEntryRow *
dialog_entry (GtkListBox *list,
              const char *title,
              const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (list, GTK_WIDGET (row));
  return row;
}

static void
open_change_dialog (TiduSubsidyLedgerView *self,
                    ChangeKind             kind)
{
  TiduSubsidyAward *award = selected_award (self);
  ChangeDialog *change;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;
  g_autofree char *computed = NULL;
  g_autofree char *body = NULL;
  const char *heading;
  const char *apply;
  const char *recipient;
  const char *rule;

  if (award == NULL)
    return;
  rule = ((TiduAwardItem *) gtk_single_selection_get_selected_item (self->selection))->rule_text;
  change = g_new0 (ChangeDialog, 1);
  change->self = self;
  change->kind = kind;
  change->award = tidu_subsidy_award_copy (award);
  computed = format_computed (award);
  recipient = award->entity_name != NULL ? award->entity_name : award->payee;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);
  change->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (change->error_label, TRUE);
  gtk_label_set_xalign (change->error_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (change->error_label));
  tidu_form_set_error_label (change->error_label, NULL);

  switch (kind)
    {
    case CHANGE_APPROVE:
      heading = _("Approve Award");
      apply = _("_Approve");
      /* Translators: the recipient, the rule, and the amount calculated */
      body = g_strdup_printf (_("%s, %s: calculated %s. Approve it as calculated, or type another amount and the reason for it."),
                              recipient, rule, computed);
      change->amount_row = dialog_entry (GTK_LIST_BOX (list), _("Approved _amount (yuan)"),
                                         TIDU_IS_SET (award->computed_amount) ? computed : NULL);
      change->text_row = dialog_entry (GTK_LIST_BOX (list), _("_Reason"), NULL);
      break;
    case CHANGE_PAY:
      {
        g_autofree char *approved = format_amount (award->approved_amount);
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();
        g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

        heading = _("Mark Award Paid");
        apply = _("Mark _Paid");
        body = g_strdup_printf (_("%s, %s: approved %s. Say what was paid and when."), recipient,
                                rule, approved);
        change->amount_row = dialog_entry (GTK_LIST_BOX (list), _("Paid _amount (yuan)"), approved);
        change->text_row = dialog_entry (GTK_LIST_BOX (list), _("Paid _on"), today);
      }
      break;
    case CHANGE_CANCEL:
    default:
      heading = _("Cancel Award?");
      apply = _("Cancel _Award");
      body = g_strdup_printf (_("%s, %s: %s. A cancelled award stays in the ledger but counts nowhere: not in totals, caps or top-ups."),
                              recipient, rule, computed);
      change->text_row = dialog_entry (GTK_LIST_BOX (list), _("_Reason"), NULL);
      break;
    }

  dialog = adw_message_dialog_new (get_window (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _("_Keep as It Is"), "apply", apply, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              kind == CHANGE_CANCEL ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data (G_OBJECT (dialog), "change", change);
  if (change->amount_row != NULL)
    g_signal_connect (change->amount_row, "changed", G_CALLBACK (change_fields_changed_cb), dialog);
  if (change->text_row != NULL)
    g_signal_connect (change->text_row, "changed", G_CALLBACK (change_fields_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (change_response_cb), change,
                         (GClosureNotify) change_dialog_free, 0);
  change_fields_changed_cb (NULL, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_change_dialog (TIDU_SUBSIDY_LEDGER_VIEW (widget), CHANGE_APPROVE);
}

static void
pay_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_change_dialog (TIDU_SUBSIDY_LEDGER_VIEW (widget), CHANGE_PAY);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_change_dialog (TIDU_SUBSIDY_LEDGER_VIEW (widget), CHANGE_CANCEL);
}

/* Enter on a row moves the award one step on: approve a recorded one, pay an approved one. */
static void
row_activated_cb (TiduSubsidyLedgerView *self,
                  guint                  position)
{
  TiduSubsidyAward *award;

  gtk_single_selection_set_selected (self->selection, position);
  award = selected_award (self);
  if (award == NULL)
    return;
  if (g_strcmp0 (award->status, TIDU_AWARD_RECORDED) == 0)
    open_change_dialog (self, CHANGE_APPROVE);
  else if (g_strcmp0 (award->status, TIDU_AWARD_APPROVED) == 0)
    open_change_dialog (self, CHANGE_PAY);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_subsidy_ledger_view_dispose (GObject *object)
{
  TiduSubsidyLedgerView *self = TIDU_SUBSIDY_LEDGER_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_SUBSIDY_LEDGER_VIEW);
  /* The template's root box has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->policies, g_ptr_array_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_subsidy_ledger_view_parent_class)->dispose (object);
}

static void
tidu_subsidy_ledger_view_class_init (TiduSubsidyLedgerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_subsidy_ledger_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-subsidy-ledger-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, policy_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, rule_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, year_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, status_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, entity_drop);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, entity_box);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyLedgerView, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "ledger.approve", NULL, approve_activated);
  gtk_widget_class_install_action (widget_class, "ledger.pay", NULL, pay_activated);
  gtk_widget_class_install_action (widget_class, "ledger.cancel", NULL, cancel_activated);
}

static void
tidu_subsidy_ledger_view_init (TiduSubsidyLedgerView *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (TIDU_TYPE_AWARD_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  add_column (self, COLUMN_YEAR, _("Year"), FALSE, 60);
  add_column (self, COLUMN_RECIPIENT, _("Recipient"), TRUE, -1);
  add_column (self, COLUMN_RULE, _("Rule"), TRUE, -1);
  add_column (self, COLUMN_COMPUTED, _("Calculated"), FALSE, 150);
  add_column (self, COLUMN_APPROVED, _("Approved"), FALSE, 110);
  add_column (self, COLUMN_PAID, _("Paid"), FALSE, 110);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, 90);

  tidu_form_ellipsize_drop_down (self->policy_drop, 24);
  tidu_form_ellipsize_drop_down (self->rule_drop, 20);
  self->first_year = g_date_time_get_year (now) + 1;
  gtk_string_list_append (years, _("All years"));
  for (int i = 0; i < N_YEARS; i++)
    {
      g_autofree char *year = g_strdup_printf ("%d", self->first_year - i);

      gtk_string_list_append (years, year);
    }
  gtk_drop_down_set_model (self->year_drop, G_LIST_MODEL (years));

  for (guint i = 0; i < G_N_ELEMENTS (self->pickers); i++)
    {
      self->pickers[i] = TIDU_RECORD_PICKER (tidu_record_picker_new (picker_kinds[i]));
      gtk_widget_set_size_request (GTK_WIDGET (self->pickers[i]), 220, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->pickers[i]), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->pickers[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Recipient"), -1);
      gtk_box_append (self->entity_box, GTK_WIDGET (self->pickers[i]));
      g_signal_connect_object (self->pickers[i], "notify::value", G_CALLBACK (filter_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_signal_connect_object (self->policy_drop, "notify::selected", G_CALLBACK (policy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rule_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_drop, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entity_drop, "notify::selected", G_CALLBACK (entity_kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_totals_label (self);
  update_explanation (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_subsidy_ledger_view_new (void)
{
  return g_object_new (TIDU_TYPE_SUBSIDY_LEDGER_VIEW, NULL);
}

void
tidu_subsidy_ledger_view_set_database (TiduSubsidyLedgerView *self,
                                       TiduDatabase          *database)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self));

  g_set_object (&self->database, database);
  for (guint i = 0; i < G_N_ELEMENTS (self->pickers); i++)
    tidu_record_picker_set_database (self->pickers[i], database);
  g_clear_pointer (&self->policies, g_ptr_array_unref);
  if (database != NULL)
    self->policies = tidu_policy_list (database, &error);
  if (error != NULL)
    g_warning ("Could not list the subsidy policies: %s", error->message);

  self->filling = TRUE;
  gtk_string_list_append (titles, _("All policies"));
  for (guint i = 0; self->policies != NULL && i < self->policies->len; i++)
    gtk_string_list_append (titles, ((TiduPolicy *) g_ptr_array_index (self->policies, i))->title);
  gtk_drop_down_set_model (self->policy_drop, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->policy_drop, 0);
  fill_rules (self);
  self->filling = FALSE;
  tidu_subsidy_ledger_view_reload (self);
}

/* @year 0 shows every year. */
void
tidu_subsidy_ledger_view_set_year (TiduSubsidyLedgerView *self,
                                   int                    year)
{
  g_return_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self));

  if (year == 0 || year > self->first_year || year <= self->first_year - N_YEARS)
    gtk_drop_down_set_selected (self->year_drop, 0);
  else
    gtk_drop_down_set_selected (self->year_drop, (guint) (self->first_year - year + 1));
}

gboolean
tidu_subsidy_ledger_view_get_busy (TiduSubsidyLedgerView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self), FALSE);

  return self->loading;
}

GListModel *
tidu_subsidy_ledger_view_get_model (TiduSubsidyLedgerView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* The award of a row of the model. */
const TiduSubsidyAward *
tidu_subsidy_ledger_view_get_award (TiduSubsidyLedgerView *self,
                                    guint                  position)
{
  g_autoptr(TiduAwardItem) item = NULL;

  g_return_val_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  return item != NULL ? item->award : NULL;
}

const TiduLedgerTotals *
tidu_subsidy_ledger_view_get_totals (TiduSubsidyLedgerView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self), NULL);

  return &self->totals;
}

const char *
tidu_subsidy_ledger_view_get_totals_text (TiduSubsidyLedgerView *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self), NULL);

  return gtk_label_get_text (self->totals_label);
}

void
tidu_subsidy_ledger_view_select (TiduSubsidyLedgerView *self,
                                 guint                  position)
{
  g_return_if_fail (TIDU_IS_SUBSIDY_LEDGER_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
}
