/* tidu-cli-exchange.c: tidu-cli snapshot (export, inspect) and tidu-cli merge.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "tidu-cli.h"
#include "tidu-core.h"

static void
show_progress (double   fraction,
               gpointer user_data)
{
  g_printerr ("\r%3d %%", (int) (fraction * 100.0 + 0.5));
  if (fraction >= 1.0)
    g_printerr ("\r      \r");
}

static int
fail (GError *error)
{
  if (isatty (STDERR_FILENO))
    g_printerr ("\r      \r");
  g_printerr ("tidu-cli: %s\n", error->message);
  return 1;
}

/* Parses @entries, then expects @min_args to @max_args positional arguments. */
static gboolean
parse (const char    *name,
       const char    *parameter,
       GOptionEntry  *entries,
       int           *argc,
       char        ***argv,
       guint          min_args,
       guint          max_args,
       GError       **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *program = g_strdup_printf ("tidu-cli %s", name);

  g_set_prgname (program);
  context = g_option_context_new (parameter);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if ((guint) *argc > max_args + 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Unexpected argument “%s”"), (*argv)[max_args + 1]);
      return FALSE;
    }
  if ((guint) *argc < min_args + 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Missing argument: %s"), parameter);
      return FALSE;
    }
  return TRUE;
}

static void
print_info (const TiduSnapshotInfo *info)
{
  g_autofree char *display = g_filename_display_name (info->path);
  g_autofree char *size = g_format_size (info->size_bytes);

  g_print (_("Snapshot: %s\n"), display);
  g_print (_("Exported: %s\n"), info->exported_at);
  g_print (_("Officer: %s\n"), info->officer != NULL ? info->officer : _("(not given)"));
  g_print (_("Database id: %s\n"), info->database_id);
  g_print (_("Database version: %d\n"), info->schema_version);
  g_print (_("Size: %s\n"), size);
  g_print (_("Contact data left out: %s\n"), info->redacted ? _("yes") : _("no"));
  if (info->region_name != NULL)
    g_print (_("Only the region: %s\n"), info->region_name);
  if (info->carrier_name != NULL)
    g_print (_("Only the carrier: %s\n"), info->carrier_name);
  for (guint i = 0; info->counts != NULL && i < info->counts->len; i++)
    {
      TiduSnapshotCount *count = g_ptr_array_index (info->counts, i);
      g_autofree char *rows = g_strdup_printf ("%" G_GINT64_FORMAT, count->rows);

      /* Translators: a kind of record and how many the snapshot holds */
      g_print (_("%s: %s\n"), tidu_merge_table_get_label (count->table), rows);
    }
}

static int
snapshot_export (const char  *database,
                 int          argc,
                 char       **argv)
{
  gboolean redact = FALSE;
  gboolean quiet = FALSE;
  gboolean json = FALSE;
  g_autofree char *region = NULL;
  g_autofree char *carrier = NULL;
  g_autofree char *officer = NULL;
  GOptionEntry entries[] = {
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact, N_("Leave out personal contact data (phones, e-mail addresses)"), NULL },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Only this region, its sub-regions and what they reference"), N_("NAME") },
    { "carrier", 0, 0, G_OPTION_ARG_STRING, &carrier, N_("Only this carrier, its firms and what they reference"), N_("NAME") },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer, N_("The exporting officer’s name, shown to the colleague"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the manifest as JSON"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not show progress"), NULL },
    { NULL }
  };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSnapshotInfo) info = NULL;
  g_autofree char *region_id = NULL;
  g_autofree char *carrier_id = NULL;
  g_autofree char *path = NULL;
  TiduSnapshotOptions options = { 0 };

  if (!parse ("snapshot export", _("FILE"), entries, &argc, &argv, 1, 1, &error))
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 2;
    }
  if (region != NULL && carrier != NULL)
    {
      g_printerr ("tidu-cli: %s\n", _("A snapshot is limited to one region or one carrier, not both."));
      return 2;
    }
  path = g_canonicalize_filename (argv[1], NULL);

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    return fail (error);
  if (region != NULL && (region_id = tidu_snapshot_find_region (db, region, &error)) == NULL)
    return fail (error);
  if (carrier != NULL && (carrier_id = tidu_snapshot_find_carrier (db, carrier, &error)) == NULL)
    return fail (error);

  options.redact = redact;
  options.region_id = region_id;
  options.carrier_id = carrier_id;
  options.officer = officer;
  if (!tidu_snapshot_export (db, path, &options, NULL,
                             !quiet && isatty (STDERR_FILENO) ? show_progress : NULL, NULL,
                             &info, &error))
    return fail (error);

  if (json)
    {
      g_autofree char *text = tidu_snapshot_info_to_json (info);

      tidu_cli_print_json (text);
    }
  else
    print_info (info);
  return 0;
}

static int
snapshot_inspect (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the manifest as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduSnapshotInfo) info = NULL;

  if (!parse ("snapshot inspect", _("FILE"), entries, &argc, &argv, 1, 1, &error))
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 2;
    }
  info = tidu_snapshot_inspect (argv[1], NULL, &error);
  if (info == NULL)
    return fail (error);
  if (json)
    {
      g_autofree char *text = tidu_snapshot_info_to_json (info);

      tidu_cli_print_json (text);
    }
  else
    print_info (info);
  return 0;
}

int
tidu_cli_snapshot (const char  *database,
                   int          argc,
                   char       **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "export") == 0)
    return snapshot_export (database, argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "inspect") == 0)
    return snapshot_inspect (argc - 1, argv + 1);
  g_printerr ("%s\n", _("Usage: tidu-cli snapshot export FILE [--redact] [--region NAME] [--carrier NAME] [--officer NAME]\n"
                        "       tidu-cli snapshot inspect FILE [--json]"));
  return 2;
}

static const char *
kind_label (TiduMergeKind kind)
{
  switch (kind)
    {
    case TIDU_MERGE_NEW: return _("new");
    case TIDU_MERGE_CHANGED: return _("changed");
    case TIDU_MERGE_KEPT: return _("kept");
    case TIDU_MERGE_DELETED: return _("deleted");
    case TIDU_MERGE_CONFLICT: return _("conflict");
    case TIDU_MERGE_IDENTICAL:
    default: return _("identical");
    }
}

static void
print_counts (const TiduMergeCounts *c)
{
  g_autofree char *added = g_strdup_printf ("%" G_GINT64_FORMAT, c->added);
  g_autofree char *changed = g_strdup_printf ("%" G_GINT64_FORMAT, c->changed);
  g_autofree char *identical = g_strdup_printf ("%" G_GINT64_FORMAT, c->identical);
  g_autofree char *kept = g_strdup_printf ("%" G_GINT64_FORMAT, c->kept);
  g_autofree char *deleted = g_strdup_printf ("%" G_GINT64_FORMAT, c->deleted);
  g_autofree char *conflicts = g_strdup_printf ("%" G_GINT64_FORMAT, c->conflicts);

  g_print (_("New: %s\n"), added);
  g_print (_("Changed: %s\n"), changed);
  g_print (_("Identical: %s\n"), identical);
  g_print (_("Kept (changed only here): %s\n"), kept);
  g_print (_("Deleted: %s\n"), deleted);
  g_print (_("Conflicts: %s\n"), conflicts);
}

static void
print_plan (TiduMergePlan *plan)
{
  TiduMergeCounts counts;

  tidu_merge_plan_get_counts (plan, &counts);
  print_counts (&counts);
  for (guint i = 0; i < tidu_merge_plan_get_n_records (plan); i++)
    {
      TiduMergeKind kind = tidu_merge_plan_get_kind (plan, i);
      const char * const *fields = tidu_merge_plan_get_fields (plan, i);

      if (kind == TIDU_MERGE_NEW)
        continue;
      g_print ("%s · %s · %s\n", kind_label (kind), tidu_merge_table_get_label (tidu_merge_plan_get_table (plan, i)),
               tidu_merge_plan_get_title (plan, i));
      if (tidu_merge_plan_get_conflict (plan, i) == TIDU_MERGE_CONFLICT_DELETE_EDIT)
        g_print ("  %s\n", _("deleted here, edited by the colleague"));
      else if (tidu_merge_plan_get_conflict (plan, i) == TIDU_MERGE_CONFLICT_EDIT_DELETE)
        g_print ("  %s\n", _("edited here, deleted by the colleague"));
      for (guint f = 0; fields != NULL && fields[f] != NULL; f++)
        {
          const char *mine = tidu_merge_plan_get_mine (plan, i, fields[f]);
          const char *theirs = tidu_merge_plan_get_theirs (plan, i, fields[f]);

          /* Translators: a field, its value here and in the colleague's snapshot; "!" marks a conflict */
          g_print (_("  %s%s: mine “%s”, theirs “%s”\n"),
                   tidu_merge_plan_field_conflicts (plan, i, fields[f]) ? "! " : "",
                   tidu_merge_field_get_label (fields[f]), mine ? mine : "", theirs ? theirs : "");
        }
    }
}

int
tidu_cli_merge (const char  *database,
                int          argc,
                char       **argv)
{
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean quiet = FALSE;
  gboolean undo = FALSE;
  gboolean history = FALSE;
  g_autofree char *prefer = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what the merge would do; change nothing"), NULL },
    { "prefer", 0, 0, G_OPTION_ARG_STRING, &prefer, N_("Resolve every conflict with mine or theirs"), N_("mine|theirs") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the plan as JSON"), NULL },
    { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_("Undo the latest merge instead"), NULL },
    { "history", 0, 0, G_OPTION_ARG_NONE, &history, N_("List the merges made into this database"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not show progress"), NULL },
    { NULL }
  };
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(TiduMergePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *merge_id = NULL;
  TiduProgressFunc progress;
  TiduMergeSide side = TIDU_MERGE_SIDE_UNRESOLVED;
  guint unresolved;

  if (parse ("merge", _("FILE"), entries, &argc, &argv, 0, 1, &error))
    {
      if (!undo && !history && argc < 2)
        g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Missing argument: FILE"));
      else if ((undo || history) && argc > 1)
        g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--undo and --history take no file."));
    }
  if (error != NULL)
    {
      g_printerr ("tidu-cli: %s\n", error->message);
      return 2;
    }
  if (prefer != NULL)
    {
      if (g_strcmp0 (prefer, "mine") == 0)
        side = TIDU_MERGE_SIDE_MINE;
      else if (g_strcmp0 (prefer, "theirs") == 0)
        side = TIDU_MERGE_SIDE_THEIRS;
      else
        {
          g_printerr ("tidu-cli: %s\n", _("--prefer takes “mine” or “theirs”."));
          return 2;
        }
    }
  progress = !quiet && !json && isatty (STDERR_FILENO) ? show_progress : NULL;

  db = tidu_database_open (database, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    return fail (error);

  if (history)
    {
      g_autoptr(GPtrArray) entries_list = tidu_merge_list_history (db, &error);

      if (entries_list == NULL)
        return fail (error);
      for (guint i = 0; i < entries_list->len; i++)
        {
          TiduMergeHistoryEntry *e = g_ptr_array_index (entries_list, i);

          g_print ("%s  %s  %s%s\n", e->merged_at, e->id, e->file, e->undone_at ? _(" (undone)") : "");
        }
      return 0;
    }
  if (undo)
    {
      if (!tidu_merge_undo (db, NULL, &error))
        return fail (error);
      g_print ("%s\n", _("The latest merge was undone."));
      return 0;
    }

  plan = tidu_merge_plan_new (db, argv[1], NULL, progress, NULL, &error);
  if (plan == NULL)
    return fail (error);
  if (side != TIDU_MERGE_SIDE_UNRESOLVED)
    tidu_merge_plan_resolve_all (plan, side, TRUE);
  unresolved = tidu_merge_plan_count_unresolved (plan);

  if (json)
    {
      g_autofree char *text = tidu_merge_plan_to_json (plan);

      tidu_cli_print_json (text);
    }
  else
    print_plan (plan);

  if (dry_run)
    return 0;
  if (unresolved > 0)
    {
      g_printerr ("tidu-cli: %s\n", _("Conflicts remain: nothing was merged. Choose a side with --prefer mine or --prefer theirs."));
      return 1;
    }
  if (!tidu_merge_plan_apply (plan, NULL, progress, NULL, &merge_id, &error))
    return fail (error);
  if (!json)
    g_print (_("Merged. Undo with: tidu-cli merge --undo (merge %s)\n"), merge_id);
  return 0;
}
