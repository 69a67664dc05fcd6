/* atlas-gpkg-geometry.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GeoPackage binary geometries (a "GP" header with an optional envelope, then WKB) for the
 * points and line strings a case holds, and the ST_* SQL functions the GeoPackage R-tree
 * triggers call. Every blob is read as untrusted input: lengths are checked before use.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-gpkg-geometry.h"

#define HEADER_SIZE 8
#define FLAG_LITTLE_ENDIAN 0x01
#define FLAG_EMPTY 0x10
#define ENVELOPE_XY 1
#define WKB_POINT 1
#define WKB_LINE_STRING 2
#define WKB_HEADER_SIZE 5

G_DEFINE_QUARK (atlas-gpkg-geometry-error-quark, atlas_gpkg_geometry_error)

typedef struct {
  const guint8 *data;
  gsize         length;
  gsize         offset;
  gboolean      little_endian;
} Reader;

static gboolean
read_bytes (Reader *reader,
            void   *out,
            gsize   size)
{
  if (reader->length - reader->offset < size)
    return FALSE;

  memcpy (out, reader->data + reader->offset, size);
  if (reader->little_endian != (G_BYTE_ORDER == G_LITTLE_ENDIAN))
    {
      guint8 *bytes = out;

      for (gsize i = 0; i < size / 2; i++)
        {
          guint8 tmp = bytes[i];
          bytes[i] = bytes[size - 1 - i];
          bytes[size - 1 - i] = tmp;
        }
    }
  reader->offset += size;
  return TRUE;
}

static void
append_double (GByteArray *array,
               double      value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (array, (const guint8 *) &bits, sizeof bits);
}

static void
append_uint32 (GByteArray *array,
               guint32     value)
{
  value = GUINT32_TO_LE (value);
  g_byte_array_append (array, (const guint8 *) &value, sizeof value);
}

static GByteArray *
start_blob (const AtlasBounds *envelope)
{
  GByteArray *array = g_byte_array_new ();
  guint8 header[4] = { 'G', 'P', 0, FLAG_LITTLE_ENDIAN };

  if (envelope != NULL)
    header[3] |= ENVELOPE_XY << 1;
  g_byte_array_append (array, header, sizeof header);
  append_uint32 (array, ATLAS_GPKG_SRS_WGS84);

  if (envelope != NULL)
    {
      append_double (array, envelope->min_lon);
      append_double (array, envelope->max_lon);
      append_double (array, envelope->min_lat);
      append_double (array, envelope->max_lat);
    }
  return array;
}

static void
append_wkb_header (GByteArray *array,
                   guint32     type)
{
  guint8 order = 1;

  g_byte_array_append (array, &order, 1);
  append_uint32 (array, type);
}

/**
 * atlas_gpkg_point_new:
 *
 * Returns: (transfer full): a GeoPackage point in EPSG:4326 (x is longitude); points carry
 *   no envelope, as GDAL writes them
 */
GBytes *
atlas_gpkg_point_new (double latitude,
                      double longitude)
{
  GByteArray *array = start_blob (NULL);

  append_wkb_header (array, WKB_POINT);
  append_double (array, longitude);
  append_double (array, latitude);
  return g_byte_array_free_to_bytes (array);
}

/**
 * atlas_gpkg_line_string_new:
 * @lat_lon_pairs: (array): latitude, longitude, latitude, longitude…
 *
 * Returns: (transfer full): a GeoPackage line string with its envelope
 */
GBytes *
atlas_gpkg_line_string_new (const double *lat_lon_pairs,
                            guint         n_points)
{
  AtlasBounds envelope;
  GByteArray *array;

  atlas_bounds_init_empty (&envelope);
  for (guint i = 0; i < n_points; i++)
    atlas_bounds_extend (&envelope, lat_lon_pairs[2 * i], lat_lon_pairs[2 * i + 1]);

  array = start_blob (n_points > 0 ? &envelope : NULL);
  append_wkb_header (array, WKB_LINE_STRING);
  append_uint32 (array, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      append_double (array, lat_lon_pairs[2 * i + 1]);
      append_double (array, lat_lon_pairs[2 * i]);
    }
  return g_byte_array_free_to_bytes (array);
}

static gboolean
set_invalid (GError    **error,
             const char *reason)
{
  g_set_error (error, ATLAS_GPKG_GEOMETRY_ERROR, ATLAS_GPKG_GEOMETRY_ERROR_INVALID,
               _("invalid GeoPackage geometry: %s"), reason);
  return FALSE;
}

static gsize
envelope_size (guint code)
{
  static const gsize sizes[] = { 0, 32, 48, 48, 64 };

  return code < G_N_ELEMENTS (sizes) ? sizes[code] : G_MAXSIZE;
}

/* Reads the GP header; leaves @reader at the WKB, @envelope set when the blob has one. */
static gboolean
read_header (Reader       *reader,
             AtlasBounds  *envelope,
             gboolean     *has_envelope,
             gboolean     *is_empty,
             GError      **error)
{
  guint8 flags;
  gsize env_size;
  double values[4];

  if (reader->length < HEADER_SIZE || reader->data[0] != 'G' || reader->data[1] != 'P')
    return set_invalid (error, _("no GP header"));
  if (reader->data[2] != 0)
    return set_invalid (error, _("unknown version"));

  flags = reader->data[3];
  if (flags & 0x20)
    return set_invalid (error, _("extended geometry types are not supported"));

  reader->little_endian = (flags & FLAG_LITTLE_ENDIAN) != 0;
  env_size = envelope_size ((flags >> 1) & 0x07);
  if (env_size == G_MAXSIZE || reader->length - HEADER_SIZE < env_size)
    return set_invalid (error, _("envelope longer than the blob"));

  reader->offset = HEADER_SIZE;
  *is_empty = (flags & FLAG_EMPTY) != 0;
  *has_envelope = env_size > 0;
  if (*has_envelope)
    {
      for (guint i = 0; i < 4; i++)
        read_bytes (reader, &values[i], sizeof (double));
      envelope->min_lon = values[0];
      envelope->max_lon = values[1];
      envelope->min_lat = values[2];
      envelope->max_lat = values[3];
    }
  reader->offset = HEADER_SIZE + env_size;
  return TRUE;
}

static gboolean
read_wkb_type (Reader   *reader,
               guint32  *type,
               GError  **error)
{
  guint8 order;

  if (!read_bytes (reader, &order, 1) || order > 1)
    return set_invalid (error, _("bad WKB byte order"));
  reader->little_endian = order == 1;
  if (!read_bytes (reader, type, sizeof *type))
    return set_invalid (error, _("truncated WKB"));
  return TRUE;
}

static gboolean
read_finite_point (Reader *reader,
                   double *x,
                   double *y)
{
  return read_bytes (reader, x, sizeof *x) && read_bytes (reader, y, sizeof *y)
         && isfinite (*x) && isfinite (*y);
}

static gboolean
wkb_get_bounds (Reader       *reader,
                AtlasBounds  *bounds,
                GError      **error)
{
  guint32 type, n_points = 1;
  double x, y;

  if (!read_wkb_type (reader, &type, error))
    return FALSE;
  if (type != WKB_POINT && type != WKB_LINE_STRING)
    {
      g_set_error (error, ATLAS_GPKG_GEOMETRY_ERROR, ATLAS_GPKG_GEOMETRY_ERROR_UNSUPPORTED,
                   _("geometry type %u is not a point or a line string"), type);
      return FALSE;
    }
  if (type == WKB_LINE_STRING
      && (!read_bytes (reader, &n_points, sizeof n_points)
          || n_points > (reader->length - reader->offset) / 16))
    return set_invalid (error, _("line string longer than the blob"));

  atlas_bounds_init_empty (bounds);
  for (guint32 i = 0; i < n_points; i++)
    {
      if (!read_finite_point (reader, &x, &y))
        return set_invalid (error, _("truncated or non-finite coordinates"));
      atlas_bounds_extend (bounds, y, x);
    }
  return TRUE;
}

/**
 * atlas_gpkg_geometry_get_bounds:
 *
 * Returns: %TRUE with @bounds set (empty for an empty geometry), or %FALSE for a blob
 *   that is not a valid GeoPackage geometry
 */
gboolean
atlas_gpkg_geometry_get_bounds (const guint8  *blob,
                                gsize          length,
                                AtlasBounds   *bounds,
                                GError       **error)
{
  Reader reader = { blob, length, 0, TRUE };
  gboolean has_envelope, is_empty;

  g_return_val_if_fail (bounds != NULL, FALSE);

  if (blob == NULL || !read_header (&reader, bounds, &has_envelope, &is_empty, error))
    return blob != NULL ? FALSE : set_invalid (error, _("no data"));

  if (is_empty)
    {
      atlas_bounds_init_empty (bounds);
      return TRUE;
    }
  if (has_envelope)
    {
      if (!isfinite (bounds->min_lon) || !isfinite (bounds->max_lon)
          || !isfinite (bounds->min_lat) || !isfinite (bounds->max_lat))
        return set_invalid (error, _("non-finite envelope"));
      return TRUE;
    }
  return wkb_get_bounds (&reader, bounds, error);
}

/**
 * atlas_gpkg_point_decode:
 *
 * Returns: %TRUE if @blob is a valid, non-empty GeoPackage point
 */
gboolean
atlas_gpkg_point_decode (const guint8  *blob,
                         gsize          length,
                         double        *latitude,
                         double        *longitude,
                         GError       **error)
{
  Reader reader = { blob, length, 0, TRUE };
  AtlasBounds envelope;
  gboolean has_envelope, is_empty;
  guint32 type;

  if (blob == NULL)
    return set_invalid (error, _("no data"));
  if (!read_header (&reader, &envelope, &has_envelope, &is_empty, error)
      || !read_wkb_type (&reader, &type, error))
    return FALSE;
  if (type != WKB_POINT)
    return set_invalid (error, _("not a point"));
  if (is_empty || !read_finite_point (&reader, longitude, latitude))
    return set_invalid (error, _("empty, truncated or non-finite point"));
  return TRUE;
}

/**
 * atlas_gpkg_line_string_decode:
 *
 * Returns: (transfer full) (nullable): latitude, longitude pairs, or %NULL on error
 */
double *
atlas_gpkg_line_string_decode (const guint8  *blob,
                               gsize          length,
                               guint         *n_points,
                               GError       **error)
{
  Reader reader = { blob, length, 0, TRUE };
  g_autofree double *pairs = NULL;
  AtlasBounds envelope;
  gboolean has_envelope, is_empty;
  guint32 type, n;

  if (blob == NULL)
    return set_invalid (error, _("no data")), NULL;
  if (!read_header (&reader, &envelope, &has_envelope, &is_empty, error)
      || !read_wkb_type (&reader, &type, error))
    return NULL;
  if (type != WKB_LINE_STRING || !read_bytes (&reader, &n, sizeof n)
      || n > (reader.length - reader.offset) / 16)
    return set_invalid (error, _("not a line string, or longer than the blob")), NULL;

  pairs = g_new (double, 2 * (gsize) n + 1);
  for (guint32 i = 0; i < n; i++)
    if (!read_finite_point (&reader, &pairs[2 * i + 1], &pairs[2 * i]))
      return set_invalid (error, _("truncated or non-finite coordinates")), NULL;

  *n_points = n;
  return g_steal_pointer (&pairs);
}

/* ST_MinX(geom) and friends: NULL for NULL, empty or invalid geometries, so a broken blob
 * never aborts a statement or enters the R-tree. */
static void
st_bound_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  int which = GPOINTER_TO_INT (sqlite3_user_data (context));
  AtlasBounds bounds;
  const double *values = (const double *) &bounds;

  if (sqlite3_value_type (argv[0]) != SQLITE_BLOB
      || !atlas_gpkg_geometry_get_bounds (sqlite3_value_blob (argv[0]),
                                          sqlite3_value_bytes (argv[0]), &bounds, NULL)
      || atlas_bounds_is_empty (&bounds))
    {
      sqlite3_result_null (context);
      return;
    }

  /* AtlasBounds is min_lon, min_lat, max_lon, max_lat */
  sqlite3_result_double (context, values[which]);
}

static void
st_is_empty_func (sqlite3_context  *context,
                  int               argc,
                  sqlite3_value   **argv)
{
  AtlasBounds bounds;

  if (sqlite3_value_type (argv[0]) != SQLITE_BLOB
      || !atlas_gpkg_geometry_get_bounds (sqlite3_value_blob (argv[0]),
                                          sqlite3_value_bytes (argv[0]), &bounds, NULL))
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_int (context, atlas_bounds_is_empty (&bounds));
}

/**
 * atlas_gpkg_register_sql_functions:
 *
 * Registers ST_MinX, ST_MaxX, ST_MinY, ST_MaxY and ST_IsEmpty on @db.
 *
 * Returns: an SQLite result code
 */
int
atlas_gpkg_register_sql_functions (sqlite3 *db)
{
  static const struct {
    const char *name;
    int         which;
  } bounds_functions[] = {
    { "ST_MinX", 0 }, { "ST_MinY", 1 }, { "ST_MaxX", 2 }, { "ST_MaxY", 3 },
  };
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (bounds_functions); i++)
    {
      rc = sqlite3_create_function (db, bounds_functions[i].name, 1, flags,
                                    GINT_TO_POINTER (bounds_functions[i].which),
                                    st_bound_func, NULL, NULL);
      if (rc != SQLITE_OK)
        return rc;
    }
  return sqlite3_create_function (db, "ST_IsEmpty", 1, flags, NULL,
                                  st_is_empty_func, NULL, NULL);
}
