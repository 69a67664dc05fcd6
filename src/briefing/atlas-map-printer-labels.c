/* atlas-map-printer-labels.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed map's labels, placed as the window's are (atlas-label-space): each where it
 * neither covers another label or symbol nor leaves the map, or left out. Places' names sit
 * on cards, which read over the basemap's own labels; legs' labels have a halo. Text stays
 * text in a PDF.
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

/* Two routes meeting at one place: the place is labelled once. Returns %FALSE when the
 * place at @x, @y already has its label. */
gboolean
_atlas_print_labels_take_place (AtlasPrintLabels *labels,
                                double            x,
                                double            y)
{
  return atlas_label_space_take_place (&labels->space, x, y);
}

/* Draws a label centred at @x, @y, if it neither covers another nor leaves the map. */
gboolean
_atlas_print_labels_draw_centred (AtlasPrintLabels     *labels,
                                  cairo_t              *cr,
                                  const char           *text,
                                  double                x,
                                  double                y,
                                  AtlasPrintLabelFlags  flags)
{
  return atlas_label_space_draw_centred (&labels->space, cr, text, x, y, painter_flags (flags));
}

/* Labels a symbol of @radius at @x, @y: to its right if there is room, else to its left,
 * above or below it, on a card. */
gboolean
_atlas_print_labels_draw_beside (AtlasPrintLabels     *labels,
                                 cairo_t              *cr,
                                 const char           *text,
                                 double                x,
                                 double                y,
                                 double                radius,
                                 AtlasPrintLabelFlags  flags)
{
  return atlas_label_space_draw_beside (&labels->space, cr, text, x, y, radius,
                                        painter_flags (flags));
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
  atlas_label_space_init (&labels->space, &labels->painter, view->width, view->height);
  labels->incidents = g_array_new (FALSE, FALSE, sizeof (AtlasPrintedIncident));
}

/* Keeps labels off @box, e.g. the legend. */
void
_atlas_print_labels_reserve (AtlasPrintLabels        *labels,
                             const cairo_rectangle_t *box)
{
  atlas_label_space_reserve (&labels->space, box);
}

void
_atlas_print_labels_clear (AtlasPrintLabels *labels)
{
  atlas_label_space_clear (&labels->space);
  g_clear_pointer (&labels->incidents, g_array_unref);
}

/* Keeps labels off a symbol of @radius at @x, @y. */
void
_atlas_print_labels_reserve_symbol (AtlasPrintLabels *labels,
                                    double            x,
                                    double            y,
                                    double            radius)
{
  atlas_label_space_reserve_symbol (&labels->space, x, y, radius);
}
