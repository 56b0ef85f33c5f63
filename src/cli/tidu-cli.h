/* tidu-cli.h: the commands of tidu-cli, one file each.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each command gets the resolved database path and its own argv (argv[0] is the command name)
 * and returns the exit status: 0 success, 1 failure, 2 usage error. */
int      tidu_cli_chart                 (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_list                  (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_stats                 (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_sample                (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_subsidy               (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_import                (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_export                (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_snapshot              (const char   *database,
                                         int           argc,
                                         char        **argv);
int      tidu_cli_merge                 (const char   *database,
                                         int           argc,
                                         char        **argv);

/* Shared by the commands: prints JSON as the UTF-8 it is, whatever the locale's charset (g_print
 * would turn every Chinese character into "?" under LC_ALL=C, as scripts and cron run). */
void     tidu_cli_print_json            (const char    *text);

/* Shared by the commands: parse the command's options; prints nothing. */
gboolean tidu_cli_parse_command_options (const char    *name,
                                         GOptionEntry  *entries,
                                         int           *argc,
                                         char        ***argv,
                                         GError       **error);

G_END_DECLS
