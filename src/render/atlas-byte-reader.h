/* atlas-byte-reader.h
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Little-endian primitives over a byte range that never read past its end: each returns
 * FALSE, leaving its output untouched, when the bytes run out.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         position;
} AtlasByteReader;

gsize    atlas_byte_reader_remaining (const AtlasByteReader  *reader);
gboolean atlas_byte_reader_bytes     (AtlasByteReader        *reader,
                                      gsize                   n,
                                      const guint8          **out);
gboolean atlas_byte_reader_u8        (AtlasByteReader        *reader,
                                      guint8                 *out);
gboolean atlas_byte_reader_u32       (AtlasByteReader        *reader,
                                      guint32                *out);
gboolean atlas_byte_reader_i32       (AtlasByteReader        *reader,
                                      gint32                 *out);
gboolean atlas_byte_reader_f64       (AtlasByteReader        *reader,
                                      double                 *out);
gboolean atlas_byte_reader_varint    (AtlasByteReader        *reader,
                                      guint32                *out);
gboolean atlas_byte_reader_zigzag    (AtlasByteReader        *reader,
                                      gint64                 *out);

G_END_DECLS
