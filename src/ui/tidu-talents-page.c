/* tidu-talents-page.c: the Talents place
 *
 * Two views under a switcher: Talents (an empty state while the database holds none,
 * otherwise their list) and Talent Plans (never empty: the seeded plans always exist).
 * Activating a row opens the talent's or the plan's page in place; Back returns to the list.
 * Each list has a trash view, where a record is restored (Enter) or, after a confirmation,
 * purged.
 *
 * Keys: Ctrl+N adds a talent or a plan (by the view shown), Enter opens, Delete moves the
 * selected record to the trash with Undo, Ctrl+Z undoes, Escape and Alt+Left go back.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-plan-detail.h"
#include "tidu-plan-editor.h"
#include "tidu-sample-loader.h"
#include "tidu-talent-detail.h"
#include "tidu-talent-editor.h"
#include "tidu-undo.h"
#include "tidu-talents-page.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

struct _TiduTalentsPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  AdwViewStack     *main_stack;
  GtkWidget        *views;
  AdwViewStack     *view_stack;
  GtkStack         *stack;
  TiduRecordList   *record_list;
  TiduRecordList   *plan_list;
  TiduSampleLoader *sample_loader;
  GtkWidget        *new_button;
  GtkWidget        *empty_trash_button;
  TiduTalentDetail *talent_detail;
  TiduPlanDetail   *plan_detail;

  /* Owned references */
  TiduDatabase     *database;
};

G_DEFINE_FINAL_TYPE (TiduTalentsPage, tidu_talents_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_TALENT };

static gboolean
on_plans (TiduTalentsPage *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plans") == 0;
}

static void
update_new_button (TiduTalentsPage *self)
{
  const char *tooltip = on_plans (self) ? _("New Talent Plan (Ctrl+N)") : _("New Talent (Ctrl+N)");
  gboolean writable = tidu_ui_can_write (self->database);

  gtk_widget_set_tooltip_text (self->new_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talents.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talents.new-talent", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talents.delete", writable);
  gtk_widget_set_visible (self->new_button, writable);
}

/* The Talents view: the empty state, which leads to the trash when it holds talents, or the
 * list, live or trash. */
static void
update_talents_view (TiduTalentsPage *self)
{
  gboolean any = tidu_ui_has_rows (self->database, counted, G_N_ELEMENTS (counted));
  gboolean trash = tidu_record_list_get_trash (self->record_list);

  gtk_widget_set_visible (self->empty_trash_button, !any && tidu_record_list_has_deleted (self->record_list));
  gtk_stack_set_visible_child_name (self->stack, self->database != NULL && (any || trash) ? "list" : "empty");
}

static void
refresh (TiduTalentsPage *self)
{
  tidu_sample_loader_set_database (self->sample_loader, self->database);
  /* Setting the same database again runs the list's query again. */
  tidu_record_list_set_database (self->plan_list, self->database);
  tidu_record_list_set_database (self->record_list, self->database);
  update_new_button (self);
  update_talents_view (self);
}

/* A trash toggle, or Show Deleted Talents in the empty state. */
static void
list_trash_changed_cb (TiduTalentsPage *self)
{
  update_talents_view (self);
}

/* A record restored from a trash or purged: the list has its rows already. */
static void
list_records_changed_cb (TiduTalentsPage *self)
{
  update_talents_view (self);
}

static void
show_trash_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (widget);

  if (self->database != NULL)
    tidu_record_list_set_trash (self->record_list, TRUE);
}

static void
show_views (TiduTalentsPage *self)
{
  adw_view_stack_set_visible_child_name (self->main_stack, "views");
}

/* Inside a window the loader has refreshed every place already. */
static void
sample_finished_cb (TiduSampleLoader *loader,
                    TiduTalentsPage  *self)
{
  if (!TIDU_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    refresh (self);
}

static void
talent_activated_cb (TiduRecordList  *list,
                     const char      *id,
                     TiduTalentsPage *self)
{
  tidu_talents_page_open_talent (self, id);
}

static void
plan_activated_cb (TiduRecordList  *list,
                   const char      *id,
                   TiduTalentsPage *self)
{
  tidu_talents_page_open_plan (self, id);
}

static void
back_requested_cb (GtkWidget       *detail,
                   TiduTalentsPage *self)
{
  show_views (self);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (detail == GTK_WIDGET (self->plan_detail) ? self->plan_list : self->record_list));
}

static void
detail_changed_cb (GtkWidget       *detail,
                   TiduTalentsPage *self)
{
  refresh (self);
}

static void
detail_deleted_cb (GtkWidget       *detail,
                   const char      *id,
                   TiduTalentsPage *self)
{
  /* The record is in the trash: back to its list, where the toast offers Undo. */
  show_views (self);
}

static void
view_changed_cb (TiduTalentsPage *self)
{
  update_new_button (self);
}

static void
talent_saved_cb (TiduTalentsPage *self,
                 const char      *id)
{
  refresh (self);
  tidu_talents_page_open_talent (self, id);
}

static void
plan_saved_cb (TiduTalentsPage *self,
               const char      *id)
{
  refresh (self);
  tidu_talents_page_open_plan (self, id);
}

static void
new_talent (TiduTalentsPage *self)
{
  TiduTalentEditor *editor;

  if (self->database == NULL)
    return;
  editor = tidu_talent_editor_new (tidu_ui_get_window (GTK_WIDGET (self)), self->database, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (talent_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_plan (TiduTalentsPage *self)
{
  TiduPlanEditor *editor;

  if (self->database == NULL)
    return;
  editor = tidu_plan_editor_new (tidu_ui_get_window (GTK_WIDGET (self)), self->database, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (plan_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (widget);

  if (on_plans (self))
    new_plan (self);
  else
    new_talent (self);
}

static void
new_talent_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  new_talent (TIDU_TALENTS_PAGE (widget));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (widget);
  g_autofree char *id = NULL;

  if (self->database == NULL)
    return;
  if (on_plans (self) && tidu_record_list_get_trash (self->plan_list))
    {
      tidu_record_list_purge_selected (self->plan_list);
    }
  else if (on_plans (self))
    {
      if ((id = tidu_record_list_dup_selected_id (self->plan_list)) != NULL)
        {
          tidu_plan_detail_set_database (self->plan_detail, self->database);
          tidu_plan_detail_delete_plan (self->plan_detail, id);
        }
    }
  else if (tidu_ui_stack_shows (self->stack, "list")
           && tidu_record_list_get_trash (self->record_list))
    {
      tidu_record_list_purge_selected (self->record_list);
    }
  else if (tidu_ui_stack_shows (self->stack, "list")
           && (id = tidu_record_list_dup_selected_id (self->record_list)) != NULL)
    {
      tidu_talent_detail_set_database (self->talent_detail, self->database);
      tidu_talent_detail_delete_talent (self->talent_detail, id);
    }
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tidu_undo_run (widget);
}

static void
tidu_talents_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, tidu_ui_is_read_only (self->database));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_talents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_talents_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_talents_page_dispose (GObject *object)
{
  TiduTalentsPage *self = TIDU_TALENTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_TALENTS_PAGE);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_talents_page_parent_class)->dispose (object);
}

static void
tidu_talents_page_class_init (TiduTalentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_talents_page_get_property;
  object_class->set_property = tidu_talents_page_set_property;
  object_class->dispose = tidu_talents_page_dispose;

  tidu_ui_install_place_properties (object_class, properties, PROP_DATABASE, PROP_READ_ONLY, 0);

  g_type_ensure (TIDU_TYPE_RECORD_LIST);
  g_type_ensure (TIDU_TYPE_SAMPLE_LOADER);
  g_type_ensure (TIDU_TYPE_TALENT_DETAIL);
  g_type_ensure (TIDU_TYPE_PLAN_DETAIL);

  gtk_widget_class_install_action (widget_class, "talents.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "talents.new-talent", NULL, new_talent_activated);
  gtk_widget_class_install_action (widget_class, "talents.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "talents.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "talents.show-trash", NULL, show_trash_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-talents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, views);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, sample_loader);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, empty_trash_button);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, talent_detail);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentsPage, plan_detail);
  gtk_widget_class_bind_template_callback (widget_class, sample_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, talent_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, plan_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_deleted_cb);
}

static void
tidu_talents_page_init (TiduTalentsPage *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+N and Ctrl+Z work wherever the focus is while the lists show (a managed controller
   * runs only while its widget is mapped); Delete only from a list, so that it still deletes
   * text in the search entry. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  tidu_ui_add_shortcut (controller, GDK_KEY_n, GDK_CONTROL_MASK, "talents.new");
  tidu_ui_add_shortcut (controller, GDK_KEY_z, GDK_CONTROL_MASK, "talents.undo");
  gtk_widget_add_controller (self->views, controller);

  controller = gtk_shortcut_controller_new ();
  tidu_ui_add_shortcut (controller, GDK_KEY_Delete, 0, "talents.delete");
  gtk_widget_add_controller (GTK_WIDGET (self->record_list), controller);
  controller = gtk_shortcut_controller_new ();
  tidu_ui_add_shortcut (controller, GDK_KEY_Delete, 0, "talents.delete");
  gtk_widget_add_controller (GTK_WIDGET (self->plan_list), controller);

  g_signal_connect_object (self->record_list, "notify::trash", G_CALLBACK (list_trash_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->record_list, "records-changed", G_CALLBACK (list_records_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

GtkWidget *
tidu_talents_page_new (void)
{
  return g_object_new (TIDU_TYPE_TALENTS_PAGE, NULL);
}

TiduDatabase *
tidu_talents_page_get_database (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_talents_page_set_database:
 * @self: a #TiduTalentsPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page. Another
 * database closes a talent's or plan's page.
 */
void
tidu_talents_page_set_database (TiduTalentsPage *self,
                                TiduDatabase    *database)
{
  g_return_if_fail (TIDU_IS_TALENTS_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    {
      tidu_talent_detail_set_database (self->talent_detail, database);
      tidu_plan_detail_set_database (self->plan_detail, database);
      tidu_record_list_set_trash (self->record_list, FALSE);
      tidu_record_list_set_trash (self->plan_list, FALSE);
      show_views (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
    }

  refresh (self);
}

/**
 * tidu_talents_page_reload:
 * @self: a #TiduTalentsPage
 *
 * Reads the database again after its records changed: the count that picks the empty
 * state or the list, the lists' rows and the page shown.
 */
void
tidu_talents_page_reload (TiduTalentsPage *self)
{
  g_return_if_fail (TIDU_IS_TALENTS_PAGE (self));

  refresh (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->main_stack), "talent") == 0)
    tidu_talent_detail_reload (self->talent_detail);
  else if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->main_stack), "plan") == 0)
    tidu_plan_detail_reload (self->plan_detail);
}

/**
 * tidu_talents_page_get_record_list:
 * @self: a #TiduTalentsPage
 *
 * Returns: (transfer none): the list of talents the page shows when the database holds some
 */
TiduRecordList *
tidu_talents_page_get_record_list (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return self->record_list;
}

/**
 * tidu_talents_page_get_plan_list:
 *
 * Returns: (transfer none): the list of talent plans
 */
TiduRecordList *
tidu_talents_page_get_plan_list (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return self->plan_list;
}

/**
 * tidu_talents_page_get_visible_state:
 * @self: a #TiduTalentsPage
 *
 * Returns: what the Talents view shows: "empty" or "list"
 */
const char *
tidu_talents_page_get_visible_state (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tidu_talents_page_get_view:
 *
 * Returns: "talents" or "plans"
 */
const char *
tidu_talents_page_get_view (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * tidu_talents_page_set_view:
 * @view: "talents" or "plans"
 *
 * Shows that list (closing a talent's or plan's page).
 */
void
tidu_talents_page_set_view (TiduTalentsPage *self,
                            const char      *view)
{
  g_return_if_fail (TIDU_IS_TALENTS_PAGE (self));
  g_return_if_fail (g_strcmp0 (view, "talents") == 0 || g_strcmp0 (view, "plans") == 0);

  show_views (self);
  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/**
 * tidu_talents_page_get_visible_page:
 *
 * Returns: "views" (the lists), "talent" or "plan"
 */
const char *
tidu_talents_page_get_visible_page (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return adw_view_stack_get_visible_child_name (self->main_stack);
}

void
tidu_talents_page_open_talent (TiduTalentsPage *self,
                               const char      *talent_id)
{
  g_return_if_fail (TIDU_IS_TALENTS_PAGE (self));

  tidu_talent_detail_set_database (self->talent_detail, self->database);
  tidu_talent_detail_set_talent_id (self->talent_detail, talent_id);
  adw_view_stack_set_visible_child_name (self->main_stack, "talent");
  gtk_widget_grab_focus (GTK_WIDGET (self->talent_detail));
}

void
tidu_talents_page_open_plan (TiduTalentsPage *self,
                             const char      *plan_id)
{
  g_return_if_fail (TIDU_IS_TALENTS_PAGE (self));

  tidu_plan_detail_set_database (self->plan_detail, self->database);
  tidu_plan_detail_set_plan_id (self->plan_detail, plan_id);
  adw_view_stack_set_visible_child_name (self->main_stack, "plan");
  gtk_widget_grab_focus (GTK_WIDGET (self->plan_detail));
}

TiduTalentDetail *
tidu_talents_page_get_talent_detail (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return self->talent_detail;
}

TiduPlanDetail *
tidu_talents_page_get_plan_detail (TiduTalentsPage *self)
{
  g_return_val_if_fail (TIDU_IS_TALENTS_PAGE (self), NULL);

  return self->plan_detail;
}
