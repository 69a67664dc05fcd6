/* atlas-filter-popover.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER_POPOVER (atlas_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilterPopover, atlas_filter_popover, ATLAS, FILTER_POPOVER, GtkPopover)

GtkWidget   *atlas_filter_popover_new            (AtlasFilter         *filter);
AtlasFilter *atlas_filter_popover_get_filter     (AtlasFilterPopover  *self);
void         atlas_filter_popover_set_filter     (AtlasFilterPopover  *self,
                                                  AtlasFilter         *filter);
void         atlas_filter_popover_set_categories (AtlasFilterPopover  *self,
                                                  const char * const  *categories);

G_END_DECLS
