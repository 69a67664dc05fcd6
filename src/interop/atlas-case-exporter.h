/* atlas-case-exporter.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case, or the incidents a filter lets through, written as GeoJSON, KML or CSV.
 */

#pragma once

#include <gio/gio.h>

#include "atlas-case.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_EXPORT_FORMAT_GEOJSON,
  ATLAS_EXPORT_FORMAT_KML,
  ATLAS_EXPORT_FORMAT_CSV,
} AtlasExportFormat;

gboolean    atlas_case_exporter_format_for_path (const char           *path,
                                                 AtlasExportFormat    *format);
const char *atlas_case_exporter_get_extension   (AtlasExportFormat     format);
gboolean    atlas_case_exporter_export          (AtlasCase            *atlas_case,
                                                 AtlasFilter          *filter,
                                                 const char           *path,
                                                 AtlasExportFormat     format,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void        atlas_case_exporter_export_async    (AtlasCase            *atlas_case,
                                                 AtlasFilter          *filter,
                                                 const char           *path,
                                                 AtlasExportFormat     format,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean    atlas_case_exporter_export_finish   (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
