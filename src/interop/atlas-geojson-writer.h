/* atlas-geojson-writer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GeoJSON (RFC 7946) export.
 */

#pragma once

#include "atlas-case-exporter-private.h"

G_BEGIN_DECLS

gboolean atlas_geojson_writer_write (AtlasExportContext  *context,
                                     GOutputStream       *stream,
                                     GError             **error);

G_END_DECLS
