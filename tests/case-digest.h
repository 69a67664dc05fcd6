/* case-digest.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "atlas-case.h"
#include "atlas-edit.h"

char *digest_case (const char *path);

void  check_edit_round_trip (AtlasCase  *atlas_case,
                             const char *path,
                             AtlasEdit  *edit);
