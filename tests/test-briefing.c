/* test-briefing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Briefing mode in the real window on the sample case: every step frames its subject on
 * the map, filling the part the caption card and the legend leave free at any window size,
 * and shows its caption with the sources behind it; keys step and leave.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <shumate/shumate.h>

#include "atlas-application.h"
#include "atlas-briefing-step.h"
#include "atlas-map-framing.h"
#include "atlas-map-legend.h"
#include "atlas-route-layer.h"
#include "atlas-window.h"
#include "window-test-util.h"

static AtlasApplication *app;

static AtlasWindow *
open_sample (void)
{
  return open_sample_at (app, 1280, 800);
}

static void
project (AtlasWindow *window,
         double       latitude,
         double       longitude,
         double      *x,
         double      *y)
{
  AtlasMapView *map_view = atlas_window_get_map_view (window);
  ShumateSimpleMap *map = atlas_map_view_get_simple_map (map_view);

  shumate_viewport_location_to_widget_coords (atlas_map_view_get_viewport (map_view),
                                              GTK_WIDGET (shumate_simple_map_get_map (map)),
                                              latitude, longitude, x, y);
}

/* Where @widget is drawn over the map, if it is. */
static gboolean
covered_by (AtlasWindow       *window,
            GtkWidget         *widget,
            cairo_rectangle_t *box)
{
  graphene_rect_t bounds;

  if (widget == NULL || !gtk_widget_get_visible (widget)
      || !gtk_widget_compute_bounds (widget, GTK_WIDGET (atlas_window_get_map_view (window)),
                                     &bounds))
    return FALSE;
  *box = (cairo_rectangle_t) { bounds.origin.x, bounds.origin.y, bounds.size.width,
                               bounds.size.height };
  return TRUE;
}

/* What covers the map where it is drawn now: the caption card and the legend. */
static guint
covered_drawn (AtlasWindow       *window,
               cairo_rectangle_t  covered[2])
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  guint n_covered = 0;

  if (covered_by (window, GTK_WIDGET (atlas_window_get_briefing_panel (window)),
                  &covered[n_covered]))
    n_covered++;
  if (covered_by (window, find_child_of_type (map, ATLAS_TYPE_MAP_LEGEND),
                  &covered[n_covered]))
    n_covered++;
  return n_covered;
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_holds (const cairo_rectangle_t *outer,
           const cairo_rectangle_t *inner)
{
  return inner->x >= outer->x - 1 && inner->y >= outer->y - 1
         && inner->x + inner->width <= outer->x + outer->width + 1
         && inner->y + inner->height <= outer->y + outer->height + 1;
}

/* The largest rectangle of the map that nothing covers and that holds @subject, found
 * here without the framing's code: every side of it lies on the map's edge or on an edge
 * of what covers it. Returns FALSE if @subject is not wholly in the free part of the map. */
static gboolean
free_area_holding (double                   width,
                   double                   height,
                   const cairo_rectangle_t *covered,
                   guint                    n_covered,
                   const cairo_rectangle_t *subject,
                   cairo_rectangle_t       *free_area)
{
  double xs[6] = { 0, width }, ys[6] = { 0, height };
  guint n = 2;
  gboolean found = FALSE;

  for (guint c = 0; c < n_covered; c++, n += 2)
    {
      xs[n] = covered[c].x;
      xs[n + 1] = covered[c].x + covered[c].width;
      ys[n] = covered[c].y;
      ys[n + 1] = covered[c].y + covered[c].height;
    }
  for (guint x0 = 0; x0 < n; x0++)
    for (guint x1 = 0; x1 < n; x1++)
      for (guint y0 = 0; y0 < n; y0++)
        for (guint y1 = 0; y1 < n; y1++)
          {
            cairo_rectangle_t box = { MAX (xs[x0], 0), MAX (ys[y0], 0),
                                      MIN (xs[x1], width) - MAX (xs[x0], 0),
                                      MIN (ys[y1], height) - MAX (ys[y0], 0) };
            gboolean clear = box.width > 0 && box.height > 0 && box_holds (&box, subject);

            for (guint c = 0; clear && c < n_covered; c++)
              clear = !boxes_overlap (&box, &covered[c]);
            if (clear && (!found || box.width * box.height
                                    > free_area->width * free_area->height))
              *free_area = box;
            found = found || clear;
          }
  return found;
}

/* @bounds, as the map shows them now, lie wholly in the part of the map the card and the
 * legend leave free; in the largest free rectangle around them, they fill at least half of
 * it across or down and sit in its middle, not in a corner beside the card. */
static void
assert_bounds_framed (AtlasWindow       *window,
                      const AtlasBounds *bounds)
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  cairo_rectangle_t covered[2], free_area = { 0, 0, 0, 0 }, subject;
  guint n_covered = covered_drawn (window, covered);
  double x0, y0, x1, y1, fill;

  project (window, bounds->max_lat, bounds->min_lon, &x0, &y0);
  project (window, bounds->min_lat, bounds->max_lon, &x1, &y1);
  subject = (cairo_rectangle_t) { x0, y0, x1 - x0, y1 - y0 };
  g_assert_true (free_area_holding (gtk_widget_get_width (map), gtk_widget_get_height (map),
                                    covered, n_covered, &subject, &free_area));
  fill = MAX (subject.width / free_area.width, subject.height / free_area.height);
  g_test_message ("subject %.0f,%.0f–%.0f,%.0f in %.0f,%.0f %.0f×%.0f: %.2f", x0, y0, x1, y1,
                  free_area.x, free_area.y, free_area.width, free_area.height, fill);
  g_assert_cmpfloat (fill, >=, 0.5);
  g_assert_cmpfloat (fabs ((x0 + x1) / 2 - (free_area.x + free_area.width / 2)), <=,
                     free_area.width / 10);
  g_assert_cmpfloat (fabs ((y0 + y1) / 2 - (free_area.y + free_area.height / 2)), <=,
                     free_area.height / 10);
}

static void
assert_step_framed (AtlasWindow *window,
                    AtlasRecord *step)
{
  AtlasBounds bounds;
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_map_framing_step_bounds (atlas_window_get_case (window), step, &bounds,
                                                &error));
  g_assert_no_error (error);
  assert_bounds_framed (window, &bounds);
}

/* The case opens on its route, framed in the window as it is sized, not in the size the
 * map assumed before it had one. */
static void
assert_opening_route_framed (AtlasWindow *window)
{
  AtlasCase *atlas_case = atlas_window_get_case (window);
  g_autoptr(GListModel) waypoints = NULL;
  const char *route_key, *selection_key;
  AtlasBounds bounds;

  atlas_case_get_initial_view (atlas_case, &route_key, &selection_key);
  g_assert_nonnull (route_key);
  waypoints = atlas_case_list_waypoints (atlas_case, route_key, NULL);
  g_assert_nonnull (waypoints);
  atlas_bounds_init_empty (&bounds);
  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);

      atlas_bounds_extend (&bounds, atlas_record_get_double (waypoint, "latitude"),
                           atlas_record_get_double (waypoint, "longitude"));
    }
  g_assert_false (atlas_bounds_is_empty (&bounds));
  assert_bounds_framed (window, &bounds);
}

/* How many numbered sources the card shows. */
static guint
count_shown (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_ascii_isdigit (lines[i][0]))
      n++;
  return n;
}

/* The step's first claims are listed, in order, each with its document's publisher and
 * grade, and "and N more" tells of the others; at least one is listed. */
static void
assert_sources_shown (AtlasWindow *window,
                      AtlasRecord *step)
{
  AtlasCase *atlas_case = atlas_window_get_case (window);
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  const char *shown = atlas_briefing_panel_get_sources_text (panel);
  g_auto(GStrv) keys = g_strsplit (atlas_record_get_text (step, "claim_keys")
                                   ? atlas_record_get_text (step, "claim_keys") : "", " ", -1);
  guint n_shown = count_shown (shown), n_claims = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(AtlasRecord) claim = NULL;
      g_autoptr(AtlasRecord) document = NULL;
      g_autofree char *grade = NULL;

      if (*keys[i] == '\0')
        continue;
      claim = atlas_case_lookup (atlas_case, "claim", keys[i], NULL);
      g_assert_nonnull (claim);
      if (n_claims++ >= n_shown)
        continue;
      document = atlas_case_lookup (atlas_case, "document",
                                    atlas_record_get_text (claim, "document_key"), NULL);
      grade = g_strdup_printf ("reliability %s", atlas_record_get_text (document, "reliability"));
      g_assert_nonnull (g_strstr_len (shown, -1, atlas_record_get_text (claim, "value_text")));
      g_assert_nonnull (g_strstr_len (shown, -1, atlas_record_get_text (document, "publisher")));
      g_assert_nonnull (g_strstr_len (shown, -1, grade));
    }
  g_assert_cmpuint (n_shown, >=, MIN (n_claims, 1));
  if (n_shown < n_claims)
    {
      g_autofree char *more = g_strdup_printf ("and %u more", n_claims - n_shown);

      g_assert_nonnull (g_strstr_len (shown, -1, more));
    }
}

static void
test_briefing_walks_every_step (void)
{
  AtlasWindow *window = open_sample ();
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  g_autoptr(GListModel) steps = atlas_case_list_records (atlas_window_get_case (window),
                                                         ATLAS_TYPE_BRIEFING_STEP, NULL);
  guint n_steps = g_list_model_get_n_items (steps);

  g_assert_cmpuint (n_steps, >=, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  g_assert_true (atlas_window_get_presenting (window));
  g_assert_cmpuint (atlas_briefing_panel_get_n_steps (panel), ==, n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(AtlasRecord) step = g_list_model_get_item (steps, i);

      g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, i);
      wait_settled (window);
      g_test_message ("step %u: %s", i + 1, atlas_record_get_text (step, "caption"));
      assert_step_framed (window, step);
      assert_sources_shown (window, step);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-next", NULL);
    }

  /* past the end it stays on the last step */
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, n_steps - 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-previous", NULL);
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, n_steps - 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-briefing", NULL));
  g_assert_false (atlas_window_get_presenting (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The caption card lies wholly on the map, off the legend, and the map's buttons are
 * hidden while presenting. */
static void
assert_card_within_map (AtlasWindow *window)
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  GtkWidget *legend = find_child_of_type (map, ATLAS_TYPE_MAP_LEGEND);
  cairo_rectangle_t card, legend_box;

  g_assert_true (covered_by (window, GTK_WIDGET (atlas_window_get_briefing_panel (window)),
                             &card));
  g_assert_cmpfloat (card.x, >=, 0);
  g_assert_cmpfloat (card.y, >=, 0);
  g_assert_cmpfloat (card.x + card.width, <=, gtk_widget_get_width (map));
  g_assert_cmpfloat (card.y + card.height, <=, gtk_widget_get_height (map));
  if (covered_by (window, legend, &legend_box))
    g_assert_true (card.x + card.width <= legend_box.x || legend_box.y >= card.y + card.height);
  g_assert_false (shumate_simple_map_get_show_zoom_buttons (
    atlas_map_view_get_simple_map (atlas_window_get_map_view (window))));
}

/* The box of the map's own zoom buttons, which libshumate 1.0 does not hand out. */
static GtkWidget *
zoom_buttons (ShumateSimpleMap *map)
{
  GtkWidget *button = find_child_of_type (GTK_WIDGET (map), GTK_TYPE_BUTTON);

  return button != NULL ? gtk_widget_get_parent (button) : NULL;
}

/* What the case's labels must keep off, as laid out now: the caption card, the legend and
 * the map's controls (zoom buttons, scale bar, attribution, compass) that are shown. */
static GArray *
label_obstacles (AtlasWindow *window)
{
  AtlasMapView *map_view = atlas_window_get_map_view (window);
  ShumateSimpleMap *map = atlas_map_view_get_simple_map (map_view);
  GtkWidget *widgets[] = {
    GTK_WIDGET (atlas_window_get_briefing_panel (window)),
    find_child_of_type (GTK_WIDGET (map_view), ATLAS_TYPE_MAP_LEGEND),
    zoom_buttons (map),
    GTK_WIDGET (shumate_simple_map_get_scale (map)),
    GTK_WIDGET (shumate_simple_map_get_license (map)),
    GTK_WIDGET (shumate_simple_map_get_compass (map)),
  };
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      cairo_rectangle_t box;

      if (widgets[i] != NULL && gtk_widget_is_drawable (widgets[i])
          && covered_by (window, widgets[i], &box) && box.width > 0 && box.height > 0)
        {
          g_test_message ("obstacle %s %.0f,%.0f %.0f×%.0f", G_OBJECT_TYPE_NAME (widgets[i]),
                          box.x, box.y, box.width, box.height);
          g_array_append_val (boxes, box);
        }
    }
  return boxes;
}

/* The case's labels as placed in the last frame lie on the map, off each other, off the
 * card and the legend, and off the map's controls. */
static void
assert_labels_placed (AtlasWindow *window)
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  GtkWidget *layer = find_child_of_type (map, ATLAS_TYPE_ROUTE_LAYER);
  GArray *labels = atlas_route_layer_get_label_boxes (ATLAS_ROUTE_LAYER (layer));
  g_autoptr(GArray) obstacles = label_obstacles (window);

  g_test_message ("%u case labels, %u obstacles", labels->len, obstacles->len);
  for (guint i = 0; i < labels->len; i++)
    {
      const cairo_rectangle_t *label = &g_array_index (labels, cairo_rectangle_t, i);

      g_assert_cmpfloat (label->x, >=, 0);
      g_assert_cmpfloat (label->y, >=, 0);
      g_assert_cmpfloat (label->x + label->width, <=, gtk_widget_get_width (map));
      g_assert_cmpfloat (label->y + label->height, <=, gtk_widget_get_height (map));
      for (guint c = 0; c < obstacles->len; c++)
        g_assert_false (boxes_overlap (label, &g_array_index (obstacles, cairo_rectangle_t, c)));
      for (guint j = 0; j < i; j++)
        g_assert_false (boxes_overlap (label, &g_array_index (labels, cairo_rectangle_t, j)));
    }
}

/* The sample as it opens and every step of its briefing fill the map area the caption and
 * the legend leave free, at the sizes a briefing is shown at, with the card within the
 * window and the case's labels off each other, the card, the legend and the controls. */
static void
test_briefing_frames_every_size (void)
{
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 800 }, { 800, 600 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      AtlasWindow *window = open_sample_at (app, sizes[s][0], sizes[s][1]);
      AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
      guint n_steps;

      g_test_message ("%d×%d, the case as it opens", sizes[s][0], sizes[s][1]);
      assert_opening_route_framed (window);
      assert_labels_placed (window);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
      n_steps = atlas_briefing_panel_get_n_steps (panel);
      for (guint i = 0; i < n_steps; i++)
        {
          g_autoptr(AtlasRecord) step = atlas_briefing_panel_get_step (panel);

          wait_settled (window);
          g_test_message ("%d×%d, step %u", sizes[s][0], sizes[s][1], i + 1);
          assert_step_framed (window, step);
          assert_card_within_map (window);
          assert_labels_placed (window);
          gtk_widget_activate_action (GTK_WIDGET (window), "win.briefing-next", NULL);
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* Presses @keyval as the window's shortcut controllers match it: the shortcut whose
 * trigger is that key, without modifiers, is activated on the window. GTK 4 has no public
 * way to make a key event, so this is as close as a test gets to a real key press.
 * Returns whether a shortcut took the key. */
static gboolean
press_key (AtlasWindow *window,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                 GTK_WIDGET (window),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* The keys a presenter presses walk the briefing, through the window's controllers; once
 * the briefing is left, they are no longer the briefing's. */
static void
test_briefing_keys (void)
{
  AtlasWindow *window = open_sample ();
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);
  guint n_steps;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  n_steps = atlas_briefing_panel_get_n_steps (panel);
  for (guint i = 1; i < n_steps; i++)
    {
      g_assert_true (press_key (window, i % 2 ? GDK_KEY_Page_Down : GDK_KEY_space));
      g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, i);
      wait_settled (window);
    }
  /* past the end it stays on the last step; Page Up goes back */
  g_assert_true (press_key (window, GDK_KEY_Page_Down));
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, n_steps - 1);
  g_assert_true (press_key (window, GDK_KEY_Page_Up));
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, n_steps - 2);

  g_assert_true (press_key (window, GDK_KEY_Escape));
  g_assert_false (atlas_window_get_presenting (window));
  wait_settled (window);
  g_assert_true (shumate_simple_map_get_show_zoom_buttons (
    atlas_map_view_get_simple_map (atlas_window_get_map_view (window))));

  /* not presenting: the briefing's shortcuts take no key, so arrows and space stay the
   * map's */
  g_assert_false (press_key (window, GDK_KEY_space));
  g_assert_false (press_key (window, GDK_KEY_Page_Down));
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, n_steps - 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The map jumps instead of flying, so each step is framed when the test looks. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = window_test_new_app ();

  g_test_add_func ("/atlas/briefing/walks-every-step", test_briefing_walks_every_step);
  g_test_add_func ("/atlas/briefing/frames-every-size", test_briefing_frames_every_size);
  g_test_add_func ("/atlas/briefing/keys", test_briefing_keys);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
