/* ui-test-utils.c: shared set-up for the UI tests
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-utils.h"

/**
 * tidu_test_init:
 *
 * Initialises GLib's test framework, GTK and libadwaita. Without a display the whole
 * program is reported as skipped in TAP and exits.
 */
void
tidu_test_init (int    *argc,
                char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      exit (0);
    }

  adw_init ();
}

gboolean
tidu_test_tick (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * tidu_test_application_new:
 *
 * Returns: (transfer full): a registered application that does not claim the bus name,
 *   so that UI tests running side by side do not become remotes of each other
 */
TiduApplication *
tidu_test_application_new (void)
{
  g_autoptr(TiduApplication) app = tidu_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&app);
}

char *
tidu_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tidu-ui-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
tidu_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        tidu_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/**
 * tidu_test_find_widget:
 *
 * Returns: (transfer none) (nullable): the first widget of @type at or below @root, depth first
 */
GtkWidget *
tidu_test_find_widget (GtkWidget *root,
                       GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = tidu_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * tidu_test_find_toplevel:
 *
 * Returns: (transfer none) (nullable): a toplevel window of @type
 */
GtkWindow *
tidu_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }

  return NULL;
}

void
tidu_test_destroy_toplevels (void)
{
  GList *toplevels = gtk_window_list_toplevels ();

  /* Destroying a window also destroys its dialogs, so keep every entry alive meanwhile. */
  g_list_foreach (toplevels, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (toplevels, g_object_unref);

  tidu_test_settle ();
}

/* Runs whatever the main loop has pending. */
void
tidu_test_settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
