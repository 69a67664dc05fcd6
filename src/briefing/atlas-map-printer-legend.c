/* atlas-map-printer-legend.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a printed map carries besides the case: a scale bar in kilometres and miles, a
 * legend of only what this map shows, and the basemap's attribution. They are placed
 * before the labels, so no label hides under them.
 */

#define G_LOG_DOMAIN "atlas-briefing"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-basemap.h"
#include "atlas-map-printer-private.h"
#include "atlas-map-style.h"
#include "atlas-route-words.h"

#define MAP_INSET 7.0
#define EARTH_CIRCUMFERENCE_M 40075016.686
#define METRES_PER_MILE 1609.344
#define SCALE_BAR_HEIGHT 30.0
#define LEGEND_ROW 11.0
#define LEGEND_PADDING 7.0
#define LEGEND_TEXT 7.0
#define SAMPLE_WIDTH 20.0

#define INK_RGB 0.14, 0.14, 0.16

typedef struct {
  cairo_t *cr;
  double   x;
  double   y;
} LegendPen;

static double
metres_per_point (const AtlasPrintView *view)
{
  return EARTH_CIRCUMFERENCE_M * cos (view->latitude * G_PI / 180) / view->world;
}

/* 1, 2 or 5 times a power of ten, the largest not above @limit. */
static double
round_length (double limit)
{
  double power = pow (10, floor (log10 (limit)));

  if (5 * power <= limit)
    return 5 * power;
  if (2 * power <= limit)
    return 2 * power;
  return power;
}

static void
scale_bar_lengths (const AtlasPrintView *view,
                   double               *km,
                   double               *miles)
{
  double limit = MIN (view->width * 0.22, 120) * metres_per_point (view);

  *km = round_length (limit);
  *miles = round_length (limit / METRES_PER_MILE) * METRES_PER_MILE;
}

static char *
format_length (double   metres,
               gboolean imperial)
{
  if (imperial)
    return g_strdup_printf (_("%g mi"), metres / METRES_PER_MILE);
  if (metres >= 1000)
    return g_strdup_printf (_("%g km"), metres / 1000);
  return g_strdup_printf (_("%g m"), metres);
}

static double
text_width (cairo_t     *cr,
            const char  *text,
            double       size,
            PangoWeight  weight)
{
  g_autoptr(PangoLayout) layout = _atlas_map_printer_create_layout (cr, text, size, weight);
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

static void
place_scale_bar (cairo_t              *cr,
                 const AtlasPrintView *view,
                 cairo_rectangle_t    *box)
{
  double km, miles, width;
  g_autofree char *km_text = NULL;
  g_autofree char *miles_text = NULL;

  scale_bar_lengths (view, &km, &miles);
  km_text = format_length (km, FALSE);
  miles_text = format_length (miles, TRUE);
  width = MAX (km, miles) / metres_per_point (view);
  width = MAX (width, MAX (text_width (cr, km_text, 6.5, PANGO_WEIGHT_SEMIBOLD),
                           text_width (cr, miles_text, 6.5, PANGO_WEIGHT_SEMIBOLD)) + 3);
  *box = (cairo_rectangle_t) { MAP_INSET, view->height - MAP_INSET - SCALE_BAR_HEIGHT,
                               width + 12, SCALE_BAR_HEIGHT };
}

static void
place_attribution (cairo_t              *cr,
                   const AtlasPrintView *view,
                   cairo_rectangle_t    *box)
{
  double width = text_width (cr, atlas_basemap_get_attribution (), 5.5,
                             PANGO_WEIGHT_NORMAL) + 6;
  double height = 9;

  *box = (cairo_rectangle_t) { view->width - width, view->height - height, width, height };
}

/* The legend's rows: the category styles drawn, by their index in the printer. */
static GPtrArray *
legend_categories (AtlasMapPrinter        *self,
                   const AtlasPrintLegend *legend)
{
  GPtrArray *styles = g_ptr_array_new ();

  for (guint i = 0; self->categories != NULL && self->categories[i] != NULL && i < 32; i++)
    {
      const AtlasCategoryStyle *style = atlas_map_style_for_category (self->categories[i]);

      if ((legend->categories & (1u << i)) && !g_ptr_array_find (styles, style, NULL))
        g_ptr_array_add (styles, (gpointer) style);
    }
  return styles;
}

typedef enum {
  ROW_CATEGORY,
  ROW_ROUTE,
  ROW_ROUTE_SOURCING,   /* who gives the route above it, and how reliably */
  ROW_PATH_NOT_GIVEN,
  ROW_HALO,
} RowKind;

typedef struct {
  RowKind                   kind;
  const AtlasCategoryStyle *style;   /* of a category row */
  AtlasRouteSample          sample;  /* of a route row */
  char                     *text;
} LegendRow;

static void
legend_row_clear (LegendRow *row)
{
  g_free (row->text);
}

static void
add_legend_row (GArray                   *rows,
                RowKind                   kind,
                const AtlasCategoryStyle *style,
                AtlasRouteSample          sample,
                char                     *text)
{
  LegendRow row = { kind, style, sample, text };

  g_array_append_val (rows, row);
}

/* Each route in words: how it is sourced, then by whom and how reliably. */
static void
add_route_rows (AtlasMapPrinter        *self,
                const AtlasPrintLegend *legend,
                GArray                 *rows)
{
  for (guint i = 0; legend->routes != NULL && i < legend->routes->len; i++)
    {
      AtlasPrintedRoute *route = g_ptr_array_index (legend->routes, i);

      add_legend_row (rows, ROW_ROUTE, NULL,
                      atlas_route_sample_of (route->route),
                      atlas_route_words_status (route->route));
      add_legend_row (rows, ROW_ROUTE_SOURCING, NULL, 0,
                      atlas_route_words_sourcing (self->atlas_case, route->route));
    }
  if (legend->path_not_given != NULL)
    add_legend_row (rows, ROW_PATH_NOT_GIVEN, NULL,
                    ATLAS_ROUTE_SAMPLE_PATH_NOT_GIVEN
                    | atlas_route_sample_of (legend->path_not_given),
                    g_strdup (_("Path not given by any source")));
}

/* The legend's rows, in order: categories, routes, then how vague locations are drawn. */
static GArray *
legend_rows (AtlasMapPrinter        *self,
             const AtlasPrintLegend *legend)
{
  g_autoptr(GPtrArray) styles = legend_categories (self, legend);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (LegendRow));

  g_array_set_clear_func (rows, (GDestroyNotify) legend_row_clear);
  for (guint i = 0; i < styles->len; i++)
    {
      const AtlasCategoryStyle *style = g_ptr_array_index (styles, i);

      add_legend_row (rows, ROW_CATEGORY, style, 0,
                      g_strdup (atlas_map_style_get_label (style)));
    }
  add_route_rows (self, legend, rows);
  if (legend->halo)
    add_legend_row (rows, ROW_HALO, NULL, 0, g_strdup (_("Known only to a town or province")));
  return rows;
}

static double
row_text_size (const LegendRow *row)
{
  return row->kind == ROW_ROUTE_SOURCING ? LEGEND_TEXT - 0.8 : LEGEND_TEXT;
}

static void
place_legend (AtlasMapPrinter         *self,
              cairo_t                 *cr,
              const AtlasPrintLegend  *legend,
              const cairo_rectangle_t *attribution,
              cairo_rectangle_t       *box)
{
  g_autoptr(GArray) rows = legend_rows (self, legend);
  double width = text_width (cr, _("Legend"), LEGEND_TEXT, PANGO_WEIGHT_BOLD);
  double height;

  for (guint i = 0; i < rows->len; i++)
    {
      const LegendRow *row = &g_array_index (rows, LegendRow, i);

      width = MAX (width, SAMPLE_WIDTH + text_width (cr, row->text, row_text_size (row),
                                                     PANGO_WEIGHT_NORMAL));
    }

  width += 2 * LEGEND_PADDING;
  height = rows->len == 0 ? 0 : (rows->len + 1) * LEGEND_ROW + 1 + 2 * LEGEND_PADDING - 2;
  *box = (cairo_rectangle_t) { attribution->x + attribution->width - MAP_INSET - width,
                               attribution->y - MAP_INSET - height, width, height };
}

/**
 * _atlas_map_printer_place_furniture:
 * @legend: what the map has drawn
 * @furniture: (out): where the scale bar, the legend and the attribution go
 */
void
_atlas_map_printer_place_furniture (AtlasMapPrinter        *self,
                                    cairo_t                *cr,
                                    const AtlasPrintView   *view,
                                    const AtlasPrintLegend *legend,
                                    AtlasPrintFurniture    *furniture)
{
  place_scale_bar (cr, view, &furniture->scale_bar);
  place_attribution (cr, view, &furniture->attribution);
  place_legend (self, cr, legend, &furniture->attribution, &furniture->legend);
}

static void
draw_backdrop (cairo_t                 *cr,
               const cairo_rectangle_t *box)
{
  double r = 3, x = box->x, y = box->y, width = box->width, height = box->height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

/* One bar: a line with end ticks, up for kilometres, down for miles, labelled at its end. */
static void
draw_bar (cairo_t  *cr,
          double    x,
          double    y,
          double    length,
          double    metres,
          gboolean  imperial)
{
  g_autofree char *text = format_length (metres, imperial);
  g_autoptr(PangoLayout) layout = _atlas_map_printer_create_layout (cr, text, 6.5,
                                                                    PANGO_WEIGHT_SEMIBOLD);
  double tick = imperial ? 4 : -4;
  int height;

  cairo_move_to (cr, x, y + tick);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + length, y);
  cairo_line_to (cr, x + length, y + tick);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.22);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  pango_layout_get_size (layout, NULL, &height);
  show_text (cr, layout, x + 3, imperial ? y + 0.5 : y - 0.5 - height / (double) PANGO_SCALE);
}

static void
draw_scale_bar (cairo_t                 *cr,
                const AtlasPrintView    *view,
                const cairo_rectangle_t *box)
{
  double km, miles;

  scale_bar_lengths (view, &km, &miles);
  draw_backdrop (cr, box);
  draw_bar (cr, box->x + 6, box->y + box->height / 2, km / metres_per_point (view), km, FALSE);
  draw_bar (cr, box->x + 6, box->y + box->height / 2, miles / metres_per_point (view), miles,
            TRUE);
}

static void
draw_attribution (cairo_t                 *cr,
                  const cairo_rectangle_t *box)
{
  g_autoptr(PangoLayout) layout = _atlas_map_printer_create_layout (
    cr, atlas_basemap_get_attribution (), 5.5, PANGO_WEIGHT_NORMAL);

  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.32);
  show_text (cr, layout, box->x + 3, box->y + 1);
}

static void
legend_text (LegendPen   *pen,
             const char  *text,
             double       size,
             PangoWeight  weight,
             double       x)
{
  g_autoptr(PangoLayout) layout = _atlas_map_printer_create_layout (pen->cr, text, size, weight);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  cairo_set_source_rgb (pen->cr, INK_RGB);
  show_text (pen->cr, layout, x, pen->y + (LEGEND_ROW - height / (double) PANGO_SCALE) / 2);
  pen->y += LEGEND_ROW;
}

static void
legend_category_row (LegendPen                *pen,
                     const AtlasCategoryStyle *style)
{
  atlas_map_style_trace_symbol (pen->cr, style->symbol, pen->x + 8, pen->y + LEGEND_ROW / 2, 3.8);
  atlas_map_style_set_colour (pen->cr, style, 1);
  cairo_fill_preserve (pen->cr);
  cairo_set_source_rgb (pen->cr, 1, 1, 1);
  cairo_set_line_width (pen->cr, 1);
  cairo_stroke (pen->cr);
}

static void
legend_halo_sample (LegendPen *pen)
{
  cairo_arc (pen->cr, pen->x + 8, pen->y + LEGEND_ROW / 2, 4.5, 0, 2 * G_PI);
  cairo_set_source_rgba (pen->cr, INK_RGB, 0.25);
  cairo_fill (pen->cr);
}

static void
draw_row_sample (LegendPen       *pen,
                 const LegendRow *row)
{
  AtlasRoutePainter painter;

  atlas_route_painter_init (&painter, ATLAS_ROUTE_MEDIUM_PAPER, NULL, NULL);
  switch (row->kind)
    {
    case ROW_CATEGORY:
      legend_category_row (pen, row->style);
      break;
    case ROW_ROUTE:
    case ROW_PATH_NOT_GIVEN:
      atlas_route_painter_draw_sample (&painter, pen->cr, pen->x + 1, pen->y + LEGEND_ROW / 2,
                                       14, row->sample);
      break;
    case ROW_HALO:
      legend_halo_sample (pen);
      break;
    case ROW_ROUTE_SOURCING:
    default:
      break;
    }
}

static void
draw_legend (AtlasMapPrinter         *self,
             cairo_t                 *cr,
             const AtlasPrintLegend  *legend,
             const cairo_rectangle_t *box)
{
  g_autoptr(GArray) rows = legend_rows (self, legend);
  LegendPen pen = { cr, box->x + LEGEND_PADDING, box->y + LEGEND_PADDING - 1 };

  if (box->height <= 0)
    return;

  draw_backdrop (cr, box);
  legend_text (&pen, _("Legend"), LEGEND_TEXT, PANGO_WEIGHT_BOLD, pen.x);
  pen.y += 1;
  for (guint i = 0; i < rows->len; i++)
    {
      const LegendRow *row = &g_array_index (rows, LegendRow, i);

      draw_row_sample (&pen, row);
      legend_text (&pen, row->text, row_text_size (row), PANGO_WEIGHT_NORMAL,
                   pen.x + SAMPLE_WIDTH);
    }
}

void
_atlas_map_printer_draw_furniture (AtlasMapPrinter           *self,
                                   cairo_t                   *cr,
                                   const AtlasPrintView      *view,
                                   const AtlasPrintLegend    *legend,
                                   const AtlasPrintFurniture *furniture)
{
  draw_scale_bar (cr, view, &furniture->scale_bar);
  draw_attribution (cr, &furniture->attribution);
  draw_legend (self, cr, legend, &furniture->legend);
}
