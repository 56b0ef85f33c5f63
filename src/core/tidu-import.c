/* tidu-import.c: CSV import of firms, carriers, talents, certifications and indicators
 * (see tidu-import.h).
 *
 * Rows go through the record API (tidu_firm_save, tidu_carrier_save, …), so the same
 * validation and invariants hold as for a form; only a firm that is new is inserted directly,
 * after the import has checked everything its validation would (insert_new_firm). A row that
 * writes more than once does so in a savepoint inside the import's one transaction, so a bad
 * row in "skip bad rows" mode leaves no trace. Large files suspend the search-index triggers
 * and secondary indexes (tidu-bulk.h) and rebuild them once at the end.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "tidu-bulk.h"
#include "tidu-carrier.h"
#include "tidu-date.h"
#include "tidu-firm.h"
#include "tidu-import.h"
#include "tidu-record-private.h"
#include "tidu-region.h"
#include "tidu-talent.h"
#include "tidu-uscc.h"
#include "tidu-vocabulary.h"
#include "tidu-worker-private.h"

/* Files above this size suspend the search-index triggers; below, rebuilding the whole
 * index would cost more than keeping it row by row. */
#define BULK_THRESHOLD (1024 * 1024)
#define BULK_AFTER_WRITES 500
#define MAX_FIELDS 24

/* ------------------------------------------------------------------ fields */

typedef struct
{
  const char *id;
  const char *title;       /* msgid */
  gboolean    required;
  gboolean    money;
  gboolean    kept;        /* FALSE: accepted, checked, left out */
  const char *aliases;     /* "|"-separated header names */
} FieldDef;

enum
{
  FIRM_NAME, FIRM_USCC, FIRM_REGION, FIRM_INDUSTRY, FIRM_TECH_FIELD, FIRM_FOUNDED_ON,
  FIRM_ADDRESS, FIRM_LEGAL_PERSON, FIRM_CONTACT_NAME, FIRM_CONTACT_PHONE, FIRM_CONTACT_EMAIL,
  FIRM_CARRIER, FIRM_ENTERED_ON, FIRM_STAGE, FIRM_CHANNEL, FIRM_OFFICER, FIRM_NOTES,
  FIRM_CAPITAL, FIRM_TIER, FIRM_N
};

static const FieldDef firm_fields[] = {
  [FIRM_NAME] = { "name", N_("Name"), TRUE, FALSE, TRUE,
                  "企业名称|名称|企业|公司名称|公司|单位名称|企业全称|name|firm|firm name|company|company name" },
  [FIRM_USCC] = { "uscc", N_("Unified social credit code"), FALSE, FALSE, TRUE,
                  "统一社会信用代码|信用代码|社会信用代码|统一信用代码|统一代码|uscc|credit code|unified social credit code" },
  [FIRM_REGION] = { "region", N_("Region"), FALSE, FALSE, TRUE,
                    "所属区域|区域|区县|所属区县|所在区域|所在区县|地区|所属地区|辖区|所属辖区|region|district" },
  [FIRM_INDUSTRY] = { "industry", N_("Industry"), FALSE, FALSE, TRUE,
                      "行业|所属行业|行业类别|行业分类|国民经济行业|产业|industry" },
  [FIRM_TECH_FIELD] = { "tech_field", N_("High-tech field"), FALSE, FALSE, TRUE,
                        "技术领域|高新技术领域|所属技术领域|所属领域|tech field|technology field|high-tech field" },
  [FIRM_FOUNDED_ON] = { "founded_on", N_("Founded on"), FALSE, FALSE, TRUE,
                        "成立日期|成立时间|注册日期|注册时间|成立年月|founded|founded on|date founded" },
  [FIRM_ADDRESS] = { "address", N_("Address"), FALSE, FALSE, TRUE,
                     "地址|注册地址|企业地址|通讯地址|经营地址|address" },
  [FIRM_LEGAL_PERSON] = { "legal_person", N_("Legal representative"), FALSE, FALSE, TRUE,
                          "法定代表人|法人|法人代表|legal person|legal representative" },
  [FIRM_CONTACT_NAME] = { "contact_name", N_("Contact person"), FALSE, FALSE, TRUE,
                          "联系人|联系人姓名|contact|contact name|contact person" },
  [FIRM_CONTACT_PHONE] = { "contact_phone", N_("Contact phone"), FALSE, FALSE, TRUE,
                           "联系电话|电话|联系方式|手机|手机号码|联系人电话|phone|contact phone|telephone" },
  [FIRM_CONTACT_EMAIL] = { "contact_email", N_("E-mail"), FALSE, FALSE, TRUE,
                           "电子邮箱|邮箱|电子邮件|email|e-mail|contact email" },
  [FIRM_CARRIER] = { "carrier", N_("Carrier"), FALSE, FALSE, TRUE,
                     "所在载体|载体|载体名称|所在孵化器|入驻载体|孵化载体|carrier" },
  [FIRM_ENTERED_ON] = { "entered_on", N_("Entered the carrier on"), FALSE, FALSE, TRUE,
                        "入孵日期|入孵时间|入驻日期|入驻时间|entered on|entered the carrier on" },
  [FIRM_STAGE] = { "attraction_stage", N_("Attraction stage"), FALSE, FALSE, TRUE,
                   "招引阶段|阶段|stage|attraction stage" },
  [FIRM_CHANNEL] = { "attraction_channel", N_("Attraction channel"), FALSE, FALSE, TRUE,
                     "招引渠道|招引方式|渠道|channel|attraction channel" },
  [FIRM_OFFICER] = { "officer", N_("Officer in charge"), FALSE, FALSE, TRUE,
                     "招引专员|经办人|负责干部|officer|officer in charge" },
  [FIRM_NOTES] = { "notes", N_("Notes"), FALSE, FALSE, TRUE, "备注|说明|notes|note|remarks" },
  [FIRM_CAPITAL] = { "registered_capital", N_("Registered capital"), FALSE, TRUE, FALSE,
                     "注册资本|注册资金|registered capital" },
  [FIRM_TIER] = { "tier", N_("Tier"), FALSE, FALSE, FALSE, "梯度|当前梯度|企业梯度|tier" },
};

enum
{
  CARRIER_NAME, CARRIER_KIND, CARRIER_LEVEL, CARRIER_REGION, CARRIER_OPERATOR,
  CARRIER_OPERATOR_USCC, CARRIER_ADDRESS, CARRIER_AREA, CARRIER_FOUNDED_ON,
  CARRIER_CONTACT_NAME, CARRIER_CONTACT_PHONE, CARRIER_NOTES, CARRIER_GRADE,
  CARRIER_IN_INCUBATION, CARRIER_N
};

static const FieldDef carrier_fields[] = {
  [CARRIER_NAME] = { "name", N_("Name"), TRUE, FALSE, TRUE,
                     "载体名称|名称|载体|name|carrier|carrier name" },
  [CARRIER_KIND] = { "kind", N_("Kind"), FALSE, FALSE, TRUE,
                     "载体类型|类型|类别|载体类别|kind|type" },
  [CARRIER_LEVEL] = { "level", N_("Level"), FALSE, FALSE, TRUE, "级别|载体级别|认定级别|level" },
  [CARRIER_REGION] = { "region", N_("Region"), FALSE, FALSE, TRUE,
                       "所属区域|区域|区县|所属区县|所在区域|地区|所属地区|region|district" },
  [CARRIER_OPERATOR] = { "operator", N_("Operator"), FALSE, FALSE, TRUE,
                         "运营主体|运营单位|运营机构|operator" },
  [CARRIER_OPERATOR_USCC] = { "operator_uscc", N_("Operator's credit code"), FALSE, FALSE, TRUE,
                              "运营主体统一社会信用代码|运营主体信用代码|统一社会信用代码|信用代码|operator credit code|operator's credit code" },
  [CARRIER_ADDRESS] = { "address", N_("Address"), FALSE, FALSE, TRUE, "地址|载体地址|address" },
  [CARRIER_AREA] = { "area_m2", N_("Area (m²)"), FALSE, FALSE, TRUE,
                     "面积|场地面积|总面积|建筑面积|area|area m2" },
  [CARRIER_FOUNDED_ON] = { "founded_on", N_("Founded on"), FALSE, FALSE, TRUE,
                           "成立日期|成立时间|建成时间|founded|founded on" },
  [CARRIER_CONTACT_NAME] = { "contact_name", N_("Contact person"), FALSE, FALSE, TRUE,
                             "联系人|contact|contact name|contact person" },
  [CARRIER_CONTACT_PHONE] = { "contact_phone", N_("Contact phone"), FALSE, FALSE, TRUE,
                              "联系电话|电话|联系方式|phone|contact phone" },
  [CARRIER_NOTES] = { "notes", N_("Notes"), FALSE, FALSE, TRUE, "备注|说明|notes|note|remarks" },
  [CARRIER_GRADE] = { "grade", N_("Grade"), FALSE, FALSE, FALSE, "绩效评价|考核等级|grade" },
  [CARRIER_IN_INCUBATION] = { "in_incubation", N_("In incubation"), FALSE, FALSE, FALSE,
                              "在孵企业|在孵企业数|in incubation" },
};

enum
{
  TALENT_NAME, TALENT_GENDER, TALENT_BIRTH_YEAR, TALENT_DEGREE, TALENT_TITLE, TALENT_FIELD,
  TALENT_FIRM, TALENT_FIRM_USCC, TALENT_REGION, TALENT_CONTACT_PHONE, TALENT_CONTACT_EMAIL,
  TALENT_NOTES, TALENT_PLANS, TALENT_YEAR, TALENT_N
};

static const FieldDef talent_fields[] = {
  [TALENT_NAME] = { "name", N_("Name"), TRUE, FALSE, TRUE, "姓名|名称|人才姓名|name" },
  [TALENT_GENDER] = { "gender", N_("Gender"), FALSE, FALSE, TRUE, "性别|gender|sex" },
  [TALENT_BIRTH_YEAR] = { "birth_year", N_("Year of birth"), FALSE, FALSE, TRUE,
                          "出生年份|出生年|出生年月|出生日期|birth year|year of birth|born" },
  [TALENT_DEGREE] = { "degree", N_("Degree"), FALSE, FALSE, TRUE, "学历|学位|最高学历|degree" },
  [TALENT_TITLE] = { "title", N_("Title"), FALSE, FALSE, TRUE, "职务|职称|职位|title" },
  [TALENT_FIELD] = { "field", N_("Field"), FALSE, FALSE, TRUE,
                     "研究领域|专业领域|领域|专业|field" },
  [TALENT_FIRM] = { "firm", N_("Firm"), FALSE, FALSE, TRUE,
                    "所在企业|企业名称|企业|工作单位|单位|所在单位|firm|company" },
  [TALENT_FIRM_USCC] = { "firm_uscc", N_("Firm's credit code"), FALSE, FALSE, TRUE,
                         "企业统一社会信用代码|企业信用代码|统一社会信用代码|信用代码|firm credit code|firm's credit code" },
  [TALENT_REGION] = { "region", N_("Region"), FALSE, FALSE, TRUE,
                      "所属区域|区域|区县|所属区县|地区|region|district" },
  [TALENT_CONTACT_PHONE] = { "contact_phone", N_("Contact phone"), FALSE, FALSE, TRUE,
                             "联系电话|电话|手机|联系方式|phone|contact phone" },
  [TALENT_CONTACT_EMAIL] = { "contact_email", N_("E-mail"), FALSE, FALSE, TRUE,
                             "电子邮箱|邮箱|email|e-mail" },
  [TALENT_NOTES] = { "notes", N_("Notes"), FALSE, FALSE, TRUE, "备注|说明|notes|note|remarks" },
  [TALENT_PLANS] = { "plans", N_("Plan"), FALSE, FALSE, FALSE, "人才计划|入选计划|plan|plans" },
  [TALENT_YEAR] = { "year", N_("Year"), FALSE, FALSE, FALSE, "年度|入选年度|year" },
};

enum
{
  CERT_FIRM, CERT_FIRM_USCC, CERT_TIER, CERT_LEVEL, CERT_CERTIFIED_ON, CERT_EXPIRES_ON,
  CERT_NUMBER, CERT_NOTES, CERT_N
};

static const FieldDef certification_fields[] = {
  [CERT_FIRM] = { "firm", N_("Firm"), FALSE, FALSE, TRUE,
                  "企业名称|企业|名称|公司名称|firm|company|name" },
  [CERT_FIRM_USCC] = { "firm_uscc", N_("Firm's credit code"), FALSE, FALSE, TRUE,
                       "统一社会信用代码|信用代码|社会信用代码|企业信用代码|uscc|credit code|firm's credit code" },
  [CERT_TIER] = { "tier", N_("Tier"), TRUE, FALSE, TRUE,
                  "梯度|认定类型|资质|资质类型|企业类型|类别|tier|certification" },
  [CERT_LEVEL] = { "level", N_("Level"), FALSE, FALSE, TRUE, "级别|认定级别|level" },
  [CERT_CERTIFIED_ON] = { "certified_on", N_("Certified on"), TRUE, FALSE, TRUE,
                          "认定日期|认定时间|入库日期|入库时间|发证日期|批准日期|certified on|date" },
  [CERT_EXPIRES_ON] = { "expires_on", N_("Expires on"), FALSE, FALSE, TRUE,
                        "有效期至|到期日期|有效期|截止日期|expires on|expiry" },
  [CERT_NUMBER] = { "certificate_no", N_("Certificate number"), FALSE, FALSE, TRUE,
                    "证书编号|证书号|编号|入库编号|certificate no|certificate number" },
  [CERT_NOTES] = { "notes", N_("Notes"), FALSE, FALSE, TRUE, "备注|说明|notes|note|remarks" },
};

enum
{
  YEAR_FIRM, YEAR_FIRM_USCC, YEAR_YEAR, YEAR_REVENUE, YEAR_RD_EXPENSE, YEAR_STAFF,
  YEAR_TECH_STAFF, YEAR_IP1, YEAR_IP2, YEAR_VALUATION, YEAR_FINANCING, YEAR_NOTES, YEAR_N
};

static const FieldDef indicator_fields[] = {
  [YEAR_FIRM] = { "firm", N_("Firm"), FALSE, FALSE, TRUE,
                  "企业名称|企业|名称|公司名称|firm|company|name" },
  [YEAR_FIRM_USCC] = { "firm_uscc", N_("Firm's credit code"), FALSE, FALSE, TRUE,
                       "统一社会信用代码|信用代码|社会信用代码|企业信用代码|uscc|credit code|firm's credit code" },
  [YEAR_YEAR] = { "year", N_("Year"), TRUE, FALSE, TRUE, "年度|年份|统计年度|year" },
  [YEAR_REVENUE] = { "revenue", N_("Revenue"), FALSE, TRUE, TRUE,
                     "营业收入|收入|主营业务收入|销售收入|revenue" },
  [YEAR_RD_EXPENSE] = { "rd_expense", N_("R&D expense"), FALSE, TRUE, TRUE,
                        "研发费用|研发投入|研发经费|r&d expense|rd expense" },
  [YEAR_STAFF] = { "staff", N_("Staff"), FALSE, FALSE, TRUE,
                   "职工人数|从业人员|员工人数|职工总数|从业人数|staff|employees" },
  [YEAR_TECH_STAFF] = { "tech_staff", N_("Tech staff"), FALSE, FALSE, TRUE,
                        "科技人员|科技人员数|研发人员|研发人员数|tech staff" },
  [YEAR_IP1] = { "ip_class1", N_("Class I IP"), FALSE, FALSE, TRUE,
                 "Ⅰ类知识产权|I类知识产权|一类知识产权|class i ip" },
  [YEAR_IP2] = { "ip_class2", N_("Class II IP"), FALSE, FALSE, TRUE,
                 "Ⅱ类知识产权|II类知识产权|二类知识产权|class ii ip" },
  [YEAR_VALUATION] = { "valuation", N_("Valuation"), FALSE, TRUE, TRUE, "估值|企业估值|valuation" },
  [YEAR_FINANCING] = { "financing", N_("Financing"), FALSE, TRUE, TRUE,
                       "融资额|融资|融资金额|financing" },
  [YEAR_NOTES] = { "notes", N_("Notes"), FALSE, FALSE, TRUE, "备注|说明|notes|note|remarks" },
};

static const struct
{
  const char     *id;
  const char     *label;
  const FieldDef *fields;
  guint           n_fields;
} kinds[TIDU_N_IMPORT_KINDS] = {
  [TIDU_IMPORT_FIRMS] = { "firms", N_("Firms"), firm_fields, FIRM_N },
  [TIDU_IMPORT_CARRIERS] = { "carriers", N_("Carriers"), carrier_fields, CARRIER_N },
  [TIDU_IMPORT_TALENTS] = { "talents", N_("Talents"), talent_fields, TALENT_N },
  [TIDU_IMPORT_CERTIFICATIONS] = { "certifications", N_("Certifications"), certification_fields, CERT_N },
  [TIDU_IMPORT_INDICATORS] = { "indicators", N_("Yearly indicators"), indicator_fields, YEAR_N },
};

G_STATIC_ASSERT (FIRM_N <= MAX_FIELDS && CARRIER_N <= MAX_FIELDS && TALENT_N <= MAX_FIELDS);

const char *
tidu_import_kind_to_string (TiduImportKind kind)
{
  g_return_val_if_fail (kind < TIDU_N_IMPORT_KINDS, NULL);
  return kinds[kind].id;
}

gboolean
tidu_import_kind_from_string (const char     *text,
                              TiduImportKind *kind)
{
  for (guint i = 0; i < TIDU_N_IMPORT_KINDS; i++)
    if (g_strcmp0 (text, kinds[i].id) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tidu_import_kind_get_label (TiduImportKind kind)
{
  g_return_val_if_fail (kind < TIDU_N_IMPORT_KINDS, NULL);
  return _(kinds[kind].label);
}

const TiduImportField *
tidu_import_get_fields (TiduImportKind  kind,
                        guint          *n_fields)
{
  static TiduImportField *tables[TIDU_N_IMPORT_KINDS];
  static gsize once = 0;

  g_return_val_if_fail (kind < TIDU_N_IMPORT_KINDS, NULL);

  if (g_once_init_enter (&once))
    {
      for (guint k = 0; k < TIDU_N_IMPORT_KINDS; k++)
        {
          tables[k] = g_new0 (TiduImportField, kinds[k].n_fields);
          for (guint i = 0; i < kinds[k].n_fields; i++)
            {
              tables[k][i].id = kinds[k].fields[i].id;
              tables[k][i].title = _(kinds[k].fields[i].title);
              tables[k][i].required = kinds[k].fields[i].required;
              tables[k][i].money = kinds[k].fields[i].money;
            }
        }
      g_once_init_leave (&once, 1);
    }
  if (n_fields != NULL)
    *n_fields = kinds[kind].n_fields;
  return tables[kind];
}

static int
field_index (TiduImportKind  kind,
             const char     *field_id)
{
  for (guint i = 0; i < kinds[kind].n_fields; i++)
    if (g_strcmp0 (kinds[kind].fields[i].id, field_id) == 0)
      return (int) i;
  return -1;
}

const TiduImportField *
tidu_import_find_field (TiduImportKind  kind,
                        const char     *field_id)
{
  const TiduImportField *fields = tidu_import_get_fields (kind, NULL);
  int i = field_index (kind, field_id);

  return i >= 0 ? &fields[i] : NULL;
}

/* A header reduced to what names it: case folded, without spaces, marks of required
 * columns and units in brackets ("注册资本（万元）" → "注册资本"). */
static char *
normalize_header (const char *header)
{
  GString *out = g_string_new (NULL);
  int depth = 0;

  for (const char *p = header; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08 || c == '[' || c == 0x3010)
        depth++;
      else if ((c == ')' || c == 0xFF09 || c == ']' || c == 0x3011) && depth > 0)
        depth--;
      else if (depth == 0 && !g_unichar_isspace (c) && c != '*' && c != 0xFF0A &&
               c != ':' && c != 0xFF1A && c != '_' && c != 0xFEFF)
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
header_matches (const char *normalized,
                const char *name)
{
  g_autofree char *other = normalize_header (name);

  return other[0] != '\0' && strcmp (normalized, other) == 0;
}

const TiduImportField *
tidu_import_guess_field (TiduImportKind  kind,
                         const char     *header)
{
  const TiduImportField *fields = tidu_import_get_fields (kind, NULL);
  g_autofree char *normalized = normalize_header (header);

  if (normalized[0] == '\0')
    return NULL;
  for (guint i = 0; i < kinds[kind].n_fields; i++)
    {
      const FieldDef *def = &kinds[kind].fields[i];
      g_auto (GStrv) aliases = g_strsplit (def->aliases, "|", -1);

      /* The titles we export under, in English and translated, come back in. */
      if (header_matches (normalized, def->title) || header_matches (normalized, _(def->title)))
        return &fields[i];
      for (guint a = 0; aliases[a] != NULL; a++)
        if (header_matches (normalized, aliases[a]))
          return &fields[i];
    }
  return NULL;
}

static TiduMoneyUnit
unit_from_header (TiduImportKind  kind,
                  const char     *header)
{
  if (strstr (header, "万元") != NULL || strstr (header, "万") != NULL)
    return TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN;
  if (strstr (header, "千元") != NULL)
    return TIDU_MONEY_UNIT_THOUSAND_YUAN;
  if (strstr (header, "元") != NULL || strstr (header, "yuan") != NULL)
    return TIDU_MONEY_UNIT_YUAN;
  /* Statistics sheets and capital columns give amounts in 万元 unless they say otherwise. */
  return kind == TIDU_IMPORT_INDICATORS || kind == TIDU_IMPORT_FIRMS
         ? TIDU_MONEY_UNIT_TEN_THOUSAND_YUAN : TIDU_MONEY_UNIT_YUAN;
}

/* ------------------------------------------------------------------ the import object */

typedef struct
{
  guint64   row;
  GStrv     cells;
  char     *error;
} PreviewRow;

static void
preview_row_free (PreviewRow *row)
{
  g_strfreev (row->cells);
  g_free (row->error);
  g_free (row);
}

struct _TiduImport
{
  TiduImportKind     kind;
  char              *path;
  TiduCsvEncoding    encoding;
  gunichar           delimiter;
  TiduCsvLineEnding  line_ending;
  TiduImportMode     mode;
  GStrv              headers;
  guint              n_columns;
  int               *mapping;       /* per column: field index or -1 */
  TiduMoneyUnit     *units;         /* per column */
  GPtrArray         *preview;       /* PreviewRow */
};

TiduImport *
tidu_import_new (TiduImportKind   kind,
                 const char      *path,
                 TiduCsvEncoding  encoding,
                 gunichar         delimiter,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr (TiduImport) self = NULL;
  g_autoptr (TiduCsvReader) reader = NULL;
  g_autoptr (GError) local_error = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;

  g_return_val_if_fail (kind < TIDU_N_IMPORT_KINDS, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = tidu_csv_reader_new_for_path (path, encoding, delimiter, cancellable, error);
  if (reader == NULL)
    return NULL;

  self = g_new0 (TiduImport, 1);
  self->kind = kind;
  self->path = g_strdup (path);
  self->encoding = tidu_csv_reader_get_encoding (reader);
  self->delimiter = tidu_csv_reader_get_delimiter (reader);
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) preview_row_free);

  if (!tidu_csv_reader_next (reader, &fields, &n_fields, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                             _("The file is empty: it has no header row."));
      return NULL;
    }
  self->headers = g_strdupv ((char **) fields);
  self->n_columns = n_fields;
  self->mapping = g_new (int, n_fields);
  self->units = g_new (TiduMoneyUnit, n_fields);
  for (guint c = 0; c < n_fields; c++)
    {
      const TiduImportField *field = tidu_import_guess_field (kind, fields[c]);
      int index = field != NULL ? field_index (kind, field->id) : -1;

      /* The first column with a field's name takes it. */
      for (guint other = 0; other < c && index >= 0; other++)
        if (self->mapping[other] == index)
          index = -1;
      self->mapping[c] = index;
      self->units[c] = unit_from_header (kind, fields[c]);
    }

  while (self->preview->len < TIDU_IMPORT_PREVIEW_ROWS)
    {
      PreviewRow *row;

      g_clear_error (&local_error);
      if (!tidu_csv_reader_next (reader, &fields, &n_fields, cancellable, &local_error))
        {
          if (local_error == NULL)
            break;
          if (!g_error_matches (local_error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          row = g_new0 (PreviewRow, 1);
          row->row = tidu_csv_reader_get_row (reader);
          row->error = g_strdup (local_error->message);
          g_ptr_array_add (self->preview, row);
          continue;
        }
      row = g_new0 (PreviewRow, 1);
      row->row = tidu_csv_reader_get_row (reader);
      row->cells = g_strdupv ((char **) fields);
      g_ptr_array_add (self->preview, row);
    }
  self->line_ending = tidu_csv_reader_get_line_ending (reader);

  return g_steal_pointer (&self);
}

void
tidu_import_free (TiduImport *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_strfreev (self->headers);
  g_free (self->mapping);
  g_free (self->units);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_free (self);
}

TiduImportKind
tidu_import_get_kind (TiduImport *self)
{
  return self->kind;
}

const char *
tidu_import_get_path (TiduImport *self)
{
  return self->path;
}

TiduCsvEncoding
tidu_import_get_encoding (TiduImport *self)
{
  return self->encoding;
}

gunichar
tidu_import_get_delimiter (TiduImport *self)
{
  return self->delimiter;
}

TiduCsvLineEnding
tidu_import_get_line_ending (TiduImport *self)
{
  return self->line_ending;
}

guint
tidu_import_get_n_columns (TiduImport *self)
{
  return self->n_columns;
}

const char *
tidu_import_get_header (TiduImport *self,
                        guint       column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->headers[column];
}

guint
tidu_import_get_n_preview_rows (TiduImport *self)
{
  return self->preview->len;
}

guint64
tidu_import_get_preview_row_number (TiduImport *self,
                                    guint       row)
{
  g_return_val_if_fail (row < self->preview->len, 0);
  return ((PreviewRow *) g_ptr_array_index (self->preview, row))->row;
}

const char *
tidu_import_get_preview_cell (TiduImport *self,
                              guint       row,
                              guint       column)
{
  PreviewRow *p;

  g_return_val_if_fail (row < self->preview->len, NULL);
  p = g_ptr_array_index (self->preview, row);
  if (p->cells == NULL || column >= g_strv_length (p->cells))
    return NULL;
  return p->cells[column];
}

const char *
tidu_import_get_preview_error (TiduImport *self,
                               guint       row)
{
  g_return_val_if_fail (row < self->preview->len, NULL);
  return ((PreviewRow *) g_ptr_array_index (self->preview, row))->error;
}

const char *
tidu_import_get_mapping (TiduImport *self,
                         guint       column)
{
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->mapping[column] >= 0 ? kinds[self->kind].fields[self->mapping[column]].id : NULL;
}

gboolean
tidu_import_set_mapping (TiduImport  *self,
                         guint        column,
                         const char  *field_id,
                         GError     **error)
{
  int index = -1;

  g_return_val_if_fail (column < self->n_columns, FALSE);

  if (field_id != NULL)
    {
      index = field_index (self->kind, field_id);
      if (index < 0)
        {
          g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                       _("“%s” is not a field of %s."), field_id,
                       tidu_import_kind_get_label (self->kind));
          return FALSE;
        }
      for (guint c = 0; c < self->n_columns; c++)
        if (self->mapping[c] == index)
          self->mapping[c] = -1;
    }
  self->mapping[column] = index;
  return TRUE;
}

TiduMoneyUnit
tidu_import_get_unit (TiduImport *self,
                      guint       column)
{
  g_return_val_if_fail (column < self->n_columns, TIDU_MONEY_UNIT_YUAN);
  return self->units[column];
}

void
tidu_import_set_unit (TiduImport    *self,
                      guint          column,
                      TiduMoneyUnit  unit)
{
  g_return_if_fail (column < self->n_columns);
  self->units[column] = unit;
}

static gboolean
is_mapped (TiduImport *self,
           int         index)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] == index)
      return TRUE;
  return FALSE;
}

gboolean
tidu_import_check_mapping (TiduImport  *self,
                           GError     **error)
{
  g_autoptr (GString) missing = g_string_new (NULL);

  for (guint i = 0; i < kinds[self->kind].n_fields; i++)
    if (kinds[self->kind].fields[i].required && !is_mapped (self, (int) i))
      g_string_append_printf (missing, "%s“%s”", missing->len > 0 ? _(", ") : "",
                              _(kinds[self->kind].fields[i].title));

  /* Certifications and indicators name their firm by code or name: one of the two. */
  if ((self->kind == TIDU_IMPORT_CERTIFICATIONS && !is_mapped (self, CERT_FIRM) &&
       !is_mapped (self, CERT_FIRM_USCC)) ||
      (self->kind == TIDU_IMPORT_INDICATORS && !is_mapped (self, YEAR_FIRM) &&
       !is_mapped (self, YEAR_FIRM_USCC)))
    g_string_append_printf (missing, "%s%s", missing->len > 0 ? _(", ") : "",
                            _("the firm (its credit code or name)"));

  if (missing->len > 0)
    {
      g_set_error (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                   _("No column of the file is mapped to %s. Choose the column that holds it."),
                   missing->str);
      return FALSE;
    }
  return TRUE;
}

void
tidu_import_set_mode (TiduImport     *self,
                      TiduImportMode  mode)
{
  self->mode = mode;
}

TiduImportMode
tidu_import_get_mode (TiduImport *self)
{
  return self->mode;
}

/* ------------------------------------------------------------------ report */

static void
issue_free (TiduImportIssue *issue)
{
  g_free (issue->column);
  g_free (issue->field);
  g_free (issue->value);
  g_free (issue->message);
  g_free (issue);
}

static void
created_name_free (TiduImportCreatedName *name)
{
  g_free (name->what);
  g_free (name->name);
  g_free (name);
}

void
tidu_import_report_free (TiduImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->issues, g_ptr_array_unref);
  g_clear_pointer (&report->created_names, g_ptr_array_unref);
  g_free (report);
}

char *
tidu_import_report_to_json (const TiduImportReport *report)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, tidu_import_kind_to_string (report->kind));
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, tidu_csv_encoding_to_string (report->encoding));
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, report->mode == TIDU_IMPORT_SKIP_BAD_ROWS
                                 ? "skip-bad-rows" : "all-or-nothing");
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, report->dry_run);
  json_builder_set_member_name (builder, "committed");
  json_builder_add_boolean_value (builder, report->committed);
#define COUNT(name) \
  json_builder_set_member_name (builder, #name); \
  json_builder_add_int_value (builder, (gint64) report->n_##name);
  COUNT (rows)
  COUNT (created)
  COUNT (updated)
  COUNT (unchanged)
  COUNT (bad)
  COUNT (duplicates)
#undef COUNT
  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->issues->len; i++)
    {
      const TiduImportIssue *issue = g_ptr_array_index (report->issues, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, (gint64) issue->row);
      json_builder_set_member_name (builder, "column");
      if (issue->column != NULL)
        json_builder_add_string_value (builder, issue->column);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "field");
      if (issue->field != NULL)
        json_builder_add_string_value (builder, issue->field);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "value");
      if (issue->value != NULL)
        json_builder_add_string_value (builder, issue->value);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, issue->warning ? "warning" : "error");
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "new_names");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->created_names->len; i++)
    {
      const TiduImportCreatedName *name = g_ptr_array_index (report->created_names, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "what");
      json_builder_add_string_value (builder, name->what);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* ------------------------------------------------------------------ running */

typedef struct
{
  TiduImport        *imp;
  TiduDatabase      *db;
  TiduImportReport  *report;
  const FieldDef    *fields;
  GHashTable        *regions;      /* folded name → id */
  GHashTable        *carriers;     /* folded name → id */
  GHashTable        *industries;   /* folded name → name as stored */
  GHashTable        *nameless;     /* name → id of the firms without a code this import added */
  GHashTable        *keys;         /* the file's natural keys → first row */
  GPtrArray         *vocab[TIDU_N_VOCABULARIES];
  GHashTable        *vocab_index[TIDU_N_VOCABULARIES];
  GPtrArray         *row_cache_keys; /* "table\tkey" added to the caches by the current row */
  const char        *values[MAX_FIELDS];
  int                columns[MAX_FIELDS];
  guint64            row;
  gboolean           row_bad;
  gboolean           in_savepoint;  /* the row's writes are inside their own savepoint */
  gboolean           firms_without_code; /* before the import, some live firm had no code */
  gboolean           firms_were_empty;   /* before the import, the firms table had no row at all */
  sqlite3_stmt      *insert_firm;        /* insert_new_firm ()'s statement, prepared once */
  TiduBulkIndexer   *indexer;            /* builds the firms' search indexes beside the load */
  gint64             new_rowid;          /* the firm the current row created, for the indexer … */
  char              *new_text[3];        /* … and its name, uscc and notes */
  GDate              today;
  char              *now;           /* the import's timestamp */
  guint32            id_counter;
} Run;

/* A row with more than one write runs in a savepoint, so that a failure in a later write
 * takes the earlier ones back; a row with one write (the common case) needs none, as every
 * record save is atomic on its own. Called before any write that is not the row's last. */
static gboolean
ensure_savepoint (Run     *run,
                  GError **error)
{
  if (run->in_savepoint)
    return TRUE;
  if (!tidu_database_begin (run->db, error))
    return FALSE;
  run->in_savepoint = TRUE;
  return TRUE;
}

static GHashTable *
cache_for (Run        *run,
           const char *table)
{
  if (strcmp (table, "regions") == 0)
    return run->regions;
  if (strcmp (table, "carriers") == 0)
    return run->carriers;
  if (strcmp (table, "nameless") == 0)
    return run->nameless;
  return run->industries;
}

static void
cache_put (Run        *run,
           const char *table,
           const char *key,
           const char *value)
{
  GHashTable *cache = cache_for (run, table);

  /* The value may live in this very table: copy it before replacing anything. */
  g_hash_table_insert (cache, g_strdup (key), g_strdup (value));
  g_ptr_array_add (run->row_cache_keys, g_strdup_printf ("%s\t%s", table, key));
}

/* Whether a character with this first byte is one tidy_value () keeps at an edge for sure. */
static inline gboolean
plain_edge (guchar lead)
{
  return (lead > 0x20 && lead < 0x7F) || lead >= 0xE4;
}

/* Surrounding spaces, full-width spaces and no-break spaces go; an empty value is NULL. */
static char *
tidy_value (const char *text)
{
  const char *start = text;
  const char *end;
  gsize length;

  if (text == NULL)
    return NULL;
  /* Most cells begin and end with a printable ASCII character or a character from U+4000 up
   * (UTF-8 lead byte 0xE4 or more: CJK ideographs; every Unicode space is below, the ideographic
   * space U+3000 included): nothing to trim, no character to look up. */
  length = strlen (text);
  if (length > 0 && plain_edge ((guchar) text[0]))
    {
      gsize last = length - 1;

      while (last > 0 && ((guchar) text[last] & 0xC0) == 0x80)
        last--;
      if (plain_edge ((guchar) text[last]))
        return g_strndup (text, length);
    }
  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return end > start ? g_strndup (start, end - start) : NULL;
}

static char *
fold (const char *text)
{
  g_autofree char *tidy = tidy_value (text);
  GString *out = g_string_new (NULL);

  for (const char *p = tidy; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static void G_GNUC_PRINTF (5, 6)
add_issue (Run        *run,
           int         field,
           const char *value,
           gboolean    warning,
           const char *format,
           ...)
{
  TiduImportIssue *issue = g_new0 (TiduImportIssue, 1);
  va_list args;

  issue->row = run->row;
  if (field >= 0)
    {
      issue->field = g_strdup (run->fields[field].id);
      if (run->columns[field] >= 0)
        issue->column = g_strdup (run->imp->headers[run->columns[field]]);
    }
  issue->value = g_strdup (value);
  issue->warning = warning;
  va_start (args, format);
  issue->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (run->report->issues, issue);
  if (!warning)
    run->row_bad = TRUE;
}

static void
add_error (Run          *run,
           int           field,
           const GError *error)
{
  add_issue (run, field, field >= 0 ? run->values[field] : NULL, FALSE, "%s", error->message);
}

/* Issues of a record validation, placed on the columns of their fields. */
static void
add_validation (Run            *run,
                TiduValidation *validation)
{
  for (guint i = 0; i < tidu_validation_get_n_issues (validation); i++)
    {
      const TiduIssue *issue = tidu_validation_get_issue (validation, i);
      int field = -1;

      if (issue->severity != TIDU_SEVERITY_ERROR)
        continue;
      for (guint f = 0; f < kinds[run->imp->kind].n_fields && issue->field != NULL; f++)
        {
          const char *id = run->fields[f].id;
          gsize len = strlen (id);

          if (g_strcmp0 (issue->field, id) == 0 ||
              (strncmp (issue->field, id, len) == 0 && strcmp (issue->field + len, "_id") == 0))
            field = (int) f;
        }
      add_issue (run, field, field >= 0 ? run->values[field] : NULL, FALSE, "%s",
                 issue->message);
    }
}

static char *
row_text (guint64 row)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, row);
}

/* Whether this row repeats an earlier row's key; reports it when it does. */
static gboolean
check_duplicate (Run        *run,
                 const char *key,
                 int         field)
{
  gpointer first;

  if (g_hash_table_lookup_extended (run->keys, key, NULL, &first))
    {
      g_autofree char *first_row = row_text (*(guint64 *) first);

      add_issue (run, field, field >= 0 ? run->values[field] : NULL, FALSE,
                 _("This row repeats row %s of the file (the same %s); only the first is imported."),
                 first_row, field >= 0 ? _(run->fields[field].title) : _("record"));
      run->report->n_duplicates++;
      return TRUE;
    }
  g_hash_table_insert (run->keys, g_strdup (key), g_memdup2 (&run->row, sizeof run->row));
  return FALSE;
}

static gboolean
parse_date (Run   *run,
            int    field,
            GDate *date)
{
  g_autoptr (GError) error = NULL;

  g_date_clear (date, 1);
  if (run->values[field] == NULL)
    return TRUE;
  if (!tidu_date_parse (run->values[field], date, &error))
    {
      add_error (run, field, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_money (Run    *run,
             int     field,
             gint64 *yuan)
{
  g_autoptr (GError) error = NULL;

  *yuan = TIDU_UNSET;
  if (run->values[field] == NULL)
    return TRUE;
  if (!tidu_money_parse (run->values[field], run->imp->units[run->columns[field]], yuan, &error))
    {
      add_error (run, field, error);
      return FALSE;
    }
  return TRUE;
}

/* A whole number, with thousands separators allowed ("1,200"). */
static gboolean
parse_count (Run    *run,
             int     field,
             gint64 *value)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  const char *text = run->values[field];
  guint64 n = 0;

  *value = TIDU_UNSET;
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',')
      g_string_append_c (digits, *p);
  /* "12.0" from a spreadsheet that stored the count as a number. */
  if (g_str_has_suffix (digits->str, ".0"))
    g_string_truncate (digits, digits->len - 2);
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT32, &n, NULL))
    {
      add_issue (run, field, text, FALSE, _("“%s” is not a whole number."), text);
      return FALSE;
    }
  *value = (gint64) n;
  return TRUE;
}

static gboolean
parse_vocab (Run             *run,
             int              field,
             TiduVocabulary   vocabulary,
             char           **code)
{
  g_autofree char *folded = NULL;
  const char *found;

  *code = NULL;
  if (run->values[field] == NULL)
    return TRUE;
  if (run->vocab[vocabulary] == NULL)
    {
      g_autoptr (GError) error = NULL;
      GPtrArray *items = tidu_vocabulary_list (run->db, vocabulary, &error);

      if (items == NULL)
        {
          add_error (run, field, error);
          return FALSE;
        }
      run->vocab[vocabulary] = items;
      /* Codes, Chinese and English names, folded, all lead to the code. */
      run->vocab_index[vocabulary] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < items->len; i++)
        {
          const TiduVocabItem *item = g_ptr_array_index (items, i);

          g_hash_table_insert (run->vocab_index[vocabulary], fold (item->code), item->code);
          g_hash_table_insert (run->vocab_index[vocabulary], fold (item->name_zh), item->code);
          g_hash_table_insert (run->vocab_index[vocabulary], fold (item->name_en), item->code);
        }
    }
  folded = fold (run->values[field]);
  found = g_hash_table_lookup (run->vocab_index[vocabulary], folded);
  if (found != NULL)
    {
      *code = g_strdup (found);
      return TRUE;
    }
  {
    GPtrArray *items = run->vocab[vocabulary];
    g_autoptr (GString) choices = g_string_new (NULL);

    for (guint i = 0; i < items->len; i++)
      g_string_append_printf (choices, "%s%s", i > 0 ? _(", ") : "",
                              tidu_vocab_item_get_label (g_ptr_array_index (items, i)));
    add_issue (run, field, run->values[field], FALSE,
               _("“%s” is not one of: %s."), run->values[field], choices->str);
  }
  return FALSE;
}

static void
note_created (Run        *run,
              const char *what,
              const char *name)
{
  TiduImportCreatedName *created = g_new0 (TiduImportCreatedName, 1);

  created->what = g_strdup (what);
  created->name = g_strdup (name);
  g_ptr_array_add (run->report->created_names, created);
}


/* The cached value for a name as written, else for its folded form (remembered then for the
 * name as written too). */
static const char *
cache_lookup (Run        *run,
              const char *table,
              const char *name)
{
  GHashTable *cache = cache_for (run, table);
  g_autofree char *key = NULL;
  const char *value = g_hash_table_lookup (cache, name);

  if (value != NULL)
    return value;
  key = fold (name);
  value = g_hash_table_lookup (cache, key);
  if (value != NULL)
    cache_put (run, table, name, value);
  return value;
}

static const char *
region_kind_for_name (const char *name)
{
  if (g_str_has_suffix (name, "市"))
    return "city";
  if (g_str_has_suffix (name, "镇") || g_str_has_suffix (name, "街道"))
    return "town";
  if (g_str_has_suffix (name, "园") || g_str_has_suffix (name, "园区") ||
      g_str_has_suffix (name, "开发区") || g_str_has_suffix (name, "新区"))
    return "park";
  return "district";
}

/* The id of the live region named in @field, created at the top level when there is none. */
static gboolean
resolve_region (Run   *run,
                int    field,
                char **region_id)
{
  g_autofree char *key = NULL;
  const char *id;
  g_autoptr (GError) error = NULL;
  char *new_id;

  *region_id = NULL;
  if (run->values[field] == NULL)
    return TRUE;
  id = cache_lookup (run, "regions", run->values[field]);
  if (id != NULL)
    {
      *region_id = g_strdup (id);
      return TRUE;
    }
  key = fold (run->values[field]);
  if (!ensure_savepoint (run, &error))
    {
      add_error (run, field, error);
      return FALSE;
    }
  new_id = tidu_region_find_or_create (run->db, NULL, run->values[field],
                                       region_kind_for_name (run->values[field]), &error);
  if (new_id == NULL)
    {
      add_error (run, field, error);
      return FALSE;
    }
  cache_put (run, "regions", key, new_id);
  cache_put (run, "regions", run->values[field], new_id);
  note_created (run, "region", run->values[field]);
  *region_id = new_id;
  return TRUE;
}

static gboolean
resolve_carrier (Run        *run,
                 int         field,
                 const char *region_id,
                 char      **carrier_id)
{
  g_autofree char *key = NULL;
  g_autoptr (TiduCarrier) carrier = NULL;
  g_autoptr (GError) error = NULL;
  const char *id;

  *carrier_id = NULL;
  if (run->values[field] == NULL)
    return TRUE;
  id = cache_lookup (run, "carriers", run->values[field]);
  if (id != NULL)
    {
      *carrier_id = g_strdup (id);
      return TRUE;
    }
  key = fold (run->values[field]);
  if (!ensure_savepoint (run, &error))
    {
      add_error (run, field, error);
      return FALSE;
    }
  carrier = tidu_carrier_new ();
  carrier->name = g_strdup (run->values[field]);
  carrier->kind = g_strdup ("incubator");
  carrier->region_id = g_strdup (region_id);
  if (!tidu_carrier_save (run->db, carrier, &error))
    {
      add_error (run, field, error);
      return FALSE;
    }
  cache_put (run, "carriers", key, carrier->id);
  cache_put (run, "carriers", run->values[field], carrier->id);
  note_created (run, "carrier", carrier->name);
  *carrier_id = g_strdup (carrier->id);
  return TRUE;
}

static char *
resolve_industry (Run        *run,
                  const char *text)
{
  g_autofree char *key = NULL;
  const char *name;

  if (text == NULL)
    return NULL;
  name = cache_lookup (run, "industries", text);
  if (name != NULL)
    return g_strdup (name);
  key = fold (text);
  cache_put (run, "industries", key, text);
  cache_put (run, "industries", text, text);
  note_created (run, "industry", text);
  return g_strdup (text);
}

static gboolean
load_caches (Run     *run,
             GError **error)
{
  static const struct { const char *sql; int table; } queries[] = {
    { "SELECT name, id FROM regions WHERE deleted_at IS NULL ORDER BY parent_id IS NOT NULL, name", 0 },
    { "SELECT name, id FROM carriers WHERE deleted_at IS NULL ORDER BY name", 1 },
    { "SELECT DISTINCT industry, industry FROM firms WHERE industry IS NOT NULL AND deleted_at IS NULL", 2 },
  };
  sqlite3 *handle = tidu_database_get_handle (run->db);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      GHashTable *cache = queries[q].table == 0 ? run->regions
                          : queries[q].table == 1 ? run->carriers : run->industries;
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (handle, queries[q].sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return tidu_database_set_error (handle, rc, NULL, error);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          char *key = fold ((const char *) sqlite3_column_text (stmt, 0));

          if (!g_hash_table_contains (cache, key))
            g_hash_table_insert (cache, key,
                                 g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
          else
            g_free (key);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return tidu_database_set_error (handle, rc, NULL, error);
    }
  return TRUE;
}

static char *
find_id (Run        *run,
         const char *sql,
         const char *a,
         const char *b)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = tidu_database_prepare (run->db, sql, &error);
  char *id = NULL;

  if (stmt == NULL)
    return NULL;
  tidu_bind_text (stmt, 1, a);
  if (b != NULL || sqlite3_bind_parameter_count (stmt) >= 2)
    tidu_bind_text (stmt, 2, b);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = tidu_column_text (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* The uscc in @field, normalized, or NULL when empty; reports a malformed code. */
static gboolean
parse_uscc (Run   *run,
            int    field,
            char **uscc)
{
  TiduUsccResult result;
  TiduUsccStatus status;

  *uscc = NULL;
  if (run->values[field] == NULL)
    return TRUE;
  status = tidu_uscc_validate (run->values[field], &result);
  if (status == TIDU_USCC_EMPTY)
    return TRUE;
  if (status != TIDU_USCC_VALID)
    {
      g_autofree char *description = tidu_uscc_describe (&result);

      add_issue (run, field, run->values[field], FALSE, "%s", description);
      return FALSE;
    }
  *uscc = g_strdup (result.normalized);
  return TRUE;
}

/* The live firm a row names by credit code or by name (which must be unambiguous). */
static gboolean
resolve_firm (Run   *run,
              int    name_field,
              int    uscc_field,
              char **firm_id)
{
  g_autofree char *uscc = NULL;

  *firm_id = NULL;
  if (!parse_uscc (run, uscc_field, &uscc))
    return FALSE;
  if (uscc != NULL)
    {
      *firm_id = find_id (run, "SELECT id FROM firms WHERE uscc = ?1 AND deleted_at IS NULL", uscc, NULL);
      if (*firm_id == NULL)
        add_issue (run, uscc_field, run->values[uscc_field], FALSE,
                   _("No firm has the credit code %s. Import the firm first."), uscc);
      return *firm_id != NULL;
    }
  if (run->values[name_field] != NULL)
    {
      g_autofree char *second = NULL;

      *firm_id = find_id (run, "SELECT id FROM firms WHERE name = ?1 AND deleted_at IS NULL ORDER BY rowid",
                          run->values[name_field], NULL);
      second = find_id (run, "SELECT id FROM firms WHERE name = ?1 AND deleted_at IS NULL ORDER BY rowid DESC",
                        run->values[name_field], NULL);
      if (*firm_id == NULL)
        add_issue (run, name_field, run->values[name_field], FALSE,
                   _("No firm is named “%s”. Import the firm first, or give its credit code."),
                   run->values[name_field]);
      else if (g_strcmp0 (*firm_id, second) != 0)
        {
          add_issue (run, name_field, run->values[name_field], FALSE,
                     _("Several firms are named “%s”. Give the credit code to say which."),
                     run->values[name_field]);
          g_clear_pointer (firm_id, g_free);
        }
      return *firm_id != NULL;
    }
  add_issue (run, -1, NULL, FALSE, _("The row names no firm: give its credit code or name."));
  return FALSE;
}

/* Replaces @field's text with the cell's when the cell is not empty. */
static void
take_text (Run   *run,
           int    field,
           char **target)
{
  if (run->values[field] != NULL)
    tidu_text_replace (target, g_strdup (run->values[field]));
}

static void
take_date (const GDate *value,
           GDate       *target)
{
  if (g_date_valid (value))
    *target = *value;
}

static void
take_int (gint64  value,
          gint64 *target)
{
  if (TIDU_IS_SET (value))
    *target = value;
}

static char *
date_text (const GDate *date)
{
  return g_date_valid (date) ? tidu_date_to_iso (date) : g_strdup ("");
}

typedef enum { ROW_CREATED, ROW_UPDATED, ROW_UNCHANGED } RowOutcome;

static char *
firm_signature (const TiduFirm *f)
{
  g_autofree char *founded = date_text (&f->founded_on);

  return g_strjoin ("\x1f", f->name ? f->name : "", f->uscc ? f->uscc : "",
                    f->region_id ? f->region_id : "", f->industry ? f->industry : "",
                    f->tech_field ? f->tech_field : "", founded,
                    f->address ? f->address : "", f->legal_person ? f->legal_person : "",
                    f->contact_name ? f->contact_name : "", f->contact_phone ? f->contact_phone : "",
                    f->contact_email ? f->contact_email : "", f->notes ? f->notes : "",
                    f->attraction_stage ? f->attraction_stage : "",
                    f->attraction_channel ? f->attraction_channel : "",
                    f->officer ? f->officer : "", f->deleted_at ? "d" : "", NULL);
}

/* A firm that is not in the database yet, inserted directly: the import has already
 * established everything tidu_firm_validate() checks (a name; a well-formed credit code that
 * no firm, live or in the trash, holds and no earlier row repeats; a live region; known
 * high-tech field and attraction stage; no attraction dates), and the schema's constraints
 * check it again. Saving row by row through tidu_firm_save() costs twice the time of a
 * 100,000-row import (bench-csv.sh). */
/* A UUID in version 4 form whose first 32 bits count up from a random start (as the sample
 * generator's, tidu-sample.c): the primary-key index grows at its end instead of splitting
 * pages all over the file. The other 90 bits are random, so ids from two offices still never
 * collide. */
static char *
new_firm_id (Run *run)
{
  guint8 b[16];
  guint32 counter = run->id_counter++;

  b[0] = counter >> 24;
  b[1] = counter >> 16;
  b[2] = counter >> 8;
  b[3] = counter;
  for (int i = 1; i < 4; i++)
    {
      guint32 r = g_random_int ();

      b[i * 4] = r >> 24;
      b[i * 4 + 1] = r >> 16;
      b[i * 4 + 2] = r >> 8;
      b[i * 4 + 3] = r;
    }
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  /* 8-4-4-4-12 hex digits, written by hand: printf was a tenth of the row loop. */
  {
    static const char hex[] = "0123456789abcdef";
    char *id = g_malloc (37);
    char *p = id;

    for (int i = 0; i < 16; i++)
      {
        if (i == 4 || i == 6 || i == 8 || i == 10)
          *p++ = '-';
        *p++ = hex[b[i] >> 4];
        *p++ = hex[b[i] & 0x0F];
      }
    *p = '\0';
    return id;
  }
}


/* tidu_bind_text () without the copy: @text must stay until the statement has stepped. */
static void
bind_static (sqlite3_stmt *stmt,
             int           index,
             const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static gboolean
insert_new_firm (Run       *run,
                 TiduFirm  *firm,
                 GError   **error)
{
  g_autofree char *id = new_firm_id (run);
  sqlite3_stmt *stmt = run->insert_firm;

  /* Kept in the Run: looking the statement up by its text hashed 400 bytes on every row. Every
   * parameter is bound below, and tidu_database_step_done () resets it. */
  if (stmt == NULL)
    stmt = run->insert_firm =
      tidu_database_prepare (run->db,
                             "INSERT INTO firms (id, name, uscc, uscc_override, region_id, industry, tech_field, "
                             "founded_on, address, legal_person, contact_name, contact_phone, contact_email, notes, "
                             "attraction_channel, attraction_stage, officer, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)",
                             error);
  if (stmt == NULL)
    return FALSE;
  /* Every value outlives the step below: bound without a copy (a malloc and a memcpy per
   * value, 17 a row). The next row binds every parameter again before it steps. */
  bind_static (stmt, 1, id);
  bind_static (stmt, 2, firm->name);
  bind_static (stmt, 3, firm->uscc);
  bind_static (stmt, 4, firm->region_id);
  bind_static (stmt, 5, firm->industry);
  bind_static (stmt, 6, firm->tech_field);
  tidu_bind_date (stmt, 7, &firm->founded_on);
  bind_static (stmt, 8, firm->address);
  bind_static (stmt, 9, firm->legal_person);
  bind_static (stmt, 10, firm->contact_name);
  bind_static (stmt, 11, firm->contact_phone);
  bind_static (stmt, 12, firm->contact_email);
  bind_static (stmt, 13, firm->notes);
  bind_static (stmt, 14, firm->attraction_channel);
  bind_static (stmt, 15, firm->attraction_stage);
  bind_static (stmt, 16, firm->officer);
  bind_static (stmt, 17, run->now);
  if (!tidu_database_step_done (run->db, stmt, error))
    return FALSE;
  if (run->indexer != NULL)
    {
      run->new_rowid = sqlite3_last_insert_rowid (tidu_database_get_handle (run->db));
      run->new_text[0] = g_strdup (firm->name);
      run->new_text[1] = g_strdup (firm->uscc);
      run->new_text[2] = g_strdup (firm->notes);
    }
  tidu_text_replace (&firm->id, g_steal_pointer (&id));
  return TRUE;
}

static gboolean
import_firm (Run        *run,
             RowOutcome *outcome)
{
  g_autoptr (TiduFirm) firm = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uscc = NULL;
  g_autofree char *id = NULL;
  g_autofree char *region_id = NULL;
  g_autofree char *tech_field = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *carrier_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *key = NULL;
  GDate founded, entered;
  gint64 capital;
  gboolean restore = FALSE;

  if (run->values[FIRM_NAME] == NULL)
    add_issue (run, FIRM_NAME, NULL, FALSE, _("Enter the name of the firm."));
  parse_uscc (run, FIRM_USCC, &uscc);
  parse_date (run, FIRM_FOUNDED_ON, &founded);
  parse_date (run, FIRM_ENTERED_ON, &entered);
  parse_money (run, FIRM_CAPITAL, &capital);
  parse_vocab (run, FIRM_TECH_FIELD, TIDU_VOCABULARY_TECH_FIELD, &tech_field);
  parse_vocab (run, FIRM_STAGE, TIDU_VOCABULARY_ATTRACTION_STAGE, &stage);
  if (run->row_bad)
    return FALSE;

  key = uscc != NULL ? g_strconcat ("uscc:", uscc, NULL)
                     : g_strconcat ("name:", run->values[FIRM_NAME], NULL);
  if (check_duplicate (run, key, uscc != NULL ? FIRM_USCC : FIRM_NAME))
    return FALSE;

  /* The same firm: by code (trash included), else by name among firms without a code. Into a
   * table that was empty, only this file's own rows can share a code, and check_duplicate ()
   * has turned those away. */
  if (uscc != NULL && !run->firms_were_empty)
    id = find_id (run, "SELECT id FROM firms WHERE uscc = ?1", uscc, NULL);
  if (id == NULL)
    id = g_strdup (g_hash_table_lookup (run->nameless, run->values[FIRM_NAME]));
  if (id == NULL && run->firms_without_code)
    id = find_id (run, "SELECT id FROM firms WHERE name = ?1 AND uscc IS NULL AND deleted_at IS NULL "
                  "ORDER BY rowid", run->values[FIRM_NAME], NULL);
  if (id != NULL)
    {
      /* Cannot happen in a table that was empty (the row would repeat an earlier one), but the
       * indexer only knows the rows it was handed. */
      if (run->indexer != NULL)
        tidu_bulk_indexer_spoil (run->indexer);
      firm = tidu_firm_load (run->db, id, &error);
      if (firm == NULL)
        {
          add_error (run, -1, error);
          return FALSE;
        }
      before = firm_signature (firm);
      restore = firm->deleted_at != NULL;
    }
  else
    firm = tidu_firm_new ();

  if (!resolve_region (run, FIRM_REGION, &region_id))
    return FALSE;

  take_text (run, FIRM_NAME, &firm->name);
  if (uscc != NULL)
    tidu_text_replace (&firm->uscc, g_steal_pointer (&uscc));
  if (region_id != NULL)
    tidu_text_replace (&firm->region_id, g_strdup (region_id));
  if (run->values[FIRM_INDUSTRY] != NULL)
    tidu_text_replace (&firm->industry, resolve_industry (run, run->values[FIRM_INDUSTRY]));
  if (tech_field != NULL)
    tidu_text_replace (&firm->tech_field, g_steal_pointer (&tech_field));
  take_date (&founded, &firm->founded_on);
  take_text (run, FIRM_ADDRESS, &firm->address);
  take_text (run, FIRM_LEGAL_PERSON, &firm->legal_person);
  take_text (run, FIRM_CONTACT_NAME, &firm->contact_name);
  take_text (run, FIRM_CONTACT_PHONE, &firm->contact_phone);
  take_text (run, FIRM_CONTACT_EMAIL, &firm->contact_email);
  if (stage != NULL)
    tidu_text_replace (&firm->attraction_stage, g_steal_pointer (&stage));
  take_text (run, FIRM_CHANNEL, &firm->attraction_channel);
  take_text (run, FIRM_OFFICER, &firm->officer);
  take_text (run, FIRM_NOTES, &firm->notes);

  if (restore || run->values[FIRM_CARRIER] != NULL)
    {
      if (!ensure_savepoint (run, &error))
        {
          add_error (run, -1, error);
          return FALSE;
        }
    }
  if (restore)
    {
      if (!tidu_firm_restore (run->db, firm->id, &error))
        {
          add_error (run, -1, error);
          return FALSE;
        }
      g_clear_pointer (&firm->deleted_at, g_free);
    }

  /* A new firm has nothing to compare with. */
  if (id != NULL)
    after = firm_signature (firm);
  if (id == NULL)
    {
      if (!insert_new_firm (run, firm, &error))
        {
          add_error (run, -1, error);
          return FALSE;
        }
      if (firm->uscc == NULL)
        cache_put (run, "nameless", firm->name, firm->id);
    }
  else if (strcmp (before, after) != 0)
    {
      if (!tidu_firm_save (run->db, firm, &error))
        {
          g_autoptr (TiduValidation) validation = tidu_validation_new ();

          if (!tidu_firm_validate (run->db, firm, validation))
            add_validation (run, validation);
          else
            add_error (run, -1, error);
          return FALSE;
        }
      if (firm->uscc == NULL)
        cache_put (run, "nameless", firm->name, firm->id);
    }

  if (run->values[FIRM_CARRIER] != NULL)
    {
      g_autofree char *current = NULL;

      if (!resolve_carrier (run, FIRM_CARRIER, firm->region_id, &carrier_id))
        return FALSE;
      current = tidu_firm_current_carrier (run->db, firm->id, &error);
      if (error != NULL)
        {
          add_error (run, -1, error);
          return FALSE;
        }
      if (g_strcmp0 (current, carrier_id) != 0)
        {
          if (!tidu_firm_move_to_carrier (run->db, firm->id, carrier_id,
                                          g_date_valid (&entered) ? &entered : &run->today,
                                          &error))
            {
              add_error (run, FIRM_CARRIER, error);
              return FALSE;
            }
          g_clear_pointer (&before, g_free);
          before = g_strdup ("");
        }
    }

  *outcome = id == NULL ? ROW_CREATED : (before != NULL && strcmp (before, after) == 0)
             ? ROW_UNCHANGED : ROW_UPDATED;
  return TRUE;
}

static char *
carrier_signature (const TiduCarrier *c)
{
  g_autofree char *founded = date_text (&c->founded_on);
  g_autofree char *area = isnan (c->area_m2) ? g_strdup ("") : g_strdup_printf ("%.3f", c->area_m2);

  return g_strjoin ("\x1f", c->name ? c->name : "", c->kind ? c->kind : "",
                    c->level ? c->level : "", c->region_id ? c->region_id : "",
                    c->operator ? c->operator : "", c->operator_uscc ? c->operator_uscc : "",
                    c->address ? c->address : "", area, founded,
                    c->contact_name ? c->contact_name : "",
                    c->contact_phone ? c->contact_phone : "", c->notes ? c->notes : "", NULL);
}

static gboolean
import_carrier (Run        *run,
                RowOutcome *outcome)
{
  g_autoptr (TiduCarrier) carrier = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *level = NULL;
  g_autofree char *operator_uscc = NULL;
  g_autofree char *region_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GDate founded;
  double area = NAN;

  if (run->values[CARRIER_NAME] == NULL)
    add_issue (run, CARRIER_NAME, NULL, FALSE, _("Enter the name of the carrier."));
  parse_vocab (run, CARRIER_KIND, TIDU_VOCABULARY_CARRIER_KIND, &kind);
  parse_vocab (run, CARRIER_LEVEL, TIDU_VOCABULARY_LEVEL, &level);
  parse_uscc (run, CARRIER_OPERATOR_USCC, &operator_uscc);
  parse_date (run, CARRIER_FOUNDED_ON, &founded);
  if (run->values[CARRIER_AREA] != NULL)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      char *end = NULL;

      for (const char *p = run->values[CARRIER_AREA]; *p != '\0'; p++)
        if (*p != ',')
          g_string_append_c (text, *p);
      area = g_ascii_strtod (text->str, &end);
      if (end == text->str || *end != '\0' || !(area >= 0))
        add_issue (run, CARRIER_AREA, run->values[CARRIER_AREA], FALSE,
                   _("“%s” is not an area in square metres."), run->values[CARRIER_AREA]);
    }
  if (run->row_bad)
    return FALSE;

  key = g_strconcat (run->values[CARRIER_NAME], "\t",
                     run->values[CARRIER_REGION] ? run->values[CARRIER_REGION] : "", NULL);
  if (check_duplicate (run, key, CARRIER_NAME))
    return FALSE;
  if (!resolve_region (run, CARRIER_REGION, &region_id))
    return FALSE;

  if (region_id != NULL)
    id = find_id (run, "SELECT id FROM carriers WHERE name = ?1 AND region_id = ?2 AND deleted_at IS NULL",
                  run->values[CARRIER_NAME], region_id);
  else
    id = find_id (run, "SELECT id FROM carriers WHERE name = ?1 AND deleted_at IS NULL ORDER BY region_id IS NOT NULL, rowid",
                  run->values[CARRIER_NAME], NULL);
  if (id != NULL)
    {
      carrier = tidu_carrier_load (run->db, id, &error);
      if (carrier == NULL)
        {
          add_error (run, -1, error);
          return FALSE;
        }
      before = carrier_signature (carrier);
    }
  else
    {
      carrier = tidu_carrier_new ();
      if (kind == NULL)
        {
          add_issue (run, CARRIER_KIND, NULL, FALSE,
                     _("Enter the kind of carrier (众创空间, 科技企业孵化器, 加速器, …)."));
          return FALSE;
        }
    }
  take_text (run, CARRIER_NAME, &carrier->name);
  if (kind != NULL)
    tidu_text_replace (&carrier->kind, g_steal_pointer (&kind));
  if (level != NULL)
    tidu_text_replace (&carrier->level, g_steal_pointer (&level));
  if (region_id != NULL)
    tidu_text_replace (&carrier->region_id, g_strdup (region_id));
  take_text (run, CARRIER_OPERATOR, &carrier->operator);
  if (operator_uscc != NULL)
    tidu_text_replace (&carrier->operator_uscc, g_steal_pointer (&operator_uscc));
  take_text (run, CARRIER_ADDRESS, &carrier->address);
  if (!isnan (area))
    carrier->area_m2 = area;
  take_date (&founded, &carrier->founded_on);
  take_text (run, CARRIER_CONTACT_NAME, &carrier->contact_name);
  take_text (run, CARRIER_CONTACT_PHONE, &carrier->contact_phone);
  take_text (run, CARRIER_NOTES, &carrier->notes);

  after = carrier_signature (carrier);
  if (before != NULL && strcmp (before, after) == 0)
    {
      *outcome = ROW_UNCHANGED;
      return TRUE;
    }
  if (!tidu_carrier_save (run->db, carrier, &error))
    {
      g_autoptr (TiduValidation) validation = tidu_validation_new ();

      if (!tidu_carrier_validate (run->db, carrier, validation))
        add_validation (run, validation);
      else
        add_error (run, -1, error);
      return FALSE;
    }
  if (id == NULL)
    {
      g_autofree char *cache_key = fold (carrier->name);

      if (!g_hash_table_contains (run->carriers, cache_key))
        cache_put (run, "carriers", cache_key, carrier->id);
    }
  *outcome = id == NULL ? ROW_CREATED : ROW_UPDATED;
  return TRUE;
}

static char *
talent_signature (const TiduTalent *t)
{
  g_autofree char *birth = TIDU_IS_SET (t->birth_year)
                           ? g_strdup_printf ("%" G_GINT64_FORMAT, t->birth_year) : g_strdup ("");

  return g_strjoin ("\x1f", t->name ? t->name : "", t->gender ? t->gender : "", birth,
                    t->degree ? t->degree : "", t->title ? t->title : "",
                    t->field ? t->field : "", t->firm_id ? t->firm_id : "",
                    t->region_id ? t->region_id : "", t->contact_phone ? t->contact_phone : "",
                    t->contact_email ? t->contact_email : "", t->notes ? t->notes : "", NULL);
}

static gboolean
import_talent (Run        *run,
               RowOutcome *outcome)
{
  g_autoptr (TiduTalent) talent = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *firm_id = NULL;
  g_autofree char *region_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *gender = NULL;
  gint64 birth_year = TIDU_UNSET;

  if (run->values[TALENT_NAME] == NULL)
    add_issue (run, TALENT_NAME, NULL, FALSE, _("Enter the name of the talent."));
  if (run->values[TALENT_GENDER] != NULL)
    {
      g_autofree char *g = fold (run->values[TALENT_GENDER]);

      if (strcmp (g, "男") == 0 || strcmp (g, "male") == 0 || strcmp (g, "m") == 0)
        gender = "male";
      else if (strcmp (g, "女") == 0 || strcmp (g, "female") == 0 || strcmp (g, "f") == 0)
        gender = "female";
      else
        add_issue (run, TALENT_GENDER, run->values[TALENT_GENDER], FALSE,
                   _("“%s” is not a gender: write 男 or 女 (male or female)."),
                   run->values[TALENT_GENDER]);
    }
  if (run->values[TALENT_BIRTH_YEAR] != NULL)
    {
      const char *text = run->values[TALENT_BIRTH_YEAR];
      guint64 year = 0;
      GDate date;

      /* A year alone, or a date of birth ("1985-03", "1985年3月12日"). */
      if (g_ascii_string_to_unsigned (text, 10, 1000, 9999, &year, NULL))
        birth_year = (gint64) year;
      else if (tidu_date_parse (text, &date, NULL))
        birth_year = g_date_get_year (&date);
      else if (strlen (text) > 4 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
               g_ascii_isdigit (text[2]) && g_ascii_isdigit (text[3]) && !g_ascii_isdigit (text[4]) &&
               (g_str_has_prefix (text + 4, "年") || strchr ("-./", text[4]) != NULL))
        birth_year = g_ascii_strtoll (text, NULL, 10);   /* "1985年3月", "1985-03" */
      if (!TIDU_IS_SET (birth_year))
        add_issue (run, TALENT_BIRTH_YEAR, text, FALSE,
                   _("“%s” is not a year of birth."), text);
    }
  if (run->values[TALENT_FIRM] != NULL || run->values[TALENT_FIRM_USCC] != NULL)
    resolve_firm (run, TALENT_FIRM, TALENT_FIRM_USCC, &firm_id);
  if (run->row_bad)
    return FALSE;

  key = g_strconcat (run->values[TALENT_NAME], "\t", firm_id ? firm_id : "", NULL);
  if (check_duplicate (run, key, TALENT_NAME))
    return FALSE;
  if (!resolve_region (run, TALENT_REGION, &region_id))
    return FALSE;

  id = find_id (run, "SELECT id FROM talents WHERE name = ?1 AND ifnull (firm_id, '') = ifnull (?2, '') "
                "AND deleted_at IS NULL ORDER BY rowid", run->values[TALENT_NAME], firm_id);
  if (id != NULL)
    {
      talent = tidu_talent_load (run->db, id, &error);
      if (talent == NULL)
        {
          add_error (run, -1, error);
          return FALSE;
        }
      before = talent_signature (talent);
    }
  else
    talent = tidu_talent_new ();

  take_text (run, TALENT_NAME, &talent->name);
  if (gender != NULL)
    tidu_text_replace (&talent->gender, g_strdup (gender));
  take_int (birth_year, &talent->birth_year);
  take_text (run, TALENT_DEGREE, &talent->degree);
  take_text (run, TALENT_TITLE, &talent->title);
  take_text (run, TALENT_FIELD, &talent->field);
  if (firm_id != NULL)
    tidu_text_replace (&talent->firm_id, g_strdup (firm_id));
  if (region_id != NULL)
    tidu_text_replace (&talent->region_id, g_strdup (region_id));
  take_text (run, TALENT_CONTACT_PHONE, &talent->contact_phone);
  take_text (run, TALENT_CONTACT_EMAIL, &talent->contact_email);
  take_text (run, TALENT_NOTES, &talent->notes);

  after = talent_signature (talent);
  if (before != NULL && strcmp (before, after) == 0)
    {
      *outcome = ROW_UNCHANGED;
      return TRUE;
    }
  if (!tidu_talent_save (run->db, talent, &error))
    {
      g_autoptr (TiduValidation) validation = tidu_talent_validate (run->db, talent, NULL);

      if (validation != NULL && tidu_validation_has_errors (validation))
        add_validation (run, validation);
      else
        add_error (run, -1, error);
      return FALSE;
    }
  *outcome = id == NULL ? ROW_CREATED : ROW_UPDATED;
  return TRUE;
}

static gboolean
import_certification (Run        *run,
                      RowOutcome *outcome)
{
  g_autoptr (TiduCertification) certification = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *firm_id = NULL;
  g_autofree char *tier = NULL;
  g_autofree char *level = NULL;
  g_autofree char *key = NULL;
  g_autofree char *certified_text = NULL;
  GDate certified, expires;
  gboolean changed = TRUE;

  resolve_firm (run, CERT_FIRM, CERT_FIRM_USCC, &firm_id);
  if (run->values[CERT_TIER] == NULL)
    add_issue (run, CERT_TIER, NULL, FALSE, _("Enter the tier of the certification."));
  parse_vocab (run, CERT_TIER, TIDU_VOCABULARY_TIER, &tier);
  parse_vocab (run, CERT_LEVEL, TIDU_VOCABULARY_LEVEL, &level);
  if (run->values[CERT_CERTIFIED_ON] == NULL)
    add_issue (run, CERT_CERTIFIED_ON, NULL, FALSE, _("Enter the date of the certification."));
  parse_date (run, CERT_CERTIFIED_ON, &certified);
  parse_date (run, CERT_EXPIRES_ON, &expires);
  if (run->row_bad)
    return FALSE;

  certified_text = tidu_date_to_iso (&certified);
  key = g_strjoin ("\t", firm_id, tier, certified_text, NULL);
  if (check_duplicate (run, key, CERT_TIER))
    return FALSE;

  existing = tidu_firm_list_certifications (run->db, firm_id, &error);
  if (existing == NULL)
    {
      add_error (run, -1, error);
      return FALSE;
    }
  for (guint i = 0; i < existing->len && certification == NULL; i++)
    {
      TiduCertification *c = g_ptr_array_index (existing, i);

      if (c->deleted_at == NULL && g_strcmp0 (c->tier, tier) == 0 &&
          g_date_compare (&c->certified_on, &certified) == 0)
        certification = tidu_certification_copy (c);
    }
  if (certification != NULL)
    {
      changed = (level != NULL && g_strcmp0 (level, certification->level) != 0) ||
                (g_date_valid (&expires) && (!g_date_valid (&certification->expires_on) ||
                                             g_date_compare (&expires, &certification->expires_on) != 0)) ||
                (run->values[CERT_NUMBER] != NULL &&
                 g_strcmp0 (run->values[CERT_NUMBER], certification->certificate_no) != 0) ||
                (run->values[CERT_NOTES] != NULL &&
                 g_strcmp0 (run->values[CERT_NOTES], certification->notes) != 0);
      *outcome = changed ? ROW_UPDATED : ROW_UNCHANGED;
    }
  else
    {
      certification = tidu_certification_new ();
      certification->firm_id = g_strdup (firm_id);
      certification->tier = g_strdup (tier);
      certification->certified_on = certified;
      certification->status = g_strdup (TIDU_CERTIFICATION_ACTIVE);
      *outcome = ROW_CREATED;
    }
  if (level != NULL)
    tidu_text_replace (&certification->level, g_steal_pointer (&level));
  take_date (&expires, &certification->expires_on);
  take_text (run, CERT_NUMBER, &certification->certificate_no);
  take_text (run, CERT_NOTES, &certification->notes);

  if (changed && !tidu_certification_save (run->db, certification, &error))
    {
      g_autoptr (TiduValidation) validation = tidu_validation_new ();

      if (!tidu_certification_validate (run->db, certification, validation))
        add_validation (run, validation);
      else
        add_error (run, -1, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_indicators (Run        *run,
                   RowOutcome *outcome)
{
  g_autoptr (TiduFirmYear) year = NULL;
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *firm_id = NULL;
  g_autofree char *key = NULL;
  gint64 values[YEAR_N];
  gint64 year_number = TIDU_UNSET;
  gint64 *targets[YEAR_N] = { 0 };
  gboolean changed = FALSE;

  resolve_firm (run, YEAR_FIRM, YEAR_FIRM_USCC, &firm_id);
  if (run->values[YEAR_YEAR] == NULL)
    add_issue (run, YEAR_YEAR, NULL, FALSE, _("Enter the year of the indicators."));
  else if (parse_count (run, YEAR_YEAR, &year_number) && (year_number < 1980 || year_number > 2100))
    add_issue (run, YEAR_YEAR, run->values[YEAR_YEAR], FALSE,
               _("The year must be between 1980 and 2100."));
  for (int f = YEAR_REVENUE; f <= YEAR_FINANCING; f++)
    if (kinds[TIDU_IMPORT_INDICATORS].fields[f].money)
      parse_money (run, f, &values[f]);
    else
      parse_count (run, f, &values[f]);
  if (run->row_bad)
    return FALSE;

  key = g_strdup_printf ("%s\t%" G_GINT64_FORMAT, firm_id, year_number);
  if (check_duplicate (run, key, YEAR_YEAR))
    return FALSE;

  existing = tidu_firm_list_years (run->db, firm_id, &error);
  if (existing == NULL)
    {
      add_error (run, -1, error);
      return FALSE;
    }
  for (guint i = 0; i < existing->len && year == NULL; i++)
    {
      TiduFirmYear *y = g_ptr_array_index (existing, i);

      if (y->deleted_at == NULL && y->year == year_number)
        year = tidu_firm_year_copy (y);
    }
  if (year == NULL)
    {
      year = tidu_firm_year_new ();
      year->firm_id = g_strdup (firm_id);
      year->year = (int) year_number;
      *outcome = ROW_CREATED;
      changed = TRUE;
    }
  targets[YEAR_REVENUE] = &year->revenue;
  targets[YEAR_RD_EXPENSE] = &year->rd_expense;
  targets[YEAR_STAFF] = &year->staff;
  targets[YEAR_TECH_STAFF] = &year->tech_staff;
  targets[YEAR_IP1] = &year->ip_class1;
  targets[YEAR_IP2] = &year->ip_class2;
  targets[YEAR_VALUATION] = &year->valuation;
  targets[YEAR_FINANCING] = &year->financing;
  for (int f = YEAR_REVENUE; f <= YEAR_FINANCING; f++)
    if (TIDU_IS_SET (values[f]) && *targets[f] != values[f])
      {
        *targets[f] = values[f];
        changed = TRUE;
      }
  if (run->values[YEAR_NOTES] != NULL && g_strcmp0 (run->values[YEAR_NOTES], year->notes) != 0)
    {
      take_text (run, YEAR_NOTES, &year->notes);
      changed = TRUE;
    }
  if (year->id != NULL)
    *outcome = changed ? ROW_UPDATED : ROW_UNCHANGED;

  if (changed && !tidu_firm_year_save (run->db, year, &error))
    {
      g_autoptr (TiduValidation) validation = tidu_validation_new ();

      if (!tidu_firm_year_validate (run->db, year, validation))
        add_validation (run, validation);
      else
        add_error (run, -1, error);
      return FALSE;
    }
  return TRUE;
}

/* The rows of the whole file, from the rows read so far and the bytes they took. */
static guint64
expected_rows (guint64 rows,
               goffset offset,
               goffset size)
{
  if (offset <= 0)
    return rows;
  return (guint64) ((double) rows * (double) size / (double) offset);
}

/* Undoes what the caches learnt from a row that was rolled back. */
static void
forget_row (Run   *run,
            guint  n_created_before)
{
  for (guint i = 0; i < run->row_cache_keys->len; i++)
    {
      const char *entry = g_ptr_array_index (run->row_cache_keys, i);
      const char *tab = strchr (entry, '\t');
      g_autofree char *table = g_strndup (entry, tab - entry);

      g_hash_table_remove (cache_for (run, table), tab + 1);
    }
  g_ptr_array_set_size (run->report->created_names, n_created_before);
}

static void
forget_new_firm (Run *run)
{
  run->new_rowid = 0;
  for (guint i = 0; i < G_N_ELEMENTS (run->new_text); i++)
    g_clear_pointer (&run->new_text[i], g_free);
}

static gboolean
import_row (Run *run,
            GError **error)
{
  RowOutcome outcome = ROW_CREATED;
  guint n_created_before = run->report->created_names->len;
  gboolean ok = FALSE;

  g_ptr_array_set_size (run->row_cache_keys, 0);
  run->in_savepoint = FALSE;
  forget_new_firm (run);

  switch (run->imp->kind)
    {
    case TIDU_IMPORT_FIRMS:
      ok = import_firm (run, &outcome);
      break;
    case TIDU_IMPORT_CARRIERS:
      ok = import_carrier (run, &outcome);
      break;
    case TIDU_IMPORT_TALENTS:
      ok = import_talent (run, &outcome);
      break;
    case TIDU_IMPORT_CERTIFICATIONS:
      ok = import_certification (run, &outcome);
      break;
    case TIDU_IMPORT_INDICATORS:
      ok = import_indicators (run, &outcome);
      break;
    case TIDU_N_IMPORT_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!ok || run->row_bad)
    {
      if (run->in_savepoint)
        tidu_database_rollback (run->db);
      forget_row (run, n_created_before);
      run->report->n_bad++;
      return TRUE;
    }
  if (run->in_savepoint && !tidu_database_commit (run->db, error))
    return FALSE;
  /* The firm stays: the indexer may have it. */
  if (run->new_rowid != 0)
    tidu_bulk_indexer_add (run->indexer, run->new_rowid, (const char * const *) run->new_text);
  forget_new_firm (run);
  if (outcome == ROW_CREATED)
    run->report->n_created++;
  else if (outcome == ROW_UPDATED)
    run->report->n_updated++;
  else
    run->report->n_unchanged++;
  return TRUE;
}

static void
run_clear (Run *run)
{
  forget_new_firm (run);
  g_clear_pointer (&run->indexer, tidu_bulk_indexer_free);
  g_clear_pointer (&run->regions, g_hash_table_unref);
  g_clear_pointer (&run->carriers, g_hash_table_unref);
  g_clear_pointer (&run->industries, g_hash_table_unref);
  g_clear_pointer (&run->nameless, g_hash_table_unref);
  g_clear_pointer (&run->keys, g_hash_table_unref);
  g_clear_pointer (&run->row_cache_keys, g_ptr_array_unref);
  g_clear_pointer (&run->now, g_free);
  for (guint i = 0; i < TIDU_N_VOCABULARIES; i++)
    {
      g_clear_pointer (&run->vocab_index[i], g_hash_table_unref);
      g_clear_pointer (&run->vocab[i], g_ptr_array_unref);
    }
}

TiduImportReport *
tidu_import_run (TiduImport        *self,
                 TiduDatabase      *db,
                 gboolean           dry_run,
                 TiduProgressFunc   progress,
                 gpointer           progress_data,
                 GCancellable      *cancellable,
                 GError           **error)
{
  static const char * const bulk_tables[] = { "firms", "carriers", "regions", "talents", NULL };
  g_autoptr (TiduImportReport) report = NULL;
  g_autoptr (TiduCsvReader) reader = NULL;
  g_autoptr (TiduBulk) bulk = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInfo) info = NULL;
  const char * const *fields = NULL;
  guint n_fields = 0;
  goffset size = 0;
  Run run = { 0 };
  gboolean ok = FALSE;
  gboolean commit;
  gint64 started = g_get_monotonic_time ();
  guint64 existing = 0;
  gint64 rows_done;
  gint64 rebuilt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (TIDU_IS_DATABASE (db), NULL);

  if (!tidu_import_check_mapping (self, error))
    return NULL;

  reader = tidu_csv_reader_new_for_path (self->path, self->encoding, self->delimiter,
                                         cancellable, error);
  if (reader == NULL)
    return NULL;
  file = g_file_new_for_path (self->path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);

  /* The header row. */
  if (!tidu_csv_reader_next (reader, &fields, &n_fields, cancellable, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT,
                             _("The file is empty: it has no header row."));
      return NULL;
    }

  report = g_new0 (TiduImportReport, 1);
  report->kind = self->kind;
  report->mode = self->mode;
  report->encoding = self->encoding;
  report->dry_run = dry_run;
  report->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  report->created_names = g_ptr_array_new_with_free_func ((GDestroyNotify) created_name_free);

  run.imp = self;
  run.db = db;
  run.report = report;
  run.fields = kinds[self->kind].fields;
  run.regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.carriers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.industries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.nameless = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.row_cache_keys = g_ptr_array_new_with_free_func (g_free);
  run.now = tidu_record_timestamp ();
  run.id_counter = g_random_int ();
  g_date_clear (&run.today, 1);
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();

    g_date_set_dmy (&run.today, g_date_time_get_day_of_month (now),
                    g_date_time_get_month (now), g_date_time_get_year (now));
  }
  for (guint f = 0; f < MAX_FIELDS; f++)
    run.columns[f] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->mapping[c] >= 0)
      run.columns[self->mapping[c]] = (int) c;

  /* Columns Tidu has no field for are said once, not on every row. */
  for (guint f = 0; f < kinds[self->kind].n_fields; f++)
    if (!run.fields[f].kept && run.columns[f] >= 0)
      {
        run.row = 0;
        add_issue (&run, (int) f, NULL, TRUE,
                   _("Tidu does not keep “%s”: the column is checked but not imported."),
                   _(run.fields[f].title));
      }

  if (!tidu_database_begin (db, error))
    {
      run_clear (&run);
      return NULL;
    }
  if (!load_caches (&run, &local_error))
    goto out;
  {
    static const char * const counts[TIDU_N_IMPORT_KINDS] = {
      [TIDU_IMPORT_FIRMS] = "SELECT count(*) FROM firms",
      [TIDU_IMPORT_CARRIERS] = "SELECT count(*) FROM carriers",
      [TIDU_IMPORT_TALENTS] = "SELECT count(*) FROM talents",
      [TIDU_IMPORT_CERTIFICATIONS] = "SELECT count(*) FROM firms",
      [TIDU_IMPORT_INDICATORS] = "SELECT count(*) FROM firms",
    };
    sqlite3_stmt *stmt = tidu_database_prepare (db, counts[self->kind], &local_error);

    if (stmt == NULL)
      goto out;
    if (sqlite3_step (stmt) == SQLITE_ROW)
      existing = (guint64) sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
    run.firms_were_empty = self->kind == TIDU_IMPORT_FIRMS && existing == 0;
  }
  /* A big file into an empty table: the search indexes are built on a second thread while the
   * rows load, instead of rebuilt after (about a third of the import on one core). */
  if (run.firms_were_empty && !dry_run && size > BULK_THRESHOLD)
    {
      static const char * const columns[] = { "name", "uscc", "notes", NULL };

      run.indexer = tidu_bulk_indexer_new (db, "firms_live_text", columns);
    }
  {
    g_autofree char *any = find_id (&run, "SELECT id FROM firms WHERE uscc IS NULL AND deleted_at IS NULL LIMIT 1",
                                    NULL, NULL);

    run.firms_without_code = any != NULL;
  }

  for (guint64 n = 0;; n++)
    {
      char *tidied[MAX_FIELDS] = { 0 };
      gboolean have;

      g_clear_error (&local_error);
      have = tidu_csv_reader_next (reader, &fields, &n_fields, cancellable, &local_error);
      run.row = tidu_csv_reader_get_row (reader);
      if (!have && local_error == NULL)
        break;
      if (!have && !g_error_matches (local_error, TIDU_ERROR, TIDU_ERROR_INVALID_INPUT))
        goto out;
      report->n_rows++;
      run.row_bad = FALSE;
      if (!have)
        {
          /* Bytes invalid in the encoding: the row is reported, never guessed at. */
          add_issue (&run, -1, NULL, FALSE, "%s", local_error->message);
          report->n_bad++;
          g_clear_error (&local_error);
          continue;
        }

      for (guint f = 0; f < MAX_FIELDS; f++)
        run.values[f] = NULL;
      for (guint c = 0; c < self->n_columns && c < n_fields; c++)
        if (self->mapping[c] >= 0)
          run.values[self->mapping[c]] = tidied[self->mapping[c]] = tidy_value (fields[c]);

      /* A big file that writes suspends the search-index upkeep, between rows (never inside a
       * row's savepoint, whose rollback would bring the triggers back), and rebuilds the
       * indexes at the end. A file that matches what is saved writes nothing and rebuilds
       * nothing; one much smaller than the table keeps the upkeep row by row rather than
       * rebuild the index of the whole table. Secondary indexes go too when the import's own
       * look-ups do not need them: firms matched by code, and names of firms without a code
       * kept in memory. Into an empty table every row writes: the bulk path starts at the
       * first row. A search index that a trigger has written in the transaction takes part in
       * every later statement's savepoint, and FTS5 writes its pending rows out at each one:
       * the first 500 rows through the triggers cost about 0.1 s of a 100,000-firm import. */
      if (bulk == NULL && size > BULK_THRESHOLD &&
          (run.indexer != NULL ||
           (report->n_created + report->n_updated >= BULK_AFTER_WRITES &&
            expected_rows (report->n_rows, tidu_csv_reader_get_offset (reader), size) * 2 >= existing)) &&
          !tidu_bulk_begin_tables (db, bulk_tables,
                                   self->kind == TIDU_IMPORT_FIRMS && !run.firms_without_code
                                   ? TIDU_BULK_DROP_INDEXES : TIDU_BULK_DEFAULT,
                                   &bulk, &local_error))
        goto out;
      if (bulk != NULL && run.indexer != NULL)
        tidu_bulk_set_indexer (bulk, run.indexer);

      ok = import_row (&run, &local_error);
      for (guint f = 0; f < MAX_FIELDS; f++)
        g_free (tidied[f]);
      if (!ok)
        goto out;
      ok = FALSE;

      if (progress != NULL && n % 1000 == 999 && size > 0)
        progress (MIN (1.0, (double) tidu_csv_reader_get_offset (reader) / (double) size),
                  progress_data);
    }
  g_clear_error (&local_error);

  commit = !dry_run && !(report->n_bad > 0 && self->mode == TIDU_IMPORT_ALL_OR_NOTHING);
  rows_done = g_get_monotonic_time ();
  /* Rolling back brings the triggers and indexes back as they were: no rebuild needed. */
  if (bulk != NULL && commit && !tidu_bulk_end (bulk, &local_error))
    goto out;
  rebuilt = g_get_monotonic_time ();

  if (!commit)
    tidu_database_rollback (db);
  else
    {
      if (!tidu_database_commit (db, &local_error))
        goto out;
      report->committed = TRUE;
    }
  g_debug ("import: %" G_GUINT64_FORMAT " rows read and written in %.2f s, indexes rebuilt in %.2f s, "
           "committed in %.2f s", report->n_rows, (rows_done - started) / 1e6,
           (rebuilt - rows_done) / 1e6, (g_get_monotonic_time () - rebuilt) / 1e6);
  if (progress != NULL)
    progress (1.0, progress_data);
  ok = TRUE;

out:
  run_clear (&run);
  if (!ok)
    {
      tidu_database_rollback (db);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* ------------------------------------------------------------------ on a worker thread */

typedef struct
{
  char             *database_path;
  gboolean          dry_run;
  TiduMainProgress *progress;
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->database_path);
  g_clear_pointer (&data->progress, tidu_main_progress_unref);
  g_free (data);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TiduImport *self = g_object_get_data (G_OBJECT (task), "tidu-import");
  RunData *data = task_data;
  g_autoptr (TiduDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  TiduImportReport *report;

  db = tidu_database_open (data->database_path, TIDU_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = tidu_import_run (self, db, data->dry_run,
                            data->progress != NULL ? tidu_main_progress_report : NULL,
                            data->progress, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) tidu_import_report_free);
}

void
tidu_import_run_async (TiduImport          *self,
                       const char          *database_path,
                       gboolean             dry_run,
                       TiduProgressFunc     progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  RunData *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (database_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tidu_import_run_async);
  /* The import is not a GObject: it rides on the task, and the caller keeps it alive. */
  g_object_set_data (G_OBJECT (task), "tidu-import", self);
  data = g_new0 (RunData, 1);
  data->database_path = g_strdup (database_path);
  data->dry_run = dry_run;
  if (progress != NULL)
    data->progress = tidu_main_progress_new (progress, progress_data);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

TiduImportReport *
tidu_import_run_finish (TiduImport    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_object_get_data (G_OBJECT (result), "tidu-import") == self, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
