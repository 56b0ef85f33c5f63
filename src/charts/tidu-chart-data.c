/* tidu-chart-data.c: the plain data a chart draws.
 *
 * Copyright 2026 The Tidu authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib-object.h>
#include <math.h>
#include <string.h>

#include "tidu-chart-data.h"

G_DEFINE_BOXED_TYPE (TiduChartData, tidu_chart_data, tidu_chart_data_ref, tidu_chart_data_unref)

static const char *kind_names[TIDU_N_CHART_KINDS] = {
  "ladder", "progression", "transitions", "timeline", "targets", "carrier",
};

const char *
tidu_chart_kind_to_string (TiduChartKind kind)
{
  g_return_val_if_fail (kind < TIDU_N_CHART_KINDS, NULL);
  return kind_names[kind];
}

gboolean
tidu_chart_kind_from_string (const char    *text,
                             TiduChartKind *kind)
{
  for (guint i = 0; i < TIDU_N_CHART_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
category_free (gpointer item)
{
  TiduChartCategory *category = item;

  g_free (category->key);
  g_free (category->label);
  g_free (category->note);
  g_free (category);
}

static void
series_free (gpointer item)
{
  TiduChartSeries *series = item;

  g_free (series->key);
  g_free (series->label);
  g_array_unref (series->values);
  g_free (series);
}

static void
interval_clear (gpointer item)
{
  TiduChartInterval *interval = item;

  g_free (interval->key);
  g_free (interval->text);
}

/**
 * tidu_chart_data_new:
 * @title: (nullable): the chart's title
 *
 * Returns: (transfer full): an empty chart of @kind; numbers show as plain counts.
 */
TiduChartData *
tidu_chart_data_new (TiduChartKind  kind,
                     const char    *title)
{
  TiduChartData *data = g_new0 (TiduChartData, 1);

  g_return_val_if_fail (kind < TIDU_N_CHART_KINDS, NULL);

  g_atomic_ref_count_init (&data->ref_count);
  data->kind = kind;
  data->title = g_strdup (title);
  data->value_format = g_strdup ("%s");
  data->categories = g_ptr_array_new_with_free_func (category_free);
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->intervals = g_array_new (FALSE, TRUE, sizeof (TiduChartInterval));
  g_array_set_clear_func (data->intervals, interval_clear);
  g_date_clear (&data->start, 1);
  g_date_clear (&data->end, 1);
  return data;
}

TiduChartData *
tidu_chart_data_ref (TiduChartData *data)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
tidu_chart_data_unref (TiduChartData *data)
{
  g_return_if_fail (data != NULL);
  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->value_format);
  g_free (data->category_title);
  g_free (data->series_title);
  g_free (data->empty_message);
  g_ptr_array_unref (data->categories);
  g_ptr_array_unref (data->series);
  g_array_unref (data->intervals);
  g_free (data);
}

void
tidu_chart_data_set_subtitle (TiduChartData *data,
                              const char    *subtitle)
{
  g_free (data->subtitle);
  data->subtitle = g_strdup (subtitle);
}

/**
 * tidu_chart_data_set_value_format:
 * @format: a printf format with exactly one `%s`, which receives the number with its
 *   thousands separators, e.g. a translated "%s firms"
 * @decimals: digits after the decimal point
 */
void
tidu_chart_data_set_value_format (TiduChartData *data,
                                  const char    *format,
                                  int            decimals)
{
  g_return_if_fail (format != NULL && strstr (format, "%s") != NULL);
  g_free (data->value_format);
  data->value_format = g_strdup (format);
  data->decimals = CLAMP (decimals, 0, 6);
}

void
tidu_chart_data_set_axis_titles (TiduChartData *data,
                                 const char    *category_title,
                                 const char    *series_title)
{
  g_free (data->category_title);
  g_free (data->series_title);
  data->category_title = g_strdup (category_title);
  data->series_title = g_strdup (series_title);
}

void
tidu_chart_data_set_empty_message (TiduChartData *data,
                                   const char    *message)
{
  g_free (data->empty_message);
  data->empty_message = g_strdup (message);
}

/* The time axis of a timeline; either may be NULL to take it from the intervals. */
void
tidu_chart_data_set_range (TiduChartData *data,
                           const GDate   *start,
                           const GDate   *end)
{
  g_date_clear (&data->start, 1);
  g_date_clear (&data->end, 1);
  if (start != NULL && g_date_valid (start))
    data->start = *start;
  if (end != NULL && g_date_valid (end))
    data->end = *end;
}

/* A timeline's step line traces the highest of the first @n_lanes lanes held (the main tier
 * ladder); the lanes above it (the parallel 专精特新 line) get bars only. 0: every lane. */
void
tidu_chart_data_set_step_lanes (TiduChartData *data,
                                guint          n_lanes)
{
  data->step_lanes = n_lanes;
}

/**
 * tidu_chart_data_add_category:
 * @key: (nullable): what a click on this category reports
 * @color: a palette slot, or %TIDU_CHART_COLOR_NONE
 *
 * Returns: the new category's index
 */
guint
tidu_chart_data_add_category (TiduChartData *data,
                              const char    *key,
                              const char    *label,
                              int            color)
{
  TiduChartCategory *category = g_new0 (TiduChartCategory, 1);

  category->key = g_strdup (key);
  category->label = g_strdup (label != NULL ? label : "");
  category->color = color;
  g_ptr_array_add (data->categories, category);

  for (guint s = 0; s < data->series->len; s++)
    {
      TiduChartSeries *series = g_ptr_array_index (data->series, s);
      double missing = NAN;

      g_array_append_val (series->values, missing);
    }
  return data->categories->len - 1;
}

void
tidu_chart_data_set_category_note (TiduChartData *data,
                                   guint          category,
                                   const char    *note)
{
  TiduChartCategory *item;

  g_return_if_fail (category < data->categories->len);
  item = g_ptr_array_index (data->categories, category);
  g_free (item->note);
  item->note = g_strdup (note);
}

guint
tidu_chart_data_add_series (TiduChartData *data,
                            const char    *key,
                            const char    *label,
                            int            color)
{
  TiduChartSeries *series = g_new0 (TiduChartSeries, 1);

  series->key = g_strdup (key);
  series->label = g_strdup (label != NULL ? label : "");
  series->color = color;
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), data->categories->len);
  for (guint c = 0; c < data->categories->len; c++)
    {
      double missing = NAN;

      g_array_append_val (series->values, missing);
    }
  g_ptr_array_add (data->series, series);
  return data->series->len - 1;
}

void
tidu_chart_data_set_value (TiduChartData *data,
                           guint          series,
                           guint          category,
                           double         value)
{
  TiduChartSeries *item;

  g_return_if_fail (series < data->series->len);
  g_return_if_fail (category < data->categories->len);
  item = g_ptr_array_index (data->series, series);
  g_array_index (item->values, double, category) = value;
}

/* NAN when there is no figure. */
double
tidu_chart_data_get_value (const TiduChartData *data,
                           guint                series,
                           guint                category)
{
  const TiduChartSeries *item;

  g_return_val_if_fail (series < data->series->len, NAN);
  g_return_val_if_fail (category < data->categories->len, NAN);
  item = g_ptr_array_index (data->series, series);
  return g_array_index (item->values, double, category);
}

/**
 * tidu_chart_data_add_interval:
 * @lane: the category (tier) the interval belongs to
 * @end: (nullable): the last valid day, or %NULL while it is still valid
 * @text: the tooltip text, with the dates spelled out
 */
void
tidu_chart_data_add_interval (TiduChartData *data,
                              guint          lane,
                              const GDate   *start,
                              const GDate   *end,
                              const char    *key,
                              const char    *text)
{
  TiduChartInterval interval = { 0 };

  g_return_if_fail (lane < data->categories->len);
  g_return_if_fail (start != NULL && g_date_valid (start));

  interval.lane = lane;
  interval.start = *start;
  g_date_clear (&interval.end, 1);
  if (end != NULL && g_date_valid (end))
    interval.end = *end;
  interval.key = g_strdup (key);
  interval.text = g_strdup (text);
  g_array_append_val (data->intervals, interval);
}

guint
tidu_chart_data_get_n_categories (const TiduChartData *data)
{
  return data->categories->len;
}

guint
tidu_chart_data_get_n_series (const TiduChartData *data)
{
  return data->series->len;
}

const TiduChartCategory *
tidu_chart_data_get_category (const TiduChartData *data,
                              guint                category)
{
  g_return_val_if_fail (category < data->categories->len, NULL);
  return g_ptr_array_index (data->categories, category);
}

const TiduChartSeries *
tidu_chart_data_get_series (const TiduChartData *data,
                            guint                series)
{
  g_return_val_if_fail (series < data->series->len, NULL);
  return g_ptr_array_index (data->series, series);
}

/* Empty: nothing to plot, i.e. no interval and no non-zero figure. */
gboolean
tidu_chart_data_is_empty (const TiduChartData *data)
{
  if (data->kind == TIDU_CHART_TIMELINE)
    return data->intervals->len == 0;
  for (guint s = 0; s < data->series->len; s++)
    {
      const TiduChartSeries *series = g_ptr_array_index (data->series, s);

      for (guint c = 0; c < series->values->len; c++)
        {
          double value = g_array_index (series->values, double, c);

          if (!isnan (value) && value != 0)
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * tidu_chart_data_format_number:
 *
 * Returns: (transfer full): @value with the chart's decimals and a comma every three digits
 *   (12,345), the way Chinese statistics print counts; "—" for a missing figure.
 */
char *
tidu_chart_data_format_number (const TiduChartData *data,
                               double               value)
{
  g_autofree char *plain = NULL;
  GString *text;
  const char *digits, *point;
  gsize n_int;

  if (isnan (value))
    return g_strdup ("—");

  plain = g_strdup_printf ("%.*f", data->decimals, fabs (value));
  /* Never "-0" for a value that rounds to zero. */
  if (g_ascii_strtod (plain, NULL) == 0)
    value = 0;
  text = g_string_new (value < 0 ? "−" : "");
  digits = plain;
  point = strchr (digits, '.');
  n_int = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  if (point != NULL)
    g_string_append (text, point);
  return g_string_free (text, FALSE);
}

/* The number in the chart's value format, e.g. "1,234 家". */
char *
tidu_chart_data_format_value (const TiduChartData *data,
                              double               value)
{
  g_autofree char *number = tidu_chart_data_format_number (data, value);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *at = strstr (data->value_format, "%s");

  /* Substituted by hand: the format comes from a translation, never trusted as printf. */
  g_string_append_len (text, data->value_format, at - data->value_format);
  g_string_append (text, number);
  g_string_append (text, at + 2);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * tidu_chart_data_make_key:
 *
 * Returns: (transfer full) (nullable): what a click on a cell reports: the category's key, or
 *   "CATEGORY|SERIES" when the series has a key too; %NULL when neither has one.
 */
char *
tidu_chart_data_make_key (const TiduChartData *data,
                          guint                series,
                          guint                category)
{
  const TiduChartCategory *c = tidu_chart_data_get_category (data, category);
  const TiduChartSeries *s = series < data->series->len ? tidu_chart_data_get_series (data, series) : NULL;

  if (s != NULL && s->key != NULL)
    return g_strconcat (c->key != NULL ? c->key : "", "|", s->key, NULL);
  return g_strdup (c->key);
}
