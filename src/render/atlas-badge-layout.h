/* atlas-badge-layout.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The stroke round a badge, in pixels: its circle's extent is radius + half of it. */
#define ATLAS_BADGE_STROKE     2.0
/* The smallest badge that still holds "9.9k" legibly, and the largest. */
#define ATLAS_BADGE_MIN_RADIUS 12.0
#define ATLAS_BADGE_MAX_RADIUS 24.0
/* Space kept clear between the extents of two badges. */
#define ATLAS_BADGE_GAP        1.0

typedef struct {
  double x;            /* centre, in pixels */
  double y;
  double radius;       /* in: the wanted radius; out: the radius to draw */
  guint  count;        /* in: its incidents; out: with those of what it took in */
  int    merged_into;  /* out: -1 when drawn, else the index of the badge drawn for it */
} AtlasBadge;

double atlas_badge_radius_for_count (guint       count);
void   atlas_badge_layout_place     (AtlasBadge *badges,
                                     gsize       n_badges,
                                     double      fixed_radius);

G_END_DECLS
