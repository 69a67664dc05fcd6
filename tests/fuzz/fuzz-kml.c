/* fuzz-kml.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz harness: the KML import reader.
 */

#include "config.h"

#include "atlas-kml-reader.h"
#include "fuzz-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AtlasImportBatch) batch = fuzz_import_batch_new ();
  g_autoptr(GError) error = NULL;

  if (atlas_kml_reader_read ((const char *) data, size, batch, &error))
    fuzz_import_check_batch (batch);
  return 0;
}
