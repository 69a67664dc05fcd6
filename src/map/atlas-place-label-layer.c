/* atlas-place-label-layer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The basemap's place and country labels, drawn over the tiles (which are drawn without
 * them) in one pass with the case's: after the route layer has placed its labels and the
 * incident layer its markers, each basemap label is left out where it would lie over one of
 * them or under the map's controls, legend or caption. Labels keep their size between whole
 * zooms, where tiles are stretched.
 *
 * Placing them takes a tenth of a millisecond, drawing one with its halo almost half: each
 * label's image is kept, and shown again wherever the label is placed.
 */

#define G_LOG_DOMAIN "atlas-map"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "atlas-mercator.h"
#include "atlas-place-label-layer.h"
#include "atlas-tile-labels.h"

struct _AtlasPlaceLabelLayer
{
  ShumateLayer        parent_instance;

  AtlasTileRenderer  *renderer;        /* nullable: tiles of other sources bring their own */
  AtlasRouteLayer    *route_layer;     /* drawn before this layer, in the same frame */
  AtlasIncidentLayer *incident_layer;  /* idem */
  GArray             *obstacles;       /* cairo_rectangle_t: what covers the map */
  GArray             *placed;          /* AtlasPlacedLabel: the labels of the last snapshot */

  GHashTable         *images;          /* label index → GdkTexture, for images_key */
  char               *images_key;      /* the style, text scale and scale they are drawn at */
};

/* Past this many kept images (a few megabytes), they are dropped and drawn again. */
#define MAX_IMAGES 4000

G_DEFINE_FINAL_TYPE (AtlasPlaceLabelLayer, atlas_place_label_layer, SHUMATE_TYPE_LAYER)

/* What the case drew in this frame and what covers the map. */
static GArray *
collect_obstacles (AtlasPlaceLabelLayer *self)
{
  g_autoptr(GArray) markers = atlas_incident_layer_get_marker_boxes (self->incident_layer);
  GArray *taken = atlas_route_layer_get_taken_boxes (self->route_layer);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));

  g_array_append_vals (boxes, self->obstacles->data, self->obstacles->len);
  g_array_append_vals (boxes, taken->data, taken->len);
  g_array_append_vals (boxes, markers->data, markers->len);
  return boxes;
}

/* The images are of one style, text scale and display scale: another empties the store. */
static void
check_images (AtlasPlaceLabelLayer *self,
              AtlasTileStyle        style,
              int                   scale_factor)
{
  g_autofree char *key = g_strdup_printf ("%d %g %d", style,
                                          atlas_tile_renderer_get_text_scale (self->renderer),
                                          scale_factor);

  if (g_strcmp0 (key, self->images_key) == 0
      && g_hash_table_size (self->images) < MAX_IMAGES)
    return;
  g_hash_table_remove_all (self->images);
  g_free (self->images_key);
  self->images_key = g_steal_pointer (&key);
}

/* @label's image, its anchor at @reach (the halo's) from its box's top-left corner. */
static GdkTexture *
draw_image (AtlasPlaceLabelLayer   *self,
            AtlasTileStyle          style,
            int                     scale_factor,
            const AtlasPlacedLabel *label,
            double                  reach)
{
  AtlasTileLabelRequest request;
  double width = label->x1 - label->x0 + 2 * reach, height = label->y1 - label->y0 + 2 * reach;
  int pixel_width = (int) ceil (width * scale_factor);
  int pixel_height = (int) ceil (height * scale_factor);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width,
                                                         pixel_height);
  g_autoptr(GBytes) pixels = NULL;
  cairo_t *cr = cairo_create (surface);

  atlas_tile_renderer_get_label_request (self->renderer, style, &request);
  cairo_scale (cr, scale_factor, scale_factor);
  atlas_tile_labels_draw_placed (cr, &request, label, label->anchor_x - label->x0 + reach,
                                 label->anchor_y - label->y0 + reach);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  cairo_surface_destroy (surface);
  return gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, pixels,
                                 (gsize) cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32,
                                                                        pixel_width));
}

static void
show_labels (AtlasPlaceLabelLayer *self,
             GtkSnapshot          *snapshot,
             AtlasTileStyle        style)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  AtlasTileLabelRequest request;
  double reach;

  check_images (self, style, scale_factor);
  atlas_tile_renderer_get_label_request (self->renderer, style, &request);
  reach = atlas_tile_labels_halo_reach (&request);
  for (guint i = 0; i < self->placed->len; i++)
    {
      const AtlasPlacedLabel *label = &g_array_index (self->placed, AtlasPlacedLabel, i);
      GdkTexture *image = g_hash_table_lookup (self->images, GUINT_TO_POINTER (label->index));

      if (image == NULL)
        {
          image = draw_image (self, style, scale_factor, label, reach);
          g_hash_table_insert (self->images, GUINT_TO_POINTER (label->index), image);
        }
      /* on whole pixels, as the image was drawn */
      gtk_snapshot_append_texture (snapshot, image,
                                   &GRAPHENE_RECT_INIT (round (label->x0 - reach),
                                                        round (label->y0 - reach),
                                                        (float) gdk_texture_get_width (image)
                                                        / scale_factor,
                                                        (float) gdk_texture_get_height (image)
                                                        / scale_factor));
    }
}

static void
atlas_place_label_layer_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  AtlasPlaceLabelLayer *self = ATLAS_PLACE_LABEL_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  AtlasTileStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                         ? ATLAS_TILE_STYLE_DARK : ATLAS_TILE_STYLE_LIGHT;
  ShumateLocation *centre = SHUMATE_LOCATION (viewport);
  g_autoptr(GArray) obstacles = NULL;

  g_clear_pointer (&self->placed, g_array_unref);
  if (self->renderer == NULL || width <= 0 || height <= 0)
    return;

  obstacles = collect_obstacles (self);
  self->placed = atlas_tile_renderer_draw_labels (
    self->renderer, NULL, style, shumate_viewport_get_zoom_level (viewport),
    atlas_mercator_x_from_longitude (shumate_location_get_longitude (centre)),
    atlas_mercator_y_from_latitude (shumate_location_get_latitude (centre)), width, height,
    (cairo_rectangle_t *) obstacles->data, obstacles->len);
  show_labels (self, snapshot, style);
}

static void
atlas_place_label_layer_constructed (GObject *object)
{
  AtlasPlaceLabelLayer *self = ATLAS_PLACE_LABEL_LAYER (object);

  G_OBJECT_CLASS (atlas_place_label_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

static void
atlas_place_label_layer_dispose (GObject *object)
{
  AtlasPlaceLabelLayer *self = ATLAS_PLACE_LABEL_LAYER (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->route_layer);
  g_clear_object (&self->incident_layer);
  g_clear_pointer (&self->obstacles, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->images, g_hash_table_unref);
  g_clear_pointer (&self->images_key, g_free);

  G_OBJECT_CLASS (atlas_place_label_layer_parent_class)->dispose (object);
}

static void
atlas_place_label_layer_class_init (AtlasPlaceLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atlas_place_label_layer_constructed;
  object_class->dispose = atlas_place_label_layer_dispose;
  widget_class->snapshot = atlas_place_label_layer_snapshot;
}

static void
atlas_place_label_layer_init (AtlasPlaceLabelLayer *self)
{
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  self->images = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  /* the labels are read, not clicked: clicks go to the map */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/**
 * atlas_place_label_layer_new:
 * @route_layer: the layer whose labels and symbols come first; it is drawn before this one
 * @incident_layer: the layer whose markers come first; idem
 */
AtlasPlaceLabelLayer *
atlas_place_label_layer_new (ShumateViewport    *viewport,
                             AtlasRouteLayer    *route_layer,
                             AtlasIncidentLayer *incident_layer)
{
  AtlasPlaceLabelLayer *self;

  g_return_val_if_fail (ATLAS_IS_ROUTE_LAYER (route_layer), NULL);
  g_return_val_if_fail (ATLAS_IS_INCIDENT_LAYER (incident_layer), NULL);

  self = g_object_new (ATLAS_TYPE_PLACE_LABEL_LAYER, "viewport", viewport, NULL);
  self->route_layer = g_object_ref (route_layer);
  self->incident_layer = g_object_ref (incident_layer);
  return self;
}

/**
 * atlas_place_label_layer_set_renderer:
 * @renderer: (nullable): the renderer of the offline basemap's tiles, drawn without labels;
 *   %NULL while other tiles (MBTiles, online) are shown, which have their own
 */
void
atlas_place_label_layer_set_renderer (AtlasPlaceLabelLayer *self,
                                      AtlasTileRenderer    *renderer)
{
  g_return_if_fail (ATLAS_IS_PLACE_LABEL_LAYER (self));
  g_return_if_fail (renderer == NULL || ATLAS_IS_TILE_RENDERER (renderer));

  if (g_set_object (&self->renderer, renderer))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_place_label_layer_set_obstacles:
 * @boxes: (array length=n_boxes): what covers the map (the legend, a caption, the map's
 *   controls), in the layer's coordinates
 */
void
atlas_place_label_layer_set_obstacles (AtlasPlaceLabelLayer    *self,
                                       const cairo_rectangle_t *boxes,
                                       guint                    n_boxes)
{
  g_return_if_fail (ATLAS_IS_PLACE_LABEL_LAYER (self));
  g_return_if_fail (boxes != NULL || n_boxes == 0);

  g_array_set_size (self->obstacles, 0);
  g_array_append_vals (self->obstacles, boxes, n_boxes);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * atlas_place_label_layer_get_placed:
 *
 * Returns: (transfer none) (nullable) (element-type AtlasPlacedLabel): the basemap labels
 *   the last snapshot drew, their boxes in the layer's coordinates
 */
GArray *
atlas_place_label_layer_get_placed (AtlasPlaceLabelLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_PLACE_LABEL_LAYER (self), NULL);

  return self->placed;
}
