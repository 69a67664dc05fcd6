/* atlas-csv-parser.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An RFC 4180 tokenizer over a mapped file.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AtlasCsvParser AtlasCsvParser;

typedef enum {
  ATLAS_CSV_ROW,      /* a row, in the fields */
  ATLAS_CSV_BAD_ROW,  /* a row to skip, for the reason given */
  ATLAS_CSV_END,      /* nothing more */
} AtlasCsvStatus;

AtlasCsvParser *atlas_csv_parser_new        (const char      *data,
                                             gsize            length);
void            atlas_csv_parser_free       (AtlasCsvParser  *self);
AtlasCsvStatus  atlas_csv_parser_next       (AtlasCsvParser  *self,
                                             char          ***fields,
                                             guint           *n_fields,
                                             char           **reason);
guint           atlas_csv_parser_get_line   (AtlasCsvParser  *self);
gsize           atlas_csv_parser_get_offset (AtlasCsvParser  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCsvParser, atlas_csv_parser_free)

G_END_DECLS
