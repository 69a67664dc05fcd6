/* atlas-kml-writer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KML 2.2 export, as Google Earth opens it.
 */

#pragma once

#include "atlas-case-exporter-private.h"

G_BEGIN_DECLS

gboolean atlas_kml_writer_write (AtlasExportContext  *context,
                                 GOutputStream       *stream,
                                 GError             **error);

G_END_DECLS
