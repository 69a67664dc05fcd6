/* test-import-kml.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing KML: folders and placemarks as Google Earth and GDAL write them, both KML 2.2
 * namespaces, and hostile or broken XML that must be refused with the file and line.
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

/* Sources and grades from a file are the file's word until an analyst confirms them. */
static void
assert_graded_by_file (AtlasImportPlan *plan)
{
  GPtrArray *records = atlas_import_plan_get_records (plan);
  guint n_checked = 0;

  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);

      if (!g_str_equal (atlas_record_get_kind (record), "claim")
          && !g_str_equal (atlas_record_get_kind (record), "document"))
        continue;
      g_assert_cmpstr (atlas_record_get_text (record, "graded_by"), ==, "file");
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("good.kml", &error);
  AtlasRecord *incident, *route, *waypoint;
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  g_assert_cmpint (atlas_import_plan_get_format (plan), ==, ATLAS_IMPORT_FORMAT_KML);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 0);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 2);
  g_assert_cmpuint (counts.routes, ==, 1);
  g_assert_cmpuint (counts.waypoints, ==, 3);

  incident = import_test_find_record (plan, "incident", 0);
  g_assert_cmpstr (atlas_record_get_text (incident, "title"), ==, "Kerman bombings");
  g_assert_cmpstr (atlas_record_get_text (incident, "summary"), ==,
                   "Two explosions, <b>many</b> dead.");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2024-01-03");
  g_assert_cmpstr (atlas_record_get_text (incident, "category"), ==, "bombing");
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (incident, "latitude"), 30.2839, 1e-9);
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "deaths"),
                   ==, "95");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "folder"), ==,
                   "Iran incidents / 2024");
  assert_graded_by_file (plan);

  incident = import_test_find_record (plan, "incident", 1);
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2017-06-07T10:30:00Z");
  g_assert_cmpstr (atlas_record_get_text (incident, "end_time"), ==, "2017-06-07T15:00:00Z");
  g_assert_cmpstr (atlas_record_get_text (incident, "end_precision"), ==, "minute");
  g_assert_cmpstr (import_test_claim_value (plan, atlas_record_get_key (incident), "folder"), ==,
                   "Iran incidents / 2024 / Tehran");

  route = import_test_find_record (plan, "route", 0);
  g_assert_cmpstr (atlas_record_get_text (route, "name"), ==, "Reported route");
  waypoint = import_test_find_record (plan, "waypoint", 2);
  g_assert_cmpint (atlas_record_get_int (waypoint, "seq"), ==, 3);
  g_assert_cmpfloat_with_epsilon (atlas_record_get_double (waypoint, "longitude"), 57.08, 1e-9);
}

static void
test_google_namespace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("google-namespace.kml", &error);
  AtlasRecord *incident;

  g_assert_no_error (error);
  incident = import_test_find_record (plan, "incident", 0);
  g_assert_nonnull (incident);
  g_assert_cmpstr (atlas_record_get_text (incident, "start_time"), ==, "2022-10");
  g_assert_cmpstr (atlas_record_get_text (incident, "start_precision"), ==, "month");
}

static void
test_bad_placemarks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("bad-placemarks.kml", &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 4);
  import_test_assert_problem_on_line (plan, 8, "latitude 95 is outside −90…90");
  import_test_assert_problem_on_line (plan, 12, "“MultiGeometry” is not supported");
  import_test_assert_problem_on_line (plan, 19, "empty coordinates");
  import_test_assert_problem_on_line (plan, 23, "unparseable date “3rd Jan”");
}

static void
test_external_entity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("external-entity.kml", &error);

  g_assert_null (plan);
  assert_refused ("external-entity.kml", error, ATLAS_IMPORT_ERROR_UNSAFE, "entities");
}

static void
test_billion_laughs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("billion-laughs.kml", &error);

  g_assert_null (plan);
  assert_refused ("billion-laughs.kml", error, ATLAS_IMPORT_ERROR_UNSAFE, "entities");
}

static void
test_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = import_test_load ("truncated.kml", &error);

  g_assert_null (plan);
  assert_refused ("truncated.kml", error, ATLAS_IMPORT_ERROR_MALFORMED, "line 6");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new ("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<Folder>");
  file = import_test_write_temp ("deep.kml", xml->str, (gssize) xml->len);
  plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("deep.kml", error, ATLAS_IMPORT_ERROR_TOO_DEEP, "line 2");
}

static void
test_huge_text (void)
{
  g_autofree char *big = g_strnfill (2 << 20, 'x');
  g_autofree char *xml = g_strdup_printf (
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n"
    "<Placemark><name>%s</name><Point><coordinates>57,30</coordinates></Point></Placemark>\n"
    "<Placemark><name>small</name><Point><coordinates>57,30</coordinates></Point></Placemark>\n"
    "</Document></kml>", big);
  g_autoptr(GFile) file = import_test_write_temp ("huge.kml", xml, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  import_test_assert_problem_on_line (plan, 2, "is longer than 1");
}

static void
test_not_kml (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("other.kml",
                                                  "<?xml version=\"1.0\"?>\n<svg/>", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("other.kml", error, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT, "not KML");
}

static void
test_utf16 (void)
{
  static const char xml[] = "\xff\xfe<\0k\0m\0l\0/\0>\0";
  g_autoptr(GFile) file = import_test_write_temp ("utf16.kml", xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_null (plan);
  assert_refused ("utf16.kml", error, ATLAS_IMPORT_ERROR_ENCODING, "UTF-16");
}

/* ---- files written by GDAL ---------------------------------------------------------- */

/* What KML holds beside placemarks is counted in the report, each at its line, and a
 * placemark inside something else than a Document or a Folder is not read. */
static void
test_skipped_elements (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("overlays.kml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>Case</name>\n"
    "<NetworkLink><Link><href>https://example.org/more.kml</href></Link></NetworkLink>\n"
    "<Folder><name>Maps</name>\n"
    "<GroundOverlay><Icon><href>map.png</href></Icon></GroundOverlay>\n"
    "<ScreenOverlay/>\n"
    "<Placemark><name>Kept</name><Point><coordinates>57.08,30.28</coordinates></Point>"
    "</Placemark>\n"
    "</Folder>\n"
    "<Style><Placemark><Point><coordinates>1,2</coordinates></Point></Placemark></Style>\n"
    "</Document></kml>\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
  AtlasCaseCounts counts;

  g_assert_no_error (error);
  atlas_import_plan_get_counts (plan, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 3);
  import_test_assert_problem_on_line (plan, 3, "a NetworkLink is not imported");
  import_test_assert_problem_on_line (plan, 5, "a GroundOverlay is not imported");
  import_test_assert_problem_on_line (plan, 6, "a ScreenOverlay is not imported");
  g_assert_cmpstr (import_test_claim_value (plan,
                     atlas_record_get_key (import_test_find_record (plan, "incident", 0)),
                     "folder"), ==, "Case / Maps");
}

/* A coordinate written as a number no double holds is named as such. */
static void
test_huge_coordinate (void)
{
  g_autoptr(GFile) file = import_test_write_temp ("huge-coordinate.kml",
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
    "<Placemark><Point><coordinates>1e400,30</coordinates></Point></Placemark>\n"
    "<Placemark><Point><coordinates>57,-1e999</coordinates></Point></Placemark>\n"
    "</kml>\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (atlas_import_plan_get_n_problems (plan), ==, 2);
  import_test_assert_problem_on_line (plan, 2, "longitude 1e400 is beyond what a number can hold");
  import_test_assert_problem_on_line (plan, 3, "latitude -1e999 is beyond what a number can hold");
}

/* libxml2's own messages quote the file; they are our errors' reasons, never stderr's
 * (libxml2 wrote encoding errors there itself). */
static void
test_quiet_libxml (void)
{
  static const char *const files[] = {
    "<?xml version=\"1.0\" encoding=\"SECRET\"?>\n<kml/>",
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><name>SECRET &undefined;</name></kml>",
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:a=\"SECRET uri\"><a:x/></kml>",
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><name>SECRET</nam></kml>",
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><x:name>SECRET</x:name></kml>",
    "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>SECRET\xff</name>"
    "</Placemark></kml>",
    "<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<kml><name>SECRET\xff\xfe</name></kml>",
    "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<kml><name>SECRET\x1b$B\xff</name></kml>",
  };

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autoptr(GFile) file = import_test_write_temp ("quiet.kml", files[i], -1);
          g_autoptr(GError) error = NULL;
          g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new_for_file (file, NULL, &error);
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr_unmatched ("*SECRET*");
  /* "encoding error : input conversion failed due to input error, bytes 0xFF 0xFE…" */
  g_test_trap_assert_stderr_unmatched ("*error :*");
}

static void
test_gdal (void)
{
  import_test_check_gdal_cities ("KML", "cities.kml", 0,
                                 "Kerman", "2024-01-03",
                                 30.2839, 57.0834);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/import/kml/good", test_good);
  g_test_add_func ("/atlas/import/kml/google-namespace", test_google_namespace);
  g_test_add_func ("/atlas/import/kml/bad-placemarks", test_bad_placemarks);
  g_test_add_func ("/atlas/import/kml/external-entity", test_external_entity);
  g_test_add_func ("/atlas/import/kml/billion-laughs", test_billion_laughs);
  g_test_add_func ("/atlas/import/kml/truncated", test_truncated);
  g_test_add_func ("/atlas/import/kml/deep-nesting", test_deep_nesting);
  g_test_add_func ("/atlas/import/kml/huge-text", test_huge_text);
  g_test_add_func ("/atlas/import/kml/not-kml", test_not_kml);
  g_test_add_func ("/atlas/import/kml/utf16", test_utf16);
  g_test_add_func ("/atlas/import/kml/skipped-elements", test_skipped_elements);
  g_test_add_func ("/atlas/import/kml/quiet-libxml", test_quiet_libxml);
  g_test_add_func ("/atlas/import/kml/huge-coordinate", test_huge_coordinate);
  g_test_add_func ("/atlas/import/kml/gdal", test_gdal);

  return g_test_run ();
}
