/* atlas-waypoint.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WAYPOINT (atlas_waypoint_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWaypoint, atlas_waypoint, ATLAS, WAYPOINT, AtlasRecord)

AtlasWaypoint *atlas_waypoint_new (const char *key);

G_END_DECLS
