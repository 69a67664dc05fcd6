/* fuzz-mbtiles.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz harness: opening an MBTiles base map and reading its tiles, as the map's tile
 * source does.
 */

#include "config.h"

#include "atlas-mbtiles.h"
#include "fuzz-util.h"

static void
read_tile (AtlasMbtiles *mbtiles,
           int           zoom,
           int           x,
           int           y)
{
  GBytes *tile = atlas_mbtiles_read_tile (mbtiles, zoom, x, y, NULL);

  g_clear_pointer (&tile, g_bytes_unref);
}

/* Every tile of the first zooms, plus some beyond the file's range and off the map. */
static void
read_tiles (AtlasMbtiles *mbtiles)
{
  int min_zoom = atlas_mbtiles_get_min_zoom (mbtiles);
  int max_zoom = atlas_mbtiles_get_max_zoom (mbtiles);

  for (int zoom = min_zoom; zoom <= MIN (max_zoom, min_zoom + 2); zoom++)
    for (int x = 0; x < (1 << MIN (zoom, 2)); x++)
      for (int y = 0; y < (1 << MIN (zoom, 2)); y++)
        read_tile (mbtiles, zoom, x, y);

  read_tile (mbtiles, max_zoom + 1, 0, 0);
  read_tile (mbtiles, min_zoom, 1 << min_zoom, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AtlasMbtiles) mbtiles = NULL;

  fuzz_init ();
  mbtiles = atlas_mbtiles_open (fuzz_write_temp_file (data, size), NULL);
  if (mbtiles == NULL)
    return 0;

  fuzz_check_utf8 ("the name", atlas_mbtiles_get_name (mbtiles));
  fuzz_check_utf8 ("the attribution", atlas_mbtiles_get_attribution (mbtiles));
  fuzz_check_utf8 ("the format", atlas_mbtiles_get_format (mbtiles));
  read_tiles (mbtiles);
  return 0;
}
