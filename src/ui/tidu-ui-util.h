/* tidu-ui-util.h: small helpers shared by the place pages
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tidu-core.h"

G_BEGIN_DECLS

gint64  tidu_ui_count_rows        (TiduDatabase     *database,
                                   const TiduEntity *entities,
                                   gsize             n_entities);
gboolean tidu_ui_can_write        (TiduDatabase     *database);
gboolean tidu_ui_has_rows         (TiduDatabase     *database,
                                   const TiduEntity *entities,
                                   gsize             n_entities);
char   *tidu_ui_format_count      (gint64            count);
char   *tidu_ui_stored_in_markup  (TiduDatabase     *database);
GtkWindow *tidu_ui_get_window     (GtkWidget        *widget);
void    tidu_ui_today             (GDate            *date);

/* The places (Carriers, Firms, Talents): a list that opens a record's page in place. */
gboolean tidu_ui_is_read_only     (TiduDatabase     *database);
gboolean tidu_ui_stack_shows      (GtkStack         *stack,
                                   const char       *name);
void    tidu_ui_set_subtitle      (GObject          *place,
                                   char            **subtitle,
                                   const char       *value,
                                   GParamSpec       *pspec);
void    tidu_ui_install_place_properties (GObjectClass *object_class,
                                   GParamSpec      **properties,
                                   guint             prop_database,
                                   guint             prop_read_only,
                                   guint             prop_subtitle);
void    tidu_ui_add_shortcut      (GtkEventController *controller,
                                   guint             keyval,
                                   GdkModifierType   modifiers,
                                   const char       *action_name);
void    tidu_ui_add_place_shortcut (GtkWidget       *place,
                                   guint             keyval,
                                   GdkModifierType   modifiers,
                                   const char       *action_name);
void    tidu_ui_class_add_list_actions (GtkWidgetClass *widget_class,
                                   const char       *prefix,
                                   GtkWidgetActionActivateFunc new_activated,
                                   GtkWidgetActionActivateFunc delete_activated,
                                   GtkWidgetActionActivateFunc undo_activated);
void    tidu_ui_remember_focus    (GtkWidget        *place,
                                   GtkWidget       **focus);
gboolean tidu_ui_return_focus     (GtkWidget        *focus,
                                   GtkWidget        *list);

G_END_DECLS
