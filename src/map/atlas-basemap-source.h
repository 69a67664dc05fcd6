/* atlas-basemap-source.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-tile-renderer.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BASEMAP_SOURCE (atlas_basemap_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBasemapSource, atlas_basemap_source, ATLAS, BASEMAP_SOURCE, ShumateMapSource)

AtlasBasemapSource *atlas_basemap_source_new          (AtlasTileRenderer  *renderer,
                                                       AtlasTileStyle      style,
                                                       int                 scale_factor);
AtlasTileRenderer  *atlas_basemap_source_load_default (GError            **error);
guint               atlas_basemap_source_get_n_pending (AtlasBasemapSource *self);
guint               atlas_basemap_source_get_n_filled  (AtlasBasemapSource *self);

G_END_DECLS
