/* atlas-map-printer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws a map of a case into any cairo context (a PDF page, a PNG, a print job) without a
 * widget or a display: the offline basemap composited from the tile renderer, then the
 * case's routes and incidents, a scale bar and a legend as vectors on top.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-map-printer-private.h"
#include "atlas-mercator.h"
#include "atlas-route.h"
#include "atlas-tile-style.h"

#define TILE_SIZE 256.0
#define MIN_ZOOM 1.0
/* The deepest zoom the offline basemap has detail for. */
#define MAX_ZOOM 14.0
#define DEFAULT_SCALE_FACTOR 2.0
/* Points per basemap pixel: the basemap's labels, sized for a screen, come out at 8 to 10
 * points, under the case's own labels. */
#define PRINT_DENSITY 0.72
#define CLUSTER_RADIUS 40.0

G_DEFINE_FINAL_TYPE (AtlasMapPrinter, atlas_map_printer, G_TYPE_OBJECT)

static void
printed_route_free (AtlasPrintedRoute *route)
{
  g_clear_object (&route->route);
  g_clear_pointer (&route->waypoints, g_ptr_array_unref);
  g_free (route);
}

void
_atlas_print_view_project (const AtlasPrintView *view,
                           double                latitude,
                           double                longitude,
                           double               *x,
                           double               *y)
{
  *x = atlas_mercator_x_from_longitude (longitude) * view->world - view->left;
  *y = atlas_mercator_y_from_latitude (latitude) * view->world - view->top;
}

static GPtrArray *
model_to_array (GListModel *model)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

static gboolean
load_routes (AtlasMapPrinter  *self,
             GError          **error)
{
  g_autoptr(GListModel) routes = atlas_case_list_records (self->atlas_case, ATLAS_TYPE_ROUTE,
                                                          error);

  if (routes == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      AtlasPrintedRoute *route = g_new0 (AtlasPrintedRoute, 1);
      g_autoptr(GListModel) waypoints = NULL;

      route->route = g_list_model_get_item (routes, i);
      g_ptr_array_add (self->routes, route);
      waypoints = atlas_case_list_waypoints (self->atlas_case,
                                             atlas_record_get_key (route->route), error);
      if (waypoints == NULL)
        return FALSE;
      route->waypoints = model_to_array (waypoints);
    }
  return TRUE;
}

static gboolean
load_incidents (AtlasMapPrinter  *self,
                AtlasFilter      *filter,
                GCancellable     *cancellable,
                GError          **error)
{
  if (!atlas_case_load_map_points (self->atlas_case, filter, &self->points, &self->precisions,
                                   &self->categories, NULL, cancellable, error))
    return FALSE;
  if (self->points->len == 0)
    return TRUE;

  self->index = atlas_cluster_index_new ((AtlasMapPoint *) self->points->data,
                                         self->points->len, CLUSTER_RADIUS, cancellable, error);
  return self->index != NULL;
}

static void
atlas_map_printer_finalize (GObject *object)
{
  AtlasMapPrinter *self = ATLAS_MAP_PRINTER (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->atlas_case);
  g_clear_object (&self->index);
  g_clear_pointer (&self->routes, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->precisions, g_byte_array_unref);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->highlight_kind, g_free);
  g_clear_pointer (&self->highlight_key, g_free);

  G_OBJECT_CLASS (atlas_map_printer_parent_class)->finalize (object);
}

static void
atlas_map_printer_class_init (AtlasMapPrinterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_map_printer_finalize;
}

static void
atlas_map_printer_init (AtlasMapPrinter *self)
{
  self->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) printed_route_free);
  self->highlight_id = -1;
  self->scale_factor = DEFAULT_SCALE_FACTOR;
  self->magnification = 1;
}

/**
 * atlas_map_printer_new:
 * @renderer: draws the basemap's tiles
 * @atlas_case: the case whose routes and incidents to draw
 * @filter: (nullable): only incidents that pass it
 *
 * Reads what the map needs from @atlas_case once. Blocks: call it from a worker thread
 * when a window is waiting. The printer is then used by one thread at a time.
 *
 * Returns: (transfer full) (nullable): a printer, or %NULL with @error set
 */
AtlasMapPrinter *
atlas_map_printer_new (AtlasTileRenderer  *renderer,
                       AtlasCase          *atlas_case,
                       AtlasFilter        *filter,
                       GCancellable       *cancellable,
                       GError            **error)
{
  g_autoptr(AtlasMapPrinter) self = NULL;

  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (renderer), NULL);
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), NULL);
  g_return_val_if_fail (filter == NULL || ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_MAP_PRINTER, NULL);
  self->renderer = g_object_ref (renderer);
  /* the printer places the basemap's labels with the case's, as the map on screen does */
  atlas_tile_renderer_set_labels_in_tiles (renderer, FALSE);
  self->atlas_case = g_object_ref (atlas_case);

  if (!load_routes (self, error) || !load_incidents (self, filter, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

static gint64
find_incident_id (AtlasMapPrinter *self,
                  const char      *key)
{
  g_autoptr(AtlasRecord) incident = atlas_case_lookup (self->atlas_case, "incident", key, NULL);

  return incident != NULL ? atlas_record_get_id (incident) : -1;
}

static gboolean
is_drawn_kind (const char *kind)
{
  return g_strcmp0 (kind, "incident") == 0 || g_strcmp0 (kind, "route") == 0
         || g_strcmp0 (kind, "waypoint") == 0;
}

/**
 * atlas_map_printer_set_highlight:
 * @kind: (nullable): "incident", "route" or "waypoint"
 * @key: (nullable): the record's key
 *
 * The record to draw highlighted, as the selection is on screen; %NULL for none.
 */
void
atlas_map_printer_set_highlight (AtlasMapPrinter *self,
                                 const char      *kind,
                                 const char      *key)
{
  g_return_if_fail (ATLAS_IS_MAP_PRINTER (self));

  g_clear_pointer (&self->highlight_kind, g_free);
  g_clear_pointer (&self->highlight_key, g_free);
  self->highlight_id = -1;
  /* only what the map draws can stand out; an area or an actor leaves all in view */
  if (!is_drawn_kind (kind))
    return;
  self->highlight_kind = g_strdup (kind);
  self->highlight_key = g_strdup (key);
  if (g_strcmp0 (kind, "incident") == 0 && key != NULL)
    self->highlight_id = find_incident_id (self, key);
}

/**
 * atlas_map_printer_set_scale_factor:
 * @scale_factor: basemap pixels per point, 1 to 4; 2 by default, sharp on paper
 */
void
atlas_map_printer_set_scale_factor (AtlasMapPrinter *self,
                                    double           scale_factor)
{
  g_return_if_fail (ATLAS_IS_MAP_PRINTER (self));
  g_return_if_fail (scale_factor >= 1 && scale_factor <= 4);

  self->scale_factor = scale_factor;
}

/**
 * atlas_map_printer_set_magnification:
 * @magnification: how much larger than on an A4 page the map's type and symbols are,
 *   0.5 to 3; 1 by default
 *
 * A map on a larger page shows the same area as on a smaller one, with everything drawn
 * larger, so that a slide of any size reads the same.
 */
void
atlas_map_printer_set_magnification (AtlasMapPrinter *self,
                                     double           magnification)
{
  g_return_if_fail (ATLAS_IS_MAP_PRINTER (self));
  g_return_if_fail (magnification >= 0.5 && magnification <= 3);

  self->magnification = magnification;
}

static void
fit_bounds (const AtlasBounds *bounds,
            double             width,
            double             height,
            double             margin,
            double             max_zoom,
            AtlasMapFrame     *frame)
{
  double x0 = atlas_mercator_x_from_longitude (bounds->min_lon);
  double x1 = atlas_mercator_x_from_longitude (bounds->max_lon);
  double y0 = atlas_mercator_y_from_latitude (bounds->max_lat);
  double y1 = atlas_mercator_y_from_latitude (bounds->min_lat);
  double zoom_x = x1 > x0 ? log2 (width / (TILE_SIZE * (x1 - x0) * margin)) : max_zoom;
  double zoom_y = y1 > y0 ? log2 (height / (TILE_SIZE * (y1 - y0) * margin)) : max_zoom;

  frame->longitude = atlas_mercator_longitude_from_x ((x0 + x1) / 2);
  frame->latitude = atlas_mercator_latitude_from_y ((y0 + y1) / 2);
  frame->zoom = CLAMP (MIN (MIN (zoom_x, zoom_y), max_zoom), MIN_ZOOM, MAX_ZOOM);
}

/**
 * atlas_map_printer_frame_bounds:
 * @width: the map's width, points
 * @height: the map's height, points
 * @frame: (out): the frame that just shows all of @bounds
 *
 * Unlike the window's map, a printed map may use a fractional zoom, so @bounds fills it.
 */
void
atlas_map_printer_frame_bounds (const AtlasBounds *bounds,
                                double             width,
                                double             height,
                                AtlasMapFrame     *frame)
{
  g_return_if_fail (!atlas_bounds_is_empty (bounds));

  fit_bounds (bounds, width, height, 1.0, MAX_ZOOM, frame);
}

/**
 * atlas_map_printer_get_frame_bounds:
 * @bounds: (out): the longitudes and latitudes a map of @width × @height points shows
 */
void
atlas_map_printer_get_frame_bounds (const AtlasMapFrame *frame,
                                    double               width,
                                    double               height,
                                    AtlasBounds         *bounds)
{
  double world = TILE_SIZE * exp2 (frame->zoom);
  double cx = atlas_mercator_x_from_longitude (frame->longitude);
  double cy = atlas_mercator_y_from_latitude (frame->latitude);
  double half_w = width / 2 / world, half_h = height / 2 / world;

  bounds->min_lon = MAX (atlas_mercator_longitude_from_x (cx - half_w), -180);
  bounds->max_lon = MIN (atlas_mercator_longitude_from_x (cx + half_w), 180);
  bounds->min_lat = atlas_mercator_latitude_from_y (MIN (cy + half_h, 1));
  bounds->max_lat = atlas_mercator_latitude_from_y (MAX (cy - half_h, 0));
}

/**
 * atlas_map_printer_frame_subject:
 * @kind: "incident", "waypoint", "route" or "actor"
 * @frame: (out): how a map of @width × @height points shows the subject
 *
 * Frames the subject as the briefing on screen does (atlas-map-framing): a place with room
 * around it that suits how precisely it is known, a route whole, an actor with everything
 * it has a role in, filling the map.
 *
 * Returns: %FALSE with @error set when the case has no such subject, or nothing to show
 */
gboolean
atlas_map_printer_frame_subject (AtlasMapPrinter  *self,
                                 const char       *kind,
                                 const char       *key,
                                 double            width,
                                 double            height,
                                 AtlasMapFrame    *frame,
                                 GError          **error)
{
  cairo_rectangle_t whole = { 0, 0, width, height };
  AtlasBounds bounds;

  g_return_val_if_fail (ATLAS_IS_MAP_PRINTER (self), FALSE);
  g_return_val_if_fail (kind != NULL && key != NULL, FALSE);

  if (!atlas_map_framing_subject_bounds (self->atlas_case, kind, key, &bounds, error))
    return FALSE;
  atlas_map_framing_fit (&bounds, width, height, &whole, frame);
  return TRUE;
}

static void
add_visible_route (AtlasPrintedRoute *route,
                   const AtlasBounds *bounds,
                   GPtrArray         *visible)
{
  gboolean route_added = FALSE;

  for (guint w = 0; w < route->waypoints->len; w++)
    {
      AtlasRecord *waypoint = g_ptr_array_index (route->waypoints, w);

      if (!atlas_bounds_contains (bounds, atlas_record_get_double (waypoint, "latitude"),
                                  atlas_record_get_double (waypoint, "longitude")))
        continue;
      if (!route_added)
        g_ptr_array_add (visible, g_object_ref (route->route));
      route_added = TRUE;
      g_ptr_array_add (visible, g_object_ref (waypoint));
    }
}

/**
 * atlas_map_printer_list_visible:
 * @bounds: the area shown
 * @max_incidents: list at most this many incidents
 * @n_incidents: (out) (optional): how many incidents are inside @bounds in all
 *
 * What a map of @bounds shows, for its footnotes: the routes with a waypoint inside, those
 * waypoints, and the incidents inside (the first @max_incidents of them).
 *
 * Returns: (transfer full) (element-type AtlasRecord): the records
 */
GPtrArray *
atlas_map_printer_list_visible (AtlasMapPrinter   *self,
                                const AtlasBounds *bounds,
                                guint              max_incidents,
                                guint             *n_incidents)
{
  GPtrArray *visible = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_inside = 0;

  g_return_val_if_fail (ATLAS_IS_MAP_PRINTER (self), visible);

  for (guint i = 0; i < self->routes->len; i++)
    add_visible_route (g_ptr_array_index (self->routes, i), bounds, visible);

  for (guint i = 0; i < self->points->len; i++)
    {
      const AtlasMapPoint *point = &g_array_index (self->points, AtlasMapPoint, i);
      AtlasRecord *incident;

      if (!atlas_bounds_contains (bounds, point->latitude, point->longitude))
        continue;
      if (n_inside++ >= max_incidents)
        continue;
      if ((incident = atlas_case_lookup_by_id (self->atlas_case, "incident", point->id)) != NULL)
        g_ptr_array_add (visible, incident);
    }

  if (n_incidents != NULL)
    *n_incidents = n_inside;
  return visible;
}

/* Image pixels per point of the map as drawn, before magnification. */
static double
pixel_density (AtlasMapPrinter *self)
{
  /* the tile renderer draws 0.5 to 4 pixels per pixel */
  return CLAMP (self->scale_factor * self->magnification, 0.5 / PRINT_DENSITY, 4 / PRINT_DENSITY);
}

static void
init_view (AtlasMapPrinter     *self,
           const AtlasMapFrame *frame,
           double               width,
           double               height,
           AtlasPrintView      *view)
{
  /* The tiles are drawn as for a screen of PRINT_DENSITY points per pixel: at a fractional
   * zoom, the tiles of the zoom below drawn larger, their labels keeping their size. */
  double zoom = CLAMP (frame->zoom, MIN_ZOOM, MAX_ZOOM);
  double tile_zoom = MIN (floor (zoom - log2 (PRINT_DENSITY)), MAX_ZOOM);
  double x = atlas_mercator_x_from_longitude (frame->longitude);
  double y = atlas_mercator_y_from_latitude (frame->latitude);

  view->tile_zoom = (int) tile_zoom;
  view->tile_size = (int) round (TILE_SIZE * exp2 (zoom - log2 (PRINT_DENSITY) - tile_zoom));
  view->pixel_density = pixel_density (self);
  /* (clamped again: the product may round to just outside the renderer's range) */
  view->tile_scale = CLAMP (PRINT_DENSITY * view->pixel_density, 0.5, 4);
  view->tile_pixels = (int) ceil (view->tile_size * view->tile_scale - 1e-9);
  /* what the whole pixels make of the frame's zoom */
  view->world = view->tile_pixels * exp2 (tile_zoom) / view->pixel_density;
  view->zoom = log2 (view->world / TILE_SIZE);
  view->width = width;
  view->height = height;
  view->latitude = frame->latitude;
  /* Start on a whole image pixel, so the vectors sit exactly on the basemap. */
  view->left = round ((x * view->world - width / 2) * view->pixel_density) / view->pixel_density;
  view->top = round ((y * view->world - height / 2) * view->pixel_density) / view->pixel_density;
}

static void
paint_water (cairo_t *cr)
{
  const AtlasColor *water = &atlas_tile_style_get_palette (ATLAS_TILE_STYLE_LIGHT)->water;

  cairo_set_source_rgb (cr, water->red, water->green, water->blue);
  cairo_paint (cr);
}

static gboolean
paint_tile (AtlasMapPrinter       *self,
            cairo_t               *cr,
            const AtlasPrintView  *view,
            int                    tile_x,
            int                    tile_y,
            double                 x,
            double                 y,
            GError               **error)
{
  int n_tiles = 1 << view->tile_zoom;
  int wrapped_x = ((tile_x % n_tiles) + n_tiles) % n_tiles;
  cairo_surface_t *tile;

  tile = atlas_tile_renderer_render (self->renderer, view->tile_zoom, wrapped_x, tile_y,
                                     view->tile_size, view->tile_scale, ATLAS_TILE_STYLE_LIGHT,
                                     error);
  if (tile == NULL)
    return FALSE;

  cairo_set_source_surface (cr, tile, x, y);
  cairo_paint (cr);
  cairo_surface_destroy (tile);
  return TRUE;
}

/* The basemap as one image, so a PDF viewer shows no seams between tiles. */
static cairo_surface_t *
compose_basemap (AtlasMapPrinter       *self,
                 const AtlasPrintView  *view,
                 GCancellable          *cancellable,
                 GError               **error)
{
  int width = (int) ceil (view->width * view->pixel_density);
  int height = (int) ceil (view->height * view->pixel_density);
  double left = round (view->left * view->pixel_density);
  double top = round (view->top * view->pixel_density);
  int size = view->tile_pixels;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (image);
  gboolean ok = TRUE;

  paint_water (cr);
  for (int ty = (int) floor (top / size); ok && ty <= (int) floor ((top + height) / size); ty++)
    for (int tx = (int) floor (left / size); ok && tx <= (int) floor ((left + width) / size); tx++)
      {
        if (ty < 0 || ty >= (1 << view->tile_zoom))
          continue;
        ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
             && paint_tile (self, cr, view, tx, ty, tx * size - left, ty * size - top, error);
      }
  cairo_destroy (cr);

  if (!ok)
    g_clear_pointer (&image, cairo_surface_destroy);
  return image;
}

static void
draw_frame_border (cairo_t              *cr,
                   const AtlasPrintView *view)
{
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.28);
  cairo_set_line_width (cr, 0.75);
  cairo_stroke (cr);
}

static void
paint_basemap (cairo_t              *cr,
               const AtlasPrintView *view,
               cairo_surface_t      *basemap)
{
  cairo_save (cr);
  cairo_scale (cr, 1 / view->pixel_density, 1 / view->pixel_density);
  cairo_set_source_surface (cr, basemap, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* The basemap's labels after the case's, off them, their symbols and the furniture, in one
 * pass as on screen: placed in the tiles' pixels, PRINT_DENSITY points each. Drawn so, they
 * are text in the PDF. */
static void
draw_basemap_labels (AtlasMapPrinter      *self,
                     cairo_t              *cr,
                     const AtlasPrintView *view,
                     AtlasPrintLabels     *labels)
{
  GArray *taken = labels->space.boxes;
  g_autoptr(GArray) obstacles = g_array_sized_new (FALSE, FALSE, sizeof (cairo_rectangle_t),
                                                   taken->len);
  g_autoptr(GArray) placed = NULL;

  for (guint i = 0; i < taken->len; i++)
    {
      const cairo_rectangle_t *box = &g_array_index (taken, cairo_rectangle_t, i);
      cairo_rectangle_t in_pixels = { box->x / PRINT_DENSITY, box->y / PRINT_DENSITY,
                                      box->width / PRINT_DENSITY, box->height / PRINT_DENSITY };

      g_array_append_val (obstacles, in_pixels);
    }
  cairo_save (cr);
  cairo_scale (cr, PRINT_DENSITY, PRINT_DENSITY);
  placed = atlas_tile_renderer_draw_labels (self->renderer, cr, ATLAS_TILE_STYLE_LIGHT,
                                            view->zoom - log2 (PRINT_DENSITY),
                                            (view->left + view->width / 2) / view->world,
                                            (view->top + view->height / 2) / view->world,
                                            view->width / PRINT_DENSITY,
                                            view->height / PRINT_DENSITY,
                                            (cairo_rectangle_t *) obstacles->data,
                                            obstacles->len);
  cairo_restore (cr);
}

/* Incidents over routes, as in the window; labels over both, but off the legend. */
static void
draw_overlays (AtlasMapPrinter      *self,
               cairo_t              *cr,
               const AtlasPrintView *view)
{
  AtlasPrintLegend legend = { 0, };
  AtlasPrintFurniture furniture;
  AtlasPrintLabels labels;

  _atlas_print_labels_init (&labels, view);
  _atlas_map_printer_draw_routes (self, cr, view, &labels, &legend);
  _atlas_map_printer_draw_incidents (self, cr, view, &labels, &legend);
  _atlas_map_printer_place_furniture (self, cr, view, &legend, &furniture);
  _atlas_print_labels_reserve (&labels, &furniture.scale_bar);
  _atlas_print_labels_reserve (&labels, &furniture.legend);
  _atlas_print_labels_reserve (&labels, &furniture.attribution);
  _atlas_map_printer_draw_labels (self, cr, view, &labels);
  draw_basemap_labels (self, cr, view, &labels);
  _atlas_print_labels_clear (&labels);
  _atlas_map_printer_draw_furniture (self, cr, view, &legend, &furniture);
  g_clear_pointer (&legend.routes, g_ptr_array_unref);
}

/**
 * atlas_map_printer_draw:
 * @cr: where to draw; the map's top-left corner is at the current origin
 * @width: the map's width, points
 * @height: the map's height, points
 * @frame: what the map shows
 *
 * Draws the basemap, the case's routes and incidents, a scale bar and a legend, clipped
 * to @width × @height. Safe on a worker thread: it touches no widget.
 *
 * Returns: %FALSE with @error set when the basemap could not be drawn or @cancellable was
 *   cancelled
 */
gboolean
atlas_map_printer_draw (AtlasMapPrinter      *self,
                        cairo_t              *cr,
                        double                width,
                        double                height,
                        const AtlasMapFrame  *frame,
                        GCancellable         *cancellable,
                        GError              **error)
{
  AtlasMapFrame magnified;
  AtlasPrintView view;
  cairo_surface_t *basemap;

  g_return_val_if_fail (ATLAS_IS_MAP_PRINTER (self), FALSE);
  g_return_val_if_fail (cr != NULL && frame != NULL, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);

  /* Drawn as on an A4 page, then magnified: the frame's zoom is for the page's points. */
  magnified = *frame;
  magnified.zoom -= log2 (self->magnification);
  init_view (self, &magnified, width / self->magnification, height / self->magnification,
             &view);
  if ((basemap = compose_basemap (self, &view, cancellable, error)) == NULL)
    return FALSE;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, self->magnification, self->magnification);
  paint_basemap (cr, &view, basemap);
  cairo_surface_destroy (basemap);
  draw_overlays (self, cr, &view);
  draw_frame_border (cr, &view);
  cairo_restore (cr);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the map could not be drawn: %s"),
                   cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }
  return TRUE;
}
