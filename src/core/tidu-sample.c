/* tidu-sample.c: a realistic, deterministic sample data set for a Jiangsu city (镇江市).
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything comes from one GRand seeded with the caller's seed, ids included (UUID v4 form),
 * and rows are written in a fixed order, so one seed gives the same content every time. The
 * data ends with the year 2025: nothing depends on today's date. Only created_at and
 * updated_at differ between two runs (they hold the time of generation).
 *
 * Rules the data keeps (DOMAIN.md §1–§5, docs/adr/0003): 科技型中小企业 入库 once a year, valid
 * to 31 December; 高企 certificates every three years (GR + year + 32 + serial), some not
 * renewed; 瞪羚 at 省/市 level with or without a printed expiry; 潜在独角兽/独角兽 yearly lists;
 * 上市 open-ended; firm_tiers.valid_until is what tidu_vocab_item_valid_until() computes.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tidu-bulk.h"
#include "tidu-error.h"
#include "tidu-record-private.h"
#include "tidu-sample.h"
#include "tidu-uscc.h"
#include "tidu-vocabulary.h"

#define FIRST_YEAR   2016    /* tier histories and carrier statistics */
#define LAST_YEAR    2025
#define FIRST_INDICATOR_YEAR 2020
#define ID_LEN 37

typedef char IdBuf[ID_LEN];

/* ---------------------------------------------------------------- vocabularies of names */

static const char trade_chars[] =
  "华瑞恒泰鑫源达盛宏利通嘉信德诚创天海金银龙凤祥和安康福顺兴旺隆昌丰富荣辉光明星阳晨曦东南"
  "中江河湖山川峰岭林森松柏竹梅兰春秋云雨霞虹博远卓越精工艺匠睿智慧聪灵捷迅锐强力威雄伟豪杰英"
  "俊贤良优佳美秀雅清澄洁润泽浩瀚洋波涛澜汇聚合众联盟友邦民生宇宙乾坤元亨贞吉祺禧喜乐欣悦怡逸"
  "舒畅宁静平正方圆升腾飞翔鹏鸿雁鹰骏驰奔跃振启航帆舟港湾城都园苑轩阁石玉璞琳琅珂瑶璟琦珑晶"
  "宝鼎铭锦绣纶纬经纵横格致理道仁义礼忠勤朴实真开拓进取先锋领卫迪奥赛特斯普克莱尔维亚尚品道"
  "同仁和美永固长青万象千禾百川一诺三友九鼎新航蓝天白云青松绿洲红日紫金黄河长城泰山黄山金陵"
  "京润丹扬句容镇焦北固南徐茅宝华云台珠峰昆仑天目钱塘太湖洪泽骆马阳澄滨湖梁溪惠泉锡宜溧金坛"
  "澳宸昊昱晟琪璐珺瑾瑜璇璞铄锴镭钧铂铠钰炜烨煜焕炬灿熠耀晖晔暄旭昶晗昕皓曜";

static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
  "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
  "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
  "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
  "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
  "欧阳", "司马", "诸葛",
};

static const char given_chars[] =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞斌宇浩凯健俊帆帅旭宁波辉"
  "琳晨璐瑶雪慧颖婷倩晶晓欣怡佳嘉思雨梦涵子轩浩然博文志远建国建华立新海燕春梅秋菊冬梅文"
  "斌卫东国庆振华永刚德明泽宏天佑俊杰晓东晓明一鸣家豪嘉怡雅琴梓萱若曦亦凡";

typedef struct
{
  const char *name;                  /* 智能制造 */
  const char *tech_field;            /* 高新技术领域 code */
  const char *words[3];              /* industry words in a firm name */
} Industry;

static const Industry industries[] = {
  { "智能制造", "advanced_manufacturing", { "智能科技", "智能装备", "自动化设备" } },
  { "新材料", "new_materials", { "新材料科技", "材料科技", "复合材料" } },
  { "生物医药", "biomedicine", { "生物科技", "医药科技", "生物医药" } },
  { "软件和信息服务", "electronic_information", { "软件科技", "信息技术", "网络科技" } },
  { "电子信息", "electronic_information", { "电子科技", "光电科技", "微电子" } },
  { "新能源", "new_energy", { "新能源科技", "光伏科技", "储能科技" } },
  { "节能环保", "resources_environment", { "环保科技", "节能科技", "环境工程" } },
  { "高端装备", "advanced_manufacturing", { "装备制造", "机械科技", "精密机械" } },
  { "汽车零部件", "advanced_manufacturing", { "汽车零部件", "汽车部件", "车辆科技" } },
  { "航空航天", "aerospace", { "航空科技", "航空装备", "航天科技" } },
  { "船舶海工", "advanced_manufacturing", { "船舶科技", "海洋工程", "船舶配套" } },
  { "医疗器械", "biomedicine", { "医疗器械", "医疗科技", "医学科技" } },
  { "集成电路", "electronic_information", { "半导体", "集成电路", "芯片科技" } },
  { "人工智能", "electronic_information", { "人工智能科技", "智能信息", "智能系统" } },
  { "物联网", "electronic_information", { "物联网科技", "传感科技", "智联科技" } },
  { "电力装备", "new_energy", { "电气", "电力设备", "电气科技" } },
  { "眼镜光学", "new_materials", { "光学科技", "眼镜", "光学材料" } },
  { "现代农业", "biomedicine", { "农业科技", "生态农业", "种业科技" } },
  { "检验检测", "high_tech_services", { "检测技术", "检验检测", "计量科技" } },
  { "数字创意", "high_tech_services", { "文化科技", "数字科技", "传媒科技" } },
};

static const char * const roads[] = {
  "学府路", "长江路", "解放路", "中山东路", "南徐大道", "丁卯桥路", "经十二路", "金润大道",
  "新区大道", "科技路", "创业路", "金山路", "梦溪路", "南山路", "健康路", "桃花坞路", "檀山路",
  "官塘路", "云阳路", "港隆路", "华阳路", "工业园路", "兴业路", "振兴路", "发展大道", "创新路",
};

static const char * const themes[] = {
  "智能制造", "生物医药", "新材料", "软件", "数字经济", "青年", "大学生", "留学人员", "电子商务",
  "新能源", "医疗器械", "集成电路", "人工智能", "眼镜产业", "电力装备", "文化创意", "现代农业",
  "航空航天", "汽车零部件", "物联网",
};

static const char * const enclave_cities[] = { "上海", "南京", "深圳", "苏州", "杭州", "北京", "合肥" };
static const char * const offshore_places[] = {
  "硅谷", "波士顿", "慕尼黑", "特拉维夫", "新加坡", "东京", "伦敦", "赫尔辛基", "多伦多",
};
static const char * const universities[] = {
  "江苏大学", "江苏科技大学", "江苏大学京江学院", "镇江市高等专科学校", "江苏农林职业技术学院",
  "江苏航空职业技术学院", "金山职业技术学院",
};
static const char * const operator_suffixes[] = {
  "科技发展有限公司", "创业服务有限公司", "孵化器管理有限公司", "投资发展有限公司",
  "产业园管理有限公司", "科技服务有限公司",
};
static const char * const channels[] = {
  "以商招商", "驻点招商", "平台招商", "基金招商", "展会招商", "中介招商", "网络招商", "校地合作",
};
static const char * const degrees[] = { "博士", "博士", "博士", "硕士", "硕士", "学士" };
static const char * const titles[] = {
  "教授", "研究员", "正高级工程师", "高级工程师", "副教授", "副研究员", "工程师", "首席科学家",
};
static const char * const boards[] = { "科创板", "创业板", "主板", "北交所", "港交所" };
static const char * const event_cities[] = { "上海", "深圳", "南京", "北京", "苏州", "杭州", "合肥", "西安" };

/* ---------------------------------------------------------------- regions */

typedef struct
{
  const char *name;
  const char *kind;
  const char *code;         /* GB/T 2260, when it has one */
  int         parent;       /* index in this table, -1 for the city */
  const char *uscc_code;    /* registration authority code in credit codes of firms there */
  const char *firm_prefix;  /* prefix of firm names in the 市/区 form */
  const char *label;        /* short name in carrier names */
  const char *address;      /* prefix of addresses */
  const char *doc;          /* abbreviation in district documents */
  int         weight;       /* share of firms */
} RegionDef;

static const RegionDef region_defs[] = {
  /* 0 */ { "镇江市", "city", "321100", -1, "321100", "镇江市", "镇江", "镇江市", "镇", 0 },
  /* 1 */ { "京口区", "district", "321102", 0, "321102", "镇江市京口区", "京口", "镇江市京口区", "京", 8 },
  /* 2 */ { "润州区", "district", "321111", 0, "321111", "镇江市润州区", "润州", "镇江市润州区", "润", 7 },
  /* 3 */ { "丹徒区", "district", "321112", 0, "321112", "镇江市丹徒区", "丹徒", "镇江市丹徒区", "徒", 7 },
  /* 4 */ { "镇江新区", "district", NULL, 0, "321191", "镇江新区", "镇江新区", "镇江新区", "镇新", 10 },
  /* 5 */ { "丹阳市", "city", "321181", 0, "321181", "丹阳市", "丹阳", "丹阳市", "丹", 12 },
  /* 6 */ { "扬中市", "city", "321182", 0, "321182", "扬中市", "扬中", "扬中市", "扬", 7 },
  /* 7 */ { "句容市", "city", "321183", 0, "321183", "句容市", "句容", "句容市", "句", 8 },
  /* 8 */ { "镇江高新区", "park", NULL, 0, "321111", "镇江", "镇江高新区", "镇江高新区", "高新", 5 },
  /* 9 */ { "司徒镇", "town", NULL, 5, "321181", "丹阳市", "丹阳司徒", "丹阳市司徒镇", "丹", 2 },
  /* 10 */ { "界牌镇", "town", NULL, 5, "321181", "丹阳市", "丹阳界牌", "丹阳市界牌镇", "丹", 2 },
  /* 11 */ { "吕城镇", "town", NULL, 5, "321181", "丹阳市", "丹阳吕城", "丹阳市吕城镇", "丹", 1 },
  /* 12 */ { "新坝镇", "town", NULL, 6, "321182", "扬中市", "扬中新坝", "扬中市新坝镇", "扬", 2 },
  /* 13 */ { "油坊镇", "town", NULL, 6, "321182", "扬中市", "扬中油坊", "扬中市油坊镇", "扬", 1 },
  /* 14 */ { "宝华镇", "town", NULL, 7, "321183", "句容市", "句容宝华", "句容市宝华镇", "句", 2 },
  /* 15 */ { "郭庄镇", "town", NULL, 7, "321183", "句容市", "句容郭庄", "句容市郭庄镇", "句", 1 },
  /* 16 */ { "辛丰镇", "town", NULL, 3, "321112", "镇江市丹徒区", "丹徒辛丰", "镇江市丹徒区辛丰镇", "徒", 1 },
  /* 17 */ { "大路镇", "town", NULL, 4, "321191", "镇江新区", "新区大路", "镇江新区大路镇", "镇新", 2 },
  /* 18 */ { "丁岗镇", "town", NULL, 4, "321191", "镇江新区", "新区丁岗", "镇江新区丁岗镇", "镇新", 1 },
  /* 19 */ { "京口工业园区", "park", NULL, 1, "321102", "镇江市京口区", "京口工业园", "镇江市京口区京口工业园区", "京", 2 },
  /* 20 */ { "丹阳经济开发区", "park", NULL, 5, "321181", "丹阳市", "丹阳开发区", "丹阳市丹阳经济开发区", "丹", 4 },
  /* 21 */ { "扬中经济开发区", "park", NULL, 6, "321182", "扬中市", "扬中开发区", "扬中市扬中经济开发区", "扬", 2 },
  /* 22 */ { "句容经济开发区", "park", NULL, 7, "321183", "句容市", "句容开发区", "句容市句容经济开发区", "句", 2 },
  /* 23 */ { "丹徒经济开发区", "park", NULL, 3, "321112", "镇江市丹徒区", "丹徒开发区", "镇江市丹徒区丹徒经济开发区", "徒", 2 },
  /* 24 */ { "镇江大学科技园", "park", NULL, 1, "321102", "镇江市京口区", "京口大学科技园", "镇江市京口区", "京", 1 },
};
#define N_REGIONS G_N_ELEMENTS (region_defs)

/* ---------------------------------------------------------------- the generator */

typedef struct
{
  char     id[ID_LEN];
  guint32  founded;        /* julian day */
  guint8   region;
  guint8   industry;
  gboolean tech;
} FirmInfo;

typedef struct
{
  char        id[ID_LEN];
  const char *kind;
  int         founded_year;
  int         region;
} CarrierInfo;

typedef struct
{
  char id[ID_LEN];
  char plan_id[ID_LEN];
  char *name;
  gboolean is_team;
  gint64 amount_min;       /* -1: none */
  gint64 amount_max;
  int payout_years;        /* 0: none */
} Category;

typedef struct
{
  TiduDatabase     *db;
  GRand            *rand;
  GCancellable     *cancellable;
  TiduProgressFunc  progress;
  gpointer          progress_data;
  int               last_percent;
  char              now[32];
  guint32           id_base;
  guint32           id_counter;
  gint64            started;
  TiduSampleCounts  counts;

  GHashTable       *names;       /* firm names, for uniqueness */
  GHashTable       *codes;       /* credit codes */
  GHashTable       *carrier_names;
  GPtrArray        *trade_pool;  /* gchar* single characters */
  GPtrArray        *given_pool;
  char              region_ids[N_REGIONS][ID_LEN];
  int               region_total_weight;

  GPtrArray        *tiers;       /* TiduVocabItem */
  const TiduVocabItem *tier_tsme, *tier_hnte, *tier_gazelle, *tier_potential, *tier_unicorn,
                      *tier_listed, *tier_innovative, *tier_specialised, *tier_giant;

  GArray           *firms;       /* FirmInfo */
  GArray           *carriers;    /* CarrierInfo */
  GArray           *incubation;  /* indices of maker spaces, incubators, accelerators */
  GPtrArray        *categories;  /* Category */
  guint             hnte_serial[LAST_YEAR + 1 - FIRST_YEAR];
  char              officers[8][16];

  sqlite3_stmt     *insert_firm, *insert_tier, *insert_year, *insert_stay;
} Sample;

static void
category_free (gpointer data)
{
  Category *c = data;

  g_free (c->name);
  g_free (c);
}

/* ---------------------------------------------------------------- random helpers */

static int
rand_int (Sample *s,
          int     from,
          int     to)     /* inclusive */
{
  if (to <= from)
    return from;
  return g_rand_int_range (s->rand, from, to + 1);
}

static gboolean
chance (Sample *s,
        double  p)
{
  return g_rand_double (s->rand) < p;
}

static double
rand_normal (Sample *s)
{
  double u1 = g_rand_double (s->rand);
  double u2 = g_rand_double (s->rand);

  if (u1 < 1e-12)
    u1 = 1e-12;
  return sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
}

static double
rand_lognormal (Sample *s,
                double  mu,
                double  sigma)
{
  return exp (mu + sigma * rand_normal (s));
}

/* Functions, not MIN/MAX: those evaluate an argument twice, and a random draw must happen once. */
static int
max_int (int a,
         int b)
{
  return a > b ? a : b;
}

static int
min_int (int a,
         int b)
{
  return a < b ? a : b;
}

static double
max_double (double a,
            double b)
{
  return a > b ? a : b;
}

static double
min_double (double a,
            double b)
{
  return a < b ? a : b;
}

static const char *
pick (Sample             *s,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (s->rand, 0, (gint32) n)];
}

#define PICK(s, array) pick ((s), (array), G_N_ELEMENTS (array))

/* A UUID in version 4 form, from the generator's own random numbers. The first 32 bits count
 * up from a random start, so every index on an id or a firm_id grows at its end during the
 * load instead of splitting pages all over the file: ten times faster at 100,000 firms. The
 * other 90 bits are random. */
static void
new_id (Sample *s,
        char    out[ID_LEN])
{
  guint8 b[16];
  guint32 counter = s->id_base + s->id_counter++;

  b[0] = counter >> 24;
  b[1] = counter >> 16;
  b[2] = counter >> 8;
  b[3] = counter;
  for (int i = 1; i < 4; i++)
    {
      guint32 r = g_rand_int (s->rand);

      b[i * 4] = r >> 24;
      b[i * 4 + 1] = r >> 16;
      b[i * 4 + 2] = r >> 8;
      b[i * 4 + 3] = r;
    }
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  g_snprintf (out, ID_LEN,
              "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
              b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
              b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/* ---------------------------------------------------------------- dates as julian days */

static guint32
jd (int y,
    int m,
    int d)
{
  GDate date;

  g_date_clear (&date, 1);
  if (d > g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y))
    d = g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

static void
jd_to_date (guint32  j,
            GDate   *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, j);
}

static int
jd_year (guint32 j)
{
  GDate date;

  jd_to_date (j, &date);
  return g_date_get_year (&date);
}

static void
jd_format (guint32 j,
           char    buf[11])
{
  GDate date;

  jd_to_date (j, &date);
  g_snprintf (buf, 11, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* A day between the first of month @m1 and the end of month @m2 of @year. */
static guint32
rand_day (Sample *s,
          int     year,
          int     m1,
          int     m2)
{
  guint32 first = jd (year, m1, 1);
  guint32 last = jd (year, m2, 31);

  return first + (guint32) rand_int (s, 0, (int) (last - first));
}

static void
bind_jd (sqlite3_stmt *stmt,
         int           index,
         guint32       j)
{
  char buf[11];

  if (j == 0)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  jd_format (j, buf);
  sqlite3_bind_text (stmt, index, buf, 10, SQLITE_TRANSIENT);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           index,
                  gboolean      has,
                  gint64        value)
{
  if (has)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* ---------------------------------------------------------------- progress and cancelling */

static gboolean
check_cancelled (Sample  *s,
                 GError **error)
{
  return !g_cancellable_set_error_if_cancelled (s->cancellable, error);
}

static void
report (Sample *s,
        double  fraction)
{
  int percent = (int) (fraction * 100.0);

  if (s->progress == NULL || percent <= s->last_percent)
    return;
  s->last_percent = percent;
  s->progress (CLAMP (fraction, 0.0, 1.0), s->progress_data);
}

/* ---------------------------------------------------------------- names and codes */

static GPtrArray *
split_chars (const char *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *pool = g_ptr_array_new_with_free_func (g_free);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char *c = g_strndup (p, g_utf8_next_char (p) - p);

      if (g_hash_table_contains (seen, c))
        {
          g_free (c);
          continue;
        }
      g_ptr_array_add (pool, c);
      g_hash_table_add (seen, c);
    }
  return pool;
}

static void
append_chars (Sample    *s,
              GString   *out,
              GPtrArray *pool,
              int        n)
{
  for (int i = 0; i < n; i++)
    g_string_append (out, g_ptr_array_index (pool, g_rand_int_range (s->rand, 0, (gint32) pool->len)));
}

static char *
person_name (Sample *s)
{
  GString *name = g_string_new (PICK (s, surnames));

  append_chars (s, name, s->given_pool, chance (s, 0.7) ? 2 : 1);
  return g_string_free (name, FALSE);
}

static char *
mobile_phone (Sample *s)
{
  static const char * const prefixes[] = { "138", "139", "135", "137", "150", "151", "152", "158",
                                           "159", "182", "187", "188", "189", "133", "153", "180",
                                           "181", "177", "199", "136" };

  return g_strdup_printf ("%s%08d", PICK (s, prefixes), rand_int (s, 0, 99999999));
}

static char *
office_phone (Sample *s)
{
  return g_strdup_printf ("0511-8%07d", rand_int (s, 0, 9999999));
}

static char *
address (Sample *s,
         int     region)
{
  return g_strdup_printf ("%s%s%d号", region_defs[region].address, PICK (s, roads), rand_int (s, 1, 399));
}

/* GB 11714 组织机构代码 check character for 8 body characters. */
static char
org_check (const char *body)
{
  static const int weights[] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  int sum = 0;
  int c;

  for (int i = 0; i < 8; i++)
    {
      int v = g_ascii_isdigit (body[i]) ? body[i] - '0' : body[i] - 'A' + 10;

      sum += v * weights[i];
    }
  c = 11 - sum % 11;
  if (c == 10)
    return 'X';
  if (c == 11)
    return '0';
  return (char) ('0' + c);
}

/* A valid, unused 统一社会信用代码: @prefix ("91" enterprise, "52" 民办非企业, "12" 事业单位),
 * region, 9-character 组织机构代码 with its GB 11714 check, GB 32100 check character. Codes
 * issued since 2015 carry "MA" bodies. */
static void
credit_code (Sample     *s,
             const char *prefix,
             const char *region_code,
             gboolean    recent,
             char        out[19])
{
  static const char alnum[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  for (;;)
    {
      char body[9];

      if (recent)
        {
          body[0] = 'M';
          body[1] = 'A';
          for (int i = 2; i < 8; i++)
            body[i] = alnum[g_rand_int_range (s->rand, 0, 31)];
        }
      else
        {
          body[0] = (char) ('1' + g_rand_int_range (s->rand, 0, 8));
          for (int i = 1; i < 8; i++)
            body[i] = (char) ('0' + g_rand_int_range (s->rand, 0, 10));
        }
      body[8] = '\0';
      g_snprintf (out, 19, "%s%s%s%c", prefix, region_code, body, org_check (body));
      out[17] = tidu_uscc_check_character (out);
      out[18] = '\0';
      if (!g_hash_table_contains (s->codes, out))
        {
          g_hash_table_add (s->codes, g_strdup (out));
          return;
        }
    }
}

static int
pick_region (Sample *s)
{
  int r = rand_int (s, 0, s->region_total_weight - 1);

  for (guint i = 0; i < N_REGIONS; i++)
    {
      r -= region_defs[i].weight;
      if (r < 0)
        return (int) i;
    }
  return 1;
}

/* ---------------------------------------------------------------- statements */

static const char sql_region[] =
  "INSERT INTO regions (id, parent_id, name, kind, code, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char sql_region_find[] =
  "SELECT id FROM regions WHERE ifnull (parent_id, '') = ifnull (?1, '') AND name = ?2 "
  "AND deleted_at IS NULL";
static const char sql_carrier[] =
  "INSERT INTO carriers (id, name, kind, level, region_id, operator, operator_uscc, address, "
  "area_m2, founded_on, contact_name, contact_phone, notes, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";
static const char sql_carrier_level[] =
  "INSERT INTO carrier_levels (id, carrier_id, level, recognized_on, document, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char sql_carrier_year[] =
  "INSERT INTO carrier_years (id, carrier_id, year, incubated_firms, graduated_this_year, "
  "graduated_total, incubation_area_m2, funded_firms, staff, mentors, fund_yuan, grade, grade_level, "
  "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";
static const char sql_firm[] =
  "INSERT INTO firms (id, name, uscc, region_id, industry, tech_field, founded_on, address, "
  "legal_person, contact_name, contact_phone, notes, attraction_channel, attraction_stage, lead_on, "
  "signed_on, landed_on, officer, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19)";
static const char sql_tier[] =
  "INSERT INTO firm_tiers (id, firm_id, tier, level, certified_on, expires_on, valid_until, "
  "certificate_no, status, revoked_on, notes, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)";
static const char sql_year[] =
  "INSERT INTO firm_years (id, firm_id, year, revenue, rd_expense, staff, tech_staff, ip_class1, "
  "ip_class2, valuation, financing, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)";
static const char sql_stay[] =
  "INSERT INTO firm_stays (id, firm_id, carrier_id, entered_on, left_on, outcome, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
static const char sql_talent[] =
  "INSERT INTO talents (id, name, gender, birth_year, degree, title, field, firm_id, region_id, "
  "contact_phone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
static const char sql_batch[] =
  "INSERT INTO talent_plan_batches (id, plan_id, year, name, announced_on, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char sql_award[] =
  "INSERT INTO talent_awards (id, plan_id, category_id, batch_id, talent_id, firm_id, team_name, year, "
  "granted_amount, status, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
static const char sql_member[] =
  "INSERT INTO talent_award_members (id, award_id, talent_id, role, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
static const char sql_instalment[] =
  "INSERT INTO talent_award_instalments (id, award_id, due_on, planned_amount, paid_on, paid_amount, "
  "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";
static const char sql_target[] =
  "INSERT INTO targets (id, indicator, parameter, region_id, title, start_year, end_year, value, source, "
  "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
static const char sql_target_year[] =
  "INSERT INTO target_years (id, target_id, year, value, created_at, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
static const char sql_event[] =
  "INSERT INTO promotion_events (id, name, held_on, region_id, location, organizer, theme, "
  "firms_contacted, leads, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";

static gboolean
step (Sample        *s,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  return tidu_database_step_done (s->db, stmt, error);
}

/* ---------------------------------------------------------------- regions */

static gboolean
generate_regions (Sample  *s,
                  GError **error)
{
  for (guint i = 0; i < N_REGIONS; i++)
    {
      const RegionDef *def = &region_defs[i];
      const char *parent = def->parent >= 0 ? s->region_ids[def->parent] : NULL;
      sqlite3_stmt *stmt;
      int rc;

      s->region_total_weight += def->weight;

      /* Regions an officer entered before keep their ids: the sample reuses them. */
      stmt = tidu_database_prepare (s->db, sql_region_find, error);
      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, parent);
      tidu_bind_text (stmt, 2, def->name);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_strlcpy (s->region_ids[i], (const char *) sqlite3_column_text (stmt, 0), ID_LEN);
          sqlite3_reset (stmt);
          new_id (s, (char[ID_LEN]) { 0 });   /* keep the random sequence the same */
          continue;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return tidu_database_set_error (tidu_database_get_handle (s->db), rc, NULL, error);

      new_id (s, s->region_ids[i]);
      stmt = tidu_database_prepare (s->db, sql_region, error);
      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, s->region_ids[i]);
      tidu_bind_text (stmt, 2, parent);
      tidu_bind_text (stmt, 3, def->name);
      tidu_bind_text (stmt, 4, def->kind);
      tidu_bind_text (stmt, 5, def->code);
      tidu_bind_text (stmt, 6, s->now);
      if (!step (s, stmt, error))
        return FALSE;
      s->counts.regions++;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- carriers */

static const char * const carrier_kinds[] = {
  "maker_space", "incubator", "accelerator", "tech_park", "university_park",
  "innovation_complex", "enclave", "offshore_incubator", "rd_institution", "service_platform",
};
static const char * const level_codes[] = { "district", "municipal", "provincial", "national" };

static int
pick_carrier_kind (Sample *s)
{
  /* Most carriers are maker spaces and incubators. */
  static const int weights[] = { 30, 24, 8, 8, 3, 6, 4, 3, 8, 6 };
  int r = rand_int (s, 0, 99);

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      r -= weights[i];
      if (r < 0)
        return (int) i;
    }
  return 0;
}

static char *
carrier_base_name (Sample     *s,
                   int         kind,
                   int         region,
                   int         level)
{
  const char *place = region_defs[region].label;
  const char *theme = chance (s, 0.45) ? "" : PICK (s, themes);

  switch (kind)
    {
    case 0:
      return g_strdup_printf ("%s%s众创空间", place, theme);
    case 1:
      return g_strdup_printf ("%s%s科技企业孵化器", place, theme);
    case 2:
      return g_strdup_printf ("%s%s企业加速器", place, chance (s, 0.5) ? PICK (s, themes) : theme);
    case 3:
      return g_strdup_printf ("%s%s科技产业园", place, chance (s, 0.6) ? PICK (s, themes) : theme);
    case 4:
      return g_strdup_printf ("%s%s大学科技园", PICK (s, universities), level == 3 ? "国家" : "");
    case 5:
      return g_strdup_printf ("%s%s科创综合体", place, theme);
    case 6:
      return g_strdup_printf ("%s（%s）科创飞地", place, PICK (s, enclave_cities));
    case 7:
      return g_strdup_printf ("%s（%s）离岸孵化器", place, PICK (s, offshore_places));
    case 8:
      return chance (s, 0.4)
        ? g_strdup_printf ("%s镇江%s研究院", PICK (s, universities), PICK (s, themes))
        : g_strdup_printf ("%s%s产业技术研究院", place, PICK (s, themes));
    case 9:
      return g_strdup_printf ("%s%s公共技术服务平台", place,
                              chance (s, 0.5) ? "检验检测" : PICK (s, themes));
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
unique_carrier_name (Sample *s,
                     int     kind,
                     int     region,
                     int     level)
{
  static const char * const phases[] = { "", "二期", "三期", "四期", "五期", "六期" };
  g_autofree char *base = NULL;

  for (int attempt = 0; attempt < 8; attempt++)
    {
      g_free (base);
      base = carrier_base_name (s, kind, region, level);
      if (!g_hash_table_contains (s->carrier_names, base))
        break;
    }
  for (guint n = 0;; n++)
    {
      char *name = n == 0 ? g_strdup (base)
        : n < G_N_ELEMENTS (phases) ? g_strdup_printf ("%s%s", base, phases[n])
        : g_strdup_printf ("%s（%u）", base, n);

      if (!g_hash_table_contains (s->carrier_names, name))
        {
          g_hash_table_add (s->carrier_names, name);
          return g_strdup (name);
        }
      g_free (name);
    }
}

static char *
level_document (Sample *s,
                int     level,
                int     region,
                int     year)
{
  switch (level)
    {
    case 3:
      return g_strdup_printf ("国科火字〔%d〕%d号", year, rand_int (s, 30, 260));
    case 2:
      return g_strdup_printf ("苏科高发〔%d〕%d号", year, rand_int (s, 20, 320));
    case 1:
      return g_strdup_printf ("镇科发〔%d〕%d号", year, rand_int (s, 5, 120));
    case 0:
      return g_strdup_printf ("%s科发〔%d〕%d号", region_defs[region].doc, year, rand_int (s, 1, 60));
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
is_incubation_kind (int kind)
{
  return kind == 0 || kind == 1 || kind == 2 || kind == 4;
}

static gboolean
generate_carrier_years (Sample     *s,
                        const char *carrier_id,
                        int         kind,
                        int         founded_year,
                        double      area,
                        const int  *level_in_year,
                        GError    **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (s->db, sql_carrier_year, error);
  int top = level_in_year[LAST_YEAR - FIRST_YEAR];
  int scale = kind == 0 ? 25 : kind == 1 ? 45 : kind == 2 ? 25 : 35;
  int incubated = max_int (3, (int) (scale * (0.6 + 0.35 * MAX (top, 0)) * (0.6 + 0.8 * g_rand_double (s->rand))));
  gint64 graduated_total = founded_year < FIRST_YEAR ? rand_int (s, 0, (FIRST_YEAR - founded_year) * incubated / 6) : 0;
  double used = area * (0.55 + 0.35 * g_rand_double (s->rand));
  gint64 fund = (gint64) rand_int (s, 50, 800) * 100000;

  if (stmt == NULL)
    return FALSE;

  for (int year = MAX (FIRST_YEAR, founded_year + 1); year <= LAST_YEAR; year++)
    {
      int level = level_in_year[year - FIRST_YEAR];
      char id[ID_LEN];
      int graduated;
      int funded;

      incubated = max_int (1, (int) (incubated * (0.9 + 0.25 * g_rand_double (s->rand))));
      graduated = (int) (incubated * (kind == 0 ? 0.05 : 0.08) * 2.0 * g_rand_double (s->rand));
      graduated_total += graduated;
      funded = (int) (incubated * (0.05 + 0.25 * g_rand_double (s->rand)));
      if (chance (s, 0.25))
        used = min_double (area, used * (1.0 + 0.2 * g_rand_double (s->rand)));

      new_id (s, id);
      tidu_bind_text (stmt, 1, id);
      tidu_bind_text (stmt, 2, carrier_id);
      sqlite3_bind_int (stmt, 3, year);
      sqlite3_bind_int (stmt, 4, incubated);
      sqlite3_bind_int (stmt, 5, graduated);
      sqlite3_bind_int64 (stmt, 6, graduated_total);
      sqlite3_bind_double (stmt, 7, round (used));
      sqlite3_bind_int (stmt, 8, MIN (funded, incubated));
      sqlite3_bind_int (stmt, 9, max_int (3, incubated / 8 + rand_int (s, 0, 6)));
      sqlite3_bind_int (stmt, 10, max_int (2, incubated / 10 + rand_int (s, 0, 8)));
      sqlite3_bind_int64 (stmt, 11, fund);
      /* Incubators and maker spaces with a level above 区级 are graded by that level's evaluation. */
      if ((kind == 0 || kind == 1) && level >= 1 && year >= 2018)
        {
          int r = rand_int (s, 0, 99);

          tidu_bind_text (stmt, 12, r < 25 ? "A" : r < 70 ? "B" : r < 97 ? "C" : "D");
          tidu_bind_text (stmt, 13, level_codes[level]);
        }
      else
        {
          sqlite3_bind_null (stmt, 12);
          sqlite3_bind_null (stmt, 13);
        }
      tidu_bind_text (stmt, 14, s->now);
      if (!step (s, stmt, error))
        return FALSE;
      if (chance (s, 0.3))
        fund += (gint64) rand_int (s, 0, 100) * 100000;
    }
  return TRUE;
}

static gboolean
generate_carrier (Sample  *s,
                  int      kind,
                  int      level,
                  GError **error)
{
  static const double area_min[] = { 500, 10000, 20000, 50000, 20000, 20000, 1000, 500, 2000, 500 };
  static const double area_max[] = { 5000, 80000, 100000, 500000, 150000, 120000, 8000, 3000, 30000, 5000 };
  CarrierInfo info = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *addr = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone = NULL;
  char operator_code[19];
  char founded_buf[11];
  sqlite3_stmt *stmt;
  int region = rand_int (s, 1, N_REGIONS - 1);
  int start_level = rand_int (s, 0, level);
  int steps = level - start_level + 1;
  int earliest = kind == 0 ? 2014 : 2003;
  int founded_year = rand_int (s, earliest, LAST_YEAR - steps);
  int level_in_year[LAST_YEAR - FIRST_YEAR + 1];
  int year;
  double area;

  for (guint i = 0; i < G_N_ELEMENTS (level_in_year); i++)
    level_in_year[i] = -1;

  name = unique_carrier_name (s, kind, region, level);
  new_id (s, info.id);
  info.kind = carrier_kinds[kind];
  info.founded_year = founded_year;
  info.region = region;

  if (kind == 8 && chance (s, 0.6))
    {
      operator_name = g_strdup (name);
      credit_code (s, chance (s, 0.5) ? "52" : "12", region_defs[region].uscc_code, founded_year >= 2016,
                   operator_code);
    }
  else
    {
      g_autoptr(GString) op = g_string_new (region_defs[region].firm_prefix);

      append_chars (s, op, s->trade_pool, 2);
      g_string_append (op, PICK (s, operator_suffixes));
      operator_name = g_string_free (g_steal_pointer (&op), FALSE);
      credit_code (s, "91", region_defs[region].uscc_code, founded_year >= 2016, operator_code);
    }
  addr = address (s, region);
  contact = person_name (s);
  phone = office_phone (s);
  area = round (area_min[kind] + (area_max[kind] - area_min[kind]) * g_rand_double (s->rand) *
                (0.5 + 0.5 * level / 3.0));
  jd_format (rand_day (s, founded_year, 1, 12), founded_buf);

  stmt = tidu_database_prepare (s->db, sql_carrier, error);
  if (stmt == NULL)
    return FALSE;
  tidu_bind_text (stmt, 1, info.id);
  tidu_bind_text (stmt, 2, name);
  tidu_bind_text (stmt, 3, info.kind);
  tidu_bind_text (stmt, 4, level_codes[level]);
  tidu_bind_text (stmt, 5, s->region_ids[region]);
  tidu_bind_text (stmt, 6, operator_name);
  tidu_bind_text (stmt, 7, operator_code);
  tidu_bind_text (stmt, 8, addr);
  sqlite3_bind_double (stmt, 9, area);
  tidu_bind_text (stmt, 10, founded_buf);
  tidu_bind_text (stmt, 11, contact);
  tidu_bind_text (stmt, 12, phone);
  sqlite3_bind_null (stmt, 13);
  tidu_bind_text (stmt, 14, s->now);
  if (!step (s, stmt, error))
    return FALSE;
  s->counts.carriers++;

  /* Recognitions: one level after another, a year or more apart. */
  year = founded_year + 1;
  for (int l = start_level; l <= level; l++)
    {
      g_autofree char *doc = NULL;
      char id[ID_LEN];
      int max_year = LAST_YEAR - (level - l);

      year = min_int (max_year, year + (l == start_level ? rand_int (s, 0, 2) : rand_int (s, 1, 3)));
      doc = level_document (s, l, region, year);
      new_id (s, id);
      stmt = tidu_database_prepare (s->db, sql_carrier_level, error);
      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, id);
      tidu_bind_text (stmt, 2, info.id);
      tidu_bind_text (stmt, 3, level_codes[l]);
      bind_jd (stmt, 4, rand_day (s, year, 3, 12));
      tidu_bind_text (stmt, 5, doc);
      tidu_bind_text (stmt, 6, s->now);
      if (!step (s, stmt, error))
        return FALSE;
      for (int y = MAX (year, FIRST_YEAR); y <= LAST_YEAR; y++)
        level_in_year[y - FIRST_YEAR] = l;
    }

  if (is_incubation_kind (kind) &&
      !generate_carrier_years (s, info.id, kind, founded_year, area, level_in_year, error))
    return FALSE;

  g_array_append_val (s->carriers, info);
  if (kind == 0 || kind == 1 || kind == 2)
    {
      guint index = s->carriers->len - 1;

      g_array_append_val (s->incubation, index);
    }
  return TRUE;
}

static gboolean
generate_carriers (Sample  *s,
                   guint    n,
                   GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      /* The first forty cover every kind at every level. */
      int kind = i < 40 ? (int) (i % 10) : pick_carrier_kind (s);
      int level;

      if (i < 40)
        level = (int) (i / 10);
      else
        {
          int r = rand_int (s, 0, 99);

          level = r < 30 ? 0 : r < 65 ? 1 : r < 90 ? 2 : 3;
        }
      if (!generate_carrier (s, kind, level, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- firms */

typedef struct
{
  guint32     certified;
  guint32     expires;       /* 0: none */
  guint32     revoked;       /* 0: active */
  const TiduVocabItem *tier;
  const char *level;
  char        certificate[16];
  const char *notes;
} Cert;

/* What the tier history says about a firm, for its indicators. */
typedef struct
{
  gboolean tsme, hnte, gazelle, unicorn_line, listed, specialised;
  int      hnte_first;
} Profile;

static gboolean
write_cert (Sample      *s,
            const char  *firm_id,
            const Cert  *cert,
            GError     **error)
{
  sqlite3_stmt *stmt = s->insert_tier;
  GDate certified, expiry, until;
  char id[ID_LEN];

  jd_to_date (cert->certified, &certified);
  if (cert->expires != 0)
    jd_to_date (cert->expires, &expiry);

  new_id (s, id);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, firm_id, -1, SQLITE_TRANSIENT);
  tidu_bind_text (stmt, 3, cert->tier->code);
  tidu_bind_text (stmt, 4, cert->level);
  bind_jd (stmt, 5, cert->certified);
  bind_jd (stmt, 6, cert->expires);
  /* The column holds exactly what the rule computes, NULL when open-ended. */
  if (tidu_vocab_item_valid_until (cert->tier, &certified, cert->expires != 0 ? &expiry : NULL, &until))
    bind_jd (stmt, 7, g_date_get_julian (&until));
  else
    sqlite3_bind_null (stmt, 7);
  tidu_bind_text (stmt, 8, cert->certificate);
  tidu_bind_text (stmt, 9, cert->revoked != 0 ? "revoked" : "active");
  bind_jd (stmt, 10, cert->revoked);
  tidu_bind_text (stmt, 11, cert->notes);
  tidu_bind_text (stmt, 12, s->now);
  if (!step (s, stmt, error))
    return FALSE;
  s->counts.certifications++;
  return TRUE;
}

static gboolean
simple_cert (Sample               *s,
             const char           *firm_id,
             const TiduVocabItem  *tier,
             const char           *level,
             guint32               certified,
             guint32               expires,
             GError              **error)
{
  Cert cert = { certified, expires, 0, tier, level, "", NULL };

  return write_cert (s, firm_id, &cert, error);
}

static gboolean
generate_tiers (Sample          *s,
                const FirmInfo  *firm,
                double           q,
                Profile         *profile,
                GError         **error)
{
  guint32 end = jd (LAST_YEAR, 12, 31);
  int fy = jd_year (firm->founded);
  double q2 = g_rand_double (s->rand);

  memset (profile, 0, sizeof *profile);
  if (!firm->tech)
    return TRUE;

  /* 科技型中小企业: 入库 year by year, valid to 31 December. */
  if (q > 0.2)
  {
    int start = MAX (FIRST_YEAR, fy) + rand_int (s, 0, 2);
    double p = 0.3 + 0.5 * q;

    for (int y = start; y <= LAST_YEAR; y++)
      {
        guint32 day;

        if (!chance (s, p))
          continue;
        day = rand_day (s, y, 3, 10);
        if (day < firm->founded + 60)
          continue;
        if (!simple_cert (s, firm->id, s->tier_tsme, NULL, day, 0, error))
          return FALSE;
        profile->tsme = TRUE;
      }
  }

  /* 高新技术企业: a certificate every three years while renewed. */
  if (q > 0.55)
    {
      int y = MAX (FIRST_YEAR, fy + 1) + rand_int (s, 0, 4);

      profile->hnte_first = y;
      for (; y <= LAST_YEAR; y += 3)
        {
          Cert cert = { 0 };
          guint32 batch1 = jd (y, 11, 6 + (y * 7) % 20);
          guint32 batch2 = jd (y, 12, 1 + (y * 3) % 20);
          guint *serial = &s->hnte_serial[y - FIRST_YEAR];

          cert.certified = chance (s, 0.7) ? batch1 : batch2;
          if (cert.certified < firm->founded + 366)
            break;
          cert.tier = s->tier_hnte;
          *serial += (guint) rand_int (s, 1, 4);
          g_snprintf (cert.certificate, sizeof cert.certificate, "GR%04d32%06u", y, *serial);
          if (chance (s, 0.006))
            {
              cert.revoked = cert.certified + (guint32) rand_int (s, 120, 700);
              if (cert.revoked > end)
                cert.revoked = 0;
            }
          if (!write_cert (s, firm->id, &cert, error))
            return FALSE;
          profile->hnte = TRUE;
          if (cert.revoked != 0 || !chance (s, 0.8))
            break;   /* lost: not renewed */
        }
    }

  /* 瞪羚企业: 省级 without a printed expiry, 市级 often with one. */
  if (profile->hnte && q > 0.85)
    {
      int y = rand_int (s, MAX (2018, profile->hnte_first + 1), LAST_YEAR);

      if (y <= LAST_YEAR && y >= fy + 3)
        {
          gboolean provincial = chance (s, 0.4);
          guint32 day = rand_day (s, y, 6, 12);
          guint32 expires = !provincial && chance (s, 0.7) ? jd (y + 2, 12, 31) : 0;

          if (!simple_cert (s, firm->id, s->tier_gazelle, provincial ? "provincial" : "municipal",
                            day, expires, error))
            return FALSE;
          profile->gazelle = TRUE;
          if (expires != 0 && y + 3 <= LAST_YEAR && chance (s, 0.5) &&
              !simple_cert (s, firm->id, s->tier_gazelle, "municipal", rand_day (s, y + 3, 6, 12),
                            jd (y + 5, 12, 31), error))
            return FALSE;
        }
    }

  /* 潜在独角兽, then 独角兽: yearly lists. */
  if (profile->gazelle && q > 0.97 && fy >= 2012)
    {
      int y = rand_int (s, MAX (2019, fy + 2), LAST_YEAR);
      gboolean unicorn = FALSE;

      for (; y <= LAST_YEAR; y++)
        {
          const TiduVocabItem *tier;

          if (!unicorn && q > 0.997 && y >= fy + 5 && chance (s, 0.5))
            unicorn = TRUE;
          tier = unicorn ? s->tier_unicorn : s->tier_potential;
          if (!simple_cert (s, firm->id, tier, "provincial", rand_day (s, y, 7, 10), 0, error))
            return FALSE;
          profile->unicorn_line = TRUE;
          if (!chance (s, 0.8))
            break;
        }
    }

  /* 上市: open-ended from the listing date. */
  if (profile->hnte && q > 0.93 && chance (s, 0.04))
    {
      Cert cert = { 0 };

      cert.tier = s->tier_listed;
      cert.certified = rand_day (s, rand_int (s, MAX (FIRST_YEAR, profile->hnte_first), LAST_YEAR), 1, 12);
      cert.notes = PICK (s, boards);
      if (cert.certified > firm->founded + 730)
        {
          if (!write_cert (s, firm->id, &cert, error))
            return FALSE;
          profile->listed = TRUE;
        }
    }

  /* The 专精特新 line: 创新型中小企业 → 专精特新中小企业 → “小巨人”, three years each. */
  if (q2 > 0.8)
    {
      int y = rand_int (s, MAX (2022, fy + 2), LAST_YEAR + 1);

      if (y <= LAST_YEAR)
        {
          if (!simple_cert (s, firm->id, s->tier_innovative, "provincial", rand_day (s, y, 4, 9), 0, error))
            return FALSE;
          if (y + 3 <= LAST_YEAR &&
              !simple_cert (s, firm->id, s->tier_innovative, "provincial", rand_day (s, y + 3, 4, 9), 0, error))
            return FALSE;
          profile->specialised = TRUE;
        }
      if (q2 > 0.92)
        {
          int y2 = rand_int (s, MAX (2019, fy + 3), LAST_YEAR + 1);

          if (y2 <= LAST_YEAR &&
              !simple_cert (s, firm->id, s->tier_specialised, "provincial", rand_day (s, y2, 8, 12), 0, error))
            return FALSE;
          if (q2 > 0.985 && y2 + 1 <= LAST_YEAR &&
              !simple_cert (s, firm->id, s->tier_giant, "national", rand_day (s, rand_int (s, y2 + 1, LAST_YEAR), 7, 9),
                            0, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate_firm_years (Sample          *s,
                     const FirmInfo  *firm,
                     double           q,
                     const Profile   *profile,
                     GError         **error)
{
  sqlite3_stmt *stmt = s->insert_year;
  int fy = jd_year (firm->founded);
  int age = MAX (0, FIRST_INDICATOR_YEAR - fy);
  double staff = max_double (3.0, rand_lognormal (s, 2.6 + 0.05 * MIN (age, 15) + (profile->hnte ? 0.6 : 0), 0.9));
  double revenue_per_staff = rand_lognormal (s, log (400000.0), 0.6);
  double growth_base = profile->gazelle || profile->unicorn_line ? 0.28 : profile->hnte ? 0.1 : 0.04;
  double tech_share = firm->tech ? 0.12 + 0.4 * g_rand_double (s->rand) : 0.02 + 0.1 * g_rand_double (s->rand);
  double rd_ratio;
  int ip1 = profile->hnte ? rand_int (s, 1, 8) : profile->tsme ? rand_int (s, 0, 2) : 0;
  int ip2 = firm->tech ? rand_int (s, 0, 12) : rand_int (s, 0, 2);
  gboolean financed = profile->unicorn_line || profile->listed || (firm->tech && chance (s, 0.08));
  double valuation = profile->unicorn_line ? rand_lognormal (s, log (2.5e9), 0.8) : rand_lognormal (s, log (2e8), 0.9);

  if (profile->hnte)
    rd_ratio = 0.05 + 0.06 * g_rand_double (s->rand);
  else if (profile->tsme)
    rd_ratio = 0.03 + 0.06 * g_rand_double (s->rand);
  else if (firm->tech)
    rd_ratio = 0.01 + 0.04 * g_rand_double (s->rand);
  else
    rd_ratio = 0.003 * g_rand_double (s->rand);
  if (profile->unicorn_line)
    valuation = MAX (valuation, 4e8);

  for (int y = MAX (FIRST_INDICATOR_YEAR, fy); y <= LAST_YEAR; y++)
    {
      char id[ID_LEN];
      double year_fraction = y == fy ? 0.3 + 0.6 * g_rand_double (s->rand) : 1.0;
      double g = growth_base + 0.1 * rand_normal (s);
      gint64 revenue = (gint64) (staff * revenue_per_staff * year_fraction);
      gint64 staff_n = (gint64) round (staff);
      gint64 tech_n = MIN (staff_n, (gint64) round (staff * tech_share));
      double ratio = rd_ratio;

      /* 高企 with revenue above 2亿 need 3%, above 5000万 4%: bigger firms spend less in share. */
      if (profile->hnte && revenue > 200000000)
        ratio = MAX (0.03, rd_ratio * 0.6);
      else if (profile->hnte && revenue > 50000000)
        ratio = MAX (0.04, rd_ratio * 0.8);

      new_id (s, id);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, firm->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, y);
      sqlite3_bind_int64 (stmt, 4, revenue);
      sqlite3_bind_int64 (stmt, 5, (gint64) (revenue * ratio));
      sqlite3_bind_int64 (stmt, 6, staff_n);
      sqlite3_bind_int64 (stmt, 7, tech_n);
      sqlite3_bind_int (stmt, 8, ip1);
      sqlite3_bind_int (stmt, 9, ip2);
      if (financed)
        {
          gboolean round_this_year = chance (s, profile->unicorn_line ? 0.6 : 0.3);

          sqlite3_bind_int64 (stmt, 10, (gint64) valuation / 10000 * 10000);
          bind_int_or_null (stmt, 11, round_this_year,
                            (gint64) (valuation * (0.08 + 0.12 * g_rand_double (s->rand))) / 10000 * 10000);
        }
      else
        {
          sqlite3_bind_null (stmt, 10);
          sqlite3_bind_null (stmt, 11);
        }
      tidu_bind_text (stmt, 12, s->now);
      if (!step (s, stmt, error))
        return FALSE;
      s->counts.firm_years++;

      staff = MAX (3.0, staff * (1.0 + g * 0.6));
      revenue_per_staff *= 1.0 + g * 0.5;
      valuation *= 1.0 + MAX (-0.2, g * 1.5);
      if (chance (s, 0.4))
        ip1 += profile->hnte ? rand_int (s, 0, 3) : rand_int (s, 0, 1);
      if (chance (s, 0.5))
        ip2 += rand_int (s, 0, firm->tech ? 4 : 1);
    }
  return TRUE;
}

static const CarrierInfo *
pick_incubation_carrier (Sample     *s,
                         const char *kind,
                         int         year)
{
  if (s->incubation->len == 0)
    return NULL;
  for (int attempt = 0; attempt < 12; attempt++)
    {
      guint index = g_array_index (s->incubation, guint,
                                   g_rand_int_range (s->rand, 0, (gint32) s->incubation->len));
      const CarrierInfo *c = &g_array_index (s->carriers, CarrierInfo, index);

      if (c->founded_year < year && (kind == NULL || g_str_equal (c->kind, kind)))
        return c;
    }
  return NULL;
}

/* Young firms in maker spaces, incubators and accelerators: one after the other, never
 * overlapping, only the last one possibly still open. */
static gboolean
generate_stays (Sample          *s,
                const FirmInfo  *firm,
                GError         **error)
{
  sqlite3_stmt *stmt = s->insert_stay;
  guint32 end = jd (LAST_YEAR, 12, 31);
  guint32 entered = firm->founded + (guint32) rand_int (s, 0, 300);
  const char *kind = chance (s, 0.4) ? "maker_space" : "incubator";

  for (int n = 0; n < 3 && entered <= end; n++)
    {
      const CarrierInfo *carrier = pick_incubation_carrier (s, kind, jd_year (entered));
      guint32 left = entered + (guint32) rand_int (s, kind != NULL && g_str_equal (kind, "maker_space") ? 150 : 365,
                                                   kind != NULL && g_str_equal (kind, "maker_space") ? 700 : 1460);
      gboolean open = left > end;
      char id[ID_LEN];

      if (carrier == NULL)
        return TRUE;
      new_id (s, id);
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, firm->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, carrier->id, -1, SQLITE_TRANSIENT);
      bind_jd (stmt, 4, entered);
      bind_jd (stmt, 5, open ? 0 : left);
      if (open)
        sqlite3_bind_null (stmt, 6);
      else
        tidu_bind_text (stmt, 6, chance (s, 0.6) ? "graduated" : "left");
      tidu_bind_text (stmt, 7, s->now);
      if (!step (s, stmt, error))
        return FALSE;
      s->counts.stays++;
      if (open || !chance (s, 0.35))
        return TRUE;
      entered = left + (guint32) rand_int (s, 1, 200);
      kind = g_str_equal (carrier->kind, "maker_space") ? "incubator" : "accelerator";
    }
  return TRUE;
}

static char *
unique_firm_name (Sample         *s,
                  const FirmInfo *firm)
{
  for (;;)
    {
      const Industry *industry = &industries[firm->industry];
      GString *name = g_string_new (chance (s, 0.5) ? "镇江" : region_defs[firm->region].firm_prefix);
      int r = rand_int (s, 0, 99);

      append_chars (s, name, s->trade_pool, r < 50 ? 2 : r < 85 ? 3 : 4);
      g_string_append (name, industry->words[g_rand_int_range (s->rand, 0, 3)]);
      g_string_append (name, chance (s, 0.85) ? "有限公司" : "股份有限公司");
      if (!g_hash_table_contains (s->names, name->str))
        {
          g_hash_table_add (s->names, g_strdup (name->str));
          return g_string_free (name, FALSE);
        }
      g_string_free (name, TRUE);
    }
}

static gboolean
generate_firm (Sample  *s,
               GError **error)
{
  sqlite3_stmt *stmt = s->insert_firm;
  FirmInfo firm = { 0 };
  Profile profile;
  g_autofree char *name = NULL;
  g_autofree char *addr = NULL;
  g_autofree char *legal = NULL;
  g_autofree char *contact = NULL;
  g_autofree char *phone = NULL;
  char code[19];
  double q;
  int region;
  int fy;

  new_id (s, firm.id);
  region = pick_region (s);
  firm.region = (guint8) region;
  firm.industry = (guint8) g_rand_int_range (s->rand, 0, G_N_ELEMENTS (industries));
  /* 丹阳 glasses, 扬中 electrical equipment: a few local specialities. */
  if ((region == 5 || region == 9 || region == 10) && chance (s, 0.2))
    firm.industry = 16;
  else if ((region == 6 || region == 12 || region == 13) && chance (s, 0.3))
    firm.industry = 15;
  firm.founded = jd (1995, 1, 1) + (guint32) rand_int (s, 0, (int) (jd (2024, 12, 31) - jd (1995, 1, 1)));
  fy = jd_year (firm.founded);
  firm.tech = chance (s, 0.7);
  q = g_rand_double (s->rand);

  name = unique_firm_name (s, &firm);
  credit_code (s, "91", region_defs[region].uscc_code, fy >= 2015, code);
  addr = address (s, region);
  legal = person_name (s);
  contact = chance (s, 0.5) ? person_name (s) : g_strdup (legal);
  phone = chance (s, 0.6) ? office_phone (s) : mobile_phone (s);

  sqlite3_bind_text (stmt, 1, firm.id, -1, SQLITE_TRANSIENT);
  tidu_bind_text (stmt, 2, name);
  tidu_bind_text (stmt, 3, code);
  tidu_bind_text (stmt, 4, s->region_ids[region]);
  tidu_bind_text (stmt, 5, industries[firm.industry].name);
  tidu_bind_text (stmt, 6, firm.tech ? industries[firm.industry].tech_field : NULL);
  bind_jd (stmt, 7, firm.founded);
  tidu_bind_text (stmt, 8, addr);
  tidu_bind_text (stmt, 9, legal);
  tidu_bind_text (stmt, 10, contact);
  tidu_bind_text (stmt, 11, phone);
  sqlite3_bind_null (stmt, 12);
  /* 招引: about a fifth of the firms came through investment promotion. */
  if (chance (s, 0.2))
    {
      int r = rand_int (s, 0, 99);
      const char *stage = fy < 2018 ? "landed" : r < 8 ? "lead" : r < 18 ? "negotiating" : r < 30 ? "signed" : "landed";
      guint32 signed_on = 0;
      guint32 lead_on;

      if (g_str_equal (stage, "lead") || g_str_equal (stage, "negotiating"))
        lead_on = jd (LAST_YEAR, 1, 1) + (guint32) rand_int (s, 0, 330);
      else if (g_str_equal (stage, "signed"))
        {
          lead_on = jd (LAST_YEAR - 1, 1, 1) + (guint32) rand_int (s, 0, 500);
          signed_on = lead_on + (guint32) rand_int (s, 20, 150);
        }
      else
        {
          /* Landed: the firm was registered here on landing. */
          signed_on = firm.founded - (guint32) rand_int (s, 10, 120);
          lead_on = signed_on - (guint32) rand_int (s, 20, 240);
        }
      tidu_bind_text (stmt, 13, PICK (s, channels));
      tidu_bind_text (stmt, 14, stage);
      bind_jd (stmt, 15, lead_on);
      bind_jd (stmt, 16, signed_on);
      bind_jd (stmt, 17, g_str_equal (stage, "landed") ? firm.founded : 0);
      tidu_bind_text (stmt, 18, s->officers[g_rand_int_range (s->rand, 0, G_N_ELEMENTS (s->officers))]);
    }
  else
    for (int i = 13; i <= 18; i++)
      sqlite3_bind_null (stmt, i);
  tidu_bind_text (stmt, 19, s->now);
  if (!step (s, stmt, error))
    return FALSE;
  s->counts.firms++;

  if (!generate_tiers (s, &firm, q, &profile, error))
    return FALSE;
  if (chance (s, 0.93) && !generate_firm_years (s, &firm, q, &profile, error))
    return FALSE;
  if (fy >= 2008 && chance (s, firm.tech ? 0.3 : 0.08) && !generate_stays (s, &firm, error))
    return FALSE;

  g_array_append_val (s->firms, firm);
  return TRUE;
}

/* ---------------------------------------------------------------- talents */

static gboolean
load_categories (Sample  *s,
                 GError **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (s->db,
    "SELECT c.id, c.plan_id, c.name, c.is_team, c.amount_min, c.amount_max, c.payout_years "
    "FROM talent_plan_categories c JOIN talent_plans p ON p.id = c.plan_id "
    "WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL AND p.id IN ("
    "'5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02', "
    "'5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e03', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e04') "
    "ORDER BY c.plan_id, c.rank, c.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Category *c = g_new0 (Category, 1);

      g_strlcpy (c->id, (const char *) sqlite3_column_text (stmt, 0), ID_LEN);
      g_strlcpy (c->plan_id, (const char *) sqlite3_column_text (stmt, 1), ID_LEN);
      c->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      c->is_team = sqlite3_column_int (stmt, 3) != 0;
      c->amount_min = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 4);
      c->amount_max = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 5);
      c->payout_years = sqlite3_column_type (stmt, 6) == SQLITE_NULL ? 0 : sqlite3_column_int (stmt, 6);
      g_ptr_array_add (s->categories, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tidu_database_set_error (tidu_database_get_handle (s->db), rc, NULL, error);
  return TRUE;
}

static const char *
chinese_number (int  n,
                char buf[16])
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n < 10)
    g_strlcpy (buf, digits[n], 16);
  else if (n < 20)
    g_snprintf (buf, 16, "十%s", digits[n % 10]);
  else
    g_snprintf (buf, 16, "%s十%s", digits[(n / 10) % 10], digits[n % 10]);
  return buf;
}

/* Batches per plan and year; @batch_ids holds (LAST_YEAR - FIRST_YEAR + 1) ids per plan, in the
 * order plans first appear among the categories. */
static gboolean
generate_batches (Sample     *s,
                    GPtrArray  *plans,
                  IdBuf      *batch_ids,
                  GError    **error)
{
  for (guint p = 0; p < plans->len; p++)
    {
      const char *plan_id = g_ptr_array_index (plans, p);

      for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
        {
          sqlite3_stmt *stmt = tidu_database_prepare (s->db, sql_batch, error);
          char *id = batch_ids[p * (LAST_YEAR - FIRST_YEAR + 1) + (y - FIRST_YEAR)];
          g_autofree char *name = NULL;
          char numeral[16];

          if (stmt == NULL)
            return FALSE;
          if (g_str_has_suffix (plan_id, "02"))
            name = g_strdup_printf ("第%s批", chinese_number (y - 2005, numeral));
          else
            name = g_strdup_printf ("%d年度", y);
          new_id (s, id);
          tidu_bind_text (stmt, 1, id);
          tidu_bind_text (stmt, 2, plan_id);
          sqlite3_bind_int (stmt, 3, y);
          tidu_bind_text (stmt, 4, name);
          bind_jd (stmt, 5, rand_day (s, y, 9, 12));
          tidu_bind_text (stmt, 6, s->now);
          if (!step (s, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gint64
granted_amount (Sample         *s,
                const Category *c)
{
  gint64 lo = c->amount_min >= 0 ? c->amount_min : 200000;
  gint64 hi = c->amount_max >= 0 ? MIN (c->amount_max, MAX (lo, (gint64) 30000000)) : lo * 2;
  gint64 step_size = hi - lo >= 2000000 ? 500000 : 100000;

  if (hi <= lo)
    return lo;
  if (hi <= lo * 2 && c->amount_min >= 0)
    return chance (s, 0.6) ? lo : hi;   /* 50万 or 100万 */
  return lo + (gint64) rand_int (s, 0, (int) ((hi - lo) / step_size)) * step_size;
}

static gboolean
generate_award (Sample         *s,
                const Category *c,
                const char     *batch_id,
                int             year,
                const char     *talent_id,
                const char     *talent_name,
                const char     *firm_id,
                const char     *field,
                guint           n_talents,
                IdBuf          *talent_ids,
                GError        **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (s->db, sql_award, error);
  gint64 granted = granted_amount (s, c);
  int n_parts = c->payout_years > 0 ? c->payout_years : granted >= 1000000 ? 2 : 1;
  gboolean revoked = chance (s, 0.03);
  gboolean all_paid = TRUE;
  g_autofree char *team = NULL;
  g_autoptr(GString) statuses = g_string_new (NULL);
  guint32 end = jd (LAST_YEAR, 12, 31);
  char award_id[ID_LEN];
  gint64 part = granted / n_parts;

  if (stmt == NULL)
    return FALSE;
  if (c->is_team)
    team = g_strdup_printf ("%s%s创新团队", talent_name, field);

  /* The instalments are decided first: the status follows from them. */
  new_id (s, award_id);
  tidu_bind_text (stmt, 1, award_id);
  tidu_bind_text (stmt, 2, c->plan_id);
  tidu_bind_text (stmt, 3, c->id);
  tidu_bind_text (stmt, 4, batch_id);
  tidu_bind_text (stmt, 5, talent_id);
  tidu_bind_text (stmt, 6, firm_id);
  tidu_bind_text (stmt, 7, team);
  sqlite3_bind_int (stmt, 8, year);
  sqlite3_bind_int64 (stmt, 9, granted);
  tidu_bind_text (stmt, 10, "active");
  tidu_bind_text (stmt, 11, s->now);
  if (!step (s, stmt, error))
    return FALSE;
  s->counts.talent_awards++;

  for (int k = 0; k < n_parts; k++)
    {
      /* The first instalment takes the remainder, so the plan adds up to the grant. */
      gint64 planned = k == 0 ? granted - part * (n_parts - 1) : part;
      guint32 due = jd (year + k + 1, 6, 30);
      gboolean paid = !revoked && due <= end && chance (s, 0.92);
      guint32 paid_on = paid ? due + (guint32) rand_int (s, 0, 90) : 0;
      char id[ID_LEN];

      if (paid_on > end)
        paid = FALSE;
      if (revoked && k == 0 && due <= end)
        {
          paid = TRUE;   /* revoked after the first payment */
          paid_on = due + (guint32) rand_int (s, 0, 60);
          if (paid_on > end)
            paid_on = end;
        }
      if (!paid)
        all_paid = FALSE;
      stmt = tidu_database_prepare (s->db, sql_instalment, error);
      if (stmt == NULL)
        return FALSE;
      new_id (s, id);
      tidu_bind_text (stmt, 1, id);
      tidu_bind_text (stmt, 2, award_id);
      bind_jd (stmt, 3, due);
      sqlite3_bind_int64 (stmt, 4, planned);
      bind_jd (stmt, 5, paid ? paid_on : 0);
      bind_int_or_null (stmt, 6, paid, planned);
      tidu_bind_text (stmt, 7, s->now);
      if (!step (s, stmt, error))
        return FALSE;
    }

  if (revoked || all_paid)
    {
      stmt = tidu_database_prepare (s->db, "UPDATE talent_awards SET status = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      tidu_bind_text (stmt, 1, award_id);
      tidu_bind_text (stmt, 2, revoked ? "revoked" : "completed");
      if (!step (s, stmt, error))
        return FALSE;
    }

  /* Team members: other talents, each once. */
  if (c->is_team && n_talents > 4)
    {
      int n_members = rand_int (s, 2, 4);
      guint chosen[4];
      int n_chosen = 0;

      for (int attempt = 0; attempt < 20 && n_chosen < n_members; attempt++)
        {
          guint m = (guint) g_rand_int_range (s->rand, 0, (gint32) n_talents);
          gboolean taken = g_str_equal (talent_ids[m], talent_id);
          char id[ID_LEN];

          for (int j = 0; j < n_chosen; j++)
            taken = taken || chosen[j] == m;
          if (taken)
            continue;
          chosen[n_chosen++] = m;
          stmt = tidu_database_prepare (s->db, sql_member, error);
          if (stmt == NULL)
            return FALSE;
          new_id (s, id);
          tidu_bind_text (stmt, 1, id);
          tidu_bind_text (stmt, 2, award_id);
          tidu_bind_text (stmt, 3, talent_ids[m]);
          tidu_bind_text (stmt, 4, n_chosen == 1 ? "核心成员" : "团队成员");
          tidu_bind_text (stmt, 5, s->now);
          if (!step (s, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate_talents (Sample  *s,
                  guint    n,
                  GError **error)
{
  static const int category_weights[] = { 25, 20, 5, 20, 10, 10, 1, 9 };
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();
  g_autofree IdBuf *talent_ids = g_new0 (IdBuf, MAX (n, 1));
  g_autoptr(GPtrArray) talent_names = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *talent_firm = g_new0 (guint, MAX (n, 1));
  g_autofree IdBuf *batch_ids = NULL;
  g_autoptr(GArray) tech_firms = g_array_new (FALSE, FALSE, sizeof (guint));
  int total_weight = 0;

  if (!load_categories (s, error))
    return FALSE;
  for (guint i = 0; i < s->categories->len; i++)
    {
      Category *c = g_ptr_array_index (s->categories, i);

      if (plans->len == 0 || !g_str_equal (g_ptr_array_index (plans, plans->len - 1), c->plan_id))
        g_ptr_array_add (plans, c->plan_id);
      total_weight += i < G_N_ELEMENTS (category_weights) ? category_weights[i] : 5;
    }
  batch_ids = g_new0 (IdBuf, MAX (plans->len, 1) * (LAST_YEAR - FIRST_YEAR + 1));
  if (!generate_batches (s, plans, batch_ids, error))
    return FALSE;

  for (guint i = 0; i < s->firms->len; i++)
    if (g_array_index (s->firms, FirmInfo, i).tech)
      g_array_append_val (tech_firms, i);

  /* The talents first: team members refer to them. */
  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = tidu_database_prepare (s->db, sql_talent, error);
      g_autofree char *name = person_name (s);
      g_autofree char *phone = mobile_phone (s);
      guint firm_index = tech_firms->len > 0
        ? g_array_index (tech_firms, guint, g_rand_int_range (s->rand, 0, (gint32) tech_firms->len))
        : 0;
      const FirmInfo *firm = s->firms->len > 0 ? &g_array_index (s->firms, FirmInfo, firm_index) : NULL;

      if (stmt == NULL)
        return FALSE;
      new_id (s, talent_ids[i]);
      talent_firm[i] = firm_index;
      tidu_bind_text (stmt, 1, talent_ids[i]);
      tidu_bind_text (stmt, 2, name);
      tidu_bind_text (stmt, 3, chance (s, 0.78) ? "male" : "female");
      sqlite3_bind_int (stmt, 4, rand_int (s, 1960, 1995));
      tidu_bind_text (stmt, 5, PICK (s, degrees));
      tidu_bind_text (stmt, 6, PICK (s, titles));
      tidu_bind_text (stmt, 7, firm != NULL ? industries[firm->industry].name : PICK (s, themes));
      tidu_bind_text (stmt, 8, firm != NULL ? firm->id : NULL);
      tidu_bind_text (stmt, 9, s->region_ids[firm != NULL ? firm->region : 0]);
      tidu_bind_text (stmt, 10, phone);
      tidu_bind_text (stmt, 11, s->now);
      if (!step (s, stmt, error))
        return FALSE;
      s->counts.talents++;
      g_ptr_array_add (talent_names, g_steal_pointer (&name));
    }

  if (s->categories->len == 0)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      const FirmInfo *firm = s->firms->len > 0 ? &g_array_index (s->firms, FirmInfo, talent_firm[i]) : NULL;
      int n_awards = chance (s, 0.75) ? (chance (s, 0.15) ? 2 : 1) : 0;
      const char *first_plan = NULL;

      for (int a = 0; a < n_awards; a++)
        {
          Category *c = NULL;
          int r = rand_int (s, 0, total_weight - 1);
          int earliest = MAX (FIRST_YEAR, firm != NULL ? jd_year (firm->founded) : FIRST_YEAR);
          int year = rand_int (s, earliest, LAST_YEAR);
          guint plan_index = 0;

          for (guint k = 0; k < s->categories->len; k++)
            {
              r -= k < G_N_ELEMENTS (category_weights) ? category_weights[k] : 5;
              if (r < 0)
                {
                  c = g_ptr_array_index (s->categories, k);
                  break;
                }
            }
          if (c == NULL)
            c = g_ptr_array_index (s->categories, 0);
          /* One award per plan and talent. */
          if (first_plan != NULL && g_str_equal (first_plan, c->plan_id))
            continue;
          first_plan = c->plan_id;
          while (plan_index < plans->len && !g_str_equal (g_ptr_array_index (plans, plan_index), c->plan_id))
            plan_index++;

          if (!generate_award (s, c, batch_ids[plan_index * (LAST_YEAR - FIRST_YEAR + 1) + (year - FIRST_YEAR)],
                               year, talent_ids[i], g_ptr_array_index (talent_names, i),
                               firm != NULL ? firm->id : NULL,
                               firm != NULL ? industries[firm->industry].name : "",
                               n, talent_ids, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* ---------------------------------------------------------------- targets and events */

static gboolean
generate_targets (Sample  *s,
                  guint    n_firms,
                  GError **error)
{
  struct {
    const char *indicator, *parameter, *title;
    int region;
    double per_firm;
    gint64 fixed;
  } defs[] = {
    { "firms_per_tier", "hnte", "有效高新技术企业", 0, 0.30, 0 },
    { "firms_per_tier", "tsme", "科技型中小企业入库", 0, 0.45, 0 },
    { "firms_attracted", NULL, "招引科技型企业", 0, 0.05, 0 },
    { "firms_attracted", NULL, "招引科技型企业", 4, 0.012, 0 },
    { "firms_per_tier", "gazelle", "瞪羚企业", 5, 0.004, 0 },
    { "carrier_area_m2", NULL, "科创载体面积（平方米）", 0, 0, 1000000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (defs); i++)
    {
      sqlite3_stmt *stmt = tidu_database_prepare (s->db, sql_target, error);
      gint64 value = defs[i].fixed > 0 ? defs[i].fixed : MAX (1, (gint64) (n_firms * defs[i].per_firm));
      char id[ID_LEN];

      if (stmt == NULL)
        return FALSE;
      new_id (s, id);
      tidu_bind_text (stmt, 1, id);
      tidu_bind_text (stmt, 2, defs[i].indicator);
      tidu_bind_text (stmt, 3, defs[i].parameter);
      tidu_bind_text (stmt, 4, s->region_ids[defs[i].region]);
      tidu_bind_text (stmt, 5, defs[i].title);
      sqlite3_bind_int (stmt, 6, 2023);
      sqlite3_bind_int (stmt, 7, 2025);
      sqlite3_bind_int64 (stmt, 8, value);
      tidu_bind_text (stmt, 9, "镇江市科技招商实施方案");
      tidu_bind_text (stmt, 10, s->now);
      if (!step (s, stmt, error))
        return FALSE;

      for (int y = 2023; y <= 2025; y++)
        {
          char year_id[ID_LEN];

          stmt = tidu_database_prepare (s->db, sql_target_year, error);
          if (stmt == NULL)
            return FALSE;
          new_id (s, year_id);
          tidu_bind_text (stmt, 1, year_id);
          tidu_bind_text (stmt, 2, id);
          sqlite3_bind_int (stmt, 3, y);
          sqlite3_bind_int64 (stmt, 4, value * (y - 2022) / 3);
          tidu_bind_text (stmt, 5, s->now);
          if (!step (s, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate_events (Sample  *s,
                 guint    n,
                 GError **error)
{
  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = tidu_database_prepare (s->db, sql_event, error);
      int year = rand_int (s, 2019, LAST_YEAR);
      const char *city = PICK (s, event_cities);
      int region = rand_int (s, 0, 8);
      g_autofree char *name = NULL;
      g_autofree char *organizer = NULL;
      int contacted = rand_int (s, 20, 200);
      char id[ID_LEN];

      if (stmt == NULL)
        return FALSE;
      switch (g_rand_int_range (s->rand, 0, 4))
        {
        case 0:
          name = g_strdup_printf ("%d镇江（%s）科技招商推介会", year, city);
          break;
        case 1:
          name = g_strdup_printf ("%d年镇江—%s科技创新合作洽谈会", year, city);
          break;
        case 2:
          name = g_strdup_printf ("%d镇江（%s）高层次人才项目路演", year, city);
          break;
        default:
          name = g_strdup_printf ("%d年%s·镇江产业科技对接会", year, city);
          break;
        }
      organizer = g_strdup_printf ("%s科学技术局", region_defs[region].name);
      new_id (s, id);
      tidu_bind_text (stmt, 1, id);
      tidu_bind_text (stmt, 2, name);
      bind_jd (stmt, 3, rand_day (s, year, 3, 11));
      tidu_bind_text (stmt, 4, s->region_ids[region]);
      tidu_bind_text (stmt, 5, city);
      tidu_bind_text (stmt, 6, organizer);
      tidu_bind_text (stmt, 7, industries[g_rand_int_range (s->rand, 0, G_N_ELEMENTS (industries))].name);
      sqlite3_bind_int (stmt, 8, contacted);
      sqlite3_bind_int (stmt, 9, rand_int (s, 1, MAX (2, contacted / 6)));
      tidu_bind_text (stmt, 10, s->now);
      if (!step (s, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- the whole */

static const TiduVocabItem *
find_tier (GPtrArray   *tiers,
           const char  *code,
           GError     **error)
{
  for (guint i = 0; i < tiers->len; i++)
    {
      const TiduVocabItem *item = g_ptr_array_index (tiers, i);

      if (g_str_equal (item->code, code))
        return item;
    }
  g_set_error (error, TIDU_ERROR, TIDU_ERROR_FAILED, _("The tier “%s” is missing from the database."), code);
  return NULL;
}

static gboolean
database_is_empty (Sample  *s,
                   GError **error)
{
  sqlite3_stmt *stmt = tidu_database_prepare (s->db,
    "SELECT EXISTS (SELECT 1 FROM firms) OR EXISTS (SELECT 1 FROM carriers) "
    "OR EXISTS (SELECT 1 FROM talents)", error);
  int rc;
  gboolean any;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  any = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tidu_database_set_error (tidu_database_get_handle (s->db), rc, NULL, error);
  if (any)
    {
      g_set_error_literal (error, TIDU_ERROR, TIDU_ERROR_CONFLICT,
                           _("The database already holds firms, carriers or talents. The sample "
                             "data can only fill an empty database."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
generate_all (Sample                  *s,
              const TiduSampleOptions *options,
              GError                 **error)
{
  g_autoptr(TiduBulk) bulk = NULL;
  guint n_firms = options->n_firms;
  guint n_carriers = 40 + n_firms / 500;
  guint n_talents = MAX (5, n_firms / 20);

  if (!database_is_empty (s, error))
    return FALSE;

  s->tiers = tidu_vocabulary_list (s->db, TIDU_VOCABULARY_TIER, error);
  if (s->tiers == NULL)
    return FALSE;
  if ((s->tier_tsme = find_tier (s->tiers, "tsme", error)) == NULL ||
      (s->tier_hnte = find_tier (s->tiers, "hnte", error)) == NULL ||
      (s->tier_gazelle = find_tier (s->tiers, "gazelle", error)) == NULL ||
      (s->tier_potential = find_tier (s->tiers, "potential_unicorn", error)) == NULL ||
      (s->tier_unicorn = find_tier (s->tiers, "unicorn", error)) == NULL ||
      (s->tier_listed = find_tier (s->tiers, "listed", error)) == NULL ||
      (s->tier_innovative = find_tier (s->tiers, "innovative_sme", error)) == NULL ||
      (s->tier_specialised = find_tier (s->tiers, "specialised_sme", error)) == NULL ||
      (s->tier_giant = find_tier (s->tiers, "little_giant", error)) == NULL)
    return FALSE;

  if (!tidu_bulk_begin_tables (s->db, NULL, TIDU_BULK_DROP_INDEXES, &bulk, error))
    return FALSE;

  if ((s->insert_firm = tidu_database_prepare (s->db, sql_firm, error)) == NULL ||
      (s->insert_tier = tidu_database_prepare (s->db, sql_tier, error)) == NULL ||
      (s->insert_year = tidu_database_prepare (s->db, sql_year, error)) == NULL ||
      (s->insert_stay = tidu_database_prepare (s->db, sql_stay, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (s->officers); i++)
    {
      g_autofree char *name = person_name (s);

      g_strlcpy (s->officers[i], name, sizeof s->officers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (s->hnte_serial); i++)
    s->hnte_serial[i] = (guint) rand_int (s, 0, 800);

  if (!generate_regions (s, error) || !generate_carriers (s, n_carriers, error))
    return FALSE;
  report (s, 0.02);

  for (guint i = 0; i < n_firms; i++)
    {
      if ((i & 63) == 0 && !check_cancelled (s, error))
        return FALSE;
      report (s, 0.02 + 0.83 * i / MAX (n_firms, 1));
      if (!generate_firm (s, error))
        return FALSE;
    }
  if (!check_cancelled (s, error))
    return FALSE;
  report (s, 0.85);
  g_debug ("sample: firms written after %.2f s", (g_get_monotonic_time () - s->started) / 1e6);

  if (!generate_talents (s, n_talents, error) ||
      !generate_targets (s, n_firms, error) ||
      !generate_events (s, 12 + n_firms / 5000, error))
    return FALSE;
  if (!check_cancelled (s, error))
    return FALSE;
  report (s, 0.90);

  g_debug ("sample: talents written after %.2f s", (g_get_monotonic_time () - s->started) / 1e6);
  if (!tidu_bulk_end (bulk, error))
    return FALSE;
  g_debug ("sample: search indexes rebuilt after %.2f s", (g_get_monotonic_time () - s->started) / 1e6);
  return check_cancelled (s, error);
}

/**
 * tidu_sample_generate:
 * @db: an empty database
 * @options: how many firms, and the seed
 * @cancellable: (nullable): cancels the whole: nothing is written
 * @progress: (nullable): told the fraction done, about every 1%
 * @counts: (out) (optional): what was created
 *
 * Fills @db with a sample 镇江市 data set in one transaction. The same seed gives the same
 * content, ids included.
 */
gboolean
tidu_sample_generate (TiduDatabase            *db,
                      const TiduSampleOptions *options,
                      GCancellable            *cancellable,
                      TiduProgressFunc         progress,
                      gpointer                 progress_data,
                      TiduSampleCounts        *counts,
                      GError                 **error)
{
  g_autofree char *now = NULL;
  Sample s = { 0 };
  gboolean ok;

  g_return_val_if_fail (TIDU_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (counts != NULL)
    memset (counts, 0, sizeof *counts);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  s.db = db;
  s.rand = g_rand_new_with_seed (options->seed);
  /* Room for a billion ids before the counter wraps. */
  s.id_base = g_rand_int_range (s.rand, 0, G_MAXINT32) & 0xbfffffff;
  s.cancellable = cancellable;
  s.progress = progress;
  s.progress_data = progress_data;
  s.last_percent = -1;
  s.started = g_get_monotonic_time ();
  now = tidu_record_timestamp ();
  g_strlcpy (s.now, now, sizeof s.now);
  s.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s.carrier_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s.trade_pool = split_chars (trade_chars);
  s.given_pool = split_chars (given_chars);
  s.firms = g_array_sized_new (FALSE, FALSE, sizeof (FirmInfo), options->n_firms);
  s.carriers = g_array_new (FALSE, FALSE, sizeof (CarrierInfo));
  s.incubation = g_array_new (FALSE, FALSE, sizeof (guint));
  s.categories = g_ptr_array_new_with_free_func (category_free);

  report (&s, 0.0);
  ok = tidu_database_begin (db, error);
  if (ok)
    {
      /* Generating is not editing: the per-field change log (merge, ADR 0005) stays empty,
       * and the same seed gives the same bytes. */
      int rc = sqlite3_exec (tidu_database_get_handle (db),
                             "INSERT OR REPLACE INTO tidu_meta (key, value) VALUES ('changes_paused', '1')",
                             NULL, NULL, NULL);

      ok = rc == SQLITE_OK ? generate_all (&s, options, error)
                           : tidu_database_set_error (tidu_database_get_handle (db), rc, NULL, error);
      if (ok && (rc = sqlite3_exec (tidu_database_get_handle (db), "DELETE FROM tidu_meta WHERE key = 'changes_paused'",
                                    NULL, NULL, NULL)) != SQLITE_OK)
        ok = tidu_database_set_error (tidu_database_get_handle (db), rc, NULL, error);
      if (ok)
        {
          ok = tidu_database_commit (db, error);
          g_debug ("sample: committed after %.2f s", (g_get_monotonic_time () - s.started) / 1e6);
        }
      else
        tidu_database_rollback (db);
    }
  if (ok)
    {
      report (&s, 1.0);
      if (counts != NULL)
        *counts = s.counts;
    }

  g_rand_free (s.rand);
  g_hash_table_unref (s.names);
  g_hash_table_unref (s.codes);
  g_hash_table_unref (s.carrier_names);
  g_ptr_array_unref (s.trade_pool);
  g_ptr_array_unref (s.given_pool);
  g_array_unref (s.firms);
  g_array_unref (s.carriers);
  g_array_unref (s.incubation);
  g_ptr_array_unref (s.categories);
  if (s.tiers != NULL)
    g_ptr_array_unref (s.tiers);
  return ok;
}
