/* atlas-import-values.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numbers, coordinates and dates as import files write them.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean atlas_import_text_is_number   (const char   *text);
gboolean atlas_import_parse_number     (const char   *text,
                                        double       *value);
gboolean atlas_import_check_coordinate (double        latitude,
                                        double        longitude,
                                        GError      **error);
gboolean atlas_import_parse_coordinate (const char   *latitude_text,
                                        const char   *longitude_text,
                                        double       *latitude,
                                        double       *longitude,
                                        GError      **error);
gboolean atlas_import_parse_date       (const char   *text,
                                        char        **date,
                                        const char  **precision,
                                        GError      **error);
gboolean atlas_import_text_is_blank    (const char   *text);

G_END_DECLS
