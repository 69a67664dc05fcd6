/* atlas-route.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ROUTE (atlas_route_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRoute, atlas_route, ATLAS, ROUTE, AtlasRecord)

AtlasRoute *atlas_route_new (const char *key);

G_END_DECLS
