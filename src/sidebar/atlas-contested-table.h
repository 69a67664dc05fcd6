/* atlas-contested-table.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CONTESTED_TABLE (atlas_contested_table_get_type ())

G_DECLARE_FINAL_TYPE (AtlasContestedTable, atlas_contested_table, ATLAS, CONTESTED_TABLE,
                      GtkWidget)

/* Makes the full row of one claim, when a value's claims are first shown. */
typedef GtkWidget *(*AtlasClaimRowFunc) (AtlasRecord *claim,
                                         gpointer     user_data);

/* Says how independent a value's claims are, e.g. "2 independent sources"; nullable. */
typedef char      *(*AtlasValueNoteFunc) (GPtrArray *claims,
                                          gpointer   user_data);

GtkWidget *atlas_contested_table_new          (GPtrArray           *values,
                                               guint                max_rows,
                                               GHashTable          *documents,
                                               AtlasClaimRowFunc    new_claim_row,
                                               AtlasValueNoteFunc   dup_note,
                                               gpointer             user_data);
guint      atlas_contested_table_get_max_claims_opened (void);
guint      atlas_contested_table_get_n_rows   (AtlasContestedTable *self);
GtkWidget *atlas_contested_table_get_row      (AtlasContestedTable *self,
                                               guint                position);
const char *atlas_contested_table_get_value   (AtlasContestedTable *self,
                                               guint                position);
void       atlas_contested_table_set_expanded (AtlasContestedTable *self,
                                               guint                position,
                                               gboolean             expanded);

G_END_DECLS
