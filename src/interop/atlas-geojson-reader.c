/* atlas-geojson-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads GeoJSON (RFC 7946): points become incidents, line strings routes with their
 * vertices as waypoints. Properties whose names match a field fill it; the rest are kept as
 * claims of the import. The bytes are checked (encoding, nesting depth) first; then a
 * FeatureCollection is read one feature at a time (atlas-json-stream.c), so that memory
 * follows the largest feature, not the file. A property keeps the exact text the file
 * wrote, numbers included.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "atlas-geojson-claims.h"
#include "atlas-geojson-reader.h"
#include "atlas-import-error.h"
#include "atlas-import-limits.h"
#include "atlas-import-values.h"
#include "atlas-json-stream.h"

#define FEATURES_PER_PROGRESS 1000

/* Values (numbers, strings, arrays, objects…) one feature may hold: a line of
 * ATLAS_IMPORT_MAX_VERTICES positions with altitudes takes 400,001, and its tree about
 * 60 MB. A feature with more is skipped without being built. */
#define MAX_FEATURE_VALUES 500000

/* Values a root "type" or "crs" may hold: a few are enough. */
#define MAX_HEADER_VALUES 1000

typedef struct {
  AtlasImportBatch *batch;
  AtlasJsonStream  *stream;
  guint             n_features;
} GeoJsonReader;

/* ---- checks on the bytes ---------------------------------------------------------- */

static guint
line_of (const char *data,
         const char *position)
{
  guint line = 1;

  for (const char *p = data; (p = memchr (p, '\n', (gsize) (position - p))) != NULL; p++)
    line++;
  return line;
}

static gboolean
check_encoding (const char  *data,
                gsize        length,
                GError     **error)
{
  const char *invalid = NULL;
  const char *nul = memchr (data, '\0', length);

  if (nul != NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
                   _("line %u: it holds a NUL byte, so it is not a text file"),
                   line_of (data, nul));
      return FALSE;
    }
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
                   _("line %u: it is not valid UTF-8 text"), line_of (data, invalid));
      return FALSE;
    }
  return TRUE;
}

/* Counts brackets outside strings; stops at the first level too deep. */
static gboolean
check_depth (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > ATLAS_IMPORT_MAX_JSON_DEPTH)
        {
          g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_DEEP,
                       _("line %u: it is nested more than %u levels deep"),
                       line_of (data, data + i), ATLAS_IMPORT_MAX_JSON_DEPTH);
          return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* ---- values ----------------------------------------------------------------------- */

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* json-glib's string getters raise a critical for a member that is an object or an array;
 * in a file from elsewhere, "type" may be anything. */
static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static const char *
member_type (JsonObject *object)
{
  return string_member (object, "type");
}

/* A coordinate: a number a double holds ("1e400" is not one). */
static gboolean
read_number (GeoJsonReader  *reader,
             JsonNode       *node,
             const char     *what,
             double         *value,
             GError        **error)
{
  g_autofree char *text = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("the coordinates are not a pair of numbers"));
      return FALSE;
    }
  *value = json_node_get_double (node);
  if (isfinite (*value))
    return TRUE;
  text = atlas_json_stream_node_text (reader->stream, node);
  /* Translators: "latitude 1e400 is beyond what a number can hold" */
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
               _("%s %.40s is beyond what a number can hold"), what, text);
  return FALSE;
}

/* A position: [longitude, latitude, (altitude)], checked. */
static gboolean
read_position (GeoJsonReader  *reader,
               JsonNode       *node,
               double         *latitude,
               double         *longitude,
               GError        **error)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (array = json_node_get_array (node)) == 0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("empty coordinates"));
      return FALSE;
    }
  if (json_array_get_length (array) < 2)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("the coordinates are not a pair of numbers"));
      return FALSE;
    }
  return read_number (reader, json_array_get_element (array, 0), _("longitude"), longitude,
                      error)
         && read_number (reader, json_array_get_element (array, 1), _("latitude"), latitude,
                         error)
         && atlas_import_check_coordinate (*latitude, *longitude, error);
}

/* The vertices of a line string as latitude, longitude pairs. */
static GArray *
read_line (GeoJsonReader  *reader,
           JsonNode       *node,
           GError        **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  JsonArray *array;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || (n = json_array_get_length (array = json_node_get_array (node))) == 0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("empty coordinates"));
      return NULL;
    }
  if (n > ATLAS_IMPORT_MAX_VERTICES)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_TOO_LARGE,
                   _("the line has %u vertices, more than %u"), n, ATLAS_IMPORT_MAX_VERTICES);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      double pair[2];

      if (!read_position (reader, json_array_get_element (array, i), &pair[0], &pair[1],
                          error))
        {
          g_prefix_error (error, _("vertex %u: "), i + 1);
          return NULL;
        }
      g_array_append_vals (points, pair, 2);
    }
  return g_steal_pointer (&points);
}

/* ---- features --------------------------------------------------------------------- */

/* A string, an array or an object: each is bounded like a CSV field. */
static gboolean
property_too_long (GeoJsonReader *reader,
                   JsonNode      *node)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return strlen (json_node_get_string (node)) > ATLAS_IMPORT_MAX_FIELD_SIZE;
  if (atlas_json_stream_node_length (reader->stream, node) <= ATLAS_IMPORT_MAX_FIELD_SIZE)
    return FALSE;
  /* Without the spaces between its tokens it may still fit. */
  text = atlas_json_stream_node_text (reader->stream, node);
  return strlen (text) > ATLAS_IMPORT_MAX_FIELD_SIZE;
}

static gboolean
check_property_sizes (GeoJsonReader *reader,
                      JsonObject    *properties)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint n = json_object_get_size (properties);
  gboolean listed;

  if (n > ATLAS_IMPORT_MAX_FIELDS)
    {
      atlas_import_batch_add_problem (reader->batch,
                                      _("it has %u properties, more than %u; the feature is "
                                        "skipped"), n, ATLAS_IMPORT_MAX_FIELDS);
      return FALSE;
    }
  /* Our own claim list and its sources are read entry by entry, each text bounded there. */
  listed = atlas_geojson_holds_claim_list (properties);
  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &node))
    if (!(listed && (g_str_equal (name, "claims") || g_str_equal (name, "sources")))
        && property_too_long (reader, node))
      {
        atlas_import_batch_add_problem (reader->batch,
                                        _("the property “%.40s” is longer than %u MiB"),
                                        name, ATLAS_IMPORT_MAX_FIELD_SIZE >> 20);
        return FALSE;
      }
  return TRUE;
}

/* A property our own export wrote only to repeat what the claim list holds in full. */
static gboolean
repeats_claim_list (AtlasRecord *record,
                    GHashTable  *listed,
                    const char  *name)
{
  if (listed == NULL)
    return FALSE;
  if (g_str_equal (name, "claims") || g_str_equal (name, "sources"))
    return TRUE;
  return g_hash_table_contains (listed, name)
         && atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (record), name) == NULL;
}

/* Fills mapped fields and keeps every other property as a claim; a claim list as we export
 * it comes back as the claims it lists. */
static gboolean
read_properties (GeoJsonReader *reader,
                 AtlasRecord   *record,
                 JsonObject    *properties)
{
  g_autoptr(GHashTable) listed = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint filled = 0;

  if (!atlas_geojson_read_claim_list (reader->batch, reader->stream, record, properties,
                                      &listed))
    return FALSE;
  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *text = NULL;

      if (repeats_claim_list (record, listed, name))
        continue;
      text = atlas_json_stream_node_text (reader->stream, node);
      if (!atlas_import_batch_set_property (reader->batch, record, name, text, &filled))
        return FALSE;
    }
  return TRUE;
}

static void
keep_feature_id (GeoJsonReader *reader,
                 AtlasRecord   *record,
                 JsonObject    *feature)
{
  JsonNode *node = json_object_get_member (feature, "id");
  g_autofree char *id = node != NULL ? atlas_json_stream_node_text (reader->stream, node) : NULL;

  if (id != NULL && *id != '\0' && strlen (id) <= ATLAS_IMPORT_MAX_FIELD_SIZE)
    atlas_import_batch_add_claim (reader->batch, record, "id", id, NULL);
}

static AtlasRecord *
add_point (GeoJsonReader  *reader,
           JsonObject     *geometry,
           GError        **error)
{
  double latitude, longitude;
  AtlasRecord *incident;

  if (!read_position (reader, json_object_get_member (geometry, "coordinates"), &latitude,
                      &longitude, error))
    return NULL;
  incident = atlas_import_batch_add_incident (reader->batch);
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", longitude);
  return incident;
}

static AtlasRecord *
add_line (GeoJsonReader  *reader,
          JsonObject     *geometry,
          GError        **error)
{
  g_autoptr(GArray) points = read_line (reader, json_object_get_member (geometry, "coordinates"),
                                        error);
  AtlasRecord *route;

  if (points == NULL)
    return NULL;
  route = atlas_import_batch_add_route (reader->batch);
  for (guint i = 0; i < points->len / 2; i++)
    atlas_import_batch_add_waypoint (reader->batch, route, i + 1,
                                     g_array_index (points, double, 2 * i),
                                     g_array_index (points, double, 2 * i + 1));
  return route;
}

static AtlasRecord *
add_geometry (GeoJsonReader  *reader,
              JsonNode       *node,
              GError        **error)
{
  JsonObject *geometry;
  const char *type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("empty coordinates"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node)
      || (type = member_type (geometry = json_node_get_object (node))) == NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("the geometry is not a GeoJSON geometry"));
      return NULL;
    }
  if (g_str_equal (type, "Point"))
    return add_point (reader, geometry, error);
  if (g_str_equal (type, "LineString"))
    return add_line (reader, geometry, error);
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
               _("geometry type “%.40s” is not supported (only Point and LineString)"), type);
  return NULL;
}

static JsonObject *
get_properties (GeoJsonReader *reader,
                JsonObject    *feature,
                gboolean      *ok)
{
  JsonNode *node = json_object_get_member (feature, "properties");

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      atlas_import_batch_add_problem (reader->batch, _("“properties” is not an object"));
      *ok = FALSE;
      return NULL;
    }
  *ok = check_property_sizes (reader, json_node_get_object (node));
  return json_node_get_object (node);
}

static void
read_feature (GeoJsonReader *reader,
              JsonNode      *node)
{
  g_autoptr(GError) error = NULL;
  JsonObject *feature, *properties;
  AtlasRecord *record;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node)
      || g_strcmp0 (member_type (feature = json_node_get_object (node)), "Feature") != 0)
    {
      atlas_import_batch_add_problem (reader->batch, _("it is not a GeoJSON Feature"));
      return;
    }
  properties = get_properties (reader, feature, &ok);
  if (!ok)
    return;

  atlas_import_batch_begin_item (reader->batch);
  record = add_geometry (reader, json_object_get_member (feature, "geometry"), &error);
  if (record == NULL)
    {
      atlas_import_batch_add_problem (reader->batch, "%s", error->message);
      return;
    }
  keep_feature_id (reader, record, feature);
  if (properties != NULL && !read_properties (reader, record, properties))
    atlas_import_batch_discard_item (reader->batch);
}

/* The next feature, read and given to the batch, or a problem when it holds too much. */
static gboolean
read_next_feature (GeoJsonReader  *reader,
                   GError        **error)
{
  g_autoptr(JsonNode) node = NULL;
  gboolean too_many;

  atlas_import_batch_set_position (reader->batch, 0, ++reader->n_features);
  node = atlas_json_stream_read_value (reader->stream, MAX_FEATURE_VALUES, &too_many, error);
  if (too_many)
    atlas_import_batch_add_problem (reader->batch,
                                    _("it holds more than %u values; the feature is skipped"),
                                    MAX_FEATURE_VALUES);
  else if (node == NULL)
    return FALSE;
  else
    read_feature (reader, node);

  if (reader->n_features % FEATURES_PER_PROGRESS != 0)
    return TRUE;
  return atlas_import_batch_progress (reader->batch,
                                      atlas_json_stream_get_fraction (reader->stream), error);
}

static gboolean
read_features (GeoJsonReader  *reader,
               GError        **error)
{
  gboolean more = TRUE;

  if (atlas_json_stream_peek (reader->stream) != '[')
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("its “features” is not a list"));
      return FALSE;
    }
  if (!atlas_json_stream_begin (reader->stream, '[', error))
    return FALSE;
  while (atlas_json_stream_next_element (reader->stream, &more, error))
    {
      if (!more)
        return TRUE;
      if (!read_next_feature (reader, error))
        return FALSE;
    }
  return FALSE;
}

/* RFC 7946 is WGS 84 longitude/latitude only; the 2008 format could declare others. */
static gboolean
check_crs (JsonObject  *root,
           GError     **error)
{
  JsonObject *crs = object_member (root, "crs");
  JsonObject *properties;
  const char *name;

  if (crs == NULL || (properties = object_member (crs, "properties")) == NULL
      || (name = string_member (properties, "name")) == NULL
      || strstr (name, "CRS84") != NULL || g_str_has_suffix (name, "4326"))
    return TRUE;

  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
               _("its coordinates are in “%.60s”; only WGS 84 longitude/latitude is supported"),
               name);
  return FALSE;
}

/* A member of the root read as a small tree: "type" or "crs". */
static gboolean
read_header_member (GeoJsonReader  *reader,
                    JsonObject     *header,
                    const char     *name,
                    GError        **error)
{
  gboolean too_many;
  JsonNode *node = atlas_json_stream_read_value (reader->stream, MAX_HEADER_VALUES, &too_many,
                                                 error);

  if (node != NULL)
    json_object_set_member (header, name, node);
  return node != NULL || too_many;
}

/* A FeatureCollection, its features read one by one; other members are passed over. */
static gboolean
read_collection (GeoJsonReader  *reader,
                 GError        **error)
{
  g_autoptr(JsonObject) header = json_object_new ();
  gboolean seen_features = FALSE;

  if (!atlas_json_stream_begin (reader->stream, '{', error))
    return FALSE;
  for (;;)
    {
      g_autofree char *name = NULL;
      gboolean ok;

      if (!atlas_json_stream_next_member (reader->stream, &name, error))
        return FALSE;
      if (name == NULL)
        break;
      if (g_str_equal (name, "crs"))
        ok = read_header_member (reader, header, name, error) && check_crs (header, error);
      else if (g_str_equal (name, "features") && !seen_features)
        ok = seen_features = read_features (reader, error);
      else
        ok = atlas_json_stream_skip_value (reader->stream, error);
      if (!ok)
        return FALSE;
    }
  if (!atlas_json_stream_at_end (reader->stream, error))
    return FALSE;
  if (!seen_features)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("its “features” is not a list"));
      return FALSE;
    }
  return TRUE;
}

/* A lone Feature, or a bare geometry taken as a feature without properties: one tree. */
static gboolean
read_single (GeoJsonReader  *reader,
             const char     *type,
             GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) feature = NULL;
  gboolean too_many;

  root = atlas_json_stream_read_value (reader->stream, MAX_FEATURE_VALUES, &too_many, error);
  if (root == NULL && !too_many)
    return FALSE;
  if (!atlas_json_stream_at_end (reader->stream, error))
    return FALSE;
  atlas_import_batch_set_position (reader->batch, 0, 1);
  if (too_many)
    {
      atlas_import_batch_add_problem (reader->batch,
                                      _("it holds more than %u values; the feature is skipped"),
                                      MAX_FEATURE_VALUES);
      return TRUE;
    }
  if (!check_crs (json_node_get_object (root), error))
    return FALSE;
  if (g_str_equal (type, "Feature"))
    feature = json_node_ref (root);
  else
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "type", "Feature");
      json_object_set_member (object, "geometry", json_node_ref (root));
      feature = json_node_init_object (json_node_alloc (), object);
      json_object_unref (object);
    }
  read_feature (reader, feature);
  return TRUE;
}

/* The root's "type", found without building anything: it may come after "features". */
static char *
find_root_type (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(AtlasJsonStream) stream = atlas_json_stream_new (data, length);

  if (atlas_json_stream_peek (stream) != '{')
    return atlas_json_stream_skip_value (stream, error) ? g_strdup ("") : NULL;
  if (!atlas_json_stream_begin (stream, '{', error))
    return NULL;
  for (;;)
    {
      g_autofree char *name = NULL;
      g_autoptr(JsonNode) node = NULL;
      gboolean too_many;

      if (!atlas_json_stream_next_member (stream, &name, error))
        return NULL;
      if (name == NULL)
        return g_strdup ("");
      if (!g_str_equal (name, "type"))
        {
          if (!atlas_json_stream_skip_value (stream, error))
            return NULL;
          continue;
        }
      node = atlas_json_stream_read_value (stream, MAX_HEADER_VALUES, &too_many, error);
      if (node == NULL && !too_many)
        return NULL;
      return g_strdup (node != NULL && JSON_NODE_HOLDS_VALUE (node)
                       && json_node_get_value_type (node) == G_TYPE_STRING
                       ? json_node_get_string (node) : "");
    }
}

/**
 * atlas_geojson_reader_read:
 *
 * Reads a GeoJSON text into @batch, one feature at a time. Features that cannot be read
 * become problems naming their number.
 *
 * Returns: %FALSE when the whole file is refused (not UTF-8, too deep, not JSON, not GeoJSON)
 *   or the import was cancelled
 */
gboolean
atlas_geojson_reader_read (const char        *data,
                           gsize              length,
                           AtlasImportBatch  *batch,
                           GError           **error)
{
  g_autoptr(AtlasJsonStream) stream = NULL;
  g_autofree char *type = NULL;
  GeoJsonReader reader = { batch, NULL, 0 };
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (batch), FALSE);

  if (!check_encoding (data, length, error) || !check_depth (data, length, error)
      || (type = find_root_type (data, length, error)) == NULL)
    return FALSE;
  if (*type == '\0')
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("it is JSON but not GeoJSON (no “type”)"));
      return FALSE;
    }

  stream = atlas_json_stream_new (data, length);
  reader.stream = stream;
  if (g_str_equal (type, "FeatureCollection"))
    ok = read_collection (&reader, error);
  else
    ok = read_single (&reader, type, error);
  return ok && atlas_import_batch_progress (batch, 1.0, error);
}
