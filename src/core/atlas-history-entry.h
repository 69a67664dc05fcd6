/* atlas-history-entry.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-record.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_HISTORY_ENTRY (atlas_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (AtlasHistoryEntry, atlas_history_entry, ATLAS, HISTORY_ENTRY, AtlasRecord)

AtlasHistoryEntry *atlas_history_entry_new (const char *key);

G_END_DECLS
