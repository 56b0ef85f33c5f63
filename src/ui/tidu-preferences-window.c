/* tidu-preferences-window.c: the Preferences window
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-core.h"

#include "tidu-preferences-window.h"

struct _TiduPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *unit_row;
  AdwEntryRow          *region_row;

  /* Owned references */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (TiduPreferencesWindow, tidu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The display-unit nicks of the schema, in the order of TiduMoneyUnit and of the combo row. */
static const char * const unit_nicks[] = {
  [TIDU_MONEY_UNIT_YUAN] = "yuan",
  [TIDU_MONEY_UNIT_THOUSAND_YUAN] = "thousand-yuan",
  [TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN] = "ten-thousand-yuan",
};

static gboolean
unit_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (unit_nicks); i++)
    {
      if (g_str_equal (nick, unit_nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
unit_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (unit_nicks))
    return NULL;

  return g_variant_new_string (unit_nicks[selected]);
}

static void
tidu_preferences_window_dispose (GObject *object)
{
  TiduPreferencesWindow *self = TIDU_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tidu_preferences_window_parent_class)->dispose (object);
}

static void
tidu_preferences_window_class_init (TiduPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduPreferencesWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TiduPreferencesWindow, region_row);
}

static void
tidu_preferences_window_init (TiduPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);

  g_settings_bind_with_mapping (self->settings, "display-unit",
                                self->unit_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                unit_get_mapping, unit_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "default-region",
                   self->region_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
}

TiduPreferencesWindow *
tidu_preferences_window_new (void)
{
  return g_object_new (TIDU_TYPE_PREFERENCES_WINDOW, NULL);
}
