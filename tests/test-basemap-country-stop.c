/* test-basemap-country-stop.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A route stop known only to its country, as the sample's "Tajikistan (no place given)":
 * the route painter draws it as the country's shaded outline from the offline basemap, and
 * its leg leaves from the outline, not from a capital standing in for the country with a
 * line across it.  The same drawing serves the screen and the page.
 */

#include "config.h"

#include <math.h>

#include "atlas-basemap.h"
#include "atlas-mercator.h"
#include "atlas-route-painter.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

#define WIDTH 900
#define HEIGHT 700
#define ZOOM 5.5

/* Dushanbe stands in for Tajikistan; the route then enters Iran from Pakistan. */
#define DUSHANBE_LATITUDE 38.54
#define DUSHANBE_LONGITUDE 68.78
#define ENTRY_LATITUDE 27.3
#define ENTRY_LONGITUDE 63.0

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

static AtlasRecord *
make_stop (const char *key,
           int         seq,
           double      latitude,
           double      longitude,
           const char *precision,
           const char *country)
{
  AtlasRecord *waypoint = ATLAS_RECORD (atlas_waypoint_new (key));

  atlas_record_set_text (waypoint, "route_key", "route");
  atlas_record_set_int (waypoint, "seq", seq);
  atlas_record_set_text (waypoint, "place", country);
  atlas_record_set_text (waypoint, "country", country);
  atlas_record_set_double (waypoint, "latitude", latitude);
  atlas_record_set_double (waypoint, "longitude", longitude);
  atlas_record_set_text (waypoint, "location_precision", precision);
  return waypoint;
}

typedef struct {
  Projection         projection;
  AtlasRoutePainter  painter;
  cairo_surface_t   *surface;
  double             scale;   /* surface pixels per drawing unit */
} Drawing;

/* Draws a two-stop route from a stop known only to @country (or to a town) to the entry
 * into Iran, on a transparent surface, as the map and the printer draw routes. */
static void
draw_route (Drawing          *drawing,
            AtlasRouteMedium  medium,
            const char       *country,
            const char       *precision)
{
  g_autoptr(AtlasRecord) route = ATLAS_RECORD (atlas_route_new ("route"));
  g_autoptr(GPtrArray) waypoints = g_ptr_array_new_with_free_func (g_object_unref);
  cairo_t *cr;

  atlas_record_set_text (route, "name", "Alleged route");
  atlas_record_set_text (route, "status", "alleged");
  g_ptr_array_add (waypoints, make_stop ("first", 1, DUSHANBE_LATITUDE, DUSHANBE_LONGITUDE,
                                         precision, country));
  g_ptr_array_add (waypoints, make_stop ("entry", 2, ENTRY_LATITUDE, ENTRY_LONGITUDE, "province",
                                         "Iran"));

  drawing->projection.world = 256.0 * exp2 (ZOOM);
  drawing->projection.centre_x = atlas_mercator_x_from_longitude (66.0);
  drawing->projection.centre_y = atlas_mercator_y_from_latitude (33.5);
  drawing->scale = medium == ATLAS_ROUTE_MEDIUM_PAPER ? 2.0 : 1.0;
  atlas_route_painter_init (&drawing->painter, medium, project_cb, &drawing->projection);
  drawing->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                 (int) (WIDTH * drawing->scale),
                                                 (int) (HEIGHT * drawing->scale));
  cr = cairo_create (drawing->surface);
  cairo_scale (cr, drawing->scale, drawing->scale);
  atlas_route_painter_draw_line (&drawing->painter, cr, route, waypoints, FALSE);
  for (guint i = 0; i < waypoints->len; i++)
    atlas_route_painter_draw_waypoint (&drawing->painter, cr, route, waypoints, i, 0);
  g_assert_false (cairo_has_current_point (cr));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (drawing->surface);
}

/* The strongest alpha within a pixel of where (@latitude, @longitude) is drawn. */
static int
alpha_near (Drawing *drawing,
            double   latitude,
            double   longitude)
{
  const guint8 *data = cairo_image_surface_get_data (drawing->surface);
  int stride = cairo_image_surface_get_stride (drawing->surface);
  double x, y;
  int best = 0;

  project_cb (&drawing->projection, latitude, longitude, &x, &y);
  x *= drawing->scale;
  y *= drawing->scale;
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        int px = (int) x + dx, py = (int) y + dy;

        g_assert_true (px >= 0 && py >= 0 &&
                       px < cairo_image_surface_get_width (drawing->surface) &&
                       py < cairo_image_surface_get_height (drawing->surface));
        best = MAX (best, data[py * stride + 4 * px + 3]);
      }
  return best;
}

static gboolean
in_tajikistan (double latitude,
               double longitude)
{
  AtlasBasemap *basemap = atlas_basemap_get_default (NULL);
  int index = atlas_basemap_find_country_shape (basemap, "Tajikistan");
  double x = atlas_mercator_x_from_longitude (longitude);
  double y = atlas_mercator_y_from_latitude (latitude);
  gboolean inside = FALSE;

  for (guint r = 0; r < atlas_basemap_get_country_shape (basemap, index)->n_rings; r++)
    {
      guint n;
      const double *xy = atlas_basemap_get_country_ring (basemap, index, r, &n);

      for (guint i = 0, j = n - 1; i < n; j = i++)
        if ((xy[2 * i + 1] > y) != (xy[2 * j + 1] > y) &&
            x < (xy[2 * j] - xy[2 * i]) * (y - xy[2 * i + 1]) / (xy[2 * j + 1] - xy[2 * i + 1]) +
                xy[2 * i])
          inside = !inside;
    }
  return inside;
}

static void
check_country_stop (AtlasRouteMedium medium)
{
  Drawing drawing;
  double exit_fraction = 0.0;
  int strongest_inside = 0;

  draw_route (&drawing, medium, "Tajikistan", "country");

  /* shaded, far from the stand-in point: the Pamirs, near Murghob, and the north, Khujand */
  g_assert_cmpint (alpha_near (&drawing, 38.2, 73.9), >, 20);
  g_assert_cmpint (alpha_near (&drawing, 40.28, 69.62), >, 20);
  /* and only the country: not Kabul, not Tashkent */
  g_assert_cmpint (alpha_near (&drawing, 34.53, 69.17), ==, 0);
  g_assert_cmpint (alpha_near (&drawing, 41.3, 69.24), ==, 0);

  /* no leg runs inside the country from the stand-in point to its border: along the
   * straight line, from past the stop's symbol to just before the border, nothing is
   * stronger than the shading */
  for (double t = 0.0; t < 1.0 && in_tajikistan (DUSHANBE_LATITUDE + t * (ENTRY_LATITUDE -
                                                                            DUSHANBE_LATITUDE),
                                                 DUSHANBE_LONGITUDE + t * (ENTRY_LONGITUDE -
                                                                            DUSHANBE_LONGITUDE));
       t += 0.001)
    exit_fraction = t;
  g_assert_cmpfloat (exit_fraction, >, 0.05);
  for (double t = 0.25 * exit_fraction; t < 0.8 * exit_fraction; t += exit_fraction / 50.0)
    strongest_inside = MAX (strongest_inside,
                            alpha_near (&drawing,
                                        DUSHANBE_LATITUDE + t * (ENTRY_LATITUDE - DUSHANBE_LATITUDE),
                                        DUSHANBE_LONGITUDE + t * (ENTRY_LONGITUDE -
                                                                  DUSHANBE_LONGITUDE)));
  g_test_message ("medium %d: the line leaves Tajikistan at %.3f of the way; strongest alpha"
                  " on its inner part %d", medium, exit_fraction, strongest_inside);
  g_assert_cmpint (strongest_inside, <, 70);

  /* the leg is still there, from the border on: dots between Tajikistan and the entry */
  {
    guint n_dots = 0;

    for (double latitude = 29.0; latitude < 36.5; latitude += 0.05)
      for (double longitude = 62.0; longitude < 70.0; longitude += 0.05)
        n_dots += alpha_near (&drawing, latitude, longitude) > 100;
    g_assert_cmpuint (n_dots, >, 10);
  }
  cairo_surface_destroy (drawing.surface);
}

static void
test_country_stop_on_screen (void)
{
  check_country_stop (ATLAS_ROUTE_MEDIUM_SCREEN);
}

static void
test_country_stop_on_paper (void)
{
  check_country_stop (ATLAS_ROUTE_MEDIUM_PAPER);
}

/* A stop known to a town, or to a country the basemap has no outline for, stays a point. */
static void
test_other_stops_stay_points (void)
{
  Drawing town, unknown;

  draw_route (&town, ATLAS_ROUTE_MEDIUM_SCREEN, "Tajikistan", "town");
  draw_route (&unknown, ATLAS_ROUTE_MEDIUM_SCREEN, "Atlantis", "country");
  g_assert_cmpint (alpha_near (&town, 38.2, 73.9), ==, 0);
  g_assert_cmpint (alpha_near (&unknown, 38.2, 73.9), ==, 0);
  g_assert_cmpint (alpha_near (&town, DUSHANBE_LATITUDE, DUSHANBE_LONGITUDE), >, 200);
  cairo_surface_destroy (town.surface);
  cairo_surface_destroy (unknown.surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/basemap/country-stop/on-screen", test_country_stop_on_screen);
  g_test_add_func ("/atlas/basemap/country-stop/on-paper", test_country_stop_on_paper);
  g_test_add_func ("/atlas/basemap/country-stop/other-stops-stay-points",
                   test_other_stops_stay_points);
  return g_test_run ();
}
