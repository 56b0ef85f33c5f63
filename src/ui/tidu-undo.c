/* tidu-undo.c: the one Undo toast of a window, shared by every place that deletes
 *
 * Every deletion in a window goes through here. While its toast shows, further deletions
 * gather in it ("3 firms moved to the trash") and one Undo, from the toast or Ctrl+Z, takes
 * the whole run back, newest first. Once the toast goes, nothing is left to undo.
 *
 * The toast on screen is retitled rather than replaced: dismissing it and adding another
 * makes libadwaita 1.2 animate one toast out while another comes in, which aborted, or
 * crashed when the window closed in between. It has the normal priority: a high one puts
 * the toast on screen back in the queue, and libadwaita 1.2 then aborts showing it twice
 * (adw-toast-overlay.c: "!info->widget").
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-form-util.h"
#include "tidu-undo.h"

#define BATCH_KEY "tidu-undo-batch"

typedef struct
{
  TiduDatabase     *database;
  TiduUndoFunc      undo;
  gpointer          data;
  GDestroyNotify    destroy;
  GWeakRef          object;
  TiduUndoneFunc    undone;
  TiduUndoManyFunc  many;
} Entry;

typedef struct
{
  AdwToast  *toast;    /* owned; the toast on screen */
  GPtrArray *entries;  /* of Entry, oldest first */
} Batch;

static void
entry_free (Entry *entry)
{
  if (entry->destroy != NULL)
    entry->destroy (entry->data);
  g_clear_object (&entry->database);
  g_weak_ref_clear (&entry->object);
  g_free (entry);
}

static void
batch_free (Batch *batch)
{
  g_clear_object (&batch->toast);
  g_clear_pointer (&batch->entries, g_ptr_array_unref);
  g_free (batch);
}

static Batch *
get_batch (GtkWidget *overlay)
{
  return overlay != NULL ? g_object_get_data (G_OBJECT (overlay), BATCH_KEY) : NULL;
}

static void
toast_dismissed_cb (AdwToast  *toast,
                    GtkWidget *overlay)
{
  Batch *batch = get_batch (overlay);

  /* Gone by timeout or by its close button: the run can no longer be undone. */
  if (batch != NULL && batch->toast == toast)
    g_object_set_data (G_OBJECT (overlay), BATCH_KEY, NULL);
}

static gboolean
run_batch (GtkWidget *overlay)
{
  Batch *batch = g_object_steal_data (G_OBJECT (overlay), BATCH_KEY);
  g_autoptr(GPtrArray) undone = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint restored = 0;

  if (batch == NULL)
    return FALSE;

  adw_toast_dismiss (batch->toast);
  for (guint i = batch->entries->len; i > 0; i--)
    {
      Entry *entry = g_ptr_array_index (batch->entries, i - 1);

      if (!entry->undo (entry->database, entry->data, &error))
        break;
      restored++;
    }

  /* The pages refresh once each, after the whole run is back. */
  for (guint i = 0; i < batch->entries->len && restored > 0; i++)
    {
      Entry *entry = g_ptr_array_index (batch->entries, i);
      GObject *object = g_weak_ref_get (&entry->object);

      if (object == NULL)
        continue;
      if (entry->undone == NULL || g_ptr_array_find (undone, object, NULL))
        {
          g_object_unref (object);
          continue;
        }
      g_ptr_array_add (undone, object);
      entry->undone (object);
    }

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not undo: %s"), error->message);

      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), tidu_form_toast_new (message));
    }
  batch_free (batch);
  return restored > 0;
}

static void
toast_button_clicked_cb (AdwToast  *toast,
                         GtkWidget *overlay)
{
  Batch *batch = get_batch (overlay);

  if (batch != NULL && batch->toast == toast)
    run_batch (overlay);
}

static char *
batch_title (Batch *batch)
{
  guint n = batch->entries->len;
  TiduUndoManyFunc many = ((Entry *) g_ptr_array_index (batch->entries, 0))->many;

  for (guint i = 1; i < n && many != NULL; i++)
    if (((Entry *) g_ptr_array_index (batch->entries, i))->many != many)
      many = NULL;
  if (many != NULL)
    return many (n);
  /* Translators: a toast after several deletions of different kinds, with Undo */
  return g_strdup_printf (ngettext ("%u item deleted", "%u items deleted", n), n);
}

/**
 * tidu_undo_offer:
 * @widget: the widget that deleted; the toast shows in the overlay its window uses
 * @database: the database the deletion happened in
 * @title: the toast's title for this deletion alone
 * @many: (nullable): the title for several deletions of this kind
 * @undo: takes the deletion back
 * @data: (transfer full): passed to @undo
 * @destroy: (nullable): frees @data
 * @object: (nullable): told through @undone after an Undo, if still alive
 * @undone: (nullable): refreshes @object
 *
 * Offers to undo a deletion: in a new toast, or gathered into the toast on screen.
 */
void
tidu_undo_offer (GtkWidget        *widget,
                 TiduDatabase     *database,
                 const char       *title,
                 TiduUndoManyFunc  many,
                 TiduUndoFunc      undo,
                 gpointer          data,
                 GDestroyNotify    destroy,
                 GObject          *object,
                 TiduUndoneFunc    undone)
{
  GtkWidget *overlay = tidu_form_find_toast_overlay (widget);
  Entry *entry;
  Batch *batch;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (TIDU_IS_DATABASE (database));
  g_return_if_fail (undo != NULL);

  entry = g_new0 (Entry, 1);
  entry->database = g_object_ref (database);
  entry->undo = undo;
  entry->data = data;
  entry->destroy = destroy;
  g_weak_ref_init (&entry->object, object);
  entry->undone = undone;
  entry->many = many;

  if (overlay == NULL)
    {
      g_warning ("No toast overlay to offer Undo of: %s", title);
      entry_free (entry);
      return;
    }

  batch = get_batch (overlay);
  if (batch != NULL)
    {
      g_autofree char *gathered = NULL;

      g_ptr_array_add (batch->entries, entry);
      gathered = batch_title (batch);
      {
        g_autofree char *escaped = g_markup_escape_text (gathered, -1);

        adw_toast_set_title (batch->toast, escaped);
      }
      return;
    }

  batch = g_new0 (Batch, 1);
  batch->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_ptr_array_add (batch->entries, entry);
  batch->toast = tidu_form_toast_new (title);
  adw_toast_set_button_label (batch->toast, _("_Undo"));
  g_signal_connect_object (batch->toast, "button-clicked", G_CALLBACK (toast_button_clicked_cb), overlay, 0);
  g_signal_connect_object (batch->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);
  g_object_set_data_full (G_OBJECT (overlay), BATCH_KEY, batch, (GDestroyNotify) batch_free);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (batch->toast));
}

typedef struct
{
  gboolean (*restore) (TiduDatabase *database, const char *id, GError **error);
  char     *id;
} Restore;

static void
restore_free (Restore *restore)
{
  g_free (restore->id);
  g_free (restore);
}

static gboolean
run_restore (TiduDatabase  *database,
             gpointer       data,
             GError       **error)
{
  Restore *restore = data;

  return restore->restore (database, restore->id, error);
}

/**
 * tidu_undo_offer_restore:
 * @restore: takes the record with @id out of the trash, such as tidu_firm_restore()
 *
 * tidu_undo_offer() for the usual case: a record moved to the trash.
 */
void
tidu_undo_offer_restore (GtkWidget        *widget,
                         TiduDatabase     *database,
                         const char       *title,
                         TiduUndoManyFunc  many,
                         gboolean        (*restore) (TiduDatabase *database,
                                                     const char   *id,
                                                     GError      **error),
                         const char       *id,
                         GObject          *object,
                         TiduUndoneFunc    undone)
{
  Restore *data = g_new0 (Restore, 1);

  data->restore = restore;
  data->id = g_strdup (id);
  tidu_undo_offer (widget, database, title, many, run_restore, data, (GDestroyNotify) restore_free,
                   object, undone);
}

/**
 * tidu_undo_run:
 * @widget: any widget of the window
 *
 * Undoes every deletion the toast on screen gathers, as its Undo button does (Ctrl+Z).
 *
 * Returns: %TRUE when something was restored
 */
gboolean
tidu_undo_run (GtkWidget *widget)
{
  GtkWidget *overlay = tidu_form_find_toast_overlay (widget);

  return overlay != NULL && run_batch (overlay);
}

/**
 * tidu_undo_can_undo:
 * @widget: any widget of the window
 *
 * Returns: %TRUE while a toast offers Undo in @widget's window
 */
gboolean
tidu_undo_can_undo (GtkWidget *widget)
{
  return get_batch (tidu_form_find_toast_overlay (widget)) != NULL;
}
