/* atlas-density-layer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-incident-layer.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DENSITY_LAYER (atlas_density_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDensityLayer, atlas_density_layer, ATLAS, DENSITY_LAYER, ShumateLayer)

AtlasDensityLayer *atlas_density_layer_new          (ShumateViewport    *viewport,
                                                     AtlasIncidentLayer *incidents);
double             atlas_density_layer_get_max      (AtlasDensityLayer  *self);
guint              atlas_density_layer_get_n_bins   (AtlasDensityLayer  *self);
double             atlas_density_layer_get_total    (AtlasDensityLayer  *self);

G_END_DECLS
