/* atlas-filter-chips.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER_CHIPS (atlas_filter_chips_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilterChips, atlas_filter_chips, ATLAS, FILTER_CHIPS, AdwBin)

GtkWidget *atlas_filter_chips_new        (void);
void       atlas_filter_chips_set_filter (AtlasFilterChips *self,
                                          AtlasFilter      *filter);

G_END_DECLS
