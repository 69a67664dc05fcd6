/* test-label-space.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where case labels go, without a window: never over another label, a symbol or what covers
 * the map, never off the map; a place's name moves to the symbol's other side when it must.
 * Case and basemap labels grow with the desktop's text scaling factor, and their text stands
 * out 4.5:1 from their halo over any map colour, light and dark.
 */

#include "config.h"

#include <math.h>

#include "atlas-label-space.h"
#include "atlas-mercator.h"
#include "atlas-tile-style.h"
#include "atlas-tile-renderer.h"

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

/* The subject's stop, crowded at the map's edge by another route's stop listed before it,
 * keeps its label; the other place, within the merging distance, goes without. */
static void
test_subject_first (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) stops = atlas_label_stops_new ();
  const cairo_rectangle_t *label;

  atlas_label_stops_add (stops, g_strdup ("Other route, stop 2"), WIDTH - 24, 104, 10, 0, FALSE);
  atlas_label_stops_add (stops, g_strdup ("Jaliq crossing"), WIDTH - 20, 100, 13,
                         ATLAS_ROUTE_LABEL_BOLD, TRUE);
  atlas_label_space_draw_stops (&fixture->space, fixture->cr, stops);

  g_assert_cmpuint (fixture->space.placed->len, ==, 1);
  g_assert_cmpfloat (g_array_index (fixture->space.labelled, cairo_rectangle_t, 0).x, ==,
                     WIDTH - 20);
  label = placed (fixture, 0);
  g_assert_cmpfloat (label->x + label->width, <=, WIDTH - 20 - 13);
}

/* A symbol whose right, left and the middle of its top and bottom are taken is labelled
 * above it, starting at it. */
static void
test_beside_leans (Fixture       *fixture,
                           gconstpointer  data)
{
  const cairo_rectangle_t sides[] = {
    { 215, 145, 20, 10 }, { 165, 145, 20, 10 }, { 170, 125, 20, 10 }, { 190, 165, 20, 10 },
  };
  const cairo_rectangle_t *label;

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    atlas_label_space_reserve (&fixture->space, &sides[i]);
  g_assert_true (atlas_label_space_draw_beside (&fixture->space, fixture->cr, "Khash", 200, 150,
                                                10, 0));
  label = placed (fixture, 0);
  g_assert_cmpfloat (label->x, >=, 190);
  g_assert_cmpfloat (label->y + label->height, <=, 140);
}

/* At a text scale of 1.5, a label is half as large again. */
static void
test_text_scale (Fixture       *fixture,
                 gconstpointer  data)
{
  AtlasRoutePainter large_painter = fixture->painter;
  AtlasLabelSpace large;
  const cairo_rectangle_t *normal_box, *large_box;

  large_painter.text_scale = 1.5;
  atlas_label_space_init (&large, &large_painter, WIDTH, HEIGHT);
  g_assert_true (atlas_label_space_draw_centred (&fixture->space, fixture->cr, "Iranshahr",
                                                 200, 150, 0));
  g_assert_true (atlas_label_space_draw_centred (&large, fixture->cr, "Iranshahr", 200, 150, 0));
  normal_box = placed (fixture, 0);
  large_box = &g_array_index (large.placed, cairo_rectangle_t, 0);
  g_assert_cmpfloat_with_epsilon (large_box->width / normal_box->width, 1.5, 0.1);
  g_assert_cmpfloat_with_epsilon (large_box->height / normal_box->height, 1.5, 0.1);
  atlas_label_space_clear (&large);
}

static AtlasTileRenderer *
load_renderer (void)
{
  const char *from_environment = g_getenv ("ATLAS_BASEMAP");
  g_autofree char *path = NULL;
  g_autoptr(AtlasBasemap) basemap = NULL;
  g_autoptr(GError) error = NULL;

  path = from_environment != NULL && *from_environment != '\0'
         ? g_strdup (from_environment)
         : g_test_build_filename (G_TEST_DIST, "..", "data", "basemap", "basemap.bin", NULL);
  basemap = atlas_basemap_new_from_file (path, &error);
  g_assert_no_error (error);
  return atlas_tile_renderer_new (basemap);
}

static const AtlasPlacedLabel *
find_label (GArray     *labels,
            const char *name)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_array_index (labels, AtlasPlacedLabel, i).name, name))
      return &g_array_index (labels, AtlasPlacedLabel, i);
  return NULL;
}

/* The basemap's "Kerman" at zoom 6 is half as tall again at a text scale of 1.5. */
static void
test_tile_labels_text_scale (void)
{
  g_autoptr(AtlasTileRenderer) renderer = load_renderer ();
  g_autoptr(GArray) normal = NULL;
  g_autoptr(GArray) large = NULL;
  const AtlasPlacedLabel *normal_kerman, *large_kerman;

  normal = atlas_tile_renderer_list_labels (renderer, 6, 42, 26, 256, NULL);
  atlas_tile_renderer_set_text_scale (renderer, 1.5);
  large = atlas_tile_renderer_list_labels (renderer, 6, 42, 26, 256, NULL);
  normal_kerman = find_label (normal, "Kerman");
  large_kerman = find_label (large, "Kerman");
  g_assert_nonnull (normal_kerman);
  g_assert_nonnull (large_kerman);
  g_assert_cmpfloat_with_epsilon ((large_kerman->y1 - large_kerman->y0)
                                  / (normal_kerman->y1 - normal_kerman->y0), 1.5, 0.05);
  g_assert_cmpfloat (large_kerman->x1 - large_kerman->x0, >,
                     1.4 * (normal_kerman->x1 - normal_kerman->x0) - 10);
}

/* A view's basemap labels keep their size between whole zooms, lie wholly in the view, and
 * one under an obstacle (a case label) is left out while the others stay. */
static void
test_view_labels (void)
{
  g_autoptr(AtlasTileRenderer) renderer = load_renderer ();
  double x = atlas_mercator_x_from_longitude (57.08), y = atlas_mercator_y_from_latitude (30.28);
  g_autoptr(GArray) whole = NULL;
  g_autoptr(GArray) between = NULL;
  g_autoptr(GArray) hidden = NULL;
  const AtlasPlacedLabel *kerman, *kerman_between;
  cairo_rectangle_t case_label;

  whole = atlas_tile_renderer_draw_labels (renderer, NULL, ATLAS_TILE_STYLE_LIGHT, 6.0, x, y,
                                           800, 600, NULL, 0);
  between = atlas_tile_renderer_draw_labels (renderer, NULL, ATLAS_TILE_STYLE_LIGHT, 6.7, x, y,
                                             800, 600, NULL, 0);
  kerman = find_label (whole, "Kerman");
  kerman_between = find_label (between, "Kerman");
  g_assert_nonnull (kerman);
  g_assert_nonnull (kerman_between);
  g_assert_cmpfloat_with_epsilon (kerman_between->y1 - kerman_between->y0,
                                  kerman->y1 - kerman->y0, 0.01);
  /* the view's centre is Kerman's dot */
  g_assert_cmpfloat (kerman->x0, <, 400);
  g_assert_cmpfloat (kerman->x1, >, 400);

  case_label = (cairo_rectangle_t) { kerman->x0 + 10, kerman->y0, 20, 5 };
  hidden = atlas_tile_renderer_draw_labels (renderer, NULL, ATLAS_TILE_STYLE_LIGHT, 6.0, x, y,
                                            800, 600, &case_label, 1);
  g_assert_null (find_label (hidden, "Kerman"));
  g_assert_cmpuint (hidden->len, ==, whole->len - 1);

  /* none is cut by the view's edge */
  for (guint i = 0; i < between->len; i++)
    {
      const AtlasPlacedLabel *label = &g_array_index (between, AtlasPlacedLabel, i);

      g_assert_cmpfloat (label->x0, >=, 0);
      g_assert_cmpfloat (label->y0, >=, 0);
      g_assert_cmpfloat (label->x1, <=, 800);
      g_assert_cmpfloat (label->y1, <=, 600);
    }
}

static double
channel_luminance (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

/* WCAG 2.1 relative luminance of an opaque colour. */
static double
luminance (const double rgb[3])
{
  return 0.2126 * channel_luminance (rgb[0]) + 0.7152 * channel_luminance (rgb[1])
         + 0.0722 * channel_luminance (rgb[2]);
}

/* The contrast of @text over @halo laid over a map of grey @under (0 black, 1 white). */
static double
contrast_over (const double text[3],
               const double halo[4],
               double       under)
{
  double seen[3];
  double a, b;

  for (guint c = 0; c < 3; c++)
    seen[c] = halo[c] * halo[3] + under * (1 - halo[3]);
  a = luminance (text) + 0.05;
  b = luminance (seen) + 0.05;
  return MAX (a, b) / MIN (a, b);
}

/* The darkest and the lightest map under the halo bound the contrast between them. */
static void
assert_readable (const char   *what,
                 const double  text[3],
                 const double  halo[4])
{
  double worst = MIN (contrast_over (text, halo, 0), contrast_over (text, halo, 1));

  g_test_message ("%s: %.2f:1", what, worst);
  if (worst < 4.5)
    g_test_fail_printf ("%s stands out only %.2f:1 from its halo", what, worst);
}

static void
test_halo_contrast (void)
{
  const AtlasRouteLabelFlags flags[] = { 0, ATLAS_ROUTE_LABEL_DIM };
  const AtlasTileStyle styles[] = { ATLAS_TILE_STYLE_LIGHT, ATLAS_TILE_STYLE_DARK };
  AtlasRoutePainter painter;

  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, NULL, NULL);
  for (guint dark = 0; dark < 2; dark++)
    for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
      {
        g_autofree char *what = g_strdup_printf ("case label%s%s", dark ? ", dark" : "",
                                                 flags[f] ? ", dimmed" : "");
        AtlasLabelColour text, halo;

        painter.dark = dark;
        atlas_route_painter_get_label_colours (&painter, flags[f], &text, &halo);
        assert_readable (what, (double[3]) { text.red, text.green, text.blue },
                         (double[4]) { halo.red, halo.green, halo.blue, halo.alpha });
      }

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      const AtlasTilePalette *palette = atlas_tile_style_get_palette (styles[i]);
      const AtlasColor *texts[] = { &palette->place_text, &palette->minor_place_text,
                                    &palette->country_text };
      const AtlasColor *halo = &palette->halo;

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *what = g_strdup_printf ("basemap label %u, %s", t,
                                                   i ? "dark" : "light");

          assert_readable (what, (double[3]) { texts[t]->red, texts[t]->green, texts[t]->blue },
                           (double[4]) { halo->red, halo->green, halo->blue, halo->alpha });
        }
    }
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
  g_test_add ("/atlas/label-space/subject-first", Fixture, NULL, fixture_set_up,
              test_subject_first, fixture_tear_down);
  g_test_add ("/atlas/label-space/beside-leans", Fixture, NULL, fixture_set_up,
              test_beside_leans, fixture_tear_down);
  g_test_add ("/atlas/label-space/text-scale", Fixture, NULL, fixture_set_up, test_text_scale,
              fixture_tear_down);
  g_test_add_func ("/atlas/label-space/tile-labels-text-scale", test_tile_labels_text_scale);
  g_test_add_func ("/atlas/label-space/halo-contrast", test_halo_contrast);
  g_test_add_func ("/atlas/label-space/view-labels", test_view_labels);

  return g_test_run ();
}
