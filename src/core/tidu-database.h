/* tidu-database.h: opening, creating and migrating a Tidu database file.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Written to PRAGMA application_id: "TIDU" in ASCII, so our files are recognisable. */
#define TIDU_APPLICATION_ID 0x54494455
/* The schema version this build writes; files with a higher user_version are refused. */
#define TIDU_SCHEMA_VERSION 5
/* The page size of the files Tidu creates (PRAGMA page_size); older files keep theirs. */
#define TIDU_PAGE_SIZE 16384

typedef enum
{
  TIDU_DATABASE_OPEN_DEFAULT   = 0,
  TIDU_DATABASE_OPEN_NO_CREATE = 1 << 0  /* fail instead of creating a missing file */
} TiduDatabaseOpenFlags;

/* Entities whose rows the app counts; each has created_at, updated_at and deleted_at. */
typedef enum
{
  TIDU_ENTITY_REGION,
  TIDU_ENTITY_CARRIER,
  TIDU_ENTITY_FIRM,
  TIDU_ENTITY_FIRM_TIER,
  TIDU_ENTITY_TALENT,
  TIDU_ENTITY_TALENT_PLAN,
  TIDU_ENTITY_TALENT_AWARD,
  TIDU_ENTITY_POLICY,
  TIDU_ENTITY_SUBSIDY_AWARD,
  TIDU_ENTITY_TARGET,
  TIDU_ENTITY_PROMOTION_EVENT,
  TIDU_N_ENTITIES
} TiduEntity;

#define TIDU_TYPE_DATABASE (tidu_database_get_type ())
G_DECLARE_FINAL_TYPE (TiduDatabase, tidu_database, TIDU, DATABASE, GObject)

typedef struct
{
  char     *path;
  char     *sqlite_version;
  int       schema_version;
  guint32   application_id;
  gboolean  integrity_ok;
  char     *integrity_message;       /* "ok" or the first problems found */
  gboolean  foreign_keys_ok;
  gint64    size_bytes;
  gint64    counts[TIDU_N_ENTITIES];  /* live rows */
  gint64    deleted[TIDU_N_ENTITIES]; /* soft-deleted rows, in the trash */
} TiduCheckReport;

const char      *tidu_entity_to_string          (TiduEntity              entity);
const char      *tidu_entity_get_label          (TiduEntity              entity);

char            *tidu_database_default_path     (void);
char            *tidu_database_resolve_path     (const char             *option_path);

TiduDatabase    *tidu_database_open             (const char             *path,
                                                 TiduDatabaseOpenFlags   flags,
                                                 GError                **error);
const char      *tidu_database_get_path         (TiduDatabase           *self);
int              tidu_database_get_schema_version (TiduDatabase         *self);
gboolean         tidu_database_get_created      (TiduDatabase           *self);
const char      *tidu_database_get_backup_path  (TiduDatabase           *self);
/* TRUE for a received snapshot opened for browsing (tidu_snapshot_open ()): nothing can be saved. */
gboolean         tidu_database_get_read_only    (TiduDatabase           *self);
/* A new connection to the same data, for a worker thread: the file again (never created), or
 * for a snapshot opened for browsing its validated private copy, read-only like @self (never
 * the received file itself). Safe to call from any thread while @self is alive. */
TiduDatabase    *tidu_database_open_again       (TiduDatabase           *self,
                                                 GError                **error);
gboolean         tidu_database_count            (TiduDatabase           *self,
                                                 TiduEntity              entity,
                                                 gint64                 *count,
                                                 GError                **error);
gboolean         tidu_database_has_rows         (TiduDatabase           *self,
                                                 TiduEntity              entity,
                                                 gboolean               *has_rows,
                                                 GError                **error);
TiduCheckReport *tidu_database_check            (TiduDatabase           *self,
                                                 GError                **error);

void             tidu_check_report_free         (TiduCheckReport        *report);
char            *tidu_check_report_to_json      (const TiduCheckReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiduCheckReport, tidu_check_report_free)

G_END_DECLS
