/* atlas-search-page.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-case.h"
#include "atlas-gazetteer.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SEARCH_PAGE (atlas_search_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSearchPage, atlas_search_page, ATLAS, SEARCH_PAGE, GtkWidget)

GtkWidget  *atlas_search_page_new         (AtlasCase       *atlas_case);
void        atlas_search_page_set_text    (AtlasSearchPage *self,
                                           const char      *text);
GListModel *atlas_search_page_get_results (AtlasSearchPage *self);

void        atlas_search_page_set_gazetteer (AtlasSearchPage *self,
                                             AtlasGazetteer  *gazetteer);

G_END_DECLS
