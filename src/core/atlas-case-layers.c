/* atlas-case-layers.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the GeoPackage layers derive from their rows, kept up to date by every write and
 * edit: each route's line from its waypoints, and each layer's extent in gpkg_contents,
 * which GDAL and QGIS read to frame a layer.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-case-layers.h"
#include "atlas-case-schema.h"
#include "atlas-gpkg-geometry.h"
#include "atlas-incident.h"
#include "atlas-record.h"
#include "atlas-waypoint.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  return atlas_case_schema_prepare (db, sql, error);
}

/* ---- route lines ----------------------------------------------------------------------- */

static gboolean
update_route_line (sqlite3          *db,
                   const char       *route_key,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) line = NULL;

  select = prepare (db, "SELECT latitude, longitude FROM waypoints WHERE route_key = ?"
                        " ORDER BY seq", error);
  update = prepare (db, "UPDATE routes SET geom = ? WHERE key = ?", error);
  if (select == NULL || update == NULL)
    return FALSE;

  sqlite3_bind_text (select, 1, route_key, -1, SQLITE_STATIC);
  while (sqlite3_step (select) == SQLITE_ROW)
    {
      double lat_lon[2] = { sqlite3_column_double (select, 0),
                            sqlite3_column_double (select, 1) };
      g_array_append_vals (pairs, lat_lon, 2);
    }

  /* A route with fewer than two waypoints has no line to draw. */
  if (pairs->len >= 4)
    {
      line = atlas_gpkg_line_string_new ((double *) pairs->data, pairs->len / 2);
      sqlite3_bind_blob (update, 1, g_bytes_get_data (line, NULL),
                         (int) g_bytes_get_size (line), SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (update, 2, route_key, -1, SQLITE_STATIC);
  return sqlite3_step (update) == SQLITE_DONE
         || atlas_case_schema_set_error (error, db, _("a route line could not be updated"));
}

static gboolean
update_lines_of_routes (sqlite3          *db,
                        GHashTable       *route_keys,
                        GError          **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, route_keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!update_route_line (db, key, error))
      return FALSE;
  return TRUE;
}

/* Lines of the routes an edit touched, or added waypoints to. */
gboolean
atlas_case_layers_update_route_lines (sqlite3          *db,
                                      GPtrArray        *records,
                                      GError          **error)
{
  g_autoptr(GHashTable) routes = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    {
      AtlasRecord *record = g_ptr_array_index (records, i);

      if (ATLAS_IS_WAYPOINT (record))
        g_hash_table_add (routes, (gpointer) atlas_record_get_text (record, "route_key"));
      else if (g_str_equal (atlas_record_get_kind (record), "route"))
        g_hash_table_add (routes, (gpointer) atlas_record_get_key (record));
    }
  return update_lines_of_routes (db, routes, error);
}

/* Lines of the routes a write added or added waypoints to, told by the rows it wrote after
 * @before (the records themselves are gone by then). */
gboolean
atlas_case_layers_update_written_route_lines (sqlite3       *db,
                                              const gint64  *before,
                                              GError       **error)
{
  g_autoptr(GHashTable) routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT key FROM routes WHERE id > ?1"
                                              " UNION SELECT route_key FROM waypoints"
                                              " WHERE id > ?2 AND route_key IS NOT NULL",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, before[ATLAS_CASE_SEARCH_ROUTES]);
  sqlite3_bind_int64 (stmt, 2, before[ATLAS_CASE_SEARCH_WAYPOINTS]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (routes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return atlas_case_schema_set_error (error, db, _("a route line could not be updated"));
  return update_lines_of_routes (db, routes, error);
}

/* Extents come from the exact coordinates: the R-tree keeps 32-bit floats. */
gboolean
atlas_case_layers_update_extents (sqlite3          *db,
                                  GError          **error)
{
  static const struct {
    const char *table;
    const char *points;
  } layers[] = {
    { "incidents", "incidents" },
    { "waypoints", "waypoints" },
    { "routes", "waypoints WHERE route_key IN (SELECT key FROM routes)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "UPDATE gpkg_contents SET min_x = e.a, min_y = e.b, max_x = e.c, max_y = e.d,"
        " last_change = strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ','now')"
        " FROM (SELECT min(longitude) AS a, min(latitude) AS b, max(longitude) AS c,"
        "  max(latitude) AS d FROM %s) AS e WHERE table_name = '%s'",
        layers[i].points, layers[i].table);

      if (!atlas_case_schema_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- extents after an edit ---------------------------------------------------------- */

typedef struct {
  double min_x, min_y, max_x, max_y;
} Extent;

static gboolean
read_extent (sqlite3         *db,
             const char      *table,
             Extent          *extent)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "SELECT min_x, min_y, max_x, max_y"
                                              " FROM gpkg_contents WHERE table_name = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;
  extent->min_x = sqlite3_column_double (stmt, 0);
  extent->min_y = sqlite3_column_double (stmt, 1);
  extent->max_x = sqlite3_column_double (stmt, 2);
  extent->max_y = sqlite3_column_double (stmt, 3);
  return TRUE;
}

static gboolean
write_extent (sqlite3          *db,
              const char       *table,
              const Extent     *extent,
              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, "UPDATE gpkg_contents SET min_x = ?, min_y = ?,"
                                              " max_x = ?, max_y = ?, last_change ="
                                              " strftime('%Y-%m-%dT%H:%M:%fZ','now')"
                                              " WHERE table_name = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, extent->min_x);
  sqlite3_bind_double (stmt, 2, extent->min_y);
  sqlite3_bind_double (stmt, 3, extent->max_x);
  sqlite3_bind_double (stmt, 4, extent->max_y);
  sqlite3_bind_text (stmt, 5, table, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_DONE
         || atlas_case_schema_set_error (error, db, _("an extent could not be updated"));
}

/* Whether a point lies on the edge of @extent, which holds every point that was: only such
 * a point, moved or removed, can shrink it. A point outside it is a new place, which only
 * widens it; taking that for an edge would measure a million rows again for nothing. */
static gboolean
on_edge (const Extent *extent,
         double        latitude,
         double        longitude)
{
  return latitude == extent->min_y || latitude == extent->max_y
         || longitude == extent->min_x || longitude == extent->max_x;
}

/* The extents an edit leaves, worked out from the points it touched: a point added or
 * moved widens them; only a point that lay on their edge and moved or went makes them be
 * measured again over every row, so an edit of a case of a million incidents does not
 * scan them all. @records hold each touched record as it was and as it is; a record with
 * no row any more is one that was removed, or the "before" of a change. */
gboolean
atlas_case_layers_update_extents_after_edit (sqlite3          *db,
                                             GPtrArray        *records,
                                             GError          **error)
{
  /* each layer, and the table whose points make its extent */
  static const char *const layers[][2] = {
    { "incidents", "incidents" }, { "waypoints", "waypoints" }, { "routes", "waypoints" },
  };

  for (guint t = 0; t < G_N_ELEMENTS (layers); t++)
    {
      Extent extent;
      gboolean touched = FALSE;
      /* an empty layer has no extent to widen */
      gboolean rescan = !read_extent (db, layers[t][0], &extent);

      for (guint i = 0; i < records->len; i++)
        {
          AtlasRecord *record = g_ptr_array_index (records, i);
          double latitude, longitude;

          if (!g_str_equal (ATLAS_RECORD_GET_CLASS (record)->table, layers[t][1]))
            continue;
          touched = TRUE;
          if (rescan)
            break;
          latitude = atlas_record_get_double (record, "latitude");
          longitude = atlas_record_get_double (record, "longitude");
          /* the old place of a moved or removed point may have held the edge */
          rescan = on_edge (&extent, latitude, longitude);
          extent.min_y = MIN (extent.min_y, latitude);
          extent.max_y = MAX (extent.max_y, latitude);
          extent.min_x = MIN (extent.min_x, longitude);
          extent.max_x = MAX (extent.max_x, longitude);
        }
      if (touched && rescan)
        return atlas_case_layers_update_extents (db, error);
      if (touched && !write_extent (db, layers[t][0], &extent, error))
        return FALSE;
    }
  return TRUE;
}
