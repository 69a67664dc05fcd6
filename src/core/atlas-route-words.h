/* atlas-route-words.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"

G_BEGIN_DECLS

char *atlas_route_words_status   (AtlasRecord *route);
const char *atlas_route_words_status_name (const char *status);
char *atlas_route_words_sourcing (AtlasCase   *atlas_case,
                                  AtlasRecord *route);

G_END_DECLS
