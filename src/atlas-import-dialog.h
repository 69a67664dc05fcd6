/* atlas-import-dialog.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "atlas-case.h"
#include "atlas-column-mapping.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_IMPORT_DIALOG (atlas_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ATLAS, IMPORT_DIALOG, AdwWindow)

AtlasImportDialog *atlas_import_dialog_new         (GtkWindow         *parent,
                                                    AtlasCase         *atlas_case,
                                                    GFile             *file);
void               atlas_import_dialog_confirm     (AtlasImportDialog *self);
gboolean           atlas_import_dialog_is_loaded   (AtlasImportDialog *self);
guint              atlas_import_dialog_get_n_problems (AtlasImportDialog *self);
const char        *atlas_import_dialog_get_page    (AtlasImportDialog *self);
AtlasColumnMapping *atlas_import_dialog_get_column_mapping (AtlasImportDialog *self);

G_END_DECLS
