/* test-firm-forms.c: the firm editor, the certification editor, the move dialog and the firm
 * detail page, driven as an officer would, over real databases in temporary folders
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-certification-editor.h"
#include "tidu-firm-detail.h"
#include "tidu-firm-editor.h"
#include "tidu-move-dialog.h"

#include "ui-test-utils.h"

#define HUAWEI "914403001922038216"
#define HUAWEI_BAD_CHECK "914403001922038217"

typedef struct
{
  char         *dir;
  TiduDatabase *database;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = tidu_test_make_dir ();
  path = g_build_filename (fixture->dir, "tidu.db", NULL);
  fixture->database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
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

/* The first row at or below @root whose title is @title (English: tests run in the C locale). */
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
  g_assert_true (root != NULL);
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

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_row (root, title)), text);
}

/* The message shown under a row, or NULL when none is visible. */
static const char *
row_message (GtkWidget *row)
{
  GtkWidget *message = g_object_get_data (G_OBJECT (row), "tidu-form-message");

  if (message == NULL || !gtk_widget_get_visible (message))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message));
}

static void
save_firm_cb (TiduFirmEditor *editor,
              const char     *id,
              char          **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static char *
insert_firm (TiduDatabase *database,
             const char   *name,
             const char   *uscc)
{
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(GError) error = NULL;

  firm->name = g_strdup (name);
  firm->uscc = g_strdup (uscc);
  tidu_firm_save (database, firm, &error);
  g_assert_no_error (error);
  return g_strdup (firm->id);
}

static char *
insert_carrier (TiduDatabase *database,
                const char   *name)
{
  g_autoptr(TiduCarrier) carrier = tidu_carrier_new ();
  g_autoptr(GError) error = NULL;

  carrier->name = g_strdup (name);
  carrier->kind = g_strdup ("incubator");
  tidu_carrier_save (database, carrier, &error);
  g_assert_no_error (error);
  return g_strdup (carrier->id);
}

static void
test_add_firm (Fixture       *fixture,
               gconstpointer  data)
{
  TiduFirmEditor *editor = tidu_firm_editor_new (NULL, fixture->database, NULL);
  g_autofree char *saved_id = NULL;
  g_autoptr(TiduFirm) firm = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root = GTK_WIDGET (editor);

  g_signal_connect (editor, "saved", G_CALLBACK (save_firm_cb), &saved_id);
  gtk_window_present (GTK_WINDOW (editor));

  /* An empty name blocks saving without shouting at a fresh form. */
  tidu_firm_editor_validate (editor);
  g_assert_false (tidu_firm_editor_get_can_save (editor));
  g_assert_false (gtk_widget_has_css_class (get_row (root, "_Name"), "error"));

  set_row_text (root, "_Name", "  华为技术有限公司 ");
  set_row_text (root, "Unified social credit _code", "9144 0300 1922 0382 16");
  set_row_text (root, "_Industry", "计算机、通信和其他电子设备制造业");
  set_row_text (root, "_Founded", "1987年9月15日");
  set_row_text (root, "_Lead received", "2020/3/5");
  set_row_text (root, "_Signed", "20200601");
  /* Validation runs by itself a moment after typing. */
  TIDU_TEST_WAIT_FOR (tidu_firm_editor_get_can_save (editor));

  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (saved_id);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR) == NULL);

  firm = tidu_firm_load (fixture->database, saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (firm->name, ==, "华为技术有限公司");
  g_assert_cmpstr (firm->uscc, ==, HUAWEI);
  g_assert_cmpint (g_date_get_year (&firm->founded_on), ==, 1987);
  g_assert_cmpint (g_date_get_month (&firm->signed_on), ==, G_DATE_JUNE);
  g_clear_pointer (&firm, tidu_firm_free);
  firm = tidu_firm_find_by_uscc (fixture->database, HUAWEI, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (firm->id, ==, saved_id);
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  TiduFirmEditor *editor = tidu_firm_editor_new (NULL, fixture->database, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *founded = get_row (root, "_Founded");
  GtkWidget *landed = get_row (root, "Lan_ded");

  gtk_window_present (GTK_WINDOW (editor));
  set_row_text (root, "_Name", "常州新材科技有限公司");
  set_row_text (root, "_Founded", "2021-13-45");
  set_row_text (root, "_Signed", "2022-05-01");
  set_row_text (root, "Lan_ded", "2022-04-01");
  tidu_firm_editor_validate (editor);
  g_assert_true (gtk_widget_has_css_class (founded, "error"));
  g_assert_nonnull (row_message (founded));
  g_assert_true (gtk_widget_has_css_class (landed, "error"));
  g_assert_false (tidu_firm_editor_get_can_save (editor));

  set_row_text (root, "_Founded", "2021/3/5");
  set_row_text (root, "Lan_ded", "2022年6月1日");
  tidu_firm_editor_validate (editor);
  g_assert_false (gtk_widget_has_css_class (founded, "error"));
  g_assert_null (row_message (founded));
  g_assert_true (tidu_firm_editor_get_can_save (editor));
}

static void
test_bad_length (Fixture       *fixture,
                 gconstpointer  data)
{
  TiduFirmEditor *editor = tidu_firm_editor_new (NULL, fixture->database, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *uscc = get_row (root, "Unified social credit _code");

  gtk_window_present (GTK_WINDOW (editor));
  set_row_text (root, "_Name", "华为技术有限公司");
  set_row_text (root, "Unified social credit _code", "91440300192203821");
  tidu_firm_editor_validate (editor);

  g_assert_true (gtk_widget_has_css_class (uscc, "error"));
  g_assert_nonnull (strstr (row_message (uscc), "18"));
  g_assert_false (tidu_firm_editor_get_can_save (editor));
  g_assert_false (gtk_widget_get_sensitive (find_button (root, "_Save")));

  /* Ctrl+S does nothing while the error stays. */
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR));
  g_assert_null (tidu_firm_find_by_uscc (fixture->database, HUAWEI, NULL));
}

static void
test_check_mismatch (Fixture       *fixture,
                     gconstpointer  data)
{
  TiduFirmEditor *editor = tidu_firm_editor_new (NULL, fixture->database, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *uscc = get_row (root, "Unified social credit _code");
  GtkWidget *keep = get_row (root, "_Keep this code, it matches the business licence");
  g_autofree char *saved_id = NULL;
  g_autoptr(TiduFirm) firm = NULL;

  g_signal_connect (editor, "saved", G_CALLBACK (save_firm_cb), &saved_id);
  gtk_window_present (GTK_WINDOW (editor));
  set_row_text (root, "_Name", "华为技术有限公司");
  set_row_text (root, "Unified social credit _code", HUAWEI_BAD_CHECK);
  tidu_firm_editor_validate (editor);

  g_assert_true (gtk_widget_has_css_class (uscc, "warning"));
  g_assert_false (gtk_widget_has_css_class (uscc, "error"));
  g_assert_nonnull (strstr (row_message (uscc), "“6”"));
  g_assert_true (gtk_widget_get_visible (keep));
  g_assert_false (tidu_firm_editor_get_can_save (editor));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_null (saved_id);

  gtk_switch_set_active (GTK_SWITCH (tidu_test_find_widget (keep, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (tidu_firm_editor_get_can_save (editor));
  /* The officer still sees what the code should be. */
  g_assert_nonnull (strstr (row_message (uscc), "“6”"));

  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (saved_id);
  firm = tidu_firm_load (fixture->database, saved_id, NULL);
  g_assert_cmpstr (firm->uscc, ==, HUAWEI_BAD_CHECK);
  g_assert_true (firm->uscc_override);
}

static void
open_firm_cb (TiduFirmEditor *editor,
              const char     *id,
              char          **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *existing = insert_firm (fixture->database, "华为技术有限公司", HUAWEI);
  TiduFirmEditor *editor = tidu_firm_editor_new (NULL, fixture->database, NULL);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *uscc = get_row (root, "Unified social credit _code");
  g_autofree char *opened = NULL;
  g_autoptr(TiduFirm) firm = NULL;
  GtkWidget *message;
  GtkWidget *button;

  g_signal_connect (editor, "open-firm", G_CALLBACK (open_firm_cb), &opened);
  gtk_window_present (GTK_WINDOW (editor));
  set_row_text (root, "_Name", "华为");
  set_row_text (root, "Unified social credit _code", HUAWEI);
  tidu_firm_editor_validate (editor);

  g_assert_true (gtk_widget_has_css_class (uscc, "error"));
  g_assert_nonnull (strstr (row_message (uscc), "already has this unified social credit code"));
  g_assert_false (tidu_firm_editor_get_can_save (editor));
  message = g_object_get_data (G_OBJECT (uscc), "tidu-form-message");
  button = tidu_test_find_widget (message, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Open Existing Firm");

  /* In the trash: restore it instead. */
  g_assert_true (tidu_firm_delete (fixture->database, existing, NULL));
  set_row_text (root, "Unified social credit _code", HUAWEI " ");
  tidu_firm_editor_validate (editor);
  g_assert_nonnull (strstr (row_message (uscc), "in the trash"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Restore Firm");

  gtk_widget_activate_action (root, "editor.open-other", NULL);
  g_assert_cmpstr (opened, ==, existing);
  firm = tidu_firm_load (fixture->database, existing, NULL);
  g_assert_null (firm->deleted_at);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR) == NULL);
}

static void
test_edit_keeps_typing_on_error (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *id = insert_firm (fixture->database, "镇江光伏科技有限公司", NULL);
  TiduFirmEditor *editor = tidu_firm_editor_new (NULL, fixture->database, id);
  GtkWidget *root = GTK_WIDGET (editor);
  g_autoptr(TiduFirm) firm = NULL;

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (root, "_Name"))), ==, "镇江光伏科技有限公司");
  set_row_text (root, "_Name", "镇江光伏新能源科技有限公司");
  tidu_firm_editor_validate (editor);
  g_assert_true (tidu_firm_editor_get_can_save (editor));

  /* The firm went to the trash meanwhile: saving fails, the window and the text stay. */
  g_assert_true (tidu_firm_delete (fixture->database, id, NULL));
  gtk_widget_activate_action (root, "editor.save", NULL);
  g_assert_nonnull (tidu_test_find_toplevel (TIDU_TYPE_FIRM_EDITOR));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (root, "_Name"))), ==,
                   "镇江光伏新能源科技有限公司");
  firm = tidu_firm_load (fixture->database, id, NULL);
  g_assert_cmpstr (firm->name, ==, "镇江光伏科技有限公司");
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *detail;
  guint      n_changed;
  char      *deleted;
} DetailHarness;

static void
detail_changed_cb (TiduFirmDetail *detail,
                   DetailHarness  *harness)
{
  harness->n_changed++;
}

static void
detail_deleted_cb (TiduFirmDetail *detail,
                   const char     *id,
                   DetailHarness  *harness)
{
  g_free (harness->deleted);
  harness->deleted = g_strdup (id);
}

static void
harness_init (DetailHarness *harness,
              TiduDatabase  *database,
              const char    *firm_id)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  harness->window = gtk_window_new ();
  harness->detail = tidu_firm_detail_new (NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), harness->detail);
  gtk_window_set_child (GTK_WINDOW (harness->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (harness->window), 800, 700);
  tidu_firm_detail_set_database (TIDU_FIRM_DETAIL (harness->detail), database);
  tidu_firm_detail_set_firm_id (TIDU_FIRM_DETAIL (harness->detail), firm_id);
  g_signal_connect (harness->detail, "changed", G_CALLBACK (detail_changed_cb), harness);
  g_signal_connect (harness->detail, "deleted", G_CALLBACK (detail_deleted_cb), harness);
  gtk_window_present (GTK_WINDOW (harness->window));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = insert_firm (fixture->database, "南京生物医药有限公司", NULL);
  DetailHarness harness = { 0 };
  g_autoptr(TiduFirm) firm = NULL;

  harness_init (&harness, fixture->database, id);
  g_assert_nonnull (find_row (harness.detail, "Unified social credit code"));

  gtk_widget_activate_action (harness.detail, "firm.delete", NULL);
  firm = tidu_firm_load (fixture->database, id, NULL);
  g_assert_nonnull (firm->deleted_at);
  g_assert_cmpstr (harness.deleted, ==, id);
  g_assert_cmpuint (harness.n_changed, ==, 1);
  g_clear_pointer (&firm, tidu_firm_free);

  /* Ctrl+Z while the toast shows. */
  gtk_widget_activate_action (harness.detail, "firm.undo-delete", NULL);
  firm = tidu_firm_load (fixture->database, id, NULL);
  g_assert_null (firm->deleted_at);
  g_assert_cmpuint (harness.n_changed, ==, 2);
  g_clear_pointer (&firm, tidu_firm_free);

  /* Only once. */
  g_assert_true (tidu_firm_delete (fixture->database, id, NULL));
  gtk_widget_activate_action (harness.detail, "firm.undo-delete", NULL);
  firm = tidu_firm_load (fixture->database, id, NULL);
  g_assert_nonnull (firm->deleted_at);

  g_free (harness.deleted);
}

static void
test_certification (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = insert_firm (fixture->database, "苏州电子科技有限公司", NULL);
  DetailHarness harness = { 0 };
  TiduCertificationEditor *editor;
  GtkWidget *root;
  GtkWidget *number;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now) - 1;
  g_autofree char *certified = g_strdup_printf ("%d/3/1", year);
  g_autofree char *valid = g_strdup_printf ("Valid until %d-03-01", year + 3);
  g_autofree char *bad_number = g_strdup_printf ("GR%d3200", year);
  g_autofree char *good_number = g_strdup_printf ("GR%d32008672", year);
  g_autoptr(GPtrArray) spans = NULL;

  harness_init (&harness, fixture->database, id);
  g_assert_null (find_row (harness.detail, "High-tech enterprise"));

  gtk_widget_activate_action (harness.detail, "firm.add-certification", NULL);
  editor = TIDU_CERTIFICATION_EDITOR (tidu_test_find_toplevel (TIDU_TYPE_CERTIFICATION_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (harness.window));
  root = GTK_WIDGET (editor);
  /* Tiers in ladder order: 科技型中小企业, 高新技术企业, … */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (root, "_Tier")), 1);
  set_row_text (root, "Certificate _date", certified);
  set_row_text (root, "Certificate _number", bad_number);
  tidu_certification_editor_validate (editor);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (get_row (root, "Validity"))), ==, valid);
  number = get_row (root, "Certificate _number");
  g_assert_true (gtk_widget_has_css_class (number, "warning"));
  g_assert_true (tidu_certification_editor_get_can_save (editor));
  set_row_text (root, "Certificate _number", good_number);

  /* Revoked needs a date. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (root, "_Status")), 1);
  tidu_certification_editor_validate (editor);
  g_assert_false (tidu_certification_editor_get_can_save (editor));
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (root, "_Status")), 0);
  tidu_certification_editor_validate (editor);
  g_assert_false (gtk_widget_has_css_class (number, "warning"));
  g_assert_true (tidu_certification_editor_get_can_save (editor));

  gtk_widget_activate_action (root, "editor.save", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_CERTIFICATION_EDITOR) == NULL);

  spans = tidu_firm_tier_timeline (fixture->database, id, NULL);
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_nonnull (find_row (harness.detail, "High-tech enterprise"));
  g_assert_cmpuint (harness.n_changed, ==, 1);

  g_free (harness.deleted);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *id = insert_firm (fixture->database, "无锡智能科技有限公司", NULL);
  g_autofree char *first = insert_carrier (fixture->database, "常州科教城孵化器");
  g_autofree char *second = insert_carrier (fixture->database, "无锡加速器");
  g_autoptr(GPtrArray) stays = NULL;
  DetailHarness harness = { 0 };
  TiduMoveDialog *dialog;
  GtkWidget *date_row;
  TiduStay *stay;

  harness_init (&harness, fixture->database, id);
  g_assert_nonnull (find_row (harness.detail, "Not in a carrier"));

  gtk_widget_activate_action (harness.detail, "firm.move", NULL);
  dialog = TIDU_MOVE_DIALOG (tidu_test_find_toplevel (TIDU_TYPE_MOVE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (tidu_move_dialog_get_can_move (dialog));
  tidu_move_dialog_set_carrier (dialog, first);
  set_row_text (GTK_WIDGET (dialog), "_Date of the move", "2021-03-05");
  tidu_move_dialog_validate (dialog);
  g_assert_true (tidu_move_dialog_get_can_move (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "move.move", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_MOVE_DIALOG) == NULL);
  g_assert_nonnull (find_row (harness.detail, "常州科教城孵化器"));

  gtk_widget_activate_action (harness.detail, "firm.move", NULL);
  dialog = TIDU_MOVE_DIALOG (tidu_test_find_toplevel (TIDU_TYPE_MOVE_DIALOG));
  g_assert_nonnull (dialog);
  date_row = get_row (GTK_WIDGET (dialog), "_Date of the move");
  tidu_move_dialog_set_carrier (dialog, first);
  g_assert_false (tidu_move_dialog_get_can_move (dialog));
  tidu_move_dialog_set_carrier (dialog, second);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2020-01-01");
  tidu_move_dialog_validate (dialog);
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_nonnull (strstr (row_message (date_row), "2021-03-05"));
  g_assert_false (tidu_move_dialog_get_can_move (dialog));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2023年7月1日");
  tidu_move_dialog_validate (dialog);
  g_assert_true (tidu_move_dialog_get_can_move (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "move.move", NULL);
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (TIDU_TYPE_MOVE_DIALOG) == NULL);

  stays = tidu_firm_list_stays (fixture->database, id, NULL);
  g_assert_cmpuint (stays->len, ==, 2);
  stay = g_ptr_array_index (stays, 0);
  g_assert_cmpstr (stay->carrier_id, ==, first);
  g_assert_true (g_date_valid (&stay->left_on));
  g_assert_cmpstr (stay->outcome, ==, TIDU_STAY_LEFT);
  stay = g_ptr_array_index (stays, 1);
  g_assert_cmpstr (stay->carrier_id, ==, second);
  g_assert_false (g_date_valid (&stay->left_on));
  g_assert_nonnull (find_row (harness.detail, "无锡加速器"));
  g_assert_cmpuint (harness.n_changed, ==, 2);

  g_free (harness.deleted);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TiduApplication) app = NULL;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

  g_test_add ("/firm-forms/add", Fixture, NULL, fixture_set_up, test_add_firm, fixture_tear_down);
  g_test_add ("/firm-forms/bad-date", Fixture, NULL, fixture_set_up, test_bad_date, fixture_tear_down);
  g_test_add ("/firm-forms/uscc-length", Fixture, NULL, fixture_set_up, test_bad_length, fixture_tear_down);
  g_test_add ("/firm-forms/uscc-check", Fixture, NULL, fixture_set_up, test_check_mismatch, fixture_tear_down);
  g_test_add ("/firm-forms/uscc-duplicate", Fixture, NULL, fixture_set_up, test_duplicate, fixture_tear_down);
  g_test_add ("/firm-forms/save-error", Fixture, NULL, fixture_set_up, test_edit_keeps_typing_on_error, fixture_tear_down);
  g_test_add ("/firm-forms/delete-undo", Fixture, NULL, fixture_set_up, test_delete_undo, fixture_tear_down);
  g_test_add ("/firm-forms/certification", Fixture, NULL, fixture_set_up, test_certification, fixture_tear_down);
  g_test_add ("/firm-forms/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);

  return g_test_run ();
}
