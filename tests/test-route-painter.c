/* test-route-painter.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How routes look on screen and on paper, drawn without a window: each drawing starts a path
 * of its own and leaves none behind, so two routes that do not touch are never joined; a leg
 * whose path no source gives is faint dots labelled "path not given", without a distance;
 * a leg carries only its own dates; alleged and contested routes differ in their dashes.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "atlas-mercator.h"
#include "atlas-route-painter.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
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

/* A waypoint at @x, @y of the identity projection below. */
static AtlasRecord *
make_waypoint (const char *place,
               double      x,
               double      y,
               const char *precision,
               const char *date)
{
  AtlasRecord *waypoint = ATLAS_RECORD (atlas_waypoint_new (place));

  atlas_record_set_text (waypoint, "place", place);
  atlas_record_set_double (waypoint, "longitude", x);
  atlas_record_set_double (waypoint, "latitude", y);
  atlas_record_set_text (waypoint, "location_precision", precision);
  if (date != NULL)
    atlas_record_set_text (waypoint, "date", date);
  return waypoint;
}

/* Longitude and latitude as x and y: a plain drawing to measure. */
static void
identity_cb (gpointer  user_data,
             double    latitude,
             double    longitude,
             double   *x,
             double   *y)
{
  *x = longitude;
  *y = latitude;
}

static char *
leg_label (AtlasRecord *from,
           AtlasRecord *to)
{
  AtlasRoutePainter painter;
  double x, y;

  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, identity_cb, NULL);
  return atlas_route_painter_leg_label (&painter, from, to, &x, &y);
}

/* A leg says its distance, and its dates only when both its ends are dated; a leg from or to
 * a stop known only to a province or a country says "path not given", and no distance. */
static void
test_leg_labels (void)
{
  g_autoptr(AtlasRecord) camp = make_waypoint ("Camp", 0, 0, "province", NULL);
  g_autoptr(AtlasRecord) crossing = make_waypoint ("Crossing", 200, 0, "district", NULL);
  g_autoptr(AtlasRecord) town = make_waypoint ("Town", 400, 0, "town", "2023-12-13");
  g_autoptr(AtlasRecord) city = make_waypoint ("City", 600, 0, "town", "2024-01-03");
  g_autoptr(AtlasRecord) country = make_waypoint ("Country", 800, 0, "country", "2024-01-05");
  g_autofree char *unknown = leg_label (camp, crossing);
  g_autofree char *undated = leg_label (crossing, town);
  g_autofree char *dated = leg_label (town, city);
  g_autofree char *to_country = leg_label (city, country);

  g_assert_true (atlas_route_leg_path_known (crossing, town));
  g_assert_false (atlas_route_leg_path_known (camp, crossing));
  g_assert_false (atlas_route_leg_path_known (city, country));

  g_assert_cmpstr (unknown, ==, "path not given");
  g_assert_cmpstr (to_country, ==, "path not given");
  /* the town's date is the town's, not the leg's that arrives there */
  g_assert_nonnull (strstr (undated, "km"));
  g_assert_null (strstr (undated, "2023"));
  g_assert_null (strstr (undated, "Dec"));
  g_assert_nonnull (strstr (dated, "km"));
  g_assert_nonnull (strstr (dated, " · 13 Dec 2023 – 3 Jan 2024"));
}

/* A stop carries its own date. */
static void
test_stop_label (void)
{
  g_autoptr(AtlasRecord) kerman = make_waypoint ("Kerman (attack site)", 0, 0, "town",
                                                 "2024-01-03");
  g_autoptr(AtlasRecord) khash = make_waypoint ("Khash", 0, 0, "town", NULL);
  g_autofree char *dated = atlas_route_stop_label (kerman);
  g_autofree char *undated = atlas_route_stop_label (khash);

  g_assert_cmpstr (dated, ==, "Kerman · 3 Jan 2024");
  g_assert_cmpstr (undated, ==, "Khash");
}

/* The alpha of the pixels on the line from @x1 to @x2 at @y: how much of it is painted, and
 * how strongly. */
static void
measure_run (cairo_surface_t *surface,
             int              x1,
             int              x2,
             int              y,
             double          *painted,
             int             *strongest)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int n = 0;

  *strongest = 0;
  for (int x = x1; x < x2; x++)
    {
      int alpha = ((const guint32 *) (data + y * stride))[x] >> 24;

      n += alpha > 8;
      *strongest = MAX (*strongest, alpha);
    }
  *painted = n / (double) (x2 - x1);
}

/* A leg with a known path is a continuous line; one without is faint, spaced dots. */
static void
test_path_not_given_dotted (void)
{
  g_autoptr(AtlasRecord) route = ATLAS_RECORD (atlas_route_new ("route"));
  g_autoptr(GPtrArray) waypoints = g_ptr_array_new_with_free_func (g_object_unref);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 100);
  cairo_t *cr = cairo_create (surface);
  AtlasRoutePainter painter;
  double painted;
  int strongest;

  atlas_record_set_text (route, "status", "reported");
  g_ptr_array_add (waypoints, make_waypoint ("Camp", 20, 50, "province", NULL));
  g_ptr_array_add (waypoints, make_waypoint ("Crossing", 340, 50, "district", NULL));
  g_ptr_array_add (waypoints, make_waypoint ("Town", 660, 50, "town", NULL));
  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, identity_cb, NULL);
  atlas_route_painter_draw_line (&painter, cr, route, waypoints, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* away from the arrows in the middle of the known leg */
  measure_run (surface, 360, 480, 50, &painted, &strongest);
  g_assert_cmpfloat (painted, >, 0.99);
  g_assert_cmpint (strongest, ==, 255);
  measure_run (surface, 40, 320, 50, &painted, &strongest);
  g_assert_cmpfloat (painted, >, 0.15);
  g_assert_cmpfloat (painted, <, 0.6);
  g_assert_cmpint (strongest, <, 200);
  cairo_surface_destroy (surface);
}

/* The lengths of the runs of vermilion pixels from @x1 to @x2 at @y, the halo aside; those
 * cut by either end are left out. */
static GArray *
measure_dashes (cairo_surface_t *surface,
                int              x1,
                int              x2,
                int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (int));
  int start = -1;

  for (int x = x1; x < x2; x++)
    {
      guint32 pixel = ((const guint32 *) (data + y * stride))[x];
      gboolean vermilion = ((pixel >> 16) & 0xff) > 150 && (pixel & 0xff) < 100;

      if (vermilion && start < 0)
        start = x;
      else if (!vermilion && start >= 0)
        {
          int length = x - start;

          if (start > x1)
            g_array_append_val (runs, length);
          start = -1;
        }
    }
  return runs;
}

static cairo_surface_t *
draw_route_of_status (const char *status,
                      gboolean    as_sample)
{
  g_autoptr(AtlasRecord) route = ATLAS_RECORD (atlas_route_new ("route"));
  g_autoptr(GPtrArray) waypoints = g_ptr_array_new_with_free_func (g_object_unref);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 100);
  cairo_t *cr = cairo_create (surface);
  AtlasRoutePainter painter;

  atlas_record_set_text (route, "status", status);
  g_ptr_array_add (waypoints, make_waypoint ("Town", 20, 50, "town", NULL));
  g_ptr_array_add (waypoints, make_waypoint ("City", 680, 50, "town", NULL));
  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, identity_cb, NULL);
  if (as_sample)
    atlas_route_painter_draw_sample (&painter, cr, 20, 50, 660, atlas_route_sample_of (route));
  else
    atlas_route_painter_draw_line (&painter, cr, route, waypoints, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* An alleged route is long dashes, a contested one dashes and dots, on the map and in the
 * legends alike: they share a colour, so the pattern tells them apart. */
static void
test_status_dashes (void)
{
  for (int as_sample = 0; as_sample < 2; as_sample++)
    {
      cairo_surface_t *alleged = draw_route_of_status ("alleged", as_sample);
      cairo_surface_t *contested = draw_route_of_status ("contested", as_sample);
      /* away from the arrow in the middle */
      g_autoptr(GArray) long_dashes = measure_dashes (alleged, 40, 300, 50);
      g_autoptr(GArray) dash_dots = measure_dashes (contested, 40, 300, 50);
      int shortest_long = G_MAXINT, longest = 0, dots = 0, dashes = 0;

      g_assert_cmpuint (long_dashes->len, >=, 5);
      for (guint i = 0; i < long_dashes->len; i++)
        shortest_long = MIN (shortest_long, g_array_index (long_dashes, int, i));
      g_assert_cmpuint (dash_dots->len, >=, 8);
      for (guint i = 0; i < dash_dots->len; i++)
        longest = MAX (longest, g_array_index (dash_dots, int, i));
      /* every long dash is longer than the contested line's dashes, which alternate with
       * dots of at most half their length */
      g_assert_cmpint (shortest_long, >, longest + 2);
      for (guint i = 0; i < dash_dots->len; i++)
        {
          int length = g_array_index (dash_dots, int, i);

          dots += 2 * length <= longest;
          dashes += length == longest || length == longest - 1;
        }
      g_assert_cmpint (dots, >=, 3);
      g_assert_cmpint (dashes, >=, 3);
      cairo_surface_destroy (alleged);
      cairo_surface_destroy (contested);
    }
}

/* The legend's "path not given" sample is dotted in the colour of the route it stands for,
 * as the map draws that route's legs. */
static void
test_path_not_given_sample (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 20);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  AtlasRoutePainter painter;
  int red = 0, blue = 0;

  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, NULL, NULL);
  atlas_route_painter_draw_sample (&painter, cr, 0, 10, 100,
                                   ATLAS_ROUTE_SAMPLE_PATH_NOT_GIVEN | ATLAS_ROUTE_SAMPLE_ALLEGED);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (int x = 0; x < 100; x++)
    {
      guint32 pixel = ((const guint32 *) (data + 10 * stride))[x];

      red = MAX (red, (int) ((pixel >> 16) & 0xff));
      blue = MAX (blue, (int) (pixel & 0xff));
    }
  /* vermilion at the dots' alpha, not grey */
  g_assert_cmpint (red, >, 100);
  g_assert_cmpint (blue, <, red / 4);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  /* the words checked are the untranslated ones */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/route-painter/not-joined", test_routes_not_joined);
  g_test_add_func ("/atlas/route-painter/leg-labels", test_leg_labels);
  g_test_add_func ("/atlas/route-painter/stop-label", test_stop_label);
  g_test_add_func ("/atlas/route-painter/path-not-given-dotted", test_path_not_given_dotted);
  g_test_add_func ("/atlas/route-painter/status-dashes", test_status_dashes);
  g_test_add_func ("/atlas/route-painter/path-not-given-sample", test_path_not_given_sample);

  return g_test_run ();
}
