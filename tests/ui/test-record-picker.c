/* test-record-picker.c: the searchable firm picker of the award and talent editors, over a
 * database of 5,000 firms: nothing is loaded before the officer types, a two-character
 * fragment finds the firm, and the award saves with it
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-database-private.h"

#include "tidu-award-editor.h"
#include "tidu-record-picker.h"
#include "tidu-talent-editor.h"

#include "ui-test-utils.h"

/* Seeded: 江苏省“双创计划” and its first category. */
#define SHUANGCHUANG "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01"
#define SHUANGCHUANG_CATEGORY "6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f01"

#define TARGET_NAME "连云港海州新材料有限公司"
#define TARGET_USCC "914403001922038216"

static const char * const cities[] = { "常州", "无锡", "苏州", "南京", "镇江" };
static const char * const fields[] = { "智能", "新材", "生物", "电子", "光伏", "医药" };

typedef struct
{
  char         *dir;
  TiduDatabase *database;
  GtkWidget    *window;
  char         *firm_id;
  char         *talent_id;
} Fixture;

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Through the app's own connection, whose search-index triggers need its tokenizer. */
static void
insert_firms (TiduDatabase *database,
              guint         n_firms)
{
  sqlite3 *db = tidu_database_get_handle (database);
  sqlite3_stmt *stmt = NULL;

  exec_sql (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO firms (id, name) VALUES (?1, ?2)", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < n_firms; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *name = g_strdup_printf ("%s%s%04u科技有限公司",
                                               cities[i % G_N_ELEMENTS (cities)],
                                               fields[(i / 7) % G_N_ELEMENTS (fields)],
                                               i);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TiduFirm) firm = tidu_firm_new ();
  g_autoptr(TiduTalent) talent = tidu_talent_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->dir = tidu_test_make_dir ();
  path = g_build_filename (fixture->dir, "tidu.db", NULL);
  fixture->database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  insert_firms (fixture->database, 5000);
  firm->name = g_strdup (TARGET_NAME);
  firm->uscc = g_strdup (TARGET_USCC);
  tidu_firm_save (fixture->database, firm, &error);
  g_assert_no_error (error);
  fixture->firm_id = g_strdup (firm->id);

  talent->name = g_strdup ("王海燕");
  tidu_talent_save (fixture->database, talent, &error);
  g_assert_no_error (error);
  fixture->talent_id = g_strdup (talent->id);

  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
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
  g_free (fixture->firm_id);
  g_free (fixture->talent_id);
}

static void
saved_cb (GtkWidget  *editor,
          const char *id,
          char      **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
collect_pickers (GtkWidget *widget,
                 GPtrArray *pickers)
{
  if (TIDU_IS_RECORD_PICKER (widget))
    g_ptr_array_add (pickers, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_pickers (child, pickers);
}

/* The @index-th picker of @kind in @root. */
static TiduRecordPicker *
find_picker (GtkWidget    *root,
             TiduListKind  kind,
             guint         index)
{
  g_autoptr(GPtrArray) pickers = g_ptr_array_new ();

  collect_pickers (root, pickers);
  for (guint i = 0; i < pickers->len; i++)
    if (tidu_record_picker_get_kind (g_ptr_array_index (pickers, i)) == kind && index-- == 0)
      return g_ptr_array_index (pickers, i);
  return NULL;
}

static guint
match_position (TiduRecordPicker *picker,
                const char       *name)
{
  GListModel *matches = tidu_record_picker_get_matches (picker);

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (matches), i), name))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
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

/* The award editor: a two-character fragment finds the firm among 5,000, a click picks it,
 * and the award saves with it. */
static void
test_award_firm (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *award_id = NULL;
  g_autofree char *other_talent_id = NULL;
  g_autoptr(TiduTalentAward) award = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *category_values;
  TiduAwardEditor *editor;
  TiduRecordPicker *picker;
  GtkEditable *entry;
  GtkWidget *category_row;
  guint position;
  guint index;

  editor = tidu_award_editor_new (GTK_WINDOW (fixture->window), fixture->database, NULL, SHUANGCHUANG,
                                  fixture->talent_id);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &award_id);
  gtk_window_present (GTK_WINDOW (editor));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (editor)));

  picker = find_picker (GTK_WIDGET (editor), TIDU_LIST_FIRMS, 0);
  g_assert_nonnull (picker);
  entry = tidu_record_picker_get_entry (picker);

  /* Nothing is loaded before the officer types. */
  g_assert_cmpuint (g_list_model_get_n_items (tidu_record_picker_get_matches (picker)), ==, 0);
  g_assert_null (tidu_record_picker_get_value (picker));

  /* A fragment every firm holds offers the first matches only. */
  gtk_editable_set_text (entry, "科技");
  g_assert_cmpuint (g_list_model_get_n_items (tidu_record_picker_get_matches (picker)), ==,
                    TIDU_RECORD_PICKER_MAX_MATCHES);
  TIDU_TEST_WAIT_FOR (tidu_record_picker_get_popup_shown (picker));

  /* Two characters of the name find it. */
  gtk_editable_set_text (entry, "海州");
  position = match_position (picker, TARGET_NAME);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (g_list_model_get_n_items (tidu_record_picker_get_matches (picker)), ==, 1);
  g_assert_null (tidu_record_picker_get_value (picker));
  tidu_record_picker_pick (picker, position);
  g_assert_cmpstr (tidu_record_picker_get_value (picker), ==, fixture->firm_id);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, TARGET_NAME);
  g_assert_false (tidu_record_picker_get_popup_shown (picker));

  /* Typing again drops the pick; part of the credit code and Enter pick it back. */
  gtk_editable_set_text (entry, "19220382");
  g_assert_null (tidu_record_picker_get_value (picker));
  g_assert_cmpuint (match_position (picker, TARGET_NAME), ==, 0);
  g_signal_emit_by_name (GTK_WIDGET (entry), "activate");
  g_assert_cmpstr (tidu_record_picker_get_value (picker), ==, fixture->firm_id);

  /* The talent is a search-backed picker too, showing the talent the editor was opened for;
   * two characters find another. */
  {
    TiduRecordPicker *talents = find_picker (GTK_WIDGET (editor), TIDU_LIST_TALENTS, 0);
    g_autoptr(TiduTalent) other = tidu_talent_new ();

    g_assert_nonnull (talents);
    g_assert_nonnull (find_picker (GTK_WIDGET (editor), TIDU_LIST_TALENTS, 1));  /* team members */
    g_assert_cmpstr (tidu_record_picker_get_value (talents), ==, fixture->talent_id);
    g_assert_cmpstr (gtk_editable_get_text (tidu_record_picker_get_entry (talents)), ==, "王海燕");

    other->name = g_strdup ("李明轩");
    tidu_talent_save (fixture->database, other, &error);
    g_assert_no_error (error);
    gtk_editable_set_text (tidu_record_picker_get_entry (talents), "明轩");
    g_assert_cmpuint (g_list_model_get_n_items (tidu_record_picker_get_matches (talents)), ==, 1);
    tidu_record_picker_pick (talents, 0);
    g_assert_cmpstr (tidu_record_picker_get_value (talents), ==, other->id);
    other_talent_id = g_strdup (other->id);
  }

  /* The rest of the award. */
  category_values = tidu_award_editor_get_category_values (editor);
  for (index = 0; category_values[index] != NULL && !g_str_equal (category_values[index], SHUANGCHUANG_CATEGORY); index++)
    ;
  g_assert_nonnull (category_values[index]);
  category_row = find_row (GTK_WIDGET (editor), "_Category");
  g_assert_nonnull (category_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (category_row), index);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "_Granted amount")), "50");
  tidu_award_editor_validate (editor);
  TIDU_TEST_WAIT_FOR (tidu_award_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_nonnull (award_id);

  award = tidu_talent_award_load (fixture->database, award_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (award->firm_id, ==, fixture->firm_id);
  g_assert_cmpstr (award->talent_id, ==, other_talent_id);

  /* Editing the award shows the firm picked. */
  editor = tidu_award_editor_new (GTK_WINDOW (fixture->window), fixture->database, award_id, NULL, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  picker = find_picker (GTK_WIDGET (editor), TIDU_LIST_FIRMS, 0);
  g_assert_cmpstr (tidu_record_picker_get_value (picker), ==, fixture->firm_id);
  g_assert_cmpstr (gtk_editable_get_text (tidu_record_picker_get_entry (picker)), ==, TARGET_NAME);
  g_assert_false (tidu_record_picker_get_popup_shown (picker));
}

/* The talent editor's firm: picked the same way, and cleared with the clear icon. */
static void
test_talent_firm (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *talent_id = NULL;
  g_autoptr(TiduTalent) talent = NULL;
  TiduTalentEditor *editor;
  TiduRecordPicker *picker;
  GtkEditable *entry;

  editor = tidu_talent_editor_new (GTK_WINDOW (fixture->window), fixture->database, fixture->talent_id);
  g_signal_connect (editor, "saved", G_CALLBACK (saved_cb), &talent_id);
  gtk_window_present (GTK_WINDOW (editor));
  picker = TIDU_RECORD_PICKER (tidu_test_find_widget (GTK_WIDGET (editor), TIDU_TYPE_RECORD_PICKER));
  g_assert_nonnull (picker);
  entry = tidu_record_picker_get_entry (picker);
  g_assert_null (tidu_record_picker_get_value (picker));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  gtk_editable_set_text (entry, "海州");
  tidu_record_picker_pick (picker, match_position (picker, TARGET_NAME));
  TIDU_TEST_WAIT_FOR (tidu_talent_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpstr (talent_id, ==, fixture->talent_id);
  talent = tidu_talent_load (fixture->database, fixture->talent_id, NULL);
  g_assert_cmpstr (talent->firm_id, ==, fixture->firm_id);
  g_clear_pointer (&talent, tidu_talent_free);

  /* Opened again it shows the firm; clearing the entry picks none. */
  editor = tidu_talent_editor_new (GTK_WINDOW (fixture->window), fixture->database, fixture->talent_id);
  gtk_window_present (GTK_WINDOW (editor));
  picker = TIDU_RECORD_PICKER (tidu_test_find_widget (GTK_WIDGET (editor), TIDU_TYPE_RECORD_PICKER));
  entry = tidu_record_picker_get_entry (picker);
  g_assert_cmpstr (tidu_record_picker_get_value (picker), ==, fixture->firm_id);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, TARGET_NAME);
  g_signal_emit_by_name (GTK_WIDGET (entry), "icon-press", GTK_ENTRY_ICON_SECONDARY);
  g_assert_null (tidu_record_picker_get_value (picker));
  TIDU_TEST_WAIT_FOR (tidu_talent_editor_get_can_save (editor));
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  talent = tidu_talent_load (fixture->database, fixture->talent_id, NULL);
  g_assert_null (talent->firm_id);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TiduApplication) app = NULL;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

  g_test_add ("/record-picker/award-firm", Fixture, NULL, fixture_set_up, test_award_firm, fixture_tear_down);
  g_test_add ("/record-picker/talent-firm", Fixture, NULL, fixture_set_up, test_talent_firm, fixture_tear_down);

  return g_test_run ();
}
