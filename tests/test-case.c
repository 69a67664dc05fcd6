/* test-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case store: schema, writing and every query, and each file it must refuse or open
 * read-only, each made here for the test.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atlas-actor.h"
#include "atlas-case-schema.h"
#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
#include "case-versions.h"
#include "case-test-util.h"

typedef CaseFiles Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  case_files_set_up (fixture, "atlas-case-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  case_files_tear_down (fixture);
}

static AtlasRecord *
make_document (const char *key)
{
  return case_test_document (key, "A report");
}

static AtlasRecord *
make_incident (const char *key,
               double      latitude,
               double      longitude)
{
  AtlasRecord *incident = case_test_incident (key, "Bombing in Kerman", latitude, longitude);

  atlas_record_set_text (incident, "place", "Kerman");
  return incident;
}

static AtlasRecord *
make_claim (const char *key,
            const char *attribute,
            const char *value,
            double      number,
            const char *document)
{
  return case_test_claim (key, "inc-1", attribute, value, number, document);
}

static AtlasRecord *
make_waypoint (const char *key,
               int         seq,
               double      latitude,
               double      longitude)
{
  return case_test_waypoint (key, "route-1", seq, latitude, longitude);
}

/* A small case: one incident whose death toll three documents disagree on, and a route. */
static AtlasCase *
create_populated_case (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasRecord) route = ATLAS_RECORD (atlas_route_new ("route-1"));
  AtlasCase *atlas_case = atlas_case_create (fixture->file, "Test case", &error);

  g_assert_no_error (error);
  atlas_record_set_text (route, "name", "Reported route");
  atlas_record_set_text (route, "status", "reported");

  g_ptr_array_add (records, make_document ("doc-a"));
  g_ptr_array_add (records, make_document ("doc-b"));
  g_ptr_array_add (records, make_incident ("inc-1", 30.28, 57.08));
  g_ptr_array_add (records, make_claim ("c1", "deaths", "nearly 100", 100, "doc-a"));
  g_ptr_array_add (records, make_claim ("c2", "deaths", "84", 84, "doc-b"));
  g_ptr_array_add (records, make_claim ("c3", "injuries", "284", 284, "doc-a"));
  g_ptr_array_add (records, make_claim ("c4", "injuries", "284", 284, "doc-b"));
  g_ptr_array_add (records, g_object_ref (route));
  g_ptr_array_add (records, make_waypoint ("wp-2", 2, 29.0, 60.0));
  g_ptr_array_add (records, make_waypoint ("wp-1", 1, 37.0, 70.5));
  g_ptr_array_add (records, make_waypoint ("wp-3", 3, 30.28, 57.08));

  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  return atlas_case;
}

/* The model keeps its items alive, so what this returns stays valid while it does. */
static AtlasRecord *
nth_record (GListModel *model,
            guint       position)
{
  g_autoptr(AtlasRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  return record;
}

static int
query_raw_int (const char *path,
               const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
query_raw_text (const char *path,
                const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_create_is_geopackage (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);

  g_assert_cmpstr (atlas_case_get_title (atlas_case), ==, "Test case");
  g_assert_false (atlas_case_get_read_only (atlas_case));
  g_clear_object (&atlas_case);

  g_assert_cmpint (query_raw_int (fixture->path, "PRAGMA application_id"), ==, 0x47504B47);
  g_assert_cmpint (query_raw_int (fixture->path, "PRAGMA user_version"), ==, 10300);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM gpkg_spatial_ref_sys"
                                                 " WHERE srs_id = 4326"), ==, 1);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM gpkg_geometry_columns"),
                   ==, 3);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM gpkg_extensions"
                                                 " WHERE extension_name = 'gpkg_rtree_index'"),
                   ==, 3);
  /* The R-tree triggers filled the index as the records went in */
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM rtree_incidents_geom"),
                   ==, 1);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM rtree_routes_geom"), ==, 1);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT max_x * 100 FROM gpkg_contents"
                                                 " WHERE table_name = 'routes'"), ==, 7050);
  {
    g_autofree char *integrity = query_raw_text (fixture->path, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
  }
}

static void
test_reopen_and_query (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtlasCase) created = create_populated_case (fixture);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GListModel) waypoints = NULL;
  g_autoptr(AtlasRecord) incident = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts counts;
  AtlasBounds extent;

  g_clear_object (&created);
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  atlas_case_get_counts (atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
  g_assert_cmpuint (counts.documents, ==, 2);
  g_assert_cmpuint (counts.claims, ==, 4);
  g_assert_cmpuint (counts.waypoints, ==, 3);

  incidents = atlas_case_list_records (atlas_case, ATLAS_TYPE_INCIDENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  incident = g_list_model_get_item (incidents, 0);
  g_assert_cmpstr (atlas_record_get_text (incident, "place"), ==, "Kerman");
  g_assert_cmpfloat (atlas_record_get_double (incident, "latitude"), ==, 30.28);

  /* Waypoints come back in route order, whatever order they were written in */
  waypoints = atlas_case_list_waypoints (atlas_case, "route-1", &error);
  g_assert_cmpuint (g_list_model_get_n_items (waypoints), ==, 3);
  g_assert_cmpstr (atlas_record_get_key (nth_record (waypoints, 0)), ==, "wp-1");
  g_assert_cmpstr (atlas_record_get_key (nth_record (waypoints, 2)), ==, "wp-3");

  g_assert_true (atlas_case_get_extent (atlas_case, &extent));
  g_assert_cmpfloat (extent.min_lon, ==, 57.08);
  g_assert_cmpfloat (extent.max_lat, ==, 37.0);
}

static void
test_contested_attributes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_auto(GStrv) contested = NULL;
  g_autoptr(GListModel) deaths = NULL;
  g_autoptr(GError) error = NULL;

  contested = atlas_case_list_contested_attributes (atlas_case, "incident", "inc-1", &error);
  g_assert_no_error (error);
  /* Deaths differ (100 vs 84); injuries agree (284 twice), so they are not contested */
  g_assert_cmpuint (g_strv_length (contested), ==, 1);
  g_assert_cmpstr (contested[0], ==, "deaths");
  g_clear_pointer (&contested, g_strfreev);

  /* A denial without a figure contests a figure; two wordings of one fact do not */
  {
    g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
    AtlasRecord *denial = make_claim ("c5", "arrests", "denies any arrest", NAN, "doc-b");
    AtlasRecord *place_a = make_claim ("c6", "place", "Kerman city", NAN, "doc-a");
    AtlasRecord *place_b = make_claim ("c7", "place", "the city of Kerman", NAN, "doc-b");

    atlas_record_set_text (denial, "qualifier", "text");
    g_ptr_array_add (records, make_claim ("c8", "arrests", "35", 35, "doc-a"));
    g_ptr_array_add (records, denial);
    g_ptr_array_add (records, place_a);
    g_ptr_array_add (records, place_b);
    g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  }
  contested = atlas_case_list_contested_attributes (atlas_case, "incident", "inc-1", &error);
  g_assert_cmpuint (g_strv_length (contested), ==, 2);
  g_assert_cmpstr (contested[0], ==, "arrests");
  g_assert_cmpstr (contested[1], ==, "deaths");

  deaths = atlas_case_list_claims (atlas_case, "incident", "inc-1", "deaths", &error);
  g_assert_cmpuint (g_list_model_get_n_items (deaths), ==, 2);
  g_assert_cmpstr (atlas_record_get_text (nth_record (deaths, 0), "document_key"),
                   ==, "doc-a");
  g_assert_cmpstr (atlas_record_get_text (nth_record (deaths, 1), "document_key"),
                   ==, "doc-b");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  /* A prefix, as someone types it */
  results = atlas_case_search (atlas_case, "kerm", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  g_assert_true (ATLAS_IS_INCIDENT (nth_record (results, 0)));
  g_clear_object (&results);

  /* FTS syntax in the input is only text */
  results = atlas_case_search (atlas_case, "\"kerman OR * NEAR(", &error);
  g_assert_no_error (error);
  g_clear_object (&results);

  results = atlas_case_search (atlas_case, "nonexistentword", &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_clear_object (&results);

  /* Words are cut as the index cuts them, never searched as a phrase (the index keeps no
   * places): text a phrase would come of (a hyphen, an apostrophe, marks that split a
   * word, quotes) is searched without error; accents are folded as the index folds them */
  {
    const char *tricky[] = { "al-Qaeda", "Kerman's", "हिन्दी", "\"\"", "'", "🙂 kerman",
                             "title: kerman", "kerman NOT twin", "-", "Кирман", "\t" };
    g_autoptr(GListModel) plain = atlas_case_search (atlas_case, "kerman", &error);
    g_autoptr(GListModel) accented = atlas_case_search (atlas_case, "KERMÂN", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (plain), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (accented), ==,
                      g_list_model_get_n_items (plain));
    for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
      {
        results = atlas_case_search (atlas_case, tricky[i], &error);
        g_assert_no_error (error);
        g_assert_nonnull (results);
        g_clear_object (&results);
      }
  }
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* atlas_case_search_async(), waited for. */
static GListModel *
search_on_worker (AtlasCase     *atlas_case,
                  const char    *text,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  atlas_case_search_async (atlas_case, text, cancellable, search_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return atlas_case_search_finish (atlas_case, result, error);
}

static void
assert_same_records (GListModel *a,
                     GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_assert_cmpstr (atlas_record_get_kind (nth_record (a, i)), ==,
                       atlas_record_get_kind (nth_record (b, i)));
      g_assert_cmpstr (atlas_record_get_key (nth_record (a, i)), ==,
                       atlas_record_get_key (nth_record (b, i)));
    }
}

/* The window's search runs on a worker and a connection of its own: the same records in
 * the same order as on the case's connection, on a case opened for writing or read-only,
 * after an edit, and nothing but "cancelled" once cancelled. */
static void
test_search_async (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *texts[] = { "kerm", "kerman", "nonexistentword", "\"kerman OR * NEAR(", "k" };
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(AtlasCase) read_only = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GListModel) cancelled = NULL;
  g_autoptr(GError) error = NULL;

  read_only = atlas_case_open (atlas_case_get_file (atlas_case), ATLAS_CASE_OPEN_READ_ONLY,
                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GListModel) here = atlas_case_search (atlas_case, texts[i], &error);
      g_autoptr(GListModel) there = search_on_worker (atlas_case, texts[i], NULL, &error);
      g_autoptr(GListModel) there_read_only = NULL;

      g_assert_no_error (error);
      assert_same_records (here, there);
      there_read_only = search_on_worker (read_only, texts[i], NULL, &error);
      g_assert_no_error (error);
      assert_same_records (here, there_read_only);
    }

  /* an edit just applied is seen by the worker's own connection */
  {
    g_autoptr(AtlasRecord) incident = atlas_case_lookup (atlas_case, "incident", "inc-1", &error);
    g_autoptr(AtlasRecord) changed = atlas_record_dup (incident);
    g_autoptr(AtlasEdit) edit = atlas_edit_new ("Rename");
    g_autoptr(GListModel) found = NULL;

    atlas_record_set_text (changed, "title", "Zanzibarian twin bombings");
    atlas_edit_change (edit, incident, changed);
    g_assert_true (atlas_case_apply_edit (atlas_case, edit, &error));
    g_assert_no_error (error);
    found = search_on_worker (atlas_case, "zanzibar", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    g_assert_cmpstr (atlas_record_get_key (nth_record (found, 0)), ==, "inc-1");
  }

  g_cancellable_cancel (cancellable);
  cancelled = search_on_worker (atlas_case, "kerman", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancelled);
  g_clear_error (&error);

  /* the file moved away while open: the search says which file it cannot read */
  {
    g_autofree char *moved = g_strconcat (fixture->path, ".moved", NULL);
    g_autofree char *name = g_file_get_parse_name (fixture->file);
    g_autoptr(GListModel) found = NULL;

    g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
    found = search_on_worker (atlas_case, "kerman", NULL, &error);
    g_assert_cmpint (g_rename (moved, fixture->path), ==, 0);
    g_assert_null (found);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, name));
  }
}

static void
test_invalid_write_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts counts;

  g_ptr_array_add (records, make_incident ("inc-ok", 35.0, 51.0));
  g_ptr_array_add (records, make_incident ("inc-bad", 95.0, 51.0));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_LATITUDE);
  g_assert_nonnull (strstr (error->message, "inc-bad"));
  g_assert_nonnull (strstr (error->message, "95"));

  atlas_case_get_counts (atlas_case, &counts);
  g_assert_cmpuint (counts.incidents, ==, 1);
}

static void
test_dangling_reference_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (records, make_claim ("c9", "deaths", "89", 89, "doc-missing"));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "doc-missing"));
}

static void
test_bad_date_and_grade_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasRecord) incident = make_incident ("inc-date", 30, 57);
  g_autoptr(AtlasRecord) claim = make_claim ("c-grade", "deaths", "1", 1, "doc-a");
  g_autoptr(GError) error = NULL;

  atlas_record_set_text (incident, "start_time", "2024-02-30");
  g_ptr_array_add (records, g_object_ref (incident));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_DATE);
  g_clear_error (&error);

  atlas_record_set_int (claim, "credibility", 7);
  g_ptr_array_set_size (records, 0);
  g_ptr_array_add (records, g_object_ref (claim));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID);
}

static void
test_read_only_refuses_writes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(AtlasCase) created = create_populated_case (fixture);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_clear_object (&created);
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_case_get_read_only (atlas_case));

  g_ptr_array_add (records, make_document ("doc-c"));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY);
}

/* Opening must fail with @code and leave the file exactly as it was. */
static void
assert_refused_unchanged (Fixture *fixture,
                          int      code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;

  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_null (atlas_case);
  g_assert_error (error, ATLAS_CASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_test_message ("refused: %s", error->message);

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

static void
test_refuse_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND);
}

static void
test_refuse_text_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->path, "incident,latitude\nx,95\n", -1, NULL));
  assert_refused_unchanged (fixture, ATLAS_CASE_ERROR_NOT_A_DATABASE);
}

static void
test_refuse_plain_sqlite (Fixture       *fixture,
                          gconstpointer  data)
{
  exec_raw (fixture->path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')");
  assert_refused_unchanged (fixture, ATLAS_CASE_ERROR_NOT_A_GEOPACKAGE);
}

static void
test_refuse_foreign_geopackage (Fixture       *fixture,
                                gconstpointer  data)
{
  exec_raw (fixture->path, "PRAGMA application_id = 1196444487; CREATE TABLE gpkg_contents (x)");
  assert_refused_unchanged (fixture, ATLAS_CASE_ERROR_NOT_A_CASE);
}

static void
test_refuse_newer_schema (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);

  g_clear_object (&atlas_case);
  exec_raw (fixture->path, "PRAGMA journal_mode = DELETE;"
                           "UPDATE atlas_meta SET value = '99' WHERE key = 'schema_version'");
  assert_refused_unchanged (fixture, ATLAS_CASE_ERROR_NEWER_SCHEMA);
}

static void
test_refuse_corrupt_page (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autofree char *contents = NULL;
  gsize length;

  g_clear_object (&atlas_case);
  exec_raw (fixture->path, "PRAGMA journal_mode = DELETE");
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096 * 8);
  /* Scribble over the b-tree pages after the first */
  memset (contents + 4096 * 2, 0xA5, 4096 * 4);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));

  assert_refused_unchanged (fixture, ATLAS_CASE_ERROR_CORRUPT);
}

static void
test_hostile_trigger_opens_read_only (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GListModel) incidents = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&atlas_case);
  /* A trigger that would delete the documents on any write */
  exec_raw (fixture->path, "CREATE TRIGGER evil AFTER INSERT ON claims BEGIN"
                           " DELETE FROM documents; END;"
                           "CREATE VIEW sneaky AS SELECT * FROM claims");

  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_case_get_read_only (atlas_case));
  g_assert_nonnull (strstr (atlas_case_get_read_only_reason (atlas_case), "evil"));

  incidents = atlas_case_list_records (atlas_case, ATLAS_TYPE_INCIDENT, &error);
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, 1);
  g_clear_object (&atlas_case);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM documents"), ==, 2);
}

/* A case on a read-only medium opens read-only, saying why, and is not changed. */
static void
test_unwritable_file_opens_read_only (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GError) error = NULL;

  g_clear_object (&atlas_case);
  exec_raw (fixture->path, "PRAGMA journal_mode = DELETE");
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);

  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_case_get_read_only (atlas_case));
  g_assert_nonnull (strstr (atlas_case_get_read_only_reason (atlas_case), "read-only"));
  g_chmod (fixture->path, 0644);
}

/* What version 3 added, taken away again (SQLite 3.35 drops columns). */
/* A version 2 file gains the tables of version 3 and the search index of version 4, built
 * with rowids an edit can find, and an edit then works and is in the history. */
static void
test_migrate_version_2 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(AtlasRecord) incident = NULL;
  g_autoptr(AtlasRecord) changed = NULL;
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Rename");
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&atlas_case);
  exec_raw (fixture->path, DOWNGRADE_TO_VERSION_2
                           "UPDATE atlas_meta SET value = '2' WHERE key = 'schema_version'");
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM search_index"), >, 0);

  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT value FROM atlas_meta"
                                                 " WHERE key = 'schema_version'"), ==,
                   ATLAS_CASE_SCHEMA_VERSION);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM gpkg_contents"
                                                 " WHERE table_name IN ('claim_relations',"
                                                 " 'history', 'attachments')"), ==, 3);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM search_index s"
                                                 " JOIN incidents i ON s.rowid = i.id * 8"
                                                 " WHERE search_index MATCH 'kerman'"), ==, 1);

  incident = atlas_case_lookup (atlas_case, "incident", "inc-1", &error);
  g_assert_no_error (error);
  changed = atlas_record_dup (incident);
  atlas_record_set_text (changed, "title", "Renamed twin bombings");
  atlas_edit_change (edit, incident, changed);
  g_assert_true (atlas_case_apply_edit (atlas_case, edit, &error));
  g_assert_no_error (error);

  results = atlas_case_search (atlas_case, "renamed", &error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  history = atlas_case_list_history (atlas_case, "incident", "inc-1", &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
}

static gboolean
is_wal_mode (const char *path)
{
  g_autofree char *header = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &header, &length, NULL) && length > 19
         && header[18] == 2 && header[19] == 2;
}

/* What a user who may not write the folder sees: the case open, read-only. */
static gboolean
opens_read_only (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, &error);
  AtlasCaseCounts counts;

  if (atlas_case == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  atlas_case_get_counts (atlas_case, &counts);
  return atlas_case_get_read_only (atlas_case) && counts.incidents == 1 && counts.routes == 1
         && strstr (atlas_case_get_read_only_reason (atlas_case), "folder") != NULL;
}

/* Root may read and write anywhere: the check runs as nobody, in a child. */
static gboolean
check_as_user (gboolean (*check) (GFile *file),
               GFile     *file)
{
  pid_t pid;
  int status = 0;

  if (getuid () != 0)
    return check (file);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (2);
      _exit (check (file) ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* The message says why, in the system's words, once. */
static gboolean
refused_saying_why (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_READ_ONLY, &error);

  if (atlas_case != NULL)
    return FALSE;
  g_printerr ("%s\n", error->message);
  return strstr (error->message, g_strerror (EACCES)) != NULL
         && strstr (error->message, "it cannot be opened") == NULL;
}

static void
test_unreadable_says_why (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);

  g_clear_object (&atlas_case);
  /* the fixture's folder is 0700: let nobody in, but not read the file */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  if (getuid () == 0)
    g_assert_cmpint (chown (fixture->path, 0, 0), ==, 0);
  else
    g_assert_cmpint (g_chmod (fixture->path, 0), ==, 0);
  g_assert_true (check_as_user (refused_saying_why, fixture->file));
  g_chmod (fixture->path, 0644);
}

/* A write in rollback-journal mode, killed after it has changed the file itself: a hot
 * journal, which only a connection that may write can undo. */
static void
leave_hot_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK
          || sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2;"
                               "BEGIN IMMEDIATE;"
                               "UPDATE claims SET paraphrase = hex (randomblob (3000));"
                               "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1"
                               " FROM n WHERE i < 50) INSERT INTO atlas_meta"
                               " SELECT 'pad' || i, hex (zeroblob (4000)) FROM n",
                           NULL, NULL, NULL) != SQLITE_OK)
        {
          g_printerr ("%s\n", sqlite3_errmsg (db));
          _exit (1);
        }
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Where the journal cannot be undone, the message says what is wrong and where. */
static gboolean
refused_naming_journal (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, &error);

  if (atlas_case != NULL)
    return FALSE;
  g_printerr ("%s\n", error->message);
  return strstr (error->message, "-journal") != NULL;
}

static void
test_hot_journal_in_read_only_folder (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autofree char *journal = g_strconcat (fixture->path, "-journal", NULL);
  gboolean refused;

  g_clear_object (&atlas_case);
  leave_hot_journal (fixture->path);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  refused = check_as_user (refused_naming_journal, fixture->file);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_true (refused);

  /* where it can be written, the change is undone and the case opens */
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (atlas_case);
  g_assert_false (atlas_case_get_read_only (atlas_case));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Leaves a committed change in the case's write-ahead log, as a program killed before it
 * closed the case would, and no shared-memory index beside it. */
static void
leave_change_in_log (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK
          || sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0;"
                               "UPDATE atlas_meta SET value = 'Changed in the log'"
                               " WHERE key = 'title'", NULL, NULL, NULL) != SQLITE_OK)
        _exit (1);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpint (g_remove (shm), ==, 0);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static gboolean
opens_read_only_with_log (GFile *file)
{
  g_autoptr(AtlasCase) atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, NULL);

  return opens_read_only (file) && atlas_case != NULL
         && g_strcmp0 (atlas_case_get_title (atlas_case), "Changed in the log") == 0;
}

/* A WAL case on read-only media: SQLite cannot make its shared-memory index beside it. It
 * is made in the system's temporary folder (g_dir_make_tmp's is 0700, which the user
 * nobody could not enter), left in WAL mode, with or without changes in its log, and its
 * folder made read-only. */
static void
test_wal_in_read_only_folder (gconstpointer data)
{
  gboolean with_log = GPOINTER_TO_INT (data);
  /* /tmp itself, not TMPDIR (the build's folder for the tests, which another user may not
   * be able to enter) */
  g_autofree char *dir = g_build_filename ("/tmp", "atlas-ro-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  Fixture fixture = { 0 };
  gboolean opened;

  g_assert_nonnull (g_mkdtemp_full (dir, 0755));
  path = g_build_filename (dir, "case.gpkg", NULL);
  wal = g_strconcat (path, "-wal", NULL);
  fixture = (Fixture) { .dir = dir, .path = path, .file = g_file_new_for_path (path) };
  atlas_case = create_populated_case (&fixture);
  g_clear_object (&atlas_case);
  g_assert_true (is_wal_mode (path));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  if (with_log)
    leave_change_in_log (path);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  opened = check_as_user (with_log ? opens_read_only_with_log : opens_read_only, fixture.file);
  g_chmod (dir, 0755);
  g_remove (path);
  g_remove (wal);
  g_rmdir (dir);
  g_object_unref (fixture.file);
  g_assert_true (opened);
}

static void
test_migrate_version_1 (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  /* Turn the file back into what version 1 wrote: no search index */
  g_clear_object (&atlas_case);
  exec_raw (fixture->path, DOWNGRADE_TO_VERSION_2 "DROP TABLE search_index;"
                           "UPDATE atlas_meta SET value = '1' WHERE key = 'schema_version'");

  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&atlas_case);
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT value FROM atlas_meta"
                                                 " WHERE key = 'schema_version'"),
                   ==, ATLAS_CASE_SCHEMA_VERSION);

  /* The new index exists; a write fills it */
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_true (atlas_case_set_info (atlas_case, "Renamed", "", &error));
  {
    g_autoptr(GPtrArray) none = g_ptr_array_new ();
    g_assert_true (atlas_case_write_records (atlas_case, none, &error));
  }
  results = atlas_case_search (atlas_case, "kerman", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
}

static void
test_create_replaces_atomically (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autofree char *blocked = g_build_filename (fixture->dir, "no-such-dir", "x.gpkg", NULL);
  g_autoptr(GFile) blocked_file = g_file_new_for_path (blocked);

  g_assert_null (atlas_case_create (blocked_file, "x", &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED);
  /* the message names the folder, and no temporary file the user never asked for */
  g_assert_nonnull (strstr (error->message, "no-such-dir” does not exist"));
  g_assert_null (strstr (error->message, ".part"));
  g_clear_error (&error);

  atlas_case = atlas_case_create (fixture->file, "First", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_case_get_title (atlas_case), ==, "First");
  g_clear_object (&atlas_case);
}

/* Another program may hold a case that exists: creating one there never replaces it. */
static void
test_create_never_replaces (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) first = atlas_case_create (fixture->file, "First", &error);
  g_autoptr(AtlasCase) second = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_no_error (error);
  second = atlas_case_create (fixture->file, "Second", &error);
  g_assert_null (second);
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&first);

  first = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_case_get_title (first), ==, "First");

  /* and no temporary file is left beside it */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part"));
}

static guint
count_filtered (AtlasCase   *atlas_case,
                AtlasFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) incidents = atlas_case_list_incidents (atlas_case, filter, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (incidents);
}

static void
test_filter_incidents (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  AtlasRecord *later = make_incident ("inc-2", 35.69, 51.42);
  const char *arrests[] = { "arrest", NULL };
  const char *bombings[] = { "bombing", NULL };

  atlas_record_set_text (later, "category", "arrest");
  atlas_record_set_text (later, "start_time", "2024-01-19");
  g_ptr_array_add (records, later);
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));

  g_assert_cmpuint (count_filtered (atlas_case, NULL), ==, 2);
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 2);

  atlas_filter_set_categories (filter, arrests);
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 1);
  atlas_filter_set_categories (filter, bombings);
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 1);
  atlas_filter_reset (filter);

  atlas_filter_set_date_range (filter, "2024-01-01", "2024-01-10");
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 1);
  atlas_filter_set_date_range (filter, "2024-01-03", "2024-01-03");
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 1);
  atlas_filter_set_date_range (filter, "2024-01-04", NULL);
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 1);
  atlas_filter_reset (filter);

  /* only inc-1 has claims that disagree (deaths), and claims from a B-graded source */
  atlas_filter_set_contested_only (filter, TRUE);
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 1);
  atlas_filter_reset (filter);
  atlas_filter_set_min_reliability (filter, 'B');
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 1);
  atlas_filter_set_min_reliability (filter, 'A');
  g_assert_cmpuint (count_filtered (atlas_case, filter), ==, 0);
}

static void
test_load_dates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GArray) days = NULL;
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;

  /* The date range is the timeline's own: it does not narrow what it is given */
  atlas_filter_set_date_range (filter, "1990-01-01", "1990-01-02");
  g_assert_true (atlas_case_load_dates (atlas_case, filter, &days, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  /* 2024-01-03 is day 19725 since 1970-01-01 */
  g_assert_cmpint (g_array_index (days, gint32, 0), ==, 19725);
}

static void
test_save_copy (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.gpkg", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(AtlasCase) reopened = NULL;
  g_autoptr(GError) error = NULL;
  AtlasCaseCounts counts;

  g_assert_true (atlas_case_save_copy (atlas_case, copy, &error));
  g_assert_no_error (error);
  reopened = atlas_case_open (copy, ATLAS_CASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  atlas_case_get_counts (reopened, &counts);
  g_assert_cmpuint (counts.claims, ==, 4);

  /* never over an existing file */
  g_assert_false (atlas_case_save_copy (atlas_case, copy, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_EXISTS);
}

/* A large write builds the R-tree in one go: it must be an R-tree SQLite itself accepts,
 * find exactly what a plain query finds, and take row-by-row updates afterwards. */
static void
test_bulk_rtree (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = create_populated_case (fixture);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  for (guint i = 0; i < 12000; i++)
    {
      g_autofree char *key = g_strdup_printf ("bulk-%u", i);

      g_ptr_array_add (records, make_incident (key, g_rand_double_range (rand, -80, 80),
                                               g_rand_double_range (rand, -179, 179)));
    }
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);

  g_ptr_array_set_size (records, 0);
  g_ptr_array_add (records, make_incident ("after-bulk", 10.5, 20.5));
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_clear_object (&atlas_case);

  check = query_raw_text (fixture->path, "SELECT rtreecheck('rtree_incidents_geom')");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM rtree_incidents_geom"),
                   ==, 12002);
  /* the R-tree finds in a box exactly what the coordinates say is in it */
  g_assert_cmpint (query_raw_int (fixture->path,
                                  "SELECT count(*) FROM rtree_incidents_geom"
                                  " WHERE minx >= 0 AND maxx <= 40 AND miny >= 0 AND maxy <= 30"),
                   ==,
                   query_raw_int (fixture->path,
                                  "SELECT count(*) FROM incidents WHERE longitude >= 0"
                                  " AND longitude <= 40 AND latitude >= 0 AND latitude <= 30"));
  g_assert_cmpint (query_raw_int (fixture->path, "SELECT count(*) FROM rtree_incidents_geom"
                                                 " WHERE id = (SELECT id FROM incidents"
                                                 " WHERE key = 'after-bulk')"), ==, 1);
  g_clear_pointer (&check, g_free);
  check = query_raw_text (fixture->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/atlas/case/create-is-geopackage", test_create_is_geopackage);
  add_test ("/atlas/case/reopen-and-query", test_reopen_and_query);
  add_test ("/atlas/case/contested-attributes", test_contested_attributes);
  add_test ("/atlas/case/search", test_search);
  add_test ("/atlas/case/search-async", test_search_async);
  add_test ("/atlas/case/filter-incidents", test_filter_incidents);
  add_test ("/atlas/case/load-dates", test_load_dates);
  add_test ("/atlas/case/save-copy", test_save_copy);
  add_test ("/atlas/case/bulk-rtree", test_bulk_rtree);
  add_test ("/atlas/case/invalid-write-changes-nothing", test_invalid_write_changes_nothing);
  add_test ("/atlas/case/dangling-reference", test_dangling_reference_refused);
  add_test ("/atlas/case/bad-date-and-grade", test_bad_date_and_grade_refused);
  add_test ("/atlas/case/read-only-refuses-writes", test_read_only_refuses_writes);
  add_test ("/atlas/case/refuse/missing", test_refuse_missing);
  add_test ("/atlas/case/refuse/text-file", test_refuse_text_file);
  add_test ("/atlas/case/refuse/plain-sqlite", test_refuse_plain_sqlite);
  add_test ("/atlas/case/refuse/foreign-geopackage", test_refuse_foreign_geopackage);
  add_test ("/atlas/case/refuse/newer-schema", test_refuse_newer_schema);
  add_test ("/atlas/case/refuse/corrupt-page", test_refuse_corrupt_page);
  add_test ("/atlas/case/hostile-trigger-read-only", test_hostile_trigger_opens_read_only);
  add_test ("/atlas/case/migrate-version-1", test_migrate_version_1);
  add_test ("/atlas/case/migrate-version-2", test_migrate_version_2);
  add_test ("/atlas/case/unwritable-read-only", test_unwritable_file_opens_read_only);
  g_test_add_data_func ("/atlas/case/wal-in-read-only-folder", GINT_TO_POINTER (FALSE),
                        test_wal_in_read_only_folder);
  g_test_add_data_func ("/atlas/case/wal-with-log-in-read-only-folder", GINT_TO_POINTER (TRUE),
                        test_wal_in_read_only_folder);
  add_test ("/atlas/case/unreadable-says-why", test_unreadable_says_why);
  add_test ("/atlas/case/hot-journal-in-read-only-folder",
            test_hot_journal_in_read_only_folder);
  add_test ("/atlas/case/create-replaces-atomically", test_create_replaces_atomically);
  add_test ("/atlas/case/create-never-replaces", test_create_never_replaces);

  return g_test_run ();
}
