/* atlas-map-style.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  ATLAS_MAP_LABEL_CENTRED = 1 << 0,
  ATLAS_MAP_LABEL_LEFT    = 1 << 1,
  ATLAS_MAP_LABEL_SMALL   = 1 << 2,
  ATLAS_MAP_LABEL_BOLD    = 1 << 3,
} AtlasMapLabelFlags;

typedef enum {
  ATLAS_MAP_SYMBOL_CIRCLE,
  ATLAS_MAP_SYMBOL_SQUARE,
  ATLAS_MAP_SYMBOL_DIAMOND,
  ATLAS_MAP_SYMBOL_TRIANGLE,
  ATLAS_MAP_SYMBOL_STAR,
} AtlasMapSymbol;

typedef struct {
  const char     *category;
  const char     *label;      /* for the legend: see atlas_map_style_get_label() */
  GdkRGBA         colour;
  AtlasMapSymbol  symbol;
  gboolean        from_case;  /* a category the case brought: its label is its own text */
} AtlasCategoryStyle;

/* The legend's precision-halo swatch is outlined in the text colour at this alpha, so it
 * stands out 3:1 from the legend's background (WCAG 2.1 non-text contrast). */
#define ATLAS_MAP_HALO_SWATCH_OUTLINE_ALPHA 0.7

void                      atlas_map_style_set_halo          (cairo_t     *cr);
void                      atlas_map_style_set_route_colour  (cairo_t     *cr,
                                                             gboolean     solid);
void                      atlas_map_style_draw_label        (cairo_t     *cr,
                                                             GtkWidget   *widget,
                                                             const char  *text,
                                                             double       x,
                                                             double       y,
                                                             AtlasMapLabelFlags flags);
void                      atlas_map_style_draw_number       (cairo_t     *cr,
                                                             GtkWidget   *widget,
                                                             const char  *text,
                                                             double       x,
                                                             double       y,
                                                             gboolean     solid);
PangoLayout              *atlas_map_style_create_badge_layout (GtkWidget *widget);
const AtlasCategoryStyle *atlas_map_style_for_category      (const char  *category);
const AtlasCategoryStyle *atlas_map_style_get_categories    (guint       *n_categories);
const char               *atlas_map_style_get_label         (const AtlasCategoryStyle *style);
void                      atlas_map_style_trace_symbol      (cairo_t     *cr,
                                                             AtlasMapSymbol symbol,
                                                             double       x,
                                                             double       y,
                                                             double       radius);

G_END_DECLS
