/* ui-test-utils.h: shared set-up for the UI tests
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-application.h"

G_BEGIN_DECLS

/* Runs the main loop until COND holds, failing the test after ten seconds. */
#define TIDU_TEST_WAIT_FOR(cond)                                               \
  G_STMT_START {                                                               \
    gint64 _deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;          \
    guint _tick = g_timeout_add (10, tidu_test_tick, NULL);                    \
    while (!(cond))                                                            \
      {                                                                        \
        if (g_get_monotonic_time () > _deadline)                               \
          g_error ("Timed out waiting for: %s", #cond);                        \
        g_main_context_iteration (NULL, TRUE);                                 \
      }                                                                        \
    g_source_remove (_tick);                                                   \
  } G_STMT_END

void             tidu_test_init                 (int          *argc,
                                                 char       ***argv);
gboolean         tidu_test_tick                 (gpointer      user_data);
TiduApplication *tidu_test_application_new      (void);
char            *tidu_test_make_dir             (void);
void             tidu_test_remove_dir           (const char   *dir);
GtkWidget       *tidu_test_find_widget          (GtkWidget    *root,
                                                 GType         type);
GtkWindow       *tidu_test_find_toplevel        (GType         type);
void             tidu_test_destroy_toplevels    (void);
void             tidu_test_settle               (void);

G_END_DECLS
