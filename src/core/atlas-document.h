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

ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, title)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, publisher)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, author)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, url)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, published)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, doc_kind)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, reliability)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, file)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, accessed)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, language)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, reliability_note)
ATLAS_RECORD_DECLARE_TEXT (AtlasDocument, atlas_document, graded_by)

G_END_DECLS
