/* atlas-window.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-briefing-panel.h"
#include "atlas-case.h"
#include "atlas-map-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_WINDOW (atlas_window_get_type ())

G_DECLARE_FINAL_TYPE (AtlasWindow, atlas_window, ATLAS, WINDOW, AdwApplicationWindow)

AtlasWindow *atlas_window_new                (AtlasApplication *application,
                                              GFile            *case_file);
void         atlas_window_set_initial_page  (AtlasWindow      *self,
                                              const char       *what);
void         atlas_window_import_file       (AtlasWindow      *self,
                                              GFile            *file);
void         atlas_window_restore_state      (AtlasWindow      *self,
                                              GSettings        *settings);
void         atlas_window_wait_until_settled (AtlasWindow      *self);
gboolean     atlas_window_is_settled         (AtlasWindow      *self);
AtlasCase   *atlas_window_get_case           (AtlasWindow      *self);
AtlasMapView   *atlas_window_get_map_view     (AtlasWindow      *self);
AtlasSelection *atlas_window_get_selection    (AtlasWindow      *self);
AtlasFilter    *atlas_window_get_filter       (AtlasWindow      *self);
GtkWidget      *atlas_window_get_sidebar      (AtlasWindow      *self);
AtlasBriefingPanel *atlas_window_get_briefing_panel (AtlasWindow  *self);
gboolean        atlas_window_get_presenting   (AtlasWindow      *self);
void         atlas_window_show_error         (GtkWindow        *parent,
                                              const char       *heading,
                                              const char       *body);

G_END_DECLS
