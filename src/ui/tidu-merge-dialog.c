/* tidu-merge-dialog.c: merging a colleague's snapshot, with the plan shown first
 *
 * The plan is computed on a worker with its own connection (nothing is written): the summary
 * (new, changed by them, changed by me, deleted, identical, conflicts), every conflict with
 * its fields side by side (mine, theirs) and a choice per field, per record or for all of
 * them, and the other changes. "Merge" is possible once every conflict is decided; the core
 * then backs the database up and writes everything in one transaction on a worker, and the
 * main window offers "Undo Merge".
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-exchange-util.h"
#include "tidu-form-util.h"
#include "tidu-merge-dialog.h"
#include "tidu-progress-window.h"
#include "tidu-window.h"

/* Thousands of rows in a list would take seconds to lay out and nobody reads them. */
#define MAX_CHANGE_ROWS 100
#define MAX_CONFLICT_ROWS 300

typedef struct
{
  guint            index;
  char            *field;    /* NULL: the whole record */
  GtkToggleButton *mine;
  GtkToggleButton *theirs;
} Choice;

struct _TiduMergeDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkProgressBar      *progress_bar;
  GtkLabel            *added_label;
  GtkLabel            *changed_label;
  GtkLabel            *kept_label;
  GtkLabel            *deleted_label;
  GtkLabel            *identical_label;
  GtkLabel            *conflicts_label;
  AdwPreferencesGroup *conflicts_group;
  char                *conflicts_more;  /* "N more conflicts are not listed…", or NULL */
  AdwPreferencesGroup *changes_group;

  /* Owned references */
  TiduWindow          *target;
  TiduDatabase        *database;   /* the target's, at the start */
  TiduDatabase        *worker_db;  /* the plan's connection */
  TiduMergePlan       *plan;
  GCancellable        *cancellable;
  char                *path;
  GArray              *choices;    /* of Choice */

  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (TiduMergeDialog, tidu_merge_dialog, ADW_TYPE_WINDOW)

static void
choice_clear (Choice *choice)
{
  g_clear_pointer (&choice->field, g_free);
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

static void
set_count (GtkLabel *label,
           gint64    n)
{
  g_autofree char *text = format_count (n);

  gtk_label_set_text (label, text);
}

/* ------------------------------------------------------------------ choices */

static void
update_status (TiduMergeDialog *self)
{
  guint unresolved = self->plan != NULL ? tidu_merge_plan_count_unresolved (self->plan) : 0;
  g_autofree char *text = NULL;

  if (unresolved > 0)
    text = g_strdup_printf (ngettext ("%u conflict is left to decide.",
                                      "%u conflicts are left to decide.", unresolved),
                            unresolved);
  else
    text = g_strdup (_("Every conflict is decided."));
  if (self->conflicts_more != NULL)
    {
      char *both = g_strconcat (text, " ", self->conflicts_more, NULL);

      g_free (text);
      text = both;
    }
  adw_preferences_group_set_description (self->conflicts_group, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", self->plan != NULL && unresolved == 0);
}

static void
sync_choices (TiduMergeDialog *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);
      TiduMergeSide side = tidu_merge_plan_get_resolution (self->plan, choice->index, choice->field);

      gtk_toggle_button_set_active (choice->mine, side == TIDU_MERGE_SIDE_MINE);
      gtk_toggle_button_set_active (choice->theirs, side == TIDU_MERGE_SIDE_THEIRS);
    }
  self->syncing = FALSE;
  update_status (self);
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   TiduMergeDialog *self)
{
  Choice *choice;
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tidu-choice"));
  TiduMergeSide side;

  if (self->syncing || position >= self->choices->len)
    return;

  choice = &g_array_index (self->choices, Choice, position);
  side = button == choice->mine ? TIDU_MERGE_SIDE_MINE : TIDU_MERGE_SIDE_THEIRS;
  if (gtk_toggle_button_get_active (button))
    {
      if (choice->field != NULL)
        tidu_merge_plan_resolve_field (self->plan, choice->index, choice->field, side);
      else
        tidu_merge_plan_resolve_record (self->plan, choice->index, side);
    }
  /* Clicking the chosen side again keeps it: a decision is changed by choosing the other. */
  sync_choices (self);
}

static GtkWidget *
side_button (TiduMergeDialog *self,
             guint            position,
             const char      *caption,
             const char      *value)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = gtk_label_new (caption);
  GtkWidget *label = NULL;

  gtk_widget_add_css_class (top, "caption");
  gtk_widget_add_css_class (top, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (top), 0);
  gtk_box_append (GTK_BOX (box), top);
  if (value != NULL)
    {
      label = gtk_label_new (*value != '\0' ? value : _("(empty)"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_tooltip_text (button, value);
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "tidu-choice", GUINT_TO_POINTER (position));
  g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);

  return button;
}

/* A linked pair of buttons, mine then theirs, for one field or one record. */
static GtkWidget *
add_choice (TiduMergeDialog *self,
            guint            index,
            const char      *field,
            const char      *mine_value,
            const char      *theirs_value)
{
  Choice choice = { 0 };
  guint position = self->choices->len;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  choice.index = index;
  choice.field = g_strdup (field);
  choice.mine = GTK_TOGGLE_BUTTON (side_button (self, position, _("Mine"), mine_value));
  choice.theirs = GTK_TOGGLE_BUTTON (side_button (self, position, _("Theirs"), theirs_value));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice.mine));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (choice.theirs));
  g_array_append_val (self->choices, choice);

  return box;
}

/* ------------------------------------------------------------------ the plan */

static const char *
conflict_text (TiduMergeConflictKind kind)
{
  switch (kind)
    {
    case TIDU_MERGE_CONFLICT_DELETE_EDIT:
      return _("You deleted it; your colleague changed it");
    case TIDU_MERGE_CONFLICT_EDIT_DELETE:
      return _("You changed it; your colleague deleted it");
    case TIDU_MERGE_CONFLICT_FIELDS:
      return _("Both of you changed the same fields");
    case TIDU_MERGE_CONFLICT_NONE:
    default:
      return "";
    }
}

static const char *
kind_text (TiduMergeKind kind)
{
  switch (kind)
    {
    case TIDU_MERGE_NEW:
      return _("New");
    case TIDU_MERGE_CHANGED:
      return _("Changed by your colleague");
    case TIDU_MERGE_KEPT:
      return _("Changed by you, stays");
    case TIDU_MERGE_DELETED:
      return _("Deleted by your colleague");
    case TIDU_MERGE_CONFLICT:
      return _("Conflict");
    case TIDU_MERGE_IDENTICAL:
    default:
      return _("Identical");
    }
}

static char *
record_title (TiduMergePlan *plan,
              guint          index)
{
  /* Translators: a record in the merge plan: "Firms · 星河科技" */
  return g_strdup_printf (_("%s · %s"),
                          tidu_merge_table_get_label (tidu_merge_plan_get_table (plan, index)),
                          tidu_merge_plan_get_title (plan, index));
}

static void
add_conflict_row (TiduMergeDialog *self,
                  guint            index)
{
  TiduMergePlan *plan = self->plan;
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  g_autofree char *title = record_title (plan, index);
  const char * const *fields = tidu_merge_plan_get_fields (plan, index);
  TiduMergeConflictKind kind = tidu_merge_plan_get_conflict (plan, index);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (row, conflict_text (kind));
  adw_expander_row_add_action (row, add_choice (self, index, NULL, NULL, NULL));

  for (guint f = 0; fields != NULL && fields[f] != NULL; f++)
    {
      AdwActionRow *field_row;

      if (!tidu_merge_plan_field_conflicts (plan, index, fields[f]))
        continue;

      field_row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row), tidu_merge_field_get_label (fields[f]));
      adw_action_row_add_suffix (field_row,
                                 add_choice (self, index, fields[f],
                                             tidu_merge_plan_get_mine (plan, index, fields[f]),
                                             tidu_merge_plan_get_theirs (plan, index, fields[f])));
      adw_expander_row_add_row (row, GTK_WIDGET (field_row));
    }
  adw_expander_row_set_expanded (row, kind == TIDU_MERGE_CONFLICT_FIELDS);
  adw_preferences_group_add (self->conflicts_group, GTK_WIDGET (row));
}

static void
add_change_row (TiduMergeDialog *self,
                guint            index)
{
  TiduMergePlan *plan = self->plan;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = record_title (plan, index);
  const char * const *fields = tidu_merge_plan_get_fields (plan, index);
  g_autoptr(GString) subtitle = g_string_new (kind_text (tidu_merge_plan_get_kind (plan, index)));

  if (tidu_merge_plan_get_kind (plan, index) == TIDU_MERGE_CHANGED ||
      tidu_merge_plan_get_kind (plan, index) == TIDU_MERGE_KEPT)
    for (guint f = 0; fields != NULL && fields[f] != NULL; f++)
      {
        g_string_append (subtitle, f == 0 ? ": " : _(", "));
        g_string_append (subtitle, tidu_merge_field_get_label (fields[f]));
      }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle->str);
  adw_preferences_group_add (self->changes_group, GTK_WIDGET (row));
}

static void
show_plan (TiduMergeDialog *self)
{
  TiduMergeCounts counts = { 0 };
  guint n = tidu_merge_plan_get_n_records (self->plan);
  guint n_changes = 0;
  guint n_conflicts = 0;
  guint more = 0;

  tidu_merge_plan_get_counts (self->plan, &counts);
  set_count (self->added_label, counts.added);
  set_count (self->changed_label, counts.changed);
  set_count (self->kept_label, counts.kept);
  set_count (self->deleted_label, counts.deleted);
  set_count (self->identical_label, counts.identical);
  set_count (self->conflicts_label, counts.conflicts);

  for (guint i = 0; i < n; i++)
    {
      if (tidu_merge_plan_get_kind (self->plan, i) == TIDU_MERGE_CONFLICT)
        {
          if (n_conflicts++ < MAX_CONFLICT_ROWS)
            add_conflict_row (self, i);
        }
      else if (n_changes++ < MAX_CHANGE_ROWS)
        add_change_row (self, i);
      else
        more++;
    }

  if (more > 0)
    {
      g_autofree char *n_more = format_count (more);
      g_autofree char *text = g_strdup_printf (_("%s more changes are not listed."), n_more);

      adw_preferences_group_set_description (self->changes_group, text);
    }
  if (n_conflicts > MAX_CONFLICT_ROWS)
    {
      g_autofree char *n_more = format_count (n_conflicts - MAX_CONFLICT_ROWS);

      self->conflicts_more = g_strdup_printf (_("%s more conflicts are not listed: decide them all at once with the buttons above."), n_more);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), n_conflicts > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), n_changes > 0);
  gtk_stack_set_visible_child_name (self->stack, "plan");
  sync_choices (self);
}

/* ------------------------------------------------------------------ workers */

typedef struct
{
  TiduDatabase      *database;
  TiduDatabase      *worker_db;
  char              *path;
  TiduProgressRelay *relay;
} PlanData;

static void
plan_data_free (PlanData *data)
{
  g_clear_object (&data->database);
  g_clear_object (&data->worker_db);
  g_free (data->path);
  g_clear_pointer (&data->relay, tidu_progress_relay_unref);
  g_free (data);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanData *data = task_data;
  g_autoptr(GError) error = NULL;
  TiduMergePlan *plan = NULL;

  data->worker_db = tidu_exchange_open_worker_database (data->database, &error);
  if (data->worker_db != NULL)
    plan = tidu_merge_plan_new (data->worker_db, data->path, cancellable,
                                tidu_progress_relay_report, data->relay, &error);
  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
plan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TiduMergeDialog *self = TIDU_MERGE_DIALOG (object);
  PlanData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  TiduMergePlan *plan;

  plan = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  if (plan == NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tidu_exchange_show_error (parent != NULL ? GTK_WIDGET (parent) : NULL,
                                  _("Could Not Merge the Snapshot"), error);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  self->plan = plan;
  self->worker_db = g_steal_pointer (&data->worker_db);
  show_plan (self);
}

/* ------------------------------------------------------------------ applying and undo */

typedef struct
{
  TiduMergePlan      *plan;
  TiduDatabase       *database;    /* the target's, for undo */
  TiduWindow         *target;
  char               *path;
  char               *merge_id;
  TiduProgressRelay  *relay;
  TiduProgressWindow *progress;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_clear_object (&data->plan);
  g_clear_object (&data->database);
  g_clear_object (&data->target);
  g_free (data->path);
  g_free (data->merge_id);
  g_clear_pointer (&data->relay, tidu_progress_relay_unref);
  g_clear_object (&data->progress);
  g_free (data);
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ApplyData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!tidu_merge_plan_apply (data->plan, cancellable, tidu_progress_relay_report, data->relay,
                              &data->merge_id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

typedef struct
{
  TiduDatabase *database;
  TiduWindow   *target;
  char         *merge_id;
} UndoData;

static void
undo_data_free (UndoData *data)
{
  g_clear_object (&data->database);
  g_clear_object (&data->target);
  g_free (data->merge_id);
  g_free (data);
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  UndoData *data = task_data;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tidu_exchange_open_worker_database (data->database, &error);
  if (db == NULL || !tidu_merge_undo (db, data->merge_id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  UndoData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (gtk_window_get_application (GTK_WINDOW (data->target)) == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      tidu_exchange_show_error (GTK_WIDGET (data->target), _("Could Not Undo the Merge"), error);
      return;
    }
  if (tidu_window_get_database (data->target) == data->database)
    tidu_window_reload (data->target);
  tidu_window_add_toast (data->target, tidu_form_toast_new (_("Merge undone")));
}

static void
undo_clicked_cb (AdwToast *toast,
                 gpointer  user_data)
{
  UndoData *source = g_object_get_data (G_OBJECT (toast), "tidu-undo");
  g_autoptr(GTask) task = NULL;
  UndoData *data;

  if (source == NULL)
    return;

  data = g_new0 (UndoData, 1);
  data->database = g_object_ref (source->database);
  data->target = g_object_ref (source->target);
  data->merge_id = g_strdup (source->merge_id);

  task = g_task_new (NULL, NULL, undo_done_cb, NULL);
  g_task_set_source_tag (task, undo_clicked_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) undo_data_free);
  g_task_run_in_thread (task, undo_thread);
}

static void
apply_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ApplyData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  TiduMergeCounts counts = { 0 };
  g_autofree char *basename = g_path_get_basename (data->path);
  g_autofree char *added = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *text = NULL;
  UndoData *undo;
  AdwToast *toast;

  tidu_progress_window_finish (data->progress);

  if (gtk_window_get_application (GTK_WINDOW (data->target)) == NULL)
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tidu_exchange_show_error (GTK_WIDGET (data->target), _("Could Not Merge the Snapshot"), error);
      return;
    }

  if (tidu_window_get_database (data->target) == data->database)
    tidu_window_reload (data->target);

  tidu_merge_plan_get_counts (data->plan, &counts);
  added = format_count (counts.added);
  changed = format_count (counts.changed + counts.conflicts);
  deleted = format_count (counts.deleted);
  /* Translators: after a merge: the file, then how many records were added, changed, deleted */
  text = g_strdup_printf (_("Merged “%s”: %s added, %s changed, %s deleted"), basename, added, changed, deleted);
  toast = tidu_form_toast_new (text);
  adw_toast_set_button_label (toast, _("_Undo Merge"));
  adw_toast_set_timeout (toast, 0);
  undo = g_new0 (UndoData, 1);
  undo->database = g_object_ref (data->database);
  undo->target = g_object_ref (data->target);
  undo->merge_id = g_strdup (data->merge_id);
  g_object_set_data_full (G_OBJECT (toast), "tidu-undo", undo, (GDestroyNotify) undo_data_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), NULL);
  tidu_window_add_toast (data->target, toast);
  gtk_window_present (GTK_WINDOW (data->target));
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiduMergeDialog *self = TIDU_MERGE_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  ApplyData *data;

  if (self->plan == NULL || tidu_merge_plan_count_unresolved (self->plan) > 0)
    return;

  basename = g_path_get_basename (self->path);
  data = g_new0 (ApplyData, 1);
  data->plan = g_object_ref (self->plan);
  data->database = g_object_ref (self->database);
  data->target = g_object_ref (self->target);
  data->path = g_strdup (self->path);
  data->progress = g_object_ref_sink (tidu_progress_window_new (GTK_WINDOW (self->target),
                                                                _("Merging the Snapshot"), basename));
  data->relay = tidu_progress_window_new_relay (data->progress);

  gtk_window_destroy (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (data->progress));

  task = g_task_new (NULL, tidu_progress_window_get_cancellable (data->progress), apply_done_cb, NULL);
  g_task_set_source_tag (task, apply_activated);
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);
  g_task_run_in_thread (task, apply_thread);
}

static void
resolve_all_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TiduMergeDialog *self = TIDU_MERGE_DIALOG (widget);
  const char *side = g_variant_get_string (parameter, NULL);

  if (self->plan == NULL)
    return;
  tidu_merge_plan_resolve_all (self->plan,
                               g_str_equal (side, "theirs") ? TIDU_MERGE_SIDE_THEIRS : TIDU_MERGE_SIDE_MINE,
                               FALSE);
  sync_choices (self);
}

/* ------------------------------------------------------------------ overrides */

static void
tidu_merge_dialog_dispose (GObject *object)
{
  TiduMergeDialog *self = TIDU_MERGE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (tidu_merge_dialog_parent_class)->dispose (object);
}

static void
tidu_merge_dialog_finalize (GObject *object)
{
  TiduMergeDialog *self = TIDU_MERGE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->target);
  g_clear_object (&self->database);
  g_clear_object (&self->plan);
  g_clear_object (&self->worker_db);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->conflicts_more, g_free);
  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (tidu_merge_dialog_parent_class)->finalize (object);
}

static void
tidu_merge_dialog_class_init (TiduMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_merge_dialog_dispose;
  object_class->finalize = tidu_merge_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, added_label);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, changed_label);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, kept_label);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, deleted_label);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, identical_label);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, TiduMergeDialog, changes_group);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_activated);
  gtk_widget_class_install_action (widget_class, "merge.resolve-all", "s", resolve_all_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tidu_merge_dialog_init (TiduMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->choices = g_array_new (FALSE, TRUE, sizeof (Choice));
  g_array_set_clear_func (self->choices, (GDestroyNotify) choice_clear);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply", FALSE);
}

/* ------------------------------------------------------------------ public API */

TiduMergeDialog *
tidu_merge_dialog_start (GtkWindow  *parent,
                         gpointer    target,
                         const char *snapshot_path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  TiduMergeDialog *self;
  PlanData *data;

  g_return_val_if_fail (TIDU_IS_WINDOW (target), NULL);
  g_return_val_if_fail (tidu_window_get_database (target) != NULL, NULL);
  g_return_val_if_fail (snapshot_path != NULL, NULL);

  self = g_object_new (TIDU_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->target = g_object_ref (target);
  self->database = g_object_ref (tidu_window_get_database (target));
  self->path = g_strdup (snapshot_path);
  self->cancellable = g_cancellable_new ();

  basename = g_path_get_basename (snapshot_path);
  adw_window_title_set_subtitle (self->window_title, basename);
  gtk_stack_set_visible_child_name (self->stack, "computing");

  data = g_new0 (PlanData, 1);
  data->database = g_object_ref (self->database);
  data->path = g_strdup (snapshot_path);
  data->relay = tidu_progress_relay_new (self->progress_bar);

  task = g_task_new (self, self->cancellable, plan_done_cb, NULL);
  g_task_set_source_tag (task, tidu_merge_dialog_start);
  g_task_set_task_data (task, data, (GDestroyNotify) plan_data_free);
  g_task_run_in_thread (task, plan_thread);

  gtk_window_present (GTK_WINDOW (self));

  return self;
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     GtkWindow       *main_window)
{
  if (response == GTK_RESPONSE_ACCEPT && TIDU_IS_WINDOW (main_window) &&
      tidu_window_get_database (TIDU_WINDOW (main_window)) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        tidu_merge_dialog_start (main_window, main_window, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
tidu_merge_dialog_choose (GtkWindow *main_window)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) snapshots = gtk_file_filter_new ();

  g_return_if_fail (TIDU_IS_WINDOW (main_window));

  native = gtk_file_chooser_native_new (_("Merge a Snapshot into My Database"), main_window,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (snapshots, _("Tidu snapshots"));
  gtk_file_filter_add_mime_type (snapshots, TIDU_SNAPSHOT_MIME_TYPE);
  gtk_file_filter_add_pattern (snapshots, "*" TIDU_SNAPSHOT_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), snapshots);

  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), main_window, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

const char *
tidu_merge_dialog_get_step (TiduMergeDialog *self)
{
  g_return_val_if_fail (TIDU_IS_MERGE_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

TiduMergePlan *
tidu_merge_dialog_get_plan (TiduMergeDialog *self)
{
  g_return_val_if_fail (TIDU_IS_MERGE_DIALOG (self), NULL);

  return self->plan;
}

GtkWidget *
tidu_merge_dialog_get_choice_button (TiduMergeDialog *self,
                                     guint            index,
                                     const char      *field,
                                     TiduMergeSide    side)
{
  g_return_val_if_fail (TIDU_IS_MERGE_DIALOG (self), NULL);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = &g_array_index (self->choices, Choice, i);

      if (choice->index == index && g_strcmp0 (choice->field, field) == 0)
        return GTK_WIDGET (side == TIDU_MERGE_SIDE_THEIRS ? choice->theirs : choice->mine);
    }

  return NULL;
}
