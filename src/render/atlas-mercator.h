/* atlas-mercator.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Web Mercator (EPSG:3857) projection and slippy-map tile arithmetic.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Latitude at which Web Mercator becomes square: atan (sinh (π)). */
#define ATLAS_MERCATOR_MAX_LATITUDE 85.0511287798066
#define ATLAS_MERCATOR_MAX_ZOOM 22

/* Normalised Web Mercator: x and y run from 0 to 1 over the world, x to the
 * east starting at 180° W, y to the south starting at the top latitude. */
double   atlas_mercator_x_from_longitude (double longitude);
double   atlas_mercator_y_from_latitude  (double latitude);
double   atlas_mercator_longitude_from_x (double x);
double   atlas_mercator_latitude_from_y  (double y);

void     atlas_mercator_lonlat_to_tile_pixel (double  longitude,
                                              double  latitude,
                                              int     zoom,
                                              int     tile_x,
                                              int     tile_y,
                                              double  tile_size,
                                              double *out_px,
                                              double *out_py);
void     atlas_mercator_tile_pixel_to_lonlat (int     zoom,
                                              int     tile_x,
                                              int     tile_y,
                                              double  tile_size,
                                              double  px,
                                              double  py,
                                              double *out_longitude,
                                              double *out_latitude);
void     atlas_mercator_lonlat_to_tile       (double  longitude,
                                              double  latitude,
                                              int     zoom,
                                              int    *out_tile_x,
                                              int    *out_tile_y);
gboolean atlas_mercator_tile_is_valid        (int     zoom,
                                              int     tile_x,
                                              int     tile_y);

G_END_DECLS
