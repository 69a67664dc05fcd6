/* atlas-date-words.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates as people read them, the same on the map, on the page and in the panels: only as
 * precise as they are known ("2024-01" is "January 2024", never "1 January 2024"), and
 * text that is not a date comes back as it is.
 */

#define G_LOG_DOMAIN "atlas-core"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "atlas-date-words.h"

typedef enum {
  PARSED_YEAR = 1,
  PARSED_MONTH,
  PARSED_DAY,
} Parsed;

/* Reads "YYYY", "YYYY-MM" or "YYYY-MM-DD" (and ignores a time after it). */
static GDateTime *
parse (const char *date,
       Parsed     *parsed)
{
  int year = 0, month = 1, day = 1, n;
  char rest = '\0';

  n = sscanf (date, "%4d-%2d-%2d%c", &year, &month, &day, &rest);
  if (n < 1 || year < 1 || (n == 4 && rest != 'T')
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;
  *parsed = MIN (n, PARSED_DAY);
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

static char *
format (const char *date,
        const char *day_format,
        const char *month_format)
{
  g_autoptr(GDateTime) time = NULL;
  char *text = NULL;
  Parsed parsed;

  if (date == NULL || *date == '\0')
    return NULL;
  if ((time = parse (date, &parsed)) != NULL)
    text = g_date_time_format (time, parsed == PARSED_DAY ? day_format
                                     : parsed == PARSED_MONTH ? month_format : "%Y");
  return text != NULL ? text : g_strdup (date);
}

/**
 * atlas_date_words:
 * @date: (nullable): an ISO 8601 date as the case stores it
 * @precision: (nullable): the date's precision; "approximate" adds "about"
 *
 * Returns: (transfer full) (nullable): "5 January 2024", "January 2024" or "2024"
 */
char *
atlas_date_words (const char *date,
                  const char *precision)
{
  /* Translators: a day and a month, see g_date_time_format() */
  g_autofree char *text = format (date, C_("date format", "%-d %B %Y"),
                                  /* Translators: a month, see g_date_time_format() */
                                  C_("date format", "%B %Y"));

  if (text != NULL && g_strcmp0 (precision, "approximate") == 0)
    /* Translators: a date that is only approximately known */
    return g_strdup_printf (C_("date", "about %s"), text);
  return g_steal_pointer (&text);
}

/**
 * atlas_date_words_short:
 * @date: (nullable): an ISO 8601 date
 *
 * Returns: (transfer full) (nullable): the date in a few characters, for labels on a map:
 *   "5 Jan 2024", "Jan 2024" or "2024"
 */
char *
atlas_date_words_short (const char *date)
{
  /* Translators: a day in few characters, see g_date_time_format() */
  return format (date, C_("date format", "%-d %b %Y"),
                 /* Translators: a month in few characters, see g_date_time_format() */
                 C_("date format", "%b %Y"));
}

/**
 * atlas_date_words_short_range:
 * @first: (nullable): an ISO 8601 date
 * @last: (nullable): an ISO 8601 date
 *
 * Returns: (transfer full) (nullable): "13 Dec 2023 – 3 Jan 2024", or one date when both
 *   are the same; %NULL unless both are given
 */
char *
atlas_date_words_short_range (const char *first,
                              const char *last)
{
  g_autofree char *from = atlas_date_words_short (first);
  g_autofree char *to = atlas_date_words_short (last);

  if (from == NULL || to == NULL)
    return NULL;
  if (g_str_equal (from, to))
    return g_steal_pointer (&from);
  /* Translators: from one date to another */
  return g_strdup_printf (C_("date range", "%s – %s"), from, to);
}
