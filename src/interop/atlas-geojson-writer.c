/* atlas-geojson-writer.c
 *
 * Copyright 2026 Incident Atlas developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a case as one GeoJSON (RFC 7946) FeatureCollection: each incident a Point with its
 * fields, its claims and their sources as properties; each route a LineString through its
 * waypoints, with the list of them; each waypoint also a Point naming its route and its
 * place on it. Each feature is built with JsonBuilder and written by JsonGenerator on a line
 * of its own, so a large case never sits in memory as one JSON tree.
 *
 * Reading the file back (atlas-geojson-reader.c) fills fields from properties of the same
 * name and keeps every other property as a claim, one per property. So a claim that is its
 * subject's only one about its attribute is also written as a property named after the
 * attribute, and comes back as a claim. Contested attributes, with several claims, stay in
 * the "claims" list only: a JSON object cannot hold one name twice.
 */

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "atlas-geojson-writer.h"
#include "atlas-route.h"

#define COLLECTION_START "{\"type\": \"FeatureCollection\", \"features\": [\n"
#define COLLECTION_END "\n]}\n"
#define FEATURE_SEPARATOR ",\n"

/* Property names GeoJSON readers take as a field rather than a claim (ours: the
 * property_map of atlas-import-batch.c, compared without case). A claim written under one
 * of these could take the field's place, so such claims stay in the "claims" list. */
static const char * const field_names[] = {
  "title", "name", "category", "type", "event_type", "date", "start", "start_time", "time",
  "timestamp", "event_date", "when", "end", "end_time", "place", "location", "admin_area",
  "admin1", "country", "summary", "description", "desc", "notes", NULL
};

/* Document fields a claim's "document" repeats; the rest are in "sources". */
static const char * const claim_document_fields[] = {
  "title", "publisher", "published", "reliability", NULL
};

typedef struct {
  AtlasExportContext *context;
  GOutputStream      *stream;
  JsonGenerator      *generator;
  guint               n_features;
} GeoJsonWriter;

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *text)
{
  g_autofree char *clean = text != NULL ? _atlas_case_exporter_clean_text (text, FALSE) : NULL;

  json_builder_set_member_name (builder, name);
  if (clean != NULL)
    json_builder_add_string_value (builder, clean);
  else
    json_builder_add_null_value (builder);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The field as a member: a number as a JSON number, text as a string, unknown as null. */
static void
add_field (JsonBuilder      *builder,
           AtlasRecord      *record,
           const AtlasField *field)
{
  g_autofree char *text = NULL;

  if (field->type == ATLAS_FIELD_DOUBLE)
    add_number (builder, field->name, atlas_record_field_get_double (record, field));
  else if (field->type == ATLAS_FIELD_INT)
    {
      json_builder_set_member_name (builder, field->name);
      json_builder_add_int_value (builder, atlas_record_field_get_int (record, field));
    }
  else
    {
      text = _atlas_case_exporter_field_text (record, field, ATLAS_EXPORT_DATE_PRECISION);
      add_text (builder, field->name, text);
    }
}

/* Every field of @record but its point and @skip; unknown values as null, so that every
 * feature of a kind has the same properties. */
static void
add_fields (JsonBuilder *builder,
            AtlasRecord *record,
            const char  *skip,
            GHashTable  *used)
{
  AtlasRecordClass *klass = ATLAS_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const AtlasField *field = &klass->fields[i];

      if (_atlas_case_exporter_is_point_field (field) || g_strcmp0 (skip, field->name) == 0)
        continue;
      g_hash_table_add (used, g_strdup (field->name));
      add_field (builder, record, field);
    }
}

/* Only the fields @names that are known, for the objects of a list. */
static void
add_known_fields (JsonBuilder        *builder,
                  AtlasRecord        *record,
                  const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const AtlasField *field = atlas_record_class_find_field (ATLAS_RECORD_GET_CLASS (record),
                                                               names[i]);

      g_assert (field != NULL);
      if ((field->type == ATLAS_FIELD_TEXT && atlas_record_field_get_text (record, field))
          || (field->type == ATLAS_FIELD_DOUBLE
              && isfinite (atlas_record_field_get_double (record, field)))
          || field->type == ATLAS_FIELD_INT)
        add_field (builder, record, field);
    }
}

static gboolean
is_field_name (const char *name)
{
  for (guint i = 0; field_names[i] != NULL; i++)
    if (g_ascii_strcasecmp (field_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* A claim as a property of its own, where reading it back gives the same claim. */
static void
add_single_claims (JsonBuilder        *builder,
                   AtlasExportSubject *subject,
                   GHashTable         *used)
{
  for (guint i = 0; i < subject->claims->len; i++)
    {
      AtlasRecord *claim = g_ptr_array_index (subject->claims, i);
      const char *attribute = atlas_record_get_text (claim, "attribute");
      const char *value = atlas_record_get_text (claim, "value_text");
      g_autofree char *name = NULL;

      if (attribute == NULL || value == NULL || *value == '\0'
          || !_atlas_case_exporter_subject_is_single (subject, i) || is_field_name (attribute))
        continue;
      name = _atlas_case_exporter_clean_text (attribute, FALSE);
      if (g_hash_table_contains (used, name))
        continue;
      add_text (builder, name, value);
      g_hash_table_add (used, g_steal_pointer (&name));
    }
}

static void
add_claim (JsonBuilder        *builder,
           AtlasExportContext *context,
           AtlasRecord        *claim)
{
  static const char * const claim_fields[] = {
    "attribute", "value_text", "value_number", "value_min", "value_max", "qualifier",
    "credibility", "attributed_to", "paraphrase", "locator", NULL
  };
  AtlasRecord *document = _atlas_case_exporter_get_document (
    context, atlas_record_get_text (claim, "document_key"));

  json_builder_begin_object (builder);
  add_known_fields (builder, claim, claim_fields);
  if (document != NULL)
    {
      json_builder_set_member_name (builder, "document");
      json_builder_begin_object (builder);
      add_known_fields (builder, document, claim_document_fields);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_claims_and_sources (JsonBuilder        *builder,
                        AtlasExportContext *context,
                        AtlasExportSubject *subject)
{
  /* "file" is left out: it may be a path on the analyst's own computer. */
  static const char * const source_fields[] = {
    "title", "publisher", "author", "url", "published", "doc_kind", "reliability", NULL
  };

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < subject->claims->len; i++)
    add_claim (builder, context, g_ptr_array_index (subject->claims, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < subject->sources->len; i++)
    {
      json_builder_begin_object (builder);
      add_known_fields (builder, g_ptr_array_index (subject->sources, i), source_fields);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_position (JsonBuilder *builder,
              AtlasRecord *record)
{
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, atlas_record_get_double (record, "longitude"));
  json_builder_add_double_value (builder, atlas_record_get_double (record, "latitude"));
  json_builder_end_array (builder);
}

static void
add_point_geometry (JsonBuilder *builder,
                    AtlasRecord *record)
{
  json_builder_set_member_name (builder, "geometry");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Point");
  json_builder_set_member_name (builder, "coordinates");
  add_position (builder, record);
  json_builder_end_object (builder);
}

/* RFC 7946 wants two positions at least; a route with fewer has no geometry. */
static void
add_line_geometry (JsonBuilder *builder,
                   GListModel  *waypoints)
{
  guint n = g_list_model_get_n_items (waypoints);

  json_builder_set_member_name (builder, "geometry");
  if (n < 2)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "LineString");
  json_builder_set_member_name (builder, "coordinates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);

      add_position (builder, waypoint);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The feature's "type" and "id"; its geometry comes next. */
static JsonBuilder *
begin_feature (AtlasRecord *record)
{
  JsonBuilder *builder = json_builder_new ();
  g_autofree char *key = _atlas_case_exporter_clean_text (atlas_record_get_key (record), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Feature");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, key);
  return builder;
}

/* The start of "properties", with the kind of record first. @used: the property names
 * taken so far. */
static void
begin_properties (JsonBuilder *builder,
                  AtlasRecord *record,
                  GHashTable  *used)
{
  static const char * const own_names[] = { "kind", "claims", "sources", "waypoints", NULL };

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, atlas_record_get_kind (record));
  for (guint i = 0; own_names[i] != NULL; i++)
    g_hash_table_add (used, g_strdup (own_names[i]));
}

/* The claims, and the end of the properties and the feature. */
static void
end_feature (JsonBuilder        *builder,
             AtlasExportContext *context,
             AtlasExportSubject *subject,
             GHashTable         *used)
{
  add_single_claims (builder, subject, used);
  add_claims_and_sources (builder, context, subject);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static gboolean
write_feature (GeoJsonWriter  *self,
               JsonBuilder    *builder,
               GError        **error)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_root (self->generator, root);
  text = json_generator_to_data (self->generator, &length);
  if (self->n_features++ > 0
      && !_atlas_case_exporter_write (self->stream, FEATURE_SEPARATOR,
                                      strlen (FEATURE_SEPARATOR),
                                      self->context->cancellable, error))
    return FALSE;
  return _atlas_case_exporter_write (self->stream, text, length, self->context->cancellable,
                                     error);
}

static GHashTable *
new_name_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* An incident, or a waypoint: a Point with the record's fields. */
static gboolean
write_point (GeoJsonWriter  *self,
             AtlasRecord    *record,
             GError        **error)
{
  g_auto(AtlasExportSubject) subject = { 0 };
  g_autoptr(GHashTable) used = new_name_set ();
  g_autoptr(JsonBuilder) builder = NULL;

  if (_atlas_case_exporter_check_cancelled (self->context, error)
      || !_atlas_case_exporter_subject_load (self->context, record, &subject, error))
    return FALSE;

  builder = begin_feature (record);
  add_point_geometry (builder, record);
  begin_properties (builder, record, used);
  add_fields (builder, record, NULL, used);
  end_feature (builder, self->context, &subject, used);
  return write_feature (self, builder, error);
}

static gboolean
write_incidents (GeoJsonWriter  *self,
                 GError        **error)
{
  g_autoptr(GListModel) incidents = atlas_case_list_incidents (self->context->atlas_case,
                                                               self->context->filter, error);

  if (incidents == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (incidents); i++)
    {
      g_autoptr(AtlasRecord) incident = g_list_model_get_item (incidents, i);

      if (!write_point (self, incident, error))
        return FALSE;
    }
  return TRUE;
}

/* The route's waypoints in order, each with its fields but the route's key. */
static void
add_waypoint_list (JsonBuilder *builder,
                   GListModel  *waypoints)
{
  json_builder_set_member_name (builder, "waypoints");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);
      g_autoptr(GHashTable) used = new_name_set ();
      g_autofree char *key = _atlas_case_exporter_clean_text (atlas_record_get_key (waypoint),
                                                             FALSE);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, key);
      add_fields (builder, waypoint, "route_key", used);
      add_number (builder, "latitude", atlas_record_get_double (waypoint, "latitude"));
      add_number (builder, "longitude", atlas_record_get_double (waypoint, "longitude"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A route as a LineString, followed by its waypoints as Points. */
static gboolean
write_route (GeoJsonWriter  *self,
             AtlasRecord    *route,
             GError        **error)
{
  g_auto(AtlasExportSubject) subject = { 0 };
  g_autoptr(GHashTable) used = new_name_set ();
  g_autoptr(GListModel) waypoints = NULL;
  g_autoptr(JsonBuilder) builder = NULL;

  if (_atlas_case_exporter_check_cancelled (self->context, error)
      || !_atlas_case_exporter_subject_load (self->context, route, &subject, error)
      || (waypoints = atlas_case_list_waypoints (self->context->atlas_case,
                                                 atlas_record_get_key (route), error)) == NULL)
    return FALSE;

  builder = begin_feature (route);
  add_line_geometry (builder, waypoints);
  begin_properties (builder, route, used);
  add_fields (builder, route, NULL, used);
  add_waypoint_list (builder, waypoints);
  end_feature (builder, self->context, &subject, used);
  if (!write_feature (self, builder, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (waypoints); i++)
    {
      g_autoptr(AtlasRecord) waypoint = g_list_model_get_item (waypoints, i);

      if (!write_point (self, waypoint, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_routes (GeoJsonWriter  *self,
              GError        **error)
{
  g_autoptr(GListModel) routes = atlas_case_list_records (self->context->atlas_case,
                                                          ATLAS_TYPE_ROUTE, error);

  if (routes == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (routes); i++)
    {
      g_autoptr(AtlasRecord) route = g_list_model_get_item (routes, i);

      if (!write_route (self, route, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * atlas_geojson_writer_write:
 *
 * Writes the incidents that pass the context's filter, then every route, each followed by
 * its waypoints. The coordinates are WGS 84 longitude, latitude, as RFC 7946 requires.
 */
gboolean
atlas_geojson_writer_write (AtlasExportContext  *context,
                            GOutputStream       *stream,
                            GError             **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GeoJsonWriter self = { context, stream, generator, 0 };

  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return _atlas_case_exporter_write (stream, COLLECTION_START, strlen (COLLECTION_START),
                                     context->cancellable, error)
         && write_incidents (&self, error)
         && write_routes (&self, error)
         && _atlas_case_exporter_write (stream, COLLECTION_END, strlen (COLLECTION_END),
                                        context->cancellable, error);
}
