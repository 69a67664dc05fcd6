/* atlas-tile-renderer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws Web Mercator slippy-map tiles of the offline basemap.  Safe to call
 * from several worker threads at once.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-basemap.h"
#include "atlas-tile-labels.h"
#include "atlas-tile-style.h"

G_BEGIN_DECLS

#define ATLAS_TILE_RENDERER_ERROR (atlas_tile_renderer_error_quark ())

typedef enum
{
  ATLAS_TILE_RENDERER_ERROR_INVALID_ARGUMENT,
  ATLAS_TILE_RENDERER_ERROR_FAILED,
} AtlasTileRendererError;

GQuark atlas_tile_renderer_error_quark (void);

#define ATLAS_TILE_SIZE 256

#define ATLAS_TYPE_TILE_RENDERER (atlas_tile_renderer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTileRenderer, atlas_tile_renderer, ATLAS, TILE_RENDERER, GObject)

AtlasTileRenderer *atlas_tile_renderer_new          (AtlasBasemap      *basemap);
AtlasBasemap      *atlas_tile_renderer_get_basemap  (AtlasTileRenderer *self);

cairo_surface_t   *atlas_tile_renderer_render       (AtlasTileRenderer *self,
                                                     int                zoom,
                                                     int                x,
                                                     int                y,
                                                     int                tile_size_px,
                                                     double             scale_factor,
                                                     AtlasTileStyle     style,
                                                     GError           **error);
GBytes            *atlas_tile_renderer_render_bytes (AtlasTileRenderer *self,
                                                     int                zoom,
                                                     int                x,
                                                     int                y,
                                                     int                tile_size_px,
                                                     double             scale_factor,
                                                     AtlasTileStyle     style,
                                                     int               *out_width,
                                                     int               *out_height,
                                                     gsize             *out_stride,
                                                     GError           **error);
GArray            *atlas_tile_renderer_list_labels  (AtlasTileRenderer *self,
                                                     int                zoom,
                                                     int                x,
                                                     int                y,
                                                     int                tile_size_px,
                                                     GError           **error);

void               atlas_tile_renderer_set_text_scale (AtlasTileRenderer *self,
                                                       double             text_scale);
double             atlas_tile_renderer_get_text_scale (AtlasTileRenderer *self);

void               atlas_tile_renderer_set_labels_in_tiles (AtlasTileRenderer *self,
                                                            gboolean           in_tiles);
gboolean           atlas_tile_renderer_get_labels_in_tiles (AtlasTileRenderer *self);
GArray            *atlas_tile_renderer_draw_labels    (AtlasTileRenderer       *self,
                                                       cairo_t                 *cr,
                                                       AtlasTileStyle           style,
                                                       double                   zoom,
                                                       double                   centre_x,
                                                       double                   centre_y,
                                                       double                   width,
                                                       double                   height,
                                                       const cairo_rectangle_t *obstacles,
                                                       guint                    n_obstacles);

void               atlas_tile_renderer_get_label_request (AtlasTileRenderer     *self,
                                                          AtlasTileStyle         style,
                                                          AtlasTileLabelRequest *request);

G_END_DECLS
