/* atlas-timeline-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-date-index.h"
#include "atlas-day-range.h"
#include "atlas-time-scale.h"
#include "atlas-timeline-histogram.h"
#include "atlas-timeline.h"

G_BEGIN_DECLS

struct _AtlasTimeline
{
  GtkWidget               parent_instance;

  /* template widgets */
  GtkWidget              *play_button;
  AtlasTimelineHistogram *histogram;
  GtkLabel               *range_label;
  GtkLabel               *count_label;
  GtkLabel               *unreadable_label;   /* shown when some start dates are no dates */
  GtkWidget              *clear_button;

  /* owned */
  AtlasFilter            *filter;
  AtlasCase              *atlas_case;
  AtlasFilter            *loaded_filter;   /* what the histogram counts, dates aside */
  GCancellable           *loading;         /* set while a load runs */
  char                   *range_text;
  guint                   play_source;
  gboolean                fit_on_load;
  guint64                 n_unreadable;        /* incidents left off for their dates */
  guint                   n_case_incidents;    /* the case's, read once per load: 0 until */
  gboolean                recount_unreadable;  /* the next load counts them afresh */
  gulong                  edit_handler;        /* on atlas_case's "edit-applied" */
  gboolean                applied_in_place;    /* the histogram counts the last edit */
  guint                   forget_applied_id;
};

void     _atlas_timeline_update_summary (AtlasTimeline *self);
void     _atlas_timeline_commit_range   (AtlasTimeline *self);
gboolean _atlas_timeline_start_playing  (AtlasTimeline *self);
void     _atlas_timeline_init_keyboard  (AtlasTimeline *self);

G_END_DECLS
