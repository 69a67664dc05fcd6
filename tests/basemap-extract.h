/* basemap-extract.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing small basemap extracts by hand (data/basemap/README.md), for tests of the reader,
 * and the real extract, loaded once: from the ATLAS_BASEMAP environment variable, or else
 * ../data/basemap/basemap.bin relative to the tests folder.
 */

#pragma once

#include <glib.h>

#include "atlas-basemap.h"

G_BEGIN_DECLS

typedef struct
{
  const char *tag;
  GByteArray *data;
  guint32     count;
} TestSection;

void    put_u32                (GByteArray        *out,
                                guint32            value);
void    put_f64                (GByteArray        *out,
                                double             value);
void    put_varint             (GByteArray        *out,
                                guint32            value);
void    put_zigzag             (GByteArray        *out,
                                gint32             value);
void    put_name               (GByteArray        *out,
                                const char        *name);
void    put_label              (GByteArray        *out,
                                gint32             lon_e6,
                                gint32             lat_e6,
                                const guint8      *fields,
                                guint              n_fields,
                                const char        *name);
void    put_arc                (GByteArray        *out,
                                const int         *points,
                                guint              n_points);
GBytes *test_extract_assemble  (const TestSection *sections,
                                guint              n_sections);

char         *basemap_path           (void);
GBytes       *basemap_bytes          (void);
AtlasBasemap *shared_basemap         (void);

G_END_DECLS
