/* atlas-attachment.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ATTACHMENT (atlas_attachment_get_type ())

G_DECLARE_FINAL_TYPE (AtlasAttachment, atlas_attachment, ATLAS, ATTACHMENT, AtlasRecord)

AtlasAttachment *atlas_attachment_new (const char *key);

GBytes          *atlas_attachment_get_content (AtlasAttachment *self);
void             atlas_attachment_set_content (AtlasAttachment *self,
                                               GBytes          *content);

G_END_DECLS
