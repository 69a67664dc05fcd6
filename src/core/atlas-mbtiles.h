/* atlas-mbtiles.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_MBTILES (atlas_mbtiles_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMbtiles, atlas_mbtiles, ATLAS, MBTILES, GObject)

AtlasMbtiles *atlas_mbtiles_open            (const char    *path,
                                             GError       **error);
GBytes       *atlas_mbtiles_read_tile       (AtlasMbtiles  *self,
                                             int            zoom,
                                             int            x,
                                             int            y,
                                             GError       **error);
const char   *atlas_mbtiles_get_name        (AtlasMbtiles  *self);
const char   *atlas_mbtiles_get_attribution (AtlasMbtiles  *self);
const char   *atlas_mbtiles_get_format      (AtlasMbtiles  *self);
const char   *atlas_mbtiles_get_path        (AtlasMbtiles  *self);
int           atlas_mbtiles_get_min_zoom    (AtlasMbtiles  *self);
int           atlas_mbtiles_get_max_zoom    (AtlasMbtiles  *self);

G_END_DECLS
