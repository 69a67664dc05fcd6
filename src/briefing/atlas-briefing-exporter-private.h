/* atlas-briefing-exporter-private.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the exporter's object and its file writing share.
 */

#pragma once

#include "atlas-briefing-exporter.h"

G_BEGIN_DECLS

typedef void (*AtlasProgressFunc) (double   fraction,
                                   gpointer user_data);

/* One view to export: what to show and how large. */
typedef struct {
  AtlasViewFormat  format;
  AtlasFilter     *filter;   /* nullable */
  AtlasBounds      bounds;
  char            *title;
  double           width;    /* points */
  double           height;
  double           scale;    /* PNG pixels per point */
} AtlasViewRequest;

gboolean _atlas_briefing_write_pdf  (AtlasCase               *atlas_case,
                                     const char              *briefing_key,
                                     GFile                   *file,
                                     double                   width,
                                     double                   height,
                                     AtlasProgressFunc        progress,
                                     gpointer                 progress_data,
                                     GCancellable            *cancellable,
                                     GError                 **error);
gboolean _atlas_briefing_write_view (AtlasCase               *atlas_case,
                                     const AtlasViewRequest  *request,
                                     GFile                   *file,
                                     GCancellable            *cancellable,
                                     GError                 **error);
gboolean _atlas_briefing_draw_view  (AtlasCase               *atlas_case,
                                     const AtlasViewRequest  *request,
                                     cairo_t                 *cr,
                                     GCancellable            *cancellable,
                                     GError                 **error);

G_END_DECLS
