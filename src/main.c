/* main.c: entry point of the Tidu GUI
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-application.h"
#include "tidu-bench-hook.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TiduApplication) app = NULL;
  const char *localedir;

  tidu_bench_hook_mark_start ();

  /* TIDU_LOCALEDIR lets tests and screenshots use translations from an uninstalled tree. */
  localedir = g_getenv ("TIDU_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tidu_application_new ();

  if (g_strcmp0 (g_getenv ("TIDU_BENCH_FIRST_FRAME"), "1") == 0)
    tidu_bench_hook_install (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
