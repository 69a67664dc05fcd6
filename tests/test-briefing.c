/* test-briefing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Briefing mode in the real window on the sample case: every step frames its subject on
 * the map and shows its caption with the sources behind it; keys step and leave.
 */

#include "config.h"

#include <adwaita.h>
#include <shumate/shumate.h>

#include "atlas-application.h"
#include "atlas-briefing-step.h"
#include "atlas-window.h"
#include "test-slowdown.h"

#define SETTLE_TIMEOUT_SECONDS (TEST_SLOWDOWN * 90)

static AtlasApplication *app;

static gboolean
settle_timeout_cb (gpointer user_data)
{
  g_error ("the window did not settle within %d s", SETTLE_TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
settled_cb (AtlasWindow *window,
            gboolean    *settled)
{
  *settled = TRUE;
}

static void
wait_settled (AtlasWindow *window)
{
  gboolean settled = FALSE;
  gulong handler = g_signal_connect (window, "settled", G_CALLBACK (settled_cb), &settled);
  guint timeout_id = g_timeout_add_seconds (SETTLE_TIMEOUT_SECONDS, settle_timeout_cb, NULL);

  atlas_window_wait_until_settled (window);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
  g_signal_handler_disconnect (window, handler);
}

static AtlasWindow *
open_sample (void)
{
  g_autoptr(GFile) sample = atlas_application_dup_sample_case ();
  AtlasWindow *window = atlas_window_new (app, sample);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_settled (window);
  return window;
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

/* The point lies in the part of the map the caption leaves free. */
static void
assert_in_view (AtlasWindow *window,
                double       latitude,
                double       longitude)
{
  GtkWidget *map = GTK_WIDGET (atlas_window_get_map_view (window));
  double x, y;

  project (window, latitude, longitude, &x, &y);
  g_assert_cmpfloat (x, >=, 520);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (map) + 1);
  g_assert_cmpfloat (y, >=, -1);
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (map) + 1);
}

static void
assert_step_framed (AtlasWindow *window,
                    AtlasRecord *step)
{
  AtlasCase *atlas_case = atlas_window_get_case (window);
  const char *kind = atlas_record_get_text (step, "subject_kind");
  g_autoptr(AtlasRecord) subject = NULL;

  if (g_strcmp0 (kind, "extent") == 0)
    {
      assert_in_view (window, atlas_record_get_double (step, "min_lat"),
                      atlas_record_get_double (step, "min_lon"));
      assert_in_view (window, atlas_record_get_double (step, "max_lat"),
                      atlas_record_get_double (step, "max_lon"));
      return;
    }

  subject = atlas_case_lookup (atlas_case, kind, atlas_record_get_text (step, "subject_key"), NULL);
  g_assert_nonnull (subject);
  if (g_str_equal (kind, "incident") || g_str_equal (kind, "waypoint"))
    {
      ShumateViewport *viewport = atlas_map_view_get_viewport (atlas_window_get_map_view (window));

      assert_in_view (window, atlas_record_get_double (subject, "latitude"),
                      atlas_record_get_double (subject, "longitude"));
      g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, 5);
      g_assert_true (atlas_selection_get_record (atlas_window_get_selection (window)) != NULL);
    }
  else if (g_str_equal (kind, "route"))
    {
      g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (atlas_case,
                                                                   atlas_record_get_key (subject),
                                                                   NULL);

      g_assert_cmpuint (g_list_model_get_n_items (waypoints), >, 1);
      for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
        {
          g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);

          assert_in_view (window, atlas_record_get_double (waypoint, "latitude"),
                          atlas_record_get_double (waypoint, "longitude"));
        }
    }
}

/* Every claim of the step is listed with its document's publisher. */
static void
assert_sources_shown (AtlasWindow *window,
                      AtlasRecord *step)
{
  AtlasCase *atlas_case = atlas_window_get_case (window);
  const char *shown = atlas_briefing_panel_get_sources_text (atlas_window_get_briefing_panel (window));
  g_auto(GStrv) keys = g_strsplit (atlas_record_get_text (step, "claim_keys")
                                   ? atlas_record_get_text (step, "claim_keys") : "", " ", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(AtlasRecord) claim = NULL;
      g_autoptr(AtlasRecord) document = NULL;

      if (*keys[i] == '\0')
        continue;
      claim = atlas_case_lookup (atlas_case, "claim", keys[i], NULL);
      g_assert_nonnull (claim);
      document = atlas_case_lookup (atlas_case, "document",
                                    atlas_record_get_text (claim, "document_key"), NULL);
      g_assert_nonnull (g_strstr_len (shown, -1, atlas_record_get_text (claim, "value_text")));
      g_assert_nonnull (g_strstr_len (shown, -1, atlas_record_get_text (document, "publisher")));
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

/* The keys a presenter presses reach the briefing, not the map. */
/* Triggers the first shortcut for @keyval in @controller that acts; %TRUE if one did. */
static gboolean
trigger_shortcut (GtkEventController *controller,
                  AtlasWindow        *window,
                  guint               keyval)
{
  for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger)
          && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
          && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0
          && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                           GTK_WIDGET (window),
                                           gtk_shortcut_get_arguments (shortcut)))
        return TRUE;
    }
  return FALSE;
}

/* Presses @keyval as the window's key bindings take it: its shortcut controllers in the
 * capture phase first, then the others; the first shortcut that acts ends it (a disabled
 * action does not act, and the key goes on to GTK's own bindings). */
static void
press_key (AtlasWindow *window,
           guint        keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean handled = FALSE;

  for (guint capture = 2; !handled && capture-- > 0;)
    for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_SHORTCUT_CONTROLLER (controller)
            && (gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
               == capture)
          handled = trigger_shortcut (controller, window, keyval);
      }
  while (g_main_context_iteration (NULL, FALSE));
}

static void
test_briefing_keys (void)
{
  AtlasWindow *window = open_sample ();
  AtlasBriefingPanel *panel = atlas_window_get_briefing_panel (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (atlas_window_get_presenting (window));
  g_assert_cmpuint (atlas_briefing_panel_get_n_steps (panel), >=, 3);
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, 0);
  press_key (window, GDK_KEY_Right);
  press_key (window, GDK_KEY_space);
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, 2);
  press_key (window, GDK_KEY_Left);
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, 1);
  press_key (window, GDK_KEY_Page_Down);
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, 2);
  press_key (window, GDK_KEY_Escape);
  g_assert_false (atlas_window_get_presenting (window));

  /* not presenting: the briefing actions are off, so arrows and space stay the map's */
  press_key (window, GDK_KEY_Right);
  press_key (window, GDK_KEY_space);
  g_assert_cmpuint (atlas_briefing_panel_get_position (panel), ==, 2);
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

  app = atlas_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/atlas/briefing/walks-every-step", test_briefing_walks_every_step);
  g_test_add_func ("/atlas/briefing/keys", test_briefing_keys);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
