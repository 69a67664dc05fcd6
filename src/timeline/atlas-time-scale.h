/* atlas-time-scale.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are days since 1970-01-01 (UTC); a fraction of a day is a time of day. */

typedef enum {
  ATLAS_TIME_UNIT_HOUR,
  ATLAS_TIME_UNIT_DAY,
  ATLAS_TIME_UNIT_WEEK,
  ATLAS_TIME_UNIT_MONTH,
  ATLAS_TIME_UNIT_YEAR,
  ATLAS_TIME_N_UNITS,
} AtlasTimeUnit;

/* A step of a calendar: 3 hours, 1 week, 3 months, 10 years… */
typedef struct {
  AtlasTimeUnit unit;
  guint         count;
} AtlasTimeStep;

#define ATLAS_TIME_STEP(u, n) ((AtlasTimeStep) { ATLAS_TIME_UNIT_##u, (n) })

gint32        atlas_day_from_civil            (int            year,
                                               int            month,
                                               int            day);
void          atlas_day_to_civil              (gint32         day,
                                               int           *year,
                                               int           *month,
                                               int           *mday);

double        atlas_time_step_floor           (AtlasTimeStep  step,
                                               double         time);
double        atlas_time_step_next            (AtlasTimeStep  step,
                                               double         time);
double        atlas_time_step_previous        (AtlasTimeStep  step,
                                               double         time);
double        atlas_time_step_get_days        (AtlasTimeStep  step);
gboolean      atlas_time_step_equal           (AtlasTimeStep  a,
                                               AtlasTimeStep  b);

AtlasTimeStep atlas_time_scale_bin_step       (double         px_per_day,
                                               double         min_px);
AtlasTimeStep atlas_time_scale_major_step     (double         px_per_day,
                                               const double   min_px[ATLAS_TIME_N_UNITS]);
gboolean      atlas_time_scale_minor_step     (AtlasTimeStep  major,
                                               double         px_per_day,
                                               const double   min_px[ATLAS_TIME_N_UNITS],
                                               AtlasTimeStep *minor);
char         *atlas_time_scale_format_tick    (AtlasTimeStep  step,
                                               gboolean       major,
                                               double         time);

G_END_DECLS
