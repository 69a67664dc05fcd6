/* many-claims.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"

G_BEGIN_DECLS

#define MANY_CLAIMS_INCIDENT "inc-many"

AtlasCase *many_claims_case_new (const char  *path,
                                 guint        n_claims,
                                 guint        n_attributes,
                                 guint        n_values,
                                 GError     **error);

G_END_DECLS
