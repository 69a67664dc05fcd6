/* atlas-geojson-claims.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "claims" list our own GeoJSON export writes in each feature: every claim with its
 * figures, qualifier, grade, party, paraphrase, locator and document. Read back, each comes
 * back whole, graded as it was and tied to its own document, so that contested figures
 * stay side by side after a round trip instead of turning into text. The grades are the
 * file's word (the batch marks them so) until an analyst confirms them.
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-geojson-claims.h"
#include "atlas-import-limits.h"

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

/* A figure of a claim: FALSE when there is none, and when the file's number does not fit a
 * double (1e400), with a problem naming it: a different figure would be wrong. */
static gboolean
member_number (AtlasImportBatch *batch,
               AtlasJsonStream  *stream,
               JsonObject       *object,
               const char       *name,
               double           *value,
               gboolean         *ok)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *text = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;
  *value = json_node_get_double (node);
  if (isfinite (*value))
    return TRUE;
  text = atlas_json_stream_node_text (stream, node);
  atlas_import_batch_add_problem (batch, _("claim “%.40s”: %s %.40s is beyond what a number "
                                           "can hold"),
                                  member_string (object, "attribute"), name, text);
  *ok = FALSE;
  return FALSE;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* What a claim's "document" and a "sources" entry are matched by: title, publisher and
 * date. */
static char *
source_key (JsonObject *document)
{
  static const char *const matched[] = { "title", "publisher", "published" };
  GString *key = g_string_new (NULL);

  for (guint m = 0; m < G_N_ELEMENTS (matched); m++)
    {
      const char *value = member_string (document, matched[m]);

      /* a missing member differs from an empty one */
      g_string_append_c (key, value != NULL ? '+' : '-');
      g_string_append (key, value != NULL ? value : "");
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

/* The feature's "sources" by source_key(), the first of each; built once per feature, so
 * that many claims and many sources stay linear. */
static GHashTable *
index_sources (JsonObject *properties)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = json_object_get_member (properties, "sources");
  JsonArray *sources;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return index;
  sources = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonNode *element = json_array_get_element (sources, i);
      char *key;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      key = source_key (json_node_get_object (element));
      if (g_hash_table_contains (index, key))
        g_free (key);
      else
        g_hash_table_insert (index, key, json_node_get_object (element));
    }
  return index;
}

/* A claim's "document" names a few fields; the feature's "sources" entry with the same
 * title, publisher and date adds the rest (address, author, kind). */
static JsonObject *
find_source (GHashTable *sources,
             JsonObject *document)
{
  g_autofree char *key = source_key (document);
  JsonObject *source = g_hash_table_lookup (sources, key);

  return source != NULL ? source : document;
}

static const char *
read_document (AtlasImportBatch *batch,
               GHashTable       *sources,
               JsonObject       *claim)
{
  JsonObject *document = member_object (claim, "document");
  const char *values[G_N_ELEMENTS (document_fields)];

  if (document == NULL)
    return NULL;
  document = find_source (sources, document);
  for (guint i = 0; document_fields[i] != NULL; i++)
    values[i] = member_string (document, document_fields[i]);
  return atlas_import_batch_get_document (batch, document_fields, values);
}

static gboolean
read_claim (AtlasImportBatch *batch,
            AtlasJsonStream  *stream,
            AtlasRecord      *subject,
            GHashTable       *sources,
            JsonObject       *object)
{
  static const char *const numbers[] = { "value_number", "value_min", "value_max" };
  static const char *const texts[] = { "qualifier", "attributed_to", "paraphrase", "locator" };
  const char *attribute = member_string (object, "attribute");
  const char *value = member_string (object, "value_text");
  AtlasRecord *claim;
  double number;
  gboolean ok = TRUE;

  if (attribute == NULL || *attribute == '\0' || value == NULL)
    return TRUE;
  claim = atlas_import_batch_add_claim (batch, subject, attribute, value,
                                        read_document (batch, sources, object));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    if (member_number (batch, stream, object, numbers[i], &number, &ok))
      atlas_record_set_double (claim, numbers[i], number);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (member_string (object, texts[i]) != NULL && *member_string (object, texts[i]) != '\0')
      atlas_record_set_text (claim, texts[i], member_string (object, texts[i]));
  /* A grade out of range, or no number at all, falls back to "cannot be judged". */
  if (member_number (batch, stream, object, "credibility", &number, &ok) && number >= 1
      && number <= 6 && number == (gint64) number)
    atlas_record_set_int (claim, "credibility", (gint64) number);
  return ok;
}

static gboolean
is_claim_list (JsonArray *claims)
{
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonNode *element = json_array_get_element (claims, i);

      if (!JSON_NODE_HOLDS_OBJECT (element)
          || member_string (json_node_get_object (element), "attribute") == NULL)
        return FALSE;
    }
  return TRUE;
}

/* A claim list is read entry by entry, not kept as one text, so it is not bounded as a
 * whole; each of its texts is, like any property. */
static gboolean
texts_fit (JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (JSON_NODE_HOLDS_OBJECT (node) && !texts_fit (json_node_get_object (node)))
        return FALSE;
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
          && strlen (json_node_get_string (node)) > ATLAS_IMPORT_MAX_FIELD_SIZE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
list_texts_fit (AtlasImportBatch *batch,
                JsonObject       *properties,
                const char       *name)
{
  JsonNode *node = json_object_get_member (properties, name);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (element) && !texts_fit (json_node_get_object (element)))
        {
          atlas_import_batch_add_problem (batch, _("“%s” entry %u holds a text longer than "
                                                   "%u MiB"), name, i + 1,
                                          ATLAS_IMPORT_MAX_FIELD_SIZE >> 20);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * atlas_geojson_holds_claim_list:
 * @properties: a feature's properties
 *
 * Returns: %TRUE when their "claims" is a claim list as we write it: then it and "sources"
 *   are read entry by entry by atlas_geojson_read_claim_list()
 */
gboolean
atlas_geojson_holds_claim_list (JsonObject *properties)
{
  JsonNode *node = json_object_get_member (properties, "claims");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) && is_claim_list (json_node_get_array (node));
}

/**
 * atlas_geojson_read_claim_list:
 * @stream: the stream @properties were read from, for the text of their numbers
 * @properties: a feature's properties
 * @listed: (out) (transfer full) (nullable): the attributes the list held, whose plain
 *   properties repeat them; %NULL when there is no such list
 *
 * Adds a claim of @subject for each entry of the properties' "claims" list, when it is one
 * as we write it (objects with an attribute and a value).
 *
 * Returns: %FALSE, with a problem added, when a claim's figure is beyond what a number
 *   holds or a text of the list is over the field limit: the feature is then to be skipped
 */
gboolean
atlas_geojson_read_claim_list (AtlasImportBatch  *batch,
                               AtlasJsonStream   *stream,
                               AtlasRecord       *subject,
                               JsonObject        *properties,
                               GHashTable       **listed)
{
  JsonNode *node = json_object_get_member (properties, "claims");
  g_autoptr(GHashTable) sources = NULL;
  JsonArray *claims;

  *listed = NULL;
  if (!atlas_geojson_holds_claim_list (properties))
    return TRUE;
  if (!list_texts_fit (batch, properties, "claims") || !list_texts_fit (batch, properties, "sources"))
    return FALSE;
  claims = json_node_get_array (node);

  *listed = g_hash_table_new (g_str_hash, g_str_equal);
  sources = index_sources (properties);
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonObject *object = json_node_get_object (json_array_get_element (claims, i));

      if (!read_claim (batch, stream, subject, sources, object))
        return FALSE;
      g_hash_table_add (*listed, (gpointer) member_string (object, "attribute"));
    }
  return TRUE;
}
