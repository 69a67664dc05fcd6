/* atlas-outliers.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which incidents lie where a wrong coordinate puts them: at 0,0, on the world's edge, or
 * far from all the others. The map's opening view leaves them out; an import lists them.
 */

#pragma once

#include <glib.h>

#include "atlas-cluster-index.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_OUTLIER_NONE,
  ATLAS_OUTLIER_AT_ORIGIN,   /* at 0°, 0°: most often a location that was missing */
  ATLAS_OUTLIER_ON_EDGE,     /* at ±180° of longitude or past the map's top or bottom */
  ATLAS_OUTLIER_FAR,         /* far from where the others lie, and one of few */
} AtlasOutlier;

AtlasOutlier  atlas_outlier_at       (double                      x,
                                      double                      y);
const char   *atlas_outlier_describe (AtlasOutlier                outlier);
AtlasOutlier *atlas_outliers_find    (const AtlasClusterPosition *positions,
                                      guint                       n_positions,
                                      guint64                    *n_outliers);

G_END_DECLS
