/* atlas-claim-row.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CLAIM_ROW (atlas_claim_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasClaimRow, atlas_claim_row, ATLAS, CLAIM_ROW, GtkWidget)

GtkWidget   *atlas_claim_row_new       (AtlasRecord   *claim,
                                        AtlasRecord   *document,
                                        AtlasRecord   *subject);
AtlasRecord *atlas_claim_row_get_claim (AtlasClaimRow *self);
void         atlas_claim_row_set_relations (AtlasClaimRow *self,
                                            GPtrArray     *relations);

void         atlas_claim_row_add_edit_menu (AtlasClaimRow *self);
void         atlas_claim_row_label_container (AtlasClaimRow *self,
                                              GtkWidget     *container);

G_END_DECLS
