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
} AtlasPlacedLabel;

AtlasLabelCache *atlas_label_cache_new  (guint                        n_countries,
                                         guint                        n_places);
void             atlas_label_cache_free (AtlasLabelCache             *cache);

void             atlas_tile_labels_draw (cairo_t                     *cr,
                                         const AtlasTileLabelRequest *request);
GArray          *atlas_tile_labels_list (const AtlasTileLabelRequest *request);

G_END_DECLS
