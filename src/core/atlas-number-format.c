/* atlas-number-format.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wording of counts, written once for the sidebar, the map and the page: grouped for
 * the locale ("1,000,000"), or short for a badge ("12k"); and what a case holds, in words
 * ("1 incident · 2 routes"), for the overview, the Import dialog and --import.
 */

#define G_LOG_DOMAIN "atlas-number-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "atlas-case.h"
#include "atlas-number-format.h"

/* Groups of three with @separator, from the right. */
static char *
group_digits (guint64     count,
              const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  GString *out = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * atlas_format_count:
 * @count: how many
 *
 * Writes @count with the locale's digit grouping. The C and POSIX locales group nothing,
 * but their messages are English: there a count is grouped the English way, with commas,
 * so that "1,000,000 incidents" reads as the sentence around it.
 *
 * Returns: (transfer full): the count, e.g. "1,000,000"
 */
char *
atlas_format_count (guint64 count)
{
  const struct lconv *conventions = localeconv ();

  if (conventions->thousands_sep != NULL && conventions->thousands_sep[0] != '\0')
    return g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
  return group_digits (count, ",");
}

/* @count in units of @unit, to one decimal below ten units, rounded down: a badge never
 * says more than there is. */
static char *
scaled (guint64 count,
        guint64 unit)
{
  if (count < 10 * unit)
    {
      guint64 tenths = count / (unit / 10);

      if (tenths % 10 == 0)
        return g_strdup_printf ("%" G_GUINT64_FORMAT, tenths / 10);
      /* %.1f writes the locale's decimal point */
      return g_strdup_printf ("%.1f", tenths / 10.0);
    }
  return g_strdup_printf ("%" G_GUINT64_FORMAT, count / unit);
}

/**
 * atlas_format_count_short:
 * @count: how many
 *
 * Writes @count in at most four characters and a suffix, for a badge on the map:
 * "999", "1.2k", "12k", "999k", "1.2M", "12M". Rounded down.
 *
 * Returns: (transfer full): the count
 */
char *
atlas_format_count_short (guint64 count)
{
  g_autofree char *number = NULL;

  if (count < 1000)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
  if (count < 1000000)
    {
      number = scaled (count, 1000);
      /* Translators: a count in thousands on a map badge, "12k" */
      return g_strdup_printf (C_("count", "%sk"), number);
    }
  number = scaled (count, 1000000);
  /* Translators: a count in millions on a map badge, "1.2M" */
  return g_strdup_printf (C_("count", "%sM"), number);
}

/* "%s incidents" for @n, its number grouped for the locale and its noun plural for it. */
static char *
counted (const char *singular,
         const char *plural,
         guint64     n)
{
  g_autofree char *number = atlas_format_count (n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, singular, plural, n), number);
}

/**
 * atlas_format_case_counts:
 * @counts: what a case or an import holds
 * @waypoints: whether the routes' waypoints are counted too
 * @separator: between the counts, e.g. " · "
 *
 * Returns: (transfer full): "1,000,000 incidents · 2 routes · 1 source · 122 claims", or with
 *   @waypoints "… 2 routes with 11 waypoints …"
 */
char *
atlas_format_case_counts (const AtlasCaseCounts *counts,
                          gboolean               waypoints,
                          const char            *separator)
{
  g_autofree char *incidents = counted (N_("%s incident"), N_("%s incidents"), counts->incidents);
  g_autofree char *routes = counted (N_("%s route"), N_("%s routes"), counts->routes);
  g_autofree char *sources = counted (N_("%s source"), N_("%s sources"), counts->documents);
  g_autofree char *claims = counted (N_("%s claim"), N_("%s claims"), counts->claims);

  if (waypoints)
    {
      g_autofree char *stops = counted (N_("%s waypoint"), N_("%s waypoints"),
                                        counts->waypoints);
      g_autofree char *with = NULL;

      /* Translators: "2 routes with 11 waypoints" */
      with = g_strdup_printf (_("%s with %s"), routes, stops);
      g_free (routes);
      routes = g_steal_pointer (&with);
    }
  return g_strjoin (separator, incidents, routes, sources, claims, NULL);
}
