/* atlas-selection.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SELECTION (atlas_selection_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSelection, atlas_selection, ATLAS, SELECTION, GObject)

typedef enum {
  ATLAS_SELECTION_NONE  = 0,
  /* the map should bring the selected record into view */
  ATLAS_SELECTION_FRAME = 1 << 0,
} AtlasSelectionFlags;

AtlasSelection *atlas_selection_new        (void);
AtlasRecord    *atlas_selection_get_record (AtlasSelection      *self);
void            atlas_selection_select     (AtlasSelection      *self,
                                            AtlasRecord         *record,
                                            AtlasSelectionFlags  flags);

G_END_DECLS
