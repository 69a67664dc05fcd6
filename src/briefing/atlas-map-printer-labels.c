/* atlas-map-printer-labels.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed map's labels: each placed where it neither covers another label or symbol
 * nor leaves the map, or left out. Places' names sit on white cards, which read over the
 * basemap's own labels; legs' labels have a halo. Text stays text in a PDF.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <math.h>

#include "atlas-map-printer-private.h"

#define FONT_FAMILY "Cantarell"

/* A label in the map's typeface, @size points. */
PangoLayout *
_atlas_map_printer_create_layout (cairo_t     *cr,
                                  const char  *text,
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
  /* Text from a case file is never markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static AtlasRouteLabelFlags
painter_flags (AtlasPrintLabelFlags flags)
{
  return ((flags & ATLAS_PRINT_LABEL_SMALL) ? ATLAS_ROUTE_LABEL_SMALL : 0)
         | ((flags & ATLAS_PRINT_LABEL_BOLD) ? ATLAS_ROUTE_LABEL_BOLD : 0)
         | ((flags & ATLAS_PRINT_LABEL_DIM) ? ATLAS_ROUTE_LABEL_DIM : 0);
}

/* Labels read as the window's do: the same typeface and weights, sized for paper. */
static PangoLayout *
create_label_layout (AtlasPrintLabels     *space,
                     cairo_t              *cr,
                     const char           *text,
                     AtlasPrintLabelFlags  flags)
{
  return atlas_route_painter_create_layout (&space->painter, cr, text, painter_flags (flags));
}

static gboolean
boxes_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
take_box (AtlasPrintLabels        *space,
          const cairo_rectangle_t *box)
{
  if (box->x < 2 || box->y < 2 || box->x + box->width > space->width - 2
      || box->y + box->height > space->height - 2)
    return FALSE;
  for (guint i = 0; i < space->boxes->len; i++)
    if (boxes_overlap (&g_array_index (space->boxes, cairo_rectangle_t, i), box))
      return FALSE;
  g_array_append_val (space->boxes, *box);
  return TRUE;
}

/* Two routes meeting at one place: the place is labelled once. Returns %FALSE when the
 * place at @x, @y already has its label. */
gboolean
_atlas_print_labels_take_place (AtlasPrintLabels *space,
                                double            x,
                                double            y)
{
  cairo_rectangle_t place = { x, y, 0, 0 };

  for (guint i = 0; i < space->labelled->len; i++)
    {
      cairo_rectangle_t *other = &g_array_index (space->labelled, cairo_rectangle_t, i);

      if (hypot (other->x - x, other->y - y) < 10)
        return FALSE;
    }
  g_array_append_val (space->labelled, place);
  return TRUE;
}

/* Dimmed labels are grey rather than translucent, so what lies under them stays hidden. */
static void
set_text_colour (cairo_t              *cr,
                 AtlasPrintLabelFlags  flags)
{
  if (flags & ATLAS_PRINT_LABEL_DIM)
    cairo_set_source_rgb (cr, 0.52, 0.52, 0.55);
  else
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.16);
}

/* A place's name on a white card: it reads over the basemap's own labels. */
static void
show_card_layout (cairo_t              *cr,
                  PangoLayout          *layout,
                  double                x,
                  double                y,
                  AtlasPrintLabelFlags  flags)
{
  PangoRectangle logical;
  double width, height, r = 2.5;

  pango_layout_get_extents (layout, NULL, &logical);
  width = logical.width / (double) PANGO_SCALE + 5;
  height = logical.height / (double) PANGO_SCALE + 1;
  cairo_new_sub_path (cr);
  cairo_arc (cr, x - 2.5 + width - r, y - 0.5 + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x - 2.5 + width - r, y - 0.5 + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x - 2.5 + r, y - 0.5 + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x - 2.5 + r, y - 0.5 + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, (flags & ATLAS_PRINT_LABEL_BOLD) ? 0.95 : 0.85);
  cairo_fill (cr);

  cairo_move_to (cr, x, y);
  set_text_colour (cr, flags);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
measure_label (PangoLayout       *layout,
               cairo_rectangle_t *box)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  box->width = logical.width / (double) PANGO_SCALE;
  box->height = logical.height / (double) PANGO_SCALE;
}

/* Draws a label centred at @x, @y, if it neither covers another nor leaves the map. */
gboolean
_atlas_print_labels_draw_centred (AtlasPrintLabels     *space,
                                  cairo_t              *cr,
                                  const char           *text,
                                  double                x,
                                  double                y,
                                  AtlasPrintLabelFlags  flags)
{
  g_autoptr(PangoLayout) layout = create_label_layout (space, cr, text, flags);
  cairo_rectangle_t box;

  measure_label (layout, &box);
  box.x = x - box.width / 2;
  box.y = y - box.height / 2;
  if (!take_box (space, &box))
    return FALSE;
  atlas_route_painter_show_layout (&space->painter, cr, layout, box.x, box.y,
                                   painter_flags (flags));
  return TRUE;
}

/* Labels a symbol of @radius at @x, @y: to its right if there is room, else to its left,
 * above or below it. */
gboolean
_atlas_print_labels_draw_beside (AtlasPrintLabels     *space,
                                 cairo_t              *cr,
                                 const char           *text,
                                 double                x,
                                 double                y,
                                 double                radius,
                                 AtlasPrintLabelFlags  flags)
{
  g_autoptr(PangoLayout) layout = create_label_layout (space, cr, text, flags);
  cairo_rectangle_t box, candidates[4];
  double gap = radius + 0.5;

  measure_label (layout, &box);
  box.width += 5;   /* the card's padding */
  candidates[0] = (cairo_rectangle_t) { x + gap, y - box.height / 2, box.width, box.height };
  candidates[1] = (cairo_rectangle_t) { x - gap - box.width, y - box.height / 2, box.width,
                                        box.height };
  candidates[2] = (cairo_rectangle_t) { x - box.width / 2, y - gap - box.height, box.width,
                                        box.height };
  candidates[3] = (cairo_rectangle_t) { x - box.width / 2, y + gap, box.width, box.height };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (take_box (space, &candidates[i]))
      {
        show_card_layout (cr, layout, candidates[i].x + 2.5, candidates[i].y, flags);
        return TRUE;
      }
  return FALSE;
}

static void
project_cb (gpointer  user_data,
            double    latitude,
            double    longitude,
            double   *x,
            double   *y)
{
  _atlas_print_view_project (user_data, latitude, longitude, x, y);
}

/* @view must outlive @labels: their painter projects with it. */
void
_atlas_print_labels_init (AtlasPrintLabels     *labels,
                          const AtlasPrintView *view)
{
  atlas_route_painter_init (&labels->painter, ATLAS_ROUTE_MEDIUM_PAPER, project_cb,
                            (gpointer) view);
  labels->boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  labels->labelled = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  labels->incidents = g_array_new (FALSE, FALSE, sizeof (AtlasPrintedIncident));
  labels->width = view->width;
  labels->height = view->height;
}

/* Keeps labels off @box, e.g. the legend. */
void
_atlas_print_labels_reserve (AtlasPrintLabels        *labels,
                             const cairo_rectangle_t *box)
{
  g_array_append_val (labels->boxes, *box);
}

void
_atlas_print_labels_clear (AtlasPrintLabels *labels)
{
  g_clear_pointer (&labels->boxes, g_array_unref);
  g_clear_pointer (&labels->labelled, g_array_unref);
  g_clear_pointer (&labels->incidents, g_array_unref);
}

/* Keeps labels off a symbol of @radius at @x, @y. */
void
_atlas_print_labels_reserve_symbol (AtlasPrintLabels *labels,
                                    double            x,
                                    double            y,
                                    double            radius)
{
  cairo_rectangle_t box = { x - radius, y - radius, 2 * radius, 2 * radius };

  g_array_append_val (labels->boxes, box);
}
