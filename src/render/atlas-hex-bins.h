/* atlas-hex-bins.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  int    q;            /* axial coordinates of a pointy-top hexagon */
  int    r;
  double count;
} AtlasHexBin;

typedef struct _AtlasHexBins AtlasHexBins;

AtlasHexBins      *atlas_hex_bins_new        (double        size);
void               atlas_hex_bins_free       (AtlasHexBins *self);
void               atlas_hex_bins_clear      (AtlasHexBins *self);
void               atlas_hex_bins_add        (AtlasHexBins *self,
                                              double        x,
                                              double        y,
                                              double        count);
const AtlasHexBin *atlas_hex_bins_get_bins   (AtlasHexBins *self,
                                              guint        *n_bins);
double             atlas_hex_bins_get_max    (AtlasHexBins *self);
double             atlas_hex_bins_get_size   (AtlasHexBins *self);

void               atlas_hex_locate          (double        size,
                                              double        x,
                                              double        y,
                                              int          *q,
                                              int          *r);
void               atlas_hex_centre          (double        size,
                                              int           q,
                                              int           r,
                                              double       *x,
                                              double       *y);

void               atlas_viridis             (double        t,
                                              double       *red,
                                              double       *green,
                                              double       *blue);
double             atlas_density_scale       (double        count,
                                              double        max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasHexBins, atlas_hex_bins_free)

G_END_DECLS
