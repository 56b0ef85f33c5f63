/* chart-fixtures.c: chart data with Chinese labels for tests and the bench.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chart-fixtures.h"

static const char *tiers[][2] = {
  { "tsme", "科技型中小企业" },
  { "hnte", "高新技术企业" },
  { "gazelle", "瞪羚企业" },
  { "potential_unicorn", "潜在独角兽企业" },
  { "unicorn", "独角兽企业" },
  { "listed", "上市企业" },
};

static const double ladder[] = { 10234, 1987, 146, 23, 4, 17 };

static void
add_tiers_as_categories (TiduChartData *data,
                         gboolean       dense)
{
  for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
    tidu_chart_data_add_category (data, tiers[t][0], tiers[t][1], TIDU_CHART_COLOR_TIER + t);
  if (dense)
    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *key = g_strdup_printf ("extra%u", i);
        g_autofree char *label = g_strdup_printf ("江苏省常州市武进区国家高新技术产业开发区第%u批专精特新“小巨人”企业", i + 1);

        tidu_chart_data_add_category (data, key, label, (int) i);
      }
}

TiduChartData *
tidu_test_chart_fixture (TiduChartKind kind,
                         gboolean      dense)
{
  TiduChartData *data = NULL;
  guint n_years = dense ? 30 : 10;

  switch (kind)
    {
    case TIDU_CHART_LADDER:
      data = tidu_chart_data_new (kind, "各梯度企业数");
      tidu_chart_data_set_subtitle (data, "截至 2025-12-31 · 镇江市京口区");
      tidu_chart_data_set_value_format (data, "%s 家", 0);
      add_tiers_as_categories (data, dense);
      tidu_chart_data_add_series (data, NULL, "企业数", TIDU_CHART_COLOR_NONE);
      for (guint c = 0; c < tidu_chart_data_get_n_categories (data); c++)
        tidu_chart_data_set_value (data, 0, c, c < G_N_ELEMENTS (ladder) ? ladder[c] : 100000 + c * 7);
      break;

    case TIDU_CHART_PROGRESSION:
      data = tidu_chart_data_new (kind, "梯度企业年度变化");
      tidu_chart_data_set_subtitle (data, "各年末有效认定");
      tidu_chart_data_set_value_format (data, "%s 家", 0);
      for (guint y = 0; y < n_years; y++)
        {
          g_autofree char *year = g_strdup_printf ("%u", 2025 - n_years + 1 + y);

          tidu_chart_data_add_category (data, year, dense ? "二〇二五年度统计" : year, TIDU_CHART_COLOR_NONE);
        }
      for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
        {
          guint s = tidu_chart_data_add_series (data, tiers[t][0], tiers[t][1], TIDU_CHART_COLOR_TIER + t);

          for (guint y = 0; y < n_years; y++)
            tidu_chart_data_set_value (data, s, y, ladder[t] * (0.45 + 0.55 * (y + 1) / n_years) / (t == 0 ? 6 : 1));
        }
      break;

    case TIDU_CHART_TRANSITIONS:
      data = tidu_chart_data_new (kind, "梯度变化 2023 → 2025");
      tidu_chart_data_set_value_format (data, "%s 家", 0);
      tidu_chart_data_set_axis_titles (data, "2023 年末", "2025 年末");
      tidu_chart_data_add_category (data, "new", "新增", TIDU_CHART_COLOR_NONE);
      add_tiers_as_categories (data, dense);
      for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
        tidu_chart_data_add_series (data, tiers[t][0], tiers[t][1], TIDU_CHART_COLOR_TIER + t);
      tidu_chart_data_add_series (data, "gone", "退出", TIDU_CHART_COLOR_NONE);
      for (guint c = 0; c < tidu_chart_data_get_n_categories (data); c++)
        for (guint s = 0; s < tidu_chart_data_get_n_series (data); s++)
          tidu_chart_data_set_value (data, s, c, c == s + 1 ? 1500.0 / (c + 1) : (c + s) % 4 == 0 ? 87 : (c * 3 + s) % 17);
      break;

    case TIDU_CHART_TIMELINE:
      {
        GDate a, b;

        data = tidu_chart_data_new (kind, "常州天合智能装备有限公司 梯度历程");
        for (guint t = 0; t < G_N_ELEMENTS (tiers); t++)
          tidu_chart_data_add_category (data, tiers[t][0], tiers[t][1], TIDU_CHART_COLOR_TIER + t);
        for (guint y = 2016; y <= (dense ? 2025u : 2024u); y++)
          {
            g_autofree char *text = g_strdup_printf ("科技型中小企业 %u 年度入库", y);
            g_autofree char *key = g_strdup_printf ("cert-tsme-%u", y);

            g_date_clear (&a, 1);
            g_date_clear (&b, 1);
            g_date_set_dmy (&a, 15, G_DATE_APRIL, y);
            g_date_set_dmy (&b, 31, G_DATE_DECEMBER, y);
            tidu_chart_data_add_interval (data, 0, &a, &b, key, text);
          }
        g_date_set_dmy (&a, 6, G_DATE_NOVEMBER, 2018);
        g_date_set_dmy (&b, 5, G_DATE_NOVEMBER, 2021);
        tidu_chart_data_add_interval (data, 1, &a, &b, "cert-hnte-1", "高新技术企业 GR201832001234，2018-11-06 至 2021-11-05");
        g_date_set_dmy (&a, 20, G_DATE_DECEMBER, 2021);
        g_date_set_dmy (&b, 19, G_DATE_DECEMBER, 2024);
        tidu_chart_data_add_interval (data, 1, &a, &b, "cert-hnte-2", "高新技术企业 GR202132005678，2021-12-20 至 2024-12-19");
        g_date_set_dmy (&a, 1, G_DATE_JUNE, 2022);
        g_date_set_dmy (&b, 31, G_DATE_MAY, 2024);
        tidu_chart_data_add_interval (data, 2, &a, &b, "cert-gazelle", "瞪羚企业，2022-06-01 至 2024-05-31");
        g_date_set_dmy (&a, 1, G_DATE_JANUARY, 2024);
        tidu_chart_data_add_interval (data, 3, &a, NULL, "cert-pu", "潜在独角兽企业，2024-01-01 起");
        g_date_set_dmy (&b, 31, G_DATE_DECEMBER, 2025);
        tidu_chart_data_set_range (data, NULL, &b);
      }
      break;

    case TIDU_CHART_TARGETS:
      {
        static const char *indicators[][2] = {
          { "firms_per_tier:hnte", "有效高新技术企业" },
          { "firms_attracted", "招引科技型企业" },
          { "firms_per_tier:tsme", "科技型中小企业入库数" },
          { "new_certifications:gazelle", "新认定瞪羚企业" },
          { "carriers_per_kind", "省级以上科技企业孵化器" },
          { "talents_awarded", "龙城英才计划入选人才" },
        };
        static const double figures[][3] = {
          { 287, 300, 251 }, { 412, 500, 388 }, { 10234, 10000, 9120 },
          { 18, 15, 11 }, { 6, 8, 5 }, { 37, 40, 29 },
        };

        data = tidu_chart_data_new (kind, "2025 年度指标任务完成情况");
        tidu_chart_data_set_value_format (data, "%s", 0);
        for (guint i = 0; i < G_N_ELEMENTS (indicators); i++)
          tidu_chart_data_add_category (data, indicators[i][0], indicators[i][1], TIDU_CHART_COLOR_NONE);
        if (dense)
          add_tiers_as_categories (data, TRUE);
        tidu_chart_data_add_series (data, "actual", "完成", 0);
        tidu_chart_data_add_series (data, "target", "目标", TIDU_CHART_COLOR_NONE);
        tidu_chart_data_add_series (data, "previous", "上年同期", TIDU_CHART_COLOR_NONE);
        for (guint c = 0; c < tidu_chart_data_get_n_categories (data); c++)
          for (guint s = 0; s < 3; s++)
            tidu_chart_data_set_value (data, s, c, c < G_N_ELEMENTS (figures) ? figures[c][s] : 50 + 10 * s + c);
      }
      break;

    case TIDU_CHART_CARRIER:
      {
        static const char *grades[] = { "优秀", "良好", "合格", "优秀", "良好" };

        data = tidu_chart_data_new (kind, "常州科教城创新港孵化器 运营绩效");
        tidu_chart_data_set_value_format (data, "%s 家", 0);
        for (guint y = 0; y < n_years; y++)
          {
            g_autofree char *year = g_strdup_printf ("%u", 2025 - n_years + 1 + y);
            guint c = tidu_chart_data_add_category (data, year, year, TIDU_CHART_COLOR_NONE);

            tidu_chart_data_set_category_note (data, c, grades[y % G_N_ELEMENTS (grades)]);
          }
        tidu_chart_data_add_series (data, "incubating", "在孵企业", 0);
        tidu_chart_data_add_series (data, "graduated", "毕业企业", 1);
        tidu_chart_data_add_series (data, "became_hnte", "在孵期间成为高企", 3);
        for (guint y = 0; y < n_years; y++)
          {
            tidu_chart_data_set_value (data, 0, y, 60 + 7 * y);
            tidu_chart_data_set_value (data, 1, y, 5 + 2 * y);
            tidu_chart_data_set_value (data, 2, y, 1 + y / 2);
          }
      }
      break;

    case TIDU_N_CHART_KINDS:
    default:
      g_assert_not_reached ();
    }
  return data;
}
