/* tidu-firms-page.c: the Firms place
 *
 * An empty state while the database holds no firms, otherwise the list of them; Enter on a
 * row opens the firm's detail page in place, and Back returns to the list as it was. New
 * firms come from the firm editor (Ctrl+N). Delete moves the selected firm to the trash with
 * an Undo toast (Ctrl+Z), through the detail page that owns that toast. The trash is the same
 * list in trash mode, where a firm is restored (Enter) or, after a confirmation, purged.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-firm-detail.h"
#include "tidu-firm-editor.h"
#include "tidu-firms-page.h"
#include "tidu-form-util.h"
#include "tidu-sample-loader.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

struct _TiduFirmsPage
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  TiduRecordList   *record_list;
  TiduSampleLoader *sample_loader;
  GtkWidget        *empty_trash_button;
  GtkWidget        *new_button;
  GtkRevealer      *selection_revealer;
  GtkLabel         *selection_label;

  /* Borrowed references */
  TiduFirmDetail   *detail;
  GtkWidget        *list_focus;  /* weak: what had the focus when a firm was opened */

  /* Owned references */
  TiduDatabase     *database;
  char             *subtitle;

  gboolean          show_trash;
};

G_DEFINE_FINAL_TYPE (TiduFirmsPage, tidu_firms_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SHOW_TRASH,
  PROP_SUBTITLE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TiduEntity counted[] = { TIDU_ENTITY_FIRM };

/* ------------------------------------------------------------------ helpers */

static void
set_subtitle (TiduFirmsPage *self,
              const char    *subtitle)
{
  tidu_ui_set_subtitle (G_OBJECT (self), &self->subtitle, subtitle, properties[PROP_SUBTITLE]);
}

static void
update_subtitle (TiduFirmsPage *self)
{
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (visible, "detail") == 0)
    {
      g_autoptr(TiduFirm) firm = NULL;
      const char *id = tidu_firm_detail_get_firm_id (self->detail);

      if (self->database != NULL && id != NULL)
        firm = tidu_firm_load (self->database, id, NULL);
      set_subtitle (self, firm != NULL ? firm->name : NULL);
    }
  else if (g_strcmp0 (visible, "list") == 0 && self->show_trash)
    {
      set_subtitle (self, tidu_record_list_get_trash_title (self->record_list));
    }
  else
    {
      set_subtitle (self, NULL);
    }
}

static void
update_actions (TiduFirmsPage *self)
{
  gboolean has_database = self->database != NULL;
  gboolean writable = tidu_ui_can_write (self->database);
  gboolean in_list = tidu_ui_stack_shows (self->stack, "list");
  gboolean selected = in_list
    && tidu_list_model_get_selected (tidu_record_list_get_model (self->record_list)) != GTK_INVALID_LIST_POSITION;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "firms.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "firms.show-trash", has_database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "firms.delete", selected && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "firms.restore", selected && writable && self->show_trash);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "firms.purge", selected && writable && self->show_trash);
  gtk_widget_set_visible (self->new_button, writable && !self->show_trash);
}

/* Picks the empty state or the list from whether live firms exist; the detail stays when
 * @keep_detail and it shows. */
static void
update_visible (TiduFirmsPage *self,
                gboolean       keep_detail)
{
  gboolean any = tidu_ui_has_rows (self->database, counted, G_N_ELEMENTS (counted));
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_set_visible (self->empty_trash_button, !any && tidu_record_list_has_deleted (self->record_list));

  if (!(keep_detail && g_strcmp0 (visible, "detail") == 0))
    {
      if (self->database != NULL && (any || self->show_trash))
        gtk_stack_set_visible_child_name (self->stack, "list");
      else
        gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_subtitle (self);
  update_actions (self);
}

/* After records changed: the list runs its query again, keeping its selection. */
static void
records_changed (TiduFirmsPage *self)
{
  tidu_record_list_refresh (self->record_list);
  update_visible (self, TRUE);
}

static void
show_list (TiduFirmsPage *self)
{
  GtkWidget *focus = self->list_focus;

  g_clear_weak_pointer (&self->list_focus);
  update_visible (self, FALSE);

  /* The focus goes back where it was, the activated row most of the time. */
  if (tidu_ui_return_focus (focus, GTK_WIDGET (self->record_list)))
    return;
  if (tidu_ui_stack_shows (self->stack, "list"))
    tidu_record_list_focus_view (self->record_list);
}

static void
open_firm (TiduFirmsPage *self,
           const char    *firm_id)
{
  if (!tidu_ui_stack_shows (self->stack, "detail"))
    tidu_ui_remember_focus (GTK_WIDGET (self), &self->list_focus);

  tidu_firm_detail_set_firm_id (self->detail, firm_id);
  gtk_stack_set_visible_child_name (self->stack, "detail");
  gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
  update_subtitle (self);
  update_actions (self);
}

static void
set_show_trash (TiduFirmsPage *self,
                gboolean       show_trash)
{
  show_trash = !!show_trash;
  if (show_trash == self->show_trash)
    return;

  self->show_trash = show_trash;
  tidu_record_list_set_trash (self->record_list, show_trash);
  gtk_widget_set_visible (self->new_button, !show_trash && tidu_ui_can_write (self->database));

  update_visible (self, FALSE);
  if (show_trash && tidu_ui_stack_shows (self->stack, "list"))
    tidu_record_list_focus_view (self->record_list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TRASH]);
}

/* ------------------------------------------------------------------ restore and purge */

/* The list restores and purges (tidu_record_list_restore()); the page follows its trash
 * toggle and what the trash holds. */
static void
list_trash_changed_cb (TiduFirmsPage *self)
{
  set_show_trash (self, tidu_record_list_get_trash (self->record_list));
}

static void
list_records_changed_cb (TiduFirmsPage *self)
{
  update_visible (self, TRUE);
}

/* ------------------------------------------------------------------ signal callbacks */

/* Inside a window the loader has refreshed every place already. */
static void
sample_finished_cb (TiduSampleLoader *loader,
                    TiduFirmsPage    *self)
{
  if (!TIDU_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    tidu_firms_page_reload (self);
}

static void
record_activated_cb (TiduRecordList *list,
                     const char     *id,
                     TiduFirmsPage  *self)
{
  /* In the trash the list restores the firm itself; this comes from a live row, or from
   * Open on the "restored" toast. */
  open_firm (self, id);
}

static void
detail_deleted_cb (TiduFirmDetail *detail,
                   const char     *id,
                   TiduFirmsPage  *self)
{
  if (tidu_ui_stack_shows (self->stack, "detail")
      && g_strcmp0 (tidu_firm_detail_get_firm_id (detail), id) == 0)
    show_list (self);
}

static void
selection_changed_cb (TiduFirmsPage *self)
{
  update_actions (self);
}

static void
editor_saved_cb (TiduFirmsPage *self,
                 const char    *id)
{
  records_changed (self);
  open_firm (self, id);
}

/* ------------------------------------------------------------------ actions */

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (widget);
  TiduFirmEditor *editor;

  if (self->database == NULL)
    return;

  editor = tidu_firm_editor_new (tidu_ui_get_window (widget), self->database, NULL);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  /* A duplicate credit code: the editor offers the existing firm, restored if need be. */
  g_signal_connect_object (editor, "open-firm", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (widget);
  g_autofree char *id = tidu_record_list_dup_selected_id (self->record_list);

  if (id == NULL || self->database == NULL)
    return;

  if (self->show_trash)
    tidu_record_list_purge (self->record_list, id);
  else
    tidu_firm_detail_delete_firm (self->detail, id);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->detail), "firm.undo-delete", NULL);
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (widget);
  g_autofree char *id = tidu_record_list_dup_selected_id (self->record_list);

  if (id != NULL && self->database != NULL && self->show_trash)
    tidu_record_list_restore (self->record_list, id);
}

/* The list as it was before the Overview narrowed it to a set of firms. */
static void
show_all_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (widget);

  tidu_list_model_set_filter (tidu_record_list_get_model (self->record_list), "ids", NULL);
  gtk_revealer_set_reveal_child (self->selection_revealer, FALSE);
  gtk_widget_action_set_enabled (widget, "firms.show-all", FALSE);
  tidu_record_list_focus_view (self->record_list);
}

static void
purge_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (widget);
  g_autofree char *id = tidu_record_list_dup_selected_id (self->record_list);

  if (id != NULL && self->database != NULL && self->show_trash)
    tidu_record_list_purge (self->record_list, id);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_firms_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, tidu_ui_is_read_only (self->database));
      break;

    case PROP_SHOW_TRASH:
      g_value_set_boolean (value, self->show_trash);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_firms_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_firms_page_set_database (self, g_value_get_object (value));
      break;

    case PROP_SHOW_TRASH:
      set_show_trash (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_firms_page_dispose (GObject *object)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (object);

  g_clear_weak_pointer (&self->list_focus);
  if (self->record_list != NULL)
    g_signal_handlers_disconnect_by_data (tidu_record_list_get_model (self->record_list), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_FIRMS_PAGE);
  self->detail = NULL;
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_firms_page_parent_class)->dispose (object);
}

static void
tidu_firms_page_finalize (GObject *object)
{
  TiduFirmsPage *self = TIDU_FIRMS_PAGE (object);

  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (tidu_firms_page_parent_class)->finalize (object);
}

static void
tidu_firms_page_class_init (TiduFirmsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_firms_page_get_property;
  object_class->set_property = tidu_firms_page_set_property;
  object_class->dispose = tidu_firms_page_dispose;
  object_class->finalize = tidu_firms_page_finalize;

  /* The subtitle is the open firm's name, "Deleted Firms" in the trash, or nothing. */
  tidu_ui_install_place_properties (object_class, properties, PROP_DATABASE, PROP_READ_ONLY, PROP_SUBTITLE);

  /* Whether the list shows the firms in the trash; the firms.show-trash action toggles it. */
  properties[PROP_SHOW_TRASH] =
    g_param_spec_boolean ("show-trash", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_property (object_class, PROP_SHOW_TRASH, properties[PROP_SHOW_TRASH]);

  g_type_ensure (TIDU_TYPE_RECORD_LIST);
  g_type_ensure (TIDU_TYPE_SAMPLE_LOADER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-firms-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, record_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, sample_loader);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, empty_trash_button);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmsPage, selection_label);
  gtk_widget_class_bind_template_callback (widget_class, sample_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_activated_cb);

  tidu_ui_class_add_list_actions (widget_class, "firms", new_activated, delete_activated, undo_activated);
  gtk_widget_class_install_action (widget_class, "firms.restore", NULL, restore_activated);
  gtk_widget_class_install_action (widget_class, "firms.purge", NULL, purge_activated);
  gtk_widget_class_install_action (widget_class, "firms.show-all", NULL, show_all_activated);
  gtk_widget_class_install_property_action (widget_class, "firms.show-trash", "show-trash");
}

static void
tidu_firms_page_init (TiduFirmsPage *self)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = TIDU_IS_APPLICATION (app) ? tidu_application_get_settings (TIDU_APPLICATION (app)) : NULL;
  TiduListModel *model;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->detail = TIDU_FIRM_DETAIL (tidu_firm_detail_new (settings));
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
  tidu_ui_add_place_shortcut (GTK_WIDGET (self), GDK_KEY_n, GDK_CONTROL_MASK, "firms.new");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "firms.show-all", FALSE);
  update_visible (self, FALSE);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_firms_page_new (void)
{
  return g_object_new (TIDU_TYPE_FIRMS_PAGE, NULL);
}

TiduDatabase *
tidu_firms_page_get_database (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return self->database;
}

/**
 * tidu_firms_page_set_database:
 * @self: a #TiduFirmsPage
 * @database: (nullable): the database to show
 *
 * Shows what @database holds; setting the same database again refreshes the page and keeps
 * the open firm, the trash view, the search and the selection.
 */
void
tidu_firms_page_set_database (TiduFirmsPage *self,
                             TiduDatabase  *database)
{
  g_return_if_fail (TIDU_IS_FIRMS_PAGE (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  tidu_sample_loader_set_database (self->sample_loader, database);

  if (!g_set_object (&self->database, database))
    {
      tidu_firms_page_reload (self);
      return;
    }

  g_clear_weak_pointer (&self->list_focus);
  tidu_firm_detail_set_database (self->detail, database);
  set_show_trash (self, FALSE);
  tidu_record_list_set_database (self->record_list, database);
  update_visible (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * tidu_firms_page_reload:
 * @self: a #TiduFirmsPage
 *
 * Reads the database again after its records changed: the count that picks the empty
 * state or the list, the list's rows and the open firm.
 */
void
tidu_firms_page_reload (TiduFirmsPage *self)
{
  g_return_if_fail (TIDU_IS_FIRMS_PAGE (self));

  tidu_sample_loader_set_database (self->sample_loader, self->database);
  tidu_firm_detail_reload (self->detail);
  records_changed (self);
}

/**
 * tidu_firms_page_get_record_list:
 * @self: a #TiduFirmsPage
 *
 * Returns: (transfer none): the list the page shows when the database holds records
 */
TiduRecordList *
tidu_firms_page_get_record_list (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return self->record_list;
}

/**
 * tidu_firms_page_get_detail:
 * @self: a #TiduFirmsPage
 *
 * Returns: (transfer none): the page that shows one firm
 */
TiduFirmDetail *
tidu_firms_page_get_detail (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return self->detail;
}

/**
 * tidu_firms_page_get_visible_state:
 * @self: a #TiduFirmsPage
 *
 * Returns: "empty", "list" or "detail"
 */
const char *
tidu_firms_page_get_visible_state (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tidu_firms_page_open_firm:
 * @self: a #TiduFirmsPage
 * @firm_id: the firm to show
 *
 * Shows the detail page of @firm_id; Back returns to the list as it was.
 */
void
tidu_firms_page_open_firm (TiduFirmsPage *self,
                           const char    *firm_id)
{
  g_return_if_fail (TIDU_IS_FIRMS_PAGE (self));
  g_return_if_fail (firm_id != NULL);

  open_firm (self, firm_id);
}

/**
 * tidu_firms_page_get_subtitle:
 * @self: a #TiduFirmsPage
 *
 * Returns: (nullable): what the window's header shows under the place title
 */
const char *
tidu_firms_page_get_subtitle (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  return self->subtitle;
}

/**
 * tidu_firms_page_show_firms:
 * @self: a #TiduFirmsPage
 * @ids: (array zero-terminated=1): the firms to list
 * @description: what they are, e.g. "高新技术企业 on 2026-11-23"
 *
 * Lists exactly @ids (the live ones), with a banner saying what they are and a button back
 * to every firm; the search and the other filters are cleared so the count is theirs.
 */
void
tidu_firms_page_show_firms (TiduFirmsPage      *self,
                            const char * const *ids,
                            const char         *description)
{
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  TiduListModel *model;

  g_return_if_fail (TIDU_IS_FIRMS_PAGE (self));
  g_return_if_fail (ids != NULL);

  set_show_trash (self, FALSE);
  tidu_record_list_reset_criteria (self->record_list);
  value = tidu_list_ids_to_filter (ids);
  model = tidu_record_list_get_model (self->record_list);
  tidu_list_model_set_filter (model, "ids", value);

  /* Translators: %s says which firms, e.g. "高新技术企业 on 2026-11-23" */
  text = g_strdup_printf (_("Firms from the Overview: %s"), description != NULL ? description : "");
  gtk_label_set_text (self->selection_label, text);
  gtk_revealer_set_reveal_child (self->selection_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "firms.show-all", TRUE);

  show_list (self);
}

/**
 * tidu_firms_page_get_selection_description:
 * @self: a #TiduFirmsPage
 *
 * Returns: (nullable): the banner's text while the list shows a set of firms from the
 *   Overview, else %NULL
 */
const char *
tidu_firms_page_get_selection_description (TiduFirmsPage *self)
{
  g_return_val_if_fail (TIDU_IS_FIRMS_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->selection_revealer))
    return NULL;
  return gtk_label_get_text (self->selection_label);
}
