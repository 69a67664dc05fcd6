/* atlas-case-dates.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"

G_BEGIN_DECLS

gboolean atlas_case_count_unreadable_dates (AtlasCase     *self,
                                            guint64       *count,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
