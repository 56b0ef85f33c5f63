/* tidu-list-model.c: a record list as a GListModel over an array of rowids
 *
 * The Sysprof pattern over SQLite (DESIGN.md §4, PERFORMANCE.md §2.3): one SQL query, run on
 * a worker thread with its own connection, returns the rowids of the matching records in
 * display order (filters and sort happen in SQL). A search of the live records keeps the
 * list's base order (its query without the search, read once per sort, filter or data change)
 * and filters it in memory by the rowids the FTS indexes find, on the worker too
 * (TiduListBase, docs/adr/0008-list-search-in-memory.md). The model keeps that array
 * (8 bytes a row) and creates TiduListItems only for the positions the view asks for, a page
 * of rows at a time from the main connection, keeping a few pages.
 *
 * A new result (a keystroke in the search, a sort, a filter, a refresh) keeps the item objects
 * the view holds: each position has at most one live item (self->live), which is refilled
 * with the new row at that position and emits "changed", and items-changed only covers the
 * positions added or removed at the end. GTK 4.8's list view, on an items-changed that
 * removes rows it shows, asks for every added item to look for its old ones (100,000 page
 * look-ups when a search is cleared, 1.8 s here) and then makes all its ~200 row widgets
 * again (about 100 ms); kept items avoid both. The view's cells follow "changed".
 *
 * A page the main thread fetches itself (beyond the first ones the worker hands over) would look
 * up each firm's current tier; so the first such page asks a worker for every firm's tier at
 * once (TiduListPrefetch, tidu-list.h), and later pages take it from there while the main
 * connection has seen no commit since it was asked for.
 *
 * The model is also its own single selection. GtkSingleSelection, on an items-changed that
 * covers its selected position, asks for every added item to find the selected one again:
 * with 100,000 rows that would fetch the whole table on every keystroke.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-list-model.h"

/* Idle worker connections kept per database file. */
#define MAX_IDLE_CONNECTIONS 2

typedef struct
{
  guint      index;
  GPtrArray *items;
} Page;

struct _TiduListModel
{
  GObject        parent_instance;

  TiduListKind   kind;
  guint          n_columns;

  TiduDatabase  *database;
  /* Idle worker connections on the database's file; tasks share it, so it outlives them. */
  GAsyncQueue   *pool;

  /* What the list is asked to show, and what the rowids were computed for. */
  TiduListQuery *query;
  TiduListQuery *shown_query;
  char          *sort_column;
  gboolean       sort_descending;
  gboolean       trash;

  GArray        *rowids;
  /* The positions the views see: all of rowids, except for a moment when the list grows
   * from a few rows (see grow_idle_cb). */
  guint          n_shown;
  guint          grow_id;
  guint          cells_id;   /* asks for the cells ahead of the view (cells_idle_cb) */
  GQueue         pages;  /* of Page, the most recently used first */
  /* The base order searches filter (NULL: none read yet, or dropped on a refresh). */
  TiduListBase  *base;

  /* The cells read for every record at once, and what the main connection had seen when they
   * were asked for; the task reading them. */
  TiduListPrefetch *cells;
  TiduListStamp     cells_stamp;
  GCancellable     *cells_cancellable;
  /* position → the TiduListItem alive there (weak: pages and the view hold them) */
  GHashTable    *live;

  GCancellable  *cancellable;
  guint64        serial;
  gboolean       loading;
  gboolean       loaded;
  /* While deferred, queries wait (pending) until tidu_list_model_set_deferred (FALSE). */
  gboolean       deferred;
  gboolean       pending;

  guint          selected;
  guint          n_page_reads;   /* pages read on the main thread (tests, benchmarks) */
  /* Counts changes of search, filters, sort or trash (not refreshes); the rows shown are for
   * shown_criteria. */
  guint          criteria;
  guint          shown_criteria;
};

static void tidu_list_model_list_model_init      (GListModelInterface      *iface);
static void tidu_list_model_selection_model_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TiduListModel, tidu_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, tidu_list_model_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, tidu_list_model_selection_model_init))

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATABASE,
  PROP_N_ITEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FAILED,
  NEW_CRITERIA,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GAsyncQueue   *pool;
  TiduDatabase  *source;   /* the worker opens its own connection to the same data */
  TiduListQuery *query;
  TiduListBase  *base;     /* nullable: the base order the model has */
  guint64        serial;
  guint          criteria;
} RunData;

/* What the worker hands back: the rowids and the cells of the first pages, so that the main
 * thread runs no SQL when the view asks for the first rows right after items-changed. */
typedef struct
{
  GArray       *rowids;
  GPtrArray    *first_rows;   /* TiduListRow, or NULL */
  TiduListBase *base;         /* the base order used, or NULL */
} RunResult;

/* The view sets up about 200 rows at once (PERFORMANCE.md §2.1): GTK 4.8 asks for row 200
 * too, so three pages leave the main thread no SQL before the first frame. */
#define PREFETCH_PAGES 3

/* When a list of fewer rows grows past this many (a search cleared), the views first see
 * only this many: GTK 4.8 makes a row for each of the ~200 positions it keeps, 1,400 cells
 * for seven columns, before it draws any. The first rows fill the window and are drawn in
 * the next frame; the rest come right after that frame (grow_idle_cb). */
#define GROW_FIRST 64

static void
run_result_free (RunResult *result)
{
  g_clear_pointer (&result->rowids, g_array_unref);
  g_clear_pointer (&result->first_rows, g_ptr_array_unref);
  g_clear_pointer (&result->base, tidu_list_base_unref);
  g_free (result);
}

static void
run_data_free (RunData *data)
{
  g_clear_pointer (&data->pool, g_async_queue_unref);
  g_clear_object (&data->source);
  g_clear_pointer (&data->query, tidu_list_query_free);
  g_clear_pointer (&data->base, tidu_list_base_unref);
  g_free (data);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
clear_pages (TiduListModel *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static void
set_loading (TiduListModel *self,
             gboolean       loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static Page *make_page (TiduListModel *self, guint index, GPtrArray *rows, guint first);
static Page *load_page (TiduListModel *self, guint index);
static Page *find_page (TiduListModel *self, guint index);

/* The position a live item was made for (live_item), plus one. Items never move: a new
 * result refills the item at each position. */
static GQuark
live_position_quark (void)
{
  return g_quark_from_static_string ("tidu-list-model-position");
}

static void
live_item_gone_cb (gpointer  data,
                   GObject  *item)
{
  TiduListModel *self = data;
  gpointer key = GUINT_TO_POINTER (GPOINTER_TO_UINT (g_object_get_qdata (item, live_position_quark ())) - 1);

  if (g_hash_table_lookup (self->live, key) == (gpointer) item)
    g_hash_table_remove (self->live, key);
}

static void
forget_live_items (TiduListModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_object_weak_unref (value, live_item_gone_cb, self);
      g_hash_table_iter_remove (&iter);
    }
}

static TiduListPrefetch *current_cells (TiduListModel *self);

/* A list longer than its first pages (which come with the rows) will have pages read on the
 * main thread as soon as it is scrolled: the cells read for every record at once come first,
 * on a worker, once the rows are drawn, so that those pages need no per-row look-ups (the
 * tier of a firm is half the cost of a page read cold: bench-records page-fetch). Asked again
 * after every new result, since a refresh follows each write. */
static gboolean
cells_idle_cb (gpointer user_data)
{
  TiduListModel *self = user_data;

  self->cells_id = 0;
  current_cells (self);
  return G_SOURCE_REMOVE;
}

static gboolean
grow_idle_cb (gpointer user_data)
{
  TiduListModel *self = user_data;
  guint old_n = self->n_shown;

  self->grow_id = 0;
  self->n_shown = self->rowids->len;
  if (self->n_shown > old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_shown - old_n);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  return G_SOURCE_REMOVE;
}

/* Replaces the rows. @first_rows (nullable): the cells of the first rows, fetched with the
 * rowids. The items alive at the positions that remain get their new rows (see the top). */
static void
replace_rowids (TiduListModel *self,
                GArray        *rowids,
                TiduListQuery *query,
                GPtrArray     *first_rows)
{
  guint old_n = self->n_shown;
  guint new_n = rowids->len;
  guint shown_n = new_n;
  guint old_selected = self->selected;
  g_autoptr(GArray) stale_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  g_array_unref (self->rowids);
  self->rowids = rowids;
  g_clear_handle_id (&self->grow_id, g_source_remove);
  if (old_n < GROW_FIRST && new_n > GROW_FIRST)
    {
      shown_n = GROW_FIRST;
      /* After the frame that shows the first rows: the frame clock paints at
       * GDK_PRIORITY_REDRAW, and an idle runs only when nothing more urgent is ready. */
      self->grow_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, grow_idle_cb, self, NULL);
    }
  self->n_shown = shown_n;
  g_clear_handle_id (&self->cells_id, g_source_remove);
  if (new_n > PREFETCH_PAGES * TIDU_LIST_MODEL_PAGE_SIZE && tidu_list_kind_has_prefetch (self->kind))
    self->cells_id = g_idle_add_full (G_PRIORITY_LOW, cells_idle_cb, self, NULL);
  g_clear_pointer (&self->shown_query, tidu_list_query_free);
  self->shown_query = query;
  clear_pages (self);
  self->selected = GTK_INVALID_LIST_POSITION;

  /* Items alive past the new end go with the rows removed below; the others past the
   * worker's first pages (the view had scrolled) read their pages now. The first pages come
   * last, so that they stay in the cache. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);
      guint index = position / TIDU_LIST_MODEL_PAGE_SIZE;

      if (position >= shown_n)
        {
          g_object_weak_unref (value, live_item_gone_cb, self);
          g_hash_table_iter_remove (&iter);
        }
      else if (index >= PREFETCH_PAGES || first_rows == NULL
               || index * TIDU_LIST_MODEL_PAGE_SIZE >= first_rows->len)
        {
          guint i;

          for (i = 0; i < stale_pages->len && g_array_index (stale_pages, guint, i) != index; i++)
            ;
          if (i == stale_pages->len)
            g_array_append_val (stale_pages, index);
        }
    }
  for (guint i = 0; i < stale_pages->len; i++)
    load_page (self, g_array_index (stale_pages, guint, i));

  /* The pages the view asks for first, ready before it asks (the last page pushed is the
   * most recently used, so the first page stays longest). */
  for (guint index = PREFETCH_PAGES; first_rows != NULL && index-- > 0;)
    {
      guint start = index * TIDU_LIST_MODEL_PAGE_SIZE;

      if (start < MIN (first_rows->len, new_n))
        make_page (self, index, first_rows, start);
    }

  if (shown_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), shown_n, old_n - shown_n, 0);
  else if (shown_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, shown_n - old_n);
  if (old_selected != GTK_INVALID_LIST_POSITION && old_selected < MIN (old_n, shown_n))
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old_selected, 1);
  if (old_n != shown_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* A worker's connection: an idle one of @pool, or a new one to @source's file. */
static TiduDatabase *
take_connection (GAsyncQueue   *pool,
                 TiduDatabase  *source,
                 GError       **error)
{
  TiduDatabase *db = g_async_queue_try_pop (pool);

  return db != NULL ? db : tidu_database_open_again (source, error);
}

/* One thread at a time uses a connection: a worker gives it back to @pool (at its @front or
 * its end) only when done, and closes it when the pool holds enough. Takes @db. */
static void
give_connection (GAsyncQueue  *pool,
                 TiduDatabase *db,
                 gboolean      front)
{
  if (g_async_queue_length (pool) >= MAX_IDLE_CONNECTIONS)
    g_object_unref (db);
  else if (front)
    g_async_queue_push_front (pool, db);
  else
    g_async_queue_push (pool, db);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduListBase) base = NULL;
  GPtrArray *first_rows = NULL;
  GArray *rowids = NULL;

  /* A newer query came while this one waited for a thread. */
  if (g_task_return_error_if_cancelled (task))
    return;

  db = take_connection (data->pool, data->source, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (tidu_list_query_can_use_base (data->query))
    {
      /* The base order the model has, unless the query (search aside) or the data changed. */
      if (data->base != NULL && tidu_list_base_is_current (data->base, db, data->query))
        base = tidu_list_base_ref (data->base);
      else
        base = tidu_list_base_new (db, data->query, &error);
      if (base != NULL && !g_cancellable_is_cancelled (cancellable))
        rowids = tidu_list_base_search (base, db, data->query, &error);
      else if (base != NULL)
        rowids = g_array_new (FALSE, FALSE, sizeof (gint64));   /* too late anyway */
    }
  else
    rowids = tidu_list_query_run (db, data->query, &error);
  if (rowids != NULL && rowids->len > 0 && !g_cancellable_is_cancelled (cancellable))
    {
      /* A failure here only means the main thread fetches those pages itself. */
      first_rows = tidu_list_fetch_rows (db, data->query, (const gint64 *) rowids->data,
                                         MIN (rowids->len, PREFETCH_PAGES * TIDU_LIST_MODEL_PAGE_SIZE),
                                         NULL);
    }

  /* In front, so that the next query gets it again (a base order is current on its own
   * connection only). */
  give_connection (data->pool, g_steal_pointer (&db), TRUE);

  if (rowids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      RunResult *result = g_new0 (RunResult, 1);

      result->rowids = rowids;
      result->first_rows = first_rows;
      result->base = g_steal_pointer (&base);
      g_task_return_pointer (task, result, (GDestroyNotify) run_result_free);
    }
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TiduListModel *self = TIDU_LIST_MODEL (object);
  RunData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  RunResult *run_result;

  run_result = g_task_propagate_pointer (G_TASK (result), &error);

  /* Only the latest query counts; older ones were cancelled or are simply too late. */
  if (data->serial != self->serial)
    {
      g_clear_pointer (&run_result, run_result_free);
      return;
    }

  set_loading (self, FALSE);

  if (run_result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("List query failed: %s", error->message);
          g_signal_emit (self, signals[FAILED], 0, error);
        }
      return;
    }

  self->loaded = TRUE;
  if (run_result->base != NULL)
    {
      g_clear_pointer (&self->base, tidu_list_base_unref);
      self->base = g_steal_pointer (&run_result->base);
    }
  replace_rowids (self, g_steal_pointer (&run_result->rowids), tidu_list_query_copy (data->query),
                  run_result->first_rows);
  run_result_free (run_result);

  if (data->criteria != self->shown_criteria)
    {
      self->shown_criteria = data->criteria;
      g_signal_emit (self, signals[NEW_CRITERIA], 0);
    }
}

static void
run_query (TiduListModel *self)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->serial++;

  if (self->database == NULL)
    {
      self->loaded = FALSE;
      set_loading (self, FALSE);
      replace_rowids (self, g_array_new (FALSE, FALSE, sizeof (gint64)), NULL, NULL);
      return;
    }

  /* A list not shown yet runs its query when it is first shown (DESIGN.md §4). */
  if (self->deferred)
    {
      self->pending = TRUE;
      self->loaded = FALSE;
      set_loading (self, FALSE);
      return;
    }
  self->pending = FALSE;

  self->cancellable = g_cancellable_new ();

  data = g_new0 (RunData, 1);
  data->pool = g_async_queue_ref (self->pool);
  data->source = g_object_ref (self->database);
  data->query = tidu_list_query_copy (self->query);
  data->base = self->base != NULL ? tidu_list_base_ref (self->base) : NULL;
  data->criteria = self->criteria;
  data->serial = self->serial;

  set_loading (self, TRUE);

  task = g_task_new (self, self->cancellable, query_done_cb, NULL);
  g_task_set_source_tag (task, run_query);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, query_thread);
}

typedef struct
{
  GAsyncQueue   *pool;
  TiduDatabase  *source;
  TiduListQuery *query;
  TiduListStamp  stamp;    /* the main connection's, when asked */
} CellsData;

static void
cells_data_free (CellsData *data)
{
  g_clear_pointer (&data->pool, g_async_queue_unref);
  g_clear_object (&data->source);
  g_clear_pointer (&data->query, tidu_list_query_free);
  g_free (data);
}

static void
cells_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CellsData *data = task_data;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  TiduListPrefetch *cells;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = take_connection (data->pool, data->source, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  cells = tidu_list_prefetch_new (db, data->query, &error);
  /* Behind the list queries' connection: a keystroke's base order stays on the one it has. */
  give_connection (data->pool, g_steal_pointer (&db), FALSE);
  if (cells == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, cells, (GDestroyNotify) tidu_list_prefetch_free);
}

static gboolean
same_stamp (const TiduListStamp *a,
            const TiduListStamp *b)
{
  return a->data_version == b->data_version && a->changes == b->changes;
}

static void
cells_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TiduListModel *self = TIDU_LIST_MODEL (object);
  CellsData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(TiduListPrefetch) cells = g_task_propagate_pointer (G_TASK (result), NULL);
  TiduListStamp now;

  /* Dropped (refresh, another database) since: a newer task or none is under way. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cells_cancellable)
    return;
  g_clear_object (&self->cells_cancellable);

  /* A commit since it was asked for, on any connection, may have changed a cell: the next page
   * asks again. */
  if (cells != NULL && self->database != NULL &&
      tidu_list_database_stamp (self->database, &now, NULL) && same_stamp (&now, &data->stamp))
    {
      g_clear_pointer (&self->cells, tidu_list_prefetch_free);
      self->cells = g_steal_pointer (&cells);
      self->cells_stamp = data->stamp;
    }
}

static void
clear_cells (TiduListModel *self)
{
  g_cancellable_cancel (self->cells_cancellable);
  g_clear_object (&self->cells_cancellable);
  g_clear_pointer (&self->cells, tidu_list_prefetch_free);
}

/* The prefetched cells, while the main connection has seen no commit since they were asked
 * for; otherwise they are dropped and asked for again (NULL until they come). */
static TiduListPrefetch *
current_cells (TiduListModel *self)
{
  g_autoptr(GTask) task = NULL;
  TiduListStamp now;
  CellsData *data;

  if (!tidu_list_kind_has_prefetch (self->kind) || self->database == NULL || self->pool == NULL ||
      !tidu_list_database_stamp (self->database, &now, NULL))
    return NULL;
  if (self->cells != NULL && same_stamp (&now, &self->cells_stamp))
    return self->cells;

  g_clear_pointer (&self->cells, tidu_list_prefetch_free);
  if (self->cells_cancellable != NULL)
    return NULL;   /* under way */

  self->cells_cancellable = g_cancellable_new ();
  data = g_new0 (CellsData, 1);
  data->pool = g_async_queue_ref (self->pool);
  data->source = g_object_ref (self->database);
  data->query = tidu_list_query_copy (self->shown_query != NULL ? self->shown_query : self->query);
  data->stamp = now;
  task = g_task_new (self, self->cells_cancellable, cells_done_cb, NULL);
  g_task_set_source_tag (task, current_cells);
  g_task_set_task_data (task, data, (GDestroyNotify) cells_data_free);
  g_task_run_in_thread (task, cells_thread);
  return NULL;
}

static char **
cells_for_row (TiduListModel     *self,
               const TiduListRow *row)
{
  char **cells = g_new0 (char *, self->n_columns + 1);

  for (guint i = 0; i < self->n_columns; i++)
    cells[i] = g_strdup (row != NULL && row->cells != NULL && row->cells[i] != NULL ? row->cells[i] : "");

  return cells;
}

/* The item at @position, now showing @row (NULL: deleted since): the one alive there,
 * refilled, or a new one. Returns a new reference. */
static TiduListItem *
live_item (TiduListModel     *self,
           guint              position,
           gint64             rowid,
           const TiduListRow *row)
{
  TiduListItem *item = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));

  if (item != NULL)
    {
      tidu_list_item_update (item, rowid, row != NULL ? row->id : NULL, cells_for_row (self, row));
      return g_object_ref (item);
    }

  item = tidu_list_item_new (rowid, row != NULL ? row->id : NULL, cells_for_row (self, row));
  g_object_set_qdata (G_OBJECT (item), live_position_quark (), GUINT_TO_POINTER (position + 1));
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), item);
  g_object_weak_ref (G_OBJECT (item), live_item_gone_cb, self);
  return item;
}

/* A page of items from @rows, whose entry @first is the page's first row (in order, as
 * tidu_list_fetch_rows returns them), or NULL when they could not be read. */
static Page *
make_page (TiduListModel *self,
           guint          index,
           GPtrArray     *rows,
           guint          first)
{
  const gint64 *rowids;
  guint start = index * TIDU_LIST_MODEL_PAGE_SIZE;
  guint count = MIN (TIDU_LIST_MODEL_PAGE_SIZE, self->rowids->len - start);
  Page *page;

  rowids = &g_array_index (self->rowids, gint64, start);
  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (count, g_object_unref);
  for (guint i = 0; i < count; i++)
    {
      TiduListRow *row = NULL;

      /* Rows deleted since the query ran come back without id and cells: they show empty
       * cells until the next refresh rather than shifting the others. */
      if (rows != NULL && first + i < rows->len)
        {
          row = g_ptr_array_index (rows, first + i);
          if (row->rowid != rowids[i])
            row = NULL;
        }
      g_ptr_array_add (page->items, live_item (self, start + i, rowids[i], row));
    }

  g_queue_push_head (&self->pages, page);
  while (g_queue_get_length (&self->pages) > TIDU_LIST_MODEL_MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

static Page *
load_page (TiduListModel *self,
           guint          index)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint start = index * TIDU_LIST_MODEL_PAGE_SIZE;
  guint count = MIN (TIDU_LIST_MODEL_PAGE_SIZE, self->rowids->len - start);

  self->n_page_reads++;
  rows = tidu_list_fetch_rows_with (self->database, self->shown_query, current_cells (self),
                                    &g_array_index (self->rowids, gint64, start), count, &error);
  if (rows == NULL)
    g_warning ("Could not fetch list rows: %s", error->message);

  return make_page (self, index, rows, 0);
}

static Page *
find_page (TiduListModel *self,
           guint          index)
{
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      if (page->index == index)
        {
          if (l != self->pages.head)
            {
              g_queue_unlink (&self->pages, l);
              g_queue_push_head_link (&self->pages, l);
            }
          return page;
        }
    }

  return NULL;
}

static GType
tidu_list_model_get_item_type (GListModel *model)
{
  return TIDU_TYPE_LIST_ITEM;
}

static guint
tidu_list_model_get_n_items (GListModel *model)
{
  TiduListModel *self = TIDU_LIST_MODEL (model);

  return self->n_shown;
}

static gpointer
tidu_list_model_get_item (GListModel *model,
                          guint       position)
{
  TiduListModel *self = TIDU_LIST_MODEL (model);
  guint index = position / TIDU_LIST_MODEL_PAGE_SIZE;
  Page *page;
  TiduListItem *item;

  if (position >= self->n_shown || self->database == NULL)
    return NULL;

  /* An item alive there always has the current row (replace_rowids refills it). */
  item = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  page = find_page (self, index);
  if (page == NULL)
    page = load_page (self, index);

  return g_object_ref (g_ptr_array_index (page->items, position % TIDU_LIST_MODEL_PAGE_SIZE));
}

static void
tidu_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tidu_list_model_get_item_type;
  iface->get_n_items = tidu_list_model_get_n_items;
  iface->get_item = tidu_list_model_get_item;
}

static gboolean
tidu_list_model_is_selected (GtkSelectionModel *model,
                             guint              position)
{
  TiduListModel *self = TIDU_LIST_MODEL (model);

  return position == self->selected;
}

static void
set_selected (TiduListModel *self,
              guint          position)
{
  guint old = self->selected;

  if (position >= self->n_shown)
    position = GTK_INVALID_LIST_POSITION;
  if (old == position)
    return;

  self->selected = position;

  if (old == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
  else if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
  else
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self),
                                           MIN (old, position), MAX (old, position) - MIN (old, position) + 1);
}

static gboolean
tidu_list_model_select_item (GtkSelectionModel *model,
                             guint              position,
                             gboolean           unselect_rest)
{
  set_selected (TIDU_LIST_MODEL (model), position);
  return TRUE;
}

static gboolean
tidu_list_model_unselect_item (GtkSelectionModel *model,
                               guint              position)
{
  TiduListModel *self = TIDU_LIST_MODEL (model);

  if (position == self->selected)
    set_selected (self, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
tidu_list_model_unselect_all (GtkSelectionModel *model)
{
  set_selected (TIDU_LIST_MODEL (model), GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static void
tidu_list_model_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = tidu_list_model_is_selected;
  iface->select_item = tidu_list_model_select_item;
  iface->unselect_item = tidu_list_model_unselect_item;
  iface->unselect_all = tidu_list_model_unselect_all;
}

static void
tidu_list_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TiduListModel *self = TIDU_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_shown);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_list_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TiduListModel *self = TIDU_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;

    case PROP_DATABASE:
      tidu_list_model_set_database (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_list_model_constructed (GObject *object)
{
  TiduListModel *self = TIDU_LIST_MODEL (object);

  G_OBJECT_CLASS (tidu_list_model_parent_class)->constructed (object);

  tidu_list_get_columns (self->kind, &self->n_columns);
  self->query = tidu_list_query_new (self->kind);

  if (self->database != NULL)
    run_query (self);
}

static void
tidu_list_model_dispose (GObject *object)
{
  TiduListModel *self = TIDU_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->grow_id, g_source_remove);
  g_clear_handle_id (&self->cells_id, g_source_remove);
  clear_pages (self);
  clear_cells (self);
  g_clear_pointer (&self->base, tidu_list_base_unref);
  forget_live_items (self);
  g_clear_object (&self->database);
  g_clear_pointer (&self->pool, g_async_queue_unref);

  G_OBJECT_CLASS (tidu_list_model_parent_class)->dispose (object);
}

static void
tidu_list_model_finalize (GObject *object)
{
  TiduListModel *self = TIDU_LIST_MODEL (object);

  g_clear_pointer (&self->query, tidu_list_query_free);
  g_clear_pointer (&self->shown_query, tidu_list_query_free);
  g_clear_pointer (&self->sort_column, g_free);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);

  G_OBJECT_CLASS (tidu_list_model_parent_class)->finalize (object);
}

static void
tidu_list_model_class_init (TiduListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tidu_list_model_get_property;
  object_class->set_property = tidu_list_model_set_property;
  object_class->constructed = tidu_list_model_constructed;
  object_class->dispose = tidu_list_model_dispose;
  object_class->finalize = tidu_list_model_finalize;

  /* A TiduListKind; the core has no enum GType, so an int. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, TIDU_N_LISTS - 1, TIDU_LIST_FIRMS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         TIDU_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* TRUE while a query runs on the worker thread. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiduListModel::failed:
   * @error: why the query failed
   *
   * A query could not run; the list keeps the rows it had.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* The rows now shown are for another search, filter, sort or the trash, not a refresh of
   * the same list: a view shows them from the top. */
  signals[NEW_CRITERIA] =
    g_signal_new ("new-criteria",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tidu_list_model_init (TiduListModel *self)
{
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->selected = GTK_INVALID_LIST_POSITION;
  g_queue_init (&self->pages);
  self->live = g_hash_table_new (NULL, NULL);
}

/**
 * tidu_list_model_new:
 * @kind: what the list holds
 * @database: (nullable): the database to show
 *
 * Returns: (transfer full): a new model; its first query starts at once on a worker thread
 */
TiduListModel *
tidu_list_model_new (TiduListKind  kind,
                     TiduDatabase *database)
{
  return g_object_new (TIDU_TYPE_LIST_MODEL,
                       "kind", kind,
                       "database", database,
                       NULL);
}

TiduListKind
tidu_list_model_get_kind (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), TIDU_LIST_FIRMS);

  return self->kind;
}

TiduDatabase *
tidu_list_model_get_database (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), NULL);

  return self->database;
}

/**
 * tidu_list_model_set_database:
 * @self: a #TiduListModel
 * @database: (nullable): the database to show; pages are fetched on this connection, so
 *   it belongs to the main thread
 *
 * Shows the records of @database; setting the same database again refreshes the list.
 */
void
tidu_list_model_set_database (TiduListModel *self,
                              TiduDatabase  *database)
{
  g_return_if_fail (TIDU_IS_LIST_MODEL (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (g_set_object (&self->database, database))
    {
      /* Connections in the old pool belong to the old file; running tasks keep it alive. */
      g_clear_pointer (&self->pool, g_async_queue_unref);
      g_clear_pointer (&self->base, tidu_list_base_unref);
      clear_cells (self);
      if (database != NULL)
        self->pool = g_async_queue_new_full (g_object_unref);
      self->loaded = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
    }

  /* During construction the query comes in constructed(), after the properties. */
  if (self->query != NULL)
    run_query (self);
}

const TiduListQuery *
tidu_list_model_get_query (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), NULL);

  return self->query;
}

/**
 * tidu_list_model_set_search:
 * @self: a #TiduListModel
 * @text: (nullable): what to look for
 *
 * Runs the query again with @text, unless it is the current search.
 */
void
tidu_list_model_set_search (TiduListModel *self,
                            const char    *text)
{
  g_return_if_fail (TIDU_IS_LIST_MODEL (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, tidu_list_query_get_search (self->query)) == 0)
    return;

  tidu_list_query_set_search (self->query, text);
  self->criteria++;
  run_query (self);
}

/**
 * tidu_list_model_set_filter:
 * @self: a #TiduListModel
 * @field: a filter field of the model's kind (see tidu_list_query_set_filter())
 * @value: (nullable): the value to keep, or %NULL for any
 */
void
tidu_list_model_set_filter (TiduListModel *self,
                            const char    *field,
                            const char    *value)
{
  g_return_if_fail (TIDU_IS_LIST_MODEL (self));
  g_return_if_fail (field != NULL);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (value, tidu_list_query_get_filter (self->query, field)) == 0)
    return;

  tidu_list_query_set_filter (self->query, field, value);
  self->criteria++;
  run_query (self);
}

/**
 * tidu_list_model_set_sort:
 * @self: a #TiduListModel
 * @column_id: (nullable): a sortable column id, or %NULL for the kind's default order
 * @descending: whether to reverse the order
 */
void
tidu_list_model_set_sort (TiduListModel *self,
                          const char    *column_id,
                          gboolean       descending)
{
  g_return_if_fail (TIDU_IS_LIST_MODEL (self));

  descending = !!descending;
  if (g_strcmp0 (column_id, self->sort_column) == 0 && descending == self->sort_descending)
    return;

  g_free (self->sort_column);
  self->sort_column = g_strdup (column_id);
  self->sort_descending = descending;

  tidu_list_query_set_sort (self->query, column_id, descending);
  self->criteria++;
  run_query (self);
}

/**
 * tidu_list_model_set_trash:
 * @self: a #TiduListModel
 * @trash: %TRUE to list the records in the trash instead of the live ones
 */
void
tidu_list_model_set_trash (TiduListModel *self,
                           gboolean       trash)
{
  g_return_if_fail (TIDU_IS_LIST_MODEL (self));

  trash = !!trash;
  if (trash == self->trash)
    return;

  self->trash = trash;
  tidu_list_query_set_trash (self->query, trash);
  self->criteria++;
  run_query (self);
}

/**
 * tidu_list_model_refresh:
 * @self: a #TiduListModel
 *
 * Runs the current query again, after records changed (the base order searches filter is read
 * again too).
 */
void
tidu_list_model_refresh (TiduListModel *self)
{
  g_return_if_fail (TIDU_IS_LIST_MODEL (self));

  g_clear_pointer (&self->base, tidu_list_base_unref);
  clear_cells (self);
  run_query (self);
}

guint
tidu_list_model_get_n_rows (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), 0);

  return self->rowids->len;
}

gboolean
tidu_list_model_get_busy (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), FALSE);

  return self->loading || self->n_shown != self->rowids->len;
}

gboolean
tidu_list_model_get_loading (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), FALSE);

  return self->loading;
}

/**
 * tidu_list_model_set_deferred:
 * @self: a #TiduListModel
 * @deferred: whether queries wait
 *
 * While @deferred, the model runs no query: the last one asked for waits, and runs once
 * @deferred goes back to %FALSE. A list not on screen yet needs no rows.
 */
void
tidu_list_model_set_deferred (TiduListModel *self,
                              gboolean       deferred)
{
  g_return_if_fail (TIDU_IS_LIST_MODEL (self));

  deferred = !!deferred;
  if (self->deferred == deferred)
    return;

  self->deferred = deferred;
  if (!deferred && self->pending)
    run_query (self);
}

/**
 * tidu_list_model_get_loaded:
 * @self: a #TiduListModel
 *
 * Returns: whether a query result was applied since the database was set
 */
gboolean
tidu_list_model_get_loaded (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), FALSE);

  return self->loaded;
}

guint
tidu_list_model_get_selected (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

/**
 * tidu_list_model_has_prefetched_cells:
 * @self: a #TiduListModel
 *
 * Returns: whether pages take their costly cells from a prefetch read on a worker (for tests
 *   and benchmarks)
 */
gboolean
tidu_list_model_has_prefetched_cells (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), FALSE);

  return self->cells != NULL;
}

/**
 * tidu_list_model_get_n_cached_items:
 * @self: a #TiduListModel
 *
 * Returns: how many items the page cache holds, at most
 *   %TIDU_LIST_MODEL_MAX_PAGES × %TIDU_LIST_MODEL_PAGE_SIZE
 */
guint
tidu_list_model_get_n_cached_items (TiduListModel *self)
{
  guint n = 0;

  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), 0);

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    n += ((Page *) l->data)->items->len;

  return n;
}

/**
 * tidu_list_model_get_n_page_reads:
 * @self: a #TiduListModel
 *
 * Returns: how many pages of rows the main thread has read from the database since @self
 *   was made (the worker's first pages do not count): for tests and benchmarks
 */
guint
tidu_list_model_get_n_page_reads (TiduListModel *self)
{
  g_return_val_if_fail (TIDU_IS_LIST_MODEL (self), 0);

  return self->n_page_reads;
}
