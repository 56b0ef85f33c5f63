/* tidu-list.c: the queries behind the record lists.
 *
 * One statement per list returns the rowids in display order: search (tidu-search.c), filters
 * and sort all run in SQL. The cells of a page of rows come from a second statement that walks
 * the page's rowids with json_each, so every page size shares one prepared statement and the
 * rows come back in the order asked, vanished ones included (DESIGN.md §4, PERFORMANCE.md §4).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tidu-date.h"
#include "tidu-error.h"
#include "tidu-list.h"
#include "tidu-record-private.h"
#include "tidu-search.h"
#include "tidu-vocabulary.h"

/* SQL templates: the base table is "x"; $L is the label column of the vocabularies (name_zh or
 * name_en), $T the date lists are computed on, $J the separator of a list of names, $V the
 * filter's value. */

/* A certification valid on $T (firm_tiers.valid_until is its last valid day). */
#define VALID_ON_T(a) \
  a ".deleted_at IS NULL AND " a ".certified_on <= $T" \
  " AND (" a ".valid_until IS NULL OR " a ".valid_until >= $T)" \
  " AND (" a ".revoked_on IS NULL OR " a ".revoked_on > $T)"

/* The highest-ranked valid ladder tier: one aggregate over the firm's few certifications
 * rather than ORDER BY … LIMIT 1, which opens a sorter for every row of a page (ranks are
 * below 10000: the zero-padded rank sorts as text, and the label follows it). */
#define CURRENT_TIER_MAX(what) \
  "(SELECT max (printf ('%04d', t.rank) || " what ") FROM firm_tiers ft INDEXED BY firm_tiers_current" \
  " JOIN tiers t ON t.code = ft.tier" \
  " WHERE ft.firm_id = x.id AND t.line = 'ladder' AND " VALID_ON_T ("ft") ")"
#define CURRENT_TIER_LABEL "substr (" CURRENT_TIER_MAX ("t.$L") ", 5)"
/* The same label for every firm at once, keyed by firm id: one pass over firm_tiers in its
 * own order instead of a search of it (and a read of the table row it points to) per firm of
 * a list in name order, which was two thirds of reading a 100,000-firm list (bench-csv.sh). */
#define CURRENT_TIER_LABEL_BY_FIRM \
  "SELECT ft.firm_id, substr (max (printf ('%04d', t.rank) || t.$L), 5) FROM firm_tiers ft" \
  " JOIN tiers t ON t.code = ft.tier WHERE t.line = 'ladder' AND " VALID_ON_T ("ft") \
  " GROUP BY ft.firm_id"
#define CURRENT_TIER_RANK CURRENT_TIER_MAX ("''")

#define CURRENT_CARRIER \
  "(SELECT c.name FROM firm_stays s JOIN carriers c ON c.id = s.carrier_id" \
  " WHERE s.firm_id = x.id AND s.left_on IS NULL AND s.deleted_at IS NULL)"

#define REGION_NAME "(SELECT r.name FROM regions r WHERE r.id = x.region_id)"

#define VOCAB(table, column, what) \
  "(SELECT v." what " FROM " table " v WHERE v.code = x." column ")"

#define LATEST_GRADE(what) \
  "(SELECT " what " FROM carrier_years cy JOIN grades g ON g.code = cy.grade" \
  " WHERE cy.carrier_id = x.id AND cy.deleted_at IS NULL" \
  " ORDER BY cy.year DESC LIMIT 1)"

/* The region and the regions under it, at any depth (UNION: a loop in the tree still ends). */
/* unlikely(): tells the planner the filter is selective, so it searches the region index and
 * sorts (4 ms at 100k firms) rather than walking the whole name index (100 ms). */
#define IN_REGION(column) \
  "unlikely (" column " IN (WITH RECURSIVE sub (id) AS (SELECT $V UNION" \
  " SELECT r.id FROM regions r JOIN sub ON r.parent_id = sub.id) SELECT id FROM sub))"

typedef enum
{
  FORMAT_TEXT,
  FORMAT_GRADE_WITH_YEAR,   /* "label<TAB>year" → "label (year)" */
} CellFormat;

typedef struct
{
  const char *id;
  const char *title;      /* msgid */
  gboolean    numeric;
  const char *cell;       /* SQL for the display value */
  const char *sort;       /* SQL for the sort key; NULL: the cell */
  CellFormat  format;
} ColumnSpec;

typedef enum
{
  VALUE_TEXT,
  VALUE_INTEGER,          /* validated, bound as text and compared as integer */
  VALUE_DAYS,             /* a number of days: $V becomes the date that many days from $T */
  VALUE_ID_LIST,          /* a JSON array of record ids, checked, bound as text */
} ValueKind;

typedef struct
{
  const char *field;
  ValueKind   value;
  const char *sql;        /* the condition */
  const char *none_sql;   /* the condition for the value "none", or NULL */
} FilterSpec;

typedef struct
{
  const char       *name;
  const char       *table;
  TiduSearchTarget  search;
  const ColumnSpec *columns;
  guint             n_columns;
  const FilterSpec *filters;
  guint             n_filters;
} KindSpec;

static const ColumnSpec firm_columns[] = {
  { "name", N_("Name"), FALSE, "x.name", NULL, FORMAT_TEXT },
  { "uscc", N_("Credit code"), FALSE, "x.uscc", NULL, FORMAT_TEXT },
  { "region", N_("Region"), FALSE, REGION_NAME, NULL, FORMAT_TEXT },
  { "tier", N_("Tier"), FALSE, CURRENT_TIER_LABEL, CURRENT_TIER_RANK, FORMAT_TEXT },
  { "carrier", N_("Carrier"), FALSE, CURRENT_CARRIER, NULL, FORMAT_TEXT },
  { "industry", N_("Industry"), FALSE, "x.industry", NULL, FORMAT_TEXT },
  { "stage", N_("Stage"), FALSE, VOCAB ("attraction_stages", "attraction_stage", "$L"),
    VOCAB ("attraction_stages", "attraction_stage", "rank"), FORMAT_TEXT },
};

static const FilterSpec firm_filters[] = {
  { "region_id", VALUE_TEXT, IN_REGION ("x.region_id"), NULL },
  /* The highest valid ladder tier is $V: one valid certification of $V, none higher. */
  { "tier", VALUE_TEXT,
    "x.rowid IN (SELECT f.rowid FROM firm_tiers ft JOIN firms f ON f.id = ft.firm_id"
    " WHERE ft.tier = $V AND " VALID_ON_T ("ft") ")"
    " AND x.rowid NOT IN (SELECT f.rowid FROM firm_tiers ft JOIN tiers t ON t.code = ft.tier"
    " JOIN firms f ON f.id = ft.firm_id"
    " WHERE t.line = 'ladder' AND t.rank > (SELECT rank FROM tiers WHERE code = $V)"
    " AND " VALID_ON_T ("ft") ")",
    "x.rowid NOT IN (SELECT f.rowid FROM firm_tiers ft JOIN tiers t ON t.code = ft.tier"
    " JOIN firms f ON f.id = ft.firm_id WHERE t.line = 'ladder' AND " VALID_ON_T ("ft") ")" },
  { "carrier_id", VALUE_TEXT,
    "x.rowid IN (SELECT f.rowid FROM firm_stays s JOIN firms f ON f.id = s.firm_id"
    " WHERE s.carrier_id = $V AND s.left_on IS NULL AND s.deleted_at IS NULL)", NULL },
  { "industry", VALUE_TEXT, "x.industry = $V", NULL },
  { "tech_field", VALUE_TEXT, "x.tech_field = $V", NULL },
  { "stage", VALUE_TEXT, "x.attraction_stage = $V", NULL },
  { "expiring_days", VALUE_DAYS,
    "x.rowid IN (SELECT f.rowid FROM firm_tiers ft JOIN firms f ON f.id = ft.firm_id"
    " WHERE ft.valid_until <= $V AND "
    VALID_ON_T ("ft") ")", NULL },
  /* Exactly these firms: the ones behind a number of the Overview (tidu_stats_firm_ids). */
  { "ids", VALUE_ID_LIST, "x.id IN (SELECT value FROM json_each ($V))", NULL },
};

static const ColumnSpec carrier_columns[] = {
  { "name", N_("Name"), FALSE, "x.name", NULL, FORMAT_TEXT },
  { "kind", N_("Kind"), FALSE, VOCAB ("carrier_kinds", "kind", "$L"),
    VOCAB ("carrier_kinds", "kind", "rank"), FORMAT_TEXT },
  { "level", N_("Level"), FALSE, VOCAB ("levels", "level", "$L"),
    VOCAB ("levels", "level", "rank"), FORMAT_TEXT },
  { "region", N_("Region"), FALSE, REGION_NAME, NULL, FORMAT_TEXT },
  { "grade", N_("Grade"), FALSE, LATEST_GRADE ("g.$L || char (9) || cy.year"),
    LATEST_GRADE ("g.rank"), FORMAT_GRADE_WITH_YEAR },
  { "in_incubation", N_("In incubation"), TRUE,
    "(SELECT cy.incubated_firms FROM carrier_years cy WHERE cy.carrier_id = x.id"
    " AND cy.deleted_at IS NULL ORDER BY cy.year DESC LIMIT 1)", NULL, FORMAT_TEXT },
};

static const FilterSpec carrier_filters[] = {
  { "kind", VALUE_TEXT, "x.kind = $V", NULL },
  { "level", VALUE_TEXT, "x.level = $V", NULL },
  { "region_id", VALUE_TEXT, IN_REGION ("x.region_id"), NULL },
  { "grade", VALUE_TEXT, LATEST_GRADE ("g.code") " = $V", NULL },
};

static const ColumnSpec talent_columns[] = {
  { "name", N_("Name"), FALSE, "x.name", NULL, FORMAT_TEXT },
  { "firm", N_("Firm"), FALSE, "(SELECT f.name FROM firms f WHERE f.id = x.firm_id)", NULL, FORMAT_TEXT },
  { "region", N_("Region"), FALSE, REGION_NAME, NULL, FORMAT_TEXT },
  { "plans", N_("Plan"), FALSE,
    "(SELECT group_concat (name, $J) FROM (SELECT DISTINCT p.name FROM talent_awards a"
    " JOIN talent_plans p ON p.id = a.plan_id WHERE a.talent_id = x.id AND a.deleted_at IS NULL"
    " ORDER BY p.name))", NULL, FORMAT_TEXT },
  { "year", N_("Year"), TRUE,
    "(SELECT max (a.year) FROM talent_awards a WHERE a.talent_id = x.id AND a.deleted_at IS NULL)",
    NULL, FORMAT_TEXT },
};

static const FilterSpec talent_filters[] = {
  { "plan_id", VALUE_TEXT,
    "x.id IN (SELECT a.talent_id FROM talent_awards a WHERE a.plan_id = $V AND a.deleted_at IS NULL)", NULL },
  { "year", VALUE_INTEGER,
    "x.id IN (SELECT a.talent_id FROM talent_awards a"
    " WHERE a.year = CAST ($V AS INTEGER) AND a.deleted_at IS NULL)", NULL },
  { "region_id", VALUE_TEXT, IN_REGION ("x.region_id"), NULL },
};

static const ColumnSpec plan_columns[] = {
  { "name", N_("Name"), FALSE, "x.name", NULL, FORMAT_TEXT },
  { "level", N_("Level"), FALSE, VOCAB ("levels", "level", "$L"),
    VOCAB ("levels", "level", "rank"), FORMAT_TEXT },
  { "region", N_("Region"), FALSE, "x.region_name", NULL, FORMAT_TEXT },
  { "awards", N_("Awards"), TRUE,
    "(SELECT count (*) FROM talent_awards a WHERE a.plan_id = x.id AND a.deleted_at IS NULL)",
    NULL, FORMAT_TEXT },
};

static const FilterSpec plan_filters[] = {
  { "level", VALUE_TEXT, "x.level = $V", NULL },
  { "region_id", VALUE_TEXT, IN_REGION ("x.region_id"), NULL },
};

static const KindSpec kinds[TIDU_N_LISTS] = {
  [TIDU_LIST_FIRMS] = { "firms", "firms", TIDU_SEARCH_FIRMS,
                        firm_columns, G_N_ELEMENTS (firm_columns),
                        firm_filters, G_N_ELEMENTS (firm_filters) },
  [TIDU_LIST_CARRIERS] = { "carriers", "carriers", TIDU_SEARCH_CARRIERS,
                           carrier_columns, G_N_ELEMENTS (carrier_columns),
                           carrier_filters, G_N_ELEMENTS (carrier_filters) },
  [TIDU_LIST_TALENTS] = { "talents", "talents", TIDU_SEARCH_TALENTS,
                          talent_columns, G_N_ELEMENTS (talent_columns),
                          talent_filters, G_N_ELEMENTS (talent_filters) },
  [TIDU_LIST_TALENT_PLANS] = { "plans", "talent_plans", TIDU_SEARCH_TALENT_PLANS,
                               plan_columns, G_N_ELEMENTS (plan_columns),
                               plan_filters, G_N_ELEMENTS (plan_filters) },
};

struct _TiduListQuery
{
  TiduListKind  kind;
  char         *search;
  GHashTable   *filters;       /* field (static) → value */
  const char   *sort_column;   /* static: a column id */
  gboolean      descending;
  gboolean      trash;
  GDate         today;         /* invalid: the real today */
};

/* ---------------------------------------------------------------- helpers */

static gboolean
prefers_chinese_labels (void)
{
  char zh[] = "zh";
  char en[] = "en";
  TiduVocabItem probe = { .name_zh = zh, .name_en = en };

  return tidu_vocab_item_get_label (&probe) == zh;
}

/* Expands a template; @value is the parameter number of $V (0: none). */
static void
append_template (GString    *sql,
                 const char *template,
                 guint       today,
                 guint       value)
{
  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] != '$' || p[1] == '\0')
        {
          g_string_append_c (sql, *p);
          continue;
        }
      p++;
      if (*p == 'L')
        g_string_append (sql, prefers_chinese_labels () ? "name_zh" : "name_en");
      else if (*p == 'T')
        g_string_append_printf (sql, "?%u", today);
      else if (*p == 'J')
        g_string_append (sql, prefers_chinese_labels () ? "'、'" : "', '");
      else if (*p == 'V')
        {
          g_assert (value > 0);
          g_string_append_printf (sql, "?%u", value);
        }
      else
        g_assert_not_reached ();
    }
}

static const ColumnSpec *
find_column (TiduListKind  kind,
             const char   *id)
{
  for (guint i = 0; i < kinds[kind].n_columns; i++)
    {
      if (g_strcmp0 (kinds[kind].columns[i].id, id) == 0)
        return &kinds[kind].columns[i];
    }
  return NULL;
}

static const FilterSpec *
find_filter (TiduListKind  kind,
             const char   *field)
{
  for (guint i = 0; i < kinds[kind].n_filters; i++)
    {
      if (g_strcmp0 (kinds[kind].filters[i].field, field) == 0)
        return &kinds[kind].filters[i];
    }
  return NULL;
}

static void
query_today (const TiduListQuery *query,
             GDate               *today)
{
  if (g_date_valid (&query->today))
    {
      *today = query->today;
      return;
    }
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

static char *
date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static gboolean
parse_count (const char *text,
             guint64     max,
             guint64    *out)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

/* A JSON array of strings, e.g. ["id1","id2"] (empty is fine: no record). */
static gboolean
is_id_list (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return FALSE;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
    }
  return TRUE;
}

static void
bind_values (sqlite3_stmt *stmt,
             GPtrArray    *values)
{
  int count = sqlite3_bind_parameter_count (stmt);

  for (guint i = 0; i < values->len && (int) i < count; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (values, i), -1, SQLITE_TRANSIENT);
}

static gboolean
has_filters (const TiduListQuery *query)
{
  return g_hash_table_size (query->filters) > 0;
}

/* The statement of tidu_list_query_run, and its parameter values. */
static char *
build_run_sql (const TiduListQuery  *query,
               GPtrArray            *values,
               GError              **error)
{
  const KindSpec *spec = &kinds[query->kind];
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(TiduSearch) search = tidu_search_new (query->search);
  g_autofree char *condition = NULL;
  g_autoptr(GList) fields = NULL;
  const ColumnSpec *sort;
  GDate today;
  guint today_param;

  query_today (query, &today);
  g_ptr_array_add (values, date_to_iso (&today));
  today_param = values->len;

  sort = find_column (query->kind, query->sort_column);

  /* Every live firm by name: the partial (name) index holds exactly those rows in order. Once
   * ANALYZE has run (PRAGMA optimize does at close), SQLite 3.40 preferred the full firms_name
   * index of schemas 1–4 (snapshots of them still open) and read all 100,000 rows to test
   * deleted_at: 107 ms instead of 18. */
  g_string_append_printf (sql, "SELECT x.rowid FROM %s x%s WHERE x.deleted_at IS %s",
                          spec->table,
                          query->kind == TIDU_LIST_FIRMS && !query->trash
                          && tidu_search_is_empty (search) && !has_filters (query)
                          && (sort == NULL || g_str_equal (sort->id, "name"))
                          ? " INDEXED BY firms_live_name" : "",
                          query->trash ? "NOT NULL" : "NULL");

  if (!tidu_search_is_empty (search))
    {
      condition = tidu_search_build_sql_full (search, spec->search, "x", query->trash, values);
      g_string_append_printf (sql, " AND %s", condition);
    }

  /* Filters in a fixed order, so the same filters give the same (cached) statement. */
  for (guint i = 0; i < spec->n_filters; i++)
    {
      const FilterSpec *filter = &spec->filters[i];
      const char *value = g_hash_table_lookup (query->filters, filter->field);
      guint64 number;

      if (value == NULL)
        continue;

      g_string_append (sql, " AND ");
      if (filter->none_sql != NULL && g_str_equal (value, "none"))
        {
          append_template (sql, filter->none_sql, today_param, 0);
          continue;
        }

      switch (filter->value)
        {
        case VALUE_TEXT:
          g_ptr_array_add (values, g_strdup (value));
          break;
        case VALUE_INTEGER:
          if (!parse_count (value, 9999, &number))
            {
              g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                           _("“%s” is not a valid value for %s: a number is expected."),
                           value, filter->field);
              return NULL;
            }
          g_ptr_array_add (values, g_strdup (value));
          break;
        case VALUE_DAYS:
          {
            GDate until = today;

            if (!parse_count (value, 36500, &number))
              {
                g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                             _("“%s” is not a valid value for %s: a number of days is expected."),
                             value, filter->field);
                return NULL;
              }
            g_date_add_days (&until, (guint) number);
            g_ptr_array_add (values, date_to_iso (&until));
          }
          break;
        case VALUE_ID_LIST:
          if (!is_id_list (value))
            {
              g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                           _("“%s” is not a valid value for %s: a JSON array of record ids is expected."),
                           value, filter->field);
              return NULL;
            }
          g_ptr_array_add (values, g_strdup (value));
          break;
        default:
          g_assert_not_reached ();
        }
      append_template (sql, filter->sql, today_param, values->len);
    }

  if (sort == NULL || g_str_equal (sort->id, "name"))
    {
      /* Served by the (name) indexes, rowid included. */
      g_string_append_printf (sql, " ORDER BY x.name %s, x.rowid %s",
                              query->descending ? "DESC" : "ASC",
                              query->descending ? "DESC" : "ASC");
    }
  else
    {
      g_string_append (sql, " ORDER BY ");
      append_template (sql, sort->sort != NULL ? sort->sort : sort->cell, today_param, 0);
      g_string_append_printf (sql, " %s NULLS LAST, x.name, x.rowid",
                              query->descending ? "DESC" : "ASC");
    }

  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* ---------------------------------------------------------------- kinds and columns */

const TiduListColumn *
tidu_list_get_columns (TiduListKind  kind,
                       guint        *n_columns)
{
  static TiduListColumn *columns[TIDU_N_LISTS];
  static gsize initialized = 0;

  g_return_val_if_fail (kind < TIDU_N_LISTS, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint k = 0; k < TIDU_N_LISTS; k++)
        {
          columns[k] = g_new0 (TiduListColumn, kinds[k].n_columns);
          for (guint i = 0; i < kinds[k].n_columns; i++)
            {
              columns[k][i].id = kinds[k].columns[i].id;
              columns[k][i].title = g_dgettext (GETTEXT_PACKAGE, kinds[k].columns[i].title);
              columns[k][i].numeric = kinds[k].columns[i].numeric;
              columns[k][i].sortable = TRUE;
            }
        }
      g_once_init_leave (&initialized, 1);
    }

  if (n_columns != NULL)
    *n_columns = kinds[kind].n_columns;
  return columns[kind];
}

gboolean
tidu_list_has_column (TiduListKind  kind,
                      const char   *column_id)
{
  g_return_val_if_fail (kind < TIDU_N_LISTS, FALSE);
  return find_column (kind, column_id) != NULL;
}

gboolean
tidu_list_has_filter (TiduListKind  kind,
                      const char   *field)
{
  g_return_val_if_fail (kind < TIDU_N_LISTS, FALSE);
  return find_filter (kind, field) != NULL;
}

const char **
tidu_list_get_filter_fields (TiduListKind kind)
{
  const char **fields;

  g_return_val_if_fail (kind < TIDU_N_LISTS, NULL);

  fields = g_new0 (const char *, kinds[kind].n_filters + 1);
  for (guint i = 0; i < kinds[kind].n_filters; i++)
    fields[i] = kinds[kind].filters[i].field;
  return fields;
}

const char *
tidu_list_kind_to_string (TiduListKind kind)
{
  g_return_val_if_fail (kind < TIDU_N_LISTS, NULL);
  return kinds[kind].name;
}

gboolean
tidu_list_kind_from_string (const char   *text,
                            TiduListKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint k = 0; k < TIDU_N_LISTS; k++)
    {
      if (g_str_equal (text, kinds[k].name) || g_str_equal (text, kinds[k].table))
        {
          *kind = k;
          return TRUE;
        }
    }
  if (g_str_equal (text, "talent-plans"))
    {
      *kind = TIDU_LIST_TALENT_PLANS;
      return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------- queries */

TiduListQuery *
tidu_list_query_new (TiduListKind kind)
{
  TiduListQuery *query;

  g_return_val_if_fail (kind < TIDU_N_LISTS, NULL);

  query = g_new0 (TiduListQuery, 1);
  query->kind = kind;
  query->filters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  query->sort_column = "name";
  g_date_clear (&query->today, 1);
  return query;
}

TiduListQuery *
tidu_list_query_copy (const TiduListQuery *query)
{
  TiduListQuery *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (query != NULL, NULL);

  copy = tidu_list_query_new (query->kind);
  copy->search = g_strdup (query->search);
  copy->sort_column = query->sort_column;
  copy->descending = query->descending;
  copy->trash = query->trash;
  copy->today = query->today;
  g_hash_table_iter_init (&iter, query->filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->filters, key, g_strdup (value));
  return copy;
}

void
tidu_list_query_free (TiduListQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->search);
  g_hash_table_unref (query->filters);
  g_free (query);
}

TiduListKind
tidu_list_query_get_kind (const TiduListQuery *query)
{
  g_return_val_if_fail (query != NULL, TIDU_LIST_FIRMS);
  return query->kind;
}

void
tidu_list_query_set_search (TiduListQuery *query,
                            const char    *text)
{
  g_return_if_fail (query != NULL);

  g_free (query->search);
  query->search = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
}

const char *
tidu_list_query_get_search (const TiduListQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);
  return query->search;
}

void
tidu_list_query_set_filter (TiduListQuery *query,
                            const char    *field,
                            const char    *value)
{
  const FilterSpec *filter;

  g_return_if_fail (query != NULL);
  filter = find_filter (query->kind, field);
  g_return_if_fail (filter != NULL);

  if (value == NULL || *value == '\0')
    g_hash_table_remove (query->filters, filter->field);
  else
    g_hash_table_insert (query->filters, (gpointer) filter->field, g_strdup (value));
}

const char *
tidu_list_query_get_filter (const TiduListQuery *query,
                            const char          *field)
{
  g_return_val_if_fail (query != NULL, NULL);
  return g_hash_table_lookup (query->filters, field);
}

void
tidu_list_query_set_sort (TiduListQuery *query,
                          const char    *column_id,
                          gboolean       descending)
{
  const ColumnSpec *column;

  g_return_if_fail (query != NULL);
  column = find_column (query->kind, column_id != NULL ? column_id : "name");
  g_return_if_fail (column != NULL);

  query->sort_column = column->id;
  query->descending = !!descending;
}

const char *
tidu_list_query_get_sort (const TiduListQuery *query,
                          gboolean            *descending)
{
  g_return_val_if_fail (query != NULL, NULL);
  if (descending != NULL)
    *descending = query->descending;
  return query->sort_column;
}

void
tidu_list_query_set_trash (TiduListQuery *query,
                           gboolean       trash)
{
  g_return_if_fail (query != NULL);
  query->trash = !!trash;
}

gboolean
tidu_list_query_get_trash (const TiduListQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);
  return query->trash;
}

void
tidu_list_query_set_today (TiduListQuery *query,
                           const GDate   *today)
{
  g_return_if_fail (query != NULL);

  if (today != NULL && g_date_valid (today))
    query->today = *today;
  else
    g_date_clear (&query->today, 1);
}

/**
 * tidu_list_ids_to_filter:
 * @ids: (nullable) (array zero-terminated=1): record ids
 *
 * Returns: (transfer full): the value of the "ids" filter that keeps exactly @ids
 */
char *
tidu_list_ids_to_filter (const char * const *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

GArray *
tidu_list_query_run (TiduDatabase         *db,
                     const TiduListQuery  *query,
                     GError              **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rowids = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  sql = build_run_sql (query, values, error);
  if (sql == NULL)
    return NULL;
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);

  rowids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 256);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("The list could not be read."), error);
      return NULL;
    }
  return g_steal_pointer (&rowids);
}

char *
tidu_list_query_explain (TiduDatabase         *db,
                         const TiduListQuery  *query,
                         GError              **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *explain = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  sql = build_run_sql (query, values, error);
  if (sql == NULL)
    return NULL;
  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  handle = tidu_database_get_handle (db);
  rc = sqlite3_prepare_v2 (handle, explain, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tidu_database_set_error (handle, rc, _("The list could not be read."), error);
      return NULL;
    }
  bind_values (stmt, values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (plan, "%d %d %s\n", sqlite3_column_int (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (handle, rc, _("The list could not be read."), error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

/* ---------------------------------------------------------------- searching in memory */

struct _TiduListBase
{
  gatomicrefcount  ref_count;
  GArray          *rowids;         /* the base order */
  char            *key;            /* the query but for its search, and the day */
  TiduDatabase    *db;             /* the connection it was read on */
  gint64           data_version;   /* PRAGMA data_version of @db then */
  TiduSearchTarget target;
  /* Each term's rowids read on @db while the base is current: the next keystroke typically
   * keeps all terms but the last (typing on, deleting back). */
  GMutex           terms_lock;
  GHashTable      *terms;          /* term → GArray of rowids, ascending */
  gsize            terms_rows;
};

/* Rows of term sets a base keeps at most (8 bytes each). */
#define MAX_TERM_ROWS 400000

gboolean
tidu_list_query_can_use_base (const TiduListQuery *query)
{
  g_return_val_if_fail (query != NULL, FALSE);
  return !query->trash && tidu_search_target_has_index (kinds[query->kind].search);
}

/* Everything the base order depends on: the query without its search, and the day the tiers
 * and expiring certifications are computed on. */
static char *
base_key (const TiduListQuery *query)
{
  const KindSpec *spec = &kinds[query->kind];
  GString *key = g_string_new (NULL);
  g_autofree char *today_text = NULL;
  GDate today;

  query_today (query, &today);
  today_text = date_to_iso (&today);
  g_string_append_printf (key, "%d\x1f%d\x1f%s\x1f%d\x1f%s", query->kind, query->trash,
                          query->sort_column, query->descending, today_text);
  for (guint i = 0; i < spec->n_filters; i++)
    {
      const char *value = g_hash_table_lookup (query->filters, spec->filters[i].field);

      if (value != NULL)
        g_string_append_printf (key, "\x1f%s=%s", spec->filters[i].field, value);
    }
  return g_string_free (key, FALSE);
}

static gboolean
read_data_version (TiduDatabase  *db,
                   gint64        *version,
                   GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_set_error (tidu_database_get_handle (db), rc, _("The list could not be read."), error);
  return TRUE;
}

TiduListBase *
tidu_list_base_new (TiduDatabase         *db,
                    const TiduListQuery  *query,
                    GError              **error)
{
  g_autoptr(TiduListQuery) plain = NULL;
  g_autoptr(GArray) rowids = NULL;
  TiduListBase *base;
  gint64 version = 0;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (tidu_list_query_can_use_base (query), NULL);

  /* The version first: a commit while the list is read makes the base stale, never wrong. */
  if (!read_data_version (db, &version, error))
    return NULL;
  plain = tidu_list_query_copy (query);
  tidu_list_query_set_search (plain, NULL);
  rowids = tidu_list_query_run (db, plain, error);
  if (rowids == NULL)
    return NULL;

  base = g_new0 (TiduListBase, 1);
  g_atomic_ref_count_init (&base->ref_count);
  base->rowids = g_steal_pointer (&rowids);
  base->key = base_key (query);
  base->db = g_object_ref (db);
  base->data_version = version;
  base->target = kinds[query->kind].search;
  g_mutex_init (&base->terms_lock);
  base->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  return base;
}

TiduListBase *
tidu_list_base_ref (TiduListBase *base)
{
  g_return_val_if_fail (base != NULL, NULL);
  g_atomic_ref_count_inc (&base->ref_count);
  return base;
}

void
tidu_list_base_unref (TiduListBase *base)
{
  if (base == NULL || !g_atomic_ref_count_dec (&base->ref_count))
    return;
  g_array_unref (base->rowids);
  g_free (base->key);
  g_object_unref (base->db);
  g_mutex_clear (&base->terms_lock);
  g_hash_table_unref (base->terms);
  g_free (base);
}

GArray *
tidu_list_base_get_rowids (TiduListBase *base)
{
  g_return_val_if_fail (base != NULL, NULL);
  return base->rowids;
}

gboolean
tidu_list_base_is_current (TiduListBase        *base,
                           TiduDatabase        *db,
                           const TiduListQuery *query)
{
  g_autofree char *key = NULL;
  gint64 version = 0;

  g_return_val_if_fail (base != NULL, FALSE);
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (db != base->db || !tidu_list_query_can_use_base (query))
    return FALSE;
  key = base_key (query);
  if (!g_str_equal (key, base->key))
    return FALSE;
  return read_data_version (db, &version, NULL) && version == base->data_version;
}

/* The rowids in both ascending arrays, into @a. */
static void
intersect_sorted (GArray       *a,
                  const GArray *b)
{
  const gint64 *x = (const gint64 *) a->data;
  const gint64 *y = (const gint64 *) b->data;
  guint i = 0, j = 0, n = 0;

  while (i < a->len && j < b->len)
    {
      if (x[i] < y[j])
        i++;
      else if (x[i] > y[j])
        j++;
      else
        {
          ((gint64 *) a->data)[n++] = x[i];
          i++;
          j++;
        }
    }
  g_array_set_size (a, n);
}

static int
compare_rowids (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The rows of @order that are in the ascending @set, in @order's order. */
static GArray *
keep_in_set (const GArray *order,
             const GArray *set)
{
  const gint64 *rows = (const gint64 *) order->data;
  const gint64 *members = (const gint64 *) set->data;
  GArray *kept = g_array_sized_new (FALSE, FALSE, sizeof (gint64), set->len);
  gint64 top;

  if (set->len == 0)
    return kept;
  top = members[set->len - 1];

  /* A bit per rowid up to the largest (implicit rowids are dense: 12.5 KB for 100,000 rows),
   * or, for sparse rowids, a binary search per row. */
  if (members[0] >= 0 && top < (gint64) 64 * (order->len + set->len) + 65536)
    {
      g_autofree guint64 *bits = g_new0 (guint64, top / 64 + 1);

      for (guint i = 0; i < set->len; i++)
        bits[members[i] / 64] |= G_GUINT64_CONSTANT (1) << (members[i] % 64);
      for (guint i = 0; i < order->len; i++)
        {
          gint64 rowid = rows[i];

          if (rowid >= 0 && rowid <= top && (bits[rowid / 64] >> (rowid % 64) & 1))
            g_array_append_val (kept, rowid);
        }
    }
  else
    {
      for (guint i = 0; i < order->len; i++)
        if (bsearch (&rows[i], members, set->len, sizeof (gint64), compare_rowids) != NULL)
          g_array_append_val (kept, rows[i]);
    }
  return kept;
}

/* A term read on another connection, on a thread of its own (read_terms). */
typedef struct
{
  TiduDatabase     *db;
  TiduSearchTarget  target;
  const char       *term;
  GArray           *rows;
  GError           *error;
  gboolean          done;
  GMutex            lock;
  GCond             cond;
} TermRead;

static void
term_read_func (gpointer data,
                gpointer user_data)
{
  TermRead *read = data;
  GError *error = NULL;
  GArray *rows = tidu_search_run (read->db, read->target, read->term, FALSE, &error);

  g_mutex_lock (&read->lock);
  read->rows = rows;
  read->error = error;
  read->done = TRUE;
  g_cond_signal (&read->cond);
  g_mutex_unlock (&read->lock);
}

static GThreadPool *
term_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (term_read_func, NULL, 2, FALSE, NULL));
  return pool;
}

/* A second connection to @db's file, kept with @db, for reading a term beside it; NULL when
 * it cannot be opened (then terms are read one after the other). */
static TiduDatabase *
sibling_connection (TiduDatabase *db)
{
  static const char key[] = "tidu-list-sibling";
  TiduDatabase *sibling = g_object_get_data (G_OBJECT (db), key);

  if (sibling == NULL && g_object_get_data (G_OBJECT (db), "tidu-list-no-sibling") == NULL)
    {
      g_autoptr(GError) error = NULL;

      sibling = tidu_database_open_again (db, &error);
      if (sibling == NULL)
        {
          g_debug ("search: no second connection: %s", error->message);
          g_object_set_data (G_OBJECT (db), "tidu-list-no-sibling", GINT_TO_POINTER (1));
          return NULL;
        }
      g_object_set_data_full (G_OBJECT (db), key, sibling, g_object_unref);
    }
  return sibling;
}

/* Each term's rowids into @rows (ascending), from the base's cache or the indexes. When two
 * or more terms are new (a search pasted whole), one of them is read on a second connection
 * at the same time: the indexes cost about 60 ns a row, 15,000 rows for 镇江市, and the
 * other core is idle while the worker searches. */
static gboolean
read_terms (TiduListBase        *base,
            TiduDatabase        *db,
            const char * const  *terms,
            guint                n_terms,
            GArray             **rows,
            GError             **error)
{
  TermRead beside = { NULL, base->target, NULL, NULL, NULL, FALSE, { 0 }, { 0 } };
  guint n_new = 0;
  guint beside_index = G_MAXUINT;
  gboolean ok = TRUE;

  g_mutex_lock (&base->terms_lock);
  for (guint i = 0; i < n_terms; i++)
    {
      rows[i] = g_hash_table_lookup (base->terms, terms[i]);
      if (rows[i] != NULL)
        g_array_ref (rows[i]);
      else if (++n_new == 2)
        beside_index = i;
    }
  g_mutex_unlock (&base->terms_lock);

  if (beside_index != G_MAXUINT && (beside.db = sibling_connection (db)) != NULL)
    {
      beside.term = terms[beside_index];
      g_mutex_init (&beside.lock);
      g_cond_init (&beside.cond);
      g_thread_pool_push (term_pool (), &beside, NULL);
    }
  else
    {
      beside_index = G_MAXUINT;
    }

  for (guint i = 0; i < n_terms && ok; i++)
    {
      if (rows[i] == NULL && i != beside_index)
        {
          rows[i] = tidu_search_run (db, base->target, terms[i], FALSE, error);
          ok = rows[i] != NULL;
        }
    }

  if (beside_index != G_MAXUINT)
    {
      g_mutex_lock (&beside.lock);
      while (!beside.done)
        g_cond_wait (&beside.cond, &beside.lock);
      g_mutex_unlock (&beside.lock);
      g_mutex_clear (&beside.lock);
      g_cond_clear (&beside.cond);
      rows[beside_index] = beside.rows;
      if (beside.rows == NULL && ok)
        g_propagate_error (error, g_steal_pointer (&beside.error));
      g_clear_error (&beside.error);
      ok = ok && beside.rows != NULL;
    }
  if (!ok)
    return FALSE;

  /* Only what the base's own connection (or its sibling, which reads the same file: a commit
   * between them makes the base stale, and its terms go with it) read belongs with it. */
  if (db == base->db)
    {
      g_mutex_lock (&base->terms_lock);
      for (guint i = 0; i < n_terms; i++)
        {
          if (g_hash_table_contains (base->terms, terms[i]) || rows[i]->len > MAX_TERM_ROWS)
            continue;
          if (base->terms_rows + rows[i]->len > MAX_TERM_ROWS)
            {
              g_hash_table_remove_all (base->terms);
              base->terms_rows = 0;
            }
          g_hash_table_insert (base->terms, g_strdup (terms[i]), g_array_ref (rows[i]));
          base->terms_rows += rows[i]->len;
        }
      g_mutex_unlock (&base->terms_lock);
    }
  return TRUE;
}

GArray *
tidu_list_base_search (TiduListBase         *base,
                       TiduDatabase         *db,
                       const TiduListQuery  *query,
                       GError              **error)
{
  g_autoptr(TiduSearch) search = NULL;
  g_autoptr(GArray) set = NULL;
  g_autofree GArray **rows = NULL;
  const char * const *terms;
  guint n_terms;
  gboolean ok;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  search = tidu_search_new (query->search);
  if (tidu_search_is_empty (search))
    return g_array_ref (base->rowids);

  /* Each term's rows from its own index, intersected here: SQLite's INTERSECT of a trigram and
   * a per-character set builds a temporary b-tree (7 ms for "镇江市 智能" at 100,000 firms). */
  terms = tidu_search_get_terms (search, &n_terms);
  rows = g_new0 (GArray *, n_terms);
  ok = read_terms (base, db, terms, n_terms, rows, error);
  for (guint i = 0; i < n_terms; i++)
    {
      if (ok && set == NULL)
        set = g_array_copy (rows[i]);
      else if (ok)
        intersect_sorted (set, rows[i]);
      g_clear_pointer (&rows[i], g_array_unref);
    }
  if (!ok)
    return NULL;
  return keep_in_set (base->rowids, set);
}

/* ---------------------------------------------------------------- rows */

static char *
format_cell (const ColumnSpec *column,
             const char       *text)
{
  const char *tab;
  g_autofree char *label = NULL;

  if (text == NULL)
    return NULL;

  switch (column->format)
    {
    case FORMAT_TEXT:
      return g_strdup (text);
    case FORMAT_GRADE_WITH_YEAR:
      tab = strchr (text, '\t');
      if (tab == NULL)
        return g_strdup (text);
      label = g_strndup (text, tab - text);
      /* Translators: a carrier's grade and the year it was graded, e.g. "Good (B) (2024)" */
      return g_strdup_printf (_("%s (%s)"), label, tab + 1);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* Cells of a whole list computed at once: column (kind, id) → SQL giving (record id, cell). */
static const struct
{
  TiduListKind  kind;
  const char   *column;
  const char   *sql;
} prefetched[] = {
  { TIDU_LIST_FIRMS, "tier", CURRENT_TIER_LABEL_BY_FIRM },
};

struct _TiduListPrefetch
{
  GHashTable   *cells[G_N_ELEMENTS (prefetched)];   /* record id → cell, or NULL */
  int           column[G_N_ELEMENTS (prefetched)];  /* index in the kind's columns, or -1 */
  GStringChunk *strings;
  TiduListKind  kind;                               /* what it was read for */
  GDate         today;
};

gboolean
tidu_list_kind_has_prefetch (TiduListKind kind)
{
  g_return_val_if_fail (kind < TIDU_N_LISTS, FALSE);
  for (guint p = 0; p < G_N_ELEMENTS (prefetched); p++)
    if (prefetched[p].kind == kind)
      return TRUE;
  return FALSE;
}

gboolean
tidu_list_database_stamp (TiduDatabase  *db,
                          TiduListStamp *stamp,
                          GError       **error)
{
  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);

  /* Inside a transaction, changes counted now may still commit later, unseen by the stamp. */
  if (!sqlite3_get_autocommit (tidu_database_get_handle (db)))
    return FALSE;
  stamp->changes = sqlite3_total_changes64 (tidu_database_get_handle (db));
  return read_data_version (db, &stamp->data_version, error);
}

void
tidu_list_prefetch_free (TiduListPrefetch *prefetch)
{
  if (prefetch == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (prefetched); i++)
    g_clear_pointer (&prefetch->cells[i], g_hash_table_unref);
  g_string_chunk_free (prefetch->strings);
  g_free (prefetch);
}

TiduListPrefetch *
tidu_list_prefetch_new (TiduDatabase         *db,
                        const TiduListQuery  *query,
                        GError              **error)
{
  g_autoptr(TiduListPrefetch) prefetch = NULL;
  const KindSpec *spec;
  g_autofree char *today_text = NULL;
  GDate today;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  spec = &kinds[query->kind];
  query_today (query, &today);
  today_text = date_to_iso (&today);
  prefetch = g_new0 (TiduListPrefetch, 1);
  prefetch->strings = g_string_chunk_new (65536);
  prefetch->kind = query->kind;
  prefetch->today = today;
  for (guint p = 0; p < G_N_ELEMENTS (prefetched); p++)
    {
      g_autoptr(GString) sql = NULL;
      sqlite3_stmt *stmt;
      int rc;

      prefetch->column[p] = -1;
      if (prefetched[p].kind != query->kind)
        continue;
      for (guint i = 0; i < spec->n_columns; i++)
        if (g_str_equal (spec->columns[i].id, prefetched[p].column))
          prefetch->column[p] = (int) i;
      if (prefetch->column[p] < 0)
        continue;

      sql = g_string_new (NULL);
      append_template (sql, prefetched[p].sql, 1, 0);
      stmt = tidu_database_prepare (db, sql->str, error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, today_text, -1, SQLITE_TRANSIENT);
      prefetch->cells[p] = g_hash_table_new (g_str_hash, g_str_equal);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *id = (const char *) sqlite3_column_text (stmt, 0);
          const char *cell = (const char *) sqlite3_column_text (stmt, 1);

          if (id != NULL && cell != NULL)
            g_hash_table_insert (prefetch->cells[p], g_string_chunk_insert (prefetch->strings, id),
                                 g_string_chunk_insert_const (prefetch->strings, cell));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          tidu_database_set_error (tidu_database_get_handle (db), rc, _("The list could not be read."), error);
          return NULL;
        }
    }
  return g_steal_pointer (&prefetch);
}

static const char *
prefetched_cell (TiduListPrefetch *prefetch,
                 guint             column,
                 const char       *id,
                 gboolean         *found)
{
  *found = FALSE;
  if (prefetch == NULL)
    return NULL;
  for (guint p = 0; p < G_N_ELEMENTS (prefetched); p++)
    if (prefetch->column[p] == (int) column)
      {
        *found = TRUE;
        return id != NULL ? g_hash_table_lookup (prefetch->cells[p], id) : NULL;
      }
  return NULL;
}

GPtrArray *
tidu_list_fetch_rows (TiduDatabase         *db,
                      const TiduListQuery  *query,
                      const gint64         *rowids,
                      guint                 n_rowids,
                      GError              **error)
{
  return tidu_list_fetch_rows_with (db, query, NULL, rowids, n_rowids, error);
}

GPtrArray *
tidu_list_fetch_rows_with (TiduDatabase         *db,
                           const TiduListQuery  *query,
                           TiduListPrefetch     *prefetch,
                           const gint64         *rowids,
                           guint                 n_rowids,
                           GError              **error)
{
  const KindSpec *spec;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today_text = NULL;
  sqlite3_stmt *stmt;
  GDate today;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (rowids != NULL || n_rowids == 0, NULL);

  spec = &kinds[query->kind];
  rows = g_ptr_array_new_full (n_rowids, (GDestroyNotify) tidu_list_row_free);
  if (n_rowids == 0)
    return g_steal_pointer (&rows);

  /* Cells read for another kind of list or another day are not these. */
  query_today (query, &today);
  if (prefetch != NULL && (prefetch->kind != query->kind || g_date_compare (&prefetch->today, &today) != 0))
    prefetch = NULL;

  /* A row gone from the database, or moved into (or out of) the trash since the list was run,
   * comes back with no id and no cells. */
  g_string_append (sql, "SELECT j.value, x.id");
  for (guint i = 0; i < spec->n_columns; i++)
    {
      gboolean found;

      g_string_append (sql, ", ");
      prefetched_cell (prefetch, i, NULL, &found);
      if (found)
        g_string_append (sql, "NULL");
      else
        append_template (sql, spec->columns[i].cell, 2, 0);
    }
  g_string_append_printf (sql, " FROM json_each (?1) j LEFT JOIN %s x ON x.rowid = j.value"
                          " AND x.deleted_at IS %s ORDER BY j.key",
                          spec->table, query->trash ? "NOT NULL" : "NULL");

  for (guint i = 0; i < n_rowids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", rowids[i]);
  g_string_append_c (json, ']');

  today_text = date_to_iso (&today);

  stmt = tidu_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today_text, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduListRow *row = g_new0 (TiduListRow, 1);

      row->rowid = sqlite3_column_int64 (stmt, 0);
      row->id = tidu_column_text (stmt, 1);
      row->cells = g_new0 (char *, spec->n_columns + 1);
      for (guint i = 0; i < spec->n_columns; i++)
        {
          gboolean found;
          const char *cell = prefetched_cell (prefetch, i, row->id, &found);

          if (!found)
            cell = (const char *) sqlite3_column_text (stmt, 2 + i);
          row->cells[i] = format_cell (&spec->columns[i], cell);
        }
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("The list could not be read."), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

void
tidu_list_row_free (TiduListRow *row)
{
  if (row == NULL)
    return;
  g_free (row->id);
  g_strfreev (row->cells);
  g_free (row);
}

/* ---------------------------------------------------------------- filter choices */

static gboolean
add_choices_from_sql (TiduDatabase  *db,
                      const char    *sql,
                      GPtrArray     *choices,
                      GError       **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      choice->value = tidu_column_text (stmt, 0);
      choice->label = tidu_column_text (stmt, 1);
      g_ptr_array_add (choices, choice);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (tidu_database_get_handle (db), rc,
                                    _("The filter choices could not be read."), error);
  return TRUE;
}

static gboolean
add_vocabulary_choices (TiduDatabase    *db,
                        TiduVocabulary   vocabulary,
                        GPtrArray       *choices,
                        GError         **error)
{
  g_autoptr(GPtrArray) items = tidu_vocabulary_list (db, vocabulary, error);

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (items, i);
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      choice->value = g_strdup (item->code);
      choice->label = g_strdup (tidu_vocab_item_get_label (item));
      g_ptr_array_add (choices, choice);
    }
  return TRUE;
}

/* The ladder's tiers (the current tier is one of them), then "none". */
static gboolean
add_tier_choices (TiduDatabase  *db,
                  GPtrArray     *choices,
                  GError       **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);
  g_autoptr(GHashTable) ladder = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);
  TiduListChoice *none;

  if (!add_choices_from_sql (db, "SELECT code, code FROM tiers WHERE line = 'ladder' ORDER BY rank",
                             codes, error) ||
      !add_vocabulary_choices (db, TIDU_VOCABULARY_TIER, all, error))
    return FALSE;
  for (guint i = 0; i < codes->len; i++)
    g_hash_table_add (ladder, g_strdup (((TiduListChoice *) g_ptr_array_index (codes, i))->value));
  for (guint i = 0; i < all->len; i++)
    {
      TiduListChoice *choice = g_ptr_array_index (all, i);

      if (g_hash_table_contains (ladder, choice->value))
        g_ptr_array_add (choices, g_steal_pointer (&all->pdata[i]));
    }
  none = g_new0 (TiduListChoice, 1);
  none->value = g_strdup ("none");
  none->label = g_strdup (_("No tier"));
  g_ptr_array_add (choices, none);
  return TRUE;
}

static gboolean
add_expiring_choices (GPtrArray *choices)
{
  static const guint days[] = { 30, 60, 90, 180, 365 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      TiduListChoice *choice = g_new0 (TiduListChoice, 1);

      choice->value = g_strdup_printf ("%u", days[i]);
      choice->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Within %u day",
                                                    "Within %u days", days[i]), days[i]);
      g_ptr_array_add (choices, choice);
    }
  return TRUE;
}

GPtrArray *
tidu_list_filter_choices (TiduDatabase  *db,
                          TiduListKind   kind,
                          const char    *field,
                          GError       **error)
{
  g_autoptr(GPtrArray) choices = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind < TIDU_N_LISTS, NULL);
  g_return_val_if_fail (find_filter (kind, field) != NULL, NULL);

  choices = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_list_choice_free);

  if (g_str_equal (field, "region_id"))
    ok = add_choices_from_sql (db, "SELECT id, name FROM regions WHERE deleted_at IS NULL"
                                   " ORDER BY name, id", choices, error);
  else if (g_str_equal (field, "carrier_id"))
    ok = add_choices_from_sql (db, "SELECT id, name FROM carriers WHERE deleted_at IS NULL"
                                   " ORDER BY name, id", choices, error);
  else if (g_str_equal (field, "industry"))
    ok = add_choices_from_sql (db, "SELECT DISTINCT industry, industry FROM firms"
                                   " WHERE industry IS NOT NULL AND deleted_at IS NULL"
                                   " ORDER BY industry", choices, error);
  else if (g_str_equal (field, "tier"))
    ok = add_tier_choices (db, choices, error);
  else if (g_str_equal (field, "tech_field"))
    ok = add_vocabulary_choices (db, TIDU_VOCABULARY_TECH_FIELD, choices, error);
  else if (g_str_equal (field, "stage"))
    ok = add_vocabulary_choices (db, TIDU_VOCABULARY_ATTRACTION_STAGE, choices, error);
  else if (g_str_equal (field, "expiring_days"))
    ok = add_expiring_choices (choices);
  else if (g_str_equal (field, "kind"))
    ok = add_vocabulary_choices (db, TIDU_VOCABULARY_CARRIER_KIND, choices, error);
  else if (g_str_equal (field, "level"))
    ok = add_vocabulary_choices (db, TIDU_VOCABULARY_LEVEL, choices, error);
  else if (g_str_equal (field, "grade"))
    ok = add_vocabulary_choices (db, TIDU_VOCABULARY_GRADE, choices, error);
  else if (g_str_equal (field, "plan_id"))
    ok = add_choices_from_sql (db, "SELECT id, name FROM talent_plans WHERE deleted_at IS NULL"
                                   " ORDER BY name, id", choices, error);
  else if (g_str_equal (field, "year"))
    ok = add_choices_from_sql (db, "SELECT DISTINCT year, year FROM talent_awards"
                                   " WHERE year IS NOT NULL AND deleted_at IS NULL"
                                   " ORDER BY year DESC", choices, error);
  else if (g_str_equal (field, "ids"))
    ok = TRUE;  /* no choices: set from a number of the Overview */
  else
    g_assert_not_reached ();

  if (!ok)
    return NULL;
  return g_steal_pointer (&choices);
}

void
tidu_list_choice_free (TiduListChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->value);
  g_free (choice->label);
  g_free (choice);
}
