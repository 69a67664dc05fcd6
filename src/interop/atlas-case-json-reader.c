/* atlas-case-json-reader.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a whole case written as JSON (the "incident-atlas-case" format the sample case is
 * kept in, so it can be reviewed as text) into records for the store. Every problem is
 * reported with the file and the place in it, e.g. "claims[12]: no attribute".
 *
 * Besides the records themselves, a case may give
 * - on a document: "reliability_note" (why it got its grade), "accessed", "language";
 * - on a claim: "credibility_note" (why it got its grade);
 * - a "relations" list, each {"claim": KEY, "relation": "contradicts" | "corroborates" |
 *   "repeats", "other": KEY, "note": TEXT}: the first claim contradicts, corroborates or
 *   repeats the other (a report that relays another is not an independent source).
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "atlas-actor.h"
#include "atlas-briefing-step.h"
#include "atlas-briefing.h"
#include "atlas-case-error.h"
#include "atlas-case-json-reader.h"
#include "atlas-claim-relation.h"
#include "atlas-claim.h"
#include "atlas-document.h"
#include "atlas-incident.h"
#include "atlas-role.h"
#include "atlas-route.h"
#include "atlas-waypoint.h"

#define FORMAT_NAME "incident-atlas-case"
#define FORMAT_VERSION 1

struct _AtlasCaseJsonReader
{
  GObject     parent_instance;

  char       *title;
  char       *summary;
  char       *initial_frame;
  char       *initial_selection;
  GPtrArray  *records;
  GHashTable *kind_by_key;   /* every key read so far → "incident", "route"… */
};

G_DEFINE_FINAL_TYPE (AtlasCaseJsonReader, atlas_case_json_reader, G_TYPE_OBJECT)

/* How a JSON member maps to a record field; NULL json name means "same as the field". */
typedef struct {
  const char *field;
  const char *member;
} FieldMap;

static gboolean
set_invalid (GError    **error,
             const char *section,
             guint       index,
             const char *reason)
{
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID, "%s[%u]: %s",
               section, index, reason);
  return FALSE;
}

/* The object member @name of @object, or NULL when it is missing or not an object. */
static JsonObject *
get_object_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}


/* json-glib reads 1e400 as infinity and hands a double to an integer field cast: a figure
 * the field cannot hold is refused rather than changed. */
static gboolean
number_fits (const AtlasField *spec,
             JsonNode         *node)
{
  double value;

  if (spec->type == ATLAS_FIELD_TEXT)
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return TRUE;
  value = json_node_get_double (node);
  if (spec->type == ATLAS_FIELD_DOUBLE)
    return isfinite (value);
  return value == floor (value) && fabs (value) < 9.2e18;
}

static gboolean
copy_member (AtlasRecord  *record,
             JsonObject   *object,
             const char   *field,
             const char   *member,
             GError      **error)
{
  const AtlasField *spec = atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (record), field);
  JsonNode *node = json_object_get_member (object, member);
  GType value_type;

  g_assert (spec != NULL);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  value_type = json_node_get_value_type (node);
  if (!JSON_NODE_HOLDS_VALUE (node)
      || (spec->type == ATLAS_FIELD_TEXT && value_type != G_TYPE_STRING)
      || (spec->type != ATLAS_FIELD_TEXT && value_type != G_TYPE_DOUBLE
          && value_type != G_TYPE_INT64))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("“%s” has the wrong type"), member);
      return FALSE;
    }

  if (!number_fits (spec, node))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("“%s” is beyond what its field can hold"), member);
      return FALSE;
    }
  if (spec->type == ATLAS_FIELD_TEXT)
    atlas_record_set_text (record, field, json_node_get_string (node));
  else if (spec->type == ATLAS_FIELD_DOUBLE)
    atlas_record_set_double (record, field, json_node_get_double (node));
  else
    atlas_record_set_int (record, field, json_node_get_int (node));
  return TRUE;
}

static AtlasRecord *
record_from_object (AtlasCaseJsonReader  *self,
                    GType                 type,
                    JsonObject           *object,
                    const FieldMap       *map,
                    guint                 n_map,
                    const char           *generated_key,
                    GError              **error)
{
  g_autoptr(AtlasRecord) record = g_object_new (type, NULL);
  const char *key = generated_key;

  if (key == NULL)
    key = json_object_get_string_member_with_default (object, "id", NULL);
  if (key == NULL || *key == '\0')
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID, _("no “id”"));
      return NULL;
    }
  if (g_hash_table_contains (self->kind_by_key, key))
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("the id “%s” is used twice"), key);
      return NULL;
    }

  g_object_set (record, "key", key, NULL);
  for (guint i = 0; i < n_map; i++)
    if (!copy_member (record, object, map[i].field,
                      map[i].member ? map[i].member : map[i].field, error))
      return NULL;

  g_hash_table_insert (self->kind_by_key, g_strdup (key),
                       (gpointer) atlas_record_get_kind (record));
  return g_steal_pointer (&record);
}

static JsonArray *
get_section (JsonObject  *root,
             const char  *name,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                 _("“%s” is not a list"), name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Reads each object of a section with @map into records of @type. */
static gboolean
read_section (AtlasCaseJsonReader  *self,
              JsonObject           *root,
              const char           *name,
              GType                 type,
              const FieldMap       *map,
              guint                 n_map,
              GError              **error)
{
  JsonArray *array = get_section (root, name, error);

  if (array == NULL)
    return error == NULL || *error == NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      AtlasRecord *record;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_invalid (error, name, i, _("not an object"));

      record = record_from_object (self, type, json_node_get_object (node), map, n_map,
                                   NULL, &local_error);
      if (record == NULL)
        return set_invalid (error, name, i, local_error->message);
      g_ptr_array_add (self->records, record);
    }
  return TRUE;
}

static char *
join_string_array (JsonObject *object,
                   const char *member,
                   const char *separator)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strings = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  strings = g_strv_builder_end (builder);
  return g_strjoinv (separator, strings);
}

static gboolean
read_actors (AtlasCaseJsonReader  *self,
             JsonObject           *root,
             GError              **error)
{
  static const FieldMap map[] = {
    { "name", NULL }, { "actor_kind", "kind" }, { "summary", NULL },
  };
  JsonArray *array = get_section (root, "actors", error);
  guint first = self->records->len;

  if (!read_section (self, root, "actors", ATLAS_TYPE_ACTOR, map, G_N_ELEMENTS (map), error))
    return FALSE;

  /* Aliases are a list in JSON and one line each in the store. */
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *aliases = join_string_array (json_array_get_object_element (array, i),
                                                    "aliases", "\n");
      atlas_record_set_text (g_ptr_array_index (self->records, first + i), "aliases", aliases);
    }
  return TRUE;
}

static gboolean
read_waypoints (AtlasCaseJsonReader  *self,
                JsonObject           *route,
                const char           *route_key,
                GError              **error)
{
  static const FieldMap map[] = {
    { "place", NULL }, { "admin_area", NULL }, { "country", NULL }, { "latitude", NULL },
    { "longitude", NULL }, { "date", NULL }, { "date_precision", NULL },
    { "location_precision", NULL }, { "location_source", "gazetteer" },
  };
  JsonArray *array = get_section (route, "waypoints", error);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      AtlasRecord *record;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_invalid (error, "waypoints", i, _("not an object"));
      record = record_from_object (self, ATLAS_TYPE_WAYPOINT, json_node_get_object (node),
                                   map, G_N_ELEMENTS (map), NULL, &local_error);
      if (record == NULL)
        return set_invalid (error, route_key, i, local_error->message);

      atlas_record_set_text (record, "route_key", route_key);
      atlas_record_set_int (record, "seq", i + 1);
      g_ptr_array_add (self->records, record);
    }
  return error == NULL || *error == NULL;
}

static gboolean
read_routes (AtlasCaseJsonReader  *self,
             JsonObject           *root,
             GError              **error)
{
  static const FieldMap map[] = { { "name", NULL }, { "status", NULL }, { "summary", NULL } };
  JsonArray *array = get_section (root, "routes", error);
  guint first = self->records->len;

  if (!read_section (self, root, "routes", ATLAS_TYPE_ROUTE, map, G_N_ELEMENTS (map), error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      AtlasRecord *route = g_ptr_array_index (self->records, first + i);

      if (!read_waypoints (self, json_array_get_object_element (array, i),
                           atlas_record_get_key (route), error))
        return FALSE;
    }
  return TRUE;
}

/* Claims, roles and briefing steps name their subject by key; its kind comes from what was
 * read before them. */
static gboolean
resolve_subject (AtlasCaseJsonReader  *self,
                 AtlasRecord          *record,
                 const char           *subject,
                 GError              **error)
{
  const char *kind = subject ? g_hash_table_lookup (self->kind_by_key, subject) : NULL;

  if (kind == NULL)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("the subject “%s” is not in the case"), subject ? subject : "");
      return FALSE;
    }
  atlas_record_set_text (record, "subject_kind", kind);
  atlas_record_set_text (record, "subject_key", subject);
  return TRUE;
}

static gboolean
read_referring_section (AtlasCaseJsonReader  *self,
                        JsonObject           *root,
                        const char           *name,
                        GType                 type,
                        const FieldMap       *map,
                        guint                 n_map,
                        gboolean              generate_keys,
                        GError              **error)
{
  JsonArray *array = get_section (root, name, error);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = generate_keys ? g_strdup_printf ("%s-%u", name, i + 1) : NULL;
      AtlasRecord *record;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_invalid (error, name, i, _("not an object"));
      object = json_node_get_object (node);
      record = record_from_object (self, type, object, map, n_map, key, &local_error);
      if (record == NULL
          || !resolve_subject (self, record,
                               json_object_get_string_member_with_default (object, "subject",
                                                                           NULL),
                               &local_error))
        {
          g_clear_object (&record);
          return set_invalid (error, name, i, local_error->message);
        }
      g_ptr_array_add (self->records, record);
    }
  return error == NULL || *error == NULL;
}

static gboolean
is_claim_key (AtlasCaseJsonReader *self,
              const char          *key)
{
  return key != NULL && g_strcmp0 (g_hash_table_lookup (self->kind_by_key, key), "claim") == 0;
}

/* Relations name two claims read before them; their keys are made up ("relation-3"). */
static gboolean
read_relations (AtlasCaseJsonReader  *self,
                JsonObject           *root,
                GError              **error)
{
  static const FieldMap map[] = {
    { "claim_key", "claim" }, { "relation", NULL }, { "other_key", "other" }, { "note", NULL },
  };
  static const char *const relations[] = { "contradicts", "corroborates", "repeats", NULL };
  JsonArray *array = get_section (root, "relations", error);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *key = g_strdup_printf ("relation-%u", i + 1);
      AtlasRecord *record;
      const char *claim_key, *other_key, *relation;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return set_invalid (error, "relations", i, _("not an object"));
      record = record_from_object (self, ATLAS_TYPE_CLAIM_RELATION, json_node_get_object (node),
                                   map, G_N_ELEMENTS (map), key, &local_error);
      if (record == NULL)
        return set_invalid (error, "relations", i, local_error->message);
      g_ptr_array_add (self->records, record);

      claim_key = atlas_record_get_text (record, "claim_key");
      other_key = atlas_record_get_text (record, "other_key");
      relation = atlas_record_get_text (record, "relation");
      if (!is_claim_key (self, claim_key) || !is_claim_key (self, other_key))
        {
          g_autofree char *reason =
            g_strdup_printf (_("the claim “%s” is not in the case"),
                             !is_claim_key (self, claim_key) ? (claim_key ? claim_key : "")
                                                             : (other_key ? other_key : ""));
          return set_invalid (error, "relations", i, reason);
        }
      if (g_str_equal (claim_key, other_key))
        return set_invalid (error, "relations", i, _("a claim is related to itself"));
      if (relation == NULL || !g_strv_contains (relations, relation))
        return set_invalid (error, "relations", i,
                            _("the relation is not “contradicts”, “corroborates” or “repeats”"));
    }
  return error == NULL || *error == NULL;
}

static gboolean
parse_extent (AtlasRecord *step,
              const char  *subject)
{
  g_auto(GStrv) parts = g_strsplit (subject + strlen ("extent:"), ",", -1);
  const char *fields[] = { "min_lon", "min_lat", "max_lon", "max_lat" };

  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;
      double value = g_ascii_strtod (parts[i], &end);

      if (end == parts[i] || *end != '\0' || !isfinite (value))
        return FALSE;
      atlas_record_set_double (step, fields[i], value);
    }
  atlas_record_set_text (step, "subject_kind", "extent");
  return TRUE;
}

/* The file's one briefing, which its steps belong to. */
#define BRIEFING_KEY "briefing-1"

static void
add_briefing (AtlasCaseJsonReader *self,
              JsonObject          *briefing)
{
  const char *title = json_object_get_string_member_with_default (briefing, "title", NULL);
  AtlasRecord *record = ATLAS_RECORD (atlas_briefing_new (BRIEFING_KEY));

  atlas_record_set_text (record, "title", title != NULL && *title != '\0' ? title : _("Briefing"));
  atlas_record_set_int (record, "seq", 1);
  g_ptr_array_add (self->records, record);
}

static gboolean
read_briefing (AtlasCaseJsonReader  *self,
               JsonObject           *root,
               GError              **error)
{
  static const FieldMap map[] = { { "caption", NULL } };
  JsonObject *briefing = get_object_member (root, "briefing");
  JsonArray *steps;

  if (briefing == NULL)
    return TRUE;
  steps = get_section (briefing, "steps", error);
  if (steps != NULL)
    add_briefing (self, briefing);

  for (guint i = 0; steps != NULL && i < json_array_get_length (steps); i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *key = g_strdup_printf ("step-%u", i + 1);
      g_autofree char *claim_keys = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *subject;
      AtlasRecord *step;

      if (object == NULL)
        return set_invalid (error, "steps", i, _("not an object"));
      subject = json_object_get_string_member_with_default (object, "subject", "");
      step = record_from_object (self, ATLAS_TYPE_BRIEFING_STEP, object, map,
                                 G_N_ELEMENTS (map), key, &local_error);
      if (step == NULL
          || (g_str_has_prefix (subject, "extent:") ? !parse_extent (step, subject)
              : !resolve_subject (self, step, subject, &local_error)))
        {
          g_clear_object (&step);
          return set_invalid (error, "steps", i,
                              local_error ? local_error->message : _("bad extent"));
        }

      claim_keys = join_string_array (object, "claims", " ");
      atlas_record_set_text (step, "claim_keys", claim_keys);
      atlas_record_set_int (step, "seq", i + 1);
      atlas_record_set_text (step, "briefing_key", BRIEFING_KEY);
      g_ptr_array_add (self->records, step);
    }
  return error == NULL || *error == NULL;
}

static gboolean
read_root (AtlasCaseJsonReader  *self,
           JsonObject           *root,
           GError              **error)
{
  static const FieldMap documents[] = {
    { "title", NULL }, { "publisher", NULL }, { "author", NULL }, { "url", NULL },
    { "published", NULL }, { "doc_kind", "kind" }, { "reliability", NULL }, { "file", NULL },
    { "accessed", NULL }, { "language", NULL }, { "reliability_note", NULL },
  };
  static const FieldMap incidents[] = {
    { "title", NULL }, { "category", NULL }, { "start_time", "start" },
    { "start_precision", NULL }, { "end_time", "end" }, { "end_precision", NULL },
    { "place", NULL }, { "admin_area", NULL }, { "country", NULL }, { "latitude", NULL },
    { "longitude", NULL }, { "location_precision", NULL }, { "location_source", "gazetteer" },
    { "summary", NULL },
  };
  static const FieldMap claims[] = {
    { "attribute", NULL }, { "value_text", "value" }, { "value_number", "number" },
    { "value_min", "min" }, { "value_max", "max" }, { "qualifier", NULL },
    { "document_key", "document" }, { "attributed_to", NULL }, { "paraphrase", NULL },
    { "locator", NULL }, { "credibility", NULL }, { "credibility_note", NULL },
  };
  static const FieldMap roles[] = { { "actor_key", "actor" }, { "role", NULL } };

  return read_section (self, root, "documents", ATLAS_TYPE_DOCUMENT, documents,
                       G_N_ELEMENTS (documents), error)
         && read_actors (self, root, error)
         && read_section (self, root, "incidents", ATLAS_TYPE_INCIDENT, incidents,
                          G_N_ELEMENTS (incidents), error)
         && read_routes (self, root, error)
         && read_referring_section (self, root, "roles", ATLAS_TYPE_ROLE, roles,
                                    G_N_ELEMENTS (roles), TRUE, error)
         && read_referring_section (self, root, "claims", ATLAS_TYPE_CLAIM, claims,
                                    G_N_ELEMENTS (claims), FALSE, error)
         && read_relations (self, root, error)
         && read_briefing (self, root, error);
}

static gboolean
check_format (JsonObject  *root,
              GError     **error)
{
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL),
                 FORMAT_NAME) != 0
      || json_object_get_int_member_with_default (root, "version", 0) != FORMAT_VERSION)
    {
      g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                   _("it is not an Incident Atlas case (format “%s”, version %d)"),
                   FORMAT_NAME, FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static void
read_case_info (AtlasCaseJsonReader *self,
                JsonObject          *root)
{
  JsonObject *info = get_object_member (root, "case");
  JsonObject *view;

  if (info == NULL)
    return;
  self->title = g_strdup (json_object_get_string_member_with_default (info, "title", NULL));
  self->summary = g_strdup (json_object_get_string_member_with_default (info, "summary", NULL));

  view = get_object_member (info, "initial_view");
  if (view == NULL)
    return;
  self->initial_frame = g_strdup (json_object_get_string_member_with_default (view, "frame", NULL));
  self->initial_selection = g_strdup (json_object_get_string_member_with_default (view, "select",
                                                                                  NULL));
}

/**
 * atlas_case_json_reader_read_file:
 *
 * Reads @file into records. On error nothing read so far is kept, and the error names the
 * file and where in it the problem is.
 */
gboolean
atlas_case_json_reader_read_file (AtlasCaseJsonReader  *self,
                                  GFile                *file,
                                  GError              **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  JsonNode *root;

  g_return_val_if_fail (ATLAS_IS_CASE_JSON_READER (self), FALSE);

  if (json_parser_load_from_file (parser, path, &local_error)
      && (root = json_parser_get_root (parser)) != NULL
      && (JSON_NODE_HOLDS_OBJECT (root)
          || (g_set_error (&local_error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID,
                           _("it is not a JSON object")), FALSE))
      && check_format (json_node_get_object (root), &local_error)
      && read_root (self, json_node_get_object (root), &local_error))
    {
      read_case_info (self, json_node_get_object (root));
      return TRUE;
    }

  g_ptr_array_set_size (self->records, 0);
  g_hash_table_remove_all (self->kind_by_key);
  g_set_error (error, ATLAS_CASE_ERROR, ATLAS_CASE_ERROR_INVALID, "%s: %s", name,
               local_error->message);
  return FALSE;
}

const char *
atlas_case_json_reader_get_title (AtlasCaseJsonReader *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE_JSON_READER (self), NULL);
  return self->title;
}

const char *
atlas_case_json_reader_get_summary (AtlasCaseJsonReader *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE_JSON_READER (self), NULL);
  return self->summary;
}

/**
 * atlas_case_json_reader_get_initial_view:
 * @frame_key: (out) (nullable): what the case opens framed on
 * @selection_key: (out) (nullable): what the case opens with selected
 */
void
atlas_case_json_reader_get_initial_view (AtlasCaseJsonReader  *self,
                                         const char          **frame_key,
                                         const char          **selection_key)
{
  g_return_if_fail (ATLAS_IS_CASE_JSON_READER (self));

  *frame_key = self->initial_frame;
  *selection_key = self->initial_selection;
}

/**
 * atlas_case_json_reader_get_records:
 *
 * Returns: (transfer none) (element-type AtlasRecord): what was read
 */
GPtrArray *
atlas_case_json_reader_get_records (AtlasCaseJsonReader *self)
{
  g_return_val_if_fail (ATLAS_IS_CASE_JSON_READER (self), NULL);
  return self->records;
}

static void
atlas_case_json_reader_finalize (GObject *object)
{
  AtlasCaseJsonReader *self = ATLAS_CASE_JSON_READER (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->initial_frame, g_free);
  g_clear_pointer (&self->initial_selection, g_free);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->kind_by_key, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_case_json_reader_parent_class)->finalize (object);
}

static void
atlas_case_json_reader_class_init (AtlasCaseJsonReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_case_json_reader_finalize;
}

static void
atlas_case_json_reader_init (AtlasCaseJsonReader *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->kind_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

AtlasCaseJsonReader *
atlas_case_json_reader_new (void)
{
  return g_object_new (ATLAS_TYPE_CASE_JSON_READER, NULL);
}
