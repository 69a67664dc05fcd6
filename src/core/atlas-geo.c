/* atlas-geo.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Validation of coordinates and dates, and longitude/latitude boxes.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-geo.h"

#define TILE_SIZE 256.0
#define MAX_ZOOM 17.0
/* IUGG mean Earth radius */
#define EARTH_RADIUS_KM 6371.0088

G_DEFINE_QUARK (atlas-geo-error-quark, atlas_geo_error)

/**
 * atlas_validate_coordinate:
 *
 * Returns: %TRUE if @latitude is within −90…90 and @longitude within −180…180, both finite
 */
gboolean
atlas_validate_coordinate (double   latitude,
                           double   longitude,
                           GError **error)
{
  if (!isfinite (latitude) || latitude < -90.0 || latitude > 90.0)
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_LATITUDE,
                   _("latitude %g is outside −90…90"), latitude);
      return FALSE;
    }

  if (!isfinite (longitude) || longitude < -180.0 || longitude > 180.0)
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_LONGITUDE,
                   _("longitude %g is outside −180…180"), longitude);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_fixed_digits (const char *text,
                    guint       n_digits,
                    guint       min,
                    guint       max,
                    guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return value >= min && value <= max;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date; returns the length parsed or 0. */
static gsize
parse_calendar_date (const char *date)
{
  guint year, month, day;

  if (!parse_fixed_digits (date, 4, 1, 9999, &year))
    return 0;
  if (date[4] != '-')
    return 4;
  if (!parse_fixed_digits (date + 5, 2, 1, 12, &month))
    return 0;
  if (date[7] != '-')
    return 7;
  if (!parse_fixed_digits (date + 8, 2, 1, 31, &day)
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  return 10;
}

static gboolean
precision_matches (const char *precision,
                   gsize       date_length,
                   gboolean    has_time)
{
  if (g_str_equal (precision, "approximate"))
    return TRUE;
  if (g_str_equal (precision, "year"))
    return date_length == 4 && !has_time;
  if (g_str_equal (precision, "month"))
    return date_length == 7 && !has_time;
  if (g_str_equal (precision, "day"))
    return date_length == 10 && !has_time;
  if (g_str_equal (precision, "hour") || g_str_equal (precision, "minute"))
    return date_length == 10 && has_time;
  return FALSE;
}

/**
 * atlas_validate_date:
 * @date: an ISO 8601 date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a full date and time
 * @precision: year, month, day, hour, minute or approximate
 *
 * Returns: %TRUE if @date is a real date written to @precision
 */
gboolean
atlas_validate_date (const char  *date,
                     const char  *precision,
                     GError     **error)
{
  gsize length;
  gboolean has_time = FALSE;

  g_return_val_if_fail (date != NULL, FALSE);

  length = parse_calendar_date (date);
  if (length == 10 && date[10] == 'T')
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (date, utc);

      has_time = parsed != NULL;
      if (!has_time)
        length = 0;
    }
  else if (length > 0 && date[length] != '\0')
    length = 0;

  if (length == 0)
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_DATE,
                   _("“%s” is not an ISO 8601 date"), date);
      return FALSE;
    }

  if (precision == NULL || !precision_matches (precision, length, has_time))
    {
      g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_DATE,
                   _("date “%s” does not match its precision “%s”"),
                   date, precision ? precision : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * atlas_date_to_day:
 * @date: an ISO 8601 date of any precision: `YYYY`, `YYYY-MM`, `YYYY-MM-DD…`
 * @end_of_period: give the last day of a year or month rather than the first
 * @day: (out): days since 1970-01-01
 *
 * Returns: %FALSE when @date is not such a date
 */
gboolean
atlas_date_to_day (const char *date,
                   gboolean    end_of_period,
                   gint32     *day)
{
  guint year = 0, month = 1, mday = 1;
  gsize length;
  g_autoptr(GDate) parsed = NULL;

  if (date == NULL || (length = parse_calendar_date (date)) == 0)
    return FALSE;
  /* "99999-99-99" starts with a year, 9999, but is no date: only a time may follow */
  if (date[length] != '\0' && date[length] != 'T' && date[length] != ' ')
    return FALSE;
  parse_fixed_digits (date, 4, 1, 9999, &year);
  if (length >= 7)
    parse_fixed_digits (date + 5, 2, 1, 12, &month);
  if (length >= 10)
    parse_fixed_digits (date + 8, 2, 1, 31, &mday);

  parsed = g_date_new_dmy ((GDateDay) mday, (GDateMonth) month, (GDateYear) year);
  if (end_of_period && length == 4)
    g_date_set_dmy (parsed, 31, G_DATE_DECEMBER, (GDateYear) year);
  else if (end_of_period && length == 7)
    g_date_set_day (parsed, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));

  *day = (gint32) g_date_get_julian (parsed) - 719163;   /* Julian day of 1970-01-01 */
  return TRUE;
}

void
atlas_bounds_init_empty (AtlasBounds *bounds)
{
  bounds->min_lon = bounds->min_lat = INFINITY;
  bounds->max_lon = bounds->max_lat = -INFINITY;
}

gboolean
atlas_bounds_is_empty (const AtlasBounds *bounds)
{
  return !(bounds->min_lon <= bounds->max_lon && bounds->min_lat <= bounds->max_lat);
}

void
atlas_bounds_extend (AtlasBounds *bounds,
                     double       latitude,
                     double       longitude)
{
  bounds->min_lon = MIN (bounds->min_lon, longitude);
  bounds->max_lon = MAX (bounds->max_lon, longitude);
  bounds->min_lat = MIN (bounds->min_lat, latitude);
  bounds->max_lat = MAX (bounds->max_lat, latitude);
}

/* Whether the point lies within @bounds, edges included */
gboolean
atlas_bounds_contains (const AtlasBounds *bounds,
                       double             latitude,
                       double             longitude)
{
  return latitude >= bounds->min_lat && latitude <= bounds->max_lat
         && longitude >= bounds->min_lon && longitude <= bounds->max_lon;
}

static double
mercator_y (double latitude)
{
  double lat = CLAMP (latitude, -85.0511, 85.0511) * G_PI / 180.0;

  return log (tan (G_PI / 4 + lat / 2)) / (2 * G_PI);
}

/**
 * atlas_bounds_fit_zoom:
 *
 * Returns: the largest Web Mercator zoom level at which @bounds fits a view of
 *   @width_px × @height_px, with a margin; at most a street-level zoom for a single point
 */
double
atlas_bounds_fit_zoom (const AtlasBounds *bounds,
                       double             width_px,
                       double             height_px)
{
  double span_x = (bounds->max_lon - bounds->min_lon) / 360.0;
  double span_y = mercator_y (bounds->max_lat) - mercator_y (bounds->min_lat);
  double zoom_x, zoom_y;

  g_return_val_if_fail (!atlas_bounds_is_empty (bounds), 1.0);

  /* 20 % margin so markers at the edge are not cut */
  zoom_x = span_x > 0 ? log2 (width_px / (TILE_SIZE * span_x * 1.2)) : MAX_ZOOM;
  zoom_y = span_y > 0 ? log2 (height_px / (TILE_SIZE * span_y * 1.2)) : MAX_ZOOM;
  return CLAMP (floor (MIN (zoom_x, zoom_y)), 1.0, MAX_ZOOM);
}

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

/**
 * atlas_geo_distance_km:
 *
 * Returns: the great-circle distance between two points on a sphere of the Earth's mean
 *   radius, by the haversine formula (within 0.5 % of the ellipsoidal distance)
 */
double
atlas_geo_distance_km (double lat1,
                       double lon1,
                       double lat2,
                       double lon2)
{
  double dlat = radians (lat2 - lat1);
  double dlon = radians (lon2 - lon1);
  double a = sin (dlat / 2) * sin (dlat / 2)
             + cos (radians (lat1)) * cos (radians (lat2)) * sin (dlon / 2) * sin (dlon / 2);

  return 2 * EARTH_RADIUS_KM * asin (MIN (1.0, sqrt (a)));
}

/**
 * atlas_geo_format_distance:
 *
 * Returns: (transfer full): a distance for a map label, rounded as far as a great-circle
 *   figure deserves: "≈ 850 km", "≈ 12 km", "≈ 0.4 km"
 */
char *
atlas_geo_format_distance (double km)
{
  if (km >= 100)
    return g_strdup_printf (_("≈ %.0f km"), round (km / 10) * 10);
  if (km >= 10)
    return g_strdup_printf (_("≈ %.0f km"), km);
  return g_strdup_printf (_("≈ %.1f km"), km);
}
