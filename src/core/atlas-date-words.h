/* atlas-date-words.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atlas_date_words             (const char *date,
                                    const char *precision);
char *atlas_date_words_short       (const char *date);
char *atlas_date_words_short_range (const char *first,
                                    const char *last);

G_END_DECLS
