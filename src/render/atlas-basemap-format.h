/* atlas-basemap-format.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses and validates the binary basemap extract (data/basemap/README.md)
 * into plain arrays; every read is bounds-checked.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_BASEMAP_ERROR (atlas_basemap_error_quark ())

typedef enum
{
  ATLAS_BASEMAP_ERROR_INVALID,
  ATLAS_BASEMAP_ERROR_UNSUPPORTED_VERSION,
} AtlasBasemapError;

GQuark atlas_basemap_error_quark (void);

/* Place flags, as stored in the file. */
typedef enum
{
  ATLAS_PLACE_CAPITAL = 1 << 0,
  ATLAS_PLACE_ADMIN1_SEAT = 1 << 1,
  ATLAS_PLACE_ADMIN2_SEAT = 1 << 2,
  ATLAS_PLACE_DISTRICT = 1 << 3,
} AtlasPlaceFlags;

typedef struct
{
  const char *name;      /* UTF-8, owned by the basemap */
  double      x;         /* normalised Web Mercator */
  double      y;
  guint8      min_zoom;
  guint8      max_zoom;  /* places: G_MAXUINT8 */
  guint8      flags;     /* AtlasPlaceFlags; 0 for countries */
  guint8      rank;      /* population class 0 (≥ 5 M) … 9; 0 for countries */
  guint16     country;   /* places: country shape index + 1, or 0 if unknown */
  guint16     province;  /* places: province index + 1, or 0 if unknown */
} AtlasBasemapLabel;

/* A country's outline: rings of arc references, filled with the even-odd rule. */
typedef struct
{
  const char *name;      /* Natural Earth's short name, owned by the basemap */
  char        iso_a2[3]; /* ISO 3166-1 alpha-2 code, or "" */
  guint32     first_ring;
  guint32     n_rings;
} AtlasBasemapCountryShape;

typedef struct
{
  /* Arcs, in normalised Web Mercator; x may leave [0, 1] near the antimeridian. */
  double       *arc_xy;
  guint32      *arc_offsets;   /* n_arcs + 1 point offsets */
  guint         n_arcs;

  /* Land rings as arc references: ref >= 0 is arc ref, ref < 0 is arc -ref-1 reversed. */
  gint32       *ring_refs;
  guint32      *ring_offsets;  /* n_rings + 1 */
  guint         n_rings;

  guint32      *coast_arcs;
  guint         n_coast_arcs;
  guint32      *border_arcs;
  guint         n_border_arcs;

  /* Optional context sections (empty in extracts that lack them). */
  guint32      *province_arcs;  /* lines between first-level divisions */
  guint         n_province_arcs;
  guint32      *river_arcs;
  guint         n_river_arcs;
  guint32      *highway_arcs;   /* main roads: motorways and major highways */
  guint         n_highway_arcs;
  guint32      *road_arcs;      /* main roads: the other most important ones */
  guint         n_road_arcs;
  AtlasBasemapLabel        *provinces;  /* label points and names of first-level divisions */
  guint                     n_provinces;
  AtlasBasemapCountryShape *shapes;
  guint                     n_shapes;
  gint32                   *shape_ring_refs;     /* as ring_refs */
  guint32                  *shape_ring_offsets;  /* total shape rings + 1 */

  AtlasBasemapLabel *countries;
  guint              n_countries;
  AtlasBasemapLabel *places;
  guint              n_places;
  GStringChunk      *names;
} AtlasBasemapData;

AtlasBasemapData *atlas_basemap_data_parse (GBytes           *bytes,
                                            const char       *display_name,
                                            GError          **error);
void              atlas_basemap_data_free  (AtlasBasemapData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasBasemapData, atlas_basemap_data_free)

G_END_DECLS
