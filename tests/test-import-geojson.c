/* test-import-geojson.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing GeoJSON: good files (our own and GDAL's), and bad ones that must end in a clear
 * error or problem naming the file and the feature, in bounded time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-import-plan.h"
#include "import-test-util.h"

static void
test_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("good.geojson", &error);
  AtlasCaseCounts counts;
  AtlasRecord *incident, *route, *waypoint;

  g_assert_no_error (error);
  g_assert_cmpint (atlas_import_plan_get_format (plan), ==, ATLAS_IMPORT_FORMAT_GEOJSON);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);
  g_assert_cmpuint (counts.routes, ==, 1);
  g_assert_cmpuint (counts.waypoints, ==, 3);
  g_assert_cmpuint (counts.documents, ==, 1);

  incident = import_test_find_record (plan, "incident", 0);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==,
                   "Twin bombings at the commemoration");
  g_assert_cmpstr (atlas_record_get_text (incident, "category"), ==, "bombing");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2024-01-03");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "day");
  g_assert_cmpstr (atlas_record_get_text (incident, "place"), ==, "Kerman");
  g_assert_cmpstr (atlas_record_get_text (incident, "summary"), ==,
                   "Two explosions near the cemetery.");
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (incident, "latitude"), 30.2839, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (incident, "longitude"), 57.0834, 1e-9);
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "deaths"),
                   ==, "95");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "verified"),
                   ==, "true");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "tags"), ==,
                   "[\"isis-k\",\"kerman\"]");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "id"),
                   ==, "k-1");

  incident = import_test_find_record (plan, "incident", 1);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, "Parliament attack");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2017-06-07T06:00:00Z");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "minute");

  route = import_test_find_record (plan, "route", 0);
  g_assert_cmpstr (atlas_record_get_text (route, "name"), ==, "Reported route");
  g_assert_cmpstr (atlas_record_get_text (route, "summary"), ==, "Badakhshan to Kerman");
  waypoint = import_test_find_record (plan, "waypoint", 2);
  g_assert_cmpstr (atlas_record_get_text (waypoint, "route_key"), ==, atlas_record_get_key (route));
  g_assert_cmpint (atlas_record_get_int (waypoint, "seq"), ==, 3);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (waypoint, "latitude"), 30.28, 1e-9);
}

static void
test_bad_features (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("bad-features.geojson", &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (counts.routes, ==, 0);
  g_assert_cmpuint (counts.waypoints, ==, 0);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 10);
  import_test_assert_problem_at_feature (plan, 2, "latitude 95 is outside −90…90");
  import_test_assert_problem_at_feature (plan, 3, "empty coordinates");
  import_test_assert_problem_at_feature (plan, 4,
                                         "looks like projected coordinates (metres), not degrees");
  import_test_assert_problem_at_feature (plan, 5, "not a pair of numbers");
  import_test_assert_problem_at_feature (plan, 6, "“Polygon” is not supported");
  import_test_assert_problem_at_feature (plan, 7, "empty coordinates");
  import_test_assert_problem_at_feature (plan, 8, "unparseable date “3rd Jan”");
  import_test_assert_problem_at_feature (plan, 9, "“properties” is not an object");
  import_test_assert_problem_at_feature (plan, 10, "vertex 2: latitude -91 is outside −90…90");
  import_test_assert_problem_at_feature (plan, 11, "not a GeoJSON Feature");
}

static void
assert_refused (const char *name,
                GError     *error,
                int         code,
                const char *needle)
{
  g_assert_error (error, ATLAS_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("truncated.geojson", &error);

  g_assert_null (plan);
  assert_refused ("truncated.geojson", error, ATLAS_IMPORT_ERROR_MALFORMED, "line 3");
}

static void
test_wrong_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("wrong-types.geojson", &error);

  g_assert_null (plan);
  assert_refused ("wrong-types.geojson", error, ATLAS_IMPORT_ERROR_MALFORMED, "not a list");
}

static void
test_projected_crs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("crs-3857.geojson", &error);

  g_assert_null (plan);
  assert_refused ("crs-3857.geojson", error, ATLAS_IMPORT_ERROR_MALFORMED, "EPSG::3857");
}

static void
test_not_geojson (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("other.json",
                                                  "{\"format\": \"something else\"}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("other.json", error, ATLAS_IMPORT_ERROR_MALFORMED, "not GeoJSON");
}

/* json-glib would crash on this; the depth check refuses it before it parses. */
static void
test_deep_arrays (void)
{
  g_autofree char *deep = g_strnfill (200000, '[');
  g_autoptr(GFile) file = import_test_write_temp ("deep.geojson", deep, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("deep.geojson", error, ATLAS_IMPORT_ERROR_TOO_DEEP, "line 1");
}

static void
test_deep_objects (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "{\"a\": ");
  file = import_test_write_temp ("deep-objects.geojson", deep->str, (gssize) deep->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("deep-objects.geojson", error, ATLAS_IMPORT_ERROR_TOO_DEEP, "line 2");
}

/* A bracket inside a string does not count toward the depth. */
static void
test_brackets_in_strings (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [{"
                                          "\"type\": \"Feature\", \"properties\": {\"name\": \"");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (json, "[{\\\"");
  g_string_append (json, "\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [57, 30]}}]}");
  file = import_test_write_temp ("brackets.geojson", json->str, (gssize) json->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
}

static void
test_huge_property (void)
{
  g_autofree char *big = g_strnfill (2 << 20, 'x');
  g_autofree char *json = g_strdup_printf (
    "{\"type\": \"FeatureCollection\", \"features\": ["
    "{\"type\": \"Feature\", \"properties\": {\"notes\": \"%s\"},"
    " \"geometry\": {\"type\": \"Point\", \"coordinates\": [57, 30]}},"
    "{\"type\": \"Feature\", \"properties\": {\"notes\": \"small\"},"
    " \"geometry\": {\"type\": \"Point\", \"coordinates\": [57, 30]}}]}", big);
  g_autoptr(GFile) file = import_test_write_temp ("huge.geojson", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  import_test_assert_problem_at_feature (plan, 1, "longer than 1 MiB");
}

static void
test_nul_byte (void)
{
  static const char json[] = "{\"type\": \"FeatureCollection\",\n\"features\": [\0]}";
  g_autoptr(GFile) file = import_test_write_temp ("nul.geojson", json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("nul.geojson", error, ATLAS_IMPORT_ERROR_ENCODING, "line 2");
}

static void
test_invalid_utf8 (void)
{
  static const char json[] = "{\"type\": \"FeatureCollection\",\n\n\"name\": \"caf\xe9\","
                             " \"features\": []}";
  g_autoptr(GFile) file = import_test_write_temp ("latin1.geojson", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("latin1.geojson", error, ATLAS_IMPORT_ERROR_ENCODING, "line 3");
}

static void
test_bare_geometry (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("point.json",
                                      "{\"type\": \"Point\", \"coordinates\": [57.08, 30.28]}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
}

/* A claim list as our export writes it comes back as graded claims with their documents;
 * grades out of range fall back to "cannot be judged", and a list that is not ours stays a
 * plain property. */
static void
test_claim_list (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("claims.geojson",
    "{\"type\": \"FeatureCollection\", \"features\": ["
    " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [57.08, 30.28]},"
    "  \"properties\": {\"title\": \"Blast\", \"deaths\": \"84\", \"claims\": ["
    "   {\"attribute\": \"deaths\", \"value_text\": \"84\", \"value_number\": 84,"
    "    \"qualifier\": \"exact\", \"credibility\": 2, \"attributed_to\": \"officials\","
    "    \"document\": {\"title\": \"Report A\", \"publisher\": \"Agency\", \"reliability\": \"B\"}},"
    "   {\"attribute\": \"deaths\", \"value_text\": \"nearly 100\", \"value_min\": 95,"
    "    \"value_max\": 100, \"qualifier\": \"approximate\", \"credibility\": 9,"
    "    \"document\": {\"title\": \"Report B\", \"reliability\": \"Z\"}}],"
    "   \"sources\": [{\"title\": \"Report A\", \"publisher\": \"Agency\","
    "    \"url\": \"https://example.org/a\", \"reliability\": \"B\"}]}},"
    " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [57.1, 30.3]},"
    "  \"properties\": {\"claims\": [1, 2]}}]}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  GPtrArray *records;
  guint n_deaths = 0;

  g_assert_no_error (error);
  records = atlas_import_plan_get_records (plan);
  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);
      const char *attribute;

      /* a grade a file gives is the file's word, shown as such until an analyst confirms it */
      if (g_str_equal (atlas_record_get_kind (record), "claim")
          || g_str_equal (atlas_record_get_kind (record), "document"))
        g_assert_cmpstr (atlas_record_get_text (record, "graded_by"), ==, "file");
      if (!g_str_equal (atlas_record_get_kind (record), "claim"))
        {
          if (g_str_equal (atlas_record_get_kind (record), "document")
              && g_strcmp0 (atlas_record_get_text (record, "title"), "Report A") == 0)
            {
              g_assert_cmpstr (atlas_record_get_text (record, "url"), ==, "https://example.org/a");
              g_assert_cmpstr (atlas_record_get_text (record, "reliability"), ==, "B");
            }
          if (g_str_equal (atlas_record_get_kind (record), "document")
              && g_strcmp0 (atlas_record_get_text (record, "title"), "Report B") == 0)
            g_assert_cmpstr (atlas_record_get_text (record, "reliability"), ==, "F");
          continue;
        }
      attribute = atlas_record_get_text (record, "attribute");
      g_assert_cmpstr (attribute, !=, "sources");
      if (g_str_equal (attribute, "deaths"))
        {
          n_deaths++;
          if (g_str_equal (atlas_record_get_text (record, "value_text"), "84"))
            {
              g_assert_cmpfloat (atlas_record_get_double (record, "value_number"), ==, 84);
              g_assert_cmpint (atlas_record_get_int (record, "credibility"), ==, 2);
              g_assert_cmpstr (atlas_record_get_text (record, "attributed_to"), ==, "officials");
            }
          else
            {
              g_assert_cmpfloat (atlas_record_get_double (record, "value_min"), ==, 95);
              g_assert_cmpint (atlas_record_get_int (record, "credibility"), ==, 6);
            }
        }
      if (g_str_equal (attribute, "claims"))
        g_assert_cmpstr (atlas_record_get_text (record, "value_text"), ==, "[1,2]");
    }
  /* the two listed, and not the plain "deaths" property repeating one of them */
  g_assert_cmpuint (n_deaths, ==, 2);
}

/* A number keeps the text the file wrote: json-glib made 1e20 "1e+20", -0 "0" and an
 * integer past int64 a different one. A figure no double holds is a problem of its feature. */
static void
test_numbers_exact (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("numbers.geojson",
    "{\"type\": \"FeatureCollection\", \"features\": [\n"
    " {\"type\": \"Feature\", \"id\": 123456789012345678901234,"
    "  \"geometry\": {\"type\": \"Point\", \"coordinates\": [57.08, 30.28]},"
    "  \"properties\": {\"fatalities\": 1e20, \"huge\": 1e400, \"zero\": -0,"
    "   \"wide\": 100000000000000000000, \"exponent\": -2.50E-0007}},\n"
    " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [1e400, 30]}},\n"
    " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [57, 30]},"
    "  \"properties\": {\"claims\": [{\"attribute\": \"deaths\", \"value_text\": \"many\","
    "   \"value_number\": -1e999}]}}]}", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasRecord *incident;
  const char *key;
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  incident = import_test_find_record (plan, "incident", 0);
  key = atlas_record_get_key (incident);
  g_assert_cmpstr (import_test_claim_value (plan, key, "fatalities"), ==, "1e20");
  g_assert_cmpstr (import_test_claim_value (plan, key, "huge"), ==, "1e400");
  g_assert_cmpstr (import_test_claim_value (plan, key, "zero"), ==, "-0");
  g_assert_cmpstr (import_test_claim_value (plan, key, "wide"), ==, "100000000000000000000");
  g_assert_cmpstr (import_test_claim_value (plan, key, "exponent"), ==, "-2.50E-0007");
  g_assert_cmpstr (import_test_claim_value (plan, key, "id"), ==, "123456789012345678901234");
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 2);
  import_test_assert_problem_at_feature (plan, 2, "longitude 1e400 is beyond what a number");
  import_test_assert_problem_at_feature (plan, 3,
                                         "claim “deaths”: value_number -1e999 is beyond");
}

/* An array or an object is bounded like a string, and a feature's properties like a CSV
 * row's fields; each over its bound is a problem of its feature. */
static void
test_property_bounds (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  AtlasCaseCounts counts;

  g_string_append (json, "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                         "\"coordinates\": [57, 30]}, \"properties\": {\"list\": [");
  for (guint i = 0; i < 300000; i++)
    g_string_append (json, i > 0 ? ",\"abc\"" : "\"abc\"");
  g_string_append (json, "]}},\n{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                         "\"coordinates\": [57, 30]}, \"properties\": {");
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (json, "%s\"p%u\": %u", i > 0 ? ", " : "", i, i);
  g_string_append (json, "}},\n{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                         "\"coordinates\": [57, 30]}, \"properties\": {\"ok\": {\"a\": [1, 2]}}}]}");
  file = import_test_write_temp ("bounds.geojson", json->str, (gssize) json->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 2);
  import_test_assert_problem_at_feature (plan, 1, "the property “list” is longer than 1 MiB");
  import_test_assert_problem_at_feature (plan, 2, "it has 600 properties, more than 512");
  g_assert_cmpstr (import_test_claim_value (plan,
                     atlas_record_get_key (import_test_find_record (plan, "incident", 0)), "ok"),
                   ==, "{\"a\":[1,2]}");
}

/* Our own claim list is read claim by claim, so it is not bounded as one text (an export
 * of a record with thousands of claims is over 1 MiB); each of its texts is. */
static void
test_large_claim_list (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [\n"
                                          "{\"type\": \"Feature\", \"properties\": "
                                          "{\"claims\": [");
  g_autofree char *big = g_strnfill ((1 << 20) + 1, 'x');
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  AtlasCaseCounts counts;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (json, "%s{\"attribute\": \"deaths\", \"value_text\": \"%u\", "
                            "\"document\": {\"title\": \"Report %u\"}}", i > 0 ? ", " : "",
                            i, i);
  g_string_append (json, "], \"sources\": [");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (json, "%s{\"title\": \"Report %u\", \"url\": "
                            "\"https://example.org/%u\"}", i > 0 ? ", " : "", i, i);
  g_string_append_printf (json, "]}, \"geometry\": {\"type\": \"Point\", \"coordinates\": "
                          "[57, 30]}},\n{\"type\": \"Feature\", \"properties\": {\"claims\": "
                          "[{\"attribute\": \"deaths\", \"value_text\": \"%s\"}]}, "
                          "\"geometry\": {\"type\": \"Point\", \"coordinates\": [57, 30]}}]}",
                          big);
  file = import_test_write_temp ("claims.geojson", json->str, (gssize) json->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json->len, >, 2 << 20);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (counts.claims, ==, 20000);
  g_assert_cmpuint (counts.documents, ==, 20001);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  import_test_assert_problem_at_feature (plan, 2, "“claims” entry 1 holds a text longer than");
}

/* A feature is built as a tree only up to a bound; past it, it is skipped unbuilt. */
static void
test_feature_too_large (void)
{
  g_autoptr(GString) json = g_string_new ("{\"features\": [\n{\"type\": \"Feature\", "
                                          "\"properties\": {\"many\": [");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  AtlasCaseCounts counts;

  for (guint i = 0; i < 600000; i++)
    g_string_append (json, i > 0 ? ",0" : "0");
  g_string_append (json, "]}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [57, 30]}},\n"
                         "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", "
                         "\"coordinates\": [57, 30]}}],\n\"type\": \"FeatureCollection\"}");
  file = import_test_write_temp ("large-feature.geojson", json->str, (gssize) json->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  import_test_assert_problem_at_feature (plan, 1, "it holds more than 500000 values");
}

/* Read one feature at a time, the file is still checked whole: its "crs" and its syntax
 * after the features refuse it as before. */
static void
test_stream_order (void)
{
  static const struct {
    const char *json;
    const char *needle;
  } cases[] = {
    { "{\"type\": \"FeatureCollection\", \"features\": [],\n\"crs\": {\"type\": \"name\", "
      "\"properties\": {\"name\": \"EPSG:3857\"}}}", "EPSG:3857" },
    { "{\"type\": \"FeatureCollection\", \"features\": []}\n\n{", "line 3" },
    { "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\"},]}", "line 1" },
    { "{\"type\": \"FeatureCollection\", \"features\": [\"\\ud800\"]}", "\\u escape" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = import_test_write_temp ("order.geojson", cases[i].json, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* Keys are short (a claim holds three, a million-row case a few million), whatever the
 * file's name, and sort in the order they were made, past a base-36 digit's rollover (36
 * and 1296 records); a second import of the same file makes other keys. */
static void
test_keys_short_and_ordered (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"FeatureCollection\", \"features\": [");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL, again = NULL;
  const char *previous = NULL;

  for (guint i = 0; i < 1400; i++)
    g_string_append_printf (json, "%s{\"type\": \"Feature\", \"properties\": {\"title\": "
                            "\"Event %u\"}, \"geometry\": {\"type\": \"Point\", "
                            "\"coordinates\": [57, 30]}}", i > 0 ? ", " : "", i);
  g_string_append (json, "]}");
  file = import_test_write_temp ("2024-01-01-2024-12-31-Middle_East-Iran-events.geojson",
                                 json->str, (gssize) json->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  again = atlas_import_plan_new_for_file (file, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 1400; i++)
    {
      const char *key = atlas_record_get_key (import_test_find_record (plan, "incident", i));

      /* "<seconds, 6 digits until 2038, and a random part, 4>-i<serial, 6>" */
      g_assert_cmpuint (strlen (key), <=, 11 + 8);
      g_assert_true (strstr (key, "-i") == key + strlen (key) - 8);
      if (previous != NULL)
        g_assert_cmpint (strcmp (previous, key), <, 0);
      g_assert_cmpstr (key, !=, atlas_record_get_key (import_test_find_record (again,
                                                                                 "incident", i)));
      previous = key;
    }
}

/* ---- files written by GDAL ---------------------------------------------------------- */

static void
test_gdal (void)
{
  import_test_check_gdal_cities ("GeoJSON", "cities.geojson", 1,
                                 "Tehran", "2017-06-07",
                                 35.6944, 51.4215);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/import/geojson/good", test_good);
  g_test_add_func ("/atlas/import/geojson/keys-short-and-ordered", test_keys_short_and_ordered);
  g_test_add_func ("/atlas/import/geojson/bad-features", test_bad_features);
  g_test_add_func ("/atlas/import/geojson/truncated", test_truncated);
  g_test_add_func ("/atlas/import/geojson/wrong-types", test_wrong_types);
  g_test_add_func ("/atlas/import/geojson/projected-crs", test_projected_crs);
  g_test_add_func ("/atlas/import/geojson/not-geojson", test_not_geojson);
  g_test_add_func ("/atlas/import/geojson/deep-arrays", test_deep_arrays);
  g_test_add_func ("/atlas/import/geojson/deep-objects", test_deep_objects);
  g_test_add_func ("/atlas/import/geojson/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/atlas/import/geojson/huge-property", test_huge_property);
  g_test_add_func ("/atlas/import/geojson/nul-byte", test_nul_byte);
  g_test_add_func ("/atlas/import/geojson/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/atlas/import/geojson/bare-geometry", test_bare_geometry);
  g_test_add_func ("/atlas/import/geojson/claim-list", test_claim_list);
  g_test_add_func ("/atlas/import/geojson/numbers-exact", test_numbers_exact);
  g_test_add_func ("/atlas/import/geojson/property-bounds", test_property_bounds);
  g_test_add_func ("/atlas/import/geojson/feature-too-large", test_feature_too_large);
  g_test_add_func ("/atlas/import/geojson/large-claim-list", test_large_claim_list);
  g_test_add_func ("/atlas/import/geojson/stream-order", test_stream_order);
  g_test_add_func ("/atlas/import/geojson/gdal", test_gdal);

  return g_test_run ();
}
