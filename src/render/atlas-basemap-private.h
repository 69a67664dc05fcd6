/* atlas-basemap-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The basemap's instance, shared between atlas-basemap.c (loading, geometry, places) and
 * atlas-basemap-context.c (provinces and country outlines).
 */

#pragma once

#include "atlas-basemap.h"

G_BEGIN_DECLS

#define N_LOD_BANDS 5
#define N_ZOOM_SLOTS 32

typedef struct
{
  GArray *xy;      /* double pairs */
  GArray *offsets; /* guint32, n_arcs + 1 */
} ArcSet;

struct _AtlasBasemap
{
  GObject            parent_instance;

  AtlasGeometryTree *trees[N_LOD_BANDS];

  AtlasBasemapLabel *countries;
  guint              n_countries;
  AtlasBasemapLabel *places;     /* sorted by min_zoom, then priority */
  guint              n_places;
  GStringChunk      *names;

  AtlasBasemapLabel *provinces;  /* first-level divisions' label points, in priority order */
  guint              n_provinces;

  /* country outlines, as rings of normalised Web Mercator points */
  AtlasBasemapCountryShape *shapes;
  guint                     n_shapes;
  GArray                   *shape_xy;       /* double pairs */
  GArray                   *shape_offsets;  /* guint32 point offsets, total rings + 1 */

  guint              places_up_to_zoom[N_ZOOM_SLOTS];
  guint32           *grid_start;  /* PLACE_GRID_SIZE² + 1 offsets into grid_items */
  guint32           *grid_items;  /* place indices, ascending within a cell */
};

void     _atlas_basemap_arc_set_from_data    (ArcSet                  *arcs,
                                              const AtlasBasemapData  *data);
void     _atlas_basemap_arc_set_clear        (ArcSet                  *arcs);
void     _atlas_basemap_append_arc_to_ring   (const ArcSet            *arcs,
                                              gint32                   ref,
                                              GArray                  *ring);
void     _atlas_basemap_close_polar_ring     (GArray                  *ring);
gboolean _atlas_basemap_label_is_in_rect     (const AtlasBasemapLabel *label,
                                              const AtlasRect         *rect);
void     _atlas_basemap_build_country_shapes (AtlasBasemap            *self,
                                              AtlasBasemapData        *data);

G_END_DECLS
