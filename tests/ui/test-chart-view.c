/* test-chart-view.c: the chart widget shows exact values on hover, reports clicks and Enter
 * with the element's key, and follows the libadwaita light and dark styles.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-chart-view.h"

#include "chart-fixtures.h"
#include "ui-test-utils.h"

typedef struct
{
  GtkWindow     *window;
  TiduChartView *view;
  GPtrArray     *activated;
} Fixture;

static void
activated_cb (TiduChartView *view,
              const char    *key,
              Fixture       *fixture)
{
  g_ptr_array_add (fixture->activated, g_strdup (key));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  kind)
{
  g_autoptr(TiduChartData) data = tidu_test_chart_fixture (GPOINTER_TO_UINT (kind), FALSE);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->view = TIDU_CHART_VIEW (tidu_chart_view_new ());
  tidu_chart_view_set_data (fixture->view, data);
  g_signal_connect (fixture->view, "activated", G_CALLBACK (activated_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_set_default_size (fixture->window, 640, 360);
  gtk_window_present (fixture->window);
  TIDU_TEST_WAIT_FOR (tidu_chart_view_get_result (fixture->view) != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tidu_test_destroy_toplevels ();
  g_ptr_array_unref (fixture->activated);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_error ("No %s on the chart view", g_type_name (type));
  return NULL;
}

static const TiduChartHit *
hit_with_key (TiduChartView *view,
              const char    *key)
{
  const TiduChartResult *result = tidu_chart_view_get_result (view);

  for (guint i = 0; i < result->hits->len; i++)
    {
      const TiduChartHit *hit = g_ptr_array_index (result->hits, i);

      if (g_strcmp0 (hit->key, key) == 0)
        return hit;
    }
  g_error ("No element “%s” in the chart", key);
  return NULL;
}

/* Moving over a bar puts its exact value in the tooltip; moving off clears it. */
static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  const TiduChartHit *hit = hit_with_key (fixture->view, "hnte");

  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)));
  g_signal_emit_by_name (motion, "motion", hit->rect.x + 3, hit->rect.y + hit->rect.height / 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)), ==, "高新技术企业: 1,987 家");

  hit = hit_with_key (fixture->view, "unicorn");
  g_signal_emit_by_name (motion, "motion", hit->rect.x + hit->rect.width - 2, hit->rect.y + 1);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)), ==, "独角兽企业: 4 家");

  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (fixture->view)));
  g_assert_cmpint (tidu_chart_view_get_selected (fixture->view), ==, -1);
}

/* A click on a bar reports its key; a click beside the bars reports nothing. */
static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  GtkEventController *click = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_CLICK);
  const TiduChartHit *hit = hit_with_key (fixture->view, "gazelle");

  g_signal_emit_by_name (click, "released", 1, hit->rect.x + 2, hit->rect.y + hit->rect.height / 2);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "gazelle");

  g_signal_emit_by_name (click, "released", 1, 2.0, 2.0);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
}

/* The arrow keys walk the elements in reading order and Enter activates the selected one. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  g_assert_true (gtk_widget_grab_focus (view));
  tidu_test_settle ();
  /* Nothing is selected until the first arrow key, which picks the first element. */
  g_assert_cmpint (tidu_chart_view_get_selected (fixture->view), ==, -1);
  g_assert_true (gtk_widget_activate_action (view, "chart.activate", NULL));
  g_assert_cmpuint (fixture->activated->len, ==, 0);
  g_assert_true (gtk_widget_activate_action (view, "chart.move", "i", 1));
  g_assert_cmpint (tidu_chart_view_get_selected (fixture->view), ==, 0);
  g_assert_true (gtk_widget_activate_action (view, "chart.move", "i", 1));
  g_assert_true (gtk_widget_activate_action (view, "chart.move", "i", 1));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (view), ==, "瞪羚企业: 146 家");
  g_assert_true (gtk_widget_activate_action (view, "chart.activate", NULL));
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "gazelle");

  /* Past the ends it stays on the last and the first. */
  g_assert_true (gtk_widget_activate_action (view, "chart.move", "i", G_MAXINT32));
  g_assert_true (gtk_widget_activate_action (view, "chart.move", "i", 1));
  g_assert_cmpint (tidu_chart_view_get_selected (fixture->view), ==, 5);
  g_assert_true (gtk_widget_activate_action (view, "chart.move", "i", -9));
  g_assert_cmpint (tidu_chart_view_get_selected (fixture->view), ==, 0);
}

static guint32
pixel_at (GtkWidget *widget,
          int        x,
          int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 pixel;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  cairo_surface_destroy (surface);
  return pixel & 0xffffff;
}

/* The chart follows libadwaita's style: light, then dark when the style manager says so. */
static void
test_style (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  TiduChartStyle style;

  g_assert_cmphex (pixel_at (view, 2, 2), ==, 0xfafafa);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  tidu_test_settle ();
  tidu_chart_view_get_style (fixture->view, &style);
  g_assert_true (style.dark);
  g_assert_cmphex (pixel_at (view, 2, 2), ==, 0x242424);
}

/* Export writes what the view shows. */
static void
test_write (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *dir = tidu_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "ladder.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  g_assert_true (tidu_chart_view_write (fixture->view, path, 800, 450, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
  cairo_surface_destroy (image);
  tidu_test_remove_dir (dir);
}

/* New data replaces the hits; no data draws nothing and answers nothing. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TiduChartData) carrier = tidu_test_chart_fixture (TIDU_CHART_CARRIER, FALSE);

  tidu_chart_view_set_data (fixture->view, carrier);
  g_assert_true (tidu_chart_view_get_data (fixture->view) == carrier);
  TIDU_TEST_WAIT_FOR (tidu_chart_view_get_result (fixture->view) != NULL);
  g_assert_cmpuint (tidu_chart_view_get_result (fixture->view)->hits->len, ==, 30);
  hit_with_key (fixture->view, "2025|became_hnte");

  tidu_chart_view_set_data (fixture->view, NULL);
  tidu_test_settle ();
  g_assert_null (tidu_chart_view_get_result (fixture->view));
}

int
main (int   argc,
      char *argv[])
{
  gconstpointer ladder = GUINT_TO_POINTER (TIDU_CHART_LADDER);

  tidu_test_init (&argc, &argv);

  g_test_add ("/chart-view/hover", Fixture, ladder, fixture_set_up, test_hover, fixture_tear_down);
  g_test_add ("/chart-view/click", Fixture, ladder, fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/chart-view/keyboard", Fixture, ladder, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/chart-view/style", Fixture, ladder, fixture_set_up, test_style, fixture_tear_down);
  g_test_add ("/chart-view/write", Fixture, ladder, fixture_set_up, test_write, fixture_tear_down);
  g_test_add ("/chart-view/replace", Fixture, ladder, fixture_set_up, test_replace, fixture_tear_down);

  return g_test_run ();
}
