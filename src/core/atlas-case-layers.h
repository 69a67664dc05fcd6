/* atlas-case-layers.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Route lines and layer extents, derived from the rows: private to the store's writer.
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "atlas-case-schema.h"

G_BEGIN_DECLS

gboolean atlas_case_layers_update_route_lines         (sqlite3       *db,
                                                       GPtrArray     *records,
                                                       GError       **error);
/* @before: the last row id of each table before the write, as atlas_case_schema_index_range()
 * takes them */
gboolean atlas_case_layers_update_written_route_lines (sqlite3       *db,
                                                       const gint64  *before,
                                                       GError       **error);
gboolean atlas_case_layers_update_extents             (sqlite3       *db,
                                                       GError       **error);
gboolean atlas_case_layers_update_extents_after_edit  (sqlite3       *db,
                                                       GPtrArray     *records,
                                                       GError       **error);

G_END_DECLS
