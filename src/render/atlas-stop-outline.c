/* atlas-stop-outline.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "atlas-stop-outline.h"

/**
 * atlas_stop_outline_find:
 * @waypoint: a route stop
 * @out_basemap: (out) (transfer none): the basemap the outline belongs to, when there is one
 *
 * Finds the basemap's outline of the country @waypoint is known only to (its precision is
 * "country"), by the waypoint's country or else its place.
 *
 * Returns: the outline's index, or -1 when there is none or the stop is known better than
 *   to a country: then it is drawn as any stop
 */
int
atlas_stop_outline_find (AtlasRecord   *waypoint,
                         AtlasBasemap **out_basemap)
{
  AtlasBasemap *basemap;
  int index;

  if (g_strcmp0 (atlas_record_get_text (waypoint, "location_precision"), "country") != 0)
    return -1;
  basemap = atlas_basemap_get_default (NULL);
  if (basemap == NULL)
    return -1;
  index = atlas_basemap_find_country_shape (basemap, atlas_record_get_text (waypoint, "country"));
  if (index < 0)
    index = atlas_basemap_find_country_shape (basemap, atlas_record_get_text (waypoint, "place"));
  *out_basemap = basemap;
  return index;
}
