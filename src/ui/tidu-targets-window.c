/* tidu-targets-window.c: the targets (指标任务) with their progress, to add, edit and delete
 *
 * Each row says what the target counts, where and over which years, and how far the figure
 * is from the goal of the year shown. The figures are counted on a worker with its own
 * connection. Enter (or a click) edits a target, Ctrl+N adds one, Delete moves the selected
 * one to the trash with an Undo toast (Ctrl+Z). "changed" tells the Overview to count again.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tidu-db-task.h"
#include "tidu-form-util.h"
#include "tidu-targets-window.h"
#include "tidu-ui-util.h"
#include "tidu-undo.h"

struct _TiduTargetsWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkSpinner      *spinner;
  GtkStack        *stack;
  GtkLabel        *hint_label;
  GtkListBox      *list_box;

  /* Owned references */
  TiduDatabase    *database;
  GCancellable    *cancellable;
  GPtrArray       *items;         /* of Item, as the rows show them */
  char            *region_id;
  char            *select_id;     /* the row to select once the list is there */
  int              year;
};

G_DEFINE_FINAL_TYPE (TiduTargetsWindow, tidu_targets_window, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char   *id;
  char   *title;
  char   *subtitle;
  char   *progress_text;
  double  fraction;      /* NAN without a goal */
} Item;

static void
item_free (Item *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->progress_text);
  g_free (item);
}

/* ------------------------------------------------------------------ the worker */

static const char *
lookup_label (GPtrArray  *choices,
              const char *value)
{
  for (guint i = 0; choices != NULL && value != NULL && i < choices->len; i++)
    {
      const TiduListChoice *choice = g_ptr_array_index (choices, i);

      if (g_strcmp0 (choice->value, value) == 0)
        return choice->label;
    }
  return value;
}

static Item *
make_item (TiduDatabase       *database,
           const TiduTarget   *target,
           GPtrArray          *regions,
           int                 year,
           GError            **error)
{
  g_autoptr(TiduTargetProgress) progress = NULL;
  g_autoptr(GPtrArray) parameters = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  TiduIndicator indicator = TIDU_INDICATOR_FIRMS_PER_TIER;
  int shown = CLAMP (year, target->start_year, target->end_year);
  Item *item;

  tidu_indicator_from_string (target->indicator, &indicator);
  progress = tidu_target_progress (database, target, shown, NULL, error);
  if (progress == NULL)
    return NULL;
  parameters = tidu_target_parameter_choices (database, indicator, NULL);

  item = g_new0 (Item, 1);
  item->id = g_strdup (target->id);
  item->title = g_strdup (target->title != NULL && *target->title != '\0'
                          ? target->title : tidu_indicator_get_label (indicator));

  g_string_append (subtitle, tidu_indicator_get_label (indicator));
  if (target->parameter != NULL && *target->parameter != '\0')
    g_string_append_printf (subtitle, " · %s", lookup_label (parameters, target->parameter));
  g_string_append_printf (subtitle, " · %s",
                          target->region_id != NULL ? lookup_label (regions, target->region_id) : _("All regions"));
  if (target->start_year == target->end_year)
    g_string_append_printf (subtitle, " · %d", target->start_year);
  else
    g_string_append_printf (subtitle, " · %d–%d", target->start_year, target->end_year);

  if (progress->target == TIDU_UNSET)
    {
      g_autofree char *actual = tidu_ui_format_count (progress->actual);

      /* Translators: a target's figure in a year it sets no goal for: number, year */
      item->progress_text = g_strdup_printf (_("%s in %d, no goal"), actual, shown);
      item->fraction = NAN;
    }
  else
    {
      g_autofree char *actual = tidu_ui_format_count (progress->actual);
      g_autofree char *goal = tidu_ui_format_count (progress->target);
      g_autofree char *percent = isnan (progress->ratio) ? g_strdup ("—")
                                 : g_strdup_printf ("%.0f%%", progress->ratio * 100);

      /* Translators: a target's progress: actual / goal (percentage), year */
      item->progress_text = g_strdup_printf (_("%s / %s (%s) in %d"), actual, goal, percent, shown);
      item->fraction = isnan (progress->ratio) ? 0.0 : CLAMP (progress->ratio, 0.0, 1.0);
    }
  item->subtitle = g_string_free (g_steal_pointer (&subtitle), FALSE);
  return item;
}

/* On a worker, with its own connection (tidu-db-task.h); @data is the year shown. */
static void
load_work (TiduDatabase *database,
           gpointer      data,
           GTask        *task,
           GCancellable *cancellable)
{
  int year = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_autoptr(GError) error = NULL;

  targets = tidu_target_list (database, NULL, 0, FALSE, &error);
  if (targets != NULL)
    regions = tidu_list_filter_choices (database, TIDU_LIST_FIRMS, "region_id", &error);
  if (regions == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < targets->len; i++)
    {
      Item *item;

      if (g_task_return_error_if_cancelled (task))
        return;
      item = make_item (database, g_ptr_array_index (targets, i), regions, year, &error);
      if (item == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (items, item);
    }
  g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

/* ------------------------------------------------------------------ rows */

static GtkWidget *
make_row (TiduTargetsWindow *self,
          const Item        *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (item->progress_text);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  GtkWidget *button;
  g_autofree char *edit_action = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, item->id);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), isnan (item->fraction) ? 0 : item->fraction);
  gtk_widget_set_size_request (bar, 140, -1);
  gtk_widget_set_visible (bar, !isnan (item->fraction));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, item->progress_text, -1);
  gtk_box_append (GTK_BOX (box), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Move to the Trash (Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move to the Trash"), -1);
  edit_action = g_strdup_printf ("targets.delete-id('%s')", item->id);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), edit_action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
show_items (TiduTargetsWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = g_ptr_array_index (self->items, i);
      GtkWidget *row = make_row (self, item);

      gtk_list_box_append (self->list_box, row);
      if (g_strcmp0 (item->id, self->select_id) == 0)
        {
          gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
          gtk_widget_grab_focus (row);
        }
    }
  g_clear_pointer (&self->select_id, g_free);
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "list" : "empty");
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TiduTargetsWindow *self = TIDU_TARGETS_WINDOW (object);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  if (items == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, tidu_form_toast_new (error->message));
      return;
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_steal_pointer (&items);
  show_items (self);
}

void
tidu_targets_window_reload (TiduTargetsWindow *self)
{
  g_return_if_fail (TIDU_IS_TARGETS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  tidu_db_task_run (self, self->database, load_work, GINT_TO_POINTER (self->year), NULL,
                    self->cancellable, load_done_cb, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
}

static void
changed (TiduTargetsWindow *self,
         const char        *select_id)
{
  g_free (self->select_id);
  self->select_id = g_strdup (select_id);
  tidu_targets_window_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ------------------------------------------------------------------ edit and delete */

static void
editor_saved_cb (TiduTargetsWindow *self,
                 const char        *id)
{
  changed (self, id);
}

TiduTargetEditor *
tidu_targets_window_edit (TiduTargetsWindow *self,
                          const char        *target_id)
{
  TiduTargetEditor *editor;

  g_return_val_if_fail (TIDU_IS_TARGETS_WINDOW (self), NULL);

  editor = tidu_target_editor_new (GTK_WINDOW (self), self->database, target_id, self->region_id, self->year);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

static void
undone_cb (GObject *object)
{
  changed (TIDU_TARGETS_WINDOW (object), NULL);
}

static char *
many_targets (guint n)
{
  /* Translators: an Undo toast, %u is a number of targets (2 or more) */
  return g_strdup_printf (ngettext ("%u target moved to the trash", "%u targets moved to the trash", n), n);
}

void
tidu_targets_window_delete (TiduTargetsWindow *self,
                            const char        *target_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *name = NULL;

  g_return_if_fail (TIDU_IS_TARGETS_WINDOW (self));
  g_return_if_fail (target_id != NULL);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      const Item *item = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (item->id, target_id) == 0)
        name = item->title;
    }

  if (!tidu_target_delete (self->database, target_id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, tidu_form_toast_new (error->message));
      return;
    }
  /* Translators: an Undo toast, %s is a target's title */
  title = g_strdup_printf (_("“%s” moved to the trash"), name != NULL ? name : "");
  tidu_undo_offer_restore (GTK_WIDGET (self), self->database, title, many_targets, tidu_target_restore,
                           target_id, G_OBJECT (self), undone_cb);
  changed (self, NULL);
}

static const char *
selected_id (TiduTargetsWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || self->items == NULL || (guint) index >= self->items->len)
    return NULL;
  return ((Item *) g_ptr_array_index (self->items, index))->id;
}

static void
row_activated_cb (GtkListBox        *list_box,
                  GtkListBoxRow     *row,
                  TiduTargetsWindow *self)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && self->items != NULL && (guint) index < self->items->len)
    tidu_targets_window_edit (self, ((Item *) g_ptr_array_index (self->items, index))->id);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  tidu_targets_window_edit (TIDU_TARGETS_WINDOW (widget), NULL);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduTargetsWindow *self = TIDU_TARGETS_WINDOW (widget);
  g_autofree char *id = g_strdup (selected_id (self));

  if (id != NULL)
    tidu_targets_window_delete (self, id);
}

static void
delete_id_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autofree char *id = g_variant_dup_string (parameter, NULL);

  tidu_targets_window_delete (TIDU_TARGETS_WINDOW (widget), id);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tidu_undo_run (widget);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_targets_window_dispose (GObject *object)
{
  TiduTargetsWindow *self = TIDU_TARGETS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (tidu_targets_window_parent_class)->dispose (object);
}

static void
tidu_targets_window_finalize (GObject *object)
{
  TiduTargetsWindow *self = TIDU_TARGETS_WINDOW (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->region_id, g_free);
  g_clear_pointer (&self->select_id, g_free);
  G_OBJECT_CLASS (tidu_targets_window_parent_class)->finalize (object);
}

static void
tidu_targets_window_class_init (TiduTargetsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_targets_window_dispose;
  object_class->finalize = tidu_targets_window_finalize;

  /**
   * TiduTargetsWindow::changed:
   *
   * A target was added, edited, deleted or restored.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-targets-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduTargetsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetsWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetsWindow, hint_label);
  gtk_widget_class_bind_template_child (widget_class, TiduTargetsWindow, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "targets.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "targets.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "targets.delete-id", "s", delete_id_activated);
  gtk_widget_class_install_action (widget_class, "targets.undo", NULL, undo_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "targets.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "targets.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "targets.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "targets.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tidu_targets_window_init (TiduTargetsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->hint_label,
                      _("Enter edits the selected target; Delete moves it to the trash, Ctrl+Z brings it back."));
}

GtkWidget *
tidu_targets_window_new (GtkWindow    *parent,
                         TiduDatabase *database,
                         const char   *region_id,
                         int           year)
{
  TiduTargetsWindow *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = g_object_new (TIDU_TYPE_TARGETS_WINDOW, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->region_id = g_strdup (region_id);
  self->year = year;
  /* Translators: under the Targets title, %d is a year */
  subtitle = g_strdup_printf (_("Progress in %d"), year);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  tidu_targets_window_reload (self);
  return GTK_WIDGET (self);
}

gboolean
tidu_targets_window_get_loading (TiduTargetsWindow *self)
{
  g_return_val_if_fail (TIDU_IS_TARGETS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

guint
tidu_targets_window_get_n_targets (TiduTargetsWindow *self)
{
  g_return_val_if_fail (TIDU_IS_TARGETS_WINDOW (self), 0);

  return self->items != NULL ? self->items->len : 0;
}

const char *
tidu_targets_window_get_target_id (TiduTargetsWindow *self,
                                   guint              index)
{
  g_return_val_if_fail (TIDU_IS_TARGETS_WINDOW (self), NULL);

  if (self->items == NULL || index >= self->items->len)
    return NULL;
  return ((Item *) g_ptr_array_index (self->items, index))->id;
}

const char *
tidu_targets_window_get_progress_text (TiduTargetsWindow *self,
                                       guint              index)
{
  g_return_val_if_fail (TIDU_IS_TARGETS_WINDOW (self), NULL);

  if (self->items == NULL || index >= self->items->len)
    return NULL;
  return ((Item *) g_ptr_array_index (self->items, index))->progress_text;
}

/**
 * tidu_targets_window_select:
 * @self: a #TiduTargetsWindow
 * @target_id: a target
 *
 * Selects and focuses @target_id's row, now or once the list is loaded.
 */
void
tidu_targets_window_select (TiduTargetsWindow *self,
                            const char        *target_id)
{
  g_return_if_fail (TIDU_IS_TARGETS_WINDOW (self));

  g_free (self->select_id);
  self->select_id = g_strdup (target_id);
  if (self->cancellable == NULL && self->items != NULL)
    show_items (self);
}
