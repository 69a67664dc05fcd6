/* atlas-basemap-source.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offline basemap as a libshumate map source: each tile is drawn from the embedded
 * Natural Earth and GeoNames extract by our cairo renderer on a worker thread, so the map
 * works with no network and tells no tile server what the analyst is looking at.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-basemap-source.h"
#include "atlas-basemap.h"

#define MAX_ZOOM 14

struct _AtlasBasemapSource
{
  ShumateMapSource   parent_instance;

  AtlasTileRenderer *renderer;
  AtlasTileStyle     style;
  int                scale_factor;
  guint              n_pending;
  guint              n_filled;
};

G_DEFINE_FINAL_TYPE (AtlasBasemapSource, atlas_basemap_source, SHUMATE_TYPE_MAP_SOURCE)

typedef struct {
  AtlasTileRenderer *renderer;
  AtlasTileStyle     style;
  int                scale_factor;
  int                zoom;
  int                x;
  int                y;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_object (&job->renderer);
  g_free (job);
}

/* Worker thread: draw the tile and wrap its pixels as a texture. */
static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TileJob *job = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) pixels = NULL;
  int width, height;
  gsize stride;

  pixels = atlas_tile_renderer_render_bytes (job->renderer, job->zoom, job->x, job->y,
                                             ATLAS_TILE_SIZE, job->scale_factor, job->style,
                                             &width, &height, &stride, &error);
  if (pixels == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task,
                         gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                                 stride),
                         g_object_unref);
}

/* Main thread: hand the texture to the tile, then finish libshumate's request. */
static void
tile_rendered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AtlasBasemapSource *self = ATLAS_BASEMAP_SOURCE (source);
  g_autoptr(GTask) request = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  GError *error = NULL;
  ShumateTile *tile = g_task_get_task_data (request);

  self->n_pending--;
  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture == NULL)
    {
      g_task_return_error (request, error);
      return;
    }

  self->n_filled++;
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  /* No fade: a screenshot must never catch a tile half drawn. */
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (request, TRUE);
}

static void
atlas_basemap_source_fill_tile_async (ShumateMapSource    *source,
                                      ShumateTile         *tile,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AtlasBasemapSource *self = ATLAS_BASEMAP_SOURCE (source);
  GTask *request = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) render = NULL;
  TileJob *job = g_new0 (TileJob, 1);

  g_task_set_source_tag (request, atlas_basemap_source_fill_tile_async);
  g_task_set_task_data (request, g_object_ref (tile), g_object_unref);

  job->renderer = g_object_ref (self->renderer);
  job->style = self->style;
  job->scale_factor = self->scale_factor;
  job->zoom = (int) shumate_tile_get_zoom_level (tile);
  job->x = (int) shumate_tile_get_x (tile);
  job->y = (int) shumate_tile_get_y (tile);

  self->n_pending++;
  render = g_task_new (self, cancellable, tile_rendered_cb, request);
  g_task_set_task_data (render, job, (GDestroyNotify) tile_job_free);
  g_task_run_in_thread (render, render_in_thread);
}

static gboolean
atlas_basemap_source_fill_tile_finish (ShumateMapSource  *source,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
atlas_basemap_source_finalize (GObject *object)
{
  AtlasBasemapSource *self = ATLAS_BASEMAP_SOURCE (object);

  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (atlas_basemap_source_parent_class)->finalize (object);
}

static void
atlas_basemap_source_class_init (AtlasBasemapSourceClass *klass)
{
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = atlas_basemap_source_finalize;
  source_class->fill_tile_async = atlas_basemap_source_fill_tile_async;
  source_class->fill_tile_finish = atlas_basemap_source_fill_tile_finish;
}

static void
atlas_basemap_source_init (AtlasBasemapSource *self)
{
}

/**
 * atlas_basemap_source_new:
 * @style: light or dark
 * @scale_factor: the display's scale; tiles are drawn with that many pixels per point
 *
 * Each style, scale, text scale and labelling (the renderer's now) has its own source id,
 * so libshumate never mixes their tiles in its cache.
 *
 * Returns: (transfer full): a map source drawing the offline basemap
 */
AtlasBasemapSource *
atlas_basemap_source_new (AtlasTileRenderer *renderer,
                          AtlasTileStyle     style,
                          int                scale_factor)
{
  AtlasBasemapSource *self;
  g_autofree char *id = NULL;

  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (renderer), NULL);

  id = g_strdup_printf ("atlas-basemap-%s@%d-text%g%s",
                        style == ATLAS_TILE_STYLE_DARK ? "dark" : "light", scale_factor,
                        atlas_tile_renderer_get_text_scale (renderer),
                        atlas_tile_renderer_get_labels_in_tiles (renderer) ? "" : "-unlabelled");
  self = g_object_new (ATLAS_TYPE_BASEMAP_SOURCE,
                       "id", id,
                       "name", _("Offline Map"),
                       "license", atlas_basemap_get_attribution (),
                       "license-uri", "https://www.naturalearthdata.com/about/terms-of-use/",
                       "min-zoom-level", 1,
                       "max-zoom-level", MAX_ZOOM,
                       "tile-size", ATLAS_TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->renderer = g_object_ref (renderer);
  self->style = style;
  self->scale_factor = MAX (scale_factor, 1);
  return self;
}

/**
 * atlas_basemap_source_load_default:
 *
 * Loads the basemap extract embedded in the application.
 *
 * Returns: (transfer full): a renderer for it, shared by every window and style
 */
AtlasTileRenderer *
atlas_basemap_source_load_default (GError **error)
{
  g_autoptr(AtlasBasemap) basemap = atlas_basemap_new_default (error);

  return basemap ? atlas_tile_renderer_new (basemap) : NULL;
}

/**
 * atlas_basemap_source_get_n_pending:
 *
 * Returns: how many tiles are being drawn now
 */
guint
atlas_basemap_source_get_n_pending (AtlasBasemapSource *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP_SOURCE (self), 0);
  return self->n_pending;
}

guint
atlas_basemap_source_get_n_filled (AtlasBasemapSource *self)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP_SOURCE (self), 0);
  return self->n_filled;
}
