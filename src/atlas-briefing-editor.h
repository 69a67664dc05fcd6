/* atlas-briefing-editor.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-case.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_BRIEFING_EDITOR (atlas_briefing_editor_get_type ())

G_DECLARE_FINAL_TYPE (AtlasBriefingEditor, atlas_briefing_editor, ATLAS, BRIEFING_EDITOR, AdwBin)

GtkWidget   *atlas_briefing_editor_new               (void);
void         atlas_briefing_editor_set_case          (AtlasBriefingEditor *self,
                                                      AtlasCase           *atlas_case,
                                                      gboolean             editable);
const char  *atlas_briefing_editor_get_briefing      (AtlasBriefingEditor *self);
void         atlas_briefing_editor_set_briefing      (AtlasBriefingEditor *self,
                                                      const char          *briefing_key);
guint        atlas_briefing_editor_get_n_briefings   (AtlasBriefingEditor *self);
guint        atlas_briefing_editor_get_n_steps       (AtlasBriefingEditor *self);
AtlasRecord *atlas_briefing_editor_dup_step          (AtlasBriefingEditor *self);
guint        atlas_briefing_editor_get_step_position (AtlasBriefingEditor *self);
void         atlas_briefing_editor_select_step       (AtlasBriefingEditor *self,
                                                      const char          *step_key);

G_END_DECLS
