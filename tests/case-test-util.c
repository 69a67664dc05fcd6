/* case-test-util.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-gpkg-geometry.h"
#include "case-test-util.h"

/* Makes a fresh directory from @dir_template (ending in XXXXXX) for a case file named
 * @file_name. */
void
case_files_set_up_as (CaseFiles  *files,
                      const char *dir_template,
                      const char *file_name)
{
  g_autoptr(GError) error = NULL;

  files->dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  files->path = g_build_filename (files->dir, file_name, NULL);
  files->file = g_file_new_for_path (files->path);
}

void
case_files_set_up (CaseFiles  *files,
                   const char *dir_template)
{
  case_files_set_up_as (files, dir_template, "case.gpkg");
}

/* Removes the directory and whatever the test left in it (the case, its journal…). */
void
case_files_tear_down (CaseFiles *files)
{
  g_autoptr(GDir) dir = g_dir_open (files->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (files->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (files->dir);
  g_clear_object (&files->file);
  g_free (files->path);
  g_free (files->dir);
}

/* Opens the existing file at @path for reading and writing, waiting up to 5 s for a lock
 * another connection holds. */
sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Runs @sql on the file at @path, creating it if missing, and fails the test naming the
 * statement and SQLite's reason if it does not succeed. The GeoPackage SQL functions are
 * registered, as QGIS and GDAL do, so the case's spatial index triggers can run. */
void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  atlas_gpkg_register_sql_functions (db);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* The first column of the one row @sql returns; a query that returns no row fails. */
gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
