/* atlas-tile-style.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colour palettes and line widths of the light and dark basemap styles.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ATLAS_TILE_STYLE_LIGHT,
  ATLAS_TILE_STYLE_DARK,
} AtlasTileStyle;

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} AtlasColor;

typedef struct
{
  AtlasColor water;
  AtlasColor land;
  AtlasColor coast;
  AtlasColor border;
  AtlasColor border_casing;
  AtlasColor road;
  AtlasColor place_text;
  AtlasColor minor_place_text;
  AtlasColor country_text;
  AtlasColor halo;
  AtlasColor dot;
  AtlasColor dot_outline;
} AtlasTilePalette;

/* A width of 0 means the line is not drawn at that zoom. */
typedef struct
{
  double coast;
  double border;
  double border_casing;
  double highway;
  double road;
} AtlasLineWidths;

gboolean                atlas_tile_style_is_valid    (AtlasTileStyle   style);
const AtlasTilePalette *atlas_tile_style_get_palette (AtlasTileStyle   style);
void                    atlas_tile_style_get_widths  (int              zoom,
                                                      AtlasLineWidths *out_widths);

G_END_DECLS
