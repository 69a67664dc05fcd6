/* atlas-timeline.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-case.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE (atlas_timeline_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimeline, atlas_timeline, ATLAS, TIMELINE, GtkWidget)

GtkWidget   *atlas_timeline_new            (AtlasFilter   *filter);
void         atlas_timeline_set_case       (AtlasTimeline *self,
                                            AtlasCase     *atlas_case);
AtlasCase   *atlas_timeline_get_case       (AtlasTimeline *self);
AtlasFilter *atlas_timeline_get_filter     (AtlasTimeline *self);
gboolean     atlas_timeline_is_busy        (AtlasTimeline *self);
const char  *atlas_timeline_get_range_text (AtlasTimeline *self);
gboolean     atlas_timeline_get_playing    (AtlasTimeline *self);
void         atlas_timeline_set_playing    (AtlasTimeline *self,
                                            gboolean       playing);
gboolean     atlas_timeline_move_range     (AtlasTimeline *self,
                                            int            steps);
void         atlas_timeline_clear_range    (AtlasTimeline *self);

G_END_DECLS
