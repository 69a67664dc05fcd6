/* atlas-time-scale.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar behind the timeline: steps of hours, days, weeks, months and years, aligned
 * the way people count (weeks from Monday, quarters from January, decades from a year
 * ending in 0), which step to bin and label by for a given zoom, and tick labels in words.
 * Pure functions on day numbers, so the axis is tested without a window.
 */

#define G_LOG_DOMAIN "atlas-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-time-scale.h"

/* Positions come from pixel arithmetic: a boundary may arrive a hair below itself. */
#define BOUNDARY_EPSILON 1e-6

/* 1970-01-05 was the first Monday after the epoch. */
#define FIRST_MONDAY 4

static const AtlasTimeStep bin_steps[] = {
  ATLAS_TIME_STEP (DAY, 1), ATLAS_TIME_STEP (WEEK, 1), ATLAS_TIME_STEP (MONTH, 1),
  ATLAS_TIME_STEP (MONTH, 3), ATLAS_TIME_STEP (YEAR, 1), ATLAS_TIME_STEP (YEAR, 10),
  ATLAS_TIME_STEP (YEAR, 100), ATLAS_TIME_STEP (YEAR, 1000),
};

static const AtlasTimeStep major_steps[] = {
  ATLAS_TIME_STEP (DAY, 1), ATLAS_TIME_STEP (MONTH, 1), ATLAS_TIME_STEP (YEAR, 1),
  ATLAS_TIME_STEP (YEAR, 10), ATLAS_TIME_STEP (YEAR, 100), ATLAS_TIME_STEP (YEAR, 1000),
};

/* The steps that divide each major step, finest first; parallel to major_steps. */
static const AtlasTimeStep minor_steps[][5] = {
  { ATLAS_TIME_STEP (HOUR, 1), ATLAS_TIME_STEP (HOUR, 2), ATLAS_TIME_STEP (HOUR, 3),
    ATLAS_TIME_STEP (HOUR, 6), ATLAS_TIME_STEP (HOUR, 12) },
  { ATLAS_TIME_STEP (DAY, 1), ATLAS_TIME_STEP (DAY, 2), ATLAS_TIME_STEP (WEEK, 1) },
  { ATLAS_TIME_STEP (MONTH, 1), ATLAS_TIME_STEP (MONTH, 3), ATLAS_TIME_STEP (MONTH, 6) },
  { ATLAS_TIME_STEP (YEAR, 1), ATLAS_TIME_STEP (YEAR, 2), ATLAS_TIME_STEP (YEAR, 5) },
  { ATLAS_TIME_STEP (YEAR, 10), ATLAS_TIME_STEP (YEAR, 20), ATLAS_TIME_STEP (YEAR, 50) },
  { ATLAS_TIME_STEP (YEAR, 100), ATLAS_TIME_STEP (YEAR, 200), ATLAS_TIME_STEP (YEAR, 500) },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

static gint64
floor_mod (gint64 a,
           gint64 b)
{
  return a - floor_div (a, b) * b;
}

/**
 * atlas_day_from_civil:
 *
 * Returns: the days since 1970-01-01 of a date of the proleptic Gregorian calendar
 */
gint32
atlas_day_from_civil (int year,
                      int month,
                      int day)
{
  /* Counted in 400-year eras from 1 March, so the leap day ends a year (H. Hinnant). */
  gint64 y = year - (month <= 2);
  gint64 era = floor_div (y, 400);
  gint64 year_of_era = y - era * 400;
  gint64 day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return (gint32) (era * 146097 + day_of_era - 719468);
}

/**
 * atlas_day_to_civil:
 *
 * The inverse of atlas_day_from_civil().
 */
void
atlas_day_to_civil (gint32  day,
                    int    *year,
                    int    *month,
                    int    *mday)
{
  gint64 z = (gint64) day + 719468;
  gint64 era = floor_div (z, 146097);
  gint64 day_of_era = z - era * 146097;
  gint64 year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524
                        - day_of_era / 146096) / 365;
  gint64 day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  gint64 mp = (5 * day_of_year + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *mday = (int) (day_of_year - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = (int) (year_of_era + era * 400 + (m <= 2));
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month ((GDateMonth) month, (GDateYear) CLAMP (year, 1, G_MAXUINT16));
}

static double
floor_days (guint  count,
            gint32 day)
{
  int year, month, mday;

  if (count == 1)
    return day;
  /* Several days: counted from the first of each month, so ticks fall on 1, 3, 5… */
  atlas_day_to_civil (day, &year, &month, &mday);
  return day - (mday - 1) % (int) count;
}

static double
floor_months (guint  count,
              gint32 day)
{
  int year, month, mday;
  gint64 index;

  atlas_day_to_civil (day, &year, &month, &mday);
  index = (gint64) year * 12 + month - 1;
  index -= floor_mod (index, count);
  return atlas_day_from_civil ((int) floor_div (index, 12), (int) floor_mod (index, 12) + 1, 1);
}

static double
floor_years (guint  count,
             gint32 day)
{
  int year, month, mday;

  atlas_day_to_civil (day, &year, &month, &mday);
  return atlas_day_from_civil (year - (int) floor_mod (year, count), 1, 1);
}

/**
 * atlas_time_step_floor:
 *
 * Returns: the last boundary of @step at or before @time
 */
double
atlas_time_step_floor (AtlasTimeStep step,
                       double        time)
{
  gint32 day = (gint32) floor (time + BOUNDARY_EPSILON);
  gint64 hours;

  g_return_val_if_fail (step.count > 0, time);

  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_HOUR:
      hours = (gint64) floor (time * 24 + BOUNDARY_EPSILON);
      return (double) (hours - floor_mod (hours, step.count)) / 24;
    case ATLAS_TIME_UNIT_DAY:
      return floor_days (step.count, day);
    case ATLAS_TIME_UNIT_WEEK:
      return day - floor_mod (day - FIRST_MONDAY, 7 * (gint64) step.count);
    case ATLAS_TIME_UNIT_MONTH:
      return floor_months (step.count, day);
    case ATLAS_TIME_UNIT_YEAR:
      return floor_years (step.count, day);
    case ATLAS_TIME_N_UNITS:
    default:
      g_return_val_if_reached (time);
    }
}

static double
add_days (guint  count,
          gint32 day)
{
  int year, month, mday;

  if (count == 1)
    return day + 1;
  atlas_day_to_civil (day, &year, &month, &mday);
  if (mday + (int) count > days_in_month (year, month))
    return day + days_in_month (year, month) - mday + 1;
  return day + count;
}

static double
add_months (guint  count,
            gint32 day)
{
  int year, month, mday;
  gint64 index;

  atlas_day_to_civil (day, &year, &month, &mday);
  index = (gint64) year * 12 + month - 1 + count;
  return atlas_day_from_civil ((int) floor_div (index, 12), (int) floor_mod (index, 12) + 1, 1);
}

/**
 * atlas_time_step_next:
 *
 * Returns: the first boundary of @step after @time
 */
double
atlas_time_step_next (AtlasTimeStep step,
                      double        time)
{
  double boundary = atlas_time_step_floor (step, time);
  gint32 day = (gint32) floor (boundary + BOUNDARY_EPSILON);
  int year, month, mday;

  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_HOUR:
      return boundary + step.count / 24.0;
    case ATLAS_TIME_UNIT_DAY:
      return add_days (step.count, day);
    case ATLAS_TIME_UNIT_WEEK:
      return day + 7 * (double) step.count;
    case ATLAS_TIME_UNIT_MONTH:
      return add_months (step.count, day);
    case ATLAS_TIME_UNIT_YEAR:
      atlas_day_to_civil (day, &year, &month, &mday);
      return atlas_day_from_civil (year + (int) step.count, 1, 1);
    case ATLAS_TIME_N_UNITS:
    default:
      g_return_val_if_reached (time);
    }
}

/**
 * atlas_time_step_previous:
 *
 * Returns: the last boundary of @step before @time
 */
double
atlas_time_step_previous (AtlasTimeStep step,
                          double        time)
{
  double boundary = atlas_time_step_floor (step, time);

  if (boundary < time - BOUNDARY_EPSILON)
    return boundary;
  /* Boundaries are at least an hour apart: a minute back is inside the previous step. */
  return atlas_time_step_floor (step, boundary - 1.0 / 1440);
}

/**
 * atlas_time_step_get_days:
 *
 * Returns: the step's usual length in days (a month is 30.44)
 */
double
atlas_time_step_get_days (AtlasTimeStep step)
{
  static const double days[] = { 1.0 / 24, 1, 7, 365.2425 / 12, 365.2425 };

  g_return_val_if_fail (step.unit < ATLAS_TIME_N_UNITS, 1);
  return days[step.unit] * step.count;
}

gboolean
atlas_time_step_equal (AtlasTimeStep a,
                       AtlasTimeStep b)
{
  return a.unit == b.unit && a.count == b.count;
}

/**
 * atlas_time_scale_bin_step:
 * @px_per_day: the zoom
 * @min_px: the narrowest bar to draw
 *
 * Incidents are dated to the day, so a bin is never shorter.
 *
 * Returns: the finest step whose bins are at least @min_px wide
 */
AtlasTimeStep
atlas_time_scale_bin_step (double px_per_day,
                           double min_px)
{
  for (guint i = 0; i < G_N_ELEMENTS (bin_steps); i++)
    if (atlas_time_step_get_days (bin_steps[i]) * px_per_day >= min_px)
      return bin_steps[i];
  return bin_steps[G_N_ELEMENTS (bin_steps) - 1];
}

/**
 * atlas_time_scale_major_step:
 * @min_px: for each unit, the room its labels need
 *
 * Returns: the step of the axis's main labels ("January 2024", "2018"): the finest of day,
 *   month, year, decade, century and millennium whose labels fit
 */
AtlasTimeStep
atlas_time_scale_major_step (double       px_per_day,
                             const double min_px[ATLAS_TIME_N_UNITS])
{
  for (guint i = 0; i < G_N_ELEMENTS (major_steps); i++)
    if (atlas_time_step_get_days (major_steps[i]) * px_per_day >= min_px[major_steps[i].unit])
      return major_steps[i];
  return major_steps[G_N_ELEMENTS (major_steps) - 1];
}

/**
 * atlas_time_scale_minor_step:
 * @major: a step from atlas_time_scale_major_step()
 * @minor: (out): the step of the labels between two major ones
 *
 * Returns: whether any step dividing @major leaves its labels room
 */
gboolean
atlas_time_scale_minor_step (AtlasTimeStep  major,
                             double         px_per_day,
                             const double   min_px[ATLAS_TIME_N_UNITS],
                             AtlasTimeStep *minor)
{
  for (guint i = 0; i < G_N_ELEMENTS (major_steps); i++)
    {
      if (!atlas_time_step_equal (major, major_steps[i]))
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (minor_steps[i]) && minor_steps[i][j].count > 0; j++)
        if (atlas_time_step_get_days (minor_steps[i][j]) * px_per_day
            >= min_px[minor_steps[i][j].unit])
          {
            *minor = minor_steps[i][j];
            return TRUE;
          }
    }
  return FALSE;
}

static const char *
tick_format (AtlasTimeStep step,
             gboolean      major)
{
  switch (step.unit)
    {
    case ATLAS_TIME_UNIT_HOUR:
      /* Translators: a time on the timeline's axis, see g_date_time_format() */
      return C_("timeline tick", "%H:%M");
    case ATLAS_TIME_UNIT_DAY:
    case ATLAS_TIME_UNIT_WEEK:
      /* Translators: a day on the timeline's axis, as in "Wed 3 January 2024" (major) or
       * "3" (between months); see g_date_time_format() */
      return major ? C_("timeline tick", "%a %-d %B %Y") : C_("timeline tick", "%-d");
    case ATLAS_TIME_UNIT_MONTH:
      /* Translators: a month on the timeline's axis, "January 2024" (major) or "Apr"
       * (between years); %OB and %Ob are the month's name on its own */
      return major ? C_("timeline tick", "%OB %Y") : C_("timeline tick", "%Ob");
    case ATLAS_TIME_UNIT_YEAR:
    case ATLAS_TIME_N_UNITS:
    default:
      return "%Y";
    }
}

/**
 * atlas_time_scale_format_tick:
 * @major: whether this is a main label, which says more
 *
 * Returns: (transfer full) (nullable): the label of the boundary of @step at @time
 */
char *
atlas_time_scale_format_tick (AtlasTimeStep step,
                              gboolean      major,
                              double        time)
{
  g_autoptr(GDateTime) date_time = NULL;
  gint32 day = (gint32) floor (time + BOUNDARY_EPSILON);
  int year, month, mday, minutes;

  atlas_day_to_civil (day, &year, &month, &mday);
  minutes = (int) lround ((time - day) * 1440);
  date_time = g_date_time_new_utc (year, month, mday, CLAMP (minutes / 60, 0, 23),
                                   CLAMP (minutes % 60, 0, 59), 0);
  if (date_time == NULL)
    return NULL;
  return g_date_time_format (date_time, tick_format (step, major));
}
