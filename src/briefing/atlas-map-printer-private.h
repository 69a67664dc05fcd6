/* atlas-map-printer-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map printer's files share: its instance struct, the projection of one drawing,
 * and the room its labels may take.
 */

#pragma once

#include <pango/pangocairo.h>

#include "atlas-cluster-index.h"
#include "atlas-map-printer.h"
#include "atlas-label-space.h"
#include "atlas-route-painter.h"

G_BEGIN_DECLS

typedef struct {
  AtlasRecord *route;
  GPtrArray   *waypoints;   /* AtlasRecord, in travel order */
} AtlasPrintedRoute;

struct _AtlasMapPrinter
{
  GObject            parent_instance;

  /* owned; the printer is used by one thread at a time and shares nothing with widgets */
  AtlasTileRenderer *renderer;
  AtlasCase         *atlas_case;
  GPtrArray         *routes;        /* AtlasPrintedRoute */
  GArray            *points;        /* AtlasMapPoint, in id order */
  GByteArray        *precisions;    /* AtlasLocationPrecision, parallel to points */
  char             **categories;    /* names the points' category indexes refer to */
  AtlasClusterIndex *index;         /* NULL for a case without incidents */

  char              *highlight_kind;
  char              *highlight_key;
  gint64             highlight_id;  /* the highlighted incident's row id, or -1 */
  double             scale_factor;
  double             magnification;
};

/* One drawing's projection: world points at the frame's zoom, and where the view starts. */
typedef struct {
  double world;         /* points across the world */
  double left;          /* the view's top-left corner, world points */
  double top;
  double width;         /* the view's size, points */
  double height;
  double zoom;
  double latitude;      /* the frame's centre, for the scale bar */
  double pixel_density; /* basemap image pixels per point */
  int    tile_zoom;     /* zoom of the basemap tiles */
  int    tile_size;     /* a tile's side for the tile renderer, its pixels */
  double tile_scale;    /* image pixels per tile renderer pixel */
  int    tile_pixels;   /* a tile's side in image pixels */
} AtlasPrintView;

/* Where labels may go: inside the map, off the labels and symbols already drawn. */
typedef struct {
  AtlasRoutePainter painter;    /* for paper, projecting with the view */
  AtlasLabelSpace   space;
  GArray           *incidents;  /* AtlasPrintedIncident: the single incidents drawn, to label */
} AtlasPrintLabels;

typedef struct {
  gint64 id;
  double x;
  double y;
  double radius;
} AtlasPrintedIncident;

/* Where the map's scale bar, legend and attribution go, in the map's points. */
typedef struct {
  cairo_rectangle_t scale_bar;
  cairo_rectangle_t legend;      /* of no height when there is nothing to explain */
  cairo_rectangle_t attribution;
} AtlasPrintFurniture;

typedef enum {
  ATLAS_PRINT_LABEL_SMALL = 1 << 0,
  ATLAS_PRINT_LABEL_BOLD  = 1 << 1,
  ATLAS_PRINT_LABEL_DIM   = 1 << 2,   /* of something out of focus */
} AtlasPrintLabelFlags;

/* What a drawing showed, for its legend. */
typedef struct {
  guint32      categories;      /* bit i: category i of the printer was drawn */
  GPtrArray   *routes;          /* AtlasPrintedRoute near the view, borrowed; NULL for none */
  AtlasRecord *path_not_given;  /* borrowed: the first of them with a leg no source gives
                                 * the path of, whose colour the legend dots; or NULL */
  gboolean     halo;
} AtlasPrintLegend;

void     _atlas_print_view_project            (const AtlasPrintView *view,
                                               double                latitude,
                                               double                longitude,
                                               double               *x,
                                               double               *y);

void     _atlas_print_labels_init             (AtlasPrintLabels     *labels,
                                               const AtlasPrintView *view);
void     _atlas_print_labels_clear            (AtlasPrintLabels     *labels);
void     _atlas_print_labels_reserve          (AtlasPrintLabels     *labels,
                                               const cairo_rectangle_t *box);
void     _atlas_print_labels_reserve_symbol   (AtlasPrintLabels     *labels,
                                               double                x,
                                               double                y,
                                               double                radius);
gboolean _atlas_print_labels_take_place       (AtlasPrintLabels     *labels,
                                               double                x,
                                               double                y);
gboolean _atlas_print_labels_draw_centred     (AtlasPrintLabels     *labels,
                                               cairo_t              *cr,
                                               const char           *text,
                                               double                x,
                                               double                y,
                                               AtlasPrintLabelFlags  flags);
gboolean _atlas_print_labels_draw_beside      (AtlasPrintLabels     *labels,
                                               cairo_t              *cr,
                                               const char           *text,
                                               double                x,
                                               double                y,
                                               double                radius,
                                               AtlasPrintLabelFlags  flags);

void     _atlas_map_printer_draw_routes       (AtlasMapPrinter      *self,
                                               cairo_t              *cr,
                                               const AtlasPrintView *view,
                                               AtlasPrintLabels     *labels,
                                               AtlasPrintLegend     *legend);
void     _atlas_map_printer_draw_incidents    (AtlasMapPrinter      *self,
                                               cairo_t              *cr,
                                               const AtlasPrintView *view,
                                               AtlasPrintLabels     *labels,
                                               AtlasPrintLegend     *legend);
void     _atlas_map_printer_draw_labels       (AtlasMapPrinter      *self,
                                               cairo_t              *cr,
                                               const AtlasPrintView *view,
                                               AtlasPrintLabels     *labels);
void     _atlas_map_printer_place_furniture   (AtlasMapPrinter      *self,
                                               cairo_t              *cr,
                                               const AtlasPrintView *view,
                                               const AtlasPrintLegend *legend,
                                               AtlasPrintFurniture  *furniture);
void     _atlas_map_printer_draw_furniture    (AtlasMapPrinter      *self,
                                               cairo_t              *cr,
                                               const AtlasPrintView *view,
                                               const AtlasPrintLegend *legend,
                                               const AtlasPrintFurniture *furniture);
PangoLayout *_atlas_map_printer_create_layout (cairo_t              *cr,
                                               const char           *text,
                                               double                size,
                                               PangoWeight           weight);

G_END_DECLS
