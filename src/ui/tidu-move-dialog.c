/* tidu-move-dialog.c: the window that moves a firm into a carrier
 *
 * Moving closes the firm's open stay on the day of the move (outcome "left") and opens a stay
 * in the chosen carrier, in one transaction (tidu_firm_move_to_carrier). The dialog checks the
 * same rules as the officer types, so a refusal shows on the row that causes it.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"

#include "tidu-move-dialog.h"

#define VALIDATE_DELAY_MS 300

struct _TiduMoveDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  AdwActionRow   *current_row;
  AdwComboRow    *carrier_row;
  AdwEntryRow    *date_row;

  /* Owned references */
  TiduDatabase   *database;
  char           *firm_id;
  TiduStay       *open_stay;       /* the stay the firm is in now, or NULL */
  GStrv           carrier_values;

  guint           validate_source;
  gboolean        can_move;
};

G_DEFINE_FINAL_TYPE (TiduMoveDialog, tidu_move_dialog, ADW_TYPE_WINDOW)

enum {
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (TiduMoveDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/**
 * tidu_move_dialog_validate:
 *
 * Checks the form now instead of after the short pause that follows typing.
 */
void
tidu_move_dialog_validate (TiduMoveDialog *self)
{
  const char *carrier_id;
  g_autoptr(GError) error = NULL;
  GDate date;
  gboolean ok = TRUE;

  g_return_if_fail (TIDU_IS_MOVE_DIALOG (self));

  g_clear_handle_id (&self->validate_source, g_source_remove);

  carrier_id = tidu_form_get_combo_value (self->carrier_row, self->carrier_values);
  if (carrier_id == NULL)
    ok = FALSE;
  if (carrier_id != NULL && self->open_stay != NULL
      && g_strcmp0 (carrier_id, self->open_stay->carrier_id) == 0)
    {
      tidu_form_show_message (GTK_WIDGET (self->carrier_row), TIDU_FORM_MESSAGE_ERROR,
                              _("The firm is already in this carrier."));
      ok = FALSE;
    }
  else
    tidu_form_show_message (GTK_WIDGET (self->carrier_row), TIDU_FORM_MESSAGE_NONE, NULL);

  if (!tidu_form_get_date (self->date_row, &date, &error))
    {
      tidu_form_show_message (GTK_WIDGET (self->date_row), TIDU_FORM_MESSAGE_ERROR, error->message);
      ok = FALSE;
    }
  else if (!g_date_valid (&date))
    {
      tidu_form_show_message (GTK_WIDGET (self->date_row), TIDU_FORM_MESSAGE_ERROR,
                              _("Enter the date of the move."));
      ok = FALSE;
    }
  else if (self->open_stay != NULL && g_date_compare (&date, &self->open_stay->entered_on) < 0)
    {
      g_autofree char *entered = tidu_date_to_iso (&self->open_stay->entered_on);
      g_autofree char *message = g_strdup_printf (_("The firm moved into its current carrier on %s; it cannot move out before that."),
                                                  entered);

      tidu_form_show_message (GTK_WIDGET (self->date_row), TIDU_FORM_MESSAGE_ERROR, message);
      ok = FALSE;
    }
  else
    tidu_form_show_message (GTK_WIDGET (self->date_row), TIDU_FORM_MESSAGE_NONE, NULL);

  self->can_move = ok;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "move.move", ok);
}

static gboolean
validate_cb (gpointer user_data)
{
  TiduMoveDialog *self = user_data;

  self->validate_source = 0;
  tidu_move_dialog_validate (self);
  return G_SOURCE_REMOVE;
}

static void
changed_cb (TiduMoveDialog *self)
{
  g_clear_handle_id (&self->validate_source, g_source_remove);
  self->validate_source = g_timeout_add (VALIDATE_DELAY_MS, validate_cb, self);
}

static void
date_activated_cb (TiduMoveDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "move.move", NULL);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduMoveDialog *self = TIDU_MOVE_DIALOG (widget);
  g_autofree char *carrier_id = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  tidu_move_dialog_validate (self);
  if (!self->can_move)
    return;

  carrier_id = g_strdup (tidu_form_get_combo_value (self->carrier_row, self->carrier_values));
  tidu_form_get_date (self->date_row, &date, NULL);
  if (!tidu_firm_move_to_carrier (self->database, self->firm_id, carrier_id, &date, &error))
    {
      if (g_error_matches (error, TIDU_ERROR, TIDU_ERROR_INVALID))
        tidu_form_show_message (GTK_WIDGET (self->date_row), TIDU_FORM_MESSAGE_ERROR, error->message);
      else
        {
          g_autofree char *message = g_strdup_printf (_("The firm was not moved. %s"), error->message);

          show_error (self, message);
        }
      return;
    }

  g_signal_emit (self, signals[MOVED], 0, carrier_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
load (TiduMoveDialog *self)
{
  g_autoptr(GPtrArray) carriers = NULL;
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(TiduFirm) firm = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  firm = tidu_firm_load (self->database, self->firm_id, &error);
  if (firm == NULL)
    {
      show_error (self, error->message);
      return;
    }
  adw_window_title_set_subtitle (self->window_title, firm->name);

  carriers = tidu_list_filter_choices (self->database, TIDU_LIST_FIRMS, "carrier_id", &error);
  if (carriers == NULL)
    {
      show_error (self, error->message);
      g_clear_error (&error);
    }
  self->carrier_values = tidu_form_fill_combo (self->carrier_row, carriers, _("Choose a carrier"));

  stays = tidu_firm_list_stays (self->database, self->firm_id, &error);
  for (guint i = 0; stays != NULL && i < stays->len; i++)
    {
      TiduStay *stay = g_ptr_array_index (stays, i);

      if (!g_date_valid (&stay->left_on))
        {
          g_clear_pointer (&self->open_stay, tidu_stay_free);
          self->open_stay = tidu_stay_copy (stay);
        }
    }

  if (self->open_stay != NULL)
    {
      g_autoptr(TiduCarrier) carrier = tidu_carrier_load (self->database, self->open_stay->carrier_id, NULL);
      g_autofree char *entered = tidu_date_to_iso (&self->open_stay->entered_on);
      g_autofree char *text = g_strdup_printf (_("%s, since %s"),
                                               carrier != NULL ? carrier->name : self->open_stay->carrier_id,
                                               entered);

      adw_action_row_set_subtitle (self->current_row, text);
    }
  else
    adw_action_row_set_subtitle (self->current_row, _("Not in a carrier"));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

static void
tidu_move_dialog_dispose (GObject *object)
{
  TiduMoveDialog *self = TIDU_MOVE_DIALOG (object);

  g_clear_handle_id (&self->validate_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIDU_TYPE_MOVE_DIALOG);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_move_dialog_parent_class)->dispose (object);
}

static void
tidu_move_dialog_finalize (GObject *object)
{
  TiduMoveDialog *self = TIDU_MOVE_DIALOG (object);

  g_clear_pointer (&self->firm_id, g_free);
  g_clear_pointer (&self->open_stay, tidu_stay_free);
  g_clear_pointer (&self->carrier_values, g_strfreev);

  G_OBJECT_CLASS (tidu_move_dialog_parent_class)->finalize (object);
}

static void
tidu_move_dialog_class_init (TiduMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_move_dialog_dispose;
  object_class->finalize = tidu_move_dialog_finalize;

  /**
   * TiduMoveDialog::moved:
   * @carrier_id: the carrier the firm is in now
   */
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduMoveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduMoveDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, TiduMoveDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduMoveDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, TiduMoveDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, TiduMoveDialog, date_row);

  gtk_widget_class_install_action (widget_class, "move.move", NULL, move_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "move.move", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tidu_move_dialog_init (TiduMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_window_title_set_title (self->window_title, _("Move to Carrier"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "move.move", FALSE);
}

/**
 * tidu_move_dialog_new:
 * @firm_id: the firm to move
 *
 * Returns: (transfer none): a modal dialog, not yet presented; it destroys itself when closed
 */
TiduMoveDialog *
tidu_move_dialog_new (GtkWindow    *parent,
                      TiduDatabase *database,
                      const char   *firm_id)
{
  TiduMoveDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);
  g_return_val_if_fail (firm_id != NULL, NULL);

  self = g_object_new (TIDU_TYPE_MOVE_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->database = g_object_ref (database);
  self->firm_id = g_strdup (firm_id);
  load (self);
  g_signal_connect_swapped (self->carrier_row, "notify::selected", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->date_row, "entry-activated", G_CALLBACK (date_activated_cb), self);
  tidu_move_dialog_validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->carrier_row));
  return self;
}

/* Preselects @carrier_id, as when the officer starts from a carrier's page. */
void
tidu_move_dialog_set_carrier (TiduMoveDialog *self,
                              const char     *carrier_id)
{
  g_return_if_fail (TIDU_IS_MOVE_DIALOG (self));

  tidu_form_set_combo_value (self->carrier_row, self->carrier_values, carrier_id);
  tidu_move_dialog_validate (self);
}

gboolean
tidu_move_dialog_get_can_move (TiduMoveDialog *self)
{
  g_return_val_if_fail (TIDU_IS_MOVE_DIALOG (self), FALSE);
  return self->can_move;
}
