/* tidu-talent-editor.h: the window that adds or edits a talent, and the small form kit the
 * Talents place's editors and pages share (rows, choices, money, undo)
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"
#include "tidu-form-util.h"

G_BEGIN_DECLS

#define TIDU_TYPE_TALENT_EDITOR (tidu_talent_editor_get_type ())
G_DECLARE_FINAL_TYPE (TiduTalentEditor, tidu_talent_editor, TIDU, TALENT_EDITOR, AdwWindow)

TiduTalentEditor *tidu_talent_editor_new          (GtkWindow        *parent,
                                                   TiduDatabase     *database,
                                                   const char       *talent_id);
const char       *tidu_talent_editor_get_talent_id (TiduTalentEditor *self);
gboolean          tidu_talent_editor_get_can_save (TiduTalentEditor *self);
void              tidu_talent_editor_validate     (TiduTalentEditor *self);

/* ------------------------------------------------------------------ the Talents place's form kit
 *
 * Forms of the Talents place are modal AdwWindows built in code: a header bar with Cancel and
 * Save (Ctrl+S, "editor.save" on the window's "editor" action group), an error card on top and
 * boxed-list groups in a clamp. Rows carry the core's field name ("tidu-field") so that the
 * issues of a TiduValidation land under them with tidu_form_show_message(). */

typedef struct
{
  AdwWindowTitle     *title;
  GtkWidget          *body;         /* vertical box in the clamp */
  GtkWidget          *error_box;
  GtkLabel           *error_label;
  GSimpleActionGroup *actions;      /* "editor": save */
  GPtrArray          *rows;         /* rows with a "tidu-field" */
  GHashTable         *touched;      /* field names the officer changed */
  GCallback           changed_cb;
  gpointer            changed_data;
} TiduTalentForm;

void          _tidu_talent_form_init        (TiduTalentForm      *form,
                                             GtkWindow           *window,
                                             GCallback            save_cb,
                                             int                  width,
                                             int                  height);
void          _tidu_talent_form_clear       (TiduTalentForm      *form);
GtkWidget    *_tidu_talent_form_group       (TiduTalentForm      *form,
                                             const char          *title,
                                             const char          *description);
AdwEntryRow  *_tidu_talent_form_entry       (TiduTalentForm      *form,
                                             GtkWidget           *group,
                                             const char          *title,
                                             const char          *field);
AdwComboRow  *_tidu_talent_form_combo       (TiduTalentForm      *form,
                                             GtkWidget           *group,
                                             const char          *title,
                                             const char          *field);
GtkSwitch    *_tidu_talent_form_switch      (TiduTalentForm      *form,
                                             GtkWidget           *group,
                                             const char          *title,
                                             const char          *field);
/* An action row with a searchable drop-down: for long lists such as firms and talents. */
GtkDropDown  *_tidu_talent_form_picker      (TiduTalentForm      *form,
                                             GtkWidget           *group,
                                             const char          *title,
                                             const char          *field,
                                             AdwActionRow       **row);
void          _tidu_talent_form_connect     (TiduTalentForm      *form,
                                             GCallback            changed_cb,
                                             gpointer             user_data);
void          _tidu_talent_form_touch_all   (TiduTalentForm      *form);
void          _tidu_talent_form_show_issues (TiduTalentForm      *form,
                                             TiduValidation      *validation);
/* Copies the issues of @core into @into; a NULL @core adds @error as an issue. */
void          _tidu_validation_merge        (TiduValidation      *into,
                                             TiduValidation      *core,
                                             const GError        *error);
void          _tidu_talent_form_show_error  (TiduTalentForm      *form,
                                             const char          *message);
void          _tidu_talent_form_set_can_save (TiduTalentForm     *form,
                                              gboolean            can_save);

GStrv         _tidu_picker_fill             (GtkDropDown         *drop_down,
                                             GPtrArray           *choices,
                                             const char          *none_label);
const char   *_tidu_picker_get_value        (GtkDropDown         *drop_down,
                                             GStrv                values);
void          _tidu_picker_set_value        (GtkDropDown         *drop_down,
                                             GStrv                values,
                                             const char          *value);
/* Every live record of a list kind (firms, talents) by name, as TiduListChoice. */
GPtrArray    *_tidu_list_name_choices       (TiduDatabase        *database,
                                             TiduListKind         kind);
GPtrArray    *_tidu_region_choices          (TiduDatabase        *database);

TiduMoneyUnit _tidu_display_unit            (void);
char         *_tidu_format_money            (gint64               yuan);
/* Reads a money row in the display unit ("50万" and "500,000" work too); a blank row is
 * TIDU_UNSET, text that is no amount becomes an issue of @field. */
gint64        _tidu_form_get_money          (AdwEntryRow         *row,
                                             const char          *field,
                                             TiduValidation      *validation);
void          _tidu_form_set_money          (AdwEntryRow         *row,
                                             gint64               yuan);
gint64        _tidu_form_get_int            (AdwEntryRow         *row,
                                             const char          *field,
                                             TiduValidation      *validation);
void          _tidu_form_set_int            (AdwEntryRow         *row,
                                             gint64               value);
void          _tidu_form_read_date          (AdwEntryRow         *row,
                                             const char          *field,
                                             GDate               *date,
                                             TiduValidation      *validation);

/* Detail pages of the Talents place: a top bar, then a clamped body of groups. */
GtkWidget    *_tidu_detail_frame            (GtkWidget           *page,
                                             const char          *back_action,
                                             const char          *back_tooltip,
                                             GtkLabel           **title_label,
                                             GtkWidget          **toolbar,
                                             GtkWidget          **body);
GtkWidget    *_tidu_detail_button           (GtkWidget           *toolbar,
                                             const char          *label,
                                             const char          *icon_name,
                                             const char          *action,
                                             const char          *tooltip);
GtkWidget    *_tidu_detail_group            (GtkWidget           *body,
                                             const char          *title,
                                             GtkListBox         **list);
void          _tidu_detail_clear            (GtkListBox          *list);
GtkWidget    *_tidu_detail_row              (GtkListBox          *list,
                                             const char          *title,
                                             const char          *subtitle);
void          _tidu_detail_value_row        (GtkListBox          *list,
                                             const char          *title,
                                             const char          *value);
void          _tidu_detail_row_button       (GtkWidget           *row,
                                             const char          *icon_name,
                                             const char          *tooltip,
                                             const char          *action,
                                             const char          *target);

/* "batch · firm · granted … · paid … · status" for an award row. */
char         *_tidu_award_describe          (TiduDatabase          *database,
                                             const TiduTalentAward *award,
                                             gboolean               with_firm);

/* Undo of the last deletion in the Talents place: a toast with Undo, and Ctrl+Z through
 * _tidu_talent_undo(). @undone runs on @object (if still alive) after a restore. */
typedef gboolean (*TiduRestoreFunc) (TiduDatabase *database,
                                     const char   *id,
                                     GError      **error);

void          _tidu_talent_offer_undo       (GtkWidget           *widget,
                                             TiduDatabase        *database,
                                             TiduRestoreFunc      restore,
                                             const char          *id,
                                             const char          *title,
                                             GObject             *object,
                                             void               (*undone) (GObject *object));
gboolean      _tidu_talent_undo             (void);
void          _tidu_talent_toast            (GtkWidget           *widget,
                                             AdwToast            *toast);
gboolean      _tidu_talent_can_undo         (void);

G_END_DECLS
