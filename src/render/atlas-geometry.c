/* atlas-geometry.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Flat storage of map outlines (land rings, coastlines, borders) in normalised
 * Web Mercator, with simplification and rectangle clipping.
 */

#include "atlas-geometry.h"

#include <math.h>
#include <string.h>

typedef enum
{
  CLIP_LEFT,
  CLIP_RIGHT,
  CLIP_TOP,
  CLIP_BOTTOM,
} ClipEdge;

typedef struct
{
  guint start;
  guint end;
} Span;

static guint clip_ring_to_edge (const double *xy,
                                guint         n_points,
                                ClipEdge      edge,
                                double        value,
                                double       *out);

AtlasGeometry *
atlas_geometry_new (void)
{
  AtlasGeometry *geometry = g_new0 (AtlasGeometry, 1);

  geometry->points = g_array_new (FALSE, FALSE, sizeof (AtlasPoint));
  geometry->parts = g_array_new (FALSE, FALSE, sizeof (AtlasPart));
  return geometry;
}

void
atlas_geometry_free (AtlasGeometry *geometry)
{
  if (geometry == NULL)
    return;

  g_array_unref (geometry->points);
  g_array_unref (geometry->parts);
  g_free (geometry);
}

guint
atlas_geometry_get_n_points (const AtlasGeometry *geometry)
{
  return geometry->points->len;
}

void
atlas_geometry_shrink (AtlasGeometry *geometry)
{
  /* GArray has no shrink-to-fit; copying into an exactly sized array does it. */
  GArray *points = g_array_sized_new (FALSE, FALSE, sizeof (AtlasPoint), geometry->points->len);
  GArray *parts = g_array_sized_new (FALSE, FALSE, sizeof (AtlasPart), geometry->parts->len);

  g_array_append_vals (points, geometry->points->data, geometry->points->len);
  g_array_append_vals (parts, geometry->parts->data, geometry->parts->len);
  g_array_unref (geometry->points);
  g_array_unref (geometry->parts);
  geometry->points = points;
  geometry->parts = parts;
}

static guint
minimum_points_for_kind (AtlasPartKind kind)
{
  return kind == ATLAS_PART_LAND ? 3 : 2;
}

static void
finish_part (AtlasGeometry *geometry,
             AtlasPartKind  kind,
             guint          first,
             guint          n_points)
{
  const AtlasPoint *points = &g_array_index (geometry->points, AtlasPoint, first);
  AtlasPart part = { 0, };

  if (n_points < minimum_points_for_kind (kind))
    {
      g_array_set_size (geometry->points, first);
      return;
    }

  g_array_set_size (geometry->points, first + n_points);
  part.first = first;
  part.n_points = n_points;
  part.kind = kind;
  part.x0 = part.x1 = points[0].x;
  part.y0 = part.y1 = points[0].y;
  for (guint i = 1; i < n_points; i++)
    {
      part.x0 = MIN (part.x0, points[i].x);
      part.x1 = MAX (part.x1, points[i].x);
      part.y0 = MIN (part.y0, points[i].y);
      part.y1 = MAX (part.y1, points[i].y);
    }
  g_array_append_val (geometry->parts, part);
}

static void
add_float_part (AtlasGeometry    *geometry,
                AtlasPartKind     kind,
                const AtlasPoint *points,
                guint             n_points)
{
  guint first = geometry->points->len;

  g_array_append_vals (geometry->points, points, n_points);
  finish_part (geometry, kind, first, n_points);
}

void
atlas_geometry_add_part (AtlasGeometry *geometry,
                         AtlasPartKind  kind,
                         const double  *xy,
                         guint          n_points)
{
  guint first = geometry->points->len;
  AtlasPoint *points;
  guint n_out = 0;

  if (n_points < minimum_points_for_kind (kind))
    return;

  g_array_set_size (geometry->points, first + n_points);
  points = &g_array_index (geometry->points, AtlasPoint, first);
  for (guint i = 0; i < n_points; i++)
    {
      AtlasPoint point = { (float) xy[2 * i], (float) xy[2 * i + 1] };

      if (n_out > 0 && point.x == points[n_out - 1].x && point.y == points[n_out - 1].y)
        continue;
      points[n_out++] = point;
    }

  /* Rings are stored without repeating the first point at the end. */
  if (kind == ATLAS_PART_LAND && n_out > 1 &&
      points[0].x == points[n_out - 1].x && points[0].y == points[n_out - 1].y)
    n_out--;

  finish_part (geometry, kind, first, n_out);
}

gboolean
atlas_rect_intersects (const AtlasRect *a,
                       const AtlasRect *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

void
atlas_rect_from_points (AtlasRect    *rect,
                        const double *xy,
                        guint         n_points)
{
  rect->x0 = rect->y0 = G_MAXDOUBLE;
  rect->x1 = rect->y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < n_points; i++)
    {
      rect->x0 = MIN (rect->x0, xy[2 * i]);
      rect->x1 = MAX (rect->x1, xy[2 * i]);
      rect->y0 = MIN (rect->y0, xy[2 * i + 1]);
      rect->y1 = MAX (rect->y1, xy[2 * i + 1]);
    }
}

static gboolean
part_is_inside (const AtlasPart *part,
                const AtlasRect *rect)
{
  return part->x0 >= rect->x0 && part->x1 <= rect->x1 &&
         part->y0 >= rect->y0 && part->y1 <= rect->y1;
}

static gboolean
part_is_outside (const AtlasPart *part,
                 const AtlasRect *rect)
{
  return part->x1 < rect->x0 || part->x0 > rect->x1 ||
         part->y1 < rect->y0 || part->y0 > rect->y1;
}

static void
part_to_doubles (const AtlasGeometry *geometry,
                 const AtlasPart     *part,
                 GArray              *xy)
{
  const AtlasPoint *points = &g_array_index (geometry->points, AtlasPoint, part->first);
  double *out;

  g_array_set_size (xy, 2 * part->n_points);
  out = (double *) xy->data;
  for (guint i = 0; i < part->n_points; i++)
    {
      out[2 * i] = points[i].x;
      out[2 * i + 1] = points[i].y;
    }
}

static void
clip_part_into (const AtlasGeometry *geometry,
                const AtlasPart     *part,
                const AtlasRect     *rect,
                AtlasGeometry       *dest,
                GArray              *scratch,
                GArray              *clipped,
                GArray              *lengths)
{
  const double *xy;
  guint offset = 0;

  part_to_doubles (geometry, part, scratch);
  g_array_set_size (clipped, 0);

  if (part->kind == ATLAS_PART_LAND)
    {
      atlas_clip_ring ((double *) scratch->data, part->n_points, rect, clipped);
      atlas_geometry_add_part (dest, part->kind, (double *) clipped->data, clipped->len / 2);
      return;
    }

  g_array_set_size (lengths, 0);
  atlas_clip_polyline ((double *) scratch->data, part->n_points, rect, clipped, lengths);
  xy = (const double *) clipped->data;
  for (guint i = 0; i < lengths->len; i++)
    {
      guint n = g_array_index (lengths, guint, i);

      atlas_geometry_add_part (dest, part->kind, xy + 2 * offset, n);
      offset += n;
    }
}

void
atlas_geometry_clip_into (const AtlasGeometry *geometry,
                          const AtlasRect     *rect,
                          AtlasGeometry       *dest)
{
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clipped = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < geometry->parts->len; i++)
    {
      const AtlasPart *part = &g_array_index (geometry->parts, AtlasPart, i);

      if (part_is_outside (part, rect))
        continue;

      if (part_is_inside (part, rect))
        add_float_part (dest, part->kind,
                        &g_array_index (geometry->points, AtlasPoint, part->first),
                        part->n_points);
      else
        clip_part_into (geometry, part, rect, dest, scratch, clipped, lengths);
    }
}

static void
split_ring (const GArray  *xy,
            guint          n_points,
            AtlasAxis      axis,
            double         value,
            AtlasGeometry *low,
            AtlasGeometry *high,
            GArray        *clipped)
{
  const double *points = (const double *) xy->data;
  guint n;

  g_array_set_size (clipped, 4 * n_points);
  n = clip_ring_to_edge (points, n_points, axis == ATLAS_AXIS_X ? CLIP_RIGHT : CLIP_BOTTOM,
                         value, (double *) clipped->data);
  atlas_geometry_add_part (low, ATLAS_PART_LAND, (const double *) clipped->data, n);

  n = clip_ring_to_edge (points, n_points, axis == ATLAS_AXIS_X ? CLIP_LEFT : CLIP_TOP,
                         value, (double *) clipped->data);
  atlas_geometry_add_part (high, ATLAS_PART_LAND, (const double *) clipped->data, n);
}

static void
add_polyline_pieces (AtlasGeometry *dest,
                     AtlasPartKind  kind,
                     const GArray  *xy,
                     const GArray  *lengths)
{
  guint offset = 0;

  for (guint i = 0; i < lengths->len; i++)
    {
      guint n = g_array_index (lengths, guint, i);

      atlas_geometry_add_part (dest, kind, (const double *) xy->data + 2 * offset, n);
      offset += n;
    }
}

static void
split_polyline (const GArray  *xy,
                guint          n_points,
                AtlasPartKind  kind,
                AtlasAxis      axis,
                double         value,
                AtlasGeometry *low,
                AtlasGeometry *high,
                GArray        *clipped,
                GArray        *lengths)
{
  const double far = 1e300;
  AtlasRect low_half = { -far, -far, far, far };
  AtlasRect high_half = { -far, -far, far, far };

  if (axis == ATLAS_AXIS_X)
    low_half.x1 = high_half.x0 = value;
  else
    low_half.y1 = high_half.y0 = value;

  g_array_set_size (clipped, 0);
  g_array_set_size (lengths, 0);
  atlas_clip_polyline ((const double *) xy->data, n_points, &low_half, clipped, lengths);
  add_polyline_pieces (low, kind, clipped, lengths);

  g_array_set_size (clipped, 0);
  g_array_set_size (lengths, 0);
  atlas_clip_polyline ((const double *) xy->data, n_points, &high_half, clipped, lengths);
  add_polyline_pieces (high, kind, clipped, lengths);
}

/**
 * atlas_geometry_split:
 *
 * Cuts @geometry along the line @axis = @value into the parts below it (@low)
 * and above it (@high), in one pass per part.
 */
void
atlas_geometry_split (const AtlasGeometry *geometry,
                      AtlasAxis            axis,
                      double               value,
                      AtlasGeometry       *low,
                      AtlasGeometry       *high)
{
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) clipped = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < geometry->parts->len; i++)
    {
      const AtlasPart *part = &g_array_index (geometry->parts, AtlasPart, i);
      const AtlasPoint *points = &g_array_index (geometry->points, AtlasPoint, part->first);
      double min = axis == ATLAS_AXIS_X ? part->x0 : part->y0;
      double max = axis == ATLAS_AXIS_X ? part->x1 : part->y1;

      if (max <= value)
        {
          add_float_part (low, part->kind, points, part->n_points);
          continue;
        }
      if (min >= value)
        {
          add_float_part (high, part->kind, points, part->n_points);
          continue;
        }

      part_to_doubles (geometry, part, scratch);
      if (part->kind == ATLAS_PART_LAND)
        split_ring (scratch, part->n_points, axis, value, low, high, clipped);
      else
        split_polyline (scratch, part->n_points, part->kind, axis, value, low, high, clipped,
                        lengths);
    }
}

/* Douglas–Peucker simplification. */

static double
segment_distance_squared (const double *p,
                          const double *a,
                          const double *b)
{
  double dx = b[0] - a[0];
  double dy = b[1] - a[1];
  double length_squared = dx * dx + dy * dy;
  double t = 0.0;
  double ex, ey;

  if (length_squared > 0.0)
    t = CLAMP (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_squared, 0.0, 1.0);

  ex = p[0] - (a[0] + t * dx);
  ey = p[1] - (a[1] + t * dy);
  return ex * ex + ey * ey;
}

static guint
farthest_point (const double *xy,
                Span          span,
                double       *out_distance_squared)
{
  guint farthest = span.start;
  double best = -1.0;

  for (guint i = span.start + 1; i < span.end; i++)
    {
      double d = segment_distance_squared (xy + 2 * i, xy + 2 * span.start, xy + 2 * span.end);

      if (d > best)
        {
          best = d;
          farthest = i;
        }
    }

  *out_distance_squared = best;
  return farthest;
}

/* A cheap first pass: a point within the tolerance of the previous survivor
 * moves the outline by less than the tolerance, so it is dropped before the
 * costlier Douglas–Peucker pass.  Returns the number of survivors in @out. */
static guint
drop_close_points (const double *xy,
                   guint         n_points,
                   double        tolerance_squared,
                   double       *out)
{
  guint n = 1;

  out[0] = xy[0];
  out[1] = xy[1];
  for (guint i = 1; i < n_points; i++)
    {
      double dx = xy[2 * i] - out[2 * (n - 1)];
      double dy = xy[2 * i + 1] - out[2 * (n - 1) + 1];

      if (i + 1 < n_points && dx * dx + dy * dy <= tolerance_squared)
        continue;
      out[2 * n] = xy[2 * i];
      out[2 * n + 1] = xy[2 * i + 1];
      n++;
    }
  return n;
}

static void
mark_douglas_peucker (const double *xy,
                      guint         n_points,
                      double        tolerance_squared,
                      guint8       *keep)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Span));

  keep[0] = keep[n_points - 1] = 1;
  g_array_append_val (stack, ((Span) { 0, n_points - 1 }));

  while (stack->len > 0)
    {
      Span span = g_array_index (stack, Span, stack->len - 1);
      double distance_squared;
      guint index;

      g_array_set_size (stack, stack->len - 1);
      if (span.end - span.start < 2)
        continue;

      index = farthest_point (xy, span, &distance_squared);
      if (distance_squared <= tolerance_squared)
        continue;

      keep[index] = 1;
      g_array_append_val (stack, ((Span) { span.start, index }));
      g_array_append_val (stack, ((Span) { index, span.end }));
    }
}

void
atlas_simplify_polyline (const double *xy,
                         guint         n_points,
                         double        tolerance,
                         GArray       *out_xy)
{
  double tolerance_squared = tolerance * tolerance;
  g_autofree double *candidates = NULL;
  g_autofree guint8 *keep = NULL;
  guint n;

  if (n_points <= 2 || tolerance <= 0.0)
    {
      g_array_append_vals (out_xy, xy, 2 * n_points);
      return;
    }

  candidates = g_new (double, 2 * n_points);
  n = drop_close_points (xy, n_points, tolerance_squared, candidates);
  keep = g_new0 (guint8, n);
  mark_douglas_peucker (candidates, n, tolerance_squared, keep);

  for (guint i = 0; i < n; i++)
    if (keep[i])
      g_array_append_vals (out_xy, candidates + 2 * i, 2);
}

/* Sutherland–Hodgman ring clipping; points on an edge get its exact value. */

static gboolean
is_inside_edge (const double *p,
                ClipEdge      edge,
                double        value)
{
  switch (edge)
    {
    case CLIP_LEFT:
      return p[0] >= value;
    case CLIP_RIGHT:
      return p[0] <= value;
    case CLIP_TOP:
      return p[1] >= value;
    case CLIP_BOTTOM:
    default:
      return p[1] <= value;
    }
}

static double *
write_edge_intersection (double       *out,
                         const double *a,
                         const double *b,
                         ClipEdge      edge,
                         double        value)
{
  if (edge == CLIP_LEFT || edge == CLIP_RIGHT)
    {
      out[0] = value;
      out[1] = a[1] + (value - a[0]) / (b[0] - a[0]) * (b[1] - a[1]);
    }
  else
    {
      out[0] = a[0] + (value - a[1]) / (b[1] - a[1]) * (b[0] - a[0]);
      out[1] = value;
    }
  return out + 2;
}

/* Writes at most two points per input point into @out; returns the count. */
static guint
clip_ring_to_edge (const double *xy,
                   guint         n_points,
                   ClipEdge      edge,
                   double        value,
                   double       *out)
{
  double *start = out;
  const double *previous = xy + 2 * (n_points - 1);
  gboolean previous_inside = is_inside_edge (previous, edge, value);

  for (guint i = 0; i < n_points; i++)
    {
      const double *current = xy + 2 * i;
      gboolean current_inside = is_inside_edge (current, edge, value);

      if (current_inside != previous_inside)
        out = write_edge_intersection (out, previous, current, edge, value);
      if (current_inside)
        {
          out[0] = current[0];
          out[1] = current[1];
          out += 2;
        }
      previous = current;
      previous_inside = current_inside;
    }
  return (guint) (out - start) / 2;
}

void
atlas_clip_ring (const double    *xy,
                 guint            n_points,
                 const AtlasRect *rect,
                 GArray          *out_xy)
{
  const ClipEdge edges[] = { CLIP_LEFT, CLIP_RIGHT, CLIP_TOP, CLIP_BOTTOM };
  const double values[] = { rect->x0, rect->x1, rect->y0, rect->y1 };
  g_autofree double *a = g_new (double, 2 * n_points);
  g_autofree double *b = NULL;
  guint n = n_points;

  memcpy (a, xy, 2 * n_points * sizeof (double));
  for (guint e = 0; e < G_N_ELEMENTS (edges) && n >= 3; e++)
    {
      double *swap;

      b = g_renew (double, b, 4 * n);
      n = clip_ring_to_edge (a, n, edges[e], values[e], b);
      swap = a;
      a = b;
      b = swap;
    }

  if (n >= 3)
    g_array_append_vals (out_xy, a, 2 * n);
}

/* Liang–Barsky polyline clipping: each visible run becomes one output piece. */

static gboolean
clip_parameter (double  p,
                double  q,
                double *t0,
                double *t1)
{
  double r;

  if (p == 0.0)
    return q >= 0.0;

  r = q / p;
  if (p < 0.0)
    {
      if (r > *t1)
        return FALSE;
      *t0 = MAX (*t0, r);
    }
  else
    {
      if (r < *t0)
        return FALSE;
      *t1 = MIN (*t1, r);
    }
  return TRUE;
}

static gboolean
clip_segment (const double    *a,
              const double    *b,
              const AtlasRect *rect,
              double          *t0,
              double          *t1)
{
  double dx = b[0] - a[0];
  double dy = b[1] - a[1];

  *t0 = 0.0;
  *t1 = 1.0;
  return clip_parameter (-dx, a[0] - rect->x0, t0, t1) &&
         clip_parameter (dx, rect->x1 - a[0], t0, t1) &&
         clip_parameter (-dy, a[1] - rect->y0, t0, t1) &&
         clip_parameter (dy, rect->y1 - a[1], t0, t1);
}

static double *
write_clamped (double          *out,
               const double    *a,
               const double    *b,
               double           t,
               const AtlasRect *rect)
{
  double x = t == 0.0 ? a[0] : t == 1.0 ? b[0] : a[0] + t * (b[0] - a[0]);
  double y = t == 0.0 ? a[1] : t == 1.0 ? b[1] : a[1] + t * (b[1] - a[1]);

  out[0] = CLAMP (x, rect->x0, rect->x1);
  out[1] = CLAMP (y, rect->y0, rect->y1);
  return out + 2;
}

static gboolean
point_is_inside (const double    *p,
                 const AtlasRect *rect)
{
  return p[0] >= rect->x0 && p[0] <= rect->x1 && p[1] >= rect->y0 && p[1] <= rect->y1;
}

typedef struct
{
  double *start;        /* first point of the open piece */
  double *end;          /* where the next point goes */
  GArray *lengths;
} PieceWriter;

static void
finish_piece (PieceWriter *writer)
{
  guint length = (guint) (writer->end - writer->start) / 2;

  /* A lone point cannot be drawn: drop it. */
  if (length == 1)
    writer->end = writer->start;
  else if (length >= 2)
    g_array_append_val (writer->lengths, length);
  writer->start = writer->end;
}

void
atlas_clip_polyline (const double    *xy,
                     guint            n_points,
                     const AtlasRect *rect,
                     GArray          *out_xy,
                     GArray          *out_lengths)
{
  guint first = out_xy->len;
  PieceWriter writer;

  /* Each segment adds at most two points. */
  g_array_set_size (out_xy, first + 4 * MAX (n_points, 1));
  writer.start = writer.end = &g_array_index (out_xy, double, first);
  writer.lengths = out_lengths;

  for (guint i = 0; i + 1 < n_points; i++)
    {
      const double *a = xy + 2 * i;
      const double *b = xy + 2 * i + 2;
      gboolean open = writer.end > writer.start;
      double t0 = 0.0, t1 = 1.0;

      if (open && point_is_inside (b, rect))
        {
          writer.end = write_clamped (writer.end, a, b, 1.0, rect);
          continue;
        }

      if (!clip_segment (a, b, rect, &t0, &t1))
        {
          finish_piece (&writer);
          continue;
        }

      if (!open || t0 > 0.0)
        {
          finish_piece (&writer);
          writer.end = write_clamped (writer.end, a, b, t0, rect);
        }
      writer.end = write_clamped (writer.end, a, b, t1, rect);

      if (t1 < 1.0)
        finish_piece (&writer);
    }
  finish_piece (&writer);

  g_array_set_size (out_xy, (guint) (writer.end - (double *) out_xy->data));
}
