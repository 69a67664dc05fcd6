/* atlas-map-style.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map's layers and the printed page share: colours and category symbols, so the
 * routes, incidents and legends speak one visual language on screen and on paper. Category
 * colours are the Okabe–Ito palette, distinguishable with every common colour-vision
 * deficiency, and each category also has its own shape so colour is never the only cue.
 * Categories a case brings of its own (ACLED's event types, say) get styles of their own
 * too, in the order they are first asked for.
 */

#include "config.h"

#include <math.h>

#include "atlas-filter-words.h"
#include "atlas-map-style.h"

#define RGBA(r, g, b) { (r) / 255.0, (g) / 255.0, (b) / 255.0 }

static const AtlasCategoryStyle categories[] = {
  /* named by atlas_filter_words_category(), as in the filter */
  { "bombing", NULL, RGBA (213, 94, 0), ATLAS_MAP_SYMBOL_STAR },
  { "armed-assault", NULL, RGBA (204, 121, 167), ATLAS_MAP_SYMBOL_DIAMOND },
  { "arrest", NULL, RGBA (0, 114, 178), ATLAS_MAP_SYMBOL_SQUARE },
  { "claim", NULL, RGBA (0, 158, 115), ATLAS_MAP_SYMBOL_TRIANGLE },
  { "other", NULL, RGBA (119, 119, 119), ATLAS_MAP_SYMBOL_CIRCLE },
};

/* For a case's own categories: Paul Tol's muted scheme, also safe for colour-vision
 * deficiencies, each colour with its own shape. */
static const struct {
  AtlasColour    colour;
  AtlasMapSymbol symbol;
} case_styles[] = {
  { RGBA (51, 34, 136), ATLAS_MAP_SYMBOL_CIRCLE },
  { RGBA (68, 170, 153), ATLAS_MAP_SYMBOL_SQUARE },
  { RGBA (170, 68, 153), ATLAS_MAP_SYMBOL_DIAMOND },
  { RGBA (17, 119, 51), ATLAS_MAP_SYMBOL_TRIANGLE },
  { RGBA (136, 34, 85), ATLAS_MAP_SYMBOL_STAR },
  { RGBA (136, 204, 238), ATLAS_MAP_SYMBOL_CIRCLE },
  { RGBA (153, 153, 51), ATLAS_MAP_SYMBOL_SQUARE },
  { RGBA (204, 102, 119), ATLAS_MAP_SYMBOL_DIAMOND },
  { RGBA (221, 204, 119), ATLAS_MAP_SYMBOL_TRIANGLE },
};

/* Past this many, a case's further categories are drawn as "other": styles are kept for as
 * long as the app runs, and a hostile file may name millions. */
#define MAX_CASE_CATEGORIES 64
/* Longest label, in characters, a case's own category gets in a legend. */
#define MAX_LABEL_CHARS 40

/* category → AtlasCategoryStyle; read from the map's, the legend's and the printer's
 * threads */
static GHashTable *case_categories;
G_LOCK_DEFINE_STATIC (case_categories);

static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= MAX_LABEL_CHARS)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, MAX_LABEL_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static const AtlasCategoryStyle *
style_for_case_category (const char *category)
{
  AtlasCategoryStyle *style;
  guint n;

  G_LOCK (case_categories);
  if (case_categories == NULL)
    case_categories = g_hash_table_new (g_str_hash, g_str_equal);
  style = g_hash_table_lookup (case_categories, category);
  n = g_hash_table_size (case_categories);
  if (style == NULL && n < MAX_CASE_CATEGORIES)
    {
      style = g_new0 (AtlasCategoryStyle, 1);
      style->category = g_strdup (category);
      style->label = shorten (category);
      style->colour = case_styles[n % G_N_ELEMENTS (case_styles)].colour;
      style->symbol = case_styles[n % G_N_ELEMENTS (case_styles)].symbol;
      style->from_case = TRUE;
      g_hash_table_insert (case_categories, (gpointer) style->category, style);
    }
  G_UNLOCK (case_categories);
  return style;
}

/* Reported routes in a strong blue; alleged and contested ones in vermilion. */
void
atlas_map_style_set_route_colour (cairo_t  *cr,
                                  gboolean  solid)
{
  if (solid)
    cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  else
    cairo_set_source_rgb (cr, 0.84, 0.32, 0.05);
}

/* Sets the dash pattern of @sample's line: what the eye sees, in @unit (a line width on
 * the map, less on a legend's short sample); @cap is the line's width if its caps are
 * round, else 0. Alleged and contested routes share a colour, so their patterns differ. */
void
atlas_map_style_set_route_dash (cairo_t          *cr,
                                AtlasRouteSample  sample,
                                double            unit,
                                double            cap)
{
  static const double alleged[] = { 5.0, 1.5 };                /* long dashes */
  static const double contested[] = { 2.5, 1.5, 1.0, 1.5 };    /* dash, gap, dot, gap */
  const double *pattern = sample == ATLAS_ROUTE_SAMPLE_CONTESTED ? contested : alleged;
  guint n = sample == ATLAS_ROUTE_SAMPLE_CONTESTED ? G_N_ELEMENTS (contested)
                                                   : G_N_ELEMENTS (alleged);
  double dash[4];

  if (sample == ATLAS_ROUTE_SAMPLE_REPORTED)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  /* each dash a round cap lengthens is traced shorter; cairo leaves out a dash of no
   * length, so a dot is traced a little long */
  for (guint i = 0; i < n; i++)
    dash[i] = i % 2 == 0 ? MAX (pattern[i] * unit - cap, 0.5) : pattern[i] * unit + cap;
  cairo_set_dash (cr, dash, n, 0);
}

/* Strokes the path as a leg no source gives the path of: faint dots in the route's colour,
 * without a halo to stand out with. The map's legs and the legends' samples alike. */
void
atlas_map_style_stroke_path_not_given (cairo_t          *cr,
                                       AtlasRouteSample  sample,
                                       double            width)
{
  double dots[] = { 0, width * 2.5 };

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
  cairo_push_group (cr);
  atlas_map_style_set_route_colour (cr, sample == ATLAS_ROUTE_SAMPLE_REPORTED);
  cairo_stroke (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint_with_alpha (cr, 0.55);
  cairo_restore (cr);
}

void
atlas_map_style_set_colour (cairo_t                  *cr,
                            const AtlasCategoryStyle *style,
                            double                    alpha)
{
  cairo_set_source_rgba (cr, style->colour.red, style->colour.green, style->colour.blue, alpha);
}

/**
 * atlas_map_style_for_category:
 *
 * Returns: (transfer none): the style of @category, for as long as the app runs; one of
 *   its own for a category the case brought, and "other" once there are too many of those
 */
const AtlasCategoryStyle *
atlas_map_style_for_category (const char *category)
{
  const AtlasCategoryStyle *style = NULL;

  for (guint i = 0; category != NULL && i < G_N_ELEMENTS (categories); i++)
    if (g_str_equal (categories[i].category, category))
      return &categories[i];
  if (category != NULL && *category != '\0')
    style = style_for_case_category (category);
  return style != NULL ? style : &categories[G_N_ELEMENTS (categories) - 1];
}

/* What a legend says for @style: our own categories' names are translated, a case's are
 * its own text, never markup. */
const char *
atlas_map_style_get_label (const AtlasCategoryStyle *style)
{
  return style->from_case ? style->label : atlas_filter_words_category (style->category);
}

const AtlasCategoryStyle *
atlas_map_style_get_categories (guint *n_categories)
{
  *n_categories = G_N_ELEMENTS (categories);
  return categories;
}

static void
trace_polygon (cairo_t *cr,
               double   x,
               double   y,
               double   radius,
               guint    n_points,
               double   inner_ratio,
               double   rotation)
{
  guint steps = inner_ratio < 1 ? 2 * n_points : n_points;

  for (guint i = 0; i < steps; i++)
    {
      double r = (inner_ratio < 1 && i % 2 == 1) ? radius * inner_ratio : radius;
      double angle = rotation + 2 * G_PI * i / steps;

      cairo_line_to (cr, x + r * cos (angle), y + r * sin (angle));
    }
  cairo_close_path (cr);
}

/* Symbols of about equal visual weight for one radius. */
void
atlas_map_style_trace_symbol (cairo_t        *cr,
                              AtlasMapSymbol  symbol,
                              double          x,
                              double          y,
                              double          radius)
{
  cairo_new_sub_path (cr);
  switch (symbol)
    {
    case ATLAS_MAP_SYMBOL_SQUARE:
      cairo_rectangle (cr, x - radius * 0.85, y - radius * 0.85, radius * 1.7, radius * 1.7);
      break;
    case ATLAS_MAP_SYMBOL_DIAMOND:
      trace_polygon (cr, x, y, radius * 1.15, 4, 1, 0);
      break;
    case ATLAS_MAP_SYMBOL_TRIANGLE:
      trace_polygon (cr, x, y + radius * 0.2, radius * 1.2, 3, 1, -G_PI / 2);
      break;
    case ATLAS_MAP_SYMBOL_STAR:
      trace_polygon (cr, x, y, radius * 1.3, 5, 0.5, -G_PI / 2);
      break;
    case ATLAS_MAP_SYMBOL_CIRCLE:
    default:
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      break;
    }
}
