/* atlas-map-framing.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-case.h"
#include "atlas-cluster-index.h"
#include "atlas-geo.h"

G_BEGIN_DECLS

/* What a map shows: its centre and a Web Mercator zoom level, which may be fractional. At
 * zoom z the world is 256 × 2^z pixels (or points) across. */
typedef struct {
  double latitude;
  double longitude;
  double zoom;
} AtlasMapFrame;

void     atlas_map_framing_free_area      (double                   width,
                                           double                   height,
                                           const cairo_rectangle_t *covered,
                                           guint                    n_covered,
                                           const AtlasBounds       *subject,
                                           cairo_rectangle_t       *free_area);
void     atlas_map_framing_fit            (const AtlasBounds       *subject,
                                           double                   width,
                                           double                   height,
                                           const cairo_rectangle_t *free_area,
                                           AtlasMapFrame           *frame);
void     atlas_map_framing_centre         (double                   latitude,
                                           double                   longitude,
                                           double                   zoom,
                                           double                   width,
                                           double                   height,
                                           const cairo_rectangle_t *free_area,
                                           AtlasMapFrame           *frame);
void     atlas_map_framing_project        (const AtlasMapFrame     *frame,
                                           double                   width,
                                           double                   height,
                                           double                   latitude,
                                           double                   longitude,
                                           double                  *x,
                                           double                  *y);
void     atlas_map_framing_point_bounds   (AtlasRecord             *record,
                                           AtlasBounds             *bounds);
gboolean atlas_map_framing_subject_bounds (AtlasCase               *atlas_case,
                                           const char              *kind,
                                           const char              *key,
                                           AtlasBounds             *bounds,
                                           GError                 **error);
gboolean atlas_map_framing_step_bounds    (AtlasCase               *atlas_case,
                                           AtlasRecord             *step,
                                           AtlasBounds             *bounds,
                                           GError                 **error);
gboolean atlas_map_framing_is_suspect     (double                   x,
                                           double                   y);
guint64  atlas_map_framing_main_extent    (const AtlasClusterPosition *positions,
                                           guint                    n_positions,
                                           double                   reach,
                                           AtlasBounds             *extent);

G_END_DECLS
