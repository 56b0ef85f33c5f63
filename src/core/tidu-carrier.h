/* tidu-carrier.h: innovation carriers (科创载体), their level history and yearly statistics.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-firm.h"
#include "tidu-record.h"
#include "tidu-validation.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ carriers */

typedef struct
{
  char   *id;              /* NULL until saved */
  char   *name;
  char   *kind;            /* carrier_kinds code: maker_space, incubator, … */
  char   *level;           /* levels code: the highest level currently held, see below */
  char   *region_id;
  char   *operator;        /* 运营主体 */
  char   *operator_uscc;   /* the operator's 统一社会信用代码, stored normalized */
  char   *address;
  double  area_m2;         /* NaN when unknown */
  GDate   founded_on;
  char   *contact_name;
  char   *contact_phone;
  char   *notes;
  char   *created_at;
  char   *updated_at;
  char   *deleted_at;      /* set when the carrier is in the trash */
} TiduCarrier;

TiduCarrier *tidu_carrier_new             (void);
void         tidu_carrier_free            (TiduCarrier        *carrier);
TiduCarrier *tidu_carrier_copy            (const TiduCarrier  *carrier);
gboolean     tidu_carrier_validate        (TiduDatabase       *db,
                                           const TiduCarrier  *carrier,
                                           TiduValidation     *validation);
gboolean     tidu_carrier_save            (TiduDatabase       *db,
                                           TiduCarrier        *carrier,
                                           GError            **error);
TiduCarrier *tidu_carrier_load            (TiduDatabase       *db,
                                           const char         *id,
                                           GError            **error);
gboolean     tidu_carrier_delete          (TiduDatabase       *db,
                                           const char         *id,
                                           GError            **error);
gboolean     tidu_carrier_restore         (TiduDatabase       *db,
                                           const char         *id,
                                           GError            **error);
gboolean     tidu_carrier_purge           (TiduDatabase       *db,
                                           const char         *id,
                                           GError            **error);
gboolean     tidu_carrier_check_reference (TiduDatabase       *db,
                                           const char         *carrier_id,
                                           const char         *field,
                                           TiduValidation     *validation);
GPtrArray   *tidu_carrier_list_stays      (TiduDatabase       *db,
                                           const char         *carrier_id,
                                           gboolean            current_only,
                                           GError            **error);

/* ------------------------------------------------------------------ level history
 *
 * Recognitions over time (省级 in 2021, 国家级 in 2024). Saving or deleting an entry sets
 * carriers.level to the highest-ranked level (levels.rank) the carrier holds today: recognised
 * on or before today, not revoked on or before today, not in the trash; NULL when it holds
 * none. tidu_carrier_save () stores the level it is given, for carriers without a history. */

typedef struct
{
  char  *id;
  char  *carrier_id;
  char  *level;            /* levels code, required */
  GDate  recognized_on;    /* required */
  char  *document;         /* e.g. 苏科高发〔2020〕229号 */
  GDate  revoked_on;
  char  *created_at;
  char  *updated_at;
  char  *deleted_at;
} TiduCarrierLevel;

TiduCarrierLevel *tidu_carrier_level_new      (void);
void              tidu_carrier_level_free     (TiduCarrierLevel        *level);
TiduCarrierLevel *tidu_carrier_level_copy     (const TiduCarrierLevel  *level);
gboolean          tidu_carrier_level_validate (TiduDatabase            *db,
                                               const TiduCarrierLevel  *level,
                                               TiduValidation          *validation);
gboolean          tidu_carrier_level_save     (TiduDatabase            *db,
                                               TiduCarrierLevel        *level,
                                               GError                 **error);
gboolean          tidu_carrier_level_delete   (TiduDatabase            *db,
                                               const char              *id,
                                               GError                 **error);
GPtrArray        *tidu_carrier_list_levels    (TiduDatabase            *db,
                                               const char              *carrier_id,
                                               GError                 **error);

/* ------------------------------------------------------------------ yearly statistics */

typedef struct
{
  char   *id;
  char   *carrier_id;
  int     year;
  gint64  incubated_firms;       /* 在孵企业数 */
  gint64  graduated_this_year;   /* 当年毕业 */
  gint64  graduated_total;       /* 累计毕业 */
  double  incubation_area_m2;    /* NaN when unknown */
  gint64  funded_firms;          /* 获投融资企业数 */
  gint64  staff;
  gint64  mentors;
  gint64  fund_yuan;             /* 孵化基金总额 */
  char   *grade;                 /* grades code: A, B, C, D */
  char   *grade_level;           /* levels code of the evaluation */
  char   *notes;
  char   *created_at;
  char   *updated_at;
  char   *deleted_at;
} TiduCarrierYear;

TiduCarrierYear *tidu_carrier_year_new      (void);
void             tidu_carrier_year_free     (TiduCarrierYear        *year);
TiduCarrierYear *tidu_carrier_year_copy     (const TiduCarrierYear  *year);
gboolean         tidu_carrier_year_validate (TiduDatabase           *db,
                                             const TiduCarrierYear  *year,
                                             TiduValidation         *validation);
gboolean         tidu_carrier_year_save     (TiduDatabase           *db,
                                             TiduCarrierYear        *year,
                                             GError                **error);
gboolean         tidu_carrier_year_delete   (TiduDatabase           *db,
                                             const char             *id,
                                             GError                **error);
GPtrArray       *tidu_carrier_list_years    (TiduDatabase           *db,
                                             const char             *carrier_id,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduCarrier, tidu_carrier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduCarrierLevel, tidu_carrier_level_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduCarrierYear, tidu_carrier_year_free)

G_END_DECLS
