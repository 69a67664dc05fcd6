/* atlas-route-layer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a case's routes in one snapshot, as the printed page does (atlas-route-painter):
 * a line through the waypoints in order, arrows for the direction of travel, numbered
 * waypoints with their places, and each leg's label. Also answers which route element is
 * under a point.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "atlas-route-layer.h"
#include "atlas-route-painter.h"
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

static void
draw_leg_labels (AtlasRoutePainter *painter,
                 cairo_t           *cr,
                 RouteEntry        *entry)
{
  for (guint i = 1; i < entry->waypoints->len; i++)
    {
      g_autofree char *label = NULL;
      double x, y;

      label = atlas_route_painter_leg_label (painter, g_ptr_array_index (entry->waypoints, i - 1),
                                             g_ptr_array_index (entry->waypoints, i), &x, &y);
      if (label != NULL)
        atlas_route_painter_show_label (painter, cr, label, x, y,
                                        ATLAS_ROUTE_LABEL_CENTRED | ATLAS_ROUTE_LABEL_SMALL);
    }
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

/* Two routes meeting at one place: the place is labelled once. */
static gboolean
take_place (GArray *labelled,
            double  x,
            double  y)
{
  for (guint i = 0; i < labelled->len; i++)
    {
      graphene_point_t *p = &g_array_index (labelled, graphene_point_t, i);

      if (hypot (p->x - x, p->y - y) < 24)
        return FALSE;
    }
  g_array_append_val (labelled, ((graphene_point_t) { x, y }));
  return TRUE;
}

static void
draw_waypoint (AtlasRouteLayer   *self,
               AtlasRoutePainter *painter,
               cairo_t           *cr,
               RouteEntry        *entry,
               guint              index,
               GArray            *labelled)
{
  AtlasRecord *waypoint = g_ptr_array_index (entry->waypoints, index);
  AtlasRouteWaypointFlags flags = waypoint_flags (self, waypoint);
  g_autofree char *place = NULL;
  double radius, x, y;

  atlas_route_painter_draw_waypoint (painter, cr, entry->route, entry->waypoints, index, flags);
  project (self, waypoint, &x, &y);
  if ((flags & ATLAS_ROUTE_WAYPOINT_NOT_REACHED) || !take_place (labelled, x, y))
    return;
  place = atlas_route_stop_label (waypoint);
  radius = atlas_route_painter_waypoint_radius (painter,
                                                flags & ATLAS_ROUTE_WAYPOINT_EMPHASISED);
  atlas_route_painter_show_label (painter, cr, place, x + radius + 5, y, 0);
}

static void
draw_lines (AtlasRouteLayer   *self,
            AtlasRoutePainter *painter,
            cairo_t           *cr)
{
  /* Contested routes first, so the reported one reads on top where they share a leg. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->routes->len; i++)
      {
        RouteEntry *entry = g_ptr_array_index (self->routes, i);

        if (atlas_route_is_reported (entry->route) == (pass == 1))
          {
            atlas_route_painter_draw_line (painter, cr, entry->route, entry->waypoints,
                                           same_record (self->selected, entry->route));
            draw_leg_labels (painter, cr, entry);
          }
      }
}

static void
draw_waypoints (AtlasRouteLayer   *self,
                AtlasRoutePainter *painter,
                cairo_t           *cr)
{
  g_autoptr(GArray) labelled = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));

  for (int pass = 1; pass >= 0; pass--)
    for (guint i = 0; i < self->routes->len; i++)
      {
        RouteEntry *entry = g_ptr_array_index (self->routes, i);

        if (atlas_route_is_reported (entry->route) == (pass == 1))
          for (guint w = 0; w < entry->waypoints->len; w++)
            draw_waypoint (self, painter, cr, entry, w, labelled);
      }
}

static void
atlas_route_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasRouteLayer *self = ATLAS_ROUTE_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  AtlasRoutePainter painter;
  cairo_t *cr;

  if (self->routes->len == 0 || width <= 0 || height <= 0)
    return;

  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_SCREEN, project_cb, self);
  painter.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_lines (self, &painter, cr);
  draw_waypoints (self, &painter, cr);
  cairo_destroy (cr);
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
