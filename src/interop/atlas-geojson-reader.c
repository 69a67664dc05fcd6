/* atlas-geojson-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads GeoJSON (RFC 7946): points become incidents, line strings routes with their
 * vertices as waypoints. Properties whose names match a field fill it; the rest are kept as
 * claims of the import. The bytes are checked (encoding, nesting depth) before json-glib
 * parses them, because json-glib crashes on very deep nesting.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "atlas-geojson-claims.h"
#include "atlas-geojson-reader.h"
#include "atlas-import-error.h"
#include "atlas-import-limits.h"
#include "atlas-import-values.h"

#define FEATURES_PER_PROGRESS 1000

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

/* json-glib names the input "<data>"; people want the line. */
static void
set_parse_error (GError     **error,
                 const GError *parse_error)
{
  guint line = 0, column = 0;
  const char *message = parse_error->message;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                 _("line %u: it is not valid JSON: %s"), line, message + consumed);
  else
    g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                 _("it is not valid JSON: %s"), message);
}

static gboolean node_is_utf8 (JsonNode *node);

static gboolean
object_is_utf8 (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    if (!g_utf8_validate (name, -1, NULL) || !node_is_utf8 (member))
      return FALSE;
  return TRUE;
}

static gboolean
array_is_utf8 (JsonArray *array)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    if (!node_is_utf8 (json_array_get_element (array, i)))
      return FALSE;
  return TRUE;
}

/* json-glib 1.6 decodes an unpaired UTF-16 surrogate escape ("\ud800") or a malformed
 * one ("\ude1.") into bytes that are not UTF-8, which would reach labels and the case
 * file. What it decoded is checked, rather than second-guessing how it reads escapes;
 * check_depth() bounds the recursion. */
static gboolean
node_is_utf8 (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return object_is_utf8 (json_node_get_object (node));
    case JSON_NODE_ARRAY:
      return array_is_utf8 (json_node_get_array (node));
    case JSON_NODE_VALUE:
      return json_node_get_value_type (node) != G_TYPE_STRING
             || g_utf8_validate (json_node_get_string (node), -1, NULL);
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
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

/* Any JSON value as the text a claim keeps; NULL for null. */
static char *
value_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (type == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_DOUBLE)
        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    }
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static gboolean
read_number (JsonNode *node,
             double   *value)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

/* A position: [longitude, latitude, (altitude)], checked. */
static gboolean
read_position (JsonNode  *node,
               double    *latitude,
               double    *longitude,
               GError   **error)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (array = json_node_get_array (node)) == 0)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("empty coordinates"));
      return FALSE;
    }
  if (json_array_get_length (array) < 2
      || !read_number (json_array_get_element (array, 0), longitude)
      || !read_number (json_array_get_element (array, 1), latitude))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("the coordinates are not a pair of numbers"));
      return FALSE;
    }
  return atlas_import_check_coordinate (*latitude, *longitude, error);
}

/* The vertices of a line string as latitude, longitude pairs. */
static GArray *
read_line (JsonNode  *node,
           GError   **error)
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

      if (!read_position (json_array_get_element (array, i), &pair[0], &pair[1], error))
        {
          g_prefix_error (error, _("vertex %u: "), i + 1);
          return NULL;
        }
      g_array_append_vals (points, pair, 2);
    }
  return g_steal_pointer (&points);
}

/* ---- features --------------------------------------------------------------------- */

static gboolean
check_property_sizes (AtlasImportBatch *batch,
                      JsonObject       *properties)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
        && strlen (json_node_get_string (node)) > ATLAS_IMPORT_MAX_FIELD_SIZE)
      {
        atlas_import_batch_add_problem (batch, _("the property “%.40s” is longer than %u MiB"),
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
read_properties (AtlasImportBatch *batch,
                 AtlasRecord      *record,
                 JsonObject       *properties)
{
  g_autoptr(GHashTable) listed = atlas_geojson_read_claim_list (batch, record, properties);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint filled = 0;

  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_autofree char *text = NULL;

      if (repeats_claim_list (record, listed, name))
        continue;
      text = value_to_text (node);
      if (!atlas_import_batch_set_property (batch, record, name, text, &filled))
        return FALSE;
    }
  return TRUE;
}

static void
keep_feature_id (AtlasImportBatch *batch,
                 AtlasRecord      *record,
                 JsonObject       *feature)
{
  g_autofree char *id = value_to_text (json_object_get_member (feature, "id"));

  if (id != NULL && *id != '\0')
    atlas_import_batch_add_claim (batch, record, "id", id, NULL);
}

static AtlasRecord *
add_point (AtlasImportBatch  *batch,
           JsonObject        *geometry,
           GError           **error)
{
  double latitude, longitude;
  AtlasRecord *incident;

  if (!read_position (json_object_get_member (geometry, "coordinates"), &latitude, &longitude,
                      error))
    return NULL;
  incident = atlas_import_batch_add_incident (batch);
  atlas_record_set_double (incident, "latitude", latitude);
  atlas_record_set_double (incident, "longitude", longitude);
  return incident;
}

static AtlasRecord *
add_line (AtlasImportBatch  *batch,
          JsonObject        *geometry,
          GError           **error)
{
  g_autoptr(GArray) points = read_line (json_object_get_member (geometry, "coordinates"), error);
  AtlasRecord *route;

  if (points == NULL)
    return NULL;
  route = atlas_import_batch_add_route (batch);
  for (guint i = 0; i < points->len / 2; i++)
    atlas_import_batch_add_waypoint (batch, route, i + 1, g_array_index (points, double, 2 * i),
                                     g_array_index (points, double, 2 * i + 1));
  return route;
}

static AtlasRecord *
add_geometry (AtlasImportBatch  *batch,
              JsonNode          *node,
              GError           **error)
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
    return add_point (batch, geometry, error);
  if (g_str_equal (type, "LineString"))
    return add_line (batch, geometry, error);
  g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
               _("geometry type “%.40s” is not supported (only Point and LineString)"), type);
  return NULL;
}

static JsonObject *
get_properties (AtlasImportBatch *batch,
                JsonObject       *feature,
                gboolean         *ok)
{
  JsonNode *node = json_object_get_member (feature, "properties");

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      atlas_import_batch_add_problem (batch, _("“properties” is not an object"));
      *ok = FALSE;
      return NULL;
    }
  *ok = check_property_sizes (batch, json_node_get_object (node));
  return json_node_get_object (node);
}

static void
read_feature (AtlasImportBatch *batch,
              JsonNode         *node)
{
  g_autoptr(GError) error = NULL;
  JsonObject *feature, *properties;
  AtlasRecord *record;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node)
      || g_strcmp0 (member_type (feature = json_node_get_object (node)), "Feature") != 0)
    {
      atlas_import_batch_add_problem (batch, _("it is not a GeoJSON Feature"));
      return;
    }
  properties = get_properties (batch, feature, &ok);
  if (!ok)
    return;

  atlas_import_batch_begin_item (batch);
  record = add_geometry (batch, json_object_get_member (feature, "geometry"), &error);
  if (record == NULL)
    {
      atlas_import_batch_add_problem (batch, "%s", error->message);
      return;
    }
  keep_feature_id (batch, record, feature);
  if (properties != NULL && !read_properties (batch, record, properties))
    atlas_import_batch_discard_item (batch);
}

static gboolean
read_features (AtlasImportBatch  *batch,
               JsonArray         *features,
               GError           **error)
{
  guint n = json_array_get_length (features);

  for (guint i = 0; i < n; i++)
    {
      atlas_import_batch_set_position (batch, 0, i + 1);
      read_feature (batch, json_array_get_element (features, i));
      if ((i + 1) % FEATURES_PER_PROGRESS == 0
          && !atlas_import_batch_progress (batch, (double) (i + 1) / n, error))
        return FALSE;
    }
  return atlas_import_batch_progress (batch, 1.0, error);
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

static gboolean
read_root (AtlasImportBatch  *batch,
           JsonNode          *root,
           GError           **error)
{
  g_autoptr(JsonArray) single = NULL;
  JsonObject *object;
  const char *type;
  JsonNode *features;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || (type = member_type (object = json_node_get_object (root))) == NULL)
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                   _("it is JSON but not GeoJSON (no “type”)"));
      return FALSE;
    }
  if (!check_crs (object, error))
    return FALSE;

  if (g_str_equal (type, "FeatureCollection"))
    {
      features = json_object_get_member (object, "features");
      if (features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
        {
          g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_MALFORMED,
                       _("its “features” is not a list"));
          return FALSE;
        }
      return read_features (batch, json_node_get_array (features), error);
    }

  /* A lone Feature, or a bare geometry taken as a feature without properties. */
  single = json_array_new ();
  if (g_str_equal (type, "Feature"))
    json_array_add_element (single, json_node_copy (root));
  else
    {
      JsonObject *feature = json_object_new ();

      json_object_set_string_member (feature, "type", "Feature");
      json_object_set_member (feature, "geometry", json_node_copy (root));
      json_array_add_object_element (single, feature);
    }
  return read_features (batch, single, error);
}

/**
 * atlas_geojson_reader_read:
 *
 * Reads a GeoJSON text into @batch. Features that cannot be read become problems naming
 * their number.
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
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (ATLAS_IS_IMPORT_BATCH (batch), FALSE);

  if (!check_encoding (data, length, error) || !check_depth (data, length, error))
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      set_parse_error (error, parse_error);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && !node_is_utf8 (root))
    {
      g_set_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_ENCODING,
                   _("it holds a \\u escape that is not valid Unicode text, such as half of "
                     "a UTF-16 pair"));
      return FALSE;
    }
  return read_root (batch, root, error);
}
