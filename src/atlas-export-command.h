/* atlas-export-command.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int atlas_export_command_run (const char *out_path,
                              const char *case_path,
                              const char *briefing_title);

G_END_DECLS
