/* test-vocabulary.c: the vocabularies seeded by migration, and tier validity.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "tidu-core.h"

static TiduDatabase *
open_temp_database (char **dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TiduDatabase *db;

  *dir = g_dir_make_tmp ("tidu-vocab-XXXXXX", NULL);
  path = g_build_filename (*dir, "tidu.sqlite3", NULL);
  db = tidu_database_open (path, TIDU_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return db;
}

static void
remove_database (TiduDatabase *db,
                 char         *dir)
{
  g_autofree char *path = g_strdup (tidu_database_get_path (db));
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_object_unref (db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
  g_free (dir);
}

static GPtrArray *
list (TiduDatabase   *db,
      TiduVocabulary  vocabulary)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = tidu_vocabulary_list (db, vocabulary, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static const TiduVocabItem *
find (GPtrArray  *items,
      const char *code)
{
  for (guint i = 0; i < items->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->code, code))
        return item;
    }
  g_error ("no item %s", code);
  return NULL;
}

static void
assert_codes (GPtrArray          *items,
              const char * const *codes)
{
  g_assert_cmpuint (items->len, ==, g_strv_length ((char **) codes));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (((TiduVocabItem *) g_ptr_array_index (items, i))->code, ==, codes[i]);
}

static void
test_seeded (void)
{
  char *dir = NULL;
  TiduDatabase *db = open_temp_database (&dir);
  g_autoptr(GPtrArray) tiers = list (db, TIDU_VOCABULARY_TIER);
  g_autoptr(GPtrArray) kinds = list (db, TIDU_VOCABULARY_CARRIER_KIND);
  g_autoptr(GPtrArray) levels = list (db, TIDU_VOCABULARY_LEVEL);
  g_autoptr(GPtrArray) grades = list (db, TIDU_VOCABULARY_GRADE);
  g_autoptr(GPtrArray) fields = list (db, TIDU_VOCABULARY_TECH_FIELD);
  g_autoptr(GPtrArray) stages = list (db, TIDU_VOCABULARY_ATTRACTION_STAGE);
  const char * const ladder[] = { "tsme", "hnte", "gazelle", "potential_unicorn", "unicorn", "listed",
                                  "innovative_sme", "specialised_sme", "little_giant", NULL };
  const char * const kind_codes[] = { "maker_space", "incubator", "accelerator", "tech_park",
                                      "university_park", "innovation_complex", "enclave",
                                      "offshore_incubator", "rd_institution", "service_platform", NULL };
  const char * const level_codes[] = { "national", "provincial", "municipal", "district", NULL };
  const char * const grade_codes[] = { "A", "B", "C", "D", NULL };
  const char * const stage_codes[] = { "lead", "negotiating", "signed", "landed", NULL };
  const TiduVocabItem *hnte, *tsme, *listed;

  /* The ladder in order, then the 专精特新 line beside it. */
  assert_codes (tiers, ladder);
  hnte = find (tiers, "hnte");
  g_assert_cmpstr (hnte->name_zh, ==, "高新技术企业");
  g_assert_cmpstr (hnte->name_en, ==, "High-tech enterprise");
  g_assert_cmpint (hnte->validity, ==, TIDU_VALIDITY_YEARS);
  g_assert_cmpint (hnte->validity_years, ==, 3);
  tsme = find (tiers, "tsme");
  g_assert_cmpstr (tsme->name_zh, ==, "科技型中小企业");
  g_assert_cmpint (tsme->validity, ==, TIDU_VALIDITY_CALENDAR_YEAR);
  listed = find (tiers, "listed");
  g_assert_cmpint (listed->validity, ==, TIDU_VALIDITY_UNTIL_REVOKED);
  g_assert_cmpstr (find (tiers, "gazelle")->name_zh, ==, "瞪羚企业");
  g_assert_cmpstr (find (tiers, "unicorn")->name_zh, ==, "独角兽企业");

  assert_codes (kinds, kind_codes);
  g_assert_cmpstr (find (kinds, "maker_space")->name_zh, ==, "众创空间");
  g_assert_cmpstr (find (kinds, "offshore_incubator")->name_en, ==, "Offshore incubator");
  assert_codes (levels, level_codes);
  g_assert_cmpstr (find (levels, "provincial")->name_zh, ==, "省级");
  assert_codes (grades, grade_codes);
  g_assert_cmpstr (find (grades, "A")->name_zh, ==, "优秀");
  g_assert_cmpuint (fields->len, ==, 8);
  g_assert_cmpstr (find (fields, "advanced_manufacturing")->name_zh, ==, "先进制造与自动化");
  assert_codes (stages, stage_codes);
  g_assert_cmpstr (find (stages, "landed")->name_zh, ==, "落地");

  remove_database (db, dir);
}

static void
test_talent_plans_seeded (void)
{
  char *dir = NULL;
  TiduDatabase *db = open_temp_database (&dir);
  gint64 plans = 0;

  g_assert_true (tidu_database_count (db, TIDU_ENTITY_TALENT_PLAN, &plans, NULL));
  /* 江苏省“双创计划”, 龙城英才计划, 红韵海州英才计划, 绿扬金凤计划. */
  g_assert_cmpint (plans, ==, 4);
  remove_database (db, dir);
}

static void
test_labels (void)
{
  TiduVocabItem item = { .code = (char *) "hnte", .name_zh = (char *) "高新技术企业",
                         .name_en = (char *) "High-tech enterprise" };

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  g_assert_cmpstr (tidu_vocab_item_get_label (&item), ==, "高新技术企业");
  g_setenv ("LANGUAGE", "en_GB", TRUE);
  setlocale (LC_ALL, "");
  g_assert_cmpstr (tidu_vocab_item_get_label (&item), ==, "High-tech enterprise");
  g_unsetenv ("LANGUAGE");
}

static void
assert_until (const TiduVocabItem *tier,
              const char          *certified_iso,
              const char          *expiry_iso,
              const char          *expected_iso)
{
  GDate certified, expiry, until;
  gboolean expires;

  g_assert_true (tidu_date_from_iso (certified_iso, &certified));
  if (expiry_iso)
    g_assert_true (tidu_date_from_iso (expiry_iso, &expiry));
  expires = tidu_vocab_item_valid_until (tier, &certified, expiry_iso ? &expiry : NULL, &until);
  if (expected_iso == NULL)
    g_assert_false (expires);
  else
    {
      g_autofree char *iso = tidu_date_to_iso (&until);

      g_assert_true (expires);
      g_assert_cmpstr (iso, ==, expected_iso);
    }
}

static void
test_validity (void)
{
  char *dir = NULL;
  TiduDatabase *db = open_temp_database (&dir);
  g_autoptr(GPtrArray) tiers = list (db, TIDU_VOCABULARY_TIER);

  /* 高企: three years from the certificate date, GR202232008672 issued 2022-11-18, counted as
   * 民法典 articles 201 and 203 count periods: through the corresponding day, else month end. */
  assert_until (find (tiers, "hnte"), "2022-11-18", NULL, "2025-11-18");
  assert_until (find (tiers, "hnte"), "2024-02-29", NULL, "2027-02-28");
  assert_until (find (tiers, "hnte"), "2023-12-31", NULL, "2026-12-31");
  /* 科技型中小企业: the calendar year of 入库. */
  assert_until (find (tiers, "tsme"), "2025-04-10", NULL, "2025-12-31");
  /* An expiry printed on the certificate wins. */
  assert_until (find (tiers, "gazelle"), "2024-06-01", "2026-05-31", "2026-05-31");
  assert_until (find (tiers, "gazelle"), "2024-06-01", NULL, NULL);
  /* 上市企业 hold until delisted. */
  assert_until (find (tiers, "listed"), "2021-07-22", NULL, NULL);

  remove_database (db, dir);
}

static void
test_validity_names (void)
{
  TiduValidity v;

  for (TiduValidity i = TIDU_VALIDITY_YEARS; i <= TIDU_VALIDITY_EXPIRY_DATE; i++)
    {
      g_assert_true (tidu_validity_from_string (tidu_validity_to_string (i), &v));
      g_assert_cmpint (v, ==, i);
    }
  g_assert_false (tidu_validity_from_string ("forever", &v));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/vocabulary/seeded", test_seeded);
  g_test_add_func ("/vocabulary/talent-plans", test_talent_plans_seeded);
  g_test_add_func ("/vocabulary/labels", test_labels);
  g_test_add_func ("/vocabulary/validity", test_validity);
  g_test_add_func ("/vocabulary/validity-names", test_validity_names);

  return g_test_run ();
}
