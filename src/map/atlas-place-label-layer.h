/* atlas-place-label-layer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-incident-layer.h"
#include "atlas-route-layer.h"
#include "atlas-tile-renderer.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_PLACE_LABEL_LAYER (atlas_place_label_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasPlaceLabelLayer, atlas_place_label_layer, ATLAS, PLACE_LABEL_LAYER,
                      ShumateLayer)

AtlasPlaceLabelLayer *atlas_place_label_layer_new   (ShumateViewport         *viewport,
                                                     AtlasRouteLayer         *route_layer,
                                                     AtlasIncidentLayer      *incident_layer);
void    atlas_place_label_layer_set_renderer        (AtlasPlaceLabelLayer    *self,
                                                     AtlasTileRenderer       *renderer);
void    atlas_place_label_layer_set_obstacles       (AtlasPlaceLabelLayer    *self,
                                                     const cairo_rectangle_t *boxes,
                                                     guint                    n_boxes);
GArray *atlas_place_label_layer_get_placed          (AtlasPlaceLabelLayer    *self);

G_END_DECLS
