/* test-map-framing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Framing a subject, without a window: the part of the map a caption card and a legend
 * leave free, chosen for the subject's shape, and the subject filling it.
 */

#include "config.h"

#include "atlas-map-framing.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/map-framing/nothing-covered", test_nothing_covered);
  g_test_add_func ("/atlas/map-framing/area-suits-subject", test_area_suits_subject);
  g_test_add_func ("/atlas/map-framing/fit-fills-free-area", test_fit_fills_free_area);

  return g_test_run ();
}
