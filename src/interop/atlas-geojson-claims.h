/* atlas-geojson-claims.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "atlas-import-batch.h"
#include "atlas-json-stream.h"

G_BEGIN_DECLS

gboolean atlas_geojson_holds_claim_list (JsonObject        *properties);
gboolean atlas_geojson_read_claim_list (AtlasImportBatch  *batch,
                                        AtlasJsonStream   *stream,
                                        AtlasRecord       *subject,
                                        JsonObject        *properties,
                                        GHashTable       **listed);

G_END_DECLS
