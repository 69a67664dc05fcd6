/* test-map-printer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed map, headless: routes drawn over the basemap as the window draws them, and
 * never joined to each other; every step of the sample briefing framed as on screen, its
 * subject filling the map.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-basemap.h"
#include "atlas-briefing-step.h"
#include "atlas-map-printer.h"
#include "route-pair.h"

#define WIDTH 900
#define HEIGHT 600
#define CENTRE_LATITUDE 31.0
#define CENTRE_LONGITUDE 62.0

static AtlasTileRenderer *
load_renderer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_default (&error);

  g_assert_no_error (error);
  return atlas_tile_renderer_new (basemap);
}

static cairo_surface_t *
print_case (AtlasTileRenderer *renderer,
            AtlasCase         *atlas_case,
            int                zoom)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  AtlasMapFrame frame = { CENTRE_LATITUDE, CENTRE_LONGITUDE, zoom };
  g_autoptr(AtlasMapPrinter) printer = NULL;
  g_autoptr(GError) error = NULL;

  printer = atlas_map_printer_new (renderer, atlas_case, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_map_printer_draw (printer, cr, WIDTH, HEIGHT, &frame, NULL, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  return surface;
}

static AtlasCase *
create_empty_case (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case = atlas_case_create (file, "No routes", &error);

  g_assert_no_error (error);
  return atlas_case;
}

static void
remove_case_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      g_remove (name);
    }
}

/* What the routes add to the page: the same page printed with and without them. */
static gboolean
pair_joined_on_page (AtlasTileRenderer *renderer,
                     const char        *dir,
                     AtlasCase         *empty,
                     int                zoom)
{
  g_autofree char *path = g_strdup_printf ("%s/pair-%d.gpkg", dir, zoom);
  g_autoptr(AtlasCase) pair = route_pair_create_case (path, CENTRE_LATITUDE, CENTRE_LONGITUDE,
                                                      zoom);
  cairo_surface_t *with = print_case (renderer, pair, zoom);
  cairo_surface_t *without = print_case (renderer, empty, zoom);
  g_autofree guint8 *mask = route_pair_mask_changed (with, without);
  gboolean joined = route_pair_joined (mask, WIDTH, HEIGHT, 1.0);

  if (joined)
    {
      g_autofree char *png = g_strdup_printf ("%s/route-pair-%d.png", g_get_tmp_dir (), zoom);

      cairo_surface_write_to_png (with, png);
      g_test_message ("routes joined on the page at zoom %d: %s", zoom, png);
    }
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
  /* closed first: an open case keeps its -wal and -shm beside it */
  g_clear_object (&pair);
  remove_case_files (path);
  return joined;
}

/* Two routes that do not touch stay apart on the page at every zoom a briefing uses. */
static void
test_routes_not_joined (void)
{
  g_autoptr(AtlasTileRenderer) renderer = load_renderer ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-printer-XXXXXX", &error);
  g_autofree char *empty_path = NULL;
  g_autoptr(AtlasCase) empty = NULL;

  g_assert_no_error (error);
  empty_path = g_build_filename (dir, "empty.gpkg", NULL);
  empty = create_empty_case (empty_path);
  for (int zoom = 3; zoom <= 10; zoom++)
    g_assert_false (pair_joined_on_page (renderer, dir, empty, zoom));
  g_clear_object (&empty);
  remove_case_files (empty_path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static AtlasCase *
open_sample_case (void)
{
  const char *path = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCase *atlas_case;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  file = g_file_new_for_path (path);
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  return atlas_case;
}

/* How the page frames a step: a subject by the printer, an extent as the page does. */
static void
frame_step (AtlasMapPrinter *printer,
            AtlasCase       *atlas_case,
            AtlasRecord     *step,
            double           width,
            double           height,
            AtlasMapFrame   *frame)
{
  const char *kind = atlas_record_get_text (step, "subject_kind");
  cairo_rectangle_t whole = { 0, 0, width, height };
  g_autoptr(GError) error = NULL;
  AtlasBounds bounds;

  if (g_strcmp0 (kind, "extent") != 0)
    {
      g_assert_true (atlas_map_printer_frame_subject (printer, kind,
                                                      atlas_record_get_text (step, "subject_key"),
                                                      width, height, frame, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_true (atlas_map_framing_step_bounds (atlas_case, step, &bounds, &error));
  atlas_map_framing_fit (&bounds, width, height, &whole, frame);
}

/* Each step's subject lies wholly on the page's map and fills at least half of it across
 * or down, as on screen. */
static void
test_steps_framed (void)
{
  g_autoptr(AtlasCase) sample = open_sample_case ();
  g_autoptr(AtlasTileRenderer) renderer = NULL;
  g_autoptr(AtlasMapPrinter) printer = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GError) error = NULL;

  if (sample == NULL)
    {
      g_test_skip ("ATLAS_SAMPLE_CASE does not name the built sample case");
      return;
    }
  renderer = load_renderer ();
  printer = atlas_map_printer_new (renderer, sample, NULL, NULL, &error);
  g_assert_no_error (error);
  steps = atlas_case_list_records (sample, ATLAS_TYPE_BRIEFING_STEP, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (steps, i);
      AtlasMapFrame frame;
      AtlasBounds bounds;
      double x0, y0, x1, y1;

      g_assert_true (atlas_map_framing_step_bounds (sample, step, &bounds, NULL));
      frame_step (printer, sample, step, 470, 500, &frame);
      atlas_map_framing_project (&frame, 470, 500, bounds.max_lat, bounds.min_lon, &x0, &y0);
      atlas_map_framing_project (&frame, 470, 500, bounds.min_lat, bounds.max_lon, &x1, &y1);
      g_test_message ("step %u: %.0f,%.0f–%.0f,%.0f", i + 1, x0, y0, x1, y1);
      g_assert_cmpfloat (x0, >=, -0.5);
      g_assert_cmpfloat (y0, >=, -0.5);
      g_assert_cmpfloat (x1, <=, 470.5);
      g_assert_cmpfloat (y1, <=, 500.5);
      g_assert_cmpfloat (MAX ((x1 - x0) / 470, (y1 - y0) / 500), >=, 0.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/map-printer/routes-not-joined", test_routes_not_joined);
  g_test_add_func ("/atlas/map-printer/steps-framed", test_steps_framed);

  return g_test_run ();
}
