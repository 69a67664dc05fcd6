/* atlas-mbtiles.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A raster MBTiles file (an offline OpenStreetMap extract, a satellite mosaic) read through
 * SQLite, as untrusted input: opened read-only and defensive, every query bounded in work,
 * tiles bounded in size. Tiles are addressed as on the map (y down); the file's TMS rows
 * count from the south.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "atlas-case-error.h"
#include "atlas-mbtiles.h"

#define MAX_TILE_BYTES (8 * 1024 * 1024)
#define MAX_ZOOM 22
/* SQLite virtual-machine steps one query may take before it is stopped */
#define MAX_QUERY_STEPS 50000000

struct _AtlasMbtiles
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  /* Tiles are read from several worker threads; one query at a time lets each be bounded
   * by its own progress handler. */
  GMutex   mutex;
  char    *name;
  char    *attribution;
  char    *format;
  int      min_zoom;
  int      max_zoom;
};

G_DEFINE_FINAL_TYPE (AtlasMbtiles, atlas_mbtiles, G_TYPE_OBJECT)

static int
stop_runaway_query (void *user_data)
{
  int *steps = user_data;

  /* called every 1000 steps */
  return ++(*steps) > MAX_QUERY_STEPS / 1000;
}

static char *
read_metadata (AtlasMbtiles *self,
               const char   *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM metadata WHERE name = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    value = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 0),
                               MIN (sqlite3_column_bytes (stmt, 0), 1024));
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
query_zoom_range (AtlasMbtiles  *self,
                  GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT min(zoom_level), max(zoom_level) FROM tiles", -1,
                          &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      self->min_zoom = CLAMP (sqlite3_column_int (stmt, 0), 0, MAX_ZOOM);
      self->max_zoom = CLAMP (sqlite3_column_int (stmt, 1), self->min_zoom, MAX_ZOOM);
      ok = TRUE;
    }
  else
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                 _("it has no tiles table with tiles in it (%s)"), sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
check_format (AtlasMbtiles  *self,
              GError       **error)
{
  static const char *const raster_formats[] = { "png", "jpg", "jpeg", NULL };

  self->format = read_metadata (self, "format");
  if (self->format == NULL)
    self->format = g_strdup ("png");
  if (!g_strv_contains (raster_formats, self->format))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("its tiles are “%s”; only PNG and JPEG raster tiles can be shown"),
                   self->format);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_database (AtlasMbtiles  *self,
               GError       **error)
{
  int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;

  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED, "%s",
                   self->db ? sqlite3_errmsg (self->db) : _("out of memory"));
      return FALSE;
    }
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (self->db, SQLITE_LIMIT_LENGTH, MAX_TILE_BYTES);
  return TRUE;
}

/**
 * atlas_mbtiles_open:
 *
 * Returns: (transfer full): the file, or %NULL with @error naming it and the reason
 */
AtlasMbtiles *
atlas_mbtiles_open (const char  *path,
                    GError     **error)
{
  g_autoptr(AtlasMbtiles) self = g_object_new (ATLAS_TYPE_MBTILES, NULL);
  g_autoptr(GError) local_error = NULL;
  int steps = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_set_error (&local_error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_NOT_FOUND,
                 _("it does not exist or is not a file"));
  else if (open_database (self, &local_error))
    {
      sqlite3_progress_handler (self->db, 1000, stop_runaway_query, &steps);
      if (query_zoom_range (self, &local_error) && check_format (self, &local_error))
        {
          self->name = read_metadata (self, "name");
          self->attribution = read_metadata (self, "attribution");
        }
      sqlite3_progress_handler (self->db, 0, NULL, NULL);
    }

  if (local_error != NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("The map file “%s” cannot be used: %s"), path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * atlas_mbtiles_read_tile:
 *
 * Returns: (transfer full) (nullable): the tile's image data; %NULL without an error when
 *   the file has no such tile
 */
GBytes *
atlas_mbtiles_read_tile (AtlasMbtiles  *self,
                         int            zoom,
                         int            x,
                         int            y,
                         GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  GBytes *bytes = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  int rc, steps = 0;

  g_return_val_if_fail (ATLAS_IS_MBTILES (self), NULL);

  if (zoom < 0 || zoom > MAX_ZOOM || x < 0 || y < 0 || x >= (1 << zoom) || y >= (1 << zoom))
    return NULL;

  locker = g_mutex_locker_new (&self->mutex);
  sqlite3_progress_handler (self->db, 1000, stop_runaway_query, &steps);

  if (sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles WHERE zoom_level = ?"
                                    " AND tile_column = ? AND tile_row = ?", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_FAILED, "%s: %s", self->path,
                   sqlite3_errmsg (self->db));
      sqlite3_progress_handler (self->db, 0, NULL, NULL);
      return NULL;
    }

  sqlite3_bind_int (stmt, 1, zoom);
  sqlite3_bind_int (stmt, 2, x);
  sqlite3_bind_int (stmt, 3, (1 << zoom) - 1 - y);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_CORRUPT, "%s: %s", self->path,
                 sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  return bytes;
}

const char *
atlas_mbtiles_get_name (AtlasMbtiles *self)
{
  g_return_val_if_fail (ATLAS_IS_MBTILES (self), NULL);
  return self->name;
}

/**
 * atlas_mbtiles_get_attribution:
 *
 * Returns: (nullable): the file's attribution, as plain text from the file: never markup
 */
const char *
atlas_mbtiles_get_attribution (AtlasMbtiles *self)
{
  g_return_val_if_fail (ATLAS_IS_MBTILES (self), NULL);
  return self->attribution;
}

const char *
atlas_mbtiles_get_format (AtlasMbtiles *self)
{
  g_return_val_if_fail (ATLAS_IS_MBTILES (self), NULL);
  return self->format;
}

const char *
atlas_mbtiles_get_path (AtlasMbtiles *self)
{
  g_return_val_if_fail (ATLAS_IS_MBTILES (self), NULL);
  return self->path;
}

int
atlas_mbtiles_get_min_zoom (AtlasMbtiles *self)
{
  g_return_val_if_fail (ATLAS_IS_MBTILES (self), 0);
  return self->min_zoom;
}

int
atlas_mbtiles_get_max_zoom (AtlasMbtiles *self)
{
  g_return_val_if_fail (ATLAS_IS_MBTILES (self), 0);
  return self->max_zoom;
}

static void
atlas_mbtiles_finalize (GObject *object)
{
  AtlasMbtiles *self = ATLAS_MBTILES (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->attribution, g_free);
  g_clear_pointer (&self->format, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (atlas_mbtiles_parent_class)->finalize (object);
}

static void
atlas_mbtiles_class_init (AtlasMbtilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_mbtiles_finalize;
}

static void
atlas_mbtiles_init (AtlasMbtiles *self)
{
  g_mutex_init (&self->mutex);
}
