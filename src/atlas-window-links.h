/* atlas-window-links.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-view-link.h"
#include "atlas-window.h"

G_BEGIN_DECLS

void atlas_window_take_initial_link (AtlasWindow   *self,
                                     AtlasViewLink *link);

G_END_DECLS
