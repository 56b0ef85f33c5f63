/* tidu-chart-view.c: a chart on screen, drawn by the same renderer that writes chart files.
 *
 * The chart is drawn into a cached render node through cairo, in libadwaita's light or dark
 * palette, and redrawn when the data, the size or the style changes. Hovering a bar shows its
 * exact value as the tooltip; clicking it, or pressing Enter on the element the arrow keys
 * selected (the first press picks the first element), emits "activated" with the element's key (e.g. a tier code) so the page can open
 * the firms behind the number.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-chart-view.h"

struct _TiduChartView
{
  GtkWidget        parent_instance;

  /* Owned references */
  TiduChartData   *data;
  TiduChartResult *result;
  GskRenderNode   *node;       /* the chart as last drawn, for as long as nothing changed */
  char            *accessible_label;

  int              node_width;
  int              node_height;
  gboolean         node_dark;
  int              selected;   /* index into result->hits, -1 for none */
};

G_DEFINE_FINAL_TYPE (TiduChartView, tidu_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
invalidate (TiduChartView *self)
{
  g_clear_pointer (&self->node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const TiduChartHit *
selected_hit (TiduChartView *self)
{
  if (self->result == NULL || self->selected < 0 || (guint) self->selected >= self->result->hits->len)
    return NULL;
  return g_ptr_array_index (self->result->hits, self->selected);
}

/* The tooltip and the accessible description follow the selected element. */
static void
select_hit (TiduChartView *self,
            int            index)
{
  const TiduChartHit *hit;
  g_autofree char *tooltip = NULL;

  if (self->selected == index)
    return;
  self->selected = index;
  hit = selected_hit (self);
  if (hit != NULL)
    tooltip = tidu_chart_hit_get_tooltip (hit);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip != NULL ? tooltip : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible_label (TiduChartView *self)
{
  const char *label = self->result != NULL ? self->result->summary
                      : self->data != NULL && self->data->title != NULL ? self->data->title
                      : _("Chart");

  if (g_strcmp0 (label, self->accessible_label) == 0)
    return;
  g_free (self->accessible_label);
  self->accessible_label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Draws the chart into a fresh node and keeps its hit regions. */
static void
ensure_node (TiduChartView *self,
             int            width,
             int            height)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  TiduChartStyle style;
  gboolean dark = is_dark ();
  cairo_t *cr;
  int previous_hits = self->result != NULL ? (int) self->result->hits->len : -1;

  if (self->node != NULL && self->node_width == width && self->node_height == height && self->node_dark == dark)
    return;

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->result, tidu_chart_result_free);
  self->node_width = width;
  self->node_height = height;
  self->node_dark = dark;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  tidu_chart_view_get_style (self, &style);
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->result = tidu_chart_render (cr, &style, self->data, width, height);
  cairo_destroy (cr);
  self->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  /* A new layout keeps the selection only when it has the same elements. */
  if ((int) self->result->hits->len != previous_hits)
    self->selected = -1;
  update_accessible_label (self);
}

static void
tidu_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TiduChartView *self = TIDU_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const TiduChartHit *hit;

  ensure_node (self, width, height);
  if (self->node == NULL)
    return;
  gtk_snapshot_append_node (snapshot, self->node);

  hit = selected_hit (self);
  if (hit == NULL && gtk_widget_has_visible_focus (widget))
    {
      /* Focused before an arrow key picked an element: ring the whole chart. */
      TiduChartStyle style;
      GskRoundedRect outline;
      const float widths[4] = { 2, 2, 2, 2 };
      GdkRGBA colors[4];

      tidu_chart_view_get_style (self, &style);
      for (guint i = 0; i < 4; i++)
        colors[i] = (GdkRGBA) { style.accent.red, style.accent.green, style.accent.blue, 1.0 };
      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 6);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
  else if (hit != NULL)
    {
      TiduChartStyle style;
      graphene_rect_t area = GRAPHENE_RECT_INIT (hit->rect.x, hit->rect.y, hit->rect.width, hit->rect.height);
      GdkRGBA shade, ring;

      tidu_chart_view_get_style (self, &style);
      shade = (GdkRGBA) { style.foreground.red, style.foreground.green, style.foreground.blue, 0.08 };
      gtk_snapshot_append_color (snapshot, &shade, &area);

      if (gtk_widget_has_visible_focus (widget))
        {
          GskRoundedRect outline;
          const float widths[4] = { 2, 2, 2, 2 };
          GdkRGBA colors[4];

          ring = (GdkRGBA) { style.accent.red, style.accent.green, style.accent.blue, 1.0 };
          for (guint i = 0; i < 4; i++)
            colors[i] = ring;
          gsk_rounded_rect_init_from_rect (&outline, &area, 3);
          gtk_snapshot_append_border (snapshot, &outline, widths, colors);
        }
    }
}

static void
tidu_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      *minimum = 180;
      *natural = 320;
    }
}

static void
tidu_chart_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  TiduChartView *self = TIDU_CHART_VIEW (widget);

  if (width != self->node_width || height != self->node_height)
    g_clear_pointer (&self->node, gsk_render_node_unref);
}

static void
activate_hit (TiduChartView *self)
{
  const TiduChartHit *hit = selected_hit (self);

  if (hit != NULL && hit->key != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, hit->key);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TiduChartView            *self)
{
  guint index;

  if (tidu_chart_result_hit_at (self->result, x, y, &index) != NULL)
    select_hit (self, (int) index);
  else
    select_hit (self, -1);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TiduChartView            *self)
{
  /* The keyboard's element stays selected while the view has the focus. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    select_hit (self, -1);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             TiduChartView   *self)
{
  guint index;

  if (tidu_chart_result_hit_at (self->result, x, y, &index) == NULL)
    return;
  select_hit (self, (int) index);
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  activate_hit (self);
}

static void
focus_changed_cb (GtkEventControllerFocus *controller,
                  TiduChartView           *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TiduChartView *self = TIDU_CHART_VIEW (widget);
  int n = self->result != NULL ? (int) self->result->hits->len : 0;
  int step = g_variant_get_int32 (parameter);
  int index;

  if (n == 0)
    return;
  if (step == G_MININT32)
    index = 0;
  else if (step == G_MAXINT32)
    index = n - 1;
  else if (self->selected < 0)
    index = step > 0 ? 0 : n - 1;
  else
    index = CLAMP (self->selected + step, 0, n - 1);
  select_hit (self, index);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  activate_hit (TIDU_CHART_VIEW (widget));
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 TiduChartView   *self)
{
  invalidate (self);
}

static void
tidu_chart_view_dispose (GObject *object)
{
  TiduChartView *self = TIDU_CHART_VIEW (object);

  g_clear_pointer (&self->node, gsk_render_node_unref);
  g_clear_pointer (&self->result, tidu_chart_result_free);
  g_clear_pointer (&self->data, tidu_chart_data_unref);
  g_clear_pointer (&self->accessible_label, g_free);

  G_OBJECT_CLASS (tidu_chart_view_parent_class)->dispose (object);
}

static void
tidu_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TiduChartView *self = TIDU_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TiduChartView *self = TIDU_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      tidu_chart_view_set_data (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_chart_view_class_init (TiduChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_chart_view_dispose;
  object_class->get_property = tidu_chart_view_get_property;
  object_class->set_property = tidu_chart_view_set_property;

  widget_class->snapshot = tidu_chart_view_snapshot;
  widget_class->measure = tidu_chart_view_measure;
  widget_class->size_allocate = tidu_chart_view_size_allocate;

  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL, TIDU_TYPE_CHART_DATA,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiduChartView::activated:
   * @key: the element's key: a category key, "CATEGORY|SERIES", or an interval's key
   *
   * A bar, cell or interval was clicked, or Enter was pressed on the selected one.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "chart.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.move", "i", G_MININT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.move", "i", G_MAXINT32);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tidu_chart_view_init (TiduChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->selected = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
  update_accessible_label (self);
}

GtkWidget *
tidu_chart_view_new (void)
{
  return g_object_new (TIDU_TYPE_CHART_VIEW, NULL);
}

/**
 * tidu_chart_view_set_data:
 * @data: (nullable): what to draw; the view keeps a reference
 */
void
tidu_chart_view_set_data (TiduChartView *self,
                          TiduChartData *data)
{
  g_return_if_fail (TIDU_IS_CHART_VIEW (self));

  if (self->data == data)
    return;
  g_clear_pointer (&self->data, tidu_chart_data_unref);
  if (data != NULL)
    self->data = tidu_chart_data_ref (data);
  g_clear_pointer (&self->result, tidu_chart_result_free);
  self->selected = -1;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  update_accessible_label (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

TiduChartData *
tidu_chart_view_get_data (TiduChartView *self)
{
  g_return_val_if_fail (TIDU_IS_CHART_VIEW (self), NULL);
  return self->data;
}

void
tidu_chart_view_get_style (TiduChartView  *self,
                           TiduChartStyle *style)
{
  if (is_dark ())
    tidu_chart_style_init_dark (style);
  else
    tidu_chart_style_init_light (style);
}

const TiduChartResult *
tidu_chart_view_get_result (TiduChartView *self)
{
  g_return_val_if_fail (TIDU_IS_CHART_VIEW (self), NULL);
  return self->result;
}

int
tidu_chart_view_get_selected (TiduChartView *self)
{
  g_return_val_if_fail (TIDU_IS_CHART_VIEW (self), -1);
  return self->selected;
}

/**
 * tidu_chart_view_write:
 * @path: a .png, .svg or .pdf file
 *
 * Writes the view's chart at @width × @height in the palette on screen.
 */
gboolean
tidu_chart_view_write (TiduChartView  *self,
                       const char     *path,
                       int             width,
                       int             height,
                       GError        **error)
{
  TiduChartStyle style;

  g_return_val_if_fail (TIDU_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (self->data != NULL, FALSE);

  tidu_chart_view_get_style (self, &style);
  return tidu_chart_write (path, &style, self->data, width, height, error);
}
