/* atlas-incident-layer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-case.h"
#include "atlas-cluster-index.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_INCIDENT_LAYER (atlas_incident_layer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasIncidentLayer, atlas_incident_layer, ATLAS, INCIDENT_LAYER, ShumateLayer)

AtlasIncidentLayer *atlas_incident_layer_new            (ShumateViewport    *viewport);
void                atlas_incident_layer_set_case       (AtlasIncidentLayer *self,
                                                         AtlasCase          *atlas_case,
                                                         AtlasFilter        *filter);
void                atlas_incident_layer_reload         (AtlasIncidentLayer *self,
                                                         AtlasCase          *atlas_case,
                                                         AtlasFilter        *filter);
void                atlas_incident_layer_set_selected   (AtlasIncidentLayer *self,
                                                         gint64              incident_id);
gboolean            atlas_incident_layer_pick           (AtlasIncidentLayer *self,
                                                         double              x,
                                                         double              y,
                                                         AtlasCluster       *cluster);
int                 atlas_incident_layer_get_expansion_zoom (AtlasIncidentLayer *self,
                                                         const AtlasCluster *cluster);
GArray             *atlas_incident_layer_get_visible_ids (AtlasIncidentLayer *self);
guint               atlas_incident_layer_count_in_view  (AtlasIncidentLayer *self);
gboolean            atlas_incident_layer_is_loading     (AtlasIncidentLayer *self);
AtlasClusterIndex  *atlas_incident_layer_get_index      (AtlasIncidentLayer *self);
GArray             *atlas_incident_layer_get_marker_boxes (AtlasIncidentLayer *self);

G_END_DECLS
