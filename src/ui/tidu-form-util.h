/* tidu-form-util.h: shared pieces of the record forms: inline messages under rows, date and
 * text rows, combo rows over vocabularies
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

AdwActionRow *tidu_form_show_message     (GtkWidget            *row,
                                          TiduFormMessageKind   kind,
                                          const char           *message);

GStrv         tidu_form_fill_combo       (AdwComboRow          *row,
                                          GPtrArray            *choices,
                                          const char           *none_label);
GStrv         tidu_form_fill_vocabulary  (AdwComboRow          *row,
                                          TiduDatabase         *database,
                                          TiduVocabulary        vocabulary,
                                          const char           *none_label);
const char   *tidu_form_get_combo_value  (AdwComboRow          *row,
                                          GStrv                 values);
void          tidu_form_set_combo_value  (AdwComboRow          *row,
                                          GStrv                 values,
                                          const char           *value);

void          tidu_form_show_toast       (GtkWidget            *widget,
                                          AdwToast             *toast);

G_END_DECLS
