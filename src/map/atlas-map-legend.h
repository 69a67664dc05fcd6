/* atlas-map-legend.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-case.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MAP_LEGEND (atlas_map_legend_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapLegend, atlas_map_legend, ATLAS, MAP_LEGEND, AdwBin)

void     atlas_map_legend_set_case      (AtlasMapLegend *self,
                                         AtlasCase      *atlas_case);
void     atlas_map_legend_fit           (AtlasMapLegend *self,
                                         double          open_area);
gboolean atlas_map_legend_get_collapsed (AtlasMapLegend *self);
gboolean atlas_map_legend_get_open      (AtlasMapLegend *self);

G_END_DECLS
