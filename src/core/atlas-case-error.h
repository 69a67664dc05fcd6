/* atlas-case-error.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_CASE_ERROR (atlas_case_error_quark ())

/* What went wrong with a case file, so callers can act on it. */
typedef enum {
  ATLAS_CASE_ERROR_NOT_FOUND,
  ATLAS_CASE_ERROR_EXISTS,
  ATLAS_CASE_ERROR_NOT_A_DATABASE,
  ATLAS_CASE_ERROR_CORRUPT,
  ATLAS_CASE_ERROR_NOT_A_GEOPACKAGE,
  ATLAS_CASE_ERROR_NOT_A_CASE,
  ATLAS_CASE_ERROR_NEWER_SCHEMA,
  ATLAS_CASE_ERROR_UNTRUSTED,
  ATLAS_CASE_ERROR_READ_ONLY,
  ATLAS_CASE_ERROR_INVALID,
  ATLAS_CASE_ERROR_FAILED,
  ATLAS_CASE_ERROR_CONFLICT,
} AtlasCaseError;

GQuark atlas_case_error_quark (void);

G_END_DECLS
