/* test-map-overlays.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What lies over the map view on the sample case, in a real window: the legend, folded to a
 * button on a small map.
 */

#include "config.h"

#include <adwaita.h>

#include "atlas-case.h"
#include "atlas-map-legend.h"
#include "atlas-map-view.h"
#include "test-slowdown.h"

#define SETTLE_TIMEOUT_US (TEST_SLOWDOWN * 90 * G_USEC_PER_SEC)

static AtlasCase *sample;

typedef struct {
  GtkWindow      *window;
  AtlasMapView   *map_view;
  AtlasSelection *selection;
  AtlasFilter    *filter;
} Fixture;

static void
wait_until_settled (AtlasMapView *map_view)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_US;
  guint quiet = 0;

  while (quiet < 5)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
      quiet = atlas_map_view_is_settled (map_view) ? quiet + 1 : 0;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (map_view));
}

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

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
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
  legend = ATLAS_MAP_LEGEND (find_descendant (GTK_WIDGET (fixture.map_view),
                                              ATLAS_TYPE_MAP_LEGEND));
  button = find_descendant (GTK_WIDGET (legend), GTK_TYPE_TOGGLE_BUTTON);
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
  legend = ATLAS_MAP_LEGEND (find_descendant (GTK_WIDGET (fixture.map_view),
                                              ATLAS_TYPE_MAP_LEGEND));
  g_assert_false (atlas_map_legend_get_collapsed (legend));
  g_assert_false (shows (find_descendant (GTK_WIDGET (legend), GTK_TYPE_TOGGLE_BUTTON)));
  g_assert_true (shows_text (GTK_WIDGET (legend), "Bombing"));
  close_map (&fixture);
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

  g_test_add_func ("/atlas/map-overlays/legend-folds", test_legend_folds_on_small_map);

  status = g_test_run ();
  g_clear_object (&sample);
  return status;
}
