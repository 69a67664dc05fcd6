/* test-cluster-index.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clusters drawn on the map: counts, splitting with zoom, bounding boxes, categories,
 * bad input, cancellation, queries from several threads, and the two-thread build against
 * the one-thread one.
 */

#include "config.h"

#include <math.h>

#include "atlas-cluster-index-private.h"

#define RADIUS        40.0
/* Positions are stored to about 1 cm; a cluster counts as inside a box within this. */
#define EPSILON_DEG   1e-6
#define METRE_DEG     (1.0 / 111320.0)
#define N_THREADS     4

static const AtlasBounds world = { -180.0, -90.0, 180.0, 90.0 };

/* Clumps and scattered points, some of them on the antimeridian and near the poles. */
static AtlasMapPoint *
make_points (gsize   n,
             guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  AtlasMapPoint *points = g_new (AtlasMapPoint, n);

  for (gsize i = 0; i < n; i++)
    {
      if (i % 3 == 0)
        {
          points[i].latitude = g_rand_double_range (rand, -89.0, 89.0);
          points[i].longitude = g_rand_double_range (rand, -180.0, 180.0);
        }
      else
        {
          /* eight clumps of a few kilometres */
          guint clump = g_rand_int_range (rand, 0, 8);

          points[i].latitude = -40.0 + 12.0 * clump + g_rand_double_range (rand, -0.05, 0.05);
          points[i].longitude = (clump == 7 ? 179.98 : -150.0 + 40.0 * clump)
                                + g_rand_double_range (rand, -0.02, 0.02);
          if (points[i].longitude > 180.0)
            points[i].longitude -= 360.0;
        }
      points[i].id = 1000 + (gint64) i;
      points[i].category = (guint16) g_rand_int_range (rand, 0, 40);
    }

  return points;
}

static AtlasClusterIndex *
build (const AtlasMapPoint *points,
       gsize                n_points)
{
  g_autoptr(GError) error = NULL;
  AtlasClusterIndex *index = atlas_cluster_index_new (points, n_points, RADIUS, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (index);
  return index;
}

static guint64
sum_counts (GArray *clusters)
{
  guint64 sum = 0;

  for (guint i = 0; i < clusters->len; i++)
    sum += g_array_index (clusters, AtlasCluster, i).count;
  return sum;
}

static gboolean
inside (const AtlasCluster *cluster,
        const AtlasBounds  *bounds,
        double              margin)
{
  gboolean lon_inside;

  if (bounds->min_lon <= bounds->max_lon)
    lon_inside = cluster->longitude >= bounds->min_lon - margin
                 && cluster->longitude <= bounds->max_lon + margin;
  else
    lon_inside = cluster->longitude >= bounds->min_lon - margin
                 || cluster->longitude <= bounds->max_lon + margin;

  return lon_inside
         && cluster->latitude >= bounds->min_lat - margin
         && cluster->latitude <= bounds->max_lat + margin;
}

static const AtlasCluster *
find_by_id (GArray *clusters,
            gint64  id)
{
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);

      if (cluster->count == 1 && cluster->id == id)
        return cluster;
    }
  return NULL;
}

static void
test_empty (void)
{
  g_autoptr(AtlasClusterIndex) index = build (NULL, 0);

  g_assert_cmpuint (atlas_cluster_index_get_n_points (index), ==, 0);
  g_assert_cmpuint (atlas_cluster_index_get_n_clusters (index), ==, 0);
  g_assert_cmpint (atlas_cluster_index_get_max_zoom (index), ==,
                   ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM);
  g_assert_cmpuint (atlas_cluster_index_get_memory_size (index), >, 0);

  for (int zoom = -1; zoom <= ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM + 2; zoom++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);

      g_assert_cmpuint (clusters->len, ==, 0);
    }
}

static void
check_counts_add_up (double radius,
                     int    max_zoom)
{
  const gsize n = 20000;
  g_autofree AtlasMapPoint *points = make_points (n, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasClusterIndex) index = NULL;
  const AtlasBounds around_twice = { -540.0, -90.0, 540.0, 90.0 };
  guint previous = 0;

  index = atlas_cluster_index_new_full (points, n, radius, max_zoom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_cluster_index_get_n_points (index), ==, n);
  g_assert_cmpint (atlas_cluster_index_get_max_zoom (index), ==, max_zoom);

  for (int zoom = 0; zoom <= max_zoom + 1; zoom++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);
      g_autoptr(GArray) wide = atlas_cluster_index_query (index, &around_twice, zoom);

      g_assert_cmpuint (sum_counts (clusters), ==, n);
      g_assert_cmpuint (wide->len, ==, clusters->len);
      /* zooming in never joins clusters */
      g_assert_cmpuint (clusters->len, >=, previous);
      previous = clusters->len;
    }

  g_assert_cmpuint (previous, ==, n);
}

static void
test_counts_add_up (void)
{
  check_counts_add_up (RADIUS, ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM);
}

static void
test_counts_add_up_other_radii (void)
{
  check_counts_add_up (1.5, ATLAS_CLUSTER_INDEX_MAX_ZOOM_LIMIT);
  check_counts_add_up (600.0, 5);
  check_counts_add_up (60.0, 0);
}

static void
test_points_above_max_zoom (void)
{
  const gsize n = 5000;
  g_autofree AtlasMapPoint *points = make_points (n, 2);
  g_autoptr(AtlasClusterIndex) index = build (points, n);
  int zoom = atlas_cluster_index_get_max_zoom (index) + 1;
  g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_assert_cmpuint (clusters->len, ==, n);
  for (guint i = 0; i < clusters->len; i++)
    {
      AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);
      const AtlasMapPoint *point;

      g_assert_cmpuint (cluster->count, ==, 1);
      g_assert_cmpint (cluster->id, >=, 1000);
      g_assert_cmpint (cluster->id, <, 1000 + (gint64) n);
      g_assert_true (g_hash_table_add (seen, &cluster->id));

      point = &points[cluster->id - 1000];
      g_assert_cmpuint (cluster->category, ==, point->category);
      g_assert_cmphex (cluster->category_mask, ==, 1u << (point->category % 32));
      g_assert_cmpfloat_with_epsilon (cluster->longitude, point->longitude, EPSILON_DEG);
      if (fabs (point->latitude) < 85.0)
        g_assert_cmpfloat_with_epsilon (cluster->latitude, point->latitude, EPSILON_DEG);
    }

  /* any zoom above the maximum is the same */
  g_clear_pointer (&clusters, g_array_unref);
  clusters = atlas_cluster_index_query (index, &world, zoom + 5);
  g_assert_cmpuint (clusters->len, ==, n);
}

static void
test_far_apart_never_merge (void)
{
  const AtlasMapPoint points[] = {
    { 0.0, -90.0, 1, 0 },
    { 0.0, 90.0, 2, 0 },
    { 60.0, 0.0, 3, 0 },
  };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));

  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index) + 1; zoom++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);

      g_assert_cmpuint (clusters->len, ==, 3);
      for (guint i = 0; i < clusters->len; i++)
        g_assert_cmpuint (g_array_index (clusters, AtlasCluster, i).count, ==, 1);
    }
}

/* Two points @metres apart at the equator, in direction (@east, @north), merge up to some
 * zoom, then split. */
static void
check_pair_splits (double metres,
                   double east,
                   double north,
                   int    expected_split)
{
  const AtlasMapPoint points[] = {
    { 0.0, 10.0, 1, 4 },
    { metres * north * METRE_DEG, 10.0 + metres * east * METRE_DEG, 2, 5 },
  };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  g_autoptr(GArray) merged = atlas_cluster_index_query (index, &world, 0);
  g_autoptr(GArray) split = NULL;
  AtlasCluster *cluster;
  int expansion;

  g_assert_cmpuint (merged->len, ==, 1);
  cluster = &g_array_index (merged, AtlasCluster, 0);
  g_assert_cmpuint (cluster->count, ==, 2);
  g_assert_cmpfloat_with_epsilon (cluster->latitude, points[1].latitude / 2, EPSILON_DEG);
  g_assert_cmpfloat_with_epsilon (cluster->longitude, (10.0 + points[1].longitude) / 2,
                                  EPSILON_DEG);
  g_assert_cmphex (cluster->category_mask, ==, (1u << 4) | (1u << 5));

  expansion = atlas_cluster_index_get_expansion_zoom (index, cluster->id);
  g_assert_cmpint (expansion, ==, expected_split);

  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index) + 1; zoom++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);

      g_assert_cmpuint (clusters->len, ==, zoom < expansion ? 1 : 2);
    }

  split = atlas_cluster_index_query (index, &world, expansion);
  g_assert_nonnull (find_by_id (split, 1));
  g_assert_nonnull (find_by_id (split, 2));
}

static void
test_pair_splits (void)
{
  /* 1 m is less than the radius at any zoom up to 16: apart only above the maximum zoom */
  check_pair_splits (1.0, 1.0, 0.0, ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM + 1);
  check_pair_splits (1.0, 0.0, -1.0, ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM + 1);
  /* 1 km is 40 px (the radius) near zoom 12.6: joined at 12, apart at 13 */
  check_pair_splits (1000.0, 1.0, 0.0, 13);
  check_pair_splits (1000.0, 0.0, 1.0, 13);
  check_pair_splits (1000.0, -M_SQRT1_2, M_SQRT1_2, 13);
  check_pair_splits (1000.0, M_SQRT1_2, -M_SQRT1_2, 13);
}

typedef struct
{
  double x;             /* pixels at the zoom looked at */
  double y;
} Pixel;

static int
compare_pixel_x (gconstpointer a,
                 gconstpointer b)
{
  const Pixel *p = a, *q = b;

  return (p->x > q->x) - (p->x < q->x);
}

/* The clusters at @zoom that were already there at @zoom + 1, in pixels. */
static GArray *
clusters_kept_from_above (AtlasClusterIndex *index,
                          int                zoom)
{
  g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);
  GArray *pixels = g_array_new (FALSE, FALSE, sizeof (Pixel));
  double world_px = 256.0 * ldexp (1.0, zoom);

  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);
      double lat = cluster->latitude * G_PI / 180.0;
      Pixel pixel;

      if (cluster->count > 1
          && atlas_cluster_index_get_expansion_zoom (index, cluster->id) == zoom + 1)
        continue;
      pixel.x = (cluster->longitude + 180.0) / 360.0 * world_px;
      pixel.y = (0.5 - log (tan (G_PI / 4 + lat / 2)) / (2 * G_PI)) * world_px;
      g_array_append_val (pixels, pixel);
    }

  g_array_sort (pixels, compare_pixel_x);
  return pixels;
}

/* Whatever the greedy merge leaves alone at a zoom had nothing free within the radius:
 * no two of those clusters are closer than the radius, in any direction. */
static void
test_nothing_left_within_radius (void)
{
  const gsize n = 20000;
  g_autofree AtlasMapPoint *points = make_points (n, 9);
  g_autoptr(AtlasClusterIndex) index = build (points, n);

  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index); zoom++)
    {
      g_autoptr(GArray) pixels = clusters_kept_from_above (index, zoom);

      for (guint i = 0; i < pixels->len; i++)
        {
          const Pixel *p = &g_array_index (pixels, Pixel, i);

          for (guint j = i + 1; j < pixels->len; j++)
            {
              const Pixel *q = &g_array_index (pixels, Pixel, j);

              if (q->x - p->x > RADIUS)
                break;
              g_assert_cmpfloat (hypot (q->x - p->x, q->y - p->y), >, RADIUS - 0.01);
            }
        }
    }
}

/* Incident ids and cluster ids are apart: tell them apart by count. */
static gint64
cluster_key (const AtlasCluster *cluster)
{
  return cluster->id * 2 + (cluster->count > 1);
}

static void
test_small_bbox (void)
{
  const gsize n = 30000;
  g_autofree AtlasMapPoint *points = make_points (n, 3);
  g_autoptr(AtlasClusterIndex) index = build (points, n);
  const AtlasBounds boxes[] = {
    { -151.0, -41.0, -149.0, -39.0 },     /* around a clump */
    { -150.01, -40.02, -149.99, -39.98 },  /* inside a clump */
    { 10.0, 20.0, 60.0, 50.0 },
    { -180.0, 80.0, 180.0, 90.0 },        /* near the pole */
  };

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index) + 1; zoom++)
      {
        g_autoptr(GArray) found = atlas_cluster_index_query (index, &boxes[b], zoom);
        g_autoptr(GArray) all = atlas_cluster_index_query (index, &world, zoom);
        g_autoptr(GHashTable) keys = g_hash_table_new (g_int64_hash, g_int64_equal);
        g_autofree gint64 *found_keys = g_new (gint64, found->len + 1);

        for (guint i = 0; i < found->len; i++)
          {
            const AtlasCluster *cluster = &g_array_index (found, AtlasCluster, i);

            g_assert_true (inside (cluster, &boxes[b], EPSILON_DEG));
            found_keys[i] = cluster_key (cluster);
            g_hash_table_add (keys, &found_keys[i]);
          }

        /* nothing clearly inside is missed */
        for (guint i = 0; i < all->len; i++)
          {
            const AtlasCluster *cluster = &g_array_index (all, AtlasCluster, i);
            gint64 key = cluster_key (cluster);

            if (inside (cluster, &boxes[b], -EPSILON_DEG))
              g_assert_true (g_hash_table_contains (keys, &key));
          }
      }
}

static void
test_antimeridian (void)
{
  const AtlasMapPoint points[] = {
    { 10.0, 179.9, 1, 0 },
    { 10.0, -179.9, 2, 0 },
    { 10.0, 0.0, 3, 0 },
    { 10.0, 180.0, 4, 0 },
  };
  const AtlasBounds across = { 179.0, 0.0, -179.0, 20.0 };
  const AtlasBounds unwrapped = { 179.0, 0.0, 181.0, 20.0 };
  const AtlasBounds shifted = { -181.0, 0.0, -179.0, 20.0 };
  const AtlasBounds *boxes[] = { &across, &unwrapped, &shifted };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  int zoom = atlas_cluster_index_get_max_zoom (index) + 1;

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, boxes[b], zoom);

      g_assert_cmpuint (clusters->len, ==, 3);
      g_assert_nonnull (find_by_id (clusters, 1));
      g_assert_nonnull (find_by_id (clusters, 2));
      g_assert_nonnull (find_by_id (clusters, 4));
      g_assert_null (find_by_id (clusters, 3));
    }
}

static void
test_bad_bounds (void)
{
  const AtlasMapPoint points[] = { { 10.0, 10.0, 1, 0 } };
  const AtlasBounds upside_down = { -180.0, 50.0, 180.0, -50.0 };
  const AtlasBounds not_a_box = { NAN, -10.0, 20.0, 10.0 };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  g_autoptr(GArray) first = atlas_cluster_index_query (index, &upside_down, 3);
  g_autoptr(GArray) second = atlas_cluster_index_query (index, &not_a_box, 3);

  g_assert_cmpuint (first->len, ==, 0);
  g_assert_cmpuint (second->len, ==, 0);
}

static void
test_cancelled (void)
{
  const gsize n = 1000;
  g_autofree AtlasMapPoint *points = make_points (n, 4);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasClusterIndex) index = NULL;

  g_cancellable_cancel (cancellable);
  index = atlas_cluster_index_new (points, n, RADIUS, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (index);
}

static const AtlasCluster *
only_cluster (GArray *clusters)
{
  g_assert_cmpuint (clusters->len, ==, 1);
  return &g_array_index (clusters, AtlasCluster, 0);
}

#define EAST_300_M (5.0 + 300 * METRE_DEG)

static void
test_categories (void)
{
  /* clump a: 3 × category 1 and 2 × 2; clump b, 300 m east: 2 × 2 and 1 × 40. Joined, the
   * most common is 2 (4 of 8) although 1 leads the larger clump. */
  const AtlasMapPoint points[] = {
    { 5.0, 5.0, 1, 1 }, { 5.0, 5.0, 2, 1 }, { 5.0, 5.0, 3, 1 },
    { 5.0, 5.0, 4, 2 }, { 5.0, 5.0, 5, 2 },
    { 5.0, EAST_300_M, 6, 2 }, { 5.0, EAST_300_M, 7, 2 }, { 5.0, EAST_300_M, 8, 40 },
  };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  g_autoptr(GArray) joined = atlas_cluster_index_query (index, &world, 0);
  g_autoptr(GArray) apart = atlas_cluster_index_query (index, &world, 16);
  const AtlasCluster *cluster = only_cluster (joined);

  g_assert_cmpuint (cluster->count, ==, 8);
  g_assert_cmpuint (cluster->category, ==, 2);
  g_assert_cmphex (cluster->category_mask, ==, (1u << 1) | (1u << 2) | (1u << (40 % 32)));

  g_assert_cmpuint (apart->len, ==, 2);
  for (guint i = 0; i < apart->len; i++)
    {
      cluster = &g_array_index (apart, AtlasCluster, i);
      if (cluster->count == 5)
        {
          g_assert_cmpuint (cluster->category, ==, 1);
          g_assert_cmphex (cluster->category_mask, ==, (1u << 1) | (1u << 2));
        }
      else
        {
          g_assert_cmpuint (cluster->count, ==, 3);
          g_assert_cmpuint (cluster->category, ==, 2);
          g_assert_cmphex (cluster->category_mask, ==, (1u << 2) | (1u << 8));
        }
    }
}

static void
test_categories_counted (void)
{
  /* clump a: 3 × category 1 and 1 × 2; clump b: 1 × 2 and 1 × 7. Joined, 1 has 3 of 6: the
   * counts of the clumps are added, not just which categories they have. */
  const AtlasMapPoint points[] = {
    { 5.0, 5.0, 1, 1 }, { 5.0, 5.0, 2, 1 }, { 5.0, 5.0, 3, 1 }, { 5.0, 5.0, 4, 2 },
    { 5.0, EAST_300_M, 5, 2 }, { 5.0, EAST_300_M, 6, 7 },
  };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  g_autoptr(GArray) joined = atlas_cluster_index_query (index, &world, 0);
  const AtlasCluster *cluster = only_cluster (joined);

  g_assert_cmpuint (cluster->count, ==, 6);
  g_assert_cmpuint (cluster->category, ==, 1);
  g_assert_cmphex (cluster->category_mask, ==, (1u << 1) | (1u << 2) | (1u << 7));
}

static void
test_category_tie (void)
{
  const AtlasMapPoint points[] = {
    { 1.0, 1.0, 1, 9 }, { 1.0, 1.0, 2, 3 }, { 1.0, 1.0, 3, 9 }, { 1.0, 1.0, 4, 3 },
  };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, 10);

  /* a tie goes to the smaller category, so that it does not depend on input order */
  g_assert_cmpuint (only_cluster (clusters)->category, ==, 3);
}

/* The share of @category (a bit of the mask) in @cluster's mix, in 63ths; -1 if unnamed. */
static int
share_of (const AtlasCluster *cluster,
          guint               category)
{
  for (guint k = 0; k < ATLAS_CLUSTER_MIX_SIZE; k++)
    if (cluster->mix_shares[k] > 0 && cluster->mix_categories[k] == category)
      return cluster->mix_shares[k];
  return -1;
}

static guint
sum_shares (const AtlasCluster *cluster)
{
  guint sum = 0;

  for (guint k = 0; k < ATLAS_CLUSTER_MIX_SIZE; k++)
    sum += cluster->mix_shares[k];
  return sum;
}

static void
test_category_mix (void)
{
  /* 5 × category 4, 3 × 9, 2 × 1, 2 × 6, 1 × 300 (bit 12) and 1 × 2, in two clumps */
  const AtlasMapPoint points[] = {
    { 5.0, 5.0, 1, 4 }, { 5.0, 5.0, 2, 4 }, { 5.0, 5.0, 3, 4 }, { 5.0, 5.0, 4, 4 },
    { 5.0, 5.0, 5, 4 }, { 5.0, 5.0, 6, 9 }, { 5.0, 5.0, 7, 9 }, { 5.0, 5.0, 8, 9 },
    { 5.0, EAST_300_M, 9, 6 }, { 5.0, EAST_300_M, 10, 6 }, { 5.0, EAST_300_M, 11, 1 },
    { 5.0, EAST_300_M, 12, 1 }, { 5.0, EAST_300_M, 13, 300 }, { 5.0, EAST_300_M, 14, 2 },
  };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  g_autoptr(GArray) joined = atlas_cluster_index_query (index, &world, 0);
  g_autoptr(GArray) apart = atlas_cluster_index_query (index, &world, 16);
  g_autoptr(GArray) single = atlas_cluster_index_query (index, &world, 17);
  const AtlasCluster *cluster = only_cluster (joined);

  /* 63 × 5/14 = 22.5, 13.5, 9, 9, 4.5, 4.5: rounded down to 61, and the two left go to
   * the largest remainders, ties to the lower bit: 2 and 4 */
  g_assert_cmpuint (cluster->count, ==, 14);
  g_assert_cmpint (share_of (cluster, 4), ==, 23);
  g_assert_cmpint (share_of (cluster, 9), ==, 13);
  g_assert_cmpint (share_of (cluster, 1), ==, 9);
  g_assert_cmpint (share_of (cluster, 6), ==, 9);
  g_assert_cmpint (share_of (cluster, 12), ==, 4);
  g_assert_cmpint (share_of (cluster, 2), ==, 5);
  g_assert_cmpuint (sum_shares (cluster), ==, ATLAS_CLUSTER_MIX_WHOLE);

  g_assert_cmpuint (apart->len, ==, 2);
  for (guint i = 0; i < apart->len; i++)
    {
      cluster = &g_array_index (apart, AtlasCluster, i);
      if (cluster->count == 8)
        {
          g_assert_cmpint (share_of (cluster, 4), ==, 39);   /* 39.4 */
          g_assert_cmpint (share_of (cluster, 9), ==, 24);   /* 23.6 */
          g_assert_cmpint (share_of (cluster, 1), ==, -1);
        }
      else
        {
          g_assert_cmpint (share_of (cluster, 6), ==, 21);
          g_assert_cmpint (share_of (cluster, 1), ==, 21);
          g_assert_cmpint (share_of (cluster, 12), ==, 10);  /* 10.5, the lower bit first */
          g_assert_cmpint (share_of (cluster, 2), ==, 11);
        }
      g_assert_cmpuint (sum_shares (cluster), ==, ATLAS_CLUSTER_MIX_WHOLE);
    }

  /* a single incident is all its own category */
  for (guint i = 0; i < single->len; i++)
    {
      cluster = &g_array_index (single, AtlasCluster, i);
      g_assert_cmpuint (cluster->count, ==, 1);
      g_assert_cmpint (share_of (cluster, cluster->category % 32), ==, 63);
      g_assert_cmpuint (sum_shares (cluster), ==, 63);
    }
}

/* Nine categories: six named rounded down, the rest left to "other". */
static void
test_category_mix_many (void)
{
  AtlasMapPoint points[45];
  g_autoptr(AtlasClusterIndex) index = NULL;
  g_autoptr(GArray) clusters = NULL;
  const AtlasCluster *cluster;

  /* category k has k + 1 incidents, k = 0…8 */
  for (guint i = 0, k = 0; k < 9; k++)
    for (guint j = 0; j <= k; j++, i++)
      points[i] = (AtlasMapPoint) { 5.0, 5.0, i, (guint16) k };
  index = build (points, G_N_ELEMENTS (points));
  clusters = atlas_cluster_index_query (index, &world, 0);
  cluster = only_cluster (clusters);

  for (guint k = 0; k < 6; k++)
    g_assert_cmpint (share_of (cluster, k), ==, (k + 1) * 63 / 45);
  g_assert_cmpint (share_of (cluster, 6), ==, -1);
  g_assert_cmpuint (sum_shares (cluster), <, 63 - 6 * 63 / 45);
}

/* At every zoom, every cluster's shares add up to the whole with up to seven categories and
 * to no more than it otherwise, name only categories it has, and are within one 63th of
 * what they stand for. */
static void
test_category_mix_consistent (void)
{
  const gsize n = 20000;
  g_autofree AtlasMapPoint *points = make_points (n, 77);
  g_autoptr(AtlasClusterIndex) index = NULL;

  /* seven categories: every mix is complete */
  for (gsize i = 0; i < n; i++)
    points[i].category %= 7;
  index = build (points, n);

  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index) + 1; zoom++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);

      for (guint i = 0; i < clusters->len; i++)
        {
          const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);

          g_assert_cmpuint (sum_shares (cluster), ==, ATLAS_CLUSTER_MIX_WHOLE);
          g_assert_cmpint (share_of (cluster, cluster->category),
                           >=, ATLAS_CLUSTER_MIX_WHOLE / 7 - 1);
          for (guint k = 0; k < ATLAS_CLUSTER_MIX_SIZE; k++)
            if (cluster->mix_shares[k] > 0)
              g_assert_true (cluster->category_mask & (1u << cluster->mix_categories[k]));
        }
    }
}

/* The positions query finds the same clusters, in Web Mercator units. */
static void
test_query_positions (void)
{
  const gsize n = 20000;
  g_autofree AtlasMapPoint *points = make_points (n, 91);
  g_autoptr(AtlasClusterIndex) index = build (points, n);
  const AtlasBounds boxes[] = { { -180, -90, 180, 90 }, { -60, -50, 40, 10 },
                                { 170, -80, -170, 80 } };

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index) + 1; zoom += 3)
      {
        g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &boxes[b], zoom);
        g_autoptr(GArray) positions = atlas_cluster_index_query_positions (index, &boxes[b],
                                                                           zoom);

        g_assert_cmpuint (positions->len, ==, clusters->len);
        for (guint i = 0; i < clusters->len; i++)
          {
            const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);
            const AtlasClusterPosition *position = &g_array_index (positions,
                                                                   AtlasClusterPosition, i);
            double y = 0.5 - asinh (tan (cluster->latitude * G_PI / 180)) / (2 * G_PI);

            g_assert_cmpuint (position->count, ==, cluster->count);
            g_assert_cmpfloat_with_epsilon (position->x, (cluster->longitude + 180) / 360, 1e-9);
            g_assert_cmpfloat_with_epsilon (position->y, y, 1e-9);
          }
      }
}

static void
test_invalid_coordinates (void)
{
  const AtlasMapPoint points[] = {
    { 10.0, 20.0, 1, 0 },
    { NAN, 20.0, 2, 0 },
    { 10.0, NAN, 3, 0 },
    { 95.0, 20.0, 4, 0 },
    { 10.0, 190.0, 5, 0 },
    { -INFINITY, 20.0, 6, 0 },
    { 89.0, 20.0, 7, 0 },     /* valid, north of what Web Mercator shows */
    { -90.0, -180.0, 8, 0 },
  };
  g_autoptr(AtlasClusterIndex) index = build (points, G_N_ELEMENTS (points));
  g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, 20);
  const AtlasCluster *north;

  g_assert_cmpuint (atlas_cluster_index_get_n_points (index), ==, 3);
  g_assert_cmpuint (atlas_cluster_index_get_n_skipped (index), ==, 5);
  g_assert_cmpuint (clusters->len, ==, 3);
  g_assert_nonnull (find_by_id (clusters, 1));
  g_assert_nonnull (find_by_id (clusters, 8));

  north = find_by_id (clusters, 7);
  g_assert_nonnull (north);
  g_assert_cmpfloat (north->latitude, >, 85.0);
  g_assert_cmpfloat (north->latitude, <=, 85.0512);
}

static void
test_expansion_zoom (void)
{
  const gsize n = 10000;
  g_autofree AtlasMapPoint *points = make_points (n, 5);
  g_autoptr(AtlasClusterIndex) index = build (points, n);
  int max_zoom = atlas_cluster_index_get_max_zoom (index);

  for (int zoom = 0; zoom <= max_zoom; zoom++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);

      for (guint i = 0; i < clusters->len; i++)
        {
          const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);
          int expansion;

          if (cluster->count == 1)
            continue;
          expansion = atlas_cluster_index_get_expansion_zoom (index, cluster->id);
          g_assert_cmpint (expansion, >, zoom);
          g_assert_cmpint (expansion, <=, max_zoom + 1);
        }
    }

  g_test_expect_message ("atlas-cluster-index", G_LOG_LEVEL_CRITICAL, "*cluster_id*");
  g_assert_cmpint (atlas_cluster_index_get_expansion_zoom (index, -5), ==, -1);
  g_test_assert_expected_messages ();
}

static void
test_deterministic (void)
{
  const gsize n = 20000;
  g_autofree AtlasMapPoint *points = make_points (n, 6);
  g_autoptr(AtlasClusterIndex) first = build (points, n);
  g_autoptr(AtlasClusterIndex) second = build (points, n);

  g_assert_cmpuint (atlas_cluster_index_get_n_clusters (first), ==,
                    atlas_cluster_index_get_n_clusters (second));
  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (first) + 1; zoom++)
    {
      g_autoptr(GArray) a = atlas_cluster_index_query (first, &world, zoom);
      g_autoptr(GArray) b = atlas_cluster_index_query (second, &world, zoom);

      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        {
          const AtlasCluster *x = &g_array_index (a, AtlasCluster, i);
          const AtlasCluster *y = &g_array_index (b, AtlasCluster, i);

          g_assert_cmpint (x->id, ==, y->id);
          g_assert_cmpuint (x->count, ==, y->count);
          g_assert_cmpfloat (x->latitude, ==, y->latitude);
          g_assert_cmpfloat (x->longitude, ==, y->longitude);
        }
    }
}

/* The clusters of a few views at every zoom, reduced to one number. */
static guint64
query_views (AtlasClusterIndex *index)
{
  guint64 digest = 0;

  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index) + 1; zoom++)
    for (int view = 0; view < 16; view++)
      {
        AtlasBounds bounds = { -180.0 + view * 20.0, -60.0, -140.0 + view * 25.0, 60.0 };
        g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &bounds, zoom);

        for (guint i = 0; i < clusters->len; i++)
          {
            const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);

            digest = digest * 31 + (guint64) cluster->id * 7 + cluster->count;
          }
      }

  return digest;
}

static gpointer
query_thread (gpointer data)
{
  return GSIZE_TO_POINTER (query_views (data));
}

static void
test_concurrent_queries (void)
{
  const gsize n = 50000;
  g_autofree AtlasMapPoint *points = make_points (n, 7);
  g_autoptr(AtlasClusterIndex) index = build (points, n);
  guint64 expected = query_views (index);
  GThread *threads[N_THREADS];

  for (guint t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("query", query_thread, index);
  for (guint t = 0; t < N_THREADS; t++)
    g_assert_cmpuint ((gsize) GPOINTER_TO_SIZE (g_thread_join (threads[t])), ==,
                      (gsize) expected);
}

#define N_CLUMPS     4
#define CLUMP_POINTS 60000

/* Four clumps 90° apart that never merge, each with three in five points of category
 * 2k and the rest 2k + 1; big enough for the build to use two threads and to compact its
 * category counts. */
static void
test_large_input (void)
{
  const gsize n = N_CLUMPS * CLUMP_POINTS;
  g_autofree AtlasMapPoint *points = g_new (AtlasMapPoint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autoptr(AtlasClusterIndex) index = NULL;

  for (gsize i = 0; i < n; i++)
    {
      guint clump = i % N_CLUMPS;

      points[i].latitude = g_rand_double_range (rand, -2.0, 2.0);
      points[i].longitude = -135.0 + 90.0 * clump + g_rand_double_range (rand, -2.0, 2.0);
      points[i].id = (gint64) i;
      points[i].category = (guint16) (2 * clump + ((i / N_CLUMPS) % 5 < 3 ? 0 : 1));
    }
  index = build (points, n);

  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (index) + 1; zoom++)
    {
      g_autoptr(GArray) clusters = atlas_cluster_index_query (index, &world, zoom);

      g_assert_cmpuint (sum_counts (clusters), ==, n);
      for (guint i = 0; i < clusters->len; i++)
        {
          const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);
          guint clump = (guint) ((cluster->longitude + 180.0) / 90.0);

          g_assert_cmphex (cluster->category_mask & ~(3u << (2 * clump)), ==, 0);
          if (zoom == 0)
            {
              g_assert_cmpuint (cluster->count, ==, CLUMP_POINTS);
              g_assert_cmpuint (cluster->category, ==, 2 * clump);
              g_assert_cmphex (cluster->category_mask, ==, 3u << (2 * clump));
            }
        }
    }

  g_assert_cmpuint (atlas_cluster_index_get_memory_size (index) / n, <, 100);
}

/* A view of few incidents draws each on its own; one of many draws the clusters. */
static void
test_few_in_view_not_clustered (void)
{
  const gsize n = 40;
  g_autofree AtlasMapPoint *points = g_new (AtlasMapPoint, n);
  g_autoptr(AtlasClusterIndex) index = NULL;
  AtlasBounds tehran = { 51.0, 35.4, 51.8, 36.0 };

  /* forty incidents in Tehran, a few hundred metres apart */
  for (gsize i = 0; i < n; i++)
    points[i] = (AtlasMapPoint) { 35.70 + 0.004 * (i % 7), 51.40 + 0.004 * (i / 7),
                                  (gint64) i, (guint16) (i % 3) };
  index = build (points, n);

  for (int zoom = 0; zoom <= 10; zoom++)
    {
      g_autoptr(GArray) clustered = atlas_cluster_index_query (index, &tehran, zoom);
      g_autoptr(GArray) few = atlas_cluster_index_query_for_view (index, &tehran, zoom, 41);
      g_autoptr(GArray) many = atlas_cluster_index_query_for_view (index, &tehran, zoom, 40);

      /* the plain query clusters them at every one of these zooms */
      g_assert_cmpuint (clustered->len, <, n);
      g_assert_cmpuint (few->len, ==, n);
      for (guint i = 0; i < few->len; i++)
        {
          const AtlasCluster *single = &g_array_index (few, AtlasCluster, i);

          g_assert_cmpuint (single->count, ==, 1);
          g_assert_nonnull (find_by_id (few, single->id));
        }
      g_assert_cmpuint (many->len, ==, clustered->len);
      g_assert_cmpuint (sum_counts (many), ==, n);
    }
}

/* Asserts that @a and @b give the same clusters, in the same order, at every zoom. */
static void
assert_same_index (AtlasClusterIndex *a,
                   AtlasClusterIndex *b)
{
  g_assert_cmpuint (atlas_cluster_index_get_n_points (a), ==,
                    atlas_cluster_index_get_n_points (b));
  g_assert_cmpuint (atlas_cluster_index_get_n_clusters (a), ==,
                    atlas_cluster_index_get_n_clusters (b));
  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (a) + 1; zoom++)
    {
      g_autoptr(GArray) x = atlas_cluster_index_query (a, &world, zoom);
      g_autoptr(GArray) y = atlas_cluster_index_query (b, &world, zoom);

      g_assert_cmpuint (x->len, ==, y->len);
      for (guint i = 0; i < x->len; i++)
        {
          const AtlasCluster *p = &g_array_index (x, AtlasCluster, i);
          const AtlasCluster *q = &g_array_index (y, AtlasCluster, i);

          g_assert_cmpint (p->id, ==, q->id);
          g_assert_cmpuint (p->count, ==, q->count);
          g_assert_cmpfloat (p->latitude, ==, q->latitude);
          g_assert_cmpfloat (p->longitude, ==, q->longitude);
          g_assert_cmpuint (p->category, ==, q->category);
          g_assert_cmphex (p->category_mask, ==, q->category_mask);
          g_assert_cmpmem (p->mix_shares, sizeof p->mix_shares,
                           q->mix_shares, sizeof q->mix_shares);
          if (p->count > 1)
            g_assert_cmpint (atlas_cluster_index_get_expansion_zoom (a, p->id), ==,
                             atlas_cluster_index_get_expansion_zoom (b, q->id));
        }
    }
}

/* The two-thread build (halves sorted apart then merged, levels swept in two parts) gives
 * exactly what one thread gives, on data large enough to take that path. */
static void
test_threads_agree (void)
{
  const gsize n = 300000;
  g_autofree AtlasMapPoint *points = make_points (n, 14);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasClusterIndex) one = NULL;
  g_autoptr(AtlasClusterIndex) two = NULL;

  /* scatter the clumps' latitudes too, so that many levels find a row to split at */
  for (gsize i = 0; i < n; i += 2)
    points[i].latitude = -80.0 + 160.0 * (double) i / n;

  one = _atlas_cluster_index_new_with_threads (points, n, RADIUS,
                                               ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM, FALSE,
                                               NULL, &error);
  g_assert_no_error (error);
  two = _atlas_cluster_index_new_with_threads (points, n, RADIUS,
                                               ATLAS_CLUSTER_INDEX_DEFAULT_MAX_ZOOM, TRUE,
                                               NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (one->n_split_levels, ==, 0);
  g_test_message ("levels swept in two parts: %u", two->n_split_levels);
  g_assert_cmpuint (two->n_split_levels, >=, 3);
  assert_same_index (one, two);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/cluster-index/empty", test_empty);
  g_test_add_func ("/atlas/cluster-index/counts-add-up", test_counts_add_up);
  g_test_add_func ("/atlas/cluster-index/counts-add-up-other-radii",
                   test_counts_add_up_other_radii);
  g_test_add_func ("/atlas/cluster-index/points-above-max-zoom", test_points_above_max_zoom);
  g_test_add_func ("/atlas/cluster-index/far-apart-never-merge", test_far_apart_never_merge);
  g_test_add_func ("/atlas/cluster-index/pair-splits", test_pair_splits);
  g_test_add_func ("/atlas/cluster-index/nothing-left-within-radius",
                   test_nothing_left_within_radius);
  g_test_add_func ("/atlas/cluster-index/small-bbox", test_small_bbox);
  g_test_add_func ("/atlas/cluster-index/antimeridian", test_antimeridian);
  g_test_add_func ("/atlas/cluster-index/bad-bounds", test_bad_bounds);
  g_test_add_func ("/atlas/cluster-index/cancelled", test_cancelled);
  g_test_add_func ("/atlas/cluster-index/categories", test_categories);
  g_test_add_func ("/atlas/cluster-index/categories-counted", test_categories_counted);
  g_test_add_func ("/atlas/cluster-index/category-tie", test_category_tie);
  g_test_add_func ("/atlas/cluster-index/category-mix", test_category_mix);
  g_test_add_func ("/atlas/cluster-index/category-mix-many", test_category_mix_many);
  g_test_add_func ("/atlas/cluster-index/category-mix-consistent",
                   test_category_mix_consistent);
  g_test_add_func ("/atlas/cluster-index/query-positions", test_query_positions);
  g_test_add_func ("/atlas/cluster-index/invalid-coordinates", test_invalid_coordinates);
  g_test_add_func ("/atlas/cluster-index/expansion-zoom", test_expansion_zoom);
  g_test_add_func ("/atlas/cluster-index/deterministic", test_deterministic);
  g_test_add_func ("/atlas/cluster-index/concurrent-queries", test_concurrent_queries);
  g_test_add_func ("/atlas/cluster-index/large-input", test_large_input);
  g_test_add_func ("/atlas/cluster-index/threads-agree", test_threads_agree);
  g_test_add_func ("/atlas/cluster-index/few-in-view-not-clustered",
                   test_few_in_view_not_clustered);

  return g_test_run ();
}
