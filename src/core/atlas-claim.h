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

ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, subject_kind)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, subject_key)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, attribute)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, value_text)
ATLAS_RECORD_DECLARE_DOUBLE (AtlasClaim, atlas_claim, value_number)
ATLAS_RECORD_DECLARE_DOUBLE (AtlasClaim, atlas_claim, value_min)
ATLAS_RECORD_DECLARE_DOUBLE (AtlasClaim, atlas_claim, value_max)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, qualifier)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, document_key)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, attributed_to)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, paraphrase)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, locator)
ATLAS_RECORD_DECLARE_INT (AtlasClaim, atlas_claim, credibility)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, credibility_note)
ATLAS_RECORD_DECLARE_TEXT (AtlasClaim, atlas_claim, graded_by)

G_END_DECLS
