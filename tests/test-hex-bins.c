/* test-hex-bins.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "atlas-hex-bins.h"

#define SIZE 18.0

static const int neighbours[6][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 }, { 1, -1 },
                                      { -1, 1 } };

/* Every point goes to the hexagon whose centre is nearest: none of the six around is
 * nearer. */
static void
test_nearest_centre (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint i = 0; i < 100000; i++)
    {
      double x = g_rand_double_range (rand, -5000, 5000);
      double y = g_rand_double_range (rand, -5000, 5000);
      double cx, cy, own;
      int q, r;

      atlas_hex_locate (SIZE, x, y, &q, &r);
      atlas_hex_centre (SIZE, q, r, &cx, &cy);
      own = hypot (x - cx, y - cy);
      g_assert_cmpfloat (own, <=, SIZE + 1e-9);
      for (guint k = 0; k < G_N_ELEMENTS (neighbours); k++)
        {
          double nx, ny;

          atlas_hex_centre (SIZE, q + neighbours[k][0], r + neighbours[k][1], &nx, &ny);
          g_assert_cmpfloat (own, <=, hypot (x - nx, y - ny) + 1e-9);
        }
    }
}

static void
test_centres (void)
{
  for (int q = -20; q <= 20; q++)
    for (int r = -20; r <= 20; r++)
      {
        double x, y;
        int q2, r2;

        atlas_hex_centre (SIZE, q, r, &x, &y);
        atlas_hex_locate (SIZE, x, y, &q2, &r2);
        g_assert_cmpint (q2, ==, q);
        g_assert_cmpint (r2, ==, r);
        /* a point just inside the inscribed circle is still this hexagon's */
        atlas_hex_locate (SIZE, x + SIZE * 0.866, y, &q2, &r2);
        g_assert_cmpint (q2, ==, q);
        g_assert_cmpint (r2, ==, r);
      }
}

static void
test_counts (void)
{
  g_autoptr(AtlasHexBins) bins = atlas_hex_bins_new (SIZE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  const AtlasHexBin *found;
  double total = 0, max = 0;
  guint n;

  for (guint i = 0; i < 20000; i++)
    atlas_hex_bins_add (bins, g_rand_double_range (rand, -300, 300),
                        g_rand_double_range (rand, -300, 300), 1 + i % 3);
  atlas_hex_bins_add (bins, 0, 0, 5000);
  found = atlas_hex_bins_get_bins (bins, &n);
  for (guint i = 0; i < n; i++)
    {
      total += found[i].count;
      max = MAX (max, found[i].count);
      for (guint j = i + 1; j < MIN (n, i + 50); j++)
        g_assert_false (found[i].q == found[j].q && found[i].r == found[j].r);
    }
  /* 1, 2, 3, 1, 2, … over 20,000 adds, and 5,000 */
  g_assert_cmpfloat (total, ==, 39999 + 5000);
  g_assert_cmpfloat (max, ==, atlas_hex_bins_get_max (bins));
  g_assert_cmpfloat (max, >, 5000);
  /* about 600 × 600 px in hexagons of 18 px: about 430 of them */
  g_assert_cmpuint (n, >, 400);
  g_assert_cmpuint (n, <, 500);

  atlas_hex_bins_clear (bins);
  atlas_hex_bins_get_bins (bins, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpfloat (atlas_hex_bins_get_max (bins), ==, 0);
}

/* Many hexagons: the table grows, and every hexagon still has one bin with its count. */
static void
test_many_bins (void)
{
  g_autoptr(AtlasHexBins) bins = atlas_hex_bins_new (SIZE);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      NULL);
  const AtlasHexBin *found;
  guint n;

  for (int round = 0; round < 2; round++)
    for (int q = -60; q < 60; q++)
      for (int r = -60; r < 60; r++)
        {
          double x, y;

          atlas_hex_centre (SIZE, q, r, &x, &y);
          atlas_hex_bins_add (bins, x + 1, y - 1, 1 + (q == 7 && r == -3));
        }

  found = atlas_hex_bins_get_bins (bins, &n);
  g_assert_cmpuint (n, ==, 120 * 120);
  for (guint i = 0; i < n; i++)
    {
      gint64 *key = g_new (gint64, 1);

      /* the column's bits above the row's: a negative column is not shifted as a number */
      *key = (gint64) (((guint64) (guint32) found[i].q << 32) | (guint32) found[i].r);
      g_assert_true (g_hash_table_add (seen, key));
      g_assert_cmpfloat (found[i].count, ==, found[i].q == 7 && found[i].r == -3 ? 4 : 2);
    }
  g_assert_cmpfloat (atlas_hex_bins_get_max (bins), ==, 4);
}

static double
luminance (double t)
{
  double r, g, b;

  atlas_viridis (t, &r, &g, &b);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static void
test_scale (void)
{
  double r, g, b;

  atlas_viridis (0, &r, &g, &b);
  g_assert_cmpint ((int) round (r * 255), ==, 0x44);
  g_assert_cmpint ((int) round (g * 255), ==, 0x01);
  g_assert_cmpint ((int) round (b * 255), ==, 0x54);
  atlas_viridis (1, &r, &g, &b);
  g_assert_cmpint ((int) round (r * 255), ==, 0xfd);
  g_assert_cmpint ((int) round (g * 255), ==, 0xe7);
  g_assert_cmpint ((int) round (b * 255), ==, 0x25);

  /* lighter all the way: the scale reads in grey too */
  for (double t = 0.01; t <= 1.0; t += 0.01)
    g_assert_cmpfloat (luminance (t), >, luminance (t - 0.01));

  g_assert_cmpfloat (atlas_density_scale (1, 1000), ==, 0);
  g_assert_cmpfloat (atlas_density_scale (1000, 1000), ==, 1);
  g_assert_cmpfloat_with_epsilon (atlas_density_scale (31.62, 1000), 0.5, 1e-3);
  g_assert_cmpfloat (atlas_density_scale (5, 1), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/hex-bins/nearest-centre", test_nearest_centre);
  g_test_add_func ("/atlas/hex-bins/centres", test_centres);
  g_test_add_func ("/atlas/hex-bins/counts", test_counts);
  g_test_add_func ("/atlas/hex-bins/many-bins", test_many_bins);
  g_test_add_func ("/atlas/hex-bins/scale", test_scale);

  return g_test_run ();
}
