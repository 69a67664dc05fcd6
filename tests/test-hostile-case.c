/* test-hostile-case.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Case files made to hurt: a header that lies about the page count, a file of 32 GiB that
 * is mostly a hole, geometry blobs that lie about their length, envelopes of NaN, strings
 * of megabytes, views and generated columns where the store expects tables. Each opens
 * read-only, opens with its damage left unread, or is refused with the file's name and
 * the reason; in bounded time; and the file's SQL never runs.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "atlas-case.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
#include "case-test-util.h"

/* Generous: these catch a hang or a runaway, not a slow machine. */
#define BOUND_SECONDS 10
/* A test that hangs past this is killed by SIGALRM, and fails. */
#define WATCHDOG_SECONDS 120

typedef CaseFiles Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  case_files_set_up (fixture, "atlas-hostile-XXXXXX");
  alarm (WATCHDOG_SECONDS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  alarm (0);
  case_files_tear_down (fixture);
}

/* A small, sound case: a document, a claim, two incidents and a route of two waypoints;
 * closed, and in rollback-journal mode so the file alone is the case. */
static void
create_case (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasCase) atlas_case = atlas_case_create (fixture->file, "Hostile", &error);
  AtlasRecord *doc = ATLAS_RECORD (atlas_document_new ("doc-a"));
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new ("c1"));
  AtlasRecord *route = ATLAS_RECORD (atlas_route_new ("route-1"));
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  atlas_record_set_text (doc, "title", "A report");
  atlas_record_set_text (doc, "doc_kind", "news");
  atlas_record_set_text (doc, "reliability", "B");
  atlas_record_set_text (claim, "subject_kind", "incident");
  atlas_record_set_text (claim, "subject_key", "inc-1");
  atlas_record_set_text (claim, "attribute", "deaths");
  atlas_record_set_text (claim, "value_text", "84");
  atlas_record_set_text (claim, "qualifier", "exact");
  atlas_record_set_text (claim, "document_key", "doc-a");
  atlas_record_set_int (claim, "credibility", 2);
  atlas_record_set_text (route, "name", "Reported route");
  atlas_record_set_text (route, "status", "reported");
  g_ptr_array_add (records, doc);
  g_ptr_array_add (records, case_test_incident ("inc-1", "Bombing in Kerman", 30.28, 57.08));
  g_ptr_array_add (records, case_test_incident ("inc-2", "Bombing in Kerman", 29.0, 60.0));
  g_ptr_array_add (records, claim);
  g_ptr_array_add (records, route);
  g_ptr_array_add (records, case_test_waypoint ("wp-1", "route-1", 1, 37.0, 70.5));
  g_ptr_array_add (records, case_test_waypoint ("wp-2", "route-1", 2, 30.28, 57.08));
  g_assert_true (atlas_case_write_records (atlas_case, records, &error));
  g_assert_no_error (error);
  g_clear_object (&atlas_case);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
}

static void
set_blob (Fixture      *fixture,
          const char   *sql,
          const guint8 *blob,
          gsize         length)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  atlas_gpkg_register_sql_functions (db);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, blob, (int) length, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Writes a box of NaN over the first cell of the incidents' R-tree root node, past the
 * R-tree's own checks (a cell: 8-byte rowid, then four big-endian float32). */
static void
patch_rtree_with_nan (Fixture *fixture)
{
  static const guint8 nan_box[16] = { 0x7F, 0xC0, 0, 0, 0x7F, 0xC0, 0, 0,
                                      0x7F, 0xC0, 0, 0, 0x7F, 0xC0, 0, 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree guint8 *node = NULL;
  gsize length;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM rtree_incidents_geom_node"
                                           " WHERE nodeno = 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  length = (gsize) sqlite3_column_bytes (stmt, 0);
  g_assert_cmpuint (length, >=, 4 + 24);
  node = g_memdup2 (sqlite3_column_blob (stmt, 0), length);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  memcpy (node + 4 + 8, nan_box, sizeof nan_box);
  set_blob (fixture, "UPDATE rtree_incidents_geom_node SET data = ? WHERE nodeno = 1",
            node, length);
}

static char *
integrity_check (Fixture *fixture)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Everything the window asks of a case when it opens, as the store answers it. */
static void
read_everything (AtlasCase *atlas_case)
{
  static GType (*types[]) (void) = { atlas_incident_get_type, atlas_route_get_type,
                                     atlas_waypoint_get_type, atlas_document_get_type,
                                     atlas_claim_get_type };
  g_autoptr(GArray) points = NULL;
  g_autoptr(GByteArray) precisions = NULL;
  g_auto(GStrv) categories = NULL;
  AtlasCaseCounts counts;
  AtlasBounds extent;

  atlas_case_get_counts (atlas_case, &counts);
  atlas_case_get_extent (atlas_case, &extent);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GListModel) model = atlas_case_list_records (atlas_case, types[i](), NULL);
    }
  atlas_case_load_map_points (atlas_case, NULL, &points, &precisions, &categories, NULL, NULL,
                              NULL);
}

/* Opens the case as the window does and reads what the window reads. Returns the case, or
 * NULL with @error; either way within BOUND_SECONDS. */
static AtlasCase *
open_bounded (Fixture  *fixture,
              GError  **error)
{
  gint64 start = g_get_monotonic_time ();
  AtlasCase *atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, error);

  if (atlas_case != NULL)
    read_everything (atlas_case);
  g_test_message ("opened and read in %.3f s: %s", seconds_since (start),
                  atlas_case == NULL ? (*error)->message
                  : atlas_case_get_read_only (atlas_case) ? "read-only" : "for editing");
  g_assert_cmpfloat (seconds_since (start), <, BOUND_SECONDS);
  return atlas_case;
}

static void
assert_refused (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = open_bounded (fixture, &error);

  g_assert_null (atlas_case);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, fixture->path));
}

/* ---- the file itself ----------------------------------------------------------------- */

static void
write_header_uint32 (Fixture *fixture,
                     gsize    offset,
                     guint32  value)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  value = GUINT32_TO_BE (value);
  memcpy (contents + offset, &value, sizeof value);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
}

/* The header's page count (offset 28) is believed when the counter at 92 matches the
 * change counter at 24; here it claims 2^31 - 1 pages (8 TiB) in a file of a few dozen. */
static void
test_huge_page_count (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  create_case (fixture);
  write_header_uint32 (fixture, 28, G_MAXINT32);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));
  assert_refused (fixture);
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
}

/* A file of 32 GiB, nearly all of it a hole, whose header no longer vouches for its page
 * count: SQLite takes the page count from the size, and every page past the case is
 * zeros, owned by nothing. The check must neither read 32 GiB nor take that long. */
static void
test_sparse_huge_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;

  create_case (fixture);
  write_header_uint32 (fixture, 92, 0);
  g_assert_cmpint (truncate (fixture->path, (off_t) 32 << 30), ==, 0);

  atlas_case = open_bounded (fixture, &error);
  if (atlas_case == NULL)
    g_assert_nonnull (strstr (error->message, fixture->path));
}

/* ---- geometry blobs -------------------------------------------------------------------- */

static GByteArray *
gp_header (guint8 flags)
{
  GByteArray *blob = g_byte_array_new ();
  guint8 header[8] = { 'G', 'P', 0, flags, 0xE6, 0x10, 0, 0 };   /* srs 4326, LE */

  g_byte_array_append (blob, header, sizeof header);
  return blob;
}

static void
append_le32 (GByteArray *blob,
             guint32     value)
{
  value = GUINT32_TO_LE (value);
  g_byte_array_append (blob, (guint8 *) &value, 4);
}

static void
append_double (GByteArray *blob,
               double      value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (blob, (guint8 *) &bits, 8);
}

static void
append_wkb (GByteArray *blob,
            guint32     type)
{
  guint8 order = 1;

  g_byte_array_append (blob, &order, 1);
  append_le32 (blob, type);
}

static void
assert_invalid_blob (GByteArray *blob)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) point_error = NULL;
  g_autoptr(GError) line_error = NULL;
  AtlasBounds bounds;
  double latitude, longitude;
  guint n_points;

  g_assert_false (atlas_gpkg_geometry_get_bounds (blob->data, blob->len, &bounds, &error));
  g_assert_nonnull (error);
  g_assert_false (atlas_gpkg_point_decode (blob->data, blob->len, &latitude, &longitude,
                                           &point_error));
  g_assert_nonnull (point_error);
  g_assert_null (atlas_gpkg_line_string_decode (blob->data, blob->len, &n_points, &line_error));
  g_assert_nonnull (line_error);
  g_test_message ("refused: %s", error->message);
}

/* Every way a blob can claim more than it holds, each decoded from an exact-size copy so
 * a read past its end would show under valgrind or ASan. */
static void
test_lying_geometry_blobs (Fixture       *fixture,
                           gconstpointer  data)
{
  const guint8 flags_le = 0x01;

  for (guint code = 1; code <= 7; code++)
    {
      /* an envelope flag (32 to 64 bytes, or an undefined code) on a bare point */
      g_autoptr(GByteArray) blob = gp_header (flags_le | (code << 1));

      append_wkb (blob, 1);
      if (code >= 5)
        {
          append_double (blob, 57.0);
          append_double (blob, 30.0);
          for (guint i = 0; i < 8; i++)
            append_double (blob, 0);
        }
      assert_invalid_blob (blob);
    }

  for (gsize cut = 0; cut < 8 + 5 + 16; cut++)
    {
      /* a point cut short anywhere, from the header to its last byte */
      g_autoptr(GByteArray) blob = gp_header (flags_le);
      g_autofree guint8 *exact = NULL;
      AtlasBounds bounds;

      append_wkb (blob, 1);
      append_double (blob, 57.0);
      append_double (blob, 30.0);
      exact = g_memdup2 (blob->data, cut);
      g_assert_false (atlas_gpkg_geometry_get_bounds (exact, cut, &bounds, NULL));
    }

  {
    /* a line string claiming 2^32 - 1 points, and one claiming one point more than it has */
    g_autoptr(GByteArray) huge = gp_header (flags_le);
    g_autoptr(GByteArray) one_more = gp_header (flags_le);

    append_wkb (huge, 2);
    append_le32 (huge, G_MAXUINT32);
    append_double (huge, 57.0);
    append_double (huge, 30.0);
    assert_invalid_blob (huge);

    append_wkb (one_more, 2);
    append_le32 (one_more, 3);
    for (guint i = 0; i < 2; i++)
      {
        append_double (one_more, 57.0);
        append_double (one_more, 30.0);
      }
    assert_invalid_blob (one_more);
  }
}

static GByteArray *
nan_envelope_point (void)
{
  GByteArray *blob = gp_header (0x01 | (1 << 1));

  for (guint i = 0; i < 4; i++)
    append_double (blob, NAN);
  append_wkb (blob, 1);
  append_double (blob, 57.0);
  append_double (blob, 30.0);
  return blob;
}

/* An envelope of NaN is refused by the decoder, and the ST_* functions give NULL for it,
 * so it never enters the R-tree; a NaN coordinate is refused too. */
static void
test_nan_envelope_blob (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GByteArray) blob = nan_envelope_point ();
  g_autoptr(GByteArray) nan_point = gp_header (0x01);
  g_autoptr(GError) error = NULL;
  AtlasBounds bounds;
  double latitude, longitude;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_false (atlas_gpkg_geometry_get_bounds (blob->data, blob->len, &bounds, &error));
  g_assert_error (error, ATLAS_GPKG_GEOMETRY_ERROR, ATLAS_GPKG_GEOMETRY_ERROR_INVALID);

  append_wkb (nan_point, 1);
  append_double (nan_point, NAN);
  append_double (nan_point, 30.0);
  g_assert_false (atlas_gpkg_point_decode (nan_point->data, nan_point->len, &latitude,
                                           &longitude, NULL));

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  atlas_gpkg_register_sql_functions (db);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT ST_MinX(?1), ST_MaxY(?1), ST_IsEmpty(?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, blob->data, (int) blob->len, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int i = 0; i < 3; i++)
    g_assert_cmpint (sqlite3_column_type (stmt, i), ==, SQLITE_NULL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A case whose stored geometries lie, whose R-tree holds a box of NaN and whose layer
 * extents are infinite and NaN-like: it opens (the store reads coordinates from their
 * columns, never from the blobs), and an import into it writes only sound data. */
static void
test_case_with_lying_geometry (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GByteArray) nan_blob = nan_envelope_point ();
  g_autoptr(GByteArray) long_line = gp_header (0x01);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *check = NULL;
  AtlasBounds extent;
  gboolean extent_ok;

  create_case (fixture);
  append_wkb (long_line, 2);
  append_le32 (long_line, G_MAXUINT32);
  set_blob (fixture, "UPDATE incidents SET geom = ? WHERE key = 'inc-1'",
            nan_blob->data, nan_blob->len);
  set_blob (fixture, "UPDATE routes SET geom = ?", long_line->data, long_line->len);
  patch_rtree_with_nan (fixture);
  exec_raw (fixture->path, "UPDATE gpkg_contents SET min_x = -1e999, max_x = 1e999,"
                           " min_y = 'NaN', max_y = NULL WHERE table_name = 'incidents'");

  atlas_case = open_bounded (fixture, &error);
  g_assert_no_error (error);
  /* The window frames the layers' extent: an infinite one never settles the map. */
  extent_ok = !atlas_case_get_extent (atlas_case, &extent)
              || (isfinite (extent.min_lon) && isfinite (extent.max_lon)
                  && isfinite (extent.min_lat) && isfinite (extent.max_lat));

  /* a write runs the R-tree triggers beside the lying rows and the NaN box */
  g_ptr_array_add (records, case_test_incident ("inc-3", "Bombing in Kerman", 31.0, 58.0));
  if (!atlas_case_write_records (atlas_case, records, &error))
    g_test_message ("write refused: %s", error->message);
  g_clear_error (&error);
  g_clear_object (&atlas_case);
  check = integrity_check (fixture);
  g_assert_cmpstr (check, ==, "ok");
  g_assert_true (extent_ok);
}

/* ---- strings of megabytes ------------------------------------------------------------ */

#define HUGE_TEXT_LENGTH (10 << 20)

static void
set_huge_text (Fixture    *fixture,
               const char *sql)
{
  g_autofree char *text = g_malloc (HUGE_TEXT_LENGTH + 1);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  memset (text, 'x', HUGE_TEXT_LENGTH);
  text[HUGE_TEXT_LENGTH] = '\0';
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  atlas_gpkg_register_sql_functions (db);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, HUGE_TEXT_LENGTH, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* 10 MB in the case's title and summary, an incident's title and summary and a claim's
 * value: the store opens the case and reads it in bounded time. */
static void
test_huge_strings (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(AtlasRecord) incident = NULL;

  create_case (fixture);
  set_huge_text (fixture, "UPDATE atlas_meta SET value = ?1 WHERE key IN ('title', 'summary')");
  set_huge_text (fixture, "UPDATE incidents SET title = ?1, summary = ?1 WHERE key = 'inc-1'");
  set_huge_text (fixture, "UPDATE claims SET value_text = ?1");

  atlas_case = open_bounded (fixture, &error);
  g_assert_no_error (error);

  /* text for people to read is cut, with a mark, so labels stay quick to lay out */
  g_assert_cmpuint (strlen (atlas_case_get_title (atlas_case)), <,
                    ATLAS_CASE_MAX_TEXT_BYTES + 200);
  g_assert_nonnull (strstr (atlas_case_get_title (atlas_case), "too long to show"));
  incident = atlas_case_lookup (atlas_case, "incident", "inc-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (atlas_record_get_text (incident, "summary")), <,
                    ATLAS_CASE_MAX_TEXT_BYTES + 200);
  g_assert_cmpstr (atlas_record_get_key (incident), ==, "inc-1");
}

/* ---- SQL that comes with the file ------------------------------------------------------ */

/* Where the store reads a table, a view that never ends: the file is refused before any
 * read runs it (the watchdog fails the test if one does). */
static void
test_view_in_place_of_table (Fixture       *fixture,
                             gconstpointer  data)
{
  create_case (fixture);
  exec_raw (fixture->path, "DROP TABLE actors;"
                           "CREATE VIEW actors AS WITH RECURSIVE r(n) AS"
                           " (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
                           " SELECT n AS id, 'k' || n AS key, 'name' AS name,"
                           " 'person' AS actor_kind, NULL AS aliases, NULL AS summary FROM r");
  assert_refused (fixture);
}

/* The names of packed claims' columns are read by every SELECT of claims (version 5) */
static void
test_view_in_place_of_column_sets (Fixture       *fixture,
                                   gconstpointer  data)
{
  create_case (fixture);
  exec_raw (fixture->path, "DROP TABLE column_sets;"
                           "CREATE VIEW column_sets AS WITH RECURSIVE r(n) AS"
                           " (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
                           " SELECT n AS id, 'name' || n AS names FROM r");
  assert_refused (fixture);
}

/* A claim whose set of names is missing, or far too long to be one, reads as its values
 * (a set is looked up for every packed claim read: an enormous one would make each read
 * slow). */
static void
test_damaged_column_set (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(AtlasRecord) missing = NULL;
  g_autoptr(AtlasRecord) enormous = NULL;
  g_autoptr(GError) error = NULL;

  create_case (fixture);
  exec_raw (fixture->path,
            "INSERT INTO column_sets (id, names) VALUES (7, 'a' || char(31) || 'b' ||"
            " char(31) || hex(zeroblob(1000000)));"
            "INSERT INTO claims (key, subject_kind, subject_key, attribute, value_text,"
            " qualifier, document_key, credibility, column_set) VALUES"
            " ('lost', 'incident', 'inc-1', 'acled_columns', 'x' || char(31) || 'y', 'text',"
            " 'doc-a', 6, 99),"
            " ('huge', 'incident', 'inc-1', 'acled_columns', 'x' || char(31) || 'y', 'text',"
            " 'doc-a', 6, 7);");
  atlas_case = atlas_case_open (fixture->file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  missing = atlas_case_lookup (atlas_case, "claim", "lost", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_record_get_text (missing, "value_text"), ==, "x\x1fy");
  enormous = atlas_case_lookup (atlas_case, "claim", "huge", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atlas_record_get_text (enormous, "value_text"), ==, "x\x1fy");
}

/* A generated column is SQL too, run on every read: one that makes a 500 MB blob for
 * each row of a table the store reads. */
static void
test_generated_column (Fixture       *fixture,
                       gconstpointer  data)
{
  create_case (fixture);
  exec_raw (fixture->path, "ALTER TABLE documents ADD COLUMN bloat"
                           " GENERATED ALWAYS AS (zeroblob(500000000)) VIRTUAL");
  assert_refused (fixture);
}

/* A view registered as a layer in gpkg_contents, calling functions, and a trigger on a
 * table the store reads and writes: opened read-only, saying which, and neither runs. */
static void
test_view_layer_and_trigger (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  create_case (fixture);
  exec_raw (fixture->path, "CREATE VIEW hostile_layer AS WITH RECURSIVE r(n) AS"
                           " (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
                           " SELECT n AS id, zeroblob(100000000) AS geom FROM r;"
                           "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id)"
                           " VALUES ('hostile_layer', 'features', 'Hostile', 4326);"
                           "CREATE TRIGGER wipe AFTER INSERT ON incidents BEGIN"
                           " DELETE FROM documents; UPDATE atlas_meta SET value = 'pwned'; END");

  atlas_case = open_bounded (fixture, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_case_get_read_only (atlas_case));
  g_test_message ("%s", atlas_case_get_read_only_reason (atlas_case));
  g_assert_nonnull (strstr (atlas_case_get_read_only_reason (atlas_case), "hostile_layer")
                    ? atlas_case_get_read_only_reason (atlas_case)
                    : strstr (atlas_case_get_read_only_reason (atlas_case), "wipe"));

  g_ptr_array_add (records, case_test_incident ("inc-3", "Bombing in Kerman", 31.0, 58.0));
  g_assert_false (atlas_case_write_records (atlas_case, records, &error));
  g_assert_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_READ_ONLY);
  g_clear_object (&atlas_case);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM documents),"
                                           " (SELECT count(*) FROM atlas_meta"
                                           "  WHERE value = 'pwned')", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Schema objects that run the file's SQL on a write or on the search catch-up, though
 * they are neither triggers nor views; each, with the name the notice must give. */
static const struct {
  const char *name;
  const char *sql;
} foreign_objects[] = {
  { "incidents", "PRAGMA writable_schema = ON;"
                 "UPDATE sqlite_master SET sql = replace (sql, 'summary TEXT)',"
                 " 'summary TEXT CHECK (length (printf (''%.*c'', 100000000, ''x'')) > 0))')"
                 " WHERE name = 'incidents'" },
  { "slow_expression", "CREATE INDEX slow_expression ON incidents"
                       " (length (printf ('%.*c', 1000000, title)))" },
  { "slow_partial", "CREATE INDEX slow_partial ON claims (key)"
                    " WHERE length (printf ('%.*c', 1000000, key)) > 0" },
  { "shadow_index", "CREATE INDEX shadow_index ON search_index_data"
                    " (length (printf ('%.*c', 1000000, block)))" },
  { "shadow_trigger", "CREATE TRIGGER shadow_trigger AFTER INSERT ON search_index_docsize"
                      " BEGIN SELECT 1; END" },
  { "claims", "ALTER TABLE claims ADD COLUMN extra TEXT"
              " CHECK (length (printf ('%.*c', 1000000, extra)) >= 0)" },
  { "notes", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT CHECK (body != ''))" },
};

static void
test_foreign_schema_object (Fixture       *fixture,
                            gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasCase) atlas_case = NULL;

  create_case (fixture);
  exec_raw (fixture->path, foreign_objects[i].sql);

  atlas_case = open_bounded (fixture, &error);
  g_assert_no_error (error);
  g_test_message ("%s", atlas_case_get_read_only_reason (atlas_case));
  g_assert_true (atlas_case_get_read_only (atlas_case));
  g_assert_nonnull (strstr (atlas_case_get_read_only_reason (atlas_case),
                            foreign_objects[i].name));
}

static char *
read_table_sql (Fixture    *fixture,
                const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name = ?", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return sql;
}

/* A table as an earlier version might have made it, without some of today's columns, is
 * still ours; with a definition of its own, or without one of our constraints, it is
 * not. The tables are empty, so their rows do not care. */
static void
test_earlier_table (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *table;
    const char *from;
    const char *to;
    gboolean    trusted;
  } edits[] = {
    { "waypoints", " date TEXT,", "", TRUE },
    { "waypoints", ", location_source TEXT", "", TRUE },
    { "waypoints", " date TEXT,", " date TEXT CHECK (length (date) < 99),", FALSE },
    { "waypoints", " date TEXT,", " date TEXT, evil TEXT,", FALSE },
    { "routes", " CHECK (status IN ('reported','alleged','contested'))", "", FALSE },
    { "gpkg_geometry_columns", " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name)"
      " REFERENCES gpkg_contents(table_name),", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AtlasCase) atlas_case = atlas_case_create (fixture->file, "Earlier", &error);
      char *sql;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

      g_assert_no_error (error);
      g_clear_object (&atlas_case);
      before = read_table_sql (fixture, edits[i].table);
      sql = sqlite3_mprintf ("PRAGMA writable_schema = ON;"
                             "UPDATE sqlite_master SET sql = replace (sql, %Q, %Q)"
                             " WHERE name = %Q", edits[i].from, edits[i].to, edits[i].table);
      exec_raw (fixture->path, sql);
      sqlite3_free (sql);
      after = read_table_sql (fixture, edits[i].table);
      g_assert_cmpstr (before, !=, after);

      atlas_case = open_bounded (fixture, &error);
      g_assert_no_error (error);
      g_test_message ("%s → %s: %s", edits[i].from, edits[i].to,
                      atlas_case_get_read_only_reason (atlas_case));
      g_assert_cmpint (atlas_case_get_read_only (atlas_case), ==, !edits[i].trusted);
      g_clear_object (&atlas_case);
      g_remove (fixture->path);
      g_remove (wal);
      g_remove (shm);
    }
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

  add_test ("/atlas/hostile-case/huge-page-count", test_huge_page_count);
  add_test ("/atlas/hostile-case/sparse-huge-file", test_sparse_huge_file);
  add_test ("/atlas/hostile-case/lying-geometry-blobs", test_lying_geometry_blobs);
  add_test ("/atlas/hostile-case/nan-envelope-blob", test_nan_envelope_blob);
  add_test ("/atlas/hostile-case/lying-geometry-in-case", test_case_with_lying_geometry);
  add_test ("/atlas/hostile-case/huge-strings", test_huge_strings);
  add_test ("/atlas/hostile-case/view-in-place-of-table", test_view_in_place_of_table);
  add_test ("/atlas/hostile-case/view-in-place-of-column-sets",
            test_view_in_place_of_column_sets);
  add_test ("/atlas/hostile-case/damaged-column-set", test_damaged_column_set);
  add_test ("/atlas/hostile-case/generated-column", test_generated_column);
  add_test ("/atlas/hostile-case/view-layer-and-trigger", test_view_layer_and_trigger);
  add_test ("/atlas/hostile-case/earlier-table", test_earlier_table);
  for (guint i = 0; i < G_N_ELEMENTS (foreign_objects); i++)
    {
      g_autofree char *path = g_strdup_printf ("/atlas/hostile-case/foreign-schema/%s",
                                               foreign_objects[i].name);

      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up,
                  test_foreign_schema_object, fixture_tear_down);
    }

  return g_test_run ();
}
