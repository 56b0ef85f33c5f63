/* tidu-firm.h: tech firms, their certifications on the tier ladder, yearly indicators and
 * their stays in carriers (入孵 … 毕业/退出).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-record.h"
#include "tidu-validation.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ firms */

typedef struct
{
  char     *id;                  /* NULL until saved */
  char     *name;
  char     *uscc;                /* 统一社会信用代码, stored normalized (upper case, no spaces) */
  gboolean  uscc_override;       /* the user keeps a code whose check character does not match */
  char     *region_id;
  char     *industry;
  char     *tech_field;          /* tech_fields code: one of the eight 高新技术领域 */
  GDate     founded_on;
  char     *address;
  char     *legal_person;
  char     *contact_name;
  char     *contact_phone;
  char     *contact_email;
  char     *notes;
  /* 招引 */
  char     *attraction_channel;
  char     *attraction_stage;    /* attraction_stages code: lead, negotiating, signed, landed */
  GDate     lead_on;
  GDate     signed_on;
  GDate     landed_on;
  char     *officer;
  char     *created_at;
  char     *updated_at;
  char     *deleted_at;          /* set when the firm is in the trash */
} TiduFirm;

TiduFirm  *tidu_firm_new             (void);
void       tidu_firm_free            (TiduFirm        *firm);
TiduFirm  *tidu_firm_copy            (const TiduFirm  *firm);

gboolean   tidu_firm_validate        (TiduDatabase    *db,
                                      const TiduFirm  *firm,
                                      TiduValidation  *validation);
gboolean   tidu_firm_save            (TiduDatabase    *db,
                                      TiduFirm        *firm,
                                      GError         **error);
TiduFirm  *tidu_firm_load            (TiduDatabase    *db,
                                      const char      *id,
                                      GError         **error);
TiduFirm  *tidu_firm_find_by_uscc    (TiduDatabase    *db,
                                      const char      *uscc,
                                      GError         **error);
gboolean   tidu_firm_delete          (TiduDatabase    *db,
                                      const char      *id,
                                      GError         **error);
gboolean   tidu_firm_restore         (TiduDatabase    *db,
                                      const char      *id,
                                      GError         **error);
gboolean   tidu_firm_purge           (TiduDatabase    *db,
                                      const char      *id,
                                      GError         **error);
gboolean   tidu_firm_check_reference (TiduDatabase    *db,
                                      const char      *firm_id,
                                      const char      *field,
                                      TiduValidation  *validation);

/* ------------------------------------------------------------------ certifications */

#define TIDU_CERTIFICATION_ACTIVE  "active"
#define TIDU_CERTIFICATION_REVOKED "revoked"

typedef struct
{
  char  *id;
  char  *firm_id;
  char  *tier;             /* tiers code: tsme, hnte, gazelle, … */
  char  *level;            /* levels code, optional: 省级瞪羚, 市级瞪羚 */
  GDate  certified_on;     /* certificate or 入库 date, required */
  GDate  expires_on;       /* the expiry printed on the certificate, if any */
  GDate  valid_until;      /* computed on save; cleared when open-ended */
  char  *certificate_no;   /* 高企: GR + year + province + serial */
  char  *status;           /* TIDU_CERTIFICATION_ACTIVE or _REVOKED */
  GDate  revoked_on;       /* set exactly when revoked */
  char  *notes;
  char  *created_at;
  char  *updated_at;
  char  *deleted_at;
} TiduCertification;

/* A stretch of time in which a firm held a tier (renewed certificates joined). */
typedef struct
{
  char  *tier;
  char  *level;
  GDate  from;
  GDate  until;            /* last day held; cleared when open-ended */
} TiduTierSpan;

TiduCertification *tidu_certification_new      (void);
void               tidu_certification_free     (TiduCertification        *certification);
TiduCertification *tidu_certification_copy     (const TiduCertification  *certification);
gboolean           tidu_certification_validate (TiduDatabase             *db,
                                                const TiduCertification  *certification,
                                                TiduValidation           *validation);
gboolean           tidu_certification_save     (TiduDatabase             *db,
                                                TiduCertification        *certification,
                                                GError                  **error);
TiduCertification *tidu_certification_load     (TiduDatabase             *db,
                                                const char               *id,
                                                GError                  **error);
gboolean           tidu_certification_delete   (TiduDatabase             *db,
                                                const char               *id,
                                                GError                  **error);
gboolean           tidu_certification_restore  (TiduDatabase             *db,
                                                const char               *id,
                                                GError                  **error);
GPtrArray         *tidu_firm_list_certifications (TiduDatabase           *db,
                                                  const char             *firm_id,
                                                  GError                **error);
gboolean           tidu_firm_tier_on           (TiduDatabase             *db,
                                                const char               *firm_id,
                                                const GDate              *date,
                                                char                    **tier_code,
                                                GError                  **error);
GStrv              tidu_firm_tiers_on          (TiduDatabase             *db,
                                                const char               *firm_id,
                                                const GDate              *date,
                                                GError                  **error);
GPtrArray         *tidu_firm_tier_timeline     (TiduDatabase             *db,
                                                const char               *firm_id,
                                                GError                  **error);
void               tidu_tier_span_free         (TiduTierSpan             *span);

/* ------------------------------------------------------------------ yearly indicators */

typedef struct
{
  char   *id;
  char   *firm_id;
  int     year;
  gint64  revenue;       /* yuan; TIDU_UNSET when unknown */
  gint64  rd_expense;    /* yuan */
  gint64  staff;
  gint64  tech_staff;
  gint64  ip_class1;     /* Ⅰ类知识产权 */
  gint64  ip_class2;     /* Ⅱ类知识产权 */
  gint64  valuation;     /* yuan */
  gint64  financing;     /* yuan */
  char   *notes;
  char   *created_at;
  char   *updated_at;
  char   *deleted_at;
} TiduFirmYear;

TiduFirmYear *tidu_firm_year_new      (void);
void          tidu_firm_year_free     (TiduFirmYear        *year);
TiduFirmYear *tidu_firm_year_copy     (const TiduFirmYear  *year);
gboolean      tidu_firm_year_validate (TiduDatabase        *db,
                                       const TiduFirmYear  *year,
                                       TiduValidation      *validation);
gboolean      tidu_firm_year_save     (TiduDatabase        *db,
                                       TiduFirmYear        *year,
                                       GError             **error);
gboolean      tidu_firm_year_delete   (TiduDatabase        *db,
                                       const char          *id,
                                       GError             **error);
gboolean      tidu_firm_year_restore  (TiduDatabase        *db,
                                       const char          *id,
                                       GError             **error);
GPtrArray    *tidu_firm_list_years    (TiduDatabase        *db,
                                       const char          *firm_id,
                                       GError             **error);

/* ------------------------------------------------------------------ stays in carriers */

#define TIDU_STAY_GRADUATED "graduated"
#define TIDU_STAY_LEFT      "left"

typedef struct
{
  char  *id;
  char  *firm_id;
  char  *carrier_id;
  GDate  entered_on;    /* 入孵, required */
  GDate  left_on;       /* 毕业 or 退出; cleared while the firm is still there */
  char  *outcome;       /* stay_outcomes code, set exactly when left_on is */
  char  *notes;
  char  *created_at;
  char  *updated_at;
  char  *deleted_at;
} TiduStay;

TiduStay *tidu_stay_new              (void);
void      tidu_stay_free             (TiduStay        *stay);
TiduStay *tidu_stay_copy             (const TiduStay  *stay);
gboolean  tidu_stay_validate         (TiduDatabase    *db,
                                      const TiduStay  *stay,
                                      TiduValidation  *validation);
gboolean  tidu_stay_save             (TiduDatabase    *db,
                                      TiduStay        *stay,
                                      GError         **error);
TiduStay *tidu_stay_load             (TiduDatabase    *db,
                                      const char      *id,
                                      GError         **error);
gboolean  tidu_stay_delete           (TiduDatabase    *db,
                                      const char      *id,
                                      GError         **error);
gboolean  tidu_stay_restore          (TiduDatabase    *db,
                                      const char      *id,
                                      GError         **error);
GPtrArray *tidu_firm_list_stays      (TiduDatabase    *db,
                                      const char      *firm_id,
                                      GError         **error);
gboolean  tidu_firm_move_to_carrier  (TiduDatabase    *db,
                                      const char      *firm_id,
                                      const char      *carrier_id,
                                      const GDate     *date,
                                      GError         **error);
char     *tidu_firm_current_carrier  (TiduDatabase    *db,
                                      const char      *firm_id,
                                      GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduFirm, tidu_firm_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduCertification, tidu_certification_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduTierSpan, tidu_tier_span_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduFirmYear, tidu_firm_year_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduStay, tidu_stay_free)

G_END_DECLS
