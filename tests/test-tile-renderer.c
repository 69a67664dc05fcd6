/* test-tile-renderer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the offline basemap: loading and validation, tile arithmetic, tile
 * pixels, styles, HiDPI, thread safety and label consistency across tiles.
 *
 * The extract is found through the ATLAS_BASEMAP environment variable, or else
 * as ../data/basemap/basemap.bin relative to G_TEST_SRCDIR (the tests folder).
 */

#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-mercator.h"
#include "atlas-tile-renderer.h"
#include "basemap-extract.h"

#define N_FUZZ_MUTATIONS 3000
#define N_RENDER_THREADS 4

static AtlasTileRenderer *
shared_renderer (void)
{
  static AtlasTileRenderer *renderer = NULL;

  if (renderer == NULL)
    renderer = atlas_tile_renderer_new (shared_basemap ());
  return renderer;
}

static char *
write_temporary_file (const char *name,
                      const void *data,
                      gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
  return path;
}

/* Writes @data to a file, loads it, and checks that loading fails with an
 * error that names the file. */
static void
assert_load_fails (const char *name,
                   const void *data,
                   gsize       length,
                   GQuark      domain,
                   int         code)
{
  g_autofree char *path = write_temporary_file (name, data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = NULL;

  basemap = atlas_basemap_new_from_file (path, &error);
  g_assert_null (basemap);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
}

/* The byte offset of a section's entry in the section table. */
static gsize
section_entry_offset (const guint8 *data,
                      const char   *tag)
{
  guint32 n_sections;

  memcpy (&n_sections, data + 12, 4);
  n_sections = GUINT32_FROM_LE (n_sections);
  for (guint i = 0; i < n_sections; i++)
    if (memcmp (data + 16 + 16 * i, tag, 4) == 0)
      return 16 + 16 * i;

  g_assert_not_reached ();
}

static void
add_to_le32 (guint8 *field,
             gint64  delta)
{
  guint32 value;

  memcpy (&value, field, 4);
  value = GUINT32_TO_LE ((guint32) (GUINT32_FROM_LE (value) + delta));
  memcpy (field, &value, 4);
}

static guint8 *
copy_of_extract (gsize *out_length)
{
  return g_memdup2 (g_bytes_get_data (basemap_bytes (), out_length),
                    g_bytes_get_size (basemap_bytes ()));
}

/* A tiny hand-made extract: one square island, its coastline, a country
 * label and two places. */

static GBytes *
tiny_extract (void)
{
  /* Grid of 0.01° steps from 0° E, 0° N. */
  const int west_and_north[] = { 1000, 1000, 1000, 2000, 2000, 2000 };
  const int east_and_south[] = { 2000, 2000, 2000, 1000, 1000, 1000 };
  const guint8 country_zooms[] = { 1, 6 };
  const guint8 capital[] = { 3, 1, 0 };
  const guint8 town[] = { 10, 0, 9 };
  TestSection sections[] = {
    { "ARCS", g_byte_array_new (), 2 },
    { "LAND", g_byte_array_new (), 1 },
    { "COST", g_byte_array_new (), 2 },
    { "BORD", g_byte_array_new (), 0 },
    { "CTRY", g_byte_array_new (), 1 },
    { "PLAC", g_byte_array_new (), 2 },
  };

  put_f64 (sections[0].data, 0.01);
  put_f64 (sections[0].data, 0.01);
  put_f64 (sections[0].data, 0.0);
  put_f64 (sections[0].data, 0.0);
  put_arc (sections[0].data, west_and_north, 3);
  put_arc (sections[0].data, east_and_south, 3);
  put_varint (sections[1].data, 2);
  put_zigzag (sections[1].data, 0);
  put_zigzag (sections[1].data, 1);
  put_varint (sections[2].data, 0);
  put_varint (sections[2].data, 1);
  put_label (sections[4].data, 15000000, 15000000, country_zooms, 2, "Testland");
  put_label (sections[5].data, 14000000, 14000000, capital, 3, "Capital");
  put_label (sections[5].data, 16000000, 16000000, town, 3, "Town");

  return test_extract_assemble (sections, G_N_ELEMENTS (sections));
}

/* Pixels. */

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + 4 * x);
}

static guint32
color_to_pixel (const AtlasColor *color)
{
  return 0xff000000u |
         (guint32) lround (color->red * 255.0) << 16 |
         (guint32) lround (color->green * 255.0) << 8 |
         (guint32) lround (color->blue * 255.0);
}

static gboolean
pixels_match (guint32 a,
              guint32 b)
{
  for (int shift = 0; shift < 32; shift += 8)
    if (ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)) > 1)
      return FALSE;
  return TRUE;
}

static double
luma (guint32 pixel)
{
  return 0.2126 * (pixel >> 16 & 0xff) + 0.7152 * (pixel >> 8 & 0xff) + 0.0722 * (pixel & 0xff);
}

static void
assert_pixel_is (cairo_surface_t  *surface,
                 int               zoom,
                 int               tile_x,
                 int               tile_y,
                 double            longitude,
                 double            latitude,
                 const AtlasColor *expected)
{
  double px, py;
  guint32 pixel;
  double scale = cairo_image_surface_get_width (surface) / (double) ATLAS_TILE_SIZE;

  atlas_mercator_lonlat_to_tile_pixel (longitude, latitude, zoom, tile_x, tile_y,
                                       ATLAS_TILE_SIZE, &px, &py);
  g_assert_cmpfloat (px, >=, 0.0);
  g_assert_cmpfloat (px, <, ATLAS_TILE_SIZE);
  g_assert_cmpfloat (py, >=, 0.0);
  g_assert_cmpfloat (py, <, ATLAS_TILE_SIZE);

  pixel = pixel_at (surface, (int) (px * scale), (int) (py * scale));
  if (!pixels_match (pixel, color_to_pixel (expected)))
    g_error ("Pixel at %g, %g is %08x, expected %08x", longitude, latitude, pixel,
             color_to_pixel (expected));
}

static cairo_surface_t *
render_at (int            zoom,
           double         longitude,
           double         latitude,
           double         scale_factor,
           AtlasTileStyle style,
           int           *out_x,
           int           *out_y)
{
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  atlas_mercator_lonlat_to_tile (longitude, latitude, zoom, out_x, out_y);
  surface = atlas_tile_renderer_render (shared_renderer (), zoom, *out_x, *out_y,
                                        ATLAS_TILE_SIZE, scale_factor, style, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);
  return surface;
}

/* Tile arithmetic. */

static void
test_tile_math_round_trip (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (guint i = 0; i < 2000; i++)
    {
      double longitude = g_rand_double_range (rand, -180.0, 180.0);
      double latitude = g_rand_double_range (rand, -ATLAS_MERCATOR_MAX_LATITUDE,
                                             ATLAS_MERCATOR_MAX_LATITUDE);
      int zoom = g_rand_int_range (rand, 0, 21);
      double px, py, back_longitude, back_latitude;
      int tile_x, tile_y;

      atlas_mercator_lonlat_to_tile (longitude, latitude, zoom, &tile_x, &tile_y);
      g_assert_true (atlas_mercator_tile_is_valid (zoom, tile_x, tile_y));

      atlas_mercator_lonlat_to_tile_pixel (longitude, latitude, zoom, tile_x, tile_y, 256.0,
                                           &px, &py);
      g_assert_cmpfloat (px, >=, 0.0);
      g_assert_cmpfloat (px, <=, 256.0);
      g_assert_cmpfloat (py, >=, 0.0);
      g_assert_cmpfloat (py, <=, 256.0);

      atlas_mercator_tile_pixel_to_lonlat (zoom, tile_x, tile_y, 256.0, px, py,
                                           &back_longitude, &back_latitude);
      g_assert_cmpfloat_with_epsilon (back_longitude, longitude, 1e-9);
      g_assert_cmpfloat_with_epsilon (back_latitude, latitude, 1e-9);
    }
}

static void
test_tile_math_known_values (void)
{
  double longitude, latitude, px, py;
  int tile_x, tile_y;

  /* Kerman, Iran. */
  atlas_mercator_lonlat_to_tile (57.08, 30.28, 12, &tile_x, &tile_y);
  g_assert_cmpint (tile_x, ==, 2697);
  g_assert_cmpint (tile_y, ==, 1686);

  atlas_mercator_tile_pixel_to_lonlat (0, 0, 0, 256.0, 128.0, 128.0, &longitude, &latitude);
  g_assert_cmpfloat_with_epsilon (longitude, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (latitude, 0.0, 1e-12);

  atlas_mercator_tile_pixel_to_lonlat (0, 0, 0, 256.0, 0.0, 0.0, &longitude, &latitude);
  g_assert_cmpfloat_with_epsilon (longitude, -180.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (latitude, ATLAS_MERCATOR_MAX_LATITUDE, 1e-9);

  /* Latitudes beyond the Mercator limit are clamped to the map's edge. */
  atlas_mercator_lonlat_to_tile_pixel (0.0, 89.9, 0, 0, 0, 256.0, &px, &py);
  g_assert_cmpfloat_with_epsilon (py, 0.0, 1e-9);
  atlas_mercator_lonlat_to_tile (0.0, -89.9, 3, &tile_x, &tile_y);
  g_assert_cmpint (tile_y, ==, 7);

  g_assert_false (atlas_mercator_tile_is_valid (-1, 0, 0));
  g_assert_false (atlas_mercator_tile_is_valid (3, 8, 0));
  g_assert_false (atlas_mercator_tile_is_valid (3, 0, -1));
  g_assert_false (atlas_mercator_tile_is_valid (ATLAS_MERCATOR_MAX_ZOOM + 1, 0, 0));
}

/* Loading. */

static void
test_load_succeeds (void)
{
  g_autofree char *path = basemap_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_file (path, &error);
  gboolean found_kerman = FALSE;
  gboolean found_iran = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (basemap);
  g_assert_cmpuint (atlas_basemap_get_n_places (basemap), >, 10000);
  g_assert_cmpuint (atlas_basemap_get_n_countries (basemap), >, 100);

  for (guint i = 0; i < atlas_basemap_get_n_places (basemap); i++)
    found_kerman |= g_str_equal (atlas_basemap_get_place (basemap, i)->name, "Kerman");
  for (guint i = 0; i < atlas_basemap_get_n_countries (basemap); i++)
    found_iran |= g_str_equal (atlas_basemap_get_country (basemap, i)->name, "Iran");
  g_assert_true (found_kerman);
  g_assert_true (found_iran);

  for (int zoom = 0; zoom <= ATLAS_MERCATOR_MAX_ZOOM; zoom++)
    g_assert_nonnull (atlas_basemap_get_geometry_for_zoom (basemap, zoom));
}

static void
test_load_tiny_extract (void)
{
  g_autoptr(GBytes) bytes = tiny_extract ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_bytes (bytes, &error);
  g_autoptr(AtlasTileRenderer) renderer = NULL;
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_basemap_get_n_places (basemap), ==, 2);
  g_assert_cmpstr (atlas_basemap_get_country (basemap, 0)->name, ==, "Testland");

  renderer = atlas_tile_renderer_new (basemap);
  surface = atlas_tile_renderer_render (renderer, 4, 8, 7, 256, 1.0, ATLAS_TILE_STYLE_LIGHT,
                                        &error);
  g_assert_no_error (error);
  assert_pixel_is (surface, 4, 8, 7, 11.0, 19.0,
                   &atlas_tile_style_get_palette (ATLAS_TILE_STYLE_LIGHT)->land);
  assert_pixel_is (surface, 4, 8, 7, 5.0, 19.0,
                   &atlas_tile_style_get_palette (ATLAS_TILE_STYLE_LIGHT)->water);
  cairo_surface_destroy (surface);
}

static void
test_load_missing_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "no-such-basemap.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_file (path, &error);

  g_assert_null (basemap);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_load_empty_file (void)
{
  assert_load_fails ("empty.bin", "", 0, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
}

static void
test_load_truncated_file (void)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (basemap_bytes (), &length);

  assert_load_fails ("truncated-half.bin", data, length / 2,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
  assert_load_fails ("truncated-last-byte.bin", data, length - 1,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
  assert_load_fails ("truncated-header.bin", data, 20,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
  assert_load_fails ("truncated-magic.bin", data, 5,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
}

static void
test_load_bad_magic (void)
{
  gsize length;
  g_autofree guint8 *data = copy_of_extract (&length);

  data[0] = 'X';
  assert_load_fails ("bad-magic.bin", data, length,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
}

static void
test_load_unsupported_version (void)
{
  gsize length;
  g_autofree guint8 *data = copy_of_extract (&length);

  add_to_le32 (data + 8, 1);
  assert_load_fails ("version-2.bin", data, length,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_UNSUPPORTED_VERSION);
}

static void
test_load_lying_counts (void)
{
  const char *tags[] = { "ARCS", "LAND", "COST", "BORD", "CTRY", "PLAC" };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    for (int delta = -1; delta <= 1; delta += 2)
      {
        gsize length;
        g_autofree guint8 *data = copy_of_extract (&length);
        g_autofree char *name = g_strdup_printf ("count-%s%+d.bin", tags[i], delta);
        gsize entry = section_entry_offset (data, tags[i]);
        guint32 count;

        memcpy (&count, data + entry + 12, 4);
        if (delta < 0 && count == 0)
          continue;
        add_to_le32 (data + entry + 12, delta);
        assert_load_fails (name, data, length, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
      }
}

static void
test_load_section_out_of_bounds (void)
{
  gsize length;
  g_autofree guint8 *data = copy_of_extract (&length);
  gsize entry = section_entry_offset (data, "PLAC");

  add_to_le32 (data + entry + 8, 1);
  assert_load_fails ("section-past-end.bin", data, length,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);

  /* An offset near 2³² must not wrap around when the length is added. */
  add_to_le32 (data + entry + 8, -1);
  memcpy (data + entry + 4, "\xf0\xff\xff\xff", 4);
  assert_load_fails ("section-offset-huge.bin", data, length,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
}

static void
test_load_missing_section (void)
{
  gsize length;
  g_autofree guint8 *data = copy_of_extract (&length);
  gsize entry = section_entry_offset (data, "LAND");

  memcpy (data + entry, "XXXX", 4);
  assert_load_fails ("missing-section.bin", data, length,
                     ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
}

/* Every prefix of a valid file, and thousands of random corruptions, must be
 * rejected or loaded without crashing or reading out of bounds (run under
 * valgrind or ASan to check the latter). */
static void
test_load_fuzzed (void)
{
  g_autoptr(GBytes) original = tiny_extract ();
  gsize length;
  const guint8 *data = g_bytes_get_data (original, &length);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  guint n_loaded = 0;

  for (gsize prefix = 0; prefix < length; prefix++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, prefix);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_bytes (bytes, &error);

      g_assert_null (basemap);
      g_assert_error (error, ATLAS_BASEMAP_ERROR, ATLAS_BASEMAP_ERROR_INVALID);
    }

  for (guint i = 0; i < N_FUZZ_MUTATIONS; i++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasBasemap) basemap = NULL;
      guint n_changes = g_rand_int_range (rand, 1, 5);

      for (guint c = 0; c < n_changes; c++)
        {
          gint32 position = g_rand_int_range (rand, 0, (gint32) length);

          copy[position] = (guint8) g_rand_int_range (rand, 0, 256);
        }

      bytes = g_bytes_new_take (g_steal_pointer (&copy), length);
      basemap = atlas_basemap_new_from_bytes (bytes, &error);
      if (basemap == NULL)
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == ATLAS_BASEMAP_ERROR);
          g_assert_nonnull (strstr (error->message, "in-memory"));
          continue;
        }

      /* What loads must also draw. */
      {
        g_autoptr(AtlasTileRenderer) renderer = atlas_tile_renderer_new (basemap);
        cairo_surface_t *surface = atlas_tile_renderer_render (renderer, 1, 1, 0, 64, 1.0,
                                                               ATLAS_TILE_STYLE_DARK, &error);

        g_assert_no_error (error);
        cairo_surface_destroy (surface);
        n_loaded++;
      }
    }

  g_test_message ("%u of %u mutated files still loaded", n_loaded, N_FUZZ_MUTATIONS);
}

/* Tiles. */

static void
test_tile_iran_land_and_water (void)
{
  const AtlasTilePalette *palette = atlas_tile_style_get_palette (ATLAS_TILE_STYLE_LIGHT);
  int x, y;
  cairo_surface_t *surface = render_at (3, 54.0, 32.0, 1.0, ATLAS_TILE_STYLE_LIGHT, &x, &y);

  g_assert_cmpint (x, ==, 5);
  g_assert_cmpint (y, ==, 3);
  assert_pixel_is (surface, 3, x, y, 51.0, 39.0, &palette->water);  /* Caspian Sea */
  assert_pixel_is (surface, 3, x, y, 59.5, 29.0, &palette->land);   /* Dasht-e Lut, Iran */
  assert_pixel_is (surface, 3, x, y, 61.0, 21.5, &palette->water);  /* Arabian Sea */
  assert_pixel_is (surface, 3, x, y, 46.0, 26.0, &palette->land);   /* Saudi Arabia */
  cairo_surface_destroy (surface);
}

static void
test_tile_dark_differs (void)
{
  int x, y;
  cairo_surface_t *light = render_at (3, 54.0, 32.0, 1.0, ATLAS_TILE_STYLE_LIGHT, &x, &y);
  cairo_surface_t *dark = render_at (3, 54.0, 32.0, 1.0, ATLAS_TILE_STYLE_DARK, &x, &y);
  const AtlasTilePalette *palette = atlas_tile_style_get_palette (ATLAS_TILE_STYLE_DARK);
  gsize size = (gsize) cairo_image_surface_get_stride (light) *
               (gsize) cairo_image_surface_get_height (light);
  double px, py;

  g_assert_true (memcmp (cairo_image_surface_get_data (light), cairo_image_surface_get_data (dark),
                         size) != 0);

  assert_pixel_is (dark, 3, x, y, 51.0, 39.0, &palette->water);
  assert_pixel_is (dark, 3, x, y, 59.5, 29.0, &palette->land);

  atlas_mercator_lonlat_to_tile_pixel (51.0, 39.0, 3, x, y, ATLAS_TILE_SIZE, &px, &py);
  g_assert_cmpfloat (luma (pixel_at (dark, (int) px, (int) py)), <,
                     luma (pixel_at (light, (int) px, (int) py)) / 2.0);

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_tile_hidpi_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int x, y, width, height;
  gsize stride;
  cairo_surface_t *normal = render_at (5, 57.08, 30.28, 1.0, ATLAS_TILE_STYLE_LIGHT, &x, &y);
  cairo_surface_t *hidpi = render_at (5, 57.08, 30.28, 2.0, ATLAS_TILE_STYLE_LIGHT, &x, &y);

  g_assert_cmpint (cairo_image_surface_get_width (normal), ==, 256);
  g_assert_cmpint (cairo_image_surface_get_height (normal), ==, 256);
  g_assert_cmpint (cairo_image_surface_get_width (hidpi), ==, 512);
  g_assert_cmpint (cairo_image_surface_get_height (hidpi), ==, 512);
  g_assert_cmpint (cairo_image_surface_get_format (hidpi), ==, CAIRO_FORMAT_ARGB32);

  bytes = atlas_tile_renderer_render_bytes (shared_renderer (), 5, x, y, 256, 2.0,
                                            ATLAS_TILE_STYLE_DARK, &width, &height, &stride,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (width, ==, 512);
  g_assert_cmpint (height, ==, 512);
  g_assert_cmpuint (stride, ==, 512 * 4);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, stride * 512);

  cairo_surface_destroy (normal);
  cairo_surface_destroy (hidpi);
}

static void
test_tile_open_pacific_is_all_water (void)
{
  const AtlasTilePalette *palettes[] = {
    atlas_tile_style_get_palette (ATLAS_TILE_STYLE_LIGHT),
    atlas_tile_style_get_palette (ATLAS_TILE_STYLE_DARK),
  };

  for (AtlasTileStyle style = ATLAS_TILE_STYLE_LIGHT; style <= ATLAS_TILE_STYLE_DARK; style++)
    {
      int x, y;
      cairo_surface_t *surface = render_at (6, -140.0, 20.0, 1.0, style, &x, &y);
      guint32 water = color_to_pixel (&palettes[style]->water);

      for (int py = 0; py < 256; py++)
        for (int px = 0; px < 256; px++)
          g_assert_cmphex (pixel_at (surface, px, py), ==, water);
      cairo_surface_destroy (surface);
    }
}

static void
test_tile_invalid_arguments (void)
{
  const struct { int zoom, x, y, size; double scale; int style; } cases[] = {
    { -1, 0, 0, 256, 1.0, 0 },
    { ATLAS_MERCATOR_MAX_ZOOM + 1, 0, 0, 256, 1.0, 0 },
    { 3, 8, 0, 256, 1.0, 0 },
    { 3, 0, -1, 256, 1.0, 0 },
    { 3, 0, 0, 0, 1.0, 0 },
    { 3, 0, 0, 100000, 1.0, 0 },
    { 3, 0, 0, 256, 0.0, 0 },
    { 3, 0, 0, 256, NAN, 0 },
    { 3, 0, 0, 256, 100.0, 0 },
    { 3, 0, 0, 256, 1.0, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;

      surface = atlas_tile_renderer_render (shared_renderer (), cases[i].zoom, cases[i].x,
                                            cases[i].y, cases[i].size, cases[i].scale,
                                            (AtlasTileStyle) cases[i].style, &error);
      g_assert_null (surface);
      g_assert_error (error, ATLAS_TILE_RENDERER_ERROR, ATLAS_TILE_RENDERER_ERROR_INVALID_ARGUMENT);
    }
}

/* Threads: the same tiles rendered concurrently by a fresh renderer (whose
 * label cache starts empty) must equal the ones rendered one by one. */

typedef struct
{
  int zoom;
  int x;
  int y;
  double scale;
} TileSpec;

static const TileSpec thread_tiles[] = {
  { 1, 1, 0, 1.0 }, { 3, 5, 3, 1.0 }, { 5, 21, 13, 2.0 }, { 6, 41, 25, 1.0 },
  { 7, 66, 43, 1.0 }, { 8, 168, 105, 1.0 }, { 12, 2697, 1686, 1.0 }, { 9, 268, 172, 2.0 },
};

typedef struct
{
  AtlasTileRenderer *renderer;
  GBytes            *expected[G_N_ELEMENTS (thread_tiles)];
  guint              start;
} ThreadCheck;

static GBytes *
render_tile_bytes (AtlasTileRenderer *renderer,
                   const TileSpec    *tile)
{
  g_autoptr(GError) error = NULL;
  int width, height;
  gsize stride;
  GBytes *bytes;

  bytes = atlas_tile_renderer_render_bytes (renderer, tile->zoom, tile->x, tile->y, 256,
                                            tile->scale, ATLAS_TILE_STYLE_LIGHT, &width,
                                            &height, &stride, &error);
  g_assert_no_error (error);
  return bytes;
}

static gpointer
render_in_thread (gpointer user_data)
{
  ThreadCheck *check = user_data;
  guint n = G_N_ELEMENTS (thread_tiles);

  for (guint round = 0; round < 3; round++)
    for (guint k = 0; k < n; k++)
      {
        guint i = (check->start + k) % n;
        g_autoptr(GBytes) bytes = render_tile_bytes (check->renderer, &thread_tiles[i]);

        if (!g_bytes_equal (bytes, check->expected[i]))
          return GINT_TO_POINTER (i + 1);
      }
  return NULL;
}

static void
test_tile_thread_safety (void)
{
  g_autoptr(AtlasTileRenderer) fresh = atlas_tile_renderer_new (shared_basemap ());
  ThreadCheck checks[N_RENDER_THREADS];
  GThread *threads[N_RENDER_THREADS];
  GBytes *expected[G_N_ELEMENTS (thread_tiles)];

  for (guint i = 0; i < G_N_ELEMENTS (thread_tiles); i++)
    expected[i] = render_tile_bytes (shared_renderer (), &thread_tiles[i]);

  for (guint t = 0; t < N_RENDER_THREADS; t++)
    {
      checks[t].renderer = fresh;
      checks[t].start = t * 3;
      memcpy (checks[t].expected, expected, sizeof expected);
      threads[t] = g_thread_new ("render-test", render_in_thread, &checks[t]);
    }

  for (guint t = 0; t < N_RENDER_THREADS; t++)
    {
      gpointer mismatch = g_thread_join (threads[t]);

      if (mismatch != NULL)
        g_error ("Thread %u drew tile %d differently", t, GPOINTER_TO_INT (mismatch) - 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (thread_tiles); i++)
    g_bytes_unref (expected[i]);
}

/* Labels: decided identically in every tile, never overlapping. */

static gboolean
boxes_overlap (const AtlasPlacedLabel *a,
               const AtlasPlacedLabel *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static gboolean
box_touches_tile (const AtlasPlacedLabel *label,
                  int                     x,
                  int                     y)
{
  /* The halo reaches 2.5 px beyond the box; tiles draw labels up to 3.5 px
   * away, so any label within 3 px must be drawn. */
  const double reach = 3.0;

  return label->x1 + reach > x * 256.0 && label->x0 - reach < (x + 1) * 256.0 &&
         label->y1 + reach > y * 256.0 && label->y0 - reach < (y + 1) * 256.0;
}

static gboolean
list_contains (GArray                 *labels,
               const AtlasPlacedLabel *wanted)
{
  for (guint i = 0; i < labels->len; i++)
    {
      const AtlasPlacedLabel *label = &g_array_index (labels, AtlasPlacedLabel, i);

      if (g_str_equal (label->name, wanted->name) && label->x0 == wanted->x0 &&
          label->y0 == wanted->y0 && label->x1 == wanted->x1 && label->y1 == wanted->y1)
        return TRUE;
    }
  return FALSE;
}

static void
check_label_block (int    zoom,
                   double longitude,
                   double latitude,
                   int    size)
{
  GArray *lists[6][6];
  int cx, cy;
  guint n_crossing = 0;

  g_assert_cmpint (size, <=, 6);
  atlas_mercator_lonlat_to_tile (longitude, latitude, zoom, &cx, &cy);
  for (int j = 0; j < size; j++)
    for (int i = 0; i < size; i++)
      {
        g_autoptr(GError) error = NULL;

        lists[j][i] = atlas_tile_renderer_list_labels (shared_renderer (), zoom, cx + i, cy + j,
                                                       256, &error);
        g_assert_no_error (error);
      }

  for (int j = 0; j < size; j++)
    for (int i = 0; i < size; i++)
      for (guint k = 0; k < lists[j][i]->len; k++)
        {
          const AtlasPlacedLabel *label = &g_array_index (lists[j][i], AtlasPlacedLabel, k);

          for (guint m = k + 1; m < lists[j][i]->len; m++)
            {
              const AtlasPlacedLabel *other = &g_array_index (lists[j][i], AtlasPlacedLabel, m);

              g_assert_false (boxes_overlap (label, other));
            }

          for (int nj = MAX (j - 1, 0); nj <= MIN (j + 1, size - 1); nj++)
            for (int ni = MAX (i - 1, 0); ni <= MIN (i + 1, size - 1); ni++)
              {
                if ((ni == i && nj == j) || !box_touches_tile (label, cx + ni, cy + nj))
                  continue;
                if (!list_contains (lists[nj][ni], label))
                  g_error ("Label %s is drawn in tile %d/%d/%d but not in its neighbour %d/%d/%d",
                           label->name, zoom, cx + i, cy + j, zoom, cx + ni, cy + nj);
                n_crossing++;
              }
        }

  g_test_message ("z%d: %u label/neighbour pairs across tile edges agree", zoom, n_crossing);
  g_assert_cmpuint (n_crossing, >, 0);

  for (int j = 0; j < size; j++)
    for (int i = 0; i < size; i++)
      g_array_unref (lists[j][i]);
}

static void
test_labels_consistent_across_tiles (void)
{
  check_label_block (5, 48.0, 38.0, 4);   /* Iran and its neighbours */
  check_label_block (7, 7.0, 52.0, 5);    /* Rhine–Ruhr, dense */
  check_label_block (11, 4.1, 51.0, 4);   /* Brussels, very dense */
}

static void
test_labels_shown_from_sensible_zooms (void)
{
  g_autoptr(GError) error = NULL;
  int x, y;
  g_autoptr(GArray) z5 = NULL;
  gboolean tehran = FALSE;

  atlas_mercator_lonlat_to_tile (51.42, 35.69, 5, &x, &y);
  z5 = atlas_tile_renderer_list_labels (shared_renderer (), 5, x, y, 256, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < z5->len; i++)
    tehran |= g_str_equal (g_array_index (z5, AtlasPlacedLabel, i).name, "Tehran");
  g_assert_true (tehran);

  /* Nothing but countries at the smallest zooms. */
  for (int zoom = 0; zoom <= 1; zoom++)
    for (x = 0; x < (1 << zoom); x++)
      for (y = 0; y < (1 << zoom); y++)
        {
          g_autoptr(GArray) labels = atlas_tile_renderer_list_labels (shared_renderer (), zoom,
                                                                      x, y, 256, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (labels->len, ==, 0);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/render/tile-math/round-trip", test_tile_math_round_trip);
  g_test_add_func ("/atlas/render/tile-math/known-values", test_tile_math_known_values);

  g_test_add_func ("/atlas/render/load/succeeds", test_load_succeeds);
  g_test_add_func ("/atlas/render/load/tiny-extract", test_load_tiny_extract);
  g_test_add_func ("/atlas/render/load/missing-file", test_load_missing_file);
  g_test_add_func ("/atlas/render/load/empty-file", test_load_empty_file);
  g_test_add_func ("/atlas/render/load/truncated-file", test_load_truncated_file);
  g_test_add_func ("/atlas/render/load/bad-magic", test_load_bad_magic);
  g_test_add_func ("/atlas/render/load/unsupported-version", test_load_unsupported_version);
  g_test_add_func ("/atlas/render/load/lying-section-counts", test_load_lying_counts);
  g_test_add_func ("/atlas/render/load/section-out-of-bounds", test_load_section_out_of_bounds);
  g_test_add_func ("/atlas/render/load/missing-section", test_load_missing_section);
  g_test_add_func ("/atlas/render/load/fuzzed", test_load_fuzzed);

  g_test_add_func ("/atlas/render/tile/iran-land-and-water", test_tile_iran_land_and_water);
  g_test_add_func ("/atlas/render/tile/dark-differs", test_tile_dark_differs);
  g_test_add_func ("/atlas/render/tile/hidpi-size", test_tile_hidpi_size);
  g_test_add_func ("/atlas/render/tile/open-pacific-is-all-water",
                   test_tile_open_pacific_is_all_water);
  g_test_add_func ("/atlas/render/tile/invalid-arguments", test_tile_invalid_arguments);
  g_test_add_func ("/atlas/render/tile/thread-safety", test_tile_thread_safety);

  g_test_add_func ("/atlas/render/labels/consistent-across-tiles",
                   test_labels_consistent_across_tiles);
  g_test_add_func ("/atlas/render/labels/shown-from-sensible-zooms",
                   test_labels_shown_from_sensible_zooms);

  return g_test_run ();
}
