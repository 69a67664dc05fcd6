/* route-pair.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-case.h"

G_BEGIN_DECLS

/* The pair's layout, pixels from the centre at 256 pixels per tile. */
#define ROUTE_PAIR_A_START_X -300.0
#define ROUTE_PAIR_A_START_Y -100.0
#define ROUTE_PAIR_B_START_X 120.0
#define ROUTE_PAIR_B_START_Y -80.0

GPtrArray *route_pair_records     (double        latitude,
                                   double        longitude,
                                   double        zoom);
AtlasCase *route_pair_create_case (const char   *path,
                                   double        latitude,
                                   double        longitude,
                                   double        zoom);
gboolean   route_pair_joined      (const guint8 *painted,
                                   int           width,
                                   int           height,
                                   double        scale);
guint8    *route_pair_mask_alpha  (const guint8 *argb,
                                   int           width,
                                   int           height,
                                   int           stride);
guint8    *route_pair_mask_changed (cairo_surface_t *with,
                                    cairo_surface_t *without);

G_END_DECLS
