/* atlas-slide-layout.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "atlas-footnote-list.h"

G_BEGIN_DECLS

typedef enum {
  ATLAS_SLIDE_PANEL,   /* a briefing step: the map beside (or above) its caption and notes */
  ATLAS_SLIDE_STRIP,   /* a view: the map across the page, its notes in columns below */
} AtlasSlideKind;

/* What one page says; every text is plain text and may be %NULL unless noted. */
typedef struct {
  AtlasSlideKind     kind;
  const char        *title;         /* not %NULL: the header's text */
  const char        *counter;       /* the header's right-hand text, e.g. "3 / 16" */
  guint              step;          /* with @n_steps, a progress bar under the header */
  guint              n_steps;
  const char        *kicker;        /* the kind of subject, above the heading */
  const char        *heading;
  const char        *caption;
  const char        *notes_title;   /* not %NULL */
  const char        *no_notes;      /* shown instead of notes when there are none */
  AtlasFootnoteList *notes;         /* not %NULL */
  const char        *footer_start;
  const char        *footer_end;
} AtlasSlide;

double atlas_slide_get_unit   (double             width,
                               double             height);
void atlas_slide_get_map_area (const AtlasSlide  *slide,
                               cairo_t           *cr,
                               double             width,
                               double             height,
                               cairo_rectangle_t *area);
void atlas_slide_draw         (const AtlasSlide  *slide,
                               cairo_t           *cr,
                               double             width,
                               double             height);

G_END_DECLS
