/* atlas-view-export.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-case.h"
#include "atlas-map-view.h"

G_BEGIN_DECLS

void atlas_view_export_briefing (GtkWindow    *parent,
                                 AtlasCase    *atlas_case,
                                 const char   *briefing_key);
void atlas_view_export_briefing_to_file (GtkWindow  *parent,
                                         AtlasCase  *atlas_case,
                                         const char *briefing_key,
                                         GFile      *file);
void atlas_view_export_view     (GtkWindow    *parent,
                                 AtlasCase    *atlas_case,
                                 AtlasFilter  *filter,
                                 AtlasMapView *map_view);
void atlas_view_print           (GtkWindow    *parent,
                                 AtlasCase    *atlas_case,
                                 AtlasFilter  *filter,
                                 AtlasMapView *map_view);

G_END_DECLS
