/* atlas-details-page.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-case.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_DETAILS_PAGE (atlas_details_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasDetailsPage, atlas_details_page, ATLAS, DETAILS_PAGE, GtkWidget)

GtkWidget   *atlas_details_page_new        (AtlasCase        *atlas_case,
                                            AtlasRecord      *record);
AtlasRecord *atlas_details_page_get_record (AtlasDetailsPage *self);
gboolean     atlas_details_page_shows      (AtlasDetailsPage *self,
                                            AtlasRecord      *record);

void         atlas_details_page_reload     (AtlasDetailsPage *self,
                                            AtlasRecord      *record);

G_END_DECLS
