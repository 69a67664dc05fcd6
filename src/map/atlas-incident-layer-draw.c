/* atlas-incident-layer-draw.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a frame of the incident layer draws: the clusters the index gives for the view,
 * sized so no two badges overlap and ringed by their categories, single incidents with
 * their symbol and the halo of what is known of their place, and the selection on top.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "atlas-badge-layout.h"
#include "atlas-incident-layer-private.h"
#include "atlas-map-style.h"
#include "atlas-number-format.h"

int
_atlas_incident_layer_compare_ids (gconstpointer a,
                                   gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static AtlasLocationPrecision
precision_of (AtlasIncidentLayer *self,
              gint64              id)
{
  const EditedIncident *edited = _atlas_incident_layer_find_edited (self, id);
  guint index;

  if (edited != NULL)
    return edited->precision;
  if (!g_array_binary_search (self->points->ids, &id, _atlas_incident_layer_compare_ids, &index))
    return ATLAS_LOCATION_SITE;
  return self->points->precisions->data[index];
}

static const AtlasCategoryStyle *
style_of (AtlasIncidentLayer *self,
          guint16             category)
{
  return atlas_map_style_for_category (self->points->categories[category]);
}

static double
halo_radius_px (AtlasLocationPrecision precision,
                double                 latitude,
                double                 zoom)
{
  static const double metres[] = { 0, 4000, 20000, 120000, 400000 };
  double metres_per_pixel = EARTH_METRES_PER_PIXEL_Z0 * cos (latitude * G_PI / 180) / exp2 (zoom);

  return MIN (metres[precision] / metres_per_pixel, 600);
}

static void
draw_halo (cairo_t                  *cr,
           const DrawnCluster       *drawn,
           const AtlasCategoryStyle *style,
           double                    radius)
{
  cairo_pattern_t *gradient;

  if (radius < SYMBOL_RADIUS * 1.5)
    return;
  gradient = cairo_pattern_create_radial (drawn->x, drawn->y, 0, drawn->x, drawn->y, radius);
  cairo_new_path (cr);
  cairo_pattern_add_color_stop_rgba (gradient, 0, style->colour.red, style->colour.green,
                                     style->colour.blue, 0.30);
  cairo_pattern_add_color_stop_rgba (gradient, 1, style->colour.red, style->colour.green,
                                     style->colour.blue, 0.04);
  cairo_arc (cr, drawn->x, drawn->y, radius, 0, 2 * G_PI);
  cairo_set_source (cr, gradient);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
}

/* For the counts on cluster badges, reused for every badge of a frame: a frame may draw
 * hundreds. */
static PangoLayout *
create_badge_layout (GtkWidget *widget)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoFontDescription) font = NULL;

  font = pango_font_description_from_string ("Cantarell Bold 9.5");

  pango_layout_set_font_description (layout, font);
  return layout;
}

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  const MixPart *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return (int) x->category - (int) y->category;
}

/* The ring: an arc per category in proportion to its incidents, most first from twelve
 * o'clock, then the others in grey. */
static void
draw_mix_ring (AtlasIncidentLayer *self,
               cairo_t            *cr,
               DrawnCluster       *drawn)
{
  double width = MAX (3.5, drawn->radius * 0.3);
  double ring = drawn->radius - width / 2;
  double angle = -G_PI / 2;
  double total = drawn->cluster.count;

  qsort (drawn->mix, drawn->n_mix, sizeof (MixPart), compare_parts);
  cairo_set_line_width (cr, width);
  for (guint k = 0; k <= drawn->n_mix; k++)
    {
      double part = k < drawn->n_mix ? drawn->mix[k].count : drawn->other;
      double sweep = 2 * G_PI * part / total;

      if (sweep <= 0)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, drawn->x, drawn->y, ring, angle, angle + sweep);
      if (k < drawn->n_mix)
        atlas_map_style_set_colour (cr, style_of (self, drawn->mix[k].category), 1.0);
      else
        cairo_set_source_rgb (cr, 0.62, 0.62, 0.64);
      cairo_stroke (cr);
      angle += sweep;
    }
}

static void
draw_cluster_badge (AtlasIncidentLayer *self,
                    cairo_t            *cr,
                    PangoLayout        *layout,
                    DrawnCluster       *drawn)
{
  g_autofree char *count = atlas_format_count_short (drawn->cluster.count);
  int width, height;

  /* a path of its own: the previous badge's text left a current point, from which an arc
   * would draw a line */
  cairo_new_path (cr);
  cairo_arc (cr, drawn->x, drawn->y, drawn->radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.16, 0.16, 0.19, 0.90);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, ATLAS_BADGE_STROKE);
  cairo_stroke (cr);
  draw_mix_ring (self, cr, drawn);

  /* white on the badge's dark disc: no halo needed */
  pango_layout_set_text (layout, count, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, drawn->x - width / 2.0, drawn->y - height / 2.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_single (AtlasIncidentLayer *self,
             cairo_t            *cr,
             const DrawnCluster *drawn)
{
  const AtlasCategoryStyle *style = style_of (self, drawn->cluster.category);
  gboolean selected = drawn->cluster.id == self->selected_id;

  cairo_new_path (cr);
  if (selected)
    {
      cairo_arc (cr, drawn->x, drawn->y, SYMBOL_RADIUS + 7, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.35);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
    }
  atlas_map_style_trace_symbol (cr, style->symbol, drawn->x, drawn->y,
                                selected ? SYMBOL_RADIUS + 2 : SYMBOL_RADIUS);
  atlas_map_style_set_colour (cr, style, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static gboolean
view_bounds (AtlasIncidentLayer *self,
             AtlasBounds        *bounds)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double lat1, lon1, lat2, lon2;

  if (width <= 0 || height <= 0 || shumate_viewport_get_reference_map_source (viewport) == NULL)
    return FALSE;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), -VIEW_MARGIN_PX,
                                              -VIEW_MARGIN_PX, &lat1, &lon1);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self),
                                              width + VIEW_MARGIN_PX, height + VIEW_MARGIN_PX,
                                              &lat2, &lon2);
  *bounds = (AtlasBounds) { lon1, MIN (lat1, lat2), lon2, MAX (lat1, lat2) };
  /* A view wider than the world */
  if (lon2 - lon1 >= 360 || lon2 < lon1)
    bounds->min_lon = -180, bounds->max_lon = 180;
  return TRUE;
}

static gboolean
drawn_as_single (AtlasIncidentLayer *self,
                 gint64              id)
{
  for (guint i = 0; i < self->drawn->len; i++)
    {
      const DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      if (drawn->cluster.count == 1 && drawn->cluster.id == id)
        return TRUE;
    }
  return FALSE;
}

static int
compare_point_ids (gconstpointer a,
                   gconstpointer b)
{
  gint64 x = ((const AtlasMapPoint *) a)->id, y = ((const AtlasMapPoint *) b)->id;

  return (x > y) - (x < y);
}

/* Incident @id where the index has it, if the index has it (the filter let it through). */
static const AtlasMapPoint *
find_indexed_point (AtlasIncidentLayer *self,
                    gint64              id)
{
  AtlasMapPoint key = { 0, 0, id, 0 };
  PointCache *cache = self->points->cache;
  guint index;

  if (id < 0 || cache == NULL || cache->points == NULL
      || !g_array_binary_search (self->points->ids, &id, _atlas_incident_layer_compare_ids,
                                 &index)
      || !g_array_binary_search (cache->points, &key, compare_point_ids, &index))
    return NULL;
  return &g_array_index (cache->points, AtlasMapPoint, index);
}

/* Takes one incident of @category out of the mix of @drawn. */
static void
mix_remove_one (DrawnCluster *drawn,
                guint16       category)
{
  for (guint k = 0; k < drawn->n_mix; k++)
    if (drawn->mix[k].category == category)
      {
        drawn->mix[k].count = MAX (0, drawn->mix[k].count - 1);
        return;
      }
  drawn->other = MAX (0, drawn->other - 1);
}

/* The badge the selection is counted in: the nearest whose incidents can lie where it is,
 * within the clustering radius (at this zoom's scale) of the badge's centre. The index
 * does not keep which incidents a cluster holds; this is the badge the analyst sees it in. */
static DrawnCluster *
find_badge_holding (AtlasIncidentLayer *self,
                    const DrawnCluster *single,
                    double              zoom)
{
  double reach = CLUSTER_RADIUS_PX * exp2 (zoom - floor (zoom)) + ATLAS_BADGE_MAX_RADIUS;
  DrawnCluster *nearest = NULL;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *badge = &g_array_index (self->drawn, DrawnCluster, i);
      double distance = hypot (badge->x - single->x, badge->y - single->y);

      if (badge->cluster.count > 1 && distance <= reach && distance < best
          && (badge->cluster.category_mask & single->cluster.category_mask) != 0)
        {
          best = distance;
          nearest = badge;
        }
    }
  return nearest;
}

/* The selection (a briefing step's subject) is drawn on its own, on top, even where it
 * falls in a cluster; that cluster's badge then counts one incident fewer. */
static void
add_selected_single (AtlasIncidentLayer *self,
                     ShumateViewport    *viewport)
{
  const AtlasMapPoint *point;
  DrawnCluster drawn = { { 0, }, 0, 0, SYMBOL_RADIUS };
  DrawnCluster *badge;

  /* an edited incident is drawn where the edit put it */
  if (drawn_as_single (self, self->selected_id)
      || _atlas_incident_layer_find_edited (self, self->selected_id) != NULL
      || (point = find_indexed_point (self, self->selected_id)) == NULL)
    return;

  drawn.cluster = (AtlasCluster) { point->latitude, point->longitude, 1, point->id,
                                   point->category, 1u << (point->category % 32) };
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), point->latitude,
                                              point->longitude, &drawn.x, &drawn.y);
  badge = find_badge_holding (self, &drawn, shumate_viewport_get_zoom_level (viewport));
  if (badge != NULL)
    {
      badge->cluster.count--;
      mix_remove_one (badge, point->category);
    }
  g_array_append_val (self->drawn, drawn);
}

/* Adds @count incidents of @category to the mix of @drawn. */
static void
mix_add (DrawnCluster *drawn,
         guint16       category,
         double        count)
{
  for (guint k = 0; k < drawn->n_mix; k++)
    if (drawn->mix[k].category == category)
      {
        drawn->mix[k].count += count;
        return;
      }
  if (drawn->n_mix < MAX_MIX_PARTS)
    drawn->mix[drawn->n_mix++] = (MixPart) { category, count };
  else
    drawn->other += count;
}

/* The mix of @drawn's own cluster, from the index's shares. They name categories modulo
 * 32: in a case with more, those are drawn among the others. */
static void
mix_init (DrawnCluster *drawn,
          guint         n_categories)
{
  const AtlasCluster *cluster = &drawn->cluster;
  double named = 0;

  drawn->n_mix = 0;
  for (guint k = 0; k < ATLAS_CLUSTER_MIX_SIZE; k++)
    if (cluster->mix_shares[k] > 0 && (n_categories <= 32 || cluster->count == 1))
      {
        double count = cluster->count * cluster->mix_shares[k]
                       / (double) ATLAS_CLUSTER_MIX_WHOLE;

        mix_add (drawn, cluster->count == 1 ? cluster->category : cluster->mix_categories[k],
                 count);
        named += count;
      }
  drawn->other = MAX (0, cluster->count - named);
}

/* Counts @from in @into, a badge drawn in its place. */
static void
mix_merge (DrawnCluster       *into,
           const DrawnCluster *from)
{
  for (guint k = 0; k < from->n_mix; k++)
    mix_add (into, from->mix[k].category, from->mix[k].count);
  into->other += from->other;
}

/* Sizes the badges so that none overlaps another; those with no room left are counted
 * in the badge in their way, and not drawn. */
static void
lay_out_badges (AtlasIncidentLayer *self)
{
  g_autofree AtlasBadge *badges = g_new (AtlasBadge, MAX (self->drawn->len, 1));
  guint kept = 0;

  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      badges[i] = (AtlasBadge) { drawn->x, drawn->y,
                                 atlas_badge_radius_for_count (drawn->cluster.count),
                                 drawn->cluster.count, -1 };
    }
  atlas_badge_layout_place (badges, self->drawn->len, SYMBOL_RADIUS);

  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      if (badges[i].merged_into >= 0)
        mix_merge (&g_array_index (self->drawn, DrawnCluster, badges[i].merged_into), drawn);
    }
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      if (badges[i].merged_into >= 0)
        continue;
      drawn->radius = badges[i].radius;
      drawn->cluster.count = badges[i].count;
      g_array_index (self->drawn, DrawnCluster, kept++) = *drawn;
    }
  g_array_set_size (self->drawn, kept);
}

/* ---- edits not yet in the index ------------------------------------------------------ */

/* Whether the index's single incident @id was edited since: then the edit draws it. */
static gboolean
skip_edited_single (AtlasIncidentLayer *self,
                    gint64              id)
{
  EditedIncident *edited = (EditedIncident *) _atlas_incident_layer_find_edited (self, id);

  if (edited == NULL)
    return FALSE;
  edited->drawn_alone = TRUE;
  return TRUE;
}

/* Each edited incident the index counts in a badge is no longer counted there (it moved,
 * or is gone): taken from the badge nearest where the index has it, as the selection is.
 * A badge left with one incident is not drawn until the rebuild: which one is left, only
 * the index can tell. */
static void
take_edited_from_badges (AtlasIncidentLayer *self,
                         ShumateViewport    *viewport)
{
  double zoom = shumate_viewport_get_zoom_level (viewport);
  guint kept = 0;

  for (guint i = 0; i < self->edited->len; i++)
    {
      const EditedIncident *edited = &g_array_index (self->edited, EditedIncident, i);
      const AtlasMapPoint *point = edited->drawn_alone ? NULL
                                                       : find_indexed_point (self, edited->id);
      DrawnCluster single = { { 0, }, 0, 0, SYMBOL_RADIUS };
      DrawnCluster *badge;

      if (point == NULL)
        continue;
      single.cluster.category_mask = 1u << (point->category % 32);
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), point->latitude,
                                                  point->longitude, &single.x, &single.y);
      if ((badge = find_badge_holding (self, &single, zoom)) == NULL)
        continue;
      badge->cluster.count--;
      mix_remove_one (badge, point->category);
      if (badge->cluster.count == 1)
        badge->cluster.count = 0;
    }

  for (guint i = 0; i < self->drawn->len; i++)
    if (g_array_index (self->drawn, DrawnCluster, i).cluster.count > 0)
      g_array_index (self->drawn, DrawnCluster, kept++) =
        g_array_index (self->drawn, DrawnCluster, i);
  g_array_set_size (self->drawn, kept);
}

/* The edited incidents where they are now, each on its own. */
static void
add_edited_singles (AtlasIncidentLayer *self,
                    ShumateViewport    *viewport)
{
  for (guint i = 0; i < self->edited->len; i++)
    {
      const EditedIncident *edited = &g_array_index (self->edited, EditedIncident, i);
      DrawnCluster drawn = { { 0, }, 0, 0, SYMBOL_RADIUS };
      guint16 category;

      if (!edited->shown)
        continue;
      category = _atlas_incident_layer_category_index (self, edited->category);
      drawn.cluster = (AtlasCluster) { edited->latitude, edited->longitude, 1, edited->id,
                                       category, 1u << (category % 32) };
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                                  edited->latitude, edited->longitude,
                                                  &drawn.x, &drawn.y);
      g_array_append_val (self->drawn, drawn);
    }
}

/* Queries the index for the view and places each cluster in widget coordinates. */
void
_atlas_incident_layer_collect_drawn (AtlasIncidentLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  g_autoptr(GArray) clusters = NULL;
  AtlasBounds bounds;
  guint n_categories;

  g_array_set_size (self->drawn, 0);
  if (self->points == NULL || !view_bounds (self, &bounds))
    return;

  n_categories = self->points->n_index_categories;
  clusters = atlas_cluster_index_query_for_view (self->points->index, &bounds, (int) floor (zoom),
                                                 MIN_INCIDENTS_TO_CLUSTER);
  for (guint i = 0; i < self->edited->len; i++)
    g_array_index (self->edited, EditedIncident, i).drawn_alone = FALSE;
  for (guint i = 0; i < clusters->len; i++)
    {
      DrawnCluster drawn = { g_array_index (clusters, AtlasCluster, i), 0, 0, SYMBOL_RADIUS };

      if (drawn.cluster.count == 1 && skip_edited_single (self, drawn.cluster.id))
        continue;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                                  drawn.cluster.latitude,
                                                  drawn.cluster.longitude, &drawn.x, &drawn.y);
      mix_init (&drawn, n_categories);
      g_array_append_val (self->drawn, drawn);
    }
  take_edited_from_badges (self, viewport);
  lay_out_badges (self);
  /* after the badges are laid out, so neither is ever merged into one */
  add_edited_singles (self, viewport);
  add_selected_single (self, viewport);
}

void
_atlas_incident_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (widget);
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  g_autoptr(PangoLayout) badge_layout = NULL;
  cairo_t *cr;

  _atlas_incident_layer_collect_drawn (self);
  if (self->drawn->len == 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0,
                                                                 gtk_widget_get_width (widget),
                                                                 gtk_widget_get_height (widget)));
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      if (drawn->cluster.count == 1)
        draw_halo (cr, drawn, style_of (self, drawn->cluster.category),
                   halo_radius_px (precision_of (self, drawn->cluster.id),
                                   drawn->cluster.latitude, zoom));
    }
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      if (drawn->cluster.count == 1)
        draw_single (self, cr, drawn);
      else
        {
          if (badge_layout == NULL)
            badge_layout = create_badge_layout (widget);
          draw_cluster_badge (self, cr, badge_layout, drawn);
        }
    }
  cairo_destroy (cr);
}

