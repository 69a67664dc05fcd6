/* test-case-json-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a case written as JSON, and the errors that name the file and the place.
 */

#include "config.h"

#include <string.h>

#include "atlas-case-json-reader.h"
#include "atlas-case.h"

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("case-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static GError *
read_expecting_error (const char *json)
{
  g_autofree char *path = write_temp (json);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasCaseJsonReader) reader = atlas_case_json_reader_new ();
  GError *error = NULL;

  g_assert_false (atlas_case_json_reader_read_file (reader, file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (atlas_case_json_reader_get_records (reader)->len, ==, 0);
  g_test_message ("%s", error->message);
  return error;
}

#define HEADER "{\"format\": \"incident-atlas-case\", \"version\": 1, "

static void
test_read_small_case (void)
{
  g_autofree char *path = write_temp (
    HEADER "\"case\": {\"title\": \"T\", \"summary\": \"S\"},"
    "\"documents\": [{\"id\": \"d\", \"title\": \"Doc\", \"kind\": \"news\", \"reliability\": \"B\","
    "  \"reliability_note\": \"Dated, names its sources\", \"language\": \"en\","
    "  \"accessed\": \"2024-02-01\"}],"
    "\"actors\": [{\"id\": \"a\", \"name\": \"Group\", \"kind\": \"group\", \"aliases\": [\"G1\", \"G2\"]}],"
    "\"incidents\": [{\"id\": \"i\", \"title\": \"Blast\", \"category\": \"bombing\","
    "  \"latitude\": 30.28, \"longitude\": 57.08, \"location_precision\": \"town\"}],"
    "\"routes\": [{\"id\": \"r\", \"name\": \"R\", \"status\": \"reported\", \"waypoints\": ["
    "  {\"id\": \"w1\", \"place\": \"A\", \"latitude\": 37, \"longitude\": 70, \"location_precision\": \"province\"},"
    "  {\"id\": \"w2\", \"place\": \"B\", \"latitude\": 30, \"longitude\": 57, \"location_precision\": \"town\"}]}],"
    "\"roles\": [{\"actor\": \"a\", \"subject\": \"i\", \"role\": \"claimed\"}],"
    "\"claims\": [{\"id\": \"c\", \"subject\": \"i\", \"attribute\": \"deaths\", \"value\": \"84\","
    "  \"number\": 84, \"qualifier\": \"exact\", \"document\": \"d\", \"credibility\": 2,"
    "  \"credibility_note\": \"One official's figure\"},"
    "  {\"id\": \"c2\", \"subject\": \"i\", \"attribute\": \"deaths\", \"value\": \"89\","
    "  \"number\": 89, \"qualifier\": \"exact\", \"document\": \"d\", \"credibility\": 3}],"
    "\"relations\": [{\"claim\": \"c2\", \"relation\": \"contradicts\", \"other\": \"c\","
    "  \"note\": \"Two tolls\"}],"
    "\"briefing\": {\"steps\": [{\"subject\": \"w2\", \"caption\": \"Here\", \"claims\": [\"c\"]},"
    "  {\"subject\": \"extent:44,25,63,40\", \"caption\": \"Iran\"}]}}");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasCaseJsonReader) reader = atlas_case_json_reader_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *records;
  AtlasRecord *document, *waypoint, *claim, *relation, *actor, *extent_step;

  g_assert_true (atlas_case_json_reader_read_file (reader, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_case_json_reader_get_title (reader), ==, "T");

  records = atlas_case_json_reader_get_records (reader);
  g_assert_cmpuint (records->len, ==, 13);
  document = g_ptr_array_index (records, 0);
  g_assert_cmpstr (atlas_record_get_text (document, "reliability_note"), ==,
                   "Dated, names its sources");
  g_assert_cmpstr (atlas_record_get_text (document, "language"), ==, "en");
  g_assert_cmpstr (atlas_record_get_text (document, "accessed"), ==, "2024-02-01");
  actor = g_ptr_array_index (records, 1);
  g_assert_cmpstr (atlas_record_get_text (actor, "aliases"), ==, "G1\nG2");
  waypoint = g_ptr_array_index (records, 5);
  g_assert_cmpstr (atlas_record_get_key (waypoint), ==, "w2");
  g_assert_cmpint (atlas_record_get_int (waypoint, "seq"), ==, 2);
  g_assert_cmpstr (atlas_record_get_text (waypoint, "route_key"), ==, "r");
  claim = g_ptr_array_index (records, 7);
  g_assert_cmpstr (atlas_record_get_text (claim, "subject_kind"), ==, "incident");
  g_assert_cmpfloat (atlas_record_get_double (claim, "value_number"), ==, 84);
  g_assert_cmpstr (atlas_record_get_text (claim, "credibility_note"), ==,
                   "One official's figure");
  relation = g_ptr_array_index (records, 9);
  g_assert_cmpstr (atlas_record_get_kind (relation), ==, "relation");
  g_assert_cmpstr (atlas_record_get_text (relation, "claim_key"), ==, "c2");
  g_assert_cmpstr (atlas_record_get_text (relation, "relation"), ==, "contradicts");
  g_assert_cmpstr (atlas_record_get_text (relation, "other_key"), ==, "c");
  g_assert_cmpstr (atlas_record_get_text (relation, "note"), ==, "Two tolls");
  /* the file's briefing, then its steps */
  g_assert_cmpstr (atlas_record_get_kind (g_ptr_array_index (records, 10)), ==, "briefing");
  extent_step = g_ptr_array_index (records, 12);
  g_assert_cmpstr (atlas_record_get_text (extent_step, "briefing_key"), ==,
                   atlas_record_get_key (g_ptr_array_index (records, 10)));
  g_assert_cmpstr (atlas_record_get_text (extent_step, "subject_kind"), ==, "extent");
  g_assert_cmpfloat (atlas_record_get_double (extent_step, "max_lat"), ==, 40);
}

static void
test_not_json (void)
{
  g_autoptr(GError) error = read_expecting_error ("{\"format\": ");

  g_assert_nonnull (error);
}

static void
test_wrong_format (void)
{
  g_autoptr(GError) error = read_expecting_error ("{\"format\": \"geojson\"}");

  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
}

static void
test_unknown_subject_names_place (void)
{
  g_autoptr(GError) error = read_expecting_error (
    HEADER "\"claims\": [{\"id\": \"c\", \"subject\": \"nowhere\", \"attribute\": \"deaths\"}]}");

  g_assert_nonnull (strstr (error->message, "claims[0]"));
  g_assert_nonnull (strstr (error->message, "nowhere"));
}

static void
test_duplicate_id (void)
{
  g_autoptr(GError) error = read_expecting_error (
    HEADER "\"documents\": [{\"id\": \"d\"}, {\"id\": \"d\"}]}");

  g_assert_nonnull (strstr (error->message, "documents[1]"));
}

static void
test_step_not_object (void)
{
  g_autoptr(GError) error = read_expecting_error (
    HEADER "\"case\": 5, \"briefing\": {\"steps\": [7]}}");

  g_assert_nonnull (strstr (error->message, "steps[0]"));
}

#define TWO_CLAIMS \
  "\"documents\": [{\"id\": \"d\"}], \"incidents\": [{\"id\": \"i\"}]," \
  "\"claims\": [{\"id\": \"c\", \"subject\": \"i\"}, {\"id\": \"c2\", \"subject\": \"i\"}],"

/* A relation names two claims of the case, and one of three relations. */
static void
test_relation_errors (void)
{
  g_autoptr(GError) unknown = read_expecting_error (
    HEADER TWO_CLAIMS "\"relations\": [{\"claim\": \"c\", \"relation\": \"repeats\","
    " \"other\": \"i\"}]}");
  g_autoptr(GError) bad_relation = read_expecting_error (
    HEADER TWO_CLAIMS "\"relations\": [{\"claim\": \"c\", \"relation\": \"contradicts\","
    " \"other\": \"c2\"}, {\"claim\": \"c\", \"relation\": \"agrees\", \"other\": \"c2\"}]}");

  g_assert_nonnull (strstr (unknown->message, "relations[0]"));
  g_assert_nonnull (strstr (unknown->message, "“i”"));
  g_assert_nonnull (strstr (bad_relation->message, "relations[1]"));
}

static void
test_wrong_type (void)
{
  g_autoptr(GError) error = read_expecting_error (
    HEADER "\"incidents\": [{\"id\": \"i\", \"latitude\": \"thirty\"}]}");

  g_assert_nonnull (strstr (error->message, "latitude"));
}

/* A figure its field cannot hold is refused, not changed (1e400 was infinity). */
static void
test_number_beyond_field (void)
{
  g_autoptr(GError) error = read_expecting_error (
    HEADER "\"incidents\": [{\"id\": \"i\", \"latitude\": 1e400, \"longitude\": 57}]}");

  g_assert_nonnull (strstr (error->message, "“latitude” is beyond what its field can hold"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/json-reader/small-case", test_read_small_case);
  g_test_add_func ("/atlas/json-reader/not-json", test_not_json);
  g_test_add_func ("/atlas/json-reader/wrong-format", test_wrong_format);
  g_test_add_func ("/atlas/json-reader/unknown-subject", test_unknown_subject_names_place);
  g_test_add_func ("/atlas/json-reader/duplicate-id", test_duplicate_id);
  g_test_add_func ("/atlas/json-reader/wrong-type", test_wrong_type);
  g_test_add_func ("/atlas/json-reader/number-beyond-field", test_number_beyond_field);
  g_test_add_func ("/atlas/json-reader/step-not-object", test_step_not_object);
  g_test_add_func ("/atlas/json-reader/relation-errors", test_relation_errors);

  return g_test_run ();
}
