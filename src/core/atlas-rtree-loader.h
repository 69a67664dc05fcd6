/* atlas-rtree-loader.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean atlas_rtree_loader_rebuild (sqlite3     *db,
                                     const char  *table,
                                     GError     **error);

G_END_DECLS
