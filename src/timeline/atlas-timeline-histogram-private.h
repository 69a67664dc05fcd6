/* atlas-timeline-histogram-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-timeline-histogram.h"

G_BEGIN_DECLS

/* How much of the text colour or the accent the chart draws with, over its background.
 * WCAG 2.1 AA in the light and the dark style (tests/test-accessibility.c measures them):
 * bars 3:1 (in the range or out of it), labels 4.5:1. */
#define ATLAS_TIMELINE_BAR_ALPHA          1.0
#define ATLAS_TIMELINE_OUT_BAR_ALPHA      0.6
#define ATLAS_TIMELINE_OUT_BAR_HOVER_ALPHA 0.75
#define ATLAS_TIMELINE_MAJOR_LABEL_ALPHA  0.85
#define ATLAS_TIMELINE_MINOR_LABEL_ALPHA  0.8

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
