/* fuzz-csv.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz harness: the CSV import reader, both as it tells ACLED exports by their header and
 * through a column mapping (the one of tests/data/import/mapped.csv).
 */

#include "config.h"

#include "atlas-csv-reader.h"
#include "fuzz-import.h"

static const AtlasCsvMapping mapping = {
  .latitude = "Lat",
  .longitude = "Lon",
  .date = "When",
  .title = "What",
  .source = "Reporter",
};

static void
read_with (const uint8_t         *data,
           size_t                 size,
           const AtlasCsvMapping *with_mapping)
{
  g_autoptr(AtlasImportBatch) batch = fuzz_import_batch_new ();
  g_autoptr(GError) error = NULL;

  if (atlas_csv_reader_read ((const char *) data, size, with_mapping, batch, &error))
    fuzz_import_check_batch (batch);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) header = NULL;

  fuzz_init ();

  /* what the import dialog does first, to offer the columns */
  header = atlas_csv_reader_read_header ((const char *) data, size, NULL);
  if (header != NULL)
    atlas_csv_reader_is_acled ((const char * const *) header);

  read_with (data, size, NULL);
  read_with (data, size, &mapping);
  return 0;
}
