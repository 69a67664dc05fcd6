/* test-geometry.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GeoPackage geometry blobs, the ST_* SQL functions, and coordinate and date validation.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-geo.h"
#include "atlas-gpkg-geometry.h"

static void
test_point_round_trip (void)
{
  g_autoptr(GBytes) blob = atlas_gpkg_point_new (30.2839, 57.0834);
  gsize length;
  const guint8 *data = g_bytes_get_data (blob, &length);
  double lat, lon;
  AtlasBounds bounds;

  /* GP, version 0, little-endian without envelope, SRS 4326, then WKB point */
  g_assert_cmpuint (length, ==, 8 + 21);
  g_assert_cmpmem (data, 4, "GP\x00\x01", 4);
  g_assert_true (atlas_gpkg_point_decode (data, length, &lat, &lon, NULL));
  g_assert_cmpfloat (lat, ==, 30.2839);
  g_assert_cmpfloat (lon, ==, 57.0834);

  g_assert_true (atlas_gpkg_geometry_get_bounds (data, length, &bounds, NULL));
  g_assert_cmpfloat (bounds.min_lon, ==, 57.0834);
  g_assert_cmpfloat (bounds.max_lat, ==, 30.2839);
}

static void
test_line_string_round_trip (void)
{
  const double pairs[] = { 37.0, 70.5, 27.2, 62.3, 30.28, 57.08 };
  g_autoptr(GBytes) blob = atlas_gpkg_line_string_new (pairs, 3);
  g_autoptr(GError) error = NULL;
  g_autofree double *decoded = NULL;
  AtlasBounds bounds;
  gsize length;
  const guint8 *data = g_bytes_get_data (blob, &length);
  guint n = 0;

  g_assert_cmpint (data[3], ==, 0x03);   /* little-endian, XY envelope */
  decoded = atlas_gpkg_line_string_decode (data, length, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpmem (decoded, sizeof pairs, pairs, sizeof pairs);

  g_assert_true (atlas_gpkg_geometry_get_bounds (data, length, &bounds, NULL));
  g_assert_cmpfloat (bounds.min_lon, ==, 57.08);
  g_assert_cmpfloat (bounds.max_lon, ==, 70.5);
  g_assert_cmpfloat (bounds.min_lat, ==, 27.2);
  g_assert_cmpfloat (bounds.max_lat, ==, 37.0);
}

static void
test_hostile_blobs (void)
{
  const double pairs[] = { 1, 2, 3, 4 };
  g_autoptr(GBytes) line = atlas_gpkg_line_string_new (pairs, 2);
  gsize length;
  const guint8 *good = g_bytes_get_data (line, &length);
  g_autofree guint8 *blob = g_memdup2 (good, length);
  guint32 huge = GUINT32_TO_LE (0x7fffffff);
  double nan_value = NAN;
  AtlasBounds bounds;
  g_autoptr(GError) error = NULL;
  guint n;

  /* Empty, too short, wrong magic */
  g_assert_false (atlas_gpkg_geometry_get_bounds (blob, 0, &bounds, NULL));
  g_assert_false (atlas_gpkg_geometry_get_bounds ((const guint8 *) "GP", 2, &bounds, NULL));
  g_assert_false (atlas_gpkg_geometry_get_bounds ((const guint8 *) "XX\0\1abcd", 8, &bounds, NULL));

  /* A point count that lies about the blob's length */
  memcpy (blob + 8 + 32 + 5, &huge, sizeof huge);
  g_assert_null (atlas_gpkg_line_string_decode (blob, length, &n, &error));
  g_assert_error (error, ATLAS_GPKG_GEOMETRY_ERROR, ATLAS_GPKG_GEOMETRY_ERROR_INVALID);

  /* An envelope of NaN */
  memcpy (blob, good, length);
  memcpy (blob + 8, &nan_value, sizeof nan_value);
  g_assert_false (atlas_gpkg_geometry_get_bounds (blob, length, &bounds, NULL));

  /* Truncated anywhere: never a read past the end */
  for (gsize cut = 0; cut < length; cut++)
    g_assert_null (atlas_gpkg_line_string_decode (good, cut, &n, NULL));
}

static double
query_double (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value = NAN;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
test_sql_functions (void)
{
  g_autoptr(GBytes) point = atlas_gpkg_point_new (30.0, 57.0);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (atlas_gpkg_register_sql_functions (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (g BLOB)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "INSERT INTO t VALUES (?)", -1, &stmt, NULL);
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (point, NULL), (int) g_bytes_get_size (point),
                     SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_assert_cmpfloat (query_double (db, "SELECT ST_MinX(g) FROM t"), ==, 57.0);
  g_assert_cmpfloat (query_double (db, "SELECT ST_MaxY(g) FROM t"), ==, 30.0);
  g_assert_cmpfloat (query_double (db, "SELECT ST_IsEmpty(g) FROM t"), ==, 0);
  /* Garbage gives NULL, never an error that aborts the statement */
  g_assert_true (isnan (query_double (db, "SELECT ST_MinX(x'00ff')")));
  g_assert_true (isnan (query_double (db, "SELECT ST_MinX('text')")));
  sqlite3_close (db);
}

static void
test_validate_coordinate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_validate_coordinate (30.28, 57.08, NULL));
  g_assert_true (atlas_validate_coordinate (-90, 180, NULL));
  g_assert_false (atlas_validate_coordinate (95, 57, &error));
  g_assert_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_LATITUDE);
  g_assert_nonnull (strstr (error->message, "95"));
  g_clear_error (&error);
  g_assert_false (atlas_validate_coordinate (30, 190, &error));
  g_assert_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_LONGITUDE);
  g_assert_false (atlas_validate_coordinate (NAN, 0, NULL));
  g_assert_false (atlas_validate_coordinate (0, INFINITY, NULL));
}

static void
test_validate_date (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_validate_date ("2024-01-03", "day", NULL));
  g_assert_true (atlas_validate_date ("2024-01", "month", NULL));
  g_assert_true (atlas_validate_date ("2017", "year", NULL));
  g_assert_true (atlas_validate_date ("2024-01-03T15:20:00Z", "hour", NULL));
  g_assert_true (atlas_validate_date ("2023-12", "approximate", NULL));

  g_assert_false (atlas_validate_date ("2024-02-30", "day", &error));
  g_assert_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_DATE);
  g_clear_error (&error);
  g_assert_false (atlas_validate_date ("3 January 2024", "day", NULL));
  g_assert_false (atlas_validate_date ("2024-01-03", "month", NULL));
  g_assert_false (atlas_validate_date ("2024-01-03", NULL, NULL));
  g_assert_false (atlas_validate_date ("2024-13", "month", NULL));
  g_assert_false (atlas_validate_date ("2024-01-03x", "day", NULL));
  g_assert_false (atlas_validate_date ("2024-01-03T25:00:00Z", "hour", NULL));
}

static void
test_date_to_day (void)
{
  gint32 day;

  g_assert_true (atlas_date_to_day ("1970-01-01", FALSE, &day));
  g_assert_cmpint (day, ==, 0);
  g_assert_true (atlas_date_to_day ("2024-01-03", FALSE, &day));
  g_assert_cmpint (day, ==, 19725);
  g_assert_true (atlas_date_to_day ("2024-02", TRUE, &day));   /* 29 February, a leap year */
  g_assert_cmpint (day, ==, 19782);
  g_assert_true (atlas_date_to_day ("2017", FALSE, &day));
  g_assert_cmpint (day, ==, 17167);
  g_assert_true (atlas_date_to_day ("2017", TRUE, &day));
  g_assert_cmpint (day, ==, 17531);
  g_assert_true (atlas_date_to_day ("2024-01-03T10:00:00Z", TRUE, &day));
  g_assert_cmpint (day, ==, 19725);
  g_assert_false (atlas_date_to_day ("yesterday", FALSE, &day));
  g_assert_false (atlas_date_to_day (NULL, FALSE, &day));
}

static void
test_bounds_fit_zoom (void)
{
  AtlasBounds iran = { 44.0, 25.0, 63.3, 39.8 };
  AtlasBounds town = { 57.0, 30.2, 57.1, 30.3 };

  g_assert_cmpfloat (atlas_bounds_fit_zoom (&iran, 1000, 700), ==, 5);
  g_assert_cmpfloat (atlas_bounds_fit_zoom (&town, 1000, 700), >=, 10);
}

static void
test_distance (void)
{
  g_autofree char *label = NULL;

  /* London to Paris, and a quarter of a meridian */
  g_assert_cmpfloat_with_epsilon (atlas_geo_distance_km (51.5074, -0.1278, 48.8566, 2.3522),
                                  343.6, 0.5);
  g_assert_cmpfloat_with_epsilon (atlas_geo_distance_km (0, 0, 90, 0), 10007.6, 0.5);
  g_assert_cmpfloat_with_epsilon (atlas_geo_distance_km (30.28, 57.08, 30.28, 57.08), 0, 1e-9);
  /* across the antimeridian the short way */
  g_assert_cmpfloat_with_epsilon (atlas_geo_distance_km (0, 179.5, 0, -179.5), 111.2, 0.2);

  label = atlas_geo_format_distance (844.6);
  g_assert_cmpstr (label, ==, "≈ 840 km");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/atlas/geometry/point", test_point_round_trip);
  g_test_add_func ("/atlas/geometry/line-string", test_line_string_round_trip);
  g_test_add_func ("/atlas/geometry/hostile-blobs", test_hostile_blobs);
  g_test_add_func ("/atlas/geometry/sql-functions", test_sql_functions);
  g_test_add_func ("/atlas/geo/validate-coordinate", test_validate_coordinate);
  g_test_add_func ("/atlas/geo/validate-date", test_validate_date);
  g_test_add_func ("/atlas/geo/fit-zoom", test_bounds_fit_zoom);
  g_test_add_func ("/atlas/geo/date-to-day", test_date_to_day);
  g_test_add_func ("/atlas/geo/distance", test_distance);

  return g_test_run ();
}
