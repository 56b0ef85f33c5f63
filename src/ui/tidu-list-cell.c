/* tidu-list-cell.c: one line of text in a cell of a record list
 *
 * GTK 4.8's list view keeps about 200 rows whatever the window's height (ADR 0009), so a
 * seven-column list holds some 1,400 cells, and the view makes them all again whenever the
 * list grows back from a few rows (clearing a search). With GtkLabel cells each of them
 * shaped its text to be measured, and every new text queued a new layout of the whole list.
 * This cell is measured without its text: every cell of a font has the height of one line
 * of that font, measured once. Its text is shaped only when the cell is drawn, that is
 * for the rows on screen, and a new text only redraws it.
 *
 * The cell ellipsizes at the end; then its tooltip shows the whole text. Its CSS name is
 * "label" and its accessible role a label's, so themes and screen readers treat it as the
 * label it replaces.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-list-cell.h"

struct _TiduListCell
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;   /* made when first drawn */
  guint        numeric : 1;
};

G_DEFINE_FINAL_TYPE (TiduListCell, tidu_list_cell, GTK_TYPE_WIDGET)

/* Latin with ascender and descender, and a CJK character: the tallest line a cell holds. */
#define SAMPLE_LINE "Ag\xe6\xb0\xb8\xe9\x95\x87"  /* Ag永镇 */

/* The line height of the last font a cell was measured with. A list's cells share one font,
 * so this is measured once, and again only when the font or resolution changes. */
static struct
{
  PangoFontDescription *font;
  double                resolution;
  int                   height;
} line_cache;

static int
line_height (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);

  if (line_cache.font == NULL || resolution != line_cache.resolution ||
      !pango_font_description_equal (font, line_cache.font))
    {
      g_autoptr(PangoLayout) sample = pango_layout_new (context);

      pango_layout_set_text (sample, SAMPLE_LINE, -1);
      pango_layout_get_pixel_size (sample, NULL, &line_cache.height);
      g_clear_pointer (&line_cache.font, pango_font_description_free);
      line_cache.font = pango_font_description_copy (font);
      line_cache.resolution = resolution;
    }

  return line_cache.height;
}

static void
tidu_list_cell_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* The columns have their widths (tidu-record-list.c): a cell takes what it is given. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (widget);
}

static void
tidu_list_cell_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TiduListCell *self = TIDU_LIST_CELL (widget);
  int width = gtk_widget_get_width (widget);
  PangoRectangle logical;
  GdkRGBA color;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (widget, self->text);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (self->layout, self->numeric ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      if (self->numeric)
        {
          g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

          pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attributes);
        }
    }
  pango_layout_set_width (self->layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  /* gtk_widget_get_color() is GTK 4.10. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (gtk_widget_get_height (widget) - logical.height) / 2));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
tidu_list_cell_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_tooltip,
                              GtkTooltip *tooltip)
{
  TiduListCell *self = TIDU_LIST_CELL (widget);

  if (!tidu_list_cell_is_ellipsized (self))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

/* The widget's Pango context follows its font, resolution and direction; the layout must be
 * shaped again with it. */
static void
context_changed (TiduListCell *self)
{
  if (self->layout != NULL)
    pango_layout_context_changed (self->layout);
}

static void
tidu_list_cell_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (tidu_list_cell_parent_class)->css_changed (widget, change);
  context_changed (TIDU_LIST_CELL (widget));
}

static void
tidu_list_cell_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (tidu_list_cell_parent_class)->system_setting_changed (widget, setting);
  context_changed (TIDU_LIST_CELL (widget));
  gtk_widget_queue_resize (widget);
}

static void
tidu_list_cell_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (tidu_list_cell_parent_class)->direction_changed (widget, previous);
  context_changed (TIDU_LIST_CELL (widget));
}

static void
tidu_list_cell_finalize (GObject *object)
{
  TiduListCell *self = TIDU_LIST_CELL (object);

  g_free (self->text);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (tidu_list_cell_parent_class)->finalize (object);
}

static void
tidu_list_cell_class_init (TiduListCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tidu_list_cell_finalize;
  widget_class->measure = tidu_list_cell_measure;
  widget_class->snapshot = tidu_list_cell_snapshot;
  widget_class->query_tooltip = tidu_list_cell_query_tooltip;
  widget_class->css_changed = tidu_list_cell_css_changed;
  widget_class->system_setting_changed = tidu_list_cell_system_setting_changed;
  widget_class->direction_changed = tidu_list_cell_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
tidu_list_cell_init (TiduListCell *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
tidu_list_cell_new (gboolean numeric)
{
  TiduListCell *self = g_object_new (TIDU_TYPE_LIST_CELL, NULL);

  self->numeric = numeric != FALSE;
  if (numeric)
    gtk_widget_add_css_class (GTK_WIDGET (self), "numeric");

  return GTK_WIDGET (self);
}

void
tidu_list_cell_set_text (TiduListCell *self,
                         const char   *text)
{
  g_return_if_fail (TIDU_IS_LIST_CELL (self));

  /* Refilled rows often show what they showed (a search cleared, a refresh after an edit). */
  if (g_strcmp0 (text, self->text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
tidu_list_cell_get_text (TiduListCell *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_CELL (self), NULL);

  return self->text != NULL ? self->text : "";
}

gboolean
tidu_list_cell_is_ellipsized (TiduListCell *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_CELL (self), FALSE);

  return self->layout != NULL && self->text != NULL && self->text[0] != '\0' &&
         pango_layout_is_ellipsized (self->layout);
}
