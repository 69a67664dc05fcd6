/* atlas-import-file.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file being imported, read whole or as a stream, and refused if it changes meanwhile.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AtlasImportFile AtlasImportFile;

AtlasImportFile *atlas_import_file_open            (GFile            *file,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
void             atlas_import_file_free            (AtlasImportFile  *self);
guint64          atlas_import_file_get_size        (AtlasImportFile  *self);
const char      *atlas_import_file_get_stamp       (AtlasImportFile  *self);
const char      *atlas_import_file_peek_head       (AtlasImportFile  *self,
                                                    gsize            *length,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
GInputStream    *atlas_import_file_get_stream      (AtlasImportFile  *self);
GBytes          *atlas_import_file_read_all        (AtlasImportFile  *self,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
gboolean         atlas_import_file_check_unchanged (AtlasImportFile  *self,
                                                    GCancellable     *cancellable,
                                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasImportFile, atlas_import_file_free)

G_END_DECLS
