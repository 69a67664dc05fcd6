/* atlas-route-painter.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a route looks, written once for the map on screen and the printed page: the line
 * through its waypoints with a halo, arrows for the direction of travel, numbered waypoint
 * symbols, and the text of leg and place labels. Only the sizes differ between the media.
 * Where labels go is the caller's business; what they say and how they are drawn is here.
 *
 * A leg says no more than its sources: when either end is known only to a province or a
 * country, no source gives the path between them, and the leg is faint dots labelled "path
 * not given", with no distance. A leg is dated only when both its ends are; a stop's own
 * date goes with the stop's label.
 *
 * A stop known only to its country stands for the whole country: it is drawn as the
 * country's shaded outline (from the offline basemap) with its number in a dashed ring, and
 * its legs end at the outline, where they leave or reach the country, rather than at a
 * capital standing in for it.
 *
 * Every drawing starts a path of its own and leaves none behind: text shown with Pango
 * leaves a current point, from which the next arc or line would otherwise draw a line
 * joining one route to another.
 */

#define G_LOG_DOMAIN "atlas-render"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-basemap.h"
#include "atlas-date-words.h"
#include "atlas-geo.h"
#include "atlas-map-style.h"
#include "atlas-mercator.h"
#include "atlas-route-painter.h"
#include "atlas-stop-outline.h"

#define FONT_FAMILY "Cantarell"

typedef struct {
  double line_width;
  double emphasis;          /* added to the line width of a selected route */
  double halo;              /* added to the line width for its halo */
  double arrow;             /* an arrow's half length */
  double waypoint_radius;
  double waypoint_emphasis; /* added to the radius of a selected waypoint */
  double waypoint_line;
  double min_leg_for_arrow;
  double min_leg_for_label;
  double leg_label_offset;  /* from the leg's middle, across it */
  double text_size;
  double small_text_size;
  double text_halo;
} Metrics;

/* Screen sizes are widget pixels: 11 and 9.5 point text at 96 dpi. */
static const Metrics metrics[] = {
  [ATLAS_ROUTE_MEDIUM_SCREEN] = { 4.0, 2.0, 4.0, 8.0, 10.0, 3.0, 2.5,
                                  48.0, 110.0, 16.0, 14.67, 12.67, 3.5 },
  [ATLAS_ROUTE_MEDIUM_PAPER] = { 2.6, 1.2, 2.6, 5.5, 7.0, 1.5, 1.8,
                                 34.0, 90.0, 11.0, 8.5, 7.0, 3.2 },
};

/* The selection's blue, as the window draws it. */
#define HIGHLIGHT_RGB 0.21, 0.52, 0.89

static const Metrics *
metrics_of (const AtlasRoutePainter *self)
{
  return &metrics[self->medium];
}

/**
 * atlas_route_painter_init:
 * @project: (nullable): where a latitude and longitude fall in the drawing; %NULL for a
 *   painter that only draws legend samples and labels
 *
 * Sets up @self to draw routes for @medium, over the light basemap.
 */
void
atlas_route_painter_init (AtlasRoutePainter     *self,
                          AtlasRouteMedium       medium,
                          AtlasRouteProjectFunc  project,
                          gpointer               project_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (medium <= ATLAS_ROUTE_MEDIUM_PAPER);

  self->medium = medium;
  self->dark = FALSE;
  self->text_scale = 1.0;
  self->project = project;
  self->project_data = project_data;
}

void
atlas_route_painter_project (const AtlasRoutePainter *self,
                             AtlasRecord             *waypoint,
                             double                  *x,
                             double                  *y)
{
  g_return_if_fail (self->project != NULL);

  self->project (self->project_data, atlas_record_get_double (waypoint, "latitude"),
                 atlas_record_get_double (waypoint, "longitude"), x, y);
}

/**
 * atlas_route_painter_get_label_colours:
 * @text: (out): the colour of a label's text
 * @halo: (out): the colour of its halo (and of a line's), which may let the map show
 *   through a little
 *
 * Whatever the map's colour under the halo, the text stands out from it 4.5:1 (WCAG 2.1 AA
 * for small text), dimmed text included.
 */
void
atlas_route_painter_get_label_colours (const AtlasRoutePainter *self,
                                       AtlasRouteLabelFlags     flags,
                                       AtlasLabelColour        *text,
                                       AtlasLabelColour        *halo)
{
  if (self->dark)
    *halo = (AtlasLabelColour) { 0.12, 0.12, 0.14, 0.9 };
  else
    *halo = (AtlasLabelColour) { 1, 1, 1, 0.92 };

  /* dimmed text is grey rather than translucent, so what lies under it stays hidden */
  if ((flags & ATLAS_ROUTE_LABEL_DIM) && self->dark)
    *text = (AtlasLabelColour) { 0.66, 0.66, 0.69, 1 };
  else if (flags & ATLAS_ROUTE_LABEL_DIM)
    *text = (AtlasLabelColour) { 0.36, 0.36, 0.39, 1 };
  else if (self->dark)
    *text = (AtlasLabelColour) { 0.93, 0.93, 0.93, 1 };
  else
    *text = (AtlasLabelColour) { 0.14, 0.14, 0.16, 1 };
}

static void
set_colour (cairo_t                *cr,
            const AtlasLabelColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

static void
set_halo (const AtlasRoutePainter *self,
          cairo_t                 *cr)
{
  AtlasLabelColour text, halo;

  atlas_route_painter_get_label_colours (self, 0, &text, &halo);
  set_colour (cr, &halo);
}

static void
set_text_colour (const AtlasRoutePainter *self,
                 cairo_t                 *cr,
                 AtlasRouteLabelFlags     flags)
{
  AtlasLabelColour text, halo;

  atlas_route_painter_get_label_colours (self, flags, &text, &halo);
  set_colour (cr, &text);
}

/* Reported routes are solid; alleged and contested ones dashed (atlas_route_sample_of()). */
gboolean
atlas_route_is_reported (AtlasRecord *route)
{
  return g_strcmp0 (atlas_record_get_text (route, "status"), "reported") == 0;
}

/* How @route's line is drawn: by its status, an unknown one as alleged. */
AtlasRouteSample
atlas_route_sample_of (AtlasRecord *route)
{
  const char *status = atlas_record_get_text (route, "status");

  if (g_strcmp0 (status, "reported") == 0)
    return ATLAS_ROUTE_SAMPLE_REPORTED;
  if (g_strcmp0 (status, "contested") == 0)
    return ATLAS_ROUTE_SAMPLE_CONTESTED;
  return ATLAS_ROUTE_SAMPLE_ALLEGED;
}

/**
 * atlas_route_leg_path_known:
 *
 * Whether a source gives the path of the leg from @from to @to: not when either end is
 * known only to a province or a country (its location_precision), since a line from a
 * stand-in point, a capital or a province's centre, would say more than the sources.
 */
gboolean
atlas_route_leg_path_known (AtlasRecord *from,
                            AtlasRecord *to)
{
  static const char * const vague[] = { "province", "country", NULL };

  return !g_strv_contains (vague, atlas_record_get_text (from, "location_precision") ?: "")
         && !g_strv_contains (vague, atlas_record_get_text (to, "location_precision") ?: "");
}

static gboolean
leg_known (GPtrArray *waypoints,
           guint      to)
{
  return atlas_route_leg_path_known (g_ptr_array_index (waypoints, to - 1),
                                     g_ptr_array_index (waypoints, to));
}

/* Country outlines. */

static void
project_mercator (const AtlasRoutePainter *self,
                  const double            *xy,
                  double                  *x,
                  double                  *y)
{
  self->project (self->project_data, atlas_mercator_latitude_from_y (xy[1]),
                 atlas_mercator_longitude_from_x (xy[0]), x, y);
}

static void
trace_country (const AtlasRoutePainter *self,
               cairo_t                 *cr,
               AtlasBasemap            *basemap,
               int                      country)
{
  cairo_new_path (cr);
  for (guint r = 0; r < atlas_basemap_get_country_shape (basemap, country)->n_rings; r++)
    {
      guint n;
      const double *xy = atlas_basemap_get_country_ring (basemap, country, r, &n);

      for (guint i = 0; i < n; i++)
        {
          double x, y;

          project_mercator (self, xy + 2 * i, &x, &y);
          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

/* The point of the country's outline nearest (@x, @y), in the drawing's coordinates. */
static void
nearest_on_outline (const AtlasRoutePainter *self,
                    AtlasBasemap            *basemap,
                    int                      country,
                    double                  *x,
                    double                  *y)
{
  double best = G_MAXDOUBLE, best_x = *x, best_y = *y;

  for (guint r = 0; r < atlas_basemap_get_country_shape (basemap, country)->n_rings; r++)
    {
      guint n;
      const double *xy = atlas_basemap_get_country_ring (basemap, country, r, &n);

      for (guint i = 0; i < n; i++)
        {
          double px, py, d;

          project_mercator (self, xy + 2 * i, &px, &py);
          d = hypot (px - *x, py - *y);
          if (d < best)
            {
              best = d;
              best_x = px;
              best_y = py;
            }
        }
    }
  *x = best_x;
  *y = best_y;
}

/* Where the leg between waypoints @at and @other ends at @at's side: the stop itself, or,
 * for a stop known only to its country, the country's outline nearest the other end. */
static void
leg_end (const AtlasRoutePainter *self,
         GPtrArray               *waypoints,
         guint                    at,
         guint                    other,
         double                  *x,
         double                  *y)
{
  AtlasBasemap *basemap = NULL;
  int country = atlas_stop_outline_find (g_ptr_array_index (waypoints, at), &basemap);

  if (country < 0)
    {
      atlas_route_painter_project (self, g_ptr_array_index (waypoints, at), x, y);
      return;
    }
  atlas_route_painter_project (self, g_ptr_array_index (waypoints, other), x, y);
  nearest_on_outline (self, basemap, country, x, y);
}

/* The legs whose path is (or is not) @known, each run of them a path of its own; a leg that
 * reaches or leaves a country's outline starts a path of its own too. */
static void
trace_legs (const AtlasRoutePainter *self,
            cairo_t                 *cr,
            GPtrArray               *waypoints,
            gboolean                 known)
{
  AtlasBasemap *basemap = NULL;

  cairo_new_path (cr);
  for (guint i = 1; i < waypoints->len; i++)
    {
      double x, y;

      if (leg_known (waypoints, i) != known)
        continue;
      if (i == 1 || leg_known (waypoints, i - 1) != known ||
          atlas_stop_outline_find (g_ptr_array_index (waypoints, i - 1), &basemap) >= 0)
        {
          leg_end (self, waypoints, i - 1, i, &x, &y);
          cairo_move_to (cr, x, y);
        }
      leg_end (self, waypoints, i, i - 1, &x, &y);
      cairo_line_to (cr, x, y);
    }
}

static void
stroke_line (const AtlasRoutePainter *self,
             cairo_t                 *cr,
             GPtrArray               *waypoints,
             AtlasRouteSample         sample,
             double                   width)
{
  const Metrics *m = metrics_of (self);

  trace_legs (self, cr, waypoints, TRUE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  set_halo (self, cr);
  cairo_set_line_width (cr, width + m->halo);
  cairo_stroke_preserve (cr);

  atlas_map_style_set_route_colour (cr, sample == ATLAS_ROUTE_SAMPLE_REPORTED);
  cairo_set_line_width (cr, width);
  atlas_map_style_set_route_dash (cr, sample, width, width);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_arrow (const AtlasRoutePainter *self,
            cairo_t                 *cr,
            double                   x1,
            double                   y1,
            double                   x2,
            double                   y2,
            gboolean                 solid)
{
  double a = metrics_of (self)->arrow / 8.0;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, (x1 + x2) / 2, (y1 + y2) / 2);
  cairo_rotate (cr, atan2 (y2 - y1, x2 - x1));
  cairo_move_to (cr, 8 * a, 0);
  cairo_line_to (cr, -6 * a, -6.5 * a);
  cairo_line_to (cr, -3 * a, 0);
  cairo_line_to (cr, -6 * a, 6.5 * a);
  cairo_close_path (cr);
  set_halo (self, cr);
  cairo_set_line_width (cr, 3 * a);
  cairo_stroke_preserve (cr);
  atlas_map_style_set_route_colour (cr, solid);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_arrows (const AtlasRoutePainter *self,
             cairo_t                 *cr,
             GPtrArray               *waypoints,
             gboolean                 solid)
{
  for (guint i = 1; i < waypoints->len; i++)
    {
      double x1, y1, x2, y2;

      if (!leg_known (waypoints, i))
        continue;
      atlas_route_painter_project (self, g_ptr_array_index (waypoints, i - 1), &x1, &y1);
      atlas_route_painter_project (self, g_ptr_array_index (waypoints, i), &x2, &y2);
      if (hypot (x2 - x1, y2 - y1) >= metrics_of (self)->min_leg_for_arrow)
        draw_arrow (self, cr, x1, y1, x2, y2, solid);
    }
}

/**
 * atlas_route_painter_draw_line:
 * @waypoints: (element-type AtlasRecord): the route's waypoints in travel order
 * @emphasised: whether the route is selected or the subject of the page
 *
 * Draws the route's line with its halo, and arrows on the legs long enough for one; legs
 * whose path no source gives are faint dots (atlas_route_leg_path_known()).
 */
void
atlas_route_painter_draw_line (const AtlasRoutePainter *self,
                               cairo_t                 *cr,
                               AtlasRecord             *route,
                               GPtrArray               *waypoints,
                               gboolean                 emphasised)
{
  const Metrics *m;
  AtlasRouteSample sample;

  g_return_if_fail (self != NULL && cr != NULL && route != NULL && waypoints != NULL);

  m = metrics_of (self);
  sample = atlas_route_sample_of (route);
  if (waypoints->len > 1)
    {
      double width = emphasised ? m->line_width + m->emphasis : m->line_width;

      trace_legs (self, cr, waypoints, FALSE);
      atlas_map_style_stroke_path_not_given (cr, sample, width);
      stroke_line (self, cr, waypoints, sample, width);
      draw_arrows (self, cr, waypoints, sample == ATLAS_ROUTE_SAMPLE_REPORTED);
    }
  cairo_new_path (cr);
}

/**
 * atlas_route_painter_draw_sample:
 * @y: the middle of the sample
 *
 * Draws a legend's sample of @sample's line from @x, @width long, as routes are drawn.
 */
void
atlas_route_painter_draw_sample (const AtlasRoutePainter *self,
                                 cairo_t                 *cr,
                                 double                   x,
                                 double                   y,
                                 double                   width,
                                 AtlasRouteSample         sample)
{
  AtlasRouteSample line_sample = sample & ~ATLAS_ROUTE_SAMPLE_PATH_NOT_GIVEN;
  double line;

  g_return_if_fail (self != NULL && cr != NULL);

  line = metrics_of (self)->line_width * 0.85;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x + line / 2, y);
  cairo_line_to (cr, x + width - line / 2, y);
  if (sample & ATLAS_ROUTE_SAMPLE_PATH_NOT_GIVEN)
    atlas_map_style_stroke_path_not_given (cr, line_sample, line);
  else
    {
      cairo_set_line_width (cr, line);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      atlas_map_style_set_route_colour (cr, line_sample == ATLAS_ROUTE_SAMPLE_REPORTED);
      atlas_map_style_set_route_dash (cr, line_sample, line * 0.6, 0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

double
atlas_route_painter_waypoint_radius (const AtlasRoutePainter *self,
                                     gboolean                 emphasised)
{
  const Metrics *m = metrics_of (self);

  return emphasised ? m->waypoint_radius + m->waypoint_emphasis : m->waypoint_radius;
}

static void
draw_ring (cairo_t *cr,
           double   x,
           double   y,
           double   radius,
           double   width)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, HIGHLIGHT_RGB, 0.30);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, HIGHLIGHT_RGB);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_number (const AtlasRoutePainter *self,
             cairo_t                 *cr,
             guint                    number,
             double                   x,
             double                   y,
             gboolean                 solid)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autoptr(PangoLayout) layout =
    atlas_route_painter_create_layout (self, cr, text,
                                       ATLAS_ROUTE_LABEL_SMALL | ATLAS_ROUTE_LABEL_BOLD);
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, NULL);
  cairo_move_to (cr, x - (ink.x + ink.width / 2.0) / PANGO_SCALE,
                 y - (ink.y + ink.height / 2.0) / PANGO_SCALE);
  atlas_map_style_set_route_colour (cr, solid);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

/* The country a stop stands for, shaded in the route's colour under a firmer outline. */
static void
draw_country_outline (const AtlasRoutePainter *self,
                      cairo_t                 *cr,
                      AtlasBasemap            *basemap,
                      int                      country,
                      gboolean                 solid,
                      gboolean                 faint)
{
  cairo_save (cr);
  trace_country (self, cr, basemap, country);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, metrics_of (self)->waypoint_line * 0.8);
  cairo_push_group (cr);
  atlas_map_style_set_route_colour (cr, solid);
  cairo_fill_preserve (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, faint ? 0.06 : 0.16);
  cairo_push_group (cr);
  atlas_map_style_set_route_colour (cr, solid);
  cairo_stroke (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, faint ? 0.35 : 0.8);
  cairo_restore (cr);
  cairo_new_path (cr);
}

/**
 * atlas_route_painter_draw_waypoint:
 * @waypoints: (element-type AtlasRecord): the route's waypoints in travel order
 * @index: which of them to draw
 *
 * Draws the waypoint's numbered symbol; one not yet reached is a faint outline only. A stop
 * known only to its country is the country's shaded outline, its number in a dashed ring.
 */
void
atlas_route_painter_draw_waypoint (const AtlasRoutePainter *self,
                                   cairo_t                 *cr,
                                   AtlasRecord             *route,
                                   GPtrArray               *waypoints,
                                   guint                    index,
                                   AtlasRouteWaypointFlags  flags)
{
  gboolean emphasised = (flags & ATLAS_ROUTE_WAYPOINT_EMPHASISED) != 0;
  double radius, line, x, y;
  gboolean solid;
  AtlasBasemap *basemap = NULL;
  int country;

  g_return_if_fail (self != NULL && cr != NULL && route != NULL && waypoints != NULL);
  g_return_if_fail (index < waypoints->len);

  solid = atlas_route_is_reported (route);
  radius = atlas_route_painter_waypoint_radius (self, emphasised);
  line = metrics_of (self)->waypoint_line;
  atlas_route_painter_project (self, g_ptr_array_index (waypoints, index), &x, &y);
  country = atlas_stop_outline_find (g_ptr_array_index (waypoints, index), &basemap);
  if (country >= 0)
    draw_country_outline (self, cr, basemap, country, solid,
                          (flags & ATLAS_ROUTE_WAYPOINT_NOT_REACHED) != 0);
  if (flags & ATLAS_ROUTE_WAYPOINT_RING)
    draw_ring (cr, x, y, radius + line * 2.5, line);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  if (flags & ATLAS_ROUTE_WAYPOINT_NOT_REACHED)
    {
      atlas_map_style_set_route_colour (cr, solid);
      cairo_set_line_width (cr, line * 0.6);
      cairo_stroke (cr);
      return;
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  atlas_map_style_set_route_colour (cr, solid);
  cairo_set_line_width (cr, emphasised ? line * 1.5 : line);
  if (country >= 0)
    {
      /* somewhere in the country, not at this point */
      double dash[] = { line * 1.6, line * 1.2 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_number (self, cr, index + 1, x, y, solid);
}

/* The distance of a leg whose path is known, and its dates when both ends have one. */
static char *
leg_text (AtlasRecord *from,
          AtlasRecord *to)
{
  double km;
  g_autofree char *distance = NULL;
  g_autofree char *dates = NULL;

  if (!atlas_route_leg_path_known (from, to))
    /* Translators: a leg of a route whose path no source gives */
    return g_strdup (C_("route leg", "path not given"));

  km = atlas_geo_distance_km (atlas_record_get_double (from, "latitude"),
                              atlas_record_get_double (from, "longitude"),
                              atlas_record_get_double (to, "latitude"),
                              atlas_record_get_double (to, "longitude"));
  distance = atlas_geo_format_distance (km);
  dates = atlas_date_words_short_range (atlas_record_get_text (from, "date"),
                                        atlas_record_get_text (to, "date"));
  if (dates == NULL)
    return g_steal_pointer (&distance);
  /* Translators: a leg's distance, then its dates */
  return g_strdup_printf (C_("route leg", "%s · %s"), distance, dates);
}

/**
 * atlas_route_painter_leg_label:
 * @x: (out): where the label's centre goes
 * @y: (out):
 *
 * Leg labels sit beside the middle of the leg: its distance, and its dates when both its
 * ends are dated, or "path not given".
 *
 * Returns: (transfer full) (nullable): what the leg from @from to @to says, or %NULL when
 *   it is too short in the drawing for a label
 */
char *
atlas_route_painter_leg_label (const AtlasRoutePainter *self,
                               AtlasRecord             *from,
                               AtlasRecord             *to,
                               double                  *x,
                               double                  *y)
{
  const Metrics *m;
  double x1, y1, x2, y2, length;

  g_return_val_if_fail (self != NULL && from != NULL && to != NULL, NULL);

  m = metrics_of (self);
  atlas_route_painter_project (self, from, &x1, &y1);
  atlas_route_painter_project (self, to, &x2, &y2);
  length = hypot (x2 - x1, y2 - y1);
  if (length < m->min_leg_for_label)
    return NULL;
  *x = (x1 + x2) / 2 - (y2 - y1) / length * m->leg_label_offset;
  *y = (y1 + y2) / 2 + (x2 - x1) / length * m->leg_label_offset;
  return leg_text (from, to);
}

/**
 * atlas_route_painter_create_layout:
 *
 * Returns: (transfer full): @text in the map's typeface at the medium's size, never markup
 */
PangoLayout *
atlas_route_painter_create_layout (const AtlasRoutePainter *self,
                                   cairo_t                 *cr,
                                   const char              *text,
                                   AtlasRouteLabelFlags     flags)
{
  const Metrics *m = metrics_of (self);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  double size = (flags & ATLAS_ROUTE_LABEL_SMALL) ? m->small_text_size : m->text_size;

  size *= self->text_scale > 0 ? self->text_scale : 1.0;

  /* whole-point glyph positions would space small print unevenly on paper */
  if (self->medium == ATLAS_ROUTE_MEDIUM_PAPER)
    pango_context_set_round_glyph_positions (pango_layout_get_context (layout), FALSE);
  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, (flags & ATLAS_ROUTE_LABEL_BOLD)
                                           ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * atlas_route_painter_show_layout:
 *
 * Draws @layout with its top-left corner at @x, @y and a halo, so it reads on any basemap.
 * The text stays text in a PDF (searchable, selectable); only its halo is a path.
 */
void
atlas_route_painter_show_layout (const AtlasRoutePainter *self,
                                 cairo_t                 *cr,
                                 PangoLayout             *layout,
                                 double                   x,
                                 double                   y,
                                 AtlasRouteLabelFlags     flags)
{
  g_return_if_fail (self != NULL && cr != NULL && PANGO_IS_LAYOUT (layout));

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_halo (self, cr);
  cairo_set_line_width (cr, metrics_of (self)->text_halo);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y);
  set_text_colour (self, cr, flags);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);
}

/**
 * atlas_route_painter_show_card:
 *
 * Draws @layout with its top-left corner at @x, @y on a card of the basemap's paper colour:
 * a place's name reads over the basemap's own labels.
 */
void
atlas_route_painter_show_card (const AtlasRoutePainter *self,
                               cairo_t                 *cr,
                               PangoLayout             *layout,
                               double                   x,
                               double                   y,
                               AtlasRouteLabelFlags     flags)
{
  double alpha = (flags & ATLAS_ROUTE_LABEL_BOLD) ? 0.95 : 0.85;
  PangoRectangle logical;
  double width, height, r = 2.5;

  g_return_if_fail (self != NULL && cr != NULL && PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  width = logical.width / (double) PANGO_SCALE + 5;
  height = logical.height / (double) PANGO_SCALE + 1;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x - 2.5 + width - r, y - 0.5 + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x - 2.5 + width - r, y - 0.5 + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x - 2.5 + r, y - 0.5 + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x - 2.5 + r, y - 0.5 + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  if (self->dark)
    cairo_set_source_rgba (cr, 0.12, 0.12, 0.14, alpha);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_fill (cr);

  cairo_move_to (cr, x, y);
  set_text_colour (self, cr, flags);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  cairo_restore (cr);
}

/* Draws @text with a halo at @x, @y: centred there, or left-anchored at its middle. */
void
atlas_route_painter_show_label (const AtlasRoutePainter *self,
                                cairo_t                 *cr,
                                const char              *text,
                                double                   x,
                                double                   y,
                                AtlasRouteLabelFlags     flags)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double width, height;

  g_return_if_fail (self != NULL && cr != NULL && text != NULL);

  layout = atlas_route_painter_create_layout (self, cr, text, flags);
  pango_layout_get_extents (layout, NULL, &logical);
  width = logical.width / (double) PANGO_SCALE;
  height = logical.height / (double) PANGO_SCALE;
  atlas_route_painter_show_layout (self, cr, layout,
                                   (flags & ATLAS_ROUTE_LABEL_CENTRED) ? x - width / 2 : x,
                                   y - height / 2, flags);
}

/**
 * atlas_route_place_label:
 *
 * Returns: (transfer full): the place as a short label: what comes before any explanation
 *   in brackets; empty when there is no place
 */
char *
atlas_route_place_label (AtlasRecord *record)
{
  const char *place = atlas_record_get_text (record, "place");
  const char *bracket;

  if (place == NULL)
    return g_strdup ("");
  bracket = strstr (place, " (");
  return bracket ? g_strndup (place, bracket - place) : g_strdup (place);
}

/**
 * atlas_route_stop_label:
 *
 * Returns: (transfer full): a waypoint's short place, with its date when it has one
 */
char *
atlas_route_stop_label (AtlasRecord *waypoint)
{
  g_autofree char *place = atlas_route_place_label (waypoint);
  g_autofree char *date = atlas_date_words_short (atlas_record_get_text (waypoint, "date"));

  if (date == NULL)
    return g_steal_pointer (&place);
  if (*place == '\0')
    return g_steal_pointer (&date);
  /* Translators: a route's stop, then its date */
  return g_strdup_printf (C_("route stop", "%s · %s"), place, date);
}
