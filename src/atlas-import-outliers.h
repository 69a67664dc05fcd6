/* atlas-import-outliers.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-outliers.h"
#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_OUTLIERS (atlas_import_outliers_get_type ())

G_DECLARE_FINAL_TYPE (AtlasImportOutliers, atlas_import_outliers, ATLAS, IMPORT_OUTLIERS,
                      GtkBox)

void         atlas_import_outliers_set_records    (AtlasImportOutliers *self,
                                                   GPtrArray           *records,
                                                   guint64              n_incidents);
AtlasOutlier atlas_import_outliers_lookup         (AtlasImportOutliers *self,
                                                   AtlasRecord         *record);
guint        atlas_import_outliers_get_n_outliers (AtlasImportOutliers *self);
GtkWidget   *atlas_import_outliers_new_tag        (AtlasOutlier         outlier);

G_END_DECLS
