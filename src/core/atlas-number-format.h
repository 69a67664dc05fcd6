/* atlas-number-format.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-case.h"

G_BEGIN_DECLS

char *atlas_format_count       (guint64 count);
char *atlas_format_count_short (guint64 count);
char *atlas_format_case_counts (const AtlasCaseCounts *counts,
                                gboolean               waypoints,
                                const char            *separator);

G_END_DECLS
