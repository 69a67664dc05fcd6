/* atlas-import-values.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the values every import format shares: numbers written in C notation,
 * coordinates in degrees (refusing NaN, out-of-range and projected values) and dates in the
 * forms other tools write, mapped to the store's ISO 8601 date and precision.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-geo.h"
#include "atlas-import-error.h"
#include "atlas-import-values.h"

/* Longest date text we try to read; anything longer is not a date. */
#define MAX_DATE_LENGTH 64

/* Longest value a message quotes. */
#define MAX_QUOTED 40

gboolean
atlas_import_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text == '\0';
}

/* Digits, one optional point and exponent, and nothing else: no "nan", "inf", hex or
 * decimal commas, which strtod would take or stop at. */
static gboolean
is_decimal_number (const char *s)
{
  gboolean digits = FALSE;

  if (*s == '+' || *s == '-')
    s++;
  for (; g_ascii_isdigit (*s); s++)
    digits = TRUE;
  if (*s == '.')
    for (s++; g_ascii_isdigit (*s); s++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '+' || *s == '-')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  while (g_ascii_isspace (*s))
    s++;
  return *s == '\0';
}

/**
 * atlas_import_text_is_number:
 *
 * Returns: %TRUE if @text (surrounding spaces allowed) is written as a decimal number,
 *   whether or not a double holds it ("1e400" is written as one)
 */
gboolean
atlas_import_text_is_number (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  return is_decimal_number (text);
}

/**
 * atlas_import_parse_number:
 *
 * Returns: %TRUE if @text (surrounding spaces allowed) is a finite decimal number
 */
gboolean
atlas_import_parse_number (const char *text,
                           double     *value)
{
  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (!is_decimal_number (text))
    return FALSE;
  *value = g_ascii_strtod (text, NULL);
  return isfinite (*value);
}

/**
 * atlas_import_check_coordinate:
 *
 * Like atlas_validate_coordinate(), but it recognises values that are metres in a
 * projected system rather than degrees, which is what a wrongly declared file holds.
 */
gboolean
atlas_import_check_coordinate (double   latitude,
                               double   longitude,
                               GError **error)
{
  if (isfinite (latitude) && isfinite (longitude)
      && fabs (longitude) > 180.0 && fabs (latitude) > 90.0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("looks like projected coordinates (metres), not degrees"));
      return FALSE;
    }
  return atlas_validate_coordinate (latitude, longitude, error);
}

/* A value as a message quotes it: at most MAX_QUOTED bytes, cut at a character. */
static char *
quote_value (const char *text)
{
  g_autofree char *cut = NULL;

  if (strlen (text) <= MAX_QUOTED)
    return g_strdup (text);
  cut = g_utf8_make_valid (text, MAX_QUOTED);
  return g_strconcat (cut, "…", NULL);
}

static gboolean
parse_one_coordinate (const char  *text,
                      const char  *what,
                      double      *value,
                      GError     **error)
{
  if (atlas_import_text_is_blank (text))
    {
      /* Translators: %s is "latitude" or "longitude" */
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("empty %s"), what);
      return FALSE;
    }
  if (!atlas_import_parse_number (text, value))
    {
      g_autofree char *shown = quote_value (text);

      if (atlas_import_text_is_number (text))
        {
          /* Translators: "latitude 1e400 is beyond what a number can hold" */
          g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                       _("%s %s is beyond what a number can hold"), what, g_strstrip (shown));
          return FALSE;
        }

      /* Translators: "latitude “abc” is not a number" */
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("%s “%s” is not a number"), what, shown);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_import_parse_coordinate:
 *
 * Reads a latitude and a longitude written as text in degrees and checks them.
 */
gboolean
atlas_import_parse_coordinate (const char  *latitude_text,
                               const char  *longitude_text,
                               double      *latitude,
                               double      *longitude,
                               GError     **error)
{
  if (atlas_import_text_is_blank (latitude_text) && atlas_import_text_is_blank (longitude_text))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("empty coordinates"));
      return FALSE;
    }
  return parse_one_coordinate (latitude_text, _("latitude"), latitude, error)
         && parse_one_coordinate (longitude_text, _("longitude"), longitude, error)
         && atlas_import_check_coordinate (*latitude, *longitude, error);
}

static gboolean
read_digits (const char *text,
             guint       n_digits,
             guint      *value)
{
  *value = 0;
  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (guint) (text[i] - '0');
    }
  return TRUE;
}

static gboolean
set_day (guint        year,
         guint        month,
         guint        day,
         char       **date,
         const char **precision)
{
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  *date = g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  *precision = "day";
  return TRUE;
}

static void
insert_text (char       *buffer,
             gsize       size,
             gsize       at,
             const char *text)
{
  gsize length = strlen (buffer), n = strlen (text);

  if (length + n + 1 > size || at > length)
    return;
  memmove (buffer + at + n, buffer + at, length - at + 1);
  memcpy (buffer + at, text, n);
}

/* A full timestamp, converted to UTC; the store keeps minutes at most. One that leaves
 * the years 1…9999 once in UTC (9999-12-31T23:59-01:00) sets @out_of_range: GLib cannot
 * hold it, and has no UTC date to give for it. */
static gboolean
parse_timestamp (const char   *text,
                 char        **date,
                 const char  **precision,
                 gboolean     *out_of_range)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  char buffer[MAX_DATE_LENGTH + 1];

  g_strlcpy (buffer, text, sizeof buffer);
  buffer[10] = 'T';
  /* GLib wants seconds: "…T10:15" and "…T10" get ":00" added. */
  if (g_ascii_isdigit (buffer[11]) && g_ascii_isdigit (buffer[12]))
    {
      if (buffer[13] != ':')
        insert_text (buffer, sizeof buffer, 13, ":00");
      if (buffer[16] != ':')
        insert_text (buffer, sizeof buffer, 16, ":00");
    }
  parsed = g_date_time_new_from_iso8601 (buffer, utc);
  if (parsed == NULL)
    return FALSE;
  in_utc = g_date_time_to_utc (parsed);
  if (in_utc == NULL || g_date_time_get_year (in_utc) < 1 || g_date_time_get_year (in_utc) > 9999)
    {
      *out_of_range = TRUE;
      return FALSE;
    }
  *date = g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
  *precision = strlen (text) > 13 && text[13] == ':' ? "minute" : "hour";
  return TRUE;
}

/* YYYY, YYYY-MM, YYYY-MM-DD, YYYY/MM/DD and timestamps. */
static gboolean
parse_iso (const char   *text,
           gsize         length,
           char        **date,
           const char  **precision,
           gboolean     *out_of_range)
{
  guint year, month, day;

  if (!read_digits (text, 4, &year) || year < 1)
    return FALSE;
  if (length == 4)
    {
      *date = g_strndup (text, 4);
      *precision = "year";
      return TRUE;
    }
  if ((text[4] != '-' && text[4] != '/') || length < 7 || !read_digits (text + 5, 2, &month)
      || month < 1 || month > 12)
    return FALSE;
  if (length == 7)
    {
      *date = g_strdup_printf ("%04u-%02u", year, month);
      *precision = "month";
      return TRUE;
    }
  if (text[7] != text[4] || length < 10 || !read_digits (text + 8, 2, &day))
    return FALSE;
  if (length == 10)
    return set_day (year, month, day, date, precision);
  if (text[4] == '-' && (text[10] == 'T' || text[10] == ' '))
    return parse_timestamp (text, date, precision, out_of_range);
  return FALSE;
}

static guint
month_from_name (const char *name)
{
  static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  };
  gsize length = strlen (name);

  if (length < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (months[i], name, length) == 0
        && (length == 3 || length == strlen (months[i])
            || (i == 8 && length == 4)))  /* "Sept" */
      return i + 1;
  return 0;
}

static gboolean
parse_number_token (const char *token,
                    guint       max_digits,
                    guint      *value)
{
  gsize length = strlen (token);

  return length > 0 && length <= max_digits && read_digits (token, (guint) length, value);
}

/* "03 January 2024", "3-Jan-2024", "January 3, 2024": how ACLED and spreadsheets write. */
static gboolean
parse_month_name (const char   *text,
                  char        **date,
                  const char  **precision)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " -,", -1);
  const char *parts[3];
  guint n = 0, day, month, year;

  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      {
        if (n == 3)
          return FALSE;
        parts[n++] = tokens[i];
      }
  if (n != 3 || !parse_number_token (parts[2], 4, &year) || strlen (parts[2]) != 4)
    return FALSE;
  if ((month = month_from_name (parts[1])) != 0)
    return parse_number_token (parts[0], 2, &day) && set_day (year, month, day, date, precision);
  if ((month = month_from_name (parts[0])) != 0)
    return parse_number_token (parts[1], 2, &day) && set_day (year, month, day, date, precision);
  return FALSE;
}

/**
 * atlas_import_parse_date:
 * @date: (out): the date as the store keeps it: YYYY, YYYY-MM, YYYY-MM-DD or a UTC timestamp
 * @precision: (out): year, month, day, hour or minute
 *
 * Returns: %FALSE with an error naming @text when it is not a date in a form we know
 */
gboolean
atlas_import_parse_date (const char   *text,
                         char        **date,
                         const char  **precision,
                         GError      **error)
{
  g_autofree char *trimmed = NULL;
  gboolean out_of_range = FALSE;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);

  trimmed = g_strstrip (g_strndup (text, MAX_DATE_LENGTH + 1));
  length = strlen (trimmed);
  if (length > 0 && length <= MAX_DATE_LENGTH
      && (parse_iso (trimmed, length, date, precision, &out_of_range)
          || parse_month_name (trimmed, date, precision)))
    return TRUE;
  if (out_of_range)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("the date “%s” falls outside the years 1 to 9999 once in UTC"), trimmed);
      return FALSE;
    }

  /* The message quotes at most MAX_DATE_LENGTH bytes, made valid where that cut a character. */
  if (length > MAX_DATE_LENGTH)
    {
      g_autofree char *valid = g_utf8_make_valid (trimmed, MAX_DATE_LENGTH);

      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("unparseable date “%s…”"), valid);
      return FALSE;
    }
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
               _("unparseable date “%s”"), trimmed);
  return FALSE;
}
