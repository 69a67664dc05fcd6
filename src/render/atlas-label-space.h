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

/* A stop to be labelled beside its symbol (atlas_label_space_draw_stops()). */
typedef struct {
  char                 *text;
  double                x;
  double                y;
  double                radius;
  AtlasRouteLabelFlags  flags;
  gboolean              subject;  /* the selection or the page's subject: labelled first */
} AtlasLabelStop;

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
GArray  *atlas_label_stops_new            (void);
void     atlas_label_stops_add            (GArray                  *stops,
                                           char                    *text,
                                           double                   x,
                                           double                   y,
                                           double                   radius,
                                           AtlasRouteLabelFlags     flags,
                                           gboolean                 subject);
void     atlas_label_space_draw_stops     (AtlasLabelSpace         *self,
                                           cairo_t                 *cr,
                                           GArray                  *stops);

G_END_DECLS
