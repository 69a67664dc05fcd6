/* atlas-geometry.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Flat storage of map outlines (land rings, coastlines, borders) in normalised
 * Web Mercator, with simplification and rectangle clipping.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_PART_LAND,   /* closed ring, filled with the even-odd rule */
  ATLAS_PART_COAST,  /* open polyline */
  ATLAS_PART_BORDER, /* open polyline */
  ATLAS_PART_PROVINCE_BORDER, /* open polyline, between first-level divisions */
  ATLAS_PART_RIVER,  /* open polyline */
  ATLAS_PART_HIGHWAY, /* open polyline, a main road: motorway or major highway */
  ATLAS_PART_ROAD,   /* open polyline, a main road of lesser standing */
} AtlasPartKind;

typedef enum
{
  ATLAS_AXIS_X,
  ATLAS_AXIS_Y,
} AtlasAxis;

typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
} AtlasRect;

typedef struct
{
  float x;
  float y;
} AtlasPoint;

typedef struct
{
  guint32 first;
  guint32 n_points;
  guint32 kind;
  float   x0;
  float   y0;
  float   x1;
  float   y1;
} AtlasPart;

typedef struct
{
  GArray *points; /* AtlasPoint */
  GArray *parts;  /* AtlasPart */
} AtlasGeometry;

AtlasGeometry *atlas_geometry_new          (void);
void           atlas_geometry_free         (AtlasGeometry       *geometry);
void           atlas_geometry_add_part     (AtlasGeometry       *geometry,
                                            AtlasPartKind        kind,
                                            const double        *xy,
                                            guint                n_points);
void           atlas_geometry_clip_into    (const AtlasGeometry *geometry,
                                            const AtlasRect     *rect,
                                            AtlasGeometry       *dest);
void           atlas_geometry_split        (const AtlasGeometry *geometry,
                                            AtlasAxis            axis,
                                            double               value,
                                            AtlasGeometry       *low,
                                            AtlasGeometry       *high);
guint          atlas_geometry_get_n_points (const AtlasGeometry *geometry);
void           atlas_geometry_shrink       (AtlasGeometry       *geometry);

gboolean       atlas_rect_intersects       (const AtlasRect     *a,
                                            const AtlasRect     *b);
void           atlas_rect_from_points      (AtlasRect           *rect,
                                            const double        *xy,
                                            guint                n_points);

void           atlas_simplify_polyline     (const double        *xy,
                                            guint                n_points,
                                            double               tolerance,
                                            GArray              *out_xy);
void           atlas_clip_ring             (const double        *xy,
                                            guint                n_points,
                                            const AtlasRect     *rect,
                                            GArray              *out_xy);
void           atlas_clip_polyline         (const double        *xy,
                                            guint                n_points,
                                            const AtlasRect     *rect,
                                            GArray              *out_xy,
                                            GArray              *out_lengths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasGeometry, atlas_geometry_free)

G_END_DECLS
