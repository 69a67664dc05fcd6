/* atlas-route-painter.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "atlas-map-style.h"
#include "atlas-record.h"

G_BEGIN_DECLS

/* Where a drawing goes: the sizes of its lines, symbols and text follow. */
typedef enum {
  ATLAS_ROUTE_MEDIUM_SCREEN,   /* widget pixels */
  ATLAS_ROUTE_MEDIUM_PAPER,    /* points */
} AtlasRouteMedium;

typedef enum {
  ATLAS_ROUTE_LABEL_CENTRED = 1 << 0,  /* else left-anchored at its vertical middle */
  ATLAS_ROUTE_LABEL_SMALL   = 1 << 1,
  ATLAS_ROUTE_LABEL_BOLD    = 1 << 2,
  ATLAS_ROUTE_LABEL_DIM     = 1 << 3,  /* of something out of focus */
} AtlasRouteLabelFlags;

typedef enum {
  ATLAS_ROUTE_WAYPOINT_EMPHASISED  = 1 << 0,  /* selected, or the subject of the page */
  ATLAS_ROUTE_WAYPOINT_RING        = 1 << 1,  /* a highlight ring around it */
  ATLAS_ROUTE_WAYPOINT_NOT_REACHED = 1 << 2,  /* dated after the time shown */
} AtlasRouteWaypointFlags;

typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} AtlasLabelColour;

/* Where a latitude and longitude fall in the drawing's coordinates. */
typedef void (*AtlasRouteProjectFunc) (gpointer  user_data,
                                       double    latitude,
                                       double    longitude,
                                       double   *x,
                                       double   *y);

typedef struct {
  AtlasRouteMedium       medium;
  gboolean               dark;          /* drawn over the dark basemap */
  double                 text_scale;    /* the desktop's text scaling factor, on screen */
  AtlasRouteProjectFunc  project;
  gpointer               project_data;
} AtlasRoutePainter;

void         atlas_route_painter_init            (AtlasRoutePainter       *self,
                                                  AtlasRouteMedium         medium,
                                                  AtlasRouteProjectFunc    project,
                                                  gpointer                 project_data);
void         atlas_route_painter_project         (const AtlasRoutePainter *self,
                                                  AtlasRecord             *waypoint,
                                                  double                  *x,
                                                  double                  *y);
void         atlas_route_painter_draw_line       (const AtlasRoutePainter *self,
                                                  cairo_t                 *cr,
                                                  AtlasRecord             *route,
                                                  GPtrArray               *waypoints,
                                                  gboolean                 emphasised);
void         atlas_route_painter_draw_waypoint   (const AtlasRoutePainter *self,
                                                  cairo_t                 *cr,
                                                  AtlasRecord             *route,
                                                  GPtrArray               *waypoints,
                                                  guint                    index,
                                                  AtlasRouteWaypointFlags  flags);
void         atlas_route_painter_draw_sample     (const AtlasRoutePainter *self,
                                                  cairo_t                 *cr,
                                                  double                   x,
                                                  double                   y,
                                                  double                   width,
                                                  AtlasRouteSample         sample);
double       atlas_route_painter_waypoint_radius (const AtlasRoutePainter *self,
                                                  gboolean                 emphasised);
char        *atlas_route_painter_leg_label       (const AtlasRoutePainter *self,
                                                  AtlasRecord             *from,
                                                  AtlasRecord             *to,
                                                  double                  *x,
                                                  double                  *y);
PangoLayout *atlas_route_painter_create_layout   (const AtlasRoutePainter *self,
                                                  cairo_t                 *cr,
                                                  const char              *text,
                                                  AtlasRouteLabelFlags     flags);
void         atlas_route_painter_show_layout     (const AtlasRoutePainter *self,
                                                  cairo_t                 *cr,
                                                  PangoLayout             *layout,
                                                  double                   x,
                                                  double                   y,
                                                  AtlasRouteLabelFlags     flags);
void         atlas_route_painter_show_card      (const AtlasRoutePainter *self,
                                                  cairo_t                 *cr,
                                                  PangoLayout             *layout,
                                                  double                   x,
                                                  double                   y,
                                                  AtlasRouteLabelFlags     flags);
void         atlas_route_painter_show_label      (const AtlasRoutePainter *self,
                                                  cairo_t                 *cr,
                                                  const char              *text,
                                                  double                   x,
                                                  double                   y,
                                                  AtlasRouteLabelFlags     flags);

gboolean     atlas_route_is_reported             (AtlasRecord             *route);
AtlasRouteSample atlas_route_sample_of           (AtlasRecord             *route);
gboolean     atlas_route_leg_path_known          (AtlasRecord             *from,
                                                  AtlasRecord             *to);
char        *atlas_route_place_label             (AtlasRecord             *record);
char        *atlas_route_stop_label              (AtlasRecord             *waypoint);

void         atlas_route_painter_get_label_colours (const AtlasRoutePainter *self,
                                                    AtlasRouteLabelFlags     flags,
                                                    AtlasLabelColour        *text,
                                                    AtlasLabelColour        *halo);

G_END_DECLS
