/* atlas-window-map-edit.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building a case from the map: its right-click menu (add an incident or a stop here, move
 * the selected incident here), dragging the selected incident, and places found by name in
 * the offline gazetteer, to show or to start an incident from.
 */

#define G_LOG_DOMAIN "atlas-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <shumate/shumate.h>

#include "atlas-basemap.h"
#include "atlas-incident.h"
#include "atlas-record-forms.h"
#include "atlas-sidebar.h"
#include "atlas-window-private.h"

/* The route a new stop goes to: the selected route, or the route of the selected stop. */
static const char *
selected_route_key (AtlasWindow *self)
{
  AtlasRecord *selected = atlas_selection_get_record (self->selection);

  if (selected == NULL)
    return NULL;
  if (g_str_equal (atlas_record_get_kind (selected), "route"))
    return atlas_record_get_key (selected);
  if (g_str_equal (atlas_record_get_kind (selected), "waypoint"))
    return atlas_record_get_text (selected, "route_key");
  return NULL;
}

/* A place found in the gazetteer: its name, coordinates and where they come from are kept;
 * a town's point stands for the town. */
static void
add_incident_at_place_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  g_autoptr(AtlasRecord) blank = NULL;
  g_autofree char *source = NULL;
  const char *name, *province, *country;
  double latitude, longitude;

  g_variant_get (param, "(&sdd&s&s)", &name, &latitude, &longitude, &province, &country);
  blank = atlas_record_forms_new_incident (self->atlas_case, latitude, longitude);
  /* the gazetteer's province and country, when it knows them ("" when not) */
  if (*province != '\0')
    atlas_incident_set_admin_area (ATLAS_INCIDENT (blank), province);
  if (*country != '\0')
    atlas_incident_set_country (ATLAS_INCIDENT (blank), country);
  /* Translators: where an incident's coordinates come from; %s is the place's name */
  source = g_strdup_printf (_("%s, from the offline gazetteer (GeoNames)"), name);
  atlas_incident_set_place (ATLAS_INCIDENT (blank), name);
  atlas_incident_set_location_precision (ATLAS_INCIDENT (blank), "town");
  atlas_incident_set_location_source (ATLAS_INCIDENT (blank), source);
  _atlas_window_open_form (self, NULL, blank);
}

/* Flies the map to a place found by name. */
static void
show_place_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AtlasWindow *self = ATLAS_WINDOW (widget);
  AtlasBounds bounds;
  double latitude, longitude;

  g_variant_get (param, "(&sdd&s&s)", NULL, &latitude, &longitude, NULL, NULL);
  atlas_bounds_init_empty (&bounds);
  /* about a town's size around it */
  atlas_bounds_extend (&bounds, latitude - 0.1, longitude - 0.1);
  atlas_bounds_extend (&bounds, latitude + 0.1, longitude + 0.1);
  atlas_map_view_frame_bounds (self->map_view, &bounds, TRUE);
}

/* ---- the map's context menu --------------------------------------------------------- */

static gboolean
location_at (AtlasWindow *self,
             double       x,
             double       y,
             double      *latitude,
             double      *longitude)
{
  ShumateSimpleMap *simple_map = atlas_map_view_get_simple_map (self->map_view);
  ShumateMap *map = shumate_simple_map_get_map (simple_map);
  double map_x, map_y;

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->map_view), GTK_WIDGET (map), x, y,
                                         &map_x, &map_y))
    return FALSE;
  shumate_viewport_widget_coords_to_location (atlas_map_view_get_viewport (self->map_view),
                                              GTK_WIDGET (map), map_x, map_y, latitude,
                                              longitude);
  return TRUE;
}

static GMenuModel *
build_map_menu (AtlasWindow *self,
                double       latitude,
                double       longitude)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) add = NULL;
  g_autoptr(GMenuItem) move = NULL;

  if (self->undo_stack == NULL)
    {
      g_menu_append (menu, _("Save a Copy to Edit…"), "win.save-copy");
      _atlas_window_links_add_to_menu (self, menu);
      return G_MENU_MODEL (menu);
    }
  add = g_menu_item_new (_("_Add Incident Here…"), NULL);
  g_menu_item_set_action_and_target_value (add, "win.add-incident-at",
                                           g_variant_new ("(dd)", latitude, longitude));
  g_menu_append_item (menu, add);
  move = g_menu_item_new (_("_Move Selected Incident Here"), NULL);
  g_menu_item_set_action_and_target_value (move, "win.move-incident-to",
                                           g_variant_new ("(dd)", latitude, longitude));
  g_menu_append_item (menu, move);
  if (selected_route_key (self) != NULL)
    {
      g_autoptr(GMenuItem) stop = g_menu_item_new (_("Add _Stop to the Selected Route Here…"),
                                                   NULL);

      g_menu_item_set_action_and_target_value (stop, "win.add-stop-at",
                                               g_variant_new ("(sdd)", selected_route_key (self),
                                                              latitude, longitude));
      g_menu_append_item (menu, stop);
    }
  _atlas_window_links_add_to_menu (self, menu);
  return G_MENU_MODEL (menu);
}

static void
map_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                AtlasWindow     *self)
{
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;
  double latitude, longitude;

  if (self->atlas_case == NULL || self->presenting
      || !location_at (self, x, y, &latitude, &longitude))
    return;

  model = build_map_menu (self, latitude, longitude);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, GTK_WIDGET (self->map_view));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  /* the popover is the map's child until it closes */
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
add_map_menu (AtlasWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (map_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_view), GTK_EVENT_CONTROLLER (click));
}

/* ---- dragging an incident ----------------------------------------------------------- */

/* Pixels the pointer must travel before a press on an incident becomes a drag. */
#define DRAG_THRESHOLD 4

static void
move_selected_to (AtlasWindow *self,
                  double       x,
                  double       y)
{
  double latitude, longitude;

  if (location_at (self, x, y, &latitude, &longitude))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.move-incident-to", "(dd)",
                                latitude, longitude);
}

/* Only the selected incident can be dragged, on a case that can be written to: a press
 * anywhere else pans the map as before. */
static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasWindow    *self)
{
  AtlasRecord *selected = atlas_selection_get_record (self->selection);
  g_autoptr(AtlasRecord) picked = NULL;

  if (_atlas_window_can_edit (self) && selected != NULL
      && g_str_equal (atlas_record_get_kind (selected), "incident"))
    picked = atlas_map_view_pick (self->map_view, x, y);
  if (picked == NULL || !ATLAS_IS_RECORD (picked)
      || g_strcmp0 (atlas_record_get_key (picked), atlas_record_get_key (selected)) != 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      g_object_set_data (G_OBJECT (gesture), "start", NULL);
      return;
    }
  g_object_set_data_full (G_OBJECT (gesture), "start",
                          g_memdup2 ((double[]) { x, y }, 2 * sizeof (double)), g_free);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AtlasWindow    *self)
{
  if (g_object_get_data (G_OBJECT (gesture), "start") == NULL || hypot (dx, dy) < DRAG_THRESHOLD)
    return;
  /* from here on the map does not pan: the incident moves */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map_view), "grabbing");
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AtlasWindow    *self)
{
  const double *start = g_object_get_data (G_OBJECT (gesture), "start");

  gtk_widget_set_cursor (GTK_WIDGET (self->map_view), NULL);
  if (start != NULL && hypot (dx, dy) >= DRAG_THRESHOLD)
    move_selected_to (self, start[0] + dx, start[1] + dy);
  g_object_set_data (G_OBJECT (gesture), "start", NULL);
}

static void
add_incident_drag (AtlasWindow *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  /* before the map's own drag, which pans */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_view), GTK_EVENT_CONTROLLER (drag));
}

/* The places the offline basemap names, for search to find with no network: the map's own
 * basemap, read for them at the first search. */
static void
offer_places (AtlasWindow *self)
{
  AtlasBasemap *basemap = atlas_map_view_get_offline_basemap (self->map_view);
  g_autoptr(AtlasGazetteer) gazetteer = NULL;

  if (basemap == NULL)
    return;
  gazetteer = atlas_basemap_new_gazetteer (basemap);
  atlas_sidebar_set_gazetteer (ATLAS_SIDEBAR (self->sidebar), gazetteer);
}

void
_atlas_window_map_edit_init (AtlasWindow *self)
{
  add_map_menu (self);
  add_incident_drag (self);
  offer_places (self);
}

void
_atlas_window_map_edit_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-incident-at-place", "(sddss)",
                                   add_incident_at_place_cb);
  gtk_widget_class_install_action (widget_class, "win.show-place", "(sddss)", show_place_cb);
}
