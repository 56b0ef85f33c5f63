/* tidu-region.h: the region tree (市 → 区 → 镇 / 园区) that carriers, firms and targets sit in.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tidu-database.h"
#include "tidu-record.h"
#include "tidu-validation.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;          /* NULL until saved */
  char *parent_id;   /* NULL for a top-level region */
  char *name;
  char *kind;        /* region_kinds code: city, district, town, park */
  char *code;        /* GB/T 2260 code, optional */
  char *created_at;
  char *updated_at;
  char *deleted_at;  /* set when the region is in the trash */
  guint depth;       /* filled by tidu_region_list (): 0 for top-level regions */
} TiduRegion;

TiduRegion *tidu_region_new               (void);
void        tidu_region_free              (TiduRegion      *region);
TiduRegion *tidu_region_copy              (const TiduRegion *region);

gboolean    tidu_region_validate          (TiduDatabase    *db,
                                           const TiduRegion *region,
                                           TiduValidation  *validation);
gboolean    tidu_region_save              (TiduDatabase    *db,
                                           TiduRegion      *region,
                                           GError         **error);
TiduRegion *tidu_region_load              (TiduDatabase    *db,
                                           const char      *id,
                                           GError         **error);
gboolean    tidu_region_delete            (TiduDatabase    *db,
                                           const char      *id,
                                           GError         **error);
gboolean    tidu_region_restore           (TiduDatabase    *db,
                                           const char      *id,
                                           GError         **error);
gboolean    tidu_region_purge             (TiduDatabase    *db,
                                           const char      *id,
                                           GError         **error);
GPtrArray  *tidu_region_list              (TiduDatabase    *db,
                                           GError         **error);
char       *tidu_region_find_or_create    (TiduDatabase    *db,
                                           const char      *parent_id,
                                           const char      *name,
                                           const char      *kind,
                                           GError         **error);
gboolean    tidu_region_check_reference   (TiduDatabase    *db,
                                           const char      *region_id,
                                           const char      *field,
                                           TiduValidation  *validation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduRegion, tidu_region_free)

G_END_DECLS
