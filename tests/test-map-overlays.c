/* test-map-overlays.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What lies over the map view on the sample case, in a real window: the legend, folded to a
 * button on a small map; the filter's active parts as chips that remove them, in the
 * legend's words, as the filter's popover names categories; a case with rows at 0,0 opened
 * on the rest, with a chip that frames them; the basemap's labels placed after the case's,
 * off them, its markers and the controls.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-case.h"
#include "atlas-filter-chips.h"
#include "atlas-filter-popover.h"
#include "atlas-incident.h"
#include "atlas-widget-capture.h"
#include "atlas-map-legend.h"
#include "atlas-map-view.h"
#include "atlas-place-label-layer.h"
#include "atlas-route-layer.h"
#include "atlas-tile-labels.h"
#include "window-test-util.h"


static AtlasCase *sample;

typedef struct {
  GtkWindow      *window;
  AtlasMapView   *map_view;
  AtlasSelection *selection;
  AtlasFilter    *filter;
} Fixture;

/* A map view alone in a window of @width × @height, showing @atlas_case whole. */
static void
open_map (Fixture   *fixture,
          AtlasCase *atlas_case,
          int        width,
          int        height)
{
  AtlasBounds extent;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->map_view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  fixture->selection = atlas_selection_new ();
  fixture->filter = atlas_filter_new ();
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map_view));
  atlas_map_view_set_selection (fixture->map_view, fixture->selection);
  atlas_map_view_set_filter (fixture->map_view, fixture->filter);
  atlas_map_view_set_case (fixture->map_view, atlas_case);
  g_assert_true (atlas_case_get_extent (atlas_case, &extent));
  atlas_map_view_frame_bounds (fixture->map_view, &extent, FALSE);
  gtk_window_present (fixture->window);
  wait_until_settled (fixture->map_view);
}

static void
close_map (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->filter);
}

static gboolean
shows (GtkWidget *widget)
{
  return gtk_widget_is_drawable (widget) && gtk_widget_get_width (widget) > 0;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && shows (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static double
free_share (AtlasMapView *map_view)
{
  cairo_rectangle_t area;

  atlas_map_view_get_free_area (map_view, &area);
  return area.width * area.height
         / (gtk_widget_get_width (GTK_WIDGET (map_view))
            * gtk_widget_get_height (GTK_WIDGET (map_view)));
}

/* At 800×475 (an 800×600 window's map) the open legend would cover a sixth of the map: it
 * folds to a button, which opens it; a large map shows it open. */
static void
test_legend_folds_on_small_map (void)
{
  Fixture fixture = { NULL, };
  AtlasMapLegend *legend;
  GtkWidget *button;

  open_map (&fixture, sample, 800, 475);
  legend = ATLAS_MAP_LEGEND (find_child_of_type (GTK_WIDGET (fixture.map_view),
                                                 ATLAS_TYPE_MAP_LEGEND));
  button = find_child_of_type (GTK_WIDGET (legend), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_true (atlas_map_legend_get_collapsed (legend));
  g_assert_true (shows (button));
  g_assert_false (shows_text (GTK_WIDGET (legend), "Bombing"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (legend)), <, 160);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (legend)), <, 60);
  /* only the button is kept clear of the subject */
  g_assert_cmpfloat (free_share (fixture.map_view), >, 0.8);

  g_signal_emit_by_name (button, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture.map_view));
  g_assert_true (atlas_map_legend_get_open (legend));
  g_assert_true (shows_text (GTK_WIDGET (legend), "Bombing"));
  g_signal_emit_by_name (button, "clicked");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture.map_view));
  g_assert_false (shows_text (GTK_WIDGET (legend), "Bombing"));
  close_map (&fixture);

  open_map (&fixture, sample, 1400, 900);
  legend = ATLAS_MAP_LEGEND (find_child_of_type (GTK_WIDGET (fixture.map_view),
                                                 ATLAS_TYPE_MAP_LEGEND));
  g_assert_false (atlas_map_legend_get_collapsed (legend));
  g_assert_false (shows (find_child_of_type (GTK_WIDGET (legend), GTK_TYPE_TOGGLE_BUTTON)));
  g_assert_true (shows_text (GTK_WIDGET (legend), "Bombing"));
  close_map (&fixture);
}

/* Every label shown under @widget, one per line. */
static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static char *
dup_texts (GtkWidget *widget)
{
  GString *texts = g_string_new (NULL);

  collect_texts (widget, texts);
  return g_string_free (texts, FALSE);
}

static GtkWidget *
find_chip (GtkWidget  *chips,
           const char *text)
{
  for (GtkWidget *chip = gtk_widget_get_first_child (gtk_widget_get_first_child (chips));
       chip != NULL; chip = gtk_widget_get_next_sibling (chip))
    {
      g_autofree char *texts = dup_texts (chip);

      if (g_str_equal (texts, text))
        return chip;
    }
  return NULL;
}

/* With the popover closed, every active part of the filter is a chip over the map, in
 * words; its button turns that part off. */
static void
test_filter_chips (void)
{
  const char *categories[] = { "armed-assault", "bombing", NULL };
  Fixture fixture = { NULL, };
  g_autofree char *texts = NULL;
  cairo_rectangle_t free_area;
  GtkWidget *chips;

  open_map (&fixture, sample, 1000, 700);
  chips = find_child_of_type (GTK_WIDGET (fixture.map_view), ATLAS_TYPE_FILTER_CHIPS);
  g_assert_false (gtk_widget_get_visible (chips));

  atlas_filter_set_categories (fixture.filter, categories);
  atlas_filter_set_date_range (fixture.filter, "2023-12", "2024-01-03");
  atlas_filter_set_min_reliability (fixture.filter, 'C');
  atlas_filter_set_contested_only (fixture.filter, TRUE);
  wait_until_settled (fixture.map_view);
  if (g_getenv ("ATLAS_TEST_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("ATLAS_TEST_SCREENSHOT_DIR"),
                                                "filter-chips.png", NULL);

      g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (fixture.map_view), path, NULL));
    }

  g_assert_true (shows (chips));
  texts = dup_texts (chips);
  g_assert_cmpstr (texts, ==, "Only Armed assault, Bombing\n"
                              "Dec 2023 – 3 Jan 2024\n"
                              "Sources graded A to C\n"
                              "Contested only\n");
  /* no code of the data's reaches the screen */
  g_assert_null (strstr (texts, "armed-assault"));

  /* the chips are kept clear when framing */
  atlas_map_view_get_free_area (fixture.map_view, &free_area);
  g_assert_cmpfloat (free_area.y, >=, gtk_widget_get_height (chips));

  g_signal_emit_by_name (find_chip (chips, "Contested only\n"), "clicked");
  g_assert_false (atlas_filter_get_contested_only (fixture.filter));
  g_assert_null (find_chip (chips, "Contested only\n"));
  g_signal_emit_by_name (find_chip (chips, "Only Armed assault, Bombing\n"), "clicked");
  g_assert_null (atlas_filter_get_categories (fixture.filter));
  g_signal_emit_by_name (find_chip (chips, "Sources graded A to C\n"), "clicked");
  g_assert_cmpint (atlas_filter_get_min_reliability (fixture.filter), ==, 'F');
  g_signal_emit_by_name (find_chip (chips, "Dec 2023 – 3 Jan 2024\n"), "clicked");
  g_assert_null (atlas_filter_get_start_date (fixture.filter));
  g_assert_true (atlas_filter_is_empty (fixture.filter));
  g_assert_false (gtk_widget_get_visible (chips));
  close_map (&fixture);
}

/* The popover names the categories as the legend does, never by their codes; a case's own
 * category is its own words. */
static void
test_filter_popover_words (void)
{
  const char *categories[] = { "armed-assault", "bombing", "Sabotage <b>", NULL };
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  GtkWidget *popover = g_object_ref_sink (atlas_filter_popover_new (filter));
  g_autofree char *texts = NULL;

  atlas_filter_popover_set_categories (ATLAS_FILTER_POPOVER (popover), categories);
  texts = dup_texts (popover);
  g_assert_nonnull (strstr (texts, "\nArmed assault\n"));
  g_assert_nonnull (strstr (texts, "\nBombing\n"));
  g_assert_nonnull (strstr (texts, "\nSabotage <b>\n"));
  g_assert_null (strstr (texts, "armed-assault"));
  g_assert_null (strstr (texts, "bombing"));
  g_object_unref (popover);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static AtlasRecord *
make_incident (guint  n,
               double latitude,
               double longitude)
{
  g_autofree char *key = g_strdup_printf ("inc-%u", n);
  AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new (key));

  atlas_record_set_text (incident, "title", key);
  atlas_record_set_text (incident, "category", "bombing");
  atlas_record_set_text (incident, "start_time", "2024-01-03");
  atlas_record_set_text (incident, "start_precision", "day");
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", longitude);
  atlas_record_set_text (incident, "location_precision", "town");
  return incident;
}

/* Twenty incidents around Kerman and three at 0,0, as an import with missing coordinates
 * leaves them. */
static AtlasCase *
create_case_with_rows_at_zero (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;

  for (guint i = 0; i < 20; i++)
    g_ptr_array_add (records, make_incident (i, 29.5 + (i % 5) * 0.4, 56.5 + (i / 5) * 0.5));
  for (guint i = 20; i < 23; i++)
    g_ptr_array_add (records, make_incident (i, 0, 0));
  atlas_case = atlas_case_create (file, "Rows at 0,0", &error);
  g_assert_no_error (error);
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&atlas_case);
}

static gboolean
widget_shows (gpointer widget)
{
  return shows (widget);
}

static gboolean
widget_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* Opened, the case is framed on its twenty incidents, not the world; a chip says three are
 * outside the view, and clicking it frames them all, which hides it. */
static void
test_outliers_left_out (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-outliers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rows-at-zero.gpkg", NULL);
  g_autoptr(AtlasCase) atlas_case = create_case_with_rows_at_zero (path);
  Fixture fixture = { NULL, };
  AtlasBounds view;
  GtkWidget *chip;
  g_autofree char *texts = NULL;

  fixture.window = GTK_WINDOW (gtk_window_new ());
  fixture.map_view = g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
  fixture.selection = atlas_selection_new ();
  fixture.filter = atlas_filter_new ();
  gtk_window_set_default_size (fixture.window, 1000, 700);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.map_view));
  atlas_map_view_set_selection (fixture.map_view, fixture.selection);
  atlas_map_view_set_filter (fixture.map_view, fixture.filter);
  atlas_map_view_set_case (fixture.map_view, atlas_case);
  atlas_map_view_frame_case (fixture.map_view);
  gtk_window_present (fixture.window);
  wait_until_settled (fixture.map_view);
  chip = gtk_widget_get_next_sibling (find_child_of_type (GTK_WIDGET (fixture.map_view),
                                                          ATLAS_TYPE_FILTER_CHIPS));
  g_assert_true (GTK_IS_BUTTON (chip));
  /* the chip follows the view once it rests */
  wait_for (widget_shows, chip, "the outliers chip");

  atlas_map_view_get_visible_bounds (fixture.map_view, &view);
  g_assert_cmpfloat (view.min_lon, >, 40);
  g_assert_cmpfloat (view.max_lon, <, 75);
  g_assert_cmpfloat (view.min_lat, >, 15);
  g_assert_cmpfloat (view.min_lat, <, 29.5);
  g_assert_cmpfloat (view.max_lat, >, 31.1);
  texts = dup_texts (chip);
  g_assert_cmpstr (texts, ==, "3 incidents outside this view\n");

  g_signal_emit_by_name (chip, "clicked");
  wait_until_settled (fixture.map_view);
  wait_for (widget_hidden, chip, "the outliers chip to hide");
  atlas_map_view_get_visible_bounds (fixture.map_view, &view);
  g_assert_cmpfloat (view.min_lat, <, 0);
  g_assert_cmpfloat (view.min_lon, <, 0);
  g_assert_cmpfloat (view.max_lon, >, 58);

  close_map (&fixture);
  g_clear_object (&atlas_case);
  remove_dir (dir);
}

static double
tallest_label (AtlasMapView *map_view)
{
  GtkWidget *layer = find_child_of_type (GTK_WIDGET (map_view), ATLAS_TYPE_ROUTE_LAYER);
  GArray *boxes = atlas_route_layer_get_label_boxes (ATLAS_ROUTE_LAYER (layer));
  double tallest = 0;

  for (guint i = 0; i < boxes->len; i++)
    tallest = MAX (tallest, g_array_index (boxes, cairo_rectangle_t, i).height);
  return tallest;
}

/* Under a text scaling factor of 1.5 (gtk-xft-dpi, as GNOME sets it), the case's labels are
 * half as tall again and the basemap's labels are drawn scaled too (by a renderer set to
 * 1.5, which its tiles' source names). */
static void
test_labels_follow_text_scale (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  Fixture fixture = { NULL, };
  ShumateSimpleMap *map;
  const char *source_id;
  double normal, large;

  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  open_map (&fixture, sample, 1000, 700);
  normal = tallest_label (fixture.map_view);

  g_object_set (settings, "gtk-xft-dpi", 144 * 1024, NULL);
  wait_until_settled (fixture.map_view);
  large = tallest_label (fixture.map_view);
  if (g_getenv ("ATLAS_TEST_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("ATLAS_TEST_SCREENSHOT_DIR"),
                                                "text-scale-1.5.png", NULL);

      g_assert_true (atlas_widget_capture_to_png (GTK_WIDGET (fixture.map_view), path, NULL));
    }
  g_assert_cmpfloat (normal, >, 10);
  g_assert_cmpfloat_with_epsilon (large / normal, 1.5, 0.1);
  map = atlas_map_view_get_simple_map (fixture.map_view);
  source_id = shumate_map_source_get_id (shumate_simple_map_get_map_source (map));
  g_assert_true (g_str_has_suffix (source_id, "-text1.5-unlabelled"));

  g_object_set (settings, "gtk-xft-dpi", 96 * 1024, NULL);
  close_map (&fixture);
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_of (GtkWidget         *widget,
        GtkWidget         *map_view,
        cairo_rectangle_t *box)
{
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_is_drawable (widget)
      || !gtk_widget_compute_bounds (widget, map_view, &bounds))
    return FALSE;
  *box = (cairo_rectangle_t) { bounds.origin.x, bounds.origin.y, bounds.size.width,
                               bounds.size.height };
  return TRUE;
}

/* Moves the map so that @waypoint lies at @x, @y of the view. */
static void
bring_to (Fixture     *fixture,
          AtlasRecord *waypoint,
          double       x,
          double       y)
{
  ShumateViewport *viewport = atlas_map_view_get_viewport (fixture->map_view);
  GtkWidget *map = GTK_WIDGET (shumate_simple_map_get_map (
                                 atlas_map_view_get_simple_map (fixture->map_view)));
  double px, py, latitude, longitude;

  shumate_viewport_location_to_widget_coords (viewport, map,
                                              atlas_record_get_double (waypoint, "latitude"),
                                              atlas_record_get_double (waypoint, "longitude"),
                                              &px, &py);
  shumate_viewport_widget_coords_to_location (viewport, map,
                                              gtk_widget_get_width (map) / 2.0 + px - x,
                                              gtk_widget_get_height (map) / 2.0 + py - y,
                                              &latitude, &longitude);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
  wait_until_settled (fixture->map_view);
}

/* No route label lies under the zoom buttons, the scale bar or the attribution, even with
 * a stop right under one of them, at the map sizes of 1920×1080, 1280×800 and 800×600
 * windows. */
static void
test_labels_off_controls (void)
{
  static const int sizes[][2] = { { 1920, 1000 }, { 1280, 675 }, { 800, 475 } };
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (sample, "route-badakhshan-kerman",
                                                               NULL);
  guint n_checked = 0, n_labels = 0;

  g_assert_cmpuint (g_list_model_get_n_items (waypoints), >=, 4);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Fixture fixture = { NULL, };
      ShumateSimpleMap *map;
      GtkWidget *controls[3];

      open_map (&fixture, sample, sizes[s][0], sizes[s][1]);
      map = atlas_map_view_get_simple_map (fixture.map_view);
      controls[0] = GTK_WIDGET (shumate_simple_map_get_scale (map));
      controls[1] = GTK_WIDGET (shumate_simple_map_get_license (map));
      /* the zoom buttons' box */
      controls[2] = gtk_widget_get_parent (find_child_of_type (GTK_WIDGET (map), GTK_TYPE_BUTTON));
      for (guint w = 1; w < 4; w++)
        for (guint c = 0; c < G_N_ELEMENTS (controls); c++)
          {
            g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, w);
            GtkWidget *layer = find_child_of_type (GTK_WIDGET (fixture.map_view),
                                                   ATLAS_TYPE_ROUTE_LAYER);
            GArray *labels;
            cairo_rectangle_t control;

            g_assert_true (box_of (controls[c], GTK_WIDGET (fixture.map_view), &control));
            bring_to (&fixture, waypoint, control.x + control.width / 2,
                      control.y + control.height / 2);
            labels = atlas_route_layer_get_label_boxes (ATLAS_ROUTE_LAYER (layer));
            n_labels += labels->len;
            for (guint l = 0; l < labels->len; l++)
              {
                const cairo_rectangle_t *label = &g_array_index (labels, cairo_rectangle_t, l);

                for (guint k = 0; k < G_N_ELEMENTS (controls); k++)
                  {
                    if (!box_of (controls[k], GTK_WIDGET (fixture.map_view), &control))
                      {
                        g_test_message ("%s hidden", G_OBJECT_TYPE_NAME (controls[k]));
                        continue;
                      }
                    if (boxes_overlap (label, &control))
                      g_test_fail_printf ("%d×%d: a label at %g,%g %g×%g lies under %s",
                                          sizes[s][0], sizes[s][1], label->x, label->y,
                                          label->width, label->height,
                                          G_OBJECT_TYPE_NAME (controls[k]));
                  }
              }
            n_checked++;
          }
      close_map (&fixture);
    }
  g_assert_cmpuint (n_checked, ==, 27);
  g_test_message ("%u labels checked", n_labels);
  g_assert_cmpuint (n_labels, >, 27);
}

/* Fails the test for every basemap label over one of @boxes. */
static guint
check_clear_of (GArray     *places,
                GArray     *boxes,
                const char *what,
                const char *view)
{
  for (guint p = 0; p < places->len; p++)
    {
      const AtlasPlacedLabel *place = &g_array_index (places, AtlasPlacedLabel, p);
      cairo_rectangle_t box = { place->x0, place->y0, place->x1 - place->x0,
                                place->y1 - place->y0 };

      for (guint b = 0; b < boxes->len; b++)
        if (boxes_overlap (&box, &g_array_index (boxes, cairo_rectangle_t, b)))
          g_test_fail_printf ("%s: the basemap's %s lies over %s", view, place->name, what);
    }
  return boxes->len;
}

/* The basemap's labels and the case's are placed in one pass: at the map sizes of
 * 1920×1080, 1280×800 and 800×600 windows, on the case and on each incident, no basemap
 * label lies over a case label, a route symbol, an incident marker, the legend or a
 * control; and the tiles under them have no labels of their own. */
static void
test_one_label_pass (void)
{
  static const int sizes[][2] = { { 1920, 1000 }, { 1280, 675 }, { 800, 475 } };
  g_autoptr(GListModel) incidents = atlas_case_list_records (sample, ATLAS_TYPE_INCIDENT, NULL);
  guint n_places = 0, n_boxes = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Fixture fixture = { NULL, };
      GtkWidget *view, *route_layer, *incident_layer, *place_layer;

      open_map (&fixture, sample, sizes[s][0], sizes[s][1]);
      view = GTK_WIDGET (fixture.map_view);
      route_layer = find_child_of_type (view, ATLAS_TYPE_ROUTE_LAYER);
      incident_layer = find_child_of_type (view, ATLAS_TYPE_INCIDENT_LAYER);
      place_layer = find_child_of_type (view, ATLAS_TYPE_PLACE_LABEL_LAYER);
      g_assert_true (g_str_has_suffix (shumate_map_source_get_id (
        shumate_simple_map_get_map_source (atlas_map_view_get_simple_map (fixture.map_view))),
        "-unlabelled"));
      for (guint i = 0; i <= g_list_model_get_n_items (incidents); i++)
        {
          g_autofree char *name = g_strdup_printf ("%d×%d, view %u", sizes[s][0], sizes[s][1],
                                                   i);
          g_autoptr(GArray) markers = NULL;
          g_autoptr(GArray) controls = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
          GtkWidget *legend = find_child_of_type (view, ATLAS_TYPE_MAP_LEGEND);
          GtkWidget *map = GTK_WIDGET (atlas_map_view_get_simple_map (fixture.map_view));
          GtkWidget *parts[] = { legend, GTK_WIDGET (shumate_simple_map_get_scale (
                                   SHUMATE_SIMPLE_MAP (map))),
                                 GTK_WIDGET (shumate_simple_map_get_license (
                                   SHUMATE_SIMPLE_MAP (map))),
                                 gtk_widget_get_parent (find_child_of_type (map,
                                                                            GTK_TYPE_BUTTON)) };
          GArray *places;

          if (i > 0)
            {
              g_autoptr(AtlasRecord) incident = g_list_model_get_item (incidents, i - 1);

              atlas_map_view_frame_record (fixture.map_view, incident, FALSE);
              wait_until_settled (fixture.map_view);
            }
          places = atlas_place_label_layer_get_placed (ATLAS_PLACE_LABEL_LAYER (place_layer));
          g_assert_nonnull (places);
          n_places += places->len;
          markers = atlas_incident_layer_get_marker_boxes (ATLAS_INCIDENT_LAYER (incident_layer));
          for (guint k = 0; k < G_N_ELEMENTS (parts); k++)
            {
              cairo_rectangle_t box;

              if (box_of (parts[k], view, &box))
                g_array_append_val (controls, box);
            }
          n_boxes += check_clear_of (places, atlas_route_layer_get_label_boxes (
                                       ATLAS_ROUTE_LAYER (route_layer)), "a case label", name);
          n_boxes += check_clear_of (places, atlas_route_layer_get_taken_boxes (
                                       ATLAS_ROUTE_LAYER (route_layer)), "a route symbol", name);
          n_boxes += check_clear_of (places, markers, "an incident marker", name);
          n_boxes += check_clear_of (places, controls, "a control or the legend", name);
        }
      close_map (&fixture);
    }
  g_test_message ("%u basemap labels checked against %u boxes", n_places, n_boxes);
  g_assert_cmpuint (n_places, >, 100);
  g_assert_cmpuint (n_boxes, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) style = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* the app's style, which AdwApplication would load: the legend's padding counts */
  style = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (style, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  file = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  sample = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add_func ("/atlas/map-overlays/legend-folds", test_legend_folds_on_small_map);
  g_test_add_func ("/atlas/map-overlays/filter-chips", test_filter_chips);
  g_test_add_func ("/atlas/map-overlays/filter-popover-words", test_filter_popover_words);
  g_test_add_func ("/atlas/map-overlays/outliers-left-out", test_outliers_left_out);
  g_test_add_func ("/atlas/map-overlays/labels-follow-text-scale", test_labels_follow_text_scale);
  g_test_add_func ("/atlas/map-overlays/labels-off-controls", test_labels_off_controls);
  g_test_add_func ("/atlas/map-overlays/one-label-pass", test_one_label_pass);

  status = g_test_run ();
  g_clear_object (&sample);
  return status;
}
