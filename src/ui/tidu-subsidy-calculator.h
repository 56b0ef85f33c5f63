/* tidu-subsidy-calculator.h: one rule, one case: the calculator of the Subsidies place
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tidu-core.h"

G_BEGIN_DECLS

#define TIDU_TYPE_SUBSIDY_CALCULATOR (tidu_subsidy_calculator_get_type ())
G_DECLARE_FINAL_TYPE (TiduSubsidyCalculator, tidu_subsidy_calculator, TIDU, SUBSIDY_CALCULATOR, GtkWidget)

GtkWidget               *tidu_subsidy_calculator_new              (void);
void                     tidu_subsidy_calculator_set_database     (TiduSubsidyCalculator  *self,
                                                                   TiduDatabase           *database);
gboolean                 tidu_subsidy_calculator_show_rule        (TiduSubsidyCalculator  *self,
                                                                   const char             *policy_key,
                                                                   const char             *rule_id);
GtkWidget               *tidu_subsidy_calculator_get_input_row    (TiduSubsidyCalculator  *self,
                                                                   const char             *name);
void                     tidu_subsidy_calculator_set_input        (TiduSubsidyCalculator  *self,
                                                                   const char             *name,
                                                                   const char             *text);
const TiduSubsidyResult *tidu_subsidy_calculator_get_result       (TiduSubsidyCalculator  *self);
const char              *tidu_subsidy_calculator_get_amount_text  (TiduSubsidyCalculator  *self);
const char              *tidu_subsidy_calculator_get_status_text  (TiduSubsidyCalculator  *self);
GStrv                    tidu_subsidy_calculator_dup_steps        (TiduSubsidyCalculator  *self);
void                     tidu_subsidy_calculator_set_entity       (TiduSubsidyCalculator  *self,
                                                                   TiduSubsidyEntityKind   kind,
                                                                   const char             *id);
void                     tidu_subsidy_calculator_set_year         (TiduSubsidyCalculator  *self,
                                                                   int                     year);
gboolean                 tidu_subsidy_calculator_get_busy         (TiduSubsidyCalculator  *self);
guint                    tidu_subsidy_calculator_get_n_listed_rules (TiduSubsidyCalculator *self);
GtkEditable             *tidu_subsidy_calculator_get_search_entry (TiduSubsidyCalculator  *self);
TiduPolicy              *tidu_subsidy_calculator_import           (TiduSubsidyCalculator  *self,
                                                                   const char             *data,
                                                                   gssize                  length,
                                                                   GError                **error);
TiduPolicy              *tidu_subsidy_calculator_copy_policy      (TiduSubsidyCalculator  *self,
                                                                   TiduPolicy             *policy,
                                                                   const char             *code,
                                                                   const char             *title,
                                                                   GError                **error);
GPtrArray               *tidu_subsidy_calculator_get_policies     (TiduSubsidyCalculator  *self);

G_END_DECLS
