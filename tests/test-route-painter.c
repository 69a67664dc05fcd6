/* test-route-painter.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How routes look on screen and on paper, drawn without a window: each drawing starts a path
 * of its own and leaves none behind, so two routes that do not touch are never joined.
 */

#include "config.h"

#include <math.h>

#include "atlas-mercator.h"
#include "atlas-route-painter.h"
#include "route-pair.h"

#define WIDTH 900
#define HEIGHT 600
#define CENTRE_LATITUDE 31.0
#define CENTRE_LONGITUDE 62.0

typedef struct {
  double world;
  double centre_x;
  double centre_y;
} Projection;

static void
project_cb (gpointer  user_data,
            double    latitude,
            double    longitude,
            double   *x,
            double   *y)
{
  Projection *projection = user_data;

  *x = (atlas_mercator_x_from_longitude (longitude) - projection->centre_x) * projection->world
       + WIDTH / 2.0;
  *y = (atlas_mercator_y_from_latitude (latitude) - projection->centre_y) * projection->world
       + HEIGHT / 2.0;
}

/* The records' routes with their waypoints, in travel order. */
static GPtrArray *
waypoints_of (GPtrArray  *records,
              const char *route_key)
{
  GPtrArray *waypoints = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);

      if (g_str_equal (atlas_record_get_kind (record), "waypoint")
          && g_strcmp0 (atlas_record_get_text (record, "route_key"), route_key) == 0)
        g_ptr_array_add (waypoints, record);
    }
  return waypoints;
}

static void
draw_route (const AtlasRoutePainter *painter,
            cairo_t                 *cr,
            AtlasRecord             *route,
            GPtrArray               *waypoints)
{
  atlas_route_painter_draw_line (painter, cr, route, waypoints, FALSE);
  g_assert_false (cairo_has_current_point (cr));
  for (guint w = 0; w < waypoints->len; w++)
    {
      g_autofree char *label = NULL;
      double x, y;

      atlas_route_painter_draw_waypoint (painter, cr, route, waypoints, w, 0);
      g_assert_false (cairo_has_current_point (cr));
      if (w == 0)
        continue;
      label = atlas_route_painter_leg_label (painter, g_ptr_array_index (waypoints, w - 1),
                                             g_ptr_array_index (waypoints, w), &x, &y);
      if (label != NULL)
        atlas_route_painter_show_label (painter, cr, label, x, y, ATLAS_ROUTE_LABEL_CENTRED);
      g_assert_false (cairo_has_current_point (cr));
    }
}

static void
check_not_joined (AtlasRouteMedium medium,
                  int              zoom)
{
  g_autoptr(GPtrArray) records = route_pair_records (CENTRE_LATITUDE, CENTRE_LONGITUDE, zoom);
  g_autoptr(GPtrArray) a = waypoints_of (records, "route-a");
  g_autoptr(GPtrArray) b = waypoints_of (records, "route-b");
  Projection projection = { 256 * exp2 (zoom),
                            atlas_mercator_x_from_longitude (CENTRE_LONGITUDE),
                            atlas_mercator_y_from_latitude (CENTRE_LATITUDE) };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree guint8 *mask = NULL;
  AtlasRoutePainter painter;

  atlas_route_painter_init (&painter, medium, project_cb, &projection);
  draw_route (&painter, cr, g_ptr_array_index (records, 0), a);
  draw_route (&painter, cr, g_ptr_array_index (records, 1), b);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  mask = route_pair_mask_alpha (cairo_image_surface_get_data (surface), WIDTH, HEIGHT,
                                cairo_image_surface_get_stride (surface));
  if (route_pair_joined (mask, WIDTH, HEIGHT, 1.0))
    {
      g_autofree char *path = g_strdup_printf ("%s/route-painter-joined-%d-%d.png",
                                               g_get_tmp_dir (), medium, zoom);

      cairo_surface_write_to_png (surface, path);
      g_test_message ("routes joined at zoom %d: %s", zoom, path);
    }
  g_assert_false (route_pair_joined (mask, WIDTH, HEIGHT, 1.0));
  cairo_surface_destroy (surface);
}

/* Two routes a few hundred pixels apart stay apart at every zoom the briefing uses, drawn
 * for the screen and for paper. */
static void
test_routes_not_joined (void)
{
  for (int zoom = 3; zoom <= 10; zoom++)
    {
      check_not_joined (ATLAS_ROUTE_MEDIUM_SCREEN, zoom);
      check_not_joined (ATLAS_ROUTE_MEDIUM_PAPER, zoom);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/route-painter/not-joined", test_routes_not_joined);

  return g_test_run ();
}
