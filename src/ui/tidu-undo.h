/* tidu-undo.h: the one Undo toast of a window, shared by every place that deletes
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

/**
 * TiduUndoFunc:
 * @database: the database the deletion happened in
 * @data: what the caller passed to tidu_undo_offer()
 * @error: return location for an error
 *
 * Takes a deletion back: restores a record from the trash, or saves a copy again.
 *
 * Returns: %TRUE on success
 */
typedef gboolean (*TiduUndoFunc)   (TiduDatabase  *database,
                                    gpointer       data,
                                    GError       **error);

/**
 * TiduUndoneFunc:
 * @object: the object given to tidu_undo_offer(), still alive
 *
 * Runs once per object after an Undo restored what the object had deleted, so that the page
 * shows it again.
 */
typedef void     (*TiduUndoneFunc) (GObject       *object);

/**
 * TiduUndoManyFunc:
 * @n: how many deletions the toast gathers, 2 or more
 *
 * Returns: (transfer full): the toast's title for @n deletions of one kind, e.g. "3 firms
 *   moved to the trash"
 */
typedef char    *(*TiduUndoManyFunc) (guint n);

void     tidu_undo_offer    (GtkWidget        *widget,
                             TiduDatabase     *database,
                             const char       *title,
                             TiduUndoManyFunc  many,
                             TiduUndoFunc      undo,
                             gpointer          data,
                             GDestroyNotify    destroy,
                             GObject          *object,
                             TiduUndoneFunc    undone);
void     tidu_undo_offer_restore (GtkWidget        *widget,
                                  TiduDatabase     *database,
                                  const char       *title,
                                  TiduUndoManyFunc  many,
                                  gboolean        (*restore) (TiduDatabase *database,
                                                              const char   *id,
                                                              GError      **error),
                                  const char       *id,
                                  GObject          *object,
                                  TiduUndoneFunc    undone);
gboolean tidu_undo_run      (GtkWidget        *widget);
gboolean tidu_undo_can_undo (GtkWidget        *widget);

G_END_DECLS
