/* atlas-incident.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_INCIDENT (atlas_incident_get_type ())

G_DECLARE_FINAL_TYPE (AtlasIncident, atlas_incident, ATLAS, INCIDENT, AtlasRecord)

AtlasIncident *atlas_incident_new (const char *key);

ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, title)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, category)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, start_time)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, start_precision)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, end_time)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, end_precision)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, place)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, admin_area)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, country)
ATLAS_RECORD_DECLARE_DOUBLE (AtlasIncident, atlas_incident, latitude)
ATLAS_RECORD_DECLARE_DOUBLE (AtlasIncident, atlas_incident, longitude)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, location_precision)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, location_source)
ATLAS_RECORD_DECLARE_TEXT (AtlasIncident, atlas_incident, summary)

G_END_DECLS
