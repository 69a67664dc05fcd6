/* atlas-cluster-index.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clusters of incidents for every zoom level, built once, then updated in place by edits.
 *
 * Points are projected to Web Mercator and quantised to 32 bits per axis (about 1 cm).
 * Level max_zoom + 1 is the points themselves. Each lower level z is made from the level
 * above it the way supercluster does: take the next node not yet taken as a seed, gather
 * every free node within the radius of it, and replace them by one cluster at their
 * weighted centre, with their summed category counts. Seeds are visited in the order of a
 * grid whose rows are at least the radius, so every node before the seed is taken already
 * and the free neighbours lie in two contiguous runs of the sorted array (the rest of the
 * seed's row, and a window of the next row): each level is one linear sweep, with no tree.
 *
 * A level is stored as an array of 32-bit references (a point, or a cluster record) sorted
 * by (row, x), its rows twice as tall as those it was built in. That is the order the next
 * level down is built in, and it is cheap to reach: the nodes that did not merge only need
 * each pair of rows merged, and just the new clusters are radix-sorted. A bounding-box
 * query is a galloping search per non-empty row and a scan of the hits.
 *
 * Two threads: the points are projected and sorted in two halves that are then merged, and
 * a level is swept in two parts when there is a row near its middle that no node of the
 * row before can reach. Either way the result is the same as with one thread.
 *
 * A cluster keeps the mix of its categories for the ring of its badge: the share of each bit
 * of its category mask in 63ths, six bits each for the first six (the seventh is what they
 * leave), in the byte of padding and four bytes more than its most common category alone.
 *
 * For updates in place (atlas-cluster-index-update.c) the index also keeps what each node
 * became in the level below (its parent) and each cluster's count per category.
 *
 * Memory: 18 bytes per point, 24 per cluster and 8 more for where its category counts are
 * (8 bytes each), 4 per node per level where it is drawn, 8 per node that merged. Queries may run in any thread at
 * once; an update must not run beside them.
 *
 * This file holds the object, its accessors and the category mix; building is in
 * atlas-cluster-index-build.c, queries in atlas-cluster-index-query.c, updates in
 * atlas-cluster-index-update.c, and what they share in atlas-cluster-index-private.h.
 */

#define G_LOG_DOMAIN "atlas-cluster-index"

#include "config.h"

#include "atlas-cluster-index-private.h"

G_DEFINE_FINAL_TYPE (AtlasClusterIndex, atlas_cluster_index, G_TYPE_OBJECT)

/* Categories */

/* Shares of 63 for @counts of @n bits, adding up to @count: rounded down, then the
 * remainder given to the largest remainders (ties to the lower bit) when every category
 * has a share; with more categories than a mix holds the rest stays "other". */
static void
quantise_mix (const guint32 *counts,
              guint          n,
              guint32        count,
              guint8        *shares)
{
  guint32 remainders[32];
  guint left = ATLAS_CLUSTER_MIX_WHOLE;

  /* counts stay below 2^30: the scaled count of a cluster under 2^26 fits 32 bits, whose
   * division is the cheaper */
  for (guint k = 0; k < n; k++)
    if (count <= G_MAXUINT32 / ATLAS_CLUSTER_MIX_WHOLE)
      {
        guint32 scaled = counts[k] * ATLAS_CLUSTER_MIX_WHOLE;

        shares[k] = (guint8) (scaled / count);
        remainders[k] = scaled % count;
      }
    else
      {
        guint64 scaled = (guint64) counts[k] * ATLAS_CLUSTER_MIX_WHOLE;

        shares[k] = (guint8) (scaled / count);
        remainders[k] = (guint32) (scaled % count);
      }
  for (guint k = 0; k < n; k++)
    left -= shares[k];
  if (n > ATLAS_CLUSTER_MIX_SIZE)
    return;

  while (left-- > 0)
    {
      guint best = 0;

      for (guint k = 1; k < n; k++)
        if (remainders[k] > remainders[best])
          best = k;
      shares[best]++;
      remainders[best] = 0;
    }
}

/* The lowest bit set in @mask, which is not 0. */
static inline guint
lowest_bit (guint32 mask)
{
#ifdef __GNUC__
  return (guint) __builtin_ctz (mask);
#else
  return (guint) g_bit_nth_lsf (mask, -1);
#endif
}

/* Packs the mix of @cluster from the counts per bit of its category mask; only the bits
 * of the mask are read. */
static void
set_mix (Cluster       *cluster,
         const guint32  bit_counts[32])
{
  guint32 counts[32];
  guint8 shares[32];
  guint64 packed = 0;
  guint n = 0;

  for (guint32 mask = cluster->category_mask; mask != 0; mask &= mask - 1)
    counts[n++] = bit_counts[lowest_bit (mask)];
  quantise_mix (counts, n, cluster->count, shares);
  for (guint k = 0; k < MIN (n, MIX_STORED); k++)
    packed |= (guint64) shares[k] << (k * MIX_BITS);
  cluster->mix_low = (guint8) packed;
  cluster->mix_high = (guint32) (packed >> 8);
}

/**
 * _atlas_cluster_index_finish_cluster:
 * @cluster: a cluster whose count is set
 * @counts: (array length=n_counts): how many of each category it holds, in any order
 *
 * Sets the most common category of @cluster (the lowest among equals), its category mask
 * and the mix of its badge's ring, as both building and updating do.
 */
void
_atlas_cluster_index_finish_cluster (Cluster             *cluster,
                                     const CategoryCount *counts,
                                     guint                n_counts)
{
  guint32 bit_counts[32];   /* set where the mask is */
  guint32 best = 0;

  cluster->category = G_MAXUINT16;
  cluster->category_mask = 0;
  for (guint k = 0; k < n_counts; k++)
    {
      guint bit = counts[k].category % 32;

      if (counts[k].count > best || (counts[k].count == best && counts[k].category < cluster->category))
        {
          best = counts[k].count;
          cluster->category = counts[k].category;
        }
      if (!(cluster->category_mask & (1u << bit)))
        bit_counts[bit] = 0;
      cluster->category_mask |= 1u << bit;
      bit_counts[bit] += counts[k].count;
    }
  set_mix (cluster, bit_counts);
}

/* GObject */

static void
atlas_cluster_index_finalize (GObject *object)
{
  AtlasClusterIndex *self = ATLAS_CLUSTER_INDEX (object);

  for (int zoom = 0; self->levels != NULL && zoom <= self->max_zoom + 1; zoom++)
    {
      g_free (self->levels[zoom].refs);
      g_clear_pointer (&self->levels[zoom].merged, g_array_unref);
    }
  g_clear_pointer (&self->levels, g_free);
  g_clear_pointer (&self->clusters, g_free);
  g_clear_pointer (&self->spans, g_free);
  g_clear_pointer (&self->hist, g_array_unref);
  g_clear_pointer (&self->point_positions, g_free);
  g_clear_pointer (&self->point_ids, g_free);
  g_clear_pointer (&self->point_categories, g_free);

  G_OBJECT_CLASS (atlas_cluster_index_parent_class)->finalize (object);
}

static void
atlas_cluster_index_class_init (AtlasClusterIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_cluster_index_finalize;
}

static void
atlas_cluster_index_init (AtlasClusterIndex *self)
{
}

/* Public API */

/**
 * atlas_cluster_index_new:
 * @points: (array length=n_points): the incidents; copied, may be freed afterwards
 * @n_points: the number of @points
 * @radius_px: how close, in pixels of 256 px tiles, two clusters must be to merge
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds the clusters of @points for zoom levels 0 to
 * %ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM. See atlas_cluster_index_new_full().
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with %G_IO_ERROR_CANCELLED
 */
AtlasClusterIndex *
atlas_cluster_index_new (const AtlasMapPoint  *points,
                         gsize                 n_points,
                         double                radius_px,
                         GCancellable         *cancellable,
                         GError              **error)
{
  return atlas_cluster_index_new_full (points, n_points, radius_px,
                                       ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM,
                                       cancellable, error);
}

/**
 * atlas_cluster_index_new_full:
 * @points: (array length=n_points): the incidents; copied, may be freed afterwards
 * @n_points: the number of @points, at most 2³⁰
 * @radius_px: how close, in pixels of 256 px tiles, two clusters must be to merge
 * @max_zoom: the deepest zoom with clusters, 0 to %ATLAS_CLUSTER_INDEX_MAX_ZOOM_LIMIT
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Builds the clusters of @points for zoom levels 0 to @max_zoom; above @max_zoom every
 * point is its own cluster. Points whose latitude is not within −90…90 or whose longitude
 * is not within −180…180 (NaN included) are skipped and counted, see
 * atlas_cluster_index_get_n_skipped(). Latitudes beyond Web Mercator's ±85.05° are drawn
 * at its edge. The result only depends on @points and their order.
 *
 * A million points take well under a second, on up to two threads; call it from a worker
 * thread. Only atlas_cluster_index_update() changes the index afterwards; it may be
 * queried from several threads at once.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with %G_IO_ERROR_CANCELLED
 *   if @cancellable was cancelled
 */
AtlasClusterIndex *
atlas_cluster_index_new_full (const AtlasMapPoint  *points,
                              gsize                 n_points,
                              double                radius_px,
                              int                   max_zoom,
                              GCancellable         *cancellable,
                              GError              **error)
{
  return _atlas_cluster_index_new_with_threads (points, n_points, radius_px, max_zoom, TRUE,
                                                cancellable, error);
}

/* As atlas_cluster_index_new_full(); with @threaded FALSE the build never uses a second
 * thread nor cuts its work in two, which the tests compare with the two-thread path. */
AtlasClusterIndex *
_atlas_cluster_index_new_with_threads (const AtlasMapPoint  *points,
                                       gsize                 n_points,
                                       double                radius_px,
                                       int                   max_zoom,
                                       gboolean              threaded,
                                       GCancellable         *cancellable,
                                       GError              **error)
{
  g_autoptr(AtlasClusterIndex) self = NULL;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);
  g_return_val_if_fail (n_points <= MAX_POINTS, NULL);
  g_return_val_if_fail (radius_px > 0 && radius_px <= 1e6, NULL);
  g_return_val_if_fail (max_zoom >= 0 && max_zoom <= ATLAS_CLUSTER_INDEX_MAX_ZOOM_LIMIT, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATLAS_TYPE_CLUSTER_INDEX, NULL);
  self->radius_px = radius_px;
  self->max_zoom = max_zoom;
  self->levels = g_new0 (Level, max_zoom + 2);

  if (!_atlas_cluster_index_build (self, points, n_points, threaded, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * atlas_cluster_index_get_expansion_zoom:
 * @self: an #AtlasClusterIndex
 * @cluster_id: the id of a cluster of more than one point, from a query of @self
 *
 * Gets the zoom at which the cluster splits into smaller clusters or single points, the
 * zoom to go to when it is clicked. It is at most the maximum zoom + 1.
 *
 * Returns: the zoom, or -1 if @cluster_id is not a cluster of @self
 */
int
atlas_cluster_index_get_expansion_zoom (AtlasClusterIndex *self,
                                        gint64             cluster_id)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), -1);
  g_return_val_if_fail (cluster_id >= 0 && (guint64) cluster_id < self->n_clusters, -1);

  return self->clusters[cluster_id].zoom + 1;
}

/**
 * atlas_cluster_index_get_n_points:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the number of points in the index, without those skipped
 */
gsize
atlas_cluster_index_get_n_points (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->n_points;
}

/**
 * atlas_cluster_index_get_n_skipped:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the number of points left out for a missing or out-of-range coordinate
 */
gsize
atlas_cluster_index_get_n_skipped (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->n_skipped;
}

/**
 * atlas_cluster_index_get_n_clusters:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the number of clusters of more than one point over all zoom levels
 */
gsize
atlas_cluster_index_get_n_clusters (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->n_clusters - self->n_dead;
}

/**
 * atlas_cluster_index_get_memory_size:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the bytes of memory @self holds, allocator overhead aside
 */
gsize
atlas_cluster_index_get_memory_size (AtlasClusterIndex *self)
{
  gsize size;

  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  size = sizeof *self + (self->max_zoom + 2) * sizeof (Level);
  size += self->slot_capacity * (sizeof (Position) + sizeof (gint64) + sizeof (guint16));
  size += self->cluster_capacity * (sizeof (Cluster) + sizeof (Span));
  size += self->hist->len * sizeof (CategoryCount);
  for (int zoom = 0; zoom <= self->max_zoom + 1; zoom++)
    {
      const Level *level = &self->levels[zoom];
      gsize n = MAX (level->capacity, level->n_refs);

      size += (level->refs != NULL ? n : 0) * sizeof (guint32);
      size += (level->merged != NULL ? level->merged->len : 0) * sizeof (ParentEntry);
    }

  return size;
}

/**
 * atlas_cluster_index_get_max_zoom:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the deepest zoom with clusters; above it every point is its own
 */
int
atlas_cluster_index_get_max_zoom (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->max_zoom;
}

/**
 * atlas_cluster_index_get_radius:
 * @self: an #AtlasClusterIndex
 *
 * Returns: the clustering radius in pixels of 256 px tiles
 */
double
atlas_cluster_index_get_radius (AtlasClusterIndex *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_INDEX (self), 0);

  return self->radius_px;
}

