/* tidu-sample.h: a realistic, deterministic sample data set for a Jiangsu city.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_firms;   /* firms to create; carriers and talents scale with it */
  guint32 seed;      /* same seed, same data */
} TiduSampleOptions;

typedef struct
{
  gint64 regions;
  gint64 carriers;
  gint64 firms;
  gint64 certifications;
  gint64 firm_years;
  gint64 stays;
  gint64 talents;
  gint64 talent_awards;
} TiduSampleCounts;

/* Called now and then from the thread that generates, with a fraction between 0 and 1. */
typedef void (*TiduProgressFunc) (double fraction, gpointer user_data);

/* Fills an empty database (one without firms, carriers or talents; otherwise
 * TIDU_ERROR_CONFLICT) in one transaction: cancelled or failed, nothing is left behind. */
gboolean tidu_sample_generate (TiduDatabase            *db,
                               const TiduSampleOptions *options,
                               GCancellable            *cancellable,
                               TiduProgressFunc         progress,
                               gpointer                 progress_data,
                               TiduSampleCounts        *counts,
                               GError                 **error);

G_END_DECLS
