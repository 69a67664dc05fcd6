/* atlas-mbtiles-source.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hands libshumate the tiles of an analyst's own MBTiles file (an offline OpenStreetMap
 * extract, a satellite mosaic), read on worker threads; libshumate's raster renderer
 * decodes them.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-mbtiles-source.h"

struct _AtlasMbtilesSource
{
  ShumateDataSource  parent_instance;

  AtlasMbtiles      *mbtiles;
  guint              n_pending;
};

G_DEFINE_FINAL_TYPE (AtlasMbtilesSource, atlas_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct {
  int zoom;
  int x;
  int y;
} TileAddress;

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AtlasMbtilesSource *self = source_object;
  TileAddress *address = task_data;
  GError *error = NULL;
  GBytes *bytes = atlas_mbtiles_read_tile (self->mbtiles, address->zoom, address->x,
                                           address->y, &error);

  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("The map file has no tile here"));
}

static void
tile_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AtlasMbtilesSource *self = ATLAS_MBTILES_SOURCE (source);
  g_autoptr(GTask) request = user_data;
  GError *error = NULL;
  GBytes *bytes = g_task_propagate_pointer (G_TASK (result), &error);

  self->n_pending--;
  if (bytes == NULL)
    g_task_return_error (request, error);
  else
    g_task_return_pointer (request, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
atlas_mbtiles_source_get_tile_data_async (ShumateDataSource   *source,
                                          int                  x,
                                          int                  y,
                                          int                  zoom,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AtlasMbtilesSource *self = ATLAS_MBTILES_SOURCE (source);
  GTask *request = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) read = g_task_new (self, cancellable, tile_read_cb, request);
  TileAddress *address = g_new (TileAddress, 1);

  *address = (TileAddress) { zoom, x, y };
  g_task_set_source_tag (request, atlas_mbtiles_source_get_tile_data_async);
  g_task_set_task_data (read, address, g_free);
  self->n_pending++;
  g_task_run_in_thread (read, read_in_thread);
}

static GBytes *
atlas_mbtiles_source_get_tile_data_finish (ShumateDataSource  *source,
                                           GAsyncResult       *result,
                                           GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
atlas_mbtiles_source_finalize (GObject *object)
{
  g_clear_object (&ATLAS_MBTILES_SOURCE (object)->mbtiles);

  G_OBJECT_CLASS (atlas_mbtiles_source_parent_class)->finalize (object);
}

static void
atlas_mbtiles_source_class_init (AtlasMbtilesSourceClass *klass)
{
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = atlas_mbtiles_source_finalize;
  source_class->get_tile_data_async = atlas_mbtiles_source_get_tile_data_async;
  source_class->get_tile_data_finish = atlas_mbtiles_source_get_tile_data_finish;
}

static void
atlas_mbtiles_source_init (AtlasMbtilesSource *self)
{
}

AtlasMbtilesSource *
atlas_mbtiles_source_new (AtlasMbtiles *mbtiles)
{
  AtlasMbtilesSource *self = g_object_new (ATLAS_TYPE_MBTILES_SOURCE, NULL);

  self->mbtiles = g_object_ref (mbtiles);
  return self;
}

/**
 * atlas_mbtiles_source_new_map_source:
 *
 * Returns: (transfer full): a map source showing @mbtiles, named and attributed as the
 *   file says (shown as plain text)
 */
ShumateMapSource *
atlas_mbtiles_source_new_map_source (AtlasMbtiles *mbtiles)
{
  g_autoptr(AtlasMbtilesSource) data = atlas_mbtiles_source_new (mbtiles);
  g_autofree char *id = g_strdup_printf ("mbtiles:%s", atlas_mbtiles_get_path (mbtiles));
  const char *name = atlas_mbtiles_get_name (mbtiles);
  const char *attribution = atlas_mbtiles_get_attribution (mbtiles);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (
    id, name ? name : _("Map File"), attribution ? attribution : "", NULL,
    atlas_mbtiles_get_min_zoom (mbtiles), atlas_mbtiles_get_max_zoom (mbtiles), 256,
    SHUMATE_MAP_PROJECTION_MERCATOR, SHUMATE_DATA_SOURCE (data)));
}

guint
atlas_mbtiles_source_get_n_pending (AtlasMbtilesSource *self)
{
  g_return_val_if_fail (ATLAS_IS_MBTILES_SOURCE (self), 0);
  return self->n_pending;
}
