/* tidu-talent.h: talents (人才), the people talent plans award.
 *
 * A plain record as in tidu-record.h. Awards, team members and instalments live in
 * tidu-talent-plan.h.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-record.h"
#include "tidu-talent-plan.h"
#include "tidu-validation.h"

G_BEGIN_DECLS

typedef struct
{
  char   *id;
  char   *name;           /* required */
  char   *gender;         /* "female", "male" or NULL */
  gint64  birth_year;     /* 1900 to this year, or TIDU_UNSET */
  char   *degree;         /* 博士, 硕士, … as written */
  char   *title;          /* job or professional title */
  char   *field;          /* research or business field */
  char   *firm_id;        /* a live firm or NULL */
  char   *region_id;      /* a live region or NULL */
  char   *contact_phone;
  char   *contact_email;
  char   *notes;
  char   *created_at;
  char   *updated_at;
  char   *deleted_at;
} TiduTalent;

TiduTalent     *tidu_talent_new         (void);
void            tidu_talent_free        (TiduTalent        *talent);
TiduTalent     *tidu_talent_copy        (const TiduTalent  *talent);
TiduValidation *tidu_talent_validate    (TiduDatabase      *db,
                                         const TiduTalent  *talent,
                                         GError           **error);
gboolean        tidu_talent_save        (TiduDatabase      *db,
                                         TiduTalent        *talent,
                                         GError           **error);
TiduTalent     *tidu_talent_load        (TiduDatabase      *db,
                                         const char        *id,
                                         GError           **error);
/* Soft delete; TIDU_ERROR_CONFLICT while live awards name the talent (as the awardee, the
 * leader of a team or a team member). */
gboolean        tidu_talent_delete      (TiduDatabase      *db,
                                         const char        *id,
                                         GError           **error);
gboolean        tidu_talent_restore     (TiduDatabase      *db,
                                         const char        *id,
                                         GError           **error);
/* Removes a talent in the trash for good; TIDU_ERROR_CONFLICT while any award, trashed ones
 * included, or a subsidy in the ledger still names the talent. */
gboolean        tidu_talent_purge       (TiduDatabase      *db,
                                         const char        *id,
                                         GError           **error);
/* Live awards of the talent, led or as a team member, by year (TiduTalentAward). */
GPtrArray      *tidu_talent_list_awards (TiduDatabase      *db,
                                         const char        *talent_id,
                                         GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduTalent, tidu_talent_free)

G_END_DECLS
