/* test-subsidies-page.c: the Subsidies place driven as an officer would: pick a 江都 rule, type
 * its inputs and read the amount with its steps; calculate for a carrier from the records and
 * record the award; import and copy policies; run the budget batch on the sample data, record
 * it into the ledger (totals equal the sum of the rows) and undo it; export the sheet as CSV,
 * XLSX and PDF and read the files back; approve an award in the ledger view and undo it.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tidu-form-util.h"
#include "tidu-subsidies-page.h"
#include "tidu-undo.h"
#include "tidu-window.h"

#include "ui-test-utils.h"

#define JIANGDU "jiangdu-2023-2025"

static TiduApplication *app;

typedef struct
{
  char                  *dir;
  TiduDatabase          *database;
  TiduWindow            *window;
  TiduSubsidiesPage     *page;
  TiduSubsidyCalculator *calculator;
  TiduSubsidyBatchView  *batch;
  TiduSubsidyLedgerView *ledger;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n_firms = GPOINTER_TO_UINT (data);

  fixture->dir = tidu_test_make_dir ();
  path = g_build_filename (fixture->dir, "tidu.db", NULL);
  fixture->database = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (n_firms > 0)
    {
      TiduSampleOptions options = { n_firms, 7 };

      g_assert_true (tidu_sample_generate (fixture->database, &options, NULL, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  fixture->window = tidu_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  tidu_window_set_database (fixture->window, fixture->database);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TIDU_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.place", "s", "subsidies");

  fixture->page = TIDU_SUBSIDIES_PAGE (tidu_test_find_widget (GTK_WIDGET (fixture->window), TIDU_TYPE_SUBSIDIES_PAGE));
  fixture->calculator = tidu_subsidies_page_get_calculator (fixture->page);
  fixture->batch = tidu_subsidies_page_get_batch_view (fixture->page);
  fixture->ledger = tidu_subsidies_page_get_ledger_view (fixture->page);
  g_assert_cmpstr (tidu_subsidies_page_get_visible_state (fixture->page), ==, "summary");
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger));
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

static gboolean
steps_mention (TiduSubsidyCalculator *calculator,
               const char            *text)
{
  g_auto(GStrv) steps = tidu_subsidy_calculator_dup_steps (calculator);

  for (guint i = 0; steps[i] != NULL; i++)
    if (strstr (steps[i], text) != NULL)
      return TRUE;
  return FALSE;
}

static guint
n_steps (TiduSubsidyCalculator *calculator)
{
  g_auto(GStrv) steps = tidu_subsidy_calculator_dup_steps (calculator);

  return g_strv_length (steps);
}

static gboolean
row_has_error (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error");
}

/* ------------------------------------------------------------------ the calculator */

static void
test_calculator_examples (Fixture       *fixture,
                          gconstpointer  data)
{
  TiduSubsidyCalculator *calculator = fixture->calculator;
  const TiduSubsidyResult *result;
  GtkWidget *cost;

  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, JIANGDU, "carrier-renovation"));
  g_assert_null (tidu_subsidy_calculator_get_result (calculator));
  g_assert_nonnull (strstr (tidu_subsidy_calculator_get_status_text (calculator), "Fill in"));

  /* DOMAIN.md §0.2: renovation of an incubator costing 8,500,000 → 1,700,000, typed in 万元. */
  tidu_subsidy_calculator_set_input (calculator, "kind", "incubator");
  tidu_subsidy_calculator_set_input (calculator, "cost", "850万");
  result = tidu_subsidy_calculator_get_result (calculator);
  g_assert_nonnull (result);
  g_assert_true (result->eligible);
  g_assert_cmpint (result->amount, ==, 1700000);
  g_assert_nonnull (strstr (tidu_subsidy_calculator_get_amount_text (calculator), "1,700,000"));
  g_assert_cmpuint (n_steps (calculator), >, 0);
  g_assert_true (steps_mention (calculator, "三(一)1"));
  g_assert_true (steps_mention (calculator, "1,700,000"));

  /* The same in yuan; a maker space gets 10%; a large cost is capped at 2,000,000. */
  tidu_subsidy_calculator_set_input (calculator, "cost", "8500000");
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 1700000);
  tidu_subsidy_calculator_set_input (calculator, "kind", "maker_space");
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 850000);
  tidu_subsidy_calculator_set_input (calculator, "kind", "incubator");
  tidu_subsidy_calculator_set_input (calculator, "cost", "3000万");
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 2000000);

  /* Bad input: a message under the row, no result, nothing half-shown. */
  cost = tidu_subsidy_calculator_get_input_row (calculator, "cost");
  tidu_subsidy_calculator_set_input (calculator, "cost", "abc");
  g_assert_true (row_has_error (cost));
  g_assert_null (tidu_subsidy_calculator_get_result (calculator));
  g_assert_cmpuint (n_steps (calculator), ==, 0);
  g_assert_nonnull (strstr (tidu_subsidy_calculator_get_status_text (calculator), "red"));
  tidu_subsidy_calculator_set_input (calculator, "cost", "-5");
  g_assert_true (row_has_error (cost));
  g_assert_null (tidu_subsidy_calculator_get_result (calculator));
  tidu_subsidy_calculator_set_input (calculator, "cost", "100万");
  g_assert_false (row_has_error (cost));
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 200000);

  /* Offshore rent of 2,000,000 in year 2 → 400,000. */
  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, JIANGDU, "offshore-rent"));
  tidu_subsidy_calculator_set_input (calculator, "year_index", "2");
  tidu_subsidy_calculator_set_input (calculator, "rent", "2000000");
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 400000);
  g_assert_true (steps_mention (calculator, "三(一)3"));

  /* An agency invoicing 1,200,000 after 1,000,000 → 4,000; at 1,000,000 it is not eligible. */
  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, JIANGDU, "service-revenue-growth"));
  tidu_subsidy_calculator_set_input (calculator, "revenue", "120万");
  tidu_subsidy_calculator_set_input (calculator, "previous_revenue", "100万");
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 4000);
  tidu_subsidy_calculator_set_input (calculator, "revenue", "1000000");
  result = tidu_subsidy_calculator_get_result (calculator);
  g_assert_false (result->eligible);
  g_assert_cmpstr (tidu_subsidy_calculator_get_amount_text (calculator), ==, "Not eligible");
  g_assert_cmpuint (n_steps (calculator), >, 0);

  /* A range left to the officer; an amount above its bound is refused inline. */
  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, JIANGDU, "platform-startup"));
  result = tidu_subsidy_calculator_get_result (calculator);
  g_assert_nonnull (result);
  g_assert_cmpint (result->min, ==, 500000);
  g_assert_cmpint (result->max, ==, 1000000);
  g_assert_nonnull (strstr (tidu_subsidy_calculator_get_amount_text (calculator), "500,000"));
  tidu_subsidy_calculator_set_input (calculator, "amount", "150万");
  g_assert_true (row_has_error (tidu_subsidy_calculator_get_input_row (calculator, "amount")));
  g_assert_null (tidu_subsidy_calculator_get_result (calculator));
  tidu_subsidy_calculator_set_input (calculator, "amount", "80万");
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 800000);

  /* A maker space recognised provincially (100,000 paid) and later nationally → 200,000 top-up. */
  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, JIANGDU, "maker-space-recognition"));
  tidu_subsidy_calculator_set_input (calculator, "level", "national");
  tidu_subsidy_calculator_set_input (calculator, "previously_paid", "100000");
  g_assert_cmpint (tidu_subsidy_calculator_get_result (calculator)->amount, ==, 200000);
}

static void
test_calculator_search (Fixture       *fixture,
                        gconstpointer  data)
{
  TiduSubsidyCalculator *calculator = fixture->calculator;
  GtkEditable *search = tidu_subsidy_calculator_get_search_entry (calculator);
  guint all = tidu_subsidy_calculator_get_n_listed_rules (calculator);

  g_assert_cmpuint (all, >=, 12);

  /* Ctrl+F reaches the search from anywhere in the place. */
  gtk_widget_activate_action (GTK_WIDGET (calculator), "calculator.search", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (search)) || gtk_widget_is_focus (GTK_WIDGET (search))
                 || gtk_widget_get_focus_child (GTK_WIDGET (search)) != NULL);

  /* The search runs as the entry's search-changed comes, a moment after typing. */
  gtk_editable_set_text (search, "创业大赛");
  TIDU_TEST_WAIT_FOR (tidu_subsidy_calculator_get_n_listed_rules (calculator) < all);
  g_assert_cmpuint (tidu_subsidy_calculator_get_n_listed_rules (calculator), >, 0);
  gtk_editable_set_text (search, "三(三)8");
  TIDU_TEST_WAIT_FOR (tidu_subsidy_calculator_get_n_listed_rules (calculator) >= 3
                      && tidu_subsidy_calculator_get_n_listed_rules (calculator) < all);
  gtk_editable_set_text (search, "没有这样的规则 xyz");
  TIDU_TEST_WAIT_FOR (tidu_subsidy_calculator_get_n_listed_rules (calculator) == 0);
  gtk_editable_set_text (search, "");
  TIDU_TEST_WAIT_FOR (tidu_subsidy_calculator_get_n_listed_rules (calculator) == all);
}

static TiduPolicy *
find_policy (TiduSubsidyCalculator *calculator,
             const char            *code)
{
  GPtrArray *policies = tidu_subsidy_calculator_get_policies (calculator);

  for (guint i = 0; i < policies->len; i++)
    {
      TiduPolicy *policy = g_ptr_array_index (policies, i);

      if (g_strcmp0 (policy->code, code) == 0)
        return policy;
    }
  return NULL;
}

static void
test_import_and_copy (Fixture       *fixture,
                      gconstpointer  data)
{
  TiduSubsidyCalculator *calculator = fixture->calculator;
  TiduPolicy *jiangdu = find_policy (calculator, JIANGDU);
  g_autoptr(TiduPolicy) imported = NULL;
  g_autoptr(TiduPolicy) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = NULL;
  g_autoptr(GString) broken = NULL;
  guint before = tidu_subsidy_calculator_get_policies (calculator)->len;

  g_assert_nonnull (jiangdu);
  g_assert_true (jiangdu->builtin);

  /* Malformed files fail with the loader's message and change nothing. */
  g_assert_null (tidu_subsidy_calculator_import (calculator, "{ not json", -1, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  broken = g_string_new (jiangdu->body);
  g_string_replace (broken, "\"" JIANGDU "\"", "\"broken-copy\"", 1);
  g_assert_cmpuint (g_string_replace (broken, "\"percent_with_cap\"", "\"no_such_kind\"", 1), ==, 1);
  g_assert_null (tidu_subsidy_calculator_import (calculator, broken->str, -1, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "carrier-renovation"));
  g_clear_error (&error);

  /* A built-in policy cannot be overwritten, only copied. */
  g_assert_null (tidu_subsidy_calculator_import (calculator, jiangdu->body, -1, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (tidu_subsidy_calculator_get_policies (calculator)->len, ==, before);

  body = g_string_new (jiangdu->body);
  g_string_replace (body, "\"" JIANGDU "\"", "\"yangzhou-test\"", 1);
  imported = tidu_subsidy_calculator_import (calculator, body->str, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (imported);
  g_assert_false (imported->builtin);
  g_assert_cmpuint (tidu_subsidy_calculator_get_policies (calculator)->len, ==, before + 1);
  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, "yangzhou-test", "carrier-renovation"));

  g_assert_null (tidu_subsidy_calculator_copy_policy (calculator, jiangdu, JIANGDU, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  copy = tidu_subsidy_calculator_copy_policy (calculator, jiangdu, "jiangdu-local", "江都 本地副本", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->title, ==, "江都 本地副本");
  g_assert_false (copy->builtin);
  g_assert_nonnull (find_policy (calculator, "jiangdu-local"));
}

static char *
find_incubator (TiduDatabase *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduListQuery) query = tidu_list_query_new (TIDU_LIST_CARRIERS);
  g_autoptr(GArray) rowids = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rowids = tidu_list_query_run (database, query, &error);
  g_assert_no_error (error);
  rows = tidu_list_fetch_rows (database, query, (const gint64 *) rowids->data, rowids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      TiduListRow *row = g_ptr_array_index (rows, i);
      g_autoptr(TiduCarrier) carrier = tidu_carrier_load (database, row->id, NULL);

      if (carrier != NULL && g_strcmp0 (carrier->kind, "incubator") == 0)
        return g_strdup (carrier->id);
    }
  return NULL;
}

static guint
count_awards (TiduDatabase *database)
{
  g_autoptr(GError) error = NULL;
  TiduLedgerFilter filter = { 0 };
  g_autoptr(GPtrArray) awards = tidu_ledger_list (database, &filter, &error);

  g_assert_no_error (error);
  return awards->len;
}

static void
test_calculate_for_carrier (Fixture       *fixture,
                            gconstpointer  data)
{
  TiduSubsidyCalculator *calculator = fixture->calculator;
  g_autofree char *carrier_id = find_incubator (fixture->database);
  const TiduSubsidyResult *result;

  g_assert_nonnull (carrier_id);
  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, JIANGDU, "carrier-renovation"));
  tidu_subsidy_calculator_set_input (calculator, "cost", "850万");

  /* Nobody picked: the award cannot be recorded yet. */
  gtk_widget_activate_action (GTK_WIDGET (calculator), "calculator.record", NULL);
  g_assert_cmpuint (count_awards (fixture->database), ==, 0);

  /* Picking the carrier fills its kind from the records (on a worker). */
  tidu_subsidy_calculator_set_input (calculator, "kind", "maker_space");
  tidu_subsidy_calculator_set_entity (calculator, TIDU_SUBSIDY_ENTITY_CARRIER, carrier_id);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_calculator_get_busy (calculator));
  result = tidu_subsidy_calculator_get_result (calculator);
  g_assert_nonnull (result);
  {
    g_autofree char *explanation = tidu_subsidy_result_explanation (result);

    g_test_message ("%s", explanation);
  }
  g_assert_cmpint (result->amount, ==, 1700000);

  /* Record it: one award in the ledger, shown in the ledger view; Undo takes it out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calculator), "calculator.record", NULL));
  g_assert_cmpuint (count_awards (fixture->database), ==, 1);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->n_awards == 1);
  g_assert_cmpint (tidu_subsidy_ledger_view_get_totals (fixture->ledger)->computed, ==, 1700000);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_calculator_get_busy (calculator));

  g_assert_true (tidu_undo_run (GTK_WIDGET (fixture->window)));
  g_assert_cmpuint (count_awards (fixture->database), ==, 0);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->n_awards == 0);
}

/* ------------------------------------------------------------------ the batch */

/* Runs the 江都 batch for the first year, from 2025 back, that gives rows. */
static TiduSubsidyBatch *
run_batch (Fixture *fixture)
{
  for (int year = 2025; year >= 2018; year--)
    {
      TiduSubsidyBatch *batch;

      g_assert_true (tidu_subsidy_batch_view_run (fixture->batch, JIANGDU, year));
      TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));
      batch = tidu_subsidy_batch_view_get_batch (fixture->batch);
      g_assert_nonnull (batch);
      if (batch->rows->len > 0)
        {
          g_assert_cmpstr (tidu_subsidy_batch_view_get_state (fixture->batch), ==, "rows");
          return batch;
        }
      g_assert_cmpstr (tidu_subsidy_batch_view_get_state (fixture->batch), ==, "none");
    }
  g_error ("The sample data gives no batch rows in any year");
  return NULL;
}

static gint64
sum_rows (TiduSubsidyBatch *batch,
          guint            *n)
{
  gint64 sum = 0;

  *n = 0;
  for (guint i = 0; i < batch->rows->len; i++)
    {
      TiduSubsidyBatchRow *row = g_ptr_array_index (batch->rows, i);

      if (row->excluded)
        continue;
      g_assert_true (TIDU_IS_SET (tidu_subsidy_batch_row_amount (row)));
      sum += tidu_subsidy_batch_row_amount (row);
      (*n)++;
    }
  return sum;
}

static void
test_batch_record_undo (Fixture       *fixture,
                        gconstpointer  data)
{
  TiduSubsidyBatch *batch = run_batch (fixture);
  TiduLedgerFilter filter = { 0 };
  TiduLedgerTotals totals = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *sum_text = NULL;
  gint64 sum, first;
  guint n, n_after;
  gint64 min, max;

  sum = sum_rows (batch, &n);
  g_assert_cmpuint (n, ==, batch->rows->len);
  tidu_subsidy_batch_totals (batch, NULL, &n_after, &min, &max);
  g_assert_cmpint (min, ==, sum);
  g_assert_cmpint (max, ==, sum);
  sum_text = tidu_money_format (sum, TIDU_MONEY_UNIT_YUAN);
  g_assert_nonnull (strstr (tidu_subsidy_batch_view_get_total_text (fixture->batch), sum_text));

  /* Leaving a row out takes its amount out of the totals. */
  first = tidu_subsidy_batch_row_amount (g_ptr_array_index (batch->rows, 0));
  tidu_subsidy_batch_view_set_excluded (fixture->batch, 0, TRUE);
  g_assert_cmpint (sum_rows (batch, &n_after), ==, sum - first);
  g_assert_cmpuint (n_after, ==, n - 1);
  tidu_subsidy_batch_view_set_excluded (fixture->batch, 0, FALSE);

  /* Record All asks first, then records in one step: the ledger's totals are the sum of the rows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->batch), "batch.record", NULL));
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  {
    GtkWindow *dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
    gtk_window_destroy (dialog);
  }
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));
  g_assert_nonnull (tidu_subsidy_batch_view_get_recorded_ids (fixture->batch));
  g_assert_cmpuint (g_strv_length ((GStrv) tidu_subsidy_batch_view_get_recorded_ids (fixture->batch)), ==, n);
  filter.policy = (char *) JIANGDU;
  filter.year = batch->year;
  g_assert_true (tidu_ledger_totals (fixture->database, &filter, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (totals.n_awards, ==, n);
  g_assert_cmpint (totals.computed, ==, sum);

  /* Recording twice is not offered: nothing is counted twice. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->batch), "batch.record", NULL);
  tidu_test_settle ();
  g_assert_null (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (count_awards (fixture->database), ==, n);

  tidu_subsidy_ledger_view_set_year (fixture->ledger, batch->year);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->n_awards == n);
  g_assert_cmpint (tidu_subsidy_ledger_view_get_totals (fixture->ledger)->computed, ==, sum);

  /* Undo takes the whole batch out of the ledger again. */
  g_assert_true (tidu_undo_run (GTK_WIDGET (fixture->window)));
  g_assert_cmpuint (count_awards (fixture->database), ==, 0);
  g_assert_null (tidu_subsidy_batch_view_get_recorded_ids (fixture->batch));
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->n_awards == 0);
}

/* A policy with a range the officer decides, for every carrier with a level. */
static const char range_policy[] =
  "{ \"format\": 1, \"code\": \"test-range\", \"title\": \"区间测试政策\","
  "  \"effective_from\": \"2020-01-01\", \"effective_to\": \"2030-12-31\","
  "  \"rules\": [ { \"id\": \"carrier-range\", \"article\": \"一\", \"title\": \"载体启动资金\","
  "    \"applies_to\": [\"carrier\"],"
  "    \"inputs\": [ { \"name\": \"level\", \"label\": \"级别\", \"type\": \"choice\", \"source\": \"carrier.level\","
  "                  \"choices\": [\"national\", \"provincial\", \"municipal\", \"district\"] },"
  "                { \"name\": \"amount\", \"label\": \"确定金额\", \"type\": \"money\", \"optional\": true,"
  "                  \"min\": 100000, \"max\": 200000 } ],"
  "    \"kind\": \"range\", \"parameters\": { \"min\": 100000, \"max\": 200000, \"amount_input\": \"amount\" } } ] }";

static void
test_batch_ranges (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TiduPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  TiduSubsidyBatch *batch;
  GtkWindow *dialog;
  guint n;
  gint64 min, max;

  /* Imported in the calculator, the policy is offered by the budget at once. */
  policy = tidu_subsidy_calculator_import (fixture->calculator, range_policy, -1, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_subsidy_batch_view_run (fixture->batch, "test-range", 2025));
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));
  batch = tidu_subsidy_batch_view_get_batch (fixture->batch);
  g_assert_cmpuint (batch->rows->len, >, 1);
  tidu_subsidy_batch_totals (batch, NULL, &n, &min, &max);
  g_assert_cmpint (min, ==, 100000 * (gint64) n);
  g_assert_cmpint (max, ==, 200000 * (gint64) n);
  g_assert_nonnull (strstr (tidu_subsidy_batch_view_get_total_text (fixture->batch), "–"));

  /* Amounts outside the range are refused; inside, the totals follow. */
  g_assert_false (tidu_subsidy_batch_view_set_amount (fixture->batch, 0, "5万", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tidu_subsidy_batch_view_set_amount (fixture->batch, 0, "abc", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (tidu_subsidy_batch_view_set_amount (fixture->batch, 0, "15万", &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_subsidy_batch_row_amount (g_ptr_array_index (batch->rows, 0)), ==, 150000);
  tidu_subsidy_batch_totals (batch, NULL, &n, &min, &max);
  g_assert_cmpint (min, ==, 150000 + 100000 * (gint64) (n - 1));

  /* Rows still without an amount stop Record All: nothing goes into the ledger. */
  tidu_subsidy_batch_view_record (fixture->batch);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Record the Batch");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (count_awards (fixture->database), ==, 0);

  /* Leave the others out: the one row with its amount is recorded. */
  for (guint i = 1; i < batch->rows->len; i++)
    tidu_subsidy_batch_view_set_excluded (fixture->batch, i, TRUE);
  tidu_subsidy_batch_view_record (fixture->batch);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));
  g_assert_cmpuint (count_awards (fixture->database), ==, 1);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->n_awards == 1);
  g_assert_cmpint (tidu_subsidy_ledger_view_get_totals (fixture->ledger)->computed, ==, 150000);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static char *
unzip_member (const char *path,
              const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "unzip", "-p", path, member, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static void
test_batch_export (Fixture       *fixture,
                   gconstpointer  data)
{
  TiduSubsidyBatch *batch = run_batch (fixture);
  TiduSubsidyBatchRow *first = g_ptr_array_index (batch->rows, 0);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "budget.csv", NULL);
  g_autofree char *xlsx_path = g_build_filename (fixture->dir, "budget.xlsx", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "budget.pdf", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, tidu_subsidy_batch_row_amount (first));
  g_auto(GStrv) lines = NULL;
  guint n, n_data = 0;
  gint64 sum = sum_rows (batch, &n);
  g_autofree char *total_line_end = NULL;

  tidu_subsidy_batch_view_export (fixture->batch, csv_path, "csv");
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));
  tidu_subsidy_batch_view_export (fixture->batch, xlsx_path, "xlsx");
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));
  tidu_subsidy_batch_view_export (fixture->batch, pdf_path, "pdf");
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_batch_view_get_busy (fixture->batch));

  /* CSV: UTF-8 with a BOM, the title, a line, the header, one line per row, then totals. */
  csv = read_text (csv_path);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  lines = g_strsplit (csv + 3, "\r\n", -1);
  g_assert_nonnull (strstr (lines[0], batch->policy->title));
  g_assert_true (g_str_has_prefix (lines[2], "Recipient,Kind,Article,Rule,Amount (yuan)"));
  for (guint i = 3; lines[i] != NULL && *lines[i] != '\0'; i++)
    if (!g_str_has_prefix (lines[i], "Total"))
      n_data++;
  g_assert_cmpuint (n_data, ==, n);
  g_assert_nonnull (strstr (lines[3], first->entity_name));
  g_assert_nonnull (strstr (lines[3], amount));
  total_line_end = g_strdup_printf (",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",", sum, sum, sum);
  g_assert_true (g_str_has_prefix (lines[g_strv_length (lines) - 2], "Total,"));
  g_assert_nonnull (strstr (lines[g_strv_length (lines) - 2], total_line_end));

  /* XLSX: the first row's recipient and amount are in the sheet. */
  sheet = unzip_member (xlsx_path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, first->entity_name));
  g_assert_nonnull (strstr (sheet, amount));

  pdf = read_text (pdf_path);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));
}

/* ------------------------------------------------------------------ the ledger */

static void
test_ledger_approve_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  TiduSubsidyCalculator *calculator = fixture->calculator;
  g_autofree char *carrier_id = find_incubator (fixture->database);
  g_autoptr(TiduSubsidyAward) loaded = NULL;
  const TiduSubsidyAward *award;
  GtkWindow *dialog;
  AdwEntryRow *amount_row;
  g_autofree char *id = NULL;

  g_assert_true (tidu_subsidy_calculator_show_rule (calculator, JIANGDU, "carrier-renovation"));
  tidu_subsidy_calculator_set_entity (calculator, TIDU_SUBSIDY_ENTITY_CARRIER, carrier_id);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_calculator_get_busy (calculator));
  tidu_subsidy_calculator_set_input (calculator, "cost", "850万");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calculator), "calculator.record", NULL));
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->n_awards == 1);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_calculator_get_busy (calculator));

  tidu_subsidies_page_set_tool (fixture->page, "ledger");
  tidu_subsidy_ledger_view_select (fixture->ledger, 0);
  award = tidu_subsidy_ledger_view_get_award (fixture->ledger, 0);
  g_assert_cmpstr (award->status, ==, TIDU_AWARD_RECORDED);
  id = g_strdup (award->id);

  /* Approve at another amount: the reason is required before Approve is offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->ledger), "ledger.approve", NULL));
  TIDU_TEST_WAIT_FOR (tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  dialog = tidu_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  amount_row = ADW_ENTRY_ROW (tidu_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "150万");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  {
    GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (amount_row));
    GtkWidget *reason = gtk_widget_get_next_sibling (GTK_WIDGET (amount_row));

    g_assert_true (GTK_IS_LIST_BOX (list));
    gtk_editable_set_text (GTK_EDITABLE (reason), "预算调整");
  }
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "apply"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_destroy (dialog);

  loaded = tidu_ledger_load (fixture->database, id, NULL);
  g_assert_cmpstr (loaded->status, ==, TIDU_AWARD_APPROVED);
  g_assert_cmpint (loaded->approved_amount, ==, 1500000);
  g_clear_pointer (&loaded, tidu_subsidy_award_free);
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->approved == 1500000);

  /* Undo puts the award back as it was. */
  g_assert_true (tidu_undo_run (GTK_WIDGET (fixture->window)));
  loaded = tidu_ledger_load (fixture->database, id, NULL);
  g_assert_cmpstr (loaded->status, ==, TIDU_AWARD_RECORDED);
  g_assert_false (TIDU_IS_SET (loaded->approved_amount));
  TIDU_TEST_WAIT_FOR (!tidu_subsidy_ledger_view_get_busy (fixture->ledger)
                      && tidu_subsidy_ledger_view_get_totals (fixture->ledger)->approved == 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tidu_test_init (&argc, &argv);
  app = tidu_test_application_new ();

#define ADD(path, func, n_firms) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n_firms), fixture_set_up, func, fixture_tear_down)

  ADD ("/subsidies/calculator/examples", test_calculator_examples, 0);
  ADD ("/subsidies/calculator/search", test_calculator_search, 0);
  ADD ("/subsidies/calculator/import-copy", test_import_and_copy, 0);
  ADD ("/subsidies/calculator/for-carrier", test_calculate_for_carrier, 300);
  ADD ("/subsidies/batch/record-undo", test_batch_record_undo, 300);
  ADD ("/subsidies/batch/ranges", test_batch_ranges, 300);
  ADD ("/subsidies/batch/export", test_batch_export, 300);
  ADD ("/subsidies/ledger/approve-undo", test_ledger_approve_undo, 300);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
