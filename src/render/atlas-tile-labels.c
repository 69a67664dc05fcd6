/* atlas-tile-labels.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Place and country labels for one tile.  Which labels show is decided the
 * same way in every tile, from world-pixel boxes, so a label that crosses a
 * tile edge is drawn whole by both tiles and never shows half.
 *
 * The rule: a candidate label is hidden when its box overlaps the box of any
 * candidate of higher priority, shown or not.  Unlike greedy placement, this
 * needs no chain of earlier decisions, only the candidates near the label,
 * and those are the same whichever tile asks.
 *
 * Text and its halo grow with the desktop's text scaling factor; sizes are
 * measured once at a factor of 1 and scaled, which unhinted metrics allow.
 */

#include "atlas-tile-labels.h"

#include <math.h>
#include <pango/pangocairo.h>

/* Bounds on how far a label box reaches from its anchor, in logical pixels;
 * labels whose text is larger are never shown, so that every tile finds all
 * the labels that could collide with one it draws. */
#define MAX_TEXT_WIDTH 260.0
#define MAX_TEXT_HEIGHT 36.0
#define MAX_REACH_X 280.0
#define MAX_REACH_Y 24.0

#define HALO_WIDTH 2.5
#define COLLISION_PADDING 3.0
#define DOT_TEXT_GAP 3.0

/* Places labelled from this zoom or earlier outrank country names. */
#define MAX_ZOOM_OF_MAIN_CITIES 4

typedef enum
{
  LABEL_COUNTRY,
  LABEL_CAPITAL,
  LABEL_MAJOR_CITY,
  LABEL_CITY,
  LABEL_TOWN,
  LABEL_PROVINCE,
  N_LABEL_CLASSES
} LabelClass;

typedef struct
{
  const char *weight;
  double      size_px;
  double      letter_spacing_px;
  gboolean    uppercase;
  double      dot_radius;
} Typography;

static const Typography typography[N_LABEL_CLASSES] = {
  [LABEL_COUNTRY] = { "Bold", 11.0, 1.5, TRUE, 0.0 },
  [LABEL_CAPITAL] = { "Bold", 14.0, 0.0, FALSE, 3.5 },
  [LABEL_MAJOR_CITY] = { "Bold", 13.0, 0.0, FALSE, 2.8 },
  [LABEL_CITY] = { "", 12.5, 0.0, FALSE, 2.5 },
  [LABEL_TOWN] = { "", 11.5, 0.0, FALSE, 2.0 },
  [LABEL_PROVINCE] = { "Italic", 11.0, 0.5, FALSE, 0.0 },
};

struct _AtlasLabelCache
{
  guint  n_countries;
  guint  n_places;
  guint  n_provinces;
  gint  *widths;  /* Pango units; 0 until measured */
  gint  *heights;
};

typedef struct
{
  const AtlasBasemapLabel *label;
  guint                    cache_index;
  LabelClass               label_class;
  double                   anchor_x;  /* world pixels */
  double                   anchor_y;
  double                   width;     /* logical pixels */
  double                   height;
  double                   x0;        /* box, world pixels */
  double                   y0;
  double                   x1;
  double                   y1;
} Candidate;

typedef struct
{
  const AtlasTileLabelRequest *request;
  double                       text_scale;
  double                       world_size;
  double                       origin_x;   /* tile's or view's top-left, world pixels */
  double                       origin_y;
  double                       region_width;   /* the tile or view, world pixels */
  double                       region_height;
  double                       scale;      /* drawn pixels per world pixel */
  const cairo_rectangle_t     *obstacles;  /* drawn pixels: what hides a label */
  guint                        n_obstacles;
  PangoContext                *measure_context;
  PangoFontDescription        *fonts[N_LABEL_CLASSES];       /* at the text scale */
  PangoFontDescription        *unit_fonts[N_LABEL_CLASSES];  /* at a scale of 1 */
  GArray                      *candidates; /* Candidate, in priority order */
} LabelJob;

AtlasLabelCache *
atlas_label_cache_new (guint n_countries,
                       guint n_places,
                       guint n_provinces)
{
  AtlasLabelCache *cache = g_new0 (AtlasLabelCache, 1);

  cache->n_countries = n_countries;
  cache->n_places = n_places;
  cache->n_provinces = n_provinces;
  cache->widths = g_new0 (gint, n_countries + n_places + n_provinces);
  cache->heights = g_new0 (gint, n_countries + n_places + n_provinces);
  return cache;
}

void
atlas_label_cache_free (AtlasLabelCache *cache)
{
  if (cache == NULL)
    return;

  g_free (cache->widths);
  g_free (cache->heights);
  g_free (cache);
}

static LabelClass
place_class (const AtlasBasemapLabel *place)
{
  if (place->flags & ATLAS_PLACE_CAPITAL)
    return LABEL_CAPITAL;
  if (place->rank <= 2)
    return LABEL_MAJOR_CITY;
  if (place->rank <= 6)
    return LABEL_CITY;
  return LABEL_TOWN;
}

/* Fonts and text layout. */

static cairo_font_options_t *
label_font_options (void)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics make text width independent of the scale factor. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  return options;
}

static void
configure_context (PangoContext *context)
{
  cairo_font_options_t *options = label_font_options ();

  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96.0);
  cairo_font_options_destroy (options);
}

static PangoFontDescription *
create_font (const char       *family,
             const Typography *type,
             double            text_scale)
{
  g_autofree char *spec = g_strdup_printf ("%s, Sans %s", family, type->weight);
  PangoFontDescription *font = pango_font_description_from_string (spec);

  pango_font_description_set_absolute_size (font, type->size_px * text_scale * PANGO_SCALE);
  return font;
}

static PangoLayout *
create_layout (PangoContext         *context,
               PangoFontDescription *font,
               const Typography     *type,
               double                text_scale,
               const char           *text)
{
  PangoLayout *layout = pango_layout_new (context);

  PangoAttrList *attributes = pango_attr_list_new ();

  if (type->letter_spacing_px > 0.0)
    pango_attr_list_insert (attributes,
                            pango_attr_letter_spacing_new ((int) (type->letter_spacing_px *
                                                                  text_scale * PANGO_SCALE)));
  if (type->uppercase)
    pango_attr_list_insert (attributes,
                            pango_attr_text_transform_new (PANGO_TEXT_TRANSFORM_UPPERCASE));

  pango_layout_set_font_description (layout, font);
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_text (layout, text, -1);
  pango_attr_list_unref (attributes);
  return layout;
}

static void
measure_candidate (LabelJob  *job,
                   Candidate *candidate)
{
  AtlasLabelCache *cache = job->request->cache;
  gint width = g_atomic_int_get (&cache->widths[candidate->cache_index]);
  gint height = g_atomic_int_get (&cache->heights[candidate->cache_index]);

  if (width == 0 || height == 0)
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      layout = create_layout (job->measure_context, job->unit_fonts[candidate->label_class],
                              &typography[candidate->label_class], 1.0, candidate->label->name);
      pango_layout_get_extents (layout, NULL, &logical);
      width = MAX (logical.width, 1);
      height = MAX (logical.height, 1);
      g_atomic_int_set (&cache->heights[candidate->cache_index], height);
      g_atomic_int_set (&cache->widths[candidate->cache_index], width);
    }

  candidate->width = job->text_scale * width / PANGO_SCALE;
  candidate->height = job->text_scale * height / PANGO_SCALE;
}

/* Candidate boxes, in world pixels so that every tile computes the same. */

static void
place_box (Candidate *candidate)
{
  double radius = typography[candidate->label_class].dot_radius;

  candidate->x0 = candidate->anchor_x - radius - 1.0;
  candidate->x1 = candidate->anchor_x + radius + DOT_TEXT_GAP + candidate->width;
  candidate->y0 = candidate->anchor_y - candidate->height / 2.0;
  candidate->y1 = candidate->anchor_y + candidate->height / 2.0;
}

static void
country_box (Candidate *candidate)
{
  candidate->x0 = candidate->anchor_x - candidate->width / 2.0;
  candidate->x1 = candidate->anchor_x + candidate->width / 2.0;
  candidate->y0 = candidate->anchor_y - candidate->height / 2.0;
  candidate->y1 = candidate->anchor_y + candidate->height / 2.0;
}

static void
add_candidate (LabelJob                *job,
               const AtlasBasemapLabel *label,
               LabelClass               label_class,
               guint                    cache_index)
{
  Candidate candidate = { 0, };

  candidate.label = label;
  candidate.label_class = label_class;
  candidate.cache_index = cache_index;
  candidate.anchor_x = label->x * job->world_size;
  candidate.anchor_y = label->y * job->world_size;
  measure_candidate (job, &candidate);

  if (candidate.width > MAX_TEXT_WIDTH * job->text_scale
      || candidate.height > MAX_TEXT_HEIGHT * job->text_scale)
    return;

  if (label_class == LABEL_COUNTRY || label_class == LABEL_PROVINCE)
    country_box (&candidate);
  else
    place_box (&candidate);
  g_array_append_val (job->candidates, candidate);
}

/* A candidate can only hide a label visible in this tile if it lies within
 * three reaches of the tile: one for the label, two for the overlap. */
static void
candidate_window (const LabelJob *job,
                  AtlasRect      *rect)
{
  double reach_x = 3.0 * MAX_REACH_X * job->text_scale;
  double reach_y = 3.0 * MAX_REACH_Y * job->text_scale;

  rect->x0 = (job->origin_x - reach_x) / job->world_size;
  rect->x1 = (job->origin_x + job->region_width + reach_x) / job->world_size;
  rect->y0 = (job->origin_y - reach_y) / job->world_size;
  rect->y1 = (job->origin_y + job->region_height + reach_y) / job->world_size;
}

/* Adds the places of @indices from position @start on, stopping before the
 * first place that appears only after @max_min_zoom; returns where it stopped. */
static guint
add_place_candidates (LabelJob     *job,
                      const GArray *indices,
                      guint         start,
                      guint         max_min_zoom)
{
  AtlasBasemap *basemap = job->request->basemap;
  guint n_countries = atlas_basemap_get_n_countries (basemap);
  guint i;

  for (i = start; i < indices->len; i++)
    {
      guint32 index = g_array_index (indices, guint32, i);
      const AtlasBasemapLabel *place = atlas_basemap_get_place (basemap, index);

      if (place->min_zoom > max_min_zoom)
        break;
      add_candidate (job, place, place_class (place), n_countries + index);
    }
  return i;
}

/* Provinces' names, placed as countries' are. */
static void
add_province_candidates (LabelJob        *job,
                         const AtlasRect *window)
{
  AtlasBasemap *basemap = job->request->basemap;
  guint first_index = atlas_basemap_get_n_countries (basemap) +
                      atlas_basemap_get_n_places (basemap);
  g_autoptr(GArray) provinces = g_array_new (FALSE, FALSE, sizeof (guint32));

  atlas_basemap_collect_provinces (basemap, job->request->zoom, window, provinces);
  for (guint i = 0; i < provinces->len; i++)
    {
      guint32 index = g_array_index (provinces, guint32, i);

      add_candidate (job, atlas_basemap_get_province (basemap, index), LABEL_PROVINCE,
                     first_index + index);
    }
}

/* Priority order: the world's main cities, then countries, then the other
 * places, then provinces, each in file order. */
static void
collect_candidates (LabelJob *job)
{
  AtlasBasemap *basemap = job->request->basemap;
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) countries = g_array_new (FALSE, FALSE, sizeof (guint32));
  AtlasRect window;
  guint next_place;

  candidate_window (job, &window);
  atlas_basemap_collect_places (basemap, job->request->zoom, &window, places);
  atlas_basemap_collect_countries (basemap, job->request->zoom, &window, countries);

  next_place = add_place_candidates (job, places, 0, MAX_ZOOM_OF_MAIN_CITIES);
  for (guint i = 0; i < countries->len; i++)
    {
      guint32 index = g_array_index (countries, guint32, i);

      add_candidate (job, atlas_basemap_get_country (basemap, index), LABEL_COUNTRY, index);
    }
  add_place_candidates (job, places, next_place, G_MAXUINT);
  add_province_candidates (job, &window);
}

/* Visibility. */

static gboolean
boxes_collide (const Candidate *a,
               const Candidate *b)
{
  return a->x0 - COLLISION_PADDING < b->x1 && b->x0 - COLLISION_PADDING < a->x1 &&
         a->y0 - COLLISION_PADDING < b->y1 && b->y0 - COLLISION_PADDING < a->y1;
}

static gboolean
touches_tile (const LabelJob  *job,
              const Candidate *candidate)
{
  double reach = HALO_WIDTH * job->text_scale + 1.0;

  return candidate->x1 + reach > job->origin_x &&
         candidate->x0 - reach < job->origin_x + job->region_width &&
         candidate->y1 + reach > job->origin_y &&
         candidate->y0 - reach < job->origin_y + job->region_height;
}

static gboolean
is_shown (const LabelJob *job,
          guint           index)
{
  const Candidate *candidates = (const Candidate *) job->candidates->data;

  for (guint j = 0; j < index; j++)
    if (boxes_collide (&candidates[j], &candidates[index]))
      return FALSE;
  return TRUE;
}

/* The candidate's box as drawn, in the drawing's pixels: its anchor moves with the scale,
 * its text keeps its size. */
static void
drawn_box (const LabelJob    *job,
           const Candidate   *candidate,
           cairo_rectangle_t *box)
{
  double x = (candidate->anchor_x - job->origin_x) * job->scale;
  double y = (candidate->anchor_y - job->origin_y) * job->scale;

  box->x = x + candidate->x0 - candidate->anchor_x;
  box->y = y + candidate->y0 - candidate->anchor_y;
  box->width = candidate->x1 - candidate->x0;
  box->height = candidate->y1 - candidate->y0;
}

/* Whether something the case draws (a label, a symbol) or a control is where the
 * candidate would be drawn: the case's own labels come first. */
static gboolean
is_covered (const LabelJob  *job,
            const Candidate *candidate)
{
  cairo_rectangle_t box;

  drawn_box (job, candidate, &box);
  for (guint i = 0; i < job->n_obstacles; i++)
    {
      const cairo_rectangle_t *o = &job->obstacles[i];

      if (box.x - COLLISION_PADDING < o->x + o->width
          && o->x - COLLISION_PADDING < box.x + box.width
          && box.y - COLLISION_PADDING < o->y + o->height
          && o->y - COLLISION_PADDING < box.y + box.height)
        return TRUE;
    }
  return FALSE;
}

/* Drawing. */

static void
set_color (cairo_t          *cr,
           const AtlasColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_dot (cairo_t         *cr,
          const LabelJob  *job,
          const Candidate *candidate,
          double           x,
          double           y)
{
  const AtlasTilePalette *palette = job->request->palette;
  double radius = typography[candidate->label_class].dot_radius;

  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius + 1.0, 0.0, 2.0 * G_PI);
  set_color (cr, &palette->dot_outline);
  cairo_fill (cr);

  cairo_arc (cr, x, y, radius, 0.0, 2.0 * G_PI);
  set_color (cr, &palette->dot);
  cairo_fill (cr);

  if (candidate->label_class == LABEL_CAPITAL)
    {
      cairo_arc (cr, x, y, radius * 0.45, 0.0, 2.0 * G_PI);
      set_color (cr, &palette->dot_outline);
      cairo_fill (cr);
    }
}

static const AtlasColor *
text_color (const LabelJob  *job,
            const Candidate *candidate)
{
  const AtlasTilePalette *palette = job->request->palette;

  switch (candidate->label_class)
    {
    case LABEL_COUNTRY:
      return &palette->country_text;
    case LABEL_TOWN:
    case LABEL_PROVINCE:
      return &palette->minor_place_text;
    case LABEL_CAPITAL:
    case LABEL_MAJOR_CITY:
    case LABEL_CITY:
    case N_LABEL_CLASSES:
    default:
      return &palette->place_text;
    }
}

static void
draw_text (cairo_t         *cr,
           PangoContext    *context,
           const LabelJob  *job,
           const Candidate *candidate,
           double           x,
           double           y)
{
  g_autoptr(PangoLayout) layout = NULL;

  layout = create_layout (context, job->fonts[candidate->label_class],
                          &typography[candidate->label_class], job->text_scale,
                          candidate->label->name);

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 2.0 * HALO_WIDTH * job->text_scale);
  set_color (cr, &job->request->palette->halo);
  cairo_stroke (cr);

  cairo_move_to (cr, x, y);
  set_color (cr, text_color (job, candidate));
  pango_cairo_show_layout (cr, layout);
}

static void
draw_candidate (cairo_t         *cr,
                PangoContext    *context,
                const LabelJob  *job,
                const Candidate *candidate)
{
  double x = (candidate->anchor_x - job->origin_x) * job->scale;
  double y = (candidate->anchor_y - job->origin_y) * job->scale;

  if (candidate->label_class == LABEL_COUNTRY || candidate->label_class == LABEL_PROVINCE)
    {
      draw_text (cr, context, job, candidate, x - candidate->width / 2.0,
                 y - candidate->height / 2.0);
      return;
    }

  draw_text (cr, context, job, candidate,
             x + typography[candidate->label_class].dot_radius + DOT_TEXT_GAP,
             y - candidate->height / 2.0);
  draw_dot (cr, job, candidate, x, y);
}

static void
draw_shown_candidates (cairo_t        *cr,
                       const LabelJob *job)
{
  PangoContext *context = pango_cairo_create_context (cr);

  configure_context (context);
  for (guint i = 0; i < job->candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (job->candidates, Candidate, i);

      if (touches_tile (job, candidate) && is_shown (job, i))
        draw_candidate (cr, context, job, candidate);
    }
  g_object_unref (context);
}

static void
label_job_init (LabelJob                    *job,
                const AtlasTileLabelRequest *request)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default (); /* per thread */

  job->request = request;
  job->text_scale = request->text_scale > 0 ? request->text_scale : 1.0;
  job->world_size = request->tile_size * ldexp (1.0, request->zoom);
  job->origin_x = request->tile_x * request->tile_size;
  job->origin_y = request->tile_y * request->tile_size;
  job->region_width = request->tile_size;
  job->region_height = request->tile_size;
  job->scale = 1.0;
  job->measure_context = pango_font_map_create_context (font_map);
  configure_context (job->measure_context);
  for (guint c = 0; c < N_LABEL_CLASSES; c++)
    {
      job->fonts[c] = create_font (request->font_family, &typography[c], job->text_scale);
      job->unit_fonts[c] = create_font (request->font_family, &typography[c], 1.0);
    }
  job->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
}

static void
label_job_clear (LabelJob *job)
{
  g_clear_object (&job->measure_context);
  for (guint c = 0; c < N_LABEL_CLASSES; c++)
    {
      g_clear_pointer (&job->fonts[c], pango_font_description_free);
      g_clear_pointer (&job->unit_fonts[c], pango_font_description_free);
    }
  g_clear_pointer (&job->candidates, g_array_unref);
}

/**
 * atlas_tile_labels_draw:
 * @cr: a context whose user space is the tile in logical pixels
 *
 * Draws the labels of the tile described by @request.
 */
void
atlas_tile_labels_draw (cairo_t                     *cr,
                        const AtlasTileLabelRequest *request)
{
  LabelJob job = { NULL, };

  label_job_init (&job, request);
  collect_candidates (&job);
  cairo_save (cr);
  draw_shown_candidates (cr, &job);
  cairo_restore (cr);
  label_job_clear (&job);
}

/**
 * atlas_tile_labels_list:
 *
 * Lists the labels that atlas_tile_labels_draw() would draw.
 *
 * Returns: (transfer full) (element-type AtlasPlacedLabel): the labels
 */
GArray *
atlas_tile_labels_list (const AtlasTileLabelRequest *request)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (AtlasPlacedLabel));
  LabelJob job = { NULL, };

  label_job_init (&job, request);
  collect_candidates (&job);
  for (guint i = 0; i < job.candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (job.candidates, Candidate, i);
      AtlasPlacedLabel label;

      if (!touches_tile (&job, candidate) || !is_shown (&job, i))
        continue;

      label = (AtlasPlacedLabel) { candidate->label->name, candidate->x0, candidate->y0,
                                   candidate->x1, candidate->y1 };
      g_array_append_val (placed, label);
    }
  label_job_clear (&job);
  return placed;
}

/**
 * atlas_tile_labels_draw_view:
 * @cr: (nullable): a context whose user space is the view in its pixels, or %NULL to only
 *   list the labels
 *
 * Draws the labels of a view of the map, over tiles drawn without them, as
 * atlas_tile_labels_draw() would at the view's whole zoom but at constant size, and leaves
 * out those under an obstacle (the case's labels and symbols, the map's controls) or cut
 * by the view's edge.
 *
 * Returns: (transfer full) (element-type AtlasPlacedLabel): the labels drawn, their boxes
 *   (without halo) in the view's pixels
 */
GArray *
atlas_tile_labels_draw_view (cairo_t                     *cr,
                             const AtlasViewLabelRequest *request)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (AtlasPlacedLabel));
  PangoContext *context = NULL;
  LabelJob job = { NULL, };

  g_return_val_if_fail (request != NULL && request->scale > 0, placed);

  label_job_init (&job, &request->labels);
  job.origin_x = request->origin_x;
  job.origin_y = request->origin_y;
  job.region_width = request->width / request->scale;
  job.region_height = request->height / request->scale;
  job.scale = request->scale;
  job.obstacles = request->obstacles;
  job.n_obstacles = request->n_obstacles;
  collect_candidates (&job);
  if (cr != NULL)
    {
      cairo_save (cr);
      context = pango_cairo_create_context (cr);
      configure_context (context);
    }
  for (guint i = 0; i < job.candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (job.candidates, Candidate, i);
      cairo_rectangle_t box;
      AtlasPlacedLabel label;

      if (!touches_tile (&job, candidate) || !is_shown (&job, i) || is_covered (&job, candidate))
        continue;
      /* wholly in the view, as the case's labels are: none cut by its edge */
      drawn_box (&job, candidate, &box);
      if (box.x < 0 || box.y < 0 || box.x + box.width > request->width
          || box.y + box.height > request->height)
        continue;
      if (cr != NULL)
        draw_candidate (cr, context, &job, candidate);
      label = (AtlasPlacedLabel) { candidate->label->name, box.x, box.y, box.x + box.width,
                                   box.y + box.height, candidate->cache_index,
                                   candidate->label_class,
                                   (candidate->anchor_x - job.origin_x) * job.scale,
                                   (candidate->anchor_y - job.origin_y) * job.scale };
      g_array_append_val (placed, label);
    }
  if (cr != NULL)
    {
      g_object_unref (context);
      cairo_restore (cr);
    }
  label_job_clear (&job);
  return placed;
}

/**
 * atlas_tile_labels_draw_placed:
 * @label: a label atlas_tile_labels_draw_view() placed with @request's labels
 * @x: where to draw its anchor (its dot, or its centre for a country)
 *
 * Draws one placed label on its own, as atlas_tile_labels_draw_view() draws it: to keep its
 * image and show it again as long as it is placed.
 */
void
atlas_tile_labels_draw_placed (cairo_t                     *cr,
                               const AtlasTileLabelRequest *request,
                               const AtlasPlacedLabel      *label,
                               double                       x,
                               double                       y)
{
  AtlasBasemapLabel named = { 0, };
  PangoContext *context;
  LabelJob job = { NULL, };
  Candidate candidate = { 0, };

  g_return_if_fail (label->label_class < N_LABEL_CLASSES);

  label_job_init (&job, request);
  job.origin_x = 0;
  job.origin_y = 0;
  named.name = label->name;
  candidate.label = &named;
  candidate.label_class = label->label_class;
  candidate.cache_index = label->index;
  candidate.anchor_x = x;
  candidate.anchor_y = y;
  measure_candidate (&job, &candidate);
  cairo_save (cr);
  context = pango_cairo_create_context (cr);
  configure_context (context);
  draw_candidate (cr, context, &job, &candidate);
  g_object_unref (context);
  cairo_restore (cr);
  label_job_clear (&job);
}

/**
 * atlas_tile_labels_halo_reach:
 *
 * Returns: how far a label's halo and dot reach out of its box, in its pixels
 */
double
atlas_tile_labels_halo_reach (const AtlasTileLabelRequest *request)
{
  double text_scale = request->text_scale > 0 ? request->text_scale : 1.0;

  return HALO_WIDTH * text_scale + 2.0;
}
