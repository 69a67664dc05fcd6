/* atlas-csv-reader.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV import: ACLED exports by header, any other CSV through a column mapping.
 */

#pragma once

#include <gio/gio.h>

#include "atlas-import-batch.h"

G_BEGIN_DECLS

/* Which columns of a CSV file (by header name, any case) hold what. Latitude and longitude
 * are required; the others may be NULL. Every other column is kept as claims. */
typedef struct {
  const char *latitude;
  const char *longitude;
  const char *date;
  const char *title;
  const char *source;
} AtlasCsvMapping;

char     **atlas_csv_reader_read_header        (const char             *data,
                                                gsize                   length,
                                                GError                **error);
char     **atlas_csv_reader_read_stream_header (GInputStream           *stream,
                                                GError                **error);
gboolean   atlas_csv_reader_is_acled           (const char * const     *header);
gboolean   atlas_csv_reader_read               (const char             *data,
                                                gsize                   length,
                                                const AtlasCsvMapping  *mapping,
                                                AtlasImportBatch       *batch,
                                                GError                **error);
gboolean   atlas_csv_reader_read_stream        (GInputStream           *stream,
                                                guint64                 length,
                                                const AtlasCsvMapping  *mapping,
                                                AtlasImportBatch       *batch,
                                                GError                **error);

G_END_DECLS
