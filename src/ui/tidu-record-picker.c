/* tidu-record-picker.c: choose one record by typing part of its name
 *
 * An entry where the officer types part of a name (or of a firm's credit code); a popover
 * under it lists the first matches from the core's search (TIDU_RECORD_PICKER_MAX_MATCHES
 * of them), and clicking one, or Enter on it, picks it. Nothing is loaded before the officer
 * types, so the picker opens at once on a database of 100,000 firms, where a drop-down of
 * every firm would not.
 *
 * Keys in the entry: Down and Up move through the matches, Enter picks the highlighted one,
 * Escape closes the matches. The clear icon, or emptying the entry, picks nothing.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-record-picker.h"

struct _TiduRecordPicker
{
  GtkWidget           parent_instance;

  GtkWidget          *entry;
  GtkWidget          *popover;
  GtkStack           *popover_stack;
  GtkWidget          *list_view;
  GtkSingleSelection *selection;
  GtkStringList      *names;
  GPtrArray          *rows;   /* of TiduListRow, in the order of @names */

  TiduDatabase       *database;
  char               *value;
  TiduListKind        kind;
  guint               name_column;
  int                 detail_column;  /* the credit code of a firm, or -1 */
  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (TiduRecordPicker, tidu_record_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATABASE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
load_name (TiduRecordPicker *self,
           const char       *id)
{
  switch (self->kind)
    {
    case TIDU_LIST_FIRMS:
      {
        g_autoptr(TiduFirm) firm = tidu_firm_load (self->database, id, NULL);
        return firm != NULL ? g_strdup (firm->name) : NULL;
      }

    case TIDU_LIST_CARRIERS:
      {
        g_autoptr(TiduCarrier) carrier = tidu_carrier_load (self->database, id, NULL);
        return carrier != NULL ? g_strdup (carrier->name) : NULL;
      }

    case TIDU_LIST_TALENTS:
      {
        g_autoptr(TiduTalent) talent = tidu_talent_load (self->database, id, NULL);
        return talent != NULL ? g_strdup (talent->name) : NULL;
      }

    case TIDU_LIST_TALENT_PLANS:
      {
        g_autoptr(TiduTalentPlan) plan = tidu_talent_plan_load (self->database, id, NULL);
        return plan != NULL ? g_strdup (plan->name) : NULL;
      }

    case TIDU_N_LISTS:
    default:
      g_assert_not_reached ();
    }
}

static void
set_text (TiduRecordPicker *self,
          const char       *text)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->updating = FALSE;
}

/* The clear icon while there is text; a warning look while typed text picks nothing. */
static void
update_entry (TiduRecordPicker *self)
{
  gboolean empty = *gtk_editable_get_text (GTK_EDITABLE (self->entry)) == '\0';

  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (self->entry), GTK_ENTRY_ICON_SECONDARY,
                                     empty ? NULL : "edit-clear-symbolic");
  if (!empty && self->value == NULL)
    gtk_widget_add_css_class (self->entry, "warning");
  else
    gtk_widget_remove_css_class (self->entry, "warning");
}

static void
set_value_internal (TiduRecordPicker *self,
                    const char       *id)
{
  if (g_strcmp0 (self->value, id) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (id);
  update_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
hide_matches (TiduRecordPicker *self)
{
  if (gtk_widget_get_visible (self->popover))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
clear_matches (TiduRecordPicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->names));

  gtk_string_list_splice (self->names, 0, n, NULL);
  g_ptr_array_set_size (self->rows, 0);
}

static void
search (TiduRecordPicker *self,
        const char       *text)
{
  g_autoptr(TiduListQuery) query = NULL;
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint n;

  clear_matches (self);
  if (self->database == NULL || text == NULL || *text == '\0')
    {
      hide_matches (self);
      return;
    }

  query = tidu_list_query_new (self->kind);
  tidu_list_query_set_search (query, text);
  rowids = tidu_list_query_run (self->database, query, &error);
  n = rowids != NULL ? MIN (rowids->len, TIDU_RECORD_PICKER_MAX_MATCHES) : 0;
  if (n > 0)
    rows = tidu_list_fetch_rows (self->database, query, (const gint64 *) (gpointer) rowids->data, n, &error);
  if (error != NULL)
    g_warning ("Could not search: %s", error->message);

  names = g_ptr_array_new ();
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      TiduListRow *row = g_ptr_array_index (rows, i);

      if (row->id == NULL)
        continue;
      g_ptr_array_add (names, row->cells[self->name_column] != NULL ? row->cells[self->name_column] : row->id);
      g_ptr_array_add (self->rows, g_steal_pointer (&g_ptr_array_index (rows, i)));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->names, 0, 0, (const char * const *) names->pdata);

  gtk_stack_set_visible_child_name (self->popover_stack, self->rows->len > 0 ? "matches" : "none");
  if (self->rows->len > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !gtk_widget_get_visible (self->popover))
    gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
entry_changed_cb (GtkEditable      *editable,
                  TiduRecordPicker *self)
{
  if (self->updating)
    return;

  /* Typing drops the record picked before. */
  set_value_internal (self, NULL);
  update_entry (self);
  search (self, gtk_editable_get_text (editable));
}

static void
entry_activate_cb (GtkEntry         *entry,
                   TiduRecordPicker *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (gtk_widget_get_visible (self->popover) && selected != GTK_INVALID_LIST_POSITION)
    tidu_record_picker_pick (self, selected);
  else
    gtk_widget_activate_default (GTK_WIDGET (self));
}

static void
entry_icon_press_cb (GtkEntry             *entry,
                     GtkEntryIconPosition  position,
                     TiduRecordPicker     *self)
{
  if (position == GTK_ENTRY_ICON_SECONDARY)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
move_selection (TiduRecordPicker *self,
                int               delta)
{
  guint n = self->rows->len;
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint position;

  if (n == 0)
    return;
  if (selected == GTK_INVALID_LIST_POSITION)
    position = delta > 0 ? 0 : n - 1;
  else
    position = (guint) CLAMP ((int) selected + delta, 0, (int) n - 1);

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TiduRecordPicker      *self)
{
  gboolean shown = gtk_widget_get_visible (self->popover);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!shown)
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

          if (*text == '\0' || self->value != NULL)
            return FALSE;
          search (self, text);
          return TRUE;
        }
      move_selection (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!shown)
        return FALSE;
      move_selection (self, -1);
      return TRUE;

    case GDK_KEY_Escape:
      if (!shown)
        return FALSE;
      hide_matches (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                TiduRecordPicker        *self)
{
  hide_matches (self);
}

static void
list_activate_cb (GtkListView      *view,
                  guint             position,
                  TiduRecordPicker *self)
{
  tidu_record_picker_pick (self, position);
  gtk_widget_grab_focus (self->entry);
}

static void
match_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TiduRecordPicker         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (list_item, box);
}

static void
match_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TiduRecordPicker         *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkStringObject *string = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  const char *detail_text = NULL;

  if (self->detail_column >= 0 && position < self->rows->len)
    detail_text = ((TiduListRow *) g_ptr_array_index (self->rows, position))->cells[self->detail_column];

  gtk_label_set_text (GTK_LABEL (name), gtk_string_object_get_string (string));
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (detail, detail_text != NULL && *detail_text != '\0');
}

static void
find_columns (TiduRecordPicker *self)
{
  const TiduListColumn *columns;
  guint n_columns;

  self->name_column = 0;
  self->detail_column = -1;
  columns = tidu_list_get_columns (self->kind, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      if (g_str_equal (columns[i].id, "name"))
        self->name_column = i;
      else if (g_str_equal (columns[i].id, "uscc"))
        self->detail_column = i;
    }
}

static void
tidu_record_picker_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TiduRecordPicker *self = TIDU_RECORD_PICKER (widget);

  gtk_widget_measure (self->entry, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
tidu_record_picker_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TiduRecordPicker *self = TIDU_RECORD_PICKER (widget);

  gtk_widget_size_allocate (self->entry, &(GtkAllocation) { 0, 0, width, height }, baseline);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static gboolean
tidu_record_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (TIDU_RECORD_PICKER (widget)->entry);
}

static gboolean
tidu_record_picker_mnemonic_activate (GtkWidget *widget,
                                      gboolean   group_cycling)
{
  return gtk_widget_grab_focus (TIDU_RECORD_PICKER (widget)->entry);
}

static void
tidu_record_picker_constructed (GObject *object)
{
  TiduRecordPicker *self = TIDU_RECORD_PICKER (object);

  G_OBJECT_CLASS (tidu_record_picker_parent_class)->constructed (object);

  find_columns (self);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry),
                                  self->kind == TIDU_LIST_FIRMS ? _("Type a name or credit code") : _("Type a name"));
}

static void
tidu_record_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiduRecordPicker *self = TIDU_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_record_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiduRecordPicker *self = TIDU_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_DATABASE:
      tidu_record_picker_set_database (self, g_value_get_object (value));
      break;

    case PROP_VALUE:
      tidu_record_picker_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_record_picker_dispose (GObject *object)
{
  TiduRecordPicker *self = TIDU_RECORD_PICKER (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_record_picker_parent_class)->dispose (object);
}

static void
tidu_record_picker_finalize (GObject *object)
{
  TiduRecordPicker *self = TIDU_RECORD_PICKER (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->names);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (tidu_record_picker_parent_class)->finalize (object);
}

static void
tidu_record_picker_class_init (TiduRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tidu_record_picker_constructed;
  object_class->get_property = tidu_record_picker_get_property;
  object_class->set_property = tidu_record_picker_set_property;
  object_class->dispose = tidu_record_picker_dispose;
  object_class->finalize = tidu_record_picker_finalize;

  widget_class->measure = tidu_record_picker_measure;
  widget_class->size_allocate = tidu_record_picker_size_allocate;
  widget_class->grab_focus = tidu_record_picker_grab_focus;
  widget_class->mnemonic_activate = tidu_record_picker_mnemonic_activate;

  /* A TiduListKind; the core has no enum GType, so an int. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, TIDU_N_LISTS - 1, TIDU_LIST_FIRMS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The id of the record picked, or NULL. */
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tidu-record-picker");
}

static void
tidu_record_picker_init (TiduRecordPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;
  GtkWidget *scrolled;
  GtkWidget *none;

  self->kind = TIDU_LIST_FIRMS;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_row_free);
  self->names = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->names)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->entry = gtk_entry_new ();
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (self->entry, "icon-press", G_CALLBACK (entry_icon_press_cb), self);
  gtk_entry_set_icon_tooltip_text (GTK_ENTRY (self->entry), GTK_ENTRY_ICON_SECONDARY, _("Clear"));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, controller);

  /* Leaving the picker, not moving into its matches, closes them. */
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (factory, "setup", G_CALLBACK (match_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (match_bind_cb), self);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  g_signal_connect (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 300);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list_view);

  none = gtk_label_new (_("No matches"));
  gtk_widget_add_css_class (none, "dim-label");
  gtk_widget_set_margin_top (none, 12);
  gtk_widget_set_margin_bottom (none, 12);
  gtk_widget_set_margin_start (none, 12);
  gtk_widget_set_margin_end (none, 12);

  self->popover_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->popover_stack, scrolled, "matches");
  gtk_stack_add_named (self->popover_stack, none, "none");
  gtk_stack_set_vhomogeneous (self->popover_stack, FALSE);

  /* Not modal: the focus stays in the entry while the officer types. */
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->popover_stack));
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  update_entry (self);
}

/**
 * tidu_record_picker_new:
 * @kind: what the picker chooses from
 *
 * Returns: (transfer floating): a new picker without a database
 */
GtkWidget *
tidu_record_picker_new (TiduListKind kind)
{
  return g_object_new (TIDU_TYPE_RECORD_PICKER, "kind", kind, NULL);
}

TiduListKind
tidu_record_picker_get_kind (TiduRecordPicker *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_PICKER (self), TIDU_LIST_FIRMS);

  return self->kind;
}

TiduDatabase *
tidu_record_picker_get_database (TiduRecordPicker *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_PICKER (self), NULL);

  return self->database;
}

/**
 * tidu_record_picker_set_database:
 * @self: a #TiduRecordPicker
 * @database: (nullable): where to search
 *
 * Searches @database from now on; another database picks nothing.
 */
void
tidu_record_picker_set_database (TiduRecordPicker *self,
                                 TiduDatabase     *database)
{
  g_return_if_fail (TIDU_IS_RECORD_PICKER (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;

  hide_matches (self);
  clear_matches (self);
  set_text (self, NULL);
  set_value_internal (self, NULL);
  update_entry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * tidu_record_picker_get_value:
 * @self: a #TiduRecordPicker
 *
 * Returns: (nullable): the id of the record picked
 */
const char *
tidu_record_picker_get_value (TiduRecordPicker *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_PICKER (self), NULL);

  return self->value;
}

/**
 * tidu_record_picker_set_value:
 * @self: a #TiduRecordPicker
 * @id: (nullable): the record to show as picked, or %NULL for none
 *
 * Shows @id's name in the entry. A record that cannot be loaded picks nothing.
 */
void
tidu_record_picker_set_value (TiduRecordPicker *self,
                              const char       *id)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TIDU_IS_RECORD_PICKER (self));

  if (id != NULL && *id != '\0' && self->database != NULL)
    name = load_name (self, id);

  hide_matches (self);
  clear_matches (self);
  set_text (self, name);
  set_value_internal (self, name != NULL ? id : NULL);
  update_entry (self);
}

/**
 * tidu_record_picker_get_entry:
 * @self: a #TiduRecordPicker
 *
 * Returns: (transfer none): the entry the officer types in
 */
GtkEditable *
tidu_record_picker_get_entry (TiduRecordPicker *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_PICKER (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/**
 * tidu_record_picker_get_matches:
 * @self: a #TiduRecordPicker
 *
 * Returns: (transfer none): the names of the matches shown, as #GtkStringObject
 */
GListModel *
tidu_record_picker_get_matches (TiduRecordPicker *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_PICKER (self), NULL);

  return G_LIST_MODEL (self->names);
}

/**
 * tidu_record_picker_get_popup_shown:
 * @self: a #TiduRecordPicker
 *
 * Returns: whether the matches show
 */
gboolean
tidu_record_picker_get_popup_shown (TiduRecordPicker *self)
{
  g_return_val_if_fail (TIDU_IS_RECORD_PICKER (self), FALSE);

  return gtk_widget_get_visible (self->popover);
}

/**
 * tidu_record_picker_pick:
 * @self: a #TiduRecordPicker
 * @position: a position in tidu_record_picker_get_matches()
 *
 * Picks that match, as clicking it does.
 */
void
tidu_record_picker_pick (TiduRecordPicker *self,
                         guint             position)
{
  TiduListRow *row;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (TIDU_IS_RECORD_PICKER (self));

  if (position >= self->rows->len)
    return;

  row = g_ptr_array_index (self->rows, position);
  id = g_strdup (row->id);
  name = g_strdup (row->cells[self->name_column] != NULL ? row->cells[self->name_column] : row->id);

  hide_matches (self);
  clear_matches (self);
  set_text (self, name);
  set_value_internal (self, id);
  update_entry (self);
}
