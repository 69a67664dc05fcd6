/* atlas-footnote-list.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbered footnotes (what a claim says, then where it comes from) laid out in a box of a
 * page, in one or more columns. What does not fit at the largest type goes smaller; what
 * still does not fit ends with "and N more sources". Nothing is ever drawn outside the box.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-footnote-list.h"

#define FONT_FAMILY "Cantarell"
#define COLUMN_GAP 14.0
/* No single note may take more than this many lines for its text and for its source. */
#define MAX_LINES 3

typedef struct {
  char *text;
  char *source;
} Footnote;

typedef struct {
  double   text_size;
  double   source_size;
  double   gap;
  gboolean compact;   /* text and source run on in one paragraph */
} NoteStyle;

/* From the largest type to the smallest that still reads on paper, by AtlasFootnoteType. */
static const NoteStyle styles[] = {
  { 9.0, 7.8, 5.0, FALSE },
  { 8.0, 7.0, 3.5, FALSE },
  { 7.2, 6.4, 2.5, TRUE },
  { 6.4, 6.0, 1.5, TRUE },
};

typedef struct {
  PangoLayout *number;
  PangoLayout *body;
  double       x;
  double       y;    /* where its ink may start; its layouts go lower by -top */
  double       top;
} PlacedNote;

struct _AtlasFootnoteList
{
  GObject  parent_instance;

  GArray  *notes;       /* Footnote */
  guint    n_columns;
  double   scale;
};

G_DEFINE_FINAL_TYPE (AtlasFootnoteList, atlas_footnote_list, G_TYPE_OBJECT)

static void
footnote_clear (Footnote *note)
{
  g_free (note->text);
  g_free (note->source);
}

static void
placed_note_free (PlacedNote *placed)
{
  g_clear_object (&placed->number);
  g_clear_object (&placed->body);
  g_free (placed);
}

static PangoLayout *
create_layout (cairo_t     *cr,
               double       size,
               PangoWeight  weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  /* Whole-point glyph positions would space small print unevenly on paper. */
  pango_context_set_round_glyph_positions (pango_layout_get_context (layout), FALSE);

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  return layout;
}

static void
add_source_attributes (PangoAttrList *attributes,
                       guint          start,
                       guint          end,
                       double         size)
{
  PangoAttribute *attribute;

  attribute = pango_attr_foreground_new (0.37 * 65535, 0.36 * 65535, 0.39 * 65535);
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attributes, attribute);
  attribute = pango_attr_size_new_absolute (size * PANGO_SCALE);
  attribute->start_index = start;
  attribute->end_index = end;
  pango_attr_list_insert (attributes, attribute);
}

/* Glyphs may reach past a layout's logical box: a font's side bearings, a wide last glyph.
 * Pango wraps by the logical box, so with another font than ours (fonts-urw-base35 standing
 * in for Cantarell) a line's ink stood 0.5 pt past its column. The layout is narrowed by
 * what spills until its ink is inside @width too. */
static void
fit_ink_to_width (PangoLayout *layout,
                  double       width)
{
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      PangoRectangle ink;
      double spill;

      pango_layout_get_extents (layout, &ink, NULL);
      spill = (ink.x + ink.width) / (double) PANGO_SCALE - width;
      if (spill <= 0)
        return;
      pango_layout_set_width (layout, pango_layout_get_width (layout)
                                      - (int) ceil ((spill + 0.25) * PANGO_SCALE));
    }
}

/* The text, then its source in smaller grey type: on the next line, or run on. */
static PangoLayout *
create_body (AtlasFootnoteList *self,
             cairo_t           *cr,
             const Footnote    *note,
             const NoteStyle   *style,
             double             width)
{
  PangoLayout *layout = create_layout (cr, style->text_size * self->scale, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autofree char *text = NULL;
  guint source_start;

  text = g_strconcat (note->text, style->compact ? " — " : "\n", note->source, NULL);
  source_start = strlen (note->text) + (style->compact ? strlen (" — ") : 1);
  add_source_attributes (attributes, source_start, strlen (text),
                         style->source_size * self->scale);
  /* hyphens would split words a reader (and pdftotext) expects whole */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));

  /* Text from a case file is never markup. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -MAX_LINES);
  fit_ink_to_width (layout, width);
  return layout;
}

static PangoLayout *
create_number (AtlasFootnoteList *self,
               cairo_t           *cr,
               guint              number,
               const NoteStyle   *style)
{
  PangoLayout *layout = create_layout (cr, style->text_size * self->scale, PANGO_WEIGHT_BOLD);
  g_autofree char *text = g_strdup_printf ("%u", number);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* How far above its logical top a layout's ink reaches (a font's tall accents), as a
 * negative offset; 0 when it does not. */
static double
layout_top (PangoLayout *layout)
{
  PangoRectangle ink;

  pango_layout_get_extents (layout, &ink, NULL);
  return MIN (ink.y, 0) / (double) PANGO_SCALE;
}

/* From the highest to the lowest of its logical box and its ink, which a font's ascenders
 * and descenders may take past it. */
static double
layout_height (PangoLayout *layout)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (layout, &ink, &logical);
  return MAX (logical.y + logical.height, ink.y + ink.height) / (double) PANGO_SCALE
         - layout_top (layout);
}

static double
number_width (AtlasFootnoteList *self,
              const NoteStyle   *style)
{
  return style->text_size * self->scale * 1.9;
}

static double
column_width (AtlasFootnoteList *self,
              double             width)
{
  return (width - (self->n_columns - 1) * COLUMN_GAP * self->scale) / self->n_columns;
}

/* Lays out the notes in columns, greedily, leaving @reserve free at the foot of the last
 * column. Returns how many fit. */
static guint
place_notes (AtlasFootnoteList *self,
             cairo_t           *cr,
             const NoteStyle   *style,
             double             width,
             double             height,
             double             reserve,
             GPtrArray         *placed)
{
  double column = column_width (self, width);
  double body_width = column - number_width (self, style);
  double x = 0, y = 0;
  guint col = 0;

  for (guint i = 0; i < self->notes->len; i++)
    {
      PlacedNote *note = g_new0 (PlacedNote, 1);
      double limit = col + 1 == self->n_columns ? height - reserve : height;
      double note_height;

      note->body = create_body (self, cr, &g_array_index (self->notes, Footnote, i), style,
                                body_width);
      note->number = create_number (self, cr, i + 1, style);
      note->top = MIN (layout_top (note->body), layout_top (note->number));
      note_height = layout_height (note->body) + layout_top (note->body) - note->top;

      if (y > 0 && y + note_height > limit && col + 1 < self->n_columns)
        {
          col++;
          x += column + COLUMN_GAP * self->scale;
          y = 0;
          limit = col + 1 == self->n_columns ? height - reserve : height;
        }
      if (y + note_height > limit)
        {
          placed_note_free (note);
          return placed->len;
        }
      note->x = x;
      note->y = y;
      g_ptr_array_add (placed, note);
      y += note_height + style->gap * self->scale;
    }
  return placed->len;
}

static void
draw_note (AtlasFootnoteList *self,
           cairo_t           *cr,
           const NoteStyle   *style,
           PlacedNote        *note)
{
  int number_width_units;

  pango_layout_get_size (note->number, &number_width_units, NULL);
  cairo_move_to (cr, note->x + number_width (self, style) - 4 * self->scale
                     - number_width_units / (double) PANGO_SCALE, note->y - note->top);
  cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  pango_cairo_show_layout (cr, note->number);

  cairo_move_to (cr, note->x + number_width (self, style), note->y - note->top);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);
  pango_cairo_show_layout (cr, note->body);
}

static PangoLayout *
create_more_line (AtlasFootnoteList *self,
                  cairo_t           *cr,
                  guint              n_more,
                  double             width)
{
  const NoteStyle *style = &styles[G_N_ELEMENTS (styles) - 1];
  PangoLayout *layout = create_layout (cr, style->text_size * self->scale, PANGO_WEIGHT_SEMIBOLD);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more source",
                                       "… and %u more sources", n_more), n_more);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  fit_ink_to_width (layout, width);
  return layout;
}

/* Where the "and N more" line goes: after the last note shown, or atop the next column. */
static void
draw_more_line (AtlasFootnoteList *self,
                cairo_t           *cr,
                GPtrArray         *placed,
                guint              n_more,
                double             width,
                double             height)
{
  const NoteStyle *style = &styles[G_N_ELEMENTS (styles) - 1];
  double column = column_width (self, width);
  g_autoptr(PangoLayout) layout = create_more_line (self, cr, n_more,
                                                    column - number_width (self, style));
  double x = 0, y = 0;

  if (placed->len > 0)
    {
      PlacedNote *last = g_ptr_array_index (placed, placed->len - 1);

      x = last->x;
      y = last->y + layout_height (last->body) + layout_top (last->body) - last->top
          + style->gap * self->scale;
      if (y + layout_height (layout) > height)
        x += column + COLUMN_GAP * self->scale, y = 0;
    }
  cairo_move_to (cr, x + number_width (self, style), y - layout_top (layout));
  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  pango_cairo_show_layout (cr, layout);
}

static void
atlas_footnote_list_finalize (GObject *object)
{
  AtlasFootnoteList *self = ATLAS_FOOTNOTE_LIST (object);

  g_clear_pointer (&self->notes, g_array_unref);

  G_OBJECT_CLASS (atlas_footnote_list_parent_class)->finalize (object);
}

static void
atlas_footnote_list_class_init (AtlasFootnoteListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_footnote_list_finalize;
}

static void
atlas_footnote_list_init (AtlasFootnoteList *self)
{
  self->notes = g_array_new (FALSE, TRUE, sizeof (Footnote));
  g_array_set_clear_func (self->notes, (GDestroyNotify) footnote_clear);
  self->n_columns = 1;
  self->scale = 1;
}

AtlasFootnoteList *
atlas_footnote_list_new (void)
{
  return g_object_new (ATLAS_TYPE_FOOTNOTE_LIST, NULL);
}

/**
 * atlas_footnote_list_add:
 * @text: what is cited, e.g. "Deaths: 84"
 * @source: where it comes from, e.g. "NewsNation, 4 January 2024 · attributed to …"
 *
 * Adds a note numbered after the ones before it. Both texts are plain text, never markup.
 */
void
atlas_footnote_list_add (AtlasFootnoteList *self,
                         const char        *text,
                         const char        *source)
{
  Footnote note;

  g_return_if_fail (ATLAS_IS_FOOTNOTE_LIST (self));
  g_return_if_fail (text != NULL && source != NULL);

  note.text = g_utf8_make_valid (text, -1);
  note.source = g_utf8_make_valid (source, -1);
  g_array_append_val (self->notes, note);
}

guint
atlas_footnote_list_get_n_items (AtlasFootnoteList *self)
{
  g_return_val_if_fail (ATLAS_IS_FOOTNOTE_LIST (self), 0);

  return self->notes->len;
}

/**
 * atlas_footnote_list_set_columns:
 * @n_columns: how many columns the notes flow through, 1 by default
 */
void
atlas_footnote_list_set_columns (AtlasFootnoteList *self,
                                 guint              n_columns)
{
  g_return_if_fail (ATLAS_IS_FOOTNOTE_LIST (self));
  g_return_if_fail (n_columns >= 1);

  self->n_columns = n_columns;
}

/**
 * atlas_footnote_list_set_scale:
 * @scale: how much larger than on an A4 page the type is; 1 by default
 */
void
atlas_footnote_list_set_scale (AtlasFootnoteList *self,
                               double             scale)
{
  g_return_if_fail (ATLAS_IS_FOOTNOTE_LIST (self));
  g_return_if_fail (scale > 0);

  self->scale = scale;
}

/**
 * atlas_footnote_list_measure:
 * @width: the width of the box, points
 * @type: the size of type to measure at
 *
 * Returns: about how tall a box of @width must be to show every note at @type
 */
double
atlas_footnote_list_measure (AtlasFootnoteList *self,
                             cairo_t           *cr,
                             double             width,
                             AtlasFootnoteType  type)
{
  const NoteStyle *style;
  double body_width, total = 0, tallest = 0;

  g_return_val_if_fail (ATLAS_IS_FOOTNOTE_LIST (self), 0);
  g_return_val_if_fail (type < G_N_ELEMENTS (styles), 0);

  style = &styles[type];
  body_width = column_width (self, width) - number_width (self, style);
  for (guint i = 0; i < self->notes->len; i++)
    {
      const Footnote *note = &g_array_index (self->notes, Footnote, i);
      g_autoptr(PangoLayout) body = create_body (self, cr, note, style, body_width);
      double height = layout_height (body) + style->gap * self->scale;

      total += height;
      tallest = MAX (tallest, height);
    }
  return self->notes->len == 0 ? 0 : total / self->n_columns + (self->n_columns > 1 ? tallest : 0);
}

/**
 * atlas_footnote_list_draw:
 * @cr: where to draw; the box's top-left corner is at the current origin
 * @width: the box's width, points
 * @height: the box's height, points
 *
 * Draws the notes at the largest type at which they all fit; when none does, as many as
 * fit at the smallest, then a line saying how many more there are.
 *
 * Returns: how many notes were drawn
 */
guint
atlas_footnote_list_draw (AtlasFootnoteList *self,
                          cairo_t           *cr,
                          double             width,
                          double             height)
{
  g_autoptr(GPtrArray) placed = g_ptr_array_new_with_free_func ((GDestroyNotify) placed_note_free);
  const NoteStyle *style = NULL;
  double reserve = 0;
  guint n_shown = 0;

  g_return_val_if_fail (ATLAS_IS_FOOTNOTE_LIST (self), 0);

  for (guint s = 0; s < G_N_ELEMENTS (styles) && n_shown < self->notes->len; s++)
    {
      style = &styles[s];
      g_ptr_array_set_size (placed, 0);
      n_shown = place_notes (self, cr, style, width, height, 0, placed);
    }

  if (n_shown < self->notes->len)
    {
      g_autoptr(PangoLayout) more = create_more_line (self, cr, self->notes->len, width);

      reserve = layout_height (more) + style->gap * self->scale;
      g_ptr_array_set_size (placed, 0);
      n_shown = place_notes (self, cr, style, width, height, reserve, placed);
    }

  cairo_save (cr);
  for (guint i = 0; i < placed->len; i++)
    draw_note (self, cr, style, g_ptr_array_index (placed, i));
  if (n_shown < self->notes->len && height >= reserve)
    draw_more_line (self, cr, placed, self->notes->len - n_shown, width, height);
  cairo_restore (cr);
  return n_shown;
}
