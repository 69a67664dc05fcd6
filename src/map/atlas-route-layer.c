/* atlas-route-layer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a case's routes in one snapshot, as the printed page does (atlas-route-painter):
 * a line through the waypoints in order, arrows for the direction of travel, numbered
 * waypoints with their places, and each leg's label, placed as on the page
 * (atlas-label-space) off each other, the symbols and what covers the map. Also answers
 * which route element is under a point.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "atlas-label-space.h"
#include "atlas-map-framing.h"
#include "atlas-mercator.h"
#include "atlas-route-layer.h"
#include "atlas-route-painter.h"
#include "atlas-text-scale.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

#define PICK_WAYPOINT_RADIUS 14.0
#define PICK_LEG_DISTANCE 7.0

typedef struct {
  AtlasRecord *route;
  GPtrArray   *waypoints;
} RouteEntry;

struct _AtlasRouteLayer
{
  ShumateLayer  parent_instance;

  GPtrArray    *routes;     /* RouteEntry */
  AtlasRecord  *selected;
  GArray       *obstacles;  /* cairo_rectangle_t: what covers the map, kept free of labels */
  GArray       *placed;     /* cairo_rectangle_t: the labels of the last snapshot */
  GArray       *taken;      /* cairo_rectangle_t: its labels, symbols and obstacles */
  gint32        last_day;   /* waypoints dated after it are yet to come: faded */
};

G_DEFINE_FINAL_TYPE (AtlasRouteLayer, atlas_route_layer, SHUMATE_TYPE_LAYER)

static void
route_entry_free (RouteEntry *entry)
{
  g_clear_object (&entry->route);
  g_clear_pointer (&entry->waypoints, g_ptr_array_unref);
  g_free (entry);
}

static gboolean
same_record (AtlasRecord *a,
             AtlasRecord *b)
{
  return a != NULL && b != NULL
         && g_str_equal (atlas_record_get_kind (a), atlas_record_get_kind (b))
         && g_strcmp0 (atlas_record_get_key (a), atlas_record_get_key (b)) == 0;
}

static void
project_cb (gpointer  user_data,
            double    latitude,
            double    longitude,
            double   *x,
            double   *y)
{
  AtlasRouteLayer *self = user_data;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), latitude, longitude,
                                              x, y);
}

static void
project (AtlasRouteLayer *self,
         AtlasRecord     *waypoint,
         double          *x,
         double          *y)
{
  project_cb (self, atlas_record_get_double (waypoint, "latitude"),
              atlas_record_get_double (waypoint, "longitude"), x, y);
}

/* Whether the route has reached this waypoint by the end of the date range: undated
 * waypoints always count as reached. */
static gboolean
is_reached (AtlasRouteLayer *self,
            AtlasRecord     *waypoint)
{
  gint32 day;

  return !atlas_date_to_day (atlas_record_get_text (waypoint, "date"), FALSE, &day)
         || day <= self->last_day;
}

static AtlasRouteWaypointFlags
waypoint_flags (AtlasRouteLayer *self,
                AtlasRecord     *waypoint)
{
  AtlasRouteWaypointFlags flags = 0;

  if (same_record (self->selected, waypoint))
    flags |= ATLAS_ROUTE_WAYPOINT_EMPHASISED;
  if (!is_reached (self, waypoint))
    flags |= ATLAS_ROUTE_WAYPOINT_NOT_REACHED;
  return flags;
}

/* Contested routes first, so the reported one reads on top where they share a leg; its
 * labels are placed first. */
static GPtrArray *
routes_in_drawing_order (AtlasRouteLayer *self)
{
  GPtrArray *order = g_ptr_array_new ();

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->routes->len; i++)
      {
        RouteEntry *entry = g_ptr_array_index (self->routes, i);

        if (atlas_route_is_reported (entry->route) == (pass == 1))
          g_ptr_array_add (order, entry);
      }
  return order;
}

static void
draw_route (AtlasRouteLayer   *self,
            AtlasRoutePainter *painter,
            cairo_t           *cr,
            RouteEntry        *entry,
            AtlasLabelSpace   *space)
{
  atlas_route_painter_draw_line (painter, cr, entry->route, entry->waypoints,
                                 same_record (self->selected, entry->route));
  for (guint w = 0; w < entry->waypoints->len; w++)
    {
      AtlasRecord *waypoint = g_ptr_array_index (entry->waypoints, w);
      AtlasRouteWaypointFlags flags = waypoint_flags (self, waypoint);
      double x, y;

      atlas_route_painter_draw_waypoint (painter, cr, entry->route, entry->waypoints, w, flags);
      project (self, waypoint, &x, &y);
      atlas_label_space_reserve_symbol (space, x, y, atlas_route_painter_waypoint_radius (
                                          painter, flags & ATLAS_ROUTE_WAYPOINT_EMPHASISED));
    }
}

/* Adds each reached stop's place and date to @stops, to be labelled beside it. */
static void
add_stop_labels (AtlasRouteLayer   *self,
                 AtlasRoutePainter *painter,
                 RouteEntry        *entry,
                 GArray            *stops)
{
  for (guint w = 0; w < entry->waypoints->len; w++)
    {
      AtlasRecord *waypoint = g_ptr_array_index (entry->waypoints, w);
      AtlasRouteWaypointFlags flags = waypoint_flags (self, waypoint);
      gboolean emphasised = (flags & ATLAS_ROUTE_WAYPOINT_EMPHASISED) != 0;
      double x, y;

      if (flags & ATLAS_ROUTE_WAYPOINT_NOT_REACHED)
        continue;
      project (self, waypoint, &x, &y);
      atlas_label_stops_add (stops, atlas_route_stop_label (waypoint), x, y,
                             atlas_route_painter_waypoint_radius (painter, emphasised),
                             emphasised ? ATLAS_ROUTE_LABEL_BOLD : 0, emphasised);
    }
}

static void
draw_leg_labels (AtlasRoutePainter *painter,
                 cairo_t           *cr,
                 RouteEntry        *entry,
                 AtlasLabelSpace   *space)
{
  for (guint i = 1; i < entry->waypoints->len; i++)
    {
      g_autofree char *label = NULL;
      double x, y;

      label = atlas_route_painter_leg_label (painter, g_ptr_array_index (entry->waypoints, i - 1),
                                             g_ptr_array_index (entry->waypoints, i), &x, &y);
      if (label != NULL)
        atlas_label_space_draw_centred (space, cr, label, x, y, ATLAS_ROUTE_LABEL_SMALL);
    }
}

/* Lines and symbols, then labels where they find room: the selected stop's first, then the
 * reported route's stops, then the others', then the legs'. */
static void
draw_routes (AtlasRouteLayer   *self,
             AtlasRoutePainter *painter,
             cairo_t           *cr,
             AtlasLabelSpace   *space)
{
  g_autoptr(GPtrArray) order = routes_in_drawing_order (self);
  g_autoptr(GArray) stops = atlas_label_stops_new ();

  for (guint i = 0; i < order->len; i++)
    draw_route (self, painter, cr, g_ptr_array_index (order, i), space);
  for (guint i = order->len; i > 0; i--)
    add_stop_labels (self, painter, g_ptr_array_index (order, i - 1), stops);
  atlas_label_space_draw_stops (space, cr, stops);
  for (guint i = order->len; i > 0; i--)
    draw_leg_labels (painter, cr, g_ptr_array_index (order, i - 1), space);
}

static void
atlas_route_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasRouteLayer *self = ATLAS_ROUTE_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AtlasRoutePainter painter;
  AtlasLabelSpace space;
  cairo_t *cr;

  g_array_set_size (self->placed, 0);
  g_array_set_size (self->taken, 0);
  if (self->routes->len == 0 || width <= 0 || height <= 0)
    return;

  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, project_cb, self);
  painter.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  painter.text_scale = atlas_text_scale_of (widget);
  atlas_label_space_init (&space, &painter, width, height);
  for (guint i = 0; i < self->obstacles->len; i++)
    atlas_label_space_reserve (&space, &g_array_index (self->obstacles, cairo_rectangle_t, i));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_routes (self, &painter, cr, &space);
  cairo_destroy (cr);
  g_array_append_vals (self->placed, space.placed->data, space.placed->len);
  g_array_append_vals (self->taken, space.boxes->data, space.boxes->len);
  atlas_label_space_clear (&space);
}

static void
viewport_changed_cb (AtlasRouteLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_route_layer_constructed (GObject *object)
{
  AtlasRouteLayer *self = ATLAS_ROUTE_LAYER (object);

  G_OBJECT_CLASS (atlas_route_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_route_layer_dispose (GObject *object)
{
  AtlasRouteLayer *self = ATLAS_ROUTE_LAYER (object);

  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->obstacles, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->taken, g_array_unref);

  G_OBJECT_CLASS (atlas_route_layer_parent_class)->dispose (object);
}

static void
atlas_route_layer_class_init (AtlasRouteLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_route_layer_constructed;
  object_class->dispose = atlas_route_layer_dispose;
  widget_class->snapshot = atlas_route_layer_snapshot;
}

static void
atlas_route_layer_init (AtlasRouteLayer *self)
{
  self->last_day = G_MAXINT32;
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) route_entry_free);
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->placed = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->taken = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  /* Picking is asked for by the map view; the layer itself takes no input. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

AtlasRouteLayer *
atlas_route_layer_new (ShumateViewport *viewport)
{
  return g_object_new (ATLAS_TYPE_ROUTE_LAYER, "viewport", viewport, NULL);
}

static GPtrArray *
model_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/**
 * atlas_route_layer_set_case:
 * @atlas_case: (nullable): the case whose routes to draw
 */
void
atlas_route_layer_set_case (AtlasRouteLayer *self,
                            AtlasCase       *atlas_case)
{
  g_autoptr(GListModel) routes = NULL;

  g_return_if_fail (ATLAS_IS_ROUTE_LAYER (self));

  g_ptr_array_set_size (self->routes, 0);
  if (atlas_case != NULL)
    routes = atlas_case_list_records (atlas_case, ATLAS_TYPE_ROUTE, NULL);

  for (guint i = 0; routes != NULL && i < g_list_model_get_n_items (routes); i++)
    {
      RouteEntry *entry = g_new0 (RouteEntry, 1);
      g_autoptr(GListModel) waypoints = NULL;

      entry->route = g_list_model_get_item (routes, i);
      waypoints = atlas_case_list_waypoints (atlas_case, atlas_record_get_key (entry->route),
                                             NULL);
      entry->waypoints = model_to_array (waypoints);
      g_ptr_array_add (self->routes, entry);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_route_layer_set_last_day:
 * @last_day: the last day of the time shown, or G_MAXINT32
 *
 * Waypoints dated after it are drawn as not yet reached, so playing the timeline shows
 * the route being travelled.
 */
void
atlas_route_layer_set_last_day (AtlasRouteLayer *self,
                                gint32           last_day)
{
  g_return_if_fail (ATLAS_IS_ROUTE_LAYER (self));

  if (self->last_day == last_day)
    return;
  self->last_day = last_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_route_layer_set_selected:
 * @record: (nullable): the selected record; routes and waypoints are highlighted
 */
void
atlas_route_layer_set_selected (AtlasRouteLayer *self,
                                AtlasRecord     *record)
{
  g_return_if_fail (ATLAS_IS_ROUTE_LAYER (self));

  if (g_set_object (&self->selected, record))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((px - x1) * dx + (py - y1) * dy) / length2, 0, 1) : 0;

  return hypot (px - (x1 + t * dx), py - (y1 + t * dy));
}

static AtlasRecord *
pick_waypoint (AtlasRouteLayer *self,
               double           x,
               double           y)
{
  for (guint i = 0; i < self->routes->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->routes, i);

      for (guint w = 0; w < entry->waypoints->len; w++)
        {
          double wx, wy;

          project (self, g_ptr_array_index (entry->waypoints, w), &wx, &wy);
          if (hypot (wx - x, wy - y) <= PICK_WAYPOINT_RADIUS)
            return g_ptr_array_index (entry->waypoints, w);
        }
    }
  return NULL;
}

/**
 * atlas_route_layer_pick:
 *
 * A waypoint symbol under the point picks that waypoint; a leg picks the waypoint it
 * leads to, which is where the case keeps the claims about that leg.
 *
 * Returns: (transfer none) (nullable): the waypoint at widget coordinates @x, @y
 */
AtlasRecord *
atlas_route_layer_pick (AtlasRouteLayer *self,
                        double           x,
                        double           y)
{
  AtlasRecord *waypoint;

  g_return_val_if_fail (ATLAS_IS_ROUTE_LAYER (self), NULL);

  if ((waypoint = pick_waypoint (self, x, y)) != NULL)
    return waypoint;

  for (guint i = 0; i < self->routes->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->routes, i);

      for (guint w = 1; w < entry->waypoints->len; w++)
        {
          double x1, y1, x2, y2;

          project (self, g_ptr_array_index (entry->waypoints, w - 1), &x1, &y1);
          project (self, g_ptr_array_index (entry->waypoints, w), &x2, &y2);
          if (distance_to_segment (x, y, x1, y1, x2, y2) <= PICK_LEG_DISTANCE)
            return g_ptr_array_index (entry->waypoints, w);
        }
    }
  return NULL;
}

/**
 * atlas_route_layer_get_bounds:
 *
 * Returns: %TRUE with @bounds around the route's waypoints, if the layer has that route
 */
gboolean
atlas_route_layer_get_bounds (AtlasRouteLayer *self,
                              const char      *route_key,
                              AtlasBounds     *bounds)
{
  g_return_val_if_fail (ATLAS_IS_ROUTE_LAYER (self), FALSE);

  atlas_bounds_init_empty (bounds);
  for (guint i = 0; i < self->routes->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->routes, i);

      if (g_strcmp0 (atlas_record_get_key (entry->route), route_key) != 0)
        continue;
      for (guint w = 0; w < entry->waypoints->len; w++)
        {
          AtlasRecord *waypoint = g_ptr_array_index (entry->waypoints, w);

          atlas_bounds_extend (bounds, atlas_record_get_double (waypoint, "latitude"),
                               atlas_record_get_double (waypoint, "longitude"));
        }
    }
  return !atlas_bounds_is_empty (bounds);
}

/**
 * atlas_route_layer_get_extent:
 *
 * Returns: %TRUE with @bounds around every route's waypoints, but those at 0,0 or on the
 *   world's edge, where a wrong coordinate puts them (atlas_map_framing_is_suspect())
 */
gboolean
atlas_route_layer_get_extent (AtlasRouteLayer *self,
                              AtlasBounds     *bounds)
{
  g_return_val_if_fail (ATLAS_IS_ROUTE_LAYER (self), FALSE);

  atlas_bounds_init_empty (bounds);
  for (guint i = 0; i < self->routes->len; i++)
    {
      RouteEntry *entry = g_ptr_array_index (self->routes, i);

      for (guint w = 0; w < entry->waypoints->len; w++)
        {
          AtlasRecord *waypoint = g_ptr_array_index (entry->waypoints, w);
          double latitude = atlas_record_get_double (waypoint, "latitude");
          double longitude = atlas_record_get_double (waypoint, "longitude");

          if (!atlas_map_framing_is_suspect (atlas_mercator_x_from_longitude (longitude),
                                             atlas_mercator_y_from_latitude (latitude)))
            atlas_bounds_extend (bounds, latitude, longitude);
        }
    }
  return !atlas_bounds_is_empty (bounds);
}

/**
 * atlas_route_layer_set_obstacles:
 * @boxes: (array length=n_boxes): what covers the map (the legend, a caption), in the
 *   layer's coordinates
 *
 * Keeps the route labels off them.
 */
void
atlas_route_layer_set_obstacles (AtlasRouteLayer         *self,
                                 const cairo_rectangle_t *boxes,
                                 guint                    n_boxes)
{
  g_return_if_fail (ATLAS_IS_ROUTE_LAYER (self));
  g_return_if_fail (boxes != NULL || n_boxes == 0);

  g_array_set_size (self->obstacles, 0);
  g_array_append_vals (self->obstacles, boxes, n_boxes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_route_layer_get_label_boxes:
 *
 * Returns: (transfer none) (element-type cairo_rectangle_t): where the last snapshot put
 *   its labels
 */
GArray *
atlas_route_layer_get_label_boxes (AtlasRouteLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ROUTE_LAYER (self), NULL);

  return self->placed;
}

/**
 * atlas_route_layer_get_taken_boxes:
 *
 * Returns: (transfer none) (element-type cairo_rectangle_t): what the last snapshot kept
 *   for itself: its labels and symbols, and the obstacles it was given; the basemap's
 *   labels keep off them
 */
GArray *
atlas_route_layer_get_taken_boxes (AtlasRouteLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_ROUTE_LAYER (self), NULL);

  return self->taken;
}
