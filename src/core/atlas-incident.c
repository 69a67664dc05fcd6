/* atlas-incident.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An incident: what happened, when and where, each with its precision.
 */

#include "config.h"

#include "atlas-incident.h"

struct _AtlasIncident
{
  AtlasRecord parent_instance;

  char  *title;
  char  *category;
  char  *start_time;
  char  *start_precision;
  char  *end_time;
  char  *end_precision;
  char  *place;
  char  *admin_area;
  char  *country;
  double latitude;
  double longitude;
  char  *location_precision;
  char  *location_source;
  char  *summary;
};

G_DEFINE_FINAL_TYPE (AtlasIncident, atlas_incident, ATLAS_TYPE_RECORD)

static const AtlasField fields[] = {
  { "title", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, title) },
  { "category", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, category) },
  { "start_time", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, start_time) },
  { "start_precision", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, start_precision) },
  { "end_time", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, end_time) },
  { "end_precision", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, end_precision) },
  { "place", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, place) },
  { "admin_area", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, admin_area) },
  { "country", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, country) },
  { "latitude", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasIncident, latitude) },
  { "longitude", ATLAS_FIELD_DOUBLE, G_STRUCT_OFFSET (AtlasIncident, longitude) },
  { "location_precision", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, location_precision) },
  { "location_source", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, location_source) },
  { "summary", ATLAS_FIELD_TEXT, G_STRUCT_OFFSET (AtlasIncident, summary) },
};

static void
atlas_incident_class_init (AtlasIncidentClass *klass)
{
  atlas_record_class_set_fields (ATLAS_RECORD_CLASS (klass), "incidents", "incident",
                                 fields, G_N_ELEMENTS (fields));
}

static void
atlas_incident_init (AtlasIncident *self)
{
  atlas_record_init_fields (ATLAS_RECORD (self));
}

AtlasIncident *
atlas_incident_new (const char *key)
{
  return g_object_new (ATLAS_TYPE_INCIDENT, "key", key, NULL);
}

/* typed accessors, one pair per field */
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, title)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, category)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, start_time)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, start_precision)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, end_time)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, end_precision)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, place)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, admin_area)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, country)
ATLAS_RECORD_DEFINE_DOUBLE (AtlasIncident, atlas_incident, latitude)
ATLAS_RECORD_DEFINE_DOUBLE (AtlasIncident, atlas_incident, longitude)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, location_precision)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, location_source)
ATLAS_RECORD_DEFINE_TEXT (AtlasIncident, atlas_incident, summary)
