/* atlas-label-space.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-route-painter.h"

G_BEGIN_DECLS

/* Where a map's case labels may go: inside the map, off the labels placed before them, the
 * symbols and what covers the map. */
typedef struct {
  const AtlasRoutePainter *painter;
  double                   width;
  double                   height;
  GArray                  *boxes;     /* cairo_rectangle_t: labels, symbols, covered parts */
  GArray                  *labelled;  /* cairo_rectangle_t of no size: places labelled */
  GArray                  *placed;    /* cairo_rectangle_t: the labels placed */
} AtlasLabelSpace;

void     atlas_label_space_init           (AtlasLabelSpace         *self,
                                           const AtlasRoutePainter *painter,
                                           double                   width,
                                           double                   height);
void     atlas_label_space_clear          (AtlasLabelSpace         *self);
void     atlas_label_space_reserve        (AtlasLabelSpace         *self,
                                           const cairo_rectangle_t *box);
void     atlas_label_space_reserve_symbol (AtlasLabelSpace         *self,
                                           double                   x,
                                           double                   y,
                                           double                   radius);
gboolean atlas_label_space_take_place     (AtlasLabelSpace         *self,
                                           double                   x,
                                           double                   y);
gboolean atlas_label_space_draw_centred   (AtlasLabelSpace         *self,
                                           cairo_t                 *cr,
                                           const char              *text,
                                           double                   x,
                                           double                   y,
                                           AtlasRouteLabelFlags     flags);
gboolean atlas_label_space_draw_beside    (AtlasLabelSpace         *self,
                                           cairo_t                 *cr,
                                           const char              *text,
                                           double                   x,
                                           double                   y,
                                           double                   radius,
                                           AtlasRouteLabelFlags     flags);

G_END_DECLS
