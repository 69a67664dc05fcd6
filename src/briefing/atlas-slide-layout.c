/* atlas-slide-layout.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page around a printed map: a header with the title and where the step stands in the
 * briefing, the caption in large type beside the map, the sources as numbered footnotes,
 * and a footer. Type and spacing grow with the page, so a 16:9 slide reads like an A4
 * one; long text wraps, shrinks, and at worst is cut with an ellipsis, never past the page.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-slide-layout.h"

#define FONT_FAMILY "Cantarell"
/* The short side of an A4 page, where one unit is one point. */
#define REFERENCE_SIZE 595.0
#define MAX_CAPTION_SIZE 17.0
#define COMFORTABLE_CAPTION_SIZE 14.0
#define MIN_CAPTION_SIZE 11.0
/* Pango's "no limit" for an ellipsized layout's height, in Pango units. */
#define UNLIMITED_HEIGHT (1 << 28)

#define TEXT_RGB 0.12, 0.12, 0.14
#define DIM_RGB 0.37, 0.36, 0.39
#define ACCENT_RGB 0.11, 0.44, 0.85
#define RULE_RGB 0.87, 0.87, 0.86

typedef struct {
  double            unit;
  double            margin;
  double            header_y;
  double            progress_y;
  double            footer_y;
  cairo_rectangle_t body;
  cairo_rectangle_t map;
  cairo_rectangle_t text;   /* the panel beside the map, or the strip under it */
} Geometry;

static PangoLayout *
create_text (cairo_t     *cr,
             const char  *text,
             double       size,
             PangoWeight  weight,
             double       width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  /* Whole-point glyph positions would space small print unevenly on paper. */
  pango_context_set_round_glyph_positions (pango_layout_get_context (layout), FALSE);

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  /* whole words only: a hyphen inserted by the layout would also break text search */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, UNLIMITED_HEIGHT);
  if (width > 0)
    pango_layout_set_width (layout, width * PANGO_SCALE);
  /* Text from a case file is never markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return height / (double) PANGO_SCALE;
}

static double
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return width / (double) PANGO_SCALE;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static PangoLayout *
create_notes_title (const AtlasSlide *slide,
                    cairo_t          *cr,
                    const Geometry   *g)
{
  g_autofree char *title = g_utf8_strup (slide->notes_title, -1);
  PangoLayout *layout = create_text (cr, title, 7.5 * g->unit, PANGO_WEIGHT_BOLD, -1);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_copy (pango_layout_get_attributes (layout));

  pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (0.8 * g->unit * PANGO_SCALE));
  pango_layout_set_attributes (layout, attributes);
  return layout;
}

static double
strip_height (const AtlasSlide *slide,
              cairo_t          *cr,
              const Geometry   *g)
{
  g_autoptr(PangoLayout) title = create_notes_title (slide, cr, g);
  double notes = atlas_footnote_list_measure (slide->notes, cr, g->body.width,
                                              ATLAS_FOOTNOTE_TYPE_LARGE);
  double wanted = text_height (title) + 6 * g->unit + MAX (notes, 14 * g->unit);

  return MIN (wanted, g->body.height * 0.34);
}

static void
place_panel (Geometry *g)
{
  const cairo_rectangle_t *body = &g->body;
  double gap = 22 * g->unit;

  if (body->width >= body->height * 1.15)
    {
      double map_width = round ((body->width - gap) * 0.6);

      g->map = (cairo_rectangle_t) { body->x, body->y, map_width, body->height };
      g->text = (cairo_rectangle_t) { body->x + map_width + gap, body->y,
                                      body->width - map_width - gap, body->height };
    }
  else
    {
      double map_height = round ((body->height - gap) * 0.5);

      g->map = (cairo_rectangle_t) { body->x, body->y, body->width, map_height };
      g->text = (cairo_rectangle_t) { body->x, body->y + map_height + gap,
                                      body->width, body->height - map_height - gap };
    }
}

static void
place_strip (const AtlasSlide *slide,
             cairo_t          *cr,
             Geometry         *g)
{
  const cairo_rectangle_t *body = &g->body;
  double gap = 14 * g->unit;
  double strip;

  atlas_footnote_list_set_columns (slide->notes, body->width >= body->height ? 3 : 2);
  atlas_footnote_list_set_scale (slide->notes, g->unit);
  strip = strip_height (slide, cr, g);
  g->map = (cairo_rectangle_t) { body->x, body->y, body->width, body->height - strip - gap };
  g->text = (cairo_rectangle_t) { body->x, body->y + body->height - strip, body->width, strip };
}

static void
compute_geometry (const AtlasSlide *slide,
                  cairo_t          *cr,
                  double            width,
                  double            height,
                  Geometry         *g)
{
  double top, bottom;

  g->unit = atlas_slide_get_unit (width, height);
  g->margin = 28 * g->unit;
  g->header_y = g->margin;
  g->progress_y = g->header_y + 20 * g->unit;
  top = g->progress_y + (slide->n_steps > 0 ? 3 : 0) * g->unit + 14 * g->unit;
  g->footer_y = height - g->margin * 0.75 - 9 * g->unit;
  bottom = g->footer_y - 12 * g->unit;
  g->body = (cairo_rectangle_t) { g->margin, top, width - 2 * g->margin, MAX (bottom - top, 1) };

  if (slide->kind == ATLAS_SLIDE_STRIP)
    place_strip (slide, cr, g);
  else
    place_panel (g);
}

/**
 * atlas_slide_get_unit:
 *
 * Returns: how much larger than on an A4 page type and spacing are on a page of
 *   @width × @height points
 */
double
atlas_slide_get_unit (double width,
                      double height)
{
  return MIN (width, height) / REFERENCE_SIZE;
}

/**
 * atlas_slide_get_map_area:
 * @area: (out): where on the page the map goes, points
 */
void
atlas_slide_get_map_area (const AtlasSlide  *slide,
                          cairo_t           *cr,
                          double             width,
                          double             height,
                          cairo_rectangle_t *area)
{
  Geometry g;

  g_return_if_fail (slide != NULL && cr != NULL && area != NULL);

  compute_geometry (slide, cr, width, height, &g);
  *area = g.map;
}

static void
draw_progress (const AtlasSlide *slide,
               cairo_t          *cr,
               const Geometry   *g)
{
  double gap = 2 * g->unit;
  double segment = (g->body.width - (slide->n_steps - 1) * gap) / slide->n_steps;

  for (guint i = 0; i < slide->n_steps; i++)
    {
      cairo_rectangle (cr, g->body.x + i * (segment + gap), g->progress_y, segment, 3 * g->unit);
      if (i < slide->step)
        cairo_set_source_rgb (cr, ACCENT_RGB);
      else
        cairo_set_source_rgb (cr, RULE_RGB);
      cairo_fill (cr);
    }
}

static void
draw_header (const AtlasSlide *slide,
             cairo_t          *cr,
             const Geometry   *g)
{
  g_autoptr(PangoLayout) counter = NULL;
  g_autoptr(PangoLayout) title = NULL;
  double counter_width = 0;

  if (slide->counter != NULL)
    {
      counter = create_text (cr, slide->counter, 10 * g->unit, PANGO_WEIGHT_SEMIBOLD, -1);
      counter_width = text_width (counter);
      cairo_set_source_rgb (cr, DIM_RGB);
      show_text (cr, counter, g->body.x + g->body.width - counter_width, g->header_y);
    }

  title = create_text (cr, slide->title, 12 * g->unit, PANGO_WEIGHT_BOLD,
                       g->body.width - counter_width - 20 * g->unit);
  pango_layout_set_height (title, -1);
  cairo_set_source_rgb (cr, TEXT_RGB);
  show_text (cr, title, g->body.x, g->header_y - 1.5 * g->unit);

  if (slide->n_steps > 0)
    draw_progress (slide, cr, g);
  else
    {
      cairo_rectangle (cr, g->body.x, g->progress_y, g->body.width, 0.75 * g->unit);
      cairo_set_source_rgb (cr, RULE_RGB);
      cairo_fill (cr);
    }
}

static void
draw_footer (const AtlasSlide *slide,
             cairo_t          *cr,
             const Geometry   *g)
{
  double half = g->body.width / 2 - 10 * g->unit;

  cairo_set_source_rgb (cr, DIM_RGB);
  if (slide->footer_start != NULL)
    {
      g_autoptr(PangoLayout) start = create_text (cr, slide->footer_start, 7.5 * g->unit,
                                                  PANGO_WEIGHT_NORMAL, half);

      pango_layout_set_height (start, -1);
      show_text (cr, start, g->body.x, g->footer_y);
    }
  if (slide->footer_end != NULL)
    {
      g_autoptr(PangoLayout) end = create_text (cr, slide->footer_end, 7.5 * g->unit,
                                                PANGO_WEIGHT_NORMAL, -1);

      pango_layout_set_width (end, half * PANGO_SCALE);
      pango_layout_set_height (end, -1);
      pango_layout_set_alignment (end, PANGO_ALIGN_RIGHT);
      show_text (cr, end, g->body.x + g->body.width - half, g->footer_y);
    }
}

static PangoLayout *
create_kicker (const AtlasSlide *slide,
               cairo_t          *cr,
               const Geometry   *g)
{
  g_autofree char *kicker = g_utf8_strup (slide->kicker, -1);
  PangoLayout *layout = create_text (cr, kicker, 8 * g->unit, PANGO_WEIGHT_BOLD, g->text.width);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_copy (pango_layout_get_attributes (layout));

  pango_attr_list_insert (attributes, pango_attr_letter_spacing_new (0.7 * g->unit * PANGO_SCALE));
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_height (layout, -2);
  return layout;
}

static PangoLayout *
create_caption_at (const AtlasSlide *slide,
                   cairo_t          *cr,
                   const Geometry   *g,
                   double            size)
{
  PangoLayout *layout = create_text (cr, slide->caption, size * g->unit, PANGO_WEIGHT_NORMAL,
                                     g->text.width);

  pango_layout_set_line_spacing (layout, 1.18);
  return layout;
}

/* The caption in the largest type that leaves the notes room at a comfortable size; failing
 * that, in the largest type that fits in @share of @room, cut at the smallest. */
static PangoLayout *
create_caption (const AtlasSlide *slide,
                cairo_t          *cr,
                const Geometry   *g,
                double            room,
                double            share)
{
  double notes = 30 * g->unit + atlas_footnote_list_measure (slide->notes, cr, g->text.width,
                                                             ATLAS_FOOTNOTE_TYPE_MEDIUM);
  PangoLayout *layout = NULL;

  for (double size = MAX_CAPTION_SIZE; size >= COMFORTABLE_CAPTION_SIZE; size -= 1)
    {
      g_clear_object (&layout);
      layout = create_caption_at (slide, cr, g, size);
      if (text_height (layout) + notes <= room)
        return layout;
    }
  for (double size = MAX_CAPTION_SIZE; size >= MIN_CAPTION_SIZE; size -= 1)
    {
      g_clear_object (&layout);
      layout = create_caption_at (slide, cr, g, size);
      if (text_height (layout) <= room * share)
        return layout;
    }
  pango_layout_set_height (layout, MAX (room * share, 1) * PANGO_SCALE);
  return layout;
}

/* The notes, under a rule and their title, in what is left of the box below @y. */
static void
draw_notes (const AtlasSlide        *slide,
            cairo_t                 *cr,
            const Geometry          *g,
            const cairo_rectangle_t *box,
            double                   y)
{
  g_autoptr(PangoLayout) title = create_notes_title (slide, cr, g);
  double bottom = box->y + box->height;

  if (y + text_height (title) > bottom)
    return;

  cairo_set_source_rgb (cr, DIM_RGB);
  show_text (cr, title, box->x, y);
  y += text_height (title) + 6 * g->unit;

  if (atlas_footnote_list_get_n_items (slide->notes) == 0 && slide->no_notes != NULL)
    {
      g_autoptr(PangoLayout) none = create_text (cr, slide->no_notes, 8.5 * g->unit,
                                                 PANGO_WEIGHT_NORMAL, box->width);

      pango_layout_set_height (none, MAX (bottom - y, 0) * PANGO_SCALE);
      show_text (cr, none, box->x, y);
      return;
    }

  cairo_save (cr);
  cairo_translate (cr, box->x, y);
  atlas_footnote_list_draw (slide->notes, cr, box->width, MAX (bottom - y, 0));
  cairo_restore (cr);
}

static double
draw_kicker_and_heading (const AtlasSlide *slide,
                         cairo_t          *cr,
                         const Geometry   *g)
{
  double y = g->text.y - 2 * g->unit;

  if (slide->kicker != NULL)
    {
      g_autoptr(PangoLayout) kicker = create_kicker (slide, cr, g);

      cairo_set_source_rgb (cr, ACCENT_RGB);
      show_text (cr, kicker, g->text.x, y);
      y += text_height (kicker) + 4 * g->unit;
    }
  if (slide->heading != NULL)
    {
      g_autoptr(PangoLayout) heading = create_text (cr, slide->heading, 14 * g->unit,
                                                    PANGO_WEIGHT_BOLD, g->text.width);

      pango_layout_set_height (heading, -3);
      cairo_set_source_rgb (cr, TEXT_RGB);
      show_text (cr, heading, g->text.x, y);
      y += text_height (heading) + 10 * g->unit;
    }
  return y;
}

static void
draw_panel (const AtlasSlide *slide,
            cairo_t          *cr,
            const Geometry   *g)
{
  double bottom = g->text.y + g->text.height;
  double y = draw_kicker_and_heading (slide, cr, g);

  atlas_footnote_list_set_columns (slide->notes, 1);
  atlas_footnote_list_set_scale (slide->notes, g->unit);

  if (slide->caption != NULL)
    {
      g_autoptr(PangoLayout) caption = create_caption (slide, cr, g, bottom - y, 0.55);

      cairo_set_source_rgb (cr, TEXT_RGB);
      show_text (cr, caption, g->text.x, y);
      y += text_height (caption) + 14 * g->unit;
    }

  cairo_rectangle (cr, g->text.x, y, 28 * g->unit, 2 * g->unit);
  cairo_set_source_rgb (cr, ACCENT_RGB);
  cairo_fill (cr);
  draw_notes (slide, cr, g, &g->text, y + 10 * g->unit);
}

/**
 * atlas_slide_draw:
 * @width: the page's width, points
 * @height: the page's height, points
 *
 * Draws everything on the page but the map, which goes in atlas_slide_get_map_area().
 */
void
atlas_slide_draw (const AtlasSlide *slide,
                  cairo_t          *cr,
                  double            width,
                  double            height)
{
  Geometry g;

  g_return_if_fail (slide != NULL && cr != NULL);
  g_return_if_fail (slide->title != NULL && slide->notes_title != NULL);
  g_return_if_fail (ATLAS_IS_FOOTNOTE_LIST (slide->notes));

  compute_geometry (slide, cr, width, height, &g);
  cairo_save (cr);
  draw_header (slide, cr, &g);
  if (slide->kind == ATLAS_SLIDE_STRIP)
    draw_notes (slide, cr, &g, &g.text, g.text.y);
  else
    draw_panel (slide, cr, &g);
  draw_footer (slide, cr, &g);
  cairo_restore (cr);
}
