/* atlas-sidebar.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-case.h"
#include "atlas-filter.h"
#include "atlas-gazetteer.h"
#include "atlas-selection.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SIDEBAR (atlas_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSidebar, atlas_sidebar, ATLAS, SIDEBAR, GtkWidget)

GtkWidget *atlas_sidebar_new              (AtlasSelection *selection,
                                           AtlasFilter    *filter);
AtlasCase *atlas_sidebar_get_case         (AtlasSidebar   *self);
void       atlas_sidebar_set_case         (AtlasSidebar   *self,
                                           AtlasCase      *atlas_case);
GtkWidget *atlas_sidebar_get_visible_page (AtlasSidebar   *self);
void       atlas_sidebar_reload           (AtlasSidebar   *self);
void       atlas_sidebar_set_gazetteer    (AtlasSidebar   *self,
                                           AtlasGazetteer *gazetteer);

G_END_DECLS
