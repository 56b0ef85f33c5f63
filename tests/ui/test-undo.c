/* test-undo.c: the one Undo toast of a window
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "tidu-form-util.h"
#include "tidu-undo.h"
#include "ui-test-utils.h"

typedef struct
{
  char         *dir;
  TiduDatabase *database;
  GtkWindow    *window;
  GtkWidget    *overlay;
  GtkWidget    *page;      /* deletes, inside the overlay */
  GtkWidget    *dialog;    /* an editor window without an overlay of its own */
  GString      *log;       /* what the undo functions did, in order */
  guint         n_undone;
} Fixture;

typedef struct
{
  Fixture *fixture;
  char    *name;
  gboolean fail;
} Deleted;

static void
deleted_free (Deleted *deleted)
{
  g_free (deleted->name);
  g_free (deleted);
}

static gboolean
take_back (TiduDatabase  *database,
           gpointer       data,
           GError       **error)
{
  Deleted *deleted = data;

  if (deleted->fail)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s is gone for good", deleted->name);
      return FALSE;
    }
  g_string_append_printf (deleted->fixture->log, "%s;", deleted->name);
  return TRUE;
}

static void
undone (GObject *object)
{
  Fixture *fixture = g_object_get_data (object, "fixture");

  fixture->n_undone++;
}

static char *
many_firms (guint n)
{
  return g_strdup_printf ("%u firms", n);
}

static void
offer (Fixture          *fixture,
       GtkWidget        *widget,
       const char       *name,
       TiduUndoManyFunc  many,
       gboolean          fail)
{
  Deleted *deleted = g_new0 (Deleted, 1);

  deleted->fixture = fixture;
  deleted->name = g_strdup (name);
  deleted->fail = fail;
  tidu_undo_offer (widget, fixture->database, name, many, take_back, deleted,
                   (GDestroyNotify) deleted_free, G_OBJECT (fixture->page), undone);
}

static GtkWidget *
last_toast_widget (Fixture *fixture)
{
  GtkWidget *toast_widget = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (fixture->overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwToastWidget"))
      toast_widget = child;
  return toast_widget;
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, buttons);
}

static const char *
shown_title (Fixture *fixture)
{
  GtkWidget *toast_widget = last_toast_widget (fixture);

  g_assert_nonnull (toast_widget);
  {
    GtkWidget *label = tidu_test_find_widget (toast_widget, GTK_TYPE_LABEL);

    g_assert_nonnull (label);
    return gtk_label_get_text (GTK_LABEL (label));
  }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = tidu_test_make_dir ();
  path = g_build_filename (fixture->dir, "tidu.sqlite3", NULL);
  fixture->database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  fixture->log = g_string_new (NULL);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->overlay = adw_toast_overlay_new ();
  fixture->page = gtk_label_new ("page");
  g_object_set_data (G_OBJECT (fixture->page), "fixture", fixture);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), fixture->page);
  gtk_window_set_child (fixture->window, fixture->overlay);
  gtk_window_present (fixture->window);

  fixture->dialog = GTK_WIDGET (gtk_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (fixture->dialog), fixture->window);
  gtk_window_set_child (GTK_WINDOW (fixture->dialog), gtk_label_new ("dialog"));
  tidu_test_settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  gtk_window_destroy (fixture->window);
  tidu_test_settle ();
  g_clear_object (&fixture->database);
  g_string_free (fixture->log, TRUE);
  tidu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_gathers_and_undoes_all (Fixture       *fixture,
                             gconstpointer  data)
{
  g_assert_false (tidu_undo_can_undo (fixture->page));
  g_assert_false (tidu_undo_run (fixture->page));

  offer (fixture, fixture->page, "华泰", many_firms, FALSE);
  tidu_test_settle ();
  g_assert_true (tidu_undo_can_undo (fixture->page));
  g_assert_cmpstr (shown_title (fixture), ==, "华泰");

  /* Deletes while the toast shows gather in it: one toast, retitled. */
  offer (fixture, fixture->page, "京口", many_firms, FALSE);
  offer (fixture, fixture->dialog, "丹徒", many_firms, FALSE);
  tidu_test_settle ();
  g_assert_cmpstr (shown_title (fixture), ==, "3 firms");

  /* Ctrl+Z from anywhere in the window, or from a dialog of it, takes back all, newest first. */
  g_assert_true (tidu_undo_run (fixture->dialog));
  g_assert_cmpstr (fixture->log->str, ==, "丹徒;京口;华泰;");
  /* The page that deleted refreshes once, not three times. */
  g_assert_cmpuint (fixture->n_undone, ==, 1);
  g_assert_false (tidu_undo_can_undo (fixture->page));

  /* Only once. */
  g_assert_false (tidu_undo_run (fixture->page));
  g_assert_cmpstr (fixture->log->str, ==, "丹徒;京口;华泰;");
}

static void
test_mixed_kinds (Fixture       *fixture,
                  gconstpointer  data)
{
  offer (fixture, fixture->page, "华泰", many_firms, FALSE);
  offer (fixture, fixture->page, "高新技术企业 certification deleted", NULL, FALSE);
  tidu_test_settle ();
  g_assert_cmpstr (shown_title (fixture), ==, "2 items deleted");
  g_assert_true (tidu_undo_run (fixture->page));
  g_assert_cmpstr (fixture->log->str, ==, "高新技术企业 certification deleted;华泰;");
}

static void
test_plain_text_titles (Fixture       *fixture,
                        gconstpointer  data)
{
  /* libadwaita 1.2 reads toast titles as markup: a name with & or < must show as it is. */
  offer (fixture, fixture->page, "“A&B <研究院>” moved to the trash", NULL, FALSE);
  tidu_test_settle ();
  g_assert_cmpstr (shown_title (fixture), ==, "“A&B <研究院>” moved to the trash");
  g_assert_true (tidu_undo_run (fixture->page));
}

static void
test_failure_is_shown (Fixture       *fixture,
                       gconstpointer  data)
{
  offer (fixture, fixture->page, "华泰", many_firms, FALSE);
  offer (fixture, fixture->page, "京口", many_firms, TRUE);
  tidu_test_settle ();
  /* The newest cannot come back: nothing older is taken back behind the officer's back,
   * and the failure says why. */
  g_assert_false (tidu_undo_run (fixture->page));
  g_assert_cmpstr (fixture->log->str, ==, "");
  tidu_test_settle ();
  g_assert_cmpstr (shown_title (fixture), ==, "Could not undo: 京口 is gone for good");
  g_assert_false (tidu_undo_can_undo (fixture->page));
}

static void
test_dismissed_toast_ends_undo (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  offer (fixture, fixture->page, "华泰", many_firms, FALSE);
  tidu_test_settle ();
  collect_buttons (last_toast_widget (fixture), buttons);
  /* Undo, then the close button, as the officer sees them. */
  g_assert_cmpuint (buttons->len, ==, 2);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  tidu_test_settle ();
  g_assert_false (tidu_undo_can_undo (fixture->page));
  g_assert_false (tidu_undo_run (fixture->page));
  g_assert_cmpstr (fixture->log->str, ==, "");

  /* A new delete starts a new toast of its own. */
  offer (fixture, fixture->page, "京口", many_firms, FALSE);
  tidu_test_settle ();
  g_assert_true (tidu_undo_run (fixture->page));
  g_assert_cmpstr (fixture->log->str, ==, "京口;");
}

int
main (int   argc,
      char *argv[])
{
  tidu_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/undo/gathers-and-undoes-all", test_gathers_and_undoes_all);
  ADD ("/undo/mixed-kinds", test_mixed_kinds);
  ADD ("/undo/plain-text-titles", test_plain_text_titles);
  ADD ("/undo/failure-is-shown", test_failure_is_shown);
  ADD ("/undo/dismissed-toast-ends-undo", test_dismissed_toast_ends_undo);
#undef ADD

  return g_test_run ();
}
