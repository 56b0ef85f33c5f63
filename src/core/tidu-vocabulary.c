/* tidu-vocabulary.c: reading the lookup vocabularies seeded by migrations.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tidu-database-private.h"
#include "tidu-vocabulary.h"

static const char *tables[TIDU_N_VOCABULARIES] = {
  [TIDU_VOCABULARY_TIER] = "tiers",
  [TIDU_VOCABULARY_CARRIER_KIND] = "carrier_kinds",
  [TIDU_VOCABULARY_LEVEL] = "levels",
  [TIDU_VOCABULARY_GRADE] = "grades",
  [TIDU_VOCABULARY_TECH_FIELD] = "tech_fields",
  [TIDU_VOCABULARY_ATTRACTION_STAGE] = "attraction_stages",
  [TIDU_VOCABULARY_STAY_OUTCOME] = "stay_outcomes",
  [TIDU_VOCABULARY_REGION_KIND] = "region_kinds",
};

static const char *validities[] = {
  [TIDU_VALIDITY_YEARS] = "years",
  [TIDU_VALIDITY_CALENDAR_YEAR] = "calendar_year",
  [TIDU_VALIDITY_UNTIL_REVOKED] = "until_revoked",
  [TIDU_VALIDITY_EXPIRY_DATE] = "expiry_date",
};

const char *
tidu_vocabulary_to_string (TiduVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary < TIDU_N_VOCABULARIES, NULL);
  return tables[vocabulary];
}

const char *
tidu_validity_to_string (TiduValidity validity)
{
  g_return_val_if_fail (validity <= TIDU_VALIDITY_EXPIRY_DATE, NULL);
  return validities[validity];
}

gboolean
tidu_validity_from_string (const char   *text,
                           TiduValidity *validity)
{
  for (guint i = 0; i < G_N_ELEMENTS (validities); i++)
    {
      if (g_strcmp0 (text, validities[i]) == 0)
        {
          *validity = (TiduValidity) i;
          return TRUE;
        }
    }
  return FALSE;
}

void
tidu_vocab_item_free (TiduVocabItem *item)
{
  if (item == NULL)
    return;
  g_free (item->code);
  g_free (item->name_zh);
  g_free (item->name_en);
  g_free (item);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * tidu_vocabulary_list:
 *
 * Returns: (transfer full) (element-type TiduVocabItem): the items in rank order; tiers in
 * ladder order, the 专精特新 line after the main ladder.
 */
GPtrArray *
tidu_vocabulary_list (TiduDatabase    *db,
                      TiduVocabulary   vocabulary,
                      GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_vocab_item_free);
  g_autofree char *sql = NULL;
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  gboolean tiers;
  int rc;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);
  g_return_val_if_fail (vocabulary < TIDU_N_VOCABULARIES, NULL);

  handle = tidu_database_get_handle (db);
  tiers = vocabulary == TIDU_VOCABULARY_TIER;
  if (tiers)
    sql = g_strdup ("SELECT code, name_zh, name_en, rank, validity, validity_years FROM tiers "
                    "ORDER BY line = 'specialised', rank");
  else
    /* Levels and grades read best from the top (国家级 first, A first); the others in order. */
    sql = g_strdup_printf ("SELECT code, name_zh, name_en, rank FROM %s ORDER BY rank %s",
                           tables[vocabulary],
                           vocabulary == TIDU_VOCABULARY_LEVEL || vocabulary == TIDU_VOCABULARY_GRADE
                           ? "DESC" : "ASC");

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = SQLITE_ROW;
  while (rc == SQLITE_ROW && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiduVocabItem *item = g_new0 (TiduVocabItem, 1);

      item->code = column_dup (stmt, 0);
      item->name_zh = column_dup (stmt, 1);
      item->name_en = column_dup (stmt, 2);
      item->rank = sqlite3_column_int (stmt, 3);
      if (tiers)
        {
          if (!tidu_validity_from_string ((const char *) sqlite3_column_text (stmt, 4), &item->validity))
            item->validity = TIDU_VALIDITY_EXPIRY_DATE;
          item->validity_years = sqlite3_column_int (stmt, 5);
        }
      g_ptr_array_add (items, item);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      tidu_database_set_error (handle, rc, _("The vocabularies could not be read."), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static gboolean
prefers_chinese (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "zh"))
        return TRUE;
      if (g_str_equal (languages[i], "C") || g_str_has_prefix (languages[i], "en"))
        return FALSE;
    }
  return FALSE;
}

/* The official Chinese name for Chinese users, the English one otherwise. */
const char *
tidu_vocab_item_get_label (const TiduVocabItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);
  return prefers_chinese () ? item->name_zh : item->name_en;
}

/**
 * tidu_vocab_item_valid_until:
 * @tier: a tier of the ladder
 * @certified: the certificate or 入库 date
 * @expiry: (nullable): the expiry printed on the certificate, if any
 * @until: (out): the last day the certification is valid
 *
 * Returns: %FALSE when the certification does not expire by itself (until revoked).
 */
gboolean
tidu_vocab_item_valid_until (const TiduVocabItem *tier,
                             const GDate         *certified,
                             const GDate         *expiry,
                             GDate               *until)
{
  g_return_val_if_fail (tier != NULL, FALSE);
  g_return_val_if_fail (certified != NULL && g_date_valid (certified), FALSE);

  /* An expiry printed on the certificate wins over the general rule. */
  if (expiry != NULL && g_date_valid (expiry))
    {
      *until = *expiry;
      return TRUE;
    }

  switch (tier->validity)
    {
    case TIDU_VALIDITY_YEARS:
      /* 民法典 articles 201 and 203: the first day is not counted and the period ends on the
       * corresponding day of the last year, or that month's last day when there is none. So three
       * years from 2022-11-18 run through 2025-11-18, and from 2024-02-29 through 2027-02-28
       * (docs/adr/0003-certificate-validity.md). */
      *until = *certified;
      g_date_add_years (until, (guint) tier->validity_years);
      return TRUE;
    case TIDU_VALIDITY_CALENDAR_YEAR:
      g_date_clear (until, 1);
      g_date_set_dmy (until, 31, G_DATE_DECEMBER, g_date_get_year (certified));
      return TRUE;
    case TIDU_VALIDITY_UNTIL_REVOKED:
    case TIDU_VALIDITY_EXPIRY_DATE:
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}
