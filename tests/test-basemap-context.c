/* test-basemap-context.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The basemap's context layers: first-level divisions (their boundaries and names), rivers,
 * main roads, the countries' outlines, and each place's country and province.  They are read
 * from the real extract and from small hand-made ones (valid, broken and fuzzed), and drawn.
 *
 * The extract is found through the ATLAS_BASEMAP environment variable, or else as
 * ../data/basemap/basemap.bin relative to the tests folder.
 */

#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-mercator.h"
#include "atlas-tile-renderer.h"
#include "basemap-extract.h"

#define BUDGET_BYTES (10 * 1024 * 1024)
#define N_FUZZ_MUTATIONS 2000

static const char *const context_tags[] = {
  "ADM1", "RIVR", "PROV", "CPOL", "PLAD", "HWAY", "ROAD",
};

/* The real extract with its context sections renamed, so that readers skip them: the
 * basemap as it was before it had them. */
static AtlasBasemap *
basemap_without_context (void)
{
  gsize length;
  const guint8 *original = g_bytes_get_data (basemap_bytes (), &length);
  g_autofree guint8 *copy = g_memdup2 (original, length);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint32 n_sections;
  AtlasBasemap *basemap;

  memcpy (&n_sections, copy + 12, 4);
  n_sections = GUINT32_FROM_LE (n_sections);
  for (guint i = 0; i < n_sections; i++)
    for (guint t = 0; t < G_N_ELEMENTS (context_tags); t++)
      if (memcmp (copy + 16 + 16 * i, context_tags[t], 4) == 0)
        memcpy (copy + 16 + 16 * i, "ZZZZ", 4);

  bytes = g_bytes_new_take (g_steal_pointer (&copy), length);
  basemap = atlas_basemap_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_basemap_get_n_provinces (basemap), ==, 0);
  return basemap;
}

static int
find_place (AtlasBasemap *basemap,
            const char   *name,
            double        longitude,
            double        latitude)
{
  for (guint i = 0; i < atlas_basemap_get_n_places (basemap); i++)
    {
      const AtlasBasemapLabel *place = atlas_basemap_get_place (basemap, i);

      if (g_str_equal (place->name, name) &&
          fabs (atlas_mercator_longitude_from_x (place->x) - longitude) < 0.1 &&
          fabs (atlas_mercator_latitude_from_y (place->y) - latitude) < 0.1)
        return (int) i;
    }
  return -1;
}

typedef struct
{
  AtlasPartKind kind;
  guint         n_parts;
} PartCount;

static void
count_parts (const AtlasGeometry *leaf,
             gpointer             user_data)
{
  PartCount *count = user_data;

  for (guint i = 0; i < leaf->parts->len; i++)
    if (g_array_index (leaf->parts, AtlasPart, i).kind == count->kind)
      count->n_parts++;
}

static guint
parts_near (AtlasBasemap  *basemap,
            int            zoom,
            AtlasPartKind  kind,
            double         west,
            double         south,
            double         east,
            double         north)
{
  AtlasRect rect = { atlas_mercator_x_from_longitude (west),
                     atlas_mercator_y_from_latitude (north),
                     atlas_mercator_x_from_longitude (east),
                     atlas_mercator_y_from_latitude (south) };
  PartCount count = { kind, 0 };

  atlas_geometry_tree_foreach_leaf (atlas_basemap_get_geometry_for_zoom (basemap, zoom), &rect,
                                    count_parts, &count);
  return count.n_parts;
}

static gboolean
country_contains (AtlasBasemap *basemap,
                  int           index,
                  double        longitude,
                  double        latitude)
{
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

/* The real extract. */

static void
test_layers_present_and_in_budget (void)
{
  AtlasBasemap *basemap = shared_basemap ();
  gboolean kerman = FALSE;

  g_test_message ("basemap.bin: %" G_GSIZE_FORMAT " bytes, %u provinces, %u country outlines",
                  g_bytes_get_size (basemap_bytes ()), atlas_basemap_get_n_provinces (basemap),
                  atlas_basemap_get_n_country_shapes (basemap));
  g_assert_cmpuint (g_bytes_get_size (basemap_bytes ()), <=, BUDGET_BYTES);
  g_assert_cmpuint (atlas_basemap_get_n_provinces (basemap), >, 3000);
  g_assert_cmpuint (atlas_basemap_get_n_country_shapes (basemap), >, 200);

  for (guint i = 0; i < atlas_basemap_get_n_provinces (basemap); i++)
    {
      const AtlasBasemapLabel *province = atlas_basemap_get_province (basemap, i);
      double longitude = atlas_mercator_longitude_from_x (province->x);
      double latitude = atlas_mercator_latitude_from_y (province->y);

      g_assert_cmpuint (province->min_zoom, >=, 5);
      g_assert_cmpuint (province->min_zoom, <=, province->max_zoom);
      if (g_str_equal (province->name, "Kerman"))
        {
          kerman = TRUE;
          g_assert_cmpfloat (longitude, >, 54.0);
          g_assert_cmpfloat (longitude, <, 60.0);
          g_assert_cmpfloat (latitude, >, 26.5);
          g_assert_cmpfloat (latitude, <, 32.0);
          g_assert_cmpuint (province->min_zoom, ==, 5);  /* a large province */
        }
    }
  g_assert_true (kerman);

  /* Iran's provinces, and the Tigris and Euphrates, at the zooms the briefing uses */
  for (int zoom = 5; zoom <= 9; zoom++)
    {
      g_assert_cmpuint (parts_near (basemap, zoom, ATLAS_PART_PROVINCE_BORDER,
                                    54.0, 27.0, 60.0, 32.0), >, 5);
      g_assert_cmpuint (parts_near (basemap, zoom, ATLAS_PART_RIVER, 43.0, 30.0, 48.0, 35.0), >, 0);
    }
}

static void
test_places_know_country_and_province (void)
{
  AtlasBasemap *basemap = shared_basemap ();
  int kerman = find_place (basemap, "Kerman", 57.08, 30.28);
  int jiroft = find_place (basemap, "Jīroft", 57.74, 28.68);
  int dushanbe = find_place (basemap, "Dushanbe", 68.78, 38.54);
  guint n_with_country = 0;

  g_assert_cmpint (kerman, >=, 0);
  g_assert_cmpint (jiroft, >=, 0);
  g_assert_cmpint (dushanbe, >=, 0);
  g_assert_cmpstr (atlas_basemap_get_place_province (basemap, kerman), ==, "Kerman");
  g_assert_cmpstr (atlas_basemap_get_place_country (basemap, kerman), ==, "Iran");
  g_assert_cmpstr (atlas_basemap_get_place_province (basemap, jiroft), ==, "Kerman");
  g_assert_cmpstr (atlas_basemap_get_place_country (basemap, jiroft), ==, "Iran");
  g_assert_cmpstr (atlas_basemap_get_place_country (basemap, dushanbe), ==, "Tajikistan");

  for (guint i = 0; i < atlas_basemap_get_n_places (basemap); i++)
    n_with_country += atlas_basemap_get_place_country (basemap, i) != NULL;
  g_assert_cmpuint (n_with_country, >, atlas_basemap_get_n_places (basemap) * 9 / 10);
}

static void
test_country_outlines (void)
{
  AtlasBasemap *basemap = shared_basemap ();
  int tajikistan = atlas_basemap_find_country_shape (basemap, "Tajikistan");
  int iran = atlas_basemap_find_country_shape (basemap, "IR");
  const AtlasBasemapCountryShape *shape;

  g_assert_cmpint (tajikistan, >=, 0);
  g_assert_cmpint (atlas_basemap_find_country_shape (basemap, "tj"), ==, tajikistan);
  g_assert_cmpint (atlas_basemap_find_country_shape (basemap, " TAJIKISTAN "), ==, tajikistan);
  g_assert_cmpint (atlas_basemap_find_country_shape (basemap, "Atlantis"), ==, -1);
  g_assert_cmpint (atlas_basemap_find_country_shape (basemap, ""), ==, -1);
  g_assert_cmpint (atlas_basemap_find_country_shape (basemap, NULL), ==, -1);

  shape = atlas_basemap_get_country_shape (basemap, tajikistan);
  g_assert_cmpstr (shape->name, ==, "Tajikistan");
  g_assert_cmpstr (shape->iso_a2, ==, "TJ");
  g_assert_cmpuint (shape->n_rings, >=, 1);
  for (guint r = 0; r < shape->n_rings; r++)
    {
      guint n;
      const double *xy = atlas_basemap_get_country_ring (basemap, tajikistan, r, &n);

      g_assert_cmpuint (n, >=, 3);
      for (guint i = 0; i < n; i++)
        {
          g_assert_cmpfloat (atlas_mercator_longitude_from_x (xy[2 * i]), >, 67.0);
          g_assert_cmpfloat (atlas_mercator_longitude_from_x (xy[2 * i]), <, 75.5);
          g_assert_cmpfloat (atlas_mercator_latitude_from_y (xy[2 * i + 1]), >, 36.5);
          g_assert_cmpfloat (atlas_mercator_latitude_from_y (xy[2 * i + 1]), <, 41.1);
        }
    }

  g_assert_true (country_contains (basemap, tajikistan, 68.78, 38.54));   /* Dushanbe */
  g_assert_false (country_contains (basemap, tajikistan, 69.17, 34.53));  /* Kabul */
  g_assert_true (country_contains (basemap, iran, 57.08, 30.28));         /* Kerman */
  g_assert_false (country_contains (basemap, iran, 68.78, 38.54));
}

/* Pixels differing between two tiles of the same size. */
static guint
count_differing_pixels (cairo_surface_t *a,
                        cairo_surface_t *b)
{
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (a); y++)
    for (int x = 0; x < cairo_image_surface_get_width (a); x++)
      n += memcmp (pa + y * stride + 4 * x, pb + y * stride + 4 * x, 4) != 0;
  return n;
}

static guint
compare_kerman_tiles (AtlasTileRenderer *with,
                      AtlasTileRenderer *without,
                      int                zoom,
                      AtlasTileStyle     style)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *a, *b;
  int x, y;
  guint n;

  atlas_mercator_lonlat_to_tile (57.08, 30.28, zoom, &x, &y);
  a = atlas_tile_renderer_render (with, zoom, x, y, ATLAS_TILE_SIZE, 1.0, style, &error);
  g_assert_no_error (error);
  b = atlas_tile_renderer_render (without, zoom, x, y, ATLAS_TILE_SIZE, 1.0, style, &error);
  g_assert_no_error (error);
  n = count_differing_pixels (a, b);
  g_test_message ("zoom %d, style %d: %u of %d pixels differ", zoom, style, n,
                  ATLAS_TILE_SIZE * ATLAS_TILE_SIZE);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return n;
}

/* Around Kerman at zoom 7 the map shows its province's boundaries and name: the tile is no
 * longer blank land; at continental zooms the context stays out of the way. */
static void
test_kerman_tile_has_context (void)
{
  g_autoptr(AtlasTileRenderer) with = atlas_tile_renderer_new (shared_basemap ());
  g_autoptr(AtlasBasemap) bare = basemap_without_context ();
  g_autoptr(AtlasTileRenderer) without = atlas_tile_renderer_new (bare);

  g_assert_cmpuint (compare_kerman_tiles (with, without, 7, ATLAS_TILE_STYLE_LIGHT), >, 300);
  g_assert_cmpuint (compare_kerman_tiles (with, without, 7, ATLAS_TILE_STYLE_DARK), >, 300);
  g_assert_cmpuint (compare_kerman_tiles (with, without, 4, ATLAS_TILE_STYLE_LIGHT), ==, 0);
}

/* How far apart two colours are, in 8-bit steps (Euclidean over the three channels). */
static double
color_distance (const AtlasColor *a,
                const AtlasColor *b)
{
  return 255.0 * sqrt ((a->red - b->red) * (a->red - b->red) +
                       (a->green - b->green) * (a->green - b->green) +
                       (a->blue - b->blue) * (a->blue - b->blue));
}

static double
pixel_distance (guint32           pixel,
                const AtlasColor *color)
{
  AtlasColor rgb = { (pixel >> 16 & 0xff) / 255.0, (pixel >> 8 & 0xff) / 255.0,
                     (pixel & 0xff) / 255.0, 1.0 };

  return color_distance (&rgb, color);
}

/* The pixel nearest in colour to @color within @radius pixels of a place on a tile. */
static double
nearest_in_color (cairo_surface_t  *surface,
                  int               zoom,
                  int               tile_x,
                  int               tile_y,
                  double            longitude,
                  double            latitude,
                  int               radius,
                  const AtlasColor *color)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  double px, py, nearest = G_MAXDOUBLE;

  cairo_surface_flush (surface);
  atlas_mercator_lonlat_to_tile_pixel (longitude, latitude, zoom, tile_x, tile_y,
                                       ATLAS_TILE_SIZE, &px, &py);
  for (int y = (int) py - radius; y <= (int) py + radius; y++)
    for (int x = (int) px - radius; x <= (int) px + radius; x++)
      if (x >= 0 && y >= 0 && x < ATLAS_TILE_SIZE && y < ATLAS_TILE_SIZE)
        nearest = MIN (nearest, pixel_distance (*(const guint32 *) (data + y * stride + 4 * x),
                                                color));
  return nearest;
}

/* Main roads around Kerman at the zooms the briefing uses. */
static void
test_roads_near_kerman (void)
{
  AtlasBasemap *basemap = shared_basemap ();

  for (int zoom = 5; zoom <= 10; zoom++)
    {
      g_assert_cmpuint (parts_near (basemap, zoom, ATLAS_PART_HIGHWAY, 54.0, 27.0, 60.0, 32.0),
                        >, 5);
      g_assert_cmpuint (parts_near (basemap, zoom, ATLAS_PART_ROAD, 54.0, 27.0, 60.0, 32.0), >, 5);
    }
}

/* Half-way along the road from Kerman to Jiroft, at zoom 7, the map draws a pixel of the
 * road's colour, where the map without the context layers has only land. */
static void
test_kerman_jiroft_road_drawn (void)
{
  const double longitude = 57.68, latitude = 29.64;
  const int zoom = 7;
  g_autoptr(AtlasTileRenderer) with = atlas_tile_renderer_new (shared_basemap ());
  g_autoptr(AtlasBasemap) bare = basemap_without_context ();
  g_autoptr(AtlasTileRenderer) without = atlas_tile_renderer_new (bare);
  int x, y;

  atlas_mercator_lonlat_to_tile (longitude, latitude, zoom, &x, &y);
  for (AtlasTileStyle style = ATLAS_TILE_STYLE_LIGHT; style <= ATLAS_TILE_STYLE_DARK; style++)
    {
      const AtlasTilePalette *palette = atlas_tile_style_get_palette (style);
      double road_to_land = color_distance (&palette->land, &palette->road);
      g_autoptr(GError) error = NULL;
      cairo_surface_t *a, *b;
      double on_map, on_bare;

      a = atlas_tile_renderer_render (with, zoom, x, y, ATLAS_TILE_SIZE, 1.0, style, &error);
      g_assert_no_error (error);
      b = atlas_tile_renderer_render (without, zoom, x, y, ATLAS_TILE_SIZE, 1.0, style, &error);
      g_assert_no_error (error);
      on_map = nearest_in_color (a, zoom, x, y, longitude, latitude, 3, &palette->road);
      on_bare = nearest_in_color (b, zoom, x, y, longitude, latitude, 3, &palette->road);
      g_test_message ("style %d: nearest to the road colour %.1f, without roads %.1f, land %.1f",
                      style, on_map, on_bare, road_to_land);
      g_assert_cmpfloat (on_map, <, road_to_land / 4.0);
      g_assert_cmpfloat (on_bare, >, road_to_land * 0.9);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* Hand-made extracts. */

/* One square island of 0.01° steps from 10° to 20° E and N, cut in two provinces by a line
 * at 15° E, a river, a highway and a road, its country's outline, and two places: the first
 * in the west province, the second in no province.  ROAD is the last section, and its one
 * item (arc 5) the file's last byte. */
static GBytes *
context_extract (guint32 n_place_admin,
                 guint32 province_of_first,
                 const char *iso_code)
{
  const int west_and_north[] = { 1000, 1000, 1000, 2000, 2000, 2000 };
  const int east_and_south[] = { 2000, 2000, 2000, 1000, 1000, 1000 };
  const int province_line[] = { 1500, 1000, 1500, 2000 };
  const int river[] = { 1100, 1200, 1400, 1300, 1900, 1250 };
  const int highway[] = { 1050, 1050, 1950, 1950 };
  const int road[] = { 1050, 1950, 1950, 1050 };
  const guint8 country_zooms[] = { 1, 6 };
  const guint8 province_zooms[] = { 5, 10 };
  const guint8 capital[] = { 3, 1, 0 };
  const guint8 town[] = { 10, 0, 9 };
  TestSection sections[] = {
    { "ARCS", g_byte_array_new (), 6 },
    { "LAND", g_byte_array_new (), 1 },
    { "COST", g_byte_array_new (), 2 },
    { "BORD", g_byte_array_new (), 0 },
    { "CTRY", g_byte_array_new (), 1 },
    { "PLAC", g_byte_array_new (), 2 },
    { "ADM1", g_byte_array_new (), 1 },
    { "RIVR", g_byte_array_new (), 1 },
    { "PROV", g_byte_array_new (), 2 },
    { "CPOL", g_byte_array_new (), 1 },
    { "PLAD", g_byte_array_new (), n_place_admin },
    { "HWAY", g_byte_array_new (), 1 },
    { "ROAD", g_byte_array_new (), 1 },
  };

  put_f64 (sections[0].data, 0.01);
  put_f64 (sections[0].data, 0.01);
  put_f64 (sections[0].data, 0.0);
  put_f64 (sections[0].data, 0.0);
  put_arc (sections[0].data, west_and_north, 3);
  put_arc (sections[0].data, east_and_south, 3);
  put_arc (sections[0].data, province_line, 2);
  put_arc (sections[0].data, river, 3);
  put_arc (sections[0].data, highway, 2);
  put_arc (sections[0].data, road, 2);
  put_varint (sections[1].data, 2);
  put_zigzag (sections[1].data, 0);
  put_zigzag (sections[1].data, 1);
  put_varint (sections[2].data, 0);
  put_varint (sections[2].data, 1);
  put_label (sections[4].data, 15000000, 15000000, country_zooms, 2, "Testland");
  put_label (sections[5].data, 14000000, 14000000, capital, 3, "Capital");
  put_label (sections[5].data, 16000000, 16000000, town, 3, "Town");
  put_varint (sections[6].data, 2);
  put_varint (sections[7].data, 3);
  put_label (sections[8].data, 12500000, 15000000, province_zooms, 2, "Westshire");
  put_label (sections[8].data, 17500000, 15000000, province_zooms, 2, "Eastshire");
  put_name (sections[9].data, "Testland");
  g_byte_array_append (sections[9].data, (const guint8 *) iso_code, 2);
  put_varint (sections[9].data, 1);       /* one ring */
  put_varint (sections[9].data, 2);       /* of two arcs */
  put_zigzag (sections[9].data, 0);
  put_zigzag (sections[9].data, 1);
  for (guint i = 0; i < n_place_admin; i++)
    {
      put_varint (sections[10].data, 1);
      put_varint (sections[10].data, i == 0 ? province_of_first : 0);
    }
  put_varint (sections[11].data, 4);
  put_varint (sections[12].data, 5);

  return test_extract_assemble (sections, G_N_ELEMENTS (sections));
}

static void
test_hand_made_extract (void)
{
  g_autoptr(GBytes) bytes = context_extract (2, 1, "TL");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_bytes (bytes, &error);
  g_autoptr(GArray) provinces = g_array_new (FALSE, FALSE, sizeof (guint32));
  AtlasRect world = { 0.0, 0.0, 1.0, 1.0 };
  int capital = -1;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_basemap_get_n_provinces (basemap), ==, 2);
  g_assert_cmpstr (atlas_basemap_get_province (basemap, 0)->name, ==, "Westshire");

  atlas_basemap_collect_provinces (basemap, 4, &world, provinces);
  g_assert_cmpuint (provinces->len, ==, 0);
  atlas_basemap_collect_provinces (basemap, 6, &world, provinces);
  g_assert_cmpuint (provinces->len, ==, 2);

  for (guint i = 0; i < atlas_basemap_get_n_places (basemap); i++)
    if (g_str_equal (atlas_basemap_get_place (basemap, i)->name, "Capital"))
      capital = (int) i;
  g_assert_cmpint (capital, >=, 0);
  g_assert_cmpstr (atlas_basemap_get_place_province (basemap, capital), ==, "Westshire");
  g_assert_cmpstr (atlas_basemap_get_place_country (basemap, capital), ==, "Testland");
  g_assert_null (atlas_basemap_get_place_province (basemap, 1 - capital));
  g_assert_cmpstr (atlas_basemap_get_place_country (basemap, 1 - capital), ==, "Testland");

  g_assert_cmpint (atlas_basemap_find_country_shape (basemap, "tl"), ==, 0);
  atlas_basemap_get_country_ring (basemap, 0, 0, &n);
  g_assert_cmpuint (n, ==, 5);  /* the square, its junctions shared */
  g_assert_true (country_contains (basemap, 0, 15.0, 15.0));
  g_assert_false (country_contains (basemap, 0, 25.0, 15.0));

  g_assert_cmpuint (parts_near (basemap, 9, ATLAS_PART_PROVINCE_BORDER, 0, 0, 30, 30), ==, 1);
  g_assert_cmpuint (parts_near (basemap, 9, ATLAS_PART_RIVER, 0, 0, 30, 30), ==, 1);
  g_assert_cmpuint (parts_near (basemap, 9, ATLAS_PART_HIGHWAY, 0, 0, 30, 30), ==, 1);
  g_assert_cmpuint (parts_near (basemap, 9, ATLAS_PART_ROAD, 0, 0, 30, 30), ==, 1);
}

static void
assert_rejected (GBytes     *bytes,
                 const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_bytes (bytes, &error);

  g_assert_null (basemap);
  g_assert_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "in-memory"));
  g_assert_nonnull (strstr (error->message, reason));
}

static void
test_broken_context_rejected (void)
{
  g_autoptr(GBytes) too_few = context_extract (1, 1, "TL");
  g_autoptr(GBytes) no_such_province = context_extract (2, 3, "TL");
  g_autoptr(GBytes) bad_code = context_extract (2, 1, "t?");

  assert_rejected (too_few, "PLAD");
  assert_rejected (no_such_province, "province");
  assert_rejected (bad_code, "ISO code");
}

/* The hand-made extract with its last byte, ROAD's one arc index, replaced. */
static GBytes *
with_last_byte (GBytes *bytes,
                guint8  last)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  guint8 *copy = g_memdup2 (data, length);

  copy[length - 1] = last;
  return g_bytes_new_take (copy, length);
}

static void
test_broken_roads_rejected (void)
{
  g_autoptr(GBytes) valid = context_extract (2, 1, "TL");
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (valid, 0, g_bytes_get_size (valid) - 1);
  g_autoptr(GBytes) cut_in_item = with_last_byte (valid, 0x85);  /* a varint going on */
  g_autoptr(GBytes) no_such_arc = with_last_byte (valid, 6);

  assert_rejected (cut, "section ROAD (offset");
  assert_rejected (cut_in_item, "section ROAD ends inside item 0 of 1");
  assert_rejected (no_such_arc, "section ROAD refers to arc 6 of 6");
}

/* Every prefix and thousands of corruptions load or fail with an error, never crash; what
 * loads can be drawn and asked for its outlines (run under ASan or valgrind for reads out of
 * bounds). */
static void
test_fuzzed_context (void)
{
  g_autoptr(GBytes) original = context_extract (2, 1, "TL");
  gsize length;
  const guint8 *data = g_bytes_get_data (original, &length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1818);
  guint n_loaded = 0;

  for (gsize prefix = 0; prefix < length; prefix++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, prefix);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_bytes (bytes, &error);

      g_assert_null (basemap);
      g_assert_nonnull (error);
    }

  for (guint i = 0; i < N_FUZZ_MUTATIONS; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasBasemap) basemap = NULL;

      for (guint c = g_rand_int_range (rand, 1, 5); c > 0; c--)
        copy[g_rand_int_range (rand, 0, (gint32) length)] = (guint8) g_rand_int_range (rand, 0, 256);

      bytes = g_bytes_new_take (g_steal_pointer (&copy), length);
      basemap = atlas_basemap_new_from_bytes (bytes, &error);
      if (basemap == NULL)
        {
          g_assert_true (error->domain == ATLAS_BASEMAP_ERROR);
          continue;
        }

      {
        g_autoptr(AtlasTileRenderer) renderer = atlas_tile_renderer_new (basemap);
        cairo_surface_t *surface = atlas_tile_renderer_render (renderer, 6, 33, 29, 64, 1.0,
                                                               ATLAS_TILE_STYLE_LIGHT, &error);

        g_assert_no_error (error);
        cairo_surface_destroy (surface);
        for (guint s = 0; s < atlas_basemap_get_n_country_shapes (basemap); s++)
          for (guint r = 0; r < atlas_basemap_get_country_shape (basemap, s)->n_rings; r++)
            {
              guint n;

              atlas_basemap_get_country_ring (basemap, s, r, &n);
            }
        for (guint p = 0; p < atlas_basemap_get_n_places (basemap); p++)
          {
            atlas_basemap_get_place_country (basemap, p);
            atlas_basemap_get_place_province (basemap, p);
          }
        n_loaded++;
      }
    }
  g_test_message ("%u of %u mutated files still loaded", n_loaded, N_FUZZ_MUTATIONS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/basemap/context/present-and-in-budget",
                   test_layers_present_and_in_budget);
  g_test_add_func ("/atlas/basemap/context/places-know-country-and-province",
                   test_places_know_country_and_province);
  g_test_add_func ("/atlas/basemap/context/country-outlines", test_country_outlines);
  g_test_add_func ("/atlas/basemap/context/kerman-tile", test_kerman_tile_has_context);
  g_test_add_func ("/atlas/basemap/context/roads-near-kerman", test_roads_near_kerman);
  g_test_add_func ("/atlas/basemap/context/kerman-jiroft-road", test_kerman_jiroft_road_drawn);
  g_test_add_func ("/atlas/basemap/context/hand-made", test_hand_made_extract);
  g_test_add_func ("/atlas/basemap/context/broken-rejected", test_broken_context_rejected);
  g_test_add_func ("/atlas/basemap/context/broken-roads-rejected", test_broken_roads_rejected);
  g_test_add_func ("/atlas/basemap/context/fuzzed", test_fuzzed_context);
  return g_test_run ();
}
