/* fuzz-gpkg-geometry.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz harness: the store's GeoPackage geometry decoder. What decodes must encode back to
 * the same coordinates, and its bounds must hold them.
 */

#include "config.h"

#include <string.h>

#include "atlas-gpkg-geometry.h"
#include "fuzz-util.h"

static void
check_point (double latitude,
             double longitude)
{
  g_autoptr(GBytes) blob = atlas_gpkg_point_new (latitude, longitude);
  double lat2, lon2;

  if (!atlas_gpkg_point_decode (g_bytes_get_data (blob, NULL), g_bytes_get_size (blob),
                                &lat2, &lon2, NULL)
      || lat2 != latitude || lon2 != longitude)
    g_error ("point %g, %g does not survive encoding", latitude, longitude);
}

static void
check_line_string (const double *pairs,
                   guint         n_points)
{
  g_autoptr(GBytes) blob = atlas_gpkg_line_string_new (pairs, n_points);
  g_autofree double *again = NULL;
  AtlasBounds bounds;
  guint n_again = 0;

  again = atlas_gpkg_line_string_decode (g_bytes_get_data (blob, NULL),
                                         g_bytes_get_size (blob), &n_again, NULL);
  if (again == NULL || n_again != n_points
      || memcmp (again, pairs, 2 * n_points * sizeof (double)) != 0)
    g_error ("a line string of %u points does not survive encoding", n_points);

  /* NaN-free coordinates were decoded, so the bounds must be finite and hold them all */
  if (!atlas_gpkg_geometry_get_bounds (g_bytes_get_data (blob, NULL), g_bytes_get_size (blob),
                                       &bounds, NULL))
    g_error ("a line string of %u points has no bounds", n_points);
  for (guint i = 0; i < n_points; i++)
    if (pairs[2 * i] < bounds.min_lat || pairs[2 * i] > bounds.max_lat
        || pairs[2 * i + 1] < bounds.min_lon || pairs[2 * i + 1] > bounds.max_lon)
      g_error ("point %u of a line string is outside its bounds", i);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  AtlasBounds bounds;
  double latitude, longitude;
  g_autofree double *pairs = NULL;
  guint n_points = 0;

  fuzz_init ();

  atlas_gpkg_geometry_get_bounds (data, size, &bounds, NULL);
  if (atlas_gpkg_point_decode (data, size, &latitude, &longitude, NULL))
    check_point (latitude, longitude);
  pairs = atlas_gpkg_line_string_decode (data, size, &n_points, NULL);
  if (pairs != NULL)
    check_line_string (pairs, n_points);
  return 0;
}
