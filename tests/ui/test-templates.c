/* test-templates.c: every template of src/ui builds on the GTK 4.8 / libadwaita 1.2 floor
 *
 * A .ui file that names a widget or property newer than the floor makes GtkBuilder abort,
 * which the C version macros cannot catch.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tidu-award-editor.h"
#include "tidu-carrier-detail.h"
#include "tidu-carrier-editor.h"
#include "tidu-carrier-level-editor.h"
#include "tidu-carrier-year-editor.h"
#include "tidu-carriers-page.h"
#include "tidu-certification-editor.h"
#include "tidu-firm-detail.h"
#include "tidu-firm-editor.h"
#include "tidu-firms-page.h"
#include "tidu-import-assistant.h"
#include "tidu-merge-dialog.h"
#include "tidu-move-dialog.h"
#include "tidu-overview-page.h"
#include "tidu-plan-detail.h"
#include "tidu-plan-editor.h"
#include "tidu-preferences-window.h"
#include "tidu-progress-window.h"
#include "tidu-record-list.h"
#include "tidu-region-editor.h"
#include "tidu-sample-loader.h"
#include "tidu-snapshot-export-dialog.h"
#include "tidu-subsidies-page.h"
#include "tidu-talent-detail.h"
#include "tidu-talent-editor.h"
#include "tidu-talents-page.h"
#include "tidu-targets-window.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

static TiduApplication *app;

typedef const char *(*StateGetter) (gpointer page);

static void
test_place_pages (void)
{
  const struct {
    GType       type;
    StateGetter get_visible_state;
    const char *full_state;  /* what the page shows when the database holds records */
  } pages[] = {
    { TIDU_TYPE_OVERVIEW_PAGE, (StateGetter) tidu_overview_page_get_visible_state, "dashboard" },
    { TIDU_TYPE_FIRMS_PAGE, (StateGetter) tidu_firms_page_get_visible_state, "list" },
    { TIDU_TYPE_CARRIERS_PAGE, (StateGetter) tidu_carriers_page_get_visible_state, "list" },
    { TIDU_TYPE_TALENTS_PAGE, (StateGetter) tidu_talents_page_get_visible_state, "list" },
    { TIDU_TYPE_SUBSIDIES_PAGE, (StateGetter) tidu_subsidies_page_get_visible_state, "summary" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = g_object_ref_sink (g_object_new (pages[i].type, NULL));
      GtkStack *stack;

      g_assert_nonnull (page);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (page, pages[i].type));

      /* Without a database every page shows its empty state, with a way to open one. */
      g_assert_cmpstr (pages[i].get_visible_state (page), ==, "empty");
      stack = GTK_STACK (tidu_test_find_widget (page, GTK_TYPE_STACK));
      g_assert_nonnull (stack);
      g_assert_nonnull (gtk_stack_get_child_by_name (stack, pages[i].full_state));
      g_assert_nonnull (tidu_test_find_widget (gtk_stack_get_child_by_name (stack, "empty"), GTK_TYPE_BUTTON));

      g_object_set (page, "database", NULL, NULL);
      g_assert_cmpstr (pages[i].get_visible_state (page), ==, "empty");

      g_assert_finalize_object (page);
    }
}

static void
test_window (void)
{
  TiduWindow *window = tidu_window_new (app);

  g_assert_nonnull (window);
  g_assert_true (TIDU_IS_WINDOW (window));
  g_assert_true (ADW_IS_APPLICATION_WINDOW (window));
  g_assert_nonnull (tidu_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  /* Only the place shown has its page; the others are made when first shown. */
  tidu_window_set_place (window, "overview");
  g_assert_nonnull (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_OVERVIEW_PAGE));
  g_assert_null (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_SUBSIDIES_PAGE));
  tidu_window_set_place (window, "subsidies");
  g_assert_nonnull (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_SUBSIDIES_PAGE));
  g_assert_nonnull (tidu_test_find_widget (GTK_WIDGET (window), TIDU_TYPE_OVERVIEW_PAGE));
  g_assert_cmpstr (tidu_window_get_visible_state (window), ==, "loading");
  g_assert_null (tidu_window_get_database (window));

  /* GtkApplication gives each window the shortcuts window from gtk/help-overlay.ui. */
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))));

  tidu_test_destroy_toplevels ();
}

static void
test_preferences_window (void)
{
  TiduPreferencesWindow *preferences = tidu_preferences_window_new ();

  g_assert_nonnull (preferences);
  g_assert_true (TIDU_IS_PREFERENCES_WINDOW (preferences));
  g_assert_true (ADW_IS_PREFERENCES_WINDOW (preferences));
  g_assert_nonnull (tidu_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (tidu_test_find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW));

  gtk_window_destroy (GTK_WINDOW (preferences));
  tidu_test_settle ();
}

/* Every template in the resource under ui/ belongs to a widget type that builds from it. */
static void
test_every_template (void)
{
  const struct {
    const char *resource;
    GType       type;
  } templates[] = {
    { "tidu-window.ui", TIDU_TYPE_WINDOW },
    { "tidu-overview-page.ui", TIDU_TYPE_OVERVIEW_PAGE },
    { "tidu-firms-page.ui", TIDU_TYPE_FIRMS_PAGE },
    { "tidu-carriers-page.ui", TIDU_TYPE_CARRIERS_PAGE },
    { "tidu-carrier-editor.ui", TIDU_TYPE_CARRIER_EDITOR },
    { "tidu-carrier-detail.ui", TIDU_TYPE_CARRIER_DETAIL },
    { "tidu-carrier-level-editor.ui", TIDU_TYPE_CARRIER_LEVEL_EDITOR },
    { "tidu-carrier-year-editor.ui", TIDU_TYPE_CARRIER_YEAR_EDITOR },
    { "tidu-talents-page.ui", TIDU_TYPE_TALENTS_PAGE },
    { "tidu-talent-editor.ui", TIDU_TYPE_TALENT_EDITOR },
    { "tidu-talent-detail.ui", TIDU_TYPE_TALENT_DETAIL },
    { "tidu-award-editor.ui", TIDU_TYPE_AWARD_EDITOR },
    { "tidu-plan-detail.ui", TIDU_TYPE_PLAN_DETAIL },
    { "tidu-plan-editor.ui", TIDU_TYPE_PLAN_EDITOR },
    { "tidu-category-editor.ui", TIDU_TYPE_CATEGORY_EDITOR },
    { "tidu-batch-editor.ui", TIDU_TYPE_BATCH_EDITOR },
    { "tidu-subsidies-page.ui", TIDU_TYPE_SUBSIDIES_PAGE },
    { "tidu-subsidy-calculator.ui", TIDU_TYPE_SUBSIDY_CALCULATOR },
    { "tidu-subsidy-batch-view.ui", TIDU_TYPE_SUBSIDY_BATCH_VIEW },
    { "tidu-subsidy-ledger-view.ui", TIDU_TYPE_SUBSIDY_LEDGER_VIEW },
    { "tidu-preferences-window.ui", TIDU_TYPE_PREFERENCES_WINDOW },
    { "tidu-region-editor.ui", TIDU_TYPE_REGION_EDITOR },
    { "tidu-firm-editor.ui", TIDU_TYPE_FIRM_EDITOR },
    { "tidu-firm-detail.ui", TIDU_TYPE_FIRM_DETAIL },
    { "tidu-certification-editor.ui", TIDU_TYPE_CERTIFICATION_EDITOR },
    { "tidu-move-dialog.ui", TIDU_TYPE_MOVE_DIALOG },
    { "tidu-record-list.ui", TIDU_TYPE_RECORD_LIST },
    { "tidu-sample-loader.ui", TIDU_TYPE_SAMPLE_LOADER },
    { "tidu-targets-window.ui", TIDU_TYPE_TARGETS_WINDOW },
    { "tidu-target-editor.ui", TIDU_TYPE_TARGET_EDITOR },
    { "tidu-progress-window.ui", TIDU_TYPE_PROGRESS_WINDOW },
    { "tidu-import-assistant.ui", TIDU_TYPE_IMPORT_ASSISTANT },
    { "tidu-snapshot-export-dialog.ui", TIDU_TYPE_SNAPSHOT_EXPORT_DIALOG },
    { "tidu-merge-dialog.ui", TIDU_TYPE_MERGE_DIALOG },
  };
  g_auto(GStrv) resources = g_resources_enumerate_children (RESOURCE_BASE "/ui/", 0, NULL);

  g_assert_nonnull (resources);
  for (guint i = 0; resources[i] != NULL; i++)
    {
      gboolean listed = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (templates) && !listed; j++)
        listed = g_str_equal (resources[i], templates[j].resource);
      if (!listed)
        g_error ("The template %s is not listed in test_every_template()", resources[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      GtkWidget *widget;

      g_test_message ("%s", templates[i].resource);
      if (g_type_is_a (templates[i].type, GTK_TYPE_APPLICATION_WINDOW))
        widget = g_object_new (templates[i].type, "application", app, NULL);
      else
        widget = g_object_new (templates[i].type, NULL);
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, templates[i].type));
      if (GTK_IS_WINDOW (widget))
        gtk_window_destroy (GTK_WINDOW (widget));
      else
        g_object_unref (g_object_ref_sink (widget));
      tidu_test_settle ();
    }
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_nonnull (overlay);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

  g_test_add_func ("/templates/place-pages", test_place_pages);
  g_test_add_func ("/templates/window", test_window);
  g_test_add_func ("/templates/preferences-window", test_preferences_window);
  g_test_add_func ("/templates/every-template", test_every_template);
  g_test_add_func ("/templates/help-overlay", test_help_overlay);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
