/* tidu-worker.c: progress from a worker thread, delivered on the caller's main context.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-worker-private.h"

struct _TiduMainProgress
{
  gatomicrefcount   ref_count;
  GMainContext     *context;
  TiduProgressFunc  func;
  gpointer          data;
  gint              permille;   /* the latest fraction, in thousandths */
  gint              pending;    /* a delivery is queued */
};

TiduMainProgress *
tidu_main_progress_new (TiduProgressFunc func,
                        gpointer         data)
{
  TiduMainProgress *self = g_new0 (TiduMainProgress, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->data = data;
  return self;
}

TiduMainProgress *
tidu_main_progress_ref (TiduMainProgress *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tidu_main_progress_unref (TiduMainProgress *self)
{
  if (self != NULL && g_atomic_ref_count_dec (&self->ref_count))
    {
      g_main_context_unref (self->context);
      g_free (self);
    }
}

static gboolean
deliver (gpointer data)
{
  TiduMainProgress *self = data;

  g_atomic_int_set (&self->pending, 0);
  if (self->func != NULL)
    self->func (g_atomic_int_get (&self->permille) / 1000.0, self->data);
  return G_SOURCE_REMOVE;
}

void
tidu_main_progress_report (double   fraction,
                           gpointer data)
{
  TiduMainProgress *self = data;

  g_atomic_int_set (&self->permille, (gint) (CLAMP (fraction, 0.0, 1.0) * 1000.0 + 0.5));
  if (g_atomic_int_compare_and_exchange (&self->pending, 0, 1))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, deliver,
                                tidu_main_progress_ref (self),
                                (GDestroyNotify) tidu_main_progress_unref);
}
