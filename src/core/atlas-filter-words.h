/* atlas-filter-words.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *atlas_filter_words_category    (const char         *category);
char       *atlas_filter_words_categories  (const char * const *categories);
char       *atlas_filter_words_dates       (const char         *start,
                                            const char         *end);
char       *atlas_filter_words_reliability (char                min_reliability);

G_END_DECLS
