/* atlas-map-framing.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a map frames a subject, written once for the briefing on screen and on the page: what
 * the subject's bounds are (a place with room around it that suits how precisely it is
 * known, a route's stop with the legs into and out of it, a route whole with the outlines
 * of stops known only to a country, an actor with everything it has a role in, a step's
 * extent), and
 * the centre and zoom at which those bounds fill the part of the map that nothing covers:
 * on screen the caption card and the legend, on the page the whole map.
 */

#define G_LOG_DOMAIN "atlas-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-briefing-step.h"
#include "atlas-case-error.h"
#include "atlas-map-framing.h"
#include "atlas-mercator.h"
#include "atlas-outliers.h"
#include "atlas-stop-outline.h"

#define TILE_SIZE 256.0
#define MIN_ZOOM 1.0
/* the offline basemap's last zoom with detail */
#define MAX_ZOOM 12.0
/* room around the subject, for symbols and labels at its edge: pixels on each side, then a
 * share of what is left */
#define EDGE_ROOM 28.0
#define MARGIN 1.12
#define KM_PER_DEGREE_LATITUDE 111.2

static gboolean
overlaps (const cairo_rectangle_t *a,
          const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
overlaps_any (const cairo_rectangle_t *box,
              const cairo_rectangle_t *covered,
              guint                    n_covered)
{
  for (guint i = 0; i < n_covered; i++)
    if (overlaps (box, &covered[i]))
      return TRUE;
  return FALSE;
}

/* The map's edges and those of what covers it, clamped to the map. */
static guint
collect_edges (double                   extent,
               const cairo_rectangle_t *covered,
               guint                    n_covered,
               gboolean                 vertical,
               double                  *edges)
{
  guint n = 0;

  edges[n++] = 0;
  edges[n++] = extent;
  for (guint i = 0; i < n_covered; i++)
    {
      double start = vertical ? covered[i].y : covered[i].x;
      double size = vertical ? covered[i].height : covered[i].width;

      edges[n++] = CLAMP (start, 0, extent);
      edges[n++] = CLAMP (start + size, 0, extent);
    }
  return n;
}

static double
fit_zoom (const AtlasBounds       *subject,
          const cairo_rectangle_t *free_area)
{
  double x0 = atlas_mercator_x_from_longitude (subject->min_lon);
  double x1 = atlas_mercator_x_from_longitude (subject->max_lon);
  double y0 = atlas_mercator_y_from_latitude (subject->max_lat);
  double y1 = atlas_mercator_y_from_latitude (subject->min_lat);
  double room_x = MAX (free_area->width - 2 * EDGE_ROOM, free_area->width / 2) / MARGIN;
  double room_y = MAX (free_area->height - 2 * EDGE_ROOM, free_area->height / 2) / MARGIN;
  double zoom_x = x1 > x0 ? log2 (room_x / (TILE_SIZE * (x1 - x0))) : MAX_ZOOM;
  double zoom_y = y1 > y0 ? log2 (room_y / (TILE_SIZE * (y1 - y0))) : MAX_ZOOM;

  return CLAMP (MIN (zoom_x, zoom_y), MIN_ZOOM, MAX_ZOOM);
}

/* A free area that shows the subject at most this many zoom levels smaller (0.7 times as
 * large) than the closest one does is as good, if it is larger: the subject then sits in
 * the middle of the screen with its surroundings, rather than in a corner beside the
 * caption card (a briefing's Jiroft, framed 1.1 times larger right of the card at
 * 1280 × 800 and 1.4 times at 800 × 600, sat top right with its route cut at the edge). */
#define ZOOM_TOLERANCE 0.5

typedef struct {
  const AtlasBounds *subject;       /* nullable */
  double             closest_zoom;  /* the closest any free area frames the subject at */
  cairo_rectangle_t  best;
} AreaSearch;

typedef void (*AreaVisit) (const cairo_rectangle_t *box,
                           AreaSearch              *search);

/* Calls @visit on every rectangle of the map that nothing covers and whose sides lie on the
 * map's edges or on those of what covers it. */
static void
visit_free_areas (double                   width,
                  double                   height,
                  const cairo_rectangle_t *covered,
                  guint                    n_covered,
                  AreaVisit                visit,
                  AreaSearch              *search)
{
  g_autofree double *xs = g_new (double, 2 * n_covered + 2);
  g_autofree double *ys = g_new (double, 2 * n_covered + 2);
  guint n_x = collect_edges (width, covered, n_covered, FALSE, xs);
  guint n_y = collect_edges (height, covered, n_covered, TRUE, ys);

  for (guint x0 = 0; x0 < n_x; x0++)
    for (guint x1 = 0; x1 < n_x; x1++)
      for (guint y0 = 0; y0 < n_y; y0++)
        for (guint y1 = 0; y1 < n_y; y1++)
          {
            cairo_rectangle_t box = { xs[x0], ys[y0], xs[x1] - xs[x0], ys[y1] - ys[y0] };

            if (box.width > 0 && box.height > 0 && !overlaps_any (&box, covered, n_covered))
              visit (&box, search);
          }
}

static void
find_closest_zoom (const cairo_rectangle_t *box,
                   AreaSearch              *search)
{
  search->closest_zoom = MAX (search->closest_zoom, fit_zoom (search->subject, box));
}

/* The largest area that frames the subject within ZOOM_TOLERANCE of the closest. */
static void
find_best_area (const cairo_rectangle_t *box,
                AreaSearch              *search)
{
  if (search->subject != NULL
      && fit_zoom (search->subject, box) < search->closest_zoom - ZOOM_TOLERANCE)
    return;
  if (box->width * box->height > search->best.width * search->best.height)
    search->best = *box;
}

/**
 * atlas_map_framing_free_area:
 * @covered: (array length=n_covered): what covers parts of the map, in its coordinates
 * @subject: (nullable): what is to be framed in the area
 * @free_area: (out): the largest rectangle of the map that none of them covers, among
 *   those in which @subject shows nearly as large as it can (0.7 times at least)
 *
 * Every side of such a rectangle lies on the map's edge or on the edge of something that
 * covers it, so trying those edges finds it; there are only a few.
 */
void
atlas_map_framing_free_area (double                   width,
                             double                   height,
                             const cairo_rectangle_t *covered,
                             guint                    n_covered,
                             const AtlasBounds       *subject,
                             cairo_rectangle_t       *free_area)
{
  AreaSearch search = { subject, -G_MAXDOUBLE, { 0, 0, 0, 0 } };

  if (subject != NULL && atlas_bounds_is_empty (subject))
    search.subject = NULL;
  if (search.subject != NULL)
    visit_free_areas (width, height, covered, n_covered, find_closest_zoom, &search);
  visit_free_areas (width, height, covered, n_covered, find_best_area, &search);
  /* all of it covered: the map is all there is */
  if (search.best.width <= 0 || search.best.height <= 0)
    search.best = (cairo_rectangle_t) { 0, 0, width, height };
  *free_area = search.best;
}

/**
 * atlas_map_framing_fit:
 * @subject: what must be wholly in view
 * @width: the map's width
 * @height: the map's height
 * @free_area: the part of the map nothing covers
 * @frame: (out): the map's centre and zoom
 *
 * Frames @subject so that it fills @free_area, with room for symbols and labels at its
 * edges, centred in it; the zoom is fractional.
 */
void
atlas_map_framing_fit (const AtlasBounds       *subject,
                       double                   width,
                       double                   height,
                       const cairo_rectangle_t *free_area,
                       AtlasMapFrame           *frame)
{
  double x, y;

  g_return_if_fail (subject != NULL && !atlas_bounds_is_empty (subject));
  g_return_if_fail (free_area != NULL && frame != NULL);

  x = (atlas_mercator_x_from_longitude (subject->min_lon)
       + atlas_mercator_x_from_longitude (subject->max_lon)) / 2;
  y = (atlas_mercator_y_from_latitude (subject->max_lat)
       + atlas_mercator_y_from_latitude (subject->min_lat)) / 2;
  atlas_map_framing_centre (atlas_mercator_latitude_from_y (y),
                            atlas_mercator_longitude_from_x (x),
                            fit_zoom (subject, free_area), width, height, free_area, frame);
}

/**
 * atlas_map_framing_centre:
 * @frame: (out): the frame of a map of @width × @height at @zoom that shows @latitude,
 *   @longitude at the centre of @free_area
 */
void
atlas_map_framing_centre (double                   latitude,
                          double                   longitude,
                          double                   zoom,
                          double                   width,
                          double                   height,
                          const cairo_rectangle_t *free_area,
                          AtlasMapFrame           *frame)
{
  double world = TILE_SIZE * exp2 (zoom);
  double x = atlas_mercator_x_from_longitude (longitude);
  double y = atlas_mercator_y_from_latitude (latitude);

  frame->zoom = zoom;
  frame->longitude = atlas_mercator_longitude_from_x (
    x + (width / 2 - (free_area->x + free_area->width / 2)) / world);
  frame->latitude = atlas_mercator_latitude_from_y (
    CLAMP (y + (height / 2 - (free_area->y + free_area->height / 2)) / world, 0, 1));
}

/**
 * atlas_map_framing_project:
 * @x: (out): where @latitude, @longitude falls on a map of @width × @height framed so
 * @y: (out):
 */
void
atlas_map_framing_project (const AtlasMapFrame *frame,
                           double               width,
                           double               height,
                           double               latitude,
                           double               longitude,
                           double              *x,
                           double              *y)
{
  double world = TILE_SIZE * exp2 (frame->zoom);

  *x = width / 2 + (atlas_mercator_x_from_longitude (longitude)
                    - atlas_mercator_x_from_longitude (frame->longitude)) * world;
  *y = height / 2 + (atlas_mercator_y_from_latitude (latitude)
                     - atlas_mercator_y_from_latitude (frame->latitude)) * world;
}

/* Half the side of the area shown around a place, by how precisely it is known: enough for
 * the towns and borders around it to say where it is. */
static double
context_km (AtlasRecord *record)
{
  switch (atlas_location_precision_from_string (atlas_record_get_text (record,
                                                                       "location_precision")))
    {
    case ATLAS_LOCATION_COUNTRY:
      return 1000;
    case ATLAS_LOCATION_PROVINCE:
      return 500;
    case ATLAS_LOCATION_DISTRICT:
      return 320;
    case ATLAS_LOCATION_SITE:
    case ATLAS_LOCATION_TOWN:
    default:
      return 250;
    }
}

/**
 * atlas_map_framing_point_bounds:
 * @record: an incident or a waypoint
 * @bounds: (out): the place with room around it that suits how precisely it is known
 */
void
atlas_map_framing_point_bounds (AtlasRecord *record,
                                AtlasBounds *bounds)
{
  double latitude = atlas_record_get_double (record, "latitude");
  double longitude = atlas_record_get_double (record, "longitude");
  double half_lat = context_km (record) / KM_PER_DEGREE_LATITUDE;
  double half_lon = half_lat / MAX (cos (latitude * G_PI / 180), 0.1);

  *bounds = (AtlasBounds) { MAX (longitude - half_lon, -180), MAX (latitude - half_lat, -85),
                            MIN (longitude + half_lon, 180), MIN (latitude + half_lat, 85) };
}

/* A stop drawn as a country's outline (atlas-stop-outline.c) is in view only with all of it,
 * not just the point standing in for the country. */
static void
extend_with_outline (AtlasRecord *waypoint,
                     AtlasBounds *bounds)
{
  AtlasBasemap *basemap = NULL;
  int country = atlas_stop_outline_find (waypoint, &basemap);

  if (country < 0)
    return;
  for (guint r = 0; r < atlas_basemap_get_country_shape (basemap, country)->n_rings; r++)
    {
      guint n;
      const double *xy = atlas_basemap_get_country_ring (basemap, country, r, &n);

      /* a ring across the antimeridian leaves [0, 1]: the map does not wrap */
      for (guint i = 0; i < n; i++)
        atlas_bounds_extend (bounds, atlas_mercator_latitude_from_y (CLAMP (xy[2 * i + 1], 0, 1)),
                             atlas_mercator_longitude_from_x (CLAMP (xy[2 * i], 0, 1)));
    }
}

static void
extend_with_stop (AtlasRecord *waypoint,
                  AtlasBounds *bounds)
{
  atlas_bounds_extend (bounds, atlas_record_get_double (waypoint, "latitude"),
                       atlas_record_get_double (waypoint, "longitude"));
  extend_with_outline (waypoint, bounds);
}

static void
extend_with_route (AtlasCase   *atlas_case,
                   const char  *route_key,
                   AtlasBounds *bounds)
{
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (atlas_case, route_key, NULL);

  for (guint i = 0; waypoints != NULL && i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);

      extend_with_stop (waypoint, bounds);
    }
}

/* The stops before and after @waypoint on its route: the legs into and out of it. */
static void
extend_with_neighbours (AtlasCase   *atlas_case,
                        AtlasRecord *waypoint,
                        AtlasBounds *bounds)
{
  g_autoptr(GListModel) waypoints = atlas_case_list_waypoints (
    atlas_case, atlas_record_get_text (waypoint, "route_key"), NULL);
  guint n = waypoints != NULL ? g_list_model_get_n_items (waypoints) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) stop = g_list_model_get_item (waypoints, i);

      if (g_strcmp0 (atlas_record_get_key (stop), atlas_record_get_key (waypoint)) != 0)
        continue;
      for (guint j = MAX (i, 1) - 1; j <= MIN (i + 1, n - 1); j++)
        {
          g_autoptr(AtlasRecord) neighbour = g_list_model_get_item (waypoints, j);

          extend_with_stop (neighbour, bounds);
        }
      return;
    }
}

/* An actor is framed by everything it has a role in. */
static gboolean
extend_with_actor (AtlasCase    *atlas_case,
                   const char   *actor_key,
                   AtlasBounds  *bounds,
                   GError      **error)
{
  g_autoptr(GListModel) roles = atlas_case_list_roles_of_actor (atlas_case, actor_key, error);

  for (guint i = 0; roles != NULL && i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(AtlasRecord) role = g_list_model_get_item (roles, i);
      const char *kind = atlas_record_get_text (role, "subject_kind");
      const char *key = atlas_record_get_text (role, "subject_key");
      g_autoptr(AtlasRecord) subject = NULL;

      if (g_strcmp0 (kind, "route") == 0)
        extend_with_route (atlas_case, key, bounds);
      else if ((g_strcmp0 (kind, "incident") == 0 || g_strcmp0 (kind, "waypoint") == 0)
               && (subject = atlas_case_lookup (atlas_case, kind, key, NULL)) != NULL)
        extend_with_stop (subject, bounds);
    }
  return roles != NULL;
}

/* A place with room around it; a route's stop also with its outline, if it is drawn as one,
 * and the legs into and out of it, which say where it lies on the route. */
static gboolean
point_bounds (AtlasCase    *atlas_case,
              const char   *kind,
              const char   *key,
              AtlasBounds  *bounds,
              GError      **error)
{
  g_autoptr(AtlasRecord) record = atlas_case_lookup (atlas_case, kind, key, error);

  if (record == NULL)
    return FALSE;
  atlas_map_framing_point_bounds (record, bounds);
  if (g_str_equal (kind, "waypoint"))
    {
      extend_with_outline (record, bounds);
      extend_with_neighbours (atlas_case, record, bounds);
    }
  return TRUE;
}

/**
 * atlas_map_framing_subject_bounds:
 * @kind: "incident", "waypoint", "route" or "actor"
 * @bounds: (out): what a map of the subject must show
 *
 * Returns: %FALSE with @error set when the case has no such subject, or nothing to show
 */
gboolean
atlas_map_framing_subject_bounds (AtlasCase    *atlas_case,
                                  const char   *kind,
                                  const char   *key,
                                  AtlasBounds  *bounds,
                                  GError      **error)
{
  g_return_val_if_fail (ATLAS_IS_CASE (atlas_case), FALSE);
  g_return_val_if_fail (kind != NULL && key != NULL && bounds != NULL, FALSE);

  if (g_str_equal (kind, "incident") || g_str_equal (kind, "waypoint"))
    return point_bounds (atlas_case, kind, key, bounds, error);

  atlas_bounds_init_empty (bounds);
  if (g_str_equal (kind, "route"))
    extend_with_route (atlas_case, key, bounds);
  else if (g_str_equal (kind, "actor") && !extend_with_actor (atlas_case, key, bounds, error))
    return FALSE;

  if (atlas_bounds_is_empty (bounds))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                   _("nothing on the map belongs to %s “%s”"), kind, key);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_map_framing_step_bounds:
 * @step: a briefing step
 * @bounds: (out): what the step's map must show: the view it was made from, its extent, or
 *   its subject's bounds
 */
gboolean
atlas_map_framing_step_bounds (AtlasCase    *atlas_case,
                               AtlasRecord  *step,
                               AtlasBounds  *bounds,
                               GError      **error)
{
  const char *kind;

  g_return_val_if_fail (ATLAS_IS_RECORD (step), FALSE);

  kind = atlas_record_get_text (step, "subject_kind");
  /* a step made from a view shows that view, whatever its subject */
  if (g_strcmp0 (kind, "extent") != 0 && !atlas_briefing_step_get_view (step, NULL, NULL, NULL))
    return atlas_map_framing_subject_bounds (atlas_case, kind ? kind : "",
                                             atlas_record_get_text (step, "subject_key")
                                             ? atlas_record_get_text (step, "subject_key") : "",
                                             bounds, error);

  *bounds = (AtlasBounds) { atlas_record_get_double (step, "min_lon"),
                            atlas_record_get_double (step, "min_lat"),
                            atlas_record_get_double (step, "max_lon"),
                            atlas_record_get_double (step, "max_lat") };
  if (atlas_bounds_is_empty (bounds))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("its extent is not a box of longitudes and latitudes"));
      return FALSE;
    }
  return TRUE;
}

/* The extent that holds most incidents, leaving out those an import probably misplaced
 * (atlas-outliers.c): framed with them, a case opens at world zoom. */

/**
 * atlas_map_framing_is_suspect:
 * @x: a position in Web Mercator units, 0 to 1 from west to east
 * @y: 0 to 1 from north to south
 *
 * Returns: whether the position is at 0,0 or on the world's edge, where a coordinate that
 *   was missing or wrong puts a row (atlas_outlier_at())
 */
gboolean
atlas_map_framing_is_suspect (double x,
                              double y)
{
  return atlas_outlier_at (x, y) != ATLAS_OUTLIER_NONE;
}

static void
extend_by_position (AtlasBounds                *extent,
                    const AtlasClusterPosition *position,
                    double                      reach)
{
  double x0 = CLAMP (position->x - reach, 0, 1), x1 = CLAMP (position->x + reach, 0, 1);
  double y0 = CLAMP (position->y - reach, 0, 1), y1 = CLAMP (position->y + reach, 0, 1);

  atlas_bounds_extend (extent, atlas_mercator_latitude_from_y (y0),
                       atlas_mercator_longitude_from_x (x0));
  atlas_bounds_extend (extent, atlas_mercator_latitude_from_y (y1),
                       atlas_mercator_longitude_from_x (x1));
}

/**
 * atlas_map_framing_main_extent:
 * @positions: (array length=n_positions): where the incidents are, as clusters with counts
 * @reach: how far from its position a cluster's incidents may lie, in Web Mercator units
 * @extent: (out): the box around the incidents that are not left out
 *
 * Leaves out the incidents atlas_outliers_find() finds misplaced: at 0,0 or on the world's
 * edge (unless all are), then those far from all the others, if they are few.
 *
 * Returns: how many incidents lie outside @extent
 */
guint64
atlas_map_framing_main_extent (const AtlasClusterPosition *positions,
                               guint                       n_positions,
                               double                      reach,
                               AtlasBounds                *extent)
{
  g_autofree AtlasOutlier *outliers = NULL;
  guint64 left_out = 0;

  g_return_val_if_fail (positions != NULL || n_positions == 0, 0);

  outliers = atlas_outliers_find (positions, n_positions, &left_out);
  atlas_bounds_init_empty (extent);
  for (guint i = 0; i < n_positions; i++)
    if (outliers[i] == ATLAS_OUTLIER_NONE)
      extend_by_position (extent, &positions[i], positions[i].count > 1 ? reach : 0);
  return left_out;
}
