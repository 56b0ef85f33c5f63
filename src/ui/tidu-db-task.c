/* tidu-db-task.c: run database work on a worker thread with its own connection
 *
 * A TiduDatabase is used by one thread at a time, so the worker opens the same file again
 * (WAL lets it read while the window's connection stays usable) and closes it when done.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-db-task.h"

typedef struct
{
  TiduDatabase   *source;   /* the worker opens its own connection to the same data */
  TiduDbWorkFunc  work;
  gpointer        data;
  GDestroyNotify  data_free;
} Work;

static void
work_free (Work *work)
{
  if (work->data_free != NULL)
    work->data_free (work->data);
  g_clear_object (&work->source);
  g_free (work);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Work *work = task_data;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = tidu_database_open_again (work->source, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  work->work (db, work->data, task, cancellable);
}

/**
 * tidu_db_task_run:
 * @source: (type GObject): the object the callback is for
 * @database: the window's database; the worker opens its file
 *
 * Starts @work on a worker thread; @callback gets the task's result on this thread.
 */
void
tidu_db_task_run (gpointer             source,
                  TiduDatabase        *database,
                  TiduDbWorkFunc       work_func,
                  gpointer             data,
                  GDestroyNotify       data_free,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_return_if_fail (TIDU_IS_DATABASE (database));

  work = g_new0 (Work, 1);
  work->source = g_object_ref (database);
  work->work = work_func;
  work->data = data;
  work->data_free = data_free;

  task = g_task_new (source, cancellable, callback, user_data);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  g_task_run_in_thread (task, run_thread);
}
