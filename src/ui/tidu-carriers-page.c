/* tidu-carriers-page.c: the Carriers place
 *
 * An empty state while the database holds no carriers, otherwise the list of them; Enter on a
 * row opens the carrier's detail page in place, and Back returns to the list as it was, search
 * included. New carriers come from the carrier editor (Ctrl+N). Delete moves the selected
 * carrier to the trash with an Undo toast (Ctrl+Z), through the detail page that owns that
 * toast. The trash is the same list in trash mode, where a carrier is restored (Enter) or,
 * after a confirmation, purged.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-application.h"
#include "tidu-carrier-detail.h"
#include "tidu-carrier-editor.h"
#include "tidu-carriers-page.h"
#include "tidu-ui-util.h"

struct _TiduCarriersPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  TiduRecordList    *record_list;
  GtkWidget         *empty_trash_button;
  GtkWidget         *new_button;

  /* Borrowed references */
  TiduCarrierDetail *detail;
  GtkWidget         *list_focus;  /* weak: what had the focus when a carrier was opened */

  /* Owned references */
  TiduDatabase      *database;
  char              *subtitle;
};

G_DEFINE_FINAL_TYPE (TiduCarriersPage, tidu_carriers_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_READ_ONLY,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_CARRIER };

/* ------------------------------------------------------------------ helpers */

static gboolean
showing (TiduCarriersPage *self,
         const char       *name)
{
  return tidu_ui_stack_shows (self->stack, name);
}

static void
set_subtitle (TiduCarriersPage *self,
              const char       *subtitle)
{
  tidu_ui_set_subtitle (G_OBJECT (self), &self->subtitle, subtitle, properties[PROP_SUBTITLE]);
}

static void
update_subtitle (TiduCarriersPage *self)
{
  g_autoptr(TiduCarrier) carrier = NULL;
  const char *id = tidu_carrier_detail_get_carrier_id (self->detail);

  if (showing (self, "detail") && self->database != NULL && id != NULL)
    carrier = tidu_carrier_load (self->database, id, NULL);
  if (showing (self, "list") && tidu_record_list_get_trash (self->record_list))
    set_subtitle (self, tidu_record_list_get_trash_title (self->record_list));
  else
    set_subtitle (self, carrier != NULL ? carrier->name : NULL);
}

static void
update_actions (TiduCarriersPage *self)
{
  gboolean selected = showing (self, "list")
    && tidu_list_model_get_selected (tidu_record_list_get_model (self->record_list)) != GTK_INVALID_LIST_POSITION;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "carriers.new", tidu_ui_can_write (self->database));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "carriers.show-trash", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "carriers.delete", selected && tidu_ui_can_write (self->database));
}

/* Picks the empty state or the list from whether live carriers exist; the detail stays when
 * @keep_detail and it shows. */
static void
update_visible (TiduCarriersPage *self,
                gboolean          keep_detail)
{
  gboolean any = tidu_ui_has_rows (self->database, counted, G_N_ELEMENTS (counted));
  gboolean trash = tidu_record_list_get_trash (self->record_list);

  gtk_widget_set_visible (self->empty_trash_button, !any && tidu_record_list_has_deleted (self->record_list));
  gtk_widget_set_visible (self->new_button, !trash && tidu_ui_can_write (self->database));
  if (!(keep_detail && showing (self, "detail")))
    gtk_stack_set_visible_child_name (self->stack,
                                      self->database != NULL && (any || trash) ? "list" : "empty");
  update_subtitle (self);
  update_actions (self);
}

/* After records changed: the list runs its query again, keeping its search and selection. */
static void
records_changed (TiduCarriersPage *self)
{
  tidu_record_list_refresh (self->record_list);
  update_visible (self, TRUE);
}

static void
show_list (TiduCarriersPage *self)
{
  GtkWidget *focus = self->list_focus;

  g_clear_weak_pointer (&self->list_focus);
  update_visible (self, FALSE);

  /* The focus goes back where it was, the activated row most of the time. */
  if (tidu_ui_return_focus (focus, GTK_WIDGET (self->record_list)))
    return;
  if (showing (self, "list"))
    tidu_record_list_focus_view (self->record_list);
}

static void
open_carrier (TiduCarriersPage *self,
              const char       *carrier_id)
{
  if (!showing (self, "detail"))
    tidu_ui_remember_focus (GTK_WIDGET (self), &self->list_focus);

  tidu_carrier_detail_set_carrier_id (self->detail, carrier_id);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
  update_subtitle (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ signal callbacks */

/* The list's trash toggle, or Show Deleted Carriers in the empty state. */
static void
list_trash_changed_cb (TiduCarriersPage *self)
{
  update_visible (self, FALSE);
  if (tidu_record_list_get_trash (self->record_list) && showing (self, "list"))
    tidu_record_list_focus_view (self->record_list);
}

/* A carrier restored from the trash or purged. */
static void
list_records_changed_cb (TiduCarriersPage *self)
{
  update_visible (self, TRUE);
}

static void
record_activated_cb (TiduRecordList   *list,
                     const char       *id,
                     TiduCarriersPage *self)
{
  open_carrier (self, id);
}

static void
detail_deleted_cb (TiduCarrierDetail *detail,
                   const char        *id,
                   TiduCarriersPage  *self)
{
  if (showing (self, "detail") && g_strcmp0 (tidu_carrier_detail_get_carrier_id (detail), id) == 0)
    show_list (self);
}

static void
selection_changed_cb (TiduCarriersPage *self)
{
  update_actions (self);
}

static void
editor_saved_cb (TiduCarriersPage *self,
                 const char       *id)
{
  records_changed (self);
  open_carrier (self, id);
}

/* ------------------------------------------------------------------ actions */

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (widget);
  TiduCarrierEditor *editor;

  if (self->database == NULL)
    return;

  editor = tidu_carrier_editor_new (tidu_ui_get_window (widget), self->database, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  /* A name the region has already: the editor offers the existing carrier. */
  g_signal_connect_object (editor, "open-carrier", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (widget);
  g_autofree char *id = NULL;

  if (self->database == NULL || !showing (self, "list"))
    return;
  if (tidu_record_list_get_trash (self->record_list))
    {
      tidu_record_list_purge_selected (self->record_list);
      return;
    }
  id = tidu_record_list_dup_selected_id (self->record_list);
  if (id != NULL)
    tidu_carrier_detail_delete_carrier (self->detail, id);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->detail), "carrier.undo-delete", NULL);
}

static void
show_trash_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (widget);

  if (self->database != NULL)
    tidu_record_list_set_trash (self->record_list, TRUE);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_carriers_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, tidu_ui_is_read_only (self->database));
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_carriers_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_carriers_page_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_carriers_page_dispose (GObject *object)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (object);

  g_clear_weak_pointer (&self->list_focus);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_CARRIERS_PAGE);
  self->detail = NULL;
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_carriers_page_parent_class)->dispose (object);
}

static void
tidu_carriers_page_finalize (GObject *object)
{
  TiduCarriersPage *self = TIDU_CARRIERS_PAGE (object);

  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (tidu_carriers_page_parent_class)->finalize (object);
}

static void
tidu_carriers_page_class_init (TiduCarriersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_carriers_page_get_property;
  object_class->set_property = tidu_carriers_page_set_property;
  object_class->dispose = tidu_carriers_page_dispose;
  object_class->finalize = tidu_carriers_page_finalize;

  /* The subtitle is the open carrier's name or nothing. */
  tidu_ui_install_place_properties (object_class, properties, PROP_DATABASE, PROP_READ_ONLY, PROP_SUBTITLE);

  g_type_ensure (TIDU_TYPE_RECORD_LIST);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-carriers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduCarriersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduCarriersPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, TiduCarriersPage, empty_trash_button);
  gtk_widget_class_bind_template_child (widget_class, TiduCarriersPage, new_button);
  gtk_widget_class_bind_template_callback (widget_class, record_activated_cb);

  tidu_ui_class_add_list_actions (widget_class, "carriers", new_activated, delete_activated, undo_activated);
  gtk_widget_class_install_action (widget_class, "carriers.show-trash", NULL, show_trash_activated);
}

static void
tidu_carriers_page_init (TiduCarriersPage *self)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = TIDU_IS_APPLICATION (app) ? tidu_application_get_settings (TIDU_APPLICATION (app)) : NULL;
  TiduListModel *model;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->detail = TIDU_CARRIER_DETAIL (tidu_carrier_detail_new (settings));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->detail), "detail");
  g_signal_connect_object (self->detail, "back-requested", G_CALLBACK (show_list), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "changed", G_CALLBACK (records_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "deleted", G_CALLBACK (detail_deleted_cb), self, 0);

  model = tidu_record_list_get_model (self->record_list);
  g_signal_connect_object (model, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->record_list, "notify::trash", G_CALLBACK (list_trash_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->record_list, "records-changed", G_CALLBACK (list_records_changed_cb), self, G_CONNECT_SWAPPED);

  /* Ctrl+N also works while the focus is in the sidebar, as long as this place shows. */
  tidu_ui_add_place_shortcut (GTK_WIDGET (self), GDK_KEY_n, GDK_CONTROL_MASK, "carriers.new");

  update_visible (self, FALSE);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_carriers_page_new (void)
{
  return g_object_new (TIDU_TYPE_CARRIERS_PAGE, NULL);
}

TiduDatabase *
tidu_carriers_page_get_database (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_carriers_page_set_database:
 * @self: a #TiduCarriersPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page and keeps
 * the open carrier, the search and the selection.
 */
void
tidu_carriers_page_set_database (TiduCarriersPage *self,
                                 TiduDatabase     *database)
{
  g_return_if_fail (TIDU_IS_CARRIERS_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    {
      tidu_carriers_page_reload (self);
      return;
    }

  g_clear_weak_pointer (&self->list_focus);
  tidu_carrier_detail_set_database (self->detail, database);
  tidu_record_list_set_trash (self->record_list, FALSE);
  tidu_record_list_set_database (self->record_list, database);
  update_visible (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * tidu_carriers_page_reload:
 * @self: a #TiduCarriersPage
 *
 * Reads the database again after its records changed: the count that picks the empty
 * state or the list, the list's rows and the open carrier.
 */
void
tidu_carriers_page_reload (TiduCarriersPage *self)
{
  g_return_if_fail (TIDU_IS_CARRIERS_PAGE (self));

  tidu_carrier_detail_reload (self->detail);
  records_changed (self);
}

/**
 * tidu_carriers_page_get_record_list:
 * @self: a #TiduCarriersPage
 *
 * Returns: (transfer none): the list the page shows when the database holds records
 */
TiduRecordList *
tidu_carriers_page_get_record_list (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return self->record_list;
}

/**
 * tidu_carriers_page_get_detail:
 * @self: a #TiduCarriersPage
 *
 * Returns: (transfer none): the page that shows one carrier
 */
TiduCarrierDetail *
tidu_carriers_page_get_detail (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return self->detail;
}

/**
 * tidu_carriers_page_get_visible_state:
 * @self: a #TiduCarriersPage
 *
 * Returns: "empty", "list" or "detail"
 */
const char *
tidu_carriers_page_get_visible_state (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tidu_carriers_page_open_carrier:
 * @self: a #TiduCarriersPage
 * @carrier_id: the carrier to show
 *
 * Shows the detail page of @carrier_id; Back returns to the list.
 */
void
tidu_carriers_page_open_carrier (TiduCarriersPage *self,
                                 const char       *carrier_id)
{
  g_return_if_fail (TIDU_IS_CARRIERS_PAGE (self));
  g_return_if_fail (carrier_id != NULL);

  open_carrier (self, carrier_id);
}

/**
 * tidu_carriers_page_get_subtitle:
 * @self: a #TiduCarriersPage
 *
 * Returns: (nullable): the name of the carrier shown, for the window's header
 */
const char *
tidu_carriers_page_get_subtitle (TiduCarriersPage *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIERS_PAGE (self), NULL);

  return self->subtitle;
}
