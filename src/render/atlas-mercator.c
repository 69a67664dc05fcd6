/* atlas-mercator.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Web Mercator (EPSG:3857) projection and slippy-map tile arithmetic.
 */

#include "atlas-mercator.h"

#include <math.h>

double
atlas_mercator_x_from_longitude (double longitude)
{
  return longitude / 360.0 + 0.5;
}

double
atlas_mercator_y_from_latitude (double latitude)
{
  double phi = CLAMP (latitude, -ATLAS_MERCATOR_MAX_LATITUDE, ATLAS_MERCATOR_MAX_LATITUDE)
               * G_PI / 180.0;

  return 0.5 - log (tan (G_PI / 4.0 + phi / 2.0)) / (2.0 * G_PI);
}

double
atlas_mercator_longitude_from_x (double x)
{
  return (x - 0.5) * 360.0;
}

double
atlas_mercator_latitude_from_y (double y)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

void
atlas_mercator_lonlat_to_tile_pixel (double  longitude,
                                     double  latitude,
                                     int     zoom,
                                     int     tile_x,
                                     int     tile_y,
                                     double  tile_size,
                                     double *out_px,
                                     double *out_py)
{
  double tiles = ldexp (1.0, zoom);

  *out_px = (atlas_mercator_x_from_longitude (longitude) * tiles - tile_x) * tile_size;
  *out_py = (atlas_mercator_y_from_latitude (latitude) * tiles - tile_y) * tile_size;
}

void
atlas_mercator_tile_pixel_to_lonlat (int     zoom,
                                     int     tile_x,
                                     int     tile_y,
                                     double  tile_size,
                                     double  px,
                                     double  py,
                                     double *out_longitude,
                                     double *out_latitude)
{
  double tiles = ldexp (1.0, zoom);

  *out_longitude = atlas_mercator_longitude_from_x ((tile_x + px / tile_size) / tiles);
  *out_latitude = atlas_mercator_latitude_from_y ((tile_y + py / tile_size) / tiles);
}

void
atlas_mercator_lonlat_to_tile (double  longitude,
                               double  latitude,
                               int     zoom,
                               int    *out_tile_x,
                               int    *out_tile_y)
{
  double tiles = ldexp (1.0, zoom);
  double last = tiles - 1.0;

  double x = floor (atlas_mercator_x_from_longitude (longitude) * tiles);
  double y = floor (atlas_mercator_y_from_latitude (latitude) * tiles);

  *out_tile_x = (int) CLAMP (x, 0.0, last);
  *out_tile_y = (int) CLAMP (y, 0.0, last);
}

gboolean
atlas_mercator_tile_is_valid (int zoom,
                              int tile_x,
                              int tile_y)
{
  gint64 tiles;

  if (zoom < 0 || zoom > ATLAS_MERCATOR_MAX_ZOOM)
    return FALSE;

  tiles = G_GINT64_CONSTANT (1) << zoom;
  return tile_x >= 0 && tile_x < tiles && tile_y >= 0 && tile_y < tiles;
}
