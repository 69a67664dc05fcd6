/* atlas-record-pages.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "atlas-case.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_RECORD_PAGES (atlas_record_pages_get_type ())

G_DECLARE_FINAL_TYPE (AtlasRecordPages, atlas_record_pages, ATLAS, RECORD_PAGES, GObject)

AtlasRecordPages *atlas_record_pages_new (AtlasCase *atlas_case,
                                          GType      record_type,
                                          GArray    *ids);

G_END_DECLS
