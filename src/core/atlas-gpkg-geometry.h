/* atlas-gpkg-geometry.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "atlas-geo.h"

G_BEGIN_DECLS

#define ATLAS_GPKG_SRS_WGS84 4326

#define ATLAS_GPKG_GEOMETRY_ERROR (atlas_gpkg_geometry_error_quark ())

typedef enum {
  ATLAS_GPKG_GEOMETRY_ERROR_INVALID,
  ATLAS_GPKG_GEOMETRY_ERROR_UNSUPPORTED,
} AtlasGpkgGeometryError;

GQuark    atlas_gpkg_geometry_error_quark    (void);

GBytes   *atlas_gpkg_point_new               (double          latitude,
                                              double          longitude);
GBytes   *atlas_gpkg_line_string_new         (const double   *lat_lon_pairs,
                                              guint           n_points);
gboolean  atlas_gpkg_geometry_get_bounds     (const guint8   *blob,
                                              gsize           length,
                                              AtlasBounds    *bounds,
                                              GError        **error);
gboolean  atlas_gpkg_point_decode            (const guint8   *blob,
                                              gsize           length,
                                              double         *latitude,
                                              double         *longitude,
                                              GError        **error);
double   *atlas_gpkg_line_string_decode      (const guint8   *blob,
                                              gsize           length,
                                              guint          *n_points,
                                              GError        **error);
int       atlas_gpkg_register_sql_functions  (sqlite3        *db);

G_END_DECLS
