/* atlas-day-range.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A range of days as the filter writes it (ISO 8601 at the precision that says it
 * exactly: "2017", "2023-12", "2024-01-03") and as people read it ("3 – 19 January 2024",
 * "December 2023 – January 2024", "2017 – 2024").
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-day-range.h"
#include "atlas-time-scale.h"

typedef enum {
  PRECISION_DAY,
  PRECISION_MONTH,
  PRECISION_YEAR,
} Precision;

typedef struct {
  int year;
  int month;
  int day;
} Civil;

static Civil
civil_of (gint32 day)
{
  Civil civil;

  atlas_day_to_civil (day, &civil.year, &civil.month, &civil.day);
  return civil;
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) CLAMP (year, 1, G_MAXUINT16));
}

static gboolean
read_number (const char **text,
             guint        digits,
             int         *value)
{
  *value = 0;
  for (guint i = 0; i < digits; i++, (*text)++)
    {
      if (!g_ascii_isdigit (**text))
        return FALSE;
      *value = *value * 10 + g_ascii_digit_value (**text);
    }
  return TRUE;
}

/* "2024", "2024-01", "2024-01-03" or a full timestamp, whose time is ignored: the first or
 * the last day it covers. */
static gboolean
parse_iso (const char *text,
           gboolean    last,
           gint32     *day)
{
  Civil civil = { 0, 1, 1 };
  Precision precision = PRECISION_YEAR;

  if (text == NULL || !read_number (&text, 4, &civil.year) || civil.year < 1)
    return FALSE;
  if (*text == '-' && (text++, read_number (&text, 2, &civil.month)))
    {
      precision = PRECISION_MONTH;
      if (*text == '-' && (text++, read_number (&text, 2, &civil.day)))
        precision = PRECISION_DAY;
    }
  if (!g_date_valid_dmy ((GDateDay) civil.day, (GDateMonth) civil.month,
                         (GDateYear) civil.year))
    return FALSE;

  if (last && precision == PRECISION_YEAR)
    civil.month = 12;
  if (last && precision != PRECISION_DAY)
    civil.day = days_in_month (civil.year, civil.month);
  *day = atlas_day_from_civil (civil.year, civil.month, civil.day);
  return TRUE;
}

/**
 * atlas_day_range_from_iso:
 * @start_date: (nullable): the filter's first date, at any ISO 8601 precision
 * @end_date: (nullable): the filter's last date, included whole: "2024" ends on 31 December
 * @range: (out): the days; an end that is missing or unreadable is open
 *
 * Returns: whether there is a range at all
 */
gboolean
atlas_day_range_from_iso (const char    *start_date,
                          const char    *end_date,
                          AtlasDayRange *range)
{
  g_return_val_if_fail (range != NULL, FALSE);

  if (!parse_iso (start_date, FALSE, &range->first))
    range->first = ATLAS_DAY_OPEN_START;
  if (!parse_iso (end_date, TRUE, &range->last))
    range->last = ATLAS_DAY_OPEN_END;
  return range->first != ATLAS_DAY_OPEN_START || range->last != ATLAS_DAY_OPEN_END;
}

static Precision
start_precision (gint32 day)
{
  Civil civil = civil_of (day);

  if (civil.day != 1)
    return PRECISION_DAY;
  return civil.month == 1 ? PRECISION_YEAR : PRECISION_MONTH;
}

static Precision
end_precision (gint32 day)
{
  Civil civil = civil_of (day);

  if (civil.day != days_in_month (civil.year, civil.month))
    return PRECISION_DAY;
  return civil.month == 12 ? PRECISION_YEAR : PRECISION_MONTH;
}

static char *
format_iso (gint32    day,
            Precision precision)
{
  Civil civil = civil_of (day);

  if (precision == PRECISION_YEAR)
    return g_strdup_printf ("%04d", civil.year);
  if (precision == PRECISION_MONTH)
    return g_strdup_printf ("%04d-%02d", civil.year, civil.month);
  return g_strdup_printf ("%04d-%02d-%02d", civil.year, civil.month, civil.day);
}

/**
 * atlas_day_range_to_iso:
 * @start_date: (out) (transfer full) (nullable): %NULL for an open start
 * @end_date: (out) (transfer full) (nullable): %NULL for an open end
 *
 * Each end is written as coarsely as says it exactly ("2017", "2023-12"), as people type
 * them: the store compares dates as text, so an incident dated only "2017" is within a
 * range from "2017" but not within one from "2017-01-01".
 */
void
atlas_day_range_to_iso (const AtlasDayRange  *range,
                        char                **start_date,
                        char                **end_date)
{
  g_return_if_fail (range != NULL);

  *start_date = range->first == ATLAS_DAY_OPEN_START ? NULL
                : format_iso (range->first, start_precision (range->first));
  *end_date = range->last == ATLAS_DAY_OPEN_END ? NULL
              : format_iso (range->last, end_precision (range->last));
}

gboolean
atlas_day_range_equal (const AtlasDayRange *a,
                       const AtlasDayRange *b)
{
  return a->first == b->first && a->last == b->last;
}

static char *
format_day (gint32      day,
            const char *format)
{
  g_autoptr(GDateTime) date_time = NULL;
  Civil civil = civil_of (day);

  date_time = g_date_time_new_utc (civil.year, civil.month, civil.day, 0, 0, 0);
  return date_time ? g_date_time_format (date_time, format) : g_strdup ("?");
}

/* Translators: a date on its own, as in "3 January 2024"; see g_date_time_format() */
#define FORMAT_DAY_MONTH_YEAR C_("date range", "%-d %B %Y")
/* Translators: the first date of a range within a year, as in "28 November" */
#define FORMAT_DAY_MONTH C_("date range", "%-d %B")
/* Translators: the first date of a range within a month, as in "3" */
#define FORMAT_DAY C_("date range", "%-d")
/* Translators: a month in a range, as in "January 2024"; %OB is the month's name alone */
#define FORMAT_MONTH_YEAR C_("date range", "%OB %Y")
/* Translators: the first month of a range within a year, as in "March" */
#define FORMAT_MONTH C_("date range", "%OB")

static char *
join (char *first,
      char *last)
{
  g_autofree char *a = first;
  g_autofree char *b = last;

  /* Translators: a range of dates, "3 – 19 January 2024" or "2017 – 2024" */
  return g_strdup_printf (C_("date range", "%s – %s"), a, b);
}

static char *
format_years (const AtlasDayRange *range)
{
  if (civil_of (range->first).year == civil_of (range->last).year)
    return format_day (range->first, "%Y");
  return join (format_day (range->first, "%Y"), format_day (range->last, "%Y"));
}

static char *
format_months (const AtlasDayRange *range)
{
  Civil first = civil_of (range->first), last = civil_of (range->last);

  if (first.year != last.year)
    return join (format_day (range->first, FORMAT_MONTH_YEAR),
                 format_day (range->last, FORMAT_MONTH_YEAR));
  if (first.month != last.month)
    return join (format_day (range->first, FORMAT_MONTH),
                 format_day (range->last, FORMAT_MONTH_YEAR));
  return format_day (range->first, FORMAT_MONTH_YEAR);
}

static char *
format_days (const AtlasDayRange *range)
{
  Civil first = civil_of (range->first), last = civil_of (range->last);
  const char *first_format = FORMAT_DAY_MONTH_YEAR;

  if (range->first == range->last)
    return format_day (range->first, FORMAT_DAY_MONTH_YEAR);
  if (first.year == last.year)
    first_format = first.month == last.month ? FORMAT_DAY : FORMAT_DAY_MONTH;
  return join (format_day (range->first, first_format),
               format_day (range->last, FORMAT_DAY_MONTH_YEAR));
}

static char *
format_open (const AtlasDayRange *range)
{
  g_autofree char *date = NULL;

  if (range->last == ATLAS_DAY_OPEN_END)
    {
      Precision precision = start_precision (range->first);

      date = format_day (range->first, precision == PRECISION_YEAR ? "%Y"
                                       : precision == PRECISION_MONTH ? FORMAT_MONTH_YEAR
                                       : FORMAT_DAY_MONTH_YEAR);
      /* Translators: a range of dates with no end, as in "From 3 January 2024" */
      return g_strdup_printf (_("From %s"), date);
    }
  else
    {
      Precision precision = end_precision (range->last);

      date = format_day (range->last, precision == PRECISION_YEAR ? "%Y"
                                      : precision == PRECISION_MONTH ? FORMAT_MONTH_YEAR
                                      : FORMAT_DAY_MONTH_YEAR);
      /* Translators: a range of dates with no start, as in "Until 19 January 2024" */
      return g_strdup_printf (_("Until %s"), date);
    }
}

/**
 * atlas_day_range_format:
 *
 * Whole years are said as years and whole months as months.
 *
 * Returns: (transfer full): the range in words
 */
char *
atlas_day_range_format (const AtlasDayRange *range)
{
  Precision precision;

  g_return_val_if_fail (range != NULL, NULL);

  if (range->first == ATLAS_DAY_OPEN_START && range->last == ATLAS_DAY_OPEN_END)
    return g_strdup (_("All dates"));
  if (range->first == ATLAS_DAY_OPEN_START || range->last == ATLAS_DAY_OPEN_END)
    return format_open (range);

  precision = MIN (start_precision (range->first), end_precision (range->last));
  if (precision == PRECISION_YEAR)
    return format_years (range);
  if (precision == PRECISION_MONTH)
    return format_months (range);
  return format_days (range);
}
