/* atlas-overview-section.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_OVERVIEW_SECTION (atlas_overview_section_get_type ())

G_DECLARE_FINAL_TYPE (AtlasOverviewSection, atlas_overview_section, ATLAS, OVERVIEW_SECTION,
                      GObject)

AtlasOverviewSection *atlas_overview_section_new          (const char           *title,
                                                           const char           *detail,
                                                           gboolean              filtered);
const char           *atlas_overview_section_get_title    (AtlasOverviewSection *self);
const char           *atlas_overview_section_get_detail   (AtlasOverviewSection *self);
gboolean              atlas_overview_section_get_filtered (AtlasOverviewSection *self);
void                  atlas_overview_section_set_problem  (AtlasOverviewSection *self,
                                                           const char           *problem);
const char           *atlas_overview_section_get_problem  (AtlasOverviewSection *self);

G_END_DECLS
