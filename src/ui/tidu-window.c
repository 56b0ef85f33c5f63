/* tidu-window.c: the main window, a sidebar of places beside the current place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-carriers-page.h"
#include "tidu-form-util.h"
#include "tidu-firms-page.h"
#include "tidu-import-assistant.h"
#include "tidu-merge-dialog.h"
#include "tidu-overview-page.h"
#include "tidu-record-list.h"
#include "tidu-snapshot-export-dialog.h"
#include "tidu-subsidies-page.h"
#include "tidu-talents-page.h"
#include "tidu-ui-util.h"
#include "tidu-window.h"

typedef struct
{
  const char *id;
  const char *title;
  GType     (*get_type) (void);
} Place;

/* In sidebar order; the ids are the stack page names and the last-place values. */
static const Place places[] = {
  { "overview", N_("Overview"), tidu_overview_page_get_type },
  { "firms", N_("Firms"), tidu_firms_page_get_type },
  { "carriers", N_("Carriers"), tidu_carriers_page_get_type },
  { "talents", N_("Talents"), tidu_talents_page_get_type },
  { "subsidies", N_("Subsidies"), tidu_subsidies_page_get_type },
};

struct _TiduWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar_list;
  AdwWindowTitle       *place_title;
  GtkStack             *place_stack;
  /* Each place's page is made when the place is first shown (ensure_page): a start builds
   * only the place on screen. */
  AdwBin               *place_bins[G_N_ELEMENTS (places)];
  TiduFirmsPage        *firms_page;
  GtkRevealer          *snapshot_revealer;
  GtkLabel             *snapshot_title;
  GtkLabel             *snapshot_description;

  /* Owned references */
  GSettings            *settings;
  TiduDatabase         *database;
  char                 *pending_path;
  TiduSnapshotInfo     *snapshot;   /* set in a window that browses a received snapshot */

  guint                 place;
};

G_DEFINE_FINAL_TYPE (TiduWindow, tidu_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PLACE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
find_place (const char *id)
{
  if (id == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (g_str_equal (places[i].id, id))
        return (int) i;
    }

  return -1;
}

/* The lists on screen run their queries at once, not a frame later when they are mapped;
 * the lists of the other places wait until they are first shown (DESIGN.md §4). */
static void
start_shown_lists (GtkWidget *widget)
{
  if (TIDU_IS_RECORD_LIST (widget))
    {
      tidu_list_model_set_deferred (tidu_record_list_get_model (TIDU_RECORD_LIST (widget)), FALSE);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_get_visible (child) && gtk_widget_get_child_visible (child))
        start_shown_lists (child);
    }
}

static void
set_pending_path (TiduWindow *self,
                  const char *path)
{
  char *copy = g_strdup (path);

  g_free (self->pending_path);
  self->pending_path = copy;
}

static void
sidebar_row_selected_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         TiduWindow    *self)
{
  int index;

  if (row == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  if (index >= 0 && index < (int) G_N_ELEMENTS (places))
    tidu_window_set_place (self, places[index].id);
}

static void
sidebar_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          TiduWindow    *self)
{
  sidebar_row_selected_cb (list, row, self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* The Firms place names the open firm, or the trash, under the place title. */
static void
update_place_subtitle (TiduWindow *self)
{
  const char *subtitle = NULL;

  if (self->place < G_N_ELEMENTS (places) && g_str_equal (places[self->place].id, "firms")
      && self->firms_page != NULL)
    subtitle = tidu_firms_page_get_subtitle (self->firms_page);
  adw_window_title_set_subtitle (self->place_title, subtitle != NULL ? subtitle : "");
}

/* The page of place @index, made now if it is the first time. */
static GtkWidget *
ensure_page (TiduWindow *self,
             guint       index)
{
  GtkWidget *page = adw_bin_get_child (self->place_bins[index]);

  if (page != NULL)
    return page;

  page = g_object_new (places[index].get_type (), "database", self->database, NULL);
  adw_bin_set_child (self->place_bins[index], page);

  if (TIDU_IS_FIRMS_PAGE (page))
    {
      self->firms_page = TIDU_FIRMS_PAGE (page);
      g_signal_connect_object (page, "notify::subtitle",
                               G_CALLBACK (update_place_subtitle), self, G_CONNECT_SWAPPED);
    }

  return page;
}

static void
back_clicked_cb (GtkButton  *button,
                 TiduWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
update_actions (TiduWindow *self)
{
  gboolean writable = tidu_ui_can_write (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-snapshot", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge", self->database != NULL);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduWindow *self = TIDU_WINDOW (widget);

  if (!tidu_ui_can_write (self->database))
    return;
  gtk_window_present (GTK_WINDOW (tidu_import_assistant_new (GTK_WINDOW (self), self->database)));
}

static void
export_snapshot_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TiduWindow *self = TIDU_WINDOW (widget);

  if (!tidu_ui_can_write (self->database))
    return;
  gtk_window_present (GTK_WINDOW (tidu_snapshot_export_dialog_new (GTK_WINDOW (self), self->database)));
}

/* In a snapshot's window: merge this snapshot into the database of the main window. In the
 * main window: choose a snapshot file first. */
static void
merge_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiduWindow *self = TIDU_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  TiduWindow *main_window;

  if (self->snapshot == NULL)
    {
      tidu_merge_dialog_choose (GTK_WINDOW (self));
      return;
    }

  main_window = TIDU_IS_APPLICATION (application)
    ? (TiduWindow *) tidu_application_get_main_window (TIDU_APPLICATION (application)) : NULL;
  if (main_window == NULL || tidu_window_get_database (main_window) == NULL)
    {
      tidu_window_add_toast (self, tidu_form_toast_new (_("Your database is not open yet: try again in a moment")));
      return;
    }
  tidu_merge_dialog_start (GTK_WINDOW (self), main_window, self->snapshot->path);
}

static gboolean
tidu_window_close_request (GtkWindow *window)
{
  TiduWindow *self = TIDU_WINDOW (window);
  int width = 0;
  int height = 0;

  /* A snapshot's window leaves the main window's size and place alone. */
  if (self->snapshot != NULL)
    return GTK_WINDOW_CLASS (tidu_window_parent_class)->close_request (window);

  /* In GTK 4 the default size follows the unmaximized size of the window. */
  gtk_window_get_default_size (window, &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-place", places[self->place].id);

  return GTK_WINDOW_CLASS (tidu_window_parent_class)->close_request (window);
}

static void
tidu_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TiduWindow *self = TIDU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_PLACE:
      g_value_set_string (value, tidu_window_get_place (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, tidu_window_get_read_only (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TiduWindow *self = TIDU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      tidu_window_set_database (self, g_value_get_object (value));
      break;

    case PROP_PLACE:
      tidu_window_set_place (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_window_dispose (GObject *object)
{
  TiduWindow *self = TIDU_WINDOW (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_window_parent_class)->dispose (object);
}

static void
tidu_window_finalize (GObject *object)
{
  TiduWindow *self = TIDU_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_path, g_free);
  g_clear_pointer (&self->snapshot, tidu_snapshot_info_free);

  G_OBJECT_CLASS (tidu_window_parent_class)->finalize (object);
}

static void
tidu_window_class_init (TiduWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = tidu_window_get_property;
  object_class->set_property = tidu_window_set_property;
  object_class->dispose = tidu_window_dispose;
  object_class->finalize = tidu_window_finalize;

  window_class->close_request = tidu_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL,
                         "overview",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A window over a received snapshot: every place browses, nothing can be edited. */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, place_title);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, place_stack);
  gtk_widget_class_bind_template_child_full (widget_class, "overview_bin", FALSE,
                                             G_STRUCT_OFFSET (TiduWindow, place_bins[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "firms_bin", FALSE,
                                             G_STRUCT_OFFSET (TiduWindow, place_bins[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "carriers_bin", FALSE,
                                             G_STRUCT_OFFSET (TiduWindow, place_bins[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "talents_bin", FALSE,
                                             G_STRUCT_OFFSET (TiduWindow, place_bins[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "subsidies_bin", FALSE,
                                             G_STRUCT_OFFSET (TiduWindow, place_bins[4]));
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, snapshot_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, snapshot_title);
  gtk_widget_class_bind_template_child (widget_class, TiduWindow, snapshot_description);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "win.export-snapshot", NULL, export_snapshot_activated);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_activated);

  /* win.place takes a place id such as 'firms' and has the current one as its state. */
  gtk_widget_class_install_property_action (widget_class, "win.place", "place");
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.place", "s", places[i].id);
}

static void
tidu_window_init (TiduWindow *self)
{
  g_autofree char *last_place = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_title (GTK_WINDOW (self), _("Tidu"));
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new (BASE_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Start from a valid place so that setting the saved one always updates the widgets. */
  self->place = G_N_ELEMENTS (places);
  last_place = g_settings_get_string (self->settings, "last-place");
  tidu_window_set_place (self, find_place (last_place) >= 0 ? last_place : "overview");

  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  update_actions (self);
}

/**
 * tidu_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer none): a new window, owned by @application
 */
TiduWindow *
tidu_window_new (TiduApplication *application)
{
  g_return_val_if_fail (TIDU_IS_APPLICATION (application), NULL);

  return g_object_new (TIDU_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

TiduDatabase *
tidu_window_get_database (TiduWindow *self)
{
  g_return_val_if_fail (TIDU_IS_WINDOW (self), NULL);

  return self->database;
}

/**
 * tidu_window_set_database:
 * @self: a #TiduWindow
 * @database: (nullable): the database to show
 *
 * Shows @database in every place, or the loading page when @database is %NULL.
 */
void
tidu_window_set_database (TiduWindow   *self,
                          TiduDatabase *database)
{
  g_return_if_fail (TIDU_IS_WINDOW (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  g_set_object (&self->database, database);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      GtkWidget *page = adw_bin_get_child (self->place_bins[i]);

      if (page != NULL)
        g_object_set (page, "database", database, NULL);
    }

  if (database != NULL)
    {
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->main_stack, "places");
      start_shown_lists (gtk_stack_get_visible_child (self->place_stack));
      set_pending_path (self, tidu_database_get_path (database));
    }
  else
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * tidu_window_show_loading:
 * @self: a #TiduWindow
 * @path: the file being opened
 *
 * Shows the loading page while @path opens; an error shown next refers to @path.
 */
void
tidu_window_show_loading (TiduWindow *self,
                          const char *path)
{
  g_return_if_fail (TIDU_IS_WINDOW (self));

  set_pending_path (self, path);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

/**
 * tidu_window_show_error:
 * @self: a #TiduWindow
 * @error: why the database could not be opened
 *
 * Replaces the window's content with an error page naming the file that failed.
 */
void
tidu_window_show_error (TiduWindow   *self,
                        const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TIDU_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (self->pending_path != NULL)
    description = g_markup_printf_escaped ("%s\n\n<small>%s</small>", error->message, self->pending_path);
  else
    description = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, description);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

void
tidu_window_add_toast (TiduWindow *self,
                       AdwToast   *toast)
{
  g_return_if_fail (TIDU_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
tidu_window_get_place (TiduWindow *self)
{
  g_return_val_if_fail (TIDU_IS_WINDOW (self), NULL);

  return places[self->place].id;
}

/**
 * tidu_window_set_place:
 * @self: a #TiduWindow
 * @place: a place id: overview, firms, carriers, talents or subsidies
 *
 * Shows @place; unknown ids are ignored.
 */
void
tidu_window_set_place (TiduWindow *self,
                       const char *place)
{
  GtkListBoxRow *row;
  int index;

  g_return_if_fail (TIDU_IS_WINDOW (self));

  index = find_place (place);
  if (index < 0)
    {
      g_debug ("Ignoring unknown place “%s”", place != NULL ? place : "(null)");
      return;
    }

  if (self->place == (guint) index)
    return;

  self->place = index;

  ensure_page (self, index);
  gtk_stack_set_visible_child_name (self->place_stack, places[index].id);
  adw_window_title_set_title (self->place_title, _(places[index].title));
  update_place_subtitle (self);

  row = gtk_list_box_get_row_at_index (self->sidebar_list, index);
  if (row != gtk_list_box_get_selected_row (self->sidebar_list))
    gtk_list_box_select_row (self->sidebar_list, row);

  /* In a folded window, choosing a place by shortcut shows it at once. */
  if (adw_leaflet_get_folded (self->leaflet) && !gtk_widget_has_focus (GTK_WIDGET (row)))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

/**
 * tidu_window_get_visible_state:
 * @self: a #TiduWindow
 *
 * Returns: "loading", "error" or "places"
 */
const char *
tidu_window_get_visible_state (TiduWindow *self)
{
  g_return_val_if_fail (TIDU_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * tidu_window_show_firms:
 * @self: a #TiduWindow
 * @ids: (array zero-terminated=1): firm ids
 * @description: what they are, for the banner above the list
 *
 * Switches to the Firms place, its list narrowed to exactly @ids.
 */
void
tidu_window_show_firms (TiduWindow         *self,
                        const char * const *ids,
                        const char         *description)
{
  g_return_if_fail (TIDU_IS_WINDOW (self));
  g_return_if_fail (ids != NULL);

  tidu_window_set_place (self, "firms");
  tidu_firms_page_show_firms (TIDU_FIRMS_PAGE (ensure_page (self, find_place ("firms"))), ids, description);
}

/**
 * tidu_window_get_read_only:
 * @self: a #TiduWindow
 *
 * Returns: %TRUE when the window shows a received snapshot, which can only be browsed
 */
gboolean
tidu_window_get_read_only (TiduWindow *self)
{
  g_return_val_if_fail (TIDU_IS_WINDOW (self), FALSE);

  return self->database != NULL && !tidu_ui_can_write (self->database);
}

/* "2026-11-20T06:03:00Z" as the officer's local time, "2026-11-20 14:03". */
static char *
format_exported_at (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (iso != NULL ? iso : "");

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/**
 * tidu_window_set_snapshot:
 * @self: a #TiduWindow
 * @database: a snapshot opened for browsing (tidu_snapshot_open())
 * @info: (transfer full): its manifest
 *
 * Shows a received snapshot: every place browses it, nothing can be edited, and a banner
 * names who exported it and when, with "Merge into My Database…".
 */
void
tidu_window_set_snapshot (TiduWindow       *self,
                          TiduDatabase     *database,
                          TiduSnapshotInfo *info)
{
  g_autofree char *basename = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (TIDU_IS_WINDOW (self));
  g_return_if_fail (TIDU_IS_DATABASE (database));
  g_return_if_fail (info != NULL);

  g_clear_pointer (&self->snapshot, tidu_snapshot_info_free);
  self->snapshot = info;

  basename = g_path_get_basename (info->path);
  when = format_exported_at (info->exported_at);
  if (info->officer != NULL && *info->officer != '\0')
    /* Translators: the banner of a received snapshot: who exported it, and when */
    title = g_strdup_printf (_("Snapshot exported by %s on %s"), info->officer, when);
  else
    /* Translators: the banner of a received snapshot that names nobody */
    title = g_strdup_printf (_("Snapshot exported on %s"), when);
  gtk_label_set_text (self->snapshot_title, title);

  g_string_append (description, _("Read-only: browse it here; nothing can be changed."));
  if (info->region_name != NULL)
    {
      g_string_append_c (description, ' ');
      g_string_append_printf (description, _("Only region %s."), info->region_name);
    }
  if (info->carrier_name != NULL)
    {
      g_string_append_c (description, ' ');
      g_string_append_printf (description, _("Only carrier %s."), info->carrier_name);
    }
  if (info->redacted)
    {
      g_string_append_c (description, ' ');
      g_string_append (description, _("Personal contact data was left out."));
    }
  gtk_label_set_text (self->snapshot_description, description->str);
  gtk_revealer_set_reveal_child (self->snapshot_revealer, TRUE);

  {
    /* Translators: the title of a snapshot's window; %s is the file name */
    g_autofree char *window_title = g_strdup_printf (_("%s (Snapshot)"), basename);

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }

  tidu_window_set_database (self, database);
}

/**
 * tidu_window_get_snapshot:
 * @self: a #TiduWindow
 *
 * Returns: (nullable): the manifest of the snapshot the window browses, or %NULL
 */
const TiduSnapshotInfo *
tidu_window_get_snapshot (TiduWindow *self)
{
  g_return_val_if_fail (TIDU_IS_WINDOW (self), NULL);

  return self->snapshot;
}

/**
 * tidu_window_reload:
 * @self: a #TiduWindow
 *
 * Reads the database again in every place, after an import or a merge changed it.
 */
void
tidu_window_reload (TiduWindow *self)
{
  g_return_if_fail (TIDU_IS_WINDOW (self));

  if (self->database != NULL)
    tidu_window_set_database (self, self->database);
}
