/* tidu-tokenizer.c: the FTS5 tokenizers of the per-character indexes (*_chars).
 *
 * SQLite 3.40's trigram index cannot see one- and two-character terms, so those are looked up
 * in a second index (PERFORMANCE.md §1.3, docs/adr/0002-search-indexes.md).
 *
 * "tidu_bigrams" (schema 4 on): every letter or digit is a token (lower-cased), and so is every
 * pair of two directly adjacent ones. The index keeps rowids only (detail=none): a one- or
 * two-character term is a single token, whose row list is the answer, with no positions to
 * decode. In a query, a lone letter or digit gives its own token and adjacent ones give their
 * pairs only, so "智能" is the one token 智能, which only texts holding 智 directly followed by
 * 能 have.
 *
 * "tidu_chars" (schemas 1 to 3, still registered so that older files open and upgrade): every
 * letter or digit is a token of its own; a run of anything else between two of them is one
 * separator token, so that a phrase query "智能" matches exactly the texts containing 智
 * directly followed by 能.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-error.h"
#include "tidu-tokenizer.h"

/* Stands for a run of other characters between two tokens. A control character: no search
 * term ever produces it as a token of its own. */
#define SEPARATOR_TOKEN "\x1f"

/* The tokenizer has no settings; any non-NULL handle will do. */
static int tokenizer_instance;

static int
chars_create (void        *context,
              const char **args,
              int          n_args,
              Fts5Tokenizer **out)
{
  if (n_args != 0)
    return SQLITE_ERROR;
  *out = (Fts5Tokenizer *) &tokenizer_instance;
  return SQLITE_OK;
}

static void
chars_delete (Fts5Tokenizer *tokenizer)
{
}

static int
chars_tokenize (Fts5Tokenizer *tokenizer,
                void          *context,
                int            flags,
                const char    *text,
                int            n_text,
                int          (*emit) (void *, int, const char *, int, int, int))
{
  const char *p = text;
  const char *end = text + n_text;
  gboolean after_token = FALSE;
  gboolean gap = FALSE;
  int gap_start = 0;

  while (p < end)
    {
      const char *next;
      gunichar c = g_utf8_get_char_validated (p, end - p);
      char token[8];
      int length;
      int rc;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Invalid UTF-8 never reaches us from the core; skip a byte if it does. */
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (!g_unichar_isalnum (c))
        {
          if (after_token && !gap)
            {
              gap = TRUE;
              gap_start = (int) (p - text);
            }
          p = next;
          continue;
        }

      /* Characters between two letters or digits become one separator token, so that the
       * phrase "智能" does not match "智·能" or "智 能": a phrase needs adjacent tokens. */
      if (gap)
        {
          rc = emit (context, 0, SEPARATOR_TOKEN, sizeof SEPARATOR_TOKEN - 1, gap_start, (int) (p - text));
          if (rc != SQLITE_OK)
            return rc;
          gap = FALSE;
        }

      length = g_unichar_to_utf8 (g_unichar_tolower (c), token);
      rc = emit (context, 0, token, length, (int) (p - text), (int) (next - text));
      if (rc != SQLITE_OK)
        return rc;
      after_token = TRUE;
      p = next;
    }
  return SQLITE_OK;
}

/* Up to two characters of 6 bytes at most. */
#define MAX_TOKEN 12

static int
bigrams_tokenize (Fts5Tokenizer *tokenizer,
                  void          *context,
                  int            flags,
                  const char    *text,
                  int            n_text,
                  int          (*emit) (void *, int, const char *, int, int, int))
{
  const char *p = text;
  const char *end = text + n_text;
  gboolean query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  /* The letter or digit just before, when directly adjacent. */
  char previous[MAX_TOKEN / 2];
  int previous_length = 0;
  int previous_start = 0;
  gboolean previous_paired = FALSE;

  while (p < end)
    {
      const char *next;
      gunichar c = g_utf8_get_char_validated (p, end - p);
      char token[MAX_TOKEN];
      int length;
      int rc;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          next = p + 1;   /* invalid UTF-8 never reaches us from the core: skip a byte */
          c = ' ';
        }
      else
        next = g_utf8_next_char (p);

      if (!g_unichar_isalnum (c))
        {
          /* A query's lone letter or digit stands for itself. */
          if (query && previous_length > 0 && !previous_paired)
            {
              rc = emit (context, 0, previous, previous_length, previous_start, (int) (p - text));
              if (rc != SQLITE_OK)
                return rc;
            }
          previous_length = 0;
          p = next;
          continue;
        }

      length = g_unichar_to_utf8 (g_unichar_tolower (c), token);
      if (!query)
        {
          rc = emit (context, 0, token, length, (int) (p - text), (int) (next - text));
          if (rc != SQLITE_OK)
            return rc;
        }
      if (previous_length > 0)
        {
          char pair[MAX_TOKEN];

          memcpy (pair, previous, previous_length);
          memcpy (pair + previous_length, token, length);
          rc = emit (context, 0, pair, previous_length + length, previous_start, (int) (next - text));
          if (rc != SQLITE_OK)
            return rc;
        }
      previous_paired = previous_length > 0;
      memcpy (previous, token, length);
      previous_length = length;
      previous_start = (int) (p - text);
      p = next;
    }

  if (query && previous_length > 0 && !previous_paired)
    return emit (context, 0, previous, previous_length, previous_start, (int) (end - text));
  return SQLITE_OK;
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

/**
 * tidu_tokenizer_register:
 *
 * Registers "tidu_bigrams" and "tidu_chars" on @db. Every connection that writes records needs
 * them, since the triggers keeping the per-character indexes up to date run them.
 */
gboolean
tidu_tokenizer_register (sqlite3  *db,
                         GError  **error)
{
  static fts5_tokenizer tokenizer = { chars_create, chars_delete, chars_tokenize };
  static fts5_tokenizer bigrams = { chars_create, chars_delete, bigrams_tokenize };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateTokenizer (api, "tidu_chars", NULL, &tokenizer, NULL) != SQLITE_OK ||
      api->xCreateTokenizer (api, "tidu_bigrams", NULL, &bigrams, NULL) != SQLITE_OK)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_DATABASE,
                   _("This SQLite library lacks full-text search (FTS5), which Tidu needs."));
      return FALSE;
    }
  return TRUE;
}
