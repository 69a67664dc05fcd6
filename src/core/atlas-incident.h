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

G_END_DECLS
