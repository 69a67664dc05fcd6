/* atlas-day-range.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An open end of a range: "since …" or "until …". */
#define ATLAS_DAY_OPEN_START G_MININT32
#define ATLAS_DAY_OPEN_END   G_MAXINT32

/* Days since 1970-01-01, both included. */
typedef struct {
  gint32 first;
  gint32 last;
} AtlasDayRange;

gboolean atlas_day_range_from_iso (const char          *start_date,
                                   const char          *end_date,
                                   AtlasDayRange       *range);
void     atlas_day_range_to_iso   (const AtlasDayRange *range,
                                   char               **start_date,
                                   char               **end_date);
char    *atlas_day_range_format   (const AtlasDayRange *range);
gboolean atlas_day_range_equal    (const AtlasDayRange *a,
                                   const AtlasDayRange *b);

G_END_DECLS
