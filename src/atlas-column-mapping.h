/* atlas-column-mapping.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-csv-reader.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_COLUMN_MAPPING (atlas_column_mapping_get_type ())

G_DECLARE_FINAL_TYPE (AtlasColumnMapping, atlas_column_mapping, ATLAS, COLUMN_MAPPING,
                      AdwPreferencesGroup)

GtkWidget *atlas_column_mapping_new         (void);
void       atlas_column_mapping_set_columns (AtlasColumnMapping *self,
                                             const char * const *columns);
void       atlas_column_mapping_get_mapping (AtlasColumnMapping *self,
                                             AtlasCsvMapping    *mapping);
void       atlas_column_mapping_select      (AtlasColumnMapping *self,
                                             const char         *role,
                                             const char         *column);

G_END_DECLS
