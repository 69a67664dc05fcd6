/* atlas-tile-style.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colour palettes and line widths of the light and dark basemap styles.
 */

#include "atlas-tile-style.h"

#define CHANNEL(hex, shift) (((hex) >> (shift) & 0xff) / 255.0)
#define RGBA(hex, a) { CHANNEL (hex, 16), CHANNEL (hex, 8), CHANNEL (hex, 0), (a) }
#define RGB(hex) RGBA (hex, 1.0)

/* Calm, low-contrast palettes in the spirit of the GNOME palette: the map is a
 * backdrop for incident markers, so nothing on it should shout. */
static const AtlasTilePalette light_palette = {
  .water = RGB (0xaac9dd),
  .land = RGB (0xf2efe9),
  .coast = RGB (0x8fb1c7),
  .border = RGB (0xaca3b2),
  .border_casing = RGB (0xe6e1da),
  /* a warm grey-tan that tells a road from the cool borders and blue rivers */
  .road = RGB (0xd0bd9d),
  .place_text = RGB (0x3d3846),
  .minor_place_text = RGB (0x5e5c64),
  /* 4.5:1 on the land (WCAG 2.1 AA for small text) */
  .country_text = RGB (0x66616e),
  /* opaque, so labels stand out 4.5:1 from it over roads, rivers and borders alike */
  .halo = RGB (0xf6f5f4),
  .dot = RGB (0x5e5c64),
  .dot_outline = RGB (0xffffff),
};

static const AtlasTilePalette dark_palette = {
  .water = RGB (0x1f2a36),
  .land = RGB (0x2e3134),
  .coast = RGB (0x3d4f61),
  .border = RGB (0x625e68),
  .border_casing = RGB (0x35383b),
  .road = RGB (0x62594b),
  .place_text = RGB (0xdeddda),
  .minor_place_text = RGB (0xb5b3b8),
  .country_text = RGB (0xa19da7),
  .halo = RGB (0x1e1f21),
  .dot = RGB (0xc0bfbc),
  .dot_outline = RGB (0x241f31),
};

gboolean
atlas_tile_style_is_valid (AtlasTileStyle style)
{
  return style == ATLAS_TILE_STYLE_LIGHT || style == ATLAS_TILE_STYLE_DARK;
}

const AtlasTilePalette *
atlas_tile_style_get_palette (AtlasTileStyle style)
{
  return style == ATLAS_TILE_STYLE_DARK ? &dark_palette : &light_palette;
}

/* Widths in logical pixels; lines grow a little as the map zooms in.  Natural Earth's
 * roads are drawn only at regional zooms: at 1:10 000 000 they would wander a street's
 * width or more off the towns they join from zoom 11 on. */
void
atlas_tile_style_get_widths (int              zoom,
                             AtlasLineWidths *out_widths)
{
  out_widths->coast = zoom <= 3 ? 0.7 : zoom <= 7 ? 0.9 : 1.2;
  out_widths->border = zoom <= 3 ? 0.7 : zoom <= 6 ? 0.9 : 1.2;
  out_widths->border_casing = zoom <= 3 ? 0.0 : zoom <= 6 ? 3.0 : 4.5;
  out_widths->highway = zoom < 5 || zoom > 10 ? 0.0 : zoom <= 6 ? 1.0 : zoom <= 8 ? 1.4 : 1.8;
  out_widths->road = zoom < 6 || zoom > 10 ? 0.0 : zoom <= 6 ? 0.7 : zoom <= 8 ? 0.9 : 1.2;
}
