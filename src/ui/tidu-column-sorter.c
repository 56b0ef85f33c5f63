/* tidu-column-sorter.c: tells which column header the user sorted by
 *
 * Record lists sort in SQL, so the column view never sorts anything itself: its columns get
 * sorters only so that their headers are clickable and show the arrow. What the SQL needs is
 * the primary sort column and its direction, and GTK 4.8 has no getter for them
 * (gtk_column_view_sorter_get_primary_sort_column() is 4.10).
 *
 * So each column gets one of these sorters, which compares nothing and answers "smaller"
 * whatever the items. The view's sorter (a GtkColumnViewSorter) compares by asking its
 * column sorters in order, primary first, negating the answer of a descending column, and
 * stops at the first answer that is not "equal". Comparing two dummy items with the view's
 * sorter therefore calls exactly one of ours, the primary column's, and the sign of the
 * result is its direction: "smaller" ascending, "larger" descending. No column sorted: none is
 * called and the result is "equal". This relies only on the documented behaviour of
 * gtk_column_view_get_sorter() (columns' sorters, primary first, then the others to break
 * ties) and on public GtkSorter API, so it keeps working on later GTK versions too.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-column-sorter.h"

struct _TiduColumnSorter
{
  GtkSorter  parent_instance;

  char      *column_id;
};

G_DEFINE_FINAL_TYPE (TiduColumnSorter, tidu_column_sorter, GTK_TYPE_SORTER)

/* The sorter that answered the last probe; probes run on the main thread only. */
static TiduColumnSorter *last_compared;

static GtkOrdering
tidu_column_sorter_compare (GtkSorter *sorter,
                            gpointer   item1,
                            gpointer   item2)
{
  last_compared = TIDU_COLUMN_SORTER (sorter);

  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
tidu_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
tidu_column_sorter_finalize (GObject *object)
{
  TiduColumnSorter *self = TIDU_COLUMN_SORTER (object);

  if (last_compared == self)
    last_compared = NULL;
  g_clear_pointer (&self->column_id, g_free);

  G_OBJECT_CLASS (tidu_column_sorter_parent_class)->finalize (object);
}

static void
tidu_column_sorter_class_init (TiduColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = tidu_column_sorter_finalize;

  sorter_class->compare = tidu_column_sorter_compare;
  sorter_class->get_order = tidu_column_sorter_get_order;
}

static void
tidu_column_sorter_init (TiduColumnSorter *self)
{
}

/**
 * tidu_column_sorter_new:
 * @column_id: the list column this sorter stands for
 *
 * Returns: (transfer full): a sorter for a #GtkColumnViewColumn
 */
GtkSorter *
tidu_column_sorter_new (const char *column_id)
{
  TiduColumnSorter *self = g_object_new (TIDU_TYPE_COLUMN_SORTER, NULL);

  self->column_id = g_strdup (column_id);

  return GTK_SORTER (self);
}

const char *
tidu_column_sorter_get_column_id (TiduColumnSorter *self)
{
  g_return_val_if_fail (TIDU_IS_COLUMN_SORTER (self), NULL);

  return self->column_id;
}

/**
 * tidu_column_sorter_probe:
 * @view_sorter: the sorter of a #GtkColumnView whose sortable columns use #TiduColumnSorter
 * @descending: (out): whether the primary column sorts in descending order
 *
 * Returns: (nullable): the id of the primary sort column, or %NULL when none is sorted
 */
const char *
tidu_column_sorter_probe (GtkSorter *view_sorter,
                          gboolean  *descending)
{
  /* Any two distinct objects do as items: the column sorters never look at them. */
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;
  TiduColumnSorter *primary;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), NULL);

  last_compared = NULL;
  ordering = gtk_sorter_compare (view_sorter, a, b);
  primary = last_compared;
  last_compared = NULL;

  *descending = ordering == GTK_ORDERING_LARGER;

  if (primary == NULL || ordering == GTK_ORDERING_EQUAL)
    return NULL;

  return primary->column_id;
}
