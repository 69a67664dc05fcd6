/* atlas-geojson-claims.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "atlas-import-batch.h"

G_BEGIN_DECLS

GHashTable *atlas_geojson_read_claim_list (AtlasImportBatch *batch,
                                           AtlasRecord      *subject,
                                           JsonObject       *properties);

G_END_DECLS
