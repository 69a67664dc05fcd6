/* atlas-gpx-reader.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GPX 1.0 and 1.1 import.
 */

#pragma once

#include "atlas-import-batch.h"

G_BEGIN_DECLS

gboolean atlas_gpx_reader_read (const char        *data,
                                gsize              length,
                                AtlasImportBatch  *batch,
                                GError           **error);

G_END_DECLS
