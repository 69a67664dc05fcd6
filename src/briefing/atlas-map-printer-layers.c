/* atlas-map-printer-layers.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map printer draws over the basemap, in points and as vectors: routes with their
 * arrows and numbered waypoints, incident symbols and clusters, and their labels. Routes
 * are drawn as the window draws them (atlas-route-painter), sized for paper; what is not
 * the subject of the page recedes.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-map-printer-private.h"
#include "atlas-map-style.h"
#include "atlas-mercator.h"
#include "atlas-route-painter.h"

#define SYMBOL_RADIUS 5.0
#define EARTH_CIRCUMFERENCE_M 40075016.686
#define DIMMED_ALPHA 0.45
/* A map with more single incidents than this labels only the highlighted one. */
#define MAX_INCIDENT_LABELS 8

/* The selection's blue, as the window draws it. */
#define HIGHLIGHT_RGB 0.21, 0.52, 0.89

static gboolean
is_highlighted (AtlasMapPrinter *self,
                AtlasRecord     *record)
{
  return self->highlight_kind != NULL
         && g_str_equal (self->highlight_kind, atlas_record_get_kind (record))
         && g_strcmp0 (self->highlight_key, atlas_record_get_key (record)) == 0;
}

/* A highlighted route or waypoint keeps its route in full colour; the others recede. */
static gboolean
route_in_focus (AtlasMapPrinter   *self,
                AtlasPrintedRoute *route)
{
  if (self->highlight_kind == NULL || is_highlighted (self, route->route))
    return TRUE;
  for (guint w = 0; w < route->waypoints->len; w++)
    if (is_highlighted (self, g_ptr_array_index (route->waypoints, w)))
      return TRUE;
  return FALSE;
}

static void
project_record (const AtlasPrintView *view,
                AtlasRecord          *record,
                double               *x,
                double               *y)
{
  _atlas_print_view_project (view, atlas_record_get_double (record, "latitude"),
                             atlas_record_get_double (record, "longitude"), x, y);
}

/* Each long enough leg's distance and date, beside its middle. */
static void
draw_leg_labels (cairo_t              *cr,
                 AtlasPrintedRoute    *route,
                 AtlasPrintLabels     *space,
                 AtlasPrintLabelFlags  flags)
{
  for (guint i = 1; i < route->waypoints->len; i++)
    {
      g_autofree char *label = NULL;
      double x, y;

      label = atlas_route_painter_leg_label (&space->painter,
                                             g_ptr_array_index (route->waypoints, i - 1),
                                             g_ptr_array_index (route->waypoints, i), &x, &y);
      if (label != NULL)
        _atlas_print_labels_draw_centred (space, cr, label, x, y,
                                          flags | ATLAS_PRINT_LABEL_SMALL);
    }
}

static void
draw_highlight_ring (cairo_t *cr,
                     double   x,
                     double   y,
                     double   radius)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, HIGHLIGHT_RGB, 0.30);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, HIGHLIGHT_RGB);
  cairo_set_line_width (cr, 1.8);
  cairo_stroke (cr);
}

static void
draw_waypoint (AtlasMapPrinter         *self,
               cairo_t                 *cr,
               const AtlasRoutePainter *painter,
               AtlasPrintedRoute       *route,
               guint                    index)
{
  AtlasRouteWaypointFlags flags = 0;

  if (is_highlighted (self, g_ptr_array_index (route->waypoints, index)))
    flags = ATLAS_ROUTE_WAYPOINT_EMPHASISED | ATLAS_ROUTE_WAYPOINT_RING;
  atlas_route_painter_draw_waypoint (painter, cr, route->route, route->waypoints, index, flags);
}

/* Adds each stop's place to @stops, to be labelled beside it: the highlighted one is the
 * page's subject. */
static void
add_place_labels (AtlasMapPrinter      *self,
                  const AtlasPrintView *view,
                  AtlasPrintedRoute    *route,
                  AtlasPrintLabels     *space,
                  GArray               *stops)
{
  AtlasRouteLabelFlags flags = route_in_focus (self, route) ? 0 : ATLAS_ROUTE_LABEL_DIM;

  for (guint w = 0; w < route->waypoints->len; w++)
    {
      AtlasRecord *waypoint = g_ptr_array_index (route->waypoints, w);
      gboolean highlighted = is_highlighted (self, waypoint);
      double x, y;

      project_record (view, waypoint, &x, &y);
      atlas_label_stops_add (stops, atlas_route_stop_label (waypoint), x, y,
                             atlas_route_painter_waypoint_radius (&space->painter, highlighted),
                             highlighted ? flags | ATLAS_ROUTE_LABEL_BOLD : flags, highlighted);
    }
}

static void
reserve_waypoints (const AtlasPrintView *view,
                   AtlasPrintedRoute    *route,
                   AtlasPrintLabels     *labels)
{
  for (guint w = 0; w < route->waypoints->len; w++)
    {
      double x, y;

      project_record (view, g_ptr_array_index (route->waypoints, w), &x, &y);
      _atlas_print_labels_reserve_symbol (labels, x, y,
                                          atlas_route_painter_waypoint_radius (&labels->painter,
                                                                               FALSE));
    }
}

static void
begin_route (AtlasMapPrinter   *self,
             cairo_t           *cr,
             AtlasPrintedRoute *route)
{
  if (!route_in_focus (self, route))
    cairo_push_group (cr);
}

static void
end_route (AtlasMapPrinter   *self,
           cairo_t           *cr,
           AtlasPrintedRoute *route)
{
  if (route_in_focus (self, route))
    return;
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, DIMMED_ALPHA);
}

static void
draw_route (AtlasMapPrinter         *self,
            cairo_t                 *cr,
            const AtlasRoutePainter *painter,
            AtlasPrintedRoute       *route)
{
  begin_route (self, cr, route);
  atlas_route_painter_draw_line (painter, cr, route->route, route->waypoints,
                                 is_highlighted (self, route->route));
  for (guint w = 0; w < route->waypoints->len; w++)
    draw_waypoint (self, cr, painter, route, w);
  end_route (self, cr, route);
}

/* The routes' places, the highlighted one first, then their legs', each where it finds room
 * (atlas_label_space_draw_stops()). */
static void
draw_route_labels (AtlasMapPrinter      *self,
                   cairo_t              *cr,
                   const AtlasPrintView *view,
                   GPtrArray            *order,
                   AtlasPrintLabels     *space)
{
  g_autoptr(GArray) stops = atlas_label_stops_new ();

  for (guint i = order->len; i > 0; i--)
    add_place_labels (self, view, g_ptr_array_index (order, i - 1), space, stops);
  atlas_label_space_draw_stops (&space->space, cr, stops);
  for (guint i = order->len; i > 0; i--)
    {
      AtlasPrintedRoute *route = g_ptr_array_index (order, i - 1);

      draw_leg_labels (cr, route, space,
                       route_in_focus (self, route) ? 0 : ATLAS_PRINT_LABEL_DIM);
    }
}

static int
compare_routes_for_drawing (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  AtlasMapPrinter *self = user_data;
  AtlasPrintedRoute *x = *(AtlasPrintedRoute **) a, *y = *(AtlasPrintedRoute **) b;
  int rank_x = 2 * route_in_focus (self, x) + atlas_route_is_reported (x->route);
  int rank_y = 2 * route_in_focus (self, y) + atlas_route_is_reported (y->route);

  return rank_x - rank_y;
}

/* Whether the box around the route's waypoints meets the view: near enough for a legend. */
static gboolean
route_in_view (const AtlasPrintView *view,
               AtlasPrintedRoute    *route)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint w = 0; w < route->waypoints->len; w++)
    {
      double x, y;

      project_record (view, g_ptr_array_index (route->waypoints, w), &x, &y);
      x0 = MIN (x0, x), y0 = MIN (y0, y), x1 = MAX (x1, x), y1 = MAX (y1, y);
    }
  return x1 >= 0 && y1 >= 0 && x0 <= view->width && y0 <= view->height;
}

static void
add_to_legend (AtlasPrintLegend  *legend,
               AtlasPrintedRoute *route)
{
  if (legend->routes == NULL)
    legend->routes = g_ptr_array_new ();
  g_ptr_array_add (legend->routes, route);
  for (guint w = 1; legend->path_not_given == NULL && w < route->waypoints->len; w++)
    if (!atlas_route_leg_path_known (g_ptr_array_index (route->waypoints, w - 1),
                                     g_ptr_array_index (route->waypoints, w)))
      legend->path_not_given = route->route;
}

static GPtrArray *
routes_in_drawing_order (AtlasMapPrinter *self)
{
  GPtrArray *order = g_ptr_array_new ();

  for (guint i = 0; i < self->routes->len; i++)
    {
      AtlasPrintedRoute *route = g_ptr_array_index (self->routes, i);

      if (route->waypoints->len > 0)
        g_ptr_array_add (order, route);
    }
  g_ptr_array_sort_with_data (order, compare_routes_for_drawing, self);
  return order;
}

/* Routes in the background first: dimmed, then contested, then the reported ones. */
void
_atlas_map_printer_draw_routes (AtlasMapPrinter      *self,
                                cairo_t              *cr,
                                const AtlasPrintView *view,
                                AtlasPrintLabels     *labels,
                                AtlasPrintLegend     *legend)
{
  g_autoptr(GPtrArray) order = routes_in_drawing_order (self);

  for (guint i = 0; i < order->len; i++)
    {
      AtlasPrintedRoute *route = g_ptr_array_index (order, i);

      draw_route (self, cr, &labels->painter, route);
      reserve_waypoints (view, route, labels);
      if (route_in_view (view, route))
        add_to_legend (legend, route);
    }
}

static void
draw_incident_label (AtlasMapPrinter            *self,
                     cairo_t                    *cr,
                     AtlasPrintLabels           *labels,
                     const AtlasPrintedIncident *incident)
{
  g_autoptr(AtlasRecord) record = atlas_case_lookup_by_id (self->atlas_case, "incident",
                                                           incident->id);
  g_autofree char *place = record ? atlas_route_place_label (record) : NULL;
  gboolean highlighted = incident->id == self->highlight_id;

  if (place == NULL || *place == '\0'
      || !_atlas_print_labels_take_place (labels, incident->x, incident->y))
    return;
  _atlas_print_labels_draw_beside (labels, cr, place, incident->x, incident->y,
                                   incident->radius, highlighted ? ATLAS_PRINT_LABEL_BOLD : 0);
}

/* The highlighted incident's place first, then the routes' (the highlighted stop's first,
 * then those in focus), then,
 * when there are few, the other incidents' places: each where it still finds room. */
void
_atlas_map_printer_draw_labels (AtlasMapPrinter      *self,
                                cairo_t              *cr,
                                const AtlasPrintView *view,
                                AtlasPrintLabels     *labels)
{
  g_autoptr(GPtrArray) order = routes_in_drawing_order (self);
  GArray *incidents = labels->incidents;

  for (guint i = 0; i < incidents->len; i++)
    if (g_array_index (incidents, AtlasPrintedIncident, i).id == self->highlight_id)
      draw_incident_label (self, cr, labels, &g_array_index (incidents, AtlasPrintedIncident, i));
  draw_route_labels (self, cr, view, order, labels);
  for (guint i = 0; incidents->len <= MAX_INCIDENT_LABELS && i < incidents->len; i++)
    if (g_array_index (incidents, AtlasPrintedIncident, i).id != self->highlight_id)
      draw_incident_label (self, cr, labels, &g_array_index (incidents, AtlasPrintedIncident, i));
}

static double
halo_radius (AtlasLocationPrecision  precision,
             const AtlasPrintView   *view,
             double                  latitude)
{
  static const double metres[] = { 0, 4000, 20000, 120000, 400000 };
  double metres_per_point = EARTH_CIRCUMFERENCE_M * cos (latitude * G_PI / 180) / view->world;

  return MIN (metres[precision] / metres_per_point, 300);
}

static void
draw_precision_halo (cairo_t                  *cr,
                     const AtlasCategoryStyle *style,
                     double                    x,
                     double                    y,
                     double                    radius)
{
  cairo_pattern_t *gradient = cairo_pattern_create_radial (x, y, 0, x, y, radius);

  cairo_pattern_add_color_stop_rgba (gradient, 0, style->colour.red, style->colour.green,
                                     style->colour.blue, 0.30);
  cairo_pattern_add_color_stop_rgba (gradient, 1, style->colour.red, style->colour.green,
                                     style->colour.blue, 0.04);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source (cr, gradient);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
}

static void
draw_single (AtlasMapPrinter          *self,
             cairo_t                  *cr,
             const AtlasCategoryStyle *style,
             const AtlasCluster       *cluster,
             double                    x,
             double                    y)
{
  gboolean highlighted = cluster->id == self->highlight_id;

  if (highlighted)
    draw_highlight_ring (cr, x, y, SYMBOL_RADIUS + 6);
  atlas_map_style_trace_symbol (cr, style->symbol, x, y,
                                highlighted ? SYMBOL_RADIUS + 1.5 : SYMBOL_RADIUS);
  atlas_map_style_set_colour (cr, style, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.4);
  cairo_stroke (cr);
}

static double
badge_radius (const AtlasCluster *cluster)
{
  return 8 + 3 * log10 (cluster->count);
}

static void
draw_badge (cairo_t                  *cr,
            const AtlasCategoryStyle *style,
            const AtlasCluster       *cluster,
            double                    x,
            double                    y)
{
  g_autofree char *count = g_strdup_printf ("%u", cluster->count);
  g_autoptr(PangoLayout) layout = _atlas_map_printer_create_layout (cr, count, 6.5,
                                                                    PANGO_WEIGHT_BOLD);
  PangoRectangle ink;

  cairo_arc (cr, x, y, badge_radius (cluster), 0, 2 * G_PI);
  atlas_map_style_set_colour (cr, style, 0.9);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.4);
  cairo_stroke (cr);

  pango_layout_get_extents (layout, &ink, NULL);
  cairo_move_to (cr, x - (ink.x + ink.width / 2.0) / PANGO_SCALE,
                 y - (ink.y + ink.height / 2.0) / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* The point of incident @id, or NULL; the points are in id order. */
static const AtlasMapPoint *
find_point (AtlasMapPrinter *self,
            gint64           id,
            guint           *index)
{
  guint low = 0, high = self->points->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      const AtlasMapPoint *point = &g_array_index (self->points, AtlasMapPoint, middle);

      if (point->id == id)
        {
          *index = middle;
          return point;
        }
      if (point->id < id)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

static AtlasLocationPrecision
precision_of (AtlasMapPrinter *self,
              gint64           id)
{
  guint index;

  if (find_point (self, id, &index) == NULL)
    return ATLAS_LOCATION_SITE;
  return self->precisions->data[index];
}

static void
add_printed_incident (AtlasMapPrinter  *self,
                      AtlasPrintLabels *labels,
                      gint64            id,
                      double            x,
                      double            y)
{
  AtlasPrintedIncident incident = { id, x, y, SYMBOL_RADIUS };

  if (id == self->highlight_id)
    incident.radius = SYMBOL_RADIUS + 6;
  _atlas_print_labels_reserve_symbol (labels, x, y, incident.radius);
  g_array_append_val (labels->incidents, incident);
}

static GArray *
query_clusters (AtlasMapPrinter      *self,
                const AtlasPrintView *view)
{
  AtlasMapFrame frame;
  AtlasBounds bounds;
  double margin = 2 * SYMBOL_RADIUS;

  frame.longitude = atlas_mercator_longitude_from_x ((view->left + view->width / 2) / view->world);
  frame.latitude = atlas_mercator_latitude_from_y ((view->top + view->height / 2) / view->world);
  frame.zoom = view->zoom;
  atlas_map_printer_get_frame_bounds (&frame, view->width + 2 * margin,
                                      view->height + 2 * margin, &bounds);
  return atlas_cluster_index_query (self->index, &bounds, (int) floor (view->zoom));
}

static void
draw_halos (AtlasMapPrinter      *self,
            cairo_t              *cr,
            const AtlasPrintView *view,
            GArray               *clusters,
            AtlasPrintLegend     *legend)
{
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);
      double radius, x, y;

      if (cluster->count != 1)
        continue;
      radius = halo_radius (precision_of (self, cluster->id), view, cluster->latitude);
      if (radius < SYMBOL_RADIUS * 1.5)
        continue;
      _atlas_print_view_project (view, cluster->latitude, cluster->longitude, &x, &y);
      draw_precision_halo (cr, atlas_map_style_for_category (self->categories[cluster->category]),
                           x, y, radius);
      legend->halo = TRUE;
    }
}

static void
draw_cluster (AtlasMapPrinter      *self,
              cairo_t              *cr,
              const AtlasPrintView *view,
              const AtlasCluster   *cluster,
              AtlasPrintLabels     *labels)
{
  const AtlasCategoryStyle *style =
    atlas_map_style_for_category (self->categories[cluster->category]);
  double x, y;

  _atlas_print_view_project (view, cluster->latitude, cluster->longitude, &x, &y);
  if (cluster->count == 1)
    {
      draw_single (self, cr, style, cluster, x, y);
      add_printed_incident (self, labels, cluster->id, x, y);
    }
  else
    {
      draw_badge (cr, style, cluster, x, y);
      _atlas_print_labels_reserve_symbol (labels, x, y, badge_radius (cluster));
    }
}

/* The page's subject stands out even where it shares a place with other incidents. */
static void
draw_clustered_highlight (AtlasMapPrinter      *self,
                          cairo_t              *cr,
                          const AtlasPrintView *view,
                          AtlasPrintLabels     *labels)
{
  const AtlasMapPoint *point;
  AtlasCluster single = { 0, };
  guint index;

  for (guint i = 0; i < labels->incidents->len; i++)
    if (g_array_index (labels->incidents, AtlasPrintedIncident, i).id == self->highlight_id)
      return;
  if ((point = find_point (self, self->highlight_id, &index)) == NULL)
    return;

  single = (AtlasCluster) { point->latitude, point->longitude, 1, point->id, point->category,
                            1u << (point->category % 32) };
  draw_cluster (self, cr, view, &single, labels);
}

void
_atlas_map_printer_draw_incidents (AtlasMapPrinter      *self,
                                   cairo_t              *cr,
                                   const AtlasPrintView *view,
                                   AtlasPrintLabels     *labels,
                                   AtlasPrintLegend     *legend)
{
  g_autoptr(GArray) clusters = NULL;

  if (self->index == NULL)
    return;

  clusters = query_clusters (self, view);
  draw_halos (self, cr, view, clusters, legend);
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);

      draw_cluster (self, cr, view, cluster, labels);
      legend->categories |= cluster->count == 1 ? 1u << (cluster->category % 32)
                                                : cluster->category_mask;
    }
  if (self->highlight_id >= 0)
    draw_clustered_highlight (self, cr, view, labels);
}
