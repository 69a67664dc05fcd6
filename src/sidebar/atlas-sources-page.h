/* atlas-sources-page.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-case.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SOURCES_PAGE (atlas_sources_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSourcesPage, atlas_sources_page, ATLAS, SOURCES_PAGE, GtkWidget)

GtkWidget  *atlas_sources_page_new       (AtlasCase        *atlas_case);
GListModel *atlas_sources_page_get_model (AtlasSourcesPage *self);

void        atlas_sources_page_reload    (AtlasSourcesPage *self);

G_END_DECLS
