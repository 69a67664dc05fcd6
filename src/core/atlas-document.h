/* atlas-document.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DOCUMENT (atlas_document_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDocument, atlas_document, ATLAS, DOCUMENT, AtlasRecord)

AtlasDocument *atlas_document_new (const char *key);

G_END_DECLS
