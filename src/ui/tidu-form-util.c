/* tidu-form-util.c: shared pieces of the record forms
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tidu-form-util.h"

#define MESSAGE_KEY "tidu-form-message"

/**
 * tidu_form_get_text:
 *
 * Returns: (transfer full) (nullable): the row's text without surrounding spaces, or %NULL
 *   when nothing but spaces was typed
 */
char *
tidu_form_get_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

void
tidu_form_set_text (AdwEntryRow *row,
                    const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * tidu_form_get_date:
 * @date: (out): the date typed, cleared when the row is empty
 *
 * Accepts what tidu_date_parse() does: 2021-03-05, 2021/3/5, 2021年3月5日, 20210305.
 *
 * Returns: %FALSE with @error when the text is not a date
 */
gboolean
tidu_form_get_date (AdwEntryRow  *row,
                    GDate        *date,
                    GError      **error)
{
  g_autofree char *text = tidu_form_get_text (row);

  g_date_clear (date, 1);
  if (text == NULL)
    return TRUE;
  if (!tidu_date_parse (text, date, error))
    {
      g_date_clear (date, 1);
      return FALSE;
    }
  return TRUE;
}

char *
tidu_form_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return tidu_date_to_iso (date);
}

void
tidu_form_set_date (AdwEntryRow *row,
                    const GDate *date)
{
  g_autofree char *text = tidu_form_format_date (date);

  tidu_form_set_text (row, text);
}

/**
 * tidu_form_read_date:
 * @date: (out): the date of @row, cleared when the row is blank
 *
 * Reads a date row; text that is no date becomes an issue of @field in @validation.
 */
void
tidu_form_read_date (AdwEntryRow    *row,
                     const char     *field,
                     GDate          *date,
                     TiduValidation *validation)
{
  g_autoptr(GError) error = NULL;

  if (!tidu_form_get_date (row, date, &error))
    tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, field, NULL,
                         "%s", error->message);
}

/**
 * tidu_form_get_int:
 *
 * Reads a whole-number row such as a year; a blank row is %TIDU_UNSET, text that is no whole
 * number becomes an issue of @field in @validation.
 */
gint64
tidu_form_get_int (AdwEntryRow    *row,
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
tidu_form_set_int (AdwEntryRow *row,
                   gint64       value)
{
  g_autofree char *text = TIDU_IS_SET (value) ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;

  tidu_form_set_text (row, text);
}

/**
 * tidu_form_get_money:
 * @unit: the unit the officer types in, usually the display unit
 *
 * Reads an amount ("50", "50万" and "500,000" work); a blank row is %TIDU_UNSET, text that is
 * no amount becomes an issue of @field in @validation.
 *
 * Returns: the amount in yuan
 */
gint64
tidu_form_get_money (AdwEntryRow    *row,
                     TiduMoneyUnit   unit,
                     const char     *field,
                     TiduValidation *validation)
{
  g_autofree char *text = tidu_form_get_text (row);
  g_autoptr(GError) error = NULL;
  gint64 yuan;

  if (text == NULL)
    return TIDU_UNSET;
  if (!tidu_money_parse (text, unit, &yuan, &error))
    {
      tidu_validation_add (validation, TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID_INPUT, field, NULL,
                           "%s", error->message);
      return TIDU_UNSET;
    }
  return yuan;
}

void
tidu_form_set_money (AdwEntryRow   *row,
                     TiduMoneyUnit  unit,
                     gint64         yuan)
{
  g_autofree char *text = TIDU_IS_SET (yuan) ? tidu_money_format (yuan, unit) : NULL;

  tidu_form_set_text (row, text);
}

static AdwActionRow *
ensure_message_row (GtkWidget *row)
{
  AdwActionRow *message = g_object_get_data (G_OBJECT (row), MESSAGE_KEY);
  GtkWidget *parent;
  GtkWidget *icon;

  if (message != NULL)
    return message;

  message = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (message), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (message), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (message), "tidu-form-message");
  icon = gtk_image_new ();
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  adw_action_row_add_prefix (message, icon);
  g_object_set_data (G_OBJECT (message), "tidu-form-icon", icon);

  /* The message goes right under its row, inside the same boxed list. */
  parent = gtk_widget_get_parent (row);
  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_insert (GTK_LIST_BOX (parent), GTK_WIDGET (message),
                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  else
    g_return_val_if_reached (NULL);

  g_object_set_data (G_OBJECT (row), MESSAGE_KEY, message);
  return message;
}

/**
 * tidu_form_show_message:
 * @row: a row in a boxed list (an #AdwPreferencesGroup)
 * @kind: %TIDU_FORM_MESSAGE_NONE hides the message
 *
 * Marks @row with the .error or .warning style class and shows @message in a row right
 * beneath it.
 *
 * Returns: (transfer none): the message row, to add buttons to it
 */
AdwActionRow *
tidu_form_show_message (GtkWidget           *row,
                        TiduFormMessageKind  kind,
                        const char          *message)
{
  AdwActionRow *message_row;
  GtkWidget *icon;

  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  if (kind == TIDU_FORM_MESSAGE_NONE || message == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_remove_css_class (row, "warning");
      message_row = g_object_get_data (G_OBJECT (row), MESSAGE_KEY);
      if (message_row != NULL)
        gtk_widget_set_visible (GTK_WIDGET (message_row), FALSE);
      return message_row;
    }

  message_row = ensure_message_row (row);
  icon = g_object_get_data (G_OBJECT (message_row), "tidu-form-icon");
  if (kind == TIDU_FORM_MESSAGE_ERROR)
    {
      gtk_widget_remove_css_class (row, "warning");
      gtk_widget_add_css_class (row, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (message_row), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (message_row), "error");
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_add_css_class (row, "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (message_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (message_row), "warning");
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-warning-symbolic");
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message_row), message);
  gtk_widget_set_visible (GTK_WIDGET (message_row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  return message_row;
}

/**
 * tidu_form_show_issue:
 * @validation: (nullable): the issues, %NULL to clear the row's message
 *
 * Shows the most severe issue of @field under @row (see tidu_validation_find()), or clears it.
 */
void
tidu_form_show_issue (GtkWidget      *row,
                      TiduValidation *validation,
                      const char     *field)
{
  const TiduIssue *issue = validation != NULL ? tidu_validation_find (validation, field) : NULL;

  if (issue == NULL)
    tidu_form_show_message (row, TIDU_FORM_MESSAGE_NONE, NULL);
  else
    tidu_form_show_message (row,
                            issue->severity == TIDU_SEVERITY_ERROR
                            ? TIDU_FORM_MESSAGE_ERROR : TIDU_FORM_MESSAGE_WARNING,
                            issue->message);
}

/**
 * tidu_form_show_unplaced_error:
 * @rows: an editor's table of rows, each a struct whose first member is the field name
 *   (`const char *`)
 * @row_size: the size of one entry of @rows
 *
 * Shows in @label (and reveals @box) the first blocking issue that has no row of its own in
 * the form: the record is gone, the database could not be asked, … Leaves them as they are
 * when there is none.
 */
void
tidu_form_show_unplaced_error (TiduValidation *validation,
                               gconstpointer   rows,
                               gsize           n_rows,
                               gsize           row_size,
                               GtkLabel       *label,
                               GtkWidget      *box)
{
  for (guint i = 0; i < tidu_validation_get_n_issues (validation); i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (validation, i);
      gboolean has_row = FALSE;

      for (gsize j = 0; j < n_rows && !has_row; j++)
        {
          const char *field = *(const char * const *) ((const char *) rows + j * row_size);

          has_row = g_strcmp0 (issue->field, field) == 0;
        }
      if (!has_row && issue->severity == TIDU_SEVERITY_ERROR)
        {
          gtk_label_set_text (label, issue->message);
          gtk_widget_set_visible (box, TRUE);
          return;
        }
    }
}

/* Sets the labels of @choices as the "model" of a combo row or drop-down. */
static GStrv
fill_choices (GObject    *object,
              GPtrArray  *choices,
              const char *none_label)
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
  g_object_set (object, "model", labels, NULL);
  return g_strv_builder_end (values);
}

static const char *
value_at (GStrv values,
          guint selected)
{
  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length (values))
    return NULL;
  if (values[selected][0] == '\0')
    return NULL;
  return values[selected];
}

/* The position of @value in @values, the first (none) when it is not there. */
static guint
position_of (GStrv       values,
             const char *value)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value != NULL ? value : "") == 0)
      return i;
  return 0;
}

/**
 * tidu_form_fill_combo:
 * @choices: (element-type TiduListChoice): values and labels
 * @none_label: (nullable): a first entry that stands for no value
 *
 * Returns: (transfer full): the value of each entry of the combo, "" for @none_label
 */
GStrv
tidu_form_fill_combo (AdwComboRow *row,
                      GPtrArray   *choices,
                      const char  *none_label)
{
  return fill_choices (G_OBJECT (row), choices, none_label);
}

/**
 * tidu_form_fill_drop_down:
 *
 * Like tidu_form_fill_combo(), for a drop-down in a row (one with search, say).
 */
GStrv
tidu_form_fill_drop_down (GtkDropDown *drop_down,
                          GPtrArray   *choices,
                          const char  *none_label)
{
  return fill_choices (G_OBJECT (drop_down), choices, none_label);
}

/**
 * tidu_form_fill_regions:
 *
 * Fills @row with the regions of @database in tree order, each indented by its depth.
 *
 * Returns: (transfer full): the value of each entry of the combo, "" for @none_label
 */
GStrv
tidu_form_fill_regions (AdwComboRow  *row,
                        TiduDatabase *database,
                        const char   *none_label)
{
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;

  choices = tidu_form_region_choices (database, &error);
  if (choices == NULL)
    g_warning ("Could not list the regions: %s", error->message);
  return fill_choices (G_OBJECT (row), choices, none_label);
}

/**
 * tidu_form_region_choices:
 *
 * The regions of @database in tree order, each label indented by its depth; no GTK, so a
 * worker thread can read them for a drop-down.
 *
 * Returns: (transfer full) (element-type TiduListChoice) (nullable): the choices, or %NULL
 *   with @error set
 */
GPtrArray *
tidu_form_region_choices (TiduDatabase  *database,
                          GError       **error)
{
  g_autoptr(GPtrArray) regions = tidu_region_list (database, error);
  GPtrArray *choices;

  if (regions == NULL)
    return NULL;
  choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);
  for (guint i = 0; i < regions->len; i++)
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

GStrv
tidu_form_fill_vocabulary (AdwComboRow    *row,
                           TiduDatabase   *database,
                           TiduVocabulary  vocabulary,
                           const char     *none_label)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  items = tidu_vocabulary_list (database, vocabulary, &error);
  if (items == NULL)
    g_warning ("Could not list %s: %s", tidu_vocabulary_to_string (vocabulary), error->message);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (items, i);
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      /* Borrowed strings: the items outlive the choices. */
      choice->value = item->code;
      choice->label = (char *) tidu_vocab_item_get_label (item);
      g_ptr_array_add (choices, choice);
    }
  return tidu_form_fill_combo (row, choices, none_label);
}

/**
 * tidu_form_get_combo_value:
 *
 * Returns: (nullable): the value of the selected entry, %NULL for none
 */
const char *
tidu_form_get_combo_value (AdwComboRow *row,
                           GStrv        values)
{
  return value_at (values, adw_combo_row_get_selected (row));
}

void
tidu_form_set_combo_value (AdwComboRow *row,
                           GStrv        values,
                           const char  *value)
{
  adw_combo_row_set_selected (row, position_of (values, value));
}

const char *
tidu_form_get_drop_down_value (GtkDropDown *drop_down,
                               GStrv        values)
{
  return value_at (values, gtk_drop_down_get_selected (drop_down));
}

void
tidu_form_set_drop_down_value (GtkDropDown *drop_down,
                               GStrv        values,
                               const char  *value)
{
  gtk_drop_down_set_selected (drop_down, position_of (values, value));
}

static GtkWidget *
find_toast_overlay (GtkWidget *root)
{
  if (ADW_IS_TOAST_OVERLAY (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * tidu_form_find_toast_overlay:
 *
 * Returns: (transfer none) (nullable): the toast overlay where toasts raised by @widget show:
 *   the one around it, else the one inside its window (a preferences window has its own),
 *   else the main window's when @widget is in a dialog, so that a toast outlives the dialog
 */
GtkWidget *
tidu_form_find_toast_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (overlay == NULL && root != NULL)
    overlay = find_toast_overlay (GTK_WIDGET (root));
  if (overlay == NULL && GTK_IS_WINDOW (root))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      if (parent != NULL)
        overlay = find_toast_overlay (GTK_WIDGET (parent));
    }
  return overlay;
}

/**
 * tidu_form_toast_new:
 * @text: the toast's title, plain text
 *
 * Returns: (transfer full): a toast showing @text as it is. libadwaita 1.2 reads toast titles
 *   as Pango markup, so a firm named "A&B" or "<研究院>" would otherwise show nothing at all.
 */
AdwToast *
tidu_form_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * tidu_form_show_toast:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the toast overlay tidu_form_find_toast_overlay() finds for @widget.
 */
void
tidu_form_show_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay = tidu_form_find_toast_overlay (widget);

  if (overlay == NULL)
    {
      g_warning ("No toast overlay for: %s", adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * tidu_form_set_error_label:
 * @message: (nullable): the message, or %NULL to hide @label
 *
 * Shows @message in a detail page's error label, or hides the label.
 */
void
tidu_form_set_error_label (GtkLabel   *label,
                           const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/**
 * tidu_form_get_error_label:
 *
 * Returns: (nullable): the message @label shows, or %NULL while it is hidden
 */
const char *
tidu_form_get_error_label (GtkLabel *label)
{
  g_return_val_if_fail (GTK_IS_LABEL (label), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_text (label) : NULL;
}

static GtkListItemFactory *
string_factory (const char *label_properties)
{
  g_autofree char *ui = g_strdup_printf (
    "<interface><template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">"
    "<property name=\"xalign\">0</property>%s"
    "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">"
    "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>", label_properties);
  g_autoptr(GBytes) bytes = g_bytes_new (ui, strlen (ui));

  return gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
}

/**
 * tidu_form_ellipsize_drop_down:
 * @drop_down: a drop-down over a #GtkStringList
 * @max_chars: the widest the button's text may be, in characters
 *
 * Keeps a drop-down of long texts (policy titles) from widening its row: the button shows
 * the text ellipsized, the popup shows it whole, wrapped.
 */
void
tidu_form_ellipsize_drop_down (GtkDropDown *drop_down,
                               int          max_chars)
{
  g_autofree char *button = g_strdup_printf ("<property name=\"ellipsize\">end</property>"
                                             "<property name=\"max-width-chars\">%d</property>"
                                             "<property name=\"width-chars\">%d</property>",
                                             max_chars, MIN (max_chars, 12));
  g_autoptr(GtkListItemFactory) factory = string_factory (button);
  g_autoptr(GtkListItemFactory) list_factory = string_factory ("<property name=\"wrap\">True</property>"
                                                               "<property name=\"wrap-mode\">word-char</property>"
                                                               "<property name=\"max-width-chars\">50</property>");

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_drop_down_set_factory (drop_down, factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
}

/* ------------------------------------------------------------------ editors' plumbing */

/* Frees *@member and takes @value in its place. */
void
tidu_form_replace (char **member,
                   char  *value)
{
  g_free (*member);
  *member = value;
}

/* The text of a notes view without the blanks around it, %NULL when nothing is left. */
char *
tidu_form_get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Shows @message in an editor's error card on top, e.g. why the record was not saved. */
void
tidu_form_show_error_box (GtkLabel   *label,
                          GtkWidget  *box,
                          const char *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (box, TRUE);
}

/**
 * tidu_form_class_add_save_action:
 *
 * Installs an editor's "editor.save" action with Ctrl+S; Escape closes the editor.
 */
void
tidu_form_class_add_save_action (GtkWidgetClass              *widget_class,
                                 GtkWidgetActionActivateFunc  save_activated)
{
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/**
 * tidu_form_set_can_save:
 * @can_save: (out): the editor's flag
 *
 * Sets whether the editor's record can be saved now, and with it its "editor.save" action
 * (the Save button, Ctrl+S).
 */
void
tidu_form_set_can_save (GtkWidget *editor,
                        gboolean  *can_save,
                        gboolean   value)
{
  *can_save = value;
  gtk_widget_action_set_enabled (editor, "editor.save", value);
}

/**
 * tidu_form_new_window:
 * @type: an editor's type, a #GtkWindow
 * @parent: (nullable): the window the editor belongs to
 *
 * Returns: (transfer none): a new editor over @parent, in @parent's application
 */
gpointer
tidu_form_new_window (GType      type,
                      GtkWindow *parent)
{
  return g_object_new (type,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

static void
save_on_activate_cb (GtkWidget *editor)
{
  gtk_widget_activate_action (editor, "editor.save", NULL);
}

/* Enter in @row, an entry row (the form's last, most of the time), saves the editor. */
void
tidu_form_save_on_activate (GtkWidget *row,
                            GtkWidget *editor)
{
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (save_on_activate_cb), editor);
}

GtkWidget *
tidu_form_field_widget (gpointer             editor,
                        const TiduFormField *field)
{
  return G_STRUCT_MEMBER (GtkWidget *, editor, field->offset);
}

/* Marks every field touched, so that its issues show: on Save, or for an existing record. */
void
tidu_form_touch_fields (GHashTable          *touched,
                        const TiduFormField *fields,
                        gsize                n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    g_hash_table_add (touched, (gpointer) fields[i].field);
}

/**
 * tidu_form_show_field_issues:
 * @touched: the fields the officer has changed; the others show no issue yet
 *
 * Shows under each row of @fields the issue @validation has for it, then the first blocking
 * issue without a row of its own in the error card (see tidu_form_show_unplaced_error()).
 */
void
tidu_form_show_field_issues (gpointer             editor,
                             const TiduFormField *fields,
                             gsize                n_fields,
                             GHashTable          *touched,
                             TiduValidation      *validation,
                             GtkLabel            *error_label,
                             GtkWidget           *error_box)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      gboolean shown = g_hash_table_contains (touched, fields[i].field);

      tidu_form_show_issue (tidu_form_field_widget (editor, &fields[i]), shown ? validation : NULL,
                            fields[i].field);
    }

  tidu_form_show_unplaced_error (validation, fields, n_fields, sizeof fields[0], error_label, error_box);
}

static void
field_entry_changed_cb (GtkEditable *editable,
                        gpointer     editor)
{
  void (*changed) (GObject *, GParamSpec *, gpointer) = g_object_get_data (G_OBJECT (editable), "tidu-field-changed");

  changed (G_OBJECT (editable), NULL, editor);
}

/**
 * tidu_form_connect_fields:
 * @changed: runs with the row when an entry row's text or a combo row's choice changes; the
 *   row carries its field name as "tidu-field"
 */
void
tidu_form_connect_fields (gpointer              editor,
                          const TiduFormField  *fields,
                          gsize                 n_fields,
                          void                (*changed) (GObject    *row,
                                                          GParamSpec *pspec,
                                                          gpointer    editor))
{
  for (gsize i = 0; i < n_fields; i++)
    {
      GtkWidget *row = tidu_form_field_widget (editor, &fields[i]);

      g_object_set_data (G_OBJECT (row), "tidu-field", (gpointer) fields[i].field);
      if (ADW_IS_ENTRY_ROW (row))
        {
          g_object_set_data (G_OBJECT (row), "tidu-field-changed", changed);
          g_signal_connect (row, "changed", G_CALLBACK (field_entry_changed_cb), editor);
        }
      else
        g_signal_connect (row, "notify::selected", G_CALLBACK (changed), editor);
    }
}

typedef struct
{
  guint                *source;
  TiduFormValidateFunc  validate;
  gpointer              editor;
} PendingCheck;

static gboolean
pending_check_cb (gpointer user_data)
{
  PendingCheck *check = user_data;

  *check->source = 0;
  check->validate (check->editor);
  return G_SOURCE_REMOVE;
}

/**
 * tidu_form_schedule_validate:
 * @source: (inout): the editor's pending check, which its dispose removes
 * @validate: the editor's check
 *
 * Runs @validate TIDU_FORM_VALIDATE_DELAY_MS from now, instead of the check pending: the
 * officer sees the issues once they pause typing.
 */
void
tidu_form_schedule_validate (guint                *source,
                             TiduFormValidateFunc  validate,
                             gpointer              editor)
{
  PendingCheck *check = g_new (PendingCheck, 1);

  check->source = source;
  check->validate = validate;
  check->editor = editor;
  g_clear_handle_id (source, g_source_remove);
  *source = g_timeout_add_full (G_PRIORITY_DEFAULT, TIDU_FORM_VALIDATE_DELAY_MS, pending_check_cb, check, g_free);
}

/**
 * tidu_form_field_changed:
 * @source: (inout): the editor's pending check
 * @validate: the editor's check, run TIDU_FORM_VALIDATE_DELAY_MS after the last change
 *
 * For an editor's @changed callback: marks the row's field touched and puts the check off
 * until the officer pauses.
 *
 * Returns: (nullable): the row's field, for the editor to touch related fields
 */
const char *
tidu_form_field_changed (GObject              *row,
                         GHashTable           *touched,
                         guint                *source,
                         TiduFormValidateFunc  validate,
                         gpointer              editor)
{
  const char *field = g_object_get_data (row, "tidu-field");

  if (field != NULL)
    g_hash_table_add (touched, (gpointer) field);
  tidu_form_schedule_validate (source, validate, editor);
  return field;
}
