/* atlas-waypoint.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One stop of a route, in order, with its date and location precision where known.
 */

#include "config.h"

#include "atlas-waypoint.h"

struct _AtlasWaypoint
{
  AtlasRecord parent_instance;

  char  *route_key;
  gint64 seq;
  char  *place;
  char  *admin_area;
  char  *country;
  double latitude;
  double longitude;
  char  *date;
  char  *date_precision;
  char  *location_precision;
  char  *location_source;
};

G_DEFINE_FINAL_TYPE (AtlasWaypoint, atlas_waypoint, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "route_key", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, route_key) },
  { "seq", ATLAS_FIELD_INT, G_STRUCT_OFFSET (AtlasWaypoint, seq) },
  { "place", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, place) },
  { "admin_area", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, admin_area) },
  { "country", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, country) },
  { "latitude", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasWaypoint, latitude) },
  { "longitude", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasWaypoint, longitude) },
  { "date", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, date) },
  { "date_precision", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, date_precision) },
  { "location_precision", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, location_precision) },
  { "location_source", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasWaypoint, location_source) },
};

static void
atlas_waypoint_class_init (AtlasWaypointClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "waypoints", "waypoint",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_waypoint_init (AtlasWaypoint *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasWaypoint *
atlas_waypoint_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_WAYPOINT, "key", key, NULL);
}
