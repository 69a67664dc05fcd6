/* atlas-case-edit-briefing.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"
#include "atlas-edit.h"

G_BEGIN_DECLS

GListModel  *atlas_case_list_briefings      (AtlasCase    *self,
                                             GError      **error);
GListModel  *atlas_case_list_briefing_steps (AtlasCase    *self,
                                             const char   *briefing_key,
                                             GError      **error);
AtlasRecord *atlas_case_find_briefing       (AtlasCase    *self,
                                             const char   *title,
                                             GError      **error);
char        *atlas_case_add_briefing        (AtlasCase    *self,
                                             AtlasEdit    *edit,
                                             const char   *title,
                                             GError      **error);
gboolean     atlas_case_insert_step         (AtlasCase    *self,
                                             AtlasEdit    *edit,
                                             AtlasRecord  *step,
                                             AtlasRecord  *after,
                                             GError      **error);
gboolean     atlas_case_move_step           (AtlasCase    *self,
                                             AtlasEdit    *edit,
                                             AtlasRecord  *step,
                                             guint         position,
                                             GError      **error);

G_END_DECLS
