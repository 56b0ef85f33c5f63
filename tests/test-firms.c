/* test-firms.c: firms, certifications and the tier on a date, yearly figures and stays, on
 * real database files.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tidu-core.h"
#include "tidu-database-private.h"
#include "test-util.h"

#define HUAWEI "914403001922038216"
#define XIAOMI "91110108551385082Q"
#define HUAWEI_BAD_CHECK "914403001922038217"

typedef TiduTestFixture Fixture;

/* Every row of the firm tables, so a test can say "nothing changed". */
static char *
snapshot (TiduDatabase *db)
{
  static const char *tables[] = { "firms", "firm_tiers", "firm_years", "firm_stays", "carriers" };

  return tidu_test_snapshot_tables (db, tables, G_N_ELEMENTS (tables));
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = NULL;

  if (iso == NULL)
    {
      g_assert_false (g_date_valid (date));
      return;
    }
  g_assert_true (g_date_valid (date));
  text = tidu_date_to_iso (date);
  g_assert_cmpstr (text, ==, iso);
}

/* The shared checks (test-util.h), and a message that says something. */
static void
assert_rejected_full (Fixture               *f,
                      TiduTestValidateFunc   validate,
                      TiduTestSaveFunc       save,
                      gpointer               record,
                      const char            *field,
                      TiduError              code,
                      TiduValidation       **validation_out)
{
  g_autoptr(TiduValidation) validation = NULL;

  tidu_test_assert_rejected (f->db, snapshot, validate, save, record, field, code, &validation);
  g_assert_cmpstr (tidu_validation_find (validation, field)->message, !=, "");
  if (validation_out != NULL)
    *validation_out = g_steal_pointer (&validation);
}

#define assert_rejected(f, kind, record, field, code) \
  assert_rejected_full (f, (TiduTestValidateFunc) tidu_##kind##_validate, (TiduTestSaveFunc) tidu_##kind##_save, \
                        record, field, code, NULL)

static TiduFirm *
make_firm (const char *name,
           const char *uscc)
{
  TiduFirm *firm = tidu_firm_new ();

  firm->name = g_strdup (name);
  firm->uscc = g_strdup (uscc);
  return firm;
}

static char *
save_firm (Fixture    *f,
           const char *name,
           const char *uscc)
{
  g_autoptr(TiduFirm) firm = make_firm (name, uscc);
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);
  return g_strdup (firm->id);
}

static char *
save_carrier (Fixture    *f,
              const char *name)
{
  g_autoptr(TiduCarrier) carrier = tidu_carrier_new ();
  g_autoptr(GError) error = NULL;

  carrier->name = g_strdup (name);
  carrier->kind = g_strdup ("incubator");
  g_assert_true (tidu_carrier_save (f->db, carrier, &error));
  g_assert_no_error (error);
  return g_strdup (carrier->id);
}

static TiduCertification *
make_certification (const char *firm_id,
                    const char *tier,
                    const char *certified_on)
{
  TiduCertification *certification = tidu_certification_new ();

  certification->firm_id = g_strdup (firm_id);
  certification->tier = g_strdup (tier);
  if (certified_on != NULL)
    certification->certified_on = tidu_test_date (certified_on);
  return certification;
}

static char *
save_certification (Fixture           *f,
                    TiduCertification *certification)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_certification_save (f->db, certification, &error));
  g_assert_no_error (error);
  return g_strdup (certification->id);
}

static char *
tier_on (Fixture    *f,
         const char *firm_id,
         const char *iso)
{
  GDate date = tidu_test_date (iso);
  g_autoptr(GError) error = NULL;
  char *tier = NULL;

  g_assert_true (tidu_firm_tier_on (f->db, firm_id, &date, &tier, &error));
  g_assert_no_error (error);
  return tier;
}

/* ------------------------------------------------------------------ firms */

static void
test_firm_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TiduFirm) firm = make_firm (" 华为技术有限公司 ", "9144 0300 1922 0382 16");
  g_autoptr(TiduFirm) loaded = NULL;
  g_autoptr(TiduFirm) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *region = NULL;

  region = tidu_region_find_or_create (f->db, NULL, "深圳市", "city", &error);
  g_assert_no_error (error);
  firm->region_id = g_strdup (region);
  firm->industry = g_strdup ("通信设备");
  firm->tech_field = g_strdup ("electronic_information");
  firm->founded_on = tidu_test_date ("1987-09-15");
  firm->address = g_strdup ("龙岗区坂田");
  firm->legal_person = g_strdup ("赵明路");
  firm->contact_name = g_strdup ("张三");
  firm->contact_phone = g_strdup ("0755-28780808");
  firm->contact_email = g_strdup ("a@example.com");
  firm->notes = g_strdup ("备注");
  firm->attraction_channel = g_strdup ("以商引商");
  firm->attraction_stage = g_strdup ("landed");
  firm->lead_on = tidu_test_date ("2024-01-10");
  firm->signed_on = tidu_test_date ("2024-03-01");
  firm->landed_on = tidu_test_date ("2024-06-30");
  firm->officer = g_strdup ("李四");

  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);
  g_assert_nonnull (firm->id);
  g_assert_cmpstr (firm->uscc, ==, HUAWEI);
  g_assert_cmpstr (firm->name, ==, "华为技术有限公司");
  g_assert_nonnull (firm->created_at);

  loaded = tidu_firm_load (f->db, firm->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->name, ==, "华为技术有限公司");
  g_assert_cmpstr (loaded->uscc, ==, HUAWEI);
  g_assert_false (loaded->uscc_override);
  g_assert_cmpstr (loaded->region_id, ==, region);
  g_assert_cmpstr (loaded->industry, ==, "通信设备");
  g_assert_cmpstr (loaded->tech_field, ==, "electronic_information");
  assert_date (&loaded->founded_on, "1987-09-15");
  g_assert_cmpstr (loaded->address, ==, "龙岗区坂田");
  g_assert_cmpstr (loaded->legal_person, ==, "赵明路");
  g_assert_cmpstr (loaded->contact_name, ==, "张三");
  g_assert_cmpstr (loaded->contact_phone, ==, "0755-28780808");
  g_assert_cmpstr (loaded->contact_email, ==, "a@example.com");
  g_assert_cmpstr (loaded->notes, ==, "备注");
  g_assert_cmpstr (loaded->attraction_channel, ==, "以商引商");
  g_assert_cmpstr (loaded->attraction_stage, ==, "landed");
  assert_date (&loaded->lead_on, "2024-01-10");
  assert_date (&loaded->signed_on, "2024-03-01");
  assert_date (&loaded->landed_on, "2024-06-30");
  g_assert_cmpstr (loaded->officer, ==, "李四");
  g_assert_cmpstr (loaded->created_at, ==, firm->created_at);
  g_assert_null (loaded->deleted_at);

  /* update, clearing optional fields */
  g_clear_pointer (&loaded->notes, g_free);
  g_date_clear (&loaded->landed_on, 1);
  g_free (loaded->address);
  loaded->address = g_strdup ("  ");
  g_assert_true (tidu_firm_save (f->db, loaded, &error));
  g_assert_no_error (error);
  g_assert_null (loaded->address);
  copy = tidu_firm_load (f->db, firm->id, &error);
  g_assert_null (copy->notes);
  g_assert_null (copy->address);
  assert_date (&copy->landed_on, NULL);
  g_assert_cmpstr (copy->created_at, ==, firm->created_at);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 1);

  g_clear_pointer (&copy, tidu_firm_free);
  copy = tidu_firm_copy (loaded);
  g_assert_cmpstr (copy->uscc, ==, loaded->uscc);
  g_assert_true (copy->uscc != loaded->uscc);
}

static void
test_firm_rules (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *region = NULL;
  g_autoptr(TiduFirm) firm = NULL;
  g_autoptr(GError) error = NULL;

  region = tidu_region_find_or_create (f->db, NULL, "常州市", "city", &error);

  firm = make_firm ("  ", NULL);
  assert_rejected (f, firm, firm, "name", TIDU_ERROR_INVALID);
  g_clear_pointer (&firm, tidu_firm_free);

  /* format errors block, whatever the override says */
  firm = make_firm ("甲公司", "91440300192203821");
  assert_rejected (f, firm, firm, "uscc", TIDU_ERROR_INVALID);
  firm->uscc_override = TRUE;
  assert_rejected (f, firm, firm, "uscc", TIDU_ERROR_INVALID);
  g_free (firm->uscc);
  firm->uscc = g_strdup ("91440300192203821I");
  assert_rejected (f, firm, firm, "uscc", TIDU_ERROR_INVALID);
  g_free (firm->uscc);
  firm->uscc = g_strdup ("9144A300192203821X");
  assert_rejected (f, firm, firm, "uscc", TIDU_ERROR_INVALID);
  g_clear_pointer (&firm, tidu_firm_free);

  firm = make_firm ("甲公司", NULL);
  firm->region_id = g_strdup ("no-such-region");
  assert_rejected (f, firm, firm, "region_id", TIDU_ERROR_INVALID);
  g_free (firm->region_id);
  firm->region_id = g_strdup (region);

  firm->tech_field = g_strdup ("software");
  assert_rejected (f, firm, firm, "tech_field", TIDU_ERROR_INVALID);
  g_clear_pointer (&firm->tech_field, g_free);

  firm->attraction_stage = g_strdup ("visited");
  assert_rejected (f, firm, firm, "attraction_stage", TIDU_ERROR_INVALID);
  g_free (firm->attraction_stage);
  firm->attraction_stage = g_strdup ("signed");

  firm->lead_on = tidu_test_date ("2024-05-01");
  firm->signed_on = tidu_test_date ("2024-04-30");
  assert_rejected (f, firm, firm, "signed_on", TIDU_ERROR_INVALID);
  firm->signed_on = tidu_test_date ("2024-05-01");
  firm->landed_on = tidu_test_date ("2024-04-01");
  assert_rejected (f, firm, firm, "landed_on", TIDU_ERROR_INVALID);
  g_date_clear (&firm->signed_on, 1);
  assert_rejected (f, firm, firm, "landed_on", TIDU_ERROR_INVALID);

  /* the same dates in order pass */
  firm->signed_on = tidu_test_date ("2024-05-01");
  firm->landed_on = tidu_test_date ("2024-05-01");
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);

  /* a region in the trash is refused */
  g_clear_pointer (&firm, tidu_firm_free);
  firm = make_firm ("乙公司", NULL);
  {
    g_autofree char *park = tidu_region_find_or_create (f->db, region, "武进高新区", "park", &error);

    g_assert_true (tidu_region_delete (f->db, park, &error));
    firm->region_id = g_strdup (park);
    assert_rejected (f, firm, firm, "region_id", TIDU_ERROR_INVALID);
  }
}

static void
test_firm_check_character (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(TiduFirm) firm = make_firm ("校验位有误公司", HUAWEI_BAD_CHECK);
  g_autoptr(TiduFirm) loaded = NULL;
  g_autoptr(TiduValidation) validation = tidu_validation_new ();
  g_autoptr(GError) error = NULL;
  const TiduIssue *issue;

  g_assert_true (tidu_firm_validate (f->db, firm, validation));
  issue = tidu_validation_find (validation, "uscc");
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, TIDU_SEVERITY_WARNING);
  g_assert_cmpint (issue->code, ==, TIDU_ERROR_INVALID);
  /* the expected check character */
  g_assert_nonnull (strstr (issue->message, "“6”"));

  /* overridden: no issue at all, and the override is stored */
  firm->uscc_override = TRUE;
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_validation_new ();
  g_assert_true (tidu_firm_validate (f->db, firm, validation));
  g_assert_null (tidu_validation_find (validation, "uscc"));
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);
  loaded = tidu_firm_load (f->db, firm->id, &error);
  g_assert_cmpstr (loaded->uscc, ==, HUAWEI_BAD_CHECK);
  g_assert_true (loaded->uscc_override);

  /* a warning never blocks a save */
  g_clear_pointer (&firm, tidu_firm_free);
  firm = make_firm ("另一家", "91350203M0001QAY9B");
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);
  g_assert_false (firm->uscc_override);

  /* an override on a valid code means nothing and is dropped */
  g_clear_pointer (&firm, tidu_firm_free);
  firm = make_firm ("小米科技有限责任公司", XIAOMI);
  firm->uscc_override = TRUE;
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_false (firm->uscc_override);
}

static void
test_firm_duplicate_uscc (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *huawei = save_firm (f, "华为技术有限公司", HUAWEI);
  g_autofree char *xiaomi = save_firm (f, "小米科技有限责任公司", XIAOMI);
  g_autoptr(TiduFirm) firm = NULL;
  g_autoptr(TiduValidation) live = NULL;
  g_autoptr(TiduValidation) trashed = NULL;
  g_autoptr(GError) error = NULL;
  const TiduIssue *issue;

  /* live holder, written differently */
  firm = make_firm ("华为二号", "914403001922038216 ");
  assert_rejected_full (f, (TiduTestValidateFunc) tidu_firm_validate, (TiduTestSaveFunc) tidu_firm_save, firm,
                        "uscc", TIDU_ERROR_DUPLICATE, &live);
  issue = tidu_validation_find (live, "uscc");
  g_assert_cmpstr (issue->other_id, ==, huawei);
  g_assert_null (strstr (issue->message, "trash"));

  /* a loaded firm does not collide with itself */
  g_clear_pointer (&firm, tidu_firm_free);
  firm = tidu_firm_load (f->db, huawei, &error);
  g_assert_true (tidu_firm_save (f->db, firm, &error));
  g_assert_no_error (error);

  /* another firm changed to the code */
  g_clear_pointer (&firm, tidu_firm_free);
  firm = tidu_firm_load (f->db, xiaomi, &error);
  g_free (firm->uscc);
  firm->uscc = g_strdup (HUAWEI);
  assert_rejected (f, firm, firm, "uscc", TIDU_ERROR_DUPLICATE);

  /* a holder in the trash, and the message says so */
  g_assert_true (tidu_firm_delete (f->db, huawei, &error));
  g_assert_no_error (error);
  g_clear_pointer (&firm, tidu_firm_free);
  firm = make_firm ("华为三号", HUAWEI);
  assert_rejected_full (f, (TiduTestValidateFunc) tidu_firm_validate, (TiduTestSaveFunc) tidu_firm_save, firm,
                        "uscc", TIDU_ERROR_DUPLICATE, &trashed);
  issue = tidu_validation_find (trashed, "uscc");
  g_assert_cmpstr (issue->other_id, ==, huawei);
  g_assert_nonnull (strstr (issue->message, "trash"));
  g_assert_cmpstr (issue->message, !=, tidu_validation_find (live, "uscc")->message);
}

static void
test_firm_find_by_uscc (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *xiaomi = save_firm (f, "小米科技有限责任公司", XIAOMI);
  g_autoptr(TiduFirm) found = NULL;
  g_autoptr(GError) error = NULL;

  found = tidu_firm_find_by_uscc (f->db, "91110108 551385082q", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->id, ==, xiaomi);
  g_clear_pointer (&found, tidu_firm_free);

  /* full-width input from a Chinese input method */
  found = tidu_firm_find_by_uscc (f->db, "９１１１０１０８５５１３８５０８２Ｑ", &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_pointer (&found, tidu_firm_free);

  g_assert_true (tidu_firm_delete (f->db, xiaomi, &error));
  found = tidu_firm_find_by_uscc (f->db, XIAOMI, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_nonnull (found->deleted_at);
  g_clear_pointer (&found, tidu_firm_free);

  found = tidu_firm_find_by_uscc (f->db, HUAWEI, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  found = tidu_firm_find_by_uscc (f->db, "123", &error);
  g_assert_null (found);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT);
}

static void
test_firm_delete_restore_purge (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "华为技术有限公司", HUAWEI);
  g_autofree char *carrier = save_carrier (f, "天宁孵化器");
  g_autoptr(TiduCertification) certification = make_certification (firm, "hnte", "2022-11-18");
  g_autoptr(TiduFirmYear) year = tidu_firm_year_new ();
  g_autoptr(TiduFirm) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GDate entered = tidu_test_date ("2023-01-01");

  g_free (save_certification (f, certification));
  year->firm_id = g_strdup (firm);
  year->year = 2024;
  g_assert_true (tidu_firm_year_save (f->db, year, &error));
  g_assert_true (tidu_firm_move_to_carrier (f->db, firm, carrier, &entered, &error));
  g_assert_no_error (error);

  g_assert_false (tidu_firm_purge (f->db, firm, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 1);

  g_assert_true (tidu_firm_delete (f->db, firm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 0);
  loaded = tidu_firm_load (f->db, firm, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded->deleted_at);
  g_clear_pointer (&loaded, tidu_firm_free);

  /* a trashed firm cannot be edited */
  loaded = tidu_firm_load (f->db, firm, &error);
  g_assert_false (tidu_firm_save (f->db, loaded, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&loaded, tidu_firm_free);

  g_assert_true (tidu_firm_restore (f->db, firm, &error));
  g_assert_no_error (error);
  g_assert_cmpint (tidu_test_count_live (f->db, TIDU_ENTITY_FIRM), ==, 1);
  g_assert_false (tidu_firm_restore (f->db, firm, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (tidu_firm_delete (f->db, firm, &error));
  g_assert_true (tidu_firm_purge (f->db, firm, &error));
  g_assert_no_error (error);
  loaded = tidu_firm_load (f->db, firm, &error);
  g_assert_null (loaded);
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_NOT_FOUND);
  /* its certifications, years and stays went with it */
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firm_tiers"), ==, 0);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firm_years"), ==, 0);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firm_stays"), ==, 0);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM carriers"), ==, 1);
}

/* ------------------------------------------------------------------ certifications */

static void
test_certification_round_trip (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "瞪羚公司", NULL);
  g_autoptr(TiduCertification) certification = make_certification (firm, "gazelle", "2024-12-20");
  g_autoptr(TiduCertification) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  certification->level = g_strdup ("provincial");
  certification->certificate_no = g_strdup ("SDL-2024-001");
  certification->notes = g_strdup ("省瞪羚");
  id = save_certification (f, certification);
  /* 瞪羚 without a printed expiry is open-ended */
  assert_date (&certification->valid_until, NULL);

  loaded = tidu_certification_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->firm_id, ==, firm);
  g_assert_cmpstr (loaded->tier, ==, "gazelle");
  g_assert_cmpstr (loaded->level, ==, "provincial");
  assert_date (&loaded->certified_on, "2024-12-20");
  assert_date (&loaded->expires_on, NULL);
  assert_date (&loaded->valid_until, NULL);
  g_assert_cmpstr (loaded->certificate_no, ==, "SDL-2024-001");
  g_assert_cmpstr (loaded->status, ==, "active");
  assert_date (&loaded->revoked_on, NULL);
  g_assert_cmpstr (loaded->notes, ==, "省瞪羚");

  /* the expiry printed on the certificate wins */
  loaded->expires_on = tidu_test_date ("2026-06-30");
  g_assert_true (tidu_certification_save (f->db, loaded, &error));
  g_assert_no_error (error);
  assert_date (&loaded->valid_until, "2026-06-30");
  g_clear_pointer (&loaded, tidu_certification_free);
  loaded = tidu_certification_load (f->db, id, &error);
  assert_date (&loaded->valid_until, "2026-06-30");

  g_assert_true (tidu_certification_delete (f->db, id, &error));
  list = tidu_firm_list_certifications (f->db, firm, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (tidu_certification_restore (f->db, id, &error));
  g_assert_no_error (error);
  list = tidu_firm_list_certifications (f->db, firm, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_certification_rules (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "规则公司", NULL);
  g_autofree char *gone = save_firm (f, "已删除公司", NULL);
  g_autoptr(TiduCertification) certification = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tidu_firm_delete (f->db, gone, &error));

  certification = make_certification (NULL, "hnte", "2022-11-18");
  assert_rejected (f, certification, certification, "firm_id", TIDU_ERROR_INVALID);
  g_free (certification->firm_id);
  certification->firm_id = g_strdup ("no-such-firm");
  assert_rejected (f, certification, certification, "firm_id", TIDU_ERROR_INVALID);
  g_free (certification->firm_id);
  certification->firm_id = g_strdup (gone);
  assert_rejected (f, certification, certification, "firm_id", TIDU_ERROR_INVALID);
  g_free (certification->firm_id);
  certification->firm_id = g_strdup (firm);

  g_free (certification->tier);
  certification->tier = g_strdup ("dragon");
  assert_rejected (f, certification, certification, "tier", TIDU_ERROR_INVALID);
  g_clear_pointer (&certification->tier, g_free);
  assert_rejected (f, certification, certification, "tier", TIDU_ERROR_INVALID);
  certification->tier = g_strdup ("hnte");

  certification->level = g_strdup ("county");
  assert_rejected (f, certification, certification, "level", TIDU_ERROR_INVALID);
  g_clear_pointer (&certification->level, g_free);

  g_date_clear (&certification->certified_on, 1);
  assert_rejected (f, certification, certification, "certified_on", TIDU_ERROR_INVALID);
  certification->certified_on = tidu_test_date ("2022-11-18");

  certification->expires_on = tidu_test_date ("2022-11-18");
  assert_rejected (f, certification, certification, "expires_on", TIDU_ERROR_INVALID);
  certification->expires_on = tidu_test_date ("2022-01-01");
  assert_rejected (f, certification, certification, "expires_on", TIDU_ERROR_INVALID);
  g_date_clear (&certification->expires_on, 1);

  g_free (certification->status);
  certification->status = g_strdup ("revoked");
  assert_rejected (f, certification, certification, "revoked_on", TIDU_ERROR_INVALID);
  certification->revoked_on = tidu_test_date ("2022-11-17");
  assert_rejected (f, certification, certification, "revoked_on", TIDU_ERROR_INVALID);
  g_free (certification->status);
  certification->status = g_strdup ("active");
  certification->revoked_on = tidu_test_date ("2023-05-01");
  assert_rejected (f, certification, certification, "status", TIDU_ERROR_INVALID);
  g_free (certification->status);
  certification->status = g_strdup ("suspended");
  assert_rejected (f, certification, certification, "status", TIDU_ERROR_INVALID);
  g_free (certification->status);
  certification->status = g_strdup ("revoked");

  g_assert_true (tidu_certification_save (f->db, certification, &error));
  g_assert_no_error (error);
}

static void
test_certificate_number (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "高企公司", NULL);
  g_autoptr(TiduCertification) certification = make_certification (firm, "hnte", "2022-11-18");
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GError) error = NULL;
  const TiduIssue *issue;
  const char *bad[] = { "GR20223200867", "GR2022320086721", "GX202232008672", "GR2022320O8672", "高企2022" };

  certification->certificate_no = g_strdup ("GR202232008672");
  validation = tidu_validation_new ();
  g_assert_true (tidu_certification_validate (f->db, certification, validation));
  g_assert_cmpuint (tidu_validation_get_n_issues (validation), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_free (certification->certificate_no);
      certification->certificate_no = g_strdup (bad[i]);
      g_clear_pointer (&validation, tidu_validation_free);
      validation = tidu_validation_new ();
      g_assert_true (tidu_certification_validate (f->db, certification, validation));
      issue = tidu_validation_find (validation, "certificate_no");
      g_assert_nonnull (issue);
      g_assert_cmpint (issue->severity, ==, TIDU_SEVERITY_WARNING);
    }

  /* the year in the number differs from the certificate's */
  g_free (certification->certificate_no);
  certification->certificate_no = g_strdup ("GR202132008672");
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_validation_new ();
  g_assert_true (tidu_certification_validate (f->db, certification, validation));
  issue = tidu_validation_find (validation, "certificate_no");
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->severity, ==, TIDU_SEVERITY_WARNING);
  g_assert_nonnull (strstr (issue->message, "2021"));
  /* warnings do not block */
  g_assert_true (tidu_certification_save (f->db, certification, &error));
  g_assert_no_error (error);

  /* other tiers have no number pattern */
  g_free (certification->tier);
  certification->tier = g_strdup ("tsme");
  g_clear_pointer (&validation, tidu_validation_free);
  validation = tidu_validation_new ();
  g_assert_true (tidu_certification_validate (f->db, certification, validation));
  g_assert_null (tidu_validation_find (validation, "certificate_no"));
}

static void
test_tier_on_date (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *hnte_firm = save_firm (f, "高企", NULL);
  g_autofree char *tsme_firm = save_firm (f, "科小", NULL);
  g_autofree char *both_firm = save_firm (f, "两者", NULL);
  g_autofree char *leap_firm = save_firm (f, "闰日", NULL);
  g_autoptr(TiduCertification) c = NULL;
  g_autofree char *tier = NULL;

  /* 高企 dated 2022-11-18: valid through 2025-11-18 (docs/adr/0003) */
  c = make_certification (hnte_firm, "hnte", "2022-11-18");
  c->certificate_no = g_strdup ("GR202232008672");
  g_free (save_certification (f, c));
  assert_date (&c->valid_until, "2025-11-18");
  g_clear_pointer (&c, tidu_certification_free);

  tier = tier_on (f, hnte_firm, "2022-11-17");
  g_assert_null (tier);
  tier = tier_on (f, hnte_firm, "2022-11-18");
  g_assert_cmpstr (tier, ==, "hnte");
  g_clear_pointer (&tier, g_free);
  tier = tier_on (f, hnte_firm, "2025-11-18");
  g_assert_cmpstr (tier, ==, "hnte");
  g_clear_pointer (&tier, g_free);
  tier = tier_on (f, hnte_firm, "2025-11-19");
  g_assert_null (tier);

  /* 科技型中小企业 入库 2025-04-10: valid through 2025-12-31 only */
  c = make_certification (tsme_firm, "tsme", "2025-04-10");
  g_free (save_certification (f, c));
  assert_date (&c->valid_until, "2025-12-31");
  g_clear_pointer (&c, tidu_certification_free);
  tier = tier_on (f, tsme_firm, "2025-04-09");
  g_assert_null (tier);
  tier = tier_on (f, tsme_firm, "2025-12-31");
  g_assert_cmpstr (tier, ==, "tsme");
  g_clear_pointer (&tier, g_free);
  tier = tier_on (f, tsme_firm, "2026-01-01");
  g_assert_null (tier);

  /* 科小 and 高企 the same day: the higher rank */
  c = make_certification (both_firm, "tsme", "2024-06-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  c = make_certification (both_firm, "hnte", "2024-06-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  tier = tier_on (f, both_firm, "2024-06-01");
  g_assert_cmpstr (tier, ==, "hnte");
  g_clear_pointer (&tier, g_free);

  /* leap day: three years from 2024-02-29 run through 2027-02-28 */
  c = make_certification (leap_firm, "hnte", "2024-02-29");
  g_free (save_certification (f, c));
  assert_date (&c->valid_until, "2027-02-28");
  g_clear_pointer (&c, tidu_certification_free);
  tier = tier_on (f, leap_firm, "2027-02-28");
  g_assert_cmpstr (tier, ==, "hnte");
  g_clear_pointer (&tier, g_free);
  tier = tier_on (f, leap_firm, "2027-03-01");
  g_assert_null (tier);
}

static void
test_tiers_on_and_lines (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "多线公司", NULL);
  g_autoptr(TiduCertification) c = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tiers = NULL;
  g_autofree char *tier = NULL;
  GDate date = tidu_test_date ("2024-07-01");

  /* the 专精特新 line alone gives no ladder tier */
  c = make_certification (firm, "little_giant", "2024-01-15");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  tier = tier_on (f, firm, "2024-07-01");
  g_assert_null (tier);

  c = make_certification (firm, "tsme", "2024-03-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  c = make_certification (firm, "hnte", "2023-12-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  c = make_certification (firm, "specialised_sme", "2023-01-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);

  tiers = tidu_firm_tiers_on (f->db, firm, &date, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tiers), ==, 4);
  g_assert_cmpstr (tiers[0], ==, "hnte");
  g_assert_cmpstr (tiers[1], ==, "tsme");
  g_assert_cmpstr (tiers[2], ==, "little_giant");
  g_assert_cmpstr (tiers[3], ==, "specialised_sme");
  g_clear_pointer (&tiers, g_strfreev);

  tier = tier_on (f, firm, "2024-07-01");
  g_assert_cmpstr (tier, ==, "hnte");
  g_clear_pointer (&tier, g_free);

  date = tidu_test_date ("2020-01-01");
  tiers = tidu_firm_tiers_on (f->db, firm, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tiers);
  g_assert_cmpuint (g_strv_length (tiers), ==, 0);

  /* 上市 does not expire by itself */
  c = make_certification (firm, "listed", "2024-09-01");
  g_free (save_certification (f, c));
  assert_date (&c->valid_until, NULL);
  g_clear_pointer (&c, tidu_certification_free);
  tier = tier_on (f, firm, "2090-01-01");
  g_assert_cmpstr (tier, ==, "listed");
}

static void
test_tier_revoked_and_expiry (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "撤销公司", NULL);
  g_autofree char *other = save_firm (f, "证书到期公司", NULL);
  g_autoptr(TiduCertification) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *id = NULL;

  c = make_certification (firm, "tsme", "2024-03-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  c = make_certification (firm, "hnte", "2022-11-18");
  id = save_certification (f, c);

  /* revoked on 2024-05-01: held through 2024-04-30, not on the day of revocation */
  g_free (c->status);
  c->status = g_strdup ("revoked");
  c->revoked_on = tidu_test_date ("2024-05-01");
  g_assert_true (tidu_certification_save (f->db, c, &error));
  g_assert_no_error (error);
  tier = tier_on (f, firm, "2024-04-30");
  g_assert_cmpstr (tier, ==, "hnte");
  g_clear_pointer (&tier, g_free);
  tier = tier_on (f, firm, "2024-05-01");
  g_assert_cmpstr (tier, ==, "tsme");
  g_clear_pointer (&tier, g_free);

  /* a deleted certification no longer counts */
  g_assert_true (tidu_certification_delete (f->db, id, &error));
  tier = tier_on (f, firm, "2023-01-01");
  g_assert_null (tier);

  /* the expiry printed on the certificate wins over the three-year rule */
  g_clear_pointer (&c, tidu_certification_free);
  c = make_certification (other, "hnte", "2022-11-18");
  c->expires_on = tidu_test_date ("2024-12-31");
  g_free (save_certification (f, c));
  assert_date (&c->valid_until, "2024-12-31");
  tier = tier_on (f, other, "2024-12-31");
  g_assert_cmpstr (tier, ==, "hnte");
  g_clear_pointer (&tier, g_free);
  tier = tier_on (f, other, "2025-01-01");
  g_assert_null (tier);
}

static void
test_tier_timeline (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "时间线公司", NULL);
  g_autoptr(TiduCertification) c = NULL;
  g_autoptr(GPtrArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  const TiduTierSpan *span;

  /* two 高企 certificates that follow on: one span */
  c = make_certification (firm, "hnte", "2019-11-18");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  c = make_certification (firm, "hnte", "2022-11-18");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  /* 科小 in 2018 and 2020, not 2019: two spans */
  c = make_certification (firm, "tsme", "2018-04-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  c = make_certification (firm, "tsme", "2020-04-01");
  g_free (save_certification (f, c));
  g_clear_pointer (&c, tidu_certification_free);
  /* 瞪羚, revoked */
  c = make_certification (firm, "gazelle", "2023-06-01");
  c->status = (g_free (c->status), g_strdup ("revoked"));
  c->revoked_on = tidu_test_date ("2024-06-01");
  g_free (save_certification (f, c));

  spans = tidu_firm_tier_timeline (f->db, firm, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 4);

  span = g_ptr_array_index (spans, 0);
  g_assert_cmpstr (span->tier, ==, "tsme");
  assert_date (&span->from, "2018-04-01");
  assert_date (&span->until, "2018-12-31");
  span = g_ptr_array_index (spans, 1);
  g_assert_cmpstr (span->tier, ==, "hnte");
  assert_date (&span->from, "2019-11-18");
  assert_date (&span->until, "2025-11-18");
  span = g_ptr_array_index (spans, 2);
  g_assert_cmpstr (span->tier, ==, "tsme");
  assert_date (&span->from, "2020-04-01");
  assert_date (&span->until, "2020-12-31");
  span = g_ptr_array_index (spans, 3);
  g_assert_cmpstr (span->tier, ==, "gazelle");
  assert_date (&span->from, "2023-06-01");
  assert_date (&span->until, "2024-05-31");
}

/* ------------------------------------------------------------------ yearly indicators */

static void
test_years (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "年度公司", NULL);
  g_autoptr(TiduFirmYear) year = tidu_firm_year_new ();
  g_autoptr(TiduFirmYear) again = tidu_firm_year_new ();
  g_autoptr(TiduFirmYear) next = tidu_firm_year_new ();
  g_autoptr(GPtrArray) years = NULL;
  g_autoptr(GError) error = NULL;
  const TiduFirmYear *row;

  year->firm_id = g_strdup (firm);
  year->year = 2024;
  year->revenue = 52000000;
  year->rd_expense = 3100000;
  year->staff = 120;
  year->tech_staff = 30;
  year->ip_class1 = 2;
  year->ip_class2 = 11;
  year->notes = g_strdup ("快报");
  g_assert_true (tidu_firm_year_save (f->db, year, &error));
  g_assert_no_error (error);
  g_assert_nonnull (year->id);

  /* a second save for the same year updates the same row */
  again->firm_id = g_strdup (firm);
  again->year = 2024;
  again->revenue = 53000000;
  again->staff = 125;
  g_assert_true (tidu_firm_year_save (f->db, again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again->id, ==, year->id);
  g_assert_cmpstr (again->created_at, ==, year->created_at);

  next->firm_id = g_strdup (firm);
  next->year = 2023;
  next->revenue = 40000000;
  g_assert_true (tidu_firm_year_save (f->db, next, &error));

  years = tidu_firm_list_years (f->db, firm, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 2);
  row = g_ptr_array_index (years, 0);
  g_assert_cmpint (row->year, ==, 2023);
  row = g_ptr_array_index (years, 1);
  g_assert_cmpint (row->year, ==, 2024);
  g_assert_cmpint (row->revenue, ==, 53000000);
  g_assert_cmpint (row->staff, ==, 125);
  g_assert_cmpint (row->rd_expense, ==, TIDU_UNSET);
  g_assert_cmpint (row->valuation, ==, TIDU_UNSET);
  g_assert_cmpint (tidu_test_db_int (f->db, "SELECT count(*) FROM firm_years"), ==, 2);

  /* rules */
  next->year = 1979;
  assert_rejected (f, firm_year, next, "year", TIDU_ERROR_INVALID);
  next->year = 2101;
  assert_rejected (f, firm_year, next, "year", TIDU_ERROR_INVALID);
  next->year = 2023;
  next->revenue = -1;
  assert_rejected (f, firm_year, next, "revenue", TIDU_ERROR_INVALID);
  next->revenue = TIDU_UNSET;
  next->rd_expense = -5;
  assert_rejected (f, firm_year, next, "rd_expense", TIDU_ERROR_INVALID);
  next->rd_expense = TIDU_UNSET;
  next->ip_class2 = -1;
  assert_rejected (f, firm_year, next, "ip_class2", TIDU_ERROR_INVALID);
  next->ip_class2 = TIDU_UNSET;
  next->financing = -1;
  assert_rejected (f, firm_year, next, "financing", TIDU_ERROR_INVALID);
  next->financing = TIDU_UNSET;
  next->staff = -3;
  assert_rejected (f, firm_year, next, "staff", TIDU_ERROR_INVALID);
  next->staff = 10;
  next->tech_staff = 11;
  assert_rejected (f, firm_year, next, "tech_staff", TIDU_ERROR_INVALID);
  next->tech_staff = 10;
  /* a saved row moved onto a year already there */
  next->year = 2024;
  assert_rejected (f, firm_year, next, "year", TIDU_ERROR_DUPLICATE);
  next->year = 2023;
  g_free (next->firm_id);
  next->firm_id = g_strdup ("no-such-firm");
  assert_rejected (f, firm_year, next, "firm_id", TIDU_ERROR_INVALID);
  g_free (next->firm_id);
  next->firm_id = g_strdup (firm);
  g_assert_true (tidu_firm_year_save (f->db, next, &error));
  g_assert_no_error (error);

  /* delete, re-enter the year, and restoring the old one collides */
  g_assert_true (tidu_firm_year_delete (f->db, next->id, &error));
  g_clear_pointer (&years, g_ptr_array_unref);
  years = tidu_firm_list_years (f->db, firm, &error);
  g_assert_cmpuint (years->len, ==, 1);
  g_clear_pointer (&again, tidu_firm_year_free);
  again = tidu_firm_year_new ();
  again->firm_id = g_strdup (firm);
  again->year = 2023;
  g_assert_true (tidu_firm_year_save (f->db, again, &error));
  g_assert_cmpstr (again->id, !=, next->id);
  g_assert_false (tidu_firm_year_restore (f->db, next->id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_DUPLICATE);
}

/* ------------------------------------------------------------------ stays */

static TiduStay *
make_stay (const char *firm_id,
           const char *carrier_id,
           const char *entered_on,
           const char *left_on,
           const char *outcome)
{
  TiduStay *stay = tidu_stay_new ();

  stay->firm_id = g_strdup (firm_id);
  stay->carrier_id = g_strdup (carrier_id);
  if (entered_on != NULL)
    stay->entered_on = tidu_test_date (entered_on);
  if (left_on != NULL)
    stay->left_on = tidu_test_date (left_on);
  stay->outcome = g_strdup (outcome);
  return stay;
}

static void
test_stays (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "在孵公司", NULL);
  g_autofree char *a = save_carrier (f, "甲孵化器");
  g_autofree char *b = save_carrier (f, "乙孵化器");
  g_autofree char *gone = save_carrier (f, "已删除孵化器");
  g_autoptr(TiduStay) stay = NULL;
  g_autoptr(TiduStay) loaded = NULL;
  g_autoptr(TiduValidation) validation = NULL;
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *closed_id = NULL;
  g_autofree char *open_id = NULL;
  const TiduIssue *issue;

  g_assert_true (tidu_carrier_delete (f->db, gone, &error));

  stay = make_stay (firm, a, "2021-03-01", "2023-06-30", "graduated");
  stay->notes = g_strdup ("毕业：认定高企");
  g_assert_true (tidu_stay_save (f->db, stay, &error));
  g_assert_no_error (error);
  closed_id = g_strdup (stay->id);
  loaded = tidu_stay_load (f->db, closed_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->firm_id, ==, firm);
  g_assert_cmpstr (loaded->carrier_id, ==, a);
  assert_date (&loaded->entered_on, "2021-03-01");
  assert_date (&loaded->left_on, "2023-06-30");
  g_assert_cmpstr (loaded->outcome, ==, "graduated");
  g_assert_cmpstr (loaded->notes, ==, "毕业：认定高企");
  g_clear_pointer (&stay, tidu_stay_free);

  /* rules */
  stay = make_stay (NULL, b, "2024-01-01", NULL, NULL);
  assert_rejected (f, stay, stay, "firm_id", TIDU_ERROR_INVALID);
  g_free (stay->firm_id);
  stay->firm_id = g_strdup ("no-such-firm");
  assert_rejected (f, stay, stay, "firm_id", TIDU_ERROR_INVALID);
  g_free (stay->firm_id);
  stay->firm_id = g_strdup (firm);
  g_free (stay->carrier_id);
  stay->carrier_id = g_strdup ("no-such-carrier");
  assert_rejected (f, stay, stay, "carrier_id", TIDU_ERROR_INVALID);
  g_free (stay->carrier_id);
  stay->carrier_id = g_strdup (gone);
  assert_rejected (f, stay, stay, "carrier_id", TIDU_ERROR_INVALID);
  g_clear_pointer (&stay->carrier_id, g_free);
  assert_rejected (f, stay, stay, "carrier_id", TIDU_ERROR_INVALID);
  stay->carrier_id = g_strdup (b);
  g_date_clear (&stay->entered_on, 1);
  assert_rejected (f, stay, stay, "entered_on", TIDU_ERROR_INVALID);
  stay->entered_on = tidu_test_date ("2024-01-01");
  stay->left_on = tidu_test_date ("2023-12-31");
  stay->outcome = g_strdup ("left");
  assert_rejected (f, stay, stay, "left_on", TIDU_ERROR_INVALID);
  stay->left_on = tidu_test_date ("2024-12-31");
  g_clear_pointer (&stay->outcome, g_free);
  assert_rejected (f, stay, stay, "outcome", TIDU_ERROR_INVALID);
  stay->outcome = g_strdup ("expelled");
  assert_rejected (f, stay, stay, "outcome", TIDU_ERROR_INVALID);
  g_free (stay->outcome);
  stay->outcome = g_strdup ("left");
  g_date_clear (&stay->left_on, 1);
  assert_rejected (f, stay, stay, "left_on", TIDU_ERROR_INVALID);
  g_clear_pointer (&stay->outcome, g_free);

  /* overlaps with the closed stay in 甲 */
  stay->entered_on = tidu_test_date ("2023-06-01");
  assert_rejected_full (f, (TiduTestValidateFunc) tidu_stay_validate, (TiduTestSaveFunc) tidu_stay_save, stay,
                        "entered_on", TIDU_ERROR_CONFLICT, &validation);
  issue = tidu_validation_find (validation, "entered_on");
  g_assert_cmpstr (issue->other_id, ==, closed_id);
  g_assert_nonnull (strstr (issue->message, "甲孵化器"));
  g_assert_nonnull (strstr (issue->message, "2021-03-01"));
  g_assert_nonnull (strstr (issue->message, "2023-06-30"));
  g_clear_pointer (&validation, tidu_validation_free);
  /* a closed stay that ends inside the other one */
  stay->entered_on = tidu_test_date ("2020-01-01");
  stay->left_on = tidu_test_date ("2021-03-02");
  stay->outcome = g_strdup ("left");
  assert_rejected (f, stay, stay, "entered_on", TIDU_ERROR_CONFLICT);
  /* ending the day the other begins is fine */
  stay->left_on = tidu_test_date ("2021-03-01");
  validation = tidu_validation_new ();
  g_assert_true (tidu_stay_validate (f->db, stay, validation));
  g_clear_pointer (&validation, tidu_validation_free);

  /* entering the day the previous stay ended is fine */
  g_clear_pointer (&stay, tidu_stay_free);
  stay = make_stay (firm, b, "2023-06-30", NULL, NULL);
  g_assert_true (tidu_stay_save (f->db, stay, &error));
  g_assert_no_error (error);
  open_id = g_strdup (stay->id);
  g_clear_pointer (&stay, tidu_stay_free);

  /* a later stay overlaps the open one, which runs for ever */
  stay = make_stay (firm, a, "2030-01-01", "2030-02-01", "left");
  assert_rejected_full (f, (TiduTestValidateFunc) tidu_stay_validate, (TiduTestSaveFunc) tidu_stay_save, stay,
                        "entered_on", TIDU_ERROR_CONFLICT, &validation);
  issue = tidu_validation_find (validation, "entered_on");
  g_assert_cmpstr (issue->other_id, ==, open_id);
  g_assert_nonnull (strstr (issue->message, "乙孵化器"));
  g_clear_pointer (&stay, tidu_stay_free);

  stays = tidu_firm_list_stays (f->db, firm, &error);
  g_assert_cmpuint (stays->len, ==, 2);
  g_assert_cmpstr (((TiduStay *) g_ptr_array_index (stays, 0))->id, ==, closed_id);
  g_assert_cmpstr (((TiduStay *) g_ptr_array_index (stays, 1))->id, ==, open_id);
  g_clear_pointer (&stays, g_ptr_array_unref);

  stays = tidu_carrier_list_stays (f->db, a, FALSE, &error);
  g_assert_cmpuint (stays->len, ==, 1);
  g_clear_pointer (&stays, g_ptr_array_unref);
  stays = tidu_carrier_list_stays (f->db, a, TRUE, &error);
  g_assert_cmpuint (stays->len, ==, 0);
  g_clear_pointer (&stays, g_ptr_array_unref);
  stays = tidu_carrier_list_stays (f->db, b, TRUE, &error);
  g_assert_cmpuint (stays->len, ==, 1);
  g_clear_pointer (&stays, g_ptr_array_unref);

  /* delete and restore; a restore that would overlap is refused */
  g_assert_true (tidu_stay_delete (f->db, open_id, &error));
  stays = tidu_firm_list_stays (f->db, firm, &error);
  g_assert_cmpuint (stays->len, ==, 1);
  g_clear_pointer (&stays, g_ptr_array_unref);
  stay = make_stay (firm, a, "2024-01-01", NULL, NULL);
  g_assert_true (tidu_stay_save (f->db, stay, &error));
  g_assert_no_error (error);
  g_assert_false (tidu_stay_restore (f->db, open_id, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (tidu_stay_delete (f->db, stay->id, &error));
  g_assert_true (tidu_stay_restore (f->db, open_id, &error));
  g_assert_no_error (error);
}

static void
test_move_to_carrier (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *firm = save_firm (f, "搬迁公司", NULL);
  g_autofree char *a = save_carrier (f, "众创空间甲");
  g_autofree char *b = save_carrier (f, "加速器乙");
  g_autofree char *c = save_carrier (f, "产业园丙");
  g_autofree char *current = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) stays = NULL;
  g_autoptr(GError) error = NULL;
  const TiduStay *stay;
  GDate date;

  current = tidu_firm_current_carrier (f->db, firm, &error);
  g_assert_no_error (error);
  g_assert_null (current);

  /* the first move opens a stay */
  date = tidu_test_date ("2022-03-01");
  g_assert_true (tidu_firm_move_to_carrier (f->db, firm, a, &date, &error));
  g_assert_no_error (error);
  current = tidu_firm_current_carrier (f->db, firm, &error);
  g_assert_cmpstr (current, ==, a);
  g_clear_pointer (&current, g_free);

  /* the same carrier, or a date before the open stay began: refused, nothing changes */
  before = snapshot (f->db);
  date = tidu_test_date ("2023-01-01");
  g_assert_false (tidu_firm_move_to_carrier (f->db, firm, a, &date, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  date = tidu_test_date ("2022-02-28");
  g_assert_false (tidu_firm_move_to_carrier (f->db, firm, b, &date, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  /* the new stay fails (carrier in the trash): the old one stays open */
  g_assert_true (tidu_carrier_delete (f->db, c, &error));
  g_free (before);
  before = snapshot (f->db);
  date = tidu_test_date ("2024-01-01");
  g_assert_false (tidu_firm_move_to_carrier (f->db, firm, c, &date, &error));
  g_assert_error (error, TIDU_ERROR, TIDU_ERROR_INVALID);
  g_clear_error (&error);
  after = snapshot (f->db);
  g_assert_cmpstr (before, ==, after);
  current = tidu_firm_current_carrier (f->db, firm, &error);
  g_assert_cmpstr (current, ==, a);
  g_clear_pointer (&current, g_free);

  /* a real move closes and opens on the same day */
  date = tidu_test_date ("2024-07-01");
  g_assert_true (tidu_firm_move_to_carrier (f->db, firm, b, &date, &error));
  g_assert_no_error (error);
  stays = tidu_firm_list_stays (f->db, firm, &error);
  g_assert_cmpuint (stays->len, ==, 2);
  stay = g_ptr_array_index (stays, 0);
  g_assert_cmpstr (stay->carrier_id, ==, a);
  assert_date (&stay->entered_on, "2022-03-01");
  assert_date (&stay->left_on, "2024-07-01");
  g_assert_cmpstr (stay->outcome, ==, "left");
  stay = g_ptr_array_index (stays, 1);
  g_assert_cmpstr (stay->carrier_id, ==, b);
  assert_date (&stay->entered_on, "2024-07-01");
  assert_date (&stay->left_on, NULL);
  g_assert_null (stay->outcome);
  current = tidu_firm_current_carrier (f->db, firm, &error);
  g_assert_cmpstr (current, ==, b);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/firms/round-trip", Fixture, NULL, tidu_test_fixture_set_up, test_firm_round_trip, tidu_test_fixture_tear_down);
  g_test_add ("/firms/rules", Fixture, NULL, tidu_test_fixture_set_up, test_firm_rules, tidu_test_fixture_tear_down);
  g_test_add ("/firms/check-character", Fixture, NULL, tidu_test_fixture_set_up, test_firm_check_character, tidu_test_fixture_tear_down);
  g_test_add ("/firms/duplicate-uscc", Fixture, NULL, tidu_test_fixture_set_up, test_firm_duplicate_uscc, tidu_test_fixture_tear_down);
  g_test_add ("/firms/find-by-uscc", Fixture, NULL, tidu_test_fixture_set_up, test_firm_find_by_uscc, tidu_test_fixture_tear_down);
  g_test_add ("/firms/delete-restore-purge", Fixture, NULL, tidu_test_fixture_set_up, test_firm_delete_restore_purge, tidu_test_fixture_tear_down);
  g_test_add ("/firms/certifications/round-trip", Fixture, NULL, tidu_test_fixture_set_up, test_certification_round_trip, tidu_test_fixture_tear_down);
  g_test_add ("/firms/certifications/rules", Fixture, NULL, tidu_test_fixture_set_up, test_certification_rules, tidu_test_fixture_tear_down);
  g_test_add ("/firms/certifications/number", Fixture, NULL, tidu_test_fixture_set_up, test_certificate_number, tidu_test_fixture_tear_down);
  g_test_add ("/firms/tier-on/dates", Fixture, NULL, tidu_test_fixture_set_up, test_tier_on_date, tidu_test_fixture_tear_down);
  g_test_add ("/firms/tier-on/lines", Fixture, NULL, tidu_test_fixture_set_up, test_tiers_on_and_lines, tidu_test_fixture_tear_down);
  g_test_add ("/firms/tier-on/revoked-and-expiry", Fixture, NULL, tidu_test_fixture_set_up, test_tier_revoked_and_expiry, tidu_test_fixture_tear_down);
  g_test_add ("/firms/tier-timeline", Fixture, NULL, tidu_test_fixture_set_up, test_tier_timeline, tidu_test_fixture_tear_down);
  g_test_add ("/firms/years", Fixture, NULL, tidu_test_fixture_set_up, test_years, tidu_test_fixture_tear_down);
  g_test_add ("/firms/stays", Fixture, NULL, tidu_test_fixture_set_up, test_stays, tidu_test_fixture_tear_down);
  g_test_add ("/firms/move-to-carrier", Fixture, NULL, tidu_test_fixture_set_up, test_move_to_carrier, tidu_test_fixture_tear_down);

  return g_test_run ();
}
