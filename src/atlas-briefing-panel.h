/* atlas-briefing-panel.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-case.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BRIEFING_PANEL (atlas_briefing_panel_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBriefingPanel, atlas_briefing_panel, ATLAS, BRIEFING_PANEL, AdwBin)

void         atlas_briefing_panel_set_case     (AtlasBriefingPanel *self,
                                                AtlasCase          *atlas_case);
void         atlas_briefing_panel_set_briefing (AtlasBriefingPanel *self,
                                                const char         *briefing_key,
                                                guint               start_position);
const char  *atlas_briefing_panel_get_briefing (AtlasBriefingPanel *self);
guint        atlas_briefing_panel_get_n_steps  (AtlasBriefingPanel *self);
guint        atlas_briefing_panel_get_position (AtlasBriefingPanel *self);
void         atlas_briefing_panel_set_position (AtlasBriefingPanel *self,
                                                guint               position);
AtlasRecord *atlas_briefing_panel_get_step     (AtlasBriefingPanel *self);
const char  *atlas_briefing_panel_get_sources_text (AtlasBriefingPanel *self);
gboolean     atlas_briefing_panel_is_fitting   (AtlasBriefingPanel *self);
void         atlas_briefing_panel_set_room     (AtlasBriefingPanel *self,
                                                int                 width,
                                                int                 height);

G_END_DECLS
