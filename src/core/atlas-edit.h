/* atlas-edit.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EDIT (atlas_edit_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEdit, atlas_edit, ATLAS, EDIT, GObject)

AtlasEdit  *atlas_edit_new          (const char   *label);
const char *atlas_edit_get_label    (AtlasEdit    *self);
gboolean    atlas_edit_get_is_undo  (AtlasEdit    *self);
void        atlas_edit_add          (AtlasEdit    *self,
                                     AtlasRecord  *record);
void        atlas_edit_change       (AtlasEdit    *self,
                                     AtlasRecord  *before,
                                     AtlasRecord  *after);
void        atlas_edit_remove       (AtlasEdit    *self,
                                     AtlasRecord  *record);
guint       atlas_edit_get_n_steps  (AtlasEdit    *self);
void        atlas_edit_get_step     (AtlasEdit    *self,
                                     guint         index,
                                     AtlasRecord **before,
                                     AtlasRecord **after);
AtlasEdit  *atlas_edit_invert       (AtlasEdit    *self);

G_END_DECLS
