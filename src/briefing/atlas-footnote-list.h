/* atlas-footnote-list.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* The sizes of type the notes are tried at, from the largest. */
typedef enum {
  ATLAS_FOOTNOTE_TYPE_LARGE,
  ATLAS_FOOTNOTE_TYPE_MEDIUM,
  ATLAS_FOOTNOTE_TYPE_SMALL,
  ATLAS_FOOTNOTE_TYPE_SMALLEST,
} AtlasFootnoteType;

#define ATLAS_TYPE_FOOTNOTE_LIST (atlas_footnote_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFootnoteList, atlas_footnote_list, ATLAS, FOOTNOTE_LIST, GObject)

AtlasFootnoteList *atlas_footnote_list_new         (void);
void               atlas_footnote_list_add         (AtlasFootnoteList *self,
                                                    const char        *text,
                                                    const char        *source);
guint              atlas_footnote_list_get_n_items (AtlasFootnoteList *self);
void               atlas_footnote_list_set_columns (AtlasFootnoteList *self,
                                                    guint              n_columns);
void               atlas_footnote_list_set_scale   (AtlasFootnoteList *self,
                                                    double             scale);
double             atlas_footnote_list_measure     (AtlasFootnoteList *self,
                                                    cairo_t           *cr,
                                                    double             width,
                                                    AtlasFootnoteType  type);
guint              atlas_footnote_list_draw        (AtlasFootnoteList *self,
                                                    cairo_t           *cr,
                                                    double             width,
                                                    double             height);

G_END_DECLS
