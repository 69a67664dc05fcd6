/* atlas-source-chip.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_SOURCE_CHIP (atlas_source_chip_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSourceChip, atlas_source_chip, ATLAS, SOURCE_CHIP, GtkButton)

GtkWidget   *atlas_source_chip_new          (AtlasRecord     *document);
AtlasRecord *atlas_source_chip_get_document (AtlasSourceChip *self);
void         atlas_source_chip_set_document (AtlasSourceChip *self,
                                             AtlasRecord     *document);

G_END_DECLS
