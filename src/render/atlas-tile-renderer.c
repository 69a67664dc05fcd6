/* atlas-tile-renderer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws Web Mercator slippy-map tiles of the offline basemap.  Safe to call
 * from several worker threads at once.
 */

#include "atlas-tile-renderer.h"

#include <math.h>

#include "atlas-mercator.h"
#include "atlas-tile-labels.h"

#define DEFAULT_FONT_FAMILY "Cantarell"
#define MIN_TILE_SIZE 16
#define MAX_TILE_SIZE 2048
#define MIN_SCALE_FACTOR 0.5
#define MAX_SCALE_FACTOR 4.0

/* Strokes near the tile but outside it still reach in by half their width. */
#define STROKE_MARGIN_PX 8.0

/* Beyond this many pixels from the tile, paths are clipped before cairo sees
 * them, far inside the range of its fixed-point coordinates. */
#define SAFE_COORDINATE_PX 16384.0
#define CLIP_MARGIN_PX 64.0

/* The context layers, quieter than the country borders and shown only once the map is
 * regional: provinces, rivers and roads from this zoom on (roads within the zooms of
 * atlas_tile_style_get_widths()). */
#define CONTEXT_MIN_ZOOM 5
#define PROVINCE_BORDER_ALPHA 0.6
#define RIVER_ALPHA 0.85

struct _AtlasTileRenderer
{
  GObject          parent_instance;

  AtlasBasemap    *basemap;
  AtlasLabelCache *label_cache;
  gint             text_scale_permille;  /* read by worker threads: atomic */
  gint             labels_in_tiles;      /* idem */
};

enum
{
  PROP_0,
  PROP_BASEMAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasTileRenderer, atlas_tile_renderer, G_TYPE_OBJECT)

G_DEFINE_QUARK (atlas-tile-renderer-error-quark, atlas_tile_renderer_error)

/* What one render call needs; lives on that call's stack only. */
typedef struct
{
  cairo_t       *cr;
  double         world_size;  /* pixels across the world at this zoom */
  double         origin_x;    /* tile's top-left, world pixels */
  double         origin_y;
  double         tile_size;
  AtlasPartKind  kind;
  AtlasRect      bounds;      /* parts to draw, normalised */
  GArray        *scratch;
  GArray        *clipped;
  GArray        *lengths;
} DrawJob;

static void
atlas_tile_renderer_constructed (GObject *object)
{
  AtlasTileRenderer *self = ATLAS_TILE_RENDERER (object);

  G_OBJECT_CLASS (atlas_tile_renderer_parent_class)->constructed (object);

  g_assert (self->basemap != NULL);
  self->label_cache = atlas_label_cache_new (atlas_basemap_get_n_countries (self->basemap),
                                             atlas_basemap_get_n_places (self->basemap),
                                             atlas_basemap_get_n_provinces (self->basemap));
}

static void
atlas_tile_renderer_finalize (GObject *object)
{
  AtlasTileRenderer *self = ATLAS_TILE_RENDERER (object);

  g_clear_object (&self->basemap);
  g_clear_pointer (&self->label_cache, atlas_label_cache_free);

  G_OBJECT_CLASS (atlas_tile_renderer_parent_class)->finalize (object);
}

static void
atlas_tile_renderer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasTileRenderer *self = ATLAS_TILE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      g_value_set_object (value, self->basemap);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_renderer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasTileRenderer *self = ATLAS_TILE_RENDERER (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      self->basemap = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_tile_renderer_class_init (AtlasTileRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = atlas_tile_renderer_constructed;
  object_class->finalize = atlas_tile_renderer_finalize;
  object_class->get_property = atlas_tile_renderer_get_property;
  object_class->set_property = atlas_tile_renderer_set_property;

  properties[PROP_BASEMAP] =
    g_param_spec_object ("basemap", NULL, NULL,
                         ATLAS_TYPE_BASEMAP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_tile_renderer_init (AtlasTileRenderer *self)
{
  self->text_scale_permille = 1000;
  self->labels_in_tiles = TRUE;
}

AtlasTileRenderer *
atlas_tile_renderer_new (AtlasBasemap *basemap)
{
  g_return_val_if_fail (ATLAS_IS_BASEMAP (basemap), NULL);

  return g_object_new (ATLAS_TYPE_TILE_RENDERER, "basemap", basemap, NULL);
}

AtlasBasemap *
atlas_tile_renderer_get_basemap (AtlasTileRenderer *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (self), NULL);

  return self->basemap;
}

/* Geometry paths. */

static void
part_to_pixels (const DrawJob       *job,
                const AtlasGeometry *leaf,
                const AtlasPart     *part)
{
  const AtlasPoint *points = &g_array_index (leaf->points, AtlasPoint, part->first);
  double *xy;

  g_array_set_size (job->scratch, 2 * part->n_points);
  xy = (double *) job->scratch->data;
  for (guint i = 0; i < part->n_points; i++)
    {
      xy[2 * i] = points[i].x * job->world_size - job->origin_x;
      xy[2 * i + 1] = points[i].y * job->world_size - job->origin_y;
    }
}

static void
append_polyline (cairo_t      *cr,
                 const double *xy,
                 guint         n_points,
                 gboolean      closed)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  if (closed)
    cairo_close_path (cr);
}

static gboolean
part_is_near_tile (const DrawJob   *job,
                   const AtlasPart *part)
{
  double x0 = part->x0 * job->world_size - job->origin_x;
  double x1 = part->x1 * job->world_size - job->origin_x;
  double y0 = part->y0 * job->world_size - job->origin_y;
  double y1 = part->y1 * job->world_size - job->origin_y;

  return x0 > -SAFE_COORDINATE_PX && x1 < job->tile_size + SAFE_COORDINATE_PX &&
         y0 > -SAFE_COORDINATE_PX && y1 < job->tile_size + SAFE_COORDINATE_PX;
}

static void
append_clipped_part (const DrawJob *job,
                     guint          n_points)
{
  const AtlasRect view = { -CLIP_MARGIN_PX, -CLIP_MARGIN_PX,
                           job->tile_size + CLIP_MARGIN_PX, job->tile_size + CLIP_MARGIN_PX };
  const double *xy;
  guint offset = 0;

  g_array_set_size (job->clipped, 0);
  g_array_set_size (job->lengths, 0);

  if (job->kind == ATLAS_PART_LAND)
    {
      atlas_clip_ring ((const double *) job->scratch->data, n_points, &view, job->clipped);
      if (job->clipped->len >= 6)
        append_polyline (job->cr, (const double *) job->clipped->data, job->clipped->len / 2, TRUE);
      return;
    }

  atlas_clip_polyline ((const double *) job->scratch->data, n_points, &view, job->clipped,
                       job->lengths);
  xy = (const double *) job->clipped->data;
  for (guint i = 0; i < job->lengths->len; i++)
    {
      guint n = g_array_index (job->lengths, guint, i);

      append_polyline (job->cr, xy + 2 * offset, n, FALSE);
      offset += n;
    }
}

static void
append_leaf_parts (const AtlasGeometry *leaf,
                   gpointer             user_data)
{
  const DrawJob *job = user_data;

  for (guint i = 0; i < leaf->parts->len; i++)
    {
      const AtlasPart *part = &g_array_index (leaf->parts, AtlasPart, i);
      AtlasRect part_bounds = { part->x0, part->y0, part->x1, part->y1 };

      if (part->kind != job->kind || !atlas_rect_intersects (&part_bounds, &job->bounds))
        continue;

      part_to_pixels (job, leaf, part);
      if (part_is_near_tile (job, part))
        append_polyline (job->cr, (const double *) job->scratch->data, part->n_points,
                         part->kind == ATLAS_PART_LAND);
      else
        append_clipped_part (job, part->n_points);
    }
}

static void
build_path (DrawJob                 *job,
            const AtlasGeometryTree *tree,
            AtlasPartKind            kind)
{
  job->kind = kind;
  cairo_new_path (job->cr);
  atlas_geometry_tree_foreach_leaf (tree, &job->bounds, append_leaf_parts, job);
}

static void
set_color (cairo_t          *cr,
           const AtlasColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
stroke_lines (DrawJob                 *job,
              const AtlasGeometryTree *tree,
              AtlasPartKind            kind,
              const AtlasColor        *color,
              double                   width)
{
  if (width <= 0.0)
    return;

  build_path (job, tree, kind);
  set_color (job->cr, color);
  cairo_set_line_width (job->cr, width);
  cairo_stroke (job->cr);
}

static AtlasColor
with_alpha (const AtlasColor *color,
            double            alpha)
{
  AtlasColor faded = *color;

  faded.alpha *= alpha;
  return faded;
}

/* Rivers in the coast's blue, main roads as thin lines of a muted tan (highways wider) and
 * first-level boundaries as a faint line of the border's colour, all thinner than a national
 * border, so that they place a town without competing with the case drawn over them.
 * Roads cross rivers; boundaries stay visible over roads. */
static void
draw_context (DrawJob                 *job,
              const AtlasGeometryTree *tree,
              int                      zoom,
              const AtlasTilePalette  *palette,
              const AtlasLineWidths   *widths)
{
  AtlasColor river = with_alpha (&palette->coast, RIVER_ALPHA);
  AtlasColor province = with_alpha (&palette->border, PROVINCE_BORDER_ALPHA);

  if (zoom < CONTEXT_MIN_ZOOM)
    return;

  stroke_lines (job, tree, ATLAS_PART_RIVER, &river, zoom <= 6 ? 0.7 : 1.0);
  stroke_lines (job, tree, ATLAS_PART_ROAD, &palette->road, widths->road);
  stroke_lines (job, tree, ATLAS_PART_HIGHWAY, &palette->road, widths->highway);
  stroke_lines (job, tree, ATLAS_PART_PROVINCE_BORDER, &province, zoom <= 6 ? 0.6 : 0.8);
}

static void
draw_geometry (DrawJob                *job,
               AtlasBasemap           *basemap,
               int                     zoom,
               const AtlasTilePalette *palette)
{
  const AtlasGeometryTree *tree = atlas_basemap_get_geometry_for_zoom (basemap, zoom);
  AtlasLineWidths widths;

  atlas_tile_style_get_widths (zoom, &widths);
  cairo_set_line_cap (job->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (job->cr, CAIRO_LINE_JOIN_ROUND);

  build_path (job, tree, ATLAS_PART_LAND);
  cairo_set_fill_rule (job->cr, CAIRO_FILL_RULE_EVEN_ODD);
  set_color (job->cr, &palette->land);
  cairo_fill (job->cr);

  draw_context (job, tree, zoom, palette, &widths);
  stroke_lines (job, tree, ATLAS_PART_BORDER, &palette->border_casing, widths.border_casing);
  stroke_lines (job, tree, ATLAS_PART_COAST, &palette->coast, widths.coast);
  stroke_lines (job, tree, ATLAS_PART_BORDER, &palette->border, widths.border);
}

static void
draw_job_init (DrawJob *job,
               cairo_t *cr,
               int      zoom,
               int      x,
               int      y,
               double   tile_size)
{
  double margin;

  job->cr = cr;
  job->tile_size = tile_size;
  job->world_size = tile_size * ldexp (1.0, zoom);
  job->origin_x = x * tile_size;
  job->origin_y = y * tile_size;

  margin = STROKE_MARGIN_PX / job->world_size;
  job->bounds.x0 = job->origin_x / job->world_size - margin;
  job->bounds.y0 = job->origin_y / job->world_size - margin;
  job->bounds.x1 = (job->origin_x + tile_size) / job->world_size + margin;
  job->bounds.y1 = (job->origin_y + tile_size) / job->world_size + margin;

  job->scratch = g_array_new (FALSE, FALSE, sizeof (double));
  job->clipped = g_array_new (FALSE, FALSE, sizeof (double));
  job->lengths = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
draw_job_clear (DrawJob *job)
{
  g_clear_pointer (&job->scratch, g_array_unref);
  g_clear_pointer (&job->clipped, g_array_unref);
  g_clear_pointer (&job->lengths, g_array_unref);
}

/* Arguments and the surface. */

static gboolean
check_arguments (int              zoom,
                 int              x,
                 int              y,
                 int              tile_size_px,
                 double           scale_factor,
                 AtlasTileStyle   style,
                 GError         **error)
{
  if (!atlas_mercator_tile_is_valid (zoom, x, y))
    {
      g_set_error (error, ATLAS_TILE_RENDERER_ERROR, ATLAS_TILE_RENDERER_ERROR_INVALID_ARGUMENT,
                   "No tile %d/%d/%d: zoom must be 0–%d and x, y within 0–2^zoom−1",
                   zoom, x, y, ATLAS_MERCATOR_MAX_ZOOM);
      return FALSE;
    }

  if (tile_size_px < MIN_TILE_SIZE || tile_size_px > MAX_TILE_SIZE ||
      !isfinite (scale_factor) || scale_factor < MIN_SCALE_FACTOR ||
      scale_factor > MAX_SCALE_FACTOR)
    {
      g_set_error (error, ATLAS_TILE_RENDERER_ERROR, ATLAS_TILE_RENDERER_ERROR_INVALID_ARGUMENT,
                   "Unsupported tile size %d px at scale %g", tile_size_px, scale_factor);
      return FALSE;
    }

  if (!atlas_tile_style_is_valid (style))
    {
      g_set_error (error, ATLAS_TILE_RENDERER_ERROR, ATLAS_TILE_RENDERER_ERROR_INVALID_ARGUMENT,
                   "Unknown tile style %d", (int) style);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_cairo_status (cairo_status_t   status,
                    GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, ATLAS_TILE_RENDERER_ERROR, ATLAS_TILE_RENDERER_ERROR_FAILED,
               "Could not draw the tile: %s", cairo_status_to_string (status));
  return FALSE;
}

static void
label_request_init (AtlasTileRenderer      *self,
                    AtlasTileLabelRequest  *request,
                    int                     zoom,
                    int                     x,
                    int                     y,
                    int                     tile_size_px,
                    const AtlasTilePalette *palette)
{
  *request = (AtlasTileLabelRequest) {
    .basemap = self->basemap,
    .cache = self->label_cache,
    .font_family = DEFAULT_FONT_FAMILY,
    .palette = palette,
    .zoom = zoom,
    .tile_x = x,
    .tile_y = y,
    .tile_size = tile_size_px,
    .text_scale = g_atomic_int_get (&self->text_scale_permille) / 1000.0,
  };
}

/**
 * atlas_tile_renderer_render:
 * @zoom: 0 … 22
 * @x: tile column, 0 at 180° W
 * @y: tile row, 0 at the top
 * @tile_size_px: logical tile size, usually %ATLAS_TILE_SIZE
 * @scale_factor: device pixels per logical pixel (2 for HiDPI)
 *
 * Renders one tile into a new ARGB32 image surface of
 * ceil (@tile_size_px × @scale_factor) pixels square.  Thread-safe.
 *
 * Returns: (transfer full): the surface, or %NULL with @error set
 */
cairo_surface_t *
atlas_tile_renderer_render (AtlasTileRenderer  *self,
                            int                 zoom,
                            int                 x,
                            int                 y,
                            int                 tile_size_px,
                            double              scale_factor,
                            AtlasTileStyle      style,
                            GError            **error)
{
  const AtlasTilePalette *palette = atlas_tile_style_get_palette (style);
  cairo_surface_t *surface;
  cairo_t *cr;
  DrawJob job = { NULL, };
  AtlasTileLabelRequest labels;
  int pixels;
  cairo_status_t status;

  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_arguments (zoom, x, y, tile_size_px, scale_factor, style, error))
    return NULL;

  pixels = (int) ceil (tile_size_px * scale_factor - 1e-9);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixels, pixels);
  cr = cairo_create (surface);
  cairo_scale (cr, (double) pixels / tile_size_px, (double) pixels / tile_size_px);

  set_color (cr, &palette->water);
  cairo_paint (cr);

  draw_job_init (&job, cr, zoom, x, y, tile_size_px);
  draw_geometry (&job, self->basemap, zoom, palette);
  draw_job_clear (&job);

  /* else drawn over the tiles, off the case's labels: atlas_tile_renderer_draw_labels() */
  if (g_atomic_int_get (&self->labels_in_tiles))
    {
      label_request_init (self, &labels, zoom, x, y, tile_size_px, palette);
      atlas_tile_labels_draw (cr, &labels);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (!check_cairo_status (status, error) ||
      !check_cairo_status (cairo_surface_status (surface), error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/**
 * atlas_tile_renderer_render_bytes:
 * @out_width: (out): width in pixels
 * @out_height: (out): height in pixels
 * @out_stride: (out): bytes per row
 *
 * Like atlas_tile_renderer_render(), but returns the pixels: premultiplied
 * ARGB32 in native byte order (B, G, R, A in memory on little-endian machines,
 * the layout of GDK_MEMORY_DEFAULT), without copying them.
 *
 * Returns: (transfer full): the pixels, or %NULL with @error set
 */
GBytes *
atlas_tile_renderer_render_bytes (AtlasTileRenderer  *self,
                                  int                 zoom,
                                  int                 x,
                                  int                 y,
                                  int                 tile_size_px,
                                  double              scale_factor,
                                  AtlasTileStyle      style,
                                  int                *out_width,
                                  int                *out_height,
                                  gsize              *out_stride,
                                  GError            **error)
{
  cairo_surface_t *surface;
  int stride, height;

  g_return_val_if_fail (out_width != NULL && out_height != NULL && out_stride != NULL, NULL);

  surface = atlas_tile_renderer_render (self, zoom, x, y, tile_size_px, scale_factor, style,
                                        error);
  if (surface == NULL)
    return NULL;

  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  *out_width = cairo_image_surface_get_width (surface);
  *out_height = height;
  *out_stride = (gsize) stride;

  return g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                     (gsize) stride * (gsize) height,
                                     (GDestroyNotify) cairo_surface_destroy, surface);
}

/**
 * atlas_tile_renderer_list_labels:
 *
 * Lists the labels that atlas_tile_renderer_render() draws on a tile, with
 * their boxes in world pixels (the same in every tile).  Thread-safe.
 *
 * Returns: (transfer full) (element-type AtlasPlacedLabel): the labels, or
 *   %NULL with @error set
 */
GArray *
atlas_tile_renderer_list_labels (AtlasTileRenderer  *self,
                                 int                 zoom,
                                 int                 x,
                                 int                 y,
                                 int                 tile_size_px,
                                 GError            **error)
{
  AtlasTileLabelRequest request;

  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_arguments (zoom, x, y, tile_size_px, 1.0, ATLAS_TILE_STYLE_LIGHT, error))
    return NULL;

  label_request_init (self, &request, zoom, x, y, tile_size_px,
                      atlas_tile_style_get_palette (ATLAS_TILE_STYLE_LIGHT));
  return atlas_tile_labels_list (&request);
}

/**
 * atlas_tile_renderer_set_text_scale:
 * @text_scale: the desktop's text scaling factor, which labels drawn from now on follow
 */
void
atlas_tile_renderer_set_text_scale (AtlasTileRenderer *self,
                                    double             text_scale)
{
  g_return_if_fail (ATLAS_IS_TILE_RENDERER (self));
  g_return_if_fail (text_scale > 0);

  g_atomic_int_set (&self->text_scale_permille, (gint) round (text_scale * 1000));
}

double
atlas_tile_renderer_get_text_scale (AtlasTileRenderer *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (self), 1.0);

  return g_atomic_int_get (&self->text_scale_permille) / 1000.0;
}

/**
 * atlas_tile_renderer_set_labels_in_tiles:
 * @in_tiles: whether tiles drawn from now on have their place and country labels; without
 *   them, atlas_tile_renderer_draw_labels() draws them over a view
 */
void
atlas_tile_renderer_set_labels_in_tiles (AtlasTileRenderer *self,
                                         gboolean           in_tiles)
{
  g_return_if_fail (ATLAS_IS_TILE_RENDERER (self));

  g_atomic_int_set (&self->labels_in_tiles, !!in_tiles);
}

gboolean
atlas_tile_renderer_get_labels_in_tiles (AtlasTileRenderer *self)
{
  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (self), TRUE);

  return g_atomic_int_get (&self->labels_in_tiles);
}

/**
 * atlas_tile_renderer_draw_labels:
 * @cr: (nullable): a context whose user space is the view, or %NULL to only list them
 * @zoom: the view's zoom, which may be fractional
 * @centre_x: the view's centre in Web Mercator units, 0 to 1
 * @centre_y: idem
 * @width: the view's size in its pixels
 * @height: idem
 * @obstacles: (array length=n_obstacles): what the labels keep off, in the view's pixels
 *
 * Draws the place and country labels of a view over tiles drawn without them, after the
 * case's labels, as one pass: they keep off the case's labels and symbols and the map's
 * controls, and keep their size between whole zooms.
 *
 * Returns: (transfer full) (element-type AtlasPlacedLabel): the labels drawn
 */
GArray *
atlas_tile_renderer_draw_labels (AtlasTileRenderer       *self,
                                 cairo_t                 *cr,
                                 AtlasTileStyle           style,
                                 double                   zoom,
                                 double                   centre_x,
                                 double                   centre_y,
                                 double                   width,
                                 double                   height,
                                 const cairo_rectangle_t *obstacles,
                                 guint                    n_obstacles)
{
  AtlasViewLabelRequest request;
  int whole_zoom = (int) CLAMP (floor (zoom), 0, 20);
  double world_size = ATLAS_TILE_SIZE * ldexp (1.0, whole_zoom);

  g_return_val_if_fail (ATLAS_IS_TILE_RENDERER (self), NULL);
  g_return_val_if_fail (atlas_tile_style_is_valid (style), NULL);

  label_request_init (self, &request.labels, whole_zoom, 0, 0, ATLAS_TILE_SIZE,
                      atlas_tile_style_get_palette (style));
  request.scale = CLAMP (exp2 (zoom - whole_zoom), 1.0, 2.0);
  request.origin_x = centre_x * world_size - width / 2 / request.scale;
  request.origin_y = centre_y * world_size - height / 2 / request.scale;
  request.width = width;
  request.height = height;
  request.obstacles = obstacles;
  request.n_obstacles = n_obstacles;
  return atlas_tile_labels_draw_view (cr, &request);
}

/**
 * atlas_tile_renderer_get_label_request:
 * @request: (out): how this renderer's labels are drawn in @style (at any zoom), for
 *   atlas_tile_labels_draw_placed()
 */
void
atlas_tile_renderer_get_label_request (AtlasTileRenderer     *self,
                                       AtlasTileStyle         style,
                                       AtlasTileLabelRequest *request)
{
  g_return_if_fail (ATLAS_IS_TILE_RENDERER (self));
  g_return_if_fail (atlas_tile_style_is_valid (style));

  label_request_init (self, request, 0, 0, 0, ATLAS_TILE_SIZE,
                      atlas_tile_style_get_palette (style));
}
