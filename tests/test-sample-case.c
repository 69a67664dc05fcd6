/* test-sample-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundled Kerman case, as built: the disagreements of its sources are kept side by
 * side, the route is in order, and every claim names its document.
 */

#include "config.h"

#include "atlas-case.h"
#include "atlas-incident.h"
#include "atlas-route.h"

static AtlasCase *sample;

static AtlasRecord *
nth_record (GListModel *model,
            guint       position)
{
  g_autoptr(AtlasRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  return record;
}

static void
test_sample_opens_read_only (void)
{
  AtlasCaseCounts counts;

  g_assert_true (atlas_case_get_read_only (sample));
  g_assert_nonnull (g_strstr_len (atlas_case_get_title (sample), -1, "Kerman"));
  atlas_case_get_counts (sample, &counts);
  g_assert_cmpuint (counts.documents, ==, 3);
  g_assert_cmpuint (counts.incidents, >=, 5);
  g_assert_cmpuint (counts.routes, ==, 2);
  g_assert_cmpuint (counts.briefing_steps, >=, 10);
}

static void
test_death_toll_kept_side_by_side (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) deaths = NULL;
  g_auto(GStrv) contested = NULL;
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean saw[3] = { FALSE, FALSE, FALSE };

  deaths = atlas_case_list_claims (sample, "incident", "inc-kerman-2024", "deaths", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (deaths), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      AtlasRecord *claim = nth_record (deaths, i);
      double number = atlas_record_get_double (claim, "value_number");

      saw[0] |= number == 100 && g_str_equal (atlas_record_get_text (claim, "qualifier"),
                                              "approximate");
      saw[1] |= number == 84;
      saw[2] |= number == 89;
      g_hash_table_add (documents, (gpointer) atlas_record_get_text (claim, "document_key"));
    }
  g_assert_true (saw[0] && saw[1] && saw[2]);
  /* three figures, three documents */
  g_assert_cmpuint (g_hash_table_size (documents), ==, 3);

  contested = atlas_case_list_contested_attributes (sample, "incident", "inc-kerman-2024", NULL);
  g_assert_true (g_strv_contains ((const char * const *) contested, "deaths"));
  g_assert_false (g_strv_contains ((const char * const *) contested, "injuries"));
}

static void
test_route_in_order (void)
{
  const char *expected[] = { "Badakhshan", "Jaliq", "Khash", "Iranshahr", "Jiroft", "Kerman" };
  g_autoptr(GListModel) waypoints = NULL;
  g_autoptr(AtlasRecord) contested = NULL;

  waypoints = atlas_case_list_waypoints (sample, "route-badakhshan-kerman", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (waypoints), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (g_strstr_len (atlas_record_get_text (nth_record (waypoints, i), "place"),
                                    -1, expected[i]));

  contested = atlas_case_lookup (sample, "route", "route-tajikistan-pakistan", NULL);
  g_assert_nonnull (contested);
  g_assert_cmpstr (atlas_record_get_text (contested, "status"), ==, "contested");
}

static void
test_earlier_attacks (void)
{
  const char *keys[] = { "inc-tehran-2017-parliament", "inc-tehran-2017-mausoleum",
                         "inc-ahvaz-2018", "inc-shiraz-2022" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(AtlasRecord) incident = atlas_case_lookup (sample, "incident", keys[i], NULL);
      g_autoptr(GListModel) claims = atlas_case_list_claims (sample, "incident", keys[i], NULL,
                                                             NULL);

      g_assert_nonnull (incident);
      g_assert_cmpuint (g_list_model_get_n_items (claims), >, 0);
    }
}

/* Where a place is known only to the town or province, the case says so. */
static void
test_location_precision_honest (void)
{
  g_autoptr(GListModel) incidents = atlas_case_list_records (sample, ATLAS_TYPE_INCIDENT, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (incidents), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      AtlasRecord *incident = nth_record (incidents, i);

      g_assert_cmpstr (atlas_record_get_text (incident, "location_precision"), !=, "site");
      g_assert_nonnull (atlas_record_get_text (incident, "location_source"));
    }
}

static void
test_search_finds_claims (void)
{
  g_autoptr(GListModel) results = atlas_case_search (sample, "Vahidi", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  file = g_file_new_for_path (g_getenv ("ATLAS_SAMPLE_CASE"));
  sample = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  g_test_add_func ("/atlas/sample/opens-read-only", test_sample_opens_read_only);
  g_test_add_func ("/atlas/sample/death-toll-side-by-side", test_death_toll_kept_side_by_side);
  g_test_add_func ("/atlas/sample/route-in-order", test_route_in_order);
  g_test_add_func ("/atlas/sample/earlier-attacks", test_earlier_attacks);
  g_test_add_func ("/atlas/sample/location-precision", test_location_precision_honest);
  g_test_add_func ("/atlas/sample/search-finds-claims", test_search_finds_claims);

  status = g_test_run ();
  g_clear_object (&sample);
  return status;
}
