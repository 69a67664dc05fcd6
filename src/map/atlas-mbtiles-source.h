/* atlas-mbtiles-source.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <shumate/shumate.h>

#include "atlas-mbtiles.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_MBTILES_SOURCE (atlas_mbtiles_source_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMbtilesSource, atlas_mbtiles_source, ATLAS, MBTILES_SOURCE, ShumateDataSource)

AtlasMbtilesSource *atlas_mbtiles_source_new            (AtlasMbtiles       *mbtiles);
ShumateMapSource   *atlas_mbtiles_source_new_map_source (AtlasMbtiles       *mbtiles);
guint               atlas_mbtiles_source_get_n_pending  (AtlasMbtilesSource *self);

G_END_DECLS
