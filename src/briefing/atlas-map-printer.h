/* atlas-map-printer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "atlas-case.h"
#include "atlas-filter.h"
#include "atlas-geo.h"
#include "atlas-map-framing.h"
#include "atlas-tile-renderer.h"

G_BEGIN_DECLS


#define ATLAS_TYPE_MAP_PRINTER (atlas_map_printer_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapPrinter, atlas_map_printer, ATLAS, MAP_PRINTER, GObject)

AtlasMapPrinter *atlas_map_printer_new               (AtlasTileRenderer   *renderer,
                                                      AtlasCase           *atlas_case,
                                                      AtlasFilter         *filter,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void             atlas_map_printer_set_highlight     (AtlasMapPrinter     *self,
                                                      const char          *kind,
                                                      const char          *key);
void             atlas_map_printer_set_scale_factor  (AtlasMapPrinter     *self,
                                                      double               scale_factor);
void             atlas_map_printer_set_magnification (AtlasMapPrinter     *self,
                                                      double               magnification);
gboolean         atlas_map_printer_frame_subject     (AtlasMapPrinter     *self,
                                                      const char          *kind,
                                                      const char          *key,
                                                      double               width,
                                                      double               height,
                                                      AtlasMapFrame       *frame,
                                                      GError             **error);
void             atlas_map_printer_frame_bounds      (const AtlasBounds   *bounds,
                                                      double               width,
                                                      double               height,
                                                      AtlasMapFrame       *frame);
void             atlas_map_printer_get_frame_bounds  (const AtlasMapFrame *frame,
                                                      double               width,
                                                      double               height,
                                                      AtlasBounds         *bounds);
GPtrArray       *atlas_map_printer_list_visible      (AtlasMapPrinter     *self,
                                                      const AtlasBounds   *bounds,
                                                      guint                max_incidents,
                                                      guint               *n_incidents);
gboolean         atlas_map_printer_draw              (AtlasMapPrinter     *self,
                                                      cairo_t             *cr,
                                                      double               width,
                                                      double               height,
                                                      const AtlasMapFrame *frame,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

G_END_DECLS
