/* atlas-map-view.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "atlas-basemap.h"
#include "atlas-case.h"
#include "atlas-filter.h"
#include "atlas-density-layer.h"
#include "atlas-incident-layer.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

/* Where the map under the incidents comes from. */
typedef enum {
  ATLAS_BASEMAP_OFFLINE,
  ATLAS_BASEMAP_MBTILES,
  ATLAS_BASEMAP_ONLINE,
} AtlasBasemapKind;

#define ATLAS_TYPE_MAP_VIEW (atlas_map_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapView, atlas_map_view, ATLAS, MAP_VIEW, AdwBin)

void              atlas_map_view_set_case         (AtlasMapView   *self,
                                                   AtlasCase      *atlas_case);
void              atlas_map_view_set_selection    (AtlasMapView   *self,
                                                   AtlasSelection *selection);
void              atlas_map_view_set_filter       (AtlasMapView   *self,
                                                   AtlasFilter    *filter);
ShumateViewport  *atlas_map_view_get_viewport     (AtlasMapView   *self);
ShumateSimpleMap *atlas_map_view_get_simple_map   (AtlasMapView   *self);
void              atlas_map_view_reload           (AtlasMapView   *self);
void              atlas_map_view_set_caption      (AtlasMapView   *self,
                                                   GtkWidget      *caption);
void              atlas_map_view_set_controls_shown (AtlasMapView *self,
                                                   gboolean        shown);
void              atlas_map_view_get_free_area    (AtlasMapView   *self,
                                                   cairo_rectangle_t *area);
void              atlas_map_view_frame_case       (AtlasMapView   *self);
void              atlas_map_view_frame_bounds     (AtlasMapView   *self,
                                                   const AtlasBounds *bounds,
                                                   gboolean        animate);
void              atlas_map_view_refit            (AtlasMapView   *self);
void              atlas_map_view_frame_subject    (AtlasMapView   *self,
                                                   const AtlasBounds *subject,
                                                   gboolean        animate);
void              atlas_map_view_frame_record     (AtlasMapView   *self,
                                                   AtlasRecord    *record,
                                                   gboolean        animate);
void              atlas_map_view_show_at          (AtlasMapView   *self,
                                                   double          latitude,
                                                   double          longitude,
                                                   double          zoom);
AtlasRecord      *atlas_map_view_pick             (AtlasMapView   *self,
                                                   double          x,
                                                   double          y);
gboolean          atlas_map_view_set_basemap      (AtlasMapView   *self,
                                                   AtlasBasemapKind kind,
                                                   const char     *mbtiles_path,
                                                   GError        **error);
AtlasBasemapKind  atlas_map_view_get_basemap      (AtlasMapView   *self);
AtlasIncidentLayer *atlas_map_view_get_incident_layer (AtlasMapView *self);
gboolean          atlas_map_view_get_visible_bounds (AtlasMapView *self,
                                                     AtlasBounds  *bounds);
gboolean          atlas_map_view_is_settled       (AtlasMapView   *self);
void              atlas_map_view_set_density_shown (AtlasMapView  *self,
                                                    gboolean       shown);
gboolean          atlas_map_view_get_density_shown (AtlasMapView  *self);
GActionGroup     *atlas_map_view_get_view_actions  (AtlasMapView  *self);
AtlasDensityLayer *atlas_map_view_get_density_layer (AtlasMapView *self);

AtlasBasemap     *atlas_map_view_get_offline_basemap (AtlasMapView *self);

G_END_DECLS
