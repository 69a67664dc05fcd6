/* atlas-stop-outline.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whether a route stop is drawn as a country's outline rather than as a point: one decision
 * for the route painter, which draws the outline, and the map framing, which keeps it in view.
 */

#pragma once

#include "atlas-basemap.h"
#include "atlas-record.h"

G_BEGIN_DECLS

int atlas_stop_outline_find (AtlasRecord   *waypoint,
                             AtlasBasemap **out_basemap);

G_END_DECLS
