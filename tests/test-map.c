/* test-map.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map view on the sample case in a real window: what is drawn where, picking, framing a
 * selection, the filter, the offline basemap's tiles, and the styles of categories a case
 * brings of its own.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap-source.h"
#include "atlas-case.h"
#include "atlas-map-style.h"
#include "atlas-map-view.h"
#include "atlas-route-layer.h"
#include "atlas-widget-capture.h"
#include "route-pair.h"
#include "window-test-util.h"


static AtlasCase *sample;

typedef struct {
  GtkWindow      *window;
  AtlasMapView   *map_view;
  AtlasSelection *selection;
  AtlasFilter    *filter;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ShumateViewport *viewport;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->map_view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  fixture->selection = atlas_selection_new ();
  fixture->filter = atlas_filter_new ();
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map_view));
  atlas_map_view_set_selection (fixture->map_view, fixture->selection);
  atlas_map_view_set_filter (fixture->map_view, fixture->filter);
  atlas_map_view_set_case (fixture->map_view, sample);

  viewport = atlas_map_view_get_viewport (fixture->map_view);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 31.5, 60.0);
  shumate_viewport_set_zoom_level (viewport, 6);
  gtk_window_present (fixture->window);
  wait_until_settled (fixture->map_view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->filter);
}

static void
project (Fixture *fixture,
         double   latitude,
         double   longitude,
         double  *x,
         double  *y)
{
  ShumateSimpleMap *map = atlas_map_view_get_simple_map (fixture->map_view);

  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (fixture->map_view),
                                              GTK_WIDGET (shumate_simple_map_get_map (map)),
                                              latitude, longitude, x, y);
}

static void
test_pick_incident_and_waypoint (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AtlasRecord) kerman = atlas_case_lookup (sample, "incident", "inc-kerman-2024", NULL);
  g_autoptr(AtlasRecord) khash = atlas_case_lookup (sample, "waypoint", "wp-khash", NULL);
  g_autoptr(AtlasRecord) picked = NULL;
  double x, y;

  g_assert_nonnull (kerman);
  project (fixture, atlas_record_get_double (kerman, "latitude"),
           atlas_record_get_double (kerman, "longitude"), &x, &y);
  picked = atlas_map_view_pick (fixture->map_view, x + 2, y - 2);
  g_assert_nonnull (picked);
  g_assert_cmpstr (atlas_record_get_key (picked), ==, "inc-kerman-2024");
  g_clear_object (&picked);

  /* Khash is a waypoint of the reported route only */
  g_assert_nonnull (khash);
  project (fixture, atlas_record_get_double (khash, "latitude"),
           atlas_record_get_double (khash, "longitude"), &x, &y);
  picked = atlas_map_view_pick (fixture->map_view, x, y);
  g_assert_nonnull (picked);
  g_assert_cmpstr (atlas_record_get_kind (picked), ==, "waypoint");
  g_clear_object (&picked);

  /* Open water in the Arabian Sea */
  project (fixture, 22.0, 62.0, &x, &y);
  g_assert_null (atlas_map_view_pick (fixture->map_view, x, y));
}

static void
test_selection_frames_record (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(AtlasRecord) shiraz = atlas_case_lookup (sample, "incident", "inc-shiraz-2022", NULL);
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->map_view);

  /* Without animation in a test: the fly itself is libshumate's */
  atlas_map_view_frame_record (fixture->map_view, shiraz, FALSE);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                  atlas_record_get_double (shiraz, "latitude"), 1e-6);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, 8);
}

static void
test_route_framed_whole (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasRecord) route = atlas_case_lookup (sample, "route", "route-badakhshan-kerman",
                                                    NULL);
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (sample, "route-badakhshan-kerman",
                                                               NULL);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->map_view));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->map_view));

  atlas_map_view_frame_record (fixture->map_view, route, FALSE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->map_view));

  g_assert_cmpuint (g_list_model_get_n_items (waypoints), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);
      double x, y;

      project (fixture, atlas_record_get_double (waypoint, "latitude"),
               atlas_record_get_double (waypoint, "longitude"), &x, &y);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, width);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, height);
    }
}

static void
test_filter_reloads_incidents (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *bombings[] = { "bombing", NULL };
  g_autoptr(AtlasRecord) ahvaz = atlas_case_lookup (sample, "incident", "inc-ahvaz-2018", NULL);
  g_autoptr(AtlasRecord) picked = NULL;
  double x, y;

  atlas_map_view_frame_record (fixture->map_view, ahvaz, FALSE);
  wait_until_settled (fixture->map_view);
  project (fixture, atlas_record_get_double (ahvaz, "latitude"),
           atlas_record_get_double (ahvaz, "longitude"), &x, &y);
  picked = atlas_map_view_pick (fixture->map_view, x, y);
  g_assert_nonnull (picked);
  g_clear_object (&picked);

  /* Ahvaz was an armed assault: a bombings-only filter takes it off the map */
  atlas_filter_set_categories (fixture->filter, bombings);
  wait_until_settled (fixture->map_view);
  g_assert_null (atlas_map_view_pick (fixture->map_view, x, y));
}

static void
test_keyboard_steps_through_incidents (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(AtlasRecord) shiraz = atlas_case_lookup (sample, "incident", "inc-shiraz-2022", NULL);
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->map_view);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* South-west Iran: Ahvaz and Shiraz in view, each on its own */
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 30.5, 51.0);
  shumate_viewport_set_zoom_level (viewport, 7);
  wait_until_settled (fixture->map_view);

  for (int i = 0; i < 3; i++)
    {
      AtlasRecord *selected;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->map_view),
                                                 "map.next-incident", NULL));
      selected = atlas_selection_get_record (fixture->selection);
      g_assert_nonnull (selected);
      g_assert_cmpstr (atlas_record_get_kind (selected), ==, "incident");
      g_hash_table_add (seen, g_strdup (atlas_record_get_key (selected)));
    }
  /* Two incidents in view: the third step comes back round */
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2);
  g_assert_true (g_hash_table_contains (seen, atlas_record_get_key (shiraz)));
}

static void
test_date_range_in_memory (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtlasRecord) ahvaz = atlas_case_lookup (sample, "incident", "inc-ahvaz-2018", NULL);
  g_autoptr(AtlasRecord) picked = NULL;
  double x, y;

  atlas_map_view_frame_record (fixture->map_view, ahvaz, FALSE);
  wait_until_settled (fixture->map_view);
  project (fixture, atlas_record_get_double (ahvaz, "latitude"),
           atlas_record_get_double (ahvaz, "longitude"), &x, &y);

  /* January 2024: Ahvaz (September 2018) leaves the map, and comes back with 2018 */
  atlas_filter_set_date_range (fixture->filter, "2024-01", "2024-01");
  wait_until_settled (fixture->map_view);
  g_assert_null (atlas_map_view_pick (fixture->map_view, x, y));
  atlas_filter_set_date_range (fixture->filter, "2018", "2018");
  wait_until_settled (fixture->map_view);
  picked = atlas_map_view_pick (fixture->map_view, x, y);
  g_assert_nonnull (picked);
  g_assert_cmpstr (atlas_record_get_key (picked), ==, "inc-ahvaz-2018");
}

/* A date range that every incident meets (an import of one year, that year picked) keeps
 * the index of everything instead of building the same again: a second at 1M. */
static void
test_date_range_of_everything (Fixture       *fixture,
                               gconstpointer  data)
{
  AtlasIncidentLayer *incidents = atlas_map_view_get_incident_layer (fixture->map_view);
  g_autoptr(AtlasClusterIndex) everything = NULL;

  wait_until_settled (fixture->map_view);
  everything = g_object_ref (atlas_incident_layer_get_index (incidents));

  atlas_filter_set_date_range (fixture->filter, "1900", "2100");
  wait_until_settled (fixture->map_view);
  g_assert_true (atlas_incident_layer_get_index (incidents) == everything);

  atlas_filter_set_date_range (fixture->filter, "2018", "2018");
  wait_until_settled (fixture->map_view);
  g_assert_true (atlas_incident_layer_get_index (incidents) != everything);
  g_assert_cmpuint (atlas_cluster_index_get_n_points (atlas_incident_layer_get_index (incidents)),
                    <, atlas_cluster_index_get_n_points (everything));
}

/* The density view, from the map menu's action: hexagons that count every incident the
 * filter and the timeline let through, instead of badges that can be picked. */
static void
test_density (Fixture       *fixture,
              gconstpointer  data)
{
  const char *bombings[] = { "bombing", NULL };
  GActionGroup *actions = atlas_map_view_get_view_actions (fixture->map_view);
  AtlasDensityLayer *density = atlas_map_view_get_density_layer (fixture->map_view);
  AtlasIncidentLayer *incidents = atlas_map_view_get_incident_layer (fixture->map_view);
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->map_view);
  g_autoptr(AtlasRecord) ahvaz = atlas_case_lookup (sample, "incident", "inc-ahvaz-2018", NULL);
  g_autoptr(AtlasRecord) picked = NULL;
  g_autoptr(GVariant) state = NULL;
  double everything, x, y;

  /* the whole world in view: every incident is counted */
  shumate_viewport_set_zoom_level (viewport, 2);
  g_action_group_activate_action (actions, "density", NULL);
  state = g_action_group_get_action_state (actions, "density");
  g_assert_true (g_variant_get_boolean (state));
  g_assert_true (atlas_map_view_get_density_shown (fixture->map_view));
  wait_until_settled (fixture->map_view);
  everything = atlas_density_layer_get_total (density);
  g_assert_cmpfloat (everything, ==,
                     atlas_cluster_index_get_n_points (atlas_incident_layer_get_index (incidents)));
  g_assert_cmpfloat (everything, >=, 5);
  g_assert_cmpuint (atlas_density_layer_get_n_bins (density), >, 0);
  g_assert_cmpfloat (atlas_density_layer_get_max (density), >=, 2);

  /* nothing of the hidden incident layer is picked */
  atlas_map_view_frame_record (fixture->map_view, ahvaz, FALSE);
  shumate_viewport_set_zoom_level (viewport, 2);
  wait_until_settled (fixture->map_view);
  project (fixture, atlas_record_get_double (ahvaz, "latitude"),
           atlas_record_get_double (ahvaz, "longitude"), &x, &y);
  g_assert_null (atlas_map_view_pick (fixture->map_view, x, y));

  /* it follows the filter and the timeline */
  atlas_filter_set_categories (fixture->filter, bombings);
  wait_until_settled (fixture->map_view);
  g_assert_cmpfloat (atlas_density_layer_get_total (density), <, everything);
  g_assert_cmpfloat (atlas_density_layer_get_total (density), >, 0);
  atlas_filter_set_categories (fixture->filter, NULL);
  atlas_filter_set_date_range (fixture->filter, "2018", "2018");
  wait_until_settled (fixture->map_view);
  g_assert_cmpfloat (atlas_density_layer_get_total (density), <, everything);
  g_assert_cmpfloat (atlas_density_layer_get_total (density), ==,
                     atlas_cluster_index_get_n_points (atlas_incident_layer_get_index (incidents)));

  /* back to the badges */
  g_action_group_activate_action (actions, "density", NULL);
  g_assert_false (atlas_map_view_get_density_shown (fixture->map_view));
  shumate_viewport_set_zoom_level (viewport, 8);
  atlas_map_view_frame_record (fixture->map_view, ahvaz, FALSE);
  wait_until_settled (fixture->map_view);
  project (fixture, atlas_record_get_double (ahvaz, "latitude"),
           atlas_record_get_double (ahvaz, "longitude"), &x, &y);
  picked = atlas_map_view_pick (fixture->map_view, x, y);
  g_assert_nonnull (picked);
}

/* Opaque white pixels, the fill of a reached waypoint's disc, within @radius of (x, y) of
 * what @layer draws by itself. */
static guint
count_white_in_disc (GtkWidget *layer,
                     double     x,
                     double     y,
                     double     radius)
{
  g_autoptr(GdkTexture) texture = atlas_widget_capture_texture (layer);
  int width, height;
  g_autofree guchar *data = NULL;
  guint count = 0;

  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  data = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, data, (gsize) width * 4);
  for (int py = MAX (0, (int) (y - radius)); py <= MIN (height - 1, (int) (y + radius)); py++)
    for (int px = MAX (0, (int) (x - radius)); px <= MIN (width - 1, (int) (x + radius)); px++)
      {
        const guchar *pixel = data + ((gsize) py * width + px) * 4;

        if (hypot (px - x, py - y) <= radius && pixel[3] == 255
            && pixel[0] > 240 && pixel[1] > 240 && pixel[2] > 240)
          count++;
      }
  return count;
}

/* The alleged route reaches Pakistan on 2023-12-13: a white disc; with the time shown
 * ending the day before, only its faint outline is drawn. (Kerman, where both routes end,
 * will not do: the alleged route's undated stop there is always reached.) */
static void
test_route_travelled (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(AtlasRecord) route = atlas_case_lookup (sample, "route", "route-tajikistan-pakistan",
                                                    NULL);
  g_autoptr(AtlasRecord) stop = atlas_case_lookup (sample, "waypoint", "wp-alt-pakistan", NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-map-travelled.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  GtkWidget *layer = find_child_of_type (GTK_WIDGET (fixture->map_view), ATLAS_TYPE_ROUTE_LAYER);
  guint reached, not_yet;
  double x, y;

  g_assert_nonnull (route);
  g_assert_nonnull (stop);
  g_assert_nonnull (layer);
  atlas_map_view_frame_record (fixture->map_view, route, FALSE);
  wait_until_settled (fixture->map_view);
  project (fixture, atlas_record_get_double (stop, "latitude"),
           atlas_record_get_double (stop, "longitude"), &x, &y);
  g_assert_true (x > 0 && y > 0);
  reached = count_white_in_disc (layer, x, y, 8);

  atlas_filter_set_date_range (fixture->filter, NULL, "2023-12-12");
  wait_until_settled (fixture->map_view);
  texture = atlas_widget_capture_texture (GTK_WIDGET (fixture->map_view));
  g_assert_nonnull (texture);
  gdk_texture_save_to_png (texture, path);
  not_yet = count_white_in_disc (layer, x, y, 8);

  g_test_message ("white pixels at the stop: %u reached, %u not yet", reached, not_yet);
  g_assert_cmpuint (reached, >, 40);
  g_assert_cmpuint (not_yet, <, 5);
}

static void
test_visible_bounds (Fixture       *fixture,
                     gconstpointer  data)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->map_view);
  AtlasBounds bounds;

  g_assert_true (atlas_map_view_get_visible_bounds (fixture->map_view, &bounds));
  /* centred on 31.5 N 60 E at zoom 6 in a 1000 px wide view: about 22 degrees across */
  g_assert_cmpfloat (bounds.min_lon, <, 60);
  g_assert_cmpfloat (bounds.max_lon, >, 60);
  g_assert_cmpfloat (bounds.min_lat, <, 31.5);
  g_assert_cmpfloat (bounds.max_lat, >, 31.5);
  g_assert_cmpfloat_with_epsilon (bounds.max_lon - bounds.min_lon,
                                  gtk_widget_get_width (GTK_WIDGET (fixture->map_view)) * 360.0
                                  / (256 * exp2 (shumate_viewport_get_zoom_level (viewport))),
                                  0.5);
}

static void
test_basemap_tile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasTileRenderer) renderer = atlas_basemap_source_load_default (&error);
  g_autoptr(AtlasBasemapSource) source = NULL;

  g_assert_no_error (error);
  source = atlas_basemap_source_new (renderer, ATLAS_TILE_STYLE_LIGHT, 2);
  g_assert_cmpstr (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (source)), ==,
                   "atlas-basemap-light@2-text1");
  g_assert_nonnull (strstr (shumate_map_source_get_license (SHUMATE_MAP_SOURCE (source)),
                            "Natural Earth"));
}

static GtkWidget *
find_route_layer (GtkWidget *widget)
{
  if (ATLAS_IS_ROUTE_LAYER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_route_layer (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
route_layer_joins_pair (Fixture *fixture)
{
  GtkWidget *layer = find_route_layer (GTK_WIDGET (fixture->map_view));
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  g_autofree guint8 *mask = NULL;
  int width, height;

  g_assert_nonnull (layer);
  texture = atlas_widget_capture_texture (layer);
  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  mask = route_pair_mask_alpha (pixels, width, height, width * 4);
  return route_pair_joined (mask, width, height, 1.0);
}

/* Two routes that do not touch, the first ending in a place too close to its last stop to be
 * labelled: no line joins them at any zoom a briefing uses. */
static void
test_routes_not_joined (Fixture       *fixture,
                        gconstpointer  data)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->map_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-map-XXXXXX", &error);

  g_assert_no_error (error);
  for (int zoom = 3; zoom <= 10; zoom++)
    {
      g_autofree char *path = g_strdup_printf ("%s/pair-%d.gpkg", dir, zoom);
      g_autoptr(AtlasCase) pair = route_pair_create_case (path, 31.0, 62.0, zoom);

      atlas_map_view_set_case (fixture->map_view, pair);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), 31.0, 62.0);
      shumate_viewport_set_zoom_level (viewport, zoom);
      wait_until_settled (fixture->map_view);
      g_assert_false (route_layer_joins_pair (fixture));
      atlas_map_view_set_case (fixture->map_view, sample);
      g_remove (path);
    }
  g_rmdir (dir);
}

static gboolean
drawn_on_its_own (Fixture     *fixture,
                  AtlasRecord *incident)
{
  AtlasIncidentLayer *layer = atlas_map_view_get_incident_layer (fixture->map_view);
  g_autoptr(GArray) ids = atlas_incident_layer_get_visible_ids (layer);
  gint64 id = atlas_record_get_id (incident);

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Three incidents share one place in Tehran. The sample has too few incidents in view to
 * cluster (issue #18), so each is drawn on its own, selected or not; a selection in a
 * badge of a larger case is tested in test-cluster-view.c. */
static void
test_selection_not_clustered (Fixture       *fixture,
                              gconstpointer  data)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->map_view);
  g_autoptr(AtlasRecord) appeal = atlas_case_lookup (sample, "incident", "inc-panjshiri-appeal",
                                                     NULL);

  g_assert_nonnull (appeal);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), 34.0, 54.0);
  shumate_viewport_set_zoom_level (viewport, 5);
  wait_until_settled (fixture->map_view);
  g_assert_true (drawn_on_its_own (fixture, appeal));

  atlas_selection_select (fixture->selection, appeal, ATLAS_SELECTION_NONE);
  wait_until_settled (fixture->map_view);
  g_assert_true (drawn_on_its_own (fixture, appeal));
}

static gboolean
styles_differ (const AtlasCategoryStyle *a,
               const AtlasCategoryStyle *b)
{
  return a->colour.red != b->colour.red || a->colour.green != b->colour.green
         || a->colour.blue != b->colour.blue || a->symbol != b->symbol;
}

/* ACLED's event types are not ours: each gets a style of its own, labelled with its own text,
 * not six rows of "Other" in one grey. */
static void
test_case_categories (void)
{
  const AtlasCategoryStyle *other = atlas_map_style_for_category ("other");
  const AtlasCategoryStyle *bombing = atlas_map_style_for_category ("bombing");
  const AtlasCategoryStyle *battles = atlas_map_style_for_category ("Battles");
  const AtlasCategoryStyle *riots = atlas_map_style_for_category ("Riots");
  const AtlasCategoryStyle *markup = atlas_map_style_for_category ("<b>Protests</b> & more");
  const AtlasCategoryStyle *longer = NULL;
  g_autofree char *long_name = g_strnfill (300, 'x');

  g_assert_false (bombing->from_case);
  g_assert_cmpstr (atlas_map_style_get_label (bombing), ==, "Bombing");
  g_assert_true (battles->from_case);
  g_assert_cmpstr (atlas_map_style_get_label (battles), ==, "Battles");
  g_assert_cmpstr (atlas_map_style_get_label (markup), ==, "<b>Protests</b> & more");
  g_assert_true (battles == atlas_map_style_for_category ("Battles"));
  g_assert_true (styles_differ (battles, riots));
  g_assert_true (styles_differ (battles, other));
  g_assert_true (styles_differ (riots, other));
  g_assert_true (atlas_map_style_for_category ("") == other);
  g_assert_true (atlas_map_style_for_category (NULL) == other);

  longer = atlas_map_style_for_category (long_name);
  g_assert_cmpint (g_utf8_strlen (atlas_map_style_get_label (longer), -1), ==, 40);
  g_assert_true (g_str_has_suffix (atlas_map_style_get_label (longer), "…"));

  /* a hostile case may name millions: past 64 of its own, the rest are "other" */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("category %u", i);

      atlas_map_style_for_category (name);
    }
  g_assert_true (atlas_map_style_for_category ("category 99") == other);
  g_assert_true (atlas_map_style_for_category ("Battles") == battles);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  file = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  sample = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add ("/atlas/map/pick", Fixture, NULL, fixture_set_up, test_pick_incident_and_waypoint,
              fixture_tear_down);
  g_test_add ("/atlas/map/frame-selection", Fixture, NULL, fixture_set_up,
              test_selection_frames_record, fixture_tear_down);
  g_test_add ("/atlas/map/frame-route", Fixture, NULL, fixture_set_up, test_route_framed_whole,
              fixture_tear_down);
  g_test_add ("/atlas/map/filter", Fixture, NULL, fixture_set_up, test_filter_reloads_incidents,
              fixture_tear_down);
  g_test_add ("/atlas/map/keyboard-steps", Fixture, NULL, fixture_set_up,
              test_keyboard_steps_through_incidents, fixture_tear_down);
  g_test_add ("/atlas/map/date-range", Fixture, NULL, fixture_set_up, test_date_range_in_memory,
              fixture_tear_down);
  g_test_add ("/atlas/map/date-range-of-everything", Fixture, NULL, fixture_set_up,
              test_date_range_of_everything, fixture_tear_down);
  g_test_add ("/atlas/map/route-travelled", Fixture, NULL, fixture_set_up, test_route_travelled,
              fixture_tear_down);
  g_test_add ("/atlas/map/visible-bounds", Fixture, NULL, fixture_set_up, test_visible_bounds,
              fixture_tear_down);
  g_test_add ("/atlas/map/selection-not-clustered", Fixture, NULL, fixture_set_up,
              test_selection_not_clustered, fixture_tear_down);
  g_test_add ("/atlas/map/routes-not-joined", Fixture, NULL, fixture_set_up,
              test_routes_not_joined, fixture_tear_down);
  g_test_add ("/atlas/map/density", Fixture, NULL, fixture_set_up, test_density,
              fixture_tear_down);
  g_test_add_func ("/atlas/map/basemap-source", test_basemap_tile);
  g_test_add_func ("/atlas/map/case-categories", test_case_categories);

  status = g_test_run ();
  g_clear_object (&sample);
  return status;
}
