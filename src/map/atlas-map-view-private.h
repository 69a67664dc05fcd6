/* atlas-map-view-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map view's files share: its instance struct, and the few functions of one file
 * the other calls.
 */

#pragma once

#include "atlas-basemap-source.h"
#include "atlas-density-layer.h"
#include "atlas-filter-chips.h"
#include "atlas-incident-layer.h"
#include "atlas-map-legend.h"
#include "atlas-map-view.h"
#include "atlas-mbtiles-source.h"
#include "atlas-place-label-layer.h"
#include "atlas-route-layer.h"

G_BEGIN_DECLS

struct _AtlasMapView
{
  AdwBin            parent_instance;

  ShumateSimpleMap *map;
  AtlasMapLegend   *legend;
  GtkWidget        *legend_box;
  GtkWidget        *online_indicator;
  GtkWidget        *top_box;         /* the online indicator and the filter's chips */
  AtlasFilterChips *filter_chips;
  GtkWidget        *outside_chip;    /* "3 incidents outside this view" */
  GtkLabel         *outside_label;

  AtlasBasemapKind    basemap_kind;
  GtkWidget          *caption;       /* laid over the map by the window, or NULL */
  /* what the view framed last, framed again whenever the free part of the map changes
   * (the window, the sidebar, the caption), until the analyst moves the map */
  gboolean            keeps_framing;
  AtlasBounds         kept_bounds;   /* filling the free area, unless… */
  AtlasRecord        *kept_record;   /* …a point, at the free area's centre */
  cairo_rectangle_t   framed_area;   /* the free area it was framed in */
  int                 framed_width;  /* and the map's size then, 0 before it had one */
  int                 framed_height;
  gboolean            user_touched;  /* input reached the map since it was framed */
  gboolean            jumping;       /* the view is being moved by the code, not by hand */
  guint               reframe_id;
  guint               refit_id;
  AtlasMbtilesSource *mbtiles_source;

  AtlasTileRenderer  *basemap;
  AtlasBasemapSource *basemap_source;
  AtlasRouteLayer    *route_layer;
  AtlasIncidentLayer *incident_layer;
  AtlasDensityLayer  *density_layer;
  AtlasPlaceLabelLayer *place_label_layer;  /* the basemap's labels, after the case's */
  GSimpleActionGroup *view_actions;
  gboolean            density_shown;
  AtlasCase        *atlas_case;
  AtlasSelection   *selection;
  AtlasFilter      *filter;

  guint             describe_source;   /* the accessible description, once the view rests */

  /* the case's opening view (atlas-map-view-extent.c) */
  gboolean          frame_case_pending;  /* framed again once the incidents are loaded */
  guint64           n_left_out;          /* incidents the opening view left out */
  AtlasBounds       whole_extent;        /* around them all, framed by the chip */
};

void _atlas_map_view_fly_to       (AtlasMapView *self,
                                   double        latitude,
                                   double        longitude,
                                   double        zoom,
                                   gboolean      animate);
void _atlas_map_view_watch_size   (AtlasMapView *self);
void _atlas_map_view_user_moved   (AtlasMapView *self);
void _atlas_map_view_emit_resized (AtlasMapView *self);
void _atlas_map_view_watch_extent (AtlasMapView *self);
void _atlas_map_view_update_outside_chip (AtlasMapView *self);

G_END_DECLS
