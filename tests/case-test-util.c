/* case-test-util.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-claim.h"
#include "atlas-column-set.h"
#include "atlas-document.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-incident.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"
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

/* Creates a case titled @title in a new folder made from @dir_template, and writes @records
 * into it. */
void
case_fixture_set_up (CaseFixture *fixture,
                     const char  *dir_template,
                     const char  *title,
                     GPtrArray   *records)
{
  g_autoptr(GError) error = NULL;

  case_files_set_up (&fixture->files, dir_template);
  fixture->atlas_case = atlas_case_create (fixture->files.file, title, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_case_write_records (fixture->atlas_case, records, &error));
  g_assert_no_error (error);
}

void
case_fixture_tear_down (CaseFixture   *fixture,
                        gconstpointer  data)
{
  g_clear_object (&fixture->atlas_case);
  case_files_tear_down (&fixture->files);
}

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
 * registered, as QGIS and GDAL do, so the case's spatial index triggers can run, and the
 * store's own atlas_unpack_columns(). */
void
exec_raw (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  atlas_gpkg_register_sql_functions (db);
  atlas_column_set_register_sql_function (db);
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

/* ---- records ------------------------------------------------------------------------- */

AtlasRecord *
case_test_document (const char *key,
                    const char *title)
{
  AtlasRecord *doc = ATLAS_RECORD (atlas_document_new (key));

  atlas_record_set_text (doc, "title", title);
  atlas_record_set_text (doc, "publisher", "Wire");
  atlas_record_set_text (doc, "doc_kind", "news");
  atlas_record_set_text (doc, "reliability", "B");
  return doc;
}

/* A bombing on 3 January 2024, located to a town. */
AtlasRecord *
case_test_incident (const char *key,
                    const char *title,
                    double      latitude,
                    double      longitude)
{
  AtlasRecord *incident = ATLAS_RECORD (atlas_incident_new (key));

  atlas_record_set_text (incident, "title", title);
  atlas_record_set_text (incident, "category", "bombing");
  atlas_record_set_text (incident, "start_time", "2024-01-03");
  atlas_record_set_text (incident, "start_precision", "day");
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", longitude);
  atlas_record_set_text (incident, "location_precision", "town");
  return incident;
}

/* A claim about an incident, graded 2; its qualifier "exact" (a figure), unless @number is
 * NAN, when the test sets what it means. */
AtlasRecord *
case_test_claim (const char *key,
                 const char *subject_key,
                 const char *attribute,
                 const char *value,
                 double      number,
                 const char *document_key)
{
  AtlasRecord *claim = ATLAS_RECORD (atlas_claim_new (key));

  atlas_record_set_text (claim, "subject_kind", "incident");
  atlas_record_set_text (claim, "subject_key", subject_key);
  atlas_record_set_text (claim, "attribute", attribute);
  atlas_record_set_text (claim, "value_text", value);
  atlas_record_set_double (claim, "value_number", number);
  atlas_record_set_text (claim, "qualifier", "exact");
  atlas_record_set_text (claim, "document_key", document_key);
  atlas_record_set_int (claim, "credibility", 2);
  return claim;
}

/* A route named after its key */
AtlasRecord *
case_test_route (const char *key,
                 const char *status)
{
  AtlasRecord *route = ATLAS_RECORD (atlas_route_new (key));

  atlas_record_set_text (route, "name", key);
  atlas_record_set_text (route, "status", status);
  return route;
}

AtlasRecord *
case_test_waypoint (const char *key,
                    const char *route_key,
                    int         seq,
                    double      latitude,
                    double      longitude)
{
  AtlasRecord *waypoint = ATLAS_RECORD (atlas_waypoint_new (key));

  atlas_record_set_text (waypoint, "route_key", route_key);
  atlas_record_set_int (waypoint, "seq", seq);
  atlas_record_set_double (waypoint, "latitude", latitude);
  atlas_record_set_double (waypoint, "longitude", longitude);
  atlas_record_set_text (waypoint, "location_precision", "town");
  return waypoint;
}
