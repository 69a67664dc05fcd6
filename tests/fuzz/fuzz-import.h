/* fuzz-import.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running an import reader on fuzzed bytes.
 */

#pragma once

#include "atlas-import-batch.h"
#include "fuzz-util.h"

G_BEGIN_DECLS

AtlasImportBatch *fuzz_import_batch_new   (void);
void              fuzz_import_check_batch (AtlasImportBatch *batch);

G_END_DECLS
