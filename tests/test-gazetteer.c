/* test-gazetteer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Places found by name in the offline basemap's gazetteer, with no network: by their plain
 * ASCII spelling and their native one, whole names before words within names, larger places
 * first.
 */

#include "config.h"

#include "atlas-basemap.h"
#include "atlas-gazetteer.h"

static AtlasGazetteer *
load_gazetteer (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "basemap",
                                                 "basemap.bin", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_from_file (path, &error);

  g_assert_no_error (error);
  return atlas_basemap_new_gazetteer (basemap);
}

static const AtlasPlace *
first (GArray *places)
{
  g_assert_cmpuint (places->len, >, 0);
  return &g_array_index (places, AtlasPlace, 0);
}

/* The stops of the reported route, typed as an analyst types them. */
static void
test_finds_by_ascii (void)
{
  g_autoptr(AtlasGazetteer) gazetteer = load_gazetteer ();
  g_autoptr(GArray) jiroft = atlas_gazetteer_search (gazetteer, "Jiroft", 10);
  g_autoptr(GArray) saravan = atlas_gazetteer_search (gazetteer, "saravan", 10);
  g_autoptr(GArray) khash = atlas_gazetteer_search (gazetteer, "KHASH", 10);

  g_assert_cmpuint (atlas_gazetteer_get_n_places (gazetteer), >, 70000);
  g_assert_cmpstr (first (jiroft)->name, ==, "Jīroft");
  g_assert_cmpfloat_with_epsilon (first (jiroft)->latitude, 28.68, 0.05);
  g_assert_cmpfloat_with_epsilon (first (jiroft)->longitude, 57.74, 0.05);
  g_assert_cmpstr (first (saravan)->name, ==, "Sarāvān");
  g_assert_cmpfloat_with_epsilon (first (saravan)->latitude, 27.37, 0.05);
  g_assert_cmpfloat_with_epsilon (first (khash)->longitude, 61.2, 0.1);
}

static void
test_finds_by_native_spelling (void)
{
  g_autoptr(AtlasGazetteer) gazetteer = load_gazetteer ();
  g_autoptr(GArray) places = atlas_gazetteer_search (gazetteer, "Sarāvān", 10);

  g_assert_cmpstr (first (places)->name, ==, "Sarāvān");
}

/* "Kerman" is the city before Kermanshah and before places with a later word "Kerman". */
static void
test_orders_results (void)
{
  g_autoptr(AtlasGazetteer) gazetteer = load_gazetteer ();
  g_autoptr(GArray) places = atlas_gazetteer_search (gazetteer, "kerman", 5);
  g_autoptr(GArray) none = atlas_gazetteer_search (gazetteer, "   ", 5);
  g_autoptr(GArray) nothing = atlas_gazetteer_search (gazetteer, "xqzvw", 5);

  g_assert_cmpuint (places->len, <=, 5);
  g_assert_cmpfloat_with_epsilon (first (places)->latitude, 30.28, 0.05);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (nothing->len, ==, 0);
}

/* Each place carries its province and country, for the search results and for the incident
 * an analyst places there. */
static void
test_knows_province_and_country (void)
{
  g_autoptr(AtlasGazetteer) gazetteer = load_gazetteer ();
  g_autoptr(GArray) kerman = atlas_gazetteer_search (gazetteer, "Kerman", 5);
  g_autoptr(GArray) jiroft = atlas_gazetteer_search (gazetteer, "Jiroft", 5);
  g_autoptr(GArray) saravan = atlas_gazetteer_search (gazetteer, "Saravan", 5);
  g_autoptr(GArray) dushanbe = atlas_gazetteer_search (gazetteer, "Dushanbe", 5);
  g_autofree char *area = NULL;

  g_assert_cmpstr (first (kerman)->name, ==, "Kerman");
  g_assert_cmpstr (first (kerman)->province, ==, "Kerman");
  g_assert_cmpstr (first (kerman)->country, ==, "Iran");
  g_assert_cmpstr (first (jiroft)->province, ==, "Kerman");
  g_assert_cmpstr (first (jiroft)->country, ==, "Iran");
  g_assert_cmpstr (first (saravan)->province, ==, "Sistan and Baluchestan");
  g_assert_cmpstr (first (dushanbe)->country, ==, "Tajikistan");

  area = atlas_place_dup_area (first (jiroft));
  g_assert_cmpstr (area, ==, "Kerman, Iran");
}

/* A place added without them says only what it knows. */
static void
test_area_of_partly_known_places (void)
{
  g_autoptr(AtlasGazetteer) gazetteer = atlas_gazetteer_new ();
  g_autoptr(GArray) places = NULL;
  g_autofree char *both = NULL, *country = NULL, *neither = NULL;

  atlas_gazetteer_add (gazetteer, "Place Alpha", 1.0, 1.0, 3, "North", "Testland");
  atlas_gazetteer_add (gazetteer, "Place Beta", 2.0, 2.0, 4, NULL, "Testland");
  atlas_gazetteer_add (gazetteer, "Place Gamma <b>", 3.0, 3.0, 5, NULL, NULL);
  places = atlas_gazetteer_search (gazetteer, "place", 10);

  g_assert_cmpuint (places->len, ==, 3);
  both = atlas_place_dup_area (&g_array_index (places, AtlasPlace, 0));
  country = atlas_place_dup_area (&g_array_index (places, AtlasPlace, 1));
  neither = atlas_place_dup_area (&g_array_index (places, AtlasPlace, 2));
  g_assert_cmpstr (both, ==, "North, Testland");
  g_assert_cmpstr (country, ==, "Testland");
  g_assert_null (neither);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/gazetteer/finds-by-ascii", test_finds_by_ascii);
  g_test_add_func ("/atlas/gazetteer/finds-by-native-spelling", test_finds_by_native_spelling);
  g_test_add_func ("/atlas/gazetteer/orders-results", test_orders_results);
  g_test_add_func ("/atlas/gazetteer/knows-province-and-country",
                   test_knows_province_and_country);
  g_test_add_func ("/atlas/gazetteer/area-of-partly-known-places",
                   test_area_of_partly_known_places);
  return g_test_run ();
}
