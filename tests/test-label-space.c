/* test-label-space.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where case labels go, without a window: never over another label, a symbol or what covers
 * the map, never off the map; a place's name moves to the symbol's other side when it must.
 */

#include "config.h"

#include "atlas-label-space.h"

#define WIDTH 400
#define HEIGHT 300

typedef struct {
  AtlasRoutePainter painter;
  AtlasLabelSpace   space;
  cairo_surface_t  *surface;
  cairo_t          *cr;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  atlas_route_painter_init (&fixture->painter, ATLAS_ROUTE_MEDIUM_SCREEN, NULL, NULL);
  atlas_label_space_init (&fixture->space, &fixture->painter, WIDTH, HEIGHT);
  fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  fixture->cr = cairo_create (fixture->surface);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cairo_destroy (fixture->cr);
  cairo_surface_destroy (fixture->surface);
  atlas_label_space_clear (&fixture->space);
}

static const cairo_rectangle_t *
placed (Fixture *fixture,
        guint    index)
{
  g_assert_cmpuint (index, <, fixture->space.placed->len);
  return &g_array_index (fixture->space.placed, cairo_rectangle_t, index);
}

/* A second label on the first one's place is left out. */
static void
test_no_overlap (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_true (atlas_label_space_draw_centred (&fixture->space, fixture->cr, "path not given",
                                                 200, 150, ATLAS_ROUTE_LABEL_SMALL));
  g_assert_false (atlas_label_space_draw_centred (&fixture->space, fixture->cr,
                                                  "path not given", 204, 153,
                                                  ATLAS_ROUTE_LABEL_SMALL));
  g_assert_cmpuint (fixture->space.placed->len, ==, 1);
}

/* Near the map's right edge, a place's name goes to the left of its symbol. */
static void
test_beside_flips_at_edge (Fixture       *fixture,
                           gconstpointer  data)
{
  g_assert_true (atlas_label_space_draw_beside (&fixture->space, fixture->cr,
                                                "ISKP training camp", WIDTH - 20, 100, 10, 0));
  g_assert_cmpfloat (placed (fixture, 0)->x + placed (fixture, 0)->width, <=, WIDTH - 30);
}

/* What covers the map and the symbols keep labels off them. */
static void
test_reserved (Fixture       *fixture,
               gconstpointer  data)
{
  const cairo_rectangle_t legend = { 0, 200, WIDTH, 100 };

  atlas_label_space_reserve (&fixture->space, &legend);
  atlas_label_space_reserve_symbol (&fixture->space, 200, 150, 10);
  g_assert_false (atlas_label_space_draw_centred (&fixture->space, fixture->cr, "Khash", 200,
                                                  250, 0));
  g_assert_false (atlas_label_space_draw_centred (&fixture->space, fixture->cr, "Khash", 200,
                                                  150, 0));
  g_assert_true (atlas_label_space_draw_beside (&fixture->space, fixture->cr, "Khash", 200, 150,
                                                10, 0));
  g_assert_cmpfloat (placed (fixture, 0)->x, >=, 210);
}

/* Two routes meeting at one place label it once. */
static void
test_place_labelled_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_assert_true (atlas_label_space_take_place (&fixture->space, 100, 100));
  g_assert_false (atlas_label_space_take_place (&fixture->space, 104, 102));
  g_assert_true (atlas_label_space_take_place (&fixture->space, 130, 100));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/atlas/label-space/no-overlap", Fixture, NULL, fixture_set_up, test_no_overlap,
              fixture_tear_down);
  g_test_add ("/atlas/label-space/beside-flips-at-edge", Fixture, NULL, fixture_set_up,
              test_beside_flips_at_edge, fixture_tear_down);
  g_test_add ("/atlas/label-space/reserved", Fixture, NULL, fixture_set_up, test_reserved,
              fixture_tear_down);
  g_test_add ("/atlas/label-space/place-labelled-once", Fixture, NULL, fixture_set_up,
              test_place_labelled_once, fixture_tear_down);

  return g_test_run ();
}
