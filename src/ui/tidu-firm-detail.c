/* tidu-firm-detail.c: everything known about one firm, with its tier history
 *
 * The Firms place shows this page when a firm is activated. It reads the firm and its
 * certifications, yearly indicators and stays from the core each time it is shown or changed,
 * opens the editors, and deletes softly: the firm goes to the trash with a toast whose Undo
 * (or Ctrl+Z, through the "firm.undo-delete" action) restores it.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-certification-editor.h"
#include "tidu-chart-stats.h"
#include "tidu-chart-view.h"
#include "tidu-detail-util.h"
#include "tidu-firm-editor.h"
#include "tidu-form-util.h"
#include "tidu-move-dialog.h"
#include "tidu-undo.h"

#include "tidu-firm-detail.h"
#include "tidu-ui-util.h"

struct _TiduFirmDetail
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkLabel     *title_label;
  GtkLabel     *name_label;
  GtkLabel     *summary_label;
  GtkLabel     *error_label;
  GtkListBox   *identity_list;
  AdwPreferencesGroup *tiers_group;
  GtkListBox   *tiers_list;
  GtkWidget    *timeline_card;
  TiduChartView *timeline_view;
  AdwPreferencesGroup *certs_group;
  GtkListBox   *certs_list;
  AdwPreferencesGroup *years_group;
  GtkGrid      *years_grid;
  GtkListBox   *stays_list;
  GtkWidget    *attraction_group;
  GtkListBox   *attraction_list;
  GtkWidget    *contact_group;
  GtkListBox   *contact_list;
  GtkWidget    *notes_group;
  GtkLabel     *notes_label;

  /* Owned references */
  GSettings    *settings;
  TiduDatabase *database;
  char         *firm_id;
  TiduFirm     *firm;
  TiduVocabCache vocabs;
};

G_DEFINE_FINAL_TYPE (TiduFirmDetail, tidu_firm_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint signals[TIDU_DETAIL_N_SIGNALS];

/* ------------------------------------------------------------------ helpers */

static const char *
vocab_label (TiduFirmDetail *self,
             TiduVocabulary  vocabulary,
             const char     *code)
{
  return tidu_vocab_cache_label (&self->vocabs, self->database, vocabulary, code);
}

static char *
tier_label (TiduFirmDetail *self,
            const char     *tier,
            const char     *level)
{
  const char *name = vocab_label (self, TIDU_VOCABULARY_TIER, tier);

  if (level == NULL)
    return g_strdup (name);
  /* Translators: a tier with its level, such as "Gazelle enterprise (Provincial)" */
  return g_strdup_printf (_("%s (%s)"), name, vocab_label (self, TIDU_VOCABULARY_LEVEL, level));
}

static void
add_date_row (GtkListBox  *list,
              const char  *title,
              const GDate *date,
              gboolean     always)
{
  g_autofree char *text = tidu_form_format_date (date);

  if (always)
    tidu_detail_add_value_row (list, title, text);
  else
    tidu_detail_add_value_row_if_set (list, title, text);
}

static void
show_error (TiduFirmDetail *self,
            const GError   *error)
{
  tidu_form_set_error_label (self->error_label, error != NULL ? error->message : NULL);
}

/* ------------------------------------------------------------------ sections */

static void
fill_identity (TiduFirmDetail *self)
{
  const TiduFirm *firm = self->firm;
  g_autoptr(TiduRegion) region = NULL;
  g_autofree char *uscc = NULL;

  if (firm->region_id != NULL)
    region = tidu_region_load (self->database, firm->region_id, NULL);
  if (firm->uscc != NULL && firm->uscc_override)
    /* Translators: a credit code kept although its check character does not match */
    uscc = g_strdup_printf (_("%s (check character confirmed against the licence)"), firm->uscc);
  else
    uscc = g_strdup (firm->uscc);

  tidu_detail_clear_list (self->identity_list);
  tidu_detail_add_value_row (self->identity_list, _("Unified social credit code"), uscc);
  tidu_detail_add_value_row (self->identity_list, _("Region"), region != NULL ? region->name : NULL);
  tidu_detail_add_value_row (self->identity_list, _("Industry"), firm->industry);
  tidu_detail_add_value_row (self->identity_list, _("High-tech field"),
                 vocab_label (self, TIDU_VOCABULARY_TECH_FIELD, firm->tech_field));
  add_date_row (self->identity_list, _("Founded"), &firm->founded_on, TRUE);
  tidu_detail_add_value_row_if_set (self->identity_list, _("Address"), firm->address);
  tidu_detail_add_value_row_if_set (self->identity_list, _("Legal representative"), firm->legal_person);
}

/* The tier history as a chart above the same history in words (kept for screen readers). */
static void
fill_timeline (TiduFirmDetail *self,
               const GDate    *now,
               gboolean        any)
{
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GPtrArray) certifications = NULL;
  g_autoptr(TiduChartData) data = NULL;

  gtk_widget_set_visible (self->timeline_card, any);
  if (!any)
    {
      tidu_chart_view_set_data (self->timeline_view, NULL);
      return;
    }
  tiers = tidu_vocabulary_list (self->database, TIDU_VOCABULARY_TIER, NULL);
  certifications = tidu_firm_list_certifications (self->database, self->firm->id, NULL);
  if (tiers == NULL || certifications == NULL)
    {
      gtk_widget_set_visible (self->timeline_card, FALSE);
      return;
    }
  data = tidu_chart_data_from_certifications (tiers, certifications, self->firm->name, now);
  tidu_chart_view_set_data (self->timeline_view, data);
}

static char *
fill_tiers (TiduFirmDetail *self)
{
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autofree char *description = NULL;
  GDate now;

  tidu_ui_today (&now);
  tidu_detail_clear_list (self->tiers_list);
  if (!tidu_firm_tier_on (self->database, self->firm->id, &now, &current, &error))
    {
      show_error (self, error);
      g_clear_error (&error);
    }
  if (current != NULL)
    description = g_strdup_printf (_("Current tier: %s"), vocab_label (self, TIDU_VOCABULARY_TIER, current));
  else
    description = g_strdup (_("The firm holds no tier today."));
  adw_preferences_group_set_description (self->tiers_group, description);

  spans = tidu_firm_tier_timeline (self->database, self->firm->id, &error);
  if (spans == NULL)
    show_error (self, error);
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const TiduTierSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *title = tier_label (self, span->tier, span->level);
      g_autofree char *from = tidu_date_to_iso (&span->from);
      g_autofree char *until = tidu_form_format_date (&span->until);
      g_autofree char *subtitle = NULL;

      if (until != NULL)
        /* Translators: the first and last day a tier was held */
        subtitle = g_strdup_printf (_("%s to %s"), from, until);
      else
        /* Translators: a tier held from a day, with no end */
        subtitle = g_strdup_printf (_("%s to open"), from);
      tidu_detail_add_row (self->tiers_list, title, subtitle);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tiers_list), spans != NULL && spans->len > 0);
  fill_timeline (self, &now, spans != NULL && spans->len > 0);

  return current != NULL ? g_strdup (vocab_label (self, TIDU_VOCABULARY_TIER, current)) : NULL;
}

static void
fill_certifications (TiduFirmDetail *self)
{
  g_autoptr(GPtrArray) certifications = NULL;
  g_autoptr(GError) error = NULL;

  tidu_detail_clear_list (self->certs_list);
  certifications = tidu_firm_list_certifications (self->database, self->firm->id, &error);
  if (certifications == NULL)
    show_error (self, error);
  for (guint i = 0; certifications != NULL && i < certifications->len; i++)
    {
      const TiduCertification *certification = g_ptr_array_index (certifications, i);
      g_autofree char *title = tier_label (self, certification->tier, certification->level);
      g_autofree char *certified = tidu_date_to_iso (&certification->certified_on);
      g_autofree char *until = tidu_form_format_date (&certification->valid_until);
      g_autofree char *revoked = tidu_form_format_date (&certification->revoked_on);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row;

      g_string_append_printf (subtitle, _("Certified %s"), certified);
      g_string_append (subtitle, " · ");
      if (until != NULL)
        g_string_append_printf (subtitle, _("valid until %s"), until);
      else
        g_string_append (subtitle, _("valid until revoked"));
      if (revoked != NULL)
        {
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("revoked %s"), revoked);
        }
      if (certification->certificate_no != NULL)
        {
          g_string_append (subtitle, " · ");
          g_string_append (subtitle, certification->certificate_no);
        }
      row = tidu_detail_add_row (self->certs_list, title, subtitle->str);
      tidu_detail_add_row_button (row, "document-edit-symbolic", _("Edit Certification"),
                       "firm.edit-certification", certification->id);
      tidu_detail_add_row_button (row, "user-trash-symbolic", _("Delete Certification"),
                       "firm.delete-certification", certification->id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->certs_list), certifications != NULL && certifications->len > 0);
  adw_preferences_group_set_description (self->certs_group,
                                         certifications != NULL && certifications->len > 0
                                         ? NULL : _("No certifications recorded."));
}

static char *
format_count (gint64 value)
{
  return TIDU_IS_SET (value) ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;
}

static void
fill_years (TiduFirmDetail *self)
{
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  TiduMoneyUnit unit = (TiduMoneyUnit) g_settings_get_enum (self->settings, "display-unit");
  const char *unit_label = tidu_money_unit_label (unit);

  tidu_detail_clear_grid (self->years_grid);

  years = tidu_firm_list_years (self->database, self->firm->id, &error);
  if (years == NULL)
    show_error (self, error);
  gtk_widget_set_visible (GTK_WIDGET (self->years_group), years != NULL && years->len > 0);
  if (years == NULL || years->len == 0)
    return;

  /* Translators: the money unit of the yearly indicators, such as "Amounts in 10k yuan" */
  description = g_strdup_printf (_("Amounts in %s"), unit_label);
  adw_preferences_group_set_description (self->years_group, description);
  tidu_detail_attach_cell (self->years_grid, _("Year"), 0, 0, TRUE);
  tidu_detail_attach_cell (self->years_grid, _("Revenue"), 1, 0, TRUE);
  tidu_detail_attach_cell (self->years_grid, _("R&D expense"), 2, 0, TRUE);
  tidu_detail_attach_cell (self->years_grid, _("Staff"), 3, 0, TRUE);
  tidu_detail_attach_cell (self->years_grid, _("Tech staff"), 4, 0, TRUE);
  /* Translators: Class I and class II intellectual property, as counted for 高企 */
  tidu_detail_attach_cell (self->years_grid, _("IP (I/II)"), 5, 0, TRUE);

  for (guint i = 0; i < years->len; i++)
    {
      const TiduFirmYear *year = g_ptr_array_index (years, i);
      g_autofree char *year_text = g_strdup_printf ("%d", year->year);
      g_autofree char *revenue = TIDU_IS_SET (year->revenue) ? tidu_money_format (year->revenue, unit) : NULL;
      g_autofree char *rd = TIDU_IS_SET (year->rd_expense) ? tidu_money_format (year->rd_expense, unit) : NULL;
      g_autofree char *staff = format_count (year->staff);
      g_autofree char *tech_staff = format_count (year->tech_staff);
      g_autofree char *ip1 = format_count (year->ip_class1);
      g_autofree char *ip2 = format_count (year->ip_class2);
      g_autofree char *ip = ip1 != NULL || ip2 != NULL
                            ? g_strdup_printf ("%s / %s", ip1 != NULL ? ip1 : "—", ip2 != NULL ? ip2 : "—")
                            : NULL;
      int row = (int) i + 1;

      tidu_detail_attach_cell (self->years_grid, year_text, 0, row, FALSE);
      tidu_detail_attach_cell (self->years_grid, revenue, 1, row, FALSE);
      tidu_detail_attach_cell (self->years_grid, rd, 2, row, FALSE);
      tidu_detail_attach_cell (self->years_grid, staff, 3, row, FALSE);
      tidu_detail_attach_cell (self->years_grid, tech_staff, 4, row, FALSE);
      tidu_detail_attach_cell (self->years_grid, ip, 5, row, FALSE);
    }
}

static void
fill_stays (TiduFirmDetail *self)
{
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(GError) error = NULL;

  tidu_detail_clear_list (self->stays_list);
  stays = tidu_firm_list_stays (self->database, self->firm->id, &error);
  if (stays == NULL)
    show_error (self, error);
  for (guint i = 0; stays != NULL && i < stays->len; i++)
    {
      const TiduStay *stay = g_ptr_array_index (stays, i);
      g_autoptr(TiduCarrier) carrier = tidu_carrier_load (self->database, stay->carrier_id, NULL);
      g_autofree char *entered = tidu_date_to_iso (&stay->entered_on);
      g_autofree char *left = tidu_form_format_date (&stay->left_on);
      g_autofree char *subtitle = NULL;

      if (left != NULL)
        /* Translators: a stay in a carrier: entered, left, and how it ended (Graduated, Left) */
        subtitle = g_strdup_printf (_("Moved in %s · %s %s"), entered,
                                    vocab_label (self, TIDU_VOCABULARY_STAY_OUTCOME, stay->outcome), left);
      else
        subtitle = g_strdup_printf (_("Moved in %s · still there"), entered);
      tidu_detail_add_row (self->stays_list, carrier != NULL ? carrier->name : stay->carrier_id, subtitle);
    }
  if (stays == NULL || stays->len == 0)
    tidu_detail_add_row (self->stays_list, _("Not in a carrier"), NULL);
}

static void
fill_attraction_and_contact (TiduFirmDetail *self)
{
  const TiduFirm *firm = self->firm;

  tidu_detail_clear_list (self->attraction_list);
  tidu_detail_add_value_row_if_set (self->attraction_list, _("Channel"), firm->attraction_channel);
  tidu_detail_add_value_row_if_set (self->attraction_list, _("Stage"),
                 vocab_label (self, TIDU_VOCABULARY_ATTRACTION_STAGE, firm->attraction_stage));
  add_date_row (self->attraction_list, _("Lead received"), &firm->lead_on, FALSE);
  add_date_row (self->attraction_list, _("Signed"), &firm->signed_on, FALSE);
  add_date_row (self->attraction_list, _("Landed"), &firm->landed_on, FALSE);
  tidu_detail_add_value_row_if_set (self->attraction_list, _("Responsible officer"), firm->officer);
  gtk_widget_set_visible (self->attraction_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->attraction_list)) != NULL);

  tidu_detail_clear_list (self->contact_list);
  tidu_detail_add_value_row_if_set (self->contact_list, _("Contact person"), firm->contact_name);
  tidu_detail_add_value_row_if_set (self->contact_list, _("Phone"), firm->contact_phone);
  tidu_detail_add_value_row_if_set (self->contact_list, _("Email"), firm->contact_email);
  gtk_widget_set_visible (self->contact_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->contact_list)) != NULL);

  gtk_label_set_text (self->notes_label, firm->notes != NULL ? firm->notes : "");
  gtk_widget_set_visible (self->notes_group, firm->notes != NULL);
}

/**
 * tidu_firm_detail_reload:
 *
 * Reads the firm again from the database.
 */
void
tidu_firm_detail_reload (TiduFirmDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  gboolean live;

  g_return_if_fail (TIDU_IS_FIRM_DETAIL (self));

  g_clear_pointer (&self->firm, tidu_firm_free);
  show_error (self, NULL);
  if (self->database != NULL && self->firm_id != NULL)
    self->firm = tidu_firm_load (self->database, self->firm_id, &error);

  /* A received snapshot is only browsed. */
  live = self->firm != NULL && self->firm->deleted_at == NULL && tidu_ui_can_write (self->database);
  tidu_detail_set_actions_enabled (GTK_WIDGET (self), live, "firm.edit", "firm.add-certification",
                                   "firm.delete", "firm.move", "firm.edit-certification",
                                   "firm.delete-certification", NULL);

  if (self->firm == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->summary_label, "");
      tidu_detail_clear_list (self->identity_list);
      tidu_detail_clear_list (self->tiers_list);
      tidu_detail_clear_list (self->certs_list);
      tidu_detail_clear_list (self->stays_list);
      tidu_detail_clear_list (self->attraction_list);
      tidu_detail_clear_list (self->contact_list);
      if (error != NULL)
        show_error (self, error);
      return;
    }

  gtk_label_set_text (self->title_label, self->firm->name);
  gtk_label_set_text (self->name_label, self->firm->name);
  fill_identity (self);
  current = fill_tiers (self);
  fill_certifications (self);
  fill_years (self);
  fill_stays (self);
  fill_attraction_and_contact (self);

  g_string_append (summary, current != NULL ? current : _("No tier"));
  if (self->firm->uscc != NULL)
    g_string_append_printf (summary, " · %s", self->firm->uscc);
  if (self->firm->deleted_at != NULL)
    g_string_append_printf (summary, " · %s", _("In the trash"));
  gtk_label_set_text (self->summary_label, summary->str);
}

static void
changed (TiduFirmDetail *self)
{
  tidu_firm_detail_reload (self);
  g_signal_emit (self, signals[TIDU_DETAIL_CHANGED], 0);
}

/* ------------------------------------------------------------------ undo */

static char *
many_firms (guint n)
{
  return g_strdup_printf (ngettext ("%u firm moved to the trash", "%u firms moved to the trash", n), n);
}

static char *
many_certifications (guint n)
{
  return g_strdup_printf (ngettext ("%u certification deleted", "%u certifications deleted", n), n);
}

static void
undone (GObject *object)
{
  changed (TIDU_FIRM_DETAIL (object));
}

/**
 * tidu_firm_detail_delete_firm:
 * @firm_id: the firm to move to the trash; need not be the one shown
 *
 * Moves the firm to the trash and shows a toast that offers to undo it, in the toast overlay
 * around this page. Emits #TiduFirmDetail::deleted and #TiduFirmDetail::changed.
 *
 * Returns: %TRUE when the firm went to the trash
 */
gboolean
tidu_firm_detail_delete_firm (TiduFirmDetail *self,
                              const char     *firm_id)
{
  g_autoptr(TiduFirm) firm = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (firm_id);

  g_return_val_if_fail (TIDU_IS_FIRM_DETAIL (self), FALSE);
  g_return_val_if_fail (firm_id != NULL, FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  firm = tidu_firm_load (self->database, id, &error);
  if (firm == NULL || !tidu_firm_delete (self->database, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The firm was not moved to the trash. %s"), error->message);

      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (message));
      return FALSE;
    }

  if (g_strcmp0 (id, self->firm_id) == 0)
    tidu_firm_detail_reload (self);
  tidu_detail_trashed (GTK_WIDGET (self), self->database, id, firm->name, many_firms, tidu_firm_restore, undone);
  return TRUE;
}

/* ------------------------------------------------------------------ actions */

static void
editor_saved_cb (TiduFirmDetail *self,
                 const char     *id)
{
  changed (self);
}

static void
editor_open_firm_cb (TiduFirmDetail *self,
                     const char     *id)
{
  tidu_firm_detail_set_firm_id (self, id);
  g_signal_emit (self, signals[TIDU_DETAIL_CHANGED], 0);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (widget);
  TiduFirmEditor *editor;

  if (self->firm == NULL)
    return;
  editor = tidu_firm_editor_new (tidu_ui_get_window (widget), self->database, self->firm->id);
  g_signal_connect_object (editor, "open-firm", G_CALLBACK (editor_open_firm_cb), self, G_CONNECT_SWAPPED);
  tidu_detail_present (widget, editor, G_CALLBACK (editor_saved_cb));
}

static void
open_certification_editor (TiduFirmDetail *self,
                           const char     *certification_id)
{
  if (self->firm != NULL)
    tidu_detail_present (GTK_WIDGET (self),
                         tidu_certification_editor_new (tidu_ui_get_window (GTK_WIDGET (self)), self->database, self->firm->id, certification_id),
                         G_CALLBACK (editor_saved_cb));
}

/* Adds one (no target) or edits one (the id). */
static void
certification_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_certification_editor (TIDU_FIRM_DETAIL (widget), tidu_detail_action_target (parameter));
}

static void
delete_certification_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(TiduCertification) certification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  certification = tidu_certification_load (self->database, id, &error);
  if (certification == NULL || !tidu_certification_delete (self->database, id, &error))
    {
      show_error (self, error);
      return;
    }
  label = tier_label (self, certification->tier, certification->level);
  /* Translators: a toast after deleting a certification, such as "High-tech enterprise certification deleted" */
  title = g_strdup_printf (_("%s certification deleted"), label);
  tidu_undo_offer_restore (GTK_WIDGET (self), self->database, title, many_certifications,
                           tidu_certification_restore, id, G_OBJECT (self), undone);
  changed (self);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (widget);

  if (self->firm_id != NULL)
    tidu_firm_detail_delete_firm (self, self->firm_id);
}

static void
moved_cb (TiduFirmDetail *self,
          const char     *carrier_id)
{
  changed (self);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (widget);
  TiduMoveDialog *dialog;

  if (self->firm == NULL)
    return;
  dialog = tidu_move_dialog_new (tidu_ui_get_window (GTK_WIDGET (self)), self->database, self->firm->id);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
display_unit_changed_cb (TiduFirmDetail *self)
{
  if (self->firm != NULL)
    fill_years (self);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_firm_detail_constructed (GObject *object)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (object);

  G_OBJECT_CLASS (tidu_firm_detail_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (BASE_ID);
  g_signal_connect_object (self->settings, "changed::display-unit",
                           G_CALLBACK (display_unit_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
tidu_firm_detail_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (object);

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
tidu_firm_detail_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (object);

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
tidu_firm_detail_dispose (GObject *object)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (object);

  tidu_detail_dispose (GTK_WIDGET (self), TIDU_TYPE_FIRM_DETAIL);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  tidu_vocab_cache_clear (&self->vocabs);

  G_OBJECT_CLASS (tidu_firm_detail_parent_class)->dispose (object);
}

static void
tidu_firm_detail_finalize (GObject *object)
{
  TiduFirmDetail *self = TIDU_FIRM_DETAIL (object);

  g_clear_pointer (&self->firm_id, g_free);
  g_clear_pointer (&self->firm, tidu_firm_free);

  G_OBJECT_CLASS (tidu_firm_detail_parent_class)->finalize (object);
}

static void
tidu_firm_detail_class_init (TiduFirmDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tidu_firm_detail_constructed;
  object_class->set_property = tidu_firm_detail_set_property;
  object_class->get_property = tidu_firm_detail_get_property;
  object_class->dispose = tidu_firm_detail_dispose;
  object_class->finalize = tidu_firm_detail_finalize;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TIDU_TYPE_CHART_VIEW);
  /* "changed": a firm, certification or stay was saved, deleted or restored */
  tidu_detail_class_setup (widget_class, RESOURCE_BASE "/ui/tidu-firm-detail.ui", signals);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, identity_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, tiers_group);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, tiers_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, timeline_card);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, certs_group);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, certs_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, years_group);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, years_grid);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, stays_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, attraction_group);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, attraction_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, contact_group);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, contact_list);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, notes_group);
  gtk_widget_class_bind_template_child (widget_class, TiduFirmDetail, notes_label);

  tidu_detail_class_add_actions (widget_class, "firm", "undo-delete", edit_activated, delete_activated);
  gtk_widget_class_install_action (widget_class, "firm.add-certification", NULL, certification_activated);
  gtk_widget_class_install_action (widget_class, "firm.edit-certification", "s", certification_activated);
  gtk_widget_class_install_action (widget_class, "firm.delete-certification", "s", delete_certification_activated);
  gtk_widget_class_install_action (widget_class, "firm.move", NULL, move_activated);
}

static void
tidu_firm_detail_init (TiduFirmDetail *self)
{
  tidu_detail_init (GTK_WIDGET (self));
  tidu_firm_detail_reload (self);
}

/* ------------------------------------------------------------------ public API */

/**
 * tidu_firm_detail_new:
 * @settings: (nullable): the application's settings, for the money display unit
 */
GtkWidget *
tidu_firm_detail_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (TIDU_TYPE_FIRM_DETAIL, "settings", settings, NULL);
}

TiduDatabase *
tidu_firm_detail_get_database (TiduFirmDetail *self)
{
  g_return_val_if_fail (TIDU_IS_FIRM_DETAIL (self), NULL);
  return self->database;
}

void
tidu_firm_detail_set_database (TiduFirmDetail *self,
                               TiduDatabase   *database)
{
  g_return_if_fail (TIDU_IS_FIRM_DETAIL (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  tidu_vocab_cache_clear (&self->vocabs);
  g_clear_pointer (&self->firm_id, g_free);
  tidu_firm_detail_reload (self);
}

const char *
tidu_firm_detail_get_firm_id (TiduFirmDetail *self)
{
  g_return_val_if_fail (TIDU_IS_FIRM_DETAIL (self), NULL);
  return self->firm_id;
}

void
tidu_firm_detail_set_firm_id (TiduFirmDetail *self,
                              const char     *firm_id)
{
  g_return_if_fail (TIDU_IS_FIRM_DETAIL (self));

  if (firm_id != self->firm_id)
    {
      g_free (self->firm_id);
      self->firm_id = g_strdup (firm_id);
    }
  tidu_firm_detail_reload (self);
}
