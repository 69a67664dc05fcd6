/* atlas-claim.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CLAIM (atlas_claim_get_type ())

G_DECLARE_FINAL_TYPE (AtlasClaim, atlas_claim, ATLAS, CLAIM, AtlasRecord)

AtlasClaim *atlas_claim_new (const char *key);

G_END_DECLS
