/* atlas-overview-row.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_OVERVIEW_ROW (atlas_overview_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasOverviewRow, atlas_overview_row, ATLAS, OVERVIEW_ROW, GtkWidget)

GtkWidget *atlas_overview_row_new           (void);
void       atlas_overview_row_set_item      (AtlasOverviewRow *self,
                                             GObject          *item);
void       atlas_overview_row_set_contested (AtlasOverviewRow *self,
                                             gboolean          contested);
void       atlas_overview_row_label_container (AtlasOverviewRow *self,
                                               GtkWidget        *container);

G_END_DECLS
