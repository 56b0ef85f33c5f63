/* tidu-tokenizer.c: the "tidu_chars" FTS5 tokenizer.
 *
 * Every letter or digit is a token of its own (lower-cased); a run of anything else between two
 * of them is one separator token. With it a phrase query "智能" matches exactly the texts that
 * contain 智 directly followed by 能, which is how one- and two-character Chinese terms are
 * found quickly: SQLite 3.40's trigram index cannot see them
 * (PERFORMANCE.md §1.3, docs/adr/0002-search-indexes.md).
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
 * Registers "tidu_chars" on @db. Every connection that writes records needs it, since the
 * triggers keeping the per-character indexes up to date run it.
 */
gboolean
tidu_tokenizer_register (sqlite3  *db,
                         GError  **error)
{
  static fts5_tokenizer tokenizer = { chars_create, chars_delete, chars_tokenize };
  fts5_api *api = get_fts5_api (db);

  if (api == NULL || api->iVersion < 2 ||
      api->xCreateTokenizer (api, "tidu_chars", NULL, &tokenizer, NULL) != SQLITE_OK)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_DATABASE,
                   _("This SQLite library lacks full-text search (FTS5), which Tidu needs."));
      return FALSE;
    }
  return TRUE;
}
