/* atlas-import-error.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why an import refused a whole file, so callers can act on it (ask for a column mapping,
 * show the reason, offer to import the good rows).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_IMPORT_ERROR (atlas_import_error_quark ())

typedef enum {
  ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
  ATLAS_IMPORT_ERROR_TOO_LARGE,
  ATLAS_IMPORT_ERROR_ENCODING,
  ATLAS_IMPORT_ERROR_MALFORMED,
  ATLAS_IMPORT_ERROR_TOO_DEEP,
  ATLAS_IMPORT_ERROR_UNSAFE,
  ATLAS_IMPORT_ERROR_NEEDS_MAPPING,
  ATLAS_IMPORT_ERROR_PROBLEMS_NOT_ACCEPTED,
  ATLAS_IMPORT_ERROR_NOTHING_TO_IMPORT,
  ATLAS_IMPORT_ERROR_ALREADY_APPLIED,
  ATLAS_IMPORT_ERROR_CASE_FILE,
} AtlasImportError;

GQuark atlas_import_error_quark (void);

G_END_DECLS
