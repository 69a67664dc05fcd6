/* atlas-map-style.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case's visual language, shared by the map on screen and the printed page: category
 * colours and symbols, route colours and dash patterns. No GTK, so the printer runs
 * without a display.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  ATLAS_MAP_SYMBOL_CIRCLE,
  ATLAS_MAP_SYMBOL_SQUARE,
  ATLAS_MAP_SYMBOL_DIAMOND,
  ATLAS_MAP_SYMBOL_TRIANGLE,
  ATLAS_MAP_SYMBOL_STAR,
} AtlasMapSymbol;

/* A colour as cairo takes it, 0…1 per channel. */
typedef struct {
  double red;
  double green;
  double blue;
} AtlasColour;

typedef struct {
  const char     *category;
  const char     *label;      /* for the legend: see atlas_map_style_get_label() */
  AtlasColour     colour;
  AtlasMapSymbol  symbol;
  gboolean        from_case;  /* a category the case brought: its label is its own text */
} AtlasCategoryStyle;

/* How a route's line is drawn, by how it is sourced; what a legend's sample shows. */
typedef enum {
  ATLAS_ROUTE_SAMPLE_REPORTED,              /* solid */
  ATLAS_ROUTE_SAMPLE_ALLEGED,               /* long dashes */
  ATLAS_ROUTE_SAMPLE_CONTESTED,             /* dash and dot */
  ATLAS_ROUTE_SAMPLE_PATH_NOT_GIVEN = 1 << 4, /* or'd with one of those: the dots of a leg
                                               * no source gives the path of, in that
                                               * route's colour */
} AtlasRouteSample;

/* The legend's precision-halo swatch is outlined in the text colour at this alpha, so it
 * stands out 3:1 from the legend's background (WCAG 2.1 non-text contrast). */
#define ATLAS_MAP_HALO_SWATCH_OUTLINE_ALPHA 0.7
void                      atlas_map_style_set_route_colour  (cairo_t     *cr,
                                                             gboolean     solid);
void                      atlas_map_style_set_route_dash    (cairo_t     *cr,
                                                             AtlasRouteSample sample,
                                                             double       unit,
                                                             double       cap);
void                      atlas_map_style_stroke_path_not_given (cairo_t *cr,
                                                             AtlasRouteSample sample,
                                                             double       width);
void                      atlas_map_style_set_colour        (cairo_t     *cr,
                                                             const AtlasCategoryStyle *style,
                                                             double       alpha);
const AtlasCategoryStyle *atlas_map_style_for_category      (const char  *category);
const AtlasCategoryStyle *atlas_map_style_get_categories    (guint       *n_categories);
const char               *atlas_map_style_get_label         (const AtlasCategoryStyle *style);
void                      atlas_map_style_trace_symbol      (cairo_t     *cr,
                                                             AtlasMapSymbol symbol,
                                                             double       x,
                                                             double       y,
                                                             double       radius);

G_END_DECLS
