/* tidu-carrier-detail.c: everything known about one innovation carrier
 *
 * The Carriers place shows this page when a carrier is activated: its identity, its level
 * history (recognitions), its yearly statistics and grades as a table, and the firms in
 * incubation there now and those that graduated or left. Everything is read from the core each
 * time the page is shown or changed. Deletes are soft: a toast offers Undo, and so does Ctrl+Z
 * through the "carrier.undo-delete" action while the toast shows.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "tidu-carrier-editor.h"
#include "tidu-carrier-level-editor.h"
#include "tidu-carrier-year-editor.h"
#include "tidu-detail-util.h"
#include "tidu-form-util.h"
#include "tidu-ui-util.h"
#include "tidu-undo.h"

#include "tidu-carrier-chart.h"
#include "tidu-carrier-detail.h"

struct _TiduCarrierDetail
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *name_label;
  GtkLabel            *summary_label;
  GtkLabel            *error_label;
  GtkListBox          *identity_list;
  AdwPreferencesGroup *levels_group;
  GtkListBox          *levels_list;
  AdwPreferencesGroup *years_group;
  GtkWidget           *years_card;
  GtkGrid             *years_grid;
  TiduCarrierChart    *performance_chart;
  AdwPreferencesGroup *current_group;
  GtkListBox          *current_list;
  AdwPreferencesGroup *past_group;
  GtkListBox          *past_list;
  GtkWidget           *contact_group;
  GtkListBox          *contact_list;
  GtkWidget           *notes_group;
  GtkLabel            *notes_label;

  /* Owned references */
  GSettings           *settings;
  TiduDatabase        *database;
  char                *carrier_id;
  TiduCarrier         *carrier;
  TiduVocabCache       vocabs;
};

G_DEFINE_FINAL_TYPE (TiduCarrierDetail, tidu_carrier_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint signals[TIDU_DETAIL_N_SIGNALS];


/* ------------------------------------------------------------------ helpers */

static const char *
vocab_label (TiduCarrierDetail *self,
             TiduVocabulary     vocabulary,
             const char        *code)
{
  return tidu_vocab_cache_label (&self->vocabs, self->database, vocabulary, code);
}

static char *
format_count (gint64 value)
{
  return TIDU_IS_SET (value) ? tidu_ui_format_count (value) : NULL;
}

static char *
format_area (double area)
{
  g_autofree char *whole = NULL;

  if (isnan (area))
    return NULL;
  if (area != floor (area))
    /* Translators: an area in square metres with one decimal */
    return g_strdup_printf (_("%.1f m²"), area);
  whole = tidu_ui_format_count ((gint64) area);
  /* Translators: an area in square metres, such as "12,000 m²" */
  return g_strdup_printf (_("%s m²"), whole);
}

static void
show_error (TiduCarrierDetail *self,
            const GError      *error)
{
  tidu_form_set_error_label (self->error_label, error != NULL ? error->message : NULL);
}

/* ------------------------------------------------------------------ sections */

static void
fill_identity (TiduCarrierDetail *self)
{
  const TiduCarrier *carrier = self->carrier;
  g_autoptr(TiduRegion) region = NULL;
  g_autofree char *area = format_area (carrier->area_m2);
  g_autofree char *founded = tidu_form_format_date (&carrier->founded_on);

  if (carrier->region_id != NULL)
    region = tidu_region_load (self->database, carrier->region_id, NULL);

  tidu_detail_clear_list (self->identity_list);
  tidu_detail_add_value_row (self->identity_list, _("Kind"), vocab_label (self, TIDU_VOCABULARY_CARRIER_KIND, carrier->kind));
  tidu_detail_add_value_row (self->identity_list, _("Level"), vocab_label (self, TIDU_VOCABULARY_LEVEL, carrier->level));
  tidu_detail_add_value_row (self->identity_list, _("Region"), region != NULL ? region->name : NULL);
  tidu_detail_add_value_row (self->identity_list, _("Operator"), carrier->operator);
  tidu_detail_add_value_row_if_set (self->identity_list, _("Operator’s unified social credit code"), carrier->operator_uscc);
  tidu_detail_add_value_row_if_set (self->identity_list, _("Address"), carrier->address);
  tidu_detail_add_value_row (self->identity_list, _("Area"), area);
  tidu_detail_add_value_row_if_set (self->identity_list, _("Founded"), founded);
}

static void
fill_levels (TiduCarrierDetail *self)
{
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  GDate now;

  tidu_ui_today (&now);
  tidu_detail_clear_list (self->levels_list);
  levels = tidu_carrier_list_levels (self->database, self->carrier->id, &error);
  if (levels == NULL)
    show_error (self, error);
  for (guint i = 0; levels != NULL && i < levels->len; i++)
    {
      const TiduCarrierLevel *level = g_ptr_array_index (levels, i);
      g_autofree char *recognized = tidu_form_format_date (&level->recognized_on);
      g_autofree char *revoked = tidu_form_format_date (&level->revoked_on);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      /* Translators: the date a carrier was recognised at a level */
      g_string_append_printf (subtitle, _("Recognised %s"), recognized != NULL ? recognized : "—");
      if (revoked != NULL)
        {
          g_string_append (subtitle, " · ");
          /* Translators: the date a carrier's recognition was revoked */
          g_string_append_printf (subtitle, _("revoked %s"), revoked);
        }
      if (level->document != NULL)
        {
          g_string_append (subtitle, " · ");
          g_string_append (subtitle, level->document);
        }
      row = tidu_detail_add_row (self->levels_list, vocab_label (self, TIDU_VOCABULARY_LEVEL, level->level), subtitle->str);
      if (revoked != NULL && g_date_compare (&level->revoked_on, &now) <= 0)
        gtk_widget_add_css_class (row, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tidu_detail_new_button ("document-edit-symbolic", _("Edit Recognition"),
                                                  "carrier.edit-level", level->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tidu_detail_new_button ("user-trash-symbolic", _("Delete Recognition"),
                                                  "carrier.delete-level", level->id));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->levels_list), levels != NULL && levels->len > 0);
  adw_preferences_group_set_description (self->levels_group,
                                         levels != NULL && levels->len > 0
                                         ? NULL : _("No recognitions recorded. The level above was entered by hand."));
}

/* The shared cell, with headings bottom-aligned and kept narrow: the table has eight columns. */
static void
attach_cell (TiduCarrierDetail *self,
             const char        *text,
             int                column,
             int                row,
             gboolean           heading)
{
  GtkWidget *label = tidu_detail_attach_cell (self->years_grid, text, column, row, heading);

  gtk_widget_set_valign (label, heading ? GTK_ALIGN_END : GTK_ALIGN_CENTER);
  if (heading)
    {
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
    }
}

static char *
grade_text (TiduCarrierDetail     *self,
            const TiduCarrierYear *year)
{
  if (year->grade == NULL)
    return NULL;
  if (year->grade_level == NULL)
    return g_strdup (year->grade);
  /* Translators: a performance grade and the level that graded it, such as "A (Provincial)" */
  return g_strdup_printf (_("%s (%s)"), year->grade, vocab_label (self, TIDU_VOCABULARY_LEVEL, year->grade_level));
}

static void
fill_years (TiduCarrierDetail *self)
{
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GError) error = NULL;
  TiduMoneyUnit unit = (TiduMoneyUnit) g_settings_get_enum (self->settings, "display-unit");
  /* Translators: a column of the yearly statistics, with the money unit such as "10k yuan" */
  g_autofree char *fund_heading = g_strdup_printf (_("Fund (%s)"), tidu_money_unit_label (unit));
  const char *headings[] = {
    _("Year"), _("Incubated firms"), _("Graduated this year"), _("Graduated in total"),
    _("Incubation area (m²)"), _("Funded firms"), fund_heading, _("Grade"),
  };

  tidu_detail_clear_grid (self->years_grid);

  years = tidu_carrier_list_years (self->database, self->carrier->id, &error);
  if (years == NULL)
    show_error (self, error);
  gtk_widget_set_visible (self->years_card, years != NULL && years->len > 0);
  adw_preferences_group_set_description (self->years_group,
                                         years != NULL && years->len > 0
                                         ? NULL : _("No yearly statistics recorded."));
  if (years == NULL || years->len == 0)
    return;

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    attach_cell (self, headings[c], c, 0, TRUE);

  /* The latest year first, as officers compare it with the one before. */
  for (guint i = years->len; i > 0; i--)
    {
      const TiduCarrierYear *year = g_ptr_array_index (years, i - 1);
      int row = years->len - i + 1;
      g_autofree char *year_text = g_strdup_printf ("%d", year->year);
      g_autofree char *incubated = format_count (year->incubated_firms);
      g_autofree char *graduated = format_count (year->graduated_this_year);
      g_autofree char *total = format_count (year->graduated_total);
      g_autofree char *area = NULL;
      g_autofree char *funded = format_count (year->funded_firms);
      g_autofree char *fund = TIDU_IS_SET (year->fund_yuan) ? tidu_money_format (year->fund_yuan, unit) : NULL;
      g_autofree char *grade = grade_text (self, year);
      g_autofree char *edit_tooltip = NULL;
      g_autofree char *delete_tooltip = NULL;
      GtkWidget *buttons;

      if (!isnan (year->incubation_area_m2))
        area = year->incubation_area_m2 == floor (year->incubation_area_m2)
               ? tidu_ui_format_count ((gint64) year->incubation_area_m2)
               : g_strdup_printf ("%.1f", year->incubation_area_m2);
      attach_cell (self, year_text, 0, row, FALSE);
      attach_cell (self, incubated, 1, row, FALSE);
      attach_cell (self, graduated, 2, row, FALSE);
      attach_cell (self, total, 3, row, FALSE);
      attach_cell (self, area, 4, row, FALSE);
      attach_cell (self, funded, 5, row, FALSE);
      attach_cell (self, fund, 6, row, FALSE);
      attach_cell (self, grade, 7, row, FALSE);

      /* Translators: a button's tooltip, such as "Edit Statistics for 2024" */
      edit_tooltip = g_strdup_printf (_("Edit Statistics for %d"), year->year);
      /* Translators: a button's tooltip, such as "Delete Statistics for 2024" */
      delete_tooltip = g_strdup_printf (_("Delete Statistics for %d"), year->year);
      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_append (GTK_BOX (buttons), tidu_detail_new_button ("document-edit-symbolic", edit_tooltip,
                                                          "carrier.edit-year", year->id));
      gtk_box_append (GTK_BOX (buttons), tidu_detail_new_button ("user-trash-symbolic", delete_tooltip,
                                                          "carrier.delete-year", year->id));
      gtk_grid_attach (self->years_grid, buttons, G_N_ELEMENTS (headings), row, 1, 1);
    }
}

static void
fill_stays (TiduCarrierDetail *self)
{
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(GError) error = NULL;
  guint n_current = 0;
  guint n_past = 0;
  g_autofree char *current_count = NULL;
  g_autofree char *past_count = NULL;

  tidu_detail_clear_list (self->current_list);
  tidu_detail_clear_list (self->past_list);
  stays = tidu_carrier_list_stays (self->database, self->carrier->id, FALSE, &error);
  if (stays == NULL)
    show_error (self, error);

  /* The most recent first in both lists. */
  for (guint i = stays != NULL ? stays->len : 0; i > 0; i--)
    {
      const TiduStay *stay = g_ptr_array_index (stays, i - 1);
      g_autoptr(TiduFirm) firm = tidu_firm_load (self->database, stay->firm_id, NULL);
      g_autofree char *entered = tidu_form_format_date (&stay->entered_on);
      g_autofree char *left = tidu_form_format_date (&stay->left_on);
      g_autofree char *subtitle = NULL;
      const char *name = firm != NULL ? firm->name : stay->firm_id;

      if (left == NULL)
        {
          /* Translators: when a firm moved into the carrier (入孵) */
          subtitle = g_strdup_printf (_("Moved in %s"), entered != NULL ? entered : "—");
          tidu_detail_add_row (self->current_list, name, subtitle);
          n_current++;
        }
      else
        {
          /* Translators: a finished stay: moved in, then how it ended (Graduated, Left) and when */
          subtitle = g_strdup_printf (_("Moved in %s · %s %s"), entered != NULL ? entered : "—",
                                      vocab_label (self, TIDU_VOCABULARY_STAY_OUTCOME, stay->outcome), left);
          tidu_detail_add_row (self->past_list, name, subtitle);
          n_past++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->current_list), n_current > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->past_list), n_past > 0);
  current_count = n_current > 0
                  /* Translators: the number of firms in incubation in a carrier now */
                  ? g_strdup_printf (ngettext ("%u firm", "%u firms", n_current), n_current)
                  : g_strdup (_("No firms in incubation."));
  past_count = n_past > 0
               ? g_strdup_printf (ngettext ("%u firm", "%u firms", n_past), n_past)
               : g_strdup (_("No firms have graduated or left yet."));
  adw_preferences_group_set_description (self->current_group, current_count);
  adw_preferences_group_set_description (self->past_group, past_count);
}

static void
fill_contact (TiduCarrierDetail *self)
{
  const TiduCarrier *carrier = self->carrier;

  tidu_detail_clear_list (self->contact_list);
  tidu_detail_add_value_row_if_set (self->contact_list, _("Contact person"), carrier->contact_name);
  tidu_detail_add_value_row_if_set (self->contact_list, _("Phone"), carrier->contact_phone);
  gtk_widget_set_visible (self->contact_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->contact_list)) != NULL);

  gtk_label_set_text (self->notes_label, carrier->notes != NULL ? carrier->notes : "");
  gtk_widget_set_visible (self->notes_group, carrier->notes != NULL);
}

static char *
latest_grade (TiduCarrierDetail *self)
{
  g_autoptr(GPtrArray) years = tidu_carrier_list_years (self->database, self->carrier->id, NULL);

  for (guint i = years != NULL ? years->len : 0; i > 0; i--)
    {
      const TiduCarrierYear *year = g_ptr_array_index (years, i - 1);

      if (year->grade != NULL)
        /* Translators: the latest performance grade, such as "Excellent (A) in 2024" */
        return g_strdup_printf (_("%s in %d"), vocab_label (self, TIDU_VOCABULARY_GRADE, year->grade), year->year);
    }
  return NULL;
}

/**
 * tidu_carrier_detail_reload:
 *
 * Reads the carrier again from the database.
 */
void
tidu_carrier_detail_reload (TiduCarrierDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *grade = NULL;
  gboolean live;

  g_return_if_fail (TIDU_IS_CARRIER_DETAIL (self));

  g_clear_pointer (&self->carrier, tidu_carrier_free);
  show_error (self, NULL);
  if (self->database != NULL && self->carrier_id != NULL)
    self->carrier = tidu_carrier_load (self->database, self->carrier_id, &error);

  /* A received snapshot is only browsed. */
  live = self->carrier != NULL && self->carrier->deleted_at == NULL && tidu_ui_can_write (self->database);
  tidu_detail_set_actions_enabled (GTK_WIDGET (self), live, "carrier.edit", "carrier.add-year",
                                   "carrier.edit-year", "carrier.delete-year", "carrier.add-level",
                                   "carrier.edit-level", "carrier.delete-level", "carrier.delete", NULL);

  tidu_carrier_chart_set_carrier (self->performance_chart, self->database,
                                  self->carrier != NULL ? self->carrier->id : NULL,
                                  self->carrier != NULL ? self->carrier->name : NULL);

  if (self->carrier == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->summary_label, "");
      tidu_detail_clear_list (self->identity_list);
      tidu_detail_clear_list (self->levels_list);
      tidu_detail_clear_list (self->current_list);
      tidu_detail_clear_list (self->past_list);
      tidu_detail_clear_list (self->contact_list);
      tidu_detail_clear_grid (self->years_grid);
      if (error != NULL)
        show_error (self, error);
      return;
    }

  gtk_label_set_text (self->title_label, self->carrier->name);
  gtk_label_set_text (self->name_label, self->carrier->name);
  fill_identity (self);
  fill_levels (self);
  fill_years (self);
  fill_stays (self);
  fill_contact (self);

  g_string_append (summary, vocab_label (self, TIDU_VOCABULARY_CARRIER_KIND, self->carrier->kind));
  if (self->carrier->level != NULL)
    g_string_append_printf (summary, " · %s", vocab_label (self, TIDU_VOCABULARY_LEVEL, self->carrier->level));
  grade = latest_grade (self);
  if (grade != NULL)
    g_string_append_printf (summary, " · %s", grade);
  if (self->carrier->deleted_at != NULL)
    g_string_append_printf (summary, " · %s", _("In the trash"));
  gtk_label_set_text (self->summary_label, summary->str);
}

static void
changed (TiduCarrierDetail *self)
{
  tidu_carrier_detail_reload (self);
  g_signal_emit (self, signals[TIDU_DETAIL_CHANGED], 0);
}

/* ------------------------------------------------------------------ undo */

static void
undone (GObject *object)
{
  changed (TIDU_CARRIER_DETAIL (object));
}

static char *
many_carriers (guint n)
{
  return g_strdup_printf (ngettext ("%u carrier moved to the trash", "%u carriers moved to the trash", n), n);
}

/* Recognitions and statistics have no trash: saving a copy again brings them back. */
static gboolean
save_level_again (TiduDatabase  *database,
                  gpointer       data,
                  GError       **error)
{
  TiduCarrierLevel *level = data;

  g_clear_pointer (&level->id, g_free);
  return tidu_carrier_level_save (database, level, error);
}

static gboolean
save_year_again (TiduDatabase  *database,
                 gpointer       data,
                 GError       **error)
{
  TiduCarrierYear *year = data;

  g_clear_pointer (&year->id, g_free);
  return tidu_carrier_year_save (database, year, error);
}

/**
 * tidu_carrier_detail_delete_carrier:
 * @carrier_id: the carrier to move to the trash; need not be the one shown
 *
 * Moves the carrier to the trash and shows a toast that offers to undo it, in the toast
 * overlay around this page. Emits #TiduCarrierDetail::deleted and #TiduCarrierDetail::changed.
 *
 * Returns: %TRUE when the carrier went to the trash
 */
gboolean
tidu_carrier_detail_delete_carrier (TiduCarrierDetail *self,
                                    const char        *carrier_id)
{
  g_autoptr(TiduCarrier) carrier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (carrier_id);

  g_return_val_if_fail (TIDU_IS_CARRIER_DETAIL (self), FALSE);
  g_return_val_if_fail (carrier_id != NULL, FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  carrier = tidu_carrier_load (self->database, id, &error);
  if (carrier == NULL || !tidu_carrier_delete (self->database, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The carrier was not moved to the trash. %s"), error->message);

      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (message));
      return FALSE;
    }

  if (g_strcmp0 (id, self->carrier_id) == 0)
    tidu_carrier_detail_reload (self);
  tidu_detail_trashed (GTK_WIDGET (self), self->database, id, carrier->name, many_carriers, tidu_carrier_restore,
                       undone);
  return TRUE;
}

/**
 * tidu_carrier_detail_can_undo:
 *
 * Returns: %TRUE while a toast offers to undo a delete
 */
gboolean
tidu_carrier_detail_can_undo (TiduCarrierDetail *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_DETAIL (self), FALSE);
  return tidu_undo_can_undo (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ actions */

static void
editor_saved_cb (TiduCarrierDetail *self,
                 const char        *id)
{
  changed (self);
}

static void
editor_open_carrier_cb (TiduCarrierDetail *self,
                        const char        *id)
{
  tidu_carrier_detail_set_carrier_id (self, id);
  g_signal_emit (self, signals[TIDU_DETAIL_CHANGED], 0);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (widget);
  TiduCarrierEditor *editor;

  if (self->carrier == NULL)
    return;
  editor = tidu_carrier_editor_new (tidu_ui_get_window (widget), self->database, self->carrier->id);
  g_signal_connect_object (editor, "open-carrier", G_CALLBACK (editor_open_carrier_cb), self, G_CONNECT_SWAPPED);
  tidu_detail_present (widget, editor, G_CALLBACK (editor_saved_cb));
}

static void
open_year_editor (TiduCarrierDetail *self,
                  const char        *year_id)
{
  if (self->carrier != NULL)
    tidu_detail_present (GTK_WIDGET (self),
                         tidu_carrier_year_editor_new (tidu_ui_get_window (GTK_WIDGET (self)), self->database, self->carrier->id, year_id),
                         G_CALLBACK (editor_saved_cb));
}

/* Adds one (no target) or edits one (the id). */
static void
year_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_year_editor (TIDU_CARRIER_DETAIL (widget), tidu_detail_action_target (parameter));
}

static void
delete_year_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GError) error = NULL;
  TiduCarrierYear *deleted = NULL;
  g_autofree char *title = NULL;

  if (self->carrier == NULL)
    return;
  years = tidu_carrier_list_years (self->database, self->carrier->id, &error);
  for (guint i = 0; years != NULL && i < years->len && deleted == NULL; i++)
    if (g_str_equal (((TiduCarrierYear *) g_ptr_array_index (years, i))->id, id))
      deleted = tidu_carrier_year_copy (g_ptr_array_index (years, i));
  if (deleted == NULL || !tidu_carrier_year_delete (self->database, id, &error))
    {
      g_clear_pointer (&deleted, tidu_carrier_year_free);
      show_error (self, error);
      return;
    }
  /* Translators: a toast after deleting a carrier's statistics for a year */
  title = g_strdup_printf (_("Statistics for %d deleted"), deleted->year);
  tidu_undo_offer (GTK_WIDGET (self), self->database, title, NULL, save_year_again, deleted,
                   (GDestroyNotify) tidu_carrier_year_free, G_OBJECT (self), undone);
  changed (self);
}

static void
open_level_editor (TiduCarrierDetail *self,
                   const char        *level_id)
{
  if (self->carrier != NULL)
    tidu_detail_present (GTK_WIDGET (self),
                         tidu_carrier_level_editor_new (tidu_ui_get_window (GTK_WIDGET (self)), self->database, self->carrier->id, level_id),
                         G_CALLBACK (editor_saved_cb));
}

/* Adds one (no target) or edits one (the id). */
static void
level_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_level_editor (TIDU_CARRIER_DETAIL (widget), tidu_detail_action_target (parameter));
}

static void
delete_level_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GError) error = NULL;
  TiduCarrierLevel *deleted = NULL;
  g_autofree char *title = NULL;

  if (self->carrier == NULL)
    return;
  levels = tidu_carrier_list_levels (self->database, self->carrier->id, &error);
  for (guint i = 0; levels != NULL && i < levels->len && deleted == NULL; i++)
    if (g_str_equal (((TiduCarrierLevel *) g_ptr_array_index (levels, i))->id, id))
      deleted = tidu_carrier_level_copy (g_ptr_array_index (levels, i));
  if (deleted == NULL || !tidu_carrier_level_delete (self->database, id, &error))
    {
      g_clear_pointer (&deleted, tidu_carrier_level_free);
      show_error (self, error);
      return;
    }
  /* Translators: a toast after deleting a recognition, such as "Provincial recognition deleted" */
  title = g_strdup_printf (_("%s recognition deleted"), vocab_label (self, TIDU_VOCABULARY_LEVEL, deleted->level));
  tidu_undo_offer (GTK_WIDGET (self), self->database, title, NULL, save_level_again, deleted,
                   (GDestroyNotify) tidu_carrier_level_free, G_OBJECT (self), undone);
  changed (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (widget);

  if (self->carrier_id != NULL)
    tidu_carrier_detail_delete_carrier (self, self->carrier_id);
}

static void
display_unit_changed_cb (TiduCarrierDetail *self)
{
  if (self->carrier != NULL)
    fill_years (self);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_carrier_detail_constructed (GObject *object)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (object);

  G_OBJECT_CLASS (tidu_carrier_detail_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::display-unit",
                           G_CALLBACK (display_unit_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
tidu_carrier_detail_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_carrier_detail_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tidu_carrier_detail_dispose (GObject *object)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (object);

  tidu_detail_dispose (GTK_WIDGET (self), TIDU_TYPE_CARRIER_DETAIL);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  tidu_vocab_cache_clear (&self->vocabs);

  G_OBJECT_CLASS (tidu_carrier_detail_parent_class)->dispose (object);
}

static void
tidu_carrier_detail_finalize (GObject *object)
{
  TiduCarrierDetail *self = TIDU_CARRIER_DETAIL (object);

  g_clear_pointer (&self->carrier_id, g_free);
  g_clear_pointer (&self->carrier, tidu_carrier_free);

  G_OBJECT_CLASS (tidu_carrier_detail_parent_class)->finalize (object);
}

static void
tidu_carrier_detail_class_init (TiduCarrierDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tidu_carrier_detail_constructed;
  object_class->set_property = tidu_carrier_detail_set_property;
  object_class->get_property = tidu_carrier_detail_get_property;
  object_class->dispose = tidu_carrier_detail_dispose;
  object_class->finalize = tidu_carrier_detail_finalize;

  g_type_ensure (TIDU_TYPE_CARRIER_CHART);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "changed": a carrier, recognition or yearly statistics were saved, deleted or restored */
  tidu_detail_class_setup (widget_class, RESOURCE_BASE "/ui/tidu-carrier-detail.ui", signals);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, identity_list);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, levels_group);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, levels_list);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, years_group);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, performance_chart);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, years_card);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, years_grid);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, current_group);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, current_list);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, past_group);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, past_list);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, contact_group);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, contact_list);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, notes_group);
  gtk_widget_class_bind_template_child (widget_class, TiduCarrierDetail, notes_label);

  tidu_detail_class_add_actions (widget_class, "carrier", "undo-delete", edit_activated, delete_activated);
  gtk_widget_class_install_action (widget_class, "carrier.add-year", NULL, year_activated);
  gtk_widget_class_install_action (widget_class, "carrier.edit-year", "s", year_activated);
  gtk_widget_class_install_action (widget_class, "carrier.delete-year", "s", delete_year_activated);
  gtk_widget_class_install_action (widget_class, "carrier.add-level", NULL, level_activated);
  gtk_widget_class_install_action (widget_class, "carrier.edit-level", "s", level_activated);
  gtk_widget_class_install_action (widget_class, "carrier.delete-level", "s", delete_level_activated);
}

static void
tidu_carrier_detail_init (TiduCarrierDetail *self)
{
  tidu_detail_init (GTK_WIDGET (self));
  tidu_carrier_detail_reload (self);
}

/* ------------------------------------------------------------------ public API */

/**
 * tidu_carrier_detail_new:
 * @settings: (nullable): the application's settings, for the money display unit
 */
GtkWidget *
tidu_carrier_detail_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (TIDU_TYPE_CARRIER_DETAIL, "settings", settings, NULL);
}

TiduDatabase *
tidu_carrier_detail_get_database (TiduCarrierDetail *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_DETAIL (self), NULL);
  return self->database;
}

void
tidu_carrier_detail_set_database (TiduCarrierDetail *self,
                                  TiduDatabase      *database)
{
  g_return_if_fail (TIDU_IS_CARRIER_DETAIL (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  tidu_vocab_cache_clear (&self->vocabs);
  g_clear_pointer (&self->carrier_id, g_free);
  tidu_carrier_detail_reload (self);
}

const char *
tidu_carrier_detail_get_carrier_id (TiduCarrierDetail *self)
{
  g_return_val_if_fail (TIDU_IS_CARRIER_DETAIL (self), NULL);
  return self->carrier_id;
}

void
tidu_carrier_detail_set_carrier_id (TiduCarrierDetail *self,
                                    const char        *carrier_id)
{
  g_return_if_fail (TIDU_IS_CARRIER_DETAIL (self));

  if (carrier_id != self->carrier_id)
    {
      g_free (self->carrier_id);
      self->carrier_id = g_strdup (carrier_id);
    }
  tidu_carrier_detail_reload (self);
}
