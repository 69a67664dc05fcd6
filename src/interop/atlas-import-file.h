/* atlas-import-file.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a file to import, refusing one that changes while it is read.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *atlas_import_file_load (GFile         *file,
                                const char    *name,
                                GCancellable  *cancellable,
                                char         **stamp,
                                GError       **error);

G_END_DECLS
