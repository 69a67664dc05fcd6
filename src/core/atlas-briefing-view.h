/* atlas-briefing-view.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-filter.h"
#include "atlas-geo.h"
#include "atlas-record.h"

G_BEGIN_DECLS

/* What is on screen when an analyst adds it to a briefing. */
typedef struct {
  double       center_lat;
  double       center_lon;
  double       zoom;
  AtlasBounds  bounds;          /* what the map shows */
  AtlasRecord *subject;         /* nullable: the selected record */
  AtlasFilter *filter;          /* nullable: the date range and filters */
} AtlasBriefingView;

char     *atlas_briefing_view_format_filters (AtlasFilter              *filter);
gboolean  atlas_briefing_view_parse_filters  (const char               *text,
                                              AtlasFilter              *filter,
                                              GError                  **error);
void      atlas_briefing_view_apply_to_step  (const AtlasBriefingView  *view,
                                              AtlasRecord              *step);
gboolean  atlas_briefing_view_restore_filter (AtlasRecord              *step,
                                              AtlasFilter              *filter,
                                              GError                  **error);

G_END_DECLS
