/* tidu-vocabulary.h: lookup vocabularies seeded by migrations (tiers, carrier kinds, …).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"

G_BEGIN_DECLS

typedef enum
{
  TIDU_VOCABULARY_TIER,
  TIDU_VOCABULARY_CARRIER_KIND,
  TIDU_VOCABULARY_LEVEL,
  TIDU_VOCABULARY_GRADE,
  TIDU_VOCABULARY_TECH_FIELD,
  TIDU_VOCABULARY_ATTRACTION_STAGE,
  TIDU_VOCABULARY_STAY_OUTCOME,
  TIDU_VOCABULARY_REGION_KIND,
  TIDU_N_VOCABULARIES
} TiduVocabulary;

/* How long a certification of a tier stays valid. */
typedef enum
{
  TIDU_VALIDITY_YEARS,          /* validity_years from the certificate date (高企: 3) */
  TIDU_VALIDITY_CALENDAR_YEAR,  /* until 31 December of the year of 入库 (科技型中小企业) */
  TIDU_VALIDITY_UNTIL_REVOKED,  /* until revoked or delisted (上市企业) */
  TIDU_VALIDITY_EXPIRY_DATE     /* the expiry date on the certificate */
} TiduValidity;

typedef struct
{
  char         *code;
  char         *name_zh;
  char         *name_en;
  int           rank;            /* sort order; for tiers, the ladder rank */
  TiduValidity  validity;        /* tiers only */
  int           validity_years;  /* tiers with TIDU_VALIDITY_YEARS */
} TiduVocabItem;

const char *tidu_vocabulary_to_string (TiduVocabulary       vocabulary);
GPtrArray  *tidu_vocabulary_list      (TiduDatabase        *db,
                                       TiduVocabulary       vocabulary,
                                       GError             **error);
const char *tidu_vocab_item_get_label (const TiduVocabItem *item);
void        tidu_vocab_item_free      (TiduVocabItem       *item);
const char *tidu_validity_to_string   (TiduValidity         validity);
gboolean    tidu_validity_from_string (const char          *text,
                                       TiduValidity        *validity);
gboolean    tidu_vocab_item_valid_until (const TiduVocabItem *tier,
                                         const GDate         *certified,
                                         const GDate         *expiry,
                                         GDate               *until);

G_END_DECLS
