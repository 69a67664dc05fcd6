/* atlas-route-layer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-case.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ROUTE_LAYER (atlas_route_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRouteLayer, atlas_route_layer, ATLAS, ROUTE_LAYER, ShumateLayer)

AtlasRouteLayer *atlas_route_layer_new          (ShumateViewport *viewport);
void             atlas_route_layer_set_case     (AtlasRouteLayer *self,
                                                 AtlasCase       *atlas_case);
void             atlas_route_layer_set_last_day (AtlasRouteLayer *self,
                                                 gint32           last_day);
void             atlas_route_layer_set_selected (AtlasRouteLayer *self,
                                                 AtlasRecord     *record);
AtlasRecord     *atlas_route_layer_pick         (AtlasRouteLayer *self,
                                                 double           x,
                                                 double           y);
gboolean         atlas_route_layer_get_bounds   (AtlasRouteLayer *self,
                                                 const char      *route_key,
                                                 AtlasBounds     *bounds);
gboolean         atlas_route_layer_get_extent   (AtlasRouteLayer *self,
                                                 AtlasBounds     *bounds);
void             atlas_route_layer_set_obstacles (AtlasRouteLayer        *self,
                                                  const cairo_rectangle_t *boxes,
                                                  guint                   n_boxes);
GArray          *atlas_route_layer_get_label_boxes (AtlasRouteLayer *self);
GArray          *atlas_route_layer_get_taken_boxes (AtlasRouteLayer *self);

G_END_DECLS
