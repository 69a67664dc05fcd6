/* atlas-import-error.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The error domain of imports.
 */

#include "config.h"

#include "atlas-import-error.h"

G_DEFINE_QUARK (atlas-import-error-quark, atlas_import_error)
