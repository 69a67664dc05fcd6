/* atlas-basemap.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offline basemap: geometry per zoom band in quadtrees, and place and
 * country labels with a spatial index.  Immutable once loaded, so any thread
 * may read it.
 */

#pragma once

#include <gio/gio.h>

#include "atlas-basemap-format.h"
#include "atlas-gazetteer.h"
#include "atlas-geometry-tree.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BASEMAP (atlas_basemap_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBasemap, atlas_basemap, ATLAS, BASEMAP, GObject)

AtlasBasemap            *atlas_basemap_new_from_file         (const char        *path,
                                                              GError           **error);
AtlasBasemap            *atlas_basemap_new_from_bytes        (GBytes            *bytes,
                                                              GError           **error);
AtlasBasemap            *atlas_basemap_new_from_resource     (const char        *resource_path,
                                                              GError           **error);
AtlasBasemap            *atlas_basemap_new_default           (GError           **error);
AtlasBasemap            *atlas_basemap_get_default           (GError           **error);
const char              *atlas_basemap_get_attribution       (void);

const AtlasGeometryTree *atlas_basemap_get_geometry_for_zoom (AtlasBasemap      *self,
                                                              int                zoom);

guint                    atlas_basemap_get_n_places          (AtlasBasemap      *self);
const AtlasBasemapLabel *atlas_basemap_get_place             (AtlasBasemap      *self,
                                                              guint              index);
guint                    atlas_basemap_get_n_countries       (AtlasBasemap      *self);
const AtlasBasemapLabel *atlas_basemap_get_country           (AtlasBasemap      *self,
                                                              guint              index);

void                     atlas_basemap_collect_places        (AtlasBasemap      *self,
                                                              int                zoom,
                                                              const AtlasRect   *rect,
                                                              GArray            *out_indices);
void                     atlas_basemap_collect_countries     (AtlasBasemap      *self,
                                                              int                zoom,
                                                              const AtlasRect   *rect,
                                                              GArray            *out_indices);

guint                    atlas_basemap_get_n_provinces       (AtlasBasemap      *self);
const AtlasBasemapLabel *atlas_basemap_get_province          (AtlasBasemap      *self,
                                                              guint              index);
void                     atlas_basemap_collect_provinces     (AtlasBasemap      *self,
                                                              int                zoom,
                                                              const AtlasRect   *rect,
                                                              GArray            *out_indices);
const char              *atlas_basemap_get_place_country     (AtlasBasemap      *self,
                                                              guint              index);
const char              *atlas_basemap_get_place_province    (AtlasBasemap      *self,
                                                              guint              index);

guint                    atlas_basemap_get_n_country_shapes  (AtlasBasemap      *self);
const AtlasBasemapCountryShape *
                         atlas_basemap_get_country_shape     (AtlasBasemap      *self,
                                                              guint              index);
int                      atlas_basemap_find_country_shape    (AtlasBasemap      *self,
                                                              const char        *name_or_code);
const double            *atlas_basemap_get_country_ring      (AtlasBasemap      *self,
                                                              guint              index,
                                                              guint              ring,
                                                              guint             *out_n_points);

AtlasGazetteer          *atlas_basemap_new_gazetteer         (AtlasBasemap      *self);

G_END_DECLS
