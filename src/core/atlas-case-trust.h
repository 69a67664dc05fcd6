/* atlas-case-trust.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean atlas_case_trust_check (sqlite3  *db,
                                 GError  **error);

G_END_DECLS
