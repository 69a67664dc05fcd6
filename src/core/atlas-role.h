/* atlas-role.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ROLE (atlas_role_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRole, atlas_role, ATLAS, ROLE, AtlasRecord)

AtlasRole *atlas_role_new (const char *key);

G_END_DECLS
