/* atlas-claim-relation.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CLAIM_RELATION (atlas_claim_relation_get_type ())

G_DECLARE_FINAL_TYPE (AtlasClaimRelation, atlas_claim_relation, ATLAS, CLAIM_RELATION, AtlasRecord)

AtlasClaimRelation *atlas_claim_relation_new (const char *key);

G_END_DECLS
