/* test-talents-page.c: the Talents place: its two views, the plan, category, batch, talent
 * and award editors, the plan page's figures and deleting with Undo, driven as an officer
 * would over real databases in temporary folders
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-award-editor.h"
#include "tidu-plan-detail.h"
#include "tidu-plan-editor.h"
#include "tidu-record-picker.h"
#include "tidu-talent-detail.h"
#include "tidu-talent-editor.h"
#include "tidu-talents-page.h"

#include "ui-test-utils.h"

/* Seeded: 江苏省“双创计划” and its first category. */
#define SHUANGCHUANG "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01"
#define SHUANGCHUANG_CATEGORY "6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f01"
#define DISTRICT_PLAN "红韵海州英才计划（2025年版）"

typedef struct
{
  char         *dir;
  TiduDatabase *database;
  GtkWidget    *window;
  GtkWidget    *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->dir = tidu_test_make_dir ();
  path = g_build_filename (fixture->dir, "tidu.db", NULL);
  fixture->database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  fixture->page = tidu_talents_page_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), fixture->page);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  tidu_talents_page_set_database (TIDU_TALENTS_PAGE (fixture->page), fixture->database);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  tidu_test_destroy_toplevels ();
  g_clear_object (&fixture->database);
  tidu_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_row (GtkWidget  *root,
         const char *title)
{
  GtkWidget *row = find_row (root, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  return row;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_text (GtkWidget  *root,
          const char *title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_row (root, title)), text);
}

static const char *
row_message (GtkWidget *row)
{
  GtkWidget *message = g_object_get_data (G_OBJECT (row), "tidu-form-message");

  if (message == NULL || !gtk_widget_get_visible (message))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message));
}

/* Picks the entry labelled @label in a searchable choice row. */
static void
pick (GtkWidget  *root,
      const char *title,
      const char *label)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (get_row (root, title)), "tidu-dropdown");
  TiduRecordPicker *picker = g_object_get_data (G_OBJECT (get_row (root, title)), "tidu-picker");
  GListModel *model;

  /* A searchable picker (firms): type the name, pick the match. */
  if (picker != NULL)
    {
      model = tidu_record_picker_get_matches (picker);
      gtk_editable_set_text (tidu_record_picker_get_entry (picker), label);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
          {
            tidu_record_picker_pick (picker, i);
            return;
          }
      g_error ("No match “%s” in “%s”", label, title);
    }

  model = gtk_drop_down_get_model (drop_down);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }
  g_error ("No choice “%s” in “%s”", label, title);
}

static void
saved_cb (GtkWidget  *editor,
          const char *id,
          char      **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static char *
insert_firm (TiduDatabase *database,
             const char   *name)
{
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GError) error = NULL;

  firm->name = g_strdup (name);
  tidu_firm_save (database, firm, &error);
  g_assert_no_error (error);
  return g_strdup (firm->id);
}

static char *
insert_talent (TiduDatabase *database,
               const char   *name)
{
  g_autoptr(TiduTalent) talent = tidu_talent_new ();
  g_autoptr(GError) error = NULL;

  talent->name = g_strdup (name);
  tidu_talent_save (database, talent, &error);
  g_assert_no_error (error);
  return g_strdup (talent->id);
}

static char *
add_plan (Fixture *fixture)
{
  TiduPlanEditor *editor;
  g_autofree char *id = NULL;
  GtkWidget *root;

  editor = tidu_plan_editor_new (GTK_WINDOW (fixture->window), fixture->database, NULL);
  root = GTK_WIDGET (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (tidu_plan_editor_get_can_save (editor));

  set_text (root, "_Name", DISTRICT_PLAN);
  set_text (root, "_Issued by", "海州区人才工作领导小组");
  set_text (root, "Region _name as the plan writes it", "连云港市海州区");
  TIDU_TEST_WAIT_FOR (tidu_plan_editor_get_can_save (editor));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (id);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_PLAN_EDITOR) == NULL);
  return g_steal_pointer (&id);
}

static void
test_views (Fixture       *fixture,
            gconstpointer  data)
{
  TiduTalentsPage *page = TIDU_TALENTS_PAGE (fixture->page);
  g_autofree char *talent = NULL;

  /* No talents: the Talents view is empty, the plans view never is. */
  g_assert_cmpstr (tidu_talents_page_get_view (page), ==, "talents");
  g_assert_cmpstr (tidu_talents_page_get_visible_state (page), ==, "empty");
  g_assert_nonnull (find_button (fixture->page, "_Add Talent"));
  tidu_talents_page_set_view (page, "plans");
  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_record_list_get_count_text (tidu_talents_page_get_plan_list (page)),
                                 "4 talent plans") == 0);

  talent = insert_talent (fixture->database, "李明");
  tidu_talents_page_reload (page);
  g_assert_cmpstr (tidu_talents_page_get_visible_state (page), ==, "list");

  tidu_talents_page_open_talent (page, talent);
  g_assert_cmpstr (tidu_talents_page_get_visible_page (page), ==, "talent");
  gtk_widget_activate_action (GTK_WIDGET (tidu_talents_page_get_talent_detail (page)), "talent.back", NULL);
  g_assert_cmpstr (tidu_talents_page_get_visible_page (page), ==, "views");
}

static void
test_plan (Fixture       *fixture,
           gconstpointer  data)
{
  TiduTalentsPage *page = TIDU_TALENTS_PAGE (fixture->page);
  g_autofree char *plan_id = NULL;
  g_autofree char *category_id = NULL;
  g_autofree char *batch_id = NULL;
  g_autoptr(TiduPlanCategory) category = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  TiduCategoryEditor *category_editor;
  TiduBatchEditor *batch_editor;
  TiduPlanDetail *detail;
  GtkWidget *root;

  plan_id = add_plan (fixture);
  tidu_talents_page_set_view (page, "plans");
  tidu_talents_page_reload (page);
  TIDU_TEST_WAIT_FOR (g_strcmp0 (tidu_record_list_get_count_text (tidu_talents_page_get_plan_list (page)),
                                 "5 talent plans") == 0);

  /* The same name in the same region is taken. */
  {
    TiduPlanEditor *again = tidu_plan_editor_new (GTK_WINDOW (fixture->window), fixture->database, NULL);

    set_text (GTK_WIDGET (again), "_Name", DISTRICT_PLAN);
    set_text (GTK_WIDGET (again), "Region _name as the plan writes it", "连云港市海州区");
    tidu_plan_editor_validate (again);
    g_assert_false (tidu_plan_editor_get_can_save (again));
    g_assert_nonnull (row_message (get_row (GTK_WIDGET (again), "_Name")));
    gtk_window_destroy (GTK_WINDOW (again));
  }

  tidu_talents_page_open_plan (page, plan_id);
  detail = tidu_talents_page_get_plan_detail (page);

  /* A category: 创新类, 50万 over three years (amounts typed in the display unit, 10k yuan). */
  gtk_widget_activate_action (GTK_WIDGET (detail), "plan.add-category", NULL);
  category_editor = TIDU_CATEGORY_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_CATEGORY_EDITOR));
  root = GTK_WIDGET (category_editor);
  g_signal_connect (category_editor, "saved", G_CALLBACK (saved_cb), &category_id);
  set_text (root, "_Name", "创新类");
  set_text (root, "_Lowest amount", "50");
  set_text (root, "_Highest amount", "500,000元");
  set_text (root, "_Paid out over years", "3");
  TIDU_TEST_WAIT_FOR (tidu_category_editor_get_can_save (category_editor));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (category_id);
  category = tidu_plan_category_load (fixture->database, category_id, NULL);
  g_assert_cmpint (category->amount_min, ==, 500000);
  g_assert_cmpint (category->amount_max, ==, 500000);
  g_assert_cmpint (category->payout_years, ==, 3);

  /* A batch of 2025. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "plan.add-batch", NULL);
  batch_editor = TIDU_BATCH_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_BATCH_EDITOR));
  root = GTK_WIDGET (batch_editor);
  g_signal_connect (batch_editor, "saved", G_CALLBACK (saved_cb), &batch_id);
  set_text (root, "_Year", "2025");
  set_text (root, "_Announced on", "2025年4月1日");
  TIDU_TEST_WAIT_FOR (tidu_batch_editor_get_can_save (batch_editor));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (batch_id);
  batches = tidu_plan_batch_list (fixture->database, plan_id, NULL);
  g_assert_cmpuint (batches->len, ==, 1);

  /* The page shows both, and an empty batch in the funding table. */
  g_assert_nonnull (find_row (GTK_WIDGET (detail), "创新类"));
  g_assert_nonnull (find_row (GTK_WIDGET (detail), "2025"));
  g_assert_cmpint (tidu_plan_detail_get_summary_rows (detail), ==, 3);
  g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, 1, 0), ==, "2025");
  g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, 2, 1), ==, "0");
}

static void
test_award (Fixture       *fixture,
            gconstpointer  data)
{
  TiduTalentsPage *page = TIDU_TALENTS_PAGE (fixture->page);
  g_autofree char *plan_id = add_plan (fixture);
  g_autofree char *firm_id = insert_firm (fixture->database, "连云港海州新材料有限公司");
  g_autofree char *talent_id = NULL;
  g_autofree char *award_id = NULL;
  g_autoptr(TiduPlanCategory) category = tidu_plan_category_new ();
  g_autoptr(TiduPlanBatch) batch = tidu_plan_batch_new ();
  g_autoptr(TiduTalentAward) foreign = tidu_talent_award_new ();
  g_autoptr(TiduTalentAward) award = NULL;
  g_autoptr(GPtrArray) instalments = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *category_values;
  TiduTalentEditor *talent_editor;
  TiduAwardEditor *editor;
  TiduPlanDetail *detail;
  GtkWidget *root;
  GtkWidget *status_row;
  guint index = 0;

  category->plan_id = g_strdup (plan_id);
  category->name = g_strdup ("创新类");
  category->amount_max = 500000;
  tidu_plan_category_save (fixture->database, category, &error);
  g_assert_no_error (error);
  batch->plan_id = g_strdup (plan_id);
  batch->year = 2025;
  tidu_plan_batch_save (fixture->database, batch, &error);
  g_assert_no_error (error);

  /* A talent through the talent editor. */
  talent_editor = tidu_talent_editor_new (GTK_WINDOW (fixture->window), fixture->database, NULL);
  root = GTK_WIDGET (talent_editor);
  g_signal_connect (talent_editor, "saved", G_CALLBACK (saved_cb), &talent_id);
  set_text (root, "_Name", "王海燕");
  set_text (root, "_Birth year", "1985");
  set_text (root, "_Degree", "博士");
  pick (root, "F_irm", "连云港海州新材料有限公司");
  TIDU_TEST_WAIT_FOR (tidu_talent_editor_get_can_save (talent_editor));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (talent_id);

  /* The award, opened from the plan: only the plan's categories are offered. */
  editor = tidu_award_editor_new (GTK_WINDOW (fixture->window), fixture->database, NULL, plan_id, NULL);
  root = GTK_WIDGET (editor);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &award_id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (gtk_widget_get_sensitive (get_row (root, "Talent _plan")));
  category_values = tidu_award_editor_get_category_values (editor);
  g_assert_cmpuint (g_strv_length ((GStrv) category_values), ==, 2);
  g_assert_false (g_strv_contains (category_values, SHUANGCHUANG_CATEGORY));
  g_assert_true (g_strv_contains (category_values, category->id));
  for (index = 0; !g_str_equal (category_values[index], category->id); index++)
    ;
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (root, "_Category")), index);
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (root, "_Batch")), 1);
  pick (root, "_Talent", "王海燕");
  pick (root, "_Firm", "连云港海州新材料有限公司");
  set_text (root, "_Granted amount", "50");

  /* Above the category's standard is only a warning. */
  set_text (root, "_Granted amount", "60");
  tidu_award_editor_validate (editor);
  g_assert_true (tidu_award_editor_get_can_save (editor));
  g_assert_true (gtk_widget_has_css_class (get_row (root, "_Granted amount"), "warning"));
  g_assert_nonnull (strstr (row_message (get_row (root, "_Granted amount")), "above the standard"));
  set_text (root, "_Granted amount", "50");

  /* Two instalments, the first paid. */
  set_text (root, "Due on", "2025-06-30");
  set_text (root, "Planned amount", "25");
  set_text (root, "Paid on", "2025-07-02");
  set_text (root, "Amount paid", "25");
  g_signal_emit_by_name (find_button (root, "_Add Instalment"), "clicked");
  set_text (root, "Due on", "2026-06-30");
  set_text (root, "Planned amount", "25");
  g_signal_emit_by_name (find_button (root, "_Add Instalment"), "clicked");
  g_assert_nonnull (find_row (root, "25 10k yuan due 2025-06-30"));
  g_assert_nonnull (find_row (root, "25 10k yuan due 2026-06-30"));

  /* A paid amount without its date stays in the sub-form with the core's message. */
  set_text (root, "Planned amount", "10");
  set_text (root, "Amount paid", "10");
  g_signal_emit_by_name (find_button (root, "_Add Instalment"), "clicked");
  g_assert_cmpstr (row_message (get_row (root, "Paid on")), ==, "Enter the date the amount was paid.");
  set_text (root, "Planned amount", "");
  set_text (root, "Amount paid", "");

  /* Completed with an instalment unpaid is an error on the status. */
  status_row = get_row (root, "_Status");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), 1);
  tidu_award_editor_validate (editor);
  g_assert_false (tidu_award_editor_get_can_save (editor));
  g_assert_cmpstr (row_message (status_row), ==, "The award cannot be completed while instalments remain unpaid.");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), 0);
  tidu_award_editor_validate (editor);
  g_assert_null (row_message (status_row));
  g_assert_true (tidu_award_editor_get_can_save (editor));

  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (award_id);
  award = tidu_talent_award_load (fixture->database, award_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (award->granted_amount, ==, 500000);
  g_assert_cmpint (award->year, ==, 2025);
  g_assert_cmpstr (award->firm_id, ==, firm_id);
  instalments = tidu_instalment_list (fixture->database, award_id, NULL);
  g_assert_cmpuint (instalments->len, ==, 2);

  /* The plan page: one talent, one award, 50 granted, 25 paid, one firm, in 2025 and in total. */
  tidu_talents_page_open_plan (page, plan_id);
  detail = tidu_talents_page_get_plan_detail (page);
  g_assert_cmpint (tidu_plan_detail_get_summary_rows (detail), ==, 3);
  for (int row = 1; row <= 2; row++)
    {
      g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, row, 1), ==, "1");
      g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, row, 2), ==, "1");
      g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, row, 3), ==, "50");
      g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, row, 4), ==, "25");
      g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, row, 5), ==, "1");
    }
  g_assert_cmpstr (tidu_plan_detail_get_summary_cell (detail, 2, 0), ==, "Total");

  /* Completing through the core is refused while an instalment is unpaid. */
  g_assert_false (tidu_talent_award_set_status (fixture->database, award_id, TIDU_AWARD_COMPLETED, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A category of another plan is refused by the core too. */
  foreign->plan_id = g_strdup (plan_id);
  foreign->talent_id = g_strdup (talent_id);
  foreign->category_id = g_strdup (SHUANGCHUANG_CATEGORY);
  g_assert_false (tidu_talent_award_save (fixture->database, foreign, &error));
  g_assert_nonnull (strstr (error->message, "The category belongs to another talent plan."));
  g_clear_error (&error);

  /* The plan cannot go while its award exists. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "plan.delete", NULL);
  g_assert_nonnull (strstr (tidu_plan_detail_get_error (detail), "Awards of this talent plan exist."));
  g_assert_cmpstr (tidu_talents_page_get_visible_page (page), ==, "plan");
}

static void
test_delete_talent (Fixture       *fixture,
                    gconstpointer  data)
{
  TiduTalentsPage *page = TIDU_TALENTS_PAGE (fixture->page);
  g_autofree char *awarded = insert_talent (fixture->database, "张伟");
  g_autofree char *plain = insert_talent (fixture->database, "陈静");
  g_autoptr(TiduTalentAward) award = tidu_talent_award_new ();
  g_autoptr(TiduTalent) talent = NULL;
  g_autoptr(GError) error = NULL;
  TiduTalentDetail *detail = tidu_talents_page_get_talent_detail (page);

  award->plan_id = g_strdup (SHUANGCHUANG);
  award->talent_id = g_strdup (awarded);
  award->category_id = g_strdup (SHUANGCHUANG_CATEGORY);
  award->year = 2024;
  award->granted_amount = 500000;
  tidu_talent_award_save (fixture->database, award, &error);
  g_assert_no_error (error);
  tidu_talents_page_reload (page);

  /* With an award: refused, with the core's reason, and the talent stays. */
  tidu_talents_page_open_talent (page, awarded);
  g_assert_nonnull (find_row (GTK_WIDGET (detail), "江苏省“双创计划” · 双创人才（创新类）"));
  gtk_widget_activate_action (GTK_WIDGET (detail), "talent.delete", NULL);
  g_assert_nonnull (strstr (tidu_talent_detail_get_error (detail),
                            "The talent holds talent plan awards. Delete the awards first."));
  talent = tidu_talent_load (fixture->database, awarded, NULL);
  g_assert_null (talent->deleted_at);
  g_clear_pointer (&talent, tidu_talent_free);
  g_assert_cmpstr (tidu_talents_page_get_visible_page (page), ==, "talent");

  /* Without: to the trash, back to the list, and Ctrl+Z brings it back. */
  tidu_talents_page_open_talent (page, plain);
  gtk_widget_activate_action (GTK_WIDGET (detail), "talent.delete", NULL);
  g_assert_null (tidu_talent_detail_get_error (detail));
  talent = tidu_talent_load (fixture->database, plain, NULL);
  g_assert_null (talent);  /* loads only see live talents */
  g_assert_cmpstr (tidu_talents_page_get_visible_page (page), ==, "views");

  gtk_widget_activate_action (fixture->page, "talents.undo", NULL);
  talent = tidu_talent_load (fixture->database, plain, NULL);
  g_assert_null (talent->deleted_at);
  g_clear_pointer (&talent, tidu_talent_free);

  /* Only once. */
  g_assert_true (tidu_talent_delete (fixture->database, plain, NULL));
  gtk_widget_activate_action (fixture->page, "talents.undo", NULL);
  talent = tidu_talent_load (fixture->database, plain, NULL);
  g_assert_null (talent);
  g_assert_true (tidu_talent_restore (fixture->database, plain, NULL));

  /* Two deletes in a row: one Ctrl+Z brings both back, as on every place. */
  {
    g_autofree char *third = insert_talent (fixture->database, "刘洋");
    g_autoptr(TiduTalent) restored = NULL;

    tidu_talents_page_reload (page);
    tidu_talents_page_open_talent (page, plain);
    gtk_widget_activate_action (GTK_WIDGET (detail), "talent.delete", NULL);
    tidu_talents_page_open_talent (page, third);
    gtk_widget_activate_action (GTK_WIDGET (detail), "talent.delete", NULL);
    g_assert_null (tidu_talent_load (fixture->database, plain, NULL));
    g_assert_null (tidu_talent_load (fixture->database, third, NULL));
    gtk_widget_activate_action (fixture->page, "talents.undo", NULL);
    talent = tidu_talent_load (fixture->database, plain, NULL);
    restored = tidu_talent_load (fixture->database, third, NULL);
    g_assert_nonnull (talent);
    g_assert_nonnull (restored);
  }
}

static gboolean
list_idle (TiduRecordList *list)
{
  TiduListModel *model = tidu_record_list_get_model (list);

  return tidu_list_model_get_loaded (model) && !tidu_list_model_get_busy (model);
}

static guint
list_rows (TiduRecordList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (tidu_record_list_get_model (list)));
}

static void
select_row (TiduRecordList *list,
            guint           position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (tidu_record_list_get_model (list)), position, TRUE);
}

static void
select_id (TiduRecordList *list,
           const char     *id)
{
  for (guint i = 0; i < list_rows (list); i++)
    {
      g_autoptr(TiduListItem) item = g_list_model_get_item (G_LIST_MODEL (tidu_record_list_get_model (list)), i);

      if (g_strcmp0 (tidu_list_item_get_id (item), id) == 0)
        {
          select_row (list, i);
          return;
        }
    }
  g_error ("No row %s", id);
}

static void
respond_to_dialog (const char *response)
{
  GtkWindow *dialog;

  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The talents' trash: from the empty state, restore, a purge the core refuses (an award in
 * the trash still names the talent) told in a toast, and a confirmed purge; then the plans'. */
static void
test_trash (Fixture       *fixture,
            gconstpointer  data)
{
  TiduTalentsPage *page = TIDU_TALENTS_PAGE (fixture->page);
  TiduRecordList *list = tidu_talents_page_get_record_list (page);
  TiduRecordList *plans = tidu_talents_page_get_plan_list (page);
  g_autofree char *awarded = insert_talent (fixture->database, "张伟");
  g_autofree char *plain = insert_talent (fixture->database, "陈静");
  g_autoptr(TiduTalentAward) award = tidu_talent_award_new ();
  g_autoptr(TiduTalent) talent = NULL;
  g_autoptr(TiduTalentPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = NULL;
  GtkWidget *button;
  guint n_plans;

  award->plan_id = g_strdup (SHUANGCHUANG);
  award->talent_id = g_strdup (awarded);
  award->category_id = g_strdup (SHUANGCHUANG_CATEGORY);
  award->year = 2024;
  tidu_talent_award_save (fixture->database, award, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_talent_award_delete (fixture->database, award->id, NULL));
  g_assert_true (tidu_talent_delete (fixture->database, awarded, NULL));
  g_assert_true (tidu_talent_delete (fixture->database, plain, NULL));
  tidu_talents_page_reload (page);

  /* Every talent in the trash: the empty state leads there. */
  g_assert_cmpstr (tidu_talents_page_get_visible_state (page), ==, "empty");
  button = find_button (fixture->page, "Show _Deleted Talents");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate_action (fixture->page, "talents.show-trash", NULL));
  g_assert_cmpstr (tidu_talents_page_get_visible_state (page), ==, "list");
  g_assert_true (tidu_record_list_get_trash (list));
  TIDU_TEST_WAIT_FOR (list_idle (list) && list_rows (list) == 2);
  g_assert_cmpstr (tidu_record_list_get_count_text (list), ==, "2 deleted talents");
  g_assert_cmpstr (tidu_record_list_get_trash_title (list), ==, "Deleted Talents");

  /* Restore, with the banner's button. */
  select_id (list, plain);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.restore", NULL));
  talent = tidu_talent_load (fixture->database, plain, NULL);
  g_assert_nonnull (talent);
  g_assert_null (talent->deleted_at);
  g_clear_pointer (&talent, tidu_talent_free);
  TIDU_TEST_WAIT_FOR (list_idle (list) && list_rows (list) == 1);
  g_assert_cmpstr (tidu_record_list_get_count_text (list), ==, "1 deleted talent");

  /* The award in the trash still names 张伟: the purge is refused with the core's reason. */
  select_row (list, 0);
  g_assert_true (gtk_widget_activate_action (fixture->page, "talents.delete", NULL));
  respond_to_dialog ("delete");
  TIDU_TEST_WAIT_FOR (find_label_prefix (fixture->window, "The talent was not deleted.") != NULL);
  TIDU_TEST_WAIT_FOR (list_idle (list) && list_rows (list) == 1);

  /* Cancel keeps it; once the award is gone, Delete Permanently removes it. */
  select_row (list, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.purge", NULL));
  respond_to_dialog ("cancel");
  g_assert_true (tidu_talent_plan_delete (fixture->database, SHUANGCHUANG, NULL));
  g_assert_true (tidu_talent_plan_purge (fixture->database, SHUANGCHUANG, NULL));
  select_row (list, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.purge", NULL));
  respond_to_dialog ("delete");
  TIDU_TEST_WAIT_FOR (list_idle (list) && list_rows (list) == 0);
  g_assert_cmpstr (tidu_record_list_get_visible_state (list), ==, "empty-trash");

  /* Leaving the trash: the restored talent in the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.show-trash", NULL));
  g_assert_false (tidu_record_list_get_trash (list));
  TIDU_TEST_WAIT_FOR (list_idle (list) && list_rows (list) == 1);

  /* The plans' trash. */
  tidu_talents_page_set_view (page, "plans");
  plan_id = add_plan (fixture);
  tidu_talents_page_reload (page);
  TIDU_TEST_WAIT_FOR (list_idle (plans));
  n_plans = list_rows (plans);
  g_assert_true (tidu_talent_plan_delete (fixture->database, plan_id, NULL));
  tidu_talents_page_reload (page);
  TIDU_TEST_WAIT_FOR (list_idle (plans) && list_rows (plans) == n_plans - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (plans), "list.show-trash", NULL));
  TIDU_TEST_WAIT_FOR (list_idle (plans) && list_rows (plans) == 1);
  g_assert_cmpstr (tidu_record_list_get_count_text (plans), ==, "1 deleted talent plan");
  g_signal_emit_by_name (tidu_test_find_widget (GTK_WIDGET (plans), GTK_TYPE_COLUMN_VIEW), "activate", 0);
  plan = tidu_talent_plan_load (fixture->database, plan_id, NULL);
  g_assert_nonnull (plan);
  TIDU_TEST_WAIT_FOR (list_idle (plans) && list_rows (plans) == 0);

  /* Deleted again and purged with the Delete key, after the confirmation. */
  g_assert_true (tidu_talent_plan_delete (fixture->database, plan_id, NULL));
  tidu_record_list_refresh (plans);
  TIDU_TEST_WAIT_FOR (list_idle (plans) && list_rows (plans) == 1);
  select_row (plans, 0);
  g_assert_true (gtk_widget_activate_action (fixture->page, "talents.delete", NULL));
  respond_to_dialog ("delete");
  TIDU_TEST_WAIT_FOR (list_idle (plans) && list_rows (plans) == 0);
  g_assert_cmpstr (tidu_record_list_get_count_text (plans), ==, "0 deleted talent plans");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TiduApplication) app = NULL;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

  g_test_add ("/talents-page/views", Fixture, NULL, fixture_set_up, test_views, fixture_tear_down);
  g_test_add ("/talents-page/plan", Fixture, NULL, fixture_set_up, test_plan, fixture_tear_down);
  g_test_add ("/talents-page/award", Fixture, NULL, fixture_set_up, test_award, fixture_tear_down);
  g_test_add ("/talents-page/delete-talent", Fixture, NULL, fixture_set_up, test_delete_talent, fixture_tear_down);
  g_test_add ("/talents-page/trash", Fixture, NULL, fixture_set_up, test_trash, fixture_tear_down);

  return g_test_run ();
}
