/* atlas-label-space.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a map's case labels go, decided the same way on screen and on paper: each label
 * where it neither covers another label, a symbol or what covers the map (the legend, a
 * caption) nor leaves the map, or left out. A place's name sits beside its symbol on a
 * card, to its right if there is room, else to its left, above or below, else leaning to
 * one side above or below, or further out; the subject's place is labelled before all
 * others. A leg's label is centred on its place. How they are drawn is
 * atlas-route-painter's.
 */

#define G_LOG_DOMAIN "atlas-render"

#include "config.h"

#include <math.h>

#include "atlas-label-space.h"

/* from the map's edge */
#define EDGE 2.0

/**
 * atlas_label_space_init:
 * @painter: draws the labels; it must outlive @self
 */
void
atlas_label_space_init (AtlasLabelSpace         *self,
                        const AtlasRoutePainter *painter,
                        double                   width,
                        double                   height)
{
  g_return_if_fail (self != NULL && painter != NULL);

  self->painter = painter;
  self->width = width;
  self->height = height;
  self->boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->labelled = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->placed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
}

void
atlas_label_space_clear (AtlasLabelSpace *self)
{
  g_clear_pointer (&self->boxes, g_array_unref);
  g_clear_pointer (&self->labelled, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
}

/* Keeps labels off @box, e.g. the legend. */
void
atlas_label_space_reserve (AtlasLabelSpace         *self,
                           const cairo_rectangle_t *box)
{
  g_array_append_val (self->boxes, *box);
}

/* Keeps labels off a symbol of @radius at @x, @y. */
void
atlas_label_space_reserve_symbol (AtlasLabelSpace *self,
                                  double           x,
                                  double           y,
                                  double           radius)
{
  cairo_rectangle_t box = { x - radius, y - radius, 2 * radius, 2 * radius };

  g_array_append_val (self->boxes, box);
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
take_box (AtlasLabelSpace         *self,
          const cairo_rectangle_t *box)
{
  if (box->x < EDGE || box->y < EDGE || box->x + box->width > self->width - EDGE
      || box->y + box->height > self->height - EDGE)
    return FALSE;
  for (guint i = 0; i < self->boxes->len; i++)
    if (boxes_overlap (&g_array_index (self->boxes, cairo_rectangle_t, i), box))
      return FALSE;
  g_array_append_val (self->boxes, *box);
  g_array_append_val (self->placed, *box);
  return TRUE;
}

/* Two routes meeting at one place: the place is labelled once. Returns %FALSE when the
 * place at @x, @y already has its label. */
gboolean
atlas_label_space_take_place (AtlasLabelSpace *self,
                              double           x,
                              double           y)
{
  cairo_rectangle_t place = { x, y, 0, 0 };

  for (guint i = 0; i < self->labelled->len; i++)
    {
      cairo_rectangle_t *other = &g_array_index (self->labelled, cairo_rectangle_t, i);

      if (hypot (other->x - x, other->y - y) < 10)
        return FALSE;
    }
  g_array_append_val (self->labelled, place);
  return TRUE;
}

static void
measure_label (PangoLayout       *layout,
               cairo_rectangle_t *box)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  box->width = logical.width / (double) PANGO_SCALE;
  box->height = logical.height / (double) PANGO_SCALE;
}

/* Draws a label centred at @x, @y, if it neither covers another nor leaves the map. */
gboolean
atlas_label_space_draw_centred (AtlasLabelSpace      *self,
                                cairo_t              *cr,
                                const char           *text,
                                double                x,
                                double                y,
                                AtlasRouteLabelFlags  flags)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_rectangle_t box;

  g_return_val_if_fail (self != NULL && cr != NULL && text != NULL, FALSE);

  layout = atlas_route_painter_create_layout (self->painter, cr, text, flags);
  measure_label (layout, &box);
  box.x = x - box.width / 2;
  box.y = y - box.height / 2;
  if (!take_box (self, &box))
    return FALSE;
  atlas_route_painter_show_layout (self->painter, cr, layout, box.x, box.y, flags);
  return TRUE;
}

/* Where a label of @width by @height may go beside a symbol at @x, @y, best first: right,
 * left, above, below; then above and below, starting or ending at the symbol, for a long
 * label near the map's edge or a caption; then right and left again, a line further out.
 * Returns how many it wrote to @boxes. */
static guint
candidate_boxes (double             x,
                 double             y,
                 double             gap,
                 double             width,
                 double             height,
                 cairo_rectangle_t  boxes[10])
{
  double right = x + gap, left = x - gap - width, middle = x - width / 2;
  double above = y - gap - height, below = y + gap, level = y - height / 2;
  double starting = x - gap / 2, ending = x + gap / 2 - width;
  double far = gap + height;
  guint n = 0;

#define ADD(bx, by) (boxes[n++] = (cairo_rectangle_t) { (bx), (by), width, height })
  ADD (right, level);
  ADD (left, level);
  ADD (middle, above);
  ADD (middle, below);
  ADD (starting, above);
  ADD (ending, above);
  ADD (starting, below);
  ADD (ending, below);
  ADD (x + far, level);
  ADD (x - far - width, level);
#undef ADD
  return n;
}

/* Labels a symbol of @radius at @x, @y: to its right if there is room, else to its left,
 * above or below it, else as candidate_boxes() says. */
gboolean
atlas_label_space_draw_beside (AtlasLabelSpace      *self,
                               cairo_t              *cr,
                               const char           *text,
                               double                x,
                               double                y,
                               double                radius,
                               AtlasRouteLabelFlags  flags)
{
  g_autoptr(PangoLayout) layout = NULL;
  cairo_rectangle_t box, candidates[10];
  guint n;

  g_return_val_if_fail (self != NULL && cr != NULL && text != NULL, FALSE);

  layout = atlas_route_painter_create_layout (self->painter, cr, text, flags);
  measure_label (layout, &box);
  box.width += 5;   /* the card's padding */
  n = candidate_boxes (x, y, radius + 0.5, box.width, box.height, candidates);
  for (guint i = 0; i < n; i++)
    if (take_box (self, &candidates[i]))
      {
        atlas_route_painter_show_card (self->painter, cr, layout, candidates[i].x + 2.5,
                                       candidates[i].y, flags);
        return TRUE;
      }
  return FALSE;
}

static void
clear_stop (gpointer data)
{
  g_free (((AtlasLabelStop *) data)->text);
}

/* An array of AtlasLabelStop, which frees their text. */
GArray *
atlas_label_stops_new (void)
{
  GArray *stops = g_array_new (FALSE, TRUE, sizeof (AtlasLabelStop));

  g_array_set_clear_func (stops, clear_stop);
  return stops;
}

/* Adds a stop to be labelled with @text (taken) beside its symbol of @radius. */
void
atlas_label_stops_add (GArray               *stops,
                       char                 *text,
                       double                x,
                       double                y,
                       double                radius,
                       AtlasRouteLabelFlags  flags,
                       gboolean              subject)
{
  AtlasLabelStop stop = { text, x, y, radius, flags, subject };

  g_array_append_val (stops, stop);
}

static void
draw_stop (AtlasLabelSpace      *self,
           cairo_t              *cr,
           const AtlasLabelStop *stop)
{
  if (stop->text != NULL && *stop->text != '\0'
      && atlas_label_space_take_place (self, stop->x, stop->y))
    atlas_label_space_draw_beside (self, cr, stop->text, stop->x, stop->y, stop->radius,
                                   stop->flags);
}

/**
 * atlas_label_space_draw_stops:
 * @stops: (element-type AtlasLabelStop): from atlas_label_stops_new()
 *
 * Labels each place of @stops once, beside its symbol, where there is room: the subject's
 * first, so that neither a crowding stop of another route nor its label can take its place,
 * then the others in their order.
 */
void
atlas_label_space_draw_stops (AtlasLabelSpace *self,
                              cairo_t         *cr,
                              GArray          *stops)
{
  g_return_if_fail (self != NULL && cr != NULL && stops != NULL);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < stops->len; i++)
      {
        const AtlasLabelStop *stop = &g_array_index (stops, AtlasLabelStop, i);

        if (stop->subject == (pass == 0))
          draw_stop (self, cr, stop);
      }
}
