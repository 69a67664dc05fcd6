/* atlas-byte-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Little-endian primitives that never read past the end of their bytes, for the basemap
 * extract's parser (data/basemap/README.md).
 */

#include "atlas-byte-reader.h"

#include <string.h>

gsize
atlas_byte_reader_remaining (const AtlasByteReader *reader)
{
  return reader->length - reader->position;
}

gboolean
atlas_byte_reader_bytes (AtlasByteReader  *reader,
                         gsize             n,
                         const guint8    **out)
{
  if (atlas_byte_reader_remaining (reader) < n)
    return FALSE;

  *out = reader->data + reader->position;
  reader->position += n;
  return TRUE;
}

gboolean
atlas_byte_reader_u8 (AtlasByteReader *reader,
                      guint8          *out)
{
  const guint8 *bytes;

  if (!atlas_byte_reader_bytes (reader, 1, &bytes))
    return FALSE;
  *out = bytes[0];
  return TRUE;
}

gboolean
atlas_byte_reader_u32 (AtlasByteReader *reader,
                       guint32         *out)
{
  const guint8 *bytes;
  guint32 value;

  if (!atlas_byte_reader_bytes (reader, 4, &bytes))
    return FALSE;
  memcpy (&value, bytes, 4);
  *out = GUINT32_FROM_LE (value);
  return TRUE;
}

gboolean
atlas_byte_reader_i32 (AtlasByteReader *reader,
                       gint32          *out)
{
  guint32 value;

  if (!atlas_byte_reader_u32 (reader, &value))
    return FALSE;
  *out = (gint32) value;
  return TRUE;
}

gboolean
atlas_byte_reader_f64 (AtlasByteReader *reader,
                       double          *out)
{
  const guint8 *bytes;
  guint64 bits;

  if (!atlas_byte_reader_bytes (reader, 8, &bytes))
    return FALSE;
  memcpy (&bits, bytes, 8);
  bits = GUINT64_FROM_LE (bits);
  memcpy (out, &bits, 8);
  return TRUE;
}

/* Unsigned LEB128 of at most 32 bits. */
gboolean
atlas_byte_reader_varint (AtlasByteReader *reader,
                          guint32         *out)
{
  guint32 value = 0;

  for (guint shift = 0; shift < 35; shift += 7)
    {
      guint8 byte;

      if (!atlas_byte_reader_u8 (reader, &byte))
        return FALSE;
      if (shift == 28 && byte > 0x0f)
        return FALSE;
      value |= (guint32) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          *out = value;
          return TRUE;
        }
    }
  return FALSE;
}

/* A varint holding v ≥ 0 as 2v and v < 0 as −2v − 1. */
gboolean
atlas_byte_reader_zigzag (AtlasByteReader *reader,
                          gint64          *out)
{
  guint32 value;

  if (!atlas_byte_reader_varint (reader, &value))
    return FALSE;
  *out = (value & 1) ? -(gint64) (value >> 1) - 1 : (gint64) (value >> 1);
  return TRUE;
}
