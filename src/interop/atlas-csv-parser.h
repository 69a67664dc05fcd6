/* atlas-csv-parser.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An RFC 4180 tokenizer over bytes in memory or a stream read a block at a time.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AtlasCsvParser AtlasCsvParser;

typedef enum {
  ATLAS_CSV_ROW,      /* a row, in the fields */
  ATLAS_CSV_BAD_ROW,  /* a row to skip, for the reason given */
  ATLAS_CSV_END,      /* nothing more */
  ATLAS_CSV_ERROR,    /* the bytes could not be read, or hold a NUL byte: nothing more */
} AtlasCsvStatus;

AtlasCsvParser *atlas_csv_parser_new            (const char      *data,
                                                 gsize            length);
AtlasCsvParser *atlas_csv_parser_new_for_stream (GInputStream    *stream,
                                                 gsize            block_size);
void            atlas_csv_parser_free           (AtlasCsvParser  *self);
AtlasCsvStatus  atlas_csv_parser_next           (AtlasCsvParser  *self,
                                                 char          ***fields,
                                                 guint           *n_fields,
                                                 char           **reason);
guint           atlas_csv_parser_get_line       (AtlasCsvParser  *self);
guint64         atlas_csv_parser_get_offset     (AtlasCsvParser  *self);
const GError   *atlas_csv_parser_get_error      (AtlasCsvParser  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCsvParser, atlas_csv_parser_free)

G_END_DECLS
