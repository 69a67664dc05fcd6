/* atlas-overview-page.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-case.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_OVERVIEW_PAGE (atlas_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasOverviewPage, atlas_overview_page, ATLAS, OVERVIEW_PAGE, GtkWidget)

GtkWidget  *atlas_overview_page_new       (AtlasFilter       *filter);
AtlasCase  *atlas_overview_page_get_case  (AtlasOverviewPage *self);
void        atlas_overview_page_set_case  (AtlasOverviewPage *self,
                                           AtlasCase         *atlas_case);
GListModel *atlas_overview_page_get_model (AtlasOverviewPage *self);

G_END_DECLS
