/* tidu-export.c: a record list to CSV or XLSX (see tidu-export.h).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-export.h"
#include "tidu-record-private.h"
#include "tidu-sheet-private.h"
#include "tidu-vocabulary.h"
#include "tidu-worker-private.h"

#define PAGE_SIZE 256
#define WIDTH_SAMPLE_ROWS 200

typedef enum
{
  CELL_TEXT,
  CELL_NUMBER,
  CELL_DATE
} CellType;

/* The record's other fields, after the list's columns. Titles are the import's field titles,
 * so the file imports again as it is. */
typedef struct
{
  const char *title;
  CellType    type;
  const char *expression;   /* over the kind's table as x */
  int         vocabulary;   /* a TiduVocabulary whose label replaces the code, or -1 */
} Extra;

static const Extra firm_extras[] = {
  { N_("High-tech field"), CELL_TEXT, "x.tech_field", TIDU_VOCABULARY_TECH_FIELD },
  { N_("Founded on"), CELL_DATE, "x.founded_on", -1 },
  { N_("Address"), CELL_TEXT, "x.address", -1 },
  { N_("Legal representative"), CELL_TEXT, "x.legal_person", -1 },
  { N_("Contact person"), CELL_TEXT, "x.contact_name", -1 },
  { N_("Contact phone"), CELL_TEXT, "x.contact_phone", -1 },
  { N_("E-mail"), CELL_TEXT, "x.contact_email", -1 },
  { N_("Attraction channel"), CELL_TEXT, "x.attraction_channel", -1 },
  { N_("Officer in charge"), CELL_TEXT, "x.officer", -1 },
  { N_("Notes"), CELL_TEXT, "x.notes", -1 },
};

static const Extra carrier_extras[] = {
  { N_("Operator"), CELL_TEXT, "x.operator", -1 },
  { N_("Operator's credit code"), CELL_TEXT, "x.operator_uscc", -1 },
  { N_("Address"), CELL_TEXT, "x.address", -1 },
  { N_("Area (m²)"), CELL_NUMBER, "x.area_m2", -1 },
  { N_("Founded on"), CELL_DATE, "x.founded_on", -1 },
  { N_("Contact person"), CELL_TEXT, "x.contact_name", -1 },
  { N_("Contact phone"), CELL_TEXT, "x.contact_phone", -1 },
  { N_("Notes"), CELL_TEXT, "x.notes", -1 },
};

static const Extra talent_extras[] = {
  { N_("Gender"), CELL_TEXT, "x.gender", -1 },
  { N_("Year of birth"), CELL_NUMBER, "x.birth_year", -1 },
  { N_("Degree"), CELL_TEXT, "x.degree", -1 },
  { N_("Title"), CELL_TEXT, "x.title", -1 },
  { N_("Field"), CELL_TEXT, "x.field", -1 },
  { N_("Firm's credit code"), CELL_TEXT, "(SELECT f.uscc FROM firms f WHERE f.id = x.firm_id)", -1 },
  { N_("Contact phone"), CELL_TEXT, "x.contact_phone", -1 },
  { N_("E-mail"), CELL_TEXT, "x.contact_email", -1 },
  { N_("Notes"), CELL_TEXT, "x.notes", -1 },
};

static const Extra plan_extras[] = {
  { N_("Issuer"), CELL_TEXT, "x.issuer", -1 },
  { N_("Description"), CELL_TEXT, "x.description", -1 },
  { N_("Source"), CELL_TEXT, "x.source", -1 },
};

static const struct
{
  const char  *table;
  const Extra *extras;
  guint        n_extras;
} kind_extras[TIDU_N_LISTS] = {
  [TIDU_LIST_FIRMS] = { "firms", firm_extras, G_N_ELEMENTS (firm_extras) },
  [TIDU_LIST_CARRIERS] = { "carriers", carrier_extras, G_N_ELEMENTS (carrier_extras) },
  [TIDU_LIST_TALENTS] = { "talents", talent_extras, G_N_ELEMENTS (talent_extras) },
  [TIDU_LIST_TALENT_PLANS] = { "talent_plans", plan_extras, G_N_ELEMENTS (plan_extras) },
};

gboolean
tidu_export_format_for_path (const char       *path,
                             TiduExportFormat *format)
{
  g_autofree char *lower = NULL;

  if (path == NULL)
    return FALSE;
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    *format = TIDU_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = TIDU_EXPORT_XLSX;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_dangerous (const char *text)
{
  return text != NULL && (text[0] == '=' || text[0] == '+' || text[0] == '-' ||
                          text[0] == '@' || text[0] == '\t' || text[0] == '\r');
}

char *
tidu_export_neutralize (const char *text)
{
  if (text == NULL)
    return NULL;
  if (is_dangerous (text))
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

/* ------------------------------------------------------------------ rows */

typedef struct
{
  const char *title;
  CellType    type;
} Column;

typedef struct
{
  TiduDatabase        *db;
  const TiduListQuery *query;
  TiduListKind         kind;
  GArray              *rowids;
  TiduListPrefetch    *prefetch;          /* the cells computed for the whole list at once */
  guint                next;              /* index into rowids */
  GArray              *columns;           /* Column */
  guint                n_list_columns;
  char                *extra_sql;
  GHashTable          *labels[TIDU_N_VOCABULARIES]; /* code → label */
  /* A reader thread fetches pages while the caller writes the file: the two halves of the
   * work take about as long each, and the machine has two cores. At most MAX_PAGES pages are
   * in flight, so memory stays flat. */
  GThread             *reader;
  GAsyncQueue         *full;              /* Page */
  GAsyncQueue         *free_slots;        /* tokens */
  gint                 stop;
  struct _Page        *page;              /* the one being written */
  guint                page_pos;
} Rows;

#define MAX_PAGES 8

typedef struct _Page
{
  GPtrArray *rows;                        /* GStrv per row */
  GError    *error;
  gboolean   end;
} Page;

static void
page_free (Page *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_clear_error (&page->error);
  g_free (page);
}

static void
rows_clear (Rows *rows)
{
  if (rows->reader != NULL)
    {
      Page *page;

      /* Wake the reader if it waits for a free slot; it sees stop and ends. */
      g_atomic_int_set (&rows->stop, 1);
      g_async_queue_push (rows->free_slots, GINT_TO_POINTER (1));
      g_thread_join (g_steal_pointer (&rows->reader));
      while ((page = g_async_queue_try_pop (rows->full)) != NULL)
        page_free (page);
    }
  g_clear_pointer (&rows->full, g_async_queue_unref);
  g_clear_pointer (&rows->free_slots, g_async_queue_unref);
  g_clear_pointer (&rows->page, page_free);
  g_clear_pointer (&rows->rowids, g_array_unref);
  g_clear_pointer (&rows->prefetch, tidu_list_prefetch_free);
  g_clear_pointer (&rows->columns, g_array_unref);
  g_clear_pointer (&rows->extra_sql, g_free);
  for (guint i = 0; i < TIDU_N_VOCABULARIES; i++)
    g_clear_pointer (&rows->labels[i], g_hash_table_unref);
}

static gboolean
rows_init (Rows                *rows,
           TiduDatabase        *db,
           const TiduListQuery *query,
           GError             **error)
{
  const TiduListColumn *list_columns;
  guint n_list_columns = 0;
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  TiduListKind kind = tidu_list_query_get_kind (query);

  rows->db = db;
  rows->query = query;
  rows->kind = kind;
  rows->rowids = tidu_list_query_run (db, query, error);
  if (rows->rowids == NULL)
    return FALSE;
  rows->prefetch = tidu_list_prefetch_new (db, query, error);
  if (rows->prefetch == NULL)
    return FALSE;

  rows->columns = g_array_new (FALSE, FALSE, sizeof (Column));
  list_columns = tidu_list_get_columns (kind, &n_list_columns);
  for (guint i = 0; i < n_list_columns; i++)
    {
      Column column = { list_columns[i].title, list_columns[i].numeric ? CELL_NUMBER : CELL_TEXT };

      g_array_append_val (rows->columns, column);
    }
  rows->n_list_columns = n_list_columns;

  for (guint i = 0; i < kind_extras[kind].n_extras; i++)
    {
      const Extra *extra = &kind_extras[kind].extras[i];
      Column column = { _(extra->title), extra->type };

      g_array_append_val (rows->columns, column);
      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", extra->expression);
      if (extra->vocabulary >= 0 && rows->labels[extra->vocabulary] == NULL)
        {
          g_autoptr (GPtrArray) items = tidu_vocabulary_list (db, extra->vocabulary, error);

          if (items == NULL)
            return FALSE;
          rows->labels[extra->vocabulary] = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                   g_free, g_free);
          for (guint k = 0; k < items->len; k++)
            {
              const TiduVocabItem *item = g_ptr_array_index (items, k);

              g_hash_table_insert (rows->labels[extra->vocabulary], g_strdup (item->code),
                                   g_strdup (tidu_vocab_item_get_label (item)));
            }
        }
    }
  g_string_append_printf (sql, " FROM %s x WHERE x.rowid = ?1", kind_extras[kind].table);
  rows->extra_sql = g_string_free (g_steal_pointer (&sql), FALSE);
  return TRUE;
}

static char *
gender_label (const char *code)
{
  if (g_strcmp0 (code, "female") == 0)
    return g_strdup (_("Female"));
  if (g_strcmp0 (code, "male") == 0)
    return g_strdup (_("Male"));
  return g_strdup (code);
}

static gboolean
fetch_page (Rows       *rows,
            GPtrArray  *page,
            GError    **error)
{
  g_autoptr (GPtrArray) list_rows = NULL;
  guint n = MIN (PAGE_SIZE, rows->rowids->len - rows->next);
  guint n_extras = kind_extras[rows->kind].n_extras;

  if (n == 0)
    return TRUE;

  list_rows = tidu_list_fetch_rows_with (rows->db, rows->query, rows->prefetch,
                                         &g_array_index (rows->rowids, gint64, rows->next), n, error);
  if (list_rows == NULL)
    return FALSE;
  rows->next += n;

  for (guint r = 0; r < list_rows->len; r++)
    {
      TiduListRow *row = g_ptr_array_index (list_rows, r);
      char **cells;
      sqlite3_stmt *stmt;

      if (row->id == NULL)
        continue;               /* deleted since the query ran */
      cells = g_new0 (char *, rows->columns->len + 1);
      for (guint c = 0; c < rows->n_list_columns; c++)
        cells[c] = g_strdup (row->cells[c]);

      stmt = tidu_database_prepare (rows->db, rows->extra_sql, error);
      if (stmt == NULL)
        {
          g_strfreev (cells);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, row->rowid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        for (guint e = 0; e < n_extras; e++)
          {
            const Extra *extra = &kind_extras[rows->kind].extras[e];
            char *value = tidu_column_text (stmt, (int) e);

            if (value != NULL && extra->vocabulary >= 0)
              {
                const char *label = g_hash_table_lookup (rows->labels[extra->vocabulary], value);

                if (label != NULL)
                  {
                    g_free (value);
                    value = g_strdup (label);
                  }
              }
            else if (value != NULL && rows->kind == TIDU_LIST_TALENTS &&
                     g_str_equal (extra->expression, "x.gender"))
              {
                char *label = gender_label (value);

                g_free (value);
                value = label;
              }
            else if (value != NULL && extra->type == CELL_NUMBER &&
                     sqlite3_column_type (stmt, (int) e) == SQLITE_FLOAT)
              {
                char buffer[G_ASCII_DTOSTR_BUF_SIZE];

                g_free (value);
                value = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g",
                                                   sqlite3_column_double (stmt, (int) e)));
              }
            cells[rows->n_list_columns + e] = value;
          }
      sqlite3_reset (stmt);
      g_ptr_array_add (page, cells);
    }
  return TRUE;
}

static gpointer
read_pages (gpointer data)
{
  Rows *rows = data;

  for (;;)
    {
      Page *page = g_new0 (Page, 1);

      g_async_queue_pop (rows->free_slots);
      if (g_atomic_int_get (&rows->stop))
        {
          page_free (page);
          return NULL;
        }
      page->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      if (rows->next >= rows->rowids->len)
        page->end = TRUE;
      else if (!fetch_page (rows, page->rows, &page->error))
        page->end = TRUE;
      g_async_queue_push (rows->full, page);
      if (page->end)
        return NULL;
    }
}

static void
rows_start (Rows *rows)
{
  rows->full = g_async_queue_new ();
  rows->free_slots = g_async_queue_new ();
  for (guint i = 0; i < MAX_PAGES; i++)
    g_async_queue_push (rows->free_slots, GINT_TO_POINTER (1));
  rows->reader = g_thread_new ("tidu-export", read_pages, rows);
}

/* The page being written, the first one popped if none is yet. */
static Page *
rows_current_page (Rows *rows)
{
  if (rows->page == NULL)
    {
      rows->page = g_async_queue_pop (rows->full);
      rows->page_pos = 0;
    }
  return rows->page;
}

/* The next row's cells (owned by @rows), or NULL at the end or with @error set. */
static char **
rows_next (Rows     *rows,
           GError  **error)
{
  Page *page = rows_current_page (rows);

  while (rows->page_pos >= page->rows->len)
    {
      if (page->end)
        {
          if (page->error != NULL)
            g_propagate_error (error, g_steal_pointer (&page->error));
          return NULL;
        }
      g_clear_pointer (&rows->page, page_free);
      g_async_queue_push (rows->free_slots, GINT_TO_POINTER (1));
      page = rows_current_page (rows);
    }
  return g_ptr_array_index (page->rows, rows->page_pos++);
}

/* A number cell's value, when the text is one. */
static gboolean
as_number (const char *text,
           double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

/* ------------------------------------------------------------------ CSV */

static void
csv_cell (GString    *line,
          const char *text,
          CellType    type)
{
  double number;

  if (text == NULL)
    return;
  if (type == CELL_NUMBER && as_number (text, &number))
    g_string_append (line, text);
  else
    _tidu_sheet_append_csv_text (line, text);
}

static gboolean
write_all (FILE        *out,
           GString     *line,
           const char  *path,
           GError     **error)
{
  if (fwrite (line->str, 1, line->len, out) != line->len)
    {
      int saved = errno;

      g_set_error (error, TIDU_ERROR, saved == ENOSPC ? TIDU_ERROR_DISK_FULL : TIDU_ERROR_IO,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  g_string_truncate (line, 0);
  return TRUE;
}

static gboolean
export_csv (Rows              *rows,
            FILE              *out,
            const char        *path,
            TiduProgressFunc   progress,
            gpointer           progress_data,
            GCancellable      *cancellable,
            guint64           *n_rows,
            GError           **error)
{
  g_autoptr (GString) line = g_string_sized_new (64 * 1024);
  char **cells;

  g_string_append (line, "\xEF\xBB\xBF");
  for (guint c = 0; c < rows->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (line, ',');
      csv_cell (line, g_array_index (rows->columns, Column, c).title, CELL_TEXT);
    }
  g_string_append (line, "\r\n");

  while ((cells = rows_next (rows, error)) != NULL)
    {
      for (guint c = 0; c < rows->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (line, ',');
          csv_cell (line, cells[c], g_array_index (rows->columns, Column, c).type);
        }
      g_string_append (line, "\r\n");
      (*n_rows)++;
      if (line->len > 60 * 1024 && !write_all (out, line, path, error))
        return FALSE;
      if (*n_rows % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((double) *n_rows / MAX (1, rows->rowids->len), progress_data);
        }
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  return write_all (out, line, path, error);
}

/* ------------------------------------------------------------------ XLSX */

static const char *
sheet_name (TiduListKind kind)
{
  switch (kind)
    {
    case TIDU_LIST_FIRMS:
      return _("Firms");
    case TIDU_LIST_CARRIERS:
      return _("Carriers");
    case TIDU_LIST_TALENTS:
      return _("Talents");
    case TIDU_LIST_TALENT_PLANS:
      return _("Talent plans");
    case TIDU_N_LISTS:
    default:
      return "Sheet1";
    }
}

static gboolean
export_xlsx (Rows              *rows,
             const char        *tmp_path,
             const char        *path,
             TiduProgressFunc   progress,
             gpointer           progress_data,
             GCancellable      *cancellable,
             guint64           *n_rows,
             GError           **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header_format;
  lxw_format *date_format;
  g_autofree double *widths = g_new0 (double, rows->columns->len);
  g_autofree char *tmpdir = g_path_get_dirname (tmp_path);
  gboolean ok = FALSE;
  lxw_row_t r = 1;
  char **cells;
  lxw_error rc;

  /* libxlsxwriter keeps its temporary files beside the target, not in a small /tmp. */
  options.tmpdir = tmpdir;
  workbook = workbook_new_opt (tmp_path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path,
                   g_strerror (errno));
      return FALSE;
    }
  sheet = workbook_add_worksheet (workbook, sheet_name (rows->kind));
  header_format = workbook_add_format (workbook);
  format_set_bold (header_format);
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "yyyy-mm-dd");

  /* Widths from the header and the first rows, set before any row is streamed out. */
  for (guint c = 0; c < rows->columns->len; c++)
    widths[c] = _tidu_sheet_text_width (g_array_index (rows->columns, Column, c).title) + 2;
  for (guint i = 0; i < rows_current_page (rows)->rows->len && i < WIDTH_SAMPLE_ROWS; i++)
    {
      char **sample = g_ptr_array_index (rows->page->rows, i);

      for (guint c = 0; c < rows->columns->len; c++)
        widths[c] = MAX (widths[c], _tidu_sheet_text_width (sample[c]) + 1);
    }
  for (guint c = 0; c < rows->columns->len; c++)
    {
      CellType type = g_array_index (rows->columns, Column, c).type;

      if (type == CELL_DATE)
        widths[c] = MAX (widths[c], 12);
      if (_tidu_sheet_xlsx_failed (worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c,
                                             MIN (widths[c], 60), NULL), path, error))
        goto out;
    }
  worksheet_freeze_panes (sheet, 1, 0);

  for (guint c = 0; c < rows->columns->len; c++)
    worksheet_write_string (sheet, 0, (lxw_col_t) c,
                            g_array_index (rows->columns, Column, c).title, header_format);

  while ((cells = rows_next (rows, error)) != NULL)
    {
      for (guint c = 0; c < rows->columns->len; c++)
        {
          CellType type = g_array_index (rows->columns, Column, c).type;
          const char *text = cells[c];
          double number;
          GDate date;

          if (text == NULL || *text == '\0')
            continue;
          if (type == CELL_NUMBER && as_number (text, &number))
            rc = worksheet_write_number (sheet, r, (lxw_col_t) c, number, NULL);
          else if (type == CELL_DATE && tidu_date_from_iso (text, &date))
            {
              lxw_datetime datetime = { g_date_get_year (&date), g_date_get_month (&date),
                                        g_date_get_day (&date), 0, 0, 0.0 };

              rc = worksheet_write_datetime (sheet, r, (lxw_col_t) c, &datetime, date_format);
            }
          else if (!is_dangerous (text))
            rc = worksheet_write_string (sheet, r, (lxw_col_t) c, text, NULL);
          else
            {
              g_autofree char *safe = tidu_export_neutralize (text);

              rc = worksheet_write_string (sheet, r, (lxw_col_t) c, safe, NULL);
            }
          if (_tidu_sheet_xlsx_failed (rc, path, error))
            goto out;
        }
      r++;
      (*n_rows)++;
      if (*n_rows % 1000 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto out;
          if (progress != NULL)
            progress ((double) *n_rows / MAX (1, rows->rowids->len), progress_data);
        }
      if (r > LXW_ROW_MAX - 1)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("The list has more rows than an XLSX sheet can hold; export it as CSV."));
          goto out;
        }
    }
  if (error != NULL && *error != NULL)
    goto out;
  ok = TRUE;

out:
  rc = workbook_close (workbook);
  if (ok && _tidu_sheet_xlsx_failed (rc, path, error))
    ok = FALSE;
  return ok;
}

/* ------------------------------------------------------------------ entry point */

static void
end_read (sqlite3  *handle,
          gboolean  own_transaction)
{
  if (own_transaction)
    sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
}

gboolean
tidu_export_list (TiduDatabase        *db,
                  const TiduListQuery *query,
                  const char          *path,
                  TiduExportFormat     format,
                  TiduProgressFunc     progress,
                  gpointer             progress_data,
                  GCancellable        *cancellable,
                  guint64             *n_rows,
                  GError             **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr (GError) local_error = NULL;
  Rows rows = { 0 };
  guint64 written = 0;
  gboolean ok = FALSE;
  gboolean own_transaction = FALSE;
  sqlite3 *handle;
  int fd;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* One read transaction: the file is a consistent snapshot even while others write, and
   * SQLite takes its locks once instead of for every statement. */
  handle = tidu_database_get_handle (db);
  if (sqlite3_get_autocommit (handle))
    {
      int rc = sqlite3_exec (handle, "BEGIN DEFERRED", NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        return tidu_database_set_error (handle, rc, NULL, error);
      own_transaction = TRUE;
    }
  if (!rows_init (&rows, db, query, error))
    {
      rows_clear (&rows);
      end_read (handle, own_transaction);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, TIDU_ERROR, saved == EACCES || saved == EROFS
                   ? TIDU_ERROR_READ_ONLY : TIDU_ERROR_IO,
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      rows_clear (&rows);
      end_read (handle, own_transaction);
      return FALSE;
    }

  rows_start (&rows);
  if (format == TIDU_EXPORT_CSV)
    {
      FILE *out = fdopen (fd, "wb");

      if (out == NULL)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"), path,
                       g_strerror (errno));
          close (fd);
          g_unlink (tmp_path);
          rows_clear (&rows);
          end_read (handle, own_transaction);
          return FALSE;
        }
      ok = export_csv (&rows, out, path, progress, progress_data, cancellable, &written,
                       &local_error);
      if (fflush (out) != 0 && ok)
        {
          int saved = errno;

          g_set_error (&local_error, TIDU_ERROR,
                       saved == ENOSPC ? TIDU_ERROR_DISK_FULL : TIDU_ERROR_IO,
                       _("Could not write “%s”: %s"), path, g_strerror (saved));
          ok = FALSE;
        }
      if (ok && fsync (fileno (out)) != 0)
        {
          g_set_error (&local_error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"),
                       path, g_strerror (errno));
          ok = FALSE;
        }
      fclose (out);
    }
  else
    {
      close (fd);
      ok = export_xlsx (&rows, tmp_path, path, progress, progress_data, cancellable, &written,
                        &local_error);
    }
  rows_clear (&rows);
  end_read (handle, own_transaction);

  /* mkstemp made the file private; an export is an ordinary document. */
  if (ok)
    g_chmod (tmp_path, 0644);
  if (ok && g_rename (tmp_path, path) != 0)
    {
      g_set_error (&local_error, TIDU_ERROR, TIDU_ERROR_IO, _("Could not write “%s”: %s"),
                   path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp_path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  if (n_rows != NULL)
    *n_rows = written;
  return TRUE;
}

/* ------------------------------------------------------------------ on a worker thread */

typedef struct
{
  char             *database_path;
  TiduListQuery    *query;
  char             *path;
  TiduExportFormat  format;
  TiduMainProgress *progress;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->database_path);
  g_clear_pointer (&data->query, tidu_list_query_free);
  g_free (data->path);
  g_clear_pointer (&data->progress, tidu_main_progress_unref);
  g_free (data);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr (TiduDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  guint64 n_rows = 0;

  db = tidu_database_open (data->database_path, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL ||
      !tidu_export_list (db, data->query, data->path, data->format,
                         data->progress != NULL ? tidu_main_progress_report : NULL,
                         data->progress, cancellable, &n_rows, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_memdup2 (&n_rows, sizeof n_rows), g_free);
}

void
tidu_export_list_async (const char          *database_path,
                        const TiduListQuery *query,
                        const char          *path,
                        TiduExportFormat     format,
                        TiduProgressFunc     progress,
                        gpointer             progress_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (database_path != NULL);
  g_return_if_fail (query != NULL);
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tidu_export_list_async);
  data = g_new0 (ExportData, 1);
  data->database_path = g_strdup (database_path);
  data->query = tidu_list_query_copy (query);
  data->path = g_strdup (path);
  data->format = format;
  if (progress != NULL)
    data->progress = tidu_main_progress_new (progress, progress_data);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
tidu_export_list_finish (GAsyncResult  *result,
                         guint64       *n_rows,
                         GError       **error)
{
  g_autofree guint64 *count = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  count = g_task_propagate_pointer (G_TASK (result), error);
  if (count == NULL)
    return FALSE;
  if (n_rows != NULL)
    *n_rows = *count;
  return TRUE;
}
