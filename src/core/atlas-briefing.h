/* atlas-briefing.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BRIEFING (atlas_briefing_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBriefing, atlas_briefing, ATLAS, BRIEFING, AtlasRecord)

AtlasBriefing *atlas_briefing_new (const char *key);

G_END_DECLS
