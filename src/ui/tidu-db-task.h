/* tidu-db-task.h: run database work on a worker thread with its own connection
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tidu-core.h"

G_BEGIN_DECLS

/**
 * TiduDbWorkFunc:
 * @db: a connection opened for the worker thread
 * @data: the caller's data
 * @task: the task, for g_task_return_*; return progress with g_main_context_invoke
 *
 * Runs on the worker; returns its result through @task.
 */
typedef void (*TiduDbWorkFunc) (TiduDatabase *db,
                                gpointer      data,
                                GTask        *task,
                                GCancellable *cancellable);

void   tidu_db_task_run (gpointer             source,
                         TiduDatabase        *database,
                         TiduDbWorkFunc       work,
                         gpointer             data,
                         GDestroyNotify       data_free,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data);

G_END_DECLS
