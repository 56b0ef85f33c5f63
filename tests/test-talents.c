/* test-talents.c: talents, talent plans, categories, batches, awards, team members,
 * instalments and the plan page figures, on real database files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "tidu-core.h"
#include "tidu-database-private.h"
#include "test-util.h"
#include "tidu-talent.h"
#include "tidu-talent-plan.h"

#define PLAN_SHUANGCHUANG "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01"
#define PLAN_HAIZHOU      "5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e03"
#define CATEGORY_SC_TALENT "6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f01"
#define CATEGORY_SC_TEAM   "6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f03"

typedef TiduTestFixture Fixture;

static void
assert_query (TiduDatabase *db,
              const char   *sql,
              const char   *expected)
{
  g_autofree char *text = tidu_test_query_text (db, sql);

  g_assert_cmpstr (text, ==, expected);
}

/* Rows (trash included) and the latest change of a table: equal before and after means a
 * refused save changed nothing. */
static char *
table_state (TiduDatabase *db,
             const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) || '/' || ifnull (max (updated_at), '') || '/' || "
                                          "ifnull (max (deleted_at), '') FROM %s", table);

  return tidu_test_query_text (db, sql);
}

static gint64
count_rows (TiduDatabase *db,
            const char   *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autofree char *text = tidu_test_query_text (db, sql);

  return g_ascii_strtoll (text, NULL, 10);
}

static void
expect_issue (TiduValidation *validation,
              const char     *field,
              TiduSeverity    severity,
              int             code)
{
  const TiduIssue *issue = tidu_validation_find (validation, field);

  if (issue == NULL)
    g_error ("no issue on field “%s”", field);
  g_assert_cmpint (issue->severity, ==, severity);
  g_assert_cmpint (issue->code, ==, code);
  g_assert_nonnull (issue->message);
  g_assert_cmpstr (issue->message, !=, "");
}

/* Validates (the issue is on @field with @code), saves (refused with @code) and checks that
 * @table did not change. */
#define REJECT(db, table, type, record, field, code)                            \
  G_STMT_START {                                                                \
    g_autofree char *before_ = table_state (db, table);                         \
    g_autoptr(TiduValidation) v_ = type##_validate (db, record, NULL);          \
    g_autoptr(GError) e_ = NULL;                                                \
    g_autofree char *after_ = NULL;                                             \
    g_assert_nonnull (v_);                                                      \
    expect_issue (v_, field, TIDU_SEVERITY_ERROR, code);                        \
    g_assert_false (type##_save (db, record, &e_));                             \
    g_assert_error (e_, TIDU_ERROR, code);                                      \
    after_ = table_state (db, table);                                           \
    g_assert_cmpstr (before_, ==, after_);                                      \
  } G_STMT_END

static void
add_firm (TiduDatabase *db,
          const char   *id,
          const char   *name)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO firms (id, name) VALUES ('%s', '%s')", id, name);

  tidu_test_exec (db, sql);
}

static char *
add_talent (TiduDatabase *db,
            const char   *name)
{
  g_autoptr(TiduTalent) talent = tidu_talent_new ();
  g_autoptr(GError) error = NULL;

  talent->name = g_strdup (name);
  g_assert_true (tidu_talent_save (db, talent, &error));
  g_assert_no_error (error);
  return g_strdup (talent->id);
}

static char *
add_plan (TiduDatabase *db,
          const char   *name,
          const char   *region_name)
{
  g_autoptr(TiduTalentPlan) plan = tidu_talent_plan_new ();
  g_autoptr(GError) error = NULL;

  plan->name = g_strdup (name);
  plan->region_name = g_strdup (region_name);
  plan->level = g_strdup ("district");
  g_assert_true (tidu_talent_plan_save (db, plan, &error));
  g_assert_no_error (error);
  return g_strdup (plan->id);
}

static char *
add_category (TiduDatabase *db,
              const char   *plan_id,
              const char   *name,
              gboolean      is_team,
              gint64        amount_max)
{
  g_autoptr(TiduPlanCategory) category = tidu_plan_category_new ();
  g_autoptr(GError) error = NULL;

  category->plan_id = g_strdup (plan_id);
  category->name = g_strdup (name);
  category->is_team = is_team;
  category->amount_max = amount_max;
  category->payout_years = 3;
  g_assert_true (tidu_plan_category_save (db, category, &error));
  g_assert_no_error (error);
  return g_strdup (category->id);
}

static char *
add_batch (TiduDatabase *db,
           const char   *plan_id,
           gint64        year,
           const char   *name)
{
  g_autoptr(TiduPlanBatch) batch = tidu_plan_batch_new ();
  g_autoptr(GError) error = NULL;

  batch->plan_id = g_strdup (plan_id);
  batch->year = year;
  batch->name = g_strdup (name);
  g_assert_true (tidu_plan_batch_save (db, batch, &error));
  g_assert_no_error (error);
  return g_strdup (batch->id);
}

static TiduTalentAward *
award_new (const char *plan_id,
           const char *category_id,
           const char *batch_id,
           const char *talent_id,
           const char *firm_id,
           gint64      granted)
{
  TiduTalentAward *award = tidu_talent_award_new ();

  award->plan_id = g_strdup (plan_id);
  award->category_id = g_strdup (category_id);
  award->batch_id = g_strdup (batch_id);
  award->talent_id = g_strdup (talent_id);
  award->firm_id = g_strdup (firm_id);
  award->granted_amount = granted;
  return award;
}

static char *
add_award (TiduDatabase *db,
           const char   *plan_id,
           const char   *category_id,
           const char   *batch_id,
           const char   *talent_id,
           const char   *firm_id,
           const char   *team_name,
           gint64        granted)
{
  g_autoptr(TiduTalentAward) award = award_new (plan_id, category_id, batch_id, talent_id, firm_id, granted);
  g_autoptr(GError) error = NULL;

  award->team_name = g_strdup (team_name);
  g_assert_true (tidu_talent_award_save (db, award, &error));
  g_assert_no_error (error);
  return g_strdup (award->id);
}

static char *
add_instalment (TiduDatabase *db,
                const char   *award_id,
                const char   *due,
                gint64        planned,
                const char   *paid_on,
                gint64        paid)
{
  g_autoptr(TiduInstalment) instalment = tidu_instalment_new ();
  g_autoptr(GError) error = NULL;

  instalment->award_id = g_strdup (award_id);
  if (due != NULL)
    g_assert_true (tidu_date_from_iso (due, &instalment->due_on));
  instalment->planned_amount = planned;
  if (paid_on != NULL)
    g_assert_true (tidu_date_from_iso (paid_on, &instalment->paid_on));
  instalment->paid_amount = paid;
  g_assert_true (tidu_instalment_save (db, instalment, &error));
  g_assert_no_error (error);
  return g_strdup (instalment->id);
}

static void
add_member (TiduDatabase *db,
            const char   *award_id,
            const char   *talent_id,
            const char   *role)
{
  g_autoptr(TiduAwardMember) member = tidu_award_member_new ();
  g_autoptr(GError) error = NULL;

  member->award_id = g_strdup (award_id);
  member->talent_id = g_strdup (talent_id);
  member->role = g_strdup (role);
  g_assert_true (tidu_talent_award_add_member (db, member, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ talents */

static void
test_talent_crud (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TiduTalent) talent = tidu_talent_new ();
  g_autoptr(TiduTalent) loaded = NULL;
  g_autoptr(TiduTalent) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;

  add_firm (f->db, "firm-1", "海州智造科技有限公司");
  tidu_test_exec (f->db, "INSERT INTO regions (id, name, kind) VALUES ('region-1', '海州区', 'district')");

  talent->name = g_strdup ("王海燕");
  talent->gender = g_strdup ("female");
  talent->birth_year = 1985;
  talent->degree = g_strdup ("博士");
  talent->field = g_strdup ("新材料");
  talent->firm_id = g_strdup ("firm-1");
  talent->region_id = g_strdup ("region-1");
  talent->contact_phone = g_strdup ("13800000000");
  g_assert_true (tidu_talent_save (f->db, talent, &error));
  g_assert_no_error (error);
  g_assert_nonnull (talent->id);
  g_assert_true (g_uuid_string_is_valid (talent->id));
  g_assert_nonnull (talent->created_at);
  g_assert_cmpstr (talent->created_at, ==, talent->updated_at);
  created = g_strdup (talent->created_at);

  loaded = tidu_talent_load (f->db, talent->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "王海燕");
  g_assert_cmpstr (loaded->gender, ==, "female");
  g_assert_cmpint (loaded->birth_year, ==, 1985);
  g_assert_cmpstr (loaded->degree, ==, "博士");
  g_assert_cmpstr (loaded->field, ==, "新材料");
  g_assert_cmpstr (loaded->firm_id, ==, "firm-1");
  g_assert_cmpstr (loaded->region_id, ==, "region-1");
  g_assert_cmpstr (loaded->contact_phone, ==, "13800000000");
  g_assert_null (loaded->title);
  g_assert_null (loaded->deleted_at);
  g_assert_cmpstr (loaded->created_at, ==, created);

  copy = tidu_talent_copy (loaded);
  g_assert_cmpstr (copy->name, ==, loaded->name);
  g_assert_cmpint (copy->birth_year, ==, loaded->birth_year);

  /* Update: cleared values come back cleared. */
  g_usleep (2000);
  g_clear_pointer (&loaded->gender, g_free);
  loaded->birth_year = TIDU_UNSET;
  g_free (loaded->title);
  loaded->title = g_strdup ("首席科学家");
  g_assert_true (tidu_talent_save (f->db, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->created_at, ==, created);
  g_assert_cmpstr (loaded->updated_at, >, created);
  g_clear_pointer (&copy, tidu_talent_free);
  copy = tidu_talent_load (f->db, talent->id, &error);
  g_assert_no_error (error);
  g_assert_null (copy->gender);
  g_assert_false (TIDU_IS_SET (copy->birth_year));
  g_assert_cmpstr (copy->title, ==, "首席科学家");
  g_assert_cmpint (count_rows (f->db, "talents"), ==, 1);

  /* Soft delete, restore, purge. */
  g_assert_false (tidu_talent_purge (f->db, talent->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (tidu_talent_delete (f->db, talent->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, tidu_talent_free);
  copy = tidu_talent_load (f->db, talent->id, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_assert_null (copy);
  g_clear_error (&error);
  g_assert_false (tidu_talent_delete (f->db, talent->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A trashed talent cannot be saved over. */
  g_assert_false (tidu_talent_save (f->db, loaded, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tidu_talent_restore (f->db, talent->id, &error));
  g_assert_no_error (error);
  copy = tidu_talent_load (f->db, talent->id, &error);
  g_assert_no_error (error);
  g_assert_false (tidu_talent_restore (f->db, talent->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tidu_talent_delete (f->db, talent->id, &error));
  g_assert_true (tidu_talent_purge (f->db, talent->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "talents"), ==, 0);
}

static void
test_talent_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TiduTalent) talent = tidu_talent_new ();
  g_autoptr(TiduTalent) saved = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = NULL;
  g_autofree char *award_id = NULL;

  add_firm (f->db, "firm-1", "海州智造科技有限公司");
  tidu_test_exec (f->db, "INSERT INTO firms (id, name, deleted_at) VALUES ('firm-gone', '已删除公司', '2025-01-01T00:00:00.000Z')");

  REJECT (f->db, "talents", tidu_talent, talent, "name", TIDU_ERROR_INVALID);
  talent->name = g_strdup ("   ");
  REJECT (f->db, "talents", tidu_talent, talent, "name", TIDU_ERROR_INVALID);
  g_assert_null (talent->id);

  g_free (talent->name);
  talent->name = g_strdup ("李明");
  talent->gender = g_strdup ("other");
  REJECT (f->db, "talents", tidu_talent, talent, "gender", TIDU_ERROR_INVALID);
  g_free (talent->gender);
  talent->gender = g_strdup ("male");

  talent->birth_year = 1899;
  REJECT (f->db, "talents", tidu_talent, talent, "birth_year", TIDU_ERROR_INVALID);
  talent->birth_year = g_date_time_get_year (now) + 1;
  REJECT (f->db, "talents", tidu_talent, talent, "birth_year", TIDU_ERROR_INVALID);
  talent->birth_year = 1900;

  talent->firm_id = g_strdup ("no-such-firm");
  REJECT (f->db, "talents", tidu_talent, talent, "firm_id", TIDU_ERROR_NOT_FOUND);
  g_free (talent->firm_id);
  talent->firm_id = g_strdup ("firm-gone");
  REJECT (f->db, "talents", tidu_talent, talent, "firm_id", TIDU_ERROR_NOT_FOUND);
  g_free (talent->firm_id);
  talent->firm_id = g_strdup ("firm-1");

  talent->region_id = g_strdup ("no-such-region");
  REJECT (f->db, "talents", tidu_talent, talent, "region_id", TIDU_ERROR_NOT_FOUND);
  g_clear_pointer (&talent->region_id, g_free);

  validation = tidu_talent_validate (f->db, talent, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tidu_validation_get_n_issues (validation), ==, 0);
  g_assert_true (tidu_talent_save (f->db, talent, &error));
  g_assert_no_error (error);

  /* A refused update leaves the row as it was. */
  saved = tidu_talent_copy (talent);
  g_free (saved->name);
  saved->name = g_strdup ("");
  REJECT (f->db, "talents", tidu_talent, saved, "name", TIDU_ERROR_INVALID);
  g_clear_pointer (&saved, tidu_talent_free);
  saved = tidu_talent_load (f->db, talent->id, &error);
  g_assert_cmpstr (saved->name, ==, "李明");
  g_assert_cmpstr (saved->updated_at, ==, talent->updated_at);

  /* An awarded talent cannot go to the trash; once the award is trashed it can, but it
   * cannot be purged while the trashed award names it. */
  plan_id = add_plan (f->db, "测试英才计划", "测试区");
  award_id = add_award (f->db, plan_id, NULL, NULL, talent->id, NULL, NULL, 100000);
  g_assert_false (tidu_talent_delete (f->db, talent->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_query (f->db, "SELECT deleted_at FROM talents", NULL);
  g_assert_true (tidu_talent_award_delete (f->db, award_id, &error));
  g_assert_true (tidu_talent_delete (f->db, talent->id, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_talent_purge (f->db, talent->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->db, "talents"), ==, 1);
}

/* ------------------------------------------------------------------ plans */

static void
test_seeded_plans (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(TiduTalentPlan) haizhou = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *category_id = NULL;
  g_autofree char *batch_id = NULL;
  const TiduPlanCategory *category;
  guint found = 0;

  plans = tidu_talent_plan_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 4);
  for (guint i = 0; i < plans->len; i++)
    {
      const TiduTalentPlan *plan = g_ptr_array_index (plans, i);

      g_assert_nonnull (plan->name);
      g_assert_nonnull (plan->level);
      g_assert_nonnull (plan->created_at);
      if (g_str_equal (plan->name, "龙城英才计划") || g_str_equal (plan->name, "红韵海州英才计划")
          || g_str_equal (plan->name, "绿扬金凤计划") || g_str_equal (plan->name, "江苏省“双创计划”"))
        found++;
    }
  g_assert_cmpuint (found, ==, 4);

  haizhou = tidu_talent_plan_load (f->db, PLAN_HAIZHOU, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (haizhou->name, ==, "红韵海州英才计划");
  g_assert_cmpstr (haizhou->level, ==, "district");
  g_assert_cmpstr (haizhou->region_name, ==, "连云港市海州区");

  categories = tidu_plan_category_list (f->db, PLAN_SHUANGCHUANG, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, ==, 5);
  category = g_ptr_array_index (categories, 0);
  g_assert_cmpstr (category->id, ==, CATEGORY_SC_TALENT);
  g_assert_cmpstr (category->name, ==, "双创人才（创新类）");
  g_assert_false (category->is_team);
  g_assert_cmpint (category->amount_min, ==, 500000);
  g_assert_cmpint (category->amount_max, ==, 1000000);
  g_assert_cmpint (category->payout_years, ==, 3);
  category = g_ptr_array_index (categories, 2);
  g_assert_cmpstr (category->name, ==, "双创团队");
  g_assert_true (category->is_team);
  for (guint i = 1; i < categories->len; i++)
    g_assert_cmpint (((TiduPlanCategory *) g_ptr_array_index (categories, i - 1))->rank, <,
                     ((TiduPlanCategory *) g_ptr_array_index (categories, i))->rank);

  /* The district's own plan gets its categories and batches. */
  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = tidu_plan_category_list (f->db, PLAN_HAIZHOU, &error);
  g_assert_cmpuint (categories->len, ==, 0);
  category_id = add_category (f->db, PLAN_HAIZHOU, "创新创业领军人才", FALSE, 500000);
  batch_id = add_batch (f->db, PLAN_HAIZHOU, 2024, "2024年度");
  g_clear_pointer (&categories, g_ptr_array_unref);
  categories = tidu_plan_category_list (f->db, PLAN_HAIZHOU, &error);
  g_assert_cmpuint (categories->len, ==, 1);
  g_assert_cmpstr (((TiduPlanCategory *) g_ptr_array_index (categories, 0))->id, ==, category_id);
  batches = tidu_plan_batch_list (f->db, PLAN_HAIZHOU, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_cmpstr (((TiduPlanBatch *) g_ptr_array_index (batches, 0))->id, ==, batch_id);
  g_assert_cmpint (((TiduPlanBatch *) g_ptr_array_index (batches, 0))->year, ==, 2024);
}

static void
test_plan_crud (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TiduTalentPlan) plan = tidu_talent_plan_new ();
  g_autoptr(TiduTalentPlan) loaded = NULL;
  g_autoptr(TiduTalentPlan) copy = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *talent_id = NULL;
  g_autofree char *award_id = NULL;
  g_autofree char *other_id = NULL;

  tidu_test_exec (f->db, "INSERT INTO regions (id, name, kind) VALUES ('region-1', '江都区', 'district')");
  plan->name = g_strdup ("江都英才计划");
  plan->level = g_strdup ("district");
  plan->issuer = g_strdup ("江都区委人才办");
  plan->region_name = g_strdup ("扬州市江都区");
  plan->region_id = g_strdup ("region-1");
  plan->description = g_strdup ("区级人才计划。");
  plan->source = g_strdup ("江都区人才新政");
  g_assert_true (tidu_talent_plan_save (f->db, plan, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (plan->id));
  g_assert_nonnull (plan->created_at);

  loaded = tidu_talent_plan_load (f->db, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "江都英才计划");
  g_assert_cmpstr (loaded->level, ==, "district");
  g_assert_cmpstr (loaded->issuer, ==, "江都区委人才办");
  g_assert_cmpstr (loaded->region_name, ==, "扬州市江都区");
  g_assert_cmpstr (loaded->region_id, ==, "region-1");
  g_assert_cmpstr (loaded->description, ==, "区级人才计划。");
  g_assert_cmpstr (loaded->source, ==, "江都区人才新政");
  copy = tidu_talent_plan_copy (loaded);
  g_assert_cmpstr (copy->source, ==, loaded->source);

  g_free (loaded->level);
  loaded->level = g_strdup ("municipal");
  g_clear_pointer (&loaded->region_id, g_free);
  g_assert_true (tidu_talent_plan_save (f->db, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, tidu_talent_plan_free);
  copy = tidu_talent_plan_load (f->db, plan->id, &error);
  g_assert_cmpstr (copy->level, ==, "municipal");
  g_assert_null (copy->region_id);

  plans = tidu_talent_plan_list (f->db, &error);
  g_assert_cmpuint (plans->len, ==, 5);

  /* Delete refuses while a live award uses the plan. */
  talent_id = add_talent (f->db, "赵强");
  award_id = add_award (f->db, plan->id, NULL, NULL, talent_id, NULL, NULL, 200000);
  g_assert_false (tidu_talent_plan_delete (f->db, plan->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  assert_query (f->db, "SELECT deleted_at FROM talent_plans WHERE name = '江都英才计划'", NULL);

  g_assert_true (tidu_talent_award_delete (f->db, award_id, &error));
  g_assert_true (tidu_talent_plan_delete (f->db, plan->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, tidu_talent_plan_free);
  copy = tidu_talent_plan_load (f->db, plan->id, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Awards cannot come back to a plan in the trash. */
  g_assert_false (tidu_talent_award_restore (f->db, award_id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The name is free while the plan is in the trash; restoring then is a duplicate. */
  other_id = add_plan (f->db, "江都英才计划", "扬州市江都区");
  g_assert_false (tidu_talent_plan_restore (f->db, plan->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (tidu_talent_plan_delete (f->db, other_id, &error));
  g_assert_true (tidu_talent_plan_restore (f->db, plan->id, &error));
  g_assert_no_error (error);

  /* Purge takes the plan's categories, batches and trashed awards along. */
  g_free (add_category (f->db, plan->id, "领军人才", FALSE, 1000000));
  g_free (add_batch (f->db, plan->id, 2025, NULL));
  g_assert_false (tidu_talent_plan_purge (f->db, plan->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (tidu_talent_plan_delete (f->db, plan->id, &error));
  g_assert_true (tidu_talent_plan_purge (f->db, plan->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->db, "talent_awards"), ==, 0);
  assert_query (f->db, "SELECT id FROM talent_plan_categories WHERE name = '领军人才'", NULL);
  assert_query (f->db, "SELECT id FROM talent_plan_batches WHERE year = 2025", NULL);
  g_assert_cmpint (count_rows (f->db, "talent_plans"), ==, 5);
}

static void
test_plan_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TiduTalentPlan) plan = tidu_talent_plan_new ();
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GError) error = NULL;

  REJECT (f->db, "talent_plans", tidu_talent_plan, plan, "name", TIDU_ERROR_INVALID);

  plan->name = g_strdup ("红韵海州英才计划");
  plan->region_name = g_strdup ("连云港市海州区");
  validation = tidu_talent_plan_validate (f->db, plan, &error);
  g_assert_no_error (error);
  expect_issue (validation, "name", TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE);
  g_assert_cmpstr (tidu_validation_find (validation, "name")->other_id, ==, PLAN_HAIZHOU);
  REJECT (f->db, "talent_plans", tidu_talent_plan, plan, "name", TIDU_ERROR_DUPLICATE);
  /* Surrounding spaces do not make another plan. */
  g_free (plan->name);
  plan->name = g_strdup (" 红韵海州英才计划 ");
  REJECT (f->db, "talent_plans", tidu_talent_plan, plan, "name", TIDU_ERROR_DUPLICATE);

  /* The same name elsewhere is another plan. */
  g_free (plan->region_name);
  plan->region_name = g_strdup ("连云港市连云区");
  plan->level = g_strdup ("county");
  REJECT (f->db, "talent_plans", tidu_talent_plan, plan, "level", TIDU_ERROR_INVALID);
  g_free (plan->level);
  plan->level = g_strdup ("district");
  plan->region_id = g_strdup ("no-such-region");
  REJECT (f->db, "talent_plans", tidu_talent_plan, plan, "region_id", TIDU_ERROR_NOT_FOUND);
  g_clear_pointer (&plan->region_id, g_free);
  g_assert_true (tidu_talent_plan_save (f->db, plan, &error));
  g_assert_no_error (error);

  /* Renaming onto a live plan of the same region is a duplicate too. */
  g_free (plan->region_name);
  plan->region_name = g_strdup ("连云港市海州区");
  REJECT (f->db, "talent_plans", tidu_talent_plan, plan, "name", TIDU_ERROR_DUPLICATE);
}

static void
test_category_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TiduPlanCategory) category = tidu_plan_category_new ();
  g_autoptr(TiduPlanCategory) loaded = NULL;
  g_autoptr(TiduPlanCategory) copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = add_plan (f->db, "测试计划", "测试区");
  g_autofree char *talent_id = add_talent (f->db, "周敏");
  g_autofree char *award_id = NULL;

  category->plan_id = g_strdup ("no-such-plan");
  category->name = g_strdup ("创业类");
  REJECT (f->db, "talent_plan_categories", tidu_plan_category, category, "plan_id", TIDU_ERROR_NOT_FOUND);
  g_free (category->plan_id);
  category->plan_id = g_strdup (plan_id);

  g_free (category->name);
  category->name = g_strdup ("");
  REJECT (f->db, "talent_plan_categories", tidu_plan_category, category, "name", TIDU_ERROR_INVALID);
  g_free (category->name);
  category->name = g_strdup ("创业类");

  category->amount_min = -1;
  REJECT (f->db, "talent_plan_categories", tidu_plan_category, category, "amount_min", TIDU_ERROR_INVALID);
  category->amount_min = 500000;
  category->amount_max = -5;
  REJECT (f->db, "talent_plan_categories", tidu_plan_category, category, "amount_max", TIDU_ERROR_INVALID);
  category->amount_max = 400000;
  REJECT (f->db, "talent_plan_categories", tidu_plan_category, category, "amount_max", TIDU_ERROR_INVALID);
  category->amount_max = 500000;
  category->payout_years = 0;
  REJECT (f->db, "talent_plan_categories", tidu_plan_category, category, "payout_years", TIDU_ERROR_INVALID);
  category->payout_years = 3;
  category->payout_note = g_strdup ("50万元，分三年拨付");
  category->rank = 20;
  g_assert_true (tidu_plan_category_save (f->db, category, &error));
  g_assert_no_error (error);

  loaded = tidu_plan_category_load (f->db, category->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "创业类");
  g_assert_cmpint (loaded->amount_min, ==, 500000);
  g_assert_cmpint (loaded->amount_max, ==, 500000);
  g_assert_cmpint (loaded->payout_years, ==, 3);
  g_assert_cmpstr (loaded->payout_note, ==, "50万元，分三年拨付");
  g_assert_cmpint (loaded->rank, ==, 20);
  copy = tidu_plan_category_copy (loaded);
  g_assert_cmpstr (copy->payout_note, ==, loaded->payout_note);

  /* Same name in the plan: duplicate; an update of the category itself is fine. */
  g_clear_pointer (&copy, tidu_plan_category_free);
  copy = tidu_plan_category_new ();
  copy->plan_id = g_strdup (plan_id);
  copy->name = g_strdup ("创业类");
  REJECT (f->db, "talent_plan_categories", tidu_plan_category, copy, "name", TIDU_ERROR_DUPLICATE);
  loaded->amount_max = 1000000;
  loaded->is_team = TRUE;
  g_assert_true (tidu_plan_category_save (f->db, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, tidu_plan_category_free);
  copy = tidu_plan_category_load (f->db, category->id, &error);
  g_assert_cmpint (copy->amount_max, ==, 1000000);
  g_assert_true (copy->is_team);

  /* Listed by rank. */
  g_free (add_category (f->db, plan_id, "创新类", FALSE, TIDU_UNSET));
  list = tidu_plan_category_list (f->db, plan_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((TiduPlanCategory *) g_ptr_array_index (list, 0))->name, ==, "创新类");
  g_assert_cmpstr (((TiduPlanCategory *) g_ptr_array_index (list, 1))->name, ==, "创业类");

  /* Delete refuses while a live award uses the category. */
  award_id = add_award (f->db, plan_id, category->id, NULL, talent_id, NULL, "周敏团队", 500000);
  g_assert_false (tidu_plan_category_delete (f->db, category->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (tidu_talent_award_delete (f->db, award_id, &error));
  g_assert_true (tidu_plan_category_delete (f->db, category->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tidu_plan_category_list (f->db, plan_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&copy, tidu_plan_category_free);
  copy = tidu_plan_category_load (f->db, category->id, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
test_batch_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TiduPlanBatch) batch = tidu_plan_batch_new ();
  g_autoptr(TiduPlanBatch) loaded = NULL;
  g_autoptr(TiduPlanBatch) copy = NULL;
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan_id = add_plan (f->db, "测试计划", "测试区");
  g_autofree char *unnamed_id = add_batch (f->db, plan_id, 2023, NULL);
  g_autofree char *talent_id = add_talent (f->db, "孙丽");
  g_autofree char *award_id = NULL;

  batch->plan_id = g_strdup ("no-such-plan");
  batch->year = 2024;
  REJECT (f->db, "talent_plan_batches", tidu_plan_batch, batch, "plan_id", TIDU_ERROR_NOT_FOUND);
  g_free (batch->plan_id);
  batch->plan_id = g_strdup (plan_id);
  batch->year = TIDU_UNSET;
  REJECT (f->db, "talent_plan_batches", tidu_plan_batch, batch, "year", TIDU_ERROR_INVALID);
  batch->year = 1979;
  REJECT (f->db, "talent_plan_batches", tidu_plan_batch, batch, "year", TIDU_ERROR_INVALID);

  /* Without a name, the year identifies the batch. */
  batch->year = 2023;
  validation = tidu_plan_batch_validate (f->db, batch, &error);
  expect_issue (validation, "year", TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE);
  g_assert_cmpstr (tidu_validation_find (validation, "year")->other_id, ==, unnamed_id);
  REJECT (f->db, "talent_plan_batches", tidu_plan_batch, batch, "year", TIDU_ERROR_DUPLICATE);
  batch->name = g_strdup ("   ");
  REJECT (f->db, "talent_plan_batches", tidu_plan_batch, batch, "year", TIDU_ERROR_DUPLICATE);

  /* Named batches of the same year are fine, but not twice the same name. */
  g_free (batch->name);
  batch->name = g_strdup ("第十八批");
  g_date_set_dmy (&batch->announced_on, 15, G_DATE_JUNE, 2023);
  g_assert_true (tidu_plan_batch_save (f->db, batch, &error));
  g_assert_no_error (error);
  copy = tidu_plan_batch_copy (batch);
  g_clear_pointer (&copy->id, g_free);
  copy->year = 2024;
  REJECT (f->db, "talent_plan_batches", tidu_plan_batch, copy, "name", TIDU_ERROR_DUPLICATE);

  loaded = tidu_plan_batch_load (f->db, batch->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->year, ==, 2023);
  g_assert_cmpstr (loaded->name, ==, "第十八批");
  g_assert_true (g_date_valid (&loaded->announced_on));
  g_assert_cmpint (g_date_compare (&loaded->announced_on, &batch->announced_on), ==, 0);

  g_free (add_batch (f->db, plan_id, 2022, NULL));
  list = tidu_plan_batch_list (f->db, plan_id, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((TiduPlanBatch *) g_ptr_array_index (list, 0))->year, ==, 2022);
  g_assert_cmpint (((TiduPlanBatch *) g_ptr_array_index (list, 2))->year, ==, 2023);

  /* Delete refuses while a live award belongs to the batch. */
  award_id = add_award (f->db, plan_id, NULL, batch->id, talent_id, NULL, NULL, 100000);
  g_assert_false (tidu_plan_batch_delete (f->db, batch->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (tidu_talent_award_delete (f->db, award_id, &error));
  g_assert_true (tidu_plan_batch_delete (f->db, batch->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tidu_plan_batch_list (f->db, plan_id, &error);
  g_assert_cmpuint (list->len, ==, 2);
  /* The award cannot come back to a deleted batch. */
  g_assert_false (tidu_talent_award_restore (f->db, award_id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

/* ------------------------------------------------------------------ awards */

static void
test_award_crud (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TiduTalentAward) award = NULL;
  g_autoptr(TiduTalentAward) loaded = NULL;
  g_autoptr(TiduTalentAward) copy = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *talent_id = add_talent (f->db, "陈晨");
  g_autofree char *batch_id = add_batch (f->db, PLAN_SHUANGCHUANG, 2022, NULL);
  TiduAwardStatus status;

  add_firm (f->db, "firm-1", "常州新材料有限公司");
  award = award_new (PLAN_SHUANGCHUANG, CATEGORY_SC_TALENT, batch_id, talent_id, "firm-1", 1000000);
  award->notes = g_strdup ("分三年拨付");
  g_assert_true (tidu_talent_award_save (f->db, award, &error));
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (award->id));
  /* The year comes from the batch. */
  g_assert_cmpint (award->year, ==, 2022);

  loaded = tidu_talent_award_load (f->db, award->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->plan_id, ==, PLAN_SHUANGCHUANG);
  g_assert_cmpstr (loaded->category_id, ==, CATEGORY_SC_TALENT);
  g_assert_cmpstr (loaded->batch_id, ==, batch_id);
  g_assert_cmpstr (loaded->talent_id, ==, talent_id);
  g_assert_cmpstr (loaded->firm_id, ==, "firm-1");
  g_assert_cmpint (loaded->year, ==, 2022);
  g_assert_cmpint (loaded->granted_amount, ==, 1000000);
  g_assert_cmpint (loaded->status, ==, TIDU_AWARD_ACTIVE);
  g_assert_cmpstr (loaded->notes, ==, "分三年拨付");
  g_assert_cmpstr (loaded->talent_name, ==, "陈晨");
  g_assert_cmpstr (loaded->firm_name, ==, "常州新材料有限公司");
  g_assert_cmpstr (loaded->category_name, ==, "双创人才（创新类）");
  g_assert_cmpstr (loaded->batch_name, ==, "2022");
  copy = tidu_talent_award_copy (loaded);
  g_assert_cmpstr (copy->talent_name, ==, loaded->talent_name);

  /* An explicit year stays. */
  loaded->year = 2023;
  loaded->status = TIDU_AWARD_REVOKED;
  g_assert_true (tidu_talent_award_save (f->db, loaded, &error));
  g_clear_pointer (&copy, tidu_talent_award_free);
  copy = tidu_talent_award_load (f->db, award->id, &error);
  g_assert_cmpint (copy->year, ==, 2023);
  g_assert_cmpint (copy->status, ==, TIDU_AWARD_REVOKED);
  assert_query (f->db, "SELECT status FROM talent_awards", "revoked");

  g_assert_true (tidu_award_status_from_string ("completed", &status));
  g_assert_cmpint (status, ==, TIDU_AWARD_COMPLETED);
  g_assert_false (tidu_award_status_from_string ("paid", &status));
  g_assert_cmpstr (tidu_award_status_to_string (TIDU_AWARD_ACTIVE), ==, "active");
  g_assert_nonnull (tidu_award_status_get_label (TIDU_AWARD_REVOKED));

  list = tidu_talent_list_awards (f->db, talent_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  g_assert_true (tidu_talent_award_delete (f->db, award->id, &error));
  g_clear_pointer (&copy, tidu_talent_award_free);
  copy = tidu_talent_award_load (f->db, award->id, &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tidu_talent_list_awards (f->db, talent_id, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (tidu_talent_award_restore (f->db, award->id, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_talent_award_restore (f->db, award->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
test_award_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TiduTalentAward) award = NULL;
  g_autoptr(TiduTalentAward) twin = NULL;
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *talent_id = add_talent (f->db, "刘洋");
  g_autofree char *other_plan = add_plan (f->db, "测试计划", "测试区");
  g_autofree char *other_category = add_category (f->db, other_plan, "测试类", FALSE, TIDU_UNSET);
  g_autofree char *other_batch = add_batch (f->db, other_plan, 2024, NULL);
  g_autofree char *batch_id = add_batch (f->db, PLAN_SHUANGCHUANG, 2024, NULL);
  g_autofree char *gone_talent = add_talent (f->db, "已删除");
  const TiduIssue *issue;

  add_firm (f->db, "firm-1", "扬州光电有限公司");
  g_assert_true (tidu_talent_delete (f->db, gone_talent, NULL));
  award = award_new (NULL, CATEGORY_SC_TALENT, batch_id, talent_id, "firm-1", 500000);

  REJECT (f->db, "talent_awards", tidu_talent_award, award, "plan_id", TIDU_ERROR_INVALID);
  award->plan_id = g_strdup ("no-such-plan");
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "plan_id", TIDU_ERROR_NOT_FOUND);
  g_free (award->plan_id);
  award->plan_id = g_strdup (PLAN_SHUANGCHUANG);

  g_free (award->talent_id);
  award->talent_id = NULL;
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "talent_id", TIDU_ERROR_INVALID);
  award->talent_id = g_strdup (gone_talent);
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "talent_id", TIDU_ERROR_NOT_FOUND);
  g_free (award->talent_id);
  award->talent_id = g_strdup (talent_id);

  g_free (award->category_id);
  award->category_id = g_strdup (other_category);
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "category_id", TIDU_ERROR_INVALID);
  g_free (award->category_id);
  award->category_id = g_strdup ("no-such-category");
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "category_id", TIDU_ERROR_NOT_FOUND);
  g_free (award->category_id);
  award->category_id = g_strdup (CATEGORY_SC_TALENT);

  g_free (award->batch_id);
  award->batch_id = g_strdup (other_batch);
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "batch_id", TIDU_ERROR_INVALID);
  g_free (award->batch_id);
  award->batch_id = g_strdup ("no-such-batch");
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "batch_id", TIDU_ERROR_NOT_FOUND);
  g_free (award->batch_id);
  award->batch_id = g_strdup (batch_id);

  g_free (award->firm_id);
  award->firm_id = g_strdup ("no-such-firm");
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "firm_id", TIDU_ERROR_NOT_FOUND);
  g_free (award->firm_id);
  award->firm_id = g_strdup ("firm-1");

  award->granted_amount = -1;
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "granted_amount", TIDU_ERROR_INVALID);
  award->year = 1979;
  award->granted_amount = 500000;
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "year", TIDU_ERROR_INVALID);
  award->year = TIDU_UNSET;

  /* A team category needs the team's name. */
  g_free (award->category_id);
  award->category_id = g_strdup (CATEGORY_SC_TEAM);
  award->granted_amount = 3000000;
  REJECT (f->db, "talent_awards", tidu_talent_award, award, "team_name", TIDU_ERROR_INVALID);
  g_free (award->category_id);
  award->category_id = g_strdup (CATEGORY_SC_TALENT);

  /* Above the standard (1,000,000) is a warning only: 一事一议. */
  award->granted_amount = 1200000;
  validation = tidu_talent_award_validate (f->db, award, &error);
  g_assert_no_error (error);
  expect_issue (validation, "granted_amount", TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID);
  g_assert_false (tidu_validation_has_errors (validation));
  g_assert_true (tidu_talent_award_save (f->db, award, &error));
  g_assert_no_error (error);
  g_assert_cmpint (award->year, ==, 2024);

  /* The natural key: plan + talent + firm + batch among live awards. */
  twin = tidu_talent_award_copy (award);
  g_clear_pointer (&twin->id, g_free);
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_talent_award_validate (f->db, twin, &error);
  issue = tidu_validation_find (validation, "talent_id");
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->code, ==, TIDU_ERROR_DUPLICATE);
  g_assert_cmpstr (issue->other_id, ==, award->id);
  REJECT (f->db, "talent_awards", tidu_talent_award, twin, "talent_id", TIDU_ERROR_DUPLICATE);
  /* Another firm is another award. */
  add_firm (f->db, "firm-2", "扬州第二有限公司");
  g_free (twin->firm_id);
  twin->firm_id = g_strdup ("firm-2");
  g_assert_true (tidu_talent_award_save (f->db, twin, &error));
  g_assert_no_error (error);
  /* Trashed, the first award frees its key; restoring it then collides. */
  g_assert_true (tidu_talent_award_delete (f->db, award->id, &error));
  g_free (twin->firm_id);
  twin->firm_id = g_strdup ("firm-1");
  g_assert_true (tidu_talent_award_save (f->db, twin, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_talent_award_restore (f->db, award->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT deleted_at FROM talent_awards WHERE id = '%s'", award->id);
    g_autofree char *deleted_at = tidu_test_query_text (f->db, sql);

    g_assert_nonnull (deleted_at);
  }

  /* Completed while an instalment is unpaid: refused, by set_status and by save. */
  g_free (add_instalment (f->db, twin->id, "2024-06-30", 400000, "2024-07-01", 400000));
  {
    g_autofree char *unpaid_id = add_instalment (f->db, twin->id, "2025-06-30", 400000, NULL, TIDU_UNSET);
    g_autofree char *before = table_state (f->db, "talent_awards");
    g_autofree char *after = NULL;
    g_autoptr(TiduInstalment) instalment = NULL;
    g_autoptr(GPtrArray) instalments = NULL;

    g_assert_false (tidu_talent_award_set_status (f->db, twin->id, TIDU_AWARD_COMPLETED, &error));
    g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
    g_clear_error (&error);
    after = table_state (f->db, "talent_awards");
    g_assert_cmpstr (before, ==, after);
    twin->status = TIDU_AWARD_COMPLETED;
    REJECT (f->db, "talent_awards", tidu_talent_award, twin, "status", TIDU_ERROR_INVALID);
    twin->status = TIDU_AWARD_ACTIVE;

    instalments = tidu_instalment_list (f->db, twin->id, &error);
    g_assert_cmpuint (instalments->len, ==, 2);
    instalment = tidu_instalment_copy (g_ptr_array_index (instalments, 1));
    g_assert_cmpstr (instalment->id, ==, unpaid_id);
    g_date_set_dmy (&instalment->paid_on, 1, G_DATE_JULY, 2025);
    instalment->paid_amount = 400000;
    g_assert_true (tidu_instalment_save (f->db, instalment, &error));
    g_assert_no_error (error);
    g_assert_true (tidu_talent_award_set_status (f->db, twin->id, TIDU_AWARD_COMPLETED, &error));
    g_assert_no_error (error);
    assert_query (f->db, "SELECT status FROM talent_awards WHERE deleted_at IS NULL AND firm_id = 'firm-1'",
                  "completed");
  }
  g_assert_false (tidu_talent_award_set_status (f->db, "no-such-award", TIDU_AWARD_REVOKED, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
}

static void
test_members (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TiduAwardMember) member = tidu_award_member_new ();
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *leader = add_talent (f->db, "吴刚");
  g_autofree char *first = add_talent (f->db, "郑一");
  g_autofree char *second = add_talent (f->db, "冯二");
  g_autofree char *gone = add_talent (f->db, "已删除");
  g_autofree char *team_award = add_award (f->db, PLAN_SHUANGCHUANG, CATEGORY_SC_TEAM, NULL, leader, NULL,
                                           "吴刚团队", 5000000);
  g_autofree char *solo_award = add_award (f->db, PLAN_SHUANGCHUANG, CATEGORY_SC_TALENT, NULL, first, NULL,
                                           NULL, 500000);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const TiduAwardMember *listed;

  g_assert_true (tidu_talent_delete (f->db, gone, NULL));
  add_member (f->db, team_award, second, "核心成员");
  add_member (f->db, team_award, first, NULL);

  members = tidu_talent_award_list_members (f->db, team_award, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  listed = g_ptr_array_index (members, 0);
  g_assert_cmpstr (listed->award_id, ==, team_award);
  g_assert_nonnull (listed->talent_name);

  /* Every refusal leaves the members as they were. */
  before = table_state (f->db, "talent_award_members");
  member->award_id = g_strdup (team_award);
  member->talent_id = g_strdup (second);
  validation = tidu_award_member_validate (f->db, member, &error);
  expect_issue (validation, "talent_id", TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE);
  g_assert_nonnull (tidu_validation_find (validation, "talent_id")->other_id);
  g_assert_false (tidu_talent_award_add_member (f->db, member, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_free (member->talent_id);
  member->talent_id = g_strdup (leader);
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_award_member_validate (f->db, member, &error);
  expect_issue (validation, "talent_id", TIDU_SEVERITY_ERROR, TIDU_ERROR_DUPLICATE);
  g_assert_false (tidu_talent_award_add_member (f->db, member, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_free (member->talent_id);
  member->talent_id = g_strdup (gone);
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_award_member_validate (f->db, member, &error);
  expect_issue (validation, "talent_id", TIDU_SEVERITY_ERROR, TIDU_ERROR_NOT_FOUND);
  g_assert_false (tidu_talent_award_add_member (f->db, member, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&member->talent_id, g_free);
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_award_member_validate (f->db, member, &error);
  expect_issue (validation, "talent_id", TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID);
  g_assert_false (tidu_talent_award_add_member (f->db, member, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);

  g_free (member->award_id);
  member->award_id = g_strdup (solo_award);
  member->talent_id = g_strdup (second);
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_award_member_validate (f->db, member, &error);
  expect_issue (validation, "award_id", TIDU_SEVERITY_ERROR, TIDU_ERROR_INVALID);
  g_assert_false (tidu_talent_award_add_member (f->db, member, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);

  g_free (member->award_id);
  member->award_id = g_strdup ("no-such-award");
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_award_member_validate (f->db, member, &error);
  expect_issue (validation, "award_id", TIDU_SEVERITY_ERROR, TIDU_ERROR_NOT_FOUND);
  g_assert_false (tidu_talent_award_add_member (f->db, member, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = table_state (f->db, "talent_award_members");
  g_assert_cmpstr (before, ==, after);

  /* A member cannot go to the trash while on a live award; their awards list the team. */
  g_assert_false (tidu_talent_delete (f->db, second, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = tidu_talent_list_awards (f->db, first, &error);
  g_assert_cmpuint (members->len, ==, 2);

  /* Remove, then remove again; added back later is fine. */
  g_assert_true (tidu_talent_award_remove_member (f->db, team_award, second, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_talent_award_remove_member (f->db, team_award, second, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = tidu_talent_award_list_members (f->db, team_award, &error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (((TiduAwardMember *) g_ptr_array_index (members, 0))->talent_id, ==, first);
  add_member (f->db, team_award, second, "核心成员");
}

static void
test_instalments (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TiduInstalment) instalment = tidu_instalment_new ();
  g_autoptr(TiduInstalment) copy = NULL;
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *talent_id = add_talent (f->db, "何静");
  g_autofree char *award_id = add_award (f->db, PLAN_SHUANGCHUANG, CATEGORY_SC_TALENT, NULL, talent_id, NULL,
                                         NULL, 500000);
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  const TiduInstalment *listed;

  instalment->planned_amount = 100000;
  REJECT (f->db, "talent_award_instalments", tidu_instalment, instalment, "award_id", TIDU_ERROR_INVALID);
  instalment->award_id = g_strdup ("no-such-award");
  REJECT (f->db, "talent_award_instalments", tidu_instalment, instalment, "award_id", TIDU_ERROR_NOT_FOUND);
  g_free (instalment->award_id);
  instalment->award_id = g_strdup (award_id);

  instalment->planned_amount = TIDU_UNSET;
  REJECT (f->db, "talent_award_instalments", tidu_instalment, instalment, "planned_amount", TIDU_ERROR_INVALID);
  instalment->planned_amount = -1;
  REJECT (f->db, "talent_award_instalments", tidu_instalment, instalment, "planned_amount", TIDU_ERROR_INVALID);
  instalment->planned_amount = 200000;

  g_date_set_dmy (&instalment->paid_on, 1, G_DATE_MARCH, 2024);
  REJECT (f->db, "talent_award_instalments", tidu_instalment, instalment, "paid_amount", TIDU_ERROR_INVALID);
  g_date_clear (&instalment->paid_on, 1);
  instalment->paid_amount = 200000;
  REJECT (f->db, "talent_award_instalments", tidu_instalment, instalment, "paid_on", TIDU_ERROR_INVALID);
  g_date_set_dmy (&instalment->paid_on, 1, G_DATE_MARCH, 2024);
  instalment->paid_amount = -1;
  REJECT (f->db, "talent_award_instalments", tidu_instalment, instalment, "paid_amount", TIDU_ERROR_INVALID);
  instalment->paid_amount = 200000;
  g_date_set_dmy (&instalment->due_on, 31, G_DATE_DECEMBER, 2024);
  g_assert_true (tidu_instalment_save (f->db, instalment, &error));
  g_assert_no_error (error);
  first_id = g_strdup (instalment->id);

  /* 200,000 + 350,000 planned > 500,000 granted: a warning, saved anyway. */
  copy = tidu_instalment_new ();
  copy->award_id = g_strdup (award_id);
  copy->planned_amount = 350000;
  g_date_set_dmy (&copy->due_on, 31, G_DATE_DECEMBER, 2023);
  validation = tidu_instalment_validate (f->db, copy, &error);
  g_assert_no_error (error);
  expect_issue (validation, "planned_amount", TIDU_SEVERITY_WARNING, TIDU_ERROR_INVALID);
  g_assert_false (tidu_validation_has_errors (validation));
  g_assert_true (tidu_instalment_save (f->db, copy, &error));
  second_id = g_strdup (copy->id);
  /* Updating an instalment does not count it twice: 200,000 + 300,000 is within the grant. */
  copy->planned_amount = 300000;
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_instalment_validate (f->db, copy, &error);
  g_assert_cmpuint (tidu_validation_get_n_issues (validation), ==, 0);
  g_assert_true (tidu_instalment_save (f->db, copy, &error));

  list = tidu_instalment_list (f->db, award_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  listed = g_ptr_array_index (list, 0);
  g_assert_cmpstr (listed->id, ==, second_id);
  g_assert_cmpint (listed->planned_amount, ==, 300000);
  g_assert_false (g_date_valid (&listed->paid_on));
  g_assert_false (TIDU_IS_SET (listed->paid_amount));
  listed = g_ptr_array_index (list, 1);
  g_assert_cmpstr (listed->id, ==, first_id);
  g_assert_cmpint (listed->paid_amount, ==, 200000);
  g_assert_cmpint (g_date_get_year (&listed->paid_on), ==, 2024);

  /* Paid up, the award completes; an unpaid instalment can no longer join it. */
  g_assert_true (tidu_instalment_delete (f->db, second_id, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_instalment_delete (f->db, second_id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (tidu_talent_award_set_status (f->db, award_id, TIDU_AWARD_COMPLETED, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, tidu_instalment_free);
  copy = tidu_instalment_new ();
  copy->award_id = g_strdup (award_id);
  copy->planned_amount = 100000;
  REJECT (f->db, "talent_award_instalments", tidu_instalment, copy, "paid_on", TIDU_ERROR_INVALID);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = tidu_instalment_list (f->db, award_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

/* ------------------------------------------------------------------ plan page */

/* The fixture, by hand:
 *
 *   batch B1 (2023, 第一批):  A1  T1 (individual, firm F1)  granted   500,000
 *                             A2  team of T2 (leader, F2) with T3 and T1  3,000,000
 *   batch B2 (2024):          A3  T4 (F1)                   granted   400,000
 *                             A4  T5 (F2)  revoked          granted   100,000  (50,000 paid before)
 *                             A6  T3 (F2)  in the trash     granted       999
 *   no batch (2024):          A5  T5, no firm               granted   100,000
 *
 *   instalments: A1 200,000 paid, 150,000 paid, 150,000 unpaid; A2 1,000,000 paid,
 *                2,000,000 unpaid; A3 400,000 unpaid; A4 50,000 paid; A6 999 paid.
 *
 *   B1: awards 2, talents {T1, T2, T3} = 3, granted 3,500,000, paid 1,350,000, firms 2
 *   B2: awards 1, talents {T4} = 1, granted 400,000, paid 50,000 (A4's), firms 1
 *   no batch: awards 1, talents 1, granted 100,000, paid 0, firms 0
 *   plan: awards 4, talents {T1..T5} = 5, granted 4,000,000, paid 1,400,000, firms 2
 */
static void
test_summary (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TiduPlanSummary) summary = NULL;
  g_autoptr(GPtrArray) awards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = add_plan (f->db, "海州测试计划", "测试区");
  g_autofree char *solo = add_category (f->db, plan, "个人", FALSE, 500000);
  g_autofree char *team = add_category (f->db, plan, "团队", TRUE, 3000000);
  g_autofree char *b2 = add_batch (f->db, plan, 2024, NULL);
  g_autofree char *b1 = add_batch (f->db, plan, 2023, "第一批");
  g_autofree char *t1 = add_talent (f->db, "T1");
  g_autofree char *t2 = add_talent (f->db, "T2");
  g_autofree char *t3 = add_talent (f->db, "T3");
  g_autofree char *t4 = add_talent (f->db, "T4");
  g_autofree char *t5 = add_talent (f->db, "T5");
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *a3 = NULL;
  g_autofree char *a4 = NULL;
  g_autofree char *a5 = NULL;
  g_autofree char *a6 = NULL;
  const TiduPlanBatchSummary *row;

  add_firm (f->db, "F1", "甲公司");
  add_firm (f->db, "F2", "乙公司");
  a1 = add_award (f->db, plan, solo, b1, t1, "F1", NULL, 500000);
  a2 = add_award (f->db, plan, team, b1, t2, "F2", "T2团队", 3000000);
  add_member (f->db, a2, t3, "核心成员");
  add_member (f->db, a2, t1, "成员");
  a3 = add_award (f->db, plan, solo, b2, t4, "F1", NULL, 400000);
  a4 = add_award (f->db, plan, solo, b2, t5, "F2", NULL, 100000);
  a6 = add_award (f->db, plan, solo, b2, t3, "F2", NULL, 999);
  {
    g_autoptr(TiduTalentAward) unbatched = award_new (plan, solo, NULL, t5, NULL, 100000);

    unbatched->year = 2024;
    g_assert_true (tidu_talent_award_save (f->db, unbatched, &error));
    g_assert_no_error (error);
    a5 = g_strdup (unbatched->id);
  }

  g_free (add_instalment (f->db, a1, "2023-12-31", 200000, "2023-12-20", 200000));
  g_free (add_instalment (f->db, a1, "2024-12-31", 150000, "2024-12-20", 150000));
  g_free (add_instalment (f->db, a1, "2025-12-31", 150000, NULL, TIDU_UNSET));
  g_free (add_instalment (f->db, a2, "2023-12-31", 1000000, "2024-01-10", 1000000));
  g_free (add_instalment (f->db, a2, "2025-12-31", 2000000, NULL, TIDU_UNSET));
  g_free (add_instalment (f->db, a3, "2024-12-31", 400000, NULL, TIDU_UNSET));
  g_free (add_instalment (f->db, a4, "2024-12-31", 50000, "2024-12-01", 50000));
  g_free (add_instalment (f->db, a6, "2024-12-31", 999, "2024-12-01", 999));
  g_assert_true (tidu_talent_award_set_status (f->db, a4, TIDU_AWARD_REVOKED, &error));
  g_assert_no_error (error);
  g_assert_true (tidu_talent_award_delete (f->db, a6, &error));

  summary = tidu_talent_plan_summary (f->db, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->plan_id, ==, plan);
  g_assert_cmpuint (summary->batches->len, ==, 3);

  row = g_ptr_array_index (summary->batches, 0);
  g_assert_cmpstr (row->batch_id, ==, b1);
  g_assert_cmpstr (row->batch_name, ==, "第一批");
  g_assert_cmpint (row->year, ==, 2023);
  g_assert_cmpint (row->n_awards, ==, 2);
  g_assert_cmpint (row->n_talents, ==, 3);
  g_assert_cmpint (row->granted_total, ==, 3500000);
  g_assert_cmpint (row->paid_total, ==, 1350000);
  g_assert_cmpint (row->n_firms, ==, 2);

  row = g_ptr_array_index (summary->batches, 1);
  g_assert_cmpstr (row->batch_id, ==, b2);
  g_assert_null (row->batch_name);
  g_assert_cmpint (row->year, ==, 2024);
  g_assert_cmpint (row->n_awards, ==, 1);
  g_assert_cmpint (row->n_talents, ==, 1);
  g_assert_cmpint (row->granted_total, ==, 400000);
  g_assert_cmpint (row->paid_total, ==, 50000);
  g_assert_cmpint (row->n_firms, ==, 1);

  row = g_ptr_array_index (summary->batches, 2);
  g_assert_null (row->batch_id);
  g_assert_false (TIDU_IS_SET (row->year));
  g_assert_cmpint (row->n_awards, ==, 1);
  g_assert_cmpint (row->n_talents, ==, 1);
  g_assert_cmpint (row->granted_total, ==, 100000);
  g_assert_cmpint (row->paid_total, ==, 0);
  g_assert_cmpint (row->n_firms, ==, 0);

  g_assert_cmpint (summary->totals.n_awards, ==, 4);
  g_assert_cmpint (summary->totals.n_talents, ==, 5);
  g_assert_cmpint (summary->totals.granted_total, ==, 4000000);
  g_assert_cmpint (summary->totals.paid_total, ==, 1400000);
  g_assert_cmpint (summary->totals.n_firms, ==, 2);

  /* The plan's award lists: all live awards, or one batch's. */
  awards = tidu_talent_plan_list_awards (f->db, plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (awards->len, ==, 5);
  g_clear_pointer (&awards, g_ptr_array_unref);
  awards = tidu_talent_plan_list_awards (f->db, plan, b1, &error);
  g_assert_cmpuint (awards->len, ==, 2);
  for (guint i = 0; i < awards->len; i++)
    g_assert_cmpstr (((TiduTalentAward *) g_ptr_array_index (awards, i))->batch_id, ==, b1);
  g_clear_pointer (&awards, g_ptr_array_unref);
  awards = tidu_talent_list_awards (f->db, t1, &error);
  g_assert_cmpuint (awards->len, ==, 2);

  /* A plan without batches or awards sums to zero; a missing plan is not found. */
  g_clear_pointer (&summary, tidu_plan_summary_free);
  summary = tidu_talent_plan_summary (f->db, PLAN_HAIZHOU, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->batches->len, ==, 0);
  g_assert_cmpint (summary->totals.n_talents, ==, 0);
  g_assert_cmpint (summary->totals.granted_total, ==, 0);
  g_clear_pointer (&summary, tidu_plan_summary_free);
  summary = tidu_talent_plan_summary (f->db, "no-such-plan", &error);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_assert_null (summary);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, tidu_test_fixture_set_up, func, tidu_test_fixture_tear_down)
  ADD ("/talents/talent/crud", test_talent_crud);
  ADD ("/talents/talent/rules", test_talent_rules);
  ADD ("/talents/plan/seeded", test_seeded_plans);
  ADD ("/talents/plan/crud", test_plan_crud);
  ADD ("/talents/plan/rules", test_plan_rules);
  ADD ("/talents/category/rules", test_category_rules);
  ADD ("/talents/batch/rules", test_batch_rules);
  ADD ("/talents/award/crud", test_award_crud);
  ADD ("/talents/award/rules", test_award_rules);
  ADD ("/talents/award/members", test_members);
  ADD ("/talents/award/instalments", test_instalments);
  ADD ("/talents/plan/summary", test_summary);
#undef ADD

  return g_test_run ();
}
