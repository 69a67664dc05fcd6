/* atlas-briefing-step.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BRIEFING_STEP (atlas_briefing_step_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBriefingStep, atlas_briefing_step, ATLAS, BRIEFING_STEP, AtlasRecord)

AtlasBriefingStep *atlas_briefing_step_new      (const char  *key);
gboolean           atlas_briefing_step_get_view (AtlasRecord *step,
                                                 double      *center_lat,
                                                 double      *center_lon,
                                                 double      *zoom);
AtlasRecord       *atlas_briefing_step_duplicate (AtlasRecord *step,
                                                  const char  *key);

G_END_DECLS
