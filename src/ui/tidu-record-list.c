/* tidu-record-list.c: a searchable, filterable, sortable list of records
 *
 * A search entry, a Filters menu, a count, and a GtkColumnView over a TiduListModel. Search,
 * filters and sort all go into the model's SQL query; the view only shows the rows it needs,
 * with one plain label per cell (PERFORMANCE.md §3.4: label rows leave most of a frame free
 * while scrolling 100,000 rows, AdwActionRow does not).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-column-sorter.h"
#include "tidu-form-util.h"
#include "tidu-list-cell.h"
#include "tidu-list-exporter.h"
#include "tidu-record-list.h"
#include "tidu-ui-util.h"

/* A query shorter than this never shows "Searching…", so typing does not make it flicker. */
#define SEARCHING_DELAY_MS 120

typedef struct
{
  const char *field;
  const char *title;
} FilterField;

static const FilterField firm_filters[] = {
  { "tier", N_("Tier") },
  { "region_id", N_("Region") },
  { "carrier_id", N_("Carrier") },
  { "industry", N_("Industry") },
  { "tech_field", N_("Technology field") },
  { "stage", N_("Attraction stage") },
  { "expiring_days", N_("Certification expiring") },
};

static const FilterField carrier_filters[] = {
  { "kind", N_("Kind") },
  { "level", N_("Level") },
  { "region_id", N_("Region") },
  { "grade", N_("Grade") },
};

static const FilterField talent_filters[] = {
  { "plan_id", N_("Talent plan") },
  { "year", N_("Award year") },
  { "region_id", N_("Region") },
};

static const FilterField plan_filters[] = {
  { "level", N_("Level") },
  { "region_id", N_("Region") },
};

static const guint expiring_days[] = { 30, 60, 90, 180 };

/* What the trash view says, by kind. */
typedef struct
{
  const char *title;          /* the banner's title and the place's subtitle */
  const char *description;
  const char *show;           /* the trash toggle's tooltip */
  const char *not_restored;   /* a toast; %s is the reason */
  const char *not_deleted;    /* a toast; %s is the reason */
  const char *purge_heading;
  const char *purge_body;     /* %s is the name */
} TrashTexts;

static const TrashTexts trash_texts[TIDU_N_LISTS] = {
  [TIDU_LIST_FIRMS] = {
    N_("Deleted Firms"),
    N_("Restore a firm to the list, or delete it permanently."),
    N_("Show Deleted Firms"),
    /* Translators: a toast; the second sentence is the reason, such as a firm with the same credit code */
    N_("The firm was not restored. %s"),
    /* Translators: a toast; the second sentence is the reason */
    N_("The firm was not deleted. %s"),
    N_("Delete Firm Permanently?"),
    N_("“%s” is removed for good with its certifications, yearly figures and carrier stays. This cannot be undone."),
  },
  [TIDU_LIST_CARRIERS] = {
    N_("Deleted Carriers"),
    N_("Restore a carrier to the list, or delete it permanently."),
    N_("Show Deleted Carriers"),
    /* Translators: a toast; the second sentence is the reason, such as a carrier with the same name */
    N_("The carrier was not restored. %s"),
    /* Translators: a toast; the second sentence is the reason, such as firms still staying there */
    N_("The carrier was not deleted. %s"),
    N_("Delete Carrier Permanently?"),
    N_("“%s” is removed for good with its level history and yearly statistics. This cannot be undone."),
  },
  [TIDU_LIST_TALENTS] = {
    N_("Deleted Talents"),
    N_("Restore a talent to the list, or delete it permanently."),
    N_("Show Deleted Talents"),
    /* Translators: a toast; the second sentence is the reason */
    N_("The talent was not restored. %s"),
    /* Translators: a toast; the second sentence is the reason, such as awards still naming the talent */
    N_("The talent was not deleted. %s"),
    N_("Delete Talent Permanently?"),
    N_("“%s” is removed for good. This cannot be undone."),
  },
  [TIDU_LIST_TALENT_PLANS] = {
    N_("Deleted Talent Plans"),
    N_("Restore a talent plan to the list, or delete it permanently."),
    N_("Show Deleted Talent Plans"),
    /* Translators: a toast; the second sentence is the reason, such as a plan with the same name */
    N_("The talent plan was not restored. %s"),
    /* Translators: a toast; the second sentence is the reason */
    N_("The talent plan was not deleted. %s"),
    N_("Delete Talent Plan Permanently?"),
    N_("“%s” is removed for good with its categories, batches and deleted awards. This cannot be undone."),
  },
};

typedef struct
{
  const FilterField *field;
  GtkDropDown       *drop_down;
  GPtrArray         *values;  /* NULL first, for "Any" */
} Filter;

struct _TiduRecordList
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkBox          *toolbar;
  GtkSearchEntry  *search_entry;
  GtkMenuButton   *filter_button;
  GtkPopover      *filter_popover;
  GtkGrid         *filter_grid;
  GtkLabel        *count_label;
  GtkStack        *stack;
  GtkColumnView   *column_view;
  GtkRevealer     *trash_revealer;
  GtkLabel        *trash_title;
  GtkLabel        *trash_description;
  GtkWidget       *trash_toggle;

  /* Owned references */
  TiduListModel   *model;
  GArray          *filters;  /* of Filter, built each time the Filters popover opens */

  TiduListKind     kind;
  const TiduListColumn *columns;
  guint            n_columns;
  guint            searching_timeout;
  gboolean         searching;
  gboolean         trash;

  /* The selection to find again after a refresh (see tidu_record_list_refresh()). */
  char            *reselect_id;
  guint            reselect_position;
  gboolean         refocus;
};

static void tidu_record_list_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TiduRecordList, tidu_record_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, tidu_record_list_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATABASE,
  PROP_TRASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORD_ACTIVATED,
  RECORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
filter_clear (Filter *filter)
{
  g_clear_pointer (&filter->values, g_ptr_array_unref);
}

static const FilterField *
filter_fields (TiduListKind  kind,
               guint        *n_fields)
{
  switch (kind)
    {
    case TIDU_LIST_FIRMS:
      *n_fields = G_N_ELEMENTS (firm_filters);
      return firm_filters;

    case TIDU_LIST_CARRIERS:
      *n_fields = G_N_ELEMENTS (carrier_filters);
      return carrier_filters;

    case TIDU_LIST_TALENTS:
      *n_fields = G_N_ELEMENTS (talent_filters);
      return talent_filters;

    case TIDU_LIST_TALENT_PLANS:
      *n_fields = G_N_ELEMENTS (plan_filters);
      return plan_filters;

    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_trash_count (TiduListKind kind,
                    guint        count)
{
  g_autofree char *number = tidu_ui_format_count (count);

  switch (kind)
    {
    case TIDU_LIST_FIRMS:
      /* Translators: %s is a number such as 12,345; the firms in the trash */
      return g_strdup_printf (ngettext ("%s deleted firm", "%s deleted firms", count), number);

    case TIDU_LIST_CARRIERS:
      /* Translators: %s is a number such as 12,345; the carriers in the trash */
      return g_strdup_printf (ngettext ("%s deleted carrier", "%s deleted carriers", count), number);

    case TIDU_LIST_TALENTS:
      /* Translators: %s is a number such as 12,345; the talents in the trash */
      return g_strdup_printf (ngettext ("%s deleted talent", "%s deleted talents", count), number);

    case TIDU_LIST_TALENT_PLANS:
      /* Translators: %s is a number such as 12,345; the talent plans in the trash */
      return g_strdup_printf (ngettext ("%s deleted talent plan", "%s deleted talent plans", count), number);

    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static char *
format_count (TiduListKind kind,
              gboolean     trash,
              guint        count)
{
  g_autofree char *number = NULL;

  if (trash)
    return format_trash_count (kind, count);

  number = tidu_ui_format_count (count);
  switch (kind)
    {
    case TIDU_LIST_FIRMS:
      /* Translators: %s is a number such as 12,345 */
      return g_strdup_printf (ngettext ("%s firm", "%s firms", count), number);

    case TIDU_LIST_CARRIERS:
      /* Translators: %s is a number such as 12,345; innovation carriers (科创载体) */
      return g_strdup_printf (ngettext ("%s carrier", "%s carriers", count), number);

    case TIDU_LIST_TALENTS:
      /* Translators: %s is a number such as 12,345 */
      return g_strdup_printf (ngettext ("%s talent", "%s talents", count), number);

    case TIDU_LIST_TALENT_PLANS:
      /* Translators: %s is a number such as 12,345 */
      return g_strdup_printf (ngettext ("%s talent plan", "%s talent plans", count), number);

    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
has_criteria (TiduRecordList *self)
{
  const TiduListQuery *query = tidu_list_model_get_query (self->model);
  const FilterField *fields;
  guint n_fields;

  if (tidu_list_query_get_search (query) != NULL)
    return TRUE;

  fields = filter_fields (self->kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (tidu_list_query_get_filter (query, fields[i].field) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
update_status (TiduRecordList *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gboolean loaded = tidu_list_model_get_loaded (self->model);

  if (!loaded && tidu_list_model_get_database (self->model) != NULL)
    {
      gtk_label_set_text (self->count_label, _("Loading…"));
    }
  else if (self->searching)
    {
      gtk_label_set_text (self->count_label, _("Searching…"));
    }
  else
    {
      g_autofree char *text = format_count (self->kind, self->trash, tidu_list_model_get_n_rows (self->model));

      gtk_label_set_text (self->count_label, text);
    }

  if (loaded && !tidu_list_model_get_loading (self->model) && n_items == 0 && has_criteria (self))
    gtk_stack_set_visible_child_name (self->stack, "no-results");
  else if (loaded && !tidu_list_model_get_loading (self->model) && n_items == 0 && self->trash)
    gtk_stack_set_visible_child_name (self->stack, "empty-trash");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static gboolean
searching_timeout_cb (gpointer user_data)
{
  TiduRecordList *self = user_data;

  self->searching_timeout = 0;
  self->searching = TRUE;
  update_status (self);

  return G_SOURCE_REMOVE;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        return child;
    }

  return NULL;
}

static char *
item_id (TiduRecordList *self,
         guint           position)
{
  g_autoptr(TiduListItem) item = NULL;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return item != NULL ? g_strdup (tidu_list_item_get_id (item)) : NULL;
}

/* After a refresh the selected record is usually where it was, or one row off when a row
 * above it went; when the record itself went, the row that took its place is selected, so
 * that Delete pressed again deletes the next one. */
static void
reselect (TiduRecordList *self)
{
  g_autofree char *id = g_steal_pointer (&self->reselect_id);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint old = self->reselect_position;
  guint position = GTK_INVALID_LIST_POSITION;
  gboolean refocus = self->refocus;
  GtkWidget *list_view;

  self->refocus = FALSE;
  if (id == NULL || n_items == 0)
    return;

  for (int delta = 0; delta <= 1 && position == GTK_INVALID_LIST_POSITION; delta++)
    {
      guint candidates[] = { old - delta, old + delta };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_autofree char *candidate = NULL;

          if ((delta > 0 && i == 0 && old == 0) || candidates[i] >= n_items)
            continue;
          candidate = item_id (self, candidates[i]);
          if (g_strcmp0 (candidate, id) == 0)
            {
              position = candidates[i];
              break;
            }
        }
    }
  if (position == GTK_INVALID_LIST_POSITION)
    position = MIN (old, n_items - 1);

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->model), position, TRUE);
  list_view = find_list_view (GTK_WIDGET (self->column_view));
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
  if (refocus)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
model_loading_cb (TiduRecordList *self)
{
  g_clear_handle_id (&self->searching_timeout, g_source_remove);
  self->searching = FALSE;

  if (tidu_list_model_get_loading (self->model))
    self->searching_timeout = g_timeout_add (SEARCHING_DELAY_MS, searching_timeout_cb, self);

  update_status (self);
}

/* A new result arrives as one items-changed, just after loading went FALSE. */
static void
model_items_changed_cb (TiduRecordList *self)
{
  if (self->reselect_id != NULL && !tidu_list_model_get_loading (self->model))
    reselect (self);
}

/* Rows for a new search, filter or sort show from the first; a refresh keeps the place. */
static void
model_new_criteria_cb (TiduRecordList *self)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->column_view));

  if (list_view != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", 0);
}

static void
model_failed_cb (TiduRecordList *self,
                 const GError   *error)
{
  gtk_label_set_text (self->count_label, error->message);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   TiduRecordList *self)
{
  tidu_list_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (GtkSearchEntry *entry,
                TiduRecordList *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Enter in the search entry goes to the first result. */
static void
search_activate_cb (GtkSearchEntry *entry,
                    TiduRecordList *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->model), 0, TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

/* ------------------------------------------------------------------ the trash */

/* The rows as the list shows them now: search, filters, sort, live rows or the trash. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TiduRecordList *self = TIDU_RECORD_LIST (widget);

  TiduDatabase *database = tidu_list_model_get_database (self->model);

  if (database == NULL)
    return;
  tidu_list_exporter_choose (widget, database, tidu_list_model_get_query (self->model));
}

static GtkWindow *
get_window (TiduRecordList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_trash_actions (TiduRecordList *self)
{
  gboolean selected = self->model != NULL
    && tidu_list_model_get_selected (self->model) != GTK_INVALID_LIST_POSITION;

  TiduDatabase *database = self->model != NULL ? tidu_list_model_get_database (self->model) : NULL;
  gboolean writable = database != NULL && !tidu_database_get_read_only (database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.restore", self->trash && selected && writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.purge", self->trash && selected && writable);
}

/* The name of @id as the rows show it: talents and plans in the trash do not load. */
static char *
name_in_rows (TiduRecordList *self,
              const char     *id)
{
  guint name_column = G_MAXUINT;
  guint selected = tidu_list_model_get_selected (self->model);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  for (guint i = 0; i < self->n_columns; i++)
    {
      if (g_str_equal (self->columns[i].id, "name"))
        name_column = i;
    }
  if (name_column == G_MAXUINT)
    return NULL;

  for (guint i = 0; i <= n_items; i++)
    {
      /* The selected row first: it is most of the time the one. */
      guint position = i == 0 ? selected : i - 1;
      g_autoptr(TiduListItem) item = NULL;

      if (position >= n_items || (i > 0 && position == selected))
        continue;
      item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
      if (item != NULL && g_strcmp0 (tidu_list_item_get_id (item), id) == 0
          && tidu_list_item_get_cell (item, name_column) != NULL)
        return g_strdup (tidu_list_item_get_cell (item, name_column));
    }

  return NULL;
}

static char *
dup_record_name (TiduRecordList  *self,
                 const char      *id,
                 GError         **error)
{
  TiduDatabase *database = tidu_list_model_get_database (self->model);
  char *name = name_in_rows (self, id);

  if (name != NULL)
    return name;

  switch (self->kind)
    {
    case TIDU_LIST_FIRMS:
      {
        g_autoptr(TiduFirm) firm = tidu_firm_load (database, id, error);
        return firm != NULL ? g_strdup (firm->name) : NULL;
      }

    case TIDU_LIST_CARRIERS:
      {
        g_autoptr(TiduCarrier) carrier = tidu_carrier_load (database, id, error);
        return carrier != NULL ? g_strdup (carrier->name) : NULL;
      }

    case TIDU_LIST_TALENTS:
      {
        g_autoptr(TiduTalent) talent = tidu_talent_load (database, id, error);
        return talent != NULL ? g_strdup (talent->name) : NULL;
      }

    case TIDU_LIST_TALENT_PLANS:
      {
        g_autoptr(TiduTalentPlan) plan = tidu_talent_plan_load (database, id, error);
        return plan != NULL ? g_strdup (plan->name) : NULL;
      }

    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
core_restore (TiduRecordList  *self,
              const char      *id,
              GError         **error)
{
  TiduDatabase *database = tidu_list_model_get_database (self->model);

  switch (self->kind)
    {
    case TIDU_LIST_FIRMS:
      return tidu_firm_restore (database, id, error);
    case TIDU_LIST_CARRIERS:
      return tidu_carrier_restore (database, id, error);
    case TIDU_LIST_TALENTS:
      return tidu_talent_restore (database, id, error);
    case TIDU_LIST_TALENT_PLANS:
      return tidu_talent_plan_restore (database, id, error);
    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
core_purge (TiduRecordList  *self,
            const char      *id,
            GError         **error)
{
  TiduDatabase *database = tidu_list_model_get_database (self->model);

  switch (self->kind)
    {
    case TIDU_LIST_FIRMS:
      return tidu_firm_purge (database, id, error);
    case TIDU_LIST_CARRIERS:
      return tidu_carrier_purge (database, id, error);
    case TIDU_LIST_TALENTS:
      return tidu_talent_purge (database, id, error);
    case TIDU_LIST_TALENT_PLANS:
      return tidu_talent_plan_purge (database, id, error);
    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

/* Fills the one %s of a translated text of trash_texts. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
format_text (const char *format,
             const char *arg)
{
  return g_strdup_printf (_(format), arg);
}
#pragma GCC diagnostic pop

static void
show_error_toast (TiduRecordList *self,
                  const char     *format,
                  const GError   *error)
{
  g_autofree char *message = format_text (format, error->message);
  AdwToast *toast = tidu_form_toast_new (message);

  /* Normal priority: see tidu-undo.c for what a high one does in libadwaita 1.2. */
  adw_toast_set_timeout (toast, 0);
  tidu_form_show_toast (GTK_WIDGET (self), toast);
}

/* After a restore or a purge: the list runs its query again and tells its page. */
static void
trash_changed (TiduRecordList *self)
{
  tidu_record_list_refresh (self);
  g_signal_emit (self, signals[RECORDS_CHANGED], 0);
}

/* Open on the "restored" toast: back to the live records, where the page opens it. */
static void
restored_toast_clicked_cb (AdwToast       *toast,
                           TiduRecordList *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "tidu-record-id");

  tidu_record_list_set_trash (self, FALSE);
  g_signal_emit (self, signals[RECORD_ACTIVATED], 0, id);
}

static void
purge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TiduRecordList   *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "tidu-record-id");
  const char *name = g_object_get_data (G_OBJECT (dialog), "tidu-record-name");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "delete") != 0 || tidu_list_model_get_database (self->model) == NULL)
    return;

  if (!core_purge (self, id, &error))
    {
      show_error_toast (self, trash_texts[self->kind].not_deleted, error);
      trash_changed (self);
      return;
    }

  /* Translators: a toast after removing a record from the trash for good */
  title = g_strdup_printf (_("“%s” deleted permanently"), name);
  tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (title));
  trash_changed (self);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduRecordList *self = TIDU_RECORD_LIST (widget);
  g_autofree char *id = tidu_record_list_dup_selected_id (self);

  if (id != NULL && self->trash)
    tidu_record_list_restore (self, id);
}

static void
purge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TiduRecordList *self = TIDU_RECORD_LIST (widget);
  g_autofree char *id = tidu_record_list_dup_selected_id (self);

  if (id != NULL && self->trash)
    tidu_record_list_purge (self, id);
}

static void
column_view_activate_cb (GtkColumnView  *view,
                         guint           position,
                         TiduRecordList *self)
{
  g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (item == NULL || tidu_list_item_get_id (item) == NULL)
    return;

  /* In the trash, Enter restores the record. */
  if (self->trash)
    tidu_record_list_restore (self, tidu_list_item_get_id (item));
  else
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, tidu_list_item_get_id (item));
}

static void
view_sorter_changed_cb (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        TiduRecordList  *self)
{
  gboolean descending = FALSE;
  const char *column_id = tidu_column_sorter_probe (sorter, &descending);

  tidu_list_model_set_sort (self->model, column_id, descending);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  const TiduListColumn *column = user_data;

  gtk_list_item_set_child (list_item, tidu_list_cell_new (column->numeric));
}

/* The model refills the items it keeps when the list changes (a search, a sort, a refresh):
 * bound cells follow their item. */
static void
cell_item_changed_cb (TiduListItem *item,
                      TiduListCell *cell)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column-index"));

  tidu_list_cell_set_text (cell, tidu_list_item_get_cell (item, index));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  TiduListItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (cell), "column-index", g_object_get_data (G_OBJECT (factory), "column-index"));
  cell_item_changed_cb (item, TIDU_LIST_CELL (cell));
  g_signal_connect_object (item, "changed", G_CALLBACK (cell_item_changed_cb), cell, 0);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  TiduListItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, cell_item_changed_cb, gtk_list_item_get_child (list_item));
}

/* Fixed widths keep the columns still while scrolling: the view would otherwise measure the
 * visible cells again on every scroll. The name column also takes the remaining room. */
static int
column_width (const TiduListColumn *column)
{
  static const struct {
    const char *id;
    int         width;
  } widths[] = {
    { "name", 200 },
    { "uscc", 170 },
    { "carrier", 150 },
    { "firm", 220 },
    { "plans", 180 },
    { "tier", 130 },
    { "kind", 150 },
    { "region", 110 },
    { "industry", 100 },
    { "grade", 110 },
    { "stage", 70 },
    { "level", 80 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      if (g_str_equal (column->id, widths[i].id))
        return widths[i].width;
    }

  return column->numeric ? 100 : 140;
}

static void
add_columns (TiduRecordList *self)
{
  self->columns = tidu_list_get_columns (self->kind, &self->n_columns);

  for (guint i = 0; i < self->n_columns; i++)
    {
      const TiduListColumn *column = &self->columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      g_object_set_data (G_OBJECT (factory), "column-index", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer) column);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);

      view_column = gtk_column_view_column_new (column->title, g_object_ref (factory));
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_fixed_width (view_column, column_width (column));
      gtk_column_view_column_set_expand (view_column, i == 0);

      if (column->sortable)
        {
          g_autoptr(GtkSorter) sorter = tidu_column_sorter_new (column->id);

          gtk_column_view_column_set_sorter (view_column, sorter);
        }

      gtk_column_view_append_column (self->column_view, view_column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, 0);
}

static void
update_filter_button (TiduRecordList *self)
{
  const TiduListQuery *query = tidu_list_model_get_query (self->model);
  const FilterField *fields;
  guint n_fields;
  guint active = 0;

  fields = filter_fields (self->kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (tidu_list_query_get_filter (query, fields[i].field) != NULL)
        active++;
    }

  if (active == 0)
    {
      gtk_menu_button_set_label (self->filter_button, _("_Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
    }
  else
    {
      /* Translators: the Filters button when %u filters narrow the list */
      g_autofree char *label = g_strdup_printf (ngettext ("_Filters (%u)", "_Filters (%u)", active), active);

      gtk_menu_button_set_label (self->filter_button, label);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.reset-filters", active > 0);
}

static void
filter_selected_cb (GtkDropDown    *drop_down,
                    GParamSpec     *pspec,
                    TiduRecordList *self)
{
  for (guint i = 0; self->filters != NULL && i < self->filters->len; i++)
    {
      Filter *filter = &g_array_index (self->filters, Filter, i);
      guint selected;

      if (filter->drop_down != drop_down)
        continue;

      selected = gtk_drop_down_get_selected (drop_down);
      tidu_list_model_set_filter (self->model, filter->field->field,
                                  selected < filter->values->len ? g_ptr_array_index (filter->values, selected) : NULL);
      break;
    }

  update_filter_button (self);
}

static void
load_choices (TiduRecordList    *self,
              const FilterField *field,
              GtkStringList     *labels,
              GPtrArray         *values)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (field->field, "expiring_days"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (expiring_days); i++)
        {
          /* Translators: a choice of the "Certification expiring" filter */
          g_autofree char *label = g_strdup_printf (ngettext ("Within %u day", "Within %u days", expiring_days[i]),
                                                    expiring_days[i]);

          gtk_string_list_append (labels, label);
          g_ptr_array_add (values, g_strdup_printf ("%u", expiring_days[i]));
        }
      return;
    }

  choices = tidu_list_filter_choices (tidu_list_model_get_database (self->model), self->kind, field->field, &error);
  if (choices == NULL)
    {
      g_warning ("Could not list the choices of %s: %s", field->field, error->message);
      return;
    }

  for (guint i = 0; i < choices->len; i++)
    {
      TiduListChoice *choice = g_ptr_array_index (choices, i);

      gtk_string_list_append (labels, choice->label != NULL ? choice->label : choice->value);
      g_ptr_array_add (values, g_strdup (choice->value));
    }
}

static void
clear_filter_grid (TiduRecordList *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_grid))) != NULL)
    gtk_grid_remove (self->filter_grid, child);

  g_clear_pointer (&self->filters, g_array_unref);
}

/* The choices come from the database, so they are read when the popover opens rather than
 * before the first frame. */
static void
build_filters (TiduRecordList *self)
{
  const TiduListQuery *query = tidu_list_model_get_query (self->model);
  const FilterField *fields;
  guint n_fields;

  clear_filter_grid (self);
  if (tidu_list_model_get_database (self->model) == NULL)
    return;

  self->filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_array_set_clear_func (self->filters, (GDestroyNotify) filter_clear);

  fields = filter_fields (self->kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
      const char *current = tidu_list_query_get_filter (query, fields[i].field);
      GtkWidget *label;
      GtkWidget *drop_down;
      Filter filter = { 0 };
      guint selected = 0;

      filter.field = &fields[i];
      filter.values = g_ptr_array_new_with_free_func (g_free);

      gtk_string_list_append (labels, C_("filter", "Any"));
      g_ptr_array_add (filter.values, NULL);
      load_choices (self, &fields[i], labels, filter.values);

      for (guint j = 1; current != NULL && j < filter.values->len; j++)
        {
          if (g_strcmp0 (g_ptr_array_index (filter.values, j), current) == 0)
            selected = j;
        }

      label = gtk_label_new (_(fields[i].title));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_grid_attach (self->filter_grid, label, 0, i, 1, 1);

      drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
      gtk_widget_set_size_request (drop_down, 220, -1);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
      if (filter.values->len > 12)
        {
          gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down),
                                        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
          gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
        }
      gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                      -1);
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (filter_selected_cb), self, 0);
      gtk_grid_attach (self->filter_grid, drop_down, 1, i, 1, 1);

      filter.drop_down = GTK_DROP_DOWN (drop_down);
      g_array_append_val (self->filters, filter);
    }
}

/* The choices are read again on every opening: a region added in Preferences or a carrier
 * added since then is there, and the current selections stay. */
static void
filter_popover_show_cb (GtkPopover     *popover,
                        TiduRecordList *self)
{
  build_filters (self);
}

static void
reset_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TiduRecordList *self = TIDU_RECORD_LIST (widget);
  const FilterField *fields;
  guint n_fields;

  fields = filter_fields (self->kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    tidu_list_model_set_filter (self->model, fields[i].field, NULL);

  for (guint i = 0; self->filters != NULL && i < self->filters->len; i++)
    gtk_drop_down_set_selected (g_array_index (self->filters, Filter, i).drop_down, 0);

  update_filter_button (self);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tidu_record_list_focus_search (TIDU_RECORD_LIST (widget));
}

/* Escape anywhere in the list clears the search; with no search it is left to others. */
static gboolean
clear_search_binding (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  TiduRecordList *self = TIDU_RECORD_LIST (widget);

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  return TRUE;
}

/* <child type="start"> and <child type="end"> put a page's own buttons into the toolbar,
 * before the search entry and after the count. */
static void
tidu_record_list_buildable_add_child (GtkBuildable *buildable,
                                      GtkBuilder   *builder,
                                      GObject      *child,
                                      const char   *type)
{
  TiduRecordList *self = TIDU_RECORD_LIST (buildable);

  if (self->toolbar != NULL && GTK_IS_WIDGET (child) && g_strcmp0 (type, "start") == 0)
    tidu_record_list_add_toolbar_widget (self, GTK_WIDGET (child), FALSE);
  else if (self->toolbar != NULL && GTK_IS_WIDGET (child) && g_strcmp0 (type, "end") == 0)
    tidu_record_list_add_toolbar_widget (self, GTK_WIDGET (child), TRUE);
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
tidu_record_list_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = tidu_record_list_buildable_add_child;
}

static void
tidu_record_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TiduRecordList *self = TIDU_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, tidu_record_list_get_database (self));
      break;

    case PROP_TRASH:
      g_value_set_boolean (value, self->trash);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_record_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TiduRecordList *self = TIDU_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_DATABASE:
      tidu_record_list_set_database (self, g_value_get_object (value));
      break;

    case PROP_TRASH:
      tidu_record_list_set_trash (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The list's query waits until the list is first shown: places not on screen at start-up
 * run none (DESIGN.md §4). */
static void
first_map_cb (TiduRecordList *self)
{
  g_signal_handlers_disconnect_by_func (self, first_map_cb, NULL);
  tidu_list_model_set_deferred (self->model, FALSE);
}

static void
tidu_record_list_constructed (GObject *object)
{
  TiduRecordList *self = TIDU_RECORD_LIST (object);

  G_OBJECT_CLASS (tidu_record_list_parent_class)->constructed (object);

  self->model = tidu_list_model_new (self->kind, NULL);
  tidu_list_model_set_deferred (self->model, TRUE);
  g_signal_connect (self, "map", G_CALLBACK (first_map_cb), NULL);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "failed", G_CALLBACK (model_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "new-criteria", G_CALLBACK (model_new_criteria_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (self->model, "selection-changed", G_CALLBACK (update_trash_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_trash_actions), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  add_columns (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->model));

  gtk_label_set_text (self->trash_title, _(trash_texts[self->kind].title));
  gtk_label_set_text (self->trash_description, _(trash_texts[self->kind].description));
  gtk_widget_set_tooltip_text (self->trash_toggle, _(trash_texts[self->kind].show));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->trash_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(trash_texts[self->kind].show),
                                  -1);
  update_trash_actions (self);

  update_filter_button (self);
  update_status (self);
}

static void
tidu_record_list_dispose (GObject *object)
{
  TiduRecordList *self = TIDU_RECORD_LIST (object);

  g_clear_handle_id (&self->searching_timeout, g_source_remove);
  /* A running query keeps the model alive past this widget. */
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_RECORD_LIST);
  g_clear_pointer (&self->filters, g_array_unref);
  g_clear_pointer (&self->reselect_id, g_free);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tidu_record_list_parent_class)->dispose (object);
}

static void
tidu_record_list_class_init (TiduRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tidu_record_list_get_property;
  object_class->set_property = tidu_record_list_set_property;
  object_class->constructed = tidu_record_list_constructed;
  object_class->dispose = tidu_record_list_dispose;

  /* A TiduListKind; the core has no enum GType, so an int. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, TIDU_N_LISTS - 1, TIDU_LIST_FIRMS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the list shows the records in the trash instead of the live ones. */
  properties[PROP_TRASH] =
    g_param_spec_boolean ("trash", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiduRecordList::record-activated:
   * @id: the id of the record
   *
   * A row was activated with Enter or a double click.
   */
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TiduRecordList::records-changed:
   *
   * A record was restored from the trash or deleted permanently (or that failed because
   * the record changed meanwhile); the list has run its query again.
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "list.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "list.purge", NULL, purge_action);
  gtk_widget_class_install_property_action (widget_class, "list.show-trash", "trash");
  gtk_widget_class_install_action (widget_class, "list.search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "list.reset-filters", NULL, reset_filters_action);
  gtk_widget_class_install_action (widget_class, "list.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "list.search", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, clear_search_binding, NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, box);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, toolbar);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, filter_button);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, filter_grid);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, trash_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, trash_title);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, trash_description);
  gtk_widget_class_bind_template_child (widget_class, TiduRecordList, trash_toggle);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

static void
tidu_record_list_init (TiduRecordList *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+F also works while the focus is elsewhere in the window (the sidebar, say): a
   * managed controller is run by the window, and only while this list is mapped, that is
   * only for the place on screen. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("list.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

/**
 * tidu_record_list_new:
 * @kind: what the list holds
 *
 * Returns: (transfer floating): a new record list without a database
 */
GtkWidget *
tidu_record_list_new (TiduListKind kind)
{
  return g_object_new (TIDU_TYPE_RECORD_LIST, "kind", kind, NULL);
}

TiduListKind
tidu_record_list_get_kind (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), TIDU_LIST_FIRMS);

  return self->kind;
}

TiduDatabase *
tidu_record_list_get_database (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), NULL);

  return tidu_list_model_get_database (self->model);
}

/**
 * tidu_record_list_set_database:
 * @self: a #TiduRecordList
 * @database: (nullable): the database to list, used on the main thread
 *
 * Lists the records of @database; setting the same database again refreshes the list and
 * its filter choices.
 */
void
tidu_record_list_set_database (TiduRecordList *self,
                               TiduDatabase   *database)
{
  gboolean changed;

  g_return_if_fail (TIDU_IS_RECORD_LIST (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  changed = tidu_list_model_get_database (self->model) != database;

  /* Choices may have changed with the records: read them again on the next opening. */
  clear_filter_grid (self);
  tidu_list_model_set_database (self->model, database);
  update_status (self);
  update_trash_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.export", database != NULL);

  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * tidu_record_list_get_model:
 * @self: a #TiduRecordList
 *
 * Returns: (transfer none): the list's model, which is also the view's selection
 */
TiduListModel *
tidu_record_list_get_model (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), NULL);

  return self->model;
}

/**
 * tidu_record_list_refresh:
 * @self: a #TiduRecordList
 *
 * Runs the list's query again, after records changed.
 */
void
tidu_record_list_refresh (TiduRecordList *self)
{
  guint selected;
  GtkRoot *root;
  GtkWidget *focus = NULL;

  g_return_if_fail (TIDU_IS_RECORD_LIST (self));

  selected = tidu_list_model_get_selected (self->model);
  g_clear_pointer (&self->reselect_id, g_free);
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      self->reselect_id = item_id (self, selected);
      self->reselect_position = selected;
      root = gtk_widget_get_root (GTK_WIDGET (self));
      if (root != NULL)
        focus = gtk_root_get_focus (root);
      self->refocus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view));
    }

  clear_filter_grid (self);
  tidu_list_model_refresh (self->model);
}

void
tidu_record_list_focus_search (TiduRecordList *self)
{
  g_return_if_fail (TIDU_IS_RECORD_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * tidu_record_list_get_count_text:
 * @self: a #TiduRecordList
 *
 * Returns: what the count label shows, such as "12,345 firms" or "Searching…"
 */
const char *
tidu_record_list_get_count_text (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), NULL);

  return gtk_label_get_text (self->count_label);
}

/**
 * tidu_record_list_get_visible_state:
 * @self: a #TiduRecordList
 *
 * Returns: "list", "no-results" when a search or filter matches nothing, or "empty-trash"
 *   when the list shows the trash and it holds nothing
 */
const char *
tidu_record_list_get_visible_state (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * tidu_record_list_get_trash:
 * @self: a #TiduRecordList
 *
 * Returns: whether the list shows the records in the trash
 */
gboolean
tidu_record_list_get_trash (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), FALSE);

  return self->trash;
}

/**
 * tidu_record_list_set_trash:
 * @self: a #TiduRecordList
 * @trash: %TRUE to list the records in the trash, %FALSE for the live ones
 *
 * Switches between the live records and the trash; the search and filters stay.
 */
void
tidu_record_list_set_trash (TiduRecordList *self,
                            gboolean        trash)
{
  g_return_if_fail (TIDU_IS_RECORD_LIST (self));

  trash = !!trash;
  if (trash == self->trash)
    return;

  self->trash = trash;
  g_clear_pointer (&self->reselect_id, g_free);
  g_object_set (self->search_entry, "placeholder-text", trash ? _("Search the trash") : _("Search"), NULL);
  tidu_list_model_set_trash (self->model, trash);
  gtk_revealer_set_reveal_child (self->trash_revealer, trash);
  update_status (self);
  update_trash_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRASH]);
}

/**
 * tidu_record_list_dup_selected_id:
 * @self: a #TiduRecordList
 *
 * Returns: (transfer full) (nullable): the id of the selected record
 */
char *
tidu_record_list_dup_selected_id (TiduRecordList *self)
{
  guint selected;

  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), NULL);

  selected = tidu_list_model_get_selected (self->model);
  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return item_id (self, selected);
}

/**
 * tidu_record_list_get_search_text:
 * @self: a #TiduRecordList
 *
 * Returns: what the search entry holds
 */
const char *
tidu_record_list_get_search_text (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * tidu_record_list_focus_view:
 * @self: a #TiduRecordList
 *
 * Moves the keyboard focus to the rows, on the selected one when the view still tracks it.
 */
void
tidu_record_list_focus_view (TiduRecordList *self)
{
  g_return_if_fail (TIDU_IS_RECORD_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/**
 * tidu_record_list_add_toolbar_widget:
 * @self: a #TiduRecordList
 * @widget: a button or the like
 * @at_end: %TRUE to put @widget after the count, %FALSE before the search entry
 *
 * Adds a page's own control to the list's toolbar, such as a New button.
 */
void
tidu_record_list_add_toolbar_widget (TiduRecordList *self,
                                     GtkWidget      *widget,
                                     gboolean        at_end)
{
  g_return_if_fail (TIDU_IS_RECORD_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (at_end)
    gtk_box_append (self->toolbar, widget);
  else
    gtk_box_prepend (self->toolbar, widget);
}

/**
 * tidu_record_list_get_trash_title:
 * @self: a #TiduRecordList
 *
 * Returns: what the trash view is called, such as "Deleted Firms"
 */
const char *
tidu_record_list_get_trash_title (TiduRecordList *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), NULL);

  return _(trash_texts[self->kind].title);
}

/**
 * tidu_record_list_has_deleted:
 * @self: a #TiduRecordList
 *
 * Returns: whether the trash holds records of the list's kind
 */
gboolean
tidu_record_list_has_deleted (TiduRecordList *self)
{
  TiduDatabase *database;
  g_autoptr(TiduListQuery) query = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), FALSE);

  database = tidu_list_model_get_database (self->model);
  if (database == NULL)
    return FALSE;

  query = tidu_list_query_new (self->kind);
  tidu_list_query_set_trash (query, TRUE);
  rowids = tidu_list_query_run (database, query, &error);
  if (rowids == NULL)
    {
      g_warning ("Could not look into the trash: %s", error->message);
      return FALSE;
    }

  return rowids->len > 0;
}

/**
 * tidu_record_list_restore:
 * @self: a #TiduRecordList
 * @id: a record in the trash
 *
 * Puts @id back among the live records, with a toast that offers to open it (through
 * #TiduRecordList::record-activated, after leaving the trash). A refusal of the core, such
 * as a live record with the same name, shows in a toast.
 *
 * Returns: whether the record was restored
 */
gboolean
tidu_record_list_restore (TiduRecordList *self,
                          const char     *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (TIDU_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (tidu_list_model_get_database (self->model) == NULL)
    return FALSE;

  name = dup_record_name (self, id, &error);
  if (name == NULL || !core_restore (self, id, &error))
    {
      show_error_toast (self, trash_texts[self->kind].not_restored, error);
      trash_changed (self);
      return FALSE;
    }

  /* Translators: a toast after restoring a record from the trash; the name is in quotes */
  title = g_strdup_printf (_("“%s” restored"), name);
  toast = tidu_form_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "tidu-record-id", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (restored_toast_clicked_cb), self, 0);
  tidu_form_show_toast (GTK_WIDGET (self), toast);

  trash_changed (self);
  return TRUE;
}

/**
 * tidu_record_list_purge:
 * @self: a #TiduRecordList
 * @id: a record in the trash
 *
 * Asks whether to delete @id permanently and does so when confirmed; a refusal of the core,
 * such as records that still point at it, shows in a toast.
 */
void
tidu_record_list_purge (TiduRecordList *self,
                        const char     *id)
{
  const TrashTexts *texts;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (TIDU_IS_RECORD_LIST (self));
  g_return_if_fail (id != NULL);

  if (tidu_list_model_get_database (self->model) == NULL)
    return;

  texts = &trash_texts[self->kind];
  name = dup_record_name (self, id, &error);
  if (name == NULL)
    {
      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (error->message));
      trash_changed (self);
      return;
    }

  body = format_text (texts->purge_body, name);
  dialog = adw_message_dialog_new (get_window (self), _(texts->purge_heading), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete Permanently"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tidu-record-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "tidu-record-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (purge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tidu_record_list_purge_selected:
 * @self: a #TiduRecordList
 *
 * Asks whether to delete the selected record permanently, when the list shows the trash.
 */
void
tidu_record_list_purge_selected (TiduRecordList *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (TIDU_IS_RECORD_LIST (self));

  id = tidu_record_list_dup_selected_id (self);
  if (id != NULL && self->trash)
    tidu_record_list_purge (self, id);
}

/**
 * tidu_record_list_reset_criteria:
 * @self: a #TiduRecordList
 *
 * Clears the search and the Filters popover's filters, so the list shows every record that
 * the filters set from code (such as "ids") keep.
 */
void
tidu_record_list_reset_criteria (TiduRecordList *self)
{
  g_return_if_fail (TIDU_IS_RECORD_LIST (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  tidu_list_model_set_search (self->model, NULL);
  reset_filters_action (GTK_WIDGET (self), NULL, NULL);
}
