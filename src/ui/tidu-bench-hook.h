/* tidu-bench-hook.h: TIDU_BENCH_FIRST_FRAME=1, a hidden hook for tests/bench/bench-records.sh
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tidu_bench_hook_mark_start (void);
void tidu_bench_hook_install    (GtkApplication *application);

G_END_DECLS
