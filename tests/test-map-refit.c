/* test-map-refit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case's view in the real window, not presenting: framed again whenever the part of the
 * map left free changes (the sidebar shown or hidden, the window resized), until the
 * analyst moves the map; from then on their view stays.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <shumate/shumate.h>

#include "atlas-application.h"
#include "atlas-map-framing.h"
#include "atlas-map-legend.h"
#include "atlas-route-layer.h"
#include "atlas-window.h"
#include "window-test-util.h"

static AtlasApplication *app;

/* What the sample opens on: its route, whole. */
static void
opening_bounds (AtlasWindow *window,
                AtlasBounds *bounds)
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  GtkWidget *layer = find_child_of_type (map, ATLAS_TYPE_ROUTE_LAYER);
  const char *route_key, *selection_key;

  atlas_case_get_initial_view (atlas_window_get_case (window), &route_key, &selection_key);
  g_assert_nonnull (route_key);
  g_assert_true (atlas_route_layer_get_bounds (ATLAS_ROUTE_LAYER (layer), route_key, bounds));
}

static void
project (AtlasMapView *map_view,
         double        latitude,
         double        longitude,
         double       *x,
         double       *y)
{
  ShumateSimpleMap *map = atlas_map_view_get_simple_map (map_view);

  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (map_view),
                                              GTK_WIDGET (shumate_simple_map_get_map (map)),
                                              latitude, longitude, x, y);
}

static void
map_size (AtlasWindow *window,
          int         *width,
          int         *height)
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));

  *width = gtk_widget_get_width (map);
  *height = gtk_widget_get_height (map);
}

/* @bounds, as the map shows them now, lie wholly on the map and off the legend as laid
 * out, and the view is the one the framing gives for the map as it is now: it was framed
 * again after the map changed. */
static void
assert_framed_now (AtlasWindow       *window,
                   const AtlasBounds *bounds)
{
  AtlasMapView *map_view = atlas_window_get_map_view (window);
  ShumateViewport *viewport = atlas_map_view_get_viewport (map_view);
  GtkWidget *legend = find_child_of_type (GTK_WIDGET (map_view), ATLAS_TYPE_MAP_LEGEND);
  cairo_rectangle_t free_area;
  graphene_rect_t legend_box;
  AtlasMapFrame frame;
  double x0, y0, x1, y1;
  int width, height;

  map_size (window, &width, &height);
  project (map_view, bounds->max_lat, bounds->min_lon, &x0, &y0);
  project (map_view, bounds->min_lat, bounds->max_lon, &x1, &y1);
  g_test_message ("map %d×%d: extent %.0f,%.0f–%.0f,%.0f", width, height, x0, y0, x1, y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, width);
  g_assert_cmpfloat (y1, <=, height);
  if (gtk_widget_is_drawable (legend)
      && gtk_widget_compute_bounds (legend, GTK_WIDGET (map_view), &legend_box))
    g_assert_true (x1 <= legend_box.origin.x || y1 <= legend_box.origin.y
                   || x0 >= legend_box.origin.x + legend_box.size.width
                   || y0 >= legend_box.origin.y + legend_box.size.height);

  atlas_map_view_get_free_area (map_view, &free_area);
  atlas_map_framing_fit (bounds, width, height, &free_area, &frame);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), frame.zoom, 0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  frame.latitude, 0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                  frame.longitude, 0.01);
}

/* The window settles at once if nothing is loading: first let it lay the change out, which
 * is when the map learns its new size. */
static void
wait_laid_out (AtlasWindow *window)
{
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  wait_settled (window);
}

static void
toggle_sidebar (AtlasWindow *window)
{
  int width_before, width_after, height;

  map_size (window, &width_before, &height);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  wait_laid_out (window);
  map_size (window, &width_after, &height);
  g_assert_cmpint (width_after, !=, width_before);
}

static void
resize (AtlasWindow *window,
        int          width,
        int          height)
{
  int map_width_before, map_width_after, map_height;

  map_size (window, &map_width_before, &map_height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_laid_out (window);
  map_size (window, &map_width_after, &map_height);
  g_assert_cmpint (map_width_after, !=, map_width_before);
}

/* The case's opening view follows the sidebar and the window's size. */
static void
test_refit_when_free_area_changes (void)
{
  AtlasWindow *window = open_sample_at (app, 1280, 800);
  AtlasBounds bounds;

  opening_bounds (window, &bounds);
  assert_framed_now (window, &bounds);

  toggle_sidebar (window);
  assert_framed_now (window, &bounds);
  toggle_sidebar (window);
  assert_framed_now (window, &bounds);

  resize (window, 900, 700);
  assert_framed_now (window, &bounds);
  resize (window, 1600, 900);
  assert_framed_now (window, &bounds);
  close_window (window);
}

static void
read_view (AtlasWindow *window,
           double       view[3])
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (atlas_window_get_map_view (window));

  view[0] = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view[1] = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view[2] = shumate_viewport_get_zoom_level (viewport);
}

static void
assert_view_kept (AtlasWindow  *window,
                  const double  view[3])
{
  double now[3];

  read_view (window, now);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat_with_epsilon (now[i], view[i], 1e-9);
}

/* Once the analyst pans or zooms (the keys' actions), the map stays where they put it. */
static void
test_moved_view_kept (void)
{
  static const char *const moves[] = { "map.pan", "map.zoom-in" };

  for (guint m = 0; m < G_N_ELEMENTS (moves); m++)
    {
      AtlasWindow *window = open_sample_at (app, 1280, 800);
      GtkWidget *map_view = GTK_WIDGET (atlas_window_get_map_view (window));
      double view[3];

      g_test_message ("after %s", moves[m]);
      if (g_str_equal (moves[m], "map.pan"))
        g_assert_true (gtk_widget_activate_action (map_view, moves[m], "(ii)", 1, 0));
      else
        g_assert_true (gtk_widget_activate_action (map_view, moves[m], NULL));
      wait_settled (window);
      read_view (window, view);

      toggle_sidebar (window);
      assert_view_kept (window, view);
      resize (window, 900, 700);
      assert_view_kept (window, view);
      close_window (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the sidebar folds and the map jumps at once, so the test sees where they end */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = window_test_new_app ();

  g_test_add_func ("/atlas/map-refit/free-area-changes", test_refit_when_free_area_changes);
  g_test_add_func ("/atlas/map-refit/moved-view-kept", test_moved_view_kept);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
