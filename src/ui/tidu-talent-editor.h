/* tidu-talent-editor.h: the window that adds or edits a talent, and the small kit the
 * Talents place's editors and pages share (field rows, detail rows, choices, undo)
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
 * Forms of the Talents place are modal AdwWindows whose template (tidu-*-editor.ui) holds a
 * header bar with Cancel and Save (Ctrl+S, the installed action "editor.save"), an error card
 * on top and boxed-list groups in a clamp. The form kit tracks the rows that carry a core's
 * field name ("tidu-field") so that the issues of a TiduValidation land under them with
 * tidu_form_show_message(), once the officer has touched them. */

typedef struct
{
  GtkWidget          *window;
  AdwWindowTitle     *title;
  GtkWidget          *error_box;
  GtkLabel           *error_label;
  GPtrArray          *rows;         /* rows with a "tidu-field" */
  GHashTable         *touched;      /* field names the officer changed */
  GCallback           changed_cb;
  gpointer            changed_data;
} TiduTalentForm;

/* Binds @form to the frame in @window's template. */
void          _tidu_talent_form_bind        (TiduTalentForm      *form,
                                             GtkWidget           *window,
                                             AdwWindowTitle      *title,
                                             GtkWidget           *error_box,
                                             GtkLabel            *error_label);
/* Makes a template's row a row of @field: entry, combo, or action row with a drop-down, a
 * record picker or a switch as its activatable widget. */
void          _tidu_talent_form_add_field   (TiduTalentForm      *form,
                                             GtkWidget           *row,
                                             const char          *field);
void          _tidu_talent_form_clear       (TiduTalentForm      *form);
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

TiduMoneyUnit _tidu_display_unit            (void);
char         *_tidu_format_money            (gint64               yuan);

/* "batch · firm · granted … · paid … · status" for an award row. */
char         *_tidu_award_describe          (TiduDatabase          *database,
                                             const TiduTalentAward *award,
                                             gboolean               with_firm);

G_END_DECLS
