/* atlas-briefing-words.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "atlas-case.h"

G_BEGIN_DECLS

/* A claim a briefing step cites, and where it comes from. */
typedef struct {
  char *claim;    /* "Deaths: 84" */
  char *source;   /* "NewsNation, 4 January 2024 · attributed to … · reliability B" */
} AtlasStepSource;

AtlasRecord *atlas_briefing_words_subject     (AtlasCase   *atlas_case,
                                               AtlasRecord *step);
const char  *atlas_briefing_words_heading     (AtlasRecord *subject);
char        *atlas_briefing_words_kicker      (AtlasCase   *atlas_case,
                                               AtlasRecord *step,
                                               AtlasRecord *subject);
char        *atlas_briefing_words_document    (AtlasRecord *document);
char        *atlas_briefing_words_reliability (AtlasRecord *document);
GPtrArray   *atlas_briefing_words_sources     (AtlasCase   *atlas_case,
                                               AtlasRecord *step);

G_END_DECLS
