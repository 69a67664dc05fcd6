/* test-badge-layout.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Badges of a dense country, clustered as the map does, sized by the layout: no two drawn
 * badges' bounding squares meet, and every incident is still counted.
 */

#include "config.h"

#include <math.h>

#include "atlas-badge-layout.h"
#include "atlas-cluster-index.h"
#include "atlas-mercator.h"

#define CLUSTER_RADIUS_PX 48.0
#define SYMBOL_RADIUS     7.0
#define VIEW_WIDTH        1280.0
#define VIEW_HEIGHT       800.0
#define N_POINTS          200000

static double
gaussian (GRand *rand)
{
  double u = 1.0 - g_rand_double (rand);

  return sqrt (-2.0 * log (u)) * cos (2.0 * G_PI * g_rand_double (rand));
}

/* A country of 800 × 600 km: towns of every size and a haze between them. */
static AtlasMapPoint *
dense_country (gsize n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  AtlasMapPoint *points = g_new (AtlasMapPoint, n);
  double towns[60][3];

  for (guint t = 0; t < G_N_ELEMENTS (towns); t++)
    {
      towns[t][0] = g_rand_double_range (rand, 30.0, 36.0);
      towns[t][1] = g_rand_double_range (rand, 40.0, 48.0);
      towns[t][2] = g_rand_double_range (rand, 0.01, 0.4);
    }
  for (gsize i = 0; i < n; i++)
    {
      if (i % 5 == 0)
        {
          points[i].latitude = g_rand_double_range (rand, 30.0, 36.0);
          points[i].longitude = g_rand_double_range (rand, 40.0, 48.0);
        }
      else
        {
          /* larger towns more often */
          guint t = (guint) (G_N_ELEMENTS (towns) * pow (g_rand_double (rand), 2));

          points[i].latitude = towns[t][0] + towns[t][2] * gaussian (rand);
          points[i].longitude = towns[t][1] + towns[t][2] * gaussian (rand);
        }
      points[i].id = (gint64) i;
      points[i].category = (guint16) g_rand_int_range (rand, 0, 8);
    }
  return points;
}

/* The clusters of the view centred on the country at @zoom (fractional as the map's), as
 * badges in widget pixels with the radius they want. */
static GArray *
view_badges (AtlasClusterIndex *index,
             double             zoom,
             guint64           *total)
{
  double world = 256.0 * exp2 (zoom);
  double cx = atlas_mercator_x_from_longitude (44.0) * world;
  double cy = atlas_mercator_y_from_latitude (33.0) * world;
  AtlasBounds bounds;
  g_autoptr(GArray) clusters = NULL;
  GArray *badges = g_array_new (FALSE, FALSE, sizeof (AtlasBadge));

  bounds.min_lon = atlas_mercator_longitude_from_x ((cx - VIEW_WIDTH / 2 - 40) / world);
  bounds.max_lon = atlas_mercator_longitude_from_x ((cx + VIEW_WIDTH / 2 + 40) / world);
  bounds.max_lat = atlas_mercator_latitude_from_y ((cy - VIEW_HEIGHT / 2 - 40) / world);
  bounds.min_lat = atlas_mercator_latitude_from_y ((cy + VIEW_HEIGHT / 2 + 40) / world);
  clusters = atlas_cluster_index_query (index, &bounds, (int) floor (zoom));

  *total = 0;
  for (guint i = 0; i < clusters->len; i++)
    {
      const AtlasCluster *cluster = &g_array_index (clusters, AtlasCluster, i);
      AtlasBadge badge = { 0, };

      badge.x = atlas_mercator_x_from_longitude (cluster->longitude) * world - cx
                + VIEW_WIDTH / 2;
      badge.y = atlas_mercator_y_from_latitude (cluster->latitude) * world - cy
                + VIEW_HEIGHT / 2;
      badge.count = cluster->count;
      badge.radius = atlas_badge_radius_for_count (cluster->count);
      *total += cluster->count;
      g_array_append_val (badges, badge);
    }
  return badges;
}

/* Whether the bounding squares of two badges, with their stroke, meet. */
static gboolean
squares_meet (const AtlasBadge *a,
              const AtlasBadge *b)
{
  double reach = a->radius + b->radius + ATLAS_BADGE_STROKE;

  return fabs (a->x - b->x) < reach && fabs (a->y - b->y) < reach;
}

static guint
count_meeting (GArray *badges)
{
  guint n = 0;

  for (guint i = 0; i < badges->len; i++)
    for (guint j = i + 1; j < badges->len; j++)
      {
        const AtlasBadge *a = &g_array_index (badges, AtlasBadge, i);
        const AtlasBadge *b = &g_array_index (badges, AtlasBadge, j);

        if (a->merged_into < 0 && b->merged_into < 0 && (a->count > 1 || b->count > 1)
            && squares_meet (a, b))
          n++;
      }
  return n;
}

static void
test_dense_country (void)
{
  g_autofree AtlasMapPoint *points = dense_country (N_POINTS);
  g_autoptr(AtlasClusterIndex) index = atlas_cluster_index_new (points, N_POINTS,
                                                                CLUSTER_RADIUS_PX, NULL,
                                                                NULL);
  guint unsized_meeting = 0;

  for (double zoom = 4.0; zoom <= 9.0; zoom += 0.25)
    {
      g_autoptr(GArray) badges = NULL;
      guint64 total, drawn_total = 0;

      badges = view_badges (index, zoom, &total);
      for (guint i = 0; i < badges->len; i++)
        g_array_index (badges, AtlasBadge, i).merged_into = -1;
      unsized_meeting += count_meeting (badges);

      atlas_badge_layout_place ((AtlasBadge *) badges->data, badges->len, SYMBOL_RADIUS);
      g_assert_cmpuint (count_meeting (badges), ==, 0);

      for (guint i = 0; i < badges->len; i++)
        {
          const AtlasBadge *badge = &g_array_index (badges, AtlasBadge, i);

          if (badge->merged_into >= 0)
            {
              g_assert_cmpint (g_array_index (badges, AtlasBadge,
                                              badge->merged_into).merged_into, ==, -1);
              continue;
            }
          drawn_total += badge->count;
          if (badge->count > 1)
            {
              g_assert_cmpfloat (badge->radius, >=, ATLAS_BADGE_MIN_RADIUS);
              g_assert_cmpfloat (badge->radius, <=, ATLAS_BADGE_MAX_RADIUS);
            }
          else
            g_assert_cmpfloat (badge->radius, ==, SYMBOL_RADIUS);
        }
      g_assert_cmpuint (drawn_total, ==, total);
      g_test_message ("zoom %.2f: %u badges", zoom, badges->len);
    }

  /* the country is dense enough that badges of the size they want would overlap */
  g_assert_cmpuint (unsized_meeting, >, 100);
}

/* Two clusters at one place: the smaller is counted in the larger. Symbols may overlap. */
static void
test_coincident (void)
{
  AtlasBadge badges[] = {
    { 100, 100, 20, 40, 0 }, { 101, 100, 20, 500, 0 },
    { 300, 300, 7, 1, 0 }, { 300, 300, 7, 1, 0 },
    { 112, 100, 7, 1, 0 },
  };

  atlas_badge_layout_place (badges, G_N_ELEMENTS (badges), SYMBOL_RADIUS);
  g_assert_cmpint (badges[1].merged_into, ==, -1);
  g_assert_cmpint (badges[0].merged_into, ==, 1);
  g_assert_cmpuint (badges[1].count, ==, 541);
  g_assert_cmpint (badges[2].merged_into, ==, -1);
  g_assert_cmpint (badges[3].merged_into, ==, -1);
  g_assert_cmpint (badges[4].merged_into, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/badge-layout/dense-country", test_dense_country);
  g_test_add_func ("/atlas/badge-layout/coincident", test_coincident);

  return g_test_run ();
}
