/* tidu-form-util.h: shared pieces of the record forms: inline messages under rows, date and
 * text rows, whole-number and money rows, combo rows and drop-downs over choices
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

/* How a message under a row looks. */
typedef enum
{
  TIDU_FORM_MESSAGE_NONE,
  TIDU_FORM_MESSAGE_WARNING,
  TIDU_FORM_MESSAGE_ERROR
} TiduFormMessageKind;

char         *tidu_form_get_text         (AdwEntryRow          *row);
void          tidu_form_set_text         (AdwEntryRow          *row,
                                          const char           *text);
gboolean      tidu_form_get_date         (AdwEntryRow          *row,
                                          GDate                *date,
                                          GError              **error);
void          tidu_form_set_date         (AdwEntryRow          *row,
                                          const GDate          *date);
char         *tidu_form_format_date      (const GDate          *date);
void          tidu_form_read_date        (AdwEntryRow          *row,
                                          const char           *field,
                                          GDate                *date,
                                          TiduValidation       *validation);
gint64        tidu_form_get_int          (AdwEntryRow          *row,
                                          const char           *field,
                                          TiduValidation       *validation);
void          tidu_form_set_int          (AdwEntryRow          *row,
                                          gint64                value);
gint64        tidu_form_get_money        (AdwEntryRow          *row,
                                          TiduMoneyUnit         unit,
                                          const char           *field,
                                          TiduValidation       *validation);
void          tidu_form_set_money        (AdwEntryRow          *row,
                                          TiduMoneyUnit         unit,
                                          gint64                yuan);

AdwActionRow *tidu_form_show_message     (GtkWidget            *row,
                                          TiduFormMessageKind   kind,
                                          const char           *message);
void          tidu_form_show_issue       (GtkWidget            *row,
                                          TiduValidation       *validation,
                                          const char           *field);
void          tidu_form_show_unplaced_error (TiduValidation    *validation,
                                             gconstpointer      rows,
                                             gsize              n_rows,
                                             gsize              row_size,
                                             GtkLabel          *label,
                                             GtkWidget         *box);

GStrv         tidu_form_fill_combo       (AdwComboRow          *row,
                                          GPtrArray            *choices,
                                          const char           *none_label);
GStrv         tidu_form_fill_regions     (AdwComboRow          *row,
                                          TiduDatabase         *database,
                                          const char           *none_label);
GPtrArray    *tidu_form_region_choices   (TiduDatabase         *database,
                                          GError              **error);
GStrv         tidu_form_fill_vocabulary  (AdwComboRow          *row,
                                          TiduDatabase         *database,
                                          TiduVocabulary        vocabulary,
                                          const char           *none_label);
const char   *tidu_form_get_combo_value  (AdwComboRow          *row,
                                          GStrv                 values);
void          tidu_form_set_combo_value  (AdwComboRow          *row,
                                          GStrv                 values,
                                          const char           *value);
GStrv         tidu_form_fill_drop_down   (GtkDropDown          *drop_down,
                                          GPtrArray            *choices,
                                          const char           *none_label);
const char   *tidu_form_get_drop_down_value (GtkDropDown       *drop_down,
                                          GStrv                 values);
void          tidu_form_set_drop_down_value (GtkDropDown       *drop_down,
                                          GStrv                 values,
                                          const char           *value);

void          tidu_form_ellipsize_drop_down (GtkDropDown       *drop_down,
                                             int                max_chars);

GtkWidget    *tidu_form_find_toast_overlay (GtkWidget          *widget);
AdwToast     *tidu_form_toast_new        (const char           *text);
void          tidu_form_show_toast       (GtkWidget            *widget,
                                          AdwToast             *toast);

void          tidu_form_set_error_label  (GtkLabel             *label,
                                          const char           *message);
const char   *tidu_form_get_error_label  (GtkLabel             *label);

/* ------------------------------------------------------------------ editors' plumbing */

void          tidu_form_replace          (char                **member,
                                          char                 *value);
char         *tidu_form_get_view_text    (GtkTextView          *view);
void          tidu_form_show_error_box   (GtkLabel             *label,
                                          GtkWidget            *box,
                                          const char           *message);
void          tidu_form_class_add_save_action (GtkWidgetClass  *widget_class,
                                          GtkWidgetActionActivateFunc save_activated);
void          tidu_form_set_can_save     (GtkWidget            *editor,
                                          gboolean             *can_save,
                                          gboolean              value);
gpointer      tidu_form_new_window       (GType                 type,
                                          GtkWindow            *parent);
void          tidu_form_save_on_activate (GtkWidget            *row,
                                          GtkWidget            *editor);

/**
 * TiduFormField:
 * @field: the core's name of a field, as in TiduIssue.field
 * @offset: where the editor's struct keeps the template's row of @field
 *
 * A row of an editor that shows the issues of one field. An editor's table of them drives
 * the functions below; make entries with TIDU_FORM_FIELD().
 */
typedef struct
{
  const char *field;
  gsize       offset;
} TiduFormField;

#define TIDU_FORM_FIELD(Type, name, member) { name, G_STRUCT_OFFSET (Type, member) }

/* The debounced check of an editor: runs a moment after the last change. */
#define TIDU_FORM_VALIDATE_DELAY_MS 300

GtkWidget    *tidu_form_field_widget     (gpointer              editor,
                                          const TiduFormField  *field);
void          tidu_form_touch_fields     (GHashTable           *touched,
                                          const TiduFormField  *fields,
                                          gsize                 n_fields);
void          tidu_form_show_field_issues (gpointer             editor,
                                          const TiduFormField  *fields,
                                          gsize                 n_fields,
                                          GHashTable           *touched,
                                          TiduValidation       *validation,
                                          GtkLabel             *error_label,
                                          GtkWidget            *error_box);
void          tidu_form_connect_fields   (gpointer              editor,
                                          const TiduFormField  *fields,
                                          gsize                 n_fields,
                                          void                (*changed) (GObject    *row,
                                                                          GParamSpec *pspec,
                                                                          gpointer    editor));
/* An editor's check, such as tidu_carrier_editor_validate(). */
typedef void (*TiduFormValidateFunc) (gpointer editor);

void          tidu_form_schedule_validate (guint               *source,
                                          TiduFormValidateFunc  validate,
                                          gpointer              editor);
const char   *tidu_form_field_changed    (GObject              *row,
                                          GHashTable           *touched,
                                          guint                *source,
                                          TiduFormValidateFunc  validate,
                                          gpointer              editor);

G_END_DECLS
