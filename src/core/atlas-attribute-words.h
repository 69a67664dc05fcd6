/* atlas-attribute-words.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atlas_attribute_words      (const char *attribute);
int   atlas_attribute_words_rank (const char *attribute);

G_END_DECLS
