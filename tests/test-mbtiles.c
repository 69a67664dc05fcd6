/* test-mbtiles.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading raster MBTiles files, good and broken, each made here.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-case-error.h"
#include "atlas-mbtiles.h"

static char *
make_file (const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mbtiles-XXXXXX", &error);
  char *path = g_build_filename (dir, "map.mbtiles", NULL);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

#define SCHEMA \
  "CREATE TABLE metadata (name TEXT, value TEXT);" \
  "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER," \
  " tile_data BLOB);"

static void
test_read_tile_flips_rows (void)
{
  /* zoom 2: map row 0 (north) is TMS row 3 */
  g_autofree char *path = make_file (SCHEMA
    "INSERT INTO metadata VALUES ('name', 'Test <b>map</b>'), ('format', 'png'),"
    " ('attribution', '© someone');"
    "INSERT INTO tiles VALUES (2, 1, 3, x'89504e47'), (3, 0, 0, x'00');");
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasMbtiles) mbtiles = atlas_mbtiles_open (path, &error);
  g_autoptr(GBytes) tile = NULL;
  g_autoptr(GBytes) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (atlas_mbtiles_get_name (mbtiles), ==, "Test <b>map</b>");
  g_assert_cmpstr (atlas_mbtiles_get_attribution (mbtiles), ==, "© someone");
  g_assert_cmpint (atlas_mbtiles_get_min_zoom (mbtiles), ==, 2);
  g_assert_cmpint (atlas_mbtiles_get_max_zoom (mbtiles), ==, 3);

  tile = atlas_mbtiles_read_tile (mbtiles, 2, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tile);
  g_assert_cmpuint (g_bytes_get_size (tile), ==, 4);

  missing = atlas_mbtiles_read_tile (mbtiles, 2, 1, 3, &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  g_assert_null (atlas_mbtiles_read_tile (mbtiles, 2, 9, 0, NULL));
  g_assert_null (atlas_mbtiles_read_tile (mbtiles, -1, 0, 0, NULL));
}

static void
assert_refused (const char *path,
                const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasMbtiles) mbtiles = atlas_mbtiles_open (path, &error);

  g_assert_null (mbtiles);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  if (reason != NULL)
    g_assert_nonnull (strstr (error->message, reason));
}

static void
test_broken_files (void)
{
  g_autofree char *no_tiles = make_file ("CREATE TABLE metadata (name TEXT, value TEXT);");
  g_autofree char *empty = make_file (SCHEMA);
  g_autofree char *vector = make_file (SCHEMA
    "INSERT INTO metadata VALUES ('format', 'pbf');"
    "INSERT INTO tiles VALUES (0, 0, 0, x'00');");
  g_autofree char *dir = g_dir_make_tmp ("mbtiles-XXXXXX", NULL);
  g_autofree char *text = g_build_filename (dir, "text.mbtiles", NULL);

  g_assert_true (g_file_set_contents (text, "not a database at all", -1, NULL));
  assert_refused ("/nonexistent/map.mbtiles", "does not exist");
  assert_refused (no_tiles, "no tiles");
  assert_refused (empty, "no tiles");
  assert_refused (vector, "pbf");
  assert_refused (text, NULL);
}

/* A tiles view that never ends is stopped, not waited for. */
static void
test_runaway_view_bounded (void)
{
  g_autofree char *path = make_file (
    "CREATE TABLE metadata (name TEXT, value TEXT);"
    "CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n)"
    " SELECT i AS zoom_level, 0 AS tile_column, 0 AS tile_row, x'00' AS tile_data FROM n;");

  assert_refused (path, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/mbtiles/read-tile", test_read_tile_flips_rows);
  g_test_add_func ("/atlas/mbtiles/broken-files", test_broken_files);
  g_test_add_func ("/atlas/mbtiles/runaway-view", test_runaway_view_bounded);

  return g_test_run ();
}
