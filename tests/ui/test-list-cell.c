/* test-list-cell.c: the text cell of the record lists (src/ui/tidu-list-cell.c): one line high
 * whatever its text, as high as a label with the same text, its text shaped only when drawn,
 * and the whole text in its tooltip when it does not fit.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-list-cell.h"
#include "ui-test-utils.h"

static int
height_of (GtkWidget *widget)
{
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}

static void
test_height (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cell = tidu_list_cell_new (FALSE);
  GtkWidget *numeric = tidu_list_cell_new (TRUE);
  GtkWidget *label = gtk_label_new ("镇江华泰智能科技有限公司 Ag");
  static const char * const texts[] = { NULL, "", "91320000MA2C8XXXXX", "镇江华泰智能科技有限公司", "Ag" };
  int height;

  gtk_box_append (GTK_BOX (box), cell);
  gtk_box_append (GTK_BOX (box), numeric);
  gtk_box_append (GTK_BOX (box), label);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (cell));

  /* A line of the list's font, whatever the text: the rows keep one height. */
  height = height_of (cell);
  g_assert_cmpint (height, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      tidu_list_cell_set_text (TIDU_LIST_CELL (cell), texts[i]);
      tidu_list_cell_set_text (TIDU_LIST_CELL (numeric), texts[i]);
      g_assert_cmpstr (tidu_list_cell_get_text (TIDU_LIST_CELL (cell)), ==, texts[i] != NULL ? texts[i] : "");
      g_assert_cmpint (height_of (cell), ==, height);
      g_assert_cmpint (height_of (numeric), ==, height);
    }
  /* As high as the label it replaces, with Chinese and Latin text. */
  g_assert_cmpint (height, ==, height_of (label));

  /* Another font: the line is measured again. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_data (provider, ".big { font-size: 30px; }", -1);
    gtk_style_context_add_provider_for_display (gtk_widget_get_display (cell), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_widget_add_css_class (cell, "big");
    gtk_widget_add_css_class (label, "big");
    TIDU_TEST_WAIT_FOR (height_of (cell) > height);
    g_assert_cmpint (height_of (cell), ==, height_of (label));
    gtk_widget_remove_css_class (cell, "big");
    TIDU_TEST_WAIT_FOR (height_of (cell) == height);
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (cell), GTK_STYLE_PROVIDER (provider));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A text wider than the cell ends in "…" and its tooltip holds all of it. */
static void
test_ellipsized (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *cell = tidu_list_cell_new (FALSE);

  gtk_widget_set_size_request (cell, 80, -1);
  gtk_widget_set_halign (cell, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (cell));

  /* Nothing drawn yet: nothing shaped. */
  g_assert_false (tidu_list_cell_is_ellipsized (TIDU_LIST_CELL (cell)));

  tidu_list_cell_set_text (TIDU_LIST_CELL (cell), "镇江华泰智能科技股份有限公司镇江分公司");
  TIDU_TEST_WAIT_FOR (tidu_list_cell_is_ellipsized (TIDU_LIST_CELL (cell)));
  g_assert_true (gtk_widget_get_has_tooltip (cell));

  tidu_list_cell_set_text (TIDU_LIST_CELL (cell), "华泰");
  tidu_test_settle ();
  g_assert_false (tidu_list_cell_is_ellipsized (TIDU_LIST_CELL (cell)));

  tidu_list_cell_set_text (TIDU_LIST_CELL (cell), NULL);
  tidu_test_settle ();
  g_assert_false (tidu_list_cell_is_ellipsized (TIDU_LIST_CELL (cell)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  tidu_test_init (&argc, &argv);

  g_test_add_func ("/list-cell/height", test_height);
  g_test_add_func ("/list-cell/ellipsized", test_ellipsized);

  return g_test_run ();
}
