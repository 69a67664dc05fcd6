/* atlas-import-format.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which format a file to import is, told from its first bytes and its name, and how large a
 * file of that format may be.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How much of a file's start is looked at to tell its format. */
#define ATLAS_IMPORT_SNIFF_LENGTH 4096

typedef enum {
  ATLAS_IMPORT_FORMAT_UNKNOWN,
  ATLAS_IMPORT_FORMAT_GEOJSON,
  ATLAS_IMPORT_FORMAT_KML,
  ATLAS_IMPORT_FORMAT_GPX,
  ATLAS_IMPORT_FORMAT_CSV,
} AtlasImportFormat;

AtlasImportFormat atlas_import_format_detect     (const char         *data,
                                                  gsize               length,
                                                  const char         *name,
                                                  GError            **error);
gboolean          atlas_import_format_check_size (AtlasImportFormat   format,
                                                  guint64             length,
                                                  GError            **error);

G_END_DECLS
