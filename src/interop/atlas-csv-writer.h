/* atlas-csv-writer.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV (RFC 4180) export, one row per incident.
 */

#pragma once

#include "atlas-case-exporter-private.h"

G_BEGIN_DECLS

gboolean atlas_csv_writer_write (AtlasExportContext  *context,
                                 GOutputStream       *stream,
                                 GError             **error);

G_END_DECLS
