/* tidu-talent-detail.c: one talent with its awards under talent plans
 *
 * The Talents place shows this page when a talent is activated. It reads the talent and its
 * awards from the core each time it is shown or changed, opens the editors, and deletes
 * softly: the talent goes to the trash with a toast whose Undo (or Ctrl+Z) restores it. The
 * core refuses to delete a talent that awards still name; the page then says why.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tidu-award-editor.h"
#include "tidu-detail-util.h"
#include "tidu-form-util.h"
#include "tidu-talent-editor.h"
#include "tidu-undo.h"

#include "tidu-talent-detail.h"
#include "tidu-ui-util.h"

struct _TiduTalentDetail
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkLabel     *title_label;
  GtkLabel     *name_label;
  GtkLabel     *summary_label;
  GtkLabel     *error_label;
  GtkListBox   *details_list;
  GtkListBox   *contact_list;
  GtkWidget    *awards_group;
  GtkListBox   *awards_list;

  TiduDatabase *database;
  char         *talent_id;
  TiduTalent   *talent;
};

G_DEFINE_FINAL_TYPE (TiduTalentDetail, tidu_talent_detail, GTK_TYPE_WIDGET)

static guint signals[TIDU_DETAIL_N_SIGNALS];

static void
show_error (TiduTalentDetail *self,
            const char       *message)
{
  tidu_form_set_error_label (self->error_label, message);
}

static void
fill_awards (TiduTalentDetail *self)
{
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(GError) error = NULL;

  tidu_detail_clear_list (self->awards_list);
  awards = tidu_talent_list_awards (self->database, self->talent->id, &error);
  if (awards == NULL)
    show_error (self, error->message);
  for (guint i = 0; awards != NULL && i < awards->len; i++)
    {
      const TiduTalentAward *award = g_ptr_array_index (awards, i);
      g_autoptr(TiduTalentPlan) plan = tidu_talent_plan_load (self->database, award->plan_id, NULL);
      g_autofree char *subtitle = _tidu_award_describe (self->database, award, TRUE);
      g_autoptr(GString) title = g_string_new (plan != NULL ? plan->name : award->plan_id);
      GtkWidget *row;

      if (award->category_name != NULL)
        g_string_append_printf (title, " · %s", award->category_name);
      if (award->team_name != NULL)
        g_string_append_printf (title, " · %s", award->team_name);
      if (g_strcmp0 (award->talent_id, self->talent->id) != 0)
        /* Translators: the talent is a member of a team led by another talent */
        g_string_append_printf (title, " · %s", _("team member"));
      row = tidu_detail_add_row (self->awards_list, title->str, subtitle);
      tidu_detail_add_row_button (row, "document-edit-symbolic", _("Edit Award"), "talent.edit-award", award->id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->awards_list), awards != NULL && awards->len > 0);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->awards_group),
                                         awards != NULL && awards->len > 0
                                         ? NULL : _("No awards recorded."));
}

void
tidu_talent_detail_reload (TiduTalentDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduFirm) firm = NULL;
  g_autoptr(TiduRegion) region = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *birth = NULL;
  const char *gender = NULL;
  gboolean live;

  g_return_if_fail (TIDU_IS_TALENT_DETAIL (self));

  g_clear_pointer (&self->talent, tidu_talent_free);
  show_error (self, NULL);
  if (self->database != NULL && self->talent_id != NULL)
    self->talent = tidu_talent_load (self->database, self->talent_id, &error);

  /* A received snapshot is only browsed. */
  live = self->talent != NULL && self->talent->deleted_at == NULL && tidu_ui_can_write (self->database);
  tidu_detail_set_actions_enabled (GTK_WIDGET (self), live, "talent.edit", "talent.add-award", "talent.delete",
                                   "talent.edit-award", NULL);

  tidu_detail_clear_list (self->details_list);
  tidu_detail_clear_list (self->contact_list);
  tidu_detail_clear_list (self->awards_list);
  if (self->talent == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->summary_label, "");
      if (error != NULL)
        show_error (self, error->message);
      return;
    }

  if (self->talent->firm_id != NULL)
    firm = tidu_firm_load (self->database, self->talent->firm_id, NULL);
  if (self->talent->region_id != NULL)
    region = tidu_region_load (self->database, self->talent->region_id, NULL);
  if (g_strcmp0 (self->talent->gender, "female") == 0)
    gender = _("Female");
  else if (g_strcmp0 (self->talent->gender, "male") == 0)
    gender = _("Male");
  if (TIDU_IS_SET (self->talent->birth_year))
    birth = g_strdup_printf ("%" G_GINT64_FORMAT, self->talent->birth_year);

  gtk_label_set_text (self->title_label, self->talent->name);
  gtk_label_set_text (self->name_label, self->talent->name);
  tidu_detail_add_value_row (self->details_list, _("Gender"), gender);
  tidu_detail_add_value_row (self->details_list, _("Birth year"), birth);
  tidu_detail_add_value_row (self->details_list, _("Degree"), self->talent->degree);
  tidu_detail_add_value_row (self->details_list, _("Title"), self->talent->title);
  tidu_detail_add_value_row (self->details_list, _("Field"), self->talent->field);
  tidu_detail_add_value_row (self->details_list, _("Firm"), firm != NULL ? firm->name : NULL);
  tidu_detail_add_value_row (self->details_list, _("Region"), region != NULL ? region->name : NULL);
  tidu_detail_add_value_row (self->contact_list, _("Phone"), self->talent->contact_phone);
  tidu_detail_add_value_row (self->contact_list, _("Email"), self->talent->contact_email);
  tidu_detail_add_value_row (self->contact_list, _("Notes"), self->talent->notes);
  fill_awards (self);

  if (self->talent->degree != NULL)
    g_string_append (summary, self->talent->degree);
  if (self->talent->title != NULL)
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", self->talent->title);
  if (firm != NULL)
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", firm->name);
  if (self->talent->deleted_at != NULL)
    g_string_append_printf (summary, "%s%s", summary->len > 0 ? " · " : "", _("In the trash"));
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary->len > 0);
}

static void
changed (TiduTalentDetail *self)
{
  tidu_talent_detail_reload (self);
  g_signal_emit (self, signals[TIDU_DETAIL_CHANGED], 0);
}

static void
undone (GObject *object)
{
  changed (TIDU_TALENT_DETAIL (object));
}

static char *
many_talents (guint n)
{
  return g_strdup_printf (ngettext ("%u talent moved to the trash", "%u talents moved to the trash", n), n);
}

/**
 * tidu_talent_detail_delete_talent:
 * @talent_id: the talent to move to the trash; need not be the one shown
 *
 * Moves the talent to the trash and offers to undo it; the core refuses while awards name
 * the talent, and the page shows why.
 *
 * Returns: %TRUE when the talent went to the trash
 */
gboolean
tidu_talent_detail_delete_talent (TiduTalentDetail *self,
                                  const char       *talent_id)
{
  g_autoptr(TiduTalent) talent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (talent_id);

  g_return_val_if_fail (TIDU_IS_TALENT_DETAIL (self), FALSE);
  g_return_val_if_fail (talent_id != NULL, FALSE);
  g_return_val_if_fail (self->database != NULL, FALSE);

  talent = tidu_talent_load (self->database, id, &error);
  if (talent == NULL || !tidu_talent_delete (self->database, id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The talent was not moved to the trash. %s"), error->message);

      show_error (self, message);
      tidu_form_show_toast (GTK_WIDGET (self), tidu_form_toast_new (message));
      return FALSE;
    }

  /* The Talents place goes back to the list on "deleted"; the page keeps showing the record
   * until then, and Undo reloads it. */
  tidu_detail_trashed (GTK_WIDGET (self), self->database, id, talent->name, many_talents, tidu_talent_restore, undone);
  return TRUE;
}

/* ------------------------------------------------------------------ actions */

static void
saved_cb (TiduTalentDetail *self,
          const char       *id)
{
  changed (self);
}

static void
edit_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiduTalentDetail *self = TIDU_TALENT_DETAIL (widget);

  if (self->talent != NULL)
    tidu_detail_present (widget, tidu_talent_editor_new (tidu_ui_get_window (widget), self->database, self->talent->id),
                         G_CALLBACK (saved_cb));
}

static void
open_award_editor (TiduTalentDetail *self,
                   const char       *award_id)
{
  if (self->talent != NULL)
    tidu_detail_present (GTK_WIDGET (self),
                         tidu_award_editor_new (tidu_ui_get_window (GTK_WIDGET (self)), self->database, award_id, NULL,
                                                award_id == NULL ? self->talent->id : NULL),
                         G_CALLBACK (saved_cb));
}

/* Adds one (no target) or edits one (the id). */
static void
award_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_award_editor (TIDU_TALENT_DETAIL (widget), tidu_detail_action_target (parameter));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiduTalentDetail *self = TIDU_TALENT_DETAIL (widget);

  if (self->talent_id != NULL)
    tidu_talent_detail_delete_talent (self, self->talent_id);
}

/* ------------------------------------------------------------------ GObject */

static void
tidu_talent_detail_dispose (GObject *object)
{
  TiduTalentDetail *self = TIDU_TALENT_DETAIL (object);

  tidu_detail_dispose (GTK_WIDGET (self), TIDU_TYPE_TALENT_DETAIL);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (tidu_talent_detail_parent_class)->dispose (object);
}

static void
tidu_talent_detail_finalize (GObject *object)
{
  TiduTalentDetail *self = TIDU_TALENT_DETAIL (object);

  g_clear_pointer (&self->talent_id, g_free);
  g_clear_pointer (&self->talent, tidu_talent_free);

  G_OBJECT_CLASS (tidu_talent_detail_parent_class)->finalize (object);
}

static void
tidu_talent_detail_class_init (TiduTalentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tidu_talent_detail_dispose;
  object_class->finalize = tidu_talent_detail_finalize;

  tidu_detail_class_setup (widget_class, RESOURCE_BASE "/ui/tidu-talent-detail.ui", signals);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, details_list);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, contact_list);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, awards_group);
  gtk_widget_class_bind_template_child (widget_class, TiduTalentDetail, awards_list);

  tidu_detail_class_add_actions (widget_class, "talent", "undo", edit_activated, delete_activated);
  gtk_widget_class_install_action (widget_class, "talent.add-award", NULL, award_activated);
  gtk_widget_class_install_action (widget_class, "talent.edit-award", "s", award_activated);
}

static void
tidu_talent_detail_init (TiduTalentDetail *self)
{
  tidu_detail_init (GTK_WIDGET (self));
  tidu_talent_detail_reload (self);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
tidu_talent_detail_new (void)
{
  return g_object_new (TIDU_TYPE_TALENT_DETAIL, NULL);
}

TiduDatabase *
tidu_talent_detail_get_database (TiduTalentDetail *self)
{
  g_return_val_if_fail (TIDU_IS_TALENT_DETAIL (self), NULL);
  return self->database;
}

void
tidu_talent_detail_set_database (TiduTalentDetail *self,
                                 TiduDatabase     *database)
{
  g_return_if_fail (TIDU_IS_TALENT_DETAIL (self));
  g_return_if_fail (database == NULL || TIDU_IS_DATABASE (database));

  if (!g_set_object (&self->database, database))
    return;
  g_clear_pointer (&self->talent_id, g_free);
  tidu_talent_detail_reload (self);
}

const char *
tidu_talent_detail_get_talent_id (TiduTalentDetail *self)
{
  g_return_val_if_fail (TIDU_IS_TALENT_DETAIL (self), NULL);
  return self->talent_id;
}

void
tidu_talent_detail_set_talent_id (TiduTalentDetail *self,
                                  const char       *talent_id)
{
  g_return_if_fail (TIDU_IS_TALENT_DETAIL (self));

  if (talent_id != self->talent_id)
    {
      g_free (self->talent_id);
      self->talent_id = g_strdup (talent_id);
    }
  tidu_talent_detail_reload (self);
}

const char *
tidu_talent_detail_get_error (TiduTalentDetail *self)
{
  g_return_val_if_fail (TIDU_IS_TALENT_DETAIL (self), NULL);
  return tidu_form_get_error_label (self->error_label);
}
