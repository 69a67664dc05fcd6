/* atlas-route-layer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a case's routes in one snapshot: a line through the waypoints in order, arrows for
 * the direction of travel, numbered waypoints with their places, and each leg's great-circle
 * distance and date. Reported routes are solid; alleged and contested ones dashed in another
 * colour. Also answers which route element is under a point.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-map-style.h"
#include "atlas-route-layer.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

#define WAYPOINT_RADIUS 10.0
#define PICK_WAYPOINT_RADIUS 14.0
#define PICK_LEG_DISTANCE 7.0
#define MIN_LEG_FOR_ARROW 48.0
#define MIN_LEG_FOR_LABEL 110.0

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
is_solid (RouteEntry *entry)
{
  return g_strcmp0 (atlas_record_get_text (entry->route, "status"), "reported") == 0;
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
project (AtlasRouteLayer *self,
         AtlasRecord     *waypoint,
         double          *x,
         double          *y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                              atlas_record_get_double (waypoint, "latitude"),
                                              atlas_record_get_double (waypoint, "longitude"),
                                              x, y);
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
trace_route (AtlasRouteLayer *self,
             cairo_t         *cr,
             RouteEntry      *entry)
{
  cairo_new_path (cr);
  for (guint i = 0; i < entry->waypoints->len; i++)
    {
      double x, y;

      project (self, g_ptr_array_index (entry->waypoints, i), &x, &y);
      cairo_line_to (cr, x, y);
    }
}

static void
stroke_route (AtlasRouteLayer *self,
              cairo_t         *cr,
              RouteEntry      *entry)
{
  static const double dashes[] = { 12.0, 7.0 };
  gboolean selected = same_record (self->selected, entry->route);
  double width = selected ? 6.0 : 4.0;

  trace_route (self, cr, entry);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  atlas_map_style_set_halo (cr);
  cairo_set_line_width (cr, width + 4.0);
  cairo_stroke_preserve (cr);

  atlas_map_style_set_route_colour (cr, is_solid (entry));
  cairo_set_line_width (cr, width);
  if (!is_solid (entry))
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_arrow (cairo_t *cr,
            double   x1,
            double   y1,
            double   x2,
            double   y2,
            gboolean solid)
{
  double angle = atan2 (y2 - y1, x2 - x1);

  cairo_save (cr);
  cairo_translate (cr, (x1 + x2) / 2, (y1 + y2) / 2);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, 8, 0);
  cairo_line_to (cr, -6, -6.5);
  cairo_line_to (cr, -3, 0);
  cairo_line_to (cr, -6, 6.5);
  cairo_close_path (cr);
  atlas_map_style_set_halo (cr);
  cairo_set_line_width (cr, 3);
  cairo_stroke_preserve (cr);
  atlas_map_style_set_route_colour (cr, solid);
  cairo_fill (cr);
  cairo_restore (cr);
}

static char *
leg_label (AtlasRecord *from,
           AtlasRecord *to)
{
  double km = atlas_geo_distance_km (atlas_record_get_double (from, "latitude"),
                                     atlas_record_get_double (from, "longitude"),
                                     atlas_record_get_double (to, "latitude"),
                                     atlas_record_get_double (to, "longitude"));
  g_autofree char *distance = atlas_geo_format_distance (km);
  const char *date = atlas_record_get_text (to, "date");

  if (date == NULL)
    return g_steal_pointer (&distance);
  return g_strdup_printf ("%s · %s", distance, date);
}

/* Leg labels sit beside the middle of the leg, on the side away from the turn. */
static void
draw_legs (AtlasRouteLayer *self,
           cairo_t         *cr,
           RouteEntry      *entry)
{
  for (guint i = 1; i < entry->waypoints->len; i++)
    {
      AtlasRecord *from = g_ptr_array_index (entry->waypoints, i - 1);
      AtlasRecord *to = g_ptr_array_index (entry->waypoints, i);
      double x1, y1, x2, y2, length;

      project (self, from, &x1, &y1);
      project (self, to, &x2, &y2);
      length = hypot (x2 - x1, y2 - y1);

      if (length >= MIN_LEG_FOR_ARROW)
        draw_arrow (cr, x1, y1, x2, y2, is_solid (entry));
      if (length >= MIN_LEG_FOR_LABEL)
        {
          g_autofree char *label = leg_label (from, to);
          double nx = -(y2 - y1) / length, ny = (x2 - x1) / length;

          atlas_map_style_draw_label (cr, GTK_WIDGET (self), label,
                                      (x1 + x2) / 2 + nx * 16, (y1 + y2) / 2 + ny * 16,
                                      ATLAS_MAP_LABEL_CENTRED | ATLAS_MAP_LABEL_SMALL);
        }
    }
}

/* The place as a short label: what comes before any explanation in brackets. */
static char *
short_place (AtlasRecord *waypoint)
{
  const char *place = atlas_record_get_text (waypoint, "place");
  const char *bracket;

  if (place == NULL)
    return g_strdup ("");
  bracket = strstr (place, " (");
  return bracket ? g_strndup (place, bracket - place) : g_strdup (place);
}

static void
draw_waypoint (AtlasRouteLayer *self,
               cairo_t         *cr,
               RouteEntry      *entry,
               guint            index,
               GArray          *labelled)
{
  AtlasRecord *waypoint = g_ptr_array_index (entry->waypoints, index);
  gboolean selected = same_record (self->selected, waypoint);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  g_autofree char *place = short_place (waypoint);
  double radius = selected ? WAYPOINT_RADIUS + 3 : WAYPOINT_RADIUS;
  double x, y;

  project (self, waypoint, &x, &y);
  if (!is_reached (self, waypoint))
    {
      /* not yet reached in the time shown: a faint outline only */
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      atlas_map_style_set_route_colour (cr, is_solid (entry));
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      return;
    }
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  atlas_map_style_set_route_colour (cr, is_solid (entry));
  cairo_set_line_width (cr, selected ? 4 : 2.5);
  cairo_stroke (cr);
  atlas_map_style_draw_number (cr, GTK_WIDGET (self), number, x, y, is_solid (entry));

  /* Two routes meeting at one place: label it once. */
  for (guint i = 0; i < labelled->len; i++)
    {
      graphene_point_t *p = &g_array_index (labelled, graphene_point_t, i);

      if (hypot (p->x - x, p->y - y) < 24)
        return;
    }
  g_array_append_val (labelled, ((graphene_point_t) { x, y }));
  atlas_map_style_draw_label (cr, GTK_WIDGET (self), place, x + radius + 5, y,
                              ATLAS_MAP_LABEL_LEFT);
}

static void
atlas_route_layer_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AtlasRouteLayer *self = ATLAS_ROUTE_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GArray) labelled = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  cairo_t *cr;

  if (self->routes->len == 0 || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Contested routes first, so the reported one reads on top where they share a leg. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->routes->len; i++)
      {
        RouteEntry *entry = g_ptr_array_index (self->routes, i);

        if (is_solid (entry) == (pass == 1))
          {
            stroke_route (self, cr, entry);
            draw_legs (self, cr, entry);
          }
      }
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = 0; i < self->routes->len; i++)
      {
        RouteEntry *entry = g_ptr_array_index (self->routes, i);

        if (is_solid (entry) == (pass == 1))
          for (guint w = 0; w < entry->waypoints->len; w++)
            draw_waypoint (self, cr, entry, w, labelled);
      }
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
