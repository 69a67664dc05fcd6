/* case-digest.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A digest of a case file's content, read behind the store's back, for tests that check an
 * edit and its undo leave the case as it was.
 */

#include "config.h"

#include <sqlite3.h>

#include "atlas-undo-stack.h"
#include "case-digest.h"

/* A digest of every row of every table but the history (which only grows) and the time
 * stamps of gpkg_contents; the R-trees and the search index included. */
char *
digest_case (const char *path)
{
  static const char *const queries[] = {
    "SELECT * FROM documents ORDER BY id", "SELECT * FROM actors ORDER BY id",
    "SELECT * FROM incidents ORDER BY id", "SELECT * FROM routes ORDER BY id",
    "SELECT * FROM waypoints ORDER BY id", "SELECT * FROM claims ORDER BY id",
    "SELECT * FROM roles ORDER BY id", "SELECT * FROM briefing_steps ORDER BY id",
    "SELECT * FROM briefings ORDER BY id",
    "SELECT * FROM claim_relations ORDER BY id", "SELECT * FROM attachments ORDER BY id",
    "SELECT * FROM rtree_incidents_geom ORDER BY id",
    "SELECT * FROM rtree_waypoints_geom ORDER BY id",
    "SELECT * FROM rtree_routes_geom ORDER BY id",
    "SELECT rowid, * FROM search_index ORDER BY rowid",
    "SELECT table_name, min_x, min_y, max_x, max_y FROM gpkg_contents ORDER BY 1",
    "SELECT * FROM atlas_meta ORDER BY key",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const void *bytes = sqlite3_column_blob (stmt, c);

            g_checksum_update (checksum, bytes ? bytes : (const guchar *) "\1NULL", bytes
                               ? sqlite3_column_bytes (stmt, c) : 5);
            g_checksum_update (checksum, (const guchar *) "\0", 1);
          }
      sqlite3_finalize (stmt);
      g_checksum_update (checksum, (const guchar *) "\n", 1);
    }
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}


static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

/* Applies @edit to the case at @path through an undo stack: undo gives back the digest of
 * the start, redo the edited one, every step adds history lines, and the file stays
 * intact. */
void
check_edit_round_trip (AtlasCase  *atlas_case,
                       const char *path,
                       AtlasEdit  *edit)
{
  static const char history[] = "SELECT count(*) FROM history";
  g_autoptr(AtlasUndoStack) stack = atlas_undo_stack_new (atlas_case);
  g_autofree char *start = digest_case (path);
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lines = count_rows (path, history);

  g_assert_true (atlas_undo_stack_apply (stack, edit, &error));
  g_assert_no_error (error);
  edited = digest_case (path);
  g_assert_cmpstr (edited, !=, start);
  g_assert_cmpint (count_rows (path, history), >, lines);
  lines = count_rows (path, history);
  g_assert_true (atlas_undo_stack_get_can_undo (stack));

  g_assert_true (atlas_undo_stack_undo (stack, &error));
  g_assert_no_error (error);
  undone = digest_case (path);
  g_assert_cmpstr (undone, ==, start);
  g_assert_cmpint (count_rows (path, history), >, lines);
  lines = count_rows (path, history);
  g_assert_false (atlas_undo_stack_get_can_undo (stack));
  g_assert_true (atlas_undo_stack_get_can_redo (stack));

  g_assert_true (atlas_undo_stack_redo (stack, &error));
  g_assert_no_error (error);
  redone = digest_case (path);
  g_assert_cmpstr (redone, ==, edited);
  g_assert_cmpint (count_rows (path, history), >, lines);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM pragma_integrity_check"
                                     " WHERE integrity_check != 'ok'"), ==, 0);
}
