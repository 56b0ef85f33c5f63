/* tidu-import-assistant.c: importing records from a CSV file, step by step
 *
 * Choose the kind of records and the file; see the detected encoding and delimiter (and change
 * them) over a preview of the first rows; map each column to a field; check every row (a dry
 * run: the same transaction, rolled back, so its report is exactly what the import will do);
 * choose "skip bad rows" or "all or nothing"; import on a worker thread with progress and
 * Stop; read the report. Reading the file and both runs happen on worker threads, each run
 * with its own connection; the TiduImport is only touched by one thread at a time.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-exchange-util.h"
#include "tidu-form-util.h"
#include "tidu-import-assistant.h"
#include "tidu-window.h"

/* A report of 100,000 bad rows would make a list nobody reads and GTK cannot lay out fast. */
#define MAX_ISSUE_ROWS 200

static const TiduCsvEncoding encodings[] = {
  TIDU_CSV_ENCODING_UTF8, TIDU_CSV_ENCODING_UTF8_BOM, TIDU_CSV_ENCODING_GB18030,
};
static const gunichar delimiters[] = { ',', '\t', ';', TIDU_CSV_FULLWIDTH_COMMA };

typedef struct
{
  AdwComboRow *row;
  GtkDropDown *unit;
  guint        column;
} MappingRow;

struct _TiduImportAssistant
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *back_button;
  GtkButton         *next_button;
  GtkStack          *stack;
  AdwComboRow       *kind_row;
  AdwActionRow      *file_row;
  GtkSpinner        *spinner;
  AdwComboRow       *encoding_row;
  AdwComboRow       *delimiter_row;
  GtkLabel          *preview_label;
  GtkGrid           *preview_grid;
  AdwPreferencesGroup *mapping_group;
  GtkLabel          *check_summary;
  GtkCheckButton    *skip_check;
  GtkCheckButton    *all_check;
  GtkWidget         *created_group;
  GtkLabel          *created_label;
  GtkWidget         *issues_group;
  GtkListBox        *issues_list;
  GtkProgressBar    *progress_bar;
  AdwStatusPage     *done_page;

  /* Owned references */
  TiduDatabase      *database;
  TiduImport        *import;
  TiduImportReport  *report;
  GCancellable      *cancellable;
  char              *path;
  GArray            *mapping_rows;  /* of MappingRow */
  GPtrArray         *mapping_widgets;

  gboolean           updating_mapping;
  gboolean           dry_run;
};

G_DEFINE_FINAL_TYPE (TiduImportAssistant, tidu_import_assistant, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------------ helpers */

static void
update_buttons (TiduImportAssistant *self)
{
  const char *step = tidu_import_assistant_get_step (self);
  gboolean busy = self->cancellable != NULL;
  const char *next_label = _("_Next");
  gboolean can_next = !busy;
  gboolean can_back = !busy;

  if (g_str_equal (step, "choose"))
    {
      can_next = can_next && self->path != NULL;
      can_back = FALSE;
    }
  else if (g_str_equal (step, "mapping"))
    next_label = _("C_heck");
  else if (g_str_equal (step, "check"))
    {
      next_label = _("_Import");
      can_next = can_next && self->report != NULL && self->report->n_rows > 0;
    }
  else if (g_str_equal (step, "done"))
    {
      /* Nothing saved (all or nothing with bad rows): back to choose "Skip bad rows". */
      next_label = _("_Close");
      can_back = can_back && self->report != NULL && !self->report->committed;
    }
  else if (g_str_equal (step, "loading") || g_str_equal (step, "progress"))
    {
      can_next = FALSE;
      can_back = FALSE;
    }

  gtk_button_set_label (self->next_button, next_label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", can_back);
  gtk_widget_set_visible (self->back_button, can_back);
  gtk_widget_set_visible (self->cancel_button, !g_str_equal (step, "done"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !busy);
}

static void
set_step (TiduImportAssistant *self,
          const char          *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  if (g_str_equal (step, "loading"))
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  update_buttons (self);
}

static TiduImportKind
get_kind (TiduImportAssistant *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < TIDU_N_IMPORT_KINDS ? (TiduImportKind) selected : TIDU_IMPORT_FIRMS;
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
cell_label (const char *text,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (text != NULL && g_utf8_strlen (text, -1) > 28)
    gtk_widget_set_tooltip_text (label, text);

  return label;
}

static const char *
line_ending_label (TiduCsvLineEnding ending)
{
  switch (ending)
    {
    case TIDU_CSV_LINE_ENDING_CRLF:
      return _("CRLF (Windows)");
    case TIDU_CSV_LINE_ENDING_CR:
      return _("CR (old Mac)");
    case TIDU_CSV_LINE_ENDING_LF:
    default:
      return _("LF (Linux, macOS)");
    }
}

static void
fill_preview (TiduImportAssistant *self)
{
  guint n_columns = tidu_import_get_n_columns (self->import);
  guint n_rows = tidu_import_get_n_preview_rows (self->import);
  TiduCsvEncoding encoding = tidu_import_get_encoding (self->import);
  gunichar delimiter = tidu_import_get_delimiter (self->import);
  g_autofree char *text = NULL;

  clear_container (GTK_WIDGET (self->preview_grid));

  /* Column 0 holds the spreadsheet row numbers, as Excel shows them. */
  gtk_grid_attach (self->preview_grid, cell_label ("1", TRUE), 0, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    gtk_grid_attach (self->preview_grid, cell_label (tidu_import_get_header (self->import, c), TRUE), c + 1, 0, 1, 1);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, tidu_import_get_preview_row_number (self->import, r));
      const char *error = tidu_import_get_preview_error (self->import, r);
      GtkWidget *label = cell_label (number, FALSE);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->preview_grid, label, 0, r + 1, 1, 1);
      if (error != NULL)
        {
          label = cell_label (error, FALSE);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "error");
          gtk_grid_attach (self->preview_grid, label, 1, r + 1, MAX (n_columns, 1), 1);
          continue;
        }
      for (guint c = 0; c < n_columns; c++)
        gtk_grid_attach (self->preview_grid,
                         cell_label (tidu_import_get_preview_cell (self->import, r, c), FALSE),
                         c + 1, r + 1, 1, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i] == encoding)
      adw_combo_row_set_selected (self->encoding_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      adw_combo_row_set_selected (self->delimiter_row, i);

  /* Translators: %s is the line ending, "CRLF (Windows)" or "LF" */
  text = g_strdup_printf (_("The first rows of the file, as read with these settings (line endings: %s)"),
                          line_ending_label (tidu_import_get_line_ending (self->import)));
  gtk_label_set_text (self->preview_label, text);
}

/* Shows each row's current field (a field takes one column: mapping it elsewhere unmaps it). */
static void
sync_mapping_rows (TiduImportAssistant *self)
{
  guint n_fields = 0;
  const TiduImportField *fields = tidu_import_get_fields (tidu_import_get_kind (self->import), &n_fields);

  self->updating_mapping = TRUE;
  for (guint i = 0; i < self->mapping_rows->len; i++)
    {
      MappingRow *mr = &g_array_index (self->mapping_rows, MappingRow, i);
      const char *field_id = tidu_import_get_mapping (self->import, mr->column);
      const TiduImportField *field = NULL;
      guint selected = 0;

      for (guint f = 0; field_id != NULL && f < n_fields; f++)
        if (g_str_equal (fields[f].id, field_id))
          {
            selected = f + 1;
            field = &fields[f];
          }
      adw_combo_row_set_selected (mr->row, selected);
      gtk_widget_set_visible (GTK_WIDGET (mr->unit), field != NULL && field->money);
      gtk_drop_down_set_selected (mr->unit, tidu_import_get_unit (self->import, mr->column));
    }
  self->updating_mapping = FALSE;
}

static void
mapping_selected_cb (AdwComboRow         *row,
                     GParamSpec          *pspec,
                     TiduImportAssistant *self)
{
  guint n_fields = 0;
  const TiduImportField *fields;
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "tidu-column"));
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->updating_mapping || self->import == NULL)
    return;

  fields = tidu_import_get_fields (tidu_import_get_kind (self->import), &n_fields);
  if (!tidu_import_set_mapping (self->import, column,
                                selected > 0 && selected <= n_fields ? fields[selected - 1].id : NULL,
                                &error))
    g_warning ("Could not map column %u: %s", column, error->message);
  g_clear_pointer (&self->report, tidu_import_report_free);
  sync_mapping_rows (self);
}

static void
unit_selected_cb (GtkDropDown         *drop_down,
                  GParamSpec          *pspec,
                  TiduImportAssistant *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "tidu-column"));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating_mapping || self->import == NULL || selected > TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN)
    return;
  tidu_import_set_unit (self->import, column, (TiduMoneyUnit) selected);
  g_clear_pointer (&self->report, tidu_import_report_free);
}

static void
fill_mapping (TiduImportAssistant *self)
{
  guint n_fields = 0;
  const TiduImportField *fields = tidu_import_get_fields (tidu_import_get_kind (self->import), &n_fields);
  guint n_columns = tidu_import_get_n_columns (self->import);
  const char *units[] = {
    tidu_money_unit_label (TIDU_MONEY_UNIT_YUAN),
    tidu_money_unit_label (TIDU_MONEY_UNIT_THOUSAND_YUAN),
    tidu_money_unit_label (TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN),
    NULL,
  };
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->mapping_widgets->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_widgets, i));
  g_ptr_array_set_size (self->mapping_widgets, 0);
  g_array_set_size (self->mapping_rows, 0);

  gtk_string_list_append (choices, _("Leave out"));
  for (guint f = 0; f < n_fields; f++)
    {
      if (fields[f].required)
        {
          /* Translators: a field every imported row needs, in the column mapping drop-down */
          g_autofree char *title = g_strdup_printf (_("%s (required)"), fields[f].title);

          gtk_string_list_append (choices, title);
        }
      else
        gtk_string_list_append (choices, fields[f].title);
    }

  for (guint c = 0; c < n_columns; c++)
    {
      const char *header = tidu_import_get_header (self->import, c);
      const char *sample = tidu_import_get_n_preview_rows (self->import) > 0
        ? tidu_import_get_preview_cell (self->import, 0, c) : NULL;
      MappingRow mr = { 0 };
      g_autofree char *subtitle = NULL;

      mr.column = c;
      mr.row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (mr.row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (mr.row),
                                     header != NULL && *header != '\0' ? header : _("(no header)"));
      if (sample != NULL && *sample != '\0')
        {
          /* Translators: the first value of a column, under its header */
          subtitle = g_strdup_printf (_("For example “%s”"), sample);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (mr.row), subtitle);
        }
      adw_combo_row_set_model (mr.row, G_LIST_MODEL (choices));
      g_object_set_data (G_OBJECT (mr.row), "tidu-column", GUINT_TO_POINTER (c));

      mr.unit = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (units));
      gtk_widget_set_valign (GTK_WIDGET (mr.unit), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (mr.unit), _("Unit of the amounts in this column"));
      g_object_set_data (G_OBJECT (mr.unit), "tidu-column", GUINT_TO_POINTER (c));
      adw_action_row_add_suffix (ADW_ACTION_ROW (mr.row), GTK_WIDGET (mr.unit));

      g_signal_connect (mr.row, "notify::selected", G_CALLBACK (mapping_selected_cb), self);
      g_signal_connect (mr.unit, "notify::selected", G_CALLBACK (unit_selected_cb), self);
      adw_preferences_group_add (self->mapping_group, GTK_WIDGET (mr.row));
      g_ptr_array_add (self->mapping_widgets, mr.row);
      g_array_append_val (self->mapping_rows, mr);
    }

  sync_mapping_rows (self);
}

static void
set_import (TiduImportAssistant *self,
            TiduImport          *import)
{
  g_clear_pointer (&self->import, tidu_import_free);
  g_clear_pointer (&self->report, tidu_import_report_free);
  self->import = import;
  fill_preview (self);
  fill_mapping (self);
}

static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, n);
}

static void
fill_check (TiduImportAssistant *self)
{
  const TiduImportReport *report = self->report;
  g_autofree char *rows = format_count (report->n_rows);
  g_autofree char *created = format_count (report->n_created);
  g_autofree char *updated = format_count (report->n_updated);
  g_autofree char *unchanged = format_count (report->n_unchanged);
  g_autofree char *bad = format_count (report->n_bad);
  g_autofree char *summary = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = 0;

  summary = g_strdup_printf (_("%s rows read: %s new, %s updated, %s unchanged, %s with problems."),
                             rows, created, updated, unchanged, bad);
  gtk_label_set_text (self->check_summary, summary);

  for (guint i = 0; report->created_names != NULL && i < report->created_names->len; i++)
    {
      TiduImportCreatedName *name = g_ptr_array_index (report->created_names, i);
      const char *what = g_str_equal (name->what, "region") ? _("Region")
                       : g_str_equal (name->what, "carrier") ? _("Carrier")
                       : g_str_equal (name->what, "industry") ? _("Industry")
                       : name->what;

      if (names->len > 0)
        g_string_append_c (names, '\n');
      /* Translators: "Region: 高新区" in the list of names an import creates */
      g_string_append_printf (names, _("%s: %s"), what, name->name);
    }
  gtk_label_set_text (self->created_label, names->str);
  gtk_widget_set_visible (self->created_group, names->len > 0);

  clear_container (GTK_WIDGET (self->issues_list));
  for (guint i = 0; report->issues != NULL && i < report->issues->len && shown < MAX_ISSUE_ROWS; i++, shown++)
    {
      TiduImportIssue *issue = g_ptr_array_index (report->issues, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *icon = gtk_image_new_from_icon_name (issue->warning ? "dialog-warning-symbolic" : "dialog-error-symbolic");
      g_autoptr(GString) where = g_string_new (NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->message);
      if (issue->row > 0)
        {
          g_autofree char *n = format_count (issue->row);

          g_string_append_printf (where, _("Row %s"), n);
        }
      if (issue->column != NULL)
        {
          if (where->len > 0)
            g_string_append (where, " · ");
          g_string_append_printf (where, _("Column “%s”"), issue->column);
        }
      if (issue->value != NULL)
        {
          if (where->len > 0)
            g_string_append (where, " · ");
          g_string_append_printf (where, "“%s”", issue->value);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where->str);
      gtk_widget_add_css_class (icon, issue->warning ? "warning" : "error");
      adw_action_row_add_prefix (row, icon);
      gtk_list_box_append (self->issues_list, GTK_WIDGET (row));
    }
  if (report->issues != NULL && report->issues->len > shown)
    {
      g_autofree char *more_n = format_count (report->issues->len - shown);
      g_autofree char *more = g_strdup_printf (_("%s more problems are not shown; tidu-cli import --dry-run lists them all."), more_n);
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_append (self->issues_list, label);
    }
  gtk_widget_set_visible (self->issues_group, report->issues != NULL && report->issues->len > 0);
}

static void
fill_done (TiduImportAssistant *self)
{
  const TiduImportReport *report = self->report;
  g_autofree char *created = format_count (report->n_created);
  g_autofree char *updated = format_count (report->n_updated);
  g_autofree char *unchanged = format_count (report->n_unchanged);
  g_autofree char *bad = format_count (report->n_bad);
  g_autofree char *description = NULL;

  if (report->committed)
    {
      adw_status_page_set_icon_name (self->done_page, "object-select-symbolic");
      adw_status_page_set_title (self->done_page, _("Import Complete"));
      if (report->n_bad > 0)
        description = g_strdup_printf (_("%s records added, %s updated, %s unchanged. %s bad rows were left out."),
                                       created, updated, unchanged, bad);
      else
        description = g_strdup_printf (_("%s records added, %s updated, %s unchanged."),
                                       created, updated, unchanged);
    }
  else
    {
      adw_status_page_set_icon_name (self->done_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->done_page, _("Nothing Was Imported"));
      description = g_strdup_printf (_("%s rows have problems. Fix them in the file and import it again, or go back and choose “Skip bad rows”."),
                                     bad);
    }
  adw_status_page_set_description (self->done_page, description);
}

/* ------------------------------------------------------------------ workers */

typedef struct
{
  TiduImportKind   kind;
  char            *path;
  TiduCsvEncoding  encoding;
  gunichar         delimiter;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  TiduImport *import;

  import = tidu_import_new (data->kind, data->path, data->encoding, data->delimiter, cancellable, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, (GDestroyNotify) tidu_import_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (object);
  g_autoptr(GError) error = NULL;
  TiduImport *import;

  import = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  if (import == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_step (self, self->import != NULL ? "preview" : "choose");
      tidu_exchange_show_error (GTK_WIDGET (self), _("Could Not Read the File"), error);
      return;
    }

  set_import (self, import);
  set_step (self, "preview");
}

static void
start_load (TiduImportAssistant *self,
            TiduCsvEncoding      encoding,
            gunichar             delimiter)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (self->path != NULL);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->kind = get_kind (self);
  data->path = g_strdup (self->path);
  data->encoding = encoding;
  data->delimiter = delimiter;

  set_step (self, "loading");

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

typedef struct
{
  TiduDatabase      *database;
  TiduImport        *import;   /* borrowed: the assistant leaves it alone while this runs */
  TiduProgressRelay *relay;
  gboolean           dry_run;
} RunData;

static void
run_data_free (RunData *data)
{
  g_clear_object (&data->database);
  g_clear_pointer (&data->relay, tidu_progress_relay_unref);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(TiduDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  TiduImportReport *report = NULL;

  db = tidu_exchange_open_worker_database (data->database, &error);
  if (db != NULL)
    report = tidu_import_run (data->import, db, data->dry_run,
                              tidu_progress_relay_report, data->relay, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) tidu_import_report_free);
}

/* Setting the window's database again refreshes every place. */
static void
refresh_window (TiduImportAssistant *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (TIDU_IS_WINDOW (parent) && tidu_window_get_database (TIDU_WINDOW (parent)) == self->database)
    tidu_window_set_database (TIDU_WINDOW (parent), self->database);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (object);
  g_autoptr(GError) error = NULL;
  TiduImportReport *report;
  gboolean dry_run = self->dry_run;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  if (report == NULL)
    {
      set_step (self, dry_run ? "mapping" : "check");
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (!dry_run)
            gtk_window_present (GTK_WINDOW (self));
          return;
        }
      tidu_exchange_show_error (GTK_WIDGET (self),
                                dry_run ? _("Could Not Check the File") : _("Could Not Import the File"),
                                error);
      return;
    }

  g_clear_pointer (&self->report, tidu_import_report_free);
  self->report = report;
  if (dry_run)
    {
      fill_check (self);
      set_step (self, "check");
    }
  else
    {
      fill_done (self);
      set_step (self, "done");
      if (report->committed)
        refresh_window (self);
    }
}

static void
start_run (TiduImportAssistant *self,
           gboolean             dry_run)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->dry_run = dry_run;

  tidu_import_set_mode (self->import, gtk_check_button_get_active (self->skip_check)
                                      ? TIDU_IMPORT_SKIP_BAD_ROWS : TIDU_IMPORT_ALL_OR_NOTHING);

  data = g_new0 (RunData, 1);
  data->database = g_object_ref (self->database);
  data->import = self->import;
  data->dry_run = dry_run;
  data->relay = tidu_progress_relay_new (self->progress_bar);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  adw_status_page_set_title (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "progress")),
                             dry_run ? _("Checking Every Row…") : _("Importing…"));
  set_step (self, "progress");

  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

/* ------------------------------------------------------------------ signal callbacks */

static void
format_changed_cb (TiduImportAssistant *self)
{
  guint e = adw_combo_row_get_selected (self->encoding_row);
  guint d = adw_combo_row_get_selected (self->delimiter_row);

  if (self->import == NULL || self->cancellable != NULL || e >= G_N_ELEMENTS (encodings) || d >= G_N_ELEMENTS (delimiters))
    return;
  if (encodings[e] == tidu_import_get_encoding (self->import) &&
      delimiters[d] == tidu_import_get_delimiter (self->import))
    return;

  start_load (self, encodings[e], delimiters[d]);
}

static void
kind_changed_cb (TiduImportAssistant *self)
{
  /* The mapping depends on the kind: read the file again when it was read as another. */
  g_clear_pointer (&self->import, tidu_import_free);
  g_clear_pointer (&self->report, tidu_import_report_free);
}

static void
chooser_response_cb (GtkNativeDialog     *native,
                     int                  response,
                     TiduImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        tidu_import_assistant_open_file (self, get_kind (self), path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

/* ------------------------------------------------------------------ actions */

static void
choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_pattern (csv, "*.txt");
  gtk_file_filter_add_pattern (csv, "*.tsv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (widget);
  const char *step = tidu_import_assistant_get_step (self);

  if (g_str_equal (step, "choose"))
    {
      if (self->import != NULL && tidu_import_get_kind (self->import) == get_kind (self))
        set_step (self, "preview");
      else
        start_load (self, TIDU_CSV_ENCODING_AUTO, 0);
    }
  else if (g_str_equal (step, "preview"))
    set_step (self, "mapping");
  else if (g_str_equal (step, "mapping"))
    {
      g_autoptr(GError) error = NULL;

      if (!tidu_import_check_mapping (self->import, &error))
        {
          tidu_exchange_show_error (widget, _("Some Fields Are Missing"), error);
          return;
        }
      start_run (self, TRUE);
    }
  else if (g_str_equal (step, "check"))
    start_run (self, FALSE);
  else if (g_str_equal (step, "done"))
    gtk_window_close (GTK_WINDOW (self));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (widget);
  const char *step = tidu_import_assistant_get_step (self);

  if (g_str_equal (step, "preview"))
    set_step (self, "choose");
  else if (g_str_equal (step, "mapping"))
    set_step (self, "preview");
  else if (g_str_equal (step, "check"))
    set_step (self, "mapping");
  else if (g_str_equal (step, "done") && self->report != NULL && !self->report->committed)
    start_run (self, TRUE);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ------------------------------------------------------------------ overrides */

/* Closing while a run is going stops it; the core then saves nothing. */
static gboolean
tidu_import_assistant_close_request (GtkWindow *window)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (tidu_import_assistant_parent_class)->close_request (window);
}

static void
tidu_import_assistant_dispose (GObject *object)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (tidu_import_assistant_parent_class)->dispose (object);
}

static void
tidu_import_assistant_finalize (GObject *object)
{
  TiduImportAssistant *self = TIDU_IMPORT_ASSISTANT (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_pointer (&self->import, tidu_import_free);
  g_clear_pointer (&self->report, tidu_import_report_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->mapping_rows, g_array_unref);
  g_clear_pointer (&self->mapping_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (tidu_import_assistant_parent_class)->finalize (object);
}

static void
tidu_import_assistant_class_init (TiduImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tidu_import_assistant_dispose;
  object_class->finalize = tidu_import_assistant_finalize;
  window_class->close_request = tidu_import_assistant_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/tidu-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, preview_label);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, check_summary);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, skip_check);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, all_check);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, created_group);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, created_label);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, issues_group);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, issues_list);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TiduImportAssistant, done_page);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_activated);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
tidu_import_assistant_init (TiduImportAssistant *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->mapping_rows = g_array_new (FALSE, TRUE, sizeof (MappingRow));
  self->mapping_widgets = g_ptr_array_new ();

  for (guint k = 0; k < TIDU_N_IMPORT_KINDS; k++)
    gtk_string_list_append (kinds, tidu_import_kind_get_label ((TiduImportKind) k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), _("No file chosen"));

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (format_changed_cb), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (format_changed_cb), self);

  set_step (self, "choose");
}

/* ------------------------------------------------------------------ public API */

TiduImportAssistant *
tidu_import_assistant_new (GtkWindow    *parent,
                           TiduDatabase *database)
{
  TiduImportAssistant *self;

  g_return_val_if_fail (TIDU_IS_DATABASE (database), NULL);

  self = g_object_new (TIDU_TYPE_IMPORT_ASSISTANT, "transient-for", parent, NULL);
  self->database = g_object_ref (database);

  return self;
}

void
tidu_import_assistant_open_file (TiduImportAssistant *self,
                                 TiduImportKind       kind,
                                 const char          *path)
{
  g_autofree char *basename = NULL;

  g_return_if_fail (TIDU_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail (kind < TIDU_N_IMPORT_KINDS);
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  basename = g_path_get_basename (path);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->file_row), basename);
  adw_window_title_set_subtitle (self->window_title, basename);

  g_signal_handlers_block_by_func (self->kind_row, kind_changed_cb, self);
  adw_combo_row_set_selected (self->kind_row, kind);
  g_signal_handlers_unblock_by_func (self->kind_row, kind_changed_cb, self);

  start_load (self, TIDU_CSV_ENCODING_AUTO, 0);
}

const char *
tidu_import_assistant_get_step (TiduImportAssistant *self)
{
  g_return_val_if_fail (TIDU_IS_IMPORT_ASSISTANT (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
tidu_import_assistant_get_preview_text (TiduImportAssistant *self,
                                        guint                row,
                                        guint                column)
{
  GtkWidget *child;

  g_return_val_if_fail (TIDU_IS_IMPORT_ASSISTANT (self), NULL);

  /* Column 0 of the grid holds the row numbers. */
  child = gtk_grid_get_child_at (self->preview_grid, column + 1, row);

  return GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
}

TiduImport *
tidu_import_assistant_get_import (TiduImportAssistant *self)
{
  g_return_val_if_fail (TIDU_IS_IMPORT_ASSISTANT (self), NULL);

  return self->import;
}

const TiduImportReport *
tidu_import_assistant_get_report (TiduImportAssistant *self)
{
  g_return_val_if_fail (TIDU_IS_IMPORT_ASSISTANT (self), NULL);

  return self->report;
}
