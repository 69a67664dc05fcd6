/* test-case-migrate.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forward migrations of the search index, to case format 4 (contentless, filled from
 * the tables) and 6 (no word places), on the sample case and on a case of 100,000 imported
 * ACLED rows: the records are the same before and after, every record is found by search,
 * and the copy of the text the old index kept, and the places of its words, are gone.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "atlas-case-schema.h"
#include "atlas-case.h"
#include "atlas-import-plan.h"
#include "atlas-incident.h"
#include "case-versions.h"
#include "case-test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define IMPORTED_ROWS 100000

/* The tables whose rows the search index holds, in the order of its table numbers. */
static const char *const search_tables[] = {
  "incidents", "routes", "waypoints", "actors", "documents", "claims",
};

/* A digest of the records' content: every row of every table but the search index and
 * the schema version, which the migration changes. Briefing steps are read by the columns
 * version 3 had (version 4 adds the briefing each belongs to and its view: see
 * test-briefing-case's migration tests), claims by the columns version 3 had (claims
 * written before version 5 are not packed: column_set stays NULL), and the contents by the
 * tables version 3 had. */
static char *
digest_records (const char *path)
{
  static const char *const queries[] = {
    "SELECT * FROM documents ORDER BY id", "SELECT * FROM actors ORDER BY id",
    "SELECT * FROM incidents ORDER BY id", "SELECT * FROM routes ORDER BY id",
    "SELECT * FROM waypoints ORDER BY id",
    "SELECT id, key, subject_kind, subject_key, attribute, value_text, value_number, value_min,"
    " value_max, qualifier, document_key, attributed_to, paraphrase, locator, credibility,"
    " credibility_note, graded_by FROM claims ORDER BY id",
    "SELECT * FROM roles ORDER BY id",
    "SELECT id, key, seq, subject_kind, subject_key, min_lon, min_lat, max_lon, max_lat,"
    " caption, claim_keys FROM briefing_steps ORDER BY id",
    "SELECT * FROM claim_relations ORDER BY id", "SELECT * FROM attachments ORDER BY id",
    "SELECT * FROM history ORDER BY id",
    "SELECT * FROM rtree_incidents_geom ORDER BY id",
    "SELECT * FROM rtree_waypoints_geom ORDER BY id",
    "SELECT * FROM rtree_routes_geom ORDER BY id",
    "SELECT table_name, min_x, min_y, max_x, max_y FROM gpkg_contents"
    " WHERE table_name NOT IN ('briefings', 'column_sets') ORDER BY 1",
    "SELECT * FROM atlas_meta WHERE key != 'schema_version' ORDER BY key",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = open_raw (path);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *bytes = sqlite3_column_blob (stmt, c);

            g_checksum_update (checksum, bytes ? bytes : (const guchar *) "\1NULL",
                               bytes ? sqlite3_column_bytes (stmt, c) : 5);
            g_checksum_update (checksum, (const guchar *) "\0", 1);
          }
      sqlite3_finalize (stmt);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Every record of the tables search covers has its row in the index, and no other. */
static void
assert_index_complete (const char *path)
{
  gint64 records = 0;

  for (guint i = 0; i < G_N_ELEMENTS (search_tables); i++)
    {
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM %s", search_tables[i]);
      g_autofree char *indexed = g_strdup_printf ("SELECT count(*) FROM search_index"
                                                  " WHERE rowid %% 8 = %u", i);

      g_assert_cmpint (query_int (path, indexed), ==, query_int (path, count));
      records += query_int (path, count);
    }
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM search_index"), ==, records);
}

/* Turns the case at @path back into version @version with @downgrade, migrates it by
 * opening it, and checks what the migration left. Returns the open case. */
static AtlasCase *
migrate_from (const char *path,
              int         version,
              const char *downgrade)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 start;
  AtlasCase *atlas_case;

  exec_raw (path, downgrade);
  exec_raw (path, "PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_cmpint (query_int (path, "SELECT value FROM atlas_meta"
                                    " WHERE key = 'schema_version'"), ==, version);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master"
                                    " WHERE name = 'search_index_content'"), ==, version <= 3);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name ="
                                    " 'search_index' AND sql LIKE '%detail = none%'"), ==, 0);
  before = digest_records (path);

  start = g_get_monotonic_time ();
  atlas_case = atlas_case_open (file, ATLAS_CASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_test_message ("migrated from version %d in %.2f s", version,
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_false (atlas_case_get_read_only (atlas_case));

  after = digest_records (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (path, "SELECT value FROM atlas_meta"
                                    " WHERE key = 'schema_version'"), ==, ATLAS_CASE_SCHEMA_VERSION);
  /* claims written before version 5 stay as they were */
  if (version < 5)
    g_assert_cmpint (query_int (path, "SELECT count(*) FROM claims"
                                      " WHERE column_set IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM gpkg_contents"
                                    " WHERE table_name = 'column_sets'"), ==, 1);
  /* the old index's copy of the text, and the words' places, are gone */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master"
                                    " WHERE name = 'search_index_content'"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_master WHERE name ="
                                    " 'search_index' AND sql LIKE '%detail = none%'"), ==, 1);
  assert_index_complete (path);
  /* every step is in a briefing */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM briefing_steps"
                                    " WHERE briefing_key IS NULL"), ==, 0);
  return atlas_case;
}

static char *
copy_sample_case (const char *dir)
{
  const char *sample = g_getenv ("ATLAS_SAMPLE_CASE");
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (dir, "sample.gpkg", NULL);
  gsize length;

  g_assert_nonnull (sample);
  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  return g_steal_pointer (&path);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

static guint
count_found (AtlasCase  *atlas_case,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = atlas_case_search (atlas_case, text, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (found);
}

/* The sample case, every kind of record in it: the version 3 index held only its incidents
 * here, and the migration indexes documents, actors and claims too. */
static void
test_migrate_sample (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-migrate-XXXXXX", NULL);
  g_autofree char *path = copy_sample_case (dir);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(AtlasRecord) incident = NULL;
  g_autoptr(AtlasRecord) changed = NULL;
  g_autoptr(AtlasEdit) edit = atlas_edit_new ("Rename");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) incidents = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *phrase = NULL;
  char *old_words;

  atlas_case = migrate_from (path, 3, DOWNGRADE_TO_VERSION_3);
  g_assert_cmpuint (count_found (atlas_case, "Reuters"), >, 0);

  /* an edit replaces its record's row in the contentless index: the old words go */
  incidents = atlas_case_list_records (atlas_case, ATLAS_TYPE_INCIDENT, &error);
  g_assert_no_error (error);
  incident = g_list_model_get_item (incidents, 0);
  /* every word of the title, each on its own: the index keeps no phrases */
  words = g_str_tokenize_and_fold (atlas_record_get_text (incident, "title"), NULL, NULL);
  phrase = g_strjoinv ("\" \"", words);
  old_words = sqlite3_mprintf ("SELECT count(*) FROM search_index WHERE search_index"
                               " MATCH '\"%q\"' AND rowid = %lld", phrase,
                               (long long) atlas_record_get_id (incident) * 8);
  g_assert_cmpint (query_int (path, old_words), ==, 1);

  changed = atlas_record_dup (incident);
  atlas_record_set_text (changed, "title", "Xylophonic gathering");
  atlas_edit_change (edit, incident, changed);
  g_assert_true (atlas_case_apply_edit (atlas_case, edit, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (atlas_case, "xylophonic"), ==, 1);
  g_assert_cmpint (query_int (path, old_words), ==, 0);
  assert_index_complete (path);
  sqlite3_free (old_words);

  g_clear_object (&atlas_case);
  remove_dir (dir);
}

static void
write_acled (const char *path,
             guint       n_rows)
{
  FILE *out = g_fopen (path, "we");
  g_autoptr(GString) chunk = g_string_new ("event_id_cnty,event_date,event_type,latitude,"
                                           "longitude,source,notes,fatalities,admin1\n");

  g_assert_nonnull (out);
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append_printf (chunk, "E%u,2024-01-%02u,Battles,%.4f,%.4f,Source %u,"
                              "\"near Town %u, %u people\",%u,Province %u\n",
                              i, 1 + i % 28, 25.0 + (i % 1000) / 100.0,
                              50.0 + (i % 700) / 100.0, i % 300, i % 5000, i % 90, i % 10,
                              i % 31);
      if (chunk->len > (1 << 20))
        {
          fwrite (chunk->str, 1, chunk->len, out);
          g_string_truncate (chunk, 0);
        }
    }
  fwrite (chunk->str, 1, chunk->len, out);
  fclose (out);
}

/* Below the number of matches a search ranks, it ranks them as FTS5 does, best first (its
 * ties by row): the records found in the order of their rows in the index. */
static void
assert_ranked_in_full (AtlasCase  *atlas_case,
                       const char *path,
                       const char *text,
                       const char *fts_query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = atlas_case_search (atlas_case, text, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = open_raw (path);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM search_index WHERE search_index"
                                           " MATCH ? ORDER BY rank, rowid LIMIT 200", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(AtlasRecord) record = g_list_model_get_item (found, n++);
      gint64 row_id = sqlite3_column_int64 (stmt, 0);

      g_assert_nonnull (record);
      g_assert_cmpint (atlas_record_get_id (record), ==, row_id >> 3);
      static const char *const kinds[] = { "incident", "route", "waypoint", "actor",
                                           "document", "claim" };

      g_assert_cmpint (row_id & 7, <, G_N_ELEMENTS (kinds));
      g_assert_cmpstr (atlas_record_get_kind (record), ==, kinds[row_id & 7]);
    }
  g_assert_cmpuint (n, >, 1);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (found));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
}

/* A case of 100,000 imported rows and their claims. */
static void
test_migrate_imported (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-migrate-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "acled.csv", NULL);
  g_autofree char *path = g_build_filename (dir, "imported.gpkg", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) case_file = g_file_new_for_path (path);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (csv_file, NULL);
  g_autoptr(AtlasCase) atlas_case = NULL;
  g_autoptr(GError) error = NULL;

  write_acled (csv, IMPORTED_ROWS);
  atlas_case = atlas_case_create (case_file, "Imported", &error);
  g_assert_no_error (error);
  g_assert_true (atlas_import_plan_import (plan, atlas_case, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&atlas_case);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM incidents"), ==, IMPORTED_ROWS);

  atlas_case = migrate_from (path, 3, DOWNGRADE_TO_VERSION_3);
  g_assert_cmpuint (count_found (atlas_case, "Town 4242"), >, 0);
  g_assert_cmpuint (count_found (atlas_case, "Source 299"), >, 0);
  g_clear_object (&atlas_case);

  /* and from version 5, its packed claims kept: its index is built again without places */
  atlas_case = migrate_from (path, 5, DOWNGRADE_TO_VERSION_5);
  g_assert_cmpuint (count_found (atlas_case, "Town 4242"), >, 0);
  g_assert_cmpuint (count_found (atlas_case, "Source 299"), >, 0);
  assert_ranked_in_full (atlas_case, path, "Town 4242", "\"town\"* \"4242\"*");
  assert_ranked_in_full (atlas_case, path, "source 29", "\"source\"* \"29\"*");

  g_clear_object (&atlas_case);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/case-migrate/sample", test_migrate_sample);
  g_test_add_func ("/atlas/case-migrate/imported-100000", test_migrate_imported);

  return g_test_run ();
}
