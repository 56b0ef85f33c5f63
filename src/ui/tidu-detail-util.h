/* tidu-detail-util.h: what the record detail pages (carrier, firm, plan, talent) share
 *
 * Each detail page is a GtkWidget with a template: a top bar with Back/Edit/Delete, a title,
 * a summary and an error label, then sections of read-only rows. These helpers build those
 * rows and the page's common plumbing (signals, actions, shortcuts, template disposal), so
 * that each page only says what is its own.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-undo.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ rows */

void        tidu_detail_clear_list        (GtkListBox  *list);
void        tidu_detail_clear_grid        (GtkGrid     *grid);
GtkWidget  *tidu_detail_add_row           (GtkListBox  *list,
                                           const char  *title,
                                           const char  *subtitle);
void        tidu_detail_add_value_row     (GtkListBox  *list,
                                           const char  *title,
                                           const char  *value);
void        tidu_detail_add_value_row_if_set (GtkListBox *list,
                                           const char  *title,
                                           const char  *value);
GtkWidget  *tidu_detail_new_button        (const char  *icon_name,
                                           const char  *tooltip,
                                           const char  *action_name,
                                           const char  *target);
GtkWidget  *tidu_detail_add_row_button    (GtkWidget   *row,
                                           const char  *icon_name,
                                           const char  *tooltip,
                                           const char  *action_name,
                                           const char  *target);
GtkWidget  *tidu_detail_attach_cell       (GtkGrid     *grid,
                                           const char  *text,
                                           int          column,
                                           int          row,
                                           gboolean     heading);

/* ------------------------------------------------------------------ vocabularies */

/**
 * TiduVocabCache:
 *
 * The labels of the vocabularies a page shows, each read once from the database (cleared
 * when the page's database changes).
 */
typedef struct
{
  GPtrArray *lists[TIDU_N_VOCABULARIES];
} TiduVocabCache;

const char *tidu_vocab_cache_label        (TiduVocabCache *cache,
                                           TiduDatabase   *database,
                                           TiduVocabulary  vocabulary,
                                           const char     *code);
void        tidu_vocab_cache_clear        (TiduVocabCache *cache);

/* ------------------------------------------------------------------ page plumbing */

typedef enum
{
  TIDU_DETAIL_BACK_REQUESTED,
  TIDU_DETAIL_CHANGED,
  TIDU_DETAIL_DELETED,
  TIDU_DETAIL_N_SIGNALS
} TiduDetailSignal;

void        tidu_detail_class_setup       (GtkWidgetClass              *widget_class,
                                           const char                  *resource,
                                           guint                        signals[TIDU_DETAIL_N_SIGNALS]);
void        tidu_detail_class_add_actions (GtkWidgetClass              *widget_class,
                                           const char                  *prefix,
                                           const char                  *undo_name,
                                           GtkWidgetActionActivateFunc  edit_activated,
                                           GtkWidgetActionActivateFunc  delete_activated);
void        tidu_detail_init              (GtkWidget                   *page);
void        tidu_detail_dispose           (GtkWidget                   *page,
                                           GType                        type);
void        tidu_detail_set_actions_enabled (GtkWidget                 *page,
                                           gboolean                     enabled,
                                           const char                  *first_action,
                                           ...) G_GNUC_NULL_TERMINATED;
const char *tidu_detail_action_target     (GVariant                    *parameter);
void        tidu_detail_present           (GtkWidget                   *page,
                                           gpointer                     window,
                                           GCallback                    saved_cb);
void        tidu_detail_trashed           (GtkWidget                   *page,
                                           TiduDatabase                *database,
                                           const char                  *id,
                                           const char                  *name,
                                           TiduUndoManyFunc             many,
                                           gboolean                   (*restore) (TiduDatabase *database,
                                                                                  const char   *id,
                                                                                  GError      **error),
                                           TiduUndoneFunc               undone);

G_END_DECLS
