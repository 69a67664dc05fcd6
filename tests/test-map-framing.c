/* test-map-framing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Framing a subject, without a window: the part of the map a caption card and a legend
 * leave free, chosen for the subject's shape, and the subject filling it; the extent that
 * holds most of a case's incidents; what a route, or one of its stops, must show.
 */

#include "config.h"

#include "atlas-basemap.h"
#include "atlas-map-framing.h"
#include "atlas-mercator.h"
#include "atlas-route.h"
#include "case-test-util.h"

#define WIDTH 1280.0
#define HEIGHT 800.0

/* a caption card at the bottom left, a legend at the bottom right */
static const cairo_rectangle_t covered[] = {
  { 16, 378, 608, 390 },
  { 961, 520, 313, 262 },
};

static void
test_nothing_covered (void)
{
  cairo_rectangle_t area;

  atlas_map_framing_free_area (WIDTH, HEIGHT, NULL, 0, NULL, &area);
  g_assert_cmpfloat (area.x, ==, 0);
  g_assert_cmpfloat (area.y, ==, 0);
  g_assert_cmpfloat (area.width, ==, WIDTH);
  g_assert_cmpfloat (area.height, ==, HEIGHT);
}

/* Without a subject, the largest free part; with one, the part it shows largest in. */
static void
test_area_suits_subject (void)
{
  const AtlasBounds tall = { 60, 25, 62, 37 };
  const AtlasBounds wide = { 40, 30, 75, 32 };
  cairo_rectangle_t area;

  atlas_map_framing_free_area (WIDTH, HEIGHT, covered, G_N_ELEMENTS (covered), NULL, &area);
  g_assert_cmpfloat (area.width * area.height, ==, WIDTH * 378);

  /* between the card and the legend, the whole height */
  atlas_map_framing_free_area (WIDTH, HEIGHT, covered, G_N_ELEMENTS (covered), &tall, &area);
  g_assert_cmpfloat (area.x, ==, 624);
  g_assert_cmpfloat (area.width, ==, 961 - 624);
  g_assert_cmpfloat (area.height, ==, HEIGHT);
  /* the whole width above the card */
  atlas_map_framing_free_area (WIDTH, HEIGHT, covered, G_N_ELEMENTS (covered), &wide, &area);
  g_assert_cmpfloat (area.x, ==, 0);
  g_assert_cmpfloat (area.width, ==, WIDTH);
  g_assert_cmpfloat (area.height, ==, 378);
}

/* A subject nearly as large above a short card as beside it is framed above it, in the
 * middle of the map, not pushed into the corner right of the card (a briefing's Jiroft). */
static void
test_area_prefers_middle (void)
{
  /* about 500 km around Jiroft */
  const AtlasBounds square = { 55.2, 26.4, 60.3, 30.9 };
  const cairo_rectangle_t short_card[] = {
    { 16, 459, 600, 292 },
    { 945, 504, 325, 286 },
  };
  cairo_rectangle_t area;

  atlas_map_framing_free_area (WIDTH, HEIGHT, short_card, G_N_ELEMENTS (short_card), &square,
                               &area);
  g_assert_cmpfloat (area.x, ==, 0);
  g_assert_cmpfloat (area.width, ==, WIDTH);
  g_assert_cmpfloat (area.height, ==, 459);
}

/* The subject lies in the free area, centred, and fills it across or down. */
static void
test_fit_fills_free_area (void)
{
  const AtlasBounds subject = { 57.0, 27.0, 70.6, 37.1 };
  const cairo_rectangle_t free_area = { 624, 0, 656, 520 };
  AtlasMapFrame frame;
  double x0, y0, x1, y1;

  atlas_map_framing_fit (&subject, WIDTH, HEIGHT, &free_area, &frame);
  atlas_map_framing_project (&frame, WIDTH, HEIGHT, subject.max_lat, subject.min_lon, &x0, &y0);
  atlas_map_framing_project (&frame, WIDTH, HEIGHT, subject.min_lat, subject.max_lon, &x1, &y1);
  g_assert_cmpfloat (x0, >=, free_area.x);
  g_assert_cmpfloat (x1, <=, free_area.x + free_area.width);
  g_assert_cmpfloat (y0, >=, free_area.y);
  g_assert_cmpfloat (y1, <=, free_area.y + free_area.height);
  g_assert_cmpfloat (MAX ((x1 - x0) / free_area.width, (y1 - y0) / free_area.height), >=, 0.75);
  g_assert_cmpfloat_with_epsilon ((x0 + x1) / 2, free_area.x + free_area.width / 2, 1);
}

static AtlasClusterPosition
position (double latitude,
          double longitude,
          guint  count)
{
  return (AtlasClusterPosition) { atlas_mercator_x_from_longitude (longitude),
                                  atlas_mercator_y_from_latitude (latitude), count };
}

/* Twenty incidents around Kerman, then @n_more of @more. */
static GArray *
kerman_and (const AtlasClusterPosition *more,
            guint                       n_more)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (AtlasClusterPosition));

  for (guint i = 0; i < 20; i++)
    {
      AtlasClusterPosition p = position (30.28 + (i % 5) * 0.3, 57.07 + (i / 5) * 0.4, 1);

      g_array_append_val (positions, p);
    }
  g_array_append_vals (positions, more, n_more);
  return positions;
}

static void
assert_around_kerman (const AtlasBounds *extent)
{
  g_assert_cmpfloat (extent->min_lat, >=, 30.0);
  g_assert_cmpfloat (extent->max_lat, <=, 32.0);
  g_assert_cmpfloat (extent->min_lon, >=, 57.0);
  g_assert_cmpfloat (extent->max_lon, <=, 58.5);
}

/* Rows at 0,0 or on the world's edge are left out, whatever their number. */
static void
test_main_extent_leaves_out_suspects (void)
{
  AtlasClusterPosition more[] = {
    position (0, 0, 2), position (0, 0, 1), position (-89.9, -180, 1), position (0, 180, 1),
  };
  g_autoptr(GArray) positions = kerman_and (more, G_N_ELEMENTS (more));
  AtlasBounds extent;

  g_assert_cmpuint (atlas_map_framing_main_extent ((AtlasClusterPosition *) positions->data,
                                                   positions->len, 0, &extent), ==, 5);
  assert_around_kerman (&extent);
  g_assert_true (atlas_map_framing_is_suspect (0.5, 0.5));
  /* a cluster's incidents lie around it: the extent reaches as far */
  g_assert_cmpuint (atlas_map_framing_main_extent (more, 1, 0.01, &extent), ==, 0);
  g_assert_cmpfloat_with_epsilon (extent.max_lon, 3.6, 1e-9);
  g_assert_false (atlas_map_framing_is_suspect (more[0].x + 0.001, 0.5));
}

/* One incident across the world from twenty is left out; a real second area is not. */
static void
test_main_extent_leaves_out_few_far (void)
{
  AtlasClusterPosition far[] = { position (45.5, -73.6, 1) };
  AtlasClusterPosition europe[] = {
    position (48.85, 2.35, 3), position (51.5, -0.12, 2), position (52.5, 13.4, 1),
  };
  g_autoptr(GArray) with_far = kerman_and (far, G_N_ELEMENTS (far));
  g_autoptr(GArray) with_europe = kerman_and (europe, G_N_ELEMENTS (europe));
  AtlasBounds extent;

  g_assert_cmpuint (atlas_map_framing_main_extent ((AtlasClusterPosition *) with_far->data,
                                                   with_far->len, 0, &extent), ==, 1);
  assert_around_kerman (&extent);

  g_assert_cmpuint (atlas_map_framing_main_extent ((AtlasClusterPosition *) with_europe->data,
                                                   with_europe->len, 0, &extent), ==, 0);
  g_assert_cmpfloat (extent.min_lon, <, 0);
  g_assert_cmpfloat (extent.max_lat, >, 52);
}

/* A case whose every row is at 0,0 is framed there, not left empty. */
static void
test_main_extent_all_suspect (void)
{
  AtlasClusterPosition all[] = { position (0, 0, 4) };
  AtlasBounds extent;

  g_assert_cmpuint (atlas_map_framing_main_extent (all, 1, 0, &extent), ==, 0);
  g_assert_false (atlas_bounds_is_empty (&extent));
  g_assert_cmpfloat_with_epsilon (extent.min_lat, 0, 1e-9);
  g_assert_cmpuint (atlas_map_framing_main_extent (NULL, 0, 0, &extent), ==, 0);
  g_assert_true (atlas_bounds_is_empty (&extent));
}

/* A case of two routes: one along latitude 30 with a stop every ten degrees of longitude,
 * far more than the room shown around a town; one from a stop known only to Tajikistan
 * (the sample's "Tajikistan (no place given)") into Iran. */
static AtlasCase *
create_route_case (CaseFiles *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  AtlasCase *atlas_case;
  AtlasRecord *tajikistan;

  case_files_set_up (files, "atlas-map-framing-XXXXXX");
  atlas_case = atlas_case_create (files->file, "Framing", &error);
  g_assert_no_error (error);
  g_ptr_array_add (records, case_test_route ("line", "reported"));
  g_ptr_array_add (records, case_test_route ("from-tajikistan", "reported"));
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *key = g_strdup_printf ("line-%d", i);

      g_ptr_array_add (records, case_test_waypoint (key, "line", i + 1, 30, 40 + 10 * i));
    }
  tajikistan = case_test_waypoint ("tajikistan", "from-tajikistan", 1, 38.54, 68.78);
  atlas_record_set_text (tajikistan, "country", "Tajikistan");
  atlas_record_set_text (tajikistan, "location_precision", "country");
  g_ptr_array_add (records, tajikistan);
  g_ptr_array_add (records, case_test_waypoint ("entry", "from-tajikistan", 2, 27.23, 62.8));
  g_ptr_array_add (records, case_test_waypoint ("kerman", "from-tajikistan", 3, 30.28, 57.08));
  atlas_case_write_records (atlas_case, records, &error);
  g_assert_no_error (error);
  return atlas_case;
}

/* A stop is framed with the legs into and out of it (a briefing's Iranshahr showed with
 * Jiroft and Kerman cut off at the top), not with the whole route. */
static void
test_waypoint_takes_in_its_legs (void)
{
  CaseFiles files;
  g_autoptr(AtlasCase) atlas_case = create_route_case (&files);
  g_autoptr(GError) error = NULL;
  AtlasBounds bounds;

  g_assert_true (atlas_map_framing_subject_bounds (atlas_case, "waypoint", "line-1", &bounds,
                                                   &error));
  g_assert_no_error (error);
  g_assert_true (atlas_bounds_contains (&bounds, 30, 40));
  g_assert_true (atlas_bounds_contains (&bounds, 30, 60));
  g_assert_false (atlas_bounds_contains (&bounds, 30, 70));
  g_assert_cmpfloat (bounds.min_lat, <, 30 - 2);
  g_assert_cmpfloat (bounds.max_lat, >, 30 + 2);

  /* the first stop has only a leg out of it */
  g_assert_true (atlas_map_framing_subject_bounds (atlas_case, "waypoint", "line-0", &bounds,
                                                   &error));
  g_assert_true (atlas_bounds_contains (&bounds, 30, 50));
  g_assert_false (atlas_bounds_contains (&bounds, 30, 60));
  g_assert_cmpfloat (bounds.min_lon, <, 40 - 2);

  g_clear_object (&atlas_case);
  case_files_tear_down (&files);
}

/* Calls @check on every point of Tajikistan's outline in the basemap. */
static void
for_tajikistan_outline (void (*check) (double latitude, double longitude, gpointer data),
                        gpointer data)
{
  AtlasBasemap *basemap = atlas_basemap_get_default (NULL);
  int country = atlas_basemap_find_country_shape (basemap, "Tajikistan");
  guint n_points = 0;

  g_assert_cmpint (country, >=, 0);
  for (guint r = 0; r < atlas_basemap_get_country_shape (basemap, country)->n_rings; r++)
    {
      guint n;
      const double *xy = atlas_basemap_get_country_ring (basemap, country, r, &n);

      for (guint i = 0; i < n; i++)
        check (atlas_mercator_latitude_from_y (xy[2 * i + 1]),
               atlas_mercator_longitude_from_x (xy[2 * i]), data);
      n_points += n;
    }
  g_assert_cmpuint (n_points, >, 20);
}

typedef struct {
  AtlasMapFrame     frame;
  cairo_rectangle_t area;
} Framed;

static void
assert_in_free_area (double   latitude,
                     double   longitude,
                     gpointer data)
{
  Framed *framed = data;
  double x, y;

  atlas_map_framing_project (&framed->frame, WIDTH, HEIGHT, latitude, longitude, &x, &y);
  g_assert_cmpfloat (x, >=, framed->area.x - 1e-6);
  g_assert_cmpfloat (x, <=, framed->area.x + framed->area.width + 1e-6);
  g_assert_cmpfloat (y, >=, framed->area.y - 1e-6);
  g_assert_cmpfloat (y, <=, framed->area.y + framed->area.height + 1e-6);
}

/* A stop known only to its country is drawn as the country's outline: a route through it is
 * framed with the whole outline in the free area, not only the point standing in for it. */
static void
test_route_takes_in_country_outline (void)
{
  CaseFiles files;
  g_autoptr(AtlasCase) atlas_case = create_route_case (&files);
  g_autoptr(GError) error = NULL;
  AtlasBounds bounds;
  Framed framed;

  g_assert_true (atlas_map_framing_subject_bounds (atlas_case, "route", "from-tajikistan",
                                                   &bounds, &error));
  g_assert_no_error (error);
  atlas_map_framing_free_area (WIDTH, HEIGHT, covered, G_N_ELEMENTS (covered), &bounds,
                               &framed.area);
  atlas_map_framing_fit (&bounds, WIDTH, HEIGHT, &framed.area, &framed.frame);
  for_tajikistan_outline (assert_in_free_area, &framed);
  /* and so is the stop itself, as a route's neighbour of the entry into Iran */
  g_assert_true (atlas_map_framing_subject_bounds (atlas_case, "waypoint", "entry", &bounds,
                                                   &error));
  atlas_map_framing_free_area (WIDTH, HEIGHT, covered, G_N_ELEMENTS (covered), &bounds,
                               &framed.area);
  atlas_map_framing_fit (&bounds, WIDTH, HEIGHT, &framed.area, &framed.frame);
  for_tajikistan_outline (assert_in_free_area, &framed);

  g_clear_object (&atlas_case);
  case_files_tear_down (&files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/map-framing/nothing-covered", test_nothing_covered);
  g_test_add_func ("/atlas/map-framing/area-suits-subject", test_area_suits_subject);
  g_test_add_func ("/atlas/map-framing/area-prefers-middle", test_area_prefers_middle);
  g_test_add_func ("/atlas/map-framing/fit-fills-free-area", test_fit_fills_free_area);
  g_test_add_func ("/atlas/map-framing/main-extent-suspects",
                   test_main_extent_leaves_out_suspects);
  g_test_add_func ("/atlas/map-framing/main-extent-far", test_main_extent_leaves_out_few_far);
  g_test_add_func ("/atlas/map-framing/main-extent-all-suspect", test_main_extent_all_suspect);
  g_test_add_func ("/atlas/map-framing/waypoint-legs", test_waypoint_takes_in_its_legs);
  g_test_add_func ("/atlas/map-framing/route-country-outline",
                   test_route_takes_in_country_outline);

  return g_test_run ();
}
