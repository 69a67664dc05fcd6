/* test-import-gpx.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing GPX 1.0 and 1.1: waypoints, routes and tracks, files written by GDAL, and bad
 * points that must become problems naming the file and line.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "atlas-import-plan.h"
#include "import-test-util.h"

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
test_good_1_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("good-1.1.gpx", &error);
  AtlasRecord *incident, *route, *waypoint;
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  g_assert_cmpint (atlas_import_plan_get_format (plan), ==, ATLAS_IMPORT_FORMAT_GPX);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (counts.routes, ==, 3);
  g_assert_cmpuint (counts.waypoints, ==, 7);

  incident = import_test_find_record (plan, "incident", 0);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, "Kerman blast");
  g_assert_cmpstr (atlas_record_get_text (incident, "summary"), ==, "First explosion");
  g_assert_cmpstr (atlas_record_get_text (incident, "category"), ==, "bombing");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2024-01-03T11:45:00Z");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "minute");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "ele"),
                   ==, "1755");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "sym"),
                   ==, "Flag");

  route = import_test_find_record (plan, "route", 0);
  g_assert_cmpstr (atlas_record_get_text (route, "name"), ==, "Planned route");
  waypoint = import_test_find_record (plan, "waypoint", 1);
  g_assert_cmpstr (atlas_record_get_text (waypoint, "place"), ==, "Jaliq");
  g_assert_cmpint (atlas_record_get_int (waypoint, "seq"), ==, 2);

  route = import_test_find_record (plan, "route", 2);
  g_assert_cmpstr (atlas_record_get_text (route, "name"), ==, "Recorded drive (segment 2)");
  waypoint = import_test_find_record (plan, "waypoint", 6);
  g_assert_cmpstr (atlas_record_get_text (waypoint, "route_key"), ==, atlas_record_get_key (route));
  g_assert_cmpstr (atlas_record_get_text (waypoint, "date"), ==, "2024-01-02T12:30:00Z");
  g_assert_cmpstr (atlas_record_get_text (waypoint, "date_precision"), ==, "minute");
}

static void
test_good_1_0 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("good-1.0.gpx", &error);
  AtlasRecord *incident;
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (counts.routes, ==, 1);
  g_assert_cmpuint (counts.waypoints, ==, 2);
  incident = import_test_find_record (plan, "incident", 0);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, "Parliament");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "url"), ==,
                   "https://example.org/report");
}

static void
test_bad_points (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("bad-points.gpx", &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (counts.routes, ==, 0);
  g_assert_cmpuint (counts.waypoints, ==, 0);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 7);
  import_test_assert_problem_on_line (plan, 4, "latitude 95 is outside −90…90");
  import_test_assert_problem_on_line (plan, 5, "empty coordinates");
  import_test_assert_problem_on_line (plan, 6, "empty latitude");
  import_test_assert_problem_on_line (plan, 7,
                                      "looks like projected coordinates (metres), not degrees");
  import_test_assert_problem_on_line (plan, 8, "latitude “NaN” is not a number");
  import_test_assert_problem_on_line (plan, 9, "unparseable date “3rd Jan”");
  import_test_assert_problem_on_line (plan, 14, "longitude 200 is outside −180…180");
}

static void
test_external_dtd (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("external-entity.gpx", &error);

  g_assert_null (plan);
  assert_refused ("external-entity.gpx", error, ATLAS_IMPORT_ERROR_UNSAFE, "external DTD");
}

static void
test_internal_entity (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE gpx [<!ENTITY place \"Kerman\">]>\n"
    "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
    "<wpt lat=\"30\" lon=\"57\"><name>&place;</name></wpt></gpx>\n";
  g_autoptr(GFile) file = import_test_write_temp ("entity.gpx", xml, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("entity.gpx", error, ATLAS_IMPORT_ERROR_UNSAFE, "entities");
}

static void
test_wrong_types (void)
{
  static const char xml[] =
    "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
    "<wpt lat=\"north\" lon=\"57\"><name>words</name></wpt>\n"
    "<wpt lat=\"30,5\" lon=\"57\"><name>decimal comma</name></wpt>\n"
    "<wpt lat=\"30\" lon=\"57\"><time>yesterday</time></wpt>\n"
    "</gpx>\n";
  g_autoptr(GFile) file = import_test_write_temp ("types.gpx", xml, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 3);
  import_test_assert_problem_on_line (plan, 2, "latitude “north” is not a number");
  import_test_assert_problem_on_line (plan, 3, "latitude “30,5” is not a number");
  import_test_assert_problem_on_line (plan, 4, "unparseable date “yesterday”");
}

static void
test_truncated (void)
{
  static const char xml[] =
    "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
    "<wpt lat=\"30\" lon=\"57\"><name>cut</na";
  g_autoptr(GFile) file = import_test_write_temp ("cut.gpx", xml, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("cut.gpx", error, ATLAS_IMPORT_ERROR_MALFORMED, "line 2");
}

static void
test_too_many_points (void)
{
  g_autoptr(GString) xml = g_string_new ("<gpx version=\"1.1\" "
                                         "xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                                         "<trk><name>long</name><trkseg>\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;

  for (guint i = 0; i < 100001; i++)
    g_string_append (xml, "<trkpt lat=\"30\" lon=\"57\"/>");
  g_string_append (xml, "</trkseg></trk></gpx>\n");
  file = import_test_write_temp ("long.gpx", xml->str, (gssize) xml->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  import_test_assert_problem_on_line (plan, 3, "more than 100000 points");
}

/* A track of many segments: each is a route with the track's name and description, and
 * the track's own elements are read once for all of them (they were read once per segment,
 * which took 54 s for 50,000 segments; 4 s now). */
static void
test_many_segments (void)
{
  g_autoptr(GString) xml = g_string_new ("<gpx version=\"1.1\" "
                                         "xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
                                         "<trk><name>convoy</name><desc>seen twice</desc>\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  AtlasCaseCounts counts;
  GPtrArray *records;
  guint routes = 0, described = 0;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (xml, "<trkseg><trkpt lat=\"30.%u\" lon=\"57\"/>"
                                 "<trkpt lat=\"30.%u\" lon=\"57.1\"/></trkseg>\n", i, i);
  g_string_append (xml, "</trk></gpx>\n");
  file = import_test_write_temp ("segments.gpx", xml->str, (gssize) xml->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.routes, ==, 2000);
  g_assert_cmpuint (counts.waypoints, ==, 4000);

  records = atlas_import_plan_get_records (plan);
  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);

      if (!g_str_equal (atlas_record_get_kind (record), "route"))
        continue;
      routes++;
      g_assert_true (g_str_has_prefix (atlas_record_get_text (record, "name"), "convoy (segment "));
      described += g_strcmp0 (atlas_record_get_text (record, "summary"), "seen twice") == 0;
    }
  g_assert_cmpuint (routes, ==, 2000);
  g_assert_cmpuint (described, ==, 2000);
}

/* ---- files written by GDAL ---------------------------------------------------------- */

static void
test_gdal (void)
{
  import_test_check_gdal_cities ("GPX", "cities.gpx", 2,
                                 "Shiraz", "2022-10-26",
                                 29.6036, 52.5388);
}

/* A track's own elements go to each of its segments: past 512 of them, the rest of the
 * track is skipped with a problem, so that many segments stay linear. */
static void
test_track_elements_bounded (void)
{
  g_autoptr(GString) gpx = g_string_new ("<gpx version=\"1.1\" "
                                         "xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk>\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  AtlasCaseCounts counts;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (gpx, "<desc>note %u</desc>\n", i);
  for (guint i = 0; i < 20000; i++)
    g_string_append (gpx, "<trkseg><trkpt lat=\"30\" lon=\"57\"/></trkseg>\n");
  g_string_append (gpx, "</trk>\n<wpt lat=\"30\" lon=\"57\"><name>after</name></wpt>\n</gpx>\n");
  file = import_test_write_temp ("many-elements.gpx", gpx->str, (gssize) gpx->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.routes, ==, 0);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 1);
  import_test_assert_problem_on_line (plan, 515, "more than 512 elements of its own");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/import/gpx/good-1.1", test_good_1_1);
  g_test_add_func ("/atlas/import/gpx/good-1.0", test_good_1_0);
  g_test_add_func ("/atlas/import/gpx/bad-points", test_bad_points);
  g_test_add_func ("/atlas/import/gpx/external-dtd", test_external_dtd);
  g_test_add_func ("/atlas/import/gpx/internal-entity", test_internal_entity);
  g_test_add_func ("/atlas/import/gpx/wrong-types", test_wrong_types);
  g_test_add_func ("/atlas/import/gpx/truncated", test_truncated);
  g_test_add_func ("/atlas/import/gpx/too-many-points", test_too_many_points);
  g_test_add_func ("/atlas/import/gpx/many-segments", test_many_segments);
  g_test_add_func ("/atlas/import/gpx/gdal", test_gdal);

  g_test_add_func ("/atlas/import/gpx/track-elements-bounded", test_track_elements_bounded);

  return g_test_run ();
}
