/* test-chart-stats.c: chart data from the statistics holds their exact numbers, its keys lead
 * back to the same firms, and `tidu-cli chart` writes every kind or says what is wrong.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tidu-chart.h"
#include "tidu-chart-stats.h"
#include "test-util.h"

typedef struct
{
  char            *dir;
  char            *path;
  TiduDatabase    *db;
  TiduStatsFilter *filter;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  TiduSampleOptions options = { .n_firms = 400, .seed = 7 };
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tidu-chart-stats-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "tidu.sqlite3", NULL);
  f->db = tidu_database_open (f->path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (tidu_sample_generate (f->db, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->filter = tidu_stats_filter_new ();
  g_date_set_dmy (&f->filter->date, 31, G_DATE_DECEMBER, 2025);
  f->filter->from_year = 2021;
  f->filter->to_year = 2025;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->db);
  tidu_stats_filter_free (f->filter);
  tidu_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The firms behind a chart element, through its key, are as many as its number says. */
static void
assert_key_leads_to_firms (Fixture       *f,
                           TiduChartKind  kind,
                           const char    *key,
                           double         value)
{
  g_auto(GStrv) storage = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  TiduStatsCell cell;

  g_assert_true (tidu_chart_stats_key_to_cell (kind, key, &cell, &storage));
  ids = tidu_stats_firm_ids (f->db, f->filter, &cell, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (g_strv_length (ids), ==, value);
}

static void
test_ladder (Fixture       *f,
             gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduLadder) ladder = tidu_stats_ladder (f->db, f->filter, &error);
  g_autoptr(TiduChartData) data = NULL;
  g_autofree char *subtitle = tidu_chart_stats_describe_filter (f->db, f->filter, TIDU_CHART_LADDER);

  g_assert_no_error (error);
  g_assert_cmpstr (subtitle, ==, "As of 2025-12-31");
  data = tidu_chart_data_from_ladder (ladder, subtitle);
  g_assert_cmpuint (data->kind, ==, TIDU_CHART_LADDER);
  g_assert_cmpuint (tidu_chart_data_get_n_categories (data), ==, ladder->tiers->len);
  g_assert_cmpuint (ladder->total, >, 0);
  for (guint t = 0; t < ladder->tiers->len; t++)
    {
      const TiduVocabItem *tier = g_ptr_array_index (ladder->tiers, t);
      const TiduChartCategory *category = tidu_chart_data_get_category (data, t);
      g_autofree char *key = tidu_chart_data_make_key (data, 0, t);

      g_assert_cmpstr (category->key, ==, tier->code);
      g_assert_cmpstr (key, ==, tier->code);
      g_assert_cmpstr (category->label, ==, tidu_vocab_item_get_label (tier));
      g_assert_cmpint (category->color, ==, TIDU_CHART_COLOR_TIER + (int) t);
      g_assert_cmpfloat (tidu_chart_data_get_value (data, 0, t), ==, (double) ladder->counts[t]);
      assert_key_leads_to_firms (f, TIDU_CHART_LADDER, key, (double) ladder->counts[t]);
    }
  {
    g_autofree char *text = tidu_chart_data_format_value (data, 1234);

    g_assert_cmpstr (text, ==, "1,234 firms");
  }
}

static void
test_progression (Fixture       *f,
                  gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduProgression) progression = tidu_stats_progression (f->db, f->filter, &error);
  g_autoptr(TiduChartData) data = NULL;
  guint n;

  g_assert_no_error (error);
  data = tidu_chart_data_from_progression (progression, NULL);
  n = progression->tiers->len;
  g_assert_cmpuint (tidu_chart_data_get_n_categories (data), ==, 5);
  g_assert_cmpstr (tidu_chart_data_get_category (data, 0)->label, ==, "2021");
  g_assert_cmpuint (tidu_chart_data_get_n_series (data), ==, n);
  for (guint y = 0; y < progression->n_years; y++)
    for (guint t = 0; t < n; t++)
      g_assert_cmpfloat (tidu_chart_data_get_value (data, t, y), ==, (double) progression->held[y * n + t]);
  {
    g_autofree char *key = tidu_chart_data_make_key (data, 1, 4);

    g_assert_cmpstr (key, ==, "2025|hnte");
    assert_key_leads_to_firms (f, TIDU_CHART_PROGRESSION, key, (double) progression->held[4 * n + 1]);
  }
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduTransitions) transitions = tidu_stats_transitions (f->db, f->filter, &error);
  g_autoptr(TiduChartData) data = NULL;
  guint n;

  g_assert_no_error (error);
  data = tidu_chart_data_from_transitions (transitions, NULL);
  n = transitions->tiers->len;
  g_assert_cmpstr (data->title, ==, "Tier changes 2021 → 2025");
  g_assert_cmpstr (data->category_title, ==, "End of 2021");
  g_assert_cmpuint (tidu_chart_data_get_n_categories (data), ==, n + 1);
  g_assert_cmpuint (tidu_chart_data_get_n_series (data), ==, n + 1);
  for (guint r = 0; r <= n; r++)
    for (guint c = 0; c <= n; c++)
      g_assert_cmpfloat (tidu_chart_data_get_value (data, c, r), ==, (double) transitions->matrix[r * (n + 1) + c]);
  {
    /* New firms that became 高企: the "no tier" row, the 高企 column. */
    g_autofree char *key = tidu_chart_data_make_key (data, 1, n);

    g_assert_cmpstr (key, ==, "none|hnte");
    assert_key_leads_to_firms (f, TIDU_CHART_TRANSITIONS, key, (double) tidu_transitions_get (transitions, NULL, "hnte"));
  }
}

static void
test_carriers (Fixture       *f,
               gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiduCarrierPerformance) performance = tidu_stats_carrier_performance (f->db, f->filter, &error);
  g_autoptr(TiduChartData) data = NULL;

  g_assert_no_error (error);
  data = tidu_chart_data_from_carriers (performance, NULL, NULL);
  g_assert_cmpstr (data->title, ==, "Carrier performance");
  g_assert_cmpuint (tidu_chart_data_get_n_series (data), ==, 3);
  for (guint y = 0; y < performance->n_years; y++)
    {
      g_assert_cmpfloat (tidu_chart_data_get_value (data, 0, y), ==, (double) performance->years[y].incubated);
      g_assert_cmpfloat (tidu_chart_data_get_value (data, 1, y), ==, (double) performance->years[y].graduated);
      g_assert_cmpfloat (tidu_chart_data_get_value (data, 2, y), ==, (double) performance->years[y].became_hnte);
    }
  {
    g_autofree char *key = tidu_chart_data_make_key (data, 1, 3);

    g_assert_cmpstr (key, ==, "2024|graduated");
    assert_key_leads_to_firms (f, TIDU_CHART_CARRIER, key, (double) performance->years[3].graduated);
  }
}

static void
test_targets (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  TiduTargetProgress a = { .target_id = (char *) "t1", .indicator = (char *) "firms_per_tier",
                           .title = (char *) "有效高新技术企业达300家", .year = 2025,
                           .target = 300, .actual = 287, .last_year = 251 };
  TiduTargetProgress b = { .target_id = (char *) "t2", .indicator = (char *) "firms_attracted",
                           .title = NULL, .year = 2025,
                           .target = TIDU_UNSET, .actual = 12, .last_year = TIDU_UNSET };
  g_autoptr(TiduChartData) data = NULL;

  g_ptr_array_add (list, &a);
  g_ptr_array_add (list, &b);
  data = tidu_chart_data_from_targets (list, 2025, NULL);
  g_assert_cmpstr (data->title, ==, "Targets for 2025");
  g_assert_cmpstr (tidu_chart_data_get_category (data, 0)->label, ==, "有效高新技术企业达300家");
  g_assert_cmpstr (tidu_chart_data_get_category (data, 0)->key, ==, "t1");
  /* Without a title, the indicator's name. */
  g_assert_cmpstr (tidu_chart_data_get_category (data, 1)->label, ==, tidu_indicator_get_label (TIDU_INDICATOR_FIRMS_ATTRACTED));
  g_assert_cmpfloat (tidu_chart_data_get_value (data, 0, 0), ==, 287);
  g_assert_cmpfloat (tidu_chart_data_get_value (data, 1, 0), ==, 300);
  g_assert_cmpfloat (tidu_chart_data_get_value (data, 2, 0), ==, 251);
  /* No goal, no last year: no figure, rather than a goal of zero. */
  g_assert_true (isnan (tidu_chart_data_get_value (data, 1, 1)));
  g_assert_true (isnan (tidu_chart_data_get_value (data, 2, 1)));

  g_ptr_array_set_size (list, 0);
  g_clear_pointer (&data, tidu_chart_data_unref);
  data = tidu_chart_data_from_targets (list, 2025, NULL);
  g_assert_true (tidu_chart_data_is_empty (data));
}

static TiduVocabItem *
tier (const char *code,
      const char *name,
      int         rank)
{
  TiduVocabItem *item = g_new0 (TiduVocabItem, 1);

  item->code = g_strdup (code);
  item->name_zh = g_strdup (name);
  item->name_en = g_strdup (name);
  item->rank = rank;
  return item;
}

static TiduCertification *
certification (const char *id,
               const char *tier_code,
               const char *from,
               const char *until,
               const char *revoked)
{
  TiduCertification *c = tidu_certification_new ();

  c->id = g_strdup (id);
  c->tier = g_strdup (tier_code);
  g_assert_true (tidu_date_parse (from, &c->certified_on, NULL));
  if (until != NULL)
    g_assert_true (tidu_date_parse (until, &c->valid_until, NULL));
  if (revoked != NULL)
    g_assert_true (tidu_date_parse (revoked, &c->revoked_on, NULL));
  return c;
}

static const TiduChartInterval *
interval (const TiduChartData *data,
          const char          *key)
{
  for (guint i = 0; i < data->intervals->len; i++)
    if (g_strcmp0 (g_array_index (data->intervals, TiduChartInterval, i).key, key) == 0)
      return &g_array_index (data->intervals, TiduChartInterval, i);
  g_error ("No interval “%s”", key);
  return NULL;
}

static void
test_certifications (void)
{
  g_autoptr(GPtrArray) tiers = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_vocab_item_free);
  g_autoptr(GPtrArray) certifications = g_ptr_array_new_with_free_func ((GDestroyNotify) tidu_certification_free);
  g_autoptr(TiduChartData) data = NULL;
  TiduCertification *deleted;
  const TiduChartInterval *hnte, *revoked, *open;
  GDate end;
  g_autofree char *last = NULL;

  g_ptr_array_add (tiers, tier ("tsme", "科技型中小企业", 10));
  g_ptr_array_add (tiers, tier ("hnte", "高新技术企业", 20));
  g_ptr_array_add (tiers, tier ("gazelle", "瞪羚企业", 30));
  g_ptr_array_add (tiers, tier ("listed", "上市企业", 60));
  g_ptr_array_add (tiers, tier ("innovative_sme", "创新型中小企业", 10));
  g_ptr_array_add (tiers, tier ("specialised_sme", "专精特新中小企业", 20));

  g_ptr_array_add (certifications, certification ("c1", "hnte", "2019-11-06", "2022-11-05", NULL));
  g_ptr_array_add (certifications, certification ("c2", "gazelle", "2022-06-01", "2025-05-31", "2023-09-15"));
  g_ptr_array_add (certifications, certification ("c3", "listed", "2024-03-01", NULL, NULL));
  g_ptr_array_add (certifications, certification ("c4", "specialised_sme", "2023-01-01", "2025-12-31", NULL));
  deleted = certification ("c5", "tsme", "2018-04-01", "2018-12-31", NULL);
  deleted->deleted_at = g_strdup ("2025-01-01 00:00:00");
  g_ptr_array_add (certifications, deleted);
  g_free (((TiduCertification *) g_ptr_array_index (certifications, 0))->certificate_no);
  ((TiduCertification *) g_ptr_array_index (certifications, 0))->certificate_no = g_strdup ("GR201932001234");

  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, G_DATE_DECEMBER, 2025);
  data = tidu_chart_data_from_certifications (tiers, certifications, "常州天合智能装备有限公司", &end);

  /* Lanes only for tiers held (the trashed 科技型中小企业 is not); the step line follows the
   * three ladder lanes, not 专精特新. */
  g_assert_cmpuint (tidu_chart_data_get_n_categories (data), ==, 4);
  g_assert_cmpstr (tidu_chart_data_get_category (data, 0)->key, ==, "hnte");
  g_assert_cmpstr (tidu_chart_data_get_category (data, 3)->key, ==, "specialised_sme");
  g_assert_cmpuint (data->step_lanes, ==, 3);
  g_assert_cmpuint (data->intervals->len, ==, 4);
  g_assert_cmpstr (data->title, ==, "常州天合智能装备有限公司: tier timeline");

  hnte = interval (data, "c1");
  g_assert_cmpstr (hnte->text, ==, "高新技术企业 GR201932001234, 2019-11-06 to 2022-11-05");
  revoked = interval (data, "c2");
  last = tidu_date_to_iso (&revoked->end);
  /* Revoked on 15 September: its last day is the day before. */
  g_assert_cmpstr (last, ==, "2023-09-14");
  g_assert_cmpstr (revoked->text, ==, "瞪羚企业, 2022-06-01 to 2023-09-14 (revoked)");
  open = interval (data, "c3");
  g_assert_false (g_date_valid (&open->end));
  g_assert_cmpstr (open->text, ==, "上市企业, from 2024-03-01");
  g_assert_cmpuint (open->lane, ==, 2);
}

static void
test_keys (void)
{
  g_auto(GStrv) storage = NULL;
  TiduStatsCell cell;

  g_assert_true (tidu_chart_stats_key_to_cell (TIDU_CHART_TRANSITIONS, "gazelle|none", &cell, &storage));
  g_assert_cmpint (cell.measure, ==, TIDU_STATS_TRANSITION);
  g_assert_cmpstr (cell.tier, ==, "gazelle");
  g_assert_null (cell.to_tier);
  g_clear_pointer (&storage, g_strfreev);

  g_assert_true (tidu_chart_stats_key_to_cell (TIDU_CHART_CARRIER, "2023|became_hnte", &cell, &storage));
  g_assert_cmpint (cell.measure, ==, TIDU_STATS_BECAME_HNTE);
  g_assert_cmpint (cell.year, ==, 2023);
  g_clear_pointer (&storage, g_strfreev);

  g_assert_false (tidu_chart_stats_key_to_cell (TIDU_CHART_PROGRESSION, "hnte", &cell, &storage));
  g_assert_false (tidu_chart_stats_key_to_cell (TIDU_CHART_PROGRESSION, "twenty|hnte", &cell, &storage));
  g_assert_false (tidu_chart_stats_key_to_cell (TIDU_CHART_CARRIER, "2023|stayed", &cell, &storage));
  g_assert_false (tidu_chart_stats_key_to_cell (TIDU_CHART_TRANSITIONS, "none|none", &cell, &storage));
  g_assert_false (tidu_chart_stats_key_to_cell (TIDU_CHART_LADDER, NULL, &cell, &storage));
  g_assert_false (tidu_chart_stats_key_to_cell (TIDU_CHART_TIMELINE, "c1", &cell, &storage));
  g_assert_null (storage);
}

/* tidu-cli chart ------------------------------------------------------------------------------ */

static int
run_cli (const char  *database,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *arg;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("TIDU_CLI"));
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) database);
  g_ptr_array_add (argv, (char *) "chart");
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  if (g_spawn_check_wait_status (status, NULL))
    return 0;
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
assert_magic (const char *path,
              const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  g_assert_true (g_str_has_prefix (contents, magic));
}

static void
test_cli (Fixture       *f,
          gconstpointer  unused)
{
  static const char *kinds[] = { "ladder", "progression", "transitions", "targets", "carrier", "carriers" };
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "chart.PDF", NULL);
  g_autofree char *bmp = g_build_filename (f->dir, "chart.bmp", NULL);
  g_autofree char *firm_id = NULL;
  char *err = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_test_message ("chart %s", kinds[i]);
      g_assert_cmpint (run_cli (f->path, NULL, kinds[i], "--output", png, "--date", "2025-12-31", "--from", "2022", "--to", "2025", NULL), ==, 0);
      assert_magic (png, "\x89PNG");
      g_assert_cmpint (run_cli (f->path, NULL, kinds[i], "-o", svg, "--dark", "--width", "500", "--height", "300", NULL), ==, 0);
      assert_magic (svg, "<?xml");
      g_assert_cmpint (run_cli (f->path, NULL, kinds[i], "-o", pdf, NULL), ==, 0);
      assert_magic (pdf, "%PDF-");
      g_unlink (png);
      g_unlink (svg);
      g_unlink (pdf);
    }

  /* A timeline is of one firm, by id or credit code. */
  firm_id = tidu_test_query_text (f->db, "SELECT firm_id FROM firm_tiers WHERE deleted_at IS NULL LIMIT 1");
  g_assert_cmpint (run_cli (f->path, NULL, "timeline", "--firm", firm_id, "-o", png, NULL), ==, 0);
  assert_magic (png, "\x89PNG");
  g_unlink (png);

  /* Mistakes: exit status 2, a message saying what is wrong, and no file. */
  g_assert_cmpint (run_cli (f->path, &err, "ladder", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--output"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->path, &err, "ladder", "-o", bmp, NULL), ==, 2);
  g_assert_nonnull (strstr (err, ".png, .svg or .pdf"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->path, &err, "pie", "-o", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "pie"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->path, &err, "timeline", "-o", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--firm"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->path, &err, "timeline", "--firm", "91320000MA0000000X", "-o", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "91320000MA0000000X"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->path, &err, "ladder", "--width", "wide", "-o", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--width"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->path, &err, "ladder", "--region", "没有这个区", "-o", png, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "没有这个区"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f->path, &err, "progression", "--from", "2025", "--to", "2020", "-o", png, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (bmp, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart-stats/ladder", Fixture, NULL, fixture_set_up, test_ladder, fixture_tear_down);
  g_test_add ("/chart-stats/progression", Fixture, NULL, fixture_set_up, test_progression, fixture_tear_down);
  g_test_add ("/chart-stats/transitions", Fixture, NULL, fixture_set_up, test_transitions, fixture_tear_down);
  g_test_add ("/chart-stats/carriers", Fixture, NULL, fixture_set_up, test_carriers, fixture_tear_down);
  g_test_add_func ("/chart-stats/targets", test_targets);
  g_test_add_func ("/chart-stats/certifications", test_certifications);
  g_test_add_func ("/chart-stats/keys", test_keys);
  g_test_add ("/chart-stats/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
