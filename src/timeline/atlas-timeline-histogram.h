/* atlas-timeline-histogram.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-date-index.h"
#include "atlas-day-range.h"
#include "atlas-time-scale.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_TIMELINE_HISTOGRAM (atlas_timeline_histogram_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineHistogram, atlas_timeline_histogram,
                      ATLAS, TIMELINE_HISTOGRAM, GtkWidget)

GtkWidget          *atlas_timeline_histogram_new           (void);
void                atlas_timeline_histogram_set_index     (AtlasTimelineHistogram *self,
                                                            AtlasDateIndex         *index,
                                                            gboolean                fit);
AtlasDateIndex     *atlas_timeline_histogram_get_index     (AtlasTimelineHistogram *self);
void                atlas_timeline_histogram_set_range     (AtlasTimelineHistogram *self,
                                                            const AtlasDayRange    *range);
gboolean            atlas_timeline_histogram_get_range     (AtlasTimelineHistogram *self,
                                                            AtlasDayRange          *range);
void                atlas_timeline_histogram_set_view      (AtlasTimelineHistogram *self,
                                                            double                  start,
                                                            double                  end);
void                atlas_timeline_histogram_get_view      (AtlasTimelineHistogram *self,
                                                            double                 *start,
                                                            double                 *end);
void                atlas_timeline_histogram_zoom          (AtlasTimelineHistogram *self,
                                                            double                  factor,
                                                            double                  anchor_x);
void                atlas_timeline_histogram_zoom_to_fit   (AtlasTimelineHistogram *self);
void                atlas_timeline_histogram_reveal        (AtlasTimelineHistogram *self,
                                                            const AtlasDayRange    *range);
AtlasTimeStep       atlas_timeline_histogram_get_bin_step  (AtlasTimelineHistogram *self);
AtlasTimeStep       atlas_timeline_histogram_get_axis_step (AtlasTimelineHistogram *self);
const AtlasDateBin *atlas_timeline_histogram_get_bins      (AtlasTimelineHistogram *self,
                                                            guint                  *n_bins);
double              atlas_timeline_histogram_x_for_day     (AtlasTimelineHistogram *self,
                                                            double                  day);
double              atlas_timeline_histogram_day_for_x     (AtlasTimelineHistogram *self,
                                                            double                  x);

G_END_DECLS
