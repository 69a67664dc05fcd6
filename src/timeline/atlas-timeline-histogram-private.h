/* atlas-timeline-histogram-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-timeline-histogram.h"

G_BEGIN_DECLS

/* Pixels: the axis row under the bars, the room above the tallest bar. */
#define AXIS_HEIGHT 20.0
#define TOP_PADDING 6.0

typedef enum {
  DRAG_NONE,
  DRAG_SELECT,
  DRAG_FIRST,
  DRAG_LAST,
  DRAG_PAN,
} DragMode;

struct _AtlasTimelineHistogram
{
  GtkWidget       parent_instance;

  /* owned */
  AtlasDateIndex *index;
  GArray         *bins;            /* AtlasDateBin, covering the view */

  /* what is shown, in days since 1970-01-01 */
  double          view_start;
  double          view_end;
  AtlasTimeStep   bin_step;
  AtlasTimeStep   major_step;
  AtlasTimeStep   minor_step;
  gboolean        has_minor;
  guint           max_count;
  AtlasDayRange   range;
  gboolean        has_range;

  /* room each unit's labels need, in pixels: [0] between, [1] main labels */
  double          label_px[2][ATLAS_TIME_N_UNITS];
  gboolean        label_px_valid;

  /* the pointer */
  DragMode        drag_mode;
  double          drag_x;
  double          drag_view_start;
  gboolean        dragged;
  double          pointer_x;       /* < 0 when outside */
  double          pointer_y;
};

double _atlas_timeline_histogram_chart_height   (AtlasTimelineHistogram *self);
void   _atlas_timeline_histogram_measure_labels (AtlasTimelineHistogram *self);
void   _atlas_timeline_histogram_snapshot       (GtkWidget              *widget,
                                                 GtkSnapshot            *snapshot);

G_END_DECLS
