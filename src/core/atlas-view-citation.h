/* atlas-view-citation.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"

G_BEGIN_DECLS

AtlasRecord *atlas_view_citation_lookup_step (AtlasCase   *atlas_case,
                                              const char  *briefing,
                                              guint        number,
                                              guint       *n_steps);
char        *atlas_view_citation_record      (AtlasCase   *atlas_case,
                                              AtlasRecord *record);
char        *atlas_view_citation_step        (AtlasCase   *atlas_case,
                                              AtlasRecord *step,
                                              guint        number,
                                              guint        n_steps);
char        *atlas_view_citation_view        (AtlasCase   *atlas_case,
                                              double       latitude,
                                              double       longitude,
                                              double       zoom);

G_END_DECLS
