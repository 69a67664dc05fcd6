/* atlas-fact-group.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-contested-table.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FACT_GROUP (atlas_fact_group_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFactGroup, atlas_fact_group, ATLAS, FACT_GROUP, GtkWidget)

GtkWidget  *atlas_fact_group_new           (const char     *attribute,
                                            gboolean        contested,
                                            GListModel     *claims,
                                            GHashTable     *documents,
                                            GHashTable     *relations);
GtkWidget  *atlas_fact_group_new_full      (const char     *attribute,
                                            gboolean        contested,
                                            GListModel     *claims,
                                            GHashTable     *documents,
                                            GHashTable     *relations,
                                            gboolean        editable);
const char *atlas_fact_group_get_attribute (AtlasFactGroup *self);
gboolean    atlas_fact_group_get_contested (AtlasFactGroup *self);
guint       atlas_fact_group_get_n_values  (AtlasFactGroup *self);
gboolean    atlas_fact_group_show_all      (AtlasFactGroup *self);
AtlasContestedTable *atlas_fact_group_get_table (AtlasFactGroup *self);

G_END_DECLS
