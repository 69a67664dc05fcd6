/* basemap-extract.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "basemap-extract.h"

#include <string.h>

void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *) &le, 4);
}

void
put_f64 (GByteArray *out,
         double      value)
{
  guint64 bits;

  memcpy (&bits, &value, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out, (const guint8 *) &bits, 8);
}

void
put_varint (GByteArray *out,
            guint32     value)
{
  do
    {
      guint8 byte = value & 0x7f;

      value >>= 7;
      if (value != 0)
        byte |= 0x80;
      g_byte_array_append (out, &byte, 1);
    }
  while (value != 0);
}

void
put_zigzag (GByteArray *out,
            gint32      value)
{
  put_varint (out, value >= 0 ? (guint32) value * 2 : (guint32) (-(gint64) value * 2 - 1));
}

/* A u8 length and the UTF-8 bytes. */
void
put_name (GByteArray *out,
          const char *name)
{
  guint8 length = (guint8) strlen (name);

  g_byte_array_append (out, &length, 1);
  g_byte_array_append (out, (const guint8 *) name, length);
}

void
put_label (GByteArray   *out,
           gint32        lon_e6,
           gint32        lat_e6,
           const guint8 *fields,
           guint         n_fields,
           const char   *name)
{
  put_u32 (out, (guint32) lon_e6);
  put_u32 (out, (guint32) lat_e6);
  g_byte_array_append (out, fields, n_fields);
  put_name (out, name);
}

void
put_arc (GByteArray *out,
         const int  *points,
         guint       n_points)
{
  int x = 0, y = 0;

  put_varint (out, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      put_zigzag (out, points[2 * i] - x);
      put_zigzag (out, points[2 * i + 1] - y);
      x = points[2 * i];
      y = points[2 * i + 1];
    }
}

/* The header, the section table and the sections, in order; frees the sections' data. */
GBytes *
test_extract_assemble (const TestSection *sections,
                       guint              n_sections)
{
  GByteArray *file = g_byte_array_new ();
  guint32 offset = 16 + 16 * n_sections;

  g_byte_array_append (file, (const guint8 *) "ATLASBM\0", 8);
  put_u32 (file, 1);
  put_u32 (file, n_sections);
  for (guint i = 0; i < n_sections; i++)
    {
      g_byte_array_append (file, (const guint8 *) sections[i].tag, 4);
      put_u32 (file, offset);
      put_u32 (file, sections[i].data->len);
      put_u32 (file, sections[i].count);
      offset += sections[i].data->len;
    }
  for (guint i = 0; i < n_sections; i++)
    {
      g_byte_array_append (file, sections[i].data->data, sections[i].data->len);
      g_byte_array_unref (sections[i].data);
    }

  return g_byte_array_free_to_bytes (file);
}

/* ---- the real extract -------------------------------------------------------------- */

char *
basemap_path (void)
{
  const char *from_environment = g_getenv ("ATLAS_BASEMAP");

  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "basemap", "basemap.bin", NULL);
}

/* The extract's bytes, read once for the whole test program. */
GBytes *
basemap_bytes (void)
{
  static GBytes *bytes = NULL;

  if (bytes == NULL)
    {
      g_autofree char *path = basemap_path ();
      g_autoptr(GError) error = NULL;
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        g_error ("Cannot read the basemap extract (set ATLAS_BASEMAP): %s", error->message);
      bytes = g_bytes_new_take (contents, length);
    }
  return bytes;
}

/* One basemap on the extract, shared by the whole test program. */
AtlasBasemap *
shared_basemap (void)
{
  static AtlasBasemap *basemap = NULL;

  if (basemap == NULL)
    {
      g_autoptr(GError) error = NULL;

      basemap = atlas_basemap_new_from_bytes (basemap_bytes (), &error);
      g_assert_no_error (error);
    }
  return basemap;
}
