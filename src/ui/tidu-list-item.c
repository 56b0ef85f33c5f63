/* tidu-list-item.c: one row of a record list, as the list shows it
 *
 * Items are created by TiduListModel only when the view asks for a position, and hold
 * nothing but display strings, so a row costs a few hundred bytes.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-list-item.h"

struct _TiduListItem
{
  GObject   parent_instance;

  gint64    rowid;
  char     *id;
  char    **cells;
  guint     n_cells;
};

G_DEFINE_FINAL_TYPE (TiduListItem, tidu_list_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROWID,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tidu_list_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TiduListItem *self = TIDU_LIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_ROWID:
      g_value_set_int64 (value, self->rowid);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_list_item_finalize (GObject *object)
{
  TiduListItem *self = TIDU_LIST_ITEM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->cells, g_strfreev);

  G_OBJECT_CLASS (tidu_list_item_parent_class)->finalize (object);
}

static void
tidu_list_item_class_init (TiduListItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tidu_list_item_get_property;
  object_class->finalize = tidu_list_item_finalize;

  properties[PROP_ROWID] =
    g_param_spec_int64 ("rowid", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The item now shows another row (tidu_list_item_update). */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tidu_list_item_init (TiduListItem *self)
{
}

/**
 * tidu_list_item_new:
 * @rowid: the record's rowid
 * @id: (nullable): the record's id
 * @cells: (transfer full) (nullable): one string per column, %NULL-terminated; an empty
 *   string where the record has no value
 *
 * Returns: (transfer full): a new item that takes ownership of @cells
 */
TiduListItem *
tidu_list_item_new (gint64      rowid,
                    const char *id,
                    char      **cells)
{
  TiduListItem *self = g_object_new (TIDU_TYPE_LIST_ITEM, NULL);

  self->rowid = rowid;
  self->id = g_strdup (id);
  self->cells = cells != NULL ? cells : g_new0 (char *, 1);
  self->n_cells = g_strv_length (self->cells);

  return self;
}

void
tidu_list_item_update (TiduListItem *self,
                       gint64        rowid,
                       const char   *id,
                       char        **cells)
{
  g_return_if_fail (TIDU_IS_LIST_ITEM (self));

  self->rowid = rowid;
  g_free (self->id);
  self->id = g_strdup (id);
  g_strfreev (self->cells);
  self->cells = cells != NULL ? cells : g_new0 (char *, 1);
  self->n_cells = g_strv_length (self->cells);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  g_signal_emit (self, signals[CHANGED], 0);
}

gint64
tidu_list_item_get_rowid (TiduListItem *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_ITEM (self), 0);

  return self->rowid;
}

const char *
tidu_list_item_get_id (TiduListItem *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_ITEM (self), NULL);

  return self->id;
}

const char * const *
tidu_list_item_get_cells (TiduListItem *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_ITEM (self), NULL);

  return (const char * const *) self->cells;
}

/**
 * tidu_list_item_get_cell:
 * @self: a #TiduListItem
 * @column: a column index
 *
 * Returns: the text of @column, "" where the record has no value or past the last column
 */
const char *
tidu_list_item_get_cell (TiduListItem *self,
                         guint         column)
{
  g_return_val_if_fail (TIDU_IS_LIST_ITEM (self), "");

  if (column >= self->n_cells || self->cells[column] == NULL)
    return "";

  return self->cells[column];
}
