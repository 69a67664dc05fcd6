/* atlas-geo.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_GEO_ERROR (atlas_geo_error_quark ())

typedef enum {
  ATLAS_GEO_ERROR_LATITUDE,
  ATLAS_GEO_ERROR_LONGITUDE,
  ATLAS_GEO_ERROR_DATE,
} AtlasGeoError;

/* The first and last day of something, as days since 1970-01-01. */
typedef struct {
  gint32 first;
  gint32 last;
} AtlasDaySpan;

/* A longitude/latitude box in degrees (WGS 84). */
typedef struct {
  double min_lon;
  double min_lat;
  double max_lon;
  double max_lat;
} AtlasBounds;

GQuark   atlas_geo_error_quark      (void);

gboolean atlas_validate_coordinate  (double        latitude,
                                     double        longitude,
                                     GError      **error);
gboolean atlas_validate_date        (const char   *date,
                                     const char   *precision,
                                     GError      **error);

gboolean atlas_date_to_day          (const char   *date,
                                     gboolean      end_of_period,
                                     gint32       *day);
void     atlas_bounds_init_empty    (AtlasBounds  *bounds);
gboolean atlas_bounds_is_empty      (const AtlasBounds *bounds);
void     atlas_bounds_extend        (AtlasBounds  *bounds,
                                     double        latitude,
                                     double        longitude);
gboolean atlas_bounds_contains      (const AtlasBounds *bounds,
                                     double        latitude,
                                     double        longitude);
double   atlas_geo_distance_km      (double        lat1,
                                     double        lon1,
                                     double        lat2,
                                     double        lon2);
char    *atlas_geo_format_distance  (double        km);
double   atlas_bounds_fit_zoom      (const AtlasBounds *bounds,
                                     double        width_px,
                                     double        height_px);

G_END_DECLS
