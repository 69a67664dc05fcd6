/* atlas-cluster-index-query.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading an AtlasClusterIndex: the clusters of a zoom inside a box, found by a galloping
 * search per non-empty row of the level. See atlas-cluster-index.c.
 */

#define G_LOG_DOMAIN "atlas-cluster-index"

#include "config.h"

#include <math.h>

#include "atlas-cluster-index-private.h"


typedef struct
{
  guint32 x0, x1;
  guint32 y0, y1;
} Window;

static inline guint64
level_key (AtlasClusterIndex *self,
           const Level       *level,
           gsize              i)
{
  return grid_key (&level->grid, ref_position (self, level_ref (level, i)));
}

/* The first index from @start on whose key is at least @target, galloping then bisecting. */
static gsize
level_lower_bound (AtlasClusterIndex *self,
                   const Level       *level,
                   gsize              start,
                   guint64            target)
{
  gsize low = start, high, step = 1;

  if (low >= level->n_refs || level_key (self, level, low) >= target)
    return low;

  /* invariant: key(low) < target, and key(high) ≥ target or high == n_refs */
  high = low + 1;
  while (high < level->n_refs && level_key (self, level, high) < target)
    {
      low = high;
      step *= 2;
      high = MIN (low + step, level->n_refs);
    }

  while (high - low > 1)
    {
      gsize middle = low + (high - low) / 2;

      if (level_key (self, level, middle) < target)
        low = middle;
      else
        high = middle;
    }

  return high;
}

/* The shares of the bits of the category mask, in increasing order; the seventh of seven
 * is what the six stored leave. */
static void
unpack_mix (const Cluster *record,
            AtlasCluster  *cluster)
{
  guint64 packed = record->mix_low | ((guint64) record->mix_high << 8);
  guint n = 0, sum = 0, n_bits = 0;

  for (guint32 mask = record->category_mask; mask != 0; mask &= mask - 1)
    n_bits++;

  for (guint bit = 0; bit < 32 && n < ATLAS_CLUSTER_MIX_SIZE; bit++)
    {
      if (!(record->category_mask & (1u << bit)))
        continue;
      cluster->mix_categories[n] = (guint8) bit;
      if (n < MIX_STORED)
        cluster->mix_shares[n] = (packed >> (n * MIX_BITS)) & ((1u << MIX_BITS) - 1);
      else if (n_bits == ATLAS_CLUSTER_MIX_SIZE)
        cluster->mix_shares[n] = (guint8) (ATLAS_CLUSTER_MIX_WHOLE - sum);
      sum += cluster->mix_shares[n];
      n++;
    }
}

static void
append_cluster (AtlasClusterIndex *self,
                guint32            ref,
                GArray            *result)
{
  AtlasCluster cluster = { 0, };
  Position position = ref_position (self, ref);

  cluster.latitude = latitude_from_y (position.y);
  cluster.longitude = longitude_from_x (position.x);

  if (!ref_is_cluster (ref))
    {
      cluster.count = 1;
      cluster.id = self->point_ids[ref];
      cluster.category = self->point_categories[ref];
      cluster.category_mask = 1u << (cluster.category % 32);
      cluster.mix_categories[0] = cluster.category % 32;
      cluster.mix_shares[0] = ATLAS_CLUSTER_MIX_WHOLE;
    }
  else
    {
      const Cluster *record = &self->clusters[cluster_of (ref)];

      cluster.count = record->count;
      cluster.id = cluster_of (ref);
      cluster.category = record->category;
      cluster.category_mask = record->category_mask;
      unpack_mix (record, &cluster);
    }

  g_array_append_val (result, cluster);
}

/* Appends where a cluster is and how many it holds, without turning it into degrees. */
static void
append_position (AtlasClusterIndex *self,
                 guint32            ref,
                 GArray            *result)
{
  Position position = ref_position (self, ref);
  AtlasClusterPosition out;

  out.x = (position.x + 0.5) / WORLD_UNITS;
  out.y = (position.y + 0.5) / WORLD_UNITS;
  out.count = ref_count (self, ref);
  g_array_append_val (result, out);
}

typedef void (*AppendFunc) (AtlasClusterIndex *self,
                            guint32            ref,
                            GArray            *result);

/* Appends the nodes inside @window from index @i of one row; returns where the row's
 * candidates end. */
static gsize
scan_row (AtlasClusterIndex *self,
          const Level       *level,
          gsize              i,
          guint64            last_key,
          const Window      *window,
          AppendFunc         append,
          GArray            *result)
{
  for (; i < level->n_refs; i++)
    {
      guint32 ref = level_ref (level, i);
      Position position = ref_position (self, ref);

      if (grid_key (&level->grid, position) > last_key)
        break;
      if (position.x >= window->x0 && position.x <= window->x1
          && position.y >= window->y0 && position.y <= window->y1)
        append (self, ref, result);
    }

  return i;
}

static void
query_window (AtlasClusterIndex *self,
              const Level       *level,
              const Window      *window,
              AppendFunc         append,
              GArray            *result)
{
  const Grid *grid = &level->grid;
  guint64 row = (guint64) window->y0 >> grid->row_shift;
  guint64 last_row = (guint64) window->y1 >> grid->row_shift;
  guint64 first_bucket = window->x0 >> grid->x_shift;
  guint64 last_bucket = window->x1 >> grid->x_shift;
  gsize i = 0;

  /* rows without any node cost nothing: the next row looked at is the next one stored */
  while (i < level->n_refs && row <= last_row)
    {
      guint64 base = row << grid->x_bits;

      i = level_lower_bound (self, level, i, base | first_bucket);
      i = scan_row (self, level, i, base | last_bucket, window, append, result);
      if (i < level->n_refs)
        row = MAX (row + 1, level_key (self, level, i) >> grid->x_bits);
    }
}

static double
wrap_longitude (double longitude)
{
  if (longitude >= -180.0 && longitude <= 180.0)
    return longitude;
  return longitude - 360.0 * floor ((longitude + 180.0) / 360.0);
}

/* Turns @bounds into at most two windows of quantised units; returns how many. */
static guint
windows_from_bounds (const AtlasBounds *bounds,
                     Window             windows[2])
{
  double min_lon, max_lon;
  guint32 y0, y1;

  if (!isfinite (bounds->min_lon) || !isfinite (bounds->max_lon)
      || isnan (bounds->min_lat) || isnan (bounds->max_lat)
      || bounds->min_lat > bounds->max_lat)
    return 0;

  y0 = y_from_latitude (bounds->max_lat);
  y1 = y_from_latitude (bounds->min_lat);
  windows[0] = (Window) { 0, G_MAXUINT32, y0, y1 };

  if (bounds->max_lon - bounds->min_lon >= 360.0)
    return 1;

  min_lon = wrap_longitude (bounds->min_lon);
  max_lon = wrap_longitude (bounds->max_lon);
  windows[0].x0 = x_from_longitude (min_lon);
  windows[0].x1 = x_from_longitude (max_lon);
  if (min_lon <= max_lon)
    return 1;

  /* across the antimeridian: from min_lon east to 180°, and from −180° to max_lon */
  windows[1] = windows[0];
  windows[0].x1 = G_MAXUINT32;
  windows[1].x0 = 0;
  return 2;
}

/* Appends to @result, with @append, every cluster of @zoom inside @bounds: one window, or
 * two when @bounds crosses the antimeridian. */
static void
query_bounds (AtlasClusterIndex *self,
              const AtlasBounds *bounds,
              int                zoom,
              AppendFunc         append,
              GArray            *result)
{
  const Level *level = &self->levels[CLAMP (zoom, 0, self->max_zoom + 1)];
  Window windows[2];
  guint n_windows = windows_from_bounds (bounds, windows);

  for (guint i = 0; i < n_windows; i++)
    query_window (self, level, &windows[i], append, result);
}

/* Public API */

/**
 * atlas_cluster_index_query:
 * @self: an #AtlasClusterIndex
 * @bounds: the area to look at, in degrees; min_lon > max_lon crosses the antimeridian,
 *   and a box 360° wide or more is the whole world around
 * @zoom: the map's zoom level; above the maximum zoom every point is its own cluster
 *
 * Finds the clusters of @zoom whose position is inside @bounds. Clusters just outside
 * whose badges reach into the view are not included: pad @bounds by the badge size for
 * those. The cost grows with what is returned, not with the size of the index.
 *
 * Returns: (transfer full) (element-type AtlasCluster): the clusters, in no useful order
 */
GArray *
atlas_cluster_index_query (AtlasClusterIndex *self,
                           const AtlasBounds *bounds,
                           int                zoom)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (AtlasCluster));

  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  query_bounds (self, bounds, zoom, append_cluster, result);
  return g_steal_pointer (&result);
}

/**
 * atlas_cluster_index_query_for_view:
 * @self: an #AtlasClusterIndex
 * @bounds: the area to look at, as for atlas_cluster_index_query()
 * @zoom: the map's zoom level
 * @min_to_cluster: the fewest incidents in @bounds that are drawn clustered
 *
 * Finds what a view draws: the clusters of @zoom, as atlas_cluster_index_query() does,
 * unless they hold fewer than @min_to_cluster incidents; then every incident inside @bounds
 * on its own, so a view of a few incidents never hides one in a badge. The cost still grows
 * with what is returned: the single incidents are only looked up when they are few.
 *
 * Returns: (transfer full) (element-type AtlasCluster): the clusters or single incidents
 */
GArray *
atlas_cluster_index_query_for_view (AtlasClusterIndex *self,
                                    const AtlasBounds *bounds,
                                    int                zoom,
                                    guint              min_to_cluster)
{
  g_autoptr(GArray) clusters = NULL;
  guint64 count = 0;

  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  clusters = atlas_cluster_index_query (self, bounds, zoom);
  for (guint i = 0; i < clusters->len && count < min_to_cluster; i++)
    count += g_array_index (clusters, AtlasCluster, i).count;
  if (count >= min_to_cluster || zoom > self->max_zoom)
    return g_steal_pointer (&clusters);
  return atlas_cluster_index_query (self, bounds, self->max_zoom + 1);
}

/**
 * atlas_cluster_index_query_positions:
 * @self: an #AtlasClusterIndex
 * @bounds: the area to look at, as for atlas_cluster_index_query()
 * @zoom: the zoom level of the clusters
 *
 * Finds the same clusters as atlas_cluster_index_query(), but gives only where each is, in
 * Web Mercator units, and how many incidents it holds: what counting them by area needs,
 * without the cost of turning every position into degrees.
 *
 * Returns: (transfer full) (element-type AtlasClusterPosition): the clusters' positions
 */
GArray *
atlas_cluster_index_query_positions (AtlasClusterIndex *self,
                                     const AtlasBounds *bounds,
                                     int                zoom)
{
  g_autoptr(GArray) result = g_array_new (FALSE, FALSE, sizeof (AtlasClusterPosition));

  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  query_bounds (self, bounds, zoom, append_position, result);
  return g_steal_pointer (&result);
}
