/* atlas-tile-labels.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Place and country labels for one tile.  Which labels show is decided the
 * same way in every tile, from world-pixel boxes, so a label that crosses a
 * tile edge is drawn whole by both tiles and never shows half.
 */

#pragma once

#include <cairo.h>

#include "atlas-basemap.h"
#include "atlas-tile-style.h"

G_BEGIN_DECLS

/* Measured label sizes, shared by all threads: entries are written once with
 * atomic stores, and every thread would measure the same value. */
typedef struct _AtlasLabelCache AtlasLabelCache;

typedef struct
{
  AtlasBasemap           *basemap;
  AtlasLabelCache        *cache;
  const char             *font_family;
  const AtlasTilePalette *palette;
  int                     zoom;
  int                     tile_x;
  int                     tile_y;
  double                  tile_size;
  double                  text_scale;  /* the desktop's text scaling factor; 0 is 1 */
} AtlasTileLabelRequest;

/* A label shown in a tile; the box (without halo) is in world pixels at the
 * tile's zoom, so the same label has the same box in every tile. */
typedef struct
{
  const char *name;
  double      x0;
  double      y0;
  double      x1;
  double      y1;
  /* for atlas_tile_labels_draw_placed(): which label, drawn how, anchored where */
  guint       index;
  guint       label_class;
  double      anchor_x;
  double      anchor_y;
} AtlasPlacedLabel;

/* The labels of a view of the map at a fractional zoom, drawn over tiles drawn without
 * them: the candidates and their rule are those of the whole zoom below, placed at the
 * view's scale and left out under the obstacles. */
typedef struct
{
  AtlasTileLabelRequest    labels;       /* its tile_x and tile_y are not used */
  double                   origin_x;     /* the view's top-left, world pixels at the zoom */
  double                   origin_y;
  double                   width;        /* the view, in its pixels */
  double                   height;
  double                   scale;        /* the view's pixels per world pixel, 1 to 2 */
  const cairo_rectangle_t *obstacles;    /* in the view's pixels */
  guint                    n_obstacles;
} AtlasViewLabelRequest;

AtlasLabelCache *atlas_label_cache_new  (guint                        n_countries,
                                         guint                        n_places,
                                         guint                        n_provinces);
void             atlas_label_cache_free (AtlasLabelCache             *cache);

void             atlas_tile_labels_draw (cairo_t                     *cr,
                                         const AtlasTileLabelRequest *request);
GArray          *atlas_tile_labels_list (const AtlasTileLabelRequest *request);
GArray          *atlas_tile_labels_draw_view (cairo_t                     *cr,
                                              const AtlasViewLabelRequest *request);
void             atlas_tile_labels_draw_placed (cairo_t                     *cr,
                                                const AtlasTileLabelRequest *request,
                                                const AtlasPlacedLabel      *label,
                                                double                       x,
                                                double                       y);
double           atlas_tile_labels_halo_reach (const AtlasTileLabelRequest *request);

G_END_DECLS
