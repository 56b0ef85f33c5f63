/* tidu-search.c: search text → SQL over the trigram and per-character FTS indexes.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-search.h"

struct _TiduSearch
{
  GPtrArray *terms;   /* char *, NULL-terminated */
};

typedef struct
{
  const char *table;       /* base table */
  const char *fts;         /* trigram index, NULL: LIKE only */
  const char *chars;       /* per-character index */
  const char *columns[3];  /* the columns both indexes hold */
} SearchTarget;

static const SearchTarget targets[TIDU_N_SEARCH_TARGETS] = {
  [TIDU_SEARCH_FIRMS] = { "firms", "firms_fts", "firms_chars", { "name", "uscc", "notes" } },
  [TIDU_SEARCH_CARRIERS] = { "carriers", "carriers_fts", "carriers_chars", { "name", "operator", "notes" } },
  [TIDU_SEARCH_TALENTS] = { "talents", "talents_fts", "talents_chars", { "name", "field", "notes" } },
  [TIDU_SEARCH_TALENT_PLANS] = { "talent_plans", NULL, NULL, { "name", "issuer", "region_name" } },
};

/* Characters between terms besides white space (which includes U+3000, the full-width space).
 * Characters that appear inside names and codes ("-", "_", ".", "&", "+", "#") stay in terms. */
static gboolean
is_separator (gunichar c)
{
  static const gunichar separators[] = {
    ',', ';', ':', '!', '?', '"', '\'', '`', '(', ')', '[', ']', '{', '}', '<', '>', '|', '/', '\\',
    0xFF0C /* ， */, 0x3001 /* 、 */, 0xFF1B /* ； */, 0x3002 /* 。 */, 0xFF1A /* ： */,
    0xFF01 /* ！ */, 0xFF1F /* ？ */, 0x201C /* “ */, 0x201D /* ” */, 0x2018 /* ‘ */,
    0x2019 /* ’ */, 0xFF08 /* （ */, 0xFF09 /* ） */, 0x3010 /* 【 */, 0x3011 /* 】 */,
    0x300A /* 《 */, 0x300B /* 》 */, 0x3008 /* 〈 */, 0x3009 /* 〉 */, 0x300C /* 「 */,
    0x300D /* 」 */, 0x300E /* 『 */, 0x300F /* 』 */, 0xFF3B /* ［ */, 0xFF3D /* ］ */,
    0x00B7 /* · */, 0x30FB /* ・ */, 0x2026 /* … */, 0xFF5C /* ｜ */, 0xFF0F /* ／ */,
  };

  if (g_unichar_isspace (c) || c == 0x3000)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      if (separators[i] == c)
        return TRUE;
    }
  return FALSE;
}

TiduSearch *
tidu_search_new (const char *text)
{
  TiduSearch *search = g_new0 (TiduSearch, 1);
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  const char *p = valid;
  const char *start = NULL;

  search->terms = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || is_separator (c))
        {
          if (start != NULL)
            {
              char *term = g_strndup (start, p - start);

              /* The same term twice narrows nothing. */
              if (!g_ptr_array_find_with_equal_func (search->terms, term, g_str_equal, NULL))
                g_ptr_array_add (search->terms, term);
              else
                g_free (term);
              start = NULL;
            }
          if (c == 0)
            break;
        }
      else if (start == NULL)
        start = p;
      p = g_utf8_next_char (p);
    }
  g_ptr_array_add (search->terms, NULL);
  return search;
}

void
tidu_search_free (TiduSearch *search)
{
  if (search == NULL)
    return;
  g_ptr_array_unref (search->terms);
  g_free (search);
}

gboolean
tidu_search_is_empty (const TiduSearch *search)
{
  return search == NULL || search->terms->len <= 1;
}

const char * const *
tidu_search_get_terms (const TiduSearch *search,
                       guint            *n_terms)
{
  g_return_val_if_fail (search != NULL, NULL);
  if (n_terms != NULL)
    *n_terms = search->terms->len - 1;
  return (const char * const *) search->terms->pdata;
}

/* An FTS5 string: inside double quotes everything is literal but the quote, which doubles. */
static void
append_fts_phrase (GString    *query,
                   const char *term)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');
  g_string_append_c (query, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');
}

static char *
like_pattern (const char *term)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static guint
add_value (GPtrArray *values,
           char      *value)
{
  g_ptr_array_add (values, value);
  return values->len;
}

static void
append_like (GString            *sql,
             const SearchTarget *target,
             const char         *alias,
             const char         *term,
             GPtrArray          *values)
{
  guint n = add_value (values, like_pattern (term));

  if (sql->len > 0)
    g_string_append (sql, " AND ");
  g_string_append_c (sql, '(');
  for (guint c = 0; c < G_N_ELEMENTS (target->columns); c++)
    g_string_append_printf (sql, "%s%s.%s LIKE ?%u ESCAPE '\\'",
                            c > 0 ? " OR " : "", alias, target->columns[c], n);
  g_string_append_c (sql, ')');
}

static gboolean
has_alnum (const char *term)
{
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_isalnum (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
all_alnum (const char *term)
{
  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* The terms' FTS part: one statement giving the rowids of the live rows the indexes find
 * ("SELECT rowid FROM …", NULL when no term has an index), and the terms the indexes cannot
 * decide, to check again with LIKE on the base table. */
static char *
build_index_select (const TiduSearch   *search,
                    const SearchTarget *t,
                    GPtrArray          *values,
                    GPtrArray          *recheck)
{
  g_autoptr(GString) trigram = g_string_new (NULL);
  g_autoptr(GString) chars = g_string_new (NULL);

  for (guint i = 0; i + 1 < search->terms->len; i++)
    {
      const char *term = g_ptr_array_index (search->terms, i);
      glong length = g_utf8_strlen (term, -1);

      if (length >= 3)
        {
          /* Trigram phrases are exact substrings (ASCII case folded). */
          append_fts_phrase (trigram, term);
          continue;
        }

      /* One or two letters and digits are one token of the per-character index, exact: a
       * pair is a token only where the two touch (tidu-tokenizer.c). A term with other
       * characters in it is checked again with LIKE on the rows the index found, and a term of
       * punctuation alone can only be found by LIKE. */
      if (has_alnum (term))
        append_fts_phrase (chars, term);
      if (!all_alnum (term))
        g_ptr_array_add (recheck, (gpointer) term);
    }

  /* Both indexes: intersect the two rowid sets. Not "MATCH … AND rowid IN (…)": FTS5 takes
   * the rowid constraint and runs its MATCH again for every rowid of the other set. */
  if (trigram->len > 0 && chars->len > 0)
    {
      guint a = add_value (values, g_strdup (trigram->str));
      guint b = add_value (values, g_strdup (chars->str));

      return g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?%u"
                              " INTERSECT SELECT rowid FROM %s WHERE %s MATCH ?%u",
                              t->fts, t->fts, a, t->chars, t->chars, b);
    }
  if (trigram->len > 0)
    return g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?%u", t->fts, t->fts,
                            add_value (values, g_strdup (trigram->str)));
  if (chars->len > 0)
    return g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ?%u", t->chars, t->chars,
                            add_value (values, g_strdup (chars->str)));
  return NULL;
}

gboolean
tidu_search_target_has_index (TiduSearchTarget target)
{
  g_return_val_if_fail (target < TIDU_N_SEARCH_TARGETS, FALSE);
  return targets[target].fts != NULL;
}

char *
tidu_search_build_sql_full (const TiduSearch *search,
                            TiduSearchTarget  target,
                            const char       *alias,
                            gboolean          trash,
                            GPtrArray        *values)
{
  const SearchTarget *t;
  g_autoptr(GPtrArray) recheck = g_ptr_array_new ();
  g_autofree char *index_select = NULL;
  GString *sql;

  g_return_val_if_fail (target < TIDU_N_SEARCH_TARGETS, NULL);
  g_return_val_if_fail (alias != NULL && values != NULL, NULL);

  if (tidu_search_is_empty (search))
    return g_strdup ("1");

  t = &targets[target];
  sql = g_string_new (NULL);

  /* The indexes hold the live rows only; the trash is small and read with LIKE. */
  if (t->fts == NULL || trash)
    {
      for (guint i = 0; i + 1 < search->terms->len; i++)
        append_like (sql, t, alias, g_ptr_array_index (search->terms, i), values);
      return g_string_free (sql, FALSE);
    }

  index_select = build_index_select (search, t, values, recheck);
  if (index_select != NULL)
    g_string_append_printf (sql, "%s.rowid IN (%s)", alias, index_select);
  for (guint i = 0; i < recheck->len; i++)
    append_like (sql, t, alias, g_ptr_array_index (recheck, i), values);

  return g_string_free (sql, FALSE);
}

char *
tidu_search_build_sql (const TiduSearch *search,
                       TiduSearchTarget  target,
                       const char       *alias,
                       GPtrArray        *values)
{
  return tidu_search_build_sql_full (search, target, alias, FALSE, values);
}

char *
tidu_search_build_count_sql (const TiduSearch *search,
                             TiduSearchTarget  target,
                             gboolean          trash,
                             GPtrArray        *values)
{
  const SearchTarget *t;
  g_autoptr(GPtrArray) recheck = g_ptr_array_new ();
  g_autoptr(GPtrArray) scratch = NULL;
  g_autofree char *index_select = NULL;
  g_autofree char *condition = NULL;

  g_return_val_if_fail (target < TIDU_N_SEARCH_TARGETS, NULL);
  g_return_val_if_fail (values != NULL, NULL);

  t = &targets[target];
  if (!tidu_search_is_empty (search) && t->fts != NULL && !trash)
    {
      /* Try the indexes alone on a scratch list of values: they are the answer when no term
       * needs a LIKE check. */
      scratch = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < values->len; i++)
        g_ptr_array_add (scratch, g_strdup (g_ptr_array_index (values, i)));
      index_select = build_index_select (search, t, scratch, recheck);
      if (index_select != NULL && recheck->len == 0)
        {
          for (guint i = values->len; i < scratch->len; i++)
            g_ptr_array_add (values, g_steal_pointer (&scratch->pdata[i]));
          return g_strdup_printf ("SELECT count(*) FROM (%s)", index_select);
        }
    }

  condition = tidu_search_build_sql_full (search, target, "x", trash, values);
  return g_strdup_printf ("SELECT count(*) FROM %s x WHERE x.deleted_at IS %s AND %s",
                          t->table, trash ? "NOT NULL" : "NULL", condition);
}

GArray *
tidu_search_run (TiduDatabase      *db,
                 TiduSearchTarget   target,
                 const char        *text,
                 gboolean           trash,
                 GError           **error)
{
  g_autoptr(TiduSearch) search = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *condition = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (target < TIDU_N_SEARCH_TARGETS, NULL);

  search = tidu_search_new (text);
  if (!tidu_search_is_empty (search) && targets[target].fts != NULL && !trash)
    {
      g_autoptr(GPtrArray) recheck = g_ptr_array_new ();
      g_autofree char *index_select = build_index_select (search, &targets[target], values, recheck);

      /* The indexes hold the live rows only: when they decide every term, they are the answer
       * and the base table is not read (FTS5 gives its rowids in order). */
      if (index_select != NULL && recheck->len == 0)
        sql = g_strdup_printf ("SELECT rowid FROM (%s) ORDER BY rowid", index_select);
      else
        g_ptr_array_set_size (values, 0);
    }
  if (sql == NULL)
    {
      condition = tidu_search_build_sql_full (search, target, "x", trash, values);
      sql = g_strdup_printf ("SELECT x.rowid FROM %s x WHERE x.deleted_at IS %s AND %s ORDER BY x.rowid",
                             targets[target].table, trash ? "NOT NULL" : "NULL", condition);
    }
  stmt = tidu_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, i + 1, g_ptr_array_index (values, i), -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (tidu_database_get_handle (db), rc, _("The search failed."), error);
      return NULL;
    }
  return g_steal_pointer (&rowids);
}
