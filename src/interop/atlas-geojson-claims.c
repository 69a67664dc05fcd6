/* atlas-geojson-claims.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "claims" list our own GeoJSON export writes in each feature: every claim with its
 * figures, qualifier, grade, party, paraphrase, locator and document. Read back, each comes
 * back whole, graded as it was and tied to its own document, so that contested figures
 * stay side by side after a round trip instead of turning into text.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <math.h>

#include "atlas-geojson-claims.h"

static const char *const document_fields[] = {
  "title", "publisher", "author", "url", "published", "doc_kind", "reliability", NULL
};

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_number (JsonObject *object,
               const char *name,
               double     *value)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  *value = json_node_get_double (node);
  return isfinite (*value);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A claim's "document" names a few fields; the feature's "sources" entry with the same
 * title, publisher and date adds the rest (address, author, kind). */
static JsonObject *
find_source (JsonObject *properties,
             JsonObject *document)
{
  static const char *const matched[] = { "title", "publisher", "published" };
  JsonNode *node = json_object_get_member (properties, "sources");
  JsonArray *sources;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return document;
  sources = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonNode *element = json_array_get_element (sources, i);
      JsonObject *source = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element)
                                                            : NULL;
      gboolean same = source != NULL;

      for (guint m = 0; same && m < G_N_ELEMENTS (matched); m++)
        same = g_strcmp0 (member_string (source, matched[m]),
                          member_string (document, matched[m])) == 0;
      if (same)
        return source;
    }
  return document;
}

static const char *
read_document (AtlasImportBatch *batch,
               JsonObject       *properties,
               JsonObject       *claim)
{
  JsonObject *document = member_object (claim, "document");
  const char *values[G_N_ELEMENTS (document_fields)];

  if (document == NULL)
    return NULL;
  document = find_source (properties, document);
  for (guint i = 0; document_fields[i] != NULL; i++)
    values[i] = member_string (document, document_fields[i]);
  return atlas_import_batch_get_document (batch, document_fields, values);
}

static void
read_claim (AtlasImportBatch *batch,
            AtlasRecord      *subject,
            JsonObject       *properties,
            JsonObject       *object)
{
  static const char *const numbers[] = { "value_number", "value_min", "value_max" };
  static const char *const texts[] = { "qualifier", "attributed_to", "paraphrase", "locator" };
  const char *attribute = member_string (object, "attribute");
  const char *value = member_string (object, "value_text");
  AtlasRecord *claim;
  double number;

  if (attribute == NULL || *attribute == '\0' || value == NULL)
    return;
  claim = atlas_import_batch_add_claim (batch, subject, attribute, value,
                                        read_document (batch, properties, object));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (member_number (object, numbers[i], &number))
      atlas_record_set_double (claim, numbers[i], number);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (member_string (object, texts[i]) != NULL && *member_string (object, texts[i]) != '\0')
      atlas_record_set_text (claim, texts[i], member_string (object, texts[i]));
  if (member_number (object, "credibility", &number) && number >= 1 && number <= 6
      && number == (gint64) number)
    atlas_record_set_int (claim, "credibility", (gint64) number);
}

/**
 * atlas_geojson_read_claim_list:
 * @properties: a feature's properties
 *
 * Adds a claim of @subject for each entry of the properties' "claims" list, when it is one
 * as we write it (objects with an attribute and a value).
 *
 * Returns: (transfer full) (nullable): the attributes the list held, whose plain
 *   properties repeat them; %NULL when there is no such list
 */
GHashTable *
atlas_geojson_read_claim_list (AtlasImportBatch *batch,
                               AtlasRecord      *subject,
                               JsonObject       *properties)
{
  JsonNode *node = json_object_get_member (properties, "claims");
  GHashTable *attributes;
  JsonArray *claims;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  claims = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonNode *element = json_array_get_element (claims, i);

      if (!JSON_NODE_HOLDS_OBJECT (element)
          || member_string (json_node_get_object (element), "attribute") == NULL)
        return NULL;
    }

  attributes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *object = json_node_get_object (json_array_get_element (claims, i));

      read_claim (batch, subject, properties, object);
      g_hash_table_add (attributes, (gpointer) member_string (object, "attribute"));
    }
  return attributes;
}
