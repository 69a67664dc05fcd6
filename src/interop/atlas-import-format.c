/* atlas-import-format.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tells which format a file to import is from its first bytes, falling back on its name,
 * and refuses with a message what cannot be imported at all (UTF-16, a case file, a ZIP).
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-import-error.h"
#include "atlas-import-format.h"
#include "atlas-import-limits.h"

static const char *
skip_bom_and_space (const char *data,
                    gsize       length)
{
  const char *p = data, *end = data + MIN (length, ATLAS_IMPORT_SNIFF_LENGTH);

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p < end ? p : NULL;
}

static AtlasImportFormat
format_from_extension (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    return ATLAS_IMPORT_FORMAT_GEOJSON;
  if (g_str_has_suffix (lower, ".kml"))
    return ATLAS_IMPORT_FORMAT_KML;
  if (g_str_has_suffix (lower, ".gpx"))
    return ATLAS_IMPORT_FORMAT_GPX;
  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    return ATLAS_IMPORT_FORMAT_CSV;
  return ATLAS_IMPORT_FORMAT_UNKNOWN;
}

static AtlasImportFormat
format_of_xml (const char *start,
               gsize       length,
               const char *name)
{
  gssize sniff = (gssize) MIN (length, ATLAS_IMPORT_SNIFF_LENGTH);
  AtlasImportFormat by_name = format_from_extension (name);

  if (g_strstr_len (start, sniff, "<kml") != NULL || g_strstr_len (start, sniff, ":kml") != NULL)
    return ATLAS_IMPORT_FORMAT_KML;
  if (g_strstr_len (start, sniff, "<gpx") != NULL || g_strstr_len (start, sniff, ":gpx") != NULL)
    return ATLAS_IMPORT_FORMAT_GPX;
  /* a long prolog: let the reader decide */
  if (by_name == ATLAS_IMPORT_FORMAT_KML || by_name == ATLAS_IMPORT_FORMAT_GPX)
    return by_name;
  return ATLAS_IMPORT_FORMAT_UNKNOWN;
}

/* A UTF-16 or UTF-32 byte order mark, or ASCII text with NUL bytes between its letters. */
static gboolean
is_wide_encoding (const char *data,
                  gsize       length)
{
  const guint8 *b = (const guint8 *) data;

  if (length < 4)
    return FALSE;
  return (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)
         || (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0)
         || (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0)
         || (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0);
}

/**
 * atlas_import_format_detect:
 * @data: the file's first bytes (ATLAS_IMPORT_SNIFF_LENGTH are enough), or all of it
 * @name: the file's name, for its extension
 *
 * By content first, the name's extension where content cannot tell.
 *
 * Returns: the format, or %ATLAS_IMPORT_FORMAT_UNKNOWN with @error saying why
 */
AtlasImportFormat
atlas_import_format_detect (const char *data,
                            gsize       length,
                            const char *name,
                            GError    **error)
{
  const char *start = skip_bom_and_space (data, length);
  AtlasImportFormat by_name = format_from_extension (name);
  AtlasImportFormat format = ATLAS_IMPORT_FORMAT_UNKNOWN;
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (is_wide_encoding (data, length))
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
                 _("it is in UTF-16 or UTF-32; only UTF-8 files can be imported"));
  else if (length >= 16 && memcmp (data, "SQLite format 3", 16) == 0)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CASE_FILE,
                 _("it is an SQLite database (a case file, a GeoPackage), not a file to "
                   "import; open a case with Open"));
  else if (length >= 2 && memcmp (data, "PK", 2) == 0)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                 g_str_has_suffix (lower, ".kmz")
                 ? _("it is KMZ (zipped KML); unzip it and import the KML inside")
                 : _("it is a ZIP archive; unzip it and import the file inside"));
  else if (start == NULL)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                 _("the file is empty"));
  else if (*start == '{' || *start == '[')
    format = ATLAS_IMPORT_FORMAT_GEOJSON;
  else if (*start == '<')
    {
      format = format_of_xml (start, length - (gsize) (start - data), name);
      if (format == ATLAS_IMPORT_FORMAT_UNKNOWN)
        g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                     _("it is XML but neither KML nor GPX"));
    }
  else if (by_name == ATLAS_IMPORT_FORMAT_CSV || by_name == ATLAS_IMPORT_FORMAT_UNKNOWN)
    format = ATLAS_IMPORT_FORMAT_CSV;
  else
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_UNKNOWN_FORMAT,
                 _("its name says it is %s but it does not start like one"),
                 by_name == ATLAS_IMPORT_FORMAT_GEOJSON ? "GeoJSON"
                 : by_name == ATLAS_IMPORT_FORMAT_KML ? "KML" : "GPX");
  return format;
}

/**
 * atlas_import_format_check_size:
 *
 * A CSV file is read as a stream, so it may be of any size; JSON and XML are parsed whole.
 *
 * Returns: %FALSE, with @error saying the limit, for a file too large for its format
 */
gboolean
atlas_import_format_check_size (AtlasImportFormat   format,
                                guint64             length,
                                GError            **error)
{
  guint64 limit = ATLAS_IMPORT_MAX_TREE_SIZE;
  g_autofree char *size = NULL;
  g_autofree char *max = NULL;

  if (format == ATLAS_IMPORT_FORMAT_CSV || length <= limit)
    return TRUE;
  size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
  max = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_LARGE,
               _("it is %s; files of this kind can be imported up to %s"), size, max);
  return FALSE;
}
