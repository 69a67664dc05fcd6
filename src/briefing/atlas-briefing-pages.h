/* atlas-briefing-pages.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "atlas-case.h"
#include "atlas-map-printer.h"

G_BEGIN_DECLS

/* What every page of one export shares. */
typedef struct {
  AtlasCase       *atlas_case;
  AtlasMapPrinter *printer;
  char            *footer_start;   /* "Exported 5 March 2026 with Incident Atlas" */
  char            *footer_end;     /* the case's file name */
} AtlasPageContext;

void      atlas_page_context_init     (AtlasPageContext  *context,
                                       AtlasCase         *atlas_case,
                                       AtlasMapPrinter   *printer,
                                       GDateTime         *exported);
void      atlas_page_context_clear    (AtlasPageContext  *context);

char     *atlas_briefing_step_outline (AtlasPageContext  *context,
                                       AtlasRecord       *step,
                                       guint              index);
gboolean  atlas_briefing_draw_step    (AtlasPageContext  *context,
                                       AtlasRecord       *step,
                                       guint              index,
                                       guint              n_steps,
                                       cairo_t           *cr,
                                       double             width,
                                       double             height,
                                       GCancellable      *cancellable,
                                       GError           **error);
gboolean  atlas_briefing_draw_view    (AtlasPageContext  *context,
                                       const AtlasBounds *bounds,
                                       const char        *title,
                                       cairo_t           *cr,
                                       double             width,
                                       double             height,
                                       GCancellable      *cancellable,
                                       GError           **error);

G_END_DECLS
