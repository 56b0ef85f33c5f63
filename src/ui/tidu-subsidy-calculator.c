/* tidu-subsidy-calculator.c: one rule, one case: the calculator of the Subsidies place
 *
 * The policies and their rules on the left (search, article, summary; built-in policies are
 * marked and can only be copied; Import Policy… adds a JSON policy file). A picked rule shows a
 * form made from its declared inputs, and the amount with its explanation updates as the
 * officer types: the engine is pure arithmetic, so it runs on the main thread. "Calculate for"
 * a carrier, firm or talent fills the inputs from the records and loads what the ledger holds
 * for it on a worker thread; the award can then be recorded in the ledger, with Undo.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-db-task.h"
#include "tidu-form-util.h"
#include "tidu-record-picker.h"
#include "tidu-subsidy-calculator.h"
#include "tidu-subsidy-pdf.h"
#include "tidu-undo.h"

typedef struct
{
  const TiduPolicyInput *input;
  GtkWidget             *row;      /* AdwEntryRow or AdwComboRow */
  GStrv                  values;   /* combo rows: the value of each position */
} InputRow;

struct _TiduSubsidyCalculator
{
  GtkWidget              parent_instance;

  /* Template widgets */
  GtkSearchEntry        *search_entry;
  GtkStack              *list_stack;
  GtkListBox            *rule_list;
  GtkStack              *detail_stack;
  GtkLabel              *rule_title;
  GtkLabel              *rule_meta;
  GtkLabel              *rule_summary;
  AdwPreferencesGroup   *entity_group;
  AdwComboRow           *entity_kind_row;
  AdwActionRow          *entity_row;
  GtkBox                *picker_box;
  AdwEntryRow           *payee_row;
  GtkSpinButton         *year_spin;
  AdwPreferencesGroup   *inputs_group;
  GtkLabel              *amount_label;
  GtkLabel              *status_label;
  GtkListBox            *steps_list;

  /* Widgets made here */
  TiduRecordPicker      *pickers[3];   /* carrier, firm, talent */
  GPtrArray             *input_rows;   /* InputRow* */

  /* Owned references */
  TiduDatabase          *database;
  GPtrArray             *policies;     /* TiduPolicy* */
  TiduPolicy            *policy;       /* the shown rule's policy */
  char                  *rule_id;
  TiduPolicy            *selected_policy;  /* the policy of the selected sidebar row */
  GArray                *entity_kinds; /* TiduSubsidyEntityKind offered for the rule */
  TiduSubsidyContext    *context;
  TiduSubsidyResult     *result;
  GCancellable          *prefill_cancellable;
  gboolean               filling;      /* setting inputs from the records: no recalculation */
  gboolean               busy;
};

G_DEFINE_FINAL_TYPE (TiduSubsidyCalculator, tidu_subsidy_calculator, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LEDGER_CHANGED,
  SIGNAL_POLICIES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TiduListKind picker_kinds[] = { TIDU_LIST_CARRIERS, TIDU_LIST_FIRMS, TIDU_LIST_TALENTS };

static void recalculate (TiduSubsidyCalculator *self);
static void start_prefill (TiduSubsidyCalculator *self);

/* ------------------------------------------------------------------ helpers */

static void
input_row_free (InputRow *row)
{
  g_strfreev (row->values);
  g_free (row);
}

static GtkWindow *
get_window (TiduSubsidyCalculator *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (TiduSubsidyCalculator *self,
            const char            *text)
{
  tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (text));
}

static void
show_error_dialog (TiduSubsidyCalculator *self,
                   const char            *heading,
                   const char            *message)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_yuan (gint64 yuan)
{
  return tidu_money_format_with_unit (yuan, TIDU_MONEY_UNIT_YUAN);
}

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

static TiduSubsidyEntityKind
current_entity_kind (TiduSubsidyCalculator *self)
{
  guint position;

  /* Signals from rows going away during dispose come after the template is cleared. */
  if (self->entity_kind_row == NULL)
    return TIDU_SUBSIDY_ENTITY_NONE;
  position = adw_combo_row_get_selected (self->entity_kind_row);
  if (self->entity_kinds == NULL || position >= self->entity_kinds->len)
    return TIDU_SUBSIDY_ENTITY_NONE;
  return g_array_index (self->entity_kinds, TiduSubsidyEntityKind, position);
}

static TiduRecordPicker *
current_picker (TiduSubsidyCalculator *self)
{
  switch (current_entity_kind (self))
    {
    case TIDU_SUBSIDY_ENTITY_CARRIER:
      return self->pickers[0];
    case TIDU_SUBSIDY_ENTITY_FIRM:
      return self->pickers[1];
    case TIDU_SUBSIDY_ENTITY_TALENT:
      return self->pickers[2];
    case TIDU_SUBSIDY_ENTITY_PAYEE:
    case TIDU_SUBSIDY_ENTITY_NONE:
    default:
      return NULL;
    }
}

/* The entity the award is for: a picked record or a typed payee; NULL when none. */
static const char *
current_entity_id (TiduSubsidyCalculator *self)
{
  TiduRecordPicker *picker = current_picker (self);
  const char *text;

  if (picker != NULL)
    return tidu_record_picker_get_value (picker);
  if (current_entity_kind (self) != TIDU_SUBSIDY_ENTITY_PAYEE)
    return NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->payee_row));
  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text != NULL && *text != '\0' ? text : NULL;
}

static const char *
entity_kind_label (TiduSubsidyEntityKind kind)
{
  switch (kind)
    {
    case TIDU_SUBSIDY_ENTITY_CARRIER:
      return _("Innovation carrier");
    case TIDU_SUBSIDY_ENTITY_FIRM:
      return _("Firm");
    case TIDU_SUBSIDY_ENTITY_TALENT:
      return _("Talent");
    case TIDU_SUBSIDY_ENTITY_PAYEE:
      return _("Other payee (agency, platform)");
    case TIDU_SUBSIDY_ENTITY_NONE:
    default:
      return "";
    }
}

static void
update_actions (TiduSubsidyCalculator *self)
{
  gboolean can_record = self->database != NULL && self->result != NULL && self->result->eligible
    && current_entity_id (self) != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calculator.record", can_record);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calculator.import", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calculator.copy",
                                 self->database != NULL && self->selected_policy != NULL);
}

/* ------------------------------------------------------------------ the sidebar */

static gboolean
matches (const char *haystack,
         const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
rule_matches (const TiduPolicy     *policy,
              const TiduPolicyRule *rule,
              const char           *needle)
{
  if (needle == NULL || *needle == '\0')
    return TRUE;
  return matches (rule->title, needle) || matches (rule->article, needle) || matches (rule->summary, needle)
    || matches (rule->id, needle) || matches (policy->title, needle) || matches (policy->code, needle)
    || matches (policy->doc_number, needle);
}

static GtkWidget *
policy_row_new (TiduPolicy *policy)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (policy->title);
  GtkWidget *meta;
  g_autofree char *meta_text = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), title);
  if (policy->builtin)
    {
      GtkWidget *tag = gtk_label_new (_("Built-in"));

      gtk_widget_set_valign (tag, GTK_ALIGN_START);
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "accent");
      gtk_widget_set_tooltip_text (tag, _("Shipped with Tidu: it cannot be changed, only copied"));
      gtk_box_append (GTK_BOX (top), tag);
    }
  gtk_box_append (GTK_BOX (box), top);

  /* Translators: under a policy's title: its code and version, e.g. "jiangdu-2023-2025, version 1" */
  meta_text = g_strdup_printf (_("%s, version %s"), policy->code, policy->version != NULL ? policy->version : "1");
  meta = gtk_label_new (meta_text);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (box), meta);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "policy", tidu_policy_ref (policy), (GDestroyNotify) tidu_policy_unref);
  return row;
}

static GtkWidget *
rule_row_new (TiduPolicy           *policy,
              const TiduPolicyRule *rule)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title;
  GtkWidget *summary;
  g_autofree char *title_text = NULL;

  /* Translators: a rule in the list: its article and title, e.g. "三(一)1 载体改造补贴" */
  title_text = g_strdup_printf (_("%s %s"), rule->article != NULL ? rule->article : "", rule->title);
  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);

  summary = gtk_label_new (rule->summary);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), summary);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_tooltip_text (row, rule->summary);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "policy", tidu_policy_ref (policy), (GDestroyNotify) tidu_policy_unref);
  g_object_set_data_full (G_OBJECT (row), "rule-id", g_strdup (rule->id), g_free);
  return row;
}

static void
fill_rule_list (TiduSubsidyCalculator *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  GtkWidget *child;
  guint n_rules = 0;

  g_strstrip (needle);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rule_list))) != NULL)
    gtk_list_box_remove (self->rule_list, child);

  for (guint p = 0; self->policies != NULL && p < self->policies->len; p++)
    {
      TiduPolicy *policy = g_ptr_array_index (self->policies, p);
      gboolean header = FALSE;

      for (guint r = 0; r < policy->rules->len; r++)
        {
          const TiduPolicyRule *rule = g_ptr_array_index (policy->rules, r);
          GtkWidget *row;

          if (!rule_matches (policy, rule, needle))
            continue;
          if (!header)
            {
              gtk_list_box_append (self->rule_list, policy_row_new (policy));
              header = TRUE;
            }
          row = rule_row_new (policy, rule);
          gtk_list_box_append (self->rule_list, row);
          n_rules++;
          if (self->policy == policy && g_strcmp0 (self->rule_id, rule->id) == 0)
            gtk_list_box_select_row (self->rule_list, GTK_LIST_BOX_ROW (row));
        }
    }
  gtk_stack_set_visible_child_name (self->list_stack, n_rules > 0 ? "list" : "no-match");
}

static void
load_policies (TiduSubsidyCalculator *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->policies, g_ptr_array_unref);
  if (self->database != NULL)
    self->policies = tidu_policy_list (self->database, &error);
  if (error != NULL)
    g_warning ("Could not list the subsidy policies: %s", error->message);
  fill_rule_list (self);
}

static void
search_changed_cb (TiduSubsidyCalculator *self)
{
  fill_rule_list (self);
}

/* Enter in the search shows the first rule found. */
static void
search_activate_cb (TiduSubsidyCalculator *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->rule_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "rule-id") != NULL)
      {
        gtk_widget_activate (child);
        g_signal_emit_by_name (self->rule_list, "row-activated", child);
        return;
      }
}

static void
search_stop_cb (TiduSubsidyCalculator *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
rule_selected_cb (TiduSubsidyCalculator *self,
                  GtkListBoxRow         *row)
{
  TiduPolicy *policy = row != NULL ? g_object_get_data (G_OBJECT (row), "policy") : NULL;

  g_clear_pointer (&self->selected_policy, tidu_policy_unref);
  if (policy != NULL)
    self->selected_policy = tidu_policy_ref (policy);
  update_actions (self);
}

/* ------------------------------------------------------------------ the form */

static char *
input_title (const TiduPolicyInput *input)
{
  if (input->optional)
    /* Translators: the title of an input the officer may leave empty */
    return g_strdup_printf (_("%s (optional)"), input->label);
  return g_strdup (input->label);
}

static void
input_changed_cb (TiduSubsidyCalculator *self)
{
  if (!self->filling)
    recalculate (self);
}

static GtkWidget *
make_input_row (TiduSubsidyCalculator *self,
                InputRow              *item)
{
  const TiduPolicyInput *input = item->input;
  g_autofree char *title = input_title (input);
  GtkWidget *row;

  if (input->type == TIDU_INPUT_CHOICE)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
      g_autoptr(GtkStringList) model = NULL;

      if (input->optional)
        {
          g_ptr_array_add (labels, (gpointer) _("Not given"));
          g_strv_builder_add (values, "");
        }
      for (guint i = 0; i < input->choices->len; i++)
        {
          TiduInputChoice *choice = g_ptr_array_index (input->choices, i);

          g_ptr_array_add (labels, choice->label != NULL ? choice->label : choice->value);
          g_strv_builder_add (values, choice->value);
        }
      g_ptr_array_add (labels, NULL);
      item->values = g_strv_builder_end (values);
      model = gtk_string_list_new ((const char * const *) labels->pdata);
      row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
      if (input->help != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), input->help);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (input_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    {
      row = adw_entry_row_new ();
      if (input->unit != NULL || input->type == TIDU_INPUT_MONEY)
        {
          GtkWidget *unit = gtk_label_new (input->unit != NULL ? input->unit : _("yuan"));

          gtk_widget_add_css_class (unit, "dim-label");
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
        }
      if (input->help != NULL)
        gtk_widget_set_tooltip_text (row, input->help);
      else if (input->type == TIDU_INPUT_MONEY)
        gtk_widget_set_tooltip_text (row, _("In yuan, or with a unit: 850万, 8,500,000"));
      g_signal_connect_object (row, "changed", G_CALLBACK (input_changed_cb), self, G_CONNECT_SWAPPED);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "tidu-input-name", g_strdup (input->name), g_free);
  return row;
}

static void
clear_inputs (TiduSubsidyCalculator *self)
{
  GtkWidget *group_box;

  /* The message rows tidu_form_show_message() adds sit beside the input rows: the whole list
   * of the group goes. */
  for (guint i = 0; i < self->input_rows->len; i++)
    {
      InputRow *item = g_ptr_array_index (self->input_rows, i);
      GtkWidget *message = g_object_get_data (G_OBJECT (item->row), "tidu-form-message");

      if (message != NULL && gtk_widget_get_parent (message) != NULL)
        adw_preferences_group_remove (self->inputs_group, message);
      adw_preferences_group_remove (self->inputs_group, item->row);
    }
  g_ptr_array_set_size (self->input_rows, 0);
  group_box = GTK_WIDGET (self->inputs_group);
  gtk_widget_set_visible (group_box, FALSE);
}

static void
build_inputs (TiduSubsidyCalculator *self,
              const TiduPolicyRule  *rule)
{
  clear_inputs (self);
  for (guint i = 0; i < rule->inputs->len; i++)
    {
      InputRow *item = g_new0 (InputRow, 1);

      item->input = g_ptr_array_index (rule->inputs, i);
      item->row = make_input_row (self, item);
      adw_preferences_group_add (self->inputs_group, item->row);
      g_ptr_array_add (self->input_rows, item);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->inputs_group), rule->inputs->len > 0);
}

static InputRow *
find_input_row (TiduSubsidyCalculator *self,
                const char            *name)
{
  for (guint i = 0; i < self->input_rows->len; i++)
    {
      InputRow *item = g_ptr_array_index (self->input_rows, i);

      if (g_strcmp0 (item->input->name, name) == 0)
        return item;
    }
  return NULL;
}

static void
set_input_text (InputRow   *item,
                const char *text)
{
  if (ADW_IS_COMBO_ROW (item->row))
    {
      for (guint i = 0; item->values[i] != NULL; i++)
        if (g_strcmp0 (item->values[i], text != NULL ? text : "") == 0)
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (item->row), i);
            return;
          }
      return;
    }
  if (item->input->type == TIDU_INPUT_MONEY && text != NULL)
    {
      gint64 yuan;

      if (tidu_money_parse (text, TIDU_MONEY_UNIT_YUAN, &yuan, NULL))
        {
          tidu_form_set_money (ADW_ENTRY_ROW (item->row), TIDU_MONEY_UNIT_YUAN, yuan);
          return;
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (item->row), text != NULL ? text : "");
}

/* The text of an input; NULL when empty. */
static char *
get_input_text (InputRow *item)
{
  g_autofree char *text = NULL;

  if (ADW_IS_COMBO_ROW (item->row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (item->row));

      if (selected >= g_strv_length (item->values) || *item->values[selected] == '\0')
        return NULL;
      return g_strdup (item->values[selected]);
    }
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (item->row))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Checks one typed value the way the form can before the engine does: a readable number within
 * the declared bounds. Returns the message to show under the row, or NULL. */
static char *
check_input (const TiduPolicyInput *input,
             const char            *text)
{
  g_autoptr(GError) error = NULL;
  gint64 value;

  if (text == NULL)
    return NULL;
  if (input->type == TIDU_INPUT_MONEY)
    {
      if (!tidu_money_parse (text, TIDU_MONEY_UNIT_YUAN, &value, &error))
        return g_strdup (error->message);
    }
  else if (input->type == TIDU_INPUT_INTEGER)
    {
      if (!g_ascii_string_to_signed (text, 10, G_MININT64 + 1, G_MAXINT64, &value, NULL))
        return g_strdup (_("Type a whole number, such as 3."));
    }
  else
    return NULL;

  if (TIDU_IS_SET (input->min) && value < input->min)
    {
      g_autofree char *bound = input->type == TIDU_INPUT_MONEY ? format_yuan (input->min)
                                                               : g_strdup_printf ("%" G_GINT64_FORMAT, input->min);

      /* Translators: %s is the smallest value allowed, e.g. "500,000 yuan" */
      return g_strdup_printf (_("At least %s."), bound);
    }
  if (TIDU_IS_SET (input->max) && value > input->max)
    {
      g_autofree char *bound = input->type == TIDU_INPUT_MONEY ? format_yuan (input->max)
                                                               : g_strdup_printf ("%" G_GINT64_FORMAT, input->max);

      /* Translators: %s is the largest value allowed, e.g. "1,000,000 yuan" */
      return g_strdup_printf (_("At most %s."), bound);
    }
  return NULL;
}

/* ------------------------------------------------------------------ the result */

static void
clear_steps (TiduSubsidyCalculator *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), FALSE);
}

static void
add_step (TiduSubsidyCalculator *self,
          guint                  number,
          const char            *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *number_text = g_strdup_printf ("%u", number);
  GtkWidget *number_label = gtk_label_new (number_text);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_set_valign (number_label, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), number_label);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_append (self->steps_list, box);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), TRUE);
}

static void
show_status (TiduSubsidyCalculator *self,
             const char            *amount,
             const char            *status,
             gboolean               error)
{
  gtk_label_set_text (self->amount_label, amount != NULL ? amount : "");
  gtk_widget_set_visible (GTK_WIDGET (self->amount_label), amount != NULL);
  gtk_label_set_text (self->status_label, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
show_result (TiduSubsidyCalculator   *self,
             const TiduSubsidyResult *result)
{
  g_autofree char *amount = NULL;
  g_autofree char *status = NULL;

  if (!result->eligible)
    {
      amount = g_strdup (_("Not eligible"));
      status = g_strdup (_("The rule pays nothing for these inputs; the steps say why."));
    }
  else if (result->decided_by_officer || !TIDU_IS_SET (result->amount))
    {
      g_autofree char *min = format_yuan (result->min);
      g_autofree char *max = format_yuan (result->max);

      /* Translators: a range of amounts, e.g. "500,000 yuan – 1,000,000 yuan" */
      amount = g_strdup_printf (_("%s – %s"), min, max);
      status = g_strdup (_("The officer decides the amount within this range: type it in the amount input to fix it."));
    }
  else
    {
      g_autofree char *wan = tidu_money_format_with_unit (result->amount, TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN);

      amount = format_yuan (result->amount);
      /* Translators: under the amount: the same in 10k yuan, e.g. "Eligible: 170 10k yuan" */
      status = g_strdup_printf (_("Eligible: %s"), wan);
    }
  show_status (self, amount, status, FALSE);

  clear_steps (self);
  for (guint i = 0; i < result->steps->len; i++)
    add_step (self, i + 1, g_ptr_array_index (result->steps, i));
}

static void
recalculate (TiduSubsidyCalculator *self)
{
  g_autoptr(GHashTable) inputs = tidu_subsidy_inputs_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  gboolean invalid = FALSE;

  g_clear_pointer (&self->result, tidu_subsidy_result_free);
  if (self->policy == NULL || self->rule_id == NULL)
    return;

  for (guint i = 0; i < self->input_rows->len; i++)
    {
      InputRow *item = g_ptr_array_index (self->input_rows, i);
      g_autofree char *text = get_input_text (item);
      g_autofree char *message = check_input (item->input, text);

      tidu_form_show_message (item->row, message != NULL ? TIDU_FORM_MESSAGE_ERROR : TIDU_FORM_MESSAGE_NONE,
                              message);
      if (message != NULL)
        invalid = TRUE;
      else if (text != NULL)
        g_hash_table_insert (inputs, g_strdup (item->input->name), g_steal_pointer (&text));
      else if (!item->input->optional)
        g_ptr_array_add (missing, g_strdup (item->input->label));
    }

  clear_steps (self);
  if (invalid)
    show_status (self, NULL, _("Correct the inputs marked in red to see the amount."), TRUE);
  else if (missing->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *status = NULL;

      g_ptr_array_add (missing, NULL);
      names = g_strjoinv (_(", "), (char **) missing->pdata);
      /* Translators: %s lists the inputs still empty, e.g. "实际改造费用" */
      status = g_strdup_printf (_("Fill in %s to see the amount."), names);
      show_status (self, NULL, status, FALSE);
    }
  else
    {
      self->result = tidu_subsidy_calculate (self->policy, self->rule_id, inputs, self->context, &error);
      if (self->result == NULL)
        show_status (self, NULL, error->message, TRUE);
      else
        show_result (self, self->result);
    }
  update_actions (self);
}

/* ------------------------------------------------------------------ the recipient */

typedef struct
{
  TiduPolicy            *policy;
  char                  *rule_id;
  TiduSubsidyEntityKind  kind;
  char                  *entity_id;
  int                    year;
} PrefillWork;

typedef struct
{
  GHashTable         *inputs;
  TiduSubsidyContext *context;
} PrefillResult;

static void
prefill_work_free (PrefillWork *work)
{
  tidu_policy_unref (work->policy);
  g_free (work->rule_id);
  g_free (work->entity_id);
  g_free (work);
}

static void
prefill_result_free (PrefillResult *result)
{
  g_clear_pointer (&result->inputs, g_hash_table_unref);
  g_clear_pointer (&result->context, tidu_subsidy_context_free);
  g_free (result);
}

static void
prefill_thread (TiduDatabase *db,
                gpointer      data,
                GTask        *task,
                GCancellable *cancellable)
{
  PrefillWork *work = data;
  PrefillResult *result = g_new0 (PrefillResult, 1);
  GError *error = NULL;

  if (work->kind != TIDU_SUBSIDY_ENTITY_PAYEE)
    result->inputs = tidu_subsidy_prefill (db, work->policy, work->rule_id, work->kind, work->entity_id,
                                           work->year, &error);
  if (error == NULL)
    result->context = tidu_subsidy_context_load (db, work->policy, work->kind, work->entity_id, work->year,
                                                 NULL, &error);
  if (error != NULL)
    {
      prefill_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) prefill_result_free);
}

static void
prefill_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  TiduSubsidyCalculator *self = TIDU_SUBSIDY_CALCULATOR (source);
  g_autoptr(GError) error = NULL;
  PrefillResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autoptr(GPtrArray) filled = g_ptr_array_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  g_clear_object (&self->prefill_cancellable);
  if (result == NULL)
    {
      show_toast (self, error->message);
      recalculate (self);
      return;
    }

  g_clear_pointer (&self->context, tidu_subsidy_context_free);
  self->context = g_steal_pointer (&result->context);
  self->filling = TRUE;
  if (result->inputs != NULL)
    for (guint i = 0; i < self->input_rows->len; i++)
      {
        InputRow *item = g_ptr_array_index (self->input_rows, i);
        const char *value = g_hash_table_lookup (result->inputs, item->input->name);

        if (value == NULL)
          continue;
        set_input_text (item, value);
        g_ptr_array_add (filled, item->input->label);
      }
  self->filling = FALSE;
  prefill_result_free (result);

  if (filled->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (filled, NULL);
      names = g_strjoinv (_(", "), (char **) filled->pdata);
      /* Translators: %s lists the inputs taken from the database */
      text = g_strdup_printf (_("Filled in from the records: %s."), names);
      adw_preferences_group_set_description (self->inputs_group, text);
    }
  else
    adw_preferences_group_set_description (self->inputs_group,
                                           _("The records hold none of these inputs: type them in. Amounts in yuan; 万元 also works, for example 850万."));
  recalculate (self);
}

static void
start_prefill (TiduSubsidyCalculator *self)
{
  const char *entity_id = current_entity_id (self);
  TiduSubsidyEntityKind kind = current_entity_kind (self);
  PrefillWork *work;

  g_cancellable_cancel (self->prefill_cancellable);
  g_clear_object (&self->prefill_cancellable);
  g_clear_pointer (&self->context, tidu_subsidy_context_free);
  adw_preferences_group_set_description (self->inputs_group,
                                         _("Amounts in yuan; 万元 also works, for example 850万."));

  if (self->database == NULL || self->policy == NULL || entity_id == NULL)
    {
      self->busy = FALSE;
      recalculate (self);
      return;
    }

  work = g_new0 (PrefillWork, 1);
  work->policy = tidu_policy_ref (self->policy);
  work->rule_id = g_strdup (self->rule_id);
  work->kind = kind;
  work->entity_id = g_strdup (entity_id);
  work->year = gtk_spin_button_get_value_as_int (self->year_spin);
  self->busy = TRUE;
  self->prefill_cancellable = g_cancellable_new ();
  update_actions (self);
  tidu_db_task_run (self, self->database, prefill_thread, work, (GDestroyNotify) prefill_work_free,
                    self->prefill_cancellable, prefill_done_cb, NULL);
}

static void
picker_changed_cb (TiduSubsidyCalculator *self)
{
  start_prefill (self);
}

static void
payee_changed_cb (TiduSubsidyCalculator *self)
{
  g_clear_pointer (&self->context, tidu_subsidy_context_free);
  recalculate (self);
}

static void
year_changed_cb (TiduSubsidyCalculator *self)
{
  if (current_entity_id (self) != NULL && current_picker (self) != NULL)
    start_prefill (self);
}

static void
show_entity_widgets (TiduSubsidyCalculator *self)
{
  TiduRecordPicker *picker = current_picker (self);
  TiduSubsidyEntityKind kind = current_entity_kind (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->pickers); i++)
    gtk_widget_set_visible (GTK_WIDGET (self->pickers[i]), self->pickers[i] == picker);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_row), picker != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->payee_row), kind == TIDU_SUBSIDY_ENTITY_PAYEE);
  if (picker != NULL)
    adw_action_row_set_activatable_widget (self->entity_row, GTK_WIDGET (picker));
}

static void
entity_kind_changed_cb (TiduSubsidyCalculator *self)
{
  show_entity_widgets (self);
  start_prefill (self);
}

static void
setup_entity_kinds (TiduSubsidyCalculator *self,
                    const TiduPolicyRule  *rule)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  TiduSubsidyEntityKind carrier = TIDU_SUBSIDY_ENTITY_CARRIER, firm = TIDU_SUBSIDY_ENTITY_FIRM;
  TiduSubsidyEntityKind talent = TIDU_SUBSIDY_ENTITY_TALENT, payee = TIDU_SUBSIDY_ENTITY_PAYEE;

  g_array_set_size (self->entity_kinds, 0);
  if (tidu_policy_rule_applies_to (rule, "carrier", NULL))
    g_array_append_val (self->entity_kinds, carrier);
  if (tidu_policy_rule_applies_to (rule, "firm", NULL))
    g_array_append_val (self->entity_kinds, firm);
  if (tidu_policy_rule_applies_to (rule, "talent", NULL))
    g_array_append_val (self->entity_kinds, talent);
  if (tidu_policy_rule_applies_to (rule, "agency", NULL) || tidu_policy_rule_applies_to (rule, "platform", NULL)
      || self->entity_kinds->len == 0)
    g_array_append_val (self->entity_kinds, payee);

  for (guint i = 0; i < self->entity_kinds->len; i++)
    gtk_string_list_append (labels, entity_kind_label (g_array_index (self->entity_kinds, TiduSubsidyEntityKind, i)));

  g_signal_handlers_block_by_func (self->entity_kind_row, entity_kind_changed_cb, self);
  adw_combo_row_set_model (self->entity_kind_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->entity_kind_row, 0);
  g_signal_handlers_unblock_by_func (self->entity_kind_row, entity_kind_changed_cb, self);
  gtk_widget_set_visible (GTK_WIDGET (self->entity_kind_row), self->entity_kinds->len > 1);

  for (guint i = 0; i < G_N_ELEMENTS (self->pickers); i++)
    {
      g_signal_handlers_block_by_func (self->pickers[i], picker_changed_cb, self);
      tidu_record_picker_set_value (self->pickers[i], NULL);
      g_signal_handlers_unblock_by_func (self->pickers[i], picker_changed_cb, self);
    }
  g_signal_handlers_block_by_func (self->payee_row, payee_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), "");
  g_signal_handlers_unblock_by_func (self->payee_row, payee_changed_cb, self);
  show_entity_widgets (self);
}

/* ------------------------------------------------------------------ showing a rule */

static void
show_rule (TiduSubsidyCalculator *self,
           TiduPolicy            *policy,
           const char            *rule_id)
{
  const TiduPolicyRule *rule = tidu_policy_get_rule (policy, rule_id);
  g_autofree char *meta = NULL;

  if (rule == NULL)
    return;

  g_cancellable_cancel (self->prefill_cancellable);
  g_clear_object (&self->prefill_cancellable);
  self->busy = FALSE;
  g_clear_pointer (&self->context, tidu_subsidy_context_free);
  if (self->policy != policy)
    {
      g_clear_pointer (&self->policy, tidu_policy_unref);
      self->policy = tidu_policy_ref (policy);
    }
  g_free (self->rule_id);
  self->rule_id = g_strdup (rule_id);

  gtk_label_set_text (self->rule_title, rule->title);
  /* Translators: under a rule's title: article, policy title, kind of rule */
  meta = g_strdup_printf (_("Article %s · %s · %s"), rule->article != NULL ? rule->article : "—",
                          policy->title, tidu_rule_kind_get_label (rule->kind));
  gtk_label_set_text (self->rule_meta, meta);
  gtk_label_set_text (self->rule_summary, rule->summary != NULL ? rule->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rule_summary), rule->summary != NULL);

  setup_entity_kinds (self, rule);
  tidu_subsidy_clamp_year (self->year_spin, policy);
  self->filling = TRUE;
  build_inputs (self, rule);
  self->filling = FALSE;
  adw_preferences_group_set_description (self->inputs_group,
                                         _("Amounts in yuan; 万元 also works, for example 850万."));
  gtk_stack_set_visible_child_name (self->detail_stack, "rule");
  recalculate (self);
}

static void
rule_activated_cb (TiduSubsidyCalculator *self,
                   GtkListBoxRow         *row)
{
  TiduPolicy *policy = g_object_get_data (G_OBJECT (row), "policy");
  const char *rule_id = g_object_get_data (G_OBJECT (row), "rule-id");

  if (policy == NULL || rule_id == NULL)
    return;
  gtk_list_box_select_row (self->rule_list, row);
  show_rule (self, policy, rule_id);
}

/* ------------------------------------------------------------------ actions */

typedef struct
{
  char *id;
} WithdrawData;

static gboolean
withdraw_award (TiduDatabase  *database,
                gpointer       data,
                GError       **error)
{
  const char *ids[] = { data, NULL };

  return tidu_ledger_withdraw (database, ids, error);
}

static void
award_withdrawn (GObject *object)
{
  TiduSubsidyCalculator *self = TIDU_SUBSIDY_CALCULATOR (object);

  g_signal_emit (self, signals[SIGNAL_LEDGER_CHANGED], 0);
  if (current_picker (self) != NULL)
    start_prefill (self);
}

static void
record_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduSubsidyCalculator *self = TIDU_SUBSIDY_CALCULATOR (widget);
  g_autoptr(TiduSubsidyAward) award = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *title = NULL;
  const char *entity_id = current_entity_id (self);

  if (self->result == NULL || !self->result->eligible || entity_id == NULL)
    return;

  award = tidu_subsidy_award_new_from_result (self->result, current_entity_kind (self), entity_id,
                                              gtk_spin_button_get_value_as_int (self->year_spin), TIDU_UNSET);
  if (!tidu_ledger_record (self->database, award, &error))
    {
      show_error_dialog (self, _("Could Not Record the Award"), error->message);
      return;
    }

  if (TIDU_IS_SET (award->computed_amount))
    amount = format_yuan (award->computed_amount);
  else
    {
      g_autofree char *min = format_yuan (award->computed_min);
      g_autofree char *max = format_yuan (award->computed_max);

      amount = g_strdup_printf (_("%s – %s"), min, max);
    }
  /* Translators: a toast; %s is an amount such as "1,700,000 yuan" */
  title = g_strdup_printf (_("Award of %s recorded in the ledger"), amount);
  tidu_undo_offer (widget, self->database, title, NULL, withdraw_award, g_strdup (award->id), g_free,
                   G_OBJECT (self), award_withdrawn);
  g_signal_emit (self, signals[SIGNAL_LEDGER_CHANGED], 0);
  /* What the ledger holds changed: top-ups and caps now count this award. */
  start_prefill (self);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduSubsidyCalculator *self = TIDU_SUBSIDY_CALCULATOR (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
select_policy (TiduSubsidyCalculator *self,
               const char            *policy_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->rule_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      TiduPolicy *policy = g_object_get_data (G_OBJECT (child), "policy");

      if (policy != NULL && g_strcmp0 (policy->id, policy_id) == 0)
        {
          gtk_list_box_select_row (self->rule_list, GTK_LIST_BOX_ROW (child));
          gtk_widget_grab_focus (child);
          return;
        }
    }
}

static void
import_response_cb (GtkNativeDialog       *native,
                    int                    response,
                    TiduSubsidyCalculator *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) policy = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  if (file == NULL)
    return;

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      show_error_dialog (self, _("Could Not Import the Policy"), error->message);
      return;
    }
  policy = tidu_subsidy_calculator_import (self, data, (gssize) length, &error);
  if (policy == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s\n\n%s", name, error->message);

      show_error_dialog (self, _("Could Not Import the Policy"), message);
    }
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduSubsidyCalculator *self = TIDU_SUBSIDY_CALCULATOR (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import Policy"), get_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Policy files (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef struct
{
  TiduSubsidyCalculator *self;
  AdwEntryRow           *code_row;
  AdwEntryRow           *title_row;
  GtkLabel              *error_label;
  TiduPolicy            *policy;
} CopyDialog;

static void
copy_dialog_free (CopyDialog *copy)
{
  tidu_policy_unref (copy->policy);
  g_free (copy);
}

static void
copy_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CopyDialog       *copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduPolicy) policy = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "copy") != 0)
    return;
  code = tidu_form_get_text (copy->code_row);
  title = tidu_form_get_text (copy->title_row);
  policy = tidu_subsidy_calculator_copy_policy (copy->self, copy->policy, code, title, &error);
  if (policy == NULL)
    show_error_dialog (copy->self, _("Could Not Copy the Policy"), error->message);
}

static void
copy_code_changed_cb (AdwEntryRow *row,
                      AdwMessageDialog *dialog)
{
  g_autofree char *code = tidu_form_get_text (row);

  adw_message_dialog_set_response_enabled (dialog, "copy", code != NULL && *code != '\0');
}

static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduSubsidyCalculator *self = TIDU_SUBSIDY_CALCULATOR (widget);
  CopyDialog *copy;
  GtkWidget *dialog;
  GtkWidget *list;
  g_autofree char *body = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;

  if (self->selected_policy == NULL)
    return;

  copy = g_new0 (CopyDialog, 1);
  copy->self = self;
  copy->policy = tidu_policy_ref (self->selected_policy);

  /* Translators: %s is a policy title */
  body = g_strdup_printf (_("The copy of “%s” belongs to this database: it can be adapted and imported again under its new code."),
                          copy->policy->title);
  dialog = adw_message_dialog_new (get_window (self), _("Copy Policy"), body);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  copy->code_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (copy->code_row), _("New _code"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (copy->code_row), TRUE);
  code = g_strdup_printf ("%s-local", copy->policy->code);
  gtk_editable_set_text (GTK_EDITABLE (copy->code_row), code);
  copy->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (copy->title_row), _("_Title"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (copy->title_row), TRUE);
  /* Translators: the default title of a copied policy */
  title = g_strdup_printf (_("%s (copy)"), copy->policy->title);
  gtk_editable_set_text (GTK_EDITABLE (copy->title_row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (copy->code_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (copy->title_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "copy", _("C_opy"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (copy->code_row, "changed", G_CALLBACK (copy_code_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (copy_response_cb), copy,
                         (GClosureNotify) copy_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_subsidy_calculator_dispose (GObject *object)
{
  TiduSubsidyCalculator *self = TIDU_SUBSIDY_CALCULATOR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->prefill_cancellable);
  g_clear_object (&self->prefill_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_SUBSIDY_CALCULATOR);
  /* The template's root box has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->input_rows, g_ptr_array_unref);
  g_clear_pointer (&self->entity_kinds, g_array_unref);
  g_clear_pointer (&self->policies, g_ptr_array_unref);
  g_clear_pointer (&self->policy, tidu_policy_unref);
  g_clear_pointer (&self->selected_policy, tidu_policy_unref);
  g_clear_pointer (&self->rule_id, g_free);
  g_clear_pointer (&self->context, tidu_subsidy_context_free);
  g_clear_pointer (&self->result, tidu_subsidy_result_free);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_subsidy_calculator_parent_class)->dispose (object);
}

static void
tidu_subsidy_calculator_class_init (TiduSubsidyCalculatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_subsidy_calculator_dispose;

  /**
   * TiduSubsidyCalculator::ledger-changed:
   *
   * An award was recorded, or its recording undone.
   */
  signals[SIGNAL_LEDGER_CHANGED] =
    g_signal_new ("ledger-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TiduSubsidyCalculator::policies-changed:
   *
   * A policy was imported or copied.
   */
  signals[SIGNAL_POLICIES_CHANGED] =
    g_signal_new ("policies-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-subsidy-calculator.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, rule_list);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, rule_title);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, rule_meta);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, rule_summary);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, entity_group);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, entity_kind_row);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, entity_row);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, picker_box);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, payee_row);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, year_spin);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, inputs_group);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, amount_label);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, status_label);
  gtk_widget_class_bind_template_child (widget_class, TiduSubsidyCalculator, steps_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, payee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);

  gtk_widget_class_install_action (widget_class, "calculator.record", NULL, record_activated);
  gtk_widget_class_install_action (widget_class, "calculator.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "calculator.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "calculator.search", NULL, search_activated);
}

static void
tidu_subsidy_calculator_init (TiduSubsidyCalculator *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->input_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) input_row_free);
  self->entity_kinds = g_array_new (FALSE, FALSE, sizeof (TiduSubsidyEntityKind));

  for (guint i = 0; i < G_N_ELEMENTS (self->pickers); i++)
    {
      self->pickers[i] = TIDU_RECORD_PICKER (tidu_record_picker_new (picker_kinds[i]));
      gtk_widget_set_valign (GTK_WIDGET (self->pickers[i]), GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (GTK_WIDGET (self->pickers[i]), 240, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->pickers[i]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->entity_row, NULL,
                                      -1);
      gtk_box_append (self->picker_box, GTK_WIDGET (self->pickers[i]));
      g_signal_connect_object (self->pickers[i], "notify::value", G_CALLBACK (picker_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->entity_kind_row, "notify::selected", G_CALLBACK (entity_kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_spin_button_set_value (self->year_spin, current_year ());
  show_entity_widgets (self);

  /* Ctrl+F reaches the search while this place shows, wherever the focus is. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("calculator.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  show_status (self, NULL, NULL, FALSE);
  clear_steps (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_subsidy_calculator_new (void)
{
  return g_object_new (TIDU_TYPE_SUBSIDY_CALCULATOR, NULL);
}

void
tidu_subsidy_calculator_set_database (TiduSubsidyCalculator *self,
                                      TiduDatabase          *database)
{
  g_return_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self));

  g_set_object (&self->database, database);
  for (guint i = 0; i < G_N_ELEMENTS (self->pickers); i++)
    tidu_record_picker_set_database (self->pickers[i], database);
  load_policies (self);
  if (self->policy != NULL && self->rule_id != NULL)
    {
      g_autofree char *rule_id = g_strdup (self->rule_id);
      g_autoptr(TiduPolicy) policy = tidu_policy_ref (self->policy);

      show_rule (self, policy, rule_id);
    }
  update_actions (self);
}

/**
 * tidu_subsidy_calculator_show_rule:
 * @policy_key: a policy code, "CODE@VERSION" or id
 *
 * Shows the rule's form, as picking it in the list does. Returns: %FALSE when there is no
 * such policy or rule.
 */
gboolean
tidu_subsidy_calculator_show_rule (TiduSubsidyCalculator *self,
                                   const char            *policy_key,
                                   const char            *rule_id)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), FALSE);

  for (guint i = 0; self->policies != NULL && i < self->policies->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (self->policies, i);

      if ((g_strcmp0 (policy->code, policy_key) == 0 || g_strcmp0 (policy->id, policy_key) == 0)
          && tidu_policy_get_rule (policy, rule_id) != NULL)
        {
          show_rule (self, policy, rule_id);
          fill_rule_list (self);
          return TRUE;
        }
    }
  return FALSE;
}

/* The form row of an input (AdwEntryRow or AdwComboRow), or NULL. */
GtkWidget *
tidu_subsidy_calculator_get_input_row (TiduSubsidyCalculator *self,
                                       const char            *name)
{
  InputRow *item;

  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);

  item = find_input_row (self, name);
  return item != NULL ? item->row : NULL;
}

/* Sets an input as the officer would: text for entries, a value for choices. */
void
tidu_subsidy_calculator_set_input (TiduSubsidyCalculator *self,
                                   const char            *name,
                                   const char            *text)
{
  InputRow *item;

  g_return_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self));

  item = find_input_row (self, name);
  g_return_if_fail (item != NULL);
  if (ADW_IS_COMBO_ROW (item->row))
    set_input_text (item, text);
  else
    gtk_editable_set_text (GTK_EDITABLE (item->row), text);
}

/* The result shown, or NULL while the inputs are incomplete or wrong. */
const TiduSubsidyResult *
tidu_subsidy_calculator_get_result (TiduSubsidyCalculator *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);

  return self->result;
}

const char *
tidu_subsidy_calculator_get_amount_text (TiduSubsidyCalculator *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->amount_label);
}

const char *
tidu_subsidy_calculator_get_status_text (TiduSubsidyCalculator *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);

  return gtk_label_get_text (self->status_label);
}

/* The explanation steps on screen, in order. */
GStrv
tidu_subsidy_calculator_dup_steps (TiduSubsidyCalculator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *label = gtk_widget_get_last_child (box);

      g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_strv_builder_end (builder);
}

/* Picks the recipient as the officer would; the inputs are then filled from the records on a
 * worker (tidu_subsidy_calculator_get_busy() says when that is done). */
void
tidu_subsidy_calculator_set_entity (TiduSubsidyCalculator *self,
                                    TiduSubsidyEntityKind  kind,
                                    const char            *id)
{
  g_return_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self));

  for (guint i = 0; i < self->entity_kinds->len; i++)
    if (g_array_index (self->entity_kinds, TiduSubsidyEntityKind, i) == kind)
      {
        adw_combo_row_set_selected (self->entity_kind_row, i);
        break;
      }
  if (current_picker (self) != NULL)
    tidu_record_picker_set_value (current_picker (self), id);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->payee_row), id);
}

void
tidu_subsidy_calculator_set_year (TiduSubsidyCalculator *self,
                                  int                    year)
{
  g_return_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self));

  gtk_spin_button_set_value (self->year_spin, year);
}

gboolean
tidu_subsidy_calculator_get_busy (TiduSubsidyCalculator *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), FALSE);

  return self->busy;
}

/* The number of rules the sidebar lists for the search typed. */
guint
tidu_subsidy_calculator_get_n_listed_rules (TiduSubsidyCalculator *self)
{
  guint n = 0;

  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->rule_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "rule-id") != NULL)
      n++;
  return n;
}

GtkEditable *
tidu_subsidy_calculator_get_search_entry (TiduSubsidyCalculator *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/**
 * tidu_subsidy_calculator_import:
 *
 * Imports a policy file's text (see tidu_policy_import()) and lists it, selected.
 * Returns: (transfer full): the policy, or %NULL with the loader's message (rule and field).
 */
TiduPolicy *
tidu_subsidy_calculator_import (TiduSubsidyCalculator  *self,
                                const char             *data,
                                gssize                  length,
                                GError                **error)
{
  g_autoptr(TiduPolicy) policy = NULL;
  g_autofree char *toast = NULL;

  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);
  g_return_val_if_fail (self->database != NULL, NULL);

  policy = tidu_policy_import (self->database, data, length, error);
  if (policy == NULL)
    return NULL;
  load_policies (self);
  select_policy (self, policy->id);
  /* Translators: a toast; %s is a policy title */
  toast = g_strdup_printf (_("Policy “%s” imported"), policy->title);
  show_toast (self, toast);
  g_signal_emit (self, signals[SIGNAL_POLICIES_CHANGED], 0);
  return g_steal_pointer (&policy);
}

/* Stores a copy of @policy under @code (and @title) and lists it, selected. */
TiduPolicy *
tidu_subsidy_calculator_copy_policy (TiduSubsidyCalculator  *self,
                                     TiduPolicy             *policy,
                                     const char             *code,
                                     const char             *title,
                                     GError                **error)
{
  g_autoptr(TiduPolicy) copy = NULL;
  g_autofree char *toast = NULL;

  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);
  g_return_val_if_fail (self->database != NULL, NULL);

  copy = tidu_policy_copy (self->database, policy, code, title != NULL && *title != '\0' ? title : NULL, error);
  if (copy == NULL)
    return NULL;
  load_policies (self);
  select_policy (self, copy->id);
  /* Translators: a toast; %s is a policy title */
  toast = g_strdup_printf (_("Policy copied as “%s”"), copy->title);
  show_toast (self, toast);
  g_signal_emit (self, signals[SIGNAL_POLICIES_CHANGED], 0);
  return g_steal_pointer (&copy);
}

/* The policies listed (built-in and imported). */
GPtrArray *
tidu_subsidy_calculator_get_policies (TiduSubsidyCalculator *self)
{
  g_return_val_if_fail (TIDU_IS_SUBSIDY_CALCULATOR (self), NULL);

  return self->policies;
}
