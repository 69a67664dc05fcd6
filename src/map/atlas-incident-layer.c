/* atlas-incident-layer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws every incident of a case in one snapshot, from a clustering index built off the main
 * thread: nearby incidents become a badge with their count, ringed by the colours of their
 * categories in proportion, and sized so that no two badges overlap; single incidents get their
 * category's symbol, and a soft halo the size of what is known when the place is known only
 * to a town, district or province. A frame only walks what the view shows, never all N.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "atlas-badge-layout.h"
#include "atlas-incident-layer.h"
#include "atlas-map-style.h"
#include "atlas-number-format.h"

#define CLUSTER_RADIUS_PX 48.0
#define SYMBOL_RADIUS 7.0
#define VIEW_MARGIN_PX 40.0
#define EARTH_METRES_PER_PIXEL_Z0 156543.03392

/* Every incident that passes the filter but its date range, as loaded from the store once:
 * a date range (the timeline, its play button) is then applied in memory, without asking
 * the store again. Shared read-only between the main thread and workers. */
typedef struct {
  char       *filter_key;
  GArray     *points;      /* AtlasMapPoint, in id order */
  GArray     *spans;       /* AtlasDaySpan, parallel to points */
  GByteArray *precisions;  /* AtlasLocationPrecision, parallel to points */
  char      **categories;
  /* the index of every point, built the first time no date range is asked for: clearing
   * the range then costs nothing */
  GMutex             lock;
  AtlasClusterIndex *full_index;
} PointCache;

/* What the worker hands back: the index and what is needed to draw single points. */
typedef struct {
  AtlasClusterIndex *index;
  GArray            *ids;         /* gint64, sorted */
  GByteArray        *precisions;  /* AtlasLocationPrecision, parallel to ids */
  char             **categories;
  PointCache        *cache;
} LoadedPoints;

/* How many categories a badge's ring names, its own and those of badges counted in it. */
#define MAX_MIX_PARTS 6

typedef struct {
  guint16 category;
  double  count;
} MixPart;

/* A cluster as last drawn, for picking; its count includes the badges counted in it. */
typedef struct {
  AtlasCluster cluster;
  double       x;
  double       y;
  double       radius;
  MixPart      mix[MAX_MIX_PARTS];
  guint        n_mix;
  double       other;        /* incidents of categories the mix does not name */
} DrawnCluster;

struct _AtlasIncidentLayer
{
  ShumateLayer   parent_instance;

  LoadedPoints  *points;
  PointCache    *cache;
  AtlasCase     *cache_case;     /* whose incidents the cache holds; not a reference */
  GArray        *drawn;          /* DrawnCluster, from the last snapshot */
  GCancellable  *loading;
  gint64         selected_id;
};

G_DEFINE_FINAL_TYPE (AtlasIncidentLayer, atlas_incident_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
point_cache_clear (PointCache *cache)
{
  g_free (cache->filter_key);
  g_clear_pointer (&cache->points, g_array_unref);
  g_clear_pointer (&cache->spans, g_array_unref);
  g_clear_pointer (&cache->precisions, g_byte_array_unref);
  g_clear_pointer (&cache->categories, g_strfreev);
  g_clear_object (&cache->full_index);
  g_mutex_clear (&cache->lock);
}

static void
point_cache_unref (PointCache *cache)
{
  g_atomic_rc_box_release_full (cache, (GDestroyNotify) point_cache_clear);
}

static void
loaded_points_free (LoadedPoints *points)
{
  g_clear_object (&points->index);
  g_clear_pointer (&points->ids, g_array_unref);
  g_clear_pointer (&points->precisions, g_byte_array_unref);
  g_clear_pointer (&points->categories, g_strfreev);
  g_clear_pointer (&points->cache, point_cache_unref);
  g_free (points);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadedPoints, loaded_points_free)

/* The worker's own copies: the filter is the main thread's to change. */
typedef struct {
  AtlasCase   *atlas_case;
  AtlasFilter *filter_without_dates;
  char        *filter_key;
  gint32       first_day;
  gint32       last_day;
  PointCache  *cache;        /* nullable: what was loaded last time */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->atlas_case);
  g_clear_object (&job->filter_without_dates);
  g_free (job->filter_key);
  g_clear_pointer (&job->cache, point_cache_unref);
  g_free (job);
}

static PointCache *
load_cache (LoadJob       *job,
            GCancellable  *cancellable,
            GError       **error)
{
  PointCache *cache = g_atomic_rc_box_new0 (PointCache);

  g_mutex_init (&cache->lock);
  cache->filter_key = g_strdup (job->filter_key);
  if (!atlas_case_load_map_points (job->atlas_case, job->filter_without_dates, &cache->points,
                                   &cache->precisions, &cache->categories, cancellable, error)
      || !atlas_case_load_map_spans (job->atlas_case, job->filter_without_dates, &cache->spans,
                                     cancellable, error))
    {
      point_cache_unref (cache);
      return NULL;
    }
  return cache;
}

/* The points of the cache whose days meet the job's date range, in id order. */
static GArray *
select_in_range (LoadJob    *job,
                 PointCache *cache,
                 GByteArray *precisions)
{
  GArray *points = g_array_sized_new (FALSE, FALSE, sizeof (AtlasMapPoint), cache->points->len);

  for (guint i = 0; i < cache->points->len; i++)
    {
      AtlasDaySpan *span = &g_array_index (cache->spans, AtlasDaySpan, i);

      if (span->last < job->first_day || span->first > job->last_day)
        continue;
      g_array_append_val (points, g_array_index (cache->points, AtlasMapPoint, i));
      g_byte_array_append (precisions, &cache->precisions->data[i], 1);
    }
  return points;
}

/* The index of @points; with no date range, the cache's own, built once. */
static AtlasClusterIndex *
build_index (LoadJob       *job,
             PointCache    *cache,
             GArray        *points,
             GCancellable  *cancellable,
             GError       **error)
{
  gboolean everything = job->first_day == G_MININT32 && job->last_day == G_MAXINT32;
  g_autoptr(GMutexLocker) locker = NULL;
  AtlasClusterIndex *index;

  if (!everything)
    return atlas_cluster_index_new ((AtlasMapPoint *) points->data, points->len,
                                    CLUSTER_RADIUS_PX, cancellable, error);

  locker = g_mutex_locker_new (&cache->lock);
  if (cache->full_index == NULL)
    {
      index = atlas_cluster_index_new ((AtlasMapPoint *) points->data, points->len,
                                       CLUSTER_RADIUS_PX, cancellable, error);
      if (index == NULL)
        return NULL;
      cache->full_index = index;
    }
  return g_object_ref (cache->full_index);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(LoadedPoints) loaded = g_new0 (LoadedPoints, 1);
  g_autoptr(GArray) points = NULL;
  GError *error = NULL;

  if (job->cache != NULL && g_str_equal (job->cache->filter_key, job->filter_key))
    loaded->cache = g_atomic_rc_box_acquire (job->cache);
  else if ((loaded->cache = load_cache (job, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  loaded->precisions = g_byte_array_new ();
  loaded->categories = g_strdupv (loaded->cache->categories);
  points = select_in_range (job, loaded->cache, loaded->precisions);
  loaded->index = build_index (job, loaded->cache, points, cancellable, &error);
  if (loaded->index == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Keep only the ids (sorted, as loaded) to find a point's precision when drawing it. */
  loaded->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), points->len);
  for (guint i = 0; i < points->len; i++)
    g_array_append_val (loaded->ids, g_array_index (points, AtlasMapPoint, i).id);
  g_task_return_pointer (task, g_steal_pointer (&loaded), (GDestroyNotify) loaded_points_free);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (source);
  g_autoptr(GError) error = NULL;
  LoadedPoints *points = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->loading);
  if (points == NULL)
    g_warning ("The incidents could not be drawn: %s", error->message);

  if (points != NULL && points->cache != self->cache)
    {
      g_clear_pointer (&self->cache, point_cache_unref);
      self->cache = g_atomic_rc_box_acquire (points->cache);
    }
  g_clear_pointer (&self->points, loaded_points_free);
  self->points = points;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static int
compare_drawn_x (gconstpointer a,
                 gconstpointer b)
{
  double x = ((const DrawnCluster *) a)->x, y = ((const DrawnCluster *) b)->x;

  return (x > y) - (x < y);
}

static AtlasLocationPrecision
precision_of (AtlasIncidentLayer *self,
              gint64              id)
{
  guint index;

  if (!g_array_binary_search (self->points->ids, &id, compare_ids, &index))
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

/* The selected incident, which the filter lets through, from the cache's points. */
static const AtlasMapPoint *
find_selected_point (AtlasIncidentLayer *self)
{
  AtlasMapPoint key = { 0, 0, self->selected_id, 0 };
  guint index;

  if (self->selected_id < 0 || self->cache == NULL || self->cache->points == NULL
      || !g_array_binary_search (self->points->ids, &self->selected_id, compare_ids, &index)
      || !g_array_binary_search (self->cache->points, &key, compare_point_ids, &index))
    return NULL;
  return &g_array_index (self->cache->points, AtlasMapPoint, index);
}

/* The selection (a briefing step's subject) is drawn on its own, on top, even where it
 * falls in a cluster. */
static void
add_selected_single (AtlasIncidentLayer *self,
                     ShumateViewport    *viewport)
{
  const AtlasMapPoint *point;
  DrawnCluster drawn = { { 0, }, 0, 0, SYMBOL_RADIUS };

  if (drawn_as_single (self, self->selected_id) || (point = find_selected_point (self)) == NULL)
    return;

  drawn.cluster = (AtlasCluster) { point->latitude, point->longitude, 1, point->id,
                                   point->category, 1u << (point->category % 32) };
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), point->latitude,
                                              point->longitude, &drawn.x, &drawn.y);
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

/* Queries the index for the view and places each cluster in widget coordinates. */
static void
collect_drawn (AtlasIncidentLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  g_autoptr(GArray) clusters = NULL;
  AtlasBounds bounds;
  guint n_categories;

  g_array_set_size (self->drawn, 0);
  if (self->points == NULL || !view_bounds (self, &bounds))
    return;

  n_categories = g_strv_length (self->points->categories);
  clusters = atlas_cluster_index_query (self->points->index, &bounds, (int) floor (zoom));
  for (guint i = 0; i < clusters->len; i++)
    {
      DrawnCluster drawn = { g_array_index (clusters, AtlasCluster, i), 0, 0, SYMBOL_RADIUS };

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                                  drawn.cluster.latitude,
                                                  drawn.cluster.longitude, &drawn.x, &drawn.y);
      mix_init (&drawn, n_categories);
      g_array_append_val (self->drawn, drawn);
    }
  lay_out_badges (self);
  /* after the badges are laid out, so the selection is never merged into one */
  add_selected_single (self, viewport);
}

static void
atlas_incident_layer_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (widget);
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  g_autoptr(PangoLayout) badge_layout = NULL;
  cairo_t *cr;

  collect_drawn (self);
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

static void
viewport_changed_cb (AtlasIncidentLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_incident_layer_constructed (GObject *object)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (object);

  G_OBJECT_CLASS (atlas_incident_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
atlas_incident_layer_dispose (GObject *object)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_pointer (&self->points, loaded_points_free);
  g_clear_pointer (&self->cache, point_cache_unref);
  g_clear_pointer (&self->drawn, g_array_unref);

  G_OBJECT_CLASS (atlas_incident_layer_parent_class)->dispose (object);
}

static void
atlas_incident_layer_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtlasIncidentLayer *self = ATLAS_INCIDENT_LAYER (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_object (value, atlas_incident_layer_get_index (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Hidden (the density view shows instead), it draws nothing, so nothing of it is picked. */
static void
hidden_cb (AtlasIncidentLayer *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    g_array_set_size (self->drawn, 0);
}

static void
atlas_incident_layer_class_init (AtlasIncidentLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_incident_layer_constructed;
  object_class->dispose = atlas_incident_layer_dispose;
  object_class->get_property = atlas_incident_layer_get_property;
  widget_class->snapshot = atlas_incident_layer_snapshot;

  /**
   * AtlasIncidentLayer:index: (nullable)
   *
   * The index drawn from, following the filter and the timeline; notified when a new one
   * is in place.
   */
  properties[PROP_INDEX] =
    g_param_spec_object ("index", NULL, NULL, ATLAS_TYPE_CLUSTER_INDEX,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_incident_layer_init (AtlasIncidentLayer *self)
{
  self->drawn = g_array_new (FALSE, FALSE, sizeof (DrawnCluster));
  self->selected_id = -1;
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  g_signal_connect (self, "notify::visible", G_CALLBACK (hidden_cb), NULL);
}

AtlasIncidentLayer *
atlas_incident_layer_new (ShumateViewport *viewport)
{
  return g_object_new (ATLAS_TYPE_INCIDENT_LAYER, "viewport", viewport, NULL);
}

/**
 * atlas_incident_layer_set_case:
 * @atlas_case: (nullable): the case whose incidents to draw
 * @filter: (nullable): only incidents that pass it
 *
 * Starts loading the incidents and building their index on a worker thread; what is
 * drawn now stays until the new index is ready.
 */
void
atlas_incident_layer_set_case (AtlasIncidentLayer *self,
                               AtlasCase          *atlas_case,
                               AtlasFilter        *filter)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (ATLAS_IS_INCIDENT_LAYER (self));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (atlas_case == NULL)
    {
      g_clear_pointer (&self->points, loaded_points_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
      return;
    }

  job = g_new0 (LoadJob, 1);
  job->atlas_case = g_object_ref (atlas_case);
  job->filter_without_dates = filter ? atlas_filter_copy_without_dates (filter) : NULL;
  job->filter_key = filter ? atlas_filter_describe_without_dates (filter) : g_strdup ("");
  job->first_day = G_MININT32;
  job->last_day = G_MAXINT32;
  if (filter != NULL)
    atlas_filter_get_day_range (filter, &job->first_day, &job->last_day);
  /* the cache belongs to one case */
  if (atlas_case != self->cache_case)
    g_clear_pointer (&self->cache, point_cache_unref);
  self->cache_case = atlas_case;
  if (self->cache != NULL)
    job->cache = g_atomic_rc_box_acquire (self->cache);
  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, loaded_cb, NULL);
  g_task_set_source_tag (task, atlas_incident_layer_set_case);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * atlas_incident_layer_reload:
 *
 * Reads the case's incidents again, after the case changed.
 */
void
atlas_incident_layer_reload (AtlasIncidentLayer *self,
                             AtlasCase          *atlas_case,
                             AtlasFilter        *filter)
{
  g_return_if_fail (ATLAS_IS_INCIDENT_LAYER (self));

  g_clear_pointer (&self->cache, point_cache_unref);
  atlas_incident_layer_set_case (self, atlas_case, filter);
}

/**
 * atlas_incident_layer_set_selected:
 * @incident_id: the row id of the selected incident, or -1
 */
void
atlas_incident_layer_set_selected (AtlasIncidentLayer *self,
                                   gint64              incident_id)
{
  g_return_if_fail (ATLAS_IS_INCIDENT_LAYER (self));

  if (self->selected_id == incident_id)
    return;
  self->selected_id = incident_id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_incident_layer_pick:
 * @cluster: (out): what was drawn under the point: one incident, or a cluster
 *
 * Returns: whether anything of this layer is at widget coordinates @x, @y
 */
gboolean
atlas_incident_layer_pick (AtlasIncidentLayer *self,
                           double              x,
                           double              y,
                           AtlasCluster       *cluster)
{
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), FALSE);

  /* What is drawn last is on top, and the nearest wins among overlapping symbols. */
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);
      double distance = hypot (drawn->x - x, drawn->y - y);

      if (distance <= drawn->radius + 3 && distance <= best)
        {
          best = distance;
          *cluster = drawn->cluster;
        }
    }
  return best < G_MAXDOUBLE;
}

int
atlas_incident_layer_get_expansion_zoom (AtlasIncidentLayer *self,
                                         const AtlasCluster *cluster)
{
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), 0);
  g_return_val_if_fail (self->points != NULL, 0);

  return atlas_cluster_index_get_expansion_zoom (self->points->index, cluster->id);
}

/**
 * atlas_incident_layer_get_visible_ids:
 *
 * Returns: (transfer full) (element-type gint64): the single incidents drawn now, from
 *   left to right, for stepping through them with the keyboard
 */
GArray *
atlas_incident_layer_get_visible_ids (AtlasIncidentLayer *self)
{
  g_autoptr(GArray) drawn = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), ids);

  drawn = g_array_copy (self->drawn);
  g_array_sort (drawn, (GCompareFunc) compare_drawn_x);
  for (guint i = 0; i < drawn->len; i++)
    {
      DrawnCluster *cluster = &g_array_index (drawn, DrawnCluster, i);

      if (cluster->cluster.count == 1 && cluster->x >= 0 && cluster->y >= 0
          && cluster->x <= width && cluster->y <= height)
        g_array_append_val (ids, cluster->cluster.id);
    }
  return ids;
}

/**
 * atlas_incident_layer_count_in_view:
 *
 * Returns: how many incidents the view shows now, single or in clusters
 */
guint
atlas_incident_layer_count_in_view (AtlasIncidentLayer *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  guint count = 0;

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), 0);

  /* the view as it is now, which the next snapshot draws */
  collect_drawn (self);
  for (guint i = 0; i < self->drawn->len; i++)
    {
      DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);

      if (drawn->x >= 0 && drawn->y >= 0 && drawn->x <= width && drawn->y <= height)
        count += drawn->cluster.count;
    }
  return count;
}

gboolean
atlas_incident_layer_is_loading (AtlasIncidentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), FALSE);
  return self->loading != NULL;
}

/**
 * atlas_incident_layer_get_index:
 *
 * Returns: (transfer none) (nullable): the index drawn from, once built
 */
AtlasClusterIndex *
atlas_incident_layer_get_index (AtlasIncidentLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), NULL);
  return self->points ? self->points->index : NULL;
}

/**
 * atlas_incident_layer_get_marker_boxes:
 *
 * Returns: (transfer full) (element-type cairo_rectangle_t): the boxes of the markers and
 *   badges the last snapshot drew, which the basemap's labels keep off
 */
GArray *
atlas_incident_layer_get_marker_boxes (AtlasIncidentLayer *self)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (self), boxes);

  for (guint i = 0; self->drawn != NULL && i < self->drawn->len; i++)
    {
      const DrawnCluster *drawn = &g_array_index (self->drawn, DrawnCluster, i);
      double r = MAX (drawn->radius, SYMBOL_RADIUS) + 2;
      cairo_rectangle_t box = { drawn->x - r, drawn->y - r, 2 * r, 2 * r };

      g_array_append_val (boxes, box);
    }
  return boxes;
}
