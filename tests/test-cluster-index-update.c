/* test-cluster-index-update.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clustering index updated in place by edits (moves, additions, deletions, category
 * changes, in random sequences) gives at every zoom exactly what an index built from
 * scratch over the same points gives: the same nodes in the same order, with the same
 * positions, counts, categories and mixes.
 */

#include "config.h"

#include <math.h>

#include "atlas-cluster-index-private.h"

static const AtlasBounds world = { -180.0, -90.0, 180.0, 90.0 };

typedef struct {
  GRand  *rand;
  GArray *points;     /* AtlasMapPoint, in id order: what a fresh build is given */
  gint64  next_id;
  guint   n_categories;
} Case;

/* A place near one of a few clumps, or anywhere: dense enough that clusters merge, split
 * and pass nodes to each other as points come and go. */
static void
random_place (Case          *c,
              AtlasMapPoint *point)
{
  guint clump = g_rand_int_range (c->rand, 0, 4);
  double spread = g_rand_boolean (c->rand) ? 0.02 : 2.0;

  if (g_rand_int_range (c->rand, 0, 10) == 0)
    {
      point->latitude = g_rand_double_range (c->rand, -80.0, 80.0);
      point->longitude = g_rand_double_range (c->rand, -180.0, 180.0);
      return;
    }
  point->latitude = -30.0 + 20.0 * clump + g_rand_double_range (c->rand, -spread, spread);
  point->longitude = -100.0 + 60.0 * clump + g_rand_double_range (c->rand, -spread, spread);
}

static void
case_init (Case    *c,
           guint32  seed,
           guint    n,
           guint    n_categories)
{
  c->rand = g_rand_new_with_seed (seed);
  c->points = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));
  c->next_id = 1;
  c->n_categories = n_categories;
  for (guint i = 0; i < n; i++)
    {
      AtlasMapPoint point = { 0, 0, c->next_id++, 0 };

      random_place (c, &point);
      point.category = (guint16) g_rand_int_range (c->rand, 0, n_categories);
      g_array_append_val (c->points, point);
    }
}

static void
case_clear (Case *c)
{
  g_rand_free (c->rand);
  g_array_unref (c->points);
}

static AtlasClusterIndex *
case_build (Case   *c,
            double  radius)
{
  g_autoptr(GError) error = NULL;
  AtlasClusterIndex *index = atlas_cluster_index_new ((AtlasMapPoint *) c->points->data,
                                                      c->points->len, radius, NULL, &error);

  g_assert_no_error (error);
  return index;
}

/* One random edit of @c, applied to @index in place. */
static void
edit_once (Case              *c,
           AtlasClusterIndex *index)
{
  guint kind = g_rand_int_range (c->rand, 0, 4);
  guint at = c->points->len > 0 ? g_rand_int_range (c->rand, 0, c->points->len) : 0;
  AtlasMapPoint *point = c->points->len > 0 ? &g_array_index (c->points, AtlasMapPoint, at)
                                            : NULL;
  AtlasMapPoint added = { 0, 0, c->next_id, 0 };
  gint64 id;

  if (point == NULL || kind == 0)
    {
      /* an incident added */
      random_place (c, &added);
      added.category = (guint16) g_rand_int_range (c->rand, 0, c->n_categories);
      c->next_id++;
      g_array_append_val (c->points, added);
      atlas_cluster_index_update (index, NULL, 0, &added, 1);
      return;
    }

  id = point->id;
  if (kind == 1)
    {
      /* deleted */
      g_array_remove_index (c->points, at);
      atlas_cluster_index_update (index, &id, 1, NULL, 0);
      return;
    }

  if (kind == 2)
    random_place (c, point);     /* moved */
  else
    point->category = (guint16) g_rand_int_range (c->rand, 0, c->n_categories);
  atlas_cluster_index_update (index, &id, 1, point, 1);
}

/* Asserts that @updated gives at every zoom the nodes @fresh gives, in the same order.
 * Cluster ids differ (an update numbers its clusters after the build's): they are
 * compared by the zoom they expand at. */
static void
assert_same_as_fresh (AtlasClusterIndex *updated,
                      AtlasClusterIndex *fresh)
{
  g_assert_cmpuint (atlas_cluster_index_get_n_points (updated), ==,
                    atlas_cluster_index_get_n_points (fresh));

  for (int zoom = 0; zoom <= atlas_cluster_index_get_max_zoom (fresh) + 1; zoom++)
    {
      g_autoptr(GArray) x = atlas_cluster_index_query (updated, &world, zoom);
      g_autoptr(GArray) y = atlas_cluster_index_query (fresh, &world, zoom);

      g_assert_cmpuint (x->len, ==, y->len);
      for (guint i = 0; i < x->len; i++)
        {
          const AtlasCluster *p = &g_array_index (x, AtlasCluster, i);
          const AtlasCluster *q = &g_array_index (y, AtlasCluster, i);

          g_assert_cmpuint (p->count, ==, q->count);
          g_assert_cmpfloat (p->latitude, ==, q->latitude);
          g_assert_cmpfloat (p->longitude, ==, q->longitude);
          g_assert_cmpuint (p->category, ==, q->category);
          g_assert_cmphex (p->category_mask, ==, q->category_mask);
          g_assert_cmpmem (p->mix_categories, sizeof p->mix_categories,
                           q->mix_categories, sizeof q->mix_categories);
          g_assert_cmpmem (p->mix_shares, sizeof p->mix_shares,
                           q->mix_shares, sizeof q->mix_shares);
          if (p->count == 1)
            g_assert_cmpint (p->id, ==, q->id);
          else
            g_assert_cmpint (atlas_cluster_index_get_expansion_zoom (updated, p->id), ==,
                             atlas_cluster_index_get_expansion_zoom (fresh, q->id));
        }
    }
  g_assert_cmpuint (atlas_cluster_index_get_n_clusters (updated), ==,
                    atlas_cluster_index_get_n_clusters (fresh));
}

/* What the next update relies on: each node's parent is a node of the level below, whose
 * count its children's add up to, and the children of one parent lie in two rows. */
static void
check_parents (AtlasClusterIndex *self)
{
  for (int k = 1; k <= self->max_zoom + 1; k++)
    {
      const Level *level = &self->levels[k];
      const Level *below = &self->levels[k - 1];
      g_autoptr(GHashTable) sums = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) first_rows = g_hash_table_new (NULL, NULL);

      for (gsize i = 0; i < level->n_refs; i++)
        {
          guint32 ref = level_ref (level, i);
          gpointer parent = GUINT_TO_POINTER (level_parent (level, i));
          guint sum = GPOINTER_TO_UINT (g_hash_table_lookup (sums, parent));
          guint row = (guint) grid_row (&level->grid, ref_position (self, ref));

          g_hash_table_insert (sums, parent, GUINT_TO_POINTER (sum + ref_count (self, ref)));
          if (!g_hash_table_contains (first_rows, parent))
            g_hash_table_insert (first_rows, parent, GUINT_TO_POINTER (row));
          g_assert_cmpuint (row, <=, GPOINTER_TO_UINT (g_hash_table_lookup (first_rows, parent)) + 1);
        }
      g_assert_cmpuint (g_hash_table_size (sums), ==, below->n_refs);
      for (gsize i = 0; i < below->n_refs; i++)
        {
          guint32 ref = level_ref (below, i);

          g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (sums, GUINT_TO_POINTER (ref))),
                            ==, ref_count (self, ref));
        }
    }
}

static void
check_random_edits (guint32 seed,
                    guint   n_points,
                    guint   n_categories,
                    double  radius,
                    guint   n_edits,
                    guint   check_every)
{
  Case c;
  g_autoptr(AtlasClusterIndex) index = NULL;

  case_init (&c, seed, n_points, n_categories);
  index = case_build (&c, radius);
  check_parents (index);
  for (guint edit = 1; edit <= n_edits; edit++)
    {
      edit_once (&c, index);
      if (edit % check_every == 0 || edit == n_edits)
        {
          g_autoptr(AtlasClusterIndex) fresh = case_build (&c, radius);

          check_parents (index);
          assert_same_as_fresh (index, fresh);
        }
    }
  g_test_message ("seed %u: %u edits, %zu clusters, %zu points", seed, n_edits,
                  atlas_cluster_index_get_n_clusters (index),
                  atlas_cluster_index_get_n_points (index));
  case_clear (&c);
}

/* Every edit checked, on a small case where each one reaches many levels. */
static void
test_each_edit (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    check_random_edits (seed, 300, 5, 40.0, 60, 1);
}

/* Long sequences on a larger case, with many categories (mixes with "other") and another
 * radius. */
static void
test_long_sequences (void)
{
  check_random_edits (101, 5000, 5, 40.0, 400, 50);
  check_random_edits (102, 5000, 40, 48.0, 400, 50);
  check_random_edits (103, 3000, 3, 80.0, 300, 30);
}

/* From an empty index, edits alone build it up; and every point deleted leaves it empty. */
static void
test_from_empty (void)
{
  Case c;
  g_autoptr(AtlasClusterIndex) index = NULL;

  case_init (&c, 7, 0, 4);
  index = case_build (&c, 40.0);
  for (guint i = 0; i < 200; i++)
    edit_once (&c, index);
  {
    g_autoptr(AtlasClusterIndex) fresh = case_build (&c, 40.0);

    assert_same_as_fresh (index, fresh);
  }

  while (c.points->len > 0)
    {
      gint64 id = g_array_index (c.points, AtlasMapPoint, 0).id;

      g_array_remove_index (c.points, 0);
      atlas_cluster_index_update (index, &id, 1, NULL, 0);
    }
  g_assert_cmpuint (atlas_cluster_index_get_n_points (index), ==, 0);
  g_assert_cmpuint (atlas_cluster_index_get_n_clusters (index), ==, 0);
  case_clear (&c);
}

/* Ids the index does not hold are passed over; a point with no valid place is skipped. */
static void
test_unknown_and_invalid (void)
{
  Case c;
  g_autoptr(AtlasClusterIndex) index = NULL;
  g_autoptr(AtlasClusterIndex) fresh = NULL;
  AtlasMapPoint nowhere = { NAN, 10.0, 999999, 0 };
  gint64 unknown = 424242;

  case_init (&c, 9, 500, 4);
  index = case_build (&c, 40.0);
  atlas_cluster_index_update (index, &unknown, 1, &nowhere, 1);
  g_assert_cmpuint (atlas_cluster_index_get_n_skipped (index), ==, 1);
  fresh = case_build (&c, 40.0);
  assert_same_as_fresh (index, fresh);
  case_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/cluster-index-update/each-edit", test_each_edit);
  g_test_add_func ("/atlas/cluster-index-update/long-sequences", test_long_sequences);
  g_test_add_func ("/atlas/cluster-index-update/from-empty", test_from_empty);
  g_test_add_func ("/atlas/cluster-index-update/unknown-and-invalid", test_unknown_and_invalid);

  return g_test_run ();
}
