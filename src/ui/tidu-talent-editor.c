/* tidu-talent-editor.c: the window that adds or edits a talent, and the form kit of the
 * Talents place
 *
 * The form asks the core as the officer types: errors mark their row and block saving,
 * warnings only mark it. Issues show on the rows the officer has touched; Save shows them all.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-talent-editor.h"

/* ------------------------------------------------------------------ form kit */

static void
form_save_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GtkWindow *window = user_data;
  void (*save) (GtkWindow *) = g_object_get_data (G_OBJECT (action), "tidu-save");

  save (window);
}

/**
 * _tidu_talent_form_init:
 * @save_cb: a `void (*) (GtkWindow *window)` run by Save and Ctrl+S
 *
 * Builds the window's frame: header bar, error card and an empty body.
 */
void
_tidu_talent_form_init (TiduTalentForm *form,
                        GtkWindow      *window,
                        GCallback       save_cb,
                        int             width,
                        int             height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GSimpleAction *action = g_simple_action_new ("save", NULL);

  form->rows = g_ptr_array_new ();
  form->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_window_set_modal (window, TRUE);
  gtk_window_set_default_size (window, width, height);

  form->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (form->title));
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "editor.save");
  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+S)"));
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 400);
  form->body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (form->body, 24);
  gtk_widget_set_margin_bottom (form->body, 24);
  gtk_widget_set_margin_start (form->body, 12);
  gtk_widget_set_margin_end (form->body, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), form->body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  form->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (form->error_box, "card");
  gtk_widget_set_visible (form->error_box, FALSE);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 12);
  gtk_widget_set_margin_start (icon, 12);
  gtk_box_append (GTK_BOX (form->error_box), icon);
  form->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->error_label, TRUE);
  gtk_label_set_wrap_mode (form->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (form->error_label, 0);
  gtk_label_set_selectable (form->error_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (form->error_label), TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (form->error_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (form->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (form->error_label), 12);
  gtk_box_append (GTK_BOX (form->error_box), GTK_WIDGET (form->error_label));
  gtk_box_append (GTK_BOX (form->body), form->error_box);

  adw_window_set_content (ADW_WINDOW (window), box);

  form->actions = g_simple_action_group_new ();
  g_object_set_data (G_OBJECT (action), "tidu-save", save_cb);
  g_signal_connect (action, "activate", G_CALLBACK (form_save_activated_cb), window);
  g_action_map_add_action (G_ACTION_MAP (form->actions), G_ACTION (action));
  g_object_unref (action);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "editor", G_ACTION_GROUP (form->actions));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("editor.save")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), shortcuts);
}

void
_tidu_talent_form_clear (TiduTalentForm *form)
{
  g_clear_pointer (&form->rows, g_ptr_array_unref);
  g_clear_pointer (&form->touched, g_hash_table_unref);
  g_clear_object (&form->actions);
}

GtkWidget *
_tidu_talent_form_group (TiduTalentForm *form,
                         const char     *title,
                         const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (form->body), group);
  return group;
}

static void
add_field_row (TiduTalentForm *form,
               GtkWidget      *group,
               GtkWidget      *row,
               const char     *title,
               const char     *field)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (field != NULL)
    {
      g_object_set_data (G_OBJECT (row), "tidu-field", (gpointer) g_intern_string (field));
      g_ptr_array_add (form->rows, row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

AdwEntryRow *
_tidu_talent_form_entry (TiduTalentForm *form,
                         GtkWidget      *group,
                         const char     *title,
                         const char     *field)
{
  GtkWidget *row = adw_entry_row_new ();

  add_field_row (form, group, row, title, field);
  return ADW_ENTRY_ROW (row);
}

AdwComboRow *
_tidu_talent_form_combo (TiduTalentForm *form,
                         GtkWidget      *group,
                         const char     *title,
                         const char     *field)
{
  GtkWidget *row = adw_combo_row_new ();

  add_field_row (form, group, row, title, field);
  return ADW_COMBO_ROW (row);
}

GtkSwitch *
_tidu_talent_form_switch (TiduTalentForm *form,
                          GtkWidget      *group,
                          const char     *title,
                          const char     *field)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_object_set_data (G_OBJECT (row), "tidu-switch", toggle);
  add_field_row (form, group, row, title, field);
  return GTK_SWITCH (toggle);
}

GtkDropDown *
_tidu_talent_form_picker (TiduTalentForm  *form,
                          GtkWidget       *group,
                          const char      *title,
                          const char      *field,
                          AdwActionRow   **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *drop_down = gtk_drop_down_new (NULL, expression);

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (drop_down, FALSE);
  gtk_widget_set_size_request (drop_down, 240, -1);
  gtk_widget_add_css_class (drop_down, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), drop_down);
  g_object_set_data (G_OBJECT (row), "tidu-dropdown", drop_down);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  add_field_row (form, group, row, title, field);
  if (row_out != NULL)
    *row_out = ADW_ACTION_ROW (row);
  return GTK_DROP_DOWN (drop_down);
}

static void
row_changed (GObject *row)
{
  TiduTalentForm *form = g_object_get_data (row, "tidu-form");
  const char *field = g_object_get_data (row, "tidu-field");

  if (form == NULL)
    return;
  if (field != NULL)
    g_hash_table_add (form->touched, g_strdup (field));
  if (form->changed_cb != NULL)
    ((void (*) (gpointer)) form->changed_cb) (form->changed_data);
}

static void
entry_changed_cb (GtkEditable *editable,
                  gpointer     row)
{
  row_changed (row);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    row)
{
  row_changed (row);
}

/**
 * _tidu_talent_form_connect:
 * @changed_cb: a `void (*) (gpointer user_data)` run after any row changed
 */
void
_tidu_talent_form_connect (TiduTalentForm *form,
                           GCallback       changed_cb,
                           gpointer        user_data)
{
  form->changed_cb = changed_cb;
  form->changed_data = user_data;
  for (guint i = 0; i < form->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (form->rows, i);
      GObject *toggle = g_object_get_data (row, "tidu-switch");
      GObject *drop_down = g_object_get_data (row, "tidu-dropdown");

      g_object_set_data (row, "tidu-form", form);
      if (ADW_IS_ENTRY_ROW (row))
        g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), row);
      else if (ADW_IS_COMBO_ROW (row))
        g_signal_connect (row, "notify::selected", G_CALLBACK (notify_cb), row);
      else if (toggle != NULL)
        g_signal_connect (toggle, "notify::active", G_CALLBACK (notify_cb), row);
      else if (drop_down != NULL)
        g_signal_connect (drop_down, "notify::selected", G_CALLBACK (notify_cb), row);
    }
}

void
_tidu_talent_form_touch_all (TiduTalentForm *form)
{
  for (guint i = 0; i < form->rows->len; i++)
    g_hash_table_add (form->touched,
                      g_strdup (g_object_get_data (g_ptr_array_index (form->rows, i), "tidu-field")));
}

/* The most severe issue of @field: the first error, else the first warning. */
static const TiduIssue *
find_issue (TiduValidation *validation,
            const char     *field)
{
  const TiduIssue *warning = NULL;

  for (guint i = 0; i < tidu_validation_get_n_issues (validation); i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (validation, i);

      if (g_strcmp0 (issue->field, field) != 0)
        continue;
      if (issue->severity == TIDU_SEVERITY_ERROR)
        return issue;
      if (warning == NULL)
        warning = issue;
    }
  return warning;
}

void
_tidu_talent_form_show_issues (TiduTalentForm *form,
                               TiduValidation *validation)
{
  const TiduIssue *loose = NULL;

  for (guint i = 0; i < form->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (form->rows, i);
      const char *field = g_object_get_data (G_OBJECT (row), "tidu-field");
      const TiduIssue *issue = find_issue (validation, field);

      if (!g_hash_table_contains (form->touched, field) || !gtk_widget_get_visible (row))
        issue = NULL;
      if (issue == NULL)
        tidu_form_show_message (row, TIDU_FORM_MESSAGE_NONE, NULL);
      else
        tidu_form_show_message (row,
                                issue->severity == TIDU_SEVERITY_ERROR
                                ? TIDU_FORM_MESSAGE_ERROR : TIDU_FORM_MESSAGE_WARNING,
                                issue->message);
    }

  /* Errors without a row of their own (the database could not be asked, …) go on top. */
  for (guint i = 0; i < tidu_validation_get_n_issues (validation) && loose == NULL; i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (validation, i);
      gboolean has_row = FALSE;

      for (guint j = 0; j < form->rows->len && !has_row; j++)
        has_row = g_strcmp0 (issue->field, g_object_get_data (g_ptr_array_index (form->rows, j), "tidu-field")) == 0
                  && gtk_widget_get_visible (g_ptr_array_index (form->rows, j));
      if (!has_row && issue->severity == TIDU_SEVERITY_ERROR)
        loose = issue;
    }
  _tidu_talent_form_show_error (form, loose != NULL ? loose->message : NULL);
}

void
_tidu_validation_merge (TiduValidation *into,
                        TiduValidation *core,
                        const GError   *error)
{
  if (core == NULL)
    {
      tidu_validation_add (into, TIDU_SEVERITY_ERROR, TIDU_ERROR_DATABASE, NULL, NULL, "%s",
                           error != NULL ? error->message : _("The database could not be read."));
      return;
    }
  for (guint i = 0; i < tidu_validation_get_n_issues (core); i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (core, i);

      tidu_validation_add (into, issue->severity, issue->code, issue->field, issue->other_id,
                           "%s", issue->message);
    }
}

void
_tidu_talent_form_show_error (TiduTalentForm *form,
                              const char     *message)
{
  gtk_label_set_text (form->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (form->error_box, message != NULL);
}

void
_tidu_talent_form_set_can_save (TiduTalentForm *form,
                                gboolean        can_save)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (form->actions), "save");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), can_save);
}

GStrv
_tidu_picker_fill (GtkDropDown *drop_down,
                   GPtrArray   *choices,
                   const char  *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  if (none_label != NULL)
    {
      gtk_string_list_append (labels, none_label);
      g_strv_builder_add (values, "");
    }
  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const TiduListChoice *choice = g_ptr_array_index (choices, i);

      gtk_string_list_append (labels, choice->label);
      g_strv_builder_add (values, choice->value);
    }
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  return g_strv_builder_end (values);
}

const char *
_tidu_picker_get_value (GtkDropDown *drop_down,
                        GStrv        values)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (values))
    return NULL;
  return values[selected][0] != '\0' ? values[selected] : NULL;
}

void
_tidu_picker_set_value (GtkDropDown *drop_down,
                        GStrv        values,
                        const char  *value)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], value != NULL ? value : "") == 0)
        {
          gtk_drop_down_set_selected (drop_down, i);
          return;
        }
    }
  gtk_drop_down_set_selected (drop_down, 0);
}

GPtrArray *
_tidu_list_name_choices (TiduDatabase *database,
                         TiduListKind  kind)
{
  g_autoptr(TiduListQuery) query = tidu_list_query_new (kind);
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);
  const TiduListColumn *columns;
  guint n_columns;
  guint name_column = 0;

  columns = tidu_list_get_columns (kind, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    if (g_str_equal (columns[i].id, "name"))
      name_column = i;

  rowids = tidu_list_query_run (database, query, &error);
  if (rowids == NULL)
    {
      g_warning ("Could not list %s: %s", tidu_list_kind_to_string (kind), error->message);
      return choices;
    }
  for (guint start = 0; start < rowids->len; start += 500)
    {
      guint n = MIN (500, rowids->len - start);
      g_autoptr(GPtrArray) rows = tidu_list_fetch_rows (database, query,
                                                        &g_array_index (rowids, gint64, start), n, &error);

      if (rows == NULL)
        {
          g_warning ("Could not read %s: %s", tidu_list_kind_to_string (kind), error->message);
          break;
        }
      for (guint i = 0; i < rows->len; i++)
        {
          const TiduListRow *row = g_ptr_array_index (rows, i);
          TiduListChoice *choice;

          if (row->id == NULL)
            continue;
          choice = g_new0 (TiduListChoice, 1);
          choice->value = g_strdup (row->id);
          choice->label = g_strdup (row->cells[name_column] != NULL ? row->cells[name_column] : row->id);
          g_ptr_array_add (choices, choice);
        }
    }
  return choices;
}

GPtrArray *
_tidu_region_choices (TiduDatabase *database)
{
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);

  regions = tidu_region_list (database, &error);
  if (regions == NULL)
    g_warning ("Could not list the regions: %s", error->message);
  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      const TiduRegion *region = g_ptr_array_index (regions, i);
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);
      g_autofree char *indent = g_strnfill (region->depth * 2, ' ');

      choice->value = g_strdup (region->id);
      choice->label = g_strconcat (indent, region->name, NULL);
      g_ptr_array_add (choices, choice);
    }
  return choices;
}

TiduMoneyUnit
_tidu_display_unit (void)
{
  static GSettings *settings;

  if (settings == NULL)
    settings = g_settings_new (BASE_ID);
  return (TiduMoneyUnit) g_settings_get_enum (settings, "display-unit");
}

/* An amount in the display unit with the unit, or NULL when unset. */
char *
_tidu_format_money (gint64 yuan)
{
  if (!TIDU_IS_SET (yuan))
    return NULL;
  return tidu_money_format_with_unit (yuan, _tidu_display_unit ());
}

gint64
_tidu_form_get_money (AdwEntryRow    *row,
                      const char     *field,
                      TiduValidation *validation)
{
  g_autofree char *text = tidu_form_get_text (row);
  g_autoptr(GError) error = NULL;
  gint64 yuan;

  if (text == NULL)
    return TIDU_UNSET;
  if (!tidu_money_parse (text, _tidu_display_unit (), &yuan, &error))
    {
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, field, NULL,
                           "%s", error->message);
      return TIDU_UNSET;
    }
  return yuan;
}

void
_tidu_form_set_money (AdwEntryRow *row,
                      gint64       yuan)
{
  g_autofree char *text = TIDU_IS_SET (yuan) ? tidu_money_format (yuan, _tidu_display_unit ()) : NULL;

  tidu_form_set_text (row, text);
}

gint64
_tidu_form_get_int (AdwEntryRow    *row,
                    const char     *field,
                    TiduValidation *validation)
{
  g_autofree char *text = tidu_form_get_text (row);
  gint64 value;

  if (text == NULL)
    return TIDU_UNSET;
  if (!g_ascii_string_to_signed (text, 10, -999999, 999999, &value, NULL))
    {
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, field, NULL,
                           "%s", _("Enter a whole number, such as 2024."));
      return TIDU_UNSET;
    }
  return value;
}

void
_tidu_form_set_int (AdwEntryRow *row,
                    gint64       value)
{
  g_autofree char *text = TIDU_IS_SET (value) ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  tidu_form_set_text (row, text);
}

void
_tidu_form_read_date (AdwEntryRow    *row,
                      const char     *field,
                      GDate          *date,
                      TiduValidation *validation)
{
  g_autoptr(GError) error = NULL;

  if (!tidu_form_get_date (row, date, &error))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, field, NULL,
                         "%s", error->message);
}

/* ------------------------------------------------------------------ detail pages */

/**
 * _tidu_detail_frame:
 * @page: a widget with a vertical box layout
 *
 * Returns: (transfer none): the scrolled window of the body
 */
GtkWidget *
_tidu_detail_frame (GtkWidget   *page,
                    const char  *back_action,
                    const char  *back_tooltip,
                    GtkLabel   **title_label,
                    GtkWidget  **toolbar,
                    GtkWidget  **body)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), back_action);
  gtk_widget_set_tooltip_text (back, back_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, back_tooltip, -1);
  gtk_box_append (GTK_BOX (bar), back);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (bar), label);
  gtk_widget_set_parent (bar, page);
  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), page);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (*body, 24);
  gtk_widget_set_margin_bottom (*body, 24);
  gtk_widget_set_margin_start (*body, 12);
  gtk_widget_set_margin_end (*body, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), *body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_parent (scrolled, page);

  *title_label = GTK_LABEL (label);
  *toolbar = bar;
  return scrolled;
}

GtkWidget *
_tidu_detail_button (GtkWidget  *toolbar,
                     const char *label,
                     const char *icon_name,
                     const char *action,
                     const char *tooltip)
{
  GtkWidget *button = label != NULL ? gtk_button_new_with_mnemonic (label)
                                    : gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (tooltip != NULL)
    {
      gtk_widget_set_tooltip_text (button, tooltip);
      if (label == NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  gtk_box_append (GTK_BOX (toolbar), button);
  return button;
}

GtkWidget *
_tidu_detail_group (GtkWidget   *body,
                    const char  *title,
                    GtkListBox **list)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (list != NULL)
    {
      *list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (*list, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (*list), "boxed-list");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (*list));
    }
  gtk_box_append (GTK_BOX (body), group);
  return group;
}

void
_tidu_detail_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
_tidu_detail_row (GtkListBox *list,
                  const char *title,
                  const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);
  return row;
}

/* A row with a field's name on the left and its value on the right, a dash when unset. */
void
_tidu_detail_value_row (GtkListBox *list,
                        const char *title,
                        const char *value)
{
  GtkWidget *row = _tidu_detail_row (list, title, NULL);
  GtkWidget *label = gtk_label_new (value != NULL ? value : "—");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), value != NULL);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  if (value == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

void
_tidu_detail_row_button (GtkWidget  *row,
                         const char *icon_name,
                         const char *tooltip,
                         const char *action,
                         const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

char *
_tidu_award_describe (TiduDatabase          *database,
                      const TiduTalentAward *award,
                      gboolean               with_firm)
{
  g_autoptr(GPtrArray) instalments = tidu_instalment_list (database, award->id, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *granted = NULL;
  g_autofree char *paid_text = NULL;
  gint64 paid = 0;

  for (guint i = 0; instalments != NULL && i < instalments->len; i++)
    {
      const TiduInstalment *instalment = g_ptr_array_index (instalments, i);

      if (TIDU_IS_SET (instalment->paid_amount))
        paid += instalment->paid_amount;
    }
  if (award->batch_name != NULL)
    g_string_append (text, award->batch_name);
  else if (TIDU_IS_SET (award->year))
    g_string_append_printf (text, "%" G_GINT64_FORMAT, award->year);
  if (with_firm && award->firm_name != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", award->firm_name);
  granted = TIDU_IS_SET (award->granted_amount) ? _tidu_format_money (award->granted_amount) : g_strdup ("—");
  paid_text = _tidu_format_money (paid);
  if (text->len > 0)
    g_string_append (text, " · ");
  /* Translators: an award's amount granted and paid so far */
  g_string_append_printf (text, _("granted %s, paid %s"), granted, paid_text);
  g_string_append_printf (text, " · %s", tidu_award_status_get_label (award->status));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ------------------------------------------------------------------ undo */

typedef struct
{
  TiduDatabase    *database;
  TiduRestoreFunc  restore;
  char            *id;
  GWeakRef         object;
  GWeakRef         widget;
  AdwToast        *toast;       /* not owned */
  void           (*undone) (GObject *object);
  gboolean         done;
} PendingUndo;

static PendingUndo *last_undo;
static GWeakRef last_toast;

/**
 * _tidu_talent_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in place of the Talents place's previous one. Replacing rather than stacking
 * with priorities avoids libadwaita 1.2 showing a put-back toast twice (an assertion).
 */
void
_tidu_talent_toast (GtkWidget *widget,
                    AdwToast  *toast)
{
  g_autoptr(AdwToast) previous = g_weak_ref_get (&last_toast);

  if (previous != NULL)
    adw_toast_dismiss (previous);
  g_weak_ref_set (&last_toast, toast);
  tidu_form_show_toast (widget, toast);
}

static void
pending_undo_free (PendingUndo *undo)
{
  if (last_undo == undo)
    last_undo = NULL;
  g_clear_object (&undo->database);
  g_free (undo->id);
  g_weak_ref_clear (&undo->object);
  g_weak_ref_clear (&undo->widget);
  g_free (undo);
}

static gboolean
run_undo (PendingUndo *undo)
{
  g_autoptr(GObject) object = NULL;
  g_autoptr(GtkWidget) widget = NULL;
  g_autoptr(GError) error = NULL;

  if (undo->done)
    return FALSE;
  undo->done = TRUE;
  if (last_undo == undo)
    last_undo = NULL;
  object = g_weak_ref_get (&undo->object);
  widget = g_weak_ref_get (&undo->widget);
  if (!undo->restore (undo->database, undo->id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);

      if (widget != NULL)
        _tidu_talent_toast (widget, adw_toast_new (message));
      return FALSE;
    }
  if (object != NULL && undo->undone != NULL)
    undo->undone (object);
  return TRUE;
}

static void
toast_button_clicked_cb (AdwToast    *toast,
                         PendingUndo *undo)
{
  run_undo (undo);
}

static void
toast_dismissed_cb (AdwToast    *toast,
                    PendingUndo *undo)
{
  if (last_undo == undo)
    last_undo = NULL;
}

/**
 * _tidu_talent_offer_undo:
 *
 * Shows @title in a toast with Undo around @widget; Undo (or _tidu_talent_undo()) calls
 * @restore with @id, then @undone on @object.
 */
void
_tidu_talent_offer_undo (GtkWidget        *widget,
                         TiduDatabase     *database,
                         TiduRestoreFunc   restore,
                         const char       *id,
                         const char       *title,
                         GObject          *object,
                         void            (*undone) (GObject *object))
{
  AdwToast *toast = adw_toast_new (title);
  PendingUndo *undo = g_new0 (PendingUndo, 1);

  undo->database = g_object_ref (database);
  undo->restore = restore;
  undo->id = g_strdup (id);
  g_weak_ref_init (&undo->object, object);
  g_weak_ref_init (&undo->widget, widget);
  undo->undone = undone;
  undo->toast = toast;
  g_object_set_data_full (G_OBJECT (toast), "tidu-undo", undo, (GDestroyNotify) pending_undo_free);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb), undo);
  g_signal_connect (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), undo);
  last_undo = undo;
  _tidu_talent_toast (widget, toast);
}

/**
 * _tidu_talent_undo:
 *
 * Undoes the last deletion whose toast still shows.
 *
 * Returns: %TRUE when something was restored
 */
gboolean
_tidu_talent_undo (void)
{
  PendingUndo *undo = last_undo;
  AdwToast *toast;
  gboolean ok;

  if (undo == NULL)
    return FALSE;
  toast = g_object_ref (undo->toast);
  ok = run_undo (undo);
  adw_toast_dismiss (toast);
  g_object_unref (toast);
  return ok;
}

gboolean
_tidu_talent_can_undo (void)
{
  return last_undo != NULL && !last_undo->done;
}

/* ------------------------------------------------------------------ the talent editor */

struct _TiduTalentEditor
{
  AdwWindow       parent_instance;

  TiduTalentForm  form;
  AdwEntryRow    *name_row;
  AdwComboRow    *gender_row;
  AdwEntryRow    *birth_year_row;
  AdwEntryRow    *degree_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *field_row;
  GtkDropDown    *firm_drop_down;
  AdwComboRow    *region_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *notes_row;

  TiduDatabase   *database;
  TiduTalent     *talent;
  GStrv           firm_values;
  GStrv           region_values;
  gboolean        can_save;
  gboolean        load_failed;
};

G_DEFINE_FINAL_TYPE (TiduTalentEditor, tidu_talent_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *gender_values[] = { "", "female", "male", NULL };

static void
replace (char **member,
         char  *value)
{
  g_free (*member);
  *member = value;
}

static TiduTalent *
build_talent (TiduTalentEditor *self,
              TiduValidation   *validation)
{
  TiduTalent *talent = tidu_talent_copy (self->talent);

  replace (&talent->name, tidu_form_get_text (self->name_row));
  replace (&talent->gender, g_strdup (tidu_form_get_combo_value (self->gender_row, (GStrv) gender_values)));
  talent->birth_year = _tidu_form_get_int (self->birth_year_row, "birth_year", validation);
  replace (&talent->degree, tidu_form_get_text (self->degree_row));
  replace (&talent->title, tidu_form_get_text (self->title_row));
  replace (&talent->field, tidu_form_get_text (self->field_row));
  replace (&talent->firm_id, g_strdup (_tidu_picker_get_value (self->firm_drop_down, self->firm_values)));
  replace (&talent->region_id, g_strdup (tidu_form_get_combo_value (self->region_row, self->region_values)));
  replace (&talent->contact_phone, tidu_form_get_text (self->phone_row));
  replace (&talent->contact_email, tidu_form_get_text (self->email_row));
  replace (&talent->notes, tidu_form_get_text (self->notes_row));
  return talent;
}

void
tidu_talent_editor_validate (TiduTalentEditor *self)
{
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduValidation) core = NULL;
  g_autoptr(TiduTalent) talent = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TIDU_IS_TALENT_EDITOR (self));

  if (self->load_failed)
    {
      self->can_save = FALSE;
      return;
    }
  talent = build_talent (self, validation);
  core = tidu_talent_validate (self->database, talent, &error);
  _tidu_validation_merge (validation, core, error);
  _tidu_talent_form_show_issues (&self->form, validation);
  self->can_save = !tidu_validation_has_errors (validation);
  _tidu_talent_form_set_can_save (&self->form, self->can_save);
}

static void
changed_cb (gpointer user_data)
{
  tidu_talent_editor_validate (TIDU_TALENT_EDITOR (user_data));
}

static void
save_cb (GtkWindow *window)
{
  TiduTalentEditor *self = TIDU_TALENT_EDITOR (window);
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(TiduTalent) talent = NULL;
  g_autoptr(GError) error = NULL;

  _tidu_talent_form_touch_all (&self->form);
  tidu_talent_editor_validate (self);
  if (!self->can_save)
    return;

  talent = build_talent (self, validation);
  if (!tidu_talent_save (self->database, talent, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The talent was not saved. %s"), error->message);

      _tidu_talent_form_show_error (&self->form, message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, talent->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
tidu_talent_editor_dispose (GObject *object)
{
  TiduTalentEditor *self = TIDU_TALENT_EDITOR (object);

  g_clear_object (&self->database);
  G_OBJECT_CLASS (tidu_talent_editor_parent_class)->dispose (object);
}

static void
tidu_talent_editor_finalize (GObject *object)
{
  TiduTalentEditor *self = TIDU_TALENT_EDITOR (object);

  _tidu_talent_form_clear (&self->form);
  g_clear_pointer (&self->talent, tidu_talent_free);
  g_clear_pointer (&self->firm_values, g_strfreev);
  g_clear_pointer (&self->region_values, g_strfreev);
  G_OBJECT_CLASS (tidu_talent_editor_parent_class)->finalize (object);
}

static void
tidu_talent_editor_class_init (TiduTalentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tidu_talent_editor_dispose;
  object_class->finalize = tidu_talent_editor_finalize;

  /**
   * TiduTalentEditor::saved:
   * @talent_id: the id of the talent saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tidu_talent_editor_init (TiduTalentEditor *self)
{
  TiduTalentForm *form = &self->form;
  GtkWidget *group;
  g_autoptr(GtkStringList) genders = NULL;

  _tidu_talent_form_init (form, GTK_WINDOW (self), G_CALLBACK (save_cb), 600, 720);

  group = _tidu_talent_form_group (form, _("Person"), NULL);
  self->name_row = _tidu_talent_form_entry (form, group, _("_Name"), "name");
  self->gender_row = _tidu_talent_form_combo (form, group, _("_Gender"), "gender");
  genders = gtk_string_list_new ((const char *[]) { _("Not recorded"), _("Female"), _("Male"), NULL });
  adw_combo_row_set_model (self->gender_row, G_LIST_MODEL (genders));
  self->birth_year_row = _tidu_talent_form_entry (form, group, _("_Birth year"), "birth_year");
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->birth_year_row), 6);

  group = _tidu_talent_form_group (form, _("Work"), NULL);
  self->degree_row = _tidu_talent_form_entry (form, group, _("_Degree"), "degree");
  self->title_row = _tidu_talent_form_entry (form, group, _("_Title"), "title");
  self->field_row = _tidu_talent_form_entry (form, group, _("_Field"), "field");
  self->firm_drop_down = _tidu_talent_form_picker (form, group, _("F_irm"), "firm_id", NULL);
  self->region_row = _tidu_talent_form_combo (form, group, _("_Region"), "region_id");

  group = _tidu_talent_form_group (form, _("Contact"), NULL);
  self->phone_row = _tidu_talent_form_entry (form, group, _("_Phone"), "contact_phone");
  self->email_row = _tidu_talent_form_entry (form, group, _("_Email"), "contact_email");
  self->notes_row = _tidu_talent_form_entry (form, group, _("N_otes"), "notes");
}

/**
 * tidu_talent_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @talent_id: (nullable): the talent to edit, or %NULL for a new talent
 *
 * Returns: (transfer none): a modal editor, not yet presented; it destroys itself when closed
 */
TiduTalentEditor *
tidu_talent_editor_new (GtkWindow    *parent,
                        TiduDatabase *database,
                        const char   *talent_id)
{
  TiduTalentEditor *self;
  g_autoptr(GPtrArray) firms = NULL;
  g_autoptr(GPtrArray) regions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = g_object_new (TIDU_TYPE_TALENT_EDITOR,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->database = g_object_ref (database);
  firms = _tidu_list_name_choices (database, TIDU_LIST_FIRMS);
  self->firm_values = _tidu_picker_fill (self->firm_drop_down, firms, _("None"));
  regions = _tidu_region_choices (database);
  self->region_values = tidu_form_fill_combo (self->region_row, regions, _("None"));

  if (talent_id == NULL)
    {
      self->talent = tidu_talent_new ();
      adw_window_title_set_title (self->form.title, _("New Talent"));
    }
  else
    {
      self->talent = tidu_talent_load (database, talent_id, &error);
      if (self->talent == NULL)
        {
          self->talent = tidu_talent_new ();
          self->load_failed = TRUE;
          _tidu_talent_form_show_error (&self->form, error->message);
        }
      else
        {
          const TiduTalent *talent = self->talent;

          adw_window_title_set_title (self->form.title, _("Edit Talent"));
          adw_window_title_set_subtitle (self->form.title, talent->name);
          tidu_form_set_text (self->name_row, talent->name);
          tidu_form_set_combo_value (self->gender_row, (GStrv) gender_values, talent->gender);
          _tidu_form_set_int (self->birth_year_row, talent->birth_year);
          tidu_form_set_text (self->degree_row, talent->degree);
          tidu_form_set_text (self->title_row, talent->title);
          tidu_form_set_text (self->field_row, talent->field);
          _tidu_picker_set_value (self->firm_drop_down, self->firm_values, talent->firm_id);
          tidu_form_set_combo_value (self->region_row, self->region_values, talent->region_id);
          tidu_form_set_text (self->phone_row, talent->contact_phone);
          tidu_form_set_text (self->email_row, talent->contact_email);
          tidu_form_set_text (self->notes_row, talent->notes);
          _tidu_talent_form_touch_all (&self->form);
        }
    }

  _tidu_talent_form_connect (&self->form, G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->notes_row, "entry-activated", G_CALLBACK (save_cb), self);
  tidu_talent_editor_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

const char *
tidu_talent_editor_get_talent_id (TiduTalentEditor *self)
{
  g_return_val_if_fail (TIDU_IS_TALENT_EDITOR (self), NULL);
  return self->talent->id;
}

gboolean
tidu_talent_editor_get_can_save (TiduTalentEditor *self)
{
  g_return_val_if_fail (TIDU_IS_TALENT_EDITOR (self), FALSE);
  return self->can_save;
}
