/* atlas-import-command.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int atlas_import_command_run (const char *file_path,
                              const char *case_path);

G_END_DECLS
