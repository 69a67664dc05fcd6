/* route-pair.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two routes that do not touch, laid out the same in pixels at any zoom, and whether any
 * painted pixel joins them. Route A (reported) ends in two waypoints a few pixels apart, so
 * its last place goes unlabelled: the case in which a waypoint's number once left a current
 * point, from which route B's first waypoint drew a line.
 */

#include "config.h"

#include <math.h>

#include "atlas-mercator.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
#include "route-pair.h"

typedef struct {
  const char *route;
  const char *key;
  const char *place;
  double      x;
  double      y;
} PairPoint;

static const PairPoint points[] = {
  { "route-a", "a1", "A1", ROUTE_PAIR_A_START_X, ROUTE_PAIR_A_START_Y },
  { "route-a", "a2", "A2", -150, 60 },
  { "route-a", "a3", "A3", -60, 40 },
  { "route-a", "a4", "A4", -52, 46 },
  { "route-b", "b1", "B1", ROUTE_PAIR_B_START_X, ROUTE_PAIR_B_START_Y },
  { "route-b", "b2", "B2", 260, 20 },
  { "route-b", "b3", "B3", 200, 120 },
};

static AtlasRecord *
make_route (const char *key,
            const char *status)
{
  AtlasRecord *route = ATLAS_RECORD (atlas_route_new (key));

  atlas_record_set_text (route, "name", key);
  atlas_record_set_text (route, "status", status);
  return route;
}

static AtlasRecord *
make_waypoint (const PairPoint *point,
               int              seq,
               double           latitude,
               double           longitude,
               double           zoom)
{
  AtlasRecord *waypoint = ATLAS_RECORD (atlas_waypoint_new (point->key));
  double world = 256 * exp2 (zoom);
  double x = atlas_mercator_x_from_longitude (longitude) + point->x / world;
  double y = atlas_mercator_y_from_latitude (latitude) + point->y / world;

  atlas_record_set_text (waypoint, "route_key", point->route);
  atlas_record_set_int (waypoint, "seq", seq);
  atlas_record_set_text (waypoint, "place", point->place);
  atlas_record_set_double (waypoint, "latitude", atlas_mercator_latitude_from_y (y));
  atlas_record_set_double (waypoint, "longitude", atlas_mercator_longitude_from_x (x));
  atlas_record_set_text (waypoint, "location_precision", "town");
  return waypoint;
}

/* Routes first, then their waypoints in travel order. */
GPtrArray *
route_pair_records (double latitude,
                    double longitude,
                    double zoom)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (records, make_route ("route-a", "reported"));
  g_ptr_array_add (records, make_route ("route-b", "contested"));
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    g_ptr_array_add (records, make_waypoint (&points[i], i + 1, latitude, longitude, zoom));
  return records;
}

AtlasCase *
route_pair_create_case (const char *path,
                        double      latitude,
                        double      longitude,
                        double      zoom)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = route_pair_records (latitude, longitude, zoom);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;

  g_file_delete (file, NULL, NULL);
  atlas_case = atlas_case_create (file, "Two routes", &error);
  g_assert_no_error (error);
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&atlas_case);
}

/* Painted pixels 8-connected to the one at @x, @y are marked 2. */
static void
flood (guint8 *mask,
       int     width,
       int     height,
       int     x,
       int     y)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  int start = y * width + x;

  g_array_append_val (stack, start);
  while (stack->len > 0)
    {
      int p = g_array_index (stack, int, stack->len - 1);

      g_array_set_size (stack, stack->len - 1);
      if (mask[p] != 1)
        continue;
      mask[p] = 2;
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
          {
            int nx = p % width + dx, ny = p / width + dy, next = ny * width + nx;

            if (nx >= 0 && ny >= 0 && nx < width && ny < height && mask[next] == 1)
              g_array_append_val (stack, next);
          }
    }
}

/* Whether painted pixels join route A's first waypoint to route B's, in a drawing @scale
 * pixels per layout pixel centred in @width × @height. Both must be painted. */
gboolean
route_pair_joined (const guint8 *painted,
                   int           width,
                   int           height,
                   double        scale)
{
  g_autofree guint8 *mask = g_memdup2 (painted, (gsize) width * height);
  int ax = (int) round (width / 2.0 + ROUTE_PAIR_A_START_X * scale);
  int ay = (int) round (height / 2.0 + ROUTE_PAIR_A_START_Y * scale);
  int bx = (int) round (width / 2.0 + ROUTE_PAIR_B_START_X * scale);
  int by = (int) round (height / 2.0 + ROUTE_PAIR_B_START_Y * scale);

  g_assert_cmpint (mask[ay * width + ax], ==, 1);
  g_assert_cmpint (mask[by * width + bx], ==, 1);
  flood (mask, width, height, ax, ay);
  return mask[by * width + bx] == 2;
}

/* 1 where a premultiplied ARGB image is painted at all, else 0. */
guint8 *
route_pair_mask_alpha (const guint8 *argb,
                       int           width,
                       int           height,
                       int           stride)
{
  guint8 *mask = g_malloc0 ((gsize) width * height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      mask[y * width + x] = ((const guint32 *) (argb + y * stride))[x] >> 24 > 8;
  return mask;
}

/* 1 where two RGB images of one size differ, else 0. */
guint8 *
route_pair_mask_changed (cairo_surface_t *with,
                         cairo_surface_t *without)
{
  int width = cairo_image_surface_get_width (with);
  int height = cairo_image_surface_get_height (with);
  int stride = cairo_image_surface_get_stride (with);
  const guint8 *a, *b;
  guint8 *mask = g_malloc0 ((gsize) width * height);

  cairo_surface_flush (with);
  cairo_surface_flush (without);
  a = cairo_image_surface_get_data (with);
  b = cairo_image_surface_get_data (without);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa = ((const guint32 *) (a + y * stride))[x];
        guint32 pb = ((const guint32 *) (b + y * stride))[x];
        int diff = 0;

        for (int c = 0; c < 24; c += 8)
          diff = MAX (diff, ABS ((int) ((pa >> c) & 0xff) - (int) ((pb >> c) & 0xff)));
        mask[y * width + x] = diff > 12;
      }
  return mask;
}
